//! Inline and global assembly: not supported yet; reported as errors at the user's span.

use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::traits::{
    AsmBuilderMethods, AsmCodegenMethods, GlobalAsmOperandRef, InlineAsmOperandRef,
};
use rustc_middle::ty::Instance;
use rustc_span::{DUMMY_SP, Span};

use crate::builder::Builder;
use crate::context::{BasicBlock, CodegenCx};

impl<'a, 'tcx> AsmBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn codegen_inline_asm(
        &mut self,
        _template: &[InlineAsmTemplatePiece],
        _operands: &[InlineAsmOperandRef<'tcx, Self>],
        _options: InlineAsmOptions,
        line_spans: &[Span],
        _instance: Instance<'_>,
        dest: Option<BasicBlock>,
        _catch_funclet: Option<(BasicBlock, Option<&()>)>,
    ) {
        let span = line_spans.first().copied().unwrap_or(DUMMY_SP);
        crate::errors::unsupported(self.cx.tcx, span, "inline assembly (`asm!`)");
        if let Some(dest) = dest {
            use rustc_codegen_ssa::traits::BuilderMethods;
            self.br(dest);
        }
    }
}

impl<'tcx> AsmCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn codegen_global_asm(
        &mut self,
        _template: &[InlineAsmTemplatePiece],
        _operands: &[GlobalAsmOperandRef<'tcx>],
        _options: InlineAsmOptions,
        line_spans: &[Span],
    ) {
        let span = line_spans.first().copied().unwrap_or(DUMMY_SP);
        crate::errors::unsupported(self.tcx, span, "global assembly (`global_asm!`, naked functions)");
    }

    fn mangled_name(&self, instance: Instance<'tcx>) -> String {
        self.tcx.symbol_name(instance).name.to_string()
    }
}
