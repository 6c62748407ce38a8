//! LSDA (`.gcc_except_table` entry) encoder for the GCC/Itanium personality, laid out so
//! that `rust_eh_personality` (`std/src/sys/personality/dwarf/eh.rs`) reads it as intended.
//!
//! Layout: LPStart omitted (landing pads are relative to the function start), TType
//! encoding `udata4` + class-info offset (omitted when no site catches or filters),
//! call-site encoding `uleb128`, call-site table, action table, padding, type table,
//! exception-spec table. Everything is function-relative, so no relocations are needed.

use std::fmt;

use gimli::constants::{DW_EH_PE_omit, DW_EH_PE_udata4, DW_EH_PE_uleb128};

/// What the personality should do when an exception passes a call site that has a landing pad.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Run the landing pad in the cleanup phase only (action 0).
    Cleanup,
    /// `catch ptr null`: a catch clause whose type-table entry is null (ttype index +1). The
    /// search phase reports a handler here, which is what `catch_unwind` needs.
    CatchAll,
    /// LLVM's empty `filter` clause (ttype index -1 into an exception-spec list holding just
    /// the 0 terminator). The search phase treats it as a handler, so a panic escaping a
    /// nounwind function reaches the terminate pad ("panic in a function that cannot
    /// unwind") instead of failing with "no handler"; forced unwinding skips it.
    Terminate,
}

/// One entry of the call-site table. Offsets are relative to the function start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CallSite {
    pub start: u32,
    pub len: u32,
    /// `None` means "unwind through this frame without stopping". Such calls still need an
    /// entry: an ip missing from the table makes the personality terminate.
    pub landing_pad: Option<u32>,
    /// Ignored when `landing_pad` is `None`.
    pub action: Action,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LsdaError {
    /// The site overlaps or precedes the previous one. The personality stops scanning at the
    /// first entry starting past the ip, so the table must be sorted and disjoint.
    Unordered { index: usize },
    /// `start + len` does not fit in `u32`.
    Overflow { index: usize },
    /// A landing pad at offset 0 would be encoded as 0, which means "no landing pad".
    LandingPadAtFunctionStart { index: usize },
    /// A return address of 0 cannot follow a call instruction.
    ReturnAddressZero { index: usize },
}

impl fmt::Display for LsdaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            LsdaError::Unordered { index } => {
                write!(f, "call site {index} overlaps or precedes the previous one")
            }
            LsdaError::Overflow { index } => write!(f, "call site {index} ends past u32::MAX"),
            LsdaError::LandingPadAtFunctionStart { index } => {
                write!(f, "call site {index} has its landing pad at offset 0")
            }
            LsdaError::ReturnAddressZero { index } => {
                write!(f, "call site {index} has return address 0")
            }
        }
    }
}

impl std::error::Error for LsdaError {}

/// Size of one type-table entry (`DW_EH_PE_udata4`).
const TTYPE_ENTRY_SIZE: usize = 4;

/// Encodes the LSDA for one function. `call_sites` must be sorted and non-overlapping.
///
/// The result assumes it is placed at a 4-aligned address (the type table is aligned
/// relative to the LSDA start). An empty `call_sites` yields a valid LSDA in which every ip
/// terminates; callers normally emit no LSDA at all in that case.
pub fn encode_lsda(call_sites: &[CallSite]) -> Result<Vec<u8>, LsdaError> {
    validate(call_sites)?;

    let has_action =
        |action| call_sites.iter().any(|site| site.landing_pad.is_some() && site.action == action);
    let uses_catch = has_action(Action::CatchAll);
    let uses_filter = has_action(Action::Terminate);

    // Each record is (sleb128 ttype index, sleb128 offset to next record = 0 for "none").
    // Call sites refer to a record by 1 + its byte offset; 0 means cleanup with no record.
    let mut actions = Vec::new();
    let catch_entry = actions.len() as u64 + 1;
    if uses_catch {
        write_sleb128(&mut actions, 1);
        write_sleb128(&mut actions, 0);
    }
    let filter_entry = actions.len() as u64 + 1;
    if uses_filter {
        write_sleb128(&mut actions, -1);
        write_sleb128(&mut actions, 0);
    }

    let mut call_site_table = Vec::new();
    for site in call_sites {
        let (landing_pad, action) = match site.landing_pad {
            None => (0, 0),
            Some(pad) => {
                let action = match site.action {
                    Action::Cleanup => 0,
                    Action::CatchAll => catch_entry,
                    Action::Terminate => filter_entry,
                };
                (pad, action)
            }
        };
        write_uleb128(&mut call_site_table, site.start.into());
        write_uleb128(&mut call_site_table, site.len.into());
        write_uleb128(&mut call_site_table, landing_pad.into());
        write_uleb128(&mut call_site_table, action);
    }

    // Type table: one null entry, which is what `catch ptr null` references. It sits just
    // below TTBase; the exception-spec list (a lone 0 terminator) sits at TTBase, because
    // filter index -1 addresses TTBase + 0.
    let type_table_len = if uses_catch { TTYPE_ENTRY_SIZE } else { 0 };
    let spec_table: &[u8] = if uses_filter { &[0] } else { &[] };

    let mut out = Vec::new();
    out.push(DW_EH_PE_omit.0); // LPStart: landing pads are relative to the function start.

    if !uses_catch && !uses_filter {
        out.push(DW_EH_PE_omit.0);
        out.push(DW_EH_PE_uleb128.0);
        write_uleb128(&mut out, call_site_table.len() as u64);
        out.extend_from_slice(&call_site_table);
        out.extend_from_slice(&actions);
        return Ok(out);
    }

    out.push(DW_EH_PE_udata4.0);

    // The class-info offset runs from just past itself to TTBase, and TTBase must be
    // aligned; the offset's own ULEB128 width moves everything after it. Try widths in
    // order and pad the ULEB128 when the value turns out shorter, so this always settles
    // (a plain fixpoint can oscillate around a 7-bit boundary).
    let after_offset = 1 // call-site encoding
        + uleb128_len(call_site_table.len() as u64)
        + call_site_table.len()
        + actions.len();
    let mut width = 1;
    let (class_info_offset, padding) = loop {
        let field_end = out.len() + width;
        let unpadded = field_end + after_offset;
        let padding = unpadded.next_multiple_of(TTYPE_ENTRY_SIZE) - unpadded;
        let ttbase = unpadded + padding + type_table_len;
        let offset = (ttbase - field_end) as u64;
        if uleb128_len(offset) <= width {
            break (offset, padding);
        }
        width += 1;
    };
    write_uleb128_padded(&mut out, class_info_offset, width);
    out.push(DW_EH_PE_uleb128.0);
    write_uleb128(&mut out, call_site_table.len() as u64);
    out.extend_from_slice(&call_site_table);
    out.extend_from_slice(&actions);
    out.resize(out.len() + padding + type_table_len, 0);
    assert_eq!(out.len() % TTYPE_ENTRY_SIZE, 0, "the type table must be aligned");
    out.extend_from_slice(spec_table);
    Ok(out)
}

/// Builds call-site entries from calls given as `(return address offset, handler)`, in
/// ascending order of return address, where the handler is `(landing pad offset, action)`.
///
/// Each call gets `{ start: ret - 1, len: 1 }` because the personality looks up `ip - 1`,
/// which lies inside the call instruction. Calls without a handler still get an entry (with
/// landing pad 0), since an ip missing from the table means "terminate".
///
/// With `coalesce`, consecutive calls with the same handler share one entry spanning the
/// code between them. That code holds no other call (every call is listed), so no ip that
/// can unwind is misattributed.
pub fn call_sites_from_returns(
    returns: impl IntoIterator<Item = (u32, Option<(u32, Action)>)>,
    coalesce: bool,
) -> Result<Vec<CallSite>, LsdaError> {
    let mut sites: Vec<CallSite> = Vec::new();
    for (index, (ret, handler)) in returns.into_iter().enumerate() {
        let start = ret.checked_sub(1).ok_or(LsdaError::ReturnAddressZero { index })?;
        let site = CallSite {
            start,
            len: 1,
            landing_pad: handler.map(|(pad, _)| pad),
            // Normalised so that handler-less sites compare equal when coalescing.
            action: handler.map_or(Action::Cleanup, |(_, action)| action),
        };
        if let Some(prev) = sites.last_mut() {
            if start < prev.start + prev.len {
                return Err(LsdaError::Unordered { index });
            }
            if coalesce && prev.landing_pad == site.landing_pad && prev.action == site.action {
                prev.len = start + 1 - prev.start;
                continue;
            }
        }
        sites.push(site);
    }
    Ok(sites)
}

fn validate(call_sites: &[CallSite]) -> Result<(), LsdaError> {
    let mut prev_end = 0;
    for (index, site) in call_sites.iter().enumerate() {
        if site.start < prev_end {
            return Err(LsdaError::Unordered { index });
        }
        prev_end = site.start.checked_add(site.len).ok_or(LsdaError::Overflow { index })?;
        if site.landing_pad == Some(0) {
            return Err(LsdaError::LandingPadAtFunctionStart { index });
        }
    }
    Ok(())
}

pub(crate) fn write_uleb128(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Writes `value` in exactly `width` bytes (continuation bits on all but the last), which
/// readers accept like the canonical form. `width` must be at least `uleb128_len(value)`.
fn write_uleb128_padded(out: &mut Vec<u8>, mut value: u64, width: usize) {
    for i in 0..width {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        out.push(if i + 1 < width { byte | 0x80 } else { byte });
    }
}

pub(crate) fn uleb128_len(value: u64) -> usize {
    let bits = 64 - value.leading_zeros() as usize;
    bits.div_ceil(7).max(1)
}

pub(crate) fn write_sleb128(out: &mut Vec<u8>, mut value: i64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn site(start: u32, len: u32, landing_pad: Option<u32>, action: Action) -> CallSite {
        CallSite { start, len, landing_pad, action }
    }

    #[test]
    fn golden_catch_all() {
        let bytes = encode_lsda(&[site(4, 5, Some(20), Action::CatchAll)]).unwrap();
        #[rustfmt::skip]
        let expected = [
            0xff,                   // LPStart omitted
            0x03, 0x0d,             // TType udata4, TTBase = 3 + 13 = 16
            0x01, 0x04,             // call sites uleb128, 4 bytes
            0x04, 0x05, 0x14, 0x01, // [4, 9) -> pad 20, action record 1
            0x01, 0x00,             // record: ttype +1, no next
            0x00,                   // padding
            0x00, 0x00, 0x00, 0x00, // type table: null = catch all
        ];
        assert_eq!(bytes, expected);
    }

    #[test]
    fn golden_cleanup_only_omits_type_table() {
        let bytes = encode_lsda(&[
            site(1, 1, None, Action::Cleanup),
            site(200, 1, Some(300), Action::Cleanup),
        ])
        .unwrap();
        #[rustfmt::skip]
        let expected = [
            0xff, 0xff, 0x01, 0x0a,
            0x01, 0x01, 0x00, 0x00,
            0xc8, 0x01, 0x01, 0xac, 0x02, 0x00,
        ];
        assert_eq!(bytes, expected);
    }

    #[test]
    fn golden_terminate_only() {
        let bytes = encode_lsda(&[site(0, 8, Some(9), Action::Terminate)]).unwrap();
        #[rustfmt::skip]
        let expected = [
            0xff, 0x03, 0x09, 0x01, 0x04, // TTBase = 3 + 9 = 12
            0x00, 0x08, 0x09, 0x01,
            0x7f, 0x00,                   // record: ttype -1, no next
            0x00,                         // padding, empty type table
            0x00,                         // exception-spec list: just the terminator
        ];
        assert_eq!(bytes, expected);
    }

    #[test]
    fn rejects_bad_tables() {
        let a = site(10, 5, None, Action::Cleanup);
        let overlapping = site(14, 1, None, Action::Cleanup);
        assert_eq!(encode_lsda(&[a, overlapping]), Err(LsdaError::Unordered { index: 1 }));
        assert_eq!(
            encode_lsda(&[site(u32::MAX, 2, None, Action::Cleanup)]),
            Err(LsdaError::Overflow { index: 0 })
        );
        assert_eq!(
            encode_lsda(&[site(3, 1, Some(0), Action::Cleanup)]),
            Err(LsdaError::LandingPadAtFunctionStart { index: 0 })
        );
        assert_eq!(
            call_sites_from_returns([(0, None)], false),
            Err(LsdaError::ReturnAddressZero { index: 0 })
        );
        assert_eq!(
            call_sites_from_returns([(5, None), (5, None)], false),
            Err(LsdaError::Unordered { index: 1 })
        );
    }

    #[test]
    fn call_sites_from_returns_coalesces_equal_neighbours() {
        let returns = [
            (5, None),
            (9, None),
            (20, Some((100, Action::Cleanup))),
            (30, Some((100, Action::Cleanup))),
            (40, Some((100, Action::CatchAll))),
            (50, Some((120, Action::CatchAll))),
        ];
        assert_eq!(
            call_sites_from_returns(returns, true).unwrap(),
            [
                site(4, 5, None, Action::Cleanup),
                site(19, 11, Some(100), Action::Cleanup),
                site(39, 1, Some(100), Action::CatchAll),
                site(49, 1, Some(120), Action::CatchAll),
            ]
        );
        let plain = call_sites_from_returns(returns, false).unwrap();
        assert_eq!(plain.len(), returns.len());
        assert!(plain.iter().zip(returns).all(|(s, (ret, _))| s.start == ret - 1 && s.len == 1));
    }

    #[test]
    fn leb128_lengths() {
        for value in [0, 1, 127, 128, 16383, 16384, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            write_uleb128(&mut out, value);
            assert_eq!(out.len(), uleb128_len(value), "{value}");
        }
        let mut out = Vec::new();
        write_uleb128_padded(&mut out, 5, 3);
        assert_eq!(out, [0x85, 0x80, 0x00]);
        let mut out = Vec::new();
        write_sleb128(&mut out, -1);
        write_sleb128(&mut out, 63);
        write_sleb128(&mut out, 64);
        write_sleb128(&mut out, -65);
        assert_eq!(out, [0x7f, 0x3f, 0xc0, 0x00, 0xbf, 0x7f]);
    }
}
