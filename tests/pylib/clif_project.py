"""What the project's Python tools share: the pinned toolchain (from rust-toolchain.toml),
the host triple (from that toolchain's rustc), crates.io downloads checked against a
sha256, and commands whose whole process group is killed on timeout (a timed-out `cargo
test` must not leave rustc or the test binaries running).

    sys.path.insert(0, str(ROOT / "tests" / "pylib"))
    import clif_project
"""

import functools
import hashlib
import os
import signal
import subprocess
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def toolchain() -> str:
    """The channel rust-toolchain.toml pins (`nightly-2026-05-20`)."""
    with open(ROOT / "rust-toolchain.toml", "rb") as f:
        return tomllib.load(f)["toolchain"]["channel"]


def toolchain_env(**extra) -> dict:
    """The environment with RUSTUP_TOOLCHAIN set to the pinned toolchain (works for cargo
    and rustc alike, and in directories without our rust-toolchain.toml)."""
    return dict(os.environ, RUSTUP_TOOLCHAIN=toolchain(), **extra)


@functools.cache
def host_triple() -> str:
    """The pinned rustc's host (`x86_64-unknown-linux-gnu`)."""
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True,
                         env=toolchain_env()).stdout
    for line in out.splitlines():
        if line.startswith("host: "):
            return line.removeprefix("host: ").strip()
    raise RuntimeError(f"rustc -vV printed no host: {out!r}")


def download_crate(name: str, version: str, sha256: str, timeout: int = 120) -> bytes:
    """The `.crate` file of `name` `version` from crates.io, checked against `sha256`."""
    url = f"https://static.crates.io/crates/{name}/{name}-{version}.crate"
    with urllib.request.urlopen(url, timeout=timeout) as r:
        data = r.read()
    got = hashlib.sha256(data).hexdigest()
    if got != sha256:
        raise RuntimeError(f"{name}-{version}.crate: sha256 {got}, expected {sha256}")
    return data


def run(cmd, timeout=None, **kwargs) -> subprocess.CompletedProcess:
    """subprocess.run in a new session: on timeout the whole process group is killed, then
    subprocess.TimeoutExpired is raised with the output so far."""
    with subprocess.Popen(cmd, start_new_session=True, **kwargs) as p:
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            out, err = p.communicate()
            raise subprocess.TimeoutExpired(cmd, timeout, output=out, stderr=err) from None
        return subprocess.CompletedProcess(cmd, p.returncode, out, err)
