// Integer comparisons, Ord::cmp, min/max/clamp, sorting of mixed sign values, bool logic.
use std::cmp::Ordering;
use std::hint::black_box;

macro_rules! cmps {
    ($($t:ident),*) => {$(
        {
            let vals: [$t; 6] = [$t::MIN, $t::MIN + 1, 0, 1, $t::MAX - 1, $t::MAX];
            for &a in &vals {
                let mut line = String::new();
                for &b in &vals {
                    let (a, b) = (black_box(a), black_box(b));
                    let c = match a.cmp(&b) { Ordering::Less => 'L', Ordering::Equal => 'E', Ordering::Greater => 'G' };
                    line.push(c);
                    line.push(if a < b { '<' } else { '.' });
                    line.push(if a <= b { 'l' } else { '.' });
                    line.push(if a > b { '>' } else { '.' });
                    line.push(if a >= b { 'g' } else { '.' });
                    line.push(if a != b { '!' } else { '=' });
                    line.push(' ');
                }
                println!("{} {}: {} min={} max={} clamp={}", stringify!($t), a, line,
                    a.min(black_box(1)), a.max(black_box(0)), a.clamp(black_box(0), black_box(1)));
            }
            let mut v: Vec<$t> = vals.iter().rev().cloned().chain([3, 2, 5].iter().cloned()).collect();
            v.sort();
            println!("sorted {:?}", v);
            v.sort_by(|a, b| b.cmp(a));
            println!("rsorted {:?}", v);
        }
    )*};
}

fn main() {
    cmps!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, usize, isize);
    let t = black_box(true);
    let f = black_box(false);
    println!("{} {} {} {} {} {}", t & f, t | f, t ^ f, !t, t > f, (t as u8) + (f as u8));
}
