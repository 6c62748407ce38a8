//! Lowering one codegen unit: predefine and define its mono items through cg_ssa, then
//! hand the finished Cranelift functions to the worker that compiles them.

use std::time::Instant;

use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::{self, InstBuilder, TrapCode};
use cranelift_module::FuncId;
use cranelift_object::{ObjectBuilder, ObjectModule};
use rustc_codegen_ssa::ModuleCodegen;
use rustc_codegen_ssa::base::maybe_create_entry_wrapper;
use rustc_codegen_ssa::mono_item::MonoItemExt;
use rustc_data_structures::fx::{FxHashMap, FxHashSet};
use rustc_middle::dep_graph;
use rustc_middle::ty::TyCtxt;
use rustc_span::Symbol;

use crate::builder::Builder;
use crate::context::CodegenCx;

/// A lowered CGU: the module with its declarations and data, and the Cranelift functions
/// still to be compiled.
pub struct ClifModule {
    pub module: ObjectModule,
    pub functions: Vec<(FuncId, ir::Function)>,
    /// `rust_eh_personality`, when some function has landing pads.
    pub personality: Option<FuncId>,
    /// Functions with volatile accesses: Cranelift's alias analysis (redundant-load and
    /// dead-store elimination) does not know about volatile, so these skip optimization.
    pub unoptimized: FxHashSet<FuncId>,
    /// Functions with `#[target_feature]`s, compiled by an ISA that has them.
    pub target_features: FxHashMap<FuncId, Vec<String>>,
    /// `#[inline(never)]` (false) and `#[inline(always)]` (true) functions.
    pub inline_attrs: FxHashMap<FuncId, bool>,
    /// Assembly to assemble and merge into the object, if the CGU has any.
    pub global_asm: Option<GlobalAsm>,
    /// Line tables and functions for DWARF, unless `-Cdebuginfo=0`.
    pub debug: Option<crate::debuginfo::ModuleDebug>,
}

/// A CGU's assembly text and the C compiler driver that assembles and merges it (the one
/// rustc links with, so cross targets get their cross toolchain).
pub struct GlobalAsm {
    pub text: String,
    pub driver: std::path::PathBuf,
}

pub fn new_object_module(tcx: TyCtxt<'_>, name: &str) -> ObjectModule {
    let isa = crate::isa::build_isa(tcx.sess, tcx.sess.opts.optimize);
    let mut builder = ObjectBuilder::new(isa, name, cranelift_module::default_libcall_names())
        .unwrap_or_else(|e| tcx.dcx().fatal(format!("cannot create object module: {e}")));
    let function_sections =
        tcx.sess.opts.unstable_opts.function_sections.unwrap_or(tcx.sess.target.function_sections);
    builder.per_function_section(function_sections);
    builder.per_data_object_section(function_sections);
    ObjectModule::new(builder)
}

pub fn compile_codegen_unit(tcx: TyCtxt<'_>, cgu_name: Symbol) -> (ModuleCodegen<ClifModule>, u64) {
    let _timer = tcx.prof.generic_activity("codegen_module");
    let start = Instant::now();
    let dep_node = tcx.codegen_unit(cgu_name).codegen_dep_node(tcx);
    let (module, _) = tcx.dep_graph.with_task(
        dep_node,
        tcx,
        || module_codegen(tcx, cgu_name),
        Some(dep_graph::hash_result),
    );
    let cost = start.elapsed().as_nanos() as u64;
    (module, cost)
}

fn module_codegen(tcx: TyCtxt<'_>, cgu_name: Symbol) -> ModuleCodegen<ClifModule> {
    let cgu = tcx.codegen_unit(cgu_name);
    let module = new_object_module(tcx, cgu_name.as_str());
    let mut cx = CodegenCx::new(tcx, module);
    cx.asm_shims.get_mut().0 = format!(
        "__clif_asm_{}",
        cgu_name.as_str().replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    );
    let mono_items = cgu.items_in_deterministic_order(tcx);
    for &(item, data) in &mono_items {
        item.predefine::<Builder<'_, '_>>(
            &mut cx,
            cgu_name.as_str(),
            data.linkage,
            data.visibility,
        );
    }
    for &(item, data) in &mono_items {
        item.define::<Builder<'_, '_>>(&mut cx, cgu_name.as_str(), data);
    }
    maybe_create_entry_wrapper::<Builder<'_, '_>>(&cx, cgu);
    let (functions, unoptimized) = cx.finish_functions();
    let personality = cx.personality.get();
    let debug = cx.take_module_debug(cgu_name.as_str());
    let global_asm = cx.global_asm.take();
    let global_asm = (!global_asm.is_empty()).then(|| {
        let arch = tcx.sess.asm_arch.expect("assembly on a target without asm support");
        let format = rustc_codegen_ssa_ext::asm_shim::ObjectFormat::of(&tcx.sess.target);
        let text = format!(
            "{}{global_asm}{}",
            rustc_codegen_ssa_ext::asm_shim::module_prelude(arch, format),
            format.module_epilogue()
        );
        GlobalAsm { text, driver: rustc_codegen_ssa_ext::assemble::assembler_driver(tcx.sess) }
    });
    ModuleCodegen::new_regular(
        cgu_name.to_string(),
        ClifModule {
            target_features: cx.fn_target_features.take(),
            inline_attrs: cx.fn_inline.take(),
            module: cx.module.into_inner(),
            functions,
            personality,
            unoptimized,
            global_asm,
            debug,
        },
    )
}

impl<'tcx> CodegenCx<'tcx> {
    /// Closes every function body: blocks cg_ssa left open (unreachable code) get a trap.
    pub fn finish_functions(&self) -> (Vec<(FuncId, ir::Function)>, FxHashSet<FuncId>) {
        let bodies = std::mem::take(&mut *self.bodies.borrow_mut());
        let mut unoptimized = FxHashSet::default();
        let mut out: Vec<(FuncId, ir::Function)> = bodies
            .into_iter()
            .map(|(id, fs)| {
                if fs.has_volatile {
                    unoptimized.insert(id);
                }
                let mut func = fs.func;
                let blocks: Vec<ir::Block> = func.layout.blocks().collect();
                for b in blocks {
                    let open = match func.layout.last_inst(b) {
                        Some(i) => !func.dfg.insts[i].opcode().is_terminator(),
                        None => true,
                    };
                    if open {
                        let mut cur = FuncCursor::new(&mut func).at_bottom(b);
                        cur.ins().trap(TrapCode::unwrap_user(1));
                    }
                }
                (id, func)
            })
            .collect();
        out.sort_by_key(|(id, _)| id.as_u32());
        (out, unoptimized)
    }
}
