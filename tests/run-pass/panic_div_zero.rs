// Integer division by zero panics (always, regardless of opt level), after printing remainder results.
use std::hint::black_box;

fn main() {
    let nums = [black_box(100i32), 7, -9];
    let dens = [black_box(7i32), 3, 0];
    for (n, d) in nums.iter().zip(dens.iter()) {
        println!("{} % {} = {}", n, d, n.checked_rem(*d).unwrap_or(-1));
    }
    for (n, d) in nums.iter().zip(dens.iter()) {
        println!("{} / {} = {}", n, d, n / d);
    }
}
