// A panic while values with Drop are live: with panic=abort no destructors run, only the panic message and abort; output before it is flushed.
//@ compile-flags: -Cpanic=abort
use std::hint::black_box;

struct D(u32);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }

fn inner(v: &[u32]) -> u32 {
    let _guard = D(100);
    let idx = black_box(v.len());
    v[idx]
}

fn main() {
    let _a = D(1);
    {
        let _b = D(2);
    }
    let v = vec![1, 2, 3];
    println!("calling inner");
    let r = inner(&v);
    println!("unreachable {}", r);
}
