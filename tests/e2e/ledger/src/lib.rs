//! A tiny ledger: entries (de)serialized with serde derive, tags in a SmallVec,
//! amounts formatted with itoa, and a CRC-32 whose table comes from build.rs.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

include!(concat!(env!("OUT_DIR"), "/crc_table.rs"));

/// CRC-32 (IEEE), table-driven.
///
/// ```
/// assert_eq!(ledger::crc32(b"123456789"), 0xCBF4_3926);
/// ```
pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        CRC_TABLE[((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Credit,
    Debit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u32,
    pub account: String,
    /// Always positive; `kind` gives the direction.
    pub cents: u64,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "SmallVec::is_empty")]
    pub tags: SmallVec<[String; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
}

impl Entry {
    pub fn signed_cents(&self) -> i64 {
        let c = i64::try_from(self.cents).expect("amount out of range");
        match self.kind {
            Kind::Credit => c,
            Kind::Debit => -c,
        }
    }
}

/// Formats cents as `-12.05` using itoa for the integer part.
pub fn format_cents(cents: i64) -> String {
    let mut buf = itoa::Buffer::new();
    let units = buf.format((cents / 100).unsigned_abs());
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{units}.{:02}", (cents % 100).unsigned_abs())
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Ledger {
    pub entries: Vec<Entry>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum LedgerError {
    DuplicateId(u32),
    ZeroAmount(u32),
}

impl fmt::Display for LedgerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LedgerError::DuplicateId(id) => write!(f, "duplicate entry id {id}"),
            LedgerError::ZeroAmount(id) => write!(f, "entry {id} has a zero amount"),
        }
    }
}

impl std::error::Error for LedgerError {}

impl Ledger {
    pub fn push(&mut self, entry: Entry) -> Result<(), LedgerError> {
        if entry.cents == 0 {
            return Err(LedgerError::ZeroAmount(entry.id));
        }
        if self.entries.iter().any(|e| e.id == entry.id) {
            return Err(LedgerError::DuplicateId(entry.id));
        }
        self.entries.push(entry);
        Ok(())
    }

    pub fn balances(&self) -> BTreeMap<&str, i64> {
        let mut out = BTreeMap::new();
        for e in &self.entries {
            *out.entry(e.account.as_str()).or_insert(0) += e.signed_cents();
        }
        out
    }

    pub fn tag_totals(&self) -> BTreeMap<&str, (usize, i64)> {
        let mut out: BTreeMap<&str, (usize, i64)> = BTreeMap::new();
        for e in &self.entries {
            for t in &e.tags {
                let slot = out.entry(t.as_str()).or_default();
                slot.0 += 1;
                slot.1 += e.signed_cents();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: u32, account: &str, cents: u64, kind: Kind) -> Entry {
        Entry { id, account: account.into(), cents, kind, tags: SmallVec::new(), memo: None }
    }

    #[test]
    fn crc_check_value() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
    }

    #[test]
    fn cents_formatting() {
        assert_eq!(format_cents(0), "0.00");
        assert_eq!(format_cents(1205), "12.05");
        assert_eq!(format_cents(-1205), "-12.05");
        assert_eq!(format_cents(-5), "-0.05");
        assert_eq!(format_cents(i64::MIN), "-92233720368547758.08");
    }

    #[test]
    fn balances_and_errors() {
        let mut l = Ledger::default();
        l.push(entry(1, "cash", 1000, Kind::Credit)).unwrap();
        l.push(entry(2, "cash", 250, Kind::Debit)).unwrap();
        l.push(entry(3, "bank", 99, Kind::Debit)).unwrap();
        assert_eq!(l.push(entry(3, "bank", 1, Kind::Debit)), Err(LedgerError::DuplicateId(3)));
        assert_eq!(l.push(entry(4, "bank", 0, Kind::Debit)), Err(LedgerError::ZeroAmount(4)));
        let b = l.balances();
        assert_eq!(b["cash"], 750);
        assert_eq!(b["bank"], -99);
    }

    #[test]
    fn smallvec_spills() {
        let mut e = entry(1, "a", 1, Kind::Credit);
        assert!(!e.tags.spilled());
        for t in ["x", "y", "z"] {
            e.tags.push(t.to_string());
        }
        assert!(e.tags.spilled());
        assert_eq!(e.tags.len(), 3);
    }

    #[test]
    #[should_panic(expected = "amount out of range")]
    fn huge_amount_panics() {
        entry(1, "a", u64::MAX, Kind::Credit).signed_cents();
    }
}
