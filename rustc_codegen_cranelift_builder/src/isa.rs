//! The Cranelift target ISA for a session: triple, optimization level, PIC, TLS model and
//! the target features rustc enabled.

use std::str::FromStr;

use cranelift_codegen::isa::{self, OwnedTargetIsa, TargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use rustc_session::Session;
use rustc_session::config::OptLevel;
use target_lexicon::Triple;

pub fn build_isa(sess: &Session, opt_level: OptLevel) -> OwnedTargetIsa {
    // Apple: with the deployment target (`arm64-apple-macosx11.0.0`), as LLVM gets it, so
    // that the objects' LC_BUILD_VERSION carries the same minimum OS version (not 0.0).
    let llvm_target = if sess.target.is_like_darwin {
        rustc_codegen_ssa::back::versioned_llvm_target(sess)
    } else {
        std::borrow::Cow::Borrowed(sess.target.llvm_target.as_ref())
    };
    let triple = Triple::from_str(&llvm_target)
        .unwrap_or_else(|e| sess.dcx().fatal(format!("unsupported target `{llvm_target}`: {e}")));
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, k: &str, v: &str| {
        flags.set(k, v).unwrap_or_else(|e| panic!("Cranelift setting {k}={v}: {e}"));
    };
    set(
        &mut flags,
        "opt_level",
        match opt_level {
            OptLevel::No => "none",
            _ => "speed",
        },
    );
    set(&mut flags, "is_pic", "true");
    set(&mut flags, "enable_llvm_abi_extensions", "true");
    set(&mut flags, "unwind_info", "true");
    // Cranelift's IR verifier on every function: in debug builds of the backend, and in
    // release builds with `CLIF_VERIFY=1` (CI's differential stage sets it).
    let verify =
        cfg!(debug_assertions) || std::env::var_os("CLIF_VERIFY").is_some_and(|v| v != "0");
    set(&mut flags, "enable_verifier", if verify { "true" } else { "false" });
    set(&mut flags, "tls_model", if sess.target.is_like_darwin { "macho" } else { "elf_gd" });
    let fp = sess.target.frame_pointer != rustc_target::spec::FramePointer::MayOmit
        || sess.opts.cg.force_frame_pointers != rustc_target::spec::FramePointer::MayOmit;
    set(&mut flags, "preserve_frame_pointers", if fp { "true" } else { "false" });
    // Rust relies on stack probes to turn stack overflow into a guard-page fault.
    set(&mut flags, "enable_probestack", "true");
    set(&mut flags, "probestack_strategy", "inline");
    // For measurements only (`CLIF_REGALLOC=single_pass`): the default allocator's code is
    // what the differential suite checks.
    if let Some(alg) = std::env::var_os("CLIF_REGALLOC") {
        let alg = alg.to_string_lossy();
        if !matches!(&*alg, "backtracking" | "single_pass") {
            sess.dcx().fatal(format!("CLIF_REGALLOC={alg}: expected backtracking or single_pass"));
        }
        set(&mut flags, "regalloc_algorithm", &alg);
    }
    let flags = settings::Flags::new(flags);

    let mut builder = isa::lookup(triple.clone()).unwrap_or_else(|e| {
        sess.dcx().fatal(format!("Cranelift has no backend for `{triple}`: {e}"))
    });
    for feature in sess.unstable_target_features.iter() {
        // Features Cranelift does not know are irrelevant to the code it emits.
        let _ = builder.enable(&cranelift_feature(feature.as_str()));
    }
    builder
        .finish(flags)
        .unwrap_or_else(|e| sess.dcx().fatal(format!("cannot build the Cranelift ISA: {e}")))
}

/// The Cranelift ISA setting for a rustc target feature (`sse4.1` → `has_sse41`).
pub fn cranelift_feature(rustc_name: &str) -> String {
    format!("has_{}", rustc_name.replace(['.', '-'], ""))
}

/// `isa` with the same settings, plus the ISA `features` (features Cranelift does not know
/// are irrelevant to the code it emits) and, with `unoptimized`, `opt_level=none`.
pub fn variant(isa: &dyn TargetIsa, unoptimized: bool, features: &[String]) -> OwnedTargetIsa {
    let mut flags = settings::builder();
    for v in isa.flags().iter() {
        flags.set(v.name, &v.value_string()).expect("copying a Cranelift setting");
    }
    if unoptimized {
        flags.set("opt_level", "none").expect("opt_level");
    }
    let mut builder = isa::lookup(isa.triple().clone()).expect("the ISA exists");
    for v in isa.isa_flags() {
        builder.set(v.name, &v.value_string()).expect("copying an ISA setting");
    }
    for f in features {
        let _ = builder.enable(f);
    }
    builder.finish(settings::Flags::new(flags)).expect("the ISA builds again")
}
