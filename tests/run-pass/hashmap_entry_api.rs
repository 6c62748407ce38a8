// HashMap entry API (or_insert_with, and_modify, Entry match, remove_entry), word frequency and grouping, BTreeMap conversion for sorted output.
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;

fn main() {
    let text = black_box("one two three two three three four four four four five five five five five");
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for w in text.split(' ') { *freq.entry(w).or_insert(0) += 1; }
    let sorted: BTreeMap<_, _> = freq.iter().map(|(k, v)| (*k, *v)).collect();
    println!("{:?}", sorted);
    let mut by_count: Vec<(usize, &str)> = freq.iter().map(|(k, v)| (*v, *k)).collect();
    by_count.sort_by(|a, b| b.cmp(a));
    println!("{:?}", by_count);
    let mut groups: HashMap<usize, Vec<String>> = HashMap::new();
    for w in ["apple", "bob", "cat", "dove", "eagle", "fig", "grape"] {
        groups.entry(w.len()).or_insert_with(Vec::new).push(w.to_uppercase());
    }
    let mut g: Vec<_> = groups.into_iter().collect();
    g.sort();
    println!("{:?}", g);
    let mut m: HashMap<u32, String> = (0..10).map(|i| (i, format!("v{}", i))).collect();
    for k in [3u32, 11, 5, 12] {
        match m.entry(black_box(k)) {
            Entry::Occupied(mut e) => { e.get_mut().push('!'); if k == 5 { e.remove(); } }
            Entry::Vacant(e) => { e.insert(format!("new{}", k)); }
        }
    }
    m.entry(0).and_modify(|v| v.insert(0, '>')).or_default();
    println!("{:?} {:?}", m.remove_entry(&1), m.get(&1));
    let mut all: Vec<_> = m.into_iter().collect();
    all.sort();
    println!("{:?}", all);
    let mut counts: HashMap<char, u32> = HashMap::with_capacity(4);
    for c in "mississippi".chars() { counts.entry(c).and_modify(|n| *n += 1).or_insert(1); }
    let mut cv: Vec<_> = counts.into_iter().collect();
    cv.sort();
    println!("{:?}", cv);
}
