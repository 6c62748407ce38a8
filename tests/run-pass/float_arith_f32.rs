// f32 arithmetic on boundary values (subnormals, MIN_POSITIVE, MAX, EPSILON, inf, -0.0) printed with {:?} and bits.
use std::hint::black_box;

fn show(x: f32) -> String {
    if x.is_nan() { "NaN".to_string() } else { format!("{:?}/{:#010x}", x, x.to_bits()) }
}

fn main() {
    let vals: [f32; 13] = [
        0.0, -0.0, 1.0, -2.5, 0.1, 7.0, f32::MIN_POSITIVE, 1e-45, f32::EPSILON,
        f32::MAX, f32::MIN, f32::INFINITY, 16777217.0,
    ];
    for &a in &vals {
        for &b in &vals {
            let (a, b) = (black_box(a), black_box(b));
            println!("{} {}: {} {} {} {} {}", show(a), show(b), show(a + b), show(a - b), show(a * b), show(a / b), show(a % b));
        }
        let a = black_box(a);
        println!("neg {} abs {} sqrt {}", show(-a), show(a.abs()), show(a.sqrt()));
    }
    let mut x = black_box(1.0f32);
    for _ in 0..200 {
        x = x * 1.1 - 0.05;
    }
    println!("iter {}", show(x));
    let mut y = black_box(0.0f32);
    for i in 0..20000 {
        y += black_box(0.0001f32) * (i % 7) as f32;
    }
    println!("sum {}", show(y));
    println!("{} {}", show(black_box(16777216.0f32) + 1.0), show(black_box(3.4e38f32) * 2.0));
}
