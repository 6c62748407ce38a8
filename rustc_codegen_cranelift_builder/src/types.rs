//! The backend's own type model: cg_ssa needs aggregate, i1 and odd-width integer types
//! that Cranelift's `ir::Type` cannot express, so types are interned handles.

use cranelift_codegen::ir::types as clty;
use rustc_abi::AddressSpace;
use rustc_codegen_ssa::common::TypeKind;
use rustc_codegen_ssa::traits::BaseTypeCodegenMethods;
use rustc_data_structures::fx::FxHashMap;
use rustc_middle::bug;

use crate::context::CodegenCx;
use crate::value::Value;

#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct Type(pub u32);

impl std::fmt::Debug for Type {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ty{}", self.0)
    }
}

impl Type {
    pub const VOID: Type = Type(0);
    pub const I1: Type = Type(1);
    pub const I8: Type = Type(2);
    pub const I16: Type = Type(3);
    pub const I32: Type = Type(4);
    pub const I64: Type = Type(5);
    pub const I128: Type = Type(6);
    pub const F16: Type = Type(7);
    pub const F32: Type = Type(8);
    pub const F64: Type = Type(9);
    pub const F128: Type = Type(10);
    pub const PTR: Type = Type(11);
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum TypeData {
    Void,
    /// Any bit width; 1 is the bool immediate, odd widths come from ABI casts.
    Int(u32),
    F16,
    F32,
    F64,
    F128,
    Ptr,
    Vector {
        elem: Type,
        len: u32,
    },
    Array {
        elem: Type,
        len: u64,
    },
    Struct {
        fields: Box<[Type]>,
        packed: bool,
    },
    /// The memory form of a `BackendRepr::Memory` layout: only used for sizes and strides.
    Opaque {
        size: u64,
        align: u64,
    },
}

/// Size, alignment and flattened leaves of a type, computed once at interning.
#[derive(Clone, Debug)]
pub struct TypeInfo {
    pub data: TypeData,
    pub size: u64,
    pub align: u64,
    /// Offsets of struct fields (empty for non-structs).
    pub field_offsets: Box<[u64]>,
}

pub struct TypeInterner {
    infos: Vec<TypeInfo>,
    map: FxHashMap<TypeData, Type>,
}

impl TypeInterner {
    pub fn new() -> Self {
        let mut this = TypeInterner { infos: Vec::new(), map: FxHashMap::default() };
        for data in [
            TypeData::Void,
            TypeData::Int(1),
            TypeData::Int(8),
            TypeData::Int(16),
            TypeData::Int(32),
            TypeData::Int(64),
            TypeData::Int(128),
            TypeData::F16,
            TypeData::F32,
            TypeData::F64,
            TypeData::F128,
            TypeData::Ptr,
        ] {
            this.intern(data);
        }
        this
    }

    pub fn intern(&mut self, data: TypeData) -> Type {
        if let Some(&t) = self.map.get(&data) {
            return t;
        }
        let (size, align, field_offsets) = self.layout_of(&data);
        let t = Type(self.infos.len() as u32);
        self.infos.push(TypeInfo { data: data.clone(), size, align, field_offsets });
        self.map.insert(data, t);
        t
    }

    fn layout_of(&self, data: &TypeData) -> (u64, u64, Box<[u64]>) {
        let none: Box<[u64]> = Box::new([]);
        match *data {
            TypeData::Void => (0, 1, none),
            TypeData::Int(bits) => {
                let bytes = (bits as u64).div_ceil(8);
                // LLVM's x86_64/aarch64 data layouts: i128 is 16-aligned, odd widths
                // align to the next power of two up to 8.
                let align = bytes.next_power_of_two().min(16);
                (bytes.next_multiple_of(align), align, none)
            }
            TypeData::F16 => (2, 2, none),
            TypeData::F32 => (4, 4, none),
            TypeData::F64 | TypeData::Ptr => (8, 8, none),
            TypeData::F128 => (16, 16, none),
            TypeData::Vector { elem, len } => {
                let size = self.infos[elem.0 as usize].size * len as u64;
                let size = size.next_power_of_two();
                (size, size.min(64), none)
            }
            TypeData::Array { elem, len } => {
                let e = &self.infos[elem.0 as usize];
                (e.size * len, e.align, none)
            }
            TypeData::Struct { ref fields, packed } => {
                let mut offset = 0u64;
                let mut align = 1u64;
                let mut offsets = Vec::with_capacity(fields.len());
                for f in fields.iter() {
                    let fi = &self.infos[f.0 as usize];
                    let fa = if packed { 1 } else { fi.align };
                    offset = offset.next_multiple_of(fa);
                    offsets.push(offset);
                    offset += fi.size;
                    align = align.max(fa);
                }
                (offset.next_multiple_of(align), align, offsets.into_boxed_slice())
            }
            TypeData::Opaque { size, align } => (size, align, none),
        }
    }

    #[inline]
    pub fn info(&self, t: Type) -> &TypeInfo {
        &self.infos[t.0 as usize]
    }
}

impl<'tcx> CodegenCx<'tcx> {
    #[inline]
    pub fn types(&self) -> std::cell::Ref<'_, TypeInterner> {
        self.types.borrow()
    }

    pub fn intern_type(&self, data: TypeData) -> Type {
        self.types.borrow_mut().intern(data)
    }

    pub fn type_data(&self, t: Type) -> TypeData {
        self.types.borrow().info(t).data.clone()
    }

    pub fn type_size(&self, t: Type) -> u64 {
        self.types.borrow().info(t).size
    }

    pub fn type_int_bits(&self, bits: u32) -> Type {
        match bits {
            1 => Type::I1,
            8 => Type::I8,
            16 => Type::I16,
            32 => Type::I32,
            64 => Type::I64,
            128 => Type::I128,
            _ => self.intern_type(TypeData::Int(bits)),
        }
    }

    pub fn type_struct(&self, fields: &[Type], packed: bool) -> Type {
        self.intern_type(TypeData::Struct { fields: fields.into(), packed })
    }

    pub fn type_vector(&self, elem: Type, len: u64) -> Type {
        self.intern_type(TypeData::Vector { elem, len: len as u32 })
    }

    pub fn type_opaque(&self, size: u64, align: u64) -> Type {
        self.intern_type(TypeData::Opaque { size, align })
    }

    /// The Cranelift type an SSA value of this scalar type lives in.
    pub fn clif_type(&self, t: Type) -> clty::Type {
        match t {
            Type::I1 | Type::I8 => clty::I8,
            Type::I16 => clty::I16,
            Type::I32 => clty::I32,
            Type::I64 | Type::PTR => clty::I64,
            Type::I128 => clty::I128,
            Type::F16 => clty::F16,
            Type::F32 => clty::F32,
            Type::F64 => clty::F64,
            Type::F128 => clty::F128,
            _ => match self.type_data(t) {
                TypeData::Int(bits) => int_clif_type(bits),
                TypeData::Vector { elem, len } => {
                    let e = self.clif_type(elem);
                    let e = if e == clty::F16 { clty::I16 } else { e };
                    // x64 lowers almost nothing on vectors narrower than 128 bits, so they
                    // live in the low lanes of a 128-bit register (see `is_narrow_vector`).
                    let lanes = len.max(128 / e.bits());
                    e.by(lanes)
                        .unwrap_or_else(|| bug!("vector type {e}x{len} has no Cranelift form"))
                }
                d => bug!("type {d:?} is not a scalar"),
            },
        }
    }

    /// Whether `t` lives in a single Cranelift value.
    pub fn is_scalar_type(&self, t: Type) -> bool {
        t.0 <= Type::PTR.0 && t != Type::VOID
            || matches!(self.type_data(t), TypeData::Int(_))
            || matches!(self.type_data(t), TypeData::Vector { .. }) && !self.is_split_vector(t)
    }

    /// Vectors wider than Cranelift's 128-bit registers are values made of 128-bit parts.
    pub fn is_split_vector(&self, t: Type) -> bool {
        matches!(self.type_data(t), TypeData::Vector { .. }) && self.type_size(t) > 16
    }

    /// Vectors narrower than 128 bits: loaded, stored and bitcast by their real size, held
    /// in the low lanes of a 128-bit value whose other lanes are unspecified.
    pub fn is_narrow_vector(&self, t: Type) -> bool {
        matches!(self.type_data(t), TypeData::Vector { .. }) && self.type_size(t) < 16
    }

    /// The part type and part count of a split vector.
    pub fn vector_parts(&self, t: Type) -> (Type, u32) {
        let TypeData::Vector { elem, len } = self.type_data(t) else {
            bug!("vector_parts of a non-vector")
        };
        // Full 128-bit parts in memory order: a non-power-of-two length leaves padding
        // lanes at the end of the last part (the vector's size is rounded up).
        let _ = len;
        let count = (self.type_size(t) / 16) as u32;
        let per = 16 / self.type_size(elem).max(1);
        (self.type_vector(elem, per), count)
    }

    /// Scalar leaves of a type with their byte offsets, in the order aggregates are flattened
    /// for calls and returns.
    pub fn type_leaves(&self, t: Type, base: u64, out: &mut Vec<(Type, u64)>) {
        match self.type_data(t) {
            TypeData::Void => {}
            TypeData::Struct { fields, .. } => {
                let offsets = self.types.borrow().info(t).field_offsets.clone();
                for (f, off) in fields.iter().zip(offsets.iter()) {
                    self.type_leaves(*f, base + off, out);
                }
            }
            TypeData::Array { elem, len } => {
                let stride = self.type_size(elem);
                for i in 0..len {
                    self.type_leaves(elem, base + i * stride, out);
                }
            }
            TypeData::Opaque { .. } => bug!("opaque type used as a value"),
            TypeData::Vector { .. } if self.is_split_vector(t) => {
                let (part, count) = self.vector_parts(t);
                for i in 0..count as u64 {
                    self.type_leaves(part, base + i * 16, out);
                }
            }
            _ => out.push((t, base)),
        }
    }

    pub fn is_float_type(&self, t: Type) -> bool {
        matches!(t, Type::F16 | Type::F32 | Type::F64 | Type::F128)
    }

    pub fn int_bits(&self, t: Type) -> u32 {
        match self.type_data(t) {
            TypeData::Int(b) => b,
            TypeData::Ptr => 64,
            d => bug!("not an integer type: {d:?}"),
        }
    }
}

pub fn int_clif_type(bits: u32) -> clty::Type {
    match bits {
        1..=8 => clty::I8,
        9..=16 => clty::I16,
        17..=32 => clty::I32,
        33..=64 => clty::I64,
        65..=128 => clty::I128,
        _ => bug!("integer of {bits} bits"),
    }
}

impl<'tcx> BaseTypeCodegenMethods for CodegenCx<'tcx> {
    fn type_i8(&self) -> Type {
        Type::I8
    }
    fn type_i16(&self) -> Type {
        Type::I16
    }
    fn type_i32(&self) -> Type {
        Type::I32
    }
    fn type_i64(&self) -> Type {
        Type::I64
    }
    fn type_i128(&self) -> Type {
        Type::I128
    }
    fn type_isize(&self) -> Type {
        Type::I64
    }
    fn type_f16(&self) -> Type {
        Type::F16
    }
    fn type_f32(&self) -> Type {
        Type::F32
    }
    fn type_f64(&self) -> Type {
        Type::F64
    }
    fn type_f128(&self) -> Type {
        Type::F128
    }
    fn type_array(&self, ty: Type, len: u64) -> Type {
        self.intern_type(TypeData::Array { elem: ty, len })
    }
    fn type_func(&self, args: &[Type], ret: Type) -> crate::abi::FnSig {
        self.sig_from_types(args, ret)
    }
    fn type_kind(&self, ty: Type) -> TypeKind {
        match self.type_data(ty) {
            TypeData::Void => TypeKind::Void,
            TypeData::Int(_) => TypeKind::Integer,
            TypeData::F16 => TypeKind::Half,
            TypeData::F32 => TypeKind::Float,
            TypeData::F64 => TypeKind::Double,
            TypeData::F128 => TypeKind::FP128,
            TypeData::Ptr => TypeKind::Pointer,
            TypeData::Vector { .. } => TypeKind::Vector,
            TypeData::Array { .. } => TypeKind::Array,
            TypeData::Struct { .. } | TypeData::Opaque { .. } => TypeKind::Struct,
        }
    }
    fn type_ptr(&self) -> Type {
        Type::PTR
    }
    fn type_ptr_ext(&self, _address_space: AddressSpace) -> Type {
        Type::PTR
    }
    fn element_type(&self, ty: Type) -> Type {
        match self.type_data(ty) {
            TypeData::Vector { elem, .. } | TypeData::Array { elem, .. } => elem,
            d => bug!("element_type of {d:?}"),
        }
    }
    fn vector_length(&self, ty: Type) -> usize {
        match self.type_data(ty) {
            TypeData::Vector { len, .. } => len as usize,
            d => bug!("vector_length of {d:?}"),
        }
    }
    fn float_width(&self, ty: Type) -> usize {
        match ty {
            Type::F16 => 16,
            Type::F32 => 32,
            Type::F64 => 64,
            Type::F128 => 128,
            _ => bug!("float_width of {:?}", self.type_data(ty)),
        }
    }
    fn int_width(&self, ty: Type) -> u64 {
        self.int_bits(ty) as u64
    }
    fn val_ty(&self, v: Value) -> Type {
        self.value_type(v)
    }
}
