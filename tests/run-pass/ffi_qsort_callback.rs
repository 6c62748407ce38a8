// libc qsort/bsearch with Rust extern "C" comparator callbacks over ints, floats and repr(C) structs.
use std::ffi::{c_int, c_void};
use std::hint::black_box;

unsafe extern "C" {
    fn qsort(base: *mut c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int);
    fn bsearch(key: *const c_void, base: *const c_void, n: usize, size: usize, cmp: extern "C" fn(*const c_void, *const c_void) -> c_int) -> *mut c_void;
}

extern "C" fn cmp_i32(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (*(a as *const i32), *(b as *const i32)) };
    (a > b) as c_int - (a < b) as c_int
}

extern "C" fn cmp_f64_desc(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (*(a as *const f64), *(b as *const f64)) };
    b.partial_cmp(&a).map(|o| o as c_int).unwrap_or(0)
}

#[repr(C)]
#[derive(Debug, Clone, Copy)]
struct Item { key: u16, weight: f32, name: [u8; 6] }

extern "C" fn cmp_item(a: *const c_void, b: *const c_void) -> c_int {
    let (a, b) = unsafe { (&*(a as *const Item), &*(b as *const Item)) };
    match a.key.cmp(&b.key) { std::cmp::Ordering::Equal => a.name.cmp(&b.name) as c_int, o => o as c_int }
}

fn main() {
    let mut v: Vec<i32> = (0..50).map(|i| black_box((i * 7919) % 211 - 100)).collect();
    unsafe { qsort(v.as_mut_ptr().cast(), v.len(), size_of::<i32>(), cmp_i32); }
    println!("{:?}", v);
    for key in [black_box(-100i32), 0, 5, 111] {
        let p = unsafe { bsearch((&key as *const i32).cast(), v.as_ptr().cast(), v.len(), 4, cmp_i32) };
        println!("bsearch {} found={}", key, if p.is_null() { "no".to_string() } else { format!("idx {}", (p as usize - v.as_ptr() as usize) / 4) });
    }
    let mut f: Vec<f64> = (0..20).map(|i| black_box(((i * 37) % 19) as f64 * 0.5 - 3.0)).collect();
    unsafe { qsort(f.as_mut_ptr().cast(), f.len(), 8, cmp_f64_desc); }
    println!("{:?}", f);
    let names = [*b"delta\0", *b"alpha\0", *b"carol\0", *b"bravo\0", *b"echo\0\0"];
    let mut items: Vec<Item> = (0..10).map(|i| Item { key: (i * 3 % 4) as u16, weight: i as f32 / 4.0, name: names[i % 5] }).collect();
    let cmp: extern "C" fn(*const c_void, *const c_void) -> c_int = black_box(cmp_item);
    unsafe { qsort(items.as_mut_ptr().cast(), items.len(), size_of::<Item>(), cmp); }
    for it in &items {
        println!("{} {:?} {}", it.key, it.weight, String::from_utf8_lossy(&it.name).trim_end_matches('\0'));
    }
    println!("direct cmp {} {}", cmp_i32((&1i32 as *const i32).cast(), (&2i32 as *const i32).cast()), size_of::<Item>());
}
