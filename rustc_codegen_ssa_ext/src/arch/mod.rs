//! The `llvm.*` intrinsics that the pinned `core::arch` declares: one row per
//! (architecture, LLVM name) with its operand shapes, target features, immediate operands
//! and the wrapper and instruction stdarch documents for it. Generated from the pinned
//! stdarch sources by `gen/arch_intrinsics.py` (see `gen/README.md`), so a backend can tell
//! a user which `core::arch` function reached an intrinsic it lacks, and check immediates.

mod table;
pub mod template;

pub use table::INTRINSICS;

/// In the generator's sort order (by name), which `lookup`'s binary search relies on.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arch {
    Aarch64,
    X86,
}

/// An operand that must be a constant: `min..=max`, restricted to `values` when not empty.
#[derive(Copy, Clone, Debug)]
pub struct Imm {
    pub arg: u8,
    pub min: i64,
    pub max: i64,
    pub values: &'static [i64],
}

impl Imm {
    pub fn allows(&self, v: i64) -> bool {
        (self.min..=self.max).contains(&v) && (self.values.is_empty() || self.values.contains(&v))
    }
}

/// One intrinsic. Shapes are strings: `vi16x8` (a vector of 8 `i16`; `u`, `f`, `p` for
/// unsigned, float and polynomial lanes), scalars (`u8`, `f32`, `ptr`, …), `unit`,
/// `tup(a,b)` and `arrN(shape)` for NEON's multi-vector structs.
#[derive(Copy, Clone, Debug)]
pub struct Row {
    pub name: &'static str,
    pub arch: Arch,
    pub args: &'static [&'static str],
    pub ret: &'static str,
    /// Comma-separated target features of the calling wrapper (`""`: baseline).
    pub features: &'static str,
    pub imms: &'static [Imm],
    /// The mnemonic of the wrapper's `assert_instr`.
    pub instr: &'static str,
    /// A public `core::arch` function that calls it.
    pub wrapper: &'static str,
    /// The assembly template of [`template`], `""` when there is none.
    pub asm: &'static str,
}

/// The row of `name` on `arch`.
pub fn lookup(arch: Arch, name: &str) -> Option<&'static Row> {
    INTRINSICS
        .binary_search_by(|r| (r.name, r.arch).cmp(&(name, arch)))
        .ok()
        .map(|i| &INTRINSICS[i])
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    #[test]
    fn sorted_and_unique() {
        assert!(INTRINSICS.windows(2).all(|w| (w[0].name, w[0].arch) < (w[1].name, w[1].arch)));
        let r = lookup(Arch::X86, "llvm.x86.sse2.pmadd.wd").expect("pmaddwd");
        assert_eq!((r.args, r.ret, r.features), (&["vi16x8", "vi16x8"][..], "vi32x4", "sse2"));
        assert!(lookup(Arch::Aarch64, "llvm.x86.sse2.pmadd.wd").is_none());
        let cmp = lookup(Arch::X86, "llvm.x86.sse2.cmp.pd").expect("cmppd");
        assert!(cmp.imms.iter().any(|i| i.arg == 2 && i.allows(31) && !i.allows(32)));
        assert!(
            lookup(Arch::X86, "llvm.prefetch").is_some()
                && lookup(Arch::Aarch64, "llvm.prefetch").is_some()
        );
    }

    fn stdarch() -> Option<PathBuf> {
        let out = std::process::Command::new("rustc").args(["--print", "sysroot"]).output().ok()?;
        let root = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
        let p = root.join("lib/rustlib/src/rust/library/stdarch/crates/core_arch/src");
        p.is_dir().then_some(p)
    }

    fn link_names(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                link_names(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for part in text.split("link_name = \"").skip(1) {
                    let name = &part[..part.find('"').unwrap()];
                    out.push(name.to_string());
                }
            }
        }
    }

    /// Every name the pinned core_arch declares for x86 and aarch64 has a row (a new
    /// toolchain means regenerating the table).
    #[test]
    fn covers_pinned_core_arch() {
        let Some(src) = stdarch() else {
            panic!("the pinned toolchain's rust-src (library/stdarch) is needed for this test")
        };
        let mut missing = Vec::new();
        for (sub, arch, prefix) in [
            ("x86", Arch::X86, "llvm.x86."),
            ("x86_64", Arch::X86, "llvm.x86."),
            ("aarch64", Arch::Aarch64, "llvm.aarch64."),
            ("arm_shared", Arch::Aarch64, "llvm.aarch64."),
        ] {
            let mut names = Vec::new();
            link_names(&src.join(sub), &mut names);
            for n in names {
                let sve = n.contains(".sve.");
                if n.starts_with(prefix) && !sve && lookup(arch, &n).is_none() {
                    missing.push(n);
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "{} names missing from the table: {missing:?}", missing.len());
    }
}

/// How many rows of `arch` a backend can lower: with a meaning of
/// [`crate::llvm_intrinsic::classify`], with an assembly template only, and neither.
#[cfg(test)]
fn coverage(arch: Arch) -> (usize, usize, usize) {
    let (mut meaning, mut template, mut missing) = (0, 0, 0);
    for r in INTRINSICS.iter().filter(|r| r.arch == arch) {
        if crate::llvm_intrinsic::classify(r.name).is_some() {
            meaning += 1;
        } else if !r.asm.is_empty() {
            template += 1;
        } else {
            missing += 1;
        }
    }
    (meaning, template, missing)
}

/// The README's coverage line, generated from the table.
#[cfg(test)]
fn coverage_line() -> String {
    let line = |arch: Arch, what: &str| {
        let (m, t, x) = coverage(arch);
        format!(
            "{what}: {} of {} names ({m} with a meaning of their own, {t} as an assembly template; {x} are errors)",
            m + t,
            m + t + x
        )
    };
    format!("{}; {}", line(Arch::X86, "x86_64"), line(Arch::Aarch64, "aarch64"))
}

#[cfg(test)]
mod coverage_tests {
    /// The README states the coverage of the current table.
    #[test]
    fn readme_is_current() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
        let line = super::coverage_line();
        assert!(readme.contains(&line), "README.md should say, in its `core::arch` row:\n{line}");
    }
}
