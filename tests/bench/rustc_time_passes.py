#!/usr/bin/env python3
"""RUSTC_WRAPPER used by bench.py: adds -Ztime-passes to the compilation of one
crate (CLIF_TIME_PASSES_CRATE, a --crate-name) and copies rustc's `time:` lines
to CLIF_TIME_PASSES_OUT. Every other rustc invocation passes through untouched."""

import os
import subprocess
import sys

rustc, args = sys.argv[1], sys.argv[2:]
focus = os.environ.get("CLIF_TIME_PASSES_CRATE")
try:
    name = args[args.index("--crate-name") + 1]
except (ValueError, IndexError):
    name = None

if not focus or name != focus:
    os.execvp(rustc, [rustc, *args])

proc = subprocess.Popen([rustc, *args, "-Ztime-passes"], stderr=subprocess.PIPE, text=True)
with open(os.environ["CLIF_TIME_PASSES_OUT"], "a", encoding="utf-8") as out:
    for line in proc.stderr:
        if line.startswith("time:"):
            out.write(line)
        sys.stderr.write(line)
sys.exit(proc.wait())
