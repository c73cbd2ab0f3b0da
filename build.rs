//! Embeds every `lexicon/skills/*.toml` file, so adding a family needs no code change.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("lexicon/skills");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("lexicon/skills exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// Built-in lexicon files: (name, contents), sorted by name.\n");
    out.push_str("pub(crate) static BUILTIN_SKILL_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo::rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let abs = fs::canonicalize(f).unwrap();
        out.push_str(&format!("    ({name:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_lexicon.rs");
    fs::write(dest, out).unwrap();
}
