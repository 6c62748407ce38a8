//! Declaring functions and statics in the Cranelift module, with rustc linkage mapped onto
//! cranelift-module's.

use cranelift_codegen::ir::{self, AbiParam};
use cranelift_module::{DataId, FuncId, Linkage, Module};
use rustc_codegen_ssa::traits::PreDefineCodegenMethods;
use rustc_hir::attrs::Linkage as RLinkage;
use rustc_hir::def::DefKind;
use rustc_hir::def_id::DefId;
use rustc_middle::mono::Visibility;
use rustc_middle::ty::layout::FnAbiOf;
use rustc_middle::ty::{self, Instance};

use crate::abi::FnSig;
use crate::context::CodegenCx;
use crate::types::Type;
use crate::value::{ConstData, Sym, Value};

pub fn map_linkage(linkage: RLinkage, visibility: Visibility) -> Linkage {
    match linkage {
        RLinkage::Internal => Linkage::Local,
        RLinkage::External | RLinkage::Common => match visibility {
            Visibility::Hidden => Linkage::Hidden,
            Visibility::Default | Visibility::Protected => Linkage::Export,
        },
        RLinkage::LinkOnceAny | RLinkage::LinkOnceODR | RLinkage::WeakAny | RLinkage::WeakODR => {
            Linkage::Preemptible
        }
        RLinkage::AvailableExternally | RLinkage::ExternalWeak => Linkage::Import,
    }
}

impl<'tcx> CodegenCx<'tcx> {
    /// A C-variadic definition: Cranelift cannot reach the registers of the variadic
    /// arguments, so the symbol is an assembly shim that saves them and calls the body
    /// (`rustc_codegen_ssa_ext::va_list`). The body takes the fixed arguments and a pointer
    /// to the saved registers, which `va_start` reads.
    fn predefine_variadic(
        &self,
        instance: Instance<'tcx>,
        fn_abi: &rustc_target::callconv::FnAbi<'tcx, ty::Ty<'tcx>>,
        linkage: RLinkage,
        visibility: Visibility,
        symbol_name: &str,
    ) {
        use rustc_codegen_ssa_ext::va_list::{self, ShimBinding, VaAbi};
        let span = self.tcx.def_span(instance.def_id());
        let Some(abi) = VaAbi::of(&self.tcx.sess.target) else {
            let what = "C-variadic function definitions on this target";
            return crate::errors::unsupported(self.tcx, span, what);
        };
        let def = match va_list::definition(abi, fn_abi) {
            Ok(def) => def,
            Err(what) => return crate::errors::unsupported(self.tcx, span, what),
        };
        let sig = self.sig_from_fn_abi(fn_abi);
        let prefix = self.asm_shims.borrow().0.clone();
        let body_name = format!("{prefix}_vabody_{symbol_name}");
        let body = self.declare_fn_with_sig(
            &body_name,
            Linkage::Hidden,
            self.sig_with_trailing_pointer(sig),
        );
        let hidden = visibility == Visibility::Hidden;
        let (shim_name, binding) = match linkage {
            // Two objects cannot share a local symbol: the shim is hidden, under a name of
            // this CGU's.
            RLinkage::Internal => {
                (format!("{prefix}_vadef_{symbol_name}"), ShimBinding { weak: false, hidden: true })
            }
            RLinkage::LinkOnceAny
            | RLinkage::LinkOnceODR
            | RLinkage::WeakAny
            | RLinkage::WeakODR => (symbol_name.to_string(), ShimBinding { weak: true, hidden }),
            _ => (symbol_name.to_string(), ShimBinding { weak: false, hidden }),
        };
        let text = va_list::definition_shim(&shim_name, binding, &body_name, def);
        self.global_asm.borrow_mut().push_str(&text);
        let shim = self.declare_fn_with_sig(&shim_name, Linkage::Import, sig);
        self.instances.borrow_mut().insert(instance, shim);
        self.va_bodies.borrow_mut().insert(instance, body);
        self.va_defs.borrow_mut().insert(body, def);
        // Its only caller is the shim.
        self.fn_inline.borrow_mut().insert(body, false);
    }

    pub fn declare_fn_with_sig(&self, name: &str, linkage: Linkage, sig: FnSig) -> FuncId {
        let clif = self.sig_data(sig).clif.clone();
        let res = self.module.borrow_mut().declare_function(name, linkage, &clif);
        let id = match res {
            Ok(id) => id,
            Err(err) => self.tcx.dcx().fatal(format!(
                "cannot declare function `{name}` for the Cranelift backend: {err}"
            )),
        };
        self.fn_sigs.borrow_mut().entry(id).or_insert(sig);
        id
    }

    pub fn declare_instance(&self, instance: Instance<'tcx>) -> FuncId {
        if let Some(&id) = self.instances.borrow().get(&instance) {
            return id;
        }
        let name = self.tcx.symbol_name(instance).name;
        let fn_abi = self.fn_abi_of_instance(instance, ty::List::empty());
        let sig = self.sig_from_fn_abi(fn_abi);
        let id = self.declare_fn_with_sig(name, Linkage::Import, sig);
        self.instances.borrow_mut().insert(instance, id);
        id
    }

    /// Declares a runtime routine (libm, compiler-builtins, libc) with a plain signature.
    pub fn declare_libcall(&self, name: &str, params: &[ir::Type], returns: &[ir::Type]) -> FuncId {
        if let Some(cranelift_module::FuncOrDataId::Func(id)) = self.module.borrow().get_name(name)
        {
            return id;
        }
        let cc = self.module_isa_call_conv();
        let mut sig = ir::Signature::new(cc);
        sig.params.extend(params.iter().map(|&t| AbiParam::new(t)));
        sig.returns.extend(returns.iter().map(|&t| AbiParam::new(t)));
        match self.module.borrow_mut().declare_function(name, Linkage::Import, &sig) {
            Ok(id) => id,
            Err(err) => self.tcx.dcx().fatal(format!("cannot declare `{name}`: {err}")),
        }
    }

    pub fn module_isa_call_conv(&self) -> cranelift_codegen::isa::CallConv {
        self.module.borrow().isa().default_call_conv()
    }

    pub fn func_addr(&self, f: FuncId) -> Value {
        self.const_value(ConstData::SymAddr { sym: Sym::Func(f), offset: 0, ty: Type::PTR })
    }

    pub fn declare_personality(&self) -> FuncId {
        if let Some(f) = self.personality.get() {
            return f;
        }
        let tcx = self.tcx;
        let f = match tcx.lang_items().eh_personality() {
            Some(def_id) if !tcx.is_foreign_item(def_id) => {
                self.declare_instance(Instance::mono(tcx, def_id))
            }
            _ => {
                let sig = self.sig_from_types(&[], Type::VOID);
                self.declare_fn_with_sig("rust_eh_personality", Linkage::Import, sig)
            }
        };
        self.personality.set(Some(f));
        f
    }

    pub fn static_is_writable(&self, def_id: DefId) -> bool {
        let tcx = self.tcx;
        // A nested static (memory a static's initializer points at, e.g. `&mut [..]` in a
        // `static mut`) has no type of its own: its allocation says whether it is mutable.
        if let DefKind::Static { nested: true, .. } = tcx.def_kind(def_id) {
            return tcx
                .eval_static_initializer(def_id)
                .map_or(true, |alloc| alloc.inner().mutability.is_mut());
        }
        let ty = Instance::mono(tcx, def_id).ty(tcx, ty::TypingEnv::fully_monomorphized());
        tcx.is_mutable_static(def_id) || !ty.is_freeze(tcx, ty::TypingEnv::fully_monomorphized())
    }

    /// The data object of a static, declared as an import if it is not defined here.
    pub fn get_static_data(&self, def_id: DefId) -> DataId {
        if let Some(&id) = self.statics.borrow().get(&def_id) {
            return id;
        }
        let tcx = self.tcx;
        let name = tcx.symbol_name(Instance::mono(tcx, def_id)).name;
        let tls = tcx.is_thread_local_static(def_id);
        let writable = self.static_is_writable(def_id);
        let id = match self.module.borrow_mut().declare_data(name, Linkage::Import, writable, tls) {
            Ok(id) => id,
            Err(err) => tcx.dcx().fatal(format!("cannot declare static `{name}`: {err}")),
        };
        self.statics.borrow_mut().insert(def_id, id);
        id
    }
}

impl<'tcx> PreDefineCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn predefine_static(
        &mut self,
        def_id: DefId,
        linkage: RLinkage,
        visibility: Visibility,
        symbol_name: &str,
    ) {
        let tls = self.tcx.is_thread_local_static(def_id);
        let writable = self.static_is_writable(def_id);
        let res = self.module.borrow_mut().declare_data(
            symbol_name,
            map_linkage(linkage, visibility),
            writable,
            tls,
        );
        match res {
            Ok(id) => {
                self.statics.borrow_mut().insert(def_id, id);
            }
            Err(err) => {
                self.tcx.dcx().fatal(format!("cannot declare static `{symbol_name}`: {err}"))
            }
        }
    }

    fn predefine_fn(
        &mut self,
        instance: Instance<'tcx>,
        linkage: RLinkage,
        visibility: Visibility,
        symbol_name: &str,
    ) {
        let fn_abi = self.fn_abi_of_instance(instance, ty::List::empty());
        if fn_abi.c_variadic {
            return self.predefine_variadic(instance, fn_abi, linkage, visibility, symbol_name);
        }
        let layouts = fn_abi.args.iter().chain(std::iter::once(&fn_abi.ret)).map(|a| a.layout);
        if layouts.into_iter().any(|l| l.layout.is_scalable_vector()) {
            // SVE's sizeless registers have no Cranelift type.
            let span = self.tcx.def_span(instance.def_id());
            let msg = "scalable vectors (SVE types such as `svint8_t`) are not yet supported by the Cranelift backend";
            self.tcx.dcx().span_fatal(span, msg);
        }
        let sig = self.sig_from_fn_abi(fn_abi);
        let id = self.declare_fn_with_sig(symbol_name, map_linkage(linkage, visibility), sig);
        self.instances.borrow_mut().insert(instance, id);
        let attrs = self.tcx.codegen_instance_attrs(instance.def);
        match attrs.inline {
            rustc_hir::attrs::InlineAttr::Never => {
                self.fn_inline.borrow_mut().insert(id, false);
            }
            ref a if a.always() => {
                self.fn_inline.borrow_mut().insert(id, true);
            }
            _ => {}
        }
        if !attrs.target_features.is_empty() {
            let features = attrs
                .target_features
                .iter()
                .map(|f| crate::isa::cranelift_feature(f.name.as_str()))
                .collect();
            self.fn_target_features.borrow_mut().insert(id, features);
        }
    }
}
