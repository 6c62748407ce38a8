// floor ceil round round_ties_even trunc fract on halves, negatives, large values and f32/f64 boundaries.
use std::hint::black_box;

fn main() {
    let vals: [f64; 20] = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, -0.0, 0.0, 1e16 + 1.0, 4503599627370497.0,
        -4503599627370495.5, 9.999999999999999e22, 0.1, -7.000000000000001, f64::MAX, f64::MIN_POSITIVE, f64::INFINITY, -1e-320];
    for v in vals {
        let v = black_box(v);
        println!("{:?}: floor={:?} ceil={:?} round={:?} rte={:?} trunc={:?} fract={:?}", v, v.floor(), v.ceil(), v.round(),
            v.round_ties_even(), v.trunc(), v.fract());
    }
    let vals32: [f32; 10] = [0.5, 1.5, 2.5, -0.5, -2.5, 8388609.0, -8388607.5, 0.3, f32::MAX, -1e-40];
    for v in vals32 {
        let v = black_box(v);
        println!("f32 {:?}: floor={:?} ceil={:?} round={:?} rte={:?} trunc={:?} fract={:?}", v, v.floor(), v.ceil(), v.round(),
            v.round_ties_even(), v.trunc(), v.fract());
    }
    // sign of zero results
    for v in [black_box(-0.3f64), -0.7, 0.3] {
        println!("{:?} ceil sign neg={} round sign neg={} trunc sign neg={}", v, v.ceil().is_sign_negative(),
            v.round().is_sign_negative(), v.trunc().is_sign_negative());
    }
}
