// saturating add/sub/mul/pow/div/abs/neg on every integer width.
use std::hint::black_box;

macro_rules! sat {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 7] = [0, 1, 9, $t::MAX, $t::MIN, $t::MAX / 2, $t::MIN / 2];
            for &a in &vals {
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    print!("{} {} {}: {} {} {} {}", stringify!($t), a, b,
                        a.saturating_add(b), a.saturating_sub(b), a.saturating_mul(b),
                        a.saturating_pow(b as u32 % 11));
                    if b != 0 {
                        print!(" {}", a.saturating_div(b));
                    }
                    println!();
                }
            }
        }
    )*};
}

macro_rules! sat_signed {
    ($($t:ident),*) => {$(
        for a in [black_box($t::MIN), $t::MIN + 1, -1, 0, $t::MAX] {
            println!("{} {}: abs={} neg={} unsigned_abs={} signum={}", stringify!($t), a,
                a.saturating_abs(), a.saturating_neg(), a.unsigned_abs(), a.signum());
        }
    )*};
}

fn main() {
    sat!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    sat_signed!(i8, i16, i32, i64, i128, isize);
    // mixed signed/unsigned saturating helpers
    println!("{} {} {}", black_box(200u8).saturating_add_signed(-100), black_box(200u8).saturating_add_signed(100), black_box(5u8).saturating_add_signed(-100));
    println!("{} {}", black_box(-100i8).saturating_add_unsigned(250), black_box(-100i8).saturating_sub_unsigned(250));
    println!("{} {}", black_box(u32::MAX).wrapping_add_signed(-1), black_box(3u64).checked_add_signed(-4).is_none());
}
