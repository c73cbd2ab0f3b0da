//! Degrees: the level and field of the degree a résumé holds, or that a posting asks for.
//!
//! A **degree mention** is a level word ("Bachelor's", "B.Sc.", "MS", "M.Tech", "Ph.D.",
//! "high school", ...) with the fields named near it ("Computer Science", "Statistics", "a
//! quantitative field", "or related"). Short acronyms count only in capitals (`MS`, `BS`,
//! `MBA`), and `MS Office`, `MS Excel`, `MS SQL` are not degrees.
//! - A **résumé** holds the highest degree mentioned in its education section (anywhere, when it
//!   has none), with the fields on that line, or on the next line when that line names none.
//! - A **posting** asks for the lowest degree among the mentions it requires (not preferred,
//!   not in the company description or benefits), with the fields in those mentions' clauses:
//!   "BS/MS in Computer Science or a related field" asks for a bachelor's.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Serialize;

use crate::asks::{Asks, Strength, clause_bounds};
use crate::document::sections::{Section, Sections, phrase_automaton, word_bounded};

/// A degree level, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// High school, secondary school, GED.
    HighSchool,
    /// Associate's degree.
    Associate,
    /// Bachelor's degree.
    Bachelor,
    /// Master's degree, MBA.
    Master,
    /// Doctorate.
    Phd,
}

impl Level {
    /// `high-school`, `associate`, `bachelor`, `master` or `phd`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::HighSchool => "high-school",
            Level::Associate => "associate",
            Level::Bachelor => "bachelor",
            Level::Master => "master",
            Level::Phd => "phd",
        }
    }

    /// The level named `s` (its [`Level::as_str`]).
    pub fn parse(s: &str) -> Option<Level> {
        [
            Level::HighSchool,
            Level::Associate,
            Level::Bachelor,
            Level::Master,
            Level::Phd,
        ]
        .into_iter()
        .find(|l| l.as_str() == s)
    }
}

/// A degree: its level and fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Degree {
    /// The level.
    pub level: Level,
    /// Field ids ("computer-science", "statistics", "quantitative", "related", ...), sorted.
    pub fields: Vec<&'static str>,
    /// Byte span of the level word in the text.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// One degree mention.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mention {
    level: Level,
    span: Range<usize>,
}

/// Level words: (phrase, level, capitals only).
const LEVELS: &[(&str, Level, bool)] = &[
    ("phd", Level::Phd, false),
    ("ph.d", Level::Phd, false),
    ("ph. d", Level::Phd, false),
    ("doctorate", Level::Phd, false),
    ("doctoral degree", Level::Phd, false),
    ("doctor of philosophy", Level::Phd, false),
    ("d.phil", Level::Phd, false),
    ("master's", Level::Master, false),
    ("master’s", Level::Master, false),
    ("masters", Level::Master, false),
    ("master of", Level::Master, false),
    ("master degree", Level::Master, false),
    ("m.s.", Level::Master, false),
    ("m.s", Level::Master, false),
    ("MS", Level::Master, true),
    ("MSc", Level::Master, false),
    ("m.sc", Level::Master, false),
    ("m.eng", Level::Master, false),
    ("MEng", Level::Master, true),
    ("m.tech", Level::Master, false),
    ("mtech", Level::Master, false),
    ("MBA", Level::Master, true),
    ("m.b.a", Level::Master, false),
    ("M.A.", Level::Master, true),
    ("MCA", Level::Master, true),
    ("M.E.", Level::Master, true),
    ("graduate degree", Level::Master, false),
    ("advanced degree", Level::Master, false),
    ("postgraduate", Level::Master, false),
    ("post-graduate", Level::Master, false),
    ("post graduate", Level::Master, false),
    ("bachelor's", Level::Bachelor, false),
    ("bachelor’s", Level::Bachelor, false),
    ("bachelors", Level::Bachelor, false),
    ("bachelor", Level::Bachelor, false),
    ("b.s.", Level::Bachelor, false),
    ("b.s", Level::Bachelor, false),
    ("BS", Level::Bachelor, true),
    ("BSc", Level::Bachelor, false),
    ("b.sc", Level::Bachelor, false),
    ("B.A.", Level::Bachelor, true),
    ("B.E.", Level::Bachelor, true),
    ("B.E", Level::Bachelor, true),
    ("b.tech", Level::Bachelor, false),
    ("b. tech", Level::Bachelor, false),
    ("btech", Level::Bachelor, false),
    ("b.eng", Level::Bachelor, false),
    ("BEng", Level::Bachelor, true),
    ("BCA", Level::Bachelor, true),
    ("BBA", Level::Bachelor, true),
    ("b.com", Level::Bachelor, false),
    ("undergraduate degree", Level::Bachelor, false),
    ("4-year degree", Level::Bachelor, false),
    ("four-year degree", Level::Bachelor, false),
    ("college degree", Level::Bachelor, false),
    ("university degree", Level::Bachelor, false),
    ("associate's degree", Level::Associate, false),
    ("associate’s degree", Level::Associate, false),
    ("associate degree", Level::Associate, false),
    ("associates degree", Level::Associate, false),
    ("high school", Level::HighSchool, false),
    ("secondary school", Level::HighSchool, false),
    ("HSC", Level::HighSchool, true),
    ("SSC", Level::HighSchool, true),
    ("GED", Level::HighSchool, true),
];

/// Words after `MS` that make it Microsoft, not a master's.
const NOT_MS: &[&str] = &[
    "office",
    "excel",
    "word",
    "sql",
    "access",
    "project",
    "azure",
    "teams",
    "dynamics",
    "powerpoint",
    "power",
    "visio",
    "outlook",
    "windows",
    "paint",
    "dos",
    "exchange",
    "sharepoint",
    "visual",
];

/// Field phrases: (phrase, field ids joined by `+`, capitals only).
const FIELDS: &[(&str, &str, bool)] = &[
    ("computer science", "computer-science", false),
    ("computer sciences", "computer-science", false),
    ("comp sci", "computer-science", false),
    ("CS", "computer-science", true),
    ("computing", "computer-science", false),
    ("computer engineering", "computer-science", false),
    ("software engineering", "computer-science", false),
    ("statistics", "statistics", false),
    ("statistical", "statistics", false),
    ("biostatistics", "statistics", false),
    ("mathematics", "mathematics", false),
    ("math", "mathematics", false),
    ("maths", "mathematics", false),
    ("applied mathematics", "applied-mathematics", false),
    ("applied math", "applied-mathematics", false),
    ("physics", "physics", false),
    ("engineering", "engineering", false),
    ("electrical engineering", "electrical-engineering", false),
    ("electronics", "electrical-engineering", false),
    (
        "electronics and communication",
        "electrical-engineering",
        false,
    ),
    ("EE", "electrical-engineering", true),
    ("ECE", "electrical-engineering", true),
    ("mechanical engineering", "mechanical-engineering", false),
    ("data science", "data-science", false),
    ("data analytics", "data-science", false),
    ("economics", "economics", false),
    ("econometrics", "economics", false),
    ("operations research", "operations-research", false),
    ("information systems", "information-systems", false),
    (
        "management information systems",
        "information-systems",
        false,
    ),
    ("MIS", "information-systems", true),
    ("information technology", "information-technology", false),
    ("business", "business", false),
    ("business administration", "business", false),
    ("MBA", "business", true),
    ("finance", "finance", false),
    ("bioinformatics", "bioinformatics", false),
    ("computational biology", "bioinformatics", false),
    ("biology", "biology", false),
    ("chemistry", "chemistry", false),
    ("quantitative field", "quantitative", false),
    ("quantitative discipline", "quantitative", false),
    ("quantitative fields", "quantitative", false),
    ("quantitative disciplines", "quantitative", false),
    ("quantitative subject", "quantitative", false),
    ("quantitative area", "quantitative", false),
    ("stem", "quantitative", false),
    ("related field", "related", false),
    ("related fields", "related", false),
    ("related discipline", "related", false),
    ("related area", "related", false),
    ("related technical field", "related", false),
    ("related quantitative field", "quantitative+related", false),
    (
        "related quantitative discipline",
        "quantitative+related",
        false,
    ),
    ("equivalent", "related", false),
];

struct Automata {
    levels: AhoCorasick,
    fields: AhoCorasick,
}

fn automata() -> &'static Automata {
    static A: OnceLock<Automata> = OnceLock::new();
    A.get_or_init(|| Automata {
        levels: phrase_automaton(level_phrases()),
        fields: phrase_automaton(FIELDS.iter().map(|f| f.0)),
    })
}

/// The level phrases, numbered as [`asked_with`] takes their matches.
pub(crate) fn level_phrases() -> impl Iterator<Item = &'static str> {
    LEVELS.iter().map(|l| l.0)
}

/// Every degree mention in `text`, in order.
fn mentions(text: &str) -> Vec<Mention> {
    mentions_in(text, automata().levels.find_iter(text))
}

/// Every degree mention in `text`, from the matches `found` of the level phrases.
fn mentions_in(text: &str, found: impl Iterator<Item = aho_corasick::Match>) -> Vec<Mention> {
    let b = text.as_bytes();
    found
        .filter_map(|m| {
            let (phrase, level, capitals) = LEVELS[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            if !word_bounded(b, s, e) || (capitals && &text[s..e] != phrase) {
                return None;
            }
            if phrase == "MS" {
                let next = text[e..]
                    .trim_start_matches([' ', '-'])
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .next()
                    .unwrap_or("");
                if text[e..].starts_with('-') || NOT_MS.iter().any(|w| w.eq_ignore_ascii_case(next))
                {
                    return None;
                }
            }
            Some(Mention { level, span: s..e })
        })
        .collect()
}

/// The field ids named in `text[range]`, sorted and distinct.
fn fields_in(text: &str, range: Range<usize>, out: &mut Vec<&'static str>) {
    let part = &text[range];
    let b = part.as_bytes();
    for m in automata().fields.find_iter(part) {
        let (phrase, id, capitals) = FIELDS[m.pattern().as_usize()];
        if !word_bounded(b, m.start(), m.end()) || (capitals && &part[m.start()..m.end()] != phrase)
        {
            continue;
        }
        for id in id.split('+') {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    // "Electrical Engineering" names engineering once, by its own field.
    if out.contains(&"engineering")
        && ["electrical-engineering", "mechanical-engineering"]
            .iter()
            .any(|f| out.contains(f))
    {
        out.retain(|f| *f != "engineering");
    }
    out.sort_unstable();
}

/// The spans of the fields named in the clauses of `mentions` ("Computer Science" in "MS in
/// Computer Science or a related field"), in text order.
fn field_spans(text: &str, mentions: &[Mention]) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut done = 0;
    for m in mentions {
        let (cs, ce) = clause_bounds(b, m.span.start);
        let cs = cs.max(done);
        if cs >= ce {
            continue;
        }
        done = ce;
        let part = &text[cs..ce];
        for f in automata().fields.find_iter(part) {
            let (phrase, _, capitals) = FIELDS[f.pattern().as_usize()];
            if word_bounded(part.as_bytes(), f.start(), f.end())
                && (!capitals || &part[f.start()..f.end()] == phrase)
            {
                out.push(cs + f.start()..cs + f.end());
            }
        }
    }
    out
}

/// The line holding byte `at`: `[start, end)` without its `\n`.
fn line_at(text: &str, at: usize) -> Range<usize> {
    let b = text.as_bytes();
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
    start..end
}

/// The highest degree a résumé holds (see the module docs).
pub fn held(text: &str, sections: &Sections) -> Option<Degree> {
    let all = mentions(text);
    let in_education: Vec<&Mention> = all
        .iter()
        .filter(|m| sections.at(m.span.start) == Section::Education)
        .collect();
    let pool: Vec<&Mention> = if in_education.is_empty() {
        all.iter().collect()
    } else {
        in_education
    };
    // The highest level; among equals, the first.
    let best = pool
        .iter()
        .copied()
        .fold(None::<&Mention>, |best, m| match best {
            Some(b) if b.level >= m.level => Some(b),
            _ => Some(m),
        })?;
    let line = line_at(text, best.span.start);
    // Fields after the level word on its line (a line may list two degrees), or anywhere on
    // it, or on the next line.
    let mut fields = Vec::new();
    let until = all
        .iter()
        .find(|m| m.span.start > best.span.start && m.span.start < line.end)
        .map_or(line.end, |m| m.span.start);
    fields_in(text, best.span.start..until, &mut fields);
    if fields.is_empty() {
        fields_in(text, line.clone(), &mut fields);
    }
    if fields.is_empty() && line.end < text.len() {
        let next = line_at(text, line.end + 1);
        fields_in(text, next, &mut fields);
    }
    Some(Degree {
        level: best.level,
        fields,
        span: best.span.clone(),
    })
}

/// The lowest degree a posting requires (see the module docs), and the spans of the fields
/// named in every clause that mentions a degree, required or not, in text order: ranking
/// judges those by the degree, not as skills.
pub fn asked(text: &str, sections: &Sections, asks: &Asks) -> (Option<Degree>, Vec<Range<usize>>) {
    asked_from(text, sections, asks, mentions(text))
}

/// [`asked`], given the matches of the [`level_phrases`] in `text`, as their leftmost-longest
/// search finds them.
pub(crate) fn asked_with(
    text: &str,
    sections: &Sections,
    asks: &Asks,
    levels: &[aho_corasick::Match],
) -> (Option<Degree>, Vec<Range<usize>>) {
    asked_from(
        text,
        sections,
        asks,
        mentions_in(text, levels.iter().copied()),
    )
}

fn asked_from(
    text: &str,
    sections: &Sections,
    asks: &Asks,
    all: Vec<Mention>,
) -> (Option<Degree>, Vec<Range<usize>>) {
    let spans = field_spans(text, &all);
    (lowest_required(text, sections, asks, all), spans)
}

fn lowest_required(
    text: &str,
    sections: &Sections,
    asks: &Asks,
    all: Vec<Mention>,
) -> Option<Degree> {
    let b = text.as_bytes();
    let required: Vec<Mention> = all
        .into_iter()
        .filter(|m| asks.strength_at(text, sections, m.span.clone()) == Strength::Required)
        .collect();
    let lowest = required.iter().min_by_key(|m| (m.level, m.span.start))?;
    let mut fields = Vec::new();
    let mut clauses: Vec<(usize, usize)> = required
        .iter()
        .map(|m| (m.span.start, asks.clauses.bounds(b, m.span.start).1))
        .collect();
    clauses.dedup_by_key(|c| c.1);
    for (from, to) in clauses {
        fields_in(text, from..to, &mut fields);
    }
    Some(Degree {
        level: lowest.level,
        fields,
        span: lowest.span.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Kind;
    use crate::testing::check_cases;

    fn render(d: Option<Degree>) -> String {
        d.map_or(String::new(), |d| {
            format!("{} {}", d.level.as_str(), d.fields.join(","))
        })
    }

    #[test]
    fn a_resume_holds_its_highest_degree() {
        check_cases(
            &[
                (
                    "EDUCATION\nM.S. in Statistics, Hill University, 2018\nB.Sc. Mathematics, 2016",
                    "master statistics",
                ),
                (
                    "Education Details\nB.E. Computer Engineering, Pune, 2014 HSC 2010",
                    "bachelor computer-science",
                ),
                ("Education\nPh.D.\nPhysics, MIT", "phd physics"),
                // MS Office is not a master's; an MBA is.
                (
                    "Skills: MS Office, MS-SQL\nEducation\nMBA, Finance",
                    "master business,finance",
                ),
                ("Pursuing MSc Data Science at Leeds", "master data-science"),
                ("Analyst with 3 years of SQL", ""),
            ],
            |t| render(held(t, &Sections::find(t, Kind::Resume))),
        );
    }

    #[test]
    fn a_posting_asks_for_its_lowest_required_degree() {
        let scanner = crate::scan::Scanner::builtin();
        check_cases(
            &[
                (
                    "Requirements\nBS/MS in Computer Science, Statistics, or a related quantitative field.",
                    "bachelor computer-science,quantitative,related,statistics",
                ),
                (
                    "Requirements\nBachelor's degree required. Master's in Statistics preferred.",
                    "bachelor ",
                ),
                ("Preferred\nPhD in Physics", ""),
                ("MS or PhD in a quantitative field", "master quantitative"),
                ("Benefits\nTuition help for your MBA", ""),
            ],
            |t| {
                let sections = Sections::find(t, Kind::Posting);
                let matches = scanner.scan(t);
                let asks = Asks::find(t, &sections, &matches, scanner.lexicon());
                render(asked(t, &sections, &asks).0)
            },
        );
    }
}
