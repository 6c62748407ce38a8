//! C-variadic definitions (`unsafe extern "C" fn f(n: c_int, mut args: ...)`), called from
//! Rust and from C: integers, pointers and doubles read with `next_arg`, more of each than
//! the ABI has registers (so later ones come from the stack), fixed float and aggregate
//! arguments, a returned aggregate, `clone` (`va_copy`), handing the list to C
//! (`vsnprintf`, a `va_list` parameter), a private definition and calls through pointers.
//@ aux-c: ffi_variadic_define.c
#![feature(c_variadic)]
use std::ffi::{CStr, VaList, c_char, c_double, c_int, c_void};
use std::hint::black_box as bb;

unsafe extern "C" {
    fn vsnprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ap: VaList) -> c_int;
    fn c_sum_va(n: c_int, ap: VaList) -> i64;
    fn c_calls_rust();
}

#[unsafe(no_mangle)]
unsafe extern "C" fn rs_sum(n: c_int, mut args: ...) -> i64 {
    (0..n).map(|_| unsafe { args.next_arg::<c_int>() } as i64).sum()
}

/// Reads arguments as `kinds` says: i = c_int, l = i64, d = double, p = pointer.
#[unsafe(no_mangle)]
unsafe extern "C" fn rs_mixed(kinds: *const c_char, mut args: ...) -> c_double {
    let kinds = unsafe { CStr::from_ptr(kinds) }.to_bytes();
    let mut total = 0.0;
    let mut seen = String::new();
    for &k in kinds {
        let v = unsafe {
            match k {
                b'i' => args.next_arg::<c_int>() as f64,
                b'l' => args.next_arg::<i64>() as f64,
                b'd' => args.next_arg::<c_double>(),
                _ => args.next_arg::<*const c_void>() as usize as f64,
            }
        };
        seen.push_str(&format!("{v} "));
        total += v;
    }
    println!("rs_mixed: {seen}");
    total
}

#[unsafe(no_mangle)]
unsafe extern "C" fn rs_format(buf: *mut c_char, n: usize, fmt: *const c_char, args: ...) -> c_int {
    unsafe { vsnprintf(buf, n, fmt, args) }
}

/// Reads the list twice through a copy, then hands the rest to C.
unsafe extern "C" fn copies(n: c_int, mut args: ...) -> i64 {
    let mut copy = args.clone();
    let first: i64 = (0..n).map(|_| unsafe { copy.next_arg::<i64>() }).sum();
    let again = unsafe { args.next_arg::<i64>() };
    let rest = unsafe { c_sum_va(n - 1, args) };
    println!("copies: {first} {again} {rest}");
    first + again + rest
}

/// Floats and an aggregate among the fixed arguments move where the variadic ones start.
#[derive(Clone, Copy, Debug)]
#[repr(C)]
struct Pair {
    a: i32,
    b: f32,
}
unsafe extern "C" fn after_floats(x: f64, p: Pair, y: f32, n: c_int, mut args: ...) -> f64 {
    let mut s = x + p.a as f64 + p.b as f64 + y as f64;
    for _ in 0..n {
        let i = unsafe { args.next_arg::<c_int>() };
        let d = unsafe { args.next_arg::<c_double>() };
        s += i as f64 * d;
    }
    s
}

/// A returned aggregate takes rdi on x86_64 (x8 on aarch64).
#[derive(Debug)]
#[repr(C)]
struct Big([i64; 4]);
unsafe extern "C" fn returns_big(n: c_int, mut args: ...) -> Big {
    let mut b = Big([0; 4]);
    for i in 0..n as usize {
        b.0[i % 4] += unsafe { args.next_arg::<i64>() };
    }
    b
}

/// Five fixed integer arguments: the area pointer takes the last integer register, and
/// every variadic argument is on the stack.
unsafe extern "C" fn five_fixed(a: i64, b: i64, c: i64, d: i64, e: u8, mut args: ...) -> i64 {
    let v1 = unsafe { args.next_arg::<i64>() };
    let v2 = unsafe { args.next_arg::<c_double>() };
    let v3 = unsafe { args.next_arg::<u32>() };
    a + 2 * b + 3 * c + 4 * d + 5 * e as i64 + 100 * v1 + (1000.0 * v2) as i64 + v3 as i64
}

/// A panic inside a definition unwinds through its shim (`C-unwind`).
unsafe extern "C-unwind" fn may_panic(n: c_int, mut args: ...) -> i64 {
    let v = unsafe { args.next_arg::<i64>() };
    if n == 0 {
        panic!("may_panic: {v}");
    }
    v
}

fn main() {
    unsafe {
        println!("sum {}", rs_sum(bb(4), 1, 2, bb(3), -4));
        println!("sum {}", rs_sum(bb(10), 1, 2, 3, 4, 5, 6, 7, 8, 9, bb(10)));
        let d = rs_mixed(
            c"dddddddddddiplddi".as_ptr(),
            1.5,
            2.5,
            3.5,
            4.5,
            5.5,
            6.5,
            7.5,
            8.5,
            9.5,
            10.5,
            bb(11.5),
            12,
            std::ptr::null::<c_void>(),
            -13i64,
            14.25,
            bb(15.0),
            16,
        );
        println!("mixed {d}");
        let mut buf = [0u8; 64];
        let n = rs_format(buf.as_mut_ptr().cast(), 64, c"%d-%s-%.1f".as_ptr(), 7, c"seven".as_ptr(), bb(7.75));
        println!("format {n} {}", CStr::from_bytes_until_nul(&buf).unwrap().to_str().unwrap());
        println!("copies {}", copies(bb(3), 10i64, 20i64, 30i64));
        let p = Pair { a: 3, b: 0.5 };
        println!("after_floats {}", after_floats(bb(1.25), p, 2.0, 3, 1, 1.5, 2, 2.5, 3, bb(3.5)));
        println!("returns_big {:?}", returns_big(bb(6), 1i64, 2i64, 3i64, 4i64, 5i64, bb(6i64)));
        println!("five_fixed {}", five_fixed(1, 2, 3, 4, bb(5), 6i64, bb(7.5), 8u32));
        // Through pointers, as callbacks are called.
        let f: unsafe extern "C" fn(c_int, ...) -> i64 = bb(rs_sum);
        println!("pointer {}", f(3, 5, 6, 7));
        let g: unsafe extern "C" fn(c_int, ...) -> i64 = bb(copies);
        println!("pointer {}", g(2, 1i64, 2i64));
        println!("may_panic {}", may_panic(1, 77i64));
        let r = std::panic::catch_unwind(|| may_panic(bb(0), 88i64));
        println!("caught {}", r.is_err());
        c_calls_rust();
    }
}
