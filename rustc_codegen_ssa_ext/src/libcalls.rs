//! Names of the runtime routines (compiler-builtins, libm) that implement operations a
//! code generator has no instruction for. Shared so that every backend agrees on them.

/// Integer operations on 128-bit values that need a libcall on 64-bit targets.
pub fn i128_divrem(signed: bool, rem: bool) -> &'static str {
    match (signed, rem) {
        (false, false) => "__udivti3",
        (false, true) => "__umodti3",
        (true, false) => "__divti3",
        (true, true) => "__modti3",
    }
}

/// Float math functions by (operation, bit width), from libm (f32/f64) or
/// compiler-builtins (f16/f128).
pub fn float_math(op: &str, bits: u32) -> Option<String> {
    let suffix = match bits {
        16 => "f16",
        32 => "f",
        64 => "",
        128 => "f128",
        _ => return None,
    };
    Some(format!("{op}{suffix}"))
}

/// int <-> float conversion routines for widths a code generator lacks (i128, f16, f128).
/// `from`/`to` are like "i128", "u128", "f32".
pub fn conversion(from: &str, to: &str) -> Option<&'static str> {
    Some(match (from, to) {
        ("f32", "i128") => "__fixsfti",
        ("f64", "i128") => "__fixdfti",
        ("f32", "u128") => "__fixunssfti",
        ("f64", "u128") => "__fixunsdfti",
        ("i128", "f32") => "__floattisf",
        ("i128", "f64") => "__floattidf",
        ("u128", "f32") => "__floatuntisf",
        ("u128", "f64") => "__floatuntidf",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_math_names() {
        assert_eq!(float_math("sin", 32).as_deref(), Some("sinf"));
        assert_eq!(float_math("sin", 64).as_deref(), Some("sin"));
        assert_eq!(float_math("log", 16).as_deref(), Some("logf16"));
        assert_eq!(float_math("log", 8), None);
    }

    #[test]
    fn i128_names() {
        assert_eq!(i128_divrem(true, true), "__modti3");
        assert_eq!(i128_divrem(false, false), "__udivti3");
    }
}
