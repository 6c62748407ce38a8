// Unions (repr(C) with f32/u32/[u8;4], with ManuallyDrop fields), union by value through functions, type punning of floats, tagged-union pattern.
use std::hint::black_box;
use std::mem::ManuallyDrop;

#[repr(C)]
#[derive(Clone, Copy)]
union Pun { f: f32, u: u32, b: [u8; 4], h: [u16; 2] }

#[repr(C)]
#[derive(Clone, Copy)]
union Wide { d: f64, q: u64, i: i64, pair: (u32, u32) }

union WithDrop { s: ManuallyDrop<String>, n: u64 }

#[derive(Clone, Copy)]
#[repr(C)]
struct Tagged { tag: u8, val: Wide }

#[inline(never)]
fn flip(p: Pun) -> Pun { Pun { u: unsafe { p.u } ^ 0x8000_0000 } }

#[inline(never)]
fn make(tag: u8, x: f64) -> Tagged {
    match tag { 0 => Tagged { tag, val: Wide { d: x } }, 1 => Tagged { tag, val: Wide { i: x as i64 } }, _ => Tagged { tag, val: Wide { pair: (x as u32, !(x as u32)) } } }
}

fn show(t: Tagged) -> String {
    unsafe {
        match t.tag { 0 => format!("f64 {:?} bits {:#x}", t.val.d, t.val.q), 1 => format!("i64 {}", t.val.i), _ => format!("pair {:?}", t.val.pair) }
    }
}

fn main() {
    let p = Pun { f: black_box(-1.5) };
    unsafe {
        println!("{:#x} {:?} {:?}", p.u, p.b, p.h);
        let q = flip(p);
        println!("{:?} {:#x}", q.f, q.u);
        let mut r = Pun { u: 0 };
        r.b[3] = 0x3f; r.b[2] = 0x80;
        println!("{:?}", r.f);
    }
    for (t, x) in [(0u8, 3.25f64), (1, -7.9), (2, 4e9), (0, -0.0)] {
        println!("{}", show(make(black_box(t), black_box(x))));
    }
    let mut w = WithDrop { s: ManuallyDrop::new(String::from("in union")) };
    unsafe {
        (*w.s).push_str(" + more");
        println!("{} {}", *w.s, w.s.len());
        ManuallyDrop::drop(&mut w.s);
    }
    w.n = 42;
    println!("n {}", unsafe { w.n });
    println!("sizes {} {} {} {}", size_of::<Pun>(), size_of::<Wide>(), size_of::<Tagged>(), size_of::<WithDrop>());
}
