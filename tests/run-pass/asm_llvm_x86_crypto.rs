//! x86_64 AES-NI (and VAES), SHA, PCLMULQDQ (and VPCLMULQDQ) and SSE4.2 CRC32 intrinsics (assembly functions, one per
//! immediate value for aeskeygenassist/pclmulqdq/sha1rnds4), behind run-time detection as
//! real crates call them. A CPU without a feature prints "skipped <feature>" on both sides.

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::x86_64::*;
    use std::hint::black_box;

    fn show(v: __m128i) -> [u32; 4] {
        unsafe { std::mem::transmute(v) }
    }
    fn v(x: [u32; 4]) -> __m128i {
        unsafe { std::mem::transmute(black_box(x)) }
    }

    #[target_feature(enable = "aes")]
    fn aes() {
        let (a, k) = (v([0x0011_2233, 0x4455_6677, 0x8899_aabb, 0xccdd_eeff]), v([1, 2, 3, 0xffff_ffff]));
        println!("aesenc {:x?}", show(_mm_aesenc_si128(a, k)));
        println!("aesenclast {:x?}", show(_mm_aesenclast_si128(a, k)));
        println!("aesdec {:x?}", show(_mm_aesdec_si128(a, k)));
        println!("aesdeclast {:x?}", show(_mm_aesdeclast_si128(a, k)));
        println!("aesimc {:x?}", show(_mm_aesimc_si128(a)));
        println!("keygen 0x01 {:x?}", show(_mm_aeskeygenassist_si128::<0x01>(a)));
        println!("keygen 0x36 {:x?}", show(_mm_aeskeygenassist_si128::<0x36>(a)));
        println!("keygen 0x36 again {:x?}", show(_mm_aeskeygenassist_si128::<0x36>(k)));
    }

    #[target_feature(enable = "pclmulqdq")]
    fn clmul() {
        let (a, b) = (v([0xffff_ffff, 0xffff_ffff, 3, 0]), v([5, 0, 0xffff_ffff, 0x8000_0000]));
        println!("clmul 00 {:x?}", show(_mm_clmulepi64_si128::<0x00>(a, b)));
        println!("clmul 01 {:x?}", show(_mm_clmulepi64_si128::<0x01>(a, b)));
        println!("clmul 10 {:x?}", show(_mm_clmulepi64_si128::<0x10>(a, b)));
        println!("clmul 11 {:x?}", show(_mm_clmulepi64_si128::<0x11>(a, b)));
    }

    #[target_feature(enable = "sha")]
    fn sha() {
        let (a, b, c) = (v([1, 2, 3, 4]), v([0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a]), v([9, 8, 7, 6]));
        println!("sha1msg1 {:x?}", show(_mm_sha1msg1_epu32(a, b)));
        println!("sha1msg2 {:x?}", show(_mm_sha1msg2_epu32(a, b)));
        println!("sha1nexte {:x?}", show(_mm_sha1nexte_epu32(a, b)));
        println!("sha1rnds4 0 {:x?}", show(_mm_sha1rnds4_epu32::<0>(a, b)));
        println!("sha1rnds4 3 {:x?}", show(_mm_sha1rnds4_epu32::<3>(a, b)));
        println!("sha256msg1 {:x?}", show(_mm_sha256msg1_epu32(a, b)));
        println!("sha256msg2 {:x?}", show(_mm_sha256msg2_epu32(a, b)));
        println!("sha256rnds2 {:x?}", show(_mm_sha256rnds2_epu32(a, b, c)));
        println!("sha256rnds2 k {:x?}", show(_mm_sha256rnds2_epu32(c, a, b)));
    }

    #[target_feature(enable = "sse4.2")]
    fn crc() {
        let mut c = black_box(0xffff_ffffu32);
        for &byte in b"123456789" {
            c = _mm_crc32_u8(c, byte);
        }
        println!("crc32c 123456789 {:#x}", !c);
        println!("crc32 u16 {:#x}", _mm_crc32_u16(black_box(7), black_box(0xbeef)));
        println!("crc32 u32 {:#x}", _mm_crc32_u32(black_box(7), black_box(0xdead_beef)));
        println!("crc32 u64 {:#x}", _mm_crc32_u64(black_box(7), black_box(0x0123_4567_89ab_cdef)));
    }

    fn show256(v: __m256i) -> [u32; 8] {
        unsafe { std::mem::transmute(v) }
    }

    /// The VEX forms on 256-bit operands: the 128-bit instruction on each half.
    #[target_feature(enable = "vaes,vpclmulqdq,avx2")]
    fn wide() {
        let a: __m256i = unsafe { std::mem::transmute(black_box([1u32, 2, 3, 4, 0xdead_beef, 6, 7, 0xffff_ffff])) };
        let k: __m256i = unsafe { std::mem::transmute(black_box([9u32, 8, 7, 6, 5, 4, 3, 2])) };
        println!("vaesenc {:x?}", show256(_mm256_aesenc_epi128(a, k)));
        println!("vaesdeclast {:x?}", show256(_mm256_aesdeclast_epi128(a, k)));
        println!("vpclmul 0x11 {:x?}", show256(_mm256_clmulepi64_epi128::<0x11>(a, k)));
        println!("vpclmul 0x00 {:x?}", show256(_mm256_clmulepi64_epi128::<0x00>(a, k)));
    }

    pub fn run() {
        if is_x86_feature_detected!("vaes") && is_x86_feature_detected!("vpclmulqdq") && is_x86_feature_detected!("avx2") {
            unsafe { wide() }
        } else {
            println!("skipped vaes/vpclmulqdq");
        }
        for (feature, present, f) in [
            ("aes", is_x86_feature_detected!("aes"), aes as unsafe fn()),
            ("pclmulqdq", is_x86_feature_detected!("pclmulqdq"), clmul as unsafe fn()),
            ("sha", is_x86_feature_detected!("sha"), sha as unsafe fn()),
            ("sse4.2", is_x86_feature_detected!("sse4.2"), crc as unsafe fn()),
        ] {
            if present { unsafe { f() } } else { println!("skipped {feature}") }
        }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::run();
}
