// f64 math functions: sqrt powi powf exp exp2 ln log2 log10 sin cos tan atan2 hypot cbrt mul_add on black-boxed inputs.
use std::hint::black_box;

fn show(x: f64) -> String {
    if x.is_nan() { "NaN".to_string() } else { format!("{:?}", x) }
}

fn main() {
    let vals: [f64; 12] = [0.0, -0.0, 0.5, 1.0, 2.0, -3.25, 10.0, 1e-300, 123.456, -1e10, f64::INFINITY, f64::NEG_INFINITY];
    for &x in &vals {
        let x = black_box(x);
        println!("x={:?}", x);
        println!("  sqrt {} cbrt {} exp {} exp2 {} expm1 {}", show(x.sqrt()), show(x.cbrt()), show(x.exp()), show(x.exp2()), show(x.exp_m1()));
        println!("  ln {} log2 {} log10 {} ln1p {} log7 {}", show(x.ln()), show(x.log2()), show(x.log10()), show(x.ln_1p()), show(x.log(black_box(7.0))));
        println!("  sin {} cos {} tan {} asin {} acos {} atan {}", show(x.sin()), show(x.cos()), show(x.tan()), show(x.asin()), show(x.acos()), show(x.atan()));
        println!("  sinh {} cosh {} tanh {} asinh {}", show(x.sinh()), show(x.cosh()), show(x.tanh()), show(x.asinh()));
        for n in [-3i32, -1, 0, 1, 2, 5, 31] {
            print!(" powi{}={}", n, show(x.powi(black_box(n))));
        }
        println!();
        for p in [-2.5f64, -1.0, 0.0, 0.5, 1.0, 3.0, 0.333] {
            print!(" powf{}={}", p, show(x.powf(black_box(p))));
        }
        println!();
        println!("  atan2 {} hypot {} mul_add {} {}", show(x.atan2(black_box(-1.5))), show(x.hypot(black_box(4.0))),
            show(x.mul_add(black_box(3.0), black_box(0.1))), show(x.sin() * x.sin() + x.cos() * x.cos()));
    }
    // fused vs unfused difference must be visible
    let a = black_box(0.1f64);
    let b = black_box(10.0f64);
    let c = black_box(-1.0f64);
    println!("fma {:e} unfused {:e}", a.mul_add(b, c), a * b + c);
    println!("consts {:?} {:?} {:?}", std::f64::consts::PI, black_box(std::f64::consts::E).ln(), std::f64::consts::SQRT_2 * std::f64::consts::SQRT_2);
}
