//! The scanner: a lexicon compiled into automata plus boundary, ambiguity and negation rules.
//!
//! See [`Scanner`] for the matching semantics and their cost.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::lexicon::{Lexicon, SkillIdx, forms};
use crate::normalize::{Normalized, normalize_form};

mod filter;
mod trie;
use filter::WordFilter;
use trie::Trie;

/// One occurrence of a skill in a document, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The skill matched.
    pub skill: SkillIdx,
    /// Byte offset of the start of the match in the original text.
    pub start: usize,
    /// Byte offset just past the end of the match in the original text.
    pub end: usize,
    /// One-based line of the start of the match.
    pub line: usize,
    /// Whether the mention is negated ("no experience with Java", "Java is not required").
    pub negated: bool,
    /// Why the match counts.
    pub evidence: Evidence,
}

/// Why a match counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// An unambiguous surface form.
    Form,
    /// An ambiguous form whose rule asks for nothing beyond its spelling (usually its exact
    /// case, as with `AI`).
    Case,
    /// An ambiguous form in a list of other skills ("Python, R, SQL").
    List,
    /// An ambiguous form with a technical word nearby; the word is given.
    Near(String),
    /// An ambiguous form with no evidence of its own, in a document where another mention of
    /// the same skill has a word nearby (one sense per document: "Frontend Engineer (React)"
    /// makes a later "experience with React" count).
    Document,
}

impl Evidence {
    /// A short label: `form`, `case`, `list`, `near:WORD` or `document`.
    pub fn label(&self) -> String {
        match self {
            Evidence::Form => "form".into(),
            Evidence::Case => "case".into(),
            Evidence::List => "list".into(),
            Evidence::Near(w) => format!("near:{w}"),
            Evidence::Document => "document".into(),
        }
    }
}

/// What a compiled pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pattern {
    skill: SkillIdx,
    ambiguous: bool,
    plural_ok: bool,
}

impl Pattern {
    /// Reads a pattern packed by [`forms::compile`].
    fn unpack(w: u32) -> Pattern {
        Pattern {
            skill: SkillIdx(w >> 2),
            ambiguous: w & 2 != 0,
            plural_ok: w & 1 != 0,
        }
    }
}

/// The built-in lexicon's tries, patterns and word filter, compiled by `build.rs` with the same
/// code as [`Scanner::new`] (a test checks they are identical).
static BUILTIN_MAIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_main.trie"));
static BUILTIN_EXACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_exact.trie"));
static BUILTIN_PATTERNS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_patterns.bin"));
static BUILTIN_FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin_filter.bin"));

/// FxHash (rustc's): a few cycles per word, for the small hash tables looked up per match.
#[derive(Clone, Copy, Debug, Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517C_C1B7_2722_0A95);
    }

    #[inline]
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }

    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// A skill's compiled ambiguity rule.
#[derive(Clone, Debug)]
struct Rule {
    /// The ambiguous forms, folded and lowercase.
    forms: Vec<String>,
    /// Single-word near terms (lowercase), looked up per window word.
    near_words: std::collections::HashSet<Box<[u8]>, FxBuild>,
    /// Per first byte (its low five bits), bit `min(len, 15)` set for each near word: rules
    /// most window words out before hashing them.
    near_word_mask: [u16; 32],
    /// Near terms with spaces or symbols, searched in the window.
    near_phrases: Vec<String>,
    /// The near phrases by first byte, for one pass over the window: (byte, phrase index),
    /// sorted, and the set of those bytes.
    phrase_firsts: Vec<(u8, usize)>,
    phrase_first_set: [u64; 4],
    window: usize,
    list_ok: bool,
    /// Lowercased exception phrases.
    not_in: Vec<String>,
    /// Per form, where it sits in the exception phrases: (phrase, offset). Computed on first
    /// use, since most rules never see a candidate.
    veto_sites: std::sync::OnceLock<Vec<Vec<(usize, usize)>>>,
}

impl Rule {
    fn with_phrase_index(mut self) -> Rule {
        for w in &self.near_words {
            if let Some(&b) = w.first() {
                self.near_word_mask[(b & 31) as usize] |= 1 << w.len().min(15);
            }
        }
        for (k, p) in self.near_phrases.iter().enumerate() {
            if let Some(&b) = p.as_bytes().first() {
                self.phrase_firsts.push((b, k));
                self.phrase_first_set[b as usize / 64] |= 1 << (b % 64);
            }
        }
        self.phrase_firsts.sort_unstable();
        self
    }

    /// The index of the first near phrase (in list order) that `hay` holds as whole words,
    /// if it is below `best`.
    fn first_phrase_in(&self, hay: &[u8], mut best: usize) -> usize {
        for i in 0..hay.len() {
            let b = hay[i].to_ascii_lowercase();
            if self.phrase_first_set[b as usize / 64] & (1 << (b % 64)) == 0 {
                continue;
            }
            let from = self.phrase_firsts.partition_point(|&(x, _)| x < b);
            for &(x, k) in &self.phrase_firsts[from..] {
                if x != b {
                    break;
                }
                if k < best && word_at(hay, i, self.near_phrases[k].as_bytes()) {
                    best = k;
                }
            }
        }
        best
    }

    fn veto_sites(&self) -> &[Vec<(usize, usize)>] {
        self.veto_sites.get_or_init(|| {
            self.forms
                .iter()
                .map(|form| {
                    let f = form.as_bytes();
                    let mut sites = Vec::new();
                    for (k, phrase) in self.not_in.iter().enumerate() {
                        let p = phrase.as_bytes();
                        for o in 0..(p.len() + 1).saturating_sub(f.len()) {
                            if p[o..o + f.len()].eq_ignore_ascii_case(f) {
                                sites.push((k, o));
                            }
                        }
                    }
                    sites
                })
                .collect()
        })
    }
}

/// A candidate match in folded coordinates.
#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    pat: Pattern,
    evidence: Option<Evidence>,
}

/// Buffers for [`Scanner::scan_with`], reused from one document to the next: the folded text,
/// its offset map and the candidates. One per thread; the results do not depend on what it
/// held before.
///
/// ```
/// use skillscan::{Scanner, Scratch};
///
/// let scanner = Scanner::builtin();
/// let mut scratch = Scratch::default();
/// for doc in ["Python and SQL", "Deployed on Kubernetes"] {
///     assert!(!scanner.scan_with(&mut scratch, doc).is_empty());
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    norm: Normalized,
    found: Vec<(usize, bool, Pattern)>,
    cands: Vec<Cand>,
}

/// A lexicon compiled for matching. Immutable, cheap to clone, and `Send + Sync`.
///
/// # Matching
/// Text is folded by [`crate::normalize`]. From every position where a word can start, the
/// scanner walks a byte trie of all unambiguous and case-insensitive ambiguous forms (ASCII
/// case ignored) and a second trie of case-sensitive forms (`R`, `C`, `Go`), and keeps the
/// longest form that also ends on a boundary, so the longer name wins (`javascript` over
/// `java`, `machine learning engineer` over `machine learning`). A lowercase-to-uppercase
/// change counts as a boundary (`demandPython`). A plural `s` may follow an unambiguous form
/// ending in a letter, and so may a digit (`Python3`). Ambiguous forms need evidence: a `near`
/// word within the window and the sentence, or a list neighbour that is itself confirmed;
/// `not_in` phrases veto them. Negation cues in the same clause flag a match as negated; it
/// is still reported.
///
/// # Cost
/// [`Scanner::builtin`] reads tries and a word filter precompiled at build time (about 6 ms
/// with the lexicon itself); [`Scanner::new`] compiles a lexicon's ~13k forms in about 13 ms.
/// The tries take a few megabytes and the filter 256 KiB. Scanning is one folding pass, a
/// filter lookup per word, a trie walk per word the filter lets through, and a little work
/// per match; see `BENCHMARKS.md` for throughput.
#[derive(Clone, Debug)]
pub struct Scanner {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    lexicon: Lexicon,
    main: Trie,
    main_pats: Vec<Pattern>,
    exact: Trie,
    exact_pats: Vec<Pattern>,
    /// Skips the words that start no form.
    filter: WordFilter,
    /// The bytes a form may start at: word bytes, and the non-word bytes that begin a form.
    starts: [bool; 256],
    rules: HashMap<SkillIdx, Rule, FxBuild>,
}

/// ASCII alphanumerics and every non-ASCII byte (letters of other scripts) form words.
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The bytes where a walk may find a form: word bytes, and the first bytes of the tries.
fn starts(main: &Trie, exact: &Trie) -> [bool; 256] {
    std::array::from_fn(|b| {
        let b = b as u8;
        is_word(b) || main.starts_with_byte(b) || exact.starts_with_byte(b)
    })
}

/// Whether a lowercase-to-uppercase change at `i` starts a new word: "demandPython", but not
/// "VaR", where the uppercase part is a single letter.
#[inline]
fn camel(t: &[u8], i: usize) -> bool {
    t[i - 1].is_ascii_lowercase()
        && t[i].is_ascii_uppercase()
        && t.get(i + 1).is_some_and(|b| b.is_ascii_alphabetic())
}

/// Whether a match may start at `i`.
#[inline]
fn left_ok(t: &[u8], i: usize) -> bool {
    i == 0 || !is_word(t[i - 1]) || !is_word(t[i]) || camel(t, i)
}

/// The first position at or after `i` where a new word can start.
#[inline]
fn next_start(t: &[u8], mut i: usize) -> usize {
    while i < t.len() && !left_ok(t, i) {
        i += 1;
    }
    i
}

/// Where a match ending at `e` really ends, or `None` if it runs into a word.
#[inline]
fn right_end(t: &[u8], s: usize, e: usize, pat: Pattern) -> Option<usize> {
    let boundary = |j: usize| j >= t.len() || !is_word(t[j]) || camel(t, j);
    // A form ending in a one-letter word is not bounded by the "++" of "C++" or the "#" of
    // "F#": "programming in C" does not match inside "programming in C++".
    let one_letter = t[e - 1].is_ascii_alphabetic() && (e - 1 == s || !is_word(t[e - 2]));
    if one_letter && (t.get(e..e + 2) == Some(b"++") || t.get(e) == Some(&b'#')) {
        return None;
    }
    if e == s || boundary(e) || !is_word(t[e - 1]) {
        return Some(e);
    }
    if pat.ambiguous {
        return None;
    }
    let last = t[e - 1];
    if last.is_ascii_alphabetic() && t[e].is_ascii_digit() {
        return Some(e);
    }
    if pat.plural_ok && (t[e] == b's' || t[e] == b'S') && boundary(e + 1) {
        return Some(e + 1);
    }
    None
}

/// A list of cues, with a quick test that rules most words out: a bit per (first letter,
/// length) that some cue has.
struct Cues {
    list: &'static [&'static str],
    /// Indexed by the first byte's low five bits (its letter, in either case); bit `n` set if
    /// a word of `n` bytes starting with it may equal a cue (an apostrophe may be spelled `’`,
    /// two bytes longer).
    mask: [u16; 32],
}

impl Cues {
    const fn new(list: &'static [&'static str]) -> Cues {
        let mut mask = [0u16; 32];
        let mut i = 0;
        while i < list.len() {
            let c = list[i].as_bytes();
            assert!(!c.is_empty() && c[0].is_ascii_lowercase() && c.len() + 2 < 16);
            let mut len = c.len();
            mask[(c[0] & 31) as usize] |= 1 << len;
            let mut j = 0;
            while j < c.len() {
                if c[j] == b'\'' {
                    len += 2;
                    mask[(c[0] & 31) as usize] |= 1 << len;
                }
                j += 1;
            }
            i += 1;
        }
        Cues { list, mask }
    }

    /// Whether the word is one of the cues, as [`eq_cue`] compares.
    #[inline]
    fn contains(&self, w: &[u8]) -> bool {
        // A word equals a cue only if it starts with the cue's first letter and is as long,
        // or two bytes longer per `’`.
        match w.first() {
            Some(&first)
                if w.len() < 16 && self.mask[(first & 31) as usize] & (1 << w.len()) != 0 =>
            {
                self.list.iter().any(|c| eq_cue(w, c))
            }
            _ => false,
        }
    }
}

/// Words that stop the search for a negation cue before a match.
static CLAUSE_BREAKS: Cues = Cues::new(&[
    "but", "however", "although", "though", "whereas", "while", "except", "plus",
]);
/// Words that negate a following skill within the clause.
#[rustfmt::skip]
static NEG_BEFORE: Cues = Cues::new(&[
    "no", "not", "without", "never", "none", "nor", "neither", "don't", "dont", "doesn't", "didn't",
    "won't", "isn't", "aren't", "lack", "lacks", "lacking", "cannot", "can't", "avoid",
]);
/// Words right after a cue that cancel it: "not only", "not limited to", "no doubt", "not
/// afraid of", and "not required, but X" (X is then preferred, not ruled out).
#[rustfmt::skip]
static NEG_CANCEL: Cues = Cues::new(&[
    "only", "just", "limited", "least", "necessarily", "matter", "later", "less", "more", "exhaustive",
    "doubt", "afraid", "hesitant", "shy", "problem", "required", "mandatory", "necessary", "needed",
    "essential",
]);
/// Words after "not required" that make the skill preferred instead ("not required, but a plus").
#[rustfmt::skip]
static PREFERRED: Cues = Cues::new(&[
    "plus", "preferred", "asset", "bonus", "advantage", "nice", "desirable", "welcome", "helpful",
]);
/// Words after a skill that may start a cue of [`NEG_AFTER`].
static NOT: Cues = Cues::new(&["not", "isn't", "aren't", "never"]);
/// What follows `not` after a skill to negate it ("Java is not required").
const NEG_AFTER: &[&str] = &[
    "required",
    "needed",
    "necessary",
    "mandatory",
    "essential",
    "expected",
    "compulsory",
    "a requirement",
    "a must",
];

/// Bytes of a word for negation cues: letters, digits, apostrophes, and any non-ASCII byte
/// (so `don’t` stays one word).
#[inline]
fn is_cue_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b >= 0x80
}

/// Whether the text breaks the clause just before `i` (scanning backward) or at `i`.
#[inline]
fn clause_break(b: &[u8], i: usize) -> bool {
    match b[i] {
        b';' | b'!' | b'?' | b'\n' | b'\r' | 0x0B | 0x0C | b':' => true,
        b'.' => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
        // A bullet, U+2022, ends its item.
        0xA2 => i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80,
        _ => false,
    }
}

/// Compares a word of the text with a lowercase ASCII cue, reading `’` as `'`.
fn eq_cue(w: &[u8], cue: &str) -> bool {
    let c = cue.as_bytes();
    let (mut i, mut j) = (0, 0);
    while i < w.len() && j < c.len() {
        if w[i..].starts_with("\u{2019}".as_bytes()) {
            if c[j] != b'\'' {
                return false;
            }
            i += 3;
        } else {
            if w[i].to_ascii_lowercase() != c[j] {
                return false;
            }
            i += 1;
        }
        j += 1;
    }
    i == w.len() && j == c.len()
}

/// Up to `N` words before `end` in the clause, nearest first. Allocation-free.
fn words_before<const N: usize>(b: &[u8], end: usize) -> ([&[u8]; N], usize) {
    let mut out: [&[u8]; N] = [&[]; N];
    let mut n = 0;
    let lo = end.saturating_sub(160);
    let mut i = end;
    while i > lo && n < N {
        // The clause ends at a comma too: "No relocation, Python required". A list after a
        // negation ("no Java, Scala or Kotlin") inherits it in `Scanner::scan` instead.
        if clause_break(b, i - 1) || b[i - 1] == b',' {
            break;
        }
        if !is_cue_byte(b[i - 1]) {
            i -= 1;
            continue;
        }
        let e = i;
        while i > lo && is_cue_byte(b[i - 1]) && !clause_break(b, i - 1) {
            i -= 1;
        }
        if i == lo && lo > 0 && is_cue_byte(b[lo - 1]) {
            // The byte limit cut a word in half ("casi|no"): not a word to read.
            break;
        }
        let w = &b[i..e];
        if CLAUSE_BREAKS.contains(w) {
            break;
        }
        out[n] = w;
        n += 1;
    }
    (out, n)
}

/// Up to `N` words from `start` in the clause (a comma ends it too). Allocation-free.
fn words_after<const N: usize>(b: &[u8], start: usize) -> ([&[u8]; N], usize) {
    let mut out: [&[u8]; N] = [&[]; N];
    let mut n = 0;
    let hi = (start + 100).min(b.len());
    let mut i = start;
    while i < hi && n < N {
        if clause_break(b, i) || b[i] == b',' {
            break;
        }
        if !is_cue_byte(b[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < hi && is_cue_byte(b[i]) {
            i += 1;
        }
        out[n] = &b[s..i];
        n += 1;
    }
    (out, n)
}

fn is_negated(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let (before, n) = words_before::<6>(b, start);
    // before[0] is the word nearest the match; before[k - 1] is the word after before[k].
    for k in 0..n {
        let w = before[k];
        if !NEG_BEFORE.contains(w) {
            continue;
        }
        if k > 0 && NEG_CANCEL.contains(before[k - 1]) {
            continue;
        }
        // "without a doubt"
        if k > 1 && eq_cue(before[k - 1], "a") && eq_cue(before[k - 2], "doubt") {
            continue;
        }
        // "whether or not", "if not"
        if eq_cue(w, "not")
            && k + 1 < n
            && (eq_cue(before[k + 1], "or") || eq_cue(before[k + 1], "if"))
        {
            continue;
        }
        return true;
    }
    let (after, n) = words_after::<7>(b, end);
    for k in 0..n {
        let w = after[k];
        if !NOT.contains(w) {
            continue;
        }
        for cue in NEG_AFTER {
            let mut parts = cue.split(' ');
            let ok = (k + 1..n).zip(&mut parts).all(|(j, p)| eq_cue(after[j], p));
            if ok && parts.next().is_none() {
                // "R not required, but a plus": preferred, not negated. Read on from just after
                // the cue ("required"), past a comma.
                let last = after[k + cue.split(' ').count()];
                let mut p = last.as_ptr() as usize - b.as_ptr() as usize + last.len();
                while p < b.len() && (b[p] == b',' || b[p].is_ascii_whitespace()) {
                    p += 1;
                }
                let (tail, m) = words_after::<6>(b, p);
                return !tail[..m].iter().any(|w| PREFERRED.contains(w));
            }
        }
    }
    false
}

/// The number of `\n` bytes in `b`.
#[inline]
fn count_newlines(b: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', b).count()
}

/// Finds `needle` (lowercase ASCII) in `hay` as whole words, ignoring ASCII case: the search
/// that [`Rule::first_phrase_in`] does for all near phrases at once, kept as its oracle.
#[cfg(test)]
fn contains_word(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() || hay.len() < needle.len() {
        return false;
    }
    let first = needle[0];
    for i in 0..=hay.len() - needle.len() {
        if hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
            && (i == 0 || !is_word(hay[i - 1]) || !is_word(needle[0]))
            && (i + needle.len() == hay.len()
                || !is_word(hay[i + needle.len()])
                || !is_word(needle[needle.len() - 1]))
        {
            return true;
        }
    }
    false
}

/// Whether `needle` (lowercase ASCII, not empty) is in `hay` at `i` as whole words, ignoring
/// ASCII case.
#[inline]
fn word_at(hay: &[u8], i: usize, needle: &[u8]) -> bool {
    let n = needle.len();
    i + n <= hay.len()
        && hay[i..i + n].eq_ignore_ascii_case(needle)
        && (i == 0 || !is_word(hay[i - 1]) || !is_word(needle[0]))
        && (i + n == hay.len() || !is_word(hay[i + n]) || !is_word(needle[n - 1]))
}

/// Whether the folded text ends a sentence at `i`: a line break, `!`, `?`, `;`, or a `.`
/// before a space.
#[inline]
fn sentence_end(t: &[u8], i: usize) -> bool {
    matches!(t[i], b'\n' | b'!' | b'?' | b';')
        || (t[i] == b'.' && t.get(i + 1).is_none_or(|&b| b == b' ' || b == b'\n'))
}

/// The `n` words before `s` and after `e` in folded text, within the sentence, as two ranges.
fn window(
    t: &[u8],
    s: usize,
    e: usize,
    n: usize,
) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    // Bounded in bytes too, so text without spaces ("R,R,R,...") stays linear.
    let max = n * 24;
    let mut a = s;
    let mut words = 0;
    while a > s.saturating_sub(max) && words <= n && !sentence_end(t, a - 1) {
        a -= 1;
        if t[a] == b' ' {
            words += 1;
        }
    }
    let mut b = e;
    words = 0;
    while b < t.len().min(e + max) && words <= n && !sentence_end(t, b) {
        if t[b] == b' ' {
            words += 1;
        }
        b += 1;
    }
    (a..s, e..b)
}

/// Whether the folded text between two matches is only a list separator. Callers skip gaps
/// longer than 12 bytes, which never are.
fn is_list_gap(gap: &str) -> bool {
    // Two forms with nothing or only spaces between them ("SpringML", "Vitamin C Python") are
    // not a list: a list needs a separator or "and"/"or".
    if gap.trim().is_empty() || gap.len() > 12 {
        return false;
    }
    gap.split([' ', '\n']).filter(|w| !w.is_empty()).all(|w| {
        let w = w.trim_matches(|c: char| ",/|;&+()[]*:\u{2022}\u{00B7}".contains(c));
        w.is_empty() || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or")
    }) && !gap.contains(['.', '!', '?'])
}

impl Scanner {
    /// Compiles a lexicon (validated by [`crate::LexiconBuilder`]): about 12 ms for one the
    /// size of the built-in lexicon. For the built-in one, [`Scanner::builtin`] is cheaper.
    pub fn new(lexicon: Lexicon) -> Scanner {
        let c = forms::compile(lexicon.skills().iter().map(|s| s.forms()));
        let unpack = |v: Vec<u32>| v.into_iter().map(Pattern::unpack).collect();
        let rules = Scanner::rules(&lexicon);
        let (main, exact) = (Trie::new(&c.main, true), Trie::new(&c.exact, false));
        Scanner {
            inner: Arc::new(Inner {
                filter: WordFilter::new(&[&main, &exact]),
                starts: starts(&main, &exact),
                main,
                main_pats: unpack(c.main_pats),
                exact,
                exact_pats: unpack(c.exact_pats),
                rules,
                lexicon,
            }),
        }
    }

    /// The lexicon this scanner was compiled from.
    pub fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// The scanner for the built-in lexicon, with its tries precompiled at build time: the
    /// cheapest way to start (a few milliseconds, mostly reading the lexicon).
    pub fn builtin() -> Scanner {
        let lexicon = Lexicon::builtin();
        let words: Vec<u32> = BUILTIN_PATTERNS
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let n_main = words[0] as usize;
        let main_pats = words[1..1 + n_main]
            .iter()
            .map(|&w| Pattern::unpack(w))
            .collect();
        let exact_pats = words[1 + n_main..]
            .iter()
            .map(|&w| Pattern::unpack(w))
            .collect();
        let rules = Scanner::rules(&lexicon);
        let (main, exact) = (
            Trie::from_bytes(BUILTIN_MAIN),
            Trie::from_bytes(BUILTIN_EXACT),
        );
        Scanner {
            inner: Arc::new(Inner {
                lexicon,
                filter: WordFilter::from_bytes(BUILTIN_FILTER),
                starts: starts(&main, &exact),
                main,
                main_pats,
                exact,
                exact_pats,
                rules,
            }),
        }
    }

    fn rules(lexicon: &Lexicon) -> HashMap<SkillIdx, Rule, FxBuild> {
        let fold = |w: &String| normalize_form(w).to_ascii_lowercase();
        lexicon
            .skills()
            .iter()
            .enumerate()
            .filter_map(|(i, skill)| {
                let a = skill.ambiguous.as_ref()?;
                Some((
                    SkillIdx(i as u32),
                    Rule {
                        forms: a.forms.iter().map(fold).collect(),
                        near_words: a
                            .near
                            .iter()
                            .map(fold)
                            .filter(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
                            .map(|w| w.into_bytes().into_boxed_slice())
                            .collect(),
                        near_phrases: a
                            .near
                            .iter()
                            .map(fold)
                            .filter(|w| !w.bytes().all(|b| b.is_ascii_alphanumeric()))
                            .collect(),
                        near_word_mask: [0; 32],
                        phrase_firsts: Vec::new(),
                        phrase_first_set: [0; 4],
                        window: a.window as usize,
                        list_ok: a.list_ok,
                        not_in: a.not_in.iter().map(fold).collect(),
                        veto_sites: Default::default(),
                    }
                    .with_phrase_index(),
                ))
            })
            .collect()
    }

    /// Number of patterns compiled (one per surface form).
    pub fn pattern_count(&self) -> usize {
        self.inner.main_pats.len() + self.inner.exact_pats.len()
    }

    /// The folded case-insensitive forms, for benchmarks against other matchers.
    #[doc(hidden)]
    pub fn main_patterns(&self) -> Vec<String> {
        forms::compile(self.lexicon().skills().iter().map(|s| s.forms())).main
    }

    /// Collects candidates: at each word start, the longest form that ends on a boundary and
    /// can count (see [`Scanner::judge`]).
    fn collect(&self, t: &[u8], found: &mut Vec<(usize, bool, Pattern)>, out: &mut Vec<Cand>) {
        let inner = &*self.inner;
        let mut pos = 0;
        while pos < t.len() {
            let b = t[pos];
            if !inner.starts[b as usize] || !left_ok(t, pos) {
                pos += 1;
                continue;
            }
            // Where to go on from if nothing matches here: the next word start.
            let next = if is_word(b) {
                match filter::word_end(t, pos) {
                    Some(end) if !inner.filter.may_start(t, pos, end) => {
                        pos = end;
                        continue;
                    }
                    // No camel-case change inside the word, so it holds no other start.
                    Some(end) => end,
                    None => next_start(t, pos + 1),
                }
            } else {
                if !inner.filter.may_start(t, pos, pos) {
                    pos += 1;
                    continue;
                }
                pos + 1
            };
            if !(inner.main.starts_with_byte(b) || inner.exact.starts_with_byte(b)) {
                pos = next;
                continue;
            }
            found.clear();
            for (trie, pats) in [
                (&inner.main, &inner.main_pats),
                (&inner.exact, &inner.exact_pats),
            ] {
                trie.walk(t, pos, &mut |e, id, joined| {
                    let pat = pats[id as usize];
                    if joined && pat.ambiguous {
                        return;
                    }
                    if let Some(end) = right_end(t, pos, e, pat) {
                        found.push((end, joined, pat));
                    }
                });
            }
            // Longest first; at equal length, a form spelled with all its spaces beats one
            // whose words ran together. The first that can count wins, so an ambiguous form
            // that is vetoed or lacks evidence leaves room for a shorter one.
            found.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            let chosen = found.iter().find_map(|&(end, _, pat)| {
                let mut c = Cand {
                    start: pos,
                    end,
                    pat,
                    evidence: None,
                };
                self.judge(t, &mut c).then_some(c)
            });
            match chosen {
                Some(c) => {
                    pos = c.end;
                    out.push(c);
                }
                None => pos = next,
            }
        }
    }

    /// Decides whether a candidate can count, setting its evidence. An ambiguous candidate
    /// without near-word evidence but allowed list evidence is kept with no evidence yet:
    /// [`Scanner::confirm_lists`] decides it once all candidates are known.
    fn judge(&self, t: &[u8], c: &mut Cand) -> bool {
        if !c.pat.ambiguous {
            c.evidence = Some(Evidence::Form);
            return true;
        }
        let Some(rule) = self.inner.rules.get(&c.pat.skill) else {
            return false;
        };
        // Vetoes are checked last, only for candidates that would otherwise count.
        if rule.near_words.is_empty() && rule.near_phrases.is_empty() && !rule.list_ok {
            c.evidence = Some(Evidence::Case);
        } else if let Some(w) = near_evidence(t, c, rule) {
            c.evidence = Some(Evidence::Near(w));
        } else if years_label(t, c.end) || years_of(t, c.start) {
            c.evidence = Some(Evidence::Near("years".into()));
        } else if !rule.list_ok {
            return false;
        }
        !vetoed(t, c, rule)
    }

    /// Finds every skill mention in `text`, in order of position.
    ///
    /// Reuses a per-thread [`Scratch`]; [`Scanner::scan_with`] takes one from the caller.
    pub fn scan(&self, text: &str) -> Vec<Match> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = Default::default();
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut s) => {
                let out = self.scan_with(&mut s, text);
                // Keep the buffers of an ordinary document, not of the largest one ever seen.
                if s.norm.capacity() > 16 << 20 {
                    *s = Scratch::default();
                }
                out
            }
            Err(_) => self.scan_with(&mut Scratch::default(), text),
        })
    }

    /// Finds every skill mention in `text`, in order of position, with buffers from `scratch`
    /// (no allocation but the result's once they have grown to the size of the documents).
    pub fn scan_with(&self, scratch: &mut Scratch, text: &str) -> Vec<Match> {
        let Scratch { norm, found, cands } = scratch;
        norm.fold(text);
        let t = norm.as_str().as_bytes();
        cands.clear();
        self.collect(t, found, cands);
        if cands.iter().any(|c| c.evidence.is_none()) {
            Scanner::confirm_lists(t, cands);
            Scanner::confirm_in_document(cands);
            cands.retain(|c| c.evidence.is_some());
        }
        let mut out: Vec<Match> = Vec::with_capacity(cands.len());
        // Matches come in order, so lines are counted from one match to the next.
        let (mut counted, mut line, mut seen) = (0, 1, 0);
        for (i, c) in cands.iter().enumerate() {
            let (start, end) = norm.orig_span(&mut seen, c.start, c.end);
            if start < counted {
                (counted, line) = (0, 1);
            }
            line += count_newlines(&text.as_bytes()[counted..start]);
            counted = start;
            // A list right after a negated skill shares its negation ("no Java, Scala or Kotlin").
            let inherited = i > 0
                && out[i - 1].negated
                && c.start - cands[i - 1].end <= 12
                && std::str::from_utf8(&t[cands[i - 1].end..c.start]).is_ok_and(is_list_gap);
            out.push(Match {
                skill: c.pat.skill,
                start,
                end,
                line,
                negated: inherited || is_negated(text, start, end),
                evidence: c.evidence.clone().expect("filtered above"),
            });
        }
        out
    }

    /// Document evidence: an ambiguous candidate still without evidence counts if the same
    /// skill is established elsewhere in the document by a near word (not by a list, so it
    /// does not chain; not by an unambiguous form, which may be negated: "Oracle Database is
    /// not necessary" must not make the client "Oracle" a skill).
    fn confirm_in_document(cands: &mut [Cand]) {
        let mut established: Vec<SkillIdx> = cands
            .iter()
            .filter(|c| matches!(c.evidence, Some(Evidence::Near(_))))
            .map(|c| c.pat.skill)
            .collect();
        if established.is_empty() {
            return;
        }
        established.sort_unstable();
        for c in cands.iter_mut().filter(|c| c.evidence.is_none()) {
            if established.binary_search(&c.pat.skill).is_ok() {
                c.evidence = Some(Evidence::Document);
            }
        }
    }

    /// List evidence: an ambiguous candidate still without evidence counts if a neighbour
    /// across a list separator counts. Confirmation spreads along a list ("Python, R, C, Go")
    /// until nothing changes; candidates left without evidence are dropped by the caller.
    fn confirm_lists(t: &[u8], cands: &mut [Cand]) {
        // links[i]: whether cands[i] and cands[i + 1] are neighbours in a list. A separator
        // ("Python, R") always links; bare spaces link only inside a run of three or more
        // adjacent matches ("CI CD Cloud Docker Jenkins", a flattened technology line), so a
        // pair such as "Vitamin C Python" is not a list.
        let n = cands.len();
        let gap = |i: usize| &t[cands[i].end..cands[i + 1].start];
        let spaced =
            |g: &[u8]| !g.is_empty() && g.len() <= 2 && g.iter().all(|&b| b == b' ' || b == b'\n');
        let sep: Vec<bool> = (0..n.saturating_sub(1))
            .map(|i| gap(i).len() <= 12 && std::str::from_utf8(gap(i)).is_ok_and(is_list_gap))
            .collect();
        let near: Vec<bool> = (0..n.saturating_sub(1))
            .map(|i| sep[i] || spaced(gap(i)))
            .collect();
        let mut links = sep.clone();
        let mut i = 0;
        while i + 1 < n {
            let mut j = i;
            while j + 1 < n && near[j] {
                j += 1;
            }
            if j - i + 1 >= 3 {
                links[i..j].iter_mut().for_each(|l| *l = true);
            }
            i = j + 1;
        }
        loop {
            let mut changed = false;
            for i in 0..n {
                if cands[i].evidence.is_some() {
                    continue;
                }
                let left = i > 0 && links[i - 1] && cands[i - 1].evidence.is_some();
                let right = i + 1 < n && links[i] && cands[i + 1].evidence.is_some();
                if left || right {
                    cands[i].evidence = Some(Evidence::List);
                    changed = true;
                }
            }
            if !changed {
                return;
            }
        }
    }
}

/// The first near term in the candidate's window, if any.
fn near_evidence(t: &[u8], c: &Cand, rule: &Rule) -> Option<String> {
    let (l, r) = window(t, c.start, c.end, rule.window);
    if !rule.near_words.is_empty() {
        let mut buf = [0u8; 48];
        for side in [&t[l.clone()], &t[r.clone()]] {
            for word in side.split(|&b| !b.is_ascii_alphanumeric()) {
                if word.is_empty()
                    || word.len() > buf.len()
                    || rule.near_word_mask[(word[0] & 31) as usize] & (1 << word.len().min(15)) == 0
                {
                    continue;
                }
                let w = &mut buf[..word.len()];
                w.copy_from_slice(word);
                w.make_ascii_lowercase();
                if rule.near_words.contains(&*w) {
                    return Some(String::from_utf8_lossy(w).into_owned());
                }
            }
        }
    }
    // The first phrase in list order found on either side, in one pass over each side.
    let n = rule.near_phrases.len();
    let best = rule.first_phrase_in(&t[l], n);
    let best = rule.first_phrase_in(&t[r], best);
    rule.near_phrases.get(best).cloned()
}

/// Whether the form ending at `end` labels a number of years, as in a list of requirements:
/// "Rust: 1+ years", "Go (3+ yrs)", "Spark – 2-4 years", "Snowflake experience (1–2 years)",
/// "Rust, 2 yrs".
/// A skill is what one has years of.
fn years_label(t: &[u8], end: usize) -> bool {
    let mut i = end;
    let skip = |i: &mut usize| {
        while t.get(*i) == Some(&b' ') {
            *i += 1;
        }
    };
    skip(&mut i);
    if t.get(i..i + 10)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"experience"))
    {
        i += 10;
        skip(&mut i);
    }
    // The label's punctuation: ':', '(', '-', or an en or em dash.
    match t.get(i..) {
        Some([b':' | b'(' | b'-' | b',', ..]) => i += 1,
        Some([0xE2, 0x80, 0x93 | 0x94, ..]) => i += 3,
        _ => return false,
    }
    skip(&mut i);
    let digits = t[i.min(t.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0 || digits > 2 {
        return false;
    }
    i += digits;
    // "1+", "2-4", "2 - 4", "1–2".
    loop {
        match t.get(i..) {
            Some([b' ' | b'+' | b'-' | b'0'..=b'9', ..]) => i += 1,
            Some([0xE2, 0x80, 0x93, ..]) => i += 3,
            _ => break,
        }
    }
    let word = &t[i.min(t.len())..];
    let is = |w: &[u8]| {
        word.len() >= w.len()
            && word[..w.len()].eq_ignore_ascii_case(w)
            && !word.get(w.len()).is_some_and(|&b| b.is_ascii_alphabetic())
    };
    is(b"years") || is(b"year") || is(b"yrs") || is(b"yr")
}

/// Whether the form starting at `start` is what some years are of: "5 years of Go", "two
/// years or so of Go".
fn years_of(t: &[u8], start: usize) -> bool {
    // The words before `start`, last first; at most four (no allocation: this runs for
    // every ambiguous form without a near word).
    let mut words: [&[u8]; 4] = [&[]; 4];
    let mut n = 0;
    let mut i = start;
    while n < words.len() {
        while i > 0 && t[i - 1] == b' ' {
            i -= 1;
        }
        let end = i;
        while i > 0 && (t[i - 1].is_ascii_alphabetic() || t[i - 1] == b'\'') {
            i -= 1;
        }
        if i == end {
            break;
        }
        words[n] = &t[i..end];
        n += 1;
    }
    let words = &words[..n];
    let is = |k: usize, w: &str| {
        words
            .get(k)
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    let years = |k: usize| {
        ["years", "year", "yrs", "yr", "years'"]
            .iter()
            .any(|w| is(k, w))
    };
    is(0, "of") && (years(1) || (is(1, "so") && is(2, "or") && years(3)))
}

/// Whether the candidate sits inside one of its skill's exception phrases, matched as whole
/// words ("spark a" must not veto "Spark and Hadoop").
fn vetoed(t: &[u8], c: &Cand, rule: &Rule) -> bool {
    let form = &t[c.start..c.end];
    // The candidate's text is one of the rule's forms up to ASCII case (or holds a line break,
    // which no phrase does), so where the form sits in each phrase is known in advance.
    if let Some(k) = rule
        .forms
        .iter()
        .position(|f| f.as_bytes().eq_ignore_ascii_case(form))
    {
        return rule.veto_sites()[k]
            .iter()
            .any(|&(p, o)| veto_at(t, c, rule.not_in[p].as_bytes(), o));
    }
    rule.not_in.iter().any(|phrase| {
        let p = phrase.as_bytes();
        (0..(p.len() + 1).saturating_sub(form.len()))
            .any(|o| p[o..o + form.len()].eq_ignore_ascii_case(form) && veto_at(t, c, p, o))
    })
}

/// Whether the exception phrase `p`, whose offset `o` holds the candidate's form, surrounds
/// the candidate as whole words.
fn veto_at(t: &[u8], c: &Cand, p: &[u8], o: usize) -> bool {
    if c.start < o {
        return false;
    }
    let (a, b) = (c.start - o, c.start - o + p.len());
    b <= t.len()
        && t[a..b].eq_ignore_ascii_case(p)
        && (a == 0 || !is_word(t[a - 1]) || !is_word(t[a]))
        && (b == t.len() || !is_word(t[b]) || !is_word(t[b - 1]))
}

#[cfg(test)]
mod tests;
