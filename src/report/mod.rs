//! Renderers. Each takes an `impl io::Write`; the library never prints on its own.
//!
//! `json` and `jsonl` are stable formats (documented in the README, tagged with
//! [`SCHEMA`]); the table and the `html` page are for people and may change.

pub mod fit;
pub mod html;
pub mod json;
pub mod table;

/// The schema tag carried by every JSON object skillscan writes.
pub const SCHEMA: &str = "skillscan/1";
