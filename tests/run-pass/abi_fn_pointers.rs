// Function pointers: tables of fns, passing fns as args, generic fn items, method pointers, fn ptr comparison with itself, returning fn ptrs.
use std::hint::black_box;

fn inc(x: i64) -> i64 { x + 1 }
fn dbl(x: i64) -> i64 { x * 2 }
fn sq(x: i64) -> i64 { x * x }
fn neg(x: i64) -> i64 { -x }

fn apply_all(fs: &[fn(i64) -> i64], x: i64) -> i64 { fs.iter().fold(x, |acc, f| f(acc)) }

fn pick(n: u8) -> fn(i64) -> i64 {
    match n % 4 { 0 => inc, 1 => dbl, 2 => sq, _ => neg }
}

fn generic<T: std::fmt::Debug + Clone>(x: T) -> (T, T) { (x.clone(), x) }

struct Acc { total: i64 }
impl Acc {
    fn add(&mut self, v: i64) { self.total += v; }
    fn get(&self) -> i64 { self.total }
}

fn compose(f: fn(i64) -> i64, g: fn(i64) -> i64, x: i64) -> i64 { g(f(x)) }

fn float_op(f: fn(f64, f64) -> f64, a: f64, b: f64) -> f64 { f(a, b) }
fn fadd(a: f64, b: f64) -> f64 { a + b }
fn fhyp(a: f64, b: f64) -> f64 { (a * a + b * b).sqrt() }

fn main() {
    let table: [fn(i64) -> i64; 4] = [inc, dbl, sq, neg];
    println!("{}", apply_all(&table, black_box(3)));
    println!("{}", apply_all(&[sq, sq, sq, inc], black_box(3)));
    for n in 0..8u8 {
        let f = pick(black_box(n));
        print!("{} ", f(10 + n as i64));
    }
    println!();
    let g: fn(u8) -> (u8, u8) = generic::<u8>;
    let h: fn(String) -> (String, String) = generic::<String>;
    println!("{:?} {:?}", black_box(g)(5), black_box(h)("s".into()));
    let add: fn(&mut Acc, i64) = Acc::add;
    let get: fn(&Acc) -> i64 = Acc::get;
    let mut acc = Acc { total: 0 };
    for i in 0..10 { black_box(add)(&mut acc, i); }
    println!("acc {}", get(&acc));
    println!("{} {}", compose(black_box(dbl), black_box(inc), 20), compose(neg, sq, black_box(-4)));
    println!("{:?} {:?}", float_op(fadd, 0.1, black_box(0.2)), float_op(black_box(fhyp), 3.0, 4.0));
    let f1 = black_box(inc as fn(i64) -> i64);
    println!("same {}", std::ptr::fn_addr_eq(f1, f1));
    let opt_fn: Option<fn(i64) -> i64> = black_box(Some(dbl));
    println!("{:?} {}", opt_fn.map(|f| f(21)), size_of::<Option<fn()>>());
    let methods: Vec<(&str, fn(&str) -> String)> = vec![("upper", str::to_uppercase), ("lower", str::to_lowercase), ("own", str::to_owned)];
    for (n, m) in &methods { println!("{} {}", n, m(black_box("MiXeD"))); }
}
