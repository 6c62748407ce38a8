// Unsized struct tails (slice and dyn) with dynamic field offsets from vtable alignment, size_of_val/align_of_val of dyn, Rc/Arc<dyn> of over-aligned types.
use std::fmt::Debug;
use std::hint::black_box;
use std::rc::Rc;
use std::sync::Arc;

struct Wrap<T: ?Sized> { tag: u8, extra: u16, tail: T }

#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct Over { v: u64 }

#[derive(Debug, Clone, Copy)]
struct Small(u8);

trait Val: Debug { fn get(&self) -> u64; }
impl Val for Over { fn get(&self) -> u64 { self.v } }
impl Val for Small { fn get(&self) -> u64 { self.0 as u64 } }
impl Val for u128 { fn get(&self) -> u64 { (*self >> 64) as u64 ^ *self as u64 } }

#[inline(never)]
fn inspect(w: &Wrap<dyn Val>) -> String {
    let base = w as *const Wrap<dyn Val> as *const u8 as usize;
    let tail = &w.tail as *const dyn Val as *const u8 as usize;
    format!("tag {} extra {} tail {:?} get {} off {} size {} align {}", w.tag, w.extra, &w.tail, w.tail.get(), tail - base,
        size_of_val(w), align_of_val(w))
}

#[inline(never)]
fn slice_tail(w: &Wrap<[u16]>) -> (usize, u32, usize) { (w.tail.len(), w.tail.iter().map(|&x| x as u32).sum(), size_of_val(w)) }

fn main() {
    let a: Box<Wrap<dyn Val>> = Box::new(Wrap { tag: 1, extra: 2, tail: Over { v: black_box(0xabcdef) } });
    let b: Box<Wrap<dyn Val>> = Box::new(Wrap { tag: 3, extra: 4, tail: Small(black_box(200)) });
    let c: Box<Wrap<dyn Val>> = Box::new(Wrap { tag: 5, extra: 6, tail: black_box(u128::MAX - 1) });
    for w in [&a, &b, &c] { println!("{}", inspect(w)); }
    let s: &Wrap<[u16]> = &Wrap { tag: 9, extra: 10, tail: [1u16, 2, 3, black_box(4), 5] };
    println!("{:?}", slice_tail(s));
    let rc: Rc<dyn Val> = Rc::new(Over { v: black_box(77) });
    let rc2 = rc.clone();
    println!("rc {:?} {} aligned {} size {} align {}", rc2, rc.get(), (&*rc as *const dyn Val as *const u8 as usize) % 32 == 0, size_of_val(&*rc), align_of_val(&*rc));
    let arc: Arc<dyn Val + Send + Sync> = Arc::new(Small(black_box(5)));
    let arc_over: Arc<dyn Val + Send + Sync> = Arc::new(Over { v: 1 << 40 });
    println!("arc {:?} {} {:?} aligned {}", arc, arc.get(), arc_over, (&*arc_over as *const _ as *const u8 as usize) % 32 == 0);
    let dyns: Vec<Box<dyn Val>> = vec![Box::new(Small(1)), Box::new(Over { v: 2 }), Box::new(3u128)];
    println!("{:?}", dyns.iter().map(|d| (size_of_val(&**d), align_of_val(&**d), d.get())).collect::<Vec<_>>());
    let arr: &Wrap<[u8; 16]> = &Wrap { tag: 0, extra: 1, tail: *b"unsized str tail" };
    let bytes: &Wrap<[u8]> = arr;
    println!("byte tail {:?} {} {}", std::str::from_utf8(&bytes.tail[8..]), size_of_val(bytes), bytes.tail.len());
}
