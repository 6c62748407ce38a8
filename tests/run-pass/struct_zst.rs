// Zero-sized types: unit structs, empty arrays, PhantomData, ZST fields, Vec of ZSTs, ZST args/returns and their addresses.
#![allow(dead_code)]
use std::hint::black_box;
use std::marker::PhantomData;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Unit;

#[derive(Debug, Default)]
struct Empty {}

#[derive(Debug)]
struct WithZst {
    a: u32,
    z: Unit,
    p: PhantomData<String>,
    b: [u64; 0],
    c: u8,
}

struct Counter<T> {
    n: usize,
    _m: PhantomData<T>,
}

impl<T> Counter<T> {
    fn bump(&mut self, _t: T) -> usize { self.n += 1; self.n }
}

#[inline(never)]
fn zst_args(a: Unit, b: (), c: [u8; 0], x: i32, d: Empty) -> (Unit, i32, ()) {
    let _ = (a, b, c, d);
    (Unit, x + 1, ())
}

impl Drop for Empty {
    fn drop(&mut self) { println!("drop Empty"); }
}

fn main() {
    println!("sizes {} {} {} {} {}", size_of::<Unit>(), size_of::<Empty>(), size_of::<WithZst>(), size_of::<[Unit; 100]>(), size_of::<PhantomData<u128>>());
    let w = WithZst { a: black_box(7), z: Unit, p: PhantomData, b: [], c: 9 };
    println!("{:?}", w);
    let mut v: Vec<Unit> = Vec::new();
    for _ in 0..black_box(1000) {
        v.push(Unit);
    }
    println!("vec len {} cap>=len {} all eq {}", v.len(), v.capacity() >= v.len(), v.iter().all(|u| *u == Unit));
    v.truncate(10);
    println!("popped {:?} len {}", v.pop(), v.len());
    let r = zst_args(Unit, (), [], black_box(41), Empty {});
    println!("{:?}", r);
    let mut c: Counter<()> = Counter { n: 0, _m: PhantomData };
    for _ in 0..5 { c.bump(()); }
    println!("counter {}", c.bump(()));
    let units = [(); 5];
    println!("units {:?} {}", units, units.len());
    let e = Empty::default();
    let b = Box::new(Unit);
    println!("box {:?}", *b);
    let empties: Vec<Empty> = (0..3).map(|_| Empty {}).collect();
    println!("empties {}", empties.len());
    drop(empties);
    let mut opt: Option<Unit> = None;
    println!("opt {:?} size {}", opt, size_of::<Option<Unit>>());
    opt = Some(Unit);
    println!("opt {:?}", opt);
    drop(e);
    println!("end");
}
