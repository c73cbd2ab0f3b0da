//! PDF text through `pdf-extract` (on `lopdf`), chosen by measurement on real résumés: see
//! `docs/pdf-extraction.md`. `pdf-extract` is known to panic on some malformed files (it
//! unwraps), so each page runs under `catch_unwind` and a page that panics is skipped with a
//! warning.

use std::cell::Cell;
use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document as Pdf, LoadOptions, Object, ObjectId};

use super::read::{Document, Format, Limits, ReadError, clean_extracted};

mod columns;

/// Fewer letters than this in the whole text means there is no text layer (a scan).
const MIN_LETTERS: usize = 16;

pub fn read(bytes: &[u8], limits: &Limits) -> Result<Document, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        format: Format::Pdf,
        reason,
    };
    let loaded = catch_unwind(|| load_bounded(bytes, limits.max_decompressed));
    let mut pdf = match loaded {
        Ok((_, true)) => {
            return Err(ReadError::TooLarge {
                what: "the object streams' decompressed size".into(),
                limit: format!("{} bytes", limits.max_decompressed),
            });
        }
        Ok((Ok(pdf), false)) => pdf,
        Ok((Err(lopdf::Error::Decryption(_)), false)) => return Err(ReadError::Encrypted),
        Ok((Err(e), false)) => return Err(corrupt(e.to_string())),
        Err(_) => {
            PACKED.set(None);
            return Err(corrupt("the PDF library panicked while loading it".into()));
        }
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
        let result = catch_unwind(AssertUnwindSafe(|| {
            let mut out = columns::PageText::new();
            pdf_extract::output_doc_page(&pdf, &mut out, number).map(|()| out.into_text())
        }));
        match result {
            Ok(Ok(page)) => {
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

thread_local! {
    /// While [`load_bounded`] runs on this thread: how many bytes the object streams may still
    /// inflate to, and whether one was refused.
    static PACKED: Cell<Option<(u64, bool)>> = const { Cell::new(None) };
}

/// Loads the PDF with lopdf, bounding what its object streams inflate to.
///
/// lopdf inflates every object stream (`/Type /ObjStm`, the compressed containers of other
/// objects) while it loads the file, before [`check_inflated_size`] can look. It does call a
/// [`LoadOptions::filter`] on each object first, with the stream still compressed, so the
/// filter ([`bound_object_stream`]) measures each object stream with a bounded inflate,
/// against `budget` for the whole file, and drops the stream (lopdf then never inflates it)
/// once the total would pass the budget. The filter is a plain `fn`, so the budget lives in a
/// thread-local: lopdf is built without its `rayon` feature and calls the filter on this
/// thread. Returns lopdf's result and whether an object stream was refused.
fn load_bounded(bytes: &[u8], budget: u64) -> (lopdf::Result<Pdf>, bool) {
    PACKED.set(Some((budget, false)));
    let options = LoadOptions {
        filter: Some(bound_object_stream),
        ..LoadOptions::default()
    };
    let result = Pdf::load_mem_with_options(bytes, options);
    let refused = PACKED.take().is_none_or(|(_, refused)| refused);
    (result, refused)
}

/// lopdf's object filter: see [`load_bounded`]. Off the thread that set a budget (should
/// lopdf ever call it from a thread pool), the budget is zero, so object streams are refused
/// rather than inflated unchecked.
fn bound_object_stream(id: ObjectId, obj: &mut Object) -> Option<(ObjectId, Object)> {
    let Object::Stream(stream) = obj else {
        return Some((id, obj.clone()));
    };
    // lopdf ignores what a filter returns for a top-level object and goes on with `obj`;
    // streams are never inside object streams, so no copy of the content is needed.
    if !stream.dict.has_type(b"ObjStm") {
        return Some((id, Object::Null));
    }
    let (left, refused) = PACKED.get().unwrap_or((0, false));
    if refused {
        return None;
    }
    let filters: Vec<Vec<u8>> = stream
        .filters()
        .map(|f| f.into_iter().map(<[u8]>::to_vec).collect())
        .unwrap_or_default();
    let size = match filters.as_slice() {
        [] => stream.content.len() as u64,
        [flate] if flate == b"FlateDecode" => inflated_len(&stream.content, left),
        // Other filters and chains (lopdf also decodes LZW and ASCII85): bounded by the most
        // each filter can expand. ASCII85 shrinks; one byte of LZW (codes of 9 to 12 bits, each
        // at most 4096 bytes out) or of Deflate (at most 258 bytes per 2 bits) gives under 4096.
        chain => chain.iter().fold(stream.content.len() as u64, |n, f| {
            if f == b"ASCII85Decode" {
                n
            } else {
                n.saturating_mul(4096)
            }
        }),
    };
    if size > left {
        PACKED.set(Some((0, true)));
        return None;
    }
    PACKED.set(Some((left - size, false)));
    Some((id, Object::Null))
}

/// How many bytes lopdf's FlateDecode makes of `data`, counting no further than `limit` + 1:
/// a zlib stream, or (as lopdf falls back to when zlib fails before any output) raw Deflate
/// after the two header bytes. Output a damaged stream yields before its error counts too.
fn inflated_len(data: &[u8], limit: u64) -> u64 {
    fn count(mut r: impl Read, limit: u64) -> u64 {
        let mut buf = [0u8; 8192];
        let mut n = 0u64;
        while n <= limit {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k as u64,
            }
        }
        n
    }
    let n = count(flate2::read::ZlibDecoder::new(data), limit);
    if n == 0 && data.len() > 2 {
        count(flate2::read::DeflateDecoder::new(&data[2..]), limit)
    } else {
        n
    }
}
