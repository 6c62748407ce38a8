// Register pressure: 40+ simultaneously live integer and float values across calls and loops, forcing spills and reloads.
use std::hint::black_box;

#[inline(never)]
fn opaque(x: u64) -> u64 { black_box(x) }

fn main() {
    let mut v = [0u64; 24];
    for (i, x) in v.iter_mut().enumerate() { *x = black_box(i as u64 * 0x1234_5678_9abc + 1); }
    let (mut a0, mut a1, mut a2, mut a3, mut a4, mut a5, mut a6, mut a7) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    let (mut a8, mut a9, mut a10, mut a11, mut a12, mut a13, mut a14, mut a15) = (v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]);
    let (mut a16, mut a17, mut a18, mut a19, mut a20, mut a21, mut a22, mut a23) = (v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23]);
    let mut f = [0.0f64; 20];
    for (i, x) in f.iter_mut().enumerate() { *x = black_box(i as f64 * 0.37 + 0.11); }
    let (mut f0, mut f1, mut f2, mut f3, mut f4, mut f5, mut f6, mut f7, mut f8, mut f9) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
    let (mut g0, mut g1, mut g2, mut g3, mut g4, mut g5, mut g6, mut g7, mut g8, mut g9) = (f[10], f[11], f[12], f[13], f[14], f[15], f[16], f[17], f[18], f[19]);
    for i in 0..black_box(100u64) {
        a0 = a0.wrapping_add(a23 ^ i); a1 = a1.wrapping_mul(a0 | 1); a2 ^= a1.rotate_left(3); a3 = a3.wrapping_sub(a2);
        a4 = a4.wrapping_add(opaque(a3)); a5 ^= a4 >> 7; a6 = a6.wrapping_add(a5); a7 = a7.rotate_right((a6 % 63) as u32);
        a8 = a8.wrapping_add(a7); a9 ^= a8; a10 = a10.wrapping_mul(a9 | 3); a11 = a11.wrapping_add(a10 >> 1);
        a12 ^= opaque(a11); a13 = a13.wrapping_add(a12); a14 = a14.wrapping_sub(a13); a15 ^= a14.rotate_left(11);
        a16 = a16.wrapping_add(a15); a17 = a17.wrapping_mul(a16 | 5); a18 ^= a17; a19 = a19.wrapping_add(opaque(a18));
        a20 ^= a19 >> 5; a21 = a21.wrapping_add(a20); a22 = a22.wrapping_mul(a21 | 7); a23 ^= a22.rotate_left(17);
        f0 = f0 * 0.99 + g9 * 0.01; f1 = f1 + f0 * 0.5; f2 = f2 - f1 * 0.25; f3 = f3 * 1.01 - f2 * 0.001; f4 = f4 + (f3 * 0.5).abs().sqrt();
        f5 = f5 * 0.9 + f4 * 0.1; f6 = f6 + f5 * f0 * 1e-3; f7 = f7.max(f6); f8 = f8 + f7 * 1e-4; f9 = f9 - f8 * 1e-5;
        g0 = g0 + f9 * 0.5; g1 = g1 * 0.5 + g0; g2 = (g2 + g1) * 0.5; g3 = g3 - g2 * 0.01; g4 = g4 + g3.abs() * 0.01;
        g5 = g5 * 0.999 + g4 * 0.001; g6 = g6 + g5 * 0.5 - opaque(i) as f64 * 1e-3; g7 = g7 * 0.5 + g6 * 0.5; g8 = g8 + g7 * 1e-2; g9 = (g9 + g8) * 0.5;
    }
    let ints = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23];
    println!("{:x?}", ints);
    let floats = [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, g0, g1, g2, g3, g4, g5, g6, g7, g8, g9];
    println!("{:?}", floats);
    println!("{:#x}", ints.iter().fold(0u64, |a, &b| a.wrapping_mul(31).wrapping_add(b)));
}
