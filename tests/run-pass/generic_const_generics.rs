// Const generics: arrays [T; N] by value of several N, const-param arithmetic in impls, generic fns over N, where-bound defaults, array::from_fn.
use std::hint::black_box;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Vector<const N: usize>([f64; N]);

impl<const N: usize> Vector<N> {
    fn dot(&self, o: &Self) -> f64 { self.0.iter().zip(o.0.iter()).map(|(a, b)| a * b).sum() }
    fn scale(mut self, k: f64) -> Self { for x in self.0.iter_mut() { *x *= k; } self }
    fn dims() -> usize { N }
}

fn sum_array<const N: usize>(a: [u32; N]) -> u64 { a.iter().map(|&x| x as u64).sum() }
fn rev_array<T: Copy + Default, const N: usize>(a: [T; N]) -> [T; N] { let mut out = [T::default(); N]; for i in 0..N { out[i] = a[N - 1 - i]; } out }
fn concat<const A: usize, const B: usize>(a: [u8; A], b: [u8; B]) -> Vec<u8> { let mut v = a.to_vec(); v.extend_from_slice(&b); v }

struct RingBuf<T, const CAP: usize> { data: [Option<T>; CAP], head: usize, len: usize }
impl<T: Copy + std::fmt::Debug, const CAP: usize> RingBuf<T, CAP> {
    fn new() -> Self { RingBuf { data: [None; CAP], head: 0, len: 0 } }
    fn push(&mut self, v: T) -> Option<T> {
        let idx = (self.head + self.len) % CAP;
        if self.len == CAP { let old = self.data[self.head].replace(v); self.head = (self.head + 1) % CAP; old } else { self.data[idx] = Some(v); self.len += 1; None }
    }
    fn items(&self) -> Vec<T> { (0..self.len).map(|i| self.data[(self.head + i) % CAP].unwrap()).collect() }
}

fn main() {
    let a = Vector([black_box(1.0), 2.0, 3.0]);
    let b = Vector([4.0, black_box(-5.0), 6.0]);
    println!("{} {:?} {}", a.dot(&b), a.scale(0.5), Vector::<7>::dims());
    let big = Vector::<64>(std::array::from_fn(|i| i as f64 * 0.25));
    println!("{} {}", big.dot(&big), big.scale(2.0).0[63]);
    println!("{} {} {}", sum_array([1, 2, 3]), sum_array([u32::MAX; 10]), sum_array::<0>([]));
    println!("{:?} {:?}", rev_array([1i8, 2, 3, 4, 5]), rev_array(['a', 'b']));
    println!("{:?}", concat(*b"abc", [black_box(0u8); 4]));
    let mut rb: RingBuf<u16, 4> = RingBuf::new();
    let evicted: Vec<Option<u16>> = (0..10).map(|i| rb.push(black_box(i * 11))).collect();
    println!("{:?} {:?}", evicted, rb.items());
    let arr: [u64; 20] = std::array::from_fn(|i| 1u64 << (i * 3));
    println!("{:?}", arr.map(|x| x.trailing_zeros()));
    let nested: [[u8; 3]; 2] = [[1, 2, 3], [4, 5, black_box(6)]];
    println!("{:?} {:?}", nested.as_flattened(), nested.concat());
}
