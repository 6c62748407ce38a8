// Division and remainder (truncating and euclidean) incl. negative operands, by constants and variables.
use std::hint::black_box;

macro_rules! divs {
    ($($t:ident),*) => {$(
        {
            let nums: [$t; 10] = [0, 1, -1, 7, -7, 100, -100, $t::MAX, $t::MIN, $t::MIN + 1];
            let dens: [$t; 9] = [1, -1, 2, -2, 3, -3, 7, $t::MAX, $t::MIN];
            for &n in &nums {
                for &d in &dens {
                    let (n, d) = (black_box(n), black_box(d));
                    if n == $t::MIN && d == -1 { continue; }
                    println!("{} {} / {} = {} r {}  euclid {} r {}", stringify!($t), n, d,
                        n / d, n % d, n.div_euclid(d), n.rem_euclid(d));
                }
                // division by constants (strength-reduced by optimizers)
                let n = black_box(n);
                println!("  const: /3={} %3={} /10={} %10={} /-5={} %-5={} /16={} %16={} /1={}",
                    n / 3, n % 3, n / 10, n % 10, n / -5, n % -5, n / 16, n % 16, n / 1);
            }
        }
    )*};
}

macro_rules! udivs {
    ($($t:ident),*) => {$(
        {
            let nums: [$t; 6] = [0, 1, 9, 255, $t::MAX, $t::MAX / 3];
            let dens: [$t; 6] = [1, 2, 3, 10, 255, $t::MAX];
            for &n in &nums {
                for &d in &dens {
                    let (n, d) = (black_box(n), black_box(d));
                    print!("{}/{}={},{} ", n, d, n / d, n % d);
                }
                let n = black_box(n);
                println!("| {} {} {} {}", n / 7, n % 7, n / 100, n % 100);
            }
            println!("{} div_ceil {} {}", stringify!($t), black_box(10 as $t).div_ceil(3), black_box($t::MAX).div_ceil(2));
        }
    )*};
}

fn main() {
    divs!(i8, i16, i32, i64, i128, isize);
    udivs!(u8, u16, u32, u64, u128, usize);
}
