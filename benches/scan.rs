//! Lexicon load, scanner compile and scan throughput, against the raw automaton; and reading a
//! posting's structure ([`Structure::new`]), as `rank` does for every posting.
//!
//! Run with `cargo bench --bench scan`; record results in BENCHMARKS.md. The baseline is an
//! Aho-Corasick DFA (leftmost-longest, ASCII case-insensitive) over the same folded forms,
//! counting matches with `find_iter` over the same folded text: no boundaries, no rules.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use skillscan::document::Kind;
use skillscan::normalize::Normalized;
use skillscan::structure::Structure;
use skillscan::{Extraction, Lexicon, Scanner};

mod corpus;

fn compile(c: &mut Criterion) {
    let mut g = c.benchmark_group("compile");
    g.sample_size(20);
    g.bench_function("lexicon-load", |b| b.iter(|| black_box(Lexicon::builtin())));
    g.bench_function("scanner-builtin-precompiled", |b| {
        b.iter(|| black_box(Scanner::builtin()))
    });
    let lex = Lexicon::builtin();
    g.bench_function("scanner-compile-at-runtime", |b| {
        b.iter(|| black_box(Scanner::new(lex.clone())))
    });
    g.finish();
}

fn scan(c: &mut Criterion) {
    let scanner = Scanner::builtin();
    let text = corpus::postings(scanner.lexicon(), 4 << 20);
    let folded = Normalized::new(&text);
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(scanner.main_patterns())
        .unwrap();
    // Sanity: the corpus is full of skills, and both find them.
    let n = scanner.scan(&text).len();
    let raw = ac.find_iter(folded.as_str()).count();
    assert!(n > 10_000, "only {n} matches");
    assert!(raw >= n, "raw automaton found {raw}, scanner {n}");

    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("raw-aho-corasick-dfa-find-iter", |b| {
        b.iter(|| black_box(ac.find_iter(folded.as_str()).count()))
    });
    g.bench_function("normalize-only", |b| {
        b.iter(|| black_box(Normalized::new(&text).as_str().len()))
    });
    g.bench_function("scanner-all-rules", |b| {
        b.iter(|| black_box(scanner.scan(&text).len()))
    });
    g.finish();
}

/// Structure::new on postings of 0.5–4.5 KB cut from the corpus at line starts (as
/// `examples/gen_postings` cuts them), already scanned: the time `rank` spends on structure
/// beyond scanning.
fn structure(c: &mut Criterion) {
    let scanner = Scanner::builtin();
    let text = corpus::postings(scanner.lexicon(), 1 << 20);
    let mut postings = Vec::new();
    let mut at = 0;
    let mut len = 500;
    while at + len < text.len() {
        let end = text[at + len..]
            .find('\n')
            .map_or(text.len(), |i| at + len + i);
        postings.push(&text[at..end]);
        at = end + 1;
        len = 500 + (len * 7 + 1_300) % 4_000;
    }
    let scanned: Vec<(&str, Extraction)> = postings
        .iter()
        .map(|p| (*p, Extraction::new(&scanner, p)))
        .collect();
    let bytes: usize = postings.iter().map(|p| p.len()).sum();
    let mut g = c.benchmark_group("structure");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("posting-structure-new", |b| {
        b.iter(|| {
            for (text, ex) in &scanned {
                black_box(Structure::new(
                    scanner.lexicon(),
                    text,
                    Kind::Posting,
                    ex,
                    None,
                ));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, compile, scan, structure);
criterion_main!(benches);
