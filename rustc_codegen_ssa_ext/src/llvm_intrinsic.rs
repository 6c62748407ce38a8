//! What the `llvm.*` intrinsics that `core::arch` calls compute, so that a backend only has
//! to emit each operation, not to know LLVM's names. Intrinsics missing here must be
//! reported as unsupported by the backend, never lowered to a call to the LLVM name.

/// The meaning of an `llvm.*` intrinsic.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LlvmIntrinsic {
    /// No observable effect (spin-loop hints, instruction barriers).
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
}

pub fn classify(name: &str) -> Option<LlvmIntrinsic> {
    Some(match name {
        // Spin-loop hints, and the AVX-to-SSE transition hint (no effect on values).
        "llvm.x86.sse2.pause" | "llvm.aarch64.isb" | "llvm.x86.avx.vzeroupper" => {
            LlvmIntrinsic::Nop
        }
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
        // `_rdtsc() -> u64`.
        "llvm.x86.rdtsc" => LlvmIntrinsic::AsmFunction {
            name: "rdtsc",
            body: "rdtsc\nshl rdx, 32\nor rax, rdx\nret",
        },
        _ => return None,
    })
}

/// Reference semantics of [`LlvmIntrinsic::ByteShuffleInLanes`], for backends that lower it
/// lane by lane and for tests.
pub fn byte_shuffle_in_lanes(a: &[u8], idx: &[u8]) -> Vec<u8> {
    assert_eq!(a.len(), idx.len());
    assert_eq!(a.len() % 16, 0);
    idx.iter()
        .enumerate()
        .map(|(i, &j)| {
            if j & 0x80 != 0 {
                0
            } else {
                a[i / 16 * 16 + (j & 15) as usize]
            }
        })
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
