//! Where `f16` and `f128` work as well as with LLVM (`cfg(target_has_reliable_f16)` and
//! the rest), for a backend that lowers them as LLVM does: arithmetic through
//! compiler-builtins, `f16` math in `f32`, and `f128` math through libm's binary128
//! functions.

use rustc_session::Session;
use rustc_target::spec::{Arch, Env, Os};

/// `(f16, f16 math, f128, f128 math)`.
///
/// These are LLVM's answers on the targets this project supports (x86_64 and aarch64
/// Linux, and untested macOS): `f16` needs only compiler-builtins' conversions to and
/// from `f32`; `f128` math needs a libm whose `long double` is binary128, which rules out
/// x86_64 (80-bit), 32-bit targets, musl, and everything but Linux. Other targets are
/// reported unreliable: nobody has tested them here.
pub fn reliable_floats(sess: &Session) -> (bool, bool, bool, bool) {
    let t = &sess.target;
    let supported = matches!(t.arch, Arch::X86_64 | Arch::AArch64)
        && matches!(t.os, Os::Linux | Os::MacOs)
        && t.env != Env::Musl;
    if !supported {
        return (false, false, false, false);
    }
    let f128_math = t.arch == Arch::AArch64 && t.os == Os::Linux && t.pointer_width == 64;
    (true, true, true, f128_math)
}
