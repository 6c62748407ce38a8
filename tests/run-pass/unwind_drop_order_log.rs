// Drop order during unwinding, logged in a global Mutex<Vec>: nested scopes, struct fields, Vec elements, tuple temporaries, moved-out values, partially initialised struct literals.
#![allow(dead_code)]
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn log(s: String) {
    LOG.lock().unwrap().push(s);
}

fn take_log() -> Vec<String> {
    std::mem::take(&mut *LOG.lock().unwrap())
}

struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

struct Pair {
    a: D,
    b: D,
    c: D,
}

struct Outer {
    x: D,
    inner: Pair,
    y: D,
}

fn maybe_panic(what: &str) -> D {
    if black_box(true) {
        panic!("boom in {what}");
    }
    D("never")
}

fn mk(name: &'static str) -> D {
    log(format!("make {name}"));
    D(name)
}

fn consume(d: D) {
    log(format!("consume {}", d.0));
}

fn nested_scopes() {
    let _a = mk("a");
    {
        let _b = mk("b");
        {
            let _c = mk("c");
            let _d = mk("d");
            maybe_panic("nested");
        }
    }
}

fn struct_fields() {
    let _o = Outer { x: mk("x"), inner: Pair { a: mk("pa"), b: mk("pb"), c: mk("pc") }, y: mk("y") };
    let _after = mk("after");
    maybe_panic("fields");
}

fn vec_elements() {
    let v = vec![mk("v0"), mk("v1"), mk("v2"), mk("v3")];
    let _tail = mk("tail");
    black_box(&v);
    maybe_panic("vec");
}

fn tuple_temporaries() {
    // The temporaries of the tuple being built are dropped when the third element panics.
    let _t = (mk("t0"), mk("t1"), maybe_panic("tuple"), mk("t3"));
}

fn moved_out() {
    let a = mk("moved");
    let b = mk("kept");
    consume(a);
    let c = mk("cond");
    if black_box(true) {
        consume(c);
    }
    black_box(&b);
    maybe_panic("moved");
}

fn partial_literal() {
    let _o = Outer { x: mk("px"), inner: Pair { a: mk("pia"), b: maybe_panic("literal"), c: mk("pic") }, y: mk("py") };
}

fn partial_move_of_field() {
    let o = Outer { x: mk("fx"), inner: Pair { a: mk("fa"), b: mk("fb"), c: mk("fc") }, y: mk("fy") };
    consume(o.inner.b);
    let Outer { x, .. } = o;
    consume(x);
    maybe_panic("partial move");
}

fn in_call_args() {
    fn three(_a: D, _b: D, _c: D) {}
    three(mk("arg0"), mk("arg1"), maybe_panic("args"));
}

fn panic_in_method_receiver_chain() {
    let v: Vec<D> = (0..3).map(|i| mk(["m0", "m1", "m2"][i])).collect();
    let _s = v.iter().map(|d| {
        if d.0 == black_box("m1") {
            panic!("chain at {}", d.0);
        }
        d.0.len()
    }).sum::<usize>();
}

fn run(name: &str, f: fn()) {
    let r = catch_unwind(AssertUnwindSafe(f));
    let msg = match r {
        Ok(()) => "no panic".to_string(),
        Err(e) => match e.downcast::<String>() {
            Ok(s) => *s,
            Err(e) => match e.downcast::<&str>() {
                Ok(s) => s.to_string(),
                Err(_) => "?".to_string(),
            },
        },
    };
    println!("== {name}: {msg}");
    for l in take_log() {
        println!("  {l}");
    }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().unwrap();
        log(format!("hook line {}", loc.line()));
    }));
    run("nested_scopes", nested_scopes);
    run("struct_fields", struct_fields);
    run("vec_elements", vec_elements);
    run("tuple_temporaries", tuple_temporaries);
    run("moved_out", moved_out);
    run("partial_literal", partial_literal);
    run("partial_move_of_field", partial_move_of_field);
    run("in_call_args", in_call_args);
    run("panic_in_method_receiver_chain", panic_in_method_receiver_chain);
    println!("log empty: {}", take_log().is_empty());
}
