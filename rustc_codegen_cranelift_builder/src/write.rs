//! Compiling a lowered CGU with Cranelift and writing its object file. Runs on cg_ssa's
//! codegen worker threads, so CGUs compile in parallel.

use std::sync::atomic::{AtomicBool, Ordering};

use cranelift_codegen::Context;
use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::isa::unwind::UnwindInfo;
use cranelift_module::{FuncId, Module, ModuleReloc};
use cranelift_object::ObjectProduct;
use gimli::RunTimeEndian;
use gimli::write::Address;
use rustc_codegen_ssa::back::write::{CodegenContext, ModuleConfig, SharedEmitter};
use rustc_codegen_ssa::{CompiledModule, ModuleCodegen};
use rustc_codegen_ssa_ext::debuginfo as dwarf;
use rustc_codegen_ssa_ext::eh::frame::{self, EhReloc, EhRelocKind, UnitEhFrame};
use rustc_codegen_ssa_ext::eh::lsda;
use rustc_data_structures::fx::FxHashMap;
use rustc_data_structures::profiling::SelfProfilerRef;
use rustc_errors::DiagCtxt;
use rustc_session::config::OutputType;

use crate::base::ClifModule;

/// `-Ztime-llvm-passes`: print Cranelift's pass times per module (set by `init`).
pub static TIME_PASSES: AtomicBool = AtomicBool::new(false);

/// Frame-writer symbol index of `DW.ref.rust_eh_personality`; smaller indices are `FuncId`s.
const PERSONALITY_REF_SYMBOL: usize = usize::MAX;
/// Frame-writer symbol index of this object's `.gcc_except_table` (LSDAs are offsets in it).
const LSDA_SECTION_SYMBOL: usize = usize::MAX - 1;

/// The LSDA of a compiled function, or `None` when no call has a landing pad (the function
/// then needs no personality: unwinding passes through on its CFI alone).
fn function_lsda(
    code: &cranelift_codegen::CompiledCode,
) -> Result<Option<Vec<u8>>, lsda::LsdaError> {
    use cranelift_codegen::MachExceptionHandler;
    // Most functions have no landing pad: decide that before building anything.
    if code.buffer.call_sites().all(|site| site.exception_handlers.is_empty()) {
        return Ok(None);
    }
    let sites = code.buffer.call_sites().map(|site| {
        let handler = site.exception_handlers.iter().find_map(|h| match h {
            MachExceptionHandler::Tag(tag, target) => {
                Some((target.as_offset(), crate::eh::action_of_tag(*tag)))
            }
            _ => None,
        });
        (site.ret_addr, handler)
    });
    let sites = lsda::call_sites_from_returns(sites, true)?;
    lsda::encode_lsda(&sites).map(Some)
}

/// Adds the local data word `DW.ref.rust_eh_personality` holding the personality's address,
/// which the personality CIE points at. Writable data, not `.bss`: the unwinder reads it.
fn add_personality_ref(
    product: &mut ObjectProduct,
    personality: FuncId,
) -> object::write::SymbolId {
    use object::write::{Relocation, SectionKind, Symbol, SymbolSection};
    use object::{
        RelocationEncoding, RelocationFlags, RelocationKind, SymbolFlags, SymbolKind, SymbolScope,
    };
    let target = product.functions[personality].expect("personality is declared").0;
    let obj = &mut product.object;
    let section = obj.add_section(
        Vec::new(),
        b".data.DW.ref.rust_eh_personality".to_vec(),
        SectionKind::Data,
    );
    let offset = obj.append_section_data(section, &[0; 8], 8);
    obj.add_relocation(
        section,
        Relocation {
            offset,
            symbol: target,
            addend: 0,
            flags: RelocationFlags::Generic {
                kind: RelocationKind::Absolute,
                encoding: RelocationEncoding::Generic,
                size: 64,
            },
        },
    )
    .expect("personality reference relocation");
    obj.add_symbol(Symbol {
        name: b"DW.ref.rust_eh_personality".to_vec(),
        value: offset,
        size: 8,
        kind: SymbolKind::Data,
        scope: SymbolScope::Compilation,
        weak: false,
        section: SymbolSection::Section(section),
        flags: SymbolFlags::None,
    })
}

/// Appends `.eh_frame` (and `.gcc_except_table` when some function has an LSDA) to the
/// object, translating the frame writer's symbol indices to object symbols.
fn add_eh_frame(
    product: &mut ObjectProduct,
    data: Vec<u8>,
    relocs: Vec<EhReloc>,
    lsdas: Vec<u8>,
    personality: Option<FuncId>,
) {
    if product.object.format() == object::BinaryFormat::MachO {
        return add_macho_eh_frame(product, data, relocs, lsdas, personality);
    }
    use object::write::{Relocation, SectionKind};
    use object::{RelocationEncoding, RelocationFlags, RelocationKind};
    let personality_ref = personality.map(|p| add_personality_ref(product, p));
    let lsda_symbol = (!lsdas.is_empty()).then(|| {
        let obj = &mut product.object;
        let section =
            obj.add_section(Vec::new(), b".gcc_except_table".to_vec(), SectionKind::ReadOnlyData);
        obj.append_section_data(section, &lsdas, 4);
        obj.section_symbol(section)
    });
    let obj = &mut product.object;
    let section = obj.add_section(Vec::new(), b".eh_frame".to_vec(), SectionKind::ReadOnlyData);
    let offset = obj.append_section_data(section, &data, 8);
    for r in relocs {
        let symbol = match r.symbol {
            PERSONALITY_REF_SYMBOL => personality_ref.expect("CIE personality without personality"),
            LSDA_SECTION_SYMBOL => lsda_symbol.expect("FDE with LSDA but no .gcc_except_table"),
            f => {
                product.functions[FuncId::from_u32(f as u32)].expect("FDE for undefined function").0
            }
        };
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
                flags: RelocationFlags::Generic {
                    kind,
                    encoding: RelocationEncoding::Generic,
                    size: r.size * 8,
                },
            },
        )
        .expect("eh_frame relocation");
    }
}

/// Mach-O's `__TEXT,__eh_frame` and `__TEXT,__gcc_except_tab`, as LLVM writes them: the
/// personality is reached through the GOT (`X86_64_RELOC_GOT` / `ARM64_RELOC_POINTER_TO_GOT`
/// against the function itself; Mach-O has no `DW.ref` words), each LSDA has a local
/// `GCC_except_table<n>` symbol (relocations against a section are not extern on Mach-O),
/// and pc-relative fields are `SUBTRACTOR`/`UNSIGNED` pairs against the section's start.
fn add_macho_eh_frame(
    product: &mut ObjectProduct,
    data: Vec<u8>,
    relocs: Vec<EhReloc>,
    lsdas: Vec<u8>,
    personality: Option<FuncId>,
) {
    use object::write::{Relocation, SectionKind, StandardSection, Symbol, SymbolSection};
    use object::{
        RelocationEncoding, RelocationFlags, RelocationKind, SymbolFlags, SymbolKind, SymbolScope,
    };
    let personality = personality.map(|p| product.functions[p].expect("personality is declared").0);
    let lsda_section = (!lsdas.is_empty()).then(|| {
        let obj = &mut product.object;
        let section = obj.add_section(
            b"__TEXT".to_vec(),
            b"__gcc_except_tab".to_vec(),
            SectionKind::ReadOnlyData,
        );
        obj.append_section_data(section, &lsdas, 4);
        section
    });
    let mut lsda_symbols: FxHashMap<i64, object::write::SymbolId> = FxHashMap::default();
    let obj = &mut product.object;
    let section = obj.section_id(StandardSection::EhFrame);
    let offset = obj.append_section_data(section, &data, 8);
    // The subtrahend of pc-relative fields (x86_64 Mach-O writes no section symbols).
    let section_start = obj.add_symbol(Symbol {
        name: b"EH_frame0".to_vec(),
        value: 0,
        size: 0,
        kind: SymbolKind::Unknown,
        scope: SymbolScope::Compilation,
        weak: false,
        section: SymbolSection::Section(section),
        flags: SymbolFlags::None,
    });
    for r in relocs {
        let at = offset + r.offset as u64;
        let generic = |kind| RelocationFlags::Generic {
            kind,
            encoding: RelocationEncoding::Generic,
            size: r.size * 8,
        };
        let (symbol, addend) = match r.symbol {
            PERSONALITY_REF_SYMBOL => {
                let symbol = personality.expect("CIE personality without personality");
                let reloc = Relocation {
                    offset: at,
                    symbol,
                    addend: r.addend,
                    flags: generic(RelocationKind::GotRelative),
                };
                obj.add_relocation(section, reloc).expect("eh_frame personality relocation");
                continue;
            }
            LSDA_SECTION_SYMBOL => {
                let lsda = lsda_section.expect("FDE with LSDA but no __gcc_except_tab");
                let n = lsda_symbols.len();
                let symbol = *lsda_symbols.entry(r.addend).or_insert_with(|| {
                    obj.add_symbol(Symbol {
                        name: format!("GCC_except_table{n}").into_bytes(),
                        value: r.addend as u64,
                        size: 0,
                        // Not mangled, as LLVM's `GCC_except_table<n>`.
                        kind: SymbolKind::Unknown,
                        scope: SymbolScope::Compilation,
                        weak: false,
                        section: SymbolSection::Section(lsda),
                        flags: SymbolFlags::None,
                    })
                });
                (symbol, 0)
            }
            f => (
                product.functions[FuncId::from_u32(f as u32)]
                    .expect("FDE for undefined function")
                    .0,
                r.addend,
            ),
        };
        let reloc = match r.kind {
            EhRelocKind::Absolute => {
                Relocation { offset: at, symbol, addend, flags: generic(RelocationKind::Absolute) }
            }
            // S + A - P as `S - section_start + (A - offset in section)`.
            EhRelocKind::PcRelative => Relocation {
                offset: at,
                symbol,
                addend: addend - at as i64,
                flags: generic(RelocationKind::Absolute),
            },
        };
        let subtractor = (r.kind == EhRelocKind::PcRelative).then_some(section_start);
        obj.add_relocation_with_subtractor(section, reloc, subtractor)
            .expect("eh_frame relocation");
    }
}

/// Code ranges (start, end) by inlined-frame id.
type FrameRanges = FxHashMap<u32, Vec<(u64, u64)>>;

/// A function's line rows: its declaration line at the entry (the prologue), then each
/// code range Cranelift kept a source location for; and the code ranges of each inlined
/// frame (by frame id), its callers' frames included.
fn line_rows(
    code: &cranelift_codegen::CompiledCode,
    base: cranelift_codegen::ir::SourceLoc,
    debug: &crate::debuginfo::ModuleDebug,
    decl: Option<(u32, u32)>,
) -> (Vec<dwarf::LineRow>, FrameRanges) {
    let mut rows = Vec::new();
    let mut frames = FrameRanges::default();
    if let Some((file, line)) = decl {
        rows.push(dwarf::LineRow { offset: 0, file, line, column: 0 });
    }
    for r in code.buffer.get_srclocs_sorted() {
        let loc = if r.loc.is_abs() { r.loc.as_abs() } else { r.loc.relocate(base) };
        if loc.is_default() {
            continue;
        }
        let Some(&(file, line, column, frame)) = debug.locs.get(loc.bits() as usize) else {
            continue;
        };
        let offset = r.start as u64;
        if rows.last().is_some_and(|l: &dwarf::LineRow| l.offset == offset) {
            rows.pop();
        }
        rows.push(dwarf::LineRow { offset, file, line, column });
        let mut f = frame;
        while f != 0 {
            let ranges = frames.entry(f).or_default();
            match ranges.last_mut() {
                Some(last) if last.1 == offset => last.1 = r.end as u64,
                _ => ranges.push((offset, r.end as u64)),
            }
            f = debug.frames[f as usize - 1].parent;
        }
    }
    (rows, frames)
}

/// The scopes of a function that have code, outer before inner, with their variables
/// (in stack slots); and the variables of its outermost scope. Variables of inlined
/// functions are not described yet.
fn scopes<'d>(
    code: &cranelift_codegen::CompiledCode,
    debug: &'d crate::debuginfo::ModuleDebug,
    id: FuncId,
    frames: &FxHashMap<u32, Vec<(u64, u64)>>,
) -> (Vec<dwarf::Scope<'d>>, Vec<dwarf::Variable>) {
    let parent_of = |f: u32| debug.frames[f as usize - 1].parent;
    let depth = |mut f: u32| {
        let mut d = 0;
        while f != 0 {
            d += 1;
            f = parent_of(f);
        }
        d
    };
    let mut ids: Vec<u32> = frames.keys().copied().collect();
    ids.sort_by_key(|&f| (depth(f), f));
    let index: FxHashMap<u32, usize> = ids.iter().enumerate().map(|(i, &f)| (f, i)).collect();
    let mut out: Vec<dwarf::Scope<'d>> = ids
        .iter()
        .map(|&f| {
            let frame = &debug.frames[f as usize - 1];
            let inlined = frame.inlined.as_ref().map(|(callee, call_loc)| {
                let (file, line, column, _) = debug.locs[*call_loc as usize];
                dwarf::InlinedFn {
                    name: &callee.name,
                    linkage_name: &callee.linkage_name,
                    namespace: &callee.namespace,
                    call: (file, line, column),
                }
            });
            dwarf::Scope {
                parent: index.get(&parent_of(f)).copied(),
                inlined,
                ranges: frames[&f].clone(),
                vars: Vec::new(),
            }
        })
        .collect();
    let mut outer = Vec::new();
    for v in variables(code, debug, id) {
        // The innermost scope with code, but never outside the function the variable is
        // declared in: a variable of an inlined function whose frame has no code left is
        // dropped rather than shown among its caller's.
        let mut f = v.1;
        let mut target = None;
        while f != 0 {
            let frame = &debug.frames[f as usize - 1];
            if let Some(&i) = index.get(&f) {
                target = Some(i);
                break;
            }
            if frame.inlined.is_some() {
                break;
            }
            f = frame.parent;
        }
        match target {
            Some(i) => out[i].vars.push(v.0),
            None if f == 0 => outer.push(v.0),
            None => {}
        }
    }
    (out, outer)
}

/// The DWARF number of the frame pointer, which Cranelift's frames always set up.
fn frame_register(isa: &dyn cranelift_codegen::isa::TargetIsa) -> u16 {
    match isa.triple().architecture {
        target_lexicon::Architecture::Aarch64(_) => 29,
        _ => 6, // rbp
    }
}

/// The variables of a function that live in its stack slots, at their frame offsets, with
/// the scope each is declared in.
fn variables(
    code: &cranelift_codegen::CompiledCode,
    debug: &crate::debuginfo::ModuleDebug,
    id: FuncId,
) -> Vec<(dwarf::Variable, u32)> {
    let (Some(locs), Some(frame)) = (debug.var_locs.get(&id), code.buffer.frame_layout()) else {
        return Vec::new();
    };
    locs.iter()
        .filter_map(|(var, slot, direct, indirect)| {
            let decl = &debug.vars[*var as usize];
            let slot_offset = frame.stackslots.get(*slot)?.offset as i64;
            let v = dwarf::Variable {
                var: decl.var.clone(),
                frame_offset: slot_offset - frame.frame_to_fp_offset as i64,
                direct: *direct,
                indirect: indirect.clone(),
            };
            Some((v, decl.scope))
        })
        .collect()
}

/// Adds the DWARF sections, with their relocations against function symbols and against
/// each other.
fn add_debug_sections(product: &mut ObjectProduct, mut sections: Vec<dwarf::DebugSection>) {
    use object::write::{Relocation, SectionKind};
    use object::{RelocationEncoding, RelocationFlags, RelocationKind};
    let obj = &mut product.object;
    // Mach-O (untested: no macOS here): DWARF lives in the `__DWARF` segment as
    // `__debug_*`, and offsets between its sections are plain values (each object has one
    // unit, and dsymutil, not the linker, combines them), as LLVM writes it.
    let macho = obj.format() == object::BinaryFormat::MachO;
    let ids: Vec<_> = sections
        .iter_mut()
        .map(|s| {
            let (segment, name) = if macho {
                (b"__DWARF".to_vec(), s.id.name().replacen('.', "__", 1).into_bytes())
            } else {
                (Vec::new(), s.id.name().as_bytes().to_vec())
            };
            let mut data = std::mem::take(&mut s.data);
            if macho {
                for r in
                    s.relocs.iter().filter(|r| matches!(r.target, dwarf::RelocTarget::Section(_)))
                {
                    let o = r.offset as usize;
                    let n = r.size as usize;
                    data[o..o + n].copy_from_slice(&(r.addend as u64).to_le_bytes()[..n]);
                }
            }
            let id = obj.add_section(segment, name, SectionKind::Debug);
            obj.set_section_data(id, data, 1);
            (s.id, id)
        })
        .collect();
    for (s, &(_, section)) in sections.iter().zip(&ids) {
        for r in &s.relocs {
            if macho && matches!(r.target, dwarf::RelocTarget::Section(_)) {
                continue;
            }
            let symbol = match r.target {
                dwarf::RelocTarget::Symbol(f) => {
                    product.functions[FuncId::from_u32(f as u32)]
                        .expect("DWARF for an undefined function")
                        .0
                }
                dwarf::RelocTarget::Section(target) => {
                    let &(_, t) = ids
                        .iter()
                        .find(|(g, _)| *g == target)
                        .expect("offset into a missing section");
                    product.object.section_symbol(t)
                }
            };
            let flags = RelocationFlags::Generic {
                kind: RelocationKind::Absolute,
                encoding: RelocationEncoding::Generic,
                size: r.size * 8,
            };
            let reloc = Relocation { offset: r.offset as u64, symbol, addend: r.addend, flags };
            product.object.add_relocation(section, reloc).expect("debug section relocation");
        }
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
    let ClifModule {
        module: mut obj,
        functions,
        personality,
        unoptimized,
        target_features,
        global_asm,
        inline_attrs,
        mut debug,
    } = module_llvm;
    let optimizing = obj.isa().flags().opt_level() != cranelift_codegen::settings::OptLevel::None;
    // ISAs for functions that differ from the module's: (unoptimized, target features).
    let mut variants: FxHashMap<(bool, &[String]), OwnedTargetIsa> = FxHashMap::default();
    let dump = std::env::var("CLIF_DUMP").ok();
    let mut frames = obj.isa().create_systemv_cie().map(|cie| {
        // aarch64 objects may be linked far from the personality's data word; a 64-bit
        // offset is what its toolchains use (checked by the difftest corpus under qemu).
        let encoding = match obj.isa().triple().architecture {
            // Mach-O: a 32-bit pc-relative GOT reference on both architectures, as LLVM
            // (ARM64_RELOC_POINTER_TO_GOT is pc-relative only with 4 bytes).
            _ if obj.isa().triple().binary_format == target_lexicon::BinaryFormat::Macho => {
                frame::PERSONALITY_ENCODING_SDATA4
            }
            target_lexicon::Architecture::Aarch64(_) => frame::PERSONALITY_ENCODING_SDATA8,
            _ => frame::PERSONALITY_ENCODING_SDATA4,
        };
        UnitEhFrame::new(&cie, PERSONALITY_REF_SYMBOL, encoding, RunTimeEndian::Little)
    });
    let mut lsdas: Vec<u8> = Vec::new();
    let mut dwarf = debug.as_ref().map(|d| {
        let endian = match obj.isa().endianness() {
            cranelift_codegen::ir::Endianness::Little => RunTimeEndian::Little,
            cranelift_codegen::ir::Endianness::Big => RunTimeEndian::Big,
        };
        let address_size = obj.isa().pointer_bytes();
        let mut unit = dwarf::Unit::new(
            d.version,
            address_size,
            endian,
            &d.producer,
            &d.name,
            &d.comp_dir,
            &d.files,
        );
        unit.line_tables_only = d.line_tables_only;
        unit.add_types(&d.types, &d.type_parents);
        unit
    });
    let mut ctx = Context::new();
    let candidates = optimizing.then(|| {
        crate::inline::Candidates::new(&functions, &inline_attrs, &unoptimized, &target_features)
    });
    for (id, func) in functions {
        ctx.func = func;

        let fn_name = |obj: &cranelift_object::ObjectModule| {
            obj.declarations().get_function_decl(id).linkage_name(id).into_owned()
        };
        if let Some(candidates) = candidates.as_ref().filter(|c| !c.is_empty()) {
            let mut inliner = candidates.inliner(id);
            if let Err(err) = ctx.inline(&mut inliner) {
                let n = fn_name(&obj);
                dcx.fatal(format!("Cranelift failed to inline into `{n}`: {err:?}"));
            }
            if let Some(d) = debug.as_mut() {
                let mut remap = crate::debuginfo::InlinedLocs::new(d);
                inliner.set_inlined_srclocs(&mut ctx.func, |callee, loc, call| {
                    remap.loc(callee, loc, call)
                });
            }
        }
        if let Some(filter) = &dump {
            let n = fn_name(&obj);
            if filter.is_empty() || n.contains(filter.as_str()) {
                eprintln!("; {n}\n{}", ctx.func.display());
            }
        }
        let key = (
            optimizing && unoptimized.contains(&id),
            target_features.get(&id).map_or(&[][..], |f| &f[..]),
        );
        let isa = if key == (false, &[][..]) {
            obj.isa()
        } else {
            &**variants.entry(key).or_insert_with(|| crate::isa::variant(obj.isa(), key.0, key.1))
        };
        let base_srcloc = ctx.func.params.base_srcloc();
        let compiled = match ctx.compile(isa, &mut ControlPlane::default()) {
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
        let lsda = match function_lsda(compiled) {
            Ok(l) => l,
            Err(e) => dcx.fatal(format!("cannot write the LSDA of `{}`: {e}", fn_name(&obj))),
        };
        if let (Some(unit), Some(d)) = (dwarf.as_mut(), debug.as_ref())
            && let Some(f) = d.fns.get(&id)
        {
            let (rows, frames) = line_rows(compiled, base_srcloc, d, f.decl);
            let (scopes, vars) = scopes(compiled, d, id, &frames);
            unit.add_function(&dwarf::Function {
                symbol: id.as_u32() as usize,
                size: code.len() as u64,
                name: &f.name,
                linkage_name: &f.linkage_name,
                namespace: &f.namespace,
                main: f.main,
                decl: f.decl,
                rows: &rows,
                scopes: &scopes,
                vars: &vars,
                frame_register: frame_register(obj.isa()),
            });
        }
        let relocs: Vec<ModuleReloc> =
            mach_relocs.iter().map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, id)).collect();
        if let Err(e) = obj.define_function_bytes(id, alignment, &code, &relocs) {
            dcx.fatal(format!("cannot define `{}`: {e}", fn_name(&obj)));
        }
        if let (Some(frames), Ok(Some(UnwindInfo::SystemV(info)))) = (frames.as_mut(), unwind) {
            let fde = info.to_fde(Address::Symbol { symbol: id.as_u32() as usize, addend: 0 });
            let lsda = lsda.map(|bytes| {
                lsdas.resize(lsdas.len().next_multiple_of(4), 0);
                let addend = lsdas.len() as i64;
                lsdas.extend_from_slice(&bytes);
                Address::Symbol { symbol: LSDA_SECTION_SYMBOL, addend }
            });
            frames.add_function(fde, lsda);
        }
        ctx.clear();
    }
    if TIME_PASSES.load(Ordering::Relaxed) {
        // Cranelift times its passes per thread; each module is compiled on one thread.
        eprintln!("Cranelift passes of `{name}`:\n{}", cranelift_codegen::timing::take_current());
    }
    let mut product = obj.finish();
    unname_anonymous_data(&mut product);
    if let Some(unit) = dwarf.filter(|u| !u.is_empty()) {
        match unit.finish() {
            Ok(sections) => add_debug_sections(&mut product, sections),
            Err(e) => dcx.fatal(format!("cannot write the DWARF of `{name}`: {e}")),
        }
    }
    if let Some(frames) = frames.filter(|f| !f.is_empty()) {
        let frames_use_personality = frames.uses_personality();
        if frames_use_personality && personality.is_none() {
            dcx.fatal(format!("`{name}` has landing pads but no personality routine"));
        }
        let (data, relocs) =
            frames.finish().unwrap_or_else(|e| dcx.fatal(format!("cannot write .eh_frame: {e}")));
        let personality = if frames_use_personality { personality } else { None };
        add_eh_frame(&mut product, data, relocs, lsdas, personality);
    }
    let macho = product.object.format() == object::BinaryFormat::MachO;
    let mut bytes = product
        .emit()
        .unwrap_or_else(|e| dcx.fatal(format!("cannot write object file for `{name}`: {e}")));
    if macho && let Err(e) = macho_dwarf_relocs_section_relative(&mut bytes) {
        dcx.fatal(format!("cannot write object file for `{name}`: {e}"));
    }
    let path = cgcx.output_filenames.temp_path_for_cgu(OutputType::Object, &name);
    if let Err(e) = std::fs::write(&path, bytes) {
        dcx.fatal(format!("cannot write `{}`: {e}", path.display()));
    }
    if let Some(asm) = global_asm
        && let Err(e) = rustc_codegen_ssa_ext::assemble::merge_into_object(
            &path,
            &asm.text,
            &asm.driver,
            cgcx.save_temps,
        )
    {
        dcx.fatal(format!("cannot assemble the inline assembly of `{name}`: {e}"));
    }
    ModuleCodegen { name, module_llvm: (), kind, thin_lto_buffer }.into_compiled_module(
        true,
        false,
        false,
        false,
        false,
        &cgcx.output_filenames,
    )
}

/// Mach-O DWARF as LLVM writes it: an address field holds the object-file address of its
/// target and is relocated section-relatively (a non-extern `*_RELOC_UNSIGNED`), since lldb
/// reads DWARF straight from the `.o` files through the debug map (Cargo's default
/// `split-debuginfo=unpacked` on macOS) without applying relocations. object's writer knows
/// section addresses only while emitting, so its extern relocations of `__DWARF` sections
/// against defined symbols are rewritten here, in the emitted file.
fn macho_dwarf_relocs_section_relative(bytes: &mut [u8]) -> Result<(), String> {
    fn get<const N: usize>(b: &[u8], at: usize) -> Result<[u8; N], String> {
        b.get(at..at + N)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| format!("truncated Mach-O at {at:#x}"))
    }
    let u32_at = |b: &[u8], at: usize| get::<4>(b, at).map(u32::from_le_bytes);
    let ncmds = u32_at(bytes, 16)?;
    let (mut at, mut dwarf, mut symtab) = (32usize, Vec::new(), None);
    for _ in 0..ncmds {
        let (cmd, size) = (u32_at(bytes, at)?, u32_at(bytes, at + 4)? as usize);
        if cmd == 0x19 {
            // LC_SEGMENT_64
            for i in 0..u32_at(bytes, at + 64)? as usize {
                let s = at + 72 + 80 * i;
                if get::<16>(bytes, s + 16)?.starts_with(b"__DWARF\0") {
                    // (data offset, relocation offset, relocation count)
                    dwarf.push((
                        u32_at(bytes, s + 48)?,
                        u32_at(bytes, s + 56)?,
                        u32_at(bytes, s + 60)?,
                    ));
                }
            }
        } else if cmd == 0x2 {
            // LC_SYMTAB
            symtab = Some((u32_at(bytes, at + 8)? as usize, u32_at(bytes, at + 12)?));
        }
        at += size;
    }
    let Some((symoff, nsyms)) = symtab else { return Ok(()) };
    for (data, reloff, nreloc) in dwarf {
        for r in 0..nreloc as usize {
            let at = reloff as usize + 8 * r;
            let (address, info) = (u32_at(bytes, at)?, u32_at(bytes, at + 4)?);
            let (symbol, pcrel, length) = (info & 0xff_ffff, info >> 24 & 1, info >> 25 & 3);
            let (external, kind) = (info >> 27 & 1 == 1, info >> 28);
            // UNSIGNED is type 0 on x86_64 and arm64.
            if address & 0x8000_0000 != 0 || !external || kind != 0 || pcrel != 0 || symbol >= nsyms
            {
                continue;
            }
            let sym = symoff + 16 * symbol as usize;
            let (n_type, n_sect) = (get::<1>(bytes, sym + 4)?[0], get::<1>(bytes, sym + 5)?[0]);
            if n_type & 0x0e != 0x0e {
                // not N_SECT: undefined or absolute
                continue;
            }
            let value = u64::from_le_bytes(get::<8>(bytes, sym + 8)?);
            let field = data as usize + address as usize;
            match length {
                3 => {
                    let v = u64::from_le_bytes(get::<8>(bytes, field)?).wrapping_add(value);
                    bytes[field..field + 8].copy_from_slice(&v.to_le_bytes());
                }
                2 => {
                    let v = u32::from_le_bytes(get::<4>(bytes, field)?).wrapping_add(value as u32);
                    bytes[field..field + 4].copy_from_slice(&v.to_le_bytes());
                }
                _ => continue,
            }
            let info = (info & !(0xff_ffff | 1 << 27)) | u32::from(n_sect);
            bytes[at + 4..at + 8].copy_from_slice(&info.to_le_bytes());
        }
    }
    Ok(())
}

/// cranelift-module names anonymous constants `.Ldata<n>`, and ELF linkers keep such local
/// symbols, so gdb would print a vtable pointer as `0x… <.Ldata3>`: LLVM's private
/// constants have no symbol at all. An ELF symbol without a name is ignored by debuggers
/// and symbolizers; relocations refer to symbols by index, so they are unaffected.
fn unname_anonymous_data(product: &mut cranelift_object::ObjectProduct) {
    if product.object.format() != object::BinaryFormat::Elf {
        return;
    }
    for (_, entry) in product.data_objects.iter() {
        let Some((symbol, _)) = *entry else { continue };
        let sym = product.object.symbol_mut(symbol);
        if sym.scope == object::SymbolScope::Compilation && sym.name.starts_with(b".Ldata") {
            sym.name.clear();
        }
    }
}
