//! Exception handling on Cranelift's `try_call` (DESIGN.md §6).
//!
//! A landing pad is a block with two word-sized parameters, the payload registers the
//! personality fills in. Every `try_call` carries a single exception-table entry whose tag
//! says what kind of pad it targets; the object writer turns the compiled call sites into an
//! LSDA for `rust_eh_personality` (see `rustc_codegen_ssa_ext::eh`).

use cranelift_codegen::ir::{self, InstBuilder, TrapCode};
use cranelift_module::FuncId;
use rustc_codegen_ssa::mir::operand::OperandRef;
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::*;
use rustc_codegen_ssa_ext::eh::lsda::Action;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrs;
use rustc_middle::ty::{Instance, Ty};
use rustc_target::callconv::FnAbi;
use rustc_target::spec::PanicStrategy;

use crate::abi::FnSig;
use crate::builder::Builder;
use crate::context::BasicBlock;
use crate::types::Type;
use crate::value::Value;

/// The exception tag of a `try_call` whose pad has `action`: the object writer reads the
/// action back from the compiled call site ([`action_of_tag`]) to build the LSDA.
pub fn tag_of(action: Action) -> ir::ExceptionTag {
    ir::ExceptionTag::from_u32(match action {
        Action::Cleanup => 0,
        Action::CatchAll => 1,
        Action::Terminate => 2,
    })
}

pub fn action_of_tag(tag: ir::ExceptionTag) -> Action {
    match tag.as_u32() {
        0 => Action::Cleanup,
        1 => Action::CatchAll,
        _ => Action::Terminate,
    }
}

/// Turns the (empty) current block into a landing pad receiving the exception pointer and
/// selector.
fn make_landing_pad(bx: &mut Builder<'_, '_>, kind: Action) -> (ir::Value, ir::Value) {
    let block = bx.bb.block;
    let ptr = bx.cx.pointer_clif_type();
    bx.with_func(|fs| {
        assert!(fs.func.layout.first_inst(block).is_none(), "landing pad block is not empty");
        fs.landing_pads.insert(block, kind);
        let exn = fs.func.dfg.append_block_param(block, ptr);
        let sel = fs.func.dfg.append_block_param(block, ptr);
        (exn, sel)
    })
}

#[allow(clippy::too_many_arguments, reason = "BuilderMethods::invoke's own parameters")]
pub fn invoke<'tcx>(
    bx: &mut Builder<'_, 'tcx>,
    llty: FnSig,
    _fn_attrs: Option<&CodegenFnAttrs>,
    fn_abi: Option<&FnAbi<'tcx, Ty<'tcx>>>,
    llfn: Value,
    args: &[Value],
    then: BasicBlock,
    catch: BasicBlock,
    _funclet: Option<&()>,
    _instance: Option<Instance<'tcx>>,
) -> Value {
    let known = bx.with_func(|fs| fs.landing_pads.get(&catch.block).copied());
    let (pad, kind) = match known {
        Some(kind) => (catch.block, kind),
        None => {
            // Not built by `cleanup_landing_pad` (cg_ssa always does today): give the
            // exception edge a pad of its own that drops the payload.
            let cur = bx.bb;
            let pad = bx.new_block();
            bx.bb.block = pad;
            make_landing_pad(bx, Action::Cleanup);
            bx.br(catch);
            bx.bb = cur;
            (pad, Action::Cleanup)
        }
    };
    let (results, ret) =
        bx.lower_call(llty, fn_abi, llfn, args, Some((pad, kind)), Some(then.block));
    let r = bx.cx.value_from_natives(ret, &results);
    // The results may have arrived in `then` itself, which cg_ssa then continues.
    if bx.bb.block != then.block && !bx.is_terminated(bx.bb.block) {
        bx.br(then);
    }
    r
}

pub fn cleanup_landing_pad(bx: &mut Builder<'_, '_>, _pers_fn: FuncId) -> (Value, Value) {
    let (exn, sel) = make_landing_pad(bx, Action::Cleanup);
    let sel = bx.ins(|c| c.ins().ireduce(ir::types::I32, sel));
    (bx.new_value(exn, Type::PTR), bx.new_value(sel, Type::I32))
}

pub fn filter_landing_pad(bx: &mut Builder<'_, '_>, _pers_fn: FuncId) {
    make_landing_pad(bx, Action::Terminate);
}

pub fn resume(bx: &mut Builder<'_, '_>, exn0: Value, _exn1: Value) {
    let ptr = bx.cx.pointer_clif_type();
    let exn = bx.val(exn0);
    bx.libcall("_Unwind_Resume", &[ptr], &[], &[exn]);
    bx.ins(|c| c.ins().trap(TrapCode::unwrap_user(3)));
}

/// `catch_unwind(try_fn, data, catch_fn) -> i32`, inline: `try_fn(data)` through a
/// `try_call` whose catch-all pad calls `catch_fn(data, exception)`.
pub fn catch_unwind<'tcx>(
    bx: &mut Builder<'_, 'tcx>,
    args: &[OperandRef<'tcx, Value>],
    result: PlaceRef<'tcx, Value>,
) -> Result<(), Instance<'tcx>> {
    let try_fn = args[0].immediate();
    let data = args[1].immediate();
    let catch_fn = args[2].immediate();
    let try_sig = bx.cx.sig_from_types(&[Type::PTR], Type::VOID);
    if bx.cx.tcx.sess.panic_strategy() != PanicStrategy::Unwind {
        bx.call(try_sig, None, None, try_fn, &[data], None, None);
        let zero = bx.cx.const_i32(0);
        bx.store(zero, result.val.llval, result.val.align);
        return Ok(());
    }
    bx.cx.declare_personality();
    let cur = bx.bb;
    let done = BasicBlock { func: cur.func, block: bx.new_block() };

    let pad = bx.new_block();
    bx.bb.block = pad;
    let (exn, _) = make_landing_pad(bx, Action::CatchAll);
    let exn = bx.new_value(exn, Type::PTR);
    let catch_sig = bx.cx.sig_from_types(&[Type::PTR, Type::PTR], Type::VOID);
    bx.call(catch_sig, None, None, catch_fn, &[data, exn], None, None);
    let one = bx.cx.const_i32(1);
    bx.store(one, result.val.llval, result.val.align);
    bx.br(done);

    bx.bb = cur;
    bx.lower_call(try_sig, None, try_fn, &[data], Some((pad, Action::CatchAll)), None);
    let zero = bx.cx.const_i32(0);
    bx.store(zero, result.val.llval, result.val.align);
    bx.br(done);
    bx.bb = done;
    Ok(())
}
