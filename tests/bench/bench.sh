#!/usr/bin/env bash
# Compile-time benchmark: clean debug builds of a few crates.io crates with
# LLVM and with our backend, plus `cargo check`; see bench.py for the details.
#
#   bash tests/bench/bench.sh [--runs N] [--crates regex,serde,clap]
#                             [--backend /abs/librustc_codegen_cranelift.so]
#                             [--llvm-only] [--no-check] [-v] [--help]
#
# Run standalone it goes through `compiler/clif.sh bench`, which installs the
# pinned toolchain and builds the backend (release) unless --backend is given.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [[ -z ${CLIF_TOOLCHAIN:-} ]]; then
    exec bash "$HERE/../../compiler/clif.sh" bench "$@"
fi
command -v python3 >/dev/null 2>&1 || { echo "bench.sh: python3 is required" >&2; exit 1; }
exec python3 "$HERE/bench.py" "$@"
