//! The batch-annotation target: scanning one column of a CSV file, against a bare csv-crate
//! pass over the same file (every record read into a `ByteRecord`, every field touched).
//! `cargo run --release --example csv_throughput -- FILE [COLUMN] [N]`; COLUMN defaults to
//! `Job Description`. Both passes parse from memory, interleaved, best of N.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::Instant;

use skillscan::Scanner;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: csv_throughput FILE [COLUMN] [N]");
    let column = args.get(2).map_or("Job Description", String::as_str);
    let runs: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(15);
    let data = std::fs::read(path).unwrap();
    let scanner = Scanner::builtin();

    let mut rdr = csv::Reader::from_reader(&data[..]);
    let col = rdr
        .byte_headers()
        .unwrap()
        .iter()
        .position(|h| h == column.as_bytes())
        .unwrap_or_else(|| panic!("no column {column:?}"));

    let bare = || {
        let mut rdr = csv::Reader::from_reader(&data[..]);
        let mut rec = csv::ByteRecord::new();
        let mut n = 0usize;
        while rdr.read_byte_record(&mut rec).unwrap() {
            n += rec.iter().map(|f| f.len()).sum::<usize>();
        }
        n
    };
    let scan = || {
        let mut rdr = csv::Reader::from_reader(&data[..]);
        let mut rec = csv::ByteRecord::new();
        let (mut n, mut docs) = (0usize, 0usize);
        while rdr.read_byte_record(&mut rec).unwrap() {
            n += rec.iter().map(|f| f.len()).sum::<usize>();
            if let Some(Ok(text)) = rec.get(col).map(std::str::from_utf8) {
                n += scanner.scan(text).len();
                docs += 1;
            }
        }
        (n, docs)
    };

    let (mut best_bare, mut best_scan) = (f64::MAX, f64::MAX);
    let mut docs = 0;
    for _ in 0..runs {
        let t = Instant::now();
        black_box(bare());
        best_bare = best_bare.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        docs = black_box(scan()).1;
        best_scan = best_scan.min(t.elapsed().as_secs_f64());
    }
    let mb = |secs: f64| data.len() as f64 / secs / 1e6;
    println!(
        "{} bytes, {docs} documents, best of {runs} runs each",
        data.len()
    );
    println!("bare csv ByteRecord pass:   {:>7.1} MB/s", mb(best_bare));
    println!("csv pass + scan of column:  {:>7.1} MB/s", mb(best_scan));
    println!("ratio: {:.3}", best_bare / best_scan);
}
