//! Float aggregates (AAPCS64's HFAs: up to four floats or doubles) by value when the SIMD
//! argument registers cannot hold them: AAPCS64 passes the whole aggregate on the stack
//! and no later argument in SIMD registers. Calls from Rust to C, from C to Rust and from
//! Rust to Rust, with 0, 1 and 2 registers left before the aggregate, 3-float (padded) and
//! 2-float ones, and floats after it. On x86_64 the same program checks SysV's rules.
//@ aux-c: abi_float_aggregate_stack.c
use std::hint::black_box as bb;

#[derive(Clone, Copy)]
#[repr(C)]
struct F4 {
    v: [f32; 4],
}
#[derive(Clone, Copy)]
#[repr(C)]
struct F3 {
    a: f32,
    b: f32,
    c: f32,
}
#[derive(Clone, Copy)]
#[repr(C)]
struct F2 {
    a: f32,
    b: f32,
}
#[derive(Clone, Copy)]
#[repr(C)]
struct D3 {
    a: f64,
    b: f64,
    c: f64,
}

fn f4(s: F4) -> f64 {
    (s.v[0] + 2.0 * s.v[1] + 3.0 * s.v[2] + 4.0 * s.v[3]) as f64
}

unsafe extern "C" {
    fn c_after_seven(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64, g: f64, s: F4, after: f32, i: i32, t: D3) -> f64;
    fn c_three(a: F4, b: F4, c: F4, d: F3, e: F2) -> f64;
    fn c_calls_rust();
}

#[unsafe(no_mangle)]
extern "C" fn rs_after_seven(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64, g: f64, s: F4, after: f32, i: i32, t: D3) -> f64 {
    println!(
        "rs_after_seven {a} {b} {c} {d} {e} {f} {g} | {:?} | {after} {i} | {} {} {}",
        s.v, t.a, t.b, t.c
    );
    a + b + c + d + e + f + g + f4(s) + after as f64 + i as f64 + t.a + t.b + t.c
}

#[unsafe(no_mangle)]
extern "C" fn rs_three(a: F4, b: F4, c: F4, d: F3, e: F2) -> f64 {
    println!("rs_three {} {} {} {} {} {} {} {}", f4(a), f4(b), f4(c), d.a, d.b, d.c, e.a, e.b);
    f4(a) + f4(b) + f4(c) + (d.a + d.b + d.c + e.a + e.b) as f64
}

/// Two SIMD registers left before a 3-double aggregate; a float and a 2-float one after.
#[unsafe(no_mangle)]
extern "C" fn rs_pad_two(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64, t: D3, x: f32, p: F2) -> f64 {
    println!("rs_pad_two {a} {b} {c} {d} {e} {f} | {} {} {} | {x} | {} {}", t.a, t.b, t.c, p.a, p.b);
    a + b + c + d + e + f + t.a + t.b + t.c + x as f64 + p.a as f64 + p.b as f64
}

fn main() {
    let s = F4 { v: [bb(0.5), 1.5, 2.5, 3.5] };
    let t = D3 { a: bb(100.5), b: 200.25, c: 300.125 };
    let r = unsafe { c_after_seven(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, bb(7.0), s, 8.25, bb(-9), t) };
    println!("rust->c {r}");
    let a = F4 { v: [1.0, 2.0, 3.0, bb(4.0)] };
    let b = F4 { v: [5.0, bb(6.0), 7.0, 8.0] };
    let c = F4 { v: [bb(9.0), 10.0, 11.0, 12.0] };
    let d = F3 { a: 13.5, b: bb(14.5), c: 15.5 };
    let e = F2 { a: bb(16.25), b: 17.25 };
    println!("rust->c {}", unsafe { c_three(a, b, c, d, e) });
    // Rust to Rust through the C ABI, directly and through pointers.
    println!("rust->rust {}", rs_after_seven(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, bb(7.0), s, 8.25, 9, t));
    let f: extern "C" fn(F4, F4, F4, F3, F2) -> f64 = bb(rs_three);
    println!("rust->rust {}", f(a, b, c, d, e));
    let g: extern "C" fn(f64, f64, f64, f64, f64, f64, D3, f32, F2) -> f64 = bb(rs_pad_two);
    println!("rust->rust {}", g(1.0, 2.0, 3.0, 4.0, 5.0, bb(6.0), t, 0.75, e));
    unsafe { c_calls_rust() };
}
