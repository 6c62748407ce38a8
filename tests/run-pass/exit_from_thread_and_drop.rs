// process::exit called from a spawned thread while main waits; destructors of main's locals do not run.
use std::hint::black_box;
use std::sync::mpsc;
use std::thread;

struct Loud;
impl Drop for Loud { fn drop(&mut self) { println!("Loud dropped (should not happen)"); } }

fn main() {
    let _l = Loud;
    let (tx, rx) = mpsc::channel();
    let h = thread::spawn(move || {
        let v: u64 = rx.recv().unwrap();
        println!("worker got {}", v);
        std::process::exit(black_box(42));
    });
    println!("main sending");
    tx.send(black_box(7u64)).unwrap();
    h.join().unwrap();
    println!("unreachable");
}
