//! Degrees: the level and field of the degree a résumé holds, or that a posting asks for.
//!
//! A **degree mention** is a level word ("Bachelor's", "B.Sc.", "BEng", "B.Tech", "MS",
//! "MSc", "M.Tech", "MPhil", "Ph.D.", "high school", ...) with the fields named near it.
//! Short acronyms count only in capitals (`MS`, `BS`, `MBA`), also run into a heading before
//! them ("QualificationsBachelor's", "profileMS"). `MS Office`, `MS SQL`, `MS Fabric` and `BS
//! 7799` are not degrees, nor "high school students" ("high school diploma" is); `MA` and `BA` count only before a field, "in", "(Hons)" or "degree" ("Boston, MA"
//! is not one), `BE` only before a field ("MUST BE ABLE" is not one), and "Master in" and
//! "Graduate in" (a bachelor's) only before a field. The word "degree" alone is a bachelor's
//! ("a degree in Computer Science", "Degree required", "a tertiary degree", "degree
//! educated") unless it belongs to another mention ("Master's degree", "Degree: MSc").
//!
//! **Fields** are a fixed list of ids ("computer-science", "computer-engineering",
//! "statistics", "machine-learning", "computational-linguistics", "public-health",
//! "education", ...), named in full or short ("CS", "Comp Sci", "EE", "Stats", "Maths",
//! "Econ", "IT", "OR" in a list of fields), plus two for open wording: `quantitative` ("a
//! quantitative field", "a numerate degree", "STEM") and `related` ("or a related field", "a
//! comparable discipline", "another technical subject", and after a named field "or similar",
//! "or equivalent"; not "or equivalent practical experience" nor "Bachelor's degree or
//! equivalent", and "another quantitative field" is `quantitative` alone). A field is not
//! counted in a school's name ("Institute of Engineering") nor as a part of the degree's field
//! ("machine learning track", "minor in Economics"); a degree's own name ("Master of
//! Engineering", "Bachelor of Business Administration") gives its field only when no other
//! field is named.
//! - A **résumé** holds the highest degree mentioned in its education section (anywhere, when it
//!   has none), completed or in progress, not one left unfinished ("Ph.D. (ABD)", "left
//!   before the dissertation"). Its fields are those after the level word on its line, up to
//!   the next degree (not one restated in brackets: "Bachelor of Technology (B.Tech)"), the
//!   school, the dates or a minor; else before it on its line; else on the next line when
//!   that names no degree of its own.
//! - A **posting** asks for the lowest degree among the mentions it requires: not preferred,
//!   not in the company description or benefits, not "no degree required" or "MS optional".
//!   A cue beside one degree is not read for another named after a bracket or comma:
//!   "Bachelor's degree (Master's preferred)" requires the bachelor's, "MS or PhD preferred"
//!   neither. Its fields are those in the required mentions' clauses, up to the experience
//!   asked beside them: "BS/MS in Computer Science or a related field" asks for a bachelor's
//!   in `computer-science` and `related`.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Serialize;

use crate::asks::{Asks, Clauses, Strength};
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

/// Level words: (phrase, level, capitals only). `degree`, `MA` and `BA` have guards of their
/// own (see [`mentions`]).
const LEVELS: &[(&str, Level, bool)] = &[
    ("phd", Level::Phd, false),
    ("ph.d", Level::Phd, false),
    ("ph. d", Level::Phd, false),
    ("doctorate", Level::Phd, false),
    ("doctoral degree", Level::Phd, false),
    ("doctor of philosophy", Level::Phd, false),
    ("d.phil", Level::Phd, false),
    ("dphil", Level::Phd, false),
    ("d.sc", Level::Phd, false),
    ("DSc", Level::Phd, true),
    ("master's", Level::Master, false),
    ("master’s", Level::Master, false),
    ("masters", Level::Master, false),
    ("master of", Level::Master, false),
    ("master degree", Level::Master, false),
    ("master in", Level::Master, false),
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
    ("MA", Level::Master, true),
    ("m.a.sc", Level::Master, false),
    ("MASc", Level::Master, true),
    ("m.phil", Level::Master, false),
    ("MPhil", Level::Master, true),
    ("m.res", Level::Master, false),
    ("MRes", Level::Master, true),
    ("MPH", Level::Master, true),
    ("m.ed", Level::Master, false),
    ("MEd", Level::Master, true),
    ("MMath", Level::Master, true),
    ("m.stat", Level::Master, false),
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
    ("BA", Level::Bachelor, true),
    ("b.a.sc", Level::Bachelor, false),
    ("BASc", Level::Bachelor, true),
    ("B.E.", Level::Bachelor, true),
    ("B.E", Level::Bachelor, true),
    ("BE", Level::Bachelor, true),
    ("b.tech", Level::Bachelor, false),
    ("b. tech", Level::Bachelor, false),
    ("btech", Level::Bachelor, false),
    ("b.eng", Level::Bachelor, false),
    ("BEng", Level::Bachelor, true),
    ("BCA", Level::Bachelor, true),
    ("BBA", Level::Bachelor, true),
    ("b.com", Level::Bachelor, false),
    ("BCom", Level::Bachelor, true),
    ("b.ed", Level::Bachelor, false),
    ("BEd", Level::Bachelor, true),
    ("b.math", Level::Bachelor, false),
    ("BMath", Level::Bachelor, true),
    ("b.stat", Level::Bachelor, false),
    ("undergraduate degree", Level::Bachelor, false),
    ("tertiary qualification", Level::Bachelor, false),
    ("tertiary qualifications", Level::Bachelor, false),
    ("any graduate", Level::Bachelor, false),
    ("graduate in", Level::Bachelor, false),
    ("4-year degree", Level::Bachelor, false),
    ("four-year degree", Level::Bachelor, false),
    ("college degree", Level::Bachelor, false),
    ("university degree", Level::Bachelor, false),
    ("degree", Level::Bachelor, false),
    ("associate's degree", Level::Associate, false),
    ("associate’s degree", Level::Associate, false),
    ("associate degree", Level::Associate, false),
    ("associate of arts", Level::Associate, false),
    ("associate of science", Level::Associate, false),
    ("associate of applied science", Level::Associate, false),
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
    "fabric",
    "intune",
    "365",
    "entra",
    "defender",
    "purview",
    "copilot",
    "sentinel",
    "ssis",
    "ssrs",
    "ssas",
    "bi",
    "onenote",
    "planner",
    "forms",
    "dataverse",
    "server",
];

/// Words after "high school" or "secondary school" that make it a degree ("high school
/// diploma or GED"), not a school's pupils ("teach high school students").
const AFTER_SCHOOL: &[&str] = &[
    "diploma",
    "degree",
    "education",
    "graduate",
    "certificate",
    "equivalent",
    "or",
    "and",
    "required",
    "level",
    "completion",
    "qualification",
];

/// Words after `MA` or `BA` that make it a degree (`BA (Hons)`, `MA in`), besides a field.
const AFTER_BA: &[&str] = &["in", "of", "hons", "honours", "honors", "degree"];

/// Words after a bare `degree` that make it one ("a degree in", "degree required").
const AFTER_DEGREE: &[&str] = &[
    "in",
    "from",
    "required",
    "or",
    "and",
    "educated",
    "level",
    "qualified",
];

/// Words before a bare `degree` that make it one ("a tertiary degree").
const BEFORE_DEGREE: &[&str] = &[
    "tertiary",
    "relevant",
    "technical",
    "academic",
    "completed",
    "honours",
    "honors",
    "appropriate",
    "accredited",
];

/// Field phrases: (phrase, field ids joined by `+`, capitals only).
const FIELDS: &[(&str, &str, bool)] = &[
    ("computer science", "computer-science", false),
    ("computer sciences", "computer-science", false),
    (
        "computer science and engineering",
        "computer-science",
        false,
    ),
    ("computer science & engineering", "computer-science", false),
    ("comp sci", "computer-science", false),
    ("compsci", "computer-science", false),
    ("CS", "computer-science", true),
    ("CSE", "computer-science", true),
    ("computing", "computer-science", false),
    ("computer applications", "computer-science", false),
    ("computers", "computer-science", false),
    ("software engineering", "computer-science", false),
    ("computer engineering", "computer-engineering", false),
    ("statistics", "statistics", false),
    ("statistical", "statistics", false),
    ("stats", "statistics", false),
    ("biostatistics", "statistics", false),
    ("mathematics", "mathematics", false),
    ("math", "mathematics", false),
    ("maths", "mathematics", false),
    ("mathematical sciences", "mathematics", false),
    ("applied mathematics", "applied-mathematics", false),
    ("applied math", "applied-mathematics", false),
    ("applied maths", "applied-mathematics", false),
    ("physics", "physics", false),
    ("astrophysics", "physics", false),
    ("engineering", "engineering", false),
    ("electrical engineering", "electrical-engineering", false),
    ("electronics", "electrical-engineering", false),
    (
        "electronics and communication",
        "electrical-engineering",
        false,
    ),
    (
        "electrical and computer engineering",
        "electrical-engineering+computer-engineering",
        false,
    ),
    ("EE", "electrical-engineering", true),
    ("ECE", "electrical-engineering", true),
    ("EECS", "electrical-engineering+computer-science", true),
    ("mechanical engineering", "mechanical-engineering", false),
    ("biomedical engineering", "biomedical-engineering", false),
    ("bioengineering", "biomedical-engineering", false),
    ("financial engineering", "financial-engineering", false),
    ("data science", "data-science", false),
    ("data analytics", "data-science", false),
    ("machine learning", "machine-learning", false),
    ("artificial intelligence", "machine-learning", false),
    ("AI", "machine-learning", true),
    ("ML", "machine-learning", true),
    ("economics", "economics", false),
    ("econ", "economics", false),
    ("econometrics", "economics", false),
    ("operations research", "operations-research", false),
    ("operational research", "operations-research", false),
    ("OR", "operations-research", true),
    ("information systems", "information-systems", false),
    (
        "management information systems",
        "information-systems",
        false,
    ),
    ("MIS", "information-systems", true),
    ("information technology", "information-technology", false),
    ("IT", "information-technology", true),
    ("business", "business", false),
    ("business administration", "business", false),
    ("MBA", "business", true),
    ("MCA", "computer-science", true),
    ("BCA", "computer-science", true),
    ("BBA", "business", true),
    ("commerce", "business", false),
    ("b.com", "business", false),
    ("BCom", "business", true),
    ("finance", "finance", false),
    ("bioinformatics", "bioinformatics", false),
    ("computational biology", "bioinformatics", false),
    ("biology", "biology", false),
    ("chemistry", "chemistry", false),
    ("linguistics", "linguistics", false),
    (
        "computational linguistics",
        "computational-linguistics",
        false,
    ),
    ("public health", "public-health", false),
    ("epidemiology", "public-health", false),
    ("MPH", "public-health", true),
    ("health informatics", "health-informatics", false),
    ("psychology", "psychology", false),
    ("of education", "education", false),
    ("in education", "education", false),
    ("secondary education", "education", false),
    ("primary education", "education", false),
    ("elementary education", "education", false),
    ("special education", "education", false),
    ("m.ed", "education", false),
    ("MEd", "education", true),
    ("b.ed", "education", false),
    ("BEd", "education", true),
    ("quantitative field", "quantitative", false),
    ("quantitative discipline", "quantitative", false),
    ("quantitative fields", "quantitative", false),
    ("quantitative disciplines", "quantitative", false),
    ("quantitative subject", "quantitative", false),
    ("quantitative area", "quantitative", false),
    ("STEM", "quantitative", true),
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
];

/// Words that, before a field noun ("a similar discipline", "another technical subject") or
/// after "or" ("Mathematics or similar"), stand for the related fields.
const RELATED: &[&str] = &[
    "related",
    "similar",
    "comparable",
    "relevant",
    "allied",
    "adjacent",
    "equivalent",
    "other",
    "another",
];

/// Words for a field of study.
const FIELD_NOUNS: &[&str] = &[
    "field",
    "fields",
    "discipline",
    "disciplines",
    "subject",
    "subjects",
    "area",
    "areas",
    "degree",
    "degrees",
    "major",
    "majors",
    "domain",
    "domains",
    "qualification",
    "qualifications",
    "background",
    "science",
    "sciences",
    "study",
    "studies",
];

/// Words that may stand between a [`RELATED`] word and its field noun.
const FIELD_ADJECTIVES: &[&str] = &[
    "a",
    "an",
    "technical",
    "scientific",
    "academic",
    "quantitative",
    "numerate",
    "analytical",
    "engineering",
    "computational",
    "stem",
    "closely",
];

/// Words between "equivalent" and "experience" in "or equivalent (practical) experience",
/// which names no field.
const EXPERIENCE_WORDS: &[&str] = &[
    "practical",
    "professional",
    "work",
    "working",
    "industry",
    "industrial",
    "research",
    "relevant",
    "hands",
    "on",
    "job",
    "combination",
    "of",
    "education",
    "and",
    "training",
];

/// Words that end the fields of a posting's degree mention: what follows is its experience
/// ("BS in Computer Science and 3 years of experience with statistics").
const POSTING_STOPS: &[&str] = &[
    "experience",
    "years",
    "year",
    "yrs",
    "knowledge",
    "proficiency",
    "proficient",
    "familiarity",
    "understanding",
    "expertise",
];

/// Words that end the fields of a résumé's degree line: the school, the dates, a minor, the
/// courses.
const RESUME_STOPS: &[&str] = &[
    "university",
    "universiteit",
    "universitat",
    "universität",
    "université",
    "universidad",
    "college",
    "institute",
    "school",
    "academy",
    "polytechnic",
    "minor",
    "minoring",
    "from",
    "at",
    "gpa",
    "cgpa",
    "thesis",
    "dissertation",
    "coursework",
    "courses",
];

/// Words before "of" that make the field a school's name ("Institute of Engineering").
const SCHOOLS: &[&str] = &[
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "faculty",
    "department",
    "polytechnic",
    "centre",
    "center",
];

/// Words next to a field that make it a part of the degree's field, not its field ("machine
/// learning track", "specialization in statistics", "minor in economics").
const SUBFIELD: &[&str] = &[
    "track",
    "specialization",
    "specialisation",
    "specializing",
    "specialising",
    "concentration",
    "emphasis",
    "focus",
    "focusing",
    "option",
    "stream",
    "minor",
];

/// Words on a résumé's degree line that say it was left unfinished.
const UNFINISHED: &[&str] = &[
    "abd",
    "left before",
    "not completed",
    "did not complete",
    "did not finish",
    "incomplete",
    "unfinished",
    "withdrew",
    "withdrawn",
    "dropped out",
    "discontinued",
    "abandoned",
];

/// Words that say a posting does not ask for the degree next to them.
const NOT_ASKED: &[&str] = &[
    "not required",
    "not necessary",
    "not needed",
    "not a requirement",
    "optional",
    "isn't required",
    "is not required",
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

/// The words of `s` (runs of letters and digits) with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The first word of `s` after spaces and `( , : - –`, lowercased.
fn next_word(s: &str) -> String {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || "(,:-–".contains(c));
    s.split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The last word of `s`, lowercased.
fn last_word(s: &str) -> String {
    s.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// Whether `text[s..e]` stands as a word, or starts a word run into a heading before it with
/// no space ("QualificationsBachelor's", "profileMS").
fn level_bounded(b: &[u8], s: usize, e: usize) -> bool {
    let after_ok = !b.get(e).is_some_and(|c| c.is_ascii_alphanumeric());
    word_bounded(b, s, e)
        || (after_ok && s > 0 && b[s].is_ascii_uppercase() && b[s - 1].is_ascii_lowercase())
}

/// Whether a field phrase starts `s` (after spaces and punctuation).
fn starts_with_field(s: &str) -> bool {
    let s = head(s, 80);
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || "(,:-–".contains(c));
    let off = s.len() - t.len();
    automata()
        .fields
        .find(t)
        .is_some_and(|m| m.start() == 0 && word_bounded(s.as_bytes(), off, off + m.end()))
}

/// Whether `s` starts with a field ("Computer Science", "a related field", "a quantitative
/// discipline").
fn names_field(s: &str) -> bool {
    let s = head(s, 80);
    if starts_with_field(s) {
        return true;
    }
    let ws: Vec<String> = words(s)
        .into_iter()
        .take(4)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let mut rest = ws
        .iter()
        .skip_while(|w| matches!(w.as_str(), "a" | "an" | "the"))
        .peekable();
    rest.peek()
        .is_some_and(|w| RELATED.contains(&w.as_str()) || FIELD_ADJECTIVES.contains(&w.as_str()))
        && ws.iter().any(|w| FIELD_NOUNS.contains(&w.as_str()))
}

/// Every degree mention in `text`, in order, with the guards of the module docs: `MS` before
/// a Microsoft product is not one; `MA`, `BA`, `BE`, "Master in" and "Graduate in" need a
/// field (or for `MA`, `BA`: "in", "of", "(Hons)", "degree") after them; the word `degree`
/// alone must read as a degree ("a degree in", "degree from", "degree required", "degree or
/// ...", "a tertiary degree") and not belong to another mention ("Master's degree", "Degree:
/// MSc").
fn mentions(text: &str) -> Vec<Mention> {
    mentions_in(text, automata().levels.find_iter(text))
}

/// Every degree mention in `text`, from the matches `found` of the level phrases.
fn mentions_in(text: &str, found: impl Iterator<Item = aho_corasick::Match>) -> Vec<Mention> {
    let b = text.as_bytes();
    let mut found: Vec<(Mention, bool)> = found
        .filter_map(|m| {
            let (phrase, level, capitals) = LEVELS[m.pattern().as_usize()];
            let (s, e) = (m.start(), m.end());
            if !level_bounded(b, s, e) || (capitals && &text[s..e] != phrase) {
                return None;
            }
            let next = next_word(&text[e..]);
            // "BS 7799", "MS 2019": a standard, a version, not a degree.
            let number = text[e..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
            let reads = match phrase {
                "BS" | "MS" | "BA" | "MA" | "BE" if number => false,
                "high school" | "secondary school" => {
                    let rest = text[e..].trim_start_matches(' ');
                    AFTER_SCHOOL.contains(&next.as_str())
                        || !rest.starts_with(|c: char| c.is_alphanumeric())
                }
                "MS" => !text[e..].starts_with('-') && !NOT_MS.contains(&next.as_str()),
                // "BE Mechanical Engineering", not "MUST BE ABLE" or "BE IN THE OFFICE".
                "BE" => {
                    let rest = &text[e..];
                    names_field(rest)
                        || (next == "in" && names_field(rest.trim_start().get(2..).unwrap_or("")))
                }
                "MA" | "BA" => AFTER_BA.contains(&next.as_str()) || starts_with_field(&text[e..]),
                // "Master in Computer Science", "Graduate in IT", not "Scrum Master in
                // agile teams".
                "master in" | "graduate in" => {
                    names_field(&text[e..]) && last_word(&text[..s]) != "scrum"
                }
                "degree" => {
                    let before = last_word(&text[..s]);
                    (AFTER_DEGREE.contains(&next.as_str())
                        || text[e..].trim_start().starts_with([':', '('])
                        || BEFORE_DEGREE.contains(&before.as_str()))
                        && !text[..s].ends_with('-')
                }
                _ => true,
            };
            if !reads {
                return None;
            }
            Some((Mention { level, span: s..e }, phrase == "degree"))
        })
        .collect();
    // A bare "degree" next to another mention is that mention's word.
    let others: Vec<Range<usize>> = found
        .iter()
        .filter(|(_, bare)| !bare)
        .map(|(m, _)| m.span.clone())
        .collect();
    found.retain(|(m, bare)| {
        if !bare {
            return true;
        }
        let j = others.partition_point(|o| o.start < m.span.start);
        // "Bachelor of Science degree", "Bachelor's or Master's degree".
        let after_one = j.checked_sub(1).is_some_and(|k| {
            let gap = &text[others[k].end..m.span.start];
            let gap = gap.strip_prefix('.').unwrap_or(gap);
            gap.len() <= 25
                && !gap.contains(['.', ',', ';', ':', '\n', '•'])
                && !words(gap).iter().any(|(_, w)| w.eq_ignore_ascii_case("in"))
        });
        // "Degree: MSc", "degree (BS or MS)".
        let before_one = others.get(j).is_some_and(|o| {
            text[m.span.end..o.start]
                .chars()
                .all(|c| !c.is_alphanumeric() && c != '\n')
        });
        !after_one && !before_one
    });
    found.into_iter().map(|(m, _)| m).collect()
}

/// The first `n` bytes of `s` (fewer, to end on a char boundary): what a look ahead reads,
/// so that it costs the same in a long text.
fn head(s: &str, n: usize) -> &str {
    &s[..floor_boundary(s, n.min(s.len()))]
}

/// `at`, or the nearest char boundary before it.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether the field phrase at `text[s..e]` names a field there: a word, in capitals when it
/// must be, "of education" only after a degree word ("Master of Education"), not a school's
/// name ("Institute of Engineering") nor a part of the field
/// ("machine learning track", see [`SUBFIELD`]), and `OR` only in a list of fields ("CS/OR",
/// "Statistics, OR, or ...", not "BS OR MS").
fn field_ok(text: &str, s: usize, e: usize, phrase: &str, capitals: bool) -> bool {
    let b = text.as_bytes();
    if !word_bounded(b, s, e) || (capitals && &text[s..e] != phrase) {
        return false;
    }
    if phrase == "OR" {
        let before = text[..s].trim_end_matches(' ');
        let after = text[e..].trim_start_matches(' ');
        let slash = before.ends_with('/') || after.starts_with('/');
        let listed = before.ends_with([',', '(', ';'])
            && (after.starts_with([',', ')', ';'])
                || after.starts_with("or ")
                || after.starts_with("and "));
        if !slash && !listed {
            return false;
        }
    }
    // "Computer Science (machine learning track)", but not "Business Administration
    // (concentration in Marketing)" nor "Statistics, minor in ...".
    let after = head(&text[e..], 60).trim_start_matches([' ', '(']);
    let next: Vec<String> = words(after)
        .into_iter()
        .take(2)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let part = next.first().is_some_and(|w| SUBFIELD.contains(&w.as_str()))
        && !after.starts_with([',', ';'])
        && !next
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "in" | "on" | "of"));
    if part {
        return false;
    }
    let window = &text[floor_boundary(text, s.saturating_sub(40))..s];
    let ws = words(window);
    if ws
        .iter()
        .rev()
        .take(2)
        .any(|(_, w)| SUBFIELD.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    let mut last = ws.iter().rev().map(|(_, w)| w.to_lowercase());
    if phrase.starts_with("of ") {
        // "Master of Education", not "a combination of education and experience".
        return last.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "master" | "masters" | "bachelor" | "bachelors" | "doctor" | "degree"
            )
        });
    }
    let school = match (last.next(), last.next(), last.next()) {
        (Some(of), Some(school), _) if of == "of" => Some(school),
        (Some(the), Some(of), Some(school)) if the == "the" && of == "of" => Some(school),
        _ => None,
    };
    !school.is_some_and(|w| SCHOOLS.contains(&w.as_str()))
}

/// Adds `id` to `out` once.
fn add(out: &mut Vec<&'static str>, id: &'static str) {
    if !out.contains(&id) {
        out.push(id);
    }
}

/// Whether a field noun follows `ws[i]` after at most three [`FIELD_ADJECTIVES`], and if so
/// whether "quantitative" or "numerate" was among them.
fn noun_after(ws: &[String], i: usize) -> Option<bool> {
    let mut quantitative = false;
    for w in ws.iter().skip(i + 1).take(4) {
        if FIELD_NOUNS.contains(&w.as_str()) {
            return Some(quantitative);
        }
        if !FIELD_ADJECTIVES.contains(&w.as_str()) {
            return None;
        }
        quantitative |= w == "quantitative" || w == "numerate";
    }
    None
}

/// The `related` and `quantitative` fields named in words, added to the fields `out` found
/// by name: "a similar discipline", "another technical subject", "a quantitative degree";
/// "another quantitative field" is `quantitative` alone. "Mathematics or similar" and
/// "Physics or equivalent" are `related` after a named field, but not "Bachelor's degree or
/// equivalent" nor "or equivalent practical experience".
fn word_fields(part: &str, out: &mut Vec<&'static str>) {
    let ws: Vec<String> = words(part).iter().map(|(_, w)| w.to_lowercase()).collect();
    for (i, w) in ws.iter().enumerate() {
        let w = w.as_str();
        if w == "quantitative" || w == "numerate" {
            if noun_after(&ws, i).is_some() {
                add(out, "quantitative");
            }
            continue;
        }
        if !RELATED.contains(&w) {
            continue;
        }
        match noun_after(&ws, i) {
            Some(quantitative) => {
                if !(quantitative && (w == "other" || w == "another")) {
                    add(out, "related");
                }
            }
            None => {
                let or = |j: Option<usize>| j.is_some_and(|j| ws[j] == "or");
                let after_or = or(i.checked_sub(1))
                    || (i >= 2 && matches!(ws[i - 1].as_str(), "a" | "an") && or(Some(i - 2)));
                if !after_or || !matches!(w, "similar" | "equivalent" | "related" | "comparable") {
                    continue;
                }
                let experience = ws[i + 1..]
                    .iter()
                    .find(|x| !EXPERIENCE_WORDS.contains(&x.as_str()))
                    .is_some_and(|x| x == "experience");
                // "Bachelor's degree or equivalent" names no field; "BS in Physics or
                // equivalent" a related one.
                let named = out
                    .iter()
                    .any(|f| !matches!(*f, "related" | "quantitative"));
                if !experience && named {
                    add(out, "related");
                }
            }
        }
    }
}

/// The field ids named in `text[range]`, added to `out`, sorted and distinct.
fn fields_in(text: &str, range: Range<usize>, out: &mut Vec<&'static str>) {
    let part = &text[range.clone()];
    let (mut found, mut names) = (Vec::new(), Vec::new());
    for m in automata().fields.find_iter(part) {
        let (phrase, ids, capitals) = FIELDS[m.pattern().as_usize()];
        let (s, e) = (range.start + m.start(), range.start + m.end());
        if field_ok(text, s, e, phrase, capitals) {
            let into = if degree_name(text, s) {
                &mut names
            } else {
                &mut found
            };
            for id in ids.split('+') {
                add(into, id);
            }
        }
    }
    word_fields(part, &mut found);
    // "Master of Engineering (M.Eng.), Electrical Engineering": the degree's name is its
    // field only when no other is named.
    if found.is_empty() {
        found = names;
    }
    for id in found {
        add(out, id);
    }
    // "Electrical Engineering" names engineering once, by its own field.
    if out.contains(&"engineering") && out.iter().any(|f| f.ends_with("-engineering")) {
        out.retain(|f| *f != "engineering");
    }
    out.sort_unstable();
}

/// Whether the field at byte `s` is in a degree's name: "Master of Engineering", "Bachelor
/// of Business Administration".
fn degree_name(text: &str, s: usize) -> bool {
    let ws = words(&text[floor_boundary(text, s.saturating_sub(20))..s]);
    let mut last = ws.iter().rev().map(|(_, w)| w.to_lowercase());
    last.next().is_some_and(|w| w == "of")
        && last.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "master" | "masters" | "bachelor" | "bachelors" | "doctor" | "associate"
            )
        })
}

/// The spans of the fields named in the clauses of `mentions` ("Computer Science" in "MS in
/// Computer Science or a related field"), in text order.
fn field_spans(text: &str, clauses: &Clauses, mentions: &[Mention]) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut done = 0;
    for m in mentions {
        let cs = clauses.bounds(b, m.span.start).0.max(done);
        let ce = clause_end(text, clauses, m);
        if cs >= ce {
            continue;
        }
        done = ce;
        let part = &text[cs..ce];
        for f in automata().fields.find_iter(part) {
            let (phrase, _, capitals) = FIELDS[f.pattern().as_usize()];
            if field_ok(text, cs + f.start(), cs + f.end(), phrase, capitals) {
                out.push(cs + f.start()..cs + f.end());
            }
        }
    }
    out
}

/// The end of the clause of mention `m`, read past the dot that ends its abbreviation ("B.S.
/// in Computer Science", "a Ph.D. in Physics").
fn clause_end(text: &str, clauses: &Clauses, m: &Mention) -> usize {
    let b = text.as_bytes();
    let mut at = m.span.start;
    if text[m.span.clone()].contains('.') {
        at = m.span.end + usize::from(b.get(m.span.end) == Some(&b'.'));
    }
    clauses.bounds(b, at).1.max(m.span.end)
}

/// The line holding byte `at`: `[start, end)` without its `\n`.
fn line_at(text: &str, at: usize) -> Range<usize> {
    let b = text.as_bytes();
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
    start..end
}

/// Where the first word of `text[from..to]` that `stop` accepts starts (`to` when none
/// does).
fn stop_at(text: &str, from: usize, to: usize, stop: impl Fn(&str) -> bool) -> usize {
    if from >= to {
        return to.max(from);
    }
    words(&text[from..to])
        .into_iter()
        .find(|(_, w)| stop(&w.to_lowercase()))
        .map_or(to, |(i, _)| from + i)
}

/// The end of the fields of a posting's degree mention that ends at `from`, in its clause
/// ending at `to`: after the first [`POSTING_STOPS`] word, unless that experience stands in
/// for the degree ("PhD or equivalent research experience in NLP").
fn posting_fields_end(text: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return to.max(from);
    }
    // A list of fields is short; a long clause (flattened text) is not all of it.
    let to = floor_boundary(text, to.min(from + 300));
    let ws = words(&text[from..to]);
    for (k, (i, w)) in ws.iter().enumerate() {
        if POSTING_STOPS.contains(&w.to_lowercase().as_str())
            && !ws[k.saturating_sub(3)..k]
                .iter()
                .any(|(_, p)| p.eq_ignore_ascii_case("equivalent"))
        {
            return from + i + w.len();
        }
    }
    to
}

/// The end of the fields of a résumé's degree line that starts at `from`: before the school,
/// the dates, a minor or the courses, at most 150 bytes on, and within its section.
fn resume_fields_end(text: &str, sections: &Sections, from: usize, to: usize) -> usize {
    let to = floor_boundary(text, to.min(from + 150));
    let section = sections.at(from);
    let end = stop_at(text, from, to, |w| {
        RESUME_STOPS.contains(&w)
            || (w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
                && w.bytes().all(|c| c.is_ascii_digit())
    });
    sections
        .starts()
        .iter()
        .map(|s| s.heading.start)
        .find(|&h| h > from && h < end && sections.at(h) != section)
        .unwrap_or(end)
}

/// Whether the line of a résumé's degree `m`, before the `next` degree, says it was left
/// unfinished ("Ph.D. (ABD)", "left before the dissertation").
fn unfinished(text: &str, m: &Mention, next: Option<&Mention>) -> bool {
    let end = next.map_or(text.len(), |o| o.span.start);
    let rest = head(&text[m.span.end..end], 120);
    let rest = rest[..rest.find('\n').unwrap_or(rest.len())].to_lowercase();
    UNFINISHED.iter().any(|p| {
        rest.match_indices(p)
            .any(|(i, _)| word_bounded(rest.as_bytes(), i, i + p.len()))
    })
}

/// The highest degree a résumé holds (see the module docs).
pub fn held(text: &str, sections: &Sections) -> Option<Degree> {
    let all = mentions(text);
    let finished: Vec<&Mention> = all
        .iter()
        .enumerate()
        .filter(|(i, m)| !unfinished(text, m, all.get(i + 1)))
        .map(|(_, m)| m)
        .collect();
    let in_education: Vec<&Mention> = finished
        .iter()
        .copied()
        .filter(|m| sections.at(m.span.start) == Section::Education)
        .collect();
    let pool = if in_education.is_empty() {
        finished
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
    let mut fields = Vec::new();
    // Fields after the level word on its line (a line may list two degrees), before the
    // school and the dates.
    // A degree restated in brackets ("Bachelor of Technology (B.Tech), ...") does not end them.
    let next = all
        .iter()
        .find(|m| m.span.start > best.span.start && !text[..m.span.start].trim_end().ends_with('('))
        .map_or(text.len(), |m| m.span.start);
    let end = resume_fields_end(text, sections, best.span.start, line.end.min(next));
    fields_in(text, best.span.start..end, &mut fields);
    // Or before it on its line ("Computer Science, B.S."), within its section.
    if fields.is_empty() {
        let prev = all
            .iter()
            .rev()
            .find(|m| m.span.end <= best.span.start)
            .map_or(0, |m| m.span.end);
        let section = sections
            .starts()
            .iter()
            .rev()
            .map(|s| s.heading.end)
            .find(|&h| h <= best.span.start)
            .unwrap_or(0);
        let from = line
            .start
            .max(prev)
            .max(section)
            .max(floor_boundary(text, best.span.start.saturating_sub(100)));
        fields_in(text, from..best.span.start, &mut fields);
    }
    // Or on the next line ("Ph.D.\nPhysics, MIT"), when that names no degree of its own.
    if fields.is_empty() && line.end < text.len() {
        let next = line_at(text, line.end + 1);
        if !all.iter().any(|m| next.contains(&m.span.start)) {
            let end = resume_fields_end(text, sections, next.start, next.end);
            fields_in(text, next.start..end, &mut fields);
        }
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
    let spans = field_spans(text, &asks.clauses, &all);
    (lowest_required(text, sections, asks, all), spans)
}

/// The part of its clause `(cs, ce)` that belongs to mention `all[i]`: when another degree
/// is named beside it after a comma or bracket ("Bachelor's degree in Statistics (Master's
/// preferred)", "MS preferred, or BS with 3 years of experience"), the part stops there, so
/// that a cue of the one is not read for the other. "MS or PhD preferred" stays one part.
fn degree_part(text: &str, all: &[Mention], i: usize, (cs, ce): (usize, usize)) -> (usize, usize) {
    let m = &all[i];
    // Where a gap between two mentions splits: at a bracket that is not an alternative
    // ("(Master's preferred)", not "(or MS)"), or at its last comma or bracket when it has
    // words besides "or", "and", "a" ("in Statistics, "; not "BS, MS or PhD").
    let split = |gap: &str| {
        let aside = gap.rfind('(').filter(|&k| {
            let after = gap[k + 1..].trim_start().to_lowercase();
            !after.starts_with("or ") && !after.starts_with("and ")
        });
        let worded = words(gap)
            .iter()
            .any(|(_, w)| !matches!(w.to_lowercase().as_str(), "or" | "and" | "a" | "an"));
        aside.or_else(|| worded.then(|| gap.rfind([',', '(', ')'])).flatten())
    };
    let (mut s, mut e) = (cs, ce);
    if let Some(next) = all.get(i + 1).filter(|o| o.span.start < ce) {
        if let Some(k) = split(&text[m.span.end..next.span.start]) {
            e = m.span.end + k;
        }
    }
    if let Some(prev) = i
        .checked_sub(1)
        .map(|j| &all[j])
        .filter(|o| o.span.end > cs)
    {
        if let Some(k) = split(&text[prev.span.end..m.span.start]) {
            s = prev.span.end + k + 1;
        }
    }
    (s, e.max(m.span.end))
}

/// Whether the posting says it does not ask for the degree `m`: "no (specific) degree
/// required", "without a (formal) degree", "a degree is not required", "MS optional".
fn not_asked(text: &str, m: &Mention) -> bool {
    // "no degree", "no specific degree", "without a formal degree": in the three words before
    // it, within its clause.
    let before = &text[floor_boundary(text, m.span.start.saturating_sub(30))..m.span.start];
    let before = before
        .rfind(['.', ',', ';', ':', '\n', '?', '!'])
        .map_or(before, |i| &before[i + 1..]);
    if words(before)
        .iter()
        .rev()
        .take(3)
        .any(|(_, w)| w.eq_ignore_ascii_case("no") || w.eq_ignore_ascii_case("without"))
    {
        return true;
    }
    let end = floor_boundary(text, (m.span.end + 40).min(text.len()));
    let rest = &text[m.span.end..end];
    let rest = rest
        .find(['.', ',', ';', '\n'])
        .map_or(rest, |i| &rest[..i])
        .to_lowercase();
    NOT_ASKED.iter().any(|p| rest.contains(p))
}

fn lowest_required(
    text: &str,
    sections: &Sections,
    asks: &Asks,
    all: Vec<Mention>,
) -> Option<Degree> {
    let b = text.as_bytes();
    let parts: Vec<(usize, usize)> = (0..all.len())
        .map(|i| {
            let m = &all[i];
            degree_part(
                text,
                &all,
                i,
                (
                    asks.clauses.bounds(b, m.span.start).0,
                    clause_end(text, &asks.clauses, m),
                ),
            )
        })
        .collect();
    let required: Vec<(&Mention, usize)> = all
        .iter()
        .zip(&parts)
        .filter(|(m, part)| {
            asks.strength_within(sections, m.span.clone(), **part) == Strength::Required
                && !not_asked(text, m)
        })
        .map(|(m, part)| (m, part.1))
        .collect();
    let lowest = required
        .iter()
        .map(|r| r.0)
        .min_by_key(|m| (m.level, m.span.start))?;
    let mut fields = Vec::new();
    for (m, end) in &required {
        // The mention's part of its clause, up to the experience it asks beside the degree.
        let end = posting_fields_end(text, m.span.end, *end);
        fields_in(text, m.span.start..end, &mut fields);
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
                    "bachelor computer-engineering",
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

    fn posting(t: &str) -> String {
        let scanner = crate::scan::Scanner::builtin();
        let sections = Sections::find(t, Kind::Posting);
        let matches = scanner.scan(t);
        let asks = Asks::find(t, &sections, &matches, scanner.lexicon());
        render(asked(t, &sections, &asks).0)
    }

    #[test]
    fn posting_levels_in_many_wordings() {
        check_cases(
            &[
                (
                    "Requirements\n- A degree in Physics or Chemistry",
                    "bachelor chemistry,physics",
                ),
                ("Requirements\n- Degree required; Python", "bachelor "),
                // An abbreviation's dot does not end the clause.
                (
                    "Requirements\n- B.S. in Electrical Engineering or Computer Science",
                    "bachelor computer-science,electrical-engineering",
                ),
                (
                    "Requirements\n- Tertiary qualifications in IT or Business",
                    "bachelor business,information-technology",
                ),
                (
                    "Desired Candidate Profile: UG: Any Graduate; PG: M.Tech in Computers",
                    "bachelor computer-science",
                ),
                (
                    "Requirements\n- Educated to degree level in Computer Science",
                    "bachelor computer-science",
                ),
                (
                    "Requirements\n- A relevant tertiary qualification in Data Science",
                    "bachelor data-science",
                ),
                (
                    "Requirements\n- Tertiary qualification or degree in IT",
                    "bachelor information-technology",
                ),
                (
                    "Requirements\n- BEng or MEng in Mechanical Engineering",
                    "bachelor mechanical-engineering",
                ),
                (
                    "Requirements\n- B.Tech/M.Tech in CSE or ECE",
                    "bachelor computer-science,electrical-engineering",
                ),
                (
                    "Requirements\n- MSc or PhD in Stats, Maths or Econ",
                    "master economics,mathematics,statistics",
                ),
                (
                    "Requirements\n- Bachelor's or Master's in Comp Sci",
                    "bachelor computer-science",
                ),
                (
                    "Requirements\n- PhD or equivalent experience in ML research",
                    "phd machine-learning",
                ),
                (
                    "Must haveMS in EE or a similar field",
                    "master electrical-engineering,related",
                ),
                (
                    "Requirements\n- MPhil or DPhil in Computational Linguistics",
                    "master computational-linguistics",
                ),
                (
                    "Requirements\n- MPH or MSc in Epidemiology or Health Informatics",
                    "master health-informatics,public-health",
                ),
                // Only the degree's own words: not the years, not the skills after them.
                (
                    "Requirements\n- BS in Computer Science and 3+ years of experience with statistics",
                    "bachelor computer-science",
                ),
                // A cue beside the one degree is not the other's.
                (
                    "Requirements\n- Bachelor's degree in Statistics (Master's preferred)",
                    "bachelor statistics",
                ),
                (
                    "Requirements\n- Bachelor's degree in Statistics, Master's a plus",
                    "bachelor statistics",
                ),
                (
                    "Requirements\n- MS in Physics preferred, or BS with 3 years of experience",
                    "bachelor ",
                ),
                ("Requirements\n- BS, MS or PhD in CS preferred", ""),
                (
                    "Requirements\n- Master in Computer Science or Mathematics",
                    "master computer-science,mathematics",
                ),
                (
                    "Requirements\n- Graduate in Computer Science, IT or relevant field",
                    "bachelor computer-science,information-technology,related",
                ),
                (
                    "Requirements\n- Degree educated in a numerate discipline",
                    "bachelor quantitative",
                ),
                (
                    "Requirements\n- Experience as a Scrum Master in agile teams",
                    "",
                ),
                (
                    "REQUIREMENTS\n- MUST BE ABLE TO TRAVEL\n- BE IN THE OFFICE 3 DAYS",
                    "",
                ),
                (
                    "Requirements\n- Experience with MS Fabric and BS 7799 audits",
                    "",
                ),
                (
                    "Responsibilities\n- Tutor high school students in maths",
                    "",
                ),
                ("Requirements\n- High school diploma or GED", "high-school "),
                // No degree asked.
                ("Requirements\n- No degree required, just curiosity", ""),
                ("Requirements\n- Python; a degree is not required", ""),
                ("Requirements\n- No specific degree required", ""),
                ("Requirements\n- Python, without a formal degree", ""),
                ("Requirements\n- Master's degree preferred", ""),
                (
                    "Requirements\n- 5 years of SQL\nNice to have\n- MS in Statistics",
                    "",
                ),
                ("We run a 360-degree review twice a year.", ""),
                ("Our office is in Boston, MA and Austin, TX", ""),
                ("Requirements\n- Expert in MS Excel and MS-SQL", ""),
            ],
            posting,
        );
    }

    #[test]
    fn posting_fields_in_open_wordings() {
        check_cases(
            &[
                (
                    "Requirements\n- BS in Mathematics or similar",
                    "bachelor mathematics,related",
                ),
                (
                    "Requirements\n- BS in Economics or a comparable field",
                    "bachelor economics,related",
                ),
                (
                    "Requirements\n- BS in Physics or another technical subject",
                    "bachelor physics,related",
                ),
                (
                    "Requirements\n- BS in Finance or equivalent",
                    "bachelor finance,related",
                ),
                (
                    "Requirements\n- Bachelor's degree or equivalent",
                    "bachelor ",
                ),
                (
                    "Requirements\n- BS in Finance or equivalent practical experience",
                    "bachelor finance",
                ),
                (
                    "Requirements\n- BS in Finance or equivalent combination of education and experience",
                    "bachelor finance",
                ),
                (
                    "Requirements\n- BS in Statistics or another quantitative field",
                    "bachelor quantitative,statistics",
                ),
                (
                    "Requirements\n- BS in a STEM discipline",
                    "bachelor quantitative",
                ),
                (
                    "Requirements\n- BS in a numerate subject such as Economics",
                    "bachelor economics,quantitative",
                ),
                (
                    "Requirements\n- MS in Statistics, OR, or a related quantitative field",
                    "master operations-research,quantitative,related,statistics",
                ),
                (
                    "Requirements\n- BS OR MS IN COMPUTER SCIENCE",
                    "bachelor computer-science",
                ),
                (
                    "Requirements\n- MS in CS/OR",
                    "master computer-science,operations-research",
                ),
                (
                    "Requirements\n- PhD in Machine Learning or Artificial Intelligence",
                    "phd machine-learning",
                ),
                (
                    "Requirements\n- MSc in AI or Mathematical Sciences; 2 years of ML",
                    "master machine-learning,mathematics",
                ),
                (
                    "Requirements\n- PhD in CS with a focus on ML",
                    "phd computer-science",
                ),
                (
                    "Requirements\n- BS in Biomedical Engineering, Psychology or Linguistics",
                    "bachelor biomedical-engineering,linguistics,psychology",
                ),
                (
                    "Requirements\n- BS in Computer Engineering or Financial Engineering",
                    "bachelor computer-engineering,financial-engineering",
                ),
            ],
            posting,
        );
    }

    #[test]
    fn resume_degree_lines_in_many_layouts() {
        check_cases(
            &[
                // The school's name, the dates and a minor are not the degree's field.
                (
                    "Education\nB.Tech Information Technology, Rao Institute of Engineering, 2015",
                    "bachelor information-technology",
                ),
                (
                    "Education\nB.S. Statistics, minor in Computer Science, 2019",
                    "bachelor statistics",
                ),
                (
                    "Education\nMSc Computer Science (machine learning track), 2019",
                    "master computer-science",
                ),
                (
                    "Education\nBA Business (concentration in Finance), 2019",
                    "bachelor business",
                ),
                (
                    "Education\nBA (Hons) Accounting and Finance, Kent, 2013",
                    "bachelor finance",
                ),
                ("Education\nMA Economics, 2012", "master economics"),
                (
                    "Education\nB.A.Sc. Computer Engineering, 2017",
                    "bachelor computer-engineering",
                ),
                (
                    "Education\nM.Ed. Secondary Education, 2014\nB.S. Chemistry, 2012",
                    "master education",
                ),
                (
                    "Education\nMaster's Degree in Special Education\nDegree in Physics",
                    "master education",
                ),
                (
                    "Education\nDegree in Physics, Valencia, 2011",
                    "bachelor physics",
                ),
                (
                    "Education\nComputer Science, B.S., 2016",
                    "bachelor computer-science",
                ),
                ("Education\nMPhil Linguistics, 2016", "master linguistics"),
                (
                    "Education Details\n2012 to 2016 BE Mechanical Engineering Pune",
                    "bachelor mechanical-engineering",
                ),
                (
                    "Education Details\nMCA Pune University 2016\nBCA 2013",
                    "master computer-science",
                ),
                // A degree restated in brackets; the degree's name is its field only alone.
                (
                    "Education\nBachelor of Technology (B.Tech), Computer Science & Engineering, 2015",
                    "bachelor computer-science",
                ),
                (
                    "Education\nMaster of Engineering (M.Eng.), Electrical Engineering, 2014",
                    "master electrical-engineering",
                ),
                (
                    "Education\nMaster of Business Administration, 2020",
                    "master business",
                ),
                ("Education\nB.Com (Hons), 2012", "bachelor business"),
                (
                    "Education\nAssociate of Applied Science, Information Technology",
                    "associate information-technology",
                ),
                // Unfinished degrees do not count; degrees in progress do.
                (
                    "Education\nPh.D. (ABD) Economics, 2014\nM.A. Economics, 2012",
                    "master economics",
                ),
                (
                    "Education\nPhD Physics, left before the thesis\nBSc Physics",
                    "bachelor physics",
                ),
                (
                    "Education\nPhD candidate in Bioinformatics (expected 2027)\nMSc Biology",
                    "phd bioinformatics",
                ),
                // A flattened résumé: the fields stop at the school.
                (
                    "Skills: SQL, Tableau Education Details B.Sc. Statistics Pune, Deccan College of Science Data Analyst with information systems work",
                    "bachelor statistics",
                ),
                (
                    "Skills\nPython\nEducationBSc Mathematics, 2016",
                    "bachelor mathematics",
                ),
            ],
            |t| render(held(t, &Sections::find(t, Kind::Resume))),
        );
    }

    #[test]
    fn never_panics_on_odd_degree_text() {
        let alphabet = [
            "B.S.",
            "Ph.D.",
            "MSc",
            "MA",
            "BA",
            "BE",
            "Master",
            "Graduate",
            "preferred",
            "a plus",
            "Master of",
            "equivalent",
            "degree",
            "Degree",
            "Education",
            "EDUCATION\n",
            "Requirements\n",
            "University",
            "of",
            "in",
            "minor",
            "track",
            "(",
            ")",
            ",",
            "/",
            ".",
            ";",
            "\n",
            "é",
            "—",
            "•",
            "or",
            "similar",
            "equivalent",
            "experience",
            "OR",
            "CS",
            "Computer Science",
            "another",
            "quantitative",
            "field",
            "ABD",
            "no",
            "not required",
            "years",
            "2019",
            "Institute",
            "Engineering",
        ];
        let scanner = crate::scan::Scanner::builtin();
        for text in crate::testing::random_texts(23, &alphabet, 3000, 20) {
            let sections = Sections::find(&text, Kind::Posting);
            let matches = scanner.scan(&text);
            let asks = Asks::find(&text, &sections, &matches, scanner.lexicon());
            let (degree, spans) = asked(&text, &sections, &asks);
            for r in degree.iter().map(|d| &d.span).chain(&spans) {
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
            held(&text, &Sections::find(&text, Kind::Resume));
        }
    }
}
