// Vec operations: push/pop/insert/remove/swap_remove/extend/drain/retain/dedup/split_off/sort/binary_search/reverse/rotate, capacity growth.
use std::hint::black_box;

fn main() {
    let mut v: Vec<i32> = Vec::new();
    for i in 0..black_box(20) { v.push(i * i % 17 - 8); }
    println!("{:?}", v);
    v.insert(3, 100);
    let r = v.remove(black_box(7));
    let s = v.swap_remove(1);
    println!("{:?} removed {} swap_removed {}", v, r, s);
    v.extend_from_slice(&[5, 5, 5, -1]);
    v.extend((0..3).map(|x| x * 1000));
    let drained: Vec<i32> = v.drain(2..6).collect();
    println!("{:?} drained {:?}", v, drained);
    v.retain(|&x| x % 3 != 0);
    println!("retain {:?}", v);
    v.sort();
    v.dedup();
    println!("sorted dedup {:?}", v);
    println!("search {:?} {:?}", v.binary_search(&5), v.binary_search(&6));
    let tail = v.split_off(v.len() / 2);
    println!("{:?} | {:?}", v, tail);
    let mut w = [v.clone(), tail.clone()].concat();
    w.reverse();
    w.rotate_left(3);
    println!("{:?}", w);
    w.rotate_right(5);
    println!("{:?} first={:?} last={:?}", w, w.first(), w.last());
    println!("contains {} max {:?} min {:?}", w.contains(&-8), w.iter().max(), w.iter().min());
    let mut grid = vec![vec![0u8; 5]; 4];
    for (i, row) in grid.iter_mut().enumerate() { for (j, c) in row.iter_mut().enumerate() { *c = (i * 5 + j) as u8; } }
    grid.swap(0, 3);
    println!("{:?}", grid);
    let flat: Vec<u8> = grid.concat();
    println!("{:?}", flat.iter().rev().step_by(3).collect::<Vec<_>>());
    let mut strings = vec![String::from("b"), String::from("a")];
    strings.resize(5, String::from("z"));
    strings.dedup();
    println!("{:?}", strings);
    let mut big: Vec<u64> = Vec::with_capacity(2);
    let mut grow = 0;
    let mut cap = big.capacity();
    for i in 0..10000u64 { big.push(i); if big.capacity() != cap { grow += 1; cap = big.capacity(); } }
    println!("len {} sum {} grew {}", big.len(), big.iter().sum::<u64>(), grow);
    big.truncate(10);
    big.shrink_to_fit();
    println!("{:?} {}", big, big.capacity() >= 10);
    let (a, b) = big.split_at(4);
    println!("{:?} {:?} {:?}", a, b, big.iter().position(|&x| x == 7));
    let mut arr2 = [[1u16, 2], [3, 4], [5, 6]];
    arr2.reverse();
    println!("{:?} {:?}", arr2, arr2.iter().flatten().collect::<Vec<_>>());
    let mut chunks = vec![9, 8, 7, 6, 5, 4, 3];
    chunks.sort_unstable();
    chunks.chunks_exact_mut(2).for_each(|c| c.swap(0, 1));
    println!("{:?}", chunks);
    println!("{:?}", vec![3.5f64, -1.0, 2.25].iter().map(|x| x * 2.0).collect::<Vec<_>>());
}
