#!/usr/bin/env python3
"""Generates differential tests for the `llvm.x86.*` rows of `src/arch/table.rs`.

Each test program calls the LLVM intrinsics directly (`extern "unadjusted"` with the
row's link name and shapes), with edge inputs for each lane type and every immediate of
a small range (a fixed sample of a large one), and prints the result bytes. difftest
builds it with LLVM and with our backend and compares the output, so every row is
checked against LLVM bit for bit. A row whose target features this CPU lacks prints
`skipped` (on both sides), never a result.

Rows left out: those without a template (unsupported: a compile-time error), those
taking pointers (loads, stores, gathers: tested by hand), without
a value result or without arguments (fences, rdrand, xsave, ...), and whose feature
std's `is_x86_feature_detected!` does not know.

    python3 rustc_codegen_ssa_ext/gen/arch_difftests.py [--check]
"""

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLE = HERE.parent / "src" / "arch" / "table.rs"
OUT = HERE.parent.parent / "tests" / "run-pass"

# Names std's `is_x86_feature_detected!` accepts (nightly-2026-05-20).
DETECTABLE = set(
    """aes pclmulqdq rdrand rdseed tsc mmx sse sse2 sse3 ssse3 sse4.1 sse4.2 sse4a sha avx avx2
    avx512f avx512cd avx512er avx512pf avx512bw avx512dq avx512vl avx512ifma avx512vbmi
    avx512vpopcntdq avx512vbmi2 gfni vaes vpclmulqdq avx512vnni avx512bitalg avx512bf16
    avx512vp2intersect avx512fp16 avxvnni avxifma avxneconvert avxvnniint8 avxvnniint16
    amx-tile amx-int8 amx-bf16 amx-fp16 amx-complex f16c fma bmi1 bmi2 abm lzcnt tbm popcnt
    fxsr xsave xsaveopt xsaves xsavec cmpxchg16b adx rtm movbe ermsb sha512 sm3 sm4 kl widekl""".split()
)

ROW = re.compile(
    r'Row \{ name: "(?P<name>[^"]+)", arch: Arch::X86, args: &\[(?P<args>[^\]]*)\], ret: "(?P<ret>[^"]*)", '
    r'features: "(?P<features>[^"]*)", imms: &\[(?P<imms>.*?)\], instr: "[^"]*", wrapper: "(?P<wrapper>[^"]*)", '
    r'asm: "(?P<asm>(?:[^"\\]|\\.)*)" \}'
)
IMM = re.compile(r"Imm \{ arg: (\d+), min: ([-\w:]+), max: ([-\w:]+), values: &\[([^\]]*)\] \}")

GROUPS = [
    ("sse", r"llvm\.x86\.(sse|sse2|sse3)\."),
    ("sse4", r"llvm\.x86\.(ssse3|sse41|sse42|sse4a)\."),
    ("avx", r"llvm\.x86\.(avx|fma|vcvt|xop)\."),
    ("avx2", r"llvm\.x86\.avx2\."),
    ("avx512_fp16", r"llvm\.x86\.avx512fp16\."),
    ("avx512_mask", r"llvm\.x86\.avx512\.mask"),
    ("avx512", r"llvm\.x86\.(avx512|avx10)"),
    ("misc", r"llvm\.x86\."),
]


def lit(v: str) -> int:
    return {"i64::MIN": -(1 << 63), "i64::MAX": (1 << 63) - 1}.get(v, None) or int(v)


def parse_rows():
    rows = []
    for m in ROW.finditer(TABLE.read_text()):
        d = m.groupdict()
        d["args"] = [a.strip().strip('"') for a in d["args"].split(",") if a.strip()]
        d["imms"] = [
            (int(a), lit(lo), lit(hi), [int(v) for v in vals.split(",") if v.strip()])
            for a, lo, hi, vals in IMM.findall(d["imms"])
        ]
        rows.append(d)
    return rows


# Rows whose result has bits the architecture leaves undefined: only the low `n` bytes
# are compared.
DEFINED_BYTES = {"llvm.x86.sse4a.extrq": 8, "llvm.x86.sse4a.extrqi": 8, "llvm.x86.sse4a.insertq": 8,
                 "llvm.x86.sse4a.insertqi": 8}

RUST_ELEM = {"i": "i", "u": "u", "f": "f", "p": "u"}


def vec_type(shape: str):
    m = re.fullmatch(r"v([iufp])(\d+)x(\d+)", shape)
    if not m:
        return None
    k, bits, n = m.group(1), int(m.group(2)), int(m.group(3))
    if k == "f" and bits == 16:
        return f"F16x{n}", bits, n, "f"
    if k == "f" and bits not in (32, 64):
        return None
    return f"{RUST_ELEM[k]}{bits}x{n}", bits, n, k


SCALARS = {"i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f32", "f64"}


# System instructions whose operand selects a register (invalid selectors fault) or
# whose result is not a function of the inputs.
EXCLUDED = {"llvm.x86.xgetbv"}


def usable(r):
    if not r["asm"]:
        return "no assembly template (see `--no-asm-report` of arch_intrinsics.py)"
    if r["name"] in EXCLUDED:
        return "system instruction"
    if r["ret"] in ("unit",) or not r["args"]:
        return "no value result or no arguments"
    if any(a == "ptr" or a.startswith("tup") or a.startswith("arr") for a in r["args"]):
        return "pointer arguments"
    shapes = r["args"] + [r["ret"]]
    for s in shapes:
        if s.startswith("tup(") and s == r["ret"]:
            inner = s[4:-1].split(",")
            if len(inner) != 2 or not all(x in SCALARS or vec_type(x) for x in inner):
                return "tuple result"
            continue
        if not (s in SCALARS or vec_type(s)):
            return f"shape {s}"
    feats = [f for f in r["features"].split(",") if f]
    if any(f not in DETECTABLE for f in feats):
        return "feature not detectable"
    return None


def imm_values(lo, hi, vals):
    if vals:
        return vals
    if (lo, hi) == (-(1 << 31), (1 << 31) - 1):
        # A rounding operand whose range stdarch leaves open: the valid modes.
        return [4, 8, 9, 10, 11]
    if hi - lo <= 31:
        return list(range(lo, hi + 1))
    sample = [0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 15, 16, 17, 27, 31, 32, 33, 63, 64, 85, 127, 128, 170, 200, 254, 255,
              -1, -128, 65535]
    return sorted({v for v in sample if lo <= v <= hi})


def typed_lit(v: int, ty: str) -> str:
    """`v` as a literal of scalar type `ty` (wrapped into its range)."""
    bits = int(ty[1:])
    v &= (1 << bits) - 1
    if ty[0] == "i" and v >= 1 << (bits - 1):
        v -= 1 << bits
    return f"{v}{ty}"


def rust_ty(shape: str) -> str:
    if shape.startswith("tup("):
        fields = [rust_ty(x) for x in shape[4:-1].split(",")]
        if any(vec_type(x) for x in shape[4:-1].split(",")):
            # LLVM's `{ i8, <2 x i64> }`: a `#[repr(C, packed)]` struct, as stdarch has.
            return "P_" + "_".join(fields)
        return "(" + ", ".join(fields) + ")"
    v = vec_type(shape)
    return v[0] if v else shape


def program(group: str, rows) -> str:
    vec_types = set()
    for r in rows:
        for s in r["args"] + [r["ret"]]:
            for x in (s[4:-1].split(",") if s.startswith("tup(") else [s]):
                v = vec_type(x)
                if v:
                    vec_types.add(v)
    out = []
    out.append("//! @generated by rustc_codegen_ssa_ext/gen/arch_difftests.py: do not edit.")
    out.append(f"//! The `llvm.x86.*` intrinsics of group `{group}`, called directly with edge inputs and")
    out.append("//! every immediate of a small range; rows whose features this CPU lacks print `skipped`.")
    out.append("#![feature(link_llvm_intrinsics, abi_unadjusted, repr_simd, simd_ffi, f16)]")
    out.append("#![allow(improper_ctypes, non_camel_case_types, internal_features, unused)]")
    out.append("")
    out.append("#[cfg(target_arch = \"x86_64\")]")
    out.append("mod imp {")
    for name, bits, n, k in sorted(vec_types):
        elem = "f16" if name.startswith("F16") else f"{RUST_ELEM[k]}{bits}" if k != "f" else f"f{bits}"
        out.append(f"    #[repr(simd)] #[derive(Copy, Clone)] pub struct {name}([{elem}; {n}]);")
    out.append("")
    for r in rows:
        t = rust_ty(r["ret"])
        if t.startswith("P_") and f"struct {t}(" not in "\n".join(out):
            fields = ", ".join(rust_ty(x) for x in r["ret"][4:-1].split(","))
            out.append(f"    #[repr(C, packed)] #[derive(Copy, Clone)] pub struct {t}({fields});")
    out.append("    unsafe extern \"unadjusted\" {")
    for i, r in enumerate(rows):
        params = ", ".join(f"a{j}: {rust_ty(a)}" for j, a in enumerate(r["args"]))
        out.append(f"        #[link_name = \"{r['name']}\"] fn f{i}({params}) -> {rust_ty(r['ret'])};")
    out.append("    }")
    out.append("")
    out.append(HELPERS)
    for i, r in enumerate(rows):
        feats = [f for f in r["features"].split(",") if f]
        imms = {a: imm_values(lo, hi, vals) for a, lo, hi, vals in r["imms"]}
        # One combination list: every value of each immediate, the others at their first.
        combos = [{}]
        if imms:
            combos = []
            first = {a: v[0] for a, v in imms.items()}
            for a, vs in imms.items():
                for v in vs:
                    c = dict(first)
                    c[a] = v
                    if c not in combos:
                        combos.append(c)
        if r["name"] in ("llvm.x86.sse4a.extrqi", "llvm.x86.sse4a.insertqi"):
            # (length, index): the result is undefined when length + index > 64 (length 0
            # means 64).
            a, b = sorted(imms)
            combos = [{a: 0, b: 0}] + [{a: n, b: i} for n in (1, 8, 16, 32, 63) for i in (0, 1, 7, 16, 31)
                                       if n + i <= 64]
        tf = f"#[target_feature(enable = \"{','.join(feats)}\")]" if feats else ""
        out.append(f"    {tf}")
        out.append(f"    unsafe fn t{i}(seed: u64) {{")
        for c in combos:
            args = []
            for j, a in enumerate(r["args"]):
                if j in c:
                    args.append(typed_lit(c[j], a))
                else:
                    args.append(f"input::<{rust_ty(a)}>(seed, {j})")
            tag = " ".join(str(c[a]) for a in sorted(c))
            keep = DEFINED_BYTES.get(r["name"], 64)
            call = f"unsafe {{ f{i}({', '.join(args)}) }}"
            if r["ret"].startswith("tup("):
                # Field by field: the padding between them is unspecified.
                out.append(f"        let r = {call};")
                out.append(f"        show(\"{r['name']} {tag}\".trim_end(), &{{ r.0 }}, 64);")
                for k in range(1, len(r["ret"][4:-1].split(","))):
                    out.append(f"        show(\"  .{k}\", &{{ r.{k} }}, 64);")
            else:
                out.append(f"        show(\"{r['name']} {tag}\".trim_end(), &{call}, {keep});")
        out.append("    }")
    out.append("")
    out.append("    pub fn main() {")
    out.append("        for seed in 0..4u64 {")
    for i, r in enumerate(rows):
        feats = [f for f in r["features"].split(",") if f]
        cond = " && ".join(f"std::arch::is_x86_feature_detected!(\"{f}\")" for f in feats) or "true"
        out.append(f"            if {cond} {{ unsafe {{ t{i}(seed) }} }} else if seed == 0 {{ println!(\"{r['name']}: skipped\") }}")
    out.append("        }")
    out.append("    }")
    out.append("}")
    out.append("")
    out.append("fn main() {")
    out.append("    #[cfg(target_arch = \"x86_64\")]")
    out.append("    imp::main();")
    out.append("}")
    out.append("")
    return "\n".join(out)


HELPERS = r"""
    /// Lane patterns that stress each lane type: zeros, ones, extremes, NaNs, infinities,
    /// subnormals, signed zeros, and pseudo-random bits.
    const EDGE64: [u64; 16] = [
        0, u64::MAX, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff, 1, 0x7ff8_0000_0000_0000,
        0x7ff0_0000_0000_0000, 0xfff0_0000_0000_0000, 0x0000_0000_0000_0001, 0x3ff0_0000_0000_0000,
        0x7fc0_0000_7f80_0000, 0x8000_0000_ff80_0000, 0x0000_0001_807f_ffff, 0x4f00_0000_cf00_0000,
        0x3f80_0000_bf80_0000, 0x0080_8080_7f7f_7fff,
    ];

    fn mix(mut x: u64) -> u64 {
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }

    /// The bytes of argument `arg` for `seed`: seed 0 is edge patterns, 1 small numbers,
    /// 2 and 3 random bits with some edge lanes.
    fn input<T: Copy>(seed: u64, arg: usize) -> T {
        let n = std::mem::size_of::<T>();
        let mut bytes = [0u8; 64];
        for w in 0..8 {
            let r = mix(seed * 1000 + arg as u64 * 10 + w as u64);
            let v = match seed {
                0 => EDGE64[(w * 3 + arg * 5) % 16],
                1 => (r & 0x0007_000f_001f_0003) | 0x3f80_0000_0000_0000 * (w as u64 & 1),
                _ if r % 5 == 0 => EDGE64[(r >> 8) as usize % 16],
                _ => r,
            };
            bytes[w * 8..w * 8 + 8].copy_from_slice(&v.to_le_bytes());
        }
        assert!(n <= 64);
        unsafe { std::ptr::read_unaligned(std::hint::black_box(&bytes).as_ptr() as *const T) }
    }

    fn show<T>(what: &str, v: &T, keep: usize) {
        let n = std::mem::size_of::<T>().min(keep);
        let bytes = unsafe { std::slice::from_raw_parts(v as *const T as *const u8, n) };
        let hex: String = bytes.iter().rev().map(|b| format!("{b:02x}")).collect();
        println!("{what}: {hex}");
    }
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if a generated file would change")
    ap.add_argument("--list-skipped", action="store_true")
    args = ap.parse_args(argv)
    rows = parse_rows()
    x86 = [r for r in rows if r["name"].startswith("llvm.x86.")]
    groups = {g: [] for g, _ in GROUPS}
    left_out = {}
    for r in x86:
        why = usable(r)
        if why:
            left_out[r["name"]] = why
            continue
        for g, pat in GROUPS:
            if re.match(pat, r["name"]):
                groups[g].append(r)
                break
    stale = False
    for g, rs in groups.items():
        path = OUT / f"arch_x86_gen_{g}.rs"
        if not rs:
            if path.exists():
                if args.check:
                    print(f"{path} should not exist (no rows)", file=sys.stderr)
                    stale = True
                else:
                    path.unlink()
            continue
        text = program(g, rs)
        if args.check:
            if not path.exists() or path.read_text() != text:
                print(f"{path} is out of date", file=sys.stderr)
                stale = True
        else:
            path.write_text(text)
    n = sum(1 for v in groups.values() if v)
    print(f"{sum(len(v) for v in groups.values())} rows in {n} programs, {len(left_out)} left out")
    if args.list_skipped:
        for n, why in sorted(left_out.items()):
            print(f"  {n}: {why}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
