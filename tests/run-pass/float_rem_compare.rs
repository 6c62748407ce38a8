// Float remainder (fmod semantics), rem_euclid/div_euclid, comparisons in branches and loops, float-keyed selects.
use std::hint::black_box;

#[inline(never)]
fn classify(x: f64) -> &'static str {
    if x < -1.0 { "lt-1" } else if x <= 0.0 { "le0" } else if x == 1.0 { "one" } else if x > 1e10 { "huge" } else if x != x { "nan" } else { "other" }
}

fn main() {
    let nums = [5.5f64, -5.5, 1e20, -0.0, 7.0, 0.3, 1e-310, f64::INFINITY];
    let dens = [2.0f64, -2.0, 0.1, 3.0, 1e-300, f64::INFINITY, 0.0];
    for n in nums {
        for d in dens {
            let (n, d) = (black_box(n), black_box(d));
            let r = n % d;
            let e = n.rem_euclid(d);
            let q = n.div_euclid(d);
            println!("{:?} % {:?} = {} / {} / {}", n, d, if r.is_nan() { "NaN".into() } else { format!("{:?}", r) },
                if e.is_nan() { "NaN".into() } else { format!("{:?}", e) }, if q.is_nan() { "NaN".into() } else { format!("{:?}", q) });
        }
    }
    for x in [black_box(-5.0f64), -1.0, 0.0, -0.0, 1.0, 2.0, 1e11, f64::NAN] {
        println!("{:?} -> {}", x, classify(x));
    }
    let mut count = 0;
    let mut x = black_box(0.0f32);
    while x < 1.0 {
        x += 0.1;
        count += 1;
    }
    println!("loop count {} x={:?}", count, x);
    let a = [black_box(1.0f32), f32::NAN, -1.0];
    for v in a {
        let sel = if v > 0.0 { 10 } else if v <= 0.0 { 20 } else { 30 };
        let sel2 = if !(v <= 0.0) { 1 } else { 2 };
        println!("{:?} {} {}", v, sel, sel2);
    }
    println!("f32 rem {:?} {:?} {:?}", black_box(7.5f32) % 2.0, black_box(-7.5f32) % 2.0, black_box(1e10f32).rem_euclid(3.0));
}
