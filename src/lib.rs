//! skillscan: a fast, offline and explainable skill analyzer for résumés and job postings.
//!
//! The pipeline runs one way: **read → normalize → scan → report**.
//! - [`lexicon`]: the skills, their surface forms and disambiguation rules (embedded TOML).
//! - [`normalize`]: folds text for matching and maps offsets back to the original.
//! - [`scan`]: the [`Scanner`], compiled once from a [`Lexicon`], finds [`Match`]es.
//! - [`extract`]: groups matches into per-skill summaries for one document.
//! - [`eval`]: precision, recall and F1 against gold annotations.
//!
//! ```
//! use skillscan::{Lexicon, Scanner};
//!
//! let scanner = Scanner::builtin();
//! let text = "Built models in PyTorch and sklearn; deployed on k8s. No experience with Java.";
//! let found: Vec<(&str, bool)> = scanner
//!     .scan(text)
//!     .iter()
//!     .map(|m| (scanner.lexicon().skill(m.skill).id.as_str(), m.negated))
//!     .collect();
//! assert_eq!(found, [("pytorch", false), ("scikit-learn", false), ("kubernetes", false), ("java", true)]);
//! ```
//!
//! # Glossary
//! - **skill**: a lexicon entry with a stable kebab-case id.
//! - **alias** / **form**: one surface form of a skill.
//! - **category**: a group of skills.
//! - **document**: a résumé or a posting.
//! - **match**: one occurrence of a skill, with its evidence: the text as written, a byte span
//!   in the original input, the line, and whether it is negated.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod asks;
pub mod document;
pub mod education;
pub mod error;
pub mod eval;
pub mod experience;
pub mod extract;
pub mod lexicon;
pub mod normalize;
pub mod profile;
pub mod rank;
pub mod report;
pub mod scan;
pub mod score;
pub mod structure;
#[cfg(test)]
mod testing;

pub use error::{Error, Problem};
pub use extract::{Extraction, SkillSummary};
pub use lexicon::{Category, Lexicon, LexiconBuilder, Skill, SkillIdx, Tier};
pub use scan::{Evidence, Match, Scanner, Scratch};
