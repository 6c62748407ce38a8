//! Constants. They are created on the cx without an insertion point and materialized by
//! the builder where used (see `value.rs`).

use rustc_abi::{self as abi, Primitive};
use rustc_codegen_ssa::traits::ConstCodegenMethods;
use rustc_middle::mir::interpret::{GlobalAlloc, Scalar};

use crate::context::CodegenCx;
use crate::types::{Type, TypeData};
use crate::value::{ConstData, Sym, Value};

impl<'tcx> ConstCodegenMethods for CodegenCx<'tcx> {
    fn const_null(&self, t: Type) -> Value {
        self.const_zero(t)
    }
    fn const_undef(&self, t: Type) -> Value {
        self.const_value(ConstData::Undef { ty: t })
    }
    fn const_poison(&self, t: Type) -> Value {
        self.const_value(ConstData::Undef { ty: t })
    }
    fn const_bool(&self, val: bool) -> Value {
        self.const_int(Type::I1, val as u128)
    }
    fn const_i8(&self, i: i8) -> Value {
        self.const_int(Type::I8, i as u128)
    }
    fn const_i16(&self, i: i16) -> Value {
        self.const_int(Type::I16, i as u128)
    }
    fn const_i32(&self, i: i32) -> Value {
        self.const_int(Type::I32, i as u128)
    }
    fn const_i64(&self, i: i64) -> Value {
        self.const_int(Type::I64, i as u128)
    }
    fn const_int(&self, t: Type, i: i64) -> Value {
        CodegenCx::const_int(self, t, i as i128 as u128)
    }
    fn const_u8(&self, i: u8) -> Value {
        CodegenCx::const_int(self, Type::I8, i as u128)
    }
    fn const_u32(&self, i: u32) -> Value {
        CodegenCx::const_int(self, Type::I32, i as u128)
    }
    fn const_u64(&self, i: u64) -> Value {
        CodegenCx::const_int(self, Type::I64, i as u128)
    }
    fn const_u128(&self, i: u128) -> Value {
        CodegenCx::const_int(self, Type::I128, i)
    }
    fn const_usize(&self, i: u64) -> Value {
        CodegenCx::const_int(self, Type::I64, i as u128)
    }
    fn const_uint(&self, t: Type, i: u64) -> Value {
        CodegenCx::const_int(self, t, i as u128)
    }
    fn const_uint_big(&self, t: Type, u: u128) -> Value {
        CodegenCx::const_int(self, t, u)
    }
    fn const_real(&self, t: Type, val: f64) -> Value {
        let bits = match t {
            Type::F32 => (val as f32).to_bits() as u128,
            Type::F64 => val.to_bits() as u128,
            Type::F16 => (val as f16).to_bits() as u128,
            _ => (val as f128).to_bits(),
        };
        self.const_value(ConstData::Float { ty: t, bits })
    }
    fn const_str(&self, s: &str) -> (Value, Value) {
        let data = self.const_str_data(s);
        let ptr =
            self.const_value(ConstData::SymAddr { sym: Sym::Data(data), offset: 0, ty: Type::PTR });
        (ptr, self.const_usize(s.len() as u64))
    }
    fn const_struct(&self, elts: &[Value], packed: bool) -> Value {
        let tys: Vec<Type> = elts.iter().map(|&e| self.value_type(e)).collect();
        let ty = self.type_struct(&tys, packed);
        self.const_value(ConstData::Agg { ty, elems: elts.into() })
    }
    fn const_vector(&self, elts: &[Value]) -> Value {
        let elem = self.value_type(elts[0]);
        let ty = self.type_vector(elem, elts.len() as u64);
        self.const_value(ConstData::Agg { ty, elems: elts.into() })
    }
    fn const_to_opt_uint(&self, v: Value) -> Option<u64> {
        self.const_int_bits(v).map(|b| b as u64)
    }
    fn const_to_opt_u128(&self, v: Value, sign_ext: bool) -> Option<u128> {
        let bits = self.const_int_bits(v)?;
        if !sign_ext {
            return Some(bits);
        }
        let ty = self.value_type(v);
        let w = if ty == Type::PTR { 64 } else { self.int_bits(ty) };
        let s = 128 - w;
        Some((((bits << s) as i128) >> s) as u128)
    }

    fn scalar_to_backend(&self, cv: Scalar, layout: abi::Scalar, llty: Type) -> Value {
        match cv {
            Scalar::Int(int) => {
                let bits = int.to_bits(layout.size(self));
                if self.is_float_type(llty) {
                    self.const_value(ConstData::Float { ty: llty, bits })
                } else if matches!(self.type_data(llty), TypeData::Vector { .. }) {
                    self.const_value(ConstData::Int { ty: llty, bits })
                } else {
                    CodegenCx::const_int(self, llty, bits)
                }
            }
            Scalar::Ptr(ptr, _size) => {
                let (prov, offset) = ptr.prov_and_relative_offset();
                let offset = offset.bytes() as i64;
                let ty = if matches!(layout.primitive(), Primitive::Pointer(_)) {
                    Type::PTR
                } else {
                    llty
                };
                let sym = match self.tcx.global_alloc(prov.alloc_id()) {
                    GlobalAlloc::Memory(alloc) => {
                        if alloc.inner().len() == 0 {
                            let addr = alloc.inner().align.bytes().wrapping_add(offset as u64);
                            let addr = rustc_middle::mir::interpret::PointerArithmetic::truncate_to_target_usize(&self.tcx, addr);
                            return CodegenCx::const_int(self, ty, addr as u128);
                        }
                        Sym::Data(self.alloc_data(alloc.inner(), None))
                    }
                    GlobalAlloc::Function { instance } => {
                        Sym::Func(self.declare_instance(instance))
                    }
                    GlobalAlloc::VTable(vty, dyn_ty) => {
                        let alloc_id = self.tcx.vtable_allocation((
                            vty,
                            dyn_ty
                                .principal()
                                .map(|p| self.tcx.instantiate_bound_regions_with_erased(p)),
                        ));
                        let alloc = self.tcx.global_alloc(alloc_id).unwrap_memory();
                        Sym::Data(self.alloc_data(alloc.inner(), None))
                    }
                    GlobalAlloc::Static(def_id) => Sym::Data(self.get_static_data(def_id)),
                    GlobalAlloc::TypeId { .. } => {
                        return CodegenCx::const_int(self, ty, offset as u64 as u128);
                    }
                };
                self.const_value(ConstData::SymAddr { sym, offset, ty })
            }
        }
    }

    fn const_ptr_byte_offset(&self, val: Value, offset: abi::Size) -> Value {
        match self.const_data(val) {
            Some(ConstData::SymAddr { sym, offset: o, ty }) => {
                self.const_value(ConstData::SymAddr { sym, offset: o + offset.bytes() as i64, ty })
            }
            Some(ConstData::Int { ty, bits }) => {
                CodegenCx::const_int(self, ty, bits.wrapping_add(offset.bytes() as u128))
            }
            other => rustc_middle::bug!("const_ptr_byte_offset of {other:?}"),
        }
    }
}

impl<'tcx> CodegenCx<'tcx> {
    pub fn const_zero(&self, t: Type) -> Value {
        if self.is_float_type(t) {
            self.const_value(ConstData::Float { ty: t, bits: 0 })
        } else if self.is_scalar_type(t) && !matches!(self.type_data(t), TypeData::Vector { .. }) {
            CodegenCx::const_int(self, t, 0)
        } else {
            self.const_value(ConstData::Undef { ty: t })
        }
    }
}
