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
    /// An x86 instruction with no equivalent in a backend's IR, with the intrinsic's
    /// parameters and result as its operands. Argument `imm`, when there is one, must be a
    /// constant the instruction encodes. Operands wider than 128 bits (`.256`/`.512`: the
    /// VEX/EVEX forms of vaes* and vpclmulqdq, AVX2's pmadd/psad) apply the instruction
    /// to each 128-bit part. A backend that has the instruction emits it; one that has
    /// not calls [`x86_asm_fallback`].
    X86Instruction { op: X86Op, imm: Option<usize> },
}

/// The x86 instructions of [`LlvmIntrinsic::X86Instruction`], by mnemonic.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum X86Op {
    /// `_xgetbv(xcr: u32) -> u64`: edx:eax of the extended control register `xcr`.
    Xgetbv,
    /// `_rdtsc() -> u64`.
    Rdtsc,
    Aesenc,
    Aesenclast,
    Aesdec,
    Aesdeclast,
    Aesimc,
    Aeskeygenassist,
    Pclmulqdq,
    Sha1msg1,
    Sha1msg2,
    Sha1nexte,
    Sha1rnds4,
    Sha256msg1,
    Sha256msg2,
    /// `(a, b, k)`: the round keys are an implicit xmm0 operand of the instruction.
    Sha256rnds2,
    /// `(crc, data) -> crc` with `data` of this many bits.
    Crc32 {
        bits: u8,
    },
    Pmaddwd,
    Pmaddubsw,
    Psadbw,
}

/// The function name and body of an immediate form of [`x86_asm_fallback`] for `imm`.
pub fn asm_with_immediate(name: &str, body: &str, imm: u8) -> (String, String) {
    (format!("{name}_{imm}"), body.replace("{imm}", &imm.to_string()))
}

/// `op` as a complete function in x86_64 Intel-syntax assembly with the C calling
/// convention (the intrinsic's parameters and result; vectors in xmm0, xmm1, ..., the
/// result in xmm0 or rax): its name, unique per instruction, and its body, where `{imm}`
/// stands for the immediate (see [`asm_with_immediate`]).
pub fn x86_asm_fallback(op: X86Op) -> (&'static str, &'static str) {
    use X86Op::*;
    match op {
        Xgetbv => ("xgetbv", "mov ecx, edi\nxgetbv\nshl rdx, 32\nor rax, rdx\nret"),
        Rdtsc => ("rdtsc", "rdtsc\nshl rdx, 32\nor rax, rdx\nret"),
        Aesenc => ("aesenc", "aesenc xmm0, xmm1\nret"),
        Aesenclast => ("aesenclast", "aesenclast xmm0, xmm1\nret"),
        Aesdec => ("aesdec", "aesdec xmm0, xmm1\nret"),
        Aesdeclast => ("aesdeclast", "aesdeclast xmm0, xmm1\nret"),
        Aesimc => ("aesimc", "aesimc xmm0, xmm0\nret"),
        Aeskeygenassist => ("aeskeygenassist", "aeskeygenassist xmm0, xmm0, {imm}\nret"),
        Pclmulqdq => ("pclmulqdq", "pclmulqdq xmm0, xmm1, {imm}\nret"),
        Sha1msg1 => ("sha1msg1", "sha1msg1 xmm0, xmm1\nret"),
        Sha1msg2 => ("sha1msg2", "sha1msg2 xmm0, xmm1\nret"),
        Sha1nexte => ("sha1nexte", "sha1nexte xmm0, xmm1\nret"),
        Sha1rnds4 => ("sha1rnds4", "sha1rnds4 xmm0, xmm1, {imm}\nret"),
        Sha256msg1 => ("sha256msg1", "sha256msg1 xmm0, xmm1\nret"),
        Sha256msg2 => ("sha256msg2", "sha256msg2 xmm0, xmm1\nret"),
        Sha256rnds2 => (
            "sha256rnds2",
            "movdqa xmm3, xmm0\nmovdqa xmm0, xmm2\nsha256rnds2 xmm3, xmm1, xmm0\n\
             movdqa xmm0, xmm3\nret",
        ),
        Crc32 { bits: 8 } => ("crc32_8", "mov eax, edi\ncrc32 eax, sil\nret"),
        Crc32 { bits: 16 } => ("crc32_16", "mov eax, edi\ncrc32 eax, si\nret"),
        Crc32 { bits: 32 } => ("crc32_32", "mov eax, edi\ncrc32 eax, esi\nret"),
        Crc32 { bits: _ } => ("crc32_64", "mov rax, rdi\ncrc32 rax, rsi\nret"),
        Pmaddwd => ("pmaddwd", "pmaddwd xmm0, xmm1\nret"),
        Pmaddubsw => ("pmaddubsw", "pmaddubsw xmm0, xmm1\nret"),
        Psadbw => ("psadbw", "psadbw xmm0, xmm1\nret"),
    }
}

/// Intrinsics of one x86 instruction on two vector operands, without an immediate.
const XMM2: &[(&str, X86Op)] = &[
    ("llvm.x86.aesni.aesenc", X86Op::Aesenc),
    ("llvm.x86.aesni.aesenclast", X86Op::Aesenclast),
    ("llvm.x86.aesni.aesdec", X86Op::Aesdec),
    ("llvm.x86.aesni.aesdeclast", X86Op::Aesdeclast),
    ("llvm.x86.sha1msg1", X86Op::Sha1msg1),
    ("llvm.x86.sha1msg2", X86Op::Sha1msg2),
    ("llvm.x86.sha1nexte", X86Op::Sha1nexte),
    ("llvm.x86.sha256msg1", X86Op::Sha256msg1),
    ("llvm.x86.sha256msg2", X86Op::Sha256msg2),
    ("llvm.x86.sse2.pmadd.wd", X86Op::Pmaddwd),
    ("llvm.x86.avx2.pmadd.wd", X86Op::Pmaddwd),
    ("llvm.x86.ssse3.pmadd.ub.sw.128", X86Op::Pmaddubsw),
    ("llvm.x86.avx2.pmadd.ub.sw", X86Op::Pmaddubsw),
    ("llvm.x86.sse2.psad.bw", X86Op::Psadbw),
    ("llvm.x86.avx2.psad.bw", X86Op::Psadbw),
];

pub fn classify(name: &str) -> Option<LlvmIntrinsic> {
    let x86 = |op, imm| LlvmIntrinsic::X86Instruction { op, imm };
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
        "llvm.x86.xgetbv" => x86(X86Op::Xgetbv, None),
        "llvm.x86.rdtsc" => x86(X86Op::Rdtsc, None),
        "llvm.x86.aesni.aesimc" => x86(X86Op::Aesimc, None),
        "llvm.x86.aesni.aeskeygenassist" => x86(X86Op::Aeskeygenassist, Some(1)),
        "llvm.x86.pclmulqdq" | "llvm.x86.pclmulqdq.256" | "llvm.x86.pclmulqdq.512" => {
            x86(X86Op::Pclmulqdq, Some(2))
        }
        "llvm.x86.sha1rnds4" => x86(X86Op::Sha1rnds4, Some(2)),
        "llvm.x86.sha256rnds2" => x86(X86Op::Sha256rnds2, None),
        "llvm.x86.sse42.crc32.32.8" => x86(X86Op::Crc32 { bits: 8 }, None),
        "llvm.x86.sse42.crc32.32.16" => x86(X86Op::Crc32 { bits: 16 }, None),
        "llvm.x86.sse42.crc32.32.32" => x86(X86Op::Crc32 { bits: 32 }, None),
        "llvm.x86.sse42.crc32.64.64" => x86(X86Op::Crc32 { bits: 64 }, None),
        _ => {
            // vaes: `llvm.x86.aesni.aesenc.256` is aesenc on each 128-bit part.
            let base = name.strip_suffix(".256").or_else(|| name.strip_suffix(".512"));
            let &(_, op) = XMM2.iter().find(|(n, _)| {
                *n == name || (n.starts_with("llvm.x86.aesni.") && base == Some(*n))
            })?;
            x86(op, None)
        }
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
            Some(LlvmIntrinsic::X86Instruction { op: X86Op::Aesenc, imm: None })
        );
        assert_eq!(x86_asm_fallback(X86Op::Aesenc), ("aesenc", "aesenc xmm0, xmm1\nret"));
        let Some(LlvmIntrinsic::X86Instruction { op, imm: Some(2) }) =
            classify("llvm.x86.pclmulqdq")
        else {
            panic!("pclmulqdq")
        };
        let (name, body) = x86_asm_fallback(op);
        assert_eq!(
            asm_with_immediate(name, body, 17),
            ("pclmulqdq_17".to_string(), "pclmulqdq xmm0, xmm1, 17\nret".to_string())
        );
        assert_eq!(
            classify("llvm.x86.aesni.aesdeclast.512"),
            Some(LlvmIntrinsic::X86Instruction { op: X86Op::Aesdeclast, imm: None })
        );
        // Every such name is one core_arch declares, and its fallback names its instruction.
        for n in [
            "llvm.x86.sha256rnds2",
            "llvm.x86.sse42.crc32.64.64",
            "llvm.x86.aesni.aeskeygenassist",
            "llvm.x86.aesni.aesdeclast.512",
            "llvm.x86.pclmulqdq.256",
            "llvm.x86.rdtsc",
        ] {
            let Some(LlvmIntrinsic::X86Instruction { op, imm }) = classify(n) else {
                panic!("{n}")
            };
            assert!(crate::arch::lookup(crate::arch::Arch::X86, n).is_some(), "{n}");
            let (name, body) = x86_asm_fallback(op);
            let mnemonic = name.split('_').next().unwrap();
            assert!(
                body.contains(&format!("{mnemonic} ")) || body.starts_with(mnemonic),
                "{n}: {body}"
            );
            assert_eq!(imm.is_some(), body.contains("{imm}"), "{n}");
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
