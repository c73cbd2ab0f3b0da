//! The surface forms each skill contributes to the scanner's tries. Shared with `build.rs`,
//! which precompiles the built-in lexicon's tries with this same code.

use crate::normalize::normalize_form;

/// One folded surface form and how it may match.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Form {
    /// The folded form.
    text: String,
    /// Needs evidence to count.
    ambiguous: bool,
    /// Goes into the case-sensitive trie.
    exact: bool,
    /// A plural `s` may follow it.
    plural_ok: bool,
}

/// Whether a skill's display name is itself a plain form: it is, unless it is one of the
/// ambiguous forms (in any case), which need evidence.
pub(crate) fn name_is_form(name: &str, ambiguous: &[String]) -> bool {
    let name = normalize_form(name);
    !ambiguous
        .iter()
        .any(|f| normalize_form(f).eq_ignore_ascii_case(&name))
}

/// The forms of one skill: the name (unless it is one of the ambiguous forms, in any case),
/// the aliases, then the ambiguous forms. Plain forms come first so that, in the tries, a
/// duplicate ambiguous spelling of the same skill never shadows them.
fn skill_forms(
    name: &str,
    aliases: &[String],
    ambiguous: &[String],
    case_sensitive: bool,
) -> Vec<Form> {
    let plain = name_is_form(name, ambiguous)
        .then_some(name)
        .into_iter()
        .chain(aliases.iter().map(String::as_str))
        .map(|f| {
            let text = normalize_form(f);
            Form {
                plural_ok: text.len() > 1
                    && text
                        .as_bytes()
                        .last()
                        .is_some_and(|b| b.is_ascii_alphabetic()),
                text,
                ambiguous: false,
                exact: false,
            }
        });
    let amb = ambiguous.iter().map(|f| Form {
        text: normalize_form(f),
        ambiguous: true,
        exact: case_sensitive,
        plural_ok: false,
    });
    plain.chain(amb).collect()
}

/// What one skill contributes: its name, aliases, ambiguous forms and their case rule.
pub(crate) struct SkillForms<'a> {
    pub(crate) name: &'a str,
    pub(crate) aliases: &'a [String],
    pub(crate) ambiguous: &'a [String],
    pub(crate) case_sensitive: bool,
}

/// Every skill's forms, split between the case-insensitive (`main`) and case-sensitive
/// (`exact`) tries. Pattern `k` of a trie is described by `*_pats[k]`, packed as
/// `skill index << 2 | ambiguous << 1 | plural_ok`.
#[derive(Default)]
pub(crate) struct Compiled {
    pub(crate) main: Vec<String>,
    pub(crate) main_pats: Vec<u32>,
    pub(crate) exact: Vec<String>,
    pub(crate) exact_pats: Vec<u32>,
}

/// Lists the trie patterns of all skills, in skill order.
pub(crate) fn compile<'a>(skills: impl IntoIterator<Item = SkillForms<'a>>) -> Compiled {
    let mut out = Compiled::default();
    for (i, s) in skills.into_iter().enumerate() {
        for f in skill_forms(s.name, s.aliases, s.ambiguous, s.case_sensitive) {
            let packed = (i as u32) << 2 | (f.ambiguous as u32) << 1 | f.plural_ok as u32;
            let (texts, pats) = if f.exact {
                (&mut out.exact, &mut out.exact_pats)
            } else {
                (&mut out.main, &mut out.main_pats)
            };
            texts.push(f.text);
            pats.push(packed);
        }
    }
    out
}
