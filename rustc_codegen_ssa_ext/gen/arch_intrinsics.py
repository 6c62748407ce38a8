#!/usr/bin/env python3
"""Generate `src/arch/table.rs`: every `llvm.*` intrinsic declared by the
pinned stdarch `core_arch` for x86/x86_64 and aarch64 (NEON, crypto, misc;
no SVE/SVE2, no 32-bit-ARM-only `llvm.arm.*` names).

Usage:
    python3 gen/arch_intrinsics.py [STDARCH_DIR] [--out PATH] [--check] [--quiet]

STDARCH_DIR defaults to
    $(rustc +nightly-2026-05-20 --print sysroot)/lib/rustlib/src/rust/library/stdarch

Python 3.11, standard library only.  The output is a pure function of the
source files read (no timestamps, no absolute paths), so running the script
twice produces byte-identical output.  See gen/README.md.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import hashlib
import itertools
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "pylib"))
import clif_project  # noqa: E402

TOOLCHAIN = clif_project.toolchain()

# --------------------------------------------------------------------------
# Lexer
# --------------------------------------------------------------------------


class Tok:
    __slots__ = ("kind", "text", "start", "end", "line", "joint")

    def __init__(self, kind, text, start, end, line, joint=False):
        self.kind = kind  # 'ident' | 'lit' | 'str' | 'punct' | 'life'
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.joint = joint  # next token starts exactly where this one ends

    def __repr__(self) -> str:
        return self.text


@dataclass
class Group:
    delim: str  # '(' '[' '{'
    items: list  # of Tok | Group
    start: int
    end: int
    line: int
    joint: bool = False

    kind = "group"

    def __repr__(self) -> str:
        close = {"(": ")", "[": "]", "{": "}"}[self.delim]
        return self.delim + " ".join(map(repr, self.items)) + close


IDENT_START = re.compile(r"[A-Za-z_]")
IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
NUM_RE = re.compile(
    r"(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9_]+)?)"
    r"(?:[iuf](?:8|16|32|64|128|size))?"
)


class LexError(Exception):
    pass


TOKEN_RE = re.compile(
    r"""
    (?:\s+|//[^\n]*|/\*(?:[^*/]|\*(?!/)|/(?!\*))*\*/)*   # skipped: whitespace, comments
    (?:
      (?P<raw_str>[bc]?r(?P<hashes>\#*)".*?"(?P=hashes))
    | (?P<str>[bc]?"(?:[^"\\]|\\.)*")
    | (?P<char>b?'(?:\\u\{[0-9A-Fa-f]+\}|\\x[0-9A-Fa-f]{2}|\\.|[^'\\\n])')
    | (?P<life>'[A-Za-z_][A-Za-z0-9_]*)
    | (?P<rawident>r\#[A-Za-z_][A-Za-z0-9_]*)
    | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<num>"""
    + NUM_RE.pattern
    + r""")
    | (?P<nested_comment>/\*)
    | (?P<punct>.)
    | (?P<eof>\Z)
    )
    """,
    re.S | re.X,
)
KIND = {"str": "str", "raw_str": "str", "hashes": "str", "char": "lit", "num": "lit", "life": "life",
        "ident": "ident", "punct": "punct"}


def lex(src: str) -> list[Tok]:
    """Tokenize Rust source.  Comments and whitespace are dropped; nested block
    comments (none in core_arch) are rejected.  `Tok.line` is left 0; use
    `line_of` on the source for positions that need one."""
    toks: list[Tok] = []
    append = toks.append
    for m in TOKEN_RE.finditer(src):
        kind = m.lastgroup
        if kind == "eof" or kind is None:
            break
        if kind == "nested_comment":
            raise LexError(f"unsupported (nested/unterminated) block comment at offset {m.start(kind)}")
        if kind == "hashes":
            kind = "raw_str"
        a, b = m.span(kind)
        if kind == "rawident":
            append(Tok("ident", src[a + 2 : b], a, b, 0))
        else:
            append(Tok(KIND[kind], src[a:b], a, b, 0))
    prev = None
    for t in toks:
        if prev is not None:
            prev.joint = prev.end == t.start
        prev = t
    return toks


class LineIndex:
    def __init__(self, src: str):
        self.nl = [k for k, c in enumerate(src) if c == "\n"]

    def __call__(self, pos: int) -> int:
        return bisect.bisect_right(self.nl, pos - 1) + 1


def build_tree(toks: list[Tok]) -> list:
    stack: list[tuple[str, list, Tok]] = [("", [], None)]
    pairs = {")": "(", "]": "[", "}": "{"}
    for t in toks:
        if t.kind == "punct" and t.text in "([{":
            stack.append((t.text, [], t))
        elif t.kind == "punct" and t.text in ")]}":
            delim, items, open_tok = stack.pop()
            if delim != pairs[t.text]:
                raise LexError(f"mismatched {t.text} at offset {t.start}")
            g = Group(delim, items, open_tok.start, t.end, open_tok.line, t.joint)
            stack[-1][1].append(g)
        else:
            stack[-1][1].append(t)
    if len(stack) != 1:
        raise LexError("unbalanced delimiters")
    return stack[0][1]


def is_p(node, text: str) -> bool:
    return isinstance(node, Tok) and node.kind == "punct" and node.text == text


def is_id(node, text: str | None = None) -> bool:
    return isinstance(node, Tok) and node.kind == "ident" and (text is None or node.text == text)


def is_g(node, delim: str | None = None) -> bool:
    return isinstance(node, Group) and (delim is None or node.delim == delim)


def split_commas(items: list, types: bool = True) -> list[list]:
    """Split a token list at top-level commas.

    In type context (`types=True`) angle brackets nest; in expression context
    only turbofish brackets (`::<`) do, so `a < b, c` splits."""
    out, cur, depth = [], [], 0
    prev = prev2 = None
    for node in items:
        if is_p(node, "<") and (types or (is_p(prev, ":") and is_p(prev2, ":") and prev2.joint)):
            depth += 1
        elif is_p(node, ">") and depth > 0 and not (prev is not None and is_p(prev, "-") and prev.joint):
            depth -= 1
        if is_p(node, ",") and depth == 0:
            out.append(cur)
            cur = []
        else:
            cur.append(node)
        prev2, prev = prev, node
    if cur:
        out.append(cur)
    return out


def render(items) -> str:
    """Compact source-like rendering of a token list (for messages)."""
    parts = []
    for node in items:
        if isinstance(node, Group):
            close = {"(": ")", "[": "]", "{": "}"}[node.delim]
            parts.append(node.delim + render(node.items) + close)
        else:
            parts.append(node.text)
        if not node.joint:
            parts.append(" ")
    return "".join(parts).strip()


def str_value(tok: Tok) -> str:
    t = tok.text
    if t.startswith("r"):
        return t[t.index('"') + 1 : t.rindex('"')]
    return t[1:-1].encode().decode("unicode_escape")


# --------------------------------------------------------------------------
# cfg evaluation
# --------------------------------------------------------------------------


class CfgEnv:
    def __init__(self, arch: str, test: bool, features: set[str]):
        self.arch = arch
        self.test = test
        self.features = features

    def key_value(self, key: str, value: str) -> bool:
        if key == "target_arch":
            return value == self.arch
        if key == "target_pointer_width":
            return value == ("32" if self.arch in ("x86", "arm") else "64")
        if key == "target_os":
            return value == "linux"
        if key == "target_env":
            return value == "gnu"
        if key == "target_vendor":
            return value == "unknown"
        if key == "target_family":
            return value == "unix"
        if key == "target_endian":
            return value == "little"
        if key == "target_feature":
            return value in self.features
        return False

    def eval(self, items: list) -> bool:
        if not items:
            return True
        head = items[0]
        if is_id(head, "all") and len(items) > 1 and is_g(items[1], "("):
            return all(self.eval(p) for p in split_commas(items[1].items))
        if is_id(head, "any") and len(items) > 1 and is_g(items[1], "("):
            return any(self.eval(p) for p in split_commas(items[1].items))
        if is_id(head, "not") and len(items) > 1 and is_g(items[1], "("):
            return not self.eval(items[1].items)
        if is_id(head) and len(items) == 1:
            return {"test": self.test, "unix": True, "debug_assertions": False}.get(head.text, False)
        if is_id(head) and len(items) == 3 and is_p(items[1], "=") and items[2].kind == "str":
            return self.key_value(head.text, str_value(items[2]))
        return False


ENVS = {
    # primary environment first; items gated off in the primary one are still
    # accepted when the secondary one enables them (32-bit x86 only items).
    "x86": [
        CfgEnv("x86_64", True, {"sse", "sse2", "fxsr"}),
        CfgEnv("x86", True, {"sse", "sse2", "fxsr"}),
    ],
    "aarch64": [CfgEnv("aarch64", True, {"neon", "fp-armv8"})],
}


def expand_attr(group: Group, env: CfgEnv) -> list[list]:
    """Return the list of active attributes (token lists) inside `#[...]`,
    resolving `cfg_attr(pred, a, b, ...)` (nested too)."""
    items = group.items
    if items and is_id(items[0], "cfg_attr") and len(items) > 1 and is_g(items[1], "("):
        parts = split_commas(items[1].items)
        if not parts or not env.eval(parts[0]):
            return []
        out = []
        for p in parts[1:]:
            out.extend(expand_attr(Group("[", p, 0, 0, 0), env))
        return out
    return [items]


def attr_cfg_ok(attrs: list[Group], env: CfgEnv) -> bool:
    for a in attrs:
        for items in expand_attr(a, env):
            if items and is_id(items[0], "cfg") and len(items) > 1 and is_g(items[1], "("):
                if not env.eval(items[1].items):
                    return False
    return True


def cfg_ok_any(attrs: list[Group], arch: str) -> bool:
    return any(attr_cfg_ok(attrs, env) for env in ENVS[arch])


def attr_has_cfg_test(attrs: list[Group]) -> bool:
    for a in attrs:
        it = a.items
        if it and is_id(it[0], "cfg") and len(it) > 1 and is_g(it[1], "("):
            inner = it[1].items
            if len(inner) == 1 and is_id(inner[0], "test"):
                return True
    return False


# --------------------------------------------------------------------------
# Item collection
# --------------------------------------------------------------------------


@dataclass
class Fn:
    file: str
    name: str
    line: int
    pos: int
    attrs: list
    generics: list
    params: list  # list of (name, type tokens)
    ret: list | None
    body: Group | None
    in_extern: bool
    parent: "Fn | None"
    nested_decls: dict = field(default_factory=dict)
    is_pub: bool = False

    @property
    def key(self):
        return (self.file, self.pos)


@dataclass
class MacroRule:
    pattern: list
    body: list


@dataclass
class FileInfo:
    rel: str
    tree: list
    line_of: "LineIndex"
    fns: list = field(default_factory=list)
    mod_decls: list = field(default_factory=list)  # (name, attrs) of `mod name;`


MODIFIERS = {"pub", "unsafe", "const", "safe", "async", "default", "extern"}


class Collector:
    def __init__(self):
        self.fns: list[Fn] = []
        self.vector_defs: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)  # scope -> name -> (elem, len)
        self.aliases: dict[str, dict[str, list]] = defaultdict(dict)
        self.consts: dict[str, dict[str, tuple[list, list]]] = defaultdict(dict)  # name -> (type, expr)
        self.tuple_structs: dict[str, dict[str, list]] = defaultdict(dict)
        self.macros: dict[str, list[MacroRule]] = {}
        self.test_mods: set[str] = set()
        self.warnings: list[str] = []

    def scan(self, fi: FileInfo, items: list, scope: str, parent: Fn | None, in_extern: bool, ctx: str):
        pending: list[Group] = []
        self._pub = False
        i, n = 0, len(items)
        while i < n:
            node = items[i]
            nxt = items[i + 1] if i + 1 < n else None
            if is_p(node, "#"):
                if is_p(nxt, "!") and i + 2 < n and is_g(items[i + 2], "["):
                    i += 3
                    continue
                if is_g(nxt, "["):
                    pending.append(nxt)
                    i += 2
                    continue
            if is_id(node, "fn") and is_id(nxt):
                is_pub = self._pub
                i = self.parse_fn(fi, items, i, pending, scope, parent, in_extern, is_pub)
                pending = []
                self._pub = False
                continue
            if is_id(node, "extern"):
                j = i + 1
                if j < n and isinstance(items[j], Tok) and items[j].kind == "str":
                    j += 1
                if j < n and is_g(items[j], "{"):
                    if cfg_ok_any_scope(pending, scope):
                        self.scan(fi, items[j].items, scope, parent, True, "extern")
                    pending = []
                    i = j + 1
                    continue
                i = j  # `extern "C" fn`: modifier
                continue
            if is_id(node, "mod") and is_id(nxt):
                if i + 2 < n and is_p(items[i + 2], ";"):
                    fi.mod_decls.append((nxt.text, list(pending)))
                    pending = []
                    i += 3
                    continue
                if i + 2 < n and is_g(items[i + 2], "{"):
                    if not attr_has_cfg_test(pending):
                        self.scan(fi, items[i + 2].items, scope, parent, False, "mod")
                    pending = []
                    i += 3
                    continue
            if is_id(node, "macro_rules") and is_p(nxt, "!") and i + 3 < n and is_id(items[i + 2]):
                body = items[i + 3]
                if is_g(body):
                    self.parse_macro(items[i + 2].text, body)
                pending = []
                i += 4
                continue
            if is_id(node, "types") and is_p(nxt, "!") and i + 2 < n and is_g(items[i + 2]):
                self.parse_types(items[i + 2].items, scope)
                pending = []
                i += 3
                continue
            if is_id(node, "type") and is_id(nxt) and ctx in ("file", "mod"):
                j = i + 2
                if j < n and is_p(items[j], "<"):
                    depth = 0
                    while j < n:
                        if is_p(items[j], "<"):
                            depth += 1
                        elif is_p(items[j], ">"):
                            depth -= 1
                            if depth == 0:
                                j += 1
                                break
                        j += 1
                if j < n and is_p(items[j], "="):
                    k = j + 1
                    while k < n and not is_p(items[k], ";"):
                        k += 1
                    rhs = items[j + 1 : k]
                    if not any(is_p(t, "$") for t in rhs):
                        self.aliases[scope].setdefault(nxt.text, rhs)
                    pending = []
                    i = k + 1
                    continue
            if is_id(node, "struct") and is_id(nxt) and i + 2 < n and is_g(items[i + 2], "("):
                fields = [strip_vis(f) for f in split_commas(items[i + 2].items)]
                if ctx in ("file", "mod"):
                    self.tuple_structs[scope].setdefault(nxt.text, fields)
                pending = []
                i += 3
                continue
            if is_id(node, "struct") and is_id(nxt) and i + 2 < n and is_g(items[i + 2], "{"):
                # named-field struct: keep the field types in order
                fields = []
                for f in split_commas(items[i + 2].items):
                    f = [t for t in f if not (is_p(t, "#") or is_g(t, "["))]
                    f = strip_vis(f)
                    if len(f) >= 3 and is_id(f[0]) and is_p(f[1], ":"):
                        fields.append(f[2:])
                if ctx in ("file", "mod"):
                    self.tuple_structs[scope].setdefault(nxt.text, fields)
                pending = []
                i += 3
                continue
            if is_id(node, "const") and is_id(nxt) and i + 2 < n and is_p(items[i + 2], ":") and ctx in ("file", "mod"):
                k = i + 3
                while k < n and not is_p(items[k], "="):
                    k += 1
                e = k + 1
                while e < n and not is_p(items[e], ";"):
                    e += 1
                if cfg_ok_any_scope(pending, scope):
                    self.consts[scope].setdefault(nxt.text, (items[i + 3 : k], items[k + 1 : e]))
                pending = []
                i = e + 1
                continue
            if is_id(node) and node.text in MODIFIERS:
                i += 1
                if node.text == "pub":
                    if is_g(nxt, "("):  # pub(crate) & co.: crate-internal helper
                        i += 1
                    else:
                        self._pub = True
                continue
            if isinstance(node, Tok) and node.kind == "str" and pending is not None:
                # ABI string of `extern "C" fn`
                i += 1
                continue
            if is_id(node, "impl") or is_id(node, "trait"):
                # scan the impl/trait body for methods (e.g. barrier::Dmb impls)
                j = i + 1
                while j < n and not is_g(items[j], "{") and not is_p(items[j], ";"):
                    j += 1
                if j < n and is_g(items[j], "{"):
                    if not attr_has_cfg_test(pending):
                        self.scan(fi, items[j].items, scope, parent, False, "impl")
                    pending = []
                    i = j + 1
                    continue
            pending = []
            self._pub = False
            if is_g(node, "{") and ctx != "fnbody":
                self.scan(fi, node.items, scope, parent, False, ctx)
            i += 1

    def parse_fn(self, fi, items, i, attrs, scope, parent, in_extern, is_pub=False) -> int:
        n = len(items)
        name_tok = items[i + 1]
        j = i + 2
        generics: list = []
        if j < n and is_p(items[j], "<"):
            depth = 0
            k = j
            while k < n:
                t = items[k]
                if is_p(t, "<"):
                    depth += 1
                elif is_p(t, ">") and not (is_p(items[k - 1], "-") and items[k - 1].joint):
                    depth -= 1
                    if depth == 0:
                        break
                k += 1
            generics = items[j + 1 : k]
            j = k + 1
        if not (j < n and is_g(items[j], "(")):
            return i + 2
        params_g = items[j]
        j += 1
        ret = None
        if j + 1 < n and is_p(items[j], "-") and items[j].joint and is_p(items[j + 1], ">"):
            k = j + 2
            while k < n and not is_g(items[k], "{") and not is_p(items[k], ";") and not is_id(items[k], "where"):
                k += 1
            ret = items[j + 2 : k]
            j = k
        while j < n and not is_g(items[j], "{") and not is_p(items[j], ";"):
            j += 1  # where clause
        body = items[j] if j < n and is_g(items[j], "{") else None
        params = []
        for p in split_commas(params_g.items):
            # `name: Type`, `mut name: Type`, `self`, `&self`
            colon = None
            for k, t in enumerate(p):
                if is_p(t, ":") and not t.joint and not (k > 0 and is_p(p[k - 1], ":")):
                    colon = k
                    break
            if colon is None:
                params.append((render(p), None))
                continue
            pname = [t for t in p[:colon] if not is_id(t, "mut")]
            params.append((render(pname), p[colon + 1 :]))
        fn = Fn(fi.rel, name_tok.text, fi.line_of(name_tok.start), name_tok.start, list(attrs), generics, params, ret, body, in_extern and body is None, parent, is_pub=is_pub)
        self.fns.append(fn)
        fi.fns.append(fn)
        if fn.in_extern and parent is not None:
            parent.nested_decls.setdefault(fn.name, []).append(fn)
        if body is not None:
            self.scan(fi, body.items, scope, fn, False, "fnbody")
        return j + 1

    def parse_macro(self, name: str, body: Group):
        rules = []
        items = body.items
        i = 0
        while i < len(items):
            if is_g(items[i]) and i + 3 <= len(items) and is_p(items[i + 1], "=") and is_p(items[i + 2], ">"):
                if i + 3 < len(items) and is_g(items[i + 3]):
                    rules.append(MacroRule(items[i].items, items[i + 3].items))
                    i += 4
                    continue
            i += 1
        if name.startswith("static_assert"):
            if name in self.macros and render(self.macros[name][0].body) != render(rules[0].body if rules else []):
                self.warnings.append(f"macro {name} defined twice with different bodies; keeping the first")
            self.macros.setdefault(name, rules)

    def parse_types(self, items: list, scope: str):
        # `pub struct NAME(LEN x [vis] ELEM);` (after attributes)
        i = 0
        while i < len(items):
            if is_id(items[i], "struct") and i + 2 < len(items) and is_id(items[i + 1]) and is_g(items[i + 2], "("):
                inner = items[i + 2].items
                if len(inner) >= 3 and isinstance(inner[0], Tok) and inner[0].kind == "lit" and is_id(inner[1], "x"):
                    elem = strip_vis(inner[2:])
                    if len(elem) == 1 and is_id(elem[0]):
                        self.vector_defs[scope][items[i + 1].text] = (elem[0].text, int(inner[0].text))
                i += 3
                continue
            i += 1


def strip_vis(toks: list) -> list:
    toks = list(toks)
    if toks and is_id(toks[0], "pub"):
        toks = toks[1:]
        if toks and is_g(toks[0], "("):
            toks = toks[1:]
    return toks


def cfg_ok_any_scope(attrs, scope):
    arch = "x86" if scope == "x86" else "aarch64"
    return cfg_ok_any(attrs, arch)


# --------------------------------------------------------------------------
# Type shapes
# --------------------------------------------------------------------------

SCALARS = {
    "i8", "i16", "i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128",
    "f16", "f32", "f64", "f128", "bool", "usize", "isize", "char",
}
POLY_ALIAS = re.compile(r"^p(8|16|64|128)$")
INT_BITS = {"i8": 8, "i16": 16, "i32": 32, "i64": 64, "i128": 128, "isize": 64,
            "u8": 8, "u16": 16, "u32": 32, "u64": 64, "u128": 128, "usize": 64}


class TypeResolver:
    def __init__(self, col: Collector, scopes: list[str]):
        self.vec: dict[str, tuple[str, int]] = {}
        self.alias: dict[str, list] = {}
        self.tstruct: dict[str, list] = {}
        for s in scopes:
            for k, v in col.vector_defs.get(s, {}).items():
                self.vec.setdefault(k, v)
            for k, v in col.aliases.get(s, {}).items():
                self.alias.setdefault(k, v)
            for k, v in col.tuple_structs.get(s, {}).items():
                self.tstruct.setdefault(k, v)
        self.unmapped: Counter = Counter()

    def elem_code(self, name: str, depth=0) -> tuple[str, int] | None:
        """Scalar element -> (kind letter, bits)."""
        if POLY_ALIAS.match(name) and name in self.alias:
            target = self.resolve_scalar_name(self.alias[name])
            if target in INT_BITS:
                return ("p", INT_BITS[target])
        if name in SCALARS and name not in ("bool", "char", "usize", "isize"):
            return (name[0], int(name[1:]))
        if name in self.alias and depth < 10:
            t = self.alias[name]
            if len(t) == 1 and is_id(t[0]):
                return self.elem_code(t[0].text, depth + 1)
        return None

    def resolve_scalar_name(self, toks):
        if len(toks) == 1 and is_id(toks[0]):
            name = toks[0].text
            if name in SCALARS:
                return name
            if name in self.alias:
                return self.resolve_scalar_name(self.alias[name])
        return None

    def shape(self, toks: list | None, depth: int = 0) -> str:
        if toks is None:
            return "unit"
        toks = [t for t in toks if not (isinstance(t, Tok) and t.kind == "life")]
        if not toks:
            return "unit"
        if depth > 20:
            return "?" + render(toks)
        t0 = toks[0]
        if is_p(t0, "*") or is_p(t0, "&"):
            return "ptr"
        if is_p(t0, "!") and len(toks) == 1:
            return "never"
        if is_g(t0, "(") and len(toks) == 1:
            parts = split_commas(t0.items)
            if not parts:
                return "unit"
            trailing = bool(t0.items) and is_p(t0.items[-1], ",")
            if len(parts) == 1 and not trailing:
                return self.shape(parts[0], depth + 1)
            return "tup(" + ",".join(self.shape(p, depth + 1) for p in parts) + ")"
        if is_g(t0, "[") and len(toks) == 1:
            inner = t0.items
            semi = [k for k, t in enumerate(inner) if is_p(t, ";")]
            if semi and len(inner) == semi[0] + 2 and inner[-1].kind == "lit":
                return f"arr{int(inner[-1].text)}({self.shape(inner[:semi[0]], depth + 1)})"
            return "?" + render(toks)
        # path: a::b::Name or Name<...>
        segs = []
        k = 0
        gen = None
        while k < len(toks):
            t = toks[k]
            if is_id(t):
                segs.append(t.text)
                k += 1
            elif is_p(t, ":"):
                k += 1
            elif is_p(t, "<"):
                gen = toks[k + 1 : -1] if is_p(toks[-1], ">") else None
                break
            else:
                return self.unmapped_shape(toks)
        if not segs:
            return self.unmapped_shape(toks)
        name = segs[-1]
        if gen is not None:
            if name in ("Simd", "SimdM"):
                parts = split_commas(gen)
                if len(parts) == 2 and len(parts[0]) == 1 and is_id(parts[0][0]) and len(parts[1]) == 1 and parts[1][0].kind == "lit":
                    ec = self.elem_code(parts[0][0].text)
                    if ec:
                        return f"v{ec[0]}{ec[1]}x{int(parts[1][0].text)}"
            return self.unmapped_shape(toks)
        if name in SCALARS:
            return name
        if name in self.vec:
            elem, lanes = self.vec[name]
            ec = self.elem_code(elem)
            if ec:
                return f"v{ec[0]}{ec[1]}x{lanes}"
            return self.unmapped_shape(toks)
        if POLY_ALIAS.match(name) and name in self.alias:
            ec = self.elem_code(name)
            if ec:
                return f"p{ec[1]}"
        if name in self.alias:
            return self.shape(self.alias[name], depth + 1)
        if name in self.tstruct:
            fields = self.tstruct[name]
            shapes = [self.shape(f, depth + 1) for f in fields]
            if len(shapes) >= 2 and len(set(shapes)) == 1 and shapes[0].startswith("v"):
                # NEON `int8x16x2_t` & co.
                return f"arr{len(shapes)}({shapes[0]})"
            if len(shapes) >= 2 and not any(x.startswith("?") for x in shapes):
                # heterogeneous aggregate returned by value (keylocker
                # `AesOutput(u8, __m128i)`, aarch64 rand `Tuple { bits, status }`)
                return "tup(" + ",".join(shapes) + ")"
        return self.unmapped_shape(toks)

    def unmapped_shape(self, toks):
        s = "?" + render(toks).replace(" ", "")
        self.unmapped[s] += 1
        return s


def int_range(ty: str | None) -> tuple[int, int] | None:
    if ty is None or ty not in INT_BITS:
        if ty == "bool":
            return (0, 1)
        return None
    bits = INT_BITS[ty]
    if ty[0] == "u":
        return (0, (1 << bits) - 1)
    return (-(1 << (bits - 1)), (1 << (bits - 1)) - 1)


# --------------------------------------------------------------------------
# Constant expression evaluation (Rust semantics for the subset used in
# static_assert!s and immediate arguments)
# --------------------------------------------------------------------------


class EvalError(Exception):
    pass


def merge_ops(items: list) -> list:
    """Turn joint punctuation into multi-char operators."""
    out = []
    i = 0
    two = {"<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "::"}
    while i < len(items):
        t = items[i]
        if isinstance(t, Tok) and t.kind == "punct" and t.joint and i + 1 < len(items):
            u = items[i + 1]
            if isinstance(u, Tok) and u.kind == "punct" and t.text + u.text in two:
                out.append(Tok("punct", t.text + u.text, t.start, u.end, t.line, u.joint))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


BINOPS = {
    "||": 2, "&&": 3,
    "==": 4, "!=": 4, "<": 4, ">": 4, "<=": 4, ">=": 4,
    "|": 5, "^": 6, "&": 7, "<<": 8, ">>": 8,
    "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
}


def wrap(v: int, ty: str) -> int:
    if ty == "bool":
        return 1 if v else 0
    bits = INT_BITS.get(ty)
    if bits is None:
        raise EvalError(f"cast to {ty}")
    v &= (1 << bits) - 1
    if ty[0] == "i" and v >= 1 << (bits - 1):
        v -= 1 << bits
    return v


def parse_int(text: str) -> int:
    t = text.replace("_", "")
    t = re.sub(r"(?:[iu](?:8|16|32|64|128|size))$", "", t)
    if re.fullmatch(r"0x[0-9A-Fa-f]+", t):
        return int(t, 16)
    if re.fullmatch(r"0o[0-7]+", t):
        return int(t, 8)
    if re.fullmatch(r"0b[01]+", t):
        return int(t, 2)
    if re.fullmatch(r"[0-9]+", t):
        return int(t)
    raise EvalError(f"literal {text}")


class Expr:
    """Parsed constant expression; call .eval(env) with env: name -> int."""

    def __init__(self, items: list):
        self.toks = merge_ops(items)
        self.i = 0
        self.vars: set[str] = set()
        self.ast = self.parse_bin(0)
        if self.i != len(self.toks):
            raise EvalError("trailing tokens: " + render(self.toks[self.i :]))

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse_bin(self, min_prec):
        lhs = self.parse_unary()
        while True:
            t = self.peek()
            if isinstance(t, Tok) and t.kind == "punct" and t.text in BINOPS and BINOPS[t.text] >= min_prec:
                prec = BINOPS[t.text]
                self.i += 1
                rhs = self.parse_bin(prec + 1)
                lhs = ("bin", t.text, lhs, rhs)
            else:
                return lhs

    def parse_unary(self):
        t = self.peek()
        if is_p(t, "-"):
            self.i += 1
            return ("neg", self.parse_unary())
        if is_p(t, "!"):
            self.i += 1
            return ("not", self.parse_unary())
        node = self.parse_primary()
        while is_id(self.peek(), "as"):
            self.i += 1
            ty = self.peek()
            if not is_id(ty):
                raise EvalError("bad cast")
            self.i += 1
            node = ("cast", ty.text, node)
        return node

    def parse_primary(self):
        t = self.peek()
        if t is None:
            raise EvalError("unexpected end")
        self.i += 1
        if isinstance(t, Group):
            if t.delim == "(":
                sub = Expr(t.items)
                self.vars |= sub.vars
                return sub.ast
            if t.delim == "{":  # const block `{ N }`
                sub = Expr(t.items)
                self.vars |= sub.vars
                return sub.ast
            raise EvalError("group")
        if t.kind == "lit":
            return ("int", parse_int(t.text))
        if t.kind == "ident":
            if t.text == "const" and is_g(self.peek(), "{"):  # `const { IMM5 as i8 }`
                sub = Expr(self.peek().items)
                self.i += 1
                self.vars |= sub.vars
                return sub.ast
            if t.text in ("true", "false"):
                return ("int", 1 if t.text == "true" else 0)
            # `u32::BITS`, `i8::MAX`, `i8::MIN`
            if is_p(self.peek(), "::") and t.text in INT_BITS:
                self.i += 1
                c = self.peek()
                self.i += 1
                lo, hi = int_range(t.text)
                if is_id(c, "BITS"):
                    return ("int", INT_BITS[t.text])
                if is_id(c, "MAX"):
                    return ("int", hi)
                if is_id(c, "MIN"):
                    return ("int", lo)
                raise EvalError("assoc const")
            name = t.text
            while is_p(self.peek(), "::") and self.i + 1 < len(self.toks) and is_id(self.toks[self.i + 1]):
                name = self.toks[self.i + 1].text  # `super::arg::SY` -> SY
                self.i += 2
            if is_p(self.peek(), "::") or is_g(self.peek(), "("):
                raise EvalError("path/call")
            self.vars.add(name)
            return ("var", name)
        raise EvalError(f"token {t.text}")

    def eval(self, env: dict[str, int]):
        if self._fn is None:
            self.compile()
        try:
            return self._fn(*(env[v] for v in self._args))
        except KeyError as e:
            raise EvalError(f"unknown name {e}") from None
        except ZeroDivisionError:
            raise EvalError("div by zero") from None

    _fn = None

    @classmethod
    def from_ast(cls, ast):
        e = cls.__new__(cls)
        e.toks, e.i, e.vars, e.ast = [], 0, set(), ast
        return e

    def compile(self):
        """Translate the AST to a Python lambda (much faster than walking it)."""
        self._args = sorted(self.vars)
        names = {v: f"_v{k}" for k, v in enumerate(self._args)}
        code = f"lambda {', '.join(names[v] for v in self._args)}: {to_py(self.ast, names)}"
        self._fn = eval(code, {"_wrap": wrap, "_not": _not, "_div": _div, "_rem": _rem, "_int": int})


def _not(v):
    return (not v) if isinstance(v, bool) else ~v


def _div(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _rem(a, b):
    return a - _div(a, b) * b


PY_OPS = {"||": "or", "&&": "and", "==": "==", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=",
          "|": "|", "^": "^", "&": "&", "<<": "<<", ">>": ">>", "+": "+", "-": "-", "*": "*"}


def to_py(node, names) -> str:
    op = node[0]
    if op == "int":
        return f"({node[1]})"
    if op == "var":
        return names[node[1]]
    if op == "neg":
        return f"(-{to_py(node[1], names)})"
    if op == "not":
        return f"_not({to_py(node[1], names)})"
    if op == "cast":
        if node[1] not in INT_BITS and node[1] != "bool":
            raise EvalError(f"cast to {node[1]}")
        return f"_wrap(_int({to_py(node[2], names)}), {node[1]!r})"
    if op == "bin":
        o, a, b = node[1], to_py(node[2], names), to_py(node[3], names)
        if o == "/":
            return f"_div({a}, {b})"
        if o == "%":
            return f"_rem({a}, {b})"
        if o in ("||", "&&"):
            return f"(bool({a}) {PY_OPS[o]} bool({b}))"
        return f"({a} {PY_OPS[o]} {b})"
    raise EvalError(f"op {op}")


# --------------------------------------------------------------------------
# static_assert* constraints
# --------------------------------------------------------------------------

CLIP = 1 << 16  # enumeration window for 32/64-bit const generics


def match_macro(pattern: list, args: list) -> dict | None:
    """Tiny macro_rules matcher for the `static_assert_*` macros."""
    pat = merge_ops_dollar(pattern)
    binds: dict[str, list] = {}
    ai = 0
    for pi, p in enumerate(pat):
        if isinstance(p, tuple):  # metavariable
            name, frag = p
            if frag in ("ident", "tt"):
                if ai >= len(args):
                    return None
                binds[name] = [args[ai]]
                ai += 1
            elif frag == "literal":
                start = ai
                if ai < len(args) and is_p(args[ai], "-"):
                    ai += 1
                if ai >= len(args) or not (isinstance(args[ai], Tok) and args[ai].kind in ("lit", "str")):
                    return None
                ai += 1
                binds[name] = args[start:ai]
            else:  # expr / ty: up to the next literal pattern token
                stop = pat[pi + 1] if pi + 1 < len(pat) else None
                start = ai
                while ai < len(args):
                    a = args[ai]
                    if stop is not None and not isinstance(stop, tuple) and isinstance(a, Tok) and a.text == stop.text:
                        break
                    ai += 1
                if ai == start:
                    return None
                binds[name] = args[start:ai]
        else:
            if ai >= len(args):
                return None
            a = args[ai]
            if isinstance(p, Group):
                return None
            if not isinstance(a, Tok) or a.text != p.text:
                # allow `..=` written as separate punct tokens
                return None
            ai += 1
    if ai != len(args):
        return None
    return binds


def merge_ops_dollar(pattern: list) -> list:
    out = []
    i = 0
    while i < len(pattern):
        t = pattern[i]
        if is_p(t, "$") and i + 1 < len(pattern) and is_id(pattern[i + 1]):
            name = pattern[i + 1].text
            frag = "tt"
            if i + 3 < len(pattern) and is_p(pattern[i + 2], ":") and is_id(pattern[i + 3]):
                frag = pattern[i + 3].text
                i += 4
            else:
                i += 2
            out.append((name, frag))
            continue
        out.append(t)
        i += 1
    return out


def substitute(body: list, binds: dict) -> list:
    out = []
    i = 0
    while i < len(body):
        t = body[i]
        if is_p(t, "$") and i + 1 < len(body) and is_id(body[i + 1]) and body[i + 1].text in binds:
            val = binds[body[i + 1].text]
            out.append(Group("(", list(val), 0, 0, 0, body[i + 1].joint))
            i += 2
            continue
        if isinstance(t, Group):
            out.append(Group(t.delim, substitute(t.items, binds), t.start, t.end, t.line, t.joint))
        else:
            out.append(t)
        i += 1
    return out


def find_static_assert(body: list) -> list | None:
    for i, t in enumerate(body):
        if is_id(t, "static_assert") and i + 2 < len(body) and is_p(body[i + 1], "!") and is_g(body[i + 2], "("):
            parts = split_commas(body[i + 2].items, types=False)
            return parts[0] if parts else None
        if isinstance(t, Group):
            r = find_static_assert(t.items)
            if r is not None:
                return r
    return None


class Constraints:
    def __init__(self, macros: dict[str, list[MacroRule]]):
        self.macros = macros
        self.notes: Counter = Counter()

    def expand(self, name: str, args: list) -> list | None:
        """Return the boolean condition token list of a static_assert* call."""
        if name == "static_assert":
            parts = split_commas(args, types=False)
            return parts[0] if parts else None
        if name == "static_assert_simm_bits":
            # The macro in core_arch/src/macros.rs accepts one value below the
            # intended signed range (`(-1 << (bits - 1)) - 1 <= imm`); record the
            # documented range -2^(N-1) ..= 2^(N-1)-1 instead.
            parts = split_commas(args, types=False)
            if len(parts) == 2:
                src = f"(-(1 << (({render(parts[1])}) - 1)) <= ({render(parts[0])})) && (({render(parts[0])}) < (1 << (({render(parts[1])}) - 1)))"
                return build_tree(lex(src))
        rules = self.macros.get(name)
        if not rules:
            self.notes[f"unknown assert macro {name}!"] += 1
            return None
        for r in rules:
            b = match_macro(r.pattern, args)
            if b is not None:
                return find_static_assert(substitute(r.body, b))
        self.notes[f"no rule of {name}! matched `{render(args)}`"] += 1
        return None


def collect_asserts(body: Group) -> list[tuple[str, list]]:
    out = []

    def walk(items):
        for i, t in enumerate(items):
            if is_id(t) and t.text.startswith("static_assert") and i + 2 < len(items) and is_p(items[i + 1], "!") and is_g(items[i + 2]):
                out.append((t.text, items[i + 2].items))
            elif isinstance(t, Group):
                walk(t.items)

    walk(body.items)
    return out


_COND_CACHE: dict = {}
SMALL = 1 << 11


def _const_magnitude(node) -> int:
    """Largest |value| of a variable-free subexpression (0 if none)."""
    best = 0

    def walk(n):
        nonlocal best
        if not isinstance(n, tuple):
            return False
        if n[0] == "int":
            best = max(best, abs(n[1]))
            return True
        if n[0] == "var":
            return False
        kids = [walk(x) for x in n[1:] if isinstance(x, tuple)]
        if all(kids):
            try:
                best = max(best, abs(int(Expr.from_ast(n).eval({}))))
            except (EvalError, OverflowError, ValueError):
                pass
            return True
        return False

    walk(node)
    return best


def _rename(node, v):
    """AST with variable `v` renamed to a placeholder (cache key)."""
    if node[0] == "var":
        return ("var", "$") if node[1] == v else node
    return tuple(_rename(x, v) if isinstance(x, tuple) else x for x in node)


def _solve_single(c: "Expr", v: str, ty: str, base: set | None) -> set:
    """Values of `v` (of type `ty`, clipped to +-CLIP) satisfying `c`."""
    if base is None:
        key = (repr(_rename(c.ast, v)), ty)
        if key not in _COND_CACHE:
            lo, hi = int_range(ty)
            lo, hi = max(lo, -CLIP), min(hi, CLIP)
            # Enumerate a small window first; the whole (clipped) range only
            # when the condition mentions big constants or holds at the edges.
            w = SMALL
            if _const_magnitude(c.ast) < SMALL and lo < -w and hi > w:
                vals = frozenset(x for x in range(-w, w + 1) if c.eval({v: x}))
                if -w not in vals and w not in vals:
                    _COND_CACHE[key] = vals
                    return set(vals)
            _COND_CACHE[key] = frozenset(x for x in range(lo, hi + 1) if c.eval({v: x}))
        return set(_COND_CACHE[key])
    return {x for x in base if c.eval({v: x})}


def compute_domains(const_params: dict[str, str], conds: list, notes: Counter) -> dict[str, set | None]:
    """Allowed values of every const generic (None = unbounded/unknown)."""
    dom: dict[str, set | None] = {}  # None: whole (clipped) type range
    known: dict[str, bool] = {}
    for name, ty in const_params.items():
        dom[name] = None
        known[name] = int_range(ty) is not None
    single = [c for c in conds if len(c.vars) == 1]
    multi = [c for c in conds if len(c.vars) > 1]
    bounded: set[str] = set()
    for c in single:
        (v,) = c.vars
        if not known.get(v):
            continue
        try:
            dom[v] = _solve_single(c, v, const_params[v], dom[v])
            bounded.add(v)
        except EvalError as e:
            notes[f"cannot evaluate condition ({e})"] += 1
    for c in multi:
        vs = sorted(c.vars)
        if any(not known.get(v) or dom[v] is None for v in vs):
            notes["multi-variable condition over an unbounded/unknown name (ignored)"] += 1
            continue
        size = 1
        for v in vs:
            size *= len(dom[v])
        if size > 1 << 20:
            notes["multi-variable condition too large to enumerate (ignored)"] += 1
            continue
        keep = {v: set() for v in vs}
        try:
            for combo in itertools.product(*(sorted(dom[v]) for v in vs)):
                env = dict(zip(vs, combo))
                if c.eval(env):
                    for v, x in env.items():
                        keep[v].add(x)
        except EvalError as e:
            notes[f"cannot evaluate condition ({e})"] += 1
            continue
        for v in vs:
            dom[v] = keep[v]
    out = {}
    for name, d in dom.items():
        if d is None or name not in bounded:
            out[name] = None
            continue
        r = int_range(const_params[name])
        if d and ((min(d) == -CLIP and r[0] < -CLIP) or (max(d) == CLIP and r[1] > CLIP)):
            out[name] = None  # the condition does not bound the value
            continue
        out[name] = d
    return out


# --------------------------------------------------------------------------
# Main analysis
# --------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    arch: str
    args: list
    ret: str
    features: str = ""
    imms: list = field(default_factory=list)  # (arg, min, max, values)
    instr: str = ""
    wrapper: str = ""
    n_wrappers: int = 0
    feature_source: str = "wrapper"  # wrapper | transitive | module | none
    all_wrappers: list = field(default_factory=list)  # every direct caller, primary first
    asm: str = ""  # the assembly template (gen/x86_asm.py, gen/aarch64_asm.py), "" when there is none


def scope_of(rel: str) -> str | None:
    top = rel.split("/")[0]
    if top in ("x86", "x86_64"):
        return "x86"
    if top == "aarch64":
        if rel.startswith(("aarch64/sve/", "aarch64/sve2/")):
            return "sve"
        return "aarch64"
    if top == "arm_shared":
        return "aarch64"
    if "/" not in rel:
        return "common"
    return "other:" + top


def resolve_excluded_files(files: dict[str, FileInfo]) -> set[str]:
    """Files behind `#[cfg(test)] mod x;` or a `#[cfg(..)]` that is false for
    the file's architecture (children included)."""
    off = set()
    for rel, fi in files.items():
        d = Path(rel).parent if Path(rel).name in ("mod.rs", "lib.rs") else Path(rel).with_suffix("")
        for m, attrs in fi.mod_decls:
            for cand in (d / f"{m}.rs", d / m / "mod.rs"):
                c = cand.as_posix()
                sc = scope_of(c)
                arch = sc if sc in ("x86", "aarch64") else None
                if attr_has_cfg_test(attrs) or (arch is not None and not cfg_ok_any(attrs, arch)):
                    off.add(c)
    out = set()
    for rel in files:
        for t in off:
            tdir = t[: -len("/mod.rs")] if t.endswith("/mod.rs") else t[:-3]
            if rel == t or rel.startswith(tdir + "/"):
                out.add(rel)
    return out


def find_calls(items: list, names_ok, out: list):
    """Collect (callee, [arg token lists]) for `name(args)` anywhere."""
    for i, t in enumerate(items):
        if isinstance(t, Group):
            find_calls(t.items, names_ok, out)
            continue
        if t.kind != "ident" or not names_ok(t.text):
            continue
        if i + 1 < len(items) and is_g(items[i + 1], "("):
            if i > 0 and (is_p(items[i - 1], ".") or is_id(items[i - 1], "fn")):
                continue
            out.append((t.text, split_commas(items[i + 1].items, types=False), t.start))


def attr_features(fn: Fn, arch: str) -> list[str]:
    env = ENVS[arch][0]
    feats: list[str] = []
    for a in fn.attrs:
        for items in expand_attr(a, env):
            if items and is_id(items[0], "target_feature") and len(items) > 1 and is_g(items[1], "("):
                inner = items[1].items
                for k in range(len(inner) - 2):
                    if is_id(inner[k], "enable") and is_p(inner[k + 1], "=") and inner[k + 2].kind == "str":
                        for f in str_value(inner[k + 2]).split(","):
                            f = f.strip()
                            if f and f not in feats:
                                feats.append(f)
    return feats


def attr_instrs(fn: Fn, arch: str) -> list[str]:
    out: list[str] = []
    for env in ENVS[arch]:
        for a in fn.attrs:
            for items in expand_attr(a, env):
                if items and is_id(items[0], "assert_instr") and len(items) > 1 and is_g(items[1], "("):
                    parts = split_commas(items[1].items)
                    if parts and parts[0]:
                        first = parts[0]
                        if len(first) == 1 and first[0].kind == "str":
                            out.append(str_value(first[0]))
                        else:
                            out.append(render(first).replace(" ", ""))
        if out:
            break
    return out


def link_name(fn: Fn, arch: str, warnings: list) -> str | None:
    env = ENVS[arch][0]
    names = []
    for a in fn.attrs:
        for items in expand_attr(a, env):
            if items and is_id(items[0], "link_name") and len(items) >= 3 and is_p(items[1], "="):
                if items[2].kind == "str":
                    names.append(str_value(items[2]))
                else:
                    warnings.append(f"{fn.file}:{fn.line}: non-literal link_name `{render(items[2:])}` skipped")
    if len(names) > 1:
        warnings.append(f"{fn.file}:{fn.line}: several active link_names {names}; using the first")
    return names[0] if names else None


def const_generics(fn: Fn, resolver: "TypeResolver") -> dict[str, str]:
    """`const NAME: TYPE` generics; TYPE resolved through aliases
    (`_MM_MANTISSA_NORM_ENUM` -> `i32`)."""
    out = {}
    for part in split_commas(fn.generics):
        if part and is_id(part[0], "const") and len(part) >= 4 and is_id(part[1]) and is_p(part[2], ":"):
            ty = part[3:]
            k = next((j for j, t in enumerate(ty) if is_p(t, "=")), len(ty))  # drop a default
            out[part[1].text] = resolver.resolve_scalar_name(ty[:k]) or render(ty[:k])
    return out


class ConstTable:
    """Integer `const NAME: T = EXPR;` items of one arch (e.g. `_MM_FROUND_CUR_DIRECTION`)."""

    def __init__(self, col: "Collector", scopes: list[str], resolver: "TypeResolver"):
        self.raw: dict[str, tuple[list, list]] = {}
        for sc in scopes:
            for k, v in col.consts.get(sc, {}).items():
                self.raw.setdefault(k, v)
        self.resolver = resolver
        self.memo: dict[str, int | None] = {}

    def value(self, name: str, depth: int = 0) -> int | None:
        if name in self.memo:
            return self.memo[name]
        if name not in self.raw or depth > 20:
            return None
        self.memo[name] = None  # cycle guard
        ty_toks, expr = self.raw[name]
        ty = self.resolver.resolve_scalar_name(ty_toks)
        val = None
        if ty in INT_BITS or ty == "bool":
            try:
                e = Expr(expr)
                env = {}
                for v in e.vars:
                    x = self.value(v, depth + 1)
                    if x is None:
                        raise EvalError(v)
                    env[v] = x
                val = wrap(int(e.eval(env)), ty)
            except EvalError:
                val = None
        self.memo[name] = val
        return val


def type_of_param(resolver: TypeResolver, toks) -> str | None:
    if toks is None:
        return None
    return resolver.resolve_scalar_name([t for t in toks])


def const_lets(body: Group, cps: dict) -> dict[str, list]:
    """`let b = B as u8;` bindings whose value only depends on const generics
    (names bound more than once are ignored)."""
    found: dict[str, list] = {}
    count: Counter = Counter()

    def walk(items):
        for i, t in enumerate(items):
            if isinstance(t, Group):
                walk(t.items)
                continue
            if t.kind == "ident" and t.text == "let" and i + 2 < len(items):
                j = i + 1
                if is_id(items[j], "mut"):
                    j += 1
                if not is_id(items[j]):
                    continue
                name = items[j].text
                count[name] += 1
                k = j + 1
                if k < len(items) and is_p(items[k], ":"):
                    while k < len(items) and not is_p(items[k], "="):
                        k += 1
                if k < len(items) and is_p(items[k], "=") and not items[k].joint:
                    e = k + 1
                    while e < len(items) and not is_p(items[e], ";"):
                        e += 1
                    rhs = items[k + 1 : e]
                    try:
                        ex = Expr(rhs)
                    except EvalError:
                        continue
                    if ex.vars and ex.vars <= set(cps):
                        found[name] = rhs

    walk(body.items)
    return {k: v for k, v in found.items() if count[k] == 1}


def subst_lets(items: list, lets: dict) -> list:
    out = []
    for t in items:
        if isinstance(t, Tok) and t.kind == "ident" and t.text in lets:
            out.append(Group("(", list(lets[t.text]), t.start, t.end, 0, t.joint))
        elif isinstance(t, Group):
            out.append(Group(t.delim, subst_lets(t.items, lets), t.start, t.end, t.line, t.joint))
        else:
            out.append(t)
    return out


def mentions(items: list, names) -> bool:
    for t in items:
        if isinstance(t, Group):
            if mentions(t.items, names):
                return True
        elif t.kind == "ident" and t.text in names:
            return True
    return False


def fmt_set(values: set[int]) -> tuple[int, int, list[int]]:
    lo, hi = min(values), max(values)
    if len(values) == hi - lo + 1:
        return lo, hi, []
    return lo, hi, sorted(values)


def analyse(stdarch: Path):
    src_root = stdarch / "crates" / "core_arch" / "src"
    if not src_root.is_dir():
        sys.exit(f"error: {src_root} is not a directory")
    paths = sorted(src_root.rglob("*.rs"), key=lambda p: p.relative_to(src_root).as_posix())
    col = Collector()
    files: dict[str, FileInfo] = {}
    digest = hashlib.sha256()
    for p in paths:
        rel = p.relative_to(src_root).as_posix()
        scope = scope_of(rel)
        if scope is None or scope.startswith("other:") or scope == "sve":
            # other architectures are never read (their types could shadow ours)
            if scope != "common":
                continue
        text = p.read_text(encoding="utf-8")
        digest.update(rel.encode() + b"\0" + text.encode() + b"\0")
        try:
            tree = build_tree(lex(text))
        except LexError as e:
            col.warnings.append(f"{rel}: lex error {e}; file skipped")
            continue
        fi = FileInfo(rel, tree, LineIndex(text))
        files[rel] = fi
        col.scan(fi, tree, scope, None, False, "file")
    test_files = resolve_excluded_files(files)

    resolvers = {
        "x86": TypeResolver(col, ["x86", "common"]),
        "aarch64": TypeResolver(col, ["aarch64", "common"]),
    }
    cons = Constraints(col.macros)
    consts = {
        "x86": ConstTable(col, ["x86", "common"], resolvers["x86"]),
        "aarch64": ConstTable(col, ["aarch64", "common"], resolvers["aarch64"]),
    }

    # declarations per arch
    decls = []  # (arch, link, fn)
    for fn in col.fns:
        if not fn.in_extern or fn.file in test_files:
            continue
        scope = scope_of(fn.file)
        if scope not in ("x86", "aarch64"):
            continue
        arch = scope
        if not cfg_ok_any(fn.attrs, arch):
            continue
        ln = link_name(fn, arch, col.warnings)
        if ln is None or not ln.startswith("llvm."):
            continue
        if arch == "aarch64" and ln.startswith("llvm.arm."):
            continue
        decls.append((arch, ln, fn))

    file_level: dict[str, dict[str, list[Fn]]] = defaultdict(lambda: defaultdict(list))
    for arch, ln, fn in decls:
        if fn.parent is None:
            file_level[fn.file][fn.name].append(fn)
    decl_link = {id(fn): (arch, ln) for arch, ln, fn in decls}

    # callers
    bodies = [
        f for f in col.fns
        if f.body is not None and f.file not in test_files and scope_of(f.file) in ("x86", "aarch64")
        and cfg_ok_any(f.attrs, scope_of(f.file))
    ]
    callers: dict[int, list] = defaultdict(list)  # id(decl) -> [(caller fn, args, offset)]
    fn_calls_by_name: dict[str, dict[str, list[Fn]]] = defaultdict(lambda: defaultdict(list))
    for f in bodies:
        fn_calls_by_name[f.file][f.name].append(f)
    for w in bodies:
        scope_names: dict[str, list[Fn]] = {}
        for nm, lst in file_level.get(w.file, {}).items():
            scope_names[nm] = lst
        p = w
        chain = []
        while p is not None:
            chain.append(p)
            p = p.parent
        for p in reversed(chain):
            for nm, lst in p.nested_decls.items():
                scope_names[nm] = [d for d in lst if id(d) in decl_link]
        if not scope_names:
            continue
        calls: list = []
        find_calls(w.body.items, lambda s: s in scope_names, calls)
        for name, args, line in calls:
            for d in scope_names[name]:
                callers[id(d)].append((w, args, line))

    # reverse call graph for transitive feature lookup (helpers without target_feature)
    def callers_of(fn: Fn) -> list[Fn]:
        out = []
        for g in bodies:
            if g.file != fn.file or g is fn:
                continue
            calls: list = []
            find_calls(g.body.items, lambda s: s == fn.name, calls)
            if calls:
                out.append(g)
        return out

    module_feats: dict[str, str] = {}

    def module_default(file: str, arch: str) -> str:
        if file not in module_feats:
            c = Counter()
            for f in bodies:
                if f.file == file:
                    fs = attr_features(f, arch)
                    if fs:
                        c[",".join(fs)] += 1
            module_feats[file] = min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else ""
        return module_feats[file]

    rows: dict[tuple[str, str], dict] = {}
    for arch, ln, d in decls:
        r = rows.setdefault((arch, ln), {"decls": [], "callers": []})
        r["decls"].append(d)
        for c in callers.get(id(d), []):
            r["callers"].append((d, *c))

    diagnostics = defaultdict(list)
    out_rows: list[Row] = []
    for (arch, ln), r in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        res = resolvers[arch]
        d0 = r["decls"][0]
        sigs = set()
        for d in r["decls"]:
            sig = (tuple(res.shape(t) for _, t in d.params), res.shape(d.ret))
            sigs.add(sig)
        args0 = [res.shape(t) for _, t in d0.params]
        ret0 = res.shape(d0.ret)
        if len(sigs) > 1:
            diagnostics["conflicting signatures"].append(f"{ln}: {sorted(sigs)}")
        ext = ln.split(".")[2] if ln.count(".") >= 2 else ""

        def order_key(entry):
            d, w, args, line = entry
            stem = Path(w.file).stem
            return (0 if stem == ext else 1, w.file, w.pos, line)

        entries = sorted(r["callers"], key=order_key)
        wrappers: list[Fn] = []
        for e in entries:
            if e[1] not in wrappers:
                wrappers.append(e[1])
        row = Row(ln, arch, args0, ret0, n_wrappers=len(wrappers))
        row.all_wrappers = [w.name for w in wrappers]

        # features / primary wrapper.  Candidates: every direct caller with a
        # `target_feature`, every *public* direct caller without one (usable
        # with the baseline features, e.g. `_addcarry_u32`, `_rdtsc`), and, for
        # private helpers without one, their callers (up to 3 levels).
        cands: list[tuple[Fn, list[str], Fn, str]] = []  # (direct caller, feats, feature source fn, kind)
        for w in wrappers:
            fs = attr_features(w, arch)
            if fs or w.is_pub:
                cands.append((w, fs, w, "wrapper"))
                continue
            seen = {id(w)}
            frontier = [w]
            found = []
            for _depth in range(3):
                nxt = []
                for f in frontier:
                    for g in callers_of(f):
                        if id(g) in seen:
                            continue
                        seen.add(id(g))
                        gfs = attr_features(g, arch)
                        if gfs or g.is_pub:
                            found.append((w, gfs, g, "transitive"))
                        else:
                            nxt.append(g)
                if found:
                    break
                frontier = nxt
            cands.extend(found)
        primary = None
        instr_src: list[Fn] = []
        if cands:
            primary, fs, src_fn, kind = min(cands, key=lambda c: len(c[1]))  # first of the smallest
            row.features = ",".join(fs)
            row.feature_source = kind
            instr_src = [primary, src_fn]
        elif wrappers:
            primary = wrappers[0]
            row.features = module_default(d0.file, arch)
            row.feature_source = "module" if row.features else "none"
            instr_src = [primary]
        else:
            row.features = module_default(d0.file, arch)
            row.feature_source = "module" if row.features else "none"
        if primary is not None:
            row.wrapper = primary.name
            instrs = []
            for w in instr_src + wrappers:
                instrs = attr_instrs(w, arch)
                if instrs:
                    break
            row.instr = instrs[0] if instrs else ""

        # immediates
        imm_sets: dict[int, set | None] = {}
        runtime_at: set[int] = set()
        literal_at: dict[int, set] = defaultdict(set)
        dom_cache: dict[int, dict] = {}
        for d, w, args, line in entries:
            cps = const_generics(w, res)
            if id(w) not in dom_cache:
                conds = []
                for mname, margs in collect_asserts(w.body):
                    toks = cons.expand(mname, margs)
                    if toks is None:
                        continue
                    try:
                        conds.append(Expr(toks))
                    except EvalError as e:
                        cons.notes[f"unparsed condition ({e})"] += 1
                dom_cache[id(w)] = compute_domains(cps, conds, cons.notes)
            doms = dom_cache[id(w)]
            if cps:
                lets = const_lets(w.body, cps)
                if lets:
                    args = [subst_lets(a, lets) for a in args]
            if cps and not any(mentions(a, cps) for a in args):
                diagnostics["wrapper const generics not passed directly to the declaration"].append(
                    f"{ln} via {w.name}<{', '.join(cps)}>"
                )
            for k, a in enumerate(args):
                ptoks = d.params[k][1] if k < len(d.params) else None
                pty = type_of_param(res, ptoks)
                try:
                    e = Expr(a)
                except EvalError:
                    if mentions(a, cps):
                        diagnostics["const generic used in a non-constant argument"].append(f"{ln} arg {k} in {w.name}: {render(a)}")
                    runtime_at.add(k)
                    continue
                gen_vars = {v for v in e.vars if v in cps}
                named = {}
                for v in e.vars - gen_vars:
                    x = consts[arch].value(v)
                    if x is None:
                        break
                    named[v] = x
                else:
                    pass
                if len(named) + len(gen_vars) != len(e.vars):
                    runtime_at.add(k)
                    continue
                if not gen_vars:
                    try:
                        x = int(e.eval(named))
                        literal_at[k].add(wrap(x, pty) if pty in INT_BITS else x)
                    except EvalError:
                        runtime_at.add(k)
                    continue
                vs = sorted(gen_vars)
                if any(doms.get(v) is None for v in vs):
                    imm_sets[k] = None
                    continue
                vals = set()
                try:
                    for combo in itertools.product(*(sorted(doms[v]) for v in vs)):
                        vals.add(int(e.eval({**named, **dict(zip(vs, combo))})))
                except EvalError:
                    imm_sets[k] = None
                    continue
                if pty is not None and pty in INT_BITS:
                    vals = {wrap(v, pty) for v in vals}
                if k in imm_sets and imm_sets[k] is None:
                    continue
                imm_sets[k] = (imm_sets.get(k) or set()) | vals
        for k in sorted(imm_sets):
            if k in runtime_at:
                diagnostics["immediate in one wrapper, runtime value in another"].append(f"{ln} arg {k}")
                continue
            s = imm_sets[k]
            if k in literal_at and s is not None:
                s = s | literal_at[k]
            ptoks = d0.params[k][1] if k < len(d0.params) else None
            pty = type_of_param(res, ptoks)
            if s is None or not s:
                rng = int_range(pty)
                if rng is None:
                    diagnostics["immediate of non-integer type"].append(f"{ln} arg {k}")
                    rng = (-(1 << 63), (1 << 63) - 1)
                lo, hi = rng
                hi = min(hi, (1 << 63) - 1)
                row.imms.append((k, lo, hi, []))
                diagnostics["immediate with unknown range (full type range used)"].append(f"{ln} arg {k}")
            else:
                lo, hi, values = fmt_set(s)
                if len(values) > 256:
                    diagnostics["value set too large, kept min/max only"].append(f"{ln} arg {k}")
                    values = []
                row.imms.append((k, lo, hi, values))
        for k, lits in sorted(literal_at.items()):
            if k not in imm_sets and k not in runtime_at:
                # LLVM requires these to be constants too (`immarg`): the literals are
                # the values.
                diagnostics["argument only ever passed as a literal (listed with those values)"].append(
                    f"{ln} arg {k}: {sorted(lits)[:8]}{'...' if len(lits) > 8 else ''}"
                )
                lo, hi, values = fmt_set(set(lits))
                row.imms.append((k, lo, hi, values))
                row.imms.sort()
        out_rows.append(row)

    for note, cnt in sorted(cons.notes.items()):
        diagnostics["constraint notes"].append(f"{note} x{cnt}")
    unmapped = Counter()
    for res in resolvers.values():
        unmapped.update(res.unmapped)
    return out_rows, diagnostics, unmapped, col.warnings, digest.hexdigest(), files


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def rust_i64(v: int) -> str:
    if v == -(1 << 63):
        return "i64::MIN"
    if v == (1 << 63) - 1:
        return "i64::MAX"
    return str(v)


def rust_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(rows: list[Row], digest: str, rust_version: str) -> str:
    out = []
    out.append("// @generated by gen/arch_intrinsics.py from the pinned stdarch")
    out.append(f"// (rustc +{TOOLCHAIN}, library/stdarch rust-version {rust_version},")
    out.append(f"// core_arch sources sha256 {digest[:16]}). DO NOT EDIT: rerun")
    out.append("// `python3 rustc_codegen_ssa_ext/gen/arch_intrinsics.py` instead.")
    out.append("//")
    out.append("// One row per distinct (arch, llvm link name) declared in core_arch for")
    out.append("// x86/x86_64 and aarch64 (no SVE/SVE2, no `llvm.arm.*`). See gen/README.md.")
    out.append("")
    out.append("use super::{Arch, Imm, Row};")
    out.append("")
    out.append("#[rustfmt::skip]")
    out.append("pub static INTRINSICS: &[Row] = &[")
    for r in rows:
        args = "&[" + ", ".join(rust_str(a) for a in r.args) + "]"
        imms = "&[" + ", ".join(
            f"Imm {{ arg: {k}, min: {rust_i64(lo)}, max: {rust_i64(hi)}, values: &[{', '.join(map(str, vals))}] }}"
            for k, lo, hi, vals in r.imms
        ) + "]"
        arch = "Arch::X86" if r.arch == "x86" else "Arch::Aarch64"
        out.append(
            f"    Row {{ name: {rust_str(r.name)}, arch: {arch}, args: {args}, ret: {rust_str(r.ret)}, "
            f"features: {rust_str(r.features)}, imms: {imms}, instr: {rust_str(r.instr)}, wrapper: {rust_str(r.wrapper)}, asm: {rust_str(r.asm)} }}, "
            f"// {r.n_wrappers} wrapper{'' if r.n_wrappers == 1 else 's'}"
        )
    out.append("];")
    out.append("")
    return "\n".join(out)


def default_stdarch() -> Path:
    # Through rustup's proxy, or (when the toolchain's own rustc is first on PATH, as
    # in clif.sh) directly if it is the pinned one.
    sysroot = None
    for cmd in (["rustc", f"+{TOOLCHAIN}", "--print", "sysroot"], ["rustc", "--print", "sysroot"]):
        try:
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            continue
        if TOOLCHAIN in out:
            sysroot = out
            break
    if sysroot is None:
        sys.exit(f"error: cannot find the sysroot of `{TOOLCHAIN}` with rustc; pass the stdarch dir")
    return Path(sysroot) / "lib" / "rustlib" / "src" / "rust" / "library" / "stdarch"


def main(argv=None):
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stdarch", nargs="?", type=Path, help="stdarch checkout (default: from the pinned toolchain)")
    ap.add_argument("--out", type=Path, default=here.parent / "src" / "arch" / "table.rs")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the output would change")
    ap.add_argument("--no-asm-report", action="store_true", help="list the x86 rows without a template")
    ap.add_argument("--quiet", action="store_true", help="only print warnings")
    ap.add_argument("--verbose", action="store_true", help="print every diagnostic entry")
    ap.add_argument("--json", type=Path, help="also dump rows + diagnostics as JSON (debugging aid)")
    args = ap.parse_args(argv)
    stdarch = args.stdarch or default_stdarch()
    gc.disable()  # millions of small token objects, no cycles worth collecting
    rows, diags, unmapped, warnings, digest, _files = analyse(stdarch)
    sys.path.insert(0, str(here))
    import x86_asm

    import aarch64_asm

    no_asm = x86_asm.fill(rows, stdarch / "intrinsics_data" / "x86-intel.xml")
    no_asm.update(aarch64_asm.fill(rows))
    if args.no_asm_report:
        for name, why in sorted(no_asm.items()):
            print(f"no template: {name}: {why}")
    rv_file = stdarch / "rust-version"
    rust_version = rv_file.read_text().strip() if rv_file.exists() else "unknown"
    text = emit(rows, digest, rust_version)

    for w in warnings:
        print("warning:", w, file=sys.stderr)
    if unmapped:
        print("warning: unmapped Rust types (kept as ?<type>):", file=sys.stderr)
        for t, c in sorted(unmapped.items()):
            print(f"    {t} x{c}", file=sys.stderr)

    if not args.quiet:
        for arch in ("x86", "aarch64"):
            rs = [r for r in rows if r.arch == arch]
            print(f"{arch}: {len(rs)} names, {sum(1 for r in rs if r.imms)} with immediates, "
                  f"{sum(1 for r in rs if any(a.startswith('?') for a in r.args + [r.ret]))} with unmapped types, "
                  f"{sum(1 for r in rs if r.n_wrappers == 0)} without a calling wrapper, "
                  f"{sum(1 for r in rs if r.feature_source != 'wrapper')} with features not from a direct wrapper, "
                  f"{sum(1 for r in rs if not r.features)} without features, "
                  f"{sum(1 for r in rs if r.asm)} with an assembly template")
        for k in sorted(diags):
            v = diags[k]
            print(f"{k}: {len(v)}")
            for e in (v if args.verbose else v[:5]):
                print("    " + e)
            if not args.verbose and len(v) > 5:
                print(f"    ... ({len(v) - 5} more, --verbose)")
        nowr = [f"{r.arch}:{r.name}" for r in rows if r.n_wrappers == 0]
        if nowr:
            print("no calling wrapper:", ", ".join(nowr))

    if args.json:
        import json

        blob = {
            "rows": [r.__dict__ for r in rows],
            "diagnostics": {k: v for k, v in sorted(diags.items())},
            "unmapped_types": dict(sorted(unmapped.items())),
            "warnings": warnings,
        }
        args.json.write_text(json.dumps(blob, indent=1, sort_keys=True) + "\n")

    if args.check:
        old = args.out.read_text() if args.out.exists() else None
        if old != text:
            print(f"{args.out} is out of date", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    old = args.out.read_text() if args.out.exists() else None
    if old != text:
        args.out.write_text(text)
    if not args.quiet:
        print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
