// Volatile loads in a loop must all be performed: a spin on read_volatile sees another thread's store (an optimizer that merges volatile loads would hang here, and the runner times out).
use std::ptr::{read_volatile, write_volatile};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;
use std::time::Duration;

static FLAG: AtomicU32 = AtomicU32::new(7);

#[inline(never)]
fn spin(p: *const u32) -> (u32, u64) {
    let first = unsafe { read_volatile(p) };
    let mut spins = 0u64;
    loop {
        let now = unsafe { read_volatile(p) };
        if now != first {
            return (now, spins.min(1));
        }
        spins += 1;
    }
}

#[inline(never)]
fn store_twice(p: *mut u32, a: u32, b: u32) {
    unsafe {
        write_volatile(p, a);
        write_volatile(p, b);
    }
}

fn main() {
    let writer = thread::spawn(|| {
        thread::sleep(Duration::from_millis(50));
        FLAG.store(9, Ordering::Relaxed);
    });
    let (seen, spun) = spin(FLAG.as_ptr());
    writer.join().unwrap();
    println!("seen {seen}, spun at least {spun} time(s)");
    let mut x = 0u32;
    store_twice(&mut x, 1, 2);
    println!("{x}");
}
