// RefCell double borrow_mut panics with BorrowMutError; preceded by valid borrows and slice range checks that succeed.
use std::cell::RefCell;
use std::hint::black_box;

fn main() {
    let c = RefCell::new(vec![1, 2, 3]);
    {
        let r1 = c.borrow();
        let r2 = c.borrow();
        println!("two shared borrows: {} {}", r1.len(), r2[black_box(1)]);
        println!("try_borrow_mut while shared: {}", c.try_borrow_mut().is_err());
    }
    c.borrow_mut().push(4);
    let s = &c.borrow()[black_box(1)..3];
    println!("slice {:?}", s);
    let _guard = c.borrow_mut();
    println!("unreachable");
}
