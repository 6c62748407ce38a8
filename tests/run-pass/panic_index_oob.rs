// Out-of-bounds indexing on a Vec panics with the index/len message; the panic unwinds out of main (exit status 101).
use std::hint::black_box;

fn main() {
    let v: Vec<u32> = (0..10).collect();
    let mut sum = 0;
    for i in 0..black_box(12usize) {
        sum += v[i];
        println!("i={} sum={}", i, sum);
    }
}
