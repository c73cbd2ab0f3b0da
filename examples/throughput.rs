//! Scans a file (or generated postings) N times and prints MB/s, for profiling and for
//! whole-file throughput runs. `cargo run --release --example throughput -- [FILE] [N]`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use skillscan::Scanner;

#[path = "../benches/corpus.rs"]
#[allow(dead_code, missing_docs)]
mod corpus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let scanner = Scanner::builtin();
    let text = match args.get(1).map(String::as_str) {
        Some(path) if path != "-" => {
            String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
        }
        _ => corpus::postings(scanner.lexicon(), 4 << 20),
    };
    let runs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let t = Instant::now();
    let mut matches = 0;
    for _ in 0..runs {
        matches = scanner.scan(&text).len();
    }
    let secs = t.elapsed().as_secs_f64() / runs as f64;
    let mbs = text.len() as f64 / secs / 1e6;
    println!(
        "scanner, all rules:        {:>7.1} MB/s  ({} bytes, {matches} matches)",
        mbs,
        text.len()
    );

    // Baseline: an Aho-Corasick DFA over the same folded forms, find_iter over folded text.
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(scanner.main_patterns())
        .unwrap();
    let folded = skillscan::normalize::Normalized::new(&text);
    let t = Instant::now();
    let mut raw = 0;
    for _ in 0..runs {
        raw = ac.find_iter(folded.as_str()).count();
    }
    let base = text.len() as f64 / (t.elapsed().as_secs_f64() / runs as f64) / 1e6;
    println!("raw aho-corasick find_iter: {base:>7.1} MB/s  ({raw} raw matches)");
    println!("ratio: {:.2}", mbs / base);
}
