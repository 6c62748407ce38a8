// Arithmetic overflow: panics under debug assertions (O0), wraps at O2; output before the panic must match.
use std::hint::black_box;

fn main() {
    let mut x: u8 = black_box(250);
    for i in 0..10u8 {
        println!("x = {}", x);
        x += black_box(i);
    }
    println!("final {}", x);
}
