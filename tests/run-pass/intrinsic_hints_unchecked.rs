// black_box, hint::assert_unchecked, unreachable_unchecked on impossible paths, unchecked_add/mul/shl within range, likely-shaped branches, select_unpredictable.
use std::hint::{self, black_box};

#[inline(never)]
fn safe_div(a: u32, b: u32) -> u32 {
    if b == 0 { return 0; }
    unsafe { hint::assert_unchecked(b != 0); }
    a / b
}

#[inline(never)]
fn idx(v: &[u64], i: usize) -> u64 {
    if i < v.len() {
        unsafe { hint::assert_unchecked(i < v.len()); }
        v[i]
    } else {
        0
    }
}

#[inline(never)]
fn classify(x: u8) -> u8 {
    match x % 3 {
        0 => 10,
        1 => 20,
        2 => 30,
        _ => unsafe { hint::unreachable_unchecked() },
    }
}

fn main() {
    let mut acc = 0u64;
    for i in 0..black_box(1000u32) {
        acc += safe_div(black_box(i * 7 + 1), black_box(i % 13)) as u64;
        acc += classify(black_box(i as u8)) as u64;
    }
    println!("acc {}", acc);
    let v: Vec<u64> = (0..10).map(|x| x * x).collect();
    println!("{} {} {}", idx(&v, black_box(3)), idx(&v, black_box(9)), idx(&v, black_box(10)));
    let a = black_box(1_000_000u32);
    let b = black_box(4000u32);
    let s = unsafe { a.unchecked_add(b) };
    let m = unsafe { a.unchecked_mul(b) };
    let sh = unsafe { 1u64.unchecked_shl(black_box(40)) };
    let sub = unsafe { black_box(-5i64).unchecked_sub(black_box(10)) };
    println!("{} {} {} {}", s, m, sh, sub);
    let picks: Vec<i32> = (0..8).map(|i| hint::select_unpredictable(black_box(i % 3 == 0), i * 100, -i)).collect();
    println!("{:?}", picks);
    let bb_vec = black_box(vec![1u8, 2, 3]);
    println!("{:?} {}", bb_vec, black_box(std::f64::consts::PI).to_bits());
    let mut spins = 0;
    for _ in 0..10 { hint::spin_loop(); spins += 1; }
    println!("spins {}", spins);
}
