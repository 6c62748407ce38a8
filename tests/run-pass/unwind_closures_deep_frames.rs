// Panics in closures passed through generic code, &dyn Fn, Box<dyn FnMut>, fn pointers, trait-object methods and iterator adapters, and across 50 recursive frames with a Drop in each frame (drops printed in order).
use std::cell::RefCell;
use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn log(s: String) {
    LOG.with(|l| l.borrow_mut().push(s));
}

fn flush(title: &str, r: std::thread::Result<impl std::fmt::Debug>) {
    let res = match r {
        Ok(v) => format!("Ok({v:?})"),
        Err(p) => format!(
            "Err({})",
            p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
        ),
    };
    println!("== {title}: {res}");
    let lines = LOG.with(|l| std::mem::take(&mut *l.borrow_mut()));
    // Compress runs of "drop frame N" into one line per 10 so the output stays readable but exact.
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        out.push_str(l);
        out.push(if i % 10 == 9 { '\n' } else { ' ' });
    }
    for l in out.lines() {
        println!("   {}", l.trim_end());
    }
}

struct Frame(u32);
impl Drop for Frame {
    fn drop(&mut self) {
        log(format!("d{}", self.0));
    }
}

#[inline(never)]
fn recurse(n: u32, f: &dyn Fn(u32) -> u32) -> u32 {
    let _f = Frame(n);
    if n == 0 {
        return f(n);
    }
    let r = recurse(n - 1, f);
    r + 1
}

// Generic recursion: every level is a different closure type wrapping the previous one.
fn apply<F: FnOnce(u32) -> u32>(f: F, x: u32) -> u32 {
    let _g = Frame(1000 + x);
    f(x)
}

fn twice<F: Fn(u32) -> u32>(f: F) -> impl Fn(u32) -> u32 {
    move |x| {
        let _g = Frame(2000 + x);
        f(f(x))
    }
}

trait Visitor {
    fn visit(&mut self, x: u32) -> u32;
}
struct Picky {
    seen: Vec<u32>,
    _guard: Frame,
}
impl Visitor for Picky {
    fn visit(&mut self, x: u32) -> u32 {
        self.seen.push(x);
        if x == black_box(13) {
            panic!("picky rejects {x}");
        }
        x
    }
}

fn visit_all(v: &mut dyn Visitor, xs: &[u32]) -> u32 {
    let _g = Frame(3000);
    xs.iter().map(|&x| v.visit(x)).sum()
}

fn main() {
    std::panic::set_hook(Box::new(|info| {
        log(format!("[hook: {}]", info.payload_as_str().unwrap_or("?")));
    }));
    let limit = black_box(0u32);

    let r = catch_unwind(|| {
        recurse(black_box(50), &|x| {
            let _c = Frame(999);
            if x == limit {
                panic!("bottom of 50 frames");
            }
            x
        })
    });
    flush("recursion depth 50 via &dyn Fn", r);

    let r = catch_unwind(|| recurse(black_box(20), &|x| x + 7));
    flush("recursion depth 20, no panic", r);

    let r = catch_unwind(|| {
        let f = twice(twice(twice(|x: u32| {
            let _g = Frame(4000 + x);
            if x >= black_box(3) {
                panic!("generic closure at {x}");
            }
            x + 1
        })));
        apply(f, 0)
    });
    flush("nested generic closures (twice^3)", r);

    let r = catch_unwind(|| {
        let mut counter = 0u32;
        let mut boxed: Box<dyn FnMut() -> u32> = Box::new(|| {
            counter += 1;
            let _g = Frame(5000 + counter);
            if counter == black_box(4) {
                panic!("FnMut call {counter}");
            }
            counter
        });
        let mut total = 0;
        for _ in 0..10 {
            total += boxed();
        }
        total
    });
    flush("Box<dyn FnMut>", r);

    let r = catch_unwind(|| {
        fn step(x: u32) -> u32 {
            let _g = Frame(6000 + x);
            if x == black_box(6) {
                panic!("fn pointer at {x}");
            }
            x
        }
        let table: [fn(u32) -> u32; 2] = [step, |x| x * 100];
        let table = black_box(table);
        (0..10).map(|i| table[(i % 2) as usize](i)).fold(0, |a, b| a + b)
    });
    flush("fn pointer table in fold", r);

    let mut picky = Picky { seen: vec![], _guard: Frame(7000) };
    let r = catch_unwind(AssertUnwindSafe(|| visit_all(&mut picky, &[1, 5, 13, 21])));
    flush("&mut dyn Visitor", r);
    println!("   picky saw {:?}", picky.seen);
    drop(picky);
    flush("after drop(picky)", Ok(()));

    let r = catch_unwind(|| {
        let v: Vec<u32> = (0..20).collect();
        v.iter()
            .map(|&x| {
                let _g = Frame(8000 + x);
                x
            })
            .filter(|&x| x % 2 == 1)
            .map(|x| if x > black_box(8) { panic!("adapter chain at {x}") } else { x })
            .collect::<Vec<_>>()
    });
    flush("iterator adapter chain", r);

    let mut v: Vec<u32> = black_box(vec![5, 3, 9, 1, 7, 2, 8]);
    let r = catch_unwind(AssertUnwindSafe(|| {
        v.sort_by(|a, b| {
            if *a == 1 || *b == 1 {
                panic!("comparator sees 1");
            }
            a.cmp(b)
        });
    }));
    flush("sort_by comparator", r);
    // After a panicking comparator the slice is still a permutation of the input.
    println!("   after sort panic: {v:?}");

    // Closure returned from a function and called through a generic Fn bound on another thread-local-free path.
    fn make_checker(max: u32) -> impl Fn(u32) -> Result<u32, String> {
        move |x| {
            let _g = Frame(9000 + x);
            if x > max {
                panic!("checker: {x} > {max}");
            }
            Ok(x)
        }
    }
    fn run_all<F: Fn(u32) -> Result<u32, String>>(f: &F, xs: &[u32]) -> Result<u32, String> {
        let mut s = 0;
        for &x in xs {
            s += f(x)?;
        }
        Ok(s)
    }
    let checker = make_checker(black_box(10));
    let r = catch_unwind(|| run_all(&checker, &[1, 2, 3]));
    flush("run_all ok", r);
    let r = catch_unwind(|| run_all(&checker, &[4, 11, 5]));
    flush("run_all panics", r);
}
