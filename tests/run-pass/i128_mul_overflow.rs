// i128/u128 overflow detection for multiplication (checked/overflowing/saturating) and widening 64x64->128.
use std::hint::black_box;

fn main() {
    let vals: [i128; 12] = [
        0, 1, -1, 2, -2, i128::MAX, i128::MIN, 1 << 63, 1 << 64, -(1 << 64),
        13043817825332782212, -170141183460469231731687303715884105727 / 3,
    ];
    for &a in &vals {
        for &b in &vals {
            let (a, b) = (black_box(a), black_box(b));
            println!("{} * {}: {:?} {:?} {}", a, b, a.checked_mul(b), a.overflowing_mul(b), a.saturating_mul(b));
        }
    }
    let uvals: [u128; 7] = [0, 1, 3, u128::MAX, 1 << 64, (1 << 64) - 1, 1 << 127];
    for &a in &uvals {
        for &b in &uvals {
            let (a, b) = (black_box(a), black_box(b));
            println!("u {} * {}: {:?} {:?} {}", a, b, a.checked_mul(b), a.overflowing_mul(b), a.saturating_mul(b));
        }
    }
    // widening multiply of u64 pairs
    for &(x, y) in &[(u64::MAX, u64::MAX), (u64::MAX, 2), (0x1_0000_0001, 0xffff_ffff), (12345678901234567, 98765432109876543)] {
        let (x, y) = (black_box(x), black_box(y));
        let p = x as u128 * y as u128;
        println!("{} * {} = {} hi={:#x} lo={:#x}", x, y, p, (p >> 64) as u64, p as u64);
        let s = (x as i64) as i128 * (y as i64) as i128;
        println!("  signed {} {}", s, (s >> 64) as i64);
    }
    // pow overflow
    for e in [black_box(10u32), 38, 39, 40, 127, 128] {
        println!("10^{}: {:?} 2^{}: {:?} 3^{} wrap {}", e, 10i128.checked_pow(e), e, 2u128.checked_pow(e), e, 3u128.wrapping_pow(e));
    }
}
