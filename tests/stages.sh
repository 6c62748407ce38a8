# The stages of `bash compiler/clif.sh test`, CI's suite (.ci/run calls that command).
# Sourced by clif.sh's `test`, which provides the toolchain, the backend build and the
# helpers users' commands share (say/warn/die, build_backend, make_overlay_sysroot,
# run_example); nothing here is a user command. Run a subset with
# CLIF_TEST_ONLY=stage,... (the list is STAGES below).
# shellcheck shell=bash

STAGES=(fmt clippy build unit difftest aarch64 macos abi-cafe debugger example cargo-clif e2e-llvm e2e-wrapper e2e-profile suites icount)
declare -gA RESULT=() SECONDS_TAKEN=()

stage_selected() {
    [[ -z ${CLIF_TEST_ONLY:-} ]] && return 0
    [[ ",$CLIF_TEST_ONLY," == *",$1,"* ]]
}

# run_stage NAME NEEDS_BACKEND FUNCTION
run_stage() {
    local name=$1 needs_backend=$2 fn=$3 start
    stage_selected "$name" || return 0
    if [[ $needs_backend == 1 && -z $BACKEND ]]; then
        say "[$name] skipped: no backend was built"
        RESULT[$name]=skipped
        return 0
    fi
    say "[$name]"
    start=$(date +%s)
    if ("$fn"); then RESULT[$name]=passed; else RESULT[$name]=failed; fi
    SECONDS_TAKEN[$name]=$(($(date +%s) - start))
    say "[$name] ${RESULT[$name]} (${SECONDS_TAKEN[$name]}s)"
}

# rustfmt.toml's style (rustc's), on every crate of the workspace.
stage_fmt() {
    if ! cargo fmt --version >/dev/null 2>&1; then
        rustup component add rustfmt --toolchain "$TOOLCHAIN" >&2 || return 1
    fi
    cargo fmt --all --check
}

# Clippy's default lints, as errors; the few allowed say why where they are.
stage_clippy() {
    if ! cargo clippy --version >/dev/null 2>&1; then
        rustup component add clippy --toolchain "$TOOLCHAIN" >&2 || return 1
    fi
    env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS cargo clippy -q --release --workspace --all-targets -- -D warnings
}

stage_unit() {
    cargo test -p rustc_codegen_ssa_ext -p difftest -p cargo-clif && python3 tests/suites/suites.py --self-test &&
        python3 rustc_codegen_ssa_ext/gen/arch_intrinsics.py --check --quiet &&
        python3 rustc_codegen_ssa_ext/gen/arch_difftests.py --check >/dev/null &&
        python3 rustc_codegen_ssa_ext/gen/target_cpus.py --check
}

# The fast part of tests/suites (coretests, alloctests) with our backend,
# against the ratchet in tests/suites/expected-failures/.
stage_suites() {
    python3 tests/suites/suites.py --backend "$BACKEND" --suites fast --no-llvm --check >/dev/null
}

stage_difftest() {
    local args=(--backend "$BACKEND" --opt-levels "0,2")
    if [[ -f tests/expected-failures.txt ]]; then
        args+=(--expected-failures tests/expected-failures.txt)
    fi
    # Cranelift's verifier checks every function we hand it (CLIF_VERIFY, read by isa.rs).
    CLIF_VERIFY=1 cargo run --release -p difftest -- "${args[@]}" &&
        python3 rustc_codegen_ssa_ext/gen/target_cpus.py --compare "$BACKEND"
}

# The whole differential suite at -O0 and -O2, built for aarch64 and run under qemu-user
# (the arch intrinsics, aarch64's asm!, backtraces from our line tables and everything
# else; the second target finds bugs the first hides). Needs the toolchain's aarch64 std,
# added here with rustup; the cross gcc and qemu come from Debian's packages (installed
# here when we are root).
aarch64_available() {
    [[ -d $SYSROOT/lib/rustlib/aarch64-unknown-linux-gnu/lib ]] ||
        rustup target add aarch64-unknown-linux-gnu --toolchain "$TOOLCHAIN" >&2
    [[ -d $SYSROOT/lib/rustlib/aarch64-unknown-linux-gnu/lib ]]
}

stage_aarch64() {
    if ! command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || ! command -v qemu-aarch64 >/dev/null 2>&1; then
        if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user >&2
        else
            warn "aarch64: aarch64-linux-gnu-gcc and qemu-aarch64 are needed"
            return 1
        fi
    fi
    # qemu runs the unwinding-heavy programs several times slower than the host.
    local args=(--backend "$BACKEND" --opt-levels "0,2" --target aarch64-unknown-linux-gnu --timeout 120)
    if [[ -f tests/expected-failures.txt ]]; then
        args+=(--expected-failures tests/expected-failures.txt)
    fi
    cargo run --release -p difftest -- "${args[@]}" &&
        python3 tests/suites/suites.py --backend "$BACKEND" --suites alloctests --no-llvm --check \
            --target aarch64-unknown-linux-gnu --timeout 1800 >/dev/null
}

# Our Mach-O objects for both Apple targets, checked against LLVM's without a Mac
# (tests/macos/check_objects.py, -O0): the checks' own self-test, then every program.
# Their std comes from rustup; clang (for our assembly text) from Debian's packages.
macos_available() {
    local t
    for t in aarch64-apple-darwin x86_64-apple-darwin; do
        [[ -d $SYSROOT/lib/rustlib/$t/lib ]] || rustup target add "$t" --toolchain "$TOOLCHAIN" >&2
        [[ -d $SYSROOT/lib/rustlib/$t/lib ]] || return 1
    done
}

stage_macos() {
    if ! command -v clang-19 >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang-19; } >&2 ||
            warn "macos: clang-19 did not install; our assembly text is not checked"
    fi
    python3 tests/macos/check_objects.py --self-test >/dev/null &&
        python3 tests/macos/check_objects.py --backend "$BACKEND" --quick | tail -n 6
}

# A fast subset of abi-cafe (tests/abi-cafe/run.sh runs all of it): the value types where
# ABIs differ most (128-bit integers, f16/f128, float arrays, padding, over-aligned and
# niche-carrying aggregates, unions), our backend against LLVM's rustc and gcc, both ways,
# on x86_64 and, when the aarch64 stage's tools are here, on aarch64 under qemu.
ABI_CAFE_FAST=i128,f16,f128,F32Array,SimplePaddedStruct,TwoAlignedU64s,OptionU128,MultiVariantUnion
stage_abi_cafe() {
    local log=$ROOT/target/abi-cafe/stage.log target
    local targets=(x86_64-unknown-linux-gnu)
    if aarch64_available && command -v qemu-aarch64 >/dev/null 2>&1 &&
        command -v aarch64-linux-gnu-gcc >/dev/null 2>&1; then
        targets+=(aarch64-unknown-linux-gnu)
    fi
    mkdir -p "$(dirname "$log")"
    for target in "${targets[@]}"; do
        # abi-cafe reports every test set: the log keeps them, the summary line goes here.
        if ! BACKEND=$BACKEND bash tests/abi-cafe/run.sh --target "$target" --tests "$ABI_CAFE_FAST" \
            >"$log" 2>&1; then
            tail -n 60 "$log"
            return 1
        fi
        echo "$target: $(grep 'test sets run' "$log" | tail -n 1)"
    done
}

# gdb (and lldb) at breakpoints in tests/debugger/*.rs, fact by fact against the LLVM
# build, and llvm-dwarfdump --verify of our objects. gdb, lldb and llvm come from
# Debian's packages.
stage_debugger() {
    local need=()
    command -v gdb >/dev/null 2>&1 || need+=(gdb)
    command -v llvm-dwarfdump >/dev/null 2>&1 || command -v llvm-dwarfdump-14 >/dev/null 2>&1 || need+=(llvm)
    if [[ ${#need[@]} -gt 0 ]]; then
        if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
        else
            warn "debugger: ${need[*]} needed"
            return 1
        fi
    fi
    # lldb too, where Debian's package installs (the probes then ask it the same questions).
    if ! command -v lldb >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lldb; } >&2 ||
            warn "debugger: lldb did not install; gdb only"
    fi
    python3 tests/debugger/gdb_facts.py --backend "$BACKEND"
}

stage_example() {
    make_overlay_sysroot "$ROOT/target/clif-sysroot"
    run_example "--sysroot=$ROOT/target/clif-sysroot"
}

# cargo clif, rustc-clif and rustdoc-clif as a user runs them, from a PATH entry (where
# install puts them): a fresh `cargo new` project runs and tests (its doctest too) with
# the backend; tests/cargo-clif/fallback, whose crate needs-llvm uses asm goto, fails to
# build with our error and its help, builds with --fallback-to-llvm, which names that
# crate, and prints what its LLVM build prints.
stage_cargo_clif() {
    local work b out
    cargo build --release -q -p cargo-clif || return 1
    # Outside this workspace, as a user's project is.
    work=$(mktemp -d "${TMPDIR:-/tmp}/cargo-clif-test.XXXXXX")
    mkdir -p "$work/bin"
    for b in cargo-clif rustc-clif rustdoc-clif; do ln -s "$ROOT/target/release/$b" "$work/bin/$b"; done
    export PATH="$work/bin:$PATH" CLIF_BACKEND="$BACKEND"
    unset CARGO_TARGET_DIR
    (cd "$work" && cargo new -q --lib fresh) || return 1
    cat >>"$work/fresh/src/lib.rs" <<'RS'

/// ```
/// assert_eq!(fresh::twice(21), 42);
/// ```
pub fn twice(x: u64) -> u64 {
    x * 2
}
RS
    out=$(cd "$work/fresh" && cargo clif test -v 2>&1) || { echo "$out"; return 1; }
    grep -q -- "-Zcodegen-backend=$BACKEND" <<<"$out" || { warn "cargo clif: the backend was not passed"; return 1; }
    grep -q "lib.rs - twice (line" <<<"$out" || { echo "$out"; warn "cargo clif test: no doctest ran"; return 1; }
    printf 'fn main() { println!("{}", 6 * 7); }\n' >"$work/hi.rs"
    (cd "$work" && rustc-clif hi.rs -o hi && [[ $(./hi) == 42 ]]) || { warn "rustc-clif"; return 1; }
    local fb=$ROOT/tests/cargo-clif/fallback
    export CARGO_TARGET_DIR=$work/fallback
    if out=$(cd "$fb" && cargo clif build -q 2>&1); then
        warn "cargo clif built needs-llvm, which uses asm goto"
        return 1
    fi
    grep -q "help: to build \`needs-llvm\` with LLVM" <<<"$out" || { echo "$out"; warn "no help: line"; return 1; }
    out=$(cd "$fb" && cargo clif --fallback-to-llvm run -q 2>"$work/fallback.err") || { cat "$work/fallback.err"; return 1; }
    grep -q "needs_llvm: \`label\` operands" "$work/fallback.err" || { cat "$work/fallback.err"; warn "the fallback was not listed"; return 1; }
    local llvm
    llvm=$(cd "$fb" && CARGO_TARGET_DIR=$work/fallback-llvm cargo run -q) || return 1
    [[ $out == "$llvm" ]] || { warn "fallback: output differs from LLVM's: $out / $llvm"; return 1; }
    rm -rf "$work"
    say "cargo clif: fresh project, doctest, rustc-clif and --fallback-to-llvm ok"
}

E2E="$ROOT/tests/e2e"
E2E_OUT="$ROOT/tests/e2e/target"

# e2e_build_run_test NAME BIN_DIR [CARGO_ARGS...]: build, run the binary into
# $E2E_OUT/NAME.out, then `cargo test`; the environment comes from the caller.
e2e_build_run_test() {
    local name=$1 bin_dir=$2
    shift 2
    (cd "$E2E" && cargo build --locked "$@") || return 1
    local status=0
    (cd "$E2E" && "$bin_dir/e2e-app") >"$E2E_OUT/$name.out" || status=$?
    if [[ $status != 0 ]]; then
        cat "$E2E_OUT/$name.out"
        warn "e2e-app ($name) exited with status $status"
        return 1
    fi
    (cd "$E2E" && cargo test --locked "$@") || return 1
    e2e_report "$name" cargo test "$@"
}

# e2e_report NAME CARGO... [CARGO_ARGS...]: libtest's report of the `report`
# crate (which has failing tests on purpose) into $E2E_OUT/NAME.report,
# normalised; compared with LLVM's unless NAME is llvm. CARGO is `cargo` or the
# wrapper, as one word per argument up to `test`.
e2e_report() {
    local name=$1 status=0
    shift
    (cd "$E2E" && env -u RUST_BACKTRACE "$@" --locked -p report -- --test-threads=1) \
        >"$E2E_OUT/$name.report.raw" || status=$?
    if [[ $status != 101 ]]; then
        cat "$E2E_OUT/$name.report.raw"
        warn "cargo test -p report ($name): expected exit status 101 (some tests fail on purpose), got $status"
        return 1
    fi
    sed -E -e 's/finished in [0-9.]+s/finished in <T>s/' -e "s/^(thread '[^']*') \([0-9]+\)/\1 (TID)/" \
        "$E2E_OUT/$name.report.raw" >"$E2E_OUT/$name.report"
    [[ $name == llvm ]] && return 0
    if ! diff -u "$E2E_OUT/llvm.report" "$E2E_OUT/$name.report" >&2; then
        warn "libtest report of tests/e2e/report differs from the LLVM build (- LLVM, + $name)"
        return 1
    fi
    note "libtest report of tests/e2e/report identical to the LLVM build"
}

e2e_compare() { # name
    if [[ ! -f $E2E_OUT/llvm.out ]]; then
        warn "no LLVM reference output (stage e2e-llvm failed or did not run)"
        return 1
    fi
    if ! diff -u "$E2E_OUT/llvm.out" "$E2E_OUT/$1.out" >&2; then
        warn "e2e-app output differs from the LLVM build (- LLVM, + $1)"
        return 1
    fi
    note "e2e-app output identical to the LLVM build"
}

# Reference: LLVM, profile dev. Its target dir is kept between runs
# (incremental): it depends on the sources only.
stage_e2e_llvm() {
    mkdir -p "$E2E_OUT"
    rm -f "$E2E_OUT/llvm.out"
    export CARGO_TARGET_DIR="$E2E_OUT/llvm"
    e2e_build_run_test llvm "$CARGO_TARGET_DIR/debug" || {
        rm -f "$E2E_OUT/llvm.out"
        return 1
    }
}

# Our backend through the wrapper, exactly as `clif.sh cargo ...` (RUSTFLAGS).
stage_e2e_wrapper() {
    mkdir -p "$E2E_OUT"
    rm -rf "$E2E_OUT/clif-wrapper" "$E2E_OUT/wrapper.out"
    export CARGO_TARGET_DIR="$E2E_OUT/clif-wrapper"
    export CLIF_BACKEND=$BACKEND
    local clif=(bash "$ROOT/compiler/clif.sh" cargo)
    (cd "$E2E" && "${clif[@]}" build --locked) || return 1
    local status=0
    (cd "$E2E" && "$CARGO_TARGET_DIR/debug/e2e-app") >"$E2E_OUT/wrapper.out" || status=$?
    if [[ $status != 0 ]]; then
        cat "$E2E_OUT/wrapper.out"
        warn "e2e-app (wrapper) exited with status $status"
        return 1
    fi
    local ok=0
    e2e_compare wrapper || ok=1
    (cd "$E2E" && "${clif[@]}" test --locked) || ok=1
    e2e_report wrapper "${clif[@]}" test || ok=1
    return $ok
}

# Our backend through the profile key: the `clif` profile of tests/e2e says
# codegen-backend = "cranelift"; --sysroot only makes that name resolve to the
# backend just built (see make_overlay_sysroot) instead of an installed one.
stage_e2e_profile() {
    mkdir -p "$E2E_OUT"
    rm -rf "$E2E_OUT/clif-profile" "$E2E_OUT/profile.out"
    make_overlay_sysroot "$ROOT/target/clif-sysroot" || return 1
    export CARGO_TARGET_DIR="$E2E_OUT/clif-profile"
    export RUSTFLAGS="--sysroot=$ROOT/target/clif-sysroot"
    e2e_build_run_test profile "$CARGO_TARGET_DIR/clif" --profile clif || return 1
    e2e_compare profile
}

# The compile-time guard: instructions (callgrind) compiling regex-automata with our
# backend, LLVM and the front end alone; the ratios must stay within the tolerance of
# tests/bench/icount-baseline.json. valgrind comes from Debian's packages.
stage_icount() {
    if ! command -v valgrind >/dev/null 2>&1; then
        if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) == 0 ]]; then
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; } >&2
        else
            warn "icount: valgrind is needed"
            return 1
        fi
    fi
    python3 tests/bench/icount.py --backend "$BACKEND" --check | tail -n 8
}

stage_build() {
    build_backend release
}

run_test_stages() {
    [[ $# == 0 ]] || die "test takes no arguments (use CLIF_TEST_ONLY=stage,...)"
    local name only=${CLIF_TEST_ONLY:-}
    for name in ${only//,/ }; do
        [[ " ${STAGES[*]} " == *" $name "* ]] ||
            die "CLIF_TEST_ONLY: unknown stage '$name' (stages: ${STAGES[*]})"
    done
    # The suite sets its own flags per stage.
    if [[ -n ${RUSTFLAGS:-}${CARGO_ENCODED_RUSTFLAGS:-}${RUSTDOCFLAGS:-} ]]; then
        warn "ignoring RUSTFLAGS/CARGO_ENCODED_RUSTFLAGS/RUSTDOCFLAGS from the environment"
    fi
    unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS RUSTDOCFLAGS CLIF_BACKEND

    # Download the e2e dependencies up front; the stages then run --locked.
    (cd "$E2E" && cargo fetch --locked -q) >&2 || warn "cargo fetch in tests/e2e failed"

    run_stage fmt 0 stage_fmt
    run_stage clippy 0 stage_clippy
    if stage_selected build; then
        run_stage build 0 stage_build
        [[ ${RESULT[build]} == passed ]] && BACKEND="$ROOT/target/release/$SO_NAME"
    elif stage_selected difftest || stage_selected aarch64 || stage_selected macos || stage_selected abi-cafe ||
        stage_selected debugger || stage_selected example || stage_selected cargo-clif ||
        stage_selected e2e-wrapper ||
        stage_selected e2e-profile || stage_selected icount; then
        # Selected stages that need a backend still get one (incremental, quiet).
        if (build_backend release quiet); then BACKEND="$ROOT/target/release/$SO_NAME"; fi
    fi
    run_stage unit 0 stage_unit
    run_stage difftest 1 stage_difftest
    if aarch64_available; then
        run_stage aarch64 1 stage_aarch64
    elif stage_selected aarch64; then
        say "[aarch64] not run: the toolchain has no aarch64 std (rustup target add aarch64-unknown-linux-gnu --toolchain $TOOLCHAIN)"
    fi
    if macos_available; then
        run_stage macos 1 stage_macos
    elif stage_selected macos; then
        say "[macos] not run: the toolchain has no Apple std (rustup target add aarch64-apple-darwin x86_64-apple-darwin)"
    fi
    run_stage abi-cafe 1 stage_abi_cafe
    run_stage debugger 1 stage_debugger
    run_stage example 1 stage_example
    run_stage cargo-clif 1 stage_cargo_clif
    run_stage e2e-llvm 0 stage_e2e_llvm
    run_stage e2e-wrapper 1 stage_e2e_wrapper
    run_stage e2e-profile 1 stage_e2e_profile
    run_stage suites 1 stage_suites
    run_stage icount 1 stage_icount

    local passed=0 failed=0 skipped=0
    printf '\n%-12s %-8s %s\n' stage result time >&2
    for name in "${STAGES[@]}"; do
        [[ -n ${RESULT[$name]:-} ]] || continue
        printf '%-12s %-8s %s\n' "$name" "${RESULT[$name]}" "${SECONDS_TAKEN[$name]:+${SECONDS_TAKEN[$name]}s}" >&2
        case ${RESULT[$name]} in
        passed) passed=$((passed + 1)) ;;
        failed) failed=$((failed + 1)) ;;
        skipped) skipped=$((skipped + 1)) ;;
        esac
    done
    if [[ $skipped -gt 0 ]]; then
        echo "$passed passed, $failed failed, $skipped skipped"
    else
        echo "$passed passed, $failed failed"
    fi
    [[ $failed == 0 && $skipped == 0 ]]
}
