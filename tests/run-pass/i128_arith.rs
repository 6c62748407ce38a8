// i128/u128 add/sub/mul/neg/bit ops across the 64-bit boundary, with carries and borrows.
use std::hint::black_box;

fn main() {
    let vals: [i128; 12] = [
        0, 1, -1, i128::MAX, i128::MIN, u64::MAX as i128, -(u64::MAX as i128),
        1 << 64, (1 << 64) - 1, -(1 << 100), 0x1234_5678_9abc_def0_0fed_cba9_8765_4321, i64::MIN as i128,
    ];
    for &a in &vals {
        for &b in &vals {
            let (a, b) = (black_box(a), black_box(b));
            println!("{} {}: {} {} {} {:?} {:?}", a, b, a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b),
                a.checked_mul(b), a.overflowing_add(b));
            println!("   & {:x} | {:x} ^ {:x} lt={} eq={}", a & b, a | b, a ^ b, a < b, a == b);
        }
        let a = black_box(a);
        println!("{}: neg={} not={} abs={:?} lz={} tz={} ones={}", a, a.wrapping_neg(), !a, a.checked_abs(),
            a.leading_zeros(), a.trailing_zeros(), a.count_ones());
    }
    let uvals: [u128; 8] = [0, 1, u128::MAX, u64::MAX as u128, (u64::MAX as u128) + 1, 1 << 127, u128::MAX / 3, 0xdead_beef << 70];
    for &a in &uvals {
        for &b in &uvals {
            let (a, b) = (black_box(a), black_box(b));
            println!("u {} {}: {} {} {} {:?} {}", a, b, a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b),
                a.checked_add(b), a.saturating_mul(b));
        }
    }
    // accumulate a long product chain mod 2^128
    let mut acc: u128 = black_box(1);
    for i in 1..=60u128 {
        acc = acc.wrapping_mul(black_box(i) * 0x9e37_79b9_7f4a_7c15 + 1);
        acc ^= acc >> 67;
    }
    println!("chain {:#034x}", acc);
    let mut f: u128 = 1;
    for i in 1..=34u128 {
        f *= black_box(i);
    }
    println!("34! = {}", f);
}
