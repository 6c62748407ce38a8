// Masked memory intrinsics: simd_masked_load/store with SimdAlign::{Unaligned,Element,Vector}, std load_select/store_select/load_or, gather/scatter (std and simd_gather/simd_scatter) with masked-off lanes pointing into a PROT_NONE guard page or at null.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use core::intrinsics::simd::{self as si, SimdAlign};
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

unsafe extern "C" {
    fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
    fn mprotect(addr: *mut u8, len: usize, prot: i32) -> i32;
}

// 64 KiB readable/writable followed by a 64 KiB PROT_NONE guard (works for 4K..64K pages).
// Returns the first byte of the guard: any access at or after it faults.
fn guard() -> *mut u8 {
    const HALF: usize = 1 << 16;
    unsafe {
        let p = mmap(std::ptr::null_mut(), 2 * HALF, 3, 0x22, -1, 0);
        assert!(p as isize != -1, "mmap failed");
        assert_eq!(mprotect(p.add(HALF), HALF, 0), 0);
        p.add(HALF)
    }
}

fn m<const N: usize>(bits: u64) -> [i32; N] {
    core::array::from_fn(|i| if bits >> i & 1 == 1 { -1 } else { 0 })
}

#[repr(C, align(64))]
struct Aligned([u32; 16]);

fn main() {
    let g = guard();
    unsafe {
        // Five u32 just before the guard.
        let end = g as *mut u32;
        let five = end.sub(5);
        for i in 0..5 {
            five.add(i).write(100 + i as u32);
        }
        let pass = v([9u32, 8, 7, 6, 5, 4, 3, 2]);
        for bits in [0b0001_1111u64, 0b0001_0101, 0b0000_0000, 0b0000_1010] {
            let r: V<u32, 8> = si::simd_masked_load::<_, _, _, { SimdAlign::Element }>(v(m::<8>(bits)), black_box(five as *const u32), pass);
            println!("masked_load elem {bits:08b} {:?}", a(r));
        }
        // Unaligned base: lanes 0..4 lie before the guard, 5.. would cross it.
        let b = (g as *mut u8).sub(21);
        for i in 0..21 {
            b.add(i).write(i as u8 * 3 + 1);
        }
        let ru: V<u32, 8> = si::simd_masked_load::<_, _, _, { SimdAlign::Unaligned }>(v(m::<8>(0b1_1011)), black_box(b as *const u32), v([0u32; 8]));
        println!("masked_load unaligned {:x?}", a(ru));
        // Mask lanes of another width than the data.
        let mi8 = v([-1i8, 0, -1, -1]);
        let rw: V<u16, 4> = si::simd_masked_load::<_, _, _, { SimdAlign::Unaligned }>(mi8, black_box((g as *const u8).sub(8) as *const u16), v([0xeeeeu16; 4]));
        println!("masked_load i8 mask u16 {:x?}", a(rw));
        // Vector-aligned.
        let mut al = Aligned(core::array::from_fn(|i| i as u32 * 11));
        let pa = black_box(al.0.as_mut_ptr());
        let rv: V<u32, 16> = si::simd_masked_load::<_, _, _, { SimdAlign::Vector }>(v(m::<16>(0xf0f3)), pa as *const u32, v([1u32; 16]));
        println!("masked_load vector {:?}", a(rv));
        si::simd_masked_store::<_, _, _, { SimdAlign::Vector }>(v(m::<16>(0x8421)), pa, v([7u32; 16]));
        println!("masked_store vector {:?}", al.0);
        let pf = al.0.as_mut_ptr() as *mut f64;
        si::simd_masked_store::<_, _, _, { SimdAlign::Vector }>(v([0i64, -1]), pf, v([-2.5f64, f64::NEG_INFINITY]));
        println!("masked_store f64 {:x?}", &al.0[..4]);

        // Stores: disabled lanes inside the guard are never written.
        for i in 0..5 {
            five.add(i).write(200 + i as u32);
        }
        si::simd_masked_store::<_, _, _, { SimdAlign::Element }>(v(m::<8>(0b1_0110)), black_box(five), v([50u32, 51, 52, 53, 54, 55, 56, 57]));
        println!("masked_store elem {:?}", std::slice::from_raw_parts(five, 5));
        si::simd_masked_store::<_, _, _, { SimdAlign::Unaligned }>(v(m::<8>(0b1_0001)), black_box(b as *mut u32), v([0xaabbccddu32; 8]));
        println!("masked_store unaligned {:?}", std::slice::from_raw_parts(b, 21));

        // std slice APIs on a slice that ends at the guard.
        let tail: &mut [i16] = std::slice::from_raw_parts_mut((g as *mut i16).sub(6), 6);
        for (i, t) in tail.iter_mut().enumerate() {
            *t = -(i as i16) * 7;
        }
        println!("load_or_default {:?}", Simd::<i16, 8>::load_or_default(tail).to_array());
        println!("load_or {:?}", Simd::<i16, 16>::load_or(&tail[2..], Simd::splat(99)).to_array());
        let en = mask16x8::from_array([true, false, true, true, false, true, true, true]);
        println!("load_select_or_default {:?}", Simd::<i16, 8>::load_select_or_default(tail, en).to_array());
        println!("load_select {:?}", Simd::<i16, 8>::load_select(&tail[1..], en, Simd::splat(-1)).to_array());
        println!("load_select_unchecked {:?}", Simd::<i16, 4>::load_select_unchecked(&tail[2..], mask16x4::from_array([true, true, false, true]), Simd::splat(5)).to_array());
        Simd::<i16, 8>::splat(1234).store_select(&mut tail[3..], mask16x8::splat(true));
        println!("store_select {:?}", tail);
        Simd::<i16, 4>::from_array([-1, -2, -3, -4]).store_select_unchecked(&mut tail[3..], mask16x4::from_array([true, false, true, false]));
        println!("store_select_unchecked {:?}", tail);
        let fl: &mut [f32] = std::slice::from_raw_parts_mut((g as *mut f32).sub(3), 3);
        fl.copy_from_slice(&[1.5, -0.0, f32::INFINITY]);
        let lf = Simd::<f32, 4>::load_select_ptr(fl.as_ptr(), mask32x4::from_array([true, true, true, false]), Simd::splat(f32::NAN));
        println!("load_select_ptr f32 {:x?}", lf.to_bits().to_array());
        Simd::<f32, 4>::splat(2.0).store_select_ptr(fl.as_mut_ptr(), mask32x4::from_array([false, true, false, false]));
        println!("store_select_ptr f32 {:?}", fl);

        // Gather / scatter on the guarded slice: out-of-range lanes are masked and untouched.
        let gs: &mut [u64] = std::slice::from_raw_parts_mut((g as *mut u64).sub(4), 4);
        gs.copy_from_slice(&[10, 20, 30, 40]);
        let idx = usizex8::from_array(black_box([3, 4, 0, usize::MAX, 2, 5, 1, 1 << 40]));
        println!("gather_or {:?}", Simd::gather_or(gs, idx, Simd::splat(7)).to_array());
        println!("gather_or_default {:?}", Simd::<u64, 8>::gather_or_default(gs, idx).to_array());
        let gm = mask64x8::from_array([true, true, false, true, true, true, true, false]);
        println!("gather_select {:?}", Simd::gather_select(gs, gm.cast(), idx, Simd::splat(1)).to_array());
        Simd::from_array([1u64, 2, 3, 4, 5, 6, 7, 8]).scatter(gs, idx);
        println!("scatter {:?}", gs);
        // Duplicate indices: the later lane wins.
        Simd::from_array([100u64, 200, 300, 400]).scatter(gs, usizex4::from_array([0, 0, 2, 2]));
        println!("scatter dup {:?}", gs);
        Simd::from_array([-1i64 as u64; 8]).scatter_select(gs, masksizex8::from_array([false, true, true, true, false, true, true, true]), idx);
        println!("scatter_select {:?}", gs);
        let gu: &mut [u8] = std::slice::from_raw_parts_mut(g.sub(3), 3);
        gu.copy_from_slice(&[1, 2, 3]);
        let ui = usizex16::from_array(core::array::from_fn(|i| black_box(i % 5)));
        println!("gather u8x16 {:?}", Simd::gather_or(gu, ui, Simd::splat(0xff)).to_array());
        Simd::<u8, 16>::from_array(core::array::from_fn(|i| i as u8 + 10)).scatter(gu, ui);
        println!("scatter u8x16 {:?}", gu);

        // Direct simd_gather / simd_scatter: masked-off lanes hold null or guard pointers.
        let vals = [11i32, 22, 33, 44];
        let vp = vals.as_ptr();
        let ptrs = v([vp.add(3), std::ptr::null(), vp, g as *const i32]);
        let gd: V<i32, 4> = si::simd_gather(v([-1i32; 4]), black_box(ptrs), v([-1i8, 0, -1, 0]));
        println!("simd_gather {:?}", a(gd));
        let mut out = [0i32; 4];
        let op = out.as_mut_ptr();
        let wp = v([op.add(1), g as *mut i32, std::ptr::null_mut(), op.add(1)]);
        si::simd_scatter(v([5i32, 6, 7, 8]), black_box(wp), v([-1i64, 0, 0, -1]));
        println!("simd_scatter {:?}", out);
        let fp = [0.5f64, -0.25];
        let gf: V<f64, 2> = si::simd_gather(v([9.0f64; 2]), v([fp.as_ptr().add(1), std::ptr::null()]), v([-1i64, 0]));
        println!("simd_gather f64 {:?}", a(gf));
    }
}
