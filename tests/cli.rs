//! CLI integration tests: one binary, a clean environment, inline snapshots.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde::Deserialize;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `skillscan` with a clean environment, run from the fixtures directory.
/// Fails with the command's stderr unless it exited 0.
fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn cmd(args: &[&str]) -> Command {
    let mut c = Command::cargo_bin("skillscan").unwrap();
    c.env_clear()
        .env("NO_COLOR", "1")
        .current_dir(fixtures())
        .args(args);
    c
}

/// The sample résumés' paths, sorted.
fn sample_resumes() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/resumes");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

/// Runs and renders exit code, stdout and stderr for a snapshot.
fn run(args: &[&str], stdin: Option<&str>) -> String {
    let mut c = cmd(args);
    let out = if let Some(input) = stdin {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = c
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    } else {
        c.output().unwrap()
    };
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn scan_table_with_fixture_lexicon() {
    insta::assert_snapshot!(run(&["--lexicon", "lexicon.toml", "scan", "posting.txt"], None), @r#"
    exit: 0
    --- stdout
    posting.txt  199 bytes, 6 skills
      SKILL             CATEGORY              COUNT  LINES
      Python            programming-language      1  3
      SQL               programming-language      1  3
      R                 programming-language      1  3
      CI/CD             devops                    1  4
      Spark             big-data                  1  4
      machine learning  machine-learning          1  1
      Java              programming-language   0+1!  6
      n+m!: n mentions, m negated ("no experience with ...")
    --- stderr
    "#);
}

#[test]
fn scan_stdin_jsonl() {
    insta::assert_snapshot!(run(&["--lexicon", "lexicon.toml", "scan", "--format", "jsonl", "-"], Some("Python, R\nno Java")), @r#"
    exit: 0
    --- stdout
    {"schema":"skillscan/1","document":"-","bytes":17,"warnings":[],"kind":"resume","sections":[],"degree":null,"years_asked":[],"skills":[{"id":"python","name":"Python","category":"programming-language","tier":"foundation","count":1,"negated":0,"strength":null,"years":null,"last_used":null,"matches":[{"text":"Python","start":0,"end":6,"line":1,"negated":false,"evidence":"form","section":"none","strength":null}]},{"id":"r","name":"R","category":"programming-language","tier":"foundation","count":1,"negated":0,"strength":null,"years":null,"last_used":null,"matches":[{"text":"R","start":8,"end":9,"line":1,"negated":false,"evidence":"list","section":"none","strength":null}]},{"id":"java","name":"Java","category":"programming-language","tier":"foundation","count":0,"negated":1,"strength":null,"years":null,"last_used":null,"matches":[{"text":"Java","start":13,"end":17,"line":2,"negated":true,"evidence":"form","section":"none","strength":null}]}],"implied":[]}
    --- stderr
    "#);
}

#[test]
fn scan_missing_file_is_a_partial_failure() {
    insta::assert_snapshot!(run(&["--lexicon", "lexicon.toml", "scan", "posting.txt", "nope.txt"], None).lines().filter(|l| l.starts_with("exit") || l.contains("nope")).collect::<Vec<_>>().join("\n"), @"
    exit: 1
    skillscan: error: nope.txt: cannot read: No such file or directory (os error 2)
    ");
}

#[test]
fn scan_only_missing_files_is_an_error() {
    insta::assert_snapshot!(run(&["scan", "nope.txt"], None), @"
    exit: 2
    --- stdout
    --- stderr
    skillscan: error: nope.txt: cannot read: No such file or directory (os error 2)
    ");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    insta::assert_snapshot!(run(&["--lexicon", "lexicon.toml", "scan", "latin1.txt"], None), @"
    exit: 0
    --- stdout
    latin1.txt  20 bytes, 2 skills
      SKILL   CATEGORY              COUNT  LINES
      Python  programming-language      1  1
      SQL     programming-language      1  1
    --- stderr
    skillscan: warning: latin1.txt: invalid UTF-8 (first at byte 11); decoded as Windows-1252
    ");
}

#[test]
fn bad_lexicon_names_file_line_and_skill() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.toml");
    std::fs::write(&p, "[[skill]]\nid = \"x\"\nname = \"Python\"\ncategory = \"database\"\ntier = \"tools\"\nimplies = [\"nope\"]\n").unwrap();
    let out = cmd(&["--lexicon-add", p.to_str().unwrap(), "scan", "posting.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).replace(dir.path().to_str().unwrap(), "TMP");
    insta::assert_snapshot!(err, @r#"
    skillscan: error: TMP/bad.toml:2: skill 'x': form "Python" also belongs to skill 'python' (lexicon/skills/languages.toml:3)
    TMP/bad.toml:2: skill 'x': implies unknown skill 'nope'
    "#);
}

#[test]
fn lexicon_show_and_check() {
    insta::assert_snapshot!(run(&["--lexicon", "lexicon.toml", "lexicon", "show", "r"], None), @"
    exit: 0
    --- stdout
    R (r)
      category: programming-language
      tier:     foundation
      forms:    R programming
      ambiguous forms: R (exact case)
        needs within 8 words: statistics, rstudio, programming
        list context counts: yes
        vetoed inside: R&D, R & D
      defined:  lexicon.toml:24
    --- stderr
    ");
    insta::assert_snapshot!(run(&["lexicon", "check", "--standalone", "lexicon.toml"], None), @"
    exit: 0
    --- stdout
    ok: 30 skills, 44 forms, 44 patterns
    --- stderr
    ");
    insta::assert_snapshot!(run(&["--lexicon", "lexicon.toml", "lexicon", "show", "nope"], None), @"
    exit: 2
    --- stdout
    --- stderr
    skillscan: error: no skill with id 'nope' (try `skillscan lexicon list`)
    ");
}

#[test]
fn lexicon_dump_round_trips() {
    let out = cmd(&["lexicon", "dump"]).output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dump.toml");
    std::fs::write(&p, &out.stdout).unwrap();
    let check = cmd(&["lexicon", "check", "--standalone", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let list = cmd(&["lexicon", "list"]).output().unwrap();
    let n = String::from_utf8_lossy(&list.stdout).lines().count();
    assert!(String::from_utf8_lossy(&check.stdout).starts_with(&format!("ok: {n} skills")));
}

#[test]
fn checking_the_builtin_files_on_top_of_the_builtin_lexicon_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon/skills");
    let out = cmd(&["lexicon", "check", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_success(&out);
}

#[test]
fn help_has_examples_and_exit_codes() {
    let out = cmd(&["--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("Examples:") && help.contains("Exit codes:"),
        "{help}"
    );
}

#[test]
fn eval_documents_and_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("gold.jsonl");
    std::fs::write(&p, "{\"id\":\"1\",\"text\":\"Python, R and SQL; no Java\",\"skills\":[\"python\",\"r\",\"sql\",\"terraform\"]}\n").unwrap();
    let g = p.to_str().unwrap();
    let out = run(&["--lexicon", "lexicon.toml", "eval", g], None).replace(g, "gold.jsonl");
    insta::assert_snapshot!(out, @"
    exit: 0
    --- stdout
    gold.jsonl
      skills   P 1.000  R 0.750  F1 0.857   (3 of 3 predicted correct, 3 of 4 gold found)
     top false positives: none
     top false negatives: terraform (1)
    --- stderr
    ");
    let out = cmd(&[
        "--lexicon",
        "lexicon.toml",
        "eval",
        g,
        "--min-recall",
        "0.9",
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = cmd(&[
        "--lexicon",
        "lexicon.toml",
        "eval",
        g,
        "--min-recall",
        "0.7",
        "--min-precision",
        "1",
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

/// The stable JSON shape: any field added or removed fails here until the README is updated.
#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    schema: String,
    document: String,
    bytes: usize,
    warnings: Vec<String>,
    kind: String,
    sections: Vec<SectionJ>,
    degree: Option<DegreeJ>,
    years_asked: Vec<YearsJ>,
    skills: Vec<SkillJ>,
    implied: Vec<ImpliedJ>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionJ {
    section: String,
    heading: String,
    start: usize,
    line: usize,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DegreeJ {
    level: String,
    fields: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearsJ {
    skills: Vec<String>,
    min: u32,
    max: Option<u32>,
    strength: String,
    text: String,
    line: usize,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillJ {
    id: String,
    name: String,
    category: String,
    tier: String,
    count: usize,
    negated: usize,
    strength: Option<String>,
    years: Option<f64>,
    last_used: Option<String>,
    matches: Vec<MatchJ>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatchJ {
    text: String,
    start: usize,
    end: usize,
    line: usize,
    negated: bool,
    evidence: String,
    section: String,
    strength: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImpliedJ {
    id: String,
    name: String,
    by: Vec<String>,
}

#[test]
fn json_shape_is_locked_and_spans_point_into_the_input() {
    let files = sample_resumes();
    let mut args = vec!["scan", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let out = cmd(&args).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Doc> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), files.len());
    for (doc, file) in docs.iter().zip(&files) {
        assert_eq!(doc.schema, "skillscan/1");
        let text = std::fs::read_to_string(file).unwrap();
        assert_eq!(doc.bytes, text.len());
        assert!(!doc.skills.is_empty(), "{}", doc.document);
        assert_eq!(doc.kind, "resume", "{}", doc.document);
        assert!(!doc.sections.is_empty(), "{}", doc.document);
        for s in &doc.sections {
            assert_eq!(&text[s.start..s.start + s.heading.len()], s.heading);
            assert_eq!(s.line, 1 + text[..s.start].matches('\n').count());
        }
        assert!(doc.degree.is_some(), "{}", doc.document);
        for s in &doc.skills {
            assert_eq!(s.count + s.negated, s.matches.len());
            for m in &s.matches {
                assert_eq!(&text[m.start..m.end], m.text);
                assert_eq!(m.line, 1 + text[..m.start].matches('\n').count());
            }
        }
    }
    // `json` is the same objects, pretty-printed.
    let pretty = cmd(&["scan", "--format", "json", files[0].as_str()])
        .output()
        .unwrap();
    let one: serde_json::Value = serde_json::from_slice(&pretty.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(one, first);
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let files = sample_resumes();
    let outputs: Vec<Vec<u8>> = ["1", "2", "4"]
        .iter()
        .map(|j| {
            let mut args = vec!["scan", "--format", "jsonl", "-j", j];
            args.extend(files.iter().map(String::as_str));
            cmd(&args).output().unwrap().stdout
        })
        .collect();
    assert!(!outputs[0].is_empty());
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    // Enough output to fill the pipe, then close it after one byte.
    let mut args = vec!["scan", "--format", "json"];
    let files: Vec<String> = (0..200).map(|_| "posting.txt".to_string()).collect();
    args.extend(files.iter().map(String::as_str));
    let mut child = cmd(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn lexicon_check_reports_every_file_and_duplicate_ids() {
    let dir = tempfile::tempdir().unwrap();
    let skill = |id: &str, name: &str| {
        format!(
            "[[skill]]\nid = \"{id}\"\nname = \"{name}\"\ncategory = \"database\"\ntier = \"tools\"\n"
        )
    };
    std::fs::write(dir.path().join("a.toml"), "[[skill]\nbroken").unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        skill("x", "Xylo") + "implies = [\"nope\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("c.toml"), skill("x", "Xylophone DB")).unwrap();
    let out = cmd(&[
        "lexicon",
        "check",
        "--standalone",
        dir.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).replace(dir.path().to_str().unwrap(), "TMP");
    insta::assert_snapshot!(err, @"
    skillscan: error: TMP/a.toml:1: unclosed array table, expected `]`
    TMP/c.toml:2: skill 'x': duplicate id (also defined at TMP/b.toml:2)
    TMP/b.toml:2: skill 'x': implies unknown skill 'nope'
    ");
}

#[test]
fn eval_goes_on_past_a_bad_gold_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, "{\"text\":\"Python\",\"skills\":[\"python\"]}\n").unwrap();
    let out = cmd(&[
        "--lexicon",
        "lexicon.toml",
        "eval",
        "missing.jsonl",
        good.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("P 1.000  R 1.000"));
    let out = cmd(&["eval", "missing.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `fit` JSON decomposes: every score is recomputed from its requirements' weights and
/// credits, roles come best first, and the non-technical sample scores low everywhere.
#[test]
fn fit_scores_decompose_into_their_requirements() {
    let files = sample_resumes();
    let mut args = vec!["fit", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let out = cmd(&args).output().unwrap();
    assert_success(&out);
    let docs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), files.len());
    for doc in &docs {
        assert_eq!(doc["schema"], "skillscan/1");
        let fits = doc["fits"].as_array().unwrap();
        assert!(fits.len() >= 12, "{} roles", fits.len());
        let scores: Vec<f64> = fits.iter().map(|f| f["score"].as_f64().unwrap()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
        for f in fits {
            let reqs = f["requirements"].as_array().unwrap();
            let (mut earned, mut total) = (0.0, 0.0);
            for r in reqs {
                let (w, c) = (r["weight"].as_f64().unwrap(), r["credit"].as_f64().unwrap());
                assert!((0.0..=1.0).contains(&c));
                earned += w * c;
                total += w;
            }
            assert_eq!(
                (1000.0 * earned / total).round() / 10.0,
                f["score"].as_f64().unwrap(),
                "{}",
                f["role"]
            );
        }
        // Each technical sample is written for one role; that role must come first. The data
        // analyst builds Power BI reports on warehouse views, which a BI Analyst profile fits
        // a little better, so Data Analyst must be second. The ML engineer's jobs are mostly
        // serving, Kubernetes, MLflow and feature stores: once skills used in experience earn
        // more than listed ones, MLOps Engineer edges ahead (86.2 to 84.5), so the two must be
        // the first two, less than 3 points apart.
        let name = doc["document"].as_str().unwrap();
        let stem = Path::new(name).file_stem().unwrap().to_str().unwrap();
        let ranked: Vec<&str> = fits.iter().map(|f| f["role"].as_str().unwrap()).collect();
        match stem {
            "hr-generalist" => {}
            "data-analyst" => assert_eq!(ranked[..2], ["bi-analyst", "data-analyst"]),
            "ml-engineer" => {
                let mut two = ranked[..2].to_vec();
                two.sort_unstable();
                assert_eq!(two, ["ml-engineer", "mlops-engineer"]);
                assert!(scores[0] - scores[1] < 3.0, "{scores:?}");
            }
            _ => assert_eq!(ranked[0], stem, "{name}: {:?}", &scores[..3]),
        }
        if name.ends_with("hr-generalist.txt") {
            assert!(
                scores[0] <= 40.0,
                "HR résumé scores {} for {}",
                scores[0],
                fits[0]["role"]
            );
        }
    }
}

#[test]
fn fit_says_when_no_role_fits() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/resumes");
    let run = |f: &str| {
        String::from_utf8(
            cmd(&["fit", samples.join(f).to_str().unwrap()])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
    };
    assert!(run("hr-generalist.txt").contains("no role fits well"));
    let ds = run("data-scientist.txt");
    assert!(
        ds.contains("best fit: Data Scientist") && !ds.contains("no role fits well"),
        "{ds}"
    );
}

/// A file that is obviously a posting is scored as one, with a note; `--resume` and
/// `--posting` choose the reading.
#[test]
fn fit_reads_postings_as_postings() {
    let posting =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/postings/senior-data-engineer.txt");
    let posting = posting.to_str().unwrap();
    let out = cmd(&["fit", "--format", "json", posting]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("reads like a job posting"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["kind"], "posting");
    assert_eq!(doc["title"], "Senior Data Engineer");
    assert_eq!(doc["fits"][0]["role"], "data-engineer");
    assert!(doc["fits"][0]["closeness"].as_f64().unwrap() > 0.5);
    assert!(doc["learning_path"].as_array().unwrap().is_empty());
    let outside: Vec<&str> = doc["outside"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(outside.contains(&"terraform"), "{outside:?}");
    // Negated skills ("No Tableau or Power BI work") are not asked for.
    assert!(!outside.contains(&"tableau"), "{outside:?}");

    let out = cmd(&["fit", "--resume", "--format", "json", posting])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["kind"], "resume");
    assert!(doc.get("title").is_none() && doc["fits"][0].get("closeness").is_none());

    // A résumé is never taken for a posting, and --posting reads stdin too.
    for f in sample_resumes() {
        let out = cmd(&["fit", "--format", "json", &f]).output().unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc["kind"], "resume", "{f}");
    }
    let text = std::fs::read_to_string(posting).unwrap();
    let body = text.split_once('\n').unwrap().1;
    let out = run(&["fit", "--posting", "--format", "json", "-"], Some(body));
    let json = out.split_once("--- stdout\n").unwrap().1;
    let json = json.split_once("--- stderr").unwrap().0;
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(doc["kind"], "posting");
    assert_eq!(doc["fits"][0]["role"], "data-engineer");
    assert!(doc.get("title").is_none());
}

/// `fit --format html` writes one self-contained page for all the documents, the same bytes
/// for any thread count, and nothing in it points outside the file.
#[test]
fn fit_html_is_one_self_contained_page() {
    let files = sample_resumes();
    let page = |threads: &str| {
        let mut args = vec!["-j", threads, "fit", "--format", "html"];
        args.extend(files.iter().map(String::as_str));
        let out = cmd(&args).output().unwrap();
        assert_success(&out);
        assert!(out.stderr.is_empty());
        String::from_utf8(out.stdout).unwrap()
    };
    let html = page("1");
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<html").count(), 1);
    assert_eq!(html.matches("</html>").count(), 1);
    assert_eq!(html.matches("<body>").count(), 1);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<svg"));
    assert_eq!(html.matches("<section class=\"doc\"").count(), files.len());
    for f in &files {
        assert!(html.contains(f.as_str()), "{f} missing");
    }
    assert!(html.contains("no role fits well"), "hr-generalist");
    for bad in ["http://", "https://", "src=", "<script", "<link", "url("] {
        assert!(!html.contains(bad), "found {bad}");
    }
    assert_eq!(html, page("2"));
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Runs skillscan with `stdin`, returning (exit code, stdout, stderr).
fn run_with(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = cmd(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `annotate` gives every input record back, in order, with the added columns, the same
/// bytes for any thread count.
#[test]
fn annotate_keeps_every_row_in_order() {
    let postings = samples().join("postings.csv");
    let postings = postings.to_str().unwrap();
    let csv_out = |threads: &str| {
        let out = cmd(&["-j", threads, "annotate", postings])
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("40 rows read, 40 annotated, 0 skipped"),
            "{stderr}"
        );
        out.stdout
    };
    let one = csv_out("1");
    assert_eq!(one, csv_out("2"));
    let mut rdr = csv::Reader::from_reader(&one[..]);
    let header = rdr.headers().unwrap().clone();
    assert_eq!(
        header.iter().skip(5).collect::<Vec<_>>(),
        [
            "skillscan_skills",
            "skillscan_negated",
            "skillscan_categories",
            "skillscan_role",
            "skillscan_role_score"
        ]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 40);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r[0], (i + 1).to_string(), "input order");
    }
    // The first posting is an ML engineer's, and asks for PyTorch.
    assert_eq!(&rows[0][8], "ml-engineer");
    assert!(rows[0][5].split(';').any(|s| s == "pytorch"));

    let (code, jsonl, _) = run_with(
        &["annotate", "--format", "jsonl", "-"],
        &std::fs::read(postings).unwrap(),
    );
    assert_eq!(code, 0);
    let docs: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 40);
    assert!(
        docs.iter()
            .enumerate()
            .all(|(i, d)| d["record"] == i as u64 + 1 && d["schema"] == "skillscan/1")
    );
}

/// Real-world CSV: a BOM, CRLF, a tab delimiter, a ragged row and invalid UTF-8. The bad row
/// is reported with its record and line, counted, and skipped (exit 1); `--strict` stops at
/// it (exit 2); `--dedupe` collapses repeated texts.
#[test]
fn batch_input_reports_bad_rows_and_goes_on() {
    let input = b"\xef\xbb\xbfjob_id\tJob Description\r\n\
        a\tPython and SQL\r\n\
        b\r\n\
        c\tcaf\xe9 with PyTorch\r\n\
        d\tPython and SQL\r\n";
    let (code, out, err) = run_with(&["annotate", "-d", "tab", "-f", "jsonl", "-"], input);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "-: record 2 (line 3): 1 fields, but the text column 'Job Description' is field 2"
        ),
        "{err}"
    );
    assert!(
        err.contains("record 3 (line 4): the text is not valid UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("4 rows read, 3 annotated, 1 skipped (1 bad, 0 duplicates)"),
        "{err}"
    );
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "2", "c", "d"]);
    assert!(docs[1]["error"].as_str().unwrap().contains("text column"));
    assert_eq!(docs[2]["skills"], serde_json::json!(["pytorch"]));

    let (code, _, err) = run_with(&["annotate", "-d", "tab", "--strict", "-"], input);
    assert_eq!(code, 2);
    assert!(
        err.contains("record 2 (line 3)") && err.contains("--strict"),
        "{err}"
    );

    let (code, out, err) = run_with(&["annotate", "-d", "tab", "--dedupe", "-"], input);
    assert_eq!(code, 1);
    assert!(
        err.contains("4 rows read, 2 annotated, 2 skipped (1 bad, 1 duplicates)"),
        "{err}"
    );
    assert_eq!(out.lines().count(), 3, "header + a + c:\n{out}");

    let (code, _, err) = run_with(&["annotate", "-"], b"name,notes\nx,y\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("no text column found") && err.contains("--text-col"),
        "{err}"
    );
}

/// `rank` keeps the best N with a total order: the same for any thread count, scores never
/// rising, and `--all` gives every row.
#[test]
fn rank_postings_for_a_resume_and_resumes_for_a_posting() {
    let resume = samples().join("resumes/data-scientist.txt");
    let postings = samples().join("postings.csv");
    let (resume, postings) = (resume.to_str().unwrap(), postings.to_str().unwrap());
    let ranked = |threads: &str, extra: &[&str]| {
        let mut args = vec![
            "-j", threads, "rank", "--as-of", "2026-11", "--resume", resume, "-f", "jsonl",
        ];
        args.extend(extra);
        args.push(postings);
        let out = cmd(&args).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let top = ranked("1", &["--top", "5"]);
    assert_eq!(top, ranked("2", &["--top", "5"]));
    let all = ranked("2", &["--all"]);
    let docs: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 40);
    let scores: Vec<f64> = docs.iter().map(|d| d["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(
        top.lines().collect::<Vec<_>>(),
        all.lines().take(5).collect::<Vec<_>>()
    );
    for d in &docs {
        let (m, x, p) = (
            d["matched"].as_array().unwrap().len(),
            d["missing"].as_array().unwrap().len(),
            d["missing_preferred"].as_array().unwrap().len(),
        );
        assert_eq!(m + x + p, d["asked"].as_u64().unwrap() as usize);
        assert!(d["unmet"].is_array());
        assert!(d["title"].is_string() && d["company"].is_string());
    }

    let posting = samples().join("postings/senior-data-engineer.txt");
    let dir = samples().join("resumes");
    let out = cmd(&[
        "rank",
        "--posting",
        posting.to_str().unwrap(),
        "-f",
        "csv",
        dir.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("rank,score,id,"));
    assert!(
        lines.next().unwrap().contains("data-engineer.txt"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1 + 8);
}

/// The `fit` JSON shape is locked: every object has exactly these keys (optional ones only
/// where stated), and years of experience follow `--as-of`.
#[test]
fn fit_json_shape_is_locked() {
    fn keys(v: &serde_json::Value) -> Vec<&str> {
        let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        k.sort_unstable();
        k
    }
    let resume = samples().join("resumes/data-analyst.txt");
    let out = cmd(&[
        "fit",
        "--as-of",
        "2026-11",
        "-f",
        "json",
        resume.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        keys(&doc),
        [
            "document",
            "experience",
            "fits",
            "kind",
            "learning_path",
            "outside",
            "schema",
            "skills",
            "warnings"
        ]
    );
    let e = &doc["experience"];
    assert_eq!(
        keys(e),
        ["as_of", "months", "ranges", "salary", "seniority", "years"]
    );
    assert_eq!(
        keys(&e["salary"]),
        ["currency", "max", "min", "open_top", "source"]
    );
    // Jan 2022 – Present (59 months to 2026-11), 03/2019 – 12/2021 (34) and 2016-2019
    // (Jul 2016 – Jun 2019, 36), whose overlap (Mar – Jun 2019, 4) counts once.
    assert_eq!(e["months"], 59 + 34 + 36 - 4);
    assert_eq!(
        (e["years"].as_f64(), e["seniority"].as_str()),
        (Some(10.4), Some("senior"))
    );
    let later = cmd(&[
        "fit",
        "--as-of",
        "2027-11",
        "-f",
        "json",
        resume.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    let later: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(later["experience"]["months"], 59 + 12 + 34 + 36 - 4);
    let fit = &doc["fits"][0];
    assert_eq!(
        keys(fit),
        ["categories", "name", "requirements", "role", "score"]
    );
    assert_eq!(
        keys(&fit["categories"][0]),
        ["category", "coverage", "weight"]
    );
    let req = &fit["requirements"][0];
    assert_eq!(
        keys(req),
        ["by", "credit", "label", "level", "status", "weight"]
    );
    for r in fit["requirements"].as_array().unwrap() {
        for by in r["by"].as_array().unwrap() {
            let k = keys(by);
            assert!(
                k == ["credit", "demonstrated", "mentions", "name", "skill"]
                    || k == [
                        "credit",
                        "demonstrated",
                        "mentions",
                        "name",
                        "skill",
                        "years"
                    ]
                    || k == ["credit", "implied_by", "name", "skill"]
                    // Implied by a match that names it in a dated job ("AWS" in "AWS
                    // Lambda"): with the years of those jobs.
                    || k == ["credit", "implied_by", "name", "skill", "years"],
                "{k:?}"
            );
        }
    }
    assert_eq!(
        keys(&doc["learning_path"][0]),
        ["name", "requirements", "skill", "tier"]
    );
    // No dated job: no seniority and no salary band, rather than "entry".
    let out = run(
        &["fit", "-f", "json", "-"],
        Some("Python, SQL and Tableau."),
    );
    let json = out.split_once("--- stdout\n").unwrap().1;
    let json = json.split_once("--- stderr").unwrap().0;
    let undated: serde_json::Value = serde_json::from_str(json).unwrap();
    assert!(
        undated["experience"]["seniority"].is_null() && undated["experience"]["salary"].is_null()
    );
    assert!(
        cmd(&["fit", "--as-of", "2026-13", resume.to_str().unwrap()])
            .output()
            .unwrap()
            .status
            .code()
            == Some(2)
    );
}

/// The skill ids `scan` finds in one file.
fn skill_ids(path: &Path) -> std::collections::BTreeSet<String> {
    let out = cmd(&["scan", "--format", "json", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

/// PDF, DOCX and HTML made from our samples (scripts/make-document-fixtures.py) scan like
/// the samples themselves: the same skills, no more, no fewer.
#[test]
fn documents_scan_like_their_sources() {
    let docs = fixtures().join("documents");
    // (document, its source, skills the document is known to miss)
    let cases: [(&str, &str, &[&str]); 4] = [
        ("data-scientist.pdf", "resumes/data-scientist.txt", &[]),
        // Two columns drawn row by row, read one column after the other.
        ("ml-engineer-two-column.pdf", "resumes/ml-engineer.md", &[]),
        ("data-engineer.docx", "resumes/data-engineer.txt", &[]),
        // Navigation, scripts, JSON-LD, a hidden banner and comments name other skills.
        (
            "senior-data-engineer.html",
            "postings/senior-data-engineer.txt",
            &[],
        ),
    ];
    for (doc, source, known) in cases {
        let found = skill_ids(&docs.join(doc));
        let want = skill_ids(&samples().join(source));
        assert!(want.len() > 20, "{source}");
        let missed: Vec<&str> = want.difference(&found).map(String::as_str).collect();
        let extra: Vec<_> = found.difference(&want).collect();
        assert!(
            missed == known && extra.is_empty(),
            "{doc}: missed {missed:?}, extra {extra:?}"
        );
    }
}

/// The two-column fixture is read column by column: the sidebar's skills, in the sidebar's
/// order, all come before the experience column's.
#[test]
fn two_column_pdf_yields_both_columns_in_column_order() {
    let pdf = fixtures().join("documents/ml-engineer-two-column.pdf");
    let out = cmd(&["scan", "--format", "json", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first_line = |id: &str| {
        doc["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .and_then(|s| s["matches"][0]["line"].as_u64())
            .unwrap_or_else(|| panic!("{id} not found"))
    };
    // Sidebar: Languages, Modelling, MLOps, Serving, Methods; then the experience column.
    let order = [
        "bash",
        "xgboost",
        "helm",
        "nvidia-triton",
        "recommender-systems",
        "argo-cd",
    ];
    let lines: Vec<u64> = order.iter().map(|id| first_line(id)).collect();
    assert!(lines.is_sorted(), "{order:?} on lines {lines:?}");
}

/// `fit` and `rank` read PDF and DOCX résumés like text.
#[test]
fn fit_and_rank_take_pdf_and_docx() {
    let docs = fixtures().join("documents");
    let pdf = docs.join("data-scientist.pdf");
    let out = cmd(&["fit", "--format", "json", pdf.to_str().unwrap()])
        .output()
        .unwrap();
    assert_success(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("data-scientist"));
    let docx = docs.join("data-engineer.docx");
    let postings = samples().join("postings.csv");
    let out = cmd(&[
        "rank",
        "--resume",
        docx.to_str().unwrap(),
        "--top",
        "3",
        postings.to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert_success(&out);
}

/// A scan (no text layer) says to run OCR and fails; other unreadable files name themselves
/// and the batch goes on past them (exit 1).
#[test]
fn unreadable_documents_are_errors_that_name_the_file() {
    insta::assert_snapshot!(run(&["scan", "documents/data-scientist-scanned.pdf"], None), @"
    exit: 2
    --- stdout
    --- stderr
    skillscan: error: documents/data-scientist-scanned.pdf: no extractable text; run OCR first
    ");

    let dir = tempfile::tempdir().unwrap();
    let docs = fixtures().join("documents");
    let pdf = std::fs::read(docs.join("data-scientist.pdf")).unwrap();
    let docx = std::fs::read(docs.join("data-engineer.docx")).unwrap();
    std::fs::write(dir.path().join("cut.pdf"), &pdf[..pdf.len() / 2]).unwrap();
    std::fs::write(dir.path().join("cut.docx"), &docx[..docx.len() / 2]).unwrap();
    std::fs::write(
        dir.path().join("old.doc"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
    )
    .unwrap();
    std::fs::write(dir.path().join("ok.txt"), "Python and SQL").unwrap();
    let out = cmd(&["scan", "cut.pdf", "cut.docx", "old.doc", "ok.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with(
            "skillscan: error: cut.pdf: not a readable PDF file (corrupt or truncated?)"
        ),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(
            "skillscan: error: cut.docx: not a readable DOCX file (corrupt or truncated?)"
        ),
        "{stderr}"
    );
    assert_eq!(
        lines[2],
        "skillscan: error: old.doc: an old Word .doc (or other Office 97-2003 file) is not supported; save it as .docx or PDF"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.txt"));
}
