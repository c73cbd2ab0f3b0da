//! Compiles `lexicon/skills/*.toml` into one JSON document embedded in the library.
//!
//! Parsing TOML at start-up costs tens of milliseconds for the built-in lexicon; JSON parses
//! several times faster, and a TOML syntax error becomes a build error. Full validation of the
//! data runs in the unit tests (`lexicon::tests`).
use std::{env, fs, path::Path};

// The crate's own folding, trie, word-filter and form-listing code, so the precompiled tries
// and filter are exactly what `Scanner::new` would build at run time (a unit test compares
// them byte for byte).
#[allow(dead_code)]
#[path = "src/scan/filter.rs"]
mod filter;
#[allow(dead_code)]
#[path = "src/lexicon/forms.rs"]
mod forms;
#[allow(dead_code)]
#[path = "src/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/scan/trie.rs"]
mod trie;

/// The scanner's word-character test, which `trie.rs` uses from its parent module.
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn main() {
    let dir = Path::new("lexicon/skills");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("lexicon/skills exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut skills = Vec::new();
    for f in &files {
        println!("cargo::rerun-if-changed={}", f.display());
        let name = format!(
            "lexicon/skills/{}",
            f.file_name().unwrap().to_string_lossy()
        );
        let text = fs::read_to_string(f).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let Some(toml::Value::Array(list)) = table.get("skill") else {
            panic!("{name}: no [[skill]] entries")
        };
        // The line of each skill is the line of its `id = "..."`, searched in order.
        let mut from = 0;
        for entry in list {
            let mut v = serde_json::to_value(entry).unwrap();
            let id = v
                .get("id")
                .and_then(|i| i.as_str())
                .unwrap_or_else(|| panic!("{name}: skill without id"))
                .to_string();
            let at = text[from..]
                .find(&format!("id = \"{id}\""))
                .map(|i| from + i)
                .unwrap_or(from);
            from = at;
            let line = 1 + text[..at].matches('\n').count();
            v.as_object_mut().unwrap().insert(
                "origin".into(),
                serde_json::json!({ "file": name, "line": line }),
            );
            skills.push(v);
        }
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    fs::write(
        out.join("builtin_lexicon.json"),
        serde_json::to_string(&skills).unwrap(),
    )
    .unwrap();

    // Precompile the tries, with the patterns packed as `forms::compile` packs them.
    let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
        v.and_then(|v| v.as_array()).map_or(Vec::new(), |a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
    };
    let skill_strings: Vec<_> = skills
        .iter()
        .map(|s| {
            let amb = s.get("ambiguous");
            (
                s["name"].as_str().unwrap_or_default(),
                strings(s.get("aliases")),
                strings(amb.and_then(|a| a.get("forms"))),
                amb.and_then(|a| a.get("case_sensitive"))
                    .and_then(|c| c.as_bool())
                    .unwrap_or(false),
            )
        })
        .collect();
    let forms::Compiled {
        main,
        main_pats,
        exact,
        exact_pats,
    } = forms::compile(
        skill_strings.iter().map(
            |(name, aliases, ambiguous, case_sensitive)| forms::SkillForms {
                name,
                aliases,
                ambiguous,
                case_sensitive: *case_sensitive,
            },
        ),
    );
    let (main_trie, exact_trie) = (trie::Trie::new(&main, true), trie::Trie::new(&exact, false));
    fs::write(out.join("builtin_main.trie"), main_trie.to_bytes()).unwrap();
    fs::write(out.join("builtin_exact.trie"), exact_trie.to_bytes()).unwrap();
    fs::write(
        out.join("builtin_filter.bin"),
        filter::WordFilter::new(&[&main_trie, &exact_trie]).to_bytes(),
    )
    .unwrap();
    let mut pats = (main_pats.len() as u32).to_le_bytes().to_vec();
    for w in main_pats.iter().chain(&exact_pats) {
        pats.extend_from_slice(&w.to_le_bytes());
    }
    fs::write(out.join("builtin_patterns.bin"), pats).unwrap();
    // Role profiles are small; they are embedded as TOML and parsed when `fit` needs them.
    let roles = Path::new("lexicon/roles");
    println!("cargo::rerun-if-changed={}", roles.display());
    let mut role_files: Vec<_> = fs::read_dir(roles)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    role_files.sort();
    let mut src = String::from(
        "/// Built-in role profile files: (path, contents), sorted by name.\npub(crate) static BUILTIN_ROLE_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &role_files {
        println!("cargo::rerun-if-changed={}", f.display());
        let abs = fs::canonicalize(f).unwrap();
        src.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("lexicon/roles/{}", f.file_name().unwrap().to_string_lossy()),
            abs.display().to_string()
        ));
    }
    src.push_str("];\n");
    fs::write(out.join("builtin_roles.rs"), src).unwrap();
    println!("cargo::rerun-if-changed=src/normalize.rs");
    println!("cargo::rerun-if-changed=src/lexicon/forms.rs");
    println!("cargo::rerun-if-changed=src/scan/trie.rs");
    println!("cargo::rerun-if-changed=src/scan/filter.rs");
}
