//! Years per skill: each skill used inside a dated job entry gets that entry's months, and a
//! skill used in several entries the union of theirs, overlaps counted once.
//!
//! A **job entry** is the text from a work range's line (or the title line just above it,
//! when that line is not a bullet) to the next entry or the next section heading. In a
//! flattened résumé, where a whole job fits on one line, an entry starts no earlier than the
//! end of the range before it.

use super::{DateRange, Experience, YearMonth, union_months};
use crate::document::sections::Sections;
use crate::lexicon::SkillIdx;
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
            let after_previous = if i > 0 { work[i - 1].span.end } else { 0 };
            start.max(after_previous).min(r.span.start)
        })
        .collect();
    work.iter()
        .enumerate()
        .map(|(i, r)| {
            let next_entry = starts.get(i + 1).copied().unwrap_or(text.len());
            let next_heading = sections
                .starts()
                .iter()
                .map(|s| s.heading.start)
                .find(|&h| h > r.span.end)
                .unwrap_or(text.len());
            (*r, starts[i]..next_entry.min(next_heading).max(r.span.end))
        })
        .collect()
}

/// Years and last use of every skill mentioned (not negated) inside a job entry, by skill.
pub fn skill_years(
    text: &str,
    exp: &Experience,
    sections: &Sections,
    matches: &[Match],
) -> Vec<SkillYears> {
    let entries = entries(text, exp, sections);
    let mut used: Vec<(SkillIdx, &DateRange)> = Vec::new();
    for m in matches.iter().filter(|m| !m.negated) {
        for (r, span) in &entries {
            if span.contains(&m.start) {
                used.push((m.skill, r));
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
        let years = skill_years(text, &exp, &sections, &matches);
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
}
