//! The per-CGU codegen context: the Cranelift module under construction, the type and
//! value arenas, declared functions and statics, and the bodies of functions being built.

use std::cell::{Cell, RefCell};

use cranelift_codegen::ir;
use cranelift_module::{DataId, FuncId, Module};
use cranelift_object::ObjectModule;
use rustc_abi::{HasDataLayout, TargetDataLayout};
use rustc_codegen_ssa::errors as ssa_errors;
use rustc_codegen_ssa::traits::{BackendTypes, MiscCodegenMethods, TypeMembershipCodegenMethods};
use rustc_data_structures::fx::FxHashMap;
use rustc_hir::def_id::DefId;
use rustc_middle::span_bug;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError, LayoutOfHelpers,
};
use rustc_middle::ty::{self, ExistentialTraitRef, Instance, Ty, TyCtxt};
use rustc_session::Session;
use rustc_span::{Span, respan};
use rustc_target::spec::{HasTargetSpec, HasX86AbiOpt, Target, X86Abi};

use crate::abi::{FnSig, SigInterner};
use crate::function::FunctionState;
use crate::types::{Type, TypeInterner};
use crate::value::{Value, ValueArena};

/// A block of a function under construction. cg_ssa's `Builder::build` only receives the
/// block, so the block must name its function.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct BasicBlock {
    pub func: FuncId,
    pub block: ir::Block,
}

pub struct CodegenCx<'tcx> {
    pub tcx: TyCtxt<'tcx>,
    pub module: RefCell<ObjectModule>,
    pub types: RefCell<TypeInterner>,
    pub values: RefCell<ValueArena>,
    pub sigs: RefCell<SigInterner>,
    /// Bodies under construction, by function.
    pub bodies: RefCell<FxHashMap<FuncId, Box<FunctionState>>>,
    /// Per declared function: its signature (for direct calls and `get_param`).
    pub fn_sigs: RefCell<FxHashMap<FuncId, FnSig>>,
    pub instances: RefCell<FxHashMap<Instance<'tcx>, FuncId>>,
    /// C-variadic functions defined here: `instances` names their assembly shim (what
    /// calls and pointers use), this their Rust body (what is defined), and `va_defs`
    /// what `va_start` needs in that body.
    pub va_bodies: RefCell<FxHashMap<Instance<'tcx>, FuncId>>,
    pub va_defs: RefCell<FxHashMap<FuncId, rustc_codegen_ssa_ext::va_list::VaDefinition>>,
    pub statics: RefCell<FxHashMap<DefId, DataId>>,
    pub anon_allocs: RefCell<FxHashMap<usize, DataId>>,
    pub const_strs: RefCell<FxHashMap<String, DataId>>,
    pub vtables: RefCell<FxHashMap<(Ty<'tcx>, Option<ExistentialTraitRef<'tcx>>), Value>>,
    /// The personality routine, once some function of this CGU needs unwind tables; the
    /// object writer points the `.eh_frame` CIE at it.
    pub personality: Cell<Option<FuncId>>,
    /// `#[target_feature]`s of functions defined here (implied ones included), in
    /// Cranelift's `has_*` spelling: their code may use those instructions.
    pub fn_target_features: RefCell<FxHashMap<FuncId, Vec<String>>>,
    /// Assembly text of this CGU (`global_asm!`, naked functions, `asm!` shims), assembled
    /// next to the Cranelift object by the object writer.
    pub global_asm: RefCell<String>,
    /// `#[inline(never)]` (false) and `#[inline(always)]` (true) functions defined here.
    pub fn_inline: RefCell<FxHashMap<FuncId, bool>>,
    /// Prefix of this CGU's `asm!` shim symbols and how many there are so far.
    pub asm_shims: RefCell<(String, u32)>,
    /// Source files, locations and functions for DWARF, unless `-Cdebuginfo=0`.
    pub debug: Option<RefCell<crate::debuginfo::DebugState<'tcx>>>,
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn new(tcx: TyCtxt<'tcx>, module: ObjectModule) -> Self {
        CodegenCx {
            tcx,
            module: RefCell::new(module),
            types: RefCell::new(TypeInterner::new()),
            values: RefCell::new(ValueArena::default()),
            sigs: RefCell::new(SigInterner::default()),
            bodies: Default::default(),
            fn_sigs: Default::default(),
            instances: Default::default(),
            va_bodies: Default::default(),
            va_defs: Default::default(),
            statics: Default::default(),
            anon_allocs: Default::default(),
            const_strs: Default::default(),
            vtables: Default::default(),
            global_asm: Default::default(),
            fn_inline: Default::default(),
            asm_shims: Default::default(),
            personality: Cell::new(None),
            fn_target_features: Default::default(),
            debug: (tcx.sess.opts.debuginfo != rustc_session::config::DebugInfo::None)
                .then(Default::default),
        }
    }

    pub fn pointer_clif_type(&self) -> ir::Type {
        self.module.borrow().target_config().pointer_type()
    }
}

impl<'tcx> BackendTypes for CodegenCx<'tcx> {
    type Function = FuncId;
    type BasicBlock = BasicBlock;
    type Funclet = ();
    type Value = Value;
    type Type = Type;
    type FunctionSignature = FnSig;
    /// The inlined frame a MIR scope belongs to (0: the function itself; see `debuginfo.rs`).
    type DIScope = u32;
    /// An index of the CGU's debug locations (see `debuginfo.rs`).
    type DILocation = u32;
    /// An index of the CGU's variables (see `debuginfo.rs`).
    type DIVariable = u32;
}

impl<'tcx> HasTyCtxt<'tcx> for CodegenCx<'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.tcx
    }
}

impl<'tcx> HasDataLayout for CodegenCx<'tcx> {
    fn data_layout(&self) -> &TargetDataLayout {
        &self.tcx.data_layout
    }
}

impl<'tcx> HasTargetSpec for CodegenCx<'tcx> {
    fn target_spec(&self) -> &Target {
        &self.tcx.sess.target
    }
}

impl<'tcx> HasX86AbiOpt for CodegenCx<'tcx> {
    fn x86_abi_opt(&self) -> X86Abi {
        X86Abi {
            regparm: self.tcx.sess.opts.unstable_opts.regparm,
            reg_struct_return: self.tcx.sess.opts.unstable_opts.reg_struct_return,
        }
    }
}

impl<'tcx> HasTypingEnv<'tcx> for CodegenCx<'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        ty::TypingEnv::fully_monomorphized()
    }
}

impl<'tcx> LayoutOfHelpers<'tcx> for CodegenCx<'tcx> {
    #[inline]
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        if let LayoutError::SizeOverflow(_)
        | LayoutError::InvalidSimd { .. }
        | LayoutError::ReferencesError(_) = err
        {
            self.tcx.dcx().span_fatal(span, err.to_string())
        } else {
            self.tcx.dcx().emit_fatal(ssa_errors::FailedToGetLayout { span, ty, err })
        }
    }
}

impl<'tcx> FnAbiOfHelpers<'tcx> for CodegenCx<'tcx> {
    #[inline]
    fn handle_fn_abi_err(
        &self,
        err: FnAbiError<'tcx>,
        span: Span,
        fn_abi_request: FnAbiRequest<'tcx>,
    ) -> ! {
        if let FnAbiError::Layout(LayoutError::SizeOverflow(_) | LayoutError::InvalidSimd { .. }) =
            err
        {
            self.tcx.dcx().emit_fatal(respan(span, err))
        } else {
            match fn_abi_request {
                FnAbiRequest::OfFnPtr { sig, extra_args } => {
                    span_bug!(span, "`fn_abi_of_fn_ptr({sig}, {extra_args:?})` failed: {err:?}")
                }
                FnAbiRequest::OfInstance { instance, extra_args } => {
                    span_bug!(
                        span,
                        "`fn_abi_of_instance({instance}, {extra_args:?})` failed: {err:?}"
                    )
                }
            }
        }
    }
}

impl<'tcx> TypeMembershipCodegenMethods<'tcx> for CodegenCx<'tcx> {}

impl<'tcx> MiscCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn vtables(&self) -> &RefCell<FxHashMap<(Ty<'tcx>, Option<ExistentialTraitRef<'tcx>>), Value>> {
        &self.vtables
    }

    fn get_fn(&self, instance: Instance<'tcx>) -> FuncId {
        // cg_ssa asks for the function to define; a C-variadic one's is its body.
        if let Some(&body) = self.va_bodies.borrow().get(&instance) {
            return body;
        }
        self.declare_instance(instance)
    }

    fn get_fn_addr(&self, instance: Instance<'tcx>) -> Value {
        let f = self.declare_instance(instance);
        self.func_addr(f)
    }

    fn eh_personality(&self) -> FuncId {
        self.declare_personality()
    }

    fn sess(&self) -> &Session {
        self.tcx.sess
    }

    fn set_frame_pointer_type(&self, _llfn: FuncId) {}

    fn apply_target_cpu_attr(&self, _llfn: FuncId) {}

    fn declare_c_main(&self, fn_type: FnSig) -> Option<FuncId> {
        let entry_name = self.tcx.sess.target.entry_name.as_ref();
        if self.module.borrow().get_name(entry_name).is_some() {
            return None;
        }
        Some(self.declare_fn_with_sig(entry_name, cranelift_module::Linkage::Export, fn_type))
    }
}
