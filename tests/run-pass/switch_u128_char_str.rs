// match on u128/i128 values and ranges, chars (incl. ranges of Unicode), &str literals, slices patterns, and tuples of enums.
use std::hint::black_box;

#[inline(never)]
fn m128(x: u128) -> u32 {
    match x {
        0 => 0, 1 => 1, 0xffff_ffff_ffff_ffff => 2, 0x1_0000_0000_0000_0000 => 3, u128::MAX => 4,
        0x8000_0000_0000_0000_0000_0000_0000_0000 => 5, 12345678901234567890123456789 => 6,
        2..=1000 => 7, 1001..=0xffff_ffff_ffff_fffe => 8,
        _ => 9,
    }
}

#[inline(never)]
fn mi128(x: i128) -> i8 {
    match x { i128::MIN => -2, -1 => -1, 0 => 0, i128::MAX => 2, -100..=-2 => -3, 1..=100 => 3, _ => 9 }
}

#[inline(never)]
fn mchar(c: char) -> &'static str {
    match c {
        'a'..='z' => "lower", 'A'..='Z' => "upper", '0'..='9' => "digit", ' ' | '\t' | '\n' => "space",
        'α'..='ω' => "greek", '\u{4e00}'..='\u{9fff}' => "cjk", '🦀' => "crab", '\0' => "nul", _ => "other",
    }
}

#[inline(never)]
fn mstr(s: &str) -> u8 {
    match s { "" => 0, "a" => 1, "ab" => 2, "abc" => 3, "hello" => 4, "hellp" => 5, "日本" => 6, _ => 9 }
}

#[inline(never)]
fn mslice(v: &[i32]) -> String {
    match v {
        [] => "empty".into(),
        [x] => format!("one {}", x),
        [first, .., last] if first == last => format!("same ends {}", first),
        [1, rest @ ..] => format!("starts with 1, {} more", rest.len()),
        [.., -1] => "ends with -1".into(),
        [a, b, ..] => format!("{} {} ...", a, b),
    }
}

#[derive(Clone, Copy, Debug)] enum Dir { N, E, S, W }
#[inline(never)]
fn turn(d: Dir, right: bool) -> Dir {
    match (d, right) { (Dir::N, true) | (Dir::S, false) => Dir::E, (Dir::E, true) | (Dir::W, false) => Dir::S, (Dir::S, true) | (Dir::N, false) => Dir::W, (Dir::W, true) | (Dir::E, false) => Dir::N }
}

fn main() {
    for x in [0u128, 1, 2, 1000, 1001, u64::MAX as u128, 1 << 64, (1 << 64) + 1, u128::MAX, 1 << 127, 12345678901234567890123456789, u128::MAX - 1] {
        print!("{} ", m128(black_box(x)));
    }
    println!();
    for x in [i128::MIN, i128::MIN + 1, -101, -100, -2, -1, 0, 1, 100, 101, i128::MAX] { print!("{} ", mi128(black_box(x))); }
    println!();
    for c in "aZ5 \tβω中🦀\0é!".chars() { print!("{} ", mchar(black_box(c))); }
    println!();
    for s in ["", "a", "ab", "abc", "abd", "hello", "hellp", "hellq", "日本", "日本語"] { print!("{} ", mstr(black_box(s))); }
    println!();
    for v in [&[][..], &[5], &[3, 4, 3], &[1, 2, 3], &[2, 5, -1], &[7, 8, 9, 10]] { println!("{}", mslice(black_box(v))); }
    let mut d = Dir::N;
    let mut path = Vec::new();
    for i in 0..10 { d = turn(black_box(d), i % 3 != 0); path.push(d); }
    println!("{:?}", path);
}
