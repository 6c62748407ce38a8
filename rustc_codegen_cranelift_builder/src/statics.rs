//! Data objects: statics and anonymous constant allocations, written from the
//! interpreter's allocations with relocations for their pointers.

use cranelift_module::{DataDescription, DataId, Linkage, Module};
use rustc_abi::Align;
use rustc_codegen_ssa::traits::StaticCodegenMethods;
use rustc_hir::def_id::DefId;
use rustc_middle::middle::codegen_fn_attrs::CodegenFnAttrFlags;
use rustc_middle::mir::interpret::{Allocation, ConstAllocation, GlobalAlloc};
use rustc_middle::ty::Instance;

use crate::context::CodegenCx;
use crate::types::Type;
use crate::value::{ConstData, Sym, Value};

impl<'tcx> CodegenCx<'tcx> {
    /// The (deduplicated, CGU-local) data object holding a constant allocation.
    pub fn alloc_data(&self, alloc: &Allocation, _name: Option<&str>) -> DataId {
        let key = alloc as *const Allocation as usize;
        if let Some(&id) = self.anon_allocs.borrow().get(&key) {
            return id;
        }
        let writable = alloc.mutability.is_mut();
        let id = self
            .module
            .borrow_mut()
            .declare_anonymous_data(writable, false)
            .unwrap_or_else(|e| self.tcx.dcx().fatal(format!("cannot declare data: {e}")));
        // Insert before defining: the allocation may point to itself.
        self.anon_allocs.borrow_mut().insert(key, id);
        self.define_alloc(id, alloc, None, false);
        id
    }

    pub fn const_str_data(&self, s: &str) -> DataId {
        if let Some(&id) = self.const_strs.borrow().get(s) {
            return id;
        }
        let mut module = self.module.borrow_mut();
        let id = module
            .declare_anonymous_data(false, false)
            .unwrap_or_else(|e| self.tcx.dcx().fatal(format!("cannot declare data: {e}")));
        let mut desc = DataDescription::new();
        desc.define(s.as_bytes().into());
        desc.set_align(1);
        module.define_data(id, &desc).unwrap_or_else(|e| self.tcx.dcx().fatal(format!("{e}")));
        drop(module);
        self.const_strs.borrow_mut().insert(s.to_string(), id);
        id
    }

    fn define_alloc(&self, id: DataId, alloc: &Allocation, section: Option<&str>, used: bool) {
        let tcx = self.tcx;
        let mut desc = DataDescription::new();
        let len = alloc.len();
        let mut bytes = alloc.inspect_with_uninit_and_ptr_outside_interpreter(0..len).to_vec();
        desc.set_align(alloc.align.bytes());
        if let Some(section) = section {
            if tcx.sess.target.is_like_darwin {
                desc.set_custom_section(&macho_section_spec(section));
            } else {
                desc.set_custom_section(section);
            }
        }
        desc.set_used(used);
        let ptr_size = tcx.data_layout.pointer_size().bytes() as usize;
        let mut relocs = Vec::new();
        for &(offset, prov) in alloc.provenance().ptrs().iter() {
            let off = offset.bytes() as usize;
            let mut addend_bytes = [0u8; 8];
            addend_bytes[..ptr_size].copy_from_slice(&bytes[off..off + ptr_size]);
            let addend = i64::from_le_bytes(addend_bytes);
            // RELA relocations carry the addend; the bytes themselves are ignored.
            bytes[off..off + ptr_size].fill(0);
            let target = match tcx.global_alloc(prov.alloc_id()) {
                GlobalAlloc::Memory(a) => Sym::Data(self.alloc_data(a.inner(), None)),
                GlobalAlloc::Function { instance } => Sym::Func(self.declare_instance(instance)),
                GlobalAlloc::VTable(ty, dyn_ty) => {
                    let alloc_id = tcx.vtable_allocation((
                        ty,
                        dyn_ty.principal().map(|p| tcx.instantiate_bound_regions_with_erased(p)),
                    ));
                    Sym::Data(
                        self.alloc_data(tcx.global_alloc(alloc_id).unwrap_memory().inner(), None),
                    )
                }
                GlobalAlloc::Static(def_id) => Sym::Data(self.get_static_data(def_id)),
                GlobalAlloc::TypeId { .. } => {
                    bytes[off..off + ptr_size].copy_from_slice(&addend_bytes[..ptr_size]);
                    continue;
                }
            };
            relocs.push((off as u32, target, addend));
        }
        desc.define(bytes.into_boxed_slice());
        let module = self.module.borrow();
        for (off, target, addend) in relocs {
            match target {
                Sym::Func(f) => {
                    let r = module.declare_func_in_data(f, &mut desc);
                    desc.write_function_addr(off, r);
                }
                Sym::Data(d) => {
                    let gv = module.declare_data_in_data(d, &mut desc);
                    desc.write_data_addr(off, gv, addend);
                }
            }
        }
        drop(module);
        if let Err(e) = self.module.borrow_mut().define_data(id, &desc) {
            tcx.dcx().fatal(format!("cannot define data: {e}"));
        }
    }
}

impl<'tcx> StaticCodegenMethods for CodegenCx<'tcx> {
    fn static_addr_of(&self, alloc: ConstAllocation<'_>, _kind: Option<&str>) -> Value {
        let id = self.alloc_data(alloc.inner(), None);
        self.const_value(ConstData::SymAddr { sym: Sym::Data(id), offset: 0, ty: Type::PTR })
    }

    fn codegen_static(&mut self, def_id: DefId) {
        let tcx = self.tcx;
        let Ok(alloc) = tcx.eval_static_initializer(def_id) else {
            return;
        };
        let id = self.get_static_data(def_id);
        let attrs = tcx.codegen_fn_attrs(def_id);
        let section = attrs.link_section.map(|s| s.to_string());
        let used = attrs
            .flags
            .intersects(CodegenFnAttrFlags::USED_COMPILER | CodegenFnAttrFlags::USED_LINKER);
        let _ = Instance::mono(tcx, def_id);
        let _ = Align::ONE;
        let _ = Linkage::Local;
        self.define_alloc(id, alloc.inner(), section.as_deref(), used);
    }
}

/// A Mach-O `#[link_section = "segment,section[,type[,attributes]]"]` as LLVM reads it: the
/// parts are trimmed, and a spec without a type gets the type of the standard section of that
/// name (`"__DATA,__mod_init_func"`, as the `ctor` and `inventory` crates write it, is
/// `mod_init_funcs`: dyld runs the pointers of such a section only). Cranelift's object writer
/// would make it a regular section.
fn macho_section_spec(spec: &str) -> String {
    let parts: Vec<&str> = spec.split(',').map(str::trim).collect();
    let typed = match parts[..] {
        [segment, section] => match (segment, section) {
            ("__DATA", "__mod_init_func") => Some("mod_init_funcs"),
            ("__DATA", "__mod_term_func") => Some("mod_term_funcs"),
            ("__TEXT", "__cstring") => Some("cstring_literals"),
            ("__TEXT", "__literal4") => Some("4byte_literals"),
            ("__TEXT", "__literal8") => Some("8byte_literals"),
            ("__TEXT", "__literal16") => Some("16byte_literals"),
            _ => None,
        },
        _ => None,
    };
    match typed {
        Some(ty) => format!("{},{},{ty}", parts[0], parts[1]),
        None => parts.join(","),
    }
}
