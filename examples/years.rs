//! Prints the date ranges found in résumés and their total years of experience.
//!
//! `cargo run --example years -- [--as-of YYYY-MM] FILE...` (or `-` for standard input).
//! Without `--as-of`, open ranges end in the current month (UTC). Each range line shows:
//! line, start – end, months, flags (`open`, `year-only`, `education`, `other`) and the text as written.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Read;

use skillscan::experience::{Experience, RangeKind, SalaryBands, YearMonth};

/// The current month, from the clock (the library never reads it).
fn this_month() -> YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    YearMonth::from_unix_seconds(secs)
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let mut as_of = None;
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        if a == "--as-of" {
            let v = args.next().unwrap_or_default();
            match YearMonth::parse(&v) {
                Ok(m) => as_of = Some(m),
                Err(e) => {
                    eprintln!("years: {e}");
                    std::process::exit(2);
                }
            }
        } else {
            files.push(a);
        }
    }
    if files.is_empty() {
        eprintln!("usage: years [--as-of YYYY-MM] FILE...");
        std::process::exit(2);
    }
    let as_of = as_of.unwrap_or_else(this_month);
    let bands = SalaryBands::builtin();
    for f in files {
        let bytes = if f == "-" {
            let mut v = Vec::new();
            std::io::stdin().read_to_end(&mut v).map(|_| v)
        } else {
            std::fs::read(&f)
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("years: {f}: {e}");
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let exp = Experience::from_text(&text, as_of);
        println!("== {f} (as of {as_of})");
        for r in &exp.ranges {
            let mut flags = Vec::new();
            if r.open {
                flags.push("open");
            }
            if r.year_only {
                flags.push("year-only");
            }
            match r.kind {
                RangeKind::Work => {}
                RangeKind::Education => flags.push("education"),
                RangeKind::Other => flags.push("other"),
            }
            println!(
                "  {:>4}  {} – {}  {:>3} mo  {:<26} {:?}",
                r.line,
                r.start,
                r.end,
                r.months(),
                flags.join(","),
                r.text(&text)
            );
        }
        let band = bands.band_for(exp.months);
        println!(
            "  total {} years ({} months): {} ({} {}–{}{})",
            exp.years(),
            exp.months,
            band.seniority,
            bands.currency(),
            band.salary_min,
            band.salary_max,
            if band.open_top { "+" } else { "" }
        );
    }
}
