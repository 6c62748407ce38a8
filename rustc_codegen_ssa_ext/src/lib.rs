#![feature(rustc_private)]
extern crate rustc_driver;
pub mod eh;
