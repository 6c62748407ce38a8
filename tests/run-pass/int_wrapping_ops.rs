// Wrapping add/sub/mul/neg/div/rem/shl/shr/pow on every integer width with boundary values.
use std::hint::black_box;

macro_rules! wrapping {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 8] = [0, 1, 2, 7, $t::MAX, $t::MIN, $t::MAX / 3, $t::MIN.wrapping_add(1)];
            for &a in &vals {
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    print!("{} {} {}: ", stringify!($t), a, b);
                    print!("{} {} {} ", a.wrapping_add(b), a.wrapping_sub(b), a.wrapping_mul(b));
                    if b != 0 {
                        print!("{} {} ", a.wrapping_div(b), a.wrapping_rem(b));
                        print!("{} {} ", a.wrapping_div_euclid(b), a.wrapping_rem_euclid(b));
                    }
                    let s = (b as u32) % 200;
                    print!("{} {} ", a.wrapping_shl(s), a.wrapping_shr(s));
                    println!("{} {}", a.wrapping_neg(), a.wrapping_pow(black_box(s % 13)));
                }
            }
        }
    )*};
}

fn main() {
    wrapping!(u8, i8, u16, i16, u32, i32, u64, i64, usize, isize);
}
