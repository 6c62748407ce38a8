// Structs with impl blocks, operator overloading (Add/Mul/Index/Neg), PartialOrd derive, Clone vs Copy, Default.
use std::hint::black_box;
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg};

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
struct V3 { x: f64, y: f64, z: f64 }

impl Add for V3 { type Output = V3; fn add(self, o: V3) -> V3 { V3 { x: self.x + o.x, y: self.y + o.y, z: self.z + o.z } } }
impl Mul<f64> for V3 { type Output = V3; fn mul(self, k: f64) -> V3 { V3 { x: self.x * k, y: self.y * k, z: self.z * k } } }
impl Neg for V3 { type Output = V3; fn neg(self) -> V3 { V3 { x: -self.x, y: -self.y, z: -self.z } } }
impl AddAssign for V3 { fn add_assign(&mut self, o: V3) { *self = *self + o; } }

impl V3 {
    fn dot(&self, o: &V3) -> f64 { self.x * o.x + self.y * o.y + self.z * o.z }
    fn cross(self, o: V3) -> V3 { V3 { x: self.y * o.z - self.z * o.y, y: self.z * o.x - self.x * o.z, z: self.x * o.y - self.y * o.x } }
    fn len(self) -> f64 { self.dot(&self).sqrt() }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Key { major: u16, minor: i8, name: String }

struct Matrix { rows: usize, cols: usize, data: Vec<i64> }

impl Index<(usize, usize)> for Matrix { type Output = i64; fn index(&self, (r, c): (usize, usize)) -> &i64 { &self.data[r * self.cols + c] } }
impl IndexMut<(usize, usize)> for Matrix { fn index_mut(&mut self, (r, c): (usize, usize)) -> &mut i64 { &mut self.data[r * self.cols + c] } }

impl Matrix {
    fn new(rows: usize, cols: usize) -> Self { Matrix { rows, cols, data: vec![0; rows * cols] } }
    fn mul(&self, o: &Matrix) -> Matrix {
        let mut m = Matrix::new(self.rows, o.cols);
        for i in 0..self.rows { for j in 0..o.cols { for k in 0..self.cols { m[(i, j)] += self[(i, k)] * o[(k, j)]; } } }
        m
    }
}

fn main() {
    let a = V3 { x: black_box(1.0), y: 2.0, z: 3.0 };
    let b = V3 { x: -0.5, y: black_box(4.25), z: 1e-3 };
    let mut c = a + b * 2.0;
    c += -a;
    println!("{:?} {:?} dot={:?} len={:?} cross={:?}", c, V3::default(), a.dot(&b), a.len(), a.cross(b));
    println!("cmp {:?} {:?}", a.partial_cmp(&b), a < c);
    let mut keys = vec![
        Key { major: 2, minor: -1, name: "b".into() }, Key { major: 1, minor: 5, name: "z".into() },
        Key { major: 2, minor: -1, name: "a".into() }, Key { major: 2, minor: -7, name: "q".into() },
    ];
    keys.sort();
    println!("{:?}", keys);
    println!("max {:?}", keys.iter().max());
    let mut m = Matrix::new(3, 3);
    for i in 0..3 { for j in 0..3 { m[(i, j)] = black_box((i * 3 + j) as i64 - 4); } }
    let p = m.mul(&m).mul(&m);
    println!("{:?}", p.data);
}
