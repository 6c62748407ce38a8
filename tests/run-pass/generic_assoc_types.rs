// Generics with associated types and consts, custom Iterator impls, trait static methods, blanket impls, monomorphization over many types.
use std::fmt::Debug;
use std::hint::black_box;
use std::ops::{Add, Mul};

trait Container {
    type Item;
    const KIND: &'static str;
    fn items(&self) -> Vec<Self::Item>;
    fn first(&self) -> Option<Self::Item> { self.items().into_iter().next() }
}

struct Range3(i32);
struct Letters(&'static str);

impl Container for Range3 {
    type Item = i32;
    const KIND: &'static str = "range";
    fn items(&self) -> Vec<i32> { vec![self.0, self.0 + 1, self.0 + 2] }
}
impl Container for Letters {
    type Item = char;
    const KIND: &'static str = "letters";
    fn items(&self) -> Vec<char> { self.0.chars().collect() }
}

fn summarize<C: Container>(c: &C) -> String where C::Item: Debug {
    format!("{} {:?} first={:?}", C::KIND, c.items(), c.first())
}

struct Fib { a: u64, b: u64 }
impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let r = self.a;
        self.a = self.b;
        self.b = self.b.checked_add(r)?;
        Some(r)
    }
}

trait Zero { fn zero() -> Self; }
impl Zero for i64 { fn zero() -> Self { 0 } }
impl Zero for f32 { fn zero() -> Self { 0.0 } }
impl Zero for u8 { fn zero() -> Self { 0 } }

fn dot<T: Copy + Zero + Add<Output = T> + Mul<Output = T>>(a: &[T], b: &[T]) -> T {
    a.iter().zip(b).fold(T::zero(), |acc, (&x, &y)| acc + x * y)
}

trait Describe { fn describe(&self) -> String; }
impl<T: Debug> Describe for T { fn describe(&self) -> String { format!("<<{:?}>>", self) } }

struct Matrix<const R: usize, const C: usize>([[i32; C]; R]);
impl<const R: usize, const C: usize> Matrix<R, C> {
    fn transpose(&self) -> Matrix<C, R> {
        let mut out = [[0; R]; C];
        for i in 0..R { for j in 0..C { out[j][i] = self.0[i][j]; } }
        Matrix(out)
    }
    const CELLS: usize = R * C;
}

fn main() {
    println!("{}", summarize(&Range3(black_box(7))));
    println!("{}", summarize(&Letters(black_box("xyz"))));
    let fibs: Vec<u64> = Fib { a: 0, b: 1 }.collect();
    println!("fib count {} last {:?}", fibs.len(), fibs.last());
    println!("{:?}", Fib { a: 0, b: 1 }.skip(10).step_by(5).take(5).collect::<Vec<_>>());
    println!("{} {:?} {}", dot(&[1i64, 2, 3], &[black_box(4), 5, 6]), dot(&[0.5f32, 1.5], &[black_box(2.0), 4.0]), dot(&[200u8, 1], &[1, black_box(50)]));
    println!("{} {} {}", 5.describe(), "s".describe(), Some(vec![1.5]).describe());
    let m = Matrix([[1, 2, 3], [4, 5, black_box(6)]]);
    let t = m.transpose();
    println!("{:?} cells {} {}", t.0, Matrix::<2, 3>::CELLS, Matrix::<7, 9>::CELLS);
}
