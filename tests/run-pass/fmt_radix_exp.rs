// Integer radix formatting ({:x} {:#X} {:o} {:#b}) incl. negative numbers (two's complement) and zero padding, plus {:e}/{:E} for ints and floats.
use std::hint::black_box;

macro_rules! radix {
    ($($t:ident),*) => {$(
        for v in [0 as $t, 1, $t::MAX, $t::MIN, (0x5a5a_5a5a_5a5a_5a5a_5a5a_5a5a_5a5a_5a5au128 as $t)] {
            let v = black_box(v);
            println!("{:>5} {:x} {:#X} {:o} {:#b} {:#010x} {:e}", stringify!($t), v, v, v, v, v, v);
        }
    )*};
}

fn main() {
    radix!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    for f in [black_box(0.0f64), 1.0, 123456.789, 0.000123, -9.87654321e-100, 6.02214076e23, f64::MAX, 5e-324] {
        println!("{:e} {:E} {:.3e} {:12.1E} {:+e}", f, f, f, f, f);
    }
    for f in [black_box(1.0f32), 0.1, 3.4028235e38, 1.0e-45] {
        println!("{:e} {:.10e}", f, f);
    }
    println!("{:x?} {:X?} {:#x?}", [10u8, 255], vec![0xabcu16], (1u8, 2u16));
}
