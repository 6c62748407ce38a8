// AtomicBool (fetch_and/or/xor/nand/not, swap, CAS) and AtomicPtr (load/store/swap/compare_exchange/fetch_update) with pointers into arrays.
use std::hint::black_box;
use std::ptr;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering::*};

fn main() {
    let b = AtomicBool::new(black_box(false));
    let mut log = Vec::new();
    log.push(b.fetch_or(true, SeqCst));
    log.push(b.fetch_and(black_box(true), AcqRel));
    log.push(b.fetch_xor(true, Relaxed));
    log.push(b.fetch_nand(black_box(true), SeqCst));
    log.push(b.fetch_nand(true, SeqCst));
    log.push(b.fetch_not(Relaxed));
    log.push(b.swap(black_box(true), Acquire));
    log.push(b.load(SeqCst));
    log.push(b.compare_exchange(false, true, SeqCst, Relaxed).is_ok());
    log.push(b.compare_exchange(true, false, SeqCst, Relaxed).is_ok());
    b.store(true, Release);
    log.push(b.load(Acquire));
    log.push(b.fetch_update(SeqCst, SeqCst, |x| Some(!x)).unwrap());
    println!("{:?}", log);
    let flags: Vec<AtomicBool> = (0..8).map(|i| AtomicBool::new(i % 3 == 0)).collect();
    for (i, f) in flags.iter().enumerate() { if i % 2 == 0 { f.fetch_xor(true, Relaxed); } }
    println!("{:?}", flags.iter().map(|f| f.load(Relaxed) as u8).collect::<Vec<_>>());

    let mut data = [10u64, 20, 30, 40, 50];
    let base = data.as_mut_ptr();
    let p = AtomicPtr::new(base);
    let read = |q: *mut u64| unsafe { *q };
    println!("start {}", read(p.load(SeqCst)));
    let second = unsafe { base.add(black_box(1)) };
    let old = p.swap(second, AcqRel);
    println!("swap old {} new {}", read(old), read(p.load(Acquire)));
    let third = unsafe { base.add(2) };
    println!("cas ok {:?}", p.compare_exchange(second, third, SeqCst, SeqCst).map(read));
    println!("cas fail {:?}", p.compare_exchange(second, base, SeqCst, SeqCst).map(read).map_err(read));
    let r = p.fetch_update(SeqCst, SeqCst, |q| Some(unsafe { q.add(2) }));
    println!("fetch_update old {} now {}", read(r.unwrap()), read(p.load(SeqCst)));
    unsafe { *p.load(Relaxed) += 5; }
    p.store(ptr::null_mut(), Release);
    println!("null {} data {:?}", p.load(Acquire).is_null(), data);
    let mut x = 7i32;
    let ap = AtomicPtr::new(&mut x as *mut i32);
    unsafe { *ap.load(SeqCst) *= 6; }
    println!("x {} {}", x, size_of::<AtomicPtr<u8>>());
}
