// Hand-written join of several futures polled round-robin, a future enum state machine, and drop of unfinished futures (drop order printed).
use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct Countdown { name: &'static str, n: u32, log: bool }
impl Future for Countdown {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<&'static str> {
        if self.log { println!("poll {} n={}", self.name, self.n); }
        if self.n == 0 { Poll::Ready(self.name) } else { self.n -= 1; Poll::Pending }
    }
}
impl Drop for Countdown { fn drop(&mut self) { println!("drop {} at n={}", self.name, self.n); } }

async fn task(name: &'static str, n: u32) -> String {
    let r = Countdown { name, n, log: false }.await;
    format!("{}-done", r)
}

fn join_all(mut futs: Vec<Pin<Box<dyn Future<Output = String>>>>) -> Vec<(usize, String, u32)> {
    let mut cx = Context::from_waker(Waker::noop());
    let mut done: Vec<Option<(String, u32)>> = futs.iter().map(|_| None).collect();
    let mut round = 0;
    while done.iter().any(|d| d.is_none()) {
        round += 1;
        for (i, f) in futs.iter_mut().enumerate() {
            if done[i].is_none() {
                if let Poll::Ready(v) = f.as_mut().poll(&mut cx) { done[i] = Some((v, round)); }
            }
        }
    }
    done.into_iter().enumerate().map(|(i, d)| { let (s, r) = d.unwrap(); (i, s, r) }).collect()
}

fn main() {
    let futs: Vec<Pin<Box<dyn Future<Output = String>>>> = vec![Box::pin(task("a", black_box(3))), Box::pin(task("b", 0)), Box::pin(task("c", 5)), Box::pin(task("d", 1))];
    for (i, s, r) in join_all(futs) { println!("{} {} finished in round {}", i, s, r); }
    let mut cx = Context::from_waker(Waker::noop());
    let mut first = Box::pin(Countdown { name: "first", n: 2, log: true });
    let mut second = Box::pin(Countdown { name: "second", n: 1, log: true });
    let winner = loop {
        if let Poll::Ready(v) = first.as_mut().poll(&mut cx) { break v; }
        if let Poll::Ready(v) = second.as_mut().poll(&mut cx) { break v; }
    };
    println!("winner {}", winner);
    drop(first);
    println!("after dropping loser");
    let mut unfinished = Box::pin(task("never", 100));
    let _ = unfinished.as_mut().poll(&mut cx);
    drop(unfinished);
    println!("end");
}
