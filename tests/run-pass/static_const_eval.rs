// const fn evaluation, consts of complex types (structs, enums, nested arrays, f64), const generics, statics initialized from consts.
#![allow(dead_code)]
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode { Fast, Slow(u8), Custom { level: i16, scale: f32 } }

#[derive(Debug)]
struct Settings { modes: [Mode; 3], weights: [[f64; 2]; 2], name: &'static str, mask: u128 }

const fn gcd(mut a: u64, mut b: u64) -> u64 { while b != 0 { let t = a % b; a = b; b = t; } a }
const fn fib(n: u32) -> u128 { let (mut a, mut b) = (0u128, 1u128); let mut i = 0; while i < n { let t = a + b; a = b; b = t; i += 1; } a }
const fn collatz_len(mut n: u64) -> u32 { let mut c = 0; while n != 1 { n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 }; c += 1; } c }

const SETTINGS: Settings = Settings {
    modes: [Mode::Fast, Mode::Slow(7), Mode::Custom { level: -300, scale: 0.125 }],
    weights: [[0.1, 0.2], [-1e100, f64::MIN_POSITIVE]],
    name: "defaults",
    mask: (1u128 << 100) | 0xff,
};
static GLOBAL: Settings = SETTINGS;
const GCD: u64 = gcd(1071, 462);
const FIB150: u128 = fib(150);
const COLLATZ: [u32; 5] = [collatz_len(27), collatz_len(97), collatz_len(871), collatz_len(6171), collatz_len(1)];
const NEG_ZERO: f64 = -0.0;
const BYTES: &[u8] = b"const\x00bytes\xff";

struct Buf<const N: usize> { data: [u8; N] }
impl<const N: usize> Buf<N> {
    const LEN: usize = N;
    const fn new() -> Self { Buf { data: [0xAB; N] } }
}

fn main() {
    println!("{:?}", SETTINGS);
    println!("{:?} {}", GLOBAL.modes[black_box(2)], GLOBAL.mask == SETTINGS.mask);
    println!("{} {} {:?}", GCD, FIB150, COLLATZ);
    println!("runtime: {} {} {}", gcd(black_box(1071), 462), fib(black_box(150)), collatz_len(black_box(27)));
    println!("{:?} {:#x} {:?}", NEG_ZERO, NEG_ZERO.to_bits(), BYTES);
    let b = Buf::<5>::new();
    println!("{:?} {} {}", b.data, Buf::<5>::LEN, Buf::<1024>::LEN);
    let modes = SETTINGS.modes;
    for m in modes {
        let v = match m { Mode::Fast => 0.0, Mode::Slow(n) => n as f32, Mode::Custom { level, scale } => level as f32 * scale };
        println!("{:?} -> {:?}", m, v);
    }
    println!("{:?}", GLOBAL.weights);
}
