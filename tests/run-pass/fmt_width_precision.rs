// Formatting specs: width/fill/alignment ({:>8.3}, {:*^12}, {:<+10}), runtime width/precision args, named args, inline captures.
use std::hint::black_box;

fn main() {
    let pi = black_box(3.14159265358979f64);
    let n = black_box(-42i32);
    let s = black_box("rust");
    println!("[{:>8.3}] [{:<8.3}] [{:^8.3}] [{:08.3}] [{:+.2}]", pi, pi, pi, pi, pi);
    println!("[{:*^12}] [{:->10}] [{:_<10}] [{:#>4}]", s, s, s, "toolong");
    println!("[{:5}] [{:<5}] [{:^5}] [{:>5}] [{:05}] [{:+}] [{:+05}]", n, n, n, n, n, 7, 7);
    let (w, p) = (black_box(12usize), black_box(4usize));
    println!("[{:w$.p$}] [{:>w2$}] [{:.*}] [{:>width$.prec$e}]", pi, s, 3, pi, 1234.5678, width = 14, prec = 2, w2 = black_box(9));
    println!("[{0}-{1}-{0}] [{a} {b:?} {a:>4}]", 1, 2, a = "A", b = 'b');
    let val = black_box(255u8);
    println!("[{val}] [{val:#x}] [{val:08b}] [{val:>6o}] [{pi:.1}] [{s:?}]");
    println!("[{:.0}] [{:.0}] [{:.0}] [{:.1}] [{:.1}]", 0.5f64, 1.5f64, 2.5f64, 0.05f64, 0.25f64);
    println!("[{:10.3?}] [{:?}] [{:.2?}]", black_box(1.0f32 / 3.0), (1.5, "x"), [0.125f64, 9.999]);
    println!("[{:>10}] [{:<10}] [{:^10?}]", true, 'c', ());
    println!("[{:^9.2}] [{:>+9.1}] [{:<09.4}]", -0.0f64, f64::INFINITY, f64::NAN);
    for i in 0..5 {
        let x = black_box(10f64.powi(i * 3 - 6));
        println!("{:>14.4} {:>12e} {:<10.3e} {:?}", x, x, x, x);
    }
    println!("{{literal braces}} {:5}|{:<5}|", "", "ab");
    println!("{:?} {:?}", format!("{:>w$}", "x", w = black_box(3)), format_args!("{} {}", 1, 2).to_string());
}
