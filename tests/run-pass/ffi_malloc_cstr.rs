// libc malloc/calloc/realloc/free used from Rust, C strings built and measured, qsort-free manual buffer management, strtol with end pointer.
use std::ffi::{CStr, c_char, c_int, c_long, c_void};
use std::hint::black_box;

unsafe extern "C" {
    fn malloc(n: usize) -> *mut c_void;
    fn calloc(n: usize, sz: usize) -> *mut c_void;
    fn realloc(p: *mut c_void, n: usize) -> *mut c_void;
    fn free(p: *mut c_void);
    fn strtol(s: *const c_char, end: *mut *mut c_char, base: c_int) -> c_long;
    fn strncpy(dst: *mut c_char, src: *const c_char, n: usize) -> *mut c_char;
}

fn main() {
    unsafe {
        let n = black_box(100usize);
        let p = malloc(n * 8) as *mut u64;
        for i in 0..n { p.add(i).write((i as u64).pow(3)); }
        let p = realloc(p.cast(), n * 16) as *mut u64;
        for i in n..2 * n { p.add(i).write(i as u64); }
        let s: u64 = (0..2 * n).map(|i| *p.add(i)).sum();
        println!("sum {}", s);
        free(p.cast());
        let z = calloc(black_box(64), 4) as *mut u32;
        let zs: u32 = (0..64).map(|i| *z.add(i)).sum();
        println!("calloc zero sum {}", zs);
        free(z.cast());
        let mut end: *mut c_char = std::ptr::null_mut();
        let src = c"  0x7fff rest";
        let v = strtol(src.as_ptr(), &mut end, 0);
        println!("strtol {} consumed {} rest {:?}", v, end as usize - src.as_ptr() as usize, CStr::from_ptr(end));
        let v2 = strtol(c"-777".as_ptr(), std::ptr::null_mut(), 8);
        let v3 = strtol(c"zz".as_ptr(), std::ptr::null_mut(), 36);
        println!("{} {}", v2, v3);
        let dst = malloc(16) as *mut c_char;
        strncpy(dst, c"copied string!".as_ptr(), 16);
        println!("{:?}", CStr::from_ptr(dst));
        free(dst.cast());
    }
}
