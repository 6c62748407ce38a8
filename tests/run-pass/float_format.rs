// Float formatting: Display, Debug, precision, width, {:e}/{:E}, signs, and round-trip parse of shortest repr.
use std::hint::black_box;

fn main() {
    let vals = [0.0f64, -0.0, 1.0, 0.1, 1.0 / 3.0, 123456789.125, 1e21, 1e-7, 5e-324, f64::MAX, f64::INFINITY, -f64::INFINITY, f64::NAN, 2.5, -1234.5678];
    for v in vals {
        let v = black_box(v);
        println!("{} | {:?} | {:.3} | {:>12.2} | {:<10.1}| {:+.4} | {:e} | {:E} | {:.2e} | {:012.3}", v, v, v, v, v, v, v, v, v, v);
        let s = format!("{:?}", v);
        let back: f64 = s.parse().unwrap();
        println!("  roundtrip {}", back.to_bits() == v.to_bits() || v.is_nan());
    }
    let vals32 = [0.1f32, 1.0 / 3.0, 16777216.0, 3.4028235e38, 1e-45, -2.5e-10];
    for v in vals32 {
        let v = black_box(v);
        println!("{} {:?} {:.10} {:e} {}", v, v, v, v, v as f64);
    }
    for s in ["1.5", "-0", "inf", "-infinity", "NaN", "1e400", "1e-400", "0x10", "2.2250738585072011e-308", ".5", "5.", "+3.25e+2"] {
        match s.parse::<f64>() {
            Ok(v) => println!("parse {:?} -> {:?} {:#x}", s, v, if v.is_nan() { 0 } else { v.to_bits() }),
            Err(e) => println!("parse {:?} -> err {}", s, e),
        }
    }
    println!("{:?} {:?}", "3.4028236e38".parse::<f32>(), "1.17549435e-38".parse::<f32>().map(|x| x.to_bits()));
}
