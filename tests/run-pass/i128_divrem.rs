// i128/u128 division and remainder (calls into compiler-builtins) incl. signed edge cases and euclid.
use std::hint::black_box;

fn main() {
    let nums: [i128; 10] = [
        0, 7, -7, i128::MAX, i128::MIN, i128::MIN + 1, 1 << 64, -(1 << 64) - 3,
        170141183460469231731687303715884105, -99999999999999999999999999,
    ];
    let dens: [i128; 11] = [1, -1, 2, 3, -7, 10, 1 << 64, (1 << 64) + 1, i128::MAX, i128::MIN, -1_000_000_007];
    for &n in &nums {
        for &d in &dens {
            let (n, d) = (black_box(n), black_box(d));
            if n == i128::MIN && d == -1 {
                println!("{} / {}: checked {:?} wrapping {} {:?}", n, d, n.checked_div(d), n.wrapping_div(d), n.overflowing_rem(d));
                continue;
            }
            println!("{} / {} = {} r {} e {} re {}", n, d, n / d, n % d, n.div_euclid(d), n.rem_euclid(d));
        }
        let n = black_box(n);
        println!("  const: {} {} {} {}", n / 10, n % 10, n / -3, n % 1_000_000_007);
    }
    let unums: [u128; 6] = [0, 1, u128::MAX, u64::MAX as u128, 1 << 127, 123456789012345678901234567890123456789];
    let udens: [u128; 7] = [1, 2, 10, u64::MAX as u128, (u64::MAX as u128) + 1, u128::MAX, 987654321987654321987];
    for &n in &unums {
        for &d in &udens {
            let (n, d) = (black_box(n), black_box(d));
            println!("u {} / {} = {} r {}", n, d, n / d, n % d);
        }
    }
    // decimal digits via repeated division
    let mut x = black_box(u128::MAX);
    let mut digits = Vec::new();
    while x > 0 {
        digits.push((x % 10) as u8);
        x /= 10;
    }
    digits.reverse();
    println!("{:?}", digits);
    println!("{:?} {:?}", black_box(5i128).checked_div(0), black_box(5u128).checked_rem(0));
}
