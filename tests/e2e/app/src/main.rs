//! Reads a ledger from JSON, validates and extends it, prints a report and
//! re-serializes it. The output is deterministic: clif.sh compares it byte for
//! byte between the LLVM build and the builds with our backend.

use std::process::ExitCode;

use ledger::{Entry, Kind, Ledger, crc32, format_cents};
use serde::Serialize;
use serde_json::{Value, json};

const INPUT: &str = r#"{
  "entries": [
    {"id": 1, "account": "cash", "cents": 120000, "kind": "credit", "tags": ["salary"]},
    {"id": 2, "account": "cash", "cents": 4599, "kind": "debit", "tags": ["food", "weekly"]},
    {"id": 3, "account": "bank", "cents": 50000, "kind": "credit", "memo": "transfer \u00e9\u00e8 \ud83d\ude80"},
    {"id": 4, "account": "bank", "cents": 1299, "kind": "debit", "tags": ["subscriptions", "music", "monthly"]},
    {"id": 5, "account": "cash", "cents": 315, "kind": "debit", "tags": ["food"]}
  ]
}"#;

#[derive(Serialize)]
struct Summary<'a> {
    accounts: Vec<(&'a str, String)>,
    total: String,
    entries: usize,
    checksum: String,
}

fn main() -> ExitCode {
    let mut ledger: Ledger = match serde_json::from_str(INPUT) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("bad input: {e}");
            return ExitCode::FAILURE;
        }
    };

    // Rejected and accepted additions.
    for (id, cents) in [(2u32, 100u64), (6, 0), (7, 2500)] {
        let entry = Entry {
            id,
            account: "card".into(),
            cents,
            kind: Kind::Debit,
            tags: ["late".to_string()].into_iter().collect(),
            memo: None,
        };
        match ledger.push(entry) {
            Ok(()) => println!("added entry {id}"),
            Err(e) => println!("rejected: {e}"),
        }
    }

    println!("== balances");
    let balances = ledger.balances();
    for (account, cents) in &balances {
        println!("{account:<6}{:>12}", format_cents(*cents));
    }
    let total: i64 = balances.values().sum();
    println!("{:<6}{:>12}", "total", format_cents(total));

    println!("== tags");
    for (tag, (n, cents)) in ledger.tag_totals() {
        println!("{tag:<14}{n:>2} {:>10}", format_cents(cents));
    }

    println!("== json");
    let compact = serde_json::to_string(&ledger).unwrap();
    println!("bytes={} crc32={:08x}", compact.len(), crc32(compact.as_bytes()));
    let back: Ledger = serde_json::from_str(&compact).unwrap();
    assert_eq!(back.entries, ledger.entries);
    println!("roundtrip ok");

    let mut value: Value = serde_json::from_str(&compact).unwrap();
    if let Some(entries) = value["entries"].as_array_mut() {
        entries.retain(|e| e["kind"] == "credit");
        for e in entries.iter_mut() {
            e["cents"] = json!(e["cents"].as_u64().unwrap() / 100);
        }
    }
    println!("{}", serde_json::to_string_pretty(&value).unwrap());

    let mut buf = itoa::Buffer::new();
    let summary = Summary {
        accounts: balances.iter().map(|(a, c)| (*a, format_cents(*c))).collect(),
        total: format_cents(total),
        entries: ledger.entries.len(),
        checksum: buf.format(crc32(compact.as_bytes())).to_string(),
    };
    println!("{}", serde_json::to_string(&summary).unwrap());
    ExitCode::SUCCESS
}
