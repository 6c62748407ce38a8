// thread_local! of many types (u8, u128, f64, String, Vec, Option<Box>, arrays, structs) with const and lazy init, accessed in a hot loop.
use std::cell::{Cell, RefCell};
use std::hint::black_box;

#[derive(Debug, Clone, Copy, Default)]
struct Stats { n: u32, sum: f64, max: i64 }

thread_local! {
    static B: Cell<u8> = const { Cell::new(250) };
    static W: Cell<u128> = const { Cell::new(u128::MAX - 5) };
    static F: Cell<f64> = const { Cell::new(0.5) };
    static S: RefCell<String> = RefCell::new(String::from("tls:"));
    static V: RefCell<Vec<i32>> = RefCell::new((0..5).collect());
    static O: RefCell<Option<Box<[u16; 8]>>> = const { RefCell::new(None) };
    static ST: Cell<Stats> = Cell::new(Stats::default());
    static ARR: RefCell<[u64; 32]> = const { RefCell::new([0; 32]) };
}

fn main() {
    for i in 0..black_box(10_000i64) {
        B.set(B.get().wrapping_add(1));
        W.set(W.get().wrapping_add(i as u128));
        F.set(F.get() * 1.0001);
        let mut st = ST.get();
        st.n += 1; st.sum += i as f64 * 0.5; st.max = st.max.max(i * 7 % 1001);
        ST.set(st);
        ARR.with_borrow_mut(|a| a[(i % 32) as usize] += i as u64);
        if i % 1000 == 0 { S.with_borrow_mut(|s| s.push_str(&i.to_string())); V.with_borrow_mut(|v| v.push(i as i32)); }
    }
    O.with_borrow_mut(|o| *o = Some(Box::new([7; 8])));
    O.with_borrow_mut(|o| if let Some(b) = o { b[3] = 3; });
    println!("{} {} {:?}", B.get(), W.get(), F.get());
    println!("{}", S.with_borrow(|s| s.clone()));
    println!("{:?}", V.with_borrow(|v| v.clone()));
    println!("{:?}", O.with_borrow(|o| o.clone()));
    println!("{:?}", ST.get());
    println!("{:?}", ARR.with_borrow(|a| a.iter().sum::<u64>()));
}
