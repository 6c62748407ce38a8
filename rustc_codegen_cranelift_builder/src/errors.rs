//! Diagnostics for what the backend does not support yet. Every unsupported feature is
//! reported here, with the user's span, instead of crashing or trapping at run time;
//! README.md lists the same features.

use rustc_errors::DiagCtxtHandle;
use rustc_hir::def_id::LOCAL_CRATE;
use rustc_middle::ty::TyCtxt;
use rustc_span::Span;

const NOT_YET: &str = "is not yet supported by the Cranelift backend";

pub fn unsupported(tcx: TyCtxt<'_>, span: Span, feature: &str) {
    tcx.dcx()
        .struct_span_err(span, format!("{feature} {NOT_YET}"))
        .with_help(llvm_override_help(tcx))
        .emit();
}

/// An unsupported feature with no span of its own (a type, a signature): an error that
/// lets the compilation report the others.
pub fn unsupported_here(tcx: TyCtxt<'_>, feature: &str) {
    tcx.dcx().struct_err(format!("{feature} {NOT_YET}")).with_help(llvm_override_help(tcx)).emit();
}

/// An unsupported option of the whole session (`-Clto`, sanitizers, ...): fatal, before
/// anything is compiled.
pub fn unsupported_option(dcx: DiagCtxtHandle<'_>, option: &str) -> ! {
    dcx.fatal(format!("{option} {NOT_YET}"))
}

/// An option we accept with a weaker effect than LLVM's, said where the user looks.
pub fn partly_supported_option(dcx: DiagCtxtHandle<'_>, option: &str, instead: &str) {
    dcx.warn(format!("{option} {NOT_YET}; {instead}"));
}

/// How to build just this crate with LLVM: cargo names the package it compiles in
/// `CARGO_PKG_NAME` (the crate name can differ, e.g. `-` against `_`).
fn llvm_override_help(tcx: TyCtxt<'_>) -> String {
    let package =
        std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| tcx.crate_name(LOCAL_CRATE).to_string());
    format!(
        "to build `{package}` with LLVM and the rest with Cranelift, build with \
         `cargo clif --fallback-to-llvm`, or, where Cargo.toml selects the backend \
         (`codegen-backend = \"cranelift\"`), add to the workspace's Cargo.toml:\n\
         [profile.dev.package.{package}]\ncodegen-backend = \"llvm\""
    )
}
