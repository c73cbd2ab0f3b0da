//! Fit: a pure, fully decomposed 0–100 score of one document against one role profile.
//!
//! # The formula
//! Each skill found in the document earns a **credit** between 0 and 1:
//! - mentioned (not negated) `m` times: `min(1, 0.75 + 0.125 × (m − 1))`, so one mention earns
//!   0.75 and three or more earn 1; more mentions never pay (no keyword stuffing);
//! - in a résumé read with its structure ([`resume_credits`]), a skill **demonstrated** in
//!   experience (mentioned inside a dated job entry, or in an experience or projects section)
//!   earns [`DEMONSTRATED_BONUS`] more than one only listed: `min(1, 0.875 + 0.125 × (m − 1))`;
//! - not mentioned but implied by a mentioned skill (PyTorch → deep learning): 0.5;
//! - only negated mentions ("no experience with Java"): 0.
//!
//! Each requirement earns a credit from its skills: a single skill its credit; an any-of
//! group its best member's; a category minimum the sum of its `min` best skills' credits
//! divided by `min` (capped at 1). The fit is `100 × Σ weight × credit / Σ weight` over all
//! requirements, required and preferred alike (their weights already say how much each
//! matters), rounded to one decimal. It depends only on the document's matches, so it is the
//! same on every run.
//!

use crate::document::Kind;
use crate::document::sections::Section;
use crate::extract::Extraction;
use crate::lexicon::{Category, Lexicon, SkillIdx};
use crate::profile::{Level, Need, RoleProfile, Roles};
use crate::scan::Match;
use crate::structure::Structure;

/// Below this score no role fits: renderers say so instead of naming a best fit. The
/// non-technical sample and real HR, advocate and arts résumés stay under 16; real
/// data-science résumés start at 20.
pub const WEAK_FIT: f64 = 20.0;
/// Credit for a skill that is only implied by others.
pub const IMPLIED_CREDIT: f64 = 0.5;
/// What a skill demonstrated in experience earns beyond one only listed.
pub const DEMONSTRATED_BONUS: f64 = 0.125;
/// Mentions beyond this many add nothing.
pub const MENTION_CAP: usize = 3;

/// How a skill earned its credit.
#[derive(Clone, Debug, PartialEq)]
pub enum How {
    /// Mentioned this many times (not negated).
    Mentioned(usize),
    /// Mentioned this many times (not negated), at least once in experience: inside a dated
    /// job entry, or in an experience or projects section.
    Demonstrated(usize),
    /// Implied by a mentioned skill.
    Implied(SkillIdx),
}

/// One skill's contribution to a requirement.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    /// The skill.
    pub skill: SkillIdx,
    /// Why it counts.
    pub how: How,
    /// Its credit, 0 to 1.
    pub value: f64,
}

/// One requirement's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct RequirementFit {
    /// Index into the role's requirements.
    pub index: usize,
    /// The requirement's weight.
    pub weight: u32,
    /// Required or preferred.
    pub level: Level,
    /// Credit earned, 0 to 1.
    pub credit: f64,
    /// The skills that earned it, best first.
    pub by: Vec<Credit>,
    /// How many distinct skills the requirement needs mentioned (1, or a category's `min`).
    pub needed: usize,
}

impl RequirementFit {
    /// Met by skills the document mentions (not only implies). Its credit may still be below
    /// 1 when they are mentioned only once or twice.
    pub fn met(&self) -> bool {
        self.by
            .iter()
            .filter(|c| matches!(c.how, How::Mentioned(_) | How::Demonstrated(_)))
            .count()
            >= self.needed
    }

    /// Not met at all.
    pub fn missing(&self) -> bool {
        self.credit == 0.0
    }
}

/// A document's fit to one role.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Index of the role in [`Roles::all`].
    pub role: usize,
    /// 0–100, one decimal.
    pub score: f64,
    /// Every requirement, in the role's order.
    pub requirements: Vec<RequirementFit>,
}

/// The credit of a skill's non-negated mentions (see the module docs).
pub fn mention_credit(mentions: &[&Match]) -> f64 {
    credit_of_mentions(mentions.iter().filter(|m| !m.negated).count())
}

/// The credit of `m` non-negated mentions.
fn credit_of_mentions(m: usize) -> f64 {
    let m = m.min(MENTION_CAP);
    if m == 0 {
        0.0
    } else {
        (0.75 + 0.125 * (m - 1) as f64).min(1.0)
    }
}

/// The credited skills of one document, sorted by skill: those mentioned (not only negated)
/// and those only implied by a mentioned one. A few dozen entries, not the whole lexicon.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Credits(Vec<Credit>);

impl Credits {
    /// The credit of one skill, if it has any.
    pub fn get(&self, skill: SkillIdx) -> Option<&Credit> {
        self.0
            .binary_search_by_key(&skill, |c| c.skill)
            .ok()
            .map(|i| &self.0[i])
    }

    /// Every credited skill, in lexicon order.
    pub fn iter(&self) -> impl Iterator<Item = &Credit> {
        self.0.iter()
    }
}

/// Every credited skill of one document (see the module docs for the values).
pub fn credits(lexicon: &Lexicon, ex: &Extraction) -> Credits {
    credits_with(lexicon, ex, |_| false)
}

/// Every credited skill of a résumé read with its structure: a skill demonstrated in
/// experience earns [`DEMONSTRATED_BONUS`] more (see the module docs). A posting's structure
/// changes nothing here.
pub fn resume_credits(lexicon: &Lexicon, ex: &Extraction, structure: &Structure) -> Credits {
    if structure.kind != Kind::Resume {
        return credits(lexicon, ex);
    }
    credits_with(lexicon, ex, |m| {
        matches!(
            structure.section(m),
            Section::Experience | Section::Projects
        ) || structure.years_of(m.skill).is_some()
    })
}

fn credits_with(
    lexicon: &Lexicon,
    ex: &Extraction,
    demonstrated: impl Fn(&Match) -> bool,
) -> Credits {
    let mut matches: Vec<&Match> = ex.matches.iter().collect();
    matches.sort_by_key(|m| m.skill);
    let mut out: Vec<Credit> = matches
        .chunk_by(|a, b| a.skill == b.skill)
        .filter_map(|ms| {
            let value = mention_credit(ms);
            let n = ms.iter().filter(|m| !m.negated).count();
            let shown = ms.iter().any(|m| !m.negated && demonstrated(m));
            (value > 0.0).then(|| Credit {
                skill: ms[0].skill,
                how: if shown {
                    How::Demonstrated(n)
                } else {
                    How::Mentioned(n)
                },
                value: if shown {
                    (value + DEMONSTRATED_BONUS).min(1.0)
                } else {
                    value
                },
            })
        })
        .collect();
    // Implied credit, in lexicon order of the implying skill so the result is deterministic.
    let mentioned = out.len();
    for i in 0..mentioned {
        let by = out[i].skill;
        for &p in lexicon.implied_by(by) {
            let known = out[..mentioned]
                .binary_search_by_key(&p, |c| c.skill)
                .is_ok()
                || out[mentioned..].iter().any(|c| c.skill == p);
            if !known {
                out.push(Credit {
                    skill: p,
                    how: How::Implied(by),
                    value: IMPLIED_CREDIT,
                });
            }
        }
    }
    out.sort_by_key(|c| c.skill);
    Credits(out)
}

/// One requirement's credit, and the skills that earned it (best first) when `by` is given.
fn need_credit(
    lexicon: &Lexicon,
    need: &Need,
    credits: &Credits,
    by: Option<&mut Vec<Credit>>,
) -> f64 {
    match need {
        Need::Skill(s) => {
            let c = credits.get(*s);
            if let (Some(by), Some(c)) = (by, c) {
                by.push(c.clone());
            }
            c.map_or(0.0, |c| c.value)
        }
        Need::AnyOf(skills) => {
            // The best member; ties go to the first listed.
            let best =
                skills
                    .iter()
                    .filter_map(|&s| credits.get(s))
                    .fold(None::<&Credit>, |best, c| match best {
                        Some(b) if b.value >= c.value => Some(b),
                        _ => Some(c),
                    });
            if let (Some(by), Some(c)) = (by, best) {
                by.push(c.clone());
            }
            best.map_or(0.0, |c| c.value)
        }
        Need::Category { category, min } => {
            let mut found: Vec<&Credit> = credits
                .iter()
                .filter(|c| lexicon.skill(c.skill).category == *category)
                .collect();
            found.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.skill.cmp(&b.skill)));
            found.truncate(*min as usize);
            let sum: f64 = found.iter().fold(0.0, |s, c| s + c.value);
            if let Some(by) = by {
                by.extend(found.into_iter().cloned());
            }
            (sum / *min as f64).min(1.0)
        }
    }
}

/// `100 × Σ weight × credit / Σ weight`, one decimal.
fn weighted(earned: f64, total: f64) -> f64 {
    if total == 0.0 {
        0.0
    } else {
        (1000.0 * earned / total).round() / 10.0
    }
}

fn fit_one(lexicon: &Lexicon, role_index: usize, role: &RoleProfile, credits: &Credits) -> Fit {
    let mut requirements = Vec::with_capacity(role.requirements.len());
    let (mut earned, mut total) = (0.0, 0.0);
    for (index, r) in role.requirements.iter().enumerate() {
        let mut by = Vec::new();
        let credit = need_credit(lexicon, &r.need, credits, Some(&mut by));
        earned += r.weight as f64 * credit;
        total += r.weight as f64;
        requirements.push(RequirementFit {
            index,
            weight: r.weight,
            level: r.level,
            credit,
            by,
            needed: match r.need {
                Need::Category { min, .. } => min as usize,
                _ => 1,
            },
        });
    }
    Fit {
        role: role_index,
        score: weighted(earned, total),
        requirements,
    }
}

impl Fit {
    /// How much of each skill category the role asks for is covered, in the role's order of
    /// first appearance. A requirement belongs to its skill's category, an any-of group to its
    /// first member's, and a category minimum to that category.
    pub fn by_category(&self, lexicon: &Lexicon, role: &RoleProfile) -> Vec<CategoryCoverage> {
        let mut out: Vec<CategoryCoverage> = Vec::new();
        for rf in &self.requirements {
            let category = match &role.requirements[rf.index].need {
                Need::Skill(s) => lexicon.skill(*s).category,
                Need::AnyOf(v) => lexicon.skill(v[0]).category,
                Need::Category { category, .. } => *category,
            };
            let weight = rf.weight as f64;
            match out.iter_mut().find(|c| c.category == category) {
                Some(c) => {
                    c.weight += weight;
                    c.earned += weight * rf.credit;
                }
                None => out.push(CategoryCoverage {
                    category,
                    weight,
                    earned: weight * rf.credit,
                }),
            }
        }
        out
    }
}

/// The share of one skill category's requirement weight that a document covers.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryCoverage {
    /// The category.
    pub category: Category,
    /// Total weight of the role's requirements in it.
    pub weight: f64,
    /// Weight earned: Σ weight × credit.
    pub earned: f64,
}

impl CategoryCoverage {
    /// Earned over total, 0 to 1.
    pub fn coverage(&self) -> f64 {
        if self.weight == 0.0 {
            0.0
        } else {
            self.earned / self.weight
        }
    }
}

/// How close a posting is to a role, 0 to 1: the harmonic mean of how much of the role the
/// posting covers (its fit score / 100) and the share of the posting's distinct skills that
/// the role asks for (those not [`outside`] it). Fit alone favours broad profiles; the share
/// alone favours narrow ones; the README gives how often each finds a posting's titled role.
pub fn closeness(role: &RoleProfile, score: f64, ex: &Extraction) -> f64 {
    let skills = ex.mentioned();
    if skills.is_empty() {
        return 0.0;
    }
    closeness_of(score, outside(role, ex).len(), skills.len())
}

/// [`closeness`] from the fit score, the number of skills [`outside`] the role and the
/// number of distinct skills mentioned (not zero).
fn closeness_of(score: f64, outside: usize, mentioned: usize) -> f64 {
    let share = 1.0 - outside as f64 / mentioned as f64;
    let cover = score / 100.0;
    if share + cover == 0.0 {
        0.0
    } else {
        (2.0 * share * cover / (share + cover) * 1000.0).round() / 1000.0
    }
}

/// The skills a document mentions (not negated) that a role's profile does not ask for: no
/// requirement names the skill, a skill it implies or a skill that implies it (a broad parent
/// such as "data engineering" belongs to a role that asks for ETL), and no category minimum
/// covers its category. For a posting these are what it wants beyond the role. In lexicon
/// order.
pub fn outside(role: &RoleProfile, ex: &Extraction) -> Vec<SkillIdx> {
    let mut out: Vec<SkillIdx> = ex
        .matches
        .iter()
        .filter(|m| !m.negated && !role.asks_for(m.skill))
        .map(|m| m.skill)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The document's fit to every role, best first (ties by role id, so the order is total).
pub fn fit_all(lexicon: &Lexicon, roles: &Roles, ex: &Extraction) -> Vec<Fit> {
    fit_all_with(lexicon, roles, &credits(lexicon, ex))
}

/// [`fit_all`] from credits already computed (e.g. [`resume_credits`]).
pub fn fit_all_with(lexicon: &Lexicon, roles: &Roles, credits: &Credits) -> Vec<Fit> {
    let mut fits: Vec<Fit> = roles
        .all()
        .iter()
        .enumerate()
        .map(|(i, r)| fit_one(lexicon, i, r, credits))
        .collect();
    fits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| roles.all()[a.role].id.cmp(&roles.all()[b.role].id))
    });
    fits
}

/// A role's closeness to a posting.
#[derive(Clone, Debug, PartialEq)]
pub struct PostingFit {
    /// The posting's fit to the role.
    pub fit: Fit,
    /// See [`closeness`].
    pub closeness: f64,
    /// The posting's title names this role.
    pub titled: bool,
}

/// A posting's roles, closest first: the role its title names (see [`Roles::by_title`]),
/// then by [`closeness`], then by id.
pub fn rank_posting(
    lexicon: &Lexicon,
    roles: &Roles,
    ex: &Extraction,
    title: Option<&str>,
) -> Vec<PostingFit> {
    let titled = title.and_then(|t| roles.by_title(t));
    let mut out: Vec<PostingFit> = fit_all(lexicon, roles, ex)
        .into_iter()
        .map(|fit| PostingFit {
            closeness: closeness(&roles.all()[fit.role], fit.score, ex),
            titled: titled == Some(fit.role),
            fit,
        })
        .collect();
    out.sort_by(|a, b| {
        posting_order(
            roles,
            (a.titled, a.closeness, a.fit.role),
            (b.titled, b.closeness, b.fit.role),
        )
    });
    out
}

/// The order of roles for a posting: titled first, then closer, then by id.
fn posting_order(
    roles: &Roles,
    a: (bool, f64, usize),
    b: (bool, f64, usize),
) -> std::cmp::Ordering {
    b.0.cmp(&a.0)
        .then(b.1.total_cmp(&a.1))
        .then_with(|| roles.all()[a.2].id.cmp(&roles.all()[b.2].id))
}

/// The first role of [`rank_posting`] (index, fit score, titled), computed without the
/// per-requirement breakdown: what `annotate` needs for every row.
///
/// The credits are computed once per document into a per-thread table (a credit per skill
/// of the lexicon, and per category how many credited skills earn each credit), so each
/// requirement of each role costs a lookup or two and nothing is allocated once the table has
/// grown. The scores are the same numbers as [`fit_all`]'s, summed in the same order.
pub fn closest_role(
    lexicon: &Lexicon,
    roles: &Roles,
    ex: &Extraction,
    title: Option<&str>,
) -> Option<(usize, f64, bool)> {
    let titled = title.and_then(|t| roles.by_title(t));
    CreditTable::with(lexicon, ex, |table| {
        roles
            .all()
            .iter()
            .enumerate()
            .map(|(i, role)| {
                let score = table.score(role);
                let closeness = if table.mentioned.is_empty() {
                    0.0
                } else {
                    let outside = table
                        .mentioned
                        .iter()
                        .filter(|&&s| !role.asks_for(s))
                        .count();
                    closeness_of(score, outside, table.mentioned.len())
                };
                (titled == Some(i), closeness, i, score)
            })
            .min_by(|a, b| posting_order(roles, (a.0, a.1, a.2), (b.0, b.1, b.2)))
            .map(|(titled, _, i, score)| (i, score, titled))
    })
}

/// Credit classes: 0 is implied, `m` in `1..=MENTION_CAP` is mentioned `m` times (capped).
const CLASSES: usize = MENTION_CAP + 1;

/// The credits of one document as lookup tables, reused from one document to the next.
#[derive(Debug, Default)]
struct CreditTable {
    /// Per skill of the lexicon: its credit, 0 when it has none. Only the entries of
    /// `credited` are non-zero.
    value: Vec<f64>,
    /// The skills with a credit, to reset `value`.
    credited: Vec<SkillIdx>,
    /// The distinct skills mentioned (not only negated), in lexicon order.
    mentioned: Vec<SkillIdx>,
    /// Per category: how many credited skills are in each credit class.
    by_category: [[u32; CLASSES]; Category::ALL.len()],
}

impl CreditTable {
    /// Runs `f` on the credits of `ex`, in a per-thread table.
    fn with<R>(lexicon: &Lexicon, ex: &Extraction, f: impl FnOnce(&CreditTable) -> R) -> R {
        thread_local! {
            static TABLE: std::cell::RefCell<CreditTable> = Default::default();
        }
        TABLE.with(|t| match t.try_borrow_mut() {
            Ok(mut t) => {
                t.fill(lexicon, ex);
                let out = f(&t);
                t.clear();
                out
            }
            Err(_) => {
                let mut t = CreditTable::default();
                t.fill(lexicon, ex);
                f(&t)
            }
        })
    }

    /// The credit of class `k` (see [`CLASSES`]).
    fn class_credit(k: usize) -> f64 {
        if k == 0 {
            IMPLIED_CREDIT
        } else {
            credit_of_mentions(k)
        }
    }

    /// The classes from the highest credit to the lowest.
    fn classes_best_first() -> impl Iterator<Item = usize> {
        (1..CLASSES).rev().chain(std::iter::once(0))
    }

    /// Sets the credits of `ex`, as [`credits`] computes them. The table must be clear.
    fn fill(&mut self, lexicon: &Lexicon, ex: &Extraction) {
        if self.value.len() < lexicon.len() {
            self.value.resize(lexicon.len(), 0.0);
        }
        let m = &mut self.mentioned;
        m.clear();
        m.extend(ex.matches.iter().filter(|m| !m.negated).map(|m| m.skill));
        m.sort_unstable();
        // Each run of one skill becomes one entry, with its mention count.
        let (mut i, mut kept) = (0, 0);
        while i < m.len() {
            let s = m[i];
            let mut j = i + 1;
            while j < m.len() && m[j] == s {
                j += 1;
            }
            let k = (j - i).min(MENTION_CAP);
            self.value[s.0 as usize] = Self::class_credit(k);
            self.by_category[lexicon.category(s) as usize][k] += 1;
            self.credited.push(s);
            m[kept] = s;
            kept += 1;
            i = j;
        }
        m.truncate(kept);
        for &by in &self.mentioned {
            for &p in lexicon.implied_by(by) {
                let v = &mut self.value[p.0 as usize];
                if *v == 0.0 {
                    *v = IMPLIED_CREDIT;
                    self.by_category[lexicon.category(p) as usize][0] += 1;
                    self.credited.push(p);
                }
            }
        }
    }

    /// Back to no credits, keeping the buffers.
    fn clear(&mut self) {
        for s in self.credited.drain(..) {
            self.value[s.0 as usize] = 0.0;
        }
        self.mentioned.clear();
        self.by_category = Default::default();
    }

    /// One requirement's credit: the value [`need_credit`] gives.
    fn need_credit(&self, need: &Need) -> f64 {
        match need {
            Need::Skill(s) => self.value[s.0 as usize],
            Need::AnyOf(skills) => skills
                .iter()
                .map(|s| self.value[s.0 as usize])
                .fold(0.0, f64::max),
            Need::Category { category, min } => {
                // The `min` best credits of the category, summed best first as `need_credit`
                // sums them.
                let counts = &self.by_category[*category as usize];
                let (mut left, mut sum) = (*min as usize, 0.0);
                for k in Self::classes_best_first() {
                    let v = Self::class_credit(k);
                    for _ in 0..counts[k].min(left as u32) {
                        sum += v;
                    }
                    left -= counts[k].min(left as u32) as usize;
                    if left == 0 {
                        break;
                    }
                }
                (sum / *min as f64).min(1.0)
            }
        }
    }

    /// A role's fit score: the number [`fit_all`] gives.
    fn score(&self, role: &RoleProfile) -> f64 {
        let (mut earned, mut total) = (0.0, 0.0);
        for r in &role.requirements {
            earned += r.weight as f64 * self.need_credit(&r.need);
            total += r.weight as f64;
        }
        weighted(earned, total)
    }
}

/// One step of a learning path.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The skill to learn.
    pub skill: SkillIdx,
    /// Indices of the requirements it helps meet.
    pub requirements: Vec<usize>,
}

/// What to learn next for a role: the skills of its requirements that no mentioned skill meets,
/// ordered foundation → fundamentals → tools → advanced, each after the skills it implies
/// (its prerequisites: Python before PyTorch), then by the weight it carries, then by id.
/// An any-of group contributes its first listed skill; a category minimum contributes no
/// single skill (it stays in the gap list).
pub fn learning_path(lexicon: &Lexicon, role: &RoleProfile, fit: &Fit) -> Vec<Step> {
    let mut steps: Vec<(SkillIdx, Vec<usize>, u32)> = Vec::new();
    let mut add =
        |s: SkillIdx, req: usize, weight: u32| match steps.iter_mut().find(|(x, _, _)| *x == s) {
            Some((_, reqs, w)) => {
                reqs.push(req);
                *w += weight;
            }
            None => steps.push((s, vec![req], weight)),
        };
    for rf in fit.requirements.iter().filter(|r| !r.met()) {
        let r = &role.requirements[rf.index];
        match &r.need {
            Need::Skill(s) => add(*s, rf.index, r.weight),
            Need::AnyOf(v) => {
                // Learn the member already partly credited, else the first listed.
                let s = rf.by.first().map_or(v[0], |c| c.skill);
                add(s, rf.index, r.weight)
            }
            Need::Category { .. } => {}
        }
    }
    steps.sort_by(|a, b| {
        let key = |(s, _, w): &(SkillIdx, Vec<usize>, u32)| {
            (
                lexicon.skill(*s).tier,
                std::cmp::Reverse(*w),
                lexicon.skill(*s).id.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    let mut out: Vec<Step> = steps
        .into_iter()
        .map(|(skill, requirements, _)| Step {
            skill,
            requirements,
        })
        .collect();
    // Tiers can still put a prerequisite after the skill that needs it (an `advanced` skill
    // implying another `advanced` one): move each skill after the last skill it implies,
    // unless they imply each other.
    let mut i = 0;
    while i < out.len() {
        let implied = lexicon.implied_by(out[i].skill);
        let needs = |j: usize| {
            implied.contains(&out[j].skill)
                && !lexicon.implied_by(out[j].skill).contains(&out[i].skill)
        };
        if let Some(j) = (i + 1..out.len()).rev().find(|&j| needs(j)) {
            let step = out.remove(i);
            out.insert(j, step);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Evidence;

    fn mention(skill: SkillIdx, negated: bool) -> Match {
        Match {
            skill,
            start: 0,
            end: 0,
            line: 1,
            negated,
            evidence: Evidence::Form,
        }
    }

    /// A document mentioning each of `skills` `times` times.
    fn doc(skills: &[SkillIdx], times: usize) -> Extraction {
        Extraction {
            matches: skills
                .iter()
                .flat_map(|&s| std::iter::repeat_n(mention(s, false), times))
                .collect(),
        }
    }

    /// The skills an ideal résumé for `role` mentions: every skill, the first of every
    /// any-of group, and `min` skills of every category.
    fn ideal(lexicon: &Lexicon, role: &RoleProfile) -> Vec<SkillIdx> {
        let mut out = Vec::new();
        for r in &role.requirements {
            match &r.need {
                Need::Skill(s) => out.push(*s),
                Need::AnyOf(v) => out.push(v[0]),
                Need::Category { category, min } => out.extend(
                    (0..lexicon.len() as u32)
                        .map(SkillIdx)
                        .filter(|&s| lexicon.skill(s).category == *category)
                        .take(*min as usize),
                ),
            }
        }
        out
    }

    #[test]
    fn every_builtin_profile_is_valid_and_its_ideal_resume_scores_100() {
        let lex = Lexicon::builtin();
        let roles =
            Roles::builtin(&lex).unwrap_or_else(|e| panic!("built-in roles are invalid:\n{e}"));
        for (i, role) in roles.all().iter().enumerate() {
            assert!(
                role.requirements.iter().all(|r| r.weight > 0),
                "{}",
                role.id
            );
            let all = credits(&lex, &doc(&ideal(&lex, role), MENTION_CAP));
            let fit = fit_one(&lex, i, role, &all);
            assert_eq!(fit.score, 100.0, "{}", role.id);
            let fit = fit_one(&lex, i, role, &credits(&lex, &Extraction::default()));
            assert_eq!(fit.score, 0.0, "{}", role.id);
        }
    }

    #[test]
    fn postings_rank_the_titled_role_first_then_by_closeness() {
        let scanner = crate::Scanner::builtin();
        let lex = scanner.lexicon();
        let roles = Roles::builtin(lex).unwrap();
        let text = "We need ETL pipelines in SQL and Python, Spark, Airflow, Snowflake and a data \
                    warehouse, plus Terraform.";
        let ex = Extraction::new(&scanner, text);
        let id = |p: &PostingFit| roles.all()[p.fit.role].id.as_str();
        let ranked = rank_posting(lex, &roles, &ex, None);
        assert_eq!(id(&ranked[0]), "data-engineer");
        assert!(ranked.windows(2).all(|w| w[0].closeness >= w[1].closeness));
        assert!(ranked.iter().all(|p| !p.titled));
        // A title that names a role puts it first, whatever the skills say.
        let ranked = rank_posting(lex, &roles, &ex, Some("Senior Data Analyst (Remote)"));
        assert_eq!(id(&ranked[0]), "data-analyst");
        assert!(ranked[0].titled);
        // Terraform is beyond a data engineer's profile; "data engineering", a parent of
        // what the profile names, is not.
        let de = roles.find("data-engineer").unwrap();
        let beyond: Vec<&str> = outside(de, &ex)
            .iter()
            .map(|&s| lex.skill(s).id.as_str())
            .collect();
        assert_eq!(beyond, ["terraform"]);
        assert_eq!(
            rank_posting(lex, &roles, &Extraction::default(), None)[0].closeness,
            0.0
        );
        // The fast path agrees with the full ranking, titled or not, on every sample.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/resumes");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let ex = Extraction::new(&scanner, &text);
            for title in [None, Some("Senior Data Analyst"), Some("Chef")] {
                let full = &rank_posting(lex, &roles, &ex, title)[0];
                assert_eq!(
                    closest_role(lex, &roles, &ex, title),
                    Some((full.fit.role, full.fit.score, full.titled))
                );
            }
        }
    }

    #[test]
    fn credit_tables_give_the_numbers_of_the_breakdown() {
        let lex = Lexicon::builtin();
        let roles = Roles::builtin(&lex).unwrap();
        // The table sums a category's credits class by class, best first.
        let order: Vec<f64> = CreditTable::classes_best_first()
            .map(CreditTable::class_credit)
            .collect();
        assert!(order.windows(2).all(|w| w[0] > w[1]), "{order:?}");
        // Random documents, mostly of skills the roles ask for (so that categories, any-of
        // groups and implied skills all earn credit), some mentions negated.
        let asked: Vec<SkillIdx> = (0..lex.len() as u32)
            .map(SkillIdx)
            .filter(|&s| roles.all().iter().any(|r| r.asks_for(s)))
            .collect();
        let mut next = crate::testing::xorshift(0x5eed_c0ff_ee42);
        let mut scores = std::collections::HashSet::new();
        for n in 0..500 {
            let mut ex = Extraction::default();
            for _ in 0..next() % 80 {
                let s = if next() % 4 == 0 {
                    SkillIdx((next() % lex.len() as u64) as u32)
                } else {
                    asked[(next() % asked.len() as u64) as usize]
                };
                ex.matches.push(mention(s, next() % 5 == 0));
            }
            let all = credits(&lex, &ex);
            CreditTable::with(&lex, &ex, |t| {
                for (i, role) in roles.all().iter().enumerate() {
                    for r in &role.requirements {
                        assert_eq!(
                            t.need_credit(&r.need).to_bits(),
                            need_credit(&lex, &r.need, &all, None).to_bits(),
                            "document {n}, {}: {}",
                            role.id,
                            r.label
                        );
                    }
                    let score = fit_one(&lex, i, role, &all).score;
                    assert_eq!(t.score(role).to_bits(), score.to_bits());
                    scores.insert(score.to_bits());
                }
            });
            for title in [None, Some("Lead Data Engineer")] {
                let full = &rank_posting(&lex, &roles, &ex, title)[0];
                let got = closest_role(&lex, &roles, &ex, title);
                assert_eq!(got, Some((full.fit.role, full.fit.score, full.titled)));
            }
        }
        // The documents are varied enough to test something.
        assert!(scores.len() > 200, "{}", scores.len());
    }

    #[test]
    fn mentions_pay_up_to_a_cap_and_negation_pays_nothing() {
        let s = SkillIdx(0);
        let credit = |n: usize, neg: usize| {
            let ms: Vec<Match> = (0..n)
                .map(|_| mention(s, false))
                .chain((0..neg).map(|_| mention(s, true)))
                .collect();
            mention_credit(&ms.iter().collect::<Vec<_>>())
        };
        assert_eq!(
            [
                credit(0, 0),
                credit(1, 0),
                credit(2, 0),
                credit(3, 0),
                credit(30, 0)
            ],
            [0.0, 0.75, 0.875, 1.0, 1.0]
        );
        assert_eq!(credit(0, 5), 0.0);
    }

    #[test]
    fn implied_skills_earn_partial_credit_and_scores_decompose() {
        let lex = Lexicon::builtin();
        let id = |s: &str| lex.find(s).unwrap();
        let text = "[[role]]\nid = \"t\"\nname = \"T\"\n\
            [[role.requirement]]\nskill = \"deep-learning\"\nlevel = \"required\"\nweight = 2\n\
            [[role.requirement]]\nany = [\"tensorflow\", \"pytorch\"]\nlevel = \"required\"\nweight = 2\n\
            [[role.requirement]]\ncategory = \"cloud-ml\"\nmin = 2\nlevel = \"preferred\"\nweight = 1\n";
        let dir = std::env::temp_dir().join(format!("skillscan-score-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("t.toml"), text).unwrap();
        let roles = Roles::load(&lex, None, &dir.join("t.toml")).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        // PyTorch three times, SageMaker once, and a negated Vertex AI.
        let mut ex = doc(&[id("pytorch")], 3);
        ex.matches.push(mention(id("aws-sagemaker"), false));
        ex.matches.push(mention(id("vertex-ai"), true));
        let fit = &fit_all(&lex, &roles, &ex)[0];
        let credits: Vec<f64> = fit.requirements.iter().map(|r| r.credit).collect();
        assert_eq!(credits, [IMPLIED_CREDIT, 1.0, 0.375]);
        assert_eq!(fit.requirements[0].by[0].how, How::Implied(id("pytorch")));
        // (2 × 0.5 + 2 × 1 + 1 × 0.375) / 5 = 0.675
        assert_eq!(fit.score, 67.5);
        // The same input always gives the same fit.
        assert_eq!(fit_all(&lex, &roles, &ex), fit_all(&lex, &roles, &ex));
        // Nothing mentioned: learn deep learning (fundamentals) before TensorFlow (tools).
        let empty = &fit_all(&lex, &roles, &Extraction::default())[0];
        let path: Vec<&str> = learning_path(&lex, &roles.all()[0], empty)
            .iter()
            .map(|s| lex.skill(s.skill).id.as_str())
            .collect();
        assert_eq!(path, ["deep-learning", "tensorflow"]);
    }
}
