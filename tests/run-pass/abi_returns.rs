// Various return types: tuples of mixed scalars, (f64,f64), (u8,f32), arrays, Option<u64>, Result<(u64,u64),E>, bool, char, unit, i128 pairs.
use std::hint::black_box;

#[inline(never)] fn ff(x: f64) -> (f64, f64) { (x.sqrt(), x * x) }
#[inline(never)] fn bf(x: u8) -> (u8, f32) { (x.wrapping_mul(3), x as f32 / 4.0) }
#[inline(never)] fn fb(x: f32) -> (f32, bool, u8) { (x * 2.0, x > 1.0, x as u8) }
#[inline(never)] fn arr(x: u32) -> [u32; 5] { [x, x + 1, x.wrapping_mul(2), x.rotate_left(9), !x] }
#[inline(never)] fn arr_small(x: u8) -> [u8; 3] { [x, x ^ 0x55, x.wrapping_add(200)] }
#[inline(never)] fn opt(x: u64) -> Option<u64> { if x & 1 == 1 { Some(x * 3 + 1) } else { None } }
#[inline(never)] fn res(x: u64) -> Result<(u64, u64), String> { if x < 10 { Ok((x, x * x)) } else { Err(format!("too big: {}", x)) } }
#[inline(never)] fn res_small(x: i32) -> Result<i32, u8> { if x >= 0 { Ok(x) } else { Err((-x) as u8) } }
#[inline(never)] fn pair128(x: i128) -> (i128, u128) { (x.wrapping_neg(), x as u128 >> 3) }
#[inline(never)] fn ch(x: u32) -> char { char::from_u32(x).unwrap_or('?') }
#[inline(never)] fn boolean(x: i64) -> bool { x.count_ones() % 2 == 1 }
#[inline(never)] fn unit(x: &mut u32) { *x += 1; }
#[inline(never)] fn triple(x: i16) -> (i16, i32, i64) { (x, x as i32 * 10000, x as i64 * 10_000_000_000) }
#[inline(never)] fn ff32(x: f32) -> (f32, f32, f32, f32) { (x, -x, x * x, 1.0 / x) }
#[inline(never)] fn nested(x: u16) -> ((u8, u16), (f64, (u32, i8))) { ((x as u8, x), (x as f64 * 0.5, (x as u32 * 7, x as i8))) }
#[inline(never)] fn slice_ret(v: &[i32]) -> &[i32] { &v[1..v.len() - 1] }
#[inline(never)] fn str_ret(b: bool) -> &'static str { if b { "yes" } else { "no" } }

fn main() {
    println!("{:?} {:?}", ff(black_box(2.0)), ff(black_box(1e-320)));
    println!("{:?} {:?}", bf(black_box(77)), fb(black_box(3.75)));
    println!("{:?} {:?}", arr(black_box(0x8000_0001)), arr_small(black_box(100)));
    println!("{:?} {:?}", opt(black_box(7)), opt(black_box(8)));
    println!("{:?} {:?}", res(black_box(9)), res(black_box(11)));
    println!("{:?} {:?}", res_small(black_box(5)), res_small(black_box(-200)));
    println!("{:?}", pair128(black_box(i128::MIN + 12345)));
    println!("{:?} {:?} {:?}", ch(black_box(0x263A)), ch(black_box(0xD800)), ch(black_box(65)));
    println!("{} {}", boolean(black_box(7)), boolean(black_box(-1)));
    let mut c = 0;
    for _ in 0..black_box(10) { unit(&mut c); }
    println!("{}", c);
    println!("{:?} {:?}", triple(black_box(-32768)), ff32(black_box(-0.5)));
    println!("{:?}", nested(black_box(0xabcd)));
    println!("{:?} {}", slice_ret(&[1, 2, 3, 4, black_box(5)]), str_ret(black_box(true)));
}
