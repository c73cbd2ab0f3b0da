//! Word documents (`.docx`): a zip of XML parts. The text comes from the headers, the body
//! and the footers, in that order; paragraphs and list items end lines, table cells are
//! separated by tabs and table rows end lines, text boxes appear where they are anchored.

use std::io::{Cursor, Read};

use quick_xml::events::Event;

use super::read::{Document, Format, Limits, ReadError};

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        format: Format::Docx,
        reason,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    if zip.len() > limits.max_objects {
        return Err(ReadError::TooLarge {
            what: format!("the zip archive's {} entries", zip.len()),
            limit: format!("{} entries", limits.max_objects),
        });
    }
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    names.sort();
    let part = |prefix: &str| {
        names
            .iter()
            .filter(|n| {
                n.strip_prefix(prefix)
                    .and_then(|r| r.strip_suffix(".xml"))
                    .is_some_and(|k| k.bytes().all(|b| b.is_ascii_digit()))
            })
            .cloned()
            .collect::<Vec<_>>()
    };
    let headers = part("word/header");
    let footers = part("word/footer");
    let mut budget = limits.max_decompressed;
    let mut text = String::new();
    let mut warnings = Vec::new();
    let mut seen_parts: Vec<String> = Vec::new();
    let order = headers
        .iter()
        .map(|n| (n.as_str(), false))
        .chain([("word/document.xml", true)])
        .chain(footers.iter().map(|n| (n.as_str(), false)));
    for (name, required) in order {
        let xml = match inflate(&mut zip, name, &mut budget, limits) {
            Ok(xml) => xml,
            Err(e @ ReadError::TooLarge { .. }) => return Err(e),
            Err(e) if required => return Err(e),
            Err(e) => {
                warnings.push(format!("{name} skipped: {e}"));
                continue;
            }
        };
        let part_text = match part_text(&xml, limits) {
            Ok(t) => t,
            Err(e) if required => return Err(e),
            Err(e) => {
                warnings.push(format!("{name} skipped: {e}"));
                continue;
            }
        };
        // The first-page, even-page and default headers often repeat one another.
        let trimmed = part_text.trim();
        if trimmed.is_empty() || (!required && seen_parts.iter().any(|p| p == trimmed)) {
            continue;
        }
        seen_parts.push(trimmed.to_string());
        text.push_str(trimmed);
        text.push('\n');
    }
    Ok(Document {
        format: Format::Docx,
        text,
        warnings,
    })
}

/// One zip entry's bytes, counted against the decompressed-size budget while inflating.
fn inflate(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
    limits: &Limits,
) -> Result<Vec<u8>, ReadError> {
    let entry = zip.by_name(name).map_err(|e| ReadError::Corrupt {
        format: Format::Docx,
        reason: format!("{name}: {e}"),
    })?;
    let too_large = || ReadError::TooLarge {
        what: "the decompressed document".into(),
        limit: format!("{} bytes", limits.max_decompressed),
    };
    if entry.size() > *budget {
        return Err(too_large());
    }
    let mut buf = Vec::with_capacity(entry.size().min(1 << 20) as usize);
    // The declared size may lie: stop reading one byte past the budget.
    entry
        .take(*budget + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::Corrupt {
            format: Format::Docx,
            reason: format!("{name}: {e}"),
        })?;
    if buf.len() as u64 > *budget {
        return Err(too_large());
    }
    *budget -= buf.len() as u64;
    Ok(buf)
}

/// The text of one WordprocessingML part.
fn part_text(xml: &[u8], limits: &Limits) -> Result<String, ReadError> {
    let corrupt = |e: &dyn std::fmt::Display, pos: u64| ReadError::Corrupt {
        format: Format::Docx,
        reason: format!("XML at byte {pos}: {e}"),
    };
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = String::new();
    let mut depth = 0usize;
    // Inside <w:t> (text to keep), or inside an element whose content is never shown.
    let mut in_text = false;
    let mut skip_depth: Option<usize> = None;
    let mut cell_depth = 0usize;
    loop {
        let pos = reader.buffer_position();
        let event = reader.read_event().map_err(|e| corrupt(&e, pos))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(ReadError::TooLarge {
                        what: "the XML nesting depth".into(),
                        limit: limits.max_depth.to_string(),
                    });
                }
                if skip_depth.is_some() {
                    continue;
                }
                match e.local_name().as_ref() {
                    b"t" => in_text = true,
                    // Deleted text, field codes, and the legacy copy of each text box.
                    b"delText" | b"instrText" | b"Fallback" | b"pPr" => skip_depth = Some(depth),
                    b"tc" => cell_depth += 1,
                    b"txbxContent" => end_line(&mut out),
                    _ => {}
                }
            }
            Event::Empty(e) if skip_depth.is_none() => match e.local_name().as_ref() {
                b"tab" if !in_text => push_sep(&mut out, '\t'),
                b"br" | b"cr" => out.push('\n'),
                b"noBreakHyphen" => out.push('-'),
                _ => {}
            },
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if let Some(d) = skip_depth {
                    if depth < d {
                        skip_depth = None;
                    }
                    continue;
                }
                match e.local_name().as_ref() {
                    b"t" => in_text = false,
                    // In a cell, paragraphs stay on the row's line.
                    b"p" if cell_depth > 0 => push_sep(&mut out, ' '),
                    b"p" => end_line(&mut out),
                    b"tc" => {
                        cell_depth = cell_depth.saturating_sub(1);
                        push_sep(&mut out, '\t');
                    }
                    b"tr" => end_line(&mut out),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth.is_none() => {
                let pos = reader.buffer_position();
                out.push_str(&t.decode().map_err(|e| corrupt(&e, pos))?);
            }
            Event::GeneralRef(r) if in_text && skip_depth.is_none() => {
                let pos = reader.buffer_position();
                if let Some(c) = r.resolve_char_ref().map_err(|e| corrupt(&e, pos))? {
                    out.push(c);
                } else {
                    let name = r.decode().map_err(|e| corrupt(&e, pos))?;
                    match &*name {
                        "amp" => out.push('&'),
                        "lt" => out.push('<'),
                        "gt" => out.push('>'),
                        "quot" => out.push('"'),
                        "apos" => out.push('\''),
                        other => return Err(corrupt(&format!("unknown entity &{other};"), pos)),
                    }
                }
            }
            Event::CData(t) if in_text && skip_depth.is_none() => {
                out.push_str(&String::from_utf8_lossy(&t));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(corrupt(&"the XML ends inside an element", xml.len() as u64));
    }
    let mut text = String::with_capacity(out.len());
    for line in out.lines() {
        text.push_str(line.trim_matches([' ', '\t']));
        text.push('\n');
    }
    Ok(text)
}

fn push_sep(out: &mut String, sep: char) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with(['\n', '\t']) {
        out.push(sep);
    }
}

fn end_line(out: &mut String) {
    while out.ends_with([' ', '\t']) {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{inner}</w:body></w:document>"#
        )
    }

    fn text(inner: &str) -> String {
        part_text(body(inner).as_bytes(), &Limits::default()).unwrap()
    }

    #[test]
    fn paragraphs_tables_and_runs() {
        let p = |s: &str| format!("<w:p><w:r><w:t>{s}</w:t></w:r></w:p>");
        assert_eq!(
            text(&(p("Python") + &p("SQL &amp; R"))),
            "Python\nSQL & R\n"
        );
        assert_eq!(
            text(
                "<w:p><w:r><w:t>Kuber</w:t></w:r><w:r><w:t>netes</w:t></w:r><w:r><w:tab/><w:t>2019</w:t><w:br/><w:t>Go</w:t></w:r></w:p>"
            ),
            "Kubernetes\t2019\nGo\n"
        );
        let row = |a: &str, b: &str| {
            format!(
                "<w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr>",
                p(a),
                p(b),
                p("x")
            )
        };
        assert_eq!(
            text(&format!(
                "<w:tbl>{}{}</w:tbl>",
                row("Skill", "Years"),
                row("Spark", "3")
            )),
            "Skill\tYears x\nSpark\t3 x\n"
        );
        // Field codes and deleted text are not shown; a text box's fallback copy is skipped.
        assert_eq!(
            text(
                r#"<w:p><w:r><w:instrText>HYPERLINK "java"</w:instrText></w:r><w:r><w:delText>Ruby</w:delText></w:r><w:r><w:t xml:space="preserve">Go </w:t></w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Rust</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>Rust</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:p>"#
            ),
            "Go\nRust\n"
        );
    }

    #[test]
    fn bad_xml_and_deep_nesting_are_errors() {
        assert!(part_text(b"<w:p><w:t>x</w:p>", &Limits::default()).is_err());
        assert!(part_text(b"<a><b>", &Limits::default()).is_err());
        let deep = "<a>".repeat(300) + &"</a>".repeat(300);
        let e = part_text(deep.as_bytes(), &Limits::default()).unwrap_err();
        assert!(e.to_string().contains("nesting depth"), "{e}");
    }
}
