// Drop order: locals in reverse declaration order, struct fields in declaration order, temporaries, moved-out values, Vec elements, mem::forget, shadowing.
#![allow(dead_code, unused_assignments)]
use std::hint::black_box;

struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }

struct Pair { _first: D, _second: D }
enum Either { L(D), R(D, D) }

fn make(name: &'static str) -> D { println!("make {}", name); D(name) }
fn consume(d: D) { println!("consume {}", d.0); }
fn pass_through(d: D) -> D { d }

fn main() {
    let _a = make("a");
    let _b = make("b");
    {
        let _inner = make("inner");
        println!("end of inner scope");
    }
    let p = Pair { _first: make("p.first"), _second: make("p.second") };
    let c = make("c");
    consume(c);
    let kept = pass_through(make("through"));
    let _ = make("underscore-pattern");
    println!("after underscore");
    let v = vec![make("v0"), make("v1"), make("v2")];
    let tmp_len = make("temp").0.len();
    println!("temp len {}", tmp_len);
    let e = if black_box(true) { Either::R(make("r0"), make("r1")) } else { Either::L(make("l")) };
    if let Either::R(x, _) = e { println!("took {}", x.0); }
    let f = make("forgotten");
    std::mem::forget(f);
    let s = make("shadow1");
    let s = (s, make("shadow2"));
    println!("shadowed {}", (s.1).0);
    let mut reassigned = make("old");
    reassigned = make("new");
    println!("reassigned {}", reassigned.0);
    drop(p);
    let boxed: Box<[D]> = vec![make("b0"), make("b1")].into_boxed_slice();
    let opt = Some(make("opt"));
    let arr = [make("arr0"), make("arr1")];
    let [first, _] = arr;
    println!("first {}", first.0);
    drop(v);
    let _ = (kept, boxed, opt);
    println!("end of main");
}
