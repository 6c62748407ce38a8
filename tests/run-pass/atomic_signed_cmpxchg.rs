// AtomicI8..I64/Isize signed fetch_max/min, compare_exchange and compare_exchange_weak loops with success/failure orderings, fetch_update.
use std::hint::black_box;
use std::sync::atomic::{AtomicI8, AtomicI16, AtomicI32, AtomicI64, AtomicIsize, Ordering::*};

macro_rules! signed {
    ($($at:ident : $t:ident),*) => {$(
        {
            let a = $at::new(black_box(-1));
            let mut log: Vec<String> = Vec::new();
            log.push(format!("{}", a.fetch_max(black_box(-5), SeqCst)));
            log.push(format!("{}", a.fetch_min(black_box($t::MIN), SeqCst)));
            log.push(format!("{}", a.fetch_max(black_box(0), AcqRel)));
            log.push(format!("{}", a.fetch_sub(1, Relaxed)));
            log.push(format!("{}", a.fetch_add($t::MAX, Relaxed)));
            log.push(format!("{:?}", a.compare_exchange(black_box($t::MAX - 1), 11, SeqCst, SeqCst)));
            log.push(format!("{:?}", a.compare_exchange(black_box(123), -11, AcqRel, Acquire)));
            log.push(format!("{:?}", a.compare_exchange(11, black_box(-11), Release, Relaxed)));
            log.push(format!("{:?}", a.compare_exchange(11, 0, Acquire, Relaxed)));
            // weak CAS may fail spuriously: loop until it succeeds
            let mut cur = a.load(Relaxed);
            loop {
                match a.compare_exchange_weak(cur, cur.wrapping_mul(3), AcqRel, Relaxed) {
                    Ok(old) => { log.push(format!("weak ok {}", old)); break; }
                    Err(now) => cur = now,
                }
            }
            log.push(format!("{:?}", a.fetch_update(SeqCst, SeqCst, |x| x.checked_mul(black_box(4)))));
            log.push(format!("{:?}", a.fetch_update(Relaxed, Relaxed, |x| if x < 0 { None } else { Some(x) })));
            log.push(format!("{:?}", a.fetch_update(AcqRel, Acquire, |x| Some(x.wrapping_neg()))));
            log.push(format!("{}", a.load(SeqCst)));
            println!("{}: {}", stringify!($at), log.join(" "));
        }
    )*};
}

fn main() {
    signed!(AtomicI8: i8, AtomicI16: i16, AtomicI32: i32, AtomicI64: i64, AtomicIsize: isize);
    // a lock-free stack-ish counter implemented via CAS
    let top = AtomicI64::new(0);
    let mut pushed = Vec::new();
    for i in 0..20 {
        let v = black_box(i * 7 - 30);
        let mut old = top.load(Acquire);
        while let Err(o) = top.compare_exchange_weak(old, old.wrapping_mul(31).wrapping_add(v), AcqRel, Acquire) { old = o; }
        pushed.push(top.load(Relaxed));
    }
    println!("{:?}", pushed);
}
