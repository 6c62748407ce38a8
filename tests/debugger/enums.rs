// A debugger probe (enums): each `// break` line is a breakpoint; gdb's answers there are
// compared with the LLVM build's by tests/debugger/gdb_facts.py.
#[derive(Debug)]
enum Shape {
    Circle(f32),
    // u32 fields: with u16 ones the padding after `h` (undefined, so different between
    // builds) shows in gdb's answer for the array below.
    Rect { w: u32, h: u32 },
    Empty,
}

#[inline(never)]
fn area(s: &Shape) -> f32 {
    match s {
        Shape::Circle(r) => 3.0 * r * r,
        Shape::Rect { w, h } => (*w as f32) * (*h as f32),
        Shape::Empty => 0.0,
    }
}

fn main() {
    let a = Some(5i32);
    let b: Option<i32> = None;
    let c: Result<u8, String> = Ok(3);
    let shapes = [Shape::Circle(1.5), Shape::Rect { w: 2, h: 3 }, Shape::Empty];
    let total = area(&shapes[0]) + area(&shapes[1]); // break
    println!("{a:?} {b:?} {c:?} {total} {:?}", shapes[2]);
}
