//! Naked functions (`#[unsafe(naked)]` + `naked_asm!`) are emitted as assembly; called
//! directly, through a pointer, and from another naked function.
#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::naked_asm;

    #[unsafe(naked)]
    pub extern "C" fn add3(a: u64, b: u64, c: u64) -> u64 {
        naked_asm!("lea rax, [rdi + rsi]", "add rax, rdx", "ret")
    }

    #[unsafe(naked)]
    #[unsafe(no_mangle)]
    pub extern "C" fn clif_naked_square(x: u32) -> u32 {
        naked_asm!("mov eax, edi", "imul eax, edi", "ret")
    }

    #[unsafe(naked)]
    extern "C" fn twice_add3(a: u64) -> u64 {
        naked_asm!("push rbx", "mov rbx, rdi", "mov rsi, rdi", "mov rdx, rdi", "call {f}",
                   "add rax, rbx", "pop rbx", "ret", f = sym add3)
    }

    pub fn run() {
        println!("add3: {}", add3(1, 2, 3));
        let f: extern "C" fn(u32) -> u32 = std::hint::black_box(clif_naked_square);
        println!("square: {}", f(12));
        println!("twice: {}", twice_add3(5));
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::run();
}
