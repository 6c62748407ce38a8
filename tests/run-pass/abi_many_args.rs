// Functions with 12-20 mixed int/float/bool/i128 arguments (register exhaustion, stack args), direct and via fn pointers.
use std::hint::black_box;

#[inline(never)]
fn many_ints(a: u8, b: i16, c: u32, d: i64, e: u64, f: i8, g: u16, h: i32, i: usize, j: isize, k: u64, l: i64, m: u8, n: bool) -> i64 {
    println!("ints {} {} {} {} {} {} {} {} {} {} {} {} {} {}", a, b, c, d, e, f, g, h, i, j, k, l, m, n);
    a as i64 + b as i64 * 2 + c as i64 * 3 + d * 4 + (e as i64).wrapping_mul(5) + f as i64 * 6 + g as i64 * 7 + h as i64 * 8
        + i as i64 * 9 + j as i64 * 10 + (k as i64).wrapping_mul(11) + l * 12 + m as i64 * 13 + n as i64 * 14
}

#[inline(never)]
fn many_floats(a: f64, b: f32, c: f64, d: f32, e: f64, f: f32, g: f64, h: f32, i: f64, j: f32, k: f64, l: f32, m: f64, n: f32) -> f64 {
    println!("floats {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}", a, b, c, d, e, f, g, h, i, j, k, l, m, n);
    a + b as f64 * 2.0 + c * 3.0 + d as f64 * 4.0 + e * 5.0 + f as f64 * 6.0 + g * 7.0 + h as f64 * 8.0 + i * 9.0 + j as f64 * 10.0
        + k * 11.0 + l as f64 * 12.0 + m * 13.0 + n as f64 * 14.0
}

#[inline(never)]
fn mixed(a: f32, b: u8, c: f64, d: i128, e: f32, f: u16, g: f64, h: u128, i: bool, j: f64, k: i32, l: f32, m: char, n: f64, o: u64, p: f32, q: i8) -> (f64, i128) {
    println!("mixed {:?} {} {:?} {} {:?} {} {:?} {} {} {:?} {} {:?} {:?} {:?} {} {:?} {}", a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q);
    let fsum = a as f64 + c + e as f64 + g + j + l as f64 + n + p as f64;
    let isum = b as i128 + d + f as i128 + h as i128 + i as i128 + k as i128 + m as i128 + o as i128 + q as i128;
    (fsum, isum)
}

#[inline(never)]
fn pass_through(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64, g: u64, h: u64, i: u64, j: u64, k: u64, l: u64) -> [u64; 12] {
    [l, k, j, i, h, g, f, e, d, c, b, a]
}

#[inline(never)]
fn recurse(n: u32, a: f64, b: i64, c: f32, d: u8, e: f64, f: i32, g: f32, h: u64, i: f64, j: i16) -> f64 {
    if n == 0 {
        return a + b as f64 + c as f64 + d as f64 + e + f as f64 + g as f64 + h as f64 + i + j as f64;
    }
    recurse(n - 1, e, f as i64, g, d.wrapping_add(1), i, b as i32, c, h ^ n as u64, a, j.wrapping_sub(3))
}

fn main() {
    let r = many_ints(black_box(255), black_box(-32768), black_box(u32::MAX), black_box(i64::MIN / 7), black_box(u64::MAX), black_box(-128),
        black_box(65535), black_box(-1), black_box(123456), black_box(-987654), black_box(42), black_box(-42), black_box(7), black_box(true));
    println!("r {}", r);
    let f = many_floats(black_box(1.5), black_box(-2.25), black_box(1e100), black_box(f32::MIN_POSITIVE), black_box(-0.0), black_box(3.5),
        black_box(1e-300), black_box(f32::MAX), black_box(0.1), black_box(0.2), black_box(0.3), black_box(0.4), black_box(0.5), black_box(0.6));
    println!("f {:?}", f);
    let m = mixed(black_box(1.25), black_box(200), black_box(-3.5), black_box(i128::MIN + 1), black_box(0.5), black_box(60000), black_box(2.0),
        black_box(u128::MAX >> 1), black_box(true), black_box(4.5), black_box(-77), black_box(8.0), black_box('Z'), black_box(-1e10),
        black_box(1 << 50), black_box(0.03125), black_box(-100));
    println!("m {:?}", m);
    let fp: fn(u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64) -> [u64; 12] = black_box(pass_through);
    println!("{:?}", fp(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, black_box(12)));
    let mi: fn(f32, u8, f64, i128, f32, u16, f64, u128, bool, f64, i32, f32, char, f64, u64, f32, i8) -> (f64, i128) = black_box(mixed);
    println!("{:?}", mi(0.0, 1, 2.0, 3, 4.0, 5, 6.0, 7, false, 9.0, 10, 11.0, 'a', 13.0, 14, 15.0, 16));
    println!("rec {:?}", recurse(black_box(25), 1.5, -2, 3.25, 250, 5.5, -6, 7.75, 8, 9.125, 10));
}
