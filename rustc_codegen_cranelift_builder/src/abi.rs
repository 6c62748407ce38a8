//! Function signatures: cg_ssa's LLVM-level parameter list, the Cranelift signature it
//! flattens to, and the map between the two.

use std::rc::Rc;

use cranelift_codegen::ir::{self, AbiParam, ArgumentPurpose};
use rustc_codegen_ssa::mir::place::PlaceRef;
use rustc_codegen_ssa::traits::{
    AbiBuilderMethods, ArgAbiBuilderMethods, LayoutTypeCodegenMethods,
};
use rustc_data_structures::fx::FxHashMap;
use rustc_middle::ty::Ty;
use rustc_target::callconv::{ArgAbi, ArgExtension, FnAbi, PassMode};

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::types::{Type, TypeData};
use crate::value::{LocalData, Value};

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub struct FnSig(u32);

impl FnSig {
    /// Unique within the CGU.
    pub fn index(self) -> u32 {
        self.0
    }
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct SigData {
    /// LLVM-level parameter types (what `get_param` and `call` arguments use).
    pub params: Vec<Type>,
    /// LLVM-level return type; `Type::VOID` when nothing is returned.
    pub ret: Type,
    pub clif: ir::Signature,
    /// Native parameter range (start, len) of each LLVM-level parameter.
    pub param_ranges: Vec<(u32, u32)>,
    pub c_variadic: bool,
    /// AAPCS64 float aggregates passed on the stack, which are not passed as their leaves.
    pub stack_aggregates: Vec<StackAggregate>,
    /// An AAPCS64 vector aggregate (HVA) goes on the stack, 16-byte aligned, which is not
    /// implemented: calls and definitions are errors.
    pub vector_aggregate_on_stack: bool,
}

/// An AAPCS64 float aggregate on the stack (`rustc_codegen_ssa_ext::abi::StackFloatAggregate`):
/// its LLVM-level parameter's natives are `pads` dummy `f64`s, which use up the SIMD
/// registers, then its memory image as `chunks` `f64`s, which Cranelift puts in consecutive
/// 8-byte stack slots as AAPCS64 lays out the aggregate.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct StackAggregate {
    pub param: u32,
    pub pads: u32,
    pub chunks: u32,
}

#[derive(Default)]
pub struct SigInterner {
    sigs: Vec<Rc<SigData>>,
    map: FxHashMap<Rc<SigData>, FnSig>,
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn sig_data(&self, s: FnSig) -> Rc<SigData> {
        self.sigs.borrow().sigs[s.0 as usize].clone()
    }

    fn intern_sig(&self, data: SigData) -> FnSig {
        let mut sigs = self.sigs.borrow_mut();
        if let Some(&s) = sigs.map.get(&data) {
            return s;
        }
        let s = FnSig(sigs.sigs.len() as u32);
        let data = Rc::new(data);
        sigs.sigs.push(data.clone());
        sigs.map.insert(data, s);
        s
    }

    fn call_conv(&self) -> cranelift_codegen::isa::CallConv {
        self.module_isa_call_conv()
    }

    /// Appends the native parameters of one LLVM-level value of type `t`.
    fn push_native(&self, t: Type, ext: ArgExtension, out: &mut Vec<AbiParam>) {
        let mut leaves = Vec::new();
        self.type_leaves(t, 0, &mut leaves);
        for (lt, _) in leaves {
            let mut p = AbiParam::new(self.clif_type(lt));
            if lt == Type::I1 {
                p = p.uext();
            }
            p = match ext {
                ArgExtension::Zext => p.uext(),
                ArgExtension::Sext => p.sext(),
                ArgExtension::None => p,
            };
            out.push(p);
        }
    }

    /// A signature without ABI attributes, for `type_func` and our own helper calls.
    pub fn sig_from_types(&self, args: &[Type], ret: Type) -> FnSig {
        let mut clif = ir::Signature::new(self.call_conv());
        let mut param_ranges = Vec::with_capacity(args.len());
        for &a in args {
            let start = clif.params.len() as u32;
            self.push_native(a, ArgExtension::None, &mut clif.params);
            param_ranges.push((start, clif.params.len() as u32 - start));
        }
        self.push_native(ret, ArgExtension::None, &mut clif.returns);
        self.intern_sig(SigData {
            params: args.to_vec(),
            ret,
            clif,
            param_ranges,
            c_variadic: false,
            stack_aggregates: Vec::new(),
            vector_aggregate_on_stack: false,
        })
    }

    /// `sig` with one more pointer parameter after the others, and not variadic: the body
    /// of a C-variadic definition, called by its shim (`declare::predefine_variadic`), and
    /// the trampoline of a variadic call through a pointer (`Builder::variadic_callee`).
    pub fn sig_with_trailing_pointer(&self, sig: FnSig) -> FnSig {
        let mut data = SigData::clone(&self.sig_data(sig));
        data.clif.params.push(AbiParam::new(self.pointer_clif_type()));
        data.c_variadic = false;
        self.intern_sig(data)
    }

    pub fn sig_from_fn_abi(&self, fn_abi: &FnAbi<'tcx, Ty<'tcx>>) -> FnSig {
        let mut clif = ir::Signature::new(self.call_conv());
        let mut params = Vec::new();
        let mut param_ranges = Vec::new();
        let ptr = self.pointer_clif_type();

        let ret = match &fn_abi.ret.mode {
            PassMode::Ignore => Type::VOID,
            PassMode::Direct(attrs) => {
                let t = self.immediate_backend_type(fn_abi.ret.layout);
                self.push_native(t, attrs.arg_ext, &mut clif.returns);
                t
            }
            PassMode::Pair(..) => {
                let t = self.immediate_backend_type(fn_abi.ret.layout);
                self.push_native(t, ArgExtension::None, &mut clif.returns);
                t
            }
            PassMode::Cast { cast, .. } => {
                let t = self.cast_backend_type(cast);
                self.push_native(t, ArgExtension::None, &mut clif.returns);
                t
            }
            PassMode::Indirect { .. } => {
                params.push(Type::PTR);
                param_ranges.push((0, 1));
                clif.params.push(AbiParam::special(ptr, ArgumentPurpose::StructReturn));
                Type::VOID
            }
        };

        let push = |cx: &Self,
                    clif: &mut ir::Signature,
                    params: &mut Vec<Type>,
                    param_ranges: &mut Vec<(u32, u32)>,
                    t: Type,
                    ext: ArgExtension| {
            let start = clif.params.len() as u32;
            cx.push_native(t, ext, &mut clif.params);
            params.push(t);
            param_ranges.push((start, clif.params.len() as u32 - start));
        };
        let on_stack = if self.tcx.sess.target.arch == rustc_target::spec::Arch::AArch64 {
            rustc_codegen_ssa_ext::abi::aapcs64_float_aggregates_on_stack(fn_abi)
        } else {
            Vec::new()
        };
        let mut stack_aggregates = Vec::new();
        for (i, arg) in fn_abi.args.iter().enumerate() {
            if let Some(agg) = on_stack.iter().find(|a| a.arg == i && !a.vector) {
                let t = match &arg.mode {
                    PassMode::Cast { cast, .. } => self.cast_backend_type(cast),
                    _ => unreachable!("a float aggregate is a cast"),
                };
                let start = clif.params.len() as u32;
                let chunks = (agg.stack_bytes / 8) as u32;
                let f64s = (agg.pad_regs + chunks) as usize;
                clif.params.extend(std::iter::repeat_n(AbiParam::new(ir::types::F64), f64s));
                stack_aggregates.push(StackAggregate {
                    param: params.len() as u32,
                    pads: agg.pad_regs,
                    chunks,
                });
                params.push(t);
                param_ranges.push((start, f64s as u32));
                continue;
            }
            match &arg.mode {
                PassMode::Ignore => {}
                PassMode::Direct(attrs) => {
                    let t = self.immediate_backend_type(arg.layout);
                    push(self, &mut clif, &mut params, &mut param_ranges, t, attrs.arg_ext);
                }
                PassMode::Pair(a, b) => {
                    let t0 = self.scalar_pair_element_backend_type(arg.layout, 0, true);
                    let t1 = self.scalar_pair_element_backend_type(arg.layout, 1, true);
                    push(self, &mut clif, &mut params, &mut param_ranges, t0, a.arg_ext);
                    push(self, &mut clif, &mut params, &mut param_ranges, t1, b.arg_ext);
                }
                PassMode::Cast { pad_i32, cast } => {
                    if *pad_i32 {
                        push(
                            self,
                            &mut clif,
                            &mut params,
                            &mut param_ranges,
                            Type::I32,
                            ArgExtension::None,
                        );
                    }
                    let t = self.cast_backend_type(cast);
                    push(self, &mut clif, &mut params, &mut param_ranges, t, ArgExtension::None);
                }
                PassMode::Indirect { meta_attrs: Some(_), .. } => {
                    // The pointer and its metadata.
                    for _ in 0..2 {
                        push(
                            self,
                            &mut clif,
                            &mut params,
                            &mut param_ranges,
                            Type::PTR,
                            ArgExtension::None,
                        );
                    }
                }
                PassMode::Indirect { meta_attrs: None, on_stack: true, .. } => {
                    let size = arg.layout.size.bytes().next_multiple_of(8) as u32;
                    push(
                        self,
                        &mut clif,
                        &mut params,
                        &mut param_ranges,
                        Type::PTR,
                        ArgExtension::None,
                    );
                    let last = clif.params.len() - 1;
                    clif.params[last] =
                        AbiParam::special(ptr, ArgumentPurpose::StructArgument(size));
                }
                PassMode::Indirect { meta_attrs: None, on_stack: false, .. } => {
                    push(
                        self,
                        &mut clif,
                        &mut params,
                        &mut param_ranges,
                        Type::PTR,
                        ArgExtension::None,
                    );
                }
            }
        }
        self.intern_sig(SigData {
            params,
            ret,
            clif,
            param_ranges,
            c_variadic: fn_abi.c_variadic,
            stack_aggregates,
            vector_aggregate_on_stack: on_stack.iter().any(|a| a.vector),
        })
    }

    /// Turns `v` into a value of the LLVM-level type `ty` made of the given native values.
    pub fn value_from_natives(&self, ty: Type, natives: &[ir::Value]) -> Value {
        match self.type_data(ty) {
            TypeData::Struct { .. } | TypeData::Array { .. } => {
                let mut leaves = Vec::new();
                self.type_leaves(ty, 0, &mut leaves);
                assert_eq!(leaves.len(), natives.len());
                self.agg_from_leaves(ty, &mut natives.iter().copied())
            }
            TypeData::Void => self.local_value(LocalData::Void),
            _ => {
                assert_eq!(natives.len(), 1);
                self.ssa(natives[0], ty)
            }
        }
    }

    /// Rebuilds the nested aggregate structure of `ty` from flattened leaves.
    fn agg_from_leaves(&self, ty: Type, it: &mut impl Iterator<Item = ir::Value>) -> Value {
        match self.type_data(ty) {
            TypeData::Struct { fields, .. } => {
                let elems: Vec<Value> =
                    fields.iter().map(|&f| self.agg_from_leaves(f, it)).collect();
                self.local_value(LocalData::Agg { ty, elems: elems.into() })
            }
            TypeData::Array { elem, len } => {
                let elems: Vec<Value> = (0..len).map(|_| self.agg_from_leaves(elem, it)).collect();
                self.local_value(LocalData::Agg { ty, elems: elems.into() })
            }
            _ => self.ssa(it.next().expect("too few leaves"), ty),
        }
    }
}

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// The memory image of an aggregate of type `ty` made of float `leaves`, as 8-byte
    /// `f64` chunks (`StackAggregate`): each leaf's bits shifted to its offset.
    pub(crate) fn pack_stack_aggregate(
        &mut self,
        ty: Type,
        leaves: &[ir::Value],
        chunks: u32,
    ) -> Vec<ir::Value> {
        use cranelift_codegen::ir::InstBuilder;
        let mut layout = Vec::new();
        self.cx.type_leaves(ty, 0, &mut layout);
        let types: Vec<ir::types::Type> =
            layout.iter().map(|&(t, _)| self.cx.clif_type(t)).collect();
        self.ins(|c| {
            let mut words = vec![c.ins().iconst(ir::types::I64, 0); chunks as usize];
            for ((&leaf, &(_, off)), &ct) in leaves.iter().zip(&layout).zip(&types) {
                let int = ir::types::Type::int(ct.bits() as u16).unwrap();
                let mut bits = c.ins().bitcast(int, ir::MemFlagsData::new(), leaf);
                if int != ir::types::I64 {
                    bits = c.ins().uextend(ir::types::I64, bits);
                }
                let shift = (off % 8 * 8) as i64;
                if shift != 0 {
                    bits = c.ins().ishl_imm_u(bits, shift);
                }
                let w = &mut words[(off / 8) as usize];
                *w = c.ins().bor(*w, bits);
            }
            words
                .into_iter()
                .map(|w| c.ins().bitcast(ir::types::F64, ir::MemFlagsData::new(), w))
                .collect()
        })
    }

    /// The float leaves of an aggregate of type `ty` from its memory image in `f64` chunks.
    fn unpack_stack_aggregate(&mut self, ty: Type, chunks: &[ir::Value]) -> Vec<ir::Value> {
        use cranelift_codegen::ir::InstBuilder;
        let mut layout = Vec::new();
        self.cx.type_leaves(ty, 0, &mut layout);
        let types: Vec<ir::types::Type> =
            layout.iter().map(|&(t, _)| self.cx.clif_type(t)).collect();
        self.ins(|c| {
            let words: Vec<ir::Value> = chunks
                .iter()
                .map(|&w| c.ins().bitcast(ir::types::I64, ir::MemFlagsData::new(), w))
                .collect();
            layout
                .iter()
                .zip(&types)
                .map(|(&(_, off), &ct)| {
                    let int = ir::types::Type::int(ct.bits() as u16).unwrap();
                    let mut bits = words[(off / 8) as usize];
                    let shift = (off % 8 * 8) as i64;
                    if shift != 0 {
                        bits = c.ins().ushr_imm_u(bits, shift);
                    }
                    if int != ir::types::I64 {
                        bits = c.ins().ireduce(int, bits);
                    }
                    c.ins().bitcast(ct, ir::MemFlagsData::new(), bits)
                })
                .collect()
        })
    }
}

impl<'a, 'tcx> AbiBuilderMethods for Builder<'a, 'tcx> {
    fn get_param(&mut self, index: usize) -> Value {
        let sig = self.cx.sig_data(self.cx.fn_sig_of(self.bb.func));
        let (start, len) = sig.param_ranges[index];
        let ty = sig.params[index];
        let natives: Vec<ir::Value> = self.with_func(|fs| {
            let entry = fs.func.layout.entry_block().expect("function has no entry block");
            fs.func.dfg.block_params(entry)[start as usize..(start + len) as usize].to_vec()
        });
        if let Some(agg) = sig.stack_aggregates.iter().find(|a| a.param == index as u32) {
            let leaves = self.unpack_stack_aggregate(ty, &natives[agg.pads as usize..]);
            return self.cx.value_from_natives(ty, &leaves);
        }
        self.cx.value_from_natives(ty, &natives)
    }
}

impl<'a, 'tcx> ArgAbiBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn store_fn_arg(
        &mut self,
        arg_abi: &ArgAbi<'tcx, Ty<'tcx>>,
        idx: &mut usize,
        dst: PlaceRef<'tcx, Value>,
    ) {
        rustc_codegen_ssa_ext::abi::store_fn_arg(self, arg_abi, idx, dst)
    }

    fn store_arg(
        &mut self,
        arg_abi: &ArgAbi<'tcx, Ty<'tcx>>,
        val: Value,
        dst: PlaceRef<'tcx, Value>,
    ) {
        rustc_codegen_ssa_ext::abi::store_arg(self, arg_abi, val, dst)
    }
}
