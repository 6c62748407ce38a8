//! Backend-agnostic extensions on top of `rustc_codegen_ssa`.
//!
//! Logic that every non-LLVM backend needs but `rustc_codegen_ssa` lacks lives here,
//! expressed through cg_ssa's own traits so that a backend only supplies instruction
//! emission. This crate must never depend on a particular code generator.

#![feature(rustc_private)]

extern crate rustc_abi;
extern crate rustc_ast;
extern crate rustc_codegen_ssa;
extern crate rustc_data_structures;
extern crate rustc_hir;
extern crate rustc_middle;
extern crate rustc_session;
extern crate rustc_span;
extern crate rustc_target;

// Links the shared librustc_driver instead of duplicating rustc's statics.
extern crate rustc_driver;

pub mod abi;
pub mod arch;
pub mod asm_shim;
pub mod assemble;
pub mod const_fold;
pub mod debuginfo;
pub mod eh;
pub mod libcalls;
pub mod llvm_intrinsic;
pub mod reliable_floats;
pub mod simd;
pub mod target_cpu;
pub mod va_list;
