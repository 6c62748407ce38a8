// Slicing out of range / inverted ranges and str char-boundary slicing panic with precise messages.
use std::hint::black_box;

fn main() {
    let s = "héllo wörld";
    println!("{}", &s[black_box(0)..1]);
    println!("{}", &s[black_box(1)..3]);
    let v = [1u8, 2, 3, 4, 5];
    println!("{:?}", &v[black_box(2)..]);
    let (a, b) = (black_box(4usize), black_box(2usize));
    if black_box(s.len()) > 100 {
        println!("{:?}", &v[a..b]);
    }
    println!("{}", &s[black_box(2)..4]);
}
