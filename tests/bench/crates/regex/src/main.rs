fn main() {
    let re = regex::Regex::new(r"(?P<key>[a-z]+)=(?P<value>\d+)").unwrap();
    let text = "alpha=1 beta=22 gamma=333";
    let total: u64 = re.captures_iter(text).map(|c| c["value"].parse::<u64>().unwrap()).sum();
    println!("{total}");
}
