//! PDF text through `pdf-extract` (on `lopdf`), chosen by measurement on real résumés: see
//! `docs/pdf-extraction.md`. `pdf-extract` is known to panic on some malformed files (it
//! unwraps), so each page runs under `catch_unwind` and a page that panics is skipped with a
//! warning.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document as Pdf, Object};

use super::read::{Document, Format, Limits, ReadError, clean_extracted};

/// Fewer letters than this in the whole text means there is no text layer (a scan).
const MIN_LETTERS: usize = 16;

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        format: Format::Pdf,
        reason,
    };
    let mut pdf = match catch_unwind(|| Pdf::load_mem(bytes)) {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(lopdf::Error::Decryption(_))) => return Err(ReadError::Encrypted),
        Ok(Err(e)) => return Err(corrupt(e.to_string())),
        Err(_) => return Err(corrupt("the PDF library panicked while loading it".into())),
    };
    if pdf.is_encrypted() {
        // An empty user password opens the file for reading.
        pdf.decrypt("").map_err(|_| ReadError::Encrypted)?;
    }
    if pdf.objects.len() > limits.max_objects {
        return Err(ReadError::TooLarge {
            what: format!("its {} objects", pdf.objects.len()),
            limit: format!("{} objects", limits.max_objects),
        });
    }
    let pages = pdf.get_pages();
    if pages.len() > limits.max_pages {
        return Err(ReadError::TooLarge {
            what: format!("its {} pages", pages.len()),
            limit: format!("{} pages", limits.max_pages),
        });
    }
    check_inflated_size(&pdf, limits)?;

    let mut raw = String::new();
    let mut warnings = Vec::new();
    let mut failed = 0;
    for &number in pages.keys() {
        let mut page = String::new();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut out = pdf_extract::PlainTextOutput::new(&mut page);
            pdf_extract::output_doc_page(&pdf, &mut out, number)
        }));
        match result {
            Ok(Ok(())) => {
                raw.push_str(&page);
                raw.push('\n');
            }
            Ok(Err(e)) => {
                failed += 1;
                warnings.push(format!("page {number} skipped: {e}"));
            }
            Err(_) => {
                failed += 1;
                warnings.push(format!("page {number} skipped: the PDF library panicked"));
            }
        }
    }
    if failed > 0 && failed == pages.len() {
        return Err(corrupt(format!("no page could be read ({})", warnings[0])));
    }
    let text = clean_extracted(&raw);
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return Err(ReadError::NoText);
    }
    Ok(Document {
        format: Format::Pdf,
        text,
        warnings,
    })
}

/// Inflates every Flate-compressed stream that is not an image into a sink, stopping once the
/// total passes the limit, so a compression bomb is refused before the extractor inflates it.
fn check_inflated_size(pdf: &Pdf, limits: &Limits) -> Result<(), ReadError> {
    let mut budget = limits.max_decompressed;
    for obj in pdf.objects.values() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        let is_image = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Image");
        let flate = stream
            .filters()
            .is_ok_and(|f| f.first().is_some_and(|f| *f == b"FlateDecode"));
        if is_image || !flate {
            continue;
        }
        let decoder = flate2::read::ZlibDecoder::new(&stream.content[..]);
        // A damaged stream is the extractor's problem (it reports or skips it), not a bomb.
        let n = std::io::copy(&mut decoder.take(budget + 1), &mut std::io::sink()).unwrap_or(0);
        if n > budget {
            return Err(ReadError::TooLarge {
                what: "the decompressed page content".into(),
                limit: format!("{} bytes", limits.max_decompressed),
            });
        }
        budget -= n;
    }
    Ok(())
}
