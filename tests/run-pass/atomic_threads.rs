// Atomics shared between threads: fetch_add counters of every width, CAS-based max, spin flags with Acquire/Release, fence; totals are deterministic.
use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{fence, AtomicBool, AtomicI32, AtomicU8, AtomicU16, AtomicU64, AtomicUsize, Ordering::*};
use std::thread;

struct Shared { c8: AtomicU8, c16: AtomicU16, c64: AtomicU64, max: AtomicI32, hits: AtomicUsize }

fn main() {
    let s = Arc::new(Shared { c8: AtomicU8::new(0), c16: AtomicU16::new(0), c64: AtomicU64::new(0), max: AtomicI32::new(i32::MIN), hits: AtomicUsize::new(0) });
    let handles: Vec<_> = (0..4).map(|t| {
        let s = Arc::clone(&s);
        thread::spawn(move || {
            for i in 0..black_box(2000u64) {
                s.c8.fetch_add(1, Relaxed);
                s.c16.fetch_add(3, Relaxed);
                s.c64.fetch_add(i * t, SeqCst);
                let v = ((i * 7919 + t * 31) % 100_003) as i32 - 50_000;
                let mut cur = s.max.load(Relaxed);
                while v > cur {
                    match s.max.compare_exchange_weak(cur, v, AcqRel, Relaxed) { Ok(_) => break, Err(x) => cur = x }
                }
                if i % 100 == 0 { s.hits.fetch_add(1, AcqRel); }
            }
        })
    }).collect();
    for h in handles { h.join().unwrap(); }
    println!("c8 {} c16 {} c64 {} max {} hits {}", s.c8.load(SeqCst), s.c16.load(SeqCst), s.c64.load(SeqCst), s.max.load(SeqCst), s.hits.load(SeqCst));

    // message passing through a Release store / Acquire load pair
    let ready = Arc::new(AtomicBool::new(false));
    let data = Arc::new(AtomicU64::new(0));
    let (r2, d2) = (ready.clone(), data.clone());
    let producer = thread::spawn(move || {
        d2.store(0xfeed_f00d, Relaxed);
        fence(Release);
        r2.store(true, Relaxed);
    });
    while !ready.load(Acquire) { std::hint::spin_loop(); }
    fence(Acquire);
    println!("data {:#x}", data.load(Relaxed));
    producer.join().unwrap();
    let n = Arc::strong_count(&ready);
    println!("arc count {}", n);
}
