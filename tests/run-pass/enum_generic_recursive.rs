// Generic enums (custom Option-like, linked list with Box), enum methods via traits, and matching with bindings and guards.
use std::hint::black_box;

#[derive(Debug, Clone)]
enum List<T> { Cons(T, Box<List<T>>), Nil }

impl<T: Copy + std::fmt::Debug + std::ops::Add<Output = T>> List<T> {
    fn from_slice(v: &[T]) -> Self {
        v.iter().rev().fold(List::Nil, |acc, &x| List::Cons(x, Box::new(acc)))
    }
    fn sum(&self, zero: T) -> T {
        match self { List::Cons(x, rest) => *x + rest.sum(zero), List::Nil => zero }
    }
    fn len(&self) -> usize {
        let mut n = 0;
        let mut cur = self;
        while let List::Cons(_, next) = cur { n += 1; cur = next; }
        n
    }
}

#[derive(Debug, Clone, Copy)]
enum Maybe<T> { Just(T), Nope }

fn describe(m: Maybe<(i32, u8)>) -> String {
    match m {
        Maybe::Just((x, y)) if x < 0 => format!("neg {} {}", x, y),
        Maybe::Just((0, y @ 1..=9)) => format!("zero small {}", y),
        Maybe::Just((x @ (1 | 2 | 3), _)) => format!("tiny {}", x),
        Maybe::Just((x, y)) => format!("other {} {}", x, y),
        Maybe::Nope => "nope".to_string(),
    }
}

fn main() {
    let l = List::from_slice(&[black_box(1i64), 2, 3, 4, 5]);
    println!("{:?}", l);
    println!("sum {} len {}", l.sum(0), l.len());
    let lf = List::from_slice(&[0.5f32, 0.25, black_box(0.125)]);
    println!("fsum {:?} len {}", lf.sum(0.0), lf.len());
    let big: List<u32> = List::from_slice(&(0..1000).map(|x| black_box(x as u32)).collect::<Vec<_>>());
    println!("big sum {} len {}", big.sum(0), big.len());
    for m in [Maybe::Just((-5, 1)), Maybe::Just((0, 5)), Maybe::Just((0, 50)), Maybe::Just((2, 0)), Maybe::Just((9, 9)), Maybe::Nope] {
        println!("{}", describe(black_box(m)));
    }
    println!("sizes {} {} {}", size_of::<Maybe<u8>>(), size_of::<Maybe<&u8>>(), size_of::<List<u8>>());
}
