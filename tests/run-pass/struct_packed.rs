// repr(packed) and repr(packed(2)) structs: unaligned field reads/writes via copies, read_unaligned, size/align.
use std::hint::black_box;
use std::ptr::{addr_of, addr_of_mut};

#[repr(C, packed)]
#[derive(Clone, Copy)]
struct P1 {
    a: u8,
    b: u32,
    c: u16,
    d: u64,
    e: f64,
    f: i128,
}

#[repr(packed(2))]
#[derive(Clone, Copy)]
struct P2 {
    a: u8,
    b: u64,
    c: u8,
    d: f32,
}

#[inline(never)]
fn take(p: P1) -> u64 {
    let b = p.b;
    let d = p.d;
    let f = p.f;
    (p.a as u64) ^ (b as u64) ^ (p.c as u64) ^ d ^ (p.e as u64) ^ (f as u64)
}

#[inline(never)]
fn make(seed: u64) -> P1 {
    P1 { a: seed as u8, b: seed.wrapping_mul(3) as u32, c: seed.wrapping_mul(5) as u16, d: seed.rotate_left(17), e: seed as f64 * 0.5, f: -(seed as i128) << 70 }
}

fn main() {
    println!("P1 size {} align {}", std::mem::size_of::<P1>(), std::mem::align_of::<P1>());
    println!("P2 size {} align {}", std::mem::size_of::<P2>(), std::mem::align_of::<P2>());
    let mut arr = [make(black_box(1)), make(black_box(0xdead_beef_1234)), make(black_box(u64::MAX))];
    for p in &arr {
        let (b, c, d, e, f) = (p.b, p.c, p.d, p.e, p.f);
        println!("{} {} {} {:#x} {:?} {} -> {:#x}", p.a, b, c, d, e, f, take(*p));
    }
    for p in arr.iter_mut() {
        p.b = p.b.wrapping_add(black_box(1));
        p.d ^= black_box(0xffff);
        p.f += black_box(1);
        unsafe {
            let q = addr_of_mut!(p.e);
            q.write_unaligned(q.read_unaligned() + 1.25);
        }
    }
    for p in &arr {
        let d = unsafe { addr_of!(p.d).read_unaligned() };
        let f = unsafe { addr_of!(p.f).read_unaligned() };
        let e = p.e;
        println!("{:#x} {} {:?} {:#x}", d, f, e, take(*p));
    }
    let base = arr.as_ptr() as usize;
    println!("field offsets: {} {} {}", addr_of!(arr[1].b) as usize - base, addr_of!(arr[1].f) as usize - base, addr_of!(arr[2].e) as usize - base);
    let mut p2s: Vec<P2> = (0..5).map(|i| P2 { a: i, b: (i as u64) << 40 | 7, c: 255 - i, d: i as f32 / 3.0 }).collect();
    p2s.reverse();
    let sum: u64 = p2s.iter().map(|p| { let b = p.b; b + p.a as u64 + p.c as u64 }).sum();
    let ds: Vec<f32> = p2s.iter().map(|p| p.d).collect();
    println!("sum {} {:?}", sum, ds);
    let raw: [u8; 39] = unsafe { std::mem::transmute(make(black_box(0x0102030405060708))) };
    println!("{:?}", raw);
    let back: P1 = unsafe { std::mem::transmute(raw) };
    println!("{:#x}", take(back));
}
