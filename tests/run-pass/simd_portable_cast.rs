// Numeric lane casts: simd_cast and simd_as between all integer widths (sign/zero extension, truncation), int->float rounding (incl. u64/i128 -> f32), f32<->f64, float->int via simd_as (saturating, NaN -> 0) and in-range simd_cast; std .cast().
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

#[inline(never)]
fn cast<T: Copy, U: Copy, const N: usize>(x: [T; N]) -> [U; N] {
    unsafe { a(si::simd_cast::<V<T, N>, V<U, N>>(v(x))) }
}
#[inline(never)]
fn as_<T: Copy, U: Copy, const N: usize>(x: [T; N]) -> [U; N] {
    unsafe { a(si::simd_as::<V<T, N>, V<U, N>>(v(x))) }
}

const INTS: [i128; 16] = [
    i128::MIN, -1, 0, 1, 0x7f, 0x80, 0xff, -0x8000, 0xffff, 0x7fff_ffff, -0x8000_0001, 0xffff_ffff,
    (1 << 24) + 1, (1 << 53) + 1, -0x7fff_ffff_ffff_ffff, 0x8000_0000_0000_0401,
];

// Casts one source lane type to every other integer type with both intrinsics.
macro_rules! int_to_all {
    ($src:ty; $($dst:ty),*) => {{
        let x: [$src; 16] = black_box(INTS.map(|e| e as $src));
        println!("{} src {:?}", stringify!($src), x);
        $(
            let c: [$dst; 16] = cast(x);
            let s: [$dst; 16] = as_(x);
            println!("{} -> {}: {:?}{}", stringify!($src), stringify!($dst), c, if c == s { "" } else { " as differs!" });
        )*
        let f: [f32; 16] = cast(x);
        let d: [f64; 16] = cast(x);
        println!("{} -> f32: {:?}", stringify!($src), f);
        println!("{} -> f64: {:?}", stringify!($src), d);
    }};
}

const FLOATS: [f64; 24] = [
    f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.9, -0.9, 127.5, 128.0, -128.9, -129.0, 255.9, 256.0,
    32767.7, -32769.0, 65535.5, 2147483647.9, 2147483648.0, -2147483649.0, 4294967296.0, 9.3e18, 1.9e19, -9.3e18, 1e40, 5e-324,
];

macro_rules! float_to_all {
    ($src:ty; $($dst:ty),*) => {{
        let x: [$src; 24] = black_box(FLOATS.map(|e| e as $src));
        println!("{} src {:?}", stringify!($src), x);
        $(
            let s: [$dst; 24] = as_(x);
            let std_s: [$dst; 24] = Simd::from_array(x).cast::<$dst>().to_array();
            println!("{} as {}: {:?}{}", stringify!($src), stringify!($dst), s, if s == std_s { "" } else { " std differs!" });
        )*
        // simd_cast only with values that truncate into range of every target.
        let ok: [$src; 8] = black_box([0.0, -0.0, 0.9, -0.9, 1.5, 127.99, 42.0, 1e-40 as $src]);
        $(
            let c: [$dst; 8] = cast(ok);
            println!("{} cast {}: {:?}", stringify!($src), stringify!($dst), c);
        )*
    }};
}

fn main() {
    int_to_all!(i8; i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, i128, u128);
    int_to_all!(u8; i8, i16, u16, i32, u32, i64, u64, usize, i128);
    int_to_all!(i16; i8, u8, u16, i32, u32, i64, u64, isize, u128);
    int_to_all!(u16; i8, u8, i16, i32, u32, i64, u64, usize);
    int_to_all!(i32; i8, u8, i16, u16, u32, i64, u64, isize, usize, i128);
    int_to_all!(u32; i8, u8, i16, u16, i32, i64, u64, isize, usize);
    int_to_all!(i64; i8, u8, i16, u16, i32, u32, u64, isize, usize, i128, u128);
    int_to_all!(u64; i8, u8, i16, u16, i32, u32, i64, isize, usize, u128);
    int_to_all!(isize; i8, u16, i32, u64, usize);
    int_to_all!(usize; u8, i16, u32, i64, isize);
    int_to_all!(i128; i8, u8, i16, u32, i64, u64, u128);
    int_to_all!(u128; i8, u16, i32, u64, i128);
    float_to_all!(f32; i8, u8, i16, u16, i32, u32, i64, u64, isize, usize);
    float_to_all!(f64; i8, u8, i16, u16, i32, u32, i64, u64, isize, usize);

    // Wider in-range float -> int simd_cast.
    let w = black_box([-2147483648.0f64, 2147483647.9, -9.2e18, 4294967295.5]);
    println!("f64 cast i32/i64 {:?} {:?}", cast::<f64, i32, 2>([w[0], w[1]]), cast::<f64, i64, 4>(w));
    let u = black_box([1.8e19f64, 4294967295.5, 0.5, 9007199254740993.0]);
    println!("f64 cast u64/u32 {:?} {:?}", cast::<f64, u64, 4>(u), cast::<f64, u32, 2>([u[1], u[2]]));
    let fu = black_box([1.8e19f32, 4294967040.0, 16777217.0, 3e9]);
    println!("f32 cast u64/u32 {:?} {:?}", cast::<f32, u64, 4>(fu), cast::<f32, u32, 4>([fu[1], fu[2], fu[3], 0.99]));

    // int -> float rounding: ties to even, sticky bits below the tie.
    let r = black_box([16777217u64, 16777219, u64::MAX, (1 << 63) + (1 << 39) + 1, (1 << 63) + (1 << 39), 9007199254740993, 0x0020_0000_0000_0003, 1]);
    println!("u64 -> f32 {:?}", cast::<u64, f32, 8>(r));
    println!("u64 -> f64 {:?}", cast::<u64, f64, 8>(r));
    let ri = black_box([-16777217i64, -16777219, i64::MIN, i64::MAX, -9007199254740993, 3]);
    println!("i64 -> f32 {:?} -> f64 {:?}", cast::<i64, f32, 6>(ri), cast::<i64, f64, 6>(ri));
    let big = black_box([u128::MAX, 1 << 127, (1 << 104) + (1 << 80) + 1, 340282356779733661637539395458142568447]);
    println!("u128 -> f32 {:?} -> f64 {:?}", cast::<u128, f32, 4>(big), cast::<u128, f64, 4>(big));
    let bigs = black_box([i128::MIN, i128::MAX, -(1 << 100) - 1, 12345]);
    println!("i128 -> f32 {:?} -> f64 {:?}", cast::<i128, f32, 4>(bigs), cast::<i128, f64, 4>(bigs));
    let fi = black_box([f32::MAX, f32::INFINITY, f32::NAN, -3.3e38]);
    println!("f32 as u128/i128 {:?} {:?}", as_::<f32, u128, 4>(fi), as_::<f32, i128, 4>(fi));

    // f32 <-> f64.
    let d = black_box([1.0f64 + f64::EPSILON, 3.4028235677973366e38, 3.4028235677973362e38, 1e-46, 7.006492321624085e-46, 1e300, -0.1, f64::NEG_INFINITY]);
    println!("f64 -> f32 {:?}", cast::<f64, f32, 8>(d));
    println!("f64 -> f32 as {:?}", as_::<f64, f32, 8>(d));
    let n = cast::<f64, f32, 2>(black_box([f64::NAN, -f64::NAN]));
    println!("f64 nan -> f32 {:?}", n.map(f32::is_nan));
    let f = black_box([0.1f32, 1e-45, f32::MAX, -0.0, f32::INFINITY, 16777217.0, 0.3, -1.17549435e-38]);
    println!("f32 -> f64 {:?}", cast::<f32, f64, 8>(f));
    println!("f32 -> f64 std {:?}", f32x8::from_array(f).cast::<f64>().to_array());
    println!("f32 -> f32 {:?} i32 -> i32 {:?}", cast::<f32, f32, 2>([f[0], f[1]]), cast::<i32, i32, 3>(black_box([1, -2, 3])));

    // std casts on odd / wide lane counts.
    let s = Simd::<i16, 7>::from_array(black_box([-1, 2, -300, 32767, -32768, 255, 0]));
    println!("std i16x7 -> u8 {:?} -> f32 {:?} -> i64 {:?}", s.cast::<u8>().to_array(), s.cast::<f32>().to_array(), s.cast::<i64>().to_array());
    let t = Simd::<f64, 3>::from_array(black_box([-1.5, 1e20, f64::NAN]));
    println!("std f64x3 -> u16 {:?} -> i8 {:?}", t.cast::<u16>().to_array(), t.cast::<i8>().to_array());
    let wide = Simd::<u8, 32>::from_array(core::array::from_fn(|i| black_box((i * 37) as u8)));
    println!("std u8x32 -> i8 {:?}", wide.cast::<i8>().to_array());
    println!("std u8x32 -> u32 sum {}", wide.cast::<u32>().reduce_sum());
    let toi = unsafe { f32x4::from_array(black_box([-2.9, 2.9, 100.5, -0.0])).to_int_unchecked::<i8>() };
    println!("to_int_unchecked {:?}", toi.to_array());
}
