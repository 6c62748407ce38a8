//! Full debug info for `Box`es with a non-zero-sized allocator: they are described as
//! the structs they are, not as pointers (the type table once asked such a `Box<u8, A>`
//! for fat-pointer metadata, an ICE found by alloctests).
//@ compile-flags: -g
#![feature(allocator_api)]
use std::alloc::{Allocator, Global, Layout, AllocError};
use std::ptr::NonNull;
struct Counting<'a>(&'a std::cell::Cell<u32>);
unsafe impl Allocator for Counting<'_> {
    fn allocate(&self, l: Layout) -> Result<NonNull<[u8]>, AllocError> { self.0.set(self.0.get() + 1); Global.allocate(l) }
    unsafe fn deallocate(&self, p: NonNull<u8>, l: Layout) { unsafe { Global.deallocate(p, l) } }
}
fn main() {
    let c = std::cell::Cell::new(0);
    let b: Box<u8, Counting> = Box::new_in(7, Counting(&c));
    let s: Box<[u16], Counting> = Box::new_in([1u16, 2, 3], Counting(&c));
    let d: Box<dyn std::fmt::Debug, Counting> = Box::new_in(5i32, Counting(&c));
    println!("{} {:?} {:?} {}", b, s, d, c.get());
}
