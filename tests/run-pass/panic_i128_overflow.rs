// i128 multiplication overflow is detected (overflow check via 128-bit overflow intrinsics) after a series of non-overflowing products.
use std::hint::black_box;

fn main() {
    let mut x: i128 = black_box(3);
    for i in 0..100 {
        println!("{} {}", i, x);
        x *= black_box(-7);
    }
}
