//! Loads and stores of every type we have: odd-width integers, narrow and split vectors,
//! aggregates, and the memory flags of each access.

use cranelift_codegen::ir::{self, InstBuilder, MemFlagsData, types as clty};
use rustc_abi::{Align, Size};
use rustc_middle::bug;
use smallvec::SmallVec;

use crate::builder::Builder;
use crate::materialize::Leaves;
use crate::types::{Type, TypeData};
use crate::value::{LocalData, Value};

impl<'a, 'tcx> Builder<'a, 'tcx> {
    pub(crate) fn mem_flags(&self, data: MemFlagsData) -> MemFlagsData {
        data
    }

    pub(crate) fn access_flags(&self, size: u64, align: Align) -> MemFlagsData {
        let data = if self.volatile {
            MemFlagsData::new()
        } else if align.bytes() >= size {
            MemFlagsData::trusted()
        } else {
            MemFlagsData::new().with_notrap()
        };
        self.mem_flags(data)
    }

    /// A narrow vector from an integer holding its bytes.
    pub(crate) fn narrow_vector_from_int(&mut self, ct: clty::Type, x: ir::Value) -> ir::Value {
        let it = self.with_func(|fs| fs.func.dfg.value_type(x));
        let view = it.by(128 / it.bits()).unwrap();
        let le = MemFlagsData::new().with_endianness(ir::Endianness::Little);
        self.ins(|c| {
            let v = c.ins().scalar_to_vector(view, x);
            c.ins().bitcast(ct, le, v)
        })
    }

    /// The bytes of a narrow vector of `size` bytes as an integer.
    pub fn narrow_vector_to_int(&mut self, x: ir::Value, size: u64) -> ir::Value {
        let it = ir::Type::int((size * 8) as u16).unwrap();
        let view = it.by(128 / it.bits()).unwrap();
        let le = MemFlagsData::new().with_endianness(ir::Endianness::Little);
        self.ins(|c| {
            let v = c.ins().bitcast(view, le, x);
            c.ins().extractlane(v, 0)
        })
    }

    pub(crate) fn load_scalar(
        &mut self,
        ty: Type,
        ptr: ir::Value,
        offset: i32,
        align: Align,
    ) -> ir::Value {
        let ct = self.cx.clif_type(ty);
        let size = self.cx.type_size(ty);
        if self.cx.is_narrow_vector(ty) {
            let it = ir::Type::int((size * 8) as u16).unwrap();
            let flags = self.access_flags(size, align);
            let x = self.ins(|c| c.ins().load(it, flags, ptr, offset));
            return self.narrow_vector_from_int(ct, x);
        }
        if let TypeData::Int(bits) = self.cx.type_data(ty)
            && bits % 8 == 0
            && (bits / 8) != ct.bytes()
        {
            return self.load_odd_int(ct, bits / 8, ptr, offset);
        }
        let flags = self.access_flags(size, align);
        self.ins(|c| c.ins().load(ct, flags, ptr, offset))
    }

    /// Loads exactly `bytes` bytes (3, 5, 6 or 7) into an integer of type `ct`.
    pub(crate) fn load_odd_int(
        &mut self,
        ct: clty::Type,
        bytes: u32,
        ptr: ir::Value,
        offset: i32,
    ) -> ir::Value {
        let flags = self.mem_flags(MemFlagsData::new().with_notrap());
        let mut acc = self.iconst(ct, 0);
        for (done, part_ty) in odd_int_parts(bytes) {
            let (off, shift) = (offset + done as i32, (done * 8) as i64);
            acc = self.ins(|c| {
                let part = c.ins().load(part_ty, flags, ptr, off);
                let part = c.ins().uextend(ct, part);
                let part = c.ins().ishl_imm_s(part, shift);
                c.ins().bor(acc, part)
            });
        }
        acc
    }

    pub(crate) fn store_scalar(
        &mut self,
        ty: Type,
        val: ir::Value,
        ptr: ir::Value,
        offset: i32,
        align: Align,
    ) {
        let ct = self.cx.clif_type(ty);
        let size = self.cx.type_size(ty);
        if self.cx.is_narrow_vector(ty) {
            let x = self.narrow_vector_to_int(val, size);
            let flags = self.access_flags(size, align);
            self.ins(|c| c.ins().store(flags, x, ptr, offset));
            return;
        }
        if let TypeData::Int(bits) = self.cx.type_data(ty)
            && bits % 8 == 0
            && (bits / 8) != ct.bytes()
        {
            let flags = self.mem_flags(MemFlagsData::new().with_notrap());
            let bytes = bits / 8;
            for (done, part_ty) in odd_int_parts(bytes) {
                let (off, shift) = (offset + done as i32, (done * 8) as i64);
                self.ins(|c| {
                    let part = c.ins().ushr_imm_s(val, shift);
                    let part = if part_ty == ct { part } else { c.ins().ireduce(part_ty, part) };
                    c.ins().store(flags, part, ptr, off);
                });
            }
            return;
        }
        let flags = self.access_flags(size, align);
        self.ins(|c| c.ins().store(flags, val, ptr, offset));
    }

    pub(crate) fn load_typed(
        &mut self,
        ty: Type,
        ptr: ir::Value,
        offset: u64,
        align: Align,
    ) -> Value {
        match self.cx.type_data(ty) {
            TypeData::Struct { fields, .. } => {
                let offsets = self.cx.types().info(ty).field_offsets.clone();
                let elems: Vec<Value> = fields
                    .iter()
                    .zip(offsets.iter())
                    .map(|(&f, &o)| {
                        self.load_typed(
                            f,
                            ptr,
                            offset + o,
                            align.restrict_for_offset(Size::from_bytes(o)),
                        )
                    })
                    .collect();
                self.cx.local_value(LocalData::Agg { ty, elems: elems.into() })
            }
            TypeData::Array { elem, len } => {
                let stride = self.cx.type_size(elem);
                let elems: Vec<Value> = (0..len)
                    .map(|i| {
                        let o = i * stride;
                        self.load_typed(
                            elem,
                            ptr,
                            offset + o,
                            align.restrict_for_offset(Size::from_bytes(o)),
                        )
                    })
                    .collect();
                self.cx.local_value(LocalData::Agg { ty, elems: elems.into() })
            }
            TypeData::Opaque { .. } | TypeData::Void => bug!("load of non-value type"),
            TypeData::Vector { .. } if self.cx.is_split_vector(ty) => {
                let (part, count) = self.cx.vector_parts(ty);
                let parts: Vec<Value> = (0..count as u64)
                    .map(|i| {
                        let o = i * 16;
                        self.load_typed(
                            part,
                            ptr,
                            offset + o,
                            align.restrict_for_offset(Size::from_bytes(o)),
                        )
                    })
                    .collect();
                self.vector_from_parts(ty, parts)
            }
            _ => {
                let v = self.load_scalar(ty, ptr, offset as i32, align);
                self.new_value(v, ty)
            }
        }
    }

    pub(crate) fn store_typed(&mut self, val: Value, ptr: ir::Value, offset: u64, align: Align) {
        let ty = self.cx.value_type(val);
        let is_agg = self.cx.is_split_vector(ty)
            || matches!(self.cx.type_data(ty), TypeData::Struct { .. } | TypeData::Array { .. });
        match is_agg {
            true => {
                let mut ts = Vec::new();
                self.cx.type_leaves(ty, 0, &mut ts);
                let mut leaves = Leaves::new();
                self.leaves(val, &mut leaves);
                for ((t, o), v) in ts.into_iter().zip(leaves) {
                    self.store_scalar(
                        t,
                        v,
                        ptr,
                        (offset + o) as i32,
                        align.restrict_for_offset(Size::from_bytes(o)),
                    );
                }
            }
            _ => {
                let v = self.val(val);
                self.store_scalar(ty, v, ptr, offset as i32, align);
            }
        }
    }

    pub(crate) fn call_mem_fn(&mut self, name: &str, args: &[ir::Value]) {
        let ptr = self.cx.pointer_clif_type();
        let mut params: SmallVec<[clty::Type; 3]> = SmallVec::new();
        for &a in args {
            params.push(self.with_func(|fs| fs.func.dfg.value_type(a)));
        }
        self.libcall(name, &params, &[ptr], args);
    }

    // ---- casts ------------------------------------------------------------------------
}

/// The parts an integer of `bytes` bytes (not a power of two) is loaded and stored in:
/// (byte offset, part type), widest first, so that no access goes past its end.
fn odd_int_parts(bytes: u32) -> impl Iterator<Item = (u32, ir::Type)> {
    let mut done = 0u32;
    std::iter::from_fn(move || {
        let left = bytes - done;
        let chunk = [4u32, 2, 1].into_iter().find(|&c| c <= left)?;
        let part = (done, ir::Type::int((chunk * 8) as u16).expect("an integer type"));
        done += chunk;
        Some(part)
    })
}
