//! Conversions between integer and float widths, with the libcalls and saturation that
//! Cranelift lacks for f16, f128 and 128-bit integers.

use cranelift_codegen::ir::{self, InstBuilder, types as clty};
use rustc_codegen_ssa_ext::libcalls;

use crate::builder::Builder;
use crate::types::Type;
use crate::value::Value;

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn int_resize(&mut self, val: Value, dest_ty: Type, signed: bool) -> Value {
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

    pub(crate) fn float_to_int(&mut self, val: Value, dest_ty: Type, signed: bool) -> Value {
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
    pub(crate) fn saturate_wide_int(
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
            let lo = if signed { c.ins().smax(v, minv) } else { c.ins().umax(v, minv) };
            let clamped = if signed { c.ins().smin(lo, maxv) } else { c.ins().umin(lo, maxv) };
            c.ins().ireduce(narrow, clamped)
        })
    }

    pub(crate) fn int_to_float(&mut self, val: Value, dest_ty: Type, signed: bool) -> Value {
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
}
