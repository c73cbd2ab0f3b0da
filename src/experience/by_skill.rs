//! Years per skill: each skill used inside a dated job entry gets that entry's months, and a
//! skill used in several entries the union of theirs, overlaps counted once. A match that
//! names a skill it implies counts for that skill too ("AWS EKS" is AWS used, "Spark
//! Structured Streaming" Spark), but an implication the text does not name does not
//! (PyTorch is not Python).
//!
//! A **job entry** is the text from a work range's line (or the title line just above it,
//! when that line is not a bullet) to the next entry or the next section heading, and never
//! starts before its own section's heading (a skills list above "Company Details" is not
//! part of the first job). A Kaggle-style "Project:" label inside a job's line is not a
//! section heading.
//!
//! In a **flattened** résumé (the previous range on the same line, or more than 100 bytes of
//! text before the range on its line), a job's description follows its range, so the text
//! between two ranges is the end of the earlier job and then the header of the next one.
//! The next entry starts at its header: at the last Kaggle-style `company - ` label; else
//! after the last sentence end, `;`, `: `, bullet or heading in capitals ("EXPERIENCE
//! Senior Analyst | ..."); else, after another job on the same line, 80 bytes before its
//! range. The "Python - Experience - 72
//! months" lines of Kaggle résumés are not used: the gold counts the dated jobs instead.

use super::{DateRange, Experience, YearMonth, union_months};
use crate::document::sections::Sections;
use crate::lexicon::{Lexicon, SkillIdx};
use crate::scan::Match;

/// How long, and how lately, a résumé shows a skill used in its job entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillYears {
    /// The skill.
    pub skill: SkillIdx,
    /// Months of the entries that mention it, overlaps counted once.
    pub months: u32,
    /// The last month of the latest such entry.
    pub last_used: YearMonth,
}

impl SkillYears {
    /// Years, one decimal.
    pub fn years(&self) -> f64 {
        (f64::from(self.months) / 12.0 * 10.0).round() / 10.0
    }
}

/// The byte span of each work range's job entry, in text order.
pub fn entries<'e>(
    text: &str,
    exp: &'e Experience,
    sections: &Sections,
) -> Vec<(&'e DateRange, std::ops::Range<usize>)> {
    let b = text.as_bytes();
    let mut work: Vec<&DateRange> = exp.work().collect();
    work.sort_by_key(|r| r.span.start);
    let line_start = |at: usize| memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let starts: Vec<usize> = work
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let own = line_start(r.span.start);
            let after_previous = if i > 0 { work[i - 1].span.end } else { 0 };
            // An entry starts after its section's heading.
            let after_heading = sections
                .starts()
                .iter()
                .map(|s| s.heading.end)
                .filter(|&h| h <= r.span.start)
                .max()
                .unwrap_or(0);
            let lower = after_previous.max(after_heading).min(r.span.start);
            // In a flattened résumé the text before the range on its line is the end of
            // the previous entry and then this entry's header ("... 80 minutes. Data
            // Engineer, Lekki Trust Bank (Nov 2020 - ..."): the entry starts at the header.
            let from = own.max(lower);
            let shared = i > 0 && work[i - 1].span.end > own;
            if shared || r.span.start - from > 100 {
                return header_start(text, from..r.span.start, shared);
            }
            // The title line above, if it is plain text.
            let mut start = own;
            if own > 0 {
                let above = line_start(own - 1);
                let line = text[above..own - 1].trim();
                let bullet = line.starts_with(['-', '*', '•', '·', '▪', '➢', '●', '–']);
                let range_on_it = i > 0 && work[i - 1].span.start >= above;
                if !line.is_empty() && !bullet && line.len() <= 100 && !range_on_it {
                    start = above;
                }
            }
            start.max(lower).min(r.span.start)
        })
        .collect();
    work.iter()
        .enumerate()
        .map(|(i, r)| {
            let next_entry = starts.get(i + 1).copied().unwrap_or(text.len());
            let next_heading = sections
                .starts()
                .iter()
                .filter(|s| !is_job_label(text, s.heading.clone()))
                .map(|s| s.heading.start)
                .find(|&h| h > r.span.end)
                .unwrap_or(text.len());
            (*r, starts[i]..next_entry.min(next_heading).max(r.span.end))
        })
        .collect()
}

/// Whether `written`, a match's text, names `skill` as a word of its own ("AWS" in "AWS
/// EKS", "Spark" in "Spark Structured Streaming"), ambiguous forms included: the match
/// settles their sense.
fn names(written: &str, skill: &crate::lexicon::Skill) -> bool {
    let written = written.to_lowercase();
    let ambiguous = skill
        .ambiguous
        .iter()
        .flat_map(|a| a.forms.iter().map(String::as_str));
    skill.plain_forms().chain(ambiguous).any(|form| {
        let form = form.to_lowercase();
        form.len() >= 2
            && form.len() < written.len()
            && written.match_indices(&form).any(|(at, _)| {
                let before = written[..at].chars().next_back();
                let after = written[at + form.len()..].chars().next();
                before.is_none_or(|c| !c.is_alphanumeric())
                    && after.is_none_or(|c| !c.is_alphanumeric())
            })
    })
}

/// How far before its range a flattened entry's header may start when no boundary marks it.
const HEADER_WINDOW: usize = 80;

/// Where a flattened job entry's header starts in `span`, the text between the previous
/// entry's range (or its section's heading) and this entry's range: at the last Kaggle-style
/// `company - ` label, else just after the last sentence end, `;`, `: `, bullet or heading in
/// capitals, else, when the previous job's range is on the same line (`shared`),
/// [`HEADER_WINDOW`] bytes before the range (at a word), else at the start of `span`.
fn header_start(text: &str, span: std::ops::Range<usize>, shared: bool) -> usize {
    let seg = &text[span.clone()];
    let lower = seg.to_ascii_lowercase();
    if let Some(at) = lower.rfind("company - ") {
        let before = lower[..at].chars().next_back();
        if before.is_none_or(|c| !c.is_alphanumeric()) {
            return span.start + at;
        }
    }
    let mut boundary = None;
    for (at, c) in seg.char_indices() {
        let next = seg[at + c.len_utf8()..].chars().next();
        let after_space = next.is_none_or(char::is_whitespace);
        let ends = match c {
            ';' | '•' | '➢' | '▪' | '●' | '·' => true,
            ':' => after_space,
            '.' => after_space && sentence_end(&seg[..at]),
            '*' => after_space && seg[..at].ends_with(' '),
            _ => false,
        };
        if ends {
            boundary = Some(at + c.len_utf8());
        }
    }
    // A heading in capitals run into the text ("... CORE SKILLS SQL, Excel ... EXPERIENCE
    // Senior Analyst | ..."): the header starts after it.
    let mut caps = 0;
    for (at, word) in words(seg) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 5 && !word.chars().any(char::is_lowercase) {
            caps = caps.max(at + word.len());
        }
    }
    if caps > 0 && boundary.is_none_or(|b| b < caps) {
        boundary = Some(caps);
    }
    let start = match boundary {
        Some(at) => at,
        None if shared && seg.len() > HEADER_WINDOW => {
            let mut at = seg.len() - HEADER_WINDOW;
            while !seg.is_char_boundary(at) {
                at += 1;
            }
            seg[at..].find(' ').map_or(at, |s| at + s + 1)
        }
        None => 0,
    };
    let trimmed = seg[start..].len() - seg[start..].trim_start().len();
    span.start + start + trimmed
}

/// The words of `s` (split at white space) with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Whether a full stop after `before` ends a sentence: the word before it is a lower-case
/// word of three letters or more, an acronym ("on AWS."), a longer word, or ends in a digit,
/// `%` or `)`; not "Pvt.", "Ltd.", "B.E." or "Sept.".
fn sentence_end(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    if word.contains('.') {
        return false;
    }
    let n = word.chars().count();
    word.ends_with(|c: char| c.is_ascii_digit() || c == '%' || c == ')')
        || n > 4
        || (n >= 3 && word.chars().all(char::is_lowercase))
        || (n >= 2 && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// Whether a heading is a job's own label rather than a section: "Project:" in a Kaggle-style
/// job description ("Duration: 01/2019 - Present Project: Retail data lake ... Roles: ...").
fn is_job_label(text: &str, heading: std::ops::Range<usize>) -> bool {
    let word = &text[heading.clone()];
    let b = text.as_bytes();
    let mid_line = heading.start > 0 && b[heading.start - 1] != b'\n';
    mid_line && word.eq_ignore_ascii_case("project") && b.get(heading.end) == Some(&b':')
}

/// Years and last use of every skill mentioned (not negated) inside a job entry, by skill.
pub fn skill_years(
    text: &str,
    exp: &Experience,
    sections: &Sections,
    matches: &[Match],
    lexicon: &Lexicon,
) -> Vec<SkillYears> {
    let entries = entries(text, exp, sections);
    let mut used: Vec<(SkillIdx, &DateRange)> = Vec::new();
    for m in matches.iter().filter(|m| !m.negated) {
        for (r, span) in &entries {
            if span.contains(&m.start) {
                used.push((m.skill, r));
                // "AWS EKS" is AWS used, "Spark Structured Streaming" Spark; PyTorch is not
                // Python.
                let written = &text[m.start..m.end.min(text.len())];
                used.extend(
                    lexicon
                        .implied_by(m.skill)
                        .iter()
                        .filter(|&&p| names(written, lexicon.skill(p)))
                        .map(|&p| (p, *r)),
                );
            }
        }
    }
    used.sort_by_key(|(s, r)| (*s, r.span.start));
    used.dedup_by_key(|(s, r)| (*s, r.span.start));
    used.chunk_by(|a, b| a.0 == b.0)
        .map(|group| SkillYears {
            skill: group[0].0,
            months: union_months(group.iter().map(|(_, r)| *r), exp.as_of),
            last_used: group
                .iter()
                .map(|(_, r)| r.end.min(exp.as_of))
                .max()
                .unwrap_or(exp.as_of),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Kind;
    use crate::scan::Scanner;

    #[test]
    fn a_skill_gets_the_months_of_its_entries() {
        let text = "EXPERIENCE\nData Scientist, Acme\nJan 2020 – Dec 2021\n- Python and SQL models\n\
                    Analyst, Beta | 2018 - 2020\n- SQL reports in Tableau\n\
                    SKILLS\nPython, Java\n";
        let as_of = YearMonth::parse("2026-11").unwrap();
        let exp = Experience::from_text(text, as_of);
        let sections = Sections::find(text, Kind::Resume);
        let scanner = Scanner::builtin();
        let matches = scanner.scan(text);
        let years = skill_years(text, &exp, &sections, &matches, scanner.lexicon());
        let got: Vec<String> = years
            .iter()
            .map(|y| {
                format!(
                    "{}={}@{}",
                    scanner.lexicon().skill(y.skill).id,
                    y.months,
                    y.last_used
                )
            })
            .collect();
        // In lexicon order. SQL: Jul 2018 – Dec 2021, the overlap in 2020 counted once;
        // Python: 24 months; Java is only listed.
        assert_eq!(
            got,
            ["tableau=24@2020-06", "python=24@2021-12", "sql=42@2021-12"]
        );
    }

    /// `skill=months` for every skill with years in `text`, sorted by id.
    fn years_in(text: &str) -> Vec<String> {
        let as_of = YearMonth::parse("2026-11").unwrap();
        let exp = Experience::from_text(text, as_of);
        let sections = Sections::find(text, Kind::Resume);
        let scanner = Scanner::builtin();
        let matches = scanner.scan(text);
        let mut got: Vec<String> = skill_years(text, &exp, &sections, &matches, scanner.lexicon())
            .iter()
            .map(|y| format!("{}={}", scanner.lexicon().skill(y.skill).id, y.months))
            .collect();
        got.sort();
        got
    }

    #[test]
    fn a_kaggle_job_description_follows_its_range() {
        // One line: a skills list, then two jobs whose descriptions follow their ranges.
        let text = "Skills: Jenkins, Terraform, Ansible, Kubernetes Education Details B.Tech IT \
                    Skill Details Terraform- Exprience - 48 months Company Details \
                    company - Acme Cloud Pvt Ltd description - Senior DevOps Engineer, \
                    March 2021 to till date. Manage Kubernetes clusters. Write Terraform modules. \
                    company - Beta Infotech description - Build Engineer, June 2013 to \
                    February 2021. Maintained Jenkins jobs. Wrote Ansible playbooks.\n";
        // Kubernetes and Terraform: Mar 2021 – Nov 2026; Jenkins and Ansible: Jun 2013 –
        // Feb 2021. Neither job gets the skills list.
        assert_eq!(
            years_in(text),
            [
                "ansible=93",
                "cloud-computing=69",
                "devops=69",
                "jenkins=93",
                "kubernetes=69",
                "terraform=69"
            ]
        );
    }

    #[test]
    fn a_flattened_entry_starts_after_the_last_sentence() {
        let text = "Summary: Data engineer. Work History: Data Engineer, Acme Networks \
                    (Feb 2023 - Present): built Spark jobs; orchestrated DAGs in Airflow. \
                    BI Developer, Beta Bank (Mar 2019 - Jan 2023): built SSIS packages.\n";
        assert_eq!(years_in(text), ["airflow=46", "spark=46", "ssis=47"]);
        // A sentence may end in an acronym.
        let text = "EXPERIENCE Platform Engineer, Acme (Jan 2022 - Dec 2023) - Built payout \
                    services in Go handling two million transfers a day - Ran the services \
                    on Kubernetes on AWS. Backend Engineer, Beta Logistics (Jan 2019 - Dec \
                    2021) - Wrote Java services.\n";
        let got = years_in(text);
        assert!(got.contains(&"kubernetes=24".to_string()), "{got:?}");
        assert!(got.contains(&"java=36".to_string()), "{got:?}");
    }

    #[test]
    fn a_long_line_before_a_lone_range_stays_with_it() {
        let text = "EXPERIENCE\nPython Developer, Acme Retail Corporation, where I built demand \
                    forecasts and reporting services for the supply chain and finance teams \
                    (Jan 2020 - Dec 2021)\n";
        assert_eq!(years_in(text), ["python=24"]);
    }

    #[test]
    fn a_heading_in_capitals_ends_the_skills_list_before_an_entry() {
        let text = "Ana Ortega - Marketing Analyst\nSUMMARY Marketing analyst for retail brands. \
                    CORE SKILLS SQL, Google Analytics, Excel, Python EXPERIENCE Senior Analyst | \
                    Tienda S.A. de C.V. | 04/2022 - Present | Weekly channel report in BigQuery; \
                    moved 30 percent of the budget. Analyst | Agencia Nopal | 08/2019 - 03/2022 | \
                    Built Excel reports; automated data pulls with Python.\n";
        assert_eq!(years_in(text), ["bigquery=56", "excel=32", "python=32"]);
    }

    #[test]
    fn a_project_label_does_not_end_a_kaggle_job() {
        let text = "Skill Details\nSPARK- Exprience - 60 months\nCompany Details\n\
                    company - Acme Infotech\n\
                    description - Big Data Engineer Duration: 01/2019 - 12/2020 Project: Retail \
                    data lake Roles: ➢ Built PySpark jobs ➢ Wrote Kafka consumers\n";
        assert_eq!(
            years_in(text),
            ["big-data=24", "data-lake=24", "kafka=24", "pyspark=24"]
        );
    }

    #[test]
    fn a_match_counts_for_an_implied_skill_it_names() {
        let text = "EXPERIENCE\nML Engineer, Acme\nJan 2020 - Dec 2021\n\
                    - Ran services on AWS EKS; trained models in PyTorch\n";
        let got = years_in(text);
        assert!(got.contains(&"aws=24".to_string()), "{got:?}");
        assert!(got.contains(&"aws-eks=24".to_string()), "{got:?}");
        assert!(!got.iter().any(|y| y.starts_with("python=")), "{got:?}");
    }
}
