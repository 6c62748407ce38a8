// leading/trailing zeros/ones, count_ones, swap_bytes, reverse_bits, rotate, to_be/le on every width.
use std::hint::black_box;

macro_rules! bits {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 10] = [0, 1, 2, 0x55 as $t, $t::MAX, $t::MIN, $t::MAX >> 1,
                (0x0123_4567_89ab_cdef_fedc_ba98_7654_3210u128 as $t), 1 << ($t::BITS - 1), 0x80u8 as $t];
            for &v in &vals {
                let v = black_box(v);
                println!("{} {:#x}: lz={} tz={} lo={} to={} ones={} zeros={}", stringify!($t), v,
                    v.leading_zeros(), v.trailing_zeros(), v.leading_ones(), v.trailing_ones(),
                    v.count_ones(), v.count_zeros());
                println!("  swap={:#x} rev={:#x} be={:#x} le={:#x}", v.swap_bytes(), v.reverse_bits(), v.to_be(), v.to_le());
                for r in [0u32, 1, 3, 7, 8, 13, $t::BITS - 1, $t::BITS, $t::BITS + 5] {
                    let r = black_box(r);
                    print!(" rl{}={:#x} rr{}={:#x}", r, v.rotate_left(r), r, v.rotate_right(r));
                }
                println!();
                println!("  not={:#x} and={:#x} or={:#x} xor={:#x}", !v, v & black_box(0x3c as $t), v | black_box(0x11 as $t), v ^ black_box($t::MAX));
                println!("  bytes_le={:?} bytes_be={:?}", v.to_le_bytes(), v.to_be_bytes());
                println!("  from_be={:#x} is_pow2={}", $t::from_be_bytes(v.to_le_bytes()), (v as u128).is_power_of_two());
            }
        }
    )*};
}

fn main() {
    bits!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
}
