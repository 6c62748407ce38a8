//! Portable SIMD for backends without LLVM's vector IR: the `simd_*` intrinsics lowered
//! once ([`lower`]) over a small vector vocabulary ([`vocab`]) whose operations have
//! per-lane defaults and per-lane reference semantics ([`ops`]).

pub mod lower;
pub mod ops;
pub mod vocab;

pub use lower::{codegen_simd_intrinsic, is_simd_intrinsic};
pub use ops::{CastOp, CmpOp, Elem, LaneOp, ReduceOp};
pub use vocab::{Shape, SimdBuilderMethods, per_lane};
