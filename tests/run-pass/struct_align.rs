// repr(align(32)) / align(64) structs: size rounding, array strides, alignment of locals, boxed and vec elements, by-value passing.
#![allow(dead_code)]
use std::hint::black_box;

#[repr(align(32))]
#[derive(Clone, Copy, Debug, PartialEq)]
struct A32 {
    x: u8,
    y: u64,
}

#[repr(C, align(64))]
#[derive(Clone, Copy, Debug)]
struct A64 {
    v: [u32; 3],
}

#[derive(Debug)]
struct Holder {
    tag: u8,
    a: A32,
    b: u16,
}

#[inline(never)]
fn pass(a: A32, b: A64, c: A32) -> A32 {
    A32 { x: a.x ^ c.x, y: a.y.wrapping_add(b.v[0] as u64 + b.v[2] as u64).wrapping_mul(c.y) }
}

#[inline(never)]
fn aligned<T>(r: &T, al: usize) -> bool {
    (r as *const T as usize) % al == 0
}

fn main() {
    println!("A32 {} {} A64 {} {} Holder {} {}", size_of::<A32>(), align_of::<A32>(), size_of::<A64>(), align_of::<A64>(),
        size_of::<Holder>(), align_of::<Holder>());
    let a = A32 { x: black_box(5), y: black_box(77) };
    let pad = black_box(1u8);
    let b = A64 { v: [black_box(1), 2, 3] };
    let c = A32 { x: 9, y: black_box(3) };
    println!("locals aligned {} {} {} {}", aligned(&a, 32), aligned(&b, 64), aligned(&c, 32), pad);
    let r = pass(a, b, c);
    println!("{:?} aligned {}", r, aligned(&r, 32));
    let arr = [a, c, r, a];
    let stride = (&arr[1] as *const A32 as usize) - (&arr[0] as *const A32 as usize);
    println!("stride {} all aligned {}", stride, arr.iter().all(|e| aligned(e, 32)));
    let boxed = Box::new(b);
    println!("box aligned {} {:?}", aligned(&*boxed, 64), boxed);
    let v: Vec<A64> = (0..7).map(|i| A64 { v: [i, i * 2, i * 3] }).collect();
    println!("vec aligned {} sum {}", v.iter().all(|e| aligned(e, 64)), v.iter().map(|e| e.v.iter().sum::<u32>()).sum::<u32>());
    let h = Holder { tag: 1, a: r, b: 0xffff };
    println!("{:?} aligned {}", h, aligned(&h.a, 32));
    let hv = vec![Holder { tag: 2, a: a, b: 1 }, h];
    println!("hv {}", hv.iter().all(|e| aligned(&e.a, 32)));
    println!("eq {}", arr[0] == arr[3]);
}
