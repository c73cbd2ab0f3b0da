//! Precision, recall and F1 of the scanner against gold annotations.
//!
//! Two gold formats are read, one JSON object per line:
//! - **SkillSpan** style: `{"tokens": [...], "tags_knowledge": ["B","I","O",...], "source": "tech"}`.
//!   Tokens are joined with single spaces and scanned; a predicted span covers the tokens its
//!   bytes touch. Spans are compared strictly (same tokens) and by overlap (any shared token),
//!   per source. Only skills of knowledge categories are predicted (not soft skills or
//!   certifications), since the Knowledge layer labels technologies and fields.
//! - **Documents**: `{"id": "...", "text": "...", "skills": ["python", ...]}`. The predicted set
//!   is every skill with a non-negated match; it is compared with the gold set, micro-averaged.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem};
use crate::scan::Scanner;

mod structure;
pub use structure::{Accuracy, StructureReport};

/// Precision, recall and F1 with their counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Predictions that are correct.
    pub true_positives: usize,
    /// Predictions made.
    pub predicted: usize,
    /// Gold items found.
    pub gold_found: usize,
    /// Gold items.
    pub gold: usize,
    /// `true_positives / predicted`.
    pub precision: f64,
    /// `gold_found / gold`.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    fn finish(mut self) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.true_positives, self.predicted);
        self.recall = ratio(self.gold_found, self.gold);
        self.f1 = if self.precision + self.recall == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        };
        self
    }

    fn add(&mut self, o: &Prf) {
        self.true_positives += o.true_positives;
        self.predicted += o.predicted;
        self.gold_found += o.gold_found;
        self.gold += o.gold;
    }
}

/// Span-level scores for one source (or all).
#[derive(Clone, Debug, Default, Serialize)]
pub struct SpanScores {
    /// The source (`tech`, `house`) or `all`.
    pub source: String,
    /// Sentences read.
    pub sentences: usize,
    /// Exact token-span match.
    pub strict: Prf,
    /// Any shared token.
    pub overlap: Prf,
}

/// A frequent error, for improving the lexicon.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorCount {
    /// The text (lowercased) or skill id.
    pub item: String,
    /// How often.
    pub count: usize,
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// `spans` (SkillSpan) or `documents`.
    pub format: String,
    /// Span scores per source, then `all` (SkillSpan format).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<SpanScores>,
    /// Document-level scores (documents format).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Prf>,
    /// Structure scores (structure format).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structure: Option<StructureReport>,
    /// Most frequent false positives (overlap matching).
    pub false_positives: Vec<ErrorCount>,
    /// Most frequent false negatives (overlap matching).
    pub false_negatives: Vec<ErrorCount>,
}

impl Report {
    /// The span scores of one source, if present.
    pub fn source(&self, name: &str) -> Option<&SpanScores> {
        self.spans.iter().find(|s| s.source == name)
    }
}

#[derive(Deserialize)]
struct SpanLine {
    tokens: Vec<String>,
    tags_knowledge: Vec<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
struct DocLine {
    text: String,
    skills: Vec<String>,
}

fn bad(file: &str, line: usize, message: String) -> Error {
    Error::Data(Problem {
        kind: "skill",
        file: file.to_string(),
        line,
        id: None,
        message,
    })
}

/// Token spans `[start, end)` of the B/I runs of a BIO sequence.
fn bio_spans(tags: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tags.iter().enumerate() {
        let b = t.starts_with('B');
        let inside = t.starts_with('I');
        if let Some(s) = open {
            if !inside {
                out.push((s, i));
                open = None;
            }
        }
        if b || (inside && open.is_none()) {
            open = Some(i);
        }
    }
    if let Some(s) = open {
        out.push((s, tags.len()));
    }
    out
}

fn top(counts: HashMap<String, usize>, n: usize) -> Vec<ErrorCount> {
    let mut v: Vec<ErrorCount> = counts
        .into_iter()
        .map(|(item, count)| ErrorCount { item, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.item.cmp(&b.item)));
    v.truncate(n);
    v
}

/// Evaluates `scanner` on gold data read from `text` (the contents of `file`), detecting the
/// format from the first object. `top_n` bounds the error lists.
pub fn evaluate(scanner: &Scanner, file: &str, text: &str, top_n: usize) -> Result<Report, Error> {
    let (line, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .unwrap_or((0, ""));
    let probe: serde_json::Value = serde_json::from_str(first)
        .map_err(|e| bad(file, line + 1, format!("not JSON lines: {e}")))?;
    if probe.get("tokens").is_some() {
        evaluate_spans(scanner, file, text, top_n)
    } else if probe.get("text").is_some() {
        evaluate_documents(scanner, file, text, top_n)
    } else if probe.get("file").is_some() && probe.get("kind").is_some() {
        Ok(Report {
            format: "structure".into(),
            structure: Some(structure::evaluate(scanner, file, text)?),
            ..Report::default()
        })
    } else {
        Err(bad(
            file,
            line + 1,
            "unknown gold format: expected `tokens` + `tags_knowledge`, `text` + `skills`, or `file` + `kind` (structure)"
                .into(),
        ))
    }
}

fn evaluate_spans(
    scanner: &Scanner,
    file: &str,
    text: &str,
    top_n: usize,
) -> Result<Report, Error> {
    let lex = scanner.lexicon();
    let mut per: BTreeMap<String, SpanScores> = BTreeMap::new();
    let mut fps: HashMap<String, usize> = HashMap::new();
    let mut fns: HashMap<String, usize> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: SpanLine =
            serde_json::from_str(line).map_err(|e| bad(file, n + 1, e.to_string()))?;
        if row.tokens.len() != row.tags_knowledge.len() {
            return Err(bad(
                file,
                n + 1,
                "tokens and tags_knowledge differ in length".into(),
            ));
        }
        let mut sentence = String::new();
        let mut starts = Vec::with_capacity(row.tokens.len());
        for tok in &row.tokens {
            if !sentence.is_empty() {
                sentence.push(' ');
            }
            starts.push(sentence.len());
            sentence.push_str(tok);
        }
        let tok_of = |byte: usize| starts.partition_point(|&s| s <= byte).saturating_sub(1);
        let gold = bio_spans(&row.tags_knowledge);
        let pred: Vec<(usize, usize)> = scanner
            .scan(&sentence)
            .into_iter()
            .filter(|m| lex.skill(m.skill).category.is_knowledge())
            .map(|m| {
                (
                    tok_of(m.start),
                    tok_of(m.end.saturating_sub(1).max(m.start)) + 1,
                )
            })
            .collect();
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let span_text = |(s, e): (usize, usize)| row.tokens[s..e].join(" ").to_lowercase();
        let mut strict = Prf::default();
        let mut overlap = Prf::default();
        strict.predicted = pred.len();
        overlap.predicted = pred.len();
        strict.gold = gold.len();
        overlap.gold = gold.len();
        for &p in &pred {
            if gold.contains(&p) {
                strict.true_positives += 1;
            }
            if gold.iter().any(|&g| overlaps(p, g)) {
                overlap.true_positives += 1;
            } else {
                *fps.entry(span_text(p)).or_default() += 1;
            }
        }
        for &g in &gold {
            if pred.contains(&g) {
                strict.gold_found += 1;
            }
            if pred.iter().any(|&p| overlaps(p, g)) {
                overlap.gold_found += 1;
            } else {
                *fns.entry(span_text(g)).or_default() += 1;
            }
        }
        // "all" is the total; rows without a source get a name of their own.
        let source = row.source.unwrap_or_else(|| "(none)".into());
        let s = per.entry(source.clone()).or_insert_with(|| SpanScores {
            source,
            ..Default::default()
        });
        s.sentences += 1;
        s.strict.add(&strict);
        s.overlap.add(&overlap);
    }
    let mut spans: Vec<SpanScores> = per.into_values().collect();
    {
        let mut all = SpanScores {
            source: "all".into(),
            ..Default::default()
        };
        for s in &spans {
            all.sentences += s.sentences;
            all.strict.add(&s.strict);
            all.overlap.add(&s.overlap);
        }
        spans.push(all);
    }
    for s in &mut spans {
        s.strict = s.strict.finish();
        s.overlap = s.overlap.finish();
    }
    Ok(Report {
        format: "spans".into(),
        spans,
        documents: None,
        structure: None,
        false_positives: top(fps, top_n),
        false_negatives: top(fns, top_n),
    })
}

fn evaluate_documents(
    scanner: &Scanner,
    file: &str,
    text: &str,
    top_n: usize,
) -> Result<Report, Error> {
    let lex = scanner.lexicon();
    let mut prf = Prf::default();
    let mut fps: HashMap<String, usize> = HashMap::new();
    let mut fns: HashMap<String, usize> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: DocLine =
            serde_json::from_str(line).map_err(|e| bad(file, n + 1, e.to_string()))?;
        for id in &row.skills {
            if lex.find(id).is_none() {
                return Err(bad(
                    file,
                    n + 1,
                    format!("gold skill '{id}' is not in the lexicon"),
                ));
            }
        }
        let mut pred: Vec<&str> = scanner
            .scan(&row.text)
            .into_iter()
            .filter(|m| !m.negated)
            .map(|m| lex.skill(m.skill).id.as_str())
            .collect();
        pred.sort_unstable();
        pred.dedup();
        let mut gold: Vec<&str> = row.skills.iter().map(String::as_str).collect();
        gold.sort_unstable();
        gold.dedup();
        prf.predicted += pred.len();
        prf.gold += gold.len();
        for p in &pred {
            if gold.binary_search(p).is_ok() {
                prf.true_positives += 1;
                prf.gold_found += 1;
            } else {
                *fps.entry(p.to_string()).or_default() += 1;
            }
        }
        for g in &gold {
            if pred.binary_search(g).is_err() {
                *fns.entry(g.to_string()).or_default() += 1;
            }
        }
    }
    Ok(Report {
        format: "documents".into(),
        spans: Vec::new(),
        documents: Some(prf.finish()),
        structure: None,
        false_positives: top(fps, top_n),
        false_negatives: top(fns, top_n),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_spans_follow_the_tags() {
        let t = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(bio_spans(&t("O B I O B B I I")), [(1, 3), (4, 5), (5, 8)]);
        assert_eq!(bio_spans(&t("I I O")), [(0, 2)]);
        assert_eq!(bio_spans(&t("O O")), []);
    }

    #[test]
    fn spans_are_scored_strictly_and_by_overlap() {
        let scanner = Scanner::builtin();
        let gold = r#"{"tokens":["Experience","with","Python","and","machine","learning","models"],"tags_knowledge":["B","I","I","O","B","I","I"],"source":"tech"}
{"tokens":["We","use","Docker"],"tags_knowledge":["O","O","O"],"source":"house"}"#;
        let r = evaluate(&scanner, "g.json", gold, 5).unwrap();
        let tech = r.source("tech").unwrap();
        // "Experience with Python" overlaps the predicted "Python" but is not the same span.
        assert_eq!((tech.strict.predicted, tech.strict.gold), (2, 2));
        assert!(tech.strict.true_positives < 2);
        assert_eq!(
            (tech.overlap.true_positives, tech.overlap.gold_found),
            (2, 2)
        );
        let house = r.source("house").unwrap();
        assert_eq!(
            (house.overlap.predicted, house.overlap.true_positives),
            (1, 0)
        );
        assert_eq!(
            r.false_positives,
            [ErrorCount {
                item: "docker".into(),
                count: 1
            }]
        );
        assert_eq!(r.false_negatives, []);
    }

    #[test]
    fn documents_are_scored_as_sets() {
        let scanner = Scanner::builtin();
        let gold = r#"{"id":"a","text":"Python, SQL and Tableau. No Java.","skills":["python","sql","excel"]}"#;
        let r = evaluate(&scanner, "g.jsonl", gold, 5).unwrap();
        let d = r.documents.unwrap();
        assert_eq!((d.predicted, d.true_positives, d.gold), (3, 2, 3));
        assert_eq!(r.false_positives[0].item, "tableau");
        assert_eq!(r.false_negatives[0].item, "excel");
        let bad =
            evaluate(&scanner, "g.jsonl", r#"{"text":"x","skills":["nope"]}"#, 5).unwrap_err();
        assert_eq!(
            bad.to_string(),
            "g.jsonl:1: gold skill 'nope' is not in the lexicon"
        );
    }
}
