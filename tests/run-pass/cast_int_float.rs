// int->float `as` casts on every width (rounding to nearest-even at 2^24/2^53 edges, u64/u128 large values, negatives).
use std::hint::black_box;

macro_rules! to_floats {
    ($($t:ident),*) => {$(
        for v in [0 as $t, 1, $t::MAX, $t::MIN, $t::MAX - 1, $t::MAX / 3, (1u128 << ($t::BITS.min(25) - 1)) as $t, (16777217u128 as $t) | 1, (9007199254740993u128 as $t) | 1] {
            let v = black_box(v);
            let f = v as f32;
            let d = v as f64;
            println!("{} {}: f32 {:?} {:#x} f64 {:?} {:#x}", stringify!($t), v, f, f.to_bits(), d, d.to_bits());
        }
    )*};
}

fn main() {
    to_floats!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    // values around rounding boundaries for u64 -> f64 and u64 -> f32
    for k in [black_box(0u64), 1, 0x3ff, 0x400, 0x401, 0x7ff, 0x800, 0xc00, 0xfff] {
        let v = (1u64 << 63) | k;
        let w = (1u64 << 53) + k;
        println!("{:#x} -> {:?} {:?} | {:#x} -> {:?} {:?}", v, v as f64, v as f32, w, w as f64, w as f32);
    }
    for k in [black_box(0i64), 1, 0x1ff, 0x200, 0x201, 0x600] {
        let v = i64::MIN + k;
        println!("{} -> {:?} {:?}", v, v as f64, v as f32);
    }
    for k in [black_box(0u128), 1, 1 << 74, (1 << 75) + 1, (1 << 103) | 1] {
        let v = u128::MAX - k;
        println!("{:#x} -> {:?} {:?}", v, v as f64, v as f32);
    }
    println!("{:?} {:?}", f64::from(black_box(u32::MAX)), f32::from(black_box(-32768i16)));
}
