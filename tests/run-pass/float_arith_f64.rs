// f64 +,-,*,/,% and neg on boundary values (subnormals, MIN_POSITIVE, MAX, inf, -0.0), printed with {:?} and bits.
use std::hint::black_box;

fn show(x: f64) -> String {
    if x.is_nan() {
        // The sign/payload of a NaN produced by arithmetic is not specified.
        "NaN".to_string()
    } else {
        format!("{:?}/{:#018x}", x, x.to_bits())
    }
}

fn main() {
    let vals: [f64; 14] = [
        0.0, -0.0, 1.0, -1.5, 0.1, 3.0, f64::MIN_POSITIVE, 5e-324, -2.2250738585072e-308,
        f64::MAX, f64::MIN, f64::INFINITY, f64::NEG_INFINITY, 1e300,
    ];
    for &a in &vals {
        for &b in &vals {
            let (a, b) = (black_box(a), black_box(b));
            println!("{} {}: {} {} {} {} {}", show(a), show(b), show(a + b), show(a - b), show(a * b), show(a / b), show(a % b));
        }
        let a = black_box(a);
        println!("neg {} abs {} recip {}", show(-a), show(a.abs()), show(a.recip()));
    }
    // accumulation: rounding error must match exactly
    let mut s = 0.0f64;
    let mut p = 1.0f64;
    for i in 1..=1000 {
        let x = black_box(i as f64);
        s += 1.0 / x;
        p *= 1.0 + 1.0 / (x * x);
    }
    println!("harmonic {} prod {}", show(s), show(p));
    let third = black_box(1.0f64) / black_box(3.0);
    println!("{} {} {}", show(third * 3.0), show(third + third + third), show(0.1 + 0.2));
    println!("{} {}", show(black_box(1e308) * 10.0), show(black_box(5e-324) / 2.0));
}
