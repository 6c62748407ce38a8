// Float lane arithmetic for f32/f64: simd_add/sub/mul/div/rem, simd_neg/fabs (bit-exact, incl. NaN), simd_fsqrt, simd_fma, simd_relaxed_fma (exact inputs), simd_minimum/maximum_number_nsz, with ±0, ±inf, NaN, subnormals, MIN/MAX.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use core::intrinsics::simd as si;
use std::fmt::Debug;
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

const F32S: [f32; 24] = [
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, f32::MIN_POSITIVE,
    1e-45, f32::MAX, f32::MIN, 3.0e38, 0.333_333_34, 3.141_592_7, -7.25, 1e-40, 16777216.0, 16777215.0, 0.1, -1e10,
];
const F64S: [f64; 24] = [
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, f64::MIN_POSITIVE,
    5e-324, f64::MAX, f64::MIN, 1.7e308, 1.0 / 3.0, std::f64::consts::PI, -7.25, 1e-310, 9007199254740992.0, 9007199254740991.0, 0.1, -1e300,
];

fn rot<T: Copy, const N: usize>(x: [T; N], k: usize) -> [T; N] {
    core::array::from_fn(|i| x[(i + k) % N])
}

// min/max of two (signed) zeros may return either zero: print those lanes as "0".
fn mm<T: Copy + Debug + PartialEq + Default>(x: &[T], y: &[T], r: &[T]) -> String {
    let z = T::default();
    let parts: Vec<String> = (0..r.len())
        .map(|i| if x[i] == z && y[i] == z { "0".to_string() } else { format!("{:?}", r[i]) })
        .collect();
    parts.join(",")
}

macro_rules! float_std {
    ($t:ident, $n:literal, $vals:expr, $bits:ty, $rots:expr) => {{
        let vals = black_box($vals);
        let tn = stringify!($t);
        for k in $rots {
            let y = black_box(rot(vals, k));
            let z = black_box(rot(vals, k + 3));
            let mut out: [Vec<String>; 9] = Default::default();
            for c in 0..24 / $n {
                let xs: [$t; $n] = vals[c * $n..][..$n].try_into().unwrap();
                let ys: [$t; $n] = y[c * $n..][..$n].try_into().unwrap();
                let zs: [$t; $n] = z[c * $n..][..$n].try_into().unwrap();
                let (vx, vy, vz) = (Simd::from_array(xs), Simd::from_array(ys), Simd::from_array(zs));
                let res = [vx + vy, vx - vy, vx * vy, vx / vy, vx % vy, vx.mul_add(vy, vz)];
                for (o, r) in out.iter_mut().zip(res) {
                    o.extend(r.to_array().iter().map(|e| format!("{e:?}")));
                }
                out[6].push(mm(&xs, &ys, &vx.simd_min(vy).to_array()));
                out[7].push(mm(&xs, &ys, &vx.simd_max(vy).to_array()));
                // Direct calls on the same lanes.
                let d = unsafe {
                    [si::simd_add(v(xs), v(ys)), si::simd_sub(v(xs), v(ys)), si::simd_mul(v(xs), v(ys)), si::simd_div(v(xs), v(ys)), si::simd_rem(v(xs), v(ys)), si::simd_fma(v(xs), v(ys), v(zs))]
                };
                out[8].push(format!("{}", d.iter().zip(res).all(|(p, q)| {
                    a(*p).iter().zip(q.to_array()).all(|(e, f)| e.to_bits() == f.to_bits() || (e.is_nan() && f.is_nan()))
                })));
            }
            for (name, o) in ["add", "sub", "mul", "div", "rem", "fma", "min", "max", "direct-same"].iter().zip(&out) {
                println!("{tn} rot{k} {name}: {}", o.join(" "));
            }
        }
        // Unary, bit-exact.
        let mut neg = Vec::new();
        let mut abs = Vec::new();
        let mut sqrt = Vec::new();
        for c in 0..24 / $n {
            let xs: [$t; $n] = vals[c * $n..][..$n].try_into().unwrap();
            let vx = Simd::from_array(xs);
            neg.extend((-vx).to_bits().to_array());
            abs.extend(vx.abs().to_bits().to_array());
            let dn: [$bits; $n] = unsafe { a(si::simd_neg(v(xs))) }.map(|e: $t| e.to_bits());
            let da: [$bits; $n] = unsafe { a(si::simd_fabs(v(xs))) }.map(|e: $t| e.to_bits());
            neg.extend(dn);
            abs.extend(da);
            sqrt.extend(vx.sqrt().to_array().map(|e| format!("{e:?}")));
            sqrt.extend(unsafe { a(si::simd_fsqrt(v(xs))) }.map(|e: $t| format!("{e:?}")));
        }
        println!("{tn} neg bits {:x?}", neg);
        println!("{tn} abs bits {:x?}", abs);
        println!("{tn} sqrt {}", sqrt.join(" "));
    }};
}

fn main() {
    float_std!(f32, 8, F32S, u32, [0usize, 1, 5, 11, 13]);
    float_std!(f32, 4, F32S, u32, [2usize, 7]);
    float_std!(f64, 4, F64S, u64, [0usize, 1, 5, 11, 13]);
    float_std!(f64, 2, F64S, u64, [2usize, 7]);
    float_std!(f32, 3, F32S, u32, [3usize]);
    float_std!(f64, 8, F64S, u64, [9usize]);

    // NaN sign/payload passes through neg/abs untouched.
    let nans = black_box([f32::from_bits(0x7fc0_0001), f32::from_bits(0xffc0_1234), f32::from_bits(0x7f80_0001), f32::from_bits(0xff80_0abc)]);
    let nv = f32x4::from_array(nans);
    println!("nan neg/abs {:x?} {:x?}", (-nv).to_bits().to_array(), nv.abs().to_bits().to_array());
    // fma rounds once: these differ from mul-then-add.
    let p = black_box(f64x4::from_array([1.0 + f64::EPSILON, 0.1, 1.5e308, -3.0]));
    let q = black_box(f64x4::from_array([1.0 - f64::EPSILON, 10.0, 2.0, f64::MIN_POSITIVE]));
    let r = black_box(f64x4::from_array([-1.0, -1.0, -1.5e308, 0.0]));
    println!("fma f64 {:?} vs {:?}", p.mul_add(q, r).to_array(), (p * q + r).to_array());
    let p = black_box(f32x4::from_array([1.0 + f32::EPSILON, 0.1, 3e38, 1e-30]));
    let q = black_box(f32x4::from_array([1.0 - f32::EPSILON, 10.0, 2.0, 1e-30]));
    let r = black_box(f32x4::from_array([-1.0, -1.0, -3e38, 0.0]));
    println!("fma f32 {:?} vs {:?}", p.mul_add(q, r).to_array(), (p * q + r).to_array());
    // relaxed fma with exactly representable products and sums.
    let x = black_box(v([2.0f32, -3.0, 0.5, 1024.0]));
    let y = black_box(v([4.0f32, 5.0, 0.25, -2.0]));
    let z = black_box(v([1.0f32, 0.5, -0.125, 48.0]));
    println!("relaxed fma {:?}", a(unsafe { si::simd_relaxed_fma(x, y, z) }));
    let x = black_box(v([2.0f64, -3.0]));
    println!("relaxed fma f64 {:?}", a(unsafe { si::simd_relaxed_fma(x, x, x) }));
    // min/max with one NaN return the other operand; two NaNs give NaN.
    let m = black_box(f32x4::from_array([f32::NAN, 1.0, f32::NAN, -0.0]));
    let n = black_box(f32x4::from_array([-2.0, f32::NAN, f32::NAN, f32::NEG_INFINITY]));
    println!("min/max nan {:?} {:?}", m.simd_min(n).to_array(), m.simd_max(n).to_array());
    let m = black_box(v([f64::NAN, -1.0, 5e-324, -0.0]));
    let n = black_box(v([f64::INFINITY, f64::NAN, 0.0, 1.0]));
    println!("min/max nan f64 {:?} {:?}", a(unsafe { si::simd_minimum_number_nsz(m, n) }), a(unsafe { si::simd_maximum_number_nsz(m, n) }));
}
