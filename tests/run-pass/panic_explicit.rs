// Explicit panic! with a formatted message after some output: aborts with SIGABRT.
use std::hint::black_box;

fn main() {
    let v = black_box(41);
    println!("before panic: {}", v + 1);
    if black_box(true) {
        panic!("explicit panic with value {} and {:?}", v, "text");
    }
    println!("unreachable");
}
