//! Ranking: how well one document covers what another asks for, and a bounded top-N.
//!
//! A posting **asks** for its distinct skills that are not negated. A résumé **offers** a
//! credit for each skill, the same credits as fit ([`crate::score::credits`]): 0.75 to 1 by
//! mentions, 0.5 when only implied, 0 when only negated. The **coverage** of a posting by a
//! résumé is `100 × Σ credit(asked skill) / number of asked skills`, one decimal: every
//! asked skill weighs the same until postings have sections (required vs preferred).
//!
//! The same function ranks postings for one résumé (`rank --resume`) and résumés for one
//! posting (`rank --posting`).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::extract::Extraction;
use crate::lexicon::{Lexicon, SkillIdx};
use crate::score::{Credits, credits};

/// What a résumé offers: every skill's credit.
#[derive(Clone, Debug)]
pub struct Offer {
    credits: Credits,
}

impl Offer {
    /// The credits of one document's skills.
    pub fn new(lexicon: &Lexicon, ex: &Extraction) -> Offer {
        Offer {
            credits: credits(lexicon, ex),
        }
    }

    /// The credit offered for one skill, 0 to 1.
    pub fn credit(&self, skill: SkillIdx) -> f64 {
        self.credits.get(skill).map_or(0.0, |c| c.value)
    }
}

/// The distinct skills a document asks for: those mentioned and not only negated
/// ([`Extraction::mentioned`]), in lexicon order.
pub fn asks(ex: &Extraction) -> Vec<SkillIdx> {
    ex.mentioned()
}

/// How well an offer covers what is asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// 0–100, one decimal; 0 when nothing is asked.
    pub score: f64,
    /// Asked skills the offer has, with their credit, in lexicon order.
    pub matched: Vec<(SkillIdx, f64)>,
    /// Asked skills the offer lacks, in lexicon order.
    pub missing: Vec<SkillIdx>,
}

/// Scores `offer` against the skills in `asked` (see the module docs).
pub fn coverage(asked: &[SkillIdx], offer: &Offer) -> Coverage {
    let (mut matched, mut missing) = (Vec::new(), Vec::new());
    for &s in asked {
        let c = offer.credit(s);
        if c > 0.0 {
            matched.push((s, c));
        } else {
            missing.push(s);
        }
    }
    Coverage {
        score: coverage_score(asked, offer),
        matched,
        missing,
    }
}

/// The score of [`coverage`] alone, without the lists (for rows that may not make a top N).
pub fn coverage_score(asked: &[SkillIdx], offer: &Offer) -> f64 {
    if asked.is_empty() {
        return 0.0;
    }
    let sum = asked
        .iter()
        .map(|&s| offer.credit(s))
        .fold(0.0, |sum, c| if c > 0.0 { sum + c } else { sum });
    (1000.0 * sum / asked.len() as f64).round() / 10.0
}

/// The `n` best items by score, ties broken by the earlier sequence number, holding at most
/// `n` items whatever the number pushed. The order is total, so the result does not depend on
/// the order items arrive in.
#[derive(Debug)]
pub struct TopN<T> {
    n: usize,
    heap: BinaryHeap<Reverse<Ranked<T>>>,
}

/// An item with its score and sequence number.
#[derive(Debug)]
pub struct Ranked<T> {
    /// Higher is better.
    pub score: f64,
    /// Lower wins ties (input order).
    pub seq: u64,
    /// The item.
    pub item: T,
}

impl<T> PartialEq for Ranked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl<T> Eq for Ranked<T> {}
impl<T> PartialOrd for Ranked<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Ranked<T> {
    /// Greater is better: a higher score, then an earlier sequence number.
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.seq.cmp(&self.seq))
    }
}

impl<T> TopN<T> {
    /// Keeps the best `n` (`usize::MAX` keeps all).
    pub fn new(n: usize) -> TopN<T> {
        TopN {
            n,
            heap: BinaryHeap::new(),
        }
    }

    /// Offers one item.
    pub fn push(&mut self, score: f64, seq: u64, item: T) {
        if self.n == 0 {
            return;
        }
        let r = Ranked { score, seq, item };
        if self.heap.len() < self.n {
            self.heap.push(Reverse(r));
        } else if self.heap.peek().is_some_and(|worst| r > worst.0) {
            self.heap.pop();
            self.heap.push(Reverse(r));
        }
    }

    /// Whether an item with this score and sequence number would be kept if it were pushed
    /// now. Once it would not, it never would: the held items only get better.
    pub fn would_keep(&self, score: f64, seq: u64) -> bool {
        self.n > 0
            && (self.heap.len() < self.n
                || self.heap.peek().is_some_and(|worst| {
                    Ranked {
                        score,
                        seq,
                        item: (),
                    }
                    .cmp(&Ranked {
                        score: worst.0.score,
                        seq: worst.0.seq,
                        item: (),
                    })
                    .is_gt()
                }))
    }

    /// How many are held.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether none are held.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }

    /// The items, best first.
    pub fn into_sorted(self) -> Vec<Ranked<T>> {
        // `into_sorted_vec` is ascending in `Reverse`, that is best first.
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|r| r.0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    #[test]
    fn coverage_credits_each_asked_skill_once() {
        let scanner = Scanner::builtin();
        let lex = scanner.lexicon();
        let posting = Extraction::new(
            &scanner,
            "Python, SQL, PyTorch and Kubernetes. Python again. No Java.",
        );
        let resume = Extraction::new(&scanner, "PyTorch, SQL, SQL, SQL. No Kubernetes.");
        let asked = asks(&posting);
        let ids: Vec<&str> = asked.iter().map(|&s| lex.skill(s).id.as_str()).collect();
        let mut want = vec!["python", "sql", "pytorch", "kubernetes"];
        want.sort_by_key(|id| lex.find(id).unwrap());
        assert_eq!(ids, want);
        let c = coverage(&asked, &Offer::new(lex, &resume));
        // SQL 1.0 (three mentions), PyTorch 0.75, Python 0.5 (implied by PyTorch),
        // Kubernetes 0 (negated): 2.25 / 4.
        assert_eq!(c.score, 56.3);
        assert_eq!(c.missing, vec![lex.find("kubernetes").unwrap()]);
        assert_eq!(c.matched.len(), 3);
        assert_eq!(coverage(&[], &Offer::new(lex, &resume)).score, 0.0);
    }

    #[test]
    fn top_n_keeps_the_best_whatever_the_order() {
        let items = [(5.0, 0), (9.0, 1), (5.0, 2), (7.0, 3), (9.0, 4), (1.0, 5)];
        let best = |order: &[usize]| {
            let mut top = TopN::new(3);
            for &i in order {
                let (score, seq) = items[i];
                top.push(score, seq, i);
            }
            assert!(top.len() <= 3);
            top.into_sorted().iter().map(|r| r.item).collect::<Vec<_>>()
        };
        assert_eq!(best(&[0, 1, 2, 3, 4, 5]), [1, 4, 3]);
        assert_eq!(best(&[5, 4, 3, 2, 1, 0]), [1, 4, 3]);
        let mut all = TopN::new(usize::MAX);
        for (i, &(s, q)) in items.iter().enumerate() {
            all.push(s, q, i);
        }
        let order: Vec<usize> = all.into_sorted().iter().map(|r| r.item).collect();
        assert_eq!(order, [1, 4, 3, 0, 2, 5]);
        let mut none = TopN::new(0);
        assert!(!none.would_keep(1.0, 0));
        none.push(1.0, 0, ());
        assert!(none.is_empty());
    }

    #[test]
    fn would_keep_says_what_push_keeps() {
        let mut next = crate::testing::xorshift(0x7a11_7a11);
        for round in 0..200 {
            let n = (next() % 6) as usize;
            let mut top = TopN::new(n);
            let mut rejected = Vec::new();
            for seq in 0..40u64 {
                // Few distinct scores, so ties on score are decided by the sequence number.
                let score = (next() % 8) as f64 / 2.0;
                let keep = top.would_keep(score, seq);
                let before = top.len();
                top.push(score, seq, seq);
                if !keep {
                    rejected.push(seq);
                    assert_eq!(
                        top.len(),
                        before,
                        "round {round}: a rejected item grew the heap"
                    );
                } else if before < n {
                    assert_eq!(top.len(), before + 1);
                }
            }
            let kept: Vec<u64> = top.into_sorted().iter().map(|r| r.item).collect();
            assert!(kept.iter().all(|s| !rejected.contains(s)), "round {round}");
            assert_eq!(kept.len(), n.min(40));
        }
    }
}
