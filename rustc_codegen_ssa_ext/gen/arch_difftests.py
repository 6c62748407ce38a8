#!/usr/bin/env python3
"""Generates differential tests for the x86 (`llvm.x86.*`) and aarch64 (`Arch::Aarch64`)
rows of `src/arch/table.rs`: `tests/run-pass/arch_x86_gen_<group>.rs` and
`tests/run-pass/arch_aarch64_gen_<group>.rs`.

Each test program calls the LLVM intrinsics directly (`extern "unadjusted"` with the
row's link name and shapes), with edge inputs for each lane type and every immediate of
a small range (a fixed sample of a large one), and prints the result bytes. difftest
builds it with LLVM and with our backend and compares the output, so every row is
checked against LLVM bit for bit. A row whose target features this CPU lacks prints
`skipped` (on both sides), never a result.

x86 rows left out: those without a template (unsupported: a compile-time error), those
taking pointers (loads, stores, gathers: tested by hand), without
a value result or without arguments (fences, rdrand, xsave, ...), and whose feature
std's `is_x86_feature_detected!` does not know.

aarch64: NEON's multi-vector results (`arrN`) are `#[repr(C)]` structs of vectors, printed
field by field; the loads and stores (`ld2`…`ld4lane`, `st1x2`…`st4lane`) get a pointer
into a 16-byte-aligned 64-byte buffer filled from the inputs, and a store prints the whole
buffer. Lane and fraction-bit immediates are kept to what the instruction encodes, and
`sqshlu`'s vector shift count is a constant splat. Rows left out: those without a
template (unless `--ignore-asm`, which includes them so that the programs can be checked
with LLVM alone; give `--check` the same flag), system and hint instructions, MTE, the
random-number registers, and features `is_aarch64_feature_detected!` does not know.

    python3 rustc_codegen_ssa_ext/gen/arch_difftests.py [--check] [--ignore-asm] [--list-skipped]
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
    r'Row \{ name: "(?P<name>[^"]+)", arch: Arch::(?P<arch>X86|Aarch64), args: &\[(?P<args>[^\]]*)\], ret: "(?P<ret>[^"]*)", '
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


# --- aarch64 ---------------------------------------------------------------------------

# Names std's `is_aarch64_feature_detected!` accepts (nightly-2026-05-20,
# library/std_detect/src/detect/arch/aarch64.rs; `asimd` is an alias of `neon`); those
# from `cssc` on are unstable (`stdarch_aarch64_feature_detection`).
DETECTABLE_AARCH64 = set(
    """asimd neon pmull fp aes bf16 bti crc dit dpb dpb2 dotprod f32mm f64mm fcma fhm flagm fp16
    frintts i8mm jsconv lse lse2 mte paca pacg rand rcpc rcpc2 rdm sb sha2 sha3 sm4 ssbs sve sve2
    sve2-aes sve2-bitperm sve2-sha3 sve2-sm4 tme
    cssc ecv faminmax flagm2 fp8 fp8dot2 fp8dot4 fp8fma fpmr hbc lse128 lut mops pauth-lr rcpc3
    sme sme2 sme2p1 sme-b16b16 sme-f16f16 sme-f64f64 sme-f8f16 sme-f8f32 sme-fa64 sme-i16i64
    sme-lutv2 ssve-fp8dot2 ssve-fp8dot4 ssve-fp8fma sve2p1 sve-b16b16 wfxt""".split()
)
# Every aarch64 Linux CPU has them: no run-time check.
BASELINE_AARCH64 = {"neon", "fp-armv8"}

AARCH64_GROUPS = ["neon_int", "neon_float", "neon_fp16", "neon_ldst", "crypto", "misc"]


def aarch64_group(r) -> str:
    n = r["name"]
    if re.match(r"llvm\.aarch64\.(crypto\.|crc32)|llvm\.aarch64\.neon\.pmull64$", n):
        return "crypto"
    if re.match(r"llvm\.aarch64\.neon\.(ld|st)\d", n):
        return "neon_ldst"
    if n.startswith("llvm.aarch64.neon.") or not n.startswith("llvm.aarch64."):
        lanes = [a64_elem(s) for s in r["args"] + [r["ret"]]]
        if "f16" in lanes:
            return "neon_fp16"
        return "neon_float" if {"f32", "f64"} & set(lanes) else "neon_int"
    return "misc"


# Leave-outs by name: system and hint instructions (no value to compare), MTE (tagged
# memory, random tags) and the random-number registers.
EXCLUDED_AARCH64 = {
    **{f"llvm.aarch64.{n}": "system/hint instruction" for n in ("dmb", "dsb", "isb", "hint")},
    "llvm.prefetch": "system/hint instruction",
    **{f"llvm.aarch64.{n}": "MTE: needs tagged memory, random tags" for n in
       ("irg", "addg", "gmi", "subp", "ldg", "stg")},
    "llvm.aarch64.rndr": "random result",
    "llvm.aarch64.rndrrs": "random result",
}

AARCH64_SCALARS = SCALARS | {"f16", "p64"}


def a64_arr(shape: str):
    """`arrN(v…)` → (N, inner shape), else None."""
    m = re.fullmatch(r"arr(\d)\((v\w+)\)", shape)
    return (int(m.group(1)), m.group(2)) if m and vec_type(m.group(2)) else None


def a64_elem(shape: str):
    """The Rust lane (or scalar) type of a shape, None for `ptr`/`unit`."""
    a = a64_arr(shape)
    v = vec_type(a[1] if a else shape)
    if v:
        return f"f{v[1]}" if v[3] == "f" else f"{RUST_ELEM[v[3]]}{v[1]}"
    return {"p64": "u64"}.get(shape, shape if shape in AARCH64_SCALARS else None)


def a64_ty(shape: str, store: bool = False) -> str:
    a = a64_arr(shape)
    if a:
        return f"A{a[0]}_{vec_type(a[1])[0]}"
    if shape == "ptr":
        return "*mut i8" if store else "*const i8"
    if shape == "unit":
        return "()"
    v = vec_type(shape)
    return v[0] if v else {"p64": "u64"}.get(shape, shape)


def usable_aarch64(r, ignore_asm: bool):
    if r["name"] in EXCLUDED_AARCH64:
        return EXCLUDED_AARCH64[r["name"]]
    if not r["asm"] and not ignore_asm:
        return "no assembly template (gen/aarch64_asm.py; `--ignore-asm` includes it)"
    if not r["args"]:
        return "no arguments"
    has_ptr = "ptr" in r["args"]
    if has_ptr and not re.match(r"llvm\.aarch64\.neon\.(ld|st)\d", r["name"]):
        return "pointer arguments"
    if r["ret"] == "unit" and not has_ptr:
        return "no value result"
    for s in r["args"] + [r["ret"]]:
        if s in ("ptr", "unit") or s in AARCH64_SCALARS or vec_type(s):
            continue
        if a64_arr(s) and s == r["ret"]:
            continue
        return f"shape {s}"
    feats = [f for f in r["features"].split(",") if f and f not in BASELINE_AARCH64]
    if any(f not in DETECTABLE_AARCH64 for f in feats):
        return "feature not detectable"
    return None


def lane_imm_arg(r):
    """The lane operand of `ld2lane`…`st4lane` and the lane count of their vectors."""
    if re.match(r"llvm\.aarch64\.neon\.(ld|st)\dlane\.", r["name"]) and r["imms"]:
        return r["imms"][0][0], vec_type(r["args"][0])[2]
    return None


def narrowed_imms(r):
    """The immediates of `r` (arg → values), restricted to what the instruction encodes
    where stdarch's range is wider; and the args so restricted."""
    imms = {a: imm_values(lo, hi, vals) for a, lo, hi, vals in r["imms"]}
    limit = {}
    lane = lane_imm_arg(r)
    if lane:
        # The lane of ld2lane…st4lane: below the lane count (stdarch's `vld2_lane_f32`
        # takes 2 bits, `vld3q_lane_s16` 4).
        limit[lane[0]] = lane[1] - 1
    m = re.match(r"llvm\.aarch64\.neon\.vcvt(fx[su]2fp|fp2fx[su])\.", r["name"])
    if m and r["imms"]:
        # Fraction bits: at most the integer's width (stdarch's `vcvts_n_f32_s32` allows
        # 64; LLVM cannot select more than 32).
        ints = r["args"][0] if m.group(1).startswith("fx") else r["ret"]
        limit[r["imms"][0][0]] = vec_type(ints)[1] if vec_type(ints) else int(ints[1:])
    narrowed = []
    for a, hi in limit.items():
        if max(imms[a]) > hi:
            imms[a] = [v for v in imms[a] if v <= hi]
            narrowed.append(a)
    return imms, narrowed


# LLVM wants `sqshlu`'s shift count as a constant splat in 0..lane_bits-1 (an immediate
# in a vector operand): these counts, instead of `input`.
def sqshlu_counts(r):
    if r["name"].startswith("llvm.aarch64.neon.sqshlu."):
        bits = vec_type(r["args"][1])[1]
        return 1, sorted({0, 1, bits // 2, bits - 1})
    return None


def program_aarch64(group: str, rows, ignore_asm: bool) -> str:
    vec_types, arr_types = {}, set()
    for r in rows:
        for s in r["args"] + [r["ret"]]:
            a = a64_arr(s)
            v = vec_type(a[1] if a else s)
            if a:
                arr_types.add((a[0], v[0]))
            if v:
                # Polynomial lanes are unsigned ones: one struct for `vp8x8` and `vu8x8`.
                vec_types.setdefault(v[0], v)
    out = []
    out.append("//! @generated by rustc_codegen_ssa_ext/gen/arch_difftests.py: do not edit.")
    out.append(f"//! The aarch64 intrinsics of group `{group}` (`llvm.aarch64.*` and the generic `llvm.*`")
    out.append("//! that core::arch uses there), called directly with edge inputs and every immediate of a")
    out.append("//! small range; loads read and stores write a 64-byte buffer; rows whose features this CPU")
    out.append("//! lacks print `skipped`.")
    if ignore_asm:
        out.append("//! Generated with `--ignore-asm`: includes rows without an assembly template, which our")
        out.append("//! backend rejects (for checking the program with LLVM).")
    out.append("#![feature(link_llvm_intrinsics, abi_unadjusted, repr_simd, simd_ffi, f16)]")
    out.append("#![cfg_attr(target_arch = \"aarch64\", feature(stdarch_aarch64_feature_detection, aarch64_unstable_target_feature))]")
    out.append("#![allow(improper_ctypes, non_camel_case_types, internal_features, unused)]")
    out.append("")
    out.append("#[cfg(target_arch = \"aarch64\")]")
    out.append("mod imp {")
    for name, bits, n, k in sorted(vec_types.values()):
        elem = "f16" if name.startswith("F16") else f"{RUST_ELEM[k]}{bits}" if k != "f" else f"f{bits}"
        out.append(f"    #[repr(simd)] #[derive(Copy, Clone)] pub struct {name}([{elem}; {n}]);")
    for n, t in sorted(arr_types):
        # NEON's `int8x8x2_t`: `#[repr(C)]` structs of vectors, LLVM's `{ <8 x i8>, <8 x i8> }`.
        out.append(f"    #[repr(C)] #[derive(Copy, Clone)] pub struct A{n}_{t}({', '.join([t] * n)});")
    out.append("    /// The memory of loads and stores: enough for `ld4`/`st1x4` of 16-byte vectors.")
    out.append("    #[repr(C, align(16))] #[derive(Copy, Clone)] pub struct Buf([u8; 64]);")
    out.append("")
    out.append("    unsafe extern \"unadjusted\" {")
    for i, r in enumerate(rows):
        store = r["ret"] == "unit"
        params = ", ".join(f"a{j}: {a64_ty(a, store)}" for j, a in enumerate(r["args"]))
        ret = "" if store else f" -> {a64_ty(r['ret'])}"
        out.append(f"        #[link_name = \"{r['name']}\"] fn f{i}({params}){ret};")
    out.append("    }")
    out.append("")
    out.append(HELPERS_AARCH64)
    for i, r in enumerate(rows):
        feats = [f for f in r["features"].split(",") if f]
        imms, _ = narrowed_imms(r)
        vimm = sqshlu_counts(r)
        if vimm:
            imms[vimm[0]] = vimm[1]
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
        store = r["ret"] == "unit"
        tf = f"#[target_feature(enable = \"{','.join(feats)}\")]" if feats else ""
        out.append(f"    {tf}")
        out.append(f"    unsafe fn t{i}(seed: u64) {{")
        for c in combos:
            args, pre = [], []
            for j, a in enumerate(r["args"]):
                if j in c and vec_type(a):
                    t, _, n, _ = vec_type(a)
                    args.append(f"const {{ {t}([{typed_lit(c[j], a64_elem(a))}; {n}]) }}")
                elif j in c:
                    args.append(typed_lit(c[j], a))
                elif a == "ptr":
                    pre.append(f"let {'mut ' if store else ''}b = Buf(input::<[u8; 64]>(seed, {j}));")
                    args.append("b.0.as_mut_ptr() as *mut i8" if store else "b.0.as_ptr() as *const i8")
                else:
                    args.append(f"input::<{a64_ty(a)}>(seed, {j})")
            tag = " ".join(str(c[a]) for a in sorted(c))
            what = f"\"{r['name']} {tag}\".trim_end()"
            call = f"unsafe {{ f{i}({', '.join(args)}) }}"
            body = list(pre)
            a = a64_arr(r["ret"])
            if store:
                # The whole buffer: what the store wrote and what it left alone.
                body += [f"{call};", f"show({what}, &b.0, 64);"]
            elif a:
                # Field by field, as NEON's `int8x8x2_t`.
                body += [f"let r = {call};", f"show({what}, &r.0, 64);"]
                body += [f"show(\"  .{k}\", &r.{k}, 64);" for k in range(1, a[0])]
            else:
                body += [f"show({what}, &{call}, 64);"]
            if len(body) == 1:
                out.append(f"        {body[0]}")
            else:
                out.append("        {")
                out += [f"            {b}" for b in body]
                out.append("        }")
        out.append("    }")
    out.append("")
    out.append("    pub fn main() {")
    out.append("        for seed in 0..8u64 {")
    for i, r in enumerate(rows):
        feats = [f for f in r["features"].split(",") if f and f not in BASELINE_AARCH64]
        cond = " && ".join(f"std::arch::is_aarch64_feature_detected!(\"{f}\")" for f in feats) or "true"
        out.append(f"            if {cond} {{ unsafe {{ t{i}(seed) }} }} else if seed == 0 {{ println!(\"{r['name']}: skipped\") }}")
    out.append("        }")
    out.append("    }")
    out.append("}")
    out.append("")
    out.append("fn main() {")
    out.append("    #[cfg(target_arch = \"aarch64\")]")
    out.append("    imp::main();")
    out.append("}")
    out.append("")
    return "\n".join(out)


# aarch64 runs four more seeds of moderate numbers of every width (f64 pi and -123, f32
# 5.0 and 0.5, f16 1.0 -5.0 3.14 65504, small and large integers), so that fixed-point
# conversions and rounding see values in range, not only edges and random bits.
HELPERS_AARCH64 = HELPERS.replace(
    "                1 => (r & 0x0007_000f_001f_0003)",
    """                4..=7 => [
                    0x4009_21fb_5444_2d18, 0xc05e_c000_0000_0000, 0x40a0_0000_3f00_0000,
                    0x3c00_c500_4248_7bff, 0x0000_7fff_8000_0001, 0x4049_0fdb_c2f6_e979,
                    0x41e0_0000_0000_0000, 0x0000_0000_0000_0fff,
                ][(w * 3 + arg * 5 + seed as usize) % 8],
                1 => (r & 0x0007_000f_001f_0003)""",
)
assert HELPERS_AARCH64 != HELPERS


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if a generated file would change")
    ap.add_argument("--list-skipped", action="store_true")
    ap.add_argument("--ignore-asm", action="store_true",
                    help="aarch64: include rows without an assembly template too (to check the programs "
                         "with LLVM; our backend rejects them); give it to --check as well")
    args = ap.parse_args(argv)
    rows = parse_rows()
    x86 = [r for r in rows if r["arch"] == "X86" and r["name"].startswith("llvm.x86.")]
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
    a64_groups = {g: [] for g in AARCH64_GROUPS}
    a64_left_out = {}
    for r in rows:
        if r["arch"] != "Aarch64":
            continue
        why = usable_aarch64(r, args.ignore_asm)
        if why:
            a64_left_out[r["name"]] = why
        else:
            a64_groups[aarch64_group(r)].append(r)
    files = [(OUT / f"arch_x86_gen_{g}.rs", rs, lambda g=g, rs=rs: program(g, rs)) for g, rs in groups.items()]
    files += [(OUT / f"arch_aarch64_gen_{g}.rs", rs, lambda g=g, rs=rs: program_aarch64(g, rs, args.ignore_asm))
              for g, rs in a64_groups.items()]
    stale = False
    for path, rs, gen in files:
        if not rs:
            if path.exists():
                if args.check:
                    hint = ""
                    if "`--ignore-asm`" in path.read_text():
                        hint = " (generated with --ignore-asm: pass it to --check too)"
                    print(f"{path} should not exist (no rows){hint}", file=sys.stderr)
                    stale = True
                else:
                    path.unlink()
            continue
        text = gen()
        if args.check:
            if not path.exists() or path.read_text() != text:
                hint = ""
                if path.exists() and ("`--ignore-asm`" in path.read_text()) != ("`--ignore-asm`" in text):
                    hint = " (generated with a different --ignore-asm)"
                print(f"{path} is out of date{hint}", file=sys.stderr)
                stale = True
        else:
            path.write_text(text)
    for what, gs, lo in (("x86", groups, left_out), ("aarch64", a64_groups, a64_left_out)):
        n = sum(1 for v in gs.values() if v)
        prefix = "" if what == "x86" else "aarch64: "
        print(f"{prefix}{sum(len(v) for v in gs.values())} rows in {n} programs, {len(lo)} left out")
        if args.list_skipped:
            for n, why in sorted(lo.items()):
                print(f"  {n}: {why}")
    if args.list_skipped:
        for r in (r for rs in a64_groups.values() for r in rs):
            imms, narrowed = narrowed_imms(r)
            for a in narrowed:
                hi = next(h for i, _, h, _ in r["imms"] if i == a)
                print(f"  {r['name']}: included, immediate {a} kept to <= {max(imms[a])} (table: <= {hi})")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
