//! rustc_codegen_ssa's backend traits implemented on Cranelift.
//!
//! `rustc_codegen_ssa` lowers MIR through `BuilderMethods` and friends; this crate only
//! emits Cranelift IR for those calls, compiles it on the codegen worker threads and
//! writes object files. See `DESIGN.md` in the team's shared folder for the value, type
//! and function-state model.

#![feature(rustc_private)]
#![feature(f16, f128)]
#![recursion_limit = "256"]
#![warn(unused_lifetimes)]

extern crate rustc_abi;
extern crate rustc_ast;
extern crate rustc_codegen_ssa;
extern crate rustc_data_structures;
extern crate rustc_errors;
extern crate rustc_hir;
extern crate rustc_index;
extern crate rustc_middle;
extern crate rustc_session;
extern crate rustc_span;
extern crate rustc_symbol_mangling;
extern crate rustc_target;
extern crate smallvec;
extern crate tracing;

// Links the shared librustc_driver instead of duplicating rustc's statics.
extern crate rustc_driver;

mod abi;
mod allocator;
mod asm;
mod backend;
mod base;
mod builder;
mod consts;
mod context;
mod debuginfo;
mod declare;
mod eh;
mod errors;
mod inline;
mod intrinsic;
mod isa;
mod simd;
mod statics;
mod type_of;
mod types;
mod value;
mod write;

pub use backend::CraneliftCodegenBackend;
