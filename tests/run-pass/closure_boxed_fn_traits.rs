// Boxed closures: Box<dyn Fn>, Box<dyn FnMut>, Box<dyn FnOnce> consuming captured values, vectors of callbacks, recursion through dyn Fn.
use std::collections::HashMap;
use std::hint::black_box;

struct Noisy(u32);
impl Drop for Noisy { fn drop(&mut self) { println!("drop Noisy {}", self.0); } }

fn run_once(f: Box<dyn FnOnce(u32) -> String>) -> String { f(black_box(7)) }

fn fib_dyn(f: &dyn Fn(&dyn Fn(u64) -> u64, u64) -> u64, n: u64) -> u64 {
    // Not inlined: LLVM -O2 devirtualizes and inlines this recursion for minutes otherwise.
    #[inline(never)]
    fn helper(f: &dyn Fn(&dyn Fn(u64) -> u64, u64) -> u64, n: u64) -> u64 { f(&|k| helper(f, k), n) }
    helper(f, n)
}

fn main() {
    let mut fns: Vec<Box<dyn Fn(i64) -> i64>> = Vec::new();
    for k in 1..=4 {
        let k = black_box(k);
        fns.push(Box::new(move |x| x * k + k));
    }
    fns.push(Box::new(|x| -x));
    println!("{:?}", fns.iter().map(|f| f(10)).collect::<Vec<_>>());
    let composed = fns.iter().fold(1i64, |acc, f| f(acc));
    println!("composed {}", composed);
    let mut log: Vec<String> = Vec::new();
    {
        let mut muts: Vec<Box<dyn FnMut(&str) + '_>> = Vec::new();
        let mut count = 0;
        muts.push(Box::new(|s| { count += s.len(); }));
        let mut f2: Box<dyn FnMut(&str)> = Box::new(|s| log.push(s.to_uppercase()));
        for w in ["alpha", "be", "c"] { for m in muts.iter_mut() { m(w); } f2(w); }
        drop(muts);
        drop(f2);
        println!("count {}", count);
    }
    println!("{:?}", log);
    let n = Noisy(1);
    let once: Box<dyn FnOnce(u32) -> String> = Box::new(move |x| { let v = n.0 + x; drop(n); format!("once {}", v) });
    println!("{}", run_once(once));
    let n2 = Noisy(2);
    let unused: Box<dyn FnOnce() -> u32> = Box::new(move || n2.0);
    println!("dropping unused closure");
    drop(unused);
    let fib = |rec: &dyn Fn(u64) -> u64, n: u64| if n < 2 { n } else { rec(n - 1) + rec(n - 2) };
    println!("fib {}", fib_dyn(&fib, black_box(20)));
    let mut registry: HashMap<&str, Box<dyn Fn(f64) -> f64>> = HashMap::new();
    registry.insert("sq", Box::new(|x| x * x));
    registry.insert("half", Box::new(|x| x / 2.0));
    registry.insert("neg", Box::new(|x| -x));
    let mut keys: Vec<_> = registry.keys().copied().collect();
    keys.sort();
    for k in keys { println!("{} {:?}", k, registry[k](black_box(3.0))); }
    println!("end");
}
