// Traits with default methods overridden in some impls, calls through generics and dyn, associated consts used in defaults, trait objects of generic impls.
use std::hint::black_box;

trait Scorer {
    const WEIGHT: u32 = 1;
    fn base(&self) -> u32;
    fn score(&self) -> u32 { self.base() * Self::WEIGHT }
    fn label(&self) -> String { format!("score={}", self.score()) }
}

struct Plain(u32);
struct Heavy(u32);
struct Custom<T>(T);

impl Scorer for Plain { fn base(&self) -> u32 { self.0 } }
impl Scorer for Heavy { const WEIGHT: u32 = 10; fn base(&self) -> u32 { self.0 + 1 } }
impl<T: Into<u32> + Copy> Scorer for Custom<T> {
    const WEIGHT: u32 = 3;
    fn base(&self) -> u32 { self.0.into() }
    fn label(&self) -> String { format!("custom<{}> {}", std::any::type_name::<T>(), self.score()) }
}

fn total<S: Scorer>(items: &[S]) -> u32 { items.iter().map(Scorer::score).sum() }

trait Greeter { fn greet(&self) -> String; }
impl<T: Scorer> Greeter for T { fn greet(&self) -> String { format!("hi {}", self.label()) } }

fn main() {
    let p = [Plain(black_box(1)), Plain(2), Plain(3)];
    let h = [Heavy(black_box(4)), Heavy(5)];
    println!("{} {}", total(&p), total(&h));
    println!("{} {} {}", p[0].label(), h[1].label(), Custom(black_box(7u8)).label());
    println!("{}", Custom(black_box(300u16)).label());
    let greeters: Vec<Box<dyn Greeter>> = vec![Box::new(Plain(9)), Box::new(Heavy(9)), Box::new(Custom('x'))];
    for g in &greeters { println!("{}", g.greet()); }
    println!("{} {} {}", Plain::WEIGHT, Heavy::WEIGHT, <Custom<u8> as Scorer>::WEIGHT);
}
