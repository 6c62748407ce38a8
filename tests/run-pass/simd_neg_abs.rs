// Lane-wise negation and absolute value through portable SIMD: integer wrap at MIN, float -0.0, NaN sign, infinities, 2/4/8/16-lane vectors (narrow, 128-bit and split).
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::prelude::*;

fn main() {
    let i = black_box(i32x4::from_array([i32::MIN, -7, 0, i32::MAX]));
    println!("{:?}", (-i).to_array());
    let b = black_box(i8x16::from_array([i8::MIN, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, i8::MAX]));
    println!("{:?}", (-b).to_array());
    let w = black_box(i64x8::from_array([i64::MIN, -3, -2, -1, 0, 1, 2, i64::MAX]));
    println!("{:?}", (-w).to_array());
    let f = black_box(f32x4::from_array([-0.0, 1.5, f32::NEG_INFINITY, f32::MIN_POSITIVE / 4.0]));
    for x in (-f).to_array().iter().chain(f.abs().to_array().iter()) {
        print!("{:?}/{} ", x, x.is_sign_negative());
    }
    println!();
    let n = black_box(f64x2::from_array([f64::NAN, -f64::NAN]));
    println!("{:?}", (-n).to_array().map(|x| (x.is_nan(), x.is_sign_negative())));
    println!("{:?}", n.abs().to_array().map(|x| (x.is_nan(), x.is_sign_negative())));
    let d = black_box(f64x8::from_array([-1.0, 2.0, -0.0, 0.0, -1e300, 1e-310, -3.5, 4.25]));
    println!("{:?} {:?}", (-d).to_array(), d.abs().to_array());
    let s = black_box(f32x2::from_array([-2.5, 0.125]));
    println!("{:?} {:?}", (-s).to_array(), s.abs().to_array());
}
