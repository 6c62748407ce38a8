// A debugger probe built at -O2, where rustc's MIR inliner inlines `scale` and `Pair::area`
// into `main`. LLVM's optimizer moves these lines, so no fact-by-fact comparison: at each
// `// break expect:` line, gdb must show each `;`-separated text (tests/debugger/gdb_facts.py).
use std::hint::black_box;

struct Pair {
    w: u32,
    h: u32,
}

impl Pair {
    #[inline]
    fn area(&self) -> u32 {
        let area = self.w * self.h;
        black_box(&area); // break expect: Pair::area (); area = 12; #1  inlined::main ()
        area
    }
}

#[inline]
fn scale(a: u64, b: u64) -> u64 {
    black_box(&a);
    black_box(&b);
    let prod = a * b;
    let sum = a + b;
    black_box(&prod);
    black_box(&sum); // break expect: inlined::scale (a=6, b=7); prod = 42; sum = 13; #1  inlined::main ()
    prod + sum
}

fn main() {
    let x = black_box(6u64);
    let r = scale(x, 7);
    let p = Pair { w: black_box(3), h: 4 };
    let a = p.area();
    println!("{r} {a}");
}
