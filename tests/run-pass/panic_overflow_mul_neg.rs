// Signed overflow on multiply, negation of MIN and shift overflow, each checked under debug assertions; later ops only reached at O2.
use std::hint::black_box;

fn main() {
    let a: i32 = black_box(65536);
    let b = a * black_box(32767);
    println!("mul ok {}", b);
    let c = black_box(i64::MIN + 1);
    println!("neg ok {}", -c);
    let s = black_box(31u32);
    println!("shl ok {}", 1i32 << s);
    let d = black_box(i16::MIN);
    let e = -d;
    println!("neg min {}", e);
    let big = black_box(40u32);
    println!("shl big {}", 1u32 << big);
    let f = black_box(i8::MIN) / black_box(-1i8).wrapping_add(0);
    println!("unreachable {}", f);
}
