//! `skillscan eval`.

use std::io::{self, BufWriter, Write};

use anyhow::{Context, Result, bail};
use clap::Args;

use skillscan::eval::{Accuracy, Prf, Report, StructureReport, evaluate};
use skillscan::report::SCHEMA;

use super::{Exit, Format, GlobalArgs, write_json};

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold files (JSON lines): SkillSpan style or `{"id","text","skills"}` documents.
    #[arg(required = true, value_name = "GOLD")]
    pub files: Vec<String>,
    /// Output format (`table` or `json`).
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// How many false positives and negatives to list.
    #[arg(long, default_value_t = 15)]
    pub top: usize,
    /// For span files: the source whose overlap scores are checked against --min-* (default: all).
    #[arg(long)]
    pub source: Option<String>,
    /// Exit 1 if recall (overlap, or document-level) is below this.
    #[arg(long, value_name = "R")]
    pub min_recall: Option<f64>,
    /// Exit 1 if precision (overlap, or document-level) is below this.
    #[arg(long, value_name = "P")]
    pub min_precision: Option<f64>,
    /// For structure files: exit 1 if section accuracy, years-asked accuracy or résumé total
    /// years (within ±1) is below this.
    #[arg(long, value_name = "A")]
    pub min_accuracy: Option<f64>,
}

fn accuracy_line(label: &str, a: &Accuracy) -> String {
    format!(
        "  {label:<22} {:>5.1}%  ({} of {})",
        100.0 * a.accuracy,
        a.correct,
        a.total
    )
}

/// The structure scores the `--min-accuracy` gate checks.
fn gated(s: &StructureReport) -> [(&'static str, &Accuracy); 3] {
    [
        ("section accuracy", &s.sections),
        ("years asked", &s.years_asked),
        ("résumé total years", &s.total_years),
    ]
}

fn prf_line(label: &str, p: &Prf) -> String {
    format!(
        "  {label:<8} P {:.3}  R {:.3}  F1 {:.3}   ({} of {} predicted correct, {} of {} gold found)",
        p.precision, p.recall, p.f1, p.true_positives, p.predicted, p.gold_found, p.gold
    )
}

pub fn run(global: &GlobalArgs, args: &EvalArgs) -> Result<Exit> {
    let scanner = global.scanner()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut below = false;
    let mut failed = 0;
    for file in &args.files {
        // A bad gold file is reported and the others still run, as in `scan`.
        let read = std::fs::read_to_string(file)
            .with_context(|| format!("{file}: cannot read"))
            .and_then(|text| Ok(evaluate(&scanner, file, &text, args.top)?));
        let report: Report = match read {
            Ok(r) => r,
            Err(e) => {
                out.flush()?;
                eprintln!("skillscan: error: {e:#}");
                failed += 1;
                continue;
            }
        };
        let checked = match &report.documents {
            _ if report.structure.is_some() => None,
            Some(d) => Some(*d),
            None => {
                let want = args.source.as_deref().unwrap_or("all");
                match report.source(want) {
                    Some(s) => Some(s.overlap),
                    None if args.min_recall.is_some() || args.min_precision.is_some() => {
                        bail!("{file}: no sentences with source '{want}'")
                    }
                    None => None,
                }
            }
        };
        match args.format {
            Format::Table => {
                let mut continue_lists = true;
                writeln!(out, "{file}")?;
                for s in &report.spans {
                    writeln!(out, " source {} ({} sentences)", s.source, s.sentences)?;
                    writeln!(out, "{}", prf_line("strict", &s.strict))?;
                    writeln!(out, "{}", prf_line("overlap", &s.overlap))?;
                }
                if let Some(d) = &report.documents {
                    writeln!(out, "{}", prf_line("skills", d))?;
                }
                if let Some(st) = &report.structure {
                    writeln!(out, " {} documents", st.documents)?;
                    for (label, a) in [
                        ("sections (all)", &st.sections),
                        ("sections (postings)", &st.posting_sections),
                        ("sections (résumés)", &st.resume_sections),
                        ("strength", &st.strength),
                        ("years asked", &st.years_asked),
                        ("years asked precision", &st.years_asked_precision),
                        ("résumé total years ±1", &st.total_years),
                        ("years per skill ±1", &st.skill_years),
                        ("degree level", &st.degree_level),
                        ("degree level + fields", &st.degree_fields),
                    ] {
                        writeln!(out, "{}", accuracy_line(label, a))?;
                    }
                    writeln!(out, " errors ({} in all):", st.errors.len())?;
                    for e in st.errors.iter().take(args.top) {
                        writeln!(out, "  {e}")?;
                    }
                    continue_lists = false;
                }
                for (title, list) in [
                    ("false positives", &report.false_positives),
                    ("false negatives", &report.false_negatives),
                ]
                .into_iter()
                .filter(|_| continue_lists)
                {
                    let items: Vec<String> = list
                        .iter()
                        .map(|e| format!("{} ({})", e.item, e.count))
                        .collect();
                    writeln!(
                        out,
                        " top {title}: {}",
                        if items.is_empty() {
                            "none".into()
                        } else {
                            items.join(", ")
                        }
                    )?;
                }
            }
            Format::Json | Format::Jsonl => {
                let v = serde_json::json!({ "schema": SCHEMA, "file": file, "report": report });
                write_json(&mut out, args.format, &v)?;
            }
        }
        if let (Some(st), Some(min)) = (&report.structure, args.min_accuracy) {
            for (label, a) in gated(st) {
                if a.accuracy < min {
                    below = true;
                    out.flush()?;
                    eprintln!(
                        "skillscan: {file}: below target: {label} {:.3} (min {min})",
                        a.accuracy
                    );
                }
            }
        }
        if let Some(p) = checked {
            if args.min_recall.is_some_and(|m| p.recall < m)
                || args.min_precision.is_some_and(|m| p.precision < m)
            {
                below = true;
                out.flush()?;
                eprintln!(
                    "skillscan: {file}: below target: precision {:.3} (min {}), recall {:.3} (min {})",
                    p.precision,
                    args.min_precision.map_or("-".into(), |m| m.to_string()),
                    p.recall,
                    args.min_recall.map_or("-".into(), |m| m.to_string())
                );
            }
        }
    }
    out.flush()?;
    Ok(match Exit::from_failures(failed, args.files.len()) {
        Exit::Ok if below => Exit::Partial,
        exit => exit,
    })
}
