// Shifts by variable and constant amounts, arithmetic vs logical right shift, shifts of mixed types.
use std::hint::black_box;

macro_rules! shifts {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 5] = [1, $t::MAX, $t::MIN, 0x5a as $t, (!0 as $t) << 3];
            for &v in &vals {
                let v = black_box(v);
                for s in 0..$t::BITS {
                    let s = black_box(s);
                    print!("{:x}/{:x} ", v << s, v >> s);
                }
                println!();
                // shift amount of another type
                let s8 = black_box(3u8);
                let s64 = black_box(5i64);
                println!("{} {:#x}: <<u8 {:#x} >>i64 {:#x} const<<1 {:#x} const>>1 {:#x}", stringify!($t), v,
                    v << s8, v >> s64, v << 1, v >> 1);
                let mut m = v;
                m <<= black_box(2u16);
                m >>= black_box(1u128);
                println!("  compound {:#x}", m);
            }
        }
    )*};
}

fn main() {
    shifts!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    // unbounded-ish shifts via checked
    for s in [black_box(0u32), 31, 32, 33, 64, 127, 128] {
        println!("{} {:?} {:?} {:?}", s, 1u32.checked_shl(s), (-1i64).checked_shr(s), 1u128.checked_shl(s));
    }
}
