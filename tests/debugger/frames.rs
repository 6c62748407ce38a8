// A debugger probe: each `// break` line is a breakpoint; gdb's answers there are compared
// with the LLVM build's by tests/debugger/gdb_facts.py.
use std::collections::HashMap;

struct Counter {
    counts: HashMap<String, u32>,
}

impl Counter {
    #[inline(never)]
    fn add(&mut self, word: &str) -> u32 {
        let n = self.counts.entry(word.to_string()).or_insert(0);
        *n += 1; // break
        *n
    }
}

#[inline(never)]
fn fib(n: u64) -> u64 {
    if n < 2 {
        return n; // break
    }
    fib(n - 1) + fib(n - 2)
}

#[inline(never)]
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {
    let y = f(x);
    y * 2
}

fn main() {
    let mut c = Counter { counts: HashMap::new() };
    for w in "a a a".split(' ') {
        c.add(w);
    }
    println!("{}", fib(5));
    let k = 7;
    let r = apply(|v| v + k, 3); // break
    println!("{r} {}", c.counts.len());
}
