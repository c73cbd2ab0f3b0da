//! CSV files of documents (postings, or résumés), one per row, read as they really come:
//! a header row, any one-byte delimiter, a UTF-8 byte-order mark, CRLF or mixed line endings,
//! quoted multi-line fields, ragged rows and invalid UTF-8.
//!
//! [`Rows`] never drops a row silently: each record becomes a [`Row`] or a [`BadRow`] that
//! names its record number and line.

use std::io::Read;

/// A column chosen by the user: a header name (any case) or a 1-based index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnSpec {
    /// A header name, matched ignoring case and surrounding spaces.
    Name(String),
    /// A 1-based column number.
    Index(usize),
}

impl ColumnSpec {
    /// Reads `3` as an index and anything else as a name.
    pub fn parse(s: &str) -> ColumnSpec {
        match s.trim().parse::<usize>() {
            Ok(i) if i > 0 => ColumnSpec::Index(i),
            _ => ColumnSpec::Name(s.to_string()),
        }
    }
}

/// Header names tried, in order, when no text column is given. Compared after dropping case,
/// spaces, `_` and `-`, so `Job Description`, `job_description` and `JobDescription` all match
/// `jobdescription`.
pub const TEXT_COLUMNS: &[&str] = &[
    "description",
    "jobdescription",
    "postingdescription",
    "descriptiontext",
    "text",
    "body",
    "content",
    "resume",
    "resumetext",
    "resumestr",
    "cv",
    "posting",
    "jobposting",
    "details",
];
const ID_COLUMNS: &[&str] = &["id", "jobid", "postingid", "jobpostingid", "uuid", "key"];
const TITLE_COLUMNS: &[&str] = &["title", "jobtitle", "position", "positiontitle", "role"];
const COMPANY_COLUMNS: &[&str] = &["company", "companyname", "employer", "organization"];
const LOCATION_COLUMNS: &[&str] = &["location", "joblocation", "city"];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The columns of a CSV file that skillscan reads (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The header row, decoded.
    pub headers: Vec<String>,
    /// The document text.
    pub text: usize,
    /// A row id, when there is one.
    pub id: Option<usize>,
    /// A job title.
    pub title: Option<usize>,
    /// A company.
    pub company: Option<usize>,
    /// A location.
    pub location: Option<usize>,
}

/// Which columns to read; `None` detects them from the header.
#[derive(Clone, Debug, Default)]
pub struct ColumnChoice {
    /// The text column.
    pub text: Option<ColumnSpec>,
    /// The id column.
    pub id: Option<ColumnSpec>,
    /// The title column.
    pub title: Option<ColumnSpec>,
    /// The company column.
    pub company: Option<ColumnSpec>,
}

impl Columns {
    /// Finds the columns in `headers`. A column given by the user must exist; the text
    /// column must exist or be detected. The error says what the headers are.
    pub fn find(headers: Vec<String>, choice: &ColumnChoice) -> Result<Columns, String> {
        let squashed: Vec<String> = headers.iter().map(|h| squash(h)).collect();
        let given = |spec: &ColumnSpec, what: &str| -> Result<usize, String> {
            match spec {
                ColumnSpec::Index(i) if *i <= headers.len() => Ok(i - 1),
                ColumnSpec::Index(i) => Err(format!(
                    "{what} column {i} does not exist: the header has {} columns",
                    headers.len()
                )),
                ColumnSpec::Name(n) => {
                    let want = n.trim().to_lowercase();
                    headers
                        .iter()
                        .position(|h| h.trim().to_lowercase() == want)
                        .ok_or_else(|| {
                            format!(
                                "no {what} column named '{n}'; the columns are: {}",
                                list(&headers)
                            )
                        })
                }
            }
        };
        let detect = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| squashed.iter().position(|h| h == n))
        };
        let pick = |spec: &Option<ColumnSpec>, names: &[&str], what: &str| match spec {
            Some(s) => given(s, what).map(Some),
            None => Ok(detect(names)),
        };
        let text = match &choice.text {
            Some(s) => given(s, "text")?,
            None => detect(TEXT_COLUMNS).ok_or_else(|| {
                format!(
                    "no text column found; name one with --text-col NAME|NUMBER. The columns are: {}",
                    list(&headers)
                )
            })?,
        };
        Ok(Columns {
            text,
            id: pick(&choice.id, ID_COLUMNS, "id")?,
            title: pick(&choice.title, TITLE_COLUMNS, "title")?,
            company: pick(&choice.company, COMPANY_COLUMNS, "company")?,
            location: detect(LOCATION_COLUMNS),
            headers,
        })
    }
}

fn list(headers: &[String]) -> String {
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| format!("{} '{h}'", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One document read from a CSV record.
#[derive(Clone, Debug, Default)]
pub struct Row {
    /// 1-based number of the data record (the header is record 0).
    pub record: u64,
    /// 1-based line where the record starts.
    pub line: u64,
    /// The text, decoded (lossily, with a warning, if it was not UTF-8).
    pub text: String,
    /// The id column's value, or the record number when there is no id column.
    pub id: String,
    /// The title column's value.
    pub title: Option<String>,
    /// The company column's value.
    pub company: Option<String>,
    /// The location column's value.
    pub location: Option<String>,
    /// Problems that did not stop the row.
    pub warnings: Vec<String>,
    /// The record as read, for writing it back out.
    pub raw: csv::ByteRecord,
}

/// A record that could not be read as a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based data record number.
    pub record: u64,
    /// 1-based line where it starts.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for BadRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "record {} (line {}): {}",
            self.record, self.line, self.message
        )
    }
}

/// Reads documents from CSV records.
pub struct Rows<R: Read> {
    reader: csv::Reader<LineIndex<R>>,
    columns: Columns,
    record: u64,
    done: bool,
    /// Bytes of the last record's fields: the next record's buffer starts this large, so a
    /// record is read without growing its buffer step by step.
    last_len: usize,
}

/// Counts lines under the CSV reader. The csv crate's own line numbers lag by one after a CRLF
/// record terminator, so a record's line is worked out here from its byte offset: one plus the
/// newlines at or before it (a record never starts with a newline, so one found at its offset
/// is the end of the previous line). Only newlines not yet passed are kept: memory stays
/// bounded by the reader's buffer.
struct LineIndex<R> {
    inner: R,
    offset: u64,
    ahead: std::collections::VecDeque<u64>,
    passed: u64,
}

impl<R: Read> Read for LineIndex<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let base = self.offset;
        self.ahead
            .extend(memchr::memchr_iter(b'\n', &buf[..n]).map(|i| base + i as u64));
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R> LineIndex<R> {
    fn line_at(&mut self, byte: u64) -> u64 {
        while self.ahead.front().is_some_and(|&nl| nl <= byte) {
            self.ahead.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }
}

impl<R: Read> Rows<R> {
    /// Opens a CSV stream with a header row. `delimiter` is any one byte (`b'\t'` for TSV).
    pub fn new(input: R, delimiter: u8, choice: &ColumnChoice) -> Result<Rows<R>, String> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(LineIndex {
                inner: input,
                offset: 0,
                ahead: Default::default(),
                passed: 0,
            });
        let headers = reader
            .byte_headers()
            .map_err(|e| format!("cannot read the header row: {e}"))?;
        if headers.is_empty() {
            return Err("the file is empty: a header row is needed".into());
        }
        let mut headers: Vec<String> = headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).into_owned())
            .collect();
        if let Some(h) = headers.first_mut() {
            if let Some(rest) = h.strip_prefix('\u{feff}') {
                *h = rest.to_string();
            }
        }
        let columns = Columns::find(headers, choice)?;
        Ok(Rows {
            reader,
            columns,
            record: 0,
            done: false,
            last_len: 0,
        })
    }

    /// The columns in use.
    pub fn columns(&self) -> &Columns {
        &self.columns
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The next record: `None` at the end, `Some(Err)` for a record that is not a document
    /// (too few fields for the text column, or unreadable). Reading goes on after an error,
    /// except after an I/O error, which ends the stream.
    pub fn next_row(&mut self) -> Option<Result<Row, BadRow>> {
        if self.done {
            return None;
        }
        let mut raw = csv::ByteRecord::with_capacity(
            self.last_len.next_power_of_two().min(1 << 20),
            self.columns.headers.len(),
        );
        let start = self.reader.position().byte();
        let read = self.reader.read_byte_record(&mut raw);
        self.last_len = raw.as_slice().len();
        self.record += 1;
        let start = raw.position().map_or(start, |p| p.byte());
        let line = self.reader.get_mut().line_at(start);
        let bad = |message: String| BadRow {
            record: self.record,
            line,
            message,
        };
        match read {
            Ok(false) => None,
            Ok(true) => {
                let c = &self.columns;
                let Some(text) = raw.get(c.text) else {
                    return Some(Err(bad(format!(
                        "{} fields, but the text column '{}' is field {}; the row is skipped",
                        raw.len(),
                        c.headers[c.text],
                        c.text + 1
                    ))));
                };
                let mut warnings = Vec::new();
                let width = c.headers.len();
                if raw.len() != width {
                    warnings.push(format!("{} fields, but the header has {width}", raw.len()));
                }
                let text = match std::str::from_utf8(text) {
                    Ok(t) => t.to_string(),
                    Err(_) => {
                        warnings.push(
                            "the text is not valid UTF-8; invalid bytes were replaced with U+FFFD"
                                .to_string(),
                        );
                        String::from_utf8_lossy(text).into_owned()
                    }
                };
                let field = |i: Option<usize>| {
                    i.and_then(|i| raw.get(i))
                        .map(|v| String::from_utf8_lossy(v).trim().to_string())
                };
                let id = field(c.id)
                    .filter(|v| !v.is_empty())
                    .unwrap_or_else(|| self.record.to_string());
                Some(Ok(Row {
                    record: self.record,
                    line,
                    text,
                    id,
                    title: field(c.title),
                    company: field(c.company),
                    location: field(c.location),
                    warnings,
                    raw,
                }))
            }
            Err(e) => {
                // An I/O error would repeat forever: report it once and end the stream.
                self.done = matches!(e.kind(), csv::ErrorKind::Io(_));
                Some(Err(bad(e.to_string())))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        input: &[u8],
        delimiter: u8,
        choice: &ColumnChoice,
    ) -> (Columns, Vec<Result<Row, BadRow>>) {
        let mut rows = Rows::new(input, delimiter, choice).unwrap();
        let mut out = Vec::new();
        while let Some(r) = rows.next_row() {
            out.push(r);
        }
        (rows.columns().clone(), out)
    }

    #[test]
    fn columns_are_detected_or_chosen() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let c = Columns::find(
            h(&["", "Job Title", "Job Description", "Company Name"]),
            &ColumnChoice::default(),
        )
        .unwrap();
        assert_eq!(
            (c.text, c.id, c.title, c.company),
            (2, None, Some(1), Some(3))
        );
        let c = Columns::find(h(&["job_id", "text"]), &ColumnChoice::default()).unwrap();
        assert_eq!((c.text, c.id), (1, Some(0)));
        let choice = ColumnChoice {
            text: Some(ColumnSpec::parse("2")),
            id: Some(ColumnSpec::parse("KEY")),
            ..Default::default()
        };
        let c = Columns::find(h(&["key", "blurb"]), &choice).unwrap();
        assert_eq!((c.text, c.id), (1, Some(0)));
        let e = Columns::find(h(&["a", "b"]), &ColumnChoice::default()).unwrap_err();
        assert!(
            e.contains("--text-col") && e.contains("1 'a', 2 'b'"),
            "{e}"
        );
        let choice = ColumnChoice {
            text: Some(ColumnSpec::parse("9")),
            ..Default::default()
        };
        assert!(
            Columns::find(h(&["a"]), &choice)
                .unwrap_err()
                .contains("column 9")
        );
    }

    #[test]
    fn real_world_csv_is_read_row_by_row() {
        // BOM, CRLF and LF mixed, a quoted multi-line field, a ragged short row, a long row,
        // invalid UTF-8 and an empty text.
        let input = b"\xef\xbb\xbfid,title,description\r\n\
            1,Data Engineer,\"Spark and\r\nAirflow\"\n\
            2,Short\r\n\
            3,Long,Python,extra,fields\n\
            4,Latin,caf\xe9 SQL\n\
            5,Empty,\n";
        let (cols, rows) = read(input, b',', &ColumnChoice::default());
        assert_eq!(cols.headers[0], "id");
        assert_eq!(rows.len(), 5);
        let ok = |i: usize| rows[i].as_ref().unwrap();
        assert_eq!(ok(0).text, "Spark and\r\nAirflow");
        assert_eq!((ok(0).record, ok(0).line, ok(0).id.as_str()), (1, 2, "1"));
        let bad = rows[1].as_ref().unwrap_err();
        assert_eq!((bad.record, bad.line), (2, 4));
        assert!(bad.message.contains("text column 'description'"), "{bad}");
        assert_eq!(ok(2).text, "Python");
        assert_eq!(ok(2).warnings, ["5 fields, but the header has 3"]);
        assert_eq!(ok(3).text, "caf\u{fffd} SQL");
        assert_eq!(ok(3).warnings.len(), 1);
        assert_eq!((ok(4).text.as_str(), ok(4).line), ("", 7));
    }

    #[test]
    fn any_delimiter_works() {
        let (_, rows) = read(b"text\tid\nPyTorch\tx9\n", b'\t', &ColumnChoice::default());
        let row = rows[0].as_ref().unwrap();
        assert_eq!((row.text.as_str(), row.id.as_str()), ("PyTorch", "x9"));
        let (_, rows) = read(b"text;n\nk8s;1\n", b';', &ColumnChoice::default());
        assert_eq!(rows[0].as_ref().unwrap().text, "k8s");
        // No id column: the id is the record number.
        let (_, rows) = read(b"text\na\nb\n", b',', &ColumnChoice::default());
        assert_eq!(rows[1].as_ref().unwrap().id, "2");
        assert!(Rows::new(&b""[..], b',', &ColumnChoice::default()).is_err());
    }
}
