// mpsc channels (multiple producers, sync_channel with bound), Barrier rendezvous in rounds; outputs sorted or sequenced to be deterministic.
use std::hint::black_box;
use std::sync::mpsc;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<(u32, u64)>();
    let mut hs = Vec::new();
    for id in 0..4u32 {
        let tx = tx.clone();
        hs.push(thread::spawn(move || {
            for k in 0..black_box(25u64) { tx.send((id, k * k + id as u64)).unwrap(); }
        }));
    }
    drop(tx);
    let mut got: Vec<(u32, u64)> = rx.iter().collect();
    for h in hs { h.join().unwrap(); }
    got.sort();
    println!("received {} sum {} first {:?} last {:?}", got.len(), got.iter().map(|x| x.1).sum::<u64>(), got.first(), got.last());
    // per-producer ordering is FIFO
    let in_order = (0..4).all(|id| { let v: Vec<u64> = got.iter().filter(|x| x.0 == id).map(|x| x.1).collect(); v.windows(2).all(|w| w[0] < w[1]) });
    println!("fifo per producer {}", in_order);

    let (stx, srx) = mpsc::sync_channel::<String>(2);
    let prod = thread::spawn(move || { for i in 0..10 { stx.send(format!("msg{}", i)).unwrap(); } });
    let msgs: Vec<String> = srx.iter().collect();
    prod.join().unwrap();
    println!("{:?}", msgs);
    let (t2, r2) = mpsc::channel::<i32>();
    drop(t2);
    println!("recv on closed {:?} try_recv {:?}", r2.recv().is_err(), r2.try_recv().is_err());

    let n = 4;
    let barrier = Arc::new(Barrier::new(n));
    let log = Arc::new(Mutex::new(Vec::new()));
    let hs: Vec<_> = (0..n).map(|i| {
        let (b, l) = (barrier.clone(), log.clone());
        thread::spawn(move || {
            let mut leaders = 0;
            for round in 0..3 {
                l.lock().unwrap().push((round, i));
                if b.wait().is_leader() { leaders += 1; }
                // every thread logged this round before anyone passes the barrier
                let count = l.lock().unwrap().iter().filter(|e| e.0 == round).count();
                assert!(count == n);
                b.wait();
            }
            leaders
        })
    }).collect();
    let leaders: usize = hs.into_iter().map(|h| h.join().unwrap()).sum();
    let mut l = log.lock().unwrap().clone();
    l.sort();
    println!("barrier leaders {} log {:?}", leaders, l);
}
