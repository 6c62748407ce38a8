//! Calls across the two backends: `is_odd` is compiled by LLVM, this crate by Cranelift.

fn main() {
    let odd: Vec<u64> = (1..=10).filter(|&x| needs_llvm::is_odd(x)).collect();
    println!("{odd:?}");
    println!("{}", needs_llvm::count(&[1u8, 2, 3, 255]));
    let s: u64 = (0..1000u64).filter(|&x| needs_llvm::is_odd(x * 7)).sum();
    println!("{s}");
}
