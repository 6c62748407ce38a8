//! `rustc-clif <args>`: the pinned rustc with the Cranelift backend.

fn main() {
    cargo_clif::exec_tool("rustc", std::env::args_os().skip(1).collect());
}
