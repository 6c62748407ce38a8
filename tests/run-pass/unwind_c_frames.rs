// extern "C-unwind": a Rust panic unwinds through C frames built with gcc -fexceptions (running C cleanups) and is caught in Rust.
//@ aux-c: unwind_c_frames.c
use std::hint::black_box;
use std::panic::catch_unwind;

struct D(i32);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop D({})", self.0);
    }
}

unsafe extern "C-unwind" {
    fn c_call_twice(cb: extern "C-unwind" fn(i32), x: i32) -> i32;
    fn c_with_cleanup(cb: extern "C-unwind" fn(i32), x: i32) -> i32;
}

extern "C-unwind" fn callback(x: i32) {
    let _d = D(x * 10);
    if x == black_box(4) {
        panic!("callback panics at {x}");
    }
    println!("callback {x}");
}

#[inline(never)]
fn rust_middle(x: i32) -> i32 {
    let _d = D(-x);
    unsafe { c_call_twice(callback, x) }
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        println!("hook: {}", info.payload().downcast_ref::<String>().unwrap());
    }));
    println!("{:?}", catch_unwind(|| rust_middle(black_box(1))));
    println!("{:?}", catch_unwind(|| rust_middle(black_box(3))).is_err());
    let r = catch_unwind(|| unsafe { c_with_cleanup(callback, black_box(4)) });
    println!("{}", r.is_err());
    let r = catch_unwind(|| unsafe { c_with_cleanup(callback, black_box(7)) });
    println!("{r:?}");
}
