//! Compiling a lowered CGU with Cranelift and writing its object file. Runs on cg_ssa's
//! codegen worker threads, so CGUs compile in parallel.

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_module::{FuncId, Module, ModuleReloc};
use cranelift_object::ObjectProduct;
use gimli::RunTimeEndian;
use gimli::write::Address;
use rustc_codegen_ssa_ext::eh::frame::{self, EhReloc, EhRelocKind, UnitEhFrame};
use rustc_codegen_ssa::back::write::{CodegenContext, ModuleConfig, SharedEmitter};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen};
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::DiagCtxt;
use rustc_session::config::OutputType;

use crate::base::ClifModule;

/// Appends `.eh_frame` to the object, translating the frame writer's symbol indices
/// (function ids) to object symbols.
fn add_eh_frame(product: &mut ObjectProduct, data: Vec<u8>, relocs: Vec<EhReloc>) {
    use object::write::{Relocation, SectionKind};
    use object::{RelocationEncoding, RelocationFlags, RelocationKind};
    let obj = &mut product.object;
    let section = obj.add_section(Vec::new(), b".eh_frame".to_vec(), SectionKind::ReadOnlyData);
    let offset = obj.append_section_data(section, &data, 8);
    for r in relocs {
        let symbol = product.functions[FuncId::from_u32(r.symbol as u32)].expect("FDE for undefined function").0;
        let kind = match r.kind {
            EhRelocKind::Absolute => RelocationKind::Absolute,
            EhRelocKind::PcRelative => RelocationKind::Relative,
        };
        obj.add_relocation(
            section,
            Relocation {
                offset: offset + r.offset as u64,
                symbol,
                addend: r.addend,
                flags: RelocationFlags::Generic { kind, encoding: RelocationEncoding::Generic, size: r.size * 8 },
            },
        )
        .expect("eh_frame relocation");
    }
}

pub fn codegen(
    cgcx: &CodegenContext,
    prof: &SelfProfilerRef,
    shared_emitter: &SharedEmitter,
    module: ModuleCodegen<ClifModule>,
    _config: &ModuleConfig,
) -> CompiledModule {
    let _timer = prof.generic_activity_with_arg("cranelift_compile_module", &*module.name);
    let dcx = DiagCtxt::new(Box::new(shared_emitter.clone()));
    let dcx = dcx.handle();
    let ModuleCodegen { name, module_llvm, kind, thin_lto_buffer } = module;
    let ClifModule { module: mut obj, functions } = module_llvm;
    let dump = std::env::var("CLIF_DUMP").ok();
    let mut frames = obj.isa().create_systemv_cie().map(|cie| {
        UnitEhFrame::new(&cie, usize::MAX, frame::PERSONALITY_ENCODING_SDATA4, RunTimeEndian::Little)
    });
    let mut ctx = Context::new();
    for (id, func) in functions {
        ctx.func = func;
        let fn_name = |obj: &cranelift_object::ObjectModule| {
            obj.declarations().get_function_decl(id).linkage_name(id).into_owned()
        };
        if let Some(filter) = &dump {
            let n = fn_name(&obj);
            if filter.is_empty() || n.contains(filter.as_str()) {
                eprintln!("; {n}\n{}", ctx.func.display());
            }
        }
        let compiled = match ctx.compile(obj.isa(), &mut ControlPlane::default()) {
            Ok(c) => c,
            Err(err) => {
                let n = fn_name(&obj);
                dcx.fatal(format!("Cranelift failed to compile `{n}`: {:?}", err.inner))
            }
        };
        let alignment = compiled.buffer.min_alignment as u64;
        let code = compiled.buffer.data().to_vec();
        let mach_relocs = compiled.buffer.relocs().to_vec();
        let unwind = compiled.create_unwind_info(obj.isa());
        let relocs: Vec<ModuleReloc> =
            mach_relocs.iter().map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, id)).collect();
        if let Err(e) = obj.define_function_bytes(id, alignment, &code, &relocs) {
            dcx.fatal(format!("cannot define `{}`: {e}", fn_name(&obj)));
        }
        if let (Some(frames), Ok(Some(UnwindInfo::SystemV(info)))) = (frames.as_mut(), unwind) {
            let fde = info.to_fde(Address::Symbol { symbol: id.as_u32() as usize, addend: 0 });
            frames.add_function(fde, None);
        }
        ctx.clear();
    }
    let mut product = obj.finish();
    if let Some(frames) = frames.filter(|f| !f.is_empty()) {
        let (data, relocs) = frames
            .finish()
            .unwrap_or_else(|e| dcx.fatal(format!("cannot write .eh_frame: {e}")));
        add_eh_frame(&mut product, data, relocs);
    }
    let bytes = product
        .emit()
        .unwrap_or_else(|e| dcx.fatal(format!("cannot write object file for `{name}`: {e}")));
    let path = cgcx.output_filenames.temp_path_for_cgu(OutputType::Object, &name);
    if let Err(e) = std::fs::write(&path, bytes) {
        dcx.fatal(format!("cannot write `{}`: {e}", path.display()));
    }
    ModuleCodegen { name, module_llvm: (), kind, thin_lto_buffer }
        .into_compiled_module(true, false, false, false, false, &cgcx.output_filenames)
}
