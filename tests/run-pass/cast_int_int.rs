// `as` casts between every pair of integer widths (truncation, sign- and zero-extension).
use std::hint::black_box;

macro_rules! from_to {
    ($v:expr, $from:ident => $($to:ident),*) => {{
        let v: $from = black_box($v);
        print!("{} {:>40}:", stringify!($from), v);
        $( print!(" {}", v as $to); )*
        println!();
    }};
}

macro_rules! all_from {
    ($($from:ident),*) => {$(
        for v in [0 as $from, 1, $from::MAX, $from::MIN, $from::MAX / 3, ($from::MAX / 2).wrapping_add(1), (0xfedc_ba98_7654_3210_0123_4567_89ab_cdefu128 as $from)] {
            from_to!(v, $from => u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
        }
    )*};
}

fn main() {
    all_from!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    // chained casts
    let x = black_box(-1i8);
    println!("{} {} {} {}", x as u8 as u32, x as i32 as u32, x as u16 as i64, x as i128 as u128 >> 100);
    let y = black_box(0x1_8000_0000u64);
    println!("{} {} {}", y as i32, y as u32 as i32 as i64, (y as i16) as u128);
    // bool and char
    println!("{} {} {} {}", black_box(true) as u8, black_box(false) as i64, black_box('\u{10FFFF}') as u32, black_box('é') as u8);
    println!("{:?} {:?} {:?}", black_box(65u8) as char, char::from_u32(black_box(0xD800)), char::from_u32(black_box(0x1F600)));
    // TryFrom
    println!("{:?} {:?} {:?} {:?}", u8::try_from(black_box(256i32)).is_err(), i8::try_from(black_box(-128i64)), u32::try_from(black_box(-1i8)).is_err(), i128::try_from(black_box(u128::MAX)).is_err());
}
