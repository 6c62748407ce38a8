// MaybeUninit arrays, raw pointer arithmetic (add/sub/offset_from/read/write), NonNull, slices from raw parts, pointer casts between element types.
use std::hint::black_box;
use std::mem::MaybeUninit;
use std::ptr::{self, NonNull};

fn main() {
    let mut arr: [MaybeUninit<u32>; 16] = [const { MaybeUninit::uninit() }; 16];
    for (i, slot) in arr.iter_mut().enumerate() { slot.write((i as u32).wrapping_mul(0x9E3779B9)); }
    let init: [u32; 16] = unsafe { std::mem::transmute(arr) };
    println!("{:x?}", init);
    let mut one = MaybeUninit::<(u8, f64)>::uninit();
    unsafe { one.as_mut_ptr().write((black_box(7), 2.5)); }
    println!("{:?}", unsafe { one.assume_init() });
    let data = [10i64, 20, 30, 40, 50, 60];
    let p = data.as_ptr();
    unsafe {
        let q = p.add(black_box(4));
        println!("{} {} {} {}", *q, *q.sub(3), q.offset_from(p), *p.offset(black_box(2)));
        let s = std::slice::from_raw_parts(p.add(1), 3);
        println!("{:?}", s);
        let bytes = p as *const u8;
        println!("{:?}", std::slice::from_raw_parts(bytes.add(8), 8));
        let unaligned = bytes.add(1) as *const u32;
        println!("{:#x}", unaligned.read_unaligned());
    }
    let mut buf = vec![0u16; 8];
    let bp = buf.as_mut_ptr();
    unsafe {
        for i in 0..8 { bp.add(i).write(1 << i); }
        ptr::swap(bp, bp.add(7));
        let nn = NonNull::new(bp.add(2)).unwrap();
        *nn.as_ptr() += 1000;
        println!("{:?} {}", buf, nn.as_ptr() as usize - bp as usize);
    }
    let b = Box::new(black_box(123u64));
    let raw = Box::into_raw(b);
    unsafe { *raw *= 2; }
    let b = unsafe { Box::from_raw(raw) };
    println!("box roundtrip {}", b);
    let v = vec![1.5f32, 2.5, 3.5];
    let mut v = std::mem::ManuallyDrop::new(v);
    let (ptr, len, cap) = (v.as_mut_ptr(), v.len(), v.capacity());
    let rebuilt = unsafe { Vec::from_raw_parts(ptr, len, cap) };
    println!("{:?}", rebuilt);
    let words: [u32; 2] = [0x3f800000, 0x40490fdb];
    let floats = unsafe { std::slice::from_raw_parts(words.as_ptr() as *const f32, 2) };
    println!("{:?}", floats);
}
