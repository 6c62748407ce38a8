// Byte strings and string building: as_bytes, byte literals, from_utf8, char arithmetic, String growth, format! into buffers, word counts.
use std::collections::BTreeMap;
use std::fmt::Write;
use std::hint::black_box;

fn caesar(s: &str, k: u8) -> String {
    s.chars().map(|c| {
        if c.is_ascii_lowercase() { (((c as u8 - b'a' + k) % 26) + b'a') as char }
        else if c.is_ascii_uppercase() { (((c as u8 - b'A' + k) % 26) + b'A') as char }
        else { c }
    }).collect()
}

fn main() {
    let text = black_box("It was the best of times, it was the worst of times, it was the age of wisdom");
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(w.to_lowercase()).or_default() += 1;
    }
    println!("{:?}", counts);
    let enc = caesar(text, black_box(13));
    println!("{}\n{}", enc, caesar(&enc, 13));
    let bytes = text.as_bytes();
    println!("{} {:?} {}", bytes.len(), &bytes[..6], bytes.iter().map(|&b| b as u32).sum::<u32>());
    let lit = b"raw\x00bytes\xff";
    println!("{:?} {}", lit, lit.len());
    println!("{:?}", std::str::from_utf8(&bytes[3..10]));
    let mut out = String::new();
    for i in 0..black_box(30u32) {
        write!(out, "{:02x}", i * 7).unwrap();
        if i % 10 == 9 { writeln!(out).unwrap(); }
    }
    print!("{}", out);
    let rev_words: Vec<String> = text.split(' ').rev().take(5).map(|w| w.chars().rev().collect()).collect();
    println!("{:?}", rev_words);
    let mut s = String::new();
    let mut caps = Vec::new();
    for i in 0..200 { s.push((b'a' + (i % 26) as u8) as char); if s.capacity() != caps.last().copied().unwrap_or(0) { caps.push(s.capacity()); } }
    println!("len {} grew {} times", s.len(), caps.len());
    let upper: Vec<u8> = s.bytes().map(|b| b.to_ascii_uppercase()).collect();
    println!("{}", String::from_utf8(upper).unwrap().get(20..40).unwrap());
    println!("{}", s.eq_ignore_ascii_case(&s.to_uppercase()));
    let csv = "name,age\nann,31\nbob,27\ncid,45";
    let ages: Vec<(String, u32)> = csv.lines().skip(1).map(|l| { let mut p = l.split(','); (p.next().unwrap().to_string(), p.next().unwrap().parse().unwrap()) }).collect();
    println!("{:?} avg {}", ages, ages.iter().map(|a| a.1).sum::<u32>() as f64 / ages.len() as f64);
}
