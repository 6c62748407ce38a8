// NaN payload bits via from_bits/to_bits through copies, neg/abs/copysign (exact sign ops), classify, subnormals, -0.0.
use std::hint::black_box;
use std::num::FpCategory;

#[inline(never)]
fn pass64(x: f64) -> f64 { x }
#[inline(never)]
fn pass32(x: f32) -> f32 { x }

fn main() {
    let nans64 = [0x7ff8_0000_0000_0000u64, 0xfff8_0000_0000_0001, 0x7ff0_0000_0000_0001, 0x7ffc_dead_beef_0042, 0xfff0_0000_0000_ffff];
    for bits in nans64 {
        let x = f64::from_bits(black_box(bits));
        let y = pass64(x);
        let arr = [y; 3];
        let boxed = Box::new(arr[2]);
        println!("{:#018x} nan={} copy={:#018x} neg={:#018x} abs={:#018x} cs+={:#018x} cs-={:#018x} sign_neg={}", bits, x.is_nan(),
            boxed.to_bits(), (-y).to_bits(), y.abs().to_bits(), y.copysign(1.0).to_bits(), y.copysign(black_box(-0.0)).to_bits(),
            y.is_sign_negative());
    }
    let nans32 = [0x7fc0_0000u32, 0xffc0_0001, 0x7f80_0001, 0x7fa0_1234, 0xff80_ffff];
    for bits in nans32 {
        let x = f32::from_bits(black_box(bits));
        let y = pass32(x);
        println!("{:#010x} nan={} copy={:#010x} neg={:#010x} abs={:#010x} cs={:#010x}", bits, x.is_nan(),
            y.to_bits(), (-y).to_bits(), y.abs().to_bits(), y.copysign(black_box(-1.0)).to_bits());
    }
    println!("NAN const {:#x} {:#x}", f64::NAN.to_bits(), f32::NAN.to_bits());
    let specials = [0.0f64, -0.0, 5e-324, -5e-324, 2.2250738585072009e-308, f64::MIN_POSITIVE, f64::MAX, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1.0, f64::EPSILON];
    for s in specials {
        let s = black_box(s);
        let cat = match s.classify() {
            FpCategory::Nan => "nan", FpCategory::Infinite => "inf", FpCategory::Zero => "zero",
            FpCategory::Subnormal => "sub", FpCategory::Normal => "normal",
        };
        println!("{:?} {} finite={} normal={} neg={} pos={} bits={:#x} eq0={} recip_is_inf={}", s, cat, s.is_finite(), s.is_normal(),
            s.is_sign_negative(), s.is_sign_positive(), s.to_bits(), s == 0.0, s.recip().is_infinite());
    }
    let z = black_box(0.0f64);
    let nz = black_box(-0.0f64);
    println!("zeros eq={} 1/z={:?} 1/nz={:?} z+nz={:?} nz+nz={:?} nz*z={:?} nz-z={:?}", z == nz, 1.0 / z, 1.0 / nz, z + nz, nz + nz, nz * z, nz - z);
    println!("nan cmp {} {} {} {}", black_box(f64::NAN) == black_box(f64::NAN), black_box(f64::NAN) < 1.0, black_box(f64::NAN) != black_box(f64::NAN), black_box(f64::NAN).partial_cmp(&1.0).is_none());
    println!("sub f32 {:?} {:?} {:#x}", f32::MIN_POSITIVE / black_box(2.0), f32::from_bits(1), (black_box(f32::MIN_POSITIVE) / 8.0).to_bits());
    println!("max+ulp {:?} next_up {:?} next_down {:?}", f64::from_bits(f64::MAX.to_bits() - 1), black_box(1.0f64).next_up(), black_box(0.0f64).next_down());
}
