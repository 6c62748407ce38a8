//! The allocator shim: `__rust_alloc` and friends forwarding to the default or
//! `#[global_allocator]` implementations, built directly as Cranelift IR.

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{self, AbiParam, InstBuilder, types};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use cranelift_object::ObjectModule;
use rustc_ast::expand::allocator::{
    AllocatorMethod, AllocatorTy, NO_ALLOC_SHIM_IS_UNSTABLE, default_fn_name, global_fn_name,
};
use rustc_middle::ty::TyCtxt;
use rustc_symbol_mangling::mangle_internal_symbol;

use crate::base::ClifModule;

pub fn codegen_allocator(
    tcx: TyCtxt<'_>,
    module_name: &str,
    methods: &[AllocatorMethod],
) -> ClifModule {
    let mut module = crate::base::new_object_module(tcx, module_name);
    let ptr = module.target_config().pointer_type();
    let linkage = if tcx.sess.default_visibility() == rustc_target::spec::SymbolVisibility::Hidden {
        Linkage::Hidden
    } else {
        Linkage::Export
    };
    for method in methods {
        let mut params = Vec::new();
        for input in method.inputs.iter() {
            match input.ty {
                AllocatorTy::Layout => {
                    params.push(ptr);
                    params.push(ptr);
                }
                AllocatorTy::Ptr | AllocatorTy::Usize => params.push(ptr),
                AllocatorTy::Never | AllocatorTy::ResultPtr | AllocatorTy::Unit => {
                    rustc_middle::bug!("invalid allocator argument")
                }
            }
        }
        let returns = match method.output {
            AllocatorTy::ResultPtr => vec![ptr],
            _ => vec![],
        };
        let from = mangle_internal_symbol(tcx, &global_fn_name(method.name));
        let to = mangle_internal_symbol(tcx, &default_fn_name(method.name));
        wrapper(&mut module, linkage, &from, Some(&to), &params, &returns);
    }
    wrapper(
        &mut module,
        linkage,
        &mangle_internal_symbol(tcx, NO_ALLOC_SHIM_IS_UNSTABLE),
        None,
        &[],
        &[],
    );
    ClifModule {
        module,
        functions: Vec::new(),
        personality: None,
        unoptimized: Default::default(),
        target_features: Default::default(),
        global_asm: None,
        inline_attrs: Default::default(),
        debug: None,
    }
}

fn wrapper(
    module: &mut ObjectModule,
    linkage: Linkage,
    from: &str,
    to: Option<&str>,
    params: &[ir::Type],
    returns: &[ir::Type],
) {
    let mut sig = module.make_signature();
    sig.params.extend(params.iter().map(|&t| AbiParam::new(t)));
    sig.returns.extend(returns.iter().map(|&t| AbiParam::new(t)));
    let id = module.declare_function(from, linkage, &sig).expect("allocator shim declaration");
    let mut ctx = Context::new();
    ctx.func =
        ir::Function::with_name_signature(ir::UserFuncName::user(0, id.as_u32()), sig.clone());
    let mut fctx = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    b.seal_block(entry);
    if let Some(to) = to {
        let callee = module.declare_function(to, Linkage::Import, &sig).expect("allocator callee");
        let callee = module.declare_func_in_func(callee, b.func);
        let args = b.block_params(entry).to_vec();
        let call = b.ins().call(callee, &args);
        let rets = b.inst_results(call).to_vec();
        b.ins().return_(&rets);
    } else {
        b.ins().return_(&[]);
    }
    b.finalize(module.target_config());
    module
        .define_function_with_control_plane(id, &mut ctx, &mut ControlPlane::default())
        .expect("allocator shim definition");
    let _ = types::I8;
}
