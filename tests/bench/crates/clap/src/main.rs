use clap::Parser;

/// Greets someone a number of times.
#[derive(Parser, Debug)]
struct Args {
    #[arg(short, long, default_value = "world")]
    name: String,
    #[arg(short, long, default_value_t = 1)]
    count: u8,
}

fn main() {
    let args = Args::parse();
    for _ in 0..args.count {
        println!("hello {}", args.name);
    }
}
