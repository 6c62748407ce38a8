//! `cargo clif --fallback-to-llvm`: cargo runs every rustc through us (RUSTC_WRAPPER).
//! A crate whose build fails only because the backend reports a feature it does not
//! support yet is built again with LLVM, and listed at the end with the feature. Any other
//! failure stays a failure. Mixing backends across crates is safe: our Rust ABI is LLVM's
//! (abi-cafe's `rust` convention, tests/abi-cafe).

use std::ffi::OsString;
use std::io::Write;
use std::process::Command;

use crate::{FALLBACK_LOG, die};

/// What our backend's "not supported" errors say (rustc_codegen_cranelift_builder's
/// `errors::unsupported`).
const UNSUPPORTED: &str = " is not yet supported by the Cranelift backend";

/// Runs cargo with us as RUSTC_WRAPPER, then prints what fell back. Returns cargo's status.
pub fn run_cargo(mut cmd: Command) -> i32 {
    if std::env::var_os("RUSTC_WRAPPER").is_some_and(|w| !w.is_empty()) {
        die("--fallback-to-llvm replaces RUSTC_WRAPPER, which is already set");
    }
    let log = std::env::temp_dir().join(format!("cargo-clif-fallback-{}.log", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let me = std::env::current_exe().unwrap_or_else(|e| die(e));
    cmd.env("RUSTC_WRAPPER", me).env(FALLBACK_LOG, &log);
    let status = crate::status(cmd);
    let fell_back = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    if !fell_back.is_empty() {
        eprintln!("cargo-clif: built with LLVM instead of Cranelift:");
        for line in fell_back.lines() {
            let (krate, why) = line.split_once('\t').unwrap_or((line, ""));
            eprintln!("    {krate}: {why}");
        }
    }
    status
}

/// One rustc invocation (`args` = rustc's path, then its arguments): with our backend, and
/// on an unsupported-feature failure once more with LLVM. Returns rustc's exit status.
pub fn wrap_rustc(args: Vec<OsString>) -> i32 {
    let (rustc, rest) = args.split_first().expect("cargo passes rustc's path");
    let first = Command::new(rustc).args(rest).output().unwrap_or_else(|e| die(e));
    let stderr = String::from_utf8_lossy(&first.stderr);
    let features = unsupported_features(&stderr);
    if first.status.success() || features.is_empty() || !other_errors_absent(&stderr) {
        forward(&first);
        return first.status.code().unwrap_or(1);
    }
    let llvm: Vec<&OsString> = rest.iter().filter(|a| !is_backend_flag(a)).collect();
    let second = Command::new(rustc).args(llvm).output().unwrap_or_else(|e| die(e));
    forward(&second);
    if second.status.success() {
        let krate = crate_name(rest).unwrap_or_else(|| "?".into());
        let line = format!("{krate}\t{}\n", features.join("; "));
        let log = std::env::var_os(FALLBACK_LOG).expect("set by run_cargo");
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
            let _ = f.write_all(line.as_bytes());
        }
    }
    second.status.code().unwrap_or(1)
}

fn forward(out: &std::process::Output) {
    let _ = std::io::stdout().write_all(&out.stdout);
    let _ = std::io::stderr().write_all(&out.stderr);
}

/// `-Zcodegen-backend=…` (and the two-argument form is never what RUSTFLAGS gives us).
fn is_backend_flag(a: &OsString) -> bool {
    a.to_string_lossy().starts_with("-Zcodegen-backend=")
}

fn crate_name(args: &[OsString]) -> Option<String> {
    let i = args.iter().position(|a| a == "--crate-name")?;
    Some(args.get(i + 1)?.to_string_lossy().into_owned())
}

/// The features named by our "not yet supported" errors, in rustc's human or JSON output.
fn unsupported_features(stderr: &str) -> Vec<String> {
    let mut out = vec![];
    for line in stderr.lines() {
        let Some(end) = line.find(UNSUPPORTED) else { continue };
        let head = &line[..end];
        let start = head
            .rfind("\"message\":\"")
            .map(|i| i + "\"message\":\"".len())
            .or_else(|| head.rfind("error: ").map(|i| i + "error: ".len()))
            .unwrap_or(0);
        let f = head[start..].replace("\\\"", "\"");
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// Whether every error is one of ours: a crate with a real error must not be retried (it
/// would fail with LLVM too, and report its errors twice).
fn other_errors_absent(stderr: &str) -> bool {
    stderr.lines().all(|l| {
        let error = l.starts_with("error") && !l.starts_with("error: aborting")
            || l.contains("\"level\":\"error\"") && !l.contains("aborting due to");
        !error || l.contains(UNSUPPORTED)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_our_errors_in_both_formats() {
        let human = "error: `label` operands of `asm!` (asm goto) is not yet supported by the \
                     Cranelift backend\n --> src/lib.rs:2:31\nerror: aborting due to 1 previous error\n";
        assert_eq!(unsupported_features(human), ["`label` operands of `asm!` (asm goto)"]);
        assert!(other_errors_absent(human));
        let json = r#"{"$message_type":"diagnostic","message":"the LLVM intrinsic `llvm.x` is not yet supported by the Cranelift backend","level":"error"}
{"$message_type":"diagnostic","message":"aborting due to 1 previous error","level":"error"}"#;
        assert_eq!(unsupported_features(json), ["the LLVM intrinsic `llvm.x`"]);
        assert!(other_errors_absent(json));
    }

    #[test]
    fn real_errors_are_not_retried() {
        let mixed = "error[E0308]: mismatched types\nerror: f is not yet supported by the Cranelift backend\n";
        assert!(!other_errors_absent(mixed));
        assert!(unsupported_features("error[E0308]: mismatched types\n").is_empty());
    }

    #[test]
    fn retry_drops_only_the_backend() {
        let args: Vec<OsString> =
            ["--crate-name", "foo", "-Zcodegen-backend=/x.so", "--cfg=clif_backend=\"1\""]
                .iter()
                .map(OsString::from)
                .collect();
        assert_eq!(crate_name(&args).as_deref(), Some("foo"));
        let kept: Vec<_> = args.iter().filter(|a| !is_backend_flag(a)).collect();
        assert_eq!(kept.len(), 3);
    }
}
