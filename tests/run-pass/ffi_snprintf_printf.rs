// C varargs calls with INTEGER-ONLY arguments: snprintf into a buffer (%d %ld %lld %u %x %c %s %p-free %zu %hhd), printf + fflush interleaved with println.
use std::ffi::{CStr, c_char, c_int, c_long, c_longlong, c_uint, c_void};
use std::hint::black_box;

unsafe extern "C" {
    fn snprintf(buf: *mut c_char, n: usize, fmt: *const c_char, ...) -> c_int;
    fn printf(fmt: *const c_char, ...) -> c_int;
    fn fflush(f: *mut c_void) -> c_int;
}

fn show(buf: &[u8]) -> &str { CStr::from_bytes_until_nul(buf).unwrap().to_str().unwrap() }

fn main() {
    let mut buf = [0u8; 128];
    let n = unsafe { snprintf(buf.as_mut_ptr().cast(), buf.len(), c"%d|%5d|%-5d|%05d|%+d".as_ptr(), black_box(42 as c_int), -7 as c_int, 3 as c_int, -12 as c_int, 9 as c_int) };
    println!("{} {:?}", n, show(&buf));
    let n = unsafe { snprintf(buf.as_mut_ptr().cast(), buf.len(), c"%ld %lld %u %x %X %o".as_ptr(), black_box(-1234567890123 as c_long), i64::MIN as c_longlong, u32::MAX as c_uint, 0xdead_beef as c_uint, 255 as c_uint, 8 as c_uint) };
    println!("{} {:?}", n, show(&buf));
    let name = c"world";
    let n = unsafe { snprintf(buf.as_mut_ptr().cast(), buf.len(), c"hello %s! %c%c %.3s %10s|".as_ptr(), name.as_ptr(), 'A' as c_int, black_box(b'z' as c_int), c"truncate".as_ptr(), name.as_ptr()) };
    println!("{} {:?}", n, show(&buf));
    let n = unsafe { snprintf(buf.as_mut_ptr().cast(), buf.len(), c"%zu %hhd %hd %lu %#lx %%".as_ptr(), black_box(usize::MAX), 300 as c_int, 70000 as c_int, u64::MAX, black_box(0xabcdef_u64)) };
    println!("{} {:?}", n, show(&buf));
    // truncation: return value is the full length
    let mut small = [0u8; 8];
    let n = unsafe { snprintf(small.as_mut_ptr().cast(), small.len(), c"%d-%d-%d".as_ptr(), 111111 as c_int, 222222 as c_int, 333333 as c_int) };
    println!("{} {:?}", n, show(&small));
    // many integer varargs (more than fit in registers)
    let n = unsafe { snprintf(buf.as_mut_ptr().cast(), buf.len(), c"%d %d %d %d %d %d %d %d %d %d %ld %d".as_ptr(),
        1 as c_int, 2 as c_int, 3 as c_int, 4 as c_int, 5 as c_int, 6 as c_int, 7 as c_int, 8 as c_int, 9 as c_int, black_box(10 as c_int), 1i64 << 40, -11 as c_int) };
    println!("{} {:?}", n, show(&buf));
    println!("rust line before printf");
    unsafe {
        printf(c"printf: %d %s %lx\n".as_ptr(), black_box(7 as c_int), c"str".as_ptr(), 0xfeed_u64);
        fflush(std::ptr::null_mut());
    }
    println!("rust line after printf");
    let f: unsafe extern "C" fn(*mut c_char, usize, *const c_char, ...) -> c_int = snprintf;
    let n = unsafe { f(buf.as_mut_ptr().cast(), buf.len(), c"via ptr %d".as_ptr(), black_box(99 as c_int)) };
    println!("{} {:?}", n, show(&buf));
}
