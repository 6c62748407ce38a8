//! A test suite with passing, failing, `#[should_panic]` and ignored tests. Some fail on
//! purpose: clif.sh compares libtest's whole report (run with one test thread) between the
//! LLVM build and ours, so a backend whose unwinding breaks the harness shows up here.

use std::cell::RefCell;

pub fn checked_div(a: u32, b: u32) -> u32 {
    if b == 0 {
        panic!("division of {a} by zero");
    }
    a / b
}

pub struct Guard<'a>(pub &'a RefCell<Vec<&'static str>>, pub &'static str);

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.0.borrow_mut().push(self.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes() {
        assert_eq!(checked_div(9, 3), 3);
    }

    #[test]
    fn fails_with_assert_eq() {
        assert_eq!(checked_div(10, 3), 4, "rounding");
    }

    #[test]
    #[should_panic(expected = "by zero")]
    fn should_panic_passes() {
        checked_div(1, 0);
    }

    #[test]
    #[should_panic(expected = "something else")]
    fn should_panic_wrong_message() {
        checked_div(2, 0);
    }

    #[test]
    #[should_panic]
    fn should_panic_but_does_not() {
        checked_div(4, 2);
    }

    #[test]
    fn fails_with_unwrap() {
        let v: Vec<u8> = Vec::new();
        println!("captured output of a failing test");
        let _ = v.first().unwrap();
    }

    #[test]
    fn catches_inside_test() {
        let log = RefCell::new(Vec::new());
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _a = Guard(&log, "a");
            let _b = Guard(&log, "b");
            checked_div(1, 0)
        }));
        assert!(r.is_err());
        assert_eq!(*log.borrow(), ["b", "a"]);
    }

    #[test]
    fn returns_err() -> Result<(), String> {
        Err("a test returning Err".to_string())
    }

    #[test]
    #[ignore = "shows up as ignored"]
    fn ignored() {
        unreachable!();
    }
}
