//! Sections: where each part of a document begins, from its headings.
//!
//! A résumé has a summary, skills, experience, projects, education, certifications,
//! publications and other sections; a posting has about-the-company, responsibilities,
//! requirements, preferred, benefits and legal sections. Text before the first heading is in
//! [`Section::None`].
//!
//! Headings are found as they really appear, by their words (a table per [`Kind`], so
//! "Qualifications" is a posting's requirements and a résumé's education):
//! - **a line of its own**: `EXPERIENCE`, `Work History:`, `## Projects`, `\section{Skills}`,
//!   `Technical Skills & Tools`: at most six words, all heading words or joining words;
//! - **run into the text after it**, as flattened bullets are: `Qualifications2+ years`,
//!   `RequirementsBachelor's degree`, `Responsibilities • Build ...`;
//! - **inside a long line**, written in Title Case or capitals and ended by a colon:
//!   `... a great culture. What You'll Need: 3+ years ...`.
//!
//! A posting's equal-opportunity and legal text rarely has a heading, so a sentence with a
//! legal phrase ("equal opportunity employer", "without regard to", "E-Verify") starts a
//! [`Section::Legal`] where that sentence starts.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Match, MatchKind};
use serde::Serialize;

use super::Kind;

/// A part of a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Before any heading (a name and contact block, a title and intro).
    #[default]
    None,
    /// Résumé: summary, profile, objective.
    Summary,
    /// Résumé: a skills list.
    Skills,
    /// Résumé: work experience.
    Experience,
    /// Résumé: projects.
    Projects,
    /// Résumé: education.
    Education,
    /// Résumé: certifications and licences.
    Certifications,
    /// Résumé: publications, talks, patents.
    Publications,
    /// Résumé: awards, languages, interests, volunteering, personal details.
    Other,
    /// Posting: about the company or team.
    About,
    /// Posting: what the job does.
    Responsibilities,
    /// Posting: what a candidate must have.
    Requirements,
    /// Posting: what is nice to have.
    Preferred,
    /// Posting: pay, perks and benefits.
    Benefits,
    /// Posting: equal-opportunity and other legal text.
    Legal,
}

impl Section {
    /// Every section, in declaration order.
    pub const ALL: [Section; 15] = [
        Section::None,
        Section::Summary,
        Section::Skills,
        Section::Experience,
        Section::Projects,
        Section::Education,
        Section::Certifications,
        Section::Publications,
        Section::Other,
        Section::About,
        Section::Responsibilities,
        Section::Requirements,
        Section::Preferred,
        Section::Benefits,
        Section::Legal,
    ];

    /// The kebab-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::None => "none",
            Section::Summary => "summary",
            Section::Skills => "skills",
            Section::Experience => "experience",
            Section::Projects => "projects",
            Section::Education => "education",
            Section::Certifications => "certifications",
            Section::Publications => "publications",
            Section::Other => "other",
            Section::About => "about",
            Section::Responsibilities => "responsibilities",
            Section::Requirements => "requirements",
            Section::Preferred => "preferred",
            Section::Benefits => "benefits",
            Section::Legal => "legal",
        }
    }

    /// The section named `s` (its [`Section::as_str`]).
    pub fn parse(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Where one section begins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectionStart {
    /// The section.
    pub section: Section,
    /// The byte span of its heading (or of the legal phrase's sentence start, empty) in the
    /// text.
    pub heading: Range<usize>,
}

/// A document's sections in order. Each lasts until the next one begins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sections {
    starts: Vec<SectionStart>,
}

impl Sections {
    /// Finds the sections of `text`, read as a `kind` (see the module docs).
    pub fn find(text: &str, kind: Kind) -> Sections {
        let table = Table::get(kind);
        Sections::read(
            text,
            kind,
            table.headings.find_iter(text),
            table.legal.find_iter(text),
        )
    }

    /// [`Sections::find`], given the matches of `kind`'s [`heading_phrases`] and of the
    /// [`LEGAL_PHRASES`] (a posting's only), as each one's leftmost-longest search finds them.
    pub(crate) fn find_with(
        text: &str,
        kind: Kind,
        headings: &[Match],
        legal: &[Match],
    ) -> Sections {
        Sections::read(text, kind, headings.iter().copied(), legal.iter().copied())
    }

    fn read(
        text: &str,
        kind: Kind,
        headings: impl Iterator<Item = Match>,
        legal: impl Iterator<Item = Match>,
    ) -> Sections {
        let table = Table::get(kind);
        let mut starts: Vec<SectionStart> = Vec::new();
        let bytes = text.as_bytes();
        let mut whole_line_until = 0;
        // The current line: start, end, and its span as a heading line.
        let mut line: (usize, usize, Option<Range<usize>>) = (0, 0, None);
        for m in headings {
            if m.start() < whole_line_until {
                continue;
            }
            let section = table.sections[m.pattern().as_usize()];
            // Each line is looked at once as a whole, however many phrases it holds.
            if m.start() >= line.1 || m.start() < line.0 {
                let (ls, le) = line_bounds(bytes, m.start());
                line = (ls, le, heading_line(table, text, ls, le));
            }
            let (line_start, line_end) = (line.0, line.1);
            // A heading line: the phrase and at most a few more heading or joining words.
            if let Some(span) = line.2.clone() {
                if m.start() >= span.start {
                    whole_line_until = line_end;
                    push(&mut starts, section, span);
                    continue;
                }
            }
            // "Tools: Python, SQL" inside a job entry labels that entry's tools, and
            // "Languages: Python, SQL" in a skills list labels a group of skills: at the start
            // of a line inside those sections, a skills or other heading is a label.
            let current = starts.last().map(|s| s.section);
            let label = kind == Kind::Resume
                && matches!(section, Section::Skills | Section::Other)
                && matches!(
                    current,
                    Some(Section::Experience | Section::Projects | Section::Skills)
                )
                && (text[line_start..m.start()]
                    .trim_matches(is_markup)
                    .is_empty()
                    // In a flattened résumé the label sits inside a line ("Technical Skills -
                    // Languages: Python, Scala - Big data: Spark").
                    || bytes.get(m.end()) == Some(&b':'));
            if label {
                continue;
            }
            let mut end = m.end();
            // "EXPERIENCEStaff Data Engineer": the capitals' last letter starts the next
            // word, and the longest phrase ("experiences") took it.
            if bytes.get(end).is_some_and(u8::is_ascii_lowercase)
                && bytes[m.start()..end]
                    .iter()
                    .all(|c| !c.is_ascii_lowercase())
                && table.section_of(&text[m.start()..end - 1]) == Some(section)
            {
                end -= 1;
            }
            if inline_heading(bytes, m.start(), end, line_start) {
                push(&mut starts, section, m.start()..end);
            }
        }
        heading_like_lines(text, kind, &mut starts);
        if kind == Kind::Posting {
            sentence_cues(text, &mut starts);
            for m in legal {
                if !word_bounded(bytes, m.start(), m.end()) {
                    continue;
                }
                let at = sentence_start(bytes, m.start());
                let i = starts.partition_point(|s| s.heading.start <= at);
                let current = i.checked_sub(1).map(|i| starts[i].section);
                if current != Some(Section::Legal) {
                    starts.insert(
                        i,
                        SectionStart {
                            section: Section::Legal,
                            heading: at..at,
                        },
                    );
                }
            }
        }
        Sections { starts }
    }

    /// The section that holds byte `offset`.
    pub fn at(&self, offset: usize) -> Section {
        let i = self.starts.partition_point(|s| s.heading.start <= offset);
        i.checked_sub(1)
            .map_or(Section::None, |i| self.starts[i].section)
    }

    /// Where each section begins, in order.
    pub fn starts(&self) -> &[SectionStart] {
        &self.starts
    }

    /// Whether any heading was found.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// Headings worded in no table ("WHAT THE JOB LOOKS LIKE", "The Package", "Toolbox"): a
/// short line set apart as a heading (ending in a colon or a dash, or in capitals, or every
/// word capitalised), whose words say what it heads: "need", "bring", "takes" a posting's
/// requirements, "job", "duties", "work" its responsibilities, "offer", "package", "perks"
/// its benefits, "extra", "bonus", "plus" what it prefers; "tool", "stack" a résumé's
/// skills, "career", "work" its experience, and so on. A line that names nothing of the kind
/// (a job title, a company) is not a heading.
fn heading_like_lines(text: &str, kind: Kind, starts: &mut Vec<SectionStart>) {
    let mut at = 0;
    let mut found: Vec<SectionStart> = Vec::new();
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let line_start = at;
        at += line.len() + 1;
        let t = line.trim();
        let inner = t.trim_matches(|c: char| is_markup(c) || c == '?' || c == '!');
        // Not a sentence, a list or a label with its content ("Tools: Python, Spark").
        if inner.is_empty()
            || inner.len() > 50
            || t.ends_with(['.', ',', ';'])
            || inner.contains([':', ',', ';', '|', '(', '@'])
            || inner.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.len() > 6 {
            continue;
        }
        let marked = t.ends_with([':', '-', '–']) || t.starts_with('#');
        let letters = || inner.chars().filter(|c| c.is_alphabetic());
        let caps = letters().count() >= 3 && letters().all(|c| c.is_uppercase());
        let title = words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
                || JOINING_WORDS.contains(&w.to_ascii_lowercase().as_str())
        });
        // In a posting, a short line in sentence case that a list follows ("The toolkit we
        // hope you carry").
        let bullet = |l: &str| l.starts_with(['-', '*', '•', '·', '➢', '▪', '●']);
        let list_next = kind == Kind::Posting
            && !bullet(t)
            && lines.peek().is_some_and(|next| bullet(next.trim_start()));
        if !(marked || caps || title || list_next) {
            continue;
        }
        let start = line_start + (line.len() - line.trim_start().len());
        let line_end = line_start + line.len();
        if starts.iter().any(|s| {
            s.heading.start < line_end && s.heading.end > line_start
                || s.heading.start == line_start
        }) {
            continue;
        }
        let lower = inner.to_lowercase();
        let Some(section) = classify_heading(&lower, kind) else {
            continue;
        };
        found.push(SectionStart {
            section,
            heading: start..start + t.len(),
        });
    }
    for f in found {
        let j = starts.partition_point(|s| s.heading.start <= f.heading.start);
        let same_before = j > 0 && starts[j - 1].section == f.section;
        if !same_before {
            starts.insert(j, f);
        }
    }
}

/// The section a heading's words name, by keyword, or `None`.
fn classify_heading(lower: &str, kind: Kind) -> Option<Section> {
    // A key of three letters or fewer is a whole word (or its plural): "do" is not "Docker".
    let has = |keys: &[&str]| {
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| {
                keys.iter().any(|k| {
                    if k.len() <= 3 {
                        w == *k || w.strip_suffix('s') == Some(k)
                    } else {
                        w.starts_with(k)
                    }
                })
            })
    };
    match kind {
        Kind::Posting => {
            if has(&[
                "equal",
                "eeo",
                "eoe",
                "legal",
                "diversity",
                "accommodation",
                "disclaimer",
            ]) {
                Some(Section::Legal)
            } else if has(&[
                "nice",
                "bonus",
                "plus",
                "extra",
                "smile",
                "prefer",
                "desir",
                "better",
                "helpful",
                "advantage",
                "ideally",
            ]) {
                Some(Section::Preferred)
            } else if has(&[
                "offer",
                "package",
                "perk",
                "pay",
                "benefit",
                "reward",
                "compensation",
                "salary",
                "why",
            ]) {
                Some(Section::Benefits)
            } else if has(&[
                "need",
                "bring",
                "takes",
                "require",
                "qualif",
                "must",
                "skill",
                "experience",
                "profile",
                "expect",
                "background",
                "ideal",
                "toolkit",
                "carry",
            ]) {
                Some(Section::Requirements)
            } else if has(&[
                "do",
                "doing",
                "job",
                "role",
                "duties",
                "accountab",
                "responsib",
                "day",
                "impact",
                "purpose",
                "own",
                "tasks",
                "involve",
                "work",
                "problem",
                "plate",
                "spend",
            ]) {
                Some(Section::Responsibilities)
            } else if has(&["company", "story", "mission", "culture", "values"]) {
                Some(Section::About)
            } else {
                None
            }
        }
        Kind::Resume => {
            if has(&["certif", "licen"]) {
                Some(Section::Certifications)
            } else if has(&["publication", "paper", "patent", "talks"]) {
                Some(Section::Publications)
            } else if has(&["project", "portfolio"]) {
                Some(Section::Projects)
            } else if has(&[
                "educat",
                "academ",
                "degree",
                "school",
                "universit",
                "studies",
            ]) {
                Some(Section::Education)
            } else if has(&[
                "experience",
                "employment",
                "career",
                "history",
                "work",
                "jobs",
            ]) {
                Some(Section::Experience)
            } else if has(&[
                "skill",
                "tool",
                "technolog",
                "stack",
                "competenc",
                "expertise",
                "proficienc",
            ]) {
                Some(Section::Skills)
            } else if has(&["summary", "profile", "objective", "overview"]) {
                Some(Section::Summary)
            } else if has(&[
                "award",
                "honor",
                "honour",
                "language",
                "interest",
                "hobb",
                "volunteer",
                "activit",
                "reference",
                "personal",
                "achievement",
            ]) {
                Some(Section::Other)
            } else {
                None
            }
        }
    }
}

/// What the first words of a posting's sentence say about the section it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opening {
    /// "Acme is a ...", "We are a ...", "Founded in ...": the company.
    Company,
    /// "Acme offers ...", "We offer ...": benefits (the company, before any heading).
    Offers,
    /// "We are hiring ...", "You will ...", "In this role ...": the job.
    Job,
    /// "Experience with ...", "Expert in ...", "5+ years ...": a requirement, at a line's
    /// start.
    Requirement,
    /// "You have ...", "You'll have spent ...", "We're looking for someone with ...", "The
    /// ideal candidate ...": what the candidate brings, told in prose.
    Candidate,
    /// "It would be great if ...", "Bonus points if ...", "Ideally, you ...": a plus, told in
    /// prose.
    Bonus,
}

/// First words that open a requirement on a line of its own.
const REQUIREMENT_OPENINGS: &[&[&str]] = &[
    &["experience", "with"],
    &["experience", "in"],
    &["experience", "building"],
    &["experience", "using"],
    &["experience", "working"],
    &["expert", "in"],
    &["expertise", "in"],
    &["expertise", "with"],
    &["proficiency", "in"],
    &["proficiency", "with"],
    &["proficient", "in"],
    &["proficient", "with"],
    &["knowledge", "of"],
    &["familiarity", "with"],
    &["understanding", "of"],
    &["ability", "to"],
    &["demonstrable"],
    &["demonstrated"],
    &["hands-on"],
    &["bachelor's"],
    &["master's"],
    &["phd"],
    &["degree", "in"],
];

/// Capitalised first words that are not a company's name.
const NOT_NAMES: &[&str] = &[
    "this",
    "that",
    "it",
    "there",
    "here",
    "these",
    "those",
    "what",
    "who",
    "why",
    "how",
    "you",
    "your",
    "if",
    "job",
    "position",
    "role",
    "candidate",
    "candidates",
    "applicant",
    "applicants",
    "experience",
    "he",
    "she",
    "they",
    "i",
    "my",
];

/// Verbs that, after a company's name at a sentence start, describe the company.
const COMPANY_VERBS: &[&str] = &[
    "builds",
    "makes",
    "operates",
    "provides",
    "develops",
    "designs",
    "creates",
    "helps",
    "runs",
    "serves",
    "powers",
    "connects",
    "delivers",
    "sells",
    "manufactures",
    "was",
    "has",
    "is",
    "are",
];

/// Words after "is"/"are" that describe a company ("is a", "is building", "is proud").
const IS_WHAT: &[&str] = &[
    "a",
    "an",
    "the",
    "building",
    "one",
    "proud",
    "on",
    "home",
    "redefining",
    "changing",
    "transforming",
    "reinventing",
    "headquartered",
    "based",
    "backed",
];

/// The longest word [`opening`] compares with, in bytes ("understanding", "headquartered").
const WORD_MAX: usize = 16;

/// Whether `w` starts with the lowercase ASCII `prefix`, ASCII case ignored.
fn starts_with_ignore_case(w: &str, prefix: &str) -> bool {
    w.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Reads the opening words of a sentence.
fn opening(sentence: &str) -> Option<Opening> {
    let mut first_words = [""; 8];
    let mut n = 0;
    for w in sentence.split_whitespace().take(8) {
        first_words[n] = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '\'');
        n += 1;
    }
    let words = &first_words[..n];
    // Lowercased once, into one buffer on the stack: this runs for every sentence of every
    // posting, and allocating each word showed in profiles. A word that is not ASCII or is
    // longer than `WORD_MAX` reads as "", which, like the word, equals none of the words
    // compared.
    let mut buf = [0u8; 8 * WORD_MAX];
    let mut spans = [(0, 0); 8];
    let mut len = 0;
    for (span, w) in spans.iter_mut().zip(words) {
        if w.len() <= WORD_MAX && w.is_ascii() {
            buf[len..len + w.len()].copy_from_slice(w.as_bytes());
            *span = (len, len + w.len());
            len += w.len();
        }
    }
    buf[..len].make_ascii_lowercase();
    let all = std::str::from_utf8(&buf[..len]).unwrap_or_default();
    let mut lowered = [""; 8];
    for (l, &(s, e)) in lowered.iter_mut().zip(&spans) {
        *l = all.get(s..e).unwrap_or_default();
    }
    let lowered = &lowered[..n];
    let lower = |i: usize| lowered.get(i).copied();
    let first = lower(0)?;
    let second = lower(1).unwrap_or_default();
    let third = lower(2).unwrap_or_default();
    let fourth = lower(3).unwrap_or_default();
    // What the candidate brings, and what would be a plus, told in prose.
    let looking_at = match (first, second) {
        ("we're", "looking" | "seeking") => Some(2),
        ("we", "are" | "re") if matches!(third, "looking" | "seeking") => Some(3),
        _ => None,
    };
    let someone = looking_at.is_some_and(|k| {
        let after = lower(k).unwrap_or_default();
        let who = if after == "for" {
            lower(k + 1)
        } else {
            Some(after)
        };
        matches!(
            who.unwrap_or_default(),
            "someone" | "somebody" | "people" | "candidates" | "a" | "an"
        ) && (who != Some("a") && who != Some("an")
            || matches!(lower(k + 2).unwrap_or_default(), "person" | "candidate"))
    });
    let candidate = someone
        || matches!(
            (first, second),
            ("you", "have" | "bring" | "should" | "must" | "need")
                | ("you'll", "have" | "bring" | "need")
                | ("you've", _)
                | ("the", "ideal" | "right" | "successful")
                | ("our", "ideal")
                | ("candidates", "should" | "must" | "will")
                | ("applicants", "should" | "must")
        )
        || (first == "you" && second == "will" && matches!(third, "have" | "bring" | "need"));
    if candidate {
        return Some(Opening::Candidate);
    }
    let bonus = matches!(
        (first, second, third),
        ("it", "would" | "will" | "is", "be" | "a")
            | ("it'd", "be", _)
            | ("it's", "a", _)
            | ("bonus", _, _)
            | ("ideally", _, _)
            | ("extra", "points", _)
    ) && (first != "it" && first != "it'd" && first != "it's"
        || matches!(
            fourth,
            "great" | "lovely" | "nice" | "plus" | "bonus" | "helpful" | "ideal"
        )
        || matches!(
            third,
            "great" | "lovely" | "nice" | "plus" | "bonus" | "helpful" | "ideal"
        ));
    if bonus {
        return Some(Opening::Bonus);
    }
    let job = match (first, second) {
        ("we", "are" | "re") | ("we're", _) => {
            let w = if first == "we're" { second } else { third };
            matches!(w, "hiring" | "looking" | "seeking" | "searching")
        }
        ("you", "will" | "ll") | ("you'll", _) | ("in", "this") | ("this", "role" | "position") => {
            true
        }
        ("as", "a" | "an" | "our") => true,
        _ => false,
    };
    if job {
        return Some(Opening::Job);
    }
    // On the words as written: the lowercase of a long word is "".
    let (first_word, second_word) = (words[0], words.get(1).copied().unwrap_or_default());
    let years = first_word.starts_with(|c: char| c.is_ascii_digit())
        && (starts_with_ignore_case(second_word, "year")
            || starts_with_ignore_case(second_word, "yr")
            || first_word.ends_with('+'));
    if years
        || REQUIREMENT_OPENINGS.iter().any(|o| {
            o.iter()
                .enumerate()
                .all(|(i, w)| lower(i).is_some_and(|x| x == *w))
        })
    {
        return Some(Opening::Requirement);
    }
    if (first == "we" && matches!(second, "are" | "offer")) || first == "founded" || first == "at" {
        return match (second, third) {
            ("offer", _) => Some(Opening::Offers),
            ("are", "a" | "an" | "the" | "building" | "proud" | "on") => Some(Opening::Company),
            ("in", _) if first == "founded" => Some(Opening::Company),
            _ if first == "at"
                && words
                    .get(1)
                    .is_some_and(|w| w.starts_with(char::is_uppercase)) =>
            {
                Some(Opening::Company)
            }
            _ => None,
        };
    }
    // A name: one to five capitalised words (or "&"), then a verb; not a pronoun or a word
    // about the job.
    let name = words
        .iter()
        .take_while(|w| *w == &"&" || w.starts_with(|c: char| c.is_uppercase()))
        .count();
    if name == 0 || name > 5 || NOT_NAMES.contains(&first) {
        return None;
    }
    let verb = lower(name)?;
    let next = lower(name + 1).unwrap_or_default();
    if verb == "offers" {
        return Some(Opening::Offers);
    }
    if !COMPANY_VERBS.contains(&verb) {
        return None;
    }
    match verb {
        "is" | "are" if !IS_WHAT.contains(&next) => None,
        "was" if next != "founded" => None,
        "has" if next != "been" => None,
        _ => Some(Opening::Company),
    }
}

/// Starts the sections that sentences open without a heading: the company description
/// before any heading ("Acme is a ..."), which a sentence about the job ends ("We are hiring
/// ..."), and benefits told in a sentence ("Acme offers ...", "We offer ...").
fn sentence_cues(text: &str, starts: &mut Vec<SectionStart>) {
    let b = text.as_bytes();
    let first_heading = starts.first().map_or(text.len(), |s| s.heading.start);
    let mut found: Vec<SectionStart> = Vec::new();
    // The end of the paragraph of a company description opened by a sentence (not a heading):
    // it lasts that paragraph, or the next too when that one also describes the company.
    let mut about_until: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        // The next sentence start at or after `i`.
        let at = {
            let mut k = i;
            while k < b.len()
                && (b[k].is_ascii_whitespace() || matches!(b[k], b'*' | b'#' | b'-' | b'>'))
            {
                k += 1;
            }
            k
        };
        if at >= b.len() {
            break;
        }
        let end = sentence_end(b, at);
        i = end.max(at + 1);
        if starts.iter().any(|s| s.heading.contains(&at)) {
            continue;
        }
        let before_heading = at < first_heading;
        let heading_section = {
            let j = starts.partition_point(|s| s.heading.start <= at);
            j.checked_sub(1).map(|j| starts[j].section)
        };
        let last_found = found.last().map(|f| f.section);
        let mut push = |section: Section| {
            found.push(SectionStart {
                section,
                heading: at..at,
            })
        };
        let opening = opening(&text[at..end]);
        let benefits = opening == Some(Opening::Offers) && names_benefits(&text[at..end]);
        let company = matches!(opening, Some(Opening::Company | Opening::Offers)) && !benefits;
        if let Some(until) = about_until {
            if !before_heading {
                about_until = None;
            } else if at >= until {
                if company {
                    about_until = Some(paragraph_end(b, at));
                    continue;
                }
                push(Section::None);
                about_until = None;
            }
        }
        let current = if about_until.is_some() {
            Some(Section::About)
        } else {
            heading_section
        };
        match opening {
            _ if benefits && !before_heading && current != Some(Section::Benefits) => {
                push(Section::Benefits)
            }
            // At a paragraph's start: mid-paragraph, "Strong Python is a must" is no company.
            _ if company && before_heading && about_until.is_none() && line_start_at(b, at) => {
                push(Section::About);
                about_until = Some(paragraph_end(b, at));
            }
            // A requirement listed under the company's description, whose own heading was not
            // found: the requirements start there.
            Some(Opening::Requirement)
                if current == Some(Section::About) && line_start_at(b, at) =>
            {
                push(Section::Requirements);
                about_until = None;
            }
            Some(Opening::Job) if about_until.is_some() => {
                push(Section::None);
                about_until = None;
            }
            // Prose: a paragraph about what the candidate brings, or what would be a plus,
            // where no heading has said so.
            Some(Opening::Candidate)
                if line_start_at(b, at)
                    && matches!(
                        current,
                        None | Some(Section::None | Section::About | Section::Responsibilities)
                    )
                    && last_found != Some(Section::Requirements) =>
            {
                push(Section::Requirements);
                about_until = None;
            }
            Some(Opening::Bonus)
                if line_start_at(b, at)
                    && matches!(
                        current,
                        None | Some(
                            Section::None
                                | Section::About
                                | Section::Responsibilities
                                | Section::Requirements
                        )
                    ) =>
            {
                push(Section::Preferred);
                about_until = None;
            }
            _ => {}
        }
    }
    for f in found {
        let j = starts.partition_point(|s| s.heading.start <= f.heading.start);
        starts.insert(j, f);
    }
}

/// Words that make an "offers" sentence one about benefits.
const BENEFIT_WORDS: &[&str] = &[
    "benefit",
    "salary",
    "salaries",
    "compensation",
    "401",
    "pto",
    "paid time",
    "vacation",
    "medical",
    "dental",
    "vision",
    "health",
    "insurance",
    "bonus",
    "equity",
    "relocation",
    "pension",
    "perks",
    "tuition",
    "holiday",
    "parental",
    "retirement",
    "stock",
];

fn names_benefits(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    BENEFIT_WORDS.iter().any(|w| lower.contains(w))
}

/// The start of the next blank line after `at` (the end of its paragraph), or the text's end.
fn paragraph_end(b: &[u8], at: usize) -> usize {
    let mut k = at;
    while let Some(n) = memchr::memchr(b'\n', &b[k..]) {
        let nl = k + n;
        let mut j = nl + 1;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j >= b.len() || b[j] == b'\n' {
            return nl;
        }
        k = nl + 1;
    }
    b.len()
}

/// Whether only markup and spaces stand between the start of `at`'s line and `at`.
fn line_start_at(b: &[u8], at: usize) -> bool {
    b[..at]
        .iter()
        .rev()
        .take_while(|c| **c != b'\n')
        .all(|c| matches!(c, b' ' | b'\t' | b'*' | b'-' | b'#' | b'>'))
}

/// A table of the bytes in `bytes`, and of every byte from 0x80 (a bullet's or any
/// non-ASCII character's), for passing over the others in a tight loop.
pub(crate) const fn byte_table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    let mut c = 0x80;
    while c < 256 {
        t[c] = true;
        c += 1;
    }
    t
}

/// The bytes at which [`sentence_end`] may end a sentence.
const MAY_END_SENTENCE: [bool; 256] = byte_table(b"\n.!?-*");

/// Just past the end of the sentence starting at `at`: after its `.`, `!` or `?` (before a
/// space), at a line break, or at a bullet.
fn sentence_end(b: &[u8], at: usize) -> usize {
    let mut k = at;
    while k < b.len() {
        // Most bytes end nothing: skip to the next that may.
        match b[k..]
            .iter()
            .position(|&c| MAY_END_SENTENCE[usize::from(c)])
        {
            Some(n) => k += n,
            None => return b.len(),
        }
        match b[k] {
            b'\n' => return k,
            b'.' | b'!' | b'?' if b.get(k + 1).is_none_or(|c| *c == b' ') => return k + 1,
            c if k > at && (c >= 0x80 || c == b'-' || c == b'*') && starts_with_bullet(&b[k..]) => {
                return k;
            }
            _ => k += 1,
        }
    }
    k
}

/// Adds a section start, unless it repeats the section already open (a heading written twice,
/// as a two-column PDF may).
fn push(starts: &mut Vec<SectionStart>, section: Section, heading: Range<usize>) {
    if starts.last().is_some_and(|s| s.section == section) {
        return;
    }
    starts.push(SectionStart { section, heading });
}

/// The heading phrases of one kind of document, compiled once.
struct Table {
    headings: AhoCorasick,
    sections: Vec<Section>,
    phrases: Vec<&'static str>,
    legal: AhoCorasick,
}

impl Table {
    fn get(kind: Kind) -> &'static Table {
        static RESUME: OnceLock<Table> = OnceLock::new();
        static POSTING: OnceLock<Table> = OnceLock::new();
        match kind {
            Kind::Resume => RESUME.get_or_init(|| Table::new(RESUME_HEADINGS)),
            Kind::Posting => POSTING.get_or_init(|| Table::new(POSTING_HEADINGS)),
        }
    }

    /// The section of a whole phrase, matched without regard to ASCII case.
    fn section_of(&self, phrase: &str) -> Option<Section> {
        self.phrases
            .iter()
            .position(|p| p.eq_ignore_ascii_case(phrase))
            .map(|i| self.sections[i])
    }

    fn new(groups: &[(Section, &'static [&'static str])]) -> Table {
        let mut phrases = Vec::new();
        let mut sections = Vec::new();
        for (section, words) in groups {
            for w in *words {
                phrases.push(*w);
                sections.push(*section);
            }
        }
        Table {
            headings: phrase_automaton(&phrases),
            sections,
            phrases,
            legal: phrase_automaton(LEGAL_PHRASES),
        }
    }
}

/// The heading phrases of a `kind` of document, numbered as [`Sections::find_with`] takes
/// their matches.
pub(crate) fn heading_phrases(kind: Kind) -> &'static [&'static str] {
    &Table::get(kind).phrases
}

/// A DFA over built-in phrases, ASCII case ignored, the longest phrase winning at each
/// position (shared by the heading, cue and degree tables).
pub(crate) fn phrase_automaton<P: AsRef<[u8]>>(
    phrases: impl IntoIterator<Item = P>,
) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(phrases)
        .expect("built-in phrases compile")
}

/// The start and end (before `\n`) of the line holding byte `at`.
fn line_bounds(b: &[u8], at: usize) -> (usize, usize) {
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
    (start, end)
}

/// Bytes that mark up a heading or start a bullet, skipped around a heading line.
fn is_markup(c: char) -> bool {
    matches!(
        c,
        '#' | '*'
            | '_'
            | '='
            | '-'
            | '–'
            | '—'
            | '•'
            | '·'
            | '▪'
            | '►'
            | '➢'
            | '●'
            | '○'
            | '■'
            | '◆'
            | '|'
            | ':'
            | '>'
    ) || c.is_whitespace()
}

/// Words that may join heading words in a heading line ("Skills & Tools", "Licenses and
/// Certifications") or qualify them ("Additional Experience", "Key Skills").
const JOINING_WORDS: &[&str] = &[
    "&",
    "and",
    "/",
    "of",
    "the",
    "our",
    "your",
    "my",
    "key",
    "core",
    "main",
    "other",
    "additional",
    "relevant",
    "selected",
    "professional",
    "technical",
    "general",
    "personal",
    "areas",
    "summary",
    "details",
    "&amp;",
    "+",
    "a",
    "in",
    "for",
    "you",
    "to",
    "is",
    "job",
    "position",
    "role",
    "team",
];

/// The span of the line `[start, end)` as a heading, if it is one: a short line, once
/// stripped of markup, bullets and a trailing colon (and a LaTeX `\…section{}`), made of
/// heading phrases and joining words.
fn heading_line(table: &Table, text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let line = &text[start..end];
    let mut inner = line.trim();
    let mut base = start + (line.len() - line.trim_start().len());
    if let Some(rest) = inner.strip_prefix('\\') {
        let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let name = &rest[..name_len];
        if !name.contains("section") && !name.contains("chapter") {
            return None;
        }
        let open = rest[name_len..].find('{')?;
        let body_start = 1 + name_len + open + 1;
        let body_len = inner[body_start..].find('}')?;
        base += body_start;
        inner = &inner[body_start..body_start + body_len];
    }
    let lead = inner.len() - inner.trim_start_matches(is_markup).len();
    let s = inner.trim_matches(is_markup);
    if s.is_empty() || s.len() > 60 {
        return None;
    }
    let s_start = base + lead;
    // Every word is covered by a heading phrase or is a joining word.
    let mut covered = vec![false; s.len()];
    let mut any = false;
    for m in table.headings.find_iter(s) {
        if word_bounded(s.as_bytes(), m.start(), m.end()) {
            covered[m.start()..m.end()].fill(true);
            any = true;
        }
    }
    if !any {
        return None;
    }
    // "Requirements for all data scientists", "Benefits at Acme": a heading phrase that
    // starts the line, then "for" or "at" and a few words, no sentence.
    let lead = table
        .headings
        .find(s)
        .filter(|m| m.start() == 0 && word_bounded(s.as_bytes(), 0, m.end()));
    if let Some(m) = lead {
        let rest: Vec<&str> = s[m.end()..].split_whitespace().collect();
        let next = rest.first().map(|w| w.to_ascii_lowercase());
        if s.starts_with(|c: char| c.is_uppercase())
            && matches!(next.as_deref(), Some("for" | "at"))
            && rest.len() <= 6
            && !s.ends_with(['.', ',', ';'])
        {
            return Some(s_start..s_start + s.len());
        }
    }
    let mut words = 0;
    let mut pos = 0;
    for w in s.split(|c: char| c.is_whitespace() || c == ',') {
        let at = pos;
        pos += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        words += 1;
        let w_trim = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '/');
        let joining =
            JOINING_WORDS.iter().any(|j| j.eq_ignore_ascii_case(w_trim)) || w_trim.is_empty();
        if !joining && !covered[at..at + w.len()].iter().any(|&c| c) {
            return None;
        }
    }
    (words <= 6).then_some(s_start..s_start + s.len())
}

/// Whether the byte before `start` and the byte at `end` do not continue a word.
pub(crate) fn word_bounded(b: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A heading inside a line (see the module docs): Title Case or capitals, and on its right a
/// colon, a bullet, or text run into it with no space (`Qualifications2+`,
/// `RequirementsBachelor's`). Flattened bullets run the last bullet's words into the next
/// heading with only a space ("... reports in Python What we're looking for - ..."), so the
/// left side is not asked for more than a word boundary.
fn inline_heading(b: &[u8], start: usize, end: usize, line_start: usize) -> bool {
    if !b[start].is_ascii_uppercase() {
        return false;
    }
    // Left: a word run into it must end in lowercase or a digit ("teamRequirements",
    // "2021Education"), not in capitals (inside an all-caps word).
    if start > line_start && b[start - 1].is_ascii_uppercase() {
        return false;
    }
    // Right.
    let after = &b[end..];
    let mut q = 0;
    while q < after.len() && matches!(after[q], b' ' | b'\t') {
        q += 1;
    }
    match after.get(q) {
        Some(b':') => true,
        // "Key Duties- Track ...", "Must Haves – ...".
        Some(b'-') if after.get(q + 1).is_none_or(|c| *c == b' ') => true,
        Some(c) if q == 0 && (c.is_ascii_uppercase() || c.is_ascii_digit()) => true,
        // "Education Details B.E. ...": a heading of two or more words, each capitalised, in
        // flattened text.
        // A paragraph opened by a heading of two or more words ("What you bring You have
        // ...") is headed too.
        Some(c) if q > 0 && (c.is_ascii_uppercase() || c.is_ascii_digit()) => {
            let words: Vec<&[u8]> = b[start..end]
                .split(|c| *c == b' ')
                .filter(|w| !w.is_empty())
                .collect();
            let opens_line = b[line_start..start]
                .iter()
                .all(|c| matches!(c, b' ' | b'\t' | b'*' | b'#' | b'-' | b'>'));
            words.len() >= 2 && (opens_line || words.iter().all(|w| w[0].is_ascii_uppercase()))
        }
        // "Company Details company - Acme": a "... Details" label of flattened résumés.
        Some(c) if q > 0 && c.is_ascii_alphabetic() && b[start..end].ends_with(b"Details") => true,
        Some(_) => starts_with_bullet(&after[q..]),
        None => false,
    }
}

const BULLETS: &[&str] = &["•", "·", "▪", "►", "➢", "●", "○", "■", "◆", "- ", "* "];

fn ends_with_bullet(b: &[u8]) -> bool {
    BULLETS.iter().any(|x| b.ends_with(x.trim_end().as_bytes()))
}

fn starts_with_bullet(b: &[u8]) -> bool {
    BULLETS.iter().any(|x| b.starts_with(x.as_bytes()))
}

/// The start of the sentence holding byte `at`: just after the last line break, sentence end
/// or bullet before it, spaces skipped.
fn sentence_start(b: &[u8], at: usize) -> usize {
    let mut i = at;
    while i > 0 {
        let c = b[i - 1];
        if c == b'\n' || ((c == b'.' || c == b'!' || c == b'?') && b.get(i) == Some(&b' ')) {
            break;
        }
        if ends_with_bullet(&b[..i]) && b.get(i) == Some(&b' ') {
            break;
        }
        i -= 1;
    }
    while i < at && b[i] == b' ' {
        i += 1;
    }
    i
}

/// Phrases of equal-opportunity and other legal text; the sentence holding one starts a
/// legal section.
pub(crate) const LEGAL_PHRASES: &[&str] = &[
    "equal opportunity employer",
    "equal opportunity workplace",
    "equal employment opportunity",
    "an equal opportunity",
    "without regard to",
    "e-verify",
    "affirmative action",
    "reasonable accommodation",
    "protected veteran",
    "eeo employer",
    "eoe",
    "regardless of race",
];

/// Résumé headings, by section.
const RESUME_HEADINGS: &[(Section, &[&str])] = &[
    (
        Section::Summary,
        &[
            "summary",
            "professional summary",
            "career summary",
            "executive summary",
            "profile",
            "professional profile",
            "personal profile",
            "objective",
            "career objective",
            "about me",
            "overview",
            "introduction",
        ],
    ),
    (
        Section::Skills,
        &[
            "skills",
            "skill",
            "technical skills",
            "key skills",
            "skill set",
            "skillset",
            "skill details",
            "core competencies",
            "competencies",
            "technologies",
            "technology",
            "tools",
            "tech stack",
            "expertise",
            "areas of expertise",
            "technical expertise",
            "technical proficiencies",
            "proficiencies",
            "strengths",
            "it skills",
            "software",
            "programming languages",
            "languages and tools",
        ],
    ),
    (
        Section::Experience,
        &[
            "experience",
            "experiences",
            "work experience",
            "professional experience",
            "relevant experience",
            "experience details",
            "employment",
            "employment history",
            "work history",
            "career history",
            "professional history",
            "internships",
            "internship",
            "company details",
            "research experience",
            "industry experience",
        ],
    ),
    (
        Section::Projects,
        &[
            "projects",
            "project",
            "personal projects",
            "academic projects",
            "key projects",
            "project details",
            "side projects",
            "open source",
        ],
    ),
    (
        Section::Education,
        &[
            "education",
            "education details",
            "educational qualification",
            "educational qualifications",
            "academic background",
            "academic qualifications",
            "academics",
            "academic",
            "qualifications",
            "qualification",
            "educational background",
            "training",
            "courses",
            "coursework",
            "relevant coursework",
        ],
    ),
    (
        Section::Certifications,
        &[
            "certifications",
            "certification",
            "certificates",
            "licenses",
            "licences",
            "courses and certifications",
        ],
    ),
    (
        Section::Publications,
        &[
            "publications",
            "papers",
            "talks",
            "presentations",
            "patents",
            "selected publications",
        ],
    ),
    (
        Section::Other,
        &[
            "awards",
            "honors",
            "honours",
            "achievements",
            "accomplishments",
            "languages",
            "languages known",
            "interests",
            "hobbies",
            "volunteering",
            "volunteer",
            "volunteer experience",
            "activities",
            "extracurricular activities",
            "extra curricular activities",
            "leadership",
            "references",
            "personal details",
            "personal information",
            "declaration",
            "contact",
            "contact information",
            "memberships",
            "affiliations",
        ],
    ),
];

/// Posting headings, by section.
const POSTING_HEADINGS: &[(Section, &[&str])] = &[
    (
        Section::None,
        &[
            "job description",
            "description",
            "overview",
            "job overview",
            "position overview",
            "summary",
            "about the job",
            "about the opportunity",
            "working conditions",
            "work environment",
            "location",
        ],
    ),
    (
        Section::About,
        &[
            "about us",
            "about the company",
            "about the team",
            "about our team",
            "who we are",
            "our company",
            "company overview",
            "company description",
            "our story",
            "our mission",
            "the company",
            "the team",
            "our team",
            "company profile",
            "how we work",
            "our culture",
            "our values",
            "life at",
        ],
    ),
    (
        Section::Responsibilities,
        &[
            "responsibilities",
            "key responsibilities",
            "job responsibilities",
            "primary responsibilities",
            "main responsibilities",
            "your responsibilities",
            "roles and responsibilities",
            "role and responsibilities",
            "duties",
            "job duties",
            "duties and responsibilities",
            "essential duties",
            "essential duties and responsibilities",
            "essential functions",
            "essential job functions",
            "what you'll do",
            "what you will do",
            "what you'll be doing",
            "what you will be doing",
            "what you’ll do",
            "what you’ll be doing",
            "what you'll work on",
            "your impact",
            "the impact you'll have",
            "in this role",
            "in this role you will",
            "day to day",
            "a day in the life",
            "your role",
            "your mission",
            "you will",
            "what the job involves",
            "what you will work on",
            "what you'll own",
            "what you will own",
            "your day to day",
            "job summary",
            "position summary",
            "role summary",
            "about the role",
            "about this role",
            "about the position",
            "the role",
            "the position",
            "role overview",
        ],
    ),
    (
        Section::Requirements,
        &[
            "requirements",
            "job requirements",
            "requirements and qualifications",
            "qualifications and requirements",
            "qualifications",
            "minimum qualifications",
            "basic qualifications",
            "required qualifications",
            "required skills",
            "required experience",
            "required skills and experience",
            "minimum requirements",
            "what you bring",
            "what you'll bring",
            "what you will bring",
            "what you’ll bring",
            "what you need",
            "what you'll need",
            "what you will need",
            "what you’ll need",
            "what we're looking for",
            "what we are looking for",
            "what we’re looking for",
            "who you are",
            "you have",
            "you'll have",
            "about you",
            "skills and experience",
            "experience and skills",
            "skills",
            "skills and qualifications",
            "knowledge, skills and abilities",
            "knowledge skills and abilities",
            "education and experience",
            "experience",
            "education",
            "must have",
            "must haves",
            "must-have",
            "must-haves",
            "your profile",
            "candidate profile",
            "desired candidate profile",
            "your background",
            "your experience",
            "your skills",
            "you should have",
            "you'll thrive if",
            "you will thrive if",
            "ideal candidate",
            "the ideal candidate",
            "competencies",
            "experience required",
            "skills required",
            "you'll thrive if you have",
            "you will thrive if you have",
            "what we need",
            "requirements include",
            "who we want",
            "what we want",
            "what we look for",
            "who we're looking for",
            "who we are looking for",
            "essential criteria",
            "essential skills",
            "essential requirements",
            "essential experience",
            "essential qualifications",
            "essential",
            "person specification",
            "key requirements",
            "key qualifications",
            "key selection criteria",
            "selection criteria",
            "you'll bring",
            "you’ll bring",
            "you will bring",
            "you bring",
            "minimum criteria",
        ],
    ),
    (
        Section::Preferred,
        &[
            "preferred qualifications",
            "preferred skills",
            "preferred experience",
            "preferred requirements",
            "preferred",
            "nice to have",
            "nice to haves",
            "nice-to-have",
            "nice-to-haves",
            "good to have",
            "bonus",
            "bonus points",
            "bonus points if",
            "bonus points if you have",
            "pluses",
            "plus",
            "desired skills",
            "desired qualifications",
            "desired experience",
            "desired",
            "desirable",
            "additional qualifications",
            "even better",
            "extra credit",
            "it would be great if",
            "ideally",
            "ideally you have",
            "preferred but not required",
            "it's a plus if you have",
            "it’s a plus if you have",
            "a plus if you have",
            "even better if you have",
            "even better if",
            "bonus if you have",
            "desirable criteria",
            "desirable skills",
            "desirable experience",
            "desirable qualifications",
            "desirables",
            "assets",
            "asset qualifications",
        ],
    ),
    (
        Section::Benefits,
        &[
            "benefits",
            "perks",
            "perks and benefits",
            "benefits and perks",
            "what we offer",
            "we offer",
            "what's in it for you",
            "what’s in it for you",
            "compensation",
            "compensation and benefits",
            "salary",
            "pay",
            "why join us",
            "why you'll love working here",
            "why work with us",
            "why us",
            "our benefits",
            "total rewards",
            "our offer",
            "why join",
            "benefits include",
            "perks include",
            "what we provide",
        ],
    ),
    (
        Section::Legal,
        &[
            "equal opportunity",
            "equal employment opportunity",
            "eeo statement",
            "eeo",
            "diversity and inclusion",
            "disclaimer",
            "privacy notice",
            "accommodations",
            "legal",
        ],
    ),
];

#[cfg(test)]
mod tests;
