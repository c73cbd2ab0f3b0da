//! Prints how long each start-up phase takes: lexicon parse + validate, scanner compile, and
//! one résumé-sized scan. `cargo run --release --example startup`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use skillscan::{Lexicon, Scanner};

fn main() {
    let t = Instant::now();
    let lex = Lexicon::builtin();
    let parse = t.elapsed();
    let (skills, forms) = (lex.len(), lex.form_count());
    let t = Instant::now();
    let scanner = Scanner::new(lex);
    let compile = t.elapsed();
    let t = Instant::now();
    let _ = Scanner::builtin();
    let builtin = t.elapsed();
    let text = "Python, SQL, PyTorch and k8s; built CNNs for object detection. ".repeat(60);
    let t = Instant::now();
    let n = scanner.scan(&text).len();
    let scan = t.elapsed();
    println!(
        "skills {skills}, forms {forms}, patterns {}",
        scanner.pattern_count()
    );
    println!("lexicon load   {:>8.2} ms", parse.as_secs_f64() * 1e3);
    println!(
        "scanner build  {:>8.2} ms (compiling the lexicon at run time)",
        compile.as_secs_f64() * 1e3
    );
    println!(
        "builtin        {:>8.2} ms (lexicon load + precompiled tries)",
        builtin.as_secs_f64() * 1e3
    );
    println!(
        "scan {} KB     {:>8.2} ms ({n} matches)",
        text.len() / 1024,
        scan.as_secs_f64() * 1e3
    );
}
