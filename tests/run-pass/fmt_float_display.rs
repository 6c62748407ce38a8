// Display/Debug of many floats: shortest round-trip repr, large/small exponents, f32 vs f64 of the same value, integers as floats, precision rounding.
use std::hint::black_box;

fn main() {
    let mut x = black_box(1.0f64);
    for _ in 0..40 {
        println!("{} {:?} {:.5} {}", x, x, x, x as f32);
        x *= -7.3;
    }
    let mut y = black_box(1.0f64);
    for _ in 0..30 {
        y /= 9.7;
        println!("{} {:?} {:e}", y, y, y as f32);
    }
    for v in [black_box(0.1f64 + 0.2), 100.0, 1e15, 1e16, 1e17, 123456789012345680.0, 0.3, 2.0f64.powi(60), 2.0f64.powi(-60)] {
        println!("{} {:?} {:.20}", v, v, v);
    }
    for v in [black_box(0.1f32 + 0.2), 16777216.0, 1e10, 0.3, 3.0e-39] {
        println!("{} {:?} {:.12}", v, v, v);
    }
    for p in 0..10 {
        println!("{:.*}", p, black_box(2.0f64 / 3.0));
    }
    println!("{:.3} {:.3} {:.3}", 1.0005f64, 1.0015f64, 2.0005f64);
}
