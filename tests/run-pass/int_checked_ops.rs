// checked_* arithmetic (add/sub/mul/div/rem/neg/shl/shr/pow/abs) on every integer width.
use std::hint::black_box;

macro_rules! checked {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 9] = [0, 1, 3, 100, $t::MAX, $t::MIN, $t::MAX - 1, $t::MIN / 2, $t::MAX / 2 + 1];
            let mut none_count = 0u32;
            for &a in &vals {
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    let r = [
                        a.checked_add(b), a.checked_sub(b), a.checked_mul(b),
                        a.checked_div(b), a.checked_rem(b),
                        a.checked_div_euclid(b), a.checked_rem_euclid(b),
                        a.checked_shl(b as u32), a.checked_shr(b as u32),
                        a.checked_pow(b as u32 % 70),
                    ];
                    none_count += r.iter().filter(|x| x.is_none()).count() as u32;
                    println!("{} {} {}: {:?}", stringify!($t), a, b, r);
                }
                println!("{} neg {}: {:?} next_pow2 ok", stringify!($t), a, a.checked_neg());
            }
            println!("{} nones {}", stringify!($t), none_count);
        }
    )*};
}

macro_rules! checked_abs {
    ($($t:ident),*) => {$(
        for a in [black_box($t::MIN), black_box(-1), black_box(0), black_box($t::MAX)] {
            println!("{} abs {}: {:?} {:?}", stringify!($t), a, a.checked_abs(), a.checked_isqrt());
        }
    )*};
}

fn main() {
    checked!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    checked_abs!(i8, i16, i32, i64, i128, isize);
    for a in [black_box(0u32), 1, 2, 3, 1 << 31, (1 << 31) + 1, u32::MAX] {
        println!("u32 next_power_of_two {}: {:?}", a, a.checked_next_power_of_two());
    }
}
