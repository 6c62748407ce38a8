//! Inline assembly on aarch64: `reg` with the `w`/`x` modifiers, `vreg` with `b`/`h`/`s`/
//! `d`/`q`/`v` views (libm's `fmadd`, `frintn`, `fsqrt`), explicit registers, inout and
//! lateout, clobbers of callee-saved registers (x20-x28, v8-v15), const and sym operands,
//! memory through pointers and noreturn. Nothing runs on other targets.

#[cfg(target_arch = "aarch64")]
mod imp {
    use std::arch::asm;
    use std::hint::black_box;

    extern "C" fn twice(x: u64) -> u64 {
        x * 2
    }

    fn fma(x: f64, y: f64, z: f64) -> f64 {
        let mut x = x;
        unsafe {
            asm!("fmadd {x:d}, {x:d}, {y:d}, {z:d}", x = inout(vreg) x, y = in(vreg) y, z = in(vreg) z,
                 options(nomem, nostack, pure));
        }
        x
    }

    fn fmaf(x: f32, y: f32, z: f32) -> f32 {
        let mut x = x;
        unsafe {
            asm!("fmadd {x:s}, {x:s}, {y:s}, {z:s}", x = inout(vreg) x, y = in(vreg) y, z = in(vreg) z,
                 options(nomem, nostack, pure));
        }
        x
    }

    pub fn run() {
        println!("fma {}", fma(black_box(0.1), black_box(10.0), black_box(-1.0)));
        println!("fmaf {}", fmaf(black_box(0.1), black_box(10.0), black_box(-1.0)));

        let mut r = black_box(2.5f64);
        unsafe { asm!("frintn {x:d}, {x:d}", x = inout(vreg) r, options(nomem, nostack, pure)) };
        let mut q = black_box(2.0f64);
        unsafe { asm!("fsqrt {x:d}, {x:d}", x = inout(vreg) q, options(nomem, nostack, pure)) };
        println!("frintn/fsqrt {r} {q}");

        // reg with w/x views, explicit registers, lateout.
        let (a, b) = (black_box(0x1_0000_0007u64), black_box(5u64));
        let sum: u64;
        let low: u32;
        unsafe {
            asm!("add {s}, {a}, {b}", "add {l:w}, {a:w}, #1", a = in(reg) a, b = in(reg) b,
                 s = lateout(reg) sum, l = lateout(reg) low);
        }
        println!("add {sum:#x} {low}");
        let x9: u64;
        unsafe { asm!("mov x9, #{k}", "add x9, x9, x10", k = const 40, in("x10") 2u64, out("x9") x9) };
        println!("explicit {x9}");

        // Vectors: a whole q register and lanes.
        let v = black_box([1u32, 2, 3, 4]);
        let w = black_box([10u32, 20, 30, 40]);
        let out: [u32; 4];
        unsafe {
            let a: std::arch::aarch64::uint32x4_t = std::mem::transmute(v);
            let b: std::arch::aarch64::uint32x4_t = std::mem::transmute(w);
            let o: std::arch::aarch64::uint32x4_t;
            asm!("add {o:v}.4s, {a:v}.4s, {b:v}.4s", a = in(vreg) a, b = in(vreg) b, o = out(vreg) o);
            out = std::mem::transmute(o);
        }
        println!("vector add {out:?}");
        let byte: u8;
        unsafe { asm!("mov {o:v}.b[0], {i:w}", "umov {r:w}, {o:v}.b[0]", i = in(reg) 0x1ffu32,
                      o = out(vreg) _, r = out(reg) byte) };
        println!("byte lane {byte}");

        // Clobbered callee-saved registers keep their values for the caller.
        let keep = black_box(123.5f64);
        let kept: u64 = black_box(77);
        unsafe {
            asm!("mov x20, #1", "mov x28, #2", "fmov d8, #1.0", "fmov d15, #2.0",
                 out("x20") _, out("x28") _, out("v8") _, out("v15") _);
        }
        println!("after clobbers {keep} {kept}");

        // Memory through a pointer, and a call through sym.
        let mut cell = black_box(41u64);
        unsafe { asm!("ldr {t}, [{p}]", "add {t}, {t}, #1", "str {t}, [{p}]", p = in(reg) &mut cell, t = out(reg) _) };
        let doubled: u64;
        unsafe {
            asm!("mov x0, #21", "bl {f}", f = sym twice, out("x0") doubled, clobber_abi("C"));
        }
        println!("memory {cell} sym {doubled}");

        if std::env::args().count() > 5 {
            unsafe { asm!("brk #0x1", options(noreturn)) };
        }
    }
}

fn main() {
    #[cfg(target_arch = "aarch64")]
    imp::run();
}
