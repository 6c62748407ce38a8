#!/usr/bin/env python3
"""Public test suites with our backend and with LLVM: pass tables, chart and ratchet.

Run through tests/suites/suites.sh (which installs the toolchain and builds the
backend). Standard library only.

Suites:
  - from the pinned toolchain's rust-src: library/coretests, library/alloctests,
    portable-simd's core_simd tests, stdarch's core_arch tests;
  - real crates from crates.io, versions pinned below, with their own tests
    (`cargo test --lib --tests`: unit and integration tests, no doctests).
Each is built and run with `cargo test --no-fail-fast` and libtest's JSON
output, once per backend, in its own target dir under target/suites/.

The ratchet: tests/suites/expected-failures/<suite>.txt lists the tests expected
to fail with our backend (`<build>` when the suite is expected not to build).
`--check` fails when a test outside the list fails or a listed test passes.
"""

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = ROOT / "target" / "suites"
sys.path.insert(0, str(ROOT / "tests" / "pylib"))
import clif_project  # noqa: E402

TOOLCHAIN = clif_project.toolchain()

# name -> exact version; the crate's own tests, built against a lockfile
# generated once and committed in tests/suites/locks/.
CRATES = {
    "itoa": "1.0.19",
    "ryu": "1.0.23",
    "smallvec": "1.16.6",
    "semver": "1.0.28",
    "base64": "0.22.1",
    "bytes": "1.12.2",
    "either": "1.19.0",
    "bitflags": "2.13.2",
    "hex": "0.4.3",
    "fnv": "1.0.7",
    "hashbrown": "0.16.1",
    "indexmap": "2.14.2",
    "memchr": "2.8.3",
    "serde_json": "1.0.154",
    "ripgrep": "14.1.1",
}
# Applications (no library target): fetched straight from crates.io, checked against
# this sha256, built with the Cargo.lock they ship, tested with their own test suite.
APPS = {
    "ripgrep": "f77b8032dc584527975f34aa5a897d0ef5a785573fda778771a614ff9da501d9",
}

STD_SUITES = ["coretests", "alloctests", "core_simd", "core_arch"]
# What CI runs with our backend (fast enough for its budget).
FAST = ["coretests", "alloctests", "core_simd", "core_arch"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def sysroot():
    # Through rustup's proxy or (under clif.sh) the toolchain's own rustc, which has no
    # `+toolchain` argument: RUSTUP_TOOLCHAIN works for both.
    env = dict(os.environ, RUSTUP_TOOLCHAIN=os.environ.get("RUSTUP_TOOLCHAIN", TOOLCHAIN))
    return Path(subprocess.check_output(["rustc", "--print", "sysroot"], text=True,
                                        env=env).strip())


def library():
    return sysroot() / "lib/rustlib/src/rust/library"


# ---------------------------------------------------------------------------
# harness projects

def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def toolchain_file(d):
    write(d / "rust-toolchain.toml", f'[toolchain]\nchannel = "{TOOLCHAIN}"\n')


def harness_coretests(d):
    lib = library()
    write(d / "Cargo.toml", f"""[workspace]

[package]
name = "coretests-run"
version = "0.0.0"
edition = "2024"
autotests = false

[lib]
path = "lib.rs"
test = false

[[test]]
name = "coretests"
path = "{lib}/coretests/tests/lib.rs"

[dev-dependencies]
rand = {{ version = "0.9.0", default-features = false }}
rand_xorshift = {{ version = "0.4.0", default-features = false }}
""")
    write(d / "lib.rs", "")
    return d


def harness_alloctests(d):
    lib = library()
    write(d / "Cargo.toml", f"""[workspace]

[package]
name = "alloctests"
version = "0.0.0"
edition = "2024"
autotests = false
autobenches = false

[lib]
path = "{lib}/alloctests/lib.rs"
doc = false

[dev-dependencies]
rand = {{ version = "0.9.0", default-features = false, features = ["alloc"] }}
rand_xorshift = "0.4.0"

[[test]]
name = "alloctests"
path = "{lib}/alloctests/tests/lib.rs"

[[test]]
name = "vec_deque_alloc_error"
path = "{lib}/alloctests/tests/vec_deque_alloc_error.rs"
""")
    return d


def copy_tree(src, dst):
    if not dst.exists():
        shutil.copytree(src, dst)
    return dst


def harness_core_simd(d):
    # The portable-simd workspace as shipped, tested through its core_simd member.
    return copy_tree(library() / "portable-simd", d)


def harness_core_arch(d):
    # rust-src ships stdarch without its workspace manifest: test the crate on its own.
    crate = copy_tree(library() / "stdarch", d) / "crates" / "core_arch"
    # SVE is outside what the backend supports (scalable vectors are a rustc error): its
    # load/store tests are left out for both backends, under the suites' own cfg.
    for sub in ("sve", "sve2"):
        m = crate / "src" / "aarch64" / sub / "mod.rs"
        text = m.read_text() if m.exists() else ""
        if "\nmod ld_st_tests;" in text:
            m.write_text(text.replace("\nmod ld_st_tests;", "\n#[cfg(not(clif_suites))]\nmod ld_st_tests;"))
    return crate


def crate_source(name, version, d):
    """Unpacks the crate from cargo's download cache (fetching it first)."""
    if (d / "Cargo.toml").exists():
        return d
    if name in APPS:
        return app_source(name, version, d)
    fetch = WORK / "fetch"
    write(fetch / "Cargo.toml", "[workspace]\n\n[package]\nname = \"fetch\"\nversion = \"0.0.0\"\n"
          "edition = \"2021\"\n\n[dependencies]\n"
          + "".join(f'{n} = "={v}"\n' for n, v in CRATES.items() if n not in APPS))
    write(fetch / "src/lib.rs", "")
    toolchain_file(fetch)
    subprocess.run(["cargo", "fetch"], cwd=fetch, check=True)
    home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    found = list(home.glob(f"registry/cache/*/{name}-{version}.crate"))
    if not found:
        raise RuntimeError(f"{name}-{version}.crate not in cargo's cache")
    d.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(found[0]) as tar:
        tar.extractall(d.parent, filter="data")
    return d


def app_source(name, version, d):
    """Downloads and unpacks an application's crates.io source, keeping its Cargo.lock."""
    log(f"==> downloading {name} {version} from crates.io")
    data = clif_project.download_crate(name, version, APPS[name])
    d.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(d.parent, filter="data")
    lock = HERE / "locks" / f"{name}.lock"
    if not lock.exists():
        shutil.copyfile(d / "Cargo.lock", lock)
    return d


def harness(suite):
    d = WORK / "src" / suite
    if suite == "coretests":
        d = harness_coretests(d)
    elif suite == "alloctests":
        d = harness_alloctests(d)
    elif suite == "core_simd":
        d = harness_core_simd(d)
    elif suite == "core_arch":
        d = harness_core_arch(WORK / "src" / "stdarch")
    else:
        d = crate_source(suite, CRATES[suite], WORK / "src" / f"{suite}-{CRATES[suite]}")
    toolchain_file(d)
    manifest = (d / "Cargo.toml").read_text()
    if not re.search(r"^\[workspace\]", manifest, re.M):
        # Keep it out of this repository's workspace (target/ is inside it).
        (d / "Cargo.toml").write_text(manifest + "\n[workspace]\n")
    lock = HERE / "locks" / f"{suite}.lock"
    if lock.exists():
        shutil.copyfile(lock, d / "Cargo.lock")
    else:
        subprocess.run(["cargo", "generate-lockfile"], cwd=d, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lock.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(d / "Cargo.lock", lock)
    return d


def cargo_args(suite):
    if suite == "core_simd":
        return ["-p", "core_simd", "--tests"]
    if suite == "core_arch":
        return ["--lib", "--tests"]
    if suite in ("coretests", "alloctests"):
        return ["--tests"]
    if suite in APPS:
        return ["--bins", "--tests"]
    return ["--lib", "--tests"]


# ---------------------------------------------------------------------------
# running

def read_list(path):
    """Lines of a list file without `#` comments and blank lines."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def why(stdout):
    """First line of why a test failed: the panic message, else the first output line."""
    lines = [l for l in (stdout or "").splitlines() if l.strip()]
    for i, l in enumerate(lines):
        if "panicked at" in l and i + 1 < len(lines):
            return lines[i + 1].strip()[:200]
    return lines[0].strip()[:200] if lines else "(no output)"


def run_suite(suite, backend, timeout, target=None):
    """Returns {"build": "ok"|"failed: ...", "tests": {name: [status, why]}, "seconds": s}."""
    d = harness(suite)
    env = dict(os.environ)
    for var in ("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTC_WRAPPER", "RUSTDOCFLAGS"):
        env.pop(var, None)
    env["RUSTUP_TOOLCHAIN"] = TOOLCHAIN
    env.pop("RUST_BACKTRACE", None)
    env["CARGO_TERM_COLOR"] = "never"
    flags = ["--cfg=clif_suites"]
    if backend != "llvm":
        flags.append(f"-Zcodegen-backend={backend}")
    env["RUSTFLAGS"] = " ".join(flags)
    if suite == "core_arch":
        # stdarch's #[simd_test] macro reads the target from the environment.
        env["TARGET"] = target or clif_project.host_triple()
    cross = []
    if target:
        # Another Linux target: its gcc links, qemu-user runs the tests (build scripts and
        # proc macros stay host code, built by LLVM: cargo gives RUSTFLAGS to the target only).
        arch = target.split("-")[0]
        key = target.upper().replace("-", "_")
        env[f"CARGO_TARGET_{key}_LINKER"] = f"{arch}-linux-gnu-gcc"
        env[f"CARGO_TARGET_{key}_RUNNER"] = f"qemu-{arch} -L /usr/{arch}-linux-gnu"
        cross = ["--target", target]
    kind = ("llvm" if backend == "llvm" else "ours") + (f"-{target}" if target else "")
    target = WORK / "target" / kind / suite
    skips = read_list(HERE / "skip" / f"{suite}.txt")
    cmd = ["cargo", "test", "--no-fail-fast", "--target-dir", str(target), *cross, *cargo_args(suite),
           "--", "-Zunstable-options", "--format", "json"]
    for s in skips:
        cmd += ["--skip", s]
    start = time.monotonic()
    try:
        # The whole process group goes on timeout: rustc and the test binaries too.
        proc = clif_project.run(cmd, cwd=d, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, timeout=timeout)
        out, err, code = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        err, code = f"timed out after {timeout} s", None
    secs = time.monotonic() - start
    tests = {}
    for line in out.splitlines():
        if not line.startswith("{"):
            continue
        try:
            ev = json.loads(line)
        except json.JSONDecodeError:
            continue
        if ev.get("type") != "test" or ev.get("event") not in ("ok", "failed", "ignored", "timeout"):
            continue
        status = {"ok": "passed", "failed": "failed", "ignored": "ignored"}.get(ev["event"])
        if status is None:
            continue
        tests[ev["name"]] = [status, why(ev.get("stdout")) if status == "failed" else ""]
    build = "ok"
    if code is None:
        build = err
    elif "could not compile" in err or ("error" in err and not tests):
        errs = err.splitlines()
        i = next((i for i, l in enumerate(errs) if l.startswith("error")), None)
        first = errs[i][:200] if i is not None else "error"
        # Where: the first `-->` location after the message, shortened to the crate path.
        loc = next((l.split("-->", 1)[1].strip() for l in errs[i + 1:i + 4] if "-->" in l), "") \
            if i is not None else ""
        loc = re.sub(r".*/(registry/src/[^/]+/|library/)", "", loc)
        build = "failed: " + first + (f" (at {loc})" if loc else "")
    return {"build": build, "tests": tests, "seconds": round(secs, 1)}


# ---------------------------------------------------------------------------
# ratchet

def ratchet(result, expected):
    """Problems of `result` (our backend) against the expected-failure list."""
    problems = []
    built = result["build"] == "ok"
    if "<build>" in expected:
        if built:
            problems.append("builds now but is listed as `<build>`: update the list")
        return problems
    if not built:
        return [f"does not build: {result['build']}"]
    failed = {n for n, (s, _) in result["tests"].items() if s == "failed"}
    passed = {n for n, (s, _) in result["tests"].items() if s == "passed"}
    for n in sorted(failed - set(expected)):
        problems.append(f"new failure: {n}: {result['tests'][n][1]}")
    for n in sorted(set(expected) & passed):
        problems.append(f"expected to fail but passed (update the list): {n}")
    return problems


# ---------------------------------------------------------------------------
# reports

def counts(result):
    c = {"passed": 0, "failed": 0, "ignored": 0}
    for status, _ in result["tests"].values():
        c[status] += 1
    return c


def markdown(results, backends, date, target=None):
    name = {"llvm": "LLVM", "ours": "ours"}
    cols = [f"{what} {name[b]}" for what in ("build", "passed", "failed", "ignored") for b in backends]
    lines = [f"# Public test suites: our backend and LLVM", "",
             f"Latest run: {date}, {target or clif_project.host_triple()}, debug builds "
             f"(`bash tests/suites/suites.sh` reproduces it).", "",
             "| suite | " + " | ".join(cols) + " |",
             "|---|" + "---|" * len(backends) + "---:|" * (3 * len(backends))]
    for suite, per in results.items():
        row = [suite]
        for b in backends:
            r = per.get(b)
            row.append("-" if r is None else ("ok" if r["build"] == "ok" else "**failed**"))
        for key in ("passed", "failed", "ignored"):
            for b in backends:
                r = per.get(b)
                row.append("-" if r is None else str(counts(r)[key]))
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Skipped by name (same list for both backends, reasons in "
              "`tests/suites/skip/`); `ignored` also counts tests the suite ignores itself. "
              "Totals differ where a suite compiles tests only for what the backend reports "
              "(coretests' f16/f128 tests need `cfg(target_has_reliable_f16/f128)`; both "
              "backends report them alike on x86_64).", ""]
    for suite, per in results.items():
        notes = []
        for b in backends:
            r = per.get(b)
            if r is None:
                continue
            if r["build"] != "ok":
                notes.append(f"- {b}: build {r['build']}")
            for n, (s, w) in sorted(r["tests"].items()):
                if s == "failed":
                    notes.append(f"- {b}: `{n}`: {w}")
        if notes:
            lines += [f"## {suite}", "", *notes[:60]]
            if len(notes) > 60:
                lines.append(f"- … {len(notes) - 60} more")
            lines.append("")
    return "\n".join(lines) + "\n"


def svg_chart(results, backends):
    """Share of tests passed per suite and backend, as a horizontal bar chart."""
    row_h, bar_h, left, width = 34, 12, 130, 360
    h = 40 + row_h * len(results)
    colors = {"llvm": "#8a8a8a", "ours": "#2b7bb9"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 120}" height="{h}" '
           'font-family="sans-serif" font-size="12">',
           f'<text x="{left}" y="16">share of tests passed (build failure = 0)</text>']
    for i, (b, name) in enumerate([("llvm", "LLVM"), ("ours", "ours")]):
        out.append(f'<rect x="{left + 250 + 60 * i}" y="6" width="10" height="10" fill="{colors[b]}"/>'
                   f'<text x="{left + 264 + 60 * i}" y="16">{name}</text>')
    for i, (suite, per) in enumerate(results.items()):
        y = 30 + i * row_h
        out.append(f'<text x="4" y="{y + 16}">{suite}</text>')
        for j, b in enumerate(backends):
            r = per.get(b)
            if r is None:
                continue
            c = counts(r)
            total = c["passed"] + c["failed"]
            share = c["passed"] / total if (total and r["build"] == "ok") else 0.0
            out.append(f'<rect x="{left}" y="{y + j * bar_h}" width="{width * share:.1f}" '
                       f'height="{bar_h - 2}" fill="{colors[b]}"/>')
            out.append(f'<text x="{left + width * share + 4:.1f}" y="{y + j * bar_h + 9}">'
                       f'{100 * share:.1f}%</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------

def self_test():
    """The ratchet catches a regression and a stale list (run by `clif.sh test`)."""
    ok = {"build": "ok", "tests": {"a": ["passed", ""], "b": ["failed", "boom"]}}
    assert ratchet(ok, ["b"]) == [], ratchet(ok, ["b"])
    regressed = {"build": "ok", "tests": {"a": ["failed", "regressed"], "b": ["failed", "boom"]}}
    assert ratchet(regressed, ["b"]) == ["new failure: a: regressed"]
    fixed = {"build": "ok", "tests": {"a": ["passed", ""], "b": ["passed", ""]}}
    assert ratchet(fixed, ["b"]) == ["expected to fail but passed (update the list): b"]
    broken = {"build": "failed: error: x", "tests": {}}
    assert ratchet(broken, []) == ["does not build: failed: error: x"]
    assert ratchet(broken, ["<build>"]) == []
    assert ratchet(ok, ["<build>"]) != []
    assert why("\nthread 't' (1) panicked at x.rs:1:1:\nassertion failed\n") == "assertion failed"
    print("ratchet self-test: ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--backend", help="absolute path of librustc_codegen_cranelift.so")
    ap.add_argument("--suites", help="comma-separated suites (default: all; 'fast' for CI's)")
    ap.add_argument("--no-llvm", action="store_true", help="only our backend")
    ap.add_argument("--check", action="store_true",
                    help="fail on any difference from tests/suites/expected-failures/")
    ap.add_argument("--write", action="store_true",
                    help="write tests/suites/RESULTS.md, results.json and chart.svg")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per suite and backend")
    ap.add_argument("--self-test", action="store_true", help="test the ratchet logic and exit")
    ap.add_argument("--target", help="another <arch>-unknown-linux-gnu target, run under "
                    "qemu-user (needs its rust-std, <arch>-linux-gnu-gcc and qemu-<arch>); "
                    "prints the table, never --write")
    a = ap.parse_args()
    if a.self_test:
        self_test()
        return 0
    if a.target and a.write:
        ap.error("--write records x86_64 results; --target runs only print")
    if not a.backend or not os.path.isabs(a.backend):
        ap.error("--backend must be an absolute path")
    all_suites = STD_SUITES + list(CRATES)
    if a.suites == "fast":
        suites = FAST
    elif a.suites:
        suites = [s.strip() for s in a.suites.split(",") if s.strip()]
    else:
        suites = all_suites
    unknown = [s for s in suites if s not in all_suites]
    if unknown:
        ap.error(f"unknown suites {unknown}; known: {','.join(all_suites)}")
    backends = ["ours"] if a.no_llvm else ["llvm", "ours"]
    results = {}
    for suite in suites:
        results[suite] = {}
        for b in backends:
            log(f"==> {suite}: {b}")
            r = run_suite(suite, a.backend if b == "ours" else "llvm", a.timeout, a.target)
            c = counts(r)
            log(f"    build {r['build']}; {c['passed']} passed, {c['failed']} failed, "
                f"{c['ignored']} ignored ({r['seconds']} s)")
            results[suite][b] = r
    date = time.strftime("%Y-%m-%d")
    print(markdown(results, backends, date, a.target))
    if a.write:
        # Merge into the committed results, so that a partial run updates its suites only.
        saved = HERE / "results.json"
        merged = json.loads(saved.read_text())["results"] if saved.exists() else {}
        for suite, per in results.items():
            merged.setdefault(suite, {}).update(per)
        order = [s for s in all_suites if s in merged]
        results = {s: merged[s] for s in order}
        md = markdown(results, ["llvm", "ours"], date)
        (HERE / "RESULTS.md").write_text(md)
        (HERE / "chart.svg").write_text(svg_chart(results, backends))
        (HERE / "results.json").write_text(json.dumps(
            {"date": date, "results": results}, indent=1, sort_keys=True) + "\n")
    status = 0
    if a.check:
        for suite in suites:
            expected = read_list(HERE / "expected-failures" / f"{suite}.txt")
            for p in ratchet(results[suite]["ours"], expected):
                log(f"ratchet: {suite}: {p}")
                status = 1
        log("ratchet: " + ("FAILED" if status else "ok"))
    return status


if __name__ == "__main__":
    sys.exit(main())
