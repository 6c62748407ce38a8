// Enums with data-carrying variants of different sizes and alignments: construct, match, mutate in place, Vec of enums.
use std::hint::black_box;

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle { r: f64 },
    Rect(f32, f32),
    Tri([i16; 3]),
    Label(String),
    Wide(u128, u8),
    Empty,
}

impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle { r } => 3.0 * r * r,
            Shape::Rect(w, h) => (*w as f64) * (*h as f64),
            Shape::Tri([a, b, c]) => (*a as f64 + *b as f64 + *c as f64) / 2.0,
            Shape::Label(s) => s.len() as f64,
            Shape::Wide(x, y) => (*x % 1000) as f64 + *y as f64,
            Shape::Empty => 0.0,
        }
    }
    fn grow(&mut self, k: u8) {
        match self {
            Shape::Circle { r } => *r *= k as f64,
            Shape::Rect(w, _) => *w += k as f32,
            Shape::Tri(t) => t.iter_mut().for_each(|x| *x = x.wrapping_mul(k as i16)),
            Shape::Label(s) => s.push_str(&"!".repeat(k as usize)),
            Shape::Wide(x, y) => { *x <<= k; *y = y.wrapping_add(k); }
            Shape::Empty => *self = Shape::Circle { r: k as f64 },
        }
    }
}

#[derive(Debug)]
enum Expr { Num(i64), Add(Box<Expr>, Box<Expr>), Mul(Box<Expr>, Box<Expr>), Neg(Box<Expr>) }

fn eval(e: &Expr) -> i64 {
    match e { Expr::Num(n) => *n, Expr::Add(a, b) => eval(a) + eval(b), Expr::Mul(a, b) => eval(a) * eval(b), Expr::Neg(a) => -eval(a) }
}

fn main() {
    println!("size Shape {} Expr {}", size_of::<Shape>(), size_of::<Expr>());
    let mut shapes = vec![
        Shape::Circle { r: black_box(1.5) }, Shape::Rect(2.0, black_box(3.5)), Shape::Tri([black_box(300), -7, 11]),
        Shape::Label("abc".to_string()), Shape::Wide(black_box(u128::MAX / 7), 200), Shape::Empty,
    ];
    for round in 0..3u8 {
        for s in shapes.iter_mut() {
            s.grow(black_box(round + 2));
        }
        let areas: Vec<f64> = shapes.iter().map(Shape::area).collect();
        println!("round {} {:?}", round, areas);
    }
    println!("{:?}", shapes);
    let cloned = shapes.clone();
    println!("eq {}", cloned == shapes);
    shapes.swap(0, 5);
    shapes.retain(|s| !matches!(s, Shape::Label(_)));
    println!("{:?}", shapes.iter().map(|s| std::mem::discriminant(s) == std::mem::discriminant(&Shape::Empty)).collect::<Vec<_>>());
    let e = Expr::Add(Box::new(Expr::Mul(Box::new(Expr::Num(black_box(6))), Box::new(Expr::Neg(Box::new(Expr::Num(7)))))), Box::new(Expr::Num(100)));
    println!("{:?} = {}", e, eval(&e));
}
