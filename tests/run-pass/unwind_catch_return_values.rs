// catch_unwind returning values of many shapes (scalars, i128, f64, large structs, enums, Strings, references); AssertUnwindSafe &mut state changed before the panic stays visible; values live in registers across a catch and frames larger than a page survive the unwind.
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Big {
    a: [u64; 12],
    tag: u8,
}

#[derive(Debug, PartialEq)]
enum Shape {
    Empty,
    Circle(f64),
    Rect { w: u32, h: u32 },
    Named(String, Vec<i16>),
}

#[derive(Debug, Default)]
struct State {
    counter: u64,
    history: Vec<String>,
    flag: bool,
    total: i128,
}

fn fail_if(cond: bool, what: &str) {
    if black_box(cond) {
        panic!("{what}");
    }
}

fn msg(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
}

// Many values live across the catch (callee-saved registers and spill slots must be intact after the landing pad).
#[inline(never)]
fn live_across_catch(seed: u64) -> u64 {
    let a = black_box(seed) * 3;
    let b = a ^ 0x5555;
    let c = b.rotate_left(7);
    let d = c.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let e = d >> 3;
    let f = e + a;
    let g = f ^ b;
    let h = g.wrapping_sub(c);
    let x = black_box(seed as f64) * 1.5;
    let y = x / 3.0 + 0.25;
    let mut caught = 0u64;
    for k in 0..4u64 {
        let r = catch_unwind(|| {
            // Clobber as many registers as possible inside the panicking callee.
            let v: Vec<u64> = (0..16).map(|i| black_box(i * k)).collect();
            fail_if(k % 2 == 1, "clobber");
            v.iter().sum::<u64>()
        });
        caught += r.map_or(1000, |v| v);
    }
    let s = a + b + c + d + e + f + g + h;
    s.wrapping_add(caught).wrapping_add((x + y) as u64)
}

struct Frame<'a> {
    name: &'static str,
    out: &'a std::cell::RefCell<Vec<String>>,
}
impl Drop for Frame<'_> {
    fn drop(&mut self) {
        self.out.borrow_mut().push(format!("drop {}", self.name));
    }
}

// A frame larger than a page (stack probes) with a cleanup, unwound through by a panic in a callee.
#[inline(never)]
fn big_frame(out: &std::cell::RefCell<Vec<String>>, n: usize) -> u64 {
    let _f = Frame { name: "big frame", out };
    let mut buf = [0u8; 64 * 1024];
    for (i, b) in buf.iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    black_box(&mut buf);
    let idx = black_box(n);
    buf[idx] as u64 + small_frame(out, n)
}

#[inline(never)]
fn small_frame(out: &std::cell::RefCell<Vec<String>>, n: usize) -> u64 {
    let _f = Frame { name: "small frame", out };
    let v = [1u64, 2, 3];
    v[black_box(n % 7)]
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));

    println!("== registers and big frames around catch_unwind");
    println!("live_across_catch: {} {}", live_across_catch(1), live_across_catch(123456789));
    let out = std::cell::RefCell::new(Vec::new());
    let outer_local = black_box(0xABCD_u64);
    let r = catch_unwind(AssertUnwindSafe(|| big_frame(&out, 1)));
    println!("big_frame(1) {:?} {:?}", r.map_err(msg), out.borrow());
    out.borrow_mut().clear();
    let r = catch_unwind(AssertUnwindSafe(|| big_frame(&out, 5)));
    println!("big_frame(5) {:?} {:?}", r.map_err(msg), out.borrow());
    out.borrow_mut().clear();
    let r = catch_unwind(AssertUnwindSafe(|| big_frame(&out, 100_000)));
    println!("big_frame(100000) {:?} {:?} outer_local {outer_local:#x}", r.map_err(msg), out.borrow());

    let t = black_box(true);
    let f = black_box(false);

    println!("== return values");
    println!("{:?}", catch_unwind(|| black_box(42u8)));
    println!("{:?}", catch_unwind(|| black_box(-1i64) * 3));
    println!("{:?}", catch_unwind(|| black_box(i128::MIN + 5)));
    println!("{:?}", catch_unwind(|| black_box(u128::MAX / 3)));
    println!("{:?}", catch_unwind(|| black_box(2.5f64).powi(2)));
    println!("{:?}", catch_unwind(|| black_box(1.25f32) / 2.0));
    println!("{:?}", catch_unwind(|| black_box('ß')));
    println!("{:?}", catch_unwind(|| black_box(true) && f));
    println!("{:?}", catch_unwind(|| ()));
    println!("{:?}", catch_unwind(|| (black_box(1u8), black_box(2u64), black_box(3u16))));
    println!("{:?}", catch_unwind(|| Big { a: std::array::from_fn(|i| black_box(i as u64) * 7), tag: 9 }));
    println!("{:?}", catch_unwind(|| Shape::Empty));
    println!("{:?}", catch_unwind(|| Shape::Circle(black_box(0.5))));
    println!("{:?}", catch_unwind(|| Shape::Rect { w: black_box(3), h: 4 }));
    println!("{:?}", catch_unwind(|| Shape::Named("tri".to_string(), vec![black_box(-3), 4])));
    println!("{:?}", catch_unwind(|| Some(black_box(String::from("some string")))));
    println!("{:?}", catch_unwind(|| Ok::<u32, String>(black_box(1))));
    println!("{:?}", catch_unwind(|| Err::<u32, String>(black_box("e".into()))));
    println!("{:?}", catch_unwind(|| None::<Box<u32>>));
    println!("{:?}", catch_unwind(|| Some(Box::new(black_box(77u32)))));
    let arr = [10u32, 20, 30];
    println!("{:?}", catch_unwind(|| &arr[black_box(1)..]));
    println!("{:?}", catch_unwind(|| black_box("static str")));

    println!("== panics instead of returning (no partially returned values)");
    println!("{:?}", catch_unwind(|| { fail_if(t, "u8"); 1u8 }).map_err(msg));
    println!("{:?}", catch_unwind(|| { fail_if(t, "i128"); 1i128 }).map_err(msg));
    println!("{:?}", catch_unwind(|| -> Big { fail_if(t, "big"); Big { a: [1; 12], tag: 1 } }).map_err(msg));
    println!("{:?}", catch_unwind(|| -> Shape { fail_if(t, "shape"); Shape::Empty }).map_err(msg));
    println!("{:?}", catch_unwind(|| -> f64 { fail_if(t, "f64"); 1.0 }).map_err(msg));
    println!("{:?}", catch_unwind(|| -> (u8, u64, u16) { fail_if(t, "tuple"); (1, 2, 3) }).map_err(msg));

    println!("== AssertUnwindSafe state visible after the panic");
    let mut state = State::default();
    for i in 0..6u64 {
        let r = catch_unwind(AssertUnwindSafe(|| {
            state.counter += 10;
            state.history.push(format!("start {i}"));
            state.total += (i as i128) << 100;
            fail_if(i % 3 == 2, "every third");
            state.history.push(format!("end {i}"));
            state.flag = !state.flag;
            state.counter
        }));
        println!("i={i} r={:?}", r.map_err(msg));
    }
    println!("counter {} flag {} total {}", state.counter, state.flag, state.total);
    for h in &state.history {
        println!("  {h}");
    }

    println!("== locals and captured by-ref values modified in a loop before the panic");
    let mut arr = [0u32; 8];
    let mut idx = 0usize;
    let r = catch_unwind(AssertUnwindSafe(|| {
        loop {
            arr[idx] = (idx as u32 + 1) * 11;
            idx += 1;
            // Panics with an index out of bounds at idx == 8, after writing every element.
            black_box(arr[idx]);
        }
    }));
    println!("{:?} idx {idx} arr {arr:?}", r.map_err(msg));

    println!("== a value moved into the closure is dropped by the unwind, one borrowed mutably is not");
    let mut kept = vec![1, 2, 3];
    let moved = vec![String::from("moved")];
    let r = catch_unwind(AssertUnwindSafe(|| {
        kept.push(4);
        let m = moved;
        fail_if(t, "after move");
        m.len()
    }));
    println!("{:?} kept {kept:?}", r.map_err(msg));

    println!("== result of a successful catch after a failed one in the same frame");
    let mut x = black_box(5u64);
    let a = catch_unwind(AssertUnwindSafe(|| {
        x *= 3;
        fail_if(x > 10, "x too big");
        x
    }));
    let b = catch_unwind(AssertUnwindSafe(|| {
        x += 1;
        x
    }));
    println!("a {:?} b {:?} x {x}", a.map_err(msg), b);

    println!("== catch_unwind result used in arithmetic and control flow");
    let mut acc = 0i64;
    for i in -5i64..=5 {
        let r = catch_unwind(|| {
            let d = black_box(i);
            100 / d
        });
        acc = acc * 3 + r.unwrap_or(-1000);
    }
    println!("acc {acc}");
}
