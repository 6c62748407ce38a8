//! Uses `asm!` with a `label` operand (asm goto), which the Cranelift backend rejects.

/// Whether `x` is odd, decided by a branch in assembly.
pub fn is_odd(x: u64) -> bool {
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::asm!("test {x}, 1", "jnz {odd}", x = in(reg) x, odd = label { return true });
    }
    #[cfg(target_arch = "aarch64")]
    unsafe {
        std::arch::asm!("tbnz {x}, #0, {odd}", x = in(reg) x, odd = label { return true });
    }
    false
}

/// A generic function: instantiated in (and compiled by the backend of) its caller.
pub fn count<T: Copy + Into<u64>>(xs: &[T]) -> usize {
    xs.iter().filter(|&&x| is_odd(x.into())).count()
}
