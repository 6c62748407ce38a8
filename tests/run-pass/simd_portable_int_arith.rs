// Integer lane arithmetic via std::simd operators and direct simd_add/sub/mul/div/rem/neg/and/or/xor/shl/shr for i8..i128, u8..u128, isize/usize.
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
fn a<T: Copy, const N: usize>(x: V<T, N>) -> [T; N] {
    unsafe { std::ptr::read(&x as *const V<T, N> as *const [T; N]) }
}

// Pseudo-random 128-bit lane patterns.
fn pat<const N: usize>(salt: u128) -> [u128; N] {
    core::array::from_fn(|i| {
        let mut x = (i as u128 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835) ^ salt;
        x ^= x >> 61;
        x = x.wrapping_mul(0xD6E8_FEB8_6659_FD93_A0B4_2C3E_1F2D_5B77);
        x ^ (x >> 37)
    })
}

// Direct intrinsic calls, generic over element type and lane count.
#[inline(never)]
fn d_add<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [T; N] { unsafe { a(si::simd_add(v(x), v(y))) } }
#[inline(never)]
fn d_sub<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [T; N] { unsafe { a(si::simd_sub(v(x), v(y))) } }
#[inline(never)]
fn d_mul<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [T; N] { unsafe { a(si::simd_mul(v(x), v(y))) } }
#[inline(never)]
fn d_div<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [T; N] { unsafe { a(si::simd_div(v(x), v(y))) } }
#[inline(never)]
fn d_rem<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [T; N] { unsafe { a(si::simd_rem(v(x), v(y))) } }
#[inline(never)]
fn d_neg<T: Copy, const N: usize>(x: [T; N]) -> [T; N] { unsafe { a(si::simd_neg(v(x))) } }
#[inline(never)]
fn d_bit<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> ([T; N], [T; N], [T; N]) {
    unsafe { (a(si::simd_and(v(x), v(y))), a(si::simd_or(v(x), v(y))), a(si::simd_xor(v(x), v(y)))) }
}
#[inline(never)]
fn d_shl<T: Copy, const N: usize>(x: [T; N], s: [T; N]) -> [T; N] { unsafe { a(si::simd_shl(v(x), v(s))) } }
#[inline(never)]
fn d_shr<T: Copy, const N: usize>(x: [T; N], s: [T; N]) -> [T; N] { unsafe { a(si::simd_shr(v(x), v(s))) } }

macro_rules! inputs {
    ($t:ty, $n:literal) => {{
        let mut x: [$t; $n] = pat::<$n>(1).map(|e| e as $t);
        let mut y: [$t; $n] = pat::<$n>(2).map(|e| (e >> 3) as $t);
        // Edge lanes.
        let m1 = (0 as $t).wrapping_sub(1);
        let ex = [(<$t>::MIN, 3 as $t), (<$t>::MAX, <$t>::MAX), (0, m1), (1, <$t>::MIN), (<$t>::MIN.wrapping_add(1), 1), (x[5 % $n], m1)];
        for i in 0..ex.len().min($n) {
            x[i] = ex[i].0;
            y[i] = ex[i].1;
        }
        // Divisors: no zeros, no MIN / -1.
        let mut d = y;
        for i in 0..$n {
            if d[i] == 0 { d[i] = 7; }
            if x[i] == <$t>::MIN && d[i] == m1 { d[i] = 2; }
        }
        let bits = <$t>::BITS as u128;
        let s: [$t; $n] = pat::<$n>(3).map(|e| (e % bits) as $t);
        let s2: [$t; $n] = pat::<$n>(4).map(|e| (e % (bits * 3)) as $t);
        (black_box(x), black_box(y), black_box(d), black_box(s), black_box(s2))
    }};
}

// simd_neg only accepts signed integer (and float) lanes.
macro_rules! neg {
    (signed, $n:ident, $x:ident) => { println!("{} d_neg {:?}", $n, d_neg($x)); };
    (unsigned, $n:ident, $x:ident) => {};
}

macro_rules! std_ops {
    ($t:ty, $n:literal, $sg:ident) => {{
        let (x, y, d, s, s2) = inputs!($t, $n);
        let (vx, vy, vd) = (Simd::<$t, $n>::from_array(x), Simd::from_array(y), Simd::from_array(d));
        let n = stringify!($t);
        println!("{n}x{} x={:?}", $n, x);
        println!("{n} add {:?}", (vx + vy).to_array());
        println!("{n} sub {:?}", (vx - vy).to_array());
        println!("{n} mul {:?}", (vx * vy).to_array());
        println!("{n} div {:?}", (vx / vd).to_array());
        println!("{n} rem {:?}", (vx % vd).to_array());
        println!("{n} and/or/xor/not {:?} {:?} {:?} {:?}", (vx & vy).to_array(), (vx | vy).to_array(), (vx ^ vy).to_array(), (!vx).to_array());
        // std masks the shift amount to the lane width.
        println!("{n} shl {:?}", (vx << Simd::from_array(s2)).to_array());
        println!("{n} shr {:?}", (vx >> Simd::from_array(s2)).to_array());
        println!("{n} shl scalar {:?}", (vx << black_box(5 as $t)).to_array());
        println!("{n} d_add {:?}", d_add(x, y));
        println!("{n} d_sub {:?}", d_sub(x, y));
        println!("{n} d_mul {:?}", d_mul(x, y));
        println!("{n} d_div {:?}", d_div(x, d));
        println!("{n} d_rem {:?}", d_rem(x, d));
        neg!($sg, n, x);
        println!("{n} d_bit {:?}", d_bit(x, y));
        println!("{n} d_shl {:?}", d_shl(x, s));
        println!("{n} d_shr {:?}", d_shr(x, s));
    }};
}

macro_rules! direct_ops {
    ($t:ty, $n:literal, $sg:ident) => {{
        let (x, y, d, s, _) = inputs!($t, $n);
        let n = stringify!($t);
        println!("{n}x{} x={:?}", $n, x);
        println!("{n} d_add {:?}", d_add(x, y));
        println!("{n} d_sub {:?}", d_sub(x, y));
        println!("{n} d_mul {:?}", d_mul(x, y));
        println!("{n} d_div {:?}", d_div(x, d));
        println!("{n} d_rem {:?}", d_rem(x, d));
        neg!($sg, n, x);
        println!("{n} d_bit {:?}", d_bit(x, y));
        println!("{n} d_shl {:?}", d_shl(x, s));
        println!("{n} d_shr {:?}", d_shr(x, s));
    }};
}

fn main() {
    std_ops!(i8, 16, signed);
    std_ops!(u8, 8, unsigned);
    std_ops!(i16, 8, signed);
    std_ops!(u16, 16, unsigned);
    std_ops!(i32, 4, signed);
    std_ops!(u32, 8, unsigned);
    std_ops!(i64, 2, signed);
    std_ops!(u64, 4, unsigned);
    std_ops!(isize, 4, signed);
    std_ops!(usize, 2, unsigned);
    std_ops!(i32, 6, signed);
    std_ops!(u8, 32, unsigned);
    direct_ops!(i128, 6, signed);
    direct_ops!(u128, 6, unsigned);
    direct_ops!(i128, 1, signed);
    direct_ops!(u64, 3, unsigned);
    // Signed division rounds toward zero, remainder takes the dividend's sign.
    let p = black_box(i32x8::from_array([7, -7, 7, -7, i32::MIN, i32::MAX, 1, -1]));
    let q = black_box(i32x8::from_array([2, 2, -2, -2, 1, -1, i32::MIN, i32::MAX]));
    println!("divrem signs {:?} {:?}", (p / q).to_array(), (p % q).to_array());
    let up = black_box(u16x4::from_array([u16::MAX, 1, 40000, 9]));
    let uq = black_box(u16x4::from_array([2, u16::MAX, 3, 40000]));
    println!("unsigned divrem {:?} {:?}", (up / uq).to_array(), (up % uq).to_array());
}
