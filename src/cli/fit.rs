//! `skillscan fit` and `skillscan roles`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;
use serde_json::json;

use skillscan::Extraction;
use skillscan::lexicon::Lexicon;
use skillscan::profile::{Need, Roles};
use skillscan::report::SCHEMA;
use skillscan::report::fit::{FitDoc, FitInput};
use skillscan::score::{Fit, How, fit_all, learning_path};

use super::{Exit, Format, GlobalArgs, Input, read_input, write_json};

/// Below this score the table says no role fits instead of naming a best fit: the scores of
/// the non-technical sample and real HR, advocate and arts résumés stay under 16, while real
/// data-science résumés start at 20.
const WEAK_FIT: f64 = 20.0;

/// Where role profiles come from.
#[derive(Debug, Args)]
pub struct RolesArgs {
    /// Replace the built-in role profiles with this TOML file or directory.
    #[arg(long, value_name = "PATH")]
    pub roles: Option<PathBuf>,
    /// Add role profiles from this TOML file or directory (repeatable); same ids override.
    #[arg(long = "roles-add", value_name = "PATH")]
    pub roles_add: Vec<PathBuf>,
}

impl RolesArgs {
    fn load(&self, lexicon: &Lexicon) -> Result<Roles> {
        let mut roles = match &self.roles {
            Some(p) => Roles::load(lexicon, None, p)?,
            None => Roles::builtin(lexicon)?,
        };
        for p in &self.roles_add {
            roles = Roles::load(lexicon, Some(roles), p)?;
        }
        Ok(roles)
    }
}

#[derive(Debug, Args)]
pub struct FitArgs {
    /// Résumés to score; `-` reads standard input.
    #[arg(value_name = "RESUME", required = true)]
    pub files: Vec<String>,
    /// Only these roles (repeatable); default: all.
    #[arg(long = "role", value_name = "ID")]
    pub role: Vec<String>,
    /// How many roles to list per résumé.
    #[arg(long, default_value_t = 5)]
    pub top: usize,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FitFormat::Table)]
    pub format: FitFormat,
    #[command(flatten)]
    pub source: RolesArgs,
}

/// `fit` output formats: the shared ones plus one HTML page for all documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FitFormat {
    /// A table for people (not stable).
    Table,
    /// Pretty-printed JSON, one object per document.
    Json,
    /// One compact JSON object per line.
    Jsonl,
    /// One self-contained HTML page for all documents: charts, gaps, evidence; no network.
    Html,
}

/// One HTML page for every document that could be read.
fn write_html(
    out: &mut impl Write,
    lex: &Lexicon,
    roles: &Roles,
    results: &[Result<(Input, Vec<Fit>, Extraction)>],
) -> Result<()> {
    let ok: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    let paths: Vec<_> = ok
        .iter()
        .map(|(_, fits, _)| {
            let best = fits.first();
            best.map(|b| learning_path(lex, &roles.all()[b.role], b))
                .unwrap_or_default()
        })
        .collect();
    let docs: Vec<FitDoc<'_>> = ok
        .iter()
        .zip(&paths)
        .map(|((input, fits, ex), path)| {
            let kind = skillscan::document::Kind::Resume;
            let (document, text, warnings) = (&input.name, &input.text, &input.warnings);
            let fit = FitInput {
                document,
                text,
                warnings,
                kind,
                extraction: ex,
                fits,
                path,
                outside: &[],
            };
            FitDoc::new(lex, roles, &fit)
        })
        .collect();
    let title = match docs.as_slice() {
        [d] => format!("skillscan fit: {}", d.document),
        _ => "skillscan fit".to_string(),
    };
    skillscan::report::html::write_fit_html(out, &title, &docs)?;
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// List role profiles: id, name, number of requirements.
    List(RolesArgs),
    /// Show one role profile's requirements.
    Show {
        /// The role id.
        id: String,
        #[command(flatten)]
        source: RolesArgs,
    },
}

fn credit_json(lex: &Lexicon, c: &skillscan::score::Credit) -> serde_json::Value {
    let s = lex.skill(c.skill);
    match c.how {
        How::Mentioned(n) => json!({ "skill": s.id, "credit": c.value, "mentions": n }),
        How::Implied(by) => {
            json!({ "skill": s.id, "credit": c.value, "implied_by": lex.skill(by).id })
        }
    }
}

pub fn run(global: &GlobalArgs, args: &FitArgs) -> Result<Exit> {
    let scanner = global.scanner()?;
    let lex = scanner.lexicon();
    let roles = args.source.load(lex)?;
    for r in &args.role {
        if roles.find(r).is_none() {
            let ids: Vec<&str> = roles.all().iter().map(|r| r.id.as_str()).collect();
            bail!("no role with id '{r}'; roles are: {}", ids.join(", "));
        }
    }
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|f| {
            let input = read_input(f)?;
            let ex = Extraction::new(&scanner, &input.text);
            let fits: Vec<Fit> = fit_all(lex, &roles, &ex)
                .into_iter()
                .filter(|fit| args.role.is_empty() || args.role.contains(&roles.all()[fit.role].id))
                .collect();
            anyhow::Ok((input, fits, ex))
        })
        .collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0;
    for (i, r) in results.iter().enumerate() {
        let (input, fits, _) = match r {
            Ok(x) => x,
            Err(e) => {
                failed += 1;
                out.flush()?;
                eprintln!("skillscan: error: {e:#}");
                continue;
            }
        };
        for w in &input.warnings {
            eprintln!("skillscan: warning: {}: {w}", input.name);
        }
        let best = fits.first();
        let path = best
            .map(|b| learning_path(lex, &roles.all()[b.role], b))
            .unwrap_or_default();
        match args.format {
            FitFormat::Html => {}
            FitFormat::Json | FitFormat::Jsonl => {
                let fits_json: Vec<_> = fits
                    .iter()
                    .map(|fit| {
                        let role = &roles.all()[fit.role];
                        json!({
                            "role": role.id,
                            "name": role.name,
                            "score": fit.score,
                            "requirements": fit.requirements.iter().map(|rf| {
                                let req = &role.requirements[rf.index];
                                json!({
                                    "label": req.label,
                                    "level": req.level.as_str(),
                                    "weight": rf.weight,
                                    "credit": rf.credit,
                                    "by": rf.by.iter().map(|c| credit_json(lex, c)).collect::<Vec<_>>(),
                                })
                            }).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let steps: Vec<_> = path
                    .iter()
                    .map(|s| {
                        let sk = lex.skill(s.skill);
                        json!({ "skill": sk.id, "name": sk.name, "tier": sk.tier.as_str() })
                    })
                    .collect();
                let v = json!({ "schema": SCHEMA, "document": input.name, "fits": fits_json, "learning_path": steps });
                let format = if args.format == FitFormat::Json {
                    Format::Json
                } else {
                    Format::Jsonl
                };
                write_json(&mut out, format, &v)?;
            }
            FitFormat::Table => {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", input.name)?;
                for fit in fits.iter().take(args.top) {
                    writeln!(out, "  {:>5.1}  {}", fit.score, roles.all()[fit.role].name)?;
                }
                let Some(best) = best else { continue };
                let role = &roles.all()[best.role];
                if best.score < WEAK_FIT {
                    writeln!(
                        out,
                        "  no role fits well: the best is {} at {:.1} (below {WEAK_FIT})",
                        role.name, best.score
                    )?;
                    continue;
                }
                writeln!(out, "  best fit: {} ({:.1})", role.name, best.score)?;
                let mut reqs: Vec<_> = best.requirements.iter().collect();
                reqs.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.index.cmp(&b.index)));
                for (title, pick) in [("met", 0), ("partly met", 1), ("missing", 2)] {
                    let items: Vec<String> = reqs
                        .iter()
                        .filter(|r| match pick {
                            0 => r.met(),
                            1 => !r.met() && !r.missing(),
                            _ => r.missing(),
                        })
                        .map(|r| {
                            let req = &role.requirements[r.index];
                            let what = match (&req.need, r.by.first()) {
                                (Need::AnyOf(_) | Need::Category { .. }, Some(c)) if pick < 2 => {
                                    format!("{} ({})", req.label, lex.skill(c.skill).name)
                                }
                                _ => req.label.clone(),
                            };
                            format!(
                                "{what} [{} {}, {:.0}%]",
                                req.level.as_str(),
                                r.weight,
                                r.credit * 100.0
                            )
                        })
                        .collect();
                    if !items.is_empty() {
                        writeln!(out, "    {title}: {}", items.join("; "))?;
                    }
                }
                if !path.is_empty() {
                    let steps: Vec<String> = path
                        .iter()
                        .enumerate()
                        .map(|(k, s)| {
                            format!(
                                "{}. {} ({})",
                                k + 1,
                                lex.skill(s.skill).name,
                                lex.skill(s.skill).tier.as_str()
                            )
                        })
                        .collect();
                    writeln!(out, "  learn next: {}", steps.join(", "))?;
                }
                let next: Vec<String> = fits
                    .iter()
                    .skip(1)
                    .take(3)
                    .map(|f| format!("{} {:.1}", roles.all()[f.role].name, f.score))
                    .collect();
                if !next.is_empty() {
                    writeln!(out, "  next best: {}", next.join(", "))?;
                }
            }
        }
    }
    if args.format == FitFormat::Html {
        write_html(&mut out, lex, &roles, &results)?;
    }
    out.flush()?;
    Ok(Exit::from_failures(failed, results.len()))
}

pub fn run_roles(global: &GlobalArgs, cmd: &RolesCommand) -> Result<Exit> {
    let lex = global.lexicon()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cmd {
        RolesCommand::List(source) => {
            for r in source.load(&lex)?.all() {
                writeln!(
                    out,
                    "{}\t{}\t{} requirements",
                    r.id,
                    r.name,
                    r.requirements.len()
                )?;
            }
        }
        RolesCommand::Show { id, source } => {
            let roles = source.load(&lex)?;
            let Some(r) = roles.find(id) else {
                bail!("no role with id '{id}' (try `skillscan roles list`)")
            };
            writeln!(out, "{} ({})\n  {}", r.name, r.id, r.description)?;
            if !r.titles.is_empty() {
                writeln!(out, "  titles: {}", r.titles.join(", "))?;
            }
            for q in &r.requirements {
                writeln!(out, "  {:<9} {}  {}", q.level.as_str(), q.weight, q.label)?;
            }
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}
