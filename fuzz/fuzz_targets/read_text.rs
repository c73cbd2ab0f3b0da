//! `decode_text` and `clean_extracted` on arbitrary bytes, then `read_with` on them as a .txt
//! file, with the scanner on every text that comes out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillscan::document::{clean_extracted, decode_text};

mod common;

fuzz_target!(init: common::init(), |data: &[u8]| {
    if let Ok((text, _warnings)) = common::no_panic("decode_text", || decode_text(data)) {
        let cleaned = common::no_panic("clean_extracted", || clean_extracted(&text));
        common::scan(&cleaned);
    }
    // clean_extracted also on lossy UTF-8, which decode_text may have refused (NUL bytes).
    let lossy = String::from_utf8_lossy(data);
    let cleaned = common::no_panic("clean_extracted", || clean_extracted(&lossy));
    common::scan(&cleaned);
    common::read_and_scan(data, "input.txt");
});
