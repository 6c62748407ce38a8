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
        template: &[InlineAsmTemplatePiece],
        operands: &[InlineAsmOperandRef<'tcx, Self>],
        _options: InlineAsmOptions,
        line_spans: &[Span],
        _instance: Instance<'_>,
        dest: Option<BasicBlock>,
        _catch_funclet: Option<(BasicBlock, Option<&()>)>,
    ) {
        if is_comment_only(template) {
            // An empty template (an optimization barrier such as `asm!("/*{0}*/",
            // inout(reg) x)`) runs no instruction: in-out operands keep their value and
            // pure outputs are left unspecified, exactly as the hardware would.
            for op in operands {
                if let InlineAsmOperandRef::InOut { in_value, out_place: Some(place), .. } = op {
                    in_value.val.store(self, *place);
                }
            }
        } else {
            let span = line_spans.first().copied().unwrap_or(DUMMY_SP);
            crate::errors::unsupported(self.cx.tcx, span, "inline assembly (`asm!`)");
        }
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

/// Whether the rendered template contains only whitespace and comments.
fn is_comment_only(template: &[InlineAsmTemplatePiece]) -> bool {
    let mut text = String::new();
    for piece in template {
        match piece {
            InlineAsmTemplatePiece::String(s) => text.push_str(s),
            InlineAsmTemplatePiece::Placeholder { .. } => text.push('x'),
        }
    }
    let mut rest = text.as_str();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return true;
        }
        if let Some(after) = rest.strip_prefix("/*") {
            match after.find("*/") {
                Some(end) => rest = &after[end + 2..],
                None => return false,
            }
        } else if rest.starts_with("//") || rest.starts_with('#') {
            rest = rest.find('\n').map_or("", |i| &rest[i..]);
        } else {
            return false;
        }
    }
}
