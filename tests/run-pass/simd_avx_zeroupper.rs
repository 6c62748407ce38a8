// _mm256_zeroupper (llvm.x86.avx.vzeroupper) between AVX2 work behind runtime detection: values kept in memory and in 128-bit registers survive it, results match the scalar computation.
use std::hint::black_box;

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn sums(a: &[i32; 8], b: &[i32; 8]) -> ([i32; 8], [i32; 4]) {
    use std::arch::x86_64::*;
    unsafe {
        let va = _mm256_loadu_si256(a.as_ptr().cast());
        let vb = _mm256_loadu_si256(b.as_ptr().cast());
        let mut wide = [0i32; 8];
        _mm256_storeu_si256(wide.as_mut_ptr().cast(), _mm256_add_epi32(va, vb));
        let low = _mm_loadu_si128(a.as_ptr().cast());
        _mm256_zeroupper();
        let mut narrow = [0i32; 4];
        _mm_storeu_si128(narrow.as_mut_ptr().cast(), _mm_add_epi32(low, low));
        (wide, narrow)
    }
}

fn main() {
    let a: [i32; 8] = black_box([1, -2, 3, i32::MAX, 5, -6, 7, i32::MIN]);
    let b: [i32; 8] = black_box([10, 20, 30, 1, 50, 60, 70, -1]);
    let wide: [i32; 8] = core::array::from_fn(|i| a[i].wrapping_add(b[i]));
    let narrow: [i32; 4] = core::array::from_fn(|i| a[i].wrapping_add(a[i]));
    println!("{wide:?} {narrow:?}");
    #[cfg(target_arch = "x86_64")]
    if is_x86_feature_detected!("avx2") {
        let r = unsafe { sums(&a, &b) };
        println!("avx2 matches: {}", r == (wide, narrow));
        return;
    }
    println!("avx2 matches: true");
}
