// `static mut` counters and arrays (via raw pointers / direct access), statics with interior mutability (atomics, Mutex, OnceLock).
use std::hint::black_box;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

static mut COUNTER: u64 = 0;
static mut BUF: [u8; 16] = [0; 16];
static mut FLOATS: [f64; 4] = [1.0, 2.0, 3.0, 4.0];
static HITS: AtomicUsize = AtomicUsize::new(0);
static SIGNED: AtomicI64 = AtomicI64::new(-5);
static NAMES: Mutex<Vec<String>> = Mutex::new(Vec::new());
static TABLE: OnceLock<Vec<u32>> = OnceLock::new();

fn bump(n: u64) -> u64 {
    unsafe {
        COUNTER += n;
        COUNTER
    }
}

fn table() -> &'static [u32] {
    HITS.fetch_add(1, Ordering::Relaxed);
    TABLE.get_or_init(|| { println!("init table"); (0..10).map(|i| i * i * i).collect() })
}

fn main() {
    for i in 0..10 { bump(black_box(i)); }
    println!("counter {}", bump(0));
    unsafe {
        let p = &raw mut BUF;
        for i in 0..16 { (*p)[i] = (i as u8).wrapping_mul(37); }
        let f = &raw mut FLOATS;
        for x in (*f).iter_mut() { *x = *x * 1.5 - 0.25; }
        println!("{:?}", *(&raw const BUF));
        println!("{:?}", *(&raw const FLOATS));
        let sum: u32 = (*(&raw const BUF)).iter().map(|&b| b as u32).sum();
        println!("sum {}", sum);
    }
    println!("{:?} {:?}", &table()[..3], table()[9]);
    println!("hits {}", HITS.load(Ordering::SeqCst));
    SIGNED.fetch_sub(black_box(10), Ordering::SeqCst);
    println!("signed {}", SIGNED.load(Ordering::Relaxed));
    for w in ["delta", "alpha", "charlie"] { NAMES.lock().unwrap().push(w.to_string()); }
    let mut n = NAMES.lock().unwrap().clone();
    n.sort();
    println!("{:?}", n);
}
