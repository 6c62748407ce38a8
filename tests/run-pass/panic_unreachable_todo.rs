// unreachable!() with a message inside a match on computed data; exercises the panic path from a deeply nested call.
use std::hint::black_box;

fn classify(n: u32) -> &'static str {
    match n % 4 {
        0 => "zero",
        1 => "one",
        2 => "two",
        3 if n < 10 => "three-small",
        r => unreachable!("remainder {} for n={} is not handled", r, n),
    }
}

fn deep(n: u32, depth: u32) -> &'static str {
    if depth == 0 { classify(n) } else { deep(n, depth - 1) }
}

fn main() {
    for n in [0, 1, 2, 3, 7, 8, 11, 12] {
        println!("{} {}", n, deep(black_box(n), 20));
    }
}
