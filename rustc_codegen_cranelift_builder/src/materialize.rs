//! Our values as Cranelift values: constants materialised where they are used, and
//! aggregates and split vectors taken apart into their leaves.

use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, types as clty};
use cranelift_module::Module;
use rustc_codegen_ssa::traits::*;
use rustc_middle::bug;
use smallvec::SmallVec;

use crate::builder::Builder;
use crate::types::{Type, TypeData};
use crate::value::{ConstData, LocalData, Sym, Value, ValueKind};

pub(crate) type Leaves = SmallVec<[ir::Value; 4]>;

impl<'a, 'tcx> Builder<'a, 'tcx> {
    /// The single Cranelift value of a scalar `v`, materializing constants here.
    pub fn val(&mut self, v: Value) -> ir::Value {
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Ssa { val, .. }) => val,
            ValueKind::Local(LocalData::StackAddr { slot, .. }) => {
                let ptr = self.cx.pointer_clif_type();
                self.ins(|c| c.ins().stack_addr(ptr, slot, 0))
            }
            ValueKind::Local(l) => bug!("{l:?} is not a scalar value"),
            ValueKind::Const(c) => self.materialize(&c),
        }
    }

    pub(crate) fn materialize(&mut self, c: &ConstData) -> ir::Value {
        match *c {
            ConstData::Int { ty, bits } => {
                let ct = self.cx.clif_type(ty);
                if ct.is_vector() {
                    let mut bytes = bits.to_le_bytes()[..self.cx.type_size(ty) as usize].to_vec();
                    bytes.resize(ct.bytes() as usize, 0);
                    let handle = self.with_func(|fs| fs.func.dfg.constants.insert(bytes.into()));
                    return self.ins(|c| c.ins().vconst(ct, handle));
                }
                self.iconst(ct, bits)
            }
            ConstData::Float { ty, bits } => match ty {
                Type::F32 => self.ins(|c| c.ins().f32const(f32::from_bits(bits as u32))),
                Type::F64 => self.ins(|c| c.ins().f64const(f64::from_bits(bits as u64))),
                Type::F16 => {
                    let i = self.iconst(clty::I16, bits);
                    self.ins(|c| c.ins().bitcast(clty::F16, MemFlagsData::new(), i))
                }
                _ => {
                    let i = self.iconst(clty::I128, bits);
                    self.ins(|c| c.ins().bitcast(clty::F128, MemFlagsData::new(), i))
                }
            },
            ConstData::Undef { ty } => self.zero_of(ty),
            ConstData::SymAddr { sym, offset, .. } => {
                let ptr = self.cx.pointer_clif_type();
                let base = match sym {
                    Sym::Func(f) => {
                        let r = self.func_ref(f);
                        self.ins(|c| c.ins().func_addr(ptr, r))
                    }
                    Sym::Data(d) => {
                        let gv = self.data_ref(d);
                        if self.cx.module.borrow().declarations().get_data_decl(d).tls {
                            self.ins(|c| c.ins().tls_value(ptr, gv))
                        } else {
                            self.ins(|c| c.ins().symbol_value(ptr, gv))
                        }
                    }
                };
                if offset == 0 { base } else { self.ins(|c| c.ins().iadd_imm_s(base, offset)) }
            }
            ConstData::Agg { ty, ref elems } => {
                let TypeData::Vector { .. } = self.cx.type_data(ty) else {
                    bug!("aggregate constant used as a scalar")
                };
                self.vector_const(ty, elems)
            }
        }
    }

    /// A constant vector: lanes that are all known go through the constant pool, others
    /// are inserted lane by lane.
    pub(crate) fn vector_const(&mut self, ty: Type, elems: &[Value]) -> ir::Value {
        let ct = self.cx.clif_type(ty);
        let lane_bytes = ct.lane_type().bytes() as usize;
        let mut bytes = Vec::with_capacity(ct.bytes() as usize);
        let mut dynamic = Vec::new();
        for (i, &e) in elems.iter().enumerate() {
            let bits = match self.cx.const_data(e) {
                Some(ConstData::Int { bits, .. }) | Some(ConstData::Float { bits, .. }) => bits,
                Some(ConstData::Undef { .. }) => 0,
                _ => {
                    dynamic.push((i, e));
                    0
                }
            };
            bytes.extend_from_slice(&bits.to_le_bytes()[..lane_bytes]);
        }
        bytes.resize(ct.bytes() as usize, 0);
        let handle = self.with_func(|fs| fs.func.dfg.constants.insert(bytes.into()));
        let mut v = self.ins(|c| c.ins().vconst(ct, handle));
        for (i, e) in dynamic {
            let x = self.val(e);
            v = self.ins(|c| c.ins().insertlane(v, x, i as u8));
        }
        v
    }

    pub(crate) fn iconst(&mut self, ct: clty::Type, bits: u128) -> ir::Value {
        if ct == clty::I128 {
            let lo = self.ins(|c| c.ins().iconst(clty::I64, bits as u64 as i64));
            let hi = self.ins(|c| c.ins().iconst(clty::I64, (bits >> 64) as u64 as i64));
            self.ins(|c| c.ins().iconcat(lo, hi))
        } else {
            let mask = if ct.bits() >= 64 { u64::MAX } else { (1u64 << ct.bits()) - 1 };
            self.ins(|c| c.ins().iconst(ct, ((bits as u64) & mask) as i64))
        }
    }

    pub(crate) fn zero_of(&mut self, ty: Type) -> ir::Value {
        let ct = self.cx.clif_type(ty);
        if ct.is_vector() {
            let bytes = vec![0u8; ct.bytes() as usize];
            let handle = self.with_func(|fs| fs.func.dfg.constants.insert(bytes.into()));
            self.ins(|c| c.ins().vconst(ct, handle))
        } else if ct == clty::F32 {
            self.ins(|c| c.ins().f32const(0.0))
        } else if ct == clty::F64 {
            self.ins(|c| c.ins().f64const(0.0))
        } else if ct.is_float() {
            let i = self.iconst(ir::Type::int(ct.bits() as u16).unwrap(), 0);
            self.ins(|c| c.ins().bitcast(ct, MemFlagsData::new(), i))
        } else {
            self.iconst(ct, 0)
        }
    }

    /// The flattened Cranelift values of `v`, in the order calls and returns use.
    pub fn leaves(&mut self, v: Value, out: &mut Leaves) {
        let ty = self.cx.value_type(v);
        if matches!(self.cx.type_data(ty), TypeData::Vector { .. }) {
            if self.cx.is_split_vector(ty) {
                for p in self.vector_part_values(v).iter() {
                    self.leaves(*p, out);
                }
            } else {
                let x = self.val(v);
                out.push(x);
            }
            return;
        }
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Agg { elems, .. })
            | ValueKind::Const(ConstData::Agg { elems, .. }) => {
                for e in elems.iter() {
                    self.leaves(*e, out);
                }
            }
            ValueKind::Const(ConstData::Undef { ty }) if !self.cx.is_scalar_type(ty) => {
                let mut ts = Vec::new();
                self.cx.type_leaves(ty, 0, &mut ts);
                for (t, _) in ts {
                    let z = self.zero_of(t);
                    out.push(z);
                }
            }
            ValueKind::Local(LocalData::Void) => {}
            _ => {
                let x = self.val(v);
                out.push(x);
            }
        }
    }

    /// The 128-bit parts of a split vector value.
    pub fn vector_part_values(&mut self, v: Value) -> Box<[Value]> {
        let ty = self.cx.value_type(v);
        let (part, count) = self.cx.vector_parts(ty);
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Agg { elems, .. }) => elems,
            ValueKind::Const(ConstData::Agg { elems, .. }) => {
                let per = self.cx.vector_parts(ty).0;
                let per = match self.cx.type_data(per) {
                    TypeData::Vector { len, .. } => len as usize,
                    _ => unreachable!(),
                };
                let elem = self.cx.element_type(ty);
                (0..count as usize)
                    .map(|p| {
                        let lanes: Box<[Value]> = (p * per..(p + 1) * per)
                            .map(|i| {
                                elems.get(i).copied().unwrap_or_else(|| self.cx.const_undef(elem))
                            })
                            .collect();
                        self.cx.const_value(ConstData::Agg { ty: part, elems: lanes })
                    })
                    .collect()
            }
            ValueKind::Const(ConstData::Undef { .. }) => {
                (0..count).map(|_| self.cx.const_value(ConstData::Undef { ty: part })).collect()
            }
            k => bug!("vector parts of {k:?}"),
        }
    }

    pub fn vector_from_parts(&self, ty: Type, parts: Vec<Value>) -> Value {
        self.cx.local_value(LocalData::Agg { ty, elems: parts.into() })
    }

    pub(crate) fn new_value(&self, val: ir::Value, ty: Type) -> Value {
        self.cx.ssa(val, ty)
    }

    /// Elements of an aggregate value (expanding constant undef).
    pub(crate) fn agg_elems(&self, v: Value) -> Box<[Value]> {
        match self.cx.value_kind(v) {
            ValueKind::Local(LocalData::Agg { elems, .. })
            | ValueKind::Const(ConstData::Agg { elems, .. }) => elems,
            ValueKind::Const(ConstData::Undef { ty }) => match self.cx.type_data(ty) {
                TypeData::Struct { fields, .. } => {
                    fields.iter().map(|&f| self.cx.const_undef(f)).collect()
                }
                TypeData::Array { elem, len } => {
                    (0..len).map(|_| self.cx.const_undef(elem)).collect()
                }
                d => bug!("agg_elems of undef {d:?}"),
            },
            k => bug!("agg_elems of {k:?}"),
        }
    }

    // ---- integer arithmetic -------------------------------------------------------------
}
