// Parallel work split with scoped threads writing disjoint chunks, Mutex<Vec> collection sorted afterwards, thread-local accumulation, OnceLock init race.
use std::hint::black_box;
use std::sync::{Mutex, OnceLock};
use std::thread;

static CONFIG: OnceLock<u64> = OnceLock::new();

fn collatz_steps(mut n: u64) -> u32 { let mut s = 0; while n != 1 { n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 }; s += 1; } s }

fn main() {
    let mut steps = vec![0u32; 4000];
    let results = Mutex::new(Vec::new());
    thread::scope(|sc| {
        for (ci, chunk) in steps.chunks_mut(1000).enumerate() {
            let results = &results;
            sc.spawn(move || {
                let seed = *CONFIG.get_or_init(|| black_box(7));
                let mut best = (0u32, 0u64);
                for (i, s) in chunk.iter_mut().enumerate() {
                    let n = (ci * 1000 + i + 1) as u64;
                    *s = collatz_steps(n);
                    if *s > best.0 { best = (*s, n); }
                }
                results.lock().unwrap().push((ci, best, seed));
            });
        }
    });
    let mut r = results.into_inner().unwrap();
    r.sort();
    println!("{:?}", r);
    println!("total steps {} max {:?}", steps.iter().map(|&s| s as u64).sum::<u64>(), steps.iter().max());
    let handles: Vec<_> = (0..3).map(|t| thread::spawn(move || {
        thread_local! { static ACC: std::cell::Cell<u64> = const { std::cell::Cell::new(0) }; }
        for i in 0..1000u64 { ACC.with(|a| a.set(a.get() + i * (t + 1))); }
        ACC.with(|a| a.get())
    })).collect();
    println!("{:?}", handles.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());
    println!("config {:?}", CONFIG.get());
}
