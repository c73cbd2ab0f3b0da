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
    let runs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(15);

    // Baseline: an Aho-Corasick DFA over the same folded forms, find_iter over folded text.
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(scanner.main_patterns())
        .unwrap();
    let folded = skillscan::normalize::Normalized::new(&text);

    // Interleave the two and keep the best time of each: on a shared machine the minimum is
    // the estimate least disturbed by other load.
    let (mut best_scan, mut best_raw) = (f64::MAX, f64::MAX);
    let (mut matches, mut raw) = (0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        matches = scanner.scan(&text).len();
        best_scan = best_scan.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        raw = ac.find_iter(folded.as_str()).count();
        best_raw = best_raw.min(t.elapsed().as_secs_f64());
    }
    let mb = |secs: f64| text.len() as f64 / secs / 1e6;
    println!("{} bytes, best of {runs} runs each", text.len());
    println!(
        "scanner, all rules:          {:>7.1} MB/s  ({matches} matches)",
        mb(best_scan)
    );
    println!(
        "raw aho-corasick find_iter:  {:>7.1} MB/s  ({raw} raw matches)",
        mb(best_raw)
    );
    println!("ratio: {:.2}", best_raw / best_scan);
}
