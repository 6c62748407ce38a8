//! The vector vocabulary of `rustc_codegen_ssa_ext::simd` on Cranelift: lane access for
//! single-register, narrow (< 128-bit, held in the low lanes of a register) and split
//! (> 128-bit, several registers) vectors, and native overrides for what Cranelift has on
//! 128-bit vectors. Everything else goes lane by lane through the vocabulary's defaults.

use cranelift_codegen::cursor::FuncCursor;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, Endianness, InstBuilder, MemFlagsData, types as clty};
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa_ext::simd::{
    CmpOp, Elem, LaneOp, ReduceOp, Shape, SimdBuilderMethods, per_lane,
};
use rustc_middle::bug;
use rustc_middle::ty::Ty;

use crate::builder::Builder;
use crate::types::{Type, TypeData};
use crate::value::{ConstData, Value};

fn le() -> MemFlagsData {
    MemFlagsData::new().with_endianness(Endianness::Little)
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub fn vector_lane_count(&self, ty: Type) -> u32 {
        match self.cx.type_data(ty) {
            TypeData::Vector { len, .. } => len,
            _ => 0,
        }
    }

    /// Which part of a (possibly split) vector holds lane `i`, and the lane's index there.
    fn lane_pos(&self, vty: Type, i: u64) -> (usize, u8) {
        if !self.cx.is_split_vector(vty) {
            return (0, i as u8);
        }
        let (part, _) = self.cx.vector_parts(vty);
        let per = self.vector_lane_count(part) as u64;
        ((i / per) as usize, (i % per) as u8)
    }

    /// Lane `i` of vector `v`; lanes of constant vectors fold.
    pub fn extract_lane(&mut self, v: Value, i: u64) -> Value {
        let vty = self.cx.value_type(v);
        let elem = self.cx.element_type(vty);
        match self.cx.const_data(v) {
            Some(ConstData::Agg { elems, .. }) => return elems[i as usize],
            Some(ConstData::Undef { .. }) => return self.cx.const_undef(elem),
            _ => {}
        }
        let (p, lane) = self.lane_pos(vty, i);
        let x = if self.cx.is_split_vector(vty) {
            let parts = self.vector_part_values(v);
            self.val(parts[p])
        } else {
            self.val(v)
        };
        let r = self.ins(|c| {
            // A part of one 128-bit lane (i128, f128) is that lane itself.
            if !c.func.dfg.value_type(x).is_vector() {
                return x;
            }
            let r = c.ins().extractlane(x, lane);
            // f16 lanes live in i16 lanes: Cranelift has no f16 vectors.
            if elem == Type::F16 { c.ins().bitcast(clty::F16, MemFlagsData::new(), r) } else { r }
        });
        self.cx.ssa(r, elem)
    }

    /// `v` with lane `i` replaced by `e`.
    pub fn insert_lane(&mut self, v: Value, e: Value, i: u64) -> Value {
        let vty = self.cx.value_type(v);
        if self.cx.is_split_vector(vty) {
            let (p, lane) = self.lane_pos(vty, i);
            let mut parts = self.vector_part_values(v).to_vec();
            parts[p] = self.insert_lane(parts[p], e, lane as u64);
            return self.vector_from_parts(vty, parts);
        }
        let (x, y) = (self.val(v), self.val(e));
        let elem = self.cx.element_type(vty);
        let r = self.ins(|c| {
            if !c.func.dfg.value_type(x).is_vector() {
                return y;
            }
            let y = if elem == Type::F16 {
                c.ins().bitcast(clty::I16, MemFlagsData::new(), y)
            } else {
                y
            };
            c.ins().insertlane(x, y, i as u8)
        });
        self.cx.ssa(r, vty)
    }

    /// Applies `f` to the 128-bit parts of `args` (all split like `ret_ty`), giving a
    /// vector of `ret_ty`: the one place where wide vectors are taken apart for native ops.
    fn on_parts(
        &mut self,
        args: &[Value],
        ret_ty: Type,
        f: impl Fn(&mut FuncCursor<'_>, &[ir::Value], clty::Type) -> ir::Value,
    ) -> Value {
        if !self.cx.is_split_vector(ret_ty) {
            let xs: Vec<ir::Value> = args.iter().map(|&a| self.val(a)).collect();
            let ct = self.cx.clif_type(ret_ty);
            let r = self.ins(|c| f(c, &xs, ct));
            return self.cx.ssa(r, ret_ty);
        }
        let (part_ty, count) = self.cx.vector_parts(ret_ty);
        let ct = self.cx.clif_type(part_ty);
        let arg_parts: Vec<Box<[Value]>> =
            args.iter().map(|&a| self.vector_part_values(a)).collect();
        let parts = (0..count as usize)
            .map(|p| {
                let xs: Vec<ir::Value> = arg_parts.iter().map(|ps| self.val(ps[p])).collect();
                let r = self.ins(|c| f(c, &xs, ct));
                self.cx.ssa(r, part_ty)
            })
            .collect();
        self.vector_from_parts(ret_ty, parts)
    }

    /// The Cranelift values of the parts of a (possibly split) vector.
    fn parts_of(&mut self, v: Value) -> Vec<ir::Value> {
        let ty = self.cx.value_type(v);
        if self.cx.is_split_vector(ty) {
            let parts = self.vector_part_values(v);
            parts.iter().map(|&p| self.val(p)).collect()
        } else {
            vec![self.val(v)]
        }
    }

    /// Whether every lane of the vector's registers is a real lane (no padding lanes of a
    /// non-power-of-two length, no unspecified lanes of a narrow vector).
    fn fills_registers(&self, shape: Shape<'tcx>) -> bool {
        let ty = per_lane::vector_type(self, shape);
        let lanes_bytes = shape.len * (shape.elem.bits() as u64 / 8);
        lanes_bytes == self.cx.type_size(ty) && lanes_bytes >= 16
    }

    /// x86 `pshufb` per 128-bit lane (`LlvmIntrinsic::ByteShuffleInLanes`). Only reached
    /// from functions with SSSE3/AVX2 enabled, whose ISA has SSSE3.
    pub fn byte_shuffle_in_lanes(&mut self, a: Value, idx: Value, ret_ty: Type) -> Value {
        self.on_parts(&[a, idx], ret_ty, |c, x, _| c.ins().x86_pshufb(x[0], x[1]))
    }

    /// One 16-byte table lookup with out-of-range indices giving 0
    /// (`LlvmIntrinsic::TableLookup16`).
    pub fn table_lookup16(&mut self, table: Value, idx: Value, ret_ty: Type) -> Value {
        let (t, i) = (self.val(table), self.val(idx));
        let r = self.ins(|c| c.ins().swizzle(t, i));
        self.cx.ssa(r, ret_ty)
    }

    /// A shuffle that only moves whole registers (identity, resizing, taking a half,
    /// concatenating: what portable-simd's `resize` and `to_bitmask` do) takes no
    /// instruction: each output register is one input register, lane for lane.
    fn shuffle_whole_parts(
        &mut self,
        shape: Shape<'tcx>,
        a: Value,
        b: Value,
        idx: &[u64],
    ) -> Option<Value> {
        let out = Shape { len: idx.len() as u64, ..shape };
        let (in_ty, out_ty) =
            (per_lane::vector_type(self, shape), per_lane::vector_type(self, out));
        let part_of =
            |bx: &Self, t: Type| if bx.cx.is_split_vector(t) { bx.cx.vector_parts(t).0 } else { t };
        let (in_part, out_part) = (part_of(self, in_ty), part_of(self, out_ty));
        if self.cx.clif_type(in_part) != self.cx.clif_type(out_part) {
            return None;
        }
        // Lanes per register; the lanes past a vector's length are unspecified padding.
        let per = self.cx.clif_type(in_part).lane_count() as u64;
        let in_parts =
            if self.cx.is_split_vector(in_ty) { self.cx.vector_parts(in_ty).1 as u64 } else { 1 };
        let mut sources = Vec::new();
        for chunk in idx.chunks(per as usize) {
            // The input register (0..in_parts of `a`, then of `b`) the chunk is a copy of.
            let k = chunk[0];
            let (src, lane) = if k < shape.len { (0, k) } else { (1, k - shape.len) };
            if lane % per != 0 {
                return None;
            }
            let p = lane / per;
            let same = chunk.iter().enumerate().all(|(j, &k)| k == chunk[0] + j as u64);
            if !same || p >= in_parts || (lane + chunk.len() as u64 > shape.len) {
                return None;
            }
            sources.push((src, p as usize));
        }
        let mut parts = Vec::with_capacity(sources.len());
        for (src, p) in sources {
            let v = if src == 0 { a } else { b };
            let part = if in_parts > 1 { self.vector_part_values(v)[p] } else { v };
            parts.push(self.retype_vector(part, out_part));
        }
        Some(if self.cx.is_split_vector(out_ty) {
            self.vector_from_parts(out_ty, parts)
        } else {
            parts.pop().expect("one register")
        })
    }

    /// The same register seen as another vector type of that register (fewer or more of
    /// its lanes real).
    fn retype_vector(&self, v: Value, ty: Type) -> Value {
        if self.cx.value_type(v) == ty {
            return v;
        }
        match self.cx.const_data(v) {
            Some(ConstData::Agg { elems, .. }) => {
                let n = self.vector_lane_count(ty) as usize;
                let undef = self.cx.const_undef(self.cx.element_type(ty));
                let elems = elems.iter().copied().chain(std::iter::repeat(undef)).take(n).collect();
                self.cx.const_value(ConstData::Agg { ty, elems })
            }
            _ => self.cx.retype(v, ty),
        }
    }

    fn is_aarch64(&self) -> bool {
        self.cx.tcx.sess.target.arch == rustc_target::spec::Arch::AArch64
    }

    /// Whether Cranelift lowers `op` natively on vectors of `shape`'s lane type.
    fn native_lanewise(&self, op: LaneOp, shape: Shape<'tcx>, args: &[Value]) -> bool {
        use LaneOp::*;
        match shape.elem {
            Elem::Int { bits, .. } if bits <= 64 => match op {
                Add | Sub | And | Or | Xor | Neg => true,
                Mul => bits == 16 || bits == 32,
                SaturatingAdd | SaturatingSub => bits <= 16,
                Shl | Shr => self.splat_shift_amount(args[1], bits).is_some(),
                _ => false,
            },
            Elem::Float { bits: 32 | 64 } => match op {
                Add | Sub | Mul | Div | Neg | Fabs | Sqrt | RelaxedFma | MinimumNumber
                | MaximumNumber => true,
                Ceil | Floor | Trunc | RoundTiesEven => {
                    self.is_aarch64() || self.has_target_feature("sse4.1")
                }
                Fma => self.is_aarch64() || self.has_target_feature("fma"),
                _ => false,
            },
            _ => false,
        }
    }

    /// A constant shift vector whose lanes are all the same in-range amount.
    fn splat_shift_amount(&self, v: Value, bits: u32) -> Option<i64> {
        let Some(ConstData::Agg { elems, .. }) = self.cx.const_data(v) else { return None };
        let first = self.cx.const_int_bits(*elems.first()?)?;
        let same = elems.iter().all(|&e| self.cx.const_int_bits(e) == Some(first));
        (same && first < bits as u128).then_some(first as i64)
    }
}

impl<'a, 'tcx> SimdBuilderMethods<'a, 'tcx> for Builder<'a, 'tcx> {
    fn type_vector(&self, elem: Type, len: u64) -> Type {
        self.cx.type_vector(elem, len)
    }

    fn insert_element(&mut self, vec: Value, elt: Value, idx: u64) -> Value {
        self.insert_lane(vec, elt, idx)
    }

    fn scalar_math(&mut self, op: LaneOp, _ty: Ty<'tcx>, args: &[Value]) -> Value {
        use LaneOp::*;
        let ty = self.cx.value_type(args[0]);
        let xs: Vec<ir::Value> = args.iter().map(|&a| self.val(a)).collect();
        let x = xs[0];
        let int = |bx: &mut Self, f: fn(&mut FuncCursor<'_>, ir::Value) -> ir::Value| {
            let r = bx.ins(|c| f(c, x));
            bx.cx.ssa(r, ty)
        };
        match op {
            Ctpop => int(self, |c, x| c.ins().popcnt(x)),
            Ctlz => int(self, |c, x| c.ins().clz(x)),
            Cttz => int(self, |c, x| c.ins().ctz(x)),
            Bswap if self.cx.clif_type(ty) == clty::I8 => args[0],
            Bswap => int(self, |c, x| c.ins().bswap(x)),
            Bitreverse => int(self, |c, x| c.ins().bitrev(x)),
            _ => {
                let name = match op {
                    Fabs => "fabs",
                    Sqrt => "sqrt",
                    Ceil => "ceil",
                    Floor => "floor",
                    Trunc => "trunc",
                    Round => "round",
                    RoundTiesEven => "round_ties_even",
                    Sin => "sin",
                    Cos => "cos",
                    Exp => "exp",
                    Exp2 => "exp2",
                    Log => "log",
                    Log2 => "log2",
                    Log10 => "log10",
                    Fma => "fma",
                    _ => bug!("{op:?} is not a math operation"),
                };
                let r = self.float_math(name, ty, &xs).unwrap_or_else(|| bug!("float math {name}"));
                self.cx.ssa(r, ty)
            }
        }
    }

    fn simd_lanewise(&mut self, op: LaneOp, shape: Shape<'tcx>, args: &[Value]) -> Value {
        use LaneOp::*;
        if !self.native_lanewise(op, shape, args) {
            return per_lane::lanewise(self, op, shape, args);
        }
        let vty = per_lane::vector_type(self, shape);
        let signed = shape.elem.is_signed();
        let float = shape.elem.is_float();
        if matches!(op, Shl | Shr) {
            let amount = self.splat_shift_amount(args[1], shape.elem.bits()).unwrap();
            return self.on_parts(&args[..1], vty, |c, x, _| match op {
                Shl => c.ins().ishl_imm_s(x[0], amount),
                _ if signed => c.ins().sshr_imm_s(x[0], amount),
                _ => c.ins().ushr_imm_s(x[0], amount),
            });
        }
        self.on_parts(args, vty, |c, x, ct| match op {
            Add if float => c.ins().fadd(x[0], x[1]),
            Add => c.ins().iadd(x[0], x[1]),
            Sub if float => c.ins().fsub(x[0], x[1]),
            Sub => c.ins().isub(x[0], x[1]),
            Mul if float => c.ins().fmul(x[0], x[1]),
            Mul => c.ins().imul(x[0], x[1]),
            Div => c.ins().fdiv(x[0], x[1]),
            And => c.ins().band(x[0], x[1]),
            Or => c.ins().bor(x[0], x[1]),
            Xor => c.ins().bxor(x[0], x[1]),
            Neg if float => c.ins().fneg(x[0]),
            Neg => c.ins().ineg(x[0]),
            Fabs => c.ins().fabs(x[0]),
            Sqrt => c.ins().sqrt(x[0]),
            Ceil => c.ins().ceil(x[0]),
            Floor => c.ins().floor(x[0]),
            Trunc => c.ins().trunc(x[0]),
            RoundTiesEven => c.ins().nearest(x[0]),
            Fma => c.ins().fma(x[0], x[1], x[2]),
            RelaxedFma => {
                let p = c.ins().fmul(x[0], x[1]);
                c.ins().fadd(p, x[2])
            }
            SaturatingAdd if signed => c.ins().sadd_sat(x[0], x[1]),
            SaturatingAdd => c.ins().uadd_sat(x[0], x[1]),
            SaturatingSub if signed => c.ins().ssub_sat(x[0], x[1]),
            SaturatingSub => c.ins().usub_sat(x[0], x[1]),
            MinimumNumber | MaximumNumber => {
                // Cranelift's fmin/fmax propagate NaN; a NaN operand must lose instead.
                let r = if op == MinimumNumber {
                    c.ins().fmin(x[0], x[1])
                } else {
                    c.ins().fmax(x[0], x[1])
                };
                let a_nan = c.ins().fcmp(FloatCC::Unordered, x[0], x[0]);
                let a_nan = c.ins().bitcast(ct, le(), a_nan);
                let r = c.ins().bitselect(a_nan, x[1], r);
                let b_nan = c.ins().fcmp(FloatCC::Unordered, x[1], x[1]);
                let b_nan = c.ins().bitcast(ct, le(), b_nan);
                c.ins().bitselect(b_nan, x[0], r)
            }
            _ => unreachable!("{op:?} is not native"),
        })
    }

    fn simd_compare(
        &mut self,
        op: CmpOp,
        shape: Shape<'tcx>,
        a: Value,
        b: Value,
        mask: Shape<'tcx>,
    ) -> Value {
        let native = match shape.elem {
            Elem::Int { bits, .. } => bits <= 64,
            Elem::Float { bits } => bits == 32 || bits == 64,
            Elem::Ptr => true,
        };
        if !native {
            return per_lane::compare(self, op, shape, a, b, mask);
        }
        let mty = per_lane::vector_type(self, mask);
        if shape.elem.is_float() {
            let cc = match op {
                CmpOp::Eq => FloatCC::Equal,
                CmpOp::Ne => FloatCC::NotEqual,
                CmpOp::Lt => FloatCC::LessThan,
                CmpOp::Le => FloatCC::LessThanOrEqual,
                CmpOp::Gt => FloatCC::GreaterThan,
                CmpOp::Ge => FloatCC::GreaterThanOrEqual,
            };
            return self.on_parts(&[a, b], mty, |c, x, _| c.ins().fcmp(cc, x[0], x[1]));
        }
        let s = shape.elem.is_signed();
        let cc = match op {
            CmpOp::Eq => IntCC::Equal,
            CmpOp::Ne => IntCC::NotEqual,
            CmpOp::Lt if s => IntCC::SignedLessThan,
            CmpOp::Lt => IntCC::UnsignedLessThan,
            CmpOp::Le if s => IntCC::SignedLessThanOrEqual,
            CmpOp::Le => IntCC::UnsignedLessThanOrEqual,
            CmpOp::Gt if s => IntCC::SignedGreaterThan,
            CmpOp::Gt => IntCC::UnsignedGreaterThan,
            CmpOp::Ge if s => IntCC::SignedGreaterThanOrEqual,
            CmpOp::Ge => IntCC::UnsignedGreaterThanOrEqual,
        };
        self.on_parts(&[a, b], mty, |c, x, _| c.ins().icmp(cc, x[0], x[1]))
    }

    fn simd_select(
        &mut self,
        mask: Shape<'tcx>,
        m: Value,
        shape: Shape<'tcx>,
        a: Value,
        b: Value,
    ) -> Value {
        // Mask lanes are all ones or all zeros, so with lanes of the same width a bitwise
        // select is exact.
        if mask.elem.bits() != shape.elem.bits() || mask.elem.bits() > 64 {
            return per_lane::select(self, mask, m, shape, a, b);
        }
        let vty = per_lane::vector_type(self, shape);
        self.on_parts(&[m, a, b], vty, |c, x, ct| {
            let m = if c.func.dfg.value_type(x[0]) == ct {
                x[0]
            } else {
                c.ins().bitcast(ct, le(), x[0])
            };
            c.ins().bitselect(m, x[1], x[2])
        })
    }

    fn simd_splat(&mut self, shape: Shape<'tcx>, x: Value) -> Value {
        if shape.elem.bits() > 64 {
            return per_lane::splat(self, shape, x);
        }
        let vty = per_lane::vector_type(self, shape);
        let e = self.val(x);
        let f16 = shape.elem == Elem::Float { bits: 16 };
        self.on_parts(&[], vty, |c, _, ct| {
            let e = if f16 { c.ins().bitcast(clty::I16, MemFlagsData::new(), e) } else { e };
            c.ins().splat(ct, e)
        })
    }

    fn simd_shuffle(&mut self, shape: Shape<'tcx>, a: Value, b: Value, idx: &[u64]) -> Value {
        let out = Shape { len: idx.len() as u64, ..shape };
        if let Some(v) = self.shuffle_whole_parts(shape, a, b, idx) {
            return v;
        }
        // x64 lowers general byte shuffles with pshufb (SSSE3), else with a libcall.
        let byte_shuffle =
            (self.is_aarch64() || self.has_target_feature("ssse3")) && shape.elem.bits() <= 64;
        if !byte_shuffle
            || !(self.fills_registers(shape) && self.fills_registers(out))
            || self.cx.is_split_vector(per_lane::vector_type(self, shape))
            || self.cx.is_split_vector(per_lane::vector_type(self, out))
        {
            return per_lane::shuffle(self, shape, a, b, idx);
        }
        // Both 128-bit: one byte shuffle of the two registers.
        let esize = (shape.elem.bits() / 8) as u64;
        let mut bytes = Vec::with_capacity(16);
        for &k in idx {
            let base = if k < shape.len { k * esize } else { 16 + (k - shape.len) * esize };
            bytes.extend((0..esize).map(|i| (base + i) as u8));
        }
        let vty = per_lane::vector_type(self, out);
        let (x, y) = (self.val(a), self.val(b));
        let ct = self.cx.clif_type(vty);
        let r = self.ins(|c| {
            let mask = c.func.dfg.immediates.push(bytes.into());
            let xb = c.ins().bitcast(clty::I8X16, le(), x);
            let yb = c.ins().bitcast(clty::I8X16, le(), y);
            let r = c.ins().shuffle(xb, yb, mask);
            c.ins().bitcast(ct, le(), r)
        });
        self.cx.ssa(r, vty)
    }

    fn simd_bitmask(&mut self, shape: Shape<'tcx>, v: Value, int_ty: Type) -> Value {
        let rt = self.cx.clif_type(int_ty);
        if !shape.elem.is_int() || shape.elem.bits() > 64 || rt.bits() > 64 {
            return per_lane::bitmask(self, shape, v, int_ty);
        }
        let vty = self.cx.value_type(v);
        let per_part = if self.cx.is_split_vector(vty) {
            self.vector_lane_count(self.cx.vector_parts(vty).0)
        } else {
            self.vector_lane_count(vty)
        };
        let parts = self.parts_of(v);
        let mut acc = None;
        for (i, p) in parts.into_iter().enumerate() {
            let shift = (i as u32 * per_part) as i64;
            acc = Some(self.ins(|c| {
                let bits = c.ins().vhigh_bits(rt, p);
                let bits = if shift == 0 { bits } else { c.ins().ishl_imm_s(bits, shift) };
                match acc {
                    Some(a) => c.ins().bor(a, bits),
                    None => bits,
                }
            }));
        }
        let mut acc = acc.expect("a vector has a part");
        let len = shape.len as u32;
        if len < rt.bits() {
            // Padding and unspecified lanes contribute nothing.
            acc = self.ins(|c| c.ins().band_imm_s(acc, ((1u64 << len) - 1) as i64));
        }
        self.cx.ssa(acc, int_ty)
    }

    fn simd_reduce(
        &mut self,
        op: ReduceOp,
        shape: Shape<'tcx>,
        v: Value,
        acc: Option<Value>,
    ) -> Value {
        let all = op == ReduceOp::All;
        let native = matches!(op, ReduceOp::All | ReduceOp::Any)
            && shape.elem.bits() <= 64
            && shape.len * (shape.elem.bits() as u64 / 8)
                == self.cx.type_size(per_lane::vector_type(self, shape));
        if !native {
            return per_lane::reduce(self, op, shape, v, acc);
        }
        let size = self.cx.type_size(self.cx.value_type(v));
        let parts = self.parts_of(v);
        let mut r = None;
        for p in parts {
            // A narrow vector (whose upper register lanes are unspecified) is tested as one
            // integer of its real size.
            let narrow = (size < 16).then(|| self.narrow_vector_to_int(p, size));
            r = Some(self.ins(|c| {
                let t = match narrow {
                    Some(i) if all => c.ins().icmp_imm_s(IntCC::Equal, i, -1),
                    Some(i) => c.ins().icmp_imm_s(IntCC::NotEqual, i, 0),
                    None if all => c.ins().vall_true(p),
                    None => c.ins().vany_true(p),
                };
                match r {
                    Some(a) if all => c.ins().band(a, t),
                    Some(a) => c.ins().bor(a, t),
                    None => t,
                }
            }));
        }
        self.cx.ssa(r.expect("a vector has a part"), Type::I1)
    }
}
