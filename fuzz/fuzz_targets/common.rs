//! Shared by every target: read the bytes with the public `read_with`, then scan what came out,
//! so the whole pipeline (sniffing, decoding, the reader, clean-up, the scanner) runs.
//!
//! `pdf.rs` catches panics inside pdf-extract page by page, and libfuzzer-sys's panic hook would
//! abort on those caught panics too. So the hook is silenced and the harness catches any panic
//! itself: a panic that gets out of `read_with` is a bug and aborts with its message.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use skillscan::Scanner;
use skillscan::document::{Limits, read_with};

static SCANNER: LazyLock<Scanner> = LazyLock::new(Scanner::builtin);

pub fn init() {
    std::panic::set_hook(Box::new(|_| {}));
    LazyLock::force(&SCANNER);
}

/// Runs `f`; a panic out of it aborts the process with the panic's message.
pub fn no_panic<T>(what: &str, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            eprintln!("PANIC escaped {what}: {msg}");
            std::process::abort();
        }
    }
}

pub fn read_and_scan(data: &[u8], name: &str) {
    let doc = no_panic("read_with", || read_with(data, name, &Limits::default()));
    match doc {
        Ok(doc) => scan(&doc.text),
        // The message must render.
        Err(e) => drop(e.to_string()),
    }
}

/// Scans `text`; every match must be a non-empty span of whole characters inside it.
pub fn scan(text: &str) {
    let matches = no_panic("scan", || SCANNER.scan(text));
    for m in &matches {
        assert!(
            m.start < m.end && m.end <= text.len(),
            "match out of the text"
        );
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}
