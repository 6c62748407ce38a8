//! `llvm.x86.xgetbv` and `llvm.x86.rdtsc`, which the backend implements as small assembly
//! functions: XCR0 always has the x87 bit set and agrees with std's AVX detection, and the
//! time-stamp counter does not go backwards.
#![allow(unused_unsafe)]

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::{_rdtsc, _xgetbv};

    #[target_feature(enable = "xsave")]
    unsafe fn xcr0() -> u64 {
        unsafe { _xgetbv(0) }
    }

    pub fn run() {
        // std reports xsave only when the OS enabled it (OSXSAVE), i.e. when xgetbv works.
        if is_x86_feature_detected!("xsave") {
            let x = unsafe { xcr0() };
            println!("x87 state enabled: {}", x & 1 == 1);
            // AVX is usable exactly when the OS enables SSE and AVX state (bits 1 and 2).
            let os_avx = x & 0b110 == 0b110;
            println!("avx agrees: {}", !is_x86_feature_detected!("avx") || os_avx);
            println!("upper bits clear below 2^20: {}", x < (1 << 20));
        } else {
            println!("x87 state enabled: true\navx agrees: true\nupper bits clear below 2^20: true");
        }
        let mut last = unsafe { _rdtsc() };
        let mut monotonic = true;
        for _ in 0..1000 {
            let now = unsafe { _rdtsc() };
            monotonic &= now >= last;
            last = now;
        }
        println!("rdtsc monotonic: {monotonic}, nonzero: {}", last != 0);
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::run();
}
