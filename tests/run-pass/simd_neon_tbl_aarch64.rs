//! aarch64 NEON table lookups (`vqtbl1q_u8`, `vqtbl1_u8`, what `Simd::swizzle_dyn` uses
//! there): indices of 16 and above give 0. Nothing runs on other targets.

#![feature(portable_simd)]
#[cfg(target_arch = "aarch64")]
fn run() {
    use std::arch::aarch64::*;
    use std::hint::black_box;
    let table: [u8; 16] = std::array::from_fn(|i| 100 + i as u8);
    let idx: [u8; 16] = [0, 15, 16, 255, 3, 8, 17, 1, 31, 7, 128, 2, 14, 13, 64, 9];
    unsafe {
        let t = vld1q_u8(black_box(&table).as_ptr());
        let i = vld1q_u8(black_box(&idx).as_ptr());
        let r: [u8; 16] = std::mem::transmute(vqtbl1q_u8(t, i));
        println!("tbl1q {r:?}");
        let i8: [u8; 8] = [5, 16, 0, 200, 15, 4, 33, 10];
        let r: [u8; 8] = std::mem::transmute(vqtbl1_u8(t, vld1_u8(black_box(&i8).as_ptr())));
        println!("tbl1 {r:?}");
    }
    let v = std::simd::Simd::<u8, 16>::from_array(table);
    let s = v.swizzle_dyn(std::simd::Simd::from_array(idx));
    println!("swizzle_dyn {:?}", s.to_array());
}

fn main() {
    #[cfg(target_arch = "aarch64")]
    run();
}
