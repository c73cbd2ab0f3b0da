//! Text folding for matching, with a map from folded offsets back to the original bytes.
//!
//! Folding does, in one pass:
//! - Unicode compatibility decomposition (NFKD) with combining marks dropped, so full-width
//!   letters, ligatures and accented letters become plain (`ﬁ` → `fi`, `naïve` → `naive`);
//! - curly quotes to `'` and `"`; hyphens, dashes and underscores to a space;
//! - every run of whitespace (and control characters) to one space, or to one `\n` if it holds
//!   a line break (the scanner reads it as a space inside forms, and as a sentence end for
//!   context), none at the start;
//! - non-ASCII letters to lowercase. ASCII case is kept: the scanner matches case-insensitively
//!   and needs the case for case-sensitive forms and camel-case boundaries.
//!
//! ASCII text maps one byte to one byte, so the offset map is sparse: it records only where the
//! folded text stops moving in step with the original (a dropped space, a multi-byte
//! character), and a lookup is a binary search.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// How an ASCII byte folds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Copy,
    Space,
    NonAscii,
}

static CLASS: [Class; 256] = {
    let mut t = [Class::Copy; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = if i >= 0x80 {
            Class::NonAscii
        } else if i <= 0x20 || i == 0x7f || i == b'-' as usize || i == b'_' as usize {
            Class::Space
        } else {
            Class::Copy
        };
        i += 1;
    }
    t
};

/// Flags (the high bit of each byte) the bytes of `chunk` that may not fold to themselves:
/// non-ASCII, control characters, `-`, `_`, and a space after a space (`prev_space` says
/// whether the byte before the chunk folded to a space, or nothing was written yet).
#[inline]
fn irregular8(chunk: &[u8], prev_space: bool) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    let high = x & HI;
    // Exact per-byte tests on the low seven bits: `eq` flags the bytes equal to `b`, and adding
    // 0x60 sets a byte's high bit exactly when its low seven bits are at least 0x20.
    let low = x & !HI;
    let eq = |b: u8| {
        let y = low ^ (LO * b as u64);
        !((y + !HI) | y) & HI
    };
    let control = !(low + LO * 0x60) & HI;
    let space = eq(b' ') & !high;
    let doubled = space & ((space << 8) | (prev_space as u64 * 0x80));
    high | control | eq(0x7F) | eq(b'-') | eq(b'_') | doubled
}

/// The start of a run in the offset map. In an identity run each folded byte maps to one
/// original byte; an opaque run is one original character folded to some other bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    norm: u32,
    orig: u32,
    opaque: bool,
}

/// Folded text plus the map back to the original.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    marks: Vec<Mark>,
    orig_len: usize,
}

struct Folder<'a> {
    out: &'a mut String,
    marks: &'a mut Vec<Mark>,
}

impl Folder<'_> {
    /// Pushes a mark if the identity run no longer lines up with `orig`.
    #[inline]
    fn sync(&mut self, orig: usize) {
        let norm = self.out.len();
        match self.marks.last() {
            Some(m)
                if !m.opaque
                    && (m.orig as usize).wrapping_sub(m.norm as usize)
                        == orig.wrapping_sub(norm) => {}
            _ => self.marks.push(Mark {
                norm: norm as u32,
                orig: orig as u32,
                opaque: false,
            }),
        }
    }

    #[inline]
    fn last_is_space(&self) -> bool {
        self.out.is_empty() || matches!(self.out.as_bytes()[self.out.len() - 1], b' ' | b'\n')
    }

    /// Folds one non-ASCII character starting at original offset `orig`.
    fn fold_char(&mut self, c: char, orig: usize) {
        let start = self.out.len();
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
            | '\u{02BC}' => self.out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => self.out.push('"'),
            // Soft hyphen, zero-width characters and the byte-order mark vanish.
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            // Dashes and minus signs separate words like a hyphen does.
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                if !self.last_is_space() {
                    self.out.push(' ')
                }
            }
            '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                if self.out.ends_with(' ') {
                    self.out.pop();
                }
                if !self.last_is_space() {
                    self.out.push('\n')
                }
            }
            c if c.is_whitespace() || c.is_control() => {
                if !self.last_is_space() {
                    self.out.push(' ')
                }
            }
            c => decompose_compatible(c, |d| {
                if is_combining_mark(d) {
                    return;
                }
                if d.is_ascii() {
                    if CLASS[d as usize] == Class::Space {
                        if !self.last_is_space() {
                            self.out.push(' ');
                        }
                    } else {
                        self.out.push(d);
                    }
                } else {
                    for l in d.to_lowercase() {
                        self.out.push(l);
                    }
                }
            }),
        }
        if self.out.len() > start {
            self.marks.push(Mark {
                norm: start as u32,
                orig: orig as u32,
                opaque: true,
            });
        }
    }
}

impl Normalized {
    /// Folds `text`.
    ///
    /// # Panics
    /// Panics if `text` is 4 GiB or longer; offsets are stored as `u32`.
    pub fn new(text: &str) -> Normalized {
        let mut n = Normalized::default();
        n.fold(text);
        n
    }

    /// Folds `text` in place of what this held, reusing its buffers.
    ///
    /// # Panics
    /// Panics if `text` is 4 GiB or longer; offsets are stored as `u32`.
    pub fn fold(&mut self, text: &str) {
        assert!(
            text.len() < u32::MAX as usize,
            "documents must be smaller than 4 GiB"
        );
        self.text.clear();
        self.marks.clear();
        self.text.reserve(text.len());
        self.orig_len = text.len();
        let bytes = text.as_bytes();
        let mut f = Folder {
            out: &mut self.text,
            marks: &mut self.marks,
        };
        let mut i = 0;
        while i < bytes.len() {
            // Copy the longest run of plain bytes in one go, eight at a time where possible. A
            // lone space between two plain bytes folds to itself, so it stays in the run.
            let run_start = i;
            while i < bytes.len() {
                if let Some(chunk) = bytes.get(i..i + 8) {
                    let prev_space = if i == run_start {
                        f.last_is_space()
                    } else {
                        bytes[i - 1] == b' '
                    };
                    let odd = irregular8(chunk, prev_space);
                    if odd == 0 {
                        i += 8;
                        continue;
                    }
                    // The bytes before the first irregular one fold to themselves.
                    i += odd.trailing_zeros() as usize / 8;
                }
                match CLASS[bytes[i] as usize] {
                    Class::Copy => i += 1,
                    _ if bytes[i] == b' '
                        && i > run_start
                        && bytes[i - 1] != b' '
                        && i + 1 < bytes.len()
                        && CLASS[bytes[i + 1] as usize] == Class::Copy =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            if i > run_start {
                f.sync(run_start);
                f.out.push_str(&text[run_start..i]);
            }
            if i >= bytes.len() {
                break;
            }
            match CLASS[bytes[i] as usize] {
                Class::Space => {
                    // Carriage returns, vertical tabs and form feeds (pdftotext's page break)
                    // break lines too.
                    let newline = matches!(bytes[i], b'\n' | b'\r' | 0x0B | 0x0C);
                    if !f.last_is_space() {
                        f.sync(i);
                        f.out.push(if newline { '\n' } else { ' ' });
                    } else if newline && f.out.ends_with(' ') {
                        // A run of whitespace with a line break in it folds to the line break.
                        f.out.pop();
                        f.out.push('\n');
                    }
                    i += 1;
                }
                Class::NonAscii => {
                    let c = text[i..].chars().next().expect("i is on a char boundary");
                    f.fold_char(c, i);
                    i += c.len_utf8();
                }
                Class::Copy => unreachable!(),
            }
        }
    }

    /// Bytes held by the folded text's buffer.
    pub(crate) fn capacity(&self) -> usize {
        self.text.capacity()
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    fn mark_index(&self, pos: usize) -> Option<usize> {
        let i = self.marks.partition_point(|m| m.norm as usize <= pos);
        i.checked_sub(1)
    }

    /// [`Normalized::mark_index`] for positions that mostly grow from one call to the next:
    /// `seen` counts the marks at or before the last position looked up.
    #[inline]
    fn mark_index_from(&self, seen: &mut usize, pos: usize) -> Option<usize> {
        let marks = &self.marks;
        if *seen > marks.len() || (*seen > 0 && marks[*seen - 1].norm as usize > pos) {
            *seen = marks.partition_point(|m| m.norm as usize <= pos);
        } else {
            while *seen < marks.len() && marks[*seen].norm as usize <= pos {
                *seen += 1;
            }
        }
        seen.checked_sub(1)
    }

    /// Maps a folded offset where a match starts to the original offset.
    pub fn orig_start(&self, pos: usize) -> usize {
        self.start_at(self.mark_index(pos), pos)
    }

    /// Maps a folded offset where a match ends (exclusive) to the original offset.
    pub fn orig_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.orig_start(0);
        }
        self.end_at(self.mark_index(pos - 1), pos)
    }

    /// Maps the folded span of a match to the original one, as [`Normalized::orig_start`] and
    /// [`Normalized::orig_end`] do, but in time linear in the number of marks over spans given
    /// in order (`seen` starts at 0 and is kept between calls).
    pub(crate) fn orig_span(&self, seen: &mut usize, start: usize, end: usize) -> (usize, usize) {
        let s = self.start_at(self.mark_index_from(seen, start), start);
        if end == 0 {
            return (s, self.orig_start(0));
        }
        (s, self.end_at(self.mark_index_from(seen, end - 1), end))
    }

    fn start_at(&self, mark: Option<usize>, pos: usize) -> usize {
        match mark {
            None => pos.min(self.orig_len),
            Some(i) => {
                let m = self.marks[i];
                if m.opaque {
                    m.orig as usize
                } else {
                    m.orig as usize + (pos - m.norm as usize)
                }
            }
        }
    }

    fn end_at(&self, mark: Option<usize>, pos: usize) -> usize {
        match mark {
            None => pos.min(self.orig_len),
            Some(i) => {
                let m = self.marks[i];
                if m.opaque {
                    self.marks
                        .get(i + 1)
                        .map_or(self.orig_len, |n| n.orig as usize)
                        .max(m.orig as usize)
                } else {
                    m.orig as usize + (pos - m.norm as usize)
                }
            }
        }
        .min(self.orig_len)
    }
}

/// Folds a lexicon surface form: the same folding as [`Normalized::new`], trimmed.
pub fn normalize_form(form: &str) -> String {
    // Most forms are plain ASCII words with single spaces: already folded.
    let b = form.as_bytes();
    if !b.is_empty()
        && b.iter()
            .all(|&c| CLASS[c as usize] == Class::Copy || c == b' ')
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && !form.contains("  ")
    {
        return form.to_string();
    }
    let n = Normalized::new(form);
    n.text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time folding loop that `Normalized::fold` speeds up, kept as its oracle.
    fn reference(text: &str) -> Normalized {
        let mut out = String::new();
        let mut marks = Vec::new();
        let bytes = text.as_bytes();
        let mut f = Folder {
            out: &mut out,
            marks: &mut marks,
        };
        let mut i = 0;
        while i < bytes.len() {
            let run_start = i;
            while i < bytes.len() {
                match CLASS[bytes[i] as usize] {
                    Class::Copy => i += 1,
                    _ if bytes[i] == b' '
                        && i > run_start
                        && i + 1 < bytes.len()
                        && CLASS[bytes[i + 1] as usize] == Class::Copy =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            if i > run_start {
                f.sync(run_start);
                f.out.push_str(&text[run_start..i]);
            }
            if i >= bytes.len() {
                break;
            }
            match CLASS[bytes[i] as usize] {
                Class::Space => {
                    let newline = matches!(bytes[i], b'\n' | b'\r' | 0x0B | 0x0C);
                    if !f.last_is_space() {
                        f.sync(i);
                        f.out.push(if newline { '\n' } else { ' ' });
                    } else if newline && f.out.ends_with(' ') {
                        f.out.pop();
                        f.out.push('\n');
                    }
                    i += 1;
                }
                Class::NonAscii => {
                    let c = text[i..].chars().next().unwrap();
                    f.fold_char(c, i);
                    i += c.len_utf8();
                }
                Class::Copy => unreachable!(),
            }
        }
        Normalized {
            text: out,
            marks,
            orig_len: text.len(),
        }
    }

    /// Random text from pieces that hit every branch of the eight-byte fast path, at every
    /// alignment: the same folded text and offset map as the reference loop.
    #[test]
    fn fast_path_folds_like_the_reference() {
        const PIECES: &[&str] = &[
            "a",
            "Bc",
            "defgh",
            "ijklmnopq",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "-",
            "_",
            "\x7f",
            "\x00",
            "\x1f",
            "!",
            "~",
            ".",
            "é",
            "\u{2019}",
            "\u{00A0}",
            "\u{2013}",
            "\u{2028}",
            "\u{00AD}",
            "ﬁ",
            "Ｐ",
            " - ",
            "x y",
            "@",
            "`",
            "\x0c",
        ];
        let mut next = crate::testing::xorshift(0x9E37_79B9_7F4A_7C15);
        let mut reused = Normalized::default();
        for _ in 0..20_000 {
            let n = (next() % 40) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let want = reference(&text);
            reused.fold(&text);
            for got in [&Normalized::new(&text), &reused] {
                assert_eq!(got.text, want.text, "{text:?}");
                assert_eq!(got.marks, want.marks, "{text:?}");
                assert_eq!(got.orig_len, want.orig_len, "{text:?}");
            }
        }
    }

    /// Spans mapped in order with a kept cursor map as the binary search does, including
    /// spans that go backwards.
    #[test]
    fn span_cursor_agrees_with_the_lookups() {
        let text =
            "  Naïve\u{00A0}\u{00A0}Bayes —  Ｐｙｔｈｏｎ, ﬁne-tuning\r\n\r\nx  y - z ".repeat(5);
        let n = Normalized::new(&text);
        let len = n.as_str().len();
        let mut seen = 0;
        let mut x: u64 = 0x1357_9BDF_2468_ACE0;
        let mut pos = 0;
        for _ in 0..2_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if x % 50 == 0 {
                pos = (x as usize / 50) % len;
            }
            let start = pos.min(len);
            let end = (start + 1 + (x as usize >> 8) % 12).min(len);
            let want = (n.orig_start(start), n.orig_end(end));
            assert_eq!(n.orig_span(&mut seen, start, end), want, "{start}..{end}");
            pos = end + (x as usize >> 16) % 4;
            if pos >= len {
                pos = 0;
            }
        }
    }

    #[test]
    fn folds_like_the_spec_says() {
        let cases: &[(&str, &str)] = &[
            ("Python", "Python"),
            ("  time-series\tanalysis ", "time series analysis "),
            ("scikit_learn", "scikit learn"),
            ("naïve Bayes", "naive Bayes"),
            ("Ｐｙｔｈｏｎ", "Python"),
            ("\u{FB01}ne-tuning", "fine tuning"),
            ("don\u{2019}t", "don't"),
            ("\u{201C}R\u{201D}", "\"R\""),
            ("a\u{00A0}b", "a b"),
            ("a \u{2013} b", "a b"),
            ("ÉCOLE", "ECOLE"),
            ("x\r\n\r\ny", "x\ny"),
            ("a \n b\tc", "a\nb c"),
            ("a\rb\x0cc\u{2028}d", "a\nb\nc\nd"),
            ("pre\u{00AD}trained", "pretrained"),
        ];
        for (input, want) in cases {
            assert_eq!(Normalized::new(input).as_str(), *want, "input {input:?}");
        }
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "  Naïve\u{00A0}\u{00A0}Bayes —  Ｐｙｔｈｏｎ, ﬁne-tuning\r\n";
        let n = Normalized::new(text);
        for word in ["Naive", "Bayes", "Python", "fine", "tuning"] {
            let s = n.as_str().find(word).unwrap();
            let (a, b) = (n.orig_start(s), n.orig_end(s + word.len()));
            let orig = &text[a..b];
            assert_eq!(Normalized::new(orig).as_str(), word, "{word}: {orig:?}");
        }
    }

    #[test]
    fn every_offset_maps_to_a_char_boundary() {
        let text = "Ａβ ﬁ\u{00AD}x — é\u{0301}z  q";
        let n = Normalized::new(text);
        for p in 0..=n.as_str().len() {
            assert!(text.is_char_boundary(n.orig_start(p)), "start {p}");
            assert!(text.is_char_boundary(n.orig_end(p)), "end {p}");
            assert!(n.orig_start(p) <= text.len() && n.orig_end(p) <= text.len());
        }
    }
}
