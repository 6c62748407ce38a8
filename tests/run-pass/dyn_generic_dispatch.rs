// Mixing static and dynamic dispatch: generic fns over T: ?Sized, impl Trait for &dyn, trait objects with generic impls, slices of dyn.
use std::hint::black_box;

trait Op { fn apply(&self, x: i64) -> i64; fn label(&self) -> &str; }
struct AddN(i64);
struct MulN(i64);
struct Chain(Vec<Box<dyn Op>>);
impl Op for AddN { fn apply(&self, x: i64) -> i64 { x + self.0 } fn label(&self) -> &str { "add" } }
impl Op for MulN { fn apply(&self, x: i64) -> i64 { x.wrapping_mul(self.0) } fn label(&self) -> &str { "mul" } }
impl Op for Chain {
    fn apply(&self, x: i64) -> i64 { self.0.iter().fold(x, |a, o| o.apply(a)) }
    fn label(&self) -> &str { "chain" }
}
impl<T: Op + ?Sized> Op for Box<T> {
    fn apply(&self, x: i64) -> i64 { (**self).apply(x) * 10 }
    fn label(&self) -> &str { "boxed" }
}

fn run_static<T: Op>(op: &T, x: i64) -> i64 { op.apply(x) }
fn run_unsized<T: Op + ?Sized>(op: &T, x: i64) -> String { format!("{}:{}", op.label(), op.apply(x)) }
fn run_dyn(op: &dyn Op, x: i64) -> i64 { op.apply(x) }

fn main() {
    let a = AddN(black_box(5));
    let m = MulN(black_box(-3));
    println!("{} {} {} {}", run_static(&a, 1), run_static(&m, 2), run_dyn(&a, 3), run_dyn(&m, 4));
    let chain = Chain(vec![Box::new(AddN(1)), Box::new(MulN(2)), Box::new(Chain(vec![Box::new(AddN(100)), Box::new(MulN(-1))]))]);
    println!("{} {}", run_unsized(&chain, black_box(7)), run_unsized(&chain as &dyn Op, 7));
    let boxed: Box<dyn Op> = Box::new(MulN(7));
    println!("{} {}", run_unsized(&boxed, 6), run_unsized(boxed.as_ref(), 6));
    let bb: Box<Box<dyn Op>> = Box::new(Box::new(AddN(2)));
    println!("{}", run_dyn(&bb, 1));
    let ops: [&dyn Op; 4] = [&a, &m, &chain, &boxed];
    let mut x = black_box(1i64);
    for (i, o) in ops.iter().enumerate().cycle().take(12) {
        x = o.apply(x) % 1_000_003 + i as i64;
    }
    println!("{}", x);
    let labels: Vec<&str> = ops.iter().map(|o| o.label()).collect();
    println!("{:?}", labels);
}
