"""Assembly templates for the aarch64 rows of the arch table (see gen/README.md).

A template is the body of a function `fn(area: *mut u8)` (the area pointer in x0) in the
format of `src/arch/template.rs`: one 64-byte slot per result field, then one per
argument; `{immN}` is the constant of argument N, `?N=V:text` a line kept when it is V.

Operands live where the instruction wants them: vector and NEON-scalar operands in v0-v7
(argument i in v{i}), general-purpose ones in x1-x7 (argument i in x{i+1}), results in
v16-v19 or x9. The instruction and its arrangement come from the LLVM name (its type
suffixes) and the wrapper's `assert_instr`; families that read or write more than the
plain form (accumulators, reductions, widening and narrowing, structure loads and stores,
table lookups, the crypto instructions) have their own forms below.

Every template is checked by the generated differential tests
(`tests/run-pass/arch_aarch64_gen_*.rs`) under qemu-aarch64 against LLVM.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SLOT = 64


class Fail(Exception):
    pass


# --------------------------------------------------------------------------
# Shapes and LLVM types


def shape_bytes(s: str) -> int:
    m = re.fullmatch(r"v[iufp](\d+)x(\d+)", s)
    if m:
        return int(m.group(1)) * int(m.group(2)) // 8
    m = re.fullmatch(r"arr(\d)\((.*)\)", s)
    if m:
        return int(m.group(1)) * shape_bytes(m.group(2))
    m = re.fullmatch(r"[iufp](\d+)", s)
    if m:
        return int(m.group(1)) // 8
    if s == "ptr":
        return 8
    if s == "bool":
        return 1
    raise Fail(f"shape {s}")


def is_vec(s: str) -> bool:
    return s.startswith("v")


def lane_bits(s: str) -> int:
    m = re.fullmatch(r"v[iufp](\d+)x\d+", s)
    return int(m.group(1))


def lanes(s: str) -> int:
    return int(re.fullmatch(r"v[iufp]\d+x(\d+)", s).group(1))


def arrangement(s: str) -> str:
    """`8b`, `4s`, ...; a one-lane 64-bit vector is the scalar `d`."""
    if not is_vec(s):
        raise Fail(f"arrangement of {s}")
    n, b = lanes(s), lane_bits(s)
    if n == 1:
        return "d"
    return f"{n}{'bhsd'[{8: 0, 16: 1, 32: 2, 64: 3}[b]]}"


def sreg(s: str) -> str:
    """The scalar view (`b`/`h`/`s`/`d`/`q`) of a value of shape `s`."""
    if is_vec(s):
        return "d" if shape_bytes(s) == 8 else "q"
    return {1: "b", 2: "h", 4: "s", 8: "d", 16: "q"}[shape_bytes(s)]


def elem(s: str) -> str:
    """The element suffix of a lane operand (`v0.h[3]`)."""
    return "bhsd"[{8: 0, 16: 1, 32: 2, 64: 3}[lane_bits(s)]]


def op(s: str, n: int) -> str:
    """Register n holding a value of shape s, as a NEON operand."""
    if is_vec(s) and lanes(s) > 1:
        return f"v{n}.{arrangement(s)}"
    return f"{sreg(s)}{n}"


def gpr(s: str, n: int) -> str:
    return f"{'x' if shape_bytes(s) == 8 else 'w'}{n}"


def n_results(ret: str) -> int:
    if ret == "unit":
        return 0
    if ret.startswith("tup("):
        return len(ret[4:-1].split(","))
    return 1


def arg_off(row, i: int) -> int:
    return SLOT * (max(n_results(row.ret), 1) + i)


def load(row, i: int, reg: int, kind: str = "v") -> str:
    s = row.args[i]
    off = arg_off(row, i)
    if kind == "x":
        b = shape_bytes(s)
        if b == 8:
            return f"ldr x{reg}, [x0, #{off}]"
        if b == 4:
            return f"ldr w{reg}, [x0, #{off}]"
        return f"ldr{'h' if b == 2 else 'b'} w{reg}, [x0, #{off}]"
    return f"ldr {sreg(s)}{reg}, [x0, #{off}]"


def store(shape: str, reg: int, off: int = 0, kind: str = "v") -> str:
    if kind == "x":
        b = shape_bytes(shape)
        if b == 8:
            return f"str x{reg}, [x0, #{off}]"
        if b == 4:
            return f"str w{reg}, [x0, #{off}]"
        return f"str{'h' if b == 2 else 'b'} w{reg}, [x0, #{off}]"
    return f"str {sreg(shape)}{reg}, [x0, #{off}]"


def types(name: str) -> list:
    """The type suffixes of an overloaded LLVM name: `fcvtas.i32.f16` -> [i32, f16]."""
    out = []
    for part in name.split("."):
        if re.fullmatch(r"v\d+[if]\d+|[if]\d+|p0", part):
            out.append(part)
    return out


def imm_args(row):
    return {a for a, *_ in row.imms}


def finish(lines) -> str:
    return "\n".join(lines + ["ret"])


# --------------------------------------------------------------------------
# Families

# Elementwise with every operand of the result's type.
SAME = set("""sqadd uqadd sqsub uqsub srhadd urhadd shadd uhadd shsub uhsub sabd uabd fabd fmax fmin
fmaxnm fminnm fmulx frecps frsqrts sshl ushl srshl urshl sqshl uqshl sqrshl uqrshl smaxp sminp umaxp
uminp addp faddp fmaxp fminp fmaxnmp fminnmp pmul sqdmulh sqrdmulh sqabs sqneg abs cls frecpe frsqrte
urecpe ursqrte frecpx frint32x frint32z frint64x frint64z rax1""".split())
RENAMED = {"llvm.roundeven": "frintn", "llvm.nearbyint": "frinti", "llvm.fptosi.sat": "fcvtzs",
           "llvm.fptoui.sat": "fcvtzu"}
# First operand is also the destination.
ACCUMULATE = set("suqadd usqadd sqrdmlah sqrdmlsh".split())
FCVT = set("fcvtas fcvtau fcvtms fcvtmu fcvtns fcvtnu fcvtps fcvtpu".split())
NARROW = set("sqxtn uqxtn sqxtun".split())
NARROW_IMM = set("rshrn sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun".split())


def base_of(row) -> str:
    """The operation: `llvm.aarch64.neon.sqadd.v8i8` -> `sqadd`."""
    n = row.name
    for k, v in RENAMED.items():
        if n.startswith(k + "."):
            return v
    n = re.sub(r"^llvm\.aarch64\.(neon\.|crypto\.)?", "", n)
    parts = [p for p in n.split(".") if not re.fullmatch(r"v\d+[if]\d+|[if]\d+|p0", p)]
    return ".".join(parts)


def template(row) -> str:
    b = base_of(row)
    a = row.args
    r = row.ret
    L = []

    def load_all(kinds=None, regs=None):
        for i in range(len(a)):
            if i in imm_args(row):
                continue
            k = (kinds or {}).get(i, "x" if a[i] == "ptr" else "v")
            reg = (regs or {}).get(i, i + 1 if k == "x" else i)
            L.append(load(row, i, reg, k))

    def done_v(reg=16, shape=None):
        L.append(store(shape or r, reg))
        return finish(L)

    def done_x(reg=9, shape=None):
        L.append(store(shape or r, reg, 0, "x"))
        return finish(L)

    if b in SAME or b in RENAMED.values():
        if b in ("fcvtzs", "fcvtzu"):
            load_all()
            L.append(f"{b} {op(r, 16)}, {op(a[0], 0)}")
            return done_v()
        load_all()
        srcs = ", ".join(op(r, i) for i in range(len(a)))
        L.append(f"{b} {op(r, 16)}, {srcs}")
        return done_v()
    if b in ("facge", "facgt"):
        load_all()
        L.append(f"{b} {op(a[0], 16)}, {op(a[0], 0)}, {op(a[1], 1)}")
        if not is_vec(r) and shape_bytes(r) != shape_bytes(a[0]):
            # A 16-bit mask in an i32.
            L.append("umov w9, v16.h[0]")
            return done_x()
        return done_v()
    if b in ACCUMULATE:
        load_all()
        L.append(f"{b} {op(r, 0)}, " + ", ".join(op(r, i) for i in range(1, len(a))))
        return done_v(0)
    if b == "sqshlu":
        # LLVM's operand is a constant splat shift count; the instruction takes only an
        # immediate. For any count: negative lanes saturate to 0, others shift as unsigned.
        load_all()
        L.append(f"uqshl {op(a[0], 16)}, {op(a[0], 0)}, {op(a[0], 1)}")
        L.append(f"cmlt {op(a[0], 2)}, {op(a[0], 0)}, #0")
        full = "16b" if shape_bytes(a[0]) == 16 else "8b"
        L.append(f"bic v16.{full}, v16.{full}, v2.{full}")
        return done_v()
    if b in FCVT:
        load_all()
        if is_vec(r):
            L.append(f"{b} {op(r, 16)}, {op(a[0], 0)}")
            return done_v()
        if shape_bytes(r) == shape_bytes(a[0]):
            L.append(f"{b} {sreg(r)}16, {sreg(a[0])}0")
            return done_v()
        L.append(f"{b} {gpr(r, 9)}, {sreg(a[0])}0")
        return done_x()
    if b in ("vcvtfp2fxs", "vcvtfp2fxu"):
        ins = "fcvtzs" if b.endswith("s") else "fcvtzu"
        load_all()
        if is_vec(r) or shape_bytes(r) == shape_bytes(a[0]):
            L.append(f"{ins} {op(r, 16)}, {op(a[0], 0)}, #{{imm1}}")
            return done_v()
        # From f16 to a wider integer: the 16-bit form (as ACLE and LLVM), zero-extended.
        L.append(f"{ins} h16, h0, #{{imm1}}")
        return done_v()
    if b in ("vcvtfxs2fp", "vcvtfxu2fp"):
        ins = "scvtf" if b == "vcvtfxs2fp" else "ucvtf"
        load_all()
        if is_vec(r) or shape_bytes(r) == shape_bytes(a[0]):
            L.append(f"{ins} {op(r, 16)}, {op(a[0], 0)}, #{{imm1}}")
        else:
            # To f16 from a wider integer: the 16-bit form on its low half (as ACLE and LLVM).
            L.append(f"{ins} h16, h0, #{{imm1}}")
        return done_v()
    if b in NARROW or b.startswith("scalar."):
        ins = b.replace("scalar.", "")
        load_all()
        if is_vec(r):
            L.append(f"{ins} {op(r, 16)}, v0.{wide(r)}")
        else:
            L.append(f"{ins} {sreg(r)}16, {sreg(a[0])}0")
        return done_v()
    if b in NARROW_IMM:
        load_all()
        if is_vec(r):
            L.append(f"{b} {op(r, 16)}, v0.{wide(r)}, #{{imm1}}")
        else:
            L.append(f"{b} {sreg(r)}16, {sreg(a[0])}0, #{{imm1}}")
        return done_v()
    if b in ("raddhn", "rsubhn"):
        load_all()
        L.append(f"{b} {op(r, 16)}, v0.{wide(r)}, v1.{wide(r)}")
        return done_v()
    if b == "fcvtxn":
        load_all()
        L.append(f"fcvtxn {op(r, 16)}, {op(a[0], 0)}")
        return done_v()
    if b in ("sqdmull", "pmull"):
        load_all()
        L.append(f"{b} {op(r, 16)}, {op(a[0], 0)}, {op(a[1], 1)}")
        return done_v()
    if b == "sqdmulls.scalar":
        load_all()
        L.append("sqdmull d16, s0, s1")
        return done_v()
    if b == "pmull64":
        load_all()
        L.append("pmull v16.1q, v0.1d, v1.1d")
        return done_v()
    if b in ("saddlp", "uaddlp"):
        load_all()
        dst = "1d" if r.endswith("x1") else arrangement(r)
        L.append(f"{b} v16.{dst}, {op(a[0], 0)}")
        return done_v()
    if b in ("saddlv", "uaddlv"):
        load_all()
        if lanes(a[0]) == 2:
            L.append(f"{b.replace('lv', 'lp')} v16.1d, {op(a[0], 0)}")
            return done_v()
        wide_reg = {8: "h", 16: "s", 32: "d"}[lane_bits(a[0])]
        L.append(f"{b} {wide_reg}16, {op(a[0], 0)}")
        # A 16-bit sum in an i32 is zero-extended (the instruction clears the rest), as LLVM.
        return done_v()
    if b in ("fmaxv", "fminv", "fmaxnmv", "fminnmv", "faddv"):
        load_all()
        pair = b[:-1] + "p"
        if b == "faddv" and lanes(a[0]) == 4:
            L.append(f"faddp v16.4s, v0.4s, v0.4s")
            L.append(f"faddp s16, v16.2s")
        elif lanes(a[0]) == 2:
            L.append(f"{pair} {sreg(r)}16, {op(a[0], 0)}")
        else:
            L.append(f"{b} {sreg(r)}16, {op(a[0], 0)}")
        return done_v()
    if b in ("fmlal", "fmlal2", "fmlsl", "fmlsl2"):
        load_all()
        half = "2h" if shape_bytes(r) == 8 else "4h"
        L.append(f"{b} {op(r, 0)}, v1.{half}, v2.{half}")
        return done_v(0)
    if b in ("sdot", "udot", "usdot", "smmla", "ummla", "usmmla"):
        load_all()
        L.append(f"{b} {op(r, 0)}, {op(a[1], 1)}, {op(a[2], 2)}")
        return done_v(0)
    if b.startswith("vcmla.rot"):
        load_all()
        L.append(f"fcmla {op(r, 0)}, {op(r, 1)}, {op(r, 2)}, #{b[9:]}")
        return done_v(0)
    if b.startswith("vcadd.rot"):
        load_all()
        L.append(f"fcadd {op(r, 16)}, {op(r, 0)}, {op(r, 1)}, #{b[9:]}")
        return done_v()
    if b == "vsli":
        load_all()
        L.append(f"sli {op(r, 0)}, {op(r, 1)}, #{{imm2}}")
        return done_v(0)
    m = re.fullmatch(r"(tbl|tbx)([1-4])", b)
    if m:
        n = int(m.group(2))
        load_all()
        first = 1 if m.group(1) == "tbx" else 0
        tables = ", ".join(f"v{first + i}.16b" for i in range(n))
        dst = 0 if first else 16
        L.append(f"{m.group(1)} {op(r, dst)}, {{{tables}}}, {op(r, first + n)}")
        return done_v(dst)
    m = re.fullmatch(r"(ld[1-4])(r|lane)?", b)
    if m:
        return structure_load(row, L, m.group(1), m.group(2) or "")
    m = re.fullmatch(r"st1x([2-4])|(st[2-4])(lane)?", b)
    if m:
        return structure_store(row, L, b)
    if b in ("famax", "famin", "fp8.fscale"):
        load_all()
        L.append(f"{b.replace('fp8.', '')} {op(r, 16)}, {op(r, 0)}, {op(r, 1)}")
        return done_v()
    m = re.fullmatch(r"vluti([24])q?\.(lane|laneq)(\.x2)?", b)
    if m:
        # luti2/luti4: table register(s), then the index register and its segment.
        load_all()
        arr = "16b" if lane_bits(r) == 8 else "8h"
        n = 2 if m.group(3) else 1
        tables = ", ".join(f"v{i}.{arr}" for i in range(n))
        lane = row.imms[0][0]
        L.append(f"luti{m.group(1)} v16.{arr}, {{{tables}}}, v{n}[{{imm{lane}}}]")
        return done_v()
    c = crypto(row, b, L)
    if c is not None:
        return c
    s = system(row, b, L)
    if s is not None:
        return s
    raise Fail(f"no form for {b}")


def wide(r: str) -> str:
    """The arrangement of the double-width source of a narrowing to vector shape r."""
    n, bits = lanes(r), lane_bits(r)
    return f"{n}{'bhsd'[{8: 1, 16: 2, 32: 3}[bits]]}"


def reg_list(shape: str, first: int, n: int, lane: bool) -> str:
    if lane:
        return "{" + ", ".join(f"v{first + i}.{elem(shape)}" for i in range(n)) + "}"
    arr = "1d" if lanes(shape) == 1 else arrangement(shape)
    return "{" + ", ".join(f"v{first + i}.{arr}" for i in range(n)) + "}"


def structure_load(row, L, ins, kind) -> str:
    inner = re.fullmatch(r"arr(\d)\((.*)\)", row.ret)
    n, v = int(inner.group(1)), inner.group(2)
    ptr = len(row.args) - 1
    L.append(load(row, ptr, 1, "x"))
    if kind == "lane":
        for i in range(n):
            L.append(load(row, i, 16 + i))
        lane = row.imms[0][0]
        L.append(f"{ins} {reg_list(v, 16, n, True)}[{{imm{lane}}}], [x1]")
    elif kind == "r":
        L.append(f"{ins}r {reg_list(v, 16, n, False)}, [x1]")
    else:
        # ld2 of one-lane vectors is ld1 of two registers (the instruction has no .1d).
        ins = "ld1" if lanes(v) == 1 else ins
        L.append(f"{ins} {reg_list(v, 16, n, False)}, [x1]")
    size = shape_bytes(v)
    for i in range(n):
        L.append(store(v, 16 + i, i * size))
    return finish(L)


def structure_store(row, L, b) -> str:
    m = re.fullmatch(r"st1x([2-4])", b)
    ptr = len(row.args) - 1
    imms = imm_args(row)
    vecs = [i for i in range(ptr) if i not in imms]
    v = row.args[0]
    L.append(load(row, ptr, 1, "x"))
    for k, i in enumerate(vecs):
        L.append(load(row, i, 16 + k))
    n = len(vecs)
    if m:
        L.append(f"st1 {reg_list(v, 16, n, False)}, [x1]")
    elif b.endswith("lane"):
        lane = row.imms[0][0]
        L.append(f"{b[:3]} {reg_list(v, 16, n, True)}[{{imm{lane}}}], [x1]")
    else:
        ins = "st1" if lanes(v) == 1 else b
        L.append(f"{ins} {reg_list(v, 16, n, False)}, [x1]")
    return finish(L)


# The crypto instructions: operands after the mnemonic (argument i is in v{i}; the result
# is in v16, or in v0 for those that update their first operand).
CRYPTO = {
    **dict.fromkeys(("aese", "aesd"), "v0.16b, v1.16b"),
    **dict.fromkeys(("aesmc", "aesimc"), "v16.16b, v0.16b"),
    **dict.fromkeys(("sha1c", "sha1m", "sha1p"), "q0, s1, v2.4s"),
    "sha1h": "s16, s0",
    **dict.fromkeys(("sha1su0", "sha256su1", "sm3partw1", "sm3partw2"), "v0.4s, v1.4s, v2.4s"),
    **dict.fromkeys(("sha1su1", "sha256su0", "sm4e"), "v0.4s, v1.4s"),
    **dict.fromkeys(("sha256h", "sha256h2"), "q0, q1, v2.4s"),
    **dict.fromkeys(("sha512h", "sha512h2"), "q0, q1, v2.2d"),
    "sha512su0": "v0.2d, v1.2d",
    "sha512su1": "v0.2d, v1.2d, v2.2d",
    **dict.fromkeys(("eor3", "bcax"), "v16.16b, v0.16b, v1.16b, v2.16b"),
    "xar": "v16.2d, v0.2d, v1.2d, #{imm2}",
    "sm3ss1": "v16.4s, v0.4s, v1.4s, v2.4s",
    **dict.fromkeys(("sm3tt1a", "sm3tt1b", "sm3tt2a", "sm3tt2b"), "v0.4s, v1.4s, v2.s[{imm3}]"),
    "sm4ekey": "v16.4s, v0.4s, v1.4s",
}


def crypto(row, b, L):
    # `eor3s`/`eor3u`, `bcaxs`/`bcaxu`: one instruction for signed and unsigned lanes.
    ins = b[:-1] if b in ("eor3s", "eor3u", "bcaxs", "bcaxu") else b
    if ins not in CRYPTO:
        return None
    for i in range(len(row.args)):
        if i not in imm_args(row):
            L.append(load(row, i, i))
    operands = CRYPTO[ins]
    L.append(f"{ins} {operands}")
    L.append(store(row.ret, int(re.match(r"[vqs](\d+)", operands).group(1))))
    return finish(L)


def system(row, b, L):
    a, r = row.args, row.ret
    if re.fullmatch(r"crc32c?[bhwx]", b):
        L.append(load(row, 0, 1, "x"))
        L.append(load(row, 1, 2, "x"))
        L.append(f"{b} w9, w1, {gpr(a[1], 2)}")
        L.append(store(r, 9, 0, "x"))
    elif b in ("dmb", "dsb", "isb", "hint"):
        L.append(f"{b} #{{imm0}}")
    elif b == "fjcvtzs":
        L.append(load(row, 0, 0))
        L.append("fjcvtzs w9, d0")
        L.append(store(r, 9, 0, "x"))
    elif b in ("frint32x", "frint32z", "frint64x", "frint64z"):
        L.append(load(row, 0, 0))
        L.append(f"{b} {sreg(r)}16, {sreg(r)}0")
        L.append(store(r, 16))
    elif b in ("rndr", "rndrrs"):
        # RNDR / RNDRRS; NZCV is 0b0100 when no random number was available.
        L.append(f"mrs x9, {'s3_3_c2_c4_0' if b == 'rndr' else 's3_3_c2_c4_1'}")
        L.append("cset w10, eq")
        L.append("str x9, [x0]")
        L.append(f"strb w10, [x0, #{SLOT}]")
    elif b in ("irg", "gmi", "subp"):
        L.append(load(row, 0, 1, "x"))
        L.append(load(row, 1, 2, "x"))
        L.append(f"{b} x9, x1, x2")
        L.append(store(r, 9, 0, "x"))
    elif b == "addg":
        L.append(load(row, 0, 1, "x"))
        L.append("addg x9, x1, #0, #{imm1}")
        L.append(store(r, 9, 0, "x"))
    elif b == "ldg":
        L.append(load(row, 0, 9, "x"))
        L.append(load(row, 1, 2, "x"))
        L.append("ldg x9, [x2]")
        L.append(store(r, 9, 0, "x"))
    elif b == "stg":
        L.append(load(row, 0, 1, "x"))
        L.append(load(row, 1, 2, "x"))
        L.append("stg x1, [x2]")
    else:
        return None
    return finish(L)


# Immediates LLVM requires (`immarg`) that stdarch passes as literals the table does not
# list: (argument, min, max).
EXTRA_IMMS = {"llvm.aarch64.dmb": (0, 0, 15), "llvm.aarch64.dsb": (0, 0, 15), "llvm.aarch64.isb": (0, 0, 15)}
# Ranges the instruction encodes, narrower than the type stdarch gives.
IMM_RANGES = {"llvm.aarch64.addg": (1, 0, 15)}


# Instructions newer than the system assembler (GNU as 2.40): emitted as `.inst` words
# that `--encode` takes from LLVM's assembler (llc), one per immediate value.
NEW_MNEMONICS = ("famax ", "famin ", "fscale ", "luti2 ", "luti4 ")
ENCODED_FILE = Path(__file__).resolve().parent / "aarch64_encoded.txt"


def load_encoded() -> dict:
    out = {}
    if ENCODED_FILE.exists():
        for line in ENCODED_FILE.read_text().splitlines():
            if line and not line.startswith("#"):
                word, text = line.split(" ", 1)
                out[text] = word
    return out


def expand_new(row, asm: str, encoded: dict, wanted: set) -> str:
    """Replaces the lines the assembler cannot read by their encodings."""
    out = []
    for line in asm.split("\n"):
        if not line.startswith(NEW_MNEMONICS):
            out.append(line)
            continue
        m = re.search(r"\{imm(\d+)\}", line)
        if m:
            k = int(m.group(1))
            spec = next(i for i in row.imms if i[0] == k)
            values = spec[3] or range(spec[1], spec[2] + 1)
            texts = [(f"?{k}={v}:", line.replace(m.group(0), str(v))) for v in values]
        else:
            texts = [("", line)]
        for cond, text in texts:
            wanted.add(text)
            if text not in encoded:
                raise Fail(f"`{text}` has no encoding (run aarch64_asm.py --encode)")
            out.append(f"{cond}.inst {encoded[text]} // {text}")
    return "\n".join(out)


def narrow_imms(r):
    """Some wrappers check a wider range than the instruction encodes (`vld2_lane_f32`
    allows lanes 0..3 of a 2-lane vector, `vcvts_n_f32_s32` 64 fraction bits of an f32):
    the table keeps what the instruction encodes, so other values are an error naming the
    wrapper instead of an assembler error or a lane LLVM silently wraps."""
    b = base_of(r)
    out = []
    for k, lo, hi, vals in r.imms:
        if re.fullmatch(r"(ld|st)[1-4]lane", b):
            hi = min(hi, lanes(r.args[0]) - 1)
        elif b.startswith(("vcvtfp2fx", "vcvtfx")):
            fbits = min(int(t[1:].split("x")[0]) for t in (r.ret, r.args[0]) if re.fullmatch(r"v?[iuf]\d+(x\d+)?", t)
                        for t in [re.sub(r"^v([iuf])(\d+)x\d+$", r"\1\2", t)])
            hi = min(hi, fbits)
        vals = [v for v in vals if lo <= v <= hi]
        out.append((k, lo, hi, vals))
    r.imms = out


def fill(rows, report=None):
    """Sets `asm` on every aarch64 row that has a template; returns {name: reason} for the rest."""
    missing = {}
    encoded = load_encoded()
    wanted = set()
    for r in rows:
        if r.arch != "aarch64":
            continue
        if r.name in EXTRA_IMMS and not r.imms:
            k, lo, hi = EXTRA_IMMS[r.name]
            r.imms.append((k, lo, hi, []))
        if r.name in IMM_RANGES:
            k, lo, hi = IMM_RANGES[r.name]
            r.imms = [(k, lo, hi, []) if i[0] == k else i for i in r.imms]
        narrow_imms(r)
        try:
            r.asm = expand_new(r, template(r), encoded, wanted)
        except Fail as e:
            r.asm = ""
            missing[r.name] = str(e)
        except (KeyError, ValueError, IndexError, AttributeError) as e:
            r.asm = ""
            missing[r.name] = f"generator error {e!r} ({r.args} -> {r.ret})"
    if report is not None:
        report.update(wanted)
    return missing


def llvm_tool(name: str) -> Path:
    out = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, check=True)
    host = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    triple = re.search(r"host: (\S+)", host).group(1)
    return Path(out.stdout.strip()) / "lib" / "rustlib" / triple / "bin" / name


def encode(texts) -> dict:
    """The instruction word LLVM's assembler makes of each text."""
    texts = sorted(texts)
    with tempfile.TemporaryDirectory() as d:
        ll = Path(d) / "enc.ll"
        body = ['target triple = "aarch64-unknown-linux-gnu"']
        body += [f'module asm "{t}"' for t in texts]
        ll.write_text("\n".join(body) + "\n")
        obj = Path(d) / "enc.o"
        subprocess.run([str(llvm_tool("llc")), "-mattr=+neon,+faminmax,+fp8,+lut", "-filetype=obj", str(ll),
                        "-o", str(obj)], check=True)
        dis = subprocess.run([str(llvm_tool("llvm-objdump")), "-d", "--mattr=+all", str(obj)],
                             capture_output=True, text=True, check=True).stdout
    words = re.findall(r"^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s", dis, re.M)
    if len(words) != len(texts):
        sys.exit(f"llc encoded {len(words)} instructions for {len(texts)} texts")
    return {t: "0x" + w for t, w in zip(texts, words)}


def ir_type(shape: str) -> str:
    m = re.fullmatch(r"v([iufp])(\d+)x(\d+)", shape)
    if m:
        k, bits, n = m.groups()
        e = {"16": "half", "32": "float", "64": "double"}[bits] if k == "f" else f"i{bits}"
        return f"<{n} x {e}>"
    return {"f16": "half", "f32": "float", "f64": "double"}.get(shape, "i" + shape[1:])


def verify_static(rows) -> int:
    """Rows that qemu cannot run: our instruction against what llc selects for the same
    intrinsic (arguments arrive in v0, v1, ... in both; the destination is normalised)."""
    rows = [r for r in rows if r.asm and set(r.features.split(",")) & set(UNRUNNABLE)]
    bad = 0
    for r in rows:
        imm = {i[0]: i for i in r.imms}
        values = [[None]]
        if imm:
            (k, lo, hi, vals), = imm.values()
            values = [[v] for v in (vals or range(lo, hi + 1))]
        for (v,) in values:
            params = ", ".join(f"{ir_type(a)} %a{i}" for i, a in enumerate(r.args) if i not in imm)
            call = ", ".join(f"{ir_type(a)} {v if i in imm else f'%a{i}'}" for i, a in enumerate(r.args))
            ret = ir_type(r.ret)
            decl = ", ".join(ir_type(a) for a in r.args)
            ll = (f'target triple = "aarch64-unknown-linux-gnu"\ndeclare {ret} @"{r.name}"({decl})\n'
                  f'define {ret} @f({params}) {{\n  %r = call {ret} @"{r.name}"({call})\n  ret {ret} %r\n}}\n')
            out = subprocess.run([str(llvm_tool("llc")), "-mattr=+neon,+faminmax,+fp8,+lut,+fullfp16", "-o", "-"],
                                 input=ll, capture_output=True, text=True, check=True).stdout
            llvm = [l.strip() for l in out.splitlines() if l.startswith("\t") and not l.strip().startswith((".", "ret"))]
            ours = [l.split("// ", 1)[1] for l in r.asm.splitlines() if "// " in l
                    and (v is None or l.startswith(f"?{k}={v}:"))]
            norm = lambda t: re.sub(r"^(\w+) v\d+", r"\1 D", re.sub(r"\s+", " ", t)).replace("{ ", "{").replace(" }", "}")  # noqa: E731
            if [norm(x) for x in llvm] != [norm(x) for x in ours]:
                bad += 1
                print(f"{r.name} {v}: llc {llvm} ours {ours}")
    print(f"{len(rows)} rows checked against llc, {bad} disagree")
    return bad


# Features qemu-aarch64 7.2 does not implement: their rows are checked by `--verify`.
UNRUNNABLE = ("faminmax", "fp8", "lut")


class Everything(dict):
    """An encoding table that has every text (while collecting them)."""

    def __contains__(self, _):
        return True

    def __missing__(self, _):
        return "0x0"


def main():
    ap = argparse.ArgumentParser(description="aarch64 templates: write the `.inst` encodings")
    ap.add_argument("--encode", action="store_true", help=f"rewrite {ENCODED_FILE.name} with llc")
    ap.add_argument("--verify", action="store_true", help="check the rows qemu cannot run against llc")
    args = ap.parse_args()
    if not (args.encode or args.verify):
        ap.print_help()
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import arch_intrinsics

    rows = arch_intrinsics.analyse(arch_intrinsics.default_stdarch())[0]
    if args.verify:
        fill(rows)
        sys.exit(1 if verify_static(rows) else 0)
    wanted = set()
    # Collect the texts with an empty table, then encode them all.
    global load_encoded
    load_encoded = lambda: Everything()  # noqa: E731
    fill(rows, wanted)
    enc = encode(wanted)
    lines = ["# word text: what llc assembles each instruction text to (aarch64_asm.py --encode)"]
    lines += [f"{w} {t}" for t, w in sorted(enc.items())]
    ENCODED_FILE.write_text("\n".join(lines) + "\n")
    print(f"{len(enc)} encodings written to {ENCODED_FILE}")


if __name__ == "__main__":
    main()
