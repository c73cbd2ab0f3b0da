//! The stable JSON shape of scan results.

use serde::Serialize;

use crate::extract::Extraction;
use crate::lexicon::Lexicon;

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
    /// Every mention.
    pub matches: Vec<MatchOut<'a>>,
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
    ) -> ScanDoc<'a> {
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
            skills,
            implied,
        }
    }
}
