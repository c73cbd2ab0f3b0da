//! A document's structure: its sections and what they say about each match.
//!
//! [`Structure::new`] runs the structure readers on one scanned document:
//! - [`Sections`] for every document;
//! - for a posting, its [`Asks`] (each match's strength and the years asked) and the degree
//!   it asks for ([`education::asked`]); the phrases these readers look for (headings, legal
//!   phrases, strength cues, degree levels) are found in one pass over the posting
//!   (`document::phrases`);
//! - for a résumé, the degree it holds ([`education::held`]) and, given its
//!   [`Experience`], the years and last use of each skill used in a job entry
//!   ([`experience::skill_years`]).

use std::ops::Range;
use std::sync::OnceLock;

use crate::asks::{self, Asks, Strength};
use crate::document::Kind;
use crate::document::phrases::PhraseSets;
use crate::document::sections::{self, Section, Sections};
use crate::education::{self, Degree};
use crate::experience::{self, Experience, SkillYears};
use crate::extract::Extraction;
use crate::lexicon::{Lexicon, SkillIdx};
use crate::scan::Match;

/// The phrases a posting's readers look for, found in one pass (see
/// [`crate::document::phrases`]): its heading phrases, legal phrases, strength cues and degree
/// levels.
fn posting_phrases() -> &'static PhraseSets<4> {
    static SETS: OnceLock<PhraseSets<4>> = OnceLock::new();
    SETS.get_or_init(|| {
        PhraseSets::new([
            sections::heading_phrases(Kind::Posting).to_vec(),
            sections::LEGAL_PHRASES.to_vec(),
            asks::cue_phrases().collect(),
            education::level_phrases().collect(),
        ])
    })
}

/// The structure of one document (see the module docs).
#[derive(Clone, Debug)]
pub struct Structure {
    /// Read as a résumé or as a posting.
    pub kind: Kind,
    /// Its sections.
    pub sections: Sections,
    /// A posting's asks; `None` for a résumé.
    pub asks: Option<Asks>,
    /// A résumé's years per skill, by skill; empty for a posting or without an experience.
    pub skill_years: Vec<SkillYears>,
    /// The degree a résumé holds or a posting asks for.
    pub degree: Option<Degree>,
    /// A posting's spans of fields named with a degree ("Computer Science" in "MS in
    /// Computer Science"); empty for a résumé.
    pub degree_fields: Vec<Range<usize>>,
}

impl Structure {
    /// Reads the structure of `text`, scanned into `ex` with `lexicon`, as a `kind`. A résumé's years per
    /// skill need its `experience`.
    pub fn new(
        lexicon: &Lexicon,
        text: &str,
        kind: Kind,
        ex: &Extraction,
        experience: Option<&Experience>,
    ) -> Structure {
        match kind {
            Kind::Posting => {
                let [headings, legal, cues, levels] = posting_phrases().find(text);
                let sections = Sections::find_with(text, kind, &headings, &legal);
                let asks = Asks::find_with(text, &sections, &ex.matches, lexicon, &cues);
                let (degree, degree_fields) =
                    education::asked_with(text, &sections, &asks, &levels);
                Structure {
                    kind,
                    sections,
                    asks: Some(asks),
                    skill_years: Vec::new(),
                    degree,
                    degree_fields,
                }
            }
            Kind::Resume => {
                let sections = Sections::find(text, kind);
                let skill_years = experience.map_or_else(Vec::new, |e| {
                    experience::skill_years(text, e, &sections, &ex.matches, lexicon)
                });
                let degree = education::held(text, &sections);
                Structure {
                    kind,
                    sections,
                    asks: None,
                    skill_years,
                    degree,
                    degree_fields: Vec::new(),
                }
            }
        }
    }

    /// The section of a match.
    pub fn section(&self, m: &Match) -> Section {
        self.sections.at(m.start)
    }

    /// A posting match's strength; `None` in a résumé.
    pub fn strength(&self, text: &str, m: &Match) -> Option<Strength> {
        let asks = self.asks.as_ref()?;
        Some(asks.strength_of(text, &self.sections, m))
    }

    /// A résumé skill's years in job entries.
    pub fn years_of(&self, skill: SkillIdx) -> Option<&SkillYears> {
        self.skill_years
            .binary_search_by_key(&skill, |y| y.skill)
            .ok()
            .map(|i| &self.skill_years[i])
    }
}
