// VecDeque, BTreeMap, BTreeSet, BinaryHeap and LinkedList: inserts, removals, ranges, iteration order, heap sort, ring-buffer wraparound.
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, LinkedList, VecDeque};
use std::cmp::Reverse;
use std::hint::black_box;

fn main() {
    let mut dq: VecDeque<u32> = VecDeque::with_capacity(4);
    for i in 0..black_box(10) {
        if i % 3 == 0 { dq.push_front(i); } else { dq.push_back(i * 10); }
        if dq.len() > 5 { dq.pop_front(); }
    }
    println!("{:?} front={:?} back={:?}", dq, dq.front(), dq.back());
    dq.rotate_left(2);
    dq.make_contiguous().sort();
    println!("{:?} {:?}", dq, dq.iter().rev().collect::<Vec<_>>());
    let (a, b) = dq.as_slices();
    println!("slices {} {}", a.len(), b.len());

    let mut bm = BTreeMap::new();
    for (i, w) in ["delta", "alpha", "echo", "bravo", "charlie", "alpha"].iter().enumerate() {
        bm.entry(*w).and_modify(|v: &mut Vec<usize>| v.push(i)).or_insert_with(|| vec![i]);
    }
    println!("{:?}", bm);
    println!("range {:?}", bm.range("b".."d").collect::<Vec<_>>());
    println!("first {:?} last {:?}", bm.first_key_value(), bm.last_key_value());
    bm.remove("echo");
    let mut nums: BTreeMap<i64, f64> = (0..20).map(|i| ((i * 37 % 23) - 11, i as f64 / 4.0)).collect();
    nums.retain(|k, _| k % 2 != 0);
    println!("{:?}", nums);
    let split = nums.split_off(&0);
    println!("{:?} | {:?}", nums.keys().collect::<Vec<_>>(), split.values().collect::<Vec<_>>());

    let s1: BTreeSet<u8> = (0..20).filter(|x| x % 2 == 0).collect();
    let s2: BTreeSet<u8> = (0..20).filter(|x| x % 3 == 0).collect();
    println!("and {:?}", s1.intersection(&s2).collect::<Vec<_>>());
    println!("or {:?}", s1.union(&s2).count());
    println!("diff {:?}", s1.difference(&s2).collect::<Vec<_>>());
    println!("sym {:?}", s1.symmetric_difference(&s2).collect::<Vec<_>>());

    let mut heap = BinaryHeap::new();
    for x in [black_box(5), 1, 8, 3, 9, 2, 8, 7] { heap.push(x); }
    println!("peek {:?} len {}", heap.peek(), heap.len());
    let mut out = Vec::new();
    while let Some(x) = heap.pop() { out.push(x); }
    println!("{:?}", out);
    let mut minheap: BinaryHeap<Reverse<(u32, &str)>> = BinaryHeap::new();
    for (p, n) in [(3, "c"), (1, "a"), (2, "b"), (1, "z")] { minheap.push(Reverse((p, n))); }
    println!("{:?}", std::iter::from_fn(|| minheap.pop().map(|r| r.0)).collect::<Vec<_>>());
    println!("{:?}", BinaryHeap::from(vec![4, 1, 7, 3]).into_sorted_vec());

    let mut ll: LinkedList<i32> = LinkedList::new();
    for i in 0..6 { if i % 2 == 0 { ll.push_back(i) } else { ll.push_front(i) } }
    let (pf, pb) = (ll.pop_front(), ll.pop_back());
    println!("{:?} {:?} {:?}", ll, pf, pb);
    let mut other: LinkedList<i32> = [100, 200].into_iter().collect();
    ll.append(&mut other);
    println!("{:?} {}", ll, other.is_empty());
}
