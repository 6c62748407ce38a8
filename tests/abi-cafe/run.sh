#!/usr/bin/env bash
# abi-cafe 1.1.0 (crates.io): calls across our backend and LLVM's rustc, and across our
# backend and gcc, both ways, with every value type abi-cafe has (f16 and f128 too),
# as conventions c and rust (and sysv64 on x86_64), repr(C) and repr(Rust).
#
#   bash tests/abi-cafe/run.sh [--target aarch64-unknown-linux-gnu] [abi-cafe options...]
#
# On aarch64 the test programs are cross-built (aarch64-linux-gnu-gcc) and run under
# qemu-aarch64 (tests/abi-cafe/rustc-aarch64 makes abi-cafe do that). Exits non-zero when
# a test set fails. abi-cafe is installed into target/abi-cafe on first use.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLCHAIN=nightly-2026-05-20
export RUSTUP_TOOLCHAIN=$TOOLCHAIN
BACKEND=${BACKEND:-$ROOT/target/release/librustc_codegen_cranelift.so}
TARGET=x86_64-unknown-linux-gnu
if [[ ${1:-} == --target ]]; then
    TARGET=$2
    shift 2
fi
[[ -f $BACKEND ]] || { echo "abi-cafe: build the backend first ($BACKEND)" >&2; exit 1; }

INSTALL=$ROOT/target/abi-cafe
if [[ ! -x $INSTALL/bin/abi-cafe ]]; then
    echo "abi-cafe: installing abi-cafe 1.1.0 from crates.io into $INSTALL" >&2
    cargo install abi-cafe --version 1.1.0 --locked --root "$INSTALL" -q
fi

# abi-cafe deletes and recreates target/ under the current directory.
RUN=$INSTALL/run-$TARGET
mkdir -p "$RUN"
cd "$RUN"
conventions=c,rust
case $TARGET in
    x86_64-unknown-linux-gnu) conventions=c,rust,sysv64 ;;
    aarch64-unknown-linux-gnu)
        # abi-cafe builds for the host rustc reports: a `rustc` first on PATH reports
        # aarch64, links with the cross gcc and makes each test binary a qemu launcher.
        export REAL_RUSTC=$(rustup which rustc --toolchain "$TOOLCHAIN")
        mkdir -p bin
        ln -sf "$ROOT/tests/abi-cafe/rustc-aarch64" bin/rustc
        export PATH=$RUN/bin:$PATH
        export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
        export AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar
        ;;
    *) echo "abi-cafe: no setup for $TARGET" >&2; exit 1 ;;
esac
exec "$INSTALL/bin/abi-cafe" \
    --add-rustc-codegen-backend "cgclif:$BACKEND" \
    --pairs cgclif_calls_rustc,rustc_calls_cgclif,cgclif_calls_cc,cc_calls_cgclif \
    --conventions "$conventions" --reprs c,rust --rules "$ROOT/tests/abi-cafe/abi-cafe-rules.toml" "$@"
