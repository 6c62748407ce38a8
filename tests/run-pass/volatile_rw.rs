// ptr::read_volatile/write_volatile on integers, floats, structs and arrays; volatile loops must not be folded; copy semantics preserved.
use std::hint::black_box;
use std::ptr::{read_volatile, write_volatile};

#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
struct Regs { ctrl: u32, status: u16, flags: u8, pad: u8, data: u64, scale: f32 }

fn main() {
    let mut x: u64 = 0;
    for i in 0..black_box(1000u64) {
        unsafe {
            let v = read_volatile(&x);
            write_volatile(&mut x, v.wrapping_add(i * i));
        }
    }
    println!("x {}", x);
    let mut regs = Regs { ctrl: 0, status: 0xffff, flags: 1, pad: 0, data: 0, scale: 0.5 };
    unsafe {
        let p = &mut regs as *mut Regs;
        write_volatile(&raw mut (*p).ctrl, 0xdead_beef);
        write_volatile(&raw mut (*p).data, read_volatile(&raw const (*p).ctrl) as u64 * 3);
        write_volatile(&raw mut (*p).scale, read_volatile(&raw const (*p).scale) * 4.0);
        let snapshot = read_volatile(p);
        write_volatile(p, Regs { flags: snapshot.flags << 3, ..snapshot });
    }
    println!("{:?}", regs);
    let mut arr = [0u8; 16];
    for i in 0..16 { unsafe { write_volatile(arr.as_mut_ptr().add(i), (i as u8).wrapping_mul(17)); } }
    let mut sum = 0u32;
    for i in 0..16 { sum += unsafe { read_volatile(arr.as_ptr().add(i)) } as u32; }
    println!("{:?} sum {}", arr, sum);
    let mut whole = [1u16, 2, 3, 4];
    unsafe { write_volatile(&mut whole, [9, 8, 7, 6]); }
    let copy: [u16; 4] = unsafe { read_volatile(&whole) };
    println!("{:?} {:?}", whole, copy);
    let mut f = black_box(1.0f64);
    for _ in 0..10 { unsafe { write_volatile(&mut f, read_volatile(&f) * 1.5); } }
    println!("{:?}", f);
    let mut flag = false;
    unsafe { write_volatile(&mut flag, true); }
    let mut spins = 0;
    while !unsafe { read_volatile(&flag) } { spins += 1; }
    println!("flag {} spins {}", flag, spins);
    let mut i128v: i128 = -1;
    unsafe { write_volatile(&mut i128v, read_volatile(&i128v) << 100); }
    println!("{}", i128v);
}
