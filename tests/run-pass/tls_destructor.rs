// thread_local! values with Drop impls: destructors run at thread exit (before join returns) in spawned threads, with output collected in order.
use std::cell::RefCell;
use std::hint::black_box;
use std::sync::Mutex;
use std::thread;

static EVENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Guard { name: String, items: RefCell<Vec<u32>> }
impl Drop for Guard {
    fn drop(&mut self) {
        let sum: u32 = self.items.borrow().iter().sum();
        EVENTS.lock().unwrap().push(format!("drop {} sum={}", self.name, sum));
    }
}

thread_local! {
    static GUARD: Guard = Guard { name: format!("guard-{:?}", thread::current().name()), items: RefCell::new(Vec::new()) };
    static SECOND: RefCell<Option<Guard>> = const { RefCell::new(None) };
}

fn main() {
    for t in 0..3u32 {
        let h = thread::Builder::new().name(format!("worker{}", t)).spawn(move || {
            GUARD.with(|g| { for i in 0..=t * 10 { g.items.borrow_mut().push(black_box(i)); } });
            if t == 1 {
                SECOND.with(|s| *s.borrow_mut() = Some(Guard { name: "second".into(), items: RefCell::new(vec![7, 8]) }));
            }
            EVENTS.lock().unwrap().push(format!("thread {} body done", t));
        }).unwrap();
        h.join().unwrap();
        EVENTS.lock().unwrap().push(format!("joined {}", t));
    }
    let mut ev = EVENTS.lock().unwrap().clone();
    // destructor order between two TLS keys of one thread is not specified: sort within each thread's group
    let mut out = Vec::new();
    let mut group = Vec::new();
    for e in ev.drain(..) {
        if e.starts_with("joined") { group.sort(); out.append(&mut group); out.push(e); } else { group.push(e); }
    }
    for e in out { println!("{}", e); }
}
