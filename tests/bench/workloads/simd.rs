// Portable-SIMD workload for the run-time comparison of tests/bench (opt-level 0): a
// std::simd f32 dot product, a byte-classification loop (compares, masks, bitmasks) and
// 4x4 f32 matrix products. Prints a checksum so both builds can be checked to compute the
// same thing.
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::prelude::*;

fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = f32x8::splat(0.0);
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        acc += f32x8::from_slice(x) * f32x8::from_slice(y);
    }
    acc.reduce_sum()
}

/// Counts ASCII digits, letters and whitespace, 16 bytes at a time.
fn classify(text: &[u8]) -> (u32, u32, u32) {
    let (mut digits, mut letters, mut spaces) = (0, 0, 0);
    for chunk in text.chunks_exact(16) {
        let v = u8x16::from_slice(chunk);
        let is_digit = v.simd_ge(u8x16::splat(b'0')) & v.simd_le(u8x16::splat(b'9'));
        let lower = v | u8x16::splat(0x20);
        let is_letter = lower.simd_ge(u8x16::splat(b'a')) & lower.simd_le(u8x16::splat(b'z'));
        let is_space = v.simd_eq(u8x16::splat(b' ')) | v.simd_eq(u8x16::splat(b'\n'));
        digits += is_digit.to_bitmask().count_ones();
        letters += is_letter.to_bitmask().count_ones();
        spaces += is_space.to_bitmask().count_ones();
    }
    (digits, letters, spaces)
}

/// Row `i` of `a * b` is the sum of `b`'s rows scaled by the lanes of `a[i]`, unrolled
/// as SIMD kernels are written.
fn matmul(a: &[f32x4; 4], b: &[f32x4; 4]) -> [f32x4; 4] {
    let row = |r: f32x4| {
        let [x, y, z, w] = r.to_array();
        f32x4::splat(x) * b[0] + f32x4::splat(y) * b[1] + f32x4::splat(z) * b[2] + f32x4::splat(w) * b[3]
    };
    [row(a[0]), row(a[1]), row(a[2]), row(a[3])]
}

fn main() {
    let n = 1 << 14;
    let a: Vec<f32> = (0..n).map(|i| (i % 17) as f32 * 0.25).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 13) as f32 * 0.5).collect();
    let mut d = 0.0;
    for _ in 0..400 {
        d += dot(black_box(&a), black_box(&b));
    }

    let text: Vec<u8> = (0..1 << 16).map(|i| b"The 42 quick brown foxes jumped over 7 lazy dogs\n"[i % 49]).collect();
    let mut counts = (0, 0, 0);
    for _ in 0..200 {
        let c = classify(black_box(&text));
        counts = (counts.0 + c.0, counts.1 + c.1, counts.2 + c.2);
    }

    let mut m = [f32x4::from_array([1.0, 0.5, 0.0, 0.0]), f32x4::from_array([0.0, 1.0, 0.5, 0.0]),
                 f32x4::from_array([0.0, 0.0, 1.0, 0.5]), f32x4::from_array([0.5, 0.0, 0.0, 1.0])];
    let scale = [f32x4::splat(0.25); 4];
    let mut trace = 0.0f32;
    for _ in 0..300_000 {
        m = matmul(black_box(&m), &scale);
        m[0] += f32x4::splat(1.0);
        trace += m[0][0] + m[1][1] + m[2][2] + m[3][3];
    }
    println!("dot {d} counts {counts:?} trace {trace}");
}
