#!/usr/bin/env python3
"""What debug info costs our backend, counted in instructions rather than timed.

Wall-clock times on a shared 2-core machine vary by ±15% from run to run, more than the
costs to measure (the budget is 3% for line tables, 10% for full debug info). This
compiles one crate of the benchmark, regex-automata (the largest of the regex build),
under valgrind's callgrind at each debuginfo level, with the exact command cargo uses,
and prints the instruction counts and their ratio to `-Cdebuginfo=0`. The counts are
the same from run to run on the same machine.

    python3 tests/bench/debuginfo_cost.py --backend $PWD/target/release/librustc_codegen_cranelift.so

Needs valgrind (Debian's `valgrind` package). About 4 minutes per level.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "tests" / "pylib"))
import clif_project  # noqa: E402

TOOLCHAIN = clif_project.toolchain()
CRATE = "regex_automata"
LEVELS = ["0", "line-tables-only", "limited", "full"]


def rustc_command(target_dir: Path, backend: str) -> list[str]:
    """The rustc command cargo runs for CRATE in a clean build of bench-regex (its
    dependencies are built on the way)."""
    env = dict(os.environ, RUSTUP_TOOLCHAIN=TOOLCHAIN, CARGO_TARGET_DIR=str(target_dir),
               RUSTFLAGS=f"-Zcodegen-backend={backend}")
    # Cargo prints the command only when it runs it.
    subprocess.run(["cargo", "clean", "-q", "-p", "regex-automata"], cwd=HERE, env=env)
    p = subprocess.run(["cargo", "build", "-v", "-p", "bench-regex"], cwd=HERE, env=env,
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"cargo build failed:\n{p.stderr[-3000:]}")
    for line in p.stderr.splitlines():
        m = re.match(r"\s*Running `(.*)`$", line)
        if m and f"--crate-name {CRATE} " in m.group(1):
            return shlex.split(m.group(1))
    sys.exit(f"no rustc command for {CRATE} in cargo's output")


def variant(cmd: list[str], level: str, out_dir: Path, emit: str = "metadata,link",
            backend: str | None = None) -> list[str]:
    """cargo's rustc command at `-Cdebuginfo=level`, writing `emit` into `out_dir`, with
    the backend of cargo's command, or `backend` ("llvm": rustc's own)."""
    fixed = []
    skip = False
    for i, a in enumerate(cmd):
        if skip:
            skip = False
            continue
        if a == "-C" and i + 1 < len(cmd) and cmd[i + 1].startswith("debuginfo="):
            skip = True
            continue
        if a == "--out-dir":
            fixed += [a, str(out_dir)]
            skip = True
            continue
        if a.startswith("--error-format") or a.startswith("--json"):
            continue
        if backend and a.startswith("-Zcodegen-backend"):
            continue
        if a.startswith("--emit="):
            a = f"--emit={emit}"
        fixed.append(a)
    fixed += ["-C", f"debuginfo={level}"]
    if backend and backend != "llvm":
        fixed.append(f"-Zcodegen-backend={backend}")
    return fixed


def callgrind(cmd: list[str], out_file: Path | None = None) -> int:
    """The instructions `cmd` executes (all its threads), under callgrind; `out_file`
    keeps the profile."""
    with tempfile.TemporaryDirectory() as tmp:
        log = out_file or Path(tmp) / "cg.out"
        p = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={log}", *cmd],
                           capture_output=True, text=True, env=dict(os.environ, RUSTUP_TOOLCHAIN=TOOLCHAIN))
        m = re.search(r"Collected : (\d+)|refs:\s+([\d,]+)", p.stderr)
        if p.returncode != 0 or not m:
            sys.exit(f"callgrind run of {cmd[0]} failed:\n{p.stderr[-3000:]}")
        return int((m.group(1) or m.group(2)).replace(",", ""))


def instructions(cmd: list[str], level: str, out_dir: Path, keep: Path | None = None) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    return callgrind(variant(cmd, level, out_dir), keep / f"callgrind.{level}.out" if keep else None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", required=True, help="absolute path of librustc_codegen_cranelift.so")
    ap.add_argument("--levels", default=",".join(LEVELS), help="comma-separated -Cdebuginfo values")
    ap.add_argument("--keep", type=Path, help="keep callgrind.<level>.out here (for callgrind_annotate)")
    args = ap.parse_args()
    if args.keep:
        args.keep = args.keep.resolve()
        args.keep.mkdir(parents=True, exist_ok=True)
    work = HERE / "target" / "debuginfo-cost"
    cmd = rustc_command(work / "cargo", args.backend)
    counts = {}
    for level in args.levels.split(","):
        counts[level] = instructions(cmd, level, work / "out", args.keep)
        print(f"{level}: {counts[level]:,} instructions", flush=True)
    base = counts.get("0")
    print(f"\n| `-Cdebuginfo` | instructions | vs `0` |\n|---|---:|---:|")
    for level, n in counts.items():
        ratio = f"{(n / base - 1) * 100:+.1f}%" if base else "-"
        print(f"| {level} | {n:,} | {ratio} |")


if __name__ == "__main__":
    main()
