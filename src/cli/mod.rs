//! Command-line parsing (what the user typed) and dispatch (what the library sees).

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use skillscan::{Lexicon, LexiconBuilder, Scanner};

mod annotate;
mod batch;
mod eval;
mod fit;
mod lexicon;
mod rank;
mod scan;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  partial failure: some inputs could not be read (the rest were processed),
     or `eval` fell below a --min-* target
  2  error: bad arguments, an invalid lexicon, or no input could be processed";

const EXAMPLES: &str = "\
Examples:
  skillscan scan resume.txt                 skills found, with counts and lines
  skillscan scan --format jsonl posts/*.md  one JSON object per document
  cat posting.txt | skillscan scan -        read standard input
  skillscan lexicon show pytorch            a skill, its aliases and rules
  skillscan eval gold.jsonl                 precision / recall against gold data";

/// How the run ended, as a process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked.
    Ok = 0,
    /// Some inputs failed; the rest were processed.
    Partial = 1,
    /// Nothing useful could be done.
    Error = 2,
}

impl Exit {
    /// The exit code of a run over `total` inputs of which `failed` could not be processed.
    pub fn from_failures(failed: usize, total: usize) -> Exit {
        match failed {
            0 => Exit::Ok,
            n if n == total => Exit::Error,
            _ => Exit::Partial,
        }
    }
}

/// Writes one JSON object and a newline: pretty for `json`, one line for `jsonl`. The bytes
/// are serialised first so a closed pipe surfaces as an `io::Error` (see `main`).
pub fn write_json(
    out: &mut impl io::Write,
    format: Format,
    value: &impl serde::Serialize,
) -> Result<()> {
    let bytes = if format == Format::Json {
        serde_json::to_vec_pretty(value)?
    } else {
        serde_json::to_vec(value)?
    };
    out.write_all(&bytes)?;
    writeln!(out)?;
    Ok(())
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// Fast, offline, explainable skill analyzer for résumés and job postings.
#[derive(Debug, Parser)]
#[command(name = "skillscan", version, about, after_help = format!("{EXAMPLES}\n\n{EXIT_CODES}"))]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct GlobalArgs {
    /// Replace the built-in lexicon with this TOML file or directory of files.
    #[arg(long, global = true, value_name = "PATH")]
    lexicon: Option<PathBuf>,
    /// Add skills from this TOML file or directory (repeatable); same ids override.
    #[arg(long = "lexicon-add", global = true, value_name = "PATH")]
    lexicon_add: Vec<PathBuf>,
    /// When to use colours: auto respects NO_COLOR and whether stdout is a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', global = true, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people (not stable).
    Table,
    /// Pretty-printed JSON, one object per document.
    Json,
    /// One compact JSON object per line.
    Jsonl,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find the skills in résumés or postings (text or Markdown; `-` for stdin).
    #[command(
        after_help = "Examples:\n  skillscan scan samples/resumes/*\n  skillscan scan --format json resume.md | jq '.skills[].id'"
    )]
    Scan(scan::ScanArgs),
    /// Score résumés against role profiles: fit, gaps, what to learn next.
    #[command(
        after_help = "Examples:\n  skillscan fit resume.md\n  skillscan fit --role data-scientist --format json resume.md"
    )]
    Fit(fit::FitArgs),
    /// Rank postings (CSV) for a résumé, or résumés for a posting.
    #[command(
        after_help = "Examples:\n  skillscan rank --resume me.md postings.csv\n  skillscan rank --resume me.md --top 50 --format csv jobs.tsv -d tab > ranked.csv\n  skillscan rank --posting job.txt resumes/\n\nA bad CSV row is reported on stderr with its record and line, counted in the\nsummary line, and skipped (exit 1); --strict stops at the first one (exit 2)."
    )]
    Rank(rank::RankArgs),
    /// Add skills, categories and the closest role to every row of a postings CSV.
    #[command(
        after_help = "Examples:\n  skillscan annotate postings.csv > annotated.csv\n  cat postings.csv | skillscan annotate --format jsonl - | jq -r .role\n\nOutput keeps input order and memory stays flat whatever the file size. Added CSV\ncolumns: skillscan_skills, skillscan_negated, skillscan_categories (`;`-separated),\nskillscan_role, skillscan_role_score."
    )]
    Annotate(annotate::AnnotateArgs),
    /// Inspect role profiles.
    #[command(subcommand)]
    Roles(fit::RolesCommand),
    /// Inspect and check lexicons.
    #[command(subcommand)]
    Lexicon(lexicon::LexiconCommand),
    /// Measure precision, recall and F1 against gold annotations.
    #[command(
        after_help = "Gold formats (JSON lines, detected from the first line):\n  SkillSpan: {\"tokens\": [...], \"tags_knowledge\": [\"B\",\"I\",\"O\",...], \"source\": \"tech\"}\n  Documents: {\"id\": \"a\", \"text\": \"...\", \"skills\": [\"python\", ...]}\n\nExample:\n  skillscan eval dev.json --source tech --min-recall 0.65 --min-precision 0.55"
    )]
    Eval(eval::EvalArgs),
}

impl GlobalArgs {
    fn lexicon(&self) -> Result<Lexicon> {
        if self.lexicon.is_none() && self.lexicon_add.is_empty() {
            return Ok(Lexicon::builtin());
        }
        let mut b = match &self.lexicon {
            Some(p) => {
                let mut b = LexiconBuilder::new();
                b.add_path(p)?;
                b
            }
            None => LexiconBuilder::from_builtin(),
        };
        for p in &self.lexicon_add {
            b.add_path(p)?;
        }
        Ok(b.build()?)
    }

    fn scanner(&self) -> Result<Scanner> {
        if self.lexicon.is_none() && self.lexicon_add.is_empty() {
            return Ok(Scanner::builtin());
        }
        Ok(Scanner::new(self.lexicon()?))
    }

    fn color(&self) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        }
    }
}

/// A document read from a file or stdin, decoded to text.
pub struct Input {
    /// The name shown in output: the path, or `-`.
    pub name: String,
    /// The text.
    pub text: String,
    /// Problems that did not stop reading.
    pub warnings: Vec<String>,
}

/// Reads a file, or stdin for `-`, in any format [`skillscan::document::read`] knows (text,
/// HTML, PDF, DOCX), told by content.
pub fn read_input(path: &str) -> Result<Input> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("{path}: cannot read"))?;
    }
    let doc = skillscan::document::read(&bytes, path).with_context(|| path.to_string())?;
    Ok(Input {
        name: path.to_string(),
        text: doc.text,
        warnings: doc.warnings,
    })
}

/// Parses arguments and runs the command.
pub fn run() -> Result<Exit> {
    let cli = Cli::parse();
    if let Some(n) = cli.global.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("setting up the thread pool")?;
    }
    match &cli.command {
        Command::Scan(args) => scan::run(&cli.global, args),
        Command::Fit(args) => fit::run(&cli.global, args),
        Command::Roles(cmd) => fit::run_roles(&cli.global, cmd),
        Command::Rank(args) => rank::run(&cli.global, args),
        Command::Annotate(args) => annotate::run(&cli.global, args),
        Command::Lexicon(cmd) => lexicon::run(&cli.global, cmd),
        Command::Eval(args) => eval::run(&cli.global, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("skillscan").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn each_flag_parses() {
        let c = parse(&[
            "--lexicon",
            "x.toml",
            "--lexicon-add",
            "a.toml",
            "--lexicon-add",
            "b",
            "scan",
            "-",
        ]);
        assert_eq!(
            c.global.lexicon.as_deref(),
            Some(std::path::Path::new("x.toml"))
        );
        assert_eq!(c.global.lexicon_add.len(), 2);
        let c = parse(&[
            "scan", "--format", "jsonl", "a", "b", "--color", "never", "-j", "2",
        ]);
        assert_eq!(c.global.color, ColorChoice::Never);
        assert_eq!(c.global.threads, Some(2));
        match c.command {
            Command::Scan(a) => {
                assert_eq!(a.format, Format::Jsonl);
                assert_eq!(a.files, ["a", "b"]);
            }
            _ => panic!(),
        }
        let c = parse(&[
            "eval",
            "g.json",
            "--source",
            "tech",
            "--min-recall",
            "0.65",
            "--min-precision",
            "0.5",
            "--top",
            "3",
        ]);
        match c.command {
            Command::Eval(a) => {
                assert_eq!(a.source.as_deref(), Some("tech"));
                assert_eq!(
                    (a.min_recall, a.min_precision, a.top),
                    (Some(0.65), Some(0.5), 3)
                );
            }
            _ => panic!(),
        }
        match parse(&["fit", "--format", "html", "a", "b"]).command {
            Command::Fit(a) => assert_eq!(a.format, fit::FitFormat::Html),
            _ => panic!(),
        }
        assert!(Cli::try_parse_from(["skillscan", "scan", "--format", "html", "a"]).is_err());
        assert!(Cli::try_parse_from(["skillscan", "scan", "--format", "xml"]).is_err());
        assert!(Cli::try_parse_from(["skillscan", "lexicon", "show"]).is_err());
    }
}
