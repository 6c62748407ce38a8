// main returning Result<(), E>: an Err is printed with Debug on stderr and the exit code is 1.
use std::hint::black_box;

#[derive(Debug)]
#[allow(dead_code)]
struct AppError { code: u16, msg: String }

fn run(n: u32) -> Result<u32, AppError> {
    if n > 3 { Err(AppError { code: 500 + n as u16, msg: format!("n={} is too big", n) }) } else { Ok(n * 2) }
}

fn main() -> Result<(), AppError> {
    for n in 0..10 {
        let v = run(black_box(n))?;
        println!("ok {}", v);
    }
    Ok(())
}
