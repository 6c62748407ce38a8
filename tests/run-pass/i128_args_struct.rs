// i128/u128 as function arguments, return values, struct fields, in arrays and in Option/Result.
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Wide {
    a: u8,
    b: i128,
    c: u16,
    d: u128,
}

#[inline(never)]
fn mix(a: i128, b: u64, c: u128, d: i8, e: i128, f: u32, g: u128) -> (i128, u128) {
    (a.wrapping_mul(d as i128) ^ e.rotate_left(f), c.wrapping_add(g).wrapping_sub(b as u128))
}

#[inline(never)]
fn make(x: u128) -> Wide {
    Wide { a: x as u8, b: -(x as i128), c: (x >> 8) as u16, d: x.wrapping_mul(3) }
}

#[inline(never)]
fn sum(ws: &[Wide]) -> u128 {
    ws.iter().map(|w| w.d ^ w.b as u128).fold(0u128, |a, b| a.wrapping_add(b))
}

#[inline(never)]
fn opt(x: i128) -> Option<i128> {
    if x > 0 { Some(x * 2) } else { None }
}

#[inline(never)]
fn res(x: u128) -> Result<u128, i128> {
    if x % 2 == 0 { Ok(x / 2) } else { Err(-(x as i128)) }
}

fn main() {
    println!("{:?}", mix(black_box(i128::MIN + 7), black_box(99), black_box(u128::MAX), black_box(-3), black_box(0x1234 << 80), black_box(33), black_box(5)));
    let ws: Vec<Wide> = (0..10u128).map(|i| make(black_box(i * 0x1_0000_0000_0001_0001 + 77))).collect();
    for w in &ws {
        println!("{:?}", w);
    }
    println!("sum {}", sum(&ws));
    println!("size {} align {}", std::mem::size_of::<Wide>(), std::mem::align_of::<Wide>());
    println!("{:?} {:?}", opt(black_box(i128::MAX / 2)), opt(black_box(-5)));
    println!("{:?} {:?}", res(black_box(1 << 100)), res(black_box(u128::MAX)));
    let arr = [black_box(1i128), 2, 3, i128::MAX];
    let total: i128 = arr.iter().map(|x| x / 2).sum();
    println!("{}", total);
    let mut sorted = vec![black_box(5u128), u128::MAX, 0, 1 << 64, 3];
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    println!("{:?}", sorted);
    println!("{:?}", std::mem::size_of::<Option<u128>>());
}
