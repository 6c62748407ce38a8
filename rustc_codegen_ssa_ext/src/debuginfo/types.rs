//! Rust types as DWARF type descriptions, named as LLVM's backend names them
//! (`compute_debuginfo_type_name`), so that gdb's Rust support and pretty printers see the
//! same types: base types, references and raw pointers (fat ones as `data_ptr`/`length`
//! or `pointer`/`vtable` pairs), structs, tuples and closures with their fields and type
//! parameters, and arrays. Enums, unions and the rest are described by name and size only.

use rustc_abi::{BackendRepr, FieldsShape, Variants};
use rustc_codegen_ssa::debuginfo::type_names::compute_debuginfo_type_name;
use rustc_middle::ty::layout::{HasTypingEnv, LayoutOf, TyAndLayout};
use rustc_middle::ty::{self, Ty};
use std::collections::HashMap;

/// What the table needs of a backend's codegen context: layouts in a monomorphic
/// typing environment.
pub trait LayoutCx<'tcx>:
    LayoutOf<'tcx, LayoutOfResult = TyAndLayout<'tcx>>
    + HasTypingEnv<'tcx>
    + ty::layout::HasTyCtxt<'tcx>
{
}

impl<'tcx, T> LayoutCx<'tcx> for T where
    T: LayoutOf<'tcx, LayoutOfResult = TyAndLayout<'tcx>>
        + HasTypingEnv<'tcx>
        + ty::layout::HasTyCtxt<'tcx>
{
}

/// A field of a structure.
#[derive(Clone, Debug)]
pub struct Member {
    pub name: String,
    pub ty: u32,
    pub offset: u64,
}

/// One type of the table; `u32`s are indices of other entries.
#[derive(Clone, Debug)]
pub enum TypeEntry {
    Base { name: String, encoding: gimli::DwAte, size: u64 },
    Pointer { name: String, pointee: Option<u32>, size: u64 },
    Struct { name: String, size: u64, align: u64, members: Vec<Member>, params: Vec<(String, u32)> },
    Array { name: String, elem: u32, count: u64, size: u64 },
}

/// The types of a compilation unit, by `Ty`.
pub struct TypeTable<'tcx> {
    pub entries: Vec<TypeEntry>,
    map: HashMap<Ty<'tcx>, u32>,
}

impl<'tcx> Default for TypeTable<'tcx> {
    fn default() -> Self {
        TypeTable { entries: Vec::new(), map: HashMap::new() }
    }
}

impl<'tcx> TypeTable<'tcx> {
    /// The entry of `ty` (a monomorphic type), adding it and what it refers to.
    pub fn of<Cx: LayoutCx<'tcx>>(&mut self, cx: &Cx, ty: Ty<'tcx>) -> u32 {
        if let Some(&i) = self.map.get(&ty) {
            return i;
        }
        // A pattern type (`NonNull`'s pointer, `UsizeNoHighBit`'s integer) is its base
        // type, as LLVM's backend describes it.
        if let ty::Pat(base, _) = *ty.kind() {
            let i = self.of(cx, base);
            self.map.insert(ty, i);
            return i;
        }
        let tcx = cx.tcx();
        let layout = cx.layout_of(ty);
        let name = compute_debuginfo_type_name(tcx, ty, true);
        let size = layout.size.bytes();
        // Reserve the index first: types may refer to themselves through pointers.
        let index = self.entries.len() as u32;
        self.entries.push(TypeEntry::Base {
            name: name.clone(),
            encoding: gimli::DW_ATE_unsigned,
            size,
        });
        self.map.insert(ty, index);
        let entry = match *ty.kind() {
            ty::Bool => TypeEntry::Base { name, encoding: gimli::DW_ATE_boolean, size },
            ty::Char => TypeEntry::Base { name, encoding: gimli::DW_ATE_UTF, size },
            ty::Int(_) => TypeEntry::Base { name, encoding: gimli::DW_ATE_signed, size },
            ty::Uint(_) => TypeEntry::Base { name, encoding: gimli::DW_ATE_unsigned, size },
            ty::Float(_) => TypeEntry::Base { name, encoding: gimli::DW_ATE_float, size },
            ty::Tuple(t) if t.is_empty() => {
                TypeEntry::Base { name, encoding: gimli::DW_ATE_unsigned, size: 0 }
            }
            ty::Ref(_, pointee, _) | ty::RawPtr(pointee, _) => {
                self.pointer(cx, name, pointee, layout)
            }
            ty::Adt(def, _) if def.is_box() => self.pointer(cx, name, ty.expect_boxed_ty(), layout),
            ty::Array(elem, _) => {
                let count = match layout.fields {
                    FieldsShape::Array { count, .. } => count,
                    _ => 0,
                };
                TypeEntry::Array { name, elem: self.of(cx, elem), count, size }
            }
            ty::Adt(def, args) if def.is_struct() => {
                let variant = def.non_enum_variant();
                // Tuple structs' fields are `__0`, `__1`, ... (gdb prints them `Name (5)`).
                let tuple_like = variant.ctor_kind() == Some(rustc_hir::def::CtorKind::Fn);
                let members = self.fields(cx, layout, |i| {
                    if tuple_like {
                        format!("__{i}")
                    } else {
                        variant.fields[rustc_abi::FieldIdx::from_usize(i)].name.to_string()
                    }
                });
                let generics = tcx.generics_of(def.did());
                let params = args
                    .iter()
                    .enumerate()
                    .filter_map(|(i, a)| {
                        let t = a.as_type()?;
                        let p = generics.own_params.get(i)?;
                        Some((p.name.to_string(), self.of(cx, t)))
                    })
                    .collect();
                TypeEntry::Struct { name, size, align: layout.align.abi.bytes(), members, params }
            }
            ty::Tuple(_) => {
                let members = self.fields(cx, layout, |i| format!("__{i}"));
                TypeEntry::Struct {
                    name,
                    size,
                    align: layout.align.abi.bytes(),
                    members,
                    params: Vec::new(),
                }
            }
            ty::Closure(def_id, _) => {
                let captures = def_id.as_local().map(|d| tcx.closure_captures(d));
                let members = self.fields(cx, layout, |i| {
                    captures
                        .and_then(|c| c.get(i))
                        .map_or_else(|| format!("__{i}"), |c| c.to_symbol().to_string())
                });
                TypeEntry::Struct {
                    name,
                    size,
                    align: layout.align.abi.bytes(),
                    members,
                    params: Vec::new(),
                }
            }
            // Enums, unions, `dyn`, function pointers and the rest: name and size only.
            _ => TypeEntry::Struct {
                name,
                size,
                align: layout.align.abi.bytes(),
                members: Vec::new(),
                params: Vec::new(),
            },
        };
        self.entries[index as usize] = entry;
        index
    }

    fn fields<Cx: LayoutCx<'tcx>>(
        &mut self,
        cx: &Cx,
        layout: TyAndLayout<'tcx>,
        name: impl Fn(usize) -> String,
    ) -> Vec<Member> {
        if !matches!(layout.variants, Variants::Single { .. }) {
            return Vec::new();
        }
        (0..layout.fields.count())
            .map(|i| {
                let field = layout.field(cx, i);
                Member {
                    name: name(i),
                    ty: self.of(cx, field.ty),
                    offset: layout.fields.offset(i).bytes(),
                }
            })
            .collect()
    }

    /// `&T`, `*const T`, `Box<T>`: a pointer when `T` is sized, else the fat pointer's two
    /// fields, as LLVM's backend describes them.
    fn pointer<Cx: LayoutCx<'tcx>>(
        &mut self,
        cx: &Cx,
        name: String,
        pointee: Ty<'tcx>,
        layout: TyAndLayout<'tcx>,
    ) -> TypeEntry {
        let tcx = cx.tcx();
        let size = layout.size.bytes();
        if !matches!(layout.backend_repr, BackendRepr::ScalarPair(..)) {
            let p = pointee.is_sized(tcx, cx.typing_env()).then(|| self.of(cx, pointee));
            return TypeEntry::Pointer { name, pointee: p, size };
        }
        let tail = tcx.struct_tail_for_codegen(pointee, cx.typing_env());
        let ptr_size = size / 2;
        let (data, meta_name, meta) = match *tail.kind() {
            ty::Slice(elem) => {
                let e = self.of(cx, elem);
                let p = self.raw_pointer(cx, elem, Some(e), ptr_size);
                (p, "length", self.of(cx, tcx.types.usize))
            }
            ty::Str => {
                let e = self.of(cx, tcx.types.u8);
                let p = self.raw_pointer(cx, tcx.types.u8, Some(e), ptr_size);
                (p, "length", self.of(cx, tcx.types.usize))
            }
            _ => {
                let p = self.raw_pointer(cx, tcx.types.unit, None, ptr_size);
                let usize_ = self.of(cx, tcx.types.usize);
                let vt = self.entries.len() as u32;
                self.entries.push(TypeEntry::Array {
                    name: "[usize; 3]".into(),
                    elem: usize_,
                    count: 3,
                    size: 3 * ptr_size,
                });
                let vtp = self.entries.len() as u32;
                self.entries.push(TypeEntry::Pointer {
                    name: "*const [usize; 3]".into(),
                    pointee: Some(vt),
                    size: ptr_size,
                });
                (p, "vtable", vtp)
            }
        };
        let data_name = if meta_name == "vtable" { "pointer" } else { "data_ptr" };
        let members = vec![
            Member { name: data_name.into(), ty: data, offset: 0 },
            Member { name: meta_name.into(), ty: meta, offset: ptr_size },
        ];
        TypeEntry::Struct {
            name,
            size,
            align: layout.align.abi.bytes(),
            members,
            params: Vec::new(),
        }
    }

    fn raw_pointer<Cx: LayoutCx<'tcx>>(
        &mut self,
        cx: &Cx,
        to: Ty<'tcx>,
        pointee: Option<u32>,
        size: u64,
    ) -> u32 {
        let name = format!("*const {}", compute_debuginfo_type_name(cx.tcx(), to, true));
        let i = self.entries.len() as u32;
        self.entries.push(TypeEntry::Pointer { name, pointee, size });
        i
    }
}
