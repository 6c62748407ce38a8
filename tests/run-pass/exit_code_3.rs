// process::exit with a nonzero code after buffered stdout output (must be flushed) and stderr output.
use std::hint::black_box;
use std::process;

fn main() {
    for i in 0..5 { println!("line {}", i * black_box(3)); }
    print!("no newline at the end");
    eprintln!("about to exit with 3");
    process::exit(black_box(3));
}
