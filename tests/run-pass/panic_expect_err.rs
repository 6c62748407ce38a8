// Result::expect on Err with a Debug-printed custom error type.
#![allow(dead_code)]
use std::hint::black_box;

#[derive(Debug)]
enum E { Bad { code: i32, why: String } }

fn check(x: i32) -> Result<i32, E> {
    if x > 2 { Err(E::Bad { code: x, why: format!("{} too large", x) }) } else { Ok(x * 10) }
}

fn main() {
    for x in 0..5 {
        let v = check(black_box(x)).expect("check failed");
        println!("ok {}", v);
    }
}
