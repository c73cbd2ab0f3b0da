//! Years of professional experience from the employment date ranges in a résumé, and the
//! seniority and salary band they suggest.
//!
//! Three steps, each pure and usable alone:
//! 1. [`find_ranges`] finds date ranges in text ("Jan 2019 – Present", "2016-2018",
//!    "03/2020 - 06/2022", "Since 2019", ...).
//! 2. [`classify`] tells work from education and other activities (honors, memberships,
//!    ...), a simple heuristic described in its docs. A section parser can replace it:
//!    anything that sets [`DateRange::kind`] will do.
//! 3. [`Experience::from_ranges`] adds up the months of the work ranges, counting overlaps
//!    once.
//!
//! [`Experience::from_text`] runs all three. Nothing here reads the clock: open ranges
//! ("– Present") end at an `as_of` month the caller passes, so the same text always gives the
//! same result.
//!
//! # Conventions
//! - **Months are counted inclusively**: "Jan 2020 – Jan 2020" is 1 month, "Jan – Mar 2020" 3.
//! - **A year without a month stands for the middle of that year**: a start year is read as
//!   July, an end year as June. So "2016 – 2018" is July 2016 – June 2018, **2 years**, the
//!   difference of the years, which is what a recruiter reads off a résumé; it is also the
//!   expected length when the real months are unknown, and back-to-back entries
//!   ("2016 – 2018", "2018 – 2020") tile without overlap. Counting January to December
//!   instead would say 3 years and overstate every year-only entry by about a year. When this
//!   reading would put the end before the start within one year, the year is split instead:
//!   "2019 – 2019" is April – September (6 months), "Sep 2019 – 2019" ends in September.
//! - **Open ends** (present, current, now, today, till date, ongoing, onwards, still) end at
//!   `as_of`; so does "Since 2019". An end later than `as_of` is cut at `as_of`.
//! - **Two-digit years** ("May '19", "2017-18") are 20YY unless that is after `as_of`, then 19YY.
//! - **Rejected**: years outside 1950 ..= `as_of`'s year, a start after `as_of`, an end
//!   before the start, ranges over 50 years, single dates (including ISO days such as
//!   1993-12-20), numbers glued to other numbers (phone numbers, "2016-2018-2020"), version
//!   numbers ("Python 3.6-3.9", "SQL Server 2008-2012") and year pairs joined by a slash
//!   ("2008/2012", usually versions).
//!
//! # Seniority and salary
//! [`Seniority`] comes from the total months and the thresholds in [`SalaryBands`], which are
//! data (`lexicon/salary.toml`, replaceable with [`SalaryBands::load`]). The built-in
//! thresholds are entry below 3 years, mid from 3 to under 6, senior from 6.
//!
//! ```
//! use skillscan::experience::{Experience, RangeKind, SalaryBands, Seniority, YearMonth};
//!
//! let text = "EXPERIENCE\nData Scientist, Acme    Jan 2019 – Present\n\
//!             Analyst, Beta    2016 - 2019\n\
//!             EDUCATION\nB.Sc. Statistics    2012 - 2016\n";
//! let as_of = YearMonth::parse("2026-11").unwrap();
//! let exp = Experience::from_text(text, as_of);
//! assert_eq!(exp.ranges.len(), 3);
//! assert_eq!(exp.ranges[2].kind, RangeKind::Education);
//! // Jul 2016 – Nov 2026, with the overlap in 2019 counted once.
//! assert_eq!(exp.years(), 10.4);
//! let bands = SalaryBands::builtin();
//! assert_eq!(bands.seniority(exp.months), Seniority::Senior);
//! ```

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{Error, Problem};

mod by_skill;
#[cfg(test)]
mod tests;

pub use by_skill::{SkillYears, entries, skill_years};

/// The earliest year a range may mention.
pub const MIN_YEAR: u16 = 1950;
/// Ranges longer than this many months are rejected (not a career).
pub const MAX_RANGE_MONTHS: u32 = 50 * 12;

// ---------------------------------------------------------------------------------------------
// YearMonth
// ---------------------------------------------------------------------------------------------

/// A calendar month. Ordered by time; shown and serialized as `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

/// `YearMonth::parse` was given something other than `YYYY-MM`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{input}' is not a month: expected YYYY-MM, such as 2026-11")]
pub struct ParseYearMonthError {
    /// The text given.
    pub input: String,
}

impl YearMonth {
    /// A month, or `None` unless `month` is 1 to 12 and `year` at most 9999.
    pub fn new(year: u16, month: u8) -> Option<YearMonth> {
        ((1..=12).contains(&month) && year <= 9999).then_some(YearMonth { year, month })
    }

    /// Parses `YYYY-MM` (as in `--as-of 2026-11`).
    pub fn parse(s: &str) -> Result<YearMonth, ParseYearMonthError> {
        let err = || ParseYearMonthError {
            input: s.to_string(),
        };
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit) {
            return Err(err());
        }
        let year = s[..4].parse().map_err(|_| err())?;
        let month = s[5..].parse().map_err(|_| err())?;
        YearMonth::new(year, month).ok_or_else(err)
    }

    /// The month (UTC) of a time given in seconds since 1970-01-01: for callers that read the
    /// clock (the library never does). Years are clamped to 1950..=9999.
    pub fn from_unix_seconds(secs: u64) -> YearMonth {
        // Civil from days (Howard Hinnant's algorithm).
        let z = (secs / 86_400) as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(1950, 9999);
        YearMonth {
            year: year as u16,
            month: month as u8,
        }
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since year 0, for arithmetic.
    fn index(self) -> u32 {
        u32::from(self.year) * 12 + u32::from(self.month) - 1
    }
}

impl FromStr for YearMonth {
    type Err = ParseYearMonthError;
    fn from_str(s: &str) -> Result<YearMonth, ParseYearMonthError> {
        YearMonth::parse(s)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

// ---------------------------------------------------------------------------------------------
// DateRange and Experience
// ---------------------------------------------------------------------------------------------

/// One date range found in a text, resolved to months (see the module's conventions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateRange {
    /// First month.
    pub start: YearMonth,
    /// Last month, counted (inclusive). For an open range, `as_of`.
    pub end: YearMonth,
    /// Open-ended ("– Present", "Since 2019").
    pub open: bool,
    /// The start or the end was written as a year alone; its month comes from the
    /// middle-of-the-year convention.
    pub year_only: bool,
    /// What it dates; only [`RangeKind::Work`] counts as experience. Set by [`classify`].
    pub kind: RangeKind,
    /// Byte span of the range in the text (`{"start": .., "end": ..}` in JSON).
    pub span: Range<usize>,
    /// One-based line of the start of the range.
    pub line: usize,
}

impl DateRange {
    /// Months covered, inclusive: at least 1.
    pub fn months(&self) -> u32 {
        (self.end.index() + 1).saturating_sub(self.start.index())
    }

    /// The range as written in `text` (the text it was found in).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or("")
    }
}

/// A document's professional experience: its date ranges and their total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Experience {
    /// The month open ranges end at.
    pub as_of: YearMonth,
    /// Every range found, in text order, education and other activities included.
    pub ranges: Vec<DateRange>,
    /// Months covered by the work ranges, overlaps counted once.
    pub months: u32,
}

impl Experience {
    /// Finds the ranges in `text`, sorts out work with [`classify`] and adds it up. Never panics; linear in the length of the text.
    pub fn from_text(text: &str, as_of: YearMonth) -> Experience {
        let mut ranges = find_ranges(text, as_of);
        classify(text, &mut ranges);
        Experience::from_ranges(ranges, as_of)
    }

    /// Adds up the work among ranges whose kind is already set (by [`classify`] or by a
    /// section parser). Ends after `as_of` are cut at `as_of`.
    pub fn from_ranges(ranges: Vec<DateRange>, as_of: YearMonth) -> Experience {
        let months = union_months(ranges.iter().filter(|r| r.kind == RangeKind::Work), as_of);
        Experience {
            as_of,
            ranges,
            months,
        }
    }

    /// Total years, rounded to one decimal.
    pub fn years(&self) -> f64 {
        (f64::from(self.months) / 12.0 * 10.0).round() / 10.0
    }

    /// The ranges that count as experience.
    pub fn work(&self) -> impl Iterator<Item = &DateRange> {
        self.ranges.iter().filter(|r| r.kind == RangeKind::Work)
    }
}

impl Serialize for Experience {
    /// `{"as_of": "YYYY-MM", "years": f64, "months": u32, "ranges": [...]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Experience", 4)?;
        st.serialize_field("as_of", &self.as_of)?;
        st.serialize_field("years", &self.years())?;
        st.serialize_field("months", &self.months)?;
        st.serialize_field("ranges", &self.ranges)?;
        st.end()
    }
}

/// Months covered by the union of `ranges`, each cut at `as_of`.
fn union_months<'a>(ranges: impl Iterator<Item = &'a DateRange>, as_of: YearMonth) -> u32 {
    let mut spans: Vec<(u32, u32)> = ranges
        .map(|r| (r.start.index(), r.end.min(as_of).index()))
        .filter(|(a, b)| a <= b)
        .collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(u32, u32)> = None;
    for (a, b) in spans {
        current = match current {
            Some((ca, cb)) if a <= cb + 1 => Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += cb + 1 - ca;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    total + current.map_or(0, |(a, b)| b + 1 - a)
}

// ---------------------------------------------------------------------------------------------
// Finding ranges
// ---------------------------------------------------------------------------------------------

/// Finds the date ranges in `text`, in text order, all of kind [`RangeKind::Work`]
/// ([`classify`] sorts them out).
///
/// A range is a start date, a separator and an end: a date or an open word. Dates are a
/// month name or abbreviation with a year ("Sept. 2021", "May '19", "16th Jan 2017",
/// "July2013"), a season with a year ("Summer 2019"), numeric months ("03/2020", "3/2020",
/// "2019.03", "2019/03", "2016-09"), full numeric dates ("20/03/2019", "2019-03-20"), or a year
/// alone. Separators are dashes of any kind (`-`, `–`, `—`, `--`, `~`) and the words to,
/// till, until, upto, through, alone or combined ("to till date"). Open words are present,
/// current, now, today, date, ongoing, onwards and still. Also found: "Since 2019",
/// "2015 onwards", "2017-18", "May – Aug 2019", "{2022 - }" (an open LaTeX date), two dates
/// with months in table columns ("Jan 2015   Nov 2016"), YAML or JSON start and end keys on
/// consecutive lines, and a date column split over two lines ("June 2020 – Engineer, Acme"
/// above "Present ...").
///
/// See the module docs for how ranges resolve to months and what is rejected.
pub fn find_ranges(text: &str, as_of: YearMonth) -> Vec<DateRange> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let mut line_start = 0;
    // First letter or digit of the current line, computed once per line.
    let mut first_alnum: Option<(usize, Option<usize>)> = None;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            line_start = i + 1;
            i += 1;
            continue;
        }
        if c.is_ascii_alphanumeric() && word_start(text, i) {
            let first = match first_alnum {
                Some((ls, f)) if ls == line_start => f,
                _ => {
                    let f = first_alnum_in_line(text, line_start);
                    first_alnum = Some((line_start, f));
                    f
                }
            };
            let p = Parser {
                s: text,
                as_of,
                line_start: first == Some(i),
            };
            if let Some(raw) = p.range_at(i) {
                if let Some(r) = raw.resolve(as_of, line) {
                    out.push(r);
                }
                let end = raw.span.end.max(i + 1);
                for nl in memchr::memchr_iter(b'\n', &b[i..end]) {
                    line += 1;
                    line_start = i + nl + 1;
                }
                i = end;
                continue;
            }
        }
        i += utf8_len(c);
    }
    out
}

/// A date as written: a year, maybe a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Point {
    year: u16,
    month: Option<u8>,
    /// Byte offset just past it.
    end: usize,
    /// A month with a bare two-digit year ("June 17"): could be a day, so it only pairs with
    /// another weak date or an open end.
    weak: bool,
}

/// A range as written, before it is checked and resolved to months.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Raw {
    start: Point,
    /// `None` when open.
    end: Option<Point>,
    span: Range<usize>,
}

impl Raw {
    /// Resolves months by the module's conventions; `None` when the range is not plausible.
    fn resolve(&self, as_of: YearMonth, line: usize) -> Option<DateRange> {
        let ok_year = |y: u16| (MIN_YEAR..=as_of.year).contains(&y);
        let s = self.start;
        if !ok_year(s.year) {
            return None;
        }
        // A year-only start in the as-of year cannot start after as-of.
        let mid_start = |y: u16| {
            if y == as_of.year {
                7.min(as_of.month)
            } else {
                7
            }
        };
        let (start, end, open) = match self.end {
            Some(e) => {
                if !ok_year(e.year) {
                    return None;
                }
                let same = s.year == e.year;
                let (sm, em) = match (s.month, e.month) {
                    (Some(a), Some(b)) => (a, b),
                    (None, Some(b)) => (if same { 7.min(b) } else { mid_start(s.year) }, b),
                    (Some(a), None) => (a, if same { 6.max(a) } else { 6 }),
                    (None, None) if same => (4.min(mid_start(s.year)), 9),
                    (None, None) => (mid_start(s.year), 6),
                };
                (
                    YearMonth::new(s.year, sm)?,
                    YearMonth::new(e.year, em)?,
                    false,
                )
            }
            None => (
                YearMonth::new(s.year, s.month.unwrap_or_else(|| mid_start(s.year)))?,
                as_of,
                true,
            ),
        };
        if start > as_of || end < start {
            return None;
        }
        let end = end.min(as_of);
        if end.index() - start.index() >= MAX_RANGE_MONTHS {
            return None;
        }
        Some(DateRange {
            start,
            end,
            open,
            year_only: s.month.is_none() || self.end.is_some_and(|e| e.month.is_none()),
            kind: RangeKind::Work,
            span: self.span.clone(),
            line,
        })
    }
}

const MONTHS: &[(&str, u8)] = &[
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("febuary", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("augest", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
];

const SEASONS: &[(&str, u8)] = &[
    ("winter", 1),
    ("spring", 4),
    ("summer", 7),
    ("fall", 10),
    ("autumn", 10),
];

const OPEN_WORDS: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "today",
    "date",
    "ongoing",
    "onwards",
    "onward",
    "still",
    "continuing",
];

const SEP_WORDS: &[&str] = &[
    "to", "till", "til", "until", "untill", "upto", "up", "through", "thru",
];

/// Words allowed after a separator before the end: "to till the date", "- Exp. Jun 2017".
const FILLER_WORDS: &[&str] = &["the", "exp", "expected"];

/// Words right before a year that make it a product version ("SQL Server 2008 - 2012").
const VERSION_WORDS: &[&str] = &[
    "server", "windows", "office", "studio", "excel", "sql", "version", "ver", "release", "vs",
    "edition",
];

fn lookup(table: &[(&str, u8)], word: &str) -> Option<u8> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

fn is_one_of(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

fn word_start(s: &str, i: usize) -> bool {
    !char_before(s, i).is_some_and(char::is_alphanumeric)
}

fn first_alnum_in_line(s: &str, line_start: usize) -> Option<usize> {
    s.get(line_start..)?
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .find(|&(_, c)| c.is_alphanumeric())
        .map(|(k, _)| line_start + k)
}

fn is_hspace(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            ..='\u{2015}'
            | '\u{2212}'
            | '~'
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FF0D}'
            // PDF text extraction turns some hyphens into soft hyphens.
            | '\u{AD}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '`' | '\u{B4}')
}

fn skip_hspace(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i) {
        if !is_hspace(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The ASCII digit run at `i`: its value (saturating, meaningful up to 9 digits) and length.
fn digits(b: &[u8], i: usize) -> (u32, usize) {
    let mut v: u32 = 0;
    let mut k = i;
    while k < b.len() && b[k].is_ascii_digit() {
        v = v.saturating_mul(10).saturating_add(u32::from(b[k] - b'0'));
        k += 1;
    }
    (v, k - i)
}

/// End of the ASCII letter run at `i`.
fn letters(b: &[u8], i: usize) -> usize {
    let mut k = i;
    while k < b.len() && b[k].is_ascii_alphabetic() {
        k += 1;
    }
    k
}

/// The word (ASCII letters) at `i`, if it is a whole word: not followed by a letter or digit.
fn word_at(s: &str, i: usize) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let end = letters(b, i);
    if end == i || char_at(s, end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((&s[i..end], end))
}

struct Parser<'a> {
    s: &'a str,
    as_of: YearMonth,
    /// The position being tried is the first letter or digit of its line.
    line_start: bool,
}

impl Parser<'_> {
    fn two_digit_year(&self, yy: u32) -> u16 {
        let y = 2000 + yy as u16;
        if y <= self.as_of.year { y } else { y - 100 }
    }

    /// A range starting at `i` (a word start), or `None`.
    fn range_at(&self, i: usize) -> Option<Raw> {
        if let Some((w, end)) = word_at(self.s, i) {
            if w.eq_ignore_ascii_case("since") {
                return self.since(i, end);
            }
        }
        self.dated_range_at(i)
    }

    /// A range starting with a date at `i`.
    fn dated_range_at(&self, i: usize) -> Option<Raw> {
        let b = self.s.as_bytes();
        if b[i].is_ascii_digit() && !self.number_may_start(i) {
            return None;
        }
        let mut points = Vec::new();
        self.points_at(i, &mut points);
        for p in &points {
            if let Some(raw) = self.after_start(i, *p) {
                return Some(raw);
            }
        }
        if let Some(raw) = self.short_year_range(i) {
            return Some(raw);
        }
        self.month_to_month_year(i)
    }

    /// A digit at `i` may start a date unless it continues a number ("+91 2019",
    /// "555-2019-2020", "1,999").
    fn number_may_start(&self, i: usize) -> bool {
        match char_before(self.s, i) {
            Some('+') => false,
            Some(c @ ('-' | '.' | '/' | ':' | ',')) => {
                !char_before(self.s, i - c.len_utf8()).is_some_and(|d| d.is_ascii_digit())
            }
            _ => true,
        }
    }

    /// A date ending at `end` does not run on into another number ("2018-2020", "2019.5").
    fn number_ends(&self, end: usize) -> bool {
        let b = self.s.as_bytes();
        match b.get(end) {
            Some(b'-' | b'.' | b'/' | b':') => !b.get(end + 1).is_some_and(u8::is_ascii_digit),
            Some(c) => !c.is_ascii_digit(),
            None => true,
        }
    }

    /// "Since 2019", "since 18-Aug-2012", "Since May 2018 to Till Date".
    fn since(&self, i: usize, word_end: usize) -> Option<Raw> {
        let k = skip_hspace(self.s, word_end);
        if k >= self.s.len() || !self.s.as_bytes()[k].is_ascii_alphanumeric() {
            return None;
        }
        let inner = Parser {
            line_start: false,
            ..*self
        };
        if let Some(mut raw) = inner.dated_range_at(k) {
            raw.span.start = i;
            return Some(raw);
        }
        let mut points = Vec::new();
        self.points_at(k, &mut points);
        let p = points.into_iter().find(|p| !p.weak)?;
        Some(Raw {
            start: p,
            end: None,
            span: i..p.end,
        })
    }

    /// Every reading of a date at `i`, longest first.
    fn points_at(&self, i: usize, out: &mut Vec<Point>) {
        let s = self.s;
        let b = s.as_bytes();
        if b[i].is_ascii_digit() {
            let (v, n) = digits(b, i);
            if n == 4 {
                if let Some((m, end)) = self.year_month_tail(i + 4) {
                    out.push(Point {
                        year: v as u16,
                        month: Some(m),
                        end,
                        weak: false,
                    });
                }
                out.push(Point {
                    year: v as u16,
                    month: None,
                    end: i + 4,
                    weak: false,
                });
            } else if n <= 2 {
                if let Some(p) = self.numeric_month_year(i, v, n) {
                    out.push(p);
                } else if let Some(p) = self.day_month_year(i, v, n) {
                    out.push(p);
                }
            }
            return;
        }
        let end = letters(b, i);
        let word = &s[i..end];
        if let Some(m) = lookup(MONTHS, word).or_else(|| lookup(SEASONS, word)) {
            if char_at(s, end).is_some_and(|c| c.is_alphabetic()) {
                return;
            }
            if let Some((year, end, weak)) = self.year_after_month(end) {
                out.push(Point {
                    year,
                    month: Some(m),
                    end,
                    weak,
                });
            }
        }
    }

    /// After "YYYY": "-MM", "/MM", ".MM", " / MM", optionally "-DD" (an ISO day).
    fn year_month_tail(&self, j: usize) -> Option<(u8, usize)> {
        let s = self.s;
        let b = s.as_bytes();
        let sep = *b.get(j)?;
        let mut k = j + 1;
        match sep {
            b'-' | b'.' | b'/' => {}
            b' ' => {
                // "2011 / 11"
                if b.get(j + 1) != Some(&b'/') || b.get(j + 2) != Some(&b' ') {
                    return None;
                }
                k = j + 3;
            }
            _ => return None,
        }
        let (m, n) = digits(b, k);
        if !(1..=2).contains(&n) || !(1..=12).contains(&m) {
            return None;
        }
        k += n;
        if b.get(k) == Some(&sep) && sep != b' ' {
            let (d, n) = digits(b, k + 1);
            if (1..=2).contains(&n) && (1..=31).contains(&d) && self.number_ends(k + 1 + n) {
                return Some((m as u8, k + 1 + n));
            }
            return None;
        }
        self.number_ends(k).then_some((m as u8, k))
    }

    /// "03/2020", "3-2020", "20/03/2019", "03/20/2019" starting with the `n`-digit value `v`.
    fn numeric_month_year(&self, i: usize, v: u32, n: usize) -> Option<Point> {
        let b = self.s.as_bytes();
        let sep = *b.get(i + n)?;
        if !matches!(sep, b'/' | b'-' | b'.') {
            return None;
        }
        let (v2, n2) = digits(b, i + n + 1);
        let after = i + n + 1 + n2;
        if n2 == 4 && (1..=12).contains(&v) {
            return self.number_ends(after).then_some(Point {
                year: v2 as u16,
                month: Some(v as u8),
                end: after,
                weak: false,
            });
        }
        if !(1..=2).contains(&n2) || b.get(after) != Some(&sep) {
            return None;
        }
        let (y, n3) = digits(b, after + 1);
        let end = after + 1 + n3;
        if n3 != 4 || !self.number_ends(end) {
            return None;
        }
        // Day first unless the first number cannot be a month's day and the second can.
        let month = if v <= 12 && v2 > 12 && v2 <= 31 {
            v
        } else if (1..=12).contains(&v2) && (1..=31).contains(&v) {
            v2
        } else {
            return None;
        };
        Some(Point {
            year: y as u16,
            month: Some(month as u8),
            end,
            weak: false,
        })
    }

    /// "16th Jan 2017", "6thMay 2012", "18-Aug-2012", "1 January 2019".
    fn day_month_year(&self, i: usize, day: u32, n: usize) -> Option<Point> {
        if !(1..=31).contains(&day) {
            return None;
        }
        let s = self.s;
        let b = s.as_bytes();
        let mut k = i + n;
        if let Some(suffix) = s.get(k..k + 2) {
            if ["st", "nd", "rd", "th"]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(suffix))
                && b.get(k + 2).is_none_or(|&c| {
                    !c.is_ascii_alphabetic()
                        || lookup(MONTHS, &s[k + 2..letters(b, k + 2)]).is_some()
                })
            {
                k += 2;
            }
        }
        while matches!(b.get(k), Some(b' ' | b'\t' | b'-' | b'/' | b'.' | b',')) && k < i + n + 6 {
            k += 1;
        }
        let end = letters(b, k);
        let m = lookup(MONTHS, &s[k..end])?;
        let (year, end, weak) = self.year_after_month(end)?;
        (!weak).then_some(Point {
            year,
            month: Some(m),
            end,
            weak: false,
        })
    }

    /// The year after a month name ending at `i`: "Jan 2019", "Jan. 2019", "Jan, 2019",
    /// "Jan-2019", "May '19", "Sept' 2017", "July2013", "January 15, 2019", or a weak bare
    /// two-digit year ("June 17").
    fn year_after_month(&self, i: usize) -> Option<(u16, usize, bool)> {
        let s = self.s;
        let b = s.as_bytes();
        let mut k = i;
        if b.get(k) == Some(&b'.') {
            k += 1;
        }
        let after_name = k;
        k = skip_hspace(s, k);
        let mut apostrophe = false;
        let mut punct = false;
        if let Some(c) = char_at(s, k) {
            if is_apostrophe(c) {
                apostrophe = true;
                k = skip_hspace(s, k + c.len_utf8());
            } else if matches!(c, ',' | '-' | '/' | '.') {
                punct = true;
                k = skip_hspace(s, k + 1);
            }
        }
        let (v, n) = digits(b, k);
        let end = k + n;
        match n {
            4 if self.number_ends(end) => Some((v as u16, end, false)),
            2 if apostrophe && self.number_ends(end) => Some((self.two_digit_year(v), end, false)),
            1 | 2 if !apostrophe => {
                // "January 15, 2019"
                let mut j = end;
                if let Some(suffix) = s.get(j..j + 2) {
                    if ["st", "nd", "rd", "th"]
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(suffix))
                    {
                        j += 2;
                    }
                }
                // "January 15, 2019", "Aug 29th' 2005"
                if let Some(c) = char_at(s, j).filter(|&c| c == ',' || is_apostrophe(c)) {
                    j += c.len_utf8();
                }
                let j = skip_hspace(s, j);
                let (y, n4) = digits(b, j);
                if n4 == 4 && (1..=31).contains(&v) && self.number_ends(j + 4) {
                    return Some((y as u16, j + 4, false));
                }
                // "June 17", "Dec. 16": a bare two-digit year, only after a space.
                let bare = n == 2
                    && !punct
                    && k > after_name
                    && !b.get(end).is_some_and(|&c| {
                        c.is_ascii_alphanumeric()
                            || (matches!(c, b'-' | b'/' | b'.' | b':' | b',')
                                && b.get(end + 1).is_some_and(u8::is_ascii_digit))
                    });
                bare.then(|| (self.two_digit_year(v), end, true))
            }
            _ => None,
        }
    }

    /// The separator after a start date: dashes and words, at least one; a line break is
    /// allowed after the first of them. Returns where the end begins and whether a dash was
    /// seen.
    fn separator(&self, i: usize) -> Option<(usize, bool)> {
        let s = self.s;
        let mut k = skip_hspace(s, i);
        let mut found = false;
        let mut dash = false;
        let mut newline = false;
        let mut filler_ok = false;
        while let Some(c) = char_at(s, k) {
            if is_dash(c) {
                k += c.len_utf8();
                found = true;
                dash = true;
                filler_ok = true;
            } else if let Some((w, end)) = word_at(s, k) {
                if is_one_of(SEP_WORDS, w) {
                    found = true;
                    filler_ok = true;
                    k = end;
                } else if filler_ok && is_one_of(FILLER_WORDS, w) {
                    k = end;
                    if s.as_bytes().get(k) == Some(&b'.') {
                        k += 1;
                    }
                } else {
                    break;
                }
            } else {
                break;
            }
            k = skip_hspace(s, k);
            if !newline && s.as_bytes().get(k) == Some(&b'\n') {
                newline = true;
                k = skip_hspace(s, k + 1);
            }
        }
        found.then_some((k, dash))
    }

    /// Structured résumés (YAML, JSON Resume) put the end under its own key on the next line:
    /// `start_date: 2018-09` then `end_date: present`, or `"startDate": "2019-01-01",` then
    /// `"endDate": "2021-06-30"`. Returns where the end value begins.
    fn key_separator(&self, i: usize) -> Option<usize> {
        let s = self.s;
        let b = s.as_bytes();
        let quote = |k: usize| usize::from(matches!(b.get(k), Some(b'"' | b'\'')));
        let mut k = i + quote(i);
        if b.get(k) == Some(&b',') {
            k += 1;
        }
        k = skip_hspace(s, k);
        if b.get(k) != Some(&b'\n') {
            return None;
        }
        k = skip_hspace(s, k + 1);
        k += quote(k);
        let mut end = k;
        while end < b.len() && (b[end].is_ascii_alphabetic() || b[end] == b'_') {
            end += 1;
        }
        if !is_one_of(&["end_date", "enddate", "end", "to", "until"], &s[k..end]) {
            return None;
        }
        k = end + quote(end);
        k = skip_hspace(s, k);
        if b.get(k) != Some(&b':') {
            return None;
        }
        k = skip_hspace(s, k + 1);
        Some(k + quote(k))
    }

    fn open_word(&self, k: usize) -> Option<usize> {
        let (w, end) = word_at(self.s, k)?;
        is_one_of(OPEN_WORDS, w).then_some(end)
    }

    /// The rest of a range after its start date `p` (which began at `i`).
    fn after_start(&self, i: usize, p: Point) -> Option<Raw> {
        let s = self.s;
        let b = s.as_bytes();
        let year_only_start = p.month.is_none();
        if year_only_start && self.after_version_word(i) {
            return None;
        }
        let open = |end: usize| Raw {
            start: p,
            end: None,
            span: i..end,
        };
        // "2015 onwards"
        let k = skip_hspace(s, p.end);
        if let Some((w, end)) = word_at(s, k) {
            if w.eq_ignore_ascii_case("onwards") || w.eq_ignore_ascii_case("onward") {
                return (!p.weak).then(|| open(end));
            }
        }
        let Some((k, dash)) = self
            .separator(p.end)
            .or_else(|| self.key_separator(p.end).map(|k| (k, false)))
        else {
            return self.table_columns(i, p);
        };
        if let Some(end) = self.open_word(k) {
            return Some(open(end));
        }
        if k < b.len() && b[k].is_ascii_alphanumeric() {
            let mut ends = Vec::new();
            self.points_at(k, &mut ends);
            for q in ends {
                if q.weak != p.weak || !self.number_ends(q.end) {
                    continue;
                }
                return Some(Raw {
                    start: p,
                    end: Some(q),
                    span: i..q.end,
                });
            }
        }
        if !dash || p.weak {
            return None;
        }
        // "{2022 - }", "(2019 – )": an open LaTeX or parenthesised date.
        if matches!(b.get(k), Some(b')' | b']' | b'}')) {
            let mut end = skip_hspace(s, p.end);
            while let Some(c) = char_at(s, end).filter(|&c| is_dash(c)) {
                end += c.len_utf8();
            }
            return Some(open(end));
        }
        self.next_line_end(i, p)
    }

    /// Two dates with months in table columns, only spaces between: "Jan 2015   Nov 2016",
    /// "20/07/2015    31/05/2016". (Two bare years so placed are more often a list.)
    fn table_columns(&self, i: usize, p: Point) -> Option<Raw> {
        if p.month.is_none() || p.weak {
            return None;
        }
        let k = skip_hspace(self.s, p.end);
        if k == p.end || k >= self.s.len() || !self.s.as_bytes()[k].is_ascii_alphanumeric() {
            return None;
        }
        let mut ends = Vec::new();
        self.points_at(k, &mut ends);
        let q = ends.into_iter().next()?;
        (q.month.is_some() && !q.weak && self.number_ends(q.end)).then_some(Raw {
            start: p,
            end: Some(q),
            span: i..q.end,
        })
    }

    /// "SQL Server 2008 - 2012", "Windows 2000-2003": versions, not dates.
    fn after_version_word(&self, i: usize) -> bool {
        let s = self.s;
        let head = &s[..i];
        let trimmed = head.trim_end_matches([' ', '\t']);
        let start = trimmed
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let word = &trimmed[trimmed.len() - start..];
        start > 0 && trimmed.len() < head.len() && is_one_of(VERSION_WORDS, word)
    }

    /// A date column split by the layout: "June 2020 – Engineer, Acme" then a line starting
    /// with "Present ..." or "May 2022 ...". Only for a start that begins its line.
    fn next_line_end(&self, i: usize, p: Point) -> Option<Raw> {
        if !self.line_start {
            return None;
        }
        let s = self.s;
        let b = s.as_bytes();
        let k = skip_hspace(s, p.end);
        if !char_at(s, k).is_some_and(is_dash) {
            return None;
        }
        let nl = k + memchr::memchr(b'\n', &b[k..])?;
        // The rest of the line is a title, not more dates.
        let mut j = k;
        while j < nl {
            let (_, n) = digits(b, j);
            if n >= 4 {
                return None;
            }
            j += n.max(1);
        }
        if s[k..nl]
            .trim_matches(|c: char| c.is_whitespace() || is_dash(c))
            .is_empty()
        {
            return None;
        }
        let start = skip_hspace(s, nl + 1);
        if start >= b.len() || !b[start].is_ascii_alphanumeric() {
            return None;
        }
        if let Some(end) = self.open_word(start) {
            return Some(Raw {
                start: p,
                end: None,
                span: i..end,
            });
        }
        let mut ends = Vec::new();
        self.points_at(start, &mut ends);
        let q = ends
            .into_iter()
            .find(|q| !q.weak && self.number_ends(q.end))?;
        Some(Raw {
            start: p,
            end: Some(q),
            span: i..q.end,
        })
    }

    /// "2017-18", "2019–20": a year and the next one's last two digits.
    fn short_year_range(&self, i: usize) -> Option<Raw> {
        let s = self.s;
        let b = s.as_bytes();
        let (y, n) = digits(b, i);
        if n != 4 {
            return None;
        }
        let c = char_at(s, i + 4).filter(|&c| is_dash(c) && c != '~')?;
        let k = i + 4 + c.len_utf8();
        let (yy, n2) = digits(b, k);
        if n2 != 2 || !self.number_ends(k + 2) {
            return None;
        }
        let mut end = y / 100 * 100 + yy;
        if end < y {
            end += 100;
        }
        if end == y || end - y > 10 || self.after_version_word(i) {
            return None;
        }
        Some(Raw {
            start: Point {
                year: y as u16,
                month: None,
                end: i + 4,
                weak: false,
            },
            end: Some(Point {
                year: end as u16,
                month: None,
                end: k + 2,
                weak: false,
            }),
            span: i..k + 2,
        })
    }

    /// "May – Aug 2019", "Nov - Feb 2020": a month, a separator and a month with a year.
    fn month_to_month_year(&self, i: usize) -> Option<Raw> {
        let s = self.s;
        let b = s.as_bytes();
        let end = letters(b, i);
        let m = lookup(MONTHS, &s[i..end])?;
        let mut after = end;
        if b.get(after) == Some(&b'.') {
            after += 1;
        }
        if char_at(s, after).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let (k, _) = self.separator(after)?;
        if k >= b.len() || !b[k].is_ascii_alphabetic() {
            return None;
        }
        let mut ends = Vec::new();
        self.points_at(k, &mut ends);
        let q = ends.into_iter().find(|q| !q.weak && q.month.is_some())?;
        let qm = q.month?;
        let year = if m <= qm {
            q.year
        } else {
            q.year.checked_sub(1)?
        };
        Some(Raw {
            start: Point {
                year,
                month: Some(m),
                end: after,
                weak: false,
            },
            end: Some(q),
            span: i..q.end,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Classifying ranges: work, education or other
// ---------------------------------------------------------------------------------------------

/// What a range dates: only work counts as experience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RangeKind {
    /// A job, an internship, a project: professional experience.
    #[default]
    Work,
    /// A degree, a school, a course.
    Education,
    /// An activity that is not employment: honors, memberships, certifications,
    /// publications, volunteering, extracurricular activities.
    Other,
}

/// Sets [`DateRange::kind`] on each range by a simple heuristic that looks at headings and
/// at the words near the range. A section parser can replace it: anything that sets `kind`
/// will do before [`Experience::from_ranges`].
///
/// **Headings.** A heading is a short line (at most 4 words, no digits, no commas) made only
/// of heading words ("EDUCATION", "Work Experience:", "## Projects", "Honors & Awards",
/// `\section{Skills}`), or any short line marked as one by `#` or a LaTeX `\…section{}`.
/// Its section lasts until the next heading, and is
/// - **education** when a word is education, academic(s), qualification(s), training,
///   courses, ... (also études, formation, Ausbildung, ...);
/// - **other** for activities, honors, awards, certifications, publications, presentations,
///   memberships, committees, volunteering, languages, interests, references;
/// - **work** for experience, employment, work history, career, projects, internships;
/// - neutral otherwise (skills, summary, contact, ...). A neutral heading ends an education
///   or other section but not a work one (two-column PDFs interleave sidebar headings such as
///   "TECHNOLOGIES" with the experience entries). Neutral subheadings (`\…subsection{}`,
///   `###`) and neutral lines ending in a colon (YAML keys such as `summary:`) end nothing.
///
/// **Words.** A range outside any education or other section is education when
/// 1. the text around it on its line names a degree or a grade: bachelor, master's, B.Sc, BS,
///    B.Tech, M.S., MBA, PhD, diploma, degree, GPA, coursework, graduated, thesis, semester,
///    academic, HSC, ...;
/// 2. or its line and the lines just above and below in the same block (not blank, not
///    headings, without years of their own) name a degree and no job word (engineer, analyst, intern,
///    assistant, company, ...);
/// 3. or, outside a work section, its line names a school (university, college, school,
///    institute, ...) and the nearest non-blank line above holds an education range
///    (entries listed together belong together);
/// 4. or, outside a work section, those lines name a school and no job word.
///
/// "The text around it on its line" is 100 bytes either side, but on the right no further
/// than the next bullet or sentence end: in a flattened résumé that is where the next entry
/// begins ("Data Analyst, Beta Jul 2017 - May 2019 • Automated reports in R Education M.S.
/// Statistics ..." is a job).
pub fn classify(text: &str, ranges: &mut [DateRange]) {
    if ranges.is_empty() {
        return;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut sections = Vec::with_capacity(lines.len());
    let mut headings = Vec::with_capacity(lines.len());
    let mut current = None;
    for l in &lines {
        let h = heading(l);
        if let Some(kind) = h {
            current = match kind {
                Heading::Work => Some(Heading::Work),
                Heading::Education => Some(Heading::Education),
                Heading::Other => Some(Heading::Other),
                Heading::Neutral if current == Some(Heading::Work) => current,
                Heading::Neutral => None,
            };
        }
        headings.push(h.is_some());
        sections.push(current);
    }
    let with_year: Vec<bool> = lines.iter().map(|l| has_year(l)).collect();
    let mut has_range = vec![false; lines.len()];
    for r in ranges.iter() {
        if let Some(x) = has_range.get_mut(r.line.saturating_sub(1)) {
            *x = true;
        }
    }
    // The line next to `k` in the same block (a blank line ends an entry), if it is plain
    // text.
    let neighbour = |k: usize, up: bool| -> Option<&str> {
        let k = if up { k.checked_sub(1)? } else { k + 1 };
        let l = *lines.get(k)?;
        (!l.trim().is_empty() && !has_range[k] && !headings[k] && !with_year[k]).then(|| {
            if up {
                tail(l, CONTEXT)
            } else {
                head(l, CONTEXT)
            }
        })
    };
    // Byte offset of each line's start, to cut long lines around a range.
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for l in &lines {
        starts.push(at);
        at += l.len() + 1;
    }
    let mut education_lines = vec![false; lines.len()];
    for r in ranges.iter_mut() {
        let first = r.line.saturating_sub(1).min(lines.len() - 1);
        let span = text.get(r.span.clone()).unwrap_or("");
        let last = (first + span.matches('\n').count()).min(lines.len() - 1);
        // The range's own lines, cut to CONTEXT bytes either side of it.
        let from = r.span.start.saturating_sub(CONTEXT).max(starts[first]);
        let to = (r.span.end + CONTEXT).min(starts[last] + lines[last].len());
        // In a flattened résumé the next entry follows a bullet or a sentence end: "Jul 2017
        // - May 2019 • Automated reports in R Education M.S. Statistics" is a job.
        let to = r.span.end + clause_end(slice_around(text, r.span.end, to));
        let own = Words::of(std::iter::once(slice_around(text, from, to)));
        let near = own.or(Words::of(
            neighbour(first, true)
                .into_iter()
                .chain(neighbour(last, false)),
        ));
        // An entry listed right under an education entry, at a school, is one too ("B.Sc.,
        // XYZ University 2012-2015" then "HSC, ABC College 2010-2012").
        let after_education = own.school
            && (0..first)
                .rev()
                .find(|&k| !lines[k].trim().is_empty())
                .is_some_and(|k| education_lines[k]);
        let section = sections[first];
        let kind = match section {
            Some(Heading::Education) => RangeKind::Education,
            Some(Heading::Other) => RangeKind::Other,
            _ if own.degree => RangeKind::Education,
            _ if near.degree && !near.job => RangeKind::Education,
            Some(Heading::Work) => RangeKind::Work,
            _ if after_education => RangeKind::Education,
            _ if near.school && !near.job => RangeKind::Education,
            _ => RangeKind::Work,
        };
        if kind == RangeKind::Education {
            education_lines[first] = true;
        }
        r.kind = kind;
    }
}

/// How far (in bytes) around a range its words are looked at.
const CONTEXT: usize = 100;

/// `text[from..to]`, widened to character boundaries.
/// Where the text after a range first ends a clause for [`classify`]: at a bullet, or a full
/// stop before a space and a capital after a lower-case word ("small businesses. Education:
/// B.S."); the whole of `after` when neither comes.
fn clause_end(after: &str) -> usize {
    let mut prev_lower = false;
    for (at, c) in after.char_indices() {
        let rest = &after[at + c.len_utf8()..];
        match c {
            '•' | '➢' | '▪' | '●' if at > 0 => return at,
            '.' if prev_lower
                && rest.starts_with(' ')
                && rest[1..].starts_with(char::is_uppercase) =>
            {
                return at;
            }
            _ => {}
        }
        prev_lower = c.is_lowercase();
    }
    after.len()
}

fn slice_around(text: &str, mut from: usize, mut to: usize) -> &str {
    to = to.min(text.len());
    from = from.min(to);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[from..to]
}

fn head(l: &str, n: usize) -> &str {
    slice_around(l, 0, n)
}

fn tail(l: &str, n: usize) -> &str {
    slice_around(l, l.len().saturating_sub(n), l.len())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Heading {
    Work,
    Education,
    Other,
    Neutral,
}

/// Words that make an education heading.
const EDUCATION_HEADINGS: &[&str] = &[
    "education",
    "educational",
    "academic",
    "academics",
    "qualification",
    "qualifications",
    "scholastic",
    "schooling",
    "training",
    "trainings",
    "courses",
    "coursework",
    // French, German, Spanish, Italian, Dutch.
    "etudes",
    "études",
    "formation",
    "ausbildung",
    "studium",
    "educación",
    "formación",
    "estudios",
    "istruzione",
    "formazione",
    "opleiding",
];

/// Words that make a heading of things that are not employment.
const OTHER_HEADINGS: &[&str] = &[
    "activities",
    "activity",
    "extracurricular",
    "extra",
    "curricular",
    "honors",
    "honours",
    "awards",
    "achievements",
    "certifications",
    "certification",
    "certificates",
    "publications",
    "presentations",
    "talks",
    "patents",
    "memberships",
    "affiliations",
    "committees",
    "volunteer",
    "volunteering",
    "languages",
    "interests",
    "hobbies",
    "references",
    "leadership",
];

/// Words that make a work heading.
const WORK_HEADINGS: &[&str] = &[
    "experience",
    "experiences",
    "work",
    "employment",
    "history",
    "career",
    "projects",
    "project",
    "internships",
    "internship",
    "research",
];

/// Other words a heading may be made of.
const HEADING_WORDS: &[&str] = &[
    "professional",
    "skills",
    "skill",
    "technical",
    "key",
    "core",
    "competencies",
    "summary",
    "profile",
    "objective",
    "accomplishments",
    "personal",
    "details",
    "information",
    "strengths",
    "declaration",
    "contact",
    "overview",
    "expertise",
    "background",
    "relevant",
    "selected",
    "additional",
    "other",
    "tools",
    "technologies",
    "company",
    "responsibilities",
    "open",
    "source",
    "and",
    "of",
    "my",
];

/// Classifies a line as a heading, or not.
fn heading(line: &str) -> Option<Heading> {
    let mut t = line.trim();
    // Marked as a heading by its markup: `#`, `\section{}`. A subheading of unknown words
    // (`\cvsubsection{Community}`, `### Acme`) stays in its section, and so does a line
    // marked only by a trailing colon (YAML keys such as `summary:` are not headings).
    let mut marked = false;
    let mut sub = false;
    if let Some(rest) = t.strip_prefix('\\') {
        // \section{Education}, \cvsection*{Experience}
        let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let name = &rest[..name_len];
        if !name.contains("section") && !name.contains("chapter") {
            return None;
        }
        let inner = rest[name_len..].trim_start_matches('*').strip_prefix('{')?;
        t = inner.split('}').next().unwrap_or("");
        marked = true;
        sub = name.contains("subsection");
    } else if t.starts_with('#') {
        marked = true;
        sub = t.starts_with("###");
    } else if t.ends_with(':') {
        sub = true;
    }
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() || t.len() > 40 || t.contains(|c: char| c.is_ascii_digit() || c == ',') {
        return None;
    }
    let words: Vec<String> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() > 4 {
        return None;
    }
    let any = |table: &[&str]| words.iter().any(|w| is_one_of(table, w));
    let known = words.iter().all(|w| {
        [
            EDUCATION_HEADINGS,
            OTHER_HEADINGS,
            WORK_HEADINGS,
            HEADING_WORDS,
        ]
        .iter()
        .any(|table| is_one_of(table, w))
    });
    let kind = if !known {
        if !marked {
            return None;
        }
        Heading::Neutral
    } else if any(EDUCATION_HEADINGS) {
        Heading::Education
    } else if any(WORK_HEADINGS) {
        Heading::Work
    } else if any(OTHER_HEADINGS) {
        Heading::Other
    } else {
        Heading::Neutral
    };
    (kind != Heading::Neutral || !sub).then_some(kind)
}

/// A line has a year of its own (a four-digit number from 1950 to 2099).
fn has_year(line: &str) -> bool {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (v, n) = digits(b, i);
        if n == 4 && (1950..2100).contains(&v) {
            return true;
        }
        i += n.max(1);
    }
    false
}

/// Degrees and grades, compared lowercased without dots.
const DEGREE_WORDS: &[&str] = &[
    "bachelor",
    "bachelors",
    "bachelor's",
    "bachelor’s",
    "masters",
    "master's",
    "master’s",
    "mba",
    "phd",
    "bsc",
    "msc",
    "btech",
    "mtech",
    "beng",
    "meng",
    "bcom",
    "mcom",
    "bca",
    "mca",
    "bba",
    "bfa",
    "mfa",
    "bds",
    "mbbs",
    "llb",
    "llm",
    "pgdm",
    "pgdba",
    "mphil",
    "bpharm",
    "mpharm",
    "diploma",
    "diplome",
    "diplôme",
    "degree",
    "gpa",
    "cgpa",
    "coursework",
    "graduated",
    "graduation",
    "undergraduate",
    "postgraduate",
    "academic",
    "hsc",
    "ssc",
    "sslc",
    "matriculation",
    "semester",
    "thesis",
    "dissertation",
];

/// Short degrees that count only written with dots ("B.S.", "M.E."), or ("BE", "BS") in
/// capitals.
const DOTTED_DEGREES: &[&str] = &["ba", "bs", "be", "ma", "ms", "me", "bed", "med", "ballb"];

const SCHOOL_WORDS: &[&str] = &[
    "university",
    "univ",
    "college",
    "school",
    "institute",
    "institution",
    "academy",
    "polytechnic",
    "vidyalaya",
    "mahavidyalaya",
    "vidyapeeth",
];

const JOB_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "analyst",
    "manager",
    "intern",
    "internship",
    "assistant",
    "associate",
    "lecturer",
    "professor",
    "teacher",
    "faculty",
    "instructor",
    "tutor",
    "trainer",
    "consultant",
    "scientist",
    "researcher",
    "employee",
    "officer",
    "executive",
    "lead",
    "head",
    "director",
    "administrator",
    "programmer",
    "designer",
    "architect",
    "technician",
    "coordinator",
    "specialist",
    "staff",
    "worked",
    "working",
    "employed",
    "company",
    "ltd",
    "pvt",
    "inc",
    "llc",
    "corp",
    "gmbh",
];

/// Which kinds of words a few lines hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Words {
    degree: bool,
    school: bool,
    job: bool,
}

impl Words {
    fn of<'a>(lines: impl Iterator<Item = &'a str>) -> Words {
        let mut w = Words::default();
        for line in lines {
            w.add_line(line);
        }
        w
    }

    fn or(self, o: Words) -> Words {
        Words {
            degree: self.degree || o.degree,
            school: self.school || o.school,
            job: self.job || o.job,
        }
    }

    fn add_line(&mut self, line: &str) {
        let is_part = |c: char| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’');
        let tokens: Vec<&str> = line
            .split(|c: char| !is_part(c))
            .map(|t| {
                let t = t.trim_start_matches(['.', '\'', '’']);
                // "college's" -> "college"
                t.strip_suffix("'s")
                    .or_else(|| t.strip_suffix("’s"))
                    .unwrap_or(t)
            })
            .filter(|t| !t.is_empty())
            .collect();
        // Spaced abbreviations are also read joined: "B. A. LL. B." -> "B.A.LL.B."
        let short = |t: &str| t.ends_with('.') && t.len() <= 4;
        let mut k = 0;
        while k < tokens.len() {
            let next = tokens.get(k + 1).copied().unwrap_or("");
            self.add_token(tokens[k], next);
            if short(tokens[k]) && short(next) {
                let mut joined = String::new();
                let mut j = k;
                while j < tokens.len() && short(tokens[j]) {
                    joined.push_str(tokens[j]);
                    j += 1;
                }
                self.add_token(&joined, tokens.get(j).copied().unwrap_or(""));
            }
            k += 1;
        }
    }

    fn add_token(&mut self, token: &str, next: &str) {
        let bare = token.trim_end_matches('.');
        let lower = bare.to_lowercase();
        let plain: String = lower.chars().filter(|&c| c != '.').collect();
        let dotted = bare.contains('.');
        let next_lower = next.to_lowercase();
        if is_one_of(DEGREE_WORDS, &plain)
            || (dotted && (is_one_of(DOTTED_DEGREES, &plain) || is_one_of(DEGREE_WORDS, &plain)))
            || matches!(bare, "BE" | "BS" | "B.E" | "B.S")
            || (matches!(bare, "MS" | "MA" | "BA" | "ME") && next_lower == "in")
            || (plain == "master"
                && matches!(
                    next_lower.as_str(),
                    "of" | "in" | "degree" | "studies" | "student" | "program" | "programme"
                ))
        {
            self.degree = true;
            return;
        }
        // Words run together with dots ("Asst.Professor") are read one by one.
        for word in lower.split('.') {
            if is_one_of(SCHOOL_WORDS, word) {
                self.school = true;
            } else if is_one_of(JOB_WORDS, word) {
                self.job = true;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Seniority and salary bands
// ---------------------------------------------------------------------------------------------

/// A seniority level, from years of professional experience.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    /// Below the mid threshold (built-in: under 3 years).
    Entry,
    /// From the mid threshold to below the senior one (built-in: 3 to under 6 years).
    Mid,
    /// From the senior threshold (built-in: 6 years or more).
    Senior,
}

impl Seniority {
    /// All levels, junior first.
    pub const ALL: [Seniority; 3] = [Seniority::Entry, Seniority::Mid, Seniority::Senior];

    /// `entry`, `mid` or `senior`.
    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Entry => "entry",
            Seniority::Mid => "mid",
            Seniority::Senior => "senior",
        }
    }
}

impl fmt::Display for Seniority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The salary band and threshold of one seniority level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SalaryBand {
    /// The level.
    pub seniority: Seniority,
    /// Years of experience from which the level applies.
    pub min_years: f64,
    /// Yearly base pay, low end, in [`SalaryBands::currency`].
    pub salary_min: u64,
    /// Yearly base pay, high end.
    pub salary_max: u64,
    /// Pay above `salary_max` is common ("$250k+").
    pub open_top: bool,
}

/// Salary bands by seniority: data, from `lexicon/salary.toml` or a user file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SalaryBands {
    source: String,
    currency: String,
    bands: Vec<SalaryBand>,
    #[serde(skip)]
    file: String,
}

/// The built-in file's name, as errors and `file` show it.
const BUILTIN_SALARY_FILE: &str = "lexicon/salary.toml";
static BUILTIN_SALARY: &str = include_str!("../lexicon/salary.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSalary {
    source: String,
    currency: toml::Spanned<String>,
    #[serde(default)]
    band: Vec<RawBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    seniority: toml::Spanned<Seniority>,
    min_years: f64,
    salary_min: u64,
    salary_max: u64,
    #[serde(default)]
    open_top: bool,
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text
        .get(..offset.min(text.len()))
        .map_or(0, |t| t.matches('\n').count())
}

impl SalaryBands {
    /// The built-in bands (`lexicon/salary.toml`, embedded; checked by a unit test).
    pub fn builtin() -> SalaryBands {
        SalaryBands::parse(BUILTIN_SALARY_FILE, BUILTIN_SALARY)
            .expect("the built-in salary bands are valid (unit-tested)")
    }

    /// Reads and checks a file in the same format, which replaces the built-in bands.
    /// Errors name the file and line.
    pub fn load(path: &Path) -> Result<SalaryBands, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        SalaryBands::parse(&path.display().to_string(), &text)
    }

    /// Parses and checks `text`; `file` names it in errors. Reports every problem found.
    pub fn parse(file: &str, text: &str) -> Result<SalaryBands, Error> {
        let problem = |line: usize, id: Option<Seniority>, message: String| Problem {
            file: file.to_string(),
            line,
            kind: "salary band",
            id: id.map(|s| s.as_str().to_string()),
            message,
        };
        let raw: RawSalary = toml::from_str(text).map_err(|e| {
            Error::Lexicon(vec![problem(
                e.span().map_or(0, |s| line_of(text, s.start)),
                None,
                e.message().trim().to_string(),
            )])
        })?;
        let mut problems = Vec::new();
        if raw.source.trim().is_empty() {
            problems.push(problem(
                1,
                None,
                "`source` is empty: say where the figures come from".into(),
            ));
        }
        let currency_line = line_of(text, raw.currency.span().start);
        let currency = raw.currency.into_inner();
        if currency.len() != 3 || !currency.bytes().all(|c| c.is_ascii_uppercase()) {
            problems.push(problem(
                currency_line,
                None,
                format!("currency '{currency}' is not an ISO 4217 code such as USD"),
            ));
        }
        let mut slots: [Option<(usize, SalaryBand)>; 3] = [None, None, None];
        for b in raw.band {
            let line = line_of(text, b.seniority.span().start);
            let seniority = *b.seniority.get_ref();
            if b.salary_min >= b.salary_max {
                problems.push(problem(
                    line,
                    Some(seniority),
                    format!(
                        "salary_min ({}) must be below salary_max ({})",
                        b.salary_min, b.salary_max
                    ),
                ));
            }
            if !b.min_years.is_finite() || b.min_years < 0.0 {
                problems.push(problem(
                    line,
                    Some(seniority),
                    "min_years must be a number of years, 0 or more".into(),
                ));
            }
            let slot = &mut slots[seniority as usize];
            if slot.is_some() {
                problems.push(problem(line, Some(seniority), "defined twice".into()));
                continue;
            }
            *slot = Some((
                line,
                SalaryBand {
                    seniority,
                    min_years: b.min_years,
                    salary_min: b.salary_min,
                    salary_max: b.salary_max,
                    open_top: b.open_top,
                },
            ));
        }
        for (s, slot) in Seniority::ALL.iter().zip(&slots) {
            if slot.is_none() {
                problems.push(problem(0, Some(*s), "missing: add a [[band]]".into()));
            }
        }
        if let Some((line, entry)) = &slots[0] {
            if entry.min_years != 0.0 {
                problems.push(problem(
                    *line,
                    Some(Seniority::Entry),
                    "min_years must be 0: the first level starts with no experience".into(),
                ));
            }
        }
        for pair in slots.windows(2) {
            if let [Some((_, lo)), Some((line, hi))] = pair {
                if hi.min_years <= lo.min_years {
                    problems.push(problem(
                        *line,
                        Some(hi.seniority),
                        format!(
                            "min_years ({}) must be above {}'s ({})",
                            hi.min_years, lo.seniority, lo.min_years
                        ),
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(Error::Lexicon(problems));
        }
        Ok(SalaryBands {
            source: raw.source,
            currency,
            bands: slots.into_iter().flatten().map(|(_, b)| b).collect(),
            file: file.to_string(),
        })
    }

    /// Where the figures come from and how far to trust them.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The ISO 4217 currency code of every salary.
    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// Entry, mid and senior, in that order (always all three).
    pub fn bands(&self) -> &[SalaryBand] {
        &self.bands
    }

    /// The file the bands were read from (`lexicon/salary.toml` for the built-in ones).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The level for `months` of experience: the most senior whose `min_years` it reaches.
    pub fn seniority(&self, months: u32) -> Seniority {
        self.bands
            .iter()
            .rev()
            .find(|b| f64::from(months) >= b.min_years * 12.0)
            .map_or(Seniority::Entry, |b| b.seniority)
    }

    /// The band of a level.
    pub fn band(&self, seniority: Seniority) -> &SalaryBand {
        // `parse` guarantees one band per level, in order.
        &self.bands[seniority as usize]
    }

    /// The band for `months` of experience.
    pub fn band_for(&self, months: u32) -> &SalaryBand {
        self.band(self.seniority(months))
    }
}
