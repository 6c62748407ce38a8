// Enums with explicit, negative, sparse and large discriminants (repr u8/i8/u64/isize/i32), casts and matching.
use std::hint::black_box;

#[repr(u8)]
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Color { Red = 1, Green = 2, Blue = 4, White = 255 }

#[repr(i8)]
#[derive(Debug, Clone, Copy)]
enum Sign { Neg = -1, Zero = 0, Pos = 1, Min = -128 }

#[repr(u64)]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Big { A = 0, B = 1 << 40, C = u64::MAX, D = 0x8000_0000_0000_0000 }

#[repr(isize)]
#[derive(Debug, Clone, Copy)]
enum Isz { Low = isize::MIN, Mid = -5, High = isize::MAX }

#[repr(i32)]
#[derive(Debug, Clone, Copy)]
enum Gap { A = 10, B = 20, C, D = 1000, E }

#[inline(never)]
fn color_name(c: Color) -> &'static str {
    match c { Color::Red => "red", Color::Green => "green", Color::Blue => "blue", Color::White => "white" }
}

#[inline(never)]
fn big_val(b: Big) -> u32 {
    match b { Big::A => 1, Big::B => 2, Big::C => 3, Big::D => 4 }
}

#[inline(never)]
fn from_u8(x: u8) -> Option<Color> {
    match x { 1 => Some(Color::Red), 2 => Some(Color::Green), 4 => Some(Color::Blue), 255 => Some(Color::White), _ => None }
}

fn main() {
    for c in [Color::Red, Color::Green, Color::Blue, Color::White] {
        let c = black_box(c);
        println!("{:?} {} {} {}", c, c as u8, color_name(c), c < Color::Blue);
    }
    for s in [Sign::Neg, Sign::Zero, Sign::Pos, Sign::Min] {
        let s = black_box(s);
        println!("{:?} {} {}", s, s as i8, s as i8 as u8);
    }
    for b in [Big::A, Big::B, Big::C, Big::D] {
        let b = black_box(b);
        println!("{:?} {} {:#x} {}", b, b as u64, b as u64 as i64, big_val(b));
    }
    for i in [Isz::Low, Isz::Mid, Isz::High] {
        let i = black_box(i);
        println!("{:?} {}", i, i as isize);
    }
    for g in [Gap::A, Gap::B, Gap::C, Gap::D, Gap::E] {
        println!("{:?} {}", g, black_box(g) as i32);
    }
    for x in 0..=255u8 {
        if let Some(c) = from_u8(black_box(x)) {
            print!("{}={:?} ", x, c);
        }
    }
    println!();
    println!("sizes {} {} {} {} {}", size_of::<Color>(), size_of::<Sign>(), size_of::<Big>(), size_of::<Option<Color>>(), size_of::<Option<Big>>());
    println!("{:?}", std::mem::discriminant(&black_box(Big::C)) == std::mem::discriminant(&Big::C));
}
