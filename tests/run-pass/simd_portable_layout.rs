// Vector layouts and ABI: lane counts 1..64 incl. 3/7/48, every element width, >128-bit vectors (u8x32, f32x16, u64x8, i8x64), vectors inside structs/tuples/arrays/enums/Box/Vec passed to and returned from #[inline(never)] generic fns, fn pointers, dyn calls, many vector args.
#![feature(portable_simd, core_intrinsics, repr_simd)]
#![allow(internal_features)]
use std::fmt::Debug;
use std::hint::black_box;
use std::mem::{align_of, size_of};
use std::ops::Add;
use std::simd::prelude::*;
use std::simd::SimdElement;

#[repr(simd)]
#[derive(Copy, Clone)]
struct V<T, const N: usize>([T; N]);

#[derive(Copy, Clone)]
struct Wrap<T: SimdElement, const N: usize> {
    tag: u8,
    vec: Simd<T, N>,
    tail: u16,
}

#[inline(never)]
fn work<T, const N: usize>(
    w: Wrap<T, N>,
    t: (u8, Simd<T, N>, u64),
    arr: [Simd<T, N>; 3],
) -> (Wrap<T, N>, [Simd<T, N>; 2], (Simd<T, N>, u8))
where
    T: SimdElement,
    Simd<T, N>: Add<Output = Simd<T, N>>,
{
    let s = w.vec + t.1;
    let r = Wrap { tag: w.tag.wrapping_add(t.0), vec: s.reverse(), tail: w.tail ^ t.2 as u16 };
    (r, [arr[2] + arr[0], arr[1].rotate_elements_left::<1>()], (arr[0] + s, N as u8))
}

#[inline(never)]
fn opt<T: SimdElement + Debug, const N: usize>(x: Option<Simd<T, N>>, pick: bool) -> Option<Simd<T, N>> {
    if pick { x } else { None }
}

fn lanes<T: Copy, const N: usize>(f: impl Fn(usize) -> T) -> Simd<T, N>
where
    T: SimdElement,
{
    black_box(Simd::from_array(core::array::from_fn(f)))
}

macro_rules! case {
    ($t:ty, $n:literal, $f:expr) => {{
        let f = $f;
        let x: Simd<$t, $n> = lanes(|i| f(i));
        let y: Simd<$t, $n> = lanes(|i| f(i * 3 + 1));
        let z: Simd<$t, $n> = lanes(|i| f(i + 17));
        let w = Wrap { tag: 200, vec: x, tail: 0xbeef };
        let (r, arr, (last, n)) = work(black_box(w), black_box((77u8, y, 0x1234_5678_9abc_def0)), black_box([x, y, z]));
        println!(
            "{}x{} size {} align {} wrap {}/{}: tag {} tail {:#x} vec {:?}",
            stringify!($t), $n, size_of::<Simd<$t, $n>>(), align_of::<Simd<$t, $n>>(), size_of::<Wrap<$t, $n>>(), align_of::<Wrap<$t, $n>>(),
            r.tag, r.tail, r.vec.to_array()
        );
        println!("  arr {:?} {:?} last {:?} n {}", arr[0].to_array(), arr[1].to_array(), last.to_array(), n);
        println!("  opt {:?} {:?}", opt(black_box(Some(z)), true).map(|v| v.to_array()), opt(Some(z), black_box(false)).map(|v| v.to_array()));
        let vs: Vec<Simd<$t, $n>> = vec![x, y, z, x + z];
        let total = vs.iter().fold(Simd::<$t, $n>::splat(f(1000)), |acc, v| acc + *v);
        println!("  vec fold {:?}", total.to_array());
        let bx = Box::new(black_box(y));
        println!("  box {:?}", (*bx + x).to_array());
    }};
}

trait Mix {
    fn mix(&self, a: U8x48, b: f32x16) -> (U8x48, f32x16);
}
struct K(u8);
impl Mix for K {
    #[inline(never)]
    fn mix(&self, a: U8x48, b: f32x16) -> (U8x48, f32x16) {
        (a + Simd::splat(self.0), b * Simd::splat(self.0 as f32))
    }
}
type U8x48 = Simd<u8, 48>;

#[inline(never)]
fn many(
    a: u8x16, b: u16x8, c: u32x4, d: u64x2, e: f32x4, f: f64x2, g: i8x32, h: i64x8, i: Simd<u32, 7>, j: Simd<u64, 3>,
    k: Simd<u8, 7>, l: f64x8,
) -> u64 {
    let parts = [
        a.cast::<u64>().reduce_sum(),
        b.cast::<u64>().reduce_sum(),
        c.cast::<u64>().reduce_sum(),
        d.reduce_sum(),
        e.cast::<u64>().reduce_sum(),
        f.cast::<u64>().reduce_sum(),
        g.cast::<u64>().reduce_sum(),
        h.cast::<u64>().reduce_sum(),
        i.cast::<u64>().reduce_sum(),
        j.reduce_sum(),
        k.cast::<u64>().reduce_sum(),
        l.cast::<u64>().reduce_sum(),
    ];
    parts.iter().enumerate().fold(0u64, |acc, (n, p)| acc.wrapping_mul(31).wrapping_add(*p ^ n as u64))
}

#[inline(never)]
fn raw<T: Copy, const N: usize>(x: V<T, N>, y: V<T, N>) -> (V<T, N>, V<T, N>) {
    unsafe { (core::intrinsics::simd::simd_add(x, y), core::intrinsics::simd::simd_sub(x, y)) }
}
fn raw_arr<T: Copy, const N: usize>(x: V<T, N>) -> [T; N] {
    unsafe { std::ptr::read(&x as *const V<T, N> as *const [T; N]) }
}
fn raw_v<T: Copy, const N: usize>(x: [T; N]) -> V<T, N> {
    let mut t = std::mem::MaybeUninit::<V<T, N>>::uninit();
    unsafe {
        std::ptr::copy_nonoverlapping(&x, t.as_mut_ptr().cast(), 1);
        t.assume_init()
    }
}

fn main() {
    case!(u8, 1, |i: usize| (i * 7) as u8);
    case!(i8, 2, |i: usize| (i as i8).wrapping_mul(-13));
    case!(u8, 3, |i: usize| (i * 91) as u8);
    case!(u8, 7, |i: usize| (i * 37 + 5) as u8);
    case!(u8, 32, |i: usize| (i * 29) as u8);
    case!(u8, 48, |i: usize| (i * 5 + 250) as u8);
    case!(i8, 64, |i: usize| (i as i8).wrapping_mul(77));
    case!(u16, 3, |i: usize| (i * 40000) as u16);
    case!(i16, 16, |i: usize| (i as i16).wrapping_mul(4099));
    case!(u32, 7, |i: usize| (i as u32).wrapping_mul(0x9e37_79b9));
    case!(i32, 1, |i: usize| -(i as i32) - 5);
    case!(f32, 3, |i: usize| i as f32 * 0.5 - 1.0);
    case!(f32, 16, |i: usize| i as f32 * -1.25);
    case!(u64, 3, |i: usize| (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    case!(u64, 8, |i: usize| u64::MAX - i as u64);
    case!(i64, 1, |i: usize| i as i64 - 3);
    case!(f64, 2, |i: usize| i as f64 / 3.0);
    case!(f64, 7, |i: usize| i as f64 * 1e100);
    case!(usize, 4, |i: usize| i * 1000);
    case!(isize, 3, |i: usize| -(i as isize));
    case!(u16, 64, |i: usize| (i * 1031) as u16);
    case!(f32, 64, |i: usize| i as f32);

    // dyn call and fn pointer with wide vectors.
    let k: &dyn Mix = black_box(&K(3));
    let (p, q) = k.mix(lanes(|i| (i * 6) as u8), lanes(|i| i as f32 - 8.0));
    println!("dyn {:?} {:?}", p.to_array(), q.to_array());
    let fp: fn(i8x64, i8x64) -> (i8x64, Simd<u8, 7>) = black_box(|a, b| (a - b, Simd::from_array(core::array::from_fn(|i| a[i * 9] as u8))));
    let (d, s7) = fp(lanes(|i| i as i8), lanes(|i| (i * 3) as i8));
    println!("fn ptr {:?} {:?}", d.to_array(), s7.to_array());
    let cap = lanes::<u64, 8>(|i| i as u64 * 3);
    let clos = move |x: u64x8| x * cap;
    println!("closure {:?}", black_box(clos)(lanes(|i| i as u64 + 1)).to_array());

    let sum = many(
        lanes(|i| i as u8), lanes(|i| i as u16 * 100), lanes(|i| i as u32 * 10000), lanes(|i| (i as u64) << 40), lanes(|i| i as f32 + 0.5),
        lanes(|i| i as f64 * 1e6), lanes(|i| i as i8), lanes(|i| i as i64 * -1), lanes(|i| i as u32 + 7), lanes(|i| i as u64 * 3),
        lanes(|i| i as u8 * 2), lanes(|i| i as f64),
    );
    println!("many args {sum}");

    // Raw repr(simd) types (padded to a power of two) by value through a generic fn.
    println!("raw sizes {} {} {} {}", size_of::<V<u8, 7>>(), size_of::<V<u64, 3>>(), size_of::<V<u32, 7>>(), size_of::<V<u8, 48>>());
    let (s, x) = raw(raw_v(black_box([1u8, 2, 3, 4, 5, 6, 255])), raw_v([9u8; 7]));
    println!("raw u8x7 {:?} {:?}", raw_arr(s), raw_arr(x));
    let (s, x) = raw(raw_v(black_box([u64::MAX, 1, 2])), raw_v([1u64, 2, 3]));
    println!("raw u64x3 {:?} {:?}", raw_arr(s), raw_arr(x));
    let (s, x) = raw(raw_v(black_box(core::array::from_fn::<u8, 48, _>(|i| i as u8 * 5))), raw_v([0x0fu8; 48]));
    println!("raw u8x48 {:?} {:?}", raw_arr(s), raw_arr(x));
    let (s, x) = raw(raw_v(black_box([1.5f32, -2.0, 1e30, 7.0, 0.0, -0.0, 3.0])), raw_v([0.5f32; 7]));
    println!("raw f32x7 {:?} {:?}", raw_arr(s), raw_arr(x));
    let (s, x) = raw(raw_v(black_box([i128::MIN, 5, -7])), raw_v([-1i128, 5, 7]));
    println!("raw i128x3 {:?} {:?}", raw_arr(s), raw_arr(x));
    let arr_of_raw = black_box([raw_v([1u16, 2, 3]), raw_v([4u16, 5, 6])]);
    let (s, x) = raw(arr_of_raw[0], arr_of_raw[1]);
    println!("raw u16x3 from array {:?} {:?}", raw_arr(s), raw_arr(x));
}
