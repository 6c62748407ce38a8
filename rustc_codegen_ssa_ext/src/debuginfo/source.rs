//! What DWARF says about rustc's sources, as LLVM's backend says it: file entries,
//! 1-based positions, the compile unit's name and directory, functions' names and
//! namespaces, and the contents of `.debug_gdb_scripts`.

use rustc_codegen_ssa::debuginfo::type_names;
use rustc_middle::ty::{self, Instance, TyCtxt, Unnormalized};
use rustc_span::def_id::DefId;
use rustc_span::{BytePos, FileName, RemapPathScopeComponents, SourceFile};

/// (directory, name) of a source file as LLVM's backend writes it: relative to the
/// compilation directory when it is inside it.
pub fn file_entry(file: &SourceFile) -> (String, String) {
    match &file.name {
        FileName::Real(name) => {
            let (work_dir, path) = name.embeddable_name(RemapPathScopeComponents::DEBUGINFO);
            match path.strip_prefix(work_dir) {
                Ok(rel) => (String::new(), rel.to_string_lossy().into_owned()),
                Err(_) => (String::new(), path.to_string_lossy().into_owned()),
            }
        }
        other => (String::new(), other.display(RemapPathScopeComponents::DEBUGINFO).to_string()),
    }
}

/// The line (1-based) of a position in `sf`, and the positions of that line's bytes (a
/// column is the byte offset in them, plus one).
pub fn line_of(sf: &SourceFile, pos: BytePos) -> Option<(u32, std::ops::Range<BytePos>)> {
    let line = sf.lookup_line(sf.relative_position(pos))?;
    Some((line as u32 + 1, sf.line_bounds(line)))
}

/// The compile unit's `DW_AT_name` (unique per CGU, as LLVM's backend makes it: linkers
/// may merge same-named units) and `DW_AT_comp_dir`.
pub fn unit_name_and_dir(tcx: TyCtxt<'_>, cgu_name: &str) -> (String, String) {
    let sm = tcx.sess.source_map();
    let comp_dir =
        sm.working_dir().path(RemapPathScopeComponents::DEBUGINFO).to_string_lossy().into_owned();
    let mut name = tcx
        .sess
        .local_crate_source_file()
        .map(|src| src.path(RemapPathScopeComponents::DEBUGINFO).to_string_lossy().into_owned())
        .unwrap_or_else(|| tcx.crate_name(rustc_span::def_id::LOCAL_CRATE).to_string());
    name.push('@');
    name.push_str(cgu_name);
    (name, comp_dir)
}

/// The contents of `.debug_gdb_scripts` (gdb loads the Rust pretty printers, and the crate
/// graph's `#[debugger_visualizer]`s), or `None` where LLVM's backend writes none.
pub fn gdb_scripts(tcx: TyCtxt<'_>) -> Option<Vec<u8>> {
    use rustc_session::config::{CrateType, DebugInfo};
    let embeds = tcx.crate_types().iter().any(|t| {
        matches!(
            t,
            CrateType::Executable
                | CrateType::Dylib
                | CrateType::Cdylib
                | CrateType::StaticLib
                | CrateType::Sdylib
        )
    });
    if tcx.sess.opts.debuginfo == DebugInfo::None
        || !tcx.sess.target.emit_debug_gdb_scripts
        || !embeds
    {
        return None;
    }
    let mut contents = b"\x01gdb_load_rust_pretty_printers.py\0".to_vec();
    let visualizers = rustc_codegen_ssa::base::collect_debugger_visualizers_transitive(
        tcx,
        rustc_hir::attrs::DebuggerVisualizerType::GdbPrettyPrinter,
    );
    let krate = tcx.crate_name(rustc_span::def_id::LOCAL_CRATE);
    for (i, v) in visualizers.iter().enumerate() {
        // 4: a script given inline, named by the line before it.
        contents.push(4);
        contents.extend_from_slice(format!("pretty-printer-{krate}-{i}\n").as_bytes());
        contents.extend_from_slice(&v.src);
        contents.push(0);
    }
    Some(contents)
}

/// A function's name with its generic arguments (`add<u8>`) and the item whose namespace
/// it is in, as LLVM's backend names them: an inherent method of a type is in the type's
/// namespace (`namespace` gives that item's path; callers keep it per item).
pub fn fn_name_and_scope<'tcx>(tcx: TyCtxt<'tcx>, instance: Instance<'tcx>) -> (String, DefId) {
    let def_id = instance.def_id();
    let mut name = String::new();
    type_names::push_item_name(tcx, def_id, false, &mut name);
    let enclosing = tcx.typeck_root_def_id(def_id);
    let args = instance.args.truncate_to(tcx, tcx.generics_of(enclosing));
    let args = tcx.normalize_erasing_regions(
        ty::TypingEnv::fully_monomorphized(),
        Unnormalized::new_wip(args),
    );
    type_names::push_generic_args(tcx, args, &mut name);
    let mut scope =
        DefId { krate: def_id.krate, index: tcx.def_key(def_id).parent.unwrap_or(def_id.index) };
    if let Some(imp) = tcx.inherent_impl_of_assoc(def_id) {
        let self_ty = tcx.type_of(imp).instantiate_identity();
        if let ty::Adt(adt, _) = self_ty.skip_norm_wip().kind()
            && !adt.is_box()
        {
            scope = adt.did();
        }
    }
    (name, scope)
}

/// The namespace path of an item, itself included (`["core", "option", "Option"]`).
pub fn namespace(tcx: TyCtxt<'_>, scope: DefId) -> Vec<String> {
    let mut namespace = Vec::new();
    let mut at = Some(scope);
    while let Some(d) = at {
        let mut seg = String::new();
        type_names::push_item_name(tcx, d, false, &mut seg);
        namespace.push(seg);
        at = tcx.def_key(d).parent.map(|index| DefId { krate: d.krate, index });
    }
    namespace.reverse();
    namespace
}
