//! `cargo clif <cargo args>`: the pinned cargo with every crate compiled by the Cranelift
//! backend. `cargo clif --fallback-to-llvm <args>` rebuilds with LLVM exactly the crates
//! that use something the backend does not support yet, and lists them at the end.

fn main() {
    let mut args: Vec<_> = std::env::args_os().skip(1).collect();
    // As a RUSTC_WRAPPER (`--fallback-to-llvm`), cargo calls us with rustc's path first.
    if std::env::var_os(cargo_clif::FALLBACK_LOG).is_some() && !args.is_empty() {
        std::process::exit(cargo_clif::fallback::wrap_rustc(args));
    }
    // Run as `cargo clif ...`, cargo passes the subcommand's name first.
    if args.first().is_some_and(|a| a == "clif") {
        args.remove(0);
    }
    std::process::exit(cargo_clif::cargo(args));
}
