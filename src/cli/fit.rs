//! `skillscan fit` and `skillscan roles`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;

use skillscan::document::{Kind, KindGuess, guess_kind, title_line};
use skillscan::experience::{Experience, SalaryBands, YearMonth};
use skillscan::lexicon::Lexicon;
use skillscan::profile::Roles;
use skillscan::report::fit::{FitDoc, FitInput};
use skillscan::report::html;
use skillscan::report::table::{self, Style};
use skillscan::score::{
    Fit, PostingFit, Step, fit_all_with, learning_path, outside, rank_posting, resume_credits,
};
use skillscan::structure::Structure;
use skillscan::{Extraction, SkillIdx};

use super::{Exit, Format, GlobalArgs, Input, read_input, write_json};

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
    pub fn load(&self, lexicon: &Lexicon) -> Result<Roles> {
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
    /// Résumés (or, with --posting, postings) to score; `-` reads standard input. A file that
    /// is obviously a posting is scored as one, with a note.
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
    /// Read every file as a job posting: which role it is closest to, and what it asks for
    /// beyond that role.
    #[arg(long, conflicts_with = "resume")]
    pub posting: bool,
    /// Read every file as a résumé, even one that looks like a posting.
    #[arg(long)]
    pub resume: bool,
    /// The month that open date ranges ("2021 – present") end at, as YYYY-MM [default: this
    /// month]. Give it to make years of experience reproducible.
    #[arg(long = "as-of", value_name = "YYYY-MM", value_parser = parse_as_of)]
    pub as_of: Option<YearMonth>,
    /// Salary bands by seniority: a TOML file replacing the built-in rough US figures
    /// (format: lexicon/salary.toml).
    #[arg(long, value_name = "PATH")]
    pub salary: Option<PathBuf>,
    #[command(flatten)]
    pub source: RolesArgs,
}

pub(super) fn parse_as_of(s: &str) -> Result<YearMonth, String> {
    YearMonth::parse(s).map_err(|e| e.to_string())
}

/// This month, from the system clock (UTC).
pub(super) fn this_month() -> YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    YearMonth::from_unix_seconds(secs)
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

/// How `fit` reads its documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReadAs {
    /// Each file as it looks: a résumé unless it is obviously a posting.
    Auto,
    Resume,
    Posting,
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
    let bands = match &args.salary {
        Some(p) => SalaryBands::load(p)?,
        None => SalaryBands::builtin(),
    };
    let as_of = args.as_of.unwrap_or_else(this_month);
    let read_as = match (args.posting, args.resume) {
        (true, _) => ReadAs::Posting,
        (_, true) => ReadAs::Resume,
        _ => ReadAs::Auto,
    };
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|f| {
            let input = read_input(f)?;
            let ex = Extraction::new(&scanner, &input.text);
            let guess = guess_kind(&input.text);
            let kind = match read_as {
                ReadAs::Resume => Kind::Resume,
                ReadAs::Posting => Kind::Posting,
                ReadAs::Auto if guess.obviously_posting() => Kind::Posting,
                ReadAs::Auto => Kind::Resume,
            };
            let wanted =
                |fit: &Fit| args.role.is_empty() || args.role.contains(&roles.all()[fit.role].id);
            let experience =
                (kind == Kind::Resume).then(|| Experience::from_text(&input.text, as_of));
            let structure = Structure::new(lex, &input.text, kind, &ex, experience.as_ref());
            let (fits, closeness, title): (Vec<Fit>, Vec<f64>, _) = match kind {
                Kind::Resume => (
                    fit_all_with(lex, &roles, &resume_credits(lex, &ex, &structure))
                        .into_iter()
                        .filter(wanted)
                        .collect(),
                    Vec::new(),
                    None,
                ),
                Kind::Posting => {
                    let title = title_line(&input.text);
                    let ranked: Vec<PostingFit> = rank_posting(lex, &roles, &ex, title)
                        .into_iter()
                        .filter(|p| wanted(&p.fit))
                        .collect();
                    let titled = ranked.first().is_some_and(|p| p.titled);
                    let closeness = ranked.iter().map(|p| p.closeness).collect();
                    (
                        ranked.into_iter().map(|p| p.fit).collect(),
                        closeness,
                        title.filter(|_| titled).map(str::to_owned),
                    )
                }
            };
            let best = fits.first().map(|b| (&roles.all()[b.role], b));
            let (path, outside) = match (kind, best) {
                (Kind::Resume, Some((role, fit))) => (learning_path(lex, role, fit), Vec::new()),
                (Kind::Posting, Some((role, _))) => (Vec::new(), outside(role, &ex)),
                (_, None) => (Vec::new(), Vec::new()),
            };
            anyhow::Ok(Scored {
                structure,
                experience,
                input,
                ex,
                guess,
                kind,
                fits,
                closeness,
                title,
                path,
                outside,
            })
        })
        .collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let style = Style {
        color: global.color(),
    };
    let mut failed = 0;
    let mut page: Vec<FitDoc<'_>> = Vec::new();
    for (i, r) in results.iter().enumerate() {
        let s = match r {
            Ok(s) => s,
            Err(e) => {
                failed += 1;
                out.flush()?;
                eprintln!("skillscan: error: {e:#}");
                continue;
            }
        };
        for w in &s.input.warnings {
            eprintln!("skillscan: warning: {}: {w}", s.input.name);
        }
        if read_as == ReadAs::Auto && s.kind == Kind::Posting {
            eprintln!(
                "skillscan: note: {} reads like a job posting ({}); scoring it as one \
                 (--resume reads it as a résumé)",
                s.input.name,
                s.guess.posting_cues[..s.guess.posting_cues.len().min(3)].join(", ")
            );
        }
        let doc = FitDoc::new(
            lex,
            &roles,
            &FitInput {
                document: &s.input.name,
                text: &s.input.text,
                warnings: &s.input.warnings,
                kind: s.kind,
                extraction: &s.ex,
                structure: &s.structure,
                fits: &s.fits,
                closeness: &s.closeness,
                title: s.title.as_deref(),
                experience: s.experience.as_ref().map(|e| (e, &bands)),
                path: &s.path,
                outside: &s.outside,
            },
        );
        match args.format {
            FitFormat::Json => write_json(&mut out, Format::Json, &doc)?,
            FitFormat::Jsonl => write_json(&mut out, Format::Jsonl, &doc)?,
            FitFormat::Table => {
                if i > 0 {
                    writeln!(out)?;
                }
                table::write_fit(&mut out, &doc, args.top, style)?;
            }
            FitFormat::Html => page.push(doc),
        }
    }
    if args.format == FitFormat::Html {
        let title = match page.as_slice() {
            [d] => format!("skillscan fit: {}", d.document),
            _ => "skillscan fit".to_string(),
        };
        html::write_fit_html(&mut out, &title, &page)?;
    }
    out.flush()?;
    Ok(Exit::from_failures(failed, results.len()))
}

/// One document, read and scored.
struct Scored {
    input: Input,
    ex: Extraction,
    guess: KindGuess,
    kind: Kind,
    fits: Vec<Fit>,
    closeness: Vec<f64>,
    title: Option<String>,
    experience: Option<Experience>,
    structure: Structure,
    path: Vec<Step>,
    outside: Vec<SkillIdx>,
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
