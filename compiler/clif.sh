#!/usr/bin/env bash
# clif.sh: build, install, test, benchmark and use the Cranelift codegen
# backend for rustc. Run `bash compiler/clif.sh help` for the subcommands.
#
# The backend dylib links against the pinned toolchain's librustc_driver, so
# everything here runs with exactly the toolchain in rust-toolchain.toml: it is
# installed (quietly) first, then its bin dir is put first on PATH and
# RUSTUP_TOOLCHAIN is exported, whatever directory the command runs in.
set -euo pipefail

ORIG_PWD=$PWD
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

SO_NAME=librustc_codegen_cranelift.so

say() { printf '==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
warn() { printf 'clif.sh: warning: %s\n' "$*" >&2; }
die() { printf 'clif.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'EOF'
Usage: bash compiler/clif.sh <command> [args...]

Commands:
  build [--debug]     Build the backend (release by default) and print the path
                      of librustc_codegen_cranelift.so.
  install [--debug]   Build, install the backend into the pinned toolchain as
                      codegen-backends/librustc_codegen_cranelift.so and
                      cargo-clif, rustc-clif, rustdoc-clif into $CARGO_HOME/bin,
                      then build and run tests/example (which selects the
                      backend with Cargo's profile key) and compare its output
                      with LLVM's.
  uninstall           Remove the installed backend and the cargo-clif tools.
  test                The CI suite: backend build, unit tests, the differential
                      suite (-O0 and -O2), the bundled example and the tests/e2e
                      crates.io project (LLVM vs wrapper vs profile key).
                      Ends with a line "N passed, N failed".
  cargo <args...>     Run the pinned cargo in the current directory with the
                      freshly built backend (not installed), e.g.
                        bash /path/to/compiler/clif.sh cargo run --release
  rustc <args...>     The same for a single rustc invocation.
  bench [args...]     Compile-time benchmark (tests/bench/bench.sh --help).
  suites [args...]    Public test suites (coretests, alloctests, core_simd,
                      core_arch, 14 crates, ripgrep) with our backend and LLVM,
                      tables and ratchet (tests/suites/suites.py --help).
  report              All public suites and the benchmark (5 runs) in one go,
                      both backends, updating tests/suites/RESULTS.md and
                      tests/bench/RESULTS.md with their charts (about 1.5 h).
  help                This text.

Environment:
  CLIF_BACKEND=/abs/path.so  use this backend instead of building one
                             (cargo, rustc, bench)
  CLIF_PROFILE=debug         use target/debug/… instead of target/release/…
                             (cargo, rustc, bench)
  CLIF_PANIC=unwind|abort    unwind (the default) leaves the panic strategy
                             alone; abort adds -Cpanic=abort
                             -Zpanic-abort-tests (cargo, rustc)
  CLIF_TRACK_BACKEND=0       don't add --cfg=clif_backend="<mtime-size>" to
                             RUSTFLAGS (cargo); with it, rebuilding the backend
                             makes cargo rebuild your crates
  CLIF_TEST_ONLY=a,b         run only these stages of `test`: fmt, clippy,
                             build, unit,
                             difftest, aarch64 (when aarch64's std can be
                             added), macos (when the Apple targets' std
                             can be added), abi-cafe, debugger, example,
                             cargo-clif, e2e-llvm, e2e-wrapper, e2e-profile,
                             suites, icount
  CLIF_DUMP=<fn filter>      (read by the backend) dump Cranelift IR of the
                             matching functions
  CLIF_VERIFY=1              (read by the backend) run Cranelift's verifier on
                             every function
  CLIF_REGALLOC=single_pass  (read by the backend, for measurements) Cranelift's
                             single-pass register allocator instead of the
                             default backtracking one
EOF
}

# ---------------------------------------------------------------------------
# toolchain

TOOLCHAIN=
HOST=
SYSROOT=

toml_value() { # key -> raw value of `key = ...` in rust-toolchain.toml
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" rust-toolchain.toml | head -n1
}

ensure_toolchain() {
    [[ -f rust-toolchain.toml ]] || die "rust-toolchain.toml not found in $ROOT"
    TOOLCHAIN=$(toml_value channel | tr -d '"' | tr -d '[:space:]')
    [[ -n $TOOLCHAIN ]] || die "no channel in rust-toolchain.toml"
    command -v rustup >/dev/null 2>&1 ||
        die "rustup not found; the backend must be used with exactly the toolchain $TOOLCHAIN (see README.md)"

    # `rustup toolchain install` without a name reads rust-toolchain.toml
    # (channel, components, profile); it must not see an inherited
    # RUSTUP_TOOLCHAIN. Older rustup versions need the name spelled out.
    local err
    err=$(mktemp)
    if ! (cd "$ROOT" && env -u RUSTUP_TOOLCHAIN rustup -q toolchain install --no-self-update) >&2 2>"$err"; then
        local components profile
        components=$(toml_value components | tr -d '[]" ' | tr -d '\t')
        profile=$(toml_value profile | tr -d '"' | tr -d '[:space:]')
        if ! rustup -q toolchain install "$TOOLCHAIN" --no-self-update \
            --profile "${profile:-minimal}" ${components:+--component "$components"} >&2 2>>"$err"; then
            cat "$err" >&2
            rm -f "$err"
            die "could not install toolchain $TOOLCHAIN"
        fi
    fi
    rm -f "$err"

    export RUSTUP_TOOLCHAIN=$TOOLCHAIN
    export CLIF_TOOLCHAIN=$TOOLCHAIN # tells tests/bench/bench.sh it runs under clif.sh
    local cargo_path
    cargo_path=$(rustup which cargo) || die "cargo missing from toolchain $TOOLCHAIN"
    PATH="$(dirname "$cargo_path"):$PATH"
    export PATH
    HOST=$(rustc -vV | sed -n 's/^host: //p')
    SYSROOT=$(rustc --print sysroot)
    [[ -n $HOST && -d $SYSROOT ]] || die "could not query rustc of $TOOLCHAIN"
}

backends_dir() { # sysroot -> its codegen-backends dir for the host
    printf '%s/lib/rustlib/%s/codegen-backends\n' "$1" "$HOST"
}

preview_component_installed() {
    rustup component list --installed --toolchain "$TOOLCHAIN" 2>/dev/null |
        grep -q '^rustc-codegen-cranelift'
}

# ---------------------------------------------------------------------------
# building the backend

BACKEND=

build_backend() { # release|debug [quiet]
    local profile=$1 quiet=${2:-}
    local args=(build -p rustc_codegen_cranelift --target-dir "$ROOT/target")
    [[ $profile == release ]] && args+=(--release)
    [[ -n $quiet ]] && args+=(-q)
    # RUSTFLAGS & co. in the environment are meant for the project being
    # compiled (`clif.sh cargo ...`), not for the backend: changing them would
    # rebuild the whole backend.
    (cd "$ROOT" && env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS -u RUSTDOCFLAGS \
        -u CARGO_BUILD_RUSTFLAGS cargo "${args[@]}") >&2 ||
        die "building the backend failed"
    BACKEND="$ROOT/target/$profile/$SO_NAME"
    [[ -f $BACKEND ]] || die "the build finished but $BACKEND is missing"
}

# For cargo/rustc/bench: $CLIF_BACKEND, or an (incremental, usually no-op)
# build of $CLIF_PROFILE. CLIF_BACKEND=llvm selects rustc's LLVM backend, which
# is only useful to check the scripts themselves.
resolve_backend() {
    if [[ ${CLIF_BACKEND:-} == llvm ]]; then
        BACKEND=llvm
    elif [[ -n ${CLIF_BACKEND:-} ]]; then
        # A relative path is relative to where clif.sh was started.
        BACKEND=$(cd "$ORIG_PWD" && cd "$(dirname "$CLIF_BACKEND")" 2>/dev/null && pwd)/$(basename "$CLIF_BACKEND") ||
            die "CLIF_BACKEND=$CLIF_BACKEND does not exist"
        [[ -f $BACKEND ]] || die "CLIF_BACKEND=$CLIF_BACKEND does not exist"
    else
        local profile=${CLIF_PROFILE:-release}
        [[ $profile == release || $profile == debug ]] || die "CLIF_PROFILE must be release or debug"
        build_backend "$profile" quiet
    fi
    [[ $BACKEND != *[[:space:]]* ]] ||
        die "the backend path contains whitespace, which RUSTFLAGS cannot carry: $BACKEND"
}

# Flags the wrappers add: the backend and, with CLIF_PANIC=abort, the panic
# strategy. -Zpanic-abort-tests goes to every crate, not just `cargo test`'s, so
# that build and test share artifacts.
CLIF_FLAGS=()
set_clif_flags() {
    CLIF_FLAGS=("-Zcodegen-backend=$BACKEND")
    case ${CLIF_PANIC:-unwind} in
    abort) CLIF_FLAGS+=(-Cpanic=abort -Zpanic-abort-tests) ;;
    unwind) ;;
    *) die "CLIF_PANIC must be abort or unwind, not '$CLIF_PANIC'" ;;
    esac
}

# ---------------------------------------------------------------------------
# installing

install_backend_into() { # sysroot
    local dir old
    dir=$(backends_dir "$1")
    mkdir -p "$dir"
    # rustc also accepts librustc_codegen_cranelift-<version>.so; both names
    # present is a fatal "duplicate codegen backends" error.
    for old in "$dir"/librustc_codegen_cranelift-*.so; do
        [[ -e $old ]] || continue
        note "removing $old"
        rm -f "$old"
    done
    # Copy, then rename: a rustc that has the old file mapped keeps working.
    cp "$BACKEND" "$dir/.$SO_NAME.tmp.$$"
    mv -f "$dir/.$SO_NAME.tmp.$$" "$dir/$SO_NAME"
}

# A sysroot that is the pinned one plus our backend: every entry of
# lib/rustlib/<host>/ is a symlink to the real one, except codegen-backends/.
# With RUSTFLAGS=--sysroot=<it>, `-Zcodegen-backend=cranelift` (which the
# profile key passes) resolves to our backend without touching the toolchain.
make_overlay_sysroot() { # dir
    local dir=$1 entry
    rm -rf "$dir"
    mkdir -p "$dir/lib/rustlib/$HOST"
    for entry in "$SYSROOT/lib/rustlib/$HOST"/*; do
        [[ $(basename "$entry") == codegen-backends ]] && continue
        ln -s "$entry" "$dir/lib/rustlib/$HOST/"
    done
    install_backend_into "$dir"
}

cmd_install() {
    local profile=release
    case ${1:-} in
    --debug) profile=debug ;;
    "") ;;
    *) die "install: unknown argument '$1'" ;;
    esac
    say "checking toolchain $TOOLCHAIN"
    if preview_component_installed; then
        die "the official rustc-codegen-cranelift-preview component is installed in $TOOLCHAIN.
It ships a different backend under the same name, and rustc refuses two backends
of one name (\"duplicate codegen backends\"). Remove it first:
    rustup component remove rustc-codegen-cranelift-preview --toolchain $TOOLCHAIN
then run this command again."
    fi
    say "building backend ($profile)"
    build_backend "$profile"
    local dir
    dir=$(backends_dir "$SYSROOT")
    say "installing into $dir/$SO_NAME"
    install_backend_into "$SYSROOT"
    install_tools
    say "building and running tests/example with the profile key (codegen-backend = \"cranelift\")"
    if ! run_example ""; then
        die "the installed backend failed on tests/example (see above); it stays installed,
\`bash compiler/clif.sh uninstall\` removes it"
    fi
    say "done: the backend is installed in $TOOLCHAIN"
    cat >&2 <<EOF
    In any cargo project: cargo clif build / run / test (rustc-clif, rustdoc-clif for
    single files); cargo clif --fallback-to-llvm builds with LLVM the crates that use
    something the backend does not support yet, and lists them.
    Or select it in Cargo.toml (with cargo +$TOOLCHAIN), at the top:
        cargo-features = ["codegen-backend"]
        [profile.dev]
        codegen-backend = "cranelift"
    or: RUSTFLAGS="-Zcodegen-backend=cranelift" cargo +$TOOLCHAIN build
    After reinstalling, \`cargo clean\` such projects: cargo does not notice a new backend.
EOF
}

# cargo-clif, rustc-clif and rustdoc-clif go where cargo finds subcommands: cargo
# searches $CARGO_HOME/bin and PATH, not the toolchain's own bin directory.
TOOLS=(cargo-clif rustc-clif rustdoc-clif)
tools_dir() { printf '%s/bin' "${CARGO_HOME:-$HOME/.cargo}"; }

install_tools() {
    local t dir
    dir=$(tools_dir)
    say "building cargo-clif, rustc-clif and rustdoc-clif"
    (cd "$ROOT" && env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS cargo build --release -q -p cargo-clif) >&2 ||
        die "building cargo-clif failed"
    mkdir -p "$dir"
    for t in "${TOOLS[@]}"; do
        cp "$ROOT/target/release/$t" "$dir/.$t.tmp.$$"
        mv -f "$dir/.$t.tmp.$$" "$dir/$t"
    done
    note "installed ${TOOLS[*]} into $dir"
}

cmd_uninstall() {
    local dir removed=0
    dir=$(backends_dir "$SYSROOT")
    if [[ -e $dir/$SO_NAME ]]; then
        rm -f "$dir/$SO_NAME"
        say "removed $dir/$SO_NAME"
        removed=1
    fi
    local t
    for t in "${TOOLS[@]}"; do
        if [[ -e $(tools_dir)/$t ]]; then
            rm -f "$(tools_dir)/$t"
            say "removed $(tools_dir)/$t"
        fi
    done
    if preview_component_installed; then
        note "the official rustc-codegen-cranelift-preview component is installed; left it alone"
    fi
    if [[ -d $dir ]] && [[ -z $(ls -A "$dir") ]]; then
        rmdir "$dir"
    fi
    [[ $removed == 1 ]] || say "nothing to uninstall in $TOOLCHAIN"
}

# ---------------------------------------------------------------------------
# tests/example: built with our backend via the profile key, compared with an
# LLVM build of the same program.

run_example() { # extra RUSTFLAGS for the backend build ("" or --sysroot=...)
    local dir="$ROOT/tests/example" out="$ROOT/tests/example/target"
    mkdir -p "$out"
    # Cargo does not track the backend binary: always start from scratch.
    rm -rf "$out/clif"
    if ! (cd "$dir" && env -u CARGO_ENCODED_RUSTFLAGS RUSTFLAGS="$1" CARGO_TARGET_DIR="$out/clif" \
        cargo build --locked --offline -q); then
        return 1
    fi
    local status=0
    (cd "$dir" && "$out/clif/debug/clif-example") >"$out/clif.out" || status=$?
    cat "$out/clif.out"
    if [[ $status != 0 ]]; then
        warn "tests/example built with our backend exited with status $status"
        return 1
    fi
    say "comparing with an LLVM build of tests/example"
    if ! (cd "$dir" && env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS \
        CARGO_PROFILE_DEV_CODEGEN_BACKEND=llvm CARGO_TARGET_DIR="$out/llvm" \
        cargo -Zcodegen-backend build --locked --offline -q); then
        warn "the LLVM build of tests/example failed"
        return 1
    fi
    (cd "$dir" && "$out/llvm/debug/clif-example") >"$out/llvm.out"
    if ! diff -u "$out/llvm.out" "$out/clif.out" >&2; then
        warn "tests/example: output differs from the LLVM build (- LLVM, + ours)"
        return 1
    fi
    note "output identical to the LLVM build"
}

# ---------------------------------------------------------------------------
# the wrappers

cmd_cargo() {
    [[ ${1:-} != +* ]] || die "the backend works only with the pinned toolchain $TOOLCHAIN; drop '$1'"
    resolve_backend
    set_clif_flags
    local flags=("${CLIF_FLAGS[@]}")
    if [[ ${CLIF_TRACK_BACKEND:-1} != 0 && $BACKEND != llvm ]]; then
        # Cargo does not track the backend binary; a flag that changes with it does.
        # GNU stat, else BSD's (macOS).
        flags+=("--cfg=clif_backend=\"$(stat -c %Y-%s "$BACKEND" 2>/dev/null || stat -f %m-%z "$BACKEND")\"")
    fi
    # CARGO_ENCODED_RUSTFLAGS wins over RUSTFLAGS when set: extend whichever
    # cargo is going to read. Either one replaces build.rustflags from
    # .cargo/config.toml.
    if [[ -n ${CARGO_ENCODED_RUSTFLAGS:-} ]]; then
        local f
        for f in "${flags[@]}"; do CARGO_ENCODED_RUSTFLAGS+=$'\x1f'"$f"; done
        export CARGO_ENCODED_RUSTFLAGS
    else
        export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }${flags[*]}"
    fi
    # rustdoc compiles doctests: same backend, same panic strategy.
    export RUSTDOCFLAGS="${RUSTDOCFLAGS:+$RUSTDOCFLAGS }${flags[*]}"
    cd "$ORIG_PWD"
    exec cargo "$@"
}

cmd_rustc() {
    [[ ${1:-} != +* ]] || die "the backend works only with the pinned toolchain $TOOLCHAIN; drop '$1'"
    resolve_backend
    set_clif_flags
    cd "$ORIG_PWD"
    exec rustc "${CLIF_FLAGS[@]}" "$@"
}

# ---------------------------------------------------------------------------
# test: CI's suite lives in tests/stages.sh; the user commands stay here.

cmd_test() {
    # shellcheck source=../tests/stages.sh
    source "$ROOT/tests/stages.sh"
    run_test_stages "$@"
}

# bench: resolve the backend here (CLIF_BACKEND, CLIF_PROFILE) unless the
# arguments name one or don't need one.

# exec_with_backend "NO_BACKEND_FLAGS" CMD... -- ARGS...: runs CMD ARGS, adding
# `--backend <built .so>` (building it if needed) unless ARGS has --backend or one
# of the space-separated NO_BACKEND_FLAGS.
exec_with_backend() {
    local skip=" --backend -h --help $1 " arg cmd=()
    shift
    while [[ $1 != -- ]]; do
        cmd+=("$1")
        shift
    done
    shift
    for arg in "$@"; do
        [[ $skip == *" ${arg%%=*} "* ]] && exec "${cmd[@]}" "$@"
    done
    resolve_backend
    exec "${cmd[@]}" --backend "$BACKEND" "$@"
}

cmd_bench() {
    exec_with_backend "--llvm-only" bash "$ROOT/tests/bench/bench.sh" -- "$@"
}

cmd_report() {
    [[ $# == 0 ]] || die "report takes no arguments (use suites/bench for subsets)"
    resolve_backend
    say "public suites, both backends"
    python3 "$ROOT/tests/suites/suites.py" --backend "$BACKEND" --write
    say "benchmark, 5 runs"
    bash "$ROOT/tests/bench/bench.sh" --backend "$BACKEND" --runs 5 --write
    say "tables written to tests/suites/RESULTS.md and tests/bench/RESULTS.md"
}

cmd_suites() {
    exec_with_backend "--self-test" python3 "$ROOT/tests/suites/suites.py" -- "$@"
}

# ---------------------------------------------------------------------------

main() {
    local cmd=${1:-help}
    [[ $# -gt 0 ]] && shift
    case $cmd in
    help | -h | --help)
        usage
        return 0
        ;;
    build | install | uninstall | test | cargo | rustc | bench | suites | report) ;;
    *) die "unknown command '$cmd' (see: bash compiler/clif.sh help)" ;;
    esac
    ensure_toolchain
    case $cmd in
    build)
        local profile=release
        case ${1:-} in
        --debug) profile=debug ;;
        "") ;;
        *) die "build: unknown argument '$1'" ;;
        esac
        say "building backend ($profile)"
        build_backend "$profile"
        echo "$BACKEND"
        ;;
    install) cmd_install "$@" ;;
    uninstall) cmd_uninstall ;;
    test) cmd_test "$@" ;;
    cargo) cmd_cargo "$@" ;;
    rustc) cmd_rustc "$@" ;;
    bench) cmd_bench "$@" ;;
    suites) cmd_suites "$@" ;;
    report) cmd_report "$@" ;;
    esac
}

# Sourcing this file (e.g. to test a function) defines everything but runs nothing.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    main "$@"
fi
