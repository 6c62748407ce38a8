//! Statics whose initializer points at memory of its own: rustc makes that memory a
//! "nested static" without a type; `static mut` ones must be writable.

#[repr(C)]
struct AlignAs<B: ?Sized, T> {
    _align: [T; 0],
    bytes: B,
}

// Not promotable (a deref of a constant), so the struct lives in a nested static.
static ALIGNED: &AlignAs<[u8], u32> = &AlignAs { _align: [], bytes: *b"nested bytes\0\x01" };
static mut BUF: &mut [u8] = &mut [1, 2, 3, 4];
static mut NESTED: &mut (u32, &mut [u16]) = &mut (5, &mut [6, 7]);

fn main() {
    println!("{:?} align ok: {}", &ALIGNED.bytes, (&ALIGNED.bytes as *const [u8] as *const u8 as usize) % 4 == 0);
    unsafe {
        let buf = &mut *std::ptr::addr_of_mut!(BUF);
        buf[2] = 30;
        buf.reverse();
        println!("buf {:?}", *std::ptr::addr_of!(BUF));
        let n = &mut *std::ptr::addr_of_mut!(NESTED);
        n.0 += 1;
        n.1[1] *= 3;
        println!("nested {:?}", *std::ptr::addr_of!(NESTED));
    }
}
