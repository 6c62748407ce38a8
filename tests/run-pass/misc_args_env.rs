// Command-line arguments (argv[0] skipped) and environment variables passed via directives; OsString handling.
//@ run-args: alpha --beta=2 "quoted" 42
//@ exec-env: DIFFTEST_FOO=bar baz
//@ exec-env: DIFFTEST_NUM=12345
//@ check-stdout-nonempty
use std::env;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    println!("{} args: {:?}", args.len(), args);
    let nums: Vec<i64> = args.iter().filter_map(|a| a.parse().ok()).collect();
    println!("numeric {:?}", nums);
    println!("FOO={:?}", env::var("DIFFTEST_FOO"));
    let n: u64 = env::var("DIFFTEST_NUM").unwrap().parse().unwrap();
    println!("NUM*2={}", n * 2);
    println!("missing {:?}", env::var("DIFFTEST_DEFINITELY_MISSING").is_err());
    println!("args_os {}", env::args_os().count());
    let mut vars: Vec<(String, String)> = env::vars().filter(|(k, _)| k.starts_with("DIFFTEST_")).collect();
    vars.sort();
    println!("{:?}", vars);
}
