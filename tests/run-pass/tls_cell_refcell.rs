// thread_local! with Cell and RefCell: per-thread counters, const-initialized TLS, with_borrow_mut, values differing across joined threads.
use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::thread;

thread_local! {
    static COUNT: Cell<u64> = const { Cell::new(0) };
    static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new());
    static BIG: RefCell<[u128; 4]> = RefCell::new([1, 2, 3, u128::MAX]);
    static LAZY: u32 = 40 + black_box(2);
}

fn record(s: &str) {
    COUNT.set(COUNT.get() + 1);
    LOG.with_borrow_mut(|l| l.push(format!("{}#{}", s, COUNT.get())));
}

fn main() {
    for w in ["a", "b", "c"] { record(black_box(w)); }
    let handles: Vec<_> = (0..3u64).map(|t| thread::spawn(move || {
        for i in 0..=t { record(&format!("t{}-{}", t, i)); }
        BIG.with_borrow_mut(|b| { b[0] += t as u128; b[3] = b[3].wrapping_add(t as u128 + 1); });
        let big = BIG.with_borrow(|b| *b);
        (COUNT.get(), LOG.with_borrow(|l| l.clone()), big, LAZY.with(|x| *x))
    })).collect();
    for h in handles {
        let (c, log, big, lazy) = h.join().unwrap();
        println!("thread count {} log {:?} big {:?} lazy {}", c, log, big, lazy);
    }
    println!("main count {} log {:?}", COUNT.get(), LOG.with_borrow(|l| l.clone()));
    BIG.with(|b| println!("main big {:?}", b.borrow()));
    COUNT.with(|c| c.replace(100));
    println!("replaced {}", COUNT.get());
    LOG.with_borrow_mut(|l| l.clear());
    println!("cleared {}", LOG.with_borrow(|l| l.len()));
}
