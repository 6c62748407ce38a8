// A Drop that panics while the thread is already unwinding (double panic) aborts with "panic in a destructor during cleanup" (SIGABRT); destructors up to that point run in order, the outer catch_unwind never returns.
use std::hint::black_box;
use std::panic::catch_unwind;

struct Log(&'static str);
impl Drop for Log {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct PanicsInDrop(u32);
impl Drop for PanicsInDrop {
    fn drop(&mut self) {
        println!("PanicsInDrop({}) dropping, panicking={}", self.0, std::thread::panicking());
        if black_box(self.0) > 0 {
            panic!("panic from drop of {}", self.0);
        }
    }
}

#[inline(never)]
fn inner() {
    let _a = Log("inner-first");
    let _p = PanicsInDrop(2);
    let _b = Log("inner-last");
    let v: Vec<u8> = black_box(Vec::new());
    println!("indexing");
    black_box(v[black_box(0)]);
}

#[inline(never)]
fn middle() {
    let _m = Log("middle");
    inner();
}

fn main() {
    // The default hook prints a full backtrace for nested panics (addresses), so a hook prints
    // message and location file name instead.
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().unwrap();
        let file = loc.file().rsplit('/').next().unwrap();
        eprintln!("hook: {:?} at {file}, panicking={}", info.payload_as_str(), std::thread::panicking());
    }));
    // A panicking Drop outside of unwinding is just a normal, catchable panic.
    let r = catch_unwind(|| {
        let _l = Log("normal-scope");
        let _p = PanicsInDrop(1);
    });
    println!("normal drop panic caught: {}", r.is_err());
    // A destructor that runs during unwinding but does not panic itself is fine.
    let r = catch_unwind(|| {
        let _p = PanicsInDrop(0);
        panic!("plain");
    });
    println!("non-panicking drop during unwind: {}", r.is_err());
    let _main = Log("main");
    let r = catch_unwind(|| {
        let _c = Log("closure");
        middle();
    });
    println!("unreachable {}", r.is_err());
}
