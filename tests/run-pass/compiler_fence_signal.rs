//! `compiler_fence` keeps memory accesses on their side of it as a signal handler of the
//! same thread sees them. The store before the fence must be in memory when the code
//! after it traps (`abort`: SIGILL, or SIGTRAP for LLVM on aarch64), even though a later store overwrites it: the
//! handler prints what memory holds then. Without the fence LLVM merges the two stores
//! at -O2 (the handler prints 0); Cranelift does not today, so this guards the day it
//! does.
#![feature(core_intrinsics)]
#![allow(internal_features)]
use std::hint::black_box;
use std::sync::atomic::{Ordering, compiler_fence};

unsafe extern "C" {
    fn sigaction(sig: i32, act: *const SigAction, old: *mut SigAction) -> i32;
    fn _exit(code: i32) -> !;
    fn write(fd: i32, buf: *const u8, n: usize) -> isize;
}

#[repr(C)]
struct SigAction {
    handler: extern "C" fn(i32),
    mask: [u64; 16],
    flags: i32,
    restorer: usize,
}

static mut DATA: u64 = 0;

extern "C" fn on_trap(_: i32) {
    let v = unsafe { std::ptr::read_volatile(&raw const DATA) };
    let msg = [b'0' + v as u8, b'\n'];
    unsafe {
        write(1, msg.as_ptr(), 2);
        _exit(0);
    }
}

#[inline(never)]
fn stores(data: *mut u64, stop: bool) {
    unsafe {
        *data = 1;
        compiler_fence(Ordering::SeqCst);
        if stop {
            core::intrinsics::abort();
        }
        *data = 2;
    }
}

fn main() {
    let act = SigAction { handler: on_trap, mask: [0; 16], flags: 0, restorer: 0 };
    unsafe {
        sigaction(4, &act, std::ptr::null_mut());
        sigaction(5, &act, std::ptr::null_mut());
        stores(black_box(&raw mut DATA), black_box(true));
    }
    println!("no trap");
}
