// A panic escaping an `extern "C" fn` called from Rust aborts ("panic in a function that cannot unwind", SIGABRT); destructors of the callee's frame may not run, and the caller's catch_unwind never sees the panic.
use std::hint::black_box;
use std::panic::catch_unwind;

struct Outer(&'static str);
impl Drop for Outer {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[inline(never)]
fn rust_inner(x: u32) -> u32 {
    if black_box(x) > 2 {
        panic!("rust panic with x = {x}");
    }
    x * 2
}

#[inline(never)]
extern "C" fn callback(x: u32) -> u32 {
    rust_inner(x) + 1
}

#[inline(never)]
fn call_through_pointer(f: extern "C" fn(u32) -> u32, x: u32) -> u32 {
    let _g = Outer("call_through_pointer");
    f(x)
}

fn main() {
    // The default hook prints a full backtrace (addresses, frames) for the nested "cannot unwind" panic,
    // so a hook prints message and location file name instead.
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().unwrap();
        let file = loc.file().rsplit('/').next().unwrap();
        eprintln!("hook: {:?} at {file}", info.payload_as_str());
    }));
    let f: extern "C" fn(u32) -> u32 = black_box(callback);
    // A non-panicking call through the same function is fine.
    println!("first: {}", call_through_pointer(f, 1));
    // A caught panic that does not cross the extern "C" boundary is fine too.
    let r = catch_unwind(|| rust_inner(black_box(10)));
    println!("caught in rust: {}", r.is_err());
    let _main_guard = Outer("main");
    let r = catch_unwind(|| call_through_pointer(f, black_box(5)));
    // Never reached: the panic cannot unwind out of `callback`.
    println!("unreachable: {:?}", r.is_err());
}
