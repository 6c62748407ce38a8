// compile-flags turn on overflow checks even at O2: checked arithmetic panics identically at every opt level.
//@ compile-flags: -Coverflow-checks=on
use std::hint::black_box;

fn main() {
    let mut acc: i16 = black_box(32000);
    for i in 0..10i16 {
        println!("acc {}", acc);
        acc += black_box(i * 100);
    }
}
