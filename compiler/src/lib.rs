//! The codegen backend dylib rustc loads with `-Zcodegen-backend=cranelift` (installed in
//! the sysroot) or `-Zcodegen-backend=/path/to/librustc_codegen_cranelift.so`.

#![feature(rustc_private)]

extern crate rustc_codegen_ssa;
// Links the shared librustc_driver instead of duplicating rustc's statics.
extern crate rustc_driver;

use rustc_codegen_ssa::traits::CodegenBackend;

/// The entry point rustc looks up in the dylib.
#[unsafe(no_mangle)]
pub fn __rustc_codegen_backend() -> Box<dyn CodegenBackend> {
    Box::new(rustc_codegen_cranelift_builder::CraneliftCodegenBackend::new())
}
