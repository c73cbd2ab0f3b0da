//! Accuracy of the structure readers against a structure gold file (issue 6's format, see
//! `samples/structure/README.md`): one object per document with its `file`, `kind`, section
//! anchors and, by kind, skill strengths, years asked, degree, total years and years per
//! skill.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::bad;
use crate::asks::Strength;
use crate::document::Kind;
use crate::document::sections::Section;
use crate::error::Error;
use crate::experience::{Experience, YearMonth};
use crate::extract::Extraction;
use crate::scan::Scanner;
use crate::structure::Structure;

/// Right out of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Correct.
    pub correct: usize,
    /// Judged.
    pub total: usize,
    /// `correct / total` (0 when nothing was judged).
    pub accuracy: f64,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
        self.accuracy = self.correct as f64 / self.total as f64;
    }
}

/// The structure scores of one gold file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StructureReport {
    /// Documents read.
    pub documents: usize,
    /// Matches whose section is right, in postings.
    pub posting_sections: Accuracy,
    /// Matches whose section is right, in résumés.
    pub resume_sections: Accuracy,
    /// All matches whose section is right.
    pub sections: Accuracy,
    /// Posting skills whose strength (the strongest ask) is right; a skill not found is wrong.
    pub strength: Accuracy,
    /// Stated years asks found exactly (same skill or overall, same minimum and maximum).
    pub years_asked: Accuracy,
    /// Years asks found that are in the gold (their precision).
    pub years_asked_precision: Accuracy,
    /// Résumés whose total years is within ±1 year of the gold.
    pub total_years: Accuracy,
    /// Résumé skills whose years are within ±1 year of the gold.
    pub skill_years: Accuracy,
    /// Degrees whose level is right (a degree missing or extra counts as wrong).
    pub degree_level: Accuracy,
    /// Degrees whose fields are exactly right.
    pub degree_fields: Accuracy,
    /// Every error, as `file: what`, in gold order.
    pub errors: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldDoc {
    file: String,
    kind: String,
    #[serde(default)]
    as_of: Option<String>,
    sections: Vec<Anchor>,
    #[serde(default)]
    skills: BTreeMap<String, String>,
    #[serde(default)]
    false_positives: Vec<String>,
    #[serde(default)]
    years: Vec<GoldYears>,
    #[serde(default)]
    degree: Option<GoldDegree>,
    #[serde(default)]
    total_years: Option<f64>,
    #[serde(default)]
    skill_years: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Anchor {
    at: String,
    section: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldYears {
    skill: Option<String>,
    min: u32,
    #[serde(default)]
    max: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoldDegree {
    level: String,
    fields: Vec<String>,
}

/// Finds a gold document's file: as given, or relative to the gold file's folder or one of
/// its parents (gold files name documents from the repository root).
fn locate(gold_file: &str, doc: &str) -> PathBuf {
    let direct = PathBuf::from(doc);
    if direct.exists() {
        return direct;
    }
    let mut dir = Path::new(gold_file).parent();
    while let Some(d) = dir {
        let p = d.join(doc);
        if p.exists() {
            return p;
        }
        dir = d.parent();
    }
    direct
}

/// Evaluates a structure gold file (see the module docs).
pub fn evaluate(scanner: &Scanner, file: &str, gold: &str) -> Result<StructureReport, Error> {
    let lex = scanner.lexicon();
    let mut r = StructureReport::default();
    for (n, line) in gold.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldDoc = serde_json::from_str(line).map_err(|e| bad(file, n + 1, e.to_string()))?;
        let path = locate(file, &g.file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| bad(file, n + 1, format!("cannot read {}: {e}", path.display())))?;
        let kind = match g.kind.as_str() {
            "posting" => Kind::Posting,
            "resume" => Kind::Resume,
            k => return Err(bad(file, n + 1, format!("unknown kind '{k}'"))),
        };
        let as_of = match &g.as_of {
            Some(s) => YearMonth::parse(s).map_err(|e| bad(file, n + 1, e.to_string()))?,
            None => YearMonth::parse("2026-11").expect("a valid month"),
        };
        let ex = Extraction::new(scanner, &text);
        let exp = Experience::from_text(&text, as_of);
        let st = Structure::new(lex, &text, kind, &ex, Some(&exp));
        r.documents += 1;
        let name = &g.file;

        // Sections: the gold section at each match, from the anchors in order.
        let mut bounds: Vec<(usize, Section)> = Vec::new();
        let mut from = 0;
        for a in &g.sections {
            let Some(at) = text[from..].find(&a.at).map(|i| from + i) else {
                return Err(bad(file, n + 1, format!("anchor '{}' not found", a.at)));
            };
            let section = Section::parse(&a.section)
                .ok_or_else(|| bad(file, n + 1, format!("unknown section '{}'", a.section)))?;
            bounds.push((at, section));
            from = at + a.at.len();
        }
        for m in &ex.matches {
            let i = bounds.partition_point(|b| b.0 <= m.start);
            let want = i.checked_sub(1).map_or(Section::None, |i| bounds[i].1);
            let got = st.section(m);
            let ok = got == want;
            r.sections.add(ok);
            match kind {
                Kind::Posting => r.posting_sections.add(ok),
                Kind::Resume => r.resume_sections.add(ok),
            }
            if !ok {
                r.errors.push(format!(
                    "{name}: section of '{}' (line {}): got {}, want {}",
                    &text[m.start..m.end],
                    m.line,
                    got.as_str(),
                    want.as_str()
                ));
            }
        }

        if let Some(asks) = &st.asks {
            // Strength of each labelled skill.
            let by_skill = asks.by_skill(&ex.matches);
            for (id, want) in &g.skills {
                let got = lex
                    .find(id)
                    .and_then(|s| by_skill.iter().find(|(k, _)| *k == s))
                    .map(|(_, s)| *s);
                let ok = got.map(Strength::as_str) == Some(want.as_str());
                r.strength.add(ok);
                if !ok {
                    r.errors.push(format!(
                        "{name}: strength of {id}: got {}, want {want}",
                        got.map_or("not found", Strength::as_str)
                    ));
                }
            }
            let _ = &g.false_positives;
            // Years asked: each gold entry against the asks, one skill at a time.
            let mut found: Vec<(Option<String>, u32, Option<u32>)> = Vec::new();
            for y in &asks.years {
                if y.skills.is_empty() {
                    found.push((None, y.min, y.max));
                }
                for s in &y.skills {
                    found.push((Some(lex.skill(*s).id.clone()), y.min, y.max));
                }
            }
            let mut used = vec![false; found.len()];
            for y in &g.years {
                let hit = found
                    .iter()
                    .enumerate()
                    .position(|(i, f)| !used[i] && f.0 == y.skill && f.1 == y.min && f.2 == y.max);
                if let Some(i) = hit {
                    used[i] = true;
                }
                r.years_asked.add(hit.is_some());
                if hit.is_none() {
                    r.errors.push(format!(
                        "{name}: years ask {}>={}{} not found",
                        y.skill.as_deref().unwrap_or("*"),
                        y.min,
                        y.max.map_or(String::new(), |m| format!("-{m}"))
                    ));
                }
            }
            for (i, f) in found.iter().enumerate() {
                r.years_asked_precision.add(used[i]);
                if !used[i] {
                    r.errors.push(format!(
                        "{name}: years ask {}>={}{} is not in the gold",
                        f.0.as_deref().unwrap_or("*"),
                        f.1,
                        f.2.map_or(String::new(), |m| format!("-{m}"))
                    ));
                }
            }
        }

        if kind == Kind::Resume {
            if let Some(want) = g.total_years {
                let got = exp.years();
                let ok = (got - want).abs() <= 1.0 + 1e-9;
                r.total_years.add(ok);
                if !ok {
                    r.errors
                        .push(format!("{name}: total years: got {got}, want {want}"));
                }
            }
            for (id, want) in &g.skill_years {
                let got = lex
                    .find(id)
                    .and_then(|s| st.years_of(s))
                    .map_or(0.0, |y| y.years());
                let ok = (got - want).abs() <= 1.0 + 1e-9;
                r.skill_years.add(ok);
                if !ok {
                    r.errors
                        .push(format!("{name}: years of {id}: got {got}, want {want}"));
                }
            }
        }

        // Degree.
        let got = st.degree.as_ref();
        let want = g.degree.as_ref();
        if got.is_some() || want.is_some() {
            let level_ok = got.map(|d| d.level.as_str()) == want.map(|d| d.level.as_str());
            r.degree_level.add(level_ok);
            let mut want_fields: Vec<&str> = want.map_or(Vec::new(), |d| {
                d.fields.iter().map(String::as_str).collect()
            });
            want_fields.sort_unstable();
            let got_fields: Vec<&str> = got.map_or(Vec::new(), |d| d.fields.clone());
            let fields_ok = level_ok && got_fields == want_fields;
            r.degree_fields.add(fields_ok);
            if !fields_ok {
                let show = |l: Option<&str>, f: &[&str]| {
                    format!("{} [{}]", l.unwrap_or("none"), f.join(", "))
                };
                r.errors.push(format!(
                    "{name}: degree: got {}, want {}",
                    show(got.map(|d| d.level.as_str()), &got_fields),
                    show(want.map(|d| d.level.as_str()), &want_fields)
                ));
            }
        }
    }
    Ok(r)
}
