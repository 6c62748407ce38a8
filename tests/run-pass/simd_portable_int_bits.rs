// Integer bit intrinsics: simd_ctpop/ctlz/cttz/bswap/bitreverse, simd_funnel_shl/shr, simd_saturating_add/sub and simd_carryless_mul for all widths incl. i128/u128, via std::simd and directly.
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

fn pat<const N: usize>(salt: u128) -> [u128; N] {
    core::array::from_fn(|i| {
        let mut x = (i as u128 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835) ^ salt;
        x ^= x >> 59;
        x = x.wrapping_mul(0xD6E8_FEB8_6659_FD93_A0B4_2C3E_1F2D_5B77);
        // Vary the number of significant bits so that ctlz/cttz see many values.
        (x ^ (x >> 41)) >> (i * 13 % 128)
    })
}

#[inline(never)]
fn counts<T: Copy, const N: usize>(x: [T; N]) -> ([T; N], [T; N], [T; N]) {
    unsafe { (a(si::simd_ctpop(v(x))), a(si::simd_ctlz(v(x))), a(si::simd_cttz(v(x)))) }
}
#[inline(never)]
fn swaps<T: Copy, const N: usize>(x: [T; N]) -> ([T; N], [T; N]) {
    unsafe { (a(si::simd_bswap(v(x))), a(si::simd_bitreverse(v(x)))) }
}
#[inline(never)]
fn funnel<T: Copy, const N: usize>(x: [T; N], y: [T; N], s: [T; N]) -> ([T; N], [T; N]) {
    unsafe { (a(si::simd_funnel_shl(v(x), v(y), v(s))), a(si::simd_funnel_shr(v(x), v(y), v(s)))) }
}
#[inline(never)]
fn sat<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> ([T; N], [T; N]) {
    unsafe { (a(si::simd_saturating_add(v(x), v(y))), a(si::simd_saturating_sub(v(x), v(y)))) }
}
#[inline(never)]
fn clmul<T: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [T; N] {
    unsafe { a(si::simd_carryless_mul(v(x), v(y))) }
}

macro_rules! inputs {
    ($t:ty, $n:literal) => {{
        let mut x: [$t; $n] = pat::<$n>(11).map(|e| e as $t);
        let mut y: [$t; $n] = pat::<$n>(12).map(|e| e as $t);
        let ex = [(0 as $t, <$t>::MAX), (<$t>::MAX, <$t>::MAX), (<$t>::MIN, (0 as $t).wrapping_sub(1)), (1, <$t>::MIN), (<$t>::MIN, 1)];
        for i in 0..ex.len().min($n) {
            x[i] = ex[i].0;
            y[i] = ex[i].1;
        }
        let bits = <$t>::BITS as usize;
        // Shift amounts cover 0, 1, BITS-1 and random values below BITS.
        let s: [$t; $n] = core::array::from_fn(|i| match i % 4 {
            0 => 0,
            1 => (bits - 1) as $t,
            2 => 1,
            _ => (pat::<$n>(13)[i] % bits as u128) as $t,
        });
        (black_box(x), black_box(y), black_box(s))
    }};
}

macro_rules! direct {
    ($t:ty, $n:literal) => {{
        let (x, y, s) = inputs!($t, $n);
        let n = stringify!($t);
        println!("{n}x{} x={:?} y={:?} s={:?}", $n, x, y, s);
        println!("{n} pop/lz/tz {:?}", counts(x));
        println!("{n} bswap/brev {:?}", swaps(x));
        println!("{n} fshl/fshr {:?}", funnel(x, y, s));
        println!("{n} rotl/rotr {:?}", funnel(x, x, s));
        println!("{n} sat add/sub {:?}", sat(x, y));
        println!("{n} sat add/sub rev {:?}", sat(y, x));
        // Not compared for 64-bit lanes: LLVM's aarch64 build (rustc 1.97.0-nightly
        // e50aa6fba) gives 0 for clmul(!0, !0) in a u64 lane, where the carry-less product
        // truncated to 64 bits is 0x5555_5555_5555_5555 (x86_64 LLVM agrees with us).
        if size_of::<$t>() != 8 {
            println!("{n} clmul {:?}", clmul(x, y));
        }
    }};
}

macro_rules! std_bits {
    ($t:ty, $n:literal) => {{
        let (x, y, _) = inputs!($t, $n);
        let (vx, vy) = (Simd::<$t, $n>::from_array(x), Simd::<$t, $n>::from_array(y));
        let n = stringify!($t);
        println!("{n} std ones/zeros {:?} {:?}", vx.count_ones().to_array(), vx.count_zeros().to_array());
        println!("{n} std lz/tz {:?} {:?}", vx.leading_zeros().to_array(), vx.trailing_zeros().to_array());
        println!("{n} std lo/to {:?} {:?}", vx.leading_ones().to_array(), vx.trailing_ones().to_array());
        println!("{n} std swap/rev {:?} {:?}", vx.swap_bytes().to_array(), vx.reverse_bits().to_array());
        println!("{n} std sat {:?} {:?}", vx.saturating_add(vy).to_array(), vx.saturating_sub(vy).to_array());
    }};
}

fn main() {
    direct!(i8, 16);
    direct!(u8, 8);
    direct!(i16, 8);
    direct!(u16, 4);
    direct!(i32, 4);
    direct!(u32, 8);
    direct!(i64, 2);
    direct!(u64, 4);
    direct!(isize, 2);
    direct!(usize, 4);
    direct!(i128, 4);
    direct!(u128, 2);
    direct!(u32, 5);
    std_bits!(i8, 32);
    std_bits!(u8, 16);
    std_bits!(i16, 4);
    std_bits!(u16, 8);
    std_bits!(i32, 8);
    std_bits!(u32, 4);
    std_bits!(i64, 4);
    std_bits!(u64, 2);
    std_bits!(isize, 8);
    std_bits!(usize, 3);
    // Signed saturation at both ends, unsigned at 0 and MAX.
    let p = black_box(i16x8::from_array([i16::MAX, i16::MIN, 100, -100, i16::MAX, i16::MIN, 0, -1]));
    let q = black_box(i16x8::from_array([1, -1, i16::MAX, i16::MIN, i16::MIN, i16::MAX, i16::MIN, i16::MIN]));
    println!("i16 sat edges {:?} {:?}", p.saturating_add(q).to_array(), p.saturating_sub(q).to_array());
    let r = black_box(u64x4::from_array([u64::MAX, 0, 5, u64::MAX - 1]));
    let t = black_box(u64x4::from_array([1, 1, 6, 1]));
    println!("u64 sat edges {:?} {:?}", r.saturating_add(t).to_array(), r.saturating_sub(t).to_array());
    // Known carry-less products: (x^2+x+1)^2 = x^4+x^2+1, GF(2) squares spread bits.
    let c = black_box(v([0b111u32, 0xffff_ffff, 0x8000_0001, 0x1234_5678]));
    println!("clmul u32 {:?}", a(unsafe { si::simd_carryless_mul(c, c) }));
}
