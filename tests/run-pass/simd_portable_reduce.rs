// Horizontal reductions: simd_reduce_add/mul_ordered (ints, floats incl. -0.0 start, inf, NaN), reduce_add/mul_unordered and reduce_min/max (signed/unsigned ints incl. i128), reduce_and/or/xor, std float reduce_min/max, over 1..64 lanes.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use core::intrinsics::simd as si;
use std::hint::black_box;
use std::simd::prelude::*;

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

fn pat<const N: usize>(salt: u64) -> [u64; N] {
    core::array::from_fn(|i| {
        let mut x = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt.wrapping_mul(0xD6E8_FEB8_6659_FD93);
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x ^ (x >> 32)
    })
}

// Integer reductions directly: add/mul ordered with a start value, unordered, min/max, and/or/xor.
#[inline(never)]
fn int_red<T: Copy, const N: usize>(x: [T; N], start: T, one: T) -> [T; 10] {
    let x = v(x);
    unsafe {
        [
            si::simd_reduce_add_ordered(x, start),
            si::simd_reduce_mul_ordered(x, one),
            si::simd_reduce_add_unordered(x),
            si::simd_reduce_mul_unordered(x),
            si::simd_reduce_min(x),
            si::simd_reduce_max(x),
            si::simd_reduce_and(x),
            si::simd_reduce_or(x),
            si::simd_reduce_xor(x),
            si::simd_reduce_mul_ordered(x, start),
        ]
    }
}

#[inline(never)]
fn float_red<T: Copy, const N: usize>(x: [T; N], start: T, one: T) -> [T; 3] {
    let x = v(x);
    unsafe { [si::simd_reduce_add_ordered(x, start), si::simd_reduce_mul_ordered(x, one), si::simd_reduce_mul_ordered(x, start)] }
}

// simd_reduce_min/max reject float lanes; std folds with f32::min/max instead.
macro_rules! float_minmax {
    ($x:expr) => {{
        let s = Simd::from_array($x);
        [s.reduce_min(), s.reduce_max()]
    }};
}

macro_rules! ints {
    ($t:ty, $n:literal, $salt:expr) => {{
        let mut x: [$t; $n] = pat::<$n>($salt).map(|e| e as $t);
        // Small odd values keep products non-trivial.
        let small: [$t; $n] = pat::<$n>($salt + 1).map(|e| ((e % 7) as $t) | 1);
        if $n > 2 {
            x[1] = <$t>::MIN;
            x[2] = <$t>::MAX;
        }
        let x = black_box(x);
        let small = black_box(small);
        let s = Simd::<$t, $n>::from_array(x);
        let n = stringify!($t);
        println!("{n}x{} direct {:?}", $n, int_red(x, 5 as $t, 1 as $t));
        println!("{n}x{} small {:?}", $n, int_red(small, (0 as $t).wrapping_sub(3), 1 as $t));
        println!(
            "{n}x{} std sum {} prod {} min {} max {} and {} or {} xor {}",
            $n, s.reduce_sum(), s.reduce_product(), s.reduce_min(), s.reduce_max(), s.reduce_and(), s.reduce_or(), s.reduce_xor()
        );
    }};
}

fn main() {
    ints!(i8, 16, 1);
    ints!(u8, 32, 2);
    ints!(i8, 64, 3);
    ints!(i16, 8, 4);
    ints!(u16, 4, 5);
    ints!(i32, 4, 6);
    ints!(u32, 16, 7);
    ints!(i64, 2, 8);
    ints!(u64, 8, 9);
    ints!(isize, 4, 10);
    ints!(usize, 2, 11);
    ints!(i32, 7, 12);
    ints!(u16, 3, 13);
    ints!(u64, 1, 14);
    println!("i128 {:?}", int_red(black_box([i128::MIN, -3, i128::MAX, 17]), 1, 1));
    println!("u128 {:?}", int_red(black_box([u128::MAX, 3, 1 << 100]), 9, 1));

    // Ordered float sums depend on association; these lanes make the order visible.
    let f = black_box([1e20f32, 1.0, -1e20, 1.0, 3.5, -0.25, 1e-7, 2.0]);
    println!("f32 ordered {:?}", float_red(f, -0.0, 1.0));
    println!("f32 ordered start=1e20 {:?}", float_red(f, 1e20, 1e-20));
    let sf = f32x8::from_array(f);
    println!("f32 std sum {:?} prod {:?} max {:?} min {:?}", sf.reduce_sum(), sf.reduce_product(), sf.reduce_max(), sf.reduce_min());
    // -0.0 + -0.0 ... stays -0.0 only when started from -0.0.
    let z = black_box([-0.0f64; 4]);
    let zr = float_red(z, -0.0, 1.0);
    let zp = float_red(z, 0.0, 1.0);
    println!("f64 zeros {:?} {:?}", zr, zp);
    let g = black_box([0.1f64, 0.2, 0.3, 1e16, -1e16, 0.4, 7.0, -3.0]);
    println!("f64 ordered {:?}", float_red(g, -0.0, 1.0));
    println!("f64 std sum {:?} prod {:?}", f64x8::from_array(g).reduce_sum(), f64x8::from_array(g).reduce_product());
    // Overflow to inf, and inf * 0 -> NaN.
    let h = black_box([f64::MAX, f64::MAX, -f64::MAX, 0.0]);
    println!("f64 inf/nan {:?}", float_red(h, -0.0, 1.0));
    let k = black_box([1.0f32, f32::NAN, 2.0]);
    println!("f32x3 nan {:?}", float_red(k, -0.0, 1.0));
    let one = black_box([2.5f32]);
    println!("f32x1 {:?} {:?}", float_red(one, 1.0, 4.0), float_minmax!(one));
    let big = black_box(core::array::from_fn::<f32, 64, _>(|i| (i as f32 - 31.5) * 0.75));
    println!("f32x64 {:?} {:?}", float_red(big, -0.0, 1.0), float_minmax!(big));
    // Float min/max without NaN (ties between zeros avoided).
    let mmv = black_box([3.0f64, -1e-310, f64::INFINITY, -7.5, 1e300, 2.0]);
    println!("f64 minmax {:?}", float_minmax!(mmv));
    let mmf = black_box([f32::NEG_INFINITY, 0.5, 1e-45, -3.0]);
    println!("f32 minmax {:?}", float_minmax!(mmf));
}
