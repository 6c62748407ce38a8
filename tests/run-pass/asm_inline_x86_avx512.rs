//! `asm!` with `zmm_reg` and `kreg` operands (as core_arch's AVX-512 code uses them),
//! behind run-time detection: on a CPU without AVX-512F it prints that it skipped.

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::asm;
    use std::arch::x86_64::*;

    #[target_feature(enable = "avx512f")]
    fn run() {
        let a = _mm512_set1_epi32(7);
        let b = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        let k: u16 = std::hint::black_box(0b1010_0101_1100_0011);
        let out: __m512i;
        unsafe {
            asm!("vpaddd {o} {{{k}}}{{z}}, {a}, {b}", o = out(zmm_reg) out, a = in(zmm_reg) a,
                 b = in(zmm_reg) b, k = in(kreg) k);
        }
        let v: [i32; 16] = unsafe { std::mem::transmute(out) };
        println!("masked add {v:?}");
        let m: u16;
        unsafe { asm!("kshiftlw {o}, {i}, 3", o = out(kreg) m, i = in(kreg) k) };
        println!("kshift {m:#06x}");
    }

    pub fn main() {
        if std::arch::is_x86_feature_detected!("avx512f") {
            unsafe { run() }
        } else {
            println!("avx512f: skipped");
        }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::main();
}
