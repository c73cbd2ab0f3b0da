//! What a posting asks of a candidate: how strongly it asks for each skill, and the years of
//! experience it asks for.
//!
//! # Strength
//! Each match in a posting is [`Strength::Required`], [`Strength::Preferred`] or
//! [`Strength::Mentioned`] (not asked of the candidate). The section decides first:
//! requirements, responsibilities and text before any heading ask for what they name;
//! preferred sections prefer it; the company description, benefits and legal text only
//! mention it. Then a cue in the same clause (text between line breaks, sentence ends,
//! semicolons and bullets) overrides the section: "Spark is a plus", "nice to have: Kafka",
//! "Python required", "must have", "at least", or a years ask ("3+ years of SQL"). The cue
//! nearest the match wins, whichever side of it the cue is on, so "Python required, Spark a
//! plus" asks for Python and prefers Spark. A heading's own words are not cues: "Desired
//! Candidate Profile" is a requirements heading, and its "desired" prefers nothing. A negated
//! match ("no Java needed") is only mentioned.
//!
//! # Years
//! "5+ years of Python", "3-5 years experience with Spark", "at least two years of SQL",
//! "minimum of 3 yrs", "Python (2+ yrs)" and "7+ years of industry experience" each become a
//! [`YearsAsk`]: its minimum (and maximum, for a range), and the skills it covers: those
//! named after it in its clause, up to the next years ask, or else one skill written right
//! before it ("Python: 5 years"). An ask that covers no skill is an overall ask when the words
//! after it speak of experience or work. Asks in the company description, benefits and legal
//! text are not asks ("for 20 years, Acme has...", "three years ago").
//!
//! Skills before the years label them when the years end their part of the clause or only
//! a few words stand between ("Tableau or Power BI, 2+ years", "Kafka experience of two
//! years or longer", "Kubernetes in production for at least 3 years", "Airflow or a similar
//! orchestrator (2+ years)"). Fields of work are read by kind: a job area (`ROLES`: data
//! science, backend development, security engineering, MLOps, ...) is the job, an overall
//! ask ("3+ years in data science", "in a QA or test engineering role"), while a technique
//! (`TECHNIQUES`) is a skill ("7 years of experience in machine learning"). Parts given
//! without the word "years" follow it ("including 2 with Go", "at least 3 in Go", "of which
//! at least 3 as data architect").

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use serde::Serialize;

use crate::document::sections::{Section, Sections, byte_table, phrase_automaton, word_bounded};
use crate::lexicon::{Lexicon, SkillIdx};
use crate::scan::Match;

/// How strongly a posting asks for a skill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// Named but not asked of the candidate (company description, benefits, negated).
    Mentioned,
    /// Nice to have.
    Preferred,
    /// Must have.
    Required,
}

impl Strength {
    /// `required`, `preferred` or `mentioned`.
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Required => "required",
            Strength::Preferred => "preferred",
            Strength::Mentioned => "mentioned",
        }
    }

    /// The strength a section gives the skills in it before any cue.
    pub fn of_section(section: Section) -> Strength {
        match section {
            Section::About | Section::Benefits | Section::Legal => Strength::Mentioned,
            Section::Preferred => Strength::Preferred,
            _ => Strength::Required,
        }
    }
}

/// Years of experience a posting asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearsAsk {
    /// The skills it asks the years of, in text order; empty for overall experience.
    pub skills: Vec<SkillIdx>,
    /// At least this many years.
    pub min: u32,
    /// At most this many, when a range is given ("3-5 years").
    pub max: Option<u32>,
    /// How strongly: preferred in a preferred section or with a preferred cue, else required.
    pub strength: Strength,
    /// Byte span of the years phrase ("5+ years").
    pub span: Range<usize>,
}

/// What a posting asks: the strength of each match and the years asked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Asks {
    /// One per match, in the order of the matches given.
    pub strengths: Vec<Strength>,
    /// Every years ask, in text order.
    pub years: Vec<YearsAsk>,
    /// Every strength cue, in text order.
    cues: Vec<Cue>,
    /// The text's clause breaks.
    pub(crate) clauses: Clauses,
}

impl Asks {
    /// Reads the asks of a posting `text` with its `sections` and `matches` (sorted by
    /// start, as the scanner returns them, from `lexicon`).
    pub fn find(text: &str, sections: &Sections, matches: &[Match], lexicon: &Lexicon) -> Asks {
        let found = cue_automaton().find_iter(text);
        Asks::read(text, sections, matches, lexicon, found)
    }

    /// [`Asks::find`], given the matches of the [`cue_phrases`] in `text`, as their
    /// leftmost-longest search finds them.
    pub(crate) fn find_with(
        text: &str,
        sections: &Sections,
        matches: &[Match],
        lexicon: &Lexicon,
        cues: &[aho_corasick::Match],
    ) -> Asks {
        Asks::read(text, sections, matches, lexicon, cues.iter().copied())
    }

    fn read(
        text: &str,
        sections: &Sections,
        matches: &[Match],
        lexicon: &Lexicon,
        found: impl Iterator<Item = aho_corasick::Match>,
    ) -> Asks {
        let clauses = Clauses::new(text.as_bytes());
        let years = years_asks(text, sections, matches, lexicon, &clauses);
        let mut cues = cues(text, &years, found);
        // A heading's own words are its section's ("Desired Candidate Profile" asks for what
        // it lists), not a cue.
        cues.retain(|c| {
            !sections
                .starts()
                .iter()
                .any(|s| s.heading.start <= c.span.0 && c.span.1 <= s.heading.end)
        });
        let mut asks = Asks {
            strengths: Vec::with_capacity(matches.len()),
            years,
            cues,
            clauses,
        };
        asks.strengths = matches
            .iter()
            .map(|m| asks.strength_of(text, sections, m))
            .collect();
        asks
    }

    /// The strength of one match: [`Asks::strength_at`] its span, or mentioned when negated.
    pub fn strength_of(&self, text: &str, sections: &Sections, m: &Match) -> Strength {
        if m.negated {
            Strength::Mentioned
        } else {
            self.strength_at(text, sections, m.start..m.end)
        }
    }

    /// The strength of a mention at `span` of `text`: its section's, unless a cue in its clause
    /// says otherwise (see the module docs). Negation is not looked at here.
    pub fn strength_at(&self, text: &str, sections: &Sections, span: Range<usize>) -> Strength {
        let clause = self.clauses.bounds(text.as_bytes(), span.start);
        self.strength_within(sections, span, clause)
    }

    /// [`Asks::strength_at`] with the cues looked for only in `[cs, ce)`, a part of the
    /// clause (a degree's part of "Bachelor's degree (Master's preferred)").
    pub(crate) fn strength_within(
        &self,
        sections: &Sections,
        span: Range<usize>,
        (cs, ce): (usize, usize),
    ) -> Strength {
        let base = Strength::of_section(sections.at(span.start));
        if base == Strength::Mentioned {
            return base;
        }
        nearest_cue(&self.cues, span.start, span.end, cs, ce).unwrap_or(base)
    }

    /// Each skill's strongest ask, sorted by skill.
    pub fn by_skill(&self, matches: &[Match]) -> Vec<(SkillIdx, Strength)> {
        self.by_skill_where(matches, |_| true)
    }

    /// [`Asks::by_skill`] over the matches that `keep` accepts.
    pub fn by_skill_where(
        &self,
        matches: &[Match],
        keep: impl Fn(&Match) -> bool,
    ) -> Vec<(SkillIdx, Strength)> {
        let mut v: Vec<(SkillIdx, Strength)> = matches
            .iter()
            .zip(&self.strengths)
            .filter(|(m, _)| keep(m))
            .map(|(m, s)| (m.skill, *s))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        v.dedup_by_key(|x| x.0);
        v
    }
}

/// A strength cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Cue {
    span: (usize, usize),
    strength: Strength,
    /// The cue may govern skills written before it ("Spark is a plus").
    after: bool,
    /// The cue may govern skills written after it ("Nice to have: Kafka").
    before: bool,
}

/// Cue phrases: (phrase, strength, may follow the skill, may precede the skill).
const CUES: &[(&str, Strength, bool, bool)] = &[
    ("a plus", Strength::Preferred, true, false),
    ("a big plus", Strength::Preferred, true, false),
    ("a huge plus", Strength::Preferred, true, false),
    ("an added plus", Strength::Preferred, true, false),
    ("a bonus", Strength::Preferred, true, false),
    ("bonus points", Strength::Preferred, true, true),
    ("bonus", Strength::Preferred, false, true),
    ("preferred", Strength::Preferred, true, true),
    ("preferably", Strength::Preferred, true, true),
    ("ideally", Strength::Preferred, false, true),
    ("nice to have", Strength::Preferred, true, true),
    ("nice-to-have", Strength::Preferred, true, true),
    ("good to have", Strength::Preferred, true, true),
    ("desired", Strength::Preferred, true, true),
    ("desirable", Strength::Preferred, true, true),
    ("an advantage", Strength::Preferred, true, false),
    ("advantageous", Strength::Preferred, true, false),
    ("beneficial", Strength::Preferred, true, false),
    ("would be great", Strength::Preferred, true, false),
    ("would be nice", Strength::Preferred, true, false),
    ("is helpful", Strength::Preferred, true, false),
    ("are helpful", Strength::Preferred, true, false),
    ("not required but", Strength::Preferred, true, true),
    ("required", Strength::Required, true, true),
    ("requires", Strength::Required, false, true),
    ("must have", Strength::Required, false, true),
    ("must-have", Strength::Required, true, true),
    ("must", Strength::Required, false, true),
    ("a must", Strength::Required, true, false),
    ("mandatory", Strength::Required, true, true),
    ("essential", Strength::Required, true, false),
    ("at least", Strength::Required, false, true),
    ("minimum of", Strength::Required, false, true),
];

/// The cue phrases, numbered as [`Asks::find_with`] takes their matches.
pub(crate) fn cue_phrases() -> impl Iterator<Item = &'static str> {
    CUES.iter().map(|c| c.0)
}

fn cue_automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| phrase_automaton(cue_phrases()))
}

/// Every strength cue in `text`, from the matches `found` of the cue phrases, in order; a
/// years ask is a required cue that precedes its skills.
fn cues(
    text: &str,
    years: &[YearsAsk],
    found: impl Iterator<Item = aho_corasick::Match>,
) -> Vec<Cue> {
    let b = text.as_bytes();
    let mut out: Vec<Cue> = found
        .filter(|m| word_bounded(b, m.start(), m.end()))
        .map(|m| {
            let (_, strength, after, before) = CUES[m.pattern().as_usize()];
            Cue {
                span: (m.start(), m.end()),
                strength,
                after,
                before,
            }
        })
        .collect();
    out.extend(years.iter().map(|y| Cue {
        span: (y.span.start, y.span.end),
        strength: Strength::Required,
        after: false,
        before: true,
    }));
    out.sort_by_key(|c| c.span);
    out
}

/// The strength of the cue nearest a match `[start, end)` within its clause `[cs, ce)`.
fn nearest_cue(cues: &[Cue], start: usize, end: usize, cs: usize, ce: usize) -> Option<Strength> {
    let from = cues.partition_point(|c| c.span.0 < cs);
    let mut best: Option<(usize, Strength)> = None;
    for c in &cues[from..] {
        if c.span.0 >= ce {
            break;
        }
        let distance = if c.span.0 >= end && c.after {
            c.span.0 - end
        } else if c.span.1 <= start && c.before {
            start - c.span.1
        } else {
            continue;
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, c.strength));
        }
    }
    best.map(|(_, s)| s)
}

/// Bullet characters that separate clauses in flattened text.
const BULLETS: &[&str] = &[
    "•", "·", "▪", "►", "➢", "●", "○", "■", "◆", "\u{f0b7}", "✓", "❖",
];

/// The bytes at which [`is_break`] may break a clause.
const MAY_BREAK: [bool; 256] = byte_table(b"\n;-*.!?");

/// Whether a clause ends just before byte `i` or a bullet starts there.
fn is_break(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\n' | b';' => true,
        // A flattened bullet: " - " or " * ", but not in a range of numbers ("3 - 5").
        b'-' | b'*' => {
            i > 0
                && b[i - 1] == b' '
                && b.get(i + 1) == Some(&b' ')
                && !b[..i - 1]
                    .iter()
                    .rev()
                    .find(|c| **c != b' ')
                    .is_some_and(u8::is_ascii_digit)
        }
        // Not after an abbreviation: "(min. 2 years)", "approx. 3 yrs".
        b'.' => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) && !after_abbreviation(b, i),
        b'!' | b'?' => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
        c if c >= 0x80 => BULLETS.iter().any(|x| b[i..].starts_with(x.as_bytes())),
        _ => false,
    }
}

/// Whether the stop at `i` ends an abbreviation that a number follows ("min. 2 years").
fn after_abbreviation(b: &[u8], i: usize) -> bool {
    let word_start = b[..i]
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let word = &b[word_start..i];
    let next = b[i + 1..].iter().find(|c| **c != b' ');
    next.is_some_and(u8::is_ascii_digit)
        && ["min", "approx", "ca", "appr", "max"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// Where a text's clauses break, found once, so that finding the clause of each match does
/// not read the text again.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Clauses {
    breaks: Vec<usize>,
}

impl Clauses {
    pub(crate) fn new(b: &[u8]) -> Clauses {
        Clauses {
            // Most bytes cannot break a clause: they are passed over before `is_break`.
            breaks: (0..b.len())
                .filter(|&i| MAY_BREAK[usize::from(b[i])] && is_break(b, i))
                .collect(),
        }
    }

    /// The clause holding byte `at`: from just after the previous break (past a bullet's last
    /// byte) to just before the next.
    pub(crate) fn bounds(&self, b: &[u8], at: usize) -> (usize, usize) {
        let at = at.min(b.len());
        let j = self.breaks.partition_point(|&x| x < at);
        let mut s = if j > 0 { self.breaks[j - 1] + 1 } else { 0 };
        while s < b.len() && (b[s] & 0xC0) == 0x80 {
            s += 1;
        }
        let e = self.breaks.get(j).copied().unwrap_or(b.len());
        (s.min(at), e)
    }
}

/// Number words up to twenty.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A token before a years word, read right to left.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    Num(u32),
    Word(&'a str),
    Sym(char),
}

/// The tokens of `s`, left to right (words lowercased by the caller's comparisons).
fn tokens(s: &str) -> Vec<(usize, Tok<'_>)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while let Some(&(k, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                j = k + 1;
                it.next();
            }
            out.push((i, Tok::Num(s[i..j].parse().unwrap_or(u32::MAX))));
        } else if c.is_alphabetic() {
            let mut j = i + c.len_utf8();
            while let Some(&(k, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                j = k + d.len_utf8();
                it.next();
            }
            let w = &s[i..j];
            match NUMBER_WORDS.iter().position(|n| n.eq_ignore_ascii_case(w)) {
                Some(n) => out.push((i, Tok::Num(n as u32))),
                None => out.push((i, Tok::Word(w))),
            }
        } else if !c.is_whitespace() {
            out.push((i, Tok::Sym(c)));
        }
    }
    out
}

/// Reads the number phrase that ends a years phrase, from the tokens before the years word:
/// `(start offset, min, max)`.
fn years_number(toks: &[(usize, Tok<'_>)]) -> Option<(usize, u32, Option<u32>)> {
    let mut i = toks.len();
    let take = |i: &mut usize| -> Option<(usize, Tok<'_>)> {
        *i = i.checked_sub(1)?;
        Some(toks[*i])
    };
    let (mut at, mut t) = take(&mut i)?;
    // "5+", "5 plus", "five or more".
    if matches!(t, Tok::Sym('+')) || matches!(t, Tok::Word(w) if w.eq_ignore_ascii_case("plus")) {
        (at, t) = take(&mut i)?;
    } else if matches!(t, Tok::Word(w) if w.eq_ignore_ascii_case("more") || w.eq_ignore_ascii_case("greater"))
    {
        let (_, or) = take(&mut i)?;
        if !matches!(or, Tok::Word(w) if w.eq_ignore_ascii_case("or")) {
            return None;
        }
        (at, t) = take(&mut i)?;
    }
    // "two (2)": the figure in brackets restates the word.
    if matches!(t, Tok::Sym(')')) {
        let (_, n) = take(&mut i)?;
        let (_, open) = take(&mut i)?;
        if !matches!(n, Tok::Num(_)) || !matches!(open, Tok::Sym('(')) {
            return None;
        }
        (at, t) = take(&mut i)?;
        if matches!(t, Tok::Sym('+')) {
            (at, t) = take(&mut i)?;
        }
    }
    let Tok::Num(last) = t else { return None };
    // "1.5 years": a fraction is not read.
    if i >= 2
        && matches!(toks[i - 1].1, Tok::Sym('.' | ','))
        && matches!(toks[i - 2].1, Tok::Num(_))
    {
        return None;
    }
    // A range: "3-5", "3 to 5", "3 – 5".
    let mut j = i;
    if let Some((_, sep)) = take(&mut j) {
        let is_sep = matches!(sep, Tok::Sym('-' | '–' | '—' | '~'))
            || matches!(sep, Tok::Word(w) if w.eq_ignore_ascii_case("to"));
        let is_and = matches!(sep, Tok::Word(w) if w.eq_ignore_ascii_case("and"));
        if is_sep || is_and {
            let mut k = j;
            if let Some((from_at, Tok::Num(from))) = take(&mut k) {
                // "between 2 and 4 years"; "SQL and 3 years" is no range.
                let between = !is_and
                    || take(&mut k).is_some_and(
                        |(_, t)| matches!(t, Tok::Word(w) if w.eq_ignore_ascii_case("between")),
                    );
                if from < last && between {
                    return sane(from_at, from, Some(last));
                }
            }
        }
    }
    sane(at, last, None)
}

/// "A year or more with SageMaker", "at least a year of Go": one year, when the words around
/// "a year" make it an amount of experience ("twice a year", "a year ago" are not); "a year
/// or two"; "a couple of years".
fn a_year(toks: &[(usize, Tok<'_>)], after: &str) -> Option<(usize, u32, Option<u32>)> {
    let word = |i: usize, w: &str| matches!(toks.get(i), Some((_, Tok::Word(x))) if x.eq_ignore_ascii_case(w));
    let n = toks.len().checked_sub(1)?;
    // "a couple of years".
    if n >= 2 && word(n, "of") && word(n - 1, "couple") && word(n - 2, "a") {
        return Some((toks[n - 2].0, 2, None));
    }
    if !(word(n, "a") || word(n, "an")) {
        return None;
    }
    let before = n >= 1
        && ["least", "minimum", "min", "than", "over"]
            .iter()
            .any(|w| word(n - 1, w));
    let next: Vec<String> = after
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_ascii_lowercase)
        .collect();
    let next = |i: usize| next.get(i).map_or("", String::as_str);
    if next(0) == "or" && next(1) == "two" {
        return Some((toks[n].0, 1, Some(2)));
    }
    let after_ok = matches!(next(0), "of" | "with" | "experience" | "+")
        || (next(0) == "or" && matches!(next(1), "more" | "longer" | "so"));
    (before || after_ok).then_some((toks[n].0, 1, None))
}

/// A plausible ask: 1 to 30 years, or a range from 0 ("0-2 years").
fn sane(at: usize, min: u32, max: Option<u32>) -> Option<(usize, u32, Option<u32>)> {
    let ok = (1..=30).contains(&min) || (min == 0 && max.is_some_and(|m| m <= 30));
    ok.then_some((at, min, max))
}

/// Words after a years phrase that make it an ask for experience.
const EXPERIENCE_WORDS: &[&str] = &[
    "experience",
    "roles",
    "role",
    "leading",
    "exp",
    "work",
    "working",
    "industry",
    "professional",
    "background",
    "track",
    "hands-on",
    "relevant",
    "related",
    "post-graduate",
    "postgraduate",
    "practical",
];

/// Whether `s`, between a skill and the years after it, makes the skill their label:
/// punctuation ("Python (3+ years)", "SQL: 2 yrs", "Java, 5 years") with at most the words
/// "minimum", "min", "at least", "for" or "experience" ("Power BI – minimum 3 years",
/// "Snowflake experience (1–2 years)", "C++ for at least a year").
fn label_gap(s: &str) -> bool {
    // An aside in brackets first: "Data modelling (conceptual and logical) for four years".
    let s = match (s.find('('), s.find(')')) {
        (Some(o), Some(c)) if o < c && s[..o].trim().is_empty() => &s[c + 1..],
        _ => s,
    };
    let mut words = 0;
    for w in s.split(|c: char| c.is_whitespace() || LABEL_MARKS.contains(c)) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        let ok = LABEL_WORDS.iter().any(|x| w.eq_ignore_ascii_case(x));
        if !ok || words > 5 {
            return false;
        }
    }
    s.chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || LABEL_MARKS.contains(c))
}

/// Punctuation between a skill and the years it labels.
const LABEL_MARKS: &str = "():-–—,.";

/// Words that may stand between a skill and the years it labels ("Kafka experience of two
/// years", "Kubernetes in production for at least 3 years", "Go, ideally a year or two",
/// "R or Python (around 2 years)").
const LABEL_WORDS: &[&str] = &[
    "minimum",
    "min",
    "at",
    "least",
    "for",
    "experience",
    "of",
    "in",
    "production",
    "ideally",
    "preferably",
    "around",
    "about",
    "roughly",
    "approximately",
    "approx",
    "ca",
    "circa",
    "over",
    "some",
    "no",
    "not",
    "less",
    "fewer",
    "than",
];

/// Whether `s` only joins two listed skills: spaces, commas, slashes, "&", "and", "or".
fn only_separators(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&'))
        .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
}

/// Fields of work that are techniques, not jobs (with [`ROLES`], the fields of work): a
/// method or tool named for one is what the years are of ("Python for data analysis",
/// "scripting in Python").
const TECHNIQUES: &[&str] = &[
    "machine-learning",
    "predictive-modeling",
    "data-analysis",
    "statistics",
    "scripting",
];

/// Whether the skill `id` is a field of work, a technique or a job.
fn is_field(id: &str) -> bool {
    TECHNIQUES.contains(&id) || ROLES.contains(&id)
}

/// Fields of work that are job areas: years "in" them or of their "experience" are years of
/// the job, an overall ask ("5+ years in data science", "8+ years of data engineering
/// experience", "10 years of professional software engineering"), where years of a technique
/// are years of that skill ("7 years of experience in machine learning").
const ROLES: &[&str] = &[
    "data-science",
    "software-engineering",
    "data-engineering",
    "analytics-engineering",
    "devops",
    "sre",
    "product-analytics",
    "quantitative-analysis",
    "business-intelligence",
    "backend-development",
    "frontend-development",
    "full-stack-development",
    "web-development",
    "mobile-development",
    "embedded-systems",
    "cybersecurity",
    "consulting",
    "mlops",
    "product-management",
];

/// Every years ask in the posting (see the module docs).
fn years_asks(
    text: &str,
    sections: &Sections,
    matches: &[Match],
    lexicon: &Lexicon,
    clauses: &Clauses,
) -> Vec<YearsAsk> {
    // Years of "machine learning in production" are years of machine learning, though the
    // scanner reads the phrase as MLOps.
    let ml_years;
    let matches = match ml_in_production(text, matches, lexicon) {
        Some(m) => {
            ml_years = m;
            &ml_years[..]
        }
        None => matches,
    };
    let b = text.as_bytes();
    let mut found: Vec<(usize, usize, u32, Option<u32>)> = Vec::new(); // start, end, min, max
    let lower_is = |i: usize, w: &str| {
        b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes())
    };
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'y', b'Y', &b[i..]) {
        let at = i + k;
        i = at + 1;
        // "1 y." too, with its stop.
        let len = ["years", "year", "yrs", "yr", "y."]
            .iter()
            .find(|w| lower_is(at, w))
            .map(|w| if *w == "y." { 1 } else { w.len() });
        let Some(len) = len else { continue };
        let end = at + len;
        if at > 0 && b[at - 1].is_ascii_alphabetic() {
            continue;
        }
        // "years'": fine; "yearly", "year-round", "4-year degree": not an ask.
        match b.get(end) {
            Some(c) if c.is_ascii_alphanumeric() => continue,
            Some(b'-') => continue,
            _ => {}
        }
        if at > 0 && b[at - 1] == b'-' {
            continue;
        }
        // "Three years ago we started ...".
        if text[end..]
            .trim_start()
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("ago "))
        {
            continue;
        }
        let (cs, _) = clauses.bounds(b, at);
        let from = cs.max(at.saturating_sub(40));
        let mut from = from;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..at];
        let toks = tokens(before);
        let Some((num_at, min, max)) = years_number(&toks).or_else(|| a_year(&toks, &text[end..]))
        else {
            continue;
        };
        found.push((from + num_at, end, min, max));
    }
    let mut out = Vec::new();
    for (n, &(start, end, min, max)) in found.iter().enumerate() {
        let section = sections.at(start);
        if Strength::of_section(section) == Strength::Mentioned {
            continue;
        }
        let (cs, ce) = clauses.bounds(b, start);
        // The words after it, up to the next years ask or the clause's end.
        let stop = found.get(n + 1).map_or(ce, |next| next.0.min(ce)).max(end);
        // A skill written right before it: "Python (3+ years)", "SQL: 2 yrs", "Java, 5 years".
        // (A version form may have taken the number: "Python – 3 years" reads "Python 3".)
        let before = matches
            .iter()
            .rev()
            .find(|m| m.start < start && m.end <= end && m.start >= cs && !m.negated)
            .filter(|m| m.end > start || label_gap(&text[m.end..start]));
        let gap_of = |m: &Match| text.get(m.end..start).unwrap_or("-");
        let tight = before.is_some_and(|m| gap_of(m).contains(['(', ':', '-', '–', '—']));
        // The skills it covers: the first skill after it, a few words on at most, and the
        // skills listed with that one ("Python and SQL", "search, ranking, or recommendation
        // systems"), not those in brackets ("Spark (PySpark or Scala)").
        let later: Vec<&Match> = matches
            .iter()
            .filter(|m| m.start >= end && m.end <= stop && !m.negated)
            .collect();
        let mut covered: Vec<&Match> = Vec::new();
        let lead_end = later.first().map_or(stop, |m| m.start);
        let lead = &text[end..lead_end];
        if let Some(first) = later.first() {
            if lead.split_whitespace().count() <= 6 && !lead.contains('(') {
                covered = listed_after(text, first, later[1..].iter().copied());
            }
        }
        // "deep learning models for computer vision": years of a method for an application
        // are years of the application too (not of a field of work: "... for data analysis",
        // and not years of a tool: "R or Python for statistical modelling" is years of R
        // and Python).
        let tools = covered.iter().all(|m| is_tool(lexicon, m.skill));
        if let Some(&last) = covered.last().filter(|_| !tools) {
            if let Some(next) = later.iter().find(|m| m.start >= last.end) {
                let gap = text[last.end..next.start].trim();
                if gap.eq_ignore_ascii_case("for") && !is_field(&lexicon.skill(next.skill).id) {
                    covered.push(next);
                }
            }
        }
        // A field of work read as the job, not a skill: "as a data scientist", "in data
        // science or predictive modeling", "data engineering experience", "in DevOps roles".
        let lead_words: Vec<String> = lead
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let all_fields =
            !covered.is_empty() && covered.iter().all(|m| is_field(&lexicon.skill(m.skill).id));
        let tail = covered.last().map_or("", |m| &text[m.end..stop]);
        let mut tail_words = tail
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase);
        let mut tail_word = tail_words.next().unwrap_or_default();
        // "in cloud or infrastructure engineering": the word that ends the list.
        if tail_word == "or" || tail_word == "and" {
            if let Some(w) = tail_words.take(3).find(|w| {
                matches!(
                    w.as_str(),
                    "roles" | "role" | "positions" | "position" | "engineering" | "experience"
                )
            }) {
                tail_word = w;
            }
        }
        // "of professional software development with Java": the field names the work, and
        // the skills after "with" are what the years are of; "of iOS development with
        // Swift": years of both.
        let with = matches!(tail_word.as_str(), "with" | "using");
        if (all_fields && (with || tail_word == "in")) || (with && !covered.is_empty()) {
            let from = covered[covered.len() - 1].end;
            let rest: Vec<&Match> = later.iter().copied().filter(|m| m.start >= from).collect();
            let gap = rest.first().map_or("", |m| &text[from..m.start]);
            if gap.split_whitespace().count() <= 2 && !gap.contains('(') {
                if let Some(first) = rest.first() {
                    let list = listed_after(text, first, rest[1..].iter().copied());
                    if list.iter().all(|m| is_field(&lexicon.skill(m.skill).id)) {
                    } else if all_fields {
                        covered = list;
                    } else {
                        covered.extend(list);
                    }
                }
            }
        }
        let skill_ids: Vec<&str> = covered
            .iter()
            .map(|m| lexicon.skill(m.skill).id.as_str())
            .collect();
        let all_fields = !covered.is_empty() && skill_ids.iter().all(|id| is_field(id));
        // A job family among them makes the list a job ("in data science or predictive
        // modeling"); techniques alone are skills ("in machine learning").
        let any_role = skill_ids.iter().any(|id| ROLES.contains(id));
        let a_role = all_fields && any_role;
        let as_role = lead_words.iter().any(|w| w == "as");
        // "of industry experience in ...", "of professional software engineering".
        let of_work = (any_role
            && lead_words
                .iter()
                .any(|w| matches!(w.as_str(), "industry" | "professional")))
            || (all_fields && lead_words.iter().any(|w| w == "overall" || w == "total"));
        // "in security engineering or software development": a job among the fields.
        let in_field = any_role && lead_words.iter().any(|w| w == "in" || w == "within");
        let field_work = match tail_word.as_str() {
            // "in a QA or test engineering role", "in cloud or infrastructure engineering".
            "roles" | "role" | "positions" | "position" | "engineering" => !covered.is_empty(),
            "work" | "overall" => all_fields,
            "experience" => a_role,
            _ => false,
        };
        // "of data science", "of quantitative research at a hedge fund"; not "with MLOps
        // tooling".
        let of_role = a_role && !lead_words.iter().any(|w| w == "with" || w == "using");
        let overall = as_role || of_work || in_field || field_work || of_role;
        let after: Vec<SkillIdx> = if overall {
            Vec::new()
        } else {
            skills_of(&covered)
        };
        // "Docker and Kubernetes, 3+ years each": every skill listed before it.
        let each = {
            let rest = past_qualifiers(&text[end..]);
            let rest = rest.strip_prefix("for ").unwrap_or(rest);
            rest.get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("each"))
        };
        // Years that end their part of the clause are of the skills before them: "Tableau
        // or Power BI, 2+ years", and set off by punctuation, "Airflow or a similar
        // orchestrator (2+ years)" (not "for the next two years").
        let ends_part = ends_part(&text[end..ce]);
        let after_empty = after.is_empty();
        let skills = match before {
            Some(m) if each || tight || ends_part => with_purpose(
                text,
                matches,
                lexicon,
                cs,
                listed_before(text, matches, cs, m),
            ),
            Some(m) if after.is_empty() && !overall => vec![m.skill],
            None if ends_part && !overall && set_off(&text[cs..start]) => {
                first_list(text, matches, cs, start).unwrap_or(after)
            }
            _ => after,
        };
        // A job named before the years is the job: "a background in software engineering (2
        // years or more)".
        let skills = if !skills.is_empty()
            && skills
                .iter()
                .all(|&s| ROLES.contains(&lexicon.skill(s).id.as_str()))
            && before.is_some()
            && after_empty
        {
            Vec::new()
        } else {
            skills
        };
        // Under a requirements heading, "6 years in analytics" asks for experience even
        // without the word.
        let listed_ask = matches!(section, Section::Requirements | Section::Preferred);
        if skills.is_empty() && !overall && !listed_ask {
            let head_end = floor_boundary(text, stop.min(end + 60)).max(end);
            let head = &text[end..head_end];
            let speaks_of_work = tokens(head).iter().any(
                |(_, t)| matches!(t, Tok::Word(w) if EXPERIENCE_WORDS.iter().any(|e| e.eq_ignore_ascii_case(w))),
            );
            if !speaks_of_work {
                continue;
            }
        }
        let strength = match Strength::of_section(section) {
            Strength::Preferred => Strength::Preferred,
            _ => {
                let clause = &text[cs..ce];
                let preferred_cue = cues(clause, &[], cue_automaton().find_iter(clause))
                    .iter()
                    .any(|c| c.strength == Strength::Preferred);
                if preferred_cue {
                    Strength::Preferred
                } else {
                    Strength::Required
                }
            }
        };
        let (ask_end, parent_strength) = (end, strength);
        out.push(YearsAsk {
            skills,
            min,
            max,
            strength,
            span: start..end,
        });
        if let Some(nested) = nested_ask(text, matches, ask_end, ce) {
            out.push(YearsAsk {
                strength: parent_strength,
                ..nested
            });
        }
    }
    out
}

/// Whether a years phrase starting after `s` is set off from it by punctuation, past words
/// such as "around" or "at least": "Airflow or a similar orchestrator (2+ years)",
/// "Python or R for analysis (around 2 years)".
fn set_off(s: &str) -> bool {
    let mut s = s.trim_end();
    loop {
        let cut = s.trim_end_matches(|c: char| c.is_alphabetic());
        let word = &s[cut.len()..];
        if word.is_empty() || !LABEL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            break;
        }
        s = cut.trim_end();
    }
    s.ends_with(['(', ',', ':', '–', '—'])
}

/// Whether the words after a years phrase end its part of the clause: nothing, or a comma,
/// bracket or stop, after at most "minimum", "or more", "at least", "+" and the like.
fn ends_part(rest: &str) -> bool {
    let rest = past_qualifiers(rest);
    rest.is_empty() || rest.starts_with([',', '.', ';', ')', ']'])
}

/// `rest` past the words that qualify a years phrase after it: "3 years (minimum)", "2 yrs
/// min.", "two years or longer", "one year at least".
fn past_qualifiers(rest: &str) -> &str {
    let mut rest = rest.trim_start_matches(['+', '\'', '’', ' ']);
    for w in [
        "(minimum)",
        "(min.)",
        "(min)",
        "minimum",
        "min.",
        "min",
        "or more",
        "or longer",
        "or so",
        "at least",
        "+",
    ] {
        if rest.len() >= w.len()
            && rest.is_char_boundary(w.len())
            && rest[..w.len()].eq_ignore_ascii_case(w)
        {
            rest = rest[w.len()..].trim_start();
        }
    }
    rest
}

/// The first list of skills between `from` and `to` ("Python or R for analysis, 1+ year":
/// Python and R).
fn first_list(text: &str, matches: &[Match], from: usize, to: usize) -> Option<Vec<SkillIdx>> {
    let mut inside = matches
        .iter()
        .filter(|m| m.start >= from && m.end <= to && !m.negated);
    let first = inside.next()?;
    Some(skills_of(&listed_after(text, first, inside)))
}

/// `matches` with machine learning for MLOps where its form names machine learning and not
/// operations ("machine learning in production"), or `None` when there is no such match.
fn ml_in_production(text: &str, matches: &[Match], lexicon: &Lexicon) -> Option<Vec<Match>> {
    let (mlops, ml) = (lexicon.find("mlops")?, lexicon.find("machine-learning")?);
    let named = |m: &Match| {
        let form = text[m.start..m.end].to_ascii_lowercase();
        m.skill == mlops && form.contains("machine learning") && !form.contains("ops")
    };
    if !matches.iter().any(named) {
        return None;
    }
    Some(
        matches
            .iter()
            .map(|m| {
                let mut m = m.clone();
                if named(&m) {
                    m.skill = ml;
                }
                m
            })
            .collect(),
    )
}

/// Whether a skill is a tool (a language, framework, library, database, cloud or big-data
/// platform): years of it for a purpose are years of the tool.
fn is_tool(lexicon: &Lexicon, skill: SkillIdx) -> bool {
    use crate::lexicon::Category as C;
    matches!(
        lexicon.skill(skill).category,
        C::ProgrammingLanguage
            | C::MlFramework
            | C::DataLibrary
            | C::Database
            | C::Cloud
            | C::BigData
    )
}

/// The skills a years phrase labels when `list`, the skills right before it, is a purpose
/// after "for": "R or Python for statistical analysis (2 years)" is years of R and Python;
/// "deep learning for computer vision (3 years)" of both.
fn with_purpose(
    text: &str,
    matches: &[Match],
    lexicon: &Lexicon,
    from: usize,
    list: Vec<SkillIdx>,
) -> Vec<SkillIdx> {
    let Some(list_start) = matches
        .iter()
        .filter(|m| m.start >= from && list.contains(&m.skill))
        .map(|m| m.start)
        .min()
    else {
        return list;
    };
    let head = text[from..list_start].trim_end();
    let for_word = head.len() >= 4
        && head[head.len() - 3..].eq_ignore_ascii_case("for")
        && head.as_bytes()[head.len() - 4] == b' ';
    if !for_word {
        return list;
    }
    match first_list(text, matches, from, list_start) {
        Some(tools) if tools.iter().all(|&s| is_tool(lexicon, s)) => tools,
        Some(mut method) => {
            for s in list {
                if !method.contains(&s) {
                    method.push(s);
                }
            }
            method
        }
        None => list,
    }
}

/// `first` and the matches of `rest` listed right after it ("Python, SQL and Spark"), each
/// joined to the one before by separators only.
fn listed_after<'a>(
    text: &str,
    first: &'a Match,
    rest: impl IntoIterator<Item = &'a Match>,
) -> Vec<&'a Match> {
    let mut list = vec![first];
    for m in rest {
        let last = list[list.len() - 1];
        if m.start < last.end || !only_separators(&text[last.end..m.start]) {
            break;
        }
        list.push(m);
    }
    list
}

/// The distinct skills of `list`, in order.
fn skills_of(list: &[&Match]) -> Vec<SkillIdx> {
    let mut skills: Vec<SkillIdx> = Vec::new();
    for m in list {
        if !skills.contains(&m.skill) {
            skills.push(m.skill);
        }
    }
    skills
}

/// The skill `last` and those listed right before it from `from` on ("Docker and
/// Kubernetes"), in text order.
fn listed_before(text: &str, matches: &[Match], from: usize, last: &Match) -> Vec<SkillIdx> {
    let mut list = vec![last];
    for m in matches
        .iter()
        .rev()
        .filter(|m| m.end <= last.start && m.start >= from && !m.negated)
    {
        let first = list[list.len() - 1];
        if m.end > first.start || !only_separators(&text[m.end..first.start]) {
            break;
        }
        list.push(m);
    }
    list.reverse();
    skills_of(&list)
}

/// A part of a years ask given without the word "years", after it in its clause: "5+ years
/// of backend work, including 2 with Go", "10 years, of which at least 5 in C++", "at least
/// 2 of them writing Go", "6 years of backend work, at least 3 in Go". Its skills are the first one named within a few words of the
/// number and those listed with it.
fn nested_ask(text: &str, matches: &[Match], from: usize, to: usize) -> Option<YearsAsk> {
    let part = text.get(from..to)?;
    let toks = tokens(part);
    let word = |i: usize, w: &str| matches!(toks.get(i), Some((_, Tok::Word(x))) if x.eq_ignore_ascii_case(w));
    let number = |i: usize| match toks.get(i) {
        Some(&(at, Tok::Num(n))) => Some((at, n)),
        _ => None,
    };
    // "... at least 2 of them writing Go": the number, then "of them".
    let trailing = (0..toks.len()).find(|&i| {
        number(i).is_some() && word(i + 1, "of") && (word(i + 2, "them") || word(i + 2, "those"))
    });
    let (num_at, n, mut i) = match trailing {
        Some(k) => {
            let (at, n) = number(k)?;
            (at, n, k + 3)
        }
        None => {
            // "..., at least 3 in Go".
            let comma_at_least = |i: usize| {
                i > 0
                    && matches!(toks[i - 1].1, Tok::Sym(','))
                    && word(i, "at")
                    && word(i + 1, "least")
            };
            let mut i = (0..toks.len()).find(|&i| {
                word(i, "including")
                    || (word(i, "of") && (word(i + 1, "which") || word(i + 1, "them")))
                    || comma_at_least(i)
            })?;
            i += if word(i, "including") {
                1
            } else if word(i, "at") {
                0
            } else {
                2
            };
            if word(i, "at") && word(i + 1, "least") {
                i += 2;
            }
            let (at, n) = number(i)?;
            (at, n, i + 1)
        }
    };
    if matches!(toks.get(i), Some((_, Tok::Sym('+')))) {
        i += 1;
    }
    // With the word "years" it was found as an ask of its own.
    if let Some((_, Tok::Word(w))) = toks.get(i) {
        let w = w.to_ascii_lowercase();
        if w.starts_with("year") || w.starts_with("yr") {
            return None;
        }
    }
    let num_start = from + num_at;
    let after = toks.get(i).map_or(to, |t| from + t.0);
    // "of which at least 3 as data architect": years of a job.
    if word(i, "as") && (1..=30).contains(&n) {
        return Some(YearsAsk {
            skills: Vec::new(),
            min: n,
            max: None,
            strength: Strength::Required,
            span: num_start..after,
        });
    }
    let first = matches
        .iter()
        .find(|m| m.start >= after && m.end <= to && !m.negated)
        .filter(|m| text[after..m.start].split_whitespace().count() <= 3)?;
    // With the skills listed right after it ("with Go and Python").
    let rest = matches
        .iter()
        .filter(|m| m.start >= first.end && m.end <= to && !m.negated);
    let skills = skills_of(&listed_after(text, first, rest));
    (1..=30).contains(&n).then(|| YearsAsk {
        skills,
        min: n,
        max: None,
        strength: Strength::Required,
        span: num_start..after.min(first.start),
    })
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
