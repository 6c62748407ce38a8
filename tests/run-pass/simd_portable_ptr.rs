// Pointer-lane intrinsics: simd_arith_offset (scaled by pointee size incl. ZST and 3-byte pointees, negative offsets), simd_cast_ptr, simd_expose_provenance/simd_with_exposed_provenance round trips, std SimdConstPtr/SimdMutPtr; prints offsets relative to a base, never addresses.
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

// Byte distance of each lane from `base`.
fn rel<T, const N: usize>(p: [*const T; N], base: *const u8) -> [isize; N] {
    p.map(|q| (q as usize).wrapping_sub(base as usize) as isize)
}

#[inline(never)]
fn offset<T, const N: usize>(p: [*const T; N], o: [isize; N]) -> [*const T; N] {
    unsafe { a(si::simd_arith_offset(v(p), v(o))) }
}
#[inline(never)]
fn offset_u<T, const N: usize>(p: [*mut T; N], o: [usize; N]) -> [*mut T; N] {
    unsafe { a(si::simd_arith_offset(v(p), v(o))) }
}

fn main() {
    let data: [u64; 16] = core::array::from_fn(|i| (i as u64 + 1) * 0x0101_0101);
    let base = black_box(data.as_ptr());
    let b8 = base as *const u8;
    let offs = black_box([0isize, 1, -1, 15, 7, -8, 3, 1000]);

    // Scaling by pointee size.
    let p64 = offset([base; 8], offs);
    println!("u64 offsets {:?}", rel(p64, b8));
    let p8 = offset([b8; 8], offs);
    println!("u8 offsets {:?}", rel(p8, b8));
    let p16 = offset([base as *const u16; 8], offs);
    println!("u16 offsets {:?}", rel(p16, b8));
    let p3 = offset([base as *const [u8; 3]; 8], offs);
    println!("[u8;3] offsets {:?}", rel(p3, b8));
    let p128 = offset([base as *const u128; 8], offs);
    println!("u128 offsets {:?}", rel(p128, b8));
    let pz = offset([base as *const (); 8], offs);
    println!("() offsets {:?}", rel(pz, b8));
    let pm = offset_u([base as *mut u32; 4], black_box([0usize, 2, usize::MAX, 5]));
    println!("u32 usize offsets {:?}", rel(pm.map(|p| p as *const u32), b8));
    // Lanes with different base pointers.
    let mixed = offset(black_box([base, base.wrapping_add(4), base.wrapping_add(8), base.wrapping_add(15)]), black_box([3isize, -4, 0, -15]));
    println!("mixed bases {:?}", rel(mixed, b8));
    let ok: [*const u64; 4] = [mixed[0], mixed[1], mixed[2], mixed[3]];
    println!("deref {:?}", ok.map(|p| unsafe { *p }));

    unsafe {
        // cast_ptr keeps the address; reading through the cast pointer sees the bytes.
        let pc: V<*const u8, 4> = si::simd_cast_ptr(v([base, base.wrapping_add(1), base.wrapping_add(2), base.wrapping_add(3)]));
        let pc = a(pc);
        println!("cast_ptr u8 {:?} first bytes {:?}", rel(pc, b8), pc.map(|p| *p));
        let pm: [*mut u16; 4] = a(si::simd_cast_ptr(v(pc)));
        println!("cast_ptr mut u16 {:?} {:?}", rel(pm.map(|p| p as *const u16), b8), pm.map(|p| p.read_unaligned()));

        // expose and re-create: address deltas survive, loads through the new pointers work.
        let addrs: [usize; 4] = a(si::simd_expose_provenance(v(ok)));
        println!("exposed deltas {:?}", addrs.map(|x| x.wrapping_sub(base as usize)));
        let back: [*const u64; 4] = a(si::simd_with_exposed_provenance(v(addrs)));
        println!("with_exposed deref {:?}", back.map(|p| *p));
        let back8: [*const u8; 4] = a(si::simd_with_exposed_provenance(v(addrs.map(|x| x + 1))));
        println!("with_exposed +1 byte {:?}", back8.map(|p| *p));
    }

    // std pointer vectors.
    let sp = Simd::<*const u64, 8>::splat(base);
    let idx = usizex8::from_array(black_box([0, 1, 2, 3, 12, 13, 14, 15]));
    let q = sp.wrapping_add(idx);
    println!("std wrapping_add {:?}", rel(q.to_array(), b8));
    println!("std wrapping_sub {:?}", rel(q.wrapping_sub(usizex8::splat(1)).to_array(), b8));
    println!("std wrapping_offset {:?}", rel(sp.wrapping_offset(isizex8::from_array(offs)).to_array(), b8));
    println!("std gather_ptr {:?}", unsafe { Simd::gather_ptr(q) }.to_array());
    let qb = q.cast::<u8>().wrapping_add(usizex8::splat(1));
    println!("std cast u8 +1 {:?} {:?}", rel(qb.to_array(), b8), unsafe { Simd::gather_ptr(qb) }.to_array());
    let addr = q.addr() - Simd::splat(base as usize);
    println!("std addr deltas {:?}", addr.to_array());
    let e = q.expose_provenance();
    let r = Simd::<*const u64, 8>::with_exposed_provenance(e.reverse());
    println!("std with_exposed reversed {:?}", unsafe { Simd::gather_ptr(r) }.to_array());
    let wa = sp.with_addr(Simd::splat(base as usize) + usizex8::splat(40));
    println!("std with_addr {:?} {:?}", rel(wa.to_array(), b8), unsafe { Simd::gather_ptr(wa) }.to_array());
    let nulls = Simd::<*const u32, 4>::from_array([std::ptr::null(), base as *const u32, std::ptr::null::<u32>().wrapping_add(1), std::ptr::null()]);
    println!("std is_null {:?}", black_box(nulls).is_null().to_array());
    println!("std without_provenance addr {:?}", Simd::<*const u16, 2>::without_provenance(black_box(usizex2::from_array([0, 12345]))).addr().to_array());
    let mut buf = [0u32; 8];
    let mb = Simd::<*mut u32, 4>::splat(buf.as_mut_ptr()).wrapping_add(usizex4::from_array([7, 0, 3, 4]));
    println!("std mut cast_const {:?}", rel(mb.cast_const().to_array(), buf.as_ptr() as *const u8));
    unsafe { u32x4::from_array([70, 0, 30, 40]).scatter_ptr(mb) };
    println!("std scatter_ptr {:?}", buf);
}
