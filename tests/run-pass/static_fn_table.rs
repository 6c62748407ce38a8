// Statics holding function pointers (`static TABLE: [fn(i32)->i32; 3]`), statics pointing to other statics, const arrays, static slices and strs.
use std::hint::black_box;

fn add1(x: i32) -> i32 { x + 1 }
fn times3(x: i32) -> i32 { x * 3 }
fn negate(x: i32) -> i32 { -x }

static TABLE: [fn(i32) -> i32; 3] = [add1, times3, negate];
static NAMED: [(&str, fn(i32) -> i32); 3] = [("add1", add1), ("times3", times3), ("negate", negate)];

static A: u32 = 0xAABBCCDD;
static B: &u32 = &A;
static C: &&u32 = &B;
static ARR: [u16; 6] = [1, 1, 2, 3, 5, 8];
static SLICE: &[u16] = &ARR;
static SUB: &[u16] = &[100, 200, 300];
static GREETING: &str = "hello, statics";
static WORDS: [&str; 4] = ["zero", "one", "two", "three"];

const POWERS: [u64; 8] = { let mut p = [1u64; 8]; let mut i = 1; while i < 8 { p[i] = p[i - 1] * 10; i += 1; } p };
const SQUARES: [u32; 16] = { let mut a = [0; 16]; let mut i = 0; while i < 16 { a[i] = (i * i) as u32; i += 1; } a };

struct Config { name: &'static str, limit: u32, ratios: &'static [f64], next: Option<&'static Config> }
static LAST: Config = Config { name: "last", limit: 3, ratios: &[0.5], next: None };
static MIDDLE: Config = Config { name: "middle", limit: 2, ratios: &[1.5, 2.5], next: Some(&LAST) };
static FIRST: Config = Config { name: "first", limit: 1, ratios: &[], next: Some(&MIDDLE) };

static PTR_TO_FN: &fn(i32) -> i32 = &TABLE[1];

fn main() {
    for (i, f) in TABLE.iter().enumerate() {
        println!("TABLE[{}](10) = {}", i, f(black_box(10)));
    }
    let idx = black_box(2usize);
    println!("dyn index {}", TABLE[idx](7));
    for (n, f) in NAMED.iter() { print!("{}={} ", n, f(black_box(-4))); }
    println!();
    println!("{:#x} {:#x} {:#x} same={}", A, *B, **C, std::ptr::eq(B, &A));
    println!("{:?} {:?} {} {:?}", SLICE, SUB, GREETING.len(), &GREETING[7..]);
    println!("{}", WORDS[black_box(3)]);
    println!("{:?}", POWERS);
    println!("{:?} {}", SQUARES, SQUARES[black_box(15)]);
    let mut cur = Some(&FIRST);
    while let Some(c) = cur {
        println!("{} {} {:?}", c.name, c.limit, c.ratios);
        cur = c.next;
    }
    println!("{}", PTR_TO_FN(black_box(5)));
    let composed = TABLE.iter().fold(black_box(1), |acc, f| f(acc));
    println!("composed {}", composed);
}
