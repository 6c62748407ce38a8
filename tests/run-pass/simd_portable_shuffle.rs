// simd_shuffle with constant index vectors of many lengths (output shorter/longer than input, repeats, both operands), std swizzles (reverse/rotate/interleave/resize/extract), simd_insert/extract, simd_insert_dyn/extract_dyn with runtime indices, splat.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use core::intrinsics::simd as si;
use std::hint::black_box;
use std::simd::prelude::*;
use std::simd::{simd_swizzle, Swizzle};

#[repr(simd)]
#[derive(Copy, Clone)]
struct V<T, const N: usize>([T; N]);

#[repr(simd)]
struct Idx<const N: usize>([u32; N]);

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

fn iota<T: Copy, const N: usize>(f: impl Fn(usize) -> T) -> [T; N] {
    black_box(core::array::from_fn(f))
}

struct Evens;
impl Swizzle<4> for Evens {
    const INDEX: [usize; 4] = [0, 2, 4, 6];
}

#[inline(never)]
fn extract_dyn<T: Copy, const N: usize>(x: V<T, N>, i: u32) -> T {
    unsafe { si::simd_extract_dyn(x, i) }
}
#[inline(never)]
fn insert_dyn<T: Copy, const N: usize>(x: V<T, N>, i: u32, e: T) -> V<T, N> {
    unsafe { si::simd_insert_dyn(x, i, e) }
}

fn main() {
    unsafe {
        let x = v(iota::<u8, 16>(|i| i as u8 + 100));
        let y = v(iota::<u8, 16>(|i| i as u8 + 200));
        let r: V<u8, 4> = si::simd_shuffle(x, y, const { Idx([15, 16, 0, 31]) });
        println!("u8 16+16->4 {:?}", a(r));
        let r: V<u8, 32> = si::simd_shuffle(x, y, const { Idx([0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23, 8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31]) });
        println!("u8 interleave ->32 {:?}", a(r));
        let r: V<u8, 8> = si::simd_shuffle(x, x, const { Idx([3, 3, 3, 3, 0, 0, 31, 31]) });
        println!("u8 repeats ->8 {:?}", a(r));
        let r: V<u8, 1> = si::simd_shuffle(x, y, const { Idx([20]) });
        println!("u8 ->1 {:?}", a(r));
        let r: V<u8, 7> = si::simd_shuffle(x, y, const { Idx([6, 5, 4, 3, 2, 1, 30]) });
        println!("u8 ->7 {:?}", a(r));

        let f = v(iota::<f32, 4>(|i| i as f32 * 1.5 - 2.0));
        let g = v([f32::NAN, -0.0, f32::INFINITY, 1e-45]);
        let g = black_box(g);
        let r: V<f32, 8> = si::simd_shuffle(f, g, const { Idx([7, 6, 5, 4, 3, 2, 1, 0]) });
        println!("f32 4+4->8 bits {:x?}", a(r).map(f32::to_bits));
        let r: V<f32, 2> = si::simd_shuffle(f, g, const { Idx([5, 2]) });
        println!("f32 ->2 {:?}", a(r));
        let r: V<f32, 3> = si::simd_shuffle(f, g, const { Idx([1, 4, 7]) });
        println!("f32 ->3 {:x?}", a(r).map(f32::to_bits));
        let r: V<f32, 16> = si::simd_shuffle(f, g, const { Idx([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7]) });
        println!("f32 ->16 {:x?}", a(r).map(f32::to_bits));

        let w = v(iota::<u64, 2>(|i| (i as u64 + 1) * 0x1111_1111_1111_1111));
        let z = v(iota::<u64, 2>(|i| u64::MAX - i as u64));
        let r: V<u64, 4> = si::simd_shuffle(w, z, const { Idx([3, 0, 2, 1]) });
        println!("u64 2+2->4 {:x?}", a(r));
        let r: V<u64, 3> = si::simd_shuffle(w, z, const { Idx([1, 1, 2]) });
        println!("u64 ->3 {:x?}", a(r));
        let s = v(iota::<i16, 8>(|i| -(i as i16) * 1000));
        let r: V<i16, 64> = si::simd_shuffle(s, s, const {
            let mut o = [0u32; 64];
            let mut i = 0;
            while i < 64 {
                o[i] = ((i * 5) % 16) as u32;
                i += 1;
            }
            Idx(o)
        });
        println!("i16 8+8->64 {:?}", a(r));
        let big = v(iota::<i8, 64>(|i| (i as i8).wrapping_mul(3)));
        let r: V<i8, 4> = si::simd_shuffle(big, big, const { Idx([63, 64, 127, 0]) });
        println!("i8 64+64->4 {:?}", a(r));
        let c = v(iota::<u32, 3>(|i| i as u32 + 7));
        let r: V<u32, 6> = si::simd_shuffle(c, c, const { Idx([2, 1, 0, 5, 4, 3]) });
        println!("u32 3+3->6 {:?}", a(r));
        let p = v(iota::<*const u8, 2>(|i| std::ptr::null::<u8>().wrapping_add(i + 1)));
        let r: V<*const u8, 4> = si::simd_shuffle(p, p, const { Idx([1, 0, 3, 2]) });
        println!("ptr shuffle {:?}", a(r).map(|q| q as usize));

        // Constant-index insert/extract.
        let e = v(iota::<i32, 4>(|i| i as i32 * 10));
        let e2 = si::simd_insert(e, 0, black_box(-1i32));
        let e3 = si::simd_insert(e2, 3, black_box(99i32));
        println!("insert {:?} {:?} extract {} {}", a(e2), a(e3), si::simd_extract::<_, i32>(e3, 3), si::simd_extract::<_, i32>(e3, 1));
        let h = v(iota::<f64, 8>(|i| i as f64 / 4.0));
        let h2 = si::simd_insert(h, 7, black_box(f64::NEG_INFINITY));
        println!("f64 insert/extract {:?} {:?}", a(h2), si::simd_extract::<_, f64>(h2, 7));
        let b = v(iota::<u8, 7>(|i| i as u8));
        let b2 = si::simd_insert(b, 6, black_box(255u8));
        println!("u8x7 insert {:?} extract {}", a(b2), si::simd_extract::<_, u8>(b2, 5));
        let q = v(iota::<u128, 2>(|i| u128::MAX - i as u128));
        let q2 = si::simd_insert(q, 1, black_box(7u128));
        println!("u128 insert {:?} extract {}", a(q2), si::simd_extract::<_, u128>(q2, 0));

        // Runtime indices.
        let mut d = v(iota::<u16, 16>(|i| i as u16 * 3));
        for i in [0u32, 15, 7, 8, 1] {
            let i = black_box(i);
            d = insert_dyn(d, i, 1000 + i as u16);
        }
        let got: Vec<u16> = (0..16u32).map(|i| extract_dyn(d, black_box(i))).collect();
        println!("dyn u16 {:?} {:?}", a(d), got);
        let mut fd = v(iota::<f32, 5>(|i| i as f32));
        fd = insert_dyn(fd, black_box(4), -0.0);
        fd = insert_dyn(fd, black_box(2), f32::MAX);
        println!("dyn f32x5 {:?} {:?}", a(fd), (0..5u32).map(|i| extract_dyn(fd, black_box(i))).collect::<Vec<_>>());
        let ld = insert_dyn(v(iota::<i64, 2>(|i| i as i64 - 5)), black_box(1), i64::MIN);
        println!("dyn i64 {:?} {}", a(ld), extract_dyn(ld, black_box(0)));
        let sp: V<i32, 8> = si::simd_splat(black_box(-77i32));
        println!("splat intrinsic {:?}", a(sp));
    }

    // std::simd swizzles.
    let x = Simd::from_array(iota::<i32, 8>(|i| i as i32));
    let y = Simd::from_array(iota::<i32, 8>(|i| 100 + i as i32));
    println!("reverse {:?}", x.reverse().to_array());
    println!("rotl3 {:?} rotr1 {:?}", x.rotate_elements_left::<3>().to_array(), x.rotate_elements_right::<1>().to_array());
    println!("shiftl2 {:?} shiftr5 {:?}", x.shift_elements_left::<2>(-1).to_array(), x.shift_elements_right::<5>(-9).to_array());
    let (lo, hi) = x.interleave(y);
    println!("interleave {:?} {:?}", lo.to_array(), hi.to_array());
    let (ev, od) = x.deinterleave(y);
    println!("deinterleave {:?} {:?}", ev.to_array(), od.to_array());
    println!("resize ->3 {:?} ->12 {:?}", x.resize::<3>(0).to_array(), x.resize::<12>(-4).to_array());
    println!("extract<2,5> {:?}", x.extract::<2, 5>().to_array());
    println!("Evens {:?}", Evens::swizzle(x).to_array());
    println!("simd_swizzle! {:?}", simd_swizzle!(x, y, [15, 0, 8, 7, 1, 9]).to_array());
    let m = mask32x8::from_array(black_box([true, false, false, true, true, true, false, false]));
    println!("mask reverse {:?}", m.reverse().to_array());
    println!("splat {:?} {:?} {:?}", u8x4::splat(black_box(9)).to_array(), f64x2::splat(black_box(-0.5)).to_array(), Simd::<i64, 3>::splat(black_box(i64::MIN)).to_array());
    let mut idx = x;
    idx[black_box(5)] = 55;
    println!("index set {:?} get {}", idx.to_array(), idx[black_box(5)]);
}
