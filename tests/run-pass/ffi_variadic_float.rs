//! Calls of C-variadic functions with floating-point variadic arguments (x86_64 SysV
//! passes the count of vector registers in `al`; AArch64 passes them as fixed ones):
//! `snprintf` with doubles mixed with integers, more doubles than vector registers, and
//! the same callee with several signatures in one function; and calls through a function
//! pointer, with integers only and with doubles.
use std::ffi::{CStr, c_char, c_double, c_int};
use std::hint::black_box as bb;

unsafe extern "C" {
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
}

fn show(buf: &[u8; 256], n: c_int) {
    let s = CStr::from_bytes_until_nul(buf).unwrap().to_str().unwrap();
    println!("{n} {s}");
}

fn main() {
    let mut buf = [0u8; 256];
    let p = buf.as_mut_ptr().cast::<c_char>();
    unsafe {
        let n = snprintf(
            p,
            256,
            c"%f %d %.3e".as_ptr(),
            bb(1.5 as c_double),
            bb(7),
            bb(-2.0e-5 as c_double),
        );
        show(&buf, n);
        let xs: [c_double; 10] = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0].map(bb);
        let n = snprintf(
            p,
            256,
            c"%g %g %g %g %g %g %g %g %g %g %s".as_ptr(),
            xs[0],
            xs[1],
            xs[2],
            xs[3],
            xs[4],
            xs[5],
            xs[6],
            xs[7],
            xs[8],
            xs[9],
            c"end".as_ptr(),
        );
        show(&buf, n);
        let n = snprintf(p, 256, c"%d %ld %c".as_ptr(), bb(-3), bb(1i64 << 40), bb(b'x' as c_int));
        show(&buf, n);
        let n = snprintf(p, 256, c"%.17g".as_ptr(), bb(f64::MAX));
        show(&buf, n);
        let f = bb(0.1f32);
        let n = snprintf(p, 256, c"%a %f".as_ptr(), f as c_double, bb(f64::NAN));
        show(&buf, n);
        // Through a function pointer, integer and pointer variadic arguments only (which
        // need no trampoline, so they are no error).
        let g: unsafe extern "C" fn(*mut c_char, usize, *const c_char, ...) -> c_int =
            bb(snprintf as unsafe extern "C" fn(*mut c_char, usize, *const c_char, ...) -> c_int);
        let n = g(p, 256, c"%d %s %ld".as_ptr(), bb(5), c"ptr".as_ptr(), bb(1i64 << 50));
        show(&buf, n);
        // Through a function pointer with doubles, in registers and beyond them.
        let n = g(p, 256, c"%d %.2f %s %g".as_ptr(), bb(6), bb(2.25 as c_double), c"x".as_ptr(), xs[3]);
        show(&buf, n);
        let n = g(
            p, 256, c"%g %g %g %g %g %g %g %g %g %g %d".as_ptr(),
            xs[9], xs[8], xs[7], xs[6], xs[5], xs[4], xs[3], xs[2], xs[1], xs[0], bb(11),
        );
        show(&buf, n);
    }
}
