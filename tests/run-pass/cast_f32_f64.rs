// f32<->f64 conversions: rounding, overflow to inf, subnormal results, -0.0, and int round-trips through floats.
use std::hint::black_box;

fn main() {
    let d = [0.1f64, -0.0, 1.0000000596046448, 1.0000000596046449, 3.4028235677973366e38, 3.4028236e38, 1e39, -1e39, 1.401298464324817e-45,
        7.006492321624085e-46, 7.006492321624086e-46, 1e-50, f64::MIN_POSITIVE, 1.1754942106924411e-38, 16777217.0, f64::INFINITY, 123456.789];
    for v in d {
        let v = black_box(v);
        let f = v as f32;
        println!("{:e} -> {:?} {:#010x} -> {:?}", v, f, f.to_bits(), f as f64);
    }
    let s = [0.1f32, -0.0, f32::MAX, f32::MIN_POSITIVE, 1e-45, f32::EPSILON, 3.3333333, f32::NEG_INFINITY];
    for v in s {
        let v = black_box(v);
        let d = v as f64;
        println!("{:?} -> {:?} {:#018x} back_eq={}", v, d, d.to_bits(), (d as f32).to_bits() == v.to_bits());
    }
    println!("nan {} {}", (black_box(f64::NAN) as f32).is_nan(), (black_box(f32::NAN) as f64).is_nan());
    // int -> f32 -> f64 -> int
    for i in [black_box(16777217i32), -16777219, i32::MAX, 123456789] {
        println!("{} -> {} -> {}", i, i as f32 as f64, i as f32 as f64 as i32);
    }
    let mixed = black_box(1.5f32) as f64 * black_box(2.25f64) + black_box(3u8) as f64 - black_box(-7i16) as f32 as f64;
    println!("mixed {:?}", mixed);
}
