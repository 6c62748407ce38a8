//! f16 and f128 as LLVM computes them: the math functions (f16 through f32, as glibc has
//! none; `powi` too, which compiler-builtins lacks for f16), rounding, remainders,
//! conversions to and from every integer and float width, and comparisons with NaN.
#![feature(f16, f128)]
use std::hint::black_box as bb;

fn f16_row(x: f16) -> Vec<u16> {
    [
        x.sqrt(),
        x.powi(3),
        x.powf(bb(1.5)),
        x.exp(),
        x.exp2(),
        x.ln(),
        x.log2(),
        x.log10(),
        x.sin(),
        x.cos(),
        x.tan(),
        x.abs(),
        x.floor(),
        x.ceil(),
        x.round(),
        x.trunc(),
        x.mul_add(bb(2.0), bb(1.0)),
        x.max(bb(1.0)),
        x.min(bb(1.0)),
        x.copysign(bb(-1.0)),
        x.cbrt(),
        x.hypot(bb(3.0)),
        x.asin(),
        x.atan2(bb(2.0)),
        x.exp_m1(),
        x.ln_1p(),
        x.sinh(),
        x.tanh(),
        x.round_ties_even(),
        x % bb(0.75),
        x.rem_euclid(bb(0.75)),
        x.div_euclid(bb(0.75)),
        x + bb(0.1),
        x - bb(3.0),
        x * bb(7.5),
        x / bb(0.3),
    ]
    .map(f16::to_bits)
    .to_vec()
}

fn f128_row(x: f128) -> Vec<u128> {
    [
        x.sqrt(),
        x.powi(3),
        x.abs(),
        x.floor(),
        x.ceil(),
        x.round(),
        x.trunc(),
        x.mul_add(bb(2.0), bb(1.0)),
        x.max(bb(1.0)),
        x.min(bb(1.0)),
        x.copysign(bb(-1.0)),
        x % bb(0.75),
        x.round_ties_even(),
        x + bb(0.1),
        x - bb(3.0),
        x * bb(7.5),
        x / bb(0.3),
    ]
    .map(f128::to_bits)
    .to_vec()
}

macro_rules! casts {
    ($x:expr, $($t:ty),*) => { [$(format!("{:?}", $x as $t)),*].join(" ") };
}

fn main() {
    let halves: [f16; 9] = [0.5, 1.5, -2.25, 10.0, 0.0078125, 65504.0, -0.0, 6.0e-8, 300.7];
    for x in halves.map(bb) {
        println!("{:?}", f16_row(x));
        // Not `as i128`: LLVM's aarch64 build at -O0 gets negative values wrong (-2.25
        // gives 2^64 - 2); ours gives -2.
        println!("{}", casts!(x, i8, u8, i16, u16, i32, u32, i64, u64, u128, f32, f64));
        println!("{:?}", (x as f128).to_bits());
    }
    let quads: [f128; 8] = [0.5, 1.5, -2.25, 10.0, 1.0e300, -1.0e-300, 3.0e38, 123456789.123456789];
    for x in quads.map(bb) {
        println!("{:?}", f128_row(x));
        println!("{}", casts!(x, i8, u8, i16, u16, i32, u32, i64, u64, i128, u128, f32, f64));
        println!("{:?}", (x as f16).to_bits());
    }
    let ints: [i128; 7] = [0, 1, -1, 65519, 65520, i64::MAX as i128, i128::MIN];
    for i in ints.map(bb) {
        let h = [
            i as i8 as f16,
            i as u8 as f16,
            i as i16 as f16,
            i as u16 as f16,
            i as i32 as f16,
            i as u32 as f16,
            i as i64 as f16,
            i as u64 as f16,
            i as f16,
            i as u128 as f16,
        ];
        let q = [
            i as i8 as f128,
            i as u16 as f128,
            i as i32 as f128,
            i as u64 as f128,
            i as f128,
            i as u128 as f128,
        ];
        println!("{:?} {:?}", h.map(f16::to_bits), q.map(f128::to_bits));
    }
    let (nan16, nan128) = (bb(f16::NAN), bb(f128::NAN));
    let (a, b) = (bb(1.0f16), bb(2.0f128));
    println!(
        "{} {} {} {} {} {} {} {}",
        a < nan16,
        a == a,
        nan16 != nan16,
        a.partial_cmp(&nan16).is_none(),
        b > nan128,
        b >= b,
        nan128 == nan128,
        b.total_cmp(&-b) as i8
    );
    println!("{:?} {:?}", (bb(1.0e10f64) as f16).to_bits(), (bb(1.0e-10f32) as f16).to_bits());
    println!("{:?} {:?}", bb(f32::MAX) as f16, bb(f64::MIN_POSITIVE) as f128);
}
