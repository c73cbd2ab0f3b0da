//! The surface forms one skill contributes to the tries. Shared with `build.rs`, which
//! precompiles the built-in lexicon's tries with this same code.

use crate::normalize::normalize_form;

/// One folded surface form and how it may match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Form {
    /// The folded form.
    pub(crate) text: String,
    /// Needs evidence to count.
    pub(crate) ambiguous: bool,
    /// Goes into the case-sensitive trie.
    pub(crate) exact: bool,
    /// A plural `s` may follow it.
    pub(crate) plural_ok: bool,
}

/// The forms of one skill: the name (unless it is one of the ambiguous forms, in any case),
/// the aliases, then the ambiguous forms. Plain forms come first so that, in the tries, a
/// duplicate ambiguous spelling of the same skill never shadows them.
pub(crate) fn skill_forms(
    name: &str,
    aliases: &[String],
    ambiguous: &[String],
    case_sensitive: bool,
) -> Vec<Form> {
    let folded_name = normalize_form(name);
    let amb: Vec<String> = ambiguous.iter().map(|f| normalize_form(f)).collect();
    let name_is_form = !amb.iter().any(|f| f.eq_ignore_ascii_case(&folded_name));
    let plain = name_is_form
        .then_some(folded_name)
        .into_iter()
        .chain(aliases.iter().map(|a| normalize_form(a)))
        .map(|text| Form {
            plural_ok: text.len() > 1
                && text
                    .as_bytes()
                    .last()
                    .is_some_and(|b| b.is_ascii_alphabetic()),
            text,
            ambiguous: false,
            exact: false,
        });
    let amb = amb.into_iter().map(|text| Form {
        text,
        ambiguous: true,
        exact: case_sensitive,
        plural_ok: false,
    });
    plain.chain(amb).collect()
}
