// Option::unwrap on None and Result::expect on Err panic with the standard messages and caller location.
use std::hint::black_box;

fn lookup(k: u32) -> Option<&'static str> {
    match k { 1 => Some("one"), 2 => Some("two"), _ => None }
}

fn main() {
    for k in 1..=2 {
        println!("{}", lookup(black_box(k)).unwrap());
    }
    let r: Result<u8, String> = "300".parse::<u8>().map_err(|e| e.to_string());
    println!("parsed: {:?}", r);
    if black_box(false) {
        r.clone().expect("never");
    }
    println!("{}", lookup(black_box(3)).unwrap());
}
