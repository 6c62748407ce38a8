// Option/Result niche layouts: Option<&T>, Option<Box>, Option<NonZero>, Option<bool>, Option<char>, nested Options, sizes and values.
use std::hint::black_box;
use std::num::{NonZeroU8, NonZeroU32, NonZeroI64};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Three { A, B, C }

#[derive(Debug)]
enum Tagged { Small(u8), Ref(&'static str), Nothing }

#[inline(never)]
fn get(v: &[i32], i: usize) -> Option<&i32> { v.get(i) }

#[inline(never)]
fn nz(x: u32) -> Option<NonZeroU32> { NonZeroU32::new(x) }

#[inline(never)]
fn nested(x: u8) -> Option<Option<Option<bool>>> {
    match x { 0 => None, 1 => Some(None), 2 => Some(Some(None)), 3 => Some(Some(Some(false))), _ => Some(Some(Some(true))) }
}

#[inline(never)]
fn three(x: u8) -> Option<Option<Three>> {
    match x % 5 { 0 => None, 1 => Some(None), 2 => Some(Some(Three::A)), 3 => Some(Some(Three::B)), _ => Some(Some(Three::C)) }
}

fn main() {
    println!("sizes: &i32 {} Option<&i32> {} Option<Box<u8>> {} Option<NonZeroU32> {} Option<u32> {} Option<bool> {} Option<char> {}",
        size_of::<&i32>(), size_of::<Option<&i32>>(), size_of::<Option<Box<u8>>>(), size_of::<Option<NonZeroU32>>(), size_of::<Option<u32>>(),
        size_of::<Option<bool>>(), size_of::<Option<char>>());
    println!("sizes: Option<Option<bool>> {} Option<Three> {} Result<u32,()> {} Result<Box<u8>,()> {} Tagged {} Option<Vec<u8>> {} Option<String> {}",
        size_of::<Option<Option<bool>>>(), size_of::<Option<Three>>(), size_of::<Result<u32, ()>>(), size_of::<Result<Box<u8>, ()>>(),
        size_of::<Tagged>(), size_of::<Option<Vec<u8>>>(), size_of::<Option<String>>());
    let v = vec![10, 20, 30];
    for i in 0..5 {
        println!("get {} {:?}", i, get(&v, black_box(i)));
    }
    for x in [0u32, 1, u32::MAX] {
        println!("nz {:?}", nz(black_box(x)).map(|n| n.get()));
    }
    for x in 0..5u8 {
        println!("nested {} {:?}", x, nested(black_box(x)));
    }
    for x in 0..5u8 {
        println!("three {} {:?}", x, three(black_box(x)));
    }
    let tags = [Tagged::Small(black_box(3)), Tagged::Ref(black_box("hi")), Tagged::Nothing];
    for t in &tags {
        let d = match t { Tagged::Small(n) => *n as usize, Tagged::Ref(s) => s.len() + 100, Tagged::Nothing => 999 };
        println!("{:?} {}", t, d);
    }
    let chars: Vec<Option<char>> = ['a', '\u{10FFFF}', '\0'].iter().map(|&c| if c == 'a' { None } else { Some(black_box(c)) }).collect();
    println!("{:?}", chars);
    let b: Option<Box<[u64; 4]>> = black_box(Some(Box::new([1, 2, 3, 4])));
    println!("{:?} {:?}", b.as_ref().map(|x| x.iter().sum::<u64>()), black_box(None::<Box<u8>>));
    let nzs = [NonZeroU8::new(black_box(0)), NonZeroU8::new(black_box(255))];
    println!("{:?} {:?}", nzs, NonZeroI64::new(black_box(-1)).map(|x| x.get()));
    let r: Result<NonZeroU32, bool> = if black_box(false) { Ok(NonZeroU32::new(5).unwrap()) } else { Err(true) };
    println!("{:?} {}", r, size_of::<Result<NonZeroU32, bool>>());
    let o: Option<(u8, bool)> = black_box(Some((7, true)));
    if let Some((a, true)) = o { println!("tuple niche {}", a); }
}
