// assert_ne!/assert! with float values in the panic message, reached only after computing and printing several floats.
use std::hint::black_box;

fn main() {
    let mut x = black_box(1.0f64);
    for _ in 0..5 {
        x = x * 0.5 + 0.25;
        println!("{:?}", x);
    }
    assert!(x > 0.5, "x too small: {:e}", x);
    assert_ne!(x.to_bits() & 0, 0, "bits of {} masked to zero", x);
}
