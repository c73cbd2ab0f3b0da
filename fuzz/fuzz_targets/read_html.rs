//! `read_with` on arbitrary bytes named like a .html file, then the scanner on the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(init: common::init(), |data: &[u8]| {
    common::read_and_scan(data, "input.html");
});
