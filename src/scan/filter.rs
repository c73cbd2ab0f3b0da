//! A prefilter over whole words. Most words of a document start no form, and a few bit
//! lookups say so without walking the tries.
//!
//! Take a word start `p` and its word `t[p..q)`, the run of word bytes from `p`, with no
//! lowercase-to-uppercase or letter-to-digit change inside it (those words are always walked).
//! A form that matches at `p` and passes `right_end` then either ends at `q`, or ends at
//! `q - 1` before a plural `s`, or goes on past `q`. Going on past `q`, the text's next three
//! bytes are the form's next three (folded as the tries fold them), because a walk skips no
//! space until three bytes into a word. Either way the word is the form's leading words with
//! the spaces between them left out, since a walk may skip those (`scikitlearn`). So the
//! filter keeps, for every form and every count of leading words, a key for "the form ends
//! here" and a key for "the form goes on with these three bytes" (or "with this byte", when
//! fewer than three are left), and a word that matches none of its keys is skipped. Keys hold
//! a word's length and first eight bytes with ASCII case folded, so they may claim too much
//! but never too little.

use super::is_word;
use super::trie::{LOWER, Trie};

/// log2 of the number of 512-bit blocks: 256 KiB in all. All the keys of one word share a
/// block (one cache line), so checking a word costs one miss at most.
const BLOCKS: u32 = 12;

const WORD: u8 = 1;
const LOWERCASE: u8 = 2;
const UPPERCASE: u8 = 4;
const DIGIT: u8 = 8;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() {
            WORD | LOWERCASE
        } else if b.is_ascii_uppercase() {
            WORD | UPPERCASE
        } else if b.is_ascii_digit() {
            WORD | DIGIT
        } else if b >= 0x80 {
            WORD
        } else {
            0
        };
        i += 1;
    }
    t
};

/// What a key says about a word.
#[derive(Clone, Copy)]
enum Kind {
    /// A form ends with it.
    Ends = 1,
    /// A form goes on with the three bytes after it.
    Then3 = 2,
    /// A form goes on with the byte after it and ends within two more bytes.
    Then1 = 3,
}

/// A word's length and its first eight bytes, each ORed with 0x20 (ASCII case folded).
#[derive(Clone, Copy)]
struct Word {
    head: u64,
    len: usize,
}

impl Word {
    fn push(self, b: u8) -> Word {
        let head = if self.len < 8 {
            self.head | ((b | 0x20) as u64) << (8 * self.len)
        } else {
            self.head
        };
        Word {
            head,
            len: self.len + 1,
        }
    }

    /// The word `t[p..p + len)`.
    #[inline]
    fn read(t: &[u8], p: usize, len: usize) -> Word {
        let x = match t.get(p..p + 8) {
            Some(c) => u64::from_le_bytes(c.try_into().expect("eight bytes")),
            None => {
                let mut buf = [0u8; 8];
                let n = (t.len() - p).min(8);
                buf[..n].copy_from_slice(&t[p..p + n]);
                u64::from_le_bytes(buf)
            }
        };
        let mask = if len >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        Word {
            head: (x | 0x2020_2020_2020_2020) & mask,
            len,
        }
    }

    /// This word without its last byte.
    #[inline]
    fn chop(self) -> Word {
        let len = self.len - 1;
        let head = if len >= 8 {
            self.head
        } else {
            self.head & ((1u64 << (8 * len)) - 1)
        };
        Word { head, len }
    }

    /// The block of the filter that holds this word's keys, and a seed for the bits in it.
    #[inline]
    fn block(self) -> (usize, u64) {
        let h = (self.head ^ (self.len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .wrapping_mul(0xD6E8_FEB8_6659_FD93);
        ((h >> (64 - BLOCKS)) as usize, h)
    }
}

/// The bit of a key within its word's block.
#[inline]
fn bit(seed: u64, kind: Kind, then: u32) -> usize {
    let x = seed ^ (kind as u64 | (then as u64) << 2);
    (x.wrapping_mul(0xE703_7ED1_A0B4_28DB) >> (64 - 9)) as usize
}

/// The set of word keys of a scanner's forms, as a bitmap.
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    blocks: Box<[[u64; 8]]>,
}

impl WordFilter {
    /// The keys of every form in `tries`.
    pub(crate) fn new(tries: &[&Trie]) -> WordFilter {
        let mut f = WordFilter {
            blocks: vec![[0u64; 8]; 1 << BLOCKS].into_boxed_slice(),
        };
        let empty = Word { head: 0, len: 0 };
        for trie in tries {
            for (b, child) in trie.children(Trie::ROOT) {
                if is_word(b) {
                    f.add_word(trie, child, empty.push(b));
                } else {
                    f.add_then(trie, child, empty, [LOWER[b as usize], 0, 0], 1);
                }
            }
        }
        f
    }

    /// Serialises the filter as little-endian words, for embedding a precompiled one.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        self.blocks
            .iter()
            .flatten()
            .flat_map(|w| w.to_le_bytes())
            .collect()
    }

    /// Reads what [`WordFilter::to_bytes`] wrote. Only used on data this crate's build wrote.
    pub(crate) fn from_bytes(data: &[u8]) -> WordFilter {
        assert_eq!(data.len(), 64 << BLOCKS, "a complete precompiled filter");
        let words: Vec<u64> = data
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("eight bytes")))
            .collect();
        WordFilter {
            blocks: words
                .chunks_exact(8)
                .map(|b| b.try_into().expect("eight words"))
                .collect(),
        }
    }

    fn insert(&mut self, word: Word, kind: Kind, then: u32) {
        let (block, seed) = word.block();
        let bit = bit(seed, kind, then);
        self.blocks[block][bit / 64] |= 1 << (bit % 64);
    }

    /// Adds the keys below `state`, which a form's prefix reaches that reads as the text word
    /// `word` (its spaces left out) and ends in a word byte.
    fn add_word(&mut self, trie: &Trie, state: u32, word: Word) {
        if trie.is_match(state) {
            self.insert(word, Kind::Ends, 0);
        }
        for (b, child) in trie.children(state) {
            if is_word(b) {
                self.add_word(trie, child, word.push(b));
                continue;
            }
            self.add_then(trie, child, word, [LOWER[b as usize], 0, 0], 1);
            if b == b' ' {
                // A walk may skip the space between two words: "scikitlearn".
                for (c, next) in trie.children(child) {
                    if is_word(c) {
                        self.add_word(trie, next, word.push(c));
                    }
                }
            }
        }
    }

    /// Adds the keys for `word` followed by the `n` bytes of `then` that lead to `state`.
    fn add_then(&mut self, trie: &Trie, state: u32, word: Word, mut then: [u8; 3], n: usize) {
        if n == 3 {
            self.insert(
                word,
                Kind::Then3,
                u32::from_le_bytes([then[0], then[1], then[2], 0]),
            );
            return;
        }
        if trie.is_match(state) {
            self.insert(word, Kind::Then1, then[0] as u32);
        }
        for (b, child) in trie.children(state) {
            then[n] = LOWER[b as usize];
            self.add_then(trie, child, word, then, n + 1);
        }
    }

    /// Whether a form may match at `p`, a word start whose word ends at `q` (from
    /// [`word_end`]), or a non-word byte (`q == p`).
    #[inline]
    pub(crate) fn may_start(&self, t: &[u8], p: usize, q: usize) -> bool {
        let word = Word::read(t, p, q - p);
        let (block, seed) = word.block();
        let block = &self.blocks[block];
        let has = |kind: Kind, then: u32| {
            let bit = bit(seed, kind, then);
            block[bit / 64] & (1 << (bit % 64)) != 0
        };
        if has(Kind::Ends, 0) {
            return true;
        }
        if let Some(&next) = t.get(q) {
            let next = LOWER[next as usize];
            if has(Kind::Then1, next as u32) {
                return true;
            }
            if let Some(&[a, b]) = t.get(q + 1..q + 3) {
                let then = u32::from_le_bytes([next, LOWER[a as usize], LOWER[b as usize], 0]);
                if has(Kind::Then3, then) {
                    return true;
                }
            }
        }
        word.len > 1 && t[q - 1] | 0x20 == b's' && {
            let (block, seed) = word.chop().block();
            let bit = bit(seed, Kind::Ends, 0);
            self.blocks[block][bit / 64] & (1 << (bit % 64)) != 0
        }
    }
}

/// The end of the word of word bytes starting at `p`, or `None` if a match might end inside
/// it (a lowercase-to-uppercase or letter-to-digit change) or it is longer than 64 bytes.
#[inline]
pub(crate) fn word_end(t: &[u8], p: usize) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Eight bytes at a time: per-byte class masks (the high bit of each byte), then the
    // changes from one byte to the next, with the last byte of the previous chunk carried in.
    let mut i = p;
    let (mut lower_before, mut alpha_before) = (0u64, 0u64);
    while i - p < 64 {
        let Some(chunk) = t.get(i..i + 8) else {
            return word_end_bytewise(t, p);
        };
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let high = x & HI;
        let low = x & !HI;
        let range = |a: u8, b: u8| {
            (low + LO * (0x80 - a) as u64) & !(low + LO * (0x7F - b) as u64) & HI & !high
        };
        let (digit, upper, lower) = (range(b'0', b'9'), range(b'A', b'Z'), range(b'a', b'z'));
        let alpha = upper | lower;
        let odd = (((lower << 8) | lower_before) & upper) | (((alpha << 8) | alpha_before) & digit);
        let end = !(high | digit | alpha) & HI;
        if end != 0 {
            let k = end.trailing_zeros() as usize / 8;
            let inside = (1u64 << (8 * k)) - 1;
            return (odd & inside == 0).then_some(i + k);
        }
        if odd != 0 {
            return None;
        }
        (lower_before, alpha_before) = ((lower >> 56) & 0x80, (alpha >> 56) & 0x80);
        i += 8;
    }
    // Sixty-four word bytes: too long to check, unless the word ends right there.
    (!t.get(i).is_some_and(|&b| is_word(b))).then_some(i)
}

/// [`word_end`] a byte at a time, for the last bytes of the text.
fn word_end_bytewise(t: &[u8], p: usize) -> Option<usize> {
    let end = t.len().min(p + 64);
    let mut prev = CLASS[t[p] as usize];
    let mut odd = 0;
    let mut i = p + 1;
    while i < end {
        let c = CLASS[t[i] as usize];
        if c & WORD == 0 {
            break;
        }
        odd |= ((prev << 1) & (UPPERCASE | DIGIT) | (prev << 2) & DIGIT) & c;
        prev = c;
        i += 1;
    }
    let capped = t.get(i).is_some_and(|&b| is_word(b));
    (odd == 0 && !capped).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-byte word scan agrees with the byte-at-a-time one at every position of random
    /// text, long words and case changes included.
    #[test]
    fn word_end_agrees_with_the_bytewise_scan() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "q",
            "Q",
            "0",
            "9",
            "s",
            " ",
            ".",
            "-",
            "é",
            "\u{2019}",
            "`",
            "@",
            "[",
            "{",
            "/",
            ":",
            "abcdefgh",
            "ABCDEFGHIJ",
            "x1",
            "aB",
            "\x7f",
        ];
        let mut next = crate::testing::xorshift(0x5555_1234_9876_0F0F);
        for _ in 0..5_000 {
            let n = (next() % 40) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let t = text.as_bytes();
            for p in 0..t.len() {
                if is_word(t[p]) {
                    assert_eq!(word_end(t, p), word_end_bytewise(t, p), "{text:?} at {p}");
                }
            }
        }
        let long = "a".repeat(100);
        for n in [63, 64, 65, 70] {
            let t = format!("{} x", &long[..n]);
            assert_eq!(
                word_end(t.as_bytes(), 0),
                word_end_bytewise(t.as_bytes(), 0)
            );
        }
    }
}
