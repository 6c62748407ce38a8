// Back-to-back volatile stores must all happen: a watcher thread waits to see the first of each pair (1) before the writer stops; an optimizer that drops the overwritten volatile store never lets it see 1 (the runner times out).
use std::ptr::write_volatile;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::thread;

static CELL: AtomicU32 = AtomicU32::new(0);
static SEEN: AtomicBool = AtomicBool::new(false);

#[inline(never)]
fn store_pair(p: *mut u32) {
    unsafe {
        write_volatile(p, 1);
        write_volatile(p, 2);
    }
}

fn main() {
    let watcher = thread::spawn(|| {
        while CELL.load(Ordering::Relaxed) != 1 {
            std::hint::spin_loop();
        }
        SEEN.store(true, Ordering::Relaxed);
    });
    let mut pairs = 0u64;
    while !SEEN.load(Ordering::Relaxed) {
        store_pair(CELL.as_ptr());
        // No yield here: it would always hand over after the second store. Under load the
        // watcher runs when the writer is preempted, often enough between the two stores.
        pairs += 1;
    }
    watcher.join().unwrap();
    println!("the watcher saw the first store of a pair: {}", pairs > 0);
}
