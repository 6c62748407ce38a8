// pow, isqrt, ilog2/ilog10/ilog, abs_diff, midpoint-like computations, is_power_of_two on ints.
use std::hint::black_box;

macro_rules! powlog {
    ($($t:ident),*) => {$(
        {
            for base in [black_box(2 as $t), 3, 5, 10] {
                for e in 0..8u32 {
                    print!("{} ", base.wrapping_pow(black_box(e)));
                }
                println!("| {:?}", base.checked_pow(black_box(40)));
            }
            for v in [black_box(1 as $t), 2, 3, 9, 10, 99, 100, 127, $t::MAX] {
                println!("{} {}: ilog2={} ilog10={} ilog3={} isqrt={} absdiff={}", stringify!($t), v,
                    v.ilog2(), v.ilog10(), v.ilog(3), v.isqrt(), v.abs_diff(black_box(50 as $t)));
            }
        }
    )*};
}

fn main() {
    powlog!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    for v in [black_box(0u64), 1, 2, 3, 4, 1 << 40, (1 << 40) + 1, u64::MAX] {
        println!("{} pow2? {} next {:?}", v, v.is_power_of_two(), v.checked_next_power_of_two());
    }
    println!("{:?} {:?}", black_box(0u32).checked_ilog2(), black_box(-5i32).checked_ilog10());
}
