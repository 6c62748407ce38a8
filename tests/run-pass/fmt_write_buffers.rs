// fmt::Write into String, io::Write into Vec<u8> and a fixed buffer (io::Cursor), write! error on full buffer, eprintln/print! interleaving on separate streams.
use std::fmt::Write as FmtWrite;
use std::hint::black_box;
use std::io::{Cursor, Write};

fn main() {
    let mut s = String::new();
    for i in 0..black_box(8) { write!(s, "{}:{:.2};", i, (i as f64).sqrt()).unwrap(); }
    println!("{}", s);
    let mut v: Vec<u8> = Vec::new();
    writeln!(v, "bytes {} {:?}", 42, [1, 2]).unwrap();
    v.write_all(b"raw\n").unwrap();
    print!("{}", String::from_utf8(v.clone()).unwrap());
    let mut buf = [0u8; 16];
    let mut cur = Cursor::new(&mut buf[..]);
    let r1 = write!(cur, "{}", "0123456789");
    let r2 = write!(cur, "{}", "abcdefghij");
    let pos = cur.position();
    println!("{:?} {:?} pos {} buf {:?}", r1.is_ok(), r2.map_err(|e| e.kind()), pos, String::from_utf8_lossy(&buf));
    eprintln!("to stderr: {}", black_box(1.5));
    eprint!("partial ");
    eprintln!("line");
    let out = std::io::stdout();
    let mut lock = out.lock();
    for i in 0..3 { writeln!(lock, "locked {}", i).unwrap(); }
    drop(lock);
    std::io::stderr().write_all(b"direct stderr bytes\n").unwrap();
    let long: String = (0..2000).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    println!("{}", &long[..100]);
    println!("{}", long.len());
    let joined = format!("{}{}{}", long.len(), black_box('-'), long.chars().filter(|&c| c == 'z').count());
    println!("{}", joined);
}
