// A spawned thread panics: join() returns Err with the payload and the thread's locals are dropped; std::thread::scope propagates a scoped thread's panic, caught with catch_unwind.
use std::any::Any;
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

static HOOK_LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

// Hook messages may come from several threads at once: print them sorted.
fn flush_hook_log() {
    let mut v = std::mem::take(&mut *HOOK_LOG.lock().unwrap());
    v.sort();
    for m in v {
        println!("  {m}");
    }
}

static DROPS: AtomicUsize = AtomicUsize::new(0);

struct Noisy(&'static str, Arc<Mutex<Vec<String>>>);
impl Drop for Noisy {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
        self.1.lock().unwrap().push(format!("drop {}", self.0));
    }
}

fn describe(p: &(dyn Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        format!("&str {s:?}")
    } else if let Some(s) = p.downcast_ref::<String>() {
        format!("String {s:?}")
    } else if let Some(v) = p.downcast_ref::<(u32, Vec<u8>)>() {
        format!("tuple {v:?}")
    } else {
        "unknown".into()
    }
}

#[inline(never)]
fn work(depth: u32, log: &Arc<Mutex<Vec<String>>>) -> u32 {
    let _n = Noisy(["w0", "w1", "w2", "w3"][depth as usize], log.clone());
    if depth == 3 {
        let v: Vec<u32> = black_box(vec![1, 2]);
        return v[black_box(depth as usize)];
    }
    work(depth + 1, log) + 1
}

fn main() {
    // Silent hook so that thread-name/TID formats of non-main threads do not matter.
    std::panic::set_hook(Box::new(|info| {
        let name = thread::current().name().map(str::to_string).unwrap_or_else(|| "<unnamed>".into());
        let msg = format!("hook[{name}]: {}", info.payload_as_str().unwrap_or("<non-string>"));
        HOOK_LOG.lock().unwrap().push(msg);
    }));

    println!("== join returns Err");
    let log = Arc::new(Mutex::new(Vec::new()));
    let l2 = log.clone();
    let h = thread::Builder::new()
        .name("t1".into())
        .spawn(move || {
            let _outer = Noisy("thread-outer", l2.clone());
            work(0, &l2)
        })
        .unwrap();
    let r = h.join();
    match &r {
        Ok(v) => println!("ok {v}"),
        Err(p) => println!("err {}", describe(&**p)),
    }
    for l in log.lock().unwrap().iter() {
        println!("  {l}");
    }

    flush_hook_log();

    println!("== non-string payload from a thread");
    let h = thread::spawn(|| -> u8 { std::panic::resume_unwind(Box::new((black_box(9u32), vec![1u8, 2, 3]))) });
    println!("err {}", describe(&*h.join().unwrap_err()));

    flush_hook_log();
    println!("== successful and failing threads mixed");
    let handles: Vec<_> = (0..6u32)
        .map(|i| {
            thread::Builder::new()
                .name(format!("mix{i}"))
                .spawn(move || {
                    if black_box(i) % 3 == 1 {
                        panic!("thread {i} fails");
                    }
                    i * 10
                })
                .unwrap()
        })
        .collect();
    // Join in order; hook output may interleave, so collect results first and print after.
    let results: Vec<String> = handles
        .into_iter()
        .map(|h| match h.join() {
            Ok(v) => format!("ok {v}"),
            Err(p) => format!("err {}", describe(&*p)),
        })
        .collect();
    for (i, r) in results.iter().enumerate() {
        println!("  {i}: {r}");
    }

    flush_hook_log();
    println!("== thread::scope propagates the panic");
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut counter = 0u32;
    let r = catch_unwind(AssertUnwindSafe(|| {
        let _scope_guard = Noisy("around-scope", log.clone());
        thread::scope(|s| {
            let h1 = s.spawn(|| {
                let _g = Noisy("scoped-ok", log.clone());
                5u32
            });
            let h1v = h1.join().unwrap();
            counter += h1v;
            let h2 = thread::Builder::new()
                .name("scoped-bad".into())
                .spawn_scoped(s, || {
                    let _g = Noisy("scoped-bad", log.clone());
                    let x: Option<u32> = black_box(None);
                    x.unwrap()
                })
                .unwrap();
            // Not joined: the scope itself must re-panic after all threads finish.
            let _ = &h2;
            counter += 1;
        });
        counter += 100;
    }));
    match r {
        Ok(()) => println!("scope returned normally"),
        Err(p) => println!("scope panicked: {}", describe(&*p)),
    }
    println!("counter {counter}");
    for l in log.lock().unwrap().iter() {
        println!("  {l}");
    }

    flush_hook_log();
    println!("== scope where the panic is joined explicitly does not propagate");
    let r = catch_unwind(|| {
        thread::scope(|s| {
            let h = thread::Builder::new()
                .name("joined".into())
                .spawn_scoped(s, || panic!("handled in scope"))
                .unwrap();
            let e = h.join().unwrap_err();
            describe(&*e)
        })
    });
    println!("{:?}", r.map_err(|p| describe(&*p)));

    flush_hook_log();
    println!("== scope body itself panics");
    let r = catch_unwind(|| {
        thread::scope(|s| {
            let h = s.spawn(|| 3u32);
            if black_box(true) {
                panic!("body panics");
            }
            h.join().unwrap()
        })
    });
    println!("{:?}", r.map_err(|p| describe(&*p)));

    flush_hook_log();
    println!("total drops {}", DROPS.load(Ordering::SeqCst));
}
