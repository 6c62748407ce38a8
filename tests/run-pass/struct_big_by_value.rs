// Large structs (>= 200 bytes) passed and returned by value through several calls, arrays in structs, struct update syntax.
use std::hint::black_box;

#[derive(Clone, Copy, Debug, PartialEq)]
struct Big {
    a: [u64; 16],
    b: f64,
    c: u8,
    d: [i32; 20],
    e: (u16, i64),
}

#[inline(never)]
fn make(seed: u64) -> Big {
    let mut a = [0u64; 16];
    for (i, x) in a.iter_mut().enumerate() {
        *x = seed.wrapping_mul(i as u64 + 1) ^ 0x5555;
    }
    let mut d = [0i32; 20];
    for (i, x) in d.iter_mut().enumerate() {
        *x = (seed as i32).wrapping_sub(i as i32 * 1000);
    }
    Big { a, b: seed as f64 / 7.0, c: seed as u8, d, e: (seed as u16, -(seed as i64)) }
}

#[inline(never)]
fn transform(mut b: Big, k: u64) -> Big {
    for x in b.a.iter_mut() {
        *x = x.rotate_left(k as u32);
    }
    b.b *= -1.5;
    b.d.reverse();
    b.e.0 = b.e.0.wrapping_mul(3);
    b
}

#[inline(never)]
fn combine(x: Big, y: Big, z: Big) -> (Big, u64) {
    let mut r = x;
    for i in 0..16 {
        r.a[i] = x.a[i] ^ y.a[i] ^ z.a[i];
    }
    let s = r.a.iter().fold(0u64, |acc, v| acc.wrapping_add(*v));
    (Big { c: y.c.wrapping_add(z.c), ..r }, s)
}

fn checksum(b: &Big) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    for x in b.a { h = (h ^ x).wrapping_mul(0x100000001b3); }
    for x in b.d { h = (h ^ x as u64).wrapping_mul(0x100000001b3); }
    h ^ b.b.to_bits() ^ b.c as u64 ^ b.e.0 as u64 ^ b.e.1 as u64
}

fn main() {
    println!("size {}", size_of::<Big>());
    let b1 = make(black_box(12345));
    let b2 = transform(b1, black_box(13));
    let b3 = transform(transform(b2, 1), 2);
    let (b4, s) = combine(b1, b2, b3);
    println!("{:#x} {:#x} {:#x} {:#x} {:#x}", checksum(&b1), checksum(&b2), checksum(&b3), checksum(&b4), s);
    println!("{:?}", b4);
    let arr = [b1, b2, b3, b4];
    let moved: Vec<Big> = arr.iter().map(|b| transform(*b, 5)).collect();
    for b in &moved { print!("{:#x} ", checksum(b)); }
    println!();
    println!("eq {} {}", b1 == make(12345), b2 == b3);
    let tuple = (b1, 7u8, b2);
    let (x, y, z) = black_box(tuple);
    println!("{} {} {}", x.c, y, z.e.1);
}
