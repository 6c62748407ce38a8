//! Rust types as DWARF type descriptions, named as LLVM's backend names them
//! (`compute_debuginfo_type_name`), so that gdb's Rust support and pretty printers see the
//! same types: base types, `()` and `!`, references and raw pointers (fat ones as
//! `data_ptr`/`length` or `pointer`/`vtable` pairs), function pointers, structs, unions,
//! tuples and closures with their fields and type parameters, arrays, and enums: fieldless
//! ones as enumerations, the others as a variant part whose discriminant values are those
//! the tag holds (niche values included), so that gdb decodes them as it does for LLVM's
//! builds. ADTs and closures go in the namespaces of their definition's path under their
//! unqualified names, an enum's variant structs inside the enum, as LLVM's backend places
//! them (lldb shows a type by its own name). Coroutines and the rest are described by name
//! and size only.

use rustc_abi::{BackendRepr, FieldsShape, Primitive, TagEncoding, Variants};
use rustc_codegen_ssa::debuginfo::type_names::compute_debuginfo_type_name;
use rustc_data_structures::fx::FxHashMap as HashMap;
use rustc_middle::ty::layout::{HasTypingEnv, IntegerExt, LayoutOf, TyAndLayout};
use rustc_middle::ty::util::IntTypeExt;
use rustc_middle::ty::{self, Ty};

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

/// An enum's tag: the artificial member its variant part's discriminant is read from.
#[derive(Clone, Debug)]
pub struct Tag {
    /// An unsigned or signed integer type of the tag's size.
    pub ty: u32,
    pub offset: u64,
    pub size: u64,
}

/// A variant of an enum with fields: its struct (the enum's size, the variant's fields)
/// and the tag value that selects it (none for a niche layout's untagged variant, or the
/// only variant of a single-variant layout).
#[derive(Clone, Debug)]
pub struct Variant {
    pub name: String,
    pub ty: u32,
    pub discr: Option<u128>,
}

/// One type of the table; `u32`s are indices of other entries. An empty name is left out
/// (the data pointer of a fat pointer, a subroutine type).
#[derive(Clone, Debug)]
pub enum TypeEntry {
    Base {
        name: String,
        encoding: gimli::DwAte,
        size: u64,
    },
    Pointer {
        name: String,
        pointee: Option<u32>,
        size: u64,
    },
    Struct {
        name: String,
        size: u64,
        align: u64,
        members: Vec<Member>,
        params: Vec<(String, u32)>,
    },
    Union {
        name: String,
        size: u64,
        align: u64,
        members: Vec<Member>,
        params: Vec<(String, u32)>,
    },
    Array {
        name: String,
        elem: u32,
        count: u64,
        size: u64,
    },
    /// A function pointer's pointee; no return type for `()`.
    Subroutine {
        ret: Option<u32>,
        params: Vec<u32>,
    },
    /// An enum whose variants have no fields; values as the discriminant type's bits.
    Enumeration {
        name: String,
        base: u32,
        signed: bool,
        size: u64,
        align: u64,
        values: Vec<(String, u128)>,
    },
    /// An enum with fields.
    Enum {
        name: String,
        size: u64,
        align: u64,
        tag: Option<Tag>,
        variants: Vec<Variant>,
    },
}

/// Where a type's entry goes, as LLVM's backend places it: ADTs and closures in the
/// namespaces of their definition's path, with their unqualified names (debuggers put
/// the path back together), an enum's variants inside the enum, the rest in the unit.
#[derive(Clone, Debug)]
pub enum TypeParent {
    Unit,
    Namespace(std::sync::Arc<[String]>),
    Type(u32),
}

/// The types of a compilation unit, by `Ty`.
#[derive(Default)]
pub struct TypeTable<'tcx> {
    pub entries: Vec<TypeEntry>,
    /// The parent of each entry.
    pub parents: Vec<TypeParent>,
    map: HashMap<Ty<'tcx>, u32>,
    namespaces: HashMap<rustc_hir::def_id::DefId, std::sync::Arc<[String]>>,
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
        // `Box<T, A>` is a pointer when its allocator is zero-sized, else the struct it is,
        // as LLVM's backend describes it.
        let box_pointer = match *ty.kind() {
            ty::Adt(def, args) if def.is_box() => cx.layout_of(args.type_at(1)).is_1zst(),
            _ => false,
        };
        let defined_at = match *ty.kind() {
            ty::Adt(def, _) if !box_pointer => Some(def.did()),
            ty::Closure(def_id, _) => Some(def_id),
            _ => None,
        };
        let name = compute_debuginfo_type_name(tcx, ty, defined_at.is_none());
        let size = layout.size.bytes();
        // Reserve the index first: types may refer to themselves through pointers.
        let index = self.push(TypeEntry::Base {
            name: name.clone(),
            encoding: gimli::DW_ATE_unsigned,
            size,
        });
        self.map.insert(ty, index);
        if let Some(def_id) = defined_at {
            let scope = tcx.parent(def_id);
            let ns = self
                .namespaces
                .entry(scope)
                .or_insert_with(|| super::source::namespace(tcx, scope).into())
                .clone();
            self.parents[index as usize] = TypeParent::Namespace(ns);
        }
        let entry = match *ty.kind() {
            ty::Bool => TypeEntry::Base { name, encoding: gimli::DW_ATE_boolean, size },
            ty::Char => TypeEntry::Base { name, encoding: gimli::DW_ATE_UTF, size },
            ty::Int(_) => TypeEntry::Base { name, encoding: gimli::DW_ATE_signed, size },
            ty::Uint(_) => TypeEntry::Base { name, encoding: gimli::DW_ATE_unsigned, size },
            ty::Float(_) => TypeEntry::Base { name, encoding: gimli::DW_ATE_float, size },
            ty::Tuple(t) if t.is_empty() => {
                TypeEntry::Base { name, encoding: gimli::DW_ATE_unsigned, size: 0 }
            }
            ty::Never => TypeEntry::Base { name, encoding: gimli::DW_ATE_unsigned, size: 0 },
            ty::FnPtr(..) => {
                let sig = tcx.instantiate_bound_regions_with_erased(ty.fn_sig(tcx));
                let out = sig.output();
                let ret = (!out.is_unit()).then(|| self.of(cx, out));
                let params = sig.inputs().iter().map(|&t| self.of(cx, t)).collect();
                let sub = self.push(TypeEntry::Subroutine { ret, params });
                TypeEntry::Pointer { name, pointee: Some(sub), size }
            }
            // The pointee of a `&dyn Trait`'s data pointer.
            ty::Dynamic(..) => TypeEntry::Struct {
                name,
                size: 0,
                align: 1,
                members: Vec::new(),
                params: Vec::new(),
            },
            ty::Ref(_, pointee, _) | ty::RawPtr(pointee, _) => {
                self.pointer(cx, name, pointee, layout)
            }
            ty::Adt(..) if box_pointer => self.pointer(cx, name, ty.expect_boxed_ty(), layout),
            ty::Array(elem, _) => {
                let count = match layout.fields {
                    FieldsShape::Array { count, .. } => count,
                    _ => 0,
                };
                TypeEntry::Array { name, elem: self.of(cx, elem), count, size }
            }
            ty::Adt(def, args) if def.is_struct() => {
                let members = self.variant_fields(cx, layout, def.non_enum_variant());
                let params = self.params(cx, def.did(), args);
                TypeEntry::Struct { name, size, align: layout.align.abi.bytes(), members, params }
            }
            ty::Adt(def, args) if def.is_union() => {
                let members = self.variant_fields(cx, layout, def.non_enum_variant());
                let params = self.params(cx, def.did(), args);
                TypeEntry::Union { name, size, align: layout.align.abi.bytes(), members, params }
            }
            ty::Adt(def, args) if def.is_enum() => self.enumeration(cx, name, def, args, layout),
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

    fn push(&mut self, entry: TypeEntry) -> u32 {
        self.entries.push(entry);
        self.parents.push(TypeParent::Unit);
        self.entries.len() as u32 - 1
    }

    /// The type parameters of an ADT, by name.
    fn params<Cx: LayoutCx<'tcx>>(
        &mut self,
        cx: &Cx,
        did: rustc_hir::def_id::DefId,
        args: ty::GenericArgsRef<'tcx>,
    ) -> Vec<(String, u32)> {
        let generics = cx.tcx().generics_of(did);
        args.iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let t = a.as_type()?;
                let p = generics.own_params.get(i)?;
                Some((p.name.to_string(), self.of(cx, t)))
            })
            .collect()
    }

    /// An enum: an enumeration when no variant has fields, else a variant part over the
    /// tag, each variant a struct named `Enum::Variant` with the enum's type parameters.
    fn enumeration<Cx: LayoutCx<'tcx>>(
        &mut self,
        cx: &Cx,
        name: String,
        def: ty::AdtDef<'tcx>,
        args: ty::GenericArgsRef<'tcx>,
        layout: TyAndLayout<'tcx>,
    ) -> TypeEntry {
        let tcx = cx.tcx();
        let enum_index = self.map[&layout.ty];
        let (size, align) = (layout.size.bytes(), layout.align.abi.bytes());
        // The tag as an integer type (a pointer's niche as the unsigned integer of its
        // size), its offset and its size.
        let tag = match &layout.variants {
            Variants::Multiple { tag, tag_field, .. } => {
                let (int, signed) = match tag.primitive() {
                    Primitive::Int(int, signed) => (int, signed),
                    p => (rustc_abi::Integer::from_size(p.size(cx)).unwrap(), false),
                };
                let ty = self.of(cx, int.to_ty(tcx, signed));
                let offset = layout.fields.offset(tag_field.as_usize()).bytes();
                Some((Tag { ty, offset, size: int.size().bytes() }, signed))
            }
            _ => None,
        };
        if def.variants().iter().all(|v| v.fields.is_empty()) {
            let (base, signed) = match &tag {
                Some((t, signed)) => (t.ty, *signed),
                None => {
                    let d = def.repr().discr_type();
                    (self.of(cx, d.to_ty(tcx)), d.is_signed())
                }
            };
            let values = def
                .discriminants(tcx)
                .map(|(v, d)| (def.variant(v).name.to_string(), d.val))
                .collect();
            return TypeEntry::Enumeration { name, base, signed, size, align, values };
        }
        let mask = |bits: u128, size: u64| match size {
            16 => bits,
            n => bits & ((1u128 << (8 * n)) - 1),
        };
        // Each variant's struct has the enum's type parameters (as with LLVM).
        let params = self.params(cx, def.did(), args);
        let mut variants = Vec::new();
        for (index, v) in def.variants().iter_enumerated() {
            let discr = match &layout.variants {
                Variants::Single { index: only } if *only == index => None,
                Variants::Multiple { tag_encoding: TagEncoding::Direct, .. } => {
                    let bits = def.discriminant_for_variant(tcx, index).val;
                    Some(mask(bits, tag.as_ref().unwrap().0.size))
                }
                Variants::Multiple {
                    tag_encoding:
                        TagEncoding::Niche { untagged_variant, niche_variants, niche_start },
                    ..
                } => {
                    if index == *untagged_variant {
                        None
                    } else if niche_variants.contains(&index) {
                        let rel = (index.as_u32() - niche_variants.start().as_u32()) as u128;
                        Some(mask(rel.wrapping_add(*niche_start), tag.as_ref().unwrap().0.size))
                    } else {
                        // A variant the layout has no value for (uninhabited).
                        continue;
                    }
                }
                _ => continue,
            };
            let members = self.variant_fields(cx, layout.for_variant(cx, index), v);
            let ty = self.push(TypeEntry::Struct {
                name: v.name.to_string(),
                size,
                align,
                members,
                params: params.clone(),
            });
            self.parents[ty as usize] = TypeParent::Type(enum_index);
            variants.push(Variant { name: v.name.to_string(), ty, discr });
        }
        TypeEntry::Enum { name, size, align, tag: tag.map(|(t, _)| t), variants }
    }

    /// The fields of a struct, union or enum variant (`layout` is the variant's), by name;
    /// a tuple-like one's are `__0`, `__1`, ... (gdb prints them `Name(5)`).
    fn variant_fields<Cx: LayoutCx<'tcx>>(
        &mut self,
        cx: &Cx,
        layout: TyAndLayout<'tcx>,
        variant: &ty::VariantDef,
    ) -> Vec<Member> {
        let tuple_like = variant.ctor_kind() == Some(rustc_hir::def::CtorKind::Fn);
        self.fields(cx, layout, |i| {
            if tuple_like {
                format!("__{i}")
            } else {
                variant.fields[rustc_abi::FieldIdx::from_usize(i)].name.to_string()
            }
        })
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
                // `dyn Trait`: an unnamed pointer to it, and the vtable as the layout's
                // metadata field, `&[usize; N]` with N the trait's vtable entries.
                let dyn_ = self.of(cx, tail);
                let p = self.push(TypeEntry::Pointer {
                    name: String::new(),
                    pointee: Some(dyn_),
                    size: ptr_size,
                });
                // (A `Box`'s layout is a struct: take the raw pointer's.)
                let raw = cx.layout_of(Ty::new_mut_ptr(tcx, pointee));
                let meta = raw.field(cx, 1).ty;
                (p, "vtable", self.of(cx, meta))
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
        self.push(TypeEntry::Pointer { name, pointee, size })
    }
}
