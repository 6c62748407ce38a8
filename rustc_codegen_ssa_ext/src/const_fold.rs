//! Constant folding of integer operations over (bits, width), as a backend does it when
//! cg_ssa hands it two constants: the result is what the instruction would compute, or
//! `None` where the operation has no defined value (division by zero, `MIN / -1`, a
//! shift by the width or more), which the backend must then emit as an instruction.
//!
//! Values are the low `bits` bits of a `u128`; results are masked to `bits`.

use rustc_codegen_ssa::common::IntPredicate;

/// A two-operand integer operation of `BuilderMethods`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IntBinOp {
    Add,
    Sub,
    Mul,
    UDiv,
    SDiv,
    URem,
    SRem,
    Shl,
    LShr,
    AShr,
    And,
    Or,
    Xor,
}

fn mask(bits: u32, v: u128) -> u128 {
    if bits >= 128 { v } else { v & ((1u128 << bits) - 1) }
}

/// `v` (of width `bits`) sign-extended to 128 bits.
pub fn sign_extend(bits: u32, v: u128) -> i128 {
    let s = 128 - bits;
    ((v << s) as i128) >> s
}

/// `x op y` at width `bits` (1 to 128), or `None` where it is undefined.
pub fn int_binop(op: IntBinOp, bits: u32, x: u128, y: u128) -> Option<u128> {
    assert!((1..=128).contains(&bits), "integer width {bits}");
    let (x, y) = (mask(bits, x), mask(bits, y));
    let (sx, sy) = (sign_extend(bits, x), sign_extend(bits, y));
    let shift = (y < u128::from(bits)).then_some(y as u32);
    let r = match op {
        IntBinOp::Add => x.wrapping_add(y),
        IntBinOp::Sub => x.wrapping_sub(y),
        IntBinOp::Mul => x.wrapping_mul(y),
        IntBinOp::And => x & y,
        IntBinOp::Or => x | y,
        IntBinOp::Xor => x ^ y,
        IntBinOp::Shl => x << shift?,
        IntBinOp::LShr => x >> shift?,
        IntBinOp::AShr => (sx >> shift?) as u128,
        IntBinOp::UDiv => x.checked_div(y)?,
        IntBinOp::URem => x.checked_rem(y)?,
        // At 128 bits, checked_div catches MIN / -1; below, the quotient fits in i128 but
        // not in the width: that overflow is undefined as well.
        IntBinOp::SDiv => {
            let q = sx.checked_div(sy)?;
            (sign_extend(bits, mask(bits, q as u128)) == q).then_some(q as u128)?
        }
        IntBinOp::SRem => {
            sx.checked_div(sy)?;
            let q = sx / sy;
            if sign_extend(bits, mask(bits, q as u128)) != q {
                return None;
            }
            (sx % sy) as u128
        }
    };
    Some(mask(bits, r))
}

/// `x pred y` at width `bits`.
pub fn int_compare(pred: IntPredicate, bits: u32, x: u128, y: u128) -> bool {
    let (x, y) = (mask(bits, x), mask(bits, y));
    let (sx, sy) = (sign_extend(bits, x), sign_extend(bits, y));
    match pred {
        IntPredicate::IntEQ => x == y,
        IntPredicate::IntNE => x != y,
        IntPredicate::IntUGT => x > y,
        IntPredicate::IntUGE => x >= y,
        IntPredicate::IntULT => x < y,
        IntPredicate::IntULE => x <= y,
        IntPredicate::IntSGT => sx > sy,
        IntPredicate::IntSGE => sx >= sy,
        IntPredicate::IntSLT => sx < sy,
        IntPredicate::IntSLE => sx <= sy,
    }
}

#[cfg(test)]
mod tests {
    use super::IntBinOp::*;
    use super::*;

    /// Every operation at 8 bits, on every pair of operands, against Rust's own i8/u8.
    #[test]
    fn exhaustive_at_8_bits() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let (x, y) = (a as u128, b as u128);
                let (sa, sb) = (a as i8, b as i8);
                let u = |v: u8| Some(v as u128);
                let s = |v: i8| Some(v as u8 as u128);
                assert_eq!(int_binop(Add, 8, x, y), u(a.wrapping_add(b)));
                assert_eq!(int_binop(Sub, 8, x, y), u(a.wrapping_sub(b)));
                assert_eq!(int_binop(Mul, 8, x, y), u(a.wrapping_mul(b)));
                assert_eq!(int_binop(UDiv, 8, x, y), a.checked_div(b).map(|v| v as u128));
                assert_eq!(int_binop(URem, 8, x, y), a.checked_rem(b).map(|v| v as u128));
                assert_eq!(int_binop(SDiv, 8, x, y), sa.checked_div(sb).and_then(s));
                assert_eq!(int_binop(SRem, 8, x, y), sa.checked_rem(sb).and_then(s));
                assert_eq!(int_binop(Shl, 8, x, y), a.checked_shl(b as u32).and_then(u));
                assert_eq!(int_binop(LShr, 8, x, y), a.checked_shr(b as u32).and_then(u));
                assert_eq!(int_binop(AShr, 8, x, y), sa.checked_shr(b as u32).and_then(s));
                assert_eq!(int_binop(Xor, 8, x, y), u(a ^ b));
                assert_eq!(int_compare(IntPredicate::IntSLT, 8, x, y), sa < sb);
                assert_eq!(int_compare(IntPredicate::IntUGE, 8, x, y), a >= b);
                assert_eq!(int_compare(IntPredicate::IntSGE, 8, x, y), sa >= sb);
            }
        }
    }

    #[test]
    fn wide_and_odd_widths() {
        assert_eq!(int_binop(SDiv, 128, i128::MIN as u128, u128::MAX), None);
        assert_eq!(int_binop(SRem, 128, i128::MIN as u128, u128::MAX), None);
        assert_eq!(int_binop(Add, 128, u128::MAX, 1), Some(0));
        assert_eq!(int_binop(Shl, 128, 1, 127), Some(1 << 127));
        assert_eq!(int_binop(Shl, 128, 1, 128), None);
        // i7: -64 / -1 overflows; 0b111_1111 is -1.
        assert_eq!(int_binop(SDiv, 7, 0x40, 0x7f), None);
        assert_eq!(int_binop(AShr, 7, 0x40, 6), Some(0x7f));
        assert_eq!(int_binop(Add, 7, 0x7f, 1), Some(0));
        assert!(int_compare(IntPredicate::IntSLT, 7, 0x40, 0));
        // Operands are taken modulo the width.
        assert_eq!(int_binop(Add, 8, 0x1ff, 1), Some(0));
    }
}
