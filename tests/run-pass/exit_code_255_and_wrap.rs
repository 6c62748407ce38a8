// process::exit with codes > 255 (truncated to 8 bits by the OS) chosen at runtime from computed data.
use std::hint::black_box;

fn main() {
    let v: Vec<i32> = (1..=10).map(|x| black_box(x)).collect();
    let code = v.iter().sum::<i32>() * 5 + 1; // 276 -> 20
    println!("exiting with {}", code);
    std::process::exit(code);
}
