//! One entry point for every input file: [`read`] tells the format by content (magic bytes,
//! then sniffing), decodes text, and hands PDF, DOCX and HTML to their readers.

use std::borrow::Cow;
use std::fmt;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// What a file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text or Markdown (UTF-8, UTF-16 or Windows-1252).
    Text,
    /// An HTML page: only its visible text is kept.
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
}

impl Format {
    /// `text`, `html`, `pdf` or `docx`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
        })
    }
}

/// A document's text, ready to scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// What the file was.
    pub format: Format,
    /// The text a person reading the page would see, one line per line, paragraph, list item
    /// or table row.
    pub text: String,
    /// Problems that did not stop reading (a fallback encoding, a page that failed).
    pub warnings: Vec<String>,
}

/// Why a file could not be read. The messages do not repeat the file name: callers add it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// A format skillscan does not read (an old `.doc`, an image, an archive...).
    #[error("{0}")]
    Unsupported(String),
    /// A PDF with no text layer (a scan).
    #[error("no extractable text; run OCR first")]
    NoText,
    /// A PDF that needs a password.
    #[error("the PDF is encrypted with a password; save an unprotected copy first")]
    Encrypted,
    /// A corrupt or truncated file.
    #[error("not a readable {format} file (corrupt or truncated?): {reason}")]
    Corrupt {
        /// The format its magic bytes announced.
        format: Format,
        /// What the reader tripped on.
        reason: String,
    },
    /// A file over one of the [`Limits`].
    #[error("{what} exceeds the limit of {limit}")]
    TooLarge {
        /// What grew too large.
        what: String,
        /// The limit, with its unit.
        limit: String,
    },
    /// A reader left out of this build (a Cargo feature).
    #[error("{0} support was not built in (Cargo feature `{feature}`)", feature = .0.as_str())]
    Disabled(Format),
}

/// Bounds on the work and memory one file may take. Readers check them while they go (a
/// zip bomb is stopped while inflating, not after).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_input: usize,
    /// Largest total decompressed size of the parts a reader inflates, in bytes.
    pub max_decompressed: u64,
    /// Most pages in a PDF.
    pub max_pages: usize,
    /// Most entries in a DOCX zip archive, or objects in a PDF.
    pub max_objects: usize,
    /// Deepest element nesting in DOCX XML.
    pub max_depth: usize,
}

impl Default for Limits {
    /// 256 MiB of input, 64 MiB decompressed, 500 pages, 100,000 objects, nesting depth 256.
    fn default() -> Limits {
        Limits {
            max_input: 256 << 20,
            max_decompressed: 64 << 20,
            max_pages: 500,
            max_objects: 100_000,
            max_depth: 256,
        }
    }
}

/// Reads a document from its bytes with the default [`Limits`]; see [`read_with`].
pub fn read(bytes: &[u8], name: &str) -> Result<Document, ReadError> {
    read_with(bytes, name, &Limits::default())
}

/// Reads a document from its bytes. The format comes from the content, never from the name
/// alone: `%PDF-` is a PDF, a zip with `word/document.xml` a DOCX, and text that starts like
/// HTML (or a `.html`/`.htm` name on text that starts with `<`) is HTML. Anything else that
/// decodes as text is text; other binary data is an error that says what it looks like.
///
/// Never panics on bad bytes.
pub fn read_with(bytes: &[u8], name: &str, limits: &Limits) -> Result<Document, ReadError> {
    if bytes.len() > limits.max_input {
        return Err(ReadError::TooLarge {
            what: format!("the file ({} bytes)", bytes.len()),
            limit: format!("{} bytes", limits.max_input),
        });
    }
    match sniff(bytes) {
        Sniffed::Pdf => read_pdf(bytes, limits),
        Sniffed::Docx => read_docx(bytes, limits),
        Sniffed::Unsupported(msg) => Err(ReadError::Unsupported(msg)),
        Sniffed::Text => {
            let (text, mut warnings) = decode_text(bytes)?;
            if looks_like_html(&text, name) {
                let text = match html_charset(bytes, &warnings) {
                    Some(enc) => {
                        warnings.clear();
                        warnings.push(format!("decoded as {} (the page's charset)", enc.name()));
                        enc.decode_without_bom_handling(bytes).0.into_owned()
                    }
                    None => text,
                };
                read_html(&text, warnings)
            } else {
                Ok(Document {
                    format: Format::Text,
                    text,
                    warnings,
                })
            }
        }
    }
}

enum Sniffed {
    Pdf,
    Docx,
    Text,
    Unsupported(String),
}

const SAVE_AS: &str = "save it as .docx or PDF";

fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(1024)];
    // The PDF header may follow some junk; readers look for it in the first 1 KiB.
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Sniffed::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // Zip entry names are stored uncompressed, so the parts can be told by name.
        let has = |n: &[u8]| memchr::memmem::find(bytes, n).is_some();
        return if has(b"word/document.xml") {
            Sniffed::Docx
        } else if has(b"application/vnd.oasis.opendocument.text") {
            Sniffed::Unsupported(format!(
                "an OpenDocument text (.odt) is not supported; {SAVE_AS}"
            ))
        } else if has(b"xl/workbook.xml") || has(b"ppt/presentation.xml") {
            Sniffed::Unsupported(format!(
                "an Excel or PowerPoint file is not supported; {SAVE_AS}"
            ))
        } else {
            Sniffed::Unsupported("a zip archive is not a document; unpack it first".into())
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Sniffed::Unsupported(format!(
            "an old Word .doc (or other Office 97-2003 file) is not supported; {SAVE_AS}"
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Sniffed::Unsupported(format!("RTF is not supported; {SAVE_AS}"));
    }
    const IMAGES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF8", "GIF"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
    ];
    if let Some((_, kind)) = IMAGES.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Sniffed::Unsupported(format!(
            "a {kind} image has no extractable text; run OCR first"
        ));
    }
    Sniffed::Text
}

/// Decodes text: UTF-8 (with or without a BOM), UTF-16 with a BOM (or without one, when every
/// other byte of an ASCII text is zero), else Windows-1252 with a warning. Other binary data
/// (NUL bytes) is an error.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<String>), ReadError> {
    let mut warnings = Vec::new();
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some((UTF_16LE, &bytes[2..])),
        [0xFE, 0xFF, ..] => Some((UTF_16BE, &bytes[2..])),
        _ => bomless_utf16(bytes).map(|enc| (enc, bytes)),
    };
    if let Some((enc, body)) = utf16 {
        let (text, bad) = enc.decode_without_bom_handling(body);
        if bad || body.len() % 2 == 1 {
            warnings.push(format!("invalid {}; bad units replaced", enc.name()));
        }
        return Ok((text.into_owned(), warnings));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if memchr::memchr(0, &body[..body.len().min(8192)]).is_some() {
        return Err(ReadError::Unsupported(
            "binary data of an unknown kind is not supported (not text, PDF, DOCX or HTML)".into(),
        ));
    }
    let text = match std::str::from_utf8(body) {
        Ok(s) => s.to_string(),
        Err(e) => {
            warnings.push(format!(
                "invalid UTF-8 (first at byte {}); decoded as Windows-1252",
                e.valid_up_to() + (bytes.len() - body.len())
            ));
            WINDOWS_1252
                .decode_without_bom_handling(body)
                .0
                .into_owned()
        }
    };
    Ok((text, warnings))
}

/// UTF-16 without a BOM: in the first 512 bytes, zeros sit on one parity only and make up
/// at least a third of the pairs (ASCII-heavy text).
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let pairs = head.len() / 2;
    match (even, odd) {
        (0, n) if n * 3 >= pairs => Some(UTF_16LE),
        (n, 0) if n * 3 >= pairs => Some(UTF_16BE),
        _ => None,
    }
}

fn looks_like_html(text: &str, name: &str) -> bool {
    let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || ((head.starts_with("<!--") || head.starts_with("<?xml")) && head.contains("<html"))
        || (matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) && head.starts_with('<'))
}

/// The encoding a page declares (`<meta charset=...>`), used only when its bytes are not
/// UTF-8 and the declared encoding is a known one other than UTF-8.
fn html_charset(bytes: &[u8], warnings: &[String]) -> Option<&'static Encoding> {
    if warnings.is_empty() {
        return None;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let enc = Encoding::for_label(label.as_bytes())?;
    (enc != encoding_rs::UTF_8 && enc != WINDOWS_1252 && enc != UTF_16LE && enc != UTF_16BE)
        .then_some(enc)
}

#[cfg(feature = "pdf")]
fn read_pdf(bytes: &[u8], limits: &Limits) -> Result<Document, ReadError> {
    super::pdf::read(bytes, limits)
}

#[cfg(not(feature = "pdf"))]
fn read_pdf(_: &[u8], _: &Limits) -> Result<Document, ReadError> {
    Err(ReadError::Disabled(Format::Pdf))
}

#[cfg(feature = "docx")]
fn read_docx(bytes: &[u8], limits: &Limits) -> Result<Document, ReadError> {
    super::docx::read(bytes, limits)
}

#[cfg(not(feature = "docx"))]
fn read_docx(_: &[u8], _: &Limits) -> Result<Document, ReadError> {
    Err(ReadError::Disabled(Format::Docx))
}

#[cfg(feature = "html")]
fn read_html(text: &str, warnings: Vec<String>) -> Result<Document, ReadError> {
    Ok(Document {
        format: Format::Html,
        text: super::html::visible_text(text),
        warnings,
    })
}

#[cfg(not(feature = "html"))]
fn read_html(_: &str, _: Vec<String>) -> Result<Document, ReadError> {
    Err(ReadError::Disabled(Format::Html))
}

/// Text extracted from a PDF made fit to scan: ligatures spelled out, soft
/// hyphens and line-end hyphenation undone, icon glyphs (private use) and control characters
/// dropped, runs of spaces collapsed, at most one blank line in a row.
pub fn clean_extracted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        // A soft hyphen at a line end is sometimes placed after a space ("mod \u{AD}").
        let line = line.trim_end_matches([' ', '\t', '\r']);
        let joined;
        let line = match line.strip_suffix('\u{AD}') {
            Some(stem) if stem.ends_with(' ') => {
                joined = format!("{}\u{AD}", stem.trim_end());
                joined.as_str()
            }
            _ => line,
        };
        let mut cleaned = String::with_capacity(line.len());
        for c in line.chars() {
            match c {
                '\u{FB00}' => cleaned.push_str("ff"),
                '\u{FB01}' => cleaned.push_str("fi"),
                '\u{FB02}' => cleaned.push_str("fl"),
                '\u{FB03}' => cleaned.push_str("ffi"),
                '\u{FB04}' => cleaned.push_str("ffl"),
                '\u{FB05}' | '\u{FB06}' => cleaned.push_str("st"),
                // A PDF draws only visible glyphs, so a soft hyphen in its text was drawn as
                // a hyphen (LuaTeX writes every hyphen so); line ends are handled below.
                '\u{00AD}' => cleaned.push('-'),
                '\t' => cleaned.push('\t'),
                '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{3000}' => cleaned.push(' '),
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFD}' => {}
                // Icon fonts (Font Awesome...) map glyphs to the private use areas; seen as
                // a gap so the words around them stay apart.
                c if is_private_use(c) || c.is_control() => cleaned.push(' '),
                c => cleaned.push(c),
            }
        }
        let line = collapse_spaces(&cleaned);
        join_line(&mut out, &line);
    }
    let mut text = join_hyphenation(out.trim_matches('\n'));
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}')
}

fn collapse_spaces(line: &str) -> Cow<'_, str> {
    let trimmed = line.trim_matches([' ', '\t']);
    if !trimmed.contains("  ") && !trimmed.contains(" \t") && !trimmed.contains("\t ") {
        return Cow::Borrowed(trimmed);
    }
    let mut s = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        if (c == ' ' || c == '\t') && s.ends_with([' ', '\t']) {
            if c == '\t' {
                s.pop();
                s.push('\t');
            }
            continue;
        }
        s.push(c);
    }
    Cow::Owned(s)
}

/// Appends `line` and a newline to `out`, keeping at most one blank line in a row.
fn join_line(out: &mut String, line: &str) {
    if line.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
        return;
    }
    out.push_str(line);
    out.push('\n');
}

/// Joins a line that ends in a hyphen after a word to the next: "Kuber-" + "netes" gives
/// "Kubernetes" (lowercase on both sides: a broken word), "Scikit-" + "Learn" gives
/// "Scikit-Learn" (a capital or digit: the hyphen is real).
fn join_hyphenation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let next = match lines.peek() {
            Some(n) => *n,
            None => break,
        };
        if let Some(stem) = line.strip_suffix('-') {
            // pdf-extract sometimes puts a space before a line-end hyphen ("mod -").
            let spaced = stem.ends_with(' ') && !stem.ends_with("  ");
            let stem = if spaced {
                &stem[..stem.len() - 1]
            } else {
                stem
            };
            let before = stem.chars().next_back();
            let after = next.chars().next();
            let lower = |c: Option<char>| c.is_some_and(char::is_lowercase);
            if lower(before) && lower(after) {
                // A broken word: drop the hyphen (and its space); the next line continues it.
                out.truncate(out.len() - 1 - usize::from(spaced));
                continue;
            }
            if !spaced
                && before.is_some_and(char::is_alphabetic)
                && after.is_some_and(char::is_alphanumeric)
            {
                // A real hyphen at the line end: keep it, join the lines.
                continue;
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(bytes: &[u8], name: &str) -> Document {
        read(bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    #[test]
    fn text_encodings() {
        let d = read_ok(b"\xEF\xBB\xBFPython", "a.txt");
        assert_eq!((d.format, d.text.as_str()), (Format::Text, "Python"));
        assert!(d.warnings.is_empty());
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Rust, SQL".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read_ok(&le, "a.txt").text, "Rust, SQL");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Go ✓".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(read_ok(&be, "a.txt").text, "Go ✓");
        let bomless: Vec<u8> = "Python and SQL"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(read_ok(&bomless, "a.txt").text, "Python and SQL");
        let d = read_ok(b"caf\xe9 \x93SQL\x94", "a.txt");
        assert_eq!(d.text, "café “SQL”");
        assert_eq!(
            d.warnings,
            ["invalid UTF-8 (first at byte 3); decoded as Windows-1252"]
        );
        // Odd-length UTF-16 still decodes, with a warning.
        assert_eq!(read_ok(b"\xFF\xFEA\0B", "a.txt").warnings.len(), 1);
    }

    #[test]
    fn formats_are_told_by_content() {
        let err = |b: &[u8]| read(b, "x").unwrap_err().to_string();
        assert!(err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").contains("save it as .docx or PDF"));
        assert!(err(b"\x89PNG\r\n\x1a\n").contains("run OCR first"));
        assert!(err(b"PK\x03\x04zzzz").contains("not a document"));
        assert!(err(b"{\\rtf1 hello}").contains("RTF"));
        assert!(err(b"\x7fELF\x02\x01\x01\0\0\0").contains("binary data"));
        assert!(matches!(
            read(b"%PDF-1.4\nnot really", "cv.txt"),
            Err(ReadError::Corrupt {
                format: Format::Pdf,
                ..
            }) | Err(ReadError::Disabled(_))
        ));
        // A text file named .pdf is still text.
        assert_eq!(read_ok(b"Python", "cv.pdf").format, Format::Text);
        for page in [
            "<!DOCTYPE html><p>Go</p>",
            "  <html><body>Go",
            "<!-- x --><html>Go",
        ] {
            let want = if cfg!(feature = "html") {
                Ok(Format::Html)
            } else {
                Err(())
            };
            assert_eq!(
                read(page.as_bytes(), "x").map(|d| d.format).map_err(|_| ()),
                want
            );
        }
        assert_eq!(
            read_ok(b"<b>Go</b> is fun", "notes.md").format,
            Format::Text
        );
    }

    #[test]
    fn nothing_panics_on_junk() {
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 5, 64, 700] {
            for prefix in [
                &b""[..],
                b"%PDF-1.7\n",
                b"PK\x03\x04",
                b"<html>",
                b"\xFF\xFE",
            ] {
                let mut bytes = prefix.to_vec();
                for _ in 0..len {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    bytes.push((seed >> 33) as u8);
                }
                let _ = read(&bytes, "junk");
            }
        }
    }

    #[test]
    fn limits_are_checked() {
        let limits = Limits {
            max_input: 4,
            ..Limits::default()
        };
        let e = read_with(b"Python", "a", &limits).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the file (6 bytes) exceeds the limit of 4 bytes"
        );
    }

    #[test]
    fn extracted_text_is_cleaned() {
        let cases = [
            (
                "\u{FB01}ne-tuning, Stackover\u{FB02}ow",
                "fine-tuning, Stackoverflow\n",
            ),
            ("high\u{00AD}impact", "high-impact\n"),
            ("\u{F0E0} john@x.org \u{F0C1}  site", "john@x.org site\n"),
            ("a\u{0087}b\u{0014}\u{0014}c", "a b c\n"),
            ("\n\n  Python  \n\n\n\nSQL\n\n", "Python\n\nSQL\n"),
        ];
        for (input, want) in cases {
            assert_eq!(clean_extracted(input), want, "{input:?}");
        }
        let cases = [
            (
                "Kuber-\nnetes and Scikit-\nLearn",
                "Kubernetes and Scikit-Learn",
            ),
            ("COVID-\n19", "COVID-19"),
            ("Con\u{AD}\nsul", "Consul"),
            ("language mod \u{AD}\neling", "language modeling"),
            ("language mod -\neling", "language modeling"),
            ("Python -\nSQL", "Python -\nSQL"),
            ("language mod \u{AD}\neling", "language modeling"),
            ("- item\n- item", "- item\n- item"),
            ("2019 -\n2021", "2019 -\n2021"),
        ];
        for (input, want) in cases {
            assert_eq!(clean_extracted(input).trim_end(), want, "{input:?}");
        }
    }
}
