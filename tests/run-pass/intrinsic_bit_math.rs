// Bit-manipulation built on intrinsics: popcount tables, bit reversal, gray codes, isqrt by Newton, carry-less multiply, CRC32 and xorshift PRNGs.
use std::hint::black_box;

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 { crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB88320 } else { crc >> 1 }; }
    }
    !crc
}

fn clmul(a: u64, b: u64) -> u128 {
    let mut r = 0u128;
    for i in 0..64 { if (b >> i) & 1 == 1 { r ^= (a as u128) << i; } }
    r
}

fn isqrt_newton(n: u64) -> u64 {
    if n < 2 { return n; }
    let mut x = n;
    let mut y = x / 2 + (x & 1);
    while y < x { x = y; y = (x + n / x) / 2; }
    x
}

fn main() {
    println!("crc {:#010x} {:#010x}", crc32(black_box(b"The quick brown fox jumps over the lazy dog")), crc32(&[0u8; 1000]));
    println!("clmul {:#x} {:#x}", clmul(black_box(0x87), 0x87), clmul(black_box(u64::MAX), u64::MAX));
    let gray: Vec<u8> = (0..16u8).map(|i| i ^ (i >> 1)).collect();
    println!("gray {:?}", gray);
    let mut s = black_box(0x2545F4914F6CDD1Du64);
    let mut hist = [0u32; 8];
    for _ in 0..10000 {
        s ^= s << 13; s ^= s >> 7; s ^= s << 17;
        hist[(s.count_ones() % 8) as usize] += 1;
    }
    println!("xorshift {:#x} {:?}", s, hist);
    for n in [black_box(0u64), 1, 15, 16, 17, 1 << 40, u64::MAX, 999_999_999_999] {
        println!("isqrt {} {} {} {}", n, isqrt_newton(n), n.isqrt(), (n as f64).sqrt() as u64);
    }
    let mut mix = 0u64;
    for i in 0..64u32 {
        let v = black_box(0x0123_4567_89ab_cdefu64).rotate_left(i);
        mix = mix.wrapping_add(v.reverse_bits() ^ v.swap_bytes() ^ (v.leading_zeros() as u64) << 32 ^ v.trailing_zeros() as u64);
    }
    println!("mix {:#x}", mix);
    let pdep_like: u32 = (0..32).filter(|i| i % 3 == 0).fold(0, |acc, i| acc | (1 << i));
    println!("{:#034b} {}", pdep_like, pdep_like.count_ones());
}
