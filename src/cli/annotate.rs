//! `skillscan annotate`: a postings CSV streamed back out with skills and roles added.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;

use skillscan::Extraction;
use skillscan::document::rows::{BadRow, Columns};
use skillscan::lexicon::Lexicon;
use skillscan::profile::Roles;
use skillscan::rank::asks;
use skillscan::report::SCHEMA;
use skillscan::score::{WEAK_FIT, closest_role};
use skillscan::{Scanner, SkillIdx};

use super::batch::{Batch, CsvArgs, Sink, for_each_batch};
use super::fit::RolesArgs;
use super::{Exit, GlobalArgs};

/// The columns `annotate --format csv` adds, after the input's own.
pub const ADDED_COLUMNS: [&str; 5] = [
    "skillscan_skills",
    "skillscan_negated",
    "skillscan_categories",
    "skillscan_role",
    "skillscan_role_score",
];

#[derive(Debug, Args)]
pub struct AnnotateArgs {
    /// The postings CSV (`-` reads standard input).
    #[arg(value_name = "POSTINGS.csv")]
    pub file: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = AnnotateFormat::Csv)]
    pub format: AnnotateFormat,
    #[command(flatten)]
    pub csv: CsvArgs,
    #[command(flatten)]
    pub roles: RolesArgs,
}

/// `annotate` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnnotateFormat {
    /// The input CSV with five columns added (stable).
    Csv,
    /// One JSON object per input record (stable).
    Jsonl,
}

/// One annotated record, as written by `--format jsonl`.
#[derive(Debug, Serialize)]
struct Annotation<'a> {
    schema: &'static str,
    record: u64,
    line: u64,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    skills: Vec<&'a str>,
    negated: Vec<&'a str>,
    categories: Vec<&'static str>,
    role: Option<&'a str>,
    role_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// What one row yields.
struct Annotated {
    skills: Vec<SkillIdx>,
    negated: Vec<SkillIdx>,
    role: Option<(usize, f64)>,
}

fn annotate(
    lex: &Lexicon,
    scanner: &Scanner,
    roles: &Roles,
    text: &str,
    title: Option<&str>,
) -> Annotated {
    let ex = Extraction::new(scanner, text);
    let skills = asks(&ex);
    let mut negated: Vec<SkillIdx> = ex
        .matches
        .iter()
        .filter(|m| m.negated && skills.binary_search(&m.skill).is_err())
        .map(|m| m.skill)
        .collect();
    negated.sort();
    negated.dedup();
    // A role only when the title names it or the posting fits it at least weakly: a posting
    // that names two skills is not "for" any role.
    let role = closest_role(lex, roles, &ex, title)
        .filter(|&(_, score, titled)| titled || score >= WEAK_FIT)
        .map(|(role, score, _)| (role, score));
    Annotated {
        skills,
        negated,
        role,
    }
}

fn categories(lex: &Lexicon, skills: &[SkillIdx]) -> Vec<&'static str> {
    let mut out = Vec::new();
    categories_into(&mut out, lex, skills);
    out
}

/// The distinct categories of `skills`, sorted by name, into `out` (cleared first).
fn categories_into(out: &mut Vec<&'static str>, lex: &Lexicon, skills: &[SkillIdx]) {
    out.clear();
    out.extend(skills.iter().map(|&s| lex.skill(s).category.as_str()));
    out.sort_unstable();
    out.dedup();
}

/// `items` joined with `;` into `buf` (cleared first).
fn join_into<'s>(buf: &mut Vec<u8>, items: impl IntoIterator<Item = &'s str>) {
    buf.clear();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            buf.push(b';');
        }
        buf.extend_from_slice(item.as_bytes());
    }
}

struct Writer<'r, W: Write> {
    lex: &'r Lexicon,
    scanner: &'r Scanner,
    roles: &'r Roles,
    format: AnnotateFormat,
    csv: Option<csv::Writer<W>>,
    jsonl: Option<W>,
    /// Fields in the header of the file being read.
    width: usize,
    /// Buffers for one added field, reused from row to row.
    field: Vec<u8>,
    cats: Vec<&'static str>,
}

impl<'a, W: Write> Sink<'a> for Writer<'_, W> {
    fn open(&mut self, _file: &'a str, columns: &Columns) -> Result<()> {
        self.width = columns.headers.len();
        if let Some(w) = &mut self.csv {
            let mut header: Vec<&str> = columns.headers.iter().map(String::as_str).collect();
            header.extend(ADDED_COLUMNS);
            w.write_record(&header)?;
        }
        Ok(())
    }

    fn batch(&mut self, batch: Batch<'a>) -> Result<()> {
        let (lex, scanner, roles) = (self.lex, self.scanner, self.roles);
        let done: Vec<Annotated> = batch
            .par_iter()
            .map(|(_, _, row)| annotate(lex, scanner, roles, &row.text, row.title.as_deref()))
            .collect();
        for ((_, _, row), a) in batch.into_iter().zip(&done) {
            let ids = |v: &[SkillIdx]| -> Vec<&str> {
                v.iter().map(|&s| lex.skill(s).id.as_str()).collect()
            };
            let role = a.role.map(|(r, score)| (roles.all()[r].id.as_str(), score));
            match self.format {
                AnnotateFormat::Csv => {
                    let w = self.csv.as_mut().expect("a CSV writer");
                    let field = &mut self.field;
                    let mut rec = row.raw;
                    // Short rows are padded so the added columns line up with the header;
                    // long rows keep their extra fields (and were reported).
                    for _ in rec.len()..self.width {
                        rec.push_field(b"");
                    }
                    let id = |&s: &SkillIdx| lex.skill(s).id.as_str();
                    join_into(field, a.skills.iter().map(id));
                    rec.push_field(field);
                    join_into(field, a.negated.iter().map(id));
                    rec.push_field(field);
                    categories_into(&mut self.cats, lex, &a.skills);
                    join_into(field, self.cats.iter().copied());
                    rec.push_field(field);
                    rec.push_field(role.map_or("", |r| r.0).as_bytes());
                    field.clear();
                    if let Some((_, score)) = role {
                        write!(field, "{score:.1}")?;
                    }
                    rec.push_field(field);
                    w.write_byte_record(&rec)?;
                }
                AnnotateFormat::Jsonl => {
                    let w = self.jsonl.as_mut().expect("a JSONL writer");
                    let out = Annotation {
                        schema: SCHEMA,
                        record: row.record,
                        line: row.line,
                        id: &row.id,
                        title: row.title.as_deref(),
                        skills: ids(&a.skills),
                        negated: ids(&a.negated),
                        categories: categories(lex, &a.skills),
                        role: role.map(|r| r.0),
                        role_score: role.map(|r| r.1),
                        error: None,
                    };
                    serde_json::to_writer(&mut *w, &out)?;
                    w.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    }

    fn bad(&mut self, _file: &'a str, bad: &BadRow) -> Result<()> {
        // The CSV output keeps only readable records (the bad one is on stderr and in the
        // summary); JSONL gets an object saying what went wrong, so every record is accounted
        // for in the output too.
        if let Some(w) = &mut self.jsonl {
            let id = bad.record.to_string();
            let out = Annotation {
                schema: SCHEMA,
                record: bad.record,
                line: bad.line,
                id: &id,
                title: None,
                skills: Vec::new(),
                negated: Vec::new(),
                categories: Vec::new(),
                role: None,
                role_score: None,
                error: Some(&bad.message),
            };
            serde_json::to_writer(&mut *w, &out)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}

pub fn run(global: &GlobalArgs, args: &AnnotateArgs) -> Result<Exit> {
    let scanner = global.scanner()?;
    let lex = scanner.lexicon();
    let roles = args.roles.load(lex)?;
    let stdout = io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut writer = Writer {
        lex,
        scanner: &scanner,
        roles: &roles,
        format: args.format,
        csv: None,
        jsonl: None,
        width: 0,
        field: Vec::new(),
        cats: Vec::new(),
    };
    match args.format {
        AnnotateFormat::Csv => {
            writer.csv = Some(
                csv::WriterBuilder::new()
                    .delimiter(args.csv.delimiter)
                    .flexible(true)
                    .from_writer(out),
            )
        }
        AnnotateFormat::Jsonl => writer.jsonl = Some(out),
    }
    let files = std::slice::from_ref(&args.file);
    let summary = for_each_batch(files, &args.csv, &mut writer)?;
    if let Some(w) = &mut writer.csv {
        w.flush()?;
    }
    if let Some(w) = &mut writer.jsonl {
        w.flush()?;
    }
    if !args.csv.quiet {
        eprintln!("skillscan: annotate: {}", summary.line("annotated"));
    }
    Ok(if summary.bad > 0 {
        Exit::Partial
    } else {
        Exit::Ok
    })
}
