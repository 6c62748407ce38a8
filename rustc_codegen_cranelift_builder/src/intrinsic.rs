//! Intrinsics that cg_ssa hands to the backend, plus overflow checks and float helpers.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    self, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, TrapCode, types as clty,
};
use rustc_abi::BackendRepr;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa_ext::libcalls;
use rustc_middle::ty::{self, Instance, Ty};
use rustc_span::{Span, sym};

use crate::builder::Builder;
use crate::types::Type;
use crate::value::Value;

pub fn checked_binop<'tcx>(
    bx: &mut Builder<'_, 'tcx>,
    oop: OverflowOp,
    ty: Ty<'tcx>,
    lhs: Value,
    rhs: Value,
) -> (Value, Value) {
    let signed = match ty.kind() {
        ty::Int(_) => true,
        ty::Uint(_) => false,
        _ => rustc_middle::bug!("checked_binop on {ty}"),
    };
    let vty = bx.cx.value_type(lhs);
    let ct = bx.cx.clif_type(vty);
    let (a, b) = (bx.val(lhs), bx.val(rhs));
    let (res, of) = match oop {
        OverflowOp::Add | OverflowOp::Sub => {
            let is_add = oop == OverflowOp::Add;
            bx.ins(|c| {
                let r = if is_add { c.ins().iadd(a, b) } else { c.ins().isub(a, b) };
                let of = if signed {
                    // Overflow iff the sign of the result differs from what the operands allow.
                    let t1 = if is_add { c.ins().bxor(a, r) } else { c.ins().bxor(a, b) };
                    let t2 = if is_add { c.ins().bxor(b, r) } else { c.ins().bxor(a, r) };
                    let t = c.ins().band(t1, t2);
                    c.ins().icmp_imm_s(IntCC::SignedLessThan, t, 0)
                } else if is_add {
                    c.ins().icmp(IntCC::UnsignedLessThan, r, a)
                } else {
                    c.ins().icmp(IntCC::UnsignedLessThan, a, b)
                };
                (r, of)
            })
        }
        OverflowOp::Mul => {
            if ct.bits() == 128 {
                let name = if signed { "__rust_i128_mulo" } else { "__rust_u128_mulo" };
                let slot = bx.with_func(|fs| {
                    fs.func.create_sized_stack_slot(StackSlotData::new(
                        StackSlotKind::ExplicitSlot,
                        4,
                        2,
                    ))
                });
                let ptr = bx.cx.pointer_clif_type();
                let p = bx.ins(|c| c.ins().stack_addr(ptr, slot, 0));
                let r =
                    bx.libcall(name, &[clty::I128, clty::I128, ptr], &[clty::I128], &[a, b, p])[0];
                let of = bx.ins(|c| {
                    let o = c.ins().stack_load(ptr, clty::I32, slot, 0);
                    c.ins().icmp_imm_s(IntCC::NotEqual, o, 0)
                });
                (r, of)
            } else if ct.bits() <= 32 {
                let wide = ir::Type::int((ct.bits() * 2) as u16).unwrap();
                bx.ins(|c| {
                    let (wa, wb) = if signed {
                        (c.ins().sextend(wide, a), c.ins().sextend(wide, b))
                    } else {
                        (c.ins().uextend(wide, a), c.ins().uextend(wide, b))
                    };
                    let w = c.ins().imul(wa, wb);
                    let r = c.ins().ireduce(ct, w);
                    let back =
                        if signed { c.ins().sextend(wide, r) } else { c.ins().uextend(wide, r) };
                    let of = c.ins().icmp(IntCC::NotEqual, back, w);
                    (r, of)
                })
            } else {
                bx.ins(|c| {
                    let r = c.ins().imul(a, b);
                    let of = if signed {
                        let hi = c.ins().smulhi(a, b);
                        let sign = c.ins().sshr_imm_s(r, 63);
                        c.ins().icmp(IntCC::NotEqual, hi, sign)
                    } else {
                        let hi = c.ins().umulhi(a, b);
                        c.ins().icmp_imm_s(IntCC::NotEqual, hi, 0)
                    };
                    (r, of)
                })
            }
        }
    };
    (bx.cx.ssa(res, vty), bx.cx.ssa(of, Type::I1))
}

pub fn float_resize(bx: &mut Builder<'_, '_>, val: Value, dest_ty: Type) -> Value {
    let src_ty = bx.cx.value_type(val);
    let (sc, dc) = (bx.cx.clif_type(src_ty), bx.cx.clif_type(dest_ty));
    let x = bx.val(val);
    let r = if sc == dc {
        x
    } else if sc == clty::F32 && dc == clty::F64 {
        bx.ins(|c| c.ins().fpromote(dc, x))
    } else if sc == clty::F64 && dc == clty::F32 {
        bx.ins(|c| c.ins().fdemote(dc, x))
    } else {
        let name = libcalls::float_resize(sc.bits(), dc.bits());
        bx.libcall(&name, &[sc], &[dc], &[x])[0]
    };
    bx.cx.ssa(r, dest_ty)
}

/// Comparison of f16/f128 values, which x86_64 Cranelift cannot compare natively.
pub fn soft_fcmp(
    bx: &mut Builder<'_, '_>,
    cc: FloatCC,
    ct: clty::Type,
    x: ir::Value,
    y: ir::Value,
) -> ir::Value {
    if ct == clty::F16 {
        // f32 represents every f16 exactly, so comparing there is exact.
        let extend = libcalls::float_resize(16, 32);
        let a = bx.libcall(&extend, &[ct], &[clty::F32], &[x])[0];
        let b = bx.libcall(&extend, &[ct], &[clty::F32], &[y])[0];
        return bx.ins(|c| c.ins().fcmp(cc, a, b));
    }
    // The comparison routines return an i32 whose sign encodes the ordering.
    let cmp = |bx: &mut Builder<'_, '_>, op: &str, icc: IntCC| {
        let r = bx.libcall(&libcalls::float_compare(op, 128), &[ct, ct], &[clty::I32], &[x, y])[0];
        bx.ins(|c| c.ins().icmp_imm_s(icc, r, 0))
    };
    let unord = |bx: &mut Builder<'_, '_>| {
        let r =
            bx.libcall(&libcalls::float_compare("unord", 128), &[ct, ct], &[clty::I32], &[x, y])[0];
        bx.ins(|c| c.ins().icmp_imm_s(IntCC::NotEqual, r, 0))
    };
    let or = |bx: &mut Builder<'_, '_>, a: ir::Value, b: ir::Value| bx.ins(|c| c.ins().bor(a, b));
    match cc {
        FloatCC::Equal => cmp(bx, "eq", IntCC::Equal),
        FloatCC::NotEqual => cmp(bx, "ne", IntCC::NotEqual),
        FloatCC::LessThan => cmp(bx, "lt", IntCC::SignedLessThan),
        FloatCC::LessThanOrEqual => cmp(bx, "le", IntCC::SignedLessThanOrEqual),
        FloatCC::GreaterThan => cmp(bx, "gt", IntCC::SignedGreaterThan),
        FloatCC::GreaterThanOrEqual => cmp(bx, "ge", IntCC::SignedGreaterThanOrEqual),
        FloatCC::Unordered => unord(bx),
        FloatCC::Ordered => {
            let u = unord(bx);
            bx.ins(|c| c.ins().bxor_imm_s(u, 1))
        }
        FloatCC::OrderedNotEqual => {
            let lt = cmp(bx, "lt", IntCC::SignedLessThan);
            let gt = cmp(bx, "gt", IntCC::SignedGreaterThan);
            or(bx, lt, gt)
        }
        FloatCC::UnorderedOrEqual => {
            let u = unord(bx);
            let e = cmp(bx, "eq", IntCC::Equal);
            or(bx, u, e)
        }
        FloatCC::UnorderedOrLessThan => {
            let u = unord(bx);
            let e = cmp(bx, "lt", IntCC::SignedLessThan);
            or(bx, u, e)
        }
        FloatCC::UnorderedOrLessThanOrEqual => {
            let u = unord(bx);
            let e = cmp(bx, "le", IntCC::SignedLessThanOrEqual);
            or(bx, u, e)
        }
        FloatCC::UnorderedOrGreaterThan => {
            let u = unord(bx);
            let e = cmp(bx, "gt", IntCC::SignedGreaterThan);
            or(bx, u, e)
        }
        FloatCC::UnorderedOrGreaterThanOrEqual => {
            let u = unord(bx);
            let e = cmp(bx, "ge", IntCC::SignedGreaterThanOrEqual);
            or(bx, u, e)
        }
    }
}

impl<'a, 'tcx> IntrinsicCallBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn codegen_intrinsic_call(
        &mut self,
        instance: Instance<'tcx>,
        args: &[OperandRef<'tcx, Value>],
        result: PlaceRef<'tcx, Value>,
        span: Span,
    ) -> Result<(), Instance<'tcx>> {
        let tcx = self.cx.tcx;
        let name = tcx.item_name(instance.def_id());
        let name_str = name.as_str();
        let ret_ty = if result.layout.is_zst() {
            Type::VOID
        } else {
            self.cx.immediate_backend_type(result.layout)
        };

        let value: Value = match name {
            sym::ctpop
            | sym::ctlz
            | sym::ctlz_nonzero
            | sym::cttz
            | sym::cttz_nonzero
            | sym::bswap
            | sym::bitreverse => {
                let v = args[0].immediate();
                let ty = self.cx.value_type(v);
                let ct = self.cx.clif_type(ty);
                let x = self.val(v);
                let r = self.ins(|c| match name {
                    sym::ctpop => c.ins().popcnt(x),
                    sym::ctlz | sym::ctlz_nonzero => c.ins().clz(x),
                    sym::cttz | sym::cttz_nonzero => c.ins().ctz(x),
                    sym::bswap if ct == clty::I8 => x,
                    sym::bswap => c.ins().bswap(x),
                    _ => c.ins().bitrev(x),
                });
                let vr = self.cx.ssa(r, ty);
                if matches!(name, sym::bswap | sym::bitreverse) {
                    vr
                } else {
                    self.intcast(vr, ret_ty, false)
                }
            }
            sym::rotate_left | sym::rotate_right => {
                let v = args[0].immediate();
                let ty = self.cx.value_type(v);
                let x = self.val(v);
                let s = self.val(args[1].immediate());
                let r = self.ins(|c| {
                    if name == sym::rotate_left { c.ins().rotl(x, s) } else { c.ins().rotr(x, s) }
                });
                self.cx.ssa(r, ty)
            }
            sym::saturating_add | sym::saturating_sub => {
                let signed = args[0].layout.ty.is_signed();
                let (lhs, rhs) = (args[0].immediate(), args[1].immediate());
                let ty = self.cx.value_type(lhs);
                let ct = self.cx.clif_type(ty);
                let (a, b) = (self.val(lhs), self.val(rhs));
                let is_add = name == sym::saturating_add;
                let bits = ct.bits();
                let max_bits = if signed {
                    (1u128 << (bits - 1)) - 1
                } else if bits == 128 {
                    u128::MAX
                } else {
                    (1u128 << bits) - 1
                };
                let min_bits = if signed { !max_bits } else { 0 };
                let maxv = self.cx.const_int(ty, max_bits);
                let minv = self.cx.const_int(ty, min_bits);
                let (maxv, minv) = (self.val(maxv), self.val(minv));
                let r = self.ins(|c| {
                    let r = if is_add { c.ins().iadd(a, b) } else { c.ins().isub(a, b) };
                    if signed {
                        let t1 = if is_add { c.ins().bxor(a, r) } else { c.ins().bxor(a, b) };
                        let t2 = if is_add { c.ins().bxor(b, r) } else { c.ins().bxor(a, r) };
                        let t = c.ins().band(t1, t2);
                        let of = c.ins().icmp_imm_s(IntCC::SignedLessThan, t, 0);
                        let neg = c.ins().icmp_imm_s(IntCC::SignedLessThan, a, 0);
                        let sat = c.ins().select(neg, minv, maxv);
                        c.ins().select(of, sat, r)
                    } else if is_add {
                        let of = c.ins().icmp(IntCC::UnsignedLessThan, r, a);
                        c.ins().select(of, maxv, r)
                    } else {
                        let of = c.ins().icmp(IntCC::UnsignedLessThan, a, b);
                        c.ins().select(of, minv, r)
                    }
                });
                self.cx.ssa(r, ty)
            }
            sym::black_box => {
                // Going through memory keeps the value opaque to Cranelift's optimizer.
                if !result.layout.is_zst() {
                    args[0].val.store(self, result);
                }
                return Ok(());
            }
            sym::volatile_load | sym::unaligned_volatile_load
                if !self.cx.is_backend_immediate(result.layout)
                    && !self.cx.is_backend_scalar_pair(result.layout) =>
            {
                // Aggregates in memory: copy the bytes; calls are never elided.
                let size = self.cx.const_usize(result.layout.size.bytes());
                let align = result.layout.align.abi;
                self.memcpy(
                    result.val.llval,
                    align,
                    args[0].immediate(),
                    align,
                    size,
                    rustc_codegen_ssa::MemFlags::VOLATILE,
                    None,
                );
                return Ok(());
            }
            sym::volatile_load | sym::unaligned_volatile_load => {
                let ptr = args[0].immediate();
                let llty = self.cx.backend_type(result.layout);
                let v = self.volatile_load(llty, ptr);
                if let BackendRepr::Scalar(s) = result.layout.backend_repr {
                    self.to_immediate_scalar(v, s)
                } else {
                    v
                }
            }
            sym::volatile_store => {
                let dst = args[0].deref(self.cx);
                args[1].val.volatile_store(self, dst);
                return Ok(());
            }
            sym::unaligned_volatile_store => {
                let dst = args[0].deref(self.cx);
                args[1].val.unaligned_volatile_store(self, dst);
                return Ok(());
            }
            sym::prefetch_read_data
            | sym::prefetch_write_data
            | sym::prefetch_read_instruction
            | sym::prefetch_write_instruction => return Ok(()),
            sym::is_val_statically_known => self.cx.const_bool(false),
            sym::catch_unwind => {
                return crate::eh::catch_unwind(self, args, result);
            }
            sym::raw_eq => {
                let layout = self.cx.layout_of(instance.args.type_at(0));
                let size = layout.size.bytes();
                if size == 0 {
                    self.cx.const_bool(true)
                } else {
                    let (a, b) = (self.val(args[0].immediate()), self.val(args[1].immediate()));
                    let n = self.cx.const_usize(size);
                    let n = self.val(n);
                    let ptr = self.cx.pointer_clif_type();
                    let r = self.libcall("memcmp", &[ptr, ptr, ptr], &[clty::I32], &[a, b, n])[0];
                    let r = self.ins(|c| c.ins().icmp_imm_s(IntCC::Equal, r, 0));
                    self.cx.ssa(r, Type::I1)
                }
            }
            sym::compare_bytes => {
                let (a, b, n) = (
                    self.val(args[0].immediate()),
                    self.val(args[1].immediate()),
                    self.val(args[2].immediate()),
                );
                let ptr = self.cx.pointer_clif_type();
                let r = self.libcall("memcmp", &[ptr, ptr, ptr], &[clty::I32], &[a, b, n])[0];
                self.cx.ssa(r, Type::I32)
            }
            sym::ptr_mask => {
                let (p, m) = (self.val(args[0].immediate()), self.val(args[1].immediate()));
                let r = self.ins(|c| c.ins().band(p, m));
                self.cx.ssa(r, Type::PTR)
            }
            sym::va_arg => {
                let target = &tcx.sess.target;
                let read = rustc_codegen_ssa_ext::va_list::VaAbi::of(target)
                    .ok_or_else(|| "`va_arg` on this target".to_string())
                    .and_then(|abi| {
                        rustc_codegen_ssa_ext::va_list::va_arg(
                            self,
                            abi,
                            args[0].immediate(),
                            result.layout,
                        )
                    });
                match read {
                    Ok(v) => v,
                    Err(what) => {
                        crate::errors::unsupported(tcx, span, &what);
                        return Ok(());
                    }
                }
            }
            sym::breakpoint => {
                self.ins(|c| c.ins().debugtrap());
                return Ok(());
            }
            _ if name_str.starts_with("powi") => {
                let x = self.val(args[0].immediate());
                let n = self.val(args[1].immediate());
                let ct = self.cx.clif_type(ret_ty);
                if ct == clty::F16 {
                    // compiler-builtins has no `__powihf2`: LLVM computes it in f32.
                    let r = self.via_f32(&[x], |bx, v| {
                        bx.libcall(
                            &libcalls::powi(32),
                            &[clty::F32, clty::I32],
                            &[clty::F32],
                            &[v[0], n],
                        )[0]
                    });
                    return {
                        OperandValue::Immediate(self.cx.ssa(r, ret_ty)).store(self, result);
                        Ok(())
                    };
                }
                let fname = libcalls::powi(ct.bits());
                let r = self.libcall(&fname, &[ct, clty::I32], &[ct], &[x, n])[0];
                self.cx.ssa(r, ret_ty)
            }
            _ if rustc_codegen_ssa_ext::simd::is_simd_intrinsic(name) => {
                // Errors (misuse) are reported there; the result is stored there too.
                let _ = rustc_codegen_ssa_ext::simd::codegen_simd_intrinsic(
                    self, instance, args, result, span,
                );
                return Ok(());
            }
            _ => {
                if let Some(v) = self.float_intrinsic(name_str, args) {
                    if !result.layout.is_zst() {
                        OperandValue::Immediate(v).store(self, result);
                    }
                    return Ok(());
                }
                let intrinsic = tcx.intrinsic(instance.def_id());
                if intrinsic.is_some_and(|i| !i.must_be_overridden) {
                    // core provides a fallback body written in Rust.
                    return Err(Instance::new_raw(instance.def_id(), instance.args));
                }
                crate::errors::unsupported(tcx, span, &format!("the intrinsic `{name}`"));
                return Ok(());
            }
        };
        if !result.layout.is_zst() {
            OperandRef::from_immediate_or_packed_pair(self, value, result.layout)
                .val
                .store(self, result);
        }
        Ok(())
    }

    fn codegen_llvm_intrinsic_call(
        &mut self,
        instance: Instance<'tcx>,
        args: &[OperandRef<'tcx, Value>],
        _is_cleanup: bool,
    ) -> Value {
        use rustc_codegen_ssa_ext::llvm_intrinsic::{self, LlvmIntrinsic, classify};
        let tcx = self.cx.tcx;
        let name = tcx
            .codegen_fn_attrs(instance.def_id())
            .symbol_name
            .map(|s| s.to_string())
            .unwrap_or_default();
        let span = self.with_func(|fs| fs.span);
        let sig = tcx.fn_sig(instance.def_id()).instantiate_identity().skip_binder();
        let layout = self.cx.layout_of(sig.output());
        match classify(&name) {
            Some(LlvmIntrinsic::Nop) => return self.cx.local_value(crate::value::LocalData::Void),
            Some(LlvmIntrinsic::ByteShuffleInLanes { .. }) => {
                if !self.has_target_feature("ssse3") {
                    // Cranelift's pshufb needs SSSE3 in the ISA; LLVM would not accept it
                    // either outside an SSSE3 function.
                    crate::errors::unsupported(
                        tcx,
                        span,
                        &format!("`{name}` without SSSE3 enabled"),
                    );
                    return self.cx.const_undef(self.cx.immediate_backend_type(layout));
                }
                let ret_ty = self.cx.immediate_backend_type(layout);
                let (a, idx) = (args[0].immediate(), args[1].immediate());
                return self.byte_shuffle_in_lanes(a, idx, ret_ty);
            }
            Some(LlvmIntrinsic::TableLookup16) => {
                // Cranelift's `swizzle` has tbl's zeroing rule (aarch64 lowers it to tbl).
                let ret_ty = self.cx.immediate_backend_type(layout);
                let (t, idx) = (args[0].immediate(), args[1].immediate());
                return self.table_lookup16(t, idx, ret_ty);
            }
            Some(LlvmIntrinsic::X86Instruction { op, imm })
                if tcx.sess.asm_arch == Some(rustc_target::asm::InlineAsmArch::X86_64) =>
            {
                // Cranelift has none of these: each is a small assembly function.
                let (what, body) = llvm_intrinsic::x86_asm_fallback(op);
                let Some(arg) = imm else {
                    return self.call_asm_function(what, body, instance, args);
                };
                // core::arch passes a const generic; the instruction encodes it.
                match self.cx.const_int_bits(args[arg].immediate()) {
                    Some(imm) => {
                        let (what, body) =
                            llvm_intrinsic::asm_with_immediate(what, body, imm as u8);
                        return self.call_asm_function(&what, &body, instance, args);
                    }
                    None => {
                        let msg = format!("`{name}` with a non-constant immediate operand");
                        crate::errors::unsupported(tcx, span, &msg);
                        return self.cx.const_undef(self.cx.immediate_backend_type(layout));
                    }
                }
            }
            _ => {}
        }
        // Name a `core::arch` function behind it, which users know better than LLVM's names.
        let arch = match tcx.sess.target.arch {
            rustc_target::spec::Arch::AArch64 => rustc_codegen_ssa_ext::arch::Arch::Aarch64,
            _ => rustc_codegen_ssa_ext::arch::Arch::X86,
        };
        // The templates are x86_64 and aarch64 assembly (not 32-bit x86).
        let template_arch = match tcx.sess.asm_arch {
            Some(rustc_target::asm::InlineAsmArch::X86_64) => {
                Some(rustc_codegen_ssa_ext::arch::Arch::X86)
            }
            Some(rustc_target::asm::InlineAsmArch::AArch64) => {
                Some(rustc_codegen_ssa_ext::arch::Arch::Aarch64)
            }
            _ => None,
        };
        if let Some(row) = rustc_codegen_ssa_ext::arch::lookup(arch, &name)
            && !row.asm.is_empty()
            && template_arch == Some(row.arch)
        {
            return self.call_template_function(row, args, layout, span);
        }
        let what = match rustc_codegen_ssa_ext::arch::lookup(arch, &name) {
            Some(row) => format!(
                "the LLVM intrinsic `{name}` (behind `core::arch` functions such as `{}`)",
                row.wrapper
            ),
            None => format!("the LLVM intrinsic `{name}`"),
        };
        crate::errors::unsupported(tcx, span, &what);
        if layout.is_zst() {
            self.cx.local_value(crate::value::LocalData::Void)
        } else if matches!(layout.backend_repr, rustc_abi::BackendRepr::Memory { .. }) {
            // A struct result is a pointer to it (see `abi::store_arg`).
            self.cx.const_null(crate::types::Type::PTR)
        } else {
            self.cx.const_undef(self.cx.immediate_backend_type(layout))
        }
    }

    fn abort(&mut self) {
        self.ins(|c| c.ins().trap(TrapCode::unwrap_user(2)));
    }

    fn assume(&mut self, _val: Value) {}

    fn expect(&mut self, cond: Value, _expected: bool) -> Value {
        cond
    }

    fn type_checked_load(
        &mut self,
        _llvtable: Value,
        _vtable_byte_offset: u64,
        _typeid: &[u8],
    ) -> Value {
        rustc_middle::bug!("type_checked_load is only used with CFI, which is rejected at startup")
    }

    fn va_start(&mut self, list: Value) -> Value {
        // Only a C-variadic definition's `...` starts a list, and its shim passes the
        // saved registers as the body's last parameter.
        let def = self.cx.va_defs.borrow().get(&self.bb.func).copied();
        let Some(def) = def else {
            // The definition was rejected (`declare::predefine_variadic`).
            self.cx.tcx.dcx().delayed_bug("va_start outside a C-variadic definition");
            return self.cx.local_value(crate::value::LocalData::Void);
        };
        let area = self.with_func(|fs| {
            let entry = fs.func.layout.entry_block().expect("function has no entry block");
            *fs.func.dfg.block_params(entry).last().expect("no area parameter")
        });
        let area = self.cx.ssa(area, Type::PTR);
        rustc_codegen_ssa_ext::va_list::va_start(self, def, area, list);
        self.cx.local_value(crate::value::LocalData::Void)
    }

    fn va_end(&mut self, _val: Value) -> Value {
        self.cx.local_value(crate::value::LocalData::Void)
    }

    fn retag_mem(&mut self, _place: Value, _info: &rustc_codegen_ssa::RetagInfo<Value>) {}

    fn retag_reg(&mut self, ptr: Value, _info: &rustc_codegen_ssa::RetagInfo<Value>) -> Value {
        ptr
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// Float math intrinsics (`sqrtf64`, `floorf32`, `minimumf64`, ...): native where
    /// Cranelift has the instruction, libm or compiler-builtins otherwise.
    fn float_intrinsic(&mut self, name: &str, args: &[OperandRef<'tcx, Value>]) -> Option<Value> {
        // Names are either suffixed (`sqrtf64`, `round_ties_even_f32`) or generic (`fabs`).
        let mut op = name;
        for suffix in ["f16", "f32", "f64", "f128"] {
            if let Some(o) = name.strip_suffix(suffix) {
                op = o.strip_suffix('_').unwrap_or(o);
            }
        }
        let first = args.first()?;
        let ty = match first.layout.ty.kind() {
            ty::Float(_) => self.cx.immediate_backend_type(first.layout),
            _ => return None,
        };
        const OPS: &[&str] = &[
            "sqrt",
            "fabs",
            "copysign",
            "fma",
            "fmuladd",
            "floor",
            "ceil",
            "trunc",
            "rint",
            "nearbyint",
            "round",
            "round_ties_even",
            "minimum",
            "maximum",
            "minnum",
            "maxnum",
            "minimum_number_nsz",
            "maximum_number_nsz",
            "sin",
            "cos",
            "tan",
            "exp",
            "exp2",
            "log",
            "log2",
            "log10",
            "pow",
            "cbrt",
        ];
        if !OPS.contains(&op) {
            return None;
        }
        let vals: Vec<ir::Value> = args.iter().map(|a| self.val(a.immediate())).collect();
        let r = self.float_math(op, ty, &vals)?;
        Some(self.cx.ssa(r, ty))
    }

    /// The float operation `op` (an intrinsic name without its type suffix) on values of
    /// type `ty`: native where Cranelift has it for f32/f64, a libm or compiler-builtins
    /// call otherwise.
    pub fn float_math(&mut self, op: &str, ty: Type, vals: &[ir::Value]) -> Option<ir::Value> {
        if ty == Type::F16 && matches!(op, "fabs" | "copysign") {
            // Sign-bit operations, exact on the bits.
            let (x, y) = (vals[0], vals.get(1).copied());
            return Some(self.ins(|c| {
                let xi = c.ins().bitcast(clty::I16, MemFlagsData::new(), x);
                let mag = c.ins().band_imm_s(xi, 0x7fff);
                let r = match y {
                    Some(y) => {
                        let yi = c.ins().bitcast(clty::I16, MemFlagsData::new(), y);
                        let sign = c.ins().band_imm_s(yi, 0x8000u16 as i16 as i64);
                        c.ins().bor(mag, sign)
                    }
                    None => mag,
                };
                c.ins().bitcast(clty::F16, MemFlagsData::new(), r)
            }));
        }
        if ty == Type::F16 {
            // glibc has no f16 math: compute in f32 as LLVM does, rounding once at the end.
            let mut ok = true;
            let r = self.via_f32(vals, |bx, v| match bx.float_math(op, Type::F32, v) {
                Some(r) => r,
                None => {
                    ok = false;
                    v[0]
                }
            });
            return ok.then_some(r);
        }
        let ct = self.cx.clif_type(ty);
        let native = ct == clty::F32 || ct == clty::F64;
        let libm = |bx: &mut Self, op: &str| -> ir::Value {
            let params = vec![ct; vals.len()];
            let name = libcalls::float_math(op, ct.bits()).expect("a float width");
            bx.libcall(&name, &params, &[ct], vals)[0]
        };
        let r = match op {
            "sqrt" if native => self.ins(|c| c.ins().sqrt(vals[0])),
            "fabs" if native => self.ins(|c| c.ins().fabs(vals[0])),
            "copysign" if native => self.ins(|c| c.ins().fcopysign(vals[0], vals[1])),
            "fma" | "fmuladd" if native => self.ins(|c| c.ins().fma(vals[0], vals[1], vals[2])),
            "floor" if native => self.ins(|c| c.ins().floor(vals[0])),
            "ceil" if native => self.ins(|c| c.ins().ceil(vals[0])),
            "trunc" if native => self.ins(|c| c.ins().trunc(vals[0])),
            "round_ties_even" | "rint" | "nearbyint" if native => {
                self.ins(|c| c.ins().nearest(vals[0]))
            }
            // Cranelift's fmin/fmax are IEEE 754-2019 minimum/maximum.
            "minimum" if native => self.ins(|c| c.ins().fmin(vals[0], vals[1])),
            "maximum" if native => self.ins(|c| c.ins().fmax(vals[0], vals[1])),
            "minnum" | "minimum_number_nsz" => libm(self, "fmin"),
            "maxnum" | "maximum_number_nsz" => libm(self, "fmax"),
            "minimum" => libm(self, "fminimum"),
            "maximum" => libm(self, "fmaximum"),
            "fmuladd" => libm(self, "fma"),
            "round_ties_even" => libm(self, "rint"),
            "sqrt" | "fabs" | "copysign" | "fma" | "floor" | "ceil" | "trunc" | "rint"
            | "round" | "sin" | "cos" | "tan" | "exp" | "exp2" | "log" | "log2" | "log10"
            | "pow" | "cbrt" => libm(self, op),
            _ => return None,
        };
        Some(r)
    }
}
