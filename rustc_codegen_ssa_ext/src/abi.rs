//! Argument storing shared by backends whose values follow cg_ssa's LLVM-level ABI model
//! (one backend value per LLVM parameter; `Cast` arguments are one aggregate value).

use rustc_abi::BackendRepr;
use rustc_codegen_ssa::mir::operand::{OperandRef, OperandValue};
use rustc_codegen_ssa::mir::place::{PlaceRef, PlaceValue};
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use rustc_middle::ty::Ty;
use rustc_target::callconv::{ArgAbi, PassMode};

/// Stores an incoming or returned ABI value `val` of `arg_abi` into `dst`.
pub fn store_arg<'a, 'tcx, Bx: BuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    arg_abi: &ArgAbi<'tcx, Ty<'tcx>>,
    val: Bx::Value,
    dst: PlaceRef<'tcx, Bx::Value>,
) {
    match &arg_abi.mode {
        PassMode::Ignore => {}
        PassMode::Indirect { meta_attrs: Some(_), .. } => {
            bug!("unsized `ArgAbi` cannot be stored")
        }
        PassMode::Indirect { meta_attrs: None, .. } => {
            OperandValue::Ref(PlaceValue::new_sized(val, arg_abi.layout.align.abi)).store(bx, dst)
        }
        PassMode::Cast { cast, .. } => {
            // The cast type may be larger than the Rust type (e.g. `[u8; 3]` passed as i32),
            // so go through a scratch slot of the cast's size and copy only what fits.
            let scratch_size = cast.size(bx);
            let scratch_align = cast.align(bx);
            let scratch = bx.alloca(scratch_size, scratch_align);
            rustc_codegen_ssa::mir::store_cast(bx, cast, val, scratch, scratch_align);
            let copy_bytes = cast.unaligned_size(bx).bytes().min(arg_abi.layout.size.bytes());
            let size = bx.const_usize(copy_bytes);
            bx.memcpy(
                dst.val.llval,
                arg_abi.layout.align.abi,
                scratch,
                scratch_align,
                size,
                rustc_codegen_ssa::MemFlags::empty(),
                None,
            );
        }
        // A value in memory passed "directly" (the return of an `llvm.*` intrinsic that is
        // a struct, such as Key Locker's): the backend hands over a pointer to its bytes.
        PassMode::Direct(_)
            if !arg_abi.layout.is_zst()
                && matches!(arg_abi.layout.backend_repr, rustc_abi::BackendRepr::Memory { .. }) =>
        {
            OperandValue::Ref(PlaceValue::new_sized(val, arg_abi.layout.align.abi)).store(bx, dst)
        }
        PassMode::Direct(_) | PassMode::Pair(..) => {
            OperandRef::from_immediate_or_packed_pair(bx, val, arg_abi.layout).val.store(bx, dst)
        }
    }
}

/// Stores the incoming parameter(s) of `arg_abi`, starting at LLVM-level parameter `*idx`.
pub fn store_fn_arg<'a, 'tcx, Bx: BuilderMethods<'a, 'tcx>>(
    bx: &mut Bx,
    arg_abi: &ArgAbi<'tcx, Ty<'tcx>>,
    idx: &mut usize,
    dst: PlaceRef<'tcx, Bx::Value>,
) {
    let mut next = |bx: &mut Bx| {
        let v = bx.get_param(*idx);
        *idx += 1;
        v
    };
    match &arg_abi.mode {
        PassMode::Ignore => {}
        PassMode::Pair(..) => {
            let a = next(bx);
            let b = next(bx);
            OperandValue::Pair(a, b).store(bx, dst);
        }
        PassMode::Indirect { meta_attrs: Some(_), .. } => {
            let place_val = PlaceValue {
                llval: next(bx),
                llextra: Some(next(bx)),
                align: arg_abi.layout.align.abi,
            };
            OperandValue::Ref(place_val).store(bx, dst);
        }
        PassMode::Cast { pad_i32, .. } => {
            if *pad_i32 {
                next(bx);
            }
            let v = next(bx);
            store_arg(bx, arg_abi, v, dst);
        }
        PassMode::Direct(_) | PassMode::Indirect { meta_attrs: None, .. } => {
            let v = next(bx);
            store_arg(bx, arg_abi, v, dst);
        }
    }
}

/// Whether a call of a C-variadic function on x86_64 SysV may pass variadic arguments in
/// vector registers: the caller must then put an upper bound of their number in `al`
/// (the callee's prologue saves `xmm0`-`xmm7` for `va_arg` only when `al` is non-zero).
/// Floats, vectors, and casts with a float or vector unit travel in `xmm` registers;
/// integers, pointers and what goes by reference do not.
pub fn sysv_variadic_uses_vector_regs(fn_abi: &rustc_target::callconv::FnAbi<'_, Ty<'_>>) -> bool {
    use rustc_abi::{Primitive, RegKind};
    let integer = |p: Primitive| matches!(p, Primitive::Int(..) | Primitive::Pointer(_));
    fn_abi.args[fn_abi.fixed_count as usize..].iter().any(|a| match &a.mode {
        PassMode::Ignore | PassMode::Indirect { .. } => false,
        PassMode::Cast { cast, .. } => {
            let rest = (cast.rest.total.bytes() > 0).then_some(&cast.rest.unit);
            cast.prefix.iter().flatten().chain(rest).any(|r| r.kind != RegKind::Integer)
        }
        PassMode::Direct(_) | PassMode::Pair(..) => match a.layout.backend_repr {
            BackendRepr::Scalar(s) => !integer(s.primitive()),
            BackendRepr::ScalarPair(a, b) => !integer(a.primitive()) || !integer(b.primitive()),
            _ => true,
        },
    })
}

/// A homogeneous float or vector aggregate (a `Cast` of float or vector units, as rustc
/// describes an HFA/HVA) that an AAPCS64 call passes on the stack because the SIMD
/// registers left cannot hold it all. AAPCS64 then copies its memory image, rounded up to
/// 8 bytes, to the next stack slot and uses no SIMD register for any later argument
/// (NSRN = 8). A backend that passes the units as separate arguments would split it or
/// spread it over 8-byte slots; one that passes `pad_regs` dummy floats first and then the
/// image as 8-byte float chunks gets AAPCS64's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackFloatAggregate {
    /// Index in `fn_abi.args`.
    pub arg: usize,
    /// SIMD registers still free before it (only the first such aggregate has any).
    pub pad_regs: u32,
    /// Bytes of its memory image on the stack.
    pub stack_bytes: u64,
    /// An HVA: its units are vectors, so its stack slot is 16-byte aligned.
    pub vector: bool,
}

/// The arguments of an AAPCS64 call that are float aggregates passed on the stack.
pub fn aapcs64_float_aggregates_on_stack(
    fn_abi: &rustc_target::callconv::FnAbi<'_, Ty<'_>>,
) -> Vec<StackFloatAggregate> {
    use rustc_abi::{Primitive, RegKind};
    let simd = |p: Primitive| matches!(p, Primitive::Float(_));
    let mut out = Vec::new();
    // NSRN: the next SIMD register for an argument (v0-v7).
    let mut nsrn = 0u64;
    for (i, arg) in fn_abi.args.iter().enumerate() {
        match &arg.mode {
            PassMode::Direct(_) => match arg.layout.backend_repr {
                BackendRepr::Scalar(s) if simd(s.primitive()) => nsrn += 1,
                BackendRepr::SimdVector { .. } => nsrn += 1,
                _ => {}
            },
            PassMode::Pair(..) => {
                if let BackendRepr::ScalarPair(a, b) = arg.layout.backend_repr {
                    nsrn += simd(a.primitive()) as u64 + simd(b.primitive()) as u64;
                }
            }
            PassMode::Cast { cast, .. } => {
                let unit = cast.rest.unit;
                if cast.prefix.iter().all(Option::is_none)
                    && matches!(unit.kind, RegKind::Float | RegKind::Vector { .. })
                {
                    let units = cast.rest.total.bytes().div_ceil(unit.size.bytes());
                    if units > 1 && nsrn + units > 8 {
                        out.push(StackFloatAggregate {
                            arg: i,
                            pad_regs: 8u64.saturating_sub(nsrn) as u32,
                            stack_bytes: cast.rest.total.bytes().next_multiple_of(8),
                            vector: matches!(unit.kind, RegKind::Vector { .. }),
                        });
                        nsrn = 8;
                    } else {
                        nsrn += units;
                    }
                }
            }
            PassMode::Ignore | PassMode::Indirect { .. } => {}
        }
    }
    out
}
