//! x86_64 multiply-add and sum-of-absolute-differences intrinsics (pmaddwd, pmaddubsw,
//! psadbw; SSE2/SSSE3 and their AVX2 forms, the latter behind run-time detection), with
//! saturating and extreme inputs.

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::*;
    use std::hint::black_box;

    fn b16(x: [u8; 16]) -> __m128i {
        unsafe { std::mem::transmute(black_box(x)) }
    }

    #[target_feature(enable = "ssse3")]
    fn narrow() {
        let a = b16([255, 255, 0, 1, 128, 127, 200, 3, 9, 255, 1, 2, 250, 251, 252, 253]);
        let b = b16([127, 127, 128, 255, 128, 127, 1, 0x80, 7, 0x81, 0, 0, 0xff, 0xfe, 3, 4]);
        let w: [i16; 8] = unsafe { std::mem::transmute(_mm_maddubs_epi16(a, b)) };
        println!("pmaddubsw {w:?}");
        let w: [i32; 4] = unsafe { std::mem::transmute(_mm_madd_epi16(a, b)) };
        println!("pmaddwd {w:?}");
        let s: [u64; 2] = unsafe { std::mem::transmute(_mm_sad_epu8(a, b)) };
        println!("psadbw {s:?}");
        let m = b16([0x00, 0x80, 0xff, 0x7f, 0x80, 0x80, 0x00, 0x80, 0xff, 0xff, 0x7f, 0x7f, 1, 2, 3, 4]);
        let w: [i32; 4] = unsafe { std::mem::transmute(_mm_madd_epi16(m, m)) };
        println!("pmaddwd extremes {w:?}");
    }

    #[target_feature(enable = "avx2")]
    fn wide() {
        let a: __m256i = unsafe { std::mem::transmute(black_box(core::array::from_fn::<u8, 32, _>(|i| (i * 37 + 11) as u8))) };
        let b: __m256i = unsafe { std::mem::transmute(black_box(core::array::from_fn::<u8, 32, _>(|i| (i * 91 + 200) as u8))) };
        let w: [i16; 16] = unsafe { std::mem::transmute(_mm256_maddubs_epi16(a, b)) };
        println!("vpmaddubsw {w:?}");
        let w: [i32; 8] = unsafe { std::mem::transmute(_mm256_madd_epi16(a, b)) };
        println!("vpmaddwd {w:?}");
        let s: [u64; 4] = unsafe { std::mem::transmute(_mm256_sad_epu8(a, b)) };
        println!("vpsadbw {s:?}");
    }

    pub fn run() {
        if is_x86_feature_detected!("ssse3") { unsafe { narrow() } } else { println!("skipped ssse3") }
        if is_x86_feature_detected!("avx2") { unsafe { wide() } } else { println!("skipped avx2") }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::run();
}
