//! `skillscan lexicon list | show | check | dump`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::Subcommand;

use skillscan::{LexiconBuilder, Scanner};

use super::{Exit, GlobalArgs};

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// List skills: id, name, category, tier.
    List {
        /// Only this category (e.g. ml-framework).
        #[arg(long)]
        category: Option<String>,
    },
    /// Show one skill: forms, implications, rules and references.
    Show {
        /// The skill id.
        id: String,
    },
    /// Check lexicon files, reporting `file:line: skill 'id': message` for each problem.
    Check {
        /// TOML files or directories to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check the files alone, not on top of the built-in lexicon.
        #[arg(long)]
        standalone: bool,
    },
    /// Print the whole lexicon in its TOML format.
    Dump,
}

pub fn run(global: &GlobalArgs, cmd: &LexiconCommand) -> Result<Exit> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match cmd {
        LexiconCommand::List { category } => {
            let lex = global.lexicon()?;
            let mut n = 0;
            for s in lex.skills() {
                if category
                    .as_deref()
                    .is_some_and(|c| c != s.category.as_str())
                {
                    continue;
                }
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    s.id,
                    s.name,
                    s.category,
                    s.tier.as_str()
                )?;
                n += 1;
            }
            if n == 0 {
                if let Some(c) = category {
                    let known: Vec<&str> = skillscan::Category::ALL
                        .iter()
                        .map(|c| c.as_str())
                        .collect();
                    bail!(
                        "no skills in category '{c}'; categories are: {}",
                        known.join(", ")
                    );
                }
            }
        }
        LexiconCommand::Show { id } => {
            let lex = global.lexicon()?;
            let Some(idx) = lex.find(id) else {
                bail!("no skill with id '{id}' (try `skillscan lexicon list`)");
            };
            let s = lex.skill(idx);
            writeln!(out, "{} ({})", s.name, s.id)?;
            writeln!(out, "  category: {}", s.category)?;
            writeln!(out, "  tier:     {}", s.tier.as_str())?;
            let forms: Vec<&str> = s.plain_forms().collect();
            writeln!(out, "  forms:    {}", forms.join(", "))?;
            if let Some(a) = &s.ambiguous {
                writeln!(
                    out,
                    "  ambiguous forms: {}{}",
                    a.forms.join(", "),
                    if a.case_sensitive {
                        " (exact case)"
                    } else {
                        ""
                    }
                )?;
                if !a.near.is_empty() {
                    writeln!(
                        out,
                        "    needs within {} words: {}",
                        a.window,
                        a.near.join(", ")
                    )?;
                }
                writeln!(
                    out,
                    "    list context counts: {}",
                    if a.list_ok { "yes" } else { "no" }
                )?;
                if !a.not_in.is_empty() {
                    writeln!(out, "    vetoed inside: {}", a.not_in.join(", "))?;
                }
            }
            let implied: Vec<&str> = lex
                .implied_by(idx)
                .iter()
                .map(|&i| lex.skill(i).id.as_str())
                .collect();
            if !implied.is_empty() {
                writeln!(out, "  implies:  {}", implied.join(", "))?;
            }
            for (k, v) in [("onet", &s.onet), ("esco", &s.esco), ("so_tag", &s.so_tag)] {
                if let Some(v) = v {
                    writeln!(out, "  {k}:{}{v}", " ".repeat(8 - k.len()))?;
                }
            }
            writeln!(out, "  defined:  {}:{}", s.origin.file, s.origin.line)?;
        }
        LexiconCommand::Check { files, standalone } => {
            let mut b = if *standalone {
                LexiconBuilder::new()
            } else {
                LexiconBuilder::from_builtin()
            };
            for f in files {
                b.add_path(f)?;
            }
            let lex = b.build()?;
            let scanner = Scanner::new(lex);
            writeln!(
                out,
                "ok: {} skills, {} forms, {} patterns",
                scanner.lexicon().len(),
                scanner.lexicon().form_count(),
                scanner.pattern_count()
            )?;
        }
        LexiconCommand::Dump => {
            let lex = global.lexicon()?;
            out.write_all(lex.to_toml().as_bytes())?;
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}
