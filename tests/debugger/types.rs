// A debugger probe (every kind of type): each `// break` line is a breakpoint; gdb's
// answers there are compared with the LLVM build's by tests/debugger/gdb_facts.py.
use std::collections::HashMap;
use std::fmt::Debug;
use std::rc::Rc;

#[derive(Debug, Clone, Copy)]
enum Colour {
    Red = 3,
    Green = 7,
    Blue,
}

#[derive(Debug)]
#[repr(i8)]
enum Signed {
    Minus = -2,
    Plus = 5,
}

#[derive(Debug)]
enum Niche {
    Flag(bool),
    Nothing,
    Other,
}

#[derive(Debug)]
enum Tree {
    Leaf(u32),
    Node(Box<Tree>, Box<Tree>),
}

#[derive(Debug)]
enum Single {
    Only { x: u16, y: u16 },
}

union Bits {
    f: f32,
    u: u32,
}

struct Unit;

#[inline(never)]
fn show(d: &dyn Debug, f: fn(u32) -> u32, t: &Tree) -> String {
    let s = format!("{d:?} {} {t:?}", f(2)); // break
    s
}

fn double(x: u32) -> u32 {
    x * 2
}

fn main() {
    let colour = Colour::Green;
    let signed = Signed::Minus;
    let niche = Niche::Other;
    let flag = Niche::Flag(true);
    let single = Single::Only { x: 4, y: 9 };
    let nested: Option<Option<bool>> = Some(None);
    let err: Result<u8, String> = Err(String::from("bad"));
    let opt_box: Option<Box<i32>> = Some(Box::new(7));
    let tree = Tree::Node(Box::new(Tree::Leaf(1)), Box::new(Tree::Leaf(2)));
    let bits = Bits { u: 0x3f80_0000 };
    let unit = ();
    let unit_struct = Unit;
    let chars = ['a', 'é'];
    let slice: &[i16] = &[-1, 2, -3];
    let text: &str = "probe";
    let tuple = (1u8, -2i64, 3.5f32);
    let rc = Rc::new(String::from("shared"));
    let mut map = HashMap::new();
    map.insert(1u8, "one");
    let boxed: Box<dyn Debug> = Box::new(colour);
    let f: fn(u32) -> u32 = double;
    let s = show(&colour, f, &tree); // break
    let _ = unsafe { bits.f };
    let _ = (unit, unit_struct, signed, niche, flag, single, nested, err, opt_box, chars, slice);
    println!("{s} {text} {tuple:?} {rc} {map:?} {boxed:?}");
}
