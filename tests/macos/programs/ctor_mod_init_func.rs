// Constructors the way the `ctor` and `inventory` crates register them on macOS: function
// pointers in `__DATA,__mod_init_func`, with and without the explicit `mod_init_funcs` type,
// and a destructor in `__DATA,__mod_term_func`. dyld runs only pointers in sections of type
// S_MOD_INIT_FUNC_POINTERS, so the section type is what matters (checked by
// tests/macos/check_objects.py; on Linux the statics are plain data).
use std::sync::atomic::{AtomicU32, Ordering};

static INIT: AtomicU32 = AtomicU32::new(0);

extern "C" fn init() {
    INIT.fetch_add(1, Ordering::Relaxed);
}

extern "C" fn init_typed() {
    INIT.fetch_add(10, Ordering::Relaxed);
}

extern "C" fn fini() {}

#[used]
#[cfg_attr(target_vendor = "apple", unsafe(link_section = "__DATA,__mod_init_func"))]
static CTOR: extern "C" fn() = init;

#[used]
#[cfg_attr(target_vendor = "apple", unsafe(link_section = "__DATA,__mod_init_func,mod_init_funcs"))]
static CTOR_TYPED: extern "C" fn() = init_typed;

#[used]
#[cfg_attr(target_vendor = "apple", unsafe(link_section = "__DATA,__mod_term_func"))]
static DTOR: extern "C" fn() = fini;

fn main() {
    // Not called through the statics: on Linux nothing runs them.
    let n = INIT.load(Ordering::Relaxed);
    println!("{}", n == 0 || n == 11);
}
