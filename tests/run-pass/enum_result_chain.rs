// Result/Option combinators and the ? operator with custom error enums, From conversions, and early returns.
#![allow(dead_code)]
use std::hint::black_box;
use std::num::ParseIntError;

#[derive(Debug)]
enum MyErr { Parse(ParseIntError), Neg(i64), TooBig { val: i64, max: i64 } }

impl From<ParseIntError> for MyErr {
    fn from(e: ParseIntError) -> Self { MyErr::Parse(e) }
}

fn parse_pos(s: &str) -> Result<i64, MyErr> {
    let v: i64 = s.trim().parse()?;
    if v < 0 { return Err(MyErr::Neg(v)); }
    if v > 1000 { return Err(MyErr::TooBig { val: v, max: 1000 }); }
    Ok(v)
}

fn sum_all(items: &[&str]) -> Result<i64, MyErr> {
    let mut total = 0;
    for it in items {
        total += parse_pos(it)?;
    }
    Ok(total)
}

fn first_even(v: &[i64]) -> Option<i64> {
    let x = v.iter().find(|x| *x % 2 == 0)?;
    Some(x * 10)
}

fn main() {
    for s in ["5", " 42 ", "-3", "5000", "x1", "", "1000"] {
        println!("{:?} -> {:?}", s, parse_pos(black_box(s)));
    }
    println!("{:?}", sum_all(&["1", "2", "3"]));
    println!("{:?}", sum_all(&["1", "oops", "3"]));
    println!("{:?}", sum_all(&["1", "2000"]));
    println!("{:?} {:?}", first_even(&[1, 3, 4, 6]), first_even(&[1, 3]));
    let r: Result<u32, String> = Ok(black_box(3));
    println!("{:?} {:?} {:?} {}", r.as_ref().map(|x| x * 2), r.as_ref().ok(), r.clone().and_then(|x| if x > 5 { Ok(x) } else { Err(format!("small {}", x)) }), r.clone().unwrap_or(0));
    let o: Option<&str> = black_box(Some("hello"));
    println!("{:?} {:?} {:?} {:?}", o.map(str::len), o.filter(|s| s.starts_with('x')), o.xor(None), o.zip(Some(5)));
    let results: Result<Vec<i64>, MyErr> = ["1", "2", "3"].iter().map(|s| parse_pos(s)).collect();
    println!("{:?}", results);
    let results: Result<Vec<i64>, MyErr> = ["1", "-2", "3"].iter().map(|s| parse_pos(s)).collect();
    println!("{:?}", results);
    let opts: Option<Vec<u8>> = [Some(1u8), Some(2), None].into_iter().collect();
    println!("{:?} {:?}", opts, Some(Some(3)).flatten().unwrap_or_default() + black_box(0));
}
