#!/usr/bin/env python3
"""A deterministic compile-time guard: instructions, not seconds.

Compiles one crate of the benchmark, regex-automata, with the exact rustc command cargo
uses, under valgrind's callgrind, three times at `-Cdebuginfo=0`: with `--emit=metadata`
(the front end alone, `cargo check`'s work), with LLVM and with our backend. It prints the
instruction counts and two ratios that do not depend on the machine's speed:

* `ours/LLVM`: the whole compilation;
* `share`: our backend's work beyond the front end against LLVM's, (ours - check) /
  (LLVM - check), the figure issue 14 is about.

With `--check`, the ratios must not exceed `icount-baseline.json` by more than its
tolerance (counts of one machine differ slightly from another's, by the C library's
routines; ratios much less). After a change that is meant to cost more, or after an
improvement, `--write` records the new baseline.

    python3 tests/bench/icount.py --backend $PWD/target/release/librustc_codegen_cranelift.so [--check | --write]

Needs valgrind (Debian's `valgrind` package). About 4 minutes.
"""

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "pylib"))
import debuginfo_cost  # noqa: E402

BASELINE = HERE / "icount-baseline.json"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", required=True, help="absolute path of librustc_codegen_cranelift.so")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail when a ratio exceeds the baseline")
    mode.add_argument("--write", action="store_true", help="record the ratios as the baseline")
    args = ap.parse_args()
    work = HERE / "target" / "icount"
    cmd = debuginfo_cost.rustc_command(work / "cargo", args.backend)
    counts = {}
    # The front end alone emits metadata only (no backend runs); then each backend.
    for what, backend, emit in (("check", "llvm", "metadata"), ("LLVM", "llvm", "metadata,link"),
                                ("ours", args.backend, "metadata,link")):
        out = work / "out" / what
        out.mkdir(parents=True, exist_ok=True)
        counts[what] = debuginfo_cost.callgrind(debuginfo_cost.variant(cmd, "0", out, emit, backend))
        print(f"{what}: {counts[what]:,} instructions", flush=True)
    ratios = {
        "ours/LLVM": counts["ours"] / counts["LLVM"],
        "share": (counts["ours"] - counts["check"]) / (counts["LLVM"] - counts["check"]),
    }
    print(f"\n| regex-automata, -Cdebuginfo=0 | instructions |\n|---|---:|")
    for k, v in counts.items():
        print(f"| {k} | {v:,} |")
    for k, v in ratios.items():
        print(f"| {k} | {v:.3f} |")
    if args.write:
        BASELINE.write_text(json.dumps({"ratios": {k: round(v, 4) for k, v in ratios.items()},
                                        "tolerance": 0.03}, indent=1) + "\n")
        print(f"wrote {BASELINE}")
    if args.check:
        base = json.loads(BASELINE.read_text())
        tol = base["tolerance"]
        bad = [f"{k} {v:.3f} > {base['ratios'][k]:.3f} (+{tol:.0%})" for k, v in ratios.items()
               if v > base["ratios"][k] * (1 + tol)]
        if bad:
            print("compile-time regression: " + "; ".join(bad) +
                  " (tests/bench/icount.py --write records an intended change)")
            return 1
        print(f"within {tol:.0%} of the baseline ({BASELINE.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
