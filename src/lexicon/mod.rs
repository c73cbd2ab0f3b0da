//! The skill lexicon: skills, their surface forms and the rules that disambiguate them.
//!
//! The format is specified in `lexicon/README.md`. The built-in lexicon is embedded at build
//! time from `lexicon/skills/*.toml`; users can replace or extend it with their own files.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem};

pub(crate) mod forms;
use crate::normalize::normalize_form;

/// The built-in lexicon, compiled from `lexicon/skills/*.toml` to JSON by `build.rs`.
static BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_lexicon.json"));

/// Skill ids longer than this are rejected; ids are keys, not prose.
const MAX_ID_LEN: usize = 80;
/// Surface forms longer than this are rejected; they would never match real text.
const MAX_FORM_LEN: usize = 120;
/// Caps the size of a user lexicon, which is untrusted input.
const MAX_SKILLS: usize = 100_000;

/// A group of skills, used for reporting and for category minimums in role profiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Category {
    ProgrammingLanguage,
    SoftwareEngineering,
    Database,
    DataEngineering,
    BigData,
    Cloud,
    CloudMl,
    Devops,
    Mlops,
    MachineLearning,
    MlAlgorithm,
    DeepLearning,
    Nlp,
    ComputerVision,
    GenerativeAi,
    ReinforcementLearning,
    MlFramework,
    DataLibrary,
    Visualization,
    BiAnalytics,
    Mathematics,
    Statistics,
    ResponsibleAi,
    Business,
    SoftSkill,
    Certification,
}

impl Category {
    /// Every category, in declaration order.
    pub const ALL: [Category; 26] = [
        Category::ProgrammingLanguage,
        Category::SoftwareEngineering,
        Category::Database,
        Category::DataEngineering,
        Category::BigData,
        Category::Cloud,
        Category::CloudMl,
        Category::Devops,
        Category::Mlops,
        Category::MachineLearning,
        Category::MlAlgorithm,
        Category::DeepLearning,
        Category::Nlp,
        Category::ComputerVision,
        Category::GenerativeAi,
        Category::ReinforcementLearning,
        Category::MlFramework,
        Category::DataLibrary,
        Category::Visualization,
        Category::BiAnalytics,
        Category::Mathematics,
        Category::Statistics,
        Category::ResponsibleAi,
        Category::Business,
        Category::SoftSkill,
        Category::Certification,
    ];

    /// The kebab-case name used in TOML, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::ProgrammingLanguage => "programming-language",
            Category::SoftwareEngineering => "software-engineering",
            Category::Database => "database",
            Category::DataEngineering => "data-engineering",
            Category::BigData => "big-data",
            Category::Cloud => "cloud",
            Category::CloudMl => "cloud-ml",
            Category::Devops => "devops",
            Category::Mlops => "mlops",
            Category::MachineLearning => "machine-learning",
            Category::MlAlgorithm => "ml-algorithm",
            Category::DeepLearning => "deep-learning",
            Category::Nlp => "nlp",
            Category::ComputerVision => "computer-vision",
            Category::GenerativeAi => "generative-ai",
            Category::ReinforcementLearning => "reinforcement-learning",
            Category::MlFramework => "ml-framework",
            Category::DataLibrary => "data-library",
            Category::Visualization => "visualization",
            Category::BiAnalytics => "bi-analytics",
            Category::Mathematics => "mathematics",
            Category::Statistics => "statistics",
            Category::ResponsibleAi => "responsible-ai",
            Category::Business => "business",
            Category::SoftSkill => "soft-skill",
            Category::Certification => "certification",
        }
    }

    /// Whether skills of this category are knowledge (technologies, fields, methods) rather
    /// than abilities or credentials. Evaluation against knowledge annotations uses this.
    pub fn is_knowledge(self) -> bool {
        !matches!(self, Category::SoftSkill | Category::Certification)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a skill sits on a learning path, from first to last learned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    /// Languages, mathematics and other prerequisites.
    Foundation,
    /// Core concepts of the field.
    Fundamentals,
    /// Frameworks, platforms and services.
    Tools,
    /// Specialised or research-level methods.
    Advanced,
}

impl Tier {
    /// The kebab-case name used in TOML and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Foundation => "foundation",
            Tier::Fundamentals => "fundamentals",
            Tier::Tools => "tools",
            Tier::Advanced => "advanced",
        }
    }
}

/// Rules for surface forms that are also ordinary words, letters or employer names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ambiguous {
    /// The ambiguous surface forms.
    pub forms: Vec<String>,
    /// Whether the forms match only in exactly the case written.
    #[serde(default, skip_serializing_if = "is_false")]
    pub case_sensitive: bool,
    /// Words or phrases that count as evidence within `window` words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<String>,
    /// How many words either side are searched for `near`.
    #[serde(default = "default_window")]
    pub window: u32,
    /// Whether a list of other skills around the match counts as evidence.
    #[serde(default = "default_true")]
    pub list_ok: bool,
    /// Exception phrases containing a form; a match inside one is vetoed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_in: Vec<String>,
}

fn default_window() -> u32 {
    8
}
fn default_true() -> bool {
    true
}
fn is_false(b: &bool) -> bool {
    !*b
}

/// One skill of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// Stable kebab-case id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The skill's category.
    pub category: Category,
    /// The skill's learning tier.
    pub tier: Tier,
    /// Unambiguous surface forms besides the name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Ids of parent skills that a mention implies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implies: Vec<String>,
    /// O*NET Technology Skills example this skill maps to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onet: Option<String>,
    /// ESCO preferred label this skill maps to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esco: Option<String>,
    /// Stack Overflow tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub so_tag: Option<String>,
    /// Rules for ambiguous surface forms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambiguous: Option<Ambiguous>,
    /// Where the skill was defined.
    #[serde(default, skip_serializing)]
    pub origin: Origin,
}

impl Skill {
    /// Whether the display name is itself an unambiguous surface form.
    pub fn name_is_form(&self) -> bool {
        forms::name_is_form(
            &self.name,
            self.ambiguous.as_ref().map_or(&[], |a| &a.forms),
        )
    }

    /// This skill's input to the scanner's tries.
    pub(crate) fn forms(&self) -> forms::SkillForms<'_> {
        let (ambiguous, case_sensitive): (&[String], bool) = self
            .ambiguous
            .as_ref()
            .map_or((&[], false), |a| (&a.forms, a.case_sensitive));
        forms::SkillForms {
            name: &self.name,
            aliases: &self.aliases,
            ambiguous,
            case_sensitive,
        }
    }

    /// The unambiguous surface forms: the name (unless ambiguous) and the aliases.
    pub fn plain_forms(&self) -> impl Iterator<Item = &str> {
        let name = self.name_is_form().then_some(self.name.as_str());
        name.into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// The file and line a skill was defined on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Origin {
    /// File name or path, as given.
    pub file: String,
    /// One-based line of the skill's `id`.
    pub line: usize,
}

/// An index into [`Lexicon::skills`]. Stable for one lexicon value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SkillIdx(pub u32);

/// All skills plus their rules, validated.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    skills: Vec<Skill>,
    by_id: HashMap<String, SkillIdx>,
    /// The closure of each skill's `implies`, computed once: scoring asks for it per document.
    /// Skill `i`'s closure is `implied[implied_at[i]..implied_at[i + 1]]` (one array, so that
    /// scoring reads neighbouring memory).
    implied: Vec<SkillIdx>,
    implied_at: Vec<u32>,
    /// Each skill's category, one byte per skill (scoring reads it per credited skill).
    categories: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    skill: Vec<RawSkill>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    id: toml::Spanned<String>,
    name: String,
    category: Category,
    tier: Tier,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    implies: Vec<String>,
    onet: Option<String>,
    esco: Option<String>,
    so_tag: Option<String>,
    ambiguous: Option<Ambiguous>,
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count()
}

/// Parses one lexicon file into skills, without cross-file validation.
fn parse_file(file: &str, text: &str) -> Result<Vec<Skill>, Error> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(text, s.start));
        Error::Lexicon(vec![Problem {
            kind: "skill",
            file: file.to_string(),
            line,
            id: None,
            message: e.message().trim().to_string(),
        }])
    })?;
    Ok(raw
        .skill
        .into_iter()
        .map(|r| {
            let line = line_of(text, r.id.span().start);
            Skill {
                id: r.id.into_inner(),
                name: r.name,
                category: r.category,
                tier: r.tier,
                aliases: r.aliases,
                implies: r.implies,
                onet: r.onet,
                esco: r.esco,
                so_tag: r.so_tag,
                ambiguous: r.ambiguous,
                origin: Origin {
                    file: file.to_string(),
                    line,
                },
            }
        })
        .collect())
}

/// The skills `idx` implies, directly or through others, excluding itself: depth first,
/// following each skill's `implies` in order.
fn closure(direct: &[Vec<SkillIdx>], idx: SkillIdx) -> Vec<SkillIdx> {
    let mut out: Vec<SkillIdx> = Vec::new();
    let mut queue = vec![idx];
    while let Some(cur) = queue.pop() {
        for &p in &direct[cur.0 as usize] {
            if p != idx && !out.contains(&p) {
                out.push(p);
                queue.push(p);
            }
        }
    }
    out
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    ///
    /// Its data was checked when it was built (`build.rs` and the unit tests), so this only
    /// parses about half a megabyte of JSON: a millisecond or two.
    pub fn builtin() -> Lexicon {
        let skills: Vec<Skill> =
            serde_json::from_str(BUILTIN_JSON).expect("build.rs writes valid JSON");
        Lexicon::from_valid(skills)
    }

    fn from_valid(skills: Vec<Skill>) -> Lexicon {
        let by_id = skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), SkillIdx(i as u32)))
            .collect();
        let mut lexicon = Lexicon {
            skills,
            by_id,
            implied: Vec::new(),
            implied_at: vec![0],
            categories: Vec::new(),
        };
        // Resolve each `implies` id once, then walk indices: this runs at every start-up.
        let direct: Vec<Vec<SkillIdx>> = lexicon
            .skills
            .iter()
            .map(|s| s.implies.iter().filter_map(|p| lexicon.find(p)).collect())
            .collect();
        for i in 0..direct.len() {
            lexicon.implied.extend(closure(&direct, SkillIdx(i as u32)));
            lexicon.implied_at.push(lexicon.implied.len() as u32);
        }
        lexicon.categories = lexicon.skills.iter().map(|s| s.category).collect();
        lexicon
    }

    /// All skills, in definition order.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skill at an index.
    pub fn skill(&self, idx: SkillIdx) -> &Skill {
        &self.skills[idx.0 as usize]
    }

    /// Looks up a skill by id.
    pub fn find(&self, id: &str) -> Option<SkillIdx> {
        self.by_id.get(id).copied()
    }

    /// Number of skills.
    pub fn len(&self) -> usize {
        self.skills.len()
    }

    /// Whether the lexicon has no skills.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// Counts surface forms written in the lexicon (names and aliases, ambiguous forms
    /// included).
    pub fn form_count(&self) -> usize {
        self.skills
            .iter()
            .map(|s| s.plain_forms().count() + s.ambiguous.as_ref().map_or(0, |a| a.forms.len()))
            .sum()
    }

    /// The transitive closure of the skills implied by `idx`, excluding `idx` itself, in a
    /// deterministic order (depth first, following each skill's `implies` in order).
    pub fn implied_by(&self, idx: SkillIdx) -> &[SkillIdx] {
        let i = idx.0 as usize;
        &self.implied[self.implied_at[i] as usize..self.implied_at[i + 1] as usize]
    }

    /// The category of the skill at an index (the same as `skill(idx).category`, from a
    /// compact table).
    pub fn category(&self, idx: SkillIdx) -> Category {
        self.categories[idx.0 as usize]
    }

    /// Writes the lexicon back out in the TOML format it is read from.
    pub fn to_toml(&self) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            skill: &'a [Skill],
        }
        toml::to_string(&Out {
            skill: &self.skills,
        })
        .expect("a lexicon always serializes")
    }
}

/// Builds a [`Lexicon`] from files, replacing or extending skills, then validates it.
#[derive(Debug, Default)]
pub struct LexiconBuilder {
    skills: Vec<Skill>,
    problems: Vec<Problem>,
    /// Ids defined by added files (not the built-in set), with where: two added files may
    /// not define the same id, though either may override a built-in skill.
    added: HashMap<String, Origin>,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// A builder holding the built-in skills, for extending.
    pub fn from_builtin() -> LexiconBuilder {
        LexiconBuilder {
            skills: Lexicon::builtin().skills,
            ..LexiconBuilder::default()
        }
    }

    /// Adds the skills of one TOML document. A skill whose id already exists replaces the
    /// earlier definition, so a user file can override a built-in skill.
    ///
    /// Problems in the file, its syntax included, are kept and all reported by
    /// [`LexiconBuilder::build`], so one run shows every problem in every file.
    pub fn add_str(&mut self, file: &str, text: &str) -> Result<&mut Self, Error> {
        let parsed = match parse_file(file, text) {
            Ok(skills) => skills,
            Err(Error::Lexicon(problems)) => {
                self.problems.extend(problems);
                return Ok(self);
            }
            Err(e) => return Err(e),
        };
        for skill in parsed {
            if let Some(first) = self.added.get(&skill.id) {
                let message = if first.file == skill.origin.file {
                    "duplicate id in the same file".to_string()
                } else {
                    format!(
                        "duplicate id (also defined at {}:{})",
                        first.file, first.line
                    )
                };
                self.problems.push(Problem {
                    kind: "skill",
                    file: skill.origin.file.clone(),
                    line: skill.origin.line,
                    id: Some(skill.id.clone()),
                    message,
                });
                continue;
            }
            self.added.insert(skill.id.clone(), skill.origin.clone());
            match self.skills.iter().position(|s| s.id == skill.id) {
                Some(i) => self.skills[i] = skill,
                None => self.skills.push(skill),
            }
        }
        if self.skills.len() > MAX_SKILLS {
            return Err(Error::Lexicon(vec![Problem {
                kind: "skill",
                file: file.to_string(),
                line: 0,
                id: None,
                message: format!("more than {MAX_SKILLS} skills"),
            }]));
        }
        Ok(self)
    }

    /// Adds a file, or every `*.toml` file in a directory (sorted by name).
    pub fn add_path(&mut self, path: &Path) -> Result<&mut Self, Error> {
        for (file, text) in read_toml_files(path)? {
            self.add_str(&file, &text)?;
        }
        Ok(self)
    }

    /// Validates and returns the lexicon, or every problem found.
    pub fn build(self) -> Result<Lexicon, Error> {
        let mut problems = self.problems;
        problems.extend(validate(&self.skills));
        if !problems.is_empty() {
            return Err(Error::Lexicon(problems));
        }
        Ok(Lexicon::from_valid(self.skills))
    }
}

/// Reads a TOML file, or every `*.toml` file in a directory sorted by name, as (path, text).
/// Errors name the file that could not be read.
pub(crate) fn read_toml_files(path: &Path) -> Result<Vec<(String, String)>, Error> {
    let io = |p: &Path| {
        let p = p.display().to_string();
        move |source| Error::Io { path: p, source }
    };
    let paths = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .map_err(io(path))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    paths
        .into_iter()
        .map(|p| {
            Ok((
                p.display().to_string(),
                std::fs::read_to_string(&p).map_err(io(&p))?,
            ))
        })
        .collect()
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Checks the whole set of skills. Returns every problem, in file order.
fn validate(skills: &[Skill]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problem = |s: &Skill, message: String| Problem {
        kind: "skill",
        file: s.origin.file.clone(),
        line: s.origin.line,
        id: Some(s.id.clone()),
        message,
    };
    let ids: HashMap<&str, &Skill> = skills.iter().map(|s| (s.id.as_str(), s)).collect();
    // A form may belong to one skill only. Case-sensitive forms are keyed with their case so
    // `R` (the language) and an `r` alias elsewhere can be told apart by the author.
    let mut owner: HashMap<String, &Skill> = HashMap::new();
    for s in skills {
        if !is_kebab(&s.id) {
            problems.push(problem(
                s,
                "id must be kebab-case: lowercase letters, digits and single hyphens".into(),
            ));
        }
        if s.name.trim().is_empty() {
            problems.push(problem(s, "name is empty".into()));
        }
        let mut forms: Vec<(String, bool)> =
            s.plain_forms().map(|f| (f.to_string(), false)).collect();
        if let Some(a) = &s.ambiguous {
            if a.forms.is_empty() {
                problems.push(problem(s, "ambiguous.forms is empty".into()));
            }
            if a.window == 0 || a.window > 50 {
                problems.push(problem(
                    s,
                    "ambiguous.window must be between 1 and 50".into(),
                ));
            }
            forms.extend(a.forms.iter().map(|f| (f.clone(), a.case_sensitive)));
            for phrase in &a.not_in {
                let p = normalize_form(phrase).to_ascii_lowercase();
                if !a
                    .forms
                    .iter()
                    .any(|f| p.contains(&normalize_form(f).to_ascii_lowercase()))
                {
                    problems.push(problem(
                        s,
                        format!("not_in phrase {phrase:?} contains none of the ambiguous forms"),
                    ));
                }
            }
            for w in &a.near {
                if normalize_form(w).is_empty() {
                    problems.push(problem(
                        s,
                        format!("near word {w:?} is empty after normalisation"),
                    ));
                }
            }
        }
        let mut own = std::collections::HashSet::new();
        for (form, case_sensitive) in forms {
            if form.len() > MAX_FORM_LEN {
                problems.push(problem(
                    s,
                    format!("form {form:?} is longer than {MAX_FORM_LEN} bytes"),
                ));
                continue;
            }
            let n = normalize_form(&form);
            if n.is_empty() {
                problems.push(problem(
                    s,
                    format!("form {form:?} is empty after normalisation"),
                ));
                continue;
            }
            let key = if case_sensitive {
                n
            } else {
                n.to_ascii_lowercase()
            };
            if !own.insert(key.clone()) {
                problems.push(problem(s, format!("form {form:?} is listed twice")));
                continue;
            }
            if let Some(other) = owner.get(&key) {
                problems.push(problem(
                    s,
                    format!(
                        "form {form:?} also belongs to skill '{}' ({}:{})",
                        other.id, other.origin.file, other.origin.line
                    ),
                ));
            } else {
                owner.insert(key, s);
            }
        }
        for p in &s.implies {
            if p == &s.id {
                problems.push(problem(s, "implies itself".into()));
            } else if !ids.contains_key(p.as_str()) {
                problems.push(problem(s, format!("implies unknown skill '{p}'")));
            }
        }
    }
    let mut seen: HashMap<&str, &Skill> = HashMap::new();
    for s in skills {
        if let Some(first) = seen.insert(&s.id, s) {
            problems.push(problem(
                s,
                format!(
                    "duplicate id (first defined at {}:{})",
                    first.origin.file, first.origin.line
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_is_valid_and_large_enough() {
        let b = LexiconBuilder::from_builtin();
        let lex = match b.build() {
            Ok(l) => l,
            Err(e) => panic!("built-in lexicon is invalid:\n{e}"),
        };
        assert!(lex.len() >= 700, "only {} skills", lex.len());
        assert!(lex.form_count() >= 2000, "only {} forms", lex.form_count());
    }

    #[test]
    fn builtin_has_the_skills_the_literature_names() {
        let lex = Lexicon::builtin();
        for id in [
            "python",
            "r",
            "sql",
            "cpp",
            "tensorflow",
            "pytorch",
            "keras",
            "scikit-learn",
            "pandas",
            "numpy",
            "matplotlib",
            "opencv",
            "cnn",
            "rnn",
            "nltk",
            "spacy",
            "transformers",
            "bert",
            "gpt",
            "docker",
            "kubernetes",
            "ci-cd",
            "mlflow",
            "aws-sagemaker",
            "vertex-ai",
            "azure-ml",
            "hadoop",
            "spark",
            "linear-algebra",
            "calculus",
            "probability",
            "statistics",
            "data-structures-algorithms",
            "gans",
            "diffusion-models",
            "explainable-ai",
            "federated-learning",
            "edge-ai",
            "ai-ethics",
            "problem-solving",
            "collaboration",
            "business-acumen",
            "tensorflow-developer-certificate",
            "aws-certified-ml-specialty",
        ] {
            assert!(lex.find(id).is_some(), "missing skill {id}");
        }
    }

    #[test]
    fn dump_round_trips() {
        let lex = Lexicon::builtin();
        let text = lex.to_toml();
        let mut b = LexiconBuilder::new();
        b.add_str("dump.toml", &text).unwrap();
        let again = b.build().unwrap();
        assert_eq!(again.len(), lex.len());
        for (a, b) in lex.skills().iter().zip(again.skills()) {
            // Everything but where the skill was defined.
            let b = Skill {
                origin: a.origin.clone(),
                ..b.clone()
            };
            assert_eq!(a, &b);
        }
    }

    fn check(text: &str) -> String {
        let mut b = LexiconBuilder::new();
        if let Err(e) = b.add_str("u.toml", text) {
            return e.to_string();
        }
        match b.build() {
            Ok(_) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn user_errors_name_file_line_and_id() {
        let base =
            "[[skill]]\nid = \"a\"\nname = \"Alpha\"\ncategory = \"database\"\ntier = \"tools\"\n";
        assert_eq!(check(base), "ok");
        let cases: &[(&str, &str)] = &[
            (
                "[[skill]]\nid = \"Bad_Id\"\nname = \"B\"\ncategory = \"database\"\ntier = \"tools\"\n",
                "u.toml:8: skill 'Bad_Id': id must be kebab-case",
            ),
            (
                "[[skill]]\nid = \"b\"\nname = \"Beta\"\ncategory = \"nope\"\ntier = \"tools\"\n",
                "u.toml:10: unknown variant `nope`",
            ),
            (
                "[[skill]]\nid = \"b\"\nname = \"Alpha\"\ncategory = \"database\"\ntier = \"tools\"\n",
                "u.toml:8: skill 'b': form \"Alpha\" also belongs to skill 'a' (u.toml:2)",
            ),
            (
                "[[skill]]\nid = \"b\"\nname = \"Beta\"\ncategory = \"database\"\ntier = \"tools\"\nimplies = [\"zzz\"]\n",
                "u.toml:8: skill 'b': implies unknown skill 'zzz'",
            ),
            (
                "[[skill]]\nid = \"b\"\nname = \"Beta\"\ncategory = \"database\"\ntier = \"tools\"\n[skill.ambiguous]\nforms = [\"Beta\"]\nnot_in = [\"gamma ray\"]\n",
                "u.toml:8: skill 'b': not_in phrase \"gamma ray\" contains none",
            ),
            (
                "[[skill]]\nid = \"b\"\nname = \"Beta\"\ncategory = \"database\"\ntier = \"tools\"\ncolour = 1\n",
                "u.toml:12: unknown field `colour`",
            ),
        ];
        for (extra, want) in cases {
            let got = check(&format!("{base}\n{extra}"));
            assert!(
                got.contains(want),
                "for {extra:?}\n got: {got}\nwant: {want}"
            );
        }
    }

    #[test]
    fn implied_closure_is_transitive() {
        let text = "[[skill]]\nid = \"a\"\nname = \"A1\"\ncategory = \"database\"\ntier = \"tools\"\nimplies = [\"b\"]\n\
                    [[skill]]\nid = \"b\"\nname = \"B1\"\ncategory = \"database\"\ntier = \"tools\"\nimplies = [\"c\"]\n\
                    [[skill]]\nid = \"c\"\nname = \"C1\"\ncategory = \"database\"\ntier = \"tools\"\nimplies = [\"a\"]\n";
        let mut b = LexiconBuilder::new();
        b.add_str("x", text).unwrap();
        let lex = b.build().unwrap();
        let ids: Vec<_> = lex
            .implied_by(SkillIdx(0))
            .iter()
            .map(|&i| lex.skill(i).id.clone())
            .collect();
        assert_eq!(ids, ["b", "c"]);
    }
}
