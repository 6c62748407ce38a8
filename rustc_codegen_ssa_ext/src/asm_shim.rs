//! Inline assembly for backends that cannot place registers around a template themselves.
//!
//! Each `asm!` becomes a small out-of-line function (a "shim") in assembly text: it takes
//! one pointer to an operand area, loads the inputs into the registers the operands ask
//! for, runs the user's template, stores the outputs back into the area and returns. The
//! backend only writes the inputs into the area, calls the shim (an ordinary call, so it
//! already assumes memory and every caller-saved register may change) and reads the
//! outputs back. The shim saves the callee-saved registers itself, so clobbers of those
//! are honoured too. The module's shims and `global_asm!` text are assembled by the
//! system assembler (see [`module_prelude`]).
//!
//! Supported: x86_64 with the `reg`, `reg_abcd`, `reg_byte`, `xmm_reg` and `ymm_reg`
//! classes and explicit registers of those classes, `const` and `sym` operands, Intel and
//! AT&T syntax. Anything else is reported back as an unsupported feature.

use std::fmt::Write;

use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_target::asm::{
    InlineAsmArch, InlineAsmReg, InlineAsmRegClass, InlineAsmRegOrRegClass, X86InlineAsmReg,
    X86InlineAsmRegClass,
};

/// One operand of an `asm!`, as far as the shim is concerned.
#[derive(Clone, Debug)]
pub enum AsmOperand {
    /// A register operand: `input` when a value goes in, `output` when one comes back
    /// (`out(reg) _` and clobbers have neither but still occupy their register).
    Reg { reg: InlineAsmRegOrRegClass, input: bool, output: bool },
    /// Text substituted as is: a `const` operand's value or a `sym` operand's symbol.
    Text(String),
    /// An operand the shim cannot express (e.g. `label`); names the feature.
    Unsupported(&'static str),
}

/// A generated shim: its assembly text and where each register operand lives in the area.
#[derive(Debug)]
pub struct Shim {
    pub text: String,
    /// Byte offset in the operand area of each operand (`None` for non-register operands).
    pub offsets: Vec<Option<u32>>,
    /// Size of the operand area in bytes; it must be 16-byte aligned.
    pub area_size: u32,
}

/// Size of one operand's cell in the area: room for a `ymm` register.
const CELL: u32 = 32;

/// What the assembly file of a module starts with.
pub fn module_prelude(arch: InlineAsmArch) -> &'static str {
    match arch {
        // GNU as defaults to AT&T; Rust's default is Intel.
        InlineAsmArch::X86_64 => ".intel_syntax noprefix\n",
        _ => "",
    }
}

/// What ends the assembly file of a module (no executable stack).
pub fn module_epilogue() -> &'static str {
    ".section .note.GNU-stack,\"\",@progbits\n"
}

/// The text of a `global_asm!` (or naked function), with `const`/`sym` operands already
/// rendered as text.
pub fn render_global_asm(
    arch: InlineAsmArch,
    template: &[InlineAsmTemplatePiece],
    operands: &[String],
    options: InlineAsmOptions,
) -> String {
    let att = arch == InlineAsmArch::X86_64 && options.contains(InlineAsmOptions::ATT_SYNTAX);
    let mut out = String::new();
    if att {
        out.push_str(".att_syntax\n");
    }
    for piece in template {
        match piece {
            InlineAsmTemplatePiece::String(s) => out.push_str(s),
            InlineAsmTemplatePiece::Placeholder { operand_idx, .. } => {
                out.push_str(&operands[*operand_idx])
            }
        }
    }
    out.push('\n');
    if att {
        out.push_str(".intel_syntax noprefix\n");
    }
    out
}

/// Builds the shim `name` for one `asm!`, or names what is not supported.
pub fn build_shim(
    arch: InlineAsmArch,
    name: &str,
    template: &[InlineAsmTemplatePiece],
    operands: &[AsmOperand],
    options: InlineAsmOptions,
) -> Result<Shim, String> {
    if arch != InlineAsmArch::X86_64 {
        return Err(format!("inline assembly (`asm!`) on {arch:?}"));
    }
    if let Some(AsmOperand::Unsupported(what)) =
        operands.iter().find(|o| matches!(o, AsmOperand::Unsupported(_)))
    {
        return Err(what.to_string());
    }
    let regs = allocate_x86(operands)?;

    let mut offsets = Vec::with_capacity(operands.len());
    let mut next = 0;
    for op in operands {
        match op {
            AsmOperand::Reg { input, output, .. } if *input || *output => {
                offsets.push(Some(next));
                next += CELL;
            }
            _ => offsets.push(None),
        }
    }

    let att = options.contains(InlineAsmOptions::ATT_SYNTAX);
    let mut body = String::new();
    for piece in template {
        match piece {
            InlineAsmTemplatePiece::String(s) => body.push_str(s),
            InlineAsmTemplatePiece::Placeholder { operand_idx, modifier, .. } => {
                match (&operands[*operand_idx], regs[*operand_idx]) {
                    (AsmOperand::Text(t), _) => body.push_str(t),
                    (AsmOperand::Reg { reg, .. }, Some(r)) => {
                        if att {
                            body.push('%');
                        }
                        // A `reg_byte` operand lives in the low byte of its register.
                        let modifier = match reg {
                            InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::X86(
                                X86InlineAsmRegClass::reg_byte,
                            )) if modifier.is_none() => Some('l'),
                            _ => *modifier,
                        };
                        body.push_str(&x86_name(r, modifier));
                    }
                    _ => return Err("an `asm!` operand without a register".to_string()),
                }
            }
        }
    }

    let mut s = String::new();
    let w = &mut s;
    // `writeln!` into a String cannot fail.
    macro_rules! line { ($($t:tt)*) => { let _ = writeln!(w, $($t)*); } }
    w.push_str(&function_start(name));
    line!("push rbp");
    line!(".cfi_def_cfa_offset 16");
    line!(".cfi_offset rbp, -16");
    line!("mov rbp, rsp");
    line!(".cfi_def_cfa_register rbp");
    // rbx (the area pointer while the template runs: Rust reserves it, so templates keep
    // it) and r12-r15, which operands and clobbers may use but our caller keeps.
    for (i, r) in ["rbx", "r12", "r13", "r14", "r15"].iter().enumerate() {
        line!("push {r}");
        line!(".cfi_offset {r}, -{}", 24 + 8 * i);
    }
    line!("sub rsp, 8"); // 16-byte aligned stack for the template
    line!("mov rbx, rdi");
    for (i, op) in operands.iter().enumerate() {
        if let (AsmOperand::Reg { input: true, .. }, Some(r), Some(off)) = (op, regs[i], offsets[i]) {
            line!("{}", x86_move(r, off, true));
        }
    }
    if att {
        line!(".att_syntax");
    }
    line!("{body}");
    if att {
        line!(".intel_syntax noprefix");
    }
    if !options.contains(InlineAsmOptions::NORETURN) {
        for (i, op) in operands.iter().enumerate() {
            if let (AsmOperand::Reg { output: true, .. }, Some(r), Some(off)) =
                (op, regs[i], offsets[i])
            {
                line!("{}", x86_move(r, off, false));
            }
        }
        line!("lea rsp, [rbp - 40]");
        for r in ["r15", "r14", "r13", "r12", "rbx", "rbp"] {
            line!("pop {r}");
        }
        line!(".cfi_def_cfa rsp, 8");
        line!("ret");
    } else {
        line!("ud2");
    }
    w.push_str(&function_end(name));
    Ok(Shim { text: s, offsets, area_size: next.max(16) })
}

/// A complete hidden function `name` around `body` (which must return), e.g. an
/// intrinsic implemented in assembly (`LlvmIntrinsic::AsmFunction`).
pub fn function(name: &str, body: &str) -> String {
    format!("{}{body}\n{}", function_start(name), function_end(name))
}

/// The directives that open a hidden ELF function `name` in a section of its own, with
/// call-frame information (so it can be unwound through).
fn function_start(name: &str) -> String {
    format!(
        ".pushsection .text.{name},\"ax\",@progbits\n.p2align 4\n.globl {name}\n\
         .hidden {name}\n.type {name},@function\n{name}:\n.cfi_startproc\n"
    )
}

fn function_end(name: &str) -> String {
    format!(".cfi_endproc\n.size {name}, .-{name}\n.popsection\n")
}

/// The assembler's name of `r` under a template modifier (`None`: the class default).
fn x86_name(r: InlineAsmReg, modifier: Option<char>) -> String {
    use X86InlineAsmReg as R;
    let InlineAsmReg::X86(x) = r else { unreachable!("x86 shim with a non-x86 register") };
    // rustc_target spells vector registers for LLVM's template syntax (`x0` = xmm0).
    let vector = |index: u32, default: char| {
        let prefix = match modifier.unwrap_or(default) {
            'x' => "xmm",
            'y' => "ymm",
            _ => "zmm",
        };
        format!("{prefix}{index}")
    };
    match x86_kind(x) {
        X86Kind::Xmm => vector(x as u32 - R::xmm0 as u32, 'x'),
        X86Kind::Ymm => vector(x as u32 - R::ymm0 as u32, 'y'),
        X86Kind::Gpr => {
            let mut name = String::new();
            let _ = r.emit(&mut name, InlineAsmArch::X86_64, modifier);
            name
        }
    }
}

/// How the shim moves a register from (`load`) or to its cell at `off` from rbx.
fn x86_move(r: InlineAsmReg, off: u32, load: bool) -> String {
    let InlineAsmReg::X86(x) = r else { unreachable!("x86 shim with a non-x86 register") };
    let (insn, name, mem) = match x86_kind(x) {
        X86Kind::Gpr => ("mov", x86_name(r, Some('r')), format!("qword ptr [rbx + {off}]")),
        X86Kind::Xmm => ("movups", x86_name(r, None), format!("xmmword ptr [rbx + {off}]")),
        X86Kind::Ymm => ("vmovups", x86_name(r, None), format!("ymmword ptr [rbx + {off}]")),
    };
    if load { format!("{insn} {name}, {mem}") } else { format!("{insn} {mem}, {name}") }
}

#[derive(Clone, Copy, PartialEq)]
enum X86Kind {
    Gpr,
    Xmm,
    Ymm,
}

fn x86_kind(r: X86InlineAsmReg) -> X86Kind {
    match r.reg_class() {
        X86InlineAsmRegClass::reg | X86InlineAsmRegClass::reg_abcd | X86InlineAsmRegClass::reg_byte => {
            X86Kind::Gpr
        }
        X86InlineAsmRegClass::ymm_reg => X86Kind::Ymm,
        _ => X86Kind::Xmm,
    }
}

/// The register each operand gets: explicit ones as written (byte registers widened to
/// their full register), classes from what no explicit operand uses, one register each.
fn allocate_x86(operands: &[AsmOperand]) -> Result<Vec<Option<InlineAsmReg>>, String> {
    use X86InlineAsmReg as R;
    let mut taken: Vec<X86InlineAsmReg> = Vec::new();
    let mut out = vec![None; operands.len()];
    let conflicts = |taken: &[X86InlineAsmReg], r: X86InlineAsmReg| {
        let mut hit = false;
        r.overlapping_regs(|o| hit |= taken.contains(&o));
        hit
    };
    for (i, op) in operands.iter().enumerate() {
        let AsmOperand::Reg { reg: InlineAsmRegOrRegClass::Reg(reg), input, output } = op else {
            continue;
        };
        let InlineAsmReg::X86(r) = *reg else { unreachable!("x86 operand with a non-x86 register") };
        taken.push(r);
        let used = *input || *output;
        match r.reg_class() {
            X86InlineAsmRegClass::reg | X86InlineAsmRegClass::reg_abcd => out[i] = Some(*reg),
            X86InlineAsmRegClass::reg_byte => {
                // The value lives in the low byte: load and store the full register.
                let full = match r {
                    R::al => R::ax,
                    R::cl => R::cx,
                    R::dl => R::dx,
                    R::sil => R::si,
                    R::dil => R::di,
                    R::r8b => R::r8,
                    R::r9b => R::r9,
                    R::r10b => R::r10,
                    R::r11b => R::r11,
                    R::r12b => R::r12,
                    R::r13b => R::r13,
                    R::r14b => R::r14,
                    R::r15b => R::r15,
                    _ if !used => continue,
                    _ => return Err(format!("`asm!` operands in register `{}`", r.name())),
                };
                out[i] = Some(InlineAsmReg::X86(full));
            }
            X86InlineAsmRegClass::xmm_reg | X86InlineAsmRegClass::ymm_reg
                if (r as u32) <= R::ymm15 as u32 =>
            {
                out[i] = Some(*reg)
            }
            // Clobbers of other register files (x87, MMX, AVX-512, AMX): every one of
            // them is caller-saved, so the call already assumes they change.
            _ if !used => {}
            _ => return Err(format!("`asm!` operands in register `{}`", r.name())),
        }
    }
    const GPRS: [X86InlineAsmReg; 13] = [
        R::ax, R::cx, R::dx, R::si, R::di, R::r8, R::r9, R::r10, R::r11, R::r12, R::r13, R::r14,
        R::r15,
    ];
    const XMMS: [X86InlineAsmReg; 16] = [
        R::xmm0, R::xmm1, R::xmm2, R::xmm3, R::xmm4, R::xmm5, R::xmm6, R::xmm7, R::xmm8, R::xmm9,
        R::xmm10, R::xmm11, R::xmm12, R::xmm13, R::xmm14, R::xmm15,
    ];
    const YMMS: [X86InlineAsmReg; 16] = [
        R::ymm0, R::ymm1, R::ymm2, R::ymm3, R::ymm4, R::ymm5, R::ymm6, R::ymm7, R::ymm8, R::ymm9,
        R::ymm10, R::ymm11, R::ymm12, R::ymm13, R::ymm14, R::ymm15,
    ];
    for (i, op) in operands.iter().enumerate() {
        let AsmOperand::Reg { reg: InlineAsmRegOrRegClass::RegClass(class), .. } = op else {
            continue;
        };
        let InlineAsmRegClass::X86(class) = *class else {
            unreachable!("x86 operand with a non-x86 class")
        };
        let pool: &[X86InlineAsmReg] = match class {
            X86InlineAsmRegClass::reg | X86InlineAsmRegClass::reg_byte => &GPRS,
            X86InlineAsmRegClass::reg_abcd => &GPRS[..3],
            X86InlineAsmRegClass::xmm_reg => &XMMS,
            X86InlineAsmRegClass::ymm_reg => &YMMS,
            other => return Err(format!("`asm!` operands of class `{}`", other.name())),
        };
        let Some(&r) = pool.iter().find(|&&r| !conflicts(&taken, r)) else {
            return Err("`asm!` with more register operands than free registers".to_string());
        };
        taken.push(r);
        out[i] = Some(InlineAsmReg::X86(r));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use rustc_span::DUMMY_SP;

    use super::*;

    fn s(t: &str) -> InlineAsmTemplatePiece {
        InlineAsmTemplatePiece::String(t.to_string().into())
    }
    fn p(operand_idx: usize, modifier: Option<char>) -> InlineAsmTemplatePiece {
        InlineAsmTemplatePiece::Placeholder { operand_idx, modifier, span: DUMMY_SP }
    }
    fn class(c: X86InlineAsmRegClass, input: bool, output: bool) -> AsmOperand {
        AsmOperand::Reg { reg: InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::X86(c)), input, output }
    }
    fn reg(r: X86InlineAsmReg, input: bool, output: bool) -> AsmOperand {
        AsmOperand::Reg { reg: InlineAsmRegOrRegClass::Reg(InlineAsmReg::X86(r)), input, output }
    }

    fn with_globals<R>(f: impl FnOnce() -> R) -> R {
        rustc_span::create_default_session_globals_then(f)
    }

    #[test]
    fn cpuid_like_template() {
        with_globals(|| {
            // core::arch's __cpuid: rbx is reserved, so it goes through a scratch register.
            let ops = [
                class(X86InlineAsmRegClass::reg, false, true),
                reg(X86InlineAsmReg::ax, true, true),
                reg(X86InlineAsmReg::cx, true, true),
                reg(X86InlineAsmReg::dx, false, true),
            ];
            let t = [s("mov "), p(0, Some('r')), s(", rbx\ncpuid\nxchg "), p(0, Some('r')), s(", rbx")];
            let shim = build_shim(InlineAsmArch::X86_64, "shim0", &t, &ops, InlineAsmOptions::empty())
                .unwrap();
            // The class operand avoids rax/rcx/rdx, which explicit operands use.
            assert!(shim.text.contains("mov rsi, rbx\ncpuid\nxchg rsi, rbx"), "{}", shim.text);
            assert_eq!(shim.offsets, [Some(0), Some(32), Some(64), Some(96)]);
            assert!(shim.text.contains("mov rax, qword ptr [rbx + 32]"));
            assert!(shim.text.contains("mov rcx, qword ptr [rbx + 64]"));
            assert!(!shim.text.contains("mov rsi, qword ptr [rbx + 0]"), "output only: not loaded");
            assert!(shim.text.contains("mov qword ptr [rbx + 96], rdx"));
            assert!(shim.text.contains("mov qword ptr [rbx + 0], rsi"));
            // The loads come after rbx has the area, the stores before it is restored.
            let load = shim.text.find("mov rax").unwrap();
            assert!(shim.text.find("mov rbx, rdi").unwrap() < load);
            assert!(shim.text.find("pop rbx").unwrap() > shim.text.find("mov qword ptr [rbx + 96]").unwrap());
        })
    }

    #[test]
    fn att_syntax_modifiers_and_vectors() {
        with_globals(|| {
            let ops = [
                class(X86InlineAsmRegClass::reg, true, true),
                class(X86InlineAsmRegClass::xmm_reg, true, false),
                AsmOperand::Text("42".into()),
                class(X86InlineAsmRegClass::reg_byte, false, true),
            ];
            let t = [s("addl $"), p(2, None), s(", "), p(0, Some('e')), s("\nmovd "), p(1, None),
                s(", "), p(0, Some('e')), s("\nsetc "), p(3, None)];
            let shim =
                build_shim(InlineAsmArch::X86_64, "shim1", &t, &ops, InlineAsmOptions::ATT_SYNTAX)
                    .unwrap();
            assert!(
                shim.text.contains(".att_syntax\naddl $42, %eax\nmovd %xmm0, %eax\nsetc %cl\n.intel_syntax noprefix"),
                "{}",
                shim.text
            );
            assert!(shim.text.contains("movups xmm0, xmmword ptr [rbx + 32]"));
            assert!(shim.text.contains("mov qword ptr [rbx + 64], rcx"));
            assert_eq!(shim.offsets, [Some(0), Some(32), None, Some(64)]);
        })
    }

    #[test]
    fn asm_function_is_complete() {
        let f = function("f1", "rdtsc\nret");
        assert!(f.starts_with(".pushsection .text.f1,"), "{f}");
        assert!(f.contains(".hidden f1\n"));
        assert!(f.contains("f1:\n.cfi_startproc\nrdtsc\nret\n.cfi_endproc\n.size f1, .-f1\n.popsection\n"), "{f}");
    }

    #[test]
    fn unsupported_is_named() {
        with_globals(|| {
            let ops = [class(X86InlineAsmRegClass::kreg, true, false)];
            let e = build_shim(InlineAsmArch::X86_64, "s", &[s("nop")], &ops, InlineAsmOptions::empty())
                .unwrap_err();
            assert!(e.contains("kreg"), "{e}");
            let e = build_shim(InlineAsmArch::AArch64, "s", &[s("nop")], &[], InlineAsmOptions::empty())
                .unwrap_err();
            assert!(e.contains("AArch64"), "{e}");
            // Clobbers of other register files need nothing.
            let ops = [reg(X86InlineAsmReg::k1, false, false), reg(X86InlineAsmReg::st0, false, false)];
            assert!(build_shim(InlineAsmArch::X86_64, "s", &[s("nop")], &ops, InlineAsmOptions::empty()).is_ok());
        })
    }
}
