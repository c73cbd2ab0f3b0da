//! The terminal table for people. Not a stable format.

use std::io::{self, Write};

use super::json::ScanDoc;

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
