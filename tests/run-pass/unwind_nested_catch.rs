// Nested catch_unwind: panic inside catch inside catch, rethrow from the inner handler with resume_unwind, the outer catch gets the same payload; drops at each level.
use std::any::Any;
use std::cell::RefCell;
use std::hint::black_box;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn log(s: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(s.into()));
}

fn dump(title: &str) {
    println!("-- {title}");
    LOG.with(|l| {
        for s in l.borrow_mut().drain(..) {
            println!("   {s}");
        }
    });
}

struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

fn describe(p: &(dyn Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        format!("&str {s:?}")
    } else if let Some(s) = p.downcast_ref::<String>() {
        format!("String {s:?}")
    } else if let Some(n) = p.downcast_ref::<u64>() {
        format!("u64 {n}")
    } else {
        "unknown".to_string()
    }
}

#[inline(never)]
fn fail(level: u32) -> u32 {
    let _g = Guard("fail");
    if black_box(level) > 0 {
        panic!("fail at level {level}");
    }
    level
}

// Inner catch handles the panic completely; the outer sees Ok.
fn inner_handles() {
    let r = catch_unwind(|| {
        let _o = Guard("outer-body");
        let inner = catch_unwind(|| {
            let _i = Guard("inner-body");
            fail(1)
        });
        match &inner {
            Ok(v) => log(format!("inner ok {v}")),
            Err(p) => log(format!("inner caught {}", describe(&**p))),
        }
        log("outer continues");
        7u32
    });
    log(format!("outer result {:?}", r.map_err(|p| describe(&*p))));
}

// Inner catch rethrows the payload with resume_unwind; the outer catches the very same box.
fn inner_rethrows() {
    let mut inner_addr = 0usize;
    let r = catch_unwind(AssertUnwindSafe(|| {
        let _o = Guard("outer-body");
        let inner = catch_unwind(|| {
            let _i = Guard("inner-body");
            fail(2)
        });
        if let Err(p) = inner {
            log(format!("inner caught {}, rethrowing", describe(&*p)));
            inner_addr = &*p as *const (dyn Any + Send) as *const u8 as usize;
            let _h = Guard("handler-local");
            resume_unwind(p);
        }
        log("not reached");
    }));
    match r {
        Ok(()) => log("outer: no panic"),
        Err(p) => {
            let same = inner_addr == &*p as *const (dyn Any + Send) as *const u8 as usize;
            log(format!("outer caught {} same box: {same}", describe(&*p)));
        }
    }
}

// Inner handler panics with a new payload (a different message) instead of rethrowing.
fn handler_panics_anew() {
    let r = catch_unwind(|| {
        let _o = Guard("outer-body");
        let inner = catch_unwind(|| fail(3));
        if let Err(p) = inner {
            let old = describe(&*p);
            drop(p);
            let _h = Guard("new-panic-handler");
            panic!("replaced ({old})");
        }
    });
    log(format!("outer {:?}", r.map_err(|p| describe(&*p))));
}

// Three levels deep; each level catches, logs, and rethrows with a wrapped payload.
fn three_levels() {
    fn level(n: u32) -> u64 {
        let _g = Guard(["L0", "L1", "L2", "L3"][n as usize]);
        if n == 3 {
            resume_unwind(Box::new(black_box(1000u64)));
        }
        match catch_unwind(|| level(n + 1)) {
            Ok(v) => v,
            Err(p) => {
                let v = *p.downcast::<u64>().unwrap();
                log(format!("level {n} caught {v}"));
                if n == 0 {
                    return v + 1;
                }
                resume_unwind(Box::new(v + 10 * n as u64));
            }
        }
    }
    let v = catch_unwind(|| level(0));
    log(format!("three_levels -> {:?}", v.map_err(|p| describe(&*p))));
}

// Panic inside a catch_unwind closure that itself is called from a Drop of a value being unwound is fine
// (a nested panic that is caught during cleanup does not abort).
fn catch_inside_drop_during_unwind() {
    struct CatchingDrop;
    impl Drop for CatchingDrop {
        fn drop(&mut self) {
            let r = catch_unwind(|| {
                let _g = Guard("inside-drop-catch");
                panic!("panic inside drop, caught");
            });
            log(format!("drop caught {}", r.map_err(|p| describe(&*p)).unwrap_err()));
        }
    }
    let r = catch_unwind(|| {
        let _c = CatchingDrop;
        let _g = Guard("before-catching-drop");
        fail(4);
    });
    log(format!("outer {:?}", r.map_err(|p| describe(&*p))));
}

// A catch in a loop where every odd iteration panics, nested in another catch that never sees a panic.
fn loop_in_catch() {
    let r = catch_unwind(|| {
        let mut sum = 0u32;
        for i in 0..10u32 {
            match catch_unwind(|| fail(i % 2)) {
                Ok(v) => sum += v + i,
                Err(_) => sum += 100,
            }
        }
        sum
    });
    log(format!("loop sum {:?}", r.map_err(|p| describe(&*p))));
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.payload_as_str().unwrap_or("<non-string>");
        log(format!("hook: {msg}"));
    }));
    inner_handles();
    dump("inner_handles");
    inner_rethrows();
    dump("inner_rethrows");
    handler_panics_anew();
    dump("handler_panics_anew");
    three_levels();
    dump("three_levels");
    catch_inside_drop_during_unwind();
    dump("catch_inside_drop_during_unwind");
    loop_in_catch();
    dump("loop_in_catch");
    let _ = std::panic::take_hook();
    let r = catch_unwind(|| catch_unwind(|| panic!("default hook inner")).is_err());
    println!("default hook nested: {r:?}");
}
