//! A small program touching a few corners of std: collections (HashMap,
//! BTreeMap, Vec), strings and formatting, traits and dyn dispatch, closures,
//! error handling with `?`, integer and float arithmetic, and scoped threads
//! with a channel. Its output is deterministic, so a build with our backend can
//! be compared byte for byte with an LLVM build.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::mpsc;
use std::thread;

const TEXT: &str = "the quick brown fox jumps over the lazy dog \
                    the dog barks and the fox runs away over the hill";

trait Shape {
    fn name(&self) -> String;
    fn area(&self) -> f64;
}

struct Circle(f64);
struct Rect {
    w: f64,
    h: f64,
}

impl Shape for Circle {
    fn name(&self) -> String {
        format!("circle(r={})", self.0)
    }
    fn area(&self) -> f64 {
        std::f64::consts::PI * self.0 * self.0
    }
}

impl Shape for Rect {
    fn name(&self) -> String {
        format!("rect({}x{})", self.w, self.h)
    }
    fn area(&self) -> f64 {
        self.w * self.h
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Parity {
    Even,
    Odd,
}

#[derive(Debug)]
struct ParseError {
    input: String,
    reason: std::num::ParseIntError,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot parse {:?}: {}", self.input, self.reason)
    }
}

fn parse_all(items: &[&str]) -> Result<Vec<i64>, ParseError> {
    items
        .iter()
        .map(|s| {
            s.trim().parse::<i64>().map_err(|reason| ParseError {
                input: s.to_string(),
                reason,
            })
        })
        .collect()
}

fn word_counts(text: &str) -> Vec<(&str, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    // HashMap iteration order is random: sort for a deterministic output.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
}

fn collatz_len(mut n: u64) -> u32 {
    let mut steps = 0;
    while n != 1 {
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    }
    steps
}

fn main() {
    println!("== words");
    for (word, n) in word_counts(TEXT).iter().take(5) {
        println!("{word:>6} {n}");
    }

    println!("== shapes");
    let shapes: Vec<Box<dyn Shape>> = vec![
        Box::new(Circle(1.5)),
        Box::new(Rect { w: 2.0, h: 3.5 }),
        Box::new(Circle(0.25)),
    ];
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    for s in &shapes {
        println!("{:<16} {:>8.3}", s.name(), s.area());
    }
    println!("{:<16} {:>8.3}", "total", total);

    println!("== parsing");
    match parse_all(&["12", " -7 ", "40"]) {
        Ok(v) => println!("sum = {}", v.iter().sum::<i64>()),
        Err(e) => println!("error: {e}"),
    }
    match parse_all(&["1", "two", "3"]) {
        Ok(v) => println!("sum = {}", v.iter().sum::<i64>()),
        Err(e) => println!("error: {e}"),
    }

    println!("== parity");
    let mut by_parity: BTreeMap<Parity, Vec<u32>> = BTreeMap::new();
    for n in 1..=10u32 {
        let p = if n % 2 == 0 { Parity::Even } else { Parity::Odd };
        by_parity.entry(p).or_default().push(n * n);
    }
    for (p, squares) in &by_parity {
        println!("{p:?}: {squares:?}");
    }

    println!("== threads");
    let numbers: Vec<u64> = (1..=2000).collect();
    let (tx, rx) = mpsc::channel();
    thread::scope(|scope| {
        for (i, chunk) in numbers.chunks(500).enumerate() {
            let tx = tx.clone();
            scope.spawn(move || {
                let best = chunk.iter().map(|&n| (collatz_len(n), n)).max().unwrap();
                tx.send((i, chunk.iter().sum::<u64>(), best)).unwrap();
            });
        }
    });
    drop(tx);
    let mut results: Vec<_> = rx.iter().collect();
    results.sort();
    for (i, sum, (steps, n)) in &results {
        println!("chunk {i}: sum={sum} longest collatz: {n} ({steps} steps)");
    }
    let checksum = results
        .iter()
        .fold(0u64, |acc, (_, sum, _)| acc.wrapping_mul(31).wrapping_add(*sum));
    println!("checksum {checksum:#x}");
}
