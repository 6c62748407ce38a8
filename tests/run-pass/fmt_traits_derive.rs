// Debug derive ({:?}, {:#?} pretty), custom Display/LowerHex/Binary impls honoring width/flags, f.pad, debug_struct/list/map builders.
#![allow(dead_code)]
use std::fmt;
use std::hint::black_box;

#[derive(Debug, Clone, Default)]
struct Inner { id: u32, tags: Vec<&'static str>, ratio: Option<f32> }

#[derive(Debug)]
enum Node { Leaf(i64), Branch { left: Box<Node>, right: Box<Node>, weight: f64 }, Empty }

#[derive(Debug)]
struct Tuple(u8, &'static str, ());

struct Money { cents: i64 }
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = format!("${}.{:02}", self.cents / 100, (self.cents % 100).abs());
        f.pad(&s)
    }
}

struct Bits(u16);
impl fmt::Binary for Bits {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { fmt::Binary::fmt(&self.0, f) }
}
impl fmt::LowerHex for Bits {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "hex<{:x}>", self.0) }
}

struct Custom { name: String, vals: Vec<(u8, char)> }
impl fmt::Debug for Custom {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Custom").field("name", &self.name).field("n", &self.vals.len())
            .field("map", &fmt::from_fn(|f| f.debug_map().entries(self.vals.iter().map(|(a, b)| (a, b))).finish()))
            .finish_non_exhaustive()
    }
}

fn main() {
    let inner = Inner { id: black_box(7), tags: vec!["a", "b\"q"], ratio: Some(0.5) };
    println!("{:?}", inner);
    println!("{:#?}", inner);
    println!("{:?}", Inner::default());
    let tree = Node::Branch { left: Box::new(Node::Leaf(-1)), right: Box::new(Node::Branch { left: Box::new(Node::Empty), right: Box::new(Node::Leaf(2)), weight: 0.25 }), weight: 1e-9 };
    println!("{:?}", tree);
    println!("{:#?}", tree);
    println!("{:?} {:#?}", Tuple(1, "t", ()), Tuple(2, "u", ()));
    for c in [black_box(12345i64), -5, 0, -123456] {
        let m = Money { cents: c };
        println!("[{}] [{:>12}] [{:<12}] [{:^12}] [{:.3}]", m, m, m, m, m);
    }
    let b = Bits(black_box(0b1011_0000_1111));
    println!("{:b} {:#b} {:020b} {:x}", b, b, b, b);
    let c = Custom { name: "cst".into(), vals: vec![(1, 'x'), (2, 'y')] };
    println!("{:?}", c);
    println!("{:#?}", c);
    println!("{:?} {:?} {:?}", Some(Ok::<u8, ()>(3)), None::<()>, [Some("s"), None]);
    println!("{:?} {:?}", "quote\"s\\ and \n newline \u{1b}", '\'');
}
