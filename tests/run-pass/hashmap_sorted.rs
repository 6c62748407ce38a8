// HashMap and HashSet with RandomState: inserts/updates/removals/entry API, all output printed in sorted order for determinism.
use std::collections::{HashMap, HashSet};
use std::hint::black_box;

fn main() {
    let mut m: HashMap<String, i64> = HashMap::new();
    for i in 0..black_box(200i64) {
        let k = format!("key{}", i % 37);
        *m.entry(k).or_insert(0) += i;
    }
    m.remove("key5");
    m.insert("extra".into(), -1);
    if let Some(v) = m.get_mut("key7") { *v *= 100; }
    let mut items: Vec<_> = m.iter().collect();
    items.sort();
    println!("{} {:?}", m.len(), items);
    println!("{:?} {:?} {}", m.get("key0"), m.get("key5"), m.contains_key("extra"));
    let total: i64 = m.values().sum();
    println!("total {}", total);
    let mut ints: HashMap<u64, Vec<u64>> = HashMap::new();
    for x in 0..1000u64 { ints.entry(x % 13).or_default().push(x * x); }
    let mut summary: Vec<(u64, usize, u64)> = ints.iter().map(|(k, v)| (*k, v.len(), v.iter().sum())).collect();
    summary.sort();
    println!("{:?}", summary);
    ints.retain(|k, _| k % 2 == 0);
    let mut keys: Vec<_> = ints.keys().collect();
    keys.sort();
    println!("{:?}", keys);
    let a: HashSet<i32> = (0..30).map(|x| x * 3 % 20).collect();
    let b: HashSet<i32> = (0..15).collect();
    let mut inter: Vec<_> = a.intersection(&b).collect();
    inter.sort();
    let mut diff: Vec<_> = a.difference(&b).collect();
    diff.sort();
    println!("{:?} {:?} {}", inter, diff, a.is_subset(&b));
    let mut float_keys: HashMap<u64, &str> = HashMap::new();
    for (f, name) in [(0.5f64, "half"), (-0.0, "negzero"), (0.0, "zero"), (1e300, "big")] { float_keys.insert(f.to_bits(), name); }
    let mut fk: Vec<_> = float_keys.into_iter().collect();
    fk.sort();
    println!("{:?}", fk);
    let cap_before = m.capacity() >= m.len();
    m.clear();
    println!("{} {}", m.is_empty(), cap_before);
}
