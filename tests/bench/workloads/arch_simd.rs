// `core::arch` workload for the run-time comparison of tests/bench (opt-level 0), the way
// crates use it: paths chosen by run-time detection. CRC32C with SSE4.2 (crc32fast's and
// many hashers' kernel), an Adler-32 with SSSE3 multiply-adds and sums of absolute
// differences (simd-adler32's), an SSE2 f32 kernel, and an AVX2 byte count (memchr-like).
// Prints a checksum so both builds can be checked to compute the same thing.
use std::hint::black_box;

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    #[target_feature(enable = "sse4.2")]
    pub fn crc32c(data: &[u8]) -> u32 {
        let mut crc = !0u64;
        let mut chunks = data.chunks_exact(8);
        for c in &mut chunks {
            crc = _mm_crc32_u64(crc, u64::from_le_bytes(c.try_into().unwrap()));
        }
        let mut crc = crc as u32;
        for &b in chunks.remainder() {
            crc = _mm_crc32_u8(crc, b);
        }
        !crc
    }

    #[target_feature(enable = "ssse3")]
    pub fn adler32(data: &[u8]) -> u32 {
        const NMAX: usize = 5552 / 16 * 16;
        let (mut a, mut b) = (1u32, 0u32);
        let weights = _mm_setr_epi8(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        let ones = _mm_set1_epi16(1);
        for block in data.chunks(NMAX) {
            let mut va = _mm_setzero_si128();
            let mut vb = _mm_setzero_si128();
            let mut vprev = _mm_setzero_si128();
            let chunks = block.chunks_exact(16);
            let n = chunks.len() as u32;
            for c in chunks {
                let v = unsafe { _mm_loadu_si128(c.as_ptr() as *const __m128i) };
                vprev = _mm_add_epi32(vprev, va);
                va = _mm_add_epi32(va, _mm_sad_epu8(v, _mm_setzero_si128()));
                vb = _mm_add_epi32(vb, _mm_madd_epi16(_mm_maddubs_epi16(v, weights), ones));
            }
            let sum = |v: __m128i| {
                let v = _mm_add_epi32(v, _mm_shuffle_epi32::<0b01_00_11_10>(v));
                let v = _mm_add_epi32(v, _mm_shuffle_epi32::<0b10_11_00_01>(v));
                _mm_cvtsi128_si32(v) as u32
            };
            let sa = sum(va);
            let sb = sum(vb).wrapping_add(sum(vprev).wrapping_mul(16));
            b = (b + a * 16 * n + sb) % 65521;
            a = (a + sa) % 65521;
            for &x in block.chunks_exact(16).remainder() {
                a = (a + x as u32) % 65521;
                b = (b + a) % 65521;
            }
        }
        (b << 16) | a
    }

    /// y = a*x + y, then max(y, 0) and a sum, four lanes at a time.
    #[target_feature(enable = "sse2")]
    pub fn saxpy_relu(a: f32, x: &[f32], y: &mut [f32]) -> f32 {
        let va = _mm_set1_ps(a);
        let mut acc = _mm_setzero_ps();
        for (xs, ys) in x.chunks_exact(4).zip(y.chunks_exact_mut(4)) {
            unsafe {
                let r = _mm_add_ps(_mm_mul_ps(va, _mm_loadu_ps(xs.as_ptr())), _mm_loadu_ps(ys.as_ptr()));
                let r = _mm_max_ps(r, _mm_setzero_ps());
                _mm_storeu_ps(ys.as_mut_ptr(), r);
                acc = _mm_add_ps(acc, r);
            }
        }
        let mut out = [0f32; 4];
        unsafe { _mm_storeu_ps(out.as_mut_ptr(), acc) };
        out.iter().sum()
    }

    #[target_feature(enable = "avx2")]
    pub fn count_byte(hay: &[u8], needle: u8) -> usize {
        let n = _mm256_set1_epi8(needle as i8);
        let mut count = 0;
        for c in hay.chunks_exact(32) {
            let v = unsafe { _mm256_loadu_si256(c.as_ptr() as *const __m256i) };
            count += (_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, n)) as u32).count_ones() as usize;
        }
        count + hay.chunks_exact(32).remainder().iter().filter(|&&b| b == needle).count()
    }
}

fn main() {
    let data: Vec<u8> = (0..1 << 20).map(|i: u32| (i.wrapping_mul(2654435761) >> 11) as u8).collect();
    let xs: Vec<f32> = (0..4096).map(|i| (i % 97) as f32 * 0.25 - 8.0).collect();
    let mut check = 0u64;
    #[cfg(target_arch = "x86_64")]
    {
        let has = |f: &str| match f {
            "sse4.2" => std::arch::is_x86_feature_detected!("sse4.2"),
            "ssse3" => std::arch::is_x86_feature_detected!("ssse3"),
            _ => std::arch::is_x86_feature_detected!("avx2"),
        };
        for round in 0..24u64 {
            let d = black_box(&data[..data.len() - round as usize]);
            if has("sse4.2") {
                check = check.wrapping_mul(31).wrapping_add(unsafe { x86::crc32c(d) } as u64);
            }
            if has("ssse3") {
                check = check.wrapping_mul(31).wrapping_add(unsafe { x86::adler32(d) } as u64);
            }
            if has("avx2") {
                check = check.wrapping_add(unsafe { x86::count_byte(d, round as u8) } as u64);
            }
            let mut ys = vec![1.0f32; xs.len()];
            for _ in 0..40 {
                let s = unsafe { x86::saxpy_relu(0.5, black_box(&xs), &mut ys) };
                check = check.wrapping_add(s as u64);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        check = data.iter().map(|&b| b as u64).sum::<u64>() + xs.len() as u64;
    }
    println!("{check}");
}
