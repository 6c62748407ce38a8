//! Debug info: line tables and a subprogram per function, unless `-Cdebuginfo=0`.
//!
//! Each MIR source location becomes an index of the CGU's location table, set as the
//! Cranelift `SourceLoc` of the instructions emitted for it; after compilation the object
//! writer turns the code ranges of those locations into line rows, and
//! `rustc_codegen_ssa_ext::debuginfo` writes the DWARF. With full debug info, variables
//! in stack slots are described at their frame offsets, with their types
//! (`rustc_codegen_ssa_ext::debuginfo::types`).

use std::ops::Range;

use cranelift_codegen::ir;
use cranelift_module::FuncId;
use rustc_abi::Size;
use rustc_codegen_ssa::mir::debuginfo::{DebugScope, FunctionDebugContext, VariableKind};
use rustc_codegen_ssa::traits::{
    CoverageInfoBuilderMethods, DebugInfoBuilderMethods, DebugInfoCodegenMethods,
};
use rustc_codegen_ssa_ext::debuginfo::types::{TypeEntry, TypeParent, TypeTable};
use rustc_codegen_ssa_ext::debuginfo::{VariableDecl, source};
use rustc_data_structures::fx::{FxHashMap, FxIndexSet};
use rustc_index::IndexVec;
use rustc_middle::mir::coverage::CoverageKind;
use rustc_middle::mir::{self};
use rustc_middle::ty::{self, ExistentialTraitRef, Instance, Ty, TyCtxt};
use rustc_span::{BytePos, SourceFile, Span, Symbol, hygiene};
use rustc_target::callconv::FnAbi;

use crate::builder::Builder;
use crate::context::CodegenCx;
use crate::value::Value;

/// A function's entry in the unit.
#[derive(Clone)]
pub struct FnDebug {
    pub name: String,
    pub linkage_name: String,
    /// Shared by the functions of an item (`Arc`: the writer runs on a worker thread).
    pub namespace: std::sync::Arc<[String]>,
    pub main: bool,
    /// (file index, line) of its definition.
    pub decl: Option<(u32, u32)>,
}

/// Scope `i + 1` of the CGU (0 is a function's outermost scope): a function inlined by MIR
/// inlining at a call site, or a lexical block that declares variables.
pub struct Frame {
    /// The enclosing scope.
    pub parent: u32,
    /// The inlined function and the location of its call (in the parent scope).
    pub inlined: Option<(std::sync::Arc<FnDebug>, u32)>,
}

/// A variable declared by cg_ssa (`create_dbg_var`), and the scope it is declared in.
pub struct VarDecl {
    pub var: VariableDecl,
    pub scope: u32,
}

/// Where a variable of a function is: (variable, stack slot, direct offset, indirect
/// offsets).
pub type VarLoc = (u32, ir::StackSlot, u64, Vec<u64>);

/// What a CGU collects while it is lowered.
#[derive(Default)]
pub struct DebugState<'tcx> {
    types: TypeTable<'tcx>,
    vars: Vec<VarDecl>,
    var_locs: FxHashMap<FuncId, Vec<VarLoc>>,
    /// (directory, name) of each file; an empty directory is the compilation directory.
    files: FxIndexSet<(String, String)>,
    namespaces: FxHashMap<rustc_span::def_id::DefId, std::sync::Arc<[String]>>,
    /// The `files` index of each source file, by its start position.
    file_index: FxHashMap<BytePos, u32>,
    /// The file of the last position asked for, and its `files` index: positions come
    /// mostly from one file in a row, and finding a file is a search of all of them.
    last_file: Option<(std::sync::Arc<SourceFile>, u32)>,
    /// The last line asked for: (its bytes, file index, line). Statements follow each
    /// other on a line.
    last_line: Option<(Range<BytePos>, u32, u32)>,
    /// (file, line, column, frame): a `DILocation` is an index of this set.
    locs: FxIndexSet<(u32, u32, u32, u32)>,
    frames: Vec<Frame>,
    /// The frame of each (inlined function, call location).
    frame_ids: FxHashMap<(Instance<'tcx>, u32), u32>,
    /// Each inlined function's names (a symbol name is a query, and a function is
    /// inlined in many places).
    callees: FxHashMap<Instance<'tcx>, std::sync::Arc<FnDebug>>,
    fns: FxHashMap<FuncId, FnDebug>,
}

/// What the object writer needs (plain data: it runs on a worker thread).
pub struct ModuleDebug {
    pub version: u16,
    pub line_tables_only: bool,
    pub producer: String,
    pub name: String,
    pub comp_dir: String,
    pub files: Vec<(String, String)>,
    pub locs: Vec<(u32, u32, u32, u32)>,
    pub frames: Vec<Frame>,
    pub fns: FxHashMap<FuncId, FnDebug>,
    pub types: Vec<TypeEntry>,
    pub type_parents: Vec<TypeParent>,
    pub vars: Vec<VarDecl>,
    pub var_locs: FxHashMap<FuncId, Vec<VarLoc>>,
}

/// Locations and frames for the code Cranelift's inliner copies into a function
/// (`Inliner::set_inlined_srclocs`): the callee's locations, in scopes below a new frame of
/// the callee inlined at the call, as MIR-inlined code has.
pub struct InlinedLocs<'d> {
    debug: &'d mut ModuleDebug,
    /// (callee's scope, call location) → the copy's scope.
    scopes: FxHashMap<(u32, u32), u32>,
    locs: FxHashMap<(u32, u32), u32>,
}

impl<'d> InlinedLocs<'d> {
    pub fn new(debug: &'d mut ModuleDebug) -> Self {
        InlinedLocs { debug, scopes: Default::default(), locs: Default::default() }
    }

    pub fn loc(
        &mut self,
        callee: FuncId,
        loc: ir::SourceLoc,
        call: ir::SourceLoc,
    ) -> ir::SourceLoc {
        let (Some(&(file, line, column, scope)), false) =
            (self.debug.locs.get(loc.bits() as usize), call.is_default())
        else {
            return ir::SourceLoc::default();
        };
        if let Some(&l) = self.locs.get(&(loc.bits(), call.bits())) {
            return ir::SourceLoc::new(l);
        }
        let Some(scope) = self.scope(callee, scope, call.bits()) else {
            return ir::SourceLoc::default();
        };
        self.debug.locs.push((file, line, column, scope));
        let l = self.debug.locs.len() as u32 - 1;
        self.locs.insert((loc.bits(), call.bits()), l);
        ir::SourceLoc::new(l)
    }

    /// The copy of the callee's `scope` (0: its outermost) under the call at `call`.
    fn scope(&mut self, callee: FuncId, scope: u32, call: u32) -> Option<u32> {
        if let Some(&s) = self.scopes.get(&(scope, call)) {
            return Some(s);
        }
        let frame = if scope == 0 {
            let (_, _, _, parent) = *self.debug.locs.get(call as usize)?;
            let info = std::sync::Arc::new(self.debug.fns.get(&callee)?.clone());
            Frame { parent, inlined: Some((info, call)) }
        } else {
            let f = &self.debug.frames[scope as usize - 1];
            let (parent, inlined) = (f.parent, f.inlined.clone());
            Frame { parent: self.scope(callee, parent, call)?, inlined }
        };
        self.debug.frames.push(frame);
        let s = self.debug.frames.len() as u32;
        self.scopes.insert((scope, call), s);
        Some(s)
    }
}

impl<'tcx> DebugState<'tcx> {
    /// The (file, line, column) of a position, 1-based, as LLVM's backend computes it.
    fn position(&mut self, tcx: TyCtxt<'_>, pos: BytePos) -> (u32, u32, u32) {
        if let Some((bytes, index, line)) = &self.last_line
            && bytes.contains(&pos)
        {
            return (*index, *line, (pos - bytes.start).0 + 1);
        }
        let index = match &self.last_file {
            Some((sf, index)) if sf.contains(pos) => *index,
            _ => {
                let sf = tcx.sess.source_map().lookup_source_file(pos);
                let files = &mut self.files;
                let index = *self
                    .file_index
                    .entry(sf.start_pos)
                    .or_insert_with(|| files.insert_full(source::file_entry(&sf)).0 as u32);
                self.last_file = Some((sf, index));
                index
            }
        };
        let sf = &self.last_file.as_ref().unwrap().0;
        match source::line_of(sf, pos) {
            Some((line, bytes)) => {
                let col = (pos - bytes.start).0 + 1;
                self.last_line = Some((bytes, index, line));
                (index, line, col)
            }
            None => (index, 0, 0),
        }
    }

    fn loc(&mut self, tcx: TyCtxt<'_>, span: Span, frame: u32) -> u32 {
        let (file, line, col) = self.position(tcx, span.lo());
        self.locs.insert_full((file, line, col, frame)).0 as u32
    }

    /// The scope of `callee` inlined at `call_loc` within `parent`.
    fn inlined(
        &mut self,
        tcx: TyCtxt<'tcx>,
        parent: u32,
        callee: Instance<'tcx>,
        call_loc: u32,
    ) -> u32 {
        if let Some(&id) = self.frame_ids.get(&(callee, call_loc)) {
            return id;
        }
        let info = match self.callees.get(&callee) {
            Some(info) => info.clone(),
            None => {
                let info = std::sync::Arc::new(fn_debug(tcx, self, callee, false));
                self.callees.insert(callee, info.clone());
                info
            }
        };
        self.frames.push(Frame { parent, inlined: Some((info, call_loc)) });
        let id = self.frames.len() as u32;
        self.frame_ids.insert((callee, call_loc), id);
        id
    }

    /// A new lexical block within `parent`.
    fn block(&mut self, parent: u32) -> u32 {
        self.frames.push(Frame { parent, inlined: None });
        self.frames.len() as u32
    }
}

impl<'tcx> CodegenCx<'tcx> {
    /// The data object of `.debug_gdb_scripts` with `contents`.
    fn gdb_scripts_data(&self, contents: &[u8]) -> cranelift_module::DataId {
        use cranelift_module::{DataDescription, Linkage, Module};
        let mut module = self.module.borrow_mut();
        let id = module
            .declare_data("__rustc_debug_gdb_scripts_section__", Linkage::Hidden, false, false)
            .unwrap_or_else(|e| self.tcx.dcx().fatal(format!("cannot declare data: {e}")));
        let mut desc = DataDescription::new();
        desc.define(contents.into());
        desc.set_align(1);
        desc.set_custom_section(".debug_gdb_scripts");
        // Defined once per module; a second `main` in the CGU (none exist) would reuse it.
        let _ = module.define_data(id, &desc);
        id
    }

    /// The CGU's debug info for the object writer, or `None` without debug info.
    pub fn take_module_debug(&self, cgu_name: &str) -> Option<ModuleDebug> {
        let state = self.debug.as_ref()?.take();
        let tcx = self.tcx;
        let (name, comp_dir) = source::unit_name_and_dir(tcx, cgu_name);
        Some(ModuleDebug {
            version: tcx.sess.dwarf_version() as u16,
            line_tables_only: tcx.sess.opts.debuginfo
                == rustc_session::config::DebugInfo::LineTablesOnly,
            producer: format!("rustc version {} (Cranelift backend)", tcx.sess.cfg_version),
            name,
            comp_dir,
            files: state.files.into_iter().collect(),
            locs: state.locs.into_iter().collect(),
            frames: state.frames,
            fns: state.fns,
            types: state.types.entries,
            type_parents: state.types.parents,
            vars: state.vars,
            var_locs: state.var_locs,
        })
    }
}

/// The names and declaration of a function: a function of the CGU (`defined`) or one
/// inlined into them, whose abstract entry has no declaration, and no symbol name with
/// line tables only (as LLVM's backend writes them; both would be queries, the span
/// often one of another crate).
fn fn_debug<'tcx>(
    tcx: TyCtxt<'tcx>,
    state: &mut DebugState<'tcx>,
    instance: Instance<'tcx>,
    defined: bool,
) -> FnDebug {
    let def_id = instance.def_id();
    let decl = if defined {
        let (file, line, _) = state.position(tcx, tcx.def_span(def_id).lo());
        (line != 0).then_some((file, line))
    } else {
        None
    };
    let linkage =
        defined || tcx.sess.opts.debuginfo != rustc_session::config::DebugInfo::LineTablesOnly;
    let linkage_name =
        if linkage { tcx.symbol_name(instance).name.to_string() } else { String::new() };
    let (name, scope) = source::fn_name_and_scope(tcx, instance);
    let namespace = state
        .namespaces
        .entry(scope)
        .or_insert_with(|| source::namespace(tcx, scope).into())
        .clone();
    let main = defined && tcx.entry_fn(()).is_some_and(|(id, _)| id == def_id);
    FnDebug { name, linkage_name, namespace, main, decl }
}

impl<'tcx> DebugInfoCodegenMethods<'tcx> for CodegenCx<'tcx> {
    fn create_vtable_debuginfo(
        &self,
        _ty: Ty<'tcx>,
        _trait_ref: Option<ExistentialTraitRef<'tcx>>,
        _vtable: Value,
    ) {
    }

    fn create_function_debug_context(
        &self,
        instance: Instance<'tcx>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        llfn: FuncId,
        mir: &mir::Body<'tcx>,
    ) -> Option<FunctionDebugContext<'tcx, u32, u32>> {
        let mut state = self.debug.as_ref()?.borrow_mut();
        let tcx = self.tcx;
        let state = &mut *state;
        let info = fn_debug(tcx, state, instance, true);
        state.fns.insert(llfn, info);
        // A scope is its function's frame, or the frame of the function MIR inlined there
        // (parents come first). Lexical blocks are not described: line tables and
        // backtraces need only the frames.
        // As LLVM's backend: a lexical block only where variables are declared.
        let mut has_vars = rustc_index::bit_set::DenseBitSet::new_empty(mir.source_scopes.len());
        if tcx.sess.opts.debuginfo == rustc_session::config::DebugInfo::Full {
            for var in &mir.var_debug_info {
                has_vars.insert(var.source_info.scope);
            }
        }
        let mut scopes: IndexVec<mir::SourceScope, DebugScope<u32, u32>> = IndexVec::new();
        for (index, data) in mir.source_scopes.iter_enumerated() {
            let parent = data.parent_scope.map(|p| scopes[p]);
            let scope = match (data.inlined, parent) {
                (Some((callee, call_span)), Some(parent)) => {
                    let callee = tcx.instantiate_and_normalize_erasing_regions(
                        instance.args,
                        ty::TypingEnv::fully_monomorphized(),
                        ty::EarlyBinder::bind(callee),
                    );
                    let call_span = hygiene::walk_chain_collapsed(call_span, mir.span);
                    let call_loc = state.loc(tcx, call_span, parent.dbg_scope);
                    let dbg_scope = state.inlined(tcx, parent.dbg_scope, callee, call_loc);
                    DebugScope { dbg_scope, inlined_at: Some(call_loc), ..parent }
                }
                (_, Some(parent)) if has_vars.contains(index) => {
                    DebugScope { dbg_scope: state.block(parent.dbg_scope), ..parent }
                }
                (_, Some(parent)) => parent,
                (_, None) => DebugScope {
                    dbg_scope: 0,
                    inlined_at: None,
                    // Covering every file keeps cg_ssa from asking to extend the scope.
                    file_start_pos: BytePos(0),
                    file_end_pos: BytePos(u32::MAX),
                },
            };
            scopes.push(scope);
        }
        Some(FunctionDebugContext { scopes, inlined_function_scopes: Default::default() })
    }

    fn dbg_scope_fn(
        &self,
        _instance: Instance<'tcx>,
        _fn_abi: &FnAbi<'tcx, Ty<'tcx>>,
        _llfn: Option<FuncId>,
    ) -> u32 {
        0
    }

    fn dbg_loc(&self, scope: u32, _inlined_at: Option<u32>, span: Span) -> u32 {
        let debug = self.debug.as_ref().expect("a debug location without debug info");
        debug.borrow_mut().loc(self.tcx, span, scope)
    }

    fn extend_scope_to_file(&self, scope_metadata: u32, _file: &SourceFile) -> u32 {
        scope_metadata
    }

    fn debuginfo_finalize(&self) {}

    fn create_dbg_var(
        &self,
        variable_name: Symbol,
        variable_type: Ty<'tcx>,
        scope_metadata: u32,
        variable_kind: VariableKind,
        span: Span,
    ) -> u32 {
        let mut state = self.debug.as_ref().expect("a variable without debug info").borrow_mut();
        let state = &mut *state;
        let ty = state.types.of(self, variable_type);
        let (file, line, _) = state.position(self.tcx, span.lo());
        let arg = match variable_kind {
            VariableKind::ArgumentVariable(i) => Some(i as u32),
            VariableKind::LocalVariable => None,
        };
        let var = VariableDecl {
            name: variable_name.to_string(),
            ty,
            arg,
            decl: (line != 0).then_some((file, line)),
        };
        state.vars.push(VarDecl { var, scope: scope_metadata });
        state.vars.len() as u32 - 1
    }
}

impl<'a, 'tcx> DebugInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn dbg_var_addr(
        &mut self,
        dbg_var: u32,
        _dbg_loc: u32,
        variable_alloca: Value,
        direct_offset: Size,
        indirect_offsets: &[Size],
        fragment: &Option<Range<Size>>,
    ) {
        // Stack slots only (all variables at opt-level 0), whole variables only.
        let crate::value::ValueKind::Local(crate::value::LocalData::StackAddr { slot, .. }) =
            self.cx.value_kind(variable_alloca)
        else {
            return;
        };
        if fragment.is_some() {
            return;
        }
        let mut state = self.cx.debug.as_ref().expect("a variable without debug info").borrow_mut();
        let indirect = indirect_offsets.iter().map(|o| o.bytes()).collect();
        state.var_locs.entry(self.bb.func).or_default().push((
            dbg_var,
            slot,
            direct_offset.bytes(),
            indirect,
        ));
    }

    fn dbg_var_value(
        &mut self,
        _dbg_var: u32,
        _dbg_loc: u32,
        _value: Value,
        _direct_offset: Size,
        _indirect_offsets: &[Size],
        _fragment: &Option<Range<Size>>,
    ) {
    }

    fn set_dbg_loc(&mut self, dbg_loc: u32) {
        self.loc = ir::SourceLoc::new(dbg_loc);
    }

    fn clear_dbg_loc(&mut self) {
        self.loc = ir::SourceLoc::default();
    }

    /// The `.debug_gdb_scripts` section that makes gdb load the Rust pretty printers (and
    /// the crate graph's `#[debugger_visualizer]`s), referenced from `main` so the
    /// linker keeps it, as LLVM's backend writes it.
    fn insert_reference_to_gdb_debug_scripts_section_global(&mut self) {
        let Some(contents) = source::gdb_scripts(self.cx.tcx) else { return };
        let data = self.cx.gdb_scripts_data(&contents);
        let ptr = self.cx.const_value(crate::value::ConstData::SymAddr {
            sym: crate::value::Sym::Data(data),
            offset: 0,
            ty: crate::types::Type::PTR,
        });
        rustc_codegen_ssa::traits::BuilderMethods::volatile_load(self, crate::types::Type::I8, ptr);
    }

    fn set_var_name(&mut self, _value: Value, _name: &str) {}
}

impl<'a, 'tcx> CoverageInfoBuilderMethods<'tcx> for Builder<'a, 'tcx> {
    fn add_coverage(&mut self, _instance: Instance<'tcx>, _kind: &CoverageKind) {}
}
