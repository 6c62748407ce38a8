// Iterator chains with closures: map/filter/fold/scan/take_while/skip_while/flat_map/zip/chain/rev/step_by/windows/chunks/peekable.
use std::hint::black_box;

fn main() {
    let n = black_box(30u64);
    let v: Vec<u64> = (1..=n).collect();
    let s: u64 = v.iter().filter(|&&x| x % 3 == 0).map(|x| x * x).sum();
    println!("sum sq mult3 {}", s);
    let prod: u128 = v.iter().take(25).map(|&x| x as u128).product();
    println!("25! {}", prod);
    let running: Vec<u64> = v.iter().scan(0, |acc, &x| { *acc += x; Some(*acc) }).take_while(|&t| t < 200).collect();
    println!("{:?}", running);
    let skipped: Vec<_> = v.iter().skip_while(|&&x| x < 25).step_by(2).collect::<Vec<_>>().into_iter().rev().collect();
    println!("{:?}", skipped);
    let pairs: Vec<(u64, char)> = v.iter().copied().zip("abcdef".chars()).chain(std::iter::once((99, 'z'))).collect();
    println!("{:?}", pairs);
    let flat: Vec<u64> = (1..5u64).flat_map(|i| (0..i).map(move |j| i * 10 + j)).collect();
    println!("{:?}", flat);
    let wins: Vec<u64> = v.windows(3).map(|w| w[0] * w[2] - w[1]).filter(|x| x % 2 == 1).collect();
    println!("{:?}", wins);
    let chunks: Vec<u64> = v.chunks(7).map(|c| c.iter().max().unwrap() - c.iter().min().unwrap()).collect();
    println!("{:?} {:?}", chunks, v.rchunks(4).next());
    let mut it = v.iter().peekable();
    let mut groups = Vec::new();
    while let Some(&x) = it.next() {
        let mut g = vec![x];
        while let Some(&&y) = it.peek() { if y / 10 == x / 10 { g.push(y); it.next(); } else { break; } }
        groups.push(g.len());
    }
    println!("groups {:?}", groups);
    let (even, odd): (Vec<u64>, Vec<u64>) = v.iter().partition(|&&x| x % 2 == 0);
    println!("{} {} {:?} {:?}", even.len(), odd.len(), v.iter().position(|&x| x == 17), v.iter().rposition(|&x| x % 7 == 0));
    println!("{:?} {:?} {} {}", v.iter().max_by_key(|&&x| (x % 7, x)), v.iter().min_by(|a, b| (*a % 5).cmp(&(*b % 5)).then(b.cmp(a))), v.iter().any(|&x| x > 29), v.iter().all(|&x| x > 0));
    let folded = v.iter().fold(String::new(), |mut s, x| { if x % 5 == 0 { s.push_str(&x.to_string()); s.push(','); } s });
    println!("{}", folded);
    let mut sorted: Vec<i32> = vec![5, -3, 9, 0, -3, 7, 2].into_iter().map(|x| black_box(x)).collect();
    sorted.sort_by_key(|x| (x.abs(), *x));
    println!("{:?} {:?}", sorted, sorted.iter().map(|x| x * 2).rev().collect::<Vec<_>>());
    let cnt = (0..1000).filter(|x| x % 7 == 3).map(|x| x as f64).map(f64::sqrt).fold(0.0, |a, b| a + b);
    println!("{:?}", cnt);
    let last = (0..black_box(100)).map(|x| x * 3).filter(|x| x % 2 == 0).last();
    println!("{:?} {}", last, (1..=10).rev().map(|x| x.to_string()).collect::<Vec<_>>().join("-"));
}
