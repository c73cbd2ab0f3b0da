//! The stable JSON shape of fit results, shared by `--format json`, `jsonl` and `html`.

use serde::Serialize;

use super::json::SkillOut;
use crate::document::Kind;
use crate::experience::{Experience, SalaryBands};
use crate::extract::Extraction;
use crate::lexicon::Lexicon;
use crate::profile::Roles;
use crate::score::{Credit, Fit, How, Step};
use crate::structure::Structure;

/// One document's fit to the role profiles.
#[derive(Debug, Serialize)]
pub struct FitDoc<'a> {
    /// Always [`super::SCHEMA`].
    pub schema: &'static str,
    /// The document: its path, or `-` for standard input.
    pub document: &'a str,
    /// `resume` or `posting`: how the document was read.
    pub kind: &'static str,
    /// Problems reading the document that did not stop it.
    pub warnings: &'a [String],
    /// For a posting, its title (first line) when it names a role; that role comes first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// For a résumé: years of experience from its date ranges, seniority and salary band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<ExperienceOut<'a>>,
    /// Roles, best first: by score for a résumé; for a posting, the titled role and then by
    /// closeness.
    pub fits: Vec<RoleFitOut<'a>>,
    /// For a résumé, what to learn next for the best role, in order.
    pub learning_path: Vec<StepOut<'a>>,
    /// For a posting, the skills it asks for that the best role's profile does not.
    pub outside: Vec<&'a str>,
    /// Every skill found, with its evidence (the same objects as `scan`).
    pub skills: Vec<SkillOut<'a>>,
}

/// Years of experience and what they suggest.
#[derive(Debug, Serialize)]
pub struct ExperienceOut<'a> {
    /// `as_of`, `years`, `months` (work ranges, overlaps counted once) and every date range
    /// found with its `kind` (`work`, `education`, `other`), span and line.
    #[serde(flatten)]
    pub experience: &'a Experience,
    /// `entry`, `mid` or `senior`; `null` when the résumé has no dated job.
    pub seniority: Option<&'static str>,
    /// The typical yearly salary band for that level: a rough public figure, not advice;
    /// `null` when the résumé has no dated job.
    pub salary: Option<SalaryOut<'a>>,
}

/// A salary band with its source.
#[derive(Debug, Serialize)]
pub struct SalaryOut<'a> {
    /// Low end, yearly base pay.
    pub min: u64,
    /// High end.
    pub max: u64,
    /// Pay above `max` is common at this level.
    pub open_top: bool,
    /// ISO 4217 currency.
    pub currency: &'a str,
    /// Where the figure comes from and how rough it is.
    pub source: &'a str,
}

/// A document's fit to one role.
#[derive(Debug, Serialize)]
pub struct RoleFitOut<'a> {
    /// Role id.
    pub role: &'a str,
    /// Role name.
    pub name: &'a str,
    /// 0–100: `100 × Σ weight × credit / Σ weight`, one decimal.
    pub score: f64,
    /// For a posting: the harmonic mean of `score / 100` and the share of the posting's
    /// skills that the role asks for, three decimals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closeness: Option<f64>,
    /// Every requirement, in the profile's order.
    pub requirements: Vec<RequirementOut<'a>>,
    /// Coverage per skill category, in the profile's order of first appearance.
    pub categories: Vec<CategoryOut>,
}

/// One requirement's outcome.
#[derive(Debug, Serialize)]
pub struct RequirementOut<'a> {
    /// What it asks for.
    pub label: &'a str,
    /// `required` or `preferred`.
    pub level: &'static str,
    /// Its weight.
    pub weight: u32,
    /// Credit earned, 0 to 1.
    pub credit: f64,
    /// `met` (by mentioned skills), `partial` (some credit) or `missing`.
    pub status: &'static str,
    /// The skills that earned the credit, best first.
    pub by: Vec<CreditOut<'a>>,
}

/// One skill's contribution to a requirement.
#[derive(Debug, Serialize)]
pub struct CreditOut<'a> {
    /// Skill id (its evidence is under the document's `skills`).
    pub skill: &'a str,
    /// Skill name.
    pub name: &'a str,
    /// Its credit, 0 to 1.
    pub credit: f64,
    /// Mentions that are not negated, when mentioned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<usize>,
    /// When mentioned: whether a mention is in experience (a dated job entry, or an
    /// experience or projects section), which earns more than a skills list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demonstrated: Option<bool>,
    /// In a résumé, the years of the dated job entries that mention it (or name it within a
    /// skill that implies it: "AWS" in "AWS Lambda"), when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<f64>,
    /// The mentioned skill that implies it, when only implied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_by: Option<&'a str>,
}

/// Coverage of one skill category.
#[derive(Debug, Serialize)]
pub struct CategoryOut {
    /// Category.
    pub category: &'static str,
    /// Total requirement weight in the category.
    pub weight: f64,
    /// Earned over total, 0 to 1, three decimals.
    pub coverage: f64,
}

/// One step of a learning path.
#[derive(Debug, Serialize)]
pub struct StepOut<'a> {
    /// Skill id.
    pub skill: &'a str,
    /// Display name.
    pub name: &'a str,
    /// `foundation`, `fundamentals`, `tools` or `advanced`.
    pub tier: &'static str,
    /// Labels of the requirements it helps meet.
    pub requirements: Vec<&'a str>,
}

/// What a [`FitDoc`] is built from.
#[derive(Debug)]
pub struct FitInput<'a> {
    /// The document's name.
    pub document: &'a str,
    /// Its text.
    pub text: &'a str,
    /// Problems reading it.
    pub warnings: &'a [String],
    /// Read as a résumé or as a posting.
    pub kind: Kind,
    /// Its skills.
    pub extraction: &'a Extraction,
    /// Its structure.
    pub structure: &'a Structure,
    /// Its fits, best first (possibly only some roles).
    pub fits: &'a [Fit],
    /// For a posting, each fit's closeness (same order as `fits`); empty for a résumé.
    pub closeness: &'a [f64],
    /// For a posting, its title when the title names a role.
    pub title: Option<&'a str>,
    /// For a résumé, its experience and the salary bands to place it in.
    pub experience: Option<(&'a Experience, &'a SalaryBands)>,
    /// The learning path for the best role (résumés).
    pub path: &'a [Step],
    /// Skills outside the best role (postings).
    pub outside: &'a [crate::SkillIdx],
}

fn credit_out<'a>(lex: &'a Lexicon, structure: &Structure, c: &Credit) -> CreditOut<'a> {
    let (mentions, demonstrated, implied_by) = match c.how {
        How::Mentioned(n) => (Some(n), Some(false), None),
        How::Demonstrated(n) => (Some(n), Some(true), None),
        How::Implied(by) => (None, None, Some(lex.skill(by).id.as_str())),
    };
    CreditOut {
        skill: &lex.skill(c.skill).id,
        name: &lex.skill(c.skill).name,
        credit: c.value,
        mentions,
        demonstrated,
        years: structure.years_of(c.skill).map(|y| y.years()),
        implied_by,
    }
}

impl<'a> FitDoc<'a> {
    /// Builds the output object for one document.
    pub fn new(lex: &'a Lexicon, roles: &'a Roles, input: &FitInput<'a>) -> FitDoc<'a> {
        let fits = input
            .fits
            .iter()
            .enumerate()
            .map(|(i, fit)| {
                let role = &roles.all()[fit.role];
                RoleFitOut {
                    role: &role.id,
                    name: &role.name,
                    score: fit.score,
                    closeness: input.closeness.get(i).copied(),
                    requirements: fit
                        .requirements
                        .iter()
                        .map(|rf| {
                            let req = &role.requirements[rf.index];
                            RequirementOut {
                                label: &req.label,
                                level: req.level.as_str(),
                                weight: rf.weight,
                                credit: rf.credit,
                                status: if rf.met() {
                                    "met"
                                } else if rf.missing() {
                                    "missing"
                                } else {
                                    "partial"
                                },
                                by: rf
                                    .by
                                    .iter()
                                    .map(|c| credit_out(lex, input.structure, c))
                                    .collect(),
                            }
                        })
                        .collect(),
                    categories: fit
                        .by_category(lex, role)
                        .iter()
                        .map(|c| CategoryOut {
                            category: c.category.as_str(),
                            weight: c.weight,
                            coverage: (c.coverage() * 1000.0).round() / 1000.0,
                        })
                        .collect(),
                }
            })
            .collect();
        let learning_path = match input.fits.first() {
            Some(best) => {
                let role = &roles.all()[best.role];
                input
                    .path
                    .iter()
                    .map(|s| {
                        let sk = lex.skill(s.skill);
                        StepOut {
                            skill: &sk.id,
                            name: &sk.name,
                            tier: sk.tier.as_str(),
                            requirements: s
                                .requirements
                                .iter()
                                .map(|&i| role.requirements[i].label.as_str())
                                .collect(),
                        }
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let scan = super::json::ScanDoc::new(
            lex,
            input.document,
            input.text,
            input.warnings,
            input.extraction,
            input.structure,
        );
        FitDoc {
            schema: super::SCHEMA,
            document: input.document,
            kind: input.kind.as_str(),
            warnings: input.warnings,
            title: input.title,
            experience: input.experience.map(|(e, bands)| {
                let band = bands.band_for(e.months);
                let dated = e.work().next().is_some();
                ExperienceOut {
                    experience: e,
                    seniority: dated.then(|| band.seniority.as_str()),
                    salary: dated.then(|| SalaryOut {
                        min: band.salary_min,
                        max: band.salary_max,
                        open_top: band.open_top,
                        currency: bands.currency(),
                        source: bands.source(),
                    }),
                }
            }),
            fits,
            learning_path,
            outside: input
                .outside
                .iter()
                .map(|&s| lex.skill(s).id.as_str())
                .collect(),
            skills: scan.skills,
        }
    }
}
