//! The vocabulary's operations and their per-lane reference semantics.
//!
//! The reference semantics (`eval_*`) work on lane bits held in a `u128`. They are what the
//! per-lane defaults in `vocab` emit, written as plain Rust, and they fold lane-wise
//! operations whose operands are all constants.

use rustc_middle::ty::{self, Ty, TyCtxt};

/// The element kind of a vector lane.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    Int { signed: bool, bits: u32 },
    Float { bits: u32 },
    Ptr,
}

impl Elem {
    pub fn of<'tcx>(tcx: TyCtxt<'tcx>, ty: Ty<'tcx>) -> Option<Elem> {
        let ptr_bits = tcx.data_layout.pointer_size().bits() as u32;
        Some(match *ty.kind() {
            ty::Int(i) => {
                Elem::Int { signed: true, bits: i.bit_width().map_or(ptr_bits, |b| b as u32) }
            }
            ty::Uint(u) => {
                Elem::Int { signed: false, bits: u.bit_width().map_or(ptr_bits, |b| b as u32) }
            }
            ty::Float(f) => Elem::Float { bits: f.bit_width() as u32 },
            ty::RawPtr(..) => Elem::Ptr,
            _ => return None,
        })
    }

    pub fn is_int(self) -> bool {
        matches!(self, Elem::Int { .. })
    }

    pub fn is_float(self) -> bool {
        matches!(self, Elem::Float { .. })
    }

    pub fn is_signed(self) -> bool {
        matches!(self, Elem::Int { signed: true, .. })
    }

    /// Lane width in bits (pointers are 64-bit on every target we describe here).
    pub fn bits(self) -> u32 {
        match self {
            Elem::Int { bits, .. } | Elem::Float { bits } => bits,
            Elem::Ptr => 64,
        }
    }
}

/// Lane-wise operations. Integer and float forms share a name where Rust's intrinsic does
/// (`simd_add` is `Add` for both); the element kind decides.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum LaneOp {
    // binary
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    And,
    Or,
    Xor,
    SaturatingAdd,
    SaturatingSub,
    /// IEEE 754-2019 minimumNumber/maximumNumber, signed zeros unordered.
    MinimumNumber,
    MaximumNumber,
    CarrylessMul,
    // unary
    Neg,
    Fabs,
    Ctpop,
    Ctlz,
    Cttz,
    Bswap,
    Bitreverse,
    Sqrt,
    Ceil,
    Floor,
    Trunc,
    Round,
    RoundTiesEven,
    Sin,
    Cos,
    Exp,
    Exp2,
    Log,
    Log2,
    Log10,
    // ternary
    Fma,
    /// `a * b + c`, fused or not: computed unfused, as LLVM does without an FMA unit.
    RelaxedFma,
    FunnelShl,
    FunnelShr,
}

impl LaneOp {
    pub fn arity(self) -> usize {
        use LaneOp::*;
        match self {
            Neg | Fabs | Ctpop | Ctlz | Cttz | Bswap | Bitreverse | Sqrt | Ceil | Floor | Trunc
            | Round | RoundTiesEven | Sin | Cos | Exp | Exp2 | Log | Log2 | Log10 => 1,
            Fma | RelaxedFma | FunnelShl | FunnelShr => 3,
            _ => 2,
        }
    }

    /// Which element kinds the operation accepts.
    pub fn accepts(self, e: Elem) -> bool {
        use LaneOp::*;
        match self {
            Add | Sub | Mul | Div | Rem => e.is_int() || e.is_float(),
            // As with LLVM: negating unsigned lanes is an error.
            Neg => e.is_signed() || e.is_float(),
            Shl | Shr | And | Or | Xor | SaturatingAdd | SaturatingSub | CarrylessMul | Ctpop
            | Ctlz | Cttz | Bswap | Bitreverse | FunnelShl | FunnelShr => e.is_int(),
            _ => e.is_float(),
        }
    }

    /// Operations that a backend computes by calling the scalar form of the operation
    /// (`SimdBuilderMethods::scalar_math`) because `BuilderMethods` has no instruction for it.
    pub fn is_math(self) -> bool {
        use LaneOp::*;
        matches!(
            self,
            Fabs | Ctpop
                | Ctlz
                | Cttz
                | Bswap
                | Bitreverse
                | Sqrt
                | Ceil
                | Floor
                | Trunc
                | Round
                | RoundTiesEven
                | Sin
                | Cos
                | Exp
                | Exp2
                | Log
                | Log2
                | Log10
                | Fma
        )
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ReduceOp {
    /// Sequential, from the accumulator: `((acc + x0) + x1) + …`.
    AddOrdered,
    MulOrdered,
    /// Any association; computed as a halving tree, the shape LLVM's lowering has.
    AddUnordered,
    MulUnordered,
    Min,
    Max,
    And,
    Or,
    Xor,
    /// Mask reductions: every lane / some lane is `!0`.
    All,
    Any,
}

/// Lane-wise conversions.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CastOp {
    /// `simd_cast`: Rust `as`, except that float to int is UB out of range.
    Cast,
    /// `simd_as`: Rust `as`, float to int saturating (NaN is 0).
    As,
    /// Pointer to pointer.
    Ptr,
    ExposeProvenance,
    WithExposedProvenance,
}

fn mask(bits: u32) -> u128 {
    if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 }
}

fn sext(v: u128, bits: u32) -> i128 {
    if bits >= 128 {
        v as i128
    } else {
        let s = 128 - bits;
        ((v << s) as i128) >> s
    }
}

/// Lane-wise integer operations on `bits`-wide lanes held in `u128`s (upper bits zero).
/// `None` where the result is undefined (division by zero, shifts out of range) or the
/// operation is not an integer one.
pub fn eval_int(op: LaneOp, signed: bool, bits: u32, args: &[u128]) -> Option<u128> {
    use LaneOp::*;
    let m = mask(bits);
    let (a, b) = (args[0] & m, args.get(1).copied().unwrap_or(0) & m);
    let (sa, sb) = (sext(a, bits), sext(b, bits));
    let (min, max) = if signed { ((1u128 << (bits - 1)) & m, mask(bits - 1)) } else { (0, m) };
    let r = match op {
        Add => a.wrapping_add(b),
        Sub => a.wrapping_sub(b),
        Mul => a.wrapping_mul(b),
        Div if b == 0 => return None,
        Rem if b == 0 => return None,
        // MIN / -1 overflows the lane (UB for the intrinsic), though not an i128.
        Div | Rem if signed && sb == -1 && a == min => return None,
        Div if signed => sa.checked_div(sb)? as u128,
        Rem if signed => sa.checked_rem(sb)? as u128,
        Div => a / b,
        Rem => a % b,
        Shl | Shr if b >= bits as u128 => return None,
        Shl => a << b,
        Shr if signed => (sa >> b) as u128,
        Shr => a >> b,
        And => a & b,
        Or => a | b,
        Xor => a ^ b,
        SaturatingAdd | SaturatingSub if signed => {
            let r = if op == SaturatingAdd { sa.checked_add(sb) } else { sa.checked_sub(sb) };
            let lo = sext(min, bits);
            let hi = max as i128;
            match r {
                Some(r) if bits < 128 => r.clamp(lo, hi) as u128,
                Some(r) => r as u128,
                None => {
                    if sa >= 0 {
                        max
                    } else {
                        min
                    }
                }
            }
        }
        SaturatingAdd => a.checked_add(b).filter(|&r| r <= m).unwrap_or(max),
        SaturatingSub => a.saturating_sub(b),
        CarrylessMul => (0..bits).filter(|i| b >> i & 1 == 1).fold(0, |r, i| r ^ (a << i)),
        Neg => a.wrapping_neg(),
        Ctpop => a.count_ones() as u128,
        Ctlz => (a.leading_zeros() - (128 - bits)) as u128,
        Cttz => a.trailing_zeros().min(bits) as u128,
        Bswap if !bits.is_multiple_of(8) => return None,
        Bswap => a.swap_bytes() >> (128 - bits),
        Bitreverse => a.reverse_bits() >> (128 - bits),
        FunnelShl | FunnelShr => {
            let s = args[2] & m;
            if s >= bits as u128 {
                return None;
            }
            // The concatenation a:b shifted, keeping the high (shl) or low (shr) half.
            let wide = (a << bits) | b;
            if bits == 128 {
                return None;
            }
            if op == FunnelShl { (wide << s) >> bits } else { wide >> s }
        }
        _ => return None,
    };
    Some(r & m)
}

/// The bitmask of mask lanes (each `0` or `!0`): bit `i` is lane `i` on little endian,
/// lane `len - 1 - i` on big endian.
pub fn eval_bitmask(lanes: &[bool], big_endian: bool) -> u128 {
    let n = lanes.len();
    lanes.iter().enumerate().fold(0, |acc, (i, &l)| {
        let bit = if big_endian { n - 1 - i } else { i };
        acc | ((l as u128) << bit)
    })
}

/// Lane `i` of a shuffle of `a` and `b` (each `in_len` lanes) by `idx`: which input and
/// which of its lanes. `None` when the index is out of bounds.
pub fn shuffle_source(in_len: u64, idx: u64) -> Option<(usize, u64)> {
    if idx < in_len {
        Some((0, idx))
    } else if idx < 2 * in_len {
        Some((1, idx - in_len))
    } else {
        None
    }
}

/// The order in which an unordered reduction combines lanes: pairs of partial results,
/// `(target, source)`, halving the live width each round as LLVM's lowering does; the
/// result ends in slot 0. Odd lane counts carry the last lane into the next round.
pub fn halving_tree(len: u64) -> Vec<(u64, u64)> {
    let mut steps = Vec::new();
    let mut width = len;
    while width > 1 {
        let half = width.div_ceil(2);
        for i in 0..width / 2 {
            steps.push((i, i + half));
        }
        width = half;
    }
    steps
}

#[cfg(test)]
mod tests {
    use LaneOp::*;

    use super::*;

    #[test]
    fn saturating() {
        assert_eq!(eval_int(SaturatingAdd, true, 8, &[0x7f, 1]), Some(0x7f));
        assert_eq!(eval_int(SaturatingAdd, true, 8, &[0x80, 0xff]), Some(0x80));
        assert_eq!(eval_int(SaturatingSub, true, 8, &[0x80, 1]), Some(0x80));
        assert_eq!(eval_int(SaturatingSub, true, 8, &[0x7f, 0xff]), Some(0x7f));
        assert_eq!(eval_int(SaturatingAdd, false, 8, &[200, 100]), Some(255));
        assert_eq!(eval_int(SaturatingSub, false, 16, &[1, 2]), Some(0));
        assert_eq!(
            eval_int(SaturatingAdd, true, 64, &[i64::MAX as u128, 5]),
            Some(i64::MAX as u128)
        );
    }

    #[test]
    fn division_and_shifts() {
        assert_eq!(eval_int(Div, true, 8, &[0xf9, 2]), Some(0xfd)); // -7 / 2 = -3
        assert_eq!(eval_int(Rem, true, 8, &[0xf9, 2]), Some(0xff)); // -7 % 2 = -1
        assert_eq!(eval_int(Div, true, 8, &[0x80, 0xff]), None); // MIN / -1
        assert_eq!(eval_int(Div, false, 8, &[1, 0]), None);
        assert_eq!(eval_int(Shr, true, 16, &[0x8000, 15]), Some(0xffff));
        assert_eq!(eval_int(Shr, false, 16, &[0x8000, 15]), Some(1));
        assert_eq!(eval_int(Shl, false, 16, &[1, 16]), None);
    }

    #[test]
    fn bit_counting() {
        assert_eq!(eval_int(Ctlz, false, 8, &[0]), Some(8));
        assert_eq!(eval_int(Cttz, false, 32, &[0]), Some(32));
        assert_eq!(eval_int(Ctlz, false, 16, &[1]), Some(15));
        assert_eq!(eval_int(Ctpop, false, 64, &[u64::MAX as u128]), Some(64));
        assert_eq!(eval_int(Bswap, false, 32, &[0x1122_3344]), Some(0x4433_2211));
        assert_eq!(eval_int(Bitreverse, false, 8, &[1]), Some(0x80));
    }

    #[test]
    fn funnel_and_clmul() {
        assert_eq!(eval_int(FunnelShl, false, 8, &[0x12, 0x34, 4]), Some(0x23));
        assert_eq!(eval_int(FunnelShr, false, 8, &[0x12, 0x34, 4]), Some(0x23));
        assert_eq!(eval_int(FunnelShl, false, 8, &[0x12, 0x34, 0]), Some(0x12));
        assert_eq!(eval_int(FunnelShr, false, 8, &[0x12, 0x34, 0]), Some(0x34));
        assert_eq!(eval_int(CarrylessMul, false, 8, &[0b11, 0b11]), Some(0b101));
        assert_eq!(eval_int(CarrylessMul, false, 8, &[0x80, 2]), Some(0));
        // Bit i of !0 ⊗ !0 is the parity of i + 1 (LLVM's aarch64 build gets 0 here).
        let ones = u64::MAX as u128;
        assert_eq!(eval_int(CarrylessMul, false, 64, &[ones, ones]), Some(0x5555_5555_5555_5555));
    }

    #[test]
    fn bitmask_order() {
        let lanes = [true, false, true, true];
        assert_eq!(eval_bitmask(&lanes, false), 0b1101);
        assert_eq!(eval_bitmask(&lanes, true), 0b1011);
    }

    #[test]
    fn shuffle_and_tree() {
        assert_eq!(shuffle_source(4, 5), Some((1, 1)));
        assert_eq!(shuffle_source(4, 8), None);
        assert_eq!(halving_tree(4), vec![(0, 2), (1, 3), (0, 1)]);
        assert_eq!(halving_tree(3), vec![(0, 2), (0, 1)]);
        assert_eq!(halving_tree(1), vec![]);
    }
}
