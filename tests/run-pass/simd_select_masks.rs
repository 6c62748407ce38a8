// Mask::select (simd_select) on narrow, 128-bit and split vectors of ints and floats, masks from compares.
#![feature(portable_simd)]
use std::hint::black_box;
use std::simd::prelude::*;

fn main() {
    let a = black_box(i32x4::from_array([1, -2, 3, -4]));
    let b = black_box(i32x4::splat(100));
    println!("{:?}", a.simd_lt(i32x4::splat(0)).select(a, b).to_array());
    let f = black_box(f32x8::from_array([1.0, -0.0, f32::NAN, -3.5, 2.0, f32::INFINITY, -1.0, 0.5]));
    let g = black_box(f32x8::splat(9.0));
    let m = f.simd_ge(f32x8::splat(0.0));
    println!("{:?}", m.select(f, g).to_array());
    let c = black_box(u8x16::from_array(core::array::from_fn(|i| (i * 17) as u8)));
    println!("{:?}", c.simd_gt(u8x16::splat(100)).select(c, u8x16::splat(1)).to_array());
    let d = black_box(f64x2::from_array([-1.25, 7.5]));
    println!("{:?}", d.simd_lt(f64x2::splat(0.0)).select(-d, d).to_array());
    let e = black_box(i16x4::from_array([5, -5, 300, -300]));
    println!("{:?}", e.simd_gt(i16x4::splat(0)).select(e, -e).to_array());
    let w = black_box(i64x8::from_array([1, 2, 3, 4, 5, 6, 7, 8]));
    let mask = Mask::<i64, 8>::from_array([true, false, true, false, false, true, true, false]);
    println!("{:?}", mask.select(w, -w).to_array());
}
