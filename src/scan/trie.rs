//! A byte trie over folded surface forms, walked from word starts.
//!
//! Building it sorts the patterns and lays out each state's children contiguously in one
//! depth-first pass: linear in the total pattern bytes, a few milliseconds for the built-in
//! lexicon. (An Aho-Corasick automaton over the same patterns takes 100 ms or more to build,
//! which start-up cannot afford; since matches must start on a word boundary anyway, an
//! anchored walk from each word start needs no failure transitions.)

use super::is_word;

/// Folds ASCII case when the trie is case-insensitive, and reads a line break as the space
/// between two words of a form (text wrapped mid-form); identity otherwise.
pub(crate) static LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).to_ascii_lowercase();
        i += 1;
    }
    t[b'\n' as usize] = b' ';
    t
};

/// A compiled trie. State 0 is the root; `NONE` marks a missing transition.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// The root's transitions, dense, for the first byte.
    root: Box<[u32; 256]>,
    /// Per state, everything a step reads, in one cache line's quarter.
    states: Vec<State>,
    /// Child edge bytes, each state's in a contiguous sorted range. States are numbered in
    /// the order their edges were made, so edge `e` leads to state `e + 1`.
    bytes: Vec<u8>,
    case_insensitive: bool,
}

const NONE: u32 = u32::MAX;

/// One trie state: 16 bytes, so a step reads one cache line. Most states deep in the trie
/// have one or two children, whose bytes are kept inline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct State {
    /// Index of the first child edge.
    first: u32,
    /// Pattern id ending here, or `NONE`.
    out: u32,
    /// The child reached by a space, or `NONE`: lets a walk skip a form's space when
    /// extraction ran the words together.
    space: u32,
    /// Number of child edges.
    len: u16,
    /// The first two child bytes.
    inline: [u8; 2],
}

impl State {
    const EMPTY: State = State {
        first: 0,
        out: NONE,
        space: NONE,
        len: 0,
        inline: [0; 2],
    };
}

impl Trie {
    /// Builds a trie over `patterns` (pattern id = index). With `case_insensitive`, patterns
    /// are folded to ASCII lowercase. A later duplicate of an earlier pattern is ignored.
    pub(crate) fn new(patterns: &[String], case_insensitive: bool) -> Trie {
        // Fold every pattern into one arena and sort (bytes, id), so the first id of
        // duplicates wins and each state's children come out in byte order.
        let mut arena: Vec<u8> = Vec::with_capacity(patterns.iter().map(String::len).sum());
        let mut spans: Vec<(u32, u32, u32)> = Vec::with_capacity(patterns.len());
        for (id, p) in patterns.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let start = arena.len() as u32;
            if case_insensitive {
                arena.extend(p.bytes().map(|b| LOWER[b as usize]));
            } else {
                arena.extend_from_slice(p.as_bytes());
            }
            spans.push((start, arena.len() as u32, id as u32));
        }
        let bytes_of = |&(a, b, _): &(u32, u32, u32)| &arena[a as usize..b as usize];
        spans.sort_unstable_by(|x, y| bytes_of(x).cmp(bytes_of(y)).then(x.2.cmp(&y.2)));
        spans.dedup_by(|b, a| bytes_of(a) == bytes_of(b));

        let mut trie = Trie {
            root: Box::new([NONE; 256]),
            states: vec![State::EMPTY],
            bytes: Vec::new(),
            case_insensitive,
        };
        // Each state's children get one contiguous block, and blocks are handed out depth
        // first, so the states of a long single-child chain (the tail of a long form) sit next
        // to each other in memory. Work items: (state, range of patterns sharing its prefix,
        // depth).
        let mut stack = vec![(0u32, 0usize, spans.len(), 0usize)];
        while let Some((state, lo, hi, depth)) = stack.pop() {
            let mut i = lo;
            if i < hi && bytes_of(&spans[i]).len() == depth {
                trie.states[state as usize].out = spans[i].2;
                i += 1;
            }
            let first = trie.bytes.len() as u32;
            let mut block = Vec::new();
            while i < hi {
                let b = bytes_of(&spans[i])[depth];
                let mut j = i + 1;
                while j < hi && bytes_of(&spans[j])[depth] == b {
                    j += 1;
                }
                let child = trie.states.len() as u32;
                debug_assert_eq!(child as usize, trie.bytes.len() + 1);
                trie.states.push(State::EMPTY);
                trie.bytes.push(b);
                if state == 0 {
                    trie.root[b as usize] = child;
                }
                if b == b' ' {
                    trie.states[state as usize].space = child;
                }
                block.push((child, i, j, depth + 1));
                i = j;
            }
            // Reversed, so the first child's block comes next.
            stack.extend(block.into_iter().rev());
            let st = &mut trie.states[state as usize];
            st.first = first;
            st.len = (trie.bytes.len() as u32 - first) as u16;
            for (k, b) in trie.bytes[first as usize..].iter().take(2).enumerate() {
                st.inline[k] = *b;
            }
        }
        trie
    }

    #[inline]
    fn step(&self, st: &State, b: u8) -> u32 {
        let k = match st.len {
            0 => return NONE,
            1 if st.inline[0] == b => 0,
            1 => return NONE,
            2 if st.inline[0] == b => 0,
            2 if st.inline[1] == b => 1,
            2 => return NONE,
            len => {
                let bytes = &self.bytes[st.first as usize..st.first as usize + len as usize];
                match if len <= 8 {
                    bytes.iter().position(|&x| x == b)
                } else {
                    bytes.binary_search(&b).ok()
                } {
                    Some(k) => k,
                    None => return NONE,
                }
            }
        };
        st.first + k as u32 + 1
    }

    /// Walks from `start`, calling `on_match(end, pattern, joined)` at each pattern that
    /// ends. `joined` is true when the text left out one or more of the form's spaces
    /// (`scikitlearn`, `pretrained`), which the walk allows between two word characters.
    #[inline]
    pub(crate) fn walk(&self, t: &[u8], start: usize, on_match: &mut impl FnMut(usize, u32, bool)) {
        let state = self.root[self.fold(t[start]) as usize];
        if state != NONE {
            self.walk_from(t, state, start + 1, false, on_match);
        }
    }

    #[inline]
    fn fold(&self, b: u8) -> u8 {
        if self.case_insensitive {
            LOWER[b as usize]
        } else if b == b'\n' {
            b' '
        } else {
            b
        }
    }

    fn walk_from(
        &self,
        t: &[u8],
        mut state: u32,
        mut i: usize,
        joined: bool,
        on_match: &mut impl FnMut(usize, u32, bool),
    ) {
        // Length of the text word the walk is in; a form's space may be skipped only after
        // three letters, as in real compounds ("scikitlearn", "pretrained", "bigdata").
        let mut word = 1;
        loop {
            let st = &self.states[state as usize];
            if st.out != NONE {
                on_match(i, st.out, joined);
            }
            if i >= t.len() {
                return;
            }
            let b = t[i];
            if st.space != NONE && word >= 3 && is_word(b) && is_word(t[i - 1]) {
                self.walk_from(t, st.space, i, true, on_match);
            }
            state = self.step(st, self.fold(b));
            if state == NONE {
                return;
            }
            word = if is_word(b) { word + 1 } else { 0 };
            i += 1;
        }
    }

    /// Whether some pattern starts with byte `b` (after folding).
    #[inline]
    pub(crate) fn starts_with_byte(&self, b: u8) -> bool {
        let b = if self.case_insensitive {
            LOWER[b as usize]
        } else {
            b
        };
        self.root[b as usize] != NONE
    }

    /// The root state, for walking the trie's structure with [`Trie::children`].
    pub(crate) const ROOT: u32 = 0;

    /// The children of `state`: (edge byte, child state), in byte order.
    pub(crate) fn children(&self, state: u32) -> impl Iterator<Item = (u8, u32)> + '_ {
        let st = &self.states[state as usize];
        let first = st.first as usize;
        self.bytes[first..first + st.len as usize]
            .iter()
            .enumerate()
            .map(move |(k, &b)| (b, (first + k + 1) as u32))
    }

    /// Whether a pattern ends at `state`.
    pub(crate) fn is_match(&self, state: u32) -> bool {
        self.states[state as usize].out != NONE
    }

    /// Serialises the trie as little-endian words, for embedding a precompiled trie.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut put = |x: u32| out.extend_from_slice(&x.to_le_bytes());
        put(self.case_insensitive as u32);
        put(self.states.len() as u32);
        put(self.bytes.len() as u32);
        for &r in self.root.iter() {
            put(r);
        }
        for s in &self.states {
            put(s.first);
            put(s.out);
            put(s.space);
            put(s.len as u32 | (s.inline[0] as u32) << 16 | (s.inline[1] as u32) << 24);
        }
        out.extend_from_slice(&self.bytes);
        out
    }

    /// Reads what [`Trie::to_bytes`] wrote. Only used on data this crate's build wrote.
    pub(crate) fn from_bytes(data: &[u8]) -> Trie {
        let mut words = data
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let mut get = || words.next().expect("a complete precompiled trie");
        let case_insensitive = get() != 0;
        let states = get() as usize;
        let edges = get() as usize;
        let mut root = Box::new([NONE; 256]);
        for r in root.iter_mut() {
            *r = get();
        }
        let states: Vec<State> = (0..states)
            .map(|_| {
                let (first, out, space, packed) = (get(), get(), get(), get());
                State {
                    first,
                    out,
                    space,
                    len: packed as u16,
                    inline: [(packed >> 16) as u8, (packed >> 24) as u8],
                }
            })
            .collect();
        let header = 4 * (3 + 256 + 4 * states.len());
        Trie {
            root,
            states,
            bytes: data[header..header + edges].to_vec(),
            case_insensitive,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(trie: &Trie, text: &str, start: usize) -> Vec<(usize, u32, bool)> {
        let mut v = Vec::new();
        trie.walk(text.as_bytes(), start, &mut |e, p, j| v.push((e, p, j)));
        v
    }

    #[test]
    fn walks_report_every_pattern_ending_on_the_path() {
        let pats: Vec<String> = ["java", "javascript", "Java", "jav", "c++", "c", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let t = Trie::new(&pats, true);
        assert_eq!(
            all(&t, "JavaScript!", 0),
            [(3, 3, false), (4, 0, false), (10, 1, false)]
        );
        assert_eq!(all(&t, "C++", 0), [(1, 5, false), (3, 4, false)]);
        assert_eq!(all(&t, "xjava", 0), []);
        let exact = Trie::new(&pats, false);
        assert_eq!(all(&exact, "Java", 0), [(4, 2, false)]);
        let spaced = Trie::new(&["pre trained models".to_string(), "pre".to_string()], true);
        assert_eq!(
            all(&spaced, "pretrained models", 0),
            [(3, 1, false), (17, 0, true)]
        );
        assert_eq!(
            all(&spaced, "pre trained models", 0),
            [(3, 1, false), (18, 0, false)]
        );
        assert_eq!(
            all(&spaced, "pretrainedmodels", 0),
            [(3, 1, false), (16, 0, true)]
        );
        assert!(exact.starts_with_byte(b'J') && !exact.starts_with_byte(b'x'));
    }
}
