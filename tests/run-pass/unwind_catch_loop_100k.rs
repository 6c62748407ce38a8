// catch_unwind in a loop of 100_000 iterations that panic every time (silent hook): counts, payloads and drops stay exact, the unwinder's caches and frame state do not drift.
use std::cell::Cell;
use std::hint::black_box;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

thread_local! {
    static DROPS: Cell<u64> = const { Cell::new(0) };
}

struct Guard(u64);
impl Drop for Guard {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + self.0));
    }
}

#[inline(never)]
fn may_fail(i: u64, every: u64) -> u64 {
    let _g = Guard(1);
    if black_box(i) % every == 0 {
        panic!("iteration {i}");
    }
    i * 2
}

#[inline(never)]
fn deeper(i: u64, depth: u32) -> u64 {
    let _g = Guard(1);
    if depth == 0 {
        if black_box(i) % 3 == 0 {
            resume_unwind(Box::new(i));
        }
        return i;
    }
    deeper(i, depth - 1) + 1
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let n = black_box(100_000u64);

    // Every iteration panics.
    let mut caught = 0u64;
    let mut ok = 0u64;
    let mut len_sum = 0u64;
    for i in 0..n {
        match catch_unwind(|| may_fail(i, 1)) {
            Ok(_) => ok += 1,
            Err(p) => {
                caught += 1;
                len_sum += p.downcast_ref::<String>().map(|s| s.len() as u64).unwrap_or(1_000_000);
            }
        }
    }
    println!("all panic: caught {caught} ok {ok} msg-len-sum {len_sum} drops {}", DROPS.with(|d| d.replace(0)));

    // Every 7th iteration panics; state mutated before the panic persists.
    let mut state = 0u64;
    let mut caught = 0u64;
    let mut sum = 0u64;
    for i in 0..n {
        let r = catch_unwind(AssertUnwindSafe(|| {
            state += 1;
            may_fail(i, 7)
        }));
        match r {
            Ok(v) => sum = sum.wrapping_add(v),
            Err(_) => caught += 1,
        }
    }
    println!("every 7th: caught {caught} sum {sum} state {state} drops {}", DROPS.with(|d| d.replace(0)));

    // Deeper stacks with non-string payloads (no hook call) every third iteration.
    let mut payload_sum = 0u64;
    let mut caught = 0u64;
    let mut ok_sum = 0u64;
    for i in 0..n / 4 {
        match catch_unwind(|| deeper(i, (i % 8) as u32)) {
            Ok(v) => ok_sum += v,
            Err(p) => {
                caught += 1;
                payload_sum += *p.downcast::<u64>().unwrap();
            }
        }
    }
    println!("deeper: caught {caught} payload-sum {payload_sum} ok-sum {ok_sum} drops {}", DROPS.with(|d| d.replace(0)));

    // Nested: an inner catch in every iteration, rethrown every other time to an outer catch.
    let mut outer_caught = 0u64;
    let mut inner_caught = 0u64;
    for i in 0..n / 10 {
        let r = catch_unwind(AssertUnwindSafe(|| {
            let inner = catch_unwind(|| may_fail(i, 1));
            inner_caught += 1;
            if i % 2 == 0 {
                resume_unwind(inner.unwrap_err());
            }
        }));
        if r.is_err() {
            outer_caught += 1;
        }
    }
    println!("nested: inner {inner_caught} outer {outer_caught} drops {}", DROPS.with(|d| d.replace(0)));
}
