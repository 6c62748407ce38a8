// Parsing integers from strings (radix, signs, overflow errors) and from_str_radix on all widths.
use std::hint::black_box;

macro_rules! parse_all {
    ($($t:ident),*) => {$(
        for s in ["0", "-0", "+17", "-128", "255", "32767", "-32768", "65535", "4294967295", "-2147483648",
                  "18446744073709551615", "-9223372036854775808", "340282366920938463463374607431768211455",
                  "abc", "", "-", "1_000", " 5"] {
            let s = black_box(s);
            match s.parse::<$t>() {
                Ok(v) => println!("{} {:?} -> {}", stringify!($t), s, v),
                Err(e) => println!("{} {:?} -> err {:?}", stringify!($t), s, e.kind()),
            }
        }
        for (s, r) in [("ff", 16), ("-7f", 16), ("777", 8), ("1010", 2), ("zz", 36), ("Z", 36), ("12", 3)] {
            println!("{} radix {} {:?}: {:?}", stringify!($t), r, s, $t::from_str_radix(black_box(s), black_box(r)));
        }
    )*};
}

fn main() {
    parse_all!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
}
