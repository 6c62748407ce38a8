// Float rounding and libm-style lane intrinsics for f32/f64: simd_ceil/floor/trunc/round/round_ties_even and simd_fsin/fcos/fexp/fexp2/flog/flog2/flog10, via std::simd::StdFloat and directly.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use core::intrinsics::simd as si;
use std::hint::black_box;
use std::simd::prelude::*;
use std::simd::StdFloat;

#[repr(simd)]
#[derive(Copy, Clone)]
struct V<T, const N: usize>([T; N]);

fn v<T: Copy, const N: usize>(x: [T; N]) -> V<T, N> {
    let mut t = std::mem::MaybeUninit::<V<T, N>>::uninit();
    unsafe {
        std::ptr::copy_nonoverlapping(&x, t.as_mut_ptr().cast(), 1);
        t.assume_init()
    }
}
fn a<T: Copy, const N: usize>(x: V<T, N>) -> [T; N] {
    unsafe { std::ptr::read(&x as *const V<T, N> as *const [T; N]) }
}

const R32: [f32; 32] = [
    0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999997, -0.49999997, 3.5, -3.5, 1.0000001, -0.99999994, 7.7, -7.7,
    8388607.5, 8388608.0, 8388609.0, -8388607.5, 16777217.0, f32::MAX, f32::MIN, f32::MIN_POSITIVE, -1e-45, 1e-45,
    f32::INFINITY, f32::NEG_INFINITY, f32::NAN, 123456.79, -0.1, 4.5,
];
const R64: [f64; 32] = [
    0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 3.5, -3.5, 1.0000000000000002,
    -0.9999999999999999, 7.7, -7.7, 4503599627370495.5, 4503599627370496.0, 4503599627370497.0, -4503599627370495.5,
    9007199254740993.0, f64::MAX, f64::MIN, f64::MIN_POSITIVE, -5e-324, 5e-324, f64::INFINITY, f64::NEG_INFINITY,
    f64::NAN, 123456.789, -0.1, 4.5,
];
const M32: [f32; 16] = [
    0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 10.0, -10.0, 88.0, 89.0, -104.0, 1e-30, 3.1415927, 1e6, f32::INFINITY, f32::NAN,
];
const M64: [f64; 16] = [
    0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 10.0, -10.0, 709.0, 710.0, -745.5, 1e-300, std::f64::consts::PI, 1e15, f64::NEG_INFINITY, f64::NAN,
];

fn show<T: std::fmt::Debug>(x: &[T]) -> String {
    x.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join(" ")
}

#[inline(never)]
fn rounding_direct<T: Copy, const N: usize>(x: [T; N]) -> [[T; N]; 5] {
    let x = v(x);
    unsafe { [a(si::simd_ceil(x)), a(si::simd_floor(x)), a(si::simd_trunc(x)), a(si::simd_round(x)), a(si::simd_round_ties_even(x))] }
}

#[inline(never)]
fn math_direct<T: Copy, const N: usize>(x: [T; N]) -> [[T; N]; 7] {
    let x = v(x);
    unsafe {
        [
            a(si::simd_fsin(x)),
            a(si::simd_fcos(x)),
            a(si::simd_fexp(x)),
            a(si::simd_fexp2(x)),
            a(si::simd_flog(x)),
            a(si::simd_flog2(x)),
            a(si::simd_flog10(x)),
        ]
    }
}

macro_rules! rounding {
    ($t:ident, $n:literal, $vals:expr) => {{
        let vals = black_box($vals);
        let mut std_out: [Vec<$t>; 5] = Default::default();
        let mut dir_out: [Vec<$t>; 5] = Default::default();
        for c in vals.chunks_exact($n) {
            let x: [$t; $n] = c.try_into().unwrap();
            let s = Simd::from_array(x);
            for (o, r) in std_out.iter_mut().zip([s.ceil(), s.floor(), s.trunc(), s.round(), s.round_ties_even()]) {
                o.extend(r.to_array());
            }
            for (o, r) in dir_out.iter_mut().zip(rounding_direct(x)) {
                o.extend(r);
            }
        }
        for (i, name) in ["ceil", "floor", "trunc", "round", "round_ties_even"].iter().enumerate() {
            println!("{}x{} {name}: {}", stringify!($t), $n, show(&std_out[i]));
            println!("{}x{} {name} direct: {}", stringify!($t), $n, show(&dir_out[i]));
        }
    }};
}

macro_rules! math {
    ($t:ident, $n:literal, $vals:expr) => {{
        let vals = black_box($vals);
        let mut std_out: [Vec<$t>; 7] = Default::default();
        let mut dir_out: [Vec<$t>; 7] = Default::default();
        for c in vals.chunks_exact($n) {
            let x: [$t; $n] = c.try_into().unwrap();
            let s = Simd::from_array(x);
            for (o, r) in std_out.iter_mut().zip([s.sin(), s.cos(), s.exp(), s.exp2(), s.ln(), s.log2(), s.log10()]) {
                o.extend(r.to_array());
            }
            for (o, r) in dir_out.iter_mut().zip(math_direct(x)) {
                o.extend(r);
            }
        }
        for (i, name) in ["sin", "cos", "exp", "exp2", "ln", "log2", "log10"].iter().enumerate() {
            println!("{}x{} {name}: {}", stringify!($t), $n, show(&std_out[i]));
            // The direct calls must agree with the std ones lane for lane.
            let same = std_out[i].iter().zip(&dir_out[i]).all(|(p, q)| p.to_bits() == q.to_bits() || (p.is_nan() && q.is_nan()));
            println!("{}x{} {name} direct same: {same}", stringify!($t), $n);
        }
    }};
}

fn main() {
    rounding!(f32, 8, R32);
    rounding!(f32, 4, R32);
    rounding!(f64, 4, R64);
    rounding!(f64, 2, R64);
    rounding!(f32, 16, R32);
    math!(f32, 4, M32);
    math!(f32, 16, M32);
    math!(f64, 2, M64);
    math!(f64, 8, M64);
    // Single-lane and odd-lane vectors.
    let one = black_box([2.5f64]);
    println!("f64x1 {:?}", rounding_direct(one));
    let three = black_box([-2.5f32, 1e-45, 2.0]);
    println!("f32x3 {:?}", rounding_direct(three));
    println!("f32x3 math {:?}", math_direct(three));
    // fract and log(base) are built from the above.
    let f = black_box(f64x4::from_array([2.75, -2.75, 1e300, -0.0]));
    println!("fract {:?}", f.fract().to_array());
    let b = black_box(f32x4::from_array([8.0, 81.0, 0.001, 1.0]));
    println!("log base {:?}", b.log(f32x4::from_array([2.0, 3.0, 10.0, 7.0])).to_array());
}
