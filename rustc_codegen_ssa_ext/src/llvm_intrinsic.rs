//! What the `llvm.*` intrinsics that `core::arch` calls compute, so that a backend only has
//! to emit each operation, not to know LLVM's names. Intrinsics missing here must be
//! reported as unsupported by the backend, never lowered to a call to the LLVM name.

/// The meaning of an `llvm.*` intrinsic.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LlvmIntrinsic {
    /// No observable effect (spin-loop hints, prefetches).
    Nop,
    /// x86 `pshufb` on `i8` vectors of `lanes` 128-bit lanes: within each lane, result
    /// byte `i` is 0 when bit 7 of `idx[i]` is set, else `a[idx[i] & 15]` (see
    /// [`byte_shuffle_in_lanes`]). Needs SSSE3 (one lane) or AVX2 (two lanes).
    ByteShuffleInLanes { lanes: u32 },
    /// aarch64 `tbl` with one 16-byte table (`vqtbl1q_u8`, `vqtbl1_u8`): result byte `i` is
    /// `table[idx[i]]`, or 0 when `idx[i] >= 16` (see [`table_lookup`]).
    TableLookup16,
    /// An instruction with no equivalent in a backend's IR, as a complete function in
    /// x86_64 Intel-syntax assembly with the C calling convention (its parameters and
    /// result are the intrinsic's); `name` is unique per intrinsic.
    AsmFunction { name: &'static str, body: &'static str },
    /// Wider operands (`.256`/`.512`: the VEX/EVEX forms of lane-wise instructions such
    /// as vaes* and vpclmulqdq) apply the same function to each 128-bit part.
    ///
    /// The same with an immediate operand: argument `arg` must be a constant, which
    /// replaces `{imm}` in `body` (one function per intrinsic and value, see
    /// [`asm_with_immediate`]); the argument is still passed, and ignored.
    AsmFunctionImm { name: &'static str, body: &'static str, arg: usize },
}

/// The function name and body of an [`LlvmIntrinsic::AsmFunctionImm`] for `imm`.
pub fn asm_with_immediate(name: &str, body: &str, imm: u8) -> (String, String) {
    (format!("{name}_{imm}"), body.replace("{imm}", &imm.to_string()))
}

/// Assembly functions of one instruction on two xmm operands (`a` in xmm0, `b` in xmm1,
/// the result in xmm0): LLVM name, function name, body.
const XMM2: &[(&str, &str, &str)] = &[
    ("llvm.x86.aesni.aesenc", "aesenc", "aesenc xmm0, xmm1\nret"),
    ("llvm.x86.aesni.aesenclast", "aesenclast", "aesenclast xmm0, xmm1\nret"),
    ("llvm.x86.aesni.aesdec", "aesdec", "aesdec xmm0, xmm1\nret"),
    ("llvm.x86.aesni.aesdeclast", "aesdeclast", "aesdeclast xmm0, xmm1\nret"),
    ("llvm.x86.sha1msg1", "sha1msg1", "sha1msg1 xmm0, xmm1\nret"),
    ("llvm.x86.sha1msg2", "sha1msg2", "sha1msg2 xmm0, xmm1\nret"),
    ("llvm.x86.sha1nexte", "sha1nexte", "sha1nexte xmm0, xmm1\nret"),
    ("llvm.x86.sha256msg1", "sha256msg1", "sha256msg1 xmm0, xmm1\nret"),
    ("llvm.x86.sha256msg2", "sha256msg2", "sha256msg2 xmm0, xmm1\nret"),
    // Multiply-add and sum of absolute differences; the AVX2 forms (wider operands) are
    // the same on each 128-bit half.
    ("llvm.x86.sse2.pmadd.wd", "pmaddwd", "pmaddwd xmm0, xmm1\nret"),
    ("llvm.x86.avx2.pmadd.wd", "pmaddwd", "pmaddwd xmm0, xmm1\nret"),
    ("llvm.x86.ssse3.pmadd.ub.sw.128", "pmaddubsw", "pmaddubsw xmm0, xmm1\nret"),
    ("llvm.x86.avx2.pmadd.ub.sw", "pmaddubsw", "pmaddubsw xmm0, xmm1\nret"),
    ("llvm.x86.sse2.psad.bw", "psadbw", "psadbw xmm0, xmm1\nret"),
    ("llvm.x86.avx2.psad.bw", "psadbw", "psadbw xmm0, xmm1\nret"),
];

pub fn classify(name: &str) -> Option<LlvmIntrinsic> {
    Some(match name {
        // Spin-loop hints, the AVX-to-SSE transition hint and cache prefetches (no effect
        // on values). aarch64's `isb` is not one: it orders instruction fetch (after
        // writing code), so it is its template.
        "llvm.x86.sse2.pause" | "llvm.x86.avx.vzeroupper" | "llvm.prefetch" => LlvmIntrinsic::Nop,
        "llvm.x86.ssse3.pshuf.b.128" => LlvmIntrinsic::ByteShuffleInLanes { lanes: 1 },
        "llvm.x86.avx2.pshuf.b" => LlvmIntrinsic::ByteShuffleInLanes { lanes: 2 },
        "llvm.aarch64.neon.tbl1.v16i8" | "llvm.aarch64.neon.tbl1.v8i8" => {
            LlvmIntrinsic::TableLookup16
        }
        // `_xgetbv(xcr: u32) -> u64`: edx:eax of the extended control register `xcr`.
        "llvm.x86.xgetbv" => LlvmIntrinsic::AsmFunction {
            name: "xgetbv",
            body: "mov ecx, edi\nxgetbv\nshl rdx, 32\nor rax, rdx\nret",
        },
        "llvm.x86.aesni.aesimc" => {
            LlvmIntrinsic::AsmFunction { name: "aesimc", body: "aesimc xmm0, xmm0\nret" }
        }
        "llvm.x86.aesni.aeskeygenassist" => LlvmIntrinsic::AsmFunctionImm {
            name: "aeskeygenassist",
            body: "aeskeygenassist xmm0, xmm0, {imm}\nret",
            arg: 1,
        },
        "llvm.x86.pclmulqdq" | "llvm.x86.pclmulqdq.256" | "llvm.x86.pclmulqdq.512" => {
            LlvmIntrinsic::AsmFunctionImm {
                name: "pclmulqdq",
                body: "pclmulqdq xmm0, xmm1, {imm}\nret",
                arg: 2,
            }
        }
        "llvm.x86.sha1rnds4" => LlvmIntrinsic::AsmFunctionImm {
            name: "sha1rnds4",
            body: "sha1rnds4 xmm0, xmm1, {imm}\nret",
            arg: 2,
        },
        // `(a, b, k)`: the round keys are an implicit xmm0 operand.
        "llvm.x86.sha256rnds2" => LlvmIntrinsic::AsmFunction {
            name: "sha256rnds2",
            body: "movdqa xmm3, xmm0\nmovdqa xmm0, xmm2\nsha256rnds2 xmm3, xmm1, xmm0\n\
                   movdqa xmm0, xmm3\nret",
        },
        // `(crc, data) -> crc`.
        "llvm.x86.sse42.crc32.32.8" => LlvmIntrinsic::AsmFunction {
            name: "crc32_8",
            body: "mov eax, edi\ncrc32 eax, sil\nret",
        },
        "llvm.x86.sse42.crc32.32.16" => LlvmIntrinsic::AsmFunction {
            name: "crc32_16",
            body: "mov eax, edi\ncrc32 eax, si\nret",
        },
        "llvm.x86.sse42.crc32.32.32" => LlvmIntrinsic::AsmFunction {
            name: "crc32_32",
            body: "mov eax, edi\ncrc32 eax, esi\nret",
        },
        "llvm.x86.sse42.crc32.64.64" => LlvmIntrinsic::AsmFunction {
            name: "crc32_64",
            body: "mov rax, rdi\ncrc32 rax, rsi\nret",
        },
        // `_rdtsc() -> u64`.
        "llvm.x86.rdtsc" => LlvmIntrinsic::AsmFunction {
            name: "rdtsc",
            body: "rdtsc\nshl rdx, 32\nor rax, rdx\nret",
        },
        _ => match XMM2.iter().find(|(n, ..)| {
            // vaes: `llvm.x86.aesni.aesenc.256` is aesenc on each 128-bit part.
            let base = name.strip_suffix(".256").or_else(|| name.strip_suffix(".512"));
            *n == name || (n.starts_with("llvm.x86.aesni.") && base == Some(*n))
        }) {
            Some(&(_, name, body)) => LlvmIntrinsic::AsmFunction { name, body },
            None => return None,
        },
    })
}

/// Reference semantics of [`LlvmIntrinsic::ByteShuffleInLanes`], for backends that lower it
/// lane by lane and for tests.
pub fn byte_shuffle_in_lanes(a: &[u8], idx: &[u8]) -> Vec<u8> {
    assert_eq!(a.len(), idx.len());
    assert_eq!(a.len() % 16, 0);
    idx.iter()
        .enumerate()
        .map(|(i, &j)| if j & 0x80 != 0 { 0 } else { a[i / 16 * 16 + (j & 15) as usize] })
        .collect()
}

/// Reference semantics of [`LlvmIntrinsic::TableLookup16`].
pub fn table_lookup(table: &[u8; 16], idx: &[u8]) -> Vec<u8> {
    idx.iter().map(|&j| table.get(j as usize).copied().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(classify("llvm.x86.sse2.pause"), Some(LlvmIntrinsic::Nop));
        assert_eq!(
            classify("llvm.x86.avx2.pshuf.b"),
            Some(LlvmIntrinsic::ByteShuffleInLanes { lanes: 2 })
        );
        assert_eq!(classify("llvm.x86.sse41.pblendvb"), None);
    }

    #[test]
    fn crypto_rows() {
        assert_eq!(
            classify("llvm.x86.aesni.aesenc"),
            Some(LlvmIntrinsic::AsmFunction { name: "aesenc", body: "aesenc xmm0, xmm1\nret" })
        );
        let Some(LlvmIntrinsic::AsmFunctionImm { name, body, arg: 2 }) =
            classify("llvm.x86.pclmulqdq")
        else {
            panic!("pclmulqdq")
        };
        assert_eq!(
            asm_with_immediate(name, body, 17),
            ("pclmulqdq_17".to_string(), "pclmulqdq xmm0, xmm1, 17\nret".to_string())
        );
        assert!(matches!(
            classify("llvm.x86.rdtsc"),
            Some(LlvmIntrinsic::AsmFunction { name: "rdtsc", .. })
        ));
        // Every such name is one core_arch declares.
        for n in [
            "llvm.x86.sha256rnds2",
            "llvm.x86.sse42.crc32.64.64",
            "llvm.x86.aesni.aeskeygenassist",
            "llvm.x86.aesni.aesdeclast.512",
            "llvm.x86.pclmulqdq.256",
        ] {
            assert!(
                classify(n).is_some() && crate::arch::lookup(crate::arch::Arch::X86, n).is_some(),
                "{n}"
            );
        }
    }

    #[test]
    fn tbl_zeroes_out_of_range() {
        let t: [u8; 16] = std::array::from_fn(|i| 100 + i as u8);
        assert_eq!(table_lookup(&t, &[0, 15, 16, 255, 3]), [100, 115, 0, 0, 103]);
        assert_eq!(classify("llvm.aarch64.neon.tbl1.v8i8"), Some(LlvmIntrinsic::TableLookup16));
    }

    #[test]
    fn pshufb_stays_in_its_lane() {
        let a: Vec<u8> = (0..32).collect();
        // 0x80 zeroes; bits 4..6 are ignored; indices never cross into the other lane.
        let mut idx = vec![0x80, 0x0f, 0x1f, 0x70, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0xff];
        idx.extend_from_within(..);
        let r = byte_shuffle_in_lanes(&a, &idx);
        assert_eq!(&r[..4], &[0, 15, 15, 0]);
        assert_eq!(r[15], 0);
        assert_eq!(&r[16..20], &[0, 31, 31, 16]);
        assert_eq!(r[20], 17);
    }
}
