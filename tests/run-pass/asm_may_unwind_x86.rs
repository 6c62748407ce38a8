//! A panic unwinding out of `asm!(.., options(may_unwind))`: through the backend's asm shim
//! (its CFI), into the caller's landing pad (drops run) and `catch_unwind`.
#![feature(asm_unwind)]
#[cfg(target_arch = "x86_64")]
mod imp {
    use std::arch::asm;

    struct Noisy(&'static str);
    impl Drop for Noisy {
        fn drop(&mut self) {
            println!("drop {}", self.0);
        }
    }

    extern "C-unwind" fn boom(x: u64) {
        if x == 7 {
            panic!("boom {x}");
        }
        println!("no boom {x}");
    }

    fn call_through_asm(x: u64) -> u64 {
        let _guard = Noisy("guard");
        let keep = std::hint::black_box(0x1234_5678_u64);
        unsafe {
            asm!("call {f}", f = sym boom, in("rdi") x, clobber_abi("C"), options(may_unwind));
        }
        keep + x
    }

    pub fn run() {
        std::panic::set_hook(Box::new(|info| {
            println!("hook: {}", info.payload().downcast_ref::<String>().unwrap());
        }));
        println!("{:?}", std::panic::catch_unwind(|| call_through_asm(1)).map_err(|_| ()));
        println!("{:?}", std::panic::catch_unwind(|| call_through_asm(7)).map_err(|_| ()));
        println!("{:?}", std::panic::catch_unwind(|| call_through_asm(2)).map_err(|_| ()));
    }
}

fn main() {
    #[cfg(target_arch = "x86_64")]
    imp::run();
}
