// Large stack frames (arrays of 16 KiB - 1 MiB on the stack, needing stack probes), large arrays returned by value and moved between frames.
use std::hint::black_box;

#[inline(never)]
fn big_local(seed: u32) -> u64 {
    let mut buf = [0u32; 16 * 1024];
    for (i, x) in buf.iter_mut().enumerate() { *x = seed.wrapping_mul(i as u32).rotate_left(5); }
    buf.iter().map(|&x| x as u64).sum()
}

#[inline(never)]
fn huge_local(seed: u8) -> u8 {
    let mut buf = [0u8; 1 << 20];
    for i in (0..buf.len()).step_by(4093) { buf[i] = seed.wrapping_add(i as u8); }
    buf.iter().fold(0u8, |a, &b| a ^ b)
}

#[inline(never)]
fn ret_big(k: u64) -> [u64; 4096] {
    let mut a = [0u64; 4096];
    for (i, x) in a.iter_mut().enumerate() { *x = k ^ (i as u64 * 0x9E37_79B9); }
    a
}

#[inline(never)]
fn take_big(a: [u64; 4096]) -> u64 { a.iter().fold(0u64, |acc, &x| acc.wrapping_add(x).rotate_left(1)) }

#[inline(never)]
fn recurse_big(n: u32) -> u64 {
    let mut local = [n as u64; 2048];
    local[black_box(n as usize % 2048)] += 1;
    if n == 0 { local.iter().sum() } else { local[0] + recurse_big(n - 1) }
}

fn main() {
    println!("{}", big_local(black_box(12345)));
    println!("{}", huge_local(black_box(9)));
    let a = ret_big(black_box(77));
    println!("{} {} {}", a[0], a[4095], take_big(a));
    let b = a;
    println!("{}", take_big(b) == take_big(a));
    println!("{}", recurse_big(black_box(40)));
    let boxed: Box<[u64; 4096]> = Box::new(ret_big(1));
    println!("{}", take_big(*boxed));
}
