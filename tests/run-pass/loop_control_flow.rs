// Loops and control flow: nested labeled break/continue, while-let over iterators, loop-carried values of many types, early returns from deep nesting.
use std::hint::black_box;

#[inline(never)]
fn find_pair(v: &[i32], target: i32) -> Option<(usize, usize)> {
    for i in 0..v.len() {
        for j in i + 1..v.len() {
            if v[i] + v[j] == target { return Some((i, j)); }
        }
    }
    None
}

#[inline(never)]
fn primes(n: usize) -> Vec<usize> {
    let mut sieve = vec![true; n + 1];
    sieve[0] = false; if n >= 1 { sieve[1] = false; }
    let mut i = 2;
    while i * i <= n {
        if sieve[i] { let mut j = i * i; while j <= n { sieve[j] = false; j += i; } }
        i += 1;
    }
    sieve.iter().enumerate().filter(|&(_, &p)| p).map(|(i, _)| i).collect()
}

fn main() {
    let v: Vec<i32> = (0..40).map(|i| black_box((i * 17) % 41 - 20)).collect();
    println!("{:?} {:?}", find_pair(&v, 37), find_pair(&v, 1000));
    let p = primes(black_box(500));
    println!("{} {:?} {:?}", p.len(), &p[..10], p.last());
    let mut grid_hits = Vec::new();
    'rows: for r in 0..10 {
        'cols: for c in 0..10 {
            if (r + c) % 7 == 6 { continue 'rows; }
            if c > r { continue 'cols; }
            if r * c > 30 { break 'rows; }
            grid_hits.push((r, c));
        }
    }
    println!("{} {:?}", grid_hits.len(), grid_hits.last());
    let (mut a, mut b, mut f, mut s) = (0u64, 1u64, 1.0f32, String::new());
    let mut n = black_box(0);
    while n < 60 {
        let t = a.wrapping_add(b); a = b; b = t;
        f = f * 1.1 - 0.01;
        if n % 10 == 0 { s.push_str(&format!("{}|", a % 1000)); }
        n += 1;
    }
    println!("{} {:?} {}", a, f, s);
    let mut stack = vec![1u32];
    let mut visited = 0;
    while let Some(x) = stack.pop() {
        visited += 1;
        if x < 200 { stack.push(x * 2); stack.push(x * 3); }
    }
    println!("visited {}", visited);
    let mut count = 0u32;
    let res = loop {
        count += 1;
        if count.wrapping_mul(2654435761) % 1000 < 3 { break count; }
    };
    println!("loop result {}", res);
    let mut x = black_box(27u64);
    let mut steps = 0;
    loop { if x == 1 { break; } x = if x % 2 == 0 { x / 2 } else { 3 * x + 1 }; steps += 1; }
    println!("collatz steps {}", steps);
}
