//! What `cargo clif`, `rustc-clif` and `rustdoc-clif` share: the pinned toolchain (this
//! checkout's rust-toolchain.toml, read at build time), the backend to use and the flags
//! that select it.
//!
//! The backend is `CLIF_BACKEND` (a path to the dylib) when set, else the one
//! `bash compiler/clif.sh install` put into the pinned toolchain's sysroot. The flags are
//! `-Zcodegen-backend=<it>` and `--cfg=clif_backend="<mtime>-<size>"`: cargo does not track
//! the backend binary, a flag that changes with it makes cargo rebuild what it built.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod fallback;

/// The environment variable that makes `cargo-clif` a RUSTC_WRAPPER (`--fallback-to-llvm`)
/// and names the file where it lists the crates it built with LLVM.
pub const FALLBACK_LOG: &str = "CLIF_FALLBACK_LOG";

/// The backend's file name in a sysroot's `codegen-backends/`.
const SO_NAME: &str = "librustc_codegen_cranelift.so";

/// The channel of rust-toolchain.toml (`nightly-2026-05-20`): the backend links against
/// that toolchain's librustc_driver and works with no other.
pub fn toolchain() -> &'static str {
    const FILE: &str = include_str!("../../../rust-toolchain.toml");
    FILE.lines()
        .filter_map(|l| l.trim().strip_prefix("channel"))
        .filter_map(|l| l.trim_start().strip_prefix('='))
        .map(|v| v.trim().trim_matches('"'))
        .next()
        .expect("rust-toolchain.toml names a channel")
}

/// Prints `cargo-clif: error: …` and exits with status 1.
pub fn die(msg: impl std::fmt::Display) -> ! {
    eprintln!("cargo-clif: error: {msg}");
    std::process::exit(1)
}

/// A command of the pinned toolchain (`cargo`, `rustc`, `rustdoc`) through rustup's proxy.
pub fn tool(name: &str) -> Command {
    let mut cmd = Command::new(name);
    cmd.env("RUSTUP_TOOLCHAIN", toolchain());
    cmd
}

/// The backend dylib to use, or an error telling how to get one.
pub fn backend() -> PathBuf {
    if let Some(p) = std::env::var_os("CLIF_BACKEND") {
        let p = std::path::absolute(PathBuf::from(p)).unwrap_or_else(|e| die(e));
        if !p.is_file() {
            die(format!("CLIF_BACKEND={} does not exist", p.display()));
        }
        return p;
    }
    let out = tool("rustc").args(["--print", "sysroot"]).output();
    let sysroot = match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
        _ => die(format!(
            "cannot run the pinned rustc ({}): install the toolchain with `bash compiler/clif.sh install`",
            toolchain()
        )),
    };
    let host = host_triple();
    let p =
        Path::new(&sysroot).join("lib/rustlib").join(host).join("codegen-backends").join(SO_NAME);
    if !p.is_file() {
        die(format!(
            "the backend is not installed in {} ({} is missing): run `bash compiler/clif.sh install`, \
             or set CLIF_BACKEND to the dylib",
            toolchain(),
            p.display()
        ));
    }
    p
}

fn host_triple() -> String {
    let out = tool("rustc").arg("-vV").output().unwrap_or_else(|e| die(e));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .unwrap_or_else(|| die("`rustc -vV` printed no host"))
}

/// The flags that select `backend` (see the module doc).
pub fn backend_flags(backend: &Path) -> Vec<String> {
    let s = backend.to_str().unwrap_or_else(|| die("the backend path is not UTF-8"));
    if s.contains(char::is_whitespace) {
        die(format!("the backend path contains whitespace, which RUSTFLAGS cannot carry: {s}"));
    }
    let stamp = std::fs::metadata(backend)
        .map(|m| {
            let mtime =
                m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            format!("{}-{}", mtime.map_or(0, |d| d.as_secs()), m.len())
        })
        .unwrap_or_default();
    vec![format!("-Zcodegen-backend={s}"), format!("--cfg=clif_backend=\"{stamp}\"")]
}

/// Adds `flags` to what cargo passes to rustc and rustdoc: CARGO_ENCODED_RUSTFLAGS when
/// set (cargo then ignores RUSTFLAGS), else RUSTFLAGS.
fn add_flags(cmd: &mut Command, flags: &[String]) {
    let join = |old: Option<OsString>, sep: &str| {
        let mut v = old.map(|o| o.to_string_lossy().into_owned()).unwrap_or_default();
        for f in flags {
            if !v.is_empty() {
                v.push_str(sep);
            }
            v.push_str(f);
        }
        v
    };
    if let Some(enc) = std::env::var_os("CARGO_ENCODED_RUSTFLAGS") {
        cmd.env("CARGO_ENCODED_RUSTFLAGS", join(Some(enc), "\x1f"));
    } else {
        cmd.env("RUSTFLAGS", join(std::env::var_os("RUSTFLAGS"), " "));
    }
    cmd.env("RUSTDOCFLAGS", join(std::env::var_os("RUSTDOCFLAGS"), " "));
}

/// `cargo clif <args>`: returns cargo's exit status.
pub fn cargo(mut args: Vec<OsString>) -> i32 {
    let fallback = args.first().is_some_and(|a| a == "--fallback-to-llvm");
    if fallback {
        args.remove(0);
    }
    if args.first().is_some_and(|a| a.to_string_lossy().starts_with('+')) {
        die(format!(
            "the backend works only with {}; drop `{}`",
            toolchain(),
            args[0].to_string_lossy()
        ));
    }
    let flags = backend_flags(&backend());
    let mut cmd = tool("cargo");
    cmd.args(&args);
    add_flags(&mut cmd, &flags);
    if !fallback {
        return status(cmd);
    }
    fallback::run_cargo(cmd)
}

/// `rustc-clif` and `rustdoc-clif`: the pinned tool with the backend's flags.
pub fn exec_tool(name: &str, args: Vec<OsString>) -> ! {
    let mut cmd = tool(name);
    cmd.args(backend_flags(&backend())).args(args);
    std::process::exit(status(cmd))
}

fn status(mut cmd: Command) -> i32 {
    match cmd.status() {
        Ok(s) => s.code().unwrap_or(1),
        Err(e) => die(format!("cannot run {:?}: {e}", cmd.get_program())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolchain_is_the_pinned_one() {
        let t = toolchain();
        assert!(t.starts_with("nightly-"), "{t}");
    }

    #[test]
    fn flags_name_the_backend_and_its_stamp() {
        let exe = std::env::current_exe().unwrap();
        let f = backend_flags(&exe);
        assert_eq!(f[0], format!("-Zcodegen-backend={}", exe.display()));
        let len = std::fs::metadata(&exe).unwrap().len();
        assert!(
            f[1].starts_with("--cfg=clif_backend=\"") && f[1].ends_with(&format!("-{len}\"")),
            "{}",
            f[1]
        );
    }
}
