// Nested structs and tuples: field access through references, mutation via &mut, repr(C) offsets, size_of of reordered layouts.
use std::hint::black_box;
use std::mem::offset_of;

#[derive(Debug, Clone, Copy, Default)]
struct Inner { a: u8, b: u32, c: u8 }

#[derive(Debug, Clone, Default)]
struct Outer { x: Inner, y: (u16, Inner, u64), z: [Inner; 3], name: String }

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct CLayout { a: u8, b: u32, c: u8, d: u16, e: u64, f: u8 }

#[inline(never)]
fn bump(o: &mut Outer, k: u32) {
    o.x.b += k;
    o.y.1.c = o.y.1.c.wrapping_add(k as u8);
    o.y.2 <<= 1;
    for (i, inner) in o.z.iter_mut().enumerate() {
        inner.a = inner.a.wrapping_mul(i as u8 + 2);
        inner.b ^= k << i;
    }
    o.name.push_str(&k.to_string());
}

fn main() {
    println!("Inner {} Outer {} CLayout {} {}", size_of::<Inner>(), size_of::<Outer>(), size_of::<CLayout>(), align_of::<CLayout>());
    println!("offsets a={} b={} c={} d={} e={} f={}", offset_of!(CLayout, a), offset_of!(CLayout, b), offset_of!(CLayout, c),
        offset_of!(CLayout, d), offset_of!(CLayout, e), offset_of!(CLayout, f));
    let mut o = Outer { x: Inner { a: 1, b: 2, c: 3 }, y: (4, Inner { a: 5, b: 6, c: 250 }, 7), z: [Inner { a: 8, b: 9, c: 10 }; 3], name: "o".into() };
    for k in 0..black_box(4) {
        bump(&mut o, k * 7 + 1);
    }
    println!("{:?}", o);
    let c = CLayout { a: black_box(1), b: 2, c: 3, d: 4, e: 5, f: 6 };
    let base = &c as *const CLayout as *const u8;
    let nonpad: Vec<u8> = [0usize, 4, 5, 6, 7, 8, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23, 24].iter().map(|&i| unsafe { base.add(i).read() }).collect();
    println!("{:?}", nonpad);
    let t = black_box(((1u8, 2u16), (3u32, (4u64, 5i8)), [6u8; 2]));
    println!("{} {} {} {} {:?}", (t.0).1, (t.1).0, ((t.1).1).0, ((t.1).1).1, t.2);
    let clone = o.clone();
    let Outer { x: Inner { b, .. }, y: (_, ref inner, last), .. } = clone;
    println!("{} {:?} {}", b, inner, last);
}
