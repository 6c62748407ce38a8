//! Assembling a codegen unit's assembly text (`global_asm!`, naked functions, `asm!`
//! shims) next to the object a backend wrote for it, with the system toolchain.

use std::path::{Path, PathBuf};
use std::process::Command;

use rustc_session::Session;
use rustc_target::spec::{Cc, LinkerFlavor};

/// The C compiler driver rustc links with (`-Clinker`, else the target's default), so that
/// cross targets get their cross toolchain; `cc` when the linker is not a C driver. On
/// macOS that is Apple's clang, whose `-r` is ld64's (untested: no Mac here).
pub fn assembler_driver(sess: &Session) -> PathBuf {
    let (path, flavor) = rustc_codegen_ssa::back::link::linker_and_flavor(sess);
    match flavor {
        LinkerFlavor::Gnu(Cc::Yes, _) | LinkerFlavor::Darwin(Cc::Yes, _) => path,
        _ => "cc".into(),
    }
}

/// Assembles `text` with `driver` and merges the result into the object at `obj` (`ld -r`
/// through the driver): cg_ssa links exactly one object per codegen unit. With `keep`
/// (`-Csave-temps`) the assembly `<obj>.asm.s` and its object stay.
pub fn merge_into_object(obj: &Path, text: &str, driver: &Path, keep: bool) -> Result<(), String> {
    let src = obj.with_extension("asm.s");
    let asm_obj = obj.with_extension("asm.o");
    let backend_obj = obj.with_extension("backend.o");
    std::fs::write(&src, text).map_err(|e| format!("{}: {e}", src.display()))?;
    let run = |cmd: &mut Command| -> Result<(), String> {
        let out = cmd.output().map_err(|e| format!("cannot run `{}`: {e}", driver.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{:?} failed:\n{}{}",
                cmd,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    };
    run(Command::new(driver).args(["-c", "-x", "assembler"]).arg(&src).arg("-o").arg(&asm_obj))?;
    std::fs::rename(obj, &backend_obj).map_err(|e| e.to_string())?;
    run(Command::new(driver)
        .args(["-r", "-nostdlib", "-o"])
        .arg(obj)
        .arg(&backend_obj)
        .arg(&asm_obj))?;
    let _ = std::fs::remove_file(&backend_obj);
    if !keep {
        let _ = std::fs::remove_file(&src);
        let _ = std::fs::remove_file(&asm_obj);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    fn merged_object_defines_both_sides() {
        let dir = std::env::temp_dir().join(format!("ssa_ext_assemble_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let obj = dir.join("cgu.o");
        // Stand-in for the backend's object: one function calling the assembly's.
        let backend = dir.join("backend.s");
        std::fs::write(&backend, ".globl from_backend\nfrom_backend:\ncall from_asm\nret\n")
            .unwrap();
        let st = Command::new("cc")
            .args(["-c", "-x", "assembler"])
            .arg(&backend)
            .arg("-o")
            .arg(&obj)
            .status();
        assert!(st.unwrap().success());
        let text = ".intel_syntax noprefix\n.globl from_asm\n.hidden from_asm\nfrom_asm:\nxor eax, eax\nret\n";
        merge_into_object(&obj, text, Path::new("cc"), false).unwrap();
        let nm = Command::new("nm").arg(&obj).output().unwrap();
        let syms = String::from_utf8_lossy(&nm.stdout);
        assert!(syms.contains("T from_backend"), "{syms}");
        assert!(syms.contains("T from_asm"), "{syms}");
        assert!(
            !syms.contains("U from_asm"),
            "the reference is resolved in the merged object: {syms}"
        );
        // A bad template is an error naming the assembler's complaint, not a panic.
        let e = merge_into_object(&obj, "not_an_instruction eax\n", Path::new("cc"), false)
            .unwrap_err();
        assert!(e.contains("not_an_instruction"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
