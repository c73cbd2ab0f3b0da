//! Ranking: how well one document covers what another asks for, and a bounded top-N.
//!
//! A posting **asks** ([`Asked`]) for its distinct skills that are not negated, each with a
//! strength: **required** (weight 1) or **preferred** (weight ½). Read with its structure
//! ([`Asked::of_posting`]), a skill only mentioned in the company description, benefits or
//! legal text is not asked at all, and the posting may ask for years of a skill, years of
//! experience overall, and a degree. Read flat ([`Asked::flat`]), every skill is required.
//!
//! A résumé **offers** ([`Offer`]) a credit for each skill, the same credits as fit: 0.75 to
//! 1 by mentions, 0.125 more when used in a job entry ([`crate::score::resume_credits`]), 0.5
//! when only implied, 0 when only negated. Read with its structure ([`Offer::of_resume`]) it
//! also offers its years per skill, its total years and its degree.
//!
//! The **coverage** score is, one decimal:
//!
//! `100 × Σ weight × credit × years factor / Σ weight × overall factor × degree factor`
//!
//! - **years factor** of a skill asked with `Y` years: `½ + ½ × min(1, y / Y)`, where `y` is
//!   the years of the résumé's job entries that use it (so a skill only listed keeps half its
//!   credit). 1 when no years are asked, or when the résumé has no dated job at all.
//! - **overall factor**: `0.8 + 0.2 × min(1, y / Y)` for `Y` years of experience asked and
//!   `y` shown (1 without a dated job).
//! - **degree factor**: 0.9 when the posting asks for a degree level the résumé does not
//!   show (a lower level, or none found), else 1.
//!
//! Each unmet ask is listed in [`Coverage::unmet`] ("needs 5+ years of Python; résumé shows
//! 2.0"). The same function ranks postings for one résumé (`rank --resume`) and résumés for
//! one posting (`rank --posting`).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::asks::Strength;
use crate::document::Kind;
use crate::education::Level;
use crate::experience::{Experience, YearMonth};
use crate::extract::Extraction;
use crate::lexicon::{Lexicon, SkillIdx};
use crate::score::{Credits, credits, resume_credits};
use crate::structure::Structure;

/// Weight of a preferred skill; a required one weighs 1.
pub const PREFERRED_WEIGHT: f64 = 0.5;
/// The least the years factor of a skill falls to (a skill with no years shown).
pub const YEARS_FLOOR: f64 = 0.5;
/// The least the overall-years factor falls to.
pub const OVERALL_FLOOR: f64 = 0.8;
/// The factor for a degree asked and not shown.
pub const DEGREE_FACTOR: f64 = 0.9;

/// What a résumé offers: every skill's credit and, when read with its structure, its years
/// and degree.
#[derive(Clone, Debug)]
pub struct Offer {
    credits: Credits,
    /// Months per skill from dated job entries, by skill; `None` without a dated job.
    years: Option<Vec<(SkillIdx, u32)>>,
    /// Total months of work; `None` without a dated job.
    months: Option<u32>,
    /// The highest degree held.
    degree: Option<Level>,
}

impl Offer {
    /// The credits of one document's skills, without its structure.
    pub fn new(lexicon: &Lexicon, ex: &Extraction) -> Offer {
        Offer {
            credits: credits(lexicon, ex),
            years: None,
            months: None,
            degree: None,
        }
    }

    /// A résumé read with its structure: credits that favour skills used in experience,
    /// years per skill, total years (open ranges end at `as_of`) and degree.
    pub fn of_resume(lexicon: &Lexicon, text: &str, ex: &Extraction, as_of: YearMonth) -> Offer {
        let exp = Experience::from_text(text, as_of);
        let st = Structure::new(lexicon, text, Kind::Resume, ex, Some(&exp));
        let dated = exp.work().next().is_some();
        Offer {
            credits: resume_credits(lexicon, ex, &st),
            years: dated.then(|| st.skill_years.iter().map(|y| (y.skill, y.months)).collect()),
            months: dated.then_some(exp.months),
            degree: st.degree.as_ref().map(|d| d.level),
        }
    }

    /// The credit offered for one skill, 0 to 1.
    pub fn credit(&self, skill: SkillIdx) -> f64 {
        self.credits.get(skill).map_or(0.0, |c| c.value)
    }

    /// Years of job entries using `skill`, when the résumé has dated jobs.
    fn years_of(&self, skill: SkillIdx) -> Option<f64> {
        let years = self.years.as_ref()?;
        Some(
            years
                .binary_search_by_key(&skill, |y| y.0)
                .map_or(0.0, |i| f64::from(years[i].1) / 12.0),
        )
    }
}

/// What a posting asks (see the module docs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Asked {
    /// Distinct skills asked, in lexicon order, each required or preferred.
    pub skills: Vec<(SkillIdx, Strength)>,
    /// Years asked per skill (the largest minimum), by skill.
    pub years: Vec<(SkillIdx, u32)>,
    /// Years of experience asked overall.
    pub overall_years: Option<u32>,
    /// The degree level asked.
    pub degree: Option<Level>,
}

impl Asked {
    /// Every skill mentioned and not only negated, all required: a posting read flat.
    pub fn flat(ex: &Extraction) -> Asked {
        Asked {
            skills: ex
                .mentioned()
                .into_iter()
                .map(|s| (s, Strength::Required))
                .collect(),
            ..Asked::default()
        }
    }

    /// A posting read with its structure: each skill's strongest ask (skills only mentioned
    /// are left out, and so are fields named in a degree ask, which the degree covers), its
    /// years asks and degree.
    pub fn of_posting(lexicon: &Lexicon, text: &str, ex: &Extraction) -> Asked {
        let st = Structure::new(lexicon, text, Kind::Posting, ex, None);
        let asks = st.asks.as_ref().expect("a posting has asks");
        // A field named in a degree ask ("MS in Computer Science") is judged by the degree.
        let fields = &st.degree_fields;
        let skills: Vec<(SkillIdx, Strength)> = asks
            .by_skill_where(&ex.matches, |m| {
                !fields.iter().any(|f| f.start < m.end && m.start < f.end)
            })
            .into_iter()
            .filter(|(_, s)| *s != Strength::Mentioned)
            .collect();
        let mut years: Vec<(SkillIdx, u32)> = Vec::new();
        for y in asks
            .years
            .iter()
            .filter(|y| y.strength == Strength::Required)
        {
            for &s in &y.skills {
                match years.iter_mut().find(|(k, _)| *k == s) {
                    Some(e) => e.1 = e.1.max(y.min),
                    None => years.push((s, y.min)),
                }
            }
        }
        years.sort_unstable();
        let overall_years = asks
            .years
            .iter()
            .filter(|y| y.skills.is_empty() && y.strength == Strength::Required)
            .map(|y| y.min)
            .max();
        Asked {
            skills,
            years,
            overall_years,
            degree: st.degree.as_ref().map(|d| d.level),
        }
    }

    /// How many skills are asked.
    pub fn len(&self) -> usize {
        self.skills.len()
    }

    /// Whether no skill is asked.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }
}

/// The distinct skills a document asks for: those mentioned and not only negated
/// ([`Extraction::mentioned`]), in lexicon order.
pub fn asks(ex: &Extraction) -> Vec<SkillIdx> {
    ex.mentioned()
}

/// An ask the résumé does not meet.
#[derive(Clone, Debug, PartialEq)]
pub enum Unmet {
    /// Years of a skill (`None`: of experience overall): asked, and shown.
    Years {
        /// The skill, or `None` for experience overall.
        skill: Option<SkillIdx>,
        /// Years asked.
        asked: u32,
        /// Years shown.
        shown: f64,
    },
    /// A degree level asked, and the one shown.
    Degree {
        /// Level asked.
        asked: Level,
        /// Level shown, if any.
        shown: Option<Level>,
    },
}

impl Unmet {
    /// "needs 5+ years of Python; résumé shows 2.0", "needs a master's degree; résumé shows
    /// bachelor".
    pub fn describe(&self, lexicon: &Lexicon) -> String {
        match self {
            Unmet::Years {
                skill: Some(s),
                asked,
                shown,
            } => format!(
                "needs {asked}+ years of {}; résumé shows {shown:.1}",
                lexicon.skill(*s).name
            ),
            Unmet::Years {
                skill: None,
                asked,
                shown,
            } => format!("needs {asked}+ years of experience; résumé shows {shown:.1}"),
            Unmet::Degree { asked, shown } => format!(
                "needs a {} degree; résumé shows {}",
                asked.as_str(),
                shown.map_or("none", Level::as_str)
            ),
        }
    }
}

/// How well an offer covers what is asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// 0–100, one decimal; 0 when nothing is asked.
    pub score: f64,
    /// Asked skills the offer has, with their credit, in lexicon order.
    pub matched: Vec<(SkillIdx, f64)>,
    /// Required skills the offer lacks, in lexicon order.
    pub missing: Vec<SkillIdx>,
    /// Preferred skills the offer lacks, in lexicon order.
    pub missing_preferred: Vec<SkillIdx>,
    /// Asks of years or degree not met.
    pub unmet: Vec<Unmet>,
}

/// Scores `offer` against what is `asked` (see the module docs).
pub fn coverage(asked: &Asked, offer: &Offer) -> Coverage {
    let mut c = Coverage {
        score: 0.0,
        matched: Vec::new(),
        missing: Vec::new(),
        missing_preferred: Vec::new(),
        unmet: Vec::new(),
    };
    let (mut earned, mut total) = (0.0, 0.0);
    for &(s, strength) in &asked.skills {
        let weight = if strength == Strength::Preferred {
            PREFERRED_WEIGHT
        } else {
            1.0
        };
        total += weight;
        let credit = offer.credit(s);
        if credit == 0.0 {
            if strength == Strength::Preferred {
                c.missing_preferred.push(s);
            } else {
                c.missing.push(s);
            }
            continue;
        }
        c.matched.push((s, credit));
        let mut factor = 1.0;
        if let Ok(i) = asked.years.binary_search_by_key(&s, |y| y.0) {
            let need = asked.years[i].1;
            if let Some(shown) = offer.years_of(s) {
                if shown < f64::from(need) {
                    factor = YEARS_FLOOR + (1.0 - YEARS_FLOOR) * shown / f64::from(need);
                    c.unmet.push(Unmet::Years {
                        skill: Some(s),
                        asked: need,
                        shown,
                    });
                }
            }
        }
        earned += weight * credit * factor;
    }
    if total == 0.0 {
        return c;
    }
    let mut score = 100.0 * earned / total;
    if let (Some(need), Some(months)) = (asked.overall_years, offer.months) {
        let shown = f64::from(months) / 12.0;
        if need > 0 && shown < f64::from(need) {
            score *= OVERALL_FLOOR + (1.0 - OVERALL_FLOOR) * shown / f64::from(need);
            c.unmet.push(Unmet::Years {
                skill: None,
                asked: need,
                shown,
            });
        }
    }
    if let Some(need) = asked.degree {
        // Only a résumé read with its structure shows a degree, or its absence.
        let read = offer.months.is_some() || offer.degree.is_some();
        if read && offer.degree.is_none_or(|held| held < need) {
            score *= DEGREE_FACTOR;
            c.unmet.push(Unmet::Degree {
                asked: need,
                shown: offer.degree,
            });
        }
    }
    c.score = (score * 10.0).round() / 10.0;
    c
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
        let asked = Asked::flat(&posting);
        let ids: Vec<&str> = asked
            .skills
            .iter()
            .map(|&(s, _)| lex.skill(s).id.as_str())
            .collect();
        let mut want = vec!["python", "sql", "pytorch", "kubernetes"];
        want.sort_by_key(|id| lex.find(id).unwrap());
        assert_eq!(ids, want);
        let c = coverage(&asked, &Offer::new(lex, &resume));
        // SQL 1.0 (three mentions), PyTorch 0.75, Python 0.5 (implied by PyTorch),
        // Kubernetes 0 (negated): 2.25 / 4.
        assert_eq!(c.score, 56.3);
        assert_eq!(c.missing, vec![lex.find("kubernetes").unwrap()]);
        assert_eq!(c.matched.len(), 3);
        assert_eq!(
            coverage(&Asked::default(), &Offer::new(lex, &resume)).score,
            0.0
        );
    }

    #[test]
    fn structure_weighs_required_years_and_degree() {
        let scanner = Scanner::builtin();
        let lex = scanner.lexicon();
        let posting = "About Us\nWe run on AWS.\nRequirements\n- 5+ years of Python\n- SQL\n\
                       - 6+ years of industry experience\n- MS in Computer Science\n\
                       Nice to have\n- Kafka";
        let pex = Extraction::new(&scanner, posting);
        let asked = Asked::of_posting(lex, posting, &pex);
        let id = |s: &str| lex.find(s).unwrap();
        let strength = |s: &str| asked.skills.iter().find(|x| x.0 == id(s)).map(|x| x.1);
        // AWS is only the company's: not asked.
        assert_eq!(strength("aws"), None);
        assert_eq!(strength("python"), Some(Strength::Required));
        assert_eq!(strength("kafka"), Some(Strength::Preferred));
        assert_eq!(asked.years, vec![(id("python"), 5)]);
        assert_eq!(asked.overall_years, Some(6));
        assert_eq!(asked.degree, Some(Level::Master));

        let as_of = YearMonth::parse("2026-11").unwrap();
        let resume = "EXPERIENCE\nAnalyst, Acme | Jan 2024 - Dec 2025\n- Python and SQL reports\n\
                      EDUCATION\nB.Sc. Mathematics, 2020";
        let rex = Extraction::new(&scanner, resume);
        let c = coverage(&asked, &Offer::of_resume(lex, resume, &rex, as_of));
        // Python 0.875 (once, in a job) × (0.5 + 0.5 × 2/5) = 0.6125, SQL 0.875, Kafka
        // missing (weight 0.5): 1.4875 / 2.5 = 59.5%; × (0.8 + 0.2 × 2/6) for 2 of 6 years;
        // × 0.9 for the master's: 46.4.
        assert_eq!(c.score, 46.4);
        assert_eq!(c.missing_preferred, vec![id("kafka")]);
        let unmet: Vec<String> = c.unmet.iter().map(|u| u.describe(lex)).collect();
        assert_eq!(
            unmet,
            [
                "needs 5+ years of Python; résumé shows 2.0",
                "needs 6+ years of experience; résumé shows 2.0",
                "needs a master degree; résumé shows bachelor"
            ]
        );
        // Flat, every skill named weighs the same and nothing else counts.
        let flat = coverage(&Asked::flat(&pex), &Offer::new(lex, &rex));
        assert!(flat.unmet.is_empty());
        assert!(flat.missing.contains(&id("aws")));
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
        none.push(1.0, 0, ());
        assert!(none.is_empty());
    }
}
