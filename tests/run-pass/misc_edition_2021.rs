// Edition 2021 semantics: closures capture disjoint fields, IntoIterator for arrays, `dyn` required, panic!("{}") formatting.
//@ edition: 2021
use std::hint::black_box;

struct S { a: String, b: Vec<u8> }

fn main() {
    let mut s = S { a: String::from("a"), b: vec![1, 2] };
    let mut push_b = || s.b.push(black_box(3));
    push_b();
    let len_a = s.a.len();
    push_b();
    println!("{} {:?}", len_a, s.b);
    let arr = [String::from("x"), String::from("y")];
    for v in arr.into_iter() { let owned: String = v; print!("{} ", owned); }
    println!();
    let boxed: Box<dyn Fn(i32) -> i32> = Box::new(|x| x + 1);
    println!("{}", boxed(black_box(41)));
    let r#try = 5;
    println!("{}", r#try);
}
