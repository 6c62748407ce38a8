// overflowing_* ops return (value, overflowed) pairs; checks both halves on every width.
use std::hint::black_box;

macro_rules! ovf {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 7] = [0, 1, 5, $t::MAX, $t::MIN, $t::MAX / 2, $t::MIN.wrapping_sub(2)];
            let mut flags = 0u64;
            for &a in &vals {
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    let add = a.overflowing_add(b);
                    let sub = a.overflowing_sub(b);
                    let mul = a.overflowing_mul(b);
                    let shl = a.overflowing_shl(b as u32);
                    let pow = a.overflowing_pow(b as u32 % 9);
                    flags = flags.wrapping_mul(31).wrapping_add(
                        (add.1 as u64) | (sub.1 as u64) << 1 | (mul.1 as u64) << 2 | (shl.1 as u64) << 3 | (pow.1 as u64) << 4);
                    print!("{} {} {}: {:?} {:?} {:?} {:?} {:?}", stringify!($t), a, b, add, sub, mul, shl, pow);
                    if b != 0 {
                        print!(" {:?} {:?}", a.overflowing_div(b), a.overflowing_rem(b));
                    }
                    println!();
                }
                println!("{} neg {}: {:?}", stringify!($t), a, a.overflowing_neg());
            }
            println!("{} flag hash {:x}", stringify!($t), flags);
        }
    )*};
}

fn main() {
    ovf!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    // carrying/borrowing style chains built from overflowing_add
    let a = [black_box(u64::MAX), 5, u64::MAX];
    let b = [black_box(1u64), u64::MAX, 0];
    let mut carry = false;
    let mut out = [0u64; 3];
    for i in 0..3 {
        let (s1, c1) = a[i].overflowing_add(b[i]);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        out[i] = s2;
        carry = c1 | c2;
    }
    println!("multiword add: {:?} carry={}", out, carry);
}
