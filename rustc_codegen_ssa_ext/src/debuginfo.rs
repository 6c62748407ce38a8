//! DWARF for one compilation unit on top of `gimli::write`: the compile unit, a subprogram
//! per function and the line program, with symbol addresses and cross-section offsets
//! turned into relocations that the backend maps onto its object writer. The backend
//! supplies each function's symbol, size and line rows (code offset to file, line, column).

pub mod source;
pub mod types;

use gimli::write::{
    Address, AttributeValue, DwarfUnit, EndianVec, Expression, FileId, LineProgram, LineString,
    Range, RangeList, Result, Sections, UnitEntryId, Writer,
};
use gimli::{Encoding, Format, LineEncoding, RunTimeEndian, SectionId};

/// What a relocation in a debug section points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelocTarget {
    /// A backend symbol index, as given in `Address::Symbol`.
    Symbol(usize),
    /// The start of another debug section of this object (`DW_FORM_sec_offset`, `strp`).
    Section(SectionId),
}

/// An absolute relocation: the field holds `target + addend`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DebugReloc {
    pub offset: u32,
    pub size: u8,
    pub target: RelocTarget,
    pub addend: i64,
}

/// A `Writer` that records symbol addresses and section offsets as [`DebugReloc`]s
/// (leaving zeros in the data), as a relocatable object needs them.
#[derive(Clone, Debug)]
pub struct DebugWriter {
    data: EndianVec<RunTimeEndian>,
    relocs: Vec<DebugReloc>,
}

impl DebugWriter {
    pub fn new(endian: RunTimeEndian) -> Self {
        DebugWriter { data: EndianVec::new(endian), relocs: Vec::new() }
    }

    fn reloc_at(&mut self, offset: usize, target: RelocTarget, addend: i64, size: u8) {
        self.relocs.push(DebugReloc { offset: offset as u32, size, target, addend });
    }
}

impl Writer for DebugWriter {
    type Endian = RunTimeEndian;

    fn endian(&self) -> RunTimeEndian {
        self.data.endian()
    }

    fn len(&self) -> usize {
        self.data.len()
    }

    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.data.write(bytes)
    }

    fn write_at(&mut self, offset: usize, bytes: &[u8]) -> Result<()> {
        self.data.write_at(offset, bytes)
    }

    fn write_address(&mut self, address: Address, size: u8) -> Result<()> {
        match address {
            Address::Constant(value) => self.data.write_udata(value, size),
            Address::Symbol { symbol, addend } => {
                self.reloc_at(self.len(), RelocTarget::Symbol(symbol), addend, size);
                self.data.write_udata(0, size)
            }
        }
    }

    fn write_offset(&mut self, val: usize, section: SectionId, size: u8) -> Result<()> {
        self.reloc_at(self.len(), RelocTarget::Section(section), val as i64, size);
        self.data.write_udata(0, size)
    }

    fn write_offset_at(
        &mut self,
        offset: usize,
        val: usize,
        section: SectionId,
        size: u8,
    ) -> Result<()> {
        self.reloc_at(offset, RelocTarget::Section(section), val as i64, size);
        self.data.write_udata_at(offset, 0, size)
    }
}

/// A finished debug section of the unit.
#[derive(Debug)]
pub struct DebugSection {
    pub id: SectionId,
    pub data: Vec<u8>,
    pub relocs: Vec<DebugReloc>,
}

/// One row of a function's line table: from code offset `offset` on, the code is for
/// `line`:`column` of file `file` (an index into the unit's file list; line 0 is "no
/// source line", as for compiler-generated code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRow {
    pub offset: u64,
    pub file: u32,
    pub line: u32,
    pub column: u32,
}

/// A scope of a function: a function inlined into it (MIR inlining), which debuggers and
/// backtraces show as a frame of its own (`DW_TAG_inlined_subroutine`), or a lexical
/// block (`DW_TAG_lexical_block`), which limits where its variables are visible.
pub struct Scope<'a> {
    /// The scope it is in: an earlier entry of the same list, or the function.
    pub parent: Option<usize>,
    pub inlined: Option<InlinedFn<'a>>,
    /// Its code: (start, end) offsets in the function, sorted.
    pub ranges: Vec<(u64, u64)>,
    pub vars: Vec<Variable>,
}

/// The function of an inlined scope.
pub struct InlinedFn<'a> {
    pub name: &'a str,
    pub linkage_name: &'a str,
    pub namespace: &'a [String],
    /// Where it was called: (file index, line, column).
    pub call: (u32, u32, u32),
}

/// A variable as declared: name (empty for an unnamed argument), type, argument index
/// and (file, line).
#[derive(Clone, Debug)]
pub struct VariableDecl {
    pub name: String,
    /// An index of the unit's type table.
    pub ty: u32,
    /// A function argument's index (`DW_TAG_formal_parameter`), else a local.
    pub arg: Option<u32>,
    pub decl: Option<(u32, u32)>,
}

/// Where a variable lives: at `frame_offset` from the frame pointer (the function's
/// `DW_AT_frame_base`), then `direct` bytes on; each of `indirect` loads a pointer from
/// there and adds its offset.
#[derive(Clone, Debug)]
pub struct Variable {
    pub var: VariableDecl,
    pub frame_offset: i64,
    pub direct: u64,
    pub indirect: Vec<u64>,
}

/// A function to describe.
pub struct Function<'a> {
    /// The backend symbol of its first instruction.
    pub symbol: usize,
    pub size: u64,
    /// The source-level name (`DW_AT_name`) and the symbol name (`DW_AT_linkage_name`).
    pub name: &'a str,
    pub linkage_name: &'a str,
    /// The enclosing namespaces, outermost first (the crate, its modules, ...).
    pub namespace: &'a [String],
    /// The program's entry function (`DW_AT_main_subprogram`: debuggers stop backtraces
    /// there).
    pub main: bool,
    /// Where it is declared: (file index, line).
    pub decl: Option<(u32, u32)>,
    /// Sorted by offset.
    pub rows: &'a [LineRow],
    pub scopes: &'a [Scope<'a>],
    /// Variables of the function's outermost scope.
    pub vars: &'a [Variable],
    /// The DWARF register number of the frame pointer, which variable offsets are from.
    pub frame_register: u16,
}

/// The compile unit under construction.
pub struct Unit {
    dwarf: DwarfUnit,
    files: Vec<FileId>,
    namespaces: rustc_data_structures::fx::FxHashMap<Vec<String>, UnitEntryId>,
    /// The abstract `DW_TAG_subprogram` of each inlined function, by linkage name (by
    /// name with line tables only).
    abstract_fns: rustc_data_structures::fx::FxHashMap<String, UnitEntryId>,
    /// `-Cdebuginfo=line-tables-only`: only what line tables and backtraces need.
    pub line_tables_only: bool,
    /// The entry of each type of the table given to [`Unit::add_types`].
    types: Vec<UnitEntryId>,
    ranges: Vec<Range>,
    endian: RunTimeEndian,
}

impl Unit {
    /// `files` are (directory, name) pairs; an empty directory is the compilation
    /// directory `comp_dir`.
    pub fn new(
        version: u16,
        address_size: u8,
        endian: RunTimeEndian,
        producer: &str,
        name: &str,
        comp_dir: &str,
        files: &[(String, String)],
    ) -> Self {
        let encoding = Encoding { format: Format::Dwarf32, version, address_size };
        let mut dwarf = DwarfUnit::new(encoding);
        let line_str = |s: &str, dwarf: &mut DwarfUnit| {
            LineString::new(s.as_bytes(), encoding, &mut dwarf.line_strings)
        };
        let working_dir = line_str(comp_dir, &mut dwarf);
        let source_file = line_str(name, &mut dwarf);
        let mut program = LineProgram::new(
            encoding,
            LineEncoding::default(),
            working_dir,
            None,
            source_file,
            None,
        );
        let mut ids = Vec::with_capacity(files.len());
        for (dir, file) in files {
            let dir_id = if dir.is_empty() || dir == comp_dir {
                program.default_directory()
            } else {
                let d = line_str(dir, &mut dwarf);
                program.add_directory(d)
            };
            let f = line_str(file, &mut dwarf);
            ids.push(program.add_file(f, dir_id, None));
        }
        dwarf.unit.line_program = program;
        let root = dwarf.unit.root();
        let producer = dwarf.strings.add(producer);
        let unit_name = dwarf.strings.add(name);
        let comp_dir_str = dwarf.strings.add(comp_dir);
        let die = dwarf.unit.get_mut(root);
        die.set(gimli::DW_AT_producer, AttributeValue::StringRef(producer));
        die.set(gimli::DW_AT_language, AttributeValue::Language(gimli::DW_LANG_Rust));
        die.set(gimli::DW_AT_name, AttributeValue::StringRef(unit_name));
        die.set(gimli::DW_AT_comp_dir, AttributeValue::StringRef(comp_dir_str));
        die.set(gimli::DW_AT_low_pc, AttributeValue::Address(Address::Constant(0)));
        Unit {
            dwarf,
            files: ids,
            namespaces: Default::default(),
            abstract_fns: Default::default(),
            line_tables_only: false,
            types: Vec::new(),
            ranges: Vec::new(),
            endian,
        }
    }

    fn file(&self, index: u32) -> FileId {
        self.files[index as usize]
    }

    /// Adds a function's subprogram and its line-table sequence.
    pub fn add_function(&mut self, f: &Function<'_>) {
        let begin = Address::Symbol { symbol: f.symbol, addend: 0 };
        self.ranges.push(Range::StartLength { begin, length: f.size });
        self.add_sequence(f);
        // With line tables only, as LLVM's backend: a subprogram (with just its name and
        // code) only where inlined frames need one to hang from.
        if self.line_tables_only && !f.scopes.iter().any(|s| s.inlined.is_some()) {
            return;
        }
        let minimal = self.line_tables_only;
        let parent = if minimal { self.dwarf.unit.root() } else { self.namespace(f.namespace) };
        let sub = self.dwarf.unit.add(parent, gimli::DW_TAG_subprogram);
        let name = self.dwarf.strings.add(f.name);
        let linkage = (!minimal).then(|| self.dwarf.strings.add(f.linkage_name));
        let decl = f.decl.filter(|_| !minimal).map(|(file, line)| (self.file(file), line));
        let die = self.dwarf.unit.get_mut(sub);
        die.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        if let Some(linkage) = linkage {
            die.set(gimli::DW_AT_linkage_name, AttributeValue::StringRef(linkage));
        }
        die.set(gimli::DW_AT_low_pc, AttributeValue::Address(begin));
        die.set(gimli::DW_AT_high_pc, AttributeValue::Udata(f.size));
        if let Some((file, line)) = decl {
            die.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file)));
            die.set(gimli::DW_AT_decl_line, AttributeValue::Udata(line.into()));
        }
        if f.main && !minimal {
            die.set(gimli::DW_AT_main_subprogram, AttributeValue::Flag(true));
        }
        if !f.vars.is_empty() || f.scopes.iter().any(|s| !s.vars.is_empty()) {
            let mut base = Expression::new();
            base.op_reg(gimli::Register(f.frame_register));
            self.dwarf
                .unit
                .get_mut(sub)
                .set(gimli::DW_AT_frame_base, AttributeValue::Exprloc(base));
        }
        for v in f.vars {
            self.add_variable(sub, v);
        }
        let mut frames: Vec<UnitEntryId> = Vec::with_capacity(f.scopes.len());
        for scope in f.scopes {
            let parent = scope.parent.map_or(sub, |p| frames[p]);
            let tag = if scope.inlined.is_some() {
                gimli::DW_TAG_inlined_subroutine
            } else {
                gimli::DW_TAG_lexical_block
            };
            let origin = scope.inlined.as_ref().map(|inl| self.abstract_fn(inl));
            let id = self.dwarf.unit.add(parent, tag);
            let at = |offset: u64| Address::Symbol { symbol: f.symbol, addend: offset as i64 };
            // One range is a start and a length, as LLVM writes it: no range list to
            // build, and no relocation for the end.
            let ranges = match scope.ranges[..] {
                [(begin, end)] => Err((at(begin), end - begin)),
                _ => {
                    let list = scope
                        .ranges
                        .iter()
                        .map(|&(a, b)| Range::StartEnd { begin: at(a), end: at(b) });
                    Ok(self.dwarf.unit.ranges.add(RangeList(list.collect())))
                }
            };
            let call =
                scope.inlined.as_ref().map(|inl| (self.file(inl.call.0), inl.call.1, inl.call.2));
            let die = self.dwarf.unit.get_mut(id);
            match ranges {
                Ok(list) => die.set(gimli::DW_AT_ranges, AttributeValue::RangeListRef(list)),
                Err((low, len)) => {
                    die.set(gimli::DW_AT_low_pc, AttributeValue::Address(low));
                    die.set(gimli::DW_AT_high_pc, AttributeValue::Udata(len));
                }
            }
            if let (Some(origin), Some((file, line, column))) = (origin, call) {
                die.set(gimli::DW_AT_abstract_origin, AttributeValue::UnitRef(origin));
                die.set(gimli::DW_AT_call_file, AttributeValue::FileIndex(Some(file)));
                die.set(gimli::DW_AT_call_line, AttributeValue::Udata(line.into()));
                die.set(gimli::DW_AT_call_column, AttributeValue::Udata(column.into()));
            }
            for v in &scope.vars {
                self.add_variable(id, v);
            }
            frames.push(id);
        }
    }

    fn add_variable(&mut self, parent: UnitEntryId, located: &Variable) {
        let v = &located.var;
        let Some(&ty) = self.types.get(v.ty as usize) else { return };
        let tag =
            if v.arg.is_some() { gimli::DW_TAG_formal_parameter } else { gimli::DW_TAG_variable };
        let id = self.dwarf.unit.add(parent, tag);
        let mut loc = Expression::new();
        loc.op_fbreg(located.frame_offset + located.direct as i64);
        for &off in &located.indirect {
            loc.op_deref();
            if off != 0 {
                loc.op_plus_uconst(off);
            }
        }
        // An unnamed argument (`_` or a shim's) has no name at all, as with LLVM.
        let name = (!v.name.is_empty()).then(|| self.dwarf.strings.add(v.name.as_str()));
        let decl = v.decl.map(|(file, line)| (self.file(file), line));
        let die = self.dwarf.unit.get_mut(id);
        if let Some(name) = name {
            die.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        }
        die.set(gimli::DW_AT_type, AttributeValue::UnitRef(ty));
        die.set(gimli::DW_AT_location, AttributeValue::Exprloc(loc));
        if let Some((file, line)) = decl {
            die.set(gimli::DW_AT_decl_file, AttributeValue::FileIndex(Some(file)));
            die.set(gimli::DW_AT_decl_line, AttributeValue::Udata(line.into()));
        }
    }

    /// Adds the type table (once, before the functions whose variables use it), each entry
    /// under its parent (`parents[i]`; an empty slice puts all in the unit).
    pub fn add_types(&mut self, entries: &[types::TypeEntry], parents: &[types::TypeParent]) {
        use types::TypeEntry as T;
        let root = self.dwarf.unit.root();
        // Entries first, then attributes: types refer to later ones. A variant's parent,
        // its enum, comes before it.
        self.types = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            let parent = match parents.get(i) {
                Some(types::TypeParent::Namespace(path)) => self.namespace(path),
                Some(types::TypeParent::Type(t)) if (*t as usize) < i => self.types[*t as usize],
                _ => root,
            };
            let id = {
                let tag = match e {
                    T::Base { .. } => gimli::DW_TAG_base_type,
                    T::Pointer { .. } => gimli::DW_TAG_pointer_type,
                    T::Struct { .. } | T::Enum { .. } => gimli::DW_TAG_structure_type,
                    T::Union { .. } => gimli::DW_TAG_union_type,
                    T::Array { .. } => gimli::DW_TAG_array_type,
                    T::Subroutine { .. } => gimli::DW_TAG_subroutine_type,
                    T::Enumeration { .. } => gimli::DW_TAG_enumeration_type,
                };
                self.dwarf.unit.add(parent, tag)
            };
            self.types.push(id);
        }
        let usize_ty =
            entries.iter().position(|e| matches!(e, T::Base { name, .. } if name == "usize"));
        for (i, e) in entries.iter().enumerate() {
            let id = self.types[i];
            let name = match e {
                T::Base { name, .. }
                | T::Pointer { name, .. }
                | T::Struct { name, .. }
                | T::Union { name, .. }
                | T::Array { name, .. }
                | T::Enumeration { name, .. }
                | T::Enum { name, .. } => name.as_str(),
                T::Subroutine { .. } => "",
            };
            if !name.is_empty() {
                let name = self.dwarf.strings.add(name);
                self.dwarf.unit.get_mut(id).set(gimli::DW_AT_name, AttributeValue::StringRef(name));
            }
            match e {
                T::Base { encoding, size, .. } => {
                    let die = self.dwarf.unit.get_mut(id);
                    die.set(gimli::DW_AT_encoding, AttributeValue::Encoding(*encoding));
                    die.set(gimli::DW_AT_byte_size, AttributeValue::Udata(*size));
                }
                T::Pointer { pointee, size, .. } => {
                    if let Some(p) = pointee {
                        self.set_type(id, *p);
                    }
                    let die = self.dwarf.unit.get_mut(id);
                    die.set(gimli::DW_AT_byte_size, AttributeValue::Udata(*size));
                }
                T::Struct { size, align, members, params, .. }
                | T::Union { size, align, members, params, .. } => {
                    self.set_size_align(id, *size, *align);
                    for m in members {
                        self.add_member(id, Some(&m.name), m.ty, m.offset);
                    }
                    for (pname, t) in params {
                        let pid = self.dwarf.unit.add(id, gimli::DW_TAG_template_type_parameter);
                        let n = self.dwarf.strings.add(pname.as_str());
                        self.dwarf
                            .unit
                            .get_mut(pid)
                            .set(gimli::DW_AT_name, AttributeValue::StringRef(n));
                        self.set_type(pid, *t);
                    }
                }
                T::Array { elem, count, .. } => {
                    self.set_type(id, *elem);
                    let sub = self.dwarf.unit.add(id, gimli::DW_TAG_subrange_type);
                    if let Some(u) = usize_ty {
                        self.set_type(sub, u as u32);
                    }
                    let die = self.dwarf.unit.get_mut(sub);
                    die.set(gimli::DW_AT_lower_bound, AttributeValue::Udata(0));
                    die.set(gimli::DW_AT_count, AttributeValue::Udata(*count));
                }
                T::Subroutine { ret, params } => {
                    if let Some(r) = ret {
                        self.set_type(id, *r);
                    }
                    for p in params {
                        let pid = self.dwarf.unit.add(id, gimli::DW_TAG_formal_parameter);
                        self.set_type(pid, *p);
                    }
                }
                T::Enumeration { base, signed, size, align, values, .. } => {
                    self.set_type(id, *base);
                    self.set_size_align(id, *size, *align);
                    let die = self.dwarf.unit.get_mut(id);
                    die.set(gimli::DW_AT_enum_class, AttributeValue::Flag(true));
                    for (vname, bits) in values {
                        let eid = self.dwarf.unit.add(id, gimli::DW_TAG_enumerator);
                        let n = self.dwarf.strings.add(vname.as_str());
                        // The value's bits are the discriminant type's (`-1i8` is 0xff).
                        let value = if *signed {
                            let shift = 128 - 8 * (*size).clamp(1, 16) as u32;
                            AttributeValue::Sdata((((*bits as i128) << shift) >> shift) as i64)
                        } else {
                            AttributeValue::Udata(*bits as u64)
                        };
                        let die = self.dwarf.unit.get_mut(eid);
                        die.set(gimli::DW_AT_name, AttributeValue::StringRef(n));
                        die.set(gimli::DW_AT_const_value, value);
                    }
                }
                T::Enum { size, align, tag, variants, .. } => {
                    self.set_size_align(id, *size, *align);
                    let part = self.dwarf.unit.add(id, gimli::DW_TAG_variant_part);
                    if let Some(tag) = tag {
                        let m = self.add_member(part, None, tag.ty, tag.offset);
                        let die = self.dwarf.unit.get_mut(m);
                        die.set(gimli::DW_AT_artificial, AttributeValue::Flag(true));
                        self.dwarf
                            .unit
                            .get_mut(part)
                            .set(gimli::DW_AT_discr, AttributeValue::UnitRef(m));
                    }
                    for v in variants {
                        let vid = self.dwarf.unit.add(part, gimli::DW_TAG_variant);
                        if let (Some(bits), Some(tag)) = (v.discr, tag) {
                            self.dwarf
                                .unit
                                .get_mut(vid)
                                .set(gimli::DW_AT_discr_value, discr_value(bits, tag.size));
                        }
                        self.add_member(vid, Some(&v.name), v.ty, 0);
                    }
                }
            }
        }
    }

    fn set_type(&mut self, die: UnitEntryId, ty: u32) {
        let t = self.types[ty as usize];
        self.dwarf.unit.get_mut(die).set(gimli::DW_AT_type, AttributeValue::UnitRef(t));
    }

    fn set_size_align(&mut self, die: UnitEntryId, size: u64, align: u64) {
        let die = self.dwarf.unit.get_mut(die);
        die.set(gimli::DW_AT_byte_size, AttributeValue::Udata(size));
        die.set(gimli::DW_AT_alignment, AttributeValue::Udata(align));
    }

    fn add_member(
        &mut self,
        parent: UnitEntryId,
        name: Option<&str>,
        ty: u32,
        offset: u64,
    ) -> UnitEntryId {
        let id = self.dwarf.unit.add(parent, gimli::DW_TAG_member);
        if let Some(name) = name {
            let n = self.dwarf.strings.add(name);
            self.dwarf.unit.get_mut(id).set(gimli::DW_AT_name, AttributeValue::StringRef(n));
        }
        self.set_type(id, ty);
        let die = self.dwarf.unit.get_mut(id);
        die.set(gimli::DW_AT_data_member_location, AttributeValue::Udata(offset));
        id
    }

    /// The function's line-table sequence.
    fn add_sequence(&mut self, f: &Function<'_>) {
        let begin = Address::Symbol { symbol: f.symbol, addend: 0 };
        let program = &mut self.dwarf.unit.line_program;
        program.begin_sequence(Some(begin));
        let mut last = None;
        // The body starts at the first row after the declaration's (the prologue's):
        // gdb and lldb put a function's breakpoint there, which they would otherwise
        // guess from where the line first changes, wrongly for one-line closures.
        let mut prologue = f.decl.is_some();
        for r in f.rows.iter().filter(|r| r.offset < f.size) {
            let key = (r.file, r.line, r.column);
            if last == Some(key) {
                continue;
            }
            let prologue_end = prologue && r.offset > 0;
            prologue &= !prologue_end;
            // A statement starts where the line changes, not at each column of it (as
            // LLVM marks them): debuggers' `next` stops at statements.
            let new_line = last.is_none_or(|(file, line, _)| (file, line) != (r.file, r.line));
            last = Some(key);
            let file = self.files[r.file as usize];
            let row = program.row();
            row.is_statement = new_line || prologue_end;
            row.prologue_end = prologue_end;
            row.address_offset = r.offset;
            row.file = file;
            row.line = r.line.into();
            row.column = r.column.into();
            program.generate_row();
        }
        program.end_sequence(f.size);
    }

    /// The abstract subprogram an inlined frame points at (`DW_AT_inline`).
    /// With line tables only, as LLVM's backend writes them, it has just a name (no
    /// namespace or linkage name): backtraces then print `index<u64, usize>`.
    fn abstract_fn(&mut self, inl: &InlinedFn<'_>) -> UnitEntryId {
        // With line tables only, one name is one entry (the backend need not compute
        // symbol names of inlined functions then).
        let key = if self.line_tables_only { inl.name } else { inl.linkage_name };
        if let Some(&id) = self.abstract_fns.get(key) {
            return id;
        }
        let parent = if self.line_tables_only {
            self.dwarf.unit.root()
        } else {
            self.namespace(inl.namespace)
        };
        let id = self.dwarf.unit.add(parent, gimli::DW_TAG_subprogram);
        let name = self.dwarf.strings.add(inl.name);
        let linkage = (!self.line_tables_only).then(|| self.dwarf.strings.add(inl.linkage_name));
        let die = self.dwarf.unit.get_mut(id);
        die.set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        if let Some(linkage) = linkage {
            die.set(gimli::DW_AT_linkage_name, AttributeValue::StringRef(linkage));
        }
        die.set(gimli::DW_AT_inline, AttributeValue::Inline(gimli::DW_INL_inlined));
        self.abstract_fns.insert(key.to_string(), id);
        id
    }

    /// The `DW_TAG_namespace` entry of `path` (the unit itself for an empty path).
    fn namespace(&mut self, path: &[String]) -> UnitEntryId {
        let Some((last, outer)) = path.split_last() else { return self.dwarf.unit.root() };
        if let Some(&id) = self.namespaces.get(path) {
            return id;
        }
        let parent = self.namespace(outer);
        let id = self.dwarf.unit.add(parent, gimli::DW_TAG_namespace);
        let name = self.dwarf.strings.add(last.as_str());
        self.dwarf.unit.get_mut(id).set(gimli::DW_AT_name, AttributeValue::StringRef(name));
        self.namespaces.insert(path.to_vec(), id);
        id
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Writes the sections that have data.
    pub fn finish(mut self) -> Result<Vec<DebugSection>> {
        let ranges = self.dwarf.unit.ranges.add(RangeList(std::mem::take(&mut self.ranges)));
        let root = self.dwarf.unit.root();
        self.dwarf
            .unit
            .get_mut(root)
            .set(gimli::DW_AT_ranges, AttributeValue::RangeListRef(ranges));
        let mut sections = Sections::new(DebugWriter::new(self.endian));
        self.dwarf.write(&mut sections)?;
        let mut out = Vec::new();
        let endian = self.endian;
        sections.for_each_mut(|id, w| -> Result<()> {
            if w.len() > 0 {
                let data = std::mem::replace(&mut w.data, EndianVec::new(endian)).into_vec();
                out.push(DebugSection { id, data, relocs: std::mem::take(&mut w.relocs) });
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// A variant's `DW_AT_discr_value`, as LLVM writes it: the tag's bits in the smallest data
/// form that holds them, or a block of the tag's bytes for a 128-bit tag.
fn discr_value(bits: u128, tag_size: u64) -> AttributeValue {
    if tag_size == 16 {
        return AttributeValue::Block(bits.to_le_bytes().to_vec());
    }
    match bits {
        b if b <= u8::MAX as u128 => AttributeValue::Data1(b as u8),
        b if b <= u16::MAX as u128 => AttributeValue::Data2(b as u16),
        b if b <= u32::MAX as u128 => AttributeValue::Data4(b as u32),
        b => AttributeValue::Data8(b as u64),
    }
}

#[cfg(test)]
mod tests {
    use gimli::read;

    use super::*;

    /// Two functions at made-up addresses: the line program read back (with the
    /// relocations applied) has their rows, and the subprograms their ranges.
    #[test]
    fn rows_and_relocations_read_back() {
        let files =
            vec![(String::new(), "src/main.rs".to_string()), ("/lib".into(), "core.rs".into())];
        let mut u =
            Unit::new(4, 8, RunTimeEndian::Little, "test", "src/main.rs@cgu", "/work", &files);
        let rows_a = [
            LineRow { offset: 0, file: 0, line: 3, column: 1 },
            LineRow { offset: 4, file: 0, line: 4, column: 5 },
            LineRow { offset: 8, file: 0, line: 4, column: 5 },
            LineRow { offset: 12, file: 1, line: 100, column: 9 },
        ];
        let ns = ["krate".to_string(), "module".to_string()];
        u.add_function(&Function {
            symbol: 0,
            size: 20,
            name: "a",
            linkage_name: "_ZN1a",
            namespace: &ns,
            main: false,
            decl: Some((0, 3)),
            rows: &rows_a,
            vars: &[],
            frame_register: 6,
            scopes: &[
                Scope {
                    parent: None,
                    inlined: Some(InlinedFn {
                        name: "c",
                        linkage_name: "_ZN1c",
                        namespace: &ns[..1],
                        call: (0, 4, 5),
                    }),
                    ranges: vec![(12, 20)],
                    vars: Vec::new(),
                },
                Scope {
                    parent: None,
                    inlined: None,
                    ranges: vec![(4, 8), (16, 20)],
                    vars: Vec::new(),
                },
            ],
        });
        let rows_b = [LineRow { offset: 0, file: 0, line: 10, column: 1 }];
        u.add_function(&Function {
            symbol: 1,
            size: 8,
            name: "b",
            linkage_name: "_ZN1b",
            namespace: &ns[..1],
            main: true,
            decl: None,
            rows: &rows_b,
            vars: &[],
            frame_register: 6,
            scopes: &[],
        });
        let sections = u.finish().unwrap();
        let addr = |s: usize| [0x1000u64, 0x2000][s];
        // Apply the relocations as a linker would (sections all start at 0 here).
        let applied = |id: SectionId| -> Vec<u8> {
            let s =
                sections.iter().find(|s| s.id == id).map(|s| (s.data.clone(), s.relocs.clone()));
            let Some((mut data, relocs)) = s else { return Vec::new() };
            for r in relocs {
                let v = match r.target {
                    RelocTarget::Symbol(s) => addr(s) as i64 + r.addend,
                    RelocTarget::Section(_) => r.addend,
                } as u64;
                let o = r.offset as usize;
                data[o..o + r.size as usize].copy_from_slice(&v.to_le_bytes()[..r.size as usize]);
            }
            data
        };
        let owned =
            read::DwarfSections::load(|id| -> std::result::Result<Vec<u8>, ()> { Ok(applied(id)) })
                .unwrap();
        let dwarf = owned.borrow(|s| read::EndianSlice::new(s, gimli::LittleEndian));
        let mut units = dwarf.units();
        let header = units.next().unwrap().unwrap();
        let unit = dwarf.unit(header).unwrap();
        let program = unit.line_program.clone().unwrap();
        let mut rows = program.rows();
        let (mut got, mut ends, mut prologue_ends) = (Vec::new(), Vec::new(), Vec::new());
        while let Some((_, row)) = rows.next_row().unwrap() {
            if row.end_sequence() {
                ends.push(row.address());
            } else {
                got.push((row.address(), row.line().map_or(0, |l| l.get()), row.column()));
                prologue_ends.extend(row.prologue_end().then(|| row.address()));
            }
        }
        use read::ColumnType::Column;
        let col = |c: u64| Column(std::num::NonZeroU64::new(c).unwrap());
        // The repeated row at offset 8 is not written.
        assert_eq!(
            got,
            [(0x1000, 3, col(1)), (0x1004, 4, col(5)), (0x100c, 100, col(9)), (0x2000, 10, col(1))]
        );
        assert_eq!(ends, [0x1014, 0x2008]);
        // The body of `a` (declared) starts after its first row; `b` has no declaration.
        assert_eq!(prologue_ends, [0x1004]);
        let mut entries = unit.entries();
        let (mut subs, mut namespaces, mut inlined) = (Vec::new(), 0, 0);
        while let Some(e) = entries.next_dfs().unwrap() {
            namespaces += (e.tag() == gimli::DW_TAG_namespace) as usize;
            if e.tag() == gimli::DW_TAG_inlined_subroutine || e.tag() == gimli::DW_TAG_lexical_block
            {
                inlined += (e.tag() == gimli::DW_TAG_inlined_subroutine) as usize;
                let mut ranges = dwarf.die_ranges(&unit, e).unwrap();
                let mut got = Vec::new();
                while let Some(r) = ranges.next().unwrap() {
                    got.push((r.begin, r.end));
                }
                // One range as a start and length, two as a range list.
                let one = e.tag() == gimli::DW_TAG_inlined_subroutine;
                assert_eq!(e.attr(gimli::DW_AT_ranges).is_none(), one);
                let want: &[_] =
                    if one { &[(0x100c, 0x1014)] } else { &[(0x1004, 0x1008), (0x1010, 0x1014)] };
                assert_eq!(got, want);
                continue;
            }
            if e.tag() == gimli::DW_TAG_subprogram && e.attr(gimli::DW_AT_inline).is_some() {
                continue;
            }
            if e.tag() == gimli::DW_TAG_subprogram {
                let low = match e.attr_value(gimli::DW_AT_low_pc) {
                    Some(read::AttributeValue::Addr(a)) => a,
                    other => panic!("{other:?}"),
                };
                subs.push(low);
            }
        }
        assert_eq!(subs, [0x1000, 0x2000]);
        // `krate` and `krate::module`, each once.
        assert_eq!((namespaces, inlined), (2, 1));
    }

    /// An enum's variant part reads back as gdb decodes it: the discriminant is the
    /// artificial tag member, each variant has the tag's value (none for the untagged
    /// one), and 128-bit tags' values are blocks of their bytes; a fieldless enum's
    /// negative values are signed.
    #[test]
    fn enums_read_back() {
        use types::{Member, Tag, TypeEntry as T, Variant};
        let mut u = Unit::new(4, 8, RunTimeEndian::Little, "t", "t@cgu", "/w", &[]);
        let base = |name: &str, encoding, size| T::Base { name: name.into(), encoding, size };
        let variant = |name: &str, members| T::Struct {
            name: format!("E::{name}"),
            size: 32,
            align: 16,
            members,
            params: Vec::new(),
        };
        u.add_types(
            &[
                base("u128", gimli::DW_ATE_unsigned, 16),
                base("i8", gimli::DW_ATE_signed, 1),
                variant("P", vec![Member { name: "__0".into(), ty: 0, offset: 16 }]),
                variant("Q", Vec::new()),
                T::Enum {
                    name: "E".into(),
                    size: 32,
                    align: 16,
                    tag: Some(Tag { ty: 0, offset: 0, size: 16 }),
                    variants: vec![
                        Variant { name: "P".into(), ty: 2, discr: None },
                        Variant { name: "Q".into(), ty: 3, discr: Some(1) },
                    ],
                },
                T::Enumeration {
                    name: "S".into(),
                    base: 1,
                    signed: true,
                    size: 1,
                    align: 1,
                    values: vec![("Minus".into(), 0xfe), ("Plus".into(), 5)],
                },
            ],
            &[],
        );
        let sections = u.finish().unwrap();
        let section = |id: SectionId| -> Vec<u8> {
            sections.iter().find(|s| s.id == id).map_or(Vec::new(), |s| s.data.clone())
        };
        let owned =
            read::DwarfSections::load(|id| -> std::result::Result<Vec<u8>, ()> { Ok(section(id)) })
                .unwrap();
        let dwarf = owned.borrow(|s| read::EndianSlice::new(s, gimli::LittleEndian));
        let header = dwarf.units().next().unwrap().unwrap();
        let unit = dwarf.unit(header).unwrap();
        let mut entries = unit.entries();
        let (mut discr, mut tag_member, mut values, mut enumerators) =
            (None, None, Vec::new(), Vec::new());
        while let Some(e) = entries.next_dfs().unwrap() {
            match e.tag() {
                gimli::DW_TAG_variant_part => discr = e.attr_value(gimli::DW_AT_discr),
                gimli::DW_TAG_member if e.attr(gimli::DW_AT_artificial).is_some() => {
                    tag_member = Some(e.offset())
                }
                gimli::DW_TAG_variant => values.push(e.attr_value(gimli::DW_AT_discr_value)),
                gimli::DW_TAG_enumerator => {
                    enumerators.push(e.attr_value(gimli::DW_AT_const_value))
                }
                _ => {}
            }
        }
        assert_eq!(discr, tag_member.map(read::AttributeValue::UnitRef));
        let one = 1u128.to_le_bytes();
        assert_eq!(
            values,
            [
                None,
                Some(read::AttributeValue::Block(read::EndianSlice::new(
                    &one,
                    gimli::LittleEndian
                )))
            ]
        );
        assert_eq!(
            enumerators,
            [Some(read::AttributeValue::Sdata(-2)), Some(read::AttributeValue::Sdata(5))]
        );
    }
}
