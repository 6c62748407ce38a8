// i128/u128 shifts by variable amounts (0..=127), rotations, casts to and from every width and floats.
use std::hint::black_box;

fn main() {
    let a: u128 = black_box(0x8123_4567_89ab_cdef_0011_2233_4455_6677);
    let b: i128 = black_box(-0x7123_4567_89ab_cdef_0011_2233_4455_6677);
    for s in 0..128u32 {
        let s = black_box(s);
        println!("{:3} {:032x} {:032x} {:032x} {:032x} {:032x}", s, a << s, a >> s, b << s, b >> s, a.rotate_left(s));
    }
    println!("{:x} {:x}", a.swap_bytes(), a.reverse_bits());
    macro_rules! casts {
        ($v:expr; $($t:ident),*) => {$(
            print!("{}={} ", stringify!($t), $v as $t);
        )*};
    }
    for v in [black_box(a), u128::MAX, 1, 1 << 64, (1 << 63) + 5] {
        casts!(v; u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize, f32, f64);
        println!();
    }
    for v in [black_box(b), i128::MIN, i128::MAX, -1, -(1 << 64)] {
        casts!(v; u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize, f32, f64);
        println!();
    }
    for v in [black_box(-1i8 as i128), -1i64 as i128, u64::MAX as i128, i64::MIN as i128, -1i32 as u128 as i128] {
        println!("{} {:#x}", v, v);
    }
    for f in [black_box(1.5e38f64), -1.7e38, 3.4e38, f64::INFINITY, f64::NAN, -0.9, 1e19, 18446744073709551616.0, 1.2345678901234567e30] {
        println!("{:e} -> i128 {} u128 {} f32->u128 {}", f, f as i128, f as u128, (f as f32) as u128);
    }
}
