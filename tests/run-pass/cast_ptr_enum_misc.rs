// Pointer<->usize casts (alignment arithmetic only), fn ptr casts, C-like enum->int casts, u8->char, transmute-free bit casts.
use std::hint::black_box;

#[derive(Clone, Copy, Debug)]
#[repr(i16)]
enum Small { A = -3, B = 7, C = 300, D }

#[derive(Clone, Copy, Debug)]
enum Auto { X, Y, Z = 10, W }

fn double(x: i32) -> i32 { x * 2 }

fn main() {
    let arr = [0u64; 8];
    let p = arr.as_ptr();
    let base = p as usize;
    for i in 0..8 {
        let q = unsafe { p.add(black_box(i)) };
        println!("offset {} {} aligned8={}", i, q as usize - base, (q as usize) % 8 == 0);
    }
    let bytes = p as *const u8;
    println!("byte offs {}", unsafe { bytes.add(13) } as usize - base);
    let null = std::ptr::null::<u32>() as usize;
    println!("null {} is_null {}", null, (black_box(0usize) as *const u8).is_null());
    let f: fn(i32) -> i32 = black_box(double);
    let addr = f as usize;
    println!("fnptr nonzero {} call {}", addr != 0, f(21));
    for e in [Small::A, Small::B, Small::C, Small::D] {
        let e = black_box(e);
        println!("{:?} {} {} {} {}", e, e as i16, e as u8, e as i64, e as i16 as u16);
    }
    for e in [Auto::X, Auto::Y, Auto::Z, Auto::W] {
        let e = black_box(e);
        println!("{:?} {} {}", e, e as u8, e as isize - 5);
    }
    for b in [black_box(0u8), 48, 65, 127, 200, 255] {
        print!("{:?} ", b as char);
    }
    println!();
    println!("{:#x} {:?}", black_box(1.0f64).to_bits() as i64 >> 52, f32::from_bits(black_box(0x4049_0fdb)));
    let slice: &[u8] = &[1, 2, 3, 4];
    let sp = slice as *const [u8];
    println!("slice ptr len {}", sp.len());
}
