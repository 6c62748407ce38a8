// dyn Any downcasting, type_id equality, drop through Box<dyn Trait> (vtable drop_in_place), Rc<dyn> and Arc<dyn>, dyn Fn in structs.
use std::any::Any;
use std::hint::black_box;
use std::rc::Rc;
use std::sync::Arc;

struct Loud(&'static str, u32);
impl Drop for Loud { fn drop(&mut self) { println!("drop Loud({}, {})", self.0, self.1); } }

trait Thing { fn id(&self) -> u32; }
impl Thing for Loud { fn id(&self) -> u32 { self.1 } }
impl Thing for u64 { fn id(&self) -> u32 { *self as u32 } }

fn inspect(v: &dyn Any) -> String {
    if let Some(i) = v.downcast_ref::<i32>() { format!("i32 {}", i) }
    else if let Some(s) = v.downcast_ref::<String>() { format!("String {:?}", s) }
    else if let Some(l) = v.downcast_ref::<Loud>() { format!("Loud {}", l.0) }
    else if v.is::<f64>() { "some f64".to_string() }
    else { "unknown".to_string() }
}

struct Handler { name: String, f: Box<dyn Fn(i32) -> i32> }

fn main() {
    let items: Vec<Box<dyn Any>> = vec![Box::new(black_box(5i32)), Box::new(String::from("str")), Box::new(Loud("any", 1)), Box::new(2.5f64), Box::new(7u8)];
    for it in &items { println!("{}", inspect(it.as_ref())); }
    let b: Box<dyn Any> = Box::new(black_box(99i32));
    match b.downcast::<i32>() { Ok(v) => println!("downcast ok {}", v), Err(_) => println!("downcast fail") }
    drop(items);
    println!("-- things");
    {
        let things: Vec<Box<dyn Thing>> = vec![Box::new(Loud("t", 10)), Box::new(black_box(20u64)), Box::new(Loud("u", 30))];
        println!("ids {:?}", things.iter().map(|t| t.id()).collect::<Vec<_>>());
    }
    println!("-- rc");
    let rc: Rc<dyn Thing> = Rc::new(Loud("rc", 40));
    let rc2 = rc.clone();
    println!("rc count {} id {}", Rc::strong_count(&rc), rc2.id());
    drop(rc);
    println!("after first rc drop");
    drop(rc2);
    let arc: Arc<dyn Thing + Send + Sync> = Arc::new(black_box(50u64));
    println!("arc id {}", arc.id());
    let k = black_box(3);
    let handlers = vec![
        Handler { name: "add".into(), f: Box::new(move |x| x + k) },
        Handler { name: "mul".into(), f: Box::new(move |x| x * k) },
        Handler { name: "loud".into(), f: { let l = Loud("captured", 60); Box::new(move |x| x + l.1 as i32) } },
    ];
    for h in &handlers { println!("{} {}", h.name, (h.f)(black_box(10))); }
    drop(handlers);
    println!("type ids equal {} {}", std::any::TypeId::of::<i32>() == 5i32.type_id(), std::any::TypeId::of::<u32>() == 5i32.type_id());
    println!("end");
}
