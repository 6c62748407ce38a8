//! `BuilderMethods` on Cranelift IR.
//!
//! cg_ssa keeps several builders alive at once (landing pads are built while the block that
//! needs them is unfinished), so there is no `FunctionBuilder`: each function's
//! `ir::Function` lives in the cx and every operation appends at the bottom of the
//! builder's block through a short-lived cursor.

use std::ops::Deref;

use cranelift_codegen::cursor::{Cursor, FuncCursor};
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, AtomicRmwOp, BlockArg, BlockCall, InstBuilder, JumpTableData, MemFlagsData,
    StackSlotData, StackSlotKind, TrapCode, types as clty,
};
use cranelift_module::{DataId, FuncId, Module};
use rustc_abi::{self as abi, Align, BackendRepr, Size, WrappingRange};
use rustc_codegen_ssa::MemFlags;
use rustc_codegen_ssa::common::{
    AtomicRmwBinOp, IntPredicate, RealPredicate, SynchronizationScope,
};
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa_ext::eh::lsda::Action;
use rustc_codegen_ssa_ext::libcalls;
use rustc_data_structures::fx::FxHashMap;
use rustc_hir::def_id::DefId;
use rustc_middle::bug;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::layout::{
    FnAbiError, FnAbiOfHelpers, FnAbiRequest, HasTyCtxt, HasTypingEnv, LayoutError,
    LayoutOfHelpers, TyAndLayout,
};
use rustc_middle::ty::{self, Instance, Ty, TyCtxt};
use rustc_span::{DUMMY_SP, Span};
use rustc_target::callconv::FnAbi;
use rustc_target::spec::{HasTargetSpec, HasX86AbiOpt, Target, X86Abi};
use smallvec::SmallVec;

use crate::abi::FnSig;
use crate::context::{BasicBlock, CodegenCx};
use crate::types::{Type, TypeData};
use crate::value::{ConstData, LocalData, Sym, Value, ValueKind};

/// A function whose body is under construction.
pub struct FunctionState {
    pub func: ir::Function,
    func_refs: FxHashMap<FuncId, ir::FuncRef>,
    data_refs: FxHashMap<DataId, ir::GlobalValue>,
    sig_refs: FxHashMap<FnSig, ir::SigRef>,
    /// Set when the body contains volatile accesses, which Cranelift's optimizer does
    /// not know about: such functions are compiled without optimizations.
    pub has_volatile: bool,
    pub span: Span,
    /// Blocks made landing pads by `cleanup_landing_pad`/`filter_landing_pad`, and how the
    /// personality should treat them.
    pub landing_pads: FxHashMap<ir::Block, Action>,
    /// The byte [`Builder::call_return_marker`] writes to.
    return_marker: Option<ir::StackSlot>,
}

pub struct Builder<'a, 'tcx> {
    pub cx: &'a CodegenCx<'tcx>,
    pub bb: BasicBlock,
    /// The source location (an index of the CGU's debug locations) of what is emitted
    /// now; default when there is no debug info.
    pub loc: ir::SourceLoc,
    /// Set while a volatile access is emitted: its loads may trap, so that Cranelift never
    /// drops one whose value is unused (a volatile read is an effect of its own).
    volatile: bool,
}

impl<'a, 'tcx> Deref for Builder<'a, 'tcx> {
    type Target = CodegenCx<'tcx>;
    fn deref(&self) -> &CodegenCx<'tcx> {
        self.cx
    }
}

type Leaves = SmallVec<[ir::Value; 4]>;

#[derive(Copy, Clone, Debug)]
enum IntOp {
    Add,
    Sub,
    Mul,
    UDiv,
    SDiv,
    URem,
    SRem,
    Shl,
    LShr,
    AShr,
    And,
    Or,
    Xor,
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn fn_sig_of(&self, f: FuncId) -> FnSig {
        self.fn_sigs.borrow()[&f]
    }

    /// Creates the body of `f` with its entry block.
    fn start_body(&self, f: FuncId) -> ir::Block {
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
            self.tcx.dcx().err(format!(
                "`{name}` takes a vector aggregate on the stack (AAPCS64: more vectors than SIMD \
                 registers), which is not yet supported by the Cranelift backend"
            ));
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

    fn block_call(&self, block: ir::Block, args: &[ir::Value]) -> BlockCall {
        self.with_func(|fs| {
            BlockCall::new(
                block,
                args.iter().map(|&a| BlockArg::Value(a)),
                &mut fs.func.dfg.value_lists,
            )
        })
    }

    fn mem_flags(&self, data: MemFlagsData) -> MemFlagsData {
        data
    }

    fn access_flags(&self, size: u64, align: Align) -> MemFlagsData {
        let data = if self.volatile {
            MemFlagsData::new()
        } else if align.bytes() >= size {
            MemFlagsData::trusted()
        } else {
            MemFlagsData::new().with_notrap()
        };
        self.mem_flags(data)
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

    fn sig_ref(&self, s: FnSig) -> ir::SigRef {
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

    /// The single Cranelift value of a scalar `v`, materializing constants here.
    pub fn val(&mut self, v: Value) -> ir::Value {
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Ssa { val, .. }) => val,
            ValueKind::Local(LocalData::StackAddr { slot, .. }) => {
                let ptr = self.cx.pointer_clif_type();
                self.ins(|c| c.ins().stack_addr(ptr, slot, 0))
            }
            ValueKind::Local(l) => bug!("{l:?} is not a scalar value"),
            ValueKind::Const(c) => self.materialize(&c),
        }
    }

    fn materialize(&mut self, c: &ConstData) -> ir::Value {
        match *c {
            ConstData::Int { ty, bits } => {
                let ct = self.cx.clif_type(ty);
                if ct.is_vector() {
                    let mut bytes = bits.to_le_bytes()[..self.cx.type_size(ty) as usize].to_vec();
                    bytes.resize(ct.bytes() as usize, 0);
                    let handle = self.with_func(|fs| fs.func.dfg.constants.insert(bytes.into()));
                    return self.ins(|c| c.ins().vconst(ct, handle));
                }
                self.iconst(ct, bits)
            }
            ConstData::Float { ty, bits } => match ty {
                Type::F32 => self.ins(|c| c.ins().f32const(f32::from_bits(bits as u32))),
                Type::F64 => self.ins(|c| c.ins().f64const(f64::from_bits(bits as u64))),
                Type::F16 => {
                    let i = self.iconst(clty::I16, bits);
                    self.ins(|c| c.ins().bitcast(clty::F16, MemFlagsData::new(), i))
                }
                _ => {
                    let i = self.iconst(clty::I128, bits);
                    self.ins(|c| c.ins().bitcast(clty::F128, MemFlagsData::new(), i))
                }
            },
            ConstData::Undef { ty } => self.zero_of(ty),
            ConstData::SymAddr { sym, offset, .. } => {
                let ptr = self.cx.pointer_clif_type();
                let base = match sym {
                    Sym::Func(f) => {
                        let r = self.func_ref(f);
                        self.ins(|c| c.ins().func_addr(ptr, r))
                    }
                    Sym::Data(d) => {
                        let gv = self.data_ref(d);
                        if self.cx.module.borrow().declarations().get_data_decl(d).tls {
                            self.ins(|c| c.ins().tls_value(ptr, gv))
                        } else {
                            self.ins(|c| c.ins().symbol_value(ptr, gv))
                        }
                    }
                };
                if offset == 0 { base } else { self.ins(|c| c.ins().iadd_imm_s(base, offset)) }
            }
            ConstData::Agg { ty, ref elems } => {
                let TypeData::Vector { .. } = self.cx.type_data(ty) else {
                    bug!("aggregate constant used as a scalar")
                };
                self.vector_const(ty, elems)
            }
        }
    }

    /// A constant vector: lanes that are all known go through the constant pool, others
    /// are inserted lane by lane.
    fn vector_const(&mut self, ty: Type, elems: &[Value]) -> ir::Value {
        let ct = self.cx.clif_type(ty);
        let lane_bytes = ct.lane_type().bytes() as usize;
        let mut bytes = Vec::with_capacity(ct.bytes() as usize);
        let mut dynamic = Vec::new();
        for (i, &e) in elems.iter().enumerate() {
            let bits = match self.cx.const_data(e) {
                Some(ConstData::Int { bits, .. }) | Some(ConstData::Float { bits, .. }) => bits,
                Some(ConstData::Undef { .. }) => 0,
                _ => {
                    dynamic.push((i, e));
                    0
                }
            };
            bytes.extend_from_slice(&bits.to_le_bytes()[..lane_bytes]);
        }
        bytes.resize(ct.bytes() as usize, 0);
        let handle = self.with_func(|fs| fs.func.dfg.constants.insert(bytes.into()));
        let mut v = self.ins(|c| c.ins().vconst(ct, handle));
        for (i, e) in dynamic {
            let x = self.val(e);
            v = self.ins(|c| c.ins().insertlane(v, x, i as u8));
        }
        v
    }

    fn iconst(&mut self, ct: clty::Type, bits: u128) -> ir::Value {
        if ct == clty::I128 {
            let lo = self.ins(|c| c.ins().iconst(clty::I64, bits as u64 as i64));
            let hi = self.ins(|c| c.ins().iconst(clty::I64, (bits >> 64) as u64 as i64));
            self.ins(|c| c.ins().iconcat(lo, hi))
        } else {
            let mask = if ct.bits() >= 64 { u64::MAX } else { (1u64 << ct.bits()) - 1 };
            self.ins(|c| c.ins().iconst(ct, ((bits as u64) & mask) as i64))
        }
    }

    fn zero_of(&mut self, ty: Type) -> ir::Value {
        let ct = self.cx.clif_type(ty);
        if ct.is_vector() {
            let bytes = vec![0u8; ct.bytes() as usize];
            let handle = self.with_func(|fs| fs.func.dfg.constants.insert(bytes.into()));
            self.ins(|c| c.ins().vconst(ct, handle))
        } else if ct == clty::F32 {
            self.ins(|c| c.ins().f32const(0.0))
        } else if ct == clty::F64 {
            self.ins(|c| c.ins().f64const(0.0))
        } else if ct.is_float() {
            let i = self.iconst(ir::Type::int(ct.bits() as u16).unwrap(), 0);
            self.ins(|c| c.ins().bitcast(ct, MemFlagsData::new(), i))
        } else {
            self.iconst(ct, 0)
        }
    }

    /// The flattened Cranelift values of `v`, in the order calls and returns use.
    pub fn leaves(&mut self, v: Value, out: &mut Leaves) {
        let ty = self.cx.value_type(v);
        if matches!(self.cx.type_data(ty), TypeData::Vector { .. }) {
            if self.cx.is_split_vector(ty) {
                for p in self.vector_part_values(v).iter() {
                    self.leaves(*p, out);
                }
            } else {
                let x = self.val(v);
                out.push(x);
            }
            return;
        }
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Agg { elems, .. })
            | ValueKind::Const(ConstData::Agg { elems, .. }) => {
                for e in elems.iter() {
                    self.leaves(*e, out);
                }
            }
            ValueKind::Const(ConstData::Undef { ty }) if !self.cx.is_scalar_type(ty) => {
                let mut ts = Vec::new();
                self.cx.type_leaves(ty, 0, &mut ts);
                for (t, _) in ts {
                    let z = self.zero_of(t);
                    out.push(z);
                }
            }
            ValueKind::Local(LocalData::Void) => {}
            _ => {
                let x = self.val(v);
                out.push(x);
            }
        }
    }

    /// The 128-bit parts of a split vector value.
    pub fn vector_part_values(&mut self, v: Value) -> Box<[Value]> {
        let ty = self.cx.value_type(v);
        let (part, count) = self.cx.vector_parts(ty);
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Agg { elems, .. }) => elems,
            ValueKind::Const(ConstData::Agg { elems, .. }) => {
                let per = self.cx.vector_parts(ty).0;
                let per = match self.cx.type_data(per) {
                    TypeData::Vector { len, .. } => len as usize,
                    _ => unreachable!(),
                };
                let elem = self.cx.element_type(ty);
                (0..count as usize)
                    .map(|p| {
                        let lanes: Box<[Value]> = (p * per..(p + 1) * per)
                            .map(|i| {
                                elems.get(i).copied().unwrap_or_else(|| self.cx.const_undef(elem))
                            })
                            .collect();
                        self.cx.const_value(ConstData::Agg { ty: part, elems: lanes })
                    })
                    .collect()
            }
            ValueKind::Const(ConstData::Undef { .. }) => {
                (0..count).map(|_| self.cx.const_value(ConstData::Undef { ty: part })).collect()
            }
            k => bug!("vector parts of {k:?}"),
        }
    }

    pub fn vector_from_parts(&self, ty: Type, parts: Vec<Value>) -> Value {
        self.cx.local_value(LocalData::Agg { ty, elems: parts.into() })
    }

    pub(crate) fn new_value(&self, val: ir::Value, ty: Type) -> Value {
        self.cx.ssa(val, ty)
    }

    /// Elements of an aggregate value (expanding constant undef).
    fn agg_elems(&self, v: Value) -> Box<[Value]> {
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Agg { elems, .. })
            | ValueKind::Const(ConstData::Agg { elems, .. }) => elems,
            ValueKind::Const(ConstData::Undef { ty }) => match self.cx.type_data(ty) {
                TypeData::Struct { fields, .. } => {
                    fields.iter().map(|&f| self.cx.const_undef(f)).collect()
                }
                TypeData::Array { elem, len } => {
                    (0..len).map(|_| self.cx.const_undef(elem)).collect()
                }
                d => bug!("agg_elems of undef {d:?}"),
            },
            k => bug!("agg_elems of {k:?}"),
        }
    }

    // ---- integer arithmetic -------------------------------------------------------------

    fn fold_int(&self, op: IntOp, ty: Type, a: Value, b: Value) -> Option<Value> {
        let (x, y) = (self.cx.const_int_bits(a)?, self.cx.const_int_bits(b)?);
        let bits = self.cx.int_bits(ty);
        let sext = |v: u128| -> i128 {
            let s = 128 - bits;
            ((v << s) as i128) >> s
        };
        let r = match op {
            IntOp::Add => x.wrapping_add(y),
            IntOp::Sub => x.wrapping_sub(y),
            IntOp::Mul => x.wrapping_mul(y),
            IntOp::And => x & y,
            IntOp::Or => x | y,
            IntOp::Xor => x ^ y,
            IntOp::Shl if y < bits as u128 => x << y,
            IntOp::LShr if y < bits as u128 => x >> y,
            IntOp::AShr if y < bits as u128 => (sext(x) >> y) as u128,
            IntOp::UDiv if y != 0 => x / y,
            IntOp::URem if y != 0 => x % y,
            IntOp::SDiv if y != 0 => sext(x).checked_div(sext(y))? as u128,
            IntOp::SRem if y != 0 => sext(x).checked_rem(sext(y))? as u128,
            _ => return None,
        };
        Some(self.cx.const_int(ty, r))
    }

    fn int_op(&mut self, op: IntOp, a: Value, b: Value) -> Value {
        let ty = self.cx.value_type(a);
        let is_vec = matches!(self.cx.type_data(ty), TypeData::Vector { .. });
        if !is_vec {
            if let Some(v) = self.fold_int(op, ty, a, b) {
                return v;
            }
        }
        let ct = self.cx.clif_type(ty);
        if ct == clty::I128 && matches!(op, IntOp::UDiv | IntOp::SDiv | IntOp::URem | IntOp::SRem) {
            let name = rustc_codegen_ssa_ext::libcalls::i128_divrem(
                matches!(op, IntOp::SDiv | IntOp::SRem),
                matches!(op, IntOp::URem | IntOp::SRem),
            );
            let (x, y) = (self.val(a), self.val(b));
            let r = self.libcall(name, &[clty::I128, clty::I128], &[clty::I128], &[x, y]);
            return self.new_value(r[0], ty);
        }
        let (x, y) = (self.val(a), self.val(b));
        let r = self.ins(|c| {
            let i = c.ins();
            match op {
                IntOp::Add => i.iadd(x, y),
                IntOp::Sub => i.isub(x, y),
                IntOp::Mul => i.imul(x, y),
                IntOp::UDiv => i.udiv(x, y),
                IntOp::SDiv => i.sdiv(x, y),
                IntOp::URem => i.urem(x, y),
                IntOp::SRem => i.srem(x, y),
                IntOp::Shl => i.ishl(x, y),
                IntOp::LShr => i.ushr(x, y),
                IntOp::AShr => i.sshr(x, y),
                IntOp::And => i.band(x, y),
                IntOp::Or => i.bor(x, y),
                IntOp::Xor => i.bxor(x, y),
            }
        });
        self.new_value(r, ty)
    }

    /// Calls a runtime routine by symbol name with a plain signature.
    pub fn libcall(
        &mut self,
        name: &str,
        params: &[clty::Type],
        returns: &[clty::Type],
        args: &[ir::Value],
    ) -> SmallVec<[ir::Value; 2]> {
        let f = self.cx.declare_libcall(name, params, returns);
        let r = self.func_ref(f);
        self.ins(|c| {
            let call = c.ins().call(r, args);
            c.func.dfg.inst_results(call).iter().copied().collect()
        })
    }

    fn float_op(&mut self, a: Value, b: Value, op: &str) -> Value {
        let ty = self.cx.value_type(a);
        let (x, y) = (self.val(a), self.val(b));
        let ct = self.cx.clif_type(ty);
        if ct == clty::F16 {
            // As LLVM does on x86_64: in f32, which is exact for one f16 operation.
            let r = self.via_f32(&[x, y], |bx, v| {
                let (a, b) = (v[0], v[1]);
                bx.ins(|c| match op {
                    "add" => c.ins().fadd(a, b),
                    "sub" => c.ins().fsub(a, b),
                    "mul" => c.ins().fmul(a, b),
                    _ => c.ins().fdiv(a, b),
                })
            });
            return self.new_value(r, ty);
        }
        if ct == clty::F128 {
            let name = libcalls::float_binop(op, 128);
            let r = self.libcall(&name, &[ct, ct], &[ct], &[x, y]);
            return self.new_value(r[0], ty);
        }
        let r = self.ins(|c| match op {
            "add" => c.ins().fadd(x, y),
            "sub" => c.ins().fsub(x, y),
            "mul" => c.ins().fmul(x, y),
            "div" => c.ins().fdiv(x, y),
            _ => unreachable!(),
        });
        self.new_value(r, ty)
    }

    /// Computes an f16 operation in f32: widens `xs`, applies `f`, rounds back to f16.
    pub fn via_f32(
        &mut self,
        xs: &[ir::Value],
        f: impl FnOnce(&mut Self, &[ir::Value]) -> ir::Value,
    ) -> ir::Value {
        let wide: Vec<ir::Value> = xs
            .iter()
            .map(|&x| {
                self.libcall(&libcalls::float_resize(16, 32), &[clty::F16], &[clty::F32], &[x])[0]
            })
            .collect();
        let r = f(self, &wide);
        self.libcall(&libcalls::float_resize(32, 16), &[clty::F32], &[clty::F16], &[r])[0]
    }

    fn frem_impl(&mut self, a: Value, b: Value) -> Value {
        let ty = self.cx.value_type(a);
        let ct = self.cx.clif_type(ty);
        let (x, y) = (self.val(a), self.val(b));
        if ct == clty::F16 {
            let r = self
                .via_f32(&[x, y], |bx, v| bx.libcall("fmodf", &[clty::F32; 2], &[clty::F32], v)[0]);
            return self.new_value(r, ty);
        }
        let name = match ct {
            clty::F32 => "fmodf",
            clty::F64 => "fmod",
            clty::F128 => "fmodf128",
            _ => bug!("frem on {ct}"),
        };
        let r = self.libcall(name, &[ct, ct], &[ct], &[x, y]);
        self.new_value(r[0], ty)
    }

    // ---- memory -----------------------------------------------------------------------

    /// A narrow vector from an integer holding its bytes.
    fn narrow_vector_from_int(&mut self, ct: clty::Type, x: ir::Value) -> ir::Value {
        let it = self.with_func(|fs| fs.func.dfg.value_type(x));
        let view = it.by(128 / it.bits()).unwrap();
        let le = MemFlagsData::new().with_endianness(ir::Endianness::Little);
        self.ins(|c| {
            let v = c.ins().scalar_to_vector(view, x);
            c.ins().bitcast(ct, le, v)
        })
    }

    /// The bytes of a narrow vector of `size` bytes as an integer.
    pub fn narrow_vector_to_int(&mut self, x: ir::Value, size: u64) -> ir::Value {
        let it = ir::Type::int((size * 8) as u16).unwrap();
        let view = it.by(128 / it.bits()).unwrap();
        let le = MemFlagsData::new().with_endianness(ir::Endianness::Little);
        self.ins(|c| {
            let v = c.ins().bitcast(view, le, x);
            c.ins().extractlane(v, 0)
        })
    }

    fn load_scalar(&mut self, ty: Type, ptr: ir::Value, offset: i32, align: Align) -> ir::Value {
        let ct = self.cx.clif_type(ty);
        let size = self.cx.type_size(ty);
        if self.cx.is_narrow_vector(ty) {
            let it = ir::Type::int((size * 8) as u16).unwrap();
            let flags = self.access_flags(size, align);
            let x = self.ins(|c| c.ins().load(it, flags, ptr, offset));
            return self.narrow_vector_from_int(ct, x);
        }
        if let TypeData::Int(bits) = self.cx.type_data(ty) {
            if bits % 8 == 0 && (bits / 8) as u32 != ct.bytes() {
                return self.load_odd_int(ct, bits / 8, ptr, offset);
            }
        }
        let flags = self.access_flags(size, align);
        self.ins(|c| c.ins().load(ct, flags, ptr, offset))
    }

    /// Loads exactly `bytes` bytes (3, 5, 6 or 7) into an integer of type `ct`.
    fn load_odd_int(
        &mut self,
        ct: clty::Type,
        bytes: u32,
        ptr: ir::Value,
        offset: i32,
    ) -> ir::Value {
        let flags = self.mem_flags(MemFlagsData::new().with_notrap());
        let mut acc = self.iconst(ct, 0);
        let mut done = 0u32;
        while done < bytes {
            let chunk = [4u32, 2, 1].into_iter().find(|&c| c <= bytes - done).unwrap();
            let part_ty = ir::Type::int((chunk * 8) as u16).unwrap();
            let off = offset + done as i32;
            let shift = (done * 8) as i64;
            acc = self.ins(|c| {
                let part = c.ins().load(part_ty, flags, ptr, off);
                let part = c.ins().uextend(ct, part);
                let part = c.ins().ishl_imm_s(part, shift);
                c.ins().bor(acc, part)
            });
            done += chunk;
        }
        acc
    }

    fn store_scalar(
        &mut self,
        ty: Type,
        val: ir::Value,
        ptr: ir::Value,
        offset: i32,
        align: Align,
    ) {
        let ct = self.cx.clif_type(ty);
        let size = self.cx.type_size(ty);
        if self.cx.is_narrow_vector(ty) {
            let x = self.narrow_vector_to_int(val, size);
            let flags = self.access_flags(size, align);
            self.ins(|c| c.ins().store(flags, x, ptr, offset));
            return;
        }
        if let TypeData::Int(bits) = self.cx.type_data(ty) {
            if bits % 8 == 0 && (bits / 8) as u32 != ct.bytes() {
                let flags = self.mem_flags(MemFlagsData::new().with_notrap());
                let bytes = bits / 8;
                let mut done = 0u32;
                while done < bytes {
                    let chunk = [4u32, 2, 1].into_iter().find(|&c| c <= bytes - done).unwrap();
                    let part_ty = ir::Type::int((chunk * 8) as u16).unwrap();
                    let off = offset + done as i32;
                    let shift = (done * 8) as i64;
                    self.ins(|c| {
                        let part = c.ins().ushr_imm_s(val, shift);
                        let part =
                            if part_ty == ct { part } else { c.ins().ireduce(part_ty, part) };
                        c.ins().store(flags, part, ptr, off);
                    });
                    done += chunk;
                }
                return;
            }
        }
        let flags = self.access_flags(size, align);
        self.ins(|c| c.ins().store(flags, val, ptr, offset));
    }

    fn load_typed(&mut self, ty: Type, ptr: ir::Value, offset: u64, align: Align) -> Value {
        match self.cx.type_data(ty) {
            TypeData::Struct { fields, .. } => {
                let offsets = self.cx.types().info(ty).field_offsets.clone();
                let elems: Vec<Value> = fields
                    .iter()
                    .zip(offsets.iter())
                    .map(|(&f, &o)| {
                        self.load_typed(
                            f,
                            ptr,
                            offset + o,
                            align.restrict_for_offset(Size::from_bytes(o)),
                        )
                    })
                    .collect();
                self.cx.local_value(LocalData::Agg { ty, elems: elems.into() })
            }
            TypeData::Array { elem, len } => {
                let stride = self.cx.type_size(elem);
                let elems: Vec<Value> = (0..len)
                    .map(|i| {
                        let o = i * stride;
                        self.load_typed(
                            elem,
                            ptr,
                            offset + o,
                            align.restrict_for_offset(Size::from_bytes(o)),
                        )
                    })
                    .collect();
                self.cx.local_value(LocalData::Agg { ty, elems: elems.into() })
            }
            TypeData::Opaque { .. } | TypeData::Void => bug!("load of non-value type"),
            TypeData::Vector { .. } if self.cx.is_split_vector(ty) => {
                let (part, count) = self.cx.vector_parts(ty);
                let parts: Vec<Value> = (0..count as u64)
                    .map(|i| {
                        let o = i * 16;
                        self.load_typed(
                            part,
                            ptr,
                            offset + o,
                            align.restrict_for_offset(Size::from_bytes(o)),
                        )
                    })
                    .collect();
                self.vector_from_parts(ty, parts)
            }
            _ => {
                let v = self.load_scalar(ty, ptr, offset as i32, align);
                self.new_value(v, ty)
            }
        }
    }

    fn store_typed(&mut self, val: Value, ptr: ir::Value, offset: u64, align: Align) {
        let ty = self.cx.value_type(val);
        let is_agg = self.cx.is_split_vector(ty)
            || matches!(self.cx.type_data(ty), TypeData::Struct { .. } | TypeData::Array { .. });
        match is_agg {
            true => {
                let mut ts = Vec::new();
                self.cx.type_leaves(ty, 0, &mut ts);
                let mut leaves = Leaves::new();
                self.leaves(val, &mut leaves);
                for ((t, o), v) in ts.into_iter().zip(leaves) {
                    self.store_scalar(
                        t,
                        v,
                        ptr,
                        (offset + o) as i32,
                        align.restrict_for_offset(Size::from_bytes(o)),
                    );
                }
            }
            _ => {
                let v = self.val(val);
                self.store_scalar(ty, v, ptr, offset as i32, align);
            }
        }
    }

    fn call_mem_fn(&mut self, name: &str, args: &[ir::Value]) {
        let ptr = self.cx.pointer_clif_type();
        let mut params: SmallVec<[clty::Type; 3]> = SmallVec::new();
        for &a in args {
            params.push(self.with_func(|fs| fs.func.dfg.value_type(a)));
        }
        self.libcall(name, &params, &[ptr], args);
    }

    // ---- casts ------------------------------------------------------------------------

    fn int_resize(&mut self, val: Value, dest_ty: Type, signed: bool) -> Value {
        let src_ty = self.cx.value_type(val);
        if let Some(bits) = self.cx.const_int_bits(val) {
            let sb = self.cx.int_bits(src_ty);
            let bits = if signed && sb < 128 && (bits >> (sb - 1)) & 1 == 1 {
                bits | (u128::MAX << sb)
            } else {
                bits
            };
            return self.cx.const_int(dest_ty, bits);
        }
        let (sc, dc) = (self.cx.clif_type(src_ty), self.cx.clif_type(dest_ty));
        let x = self.val(val);
        if src_ty == Type::I1 && signed {
            let r = self.ins(|c| {
                let w = if dc == clty::I8 { x } else { c.ins().uextend(dc, x) };
                c.ins().ineg(w)
            });
            return self.new_value(r, dest_ty);
        }
        let r = if dc.bits() > sc.bits() {
            self.ins(|c| if signed { c.ins().sextend(dc, x) } else { c.ins().uextend(dc, x) })
        } else if dc.bits() < sc.bits() {
            self.ins(|c| c.ins().ireduce(dc, x))
        } else {
            x
        };
        let r = if dest_ty == Type::I1 { self.ins(|c| c.ins().band_imm_s(r, 1)) } else { r };
        self.new_value(r, dest_ty)
    }

    fn float_to_int(&mut self, val: Value, dest_ty: Type, signed: bool) -> Value {
        let src_ty = self.cx.value_type(val);
        let (sc, dc) = (self.cx.clif_type(src_ty), self.cx.clif_type(dest_ty));
        let mut x = self.val(val);
        if sc == clty::F16 {
            x = self.libcall(&libcalls::float_resize(16, 32), &[clty::F16], &[clty::F32], &[x])[0];
        } else if sc == clty::F128 {
            // The compiler-builtins routines saturate like Rust's `as`.
            let wide = if dc.bits() == 128 { clty::I128 } else { clty::I64 };
            let name = libcalls::float_to_int(128, wide.bits(), signed);
            let r = self.libcall(&name, &[clty::F128], &[wide], &[x])[0];
            let r = self.saturate_wide_int(r, wide, dc, signed);
            return self.new_value(r, dest_ty);
        }
        let fty = self.with_func(|fs| fs.func.dfg.value_type(x));
        let r = if dc.bits() == 128 {
            let name = libcalls::float_to_int(fty.bits(), 128, signed);
            self.libcall(&name, &[fty], &[clty::I128], &[x])[0]
        } else if dc.bits() < 32 {
            let wide = self.ins(|c| {
                if signed {
                    c.ins().fcvt_to_sint_sat(clty::I32, x)
                } else {
                    c.ins().fcvt_to_uint_sat(clty::I32, x)
                }
            });
            self.saturate_wide_int(wide, clty::I32, dc, signed)
        } else {
            self.ins(|c| {
                if signed {
                    c.ins().fcvt_to_sint_sat(dc, x)
                } else {
                    c.ins().fcvt_to_uint_sat(dc, x)
                }
            })
        };
        self.new_value(r, dest_ty)
    }

    /// Clamps an integer of type `wide` to the range of the narrower `narrow` and truncates.
    fn saturate_wide_int(
        &mut self,
        v: ir::Value,
        wide: clty::Type,
        narrow: clty::Type,
        signed: bool,
    ) -> ir::Value {
        if wide == narrow {
            return v;
        }
        let nb = narrow.bits();
        let (min, max): (i128, i128) = if signed {
            (-(1i128 << (nb - 1)), (1i128 << (nb - 1)) - 1)
        } else {
            (0, (1i128 << nb) - 1)
        };
        let minv = self.iconst(wide, min as u128);
        let maxv = self.iconst(wide, max as u128);
        self.ins(|c| {
            let (lo, hi) =
                if signed { (c.ins().smax(v, minv), ()) } else { (c.ins().umax(v, minv), ()) };
            let _ = hi;
            let clamped = if signed { c.ins().smin(lo, maxv) } else { c.ins().umin(lo, maxv) };
            c.ins().ireduce(narrow, clamped)
        })
    }

    fn int_to_float(&mut self, val: Value, dest_ty: Type, signed: bool) -> Value {
        let src_ty = self.cx.value_type(val);
        let (sc, dc) = (self.cx.clif_type(src_ty), self.cx.clif_type(dest_ty));
        if dc == clty::F16 {
            // Through f32, as LLVM does (compiler-builtins has no `__floatdihf` or
            // `__floattihf`; libgcc_s may, which hid it): f32's 24 bits are at least
            // 2 * 11 + 2, so rounding twice equals rounding once, and every u128 is within
            // f32's range or rounds to infinity in both.
            let f = self.int_to_float(val, Type::F32, signed);
            return crate::intrinsic::float_resize(self, f, dest_ty);
        }
        let mut x = self.val(val);
        if sc.bits() == 128 || dc == clty::F128 {
            let (name, arg_ty): (String, clty::Type) = {
                let arg_ty = if sc.bits() == 128 { clty::I128 } else { clty::I64 };
                if arg_ty == clty::I64 && sc != clty::I64 {
                    x = self.ins(|c| {
                        if signed {
                            c.ins().sextend(clty::I64, x)
                        } else {
                            c.ins().uextend(clty::I64, x)
                        }
                    });
                }
                (libcalls::int_to_float(arg_ty.bits(), signed, dc.bits()), arg_ty)
            };
            let r = self.libcall(&name, &[arg_ty], &[dc], &[x])[0];
            return self.new_value(r, dest_ty);
        }
        if sc.bits() < 32 {
            x = self.ins(|c| {
                if signed { c.ins().sextend(clty::I32, x) } else { c.ins().uextend(clty::I32, x) }
            });
        }
        let r = self.ins(|c| {
            if signed { c.ins().fcvt_from_sint(dc, x) } else { c.ins().fcvt_from_uint(dc, x) }
        });
        self.new_value(r, dest_ty)
    }

    // ---- calls ------------------------------------------------------------------------

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
        if data.c_variadic {
            if let Some((f, pass_target)) = self.variadic_callee(fn_abi, sig, func) {
                if pass_target {
                    let target = self.val(callee);
                    natives.push(target);
                }
                direct = Some(f);
            }
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
    fn call_return_marker(&mut self, fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>) {
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
    fn variadic_callee(
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

fn int_cc(op: IntPredicate) -> IntCC {
    match op {
        IntPredicate::IntEQ => IntCC::Equal,
        IntPredicate::IntNE => IntCC::NotEqual,
        IntPredicate::IntUGT => IntCC::UnsignedGreaterThan,
        IntPredicate::IntUGE => IntCC::UnsignedGreaterThanOrEqual,
        IntPredicate::IntULT => IntCC::UnsignedLessThan,
        IntPredicate::IntULE => IntCC::UnsignedLessThanOrEqual,
        IntPredicate::IntSGT => IntCC::SignedGreaterThan,
        IntPredicate::IntSGE => IntCC::SignedGreaterThanOrEqual,
        IntPredicate::IntSLT => IntCC::SignedLessThan,
        IntPredicate::IntSLE => IntCC::SignedLessThanOrEqual,
    }
}

fn eval_int_cc(cc: IntCC, x: u128, y: u128, bits: u32) -> bool {
    let s = 128 - bits;
    let (sx, sy) = (((x << s) as i128) >> s, ((y << s) as i128) >> s);
    match cc {
        IntCC::Equal => x == y,
        IntCC::NotEqual => x != y,
        IntCC::UnsignedGreaterThan => x > y,
        IntCC::UnsignedGreaterThanOrEqual => x >= y,
        IntCC::UnsignedLessThan => x < y,
        IntCC::UnsignedLessThanOrEqual => x <= y,
        IntCC::SignedGreaterThan => sx > sy,
        IntCC::SignedGreaterThanOrEqual => sx >= sy,
        IntCC::SignedLessThan => sx < sy,
        IntCC::SignedLessThanOrEqual => sx <= sy,
    }
}

fn float_cc(op: RealPredicate) -> Option<FloatCC> {
    Some(match op {
        RealPredicate::RealPredicateFalse | RealPredicate::RealPredicateTrue => return None,
        RealPredicate::RealOEQ => FloatCC::Equal,
        RealPredicate::RealOGT => FloatCC::GreaterThan,
        RealPredicate::RealOGE => FloatCC::GreaterThanOrEqual,
        RealPredicate::RealOLT => FloatCC::LessThan,
        RealPredicate::RealOLE => FloatCC::LessThanOrEqual,
        RealPredicate::RealONE => FloatCC::OrderedNotEqual,
        RealPredicate::RealORD => FloatCC::Ordered,
        RealPredicate::RealUNO => FloatCC::Unordered,
        RealPredicate::RealUEQ => FloatCC::UnorderedOrEqual,
        RealPredicate::RealUGT => FloatCC::UnorderedOrGreaterThan,
        RealPredicate::RealUGE => FloatCC::UnorderedOrGreaterThanOrEqual,
        RealPredicate::RealULT => FloatCC::UnorderedOrLessThan,
        RealPredicate::RealULE => FloatCC::UnorderedOrLessThanOrEqual,
        RealPredicate::RealUNE => FloatCC::NotEqual,
    })
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
                if let ConstData::Int { bits, .. } = c {
                    if self.cx.is_float_type(dest_ty) {
                        return self.cx.const_value(ConstData::Float { ty: dest_ty, bits });
                    }
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
            return self.cx.const_bool(eval_int_cc(cc, x, y, bits));
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
