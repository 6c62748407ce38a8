//! LSDA decoder following the rules of `find_eh_action` in std's
//! `sys/personality/dwarf/eh.rs`, so tests and tooling can check what `rust_eh_personality`
//! would do at a given ip. Bounds-checked: malformed input yields an error, never a panic.
//!
//! Offsets are function-relative, and fixed-size fields are read little-endian with 8-byte
//! `absptr`, as on the 64-bit little-endian targets this backend supports. An LPStart other
//! than "omitted" needs run-time addresses and is reported as unsupported.

// gimli spells the DW_EH_PE_* constants as in the DWARF spec; they appear in patterns.
#![allow(non_upper_case_globals)]

use std::fmt;
use std::ops::Range;

use gimli::constants::{
    DW_EH_PE_absptr, DW_EH_PE_omit, DW_EH_PE_sdata2, DW_EH_PE_sdata4, DW_EH_PE_sdata8,
    DW_EH_PE_sleb128, DW_EH_PE_udata2, DW_EH_PE_udata4, DW_EH_PE_udata8, DW_EH_PE_uleb128,
};

/// The personality's verdict for one frame (std's `EHAction`); landing pads are
/// function-relative offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EhAction {
    /// The ip is covered by an entry without landing pad: keep unwinding.
    None,
    Cleanup(u64),
    Catch(u64),
    Filter(u64),
    /// The ip is not covered by any entry.
    Terminate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    UnexpectedEof,
    /// std rejects this encoding (or, for LPStart, it needs addresses we don't have).
    UnsupportedEncoding(u8),
    Overflow,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DecodeError::UnexpectedEof => write!(f, "LSDA ends unexpectedly"),
            DecodeError::UnsupportedEncoding(enc) => {
                write!(f, "unsupported pointer encoding {enc:#04x}")
            }
            DecodeError::Overflow => write!(f, "LSDA value overflows"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The LSDA header; positions are byte offsets into the LSDA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LsdaHeader {
    pub ttype_encoding: u8,
    /// TTBase: type entries lie below it, exception specs start at it.
    pub ttype_base: Option<usize>,
    pub call_site_encoding: u8,
    pub call_site_table: Range<usize>,
}

impl LsdaHeader {
    /// The action table directly follows the call-site table.
    pub fn action_table(&self) -> usize {
        self.call_site_table.end
    }
}

pub fn parse_header(lsda: &[u8]) -> Result<LsdaHeader, DecodeError> {
    let mut r = Reader { data: lsda, pos: 0 };
    let lpstart_encoding = r.u8()?;
    if lpstart_encoding != DW_EH_PE_omit.0 {
        return Err(DecodeError::UnsupportedEncoding(lpstart_encoding));
    }
    let ttype_encoding = r.u8()?;
    let ttype_base = if ttype_encoding != DW_EH_PE_omit.0 {
        let offset = r.uleb128()?;
        Some(add(r.pos, offset)?)
    } else {
        None
    };
    let call_site_encoding = r.u8()?;
    let len = r.uleb128()?;
    let start = r.pos;
    Ok(LsdaHeader {
        ttype_encoding,
        ttype_base,
        call_site_encoding,
        call_site_table: start..add(start, len)?,
    })
}

/// What the personality does for a frame whose `ip - 1` (the value std compares) is at
/// function offset `ip`.
pub fn find_eh_action(lsda: &[u8], ip: u64) -> Result<EhAction, DecodeError> {
    let header = parse_header(lsda)?;
    let mut r = Reader { data: lsda, pos: header.call_site_table.start };
    let encoding = header.call_site_encoding;
    while r.pos < header.call_site_table.end {
        let start = r.encoded_offset(encoding)?;
        let len = r.encoded_offset(encoding)?;
        let landing_pad = r.encoded_offset(encoding)?;
        let action = r.uleb128()?;
        // Sorted table: past the ip means no entry covers it.
        if ip < start {
            break;
        }
        if ip < start.checked_add(len).ok_or(DecodeError::Overflow)? {
            if landing_pad == 0 {
                return Ok(EhAction::None);
            }
            return interpret_action(lsda, header.action_table(), action, landing_pad);
        }
    }
    Ok(EhAction::Terminate)
}

fn interpret_action(
    lsda: &[u8],
    action_table: usize,
    action: u64,
    landing_pad: u64,
) -> Result<EhAction, DecodeError> {
    if action == 0 {
        return Ok(EhAction::Cleanup(landing_pad));
    }
    // Only the first record's ttype index matters, and only its sign.
    let mut r = Reader { data: lsda, pos: add(action_table, action - 1)? };
    let ttype_index = r.sleb128()?;
    Ok(match ttype_index {
        0 => EhAction::Cleanup(landing_pad),
        1.. => EhAction::Catch(landing_pad),
        ..0 => EhAction::Filter(landing_pad),
    })
}

fn add(pos: usize, offset: u64) -> Result<usize, DecodeError> {
    usize::try_from(offset)
        .ok()
        .and_then(|offset| pos.checked_add(offset))
        .ok_or(DecodeError::Overflow)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn bytes<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let end = self.pos.checked_add(N).ok_or(DecodeError::Overflow)?;
        let bytes = self.data.get(self.pos..end).ok_or(DecodeError::UnexpectedEof)?;
        self.pos = end;
        bytes.try_into().map_err(|_| DecodeError::UnexpectedEof)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.bytes::<1>()?[0])
    }

    fn uleb128(&mut self) -> Result<u64, DecodeError> {
        let mut result = 0u64;
        let mut shift = 0;
        loop {
            let byte = self.u8()?;
            if shift >= 64 || (shift == 63 && byte & 0x7e != 0) {
                return Err(DecodeError::Overflow);
            }
            result |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                return Ok(result);
            }
        }
    }

    fn sleb128(&mut self) -> Result<i64, DecodeError> {
        let mut result = 0i64;
        let mut shift = 0;
        loop {
            let byte = self.u8()?;
            if shift >= 64 {
                return Err(DecodeError::Overflow);
            }
            result |= i64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 {
                    result |= -1 << shift;
                }
                return Ok(result);
            }
        }
    }

    /// std's `read_encoded_offset`: signed values wrap into the unsigned offset.
    fn encoded_offset(&mut self, encoding: u8) -> Result<u64, DecodeError> {
        if encoding == DW_EH_PE_omit.0 || encoding & 0xf0 != 0 {
            return Err(DecodeError::UnsupportedEncoding(encoding));
        }
        Ok(match gimli::DwEhPe(encoding) {
            DW_EH_PE_absptr | DW_EH_PE_udata8 => u64::from_le_bytes(self.bytes()?),
            DW_EH_PE_uleb128 => self.uleb128()?,
            DW_EH_PE_udata2 => u16::from_le_bytes(self.bytes()?).into(),
            DW_EH_PE_udata4 => u32::from_le_bytes(self.bytes()?).into(),
            DW_EH_PE_sleb128 => self.sleb128()? as u64,
            DW_EH_PE_sdata2 => i16::from_le_bytes(self.bytes()?) as u64,
            DW_EH_PE_sdata4 => i32::from_le_bytes(self.bytes()?) as u64,
            DW_EH_PE_sdata8 => i64::from_le_bytes(self.bytes()?) as u64,
            _ => return Err(DecodeError::UnsupportedEncoding(encoding)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eh::lsda::tests::site;
    use crate::eh::lsda::{Action, call_sites_from_returns, encode_lsda};

    fn action_at(lsda: &[u8], ip: u64) -> EhAction {
        find_eh_action(lsda, ip).unwrap()
    }

    #[test]
    fn empty_table_terminates_everywhere() {
        let lsda = encode_lsda(&[]).unwrap();
        assert_eq!(lsda, [0xff, 0xff, 0x01, 0x00]);
        for ip in [0, 1, 100, u64::MAX] {
            assert_eq!(action_at(&lsda, ip), EhAction::Terminate);
        }
    }

    #[test]
    fn each_action_inside_and_outside() {
        for (action, expected) in [
            (Action::Cleanup, EhAction::Cleanup(40)),
            (Action::CatchAll, EhAction::Catch(40)),
            (Action::Terminate, EhAction::Filter(40)),
        ] {
            let lsda = encode_lsda(&[site(10, 4, Some(40), action)]).unwrap();
            assert_eq!(action_at(&lsda, 9), EhAction::Terminate);
            for ip in 10..14 {
                assert_eq!(action_at(&lsda, ip), expected, "{action:?} at {ip}");
            }
            assert_eq!(action_at(&lsda, 14), EhAction::Terminate);
        }
    }

    #[test]
    fn no_landing_pad_continues_unwinding() {
        let lsda = encode_lsda(&[
            site(0, 2, None, Action::CatchAll),
            site(2, 2, Some(50), Action::Cleanup),
        ])
        .unwrap();
        assert_eq!(action_at(&lsda, 1), EhAction::None);
        assert_eq!(action_at(&lsda, 3), EhAction::Cleanup(50));
        assert_eq!(action_at(&lsda, 4), EhAction::Terminate);
    }

    #[test]
    fn multiple_sites_mixed_actions() {
        let sites = [
            site(3, 1, None, Action::Cleanup),
            site(10, 1, Some(100), Action::Cleanup),
            site(20, 5, Some(110), Action::CatchAll),
            site(30, 1, Some(120), Action::Terminate),
            site(31, 1, Some(130), Action::CatchAll),
            site(40, 1, Some(140), Action::Terminate),
        ];
        let lsda = encode_lsda(&sites).unwrap();
        let expect = [
            (2, EhAction::Terminate),
            (3, EhAction::None),
            (10, EhAction::Cleanup(100)),
            (15, EhAction::Terminate),
            (24, EhAction::Catch(110)),
            (25, EhAction::Terminate),
            (30, EhAction::Filter(120)),
            (31, EhAction::Catch(130)),
            (40, EhAction::Filter(140)),
            (41, EhAction::Terminate),
        ];
        for (ip, action) in expect {
            assert_eq!(action_at(&lsda, ip), action, "ip {ip}");
        }
        let header = parse_header(&lsda).unwrap();
        let ttbase = header.ttype_base.unwrap();
        assert_eq!(ttbase % 4, 0);
        assert_eq!(lsda[ttbase - 4..], [0, 0, 0, 0, 0]);
    }

    #[test]
    fn large_offsets_use_multibyte_uleb128() {
        let sites = [
            site(0x7f, 1, Some(0x80), Action::Cleanup),
            site(0x3fff, 0x4000, Some(0x1_0000), Action::CatchAll),
            site(0x20_0000, 1, Some(0x0fff_ffff), Action::Terminate),
            site(u32::MAX - 1, 1, Some(u32::MAX), Action::CatchAll),
        ];
        let lsda = encode_lsda(&sites).unwrap();
        assert_eq!(action_at(&lsda, 0x7f), EhAction::Cleanup(0x80));
        assert_eq!(action_at(&lsda, 0x3fff + 0x3fff), EhAction::Catch(0x1_0000));
        assert_eq!(action_at(&lsda, 0x3fff + 0x4000), EhAction::Terminate);
        assert_eq!(action_at(&lsda, 0x20_0000), EhAction::Filter(0x0fff_ffff));
        assert_eq!(action_at(&lsda, u64::from(u32::MAX - 1)), EhAction::Catch(u32::MAX.into()));
        assert_eq!(action_at(&lsda, u32::MAX.into()), EhAction::Terminate);
    }

    /// Sweeps table sizes across the 7-bit boundaries of the class-info offset and the
    /// call-site table length, where the alignment padding interacts with ULEB128 widths.
    #[test]
    fn type_table_stays_aligned_for_all_sizes() {
        for count in 0..400u32 {
            for actions in [
                &[Action::CatchAll][..],
                &[Action::Terminate],
                &[Action::CatchAll, Action::Terminate, Action::Cleanup],
            ] {
                let returns = (0..count).map(|i| {
                    let ret = 10 + i * 10;
                    let action = actions[i as usize % actions.len()];
                    (ret, Some((ret + 1000, action)))
                });
                let sites = call_sites_from_returns(returns, false).unwrap();
                let lsda = encode_lsda(&sites).unwrap();
                let header = parse_header(&lsda).unwrap();
                if let Some(ttbase) = header.ttype_base {
                    assert_eq!(ttbase % 4, 0, "count {count}");
                    assert!(ttbase <= lsda.len());
                    if sites.iter().any(|s| s.action == Action::Terminate) {
                        assert_eq!(lsda.get(ttbase), Some(&0));
                    }
                    if sites.iter().any(|s| s.action == Action::CatchAll) {
                        assert_eq!(lsda[ttbase - 4..ttbase], [0; 4]);
                    }
                }
                // Lookups are linear; sample the big tables to keep the test quick.
                let sampled = sites
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| count < 40 || i % 37 == 0 || i + 1 == sites.len());
                for (i, site) in sampled {
                    let pad = site.landing_pad.unwrap().into();
                    let expected = match site.action {
                        Action::Cleanup => EhAction::Cleanup(pad),
                        Action::CatchAll => EhAction::Catch(pad),
                        Action::Terminate => EhAction::Filter(pad),
                    };
                    assert_eq!(action_at(&lsda, site.start.into()), expected, "{count}/{i}");
                    assert_eq!(action_at(&lsda, (site.start + 1).into()), EhAction::Terminate);
                }
            }
        }
    }

    #[test]
    fn return_addresses_are_looked_up_at_ip_minus_one() {
        let returns = [(5, None), (12, Some((30, Action::CatchAll)))];
        for coalesce in [false, true] {
            let lsda = encode_lsda(&call_sites_from_returns(returns, coalesce).unwrap()).unwrap();
            assert_eq!(action_at(&lsda, 5 - 1), EhAction::None);
            assert_eq!(action_at(&lsda, 12 - 1), EhAction::Catch(30));
            assert_eq!(action_at(&lsda, 12), EhAction::Terminate);
        }
    }

    #[test]
    fn other_call_site_encodings() {
        // udata4 call-site table with a sleb128-encoded ttype index of -2 (still a filter).
        #[rustfmt::skip]
        let lsda = [
            0xff, 0xff, 0x03, 0x1a,
            8, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0,
            12, 0, 0, 0, 4, 0, 0, 0, 64, 0, 0, 0, 1,
            // absent ttype table, action record follows directly
            0x7e, 0x00,
        ];
        let lsda = &lsda[..];
        assert_eq!(parse_header(lsda).unwrap().call_site_table, 4..30);
        assert_eq!(action_at(lsda, 9), EhAction::None);
        assert_eq!(action_at(lsda, 13), EhAction::Filter(64));
    }

    #[test]
    fn malformed_input_is_an_error() {
        let lsda = encode_lsda(&[site(0, 4, Some(8), Action::CatchAll)]).unwrap();
        for len in 0..lsda.len() {
            // Truncation may still leave the entry intact; it must never panic.
            let _ = find_eh_action(&lsda[..len], 2);
        }
        assert_eq!(find_eh_action(&[], 0), Err(DecodeError::UnexpectedEof));
        assert_eq!(
            find_eh_action(&[0x00, 0xff, 0x01, 0x00], 0),
            Err(DecodeError::UnsupportedEncoding(0x00))
        );
        assert_eq!(
            find_eh_action(&[0xff, 0xff, 0x11, 0x04, 0, 1, 1, 0], 0),
            Err(DecodeError::UnsupportedEncoding(0x11))
        );
        let overlong =
            [0xff, 0xff, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
        assert_eq!(find_eh_action(&overlong, 0), Err(DecodeError::Overflow));
    }
}
