// Rust-defined extern "C" fns (incl. #[unsafe(no_mangle)]) called directly and through fn pointers, with scalar args of every C type and callbacks.
use std::ffi::{c_schar, c_double, c_float, c_int, c_long, c_short, c_uchar, c_uint, c_ulonglong};
use std::hint::black_box;

extern "C" fn scalars(a: c_schar, b: c_uchar, c: c_short, d: c_int, e: c_uint, f: c_long, g: c_ulonglong, h: c_float, i: c_double, j: bool) -> c_double {
    println!("scalars {} {} {} {} {} {} {} {:?} {:?} {}", a, b, c, d, e, f, g, h, i, j);
    a as f64 + b as f64 + c as f64 + d as f64 + e as f64 + f as f64 + g as f64 + h as f64 + i + j as u8 as f64
}

#[unsafe(no_mangle)]
pub extern "C" fn difftest_exported_mix(x: i64, y: f32, z: u8) -> f32 { x as f32 * y + z as f32 }

extern "C" fn apply(cb: extern "C" fn(c_int) -> c_int, n: c_int) -> c_int { let mut acc = 0; for i in 0..n { acc += cb(i); } acc }
extern "C" fn square(x: c_int) -> c_int { x * x }
extern "C" fn cube(x: c_int) -> c_int { x * x * x }

extern "C" fn ret_small(x: u8) -> u8 { x.wrapping_mul(7) }
extern "C" fn ret_i16(x: i16) -> i16 { x.wrapping_neg() }
extern "C" fn ret_bool(x: u32) -> bool { x.is_power_of_two() }
extern "C" fn ret_f32(x: f32, y: f32, z: f32, w: f32, v: f32, u: f32, t: f32, s: f32, r: f32, q: f32) -> f32 { x - y + z - w + v - u + t - s + r - q }

unsafe extern "C" {
    #[link_name = "difftest_exported_mix"]
    fn imported_mix(x: i64, y: f32, z: u8) -> f32;
}

fn main() {
    let r = scalars(black_box(-5), 250, -30000, i32::MIN, u32::MAX, i64::MIN, u64::MAX, 1.5, -2.25e-300, true);
    println!("sum {:e}", r);
    let fp: extern "C" fn(c_schar, c_uchar, c_short, c_int, c_uint, c_long, c_ulonglong, c_float, c_double, bool) -> c_double = black_box(scalars);
    println!("via ptr {:?}", fp(1, 2, 3, 4, 5, 6, 7, 8.0, 9.0, false));
    println!("{} {}", difftest_exported_mix(black_box(-3), 2.5, 200), unsafe { imported_mix(black_box(10), 0.1, 1) });
    println!("{} {}", apply(square, black_box(10)), apply(black_box(cube), 10));
    let cbs: [extern "C" fn(c_int) -> c_int; 2] = [square, cube];
    println!("{:?}", cbs.iter().map(|f| apply(*f, 5)).collect::<Vec<_>>());
    println!("{} {} {} {}", ret_small(black_box(200)), ret_i16(black_box(i16::MIN)), ret_bool(black_box(64)), ret_bool(black_box(65)));
    println!("{:?}", ret_f32(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, black_box(10.5)));
}
