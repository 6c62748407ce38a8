// Higher-order generic functions taking/returning closures, closures stored in generic structs, FnOnce in Option::map chains, impl Fn composition.
use std::hint::black_box;

fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C { move |x| g(f(x)) }
fn twice<T>(f: impl Fn(T) -> T) -> impl Fn(T) -> T { move |x| f(f(x)) }
fn apply_n<T: Copy>(f: &dyn Fn(T) -> T, n: usize, x: T) -> T { (0..n).fold(x, |a, _| f(a)) }

struct Cache<F: Fn(u64) -> u64> { f: F, hits: u32, store: Vec<Option<u64>> }
impl<F: Fn(u64) -> u64> Cache<F> {
    fn get(&mut self, k: usize) -> u64 {
        if let Some(v) = self.store[k] { self.hits += 1; v } else { let v = (self.f)(k as u64); self.store[k] = Some(v); v }
    }
}

fn main() {
    let inc_then_sq = compose(|x: i32| x + 1, |x: i32| (x * x) as i64);
    let to_str = compose(inc_then_sq, |x: i64| format!("<{}>", x));
    println!("{}", to_str(black_box(4)));
    let quad = twice(twice(|x: u32| x * 2));
    println!("{}", quad(black_box(3)));
    let f = |x: f64| x * 0.5 + 1.0;
    println!("{:?}", apply_n(&f, 20, black_box(100.0)));
    let mut c = Cache { f: |k| (0..=k).map(|i| i * i).sum(), hits: 0, store: vec![None; 10] };
    let mut acc = 0;
    for k in [1usize, 5, 1, 9, 5, 5, 0] { acc += c.get(black_box(k)); }
    println!("cache acc {} hits {}", acc, c.hits);
    let words = ["apple", "Banana", "cherry", "date"];
    let longest = words.iter().map(|w| (w.len(), *w)).max().map(|(l, w)| format!("{}:{}", w, l));
    println!("{:?}", longest);
    let name: Option<String> = black_box(Some("rust".to_string()));
    let shout = name.map(|s| s.to_uppercase()).map(|s| s + "!").unwrap_or_else(|| "none".into());
    println!("{}", shout);
    let adders: Vec<Box<dyn Fn(i32) -> i32>> = (0..3).map(|i| Box::new(move |x| x + i * 100) as Box<dyn Fn(i32) -> i32>).collect();
    println!("{:?}", adders.iter().map(|a| a(black_box(1))).collect::<Vec<_>>());
    let mut sorted = vec!["bb", "a", "ccc", "dd"];
    let key = |s: &&str| std::cmp::Reverse(s.len());
    sorted.sort_by_key(key);
    println!("{:?}", sorted);
}
