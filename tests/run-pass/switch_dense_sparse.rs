// match on dense ranges (jump tables) and sparse values (binary search / compare chains) for u8/i32/u64, with fallthrough defaults.
use std::hint::black_box;

#[inline(never)]
fn dense(x: u8) -> u32 {
    match x {
        0 => 100, 1 => 101, 2 => 205, 3 => 7, 4 => 9999, 5 => 3, 6 => 66, 7 => 1, 8 => 0, 9 => 42,
        10 => 11, 11 => 12, 12 => 1300, 13 => 14, 14 => 15, 15 => 0xffff_ffff,
        _ => 5,
    }
}

#[inline(never)]
fn sparse(x: i32) -> &'static str {
    match x {
        -1_000_000 => "neg-million", -7 => "neg-seven", 0 => "zero", 13 => "thirteen", 255 => "byte", 256 => "byte+1",
        65_537 => "fermat", 1_000_003 => "prime", i32::MAX => "max", i32::MIN => "min",
        _ => "other",
    }
}

#[inline(never)]
fn sparse64(x: u64) -> u8 {
    match x {
        1 => 1, 1024 => 2, 1048576 => 3, 8589934592 => 4, 140737488355328 => 5, 9223372036854775808 => 6, u64::MAX => 7, 0xdead_beef => 8,
        _ => 0,
    }
}

#[inline(never)]
fn ranges(x: i64) -> u8 {
    match x {
        i64::MIN..=-1_000 => 0, -999..=-1 => 1, 0 => 2, 1..=9 => 3, 10..=99 => 4, 100..=999 => 5, 1_000..=i64::MAX => 6,
    }
}

#[inline(never)]
fn signed_small(x: i8) -> i8 {
    match x { -128 => 1, -3 => 2, -2 => 3, -1 => 4, 0 => 5, 1 => 6, 2 => 7, 127 => 8, _ => 0 }
}

#[inline(never)]
fn bool_pair(a: bool, b: bool, c: Option<bool>) -> u8 {
    match (a, b, c) {
        (true, true, Some(true)) => 1, (true, _, None) => 2, (false, true, Some(false)) => 3, (_, false, _) => 4, _ => 5,
    }
}

fn main() {
    let d: Vec<u32> = (0..=20u8).map(|x| dense(black_box(x))).collect();
    println!("{:?}", d);
    let mut total = 0u64;
    for x in 0..=255u8 { total += dense(black_box(x)) as u64; }
    println!("dense total {}", total);
    for x in [-1_000_000, -7, -6, 0, 13, 14, 255, 256, 257, 65_537, 1_000_003, i32::MAX, i32::MIN, i32::MIN + 1] {
        print!("{} ", sparse(black_box(x)));
    }
    println!();
    for s in [0u32, 1, 10, 20, 33, 47, 63] { print!("{} ", sparse64(black_box(1u64 << s))); }
    println!("{} {} {}", sparse64(black_box(u64::MAX)), sparse64(black_box(0xdead_beef)), sparse64(black_box(3)));
    for x in [i64::MIN, -1000, -999, -1, 0, 1, 9, 10, 99, 100, 999, 1000, i64::MAX] { print!("{} ", ranges(black_box(x))); }
    println!();
    println!("{:?}", (-128..=127i16).map(|x| signed_small(black_box(x as i8)) as i32).sum::<i32>());
    for a in [false, true] { for b in [false, true] { for c in [None, Some(false), Some(true)] { print!("{}", bool_pair(black_box(a), b, c)); } } }
    println!();
}
