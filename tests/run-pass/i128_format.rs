// Formatting and parsing of i128/u128: decimal, hex, binary, octal, padding, signs, Debug.
use std::hint::black_box;

fn main() {
    let vals: [i128; 8] = [0, -1, 42, i128::MAX, i128::MIN, -(1 << 90), 1 << 64, -12345678901234567890123];
    for v in vals {
        let v = black_box(v);
        println!("{} {:?} {:+} {:x} {:X} {:#x} {:o} {:b}", v, v, v, v, v, v, v, v as u8);
        println!("[{:>45}] [{:<45}] [{:^45}] [{:045}]", v, v, v, v);
        println!("{:#b}", v);
        let s = v.to_string();
        let back: i128 = s.parse().unwrap();
        println!("roundtrip {} {}", back == v, s.len());
    }
    let uvals: [u128; 5] = [0, u128::MAX, 1 << 127, 10_000_000_000_000_000_000_000_000_000_000_000_000, 18446744073709551616];
    for v in uvals {
        let v = black_box(v);
        println!("{} {:x} {:#o} {:e}", v, v, v, v);
        println!("{:>42}|{:<#42x}|", v, v);
        println!("{:?}", u128::from_str_radix(&format!("{:x}", v), 16));
    }
    println!("{:?}", "340282366920938463463374607431768211456".parse::<u128>().map_err(|e| e.to_string()));
    println!("{:?}", "-170141183460469231731687303715884105729".parse::<i128>().map_err(|e| e.to_string()));
    println!("{:?}", "-170141183460469231731687303715884105728".parse::<i128>());
}
