// repr(C) structs by value to/from Rust-defined extern "C" fns (direct and via fn pointers): mixed int/float classes, memory-class structs.
use std::hint::black_box;

#[repr(C)] #[derive(Debug, Clone, Copy)] struct Pt { x: i32, y: i32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Vf { x: f32, y: f32, z: f32 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Dd { a: f64, b: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Mix { f: f32, i: i32, d: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Tiny { a: u8, b: u8, c: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Large { a: i64, b: i64, c: i64, d: f64 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct DI { d: f64, i: u8 }
#[repr(C)] #[derive(Debug, Clone, Copy)] struct Nested { p: Pt, t: Tiny, f: f32 }

extern "C" fn add_pt(a: Pt, b: Pt) -> Pt { Pt { x: a.x.wrapping_add(b.x), y: a.y.wrapping_sub(b.y) } }
extern "C" fn scale_vf(v: Vf, k: f32) -> Vf { Vf { x: v.x * k, y: v.y + k, z: v.z - k } }
extern "C" fn swap_dd(d: Dd) -> Dd { Dd { a: d.b, b: d.a * 2.0 } }
extern "C" fn mix(m: Mix, n: Mix) -> Mix { Mix { f: m.f + n.f, i: m.i * n.i, d: m.d - n.d } }
extern "C" fn tiny(t: Tiny) -> Tiny { Tiny { a: t.c, b: t.a.wrapping_add(t.b), c: t.b } }
extern "C" fn large(l: Large, k: i64) -> Large { Large { a: l.d as i64 + k, b: l.a, c: l.b * k, d: l.c as f64 / 3.0 } }
extern "C" fn di(x: DI, y: DI) -> DI { DI { d: x.d * y.d, i: x.i ^ y.i } }
extern "C" fn nested(n: Nested, a: i8, b: f64, c: Tiny) -> Nested {
    Nested { p: Pt { x: n.p.x + a as i32, y: n.p.y + c.a as i32 }, t: tiny(n.t), f: n.f + b as f32 }
}
extern "C" fn many(a: Pt, b: Vf, c: Dd, d: Mix, e: Tiny, f: Large, g: DI, h: f64, i: i32, j: Pt, k: Dd) -> f64 {
    a.x as f64 + b.z as f64 + c.b + d.d + e.c as f64 + f.d + g.d + h + i as f64 + j.y as f64 + k.a
}

fn main() {
    let p = add_pt(Pt { x: black_box(i32::MAX), y: 5 }, Pt { x: 1, y: black_box(-7) });
    println!("{:?}", p);
    println!("{:?}", scale_vf(Vf { x: black_box(1.5), y: 2.5, z: -3.5 }, black_box(2.0)));
    println!("{:?}", swap_dd(Dd { a: black_box(1e10), b: black_box(-0.5) }));
    println!("{:?}", mix(Mix { f: 1.5, i: black_box(-3), d: 0.25 }, Mix { f: black_box(2.0), i: 7, d: 1e-3 }));
    println!("{:?}", tiny(Tiny { a: black_box(200), b: 100, c: 7 }));
    println!("{:?}", large(Large { a: black_box(1), b: 2, c: 3, d: 4.5 }, black_box(-9)));
    println!("{:?}", di(DI { d: black_box(1.5), i: 0xf0 }, DI { d: 3.0, i: black_box(0x3c) }));
    let n = Nested { p: Pt { x: 1, y: 2 }, t: Tiny { a: 3, b: 4, c: 5 }, f: 6.5 };
    println!("{:?}", nested(black_box(n), black_box(-8), 0.25, Tiny { a: 9, b: 10, c: 11 }));
    let f_add: extern "C" fn(Pt, Pt) -> Pt = black_box(add_pt);
    let f_mix: extern "C" fn(Mix, Mix) -> Mix = black_box(mix);
    let f_large: extern "C" fn(Large, i64) -> Large = black_box(large);
    println!("{:?} {:?} {:?}", f_add(p, p), f_mix(Mix { f: 0.5, i: 2, d: 3.0 }, Mix { f: 0.5, i: 2, d: 3.0 }), f_large(Large { a: 7, b: 8, c: 9, d: 10.0 }, 2));
    let fm: extern "C" fn(Pt, Vf, Dd, Mix, Tiny, Large, DI, f64, i32, Pt, Dd) -> f64 = black_box(many);
    println!("{:?}", fm(Pt { x: 1, y: 2 }, Vf { x: 3.0, y: 4.0, z: 5.0 }, Dd { a: 6.0, b: 7.0 }, Mix { f: 8.0, i: 9, d: 10.0 },
        Tiny { a: 11, b: 12, c: 13 }, Large { a: 14, b: 15, c: 16, d: 17.0 }, DI { d: 18.0, i: 19 }, 20.0, 21, Pt { x: 22, y: 23 }, Dd { a: 24.0, b: 25.0 }));
    let table: [extern "C" fn(Tiny) -> Tiny; 2] = [tiny, tiny];
    let mut t = Tiny { a: 1, b: 2, c: 3 };
    for f in table.iter().cycle().take(5) { t = f(t); }
    println!("{:?}", t);
}
