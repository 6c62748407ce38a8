// extern "C" calls into libc: strlen, memcmp, memcpy, memset, strcmp, strchr, abs, labs, toupper, atoi, getpid (only checked != 0).
use std::ffi::{CStr, CString, c_char, c_int, c_long, c_void};
use std::hint::black_box;

unsafe extern "C" {
    fn strlen(s: *const c_char) -> usize;
    fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> c_int;
    fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void;
    fn memset(dst: *mut c_void, c: c_int, n: usize) -> *mut c_void;
    fn strcmp(a: *const c_char, b: *const c_char) -> c_int;
    fn strchr(s: *const c_char, c: c_int) -> *const c_char;
    fn abs(x: c_int) -> c_int;
    fn labs(x: c_long) -> c_long;
    fn toupper(c: c_int) -> c_int;
    fn atoi(s: *const c_char) -> c_int;
    fn getpid() -> c_int;
}

fn main() {
    let s = CString::new(black_box("hello from rust")).unwrap();
    let n = unsafe { strlen(s.as_ptr()) };
    println!("strlen {}", n);
    println!("strlen lit {}", unsafe { strlen(c"".as_ptr()) } + unsafe { strlen(c"abc\tdef".as_ptr()) });
    let a = [1u8, 2, 3, 4, 5];
    let b = [1u8, 2, 3, 9, 0];
    let sign = |x: c_int| x.signum();
    println!("memcmp {} {} {}", sign(unsafe { memcmp(a.as_ptr().cast(), b.as_ptr().cast(), 3) }), sign(unsafe { memcmp(a.as_ptr().cast(), b.as_ptr().cast(), 4) }),
        sign(unsafe { memcmp(b.as_ptr().cast(), a.as_ptr().cast(), black_box(5)) }));
    let mut dst = [0u64; 4];
    let src = [0x1111u64, 0x2222, 0x3333, 0x4444];
    let ret = unsafe { memcpy(dst.as_mut_ptr().cast(), src.as_ptr().cast(), 24) };
    let same = ret == dst.as_mut_ptr().cast();
    println!("memcpy {:x?} ret_is_dst {}", dst, same);
    let mut buf = [0u8; 10];
    unsafe { memset(buf.as_mut_ptr().add(2).cast(), black_box(0x1ff), 5); }
    println!("memset {:?}", buf);
    println!("strcmp {} {} {}", sign(unsafe { strcmp(c"abc".as_ptr(), c"abd".as_ptr()) }), unsafe { strcmp(s.as_ptr(), s.as_ptr()) }, sign(unsafe { strcmp(c"b".as_ptr(), c"a".as_ptr()) }));
    let p = unsafe { strchr(s.as_ptr(), 'f' as c_int) };
    println!("strchr offset {} rest {:?}", p as usize - s.as_ptr() as usize, unsafe { CStr::from_ptr(p) });
    println!("strchr missing null {}", unsafe { strchr(s.as_ptr(), 'z' as c_int) }.is_null());
    println!("abs {} {} labs {}", unsafe { abs(black_box(-17)) }, unsafe { abs(black_box(i32::MAX)) }, unsafe { labs(black_box(-1i64 << 40)) });
    let up: String = "mixed Case 123".bytes().map(|b| unsafe { toupper(b as c_int) } as u8 as char).collect();
    println!("toupper {}", up);
    println!("atoi {} {} {}", unsafe { atoi(c"  -12345xyz".as_ptr()) }, unsafe { atoi(c"2147483647".as_ptr()) }, unsafe { atoi(c"nope".as_ptr()) });
    println!("getpid nonzero {}", unsafe { getpid() } != 0);
    let owned: String = unsafe { CStr::from_ptr(s.as_ptr()) }.to_str().unwrap().to_uppercase();
    println!("{} {:?}", owned, s.as_bytes_with_nul().last());
}
