//! The `simd_*` intrinsics (`library/core/src/intrinsics/simd/`), lowered once over the
//! vocabulary, with rustc's monomorphization checks: misuse is the same
//! `InvalidMonomorphization` error (E0511) the LLVM backend reports.

use rustc_abi::{Align, BackendRepr, Integer};
use rustc_codegen_ssa::errors::{ExpectedPointerMutability, InvalidMonomorphization};
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_middle::ty::{self, Instance, Ty};
use rustc_span::{Span, Symbol, sym};

use super::ops::{CastOp, CmpOp, Elem, LaneOp, ReduceOp, shuffle_source};
use super::vocab::{Shape, SimdBuilderMethods, per_lane};

/// The lane-wise intrinsics and their operation.
pub fn lane_op(name: Symbol) -> Option<LaneOp> {
    use LaneOp::*;
    Some(match name {
        sym::simd_add => Add,
        sym::simd_sub => Sub,
        sym::simd_mul => Mul,
        sym::simd_div => Div,
        sym::simd_rem => Rem,
        sym::simd_shl => Shl,
        sym::simd_shr => Shr,
        sym::simd_and => And,
        sym::simd_or => Or,
        sym::simd_xor => Xor,
        sym::simd_saturating_add => SaturatingAdd,
        sym::simd_saturating_sub => SaturatingSub,
        sym::simd_minimum_number_nsz => MinimumNumber,
        sym::simd_maximum_number_nsz => MaximumNumber,
        sym::simd_carryless_mul => CarrylessMul,
        sym::simd_neg => Neg,
        sym::simd_fabs => Fabs,
        sym::simd_ctpop => Ctpop,
        sym::simd_ctlz => Ctlz,
        sym::simd_cttz => Cttz,
        sym::simd_bswap => Bswap,
        sym::simd_bitreverse => Bitreverse,
        sym::simd_fsqrt => Sqrt,
        sym::simd_ceil => Ceil,
        sym::simd_floor => Floor,
        sym::simd_trunc => Trunc,
        sym::simd_round => Round,
        sym::simd_round_ties_even => RoundTiesEven,
        sym::simd_fsin => Sin,
        sym::simd_fcos => Cos,
        sym::simd_fexp => Exp,
        sym::simd_fexp2 => Exp2,
        sym::simd_flog => Log,
        sym::simd_flog2 => Log2,
        sym::simd_flog10 => Log10,
        sym::simd_fma => Fma,
        sym::simd_relaxed_fma => RelaxedFma,
        sym::simd_funnel_shl => FunnelShl,
        sym::simd_funnel_shr => FunnelShr,
        _ => return None,
    })
}

fn cmp_op(name: Symbol) -> Option<CmpOp> {
    Some(match name {
        sym::simd_eq => CmpOp::Eq,
        sym::simd_ne => CmpOp::Ne,
        sym::simd_lt => CmpOp::Lt,
        sym::simd_le => CmpOp::Le,
        sym::simd_gt => CmpOp::Gt,
        sym::simd_ge => CmpOp::Ge,
        _ => return None,
    })
}

fn reduce_op(name: Symbol) -> Option<ReduceOp> {
    Some(match name {
        sym::simd_reduce_add_ordered => ReduceOp::AddOrdered,
        sym::simd_reduce_mul_ordered => ReduceOp::MulOrdered,
        sym::simd_reduce_add_unordered => ReduceOp::AddUnordered,
        sym::simd_reduce_mul_unordered => ReduceOp::MulUnordered,
        sym::simd_reduce_min => ReduceOp::Min,
        sym::simd_reduce_max => ReduceOp::Max,
        sym::simd_reduce_and => ReduceOp::And,
        sym::simd_reduce_or => ReduceOp::Or,
        sym::simd_reduce_xor => ReduceOp::Xor,
        sym::simd_reduce_all => ReduceOp::All,
        sym::simd_reduce_any => ReduceOp::Any,
        _ => return None,
    })
}

/// Whether `name` is one of the generic SIMD intrinsics lowered here.
pub fn is_simd_intrinsic(name: Symbol) -> bool {
    lane_op(name).is_some()
        || cmp_op(name).is_some()
        || reduce_op(name).is_some()
        || matches!(
            name,
            sym::simd_insert
                | sym::simd_insert_dyn
                | sym::simd_extract
                | sym::simd_extract_dyn
                | sym::simd_splat
                | sym::simd_shuffle
                | sym::simd_select
                | sym::simd_select_bitmask
                | sym::simd_bitmask
                | sym::simd_cast
                | sym::simd_as
                | sym::simd_cast_ptr
                | sym::simd_expose_provenance
                | sym::simd_with_exposed_provenance
                | sym::simd_arith_offset
                | sym::simd_gather
                | sym::simd_scatter
                | sym::simd_masked_load
                | sym::simd_masked_store
        )
}

struct Cx<'b, 'tcx> {
    name: Symbol,
    span: Span,
    args: &'b [Ty<'tcx>],
}

/// Lowers the generic SIMD intrinsic `instance` and stores its result in `result`. On
/// misuse the error is emitted here and `Err` returned.
#[allow(
    clippy::result_unit_err,
    reason = "the error is already emitted, as in cg_ssa's own intrinsics"
)]
pub fn codegen_simd_intrinsic<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    instance: Instance<'tcx>,
    args: &[OperandRef<'tcx, Bx::Value>],
    result: PlaceRef<'tcx, Bx::Value>,
    span: Span,
) -> Result<(), ()> {
    let tcx = bx.tcx();
    let name = tcx.item_name(instance.def_id());
    let arg_tys: Vec<Ty<'tcx>> = args.iter().map(|a| a.layout.ty).collect();
    let ret_ty = result.layout.ty;
    let cx = Cx { name, span, args: &arg_tys };

    macro_rules! err {
        ($diag:expr) => {{
            bx.tcx().dcx().emit_err($diag);
            return Err(());
        }};
    }
    macro_rules! require {
        ($cond:expr, $diag:expr) => {
            if !$cond {
                err!($diag)
            }
        };
    }
    macro_rules! require_simd {
        ($ty:expr, $variant:ident) => {{
            let t: Ty<'tcx> = $ty;
            require!(t.is_simd(), InvalidMonomorphization::$variant { span, name, ty: t });
            match shape_of(bx, t) {
                Some(s) => s,
                None => {
                    let (_, e) = t.simd_size_and_type(bx.tcx());
                    err!(InvalidMonomorphization::UnsupportedOperation {
                        span,
                        name,
                        in_ty: t,
                        in_elem: e
                    })
                }
            }
        }};
    }
    let _ = &cx;

    // simd_select_bitmask and simd_splat do not take a vector first.
    if name == sym::simd_select_bitmask {
        let shape = require_simd!(arg_tys[1], SimdArgument);
        let expected_int_bits = shape.len.max(8).next_power_of_two();
        let expected_bytes = shape.len.div_ceil(8);
        let mask_ty = arg_tys[0];
        let ok = match *mask_ty.kind() {
            ty::Int(i) => i.bit_width() == Some(expected_int_bits),
            ty::Uint(i) => i.bit_width() == Some(expected_int_bits),
            ty::Array(e, n) => {
                matches!(e.kind(), ty::Uint(ty::UintTy::U8))
                    && n.try_to_target_usize(tcx) == Some(expected_bytes)
            }
            _ => false,
        };
        require!(
            ok,
            InvalidMonomorphization::InvalidBitmask {
                span,
                name,
                mask_ty,
                expected_int_bits,
                expected_bytes
            }
        );
        let bits = bitmask_operand(bx, &args[0]);
        let (a, b) = (vector_arg(bx, &args[1], shape), vector_arg(bx, &args[2], shape));
        let r = select_by_bits(bx, bits, shape, a, b);
        return store_vector(bx, r, shape, result);
    }
    if name == sym::simd_splat {
        let shape = require_simd!(ret_ty, SimdReturn);
        require!(
            arg_tys[0] == shape.elem_ty,
            InvalidMonomorphization::ExpectedVectorElementType {
                span,
                name,
                expected_element: shape.elem_ty,
                vector_type: ret_ty,
            }
        );
        let r = bx.simd_splat(shape, args[0].immediate());
        return store_vector(bx, r, shape, result);
    }

    let in_ty = arg_tys[0];
    let shape = require_simd!(in_ty, SimdInput);
    let in_elem = shape.elem_ty;
    let in_len = shape.len;
    // A vector result with as many lanes as the input.
    macro_rules! require_len_of_input {
        ($out:expr) => {
            require!(
                in_len == $out.len,
                InvalidMonomorphization::ReturnLengthInputType {
                    span,
                    name,
                    in_len,
                    in_ty,
                    ret_ty,
                    out_len: $out.len
                }
            )
        };
    }

    if let Some(op) = lane_op(name) {
        if !op.accepts(shape.elem) {
            // The same wording as LLVM's backend, which words it per intrinsic group.
            use LaneOp::*;
            match op {
                _ if op.is_math() && !op.accepts(Elem::Int { signed: false, bits: 8 })
                    || op == RelaxedFma =>
                {
                    err!(InvalidMonomorphization::BasicFloatType { span, name, ty: in_ty })
                }
                SaturatingAdd | SaturatingSub => {
                    err!(InvalidMonomorphization::ExpectedVectorElementType {
                        span,
                        name,
                        expected_element: in_elem,
                        vector_type: in_ty,
                    })
                }
                _ => err!(InvalidMonomorphization::UnsupportedOperation {
                    span,
                    name,
                    in_ty,
                    in_elem
                }),
            }
        }
        let vals: Vec<Bx::Value> = args.iter().map(|a| vector_arg(bx, a, shape)).collect();
        let r = bx.simd_lanewise(op, shape, &vals);
        return store_vector(bx, r, shape, result);
    }

    if let Some(op) = cmp_op(name) {
        let out = require_simd!(ret_ty, SimdReturn);
        require_len_of_input!(out);
        require!(
            out.elem.is_int() && out.elem.bits() == shape.elem.bits(),
            InvalidMonomorphization::ReturnIntegerType { span, name, ret_ty, out_ty: out.elem_ty }
        );
        let (a, b) = (vector_arg(bx, &args[0], shape), vector_arg(bx, &args[1], shape));
        let r = bx.simd_compare(op, shape, a, b, out);
        return store_vector(bx, r, out, result);
    }

    if let Some(op) = reduce_op(name) {
        let v = vector_arg(bx, &args[0], shape);
        let r = match op {
            ReduceOp::All | ReduceOp::Any => {
                require!(
                    shape.elem.is_int(),
                    InvalidMonomorphization::MaskWrongElementType { span, name, ty: in_elem }
                );
                bx.simd_reduce(op, shape, v, None)
            }
            _ => {
                require!(
                    ret_ty == in_elem,
                    InvalidMonomorphization::ReturnType { span, name, in_elem, in_ty, ret_ty }
                );
                let bitwise = matches!(op, ReduceOp::And | ReduceOp::Or | ReduceOp::Xor);
                // As with LLVM: bitwise reductions need integers, min/max too (portable-simd
                // reduces floats with a scalar fold).
                let ok = match op {
                    _ if bitwise => shape.elem.is_int(),
                    ReduceOp::Min | ReduceOp::Max => shape.elem.is_int(),
                    _ => !matches!(shape.elem, Elem::Ptr),
                };
                let symbol = Symbol::intern(match op {
                    ReduceOp::And => "and",
                    ReduceOp::Or => "or",
                    ReduceOp::Xor => "xor",
                    ReduceOp::Min => "min",
                    ReduceOp::Max => "max",
                    ReduceOp::MulOrdered | ReduceOp::MulUnordered => "fmul",
                    _ => "fadd",
                });
                require!(
                    ok,
                    InvalidMonomorphization::UnsupportedSymbol {
                        span,
                        name,
                        symbol,
                        in_ty,
                        in_elem,
                        ret_ty
                    }
                );
                let acc = match op {
                    ReduceOp::AddOrdered | ReduceOp::MulOrdered => Some(args[1].immediate()),
                    _ => None,
                };
                bx.simd_reduce(op, shape, v, acc)
            }
        };
        return store_scalar(bx, r, result);
    }

    match name {
        sym::simd_shuffle => {
            let idx_ty = arg_tys[2];
            let n = match idx_ty.is_simd().then(|| idx_ty.simd_size_and_type(tcx)) {
                Some((n, e)) if matches!(e.kind(), ty::Uint(ty::UintTy::U32)) => n,
                _ => err!(InvalidMonomorphization::SimdShuffle { span, name, ty: idx_ty }),
            };
            let out = require_simd!(ret_ty, SimdReturn);
            require!(
                out.len == n,
                InvalidMonomorphization::ReturnLength {
                    span,
                    name,
                    in_len: n,
                    ret_ty,
                    out_len: out.len
                }
            );
            require!(
                out.elem_ty == in_elem,
                InvalidMonomorphization::ReturnElement {
                    span,
                    name,
                    in_elem,
                    in_ty,
                    ret_ty,
                    out_ty: out.elem_ty
                }
            );
            let indices = args[2].immediate();
            let mut idx = Vec::with_capacity(n as usize);
            for i in 0..n {
                let lane = per_lane::lane(bx, indices, i);
                let k = bx.cx().const_to_opt_u128(lane, false).unwrap_or_else(|| {
                    rustc_middle::bug!("simd_shuffle indices are constants after typeck")
                });
                if shuffle_source(in_len, k as u64).is_none() {
                    err!(InvalidMonomorphization::SimdIndexOutOfBounds {
                        span,
                        name,
                        arg_idx: i,
                        total_len: 2 * in_len as u128,
                    });
                }
                idx.push(k as u64);
            }
            let (a, b) = (vector_arg(bx, &args[0], shape), vector_arg(bx, &args[1], shape));
            let r = bx.simd_shuffle(shape, a, b, &idx);
            store_vector(bx, r, out, result)
        }
        sym::simd_insert | sym::simd_insert_dyn => {
            let out_ty = arg_tys[2];
            require!(
                in_elem == out_ty,
                InvalidMonomorphization::InsertedType { span, name, in_elem, in_ty, out_ty }
            );
            let v = vector_arg(bx, &args[0], shape);
            let x = args[2].immediate();
            let r = if name == sym::simd_insert {
                let i = const_index(bx, &args[1]);
                require!(
                    i < in_len as u128,
                    InvalidMonomorphization::SimdIndexOutOfBounds {
                        span,
                        name,
                        arg_idx: 1,
                        total_len: in_len as u128
                    }
                );
                bx.insert_element(v, x, i as u64)
            } else {
                bx.simd_insert_dyn(shape, v, args[1].immediate(), x)
            };
            store_vector(bx, r, shape, result)
        }
        sym::simd_extract | sym::simd_extract_dyn => {
            require!(
                ret_ty == in_elem,
                InvalidMonomorphization::ReturnType { span, name, in_elem, in_ty, ret_ty }
            );
            let v = vector_arg(bx, &args[0], shape);
            let r = if name == sym::simd_extract {
                let i = const_index(bx, &args[1]);
                require!(
                    i < in_len as u128,
                    InvalidMonomorphization::SimdIndexOutOfBounds {
                        span,
                        name,
                        arg_idx: 1,
                        total_len: in_len as u128
                    }
                );
                per_lane::lane(bx, v, i as u64)
            } else {
                bx.simd_extract_dyn(shape, v, args[1].immediate())
            };
            store_scalar(bx, r, result)
        }
        sym::simd_select => {
            let vals = require_simd!(arg_tys[1], SimdArgument);
            require!(
                in_len == vals.len,
                InvalidMonomorphization::MismatchedLengths {
                    span,
                    name,
                    m_len: in_len,
                    v_len: vals.len
                }
            );
            require!(
                shape.elem.is_int(),
                InvalidMonomorphization::MaskWrongElementType { span, name, ty: in_elem }
            );
            let m = vector_arg(bx, &args[0], shape);
            let (a, b) = (vector_arg(bx, &args[1], vals), vector_arg(bx, &args[2], vals));
            let r = bx.simd_select(shape, m, vals, a, b);
            store_vector(bx, r, vals, result)
        }
        sym::simd_bitmask => {
            let expected_int_bits = in_len.max(8).next_power_of_two();
            let expected_bytes = in_len.div_ceil(8);
            require!(
                shape.elem.is_int(),
                InvalidMonomorphization::MaskWrongElementType { span, name, ty: in_elem }
            );
            let v = vector_arg(bx, &args[0], shape);
            match *ret_ty.kind() {
                ty::Uint(i) if i.bit_width() == Some(expected_int_bits) => {
                    let int_ty = bx.cx().immediate_backend_type(result.layout);
                    let r = bx.simd_bitmask(shape, v, int_ty);
                    store_scalar(bx, r, result)
                }
                ty::Array(e, n)
                    if matches!(e.kind(), ty::Uint(ty::UintTy::U8))
                        && n.try_to_target_usize(tcx) == Some(expected_bytes) =>
                {
                    store_bitmask_bytes(bx, shape, v, expected_bytes, result);
                    Ok(())
                }
                _ => err!(InvalidMonomorphization::CannotReturn {
                    span,
                    name,
                    ret_ty,
                    expected_int_bits,
                    expected_bytes
                }),
            }
        }
        sym::simd_cast | sym::simd_as => {
            let out = require_simd!(ret_ty, SimdReturn);
            require_len_of_input!(out);
            require!(
                !matches!(shape.elem, Elem::Ptr) && !matches!(out.elem, Elem::Ptr),
                InvalidMonomorphization::UnsupportedCast {
                    span,
                    name,
                    in_ty,
                    in_elem,
                    ret_ty,
                    out_elem: out.elem_ty
                }
            );
            let v = vector_arg(bx, &args[0], shape);
            let op = if name == sym::simd_as { CastOp::As } else { CastOp::Cast };
            let r = if in_elem == out.elem_ty { v } else { bx.simd_convert(op, shape, out, v) };
            store_vector(bx, r, out, result)
        }
        sym::simd_cast_ptr | sym::simd_expose_provenance | sym::simd_with_exposed_provenance => {
            let out = require_simd!(ret_ty, SimdReturn);
            require_len_of_input!(out);
            let (from_ptr, to_ptr, op) = match name {
                sym::simd_cast_ptr => (true, true, CastOp::Ptr),
                sym::simd_expose_provenance => (true, false, CastOp::ExposeProvenance),
                _ => (false, true, CastOp::WithExposedProvenance),
            };
            for (ty, elem, want_ptr) in
                [(in_elem, shape.elem, from_ptr), (out.elem_ty, out.elem, to_ptr)]
            {
                if want_ptr {
                    match *ty.kind() {
                        ty::RawPtr(p, _) => {
                            let meta = p.ptr_metadata_ty(tcx, |t| {
                                tcx.normalize_erasing_regions(bx.typing_env(), t)
                            });
                            require!(
                                meta.is_unit(),
                                InvalidMonomorphization::CastWidePointer { span, name, ty }
                            );
                        }
                        _ => err!(InvalidMonomorphization::ExpectedPointer { span, name, ty }),
                    }
                } else {
                    require!(
                        matches!(ty.kind(), ty::Uint(ty::UintTy::Usize)) && elem.is_int(),
                        InvalidMonomorphization::ExpectedUsize { span, name, ty }
                    );
                }
            }
            let v = vector_arg(bx, &args[0], shape);
            let r = bx.simd_convert(op, shape, out, v);
            store_vector(bx, r, out, result)
        }
        sym::simd_arith_offset => {
            let pointee = match *in_elem.kind() {
                ty::RawPtr(p, _) => p,
                _ => err!(InvalidMonomorphization::ExpectedPointer { span, name, ty: in_elem }),
            };
            let offs = require_simd!(arg_tys[1], SimdArgument);
            require!(
                matches!(
                    offs.elem_ty.kind(),
                    ty::Int(ty::IntTy::Isize) | ty::Uint(ty::UintTy::Usize)
                ),
                InvalidMonomorphization::ExpectedUsize { span, name, ty: offs.elem_ty }
            );
            let pl = bx.layout_of(pointee);
            let pty = bx.cx().backend_type(pl);
            let (p, o) = (vector_arg(bx, &args[0], shape), vector_arg(bx, &args[1], offs));
            let lanes: Vec<Bx::Value> = (0..in_len)
                .map(|i| {
                    let (pi, oi) = (per_lane::lane(bx, p, i), per_lane::lane(bx, o, i));
                    bx.gep(pty, pi, &[oi])
                })
                .collect();
            let r = per_lane::build(bx, shape, lanes);
            store_vector(bx, r, shape, result)
        }
        sym::simd_gather | sym::simd_scatter => {
            let gather = name == sym::simd_gather;
            let ptrs = require_simd!(arg_tys[1], SimdSecond);
            let mask = require_simd!(arg_tys[2], SimdThird);
            require!(
                ptrs.len == in_len,
                InvalidMonomorphization::SecondArgumentLength {
                    span,
                    name,
                    in_len,
                    in_ty,
                    arg_ty: arg_tys[1],
                    out_len: ptrs.len
                }
            );
            require!(
                mask.len == in_len,
                InvalidMonomorphization::ThirdArgumentLength {
                    span,
                    name,
                    in_len,
                    in_ty,
                    arg_ty: arg_tys[2],
                    out_len: mask.len
                }
            );
            check_pointee(bx, &cx, ptrs.elem_ty, in_elem, in_ty, !gather)?;
            require!(
                mask.elem.is_int(),
                InvalidMonomorphization::MaskWrongElementType { span, name, ty: mask.elem_ty }
            );
            let val = vector_arg(bx, &args[0], shape);
            let p = vector_arg(bx, &args[1], ptrs);
            let m = vector_arg(bx, &args[2], mask);
            let align = bx.layout_of(in_elem).align.abi;
            let addr = |bx: &mut Bx, i: u64| per_lane::lane(bx, p, i);
            if gather {
                let r = masked_lanes_load(bx, shape, mask, m, val, align, addr);
                store_vector(bx, r, shape, result)
            } else {
                masked_lanes_store(bx, shape, mask, m, val, align, addr);
                Ok(())
            }
        }
        sym::simd_masked_load | sym::simd_masked_store => {
            let load = name == sym::simd_masked_load;
            // (mask, ptr, values): the mask comes first, so `shape` is the mask's.
            let mask = shape;
            let vals = require_simd!(arg_tys[2], SimdThird);
            require!(
                mask.len == vals.len,
                InvalidMonomorphization::ThirdArgumentLength {
                    span,
                    name,
                    in_len: mask.len,
                    in_ty,
                    arg_ty: arg_tys[2],
                    out_len: vals.len
                }
            );
            if load {
                require!(
                    ret_ty == arg_tys[2],
                    InvalidMonomorphization::ExpectedReturnType {
                        span,
                        name,
                        in_ty: arg_tys[2],
                        ret_ty
                    }
                );
            }
            check_pointee(bx, &cx, arg_tys[1], vals.elem_ty, arg_tys[2], !load)?;
            require!(
                mask.elem.is_int(),
                InvalidMonomorphization::MaskWrongElementType { span, name, ty: mask.elem_ty }
            );
            let el = bx.layout_of(vals.elem_ty);
            let align = match simd_align(instance) {
                ty::SimdAlign::Unaligned => Align::ONE,
                ty::SimdAlign::Element => el.align.abi,
                ty::SimdAlign::Vector => bx.layout_of(arg_tys[2]).align.abi,
            };
            let m = vector_arg(bx, &args[0], mask);
            let base = args[1].immediate();
            let val = vector_arg(bx, &args[2], vals);
            let ety = bx.cx().backend_type(el);
            let addr = |bx: &mut Bx, i: u64| {
                let off = bx.cx().const_usize(i);
                bx.gep(ety, base, &[off])
            };
            let lane_align = align.min(el.align.abi);
            if load {
                let r = masked_lanes_load(bx, vals, mask, m, val, lane_align, addr);
                store_vector(bx, r, vals, result)
            } else {
                masked_lanes_store(bx, vals, mask, m, val, lane_align, addr);
                Ok(())
            }
        }
        _ => err!(InvalidMonomorphization::UnrecognizedIntrinsic { span, name }),
    }
}

fn shape_of<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &Bx,
    ty: Ty<'tcx>,
) -> Option<Shape<'tcx>> {
    let (len, elem_ty) = ty.simd_size_and_type(bx.tcx());
    Some(Shape { elem_ty, elem: Elem::of(bx.tcx(), elem_ty)?, len })
}

/// `ptr_ty` must be a pointer (mutable when `mutable`) to `elem`.
fn check_pointee<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &Bx,
    cx: &Cx<'_, 'tcx>,
    ptr_ty: Ty<'tcx>,
    elem: Ty<'tcx>,
    in_ty: Ty<'tcx>,
    mutable: bool,
) -> Result<(), ()> {
    let ok = match *ptr_ty.kind() {
        ty::RawPtr(p, m) => p == elem && (!mutable || m.is_mut()),
        _ => false,
    };
    if !ok {
        let second_arg = cx.args.get(1).copied().unwrap_or(ptr_ty);
        bx.tcx().dcx().emit_err(InvalidMonomorphization::ExpectedElementType {
            span: cx.span,
            name: cx.name,
            expected_element: ptr_ty,
            second_arg,
            in_elem: elem,
            in_ty,
            mutability: if mutable {
                ExpectedPointerMutability::Mut
            } else {
                ExpectedPointerMutability::Not
            },
        });
        return Err(());
    }
    Ok(())
}

/// The `ALIGN` const argument of `simd_masked_load/store` (`SimdAlign` as an integer).
fn simd_align(instance: Instance<'_>) -> ty::SimdAlign {
    instance.args[3].expect_const().to_branch()[0].to_leaf().to_simd_alignment()
}

fn const_index<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &Bx,
    arg: &OperandRef<'tcx, Bx::Value>,
) -> u128 {
    bx.cx().const_to_opt_u128(arg.immediate(), false).unwrap_or_else(|| {
        rustc_middle::bug!("simd_insert/extract index is a constant after typeck")
    })
}

/// A SIMD operand as a vector value. `#[repr(simd, packed)]` vectors of a non-power-of-two
/// length live in memory without padding: their lanes are loaded one by one.
fn vector_arg<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    arg: &OperandRef<'tcx, Bx::Value>,
    shape: Shape<'tcx>,
) -> Bx::Value {
    match arg.val {
        OperandValue::Ref(place) => {
            let el = bx.layout_of(shape.elem_ty);
            let ety = bx.cx().backend_type(el);
            let lanes: Vec<Bx::Value> = (0..shape.len)
                .map(|i| {
                    let off = bx.cx().const_usize(i);
                    let p = bx.inbounds_gep(ety, place.llval, &[off]);
                    let align = place.align.restrict_for_offset(el.size * i);
                    let x = bx.load(ety, p, align);
                    per_lane::from_memory_lane(bx, shape, x)
                })
                .collect();
            per_lane::build(bx, shape, lanes)
        }
        _ => arg.immediate(),
    }
}

fn store_scalar<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    v: Bx::Value,
    result: PlaceRef<'tcx, Bx::Value>,
) -> Result<(), ()> {
    if !result.layout.is_zst() {
        OperandValue::Immediate(v).store(bx, result);
    }
    Ok(())
}

/// Stores a vector result; a packed non-power-of-two destination gets exactly its lanes.
fn store_vector<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    v: Bx::Value,
    shape: Shape<'tcx>,
    result: PlaceRef<'tcx, Bx::Value>,
) -> Result<(), ()> {
    if let BackendRepr::Memory { .. } = result.layout.backend_repr {
        let el = bx.layout_of(shape.elem_ty);
        let ety = bx.cx().backend_type(el);
        for i in 0..shape.len {
            let x = per_lane::lane(bx, v, i);
            let x = bx.from_immediate(x);
            let off = bx.cx().const_usize(i);
            let p = bx.inbounds_gep(ety, result.val.llval, &[off]);
            bx.store(x, p, result.val.align.restrict_for_offset(el.size * i));
        }
        return Ok(());
    }
    store_scalar(bx, v, result)
}

/// The smallest of u8…u128 holding `bits` bits, as a backend type.
fn int_type<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(bx: &Bx, bits: u64) -> Bx::Type {
    bx.cx().type_from_integer(Integer::fit_unsigned((1u128 << (bits.min(128) - 1)).max(1)))
}

/// A `simd_select_bitmask` mask: an integer, or the address of a `[u8; N]`.
enum BitmaskOperand<V> {
    Int(V),
    Bytes(V),
}

fn bitmask_operand<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    arg: &OperandRef<'tcx, Bx::Value>,
) -> BitmaskOperand<Bx::Value> {
    match arg.val {
        OperandValue::Ref(place) => BitmaskOperand::Bytes(place.llval),
        OperandValue::Immediate(v) if !arg.layout.ty.is_array() => BitmaskOperand::Int(v),
        _ => {
            let tmp = PlaceRef::alloca(bx, arg.layout);
            arg.val.store(bx, tmp);
            BitmaskOperand::Bytes(tmp.val.llval)
        }
    }
}

/// `simd_select_bitmask`: lane `i` from `a` where bit `i` of the mask is set.
fn select_by_bits<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    bits: BitmaskOperand<Bx::Value>,
    shape: Shape<'tcx>,
    a: Bx::Value,
    b: Bx::Value,
) -> Bx::Value {
    use rustc_codegen_ssa::common::IntPredicate::IntNE;
    // Expand the bits to a lane mask of the values' width, then select by mask: a
    // backend's native select then does the work.
    let mask_elem = match shape.elem.bits() {
        8 => bx.tcx().types.u8,
        16 => bx.tcx().types.u16,
        32 => bx.tcx().types.u32,
        64 => bx.tcx().types.u64,
        _ => bx.tcx().types.u128,
    };
    let mask = Shape {
        elem_ty: mask_elem,
        elem: Elem::Int { signed: false, bits: shape.elem.bits().max(8) },
        len: shape.len,
    };
    let big = bx.tcx().data_layout.endian == rustc_abi::Endian::Big;
    let mty = per_lane::elem_type(bx, mask);
    let i8t = bx.cx().type_i8();
    let lanes: Vec<Bx::Value> = (0..shape.len)
        .map(|i| {
            let pos = if big { shape.len - 1 - i } else { i };
            // The word holding the bit, and the bit's place in it.
            let (word, at) = match bits {
                BitmaskOperand::Int(v) => (v, pos),
                BitmaskOperand::Bytes(p) => {
                    let off = bx.cx().const_usize(pos / 8);
                    let p = bx.inbounds_gep(i8t, p, &[off]);
                    (bx.load(i8t, p, Align::ONE), pos % 8)
                }
            };
            let wty = bx.cx().val_ty(word);
            let sh = bx.cx().const_uint_big(wty, at as u128);
            let bit = bx.lshr(word, sh);
            let one = bx.cx().const_uint_big(wty, 1);
            let bit = bx.and(bit, one);
            let zero = bx.cx().const_uint_big(wty, 0);
            let set = bx.icmp(IntNE, bit, zero);
            bx.sext(set, mty)
        })
        .collect();
    let m = per_lane::build(bx, mask, lanes);
    bx.simd_select(mask, m, shape, a, b)
}

/// `simd_bitmask` into `[u8; bytes]`.
fn store_bitmask_bytes<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    shape: Shape<'tcx>,
    v: Bx::Value,
    bytes: u64,
    result: PlaceRef<'tcx, Bx::Value>,
) {
    let i8t = bx.cx().type_i8();
    let store = |bx: &mut Bx, j: u64, b: Bx::Value| {
        let off = bx.cx().const_usize(j);
        let p = bx.inbounds_gep(i8t, result.val.llval, &[off]);
        bx.store(b, p, Align::ONE);
    };
    if bytes <= 16 {
        // One integer (the backend's native bitmask), stored byte by byte.
        let int_ty = int_type(bx, bytes * 8);
        let bits = bx.simd_bitmask(shape, v, int_ty);
        for j in 0..bytes {
            let sh = bx.cx().const_uint_big(int_ty, 8 * j as u128);
            let b = bx.lshr(bits, sh);
            let b = bx.trunc(b, i8t);
            store(bx, j, b);
        }
        return;
    }
    // More than 128 lanes: each byte from its eight lanes.
    let big = bx.tcx().data_layout.endian == rustc_abi::Endian::Big;
    let mut acc = vec![bx.cx().const_uint_big(i8t, 0); bytes as usize];
    for i in 0..shape.len {
        let pos = if big { shape.len - 1 - i } else { i };
        let c = per_lane::mask_lane(bx, shape, v, i);
        let bit = bx.zext(c, i8t);
        let sh = bx.cx().const_uint_big(i8t, (pos % 8) as u128);
        let bit = bx.shl(bit, sh);
        acc[(pos / 8) as usize] = bx.or(acc[(pos / 8) as usize], bit);
    }
    for (j, b) in acc.into_iter().enumerate() {
        store(bx, j as u64, b);
    }
}

/// Loads the lanes whose mask lane is set from `addr(i)`, keeping `val`'s lane otherwise.
/// Lanes that are off are never touched, so each load sits behind its own branch.
fn masked_lanes_load<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    shape: Shape<'tcx>,
    mask: Shape<'tcx>,
    m: Bx::Value,
    val: Bx::Value,
    align: Align,
    mut addr: impl FnMut(&mut Bx, u64) -> Bx::Value,
) -> Bx::Value {
    let el = bx.layout_of(shape.elem_ty);
    let ety = bx.cx().backend_type(el);
    let vl = bx.layout_of(Ty::new_array(bx.tcx(), shape.elem_ty, shape.len));
    let tmp = bx.alloca(vl.size, el.align.abi);
    let mut out = val;
    for i in 0..shape.len {
        let x = per_lane::lane(bx, val, i);
        let x = bx.from_immediate(x);
        let off = bx.cx().const_usize(i);
        let slot = bx.inbounds_gep(ety, tmp, &[off]);
        bx.store(x, slot, el.align.abi);
        let on = per_lane::mask_lane(bx, mask, m, i);
        let (then_bb, next_bb) =
            (bx.append_sibling_block("simd_load_lane"), bx.append_sibling_block("simd_load_next"));
        bx.cond_br(on, then_bb, next_bb);
        bx.switch_to_block(then_bb);
        let p = addr(bx, i);
        let x = bx.load(ety, p, align);
        bx.store(x, slot, el.align.abi);
        bx.br(next_bb);
        bx.switch_to_block(next_bb);
    }
    for i in 0..shape.len {
        let off = bx.cx().const_usize(i);
        let slot = bx.inbounds_gep(ety, tmp, &[off]);
        let x = bx.load(ety, slot, el.align.abi);
        let x = per_lane::from_memory_lane(bx, shape, x);
        out = bx.insert_element(out, x, i);
    }
    out
}

/// Stores the lanes of `val` whose mask lane is set to `addr(i)`, in lane order.
fn masked_lanes_store<'a, 'tcx: 'a, Bx: SimdBuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    shape: Shape<'tcx>,
    mask: Shape<'tcx>,
    m: Bx::Value,
    val: Bx::Value,
    align: Align,
    mut addr: impl FnMut(&mut Bx, u64) -> Bx::Value,
) {
    for i in 0..shape.len {
        let x = per_lane::lane(bx, val, i);
        let x = bx.from_immediate(x);
        let on = per_lane::mask_lane(bx, mask, m, i);
        let (then_bb, next_bb) = (
            bx.append_sibling_block("simd_store_lane"),
            bx.append_sibling_block("simd_store_next"),
        );
        bx.cond_br(on, then_bb, next_bb);
        bx.switch_to_block(then_bb);
        let p = addr(bx, i);
        bx.store(x, p, align);
        bx.br(next_bb);
        bx.switch_to_block(next_bb);
    }
}
