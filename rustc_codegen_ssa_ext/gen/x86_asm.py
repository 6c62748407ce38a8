"""Assembly templates for the `llvm.x86.*` rows of the arch table.

Each template is the body of a function `fn(area: *mut u8)` in Intel syntax. `rdi` points
to an area of 64-byte slots: the result (or each field of a tuple result) first, then one
slot per argument, in order (see `rustc_codegen_ssa_ext::arch::x86_asm`). The template
loads the arguments into the registers the instruction names, runs the instruction, and
stores the result.

The instruction and its operand form come from the wrapper's entry in Intel's
`x86-intel.xml` (the `<instruction form=...>` of the wrapper stdarch calls it from) and
the `assert_instr` mnemonic; the binding of LLVM's operands to the form is derived from
the operand shapes (see `generic`). Families whose result is a flag, or whose operands
are implicit registers, have templates of their own (`special`). Placeholders that the
backend fills per call site: `{immN}` (the constant argument N), `{rcN}` (its low 3 bits), `{erN}`/`{saeN}` (the
rounding/exception operand N as `, {rn-sae}`, `, {sae}` or nothing), and lines starting
with `?N>V:` (kept only when argument N is greater than V), `?N<=V:`, `?N=V:`, `?+feature:`
(when the calling function enables the feature) or `?-feature:`.
"""

import re
import xml.etree.ElementTree as ET

SLOT = 64
# Rows whose LLVM operands are the instruction's in another order (the instruction's
# destination first): the variable permutes take (table, index) and the instructions
# (index, table); vpermi2* overwrites its index operand (LLVM's second); the complex
# multiply-adds accumulate into LLVM's third operand.
ORDERS = [
    (re.compile(r"llvm\.x86\.avx2\.perm(d|ps)$|llvm\.x86\.avx512\.permvar\."), [1, 0]),
    (re.compile(r"llvm\.x86\.avx512\.vpermi2var\."), [1, 0, 2]),
    (re.compile(r"llvm\.x86\.avx512fp16\.maskz?\.vfc?madd\.c[ps]h"), [2, 0, 1]),
    # LLVM selects fma(a, b, c) as `vfmadd213 b, a, c` (its 213 patterns read `src2 * src1
    # + src3`): the same registers, so that the NaN a result carries when both factors are
    # NaN is the same one (the first source's).
    (re.compile(r"llvm\.x86\.avx512(fp16)?\.vfmadd(sub)?\.(p[sdh]\.512|f16|f32|f64)$"), [1, 0, 2]),
]
# Features whose instructions also exist in an EVEX (AVX-512) encoding with the same
# mnemonic: the assembler must be told to use the VEX one.
VEX_ONLY = {"avxvnni", "avxneconvert", "avxifma"}
# Instructions whose destination must differ from their sources.
NO_ALIAS = re.compile(r"v?p?gather|vp?scatter|vpconflict|vpermt2|vpermi2|vfcmulc|vfmulc|vfcmaddc|vfmaddc")
# Caller-saved general registers the templates may use (rdi holds the area).
GPRS = [
    ("rax", "eax", "ax", "al"),
    ("rcx", "ecx", "cx", "cl"),
    ("rdx", "edx", "dx", "dl"),
    ("rsi", "esi", "si", "sil"),
    ("r8", "r8d", "r8w", "r8b"),
    ("r9", "r9d", "r9w", "r9b"),
    ("r10", "r10d", "r10w", "r10b"),
    ("r11", "r11d", "r11w", "r11b"),
]
PTR_WORD = {1: "byte", 2: "word", 4: "dword", 8: "qword", 16: "xmmword", 32: "ymmword", 64: "zmmword"}
SCALAR_BYTES = {"i8": 1, "u8": 1, "i16": 2, "u16": 2, "i32": 4, "u32": 4, "i64": 8, "u64": 8,
                "f16": 2, "f32": 4, "f64": 8, "ptr": 8, "usize": 8, "isize": 8}


def shape_bytes(s: str) -> int | None:
    m = re.fullmatch(r"v([iufp])(\d+)x(\d+)", s)
    if m:
        return int(m.group(2)) * int(m.group(3)) // 8
    return SCALAR_BYTES.get(s)


def is_vec(s: str) -> bool:
    return s.startswith("v") and shape_bytes(s) is not None


def is_int(s: str) -> bool:
    return s in ("i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "usize", "isize")


def load_forms(xml_path):
    forms = {}
    for it in ET.parse(xml_path).getroot().iter("intrinsic"):
        forms[it.get("name")] = [(i.get("name"), i.get("form")) for i in it.iter("instruction")]
    return forms


class Fail(Exception):
    pass


def vreg(kind: str, n: int) -> str:
    return f"{kind}{n}"


def vkind(nbytes: int) -> str:
    return {16: "xmm", 32: "ymm", 64: "zmm"}.get(nbytes) or "xmm"


def load_vec(reg_kind: str, n: int, nbytes: int, off: int, vex: bool) -> str:
    src = f"[rdi+{off}]"
    if nbytes == 64:
        return f"vmovdqu64 zmm{n}, zmmword ptr {src}"
    if nbytes == 32:
        return f"vmovdqu ymm{n}, ymmword ptr {src}"
    if nbytes == 16:
        return f"{'v' if vex else ''}movdqu xmm{n}, xmmword ptr {src}"
    if nbytes == 8:
        return f"{'v' if vex else ''}movq xmm{n}, qword ptr {src}"
    if nbytes == 4:
        return f"{'v' if vex else ''}movd xmm{n}, dword ptr {src}"
    if nbytes == 2:
        # An f16 scalar (AVX512-FP16 code only).
        return f"vmovsh xmm{n}, word ptr {src}"
    raise Fail(f"vector load of {nbytes} bytes")


def store_vec(kind: str, n: int, nbytes: int, off: int, vex: bool) -> str:
    dst = f"[rdi+{off}]"
    if nbytes == 64:
        return f"vmovdqu64 zmmword ptr {dst}, zmm{n}"
    if nbytes == 32:
        return f"vmovdqu ymmword ptr {dst}, ymm{n}"
    if nbytes == 16:
        return f"{'v' if vex else ''}movdqu xmmword ptr {dst}, xmm{n}"
    if nbytes == 8:
        return f"{'v' if vex else ''}movq qword ptr {dst}, xmm{n}"
    if nbytes == 4:
        return f"{'v' if vex else ''}movd dword ptr {dst}, xmm{n}"
    if nbytes == 2:
        return f"vmovsh word ptr {dst}, xmm{n}"
    raise Fail(f"vector store of {nbytes} bytes")


def gpr_name(i: int, nbytes: int) -> str:
    return GPRS[i][{8: 0, 4: 1, 2: 2, 1: 3}[nbytes]]


def load_gpr(i: int, nbytes: int, off: int) -> str:
    src = f"[rdi+{off}]"
    if nbytes == 8:
        return f"mov {GPRS[i][0]}, qword ptr {src}"
    if nbytes == 4:
        return f"mov {GPRS[i][1]}, dword ptr {src}"
    return f"movzx {GPRS[i][1]}, {PTR_WORD[nbytes]} ptr {src}"


def store_gpr(i: int, nbytes: int, off: int) -> str:
    return f"mov {PTR_WORD[nbytes]} ptr [rdi+{off}], {gpr_name(i, nbytes)}"


def parse_form(form: str):
    ops = []
    for part in form.split(","):
        part = part.strip()
        decos = re.findall(r"\{([a-z-]+)\}", part)
        base = re.sub(r"\s*\{[a-z-]+\}", "", part).strip()
        ops.append((base, decos))
    return ops


def n_results(ret: str) -> int:
    if ret == "unit":
        return 0
    if ret.startswith("tup("):
        return len(ret[4:-1].split(","))
    return 1


def arg_off(row, i: int) -> int:
    return SLOT * (max(n_results(row.ret), 1) + i)


def imm_args(row):
    return {k: (lo, hi) for k, lo, hi, _vals in row.imms}


def kmov(nbits_or_bytes: int) -> str:
    return {1: "kmovw", 2: "kmovw", 4: "kmovd", 8: "kmovq"}[nbits_or_bytes]


def finish(lines, wide: bool) -> str:
    if wide:
        lines.append("vzeroupper")
    lines.append("ret")
    return "\n".join(lines)


def generic(row, mnem: str, form: str) -> str:
    """One instruction whose explicit operands are LLVM's operands in order."""
    ops = parse_form(form)
    imms = imm_args(row)
    vex = mnem.startswith("v") or mnem.startswith("k")
    wide = any(o[0] in ("ymm", "zmm") for o in ops) or any(shape_bytes(a) in (32, 64) for a in row.args if is_vec(a))
    args = list(enumerate(row.args))
    # The rounding/exception operand: an immediate with the smallest value 4
    # (_MM_FROUND_CUR_DIRECTION).
    decos = [d for _, ds in ops for d in ds]
    rnd = None
    if "er" in decos or "sae" in decos:
        cands = [k for k, (lo, hi) in imms.items() if lo == 4]
        if not cands and imms and max(imms) == len(row.args) - 1:
            cands = [max(imms)]  # a rounding operand whose range stdarch leaves open
        if not cands:
            raise Fail("no rounding operand for {er}/{sae}")
        rnd = cands[-1]
    # Masking: a mask argument (an integer that is not an immediate) after a pass-through
    # vector of the result's shape (`.mask.`), or last for zero-masking (`.maskz.`).
    mask = passthru = None
    if ".mask." in row.name or ".maskz." in row.name or any("k" in ds for _, ds in ops[:1]):
        ints = [i for i, a in args if is_int(a) and i not in imms]
        same = lambda a: is_vec(a) and shape_bytes(a) == shape_bytes(row.ret)
        if ints and (".mask." in row.name or ".maskz." in row.name):
            mask = ints[-1]
            if ".mask." in row.name and mask > 0 and same(row.args[mask - 1]):
                passthru = mask - 1
        elif ints and "k" in ops[0][1] and ints[-1] > 0 and same(row.args[ints[-1] - 1]):
            # Masked without saying so in the name (`rcp14.ps(a, src, k)`).
            mask, passthru = ints[-1], ints[-1] - 1
    if rnd is None and "er" not in decos:
        # A rounding operand that can only be _MM_FROUND_CUR_DIRECTION: no operand.
        fixed = [k for k, lo, hi, vals in row.imms if (lo, hi) == (4, 4)]
        if fixed and len([o for o in ops[1:] if o[0] == "imm8"]) < len(imms):
            rnd = fixed[-1]
            decos = decos + ["er"]
    values = [(i, a) for i, a in args if i not in imms and i != mask and i != passthru]
    for pat, order in ORDERS:
        if pat.match(row.name) and len(values) == len(order):
            values = [values[k] for k in order]
    dst_base, dst_decos = ops[0]
    srcs = [o for o in ops[1:] if o[0] != "imm8"]
    imm_ops = [o for o in ops[1:] if o[0] == "imm8"]
    plain_imms = [k for k in sorted(imms) if k != rnd]
    if len(imm_ops) != len(plain_imms):
        raise Fail(f"{len(imm_ops)} imm8 operands, {len(plain_imms)} immediates")
    lines = []
    mem_dst = dst_base.startswith("m")
    if mem_dst:
        if row.ret != "unit":
            raise Fail("memory destination with a result")
        # The destination is the memory a pointer argument points to.
        binds = srcs
        bound = values
        ptrs = [i for i, a in bound if a == "ptr"]
        if not ptrs:
            raise Fail("memory destination without a pointer")
        dst_arg = ptrs[0]
        bound = [(i, a) for i, a in bound if i != dst_arg]
        destructive = False
    else:
        dst_arg = None
        if len(srcs) == len(values):
            destructive = False
            bound = values
        elif len(srcs) == len(values) - 1 and values and row.args[values[0][0]] == row.ret:
            destructive = True
            bound = values[1:]
        elif len(srcs) == len(values) - 1 and values and dst_base in ("xmm", "ymm", "zmm") and is_vec(values[0][1]) \
                and shape_bytes(values[0][1]) == shape_bytes(row.ret):
            destructive = True
            bound = values[1:]
        else:
            raise Fail(f"{len(srcs)} source operands for {len(values)} values")
    if len(bound) != len(srcs):
        raise Fail("operand count")
    operands = []
    vnext = 0
    gnext = 0
    text_of = {}

    def vec_operand(base, i, a):
        nonlocal vnext
        nb = shape_bytes(a)
        kind = base if base in ("xmm", "ymm", "zmm") else vkind(nb)
        n = vnext
        vnext += 1
        if nb > {"xmm": 16, "ymm": 32, "zmm": 64}[kind]:
            raise Fail("vector wider than its register")
        lines.append(load_vec(kind, n, nb, arg_off(row, i), vex))
        return f"{kind}{n}"

    # The destination register first, so that a destructive form starts from argument 0.
    if not mem_dst:
        if dst_base in ("xmm", "ymm", "zmm"):
            if destructive:
                i0, a0 = values[0]
                dst = vec_operand(dst_base, i0, a0)
            elif passthru is not None:
                dst = vec_operand(dst_base, passthru, row.args[passthru])
            elif values and is_vec(values[0][1]) and shape_bytes(values[0][1]) == shape_bytes(row.ret) \
                    and not NO_ALIAS.match(mnem):
                # The result register starts as argument 0 (and is also its source): scalar
                # forms (`rcpss`, `vcvtsd2ss`) keep the upper lanes of the destination.
                i0, a0 = values[0]
                dst = vec_operand(dst_base, i0, a0)
                text_of[i0] = dst
            else:
                dst = f"{dst_base}{15 if dst_base != 'zmm' else 31}"
        elif dst_base in ("r32", "r64", "r16", "r8"):
            nb = {"r32": 4, "r64": 8, "r16": 2, "r8": 1}[dst_base]
            if destructive:
                i0, a0 = values[0]
                lines.append(load_gpr(gnext, shape_bytes(a0), arg_off(row, i0)))
            dst_g = gnext
            gnext += 1
            dst = gpr_name(dst_g, nb)
        elif dst_base == "k":
            dst = "k2"
        else:
            raise Fail(f"destination {dst_base}")
    else:
        g = gnext
        gnext += 1
        lines.append(load_gpr(g, 8, arg_off(row, dst_arg)))
        dst = f"[{GPRS[g][0]}]"
    for (base, _d), (i, a) in zip(srcs, bound):
        if i in text_of:
            operands.append(text_of[i].replace("xmm", base).replace("ymm", base).replace("zmm", base)
                            if base in ("xmm", "ymm", "zmm") else text_of[i])
            continue
        if base in ("xmm", "ymm", "zmm"):
            if not is_vec(a):
                if a in ("f32", "f64", "f16"):
                    n = vnext
                    vnext += 1
                    lines.append(load_vec("xmm", n, shape_bytes(a), arg_off(row, i), vex))
                    operands.append(f"xmm{n}")
                    continue
                raise Fail(f"{a} for a vector operand")
            operands.append(vec_operand(base, i, a))
        elif re.fullmatch(r"r(8|16|32|64)", base):
            if not (is_int(a) or a == "ptr"):
                raise Fail(f"{a} for {base}")
            g = gnext
            gnext += 1
            lines.append(load_gpr(g, shape_bytes(a), arg_off(row, i)))
            operands.append(gpr_name(g, int(base[1:]) // 8))
        elif re.fullmatch(r"m(8|16|32|64|128|256|512)", base):
            nb = int(base[1:]) // 8
            if a == "ptr":
                g = gnext
                gnext += 1
                lines.append(load_gpr(g, 8, arg_off(row, i)))
                # The assembler sizes the access from the register operands (Intel's form
                # gives the element size for compress/expand).
                operands.append(f"[{GPRS[g][0]}]")
            elif is_vec(a) or is_int(a):
                operands.append(f"{PTR_WORD.get(nb, 'zmmword')} ptr [rdi+{arg_off(row, i)}]")
            else:
                raise Fail(f"{a} for {base}")
        else:
            raise Fail(f"source operand {base}")
    if mask is not None:
        mb = shape_bytes(row.args[mask])
        lines.append(load_gpr(7, mb, arg_off(row, mask)))
        lines.append(f"{kmov(mb)} k1, {gpr_name(7, 8 if mb == 8 else 4)}")
        dst_text = f"{dst} {{k1}}" + (" {z}" if ".maskz." in row.name else "")
    else:
        dst_text = dst
    if not mem_dst and dst_base in ("xmm", "ymm", "zmm") and not destructive and passthru is None and mask is not None \
            and ".maskz." not in row.name:
        raise Fail("merge-masking without a pass-through")
    if destructive and mnem.startswith("v") and len(ops) == 2 and dst_base in ("xmm", "ymm", "zmm") \
            and not mnem.startswith("vsha512msg"):  # (truly two-operand)
        # Intel's form omits the VEX source that is also the destination (`vaesdec ymm, ymm`).
        operands.insert(0, dst)
    text = [dst_text] + operands
    vex_only = VEX_ONLY & set(row.features.split(","))
    ins = ("{vex} " if vex_only else "") + f"{mnem} " + ", ".join(text)
    # The rounding operand goes before the immediates (`vcmpps k1, zmm0, zmm1, {sae}, 3`).
    imm_text = "".join(f", {{imm{k}}}" for k in plain_imms)
    if rnd is not None:
        # Conversions that round (not `cvtt*`) take a rounding mode even where Intel's
        # form says {sae}, as LLVM encodes them.
        # (Widening float conversions are exact: those take only {sae}.)
        er = "er" in decos or bool(re.match(r"v?cvt(?!t)", mnem)
                                   and not re.match(r"vcvt(ph2psx?|ps2pd|ph2pd|sh2sd|sh2ss|ss2sd)$", mnem))
        tag = f"{{{'er' if er else 'sae'}{rnd}}}"
        if re.fullmatch(r"[re]?[a-z0-9]+", text[-1]) and not re.match(r"[xyz]mm|k\d", text[-1]):
            # A general-register source (`vcvtsi2sd xmm0, xmm0, {rn-sae}, rax`): LLVM's
            # assembler (Apple's) takes the rounding only before it, GNU as either way.
            ins = ins[: -len(text[-1]) - 2] + tag + ", " + text[-1]
        else:
            ins += tag
    ins += imm_text
    if TOO_NEW.match(mnem):
        ins = "!" + ins
    lines.append(ins)
    # The result.
    if row.ret == "unit":
        pass
    elif dst_base in ("xmm", "ymm", "zmm"):
        lines.append(store_vec(dst_base, int(dst.split()[0][3:]), shape_bytes(row.ret), 0, vex))
    elif dst_base == "k":
        rb = shape_bytes(row.ret)
        lines.append(f"{kmov(rb)} {gpr_name(0, 8 if rb == 8 else 4)}, k2")
        lines.append(store_gpr(0, rb, 0))
    elif dst_base.startswith("r"):
        rb = shape_bytes(row.ret)
        if rb is None:
            raise Fail(f"result {row.ret}")
        nb = {"r32": 4, "r64": 8, "r16": 2, "r8": 1}[dst_base]
        lines.append(store_gpr(dst_g, min(rb, nb), 0))
    else:
        raise Fail("result")
    return finish(lines, wide)


def mnemonic(row, xml_name: str) -> str:
    m = xml_name.lower()
    if row.instr.startswith("v") and not m.startswith("v"):
        m = "v" + m
    return m


def legacy_form(row, xml_name: str, form: str):
    """Intel lists the VEX form (`vgf2p8mulb xmm, xmm, xmm`) for intrinsics whose 128-bit
    row stdarch asserts in the legacy encoding (`gf2p8mulb`, needing no AVX): that
    encoding's destination is its first source."""
    if row.instr and not row.instr.startswith("v") and xml_name.lower().startswith("v") \
            and row.instr.lower() == xml_name.lower()[1:]:
        ops = [o.strip() for o in form.split(",")]
        if len(ops) >= 3 and ops[0] == ops[1] == "xmm":
            return xml_name[1:], ", ".join(ops[1:])
    return xml_name, form


# Instructions that GNU as 2.40 (Debian 12) cannot assemble: emitted as bytes (`!`
# lines, see ENCODED).
TOO_NEW = re.compile(r"(\{vex\} )?(vpdpw(su|us|uu)ds?|vsha512|vsm3|vsm4|movrs|prefetchrs|tdp[bh]+f8ps|tmmultf32ps|"
                     r"tcmm|tileloaddrs|tcvtrow|tilemovrow)")


# Target features whose rows the generated differential tests (`arch_difftests.py`) have
# run against LLVM. A row needing any other feature gets no template, so it stays a
# compile-time error instead of running unverified assembly: extend this set after those
# tests pass on a CPU with the feature (AVX-512, GFNI, AVX-VNNI, ... are not verified yet).
VERIFIED_FEATURES = set(
    """sse sse2 sse3 ssse3 sse4.1 sse4.2 sse4a avx avx2 fma f16c bmi1 bmi2 lzcnt popcnt adx
    aes pclmulqdq sha vaes vpclmulqdq rdrand rdseed fxsr xsave xsaveopt xsaves xsavec movbe""".split()
)


def static_verified() -> dict:
    """`x86_static_verified.txt`: rows whose template `x86_verify.py` found to agree with
    LLVM's code, by name, with the hash of the template that was checked."""
    path = __import__("pathlib").Path(__file__).with_name("x86_static_verified.txt")
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            name, h = line.split()
            out[name] = h
    return out


# Templates checked by reading them, where the symbolic check cannot follow control flow.
REVIEWED = {
    # vp2intersect with 2 or 4 lanes: the instruction and both masks as for 8 and 16 lanes
    # (checked), the bits above the lanes cleared with `and` where LLVM uses k-shifts.
    "llvm.x86.avx512.vp2intersect.d.128",
    "llvm.x86.avx512.vp2intersect.q.128",
    "llvm.x86.avx512.vp2intersect.q.256",
    # `_xbegin`: -1 when the transaction starts (xbegin leaves eax alone and falls
    # through to the label), the abort status in eax when it aborts (execution resumes
    # at the label), as LLVM's two-block lowering computes.
    "llvm.x86.xbegin",
}


def template(row, forms, gate=True) -> str:
    if gate:
        t = template(row, forms, gate=False)
        unverified = [f for f in row.features.split(",") if f and f not in VERIFIED_FEATURES]
        if unverified and row.name not in REVIEWED:
            import hashlib

            if static_verified().get(row.name) != hashlib.sha256(t.encode()).hexdigest()[:16]:
                raise Fail(f"not verified against LLVM yet (needs {', '.join(unverified)})")
        return t
    sp = special(row)
    if sp is not None:
        return sp
    cands = []
    for w in [row.wrapper] + [w for w in getattr(row, "all_wrappers", []) if w != row.wrapper]:
        for name, form in forms.get(w, []):
            if form is None:
                continue
            cands.append((name, form))
    if not cands:
        raise Fail("no instruction form in x86-intel.xml")
    instr = row.instr.lower()
    # The form of the instruction stdarch asserts, else the first.
    pick = [c for c in cands if c[0].lower() == instr or "v" + c[0].lower() == instr]
    pick = pick or [c for c in cands if instr and c[0].lower().startswith(instr.lstrip("v")[:4])] or cands
    # Of the FMA forms, 213 multiplies LLVM's first two operands and adds the third when
    # the destination starts as the first.
    pick = sorted(pick, key=lambda c: "213" not in c[0])
    errs = []
    for name, form in pick:
        name, form = legacy_form(row, name, form)
        try:
            return generic(row, mnemonic(row, name), form)
        except Fail as e:
            errs.append(f"{name} {form}: {e}")
    raise Fail("; ".join(errs))


# --- Families with flags results or implicit operands -------------------------------------

# setcc sequences LLVM uses for `comi`/`ucomi` predicates: eq and neq treat unordered
# (PF set) as false and true.
COMI = {
    "eq": ["setnp al", "sete cl", "and al, cl"],
    "neq": ["setp al", "setne cl", "or al, cl"],
    "lt": ["seta al"],  # operands swapped below
    "le": ["setae al"],
    "gt": ["seta al"],
    "ge": ["setae al"],
}


def special(row) -> str | None:
    n = row.name[len("llvm.x86."):]
    off = lambda i: arg_off(row, i)
    m = re.fullmatch(r"sse2?\.(u?comi)(eq|neq|lt|le|gt|ge)\.(ss|sd)", n)
    if m:
        op, pred, sz = m.groups()
        a, b = (1, 0) if pred in ("lt", "le") else (0, 1)
        lines = [f"movdqu xmm0, xmmword ptr [rdi+{off(a)}]", f"movdqu xmm1, xmmword ptr [rdi+{off(b)}]",
                 f"{op}s{sz[1]} xmm0, xmm1"]
        lines += COMI[pred]
        lines += ["movzx eax, al", "mov dword ptr [rdi], eax"]
        return finish(lines, False)
    m = re.fullmatch(r"(sse41\.p|avx\.p|avx\.v)test(z|c|nzc)(\.(ps|pd))?(\.256)?", n)
    if m:
        wide = bool(m.group(5))
        k = "ymm" if wide else "xmm"
        mn = "vptest" if n.startswith("avx.p") else ("ptest" if n.startswith("sse41") else f"vtest{m.group(4)}")
        ld = "vmovdqu" if n.startswith("avx") else "movdqu"
        setcc = {"z": "sete", "c": "setb", "nzc": "seta"}[m.group(2)]
        lines = [f"{ld} {k}0, {k}word ptr [rdi+{off(0)}]".replace("xmmword", "xmmword").replace("ymmword", "ymmword"),
                 f"{ld} {k}1, {k}word ptr [rdi+{off(1)}]", f"{mn} {k}0, {k}1", "mov eax, 0", f"{setcc} al",
                 "mov dword ptr [rdi], eax"]
        return finish(lines, wide)
    m = re.fullmatch(r"sse42\.pcmp([ei])str(i|m)([acosz]?)128", n)
    if m:
        e, kind, flag = m.groups()
        lines = [f"movdqu xmm0, xmmword ptr [rdi+{off(0)}]"]
        if e == "e":
            lines += [f"mov eax, dword ptr [rdi+{off(1)}]", f"movdqu xmm1, xmmword ptr [rdi+{off(2)}]",
                      f"mov edx, dword ptr [rdi+{off(3)}]"]
            imm = 4
        else:
            lines += [f"movdqu xmm1, xmmword ptr [rdi+{off(1)}]"]
            imm = 2
        lines.append(f"pcmp{e}str{kind} xmm0, xmm1, {{imm{imm}}}")
        if kind == "m":
            lines.append("movdqu xmmword ptr [rdi], xmm0")
        elif flag:
            cc = {"a": "seta", "c": "setb", "o": "seto", "s": "sets", "z": "sete"}[flag]
            lines += ["mov eax, 0", f"{cc} al", "mov dword ptr [rdi], eax"]
        else:
            lines.append("mov dword ptr [rdi], ecx")
        return finish(lines, False)
    m = re.fullmatch(r"avx2\.gather\.([dq])\.(p?[dsq])(\.256)?", n)
    if m:
        # (src, base, index, mask, scale): the mask register is consumed.
        idx, _el, w = m.groups()
        rb, ib = shape_bytes(row.ret), shape_bytes(row.args[2])
        rk, ik = vkind(rb), vkind(ib)
        lines = [load_vec(rk, 0, rb, off(0), True), f"mov rax, qword ptr [rdi+{off(1)}]",
                 load_vec(ik, 1, ib, off(2), True), load_vec(rk, 2, rb, off(3), True),
                 f"{row.instr} {rk}0, [rax+{ik}1*{{imm4}}], {rk}2", store_vec(rk, 0, rb, 0, True)]
        return finish(lines, True)
    m = re.fullmatch(r"avx2?\.maskload\.(d|q|ps|pd)(\.256)?", n)
    if m:
        rb = shape_bytes(row.ret)
        k = vkind(rb)
        lines = [f"mov rax, qword ptr [rdi+{off(0)}]", load_vec(k, 1, shape_bytes(row.args[1]), off(1), True),
                 f"{row.instr} {k}0, {k}1, {PTR_WORD[rb]} ptr [rax]", store_vec(k, 0, rb, 0, True)]
        return finish(lines, True)
    m = re.fullmatch(r"avx2?\.maskstore\.(d|q|ps|pd)(\.256)?", n)
    if m:
        vb = shape_bytes(row.args[2])
        k = vkind(vb)
        lines = [f"mov rax, qword ptr [rdi+{off(0)}]", load_vec(k, 1, shape_bytes(row.args[1]), off(1), True),
                 load_vec(k, 2, vb, off(2), True), f"{row.instr} {PTR_WORD[vb]} ptr [rax], {k}1, {k}2"]
        return finish(lines, True)
    if n in ("sse.sfence", "sse2.lfence", "sse2.mfence"):
        return f"{n.split('.')[1]}\nret"
    if n in ("sse.ldmxcsr", "sse.stmxcsr", "sse2.clflush"):
        return f"mov rax, qword ptr [rdi+{off(0)}]\n{n.split('.')[1]} {'byte' if 'clflush' in n else 'dword'} ptr [rax]\nret"
    m = re.fullmatch(r"(addcarry|subborrow)\.(32|64)", n)
    if m:
        # (c_in, a, b) -> (c_out, a ± b ± c_in)
        w = int(m.group(2)) // 8
        ins = "adc" if m.group(1) == "addcarry" else "sbb"
        lines = [f"movzx eax, byte ptr [rdi+{off(0)}]", load_gpr(1, w, off(1)), load_gpr(2, w, off(2)),
                 "add al, 255", f"{ins} {gpr_name(1, w)}, {gpr_name(2, w)}", "setb al",
                 "mov byte ptr [rdi], al", store_gpr(1, w, SLOT)]
        return finish(lines, False)
    m = re.fullmatch(r"(rdrand|rdseed)\.(16|32|64)", n)
    if m:
        w = int(m.group(2)) // 8
        lines = [f"{m.group(1)} {gpr_name(1, w)}", "setb al", "movzx eax, al", store_gpr(1, w, 0),
                 f"mov dword ptr [rdi+{SLOT}], eax"]
        return finish(lines, False)
    if n == "rdtscp":
        return finish(["rdtscp", "shl rdx, 32", "or rax, rdx", "mov qword ptr [rdi], rax",
                       f"mov dword ptr [rdi+{SLOT}], ecx"], False)
    m = re.fullmatch(r"(xsave|xsave64|xsavec|xsavec64|xsaveopt|xsaveopt64|xsaves|xsaves64|xrstor|xrstor64|xrstors|xrstors64)", n)
    if m:
        # (mem, hi, lo): edx:eax is the feature mask.
        return finish([f"mov rcx, qword ptr [rdi+{off(0)}]", f"mov edx, dword ptr [rdi+{off(1)}]",
                       f"mov eax, dword ptr [rdi+{off(2)}]", f"{n} [rcx]"], False)
    if n == "xsetbv":
        return finish([f"mov ecx, dword ptr [rdi+{off(0)}]", f"mov edx, dword ptr [rdi+{off(1)}]",
                       f"mov eax, dword ptr [rdi+{off(2)}]", "xsetbv"], False)
    if n in ("fxsave", "fxsave64", "fxrstor", "fxrstor64"):
        return finish([f"mov rax, qword ptr [rdi+{off(0)}]", f"{n} [rax]"], False)
    if n == "xbegin":
        # After an abort, execution resumes at the label with the status in eax.
        return finish(["mov eax, -1", "xbegin 1f", "1:", "mov dword ptr [rdi], eax"], False)
    m = re.fullmatch(r"avx512\.(gather|scatter)(?:\.[dq]p[sdiq]\.512|3?(?:siv|div)\d\.[sd][fi])", n)
    if m:
        # gather (src, base, index, mask, scale); scatter (base, mask, index, value, scale).
        # The mask register is consumed.
        gather = m.group(1) == "gather"
        idx = 2
        val, msk = (0, 3) if gather else (3, 1)
        vb, ib, mb = shape_bytes(row.args[val]), shape_bytes(row.args[idx]), shape_bytes(row.args[msk])
        vk, ik = vkind(vb), vkind(ib)
        lines = [load_vec(vk, 0, vb, off(val), True), f"mov rax, qword ptr [rdi+{off(1 if gather else 0)}]",
                 load_vec(ik, 1, ib, off(idx), True), load_gpr(7, mb, off(msk)), f"kmovw k1, {gpr_name(7, 4)}"]
        if gather:
            lines += [f"{row.instr} {vk}0 {{k1}}, [rax+{ik}1*{{imm4}}]", store_vec(vk, 0, shape_bytes(row.ret), 0, True)]
        else:
            lines.append(f"{row.instr} [rax+{ik}1*{{imm4}}] {{k1}}, {vk}0")
        return finish(lines, True)
    m = re.fullmatch(r"avx512(?:fp16)?\.vcomi\.(ss|sd|sh)", n)
    if m:
        # (a, b, predicate, sae) -> i32: the scalar compare with that predicate into a
        # mask register, whose bit 0 is the result.
        return finish([f"vmovdqu xmm0, xmmword ptr [rdi+{off(0)}]", f"vmovdqu xmm1, xmmword ptr [rdi+{off(1)}]",
                       f"vcmp{m.group(1)} k0, xmm0, xmm1{{sae3}}, {{imm2}}", "kmovw eax, k0",
                       "mov dword ptr [rdi], eax"], False)
    if n == "avx512.mask.vcvtps2ph.512":
        # (a, imm, src, k): imm bit 3 is exception suppression, the rest the rounding.
        return finish([load_vec("ymm", 0, 32, off(2), True), load_vec("zmm", 1, 64, off(0), True),
                       load_gpr(7, 2, off(3)), "kmovw k1, r11d",
                       "?1<=7:vcvtps2ph ymm0 {k1}, zmm1, {imm1}", "?1>7:vcvtps2ph ymm0 {k1}, zmm1, {sae}, {rc1}",
                       store_vec("ymm", 0, 32, 0, True)], True)
    m = re.fullmatch(r"movrs(qi|hi|si|di)", n)
    if m:
        w = {"qi": 1, "hi": 2, "si": 4, "di": 8}[m.group(1)]
        return finish([f"mov rax, qword ptr [rdi+{off(0)}]", f"!movrs {gpr_name(0, w)}, {PTR_WORD[w]} ptr [rax]",
                       store_gpr(0, w, 0)], False)
    if n == "prefetchrs":
        return finish([f"mov rax, qword ptr [rdi+{off(0)}]", "!prefetchrst2 byte ptr [rax]"], False)
    # AMX: tile registers keep their contents between calls (no code of ours touches
    # them), so each intrinsic is its instruction on the tiles its immediates name.
    m = re.fullmatch(r"(tileloadd|tileloaddt1|tilestored)64", n)
    if m:
        # (tile, base, stride)
        addr = "[rax+rcx*1]"
        ins = f"{m.group(1)} {addr}, tmm{{imm0}}" if m.group(1) == "tilestored" else f"{m.group(1)} tmm{{imm0}}, {addr}"
        return finish([f"mov rax, qword ptr [rdi+{off(1)}]", f"mov rcx, qword ptr [rdi+{off(2)}]", ins], False)
    if n == "tilezero":
        return "tilezero tmm{imm0}\nret"
    if n in ("tdpbssd", "tdpbsud", "tdpbusd", "tdpbuud", "tdpbf16ps", "tdpfp16ps"):
        return f"{n} tmm{{imm0}}, tmm{{imm1}}, tmm{{imm2}}\nret"
    # Newer AMX, as bytes whose tile fields come from the immediates (see ENCODED).
    if n in ("tdpbf8ps", "tdpbhf8ps", "tdphbf8ps", "tdphf8ps", "tmmultf32ps", "tcmmimfp16ps", "tcmmrlfp16ps"):
        return f"!{n} tmm{{imm0}}, tmm{{imm1}}, tmm{{imm2}}\nret"
    m = re.fullmatch(r"(tileloaddrs|tileloaddrst1)64", n)
    if m:
        return finish([f"mov rax, qword ptr [rdi+{off(1)}]", f"mov rcx, qword ptr [rdi+{off(2)}]",
                       f"!{m.group(1)} tmm{{imm0}}, [rax+rcx*1]"], False)
    m = re.fullmatch(r"(tcvtrowd2ps|tcvtrowps2bf16[hl]|tcvtrowps2ph[hl]|tilemovrow)(i?)", n)
    if m:
        # (tile, row) -> the row as a zmm vector; the `i` forms take the row as immediate.
        row_op = "{imm1}" if m.group(2) else "ecx"
        lines = [] if m.group(2) else [f"mov ecx, dword ptr [rdi+{off(1)}]"]
        lines += [f"!{m.group(1)} zmm0, tmm{{imm0}}, {row_op}", "vmovdqu64 zmmword ptr [rdi], zmm0"]
        return finish(lines, True)
    m = re.fullmatch(r"avx512\.vp2intersect\.([dq])\.(128|256|512)", n)
    if m:
        # (a, b) -> (mask of a's lanes found in b, mask of b's lanes found in a): the
        # instruction writes an even/odd pair of mask registers.
        vb = shape_bytes(row.args[0])
        k = vkind(vb)
        rb = shape_bytes(row.ret[4:-1].split(",")[0])
        lanes = vb // (4 if m.group(1) == "d" else 8)
        # Fewer than 8 lanes: the bits above them are cleared (as LLVM does).
        clear = [f"and eax, {(1 << lanes) - 1}"] if lanes < 8 else []
        return finish([load_vec(k, 0, vb, off(0), True), load_vec(k, 1, vb, off(1), True),
                       f"vp2intersect{m.group(1)} k0, {k}0, {k}1", "kmovw eax, k0", *clear, store_gpr(0, rb, 0),
                       "kmovw eax, k1", *clear, store_gpr(0, rb, SLOT)], True)
    m = re.fullmatch(r"aes(enc|dec)(128|256)kl", n)
    if m:
        # (data, handle) -> (ZF: the handle was invalid, the new data).
        return finish([f"movdqu xmm0, xmmword ptr [rdi+{off(0)}]", f"mov rax, qword ptr [rdi+{off(1)}]",
                       f"{n} xmm0, [rax]", "sete al", "mov byte ptr [rdi], al",
                       f"movdqu xmmword ptr [rdi+{SLOT}], xmm0"], False)
    m = re.fullmatch(r"aes(enc|dec)wide(128|256)kl", n)
    if m:
        # (handle, 8 blocks) -> (ZF, 8 blocks): the blocks live in xmm0..xmm7.
        lines = [f"movdqu xmm{i}, xmmword ptr [rdi+{off(1 + i)}]" for i in range(8)]
        lines += [f"mov rax, qword ptr [rdi+{off(0)}]", f"{n} [rax]", "sete al", "mov byte ptr [rdi], al"]
        lines += [f"movdqu xmmword ptr [rdi+{SLOT * (1 + i)}], xmm{i}" for i in range(8)]
        return finish(lines, False)
    m = re.fullmatch(r"encodekey(128|256)", n)
    if m:
        # (handle type, key...) -> (key info, handle...): the key is in xmm0 (and xmm1),
        # the handle comes back in xmm0..xmm2 (xmm3) and xmm4..xmm6 are zeroed.
        wide = m.group(1) == "256"
        keys = 2 if wide else 1
        outs = [0, 1, 2, 3, 4, 5, 6] if wide else [0, 1, 2, 4, 5, 6]
        lines = [f"movdqu xmm{i}, xmmword ptr [rdi+{off(1 + i)}]" for i in range(keys)]
        lines += [f"mov eax, dword ptr [rdi+{off(0)}]", f"{n} eax, eax", "mov dword ptr [rdi], eax"]
        lines += [f"movdqu xmmword ptr [rdi+{SLOT * (1 + j)}], xmm{x}" for j, x in enumerate(outs)]
        return finish(lines, False)
    if n == "loadiwkey":
        # (integrity key, key low, key high, control): xmm0 and eax are implicit.
        return finish([f"movdqu xmm0, xmmword ptr [rdi+{off(0)}]", f"movdqu xmm1, xmmword ptr [rdi+{off(1)}]",
                       f"movdqu xmm2, xmmword ptr [rdi+{off(2)}]", f"mov eax, dword ptr [rdi+{off(3)}]",
                       "loadiwkey xmm1, xmm2"], False)
    if n == "xabort":
        return "xabort {imm0}\nret"
    if n in ("tilerelease", "xend"):
        return f"{n}\nret"
    if n == "xtest":
        return finish(["xor eax, eax", "xtest", "setne al", "mov dword ptr [rdi], eax"], False)
    m = re.fullmatch(r"tbm\.bextri\.u(32|64)", n)
    if m:
        # TBM's bextr with the (start, length) control as an immediate.
        w = int(m.group(1)) // 8
        return finish([load_gpr(0, w, off(0)), f"bextr {gpr_name(0, w)}, {gpr_name(0, w)}, {{imm1}}",
                       store_gpr(0, w, 0)], False)
    if n in ("avx.vzeroall",):
        return "vzeroall\nret"
    if n == "sse3.ldu.dq":
        return finish([f"mov rax, qword ptr [rdi+{off(0)}]", "lddqu xmm0, xmmword ptr [rax]",
                       "movdqu xmmword ptr [rdi], xmm0"], False)
    if n == "avx.ldu.dq.256":
        return finish([f"mov rax, qword ptr [rdi+{off(0)}]", "vlddqu ymm0, ymmword ptr [rax]",
                       "vmovdqu ymmword ptr [rdi], ymm0"], True)
    if n == "sse2.maskmov.dqu":
        return finish([f"movdqu xmm0, xmmword ptr [rdi+{off(0)}]", f"movdqu xmm1, xmmword ptr [rdi+{off(1)}]",
                       f"mov rdi, qword ptr [rdi+{off(2)}]", "maskmovdqu xmm0, xmm1"], False)
    m = re.fullmatch(r"sse4a\.(extrq|insertq)(i?)", n)
    if m:
        ins, i = m.groups()
        lines = [f"movdqu xmm0, xmmword ptr [rdi+{off(0)}]"]
        if ins == "extrq":
            if i:
                lines.append("extrq xmm0, {imm1}, {imm2}")
            else:
                lines += [f"movdqu xmm1, xmmword ptr [rdi+{off(1)}]", "extrq xmm0, xmm1"]
        else:
            lines.append(f"movdqu xmm1, xmmword ptr [rdi+{off(1)}]")
            lines.append("insertq xmm0, xmm1, {imm2}, {imm3}" if i else "insertq xmm0, xmm1")
        lines.append("movdqu xmmword ptr [rdi], xmm0")
        return finish(lines, False)
    m = re.fullmatch(r"sse2?\.cmp\.(ps|ss|pd|sd)", n)
    if m:
        # Predicates 8..31 exist only in the VEX encoding: the legacy one ignores bits 3..7
        # (stdarch passes them only from AVX functions).
        s = m.group(1)
        return finish([f"movdqu xmm0, xmmword ptr [rdi+{off(0)}]", f"movdqu xmm1, xmmword ptr [rdi+{off(1)}]",
                       f"?-avx:cmp{s} xmm0, xmm1, {{imm2}}", f"?+avx:vcmp{s} xmm0, xmm0, xmm1, {{imm2}}",
                       "movdqu xmmword ptr [rdi], xmm0"], False)
    if n == "sse41.blendvps" or n == "sse41.blendvpd" or n == "sse41.pblendvb":
        ins = n.split(".")[1]
        return finish([f"movdqu xmm1, xmmword ptr [rdi+{off(0)}]", f"movdqu xmm2, xmmword ptr [rdi+{off(1)}]",
                       f"movdqu xmm0, xmmword ptr [rdi+{off(2)}]", f"{ins} xmm1, xmm2, xmm0",
                       "movdqu xmmword ptr [rdi], xmm1"], False)
    return None


# Instructions newer than the system assembler, as bytes: a template line `!text` is
# emitted as the encoding of `text` (x86_verify.py checks each against LLVM's assembler).
# A byte `{=B^K*immN...}` is computed from immediates (tile register fields).
ENCODED = {
    "movrs al, byte ptr [rax]": "0x0f, 0x38, 0x8a, 0x00",
    "movrs ax, word ptr [rax]": "0x66, 0x0f, 0x38, 0x8b, 0x00",
    "movrs eax, dword ptr [rax]": "0x0f, 0x38, 0x8b, 0x00",
    "movrs rax, qword ptr [rax]": "0x48, 0x0f, 0x38, 0x8b, 0x00",
    "prefetchrst2 byte ptr [rax]": "0x0f, 0x18, 0x20",
    # From `x86_verify.py --encode` (LLVM's assembler):
    "tcmmimfp16ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe2, {=0x79^8*imm2}, 0x6c, {=0xc0^8*imm0^1*imm1}",
    "tcmmrlfp16ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe2, {=0x78^8*imm2}, 0x6c, {=0xc0^8*imm0^1*imm1}",
    "tcvtrowd2ps zmm0, tmm{imm0}, ecx": "0x62, 0xf2, 0x76, 0x48, 0x4a, {=0xc0^1*imm0}",
    "tcvtrowd2ps zmm0, tmm{imm0}, {imm1}": "0x62, 0xf3, 0x7e, 0x48, 0x07, {=0xc0^1*imm0}, {imm1}",
    "tcvtrowps2bf16h zmm0, tmm{imm0}, ecx": "0x62, 0xf2, 0x77, 0x48, 0x6d, {=0xc0^1*imm0}",
    "tcvtrowps2bf16h zmm0, tmm{imm0}, {imm1}": "0x62, 0xf3, 0x7f, 0x48, 0x07, {=0xc0^1*imm0}, {imm1}",
    "tcvtrowps2bf16l zmm0, tmm{imm0}, ecx": "0x62, 0xf2, 0x76, 0x48, 0x6d, {=0xc0^1*imm0}",
    "tcvtrowps2bf16l zmm0, tmm{imm0}, {imm1}": "0x62, 0xf3, 0x7e, 0x48, 0x77, {=0xc0^1*imm0}, {imm1}",
    "tcvtrowps2phh zmm0, tmm{imm0}, ecx": "0x62, 0xf2, 0x74, 0x48, 0x6d, {=0xc0^1*imm0}",
    "tcvtrowps2phh zmm0, tmm{imm0}, {imm1}": "0x62, 0xf3, 0x7c, 0x48, 0x07, {=0xc0^1*imm0}, {imm1}",
    "tcvtrowps2phl zmm0, tmm{imm0}, ecx": "0x62, 0xf2, 0x75, 0x48, 0x6d, {=0xc0^1*imm0}",
    "tcvtrowps2phl zmm0, tmm{imm0}, {imm1}": "0x62, 0xf3, 0x7f, 0x48, 0x77, {=0xc0^1*imm0}, {imm1}",
    "tdpbf8ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe5, {=0x78^8*imm2}, 0xfd, {=0xc0^8*imm0^1*imm1}",
    "tdpbhf8ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe5, {=0x7b^8*imm2}, 0xfd, {=0xc0^8*imm0^1*imm1}",
    "tdphbf8ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe5, {=0x7a^8*imm2}, 0xfd, {=0xc0^8*imm0^1*imm1}",
    "tdphf8ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe5, {=0x79^8*imm2}, 0xfd, {=0xc0^8*imm0^1*imm1}",
    "tileloaddrs tmm{imm0}, [rax+rcx*1]": "0xc4, 0xe2, 0x7b, 0x4a, {=0x04^8*imm0}, 0x08",
    "tileloaddrst1 tmm{imm0}, [rax+rcx*1]": "0xc4, 0xe2, 0x79, 0x4a, {=0x04^8*imm0}, 0x08",
    "tilemovrow zmm0, tmm{imm0}, ecx": "0x62, 0xf2, 0x75, 0x48, 0x4a, {=0xc0^1*imm0}",
    "tilemovrow zmm0, tmm{imm0}, {imm1}": "0x62, 0xf3, 0x7d, 0x48, 0x07, {=0xc0^1*imm0}, {imm1}",
    "tmmultf32ps tmm{imm0}, tmm{imm1}, tmm{imm2}": "0xc4, 0xe2, {=0x79^8*imm2}, 0x48, {=0xc0^8*imm0^1*imm1}",
    "vpdpwsud xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x72, 0xd2, 0xc2",
    "vpdpwsud ymm0, ymm1, ymm2": "0xc4, 0xe2, 0x76, 0xd2, 0xc2",
    "vpdpwsuds xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x72, 0xd3, 0xc2",
    "vpdpwsuds ymm0, ymm1, ymm2": "0xc4, 0xe2, 0x76, 0xd3, 0xc2",
    "vpdpwusd xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x71, 0xd2, 0xc2",
    "vpdpwusd ymm0, ymm1, ymm2": "0xc4, 0xe2, 0x75, 0xd2, 0xc2",
    "vpdpwusds xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x71, 0xd3, 0xc2",
    "vpdpwusds ymm0, ymm1, ymm2": "0xc4, 0xe2, 0x75, 0xd3, 0xc2",
    "vpdpwuud xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x70, 0xd2, 0xc2",
    "vpdpwuud ymm0, ymm1, ymm2": "0xc4, 0xe2, 0x74, 0xd2, 0xc2",
    "vpdpwuuds xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x70, 0xd3, 0xc2",
    "vpdpwuuds ymm0, ymm1, ymm2": "0xc4, 0xe2, 0x74, 0xd3, 0xc2",
    "vsha512msg1 ymm0, xmm1": "0xc4, 0xe2, 0x7f, 0xcc, 0xc1",
    "vsha512msg2 ymm0, ymm1": "0xc4, 0xe2, 0x7f, 0xcd, 0xc1",
    "vsha512rnds2 ymm0, ymm1, xmm2": "0xc4, 0xe2, 0x77, 0xcb, 0xc2",
    "vsm3msg1 xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x70, 0xda, 0xc2",
    "vsm3msg2 xmm0, xmm1, xmm2": "0xc4, 0xe2, 0x71, 0xda, 0xc2",
    "vsm3rnds2 xmm0, xmm1, xmm2, {imm3}": "0xc4, 0xe3, 0x71, 0xde, 0xc2, {imm3}",
    "vsm4key4 xmm0, xmm0, xmm1": "0xc4, 0xe2, 0x7a, 0xda, 0xc1",
    "vsm4key4 ymm0, ymm0, ymm1": "0xc4, 0xe2, 0x7e, 0xda, 0xc1",
    "vsm4rnds4 xmm0, xmm0, xmm1": "0xc4, 0xe2, 0x7b, 0xda, 0xc1",
    "vsm4rnds4 ymm0, ymm0, ymm1": "0xc4, 0xe2, 0x7f, 0xda, 0xc1",
}


def encode(asm: str) -> str:
    out = []
    for line in asm.split("\n"):
        if line.startswith("!"):
            if line[1:] not in ENCODED:
                raise Fail(f"no byte encoding for `{line[1:]}` (x86_verify.py --encode)")
            line = f".byte {ENCODED[line[1:]]}"
        out.append(line)
    return "\n".join(out)


def fill(rows, xml_path, report=None):
    """Sets `asm` on every x86 row that has a template; returns {name: reason} for the rest."""
    forms = load_forms(xml_path)
    missing = {}
    for r in rows:
        if r.arch != "x86" or not r.name.startswith("llvm.x86."):
            continue
        try:
            r.asm = encode(template(r, forms))
        except Fail as e:
            r.asm = ""
            missing[r.name] = str(e)
        except (KeyError, ValueError, IndexError) as e:
            r.asm = ""
            missing[r.name] = f"generator error {e!r} ({r.args} -> {r.ret})"
    return missing
