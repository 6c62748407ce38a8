// Saturating float->int `as` casts for every width: NaN, +-inf, out-of-range, fractions, -0.0, and exact edges.
use std::hint::black_box;

macro_rules! to_ints {
    ($f:expr) => {{
        let f = black_box($f);
        println!("{:e}: u8={} i8={} u16={} i16={} u32={} i32={} u64={} i64={} u128={} i128={} usize={} isize={}", f,
            f as u8, f as i8, f as u16, f as i16, f as u32, f as i32, f as u64, f as i64, f as u128, f as i128, f as usize, f as isize);
    }};
}

fn main() {
    let vals64 = [0.0f64, -0.0, 0.9999, -0.9999, 1.5, -1.5, 127.0, 127.9, 128.0, -128.0, -128.9, -129.0, 255.5, 256.0, 65535.0, 65536.0,
        -32768.5, 2147483647.0, 2147483648.0, -2147483648.9, -2147483649.0, 4294967295.9, 4294967296.0, 9223372036854775807.0,
        -9223372036854775808.0, 18446744073709551615.0, 18446744073709551616.0, 1.7014118346046923e38, 3.402823669209385e38,
        1e300, -1e300, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::NAN, 5e-324, f64::MAX, f64::MIN];
    for v in vals64 {
        to_ints!(v);
    }
    let vals32 = [0.0f32, -0.5, 127.5, 255.99, 256.0, -129.0, 2147483520.0, 2147483648.0, 4294967040.0, 4294967296.0,
        9.223372e18, 1.8446743e19, 1.8446744e19, 3.4028235e38, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, 1e-45];
    for v in vals32 {
        to_ints!(v);
    }
    // unchecked conversion only on in-range values
    let ok = black_box(1234.9f64);
    let u: u16 = unsafe { ok.to_int_unchecked() };
    let i: i8 = unsafe { black_box(-100.7f32).to_int_unchecked() };
    println!("unchecked {} {}", u, i);
}
