// f32 math functions (sqrt powi powf exp ln sin cos floor ceil round trunc mul_add) and f32-specific rounding.
use std::hint::black_box;

fn show(x: f32) -> String {
    if x.is_nan() { "NaN".to_string() } else { format!("{:?}/{:08x}", x, x.to_bits()) }
}

fn main() {
    let vals: [f32; 12] = [0.0, -0.0, 0.5, 1.0, 2.5, -3.75, 100.0, 1e-40, 7.389056, -1e20, f32::INFINITY, f32::MAX];
    for &x in &vals {
        let x = black_box(x);
        println!("x={:?}", x);
        println!("  sqrt {} exp {} ln {} log2 {} log10 {}", show(x.sqrt()), show(x.exp()), show(x.ln()), show(x.log2()), show(x.log10()));
        println!("  sin {} cos {} tan {} atan {}", show(x.sin()), show(x.cos()), show(x.tan()), show(x.atan()));
        println!("  floor {} ceil {} round {} rte {} trunc {} fract {}", show(x.floor()), show(x.ceil()), show(x.round()),
            show(x.round_ties_even()), show(x.trunc()), show(x.fract()));
        println!("  powi3 {} powi-2 {} powf1.5 {} mul_add {} hypot {}", show(x.powi(black_box(3))), show(x.powi(black_box(-2))),
            show(x.powf(black_box(1.5))), show(x.mul_add(black_box(0.3), black_box(-0.7))), show(x.hypot(black_box(3.0))));
    }
    let mut acc = black_box(0.0f32);
    for i in 0..1000 {
        acc += (black_box(i) as f32 * 0.01).sin();
    }
    println!("sin sum {}", show(acc));
}
