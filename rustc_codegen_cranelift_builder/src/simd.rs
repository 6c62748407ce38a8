//! The subset of the generic `simd_*` intrinsics that std needs on its own (hashbrown's
//! SSE2 group probing): lane-wise integer ops and compares, bitmask and splat. Everything
//! else is reported as unsupported.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{InstBuilder, types as clty};
use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::traits::ConstCodegenMethods;
use rustc_middle::ty;
use rustc_span::{Symbol, sym};

use crate::builder::Builder;
use crate::types::{Type, TypeData};
use crate::value::Value;

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub fn simd_intrinsic(
        &mut self,
        name: Symbol,
        args: &[OperandRef<'tcx, Value>],
        ret_ty: Type,
    ) -> Option<Value> {
        let vec_arg = |i: usize| args[i].immediate();
        match name {
            sym::simd_add | sym::simd_sub | sym::simd_mul | sym::simd_and | sym::simd_or
            | sym::simd_xor => {
                let (a, b) = (vec_arg(0), vec_arg(1));
                let ty = self.cx.value_type(a);
                let is_float = matches!(
                    self.cx.type_data(ty),
                    TypeData::Vector { elem, .. } if self.cx.is_float_type(elem)
                );
                let (x, y) = (self.val(a), self.val(b));
                let r = self.ins(|c| match (name, is_float) {
                    (sym::simd_add, false) => c.ins().iadd(x, y),
                    (sym::simd_add, true) => c.ins().fadd(x, y),
                    (sym::simd_sub, false) => c.ins().isub(x, y),
                    (sym::simd_sub, true) => c.ins().fsub(x, y),
                    (sym::simd_mul, false) => c.ins().imul(x, y),
                    (sym::simd_mul, true) => c.ins().fmul(x, y),
                    (sym::simd_and, _) => c.ins().band(x, y),
                    (sym::simd_or, _) => c.ins().bor(x, y),
                    _ => c.ins().bxor(x, y),
                });
                Some(self.cx.ssa(r, ty))
            }
            sym::simd_eq | sym::simd_ne | sym::simd_lt | sym::simd_le | sym::simd_gt
            | sym::simd_ge => {
                let (a, b) = (vec_arg(0), vec_arg(1));
                let elem_ty = match args[0].layout.ty.kind() {
                    ty::Adt(..) | ty::Array(..) => {
                        args[0].layout.ty.simd_size_and_type(self.cx.tcx).1
                    }
                    _ => return None,
                };
                let (x, y) = (self.val(a), self.val(b));
                let r = if elem_ty.is_floating_point() {
                    let cc = match name {
                        sym::simd_eq => FloatCC::Equal,
                        sym::simd_ne => FloatCC::NotEqual,
                        sym::simd_lt => FloatCC::LessThan,
                        sym::simd_le => FloatCC::LessThanOrEqual,
                        sym::simd_gt => FloatCC::GreaterThan,
                        _ => FloatCC::GreaterThanOrEqual,
                    };
                    let mask = self.ins(|c| c.ins().fcmp(cc, x, y));
                    let it = self.cx.clif_type(ret_ty);
                    self.ins(|c| c.ins().bitcast(it, cranelift_codegen::ir::MemFlagsData::new().with_endianness(cranelift_codegen::ir::Endianness::Little), mask))
                } else {
                    let signed = elem_ty.is_signed();
                    let cc = match (name, signed) {
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
                    };
                    self.ins(|c| c.ins().icmp(cc, x, y))
                };
                // The result lanes are all-ones/all-zeros masks of the result's lane width,
                // which is what Cranelift's vector compares produce for equal widths.
                let rt = self.cx.clif_type(ret_ty);
                let have = self.with_func(|fs| fs.func.dfg.value_type(r));
                if have != rt {
                    return None;
                }
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_bitmask => {
                let a = vec_arg(0);
                let x = self.val(a);
                let rt = self.cx.clif_type(ret_ty);
                let (it, via_array) = if rt.is_int() { (rt, false) } else { (clty::I64, true) };
                if via_array {
                    return None;
                }
                let r = self.ins(|c| c.ins().vhigh_bits(it, x));
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_splat => {
                let x = self.val(vec_arg(0));
                let ct = self.cx.clif_type(ret_ty);
                let r = self.ins(|c| c.ins().splat(ct, x));
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_reduce_all | sym::simd_reduce_any => {
                let x = self.val(vec_arg(0));
                let r = self.ins(|c| {
                    if name == sym::simd_reduce_all { c.ins().vall_true(x) } else { c.ins().vany_true(x) }
                });
                Some(self.cx.ssa(r, Type::I1))
            }
            sym::simd_extract | sym::simd_extract_dyn => {
                let v = vec_arg(0);
                let idx = self.cx.const_int_bits(vec_arg(1))?;
                let x = self.val(v);
                let r = self.ins(|c| c.ins().extractlane(x, idx as u8));
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_insert | sym::simd_insert_dyn => {
                let v = vec_arg(0);
                let idx = self.cx.const_int_bits(vec_arg(1))?;
                let (x, e) = (self.val(v), self.val(vec_arg(2)));
                let r = self.ins(|c| c.ins().insertlane(x, e, idx as u8));
                Some(self.cx.ssa(r, ret_ty))
            }
            sym::simd_shuffle => {
                let (a, b) = (vec_arg(0), vec_arg(1));
                let in_len = match self.cx.type_data(self.cx.value_type(a)) {
                    TypeData::Vector { len, .. } => len as u128,
                    _ => return None,
                };
                let indices = match self.cx.const_data(vec_arg(2)) {
                    Some(crate::value::ConstData::Agg { elems, .. }) => elems,
                    _ => return None,
                };
                let idx: Option<Vec<u128>> = indices.iter().map(|&i| self.cx.const_int_bits(i)).collect();
                let idx = idx?;
                if idx.iter().any(|&i| i >= 2 * in_len) {
                    return None;
                }
                // Lane by lane: always correct, whatever the lane counts.
                let (x, y) = (self.val(a), self.val(b));
                let zero = self.cx.const_undef(ret_ty);
                let mut r = self.val(zero);
                for (out, &i) in idx.iter().enumerate() {
                    let (src, lane) = if i < in_len { (x, i) } else { (y, i - in_len) };
                    r = self.ins(|c| {
                        let e = c.ins().extractlane(src, lane as u8);
                        c.ins().insertlane(r, e, out as u8)
                    });
                }
                Some(self.cx.ssa(r, ret_ty))
            }
            _ => None,
        }
    }
}
