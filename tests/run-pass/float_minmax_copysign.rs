// min max clamp copysign abs signum with NaN and infinities, total_cmp sorting, partial_cmp.
use std::cmp::Ordering;
use std::hint::black_box;

fn main() {
    let vals: [f64; 8] = [1.0, -1.0, 2.5, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e-310, -3e200];
    for &a in &vals {
        for &b in &vals {
            let (a, b) = (black_box(a), black_box(b));
            let pc = match a.partial_cmp(&b) { Some(Ordering::Less) => "<", Some(Ordering::Equal) => "=", Some(Ordering::Greater) => ">", None => "?" };
            println!("{:?} {:?}: min={:?} max={:?} cs={:?} pc={} lt={} ge={} tc={:?}", a, b, a.min(b), a.max(b),
                a.copysign(b).abs() == a.abs(), pc, a < b, a >= b, a.total_cmp(&b));
        }
        let a = black_box(a);
        println!("{:?} signum={:?} abs={:?} clamp={:?}", a, a.signum(), a.abs(), if a.is_nan() { 0.0 } else { a.clamp(-2.0, 2.0) });
    }
    let mut v = vec![3.5f64, -0.0, 0.0, f64::NEG_INFINITY, -7.25, f64::INFINITY, 1e-300, -1e-300, 42.0];
    v.sort_by(|a, b| a.total_cmp(b));
    println!("{:?}", v);
    let bits: Vec<u64> = v.iter().map(|x| x.to_bits()).collect();
    println!("{:x?}", bits);
    let mut w = vec![2.5f32, -1.0, 0.5, f32::MAX, f32::MIN, -0.0];
    w.sort_by(|a, b| b.partial_cmp(a).unwrap());
    println!("{:?}", w);
    let m = w.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let n = w.iter().cloned().fold(f32::INFINITY, f32::min);
    println!("max {:?} min {:?}", m, n);
    println!("copysign {:?} {:?} {:?} {:?}", black_box(3.0f64).copysign(-0.0), black_box(-3.0f32).copysign(f32::INFINITY),
        black_box(0.0f64).copysign(-1.0).to_bits(), black_box(f64::INFINITY).copysign(-2.0));
}
