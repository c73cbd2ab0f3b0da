//! The terminal table for people. Not a stable format.

use std::io::{self, Write};

use super::fit::{FitDoc, RequirementOut, SalaryOut};
use super::json::ScanDoc;
use crate::document::Kind;
use crate::score::WEAK_FIT;

/// ANSI styling, off unless asked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// Whether to emit ANSI colour codes.
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    /// Bold text.
    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    /// Dimmed text.
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    /// Text in the warning colour.
    pub fn warn(&self, s: &str) -> String {
        self.paint("33", s)
    }
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Writes one document's skills as a table.
pub fn write_scan(w: &mut impl Write, doc: &ScanDoc<'_>, style: Style) -> io::Result<()> {
    let found = doc.skills.iter().filter(|s| s.count > 0).count();
    writeln!(
        w,
        "{}  {}",
        style.bold(doc.document),
        style.dim(&format!("{} bytes, {} skills", doc.bytes, found))
    )?;
    if doc.skills.is_empty() {
        writeln!(w, "  (no skills found)")?;
        return Ok(());
    }
    let name_w = doc
        .skills
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(5)
        .clamp(5, 32);
    let cat_w = doc
        .skills
        .iter()
        .map(|s| s.category.len())
        .max()
        .unwrap_or(8)
        .max(8);
    writeln!(
        w,
        "  {}  {}  {:>5}  LINES",
        pad("SKILL", name_w),
        pad("CATEGORY", cat_w),
        "COUNT"
    )?;
    for s in &doc.skills {
        let mut lines: Vec<usize> = s.matches.iter().map(|m| m.line).collect();
        lines.dedup();
        let shown: Vec<String> = lines.iter().take(8).map(ToString::to_string).collect();
        let more = if lines.len() > 8 { ", …" } else { "" };
        let name = pad(s.name, name_w);
        let count = if s.negated > 0 {
            style.warn(&format!("{:>5}", format!("{}+{}!", s.count, s.negated)))
        } else {
            format!("{:>5}", s.count)
        };
        writeln!(
            w,
            "  {}  {}  {}  {}{}",
            name,
            pad(s.category, cat_w),
            count,
            shown.join(", "),
            more
        )?;
    }
    if doc.skills.iter().any(|s| s.negated > 0) {
        writeln!(
            w,
            "  {}",
            style.dim("n+m!: n mentions, m negated (\"no experience with ...\")")
        )?;
    }
    if !doc.implied.is_empty() {
        let names: Vec<&str> = doc.implied.iter().map(|i| i.name).collect();
        writeln!(w, "  {} {}", style.dim("implied:"), names.join(", "))?;
    }
    Ok(())
}

/// Writes one document's fit: the top `top` roles, then for the best role what is met,
/// partly met and missing (heaviest first) and, for a résumé, what to learn next; for a
/// posting, what it asks for beyond that role.
pub fn write_fit(w: &mut impl Write, doc: &FitDoc<'_>, top: usize, style: Style) -> io::Result<()> {
    let posting = doc.kind == Kind::Posting.as_str();
    let kind = if posting { "posting" } else { "résumé" };
    writeln!(w, "{}  {}", style.bold(doc.document), style.dim(kind))?;
    if let Some(e) = &doc.experience {
        let work = e.experience.work().count();
        match (e.seniority, &e.salary) {
            (Some(level), Some(pay)) => writeln!(
                w,
                "  experience: {:.1} years ({level}) from {work} dated {}, as of {}; typical \
                 salary {}*\n  {}",
                e.experience.years(),
                if work == 1 { "job" } else { "jobs" },
                e.experience.as_of,
                salary(pay),
                style.dim(&format!("* {}", pay.source))
            )?,
            _ => writeln!(
                w,
                "  experience: {}",
                style.dim("no dated job found, so no seniority or salary band")
            )?,
        }
    }
    for fit in doc.fits.iter().take(top) {
        match fit.closeness {
            Some(c) => writeln!(
                w,
                "  {:>5.1}  {}  {}",
                fit.score,
                fit.name,
                style.dim(&format!("closeness {c:.2}"))
            )?,
            None => writeln!(w, "  {:>5.1}  {}", fit.score, fit.name)?,
        }
    }
    let Some(best) = doc.fits.first() else {
        return Ok(());
    };
    if let Some(title) = doc.title {
        writeln!(
            w,
            "  {}: \"{title}\" names {}",
            style.dim("title"),
            best.name
        )?;
    } else if best.score < WEAK_FIT {
        let what = if posting { "is close to" } else { "fits well" };
        return writeln!(
            w,
            "  {}",
            style.warn(&format!(
                "no role {what}: the best is {} at {:.1} (below {WEAK_FIT})",
                best.name, best.score
            ))
        );
    }
    let head = if posting { "closest role" } else { "best fit" };
    writeln!(
        w,
        "  {}: {} ({:.1})",
        head,
        style.bold(best.name),
        best.score
    )?;
    let mut reqs: Vec<(usize, &RequirementOut<'_>)> =
        best.requirements.iter().enumerate().collect();
    reqs.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0)));
    for (title, status) in [
        ("met", "met"),
        ("partly met", "partial"),
        ("missing", "missing"),
    ] {
        let items: Vec<String> = reqs
            .iter()
            .filter(|(_, r)| r.status == status)
            .map(|(_, r)| {
                let what = match r.by.first() {
                    Some(c) if c.name != r.label => format!("{} ({})", r.label, c.name),
                    _ => r.label.to_string(),
                };
                format!(
                    "{what} [{} {}, {:.0}%]",
                    r.level,
                    r.weight,
                    r.credit * 100.0
                )
            })
            .collect();
        if !items.is_empty() {
            writeln!(w, "    {}: {}", style.dim(title), items.join("; "))?;
        }
    }
    if !doc.learning_path.is_empty() {
        let steps: Vec<String> = doc
            .learning_path
            .iter()
            .enumerate()
            .map(|(k, s)| format!("{}. {} ({})", k + 1, s.name, s.tier))
            .collect();
        writeln!(w, "  {} {}", style.bold("learn next:"), steps.join(", "))?;
    }
    if !doc.outside.is_empty() {
        let names: Vec<&str> = doc
            .outside
            .iter()
            .map(|id| {
                doc.skills
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or(*id, |s| s.name)
            })
            .collect();
        writeln!(
            w,
            "  {} {}",
            style.dim("beyond this role:"),
            names.join(", ")
        )?;
    }
    let next: Vec<String> = doc
        .fits
        .iter()
        .skip(1)
        .take(3)
        .map(|f| format!("{} {:.1}", f.name, f.score))
        .collect();
    if !next.is_empty() {
        writeln!(w, "  {} {}", style.dim("next best:"), next.join(", "))?;
    }
    Ok(())
}

/// `$150k–$250k+ USD`.
pub fn salary(s: &SalaryOut<'_>) -> String {
    let k = |n: u64| {
        if n % 1000 == 0 {
            format!("{}k", n / 1000)
        } else {
            n.to_string()
        }
    };
    let sign = if s.currency == "USD" { "$" } else { "" };
    format!(
        "{sign}{}–{sign}{}{} {}",
        k(s.min),
        k(s.max),
        if s.open_top { "+" } else { "" },
        s.currency
    )
}
