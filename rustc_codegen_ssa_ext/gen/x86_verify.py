#!/usr/bin/env python3
"""Checks the x86 assembly templates of rows this machine cannot run (AVX-512, GFNI,
AVX-VNNI, ...) against the code LLVM generates for the same intrinsic, and writes the
rows that agree to `x86_static_verified.txt` (read by `x86_asm.py`).

For each row, and each tested value of its immediates, LLVM compiles a function that
loads the arguments from the same area layout, calls the intrinsic and stores the
result. Both instruction sequences are then executed symbolically: loads from the area
are the arguments, moves copy, every other instruction is an uninterpreted operation of
its mnemonic, operand kinds, inputs, immediates, mask, zeroing and rounding; a row
agrees when both store the same expressions to the same result slots. Any difference
(another instruction, operand order, width, mask handling) leaves the row unverified,
so it stays a compile-time error until it is tested on a CPU that has it. The generated
differential tests run such rows wherever the CPU has the feature.

    python3 rustc_codegen_ssa_ext/gen/x86_verify.py [--verbose] [--only SUBSTR]
"""

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import arch_intrinsics  # noqa: E402
import x86_asm  # noqa: E402

OUT = HERE / "x86_static_verified.txt"
TOOLCHAIN = arch_intrinsics.TOOLCHAIN


def template_hash(asm: str) -> str:
    return hashlib.sha256(asm.encode()).hexdigest()[:16]


# --- Instantiation (the same rules as src/arch/template.rs) -------------------------------

ER = [", {rn-sae}", ", {rd-sae}", ", {ru-sae}", ", {rz-sae}"]


def instantiate(asm: str, vals: dict, feats: set) -> str:
    out = []
    for line in asm.split("\n"):
        if line.startswith("?"):
            cond, text = line[1:].split(":", 1)
            if cond.startswith("+"):
                ok = cond[1:] in feats
            elif cond.startswith("-"):
                ok = cond[1:] not in feats
            elif "<=" in cond:
                a, b = cond.split("<=")
                ok = vals[int(a)] <= int(b)
            elif ">" in cond:
                a, b = cond.split(">")
                ok = vals[int(a)] > int(b)
            else:
                a, b = cond.split("=")
                ok = vals[int(a)] == int(b)
            if not ok:
                continue
            line = text

        def sub(m):
            kind, arg = m.group(1), int(m.group(2))
            v = vals[arg]
            if kind == "imm":
                return str(v)
            if kind == "rc":
                return str(v & 7)
            if v & 8:
                return ER[v & 3] if kind == "er" else ", {sae}"
            return ""

        out.append(re.sub(r"\{(imm|er|sae|rc)(\d+)\}", sub, line))
    return "\n".join(out)


# --- Symbolic execution -------------------------------------------------------------------

GPR_FAMILY = {}
for i, names in enumerate(x86_asm.GPRS + [("rbx", "ebx", "bx", "bl"), ("rdi", "edi", "di", "dil"),
                                          ("rbp", "ebp", "bp", "bpl"), ("r12", "r12d", "r12w", "r12b"),
                                          ("r13", "r13d", "r13w", "r13b"), ("r14", "r14d", "r14w", "r14b"),
                                          ("r15", "r15d", "r15w", "r15b"), ("rsp", "esp", "sp", "spl")]):
    for n in names:
        GPR_FAMILY[n] = names[0]
COPIES = re.compile(r"(v?mov(dq[au](8|16|32|64)?|[au]p[sd]|dq[au])|mov|movzx|kmov[bwdq])$")
MEM_ONLY_COPIES = re.compile(r"v?mov[dq]$")
# Instructions that read their destination besides their sources.
READS_DEST = re.compile(
    r"v(p?f(n?m(add|sub)|maddsub|msubadd)\d*[ps][sdh]|pdp|permt2|permi2|pternlog|psh[lr]dv|pmadd52|fixupimm|"
    r"f?c?maddc|dpbf16|dpphps|p?gather|p4dp|4fn?madd)|^vp?expand|^vp?compress"
)


CMP_FP = ["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord", "eq_uq", "nge", "ngt", "false", "neq_oq", "ge",
          "gt", "true", "eq_os", "lt_oq", "le_oq", "unord_s", "neq_us", "nlt_uq", "nle_uq", "ord_s", "eq_us",
          "nge_uq", "ngt_uq", "false_os", "neq_os", "ge_oq", "gt_oq", "true_us"]
CMP_INT = ["eq", "lt", "le", "false", "neq", "nlt", "nle", "true"]
# Two-operand instructions whose operands commute.
COMMUTATIVE = {"gf2p8mulb"}
# Instructions that compute the same bits in another execution domain.
SAME = {"vpermpd": "vpermq", "vpermps": "vpermd"}


def normalize(mnem, inputs, kinds):
    """Spells predicate aliases (`vcmpeqps`, `vpcmpltd`) as the instruction with its
    immediate."""
    m = re.fullmatch(r"(v?cmp)([a-z_]+?)(p[sdh]|s[sdh])", mnem)
    if m and m.group(2) in CMP_FP:
        return m.group(1) + m.group(3), inputs + [("imm", CMP_FP.index(m.group(2)))], kinds + ["-"]
    m = re.fullmatch(r"vpcmp(eq|lt|le|false|neq|nlt|nle|true)(u?[bwdq])", mnem)
    if m and not mnem.startswith("vpcmpeq") or (m and "k" in str(kinds)):
        return "vpcmp" + m.group(2), inputs + [("imm", CMP_INT.index(m.group(1)))], kinds + ["-"]
    return SAME.get(mnem, mnem), inputs, kinds


def split_operands(text: str):
    ops, depth, cur = [], 0, ""
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            ops.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        ops.append(cur.strip())
    return ops


def reg_key(name: str):
    m = re.fullmatch(r"([xyz])mm(\d+)", name)
    if m:
        return ("v", int(m.group(2))), m.group(1) + "mm"
    m = re.fullmatch(r"k(\d)", name)
    if m:
        return ("k", int(m.group(1))), "k"
    if name in GPR_FAMILY:
        return ("g", GPR_FAMILY[name]), "r"
    return None, None


class Sim:
    def __init__(self):
        self.regs = {("g", "rdi"): ("area",)}
        self.stores = {}
        self.fresh = 0

    def read_mem(self, op):
        m = re.search(r"\[(.*)\]", op)
        addr = m.group(1).replace(" ", "")
        mm = re.fullmatch(r"rdi(\+(\d+))?", addr)
        if mm:
            return ("arg", int(mm.group(2) or 0))
        parts = re.split(r"\+", addr)
        vals = []
        for p in parts:
            # `index*scale` or `scale*index`.
            xs = p.split("*")
            reg = next((x for x in xs if reg_key(x)[0]), None)
            scale = next((x for x in xs if x != reg), "1")
            k = reg_key(reg)[0] if reg else None
            vals.append((self.regs.get(k, ("undef", k)), scale if reg else "") if k else p)
        return ("mem", tuple(vals))

    def value(self, op):
        op = op.strip()
        if "[" in op:
            # A folded load (its width follows from the instruction and destination).
            return self.read_mem(op), "-"
        base = re.sub(r"\s*\{[^}]*\}", "", op).strip()
        k, kind = reg_key(base)
        if k:
            return self.regs.get(k, ("undef", k)), kind
        if re.fullmatch(r"-?\d+|0x[0-9a-f]+", base):
            v = int(base, 0)
            return ("imm", v & 0xff if -128 <= v <= 255 else v), "i"
        return ("text", op), "t"

    def step(self, mnem: str, ops: list):
        if mnem in ("vzeroupper", "ret", "nop") or mnem.startswith("."):
            return
        if not ops:
            self.stores[("side", self.fresh)] = (mnem,)
            self.fresh += 1
            return
        dst = ops[0]
        if "[" not in dst and reg_key(re.sub(r"\s*\{[^}]*\}", "", dst).strip())[0] is None:
            # No destination (`xabort imm`): an effect of its operands.
            self.stores[("side", self.fresh)] = (mnem, tuple(self.value(o)[0] for o in ops))
            self.fresh += 1
            return
        decos = re.findall(r"\{([^}]*)\}", dst)
        mask = next((d for d in decos if re.fullmatch(r"k\d", d)), None)
        zero = "z" in decos
        srcs = []
        rounding = None
        for o in ops[1:]:
            if re.fullmatch(r"\{[a-z-]+\}", o.strip()):
                rounding = o.strip()
                continue
            srcs.append(self.value(o))
        # A scalar load into a vector register: LLVM uses one only where the intrinsic
        # ignores the other lanes, so it stands for the whole argument.
        scalar_load = re.fullmatch(r"v?movs[sdh]", mnem) and len(ops) == 2 and ("[" in ops[1] or "[" in ops[0])
        if scalar_load or (COPIES.match(mnem) or (MEM_ONLY_COPIES.match(mnem) and ("[" in dst or "[" in ops[1]))) \
                and not mask and len(srcs) == 1:
            val = srcs[0][0]
        else:
            inputs = [s[0] for s in srcs]
            # Sources are compared by value only: a register and a folded load are forms
            # of the same operand, whose width the instruction and destination imply.
            kinds = ["-" for s in srcs]
            mnem, inputs, kinds = normalize(mnem, inputs, kinds)
            dkey, dkind = (None, "m") if "[" in dst else reg_key(re.sub(r"\s*\{[^}]*\}", "", dst).strip())
            old = None
            legacy = not mnem.startswith("v") and not mnem.startswith("k") and not mnem.startswith("{")
            # Three-operand general-register forms (bextr r, r/m, imm) write without reading.
            legacy = legacy and not (dkind == "r" and len(ops) == 3)
            if mnem.startswith("set"):
                # setcc writes a whole byte, to a register or to memory alike.
                legacy, dkind = False, "-"
            # Masking into a mask register zeroes; into a vector register it merges.
            merge = mask and not zero and dkind != "k"
            if (legacy or merge or READS_DEST.search(mnem)) and "[" not in dst:
                old = self.regs.get(dkey, ("undef", dkey))
            fma = re.fullmatch(r"(vf(?:n?m(?:add|sub)|maddsub|msubadd))(132|213|231)([ps][sdh])", mnem)
            if fma and old is not None and len(inputs) == 2:
                # The three forms as (product operands in a canonical order, addend):
                # 132: dst*src2 + src1, 213: src1*dst + src2, 231: src1*src2 + dst.
                x, y = inputs
                prod, add = {"132": ((old, y), x), "213": ((x, old), y), "231": ((x, y), old)}[fma.group(2)]
                mnem = fma.group(1) + fma.group(3)
                old, inputs = None, sorted(prod, key=repr) + [add]
            if re.fullmatch(r"vpternlog[dq]", mnem) and old is not None and len(inputs) == 3:
                # The same truth table over permuted operands: the smallest spelling.
                imm = inputs[2][1]
                ops3 = [old, inputs[0], inputs[1]]
                best = None
                for perm in __import__("itertools").permutations(range(3)):
                    table = 0
                    for bit in range(8):
                        v = [(bit >> 2) & 1, (bit >> 1) & 1, bit & 1]
                        # Operand perm[j] of the new order is old operand j.
                        w = [0, 0, 0]
                        for j in range(3):
                            w[perm[j]] = v[j]
                        if imm >> ((w[0] << 2) | (w[1] << 1) | w[2]) & 1:
                            table |= 1 << bit
                    new = [None, None, None]
                    for j in range(3):
                        new[j] = ops3[perm[j]]
                    cand = (repr(new), table, new)
                    best = min(best, cand, key=lambda c: (c[0], c[1])) if best else cand
                old, inputs = None, best[2] + [("imm", best[1])]
            if mnem in COMMUTATIVE and old is not None and len(inputs) == 1:
                old, inputs = None, sorted([old, inputs[0]], key=repr)
            mval = self.regs.get(reg_key(mask)[0], ("undef", mask)) if mask else None
            if "[" in dst and mask:
                # A masked store reads the memory it keeps.
                pass
            val = ("op", mnem, dkind, tuple(kinds), tuple(inputs), old, mval, zero, rounding)
        if "[" in dst:
            addr = self.read_mem(dst)
            # A store by an operation has the operation's width.
            width = re.match(r"(\w+) ptr", dst).group(1) if " ptr" in dst and val[0] != "op" else ""
            self.stores[addr] = (val, width)
            return
        k, _ = reg_key(re.sub(r"\s*\{[^}]*\}", "", dst).strip())
        if k is None:
            raise ValueError(f"destination {dst}")
        self.regs[k] = val


def run(lines):
    s = Sim()
    for line in lines:
        line = line.split("#")[0].strip()
        if not line or line.endswith(":"):
            continue
        # The encoding prefix does not change what the instruction computes (x86_asm.py
        # adds it where the assembler would otherwise choose EVEX).
        line = line.removeprefix("{vex}").strip()
        parts = line.split(None, 1)
        mnem = parts[0]
        ops = split_operands(parts[1]) if len(parts) > 1 else []
        s.step(mnem, ops)
    return s.stores


def parse_llvm(asm_text: str):
    funcs, cur, name = {}, None, None
    for line in asm_text.splitlines():
        m = re.match(r"^(chk_\d+_\d+):", line)
        if m:
            name, cur = m.group(1), []
            continue
        if cur is None:
            continue
        t = line.strip()
        if t.startswith(".Lfunc_end") or t.startswith(".cfi_endproc"):
            funcs[name] = cur
            cur = None
            continue
        if not t or t.startswith(".") or t.startswith("#"):
            continue
        cur.append(t.replace("\t", " "))
    return funcs


# --- The LLVM side -------------------------------------------------------------------------

def rust_ty(shape):
    m = re.fullmatch(r"v([iufp])(\d+)x(\d+)", shape)
    if m:
        k, bits, n = m.group(1), int(m.group(2)), int(m.group(3))
        return f"V_{k}{bits}x{n}", (k, bits, n)
    if shape.startswith("tup("):
        fields = [rust_ty(x)[0] for x in shape[4:-1].split(",")]
        if any(f.startswith("V_") for f in fields):
            # LLVM's `{ i8, <2 x i64> }`: stdarch's `#[repr(C, packed)]` structs.
            return "P_" + "_".join(fields), None
        return "(" + ", ".join(fields) + ")", None
    return {"ptr": "*mut u8", "unit": "()"}.get(shape, shape), None


def lit(v, ty):
    bits = int(ty[1:])
    v &= (1 << bits) - 1
    if ty[0] == "i" and v >= 1 << (bits - 1):
        v -= 1 << bits
    return f"{v}{ty}"


def combos(row):
    out = [{}]
    for a, lo, hi, vals in row.imms:
        if vals:
            choices = vals[:3] + vals[-1:]
        elif (lo == 4 and hi in (8, 11, 12)) or (lo, hi) == (-(1 << 31), (1 << 31) - 1):
            choices = [4, 8, 11] if hi != 8 and hi != 12 else [4, 8]
        else:
            # Not only the ends: LLVM folds degenerate values (vpternlog 0 and 255 are
            # constants), which are then checked by the other values' agreement only.
            if "tbm.bextri" in row.name:
                choices = [0x0804, 0x1003, 0x2000]  # (length << 8) | start, length > 0
            elif "pternlog" in row.name:
                choices = [0xca, 0xd8, 0x1b, 0x96]  # asymmetric in their operands
            else:
                choices = sorted({v for v in (lo, hi, 1, 17, 0x96, 0xca, 0x3c) if lo <= v <= hi})
        out = [{**c, a: v} for c in out for v in choices]
    return out[:8]


IMM_PROBE = 0x5a


def assemble_raw(stdarch, texts):
    """The bytes (as ints) LLVM's assembler makes of each instruction text."""
    sysroot = stdarch.parents[5]
    with tempfile.TemporaryDirectory() as d:
        asm = ".intel_syntax noprefix\n" + "\n".join(f"enc{i}:\n{t}" for i, t in enumerate(texts))
        src = Path(d) / "enc.rs"
        src.write_text('std::arch::global_asm!(r#"' + asm + '"#);\n')
        obj = Path(d) / "enc.o"
        subprocess.run([str(sysroot / "bin" / "rustc"), "--crate-type=lib", "--emit=obj", "-o", str(obj), str(src)],
                       check=True)
        tools = sysroot / "lib" / "rustlib" / arch_intrinsics.clif_project.host_triple() / "bin"
        dump = subprocess.run([str(tools / "llvm-objdump"), "-d", str(obj)], check=True, capture_output=True,
                              text=True).stdout
    out, cur = [], None
    for line in dump.splitlines():
        if re.match(r"^[0-9a-f]+ <enc\d+>:", line):
            cur = []
            out.append(cur)
        m = re.match(r"^\s+[0-9a-f]+:\s+((?:[0-9a-f]{2} )+)", line)
        if m and cur is not None:
            cur += [int(b, 16) for b in m.group(1).split()]
    return out


def fill_text(text, tiles, imm=IMM_PROBE):
    """`text` with tile placeholders (`tmm{immN}`) from `tiles` and other immediates as `imm`."""
    text = re.sub(r"tmm\{imm(\d+)\}", lambda m: f"tmm{tiles[int(m.group(1))]}", text)
    return re.sub(r"\{imm\d+\}", str(imm), text)


def eval_bytes(enc, vals):
    """The bytes of an ENCODED value for immediates `vals` (as the backend computes them)."""
    out = []
    for b in enc.split(", "):
        m = re.fullmatch(r"\{imm(\d+)\}", b)
        if m:
            out.append(vals[int(m.group(1))] & 0xFF)
        elif b.startswith("{="):
            terms = b[2:-1].split("^")
            v = int(terms[0], 0)
            for t in terms[1:]:
                k, arg = t.split("*imm")
                v ^= int(k) * vals[int(arg)]
            out.append(v)
        else:
            out.append(int(b, 0))
    return out


def derive(stdarch, texts):
    """ENCODED values for `texts`: bytes, `{immN}` for a trailing immediate and
    `{=B^K*immN}` for bytes holding tile register fields, checked on other values."""
    plans = []
    batch = []
    for t in texts:
        tiles = sorted({int(x) for x in re.findall(r"tmm\{imm(\d+)\}", t)})
        imms = [int(x) for x in re.findall(r"(?<!tmm)\{imm(\d+)\}", t)]
        # Tile operands must be distinct for some instructions: start from 0, 1, 2 and
        # flip bit 2 of one at a time.
        base = {k: i for i, k in enumerate(tiles)}
        variants = [base] + [{**base, k: base[k] ^ 4} for k in tiles]
        checks = [dict(zip(tiles, (5, 3, 6))), dict(zip(tiles, (7, 6, 4)))]
        plans.append((t, tiles, imms, len(batch), len(variants), checks))
        batch += [fill_text(t, v) for v in variants + checks]
    got = assemble_raw(stdarch, batch)
    result = []
    for t, tiles, imms, start, nvar, checks in plans:
        first = got[start]
        enc = []
        for i, b in enumerate(first):
            terms, const = [], b
            for j, k in enumerate(tiles):
                d = got[start + 1 + j][i] ^ b
                if d:
                    if d & (d - 1) or d < 4:
                        sys.exit(f"{t}: tile operand {k} changes byte {i} unexpectedly ({d:#x})")
                    shift = d.bit_length() - 3  # bit 2 of the tile moved bit `shift + 2`
                    terms.append(f"{1 << shift}*imm{k}")
                    const ^= j << shift  # the tile number of the first variant
            if terms:
                enc.append("{=" + "^".join([f"0x{const:02x}"] + terms) + "}")
            elif imms and i == len(first) - 1 and b == IMM_PROBE:
                enc.append(f"{{imm{imms[-1]}}}")
            else:
                enc.append(f"0x{b:02x}")
        enc = ", ".join(enc)
        for c, chk in enumerate(checks):
            vals = {**chk, **{k: IMM_PROBE for k in imms}}
            if eval_bytes(enc, vals) != got[start + nvar + c]:
                sys.exit(f"{t}: the derived encoding {enc} is wrong for tiles {chk}")
        result.append(enc)
    return result


def check_encodings(stdarch):
    """Each `x86_asm.ENCODED` byte sequence is what LLVM's assembler makes of its text,
    for several values of its tile and immediate operands."""
    items = list(x86_asm.ENCODED.items())
    samples, batch = [], []
    for text, enc in items:
        tiles = sorted({int(x) for x in re.findall(r"tmm\{imm(\d+)\}", text)})
        imms = [int(x) for x in re.findall(r"(?<!tmm)\{imm(\d+)\}", text)]
        for combo in (dict(zip(tiles, (0, 1, 2))), dict(zip(tiles, (6, 4, 3)))):
            vals = {**combo, **{k: 0x21 for k in imms}}
            samples.append((text, enc, vals))
            batch.append(fill_text(text, combo, 0x21))
    for (text, enc, vals), got in zip(samples, assemble_raw(stdarch, batch)):
        if eval_bytes(enc, vals) != got:
            sys.exit(f"x86_asm.ENCODED[{text!r}] = {enc} is not what LLVM assembles for {vals}: {got}")


def print_missing_encodings(stdarch, rows, forms):
    texts = set()
    for r in rows:
        if r.arch != "x86" or not r.name.startswith("llvm.x86."):
            continue
        try:
            asm = x86_asm.template(r, forms, gate=False)
        except (x86_asm.Fail, KeyError, ValueError, IndexError):
            continue
        texts |= {l[1:] for l in asm.split("\n") if l.startswith("!") and l[1:] not in x86_asm.ENCODED}
    texts = sorted(texts)
    for t, b in zip(texts, derive(stdarch, texts)):
        print(f'    "{t}": "{b}",')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--encode", action="store_true",
                    help="print x86_asm.ENCODED entries for `!` lines that lack one, and stop")
    args = ap.parse_args(argv)
    stdarch = arch_intrinsics.default_stdarch()
    rows, *_ = arch_intrinsics.analyse(stdarch)
    forms = x86_asm.load_forms(stdarch / "intrinsics_data" / "x86-intel.xml")
    if args.encode:
        print_missing_encodings(stdarch, rows, forms)
        return 0
    cands = []
    for r in rows:
        if r.arch != "x86" or not r.name.startswith("llvm.x86."):
            continue
        if args.only and args.only not in r.name:
            continue
        feats = [f for f in r.features.split(",") if f]
        if all(f in x86_asm.VERIFIED_FEATURES for f in feats):
            continue

        try:
            asm = x86_asm.template(r, forms, gate=False)
        except (x86_asm.Fail, KeyError, ValueError, IndexError):
            continue
        cands.append((r, asm))
    types = {}
    decls, funcs, plan = [], [], []
    for i, (r, asm) in enumerate(cands):
        for s in r.args + [r.ret]:
            for x in (s[4:-1].split(",") if s.startswith("tup(") else [s]):
                t, info = rust_ty(x)
                if info:
                    types[t] = info
        params = ", ".join(f"a{j}: {rust_ty(a)[0]}" for j, a in enumerate(r.args))
        decls.append(f'    #[link_name = "{r.name}"] fn f{i}({params}) -> {rust_ty(r.ret)[0]};')
        nres = max(x86_asm.n_results(r.ret), 1)
        for c, vals in enumerate(combos(r)):
            body = []
            for j, a in enumerate(r.args):
                if j in vals:
                    body.append(lit(vals[j], a))
                else:
                    body.append(f"core::ptr::read_unaligned(p.add({64 * (nres + j)}) as *const {rust_ty(a)[0]})")
            call = f"f{i}({', '.join(body)})"
            if r.ret == "unit":
                store = f"{call};"
            elif r.ret.startswith("tup("):
                n = len(r.ret[4:-1].split(","))
                store = f"let r = {call}; " + " ".join(
                    f"core::ptr::write_unaligned(p.add({64 * k}) as *mut _, r.{k});" for k in range(n))
            else:
                store = f"core::ptr::write_unaligned(p as *mut {rust_ty(r.ret)[0]}, {call});"
            feats = ",".join(f for f in r.features.split(",") if f)
            funcs.append(f'#[unsafe(no_mangle)] #[target_feature(enable = "{feats}")]\n'
                         f"pub unsafe extern \"C\" fn chk_{i}_{c}(p: *mut u8) {{ unsafe {{ {store} }} }}")
            plan.append((i, c, vals))
    src = ["#![feature(link_llvm_intrinsics, abi_unadjusted, repr_simd, simd_ffi, f16)]",
           # The target features that are still unstable.
           "#![feature(x86_amx_intrinsics, rtm_target_feature, keylocker_x86, movrs_target_feature)]",
           "#![feature(avx10_target_feature, sha512_sm_x86)]",
           "#![allow(improper_ctypes, non_camel_case_types, internal_features, unused)]"]
    for t, (k, bits, n) in sorted((t, i) for t, i in types.items() if i):
        elem = {"i": f"i{bits}", "u": f"u{bits}", "p": f"u{bits}", "f": f"f{bits}"}[k]
        src.append(f"#[repr(simd)] #[derive(Copy, Clone)] pub struct {t}([{elem}; {n}]);")
    for r, _ in cands:
        t = rust_ty(r.ret)[0]
        if t.startswith("P_") and t not in types:
            types[t] = None
            fields = ", ".join(rust_ty(x)[0] for x in r.ret[4:-1].split(","))
            src.append(f"#[repr(C, packed)] #[derive(Copy, Clone)] pub struct {t}({fields});")
    src.append('unsafe extern "unadjusted" {')
    src += decls
    src.append("}")
    src += funcs
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "chk.rs"
        p.write_text("\n".join(src) + "\n")
        rustc = str(stdarch.parents[5] / "bin" / "rustc")
        res = subprocess.run([rustc, "--edition", "2024", "--crate-type=lib", "-Copt-level=2", "-Ccodegen-units=1",
                              "-Zmerge-functions=disabled",
                              "--emit=asm", "-Cllvm-args=-x86-asm-syntax=intel", "-o", str(Path(d) / "chk.s"), str(p)],
                             capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit("LLVM failed:\n" + res.stderr[-5000:])
        llvm = parse_llvm((Path(d) / "chk.s").read_text())
    check_encodings(stdarch)
    verdict = {}
    for i, c, vals in plan:
        r, asm = cands[i]
        feats = set(f for f in r.features.split(",") if f) | {"avx", "sse4.1"}
        # Lines the generator emits as bytes are compared as the instruction they encode.
        ours = [l.removeprefix("!") for l in instantiate(asm, vals, feats).split("\n")]
        ok = True
        why = ""
        try:
            a = run(ours)
            b = run(llvm.get(f"chk_{i}_{c}", []))
            # The result slots must agree; LLVM may also store nothing for a unit result.
            if a != b:
                ok = False
                why = f"ours {a}\n  llvm {b}"
        except (ValueError, KeyError, AttributeError, TypeError) as e:
            ok, why = False, f"simulation: {e!r}"
        prev = verdict.get(r.name, (True, ""))
        verdict[r.name] = (prev[0] and ok, prev[1] or why)
        if args.verbose and not ok:
            print(f"{r.name} {vals}:\n  {why}\n  ours: {ours}\n  llvm: {llvm.get(f'chk_{i}_{c}')}")
    good = sorted(n for n, (ok, _) in verdict.items() if ok)
    lines = ["# @generated by gen/x86_verify.py: rows whose assembly template agrees with the code",
             "# LLVM generates for the same intrinsic (name, sha256 of the template). See the script."]
    asm_of = {r.name: asm for r, asm in cands}
    lines += [f"{n} {template_hash(asm_of[n])}" for n in good]
    if args.only:
        # Only the rows checked change: their new hash when they agree, else no line.
        kept = [l for l in OUT.read_text().splitlines() if l and l.split()[0] not in verdict]
        lines = kept[:2] + sorted(kept[2:] + lines[2:])
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(good)} of {len(verdict)} rows agree with LLVM ({len(cands)} candidates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
