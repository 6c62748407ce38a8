// dyn with supertraits, trait upcasting to a supertrait object, multiple trait bounds via combined traits, generic methods behind where Self: Sized.
use std::fmt::{self, Debug, Display};
use std::hint::black_box;

trait Named { fn name(&self) -> String; }
trait Shape: Named + Debug {
    fn area(&self) -> f64;
    fn describe(&self) -> String { format!("{} area={:.3}", self.name(), self.area()) }
    fn scaled(&self, k: f64) -> Self where Self: Sized;
}
trait Printable: Display { fn banner(&self) -> String { format!("[{}]", self) } }

#[derive(Debug, Clone)] struct Circle(f64);
#[derive(Debug, Clone)] struct Sq { side: f64, tag: &'static str }

impl Named for Circle { fn name(&self) -> String { "circle".into() } }
impl Named for Sq { fn name(&self) -> String { format!("square<{}>", self.tag) } }
impl Shape for Circle { fn area(&self) -> f64 { 3.14159 * self.0 * self.0 } fn scaled(&self, k: f64) -> Self { Circle(self.0 * k) } }
impl Shape for Sq {
    fn area(&self) -> f64 { self.side * self.side }
    fn describe(&self) -> String { format!("SQ {}", self.side) }
    fn scaled(&self, k: f64) -> Self { Sq { side: self.side * k, tag: self.tag } }
}
impl Display for Circle { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "C({})", self.0) } }
impl Printable for Circle {}

trait Both: Shape + Printable {}
impl<T: Shape + Printable> Both for T {}

#[inline(never)]
fn upcast(s: &dyn Shape) -> &dyn Named { s }

#[inline(never)]
fn use_both(b: &dyn Both) -> String { format!("{} / {} / {:?}", b.describe(), b.banner(), b) }

fn main() {
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle(black_box(1.0))), Box::new(Sq { side: black_box(2.5), tag: "x" }), Box::new(Circle(0.5).scaled(4.0))];
    for s in &shapes {
        println!("{} | {:?} | {}", s.describe(), s, upcast(s.as_ref()).name());
    }
    let named: Vec<&dyn Named> = shapes.iter().map(|s| s.as_ref() as &dyn Named).collect();
    println!("{:?}", named.iter().map(|n| n.name()).collect::<Vec<_>>());
    let c = Circle(black_box(3.0));
    println!("{}", use_both(&c));
    let d: Box<dyn Display> = Box::new(c.clone());
    let e: &dyn Debug = &c;
    println!("{} {:?}", d, e);
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    println!("total {:.6}", total);
    let sq = Sq { side: 1.5, tag: "y" }.scaled(black_box(2.0));
    println!("{}", sq.describe());
}
