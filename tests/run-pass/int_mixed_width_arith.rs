// Arithmetic mixing widths via casts, sign/zero extension in expressions, u8/i8/u16 arithmetic promoted through i32, hashing-style mixing on u32/u64.
use std::hint::black_box;

#[inline(never)]
fn mix(a: u8, b: i8, c: u16, d: i16, e: u32, f: i32) -> i64 {
    let t1 = a as i32 - b as i32;
    let t2 = (c as i16).wrapping_sub(d) as i64;
    let t3 = (e as i32).wrapping_add(f) as i64;
    let t4 = (a as u64) << 56 | (c as u64) << 16 | (b as u8 as u64);
    t1 as i64 * 1000 + t2 * 7 + t3 + (t4 as i64 >> 3)
}

fn fnv1a(bytes: &[u8]) -> u32 { bytes.iter().fold(0x811c9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x01000193)) }
fn murmur_mix(mut k: u64) -> u64 { k ^= k >> 33; k = k.wrapping_mul(0xff51afd7ed558ccd); k ^= k >> 33; k = k.wrapping_mul(0xc4ceb9fe1a85ec53); k ^ (k >> 33) }

fn main() {
    let vals8 = [0u8, 1, 127, 128, 255];
    let valsi8 = [0i8, -1, 127, -128];
    for &a in &vals8 {
        for &b in &valsi8 {
            print!("{} ", mix(black_box(a), black_box(b), black_box(0xfff0), black_box(-300), black_box(u32::MAX - a as u32), black_box(-(b as i32) * 1000)));
        }
        println!();
    }
    println!("{:#x} {:#x}", fnv1a(black_box(b"hello world")), fnv1a(&[0xffu8; 64]));
    let mut h = black_box(1u64);
    for _ in 0..100 { h = murmur_mix(h); }
    println!("{:#x}", h);
    let bytes = [black_box(0x80u8), 0x7f, 0xff, 0x01];
    let as_i16: Vec<i16> = bytes.iter().map(|&b| b as i8 as i16 * 3).collect();
    let as_u32: Vec<u32> = bytes.iter().map(|&b| (b as i8) as u32).collect();
    println!("{:?} {:?}", as_i16, as_u32);
    let x = black_box(200u8);
    let y = black_box(100u8);
    println!("{} {} {} {}", x as u16 + y as u16, (x as i16 - 300) as u8, x.wrapping_add(y), ((x as u32 * y as u32) >> 8) as u8);
    let avg = |a: u32, b: u32| (a & b) + ((a ^ b) >> 1);
    println!("{} {}", avg(black_box(u32::MAX), u32::MAX - 2), avg(black_box(1), 2));
    let s: i32 = (-50..50).map(|i: i32| (i as u8 as i32) ^ (i as i8 as i32)).sum();
    println!("{}", s);
}
