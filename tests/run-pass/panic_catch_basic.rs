// catch_unwind catches a panic and returns the payload; a second catch_unwind works after the first.
fn main() {
    let r = std::panic::catch_unwind(|| panic!("caught"));
    println!("{}", r.is_err());
    let msg = r.unwrap_err().downcast::<&str>().unwrap();
    println!("{msg}");
    let r = std::panic::catch_unwind(|| 41 + 1);
    println!("{r:?}");
}
