#!/usr/bin/env python3
"""macOS objects, checked without a Mac.

Cross-compiles the differential test programs (tests/run-pass/*.rs and
tests/macos/programs/*.rs) for aarch64-apple-darwin and x86_64-apple-darwin to
object files, once with plain rustc (LLVM) and once with our backend, and
checks our object:

* it is a Mach-O relocatable object of the target's CPU type that the
  toolchain's llvm-readobj and llvm-objdump read without complaint;
* sections have Mach-O names (segment,section; no ELF names such as
  `.eh_frame`) and the type their name asks for (`__mod_init_func` is
  S_MOD_INIT_FUNC_POINTERS, `__cstring` S_CSTRING_LITERALS, ...);
* symbols: external ones carry the leading underscore, undefined ones are
  external, no ELF-only symbols (`DW.ref.*`, `__tls_get_addr`, ...);
* relocations have types valid for the architecture (ARM64_RELOC_* /
  X86_64_RELOC_*) with valid length/pc-relative bits and pairing
  (SUBTRACTOR + UNSIGNED, ADDEND + PAGE21/PAGEOFF12/BRANCH26), in bounds;
* `__TEXT,__eh_frame` parses (llvm-objdump --dwarf=frames, and here) and
  every function has unwind information (an FDE, or a compact-unwind entry);
* the shape matches LLVM's object for the same input: every global symbol LLVM
  defines is defined by us, every data section LLVM has exists (or an
  equivalent one does), constructor sections hold as many pointers to the same
  functions;
* with rust-lld (ld64.lld) and a stub libSystem, both objects link into an
  executable (`-undefined dynamic_lookup`, so nothing can run) and our
  executable has the same typed sections as LLVM's.

Compact unwind, code size, exact contents and the sets of undefined symbols
are reported as information, not failures. See README.md, "macOS (objects
only)".
"""

import argparse
import concurrent.futures
import fnmatch
import hashlib
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "pylib"))
import clif_project  # noqa: E402
DEFAULT_TARGETS = ["aarch64-apple-darwin", "x86_64-apple-darwin"]
DEFAULT_DIRS = [ROOT / "tests" / "run-pass", ROOT / "tests" / "macos" / "programs"]
WORK = ROOT / "target" / "macos-objects"
EXPECTED_FAILURES = ROOT / "tests" / "macos" / "expected-failures.txt"
# LLVM's objects are cached with the result of checking them; bump this when the checks
# change, and the cached objects are checked again.
CHECKS_VERSION = 4


TIMEOUT = "error: timeout"
ASM_MERGE_ERROR = "cannot assemble the inline assembly"


class CheckError(Exception):
    pass


# ---------------------------------------------------------------------------
# Mach-O

MH_MAGIC_64 = 0xFEEDFACF
MH_OBJECT, MH_EXECUTE = 1, 2
CPU_TYPE = {"aarch64": 0x0100000C, "x86_64": 0x01000007}
LC_SEGMENT_64, LC_SYMTAB, LC_DYSYMTAB = 0x19, 0x2, 0xB
LC_VERSION_MIN_MACOSX, LC_BUILD_VERSION = 0x24, 0x32
N_STAB, N_PEXT, N_TYPE, N_EXT = 0xE0, 0x10, 0x0E, 0x01
N_UNDF, N_ABS, N_SECT = 0x0, 0x2, 0xE

SECTION_TYPES = {
    0x0: "S_REGULAR", 0x1: "S_ZEROFILL", 0x2: "S_CSTRING_LITERALS", 0x3: "S_4BYTE_LITERALS",
    0x4: "S_8BYTE_LITERALS", 0x5: "S_LITERAL_POINTERS", 0x6: "S_NON_LAZY_SYMBOL_POINTERS",
    0x7: "S_LAZY_SYMBOL_POINTERS", 0x8: "S_SYMBOL_STUBS", 0x9: "S_MOD_INIT_FUNC_POINTERS",
    0xA: "S_MOD_TERM_FUNC_POINTERS", 0xB: "S_COALESCED", 0xC: "S_GB_ZEROFILL",
    0xD: "S_INTERPOSING", 0xE: "S_16BYTE_LITERALS", 0xF: "S_DTRACE_DOF",
    0x10: "S_LAZY_DYLIB_SYMBOL_POINTERS", 0x11: "S_THREAD_LOCAL_REGULAR",
    0x12: "S_THREAD_LOCAL_ZEROFILL", 0x13: "S_THREAD_LOCAL_VARIABLES",
    0x14: "S_THREAD_LOCAL_VARIABLE_POINTERS", 0x15: "S_THREAD_LOCAL_INIT_FUNCTION_POINTERS",
    0x16: "S_INIT_FUNC_OFFSETS",
}
S_ATTR_PURE_INSTRUCTIONS = 0x80000000
S_ATTR_NO_TOC = 0x40000000
S_ATTR_STRIP_STATIC_SYMS = 0x20000000
S_ATTR_LIVE_SUPPORT = 0x08000000
S_ATTR_DEBUG = 0x02000000
S_ATTR_SOME_INSTRUCTIONS = 0x00000400

# (segment, section) -> required section type; the type a name implies (LLVM creates these
# sections with this type whatever the source says).
NAMED_TYPES = {
    ("__TEXT", "__cstring"): 0x2,
    ("__TEXT", "__literal4"): 0x3,
    ("__TEXT", "__literal8"): 0x4,
    ("__TEXT", "__literal16"): 0xE,
    ("__DATA", "__mod_init_func"): 0x9,
    ("__DATA", "__mod_term_func"): 0xA,
    ("__DATA", "__bss"): 0x1,
    ("__DATA", "__common"): 0x1,
    ("__DATA", "__thread_data"): 0x11,
    ("__DATA", "__thread_bss"): 0x12,
    ("__DATA", "__thread_vars"): 0x13,
    ("__TEXT", "__eh_frame"): 0xB,
}

# Relocation types: name, and the allowed (pcrel, length) pairs (length: 2 = 4 bytes, 3 = 8).
X86_64_RELOCS = {
    0: ("X86_64_RELOC_UNSIGNED", {(0, 2), (0, 3)}),
    1: ("X86_64_RELOC_SIGNED", {(1, 2)}),
    2: ("X86_64_RELOC_BRANCH", {(1, 2)}),
    3: ("X86_64_RELOC_GOT_LOAD", {(1, 2)}),
    4: ("X86_64_RELOC_GOT", {(1, 2)}),
    5: ("X86_64_RELOC_SUBTRACTOR", {(0, 2), (0, 3)}),
    6: ("X86_64_RELOC_SIGNED_1", {(1, 2)}),
    7: ("X86_64_RELOC_SIGNED_2", {(1, 2)}),
    8: ("X86_64_RELOC_SIGNED_4", {(1, 2)}),
    9: ("X86_64_RELOC_TLV", {(1, 2)}),
}
ARM64_RELOCS = {
    0: ("ARM64_RELOC_UNSIGNED", {(0, 2), (0, 3)}),
    1: ("ARM64_RELOC_SUBTRACTOR", {(0, 2), (0, 3)}),
    2: ("ARM64_RELOC_BRANCH26", {(1, 2)}),
    3: ("ARM64_RELOC_PAGE21", {(1, 2)}),
    4: ("ARM64_RELOC_PAGEOFF12", {(0, 2)}),
    5: ("ARM64_RELOC_GOT_LOAD_PAGE21", {(1, 2)}),
    6: ("ARM64_RELOC_GOT_LOAD_PAGEOFF12", {(0, 2)}),
    7: ("ARM64_RELOC_POINTER_TO_GOT", {(1, 2), (0, 3)}),
    8: ("ARM64_RELOC_TLVP_LOAD_PAGE21", {(1, 2)}),
    9: ("ARM64_RELOC_TLVP_LOAD_PAGEOFF12", {(0, 2)}),
    10: ("ARM64_RELOC_ADDEND", {(0, 2)}),
    11: ("ARM64_RELOC_AUTHENTICATED_POINTER", {(0, 3)}),
}
RELOCS = {"aarch64": ARM64_RELOCS, "x86_64": X86_64_RELOCS}

# Symbols no Mach-O object should mention: ELF linker or glibc-only names.
ELF_ONLY_SYMBOLS = re.compile(
    r"DW\.ref\.|^_?__tls_get_addr$|GLOBAL_OFFSET_TABLE|^_?__errno_location$|"
    r"^_?__cxa_thread_atexit_impl$|^_?__libc_|^_?_dl_|@@?GLIBC"
)


class Section:
    def __init__(self, index, seg, name, addr, size, offset, align, reloff, nreloc, flags):
        self.index, self.seg, self.name = index, seg, name
        self.addr, self.size, self.offset, self.align = addr, size, offset, align
        self.reloff, self.nreloc, self.flags = reloff, nreloc, flags
        self.type = flags & 0xFF
        self.relocs = []
        self.data = b""

    @property
    def key(self):
        return (self.seg, self.name)

    def label(self):
        return f"{self.seg},{self.name}"

    def type_name(self):
        return SECTION_TYPES.get(self.type, f"type {self.type:#x}")


class Reloc:
    def __init__(self, raw_addr, raw_info):
        self.scattered = bool(raw_addr & 0x80000000)
        self.address = raw_addr
        self.symbolnum = raw_info & 0xFFFFFF
        self.pcrel = (raw_info >> 24) & 1
        self.length = (raw_info >> 25) & 3
        self.extern = (raw_info >> 27) & 1
        self.type = (raw_info >> 28) & 0xF


class Symbol:
    def __init__(self, index, name, n_type, n_sect, n_desc, value):
        self.index, self.name = index, name
        self.n_type, self.n_sect, self.n_desc, self.value = n_type, n_sect, n_desc, value

    @property
    def stab(self):
        return bool(self.n_type & N_STAB)

    @property
    def kind(self):
        return self.n_type & N_TYPE

    @property
    def external(self):
        return bool(self.n_type & N_EXT)

    @property
    def private_extern(self):
        return bool(self.n_type & N_PEXT)

    @property
    def defined(self):
        return not self.stab and self.kind in (N_SECT, N_ABS)

    @property
    def undefined(self):
        return not self.stab and self.kind == N_UNDF


class MachO:
    """A parsed 64-bit little-endian Mach-O file (objects and executables)."""

    def __init__(self, data, symbols=True):
        self.data = data
        self._by_address = None
        if len(data) < 32:
            raise CheckError("not a Mach-O file: shorter than a header")
        magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds, flags, _ = struct.unpack_from(
            "<IiiIIIII", data, 0
        )
        if magic != MH_MAGIC_64:
            what = "an ELF file" if data[:4] == b"\x7fELF" else f"magic {magic:#x}"
            raise CheckError(f"not a 64-bit Mach-O file ({what})")
        self.cputype, self.cpusubtype, self.filetype, self.flags = cputype, cpusubtype, filetype, flags
        self.sections = []
        self.symbols = []
        self.commands = []
        self.segments = []
        self.platform = None  # (command, platform, minos)
        off = 32
        end = 32 + sizeofcmds
        if end > len(data):
            raise CheckError("load commands extend past the end of the file")
        symtab = None
        for _ in range(ncmds):
            if off + 8 > end:
                raise CheckError("truncated load command")
            cmd, cmdsize = struct.unpack_from("<II", data, off)
            if cmdsize < 8 or off + cmdsize > end or cmdsize % 8:
                raise CheckError(f"load command {cmd:#x} has a bad size {cmdsize}")
            self.commands.append(cmd)
            if cmd == LC_SEGMENT_64:
                segname = _cstr(data[off + 8 : off + 24])
                (nsects,) = struct.unpack_from("<I", data, off + 64)
                self.segments.append(segname)
                if 72 + 80 * nsects > cmdsize:
                    raise CheckError(f"segment {segname!r} claims more sections than fit")
                for i in range(nsects):
                    s = off + 72 + 80 * i
                    sect = _cstr(data[s : s + 16])
                    seg = _cstr(data[s + 16 : s + 32])
                    addr, size, offset, align, reloff, nreloc, sflags = struct.unpack_from(
                        "<QQIIIII", data, s + 32
                    )
                    sec = Section(len(self.sections) + 1, seg, sect, addr, size, offset, align,
                                  reloff, nreloc, sflags)
                    if sec.type not in (0x1, 0xC, 0x12) and size:
                        if offset + size > len(data):
                            raise CheckError(f"section {sec.label()} extends past the end of the file")
                        sec.data = data[offset : offset + size]
                    if nreloc:
                        if reloff + 8 * nreloc > len(data):
                            raise CheckError(f"relocations of {sec.label()} extend past the end of the file")
                        for r in range(nreloc):
                            a, info = struct.unpack_from("<II", data, reloff + 8 * r)
                            sec.relocs.append(Reloc(a, info))
                    self.sections.append(sec)
            elif cmd == LC_SYMTAB:
                symtab = struct.unpack_from("<IIII", data, off + 8)
            elif cmd == LC_BUILD_VERSION:
                platform, minos = struct.unpack_from("<II", data, off + 8)
                self.platform = ("LC_BUILD_VERSION", platform, _version(minos))
            elif cmd == LC_VERSION_MIN_MACOSX:
                (version,) = struct.unpack_from("<I", data, off + 8)
                self.platform = ("LC_VERSION_MIN_MACOSX", 1, _version(version))
            off += cmdsize
        if symtab and symbols:
            symoff, nsyms, stroff, strsize = symtab
            if symoff + 16 * nsyms > len(data) or stroff + strsize > len(data):
                raise CheckError("symbol or string table extends past the end of the file")
            strtab = data[stroff : stroff + strsize]
            for i in range(nsyms):
                n_strx, n_type, n_sect, n_desc, n_value = struct.unpack_from("<IBBHQ", data, symoff + 16 * i)
                if n_strx >= max(strsize, 1):
                    raise CheckError(f"symbol {i} has a name outside the string table")
                name = _cstr(strtab[n_strx:])
                self.symbols.append(Symbol(i, name, n_type, n_sect, n_desc, n_value))

    def section(self, seg, name):
        return next((s for s in self.sections if s.key == (seg, name)), None)

    def sections_named(self, seg, name):
        return [s for s in self.sections if s.key == (seg, name)]

    def symbol_at(self, sect_index, value):
        """The symbol defined at section-index/address, if any (a non-temporary one first)."""
        if self._by_address is None:
            self._by_address = {}
            for s in self.symbols:
                if not s.stab and s.kind == N_SECT:
                    best = self._by_address.get((s.n_sect, s.value))
                    if best is None or (best.name.startswith(("ltmp", "L", "l")) and s.name.startswith("_")):
                        self._by_address[(s.n_sect, s.value)] = s
        return self._by_address.get((sect_index, value))

    def section_of_address(self, addr):
        for s in self.sections:
            if s.addr <= addr < s.addr + max(s.size, 1):
                return s
        return None


def _cstr(b):
    return b.split(b"\0", 1)[0].decode("latin-1")


def _version(v):
    return f"{v >> 16}.{(v >> 8) & 0xFF}"


def _uleb(data, off):
    result = shift = 0
    while True:
        if off >= len(data):
            raise CheckError("truncated LEB128 in __eh_frame")
        b = data[off]
        off += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return result, off


def _sleb(data, off):
    result = shift = 0
    while True:
        if off >= len(data):
            raise CheckError("truncated LEB128 in __eh_frame")
        b = data[off]
        off += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            if b & 0x40:
                result -= 1 << shift
            return result, off


def pointer_size(encoding):
    fmt = encoding & 0x0F
    return {0x0: 8, 0x2: 2, 0x3: 4, 0x4: 8, 0xA: 2, 0xB: 4, 0xC: 8}.get(fmt)


def parse_eh_frame(sec):
    """CIEs and FDEs of __eh_frame: [(offset, 'CIE'|'FDE', fde_encoding_or_None, pc_field_offset)]."""
    data = sec.data
    records = []
    cies = {}
    off = 0
    while off < len(data):
        if off + 4 > len(data):
            raise CheckError(f"truncated record at {off:#x} in __eh_frame")
        (length,) = struct.unpack_from("<I", data, off)
        if length == 0:  # terminator
            off += 4
            continue
        if length == 0xFFFFFFFF:
            raise CheckError("64-bit DWARF record in __eh_frame")
        start = off + 4
        end = start + length
        if end > len(data) or length < 4:
            raise CheckError(f"record at {off:#x} runs past the end of __eh_frame")
        (cie_ptr,) = struct.unpack_from("<I", data, start)
        if cie_ptr == 0:
            p = start + 4
            version = data[p]
            p += 1
            aug_end = data.index(b"\0", p)
            aug = data[p:aug_end].decode("latin-1")
            p = aug_end + 1
            _, p = _uleb(data, p)  # code alignment
            _, p = _sleb(data, p)  # data alignment
            if version == 1:
                p += 1
            else:
                _, p = _uleb(data, p)
            fde_enc = 0x0
            if aug.startswith("z"):
                _, p = _uleb(data, p)
                for c in aug[1:]:
                    if c == "R":
                        fde_enc = data[p]
                        p += 1
                    elif c == "L":
                        p += 1
                    elif c == "P":
                        enc = data[p]
                        size = pointer_size(enc)
                        if size is None:
                            raise CheckError(f"CIE at {off:#x}: personality encoding {enc:#x}")
                        p += 1 + size
                    elif c in "SB":
                        pass
                    else:
                        raise CheckError(f"CIE at {off:#x}: unknown augmentation {aug!r}")
            elif aug:
                raise CheckError(f"CIE at {off:#x}: augmentation {aug!r} without 'z'")
            cies[off] = fde_enc
            records.append((off, "CIE", None, None))
        else:
            cie_off = start - cie_ptr
            if cie_off not in cies:
                raise CheckError(f"FDE at {off:#x} points to no CIE ({cie_off:#x})")
            records.append((off, "FDE", cies[cie_off], start + 4))
        off = end
    return records


# ---------------------------------------------------------------------------
# checks of one object


def relocation_problems(obj, arch):
    """Invalid relocations (type, length, pairing, bounds), and the per-section relocations as
    [(section, offset, type_name, symbol_or_None, paired_subtrahend_or_None)]."""
    table = RELOCS[arch]
    problems = []
    resolved = []
    nsyms, nsects = len(obj.symbols), len(obj.sections)
    for sec in obj.sections:
        relocs = sec.relocs
        i = 0
        while i < len(relocs):
            r = relocs[i]
            where = f"{sec.label()}+{r.address & 0xFFFFFF:#x}"
            if r.scattered:
                problems.append(f"scattered relocation at {where} (not used on {arch})")
                i += 1
                continue
            entry = table.get(r.type)
            if entry is None:
                problems.append(f"relocation type {r.type} at {where} is not valid for {arch}")
                i += 1
                continue
            name, shapes = entry
            if (r.pcrel, r.length) not in shapes:
                problems.append(f"{name} at {where} with pcrel={r.pcrel} length={r.length}")
            if r.address + (1 << r.length) > max(sec.size, 0):
                problems.append(f"{name} at {where} is outside the section (size {sec.size:#x})")
            if r.extern:
                if r.symbolnum >= nsyms:
                    problems.append(f"{name} at {where} refers to symbol {r.symbolnum} of {nsyms}")
            elif name.endswith("_ADDEND"):
                pass
            elif not 1 <= r.symbolnum <= nsects:
                problems.append(f"{name} at {where} refers to section {r.symbolnum} of {nsects}")
            sym = obj.symbols[r.symbolnum] if r.extern and r.symbolnum < nsyms else None
            if name.endswith("_SUBTRACTOR"):
                nxt = relocs[i + 1] if i + 1 < len(relocs) else None
                unsigned = 0
                if nxt is None or nxt.type != unsigned or nxt.address != r.address or nxt.length != r.length:
                    problems.append(f"{name} at {where} is not followed by a matching *_UNSIGNED")
                    i += 1
                    continue
                if not r.extern:
                    problems.append(f"{name} at {where} is not extern")
                target = obj.symbols[nxt.symbolnum] if nxt.extern and nxt.symbolnum < nsyms else None
                resolved.append((sec, r.address, table[nxt.type][0], target, sym))
                i += 2
                continue
            if name == "ARM64_RELOC_ADDEND":
                nxt = relocs[i + 1] if i + 1 < len(relocs) else None
                if nxt is None or nxt.address != r.address or nxt.type not in (2, 3, 4):
                    problems.append(f"{name} at {where} is not followed by BRANCH26/PAGE21/PAGEOFF12")
                i += 1
                continue
            resolved.append((sec, r.address, name, sym, None))
            i += 1
    return problems, resolved


def unwind_coverage(obj, arch, resolved):
    """(functions, covered by FDE, covered by compact unwind, FDE count, problems)."""
    problems = []
    code = {s.index for s in obj.sections if s.flags & (S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS)}
    functions = {
        (s.n_sect, s.value): s.name
        for s in obj.symbols
        if s.defined and s.kind == N_SECT and s.n_sect in code and not s.name.startswith(("ltmp", "L", "l", "."))
    }
    by_fde, by_cu = set(), set()
    fdes = 0
    eh = obj.section("__TEXT", "__eh_frame")
    if eh is not None:
        if eh.type != 0xB:
            problems.append(f"__TEXT,__eh_frame has {eh.type_name()}, not S_COALESCED")
        relocs_at = {}
        for sec, off, name, sym, sub in resolved:
            if sec is eh:
                relocs_at[off] = sym
        try:
            records = parse_eh_frame(eh)
        except (CheckError, IndexError, ValueError, struct.error) as e:
            problems.append(f"__eh_frame does not parse: {e}")
            records = []
        for off, kind, enc, pc_field in records:
            if kind != "FDE":
                continue
            fdes += 1
            if pc_field in relocs_at:
                sym = relocs_at[pc_field]
                if sym is not None and sym.kind == N_SECT:
                    by_fde.add((sym.n_sect, sym.value))
                continue
            size = pointer_size(enc)
            if size is None or pc_field + size > len(eh.data):
                problems.append(f"FDE at {off:#x}: pointer encoding {enc:#x}")
                continue
            fmt = {2: "<h", 4: "<i", 8: "<q"}[size]
            (value,) = struct.unpack_from(fmt, eh.data, pc_field)
            if enc & 0x70 == 0x10:
                value += eh.addr + pc_field
            elif enc & 0x70:
                problems.append(f"FDE at {off:#x}: pointer application {enc & 0x70:#x}")
                continue
            target = obj.section_of_address(value)
            sym = obj.symbol_at(target.index, value) if target else None
            if sym is None:
                problems.append(f"FDE at {off:#x} starts at {value:#x}, where no symbol is")
            else:
                by_fde.add((sym.n_sect, sym.value))
    cu = obj.section("__LD", "__compact_unwind")
    if cu is not None:
        dwarf_mode = 0x03000000 if arch == "aarch64" else 0x04000000
        starts = {off: sym for sec, off, name, sym, sub in resolved if sec is cu}
        entry_size = 32
        for e in range(0, len(cu.data) // entry_size):
            off = e * entry_size
            (start, length, encoding) = struct.unpack_from("<QII", cu.data, off)
            if encoding & 0x0F000000 == dwarf_mode:
                continue
            sym = starts.get(off)
            if sym is None:  # a section-relative start
                rel = next((r for r in cu.relocs if r.address == off and not r.extern), None)
                if rel is not None:
                    sym = obj.symbol_at(rel.symbolnum, start)
            if sym is not None and sym.kind == N_SECT:
                by_cu.add((sym.n_sect, sym.value))
    return functions, by_fde, by_cu, fdes, problems


def check_structure(obj, arch, expect_filetype=MH_OBJECT):
    """Problems that make an object invalid for the target; and informational notes."""
    problems, notes = [], []
    if obj.cputype != CPU_TYPE[arch]:
        problems.append(f"CPU type {obj.cputype:#x}, expected {CPU_TYPE[arch]:#x} ({arch})")
    if obj.filetype != expect_filetype:
        problems.append(f"file type {obj.filetype}, expected {expect_filetype}")
    if obj.platform is None:
        problems.append("no LC_BUILD_VERSION / LC_VERSION_MIN_MACOSX (the linker warns)")
    elif obj.platform[1] != 1:
        problems.append(f"{obj.platform[0]} platform {obj.platform[1]}, not macOS (1)")
    seen = {}
    for s in obj.sections:
        if not s.seg or not s.name or not s.seg.startswith("__") or not s.name.startswith("__"):
            problems.append(f"section {s.seg!r},{s.name!r} is not a Mach-O section name (ELF-style?)")
        want = NAMED_TYPES.get(s.key)
        if want is not None and s.type != want:
            problems.append(f"{s.label()} has {s.type_name()}, expected {SECTION_TYPES[want]}")
        if s.key == ("__TEXT", "__text") and not s.flags & S_ATTR_PURE_INSTRUCTIONS:
            problems.append("__TEXT,__text lacks S_ATTR_PURE_INSTRUCTIONS")
        if s.seg == "__DWARF" and not s.flags & S_ATTR_DEBUG:
            problems.append(f"{s.label()} lacks S_ATTR_DEBUG")
        if s.type in (0x9, 0xA) and s.size % 8:
            problems.append(f"{s.label()} ({s.type_name()}) has size {s.size}, not a multiple of 8")
        if s.type not in SECTION_TYPES:
            problems.append(f"{s.label()} has an unknown section type {s.type:#x}")
        seen.setdefault(s.key, []).append(s)
    for key, secs in seen.items():
        if len(secs) > 1:
            types = {s.type for s in secs}
            if len(types) > 1:
                problems.append(f"{len(secs)} sections {secs[0].label()} with different types "
                                f"({', '.join(sorted(s.type_name() for s in secs))})")
            else:
                notes.append(f"{len(secs)} sections named {secs[0].label()}")
    for sym in obj.symbols:
        if sym.stab:
            continue
        if ELF_ONLY_SYMBOLS.search(sym.name):
            problems.append(f"ELF-only symbol {sym.name!r}")
        if sym.kind == N_SECT and not 1 <= sym.n_sect <= len(obj.sections):
            problems.append(f"symbol {sym.name!r} in section {sym.n_sect} of {len(obj.sections)}")
        elif sym.kind == N_SECT:
            sec = obj.sections[sym.n_sect - 1]
            if not sec.addr <= sym.value <= sec.addr + sec.size:
                problems.append(f"symbol {sym.name!r} at {sym.value:#x} outside {sec.label()}")
        if sym.undefined and not sym.external:
            problems.append(f"undefined symbol {sym.name!r} is not external")
        if (sym.external or sym.undefined) and not sym.name.startswith("_"):
            # Assembly may name symbols as it likes; compare() fails those LLVM doesn't have.
            notes.append(f"external symbol {sym.name!r} without the leading underscore")
    rproblems, resolved = relocation_problems(obj, arch)
    problems += rproblems
    # DWARF addresses: LLVM writes the object-file address in place with a section-relative
    # relocation; lldb reads .o files through the debug map (split-debuginfo=unpacked, Cargo's
    # default on macOS) without applying relocations, so an extern relocation with the
    # address left out puts every function at 0.
    dwarf_extern = [
        (sec, off, sym) for sec, off, name, sym, sub in resolved
        if sec.seg == "__DWARF" and sym is not None and sym.kind == N_SECT and sub is None
    ]
    if dwarf_extern:
        sec, off, sym = dwarf_extern[0]
        problems.append(f"{len(dwarf_extern)} __DWARF address relocations against defined symbols "
                        f"(e.g. {sec.label()}+{off:#x} -> {sym.name}), not section-relative as LLVM's")
    return problems, notes, resolved


def shape(obj):
    defined_global = {s.name for s in obj.symbols if s.defined and s.external}
    exported = {s.name for s in obj.symbols if s.defined and s.external and not s.private_extern}
    undefined = {s.name for s in obj.symbols if s.undefined}
    return defined_global, exported, undefined


# Sections of LLVM's object that ours may replace by another one holding the same kind of
# data (we put string literals, 4/8/16-byte constants and read-only data in __TEXT,__const,
# zero-initialised data in __DATA,__data or __bss, relocated constants in __DATA,__const).
EQUIVALENT = {
    ("__TEXT", "__cstring"): [("__TEXT", "__const"), ("__DATA", "__const")],
    ("__TEXT", "__literal4"): [("__TEXT", "__const")],
    ("__TEXT", "__literal8"): [("__TEXT", "__const")],
    ("__TEXT", "__literal16"): [("__TEXT", "__const")],
    ("__TEXT", "__const"): [("__DATA", "__const")],
    ("__DATA", "__const"): [("__TEXT", "__const"), ("__DATA", "__data")],
    ("__DATA", "__bss"): [("__DATA", "__data"), ("__DATA", "__common")],
    ("__DATA", "__common"): [("__DATA", "__bss"), ("__DATA", "__data")],
    ("__DATA", "__data"): [("__DATA", "__bss")],
    ("__DATA", "__thread_bss"): [("__DATA", "__thread_data")],
    ("__DATA", "__thread_data"): [("__DATA", "__thread_bss")],
}
# LLVM sections whose absence in ours is only a difference: unwind tables we don't write,
# and DWARF sections our line-tables/variables don't need.
INFORMATIONAL_SECTIONS = {("__LD", "__compact_unwind"), ("__TEXT", "__gcc_except_tab")}
REQUIRED_DWARF = {"__debug_info", "__debug_abbrev", "__debug_line"}


def init_pointers(obj, resolved, sec_type):
    """Function names the S_MOD_INIT/TERM_FUNC_POINTERS sections point to, and their count."""
    names, count = [], 0
    for s in obj.sections:
        if s.type != sec_type:
            continue
        count += s.size // 8
        for sec, off, name, sym, sub in resolved:
            if sec is not s:
                continue
            if sym is not None and sub is None:
                names.append(sym.name)
                continue
            # A section-relative pointer: the address is in the data.
            addr = struct.unpack_from("<Q", s.data, off)[0] if off + 8 <= len(s.data) else 0
            target = obj.section_of_address(addr)
            t = obj.symbol_at(target.index, addr) if target else None
            names.append(t.name if t else f"<{name} to {addr:#x}>")
    return sorted(names), count


def compare(ref, ours, ref_resolved, our_resolved):
    """Shape differences that are failures, and informational ones."""
    fails, info = [], []
    ref_def, ref_exp, ref_undef = shape(ref)
    our_def, our_exp, our_undef = shape(ours)
    our_any = {s.name for s in ours.symbols if s.defined}
    missing = sorted(ref_def - our_def)
    if missing:
        local = [m for m in missing if m in our_any]
        absent = [m for m in missing if m not in our_any]
        if absent:
            fails.append(f"{len(absent)} global symbols LLVM defines are not defined: {', '.join(absent[:3])}")
        if local:
            fails.append(f"{len(local)} global symbols LLVM defines are local here: {', '.join(local[:3])}")
    hidden = sorted(ref_exp - our_exp - set(missing))
    if hidden:
        fails.append(f"{len(hidden)} symbols LLVM exports are private extern here: {', '.join(hidden[:3])}")
    extra_exp = sorted(our_exp - ref_exp)
    if extra_exp:
        info.append(f"{len(extra_exp)} exported symbols LLVM does not export (e.g. {extra_exp[0]})")
    extra_def = sorted(our_def - ref_def - set(extra_exp))
    if extra_def:
        info.append(f"{len(extra_def)} more private-extern globals")
    if our_undef - ref_undef:
        info.append(f"{len(our_undef - ref_undef)} undefined symbols LLVM does not reference")
    if ref_undef - our_undef:
        info.append(f"{len(ref_undef - our_undef)} undefined symbols of LLVM not referenced")
    ref_names = {s.name for s in ref.symbols}
    bare = sorted(s.name for s in ours.symbols if (s.external or s.undefined) and not s.stab
                  and not s.name.startswith("_") and s.name not in ref_names)
    if bare:
        fails.append(f"{len(bare)} external symbols lack the leading underscore: {', '.join(bare[:3])}")
    our_keys = {s.key for s in ours.sections}
    for s in ref.sections:
        k = s.key
        if k in our_keys or k in INFORMATIONAL_SECTIONS:
            continue
        if s.seg == "__DWARF":
            if s.name in REQUIRED_DWARF:
                fails.append(f"no {s.label()} (LLVM has it)")
            continue
        if any(e in our_keys for e in EQUIVALENT.get(k, [])):
            continue
        if k in {("__TEXT", "__eh_frame")}:
            continue  # LLVM may describe everything with compact unwind; ours is checked below
        fails.append(f"no section {s.label()} ({s.type_name()}) where LLVM has one")
    for s in ref.sections:
        if s.key in NAMED_TYPES or s.key in EQUIVALENT or s.type == 0:
            continue
        for o in ours.sections_named(*s.key):
            if o.type != s.type:
                fails.append(f"{s.label()} is {o.type_name()}, LLVM's is {s.type_name()}")
    for t, what in ((0x9, "constructors"), (0xA, "destructors")):
        ref_names, ref_n = init_pointers(ref, ref_resolved, t)
        our_names, our_n = init_pointers(ours, our_resolved, t)
        if ref_n != our_n or ref_names != our_names:
            fails.append(f"{what}: {our_n} pointers to {our_names} in {SECTION_TYPES[t]} sections, "
                         f"LLVM: {ref_n} to {ref_names}")
    if ref.platform and ours.platform and ref.platform[2] != ours.platform[2]:
        fails.append(f"minimum macOS {ours.platform[2]} ({ours.platform[0]}), LLVM: {ref.platform[2]}")
    return fails, info


# ---------------------------------------------------------------------------
# tools

class Tools:
    def __init__(self, toolchain):
        self.toolchain = toolchain
        self.env = dict(os.environ, RUSTUP_TOOLCHAIN=toolchain)
        for k in ("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTC_WRAPPER"):
            self.env.pop(k, None)
        rustc = None
        if shutil.which("rustup"):
            out = subprocess.run(["rustup", "which", "rustc", "--toolchain", toolchain],
                                 capture_output=True, text=True, env=self.env)
            if out.returncode == 0:
                rustc = out.stdout.strip()
        self.rustc = rustc or "rustc"
        self.sysroot = self._out([self.rustc, "--print", "sysroot"]).strip()
        self.version = self._out([self.rustc, "-vV"])
        host = re.search(r"^host: (\S+)", self.version, re.M).group(1)
        bindir = Path(self.sysroot) / "lib" / "rustlib" / host / "bin"
        self.readobj = bindir / "llvm-readobj"
        self.objdump = bindir / "llvm-objdump"
        self.lld = bindir / "rust-lld"
        # LLVM's assembler for Mach-O (Apple's `as` is LLVM's): checks our assembly text.
        self.clang = next((c for c in ("clang-19", "clang") if shutil.which(c)), None)
        for t in (self.readobj, self.objdump):
            if not t.exists():
                raise SystemExit(f"{t} missing: add the llvm-tools component to {toolchain}")

    def _out(self, cmd):
        return subprocess.run(cmd, capture_output=True, text=True, check=True, env=self.env).stdout

    def has_target(self, target):
        libdir = Path(self.sysroot) / "lib" / "rustlib" / target / "lib"
        return libdir.is_dir() and any(libdir.glob("libstd-*.rlib"))


def run(cmd, timeout, cwd=None, env=None):
    """(returncode or None on timeout, stdout, stderr); the process group is killed on timeout."""
    try:
        p = clif_project.run(cmd, timeout, cwd=cwd, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        out, err = (e.output or b""), (e.stderr or b"")
        return None, out.decode(errors="replace"), err.decode(errors="replace")


def link_error(stderr):
    """The linker's own first error line, rather than rustc's `linking with ... failed`."""
    for l in stderr.splitlines():
        if re.search(r"(rust-lld|ld64\.lld|ld): error", l):
            return l.strip()[:240]
    return first_error(stderr)


def first_error(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    for l in lines:
        if l.startswith("error"):
            return l.strip()[:240]
    for l in lines:
        if "error" in l.lower():
            return l.strip()[:240]
    return (lines[0].strip() if lines else "(no output)")[:240]


def tool_problems(tools, path, timeout):
    """What llvm-readobj and llvm-objdump say about an object: problems, and counts they read."""
    problems = []
    counts = {}
    rc, out, err = run([str(tools.readobj), "--file-headers", "--sections", "--symbols",
                        "--relocations", "--expand-relocs", str(path)], timeout)
    if rc != 0 or re.search(r"warning|error", err, re.I):
        problems.append(f"llvm-readobj: {first_error(err) if err.strip() else f'exit {rc}'}")
    counts["sections"] = len(re.findall(r"^  Section \{$", out, re.M))
    counts["symbols"] = len(re.findall(r"^  Symbol \{$", out, re.M))
    counts["relocs"] = len(re.findall(r"^    Relocation \{$", out, re.M))
    counts["reloc_types"] = sorted(set(re.findall(r"^      Type: (\w+) ", out, re.M)))
    rc, out, err = run([str(tools.objdump), "-d", "--no-show-raw-insn", str(path)], timeout)
    if rc != 0 or re.search(r"warning|error", err, re.I):
        problems.append(f"llvm-objdump -d: {first_error(err) if err.strip() else f'exit {rc}'}")
    counts["unknown_insns"] = out.count("<unknown>")
    rc, out, err = run([str(tools.objdump), "--dwarf=frames", str(path)], timeout)
    if rc != 0 or re.search(r"warning|error|invalid", err, re.I):
        problems.append(f"llvm-objdump --dwarf=frames: {first_error(err) if err.strip() else f'exit {rc}'}")
    counts["fdes"] = len(re.findall(r"^[0-9a-f]{8} [0-9a-f]{8,16} [0-9a-f]{8} FDE", out, re.M))
    return problems, counts


def analyse(tools, path, arch, timeout, filetype=MH_OBJECT, run_tools=True):
    """Parse and check one object: dict with obj, problems, notes, resolved and facts."""
    data = Path(path).read_bytes()
    obj = MachO(data)
    problems, notes, resolved = check_structure(obj, arch, filetype)
    if run_tools:
        tproblems, counts = tool_problems(tools, path, timeout)
    else:  # already checked (LLVM's cached object)
        tproblems, counts = ["(not run)"], {"unknown_insns": 0}
    problems += [p for p in tproblems if run_tools]
    # The tools and this parser must agree on what is in the file.
    nrel = sum(len(s.relocs) for s in obj.sections)
    if not tproblems:
        if counts["sections"] != len(obj.sections) or counts["symbols"] != len(obj.symbols):
            problems.append(f"llvm-readobj reads {counts['sections']} sections/{counts['symbols']} symbols, "
                            f"this checker {len(obj.sections)}/{len(obj.symbols)}")
        if counts["relocs"] != nrel:
            problems.append(f"llvm-readobj reads {counts['relocs']} relocations, this checker {nrel}")
        names = sorted({RELOCS[arch][r.type][0] for s in obj.sections for r in s.relocs if r.type in RELOCS[arch]})
        if counts["reloc_types"] != names:
            problems.append(f"llvm-readobj relocation types {counts['reloc_types']} != {names}")
    functions, by_fde, by_cu, fdes, uproblems = unwind_coverage(obj, arch, resolved)
    problems += uproblems
    if not run_tools:
        tproblems = []
    elif not tproblems and fdes != counts["fdes"]:
        problems.append(f"llvm-objdump --dwarf=frames reads {counts['fdes']} FDEs, this checker {fdes}")
    # Whether a function needs unwind information is decided against LLVM's (see Runner.job):
    # LLVM gives none to naked functions, nor to most functions with panic=abort.
    uncovered = {functions[a] for a in set(functions) - by_fde - by_cu}
    facts = {
        "function_names": set(functions.values()),
        "uncovered": uncovered,
        "functions": len(functions),
        "fdes": fdes,
        "compact_unwind": len(by_cu & set(functions)),
        "eh_frame": obj.section("__TEXT", "__eh_frame") is not None,
        "unknown_insns": counts["unknown_insns"],
        "text_size": sum(s.size for s in obj.sections if s.flags & S_ATTR_PURE_INSTRUCTIONS),
    }
    return {"obj": obj, "problems": problems, "notes": notes, "resolved": resolved, "facts": facts}


def check_executable(path, arch):
    obj = MachO(Path(path).read_bytes(), symbols=False)
    problems = []
    if obj.cputype != CPU_TYPE[arch] or obj.filetype != MH_EXECUTE:
        problems.append(f"linked file: CPU type {obj.cputype:#x}, file type {obj.filetype}")
    if obj.section("__TEXT", "__unwind_info") is None:
        problems.append("linked file has no __TEXT,__unwind_info")
    return obj, problems


# ---------------------------------------------------------------------------
# programs


class Program:
    def __init__(self, path):
        self.path = path
        self.name = path.stem
        self.flags = []
        self.edition = "2024"
        self.ignore = None
        self.build_fail = False
        self.aux_c = None
        self.error = None
        src = path.read_text()
        for raw in src.splitlines():
            line = raw.strip()
            if not line.startswith("//@"):
                if not line or line.startswith("//"):
                    continue
                break
            rest = line[3:].strip()
            name, _, value = rest.partition(":")
            name, value = name.strip(), value.strip()
            if name == "compile-flags":
                self.flags += value.split()
            elif name == "edition":
                self.edition = value
            elif name == "ignore-reason":
                self.ignore = value
            elif name == "build-fail":
                self.build_fail = True
            elif name == "aux-c":
                self.aux_c = value
            elif name in ("run-args", "exec-env", "check-stdout-nonempty"):
                pass  # about running the program; nothing runs here
            else:
                self.error = f"unknown directive `{name}`"
        self.source_hash = hashlib.sha256(src.encode()).hexdigest()

    def rustc_flags(self, opt):
        flags = ["--edition", self.edition, f"-Copt-level={opt}"]
        if not any("debug-assertions" in f or "debug_assertions" in f for f in self.flags):
            flags.append(f"-Cdebug-assertions={'yes' if opt == 0 else 'no'}")
        return flags + self.flags


def fake_sdk(work):
    """A stub SDK: libSystem.tbd exporting only dyld_stub_binder (the rest is dynamic_lookup)."""
    lib = work / "sdk" / "usr" / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    tbd = ("--- !tapi-tbd\ntbd-version:     4\ntargets:         [ x86_64-macos, arm64-macos ]\n"
           "install-name:    '/usr/lib/libSystem.B.dylib'\ncurrent-version: 1319\n"
           "exports:\n  - targets:         [ x86_64-macos, arm64-macos ]\n"
           "    symbols:         [ dyld_stub_binder ]\n...\n")
    for name in ("libSystem.tbd", "libc.tbd", "libm.tbd", "libpthread.tbd", "libiconv.tbd", "libresolv.tbd"):
        p = lib / name
        if not p.exists() or p.read_text() != tbd:
            p.write_text(tbd)
    return work / "sdk"


class Runner:
    def __init__(self, args, tools):
        self.args = args
        self.tools = tools
        self.backend = args.backend
        self.timeout = args.timeout
        self.link = not args.no_link and tools.lld.exists()
        self.sdk = fake_sdk(WORK) if self.link else None
        self.cache = WORK / "llvm-cache"
        self.cache.mkdir(parents=True, exist_ok=True)

    def compile(self, prog, target, opt, out_dir, backend):
        """Compile (and link) one program; returns (ok, link_ok, stderr)."""
        out_dir.mkdir(parents=True, exist_ok=True)
        obj = out_dir / "main.o"
        exe = out_dir / "main.exe"
        for f in (obj, exe):
            if f.exists():
                f.unlink()
        # --out-dir: rustc's temporary files go there, not into the shared test directory.
        base = [self.tools.rustc, prog.path.name, "--crate-type", "bin", "--target", target,
                "--out-dir", str(out_dir), *prog.rustc_flags(opt)]
        if backend:
            # -Csave-temps keeps the assembly text (`*.asm.s`) for `check_assembly`.
            base += [f"-Zcodegen-backend={backend}", "-Csave-temps"]
        env = self.tools.env
        if self.link:
            env = dict(env, SDKROOT=str(self.sdk))
            cmd = base + [f"-Clinker={self.tools.lld}", "-Clink-arg=-undefined",
                          "-Clink-arg=dynamic_lookup", f"--emit=obj={obj},link={exe}"]
            rc, _, err = run(cmd, self.timeout, cwd=prog.path.parent, env=env)
            if rc == 0:
                return True, True, err
            if rc is None:
                return False, False, TIMEOUT + f" after {self.timeout}s"
            if "linking with" not in err:
                return False, False, err
            link_err = err
        else:
            link_err = None
        rc, _, err = run(base + [f"--emit=obj={obj}"], self.timeout, cwd=prog.path.parent, env=self.tools.env)
        if rc is None:
            return False, False, TIMEOUT + f" after {self.timeout}s"
        if rc != 0:
            return False, False, err
        return True, False, link_err or err

    def reference(self, prog, target, opt):
        """LLVM's object (cached): (dir, ok, link_ok, stderr)."""
        key = hashlib.sha256(json.dumps([prog.source_hash, prog.path.name, target, opt,
                                         prog.rustc_flags(opt), self.tools.version,
                                         self.link]).encode()).hexdigest()[:24]
        d = self.cache / key
        meta = d / "meta.json"
        m = json.loads(meta.read_text()) if not self.args.no_cache and meta.exists() else None
        if m and m["ok"] and not (d / "main.o").exists():
            m = None
        if m and m.get("checks") == CHECKS_VERSION:
            return d, m["ok"], m["link_ok"], m["stderr"], m["checked"]
        if m:
            ok, link_ok, err = m["ok"], m["link_ok"], m["stderr"]
        else:
            if meta.exists():
                meta.unlink()
            ok, link_ok, err = self.compile(prog, target, opt, d, None)
            if err.startswith(TIMEOUT):  # not cached
                return d, ok, link_ok, err, None
        checked = None
        if ok:
            # The checks must accept LLVM's object; the result is cached with it.
            arch = target.split("-")[0]
            try:
                ref = analyse(self.tools, d / "main.o", arch, self.timeout)
                checked = ref["problems"][0] if ref["problems"] else ""
                if link_ok and not checked:
                    _, rp = check_executable(d / "main.exe", arch)
                    checked = f"executable: {rp[0]}" if rp else ""
            except CheckError as e:
                checked = str(e)
        d.mkdir(parents=True, exist_ok=True)
        meta.write_text(json.dumps({"ok": ok, "link_ok": link_ok, "stderr": err[-4000:],
                                    "checked": checked, "checks": CHECKS_VERSION}))
        return d, ok, link_ok, err, checked

    def job(self, prog, target, opt):
        """(status, message, info) with status in ok/failed/skipped/xfail/llvm-skip."""
        arch = target.split("-")[0]
        if prog.error:
            return "failed", prog.error, []
        if prog.ignore:
            return "skipped", f"ignore-reason: {prog.ignore}", []
        if prog.build_fail:
            return "skipped", "build-fail test (must not compile; nothing to check)", []
        ref_dir, ref_ok, ref_link, ref_err, ref_checked = self.reference(prog, target, opt)
        if ref_ok and ref_checked:
            return "failed", f"checker rejects LLVM's object: {ref_checked}", []
        if not ref_ok and ref_err.startswith(TIMEOUT):
            return "failed", f"LLVM: {ref_err}", []
        if not ref_ok:
            return "llvm-skip", f"LLVM cannot compile it for {target}: {first_error(ref_err)}", []
        out = WORK / "ours" / f"{prog.name}@{target}@O{opt}"
        for f in out.glob("*.asm.*") if out.exists() else []:
            f.unlink()
        ok, link_ok, err = self.compile(prog, target, opt, out, self.backend)
        if not ok and ASM_MERGE_ERROR in err:
            problems, summary = check_assembly(self.tools, out, arch, self.timeout)
            if problems:
                return "hard-failed", "our assembly: " + "; ".join(problems[:4]), []
            return "failed", f"{summary}; the merge needs Apple's `ld -r`: {first_error(err)}", []
        if not ok:
            return "failed", f"our backend: {first_error(err)}", []
        info = []
        fails = []
        ref = analyse(self.tools, ref_dir / "main.o", arch, self.timeout, run_tools=False)
        try:
            ours = analyse(self.tools, out / "main.o", arch, self.timeout)
        except CheckError as e:
            return "failed", str(e), []
        fails += ours["problems"]
        cfails, cinfo = compare(ref["obj"], ours["obj"], ref["resolved"], ours["resolved"])
        fails += cfails
        info += ours["notes"] + cinfo
        rf, of = ref["facts"], ours["facts"]
        # Unwind information wherever LLVM has it, and for every function LLVM doesn't have.
        need = (rf["function_names"] - rf["uncovered"]) | (of["function_names"] - rf["function_names"])
        lacking = sorted(of["uncovered"] & need)
        if lacking:
            fails.append(f"{len(lacking)} of {of['functions']} functions have no unwind information "
                         f"(no FDE, no compact unwind), e.g. {lacking[0]}")
        info.append(f"unwind: LLVM {rf['compact_unwind']} compact + {rf['fdes']} FDEs, "
                    f"ours {of['compact_unwind']} compact + {of['fdes']} FDEs for {of['functions']} functions")
        info.append(f"code: LLVM {rf['text_size']} bytes, ours {of['text_size']}")
        if self.link:
            if ref_link and not link_ok:
                fails.append(f"rust-lld rejects our object: {link_error(err)}")
            elif ref_link and link_ok:
                try:
                    ref_exe, _ = check_executable(ref_dir / "main.exe", arch)
                    our_exe, op = check_executable(out / "main.exe", arch)
                except CheckError as e:
                    fails.append(f"linked file: {e}")
                else:
                    fails += op
                    our_secs = {(s.seg, s.name): s.type for s in our_exe.sections}
                    for s in ref_exe.sections:
                        t = our_secs.get((s.seg, s.name))
                        if s.type != 0 and t is not None and t != s.type:
                            fails.append(f"linked {s.label()} is {SECTION_TYPES.get(t, t)}, "
                                         f"LLVM's {s.type_name()}")
                        elif s.type in (0x9, 0xA, 0x13) and t is None:
                            fails.append(f"linked file has no {s.label()} ({s.type_name()})")
                    info.append("linked")
            elif not ref_link:
                info.append("LLVM's object does not link either")
        if fails:
            return "failed", "; ".join(fails[:4]) + (f" (+{len(fails) - 4} more)" if len(fails) > 4 else ""), info
        return "ok", "", info


def check_assembly(tools, out, arch, timeout):
    """Our assembly text for a Mach-O target, which the backend assembles with the
    host's `cc` and merges into its object with `cc -r` (ld64 on a Mac; neither works
    here): assembled by LLVM's assembler for the target, it must give a Mach-O object
    that passes the object checks, whose functions all have unwind information, and
    that defines every `__clif_asm` symbol our own object (left by -Csave-temps)
    calls. (problems, summary)."""
    sources = sorted(out.glob("*.asm.s"))
    if not sources:
        return ["the assembly failed but -Csave-temps kept no *.asm.s"], ""
    if not tools.clang:
        return [], "assembly not checked (no clang: apt-get install clang-19)"
    problems = []
    nfun = 0
    for src in sources:
        mo = src.with_suffix(".macho.o")
        triple = {"aarch64": "arm64"}.get(arch, arch) + "-apple-macos11"
        rc, _, err = run([tools.clang, f"--target={triple}", "-c", "-x", "assembler",
                          str(src), "-o", str(mo)], timeout)
        if rc != 0:
            problems.append(f"{src.name} does not assemble for {triple}: {first_error(err)}")
            continue
        try:
            a = analyse(tools, mo, arch, timeout)
        except CheckError as e:
            problems.append(f"{mo.name}: {e}")
            continue
        problems += [f"{mo.name}: {p}" for p in a["problems"]]
        f = a["facts"]
        nfun += f["functions"]
        # Our shims carry CFI; naked functions and global_asm! get none, as with LLVM.
        uncovered = sorted(n for n in f["uncovered"] if "__clif_asm" in n)
        if uncovered:
            problems.append(f"{len(uncovered)} assembly shims have no unwind information, "
                            f"e.g. {uncovered[0]}")
        defined = {sym.name for sym in a["obj"].symbols if not sym.undefined}
        backend = Path(str(src)[: -len(".asm.s")] + ".o")
        if backend.exists():
            wanted = {sym.name for sym in MachO(backend.read_bytes()).symbols
                      if sym.undefined and "__clif_asm" in sym.name}
            missing = sorted(wanted - defined)
            if missing:
                problems.append(f"{len(missing)} assembly symbols our object calls are not defined "
                                f"by the assembly, e.g. {missing[0]}")
    return problems, f"assembly checked ({len(sources)} files, {nfun} functions)"


# ---------------------------------------------------------------------------
# self-test


def self_test(args, tools):
    """Feed the checks objects that must fail: an ELF object, and LLVM's Mach-O object with a
    section renamed to its ELF name, the constructor section retyped, a relocation type
    corrupted, a global symbol renamed; the unmodified object must pass against itself."""
    target = next((t for t in DEFAULT_TARGETS if tools.has_target(t)), None)
    if target is None:
        print("self-test skipped: no apple target std installed")
        return 0
    arch = target.split("-")[0]
    d = WORK / "self-test"
    d.mkdir(parents=True, exist_ok=True)
    src = ROOT / "tests" / "macos" / "programs" / "ctor_mod_init_func.rs"
    obj = d / "ctor.o"
    rc, _, err = run([tools.rustc, "--edition", "2024", "--target", target, "--emit=obj",
                      "-o", str(obj), str(src)], args.timeout, env=tools.env)
    if rc != 0:
        print(f"self-test: cannot compile {src}: {first_error(err)}")
        return 1
    obj_g = d / "ctor-g.o"
    rc, _, err_g = run([tools.rustc, "--edition", "2024", "--target", target, "--emit=obj", "-g",
                        "-o", str(obj_g), str(src)], args.timeout, env=tools.env)
    if rc != 0:
        print(f"self-test: cannot compile {src} with -g: {first_error(err_g)}")
        return 1
    host = re.search(r"^host: (\S+)", tools.version, re.M).group(1)
    elf = d / "host.o"
    rc, _, err = run([tools.rustc, "--edition", "2024", "--target", host, "--emit=obj",
                      "-o", str(elf), str(src)], args.timeout, env=tools.env)
    data = obj.read_bytes()
    good = MachO(data)

    def patched(name, fn):
        b = bytearray(data)
        fn(b)
        p = d / f"{name}.o"
        p.write_bytes(bytes(b))
        return p

    def section_header(b, seg, sect):
        for s in good.sections:
            if s.key == (seg, sect):
                # find the 80-byte header by name within the load commands
                i = bytes(b).find(sect.encode().ljust(16, b"\0") + seg.encode().ljust(16, b"\0"))
                return i
        raise SystemExit(f"self-test: {seg},{sect} not in LLVM's object")

    def rename_eh(b):
        i = section_header(b, "__TEXT", "__eh_frame") if good.section("__TEXT", "__eh_frame") else \
            section_header(b, "__TEXT", "__text")
        b[i : i + 32] = b".eh_frame".ljust(16, b"\0") + b"\0" * 16

    def retype_ctor(b):
        i = section_header(b, "__DATA", "__mod_init_func")
        b[i + 64] = 0  # low byte of flags: S_REGULAR

    def bad_reloc(b):
        s = next(s for s in good.sections if s.relocs)
        off = s.reloff + 4
        (info,) = struct.unpack_from("<I", b, off)
        struct.pack_into("<I", b, off, (info & 0x0FFFFFFF) | (15 << 28))

    def rename_main(b):
        i = bytes(b).find(b"\0_main\0")
        b[i + 1 : i + 6] = b"_mair"

    data_g = obj_g.read_bytes()
    good_g = MachO(data_g)

    def extern_dwarf(b):
        # A section-relative DWARF address relocation turned into one against `_main`.
        main = next(s for s in good_g.symbols if s.name == "_main")
        sec = next(s for s in good_g.sections if s.seg == "__DWARF" and any(not r.extern for r in s.relocs))
        i = next(i for i, r in enumerate(sec.relocs) if not r.extern)
        off = sec.reloff + 8 * i + 4
        (info,) = struct.unpack_from("<I", b, off)
        struct.pack_into("<I", b, off, (info & ~0xFFFFFF) | (1 << 27) | main.index)

    def patched_g(name, fn):
        b = bytearray(data_g)
        fn(b)
        p = d / f"{name}.o"
        p.write_bytes(bytes(b))
        return p

    failures = 0
    ref = analyse(tools, obj, arch, args.timeout)
    ref_g = analyse(tools, obj_g, arch, args.timeout)
    for what, r in (("LLVM's object", ref), ("LLVM's object with -g", ref_g)):
        problems = r["problems"] + compare(r["obj"], r["obj"], r["resolved"], r["resolved"])[0]
        if problems:
            print(f"self-test FAILED: {what} does not pass against itself: {problems[0]}")
            failures += 1
        else:
            print(f"self-test: {what} against itself: ok")
    cases = [
        ("ELF object", elf if elf.exists() else None, ref),
        ("section with an ELF name", patched("elf-name", rename_eh), ref),
        ("__mod_init_func retyped S_REGULAR", patched("ctor-regular", retype_ctor), ref),
        ("relocation type 15", patched("bad-reloc", bad_reloc), ref),
        ("_main renamed", patched("no-main", rename_main), ref),
        ("DWARF address relocated against a symbol", patched_g("dwarf-extern", extern_dwarf), ref_g),
    ]
    for what, path, ref in cases:
        if path is None:
            print(f"self-test: {what}: not built ({first_error(err)})")
            failures += 1
            continue
        try:
            ours = analyse(tools, path, arch, args.timeout)
            fails = ours["problems"] + compare(ref["obj"], ours["obj"], ref["resolved"], ours["resolved"])[0]
        except CheckError as e:
            fails = [str(e)]
        if fails:
            print(f"self-test: {what}: rejected as expected ({fails[0]})")
        else:
            print(f"self-test FAILED: {what} was accepted")
            failures += 1
    # The assembly check (check_assembly) on hand-written assembly text.
    shim = "___clif_asm_t_1"
    good_asm = (f".pushsection __TEXT,__text,regular,pure_instructions\n.globl {shim}\n"
                f".private_extern {shim}\n{shim}:\n.cfi_startproc\nret\n.cfi_endproc\n.popsection\n")
    asm_cases = [
        ("Mach-O assembly", good_asm, False),
        ("assembly with ELF directives", good_asm.replace(".private_extern", ".type") + f".type {shim},@function\n", True),
        ("a shim without CFI", good_asm.replace(".cfi_startproc\n", "").replace(".cfi_endproc\n", ""), True),
    ]
    for what, text, bad in asm_cases if tools.clang else []:
        ad = d / f"asm-{len(what)}"
        ad.mkdir(parents=True, exist_ok=True)
        for f in ad.glob("*"):
            f.unlink()
        (ad / "t.asm.s").write_text(text)
        problems, _ = check_assembly(tools, ad, arch, args.timeout)
        if bool(problems) != bad:
            print(f"self-test FAILED: {what}: {'accepted' if bad else problems[0]}")
            failures += 1
        else:
            print(f"self-test: {what}: {'rejected as expected (' + problems[0] + ')' if bad else 'ok'}")
    if not tools.clang:
        print("self-test: the assembly check is not tested (no clang: apt-get install clang-19)")
    print(f"self-test: {'passed' if not failures else f'{failures} failed'}")
    return 1 if failures else 0


# ---------------------------------------------------------------------------
# main


def load_expected(path):
    patterns = []
    if path and Path(path).exists():
        for line in Path(path).read_text().splitlines():
            entry, _, reason = line.partition("#")
            entry = entry.strip()
            if entry:
                patterns.append((entry, reason.strip()))
    return patterns


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", help="our backend dylib (-Zcodegen-backend=PATH)")
    ap.add_argument("--targets", default=",".join(DEFAULT_TARGETS), help="comma-separated (default: %(default)s)")
    ap.add_argument("--opt-levels", default="0,2", help="comma-separated (default: %(default)s)")
    ap.add_argument("--quick", action="store_true", help="every program, -O0 only (CI)")
    ap.add_argument("--filter", action="append", default=[], help="file-name substring (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="parallel programs (default: %(default)s)")
    ap.add_argument("--timeout", type=int, default=120, help="per-rustc timeout in seconds")
    ap.add_argument("--no-link", action="store_true", help="do not link with rust-lld")
    ap.add_argument("--no-cache", action="store_true", help="recompile LLVM's objects")
    ap.add_argument("--expected-failures", default=str(EXPECTED_FAILURES),
                    help="name@target@O<n> glob patterns, '#' reasons (default: %(default)s)")
    ap.add_argument("--verbose", action="store_true", help="print the informational differences")
    ap.add_argument("--self-test", action="store_true", help="check that the checks can fail")
    ap.add_argument("files", nargs="*", help="programs or directories (default: tests/run-pass, tests/macos/programs)")
    args = ap.parse_args()

    tools = Tools(clif_project.toolchain())
    WORK.mkdir(parents=True, exist_ok=True)
    if args.self_test:
        return self_test(args, tools)
    if not args.backend:
        ap.error("--backend is required")
    args.backend = str(Path(args.backend).resolve())
    if not Path(args.backend).exists():
        ap.error(f"{args.backend} does not exist")
    targets = [t for t in args.targets.split(",") if t]
    opts = [0] if args.quick else [int(o) for o in args.opt_levels.split(",") if o != ""]

    paths = []
    for f in (args.files or DEFAULT_DIRS):
        p = Path(f).resolve()
        paths += sorted(p.glob("*.rs")) if p.is_dir() else [p]
    if args.filter:
        paths = [p for p in paths if any(s in p.name for s in args.filter)]
    progs = [Program(p) for p in paths]
    expected = load_expected(args.expected_failures)

    runner = Runner(args, tools)
    print(f"toolchain {tools.toolchain}; backend {args.backend}; "
          f"linking: {'rust-lld -flavor darwin, stub libSystem' if runner.link else 'off'}", flush=True)
    jobs = []
    results = {}
    missing_targets = [t for t in targets if not tools.has_target(t)]
    for prog in progs:
        for t in targets:
            for o in opts:
                jobs.append((prog, t, o))
    start = time.time()

    def do(job):
        prog, t, o = job
        if t in missing_targets:
            return "skipped", f"{t} std not installed (rustup target add {t} --toolchain {tools.toolchain})", []
        try:
            return runner.job(prog, t, o)
        except Exception as e:  # a checker bug must not hide the other results
            return "failed", f"checker error: {type(e).__name__}: {e}", []

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futures = {ex.submit(do, j): j for j in jobs}
        for fut in concurrent.futures.as_completed(futures):
            prog, t, o = futures[fut]
            status, msg, info = fut.result()
            ident = f"{prog.name}@{t}@O{o}"
            xf = next((r for pat, r in expected if fnmatch.fnmatchcase(ident, pat)), None)
            if xf is not None:
                if status == "failed":
                    status, msg = "xfail", f"expected failure ({xf or 'listed'}): {msg}"
                elif status == "ok":
                    status, msg = "failed", "unexpectedly passed, update tests/macos/expected-failures.txt"
            if status == "hard-failed":  # not covered by an expected failure
                status = "failed"
            results[(prog.name, t, o)] = (status, msg)
            label = {"ok": "ok", "failed": "FAILED", "skipped": "skipped", "llvm-skip": "skipped",
                     "xfail": "expected failure"}[status]
            line = f"{ident}: {label}" + (f": {msg}" if msg and status != "xfail" else "")
            if status == "xfail":
                line = f"{ident}: {msg}"
            print(line, flush=True)
            if args.verbose and info:
                for i in info:
                    print(f"    {i}")

    print()
    print(f"{'target':22} {'opt':3} {'programs':>8} {'checked':>7} {'passed':>6} {'failed':>6} "
          f"{'xfail':>5} {'skipped':>7}  (of which LLVM fails)")
    totals = {"ok": 0, "failed": 0, "skipped": 0, "xfail": 0, "llvm-skip": 0}
    for t in targets:
        for o in opts:
            c = {k: 0 for k in totals}
            for p in progs:
                c[results[(p.name, t, o)][0]] += 1
            for k in c:
                totals[k] += c[k]
            checked = c["ok"] + c["failed"] + c["xfail"]
            print(f"{t:22} O{o:<2} {len(progs):>8} {checked:>7} {c['ok']:>6} {c['failed']:>6} "
                  f"{c['xfail']:>5} {c['skipped'] + c['llvm-skip']:>7}  ({c['llvm-skip']})")
    skipped = totals["skipped"] + totals["llvm-skip"] + totals["xfail"]
    print(f"{time.time() - start:.0f}s; xfail: listed in {Path(args.expected_failures).name}; "
          f"skipped: ignore-reason, build-fail, or LLVM cannot compile it for the target; "
          f"the last line counts the {totals['xfail']} expected failures as skipped")
    print(f"{totals['ok']} passed, {totals['failed']} failed, {skipped} skipped")
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
