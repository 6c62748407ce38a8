// Memory intrinsics via std: ptr::copy/copy_nonoverlapping/write_bytes/swap/replace, mem::swap/replace/take/transmute, size_of/align_of/needs_drop/discriminant.
#![allow(dead_code, unnecessary_transmutes)]
use std::hint::black_box;
use std::mem;
use std::ptr;

#[derive(Debug, Default, Clone)]
struct S { a: u32, b: String }

enum E { A(u8), B { x: u64 }, C }

fn main() {
    let mut buf = [0u8; 32];
    for (i, b) in buf.iter_mut().enumerate() { *b = i as u8; }
    unsafe {
        let p = buf.as_mut_ptr();
        ptr::copy(p, p.add(black_box(3)), 10); // overlapping forward
        println!("{:?}", &buf[..16]);
        ptr::copy(p.add(10), p.add(black_box(8)), 10); // overlapping backward
        println!("{:?}", &buf[..20]);
        ptr::copy_nonoverlapping(p.add(20), p, 4);
        ptr::write_bytes(p.add(black_box(24)), 0xAB, 5);
        println!("{:?}", buf);
    }
    let mut words = [1u64, 2, 3, 4];
    unsafe { ptr::swap(&mut words[0] as *mut u64, &mut words[3] as *mut u64); }
    let old = unsafe { ptr::replace(&mut words[1], 99) };
    println!("{:?} old {}", words, old);
    let mut a = S { a: 1, b: "one".into() };
    let mut b = S { a: 2, b: "two".into() };
    mem::swap(&mut a, &mut b);
    let prev = mem::replace(&mut a, S { a: 3, b: "three".into() });
    let taken = mem::take(&mut b);
    println!("{:?} {:?} {:?} {:?}", a, b, prev, taken);
    let f = black_box(1.5f32);
    let bits: u32 = unsafe { mem::transmute(f) };
    let arr: [u8; 8] = unsafe { mem::transmute(black_box(0x0102030405060708u64)) };
    let back: f64 = unsafe { mem::transmute(black_box(0x4000000000000000u64)) };
    println!("{:#x} {:?} {:?}", bits, arr, back);
    println!("sizes {} {} {} {} {} {}", size_of::<S>(), align_of::<S>(), size_of::<E>(), size_of::<(u8, u32, u8)>(), size_of::<[u16; 7]>(), size_of::<Option<E>>());
    println!("needs_drop {} {} {}", mem::needs_drop::<S>(), mem::needs_drop::<u64>(), mem::needs_drop::<(u8, String)>());
    let es = [E::A(1), E::B { x: 2 }, E::C, E::A(9)];
    let d0 = mem::discriminant(&es[0]);
    println!("{:?}", es.iter().map(|e| mem::discriminant(e) == d0).collect::<Vec<_>>());
    let vals: Vec<u64> = es.iter().map(|e| match e { E::A(v) => *v as u64, E::B { x } => *x, E::C => 0 }).collect();
    println!("{:?} size_of_val {} align_of_val {}", vals, mem::size_of_val(&es), mem::align_of_val(&es));
    let v: Vec<u32> = vec![1, 2, 3];
    let mut md = mem::ManuallyDrop::new(v);
    md.push(4);
    let v2 = mem::ManuallyDrop::into_inner(md);
    println!("{:?} {}", v2, std::any::type_name::<Option<Vec<(u8, &str)>>>());
    let z: u128 = unsafe { mem::zeroed() };
    println!("zeroed {}", z);
}
