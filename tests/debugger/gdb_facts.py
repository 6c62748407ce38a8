#!/usr/bin/env python3
"""Differential debugger test: builds each probe in tests/debugger/ with LLVM and with our
backend (`-g -Copt-level=0`), runs both under the toolchain's rust-gdb (gdb with the
Rust pretty printers) in batch mode and compares what gdb says
at every `// break` line: the stack (function names and file:line of each frame), each
argument and local with its value (addresses left out), where `next`, `step` and
`finish` arrive, fact by fact.

    python3 tests/debugger/gdb_facts.py --backend path/to/librustc_codegen_cranelift.so

With lldb installed (Debian's `lldb`), the toolchain's rust-lldb answers the same
questions (`bt`, `frame variable`, `thread step-over`/`step-in`/`step-out`), compared
the same way (`--no-lldb` skips it); its facts are keyed `file: lldb: line N ...`.

It also runs `llvm-dwarfdump --verify` on the objects our backend writes for the probes
and for `tests/run-pass/debuginfo_*.rs`, at full and line-tables-only debug info and with
DWARF 5 (Debian's `llvm` package has llvm-dwarfdump; the toolchain's llvm-tools lack it).
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests" / "pylib"))
import clif_project  # noqa: E402

TOOLCHAIN = clif_project.toolchain()


def build(src: Path, out: Path, backend, opt=("-Copt-level=0",)):
    cmd = ["rustc", "-g", *opt, "--edition", "2021", str(src), "-o", str(out)]
    if backend:
        cmd.append(f"-Zcodegen-backend={backend}")
    # Through rustup's proxy or the toolchain's own rustc (under clif.sh): both read it.
    env = dict(os.environ, RUSTUP_TOOLCHAIN=TOOLCHAIN)
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        sys.exit(f"build failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")


def no_core_dumps():
    # A crash under gdb must not leave a core file behind (in the tree, say).
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def gdb(binary: Path, src: Path, line: int) -> str:
    """gdb's answers at the first time `line` is reached (one run per breakpoint, so that
    a difference at one cannot shift the others)."""
    cmds = ["set pagination off", "set width 0", "set confirm off", f"break {src.name}:{line}", "run",
            "echo @@STOP\\n", "bt 8", "echo @@LOCALS\\n", "info args", "info locals", "echo @@NEXT\\n", "next",
            "echo @@STEP\\n", "step", "echo @@FINISH\\n", "finish", "echo @@END\\n", "kill"]
    # The toolchain's rust-gdb: gdb with the Rust pretty printers allowed to load (through
    # the `.debug_gdb_scripts` section both builds write).
    env = dict(os.environ, RUSTUP_TOOLCHAIN=TOOLCHAIN)
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, env=env).stdout.strip()
    rust_gdb = Path(sysroot) / "bin" / "rust-gdb"
    gdb_cmd = [str(rust_gdb)] if rust_gdb.exists() else ["gdb"]
    args = gdb_cmd + ["-nx", "-batch"] + [a for c in cmds for a in ("-ex", c)] + [str(binary)]
    # On timeout the debugger and its inferior go together (the whole process group).
    p = clif_project.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120,
                         cwd=binary.parent, env=env, preexec_fn=no_core_dumps)
    return p.stdout


FRAME = re.compile(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(\S+?)(?:<[^ ]*>)? \(.*?\)(?: at (\S+):(\d+))?")
LOC = re.compile(r"^(\d+)\t")
# `finish` prints "Run till exit from #0 ..." then the caller's frame line.
FINISH = re.compile(r"^(?:0x[0-9a-f]+ in )?(\S+) \(.*?\) at (\S+):(\d+)")


def facts(out: str, line: int):
    """[(fact, answer)] at the breakpoint of `line`."""
    got = []
    for chunk in out.split("@@STOP\n")[1:2]:
        parts = dict(re.findall(r"@@(\w+)\n(.*?)(?=@@|\Z)", "@@BT\n" + chunk, re.S))
        for l in parts.get("BT", "").splitlines():
            m = FRAME.match(l)
            if m:
                got.append((f"line {line} frame {m.group(1)}", f"{m.group(2)} {Path(m.group(3) or '?').name}:{m.group(4)}"))
        for kind in ("NEXT", "STEP"):
            lines = [LOC.match(l).group(1) for l in parts.get(kind, "").splitlines() if LOC.match(l)]
            got.append((f"line {line} {kind.lower()}", lines[-1] if lines else "?"))
        fin = [FINISH.match(l) for l in parts.get("FINISH", "").splitlines() if not l.startswith("Run till")]
        fin = [m for m in fin if m]
        got.append((f"line {line} finish", f"{fin[0].group(1)} {Path(fin[0].group(2)).name}:{fin[0].group(3)}" if fin else "?"))
        # Each argument and local, its value with addresses left out (they differ).
        for l in parts.get("LOCALS", "").splitlines():
            m = re.match(r"^(\w+) = (.*)$", l)
            if m:
                value = re.sub(r"0x[0-9a-f]+", "ADDR", m.group(2))
                # std's `RandomState` keys differ per run.
                value = re.sub(r"k0: \d+, k1: \d+", "k0: K, k1: K", value)
                got.append((f"line {line} var {m.group(1)}", value))
    return got


def lldb(binary: Path, src: Path, line: int) -> str:
    """rust-lldb's answers at the first time `line` is reached."""
    cmds = [f"breakpoint set --file {src.name} --line {line}", "run", "script print('@@STOP')",
            "bt 8", "script print('@@LOCALS')", "frame variable", "script print('@@NEXT')",
            "thread step-over", "script print('@@STEP')", "thread step-in",
            "script print('@@FINISH')", "thread step-out", "script print('@@END')", "kill"]
    env = dict(os.environ, RUSTUP_TOOLCHAIN=TOOLCHAIN)
    # Debian's lldb 14 looks for its Python module in the wrong directory (`lldb -P`), and
    # its embedded Python may take another python3 on PATH for its home (pyenv's, say),
    # without the system's packages the module imports.
    module = sorted(Path("/usr/lib").glob("llvm-*/lib/python3*/dist-packages/lldb/__init__.py"))
    if module:
        env["PYTHONPATH"] = os.pathsep.join([str(module[-1].parent.parent), "/usr/lib/python3/dist-packages",
                                             env.get("PYTHONPATH", "")])
    sysroot = subprocess.run(["rustc", "--print", "sysroot"], capture_output=True, text=True, env=env).stdout.strip()
    rust_lldb = Path(sysroot) / "bin" / "rust-lldb"
    args = ["sh", str(rust_lldb), "--no-lldbinit", "--batch"] + [a for c in cmds for a in ("-o", c)] + [str(binary)]
    # On timeout the debugger and its inferior go together (the whole process group).
    p = clif_project.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120,
                         cwd=binary.parent, env=env, preexec_fn=no_core_dumps)
    return p.stdout


# (After the binary's name and addresses are taken out.)
LLDB_FRAME = re.compile(r"^\s*[* ]?\s*frame #(\d+): (?:ADDR )?(.+?)(?: at (\S+?):(\d+)(?::\d+)?)?$")
LLDB_VAR = re.compile(r"^\((.+)\) (\w+) =(?: (.*))?$")


def lldb_facts(out: str, line: int):
    """[(fact, answer)] at the breakpoint of `line`, from lldb's output (addresses and
    the binary's name left out)."""
    out = re.sub(r"0x[0-9a-f]+", "ADDR", re.sub(r"[\w.-]+`", "", out))
    got = []
    parts = dict(re.findall(r"@@(\w+)\n(.*?)(?=@@|\Z)", out.split("@@STOP\n", 1)[1], re.S)) if "@@STOP\n" in out else {}
    bt = out.split("@@STOP\n", 1)[1].split("@@LOCALS")[0] if "@@STOP\n" in out else ""
    for l in bt.splitlines():
        m = LLDB_FRAME.match(l)
        if m:
            fn = m.group(2)
            got.append((f"lldb: line {line} frame {m.group(1)}", f"{fn} {Path(m.group(3) or '?').name}:{m.group(4)}"))
    for kind in ("NEXT", "STEP", "FINISH"):
        frames = [LLDB_FRAME.match(l) for l in parts.get(kind, "").splitlines()]
        frames = [m for m in frames if m and m.group(1) == "0"]
        got.append((f"lldb: line {line} {kind.lower()}", f"{frames[-1].group(2)} :{frames[-1].group(4)}" if frames else "?"))
    # Each top-level variable, its value (continuation lines joined), addresses left out.
    var, value = None, []
    for l in [l for l in parts.get("LOCALS", "").splitlines() if not l.startswith("(lldb)")] + ["(end) end = end"]:
        m = LLDB_VAR.match(l)
        if m:
            if var:
                v = re.sub(r"0x[0-9a-f]+", "ADDR", " ".join(value))
                got.append((f"lldb: line {line} var {var}", re.sub(r"k0 = \d+, k1 = \d+", "k0 = K, k1 = K", v)))
            var, value = m.group(2), [f"({m.group(1)}) {m.group(3) or ''}"]
        elif var and l.strip():
            value.append(l.strip())
    return got


def verify_dwarf(backend, tmp) -> int:
    """Objects of ours that llvm-dwarfdump finds errors in."""
    tool = next((t for t in ("llvm-dwarfdump", "llvm-dwarfdump-14", "llvm-dwarfdump-16") if shutil.which(t)), None)
    if tool is None:
        sys.exit("llvm-dwarfdump is needed (apt-get install llvm)")
    srcs = sorted(HERE.glob("*.rs")) + sorted((HERE.parent / "run-pass").glob("debuginfo_*.rs"))
    bad = n = 0
    for src in srcs:
        for flags in (["-g"], ["-Cdebuginfo=line-tables-only"], ["-g", "-Zdwarf-version=5"]):
            obj = Path(tmp) / f"{src.stem}.o"
            cmd = ["rustc", *flags, "-Ccodegen-units=1", "--edition", "2021", "--emit=obj",
                   f"-Zcodegen-backend={backend}", str(src), "-o", str(obj)]
            env = dict(os.environ, RUSTUP_TOOLCHAIN=TOOLCHAIN)
            p = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if p.returncode != 0:
                sys.exit(f"build failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
            v = subprocess.run([tool, "--verify", str(obj)], capture_output=True, text=True)
            n += 1
            if v.returncode != 0 or "No errors." not in v.stdout:
                bad += 1
                print(f"llvm-dwarfdump --verify: {src.name} {' '.join(flags)}:\n{v.stdout[-3000:]}{v.stderr[-1000:]}")
    print(f"llvm-dwarfdump --verify: {n - bad} of {n} objects without errors")
    return bad


def optimized_checks(backend, tmp) -> int:
    """The probes in optimized/, built with our backend at -O2 or their `//@ opt-level: N`
    (where inliners run and LLVM's optimizer reorders lines, so there is nothing to compare
    fact by fact): gdb's answers at each `// break expect: a; b` line must contain `a`, `b`."""
    bad = 0
    for src in sorted((HERE / "optimized").glob("*.rs")):
        out = Path(tmp) / f"{src.stem}-ours-O2"
        opt = re.search(r"^//@ opt-level: (\d)", src.read_text(), re.M)
        build(src, out, backend, [f"-Copt-level={opt.group(1) if opt else 2}"])
        for i, l in enumerate(src.read_text().splitlines()):
            if "// break expect:" not in l or l.lstrip().startswith("//"):
                continue
            answer = gdb(out, src, i + 1).split("@@STOP\n")[1:2]
            answer = answer[0].split("@@NEXT")[0] if answer else ""
            for want in [w.strip() for w in l.split("// break expect:")[1].split(";") if w.strip()]:
                if want not in answer:
                    bad += 1
                    print(f"optimized/{src.name}:{i + 1}: gdb does not show `{want}`:\n{answer}")
    print(f"optimized probes: {'ok' if not bad else f'{bad} missing'}")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--no-lldb", action="store_true", help="gdb only")
    args = ap.parse_args()
    use_lldb = not args.no_lldb and shutil.which("lldb") is not None
    if not use_lldb:
        print("lldb: not installed (apt-get install lldb) or --no-lldb: gdb only")
    total = bad = 0
    # Facts known to differ (a ratchet: a listed fact that now agrees must be removed).
    known_file = HERE / "known-differences.txt"
    known = {l.split("  #")[0].strip() for l in known_file.read_text().splitlines() if l.strip() and not l.startswith("#")} if known_file.exists() else set()
    seen, stale = set(), []
    with tempfile.TemporaryDirectory() as tmp:
        for src in sorted(HERE.glob("*.rs")):
            lines = [i + 1 for i, l in enumerate(src.read_text().splitlines()) if l.rstrip().endswith("// break")]
            ref, ours = Path(tmp) / f"{src.stem}-llvm", Path(tmp) / f"{src.stem}-ours"
            build(src, ref, None)
            build(src, ours, args.backend)
            want, got = [], []
            for line in lines:
                want += facts(gdb(ref, src, line), line)
                got += facts(gdb(ours, src, line), line)
                if use_lldb:
                    want += lldb_facts(lldb(ref, src, line), line)
                    got += lldb_facts(lldb(ours, src, line), line)
            if not want:
                sys.exit(f"{src.name}: gdb reported nothing for the LLVM build (is gdb working?)")
            got_map, want_map = dict(got), dict(want)
            for k, v in want + [(k, None) for k, _ in got if k not in want_map]:
                key = f"{src.name}: {k}"
                total += 1
                same = got_map.get(k) == v
                if key in known:
                    seen.add(key)
                    if same:
                        stale.append(key)
                    continue
                if not same:
                    bad += 1
                    print(f"{key}: LLVM `{v}`, ours `{got_map.get(k, '(missing)')}`")
                elif args.verbose:
                    print(f"{key}: {v}")
        for key in stale:
            bad += 1
            print(f"{key}: now as with LLVM: remove it from {known_file.name}")
        print(f"{'gdb and lldb' if use_lldb else 'gdb'} facts: {total - bad - len(seen) + len(stale)} of {total} as with LLVM, "
              f"{len(seen) - len(stale)} known to differ ({known_file.name})")
        bad_dwarf = verify_dwarf(args.backend, tmp)
        bad_optimized = optimized_checks(args.backend, tmp)
    return 1 if bad or bad_dwarf or bad_optimized or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
