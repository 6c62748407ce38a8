// A #[global_allocator] wrapping System that counts allocations/bytes (atomics), exercised with Vec/String/Box growth; counts printed are deterministic.
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static FREES: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static MAX_ALIGN: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(l.size(), Relaxed);
        MAX_ALIGN.fetch_max(l.align(), Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        FREES.fetch_add(1, Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        BYTES.fetch_add(new.saturating_sub(l.size()), Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[repr(align(256))]
struct Aligned([u8; 10]);

fn snapshot() -> (usize, usize, usize) { (ALLOCS.load(Relaxed), FREES.load(Relaxed), BYTES.load(Relaxed)) }

fn main() {
    let (a0, f0, b0) = snapshot();
    {
        let mut v: Vec<u64> = Vec::new();
        for i in 0..black_box(1000) { v.push(i); }
        let s: String = (0..black_box(100)).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let b = black_box(Box::new([1u8; 4096]));
        let al = black_box(Box::new(Aligned([3; 10])));
        println!("{} {} {} {} aligned={}", v.len(), s.len(), b.len(), al.0[9], (&*al as *const Aligned as usize) % 256 == 0);
    }
    let (a1, f1, b1) = snapshot();
    println!("allocs {} frees {} bytes {} max_align {}", a1 - a0, f1 - f0, b1 - b0, MAX_ALIGN.load(Relaxed));
    let z = Box::new(());
    let e: Vec<u32> = Vec::with_capacity(0);
    let (a2, _, _) = snapshot();
    println!("zst/empty allocs {} {:?} {}", a2 - a1, z, e.capacity());
}
