//! Table-driven matching tests: one line per case, grouped by rule. The fixture lexicon below
//! is small and fixed so these tests pin the rules, not the built-in data.

use super::*;
use crate::lexicon::LexiconBuilder;

const FIXTURE: &str = include_str!("../../tests/fixtures/lexicon.toml");

fn scanner() -> Scanner {
    let mut b = LexiconBuilder::new();
    b.add_str("fixture.toml", FIXTURE).unwrap();
    Scanner::new(b.build().unwrap())
}

/// The ids found, in order, with `!` after negated ones.
fn found(s: &Scanner, text: &str) -> String {
    s.scan(text)
        .iter()
        .map(|m| {
            format!(
                "{}{}",
                s.lexicon().skill(m.skill).id,
                if m.negated { "!" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn run(cases: &[(&str, &str)]) {
    let s = scanner();
    crate::testing::check_cases(cases, |text| found(&s, text));
}

#[test]
fn unicode_and_case() {
    run(&[
        ("PYTHON and python and PyThOn", "python python python"),
        ("Ｐｙｔｈｏｎ developer", "python"),
        ("Naïve Bayes classifier", "naive-bayes"),
        ("NAIVE BAYES", "naive-bayes"),
        ("time\u{00A0}series", "time-series"),
        ("\u{201C}Python\u{201D}", "python"),
        ("pre\u{2011}trained models", "pretrained-models"),
    ]);
}

#[test]
fn symbols_inside_names() {
    run(&[
        ("C++ and C# on .NET", "cpp csharp dotnet"),
        ("Node.js services", "nodejs"),
        ("CI/CD pipelines", "ci-cd"),
        ("A/B testing at scale", "ab-testing"),
        (
            "scikit-learn, scikit learn, sklearn, scikit_learn",
            "scikit-learn scikit-learn scikit-learn scikit-learn",
        ),
        ("C/C++ firmware", "c cpp"),
    ]);
}

#[test]
fn word_boundaries() {
    run(&[
        ("Java and JavaScript", "java javascript"),
        ("javadoc and javac", ""),
        ("rustic charm", ""),
        ("Pythonic code", ""),
        ("JS and JSON", "javascript"),
        ("machine learning engineering team", "ml-engineering"),
        ("machine learning", "machine-learning"),
        ("Python3 and Java8", "python java"),
        ("email me about sqlite", ""),
    ]);
}

#[test]
fn plurals_and_possessives() {
    run(&[
        ("CNNs and LLMs", "cnn llm"),
        ("Terraform's state", "terraform"),
        ("Terraform\u{2019}s state", "terraform"),
        ("Javas", "java"),
        ("Sparks, Nevada", ""),
    ]);
}

#[test]
fn hyphen_space_or_joined() {
    run(&[
        ("time series", "time-series"),
        ("time-series", "time-series"),
        ("timeseries", "time-series"),
        ("pre-trained models", "pretrained-models"),
        ("pretrained models", "pretrained-models"),
        ("scikitlearn", "scikit-learn"),
    ]);
}

#[test]
fn run_together_text() {
    run(&[
        ("demandPython", "python"),
        ("Qualifications2+ years of SQL", "sql"),
        ("experienceJavaScript", "javascript"),
        ("skillsTerraform, Python", "terraform python"),
    ]);
}

#[test]
fn ambiguous_names_need_evidence() {
    run(&[
        ("Python, R, SQL", "python r sql"),
        ("R and Python", "r python"),
        ("statistics in R", "r"),
        ("R programming", "r"),
        ("our R&D team", ""),
        ("R & D budget", ""),
        ("Grade r", ""),
        ("John R. Smith", ""),
        ("C-level executives, Python", "python"),
        ("C-suite", ""),
        ("embedded C", "c"),
        ("Go to the office", ""),
        ("Go, Python", "go python"),
        ("backend services in Go", "go"),
        ("Golang", "go"),
        ("our go-to-market plan with Python", "python"),
        ("excel at communication", ""),
        ("Excel at Python", "python"),
        ("Excel, SQL", "excel sql"),
        ("pivot tables in Excel", "excel"),
        ("Microsoft Excel", "excel"),
        ("react to feedback quickly", ""),
        ("React, Node.js", "react nodejs"),
        ("frontend in React", "react"),
        ("React to changes, Python", "python"),
        ("spark innovation", ""),
        ("Spark, Python", "python"),
        ("Spark on Hadoop", "spark"),
        ("Apache Spark", "spark"),
        ("SAS and sas", "sas"),
        // A label for years of experience.
        ("- Spark: 3+ years", "spark"),
        ("Go (2 yrs minimum)", "go"),
        ("Spark experience (1\u{2013}2 years) is a plus", "spark"),
        ("Spark: a new idea", ""),
        ("Spark (3 teams)", ""),
        ("Go: 2 yearly offsites", ""),
        ("5 years of Go", "go"),
        ("two years or so of Spark for tooling", "spark"),
        ("two years ago Spark was born", ""),
    ]);
}

#[test]
fn negation_is_flagged_not_dropped() {
    run(&[
        ("no experience with Java", "java!"),
        ("Java is not required", "java!"),
        ("Java experience isn't needed", "java!"),
        ("Python, no Java", "python java!"),
        ("Python required. No Java.", "python java!"),
        ("without SQL or Python", "sql! python!"),
        ("not only Python but also SQL", "python sql"),
        ("including but not limited to Python, SQL", "python sql"),
        ("No visa sponsorship.\nPython", "python"),
        ("Java is required, SQL is not required", "java sql!"),
        ("we don\u{2019}t use Terraform", "terraform!"),
        ("not Java but Python", "java! python"),
    ]);
}

#[test]
fn spans_lines_and_text_point_into_the_original() {
    let s = scanner();
    let text = "Skills:\r\n  • Ｐｙｔｈｏｎ,  Naïve\u{00A0}Bayes\n– CNNs";
    let ms = s.scan(text);
    let got: Vec<(&str, usize)> = ms.iter().map(|m| (&text[m.start..m.end], m.line)).collect();
    assert_eq!(
        got,
        [("Ｐｙｔｈｏｎ", 2), ("Naïve\u{00A0}Bayes", 2), ("CNNs", 3)]
    );
}

#[test]
fn evidence_says_why() {
    let s = scanner();
    let ev: Vec<String> = s
        .scan("Python, R; SAS; embedded C")
        .iter()
        .map(|m| m.evidence.label())
        .collect();
    assert_eq!(ev, ["form", "list", "case", "near:embedded"]);
}

#[test]
fn one_sense_per_document() {
    let s = scanner();
    let labels =
        |text: &str| -> Vec<String> { s.scan(text).iter().map(|m| m.evidence.label()).collect() };
    // The title establishes React; the bullet's "React" has no near word of its own.
    let text = "Frontend Engineer (React)\n- 3+ years of professional experience with React";
    assert_eq!(labels(text), ["near:frontend", "document"]);
    // Alone, it does not count.
    assert!(labels("- 3+ years of professional experience with React").is_empty());
    // An unambiguous form establishes nothing: it may be negated, and the client "Oracle" is
    // not a database.
    let got = found(
        &s,
        "Clients include Oracle. Oracle Database knowledge is not necessary.",
    );
    assert!(!got.split(' ').any(|x| x == "oracle-database"), "{got}");
}

#[test]
fn scanner_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Scanner>();
    let s = scanner();
    let c = s.clone();
    assert!(
        Arc::ptr_eq(&s.inner, &c.inner),
        "a clone shares the compiled tries"
    );
}

#[test]
fn never_panics_on_odd_input() {
    let s = scanner();
    for text in [
        "",
        " ",
        "\u{0301}",
        "R",
        "C++",
        "s",
        "'s",
        "\u{FEFF}Python",
        "Python\u{0000}",
        "é\u{0301}\u{0301}R&",
        "ß",
        "İ",
        "\u{10FFFF}",
    ] {
        let _ = s.scan(text);
    }
    // Every boundary of a mixed string.
    let text = "R, C, Go; ﬁ Ｐ R&D no Java Excel at 'spark'";
    for i in 0..=text.len() {
        if text.is_char_boundary(i) {
            for m in s.scan(&text[i..]) {
                assert!(text[i..].is_char_boundary(m.start) && text[i..].is_char_boundary(m.end));
            }
        }
    }
}

#[test]
fn precompiled_builtin_equals_runtime_compiled() {
    let pre = Scanner::builtin();
    let run = Scanner::new(Lexicon::builtin());
    let (a, b) = (&*pre.inner, &*run.inner);
    assert_eq!(a.main.to_bytes(), b.main.to_bytes());
    assert_eq!(a.exact.to_bytes(), b.exact.to_bytes());
    assert_eq!(a.filter.to_bytes(), b.filter.to_bytes());
    assert_eq!(a.main_pats, b.main_pats);
    assert_eq!(a.exact_pats, b.exact_pats);
    assert!(a.main_pats.len() > 10_000);
}

#[test]
fn builtin_aliases_users_ask_for() {
    let s = Scanner::builtin();
    let cases: &[(&str, &str)] = &[
        ("k8s", "kubernetes"),
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("torch, numpy", "pytorch numpy"),
        ("LLMs", "large-language-models"),
        ("CNNs", "cnn"),
        ("GANs", "gans"),
        ("Python, R, SQL", "python r sql"),
        ("our R&D team", ""),
        ("excel at communication", ""),
        ("react to feedback", ""),
        ("go-to-market strategy in Go", "marketing"),
        ("C-suite", ""),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = found(&s, text);
        if got != *want {
            failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn vetoes_match_whole_words_only() {
    let mut b = LexiconBuilder::new();
    b.add_str(
        "v.toml",
        "[[skill]]\nid = \"spark\"\nname = \"Apache Spark\"\ncategory = \"big-data\"\ntier = \"tools\"\n[skill.ambiguous]\nforms = [\"Spark\"]\nnear = [\"hadoop\"]\nnot_in = [\"spark a\"]\n",
    )
    .unwrap();
    let s = Scanner::new(b.build().unwrap());
    assert_eq!(found(&s, "Spark and Hadoop"), "spark");
    assert_eq!(found(&s, "spark a fire near hadoop"), "");
}

#[test]
fn judged_errors_stay_fixed() {
    run(&[
        ("VaR statistics model", ""),
        ("iOS and Python", "python"),
        ("SpringML statistics Python", "machine-learning python"),
        ("Spring Boot and Java", "spring java"),
        ("programming in C++", "cpp"),
        ("programming in C, C#", "c csharp"),
        ("embedded C# code", "csharp"),
        ("Python+SQL and Java#Python", "python sql java python"),
        ("Without a doubt you know SQL", "sql"),
        ("We are not afraid of Terraform", "terraform"),
        ("R programming not required, but a plus", "r"),
        ("Python is not required", "python!"),
        ("While not required, SQL would be great", "sql"),
        ("machine\nlearning", "machine-learning"),
    ]);
}

#[test]
fn reviewed_errors_stay_fixed() {
    run(&[
        // A vetoed or unconfirmed longer form leaves its words to shorter ones.
        ("cutting-edge AI products", "ai"),
        ("edge AI on devices", "edge-ai"),
        // A list needs a separator, and confirmation spreads along it.
        ("Vitamin C Python course", "python"),
        ("CI/CD Python R SQL", "ci-cd python r sql"),
        ("Python, R, C, Go", "python r c go"),
        // Negation before a match stops at a comma; a list after a negated skill inherits it.
        ("No relocation, Python required", "python"),
        ("No travel, strong Python and SQL", "python sql"),
        ("No Java, SQL or Python", "java! sql! python!"),
        ("Java is not required but a plus", "java"),
        ("Java is not required for this role", "java!"),
        // A byte limit that cuts "Casino" must not read "no".
        (&format!("Casino{}Python", " ".repeat(158)), "python"),
    ]);
}

#[test]
fn near_words_stay_in_the_sentence() {
    run(&[
        ("We love statistics\nR is great", ""),
        ("We love statistics. R is great", ""),
        ("We love statistics; R is great", ""),
        ("R for statistics. Then more", "r"),
        ("Node.js and R for statistics", "nodejs r"),
    ]);
}

/// Thousands of random strings from an alphabet of the characters that exercise every rule:
/// no panic, spans on char boundaries inside the text, lines that count the newlines.
#[test]
fn random_text_never_breaks_spans() {
    const PIECES: &[&str] = &[
        "R",
        "C",
        "Go",
        "go",
        "++",
        "#",
        ".",
        ",",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "-",
        "_",
        "/",
        "&",
        "'",
        "\u{2019}",
        "s",
        "no ",
        "not ",
        "Java",
        "java",
        "Script",
        "Python",
        "py",
        "torch",
        "k8s",
        "scikit",
        "learn",
        "Excel",
        "at",
        "R&D",
        "é",
        "\u{0301}",
        "ﬁ",
        "Ｐ",
        "\u{00A0}",
        "\u{00AD}",
        "\u{200B}",
        "•",
        "ß",
        "İ",
        "😀",
        "2",
        "ML",
        "Spark",
        "SQL",
        "data",
        "base",
        "LLMs",
        "A/B",
        "CI/CD",
        ".NET",
        "Node.js",
        "C#",
        "VaR",
        "\r",
        "\x0c",
        "\u{2028}",
        "\u{0085}",
        "but a plus",
        "not required",
    ];
    let s = Scanner::builtin();
    let mut next = crate::testing::xorshift(0x2545_F491_4F6C_DD1D);
    for _ in 0..20_000 {
        let n = (next() % 24) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for m in s.scan(&text) {
            assert!(m.start < m.end && m.end <= text.len(), "{text:?}: {m:?}");
            assert!(
                text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                "{text:?}: {m:?}"
            );
            assert_eq!(
                m.line,
                1 + text[..m.start].matches('\n').count(),
                "{text:?}: {m:?}"
            );
        }
    }
}

/// Random text made of the built-in forms (in random case, joined, plural, with digits or
/// camel-case neighbours) and separators.
fn random_form_text(forms: &[String], next: &mut impl FnMut() -> u64) -> String {
    const SEPS: &[&str] = &[
        " ",
        "  ",
        ", ",
        "\n",
        "\r\n",
        "-",
        "_",
        "/",
        ".",
        ". ",
        "(",
        "++ ",
        "# ",
        "s ",
        "3 ",
        "é",
        "\u{2019}s ",
        "\u{00A0}",
        "",
        "x",
        "Dev ",
    ];
    let n = (next() % 30) as usize;
    let mut text = String::new();
    for _ in 0..n {
        let form = &forms[(next() % forms.len() as u64) as usize];
        match next() % 6 {
            0 => text.push_str(&form.to_uppercase()),
            1 => text.push_str(&form.replace(' ', "")),
            2 => {
                let mut cs = form.chars();
                text.extend(cs.next().map(|c| c.to_ascii_uppercase()));
                text.extend(cs);
            }
            _ => text.push_str(form),
        }
        text.push_str(SEPS[(next() % SEPS.len() as u64) as usize]);
    }
    text
}

/// The word filter is exact where it matters: wherever it skips a word, walking the tries
/// there finds no form that could end on a boundary.
#[test]
fn word_filter_skips_only_words_that_start_no_form() {
    let s = Scanner::builtin();
    let inner = &*s.inner;
    let forms = s.main_patterns();
    let mut next = crate::testing::xorshift(0x0123_4567_89AB_CDEF);
    let (mut skipped, mut kept) = (0, 0);
    for _ in 0..3_000 {
        let text = random_form_text(&forms, &mut next);
        let norm = Normalized::new(&text);
        let t = norm.as_str().as_bytes();
        for p in 0..t.len() {
            if !left_ok(t, p) {
                continue;
            }
            let q = if is_word(t[p]) {
                match filter::word_end(t, p) {
                    Some(q) => q,
                    None => continue,
                }
            } else {
                p
            };
            if inner.filter.may_start(t, p, q) {
                kept += 1;
                continue;
            }
            skipped += 1;
            for (trie, pats) in [
                (&inner.main, &inner.main_pats),
                (&inner.exact, &inner.exact_pats),
            ] {
                trie.walk(t, p, &mut |e, id, _| {
                    let end = right_end(t, p, e, pats[id as usize]);
                    assert!(
                        end.is_none(),
                        "{text:?}: skipped {:?}, which ends at {end:?}",
                        &norm.as_str()[p..]
                    );
                });
            }
        }
    }
    assert!(
        skipped > 1000 && kept > 1000,
        "{skipped} skipped, {kept} kept"
    );
}

/// The cue lists' quick test never rules out a word that `eq_cue` would accept.
#[test]
fn cue_masks_agree_with_eq_cue() {
    const PIECES: &[&str] = &[
        "n", "N", "o", "t", "'", "\u{2019}", "don", "DON", "nt", "s", "a", "b", "ut", "e", "x", "é",
    ];
    let mut next = crate::testing::xorshift(0x1234_5678_9ABC_DEF1);
    let lists = [&CLAUSE_BREAKS, &NEG_BEFORE, &NEG_CANCEL, &PREFERRED, &NOT];
    for cues in lists {
        for c in cues.list {
            for w in [c.to_string(), c.to_uppercase(), c.replace('\'', "\u{2019}")] {
                assert!(cues.contains(w.as_bytes()), "{w:?}");
            }
        }
    }
    for _ in 0..50_000 {
        let n = 1 + (next() % 5) as usize;
        let w: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for cues in lists {
            let want = cues.list.iter().any(|c| eq_cue(w.as_bytes(), c));
            assert_eq!(cues.contains(w.as_bytes()), want, "{w:?}");
        }
    }
}

/// Vetoes through the precomputed sites give what checking every offset of every phrase gives.
#[test]
fn veto_sites_agree_with_the_full_search() {
    let s = Scanner::builtin();
    let mut next = crate::testing::xorshift(0x0F0F_1234_ABCD_5555);
    let rules: Vec<&Rule> = s
        .inner
        .rules
        .values()
        .filter(|r| !r.not_in.is_empty())
        .collect();
    let (mut vetoes, mut checks) = (0, 0);
    for _ in 0..20_000 {
        let rule = rules[(next() % rules.len() as u64) as usize];
        let form = &rule.forms[(next() % rule.forms.len() as u64) as usize];
        let phrase = &rule.not_in[(next() % rule.not_in.len() as u64) as usize];
        // A phrase around the form, or the form in other words, in random case.
        let around = match next() % 3 {
            0 => phrase.clone(),
            1 => format!("x {phrase}s"),
            _ => format!("the {form} of"),
        };
        let mut text: String = around
            .chars()
            .map(|c| {
                if next() % 4 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect();
        if next() % 5 == 0 {
            text = text.replace(' ', "\n");
        }
        let t = text.as_bytes();
        let lower = text.to_ascii_lowercase();
        let Some(start) = lower.find(form.as_str()) else {
            continue;
        };
        let c = Cand {
            start,
            end: start + form.len(),
            pat: Pattern {
                skill: SkillIdx(0),
                ambiguous: true,
                plural_ok: false,
            },
            evidence: None,
        };
        let full = rule.not_in.iter().any(|phrase| {
            let p = phrase.as_bytes();
            let f = &t[c.start..c.end];
            (0..(p.len() + 1).saturating_sub(f.len()))
                .any(|o| p[o..o + f.len()].eq_ignore_ascii_case(f) && veto_at(t, &c, p, o))
        });
        assert_eq!(vetoed(t, &c, rule), full, "{text:?} {form:?}");
        checks += 1;
        vetoes += full as usize;
    }
    assert!(
        checks > 10_000 && vetoes > 1_000,
        "{checks} checks, {vetoes} vetoes"
    );
}

/// The one-pass phrase search finds the same first near phrase as searching for each phrase.
#[test]
fn phrase_index_agrees_with_one_search_per_phrase() {
    let s = Scanner::builtin();
    let mut next = crate::testing::xorshift(0x7777_0123_4567_89AB);
    let rules: Vec<&Rule> = s
        .inner
        .rules
        .values()
        .filter(|r| r.near_phrases.len() > 1)
        .collect();
    let mut hits = 0;
    for _ in 0..20_000 {
        let rule = rules[(next() % rules.len() as u64) as usize];
        let mut hay = String::new();
        for _ in 0..(next() % 5) {
            let p = &rule.near_phrases[(next() % rule.near_phrases.len() as u64) as usize];
            let piece = match next() % 4 {
                0 => p.to_uppercase(),
                1 => format!("x{p}"),
                2 => p.get(..p.len() / 2).unwrap_or(p).to_string(),
                _ => p.clone(),
            };
            hay.push_str(&piece);
            hay.push_str([" ", ", ", "", "a"][(next() % 4) as usize]);
        }
        let h = hay.as_bytes();
        let want = rule
            .near_phrases
            .iter()
            .position(|p| contains_word(h, p.as_bytes()));
        let got = rule.first_phrase_in(h, rule.near_phrases.len());
        assert_eq!(got, want.unwrap_or(rule.near_phrases.len()), "{hay:?}");
        hits += want.is_some() as usize;
    }
    assert!(hits > 5_000, "{hits} hits");
}

/// Every near word passes its rule's quick mask, so the mask only rules out other words.
#[test]
fn near_word_masks_keep_every_near_word() {
    let s = Scanner::builtin();
    for rule in s.inner.rules.values() {
        for w in &rule.near_words {
            let bit = 1 << w.len().min(15);
            assert!(
                rule.near_word_mask[(w[0] & 31) as usize] & bit != 0,
                "{w:?}"
            );
        }
    }
}

/// A scratch reused across documents of every kind gives what a fresh one gives.
#[test]
fn reused_scratch_changes_nothing() {
    let s = Scanner::builtin();
    let forms = s.main_patterns();
    let mut next = crate::testing::xorshift(0xDEAD_BEEF_0123_4567);
    let mut scratch = Scratch::default();
    for _ in 0..2_000 {
        let text = random_form_text(&forms, &mut next);
        let reused = s.scan_with(&mut scratch, &text);
        assert_eq!(
            reused,
            s.scan_with(&mut Scratch::default(), &text),
            "{text:?}"
        );
        assert_eq!(reused, s.scan(&text), "{text:?}");
    }
}
