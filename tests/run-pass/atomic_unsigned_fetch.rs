// AtomicU8/U16/U32/U64/Usize: every fetch_* op (add sub and nand or xor max min), swap, load/store, with every valid ordering; wraparound.
use std::hint::black_box;
use std::sync::atomic::{AtomicU8, AtomicU16, AtomicU32, AtomicU64, AtomicUsize, Ordering::*};

macro_rules! exercise {
    ($($at:ident : $t:ident),*) => {$(
        {
            let a = $at::new(black_box($t::MAX - 2));
            let mut log = Vec::new();
            log.push(a.fetch_add(black_box(5), SeqCst));
            log.push(a.fetch_add(1, Relaxed));
            log.push(a.fetch_sub(black_box(10), AcqRel));
            log.push(a.fetch_sub(1, Release));
            log.push(a.fetch_and(black_box(0x5a as $t), Acquire));
            log.push(a.fetch_or(0x81 as $t, SeqCst));
            log.push(a.fetch_xor(black_box($t::MAX), Relaxed));
            log.push(a.fetch_nand(0x3c as $t, AcqRel));
            log.push(a.fetch_max(black_box(7), SeqCst));
            log.push(a.fetch_max(3, Relaxed));
            log.push(a.fetch_min(black_box(200 as $t), Acquire));
            log.push(a.fetch_min(2, Release));
            log.push(a.swap(black_box($t::MAX / 3), SeqCst));
            log.push(a.load(Acquire));
            a.store(black_box(42), Release);
            log.push(a.load(Relaxed));
            log.push(a.fetch_sub(43, SeqCst));
            log.push(a.load(SeqCst));
            println!("{}: {:?}", stringify!($at), log);
            let mut b = $at::new(9);
            *b.get_mut() += 1;
            println!("  get_mut {} into_inner {} as_ptr_read {}", b.load(Relaxed), $at::new(77).into_inner(), unsafe { *b.as_ptr() });
            let arr: [$at; 4] = [$at::new(0), $at::new(1), $at::new(2), $at::new(3)];
            for (i, x) in arr.iter().enumerate() { x.fetch_add((i * 10) as $t, Relaxed); }
            println!("  arr {:?}", arr.iter().map(|x| x.load(Relaxed)).collect::<Vec<_>>());
        }
    )*};
}

fn main() {
    exercise!(AtomicU8: u8, AtomicU16: u16, AtomicU32: u32, AtomicU64: u64, AtomicUsize: usize);
    println!("sizes {} {} {} {} {}", size_of::<AtomicU8>(), size_of::<AtomicU16>(), size_of::<AtomicU32>(), size_of::<AtomicU64>(), align_of::<AtomicU64>());
}
