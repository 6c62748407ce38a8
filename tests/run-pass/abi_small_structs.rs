// Small structs by value in the Rust ABI: {f32,f32}, {f64,i64}, {u8,u16,u8}, {f32;3}, {u64,u64}, {u8;3}, {f32,u32}, newtypes; args and returns.
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)] struct F2 { a: f32, b: f32 }
#[derive(Debug, Clone, Copy, PartialEq)] struct FI { a: f64, b: i64 }
#[derive(Debug, Clone, Copy, PartialEq)] struct B3 { a: u8, b: u16, c: u8 }
#[derive(Debug, Clone, Copy, PartialEq)] struct F3 { x: f32, y: f32, z: f32 }
#[derive(Debug, Clone, Copy, PartialEq)] struct U2 { a: u64, b: u64 }
#[derive(Debug, Clone, Copy, PartialEq)] struct Bytes3([u8; 3]);
#[derive(Debug, Clone, Copy, PartialEq)] struct FU { f: f32, u: u32 }
#[derive(Debug, Clone, Copy, PartialEq)] struct New(i32);
#[derive(Debug, Clone, Copy, PartialEq)] struct NewF(f64);
#[derive(Debug, Clone, Copy, PartialEq)] struct I8F { a: i8, f: f64 }
#[derive(Debug, Clone, Copy, PartialEq)] struct U16x4 { v: [u16; 4] }

#[inline(never)] fn f2(p: F2, q: F2) -> F2 { F2 { a: p.a * q.b - p.b, b: q.a + p.b } }
#[inline(never)] fn fi(p: FI, k: i64) -> FI { FI { a: p.a * k as f64, b: p.b.wrapping_mul(k) ^ p.a.to_bits() as i64 } }
#[inline(never)] fn b3(p: B3, q: B3) -> B3 { B3 { a: p.a.wrapping_add(q.c), b: p.b ^ q.b.rotate_left(3), c: p.c.wrapping_sub(q.a) } }
#[inline(never)] fn f3(p: F3, s: f32) -> F3 { F3 { x: p.y * s, y: p.z - s, z: p.x / s } }
#[inline(never)] fn u2(p: U2) -> U2 { U2 { a: p.b.rotate_right(7), b: p.a.wrapping_mul(0x9e3779b97f4a7c15) } }
#[inline(never)] fn bytes3(p: Bytes3) -> Bytes3 { Bytes3([p.0[2], p.0[0].wrapping_mul(3), p.0[1] ^ 0xff]) }
#[inline(never)] fn fu(p: FU) -> FU { FU { f: p.u as f32 + p.f, u: p.f.to_bits() } }
#[inline(never)] fn newt(a: New, b: NewF, c: New) -> (New, NewF) { (New(a.0 - c.0), NewF(b.0 * a.0 as f64)) }
#[inline(never)] fn i8f(p: I8F) -> I8F { I8F { a: p.a.wrapping_neg(), f: p.f + p.a as f64 } }
#[inline(never)] fn u16x4(p: U16x4) -> U16x4 { let mut v = p.v; v.reverse(); v[0] = v[0].wrapping_add(1); U16x4 { v } }

#[inline(never)]
fn all_at_once(a: F2, b: FI, c: B3, d: F3, e: U2, f: Bytes3, g: FU, h: New, i: NewF, j: I8F, k: U16x4, l: F2, m: B3) -> String {
    format!("{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}", a, b, c, d, e, f, g, h, i, j, k, l, m)
}

fn main() {
    println!("sizes {} {} {} {} {} {} {} {}", size_of::<F2>(), size_of::<FI>(), size_of::<B3>(), size_of::<F3>(), size_of::<Bytes3>(), size_of::<FU>(), size_of::<I8F>(), size_of::<U16x4>());
    let mut p = F2 { a: black_box(1.5), b: black_box(-0.25) };
    for _ in 0..5 { p = f2(p, F2 { a: 0.5, b: black_box(2.0) }); }
    println!("{:?}", p);
    let mut q = FI { a: black_box(0.1), b: black_box(-3) };
    for k in 1..6 { q = fi(q, black_box(k)); }
    println!("{:?}", q);
    let mut r = B3 { a: black_box(250), b: black_box(0xbeef), c: black_box(3) };
    for _ in 0..7 { r = b3(r, B3 { a: 17, b: black_box(0x1234), c: 99 }); }
    println!("{:?}", r);
    let mut s = F3 { x: black_box(1.0), y: 2.0, z: black_box(3.0) };
    for i in 1..5 { s = f3(s, black_box(i as f32 * 0.75)); }
    println!("{:?}", s);
    let mut u = U2 { a: black_box(1), b: black_box(2) };
    for _ in 0..9 { u = u2(u); }
    println!("{:?}", u);
    let mut by = Bytes3([black_box(1), 2, 3]);
    for _ in 0..4 { by = bytes3(by); }
    println!("{:?}", by);
    println!("{:?}", fu(fu(FU { f: black_box(2.5), u: black_box(7) })));
    println!("{:?}", newt(New(black_box(10)), NewF(black_box(0.5)), New(black_box(-3))));
    println!("{:?}", i8f(i8f(I8F { a: black_box(-128), f: 1.0 })));
    println!("{:?}", u16x4(U16x4 { v: [black_box(65535), 1, 2, 3] }));
    println!("{}", all_at_once(p, q, r, s, u, by, FU { f: 1.0, u: 2 }, New(3), NewF(4.0), I8F { a: 5, f: 6.0 }, U16x4 { v: [7; 4] }, F2 { a: 8.0, b: 9.0 }, B3 { a: 10, b: 11, c: 12 }));
    let fp: fn(F2, F2) -> F2 = black_box(f2);
    println!("{:?}", fp(F2 { a: 3.0, b: 4.0 }, F2 { a: 5.0, b: 6.0 }));
    let tup = black_box((1u8, 2.5f32, 3u16));
    let t2 = (|t: (u8, f32, u16)| (t.2, t.1 * 2.0, t.0))(tup);
    println!("{:?}", t2);
}
