// set_hook/take_hook: custom hooks print message and location to stdout, chained hooks, hook state, then the restored default hook prints to stderr.
use std::hint::black_box;
use std::panic::{self, catch_unwind, PanicHookInfo};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

static HOOK_CALLS: AtomicU32 = AtomicU32::new(0);

fn show(tag: &str, info: &PanicHookInfo<'_>) {
    let loc = info.location().unwrap();
    let msg = info.payload_as_str().unwrap_or("<non-string payload>");
    println!("[{tag}] '{msg}' at {}:{}:{}", loc.file(), loc.line(), loc.column());
}

#[track_caller]
fn tracked_panic(n: i32) -> i32 {
    if black_box(n) < 0 {
        panic!("negative: {n}");
    }
    n
}

fn index(v: &[u8], i: usize) -> u8 {
    v[i]
}

fn main() {
    panel("custom hook");
    panic::set_hook(Box::new(|info| {
        HOOK_CALLS.fetch_add(1, Ordering::SeqCst);
        show("custom", info);
    }));
    let r = catch_unwind(|| panic!("plain message"));
    println!("caught: {}", r.is_err());
    let r = catch_unwind(|| tracked_panic(-5));
    println!("caught: {}", r.is_err());
    let r = catch_unwind(|| index(&[1, 2, 3], black_box(7)));
    println!("caught: {}", r.is_err());
    let r = catch_unwind(|| {
        let x: Option<u8> = black_box(None);
        x.expect("expected a value")
    });
    println!("caught: {}", r.is_err());
    let r = catch_unwind(|| std::panic::panic_any(black_box(17u16)));
    println!("caught: {}", r.is_err());
    println!("hook calls: {}", HOOK_CALLS.load(Ordering::SeqCst));

    panel("chained hook");
    let prev = panic::take_hook();
    let counter = Arc::new(AtomicU32::new(0));
    let c2 = counter.clone();
    panic::set_hook(Box::new(move |info| {
        let n = c2.fetch_add(1, Ordering::SeqCst);
        println!("[chain] call #{n}");
        prev(info);
    }));
    let r = catch_unwind(|| {
        let v: Vec<i32> = black_box(vec![]);
        v.iter().max().copied().unwrap()
    });
    println!("caught: {} counter {}", r.is_err(), counter.load(Ordering::SeqCst));

    panel("hook from other thread");
    let h = std::thread::Builder::new()
        .name("worker".into())
        .spawn(|| {
            let name = std::thread::current().name().unwrap().to_string();
            panic!("from thread {name}");
        })
        .unwrap();
    println!("join err: {}", h.join().is_err());
    println!("counter {}", counter.load(Ordering::SeqCst));

    panel("hook sees the thread name");
    panic::set_hook(Box::new(|info| {
        let t = std::thread::current();
        println!("[named] thread {:?}: {}", t.name(), info.payload_as_str().unwrap_or("?"));
    }));
    let h = std::thread::Builder::new().name("named-one".into()).spawn(|| panic!("x")).unwrap();
    let _ = h.join();
    let _ = catch_unwind(|| panic!("y"));

    panel("take_hook restores the default");
    let custom = panic::take_hook();
    drop(custom);
    let r = catch_unwind(|| {
        let a = black_box(10u32);
        let b = black_box(0u32);
        a / b
    });
    println!("caught: {}", r.is_err());
    let r = catch_unwind(|| panic!("default hook, formatted {} {:?}", 1, "two"));
    println!("caught: {}", r.is_err());

    panel("hook replaced twice, last one wins");
    panic::set_hook(Box::new(|_| println!("[first] should not run")));
    panic::set_hook(Box::new(|info| show("second", info)));
    let _ = catch_unwind(|| panic!("which hook"));
    let _ = panic::take_hook();
    println!("done");
}

fn panel(s: &str) {
    println!("--- {s}");
}
