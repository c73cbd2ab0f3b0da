//! Per-document results: the matches grouped by skill, plus the skills they imply.

use crate::lexicon::{Lexicon, SkillIdx};
use crate::scan::{Match, Scanner};

/// One skill found in a document, with all of its matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillSummary {
    /// The skill.
    pub skill: SkillIdx,
    /// Matches that are not negated.
    pub count: usize,
    /// Matches that are negated.
    pub negated: usize,
    /// Every match, in document order.
    pub matches: Vec<Match>,
}

/// The skills of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    /// Every match, in document order.
    pub matches: Vec<Match>,
}

impl Extraction {
    /// Scans `text`.
    pub fn new(scanner: &Scanner, text: &str) -> Extraction {
        Extraction {
            matches: scanner.scan(text),
        }
    }

    /// Matches grouped by skill: most mentioned first, then by lexicon order, so the order is
    /// total and deterministic.
    pub fn skills(&self) -> Vec<SkillSummary> {
        let mut out: Vec<SkillSummary> = Vec::new();
        let mut sorted: Vec<&Match> = self.matches.iter().collect();
        sorted.sort_by_key(|m| (m.skill, m.start));
        for m in sorted {
            match out.last_mut() {
                Some(s) if s.skill == m.skill => s.matches.push(m.clone()),
                _ => out.push(SkillSummary {
                    skill: m.skill,
                    count: 0,
                    negated: 0,
                    matches: vec![m.clone()],
                }),
            }
        }
        for s in &mut out {
            s.negated = s.matches.iter().filter(|m| m.negated).count();
            s.count = s.matches.len() - s.negated;
        }
        out.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.negated.cmp(&b.negated))
                .then(a.skill.cmp(&b.skill))
        });
        out
    }

    /// The distinct skills with at least one match that is not negated, in lexicon order.
    pub fn mentioned(&self) -> Vec<SkillIdx> {
        let mut found: Vec<SkillIdx> = self
            .matches
            .iter()
            .filter(|m| !m.negated)
            .map(|m| m.skill)
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// Skills implied by the non-negated matches but not matched themselves, each with the
    /// matched skills that imply it, in lexicon order.
    pub fn implied(&self, lexicon: &Lexicon) -> Vec<(SkillIdx, Vec<SkillIdx>)> {
        let found = self.mentioned();
        let mut implied: std::collections::BTreeMap<SkillIdx, Vec<SkillIdx>> = Default::default();
        for &s in &found {
            for &p in lexicon.implied_by(s) {
                if found.binary_search(&p).is_err() {
                    let by = implied.entry(p).or_default();
                    if !by.contains(&s) {
                        by.push(s);
                    }
                }
            }
        }
        implied.into_iter().collect()
    }
}
