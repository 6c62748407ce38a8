//! Generates the CRC-32 lookup table at build time. The build script itself is
//! compiled (and run) with the backend under test, so a miscompiled build
//! script shows up as a wrong checksum in the tests and the program output.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    let mut src = String::from("pub(crate) static CRC_TABLE: [u32; 256] = [\n");
    for row in table.chunks(8) {
        src.push_str("   ");
        for v in row {
            src.push_str(&format!(" 0x{v:08x},"));
        }
        src.push('\n');
    }
    src.push_str("];\n");
    let out = Path::new(&env::var_os("OUT_DIR").unwrap()).join("crc_table.rs");
    fs::write(out, src).unwrap();
    println!("cargo::rerun-if-changed=build.rs");
}
