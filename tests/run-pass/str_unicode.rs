// Unicode strings: chars vs bytes, multi-byte UTF-8 encoding/decoding, char methods, escape_debug/unicode, from_utf8 errors, UTF-16.
use std::hint::black_box;

fn main() {
    let s = black_box("héllo, wörld! 日本語 🦀 Ω≈ç√ ǅ");
    println!("bytes={} chars={}", s.len(), s.chars().count());
    for (i, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf);
        println!("{} {:?} U+{:04X} len={} utf8={:?} utf16={} upper={} lower={} alpha={} num={}", i, c, c as u32, c.len_utf8(),
            enc.as_bytes(), c.len_utf16(), c.to_uppercase(), c.to_lowercase(), c.is_alphabetic(), c.is_numeric());
    }
    println!("{}", s.to_uppercase());
    println!("{:?}", s.chars().rev().collect::<String>());
    println!("{}", s.escape_debug());
    println!("{}", "tab\tnl\n\u{7f}".escape_default());
    println!("{}", "ñ🦀".escape_unicode());
    let utf16: Vec<u16> = s.encode_utf16().collect();
    println!("utf16 len {} {:x?}", utf16.len(), &utf16[utf16.len() - 8..]);
    println!("{:?}", String::from_utf16(&utf16).map(|x| x == s));
    println!("{:?}", String::from_utf16(&[0xD800, 0x41]).is_err());
    let bad = black_box([b'a', 0xC3, 0x28, b'b']);
    match std::str::from_utf8(&bad) {
        Ok(v) => println!("ok {}", v),
        Err(e) => println!("err valid_up_to={} error_len={:?}", e.valid_up_to(), e.error_len()),
    }
    println!("{}", String::from_utf8_lossy(&[0xF0, 0x9F, 0xA6, 0x80, 0xFF, b'!']));
    for c in ['a', 'Z', '0', ' ', 'ß', 'İ', '\u{0}', '\u{10FFFF}', '🦀'] {
        let c = black_box(c);
        println!("{:?}: ws={} ctl={} alnum={} digit10={:?} ascii_up={:?} upper_count={}", c, c.is_whitespace(), c.is_control(), c.is_alphanumeric(),
            c.to_digit(10), c.to_ascii_uppercase(), c.to_uppercase().count());
    }
    println!("{:?}", char::from_digit(black_box(11), 16));
    println!("{:?}", ('a'..='e').chain('X'..'Z').collect::<String>());
    println!("{}", s.is_char_boundary(2) as u8 + s.is_char_boundary(3) as u8);
}
