// panic! with a formatted multi-line message from a nested function, assert!/assert_eq! failures print left/right values.
use std::hint::black_box;

#[inline(never)]
fn validate(v: &[i32]) {
    let sum: i32 = v.iter().sum();
    assert!(sum > 0, "sum must be positive, got {}", sum);
    assert_eq!(v.len() % 2, 0, "length {} must be even\nsecond line of message", v.len());
}

fn main() {
    validate(&[1, 2, black_box(3), 4]);
    println!("first ok");
    validate(&[black_box(5), 1, 2]);
    println!("unreachable");
}
