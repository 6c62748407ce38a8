//! `BuilderMethods` on Cranelift IR.
//!
//! cg_ssa keeps several builders alive at once (landing pads are built while the block that
//! needs them is unfinished), so there is no `FunctionBuilder`: each function's
//! `ir::Function` lives in the cx and every operation appends at the bottom of the
//! builder's block through a short-lived cursor.

use std::ops::Deref;

use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    self, AtomicRmwOp, BlockArg, BlockCall, InstBuilder, JumpTableData, MemFlagsData,
    StackSlotData, StackSlotKind, TrapCode, types as clty,
};
use cranelift_module::{FuncId, Module};
use rustc_abi::{self as abi, Align, BackendRepr, Size, WrappingRange};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::common::{
    AtomicRmwBinOp, IntPredicate, RealPredicate, SynchronizationScope,
};
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa_ext::const_fold::{self, IntBinOp as IntOp};
use rustc_hir::def_id::DefId;
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError,
    LayoutOfHelpers, TyAndLayout,
};
use rustc_middle::ty::{self, Instance, Ty, TyCtxt};
use rustc_span::Span;
use rustc_target::callconv::FnAbi;
use rustc_target::spec::{HasTargetSpec, HasX86AbiOpt, Target, X86Abi};

use crate::abi::FnSig;
use crate::context::{BasicBlock, CodegenCx};
use crate::materialize::Leaves;
use crate::num::{float_cc, int_cc};
use crate::types::{Type, TypeData};
use crate::value::{ConstData, LocalData, Value};

pub struct Builder<'a, 'tcx> {
    pub cx: &'a CodegenCx<'tcx>,
    pub bb: BasicBlock,
    /// The source location (an index of the CGU's debug locations) of what is emitted
    /// now; default when there is no debug info.
    pub loc: ir::SourceLoc,
    /// Set while a volatile access is emitted: its loads may trap, so that Cranelift never
    /// drops one whose value is unused (a volatile read is an effect of its own).
    pub(crate) volatile: bool,
}

impl<'a, 'tcx> Deref for Builder<'a, 'tcx> {
    type Target = CodegenCx<'tcx>;
    fn deref(&self) -> &CodegenCx<'tcx> {
        self.cx
    }
}

impl<'a, 'tcx> BackendTypes for Builder<'a, 'tcx> {
    type Function = <CodegenCx<'tcx> as BackendTypes>::Function;
    type BasicBlock = <CodegenCx<'tcx> as BackendTypes>::BasicBlock;
    type Funclet = <CodegenCx<'tcx> as BackendTypes>::Funclet;
    type Value = <CodegenCx<'tcx> as BackendTypes>::Value;
    type Type = <CodegenCx<'tcx> as BackendTypes>::Type;
    type FunctionSignature = <CodegenCx<'tcx> as BackendTypes>::FunctionSignature;
    type DIScope = <CodegenCx<'tcx> as BackendTypes>::DIScope;
    type DILocation = <CodegenCx<'tcx> as BackendTypes>::DILocation;
    type DIVariable = <CodegenCx<'tcx> as BackendTypes>::DIVariable;
}

impl<'a, 'tcx> HasTyCtxt<'tcx> for Builder<'a, 'tcx> {
    fn tcx(&self) -> TyCtxt<'tcx> {
        self.cx.tcx
    }
}

impl<'a, 'tcx> rustc_abi::HasDataLayout for Builder<'a, 'tcx> {
    fn data_layout(&self) -> &rustc_abi::TargetDataLayout {
        self.cx.data_layout()
    }
}

impl<'a, 'tcx> HasTypingEnv<'tcx> for Builder<'a, 'tcx> {
    fn typing_env(&self) -> ty::TypingEnv<'tcx> {
        self.cx.typing_env()
    }
}

impl<'a, 'tcx> HasTargetSpec for Builder<'a, 'tcx> {
    fn target_spec(&self) -> &Target {
        self.cx.target_spec()
    }
}

impl<'a, 'tcx> HasX86AbiOpt for Builder<'a, 'tcx> {
    fn x86_abi_opt(&self) -> X86Abi {
        self.cx.x86_abi_opt()
    }
}

impl<'a, 'tcx> LayoutOfHelpers<'tcx> for Builder<'a, 'tcx> {
    #[inline]
    fn handle_layout_err(&self, err: LayoutError<'tcx>, span: Span, ty: Ty<'tcx>) -> ! {
        self.cx.handle_layout_err(err, span, ty)
    }
}

impl<'a, 'tcx> FnAbiOfHelpers<'tcx> for Builder<'a, 'tcx> {
    #[inline]
    fn handle_fn_abi_err(&self, err: FnAbiError<'tcx>, span: Span, req: FnAbiRequest<'tcx>) -> ! {
        self.cx.handle_fn_abi_err(err, span, req)
    }
}

impl<'a, 'tcx> StaticBuilderMethods for Builder<'a, 'tcx> {
    fn get_static(&mut self, def_id: DefId) -> Value {
        let d = self.cx.get_static_data(def_id);
        let ptr = self.cx.pointer_clif_type();
        let gv = self.data_ref(d);
        let tls = self.cx.module.borrow().declarations().get_data_decl(d).tls;
        let v = self
            .ins(|c| if tls { c.ins().tls_value(ptr, gv) } else { c.ins().symbol_value(ptr, gv) });
        self.new_value(v, Type::PTR)
    }
}

/// cg_ssa branches to MIR blocks without arguments. Only the return block of an `invoke`
/// has parameters (its results, see `lower_call`), and MIR's call guards make the invoke
/// its sole predecessor; a branch to it would leave them undefined, so that is a bug.
fn assert_plain_target(func: &ir::Function, block: ir::Block) {
    assert!(
        func.dfg.num_block_params(block) == 0,
        "branch without arguments to {block}, which receives call results"
    );
}

impl<'a, 'tcx> BuilderMethods<'a, 'tcx> for Builder<'a, 'tcx> {
    type CodegenCx = CodegenCx<'tcx>;

    fn build(cx: &'a CodegenCx<'tcx>, llbb: BasicBlock) -> Self {
        Builder { cx, bb: llbb, loc: ir::SourceLoc::default(), volatile: false }
    }

    fn cx(&self) -> &CodegenCx<'tcx> {
        self.cx
    }

    fn llbb(&self) -> BasicBlock {
        self.bb
    }

    fn set_span(&mut self, span: Span) {
        self.with_func(|fs| fs.span = span);
    }

    fn append_block(cx: &'a CodegenCx<'tcx>, llfn: FuncId, _name: &str) -> BasicBlock {
        let has_body = cx.bodies.borrow().contains_key(&llfn);
        if !has_body {
            let block = cx.start_body(llfn);
            return BasicBlock { func: llfn, block };
        }
        let bx = Builder {
            cx,
            bb: BasicBlock { func: llfn, block: ir::Block::from_u32(0) },
            loc: ir::SourceLoc::default(),
            volatile: false,
        };
        BasicBlock { func: llfn, block: bx.new_block() }
    }

    fn append_sibling_block(&mut self, _name: &str) -> BasicBlock {
        BasicBlock { func: self.bb.func, block: self.new_block() }
    }

    fn switch_to_block(&mut self, llbb: BasicBlock) {
        self.bb = llbb;
    }

    fn ret_void(&mut self) {
        self.ins(|c| c.ins().return_(&[]));
    }

    fn ret(&mut self, v: Value) {
        let mut l = Leaves::new();
        self.leaves(v, &mut l);
        self.ins(|c| c.ins().return_(&l));
    }

    fn br(&mut self, dest: BasicBlock) {
        self.ins(|c| {
            assert_plain_target(c.func, dest.block);
            c.ins().jump(dest.block, &[])
        });
    }

    fn cond_br(&mut self, cond: Value, then_llbb: BasicBlock, else_llbb: BasicBlock) {
        if let Some(b) = self.cx.const_int_bits(cond) {
            return self.br(if b != 0 { then_llbb } else { else_llbb });
        }
        let c = self.val(cond);
        self.ins(|cur| {
            assert_plain_target(cur.func, then_llbb.block);
            assert_plain_target(cur.func, else_llbb.block);
            cur.ins().brif(c, then_llbb.block, &[], else_llbb.block, &[])
        });
    }

    fn switch(
        &mut self,
        v: Value,
        else_llbb: BasicBlock,
        cases: impl ExactSizeIterator<Item = (u128, BasicBlock)>,
    ) {
        let cases: Vec<(u128, ir::Block)> = cases.map(|(c, b)| (c, b.block)).collect();
        self.with_func(|fs| {
            for b in cases.iter().map(|c| c.1).chain([else_llbb.block]) {
                assert_plain_target(&fs.func, b);
            }
        });
        if let Some(bits) = self.cx.const_int_bits(v) {
            let target = cases.iter().find(|c| c.0 == bits).map(|c| c.1).unwrap_or(else_llbb.block);
            self.ins(|c| c.ins().jump(target, &[]));
            return;
        }
        let ty = self.cx.value_type(v);
        let ct = self.cx.clif_type(ty);
        let x = self.val(v);
        let min = cases.iter().map(|c| c.0).min().unwrap_or(0);
        let max = cases.iter().map(|c| c.0).max().unwrap_or(0);
        let span = max.wrapping_sub(min);
        let dense =
            cases.len() > 3 && ct.bits() <= 64 && span < 1 << 16 && span <= 3 * cases.len() as u128;
        if dense {
            let mut table = vec![else_llbb.block; span as usize + 1];
            for &(c, b) in &cases {
                table[(c - min) as usize] = b;
            }
            let def = self.block_call(else_llbb.block, &[]);
            let calls: Vec<BlockCall> = table.iter().map(|&b| self.block_call(b, &[])).collect();
            let in_range = self.new_block();
            let idx = self.ins(|c| {
                let idx =
                    if min == 0 { x } else { c.ins().iadd_imm_s(x, (min as i64).wrapping_neg()) };
                let ok = c.ins().icmp_imm_s(IntCC::UnsignedLessThanOrEqual, idx, span as i64);
                c.ins().brif(ok, in_range, &[], else_llbb.block, &[]);
                idx
            });
            self.bb.block = in_range;
            self.ins(|c| {
                let idx32 = if ct.bits() > 32 {
                    c.ins().ireduce(clty::I32, idx)
                } else if ct.bits() < 32 {
                    c.ins().uextend(clty::I32, idx)
                } else {
                    idx
                };
                let jt = c.func.create_jump_table(JumpTableData::new(def, &calls));
                c.ins().br_table(idx32, jt);
            });
            return;
        }
        for &(val, target) in &cases {
            let next = self.new_block();
            let k = self.iconst(ct, val);
            self.ins(|c| {
                let eq = c.ins().icmp(IntCC::Equal, x, k);
                c.ins().brif(eq, target, &[], next, &[]);
            });
            self.bb.block = next;
        }
        self.ins(|c| c.ins().jump(else_llbb.block, &[]));
    }

    fn invoke(
        &mut self,
        llty: FnSig,
        fn_attrs: Option<&CodegenFnAttrs>,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        llfn: Value,
        args: &[Value],
        then: BasicBlock,
        catch: BasicBlock,
        funclet: Option<&()>,
        instance: Option<Instance<'tcx>>,
    ) -> Value {
        crate::eh::invoke(self, llty, fn_attrs, fn_abi, llfn, args, then, catch, funclet, instance)
    }

    fn unreachable(&mut self) {
        self.ins(|c| c.ins().trap(TrapCode::unwrap_user(1)));
    }

    fn unreachable_nonterminator(&mut self) {
        self.ins(|c| c.ins().trap(TrapCode::unwrap_user(1)));
    }

    fn add(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::Add, lhs, rhs)
    }
    fn fadd(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "add")
    }
    fn fadd_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "add")
    }
    fn fadd_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "add")
    }
    fn sub(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::Sub, lhs, rhs)
    }
    fn fsub(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "sub")
    }
    fn fsub_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "sub")
    }
    fn fsub_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "sub")
    }
    fn mul(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::Mul, lhs, rhs)
    }
    fn fmul(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "mul")
    }
    fn fmul_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "mul")
    }
    fn fmul_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "mul")
    }
    fn udiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::UDiv, lhs, rhs)
    }
    fn exactudiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::UDiv, lhs, rhs)
    }
    fn sdiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::SDiv, lhs, rhs)
    }
    fn exactsdiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::SDiv, lhs, rhs)
    }
    fn fdiv(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "div")
    }
    fn fdiv_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "div")
    }
    fn fdiv_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.float_op(lhs, rhs, "div")
    }
    fn urem(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::URem, lhs, rhs)
    }
    fn srem(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::SRem, lhs, rhs)
    }
    fn frem(&mut self, lhs: Value, rhs: Value) -> Value {
        self.frem_impl(lhs, rhs)
    }
    fn frem_fast(&mut self, lhs: Value, rhs: Value) -> Value {
        self.frem_impl(lhs, rhs)
    }
    fn frem_algebraic(&mut self, lhs: Value, rhs: Value) -> Value {
        self.frem_impl(lhs, rhs)
    }
    fn shl(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::Shl, lhs, rhs)
    }
    fn lshr(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::LShr, lhs, rhs)
    }
    fn ashr(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::AShr, lhs, rhs)
    }
    fn and(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::And, lhs, rhs)
    }
    fn or(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::Or, lhs, rhs)
    }
    fn xor(&mut self, lhs: Value, rhs: Value) -> Value {
        self.int_op(IntOp::Xor, lhs, rhs)
    }
    fn neg(&mut self, v: Value) -> Value {
        let ty = self.cx.value_type(v);
        let zero = self.cx.const_int(ty, 0);
        self.int_op(IntOp::Sub, zero, v)
    }
    fn fneg(&mut self, v: Value) -> Value {
        let ty = self.cx.value_type(v);
        let x = self.val(v);
        let ct = self.cx.clif_type(ty);
        let r = if ct == clty::F16 || ct == clty::F128 {
            // Cranelift has no f16/f128 `fneg` on x86_64: flip the sign bit.
            let it = clty::Type::int(ct.bits() as u16).expect("integer twin of a float");
            self.ins(|c| {
                let bits = c.ins().bitcast(it, MemFlagsData::new(), x);
                let sign = if it == clty::I128 {
                    let lo = c.ins().iconst(clty::I64, 0);
                    let hi = c.ins().iconst(clty::I64, i64::MIN);
                    c.ins().iconcat(lo, hi)
                } else {
                    c.ins().iconst(it, 0x8000)
                };
                let flipped = c.ins().bxor(bits, sign);
                c.ins().bitcast(ct, MemFlagsData::new(), flipped)
            })
        } else {
            self.ins(|c| c.ins().fneg(x))
        };
        self.new_value(r, ty)
    }
    fn not(&mut self, v: Value) -> Value {
        let ty = self.cx.value_type(v);
        // i1 lives in an i8 holding 0 or 1, so its negation is an xor with 1.
        let ones = if ty == Type::I1 {
            self.cx.const_int(ty, 1)
        } else {
            self.cx.const_int(ty, u128::MAX)
        };
        if matches!(self.cx.type_data(ty), TypeData::Vector { .. }) {
            let x = self.val(v);
            let r = self.ins(|c| c.ins().bnot(x));
            return self.new_value(r, ty);
        }
        self.int_op(IntOp::Xor, v, ones)
    }

    fn checked_binop(
        &mut self,
        oop: OverflowOp,
        ty: Ty<'tcx>,
        lhs: Value,
        rhs: Value,
    ) -> (Value, Value) {
        crate::intrinsic::checked_binop(self, oop, ty, lhs, rhs)
    }

    fn from_immediate(&mut self, val: Value) -> Value {
        if self.cx.value_type(val) == Type::I1 { self.cx.retype(val, Type::I8) } else { val }
    }

    fn to_immediate_scalar(&mut self, val: Value, scalar: abi::Scalar) -> Value {
        if scalar.is_bool() { self.cx.retype(val, Type::I1) } else { val }
    }

    fn alloca(&mut self, size: Size, align: Align) -> Value {
        let align = align.bytes().max(1);
        if align <= 16 {
            let slot = self.with_func(|fs| {
                fs.func.create_sized_stack_slot(StackSlotData::new(
                    StackSlotKind::ExplicitSlot,
                    size.bytes() as u32,
                    align.trailing_zeros() as u8,
                ))
            });
            return self.cx.local_value(LocalData::StackAddr { slot, ty: Type::PTR });
        }
        // Cranelift only guarantees the ABI stack alignment: over-allocate and realign at the
        // top of the entry block, so the address dominates every use.
        let ptr = self.cx.pointer_clif_type();
        let v = self.with_func(|fs| {
            let slot = fs.func.create_sized_stack_slot(StackSlotData::new(
                StackSlotKind::ExplicitSlot,
                (size.bytes() + align) as u32,
                4,
            ));
            let entry = fs.func.layout.entry_block().unwrap();
            let mut cur = FuncCursor::new(&mut fs.func).at_first_insertion_point(entry);
            let base = cur.ins().stack_addr(ptr, slot, 0);
            let bumped = cur.ins().iadd_imm_s(base, align as i64 - 1);
            cur.ins().band_imm_s(bumped, -(align as i64))
        });
        self.new_value(v, Type::PTR)
    }

    fn alloca_with_ty(&mut self, layout: TyAndLayout<'tcx>) -> Value {
        self.alloca(layout.size, layout.align.abi)
    }

    fn load(&mut self, ty: Type, ptr: Value, align: Align) -> Value {
        let p = self.val(ptr);
        self.load_typed(ty, p, 0, align)
    }

    fn volatile_load(&mut self, ty: Type, ptr: Value) -> Value {
        self.with_func(|fs| fs.has_volatile = true);
        let p = self.val(ptr);
        self.volatile = true;
        let v = self.load_typed(ty, p, 0, Align::ONE);
        self.volatile = false;
        v
    }

    fn atomic_load(&mut self, ty: Type, ptr: Value, _order: AtomicOrdering, _size: Size) -> Value {
        let p = self.val(ptr);
        let ct = self.cx.clif_type(ty);
        let flags = self.mem_flags(MemFlagsData::trusted());
        let (lt, is_float) = if ct.is_float() {
            (ir::Type::int(ct.bits() as u16).unwrap(), true)
        } else {
            (ct, false)
        };
        let r = self.ins(|c| {
            let r = c.ins().atomic_load(lt, flags, p);
            if is_float { c.ins().bitcast(ct, MemFlagsData::new(), r) } else { r }
        });
        self.new_value(r, ty)
    }

    fn load_operand(&mut self, place: PlaceRef<'tcx, Value>) -> OperandRef<'tcx, Value> {
        if place.layout.is_zst() {
            return OperandRef::zero_sized(place.layout);
        }
        let val = if place.val.llextra.is_some() {
            OperandValue::Ref(place.val)
        } else if self.cx.is_backend_immediate(place.layout) {
            let llty = self.cx.backend_type(place.layout);
            let load = self.load(llty, place.val.llval, place.val.align);
            OperandValue::Immediate(match place.layout.backend_repr {
                BackendRepr::Scalar(s) => self.to_immediate_scalar(load, s),
                _ => load,
            })
        } else if let BackendRepr::ScalarPair(a, b) = place.layout.backend_repr {
            let b_offset = a.size(self).align_to(b.align(self).abi);
            let p = self.val(place.val.llval);
            let ta = self.cx.scalar_pair_element_backend_type(place.layout, 0, false);
            let tb = self.cx.scalar_pair_element_backend_type(place.layout, 1, false);
            let va = self.load_typed(ta, p, 0, place.val.align);
            let vb = self.load_typed(
                tb,
                p,
                b_offset.bytes(),
                place.val.align.restrict_for_offset(b_offset),
            );
            let va = self.to_immediate_scalar(va, a);
            let vb = self.to_immediate_scalar(vb, b);
            OperandValue::Pair(va, vb)
        } else {
            OperandValue::Ref(place.val)
        };
        OperandRef { val, layout: place.layout, move_annotation: None }
    }

    fn write_operand_repeatedly(
        &mut self,
        elem: OperandRef<'tcx, Value>,
        count: u64,
        dest: PlaceRef<'tcx, Value>,
    ) {
        let elem_size = elem.layout.size.bytes();
        if count == 0 || elem_size == 0 {
            return;
        }
        let align = dest.val.align.restrict_for_offset(elem.layout.size);
        // Small repeats are unrolled; the rest is a counted loop with block parameters.
        if count <= 8 {
            for i in 0..count {
                let off = self.cx.const_usize(i * elem_size);
                let p = self.inbounds_ptradd(dest.val.llval, off);
                elem.val.store(
                    self,
                    PlaceRef::new_sized_aligned(
                        p,
                        elem.layout,
                        if i == 0 { dest.val.align } else { align },
                    ),
                );
            }
            return;
        }
        let ptr_ty = self.cx.pointer_clif_type();
        let start = self.val(dest.val.llval);
        let header = self.new_block();
        let body = self.new_block();
        let exit = self.new_block();
        self.with_func(|fs| {
            fs.func.dfg.append_block_param(header, ptr_ty);
            fs.func.dfg.append_block_param(body, ptr_ty);
        });
        let end = self.ins(|c| c.ins().iadd_imm_s(start, (count * elem_size) as i64));
        self.ins(|c| c.ins().jump(header, &[BlockArg::Value(start)]));
        self.bb.block = header;
        let cur = self.with_func(|fs| fs.func.dfg.block_params(header)[0]);
        self.ins(|c| {
            let done = c.ins().icmp(IntCC::Equal, cur, end);
            c.ins().brif(done, exit, &[], body, &[BlockArg::Value(cur)]);
        });
        self.bb.block = body;
        let p = self.with_func(|fs| fs.func.dfg.block_params(body)[0]);
        let pv = self.new_value(p, Type::PTR);
        elem.val.store(self, PlaceRef::new_sized_aligned(pv, elem.layout, align));
        self.ins(|c| {
            let next = c.ins().iadd_imm_s(p, elem_size as i64);
            c.ins().jump(header, &[BlockArg::Value(next)]);
        });
        self.bb.block = exit;
    }

    fn range_metadata(&mut self, _load: Value, _range: WrappingRange) {}
    fn nonnull_metadata(&mut self, _load: Value) {}

    fn store(&mut self, val: Value, ptr: Value, align: Align) -> Value {
        self.store_with_flags(val, ptr, align, MemFlags::empty())
    }

    fn store_with_flags(&mut self, val: Value, ptr: Value, align: Align, flags: MemFlags) -> Value {
        let align = if flags.contains(MemFlags::UNALIGNED) { Align::ONE } else { align };
        if flags.contains(MemFlags::VOLATILE) {
            self.with_func(|fs| fs.has_volatile = true);
        }
        let p = self.val(ptr);
        self.store_typed(val, p, 0, align);
        self.cx.local_value(LocalData::Void)
    }

    fn atomic_store(&mut self, val: Value, ptr: Value, _order: AtomicOrdering, _size: Size) {
        let p = self.val(ptr);
        let mut v = self.val(val);
        let ty = self.cx.value_type(val);
        let ct = self.cx.clif_type(ty);
        if ct.is_float() {
            let it = ir::Type::int(ct.bits() as u16).unwrap();
            v = self.ins(|c| c.ins().bitcast(it, MemFlagsData::new(), v));
        }
        let flags = self.mem_flags(MemFlagsData::trusted());
        self.ins(|c| c.ins().atomic_store(flags, v, p));
    }

    fn gep(&mut self, ty: Type, ptr: Value, indices: &[Value]) -> Value {
        self.inbounds_gep(ty, ptr, indices)
    }

    fn inbounds_gep(&mut self, ty: Type, ptr: Value, indices: &[Value]) -> Value {
        let mut cur_ty = ty;
        let mut result = ptr;
        for (i, &idx) in indices.iter().enumerate() {
            let (stride_ty, next_ty) = if i == 0 {
                (ty, ty)
            } else {
                match self.cx.type_data(cur_ty) {
                    TypeData::Struct { fields, .. } => {
                        let f = self.cx.const_int_bits(idx).expect("struct gep with variable index")
                            as usize;
                        let off = self.cx.types().info(cur_ty).field_offsets[f];
                        let offv = self.cx.const_usize(off);
                        result = self.ptr_offset(result, offv, 1);
                        cur_ty = fields[f];
                        continue;
                    }
                    TypeData::Array { elem, .. } | TypeData::Vector { elem, .. } => (elem, elem),
                    d => bug!("gep into {d:?}"),
                }
            };
            let stride = self.cx.type_size(stride_ty);
            result = self.ptr_offset(result, idx, stride);
            cur_ty = next_ty;
        }
        result
    }

    fn trunc(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_resize(val, dest_ty, false)
    }
    fn sext(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_resize(val, dest_ty, true)
    }
    fn zext(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_resize(val, dest_ty, false)
    }
    fn fptoui_sat(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, false)
    }
    fn fptosi_sat(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, true)
    }
    fn fptoui(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, false)
    }
    fn fptosi(&mut self, val: Value, dest_ty: Type) -> Value {
        self.float_to_int(val, dest_ty, true)
    }
    fn uitofp(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_to_float(val, dest_ty, false)
    }
    fn sitofp(&mut self, val: Value, dest_ty: Type) -> Value {
        self.int_to_float(val, dest_ty, true)
    }
    fn fptrunc(&mut self, val: Value, dest_ty: Type) -> Value {
        crate::intrinsic::float_resize(self, val, dest_ty)
    }
    fn fpext(&mut self, val: Value, dest_ty: Type) -> Value {
        crate::intrinsic::float_resize(self, val, dest_ty)
    }
    fn ptrtoint(&mut self, val: Value, dest_ty: Type) -> Value {
        let v = self.cx.retype(val, Type::I64);
        self.int_resize(v, dest_ty, false)
    }
    fn inttoptr(&mut self, val: Value, dest_ty: Type) -> Value {
        let v = self.int_resize(val, Type::I64, false);
        self.cx.retype(v, dest_ty)
    }
    fn bitcast(&mut self, val: Value, dest_ty: Type) -> Value {
        let src_ty = self.cx.value_type(val);
        if src_ty == dest_ty {
            return val;
        }
        if self.cx.is_split_vector(src_ty) || self.cx.is_split_vector(dest_ty) {
            let (dpart, dcount) = self.cx.vector_parts(dest_ty);
            let parts = self.vector_part_values(val);
            assert_eq!(parts.len(), dcount as usize, "bitcast between differently split vectors");
            let parts: Vec<Value> = parts.iter().map(|&p| self.bitcast(p, dpart)).collect();
            return self.vector_from_parts(dest_ty, parts);
        }
        let (sc, dc) = (self.cx.clif_type(src_ty), self.cx.clif_type(dest_ty));
        if sc == dc {
            if let Some(c) = self.cx.const_data(val) {
                if let ConstData::Float { bits, .. } = c {
                    return self.cx.const_int(dest_ty, bits);
                }
                if let ConstData::Int { bits, .. } = c
                    && self.cx.is_float_type(dest_ty)
                {
                    return self.cx.const_value(ConstData::Float { ty: dest_ty, bits });
                }
            }
            return self.cx.retype(val, dest_ty);
        }
        if let (Some(ConstData::Float { bits, .. }), false) =
            (self.cx.const_data(val), dc.is_float() || dc.is_vector())
        {
            return self.cx.const_int(dest_ty, bits);
        }
        if let (Some(ConstData::Int { bits, .. }), true) =
            (self.cx.const_data(val), self.cx.is_float_type(dest_ty))
        {
            return self.cx.const_value(ConstData::Float { ty: dest_ty, bits });
        }
        let x = self.val(val);
        if self.cx.is_narrow_vector(src_ty) && !dc.is_vector() {
            let i = self.narrow_vector_to_int(x, self.cx.type_size(src_ty));
            let it = self.with_func(|fs| fs.func.dfg.value_type(i));
            let r = if it == dc {
                i
            } else {
                self.ins(|c| c.ins().bitcast(dc, MemFlagsData::new(), i))
            };
            return self.new_value(r, dest_ty);
        }
        if self.cx.is_narrow_vector(dest_ty) && !sc.is_vector() {
            let it = ir::Type::int(sc.bits() as u16).unwrap();
            let i = if it == sc {
                x
            } else {
                self.ins(|c| c.ins().bitcast(it, MemFlagsData::new(), x))
            };
            let r = self.narrow_vector_from_int(dc, i);
            return self.new_value(r, dest_ty);
        }
        let flags = if sc.is_vector() || dc.is_vector() {
            MemFlagsData::new().with_endianness(ir::Endianness::Little)
        } else {
            MemFlagsData::new()
        };
        let r = self.ins(|c| c.ins().bitcast(dc, flags, x));
        self.new_value(r, dest_ty)
    }
    fn intcast(&mut self, val: Value, dest_ty: Type, is_signed: bool) -> Value {
        self.int_resize(val, dest_ty, is_signed)
    }
    fn pointercast(&mut self, val: Value, dest_ty: Type) -> Value {
        self.cx.retype(val, dest_ty)
    }

    fn icmp(&mut self, op: IntPredicate, lhs: Value, rhs: Value) -> Value {
        let cc = int_cc(op);
        let ty = self.cx.value_type(lhs);
        if let (Some(x), Some(y)) = (self.cx.const_int_bits(lhs), self.cx.const_int_bits(rhs)) {
            let bits = if ty == Type::PTR { 64 } else { self.cx.int_bits(ty) };
            return self.cx.const_bool(const_fold::int_compare(op, bits, x, y));
        }
        let (x, y) = (self.val(lhs), self.val(rhs));
        let r = self.ins(|c| c.ins().icmp(cc, x, y));
        self.new_value(r, Type::I1)
    }

    fn fcmp(&mut self, op: RealPredicate, lhs: Value, rhs: Value) -> Value {
        let Some(cc) = float_cc(op) else {
            return self.cx.const_bool(matches!(op, RealPredicate::RealPredicateTrue));
        };
        let ty = self.cx.value_type(lhs);
        let ct = self.cx.clif_type(ty);
        let (x, y) = (self.val(lhs), self.val(rhs));
        if ct == clty::F16 || ct == clty::F128 {
            let r = crate::intrinsic::soft_fcmp(self, cc, ct, x, y);
            return self.new_value(r, Type::I1);
        }
        let r = self.ins(|c| c.ins().fcmp(cc, x, y));
        self.new_value(r, Type::I1)
    }

    fn memcpy(
        &mut self,
        dst: Value,
        _dst_align: Align,
        src: Value,
        _src_align: Align,
        size: Value,
        flags: MemFlags,
        _tt: Option<rustc_ast::expand::typetree::FncTree>,
    ) {
        if flags.contains(MemFlags::VOLATILE) {
            self.with_func(|fs| fs.has_volatile = true);
        }
        if let Some(n) = self.cx.const_int_bits(size) {
            if n == 0 {
                return;
            }
            if n <= 64 {
                let (d, s) = (self.val(dst), self.val(src));
                self.inline_copy(d, s, n as u64);
                return;
            }
        }
        let (d, s, n) = (self.val(dst), self.val(src), self.val(size));
        self.call_mem_fn("memcpy", &[d, s, n]);
    }

    fn memmove(
        &mut self,
        dst: Value,
        _dst_align: Align,
        src: Value,
        _src_align: Align,
        size: Value,
        flags: MemFlags,
    ) {
        if flags.contains(MemFlags::VOLATILE) {
            self.with_func(|fs| fs.has_volatile = true);
        }
        if self.cx.const_int_bits(size) == Some(0) {
            return;
        }
        let (d, s, n) = (self.val(dst), self.val(src), self.val(size));
        self.call_mem_fn("memmove", &[d, s, n]);
    }

    fn memset(
        &mut self,
        ptr: Value,
        fill_byte: Value,
        size: Value,
        _align: Align,
        flags: MemFlags,
    ) {
        if flags.contains(MemFlags::VOLATILE) {
            self.with_func(|fs| fs.has_volatile = true);
        }
        if self.cx.const_int_bits(size) == Some(0) {
            return;
        }
        let p = self.val(ptr);
        let b = self.val(fill_byte);
        let b = self.ins(|c| c.ins().uextend(clty::I32, b));
        let n = self.val(size);
        self.call_mem_fn("memset", &[p, b, n]);
    }

    fn select(&mut self, cond: Value, then_val: Value, else_val: Value) -> Value {
        if let Some(b) = self.cx.const_int_bits(cond) {
            return if b != 0 { then_val } else { else_val };
        }
        let ty = self.cx.value_type(then_val);
        if matches!(self.cx.type_data(ty), TypeData::Struct { .. } | TypeData::Array { .. }) {
            let (a, b) = (self.agg_elems(then_val), self.agg_elems(else_val));
            let elems: Vec<Value> =
                a.iter().zip(b.iter()).map(|(&x, &y)| self.select(cond, x, y)).collect();
            return self.cx.local_value(LocalData::Agg { ty, elems: elems.into() });
        }
        let c = self.val(cond);
        let (x, y) = (self.val(then_val), self.val(else_val));
        let r = self.ins(|cur| cur.ins().select(c, x, y));
        self.new_value(r, ty)
    }

    fn va_arg(&mut self, _list: Value, ty: Type) -> Value {
        let span = self.with_func(|fs| fs.span);
        crate::errors::unsupported(self.cx.tcx, span, "`va_arg` (C-variadic function definitions)");
        self.cx.const_undef(ty)
    }

    fn extract_element(&mut self, vec: Value, idx: Value) -> Value {
        let Some(i) = self.cx.const_int_bits(idx) else {
            // cg_ssa only extracts constant lanes; dynamic ones go through
            // `SimdBuilderMethods::simd_extract_dyn`.
            bug!("extract_element with a dynamic index")
        };
        self.extract_lane(vec, i as u64)
    }

    fn vector_splat(&mut self, num_elts: usize, elt: Value) -> Value {
        let ety = self.cx.value_type(elt);
        let ty = self.cx.type_vector(ety, num_elts as u64);
        let (part, count) =
            if self.cx.is_split_vector(ty) { self.cx.vector_parts(ty) } else { (ty, 1) };
        let ct = self.cx.clif_type(part);
        let x = self.val(elt);
        let r = self.ins(|c| c.ins().splat(ct, x));
        let r = self.new_value(r, part);
        if count == 1 { r } else { self.vector_from_parts(ty, vec![r; count as usize]) }
    }

    fn extract_value(&mut self, agg_val: Value, idx: u64) -> Value {
        self.agg_elems(agg_val)[idx as usize]
    }

    fn insert_value(&mut self, agg_val: Value, elt: Value, idx: u64) -> Value {
        let ty = self.cx.value_type(agg_val);
        let mut elems = self.agg_elems(agg_val);
        elems[idx as usize] = elt;
        self.cx.local_value(LocalData::Agg { ty, elems })
    }

    fn set_personality_fn(&mut self, _personality: FuncId) {}

    fn cleanup_landing_pad(&mut self, pers_fn: FuncId) -> (Value, Value) {
        crate::eh::cleanup_landing_pad(self, pers_fn)
    }

    fn filter_landing_pad(&mut self, pers_fn: FuncId) {
        crate::eh::filter_landing_pad(self, pers_fn)
    }

    fn resume(&mut self, exn0: Value, exn1: Value) {
        crate::eh::resume(self, exn0, exn1)
    }

    fn cleanup_pad(&mut self, _parent: Option<Value>, _args: &[Value]) {
        bug!("funclet-based unwinding is not used on ELF targets")
    }
    fn cleanup_ret(&mut self, _funclet: &(), _unwind: Option<BasicBlock>) {
        bug!("funclet-based unwinding is not used on ELF targets")
    }
    fn catch_pad(&mut self, _parent: Value, _args: &[Value]) {
        bug!("funclet-based unwinding is not used on ELF targets")
    }
    fn catch_switch(
        &mut self,
        _parent: Option<Value>,
        _unwind: Option<BasicBlock>,
        _handlers: &[BasicBlock],
    ) -> Value {
        bug!("funclet-based unwinding is not used on ELF targets")
    }
    fn get_funclet_cleanuppad(&self, _funclet: &()) -> Value {
        bug!("funclet-based unwinding is not used on ELF targets")
    }

    fn atomic_cmpxchg(
        &mut self,
        dst: Value,
        cmp: Value,
        src: Value,
        _order: AtomicOrdering,
        _failure_order: AtomicOrdering,
        _weak: bool,
    ) -> (Value, Value) {
        let ty = self.cx.value_type(cmp);
        let p = self.val(dst);
        let (e, r) = (self.val(cmp), self.val(src));
        let flags = self.mem_flags(MemFlagsData::trusted());
        let (old, ok) = self.ins(|c| {
            let old = c.ins().atomic_cas(flags, p, e, r);
            let ok = c.ins().icmp(IntCC::Equal, old, e);
            (old, ok)
        });
        (self.new_value(old, ty), self.new_value(ok, Type::I1))
    }

    fn atomic_rmw(
        &mut self,
        op: AtomicRmwBinOp,
        dst: Value,
        src: Value,
        _order: AtomicOrdering,
        ret_ptr: bool,
    ) -> Value {
        let ty = self.cx.value_type(src);
        let ct = self.cx.clif_type(ty);
        let p = self.val(dst);
        let x = self.val(src);
        let op = match op {
            AtomicRmwBinOp::AtomicXchg => AtomicRmwOp::Xchg,
            AtomicRmwBinOp::AtomicAdd => AtomicRmwOp::Add,
            AtomicRmwBinOp::AtomicSub => AtomicRmwOp::Sub,
            AtomicRmwBinOp::AtomicAnd => AtomicRmwOp::And,
            AtomicRmwBinOp::AtomicNand => AtomicRmwOp::Nand,
            AtomicRmwBinOp::AtomicOr => AtomicRmwOp::Or,
            AtomicRmwBinOp::AtomicXor => AtomicRmwOp::Xor,
            AtomicRmwBinOp::AtomicMax => AtomicRmwOp::Smax,
            AtomicRmwBinOp::AtomicMin => AtomicRmwOp::Smin,
            AtomicRmwBinOp::AtomicUMax => AtomicRmwOp::Umax,
            AtomicRmwBinOp::AtomicUMin => AtomicRmwOp::Umin,
        };
        let flags = self.mem_flags(MemFlagsData::trusted());
        let r = self.ins(|c| c.ins().atomic_rmw(ct, flags, op, p, x));
        self.new_value(r, if ret_ptr { Type::PTR } else { ty })
    }

    fn atomic_fence(&mut self, _order: AtomicOrdering, scope: SynchronizationScope) {
        match scope {
            SynchronizationScope::CrossThread => self.ins(|c| c.ins().fence()),
            // `compiler_fence`: no instruction, but Cranelift moves and merges no memory
            // access across a sequence point (its alias analysis takes it as a fence).
            SynchronizationScope::SingleThread => self.ins(|c| c.ins().sequence_point()),
        };
    }

    fn set_invariant_load(&mut self, _load: Value) {}
    fn lifetime_start(&mut self, _ptr: Value, _size: Size) {}
    fn lifetime_end(&mut self, _ptr: Value, _size: Size) {}

    fn call(
        &mut self,
        llty: FnSig,
        _caller_attrs: Option<&CodegenFnAttrs>,
        fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
        fn_val: Value,
        args: &[Value],
        _funclet: Option<&()>,
        _callee_instance: Option<Instance<'tcx>>,
    ) -> Value {
        let (results, ret) = self.lower_call(llty, fn_abi, fn_val, args, None, None);
        self.cx.value_from_natives(ret, &results)
    }

    fn tail_call(
        &mut self,
        llty: FnSig,
        caller_attrs: Option<&CodegenFnAttrs>,
        fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        llfn: Value,
        args: &[Value],
        funclet: Option<&()>,
        callee_instance: Option<Instance<'tcx>>,
    ) {
        // Cranelift's `return_call` needs its `tail` calling convention on both sides, and
        // Rust functions use the platform's. A call and a return would drop `become`'s
        // guarantee of constant stack use, silently: an error says so instead.
        let span = self.with_func(|fs| fs.span);
        crate::errors::unsupported(self.cx.tcx, span, "explicit tail calls (`become`)");
        let r = self.call(llty, caller_attrs, Some(fn_abi), llfn, args, funclet, callee_instance);
        if self.cx.value_type(r) == Type::VOID { self.ret_void() } else { self.ret(r) }
    }

    fn apply_attrs_to_cleanup_callsite(&mut self, _llret: Value) {}
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// `ptr + idx * stride`, folded for constant symbol addresses.
    fn ptr_offset(&mut self, ptr: Value, idx: Value, stride: u64) -> Value {
        let ptr_ty = self.cx.value_type(ptr);
        if let Some(i) = self.cx.const_int_bits(idx) {
            let off = (i as i64).wrapping_mul(stride as i64);
            if off == 0 {
                return ptr;
            }
            if let Some(ConstData::SymAddr { sym, offset, ty }) = self.cx.const_data(ptr) {
                return self.cx.const_value(ConstData::SymAddr { sym, offset: offset + off, ty });
            }
            if let Some(bits) = self.cx.const_int_bits(ptr) {
                return self.cx.const_int(ptr_ty, (bits as i64).wrapping_add(off) as u128);
            }
            let p = self.val(ptr);
            let r = self.ins(|c| c.ins().iadd_imm_s(p, off));
            return self.new_value(r, ptr_ty);
        }
        let p = self.val(ptr);
        let mut i = self.val(idx);
        let it = self.with_func(|fs| fs.func.dfg.value_type(i));
        if it.bits() < 64 {
            i = self.ins(|c| c.ins().sextend(clty::I64, i));
        } else if it.bits() > 64 {
            i = self.ins(|c| c.ins().ireduce(clty::I64, i));
        }
        let r = self.ins(|c| {
            let scaled = if stride == 1 { i } else { c.ins().imul_imm_s(i, stride as i64) };
            c.ins().iadd(p, scaled)
        });
        self.new_value(r, ptr_ty)
    }

    fn inline_copy(&mut self, dst: ir::Value, src: ir::Value, n: u64) {
        let flags = self.mem_flags(MemFlagsData::new().with_notrap());
        let mut off = 0u64;
        while off < n {
            let chunk = [8u64, 4, 2, 1].into_iter().find(|&c| c <= n - off).unwrap();
            let t = ir::Type::int((chunk * 8) as u16).unwrap();
            let o = off as i32;
            self.ins(|c| {
                let v = c.ins().load(t, flags, src, o);
                c.ins().store(flags, v, dst, o);
            });
            off += chunk;
        }
    }
}

use rustc_middle::ty::AtomicOrdering;
