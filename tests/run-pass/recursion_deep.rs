// Deep recursion (200k frames) on a spawned thread with a 256 MiB stack, plus non-tail recursion with mixed-type frames and accumulator results.
use std::hint::black_box;
use std::thread;

#[inline(never)]
fn depth_sum(n: u64) -> u64 {
    if n == 0 { 0 } else { n + depth_sum(black_box(n - 1)) }
}

#[inline(never)]
fn mixed(n: u32, acc: f64, tag: u8) -> (f64, u8) {
    if n == 0 { return (acc, tag); }
    let local = [n as u16; 4];
    let (r, t) = mixed(n - 1, acc * 1.0000001 + local[n as usize % 4] as f64 * 1e-6, tag.wrapping_add((n % 7) as u8));
    (r + black_box(0.5), t ^ (n as u8))
}

#[inline(never)]
fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) { (0, n) => n + 1, (m, 0) => ackermann(m - 1, 1), (m, n) => ackermann(m - 1, ackermann(m, n - 1)) }
}

fn main() {
    let h = thread::Builder::new().stack_size(256 << 20).spawn(|| {
        let a = depth_sum(black_box(200_000));
        let b = mixed(black_box(50_000), 1.0, 0);
        (a, b)
    }).unwrap();
    let (a, b) = h.join().unwrap();
    println!("depth_sum {} mixed {:?}", a, b);
    println!("ackermann(2,3)={} ackermann(3,5)={}", ackermann(2, black_box(3)), ackermann(3, black_box(5)));
    println!("small depth on main {}", depth_sum(black_box(10_000)));
}
