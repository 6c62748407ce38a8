#!/usr/bin/env python3
"""Compile-time benchmark: clean debug builds with LLVM vs our backend.

Run through tests/bench/bench.sh (which installs the toolchain and builds the
backend); see `bench.sh --help`. Standard library only.

For every crate and run, in alternating order, it times
  - `cargo build` with LLVM,
  - `cargo build` with our backend (RUSTFLAGS=-Zcodegen-backend=<so>),
  - `cargo build` with our backend and -Cpanic=abort, and the same with LLVM (what
    unwinding costs each backend),
  - `cargo check` (the front-end floor: what no backend can go below),
each in a freshly emptied target dir of its own, offline and --locked, after a
single `cargo fetch`. It prints a markdown table of medians, then a
`-Ztime-passes` summary of our backend's build of one crate.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# bench member -> the crate it stands for in the table
CRATES = {
    "regex": "bench-regex",
    "serde": "bench-serde",
    "clap": "bench-clap",
}

TIME_LINE = re.compile(r"^time:\s+([0-9.]+);.*\t(\S+)\s*$")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def cargo_env(rustflags, extra=None):
    env = dict(os.environ)
    # Our own settings only: an inherited RUSTFLAGS/wrapper would skew both sides.
    for var in ("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTC_WRAPPER",
                "RUSTC_WORKSPACE_WRAPPER", "CARGO_BUILD_RUSTFLAGS"):
        env.pop(var, None)
    if rustflags:
        env["RUSTFLAGS"] = rustflags
    env["CARGO_TERM_COLOR"] = "never"
    if extra:
        env.update(extra)
    return env


def timed_cargo(args, target_dir, rustflags, verbose, extra_env=None):
    """Empties target_dir, runs cargo, returns wall seconds (raises on failure)."""
    shutil.rmtree(target_dir, ignore_errors=True)
    cmd = ["cargo", *args, "--offline", "--locked", "--target-dir", str(target_dir)]
    env = cargo_env(rustflags, extra_env)
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=HERE, env=env,
                          stdout=None if verbose else subprocess.PIPE,
                          stderr=None if verbose else subprocess.STDOUT,
                          text=True)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        if not verbose:
            sys.stderr.write(proc.stdout[-8000:])
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {proc.returncode}), "
                           f"RUSTFLAGS={rustflags!r}")
    return elapsed


def fmt(x):
    return "-" if x is None else f"{x:.2f}"


def time_passes(backend, crate_pkg, focus, work, verbose, top):
    """Builds crate_pkg with our backend, -Ztime-passes on the crate `focus`."""
    report = work / "time-passes.txt"
    report.unlink(missing_ok=True)
    extra = {
        "RUSTC_WRAPPER": str(HERE / "rustc_time_passes.py"),
        "CLIF_TIME_PASSES_CRATE": focus,
        "CLIF_TIME_PASSES_OUT": str(report),
    }
    secs = timed_cargo(["build", "-p", crate_pkg], work / "target-time-passes",
                       f"-Zcodegen-backend={backend}", verbose, extra)
    if not report.exists():
        raise RuntimeError(f"crate {focus} was not compiled in the build of {crate_pkg}")
    passes = []
    for line in report.read_text().splitlines():
        m = TIME_LINE.match(line)
        if m:
            passes.append((float(m.group(1)), m.group(2)))
    total = next((t for t, name in passes if name == "total"), None)
    print()
    print(f"### -Ztime-passes: crate `{focus}` compiled by our backend "
          f"(build of {crate_pkg}: {secs:.2f} s)")
    print()
    print("Passes nest (e.g. `codegen_crate` contains the backend's work), so the "
          "column does not add up to `total`.")
    print()
    print("| pass | s | % of total |")
    print("|---|---:|---:|")
    for t, name in sorted(passes, reverse=True)[:top]:
        share = f"{100 * t / total:.1f}" if total else "-"
        print(f"| {name} | {t:.3f} | {share} |")


def run_time(backend, work, runs):
    """Run time of tests/bench/workloads/*.rs built at opt-level 0 by each backend."""
    print()
    print(f"### Run time of the generated code, opt-level 0, median of {runs} run(s)")
    print()
    print("| workload | LLVM s | ours s | ratio ours/LLVM |")
    print("|---|---:|---:|---:|")
    for src in sorted((HERE / "workloads").glob("*.rs")):
        bins = {}
        for kind, extra in (("llvm", []), ("ours", [f"-Zcodegen-backend={backend}"])):
            out = work / f"{src.stem}-{kind}"
            subprocess.run(["rustc", "--edition", "2024", "-Copt-level=0", *extra, str(src),
                            "-o", str(out)], check=True, env=cargo_env(None))
            bins[kind] = out
        times = {"llvm": [], "ours": []}
        outputs = {}
        for run in range(runs):
            for kind in (("llvm", "ours") if run % 2 == 0 else ("ours", "llvm")):
                start = time.monotonic()
                p = subprocess.run([str(bins[kind])], check=True, capture_output=True, text=True)
                times[kind].append(time.monotonic() - start)
                outputs[kind] = p.stdout
        if outputs["llvm"] != outputs["ours"]:
            raise RuntimeError(f"{src.name}: outputs differ: {outputs}")
        llvm, ours = statistics.median(times["llvm"]), statistics.median(times["ours"])
        print(f"| {src.stem} | {llvm:.2f} | {ours:.2f} | {ours / llvm:.2f} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", help="absolute path of librustc_codegen_cranelift.so "
                    "(omit with --llvm-only)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per cell (default 3)")
    ap.add_argument("--crates", default=",".join(CRATES),
                    help=f"comma-separated subset of {','.join(CRATES)}")
    ap.add_argument("--llvm-only", action="store_true",
                    help="time only LLVM and cargo check (our columns print '-')")
    ap.add_argument("--no-check", action="store_true", help="skip the cargo check column")
    ap.add_argument("--no-run-time", action="store_true",
                    help="skip the run time of tests/bench/workloads at opt-level 0")
    ap.add_argument("--no-abort", action="store_true",
                    help="skip the column of our backend with -Cpanic=abort")
    ap.add_argument("--time-passes-crate", default="regex:regex_automata",
                    help="MEMBER:CRATE_NAME for the -Ztime-passes summary "
                    "(default regex:regex_automata); 'none' to skip")
    ap.add_argument("--top", type=int, default=15, help="passes shown in the summary")
    ap.add_argument("--work-dir", default=str(HERE / "target"),
                    help="where the per-backend target dirs go (default tests/bench/target)")
    ap.add_argument("-v", "--verbose", action="store_true", help="show cargo's output")
    a = ap.parse_args()

    crates = [c.strip() for c in a.crates.split(",") if c.strip()]
    unknown = [c for c in crates if c not in CRATES]
    if unknown or not crates:
        ap.error(f"unknown crate(s) {unknown}; choose from {','.join(CRATES)}")
    if a.runs < 1:
        ap.error("--runs must be at least 1")
    if not a.llvm_only:
        if not a.backend:
            ap.error("--backend is required unless --llvm-only")
        # "llvm" runs the whole harness with LLVM on both sides (ratio ~1):
        # a check of the benchmark itself, not of the backend.
        if a.backend != "llvm" and (not os.path.isabs(a.backend)
                                    or not os.path.isfile(a.backend)):
            ap.error(f"--backend must be an existing absolute path: {a.backend}")

    work = Path(a.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)

    log("==> cargo fetch (dependencies are downloaded before anything is timed)")
    subprocess.run(["cargo", "fetch", "--locked"], cwd=HERE, env=cargo_env(None), check=True)

    ours_flags = f"-Zcodegen-backend={a.backend}" if a.backend else None
    kinds = [("llvm", ["build"], None)]
    if not a.no_abort:
        kinds.append(("llvm-abort", ["build"], "-Cpanic=abort"))
    if not a.llvm_only:
        kinds.append(("ours", ["build"], ours_flags))
        if not a.no_abort:
            kinds.append(("abort", ["build"], f"{ours_flags} -Cpanic=abort"))
    if not a.no_check:
        kinds.append(("check", ["check"], None))

    times = {c: {k: [] for k, _, _ in kinds} for c in crates}
    for run in range(a.runs):
        for crate in crates:
            pkg = CRATES[crate]
            # Alternate the order between runs so neither side always goes first.
            order = kinds if run % 2 == 0 else list(reversed(kinds))
            for kind, sub, flags in order:
                log(f"==> run {run + 1}/{a.runs}: {crate:<6} {kind:<5} "
                    f"cargo {sub[0]} -p {pkg}")
                secs = timed_cargo([*sub, "-p", pkg], work / f"target-{kind}", flags, a.verbose)
                times[crate][kind].append(secs)
                log(f"    {secs:.2f} s")

    med = {c: {k: (statistics.median(v) if v else None) for k, v in ks.items()}
           for c, ks in times.items()}
    print()
    print(f"### Clean debug builds, median of {a.runs} run(s), "
          f"{os.cpu_count()} cores, wall seconds")
    print()
    print("| crate | LLVM median s | ours median s | ratio ours/LLVM | check median s "
          "| ratio check/LLVM | ours -Cpanic=abort s | unwind cost, ours | unwind cost, LLVM |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")

    def ratio(x, y):
        return f"{x / y:.2f}" if (x is not None and y) else "-"

    for c in crates:
        m = med[c]
        llvm, ours, check, abort = m["llvm"], m.get("ours"), m.get("check"), m.get("abort")
        def cost(unwind, abort):
            return f"{100 * (unwind / abort - 1):+.1f}%" if (unwind is not None and abort) else "-"

        print(f"| {c} | {fmt(llvm)} | {fmt(ours)} | {ratio(ours, llvm)} | {fmt(check)} "
              f"| {ratio(check, llvm)} | {fmt(abort)} | {cost(ours, abort)} "
              f"| {cost(llvm, m.get('llvm-abort'))} |")
    print()
    print("`unwind cost`: the default (-Cpanic=unwind) build against the same build with "
          "-Cpanic=abort (RUSTFLAGS, so proc macros and build scripts too), which has no "
          "landing pads, LSDAs or cleanup MIR.")

    if not a.llvm_only and a.backend != "llvm" and not a.no_run_time:
        log("==> run time of the workloads")
        run_time(a.backend, work, max(a.runs, 3))

    if not a.llvm_only and a.time_passes_crate != "none":
        member, _, focus = a.time_passes_crate.partition(":")
        if member not in CRATES or not focus:
            ap.error("--time-passes-crate must look like regex:regex_automata")
        log(f"==> -Ztime-passes build of {focus} with our backend")
        time_passes(a.backend, CRATES[member], focus, work, a.verbose, a.top)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, subprocess.CalledProcessError) as e:
        log(f"bench: error: {e}")
        sys.exit(1)
