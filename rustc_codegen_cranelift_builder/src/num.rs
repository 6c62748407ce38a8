//! Integer and float arithmetic that needs more than one Cranelift instruction: constant
//! folding over (bits, width), 128-bit and odd widths, and f16/f128 through libcalls or f32.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{self, InstBuilder, types as clty};
use rustc_codegen_ssa::common::{IntPredicate, RealPredicate};
use rustc_codegen_ssa_ext::const_fold::{self, IntBinOp as IntOp};
use rustc_codegen_ssa_ext::libcalls;
use rustc_middle::bug;
use smallvec::SmallVec;

use crate::builder::Builder;
use crate::types::{Type, TypeData};
use crate::value::Value;

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn fold_int(&self, op: IntOp, ty: Type, a: Value, b: Value) -> Option<Value> {
        let (x, y) = (self.cx.const_int_bits(a)?, self.cx.const_int_bits(b)?);
        let r = const_fold::int_binop(op, self.cx.int_bits(ty), x, y)?;
        Some(self.cx.const_int(ty, r))
    }

    pub(crate) fn int_op(&mut self, op: IntOp, a: Value, b: Value) -> Value {
        let ty = self.cx.value_type(a);
        let is_vec = matches!(self.cx.type_data(ty), TypeData::Vector { .. });
        if !is_vec && let Some(v) = self.fold_int(op, ty, a, b) {
            return v;
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

    pub(crate) fn float_op(&mut self, a: Value, b: Value, op: &str) -> Value {
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

    pub(crate) fn frem_impl(&mut self, a: Value, b: Value) -> Value {
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
}

pub(crate) fn int_cc(op: IntPredicate) -> IntCC {
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

pub(crate) fn float_cc(op: RealPredicate) -> Option<FloatCC> {
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
