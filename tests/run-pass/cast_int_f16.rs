//! Integer to f16 conversions, which go through f32 (the sysroot has no `__floatdihf`):
//! values near f16 rounding ties, the largest finite f16, overflow to infinity, and
//! every width and signedness.
#![feature(f16)]
use std::hint::black_box;

fn bits(x: f16) -> u16 {
    x.to_bits()
}

fn main() {
    let mut samples: Vec<i64> = vec![0, 1, -1, 2047, 2048, 2049, 2050, 2051, 4095, 4097, 4098, 4099, 65504,
        65519, 65520, 65535, 65536, -65520, -65519, i64::MAX, i64::MIN, i32::MAX as i64, i32::MIN as i64];
    // Ties and near-ties of f16's 11-bit mantissa at several exponents.
    for e in 11..16 {
        let base = 1i64 << e;
        let ulp = base >> 10;
        for k in [0, 1, 3, 5, 511, 1023] {
            let v = base + k * ulp;
            samples.extend([v + ulp / 2, v + ulp / 2 - 1, v + ulp / 2 + 1, -(v + ulp / 2)]);
        }
    }
    for &v in &samples {
        let v = black_box(v);
        println!(
            "{v}: i64 {:04x} u64 {:04x} i32 {:04x} u32 {:04x} i16 {:04x} u16 {:04x} i8 {:04x} u8 {:04x}",
            bits(v as f16),
            bits(v as u64 as f16),
            bits(v as i32 as f16),
            bits(v as u32 as f16),
            bits(v as i16 as f16),
            bits(v as u16 as f16),
            bits(v as i8 as f16),
            bits(v as u8 as f16),
        );
    }
    let big = black_box(u64::MAX);
    println!("u64::MAX {:04x}, u128 {:04x}", bits(big as f16), bits(black_box(u128::MAX) as f16));
    // 128-bit sources: compiler-builtins has no `__floattihf`, so these must not call it
    // (the program would then link only where libgcc_s happens to have it).
    for v in [0i128, -1, 65504, 65519, 65520, -65520, 2049, 2051, 1 << 90, i128::MIN, i128::MAX] {
        let v = black_box(v);
        println!("{v}: i128 {:04x} u128 {:04x}", bits(v as f16), bits(v as u128 as f16));
    }
}
