//! Documents: reading files of any supported format ([`read`]: text, HTML, PDF, DOCX), what
//! kind a text is ([`guess_kind`]), and CSV files of documents ([`rows`]).
//!
//! ```
//! # #[cfg(feature = "html")] {
//! use skillscan::document::{Format, read};
//!
//! let page = b"<!doctype html><nav>Home | Jobs</nav><h1>Data Engineer</h1><p>Python &amp; SQL</p>";
//! let doc = read(page, "posting.html").unwrap();
//! assert_eq!((doc.format, doc.text.as_str()), (Format::Html, "Data Engineer\nPython & SQL\n"));
//! # }
//! ```
//!
//! The PDF, DOCX and HTML readers sit behind the default Cargo features `pdf`, `docx` and
//! `html`; without one, [`read`] returns [`ReadError::Disabled`] for that format.

#[cfg(feature = "docx")]
mod docx;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "pdf")]
mod pdf;
pub(crate) mod phrases;
mod read;
pub mod rows;
pub mod sections;

pub use read::{
    Document, Format, Limits, ReadError, clean_extracted, decode_text, read, read_with,
};

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A résumé or CV.
    Resume,
    /// A job posting.
    Posting,
}

impl Kind {
    /// `resume` or `posting`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Resume => "resume",
            Kind::Posting => "posting",
        }
    }
}

/// Phrases that job postings use and résumés rarely do, matched case-insensitively on word
/// boundaries.
const POSTING_CUES: &[&str] = &[
    "we are looking for",
    "we're looking for",
    "looking for a",
    "looking for an",
    "we are seeking",
    "we're seeking",
    "is seeking",
    "we are",
    "we're",
    "we offer",
    "our team",
    "our mission",
    "our client",
    "about us",
    "join our",
    "join us",
    "the ideal candidate",
    "successful candidate",
    "candidates",
    "applicants",
    "apply",
    "you will",
    "you'll",
    "you have",
    "what you",
    "this role",
    "this position",
    "the role",
    "about the role",
    "job description",
    "qualifications",
    "preferred",
    "must have",
    "nice to have",
    "degree in",
    "competitive salary",
    "equal opportunity",
    "disability",
    "veteran",
    "401(k)",
    "paid time off",
];

/// Phrases that résumés use and postings rarely do.
const RESUME_CUES: &[&str] = &[
    "curriculum vitae",
    "work experience",
    "professional experience",
    "employment history",
    "work history",
    "career objective",
    "objective",
    "professional summary",
    "education",
    "references available",
    "personal details",
    "date of birth",
    "languages known",
    "hobbies",
    "declaration",
    "project:",
    "client:",
    "team size",
    "duration",
    "environment:",
    "i am",
    "i have",
    "i built",
    "i led",
    "my role",
];

/// How a document reads: the cues found for each kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindGuess {
    /// The likelier kind.
    pub kind: Kind,
    /// Posting cues found, in the order of the built-in cue list.
    pub posting_cues: Vec<&'static str>,
    /// Résumé cues found.
    pub resume_cues: Vec<&'static str>,
}

impl KindGuess {
    /// A posting beyond doubt: at least three posting cues and more than twice as many as
    /// résumé cues. Only then does `fit` say a file looks like a posting.
    pub fn obviously_posting(&self) -> bool {
        self.kind == Kind::Posting
            && self.posting_cues.len() >= 3
            && self.posting_cues.len() > 2 * self.resume_cues.len()
    }
}

/// A posting's title: its first non-blank line, when that is short enough to be one (at
/// most 100 bytes, trimmed, without Markdown `#`s).
pub fn title_line(text: &str) -> Option<&str> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    (!line.is_empty() && line.len() <= 100).then_some(line)
}

/// Guesses whether `text` is a résumé or a posting from the phrases it uses. Ties go to
/// résumé, the default reading of `fit`.
pub fn guess_kind(text: &str) -> KindGuess {
    let lower = text.to_lowercase();
    let found = |cues: &[&'static str]| -> Vec<&'static str> {
        cues.iter()
            .copied()
            .filter(|c| contains_phrase(&lower, c))
            .collect()
    };
    let posting_cues = found(POSTING_CUES);
    let resume_cues = found(RESUME_CUES);
    let kind = if posting_cues.len() > resume_cues.len() {
        Kind::Posting
    } else {
        Kind::Resume
    };
    KindGuess {
        kind,
        posting_cues,
        resume_cues,
    }
}

/// Whether `phrase` occurs in `hay` with no letter or digit right before or after it.
pub fn contains_phrase(hay: &str, phrase: &str) -> bool {
    if phrase.is_empty() || phrase.len() > hay.len() {
        return false;
    }
    contains_phrase_with(hay, &memchr::memmem::Finder::new(phrase))
}

/// [`contains_phrase`] with a searcher built once for the phrase (for phrases searched in
/// many texts, such as role titles).
pub fn contains_phrase_with(hay: &str, phrase: &memchr::memmem::Finder<'_>) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let len = phrase.needle().len();
    if len == 0 || len > hay.len() {
        return false;
    }
    phrase
        .find_iter(hay.as_bytes())
        .any(|i| !word(hay[..i].chars().next_back()) && !word(hay[i + len..].chars().next()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_and_resumes_are_told_apart() {
        let posting = "About the role\nWe are looking for a data engineer. You will build \
                       pipelines.\nWhat we offer: competitive salary, 401(k).\nWe are an \
                       equal opportunity employer.";
        let g = guess_kind(posting);
        assert_eq!(g.kind, Kind::Posting);
        assert!(g.obviously_posting(), "{g:?}");
        let resume = "Jane Doe\nProfessional Summary\nI am a data engineer.\nWork Experience\n\
                      Acme, 2019-2022: I built pipelines. You will find my code on GitHub.";
        let g = guess_kind(resume);
        assert_eq!(g.kind, Kind::Resume, "{g:?}");
        assert!(!g.obviously_posting());
        // Cues are whole phrases: "i am" is not inside "miami".
        assert!(guess_kind("Miami").resume_cues.is_empty());
        assert_eq!(guess_kind("").kind, Kind::Resume);
    }
}
