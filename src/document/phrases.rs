//! Several sets of built-in phrases found in one pass over a text.
//!
//! Each structure reader looks for its own phrases (a posting's heading and legal phrases,
//! strength cues, degree levels), and each reads them as a leftmost-longest search over the
//! whole text reports them: the leftmost match, the longest of those, then the same again
//! after its end. One search per set meant four passes over every posting, a quarter of
//! `rank`'s time. [`PhraseSets`] compiles the sets into one automaton that reports every
//! occurrence of every phrase (overlapping), and then keeps for each set the matches its own
//! leftmost-longest search would have found, with the set's own pattern numbers, so the
//! readers see exactly what they saw before.

use std::cmp::Reverse;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Match, MatchKind};

/// `N` phrase sets compiled into one automaton (see the module docs).
pub(crate) struct PhraseSets<const N: usize> {
    automaton: AhoCorasick,
    /// The pattern number of each set's first phrase in the automaton.
    firsts: [usize; N],
}

impl<const N: usize> PhraseSets<N> {
    /// Compiles `sets`, ASCII case ignored, as [`super::sections::phrase_automaton`] compiles
    /// each one.
    pub(crate) fn new(sets: [Vec<&str>; N]) -> PhraseSets<N> {
        let mut firsts = [0; N];
        let mut all = Vec::new();
        for (first, set) in firsts.iter_mut().zip(&sets) {
            *first = all.len();
            all.extend(set.iter().copied());
        }
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // With hundreds of phrases a prefilter rarely skips a byte, and asking it at every
            // return to the start state cost about 4% of `rank` in alternated runs.
            .prefilter(false)
            .build(all)
            .expect("built-in phrases compile");
        PhraseSets { automaton, firsts }
    }

    /// Each set's matches in `text`, in order: those its own leftmost-longest automaton finds,
    /// numbered as in the set.
    pub(crate) fn find(&self, text: &str) -> [Vec<Match>; N] {
        let mut found: [Vec<Match>; N] = std::array::from_fn(|_| Vec::new());
        for m in self.automaton.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            let set = self.firsts.partition_point(|&f| f <= id) - 1;
            found[set].push(Match::must(id - self.firsts[set], m.span()));
        }
        for matches in &mut found {
            // Leftmost first, the longest first among those; of the same phrase written twice
            // in a set, the first, as a leftmost-longest search reports it.
            matches.sort_unstable_by_key(|m| (m.start(), Reverse(m.end()), m.pattern()));
            let mut after = 0;
            matches.retain(|m| {
                let keep = m.start() >= after;
                if keep {
                    after = m.end();
                }
                keep
            });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sections::phrase_automaton;

    #[test]
    fn finds_what_each_sets_own_search_finds() {
        let sets = [
            vec!["required", "require", "requirements", "MS", "ms", "plus"],
            vec!["a plus", "plus", "nice to have", "nice", "have", "MS"],
            vec!["s", "ss", "sss", "master's", "masters", "master"],
        ];
        let merged = PhraseSets::new(sets.clone());
        let texts = [
            "",
            "Requirements: a plus, nice to have MS or ms; required REQUIRE",
            "ssssss sss s masters master's Masters' a plusplus nice to have",
            "A PLUS requirementsrequired nicenice to have ha have",
        ];
        for text in texts {
            let found = merged.find(text);
            for (set, phrases) in sets.iter().enumerate() {
                let own: Vec<Match> = phrase_automaton(phrases).find_iter(text).collect();
                assert_eq!(found[set], own, "set {set} in {text:?}");
            }
        }
    }

    #[test]
    fn the_posting_sets_on_the_sample_postings() {
        use crate::document::Kind;
        use crate::document::sections::{LEGAL_PHRASES, heading_phrases};
        use crate::{asks, education};

        let sets: [Vec<&str>; 4] = [
            heading_phrases(Kind::Posting).to_vec(),
            LEGAL_PHRASES.to_vec(),
            asks::cue_phrases().collect(),
            education::level_phrases().collect(),
        ];
        let merged = PhraseSets::new(sets.clone());
        let own: Vec<AhoCorasick> = sets.iter().map(phrase_automaton).collect();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let dirs = [
            "postings",
            "structure/postings",
            "structure/holdout/postings",
            "structure/blind/postings",
            "structure/years-blind/postings",
            "structure/blind4/postings",
            "structure/blind5/postings",
            "structure/blind6/postings",
        ];
        let mut read = 0;
        for dir in dirs {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let found = merged.find(&text);
                for (set, ac) in own.iter().enumerate() {
                    let want: Vec<Match> = ac.find_iter(&text).collect();
                    assert_eq!(found[set], want, "set {set} in {dir}");
                }
                read += 1;
            }
        }
        assert!(read > 40, "only {read} postings");
    }
}
