//! Exception handling. Unwinding through our frames is not implemented yet: `invoke` is a
//! plain call, so landing pads are unreachable and `catch_unwind` never catches. Binaries
//! are expected to be built with `-Cpanic=abort` until the unwinding work lands.

use cranelift_codegen::ir::{InstBuilder, TrapCode};
use cranelift_module::FuncId;
use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::{Instance, Ty};
use rustc_target::callconv::FnAbi;

use crate::abi::FnSig;
use crate::builder::Builder;
use crate::context::BasicBlock;
use crate::types::Type;
use crate::value::Value;

pub fn invoke<'tcx>(
    bx: &mut Builder<'_, 'tcx>,
    llty: FnSig,
    fn_attrs: Option<&CodegenFnAttrs>,
    fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
    llfn: Value,
    args: &[Value],
    then: BasicBlock,
    _catch: BasicBlock,
    funclet: Option<&()>,
    instance: Option<Instance<'tcx>>,
) -> Value {
    let r = bx.call(llty, fn_attrs, fn_abi, llfn, args, funclet, instance);
    bx.br(then);
    r
}

pub fn cleanup_landing_pad(bx: &mut Builder<'_, '_>, _pers_fn: FuncId) -> (Value, Value) {
    (bx.cx.const_null(Type::PTR), bx.cx.const_i32(0))
}

pub fn filter_landing_pad(_bx: &mut Builder<'_, '_>, _pers_fn: FuncId) {}

pub fn resume(bx: &mut Builder<'_, '_>, _exn0: Value, _exn1: Value) {
    bx.ins(|c| c.ins().trap(TrapCode::unwrap_user(3)));
}

pub fn catch_unwind<'tcx>(
    bx: &mut Builder<'_, 'tcx>,
    args: &[OperandRef<'tcx, Value>],
    result: PlaceRef<'tcx, Value>,
) -> Result<(), Instance<'tcx>> {
    let try_fn = args[0].immediate();
    let data = args[1].immediate();
    let sig = bx.cx.sig_from_types(&[Type::PTR], Type::VOID);
    bx.call(sig, None, None, try_fn, &[data], None, None);
    let zero = bx.cx.const_i32(0);
    bx.store(zero, result.val.llval, result.val.align);
    Ok(())
}
