// &str/String operations: split/trim/find/replace/starts_with/char_indices/to_uppercase/repeat/lines/parse, byte-level comparisons.
use std::hint::black_box;

fn main() {
    let s = black_box("  The quick brown fox, jumps over; the lazy dog.  ");
    println!("[{}] [{}] [{}]", s.trim(), s.trim_start(), s.trim_end());
    let words: Vec<&str> = s.split_whitespace().collect();
    println!("{:?} {}", words, words.len());
    println!("{:?}", s.split(|c: char| c == ',' || c == ';').map(str::trim).collect::<Vec<_>>());
    println!("{:?} {:?} {:?}", s.find("fox"), s.rfind('o'), s.find(char::is_uppercase));
    println!("{}", s.replace("the", "THE").replacen('o', "0", 2));
    println!("{} {} {}", s.trim().starts_with("The"), s.ends_with("dog."), s.contains("jumps"));
    println!("{} {}", s.to_uppercase(), s.to_lowercase());
    println!("{:?}", "a,b,,c,".split(',').collect::<Vec<_>>());
    println!("{:?}", "a,b,,c,".split_terminator(',').collect::<Vec<_>>());
    println!("{:?}", "k1=v1;k2=v2;k3".split(';').map(|kv| kv.split_once('=')).collect::<Vec<_>>());
    println!("{:?}", "line1\nline2\r\nline3\n".lines().collect::<Vec<_>>());
    println!("{:?}", "abcXYZabc".trim_matches(|c| c == 'a' || c == 'c'));
    println!("{:?} {:?}", "prefix-body".strip_prefix("prefix-"), "body.rs".strip_suffix(".txt"));
    println!("{}", "ab".repeat(black_box(5)));
    let mut owned = String::with_capacity(4);
    for i in 0..20 { owned.push_str(&i.to_string()); owned.push(if i % 2 == 0 { '+' } else { '-' }); }
    println!("{} len={} ", owned, owned.len());
    owned.truncate(15);
    owned.insert(3, '#');
    owned.insert_str(0, ">>");
    println!("{} pop={:?} remove={}", owned, owned.clone().pop(), owned.clone().remove(2));
    owned.retain(|c| c.is_ascii_digit());
    println!("{}", owned);
    let mut parts = vec!["pear", "Apple", "banana", "apple", "Banana"];
    parts.sort();
    println!("{:?}", parts);
    parts.sort_by_key(|p| p.to_lowercase());
    println!("{:?} {}", parts, parts.concat());
    println!("{} {:?}", parts.join("/"), "x".cmp("xy"));
    println!("{:?}", "Mary had a little lamb".match_indices("a").map(|(i, _)| i).collect::<Vec<_>>());
    println!("{:?}", "one two  three".splitn(2, ' ').collect::<Vec<_>>());
    println!("{:?}", "1 2 3 x 5".split(' ').map(|t| t.parse::<i32>()).filter_map(Result::ok).collect::<Vec<_>>());
    println!("{}", "abc" < "abd" && "Z" < "a" && "" < "a");
    println!("{:?}", "hello".char_indices().rev().collect::<Vec<_>>());
}
