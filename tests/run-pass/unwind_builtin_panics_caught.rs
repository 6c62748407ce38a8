// Compiler- and library-inserted panics (overflow, shift, index OOB, slice ranges, RefCell double borrow, unwrap None, division/remainder by zero, char/str boundaries) each caught by catch_unwind, message from a hook and from the payload, locals dropped.
//@ compile-flags: -Coverflow-checks=on -Cdebug-assertions=on
use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    static HOOK_MSG: RefCell<String> = const { RefCell::new(String::new()) };
    static DROPS: Cell<u32> = const { Cell::new(0) };
}

struct Local;
impl Drop for Local {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}

fn check<R: std::fmt::Debug>(name: &str, f: impl FnOnce() -> R) {
    HOOK_MSG.with(|m| m.borrow_mut().clear());
    DROPS.with(|d| d.set(0));
    let r = catch_unwind(AssertUnwindSafe(|| {
        let _l = Local;
        f()
    }));
    let hook = HOOK_MSG.with(|m| m.borrow().clone());
    let drops = DROPS.with(|d| d.get());
    match r {
        Ok(v) => println!("{name}: returned {v:?} (hook {hook:?}, drops {drops})"),
        Err(p) => {
            let payload = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "<other>".into());
            println!("{name}: panicked\n    hook:    {hook}\n    payload: {payload}\n    drops:   {drops}");
        }
    }
}

#[derive(Debug)]
struct Counter {
    n: u8,
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().unwrap();
        let msg = format!("{} @{}:{}", info.payload_as_str().unwrap_or("<non-string>"), loc.line(), loc.column());
        HOOK_MSG.with(|m| *m.borrow_mut() = msg);
    }));

    let big_u8 = black_box(200u8);
    let min_i32 = black_box(i32::MIN);
    let max_i64 = black_box(i64::MAX);
    let zero = black_box(0i32);
    let zero_u = black_box(0u64);
    let minus1 = black_box(-1i32);

    println!("== arithmetic");
    check("u8 add", || big_u8 + black_box(100u8));
    check("u8 sub", || black_box(3u8) - big_u8);
    check("i64 mul", || max_i64 * black_box(2));
    check("i32 neg", || -min_i32);
    check("i32 abs", || min_i32.abs());
    check("i32 div MIN/-1", || min_i32 / minus1);
    check("i32 rem MIN%-1", || min_i32 % minus1);
    check("i32 div by zero", || black_box(10i32) / zero);
    check("u64 rem by zero", || black_box(10u64) % zero_u);
    check("i128 mul", || black_box(i128::MAX / 2 + 1) * 2);
    check("u32 shl 32", || black_box(1u32) << black_box(32u32));
    check("i16 shr 16", || black_box(-1i16) >> black_box(16u32));
    check("u8 pow", || big_u8.pow(2));
    check("add-assign in struct", || {
        let mut c = Counter { n: black_box(250) };
        for _ in 0..10 {
            c.n += 1;
        }
        c
    });
    check("usize sub underflow", || black_box(vec![1u8]).len() - 2);
    check("fine add", || big_u8 + black_box(55u8));

    println!("== indexing");
    let v = black_box(vec![10u32, 20, 30]);
    let arr = black_box([1u16; 4]);
    check("vec index", || v[black_box(3)]);
    check("array index", || arr[black_box(4usize)]);
    check("slice range end", || v[1..black_box(5)].len());
    check("slice range start>end", || v[black_box(2)..1].len());
    check("str char boundary", || black_box("héllo")[0..black_box(2)].len());
    check("vec remove", || black_box(vec![1, 2]).remove(black_box(5)));
    check("vec insert", || black_box(vec![1, 2]).insert(black_box(5), 0));
    check("split_at", || black_box(&v[..]).split_at(black_box(9)).0.len());
    check("copy_from_slice len mismatch", || {
        let mut d = [0u32; 2];
        d.copy_from_slice(&v);
        d
    });
    check("in-bounds", || v[black_box(2)]);

    println!("== RefCell");
    let cell = RefCell::new(black_box(vec![1, 2, 3]));
    check("double borrow_mut", || {
        let _a = cell.borrow_mut();
        let _b = cell.borrow_mut();
    });
    check("borrow while mut borrowed", || {
        let mut a = cell.borrow_mut();
        a.push(4);
        let b = cell.borrow();
        b.len()
    });
    check("borrow after guards dropped by unwinding", || cell.borrow_mut().len());

    println!("== Option / Result");
    let none: Option<u8> = black_box(None);
    let err: Result<u8, String> = black_box(Err("bad input".to_string()));
    check("unwrap None", || none.unwrap());
    check("expect None", || none.expect("needed a value"));
    check("unwrap Err", || err.clone().unwrap());
    check("expect Err", || err.clone().expect("parse failed"));
    check("unwrap_err Ok", || black_box(Ok::<u8, u8>(3)).unwrap_err());
    check("parse unwrap", || black_box("12x").parse::<i32>().unwrap());

    println!("== misc");
    check("char from_digit radix", || char::from_digit(1, black_box(40)));
    check("chunks(0)", || black_box(&v[..]).chunks(black_box(0)).count());
    check("assert_eq", || assert_eq!(black_box(1 + 1), 3, "math is {}", "broken"));
    check("assert", || assert!(black_box(false), "assert with {}", 42));
    check("unreachable", || -> u8 { if black_box(true) { unreachable!("state {}", 7) } else { 0 } });
    check("Duration overflow", || std::time::Duration::from_secs(black_box(u64::MAX)) + std::time::Duration::from_secs(1));
    check("iter step_by(0)", || (0..10).step_by(black_box(0)).count());
}
