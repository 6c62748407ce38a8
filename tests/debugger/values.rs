// A debugger probe: each `// break` line is a breakpoint; gdb's answers there are compared
// with the LLVM build's by tests/debugger/gdb_facts.py.
#[derive(Debug, Clone, Copy)]
struct Point {
    x: i32,
    y: f64,
}

struct Wrapper(u64, i8);

#[inline(never)]
fn scale(v: i64, by: u32) -> i64 {
    v * by as i64
}

#[inline(never)]
fn show(p: Point, name: &str, xs: &[u16], t: (u8, bool, char)) -> i64 {
    let total: i64 = xs.iter().map(|&x| x as i64).sum();
    let arr = [1u32, 2, 3];
    let r = &p;
    let w = Wrapper(u64::MAX, -3);
    let scaled = p.x as i64 * total + arr[1] as i64 + r.y as i64 + w.1 as i64; // break
    let out = scale(scaled, 2);
    println!("{name} {t:?} {out} {}", w.0);
    out
}

fn main() {
    let v = vec![10u16, 20, 30];
    let s = String::from("hello");
    let boxed = Box::new(Point { x: -1, y: 0.125 });
    let n = show(Point { x: 3, y: 2.5 }, &s, &v, (7, true, 'z')); // break
    let f = 1.5f32;
    let m = scale(n, boxed.x as u32); // break
    println!("{n} {} {m} {f}", s.len());
}
