// async fns and blocks driven by a minimal block_on with Waker::noop: coroutine state machines holding locals of many types across awaits.
use std::future::Future;
use std::hint::black_box;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct YieldN { left: u32 }
impl Future for YieldN {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 { Poll::Ready(7) } else { self.left -= 1; Poll::Pending }
    }
}

fn block_on<F: Future>(f: F) -> (F::Output, u32) {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) { return (v, polls); }
    }
}

async fn leaf(x: u64) -> u64 {
    let y = YieldN { left: (x % 3) as u32 }.await as u64;
    x * 10 + y
}

async fn middle(xs: Vec<u64>) -> (u64, String) {
    let mut total = 0u64;
    let mut log = String::new();
    let big = [black_box(1u128); 8];
    for x in xs {
        let f = black_box(x as f64 * 0.5);
        let v = leaf(x).await;
        total += v;
        log.push_str(&format!("{}:{}:{:?} ", x, v, f));
    }
    (total + big.iter().sum::<u128>() as u64, log)
}

async fn recursive_boxed(n: u32) -> u64 {
    if n == 0 { return 1; }
    let a = Box::pin(recursive_boxed(n - 1)).await;
    YieldN { left: 1 }.await;
    a * 2 + n as u64
}

fn main() {
    let (r, polls) = block_on(middle(vec![1, 2, 3, 4, 5]));
    println!("{:?} polls {}", r, polls);
    let (r, polls) = block_on(recursive_boxed(black_box(10)));
    println!("{} polls {}", r, polls);
    let captured = String::from("cap");
    let fut = async move {
        let a = leaf(black_box(9)).await;
        let b = async { YieldN { left: 2 }.await * 3 }.await;
        format!("{} {} {}", captured, a, b)
    };
    println!("size of future > 0: {}", size_of_val(&fut) > 0);
    println!("{:?}", block_on(fut));
    let futs: Vec<Pin<Box<dyn Future<Output = u64>>>> = (0..4).map(|i| Box::pin(leaf(i)) as Pin<Box<dyn Future<Output = u64>>>).collect();
    let mut sum = 0;
    for f in futs { sum += block_on(f).0; }
    println!("dyn futures sum {}", sum);
}
