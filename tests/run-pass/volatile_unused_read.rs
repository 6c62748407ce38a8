//! A volatile read whose value is unused still happens: reading a page mapped without
//! access rights must fault (SIGSEGV), as with LLVM. A backend that drops the load (as
//! Cranelift does with loads it may treat as pure) prints the last line and exits 0.

unsafe extern "C" {
    fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
}

fn main() {
    const PROT_NONE: i32 = 0;
    const MAP_PRIVATE_ANONYMOUS: i32 = 0x02 | 0x20;
    let page = unsafe { mmap(std::ptr::null_mut(), 4096, PROT_NONE, MAP_PRIVATE_ANONYMOUS, -1, 0) };
    assert!(page as isize != -1, "mmap failed");
    let x = 7u32;
    unsafe { std::ptr::read_volatile(&x) };
    println!("readable volatile read done");
    unsafe { std::ptr::read_volatile(page) };
    println!("the unused read of a PROT_NONE page was dropped");
}
