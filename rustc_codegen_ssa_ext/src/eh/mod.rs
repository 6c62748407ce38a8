//! Exception-handling tables for DWARF unwinding with `rust_eh_personality`.
//!
//! The unwinder finds a frame's FDE in `.eh_frame`; if its CIE has a personality and the
//! FDE an LSDA, it calls `rust_eh_personality`, which looks up `ip - 1` (the return address
//! minus one, inside the call) in the LSDA's call-site table:
//!
//! - An ip not covered by any entry means *terminate*, so once a function has an LSDA,
//!   every call that can unwind needs an entry, with landing pad 0 if it has no pad.
//! - A covered ip with a landing pad yields Cleanup (action 0, or ttype index 0), Catch
//!   (ttype index > 0) or Filter (< 0). Only the sign matters; type entries are not read.
//! - The search phase stops at Catch and Filter. That is why terminate pads use an empty
//!   filter: a panic escaping a nounwind function then reaches its terminate pad, as
//!   with LLVM. Forced unwinding skips filters.
//! - In the cleanup phase the pad runs with the exception pointer in the first data
//!   register (rax/x0) and null in the second (rdx/x1).
//!
//! [`lsda`] builds the call-site tables, [`frame`] the `.eh_frame` CIEs/FDEs with the
//! personality reached via a `DW.ref.rust_eh_personality` data word, and [`decode`] replays
//! the personality's lookup for tests and tooling. Nothing here depends on a code
//! generator: the backend supplies offsets, symbol indices and the ISA's CIE/FDEs.
//!
//! The backend still has to emit the `DW.ref.rust_eh_personality` word (hidden, writable
//! data not in `.bss`, holding the absolute address of `rust_eh_personality`) and place each
//! LSDA 4-aligned in `.gcc_except_table`.

pub mod decode;
pub mod frame;
pub mod lsda;
