//! The target features a `-Ctarget-cpu` implies, so that `cfg(target_feature)` agrees with
//! LLVM's backend: the x86-64 psABI levels, `native` (the host's detected features when
//! compiling for the host architecture) and the target's own default CPU. Any feature a
//! CPU has must also be accepted by rustc for the target; callers filter by rustc's list.

/// The x86-64 micro-architecture levels (System V psABI), each adding to the previous.
const X86_64_LEVELS: [&[&str]; 4] = [
    &["cmpxchg8b", "fxsr", "sse", "sse2", "x87"],
    &["cmpxchg16b", "lahfsahf", "popcnt", "sse3", "sse4.1", "sse4.2", "ssse3"],
    &["avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "lzcnt", "movbe", "xsave"],
    &["avx512bw", "avx512cd", "avx512dq", "avx512f", "avx512vl"],
];

/// The features of `cpu` on `arch` (`"x86_64"` or `"aarch64"`), or `None` for a CPU name
/// this table does not know.
pub fn cpu_features(arch: &str, cpu: &str) -> Option<Vec<&'static str>> {
    match (arch, cpu) {
        (_, "native") => native(arch),
        ("x86_64", "x86-64" | "x86-64-v2" | "x86-64-v3" | "x86-64-v4") => {
            let level = cpu.strip_prefix("x86-64-v").map_or(1, |l| l.parse().unwrap());
            Some(X86_64_LEVELS[..level].iter().flat_map(|l| l.iter().copied()).collect())
        }
        ("aarch64", "generic") => Some(vec!["neon", "fp-armv8"]),
        _ => None,
    }
}

/// The host's features, when the host has the architecture `arch`.
fn native(arch: &str) -> Option<Vec<&'static str>> {
    let mut out = Vec::new();
    macro_rules! detect {
        ($mac:ident: $($f:tt)*) => {
            $( if std::arch::$mac!($f) { out.push($f); } )*
        };
    }
    #[cfg(target_arch = "x86_64")]
    if arch == "x86_64" {
        out.extend(["x87", "fxsr", "cmpxchg8b"]);
        detect!(is_x86_feature_detected: "aes" "pclmulqdq" "rdrand" "rdseed" "sse" "sse2" "sse3"
            "ssse3" "sse4.1" "sse4.2" "sse4a" "sha" "avx" "avx2" "avx512f" "avx512cd" "avx512bw"
            "avx512dq" "avx512vl" "avx512ifma" "avx512vbmi" "avx512vpopcntdq" "avx512vbmi2"
            "gfni" "vaes" "vpclmulqdq" "avx512vnni" "avx512bitalg" "avx512bf16"
            "avx512vp2intersect" "avx512fp16" "avxvnni" "avxifma" "avxneconvert"
            "avxvnniint8" "avxvnniint16" "f16c" "fma" "bmi1" "bmi2" "lzcnt" "tbm" "popcnt"
            "xsave" "xsaveopt" "xsaves" "xsavec" "cmpxchg16b" "adx" "rtm" "movbe" "sha512"
            "sm3" "sm4" "kl" "widekl");
        // Two that std does not detect: CPUID 0x8000_0001, ecx bits 0 and 8.
        #[allow(unused_unsafe)]
        let ext = unsafe { std::arch::x86_64::__cpuid(0x8000_0001) }.ecx;
        out.extend(
            [(0, "lahfsahf"), (8, "prfchw")].iter().filter(|(b, _)| ext >> b & 1 != 0).map(|p| p.1),
        );
        return Some(out);
    }
    #[cfg(target_arch = "aarch64")]
    if arch == "aarch64" {
        out.push("fp-armv8");
        detect!(is_aarch64_feature_detected: "neon" "aes" "sha2" "sha3" "crc" "lse" "rdm"
            "dotprod" "fp16" "fhm" "fcma" "jsconv" "rcpc" "rcpc2" "sm4" "i8mm" "bf16" "sve"
            "sve2" "pmull" "flagm" "ssbs" "sb" "paca" "pacg" "dpb" "dpb2" "frintts" "mte"
            "bti" "dit" "rand" "lse2");
        return Some(out);
    }
    let _ = (arch, &mut out);
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_accumulate() {
        let v3 = cpu_features("x86_64", "x86-64-v3").unwrap();
        assert!(v3.contains(&"avx2") && v3.contains(&"sse4.2") && v3.contains(&"sse2"));
        assert!(!v3.contains(&"avx512f"));
        assert!(cpu_features("x86_64", "x86-64-v4").unwrap().contains(&"avx512vl"));
        assert_eq!(cpu_features("x86_64", "pentium-of-the-future"), None);
    }

    #[test]
    fn native_matches_detection() {
        #[cfg(target_arch = "x86_64")]
        {
            let n = cpu_features("x86_64", "native").unwrap();
            assert_eq!(n.contains(&"avx2"), std::arch::is_x86_feature_detected!("avx2"));
            assert!(n.contains(&"sse2"));
        }
    }
}
