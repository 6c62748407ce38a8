// Slice algorithms: sort_by with custom comparators, sort stability, select_nth_unstable, split/chunk/window iterators, copy_within, fill, swap, iter_mut.
use std::hint::black_box;

#[derive(Debug, Clone)]
struct Rec { key: u8, seq: usize, val: f32 }

fn main() {
    let mut recs: Vec<Rec> = (0..20).map(|i| Rec { key: (i * 7 % 5) as u8, seq: i, val: (i as f32 * 1.7).sin() }).collect();
    recs.sort_by_key(|r| r.key);
    println!("{:?}", recs.iter().map(|r| (r.key, r.seq)).collect::<Vec<_>>());
    recs.sort_by(|a, b| b.val.partial_cmp(&a.val).unwrap());
    println!("{:?}", recs.iter().map(|r| r.seq).collect::<Vec<_>>());
    let mut v: Vec<i64> = (0..31).map(|i| black_box((i * 7919) % 101 - 50)).collect();
    let (_, median, _) = v.select_nth_unstable(15);
    println!("median {}", median);
    v.sort_unstable_by(|a, b| b.cmp(a));
    println!("{:?}", v);
    println!("{:?}", v.split(|x| x % 10 == 0).map(|s| s.len()).collect::<Vec<_>>());
    println!("{:?}", v.chunks(8).map(|c| c.iter().sum::<i64>()).collect::<Vec<_>>());
    println!("{:?}", v.windows(2).filter(|w| w[0] == w[1]).count());
    let mut a = [0u8; 16];
    for (i, x) in a.iter_mut().enumerate() { *x = i as u8 * 3; }
    a.copy_within(0..6, 10);
    println!("{:?}", a);
    a[2..5].fill(0xEE);
    a.swap(0, 15);
    println!("{:?}", a);
    let (l, r) = a.split_at_mut(8);
    l.copy_from_slice(r);
    println!("{:?} {}", a, a.starts_with(&a[8..10]));
    let mut m = [[0i32; 4]; 4];
    for i in 0..4 { for j in 0..4 { m[i][j] = (i as i32 - j as i32) * black_box(3); } }
    let diag: Vec<i32> = (0..4).map(|i| m[i][3 - i]).collect();
    println!("{:?} {:?}", m, diag);
    let words = ["x", "yy", "zzz", "yy"];
    println!("{:?} {:?} {:?}", words.iter().rposition(|w| *w == "yy"), words.concat(), words.join("+"));
    let mut s = [5, 3, 8, 1, 9, 2];
    s.sort();
    println!("{:?} {:?} {:?}", s.partition_point(|&x| x < 4), s.binary_search(&8), s.iter().rev().skip(1).take(2).collect::<Vec<_>>());
    let bytes = [0x12u8, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0];
    println!("{:#x} {:#x}", u32::from_le_bytes(bytes[0..4].try_into().unwrap()), u64::from_be_bytes(bytes));
}
