//! Calls: plain and unwinding (`try_call`), variadic ones through their trampolines, and
//! the marker that keeps a call's return address on its line.

use cranelift_codegen::ir::{self, BlockArg, BlockCall, InstBuilder, StackSlotData, StackSlotKind};
use cranelift_module::{FuncId, Module};
use rustc_codegen_ssa_ext::eh::lsda::Action;
use rustc_middle::ty::Ty;
use rustc_target::callconv::FnAbi;
use smallvec::SmallVec;

use crate::abi::FnSig;
use crate::builder::Builder;
use crate::function::FunctionState;
use crate::materialize::Leaves;
use crate::types::Type;
use crate::value::{ConstData, Sym, Value};

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Emits a call. With `unwind`, the call is a `try_call` whose exception edge goes to the
    /// given landing pad with the two payload words, tagged with the pad's kind; the builder
    /// is then left in the block that receives the call's results: `normal` itself when the
    /// call has none, else a fresh block (the caller branches from it to `normal`).
    pub(crate) fn lower_call(
        &mut self,
        sig: FnSig,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        callee: Value,
        args: &[Value],
        unwind: Option<(ir::Block, Action)>,
        normal: Option<ir::Block>,
    ) -> (SmallVec<[ir::Value; 2]>, Type) {
        let sig = match fn_abi {
            Some(fn_abi) => self.cx.sig_from_fn_abi(fn_abi),
            None => sig,
        };
        let data = self.cx.sig_data(sig);
        if data.vector_aggregate_on_stack {
            let span = self.with_func(|fs| fs.span);
            crate::errors::unsupported(
                self.cx.tcx,
                span,
                "calls passing a vector aggregate on the stack (AAPCS64: more vectors than SIMD registers)",
            );
        }
        let mut natives: SmallVec<[ir::Value; 8]> = SmallVec::new();
        for (i, &a) in args.iter().enumerate() {
            let mut l = Leaves::new();
            self.leaves(a, &mut l);
            match data.stack_aggregates.iter().find(|s| s.param == i as u32) {
                Some(agg) => {
                    let pad = self.ins(|c| c.ins().f64const(0.0));
                    natives.extend(std::iter::repeat_n(pad, agg.pads as usize));
                    let ty = data.params[i];
                    natives.extend(self.pack_stack_aggregate(ty, &l, agg.chunks));
                }
                None => natives.extend(l),
            }
        }
        let func = match self.cx.const_data(callee) {
            Some(ConstData::SymAddr { sym: Sym::Func(f), offset: 0, .. }) => Some(f),
            _ => None,
        };
        // A variadic function is declared with its fixed parameters only, so its calls
        // are indirect, unless through a trampoline declared with the call's signature.
        let mut direct = func.filter(|&f| self.cx.sig_data(self.cx.fn_sig_of(f)).clif == data.clif);
        if data.c_variadic
            && let Some((f, pass_target)) = self.variadic_callee(fn_abi, sig, func)
        {
            if pass_target {
                let target = self.val(callee);
                natives.push(target);
            }
            direct = Some(f);
        }
        let direct = direct.map(|f| self.func_ref(f));
        let target = if direct.is_none() { Some(self.val(callee)) } else { None };
        let results = match unwind {
            None => match direct {
                Some(r) => self.ins(|c| {
                    let call = c.ins().call(r, &natives);
                    c.func.dfg.inst_results(call).iter().copied().collect()
                }),
                None => {
                    let sr = self.sig_ref(sig);
                    self.ins(|c| {
                        let call = c.ins().call_indirect(sr, target.unwrap(), &natives);
                        c.func.dfg.inst_results(call).iter().copied().collect()
                    })
                }
            },
            Some((pad, kind)) => {
                let sr = match direct {
                    Some(r) => self.with_func(|fs| fs.func.dfg.ext_funcs[r].signature),
                    None => self.sig_ref(sig),
                };
                // The results arrive as parameters of `normal` itself while it is still
                // empty: MIR's call guards give a call with an unwind edge a return block of
                // its own (cg_ssa relies on that too, storing the result at its start), so
                // no other edge reaches it. Otherwise a fresh block receives them.
                let fresh = |fs: &mut FunctionState, b: ir::Block| {
                    fs.func.layout.first_inst(b).is_none() && fs.func.dfg.num_block_params(b) == 0
                };
                let recv = match normal {
                    Some(b) if data.clif.returns.is_empty() => b,
                    Some(b) if self.with_func(|fs| fresh(fs, b)) => {
                        self.with_func(|fs| {
                            for p in &data.clif.returns {
                                fs.func.dfg.append_block_param(b, p.value_type);
                            }
                        });
                        b
                    }
                    _ => {
                        let recv = self.new_block();
                        self.with_func(|fs| {
                            for p in &data.clif.returns {
                                fs.func.dfg.append_block_param(recv, p.value_type);
                            }
                        });
                        recv
                    }
                };
                self.ins(|c| {
                    let pool = &mut c.func.dfg.value_lists;
                    let normal = BlockCall::new(
                        recv,
                        (0..data.clif.returns.len() as u32).map(BlockArg::TryCallRet),
                        pool,
                    );
                    let exn = BlockCall::new(
                        pad,
                        [BlockArg::TryCallExn(0), BlockArg::TryCallExn(1)],
                        pool,
                    );
                    let item = ir::ExceptionTableItem::Tag(crate::eh::tag_of(kind), exn);
                    let table = ir::ExceptionTableData::new(sr, normal, [item]);
                    let et = c.func.dfg.exception_tables.push(table);
                    match (direct, target) {
                        (Some(r), _) => c.ins().try_call(r, &natives, et),
                        (None, Some(t)) => c.ins().try_call_indirect(t, &natives, et),
                        (None, None) => unreachable!(),
                    };
                });
                let call_block = self.bb.block;
                self.bb.block = recv;
                if data.clif.returns.is_empty() {
                    self.call_return_marker(fn_abi);
                }
                if Some(recv) == normal && data.clif.returns.is_empty() {
                    // The try_call already went to `normal`; nothing to receive.
                    self.bb.block = call_block;
                    return (SmallVec::new(), data.ret);
                }
                self.with_func(|fs| fs.func.dfg.block_params(recv).iter().copied().collect())
            }
        };
        if unwind.is_none() && data.clif.returns.is_empty() {
            self.call_return_marker(fn_abi);
        }
        (results, data.ret)
    }

    /// At opt-level 0 with debug info, an instruction of the call's line where a call
    /// that returns nothing returns, as LLVM has there (the branch to the return block,
    /// never folded at -O0). Debuggers' `finish` reports the line of the return address:
    /// without it, that is the next statement's whenever the call ends its block. (A
    /// result is stored there, on the call's line, when it is a variable.)
    pub(crate) fn call_return_marker(&mut self, fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>) {
        use rustc_session::config::{DebugInfo, OptLevel};
        let sess = &self.cx.tcx.sess;
        if self.loc.is_default()
            || sess.opts.optimize != OptLevel::No
            || !matches!(sess.opts.debuginfo, DebugInfo::Limited | DebugInfo::Full)
            || fn_abi.is_some_and(|abi| abi.ret.layout.is_uninhabited())
            || self.is_terminated(self.bb.block)
        {
            return;
        }
        let slot = self.with_func(|fs| {
            *fs.return_marker.get_or_insert_with(|| {
                fs.func.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    1,
                    0,
                ))
            })
        });
        let ptr = self.cx.pointer_clif_type();
        self.ins(|c| {
            let zero = c.ins().iconst(ir::types::I8, 0);
            c.ins().stack_store(ptr, zero, slot, 0);
        });
    }

    /// The trampoline to call for a C-variadic call of `func` (`None`: through a pointer),
    /// if it needs one, and whether it takes the target as one more argument. On x86_64,
    /// when floats may be among the variadic arguments, `al` must bound the vector
    /// registers used, which Cranelift's calls cannot set: such a call goes through a
    /// trampoline that sets it (`asm_shim::sysv_variadic_trampoline`), one per callee,
    /// signature and CGU; through a pointer, one per signature that jumps to the target
    /// passed in the next free integer register. AAPCS64 passes variadic arguments as
    /// fixed ones.
    pub(crate) fn variadic_callee(
        &mut self,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        sig: FnSig,
        func: Option<FuncId>,
    ) -> Option<(FuncId, bool)> {
        use rustc_codegen_ssa_ext::{asm_shim, va_list};
        let fn_abi = fn_abi?;
        if self.cx.tcx.sess.target.arch != rustc_target::spec::Arch::X86_64
            || !rustc_codegen_ssa_ext::abi::sysv_variadic_uses_vector_regs(fn_abi)
        {
            return None;
        }
        let prefix = self.cx.asm_shims.borrow().0.clone();
        // One per signature too: each declaration of a name must have the same one.
        let (name, text, tsig) = match func {
            Some(f) => {
                let decls = self.cx.module.borrow();
                let target = decls.declarations().get_function_decl(f).linkage_name(f).into_owned();
                let name = format!("{prefix}_va{}_{target}", sig.index());
                let text = asm_shim::sysv_variadic_trampoline(self.cx.asm_format(), &name, &target);
                (name, text, sig)
            }
            None => match va_list::registers_taken(va_list::VaAbi::SysV64, fn_abi) {
                Ok((gp, _)) if gp < 6 => {
                    let name = format!("{prefix}_vaptr{}", sig.index());
                    let text =
                        asm_shim::sysv_variadic_pointer_trampoline(self.cx.asm_format(), &name, gp);
                    (name, text, self.cx.sig_with_trailing_pointer(sig))
                }
                _ => {
                    let span = self.with_func(|fs| fs.span);
                    crate::errors::unsupported(
                        self.cx.tcx,
                        span,
                        "calls through a pointer to a C-variadic function with floating-point \
                         variadic arguments and with arguments on the stack",
                    );
                    return None;
                }
            },
        };
        if self.cx.module.borrow().get_name(&name).is_none() {
            self.cx.global_asm.borrow_mut().push_str(&text);
        }
        let id = self.cx.declare_fn_with_sig(&name, cranelift_module::Linkage::Import, tsig);
        Some((id, func.is_none()))
    }
}
