#!/usr/bin/env bash
# Public test suites with our backend and LLVM; see suites.py for the details.
#
#   bash tests/suites/suites.sh [--suites a,b|fast] [--no-llvm] [--check] [--write]
#
# Goes through `compiler/clif.sh suites`, which installs the pinned toolchain and
# builds the backend (release) unless --backend is given.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec bash "$HERE/../../compiler/clif.sh" suites "$@"
