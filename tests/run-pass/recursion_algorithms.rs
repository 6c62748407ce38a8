// Recursive algorithms: memoized fib (u128), mutual recursion (even/odd), quicksort/mergesort, tree building and traversal, permutations, Hanoi.
use std::collections::HashMap;
use std::hint::black_box;

fn fib_memo(n: u32, memo: &mut HashMap<u32, u128>) -> u128 {
    if n < 2 { return n as u128; }
    if let Some(&v) = memo.get(&n) { return v; }
    let v = fib_memo(n - 1, memo) + fib_memo(n - 2, memo);
    memo.insert(n, v);
    v
}
fn fib_naive(n: u32) -> u64 { if n < 2 { n as u64 } else { fib_naive(n - 1) + fib_naive(n - 2) } }

fn is_even(n: u32) -> bool { if n == 0 { true } else { is_odd(n - 1) } }
fn is_odd(n: u32) -> bool { if n == 0 { false } else { is_even(n - 1) } }

fn quicksort<T: PartialOrd + Copy>(v: &mut [T]) {
    if v.len() <= 1 { return; }
    let last = v.len() - 1;
    v.swap(v.len() / 2, last);
    let pivot = v[last];
    let mut store = 0;
    for i in 0..last {
        if v[i] < pivot { v.swap(i, store); store += 1; }
    }
    v.swap(store, last);
    let (l, r) = v.split_at_mut(store);
    quicksort(l);
    quicksort(&mut r[1..]);
}

fn mergesort(v: &[i32]) -> Vec<i32> {
    if v.len() <= 1 { return v.to_vec(); }
    let (l, r) = v.split_at(v.len() / 2);
    let (l, r) = (mergesort(l), mergesort(r));
    let mut out = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, 0);
    while i < l.len() && j < r.len() { if l[i] <= r[j] { out.push(l[i]); i += 1; } else { out.push(r[j]); j += 1; } }
    out.extend_from_slice(&l[i..]); out.extend_from_slice(&r[j..]);
    out
}

#[derive(Debug)]
enum Tree { Leaf, Node(Box<Tree>, i32, Box<Tree>) }
fn insert(t: Tree, v: i32) -> Tree {
    match t {
        Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), v, Box::new(Tree::Leaf)),
        Tree::Node(l, x, r) => if v < x { Tree::Node(Box::new(insert(*l, v)), x, r) } else { Tree::Node(l, x, Box::new(insert(*r, v))) },
    }
}
fn inorder(t: &Tree, out: &mut Vec<i32>) { if let Tree::Node(l, x, r) = t { inorder(l, out); out.push(*x); inorder(r, out); } }
fn height(t: &Tree) -> usize { match t { Tree::Leaf => 0, Tree::Node(l, _, r) => 1 + height(l).max(height(r)) } }

fn permutations(items: &mut Vec<char>, k: usize, out: &mut Vec<String>) {
    if k == items.len() { out.push(items.iter().collect()); return; }
    for i in k..items.len() { items.swap(k, i); permutations(items, k + 1, out); items.swap(k, i); }
}

fn hanoi(n: u32, from: u8, to: u8, via: u8, moves: &mut Vec<(u8, u8)>) {
    if n == 0 { return; }
    hanoi(n - 1, from, via, to, moves); moves.push((from, to)); hanoi(n - 1, via, to, from, moves);
}

fn main() {
    let mut memo = HashMap::new();
    println!("fib(180) = {} fib(25) = {}", fib_memo(black_box(180), &mut memo), fib_naive(black_box(25)));
    println!("{} {} {}", is_even(black_box(1001)), is_odd(black_box(777)), is_even(0));
    let mut v: Vec<i64> = (0..200).map(|i| black_box((i * 7919 + 13) % 1009 - 500)).collect();
    quicksort(&mut v);
    println!("{:?} sorted={}", &v[..10], v.windows(2).all(|w| w[0] <= w[1]));
    let mut f: Vec<f64> = (0..50).map(|i| ((i * 37 % 23) as f64).sin()).collect();
    quicksort(&mut f);
    println!("{:?}", &f[..5]);
    let m = mergesort(&(0..100).map(|i| black_box((i * 31 % 97) - 40)).collect::<Vec<_>>());
    println!("{:?}", &m[90..]);
    let mut t = Tree::Leaf;
    for x in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65] { t = insert(t, black_box(x)); }
    let mut out = Vec::new();
    inorder(&t, &mut out);
    println!("{:?} height {}", out, height(&t));
    let mut items = vec!['a', 'b', 'c', 'd'];
    let mut perms = Vec::new();
    permutations(&mut items, 0, &mut perms);
    println!("{} {:?}", perms.len(), &perms[..8]);
    let mut moves = Vec::new();
    hanoi(black_box(10), 1, 3, 2, &mut moves);
    println!("hanoi {} {:?} {:?}", moves.len(), &moves[..5], moves.last());
}
