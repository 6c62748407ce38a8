// f128 comparisons (soft-float libcalls returning a C int): ordering, equality, NaN unordered, signed zeros, values differing only in low mantissa bits, min/max.
#![feature(f128)]
use std::hint::black_box;

fn main() {
    let one = black_box(1.0f128);
    let tiny = black_box(f128::from_bits(1)); // smallest subnormal
    let next = black_box(f128::from_bits(1.0f128.to_bits() + 1));
    let vals = [black_box(-2.5f128), black_box(-0.0), black_box(0.0), tiny, one, next, black_box(f128::INFINITY), black_box(f128::NAN)];
    for (i, a) in vals.iter().enumerate() {
        let mut row = String::new();
        for b in &vals {
            let c = match a.partial_cmp(b) {
                Some(std::cmp::Ordering::Less) => '<',
                Some(std::cmp::Ordering::Equal) => '=',
                Some(std::cmp::Ordering::Greater) => '>',
                None => '?',
            };
            row.push(c);
            row.push(if a < b { 'l' } else { '-' });
            row.push(if a <= b { 'e' } else { '-' });
            row.push(if a == b { 'q' } else { '-' });
            row.push(if a != b { 'n' } else { '-' });
            row.push(' ');
        }
        println!("{i}: {row}");
    }
    println!("{} {}", (one.max(next) == next), (one.min(next) == one));
    println!("{} {}", (one + tiny) as f64, (next - one) > black_box(0.0));
}
