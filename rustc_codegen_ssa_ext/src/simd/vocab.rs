//! The vector vocabulary: what the `simd_*` lowering (and the arch-intrinsic table) asks of
//! a backend. Every operation has a default that works lane by lane with plain
//! `BuilderMethods` (extract a lane, do the scalar operation, insert it), so it is correct
//! for every lane count and element type rustc accepts; a backend overrides the operations
//! it has native vector instructions for and calls back into [`per_lane`] for the rest.

use rustc_abi::{Align, Size};
use rustc_codegen_ssa::common::{IntPredicate, RealPredicate};
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::Ty;
use rustc_middle::ty::layout::TyAndLayout;

use super::ops::{CastOp, CmpOp, Elem, LaneOp, ReduceOp, eval_int, halving_tree};

/// A vector's element type and lane count.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Shape<'tcx> {
    pub elem_ty: Ty<'tcx>,
    pub elem: Elem,
    pub len: u64,
}

pub trait SimdBuilderMethods<'a, 'tcx: 'a>: BuilderMethods<'a, 'tcx> {
    /// The backend type of a vector of `len` lanes of `elem`.
    fn type_vector(&self, elem: Self::Type, len: u64) -> Self::Type;

    /// `vec` with lane `idx` (in bounds) replaced by `elt`.
    fn insert_element(&mut self, vec: Self::Value, elt: Self::Value, idx: u64) -> Self::Value;

    /// The scalar form of a lane operation that `BuilderMethods` has no instruction for
    /// (`LaneOp::is_math`): the operation of the scalar intrinsic of the same name
    /// (`sqrtf32`, `ctpop`, `fmaf64`, …) on a value of type `ty`.
    fn scalar_math(&mut self, op: LaneOp, ty: Ty<'tcx>, args: &[Self::Value]) -> Self::Value;

    /// Lane-wise `op` over `args` (`op.arity()` vectors of `shape`).
    fn simd_lanewise(
        &mut self,
        op: LaneOp,
        shape: Shape<'tcx>,
        args: &[Self::Value],
    ) -> Self::Value {
        per_lane::lanewise(self, op, shape, args)
    }

    /// Lane-wise compare giving a mask of `mask` shape: `!0` for true, `0` for false.
    fn simd_compare(
        &mut self,
        op: CmpOp,
        shape: Shape<'tcx>,
        a: Self::Value,
        b: Self::Value,
        mask: Shape<'tcx>,
    ) -> Self::Value {
        per_lane::compare(self, op, shape, a, b, mask)
    }

    /// `m[i] != 0 ? a[i] : b[i]`.
    fn simd_select(
        &mut self,
        mask: Shape<'tcx>,
        m: Self::Value,
        shape: Shape<'tcx>,
        a: Self::Value,
        b: Self::Value,
    ) -> Self::Value {
        per_lane::select(self, mask, m, shape, a, b)
    }

    fn simd_splat(&mut self, shape: Shape<'tcx>, x: Self::Value) -> Self::Value {
        per_lane::splat(self, shape, x)
    }

    /// Lanes of the concatenation `a:b` (each of `shape`) picked by constant in-bounds
    /// indices; the result has `idx.len()` lanes.
    fn simd_shuffle(
        &mut self,
        shape: Shape<'tcx>,
        a: Self::Value,
        b: Self::Value,
        idx: &[u64],
    ) -> Self::Value {
        per_lane::shuffle(self, shape, a, b, idx)
    }

    /// The bitmask of a mask vector as an integer of backend type `int_ty`, in the target's
    /// bit order (see `ops::eval_bitmask`).
    fn simd_bitmask(
        &mut self,
        shape: Shape<'tcx>,
        v: Self::Value,
        int_ty: Self::Type,
    ) -> Self::Value {
        per_lane::bitmask(self, shape, v, int_ty)
    }

    /// `op` over the lanes of `v`; `acc` is the start value of the ordered reductions.
    fn simd_reduce(
        &mut self,
        op: ReduceOp,
        shape: Shape<'tcx>,
        v: Self::Value,
        acc: Option<Self::Value>,
    ) -> Self::Value {
        per_lane::reduce(self, op, shape, v, acc)
    }

    fn simd_convert(
        &mut self,
        op: CastOp,
        from: Shape<'tcx>,
        to: Shape<'tcx>,
        v: Self::Value,
    ) -> Self::Value {
        per_lane::convert(self, op, from, to, v)
    }

    /// Lane `idx` (a run-time value, in bounds) of `v`.
    fn simd_extract_dyn(
        &mut self,
        shape: Shape<'tcx>,
        v: Self::Value,
        idx: Self::Value,
    ) -> Self::Value {
        per_lane::extract_dyn(self, shape, v, idx)
    }

    fn simd_insert_dyn(
        &mut self,
        shape: Shape<'tcx>,
        v: Self::Value,
        idx: Self::Value,
        x: Self::Value,
    ) -> Self::Value {
        per_lane::insert_dyn(self, shape, v, idx, x)
    }
}

/// The per-lane implementations, public so that overrides can fall back to them.
pub mod per_lane {
    use super::*;

    pub fn elem_layout<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &Bx,
        shape: Shape<'tcx>,
    ) -> TyAndLayout<'tcx> {
        bx.layout_of(shape.elem_ty)
    }

    pub fn elem_type<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &Bx,
        shape: Shape<'tcx>,
    ) -> Bx::Type {
        bx.cx().immediate_backend_type(elem_layout(bx, shape))
    }

    pub fn vector_type<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &Bx,
        shape: Shape<'tcx>,
    ) -> Bx::Type {
        let e = elem_type(bx, shape);
        bx.type_vector(e, shape.len)
    }

    pub fn lane<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        v: Bx::Value,
        i: u64,
    ) -> Bx::Value {
        let idx = bx.cx().const_i32(i as i32);
        bx.extract_element(v, idx)
    }

    /// A vector of `shape` from one value per lane.
    pub fn build<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        lanes: impl IntoIterator<Item = Bx::Value>,
    ) -> Bx::Value {
        let ty = vector_type(bx, shape);
        let mut v = bx.cx().const_undef(ty);
        for (i, x) in lanes.into_iter().enumerate() {
            v = bx.insert_element(v, x, i as u64);
        }
        v
    }

    pub fn lanewise<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: LaneOp,
        shape: Shape<'tcx>,
        args: &[Bx::Value],
    ) -> Bx::Value {
        let mut out = Vec::with_capacity(shape.len as usize);
        for i in 0..shape.len {
            let lanes: Vec<Bx::Value> = args.iter().map(|&a| lane(bx, a, i)).collect();
            out.push(scalar_op(bx, op, shape, &lanes));
        }
        build(bx, shape, out)
    }

    /// One lane of a lane-wise operation; integer lanes whose inputs are all constants fold.
    pub fn scalar_op<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: LaneOp,
        shape: Shape<'tcx>,
        x: &[Bx::Value],
    ) -> Bx::Value {
        use LaneOp::*;
        let ety = elem_type(bx, shape);
        if let Elem::Int { signed, bits } = shape.elem {
            let consts: Option<Vec<u128>> =
                x.iter().map(|&v| bx.cx().const_to_opt_u128(v, false)).collect();
            if let Some(r) = consts.and_then(|c| eval_int(op, signed, bits, &c)) {
                return bx.cx().const_uint_big(ety, r);
            }
        }
        let float = shape.elem.is_float();
        let signed = shape.elem.is_signed();
        let bits = shape.elem.bits();
        match op {
            Add if float => bx.fadd(x[0], x[1]),
            Add => bx.add(x[0], x[1]),
            Sub if float => bx.fsub(x[0], x[1]),
            Sub => bx.sub(x[0], x[1]),
            Mul if float => bx.fmul(x[0], x[1]),
            Mul => bx.mul(x[0], x[1]),
            Div if float => bx.fdiv(x[0], x[1]),
            Div if signed => bx.sdiv(x[0], x[1]),
            Div => bx.udiv(x[0], x[1]),
            Rem if float => bx.frem(x[0], x[1]),
            Rem if signed => bx.srem(x[0], x[1]),
            Rem => bx.urem(x[0], x[1]),
            Shl => bx.shl(x[0], x[1]),
            Shr if signed => bx.ashr(x[0], x[1]),
            Shr => bx.lshr(x[0], x[1]),
            And => bx.and(x[0], x[1]),
            Or => bx.or(x[0], x[1]),
            Xor => bx.xor(x[0], x[1]),
            Neg if float => bx.fneg(x[0]),
            Neg => bx.neg(x[0]),
            SaturatingAdd | SaturatingSub => {
                let oop = if op == SaturatingAdd { OverflowOp::Add } else { OverflowOp::Sub };
                let (r, overflow) = bx.checked_binop(oop, shape.elem_ty, x[0], x[1]);
                let limit = if signed {
                    // Both operands pushed the same way: the sign of `a` says which end.
                    let max = bx.cx().const_uint_big(ety, (1u128 << (bits - 1)) - 1);
                    let min = bx.cx().const_uint_big(ety, 1u128 << (bits - 1));
                    let zero = bx.cx().const_uint_big(ety, 0);
                    let non_neg = bx.icmp(IntPredicate::IntSGE, x[0], zero);
                    bx.select(non_neg, max, min)
                } else if op == SaturatingAdd {
                    bx.cx().const_uint_big(ety, u128::MAX >> (128 - bits))
                } else {
                    bx.cx().const_uint_big(ety, 0)
                };
                bx.select(overflow, limit, r)
            }
            MinimumNumber | MaximumNumber => {
                let pred = if op == MinimumNumber {
                    RealPredicate::RealOLT
                } else {
                    RealPredicate::RealOGT
                };
                let pick_a = bx.fcmp(pred, x[0], x[1]);
                let r = bx.select(pick_a, x[0], x[1]);
                // A NaN operand loses: `r` is already `a` when only `b` is NaN... unless
                // the compare failed because of it, so fix both cases explicitly.
                let a_nan = bx.fcmp(RealPredicate::RealUNO, x[0], x[0]);
                let r = bx.select(a_nan, x[1], r);
                let b_nan = bx.fcmp(RealPredicate::RealUNO, x[1], x[1]);
                bx.select(b_nan, x[0], r)
            }
            CarrylessMul => {
                let one = bx.cx().const_uint_big(ety, 1);
                let mut acc = bx.cx().const_uint_big(ety, 0);
                for i in 0..bits {
                    let sh = bx.cx().const_uint_big(ety, i as u128);
                    let bit = bx.lshr(x[1], sh);
                    let bit = bx.and(bit, one);
                    let all = bx.neg(bit);
                    let part = bx.shl(x[0], sh);
                    let part = bx.and(part, all);
                    acc = bx.xor(acc, part);
                }
                acc
            }
            FunnelShl | FunnelShr => {
                let (a, b) = (x[0], x[1]);
                let width = bx.cx().const_uint_big(ety, bits as u128);
                let s = bx.urem(x[2], width);
                let rs = bx.sub(width, s);
                let (hi, lo) = if op == FunnelShl {
                    (bx.shl(a, s), bx.lshr(b, rs))
                } else {
                    (bx.shl(a, rs), bx.lshr(b, s))
                };
                let r = bx.or(hi, lo);
                // A zero shift keeps one operand whole (the other shift would be by `bits`).
                let zero = bx.cx().const_uint_big(ety, 0);
                let is_zero = bx.icmp(IntPredicate::IntEQ, s, zero);
                bx.select(is_zero, if op == FunnelShl { a } else { b }, r)
            }
            RelaxedFma => {
                let p = bx.fmul(x[0], x[1]);
                bx.fadd(p, x[2])
            }
            _ => {
                assert!(op.is_math(), "{op:?} is not a math operation");
                bx.scalar_math(op, shape.elem_ty, x)
            }
        }
    }

    fn cmp_lane<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: CmpOp,
        elem: Elem,
        a: Bx::Value,
        b: Bx::Value,
    ) -> Bx::Value {
        use IntPredicate::*;
        use RealPredicate::*;
        if elem.is_float() {
            let p = match op {
                CmpOp::Eq => RealOEQ,
                CmpOp::Ne => RealUNE,
                CmpOp::Lt => RealOLT,
                CmpOp::Le => RealOLE,
                CmpOp::Gt => RealOGT,
                CmpOp::Ge => RealOGE,
            };
            return bx.fcmp(p, a, b);
        }
        let s = elem.is_signed();
        let p = match op {
            CmpOp::Eq => IntEQ,
            CmpOp::Ne => IntNE,
            CmpOp::Lt if s => IntSLT,
            CmpOp::Lt => IntULT,
            CmpOp::Le if s => IntSLE,
            CmpOp::Le => IntULE,
            CmpOp::Gt if s => IntSGT,
            CmpOp::Gt => IntUGT,
            CmpOp::Ge if s => IntSGE,
            CmpOp::Ge => IntUGE,
        };
        bx.icmp(p, a, b)
    }

    /// Whether mask lane `m` is set (masks hold `0` or `!0`).
    pub fn mask_lane<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        mask: Shape<'tcx>,
        m: Bx::Value,
        i: u64,
    ) -> Bx::Value {
        let l = lane(bx, m, i);
        let ety = elem_type(bx, mask);
        let zero = bx.cx().const_uint_big(ety, 0);
        bx.icmp(IntPredicate::IntNE, l, zero)
    }

    pub fn compare<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: CmpOp,
        shape: Shape<'tcx>,
        a: Bx::Value,
        b: Bx::Value,
        mask: Shape<'tcx>,
    ) -> Bx::Value {
        let mty = elem_type(bx, mask);
        let mut out = Vec::with_capacity(shape.len as usize);
        for i in 0..shape.len {
            let (x, y) = (lane(bx, a, i), lane(bx, b, i));
            let c = cmp_lane(bx, op, shape.elem, x, y);
            out.push(bx.sext(c, mty));
        }
        build(bx, mask, out)
    }

    pub fn select<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        mask: Shape<'tcx>,
        m: Bx::Value,
        shape: Shape<'tcx>,
        a: Bx::Value,
        b: Bx::Value,
    ) -> Bx::Value {
        let mut out = Vec::with_capacity(shape.len as usize);
        for i in 0..shape.len {
            let c = mask_lane(bx, mask, m, i);
            let (x, y) = (lane(bx, a, i), lane(bx, b, i));
            out.push(bx.select(c, x, y));
        }
        build(bx, shape, out)
    }

    pub fn splat<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        x: Bx::Value,
    ) -> Bx::Value {
        build(bx, shape, std::iter::repeat_n(x, shape.len as usize))
    }

    pub fn shuffle<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        a: Bx::Value,
        b: Bx::Value,
        idx: &[u64],
    ) -> Bx::Value {
        let out_shape = Shape { len: idx.len() as u64, ..shape };
        let mut out = Vec::with_capacity(idx.len());
        for &k in idx {
            let (src, i) =
                super::super::ops::shuffle_source(shape.len, k).expect("shuffle index checked");
            out.push(lane(bx, if src == 0 { a } else { b }, i));
        }
        build(bx, out_shape, out)
    }

    pub fn bitmask<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        v: Bx::Value,
        int_ty: Bx::Type,
    ) -> Bx::Value {
        let big = bx.tcx().data_layout.endian == rustc_abi::Endian::Big;
        let mut acc = bx.cx().const_uint_big(int_ty, 0);
        for i in 0..shape.len {
            let c = mask_lane(bx, shape, v, i);
            let bit = bx.zext(c, int_ty);
            let pos = if big { shape.len - 1 - i } else { i };
            let sh = bx.cx().const_uint_big(int_ty, pos as u128);
            let bit = bx.shl(bit, sh);
            acc = bx.or(acc, bit);
        }
        acc
    }

    pub fn reduce<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: ReduceOp,
        shape: Shape<'tcx>,
        v: Bx::Value,
        acc: Option<Bx::Value>,
    ) -> Bx::Value {
        use ReduceOp::*;
        let mut lanes: Vec<Bx::Value> = match op {
            All | Any => (0..shape.len).map(|i| mask_lane(bx, shape, v, i)).collect(),
            _ => (0..shape.len).map(|i| lane(bx, v, i)).collect(),
        };
        let float = shape.elem.is_float();
        let signed = shape.elem.is_signed();
        let combine = |bx: &mut Bx, a: Bx::Value, b: Bx::Value| match op {
            AddOrdered | AddUnordered if float => bx.fadd(a, b),
            AddOrdered | AddUnordered => bx.add(a, b),
            MulOrdered | MulUnordered if float => bx.fmul(a, b),
            MulOrdered | MulUnordered => bx.mul(a, b),
            Min | Max if float => {
                let lop = if op == Min { LaneOp::MinimumNumber } else { LaneOp::MaximumNumber };
                scalar_op(bx, lop, shape, &[a, b])
            }
            Min | Max => {
                let p = match (op == Min, signed) {
                    (true, true) => IntPredicate::IntSLT,
                    (true, false) => IntPredicate::IntULT,
                    (false, true) => IntPredicate::IntSGT,
                    (false, false) => IntPredicate::IntUGT,
                };
                let c = bx.icmp(p, a, b);
                bx.select(c, a, b)
            }
            And | All => bx.and(a, b),
            Or | Any => bx.or(a, b),
            Xor => bx.xor(a, b),
        };
        match op {
            AddUnordered | MulUnordered => {
                for (t, s) in halving_tree(shape.len) {
                    lanes[t as usize] = combine(bx, lanes[t as usize], lanes[s as usize]);
                }
                lanes[0]
            }
            _ => {
                let mut it = lanes.into_iter();
                let mut r = match acc {
                    Some(a) => a,
                    None => it.next().expect("reduction of a vector without lanes"),
                };
                for l in it {
                    r = combine(bx, r, l);
                }
                r
            }
        }
    }

    pub fn convert<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: CastOp,
        from: Shape<'tcx>,
        to: Shape<'tcx>,
        v: Bx::Value,
    ) -> Bx::Value {
        let oty = elem_type(bx, to);
        let mut out = Vec::with_capacity(to.len as usize);
        for i in 0..from.len {
            let x = lane(bx, v, i);
            out.push(convert_scalar(bx, op, from.elem, to.elem, x, oty));
        }
        build(bx, to, out)
    }

    pub fn convert_scalar<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        op: CastOp,
        from: Elem,
        to: Elem,
        x: Bx::Value,
        oty: Bx::Type,
    ) -> Bx::Value {
        match (op, from, to) {
            (CastOp::Ptr, ..) => bx.pointercast(x, oty),
            (CastOp::ExposeProvenance, ..) => bx.ptrtoint(x, oty),
            (CastOp::WithExposedProvenance, ..) => bx.inttoptr(x, oty),
            (_, Elem::Int { signed, .. }, Elem::Int { .. }) => bx.intcast(x, oty, signed),
            (_, Elem::Int { signed: true, .. }, Elem::Float { .. }) => bx.sitofp(x, oty),
            (_, Elem::Int { .. }, Elem::Float { .. }) => bx.uitofp(x, oty),
            (CastOp::As, Elem::Float { .. }, Elem::Int { signed: true, .. }) => {
                bx.fptosi_sat(x, oty)
            }
            (CastOp::As, Elem::Float { .. }, Elem::Int { .. }) => bx.fptoui_sat(x, oty),
            (_, Elem::Float { .. }, Elem::Int { signed: true, .. }) => bx.fptosi(x, oty),
            (_, Elem::Float { .. }, Elem::Int { .. }) => bx.fptoui(x, oty),
            (_, Elem::Float { bits: a }, Elem::Float { bits: b }) if a < b => bx.fpext(x, oty),
            (_, Elem::Float { bits: a }, Elem::Float { bits: b }) if a > b => bx.fptrunc(x, oty),
            _ => x,
        }
    }

    /// A stack copy of `v` and the address of its lane `idx`.
    fn spill_lane<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        v: Bx::Value,
        idx: Bx::Value,
    ) -> (Bx::Value, Bx::Value, Align) {
        let el = elem_layout(bx, shape);
        let size = Size::from_bytes(el.size.bytes() * shape.len.next_power_of_two());
        let align =
            Align::from_bytes(size.bytes().min(64)).unwrap_or(el.align.abi).max(el.align.abi);
        let slot = bx.alloca(size, align);
        bx.store(v, slot, align);
        let ety = elem_type(bx, shape);
        let p = bx.inbounds_gep(ety, slot, &[idx]);
        (slot, p, el.align.abi)
    }

    pub fn extract_dyn<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        v: Bx::Value,
        idx: Bx::Value,
    ) -> Bx::Value {
        if let Some(i) = bx.cx().const_to_opt_u128(idx, false) {
            return lane(bx, v, i as u64);
        }
        let (_, p, align) = spill_lane(bx, shape, v, idx);
        let ety = elem_type(bx, shape);
        let x = bx.load(ety, p, align);
        from_memory_lane(bx, shape, x)
    }

    pub fn insert_dyn<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        v: Bx::Value,
        idx: Bx::Value,
        x: Bx::Value,
    ) -> Bx::Value {
        if let Some(i) = bx.cx().const_to_opt_u128(idx, false) {
            return bx.insert_element(v, x, i as u64);
        }
        let (slot, p, align) = spill_lane(bx, shape, v, idx);
        let x = bx.from_immediate(x);
        bx.store(x, p, align);
        let vty = vector_type(bx, shape);
        let el = elem_layout(bx, shape);
        let size = el.size.bytes() * shape.len.next_power_of_two();
        let valign = Align::from_bytes(size.min(64)).unwrap_or(el.align.abi).max(el.align.abi);
        bx.load(vty, slot, valign)
    }

    /// A lane loaded from memory as an immediate (bool lanes are `i8` in memory).
    pub fn from_memory_lane<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
        bx: &mut Bx,
        shape: Shape<'tcx>,
        x: Bx::Value,
    ) -> Bx::Value {
        let el = elem_layout(bx, shape);
        match el.backend_repr {
            rustc_abi::BackendRepr::Scalar(s) => bx.to_immediate_scalar(x, s),
            _ => x,
        }
    }
}
