//! The target features a `-Ctarget-cpu` implies, so that `cfg(target_feature)` agrees with
//! LLVM's backend: every named CPU of x86_64 and aarch64 (a table generated from LLVM's own
//! answer) and `native` (the host's detected features when compiling for the host
//! architecture). Any feature a CPU has must also be accepted by rustc for the target;
//! callers filter by rustc's list.

mod table;

/// The features of `cpu` on `arch` (`"x86_64"` or `"aarch64"`), or `None` for a CPU name
/// LLVM does not know either. Named CPUs come from the generated table of what LLVM's
/// backend reports for them (`gen/target_cpus.py`).
pub fn cpu_features(arch: &str, cpu: &str) -> Option<Vec<&'static str>> {
    if cpu == "native" {
        return native(arch);
    }
    let i = table::CPUS.binary_search_by(|&(a, c, _)| (a, c).cmp(&(arch, cpu))).ok()?;
    Some(table::CPUS[i].2.to_vec())
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
        let n1 = cpu_features("aarch64", "neoverse-n1").unwrap();
        assert!(n1.contains(&"dotprod") && n1.contains(&"aes") && !n1.contains(&"sve"));
        // The generic x86-64 CPU has no AVX.
        assert!(!cpu_features("x86_64", "x86-64").unwrap().contains(&"avx"));
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
