//! C-variadic function definitions (`unsafe extern "C" fn f(n: i32, mut args: ...)`) on
//! SysV x86_64 and AAPCS64: which registers the fixed arguments take, the `va_list` that
//! `va_start` builds, and how `va_arg` reads the next argument.
//!
//! A backend that cannot read the argument registers its function does not declare
//! (Cranelift) defines the variadic symbol with an assembly shim ([`definition_shim`]). The
//! shim saves every argument register into a save area in its frame, in the layout the
//! ABI's `va_list` expects, and calls the Rust body with the fixed arguments untouched and
//! a pointer to the area in the next free integer register (the body is declared with one
//! more pointer parameter than the fixed ones). `va_start` then needs only that pointer
//! and the counts of registers the fixed arguments took.

use std::fmt::Write;

use rustc_abi::{Align, BackendRepr, Float, Primitive, RegKind};
use rustc_codegen_ssa::common::IntPredicate;
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::Ty;
use rustc_middle::ty::layout::TyAndLayout;
use rustc_target::callconv::{FnAbi, PassMode};
use rustc_target::spec::{Arch, Target};

/// The `va_list` conventions definitions are supported for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaAbi {
    /// `{ gp_offset: i32, fp_offset: i32, overflow_arg_area: *, reg_save_area: * }`.
    SysV64,
    /// `{ stack: *, gr_top: *, vr_top: *, gr_offs: i32, vr_offs: i32 }`.
    Aapcs64,
}

impl VaAbi {
    /// The convention of `target`, if it is one of ours: ELF targets only, since the shim
    /// is written in ELF directives (Apple's arm64 `va_list` is a plain pointer anyway).
    pub fn of(target: &Target) -> Option<VaAbi> {
        if target.is_like_darwin
            || target.is_like_windows
            || target.os == rustc_target::spec::Os::Uefi
        {
            return None;
        }
        match target.arch {
            Arch::X86_64 => Some(VaAbi::SysV64),
            Arch::AArch64 => Some(VaAbi::Aapcs64),
            _ => None,
        }
    }

    /// Integer and vector argument registers.
    fn registers(self) -> (u32, u32) {
        match self {
            VaAbi::SysV64 => (6, 8),
            VaAbi::Aapcs64 => (8, 8),
        }
    }

    /// Bytes from the save area to the caller's stack arguments. The shim's frame is the
    /// saved frame pointer (and, on aarch64, link register) plus the area itself; on x86_64
    /// the return address lies between the frame and the arguments.
    fn stack_args_offset(self) -> u64 {
        match self {
            VaAbi::SysV64 => SYSV_AREA + 16,
            VaAbi::Aapcs64 => AAPCS_AREA + 16,
        }
    }
}

/// rdi..r9 (8 bytes each), then xmm0..xmm7 (16 bytes each).
const SYSV_AREA: u64 = 6 * 8 + 8 * 16;
/// x0..x7, then q0..q7.
const AAPCS_AREA: u64 = 8 * 8 + 8 * 16;

/// What a definition's fixed arguments take: the variadic ones start after these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaDefinition {
    pub abi: VaAbi,
    /// Integer registers taken by the fixed arguments (the hidden area pointer goes next).
    pub gp: u32,
    /// Vector registers taken by the fixed arguments.
    pub fp: u32,
}

/// The registers `fn_abi`'s fixed arguments take, or what is not supported: fixed
/// arguments on the stack (the body could not find them after the shim's call) and
/// 16-byte aligned ones on AAPCS64 (which skip a register).
pub fn definition(abi: VaAbi, fn_abi: &FnAbi<'_, Ty<'_>>) -> Result<VaDefinition, &'static str> {
    const ON_STACK: &str =
        "C-variadic function definitions whose fixed arguments do not all fit in registers";
    let (gp, fp) = registers_taken(abi, fn_abi).map_err(|e| e.unwrap_or(ON_STACK))?;
    let (gp_regs, fp_regs) = abi.registers();
    // One integer register must be left for the area pointer.
    if gp >= gp_regs || fp > fp_regs {
        return Err(ON_STACK);
    }
    Ok(VaDefinition { abi, gp, fp })
}

/// The integer and vector registers `fn_abi`'s arguments take if none goes on the stack
/// (counts beyond the registers there are mean some do); `Err(None)` when an argument is
/// passed on the stack by its kind, `Err(Some(what))` when it is not supported.
pub fn registers_taken(
    abi: VaAbi,
    fn_abi: &FnAbi<'_, Ty<'_>>,
) -> Result<(u32, u32), Option<&'static str>> {
    const ON_STACK: Option<&str> = None;
    let (mut gp, mut fp) = (0u32, 0u32);
    let scalar = |p: Primitive, gp: &mut u32, fp: &mut u32| -> Result<(), Option<&'static str>> {
        match p {
            Primitive::Float(_) => *fp += 1,
            Primitive::Int(i, _) if i.size().bytes() == 16 => {
                if abi == VaAbi::Aapcs64 {
                    return Err(Some(
                        "C-variadic function definitions with 128-bit fixed arguments",
                    ));
                }
                *gp += 2
            }
            Primitive::Int(..) | Primitive::Pointer(_) => *gp += 1,
        }
        Ok(())
    };
    // SysV passes a returned aggregate's address in rdi; AAPCS64 in x8, not an argument.
    if matches!(fn_abi.ret.mode, PassMode::Indirect { .. }) && abi == VaAbi::SysV64 {
        gp += 1;
    }
    for arg in fn_abi.args.iter() {
        match &arg.mode {
            PassMode::Ignore => {}
            PassMode::Direct(_) => match arg.layout.backend_repr {
                BackendRepr::Scalar(s) => scalar(s.primitive(), &mut gp, &mut fp)?,
                BackendRepr::SimdVector { .. } => fp += 1,
                _ => return Err(ON_STACK),
            },
            PassMode::Pair(..) => {
                let BackendRepr::ScalarPair(a, b) = arg.layout.backend_repr else {
                    return Err(ON_STACK);
                };
                scalar(a.primitive(), &mut gp, &mut fp)?;
                scalar(b.primitive(), &mut gp, &mut fp)?;
            }
            PassMode::Cast { cast, pad_i32 } => {
                if *pad_i32 {
                    gp += 1;
                }
                let rest = cast.rest.total.bytes().div_ceil(cast.rest.unit.size.bytes().max(1));
                let rest = (cast.rest.total.bytes() > 0).then_some((cast.rest.unit, rest));
                let prefix = cast.prefix.iter().flatten().map(|r| (*r, 1));
                for (reg, n) in prefix.chain(rest) {
                    if abi == VaAbi::Aapcs64 && reg.kind == RegKind::Integer && reg.size.bytes() > 8
                    {
                        return Err(Some(
                            "C-variadic function definitions with 128-bit fixed arguments",
                        ));
                    }
                    match reg.kind {
                        RegKind::Integer => gp += n as u32,
                        RegKind::Float | RegKind::Vector { .. } => fp += n as u32,
                    }
                }
            }
            PassMode::Indirect { on_stack: true, .. } => return Err(ON_STACK),
            PassMode::Indirect { meta_attrs, .. } => gp += 1 + meta_attrs.is_some() as u32,
        }
    }
    Ok((gp, fp))
}

/// How the shim's symbol is bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShimBinding {
    pub weak: bool,
    pub hidden: bool,
}

/// The assembly of the variadic symbol `name` of a definition whose body is `body`: it
/// saves the argument registers as [`va_start`] expects, calls `body` with the area's
/// address in integer register `def.gp`, and returns what `body` returns. It has CFI, so
/// panics and backtraces pass through it. ELF only.
pub fn definition_shim(name: &str, binding: ShimBinding, body: &str, def: VaDefinition) -> String {
    let mut s = String::new();
    let w = &mut s;
    macro_rules! line { ($($t:tt)*) => { let _ = writeln!(w, $($t)*); } }
    line!(".pushsection .text.\"{name}\",\"ax\",@progbits");
    line!(".p2align 4");
    line!("{} \"{name}\"", if binding.weak { ".weak" } else { ".globl" });
    if binding.hidden {
        line!(".hidden \"{name}\"");
    }
    line!(".type \"{name}\",@function");
    line!("\"{name}\":");
    line!(".cfi_startproc");
    match def.abi {
        VaAbi::SysV64 => {
            const GP: [&str; 6] = crate::asm_shim::SYSV_INT_ARGS;
            line!("push rbp");
            line!(".cfi_def_cfa_offset 16");
            line!(".cfi_offset rbp, -16");
            line!("mov rbp, rsp");
            line!(".cfi_def_cfa_register rbp");
            // The entry rsp is 8 mod 16, so after the push and 176 bytes the area (and the
            // call) is 16-byte aligned.
            line!("sub rsp, {SYSV_AREA}");
            for (i, r) in GP.iter().enumerate() {
                line!("mov [rsp + {}], {r}", i * 8);
            }
            // The caller's `al` bounds the vector registers it used; 0 means none.
            line!("test al, al");
            line!("je 1f");
            for i in 0..8 {
                line!("movaps [rsp + {}], xmm{i}", 48 + i * 16);
            }
            line!("1:");
            line!("mov {}, rsp", GP[def.gp as usize]);
            line!("call \"{body}\"");
            line!("leave");
            line!(".cfi_def_cfa rsp, 8");
            line!("ret");
        }
        VaAbi::Aapcs64 => {
            line!("stp x29, x30, [sp, #-16]!");
            line!(".cfi_def_cfa_offset 16");
            line!(".cfi_offset x30, -8");
            line!(".cfi_offset x29, -16");
            line!("mov x29, sp");
            line!(".cfi_def_cfa w29, 16");
            line!("sub sp, sp, #{AAPCS_AREA}");
            for i in (0..8).step_by(2) {
                line!("stp x{i}, x{}, [sp, #{}]", i + 1, i * 8);
            }
            for i in (0..8).step_by(2) {
                line!("stp q{i}, q{}, [sp, #{}]", i + 1, 64 + i * 16);
            }
            // x8 (the address of a returned aggregate) is left as the caller set it.
            line!("mov x{}, sp", def.gp);
            line!("bl \"{body}\"");
            line!("mov sp, x29");
            line!("ldp x29, x30, [sp], #16");
            line!(".cfi_def_cfa sp, 0");
            line!(".cfi_restore x30");
            line!(".cfi_restore x29");
            line!("ret");
        }
    }
    line!(".cfi_endproc");
    line!(".size \"{name}\", .-\"{name}\"");
    line!(".popsection");
    s
}

fn ptr_at<'a, 'tcx, Bx: BuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    base: Bx::Value,
    off: u64,
) -> Bx::Value {
    if off == 0 {
        return base;
    }
    let off = bx.cx().const_usize(off);
    bx.inbounds_ptradd(base, off)
}

/// Initialises the `va_list` at `list` in the body of a definition `def`, whose shim's save
/// area is at `area`.
pub fn va_start<'a, 'tcx, Bx: BuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    def: VaDefinition,
    area: Bx::Value,
    list: Bx::Value,
) {
    let ptr_align = bx.tcx().data_layout.pointer_align().abi;
    let stack = ptr_at(bx, area, def.abi.stack_args_offset());
    let i32_at = |bx: &mut Bx, v: i64, off: u64| {
        let v = bx.cx().const_i32(v as i32);
        let p = ptr_at(bx, list, off);
        bx.store(v, p, Align::from_bytes(4).unwrap());
    };
    let ptr_field = |bx: &mut Bx, v: Bx::Value, off: u64| {
        let p = ptr_at(bx, list, off);
        bx.store(v, p, ptr_align);
    };
    match def.abi {
        VaAbi::SysV64 => {
            i32_at(bx, 8 * def.gp as i64, 0);
            i32_at(bx, 48 + 16 * def.fp as i64, 4);
            ptr_field(bx, stack, 8);
            ptr_field(bx, area, 16);
        }
        VaAbi::Aapcs64 => {
            ptr_field(bx, stack, 0);
            let gr_top = ptr_at(bx, area, 64);
            ptr_field(bx, gr_top, 8);
            let vr_top = ptr_at(bx, area, AAPCS_AREA);
            ptr_field(bx, vr_top, 16);
            i32_at(bx, -(64 - 8 * def.gp as i64), 24);
            i32_at(bx, -(128 - 16 * def.fp as i64), 28);
        }
    }
}

/// Reads the next variadic argument of type `layout` from the `va_list` at `list` and
/// advances it, or names the type when `va_arg` of it is not supported (C passes no
/// variadic `f32`, `f16` or `f128`, and `i128` is not `VaArgSafe`).
///
/// Branch-free: the register and stack addresses are both computed and one is selected.
pub fn va_arg<'a, 'tcx, Bx: BuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    abi: VaAbi,
    list: Bx::Value,
    layout: TyAndLayout<'tcx>,
) -> Result<Bx::Value, String> {
    let BackendRepr::Scalar(s) = layout.backend_repr else {
        return Err(format!("`va_arg` of `{}`", layout.ty));
    };
    let vector = match s.primitive() {
        Primitive::Float(Float::F64) => true,
        Primitive::Int(i, _) if i.size().bytes() <= 8 => false,
        Primitive::Pointer(_) => false,
        _ => return Err(format!("`va_arg` of `{}`", layout.ty)),
    };
    let ptr_align = bx.tcx().data_layout.pointer_align().abi;
    let i32_ty = bx.cx().type_i32();
    let ptr_ty = bx.cx().type_ptr();
    // Field offsets: the register offset, the register area's base, the stack pointer;
    // then the size of a register's slot in the area.
    let (off_field, base_field, stack_field, slot) = match (abi, vector) {
        (VaAbi::SysV64, false) => (0, 16, 8, 8),
        (VaAbi::SysV64, true) => (4, 16, 8, 16),
        (VaAbi::Aapcs64, false) => (24, 8, 0, 8),
        (VaAbi::Aapcs64, true) => (28, 16, 0, 16),
    };
    let off_ptr = ptr_at(bx, list, off_field);
    let off = bx.load(i32_ty, off_ptr, Align::from_bytes(4).unwrap());
    let in_reg = match abi {
        // Offsets count up from the area to its end (48 for integers, 176 for vectors).
        VaAbi::SysV64 => {
            let last = if vector { SYSV_AREA - 16 } else { 48 - 8 };
            let last = bx.cx().const_i32(last as i32);
            bx.icmp(IntPredicate::IntULE, off, last)
        }
        // Offsets count up from minus the area's size to 0 at its top.
        VaAbi::Aapcs64 => {
            let zero = bx.cx().const_i32(0);
            bx.icmp(IntPredicate::IntSLT, off, zero)
        }
    };
    let base_ptr = ptr_at(bx, list, base_field);
    let base = bx.load(ptr_ty, base_ptr, ptr_align);
    let isize_ty = bx.cx().type_isize();
    let off_wide = match abi {
        VaAbi::SysV64 => bx.zext(off, isize_ty),
        VaAbi::Aapcs64 => bx.sext(off, isize_ty),
    };
    let reg_addr = bx.inbounds_ptradd(base, off_wide);
    let stack_ptr = ptr_at(bx, list, stack_field);
    let stack = bx.load(ptr_ty, stack_ptr, ptr_align);
    let addr = bx.select(in_reg, reg_addr, stack);

    let slot = bx.cx().const_i32(slot);
    let next_off = bx.add(off, slot);
    let new_off = bx.select(in_reg, next_off, off);
    bx.store(new_off, off_ptr, Align::from_bytes(4).unwrap());
    // Every variadic argument of these types takes one 8-byte stack slot.
    let next_stack = ptr_at(bx, stack, 8);
    let new_stack = bx.select(in_reg, stack, next_stack);
    bx.store(new_stack, stack_ptr, ptr_align);

    let ty = bx.cx().immediate_backend_type(layout);
    // Slots are 8-byte aligned; little-endian, so a narrower integer is at the slot's start.
    let v = bx.load(ty, addr, layout.align.abi);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shim_saves_registers_and_passes_the_area() {
        let def = VaDefinition { abi: VaAbi::SysV64, gp: 2, fp: 1 };
        let s = definition_shim("f", ShimBinding { weak: false, hidden: false }, "body", def);
        assert!(s.contains(".globl \"f\"") && !s.contains(".hidden"));
        assert!(s.contains("mov [rsp + 40], r9") && s.contains("movaps [rsp + 160], xmm7"));
        // The third integer register (rdx) carries the area.
        assert!(s.contains("mov rdx, rsp\ncall \"body\""));
        let def = VaDefinition { abi: VaAbi::Aapcs64, gp: 7, fp: 0 };
        let s = definition_shim("g", ShimBinding { weak: true, hidden: true }, "b", def);
        assert!(s.contains(".weak \"g\"") && s.contains(".hidden \"g\""));
        assert!(s.contains("stp q6, q7, [sp, #160]") && s.contains("mov x7, sp\nbl \"b\""));
    }

    #[test]
    fn stack_arguments_start_after_the_frame() {
        // x86_64: area (176) + saved rbp (8) + return address (8).
        assert_eq!(VaAbi::SysV64.stack_args_offset(), 192);
        // aarch64: area (192) + x29/x30 (16); the entry sp is where the stack arguments are.
        assert_eq!(VaAbi::Aapcs64.stack_args_offset(), 208);
    }
}
