//! Role profiles: target jobs made of weighted requirements.
//!
//! The format is specified in `lexicon/roles/README.md`. The built-in profiles are embedded
//! from `lexicon/roles/*.toml`.

use std::collections::HashSet;
use std::path::Path;

use serde::Deserialize;

use crate::document::contains_phrase_with;
use crate::error::{Error, Problem};
use crate::lexicon::{Category, Lexicon, Origin, SkillIdx, read_toml_files};

include!(concat!(env!("OUT_DIR"), "/builtin_roles.rs"));

/// How much a requirement matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// The role needs it.
    Required,
    /// The role is better with it.
    Preferred,
}

impl Level {
    /// `required` or `preferred`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Preferred => "preferred",
        }
    }
}

/// What a requirement asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    /// One skill.
    Skill(SkillIdx),
    /// Any one of several skills ("a deep-learning framework").
    AnyOf(Vec<SkillIdx>),
    /// At least `min` distinct skills of a category ("2 cloud ML services").
    Category {
        /// The category.
        category: Category,
        /// How many distinct skills.
        min: u32,
    },
}

/// One requirement of a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// What the reader sees: the label, or the skill's name.
    pub label: String,
    /// What it asks for.
    pub need: Need,
    /// Required or preferred.
    pub level: Level,
    /// Positive weight.
    pub weight: u32,
}

/// A target job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleProfile {
    /// Stable kebab-case id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the role does.
    pub description: String,
    /// Posting titles that name this role.
    pub titles: Vec<String>,
    /// Related O*NET occupation codes.
    pub onet: Vec<String>,
    /// The requirements, in file order.
    pub requirements: Vec<Requirement>,
    /// Where the profile was defined.
    pub origin: Origin,
    /// Per skill of the lexicon: whether the profile asks for it (see [`RoleProfile::asks_for`]).
    asks: Vec<bool>,
}

impl RoleProfile {
    /// Whether the profile asks for a skill: a requirement names it, a skill it implies, or a
    /// skill that implies it (a broad parent such as "data engineering" belongs to a role
    /// that asks for ETL), or a category minimum covers its category.
    pub fn asks_for(&self, skill: SkillIdx) -> bool {
        self.asks.get(skill.0 as usize).copied().unwrap_or(false)
    }

    fn index_asks(&mut self, lexicon: &Lexicon) {
        let mut named: Vec<SkillIdx> = Vec::new();
        let mut categories: Vec<Category> = Vec::new();
        for r in &self.requirements {
            match &r.need {
                Need::Skill(s) => named.push(*s),
                Need::AnyOf(v) => named.extend(v),
                Need::Category { category, .. } => categories.push(*category),
            }
        }
        let mut asks = vec![false; lexicon.len()];
        for &s in &named {
            asks[s.0 as usize] = true;
            for &p in lexicon.implied_by(s) {
                asks[p.0 as usize] = true;
            }
        }
        for (i, a) in asks.iter_mut().enumerate() {
            let s = SkillIdx(i as u32);
            *a = *a
                || categories.contains(&lexicon.skill(s).category)
                || lexicon.implied_by(s).iter().any(|p| named.contains(p));
        }
        self.asks = asks;
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    role: Vec<RawRole>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: toml::Spanned<String>,
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    onet: Vec<String>,
    #[serde(default)]
    requirement: Vec<RawRequirement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    label: Option<String>,
    skill: Option<String>,
    any: Option<Vec<String>>,
    category: Option<Category>,
    min: Option<u32>,
    level: Level,
    weight: i64,
}

/// The role profiles, validated against a lexicon.
#[derive(Clone, Debug, Default)]
pub struct Roles {
    roles: Vec<RoleProfile>,
    /// Every title alias and name, lowercased, with its role: longest first, then in role
    /// order, so the first whole-word hit in a title is the answer of [`Roles::by_title`].
    titles: Vec<(String, usize)>,
    /// A searcher per entry of `titles`, built once.
    finders: Vec<memchr::memmem::Finder<'static>>,
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset.min(text.len())].matches('\n').count()
}

impl Roles {
    /// The built-in profiles, checked against `lexicon` (normally the built-in lexicon).
    pub fn builtin(lexicon: &Lexicon) -> Result<Roles, Error> {
        let mut problems = Vec::new();
        let mut roles = Vec::new();
        for (file, text) in BUILTIN_ROLE_FILES {
            roles.extend(parse(file, text, lexicon, &mut problems));
        }
        Roles::finish(roles, problems)
    }

    /// Profiles from a file or a directory of `*.toml` files, optionally on top of others
    /// (a profile with an existing id replaces it).
    pub fn load(lexicon: &Lexicon, base: Option<Roles>, path: &Path) -> Result<Roles, Error> {
        let files = read_toml_files(path)?;
        let mut problems = Vec::new();
        let mut roles = base.map(|b| b.roles).unwrap_or_default();
        let mut added = HashSet::new();
        for (file, text) in &files {
            for role in parse(file, text, lexicon, &mut problems) {
                if !added.insert(role.id.clone()) {
                    problems.push(Problem {
                        file: file.clone(),
                        line: role.origin.line,
                        kind: "role",
                        id: Some(role.id.clone()),
                        message: "duplicate id".into(),
                    });
                    continue;
                }
                match roles.iter().position(|r| r.id == role.id) {
                    Some(i) => roles[i] = role,
                    None => roles.push(role),
                }
            }
        }
        Roles::finish(roles, problems)
    }

    fn finish(roles: Vec<RoleProfile>, mut problems: Vec<Problem>) -> Result<Roles, Error> {
        let mut seen = HashSet::new();
        for r in &roles {
            if !seen.insert(r.id.as_str()) {
                problems.push(Problem {
                    file: r.origin.file.clone(),
                    line: r.origin.line,
                    kind: "role",
                    id: Some(r.id.clone()),
                    message: "duplicate id".into(),
                });
            }
        }
        if problems.is_empty() {
            let mut titles: Vec<(String, usize)> = roles
                .iter()
                .enumerate()
                .flat_map(|(i, r)| {
                    r.titles
                        .iter()
                        .chain(std::iter::once(&r.name))
                        .map(move |t| (t.to_lowercase(), i))
                })
                .collect();
            titles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
            let finders = titles
                .iter()
                .map(|(t, _)| memchr::memmem::Finder::new(t.as_bytes()).into_owned())
                .collect();
            Ok(Roles {
                roles,
                titles,
                finders,
            })
        } else {
            Err(Error::Lexicon(problems))
        }
    }

    /// All profiles, in file order.
    pub fn all(&self) -> &[RoleProfile] {
        &self.roles
    }

    /// The role a job title names: the one with the longest title alias (or name) found in
    /// `title` as whole words, ignoring case; ties go to the earlier role.
    pub fn by_title(&self, title: &str) -> Option<usize> {
        let title = title.to_lowercase();
        self.titles
            .iter()
            .zip(&self.finders)
            .find(|(_, f)| contains_phrase_with(&title, f))
            .map(|(&(_, i), _)| i)
    }

    /// A profile by id.
    pub fn find(&self, id: &str) -> Option<&RoleProfile> {
        self.roles.iter().find(|r| r.id == id)
    }
}

/// Parses one file, pushing every problem found; returns the profiles that were valid.
fn parse(
    file: &str,
    text: &str,
    lexicon: &Lexicon,
    problems: &mut Vec<Problem>,
) -> Vec<RoleProfile> {
    let raw: RawFile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            problems.push(Problem {
                file: file.to_string(),
                line: e.span().map_or(0, |s| line_of(text, s.start)),
                kind: "role",
                id: None,
                message: e.message().trim().to_string(),
            });
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for r in raw.role {
        let line = line_of(text, r.id.span().start);
        let id = r.id.into_inner();
        let before = problems.len();
        let mut problem = |message: String| {
            problems.push(Problem {
                file: file.to_string(),
                line,
                kind: "role",
                id: Some(id.clone()),
                message,
            })
        };
        let valid_id = !id.is_empty()
            && id.split('-').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        if !valid_id {
            problem("id must be kebab-case".into());
        }
        let skill = |s: &str, problem: &mut dyn FnMut(String)| {
            let found = lexicon.find(s);
            if found.is_none() {
                problem(format!("requirement names unknown skill '{s}'"));
            }
            found
        };
        let mut requirements = Vec::new();
        for (k, q) in r.requirement.iter().enumerate() {
            let n = k + 1;
            if q.weight <= 0 {
                problem(format!("requirement {n}: weight must be positive"));
            }
            let kinds =
                q.skill.is_some() as u8 + q.any.is_some() as u8 + q.category.is_some() as u8;
            if kinds != 1 {
                problem(format!(
                    "requirement {n}: needs exactly one of `skill`, `any` or `category`"
                ));
                continue;
            }
            if q.min.is_some() && q.category.is_none() {
                problem(format!("requirement {n}: `min` only goes with `category`"));
            }
            let (need, default_label) = if let Some(s) = &q.skill {
                let Some(i) = skill(s, &mut problem) else {
                    continue;
                };
                (Need::Skill(i), lexicon.skill(i).name.clone())
            } else if let Some(list) = &q.any {
                let ids: Vec<SkillIdx> =
                    list.iter().filter_map(|s| skill(s, &mut problem)).collect();
                if list.is_empty() {
                    problem(format!("requirement {n}: `any` is empty"));
                }
                let names: Vec<&str> = ids
                    .iter()
                    .map(|&i| lexicon.skill(i).name.as_str())
                    .collect();
                (Need::AnyOf(ids), names.join(" | "))
            } else {
                let category = q.category.expect("checked above");
                let min = q.min.unwrap_or(1);
                if min == 0 {
                    problem(format!("requirement {n}: `min` must be at least 1"));
                }
                (
                    Need::Category { category, min },
                    format!("{min}+ {category}"),
                )
            };
            requirements.push(Requirement {
                label: q.label.clone().unwrap_or(default_label),
                need,
                level: q.level,
                weight: q.weight.max(0) as u32,
            });
        }
        if requirements.is_empty() {
            problem("a role needs at least one requirement".into());
        }
        if problems.len() == before {
            let mut role = RoleProfile {
                id,
                name: r.name,
                description: r.description,
                titles: r.titles,
                onet: r.onet,
                requirements,
                origin: Origin {
                    file: file.to_string(),
                    line,
                },
                asks: Vec::new(),
            };
            role.index_asks(lexicon);
            out.push(role);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::builtin()
    }

    fn check(text: &str) -> String {
        let mut problems = Vec::new();
        let roles = parse("r.toml", text, &lexicon(), &mut problems);
        match Roles::finish(roles, problems) {
            Ok(r) => format!("ok {}", r.all().len()),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn profiles_parse_and_errors_name_file_line_and_role() {
        let ok = "[[role]]\nid = \"x\"\nname = \"X\"\n[[role.requirement]]\nskill = \"python\"\nlevel = \"required\"\nweight = 3\n[[role.requirement]]\nany = [\"pytorch\", \"tensorflow\"]\nlevel = \"preferred\"\nweight = 1\n[[role.requirement]]\ncategory = \"cloud-ml\"\nmin = 2\nlevel = \"preferred\"\nweight = 1\n";
        assert_eq!(check(ok), "ok 1");
        let cases: &[(&str, &str)] = &[
            (
                "[[role]]\nid = \"x\"\nname = \"X\"\n[[role.requirement]]\nskill = \"nope\"\nlevel = \"required\"\nweight = 3\n",
                "r.toml:2: role 'x': requirement names unknown skill 'nope'",
            ),
            (
                "[[role]]\nid = \"x\"\nname = \"X\"\n[[role.requirement]]\nskill = \"python\"\nlevel = \"required\"\nweight = 0\n",
                "r.toml:2: role 'x': requirement 1: weight must be positive",
            ),
            (
                "[[role]]\nid = \"x\"\nname = \"X\"\n[[role.requirement]]\nskill = \"python\"\nany = [\"sql\"]\nlevel = \"required\"\nweight = 1\n",
                "r.toml:2: role 'x': requirement 1: needs exactly one of",
            ),
            (
                "[[role]]\nid = \"x\"\nname = \"X\"\n[[role.requirement]]\nskill = \"python\"\nlevel = \"must\"\nweight = 1\n",
                "r.toml:6: unknown variant `must`",
            ),
            (
                "[[role]]\nid = \"Bad Id\"\nname = \"X\"\n",
                "r.toml:2: role 'Bad Id': id must be kebab-case",
            ),
        ];
        for (text, want) in cases {
            let got = check(text);
            assert!(got.contains(want), "got: {got}\nwant: {want}");
        }
    }
}
