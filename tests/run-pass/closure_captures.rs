// Closures capturing by reference, by mutable reference, by move (incl. partial moves and Copy types), returned closures, and closure sizes.
use std::hint::black_box;

fn make_adder(n: i32) -> impl Fn(i32) -> i32 { move |x| x + n }
fn make_counter() -> impl FnMut() -> u32 { let mut c = 0; move || { c += 1; c } }
fn call_twice<F: FnMut(u8) -> u8>(mut f: F) -> (u8, u8) { (f(1), f(2)) }

struct Pair { a: String, b: Vec<u32> }

fn main() {
    let base = black_box(10);
    let by_ref = |x: i32| x * base;
    println!("{} {}", by_ref(3), by_ref(4));
    let mut total = 0i64;
    let mut add = |x: i64| total += x;
    for i in 0..black_box(10) { add(i); }
    println!("total {}", total);
    let s = String::from("owned");
    let moved = move || s.len() + 1;
    println!("moved {}", moved());
    let add5 = make_adder(black_box(5));
    let add7 = make_adder(7);
    println!("{} {}", add5(1), add7(add5(1)));
    let mut c1 = make_counter();
    let mut c2 = make_counter();
    println!("{} {} {} {}", c1(), c1(), c2(), c1());
    let mut state = 100u8;
    println!("{:?}", call_twice(|x| { state = state.wrapping_mul(3).wrapping_add(x); state }));
    println!("state {}", state);
    let p = Pair { a: "field a".into(), b: vec![1, 2, 3] };
    let take_a = move || p.a.to_uppercase();
    println!("{} {:?}", take_a(), p.b);
    let v = vec![black_box(1.5f64), 2.5, -3.0];
    let scale = 2.0;
    let scaled: Vec<f64> = v.iter().map(|x| x * scale).collect();
    let sum_by_ref = || v.iter().sum::<f64>();
    println!("{:?} {}", scaled, sum_by_ref());
    let x = 1u8; let y = 2u64; let z = [0u16; 10];
    let cl = move || (x as u64 + y, z.len());
    println!("sizes {} {} {} {:?}", size_of_val(&by_ref), size_of_val(&moved), size_of_val(&cl), cl());
    let nested = |a: i32| move |b: i32| move |c: i32| a * 100 + b * 10 + c;
    println!("{}", nested(1)(2)(black_box(3)));
}
