// Spawning threads with move closures, returning values through join, Builder with name and stack size, scoped threads borrowing locals.
use std::hint::black_box;
use std::thread;

fn work(id: u64, n: u64) -> (u64, u64, String) {
    let mut h = id;
    for i in 0..n { h = h.wrapping_mul(6364136223846793005).wrapping_add(i ^ id); }
    let name = thread::current().name().unwrap_or("<unnamed>").to_string();
    (id, h, name)
}

fn main() {
    let handles: Vec<thread::JoinHandle<(u64, u64, String)>> = (0..6).map(|i| thread::spawn(move || work(i, black_box(10_000)))).collect();
    for h in handles {
        let (id, hash, name) = h.join().unwrap();
        println!("thread {} -> {:#018x} {}", id, hash, name);
    }
    let named = thread::Builder::new().name("custom-name".into()).stack_size(4 << 20).spawn(|| work(99, 5)).unwrap();
    println!("{:?}", named.join().unwrap());
    let mut data: Vec<u32> = (0..1000).map(|x| black_box(x)).collect();
    let total: u64 = thread::scope(|sc| {
        let (left, right) = data.split_at_mut(500);
        let h1 = sc.spawn(move || { for x in left.iter_mut() { *x *= 2; } left.iter().map(|&x| x as u64).sum::<u64>() });
        let h2 = sc.spawn(move || { for x in right.iter_mut() { *x += 1; } right.iter().map(|&x| x as u64).sum::<u64>() });
        h1.join().unwrap() + h2.join().unwrap()
    });
    println!("scoped total {} first {:?} last {:?}", total, &data[..3], &data[997..]);
    let chunks: Vec<u64> = thread::scope(|sc| {
        let hs: Vec<_> = data.chunks(100).map(|c| sc.spawn(move || c.iter().map(|&x| (x as u64) * (x as u64)).sum::<u64>())).collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    println!("{:?}", chunks);
    let nested = thread::spawn(|| thread::spawn(|| 7u8).join().unwrap() * 6).join().unwrap();
    println!("nested {}", nested);
    println!("main thread name {:?}", thread::current().name());
}
