//! Debug info is not emitted yet: `create_function_debug_context` returns `None`, which
//! makes cg_ssa skip all variable and location tracking.

use std::ops::Range;

use rustc_abi::Size;
use rustc_codegen_ssa::mir::debuginfo::{FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::{
    CoverageInfoBuilderMethods, DebugInfoBuilderMethods, DebugInfoCodegenMethods,
};
use rustc_middle::mir::{self, coverage::CoverageKind};
use rustc_middle::ty::{ExistentialTraitRef, Instance, Ty};
use rustc_span::{SourceFile, Span, Symbol};
use rustc_target::callconv::FnAbi;
use cranelift_module::FuncId;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::value::Value;

impl<'tcx> DebugInfoCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn create_vtable_debuginfo(&self, _ty: Ty<'tcx>, _trait_ref: Option<ExistentialTraitRef<'tcx>>, _vtable: Value) {}

    fn create_function_debug_context(
        &self,
        _instance: Instance<'tcx>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        _llfn: FuncId,
        _mir: &mir::Body<'tcx>,
    ) -> Option<FunctionDebugContext<'tcx, (), ()>> {
        None
    }

    fn dbg_scope_fn(&self, _instance: Instance<'tcx>, _fn_abi: &FnAbi<'tcx, Ty<'tcx>>, _llfn: Option<FuncId>) {}

    fn dbg_loc(&self, _scope: (), _inlined_at: Option<()>, _span: Span) {}

    fn extend_scope_to_file(&self, _scope_metadata: (), _file: &SourceFile) {}

    fn debuginfo_finalize(&self) {}

    fn create_dbg_var(
        &self,
        _variable_name: Symbol,
        _variable_type: Ty<'tcx>,
        _scope_metadata: (),
        _variable_kind: VariableKind,
        _span: Span,
    ) {
    }
}

impl<'a, 'tcx> DebugInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn dbg_var_addr(
        &mut self,
        _dbg_var: (),
        _dbg_loc: (),
        _variable_alloca: Value,
        _direct_offset: Size,
        _indirect_offsets: &[Size],
        _fragment: &Option<Range<Size>>,
    ) {
    }

    fn dbg_var_value(
        &mut self,
        _dbg_var: (),
        _dbg_loc: (),
        _value: Value,
        _direct_offset: Size,
        _indirect_offsets: &[Size],
        _fragment: &Option<Range<Size>>,
    ) {
    }

    fn set_dbg_loc(&mut self, _dbg_loc: ()) {}

    fn clear_dbg_loc(&mut self) {}

    fn insert_reference_to_gdb_debug_scripts_section_global(&mut self) {}

    fn set_var_name(&mut self, _value: Value, _name: &str) {}
}

impl<'a, 'tcx> CoverageInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn add_coverage(&mut self, _instance: Instance<'tcx>, _kind: &CoverageKind) {}
}
