//! Inline and global assembly through the system assembler: `global_asm!` and naked
//! functions go into the CGU's assembly text as written; each `asm!` becomes a call to an
//! out-of-line shim (`rustc_codegen_ssa_ext::asm_shim`) that moves operands between an
//! area on our stack and the registers the template expects.

use cranelift_module::{Linkage, Module};
use rustc_abi::{Align, Size};
use rustc_ast::{InlineAsmOptions, InlineAsmTemplatePiece};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::{
    AsmBuilderMethods, AsmCodegenMethods, BuilderMethods, ConstCodegenMethods, GlobalAsmOperandRef,
    InlineAsmOperandRef, LayoutTypeCodegenMethods as _,
};
use rustc_codegen_ssa_ext::asm_shim::{self, AsmOperand};
use rustc_middle::ty::Instance;
use rustc_span::{DUMMY_SP, Span};

use crate::builder::Builder;
use crate::context::{BasicBlock, CodegenCx};
use crate::types::Type;

impl<'a, 'tcx> AsmBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn codegen_inline_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[InlineAsmOperandRef<'tcx, Self>],
        options: InlineAsmOptions,
        line_spans: &[Span],
        _instance: Instance<'_>,
        dest: Option<BasicBlock>,
        catch_funclet: Option<(BasicBlock, Option<&()>)>,
    ) {
        let span = line_spans.first().copied().unwrap_or(DUMMY_SP);
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
            self.call_asm_shim(template, operands, options, span, dest, catch_funclet);
            return;
        }
        if let Some(dest) = dest {
            self.br(dest);
        }
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    fn call_asm_shim(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[InlineAsmOperandRef<'tcx, Self>],
        options: InlineAsmOptions,
        span: Span,
        dest: Option<BasicBlock>,
        catch_funclet: Option<(BasicBlock, Option<&()>)>,
    ) {
        let tcx = self.cx.tcx;
        let shim_ops: Vec<AsmOperand> = operands
            .iter()
            .map(|op| match op {
                InlineAsmOperandRef::In { reg, value } => AsmOperand::Reg {
                    reg: *reg,
                    input: true,
                    output: false,
                    size: value.layout.size.bytes() as u32,
                },
                InlineAsmOperandRef::Out { reg, place, .. } => AsmOperand::Reg {
                    reg: *reg,
                    input: false,
                    output: place.is_some(),
                    size: place.map_or(0, |p| p.layout.size.bytes() as u32),
                },
                InlineAsmOperandRef::InOut { reg, in_value, out_place, .. } => AsmOperand::Reg {
                    reg: *reg,
                    input: true,
                    output: out_place.is_some(),
                    size: in_value.layout.size.bytes() as u32,
                },
                InlineAsmOperandRef::Const { string } => AsmOperand::Text(string.clone()),
                InlineAsmOperandRef::SymFn { instance } => {
                    AsmOperand::Text(self.cx.asm_sym_fn(*instance))
                }
                InlineAsmOperandRef::SymStatic { def_id } => {
                    AsmOperand::Text(self.cx.asm_sym_static(*def_id))
                }
                InlineAsmOperandRef::Label { .. } => {
                    AsmOperand::Unsupported("`label` operands of `asm!` (asm goto)")
                }
            })
            .collect();
        let name = {
            let mut shims = self.cx.asm_shims.borrow_mut();
            shims.1 += 1;
            format!("{}_{}", shims.0, shims.1)
        };
        let arch = tcx.sess.asm_arch.expect("`asm!` on a target without inline assembly");
        let shim = match asm_shim::build_shim(
            arch,
            self.cx.asm_format(),
            &name,
            template,
            &shim_ops,
            options,
        ) {
            Ok(shim) => shim,
            Err(feature) => {
                crate::errors::unsupported(tcx, span, &feature);
                if let Some(dest) = dest {
                    self.br(dest);
                } else {
                    self.unreachable();
                }
                return;
            }
        };
        self.cx.global_asm.borrow_mut().push_str(&shim.text);

        let cell_align = Align::from_bytes(16).unwrap();
        let area = self.alloca(Size::from_bytes(shim.area_size), cell_align);
        let mask_reg = |r: &rustc_target::asm::InlineAsmRegOrRegClass| {
            use rustc_target::asm::{InlineAsmRegClass as C, X86InlineAsmRegClass as X};
            matches!(r.reg_class(), C::X86(X::kreg | X::kreg0))
        };
        if shim_ops.iter().any(|op| matches!(op, AsmOperand::Reg { reg, .. } if mask_reg(reg))) {
            // An 8-bit mask is moved as 16 bits: what follows it must be zero.
            let size = self.cx.const_usize(shim.area_size as u64);
            let zero = self.cx.const_u8(0);
            self.memset(area, zero, size, cell_align, MemFlags::empty());
        }
        let cell = |bx: &mut Self, i: usize| {
            let off = bx.cx.const_usize(shim.offsets[i].expect("register operand") as u64);
            bx.inbounds_ptradd(area, off)
        };
        for (i, op) in operands.iter().enumerate() {
            let value = match op {
                InlineAsmOperandRef::In { value, .. } => value,
                InlineAsmOperandRef::InOut { in_value, .. } => in_value,
                _ => continue,
            };
            let ptr = cell(self, i);
            value.val.store(self, PlaceRef::new_sized_aligned(ptr, value.layout, cell_align));
        }

        let sig = self.cx.sig_from_types(&[Type::PTR], Type::VOID);
        let f = self.cx.declare_fn_with_sig(&name, Linkage::Import, sig);
        let callee = self.cx.func_addr(f);
        let noreturn = options.contains(InlineAsmOptions::NORETURN);
        match catch_funclet {
            Some((catch, funclet)) if options.contains(InlineAsmOptions::MAY_UNWIND) => {
                let after = self.append_sibling_block("asm_returned");
                self.invoke(sig, None, None, callee, &[area], after, catch, funclet, None);
                self.switch_to_block(after);
            }
            _ => {
                self.call(sig, None, None, callee, &[area], None, None);
            }
        }
        if noreturn {
            self.unreachable();
            return;
        }
        for (i, op) in operands.iter().enumerate() {
            let place = match op {
                InlineAsmOperandRef::Out { place: Some(place), .. } => place,
                InlineAsmOperandRef::InOut { out_place: Some(place), .. } => place,
                _ => continue,
            };
            let ptr = cell(self, i);
            let size = self.cx.const_usize(place.layout.size.bytes());
            self.memcpy(
                place.val.llval,
                place.val.align,
                ptr,
                cell_align,
                size,
                MemFlags::empty(),
                None,
            );
        }
        if let Some(dest) = dest {
            self.br(dest);
        }
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Calls an intrinsic implemented as an assembly function (emitted once per CGU as a
    /// hidden symbol) with the intrinsic's own signature in the C calling convention.
    pub(crate) fn call_asm_function(
        &mut self,
        what: &str,
        body: &str,
        instance: Instance<'tcx>,
        args: &[rustc_codegen_ssa::mir::operand::OperandRef<'tcx, crate::value::Value>],
    ) -> crate::value::Value {
        use rustc_middle::ty::layout::FnAbiOf;
        let name = format!("{}_{what}", self.cx.asm_shims.borrow().0);
        let fn_abi = self.cx.fn_abi_of_instance(instance, rustc_middle::ty::List::empty());
        let sig = self.cx.sig_from_fn_abi(fn_abi);
        let args: Vec<_> = args.iter().map(|a| a.immediate()).collect();
        let ret = self.cx.immediate_backend_type(fn_abi.ret.layout);
        if self.cx.is_split_vector(ret) {
            // A lane-wise instruction on wider operands: the 128-bit function on each part
            // (`llvm_intrinsic::x86_asm_fallback`), with the other operands passed as they are.
            let (part, count) = self.cx.vector_parts(ret);
            let split: Vec<Option<Box<[crate::value::Value]>>> = args
                .iter()
                .map(|&a| {
                    self.cx
                        .is_split_vector(self.cx.value_type(a))
                        .then(|| self.vector_part_values(a))
                })
                .collect();
            let types: Vec<Type> = args
                .iter()
                .zip(&split)
                .map(|(&a, s)| {
                    let t = self.cx.value_type(a);
                    // Each operand's own part type: its lanes may differ from the result's.
                    if s.is_some() { self.cx.vector_parts(t).0 } else { t }
                })
                .collect();
            let sig = self.cx.sig_from_types(&types, part);
            // A symbol per part signature: it need not match the 128-bit intrinsic's, and
            // wrappers of other element types use other vector types (each declaration of a
            // name has one signature, which Cranelift's verifier checks calls against).
            let name = format!("{name}_part{}", sig.index());
            if self.cx.module.borrow().get_name(&name).is_none() {
                self.cx.global_asm.borrow_mut().push_str(&asm_shim::function(
                    self.cx.asm_format(),
                    &name,
                    body,
                ));
            }
            let f = self.cx.declare_fn_with_sig(&name, Linkage::Import, sig);
            let callee = self.cx.func_addr(f);
            let parts = (0..count as usize)
                .map(|i| {
                    let part_args: Vec<_> = args
                        .iter()
                        .zip(&split)
                        .map(|(&a, s)| s.as_ref().map_or(a, |p| p[i]))
                        .collect();
                    self.call(sig, None, None, callee, &part_args, None, None)
                })
                .collect();
            return self.vector_from_parts(ret, parts);
        }
        if self.cx.module.borrow().get_name(&name).is_none() {
            self.cx.global_asm.borrow_mut().push_str(&asm_shim::function(
                self.cx.asm_format(),
                &name,
                body,
            ));
        }
        let f = self.cx.declare_fn_with_sig(&name, Linkage::Import, sig);
        let callee = self.cx.func_addr(f);
        self.call(sig, None, Some(fn_abi), callee, &args, None, None)
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Calls the assembly template of a row (`arch::template`): the arguments
    /// and results travel through an area on our stack, so any operand width works.
    pub(crate) fn call_template_function(
        &mut self,
        row: &'static rustc_codegen_ssa_ext::arch::Row,
        args: &[rustc_codegen_ssa::mir::operand::OperandRef<'tcx, crate::value::Value>],
        layout: rustc_middle::ty::layout::TyAndLayout<'tcx>,
        span: Span,
    ) -> crate::value::Value {
        use rustc_codegen_ssa_ext::arch::template::{self, ImmError};
        let tcx = self.cx.tcx;
        let imm = |i: usize| self.cx.const_int_bits(args.get(i)?.immediate());
        let has_feature = |f: &str| self.has_target_feature(f);
        let undef = |bx: &mut Self| {
            if layout.is_zst() {
                bx.cx.local_value(crate::value::LocalData::Void)
            } else if matches!(layout.backend_repr, rustc_abi::BackendRepr::Memory { .. }) {
                // A struct result is a pointer to it (see `abi::store_arg`).
                bx.cx.const_null(Type::PTR)
            } else {
                bx.cx.const_undef(bx.cx.immediate_backend_type(layout))
            }
        };
        let (what, body) = match template::instantiate(row, imm, has_feature) {
            Ok(v) => v,
            Err(e) => {
                let msg = match e {
                    ImmError::NotConstant { arg } => {
                        format!("`{}` with a non-constant operand {arg}", row.wrapper)
                    }
                    ImmError::OutOfRange { arg, value } => {
                        format!(
                            "`{}` with operand {arg} = {value}, which the instruction cannot encode",
                            row.wrapper
                        )
                    }
                };
                crate::errors::unsupported(tcx, span, &msg);
                return undef(self);
            }
        };
        let fields = template::result_fields(row);
        let in_memory = !layout.is_zst()
            && matches!(layout.backend_repr, rustc_abi::BackendRepr::Memory { .. });
        let arch =
            if row.arch == rustc_codegen_ssa_ext::arch::Arch::X86 { "x86" } else { "aarch64" };
        let name = format!("{}_{arch}_{what}", self.cx.asm_shims.borrow().0);
        if self.cx.module.borrow().get_name(&name).is_none() {
            self.cx.global_asm.borrow_mut().push_str(&asm_shim::function(
                self.cx.asm_format(),
                &name,
                &body,
            ));
        }
        let align = Align::from_bytes(16).unwrap();
        let area = self.alloca(Size::from_bytes(template::area_size(row)), align);
        for (i, arg) in args.iter().enumerate() {
            if arg.layout.is_zst() {
                continue;
            }
            let off = self.cx.const_usize(template::arg_offset(row, i));
            let ptr = self.inbounds_ptradd(area, off);
            arg.val.store(self, PlaceRef::new_sized_aligned(ptr, arg.layout, align));
        }
        let sig = self.cx.sig_from_types(&[Type::PTR], Type::VOID);
        let f = self.cx.declare_fn_with_sig(&name, Linkage::Import, sig);
        let callee = self.cx.func_addr(f);
        self.call(sig, None, None, callee, &[area], None, None);
        if layout.is_zst() {
            return undef(self);
        }
        let place = if fields >= 2 {
            // Field i of the result is in slot i; the Rust layout may order them otherwise.
            let tmp = PlaceRef::alloca(self, layout);
            for i in 0..fields {
                let field = tmp.project_field(self, i);
                let off = self.cx.const_usize(template::result_offset(i));
                let src = self.inbounds_ptradd(area, off);
                let size = self.cx.const_usize(field.layout.size.bytes());
                self.memcpy(
                    field.val.llval,
                    field.val.align,
                    src,
                    align,
                    size,
                    MemFlags::empty(),
                    None,
                );
            }
            tmp
        } else {
            PlaceRef::new_sized_aligned(area, layout, align)
        };
        if in_memory {
            // A struct: `abi::store_arg` copies it from this pointer.
            return place.val.llval;
        }
        let op = self.load_operand(place);
        op.immediate_or_packed_pair(self)
    }
}

impl<'tcx> CodegenCx<'tcx> {
    /// The symbol of a `sym` function operand. The assembly is a separate object merged in
    /// with `ld -r`, which cannot bind to local symbols: a function this CGU defines with
    /// internal linkage becomes hidden instead (still invisible outside the output).
    /// The object format of this target's assembly.
    pub(crate) fn asm_format(&self) -> asm_shim::ObjectFormat {
        asm_shim::ObjectFormat::of(&self.tcx.sess.target)
    }

    fn asm_sym_fn(&self, instance: Instance<'tcx>) -> String {
        let name = self.tcx.symbol_name(instance).name.to_string();
        let id = self.declare_instance(instance);
        let mut module = self.module.borrow_mut();
        let decl = module.declarations().get_function_decl(id);
        if decl.linkage == Linkage::Local {
            let sig = decl.signature.clone();
            let _ = module.declare_function(&name, Linkage::Hidden, &sig);
        }
        self.asm_format().symbol(&name)
    }

    /// The symbol of a `sym` static operand; see [`Self::asm_sym_fn`].
    fn asm_sym_static(&self, def_id: rustc_hir::def_id::DefId) -> String {
        let tcx = self.tcx;
        let name = tcx.symbol_name(Instance::mono(tcx, def_id)).name.to_string();
        let id = self.get_static_data(def_id);
        let mut module = self.module.borrow_mut();
        let decl = module.declarations().get_data_decl(id);
        if decl.linkage == Linkage::Local {
            let (writable, tls) = (decl.writable, decl.tls);
            let _ = module.declare_data(&name, Linkage::Hidden, writable, tls);
        }
        self.asm_format().symbol(&name)
    }
}

impl<'tcx> AsmCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn codegen_global_asm(
        &mut self,
        template: &[InlineAsmTemplatePiece],
        operands: &[GlobalAsmOperandRef<'tcx>],
        options: InlineAsmOptions,
        line_spans: &[Span],
    ) {
        let tcx = self.tcx;
        let Some(arch) = tcx.sess.asm_arch else {
            let span = line_spans.first().copied().unwrap_or(DUMMY_SP);
            crate::errors::unsupported(tcx, span, "global assembly on this target");
            return;
        };
        let operands: Vec<String> = operands
            .iter()
            .map(|op| match op {
                GlobalAsmOperandRef::Const { string } => string.clone(),
                GlobalAsmOperandRef::SymFn { instance } => self.asm_sym_fn(*instance),
                GlobalAsmOperandRef::SymStatic { def_id } => self.asm_sym_static(*def_id),
            })
            .collect();
        let text = asm_shim::render_global_asm(arch, template, &operands, options);
        self.global_asm.borrow_mut().push_str(&text);
    }

    fn mangled_name(&self, instance: Instance<'tcx>) -> String {
        // As the assembly spells it: naked functions are defined under this name.
        self.asm_format().symbol(self.tcx.symbol_name(instance).name)
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
