//! The subset of the generic `simd_*` intrinsics that std needs on its own (hashbrown's
//! SSE2 group probing, core's string searching): lane-wise arithmetic and compares,
//! bitmask, splat, reductions, shuffles and lane access. Vectors wider than 128 bits are
//! processed part by part. Everything else is reported as unsupported.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, Endianness, InstBuilder, MemFlagsData, types as clty};
use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::traits::ConstCodegenMethods;
use rustc_middle::ty::{self, Ty};
use rustc_span::{Symbol, sym};

use crate::builder::Builder;
use crate::types::{Type, TypeData};
use crate::value::{ConstData, Value};

#[derive(Copy, Clone)]
enum LaneOp {
    Bin(Symbol, bool),
    Cmp(Option<IntCC>, Option<FloatCC>),
}

#[derive(Copy, Clone)]
enum UnaryOp {
    INeg,
    FNeg,
    FAbs,
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Applies `op` to vectors `a` and `b`, splitting wide vectors into 128-bit parts.
    fn lanewise(&mut self, op: LaneOp, a: Value, b: Value, ret_ty: Type) -> Value {
        if self.cx.is_split_vector(ret_ty) {
            let (part_ty, _) = self.cx.vector_parts(ret_ty);
            let pa = self.vector_part_values(a);
            let pb = self.vector_part_values(b);
            let parts: Vec<Value> =
                pa.iter().zip(pb.iter()).map(|(&x, &y)| self.lanewise(op, x, y, part_ty)).collect();
            return self.vector_from_parts(ret_ty, parts);
        }
        let (x, y) = (self.val(a), self.val(b));
        let rt = self.cx.clif_type(ret_ty);
        let r = self.ins(|c| match op {
            LaneOp::Bin(name, is_float) => match (name, is_float) {
                (sym::simd_add, false) => c.ins().iadd(x, y),
                (sym::simd_add, true) => c.ins().fadd(x, y),
                (sym::simd_sub, false) => c.ins().isub(x, y),
                (sym::simd_sub, true) => c.ins().fsub(x, y),
                (sym::simd_mul, false) => c.ins().imul(x, y),
                (sym::simd_mul, true) => c.ins().fmul(x, y),
                (sym::simd_and, _) => c.ins().band(x, y),
                (sym::simd_or, _) => c.ins().bor(x, y),
                _ => c.ins().bxor(x, y),
            },
            // Compares give all-ones/all-zeros lanes of the operands' width.
            LaneOp::Cmp(Some(cc), _) => c.ins().icmp(cc, x, y),
            LaneOp::Cmp(_, Some(cc)) => {
                let m = c.ins().fcmp(cc, x, y);
                c.ins().bitcast(rt, MemFlagsData::new().with_endianness(Endianness::Little), m)
            }
            LaneOp::Cmp(None, None) => unreachable!(),
        });
        self.cx.ssa(r, ret_ty)
    }

    /// x86 `pshufb` per 128-bit lane (`LlvmIntrinsic::ByteShuffleInLanes`). Only reached
    /// from functions with SSSE3/AVX2 enabled, whose ISA has SSSE3.
    pub fn byte_shuffle_in_lanes(&mut self, a: Value, idx: Value, ret_ty: Type) -> Value {
        let pa = self.parts_of(a);
        let pi = self.parts_of(idx);
        let parts: Vec<ir::Value> =
            pa.iter().zip(&pi).map(|(&x, &i)| self.ins(|c| c.ins().x86_pshufb(x, i))).collect();
        if self.cx.is_split_vector(ret_ty) {
            let (part_ty, _) = self.cx.vector_parts(ret_ty);
            let parts = parts.into_iter().map(|p| self.cx.ssa(p, part_ty)).collect();
            self.vector_from_parts(ret_ty, parts)
        } else {
            self.cx.ssa(parts[0], ret_ty)
        }
    }

    /// `mask ? a : b` bit by bit, splitting wide vectors into 128-bit parts.
    fn select_lanes(&mut self, mask: Value, a: Value, b: Value, ret_ty: Type) -> Value {
        if self.cx.is_split_vector(ret_ty) {
            let (part_ty, _) = self.cx.vector_parts(ret_ty);
            let pm = self.vector_part_values(mask);
            let pa = self.vector_part_values(a);
            let pb = self.vector_part_values(b);
            let parts: Vec<Value> = (0..pa.len())
                .map(|i| self.select_lanes(pm[i], pa[i], pb[i], part_ty))
                .collect();
            return self.vector_from_parts(ret_ty, parts);
        }
        let (m, x, y) = (self.val(mask), self.val(a), self.val(b));
        let rt = self.cx.clif_type(ret_ty);
        let r = self.ins(|c| {
            let m = if c.func.dfg.value_type(m) == rt {
                m
            } else {
                c.ins().bitcast(rt, MemFlagsData::new().with_endianness(Endianness::Little), m)
            };
            c.ins().bitselect(m, x, y)
        });
        self.cx.ssa(r, ret_ty)
    }

    /// Applies a lane-wise unary `op`, splitting wide vectors into 128-bit parts.
    fn unary(&mut self, op: UnaryOp, a: Value, ret_ty: Type) -> Value {
        if self.cx.is_split_vector(ret_ty) {
            let (part_ty, _) = self.cx.vector_parts(ret_ty);
            let pa = self.vector_part_values(a);
            let parts: Vec<Value> = pa.iter().map(|&x| self.unary(op, x, part_ty)).collect();
            return self.vector_from_parts(ret_ty, parts);
        }
        let x = self.val(a);
        let r = self.ins(|c| match op {
            UnaryOp::INeg => c.ins().ineg(x),
            UnaryOp::FNeg => c.ins().fneg(x),
            UnaryOp::FAbs => c.ins().fabs(x),
        });
        self.cx.ssa(r, ret_ty)
    }

    fn vector_lane_count(&self, ty: Type) -> u32 {
        match self.cx.type_data(ty) {
            TypeData::Vector { len, .. } => len,
            _ => 0,
        }
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

    pub fn simd_intrinsic(
        &mut self,
        name: Symbol,
        args: &[OperandRef<'tcx, Value>],
        ret_ty: Type,
    ) -> Option<Value> {
        let arg = |i: usize| args[i].immediate();
        let elem_of = |bx: &Self, t: Ty<'tcx>| t.simd_size_and_type(bx.cx.tcx).1;
        match name {
            sym::simd_select => {
                // portable-simd and core::arch pass masks with the values' lane width whose
                // lanes are all ones or all zeros, so a bitwise select is exact.
                let mask_ty = self.cx.value_type(arg(0));
                if self.cx.type_size(mask_ty) != self.cx.type_size(ret_ty)
                    || self.vector_lane_count(mask_ty) != self.vector_lane_count(ret_ty)
                {
                    return None;
                }
                Some(self.select_lanes(arg(0), arg(1), arg(2), ret_ty))
            }
            sym::simd_neg | sym::simd_fabs => {
                let elem = elem_of(self, args[0].layout.ty);
                if elem.is_floating_point() && !matches!(elem.kind(), ty::Float(ty::FloatTy::F32 | ty::FloatTy::F64)) {
                    return None;
                }
                let op = match (name, elem.is_floating_point()) {
                    (sym::simd_neg, false) => UnaryOp::INeg,
                    (sym::simd_neg, true) => UnaryOp::FNeg,
                    _ => UnaryOp::FAbs,
                };
                Some(self.unary(op, arg(0), ret_ty))
            }
            sym::simd_add | sym::simd_sub | sym::simd_mul | sym::simd_and | sym::simd_or
            | sym::simd_xor => {
                let is_float = elem_of(self, args[0].layout.ty).is_floating_point();
                Some(self.lanewise(LaneOp::Bin(name, is_float), arg(0), arg(1), ret_ty))
            }
            sym::simd_eq | sym::simd_ne | sym::simd_lt | sym::simd_le | sym::simd_gt
            | sym::simd_ge => {
                let elem = elem_of(self, args[0].layout.ty);
                // Only same-width masks are produced directly.
                let in_ty = self.cx.value_type(arg(0));
                if self.cx.type_size(in_ty) != self.cx.type_size(ret_ty) {
                    return None;
                }
                let op = if elem.is_floating_point() {
                    LaneOp::Cmp(
                        None,
                        Some(match name {
                            sym::simd_eq => FloatCC::Equal,
                            sym::simd_ne => FloatCC::NotEqual,
                            sym::simd_lt => FloatCC::LessThan,
                            sym::simd_le => FloatCC::LessThanOrEqual,
                            sym::simd_gt => FloatCC::GreaterThan,
                            _ => FloatCC::GreaterThanOrEqual,
                        }),
                    )
                } else {
                    let signed = elem.is_signed();
                    LaneOp::Cmp(
                        Some(match (name, signed) {
                            (sym::simd_eq, _) => IntCC::Equal,
                            (sym::simd_ne, _) => IntCC::NotEqual,
                            (sym::simd_lt, true) => IntCC::SignedLessThan,
                            (sym::simd_lt, false) => IntCC::UnsignedLessThan,
                            (sym::simd_le, true) => IntCC::SignedLessThanOrEqual,
                            (sym::simd_le, false) => IntCC::UnsignedLessThanOrEqual,
                            (sym::simd_gt, true) => IntCC::SignedGreaterThan,
                            (sym::simd_gt, false) => IntCC::UnsignedGreaterThan,
                            (_, true) => IntCC::SignedGreaterThanOrEqual,
                            (_, false) => IntCC::UnsignedGreaterThanOrEqual,
                        }),
                        None,
                    )
                };
                Some(self.lanewise(op, arg(0), arg(1), ret_ty))
            }
            sym::simd_bitmask => {
                let v = arg(0);
                let rt = self.cx.clif_type(ret_ty);
                if !rt.is_int() {
                    return None;
                }
                let lanes_per_part =
                    self.vector_lane_count(self.cx.value_type(v)) / self.parts_of_count(v);
                let parts = self.parts_of(v);
                let mut acc = None;
                for (i, p) in parts.into_iter().enumerate() {
                    let shift = (i as u32 * lanes_per_part) as i64;
                    acc = Some(self.ins(|c| {
                        let bits = c.ins().vhigh_bits(rt, p);
                        let bits = if shift == 0 { bits } else { c.ins().ishl_imm_s(bits, shift) };
                        match acc {
                            Some(a) => c.ins().bor(a, bits),
                            None => bits,
                        }
                    }));
                }
                let mut acc = acc?;
                let lanes = self.vector_lane_count(self.cx.value_type(v));
                if lanes < rt.bits() && lanes < 64 {
                    // Narrow vectors: drop the bits of the unspecified upper lanes.
                    acc = self.ins(|c| c.ins().band_imm_s(acc, ((1u64 << lanes) - 1) as i64));
                }
                Some(self.cx.ssa(acc, ret_ty))
            }
            sym::simd_splat => {
                let x = self.val(arg(0));
                let (part_ty, count) = if self.cx.is_split_vector(ret_ty) {
                    self.cx.vector_parts(ret_ty)
                } else {
                    (ret_ty, 1)
                };
                let ct = self.cx.clif_type(part_ty);
                let r = self.ins(|c| c.ins().splat(ct, x));
                let part = self.cx.ssa(r, part_ty);
                if count == 1 {
                    Some(part)
                } else {
                    Some(self.vector_from_parts(ret_ty, vec![part; count as usize]))
                }
            }
            sym::simd_reduce_all | sym::simd_reduce_any => {
                let all = name == sym::simd_reduce_all;
                let size = self.cx.type_size(self.cx.value_type(arg(0)));
                let parts = self.parts_of(arg(0));
                let mut acc = None;
                for p in parts {
                    // Mask lanes are all-ones or zero, so a narrow vector (whose upper lanes
                    // are unspecified) is tested as one integer of its real size.
                    let narrow_int = (size < 16).then(|| self.narrow_vector_to_int(p, size));
                    acc = Some(self.ins(|c| {
                        let r = if let Some(i) = narrow_int {
                            if all { c.ins().icmp_imm_s(IntCC::Equal, i, -1) } else { c.ins().icmp_imm_s(IntCC::NotEqual, i, 0) }
                        } else if all {
                            c.ins().vall_true(p)
                        } else {
                            c.ins().vany_true(p)
                        };
                        match acc {
                            Some(a) if all => c.ins().band(a, r),
                            Some(a) => c.ins().bor(a, r),
                            None => r,
                        }
                    }));
                }
                Some(self.cx.ssa(acc?, Type::I1))
            }
            sym::simd_extract | sym::simd_extract_dyn => {
                let idx = self.cx.const_int_bits(arg(1))? as u32;
                let (lane, x) = self.lane_ref(arg(0), idx);
                let r = self.ins(|c| c.ins().extractlane(x, lane as u8));
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_insert | sym::simd_insert_dyn => {
                let v = arg(0);
                if self.cx.is_split_vector(ret_ty) {
                    return None;
                }
                let idx = self.cx.const_int_bits(arg(1))?;
                let (x, e) = (self.val(v), self.val(arg(2)));
                let r = self.ins(|c| c.ins().insertlane(x, e, idx as u8));
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_shuffle => {
                let (a, b) = (arg(0), arg(1));
                let in_len = self.vector_lane_count(self.cx.value_type(a)) as u128;
                let Some(ConstData::Agg { elems, .. }) = self.cx.const_data(arg(2)) else {
                    return None;
                };
                let idx: Option<Vec<u128>> = elems.iter().map(|&i| self.cx.const_int_bits(i)).collect();
                let idx = idx?;
                if idx.iter().any(|&i| i >= 2 * in_len) {
                    return None;
                }
                let (part_ty, count) = if self.cx.is_split_vector(ret_ty) {
                    self.cx.vector_parts(ret_ty)
                } else {
                    (ret_ty, 1)
                };
                let per_part = idx.len() / count as usize;
                let mut parts = Vec::new();
                for chunk in idx.chunks(per_part) {
                    let undef = self.cx.const_undef(part_ty);
                    let mut r = self.val(undef);
                    for (out, &i) in chunk.iter().enumerate() {
                        let (src, lane) = if i < in_len { (a, i as u32) } else { (b, (i - in_len) as u32) };
                        let (lane, x) = self.lane_ref(src, lane);
                        r = self.ins(|c| {
                            let e = c.ins().extractlane(x, lane as u8);
                            c.ins().insertlane(r, e, out as u8)
                        });
                    }
                    parts.push(self.cx.ssa(r, part_ty));
                }
                if count == 1 { parts.pop() } else { Some(self.vector_from_parts(ret_ty, parts)) }
            }
            sym::simd_shl | sym::simd_shr | sym::simd_cast | sym::simd_as => {
                let signed = elem_of(self, args[0].layout.ty).is_signed();
                let out_elem = match self.cx.type_data(ret_ty) {
                    TypeData::Vector { elem, .. } => elem,
                    _ => return None,
                };
                let out_ct = self.cx.clif_type(out_elem);
                let in_elem_ty = elem_of(self, args[0].layout.ty);
                let out_elem_ty = elem_of(self, args[0].layout.ty);
                let _ = out_elem_ty;
                if name == sym::simd_cast || name == sym::simd_as {
                    let out_ty = ret_ty;
                    let out_rust_elem = match self.cx.type_data(out_ty) {
                        TypeData::Vector { elem, .. } => elem,
                        _ => return None,
                    };
                    if in_elem_ty.is_floating_point() || self.cx.is_float_type(out_rust_elem) {
                        return None;
                    }
                }
                let (a, b) = (arg(0), if args.len() > 1 { Some(arg(1)) } else { None });
                let lanes = self.vector_lane_count(ret_ty);
                let (part_ty, count) = if self.cx.is_split_vector(ret_ty) {
                    self.cx.vector_parts(ret_ty)
                } else {
                    (ret_ty, 1)
                };
                let per_part = lanes / count;
                let mut parts = Vec::new();
                for p in 0..count {
                    let undef = self.cx.const_undef(part_ty);
                    let mut r = self.val(undef);
                    for out_lane in 0..per_part {
                        let lane = p * per_part + out_lane;
                        let (li, x) = self.lane_ref(a, lane);
                        let sh = b.map(|b| self.lane_ref(b, lane));
                        r = self.ins(|c| {
                            let e = c.ins().extractlane(x, li as u8);
                            let out = match name {
                                sym::simd_shl => {
                                    let (si, y) = sh.unwrap();
                                    let s = c.ins().extractlane(y, si as u8);
                                    c.ins().ishl(e, s)
                                }
                                sym::simd_shr => {
                                    let (si, y) = sh.unwrap();
                                    let s = c.ins().extractlane(y, si as u8);
                                    if signed { c.ins().sshr(e, s) } else { c.ins().ushr(e, s) }
                                }
                                _ => {
                                    let et = c.func.dfg.value_type(e);
                                    if out_ct.bits() > et.bits() {
                                        if signed { c.ins().sextend(out_ct, e) } else { c.ins().uextend(out_ct, e) }
                                    } else if out_ct.bits() < et.bits() {
                                        c.ins().ireduce(out_ct, e)
                                    } else {
                                        e
                                    }
                                }
                            };
                            c.ins().insertlane(r, out, out_lane as u8)
                        });
                    }
                    parts.push(self.cx.ssa(r, part_ty));
                }
                if count == 1 { parts.pop() } else { Some(self.vector_from_parts(ret_ty, parts)) }
            }
            _ => None,
        }
    }

    fn parts_of_count(&self, v: Value) -> u32 {
        let ty = self.cx.value_type(v);
        if self.cx.is_split_vector(ty) { self.cx.vector_parts(ty).1 } else { 1 }
    }

    /// The part holding lane `lane` of vector `v`, and the lane's index in it.
    fn lane_ref(&mut self, v: Value, lane: u32) -> (u32, ir::Value) {
        let ty = self.cx.value_type(v);
        if !self.cx.is_split_vector(ty) {
            return (lane, self.val(v));
        }
        let (part_ty, _) = self.cx.vector_parts(ty);
        let per = self.vector_lane_count(part_ty);
        let parts = self.vector_part_values(v);
        let p = parts[(lane / per) as usize];
        (lane % per, self.val(p))
    }
}

#[allow(unused_imports)]
use clty as _;
