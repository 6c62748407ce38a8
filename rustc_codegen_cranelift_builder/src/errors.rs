//! Diagnostics for what the backend does not support yet. Every unsupported feature is
//! reported here, with the user's span, instead of crashing or trapping at run time;
//! README.md lists the same features.

use rustc_middle::ty::TyCtxt;
use rustc_span::Span;

pub fn unsupported(tcx: TyCtxt<'_>, span: Span, feature: &str) {
    tcx.dcx().span_err(span, format!("{feature} is not yet supported by the Cranelift backend"));
}
