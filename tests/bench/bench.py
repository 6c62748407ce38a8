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
  - both backends' builds at the other debuginfo levels (CARGO_PROFILE_DEV_DEBUG=0 and
    line-tables-only; the dev profile's default is full debuginfo), each compared with
    LLVM at the same level,
each in a freshly emptied target dir of its own, offline and --locked, after a
single `cargo fetch`, recording wall time and the peak resident memory of the
largest process of the build (rustc, in practice). The same is done for a real
application, ripgrep, built with `cargo install --debug` from its pinned
crates.io source and its own Cargo.lock. Then the run time of the generated code
at opt-level 0: tests/bench/workloads/*.rs and the two `rg` binaries searching
the toolchain's library sources (outputs must match). It prints markdown tables
of medians (`--write` also stores them in tests/bench/RESULTS.md with a chart,
tests/bench/chart.svg), then a `-Ztime-passes` summary of one crate.
"""

import argparse
import datetime
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "pylib"))
import clif_project  # noqa: E402

# bench member -> the crate it stands for in the table
CRATES = {
    "regex": "bench-regex",
    "serde": "bench-serde",
    "clap": "bench-clap",
}

# A real application: name -> (version, sha256 of the .crate, binary). Built from its
# crates.io source with its own Cargo.lock by `cargo install --debug --path`.
APPS = {
    "ripgrep": ("14.1.1", "f77b8032dc584527975f34aa5a897d0ef5a785573fda778771a614ff9da501d9", "rg"),
}

# Searches the `rg` binaries run for the run-time table (over the toolchain's library
# sources; --sort path makes the output deterministic and the search single-threaded).
RG_SEARCHES = [
    ["-c", r"fn [a-z_]+<[A-Z]"],
    ["-i", "-c", r"\b(unsafe|impl)\s+\w+"],
    ["-c", "-w", "-F", "-e", "Option", "-e", "Result", "-e", "Vec"],
]

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


def timed_cargo(args, target_dir, rustflags, verbose, extra_env=None, cwd=HERE):
    """Empties target_dir, runs cargo, returns (wall s, CPU s, peak RSS in MiB).

    CPU is user + system time of cargo and every process it waited for (rustc, linker,
    build scripts); the peak is the largest resident set among them (wait4 reports both
    for the whole tree of waited-for descendants).
    """
    shutil.rmtree(target_dir, ignore_errors=True)
    cmd = ["cargo", *args, "--offline", "--locked", "--target-dir", str(target_dir)]
    env = cargo_env(rustflags, extra_env)
    out = None if verbose else subprocess.PIPE
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out,
                            stderr=None if verbose else subprocess.STDOUT, text=True)
    captured = proc.stdout.read() if out else ""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        if not verbose:
            sys.stderr.write(captured[-8000:])
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {proc.returncode}), "
                           f"RUSTFLAGS={rustflags!r}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def app_source(name, work):
    """Downloads (once) and unpacks the pinned crates.io source of an app; fetches its deps."""
    version, sha, _ = APPS[name]
    apps = work / "apps"
    src = apps / f"{name}-{version}"
    crate = apps / f"{name}-{version}.crate"
    if not (src / "Cargo.lock").exists():
        apps.mkdir(parents=True, exist_ok=True)
        if not crate.exists():
            log(f"==> downloading {name} {version} from crates.io")
            data = clif_project.download_crate(name, version, sha)
            crate.write_bytes(data)
        with tarfile.open(crate) as tar:
            tar.extractall(apps, filter="data")
        # Its own workspace, as under `cargo install <name>`, not part of ours.
        with open(src / "Cargo.toml", "a") as f:
            f.write("\n[workspace]\n")
    subprocess.run(["cargo", "fetch", "--locked"], cwd=src, env=cargo_env(None), check=True)
    return src


def fmt(x):
    return "-" if x is None else f"{x:.2f}"


def fmt0(x):
    return "-" if x is None else f"{x:.0f}"


def time_passes(backend, crate_pkg, focus, work, verbose, top):
    """Builds crate_pkg with our backend, -Ztime-passes on the crate `focus`."""
    report = work / "time-passes.txt"
    report.unlink(missing_ok=True)
    extra = {
        "RUSTC_WRAPPER": str(HERE / "rustc_time_passes.py"),
        "CLIF_TIME_PASSES_CRATE": focus,
        "CLIF_TIME_PASSES_OUT": str(report),
    }
    secs, _, _ = timed_cargo(["build", "-p", crate_pkg], work / "target-time-passes",
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


def alternate(programs, runs):
    """Runs each (kind, argv) of `programs` `runs` times, alternating the order between
    runs; returns {kind: median seconds} after checking that all outputs are equal."""
    times = {kind: [] for kind, _ in programs}
    outputs = {}
    for run in range(runs):
        for kind, argv in (programs if run % 2 == 0 else list(reversed(programs))):
            start = time.monotonic()
            p = subprocess.run(argv, check=True, capture_output=True, text=True)
            times[kind].append(time.monotonic() - start)
            outputs[kind] = p.stdout
    if len(set(outputs.values())) != 1:
        raise RuntimeError(f"outputs differ between backends: {' '.join(programs[0][1])}")
    return {kind: statistics.median(t) for kind, t in times.items()}


def run_time(backend, work, runs, app_bins):
    """Rows of the run-time table: tests/bench/workloads/*.rs built at opt-level 0 by
    each backend, and the apps' debug binaries (`app_bins`: name -> {kind: path})."""
    rows = []
    for src in sorted((HERE / "workloads").glob("*.rs")):
        progs = []
        for kind, extra in (("llvm", []), ("ours", [f"-Zcodegen-backend={backend}"])):
            out = work / f"{src.stem}-{kind}"
            subprocess.run(["rustc", "--edition", "2024", "-Copt-level=0", *extra, str(src),
                            "-o", str(out)], check=True, env=cargo_env(None))
            progs.append((kind, [str(out)]))
        med = alternate(progs, runs)
        rows.append((f"`workloads/{src.name}`", med["llvm"], med["ours"]))
    library = Path(subprocess.run(["rustc", "--print", "sysroot"], check=True,
                                  capture_output=True, text=True).stdout.strip())
    library = library / "lib/rustlib/src/rust/library"
    for name, bins in app_bins.items():
        if name != "ripgrep":
            continue
        for search in RG_SEARCHES:
            args = ["--no-config", "--sort", "path", *search, str(library)]
            med = alternate([(k, [str(b), *args]) for k, b in bins.items()], runs)
            shown = " ".join(a if " " not in a else f"'{a}'" for a in search)
            shown = shown.replace("|", "\\|")  # inside a markdown table cell
            rows.append((f"`rg {shown}` over library/ (ripgrep, debug)", med["llvm"],
                         med["ours"]))
    lines = [f"### Run time of the generated code, opt-level 0, median of {runs} "
             "alternating run(s)", "",
             "| program | LLVM s | ours s | ratio ours/LLVM |", "|---|---:|---:|---:|"]
    for label, llvm, ours in rows:
        lines.append(f"| {label} | {llvm:.2f} | {ours:.2f} | {ours / llvm:.2f} |")
    return lines, rows


# Cargo's `debug` values, the dev profile's default (full) last.
DEBUGINFO_LEVELS = ["0", "line-tables-only", "2"]


def debuginfo_table(crates, med, cpu, runs, label):
    """Both backends at each debuginfo level (the level-2 builds are the main table's),
    and what debuginfo costs each against its own build without any."""
    def kind(backend, level):
        return backend if level == DEBUGINFO_LEVELS[-1] else f"{backend}-debug-{level}"

    def cost(c, backend, level):
        base, t = med[c].get(kind(backend, "0")), med[c].get(kind(backend, level))
        cb, ct = cpu[c].get(kind(backend, "0")), cpu[c].get(kind(backend, level))
        if not base or t is None or not cb or ct is None:
            return "-"
        return f"{100 * (t / base - 1):+.1f}% / {100 * (ct / cb - 1):+.1f}%"

    md = [f"### Debuginfo levels: clean debug builds, median of {runs} alternating run(s)", "",
          "| crate | debuginfo | LLVM s | ours s | ours/LLVM "
          "| cost over level 0, ours (wall / CPU) | cost over level 0, LLVM (wall / CPU) |",
          "|---|---|---:|---:|---:|---:|---:|"]
    for c in crates:
        for level in DEBUGINFO_LEVELS:
            llvm, ours = med[c].get(kind("llvm", level)), med[c].get(kind("ours", level))
            r = f"{ours / llvm:.2f}" if ours and llvm else "-"
            extra = ("-", "-") if level == "0" else (cost(c, "ours", level),
                                                     cost(c, "llvm", level))
            md.append(f"| {label(c)} | {level} | {fmt(llvm)} | {fmt(ours)} | {r} "
                      f"| {extra[0]} | {extra[1]} |")
    md += ["", "`debuginfo`: cargo's `profile.dev.debug` (CARGO_PROFILE_DEV_DEBUG), for the "
           "crates and their dependencies; 2 (full) is the dev profile's default and the "
           "main table's builds. The issue's budget for our backend: line tables at most "
           "+3%, full debuginfo at most +10% over level 0."]
    return md


def svg_chart(build_rows, run_rows):
    """Build time and run time relative to LLVM (= 1), as horizontal bars."""
    left, width, bar_h, row_gap = 250, 320, 11, 10
    colors = {"ours": "#2b7bb9", "check": "#9bc53d"}
    scale = width / 1.6  # the axis goes to 1.6x LLVM
    out = []
    y = 44

    def bars(label, values):
        nonlocal y
        out.append(f'<text x="4" y="{y + 2 + bar_h}">{label}</text>')
        for j, (kind, v) in enumerate(values):
            if v is None:
                continue
            w = min(v, 1.6) * scale
            out.append(f'<rect x="{left}" y="{y + j * bar_h}" width="{w:.1f}" '
                       f'height="{bar_h - 2}" fill="{colors[kind]}"/>')
            out.append(f'<text x="{left + w + 4:.1f}" y="{y + j * bar_h + 8}" '
                       f'font-size="10">{v:.2f}</text>')
        y += bar_h * len(values) + row_gap

    out.append(f'<text x="4" y="{y - 10}" font-weight="bold">clean debug build, / LLVM</text>')
    for name, ours, check in build_rows:
        bars(name, [("ours", ours), ("check", check)])
    y += 22
    out.append(f'<text x="4" y="{y - 10}" font-weight="bold">run time at opt-level 0, '
               '/ LLVM</text>')
    for label, llvm, ours in run_rows:
        text = label.replace("`", "").replace("\\|", "|").split(" over ")[0][:38]
        bars(html.escape(text), [("ours", ours / llvm)])
    one = left + scale
    head = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" '
            f'height="{y + 10}" font-family="sans-serif" font-size="12">',
            f'<line x1="{one:.1f}" y1="22" x2="{one:.1f}" y2="{y}" stroke="#555" '
            'stroke-dasharray="3,3"/>',
            f'<text x="{one - 22:.1f}" y="16" font-size="10">LLVM = 1</text>',
            f'<rect x="{left}" y="6" width="10" height="10" fill="{colors["ours"]}"/>'
            f'<text x="{left + 14}" y="16">ours</text>',
            f'<rect x="{left + 60}" y="6" width="10" height="10" fill="{colors["check"]}"/>'
            f'<text x="{left + 74}" y="16">cargo check</text>']
    return "\n".join(head + out + ["</svg>"]) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", help="absolute path of librustc_codegen_cranelift.so "
                    "(omit with --llvm-only)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per cell (default 3)")
    ap.add_argument("--crates", default=",".join([*CRATES, *APPS]),
                    help=f"comma-separated subset of {','.join([*CRATES, *APPS])}")
    ap.add_argument("--llvm-only", action="store_true",
                    help="time only LLVM and cargo check (our columns print '-')")
    ap.add_argument("--no-check", action="store_true", help="skip the cargo check column")
    ap.add_argument("--no-run-time", action="store_true",
                    help="skip the run time of the generated code at opt-level 0")
    ap.add_argument("--no-abort", action="store_true",
                    help="skip the -Cpanic=abort builds (the unwind cost columns)")
    ap.add_argument("--no-debuginfo-levels", action="store_true",
                    help="skip the builds at debuginfo 0 and line-tables-only")
    ap.add_argument("--unwind-cost", action="store_true",
                    help="only our backend with and without -Cpanic=abort (more runs of "
                    "the unwind cost for the same time; no run time or time-passes)")
    ap.add_argument("--time-passes-crate", default="regex:regex_automata",
                    help="MEMBER:CRATE_NAME for the -Ztime-passes summary "
                    "(default regex:regex_automata); 'none' to skip")
    ap.add_argument("--top", type=int, default=15, help="passes shown in the summary")
    ap.add_argument("--work-dir", default=str(HERE / "target"),
                    help="where the per-backend target dirs go (default tests/bench/target)")
    ap.add_argument("--write", action="store_true",
                    help="store the tables in tests/bench/RESULTS.md and tests/bench/chart.svg")
    ap.add_argument("-v", "--verbose", action="store_true", help="show cargo's output")
    a = ap.parse_args()

    crates = [c.strip() for c in a.crates.split(",") if c.strip()]
    unknown = [c for c in crates if c not in CRATES and c not in APPS]
    if unknown or not crates:
        ap.error(f"unknown crate(s) {unknown}; choose from {','.join([*CRATES, *APPS])}")
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
    if a.write and (a.llvm_only or a.backend == "llvm"):
        ap.error("--write needs our backend")

    work = Path(a.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)

    log("==> cargo fetch (dependencies are downloaded before anything is timed)")
    subprocess.run(["cargo", "fetch", "--locked"], cwd=HERE, env=cargo_env(None), check=True)
    app_src = {c: app_source(c, work) for c in crates if c in APPS}

    ours_flags = f"-Zcodegen-backend={a.backend}" if a.backend else None
    if a.unwind_cost:
        if a.llvm_only or a.no_abort or a.write:
            ap.error("--unwind-cost goes without --llvm-only, --no-abort and --write")
        a.no_run_time, a.time_passes_crate = True, "none"
    # (kind, cargo subcommand, RUSTFLAGS, debuginfo level or None for the profile's)
    kinds = [] if a.unwind_cost else [("llvm", "build", None, None)]
    if not a.no_abort and not a.unwind_cost:
        kinds.append(("llvm-abort", "build", "-Cpanic=abort", None))
    if not a.llvm_only:
        kinds.append(("ours", "build", ours_flags, None))
        if not a.no_abort:
            kinds.append(("abort", "build", f"{ours_flags} -Cpanic=abort", None))
    if not a.no_check and not a.unwind_cost:
        kinds.append(("check", "check", None, None))
    if not a.no_debuginfo_levels and not a.unwind_cost:
        for level in DEBUGINFO_LEVELS[:-1]:
            kinds.append((f"llvm-debug-{level}", "build", None, level))
            if not a.llvm_only:
                kinds.append((f"ours-debug-{level}", "build", ours_flags, level))

    def command(crate, kind, sub):
        """(cargo args, cwd) of one timed build."""
        if crate in APPS:
            if sub == "check":
                return ["check"], app_src[crate]
            return (["install", "--debug", "--path", ".", "--no-track", "--force", "--root",
                     str(work / f"install-{kind}")], app_src[crate])
        return [sub, "-p", CRATES[crate]], HERE

    times = {c: {k[0]: [] for k in kinds} for c in crates}
    cpus = {c: {k[0]: [] for k in kinds} for c in crates}
    peaks = {c: {k[0]: [] for k in kinds} for c in crates}
    for run in range(a.runs):
        for crate in crates:
            # Alternate the order between runs so neither side always goes first.
            order = kinds if run % 2 == 0 else list(reversed(kinds))
            for kind, sub, flags, level in order:
                args, cwd = command(crate, kind, sub)
                log(f"==> run {run + 1}/{a.runs}: {crate:<7} {kind:<10} cargo {' '.join(args[:2])}")
                env = {"CARGO_PROFILE_DEV_DEBUG": level} if level else None
                secs, cpu, peak = timed_cargo(args, work / f"target-{kind}", flags,
                                              a.verbose, extra_env=env, cwd=cwd)
                times[crate][kind].append(secs)
                cpus[crate][kind].append(cpu)
                peaks[crate][kind].append(peak)
                log(f"    {secs:.2f} s, CPU {cpu:.2f} s, peak {peak:.0f} MiB")

    def median(v):
        return statistics.median(v) if v else None

    med = {c: {k: median(v) for k, v in ks.items()} for c, ks in times.items()}
    cpu = {c: {k: median(v) for k, v in ks.items()} for c, ks in cpus.items()}
    mem = {c: {k: median(v) for k, v in ks.items()} for c, ks in peaks.items()}

    def ratio(x, y):
        return f"{x / y:.2f}" if (x is not None and y) else "-"

    def cost(c, unwind, abort):
        """Wall-time cost of unwinding, with the CPU-time cost (less noisy) beside it."""
        if med[c].get(unwind) is None or not med[c].get(abort):
            return "-"
        wall = 100 * (med[c][unwind] / med[c][abort] - 1)
        return f"{wall:+.1f}% / {100 * (cpu[c][unwind] / cpu[c][abort] - 1):+.1f}%"

    def label(c):
        return f"{c} (`cargo install --debug`)" if c in APPS else c

    md = [f"### Clean debug builds, median of {a.runs} alternating run(s), "
          f"{os.cpu_count()} cores", "",
          "| crate | LLVM s | ours s | ours/LLVM | check s | check/LLVM "
          "| unwind cost, ours (wall / CPU) | unwind cost, LLVM (wall / CPU) "
          "| peak MiB, LLVM | peak MiB, ours |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    build_rows = []
    for c in crates:
        m = med[c]
        llvm, ours, check = m.get("llvm"), m.get("ours"), m.get("check")
        md.append(f"| {label(c)} | {fmt(llvm)} | {fmt(ours)} | {ratio(ours, llvm)} "
                  f"| {fmt(check)} | {ratio(check, llvm)} | {cost(c, 'ours', 'abort')} "
                  f"| {cost(c, 'llvm', 'llvm-abort')} | {fmt0(mem[c].get('llvm'))} "
                  f"| {fmt0(mem[c].get('ours'))} |")
        build_rows.append((c, ours / llvm if ours and llvm else None,
                           check / llvm if check and llvm else None))
    md += ["", "`unwind cost`: the default (-Cpanic=unwind) build against the same build with "
           "-Cpanic=abort (RUSTFLAGS, so proc macros and build scripts too), which has no "
           "landing pads, LSDAs or cleanup MIR, in wall time and in CPU time (user + "
           "system, all processes of the build; less sensitive to scheduling noise). "
           "`peak MiB`: the largest resident set of any process of the build (rustc, in "
           "practice)."]
    if not a.no_debuginfo_levels and not a.unwind_cost:
        md += ["", *debuginfo_table(crates, med, cpu, a.runs, label)]
    print()
    print("\n".join(md))

    run_rows = []
    if not a.llvm_only and a.backend != "llvm" and not a.no_run_time:
        log("==> run time of the generated code")
        app_bins = {c: {k: work / f"install-{k}" / "bin" / APPS[c][2] for k in ("llvm", "ours")}
                    for c in crates if c in APPS}
        lines, run_rows = run_time(a.backend, work, max(a.runs, 3), app_bins)
        print()
        print("\n".join(lines))
        md += ["", *lines]

    if a.write:
        date = datetime.date.today().isoformat()
        head = [f"# Benchmark results ({date})", "",
                "Written by `bash compiler/clif.sh bench --write` "
                f"(`--runs {a.runs}`); ratios are what to compare, absolute seconds "
                "depend on the machine.", "", "![benchmark chart](chart.svg)", ""]
        (HERE / "RESULTS.md").write_text("\n".join(head + md) + "\n")
        (HERE / "chart.svg").write_text(svg_chart(build_rows, run_rows))
        log("==> wrote tests/bench/RESULTS.md and tests/bench/chart.svg")

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
