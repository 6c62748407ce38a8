#![feature(rustc_private)]
extern crate rustc_driver;
