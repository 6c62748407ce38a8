// Placeholder for unwinding support: catch_unwind is not supported by the backend yet, so this test is skipped.
//@ ignore-reason: needs unwinding (catch_unwind), not supported by the backend yet
fn main() {
    let r = std::panic::catch_unwind(|| panic!("caught"));
    println!("{}", r.is_err());
}
