//! x86_64 intrinsics that take pointers (masked loads and stores, gathers, unaligned
//! loads, MXCSR, cache control) and those without value results (fences, RDRAND, XSAVE),
//! which the generated `arch_x86_gen_*` tests leave out. AVX2 paths behind run-time
//! detection.
#![allow(deprecated)]

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::*;
    use std::hint::black_box;

    fn show<T>(what: &str, v: &T) {
        let n = std::mem::size_of::<T>();
        let bytes = unsafe { std::slice::from_raw_parts(v as *const T as *const u8, n) };
        let hex: String = bytes.iter().rev().map(|b| format!("{b:02x}")).collect();
        println!("{what}: {hex}");
    }

    #[target_feature(enable = "avx2")]
    fn avx2() {
        let data: Vec<i32> = (0..64).map(|i| i * 7 - 100).collect();
        let f: Vec<f64> = (0..64).map(|i| i as f64 * 0.5 - 3.0).collect();
        let mask = _mm256_setr_epi32(-1, 0, -1, -1, 0, 0, i32::MIN, 1);
        unsafe {
            let p = black_box(data.as_ptr().add(3));
            show("maskload_epi32", &_mm256_maskload_epi32(p, mask));
            show("maskload_epi32 128", &_mm_maskload_epi32(p, _mm256_castsi256_si128(mask)));
            let pf = black_box(f.as_ptr().add(5));
            show("maskload_pd", &_mm256_maskload_pd(pf, _mm256_setr_epi64x(-1, 0, i64::MIN, 5)));
            let ps = black_box(f.as_ptr() as *const f32);
            show("maskload_ps", &_mm256_maskload_ps(ps, mask));
            // Masked-off lanes are not written.
            let mut out = [0x5555_5555i32; 10];
            _mm256_maskstore_epi32(out.as_mut_ptr().add(1), mask, _mm256_set1_epi32(-7));
            println!("maskstore_epi32: {out:?}");
            let mut outq = [9i64; 4];
            _mm_maskstore_epi64(outq.as_mut_ptr(), _mm_set_epi64x(-1, 0), _mm_set_epi64x(11, 12));
            println!("maskstore_epi64: {outq:?}");
            let mut outf = [1.5f32; 8];
            _mm256_maskstore_ps(outf.as_mut_ptr(), mask, _mm256_set1_ps(-0.0));
            println!("maskstore_ps: {outf:?}");
            // Gathers with every scale, negative indices and a partial mask.
            let base = black_box(data.as_ptr().add(32));
            let idx = _mm256_setr_epi32(0, 1, -1, 7, -32, 31, 2, -5);
            show("i32gather_epi32 s4", &_mm256_i32gather_epi32::<4>(base, idx));
            show("i32gather_epi32 s1", &_mm256_i32gather_epi32::<1>(base, _mm256_slli_epi32::<2>(idx)));
            show("i32gather_epi32 s8", &_mm_i32gather_epi32::<8>(base, _mm_setr_epi32(0, 1, -2, 3)));
            let src = _mm256_set1_epi32(-1);
            show("mask_i32gather_epi32", &_mm256_mask_i32gather_epi32::<4>(src, base, idx, mask));
            let fb = black_box(f.as_ptr().add(20));
            show("i64gather_pd", &_mm256_i64gather_pd::<8>(fb, _mm256_setr_epi64x(0, -3, 9, 40)));
            show("i32gather_ps q", &_mm256_i64gather_ps::<2>(fb as *const f32, _mm256_setr_epi64x(0, 2, -4, 6)));
            let s = _mm256_set1_pd(42.0);
            let m = _mm256_castsi256_pd(_mm256_setr_epi64x(0, -1, 0, -1));
            show("mask_i32gather_pd", &_mm256_mask_i32gather_pd::<8>(s, fb, _mm_setr_epi32(1, 2, 3, -4), m));
            show("i64gather_epi64", &_mm_i64gather_epi64::<8>(base as *const i64, _mm_set_epi64x(-2, 3)));
            show("lddqu 256", &_mm256_lddqu_si256(black_box(data.as_ptr().add(1)) as *const __m256i));
        }
    }

    pub fn main() {
        let data: Vec<u8> = (0..64).map(|i| i * 3).collect();
        unsafe {
            show("lddqu", &_mm_lddqu_si128(black_box(data.as_ptr().add(1)) as *const __m128i));
            let csr = _mm_getcsr();
            println!("mxcsr {csr:#x}");
            // Round toward zero, then back.
            _mm_setcsr(csr | 0x6000);
            let x = _mm_cvtss_si32(_mm_set_ss(black_box(2.75)));
            _mm_setcsr(csr);
            println!("cvtss2si under RZ {x}, mxcsr restored {}", _mm_getcsr() == csr);
            _mm_clflush(data.as_ptr());
            _mm_prefetch::<_MM_HINT_T0>(data.as_ptr() as *const i8);
            _mm_prefetch::<_MM_HINT_NTA>(data.as_ptr().add(32) as *const i8);
            _mm_sfence();
            _mm_lfence();
            _mm_mfence();
            let mut out = [0u8; 16];
            _mm_maskmoveu_si128(_mm_set1_epi8(7), _mm_setr_epi8(-1, 0, -1, 0, 0, 0, 0, -128, 0, 0, 0, 0, 0, 0, 0, -1), out.as_mut_ptr() as *mut i8);
            println!("maskmoveu {out:?}");
            let mut v = 0u64;
            if std::arch::is_x86_feature_detected!("rdrand") {
                // Both retry on failure; only that they succeed is printed.
                let ok = (0..10).any(|_| _rdrand64_step(&mut v) == 1);
                println!("rdrand ok {ok}");
            }
            let mut c = 0u32;
            let carry = _addcarry_u32(1, u32::MAX, 0, &mut c);
            println!("addcarry {carry} {c}");
            let t1 = _rdtsc();
            let mut aux = 0;
            let t2 = __rdtscp(&mut aux);
            println!("rdtsc monotonic {}", t2 >= t1);
            if std::arch::is_x86_feature_detected!("xsave") {
                #[repr(align(64))]
                struct Area([u8; 4096]);
                let mut a = Area([0; 4096]);
                _xsave(a.0.as_mut_ptr(), 3);
                // The XSTATE_BV header field says which of x87/SSE state was saved.
                println!("xsave and xrstor ran");
                _xrstor(a.0.as_ptr(), 3);
            }
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            unsafe { avx2() }
        } else {
            println!("avx2: skipped");
        }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::main();
}
