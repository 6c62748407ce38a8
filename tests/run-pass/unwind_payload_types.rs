// resume_unwind and panic_any with non-string payloads (i32, structs, big structs, ZSTs, boxed String, Box<dyn Any>), downcast on the catch side; payload drop runs once.
use std::any::Any;
use std::hint::black_box;
use std::panic::{catch_unwind, panic_any, resume_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i64,
    y: i64,
    label: &'static str,
}

#[derive(Debug)]
struct Big([u64; 32]);

#[derive(Debug)]
struct Zst;

static PAYLOAD_DROPS: AtomicUsize = AtomicUsize::new(0);

#[derive(Debug)]
struct Tracked(u32);
impl Drop for Tracked {
    fn drop(&mut self) {
        PAYLOAD_DROPS.fetch_add(1, Ordering::SeqCst);
        println!("payload Tracked({}) dropped", self.0);
    }
}

fn describe(p: Box<dyn Any + Send>) -> String {
    let p = match p.downcast::<i32>() {
        Ok(v) => return format!("i32 {v}"),
        Err(p) => p,
    };
    let p = match p.downcast::<Point>() {
        Ok(v) => return format!("Point {v:?}"),
        Err(p) => p,
    };
    let p = match p.downcast::<String>() {
        Ok(v) => return format!("String {v:?}"),
        Err(p) => p,
    };
    let p = match p.downcast::<&'static str>() {
        Ok(v) => return format!("&str {v:?}"),
        Err(p) => p,
    };
    let p = match p.downcast::<Big>() {
        Ok(v) => return format!("Big sum={} last={}", v.0.iter().sum::<u64>(), v.0[31]),
        Err(p) => p,
    };
    let p = match p.downcast::<Zst>() {
        Ok(v) => return format!("Zst {v:?}"),
        Err(p) => p,
    };
    let p = match p.downcast::<Tracked>() {
        Ok(v) => return format!("Tracked {}", v.0),
        Err(p) => p,
    };
    let p = match p.downcast::<Box<dyn Any + Send>>() {
        Ok(inner) => return format!("boxed({})", describe(*inner)),
        Err(p) => p,
    };
    let p = match p.downcast::<(u8, u128, char)>() {
        Ok(v) => return format!("tuple {v:?}"),
        Err(p) => p,
    };
    let p = match p.downcast::<Option<Vec<i16>>>() {
        Ok(v) => return format!("Option<Vec> {v:?}"),
        Err(p) => p,
    };
    let _ = p;
    "unknown".to_string()
}

#[inline(never)]
fn deep_resume(n: u32, payload: Box<dyn Any + Send>) -> u32 {
    if n == 0 {
        resume_unwind(payload);
    }
    let s = format!("frame {n}");
    let r = deep_resume(n - 1, payload);
    black_box(s).len() as u32 + r
}

fn main() {
    // A hook that is only called by panic_any (resume_unwind does not call the hook).
    std::panic::set_hook(Box::new(|info| {
        let p = info.payload();
        let kind = if p.is::<i32>() {
            "i32"
        } else if p.is::<Point>() {
            "Point"
        } else if p.is::<&str>() {
            "&str"
        } else if p.is::<String>() {
            "String"
        } else {
            "other"
        };
        println!("hook: payload kind {kind}, as_str {:?}", info.payload_as_str());
    }));

    let payloads: Vec<Box<dyn Fn() -> Box<dyn Any + Send> + std::panic::RefUnwindSafe>> = vec![
        Box::new(|| Box::new(black_box(-42i32))),
        Box::new(|| Box::new(Point { x: black_box(3), y: -7, label: "p" })),
        Box::new(|| Box::new(format!("owned {}", black_box(5)))),
        Box::new(|| Box::new(black_box("static str"))),
        Box::new(|| {
            let mut a = [0u64; 32];
            for (i, v) in a.iter_mut().enumerate() {
                *v = black_box(i as u64 * 3);
            }
            Box::new(Big(a))
        }),
        Box::new(|| Box::new(Zst)),
        Box::new(|| Box::new(Box::new(String::from("inner string")) as Box<dyn Any + Send>)),
        Box::new(|| Box::new((black_box(7u8), u128::MAX - 1, 'λ'))),
        Box::new(|| Box::new(Some(vec![black_box(-1i16), 2, 3]))),
        Box::new(|| Box::new(black_box(1.5f64))),
    ];

    println!("== resume_unwind");
    for (i, mk) in payloads.iter().enumerate() {
        let r = catch_unwind(|| -> u32 { resume_unwind(mk()) });
        println!("{i}: {}", describe(r.unwrap_err()));
    }

    println!("== resume_unwind through 20 frames");
    for (i, mk) in payloads.iter().enumerate().take(4) {
        let r = catch_unwind(|| deep_resume(20, mk()));
        println!("{i}: {}", describe(r.unwrap_err()));
    }

    println!("== panic_any");
    let r = catch_unwind(|| panic_any(black_box(99i32)));
    println!("{}", describe(r.unwrap_err()));
    let r = catch_unwind(|| panic_any(Point { x: 1, y: 2, label: "any" }));
    println!("{}", describe(r.unwrap_err()));
    let r = catch_unwind(|| panic_any("any str"));
    println!("{}", describe(r.unwrap_err()));
    let r = catch_unwind(|| panic_any(String::from("any String")));
    println!("{}", describe(r.unwrap_err()));

    println!("== payload with Drop");
    let r = catch_unwind(|| resume_unwind(Box::new(Tracked(1))));
    let e = r.unwrap_err();
    println!("drops before downcast: {}", PAYLOAD_DROPS.load(Ordering::SeqCst));
    println!("{}", describe(e));
    println!("drops after describe: {}", PAYLOAD_DROPS.load(Ordering::SeqCst));
    let r = catch_unwind(|| panic_any(Tracked(2)));
    let e = r.unwrap_err();
    println!("is Tracked: {}", e.is::<Tracked>());
    drop(e);
    println!("drops after drop: {}", PAYLOAD_DROPS.load(Ordering::SeqCst));
    // Rethrow the same payload several times; it must be dropped once at the end.
    let mut p: Box<dyn Any + Send> = Box::new(Tracked(3));
    for round in 0..5 {
        p = catch_unwind(std::panic::AssertUnwindSafe(|| resume_unwind(p))).unwrap_err();
        println!("round {round}: still Tracked {}", p.downcast_ref::<Tracked>().unwrap().0);
    }
    drop(p);
    println!("drops at end: {}", PAYLOAD_DROPS.load(Ordering::SeqCst));

    println!("== downcast_ref on the caught payload keeps the value intact");
    let r = catch_unwind(|| resume_unwind(Box::new(Point { x: i64::MIN, y: i64::MAX, label: "extremes" })));
    let e = r.unwrap_err();
    let p = e.downcast_ref::<Point>().unwrap().clone();
    println!("{p:?} {}", p == Point { x: i64::MIN, y: i64::MAX, label: "extremes" });
}
