// dyn Trait objects: Box<dyn>, &dyn, &mut dyn, Vec<Box<dyn>>, default methods, vtable calls with args/returns of several types.
use std::hint::black_box;

trait Animal {
    fn name(&self) -> String;
    fn legs(&self) -> u32;
    fn speak(&self, times: u8) -> String { format!("{} says {}", self.name(), "hi ".repeat(times as usize).trim_end()) }
    fn weight(&self) -> f64 { self.legs() as f64 * 1.5 }
    fn feed(&mut self, kg: f32);
}

struct Dog { fed: f32 }
struct Bird { id: u128, fed: f32 }
struct Snake;

impl Animal for Dog {
    fn name(&self) -> String { "dog".into() }
    fn legs(&self) -> u32 { 4 }
    fn speak(&self, times: u8) -> String { format!("woof x{}", times) }
    fn feed(&mut self, kg: f32) { self.fed += kg; }
    fn weight(&self) -> f64 { 20.0 + self.fed as f64 }
}
impl Animal for Bird {
    fn name(&self) -> String { format!("bird#{}", self.id) }
    fn legs(&self) -> u32 { 2 }
    fn feed(&mut self, kg: f32) { self.fed += kg * 0.1; }
}
impl Animal for Snake {
    fn name(&self) -> String { "snake".into() }
    fn legs(&self) -> u32 { 0 }
    fn feed(&mut self, _kg: f32) {}
}

#[inline(never)]
fn describe(a: &dyn Animal) -> String { format!("{} legs={} w={:?} {}", a.name(), a.legs(), a.weight(), a.speak(2)) }

#[inline(never)]
fn feed_all(zoo: &mut [Box<dyn Animal>], kg: f32) { for a in zoo.iter_mut() { a.feed(kg); } }

fn make(k: u8) -> Box<dyn Animal> {
    match k % 3 { 0 => Box::new(Dog { fed: 0.0 }), 1 => Box::new(Bird { id: u128::MAX - k as u128, fed: 1.0 }), _ => Box::new(Snake) }
}

fn main() {
    let mut zoo: Vec<Box<dyn Animal>> = (0..6).map(|k| make(black_box(k))).collect();
    for a in &zoo { println!("{}", describe(a.as_ref())); }
    feed_all(&mut zoo, black_box(2.5));
    feed_all(&mut zoo, black_box(0.25));
    for a in &zoo { println!("{:?}", a.weight()); }
    let total: u32 = zoo.iter().map(|a| a.legs()).sum();
    println!("total legs {}", total);
    let mut d = Dog { fed: 1.0 };
    let r: &mut dyn Animal = &mut d;
    r.feed(3.0);
    println!("{}", describe(r));
    println!("sizes {} {} {}", size_of::<&dyn Animal>(), size_of::<Box<dyn Animal>>(), size_of::<Option<Box<dyn Animal>>>());
    let s: &dyn Animal = &Snake;
    println!("{}", s.speak(black_box(0)));
}
