//! Lexicon load, scanner compile and scan throughput, against the raw automaton.
//!
//! Run with `cargo bench --bench scan`; record results in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use skillscan::normalize::Normalized;
use skillscan::{Lexicon, Scanner};

mod corpus;

fn compile(c: &mut Criterion) {
    let mut g = c.benchmark_group("compile");
    g.sample_size(20);
    g.bench_function("lexicon-parse", |b| b.iter(|| black_box(Lexicon::builtin())));
    let lex = Lexicon::builtin();
    g.bench_function("scanner-nfa", |b| b.iter(|| black_box(Scanner::new(lex.clone()).unwrap())));
    g.bench_function("scanner-dfa", |b| b.iter(|| black_box(Scanner::builder().dfa(true).build(lex.clone()).unwrap())));
    g.finish();
}

fn scan(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let text = corpus::postings(&lex, 4 << 20);
    let folded = Normalized::new(&text);
    for (label, dfa) in [("nfa", false), ("dfa", true)] {
        let scanner = Scanner::builder().dfa(dfa).build(lex.clone()).unwrap();
        let ac = scanner.main_automaton().clone();
        // Sanity: the corpus is full of skills, and the scanner finds them.
        let n = scanner.scan(&text).len();
        let raw = ac.find_iter(folded.as_str()).count();
        assert!(n > 10_000, "only {n} matches");
        assert!(raw >= n / 2, "raw automaton found {raw}, scanner {n}");

        let mut g = c.benchmark_group(format!("scan-{label}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(8));
        g.bench_function("raw-automaton-find-iter", |b| b.iter(|| black_box(ac.find_iter(folded.as_str()).count())));
        g.bench_function("normalize", |b| b.iter(|| black_box(Normalized::new(&text).as_str().len())));
        g.bench_function("scanner", |b| b.iter(|| black_box(scanner.scan(&text).len())));
        g.finish();
    }
}

criterion_group!(benches, compile, scan);
criterion_main!(benches);
