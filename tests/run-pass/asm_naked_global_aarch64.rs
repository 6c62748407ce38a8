//! aarch64 naked functions (`#[unsafe(naked)]` + `naked_asm!`) and `global_asm!`, called
//! directly, through a pointer and from each other, with `sym` and `const` operands; and a
//! panic unwinding out of `asm!(.., options(may_unwind))` through the asm shim's CFI into
//! the caller's landing pad and `catch_unwind`. Nothing runs on other targets.
#![feature(asm_unwind)]
#[cfg(target_arch = "aarch64")]
mod imp {
    use std::arch::{asm, global_asm, naked_asm};

    #[unsafe(naked)]
    pub extern "C" fn add3(a: u64, b: u64, c: u64) -> u64 {
        naked_asm!("add x0, x0, x1", "add x0, x0, x2", "ret")
    }

    #[unsafe(naked)]
    #[unsafe(no_mangle)]
    pub extern "C" fn clif_naked_square(x: u32) -> u32 {
        naked_asm!("mul w0, w0, w0", "ret")
    }

    /// Keeps x19 and the link register across a call to `add3`.
    #[unsafe(naked)]
    extern "C" fn twice_add3(a: u64) -> u64 {
        naked_asm!(
            "stp x19, x30, [sp, #-16]!",
            "mov x19, x0",
            "mov x1, x0",
            "mov x2, x0",
            "bl {f}",
            "add x0, x0, x19",
            "add x0, x0, #{k}",
            "ldp x19, x30, [sp], #16",
            "ret",
            f = sym add3,
            k = const 100,
        )
    }

    global_asm!(
        ".globl clif_global_mix",
        ".p2align 2",
        "clif_global_mix:",
        "eor x0, x0, x1",
        "lsl x0, x0, #{shift}",
        "ret",
        shift = const 3,
    );
    unsafe extern "C" {
        fn clif_global_mix(a: u64, b: u64) -> u64;
    }

    struct Noisy(&'static str);
    impl Drop for Noisy {
        fn drop(&mut self) {
            println!("drop {}", self.0);
        }
    }

    extern "C-unwind" fn boom(x: u64) {
        if x == 7 {
            panic!("boom {x}");
        }
        println!("no boom {x}");
    }

    fn call_through_asm(x: u64) -> u64 {
        let _guard = Noisy("guard");
        let keep = std::hint::black_box(0x1234_5678_u64);
        unsafe {
            asm!("bl {f}", f = sym boom, in("x0") x, clobber_abi("C"), options(may_unwind));
        }
        keep + x
    }

    pub fn run() {
        println!("add3: {}", add3(1, 2, 3));
        let f: extern "C" fn(u32) -> u32 = std::hint::black_box(clif_naked_square);
        println!("square: {}", f(12));
        println!("twice: {}", twice_add3(std::hint::black_box(5)));
        println!("global: {:#x}", unsafe { clif_global_mix(0xf0, std::hint::black_box(0x0f)) });
        println!("ok: {:#x}", call_through_asm(std::hint::black_box(1)));
        let r = std::panic::catch_unwind(|| call_through_asm(std::hint::black_box(7)));
        println!("caught: {}", r.is_err());
    }
}

fn main() {
    #[cfg(target_arch = "aarch64")]
    imp::run();
}
