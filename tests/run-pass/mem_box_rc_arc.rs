// Box/Rc/Arc/Weak/Cell/RefCell: ownership moves, strong/weak counts, Rc::make_mut clone-on-write, cycles broken by Weak, drop messages.
use std::cell::{Cell, RefCell};
use std::hint::black_box;
use std::rc::{Rc, Weak};
use std::sync::Arc;

#[derive(Debug)]
struct Node { val: i32, children: RefCell<Vec<Rc<Node>>>, parent: RefCell<Weak<Node>> }
impl Drop for Node { fn drop(&mut self) { println!("drop node {}", self.val); } }

fn main() {
    let b = Box::new([black_box(1u64); 100]);
    let moved = b;
    println!("box sum {}", moved.iter().sum::<u64>());
    let boxed_slice: Box<[i32]> = vec![3, 1, 2].into_boxed_slice();
    let boxed_str: Box<str> = "boxed str".into();
    println!("{:?} {} {}", boxed_slice, boxed_str, boxed_str.len());
    let leaf = Rc::new(Node { val: 3, children: RefCell::new(vec![]), parent: RefCell::new(Weak::new()) });
    println!("leaf parent {:?} strong {} weak {}", leaf.parent.borrow().upgrade().map(|p| p.val), Rc::strong_count(&leaf), Rc::weak_count(&leaf));
    {
        let branch = Rc::new(Node { val: 5, children: RefCell::new(vec![Rc::clone(&leaf)]), parent: RefCell::new(Weak::new()) });
        *leaf.parent.borrow_mut() = Rc::downgrade(&branch);
        println!("leaf parent {:?} branch strong {} weak {} leaf strong {}", leaf.parent.borrow().upgrade().map(|p| p.val),
            Rc::strong_count(&branch), Rc::weak_count(&branch), Rc::strong_count(&leaf));
        println!("children {:?}", branch.children.borrow().iter().map(|c| c.val).collect::<Vec<_>>());
    }
    println!("after scope parent {:?} strong {}", leaf.parent.borrow().upgrade().map(|p| p.val), Rc::strong_count(&leaf));
    let mut shared = Rc::new(vec![1, 2, 3]);
    let other = Rc::clone(&shared);
    Rc::make_mut(&mut shared).push(4);
    println!("{:?} {:?} ptr_eq {}", shared, other, Rc::ptr_eq(&shared, &other));
    let unique = Rc::try_unwrap(other);
    println!("{:?}", unique);
    let a = Arc::new(black_box(String::from("arc")));
    let a2 = Arc::clone(&a);
    println!("{} {} {:?}", Arc::strong_count(&a), a2, Arc::try_unwrap(a).map_err(|x| x.len()));
    let c = Cell::new(black_box(5));
    c.set(c.get() * 2);
    let old = c.replace(1);
    println!("cell {} {} {}", old, c.get(), c.take());
    let r = RefCell::new(vec![1]);
    r.borrow_mut().push(2);
    { let b1 = r.borrow(); let b2 = r.borrow(); println!("refcell {:?} {:?} {}", *b1, *b2, r.try_borrow_mut().is_err()); }
    println!("{:?}", r.into_inner());
    println!("end");
}
