// Lane compares (simd_eq/ne/lt/le/gt/ge) on signed/unsigned ints and floats with NaN, simd_select with masks of other widths, simd_select_bitmask and simd_bitmask in integer and [u8; N] forms, simd_reduce_all/any.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use core::intrinsics::simd as si;
use std::hint::black_box;
use std::simd::prelude::*;
use std::simd::Select;

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

// All six compares directly; M is the integer mask lane type of the same width.
#[inline(never)]
fn cmps<T: Copy, M: Copy, const N: usize>(x: [T; N], y: [T; N]) -> [[M; N]; 6] {
    let (x, y) = (v(x), v(y));
    unsafe {
        [
            a(si::simd_eq::<_, V<M, N>>(x, y)),
            a(si::simd_ne::<_, V<M, N>>(x, y)),
            a(si::simd_lt::<_, V<M, N>>(x, y)),
            a(si::simd_le::<_, V<M, N>>(x, y)),
            a(si::simd_gt::<_, V<M, N>>(x, y)),
            a(si::simd_ge::<_, V<M, N>>(x, y)),
        ]
    }
}

fn bits<const N: usize>(m: [bool; N]) -> String {
    m.iter().map(|&b| if b { '1' } else { '0' }).collect()
}

macro_rules! std_cmp {
    ($t:ty, $n:literal, $x:expr, $y:expr) => {{
        let x = Simd::<$t, $n>::from_array(black_box($x));
        let y = Simd::<$t, $n>::from_array(black_box($y));
        println!(
            "{}x{} eq {} ne {} lt {} le {} gt {} ge {}",
            stringify!($t), $n,
            bits(x.simd_eq(y).to_array()), bits(x.simd_ne(y).to_array()), bits(x.simd_lt(y).to_array()),
            bits(x.simd_le(y).to_array()), bits(x.simd_gt(y).to_array()), bits(x.simd_ge(y).to_array())
        );
        let le = x.simd_le(y);
        le
    }};
}

fn main() {
    // Same bit patterns compare differently signed and unsigned.
    let p = [0i8, -1, 127, -128, 5, -5, 1, 0, 100, -100, 3, 3, -1, -128, 127, 0];
    let q = [0i8, 1, -128, 127, -5, 5, 0, 1, -100, 100, 3, 4, -1, 0, 126, -1];
    let m8 = std_cmp!(i8, 16, p, q);
    std_cmp!(u8, 16, p.map(|e| e as u8), q.map(|e| e as u8));
    let w = [i32::MIN, i32::MAX, -1, 0, 7, -7, 1 << 31 >> 1, 42];
    let z = [i32::MAX, i32::MIN, 0, -1, 7, 7, 0, 41];
    std_cmp!(i32, 8, w, z);
    std_cmp!(u32, 8, w.map(|e| e as u32), z.map(|e| e as u32));
    std_cmp!(i16, 4, [i16::MIN, 0, -1, 300], [-1, i16::MIN, -1, 299]);
    std_cmp!(u16, 4, [u16::MAX, 0, 1, 300], [1, u16::MAX, 1, 301]);
    std_cmp!(i64, 4, [i64::MIN, -1, 0, i64::MAX], [i64::MAX, 0, -1, i64::MAX]);
    std_cmp!(u64, 2, [u64::MAX, 1 << 63], [(1 << 63) - 1, 1 << 63]);
    std_cmp!(isize, 2, [isize::MIN, 3], [0, 3]);
    std_cmp!(usize, 4, [usize::MAX, 3, 0, 9], [0, 3, 1, 8]);
    // Floats: NaN is unordered (ne true, everything else false); -0 == +0.
    let nan = f32::NAN;
    let f = [0.0f32, -0.0, nan, 1.0, nan, f32::INFINITY, -1.0, 1e-45];
    let g = [-0.0f32, 0.0, 1.0, nan, nan, f32::INFINITY, f32::NEG_INFINITY, 0.0];
    let mf = std_cmp!(f32, 8, f, g);
    let d = [0.0f64, f64::NAN, -5e-324, f64::MAX];
    let e = [-0.0f64, f64::NAN, 0.0, f64::INFINITY];
    std_cmp!(f64, 4, d, e);
    std_cmp!(f32, 3, [nan, 2.0, -3.0], [2.0, nan, -3.0]);

    // Direct compares return 0 / -1 integer lanes.
    println!("direct i8 {:?}", cmps::<i8, i8, 16>(black_box(p), black_box(q)));
    println!("direct u8 {:?}", cmps::<u8, i8, 16>(black_box(p.map(|e| e as u8)), black_box(q.map(|e| e as u8))));
    println!("direct f32 {:?}", cmps::<f32, i32, 8>(black_box(f), black_box(g)));
    println!("direct f64 {:?}", cmps::<f64, i64, 4>(black_box(d), black_box(e)));
    println!("direct u64 {:?}", cmps::<u64, i64, 2>(black_box([u64::MAX, 5]), black_box([1, 5])));
    println!("direct i128 {:?}", cmps::<i128, i128, 2>(black_box([-1, i128::MAX]), black_box([1, i128::MIN])));
    println!("std mask ints {:?} {:?}", m8.to_simd().to_array(), mf.to_simd().to_array());

    // select with masks of a different lane width than the data.
    let m = black_box(v([0i8, -1, -1, 0]));
    let t = black_box(v([1.5f64, 2.5, f64::NAN, -0.0]));
    let f2 = black_box(v([-1.0f64, -2.0, -3.0, -4.0]));
    println!("select i8->f64 {:?}", a(unsafe { si::simd_select(m, t, f2) }).map(f64::to_bits));
    let m = black_box(v([-1i64, 0, 0, -1, -1, 0, -1, 0]));
    let t = black_box(v([1u8, 2, 3, 4, 5, 6, 7, 8]));
    println!("select i64->u8 {:?}", a(unsafe { si::simd_select(m, t, v([0u8; 8])) }));
    let fi = f32x8::from_array(black_box(f));
    println!("mask select f32 {:x?}", mf.select(fi, f32x8::splat(9.0)).to_bits().to_array());
    println!("mask select i8 {:?}", m8.select(i8x16::from_array(p), i8x16::from_array(q)).to_array());
    let mm = m8.cast::<i64>();
    let wide: Simd<u64, 16> = Simd::from_array(core::array::from_fn(|i| i as u64 * 1000));
    println!("cast mask select u64x16 {:?}", mm.select(wide, Simd::splat(7)).to_array());

    // select_bitmask: integer forms (unused high bits ignored) and byte-array forms.
    let t4 = black_box(v([10u32, 20, 30, 40]));
    let f4 = black_box(v([-1i32 as u32; 4]));
    for bm in [0b0000u8, 0b0101, 0b1010, 0b1111, 0b1111_0110] {
        println!("select_bitmask u8 {bm:#010b} {:?}", a(unsafe { si::simd_select_bitmask(black_box(bm), t4, f4) }));
    }
    let t16 = black_box(v(core::array::from_fn::<i16, 16, _>(|i| i as i16)));
    let f16v = black_box(v([-1i16; 16]));
    println!("select_bitmask u16 {:?}", a(unsafe { si::simd_select_bitmask(black_box(0xa5c3u16), t16, f16v) }));
    println!("select_bitmask [u8;2] {:?}", a(unsafe { si::simd_select_bitmask(black_box([0xc3u8, 0xa5]), t16, f16v) }));
    let t10 = black_box(v(core::array::from_fn::<u8, 10, _>(|i| i as u8 + 1)));
    // Not compared here: a 10-lane select_bitmask. LLVM (rustc 1.97.0-nightly e50aa6fba,
    // x86_64, -O0 and -O2) takes lane 9 from `yes` for the mask 0b01_0100_1011, whose bit 9
    // is 0 (likewise for the mask [0b0100_1011, 0b1111_1101]), while the docs and our
    // backend take it from `no`.
    let _ = t10;
    let t64 = black_box(v(core::array::from_fn::<u8, 64, _>(|i| i as u8)));
    let r64 = a(unsafe { si::simd_select_bitmask(black_box(0x8000_0001_f0f0_1234u64), t64, v([0xffu8; 64])) });
    println!("select_bitmask u64 {:?}", r64);
    let s2 = black_box(v([1.0f32, 2.0]));
    println!("select_bitmask u8/2 {:?}", a(unsafe { si::simd_select_bitmask(black_box(0b1110u8), s2, v([0.0f32; 2])) }));
    println!("std u64 select {:?}", black_box(0b1001_0110u64).select(u32x8::splat(1), u32x8::splat(0)).to_array());

    // bitmask: integer and array results.
    let mk4 = black_box(v([-1i32, 0, -1, -1]));
    let bm4: u8 = unsafe { si::simd_bitmask(mk4) };
    let ba4: [u8; 1] = unsafe { si::simd_bitmask(mk4) };
    println!("bitmask 4 {bm4:#b} {ba4:?}");
    let mk10 = black_box(v([-1i8, -1, 0, -1, 0, 0, -1, 0, -1, 0]));
    let bm10: u16 = unsafe { si::simd_bitmask(mk10) };
    let ba10: [u8; 2] = unsafe { si::simd_bitmask(mk10) };
    println!("bitmask 10 {bm10:#b} {ba10:?}");
    let mk64 = black_box(v(core::array::from_fn::<i8, 64, _>(|i| if (i * 7) % 5 < 2 { -1 } else { 0 })));
    let bm64: u64 = unsafe { si::simd_bitmask(mk64) };
    let ba64: [u8; 8] = unsafe { si::simd_bitmask(mk64) };
    println!("bitmask 64 {bm64:#x} {ba64:?}");
    let mk3 = black_box(v([0i64, -1, -1]));
    let bm3: u8 = unsafe { si::simd_bitmask(mk3) };
    println!("bitmask 3 {bm3:#b}");
    println!("std to_bitmask {:#x} {:#x} {:#x}", m8.to_bitmask(), mf.to_bitmask(), mask16x32::from_bitmask(black_box(0xdead_beef)).to_bitmask());
    println!("std from_bitmask {}", bits(mask64x8::from_bitmask(black_box(0x1_0000_00a5)).to_array()));
    println!("first_set {:?} {:?}", m8.first_set(), mask32x4::splat(false).first_set());

    // reduce_all / reduce_any.
    for mk in [[0i16; 8], [-1; 8], [0, 0, 0, 0, 0, 0, 0, -1], [-1, -1, -1, 0, -1, -1, -1, -1]] {
        let x = black_box(v(mk));
        println!("all/any {:?}: {} {}", mk, unsafe { si::simd_reduce_all(x) }, unsafe { si::simd_reduce_any(x) });
    }
    let big = black_box(v([-1i8; 64]));
    let one = black_box(v([0i64]));
    println!("all/any 64/1: {} {} {} {}", unsafe { si::simd_reduce_all(big) }, unsafe { si::simd_reduce_any(big) }, unsafe { si::simd_reduce_all(one) }, unsafe { si::simd_reduce_any(one) });
    println!("std all/any {} {} {} {}", m8.all(), m8.any(), (m8 | !m8).all(), (m8 & !m8).any());
    println!("mask ops {} {}", bits((m8 ^ mask8x16::splat(true)).to_array()), bits(mf.cast::<i8>().to_array()));
}
