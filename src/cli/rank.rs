//! `skillscan rank`: postings ranked for one résumé, or résumés ranked for one posting.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;

use skillscan::lexicon::Lexicon;
use skillscan::rank::{Coverage, Offer, Ranked, TopN, asks, coverage, coverage_score};
use skillscan::report::SCHEMA;
use skillscan::{Extraction, Scanner, SkillIdx};

use super::batch::{Batch, CsvArgs, Sink, Summary, for_each_batch};
use super::{Exit, GlobalArgs, read_input};

#[derive(Debug, Args)]
pub struct RankArgs {
    /// Rank postings for this résumé.
    #[arg(
        long,
        value_name = "RESUME",
        required_unless_present = "posting",
        conflicts_with = "posting"
    )]
    pub resume: Option<String>,
    /// Rank résumés for this posting.
    #[arg(long, value_name = "POSTING")]
    pub posting: Option<String>,
    /// With --resume: postings CSV files (`-` is stdin). With --posting: résumé files,
    /// directories of them, or CSV files with a text column.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<String>,
    /// How many to show.
    #[arg(long, default_value_t = 20, conflicts_with = "all")]
    pub top: usize,
    /// Show every row, not only the top N.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = RankFormat::Table)]
    pub format: RankFormat,
    #[command(flatten)]
    pub csv: CsvArgs,
}

/// `rank` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    /// A table for people (not stable).
    Table,
    /// CSV, one row per ranked document (stable).
    Csv,
    /// Pretty-printed JSON, one object per ranked document.
    Json,
    /// One compact JSON object per line (stable).
    Jsonl,
}

/// One ranked document.
#[derive(Debug, Clone)]
struct Hit {
    file: String,
    record: Option<u64>,
    line: Option<u64>,
    id: String,
    title: Option<String>,
    company: Option<String>,
    location: Option<String>,
    asked: usize,
    matched: Vec<SkillIdx>,
    missing: Vec<SkillIdx>,
}

/// The JSON shape of a ranked document.
#[derive(Debug, Serialize)]
struct HitOut<'a> {
    schema: &'static str,
    rank: usize,
    score: f64,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    asked: usize,
    matched: Vec<&'a str>,
    missing: Vec<&'a str>,
}

/// The side of the ranking that stays fixed.
enum Fixed {
    /// A résumé's offer: rows are postings that ask.
    Resume(Offer),
    /// A posting's asks: rows are résumés that offer.
    Posting(Vec<SkillIdx>),
}

impl Fixed {
    fn score(&self, lex: &Lexicon, ex: &Extraction) -> Coverage {
        match self {
            Fixed::Resume(offer) => coverage(&asks(ex), offer),
            Fixed::Posting(asked) => coverage(asked, &Offer::new(lex, ex)),
        }
    }
}

struct Ranker<'r> {
    scanner: &'r Scanner,
    fixed: &'r Fixed,
    top: TopN<Hit>,
}

impl<'a> Sink<'a> for Ranker<'_> {
    fn batch(&mut self, batch: Batch<'a>) -> Result<()> {
        let (scanner, fixed) = (self.scanner, self.fixed);
        // Rows that the top N as it stands before the batch would not keep are dropped
        // before their lists are made: the top N only gets better during the batch.
        let top = &self.top;
        let scored: Vec<(f64, u64, Hit)> = batch
            .into_par_iter()
            .filter_map(|(seq, file, row)| {
                let ex = Extraction::new(scanner, &row.text);
                let c = match fixed {
                    Fixed::Resume(offer) => {
                        let asked = asks(&ex);
                        top.would_keep(coverage_score(&asked, offer), seq)
                            .then(|| coverage(&asked, offer))
                    }
                    Fixed::Posting(asked) => {
                        let offer = Offer::new(scanner.lexicon(), &ex);
                        top.would_keep(coverage_score(asked, &offer), seq)
                            .then(|| coverage(asked, &offer))
                    }
                }?;
                let hit = Hit {
                    file: file.to_string(),
                    record: Some(row.record),
                    line: Some(row.line),
                    id: row.id,
                    title: row.title,
                    company: row.company,
                    location: row.location,
                    asked: c.matched.len() + c.missing.len(),
                    matched: c.matched.iter().map(|m| m.0).collect(),
                    missing: c.missing,
                };
                Some((c.score, seq, hit))
            })
            .collect();
        for (score, seq, hit) in scored {
            self.top.push(score, seq, hit);
        }
        Ok(())
    }
}

pub fn run(global: &GlobalArgs, args: &RankArgs) -> Result<Exit> {
    let scanner = global.scanner()?;
    let lex = scanner.lexicon();
    let (fixed_path, is_resume) = match (&args.resume, &args.posting) {
        (Some(r), _) => (r, true),
        (_, Some(p)) => (p, false),
        _ => bail!("give --resume RESUME or --posting POSTING"),
    };
    let input = read_input(fixed_path)?;
    for w in &input.warnings {
        eprintln!("skillscan: warning: {}: {w}", input.name);
    }
    let ex = Extraction::new(&scanner, &input.text);
    let fixed = if is_resume {
        Fixed::Resume(Offer::new(lex, &ex))
    } else {
        let asked = asks(&ex);
        if asked.is_empty() {
            bail!(
                "{}: the posting names no skill skillscan knows, so there is nothing to rank by",
                input.name
            );
        }
        Fixed::Posting(asked)
    };
    let n = if args.all { usize::MAX } else { args.top };
    let mut ranker = Ranker {
        scanner: &scanner,
        fixed: &fixed,
        top: TopN::new(n),
    };
    let is_csv = |p: &str| {
        p == "-"
            || Path::new(p)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"))
    };
    // Postings always come as CSV; résumés as CSV files, text files or directories.
    let (csvs, texts): (Vec<String>, Vec<String>) = if is_resume {
        (args.inputs.clone(), Vec::new())
    } else {
        let mut texts = Vec::new();
        let mut csvs = Vec::new();
        for p in &args.inputs {
            if Path::new(p).is_dir() {
                let mut files: Vec<String> = std::fs::read_dir(p)?
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                files.sort();
                texts.extend(files);
            } else if is_csv(p) {
                csvs.push(p.clone());
            } else {
                texts.push(p.clone());
            }
        }
        (csvs, texts)
    };
    let mut summary = Summary::default();
    let mut failed = 0;
    if !texts.is_empty() {
        let scored: Vec<_> = texts
            .par_iter()
            .map(|f| {
                let input = read_input(f)?;
                let ex = Extraction::new(&scanner, &input.text);
                anyhow::Ok((fixed.score(lex, &ex), input))
            })
            .collect();
        for (seq, r) in scored.into_iter().enumerate() {
            summary.read += 1;
            match r {
                Ok((c, input)) => {
                    for w in &input.warnings {
                        eprintln!("skillscan: warning: {}: {w}", input.name);
                    }
                    summary.done += 1;
                    let hit = Hit {
                        file: input.name.clone(),
                        record: None,
                        line: None,
                        id: input.name,
                        title: None,
                        company: None,
                        location: None,
                        asked: c.matched.len() + c.missing.len(),
                        matched: c.matched.iter().map(|m| m.0).collect(),
                        missing: c.missing,
                    };
                    ranker.top.push(c.score, seq as u64, hit);
                }
                Err(e) => {
                    failed += 1;
                    summary.bad += 1;
                    eprintln!("skillscan: error: {e:#}");
                }
            }
        }
    }
    if !csvs.is_empty() {
        // Sequence numbers of CSV rows come after the text files'.
        let offset = texts.len() as u64;
        let mut shifted = Shift {
            inner: &mut ranker,
            offset,
        };
        let s = for_each_batch(&csvs, &args.csv, &mut shifted)?;
        summary.read += s.read;
        summary.done += s.done;
        summary.bad += s.bad;
        summary.duplicates += s.duplicates;
    }
    let ranked = ranker.top.into_sorted();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_hits(&mut out, lex, args.format, &ranked, is_resume)?;
    out.flush()?;
    if !args.csv.quiet {
        let what = if is_resume { "postings" } else { "résumés" };
        eprintln!(
            "skillscan: rank: {}",
            summary.line(&format!("{what} scored"))
        );
    }
    Ok(if summary.bad > 0 || failed > 0 {
        if summary.done == 0 {
            Exit::Error
        } else {
            Exit::Partial
        }
    } else {
        Exit::Ok
    })
}

/// Adds an offset to each batch's sequence numbers.
struct Shift<'s, 'r> {
    inner: &'s mut Ranker<'r>,
    offset: u64,
}

impl<'a> Sink<'a> for Shift<'_, '_> {
    fn batch(&mut self, mut batch: Batch<'a>) -> Result<()> {
        for item in &mut batch {
            item.0 += self.offset;
        }
        self.inner.batch(batch)
    }
}

fn hit_out<'a>(lex: &'a Lexicon, rank: usize, r: &'a Ranked<Hit>) -> HitOut<'a> {
    let ids = |v: &'a [SkillIdx]| -> Vec<&'a str> {
        v.iter().map(|&s| lex.skill(s).id.as_str()).collect()
    };
    HitOut {
        schema: SCHEMA,
        rank,
        score: r.score,
        id: &r.item.id,
        title: r.item.title.as_deref(),
        company: r.item.company.as_deref(),
        location: r.item.location.as_deref(),
        file: &r.item.file,
        record: r.item.record,
        line: r.item.line,
        asked: r.item.asked,
        matched: ids(&r.item.matched),
        missing: ids(&r.item.missing),
    }
}

fn write_hits(
    out: &mut impl Write,
    lex: &Lexicon,
    format: RankFormat,
    ranked: &[Ranked<Hit>],
    postings: bool,
) -> Result<()> {
    let ids =
        |v: &[SkillIdx]| -> Vec<&str> { v.iter().map(|&s| lex.skill(s).id.as_str()).collect() };
    match format {
        RankFormat::Json | RankFormat::Jsonl => {
            for (i, r) in ranked.iter().enumerate() {
                let v = hit_out(lex, i + 1, r);
                if format == RankFormat::Json {
                    serde_json::to_writer_pretty(&mut *out, &v)?;
                } else {
                    serde_json::to_writer(&mut *out, &v)?;
                }
                writeln!(out)?;
            }
        }
        RankFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "rank", "score", "id", "title", "company", "location", "file", "record", "line",
                "asked", "matched", "missing",
            ])?;
            for (i, r) in ranked.iter().enumerate() {
                let h = &r.item;
                w.write_record([
                    (i + 1).to_string(),
                    format!("{:.1}", r.score),
                    h.id.clone(),
                    h.title.clone().unwrap_or_default(),
                    h.company.clone().unwrap_or_default(),
                    h.location.clone().unwrap_or_default(),
                    h.file.clone(),
                    h.record.map_or(String::new(), |n| n.to_string()),
                    h.line.map_or(String::new(), |n| n.to_string()),
                    h.asked.to_string(),
                    ids(&h.matched).join(";"),
                    ids(&h.missing).join(";"),
                ])?;
            }
            w.flush()?;
        }
        RankFormat::Table => {
            if ranked.is_empty() {
                writeln!(out, "(nothing to rank)")?;
            }
            for (i, r) in ranked.iter().enumerate() {
                let h = &r.item;
                let mut what = h.title.clone().unwrap_or_else(|| h.id.clone());
                if let Some(c) = h.company.as_deref().filter(|c| !c.is_empty()) {
                    what.push_str(&format!(" · {}", c.lines().next().unwrap_or(c)));
                }
                if let Some(l) = h.location.as_deref().filter(|l| !l.is_empty()) {
                    what.push_str(&format!(" · {l}"));
                }
                let at = match h.record {
                    Some(n) if h.title.is_some() => format!("  [{} #{n}, id {}]", h.file, h.id),
                    Some(n) => format!("  [{} #{n}]", h.file),
                    None => String::new(),
                };
                writeln!(out, "{:>3}. {:>5.1}  {what}{at}", i + 1, r.score)?;
                let names = |v: &[SkillIdx], k: usize| {
                    let mut s: Vec<&str> = v
                        .iter()
                        .take(k)
                        .map(|&x| lex.skill(x).name.as_str())
                        .collect();
                    if v.len() > k {
                        s.push("…");
                    }
                    s.join(", ")
                };
                let side = if postings {
                    "it asks"
                } else {
                    "the posting asks"
                };
                writeln!(
                    out,
                    "            has {} of the {} skills {side}: {}",
                    h.matched.len(),
                    h.asked,
                    names(&h.matched, 8)
                )?;
                if !h.missing.is_empty() {
                    writeln!(out, "            missing: {}", names(&h.missing, 8))?;
                }
            }
        }
    }
    Ok(())
}
