//! `skillscan scan`.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;
use rayon::prelude::*;

use skillscan::Extraction;
use skillscan::document::{Kind, guess_kind};
use skillscan::report::json::ScanDoc;
use skillscan::report::table::{self, Style};
use skillscan::structure::Structure;

use super::{Exit, Format, GlobalArgs, read_input, write_json};

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files to scan; `-` (or nothing) reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Read every file as a job posting (sections, required/preferred, years asked); by
    /// default each file's kind is guessed from its wording.
    #[arg(long, conflicts_with = "resume")]
    pub posting: bool,
    /// Read every file as a résumé.
    #[arg(long)]
    pub resume: bool,
}

pub fn run(global: &GlobalArgs, args: &ScanArgs) -> Result<Exit> {
    let scanner = global.scanner()?;
    let files: Vec<String> = if args.files.is_empty() {
        vec!["-".into()]
    } else {
        args.files.clone()
    };
    // Read and scan in parallel; results come back in input order.
    let results: Vec<Result<(super::Input, Extraction, Structure)>> = files
        .par_iter()
        .map(|f| {
            let input = read_input(f)?;
            let ex = Extraction::new(&scanner, &input.text);
            let kind = if args.posting {
                Kind::Posting
            } else if args.resume {
                Kind::Resume
            } else {
                guess_kind(&input.text).kind
            };
            let structure = Structure::new(scanner.lexicon(), &input.text, kind, &ex, None);
            Ok((input, ex, structure))
        })
        .collect();
    let style = Style {
        color: global.color(),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (i, r) in results.iter().enumerate() {
        match r {
            Err(e) => {
                failed += 1;
                out.flush()?;
                eprintln!("skillscan: error: {e:#}");
            }
            Ok((input, ex, structure)) => {
                for w in &input.warnings {
                    eprintln!("skillscan: warning: {}: {w}", input.name);
                }
                let doc = ScanDoc::new(
                    scanner.lexicon(),
                    &input.name,
                    &input.text,
                    &input.warnings,
                    ex,
                    structure,
                );
                match args.format {
                    Format::Table => {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        table::write_scan(&mut out, &doc, style)?;
                    }
                    Format::Json | Format::Jsonl => write_json(&mut out, args.format, &doc)?,
                }
            }
        }
    }
    out.flush()?;
    Ok(Exit::from_failures(failed, results.len()))
}
