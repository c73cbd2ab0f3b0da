//! The stable JSON shape of scan results.

use serde::Serialize;

use crate::asks::Strength;
use crate::document::sections::Section;
use crate::education::Degree;
use crate::experience::YearMonth;
use crate::extract::Extraction;
use crate::lexicon::Lexicon;
use crate::structure::Structure;

/// One document's scan result, as written by `--format json` and `jsonl`.
#[derive(Debug, Serialize)]
pub struct ScanDoc<'a> {
    /// Always [`super::SCHEMA`].
    pub schema: &'static str,
    /// The document: its path, or `-` for standard input.
    pub document: &'a str,
    /// Size of the document text in bytes.
    pub bytes: usize,
    /// Problems reading the document that did not stop it (e.g. invalid UTF-8).
    pub warnings: &'a [String],
    /// How it was read: `resume` or `posting`.
    pub kind: &'static str,
    /// Where each section begins, in order.
    pub sections: Vec<SectionOut<'a>>,
    /// The degree a résumé holds or a posting asks for.
    pub degree: Option<&'a Degree>,
    /// A posting's years asks, in text order (empty for a résumé).
    pub years_asked: Vec<YearsAskOut<'a>>,
    /// Skills found, most mentioned first.
    pub skills: Vec<SkillOut<'a>>,
    /// Skills implied by those found but not mentioned.
    pub implied: Vec<ImpliedOut<'a>>,
}

/// A skill found in a document.
#[derive(Debug, Serialize)]
pub struct SkillOut<'a> {
    /// Skill id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Category.
    pub category: &'static str,
    /// Learning tier.
    pub tier: &'static str,
    /// Mentions that are not negated.
    pub count: usize,
    /// Mentions that are negated.
    pub negated: usize,
    /// In a posting, its strongest ask: `required`, `preferred` or `mentioned`; `null` in a
    /// résumé.
    pub strength: Option<Strength>,
    /// In a résumé read with its experience, the years of the job entries that mention the
    /// skill; `null` otherwise.
    pub years: Option<f64>,
    /// With `years`, the last month of the latest such entry.
    pub last_used: Option<YearMonth>,
    /// Every mention.
    pub matches: Vec<MatchOut<'a>>,
}

/// Where a section begins.
#[derive(Debug, Serialize)]
pub struct SectionOut<'a> {
    /// The section.
    pub section: Section,
    /// Its heading as written (empty for a legal or company sentence with no heading).
    pub heading: &'a str,
    /// Byte offset of the start.
    pub start: usize,
    /// One-based line of the start.
    pub line: usize,
}

/// A years ask of a posting.
#[derive(Debug, Serialize)]
pub struct YearsAskOut<'a> {
    /// The skill ids it asks the years of; empty for overall experience.
    pub skills: Vec<&'a str>,
    /// At least this many years.
    pub min: u32,
    /// At most this many, for a range.
    pub max: Option<u32>,
    /// `required` or `preferred`.
    pub strength: Strength,
    /// The phrase as written ("5+ years").
    pub text: &'a str,
    /// One-based line.
    pub line: usize,
}

/// One mention, with its evidence.
#[derive(Debug, Serialize)]
pub struct MatchOut<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Byte offset of the start in the original document.
    pub start: usize,
    /// Byte offset just past the end in the original document.
    pub end: usize,
    /// One-based line.
    pub line: usize,
    /// Whether the mention is negated.
    pub negated: bool,
    /// Why it counts: `form`, `case`, `list` or `near:WORD`.
    pub evidence: String,
    /// The section it is in.
    pub section: Section,
    /// In a posting, how strongly this mention asks for the skill; `null` in a résumé.
    pub strength: Option<Strength>,
}

/// A skill implied by others.
#[derive(Debug, Serialize)]
pub struct ImpliedOut<'a> {
    /// Skill id.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// Ids of the found skills that imply it.
    pub by: Vec<&'a str>,
}

impl<'a> ScanDoc<'a> {
    /// Builds the output object for one document.
    pub fn new(
        lexicon: &'a Lexicon,
        document: &'a str,
        text: &'a str,
        warnings: &'a [String],
        ex: &Extraction,
        structure: &'a Structure,
    ) -> ScanDoc<'a> {
        let line_of = |at: usize| 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count();
        let skills = ex
            .skills()
            .into_iter()
            .map(|s| {
                let skill = lexicon.skill(s.skill);
                SkillOut {
                    id: &skill.id,
                    name: &skill.name,
                    category: skill.category.as_str(),
                    tier: skill.tier.as_str(),
                    count: s.count,
                    negated: s.negated,
                    strength: s
                        .matches
                        .iter()
                        .filter_map(|m| structure.strength(text, m))
                        .max(),
                    years: structure.years_of(s.skill).map(|y| y.years()),
                    last_used: structure.years_of(s.skill).map(|y| y.last_used),
                    matches: s
                        .matches
                        .iter()
                        .map(|m| MatchOut {
                            text: &text[m.start..m.end],
                            start: m.start,
                            end: m.end,
                            line: m.line,
                            negated: m.negated,
                            evidence: m.evidence.label(),
                            section: structure.section(m),
                            strength: structure.strength(text, m),
                        })
                        .collect(),
                }
            })
            .collect();
        let implied = ex
            .implied(lexicon)
            .into_iter()
            .map(|(idx, by)| {
                let skill = lexicon.skill(idx);
                ImpliedOut {
                    id: &skill.id,
                    name: &skill.name,
                    by: by
                        .into_iter()
                        .map(|b| lexicon.skill(b).id.as_str())
                        .collect(),
                }
            })
            .collect();
        ScanDoc {
            schema: super::SCHEMA,
            document,
            bytes: text.len(),
            warnings,
            kind: structure.kind.as_str(),
            sections: structure
                .sections
                .starts()
                .iter()
                .map(|s| SectionOut {
                    section: s.section,
                    heading: &text[s.heading.clone()],
                    start: s.heading.start,
                    line: line_of(s.heading.start),
                })
                .collect(),
            degree: structure.degree.as_ref(),
            years_asked: structure.asks.as_ref().map_or(Vec::new(), |a| {
                a.years
                    .iter()
                    .map(|y| YearsAskOut {
                        skills: y
                            .skills
                            .iter()
                            .map(|&s| lexicon.skill(s).id.as_str())
                            .collect(),
                        min: y.min,
                        max: y.max,
                        strength: y.strength,
                        text: &text[y.span.clone()],
                        line: line_of(y.span.start),
                    })
                    .collect()
            }),
            skills,
            implied,
        }
    }
}
