// Monomorphized generic containers: a generic stack, generic binary search, trait with generic method, PhantomData units, Default/From impls.
use std::fmt::Display;
use std::hint::black_box;
use std::marker::PhantomData;

#[derive(Debug, Default)]
struct Stack<T> { items: Vec<T> }
impl<T: Clone + Display> Stack<T> {
    fn push(&mut self, t: T) -> &mut Self { self.items.push(t); self }
    fn pop(&mut self) -> Option<T> { self.items.pop() }
    fn peek(&self) -> Option<&T> { self.items.last() }
    fn render(&self) -> String { self.items.iter().map(|t| t.to_string()).collect::<Vec<_>>().join("|") }
}

fn bsearch<T: Ord>(v: &[T], target: &T) -> Result<usize, usize> {
    let (mut lo, mut hi) = (0usize, v.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match v[mid].cmp(target) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

#[derive(Debug, Clone, Copy)] struct Meters;
#[derive(Debug, Clone, Copy)] struct Feet;
#[derive(Debug, Clone, Copy)]
struct Length<U> { v: f64, _u: PhantomData<U> }
impl<U> Length<U> { fn new(v: f64) -> Self { Length { v, _u: PhantomData } } }
impl From<Length<Feet>> for Length<Meters> { fn from(f: Length<Feet>) -> Self { Length::new(f.v * 0.3048) } }
impl<U> std::ops::Add for Length<U> { type Output = Self; fn add(self, o: Self) -> Self { Length::new(self.v + o.v) } }

trait Visitor { fn visit<T: std::fmt::Debug>(&mut self, t: &T); }
struct Collect(Vec<String>);
impl Visitor for Collect { fn visit<T: std::fmt::Debug>(&mut self, t: &T) { self.0.push(format!("{:?}", t)); } }

fn largest<T: PartialOrd + Copy>(v: &[T]) -> T { let mut m = v[0]; for &x in v { if x > m { m = x; } } m }

fn main() {
    let mut s: Stack<i32> = Stack::default();
    s.push(1).push(black_box(2)).push(3);
    println!("{} {:?} {:?} {}", s.render(), s.pop(), s.peek(), s.render());
    let mut ss = Stack { items: vec!["a".to_string()] };
    ss.push("b".into());
    println!("{}", ss.render());
    let v: Vec<i64> = (0..100).map(|x| x * 3 - 50).collect();
    for t in [black_box(-50i64), 1, 97, 250, -51, 46] { print!("{:?} ", bsearch(&v, &t)); }
    println!();
    let words = ["apple", "fig", "kiwi", "pear"];
    println!("{:?} {:?}", bsearch(&words, &"kiwi"), bsearch(&words, &"grape"));
    let total: Length<Meters> = Length::<Meters>::new(black_box(1.0)) + Length::<Feet>::new(10.0).into();
    println!("{:?} {}", total.v, size_of::<Length<Feet>>());
    let mut c = Collect(vec![]);
    c.visit(&1u8); c.visit(&"two"); c.visit(&(3.0f32, [4i16])); c.visit(&Some(Meters));
    println!("{:?}", c.0);
    println!("{} {} {:?} {}", largest(&[3, black_box(9), 2]), largest(&[0.5, -1.0, black_box(2.5)]), largest(&['x', 'b', 'z']), largest(&[u128::MAX - 1, 5]));
}
