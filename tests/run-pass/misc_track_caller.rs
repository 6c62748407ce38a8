// #[track_caller] with Location::caller() printed (file/line/column), through nested track_caller fns, closures and trait methods.
use std::hint::black_box;
use std::panic::Location;

#[track_caller]
fn where_am_i() -> String {
    let l = Location::caller();
    format!("{}:{}:{}", l.file(), l.line(), l.column())
}

#[track_caller]
fn nested() -> String { where_am_i() }

fn not_tracked() -> String { where_am_i() }

trait Tracer { #[track_caller] fn trace(&self) -> String; }
struct T;
impl Tracer for T {
    #[track_caller]
    fn trace(&self) -> String { format!("trait {}", Location::caller().line()) }
}

#[track_caller]
fn checked_get(v: &[u32], i: usize) -> Option<u32> {
    if i >= v.len() { println!("bad index {} at {}", i, Location::caller()); None } else { Some(v[i]) }
}

fn main() {
    println!("{}", where_am_i());
    println!("{}", nested());
    println!("{}", not_tracked());
    println!("{}", T.trace());
    let c = || where_am_i();
    println!("{}", c());
    let v = vec![1, 2, 3];
    println!("{:?}", checked_get(&v, black_box(1)));
    println!("{:?}", checked_get(&v, black_box(7)));
    let here = Location::caller();
    println!("{}", here.line());
    let f: fn() -> String = where_am_i;
    println!("via fn ptr {}", f().starts_with("misc_track_caller.rs"));
}
