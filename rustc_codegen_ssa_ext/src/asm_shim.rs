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
//! Supported: x86_64 with the `reg`, `reg_abcd`, `reg_byte`, `xmm_reg`, `ymm_reg`, `zmm_reg` and `kreg`
//! classes and explicit registers of those classes, Intel and AT&T syntax; aarch64 with
//! `reg`, `vreg` and `vreg_low16` and explicit `x`/`v` registers; `const` and `sym`
//! operands on both. Anything else is reported back as an unsupported feature.

use std::fmt::Write;

use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_target::asm::{
    AArch64InlineAsmReg, AArch64InlineAsmRegClass, InlineAsmArch, InlineAsmReg, InlineAsmRegClass,
    InlineAsmRegOrRegClass, X86InlineAsmReg, X86InlineAsmRegClass,
};

/// One operand of an `asm!`, as far as the shim is concerned.
#[derive(Clone, Debug)]
pub enum AsmOperand {
    /// A register operand: `input` when a value goes in, `output` when one comes back
    /// (`out(reg) _` and clobbers have neither but still occupy their register). `size`
    /// is the size in bytes of the operand's value (0 when it has none).
    Reg { reg: InlineAsmRegOrRegClass, input: bool, output: bool, size: u32 },
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

/// Size of one operand's cell in the area: room for a `zmm` register.
const CELL: u32 = 64;

/// What the assembly file of a module starts with.
pub fn module_prelude(arch: InlineAsmArch, format: ObjectFormat) -> &'static str {
    match (arch, format) {
        // GNU as defaults to AT&T; Rust's default is Intel.
        (InlineAsmArch::X86_64, _) => ".intel_syntax noprefix\n",
        // GNU as defaults to plain armv8-a; LLVM accepts what the function's features
        // enable. Accepting every extension the arch templates use is a superset of that.
        (InlineAsmArch::AArch64, ObjectFormat::Elf) => {
            ".arch armv8.5-a+crc+aes+sha2+sha3+sm4+fp16+fp16fml+rdma+dotprod+i8mm+bf16+rng+memtag+lse+rcpc\n"
        }
        // Apple's assembler is LLVM's, which spells RDMA `rdm`.
        (InlineAsmArch::AArch64, ObjectFormat::MachO) => {
            ".arch armv8.5-a+crc+aes+sha2+sha3+sm4+fp16+fp16fml+rdm+dotprod+i8mm+bf16+rng+memtag+lse+rcpc\n"
        }
        _ => "",
    }
}

/// The object format the assembly is written for: its directives and how a symbol is
/// spelt (Mach-O prefixes C names with `_`, as LLVM's and Cranelift's object writers do).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectFormat {
    Elf,
    /// Untested on a Mac: the text is checked by assembling it for both Apple targets.
    MachO,
}

impl ObjectFormat {
    pub fn of(target: &rustc_target::spec::Target) -> Self {
        if target.is_like_darwin { ObjectFormat::MachO } else { ObjectFormat::Elf }
    }

    /// How the assembly names the object symbol `name`.
    pub fn symbol(self, name: &str) -> String {
        match self {
            ObjectFormat::Elf => name.to_string(),
            ObjectFormat::MachO => format!("_{name}"),
        }
    }

    /// What ends the assembly file of a module: on ELF, no executable stack.
    pub fn module_epilogue(self) -> &'static str {
        match self {
            ObjectFormat::Elf => ".section .note.GNU-stack,\"\",@progbits\n",
            ObjectFormat::MachO => "",
        }
    }

    /// The directives that open a hidden function `name` (with call-frame information, so
    /// it can be unwound through): on ELF in a section of its own, so that
    /// `--gc-sections` can drop it.
    fn function_start(self, name: &str) -> String {
        let sym = format!("\"{}\"", self.symbol(name));
        match self {
            ObjectFormat::Elf => format!(
                ".pushsection .text.{name},\"ax\",@progbits\n.p2align 4\n.globl {sym}\n\
                 .hidden {sym}\n.type {sym},@function\n{sym}:\n.cfi_startproc\n"
            ),
            ObjectFormat::MachO => format!(
                ".pushsection __TEXT,__text,regular,pure_instructions\n.p2align 4\n\
                 .globl {sym}\n.private_extern {sym}\n{sym}:\n.cfi_startproc\n"
            ),
        }
    }

    fn function_end(self, name: &str) -> String {
        match self {
            ObjectFormat::Elf => {
                let sym = format!("\"{name}\"");
                format!(".cfi_endproc\n.size {sym}, .-{sym}\n.popsection\n")
            }
            ObjectFormat::MachO => ".cfi_endproc\n.popsection\n".to_string(),
        }
    }
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
    format: ObjectFormat,
    name: &str,
    template: &[InlineAsmTemplatePiece],
    operands: &[AsmOperand],
    options: InlineAsmOptions,
) -> Result<Shim, String> {
    if !matches!(arch, InlineAsmArch::X86_64 | InlineAsmArch::AArch64) {
        return Err(format!("inline assembly (`asm!`) on {arch:?}"));
    }
    if let Some(AsmOperand::Unsupported(what)) =
        operands.iter().find(|o| matches!(o, AsmOperand::Unsupported(_)))
    {
        return Err(what.to_string());
    }
    let regs = match arch {
        InlineAsmArch::X86_64 => allocate_x86(operands)?,
        _ => allocate_aarch64(operands)?,
    };

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
                    (AsmOperand::Reg { .. }, Some(r @ InlineAsmReg::AArch64(_))) => {
                        let _ = r.emit(&mut body, arch, *modifier);
                    }
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

    if arch == InlineAsmArch::AArch64 {
        let text = aarch64_frame(format, name, &body, operands, &regs, &offsets, options);
        return Ok(Shim { text, offsets, area_size: next.max(16) });
    }
    let mut s = String::new();
    let w = &mut s;
    // `writeln!` into a String cannot fail.
    macro_rules! line { ($($t:tt)*) => { let _ = writeln!(w, $($t)*); } }
    w.push_str(&format.function_start(name));
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
        if let (AsmOperand::Reg { input: true, size, .. }, Some(r), Some(off)) =
            (op, regs[i], offsets[i])
        {
            line!("{}", x86_move(r, off, true, *size));
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
            if let (AsmOperand::Reg { output: true, size, .. }, Some(r), Some(off)) =
                (op, regs[i], offsets[i])
            {
                line!("{}", x86_move(r, off, false, *size));
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
    w.push_str(&format.function_end(name));
    Ok(Shim { text: s, offsets, area_size: next.max(16) })
}

/// The aarch64 shim around `body`: x19 (reserved in Rust's `asm!`, like rbx on x86_64)
/// holds the area while the template runs; x19-x28 and d8-d15, which operands and clobbers
/// may use but our caller keeps, are saved in the frame with x29/x30.
fn aarch64_frame(
    format: ObjectFormat,
    name: &str,
    body: &str,
    operands: &[AsmOperand],
    regs: &[Option<InlineAsmReg>],
    offsets: &[Option<u32>],
    options: InlineAsmOptions,
) -> String {
    let mut s = String::new();
    let w = &mut s;
    macro_rules! line { ($($t:tt)*) => { let _ = writeln!(w, $($t)*); } }
    // (register pair, offset from sp); the CFA is sp + 160 after the first store.
    const SAVED: [(&str, &str, u32); 9] = [
        ("x19", "x20", 16),
        ("x21", "x22", 32),
        ("x23", "x24", 48),
        ("x25", "x26", 64),
        ("x27", "x28", 80),
        ("d8", "d9", 96),
        ("d10", "d11", 112),
        ("d12", "d13", 128),
        ("d14", "d15", 144),
    ];
    w.push_str(&format.function_start(name));
    line!("stp x29, x30, [sp, #-160]!");
    line!(".cfi_def_cfa_offset 160");
    line!(".cfi_offset x30, -152");
    line!(".cfi_offset x29, -160");
    line!("mov x29, sp");
    line!(".cfi_def_cfa w29, 160");
    for (a, b, off) in SAVED {
        line!("stp {a}, {b}, [sp, #{off}]");
        line!(".cfi_offset {a}, -{}", 160 - off);
        line!(".cfi_offset {b}, -{}", 152 - off);
    }
    line!("mov x19, x0");
    let moves = |w: &mut String, load: bool| {
        for (i, op) in operands.iter().enumerate() {
            let AsmOperand::Reg { input, output, .. } = op else { continue };
            let (Some(r), Some(off)) = (regs[i], offsets[i]) else { continue };
            if (load && *input) || (!load && *output) {
                let mut reg = String::new();
                // Whole registers: x for integers, q for vectors.
                let wide = if aarch64_is_vector(r) { 'q' } else { 'x' };
                let _ = r.emit(&mut reg, InlineAsmArch::AArch64, Some(wide));
                let _ = writeln!(w, "{} {reg}, [x19, #{off}]", if load { "ldr" } else { "str" });
            }
        }
    };
    moves(w, true);
    line!("{body}");
    if options.contains(InlineAsmOptions::NORETURN) {
        line!("brk #0x1");
    } else {
        moves(w, false);
        for (a, b, off) in SAVED.iter().rev() {
            line!("ldp {a}, {b}, [sp, #{off}]");
        }
        line!("ldp x29, x30, [sp], #160");
        line!(".cfi_def_cfa sp, 0");
        line!("ret");
    }
    w.push_str(&format.function_end(name));
    s
}

fn aarch64_is_vector(r: InlineAsmReg) -> bool {
    matches!(r, InlineAsmReg::AArch64(a) if a.vreg_index().is_some())
}

/// aarch64 registers: explicit ones as written, classes from what no explicit operand
/// uses (x19 holds the area; x18 is left alone, reserved on some platforms).
fn allocate_aarch64(operands: &[AsmOperand]) -> Result<Vec<Option<InlineAsmReg>>, String> {
    use AArch64InlineAsmReg as R;
    let mut taken: Vec<AArch64InlineAsmReg> = Vec::new();
    let mut out = vec![None; operands.len()];
    for (i, op) in operands.iter().enumerate() {
        let AsmOperand::Reg { reg: InlineAsmRegOrRegClass::Reg(reg), input, output, .. } = op
        else {
            continue;
        };
        let InlineAsmReg::AArch64(r) = *reg else {
            unreachable!("aarch64 operand with another register")
        };
        taken.push(r);
        if r.reg_index().is_some() || r.vreg_index().is_some() {
            out[i] = Some(*reg);
        } else if *input || *output {
            return Err(format!("`asm!` operands in register `{}`", r.name()));
        }
        // SVE predicate clobbers: caller-saved, the call already assumes they change.
    }
    const GPRS: [AArch64InlineAsmReg; 27] = [
        R::x0,
        R::x1,
        R::x2,
        R::x3,
        R::x4,
        R::x5,
        R::x6,
        R::x7,
        R::x8,
        R::x9,
        R::x10,
        R::x11,
        R::x12,
        R::x13,
        R::x14,
        R::x15,
        R::x16,
        R::x17,
        R::x20,
        R::x21,
        R::x22,
        R::x23,
        R::x24,
        R::x25,
        R::x26,
        R::x27,
        R::x28,
    ];
    const VREGS: [AArch64InlineAsmReg; 32] = [
        R::v0,
        R::v1,
        R::v2,
        R::v3,
        R::v4,
        R::v5,
        R::v6,
        R::v7,
        R::v8,
        R::v9,
        R::v10,
        R::v11,
        R::v12,
        R::v13,
        R::v14,
        R::v15,
        R::v16,
        R::v17,
        R::v18,
        R::v19,
        R::v20,
        R::v21,
        R::v22,
        R::v23,
        R::v24,
        R::v25,
        R::v26,
        R::v27,
        R::v28,
        R::v29,
        R::v30,
        R::v31,
    ];
    for (i, op) in operands.iter().enumerate() {
        let AsmOperand::Reg { reg: InlineAsmRegOrRegClass::RegClass(class), .. } = op else {
            continue;
        };
        let InlineAsmRegClass::AArch64(class) = *class else {
            unreachable!("aarch64 operand with another class")
        };
        let pool: &[AArch64InlineAsmReg] = match class {
            AArch64InlineAsmRegClass::reg => &GPRS,
            AArch64InlineAsmRegClass::vreg => &VREGS,
            AArch64InlineAsmRegClass::vreg_low16 => &VREGS[..16],
            other => return Err(format!("`asm!` operands of class `{}`", other.name())),
        };
        let Some(&r) = pool.iter().find(|r| !taken.contains(r)) else {
            return Err("`asm!` with more register operands than free registers".to_string());
        };
        taken.push(r);
        out[i] = Some(InlineAsmReg::AArch64(r));
    }
    Ok(out)
}

/// A complete hidden function `name` around `body` (which must return), e.g. an
/// intrinsic implemented in assembly (`llvm_intrinsic::x86_asm_fallback`).
pub fn function(format: ObjectFormat, name: &str, body: &str) -> String {
    format!("{}{body}\n{}", format.function_start(name), format.function_end(name))
}

/// A hidden function `name` that calls the C-variadic function `target` with the
/// caller's arguments and `al` = 8, the largest count of vector registers a SysV x86_64
/// call passes (an upper bound is what the ABI asks for). Backends whose calls cannot set
/// `al` call this instead of `target` when floats are among the variadic arguments.
pub fn sysv_variadic_trampoline(format: ObjectFormat, name: &str, target: &str) -> String {
    function(format, name, &format!("mov eax, 8\njmp \"{}\"", format.symbol(target)))
}

/// Like [`sysv_variadic_trampoline`], for a call through a pointer: the caller passes the
/// target as one more argument after the call's own, which land in registers only, so the
/// target is in integer argument register `gp` (the callee reads nothing there).
pub fn sysv_variadic_pointer_trampoline(format: ObjectFormat, name: &str, gp: u32) -> String {
    function(format, name, &format!("mov r11, {}\nmov eax, 8\njmp r11", SYSV_INT_ARGS[gp as usize]))
}

/// SysV x86_64's integer argument registers, in order.
pub(crate) const SYSV_INT_ARGS: [&str; 6] = ["rdi", "rsi", "rdx", "rcx", "r8", "r9"];

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
        X86Kind::Zmm => vector(x as u32 - R::zmm0 as u32, 'z'),
        X86Kind::Mask => x.name().to_string(),
        X86Kind::Gpr => {
            let mut name = String::new();
            let _ = r.emit(&mut name, InlineAsmArch::X86_64, modifier);
            name
        }
    }
}

/// How the shim moves a register from (`load`) or to its cell at `off` from rbx; `size`
/// is the operand's size in bytes.
fn x86_move(r: InlineAsmReg, off: u32, load: bool, size: u32) -> String {
    let InlineAsmReg::X86(x) = r else { unreachable!("x86 shim with a non-x86 register") };
    let (insn, name, mem) = match x86_kind(x) {
        X86Kind::Gpr => ("mov", x86_name(r, Some('r')), format!("qword ptr [rbx + {off}]")),
        X86Kind::Xmm => ("movups", x86_name(r, None), format!("xmmword ptr [rbx + {off}]")),
        X86Kind::Ymm => ("vmovups", x86_name(r, None), format!("ymmword ptr [rbx + {off}]")),
        X86Kind::Zmm => ("vmovups", x86_name(r, None), format!("zmmword ptr [rbx + {off}]")),
        // kmovb needs AVX512DQ and kmovd/kmovq AVX512BW, which masks of those sizes imply;
        // an 8-bit mask moves as 16 bits (the cell is zeroed beyond the value).
        X86Kind::Mask => match size {
            0..=2 => ("kmovw", x86_name(r, None), format!("word ptr [rbx + {off}]")),
            3 | 4 => ("kmovd", x86_name(r, None), format!("dword ptr [rbx + {off}]")),
            _ => ("kmovq", x86_name(r, None), format!("qword ptr [rbx + {off}]")),
        },
    };
    if load { format!("{insn} {name}, {mem}") } else { format!("{insn} {mem}, {name}") }
}

#[derive(Clone, Copy, PartialEq)]
enum X86Kind {
    Gpr,
    Xmm,
    Ymm,
    Zmm,
    Mask,
}

fn x86_kind(r: X86InlineAsmReg) -> X86Kind {
    match r.reg_class() {
        X86InlineAsmRegClass::reg
        | X86InlineAsmRegClass::reg_abcd
        | X86InlineAsmRegClass::reg_byte => X86Kind::Gpr,
        X86InlineAsmRegClass::ymm_reg => X86Kind::Ymm,
        X86InlineAsmRegClass::zmm_reg => X86Kind::Zmm,
        X86InlineAsmRegClass::kreg | X86InlineAsmRegClass::kreg0 => X86Kind::Mask,
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
        let AsmOperand::Reg { reg: InlineAsmRegOrRegClass::Reg(reg), input, output, .. } = op
        else {
            continue;
        };
        let InlineAsmReg::X86(r) = *reg else {
            unreachable!("x86 operand with a non-x86 register")
        };
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
            X86InlineAsmRegClass::zmm_reg | X86InlineAsmRegClass::kreg => out[i] = Some(*reg),
            // Clobbers of other register files (x87, MMX, AVX-512, AMX): every one of
            // them is caller-saved, so the call already assumes they change.
            _ if !used => {}
            _ => return Err(format!("`asm!` operands in register `{}`", r.name())),
        }
    }
    const GPRS: [X86InlineAsmReg; 13] = [
        R::ax,
        R::cx,
        R::dx,
        R::si,
        R::di,
        R::r8,
        R::r9,
        R::r10,
        R::r11,
        R::r12,
        R::r13,
        R::r14,
        R::r15,
    ];
    const XMMS: [X86InlineAsmReg; 16] = [
        R::xmm0,
        R::xmm1,
        R::xmm2,
        R::xmm3,
        R::xmm4,
        R::xmm5,
        R::xmm6,
        R::xmm7,
        R::xmm8,
        R::xmm9,
        R::xmm10,
        R::xmm11,
        R::xmm12,
        R::xmm13,
        R::xmm14,
        R::xmm15,
    ];
    const YMMS: [X86InlineAsmReg; 16] = [
        R::ymm0,
        R::ymm1,
        R::ymm2,
        R::ymm3,
        R::ymm4,
        R::ymm5,
        R::ymm6,
        R::ymm7,
        R::ymm8,
        R::ymm9,
        R::ymm10,
        R::ymm11,
        R::ymm12,
        R::ymm13,
        R::ymm14,
        R::ymm15,
    ];
    const ZMMS: [X86InlineAsmReg; 16] = [
        R::zmm0,
        R::zmm1,
        R::zmm2,
        R::zmm3,
        R::zmm4,
        R::zmm5,
        R::zmm6,
        R::zmm7,
        R::zmm8,
        R::zmm9,
        R::zmm10,
        R::zmm11,
        R::zmm12,
        R::zmm13,
        R::zmm14,
        R::zmm15,
    ];
    const KREGS: [X86InlineAsmReg; 7] = [R::k1, R::k2, R::k3, R::k4, R::k5, R::k6, R::k7];
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
            X86InlineAsmRegClass::zmm_reg => &ZMMS,
            X86InlineAsmRegClass::kreg => &KREGS,
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
        AsmOperand::Reg {
            reg: InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::X86(c)),
            input,
            output,
            size: 8,
        }
    }
    fn reg(r: X86InlineAsmReg, input: bool, output: bool) -> AsmOperand {
        AsmOperand::Reg {
            reg: InlineAsmRegOrRegClass::Reg(InlineAsmReg::X86(r)),
            input,
            output,
            size: 8,
        }
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
            let t =
                [s("mov "), p(0, Some('r')), s(", rbx\ncpuid\nxchg "), p(0, Some('r')), s(", rbx")];
            let shim = build_shim(
                InlineAsmArch::X86_64,
                ObjectFormat::Elf,
                "shim0",
                &t,
                &ops,
                InlineAsmOptions::empty(),
            )
            .unwrap();
            // The class operand avoids rax/rcx/rdx, which explicit operands use.
            assert!(shim.text.contains("mov rsi, rbx\ncpuid\nxchg rsi, rbx"), "{}", shim.text);
            assert_eq!(shim.offsets, [Some(0), Some(64), Some(128), Some(192)]);
            assert!(shim.text.contains("mov rax, qword ptr [rbx + 64]"));
            assert!(shim.text.contains("mov rcx, qword ptr [rbx + 128]"));
            assert!(!shim.text.contains("mov rsi, qword ptr [rbx + 0]"), "output only: not loaded");
            assert!(shim.text.contains("mov qword ptr [rbx + 192], rdx"));
            assert!(shim.text.contains("mov qword ptr [rbx + 0], rsi"));
            // The loads come after rbx has the area, the stores before it is restored.
            let load = shim.text.find("mov rax").unwrap();
            assert!(shim.text.find("mov rbx, rdi").unwrap() < load);
            assert!(
                shim.text.find("pop rbx").unwrap()
                    > shim.text.find("mov qword ptr [rbx + 192]").unwrap()
            );
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
            let t = [
                s("addl $"),
                p(2, None),
                s(", "),
                p(0, Some('e')),
                s("\nmovd "),
                p(1, None),
                s(", "),
                p(0, Some('e')),
                s("\nsetc "),
                p(3, None),
            ];
            let shim = build_shim(
                InlineAsmArch::X86_64,
                ObjectFormat::Elf,
                "shim1",
                &t,
                &ops,
                InlineAsmOptions::ATT_SYNTAX,
            )
            .unwrap();
            assert!(
                shim.text.contains(".att_syntax\naddl $42, %eax\nmovd %xmm0, %eax\nsetc %cl\n.intel_syntax noprefix"),
                "{}",
                shim.text
            );
            assert!(shim.text.contains("movups xmm0, xmmword ptr [rbx + 64]"));
            assert!(shim.text.contains("mov qword ptr [rbx + 128], rcx"));
            assert_eq!(shim.offsets, [Some(0), Some(64), None, Some(128)]);
        })
    }

    #[test]
    fn aarch64_vreg_and_reg() {
        with_globals(|| {
            use AArch64InlineAsmRegClass as C;
            let class = |c: C, input: bool, output: bool| AsmOperand::Reg {
                reg: InlineAsmRegOrRegClass::RegClass(InlineAsmRegClass::AArch64(c)),
                input,
                output,
                size: 8,
            };
            // libm's `fmadd {x:d}, {x:d}, {y:d}, {z:d}` with inout(vreg) x, and a reg.
            let ops = [
                class(C::vreg, true, true),
                class(C::vreg, true, false),
                AsmOperand::Reg {
                    reg: InlineAsmRegOrRegClass::Reg(InlineAsmReg::AArch64(
                        AArch64InlineAsmReg::v0,
                    )),
                    input: false,
                    output: false,
                    size: 0,
                },
                class(C::reg, true, true),
            ];
            let t = [
                s("fmadd "),
                p(0, Some('d')),
                s(", "),
                p(0, Some('d')),
                s(", "),
                p(1, Some('d')),
                s(", "),
                p(0, Some('d')),
                s("\nadd "),
                p(3, Some('w')),
                s(", "),
                p(3, Some('w')),
                s(", #1"),
            ];
            let shim = build_shim(
                InlineAsmArch::AArch64,
                ObjectFormat::Elf,
                "shim2",
                &t,
                &ops,
                InlineAsmOptions::empty(),
            )
            .unwrap();
            // v0 is clobbered explicitly, so the classes start at v1.
            assert!(shim.text.contains("fmadd d1, d1, d2, d1\nadd w0, w0, #1"), "{}", shim.text);
            assert!(shim.text.contains("ldr q1, [x19, #0]"));
            assert!(shim.text.contains("ldr q2, [x19, #64]"));
            assert!(shim.text.contains("str q1, [x19, #0]"));
            assert!(!shim.text.contains("str q2"), "input only: not stored");
            assert!(shim.text.contains("str x0, [x19, #128]"));
            assert_eq!(shim.offsets, [Some(0), Some(64), None, Some(128)]);
            assert!(
                shim.text
                    .contains("stp d8, d9, [sp, #96]\n.cfi_offset d8, -64\n.cfi_offset d9, -56")
            );
        })
    }

    #[test]
    fn asm_function_is_complete() {
        let f = function(ObjectFormat::Elf, "f1", "rdtsc\nret");
        assert!(f.starts_with(".pushsection .text.f1,"), "{f}");
        assert!(f.contains(".hidden \"f1\"\n"));
        assert!(
            f.contains("\"f1\":\n.cfi_startproc\nrdtsc\nret\n.cfi_endproc\n.size \"f1\", .-\"f1\"\n.popsection\n"),
            "{f}"
        );
        // Mach-O: C names take a `_`, hidden is `.private_extern`, and no ELF directive.
        let f = function(ObjectFormat::MachO, "f1", "rdtsc\nret");
        assert!(f.starts_with(".pushsection __TEXT,__text,regular,pure_instructions\n"), "{f}");
        assert!(f.contains(".private_extern \"_f1\"\n\"_f1\":\n.cfi_startproc\nrdtsc\n"), "{f}");
        for elf in [".type", ".size", ".hidden", "@progbits"] {
            assert!(!f.contains(elf), "{elf} in {f}");
        }
        let t = sysv_variadic_trampoline(ObjectFormat::MachO, "t", "printf");
        assert!(t.contains("jmp \"_printf\""), "{t}");
        assert_eq!(ObjectFormat::MachO.module_epilogue(), "");
        assert!(ObjectFormat::Elf.module_epilogue().contains(".note.GNU-stack"));
    }

    #[test]
    fn unsupported_is_named() {
        with_globals(|| {
            let ops = [class(X86InlineAsmRegClass::mmx_reg, true, false)];
            let e = build_shim(
                InlineAsmArch::X86_64,
                ObjectFormat::Elf,
                "s",
                &[s("nop")],
                &ops,
                InlineAsmOptions::empty(),
            )
            .unwrap_err();
            assert!(e.contains("mmx_reg"), "{e}");
            let e = build_shim(
                InlineAsmArch::RiscV64,
                ObjectFormat::Elf,
                "s",
                &[s("nop")],
                &[],
                InlineAsmOptions::empty(),
            )
            .unwrap_err();
            assert!(e.contains("RiscV64"), "{e}");
            // Clobbers of other register files need nothing.
            let ops =
                [reg(X86InlineAsmReg::k1, false, false), reg(X86InlineAsmReg::st0, false, false)];
            assert!(
                build_shim(
                    InlineAsmArch::X86_64,
                    ObjectFormat::Elf,
                    "s",
                    &[s("nop")],
                    &ops,
                    InlineAsmOptions::empty()
                )
                .is_ok()
            );
        })
    }
}
