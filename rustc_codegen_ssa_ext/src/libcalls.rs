//! Names of the runtime routines (compiler-builtins, libm) that implement operations a
//! code generator has no instruction for. Shared so that every backend agrees on them.
//!
//! compiler-builtins follows libgcc's scheme: a routine's name spells its operand modes,
//! `hf`/`sf`/`df`/`tf` for 16/32/64/128-bit floats and `si`/`di`/`ti` for 32/64/128-bit
//! integers, and the number of operands (`__addtf3`: two inputs and a result).

/// libgcc's mode of a float of `bits` bits.
fn float_mode(bits: u32) -> &'static str {
    match bits {
        16 => "hf",
        32 => "sf",
        64 => "df",
        128 => "tf",
        _ => panic!("no float mode of {bits} bits"),
    }
}

/// libgcc's mode of an integer of `bits` bits.
fn int_mode(bits: u32) -> &'static str {
    match bits {
        32 => "si",
        64 => "di",
        128 => "ti",
        _ => panic!("no integer mode of {bits} bits"),
    }
}

/// Integer division and remainder on 128-bit values (64-bit targets have no instruction).
pub fn i128_divrem(signed: bool, rem: bool) -> &'static str {
    match (signed, rem) {
        (false, false) => "__udivti3",
        (false, true) => "__umodti3",
        (true, false) => "__divti3",
        (true, true) => "__modti3",
    }
}

/// A float arithmetic operation of a width without instructions (`"add"`, `"sub"`,
/// `"mul"`, `"div"`): `__addtf3` for f128.
pub fn float_binop(op: &str, bits: u32) -> String {
    assert!(matches!(op, "add" | "sub" | "mul" | "div"), "no float libcall `{op}`");
    format!("__{op}{}3", float_mode(bits))
}

/// A float comparison (`"eq"`, `"ne"`, `"lt"`, `"le"`, `"gt"`, `"ge"`, or `"unord"`):
/// it returns an `i32` to compare with 0 (`unord` is non-zero when either is NaN).
pub fn float_compare(op: &str, bits: u32) -> String {
    assert!(
        matches!(op, "eq" | "ne" | "lt" | "le" | "gt" | "ge" | "unord"),
        "no float comparison `{op}`"
    );
    format!("__{op}{}2", float_mode(bits))
}

/// Conversion between float widths: `__extendhfsf2`, `__trunctfdf2`, ...
pub fn float_resize(from_bits: u32, to_bits: u32) -> String {
    let how = if to_bits > from_bits { "extend" } else { "trunc" };
    format!("__{how}{}{}2", float_mode(from_bits), float_mode(to_bits))
}

/// Float to integer (`__fixtfdi`, `__fixunssfti`): the routines saturate as Rust's `as`
/// does, with NaN giving 0.
pub fn float_to_int(float_bits: u32, int_bits: u32, signed: bool) -> String {
    let uns = if signed { "" } else { "uns" };
    format!("__fix{uns}{}{}", float_mode(float_bits), int_mode(int_bits))
}

/// Integer to float (`__floattisf`, `__floatundihf`), rounding to nearest.
pub fn int_to_float(int_bits: u32, signed: bool, float_bits: u32) -> String {
    let un = if signed { "" } else { "un" };
    format!("__float{un}{}{}", int_mode(int_bits), float_mode(float_bits))
}

/// `powi` (a float to an `i32` power): `__powisf2`; there is no f16 one.
pub fn powi(bits: u32) -> String {
    assert!(bits != 16, "no __powihf2: compute f16 powi in f32");
    format!("__powi{}2", float_mode(bits))
}

/// Float math functions by (operation, bit width), from libm (f32/f64) or
/// compiler-builtins (f16/f128).
pub fn float_math(op: &str, bits: u32) -> Option<String> {
    let suffix = match bits {
        16 => "f16",
        32 => "f",
        64 => "",
        128 => "f128",
        _ => return None,
    };
    Some(format!("{op}{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_math_names() {
        assert_eq!(float_math("sin", 32).as_deref(), Some("sinf"));
        assert_eq!(float_math("sin", 64).as_deref(), Some("sin"));
        assert_eq!(float_math("log", 16).as_deref(), Some("logf16"));
        assert_eq!(float_math("log", 8), None);
    }

    #[test]
    fn i128_names() {
        assert_eq!(i128_divrem(true, true), "__modti3");
        assert_eq!(i128_divrem(false, false), "__udivti3");
    }

    #[test]
    fn compiler_builtins_names() {
        assert_eq!(float_binop("add", 128), "__addtf3");
        assert_eq!(float_binop("div", 128), "__divtf3");
        assert_eq!(float_compare("unord", 128), "__unordtf2");
        assert_eq!(float_compare("le", 128), "__letf2");
        assert_eq!(float_resize(16, 32), "__extendhfsf2");
        assert_eq!(float_resize(16, 128), "__extendhftf2");
        assert_eq!(float_resize(64, 16), "__truncdfhf2");
        assert_eq!(float_resize(128, 64), "__trunctfdf2");
        assert_eq!(float_to_int(128, 64, true), "__fixtfdi");
        assert_eq!(float_to_int(32, 128, false), "__fixunssfti");
        assert_eq!(int_to_float(128, true, 32), "__floattisf");
        assert_eq!(int_to_float(64, false, 16), "__floatundihf");
    }

    /// Every name of the widths a backend asks for is defined by the sysroot's
    /// compiler-builtins (read with llvm-tools' `llvm-nm`).
    #[test]
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    fn defined_by_compiler_builtins() {
        use std::process::Command;
        let out = |cmd: &mut Command| String::from_utf8(cmd.output().unwrap().stdout).unwrap();
        let sysroot = out(Command::new("rustc").args(["--print", "sysroot"]));
        let lib = std::path::Path::new(sysroot.trim()).join("lib/rustlib/x86_64-unknown-linux-gnu");
        let rlib = std::fs::read_dir(lib.join("lib"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.to_string_lossy().contains("libcompiler_builtins-")
                    && p.extension().is_some_and(|e| e == "rlib")
            })
            .expect("compiler-builtins in the sysroot");
        let syms =
            out(Command::new(lib.join("bin/llvm-nm")).args(["--defined-only", "-j"]).arg(&rlib));
        let defined: std::collections::HashSet<&str> = syms.lines().collect();
        let mut names: Vec<String> = vec![];
        for op in ["add", "sub", "mul", "div"] {
            names.push(float_binop(op, 128));
        }
        for bits in [32, 64, 128] {
            names.push(powi(bits));
        }
        for op in ["eq", "ne", "lt", "le", "gt", "ge", "unord"] {
            names.push(float_compare(op, 128));
        }
        for (a, b) in [(16, 32), (16, 64), (16, 128), (32, 128), (64, 128)] {
            names.push(float_resize(a, b));
            names.push(float_resize(b, a));
        }
        for signed in [true, false] {
            for (f, i) in [(128, 64), (128, 128), (32, 128), (64, 128)] {
                names.push(float_to_int(f, i, signed));
            }
            // None to f16: it goes through f32, as with LLVM.
            for f in [32, 64, 128] {
                for i in [64, 128] {
                    names.push(int_to_float(i, signed, f));
                }
            }
            for rem in [true, false] {
                names.push(i128_divrem(signed, rem).to_string());
            }
        }
        let missing: Vec<_> = names.iter().filter(|n| !defined.contains(n.as_str())).collect();
        assert!(missing.is_empty(), "not in {}: {missing:?}", rlib.display());
    }

    #[test]
    #[should_panic(expected = "no float mode of 80 bits")]
    fn unknown_width_is_a_bug() {
        float_binop("add", 80);
    }
}
