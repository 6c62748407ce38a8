//! `rustdoc-clif <args>`: the pinned rustdoc with the Cranelift backend (doctests too).

fn main() {
    cargo_clif::exec_tool("rustdoc", std::env::args_os().skip(1).collect());
}
