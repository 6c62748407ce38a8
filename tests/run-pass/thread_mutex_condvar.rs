// Arc<Mutex<_>> and RwLock shared state updated by many threads, Condvar-based handoff, and deterministic final results.
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::thread;

fn main() {
    let counter = Arc::new(Mutex::new(0u64));
    let map = Arc::new(Mutex::new(BTreeMap::new()));
    let hs: Vec<_> = (0..8u64).map(|t| {
        let (c, m) = (counter.clone(), map.clone());
        thread::spawn(move || {
            for i in 0..black_box(500u64) {
                *c.lock().unwrap() += i % 7;
                if i % 50 == 0 { *m.lock().unwrap().entry(i).or_insert(0u64) += t; }
            }
        })
    }).collect();
    for h in hs { h.join().unwrap(); }
    println!("counter {}", *counter.lock().unwrap());
    println!("map {:?}", map.lock().unwrap());

    let rw = Arc::new(RwLock::new(vec![1u32, 2, 3]));
    {
        let w = rw.clone();
        thread::spawn(move || w.write().unwrap().push(4)).join().unwrap();
    }
    let readers: Vec<_> = (0..4).map(|k| { let r = rw.clone(); thread::spawn(move || r.read().unwrap().iter().map(|x| x * k).sum::<u32>()) }).collect();
    println!("{:?}", readers.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>());

    // ping-pong with a condvar: strictly alternating turns
    let pair = Arc::new((Mutex::new((0u32, Vec::<String>::new())), Condvar::new()));
    let p2 = pair.clone();
    let other = thread::spawn(move || {
        let (lock, cv) = &*p2;
        for i in 0..5 {
            let mut g = cv.wait_while(lock.lock().unwrap(), |s| s.0 % 2 == 0).unwrap();
            g.1.push(format!("pong{}", i));
            g.0 += 1;
            cv.notify_all();
        }
    });
    {
        let (lock, cv) = &*pair;
        for i in 0..5 {
            let mut g = cv.wait_while(lock.lock().unwrap(), |s| s.0 % 2 == 1).unwrap();
            g.1.push(format!("ping{}", i));
            g.0 += 1;
            cv.notify_all();
        }
    }
    other.join().unwrap();
    println!("{:?}", pair.0.lock().unwrap().1);
    let m = Mutex::new(5);
    { let mut g = m.lock().unwrap(); *g *= 3; }
    println!("try_lock {:?} into_inner {}", m.try_lock().map(|g| *g).ok(), m.into_inner().unwrap());
}
