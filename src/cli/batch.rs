//! Reading CSV files of documents in bounded batches, for `rank` and `annotate`: bad rows
//! reported and counted, duplicates optionally collapsed, progress on a terminal.

use std::collections::HashSet;
use std::fs::File;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, IsTerminal, Read};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use skillscan::document::rows::{BadRow, ColumnChoice, ColumnSpec, Columns, Row, Rows};

/// Rows per batch: enough to keep every thread busy, few enough that memory stays flat.
pub const BATCH_ROWS: usize = 1024;

/// How to read CSV input.
#[derive(Debug, Args, Clone)]
pub struct CsvArgs {
    /// The text column: a header name or a 1-based number [default: detected: description,
    /// job_description, text, ...].
    #[arg(long = "text-col", value_name = "NAME|N")]
    pub text_col: Option<String>,
    /// The id column [default: detected: id, job_id, ...; else the record number].
    #[arg(long = "id-col", value_name = "NAME|N")]
    pub id_col: Option<String>,
    /// The title column [default: detected: title, job_title, ...].
    #[arg(long = "title-col", value_name = "NAME|N")]
    pub title_col: Option<String>,
    /// The company column [default: detected: company, company_name, ...].
    #[arg(long = "company-col", value_name = "NAME|N")]
    pub company_col: Option<String>,
    /// Field delimiter: one byte, or `tab`.
    #[arg(long, short = 'd', value_name = "CHAR", default_value = ",", value_parser = parse_delimiter)]
    pub delimiter: u8,
    /// Stop at the first bad row (exit 2) instead of reporting it and going on.
    #[arg(long)]
    pub strict: bool,
    /// Skip rows whose text is the same as an earlier row's.
    #[arg(long)]
    pub dedupe: bool,
    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 => Ok(s.as_bytes()[0]),
        _ => Err(format!(
            "the delimiter must be one byte (or `tab`), not '{s}'"
        )),
    }
}

impl CsvArgs {
    fn choice(&self) -> ColumnChoice {
        let spec = |s: &Option<String>| s.as_deref().map(ColumnSpec::parse);
        ColumnChoice {
            text: spec(&self.text_col),
            id: spec(&self.id_col),
            title: spec(&self.title_col),
            company: spec(&self.company_col),
        }
    }
}

/// What happened to the rows.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Records read (bad ones included).
    pub read: u64,
    /// Records handed on as documents.
    pub done: u64,
    /// Records that could not be read as documents.
    pub bad: u64,
    /// Records skipped by `--dedupe`.
    pub duplicates: u64,
    /// Bytes read.
    pub bytes: u64,
}

impl Summary {
    /// `956 rows read, 950 ranked, 6 skipped (4 bad, 2 duplicates)`.
    pub fn line(&self, verb: &str) -> String {
        format!(
            "{} rows read, {} {verb}, {} skipped ({} bad, {} duplicates)",
            self.read,
            self.done,
            self.bad + self.duplicates,
            self.bad,
            self.duplicates
        )
    }
}

/// One batch of rows: `(sequence number across all files, file, row)`.
pub type Batch<'a> = Vec<(u64, &'a str, Row)>;

/// What `for_each_batch` hands rows to.
pub trait Sink<'a> {
    /// A file was opened; these are its columns.
    fn open(&mut self, _file: &'a str, _columns: &Columns) -> Result<()> {
        Ok(())
    }
    /// The next batch of documents, in input order.
    fn batch(&mut self, batch: Batch<'a>) -> Result<()>;
    /// A record that is not a document (already reported on stderr and counted).
    fn bad(&mut self, _file: &'a str, _bad: &BadRow) -> Result<()> {
        Ok(())
    }
}

/// What the reader hands on, in input order.
enum Event<'a> {
    Open(&'a str, Columns),
    Batch(Batch<'a>),
    Bad(&'a str, BadRow),
}

fn dispatch<'a>(sink: &mut impl Sink<'a>, event: Event<'a>) -> Result<()> {
    match event {
        Event::Open(file, columns) => sink.open(file, &columns),
        Event::Batch(batch) => sink.batch(batch),
        Event::Bad(file, bad) => sink.bad(file, &bad),
    }
}

/// Reads every CSV file (`-` is stdin) in batches of at most [`BATCH_ROWS`] rows and hands
/// each batch to `sink`, in input order. Bad rows are reported on stderr with file, record
/// and line and counted, or end the run with `--strict`.
///
/// With more than one thread, reading runs on its own thread, at most two batches ahead of
/// the sink, so parsing overlaps scoring and memory stays bounded.
pub fn for_each_batch<'a>(
    files: &'a [String],
    args: &CsvArgs,
    sink: &mut impl Sink<'a>,
) -> Result<Summary> {
    let progress = Progress::new(files, args.quiet);
    let summary = if rayon::current_num_threads() > 1 {
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Event<'a>>(2);
            let progress = &progress;
            let reader = scope.spawn(move || {
                read_events(files, args, progress, |event| {
                    // A closed channel means the sink failed; its error is the one to report.
                    tx.send(event)
                        .map_err(|_| anyhow::anyhow!("the output stopped"))
                })
            });
            let mut failed = None;
            for event in rx {
                if let Err(e) = dispatch(sink, event) {
                    failed = Some(e);
                    break;
                }
            }
            let read = reader.join().expect("the CSV reader does not panic");
            match failed {
                Some(e) => Err(e),
                None => read,
            }
        })?
    } else {
        read_events(files, args, &progress, |event| dispatch(sink, event))?
    };
    progress.finish();
    Ok(summary)
}

fn read_events<'a>(
    files: &'a [String],
    args: &CsvArgs,
    progress: &Progress,
    mut emit: impl FnMut(Event<'a>) -> Result<()>,
) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut seq = 0u64;
    for file in files {
        let input: Box<dyn Read + Send> = if file == "-" {
            Box::new(io::stdin())
        } else {
            Box::new(File::open(file).with_context(|| format!("{file}: cannot open"))?)
        };
        let mut rows = Rows::new(
            io::BufReader::with_capacity(1 << 16, input),
            args.delimiter,
            &args.choice(),
        )
        .map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        emit(Event::Open(file, rows.columns().clone()))?;
        let mut batch: Batch<'a> = Vec::with_capacity(BATCH_ROWS);
        let mut last_bytes = 0;
        loop {
            let next = rows.next_row();
            let bytes = rows.bytes_read();
            progress.advance(bytes - last_bytes);
            summary.bytes += bytes - last_bytes;
            last_bytes = bytes;
            match next {
                None => break,
                Some(Err(bad)) => {
                    summary.read += 1;
                    summary.bad += 1;
                    if args.strict {
                        bail!("{file}: {bad} (--strict stops at the first bad row)");
                    }
                    progress.suspend(|| eprintln!("skillscan: warning: {file}: {bad}"));
                    // Rows before it go first, so outputs keep input order.
                    if !batch.is_empty() {
                        emit(Event::Batch(std::mem::replace(
                            &mut batch,
                            Vec::with_capacity(BATCH_ROWS),
                        )))?;
                    }
                    emit(Event::Bad(file, bad))?;
                }
                Some(Ok(row)) => {
                    summary.read += 1;
                    for w in &row.warnings {
                        progress.suspend(|| {
                            eprintln!(
                                "skillscan: warning: {file}: record {} (line {}): {w}",
                                row.record, row.line
                            )
                        });
                    }
                    if args.dedupe {
                        let mut h = DefaultHasher::new();
                        row.text.hash(&mut h);
                        if !seen.insert(h.finish()) {
                            summary.duplicates += 1;
                            continue;
                        }
                    }
                    summary.done += 1;
                    batch.push((seq, file.as_str(), row));
                    seq += 1;
                    if batch.len() == BATCH_ROWS {
                        emit(Event::Batch(std::mem::replace(
                            &mut batch,
                            Vec::with_capacity(BATCH_ROWS),
                        )))?;
                        progress.rows(summary.done);
                    }
                }
            }
        }
        if !batch.is_empty() {
            emit(Event::Batch(batch))?;
            progress.rows(summary.done);
        }
    }
    Ok(summary)
}

/// A progress bar on stderr when it is a terminal (and not `--quiet`): bytes, MB/s, rows.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(files: &[String], quiet: bool) -> Progress {
        if quiet || !io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let total: Option<u64> = files
            .iter()
            .map(|f| {
                std::fs::metadata(f)
                    .ok()
                    .filter(|_| f != "-")
                    .map(|m| m.len())
            })
            .sum();
        let bar = match total {
            Some(n) => ProgressBar::new(n).with_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} eta {eta}",
                )
                .expect("a valid template"),
            ),
            None => ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {bytes} {binary_bytes_per_sec} {msg}")
                    .expect("a valid template"),
            ),
        };
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress { bar: Some(bar) }
    }

    fn advance(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.inc(bytes);
        }
    }

    fn rows(&self, done: u64) {
        if let Some(b) = &self.bar {
            let secs = b.elapsed().as_secs_f64().max(1e-3);
            b.set_message(format!("{done} rows, {:.0} rows/s", done as f64 / secs));
        }
    }

    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
