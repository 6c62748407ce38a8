// Unusual vector layouts through the generic SIMD intrinsics: f16/f128/i128/pointer lanes,
// one-lane to 256-lane vectors, odd lengths, and #[repr(simd, packed)] vectors in memory.
#![feature(repr_simd, core_intrinsics, f16, f128)]
#![allow(internal_features, non_camel_case_types)]
use std::intrinsics::simd::*;
use std::hint::black_box;
#[repr(simd)] #[derive(Copy, Clone)] struct V<T, const N: usize>([T; N]);
#[repr(simd, packed)] #[derive(Copy, Clone)] struct P<T, const N: usize>([T; N]);

#[inline(never)]
fn work<T: Copy, const N: usize>(x: V<T, N>) -> V<T, N> {
    unsafe {
        let y = simd_shuffle::<V<T, N>, V<u32, 2>, V<T, 2>>(x, x, const { V([0, 1]) });
        let _ = y;
        simd_insert_dyn(x, 0, simd_extract_dyn::<_, T>(x, N as u32 - 1))
    }
}
#[inline(never)]
fn addp<T: Copy, const N: usize>(x: P<T, N>, y: P<T, N>) -> P<T, N> { unsafe { simd_add(x, y) } }
#[inline(never)]
fn adds<T: Copy, const N: usize>(x: V<T, N>, y: V<T, N>) -> V<T, N> { unsafe { simd_add(x, y) } }

fn show<T: Copy + std::fmt::Debug, const N: usize>(v: V<T, N>) -> [T; N] { unsafe { std::mem::transmute_copy(&v) } }
fn showp<T: Copy + std::fmt::Debug, const N: usize>(v: P<T, N>) -> [T; N] { unsafe { std::mem::transmute_copy(&v) } }

fn main() {
    println!("{:?}", show(work(black_box(V([1.5f16, 2.0, 3.0, 4.0])))).map(|x| x as f32));
    println!("{:?}", show(adds(black_box(V([1.5f16, 2.0, 3.0, 4.0])), V([1.0f16; 4]))).map(|x| x as f32));
    println!("{:?}", show(adds(black_box(V([1.5f128, 2.0])), V([1.0f128; 2]))).map(|x| x as f64));
    println!("{:?}", show(work(black_box(V([1u8, 2])))));
    println!("{:?}", show(work(black_box(V([1u64, 2, 3])))));
    println!("{:?}", show(work(black_box(V::<u8, 256>([7; 256]))))[255]);
    println!("{:?}", show(adds(black_box(V::<u16, 33>([7; 33])), V([1; 33]))));
    println!("{:?}", showp(addp(black_box(P::<u16, 3>([7; 3])), P([1; 3]))));
    println!("{:?}", showp(addp(black_box(P::<f64, 5>([7.0; 5])), P([1.5; 5]))));
    println!("{:?}", showp(addp(black_box(P::<u8, 24>([7; 24])), P([1; 24]))));
    let p = V([std::ptr::null::<u8>(); 3]);
    let q: V<*const u8, 3> = unsafe { simd_arith_offset(p, V([1isize, 2, 3])) };
    let a: V<usize, 3> = unsafe { simd_expose_provenance(q) };
    println!("{:?}", show(a));
    println!("{:?}", show(adds(black_box(V([1i128, -2])), V([5i128, 7]))));
    let m: V<i128, 2> = unsafe { simd_eq(V([1i128, 2]), black_box(V([1i128, 3]))) };
    println!("{:?}", show(m));
    // Bitmasks of more than 128 lanes exist only as byte arrays. (Not 200 lanes: LLVM at
    // -O0 gets lanes 192.. of a [u8; 25] bitmask wrong, and sometimes crashes on it.)
    let wide = V::<i8, 256>(core::array::from_fn(|i| if (i * 7) % 5 < 2 { -1 } else { 0 }));
    let bits: [u8; 32] = unsafe { simd_bitmask(black_box(wide)) };
    println!("{bits:?}");
    let yes = V::<u16, 256>(core::array::from_fn(|i| i as u16));
    let no = V::<u16, 256>([9999; 256]);
    let picked: V<u16, 256> = unsafe { simd_select_bitmask(black_box(bits), yes, no) };
    let picked = show(picked);
    println!("{:?} {:?}", &picked[..20], &picked[236..]);
    let picked: V<u16, 256> = unsafe { simd_select_bitmask(black_box([0xa5u8; 32]), yes, no) };
    println!("{:?}", &show(picked)[240..]);
}
