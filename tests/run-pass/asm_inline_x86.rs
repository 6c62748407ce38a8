//! Inline assembly on x86_64: register classes, explicit registers, in/out/inout/lateout,
//! modifiers, const and sym operands, AT&T syntax, clobbers of callee-saved registers,
//! the cpuid idiom that preserves rbx, memory through pointers, global_asm! and noreturn.
#![allow(asm_sub_register)]

#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::{asm, global_asm};

    global_asm!(
        ".globl clif_test_triple",
        ".type clif_test_triple,@function",
        "clif_test_triple:",
        "lea rax, [rdi + rdi*2]",
        "ret",
    );
    global_asm!(
        ".globl clif_test_add_const",
        "clif_test_add_const:",
        "lea {k}(%rdi), %rax",
        "ret",
        k = const 1000,
        options(att_syntax)
    );
    unsafe extern "C" {
        fn clif_test_triple(x: u64) -> u64;
        fn clif_test_add_const(x: u64) -> u64;
    }

    extern "C" fn callee(x: u64) -> u64 {
        x * 7 + 1
    }

    static mut COUNTER: u64 = 5;

    pub fn run() {
        // reg in, reg out, with modifiers.
        let a: u64 = 40;
        let b: u64;
        unsafe { asm!("lea {0}, [{1} + 2]", out(reg) b, in(reg) a) };
        println!("lea: {b}");

        // inout, and 32-bit modifier writes zero the upper half.
        let mut c: u64 = 0xffff_ffff_0000_0001;
        unsafe { asm!("add {0:e}, 41", inout(reg) c) };
        println!("add32: {c:#x}");

        // Explicit registers, lateout, many operands at once.
        let (x, y, z) = (3u64, 4u64, 5u64);
        let r: u64;
        unsafe {
            asm!("imul rdi, rsi", "add rdi, rdx", "mov rax, rdi",
                 in("rdi") x, in("rsi") y, in("rdx") z, lateout("rax") r, options(nostack))
        };
        println!("explicit: {r}");

        // 8-bit and 16-bit values.
        let mut small: u8 = 200;
        let wide: u16 = 0x1234;
        let out16: u16;
        unsafe {
            asm!("add {0}, 100", "mov {1:x}, {2:x}", "rol {1:x}, 8",
                 inout(reg_byte) small, out(reg) out16, in(reg) wide)
        };
        println!("byte: {small} word: {out16:#x}");

        // The flags through setc.
        let carry: u8;
        unsafe { asm!("mov {t}, -1", "add {t}, 1", "setc {c}", t = out(reg) _, c = out(reg_byte) carry) };
        println!("carry: {carry}");

        // const and sym operands.
        let k: u64;
        unsafe { asm!("mov {0}, {1}", out(reg) k, const 123_456) };
        let via_sym: u64;
        unsafe {
            asm!("mov rdi, 6", "call {f}", f = sym callee, out("rax") via_sym, out("rdi") _,
                 clobber_abi("C"))
        };
        let st: u64;
        unsafe { asm!("mov {0}, qword ptr [rip + {s}]", out(reg) st, s = sym COUNTER) };
        println!("const: {k} sym fn: {via_sym} sym static: {st}");

        // AT&T syntax.
        let att: u64;
        unsafe { asm!("movq ${v}, {o}", "shlq $3, {o}", o = out(reg) att, v = const 9, options(att_syntax)) };
        println!("att: {att}");

        // Clobbering callee-saved registers must not disturb the caller's values.
        let keep = std::hint::black_box([11u64, 22, 33, 44, 55, 66, 77, 88]);
        unsafe {
            asm!("xor r12, r12", "xor r13, r13", "xor r14, r14", "xor r15, r15",
                 out("r12") _, out("r13") _, out("r14") _, out("r15") _)
        };
        println!("kept: {:?}", std::hint::black_box(keep));

        // cpuid, as core::arch does it (rbx is reserved: swapped through a scratch register).
        let (eax, ebx, ecx, edx): (u32, u32, u32, u32);
        unsafe {
            asm!("mov {0:r}, rbx", "cpuid", "xchg {0:r}, rbx", out(reg) ebx,
                 inout("eax") 0u32 => eax, inout("ecx") 0u32 => ecx, out("edx") edx,
                 options(nostack, preserves_flags))
        };
        let vendor: Vec<u8> = [ebx, edx, ecx].iter().flat_map(|w| w.to_le_bytes()).collect();
        println!("cpuid max leaf > 0: {}, vendor is ascii: {}", eax > 0, vendor.is_ascii());
        let std_cpuid = std::arch::x86_64::__cpuid(0);
        println!("matches core::arch: {}", std_cpuid.ebx == ebx && std_cpuid.edx == edx);

        // Vectors in xmm registers.
        use std::arch::x86_64::*;
        let v = unsafe { _mm_set_ps(4.0, 3.0, 2.0, 1.0) };
        let w: __m128;
        unsafe { asm!("addps {0}, {1}", inout(xmm_reg) v => w, in(xmm_reg) v) };
        let mut lanes = [0f32; 4];
        unsafe { _mm_storeu_ps(lanes.as_mut_ptr(), w) };
        println!("xmm: {lanes:?}");
        let d: f64;
        unsafe { asm!("sqrtsd {0}, {1}", lateout(xmm_reg) d, in(xmm_reg) 2.25f64) };
        println!("sqrtsd: {d}");

        // Memory through a pointer operand.
        let mut buf = [1u32, 2, 3, 4];
        unsafe {
            asm!("2:", "add dword ptr [{p}], 10", "add {p}, 4", "dec {n}", "jnz 2b",
                 p = inout(reg) buf.as_mut_ptr() => _, n = inout(reg) buf.len() => _)
        };
        println!("buf: {buf:?}");

        // In a loop and in a generic function instantiated twice.
        fn double<T: Into<u64>>(x: T) -> u64 {
            let r: u64;
            unsafe { asm!("lea {0}, [{1} + {1}]", out(reg) r, in(reg) x.into()) };
            r
        }
        let mut acc = 0u64;
        for i in 0..1000u64 {
            unsafe { asm!("add {0}, {1}", inout(reg) acc, in(reg) i) };
        }
        println!("loop: {acc} generic: {} {}", double(21u8), double(1u32 << 20));

        println!("global_asm: {} {}", unsafe { clif_test_triple(14) }, unsafe { clif_test_add_const(7) });

        // noreturn
        if std::env::args().count() > 5 {
            unsafe { asm!("ud2", options(noreturn)) };
        }
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::run();
}
