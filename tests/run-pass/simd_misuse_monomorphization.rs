//@ build-fail
// Misusing the generic SIMD intrinsics is rustc's E0511 monomorphization error at the call,
// with the same message as LLVM's backend, never an ICE or a silently wrong program.
#![feature(repr_simd, core_intrinsics)]
#![allow(internal_features)]
use std::intrinsics::simd::*;

#[repr(simd)]
#[derive(Copy, Clone)]
struct V<T, const N: usize>([T; N]);

#[inline(never)]
fn misuse<T: Copy, U: Copy, M: Copy>(a: T, u: U, m: M) {
    unsafe {
        let _: T = simd_add(a, a); // T is not a vector
        let _: U = simd_neg(u); // unsigned lanes
        let _: V<f32, 4> = simd_xor(V::<f32, 4>([1.0; 4]), V([2.0; 4])); // float lanes
        let _: V<i32, 8> = simd_eq(u, u); // wrong length of the result
        let _: U = simd_select(m, u, u); // mask length
        let _: u8 = simd_bitmask(u); // too narrow a bitmask
        let _: u16 = simd_extract(u, 1); // wrong element type
        let _: U = simd_insert(u, 9, 5u32); // index out of bounds
        let _: U = simd_fsqrt(u); // integer lanes
        let _: u32 = simd_reduce_max(V::<f32, 4>([1.0; 4])); // float min/max reduction
        let _: V<u32, 4> = simd_shuffle(u, u, const { V::<u32, 4>([0, 1, 2, 9]) }); // index 9
        let _: V<u32, 4> = simd_cast(a); // not a vector
    }
}

fn main() {
    misuse(7u64, V::<u32, 4>([1, 2, 3, 4]), V::<i16, 8>([0; 8]));
}
