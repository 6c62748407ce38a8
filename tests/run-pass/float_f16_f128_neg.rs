//! Negation of f16 and f128 (a sign-bit flip; Cranelift has no f16/f128 `fneg` on x86_64).
#![feature(f16, f128)]
use std::hint::black_box;

fn main() {
    for x in [1.5f16, -0.0, 0.0, 65504.0, f16::INFINITY, f16::NAN, -f16::MIN_POSITIVE] {
        let n = -black_box(x);
        println!("f16 {:#06x} -> {:#06x}", x.to_bits(), n.to_bits());
    }
    for x in [1.5f128, -0.0, 0.0, f128::MAX, f128::NEG_INFINITY, f128::NAN, 1e-4000] {
        let n = -black_box(x);
        println!("f128 {:#034x} -> {:#034x}", x.to_bits(), n.to_bits());
    }
    let v: Vec<f16> = (0..5u16).map(|i| -f16::from_bits(0x3c00 + i)).collect();
    println!("{:?}", v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
}
