//@ opt-level: 1
// A debugger probe built at -O1, where rustc's MIR inliner does not run but our backend's
// CGU-local inliner inlines `helper` into `main`: its code keeps its own lines, in a frame
// of its own (tests/debugger/gdb_facts.py checks the `// break expect:` answers).
use std::hint::black_box;

#[inline]
fn helper(a: u64, b: u64) -> u64 {
    let prod = a * b;
    let sum = a + b;
    black_box(&prod);
    black_box(&sum);
    prod + sum // break expect: clif_inlined::helper (); at tests/debugger/optimized/clif_inlined.rs:13; #1  clif_inlined::main () at
}

fn main() {
    let x = black_box(6u64);
    let r = helper(x, 7);
    println!("{r}");
}
