//! Values: 32-bit handles into a CGU-wide, hash-consed constant arena or an arena of
//! function-local values. Constants are created without a builder (cg_ssa builds them on
//! the cx and caches some, e.g. vtables, for the whole CGU) and are materialized where used.

use cranelift_codegen::ir;
use cranelift_module::{DataId, FuncId};
use rustc_data_structures::fx::FxHashMap;

use crate::context::CodegenCx;
use crate::types::Type;

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct Value(u32);

const CONST_BIT: u32 = 1 << 31;

impl Value {
    #[inline]
    pub fn is_const(self) -> bool {
        self.0 & CONST_BIT != 0
    }
    #[inline]
    fn index(self) -> usize {
        (self.0 & !CONST_BIT) as usize
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_const() {
            write!(f, "c{}", self.index())
        } else {
            write!(f, "v{}", self.index())
        }
    }
}

#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Sym {
    Func(FuncId),
    Data(DataId),
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum ConstData {
    /// Integers, bools and integer-valued pointers; `bits` is truncated to the type's width.
    Int {
        ty: Type,
        bits: u128,
    },
    Float {
        ty: Type,
        bits: u128,
    },
    /// undef and poison: materialized as zero, deterministically.
    Undef {
        ty: Type,
    },
    /// The address of a function or data object plus an offset; `ty` is a pointer type or,
    /// for pointer scalars with an integer backend type, an integer type.
    SymAddr {
        sym: Sym,
        offset: i64,
        ty: Type,
    },
    Agg {
        ty: Type,
        elems: Box<[Value]>,
    },
}

#[derive(Clone, Debug)]
pub enum LocalData {
    Ssa {
        val: ir::Value,
        ty: Type,
    },
    Agg {
        ty: Type,
        elems: Box<[Value]>,
    },
    /// The address of a stack slot, rematerialized at each use.
    StackAddr {
        slot: ir::StackSlot,
        ty: Type,
    },
    Void,
}

#[derive(Default)]
pub struct ValueArena {
    consts: Vec<ConstData>,
    const_map: FxHashMap<ConstData, Value>,
    locals: Vec<LocalData>,
}

/// What a value is, without borrowing the arena.
#[derive(Clone, Debug)]
pub enum ValueKind {
    Const(ConstData),
    Local(LocalData),
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn const_value(&self, data: ConstData) -> Value {
        let mut arena = self.values.borrow_mut();
        if let Some(&v) = arena.const_map.get(&data) {
            return v;
        }
        let v = Value(arena.consts.len() as u32 | CONST_BIT);
        arena.consts.push(data.clone());
        arena.const_map.insert(data, v);
        v
    }

    pub fn local_value(&self, data: LocalData) -> Value {
        let mut arena = self.values.borrow_mut();
        let v = Value(arena.locals.len() as u32);
        arena.locals.push(data);
        v
    }

    pub fn ssa(&self, val: ir::Value, ty: Type) -> Value {
        self.local_value(LocalData::Ssa { val, ty })
    }

    pub fn value_kind(&self, v: Value) -> ValueKind {
        let arena = self.values.borrow();
        if v.is_const() {
            ValueKind::Const(arena.consts[v.index()].clone())
        } else {
            ValueKind::Local(arena.locals[v.index()].clone())
        }
    }

    pub fn const_data(&self, v: Value) -> Option<ConstData> {
        if v.is_const() { Some(self.values.borrow().consts[v.index()].clone()) } else { None }
    }

    /// The integer bits of a constant integer, if `v` is one.
    pub fn const_int_bits(&self, v: Value) -> Option<u128> {
        if !v.is_const() {
            return None;
        }
        match self.values.borrow().consts[v.index()] {
            ConstData::Int { bits, .. } => Some(bits),
            _ => None,
        }
    }

    pub fn value_type(&self, v: Value) -> Type {
        let arena = self.values.borrow();
        if v.is_const() {
            match &arena.consts[v.index()] {
                ConstData::Int { ty, .. }
                | ConstData::Float { ty, .. }
                | ConstData::Undef { ty }
                | ConstData::SymAddr { ty, .. }
                | ConstData::Agg { ty, .. } => *ty,
            }
        } else {
            match &arena.locals[v.index()] {
                LocalData::Ssa { ty, .. }
                | LocalData::Agg { ty, .. }
                | LocalData::StackAddr { ty, .. } => *ty,
                LocalData::Void => Type::VOID,
            }
        }
    }

    /// A copy of `v` with another type and the same representation (i1/i8 immediates,
    /// pointer casts).
    pub fn retype(&self, v: Value, ty: Type) -> Value {
        match self.value_kind(v) {
            ValueKind::Const(ConstData::Int { bits, .. }) => self.const_int(ty, bits),
            ValueKind::Const(ConstData::Undef { .. }) => self.const_value(ConstData::Undef { ty }),
            ValueKind::Const(ConstData::SymAddr { sym, offset, .. }) => {
                self.const_value(ConstData::SymAddr { sym, offset, ty })
            }
            ValueKind::Const(c) => rustc_middle::bug!("cannot retype constant {c:?}"),
            ValueKind::Local(LocalData::Ssa { val, .. }) => self.ssa(val, ty),
            ValueKind::Local(LocalData::StackAddr { slot, .. }) => {
                self.local_value(LocalData::StackAddr { slot, ty })
            }
            ValueKind::Local(l) => rustc_middle::bug!("cannot retype {l:?}"),
        }
    }

    /// An integer constant, truncated to the width of `ty`.
    pub fn const_int(&self, ty: Type, bits: u128) -> Value {
        let width = match ty {
            Type::PTR => 64,
            _ => self.int_bits(ty),
        };
        let bits = if width >= 128 { bits } else { bits & ((1u128 << width) - 1) };
        self.const_value(ConstData::Int { ty, bits })
    }
}
