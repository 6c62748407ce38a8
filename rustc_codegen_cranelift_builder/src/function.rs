//! A function under construction: its Cranelift body and the references, landing pads
//! and markers it collects, and the cursor through which the builder appends to it.

use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::{self, BlockArg, BlockCall};
use cranelift_module::{DataId, FuncId, Module};
use rustc_codegen_ssa_ext::eh::lsda::Action;
use rustc_data_structures::fx::FxHashMap;
use rustc_span::{DUMMY_SP, Span};

use crate::abi::FnSig;
use crate::builder::Builder;
use crate::context::CodegenCx;

/// A function whose body is under construction.
pub struct FunctionState {
    pub func: ir::Function,
    pub(crate) func_refs: FxHashMap<FuncId, ir::FuncRef>,
    pub(crate) data_refs: FxHashMap<DataId, ir::GlobalValue>,
    pub(crate) sig_refs: FxHashMap<FnSig, ir::SigRef>,
    /// Set when the body contains volatile accesses, which Cranelift's optimizer does
    /// not know about: such functions are compiled without optimizations.
    pub has_volatile: bool,
    pub span: Span,
    /// Blocks made landing pads by `cleanup_landing_pad`/`filter_landing_pad`, and how the
    /// personality should treat them.
    pub landing_pads: FxHashMap<ir::Block, Action>,
    /// The byte [`Builder::call_return_marker`] writes to.
    pub(crate) return_marker: Option<ir::StackSlot>,
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn fn_sig_of(&self, f: FuncId) -> FnSig {
        self.fn_sigs.borrow()[&f]
    }

    /// Creates the body of `f` with its entry block.
    pub(crate) fn start_body(&self, f: FuncId) -> ir::Block {
        let sig = self.fn_sig_of(f);
        let data = self.sig_data(sig);
        if data.vector_aggregate_on_stack {
            let name = self
                .module
                .borrow()
                .declarations()
                .get_function_decl(f)
                .linkage_name(f)
                .into_owned();
            let what = format!(
                "`{name}` taking a vector aggregate on the stack (AAPCS64: more vectors than \
                 SIMD registers)"
            );
            crate::errors::unsupported_here(self.tcx, &what);
        }
        let mut func = ir::Function::with_name_signature(
            ir::UserFuncName::user(0, f.as_u32()),
            data.clif.clone(),
        );
        let entry = func.dfg.make_block();
        func.layout.append_block(entry);
        for p in data.clif.params.iter() {
            func.dfg.append_block_param(entry, p.value_type);
        }
        let state = FunctionState {
            func,
            func_refs: Default::default(),
            data_refs: Default::default(),
            sig_refs: Default::default(),
            has_volatile: false,
            span: DUMMY_SP,
            landing_pads: Default::default(),
            return_marker: None,
        };
        self.bodies.borrow_mut().insert(f, Box::new(state));
        entry
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub fn with_func<R>(&self, f: impl FnOnce(&mut FunctionState) -> R) -> R {
        let mut bodies = self.cx.bodies.borrow_mut();
        let fs = bodies.get_mut(&self.bb.func).expect("builder for a function without body");
        f(fs)
    }

    pub(crate) fn is_terminated(&self, block: ir::Block) -> bool {
        self.with_func(|fs| match fs.func.layout.last_inst(block) {
            Some(inst) => fs.func.dfg.insts[inst].opcode().is_terminator(),
            None => false,
        })
    }

    /// Runs `f` with a cursor at the bottom of the current block. Code that cg_ssa emits
    /// after something we lowered as a terminator (a trap for `abort`, say) goes to a fresh,
    /// unreachable block.
    pub fn ins<R>(&mut self, f: impl FnOnce(&mut FuncCursor<'_>) -> R) -> R {
        if self.is_terminated(self.bb.block) {
            let b = self.new_block();
            self.bb.block = b;
        }
        let (block, loc) = (self.bb.block, self.loc);
        self.with_func(|fs| {
            let mut cur = FuncCursor::new(&mut fs.func).at_bottom(block);
            // Not for the default location: Cranelift would take it as the function's base
            // location, against which later ones are then lost.
            if !loc.is_default() {
                cur.set_srcloc(loc);
            }
            f(&mut cur)
        })
    }

    pub(crate) fn new_block(&self) -> ir::Block {
        self.with_func(|fs| {
            let b = fs.func.dfg.make_block();
            fs.func.layout.append_block(b);
            b
        })
    }

    pub(crate) fn block_call(&self, block: ir::Block, args: &[ir::Value]) -> BlockCall {
        self.with_func(|fs| {
            BlockCall::new(
                block,
                args.iter().map(|&a| BlockArg::Value(a)),
                &mut fs.func.dfg.value_lists,
            )
        })
    }

    /// Whether the function being built may use the rustc target feature `feature`, enabled
    /// for the whole session or by its `#[target_feature]`s.
    pub fn has_target_feature(&self, feature: &str) -> bool {
        if self.cx.tcx.sess.unstable_target_features.iter().any(|f| f.as_str() == feature) {
            return true;
        }
        let cl = crate::isa::cranelift_feature(feature);
        self.cx.fn_target_features.borrow().get(&self.bb.func).is_some_and(|fs| fs.contains(&cl))
    }

    pub fn func_ref(&self, f: FuncId) -> ir::FuncRef {
        if let Some(r) = self.with_func(|fs| fs.func_refs.get(&f).copied()) {
            return r;
        }
        let mut module = self.cx.module.borrow_mut();
        self.with_func(|fs| {
            let r = module.declare_func_in_func(f, &mut fs.func);
            fs.func_refs.insert(f, r);
            r
        })
    }

    pub fn data_ref(&self, d: DataId) -> ir::GlobalValue {
        if let Some(r) = self.with_func(|fs| fs.data_refs.get(&d).copied()) {
            return r;
        }
        let module = self.cx.module.borrow();
        self.with_func(|fs| {
            let r = module.declare_data_in_func(d, &mut fs.func);
            fs.data_refs.insert(d, r);
            r
        })
    }

    pub(crate) fn sig_ref(&self, s: FnSig) -> ir::SigRef {
        if let Some(r) = self.with_func(|fs| fs.sig_refs.get(&s).copied()) {
            return r;
        }
        let data = self.cx.sig_data(s);
        self.with_func(|fs| {
            let r = fs.func.import_signature(data.clif.clone());
            fs.sig_refs.insert(s, r);
            r
        })
    }
}
