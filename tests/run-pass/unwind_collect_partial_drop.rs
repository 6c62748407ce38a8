// A panicking iterator inside collect::<Vec<Droppy>>(), Vec::extend, HashMap/String extend and in-place collect: already-built elements are dropped exactly once (counted with static AtomicUsize).
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

static CREATED: AtomicUsize = AtomicUsize::new(0);
static DROPPED: AtomicUsize = AtomicUsize::new(0);
// Bit i set when element with id i has been dropped; a second drop of the same id is counted separately.
static DROP_MASK: AtomicUsize = AtomicUsize::new(0);
static DOUBLE_DROPS: AtomicUsize = AtomicUsize::new(0);

#[derive(Debug)]
struct Droppy {
    id: usize,
    payload: Box<u64>,
}

impl Droppy {
    fn new(id: usize) -> Droppy {
        CREATED.fetch_add(1, Ordering::SeqCst);
        Droppy { id, payload: Box::new(id as u64 * 1000) }
    }
}

impl Drop for Droppy {
    fn drop(&mut self) {
        DROPPED.fetch_add(1, Ordering::SeqCst);
        let bit = 1usize << (self.id % 64);
        if DROP_MASK.fetch_or(bit, Ordering::SeqCst) & bit != 0 {
            DOUBLE_DROPS.fetch_add(1, Ordering::SeqCst);
        }
        assert_eq!(*self.payload, self.id as u64 * 1000, "payload corrupted");
    }
}

fn reset() {
    CREATED.store(0, Ordering::SeqCst);
    DROPPED.store(0, Ordering::SeqCst);
    DROP_MASK.store(0, Ordering::SeqCst);
    DOUBLE_DROPS.store(0, Ordering::SeqCst);
}

fn report<T>(name: &str, r: std::thread::Result<T>) {
    let msg = match r {
        Ok(_) => "no panic".to_string(),
        Err(p) => p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    };
    println!(
        "{name}: {msg}; created {} dropped {} mask {:#x} double {}",
        CREATED.load(Ordering::SeqCst),
        DROPPED.load(Ordering::SeqCst),
        DROP_MASK.load(Ordering::SeqCst),
        DOUBLE_DROPS.load(Ordering::SeqCst)
    );
    reset();
}

fn make(i: usize, fail_at: usize) -> Droppy {
    if i == fail_at {
        panic!("fail at {i}");
    }
    Droppy::new(i)
}

// An iterator with an exact size_hint so that collect preallocates.
struct Exact {
    i: usize,
    n: usize,
    fail_at: usize,
}
impl Iterator for Exact {
    type Item = Droppy;
    fn next(&mut self) -> Option<Droppy> {
        if self.i == self.n {
            return None;
        }
        self.i += 1;
        Some(make(self.i - 1, self.fail_at))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.n - self.i, Some(self.n - self.i))
    }
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));
    let fail_at = black_box(7usize);

    let r = catch_unwind(|| (0..20).map(|i| make(i, fail_at)).collect::<Vec<Droppy>>());
    report("collect Vec (range map)", r);

    let r = catch_unwind(|| Exact { i: 0, n: 20, fail_at }.collect::<Vec<Droppy>>());
    report("collect Vec (exact size)", r);

    let r = catch_unwind(|| (0..20).filter(|i| i % 2 == 0).map(|i| make(i, 12)).collect::<Vec<Droppy>>());
    report("collect Vec (filter, no size)", r);

    let r = catch_unwind(|| (0..20).map(|i| make(i, 0)).collect::<Vec<Droppy>>());
    report("collect Vec (fail at first)", r);

    let r = catch_unwind(|| (0..10).map(|i| make(i, 99)).collect::<Vec<Droppy>>().len());
    report("collect Vec (no failure)", r);

    let r = catch_unwind(|| {
        let mut v: Vec<Droppy> = (0..3).map(Droppy::new).collect();
        v.extend((3..15).map(|i| make(i, 9)));
        v
    });
    report("Vec::extend", r);

    // In-place collect: the source Vec<Droppy> is reused for the output.
    let r = catch_unwind(|| {
        let v: Vec<Droppy> = (0..12).map(Droppy::new).collect();
        v.into_iter()
            .map(|d| {
                if d.id == black_box(5) {
                    panic!("in-place at {}", d.id);
                }
                Droppy::new(d.id + 20)
            })
            .collect::<Vec<Droppy>>()
    });
    report("in-place collect", r);

    let r = catch_unwind(|| (0..20).map(|i| make(i, fail_at)).collect::<VecDeque<Droppy>>());
    report("collect VecDeque", r);

    let r = catch_unwind(|| (0..20).map(|i| (i, make(i, fail_at))).collect::<BTreeMap<usize, Droppy>>());
    report("collect BTreeMap", r);

    let r = catch_unwind(|| (0..20).map(|i| (i, make(i, fail_at))).collect::<HashMap<usize, Droppy>>().len());
    report("collect HashMap", r);

    let r = catch_unwind(|| {
        let mut m: HashMap<usize, Droppy> = HashMap::new();
        m.insert(100 % 64 + 0, Droppy::new(40));
        m.extend((0..20).map(|i| (i, make(i, 11))));
        m.len()
    });
    report("HashMap::extend", r);

    let r = catch_unwind(|| (0..20).map(|i| make(i, fail_at)).collect::<Box<[Droppy]>>());
    report("collect Box<[_]>", r);

    let r = catch_unwind(|| (0..20).map(|i| make(i, fail_at)).collect::<std::rc::Rc<[Droppy]>>());
    report("collect Rc<[_]>", r);

    // Option/Result collect short-circuit vs panic.
    let r = catch_unwind(|| (0..20).map(|i| if i == 9 { None } else { Some(make(i, 99)) }).collect::<Option<Vec<Droppy>>>().is_none());
    report("collect Option (None, no panic)", r);
    let r = catch_unwind(|| (0..20).map(|i| Ok::<_, ()>(make(i, 6))).collect::<Result<Vec<Droppy>, ()>>());
    report("collect Result (panic)", r);

    // String extend with a panicking char iterator: the String is dropped once.
    let mut s = String::from("start:");
    let r = catch_unwind(AssertUnwindSafe(|| {
        s.extend((0..10u8).map(|i| {
            if i == black_box(6) {
                panic!("char {i}");
            }
            (b'a' + i) as char
        }));
    }));
    report("String::extend", r);
    println!("string after: {s:?}");

    let r = catch_unwind(|| (0..10u32).map(|i| if i == 4 { panic!("str piece") } else { format!("<{i}>") }).collect::<String>());
    report("collect String", r);

    // clone of a Vec where the element clone panics halfway
    #[derive(Debug)]
    struct Cl(usize);
    impl Clone for Cl {
        fn clone(&self) -> Cl {
            if self.0 == black_box(4) {
                panic!("clone {}", self.0);
            }
            CREATED.fetch_add(1, Ordering::SeqCst);
            Cl(self.0)
        }
    }
    impl Drop for Cl {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::SeqCst);
        }
    }
    let src: Vec<Cl> = (0..8).map(Cl).collect();
    let r = catch_unwind(|| src.clone());
    report("Vec::clone (panicking Clone)", r);
    let r = catch_unwind(|| src[..3].to_vec().len());
    report("to_vec (no panic)", r);
    drop(src);
    report("drop src", Ok(()));

    // vec![elem; n] with a panicking clone
    let r = catch_unwind(|| vec![Cl(black_box(1)); 3].len());
    report("vec![x; n] ok", r);
    let r = catch_unwind(|| vec![Cl(black_box(4)); 3].len());
    report("vec![x; n] clone panics", r);
}
