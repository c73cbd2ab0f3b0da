//! Writes a large, realistic postings CSV for batch benchmarks (deterministic: the same file
//! on every run and machine).
//!
//! `cargo run --release --example gen_postings -- ROWS OUT.csv`
//!
//! Columns `id,title,company,location,description`. Descriptions are 0.5–4.5 KB (about 2.5 KB
//! on average, so 100,000 rows ≈ 250 MB) of multi-line postings-like text from
//! `benches/corpus.rs`, so fields are quoted, contain commas, quotes and newlines, and match
//! density is close to real postings.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::io::{BufWriter, Write};

use skillscan::Lexicon;

const TITLES: &[&str] = &[
    "Data Scientist",
    "Senior Data Engineer",
    "Machine Learning Engineer",
    "Data Analyst",
    "MLOps Engineer",
    "Business Intelligence Analyst",
    "Research Scientist, \"Applied ML\"",
    "NLP Engineer",
];
const COMPANIES: &[&str] = &[
    "Acme Analytics",
    "Nimbus, Inc.",
    "Harrow & Finch",
    "Tidewell",
];
const LOCATIONS: &[&str] = &["Seattle, WA", "Remote", "Austin, TX", "New York, NY"];

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let rows: u64 = args
        .next()
        .and_then(|n| n.parse().ok())
        .expect("usage: gen_postings ROWS OUT.csv");
    let path = args.next().expect("usage: gen_postings ROWS OUT.csv");
    let lexicon = Lexicon::builtin();
    // One pool of text; each description is a window of it starting at a line.
    let pool = corpus::postings(&lexicon, 16 << 20);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(pool.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i + 5000 < pool.len())
        .collect();
    let mut out = csv::Writer::from_writer(BufWriter::with_capacity(
        1 << 20,
        std::fs::File::create(&path)?,
    ));
    out.write_record(["id", "title", "company", "location", "description"])?;
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for id in 0..rows {
        let start = starts[(next() % starts.len() as u64) as usize];
        let len = 500 + (next() % 4000) as usize;
        let end = pool[start + len..]
            .find('\n')
            .map_or(pool.len(), |i| start + len + i);
        out.write_record([
            format!("job-{id}").as_str(),
            TITLES[(next() % TITLES.len() as u64) as usize],
            COMPANIES[(next() % COMPANIES.len() as u64) as usize],
            LOCATIONS[(next() % LOCATIONS.len() as u64) as usize],
            &pool[start..end],
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error())?.flush()
}
