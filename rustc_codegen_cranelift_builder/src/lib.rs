//! rustc_codegen_ssa's backend traits implemented on Cranelift.
//!
//! `rustc_codegen_ssa` lowers MIR through `BuilderMethods` and friends; this crate only
//! emits Cranelift IR for those calls, compiles it on the codegen worker threads and
//! writes object files. See `DESIGN.md` in the team's shared folder for the value, type
//! and function-state model.
//!
//! Where each part lives, and its counterpart in `rustc_codegen_llvm` / `rustc_codegen_gcc`:
//!
//! | here | cg_llvm / cg_gcc | what |
//! |---|---|---|
//! | `backend.rs` | `lib.rs` | `CodegenBackend`, `ExtraBackendMethods`, `WriteBackendMethods` |
//! | `base.rs` | `base.rs` | one codegen unit: define its items, finish its functions |
//! | `context.rs` | `context.rs` | `CodegenCx`, the per-CGU state |
//! | `consts.rs` | `common.rs` | `ConstCodegenMethods`: constants and their materialisation |
//! | `statics.rs` | `consts.rs` | `StaticCodegenMethods`: statics, their sections and relocations |
//! | `declare.rs` | `declare.rs`, `mono_item.rs` | declaring and predefining functions |
//! | `types.rs`, `type_of.rs` | `type_.rs`, `type_of.rs` | backend types and layouts' types |
//! | `abi.rs` | `abi.rs` | signatures and argument passing |
//! | `builder.rs` | `builder.rs` | `BuilderMethods`, whole |
//! | `function.rs` | (LLVM's or GCC's own function object) | the body under construction |
//! | `materialize.rs` | (LLVM's constant expressions) | our values as Cranelift values |
//! | `num.rs`, `cast.rs`, `memory.rs`, `call.rs` | `builder.rs`; cg_gcc's `int.rs` | legalisation: what takes more than one instruction (128-bit, f16/f128, odd widths, split vectors) |
//! | `intrinsic.rs`, `simd.rs` | `intrinsic.rs`, `intrinsic/simd.rs` | intrinsics |
//! | `asm.rs` | `asm.rs` | `asm!` and `global_asm!` through assembly shims |
//! | `eh.rs` | (LLVM's landing pads) | landing pads and the LSDA |
//! | `debuginfo.rs` | `debuginfo/` | DWARF, described by `rustc_codegen_ssa_ext::debuginfo` |
//! | `inline.rs` | (LLVM's inliner) | the CGU-local inliner at opt-level ≥ 1 |
//! | `isa.rs` | `llvm_util.rs` / `gcc_util.rs` | the target ISA and its features |
//! | `write.rs` | `back/write.rs` | compiling to machine code and writing objects |
//! | `allocator.rs`, `errors.rs`, `value.rs` | `allocator.rs`, `errors.rs`, - | allocator shim, diagnostics, our value representation |

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
mod call;
mod cast;
mod consts;
mod context;
mod debuginfo;
mod declare;
mod eh;
mod errors;
mod function;
mod inline;
mod intrinsic;
mod isa;
mod materialize;
mod memory;
mod num;
mod simd;
mod statics;
mod type_of;
mod types;
mod value;
mod write;

pub use backend::CraneliftCodegenBackend;
