// Forced unwinding: pthread_exit (declared "C-unwind") in a raw pthread runs the Rust destructors of every live frame (cleanup landing pads, a held MutexGuard is released); then the same through a std::thread, whose catch_unwind frame aborts on the foreign forced unwind.
use std::cell::RefCell;
use std::ffi::c_void;
use std::hint::black_box;
use std::sync::Mutex;

unsafe extern "C-unwind" {
    fn pthread_exit(v: *mut c_void) -> !;
}

unsafe extern "C" {
    fn pthread_create(
        thread: *mut usize,
        attr: *const c_void,
        start: extern "C-unwind" fn(*mut c_void) -> *mut c_void,
        arg: *mut c_void,
    ) -> i32;
    fn pthread_join(thread: usize, ret: *mut *mut c_void) -> i32;
}

static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());
static SHARED: Mutex<u32> = Mutex::new(0);

// Once set, log lines go straight to stdout (the process aborts before main could print them).
static DIRECT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn log(s: String) {
    if DIRECT.load(std::sync::atomic::Ordering::SeqCst) {
        println!("  {s}");
        return;
    }
    LOG.lock().unwrap().push(s);
}

struct D(String);
impl Drop for D {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

struct TlsDrop;
impl Drop for TlsDrop {
    fn drop(&mut self) {
        log("drop thread-local".to_string());
    }
}

thread_local! {
    static TLS: RefCell<Option<TlsDrop>> = const { RefCell::new(None) };
}

#[inline(never)]
fn exit_now(code: usize) -> ! {
    let _last = D("exit_now frame".into());
    log(format!("calling pthread_exit({code})"));
    unsafe { pthread_exit(black_box(code) as *mut c_void) }
}

#[inline(never)]
fn recurse(depth: u32, code: usize) -> u32 {
    let _d = D(format!("recurse {depth}"));
    if depth == 0 {
        exit_now(code);
    }
    recurse(depth - 1, code) + 1
}

#[inline(never)]
fn generic_frame<T: std::fmt::Debug>(v: T, code: usize) -> u32 {
    let _d = D(format!("generic {v:?}"));
    let items: Vec<D> = (0..3).map(|i| D(format!("vec item {i}"))).collect();
    black_box(&items);
    let guard = SHARED.lock().unwrap();
    let r = recurse(3, code);
    drop(guard);
    r
}

extern "C-unwind" fn start(arg: *mut c_void) -> *mut c_void {
    let code = arg as usize;
    TLS.with(|t| *t.borrow_mut() = Some(TlsDrop));
    let _top = D("thread start routine".into());
    let boxed = Box::new(D("boxed".into()));
    let closure = move || {
        let _c = D("closure".into());
        black_box(&boxed);
        generic_frame((1u8, "x"), code)
    };
    let r = closure();
    log(format!("not reached {r}"));
    std::ptr::null_mut()
}

fn main() {
    println!("== raw pthread + pthread_exit");
    let mut tid = 0usize;
    let rc = unsafe { pthread_create(&mut tid, std::ptr::null(), start, 77 as *mut c_void) };
    println!("pthread_create rc {rc}");
    let mut ret: *mut c_void = std::ptr::null_mut();
    let rc = unsafe { pthread_join(tid, &mut ret) };
    println!("pthread_join rc {rc}, exit value {}", ret as usize);
    for l in LOG.lock().unwrap().drain(..) {
        println!("  {l}");
    }
    // The MutexGuard held in generic_frame was released by the forced unwind (not poisoned: it is not a panic).
    match SHARED.try_lock() {
        Ok(g) => println!("shared mutex free, value {}", *g),
        Err(e) => println!("shared mutex: {e}"),
    }

    println!("== std::thread + pthread_exit");
    // std::thread::spawn runs the closure inside catch_unwind: the forced unwind runs the
    // destructors of the inner frames, then the catch frame aborts the process.
    DIRECT.store(true, std::sync::atomic::Ordering::SeqCst);
    let h = std::thread::spawn(|| {
        let _t = D("std thread closure".into());
        generic_frame(2u64, 5)
    });
    let r = h.join();
    println!("unreachable: {}", r.is_err());
}
