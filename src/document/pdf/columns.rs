//! Reading order for pages laid out in two columns.
//!
//! pdf-extract writes glyphs in content-stream order. Templates that draw a sidebar and the
//! main column row by row (one line of each, then the next row) come out interleaved: every
//! text line joins a sidebar line to a main-column line, and names wrapped inside a column are
//! torn apart. [`PageText`] is a pdf-extract [`OutputDev`] that writes the page exactly as
//! pdf-extract's `PlainTextOutput` does, and also keeps every glyph with its position. At the
//! end of the page it looks for a column gutter: a vertical band of x, at least an em wide,
//! that at most a third of the text lines cross, with a block of left-aligned text on each
//! side that the stream interleaves (the tests are in [`split_score`]). When there is one, the
//! page is written again: lines that cross the gutter (a full-width header) stay where they
//! are, and each run of lines between them is written left column first, then right column.
//! Otherwise the page text is the plain `PlainTextOutput` text, byte for byte. See
//! `docs/pdf-extraction.md`.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Past this many glyphs on one page, positions are no longer kept and the page keeps its
/// stream order (a real page has a few thousand).
const MAX_GLYPHS: usize = 200_000;
/// Fewer visible glyphs than this: too little text to tell a layout.
const MIN_GLYPHS: usize = 80;
/// Fewer text lines than this: likewise.
const MIN_LINES: usize = 8;

/// One glyph as pdf-extract places it, in page space with y pointing down.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    /// Where the next glyph would start: x + width × size.
    end: f64,
    /// The font size in page space.
    size: f64,
    /// Whether pdf-extract had just started a new text-showing operation (only then does
    /// `PlainTextOutput` consider breaking the line or adding a space).
    word_start: bool,
    /// The glyph's text: a range of `PageText::chars`.
    text: (usize, usize),
}

/// `PlainTextOutput`'s line and space logic, fed one glyph at a time.
struct Plain {
    last_end: f64,
    last_y: f64,
}

impl Plain {
    fn new() -> Plain {
        Plain {
            last_end: 100000.,
            last_y: 0.,
        }
    }

    fn put(&mut self, out: &mut String, g: &Glyph, text: &str) {
        if g.word_start {
            if (g.y - self.last_y).abs() > g.size * 1.5 {
                out.push('\n');
            }
            // Moved to the left and down.
            if g.x < self.last_end && (g.y - self.last_y).abs() > g.size * 0.5 {
                out.push('\n');
            }
            if g.x > self.last_end + g.size * 0.1 {
                out.push(' ');
            }
        }
        out.push_str(text);
        self.last_y = g.y;
        self.last_end = g.end;
    }
}

/// Collects one page's text; see the module documentation.
pub struct PageText {
    page_height: f64,
    word_start: bool,
    plain: Plain,
    /// The page in stream order, as `PlainTextOutput` writes it.
    text: String,
    glyphs: Vec<Glyph>,
    /// The text of every glyph, one after the other.
    chars: String,
    /// More than `MAX_GLYPHS` glyphs: positions were dropped.
    overflow: bool,
    /// Whether the page was rewritten in column order.
    reordered: bool,
}

impl PageText {
    pub fn new() -> PageText {
        PageText {
            page_height: 0.,
            word_start: false,
            plain: Plain::new(),
            text: String::new(),
            glyphs: Vec::new(),
            chars: String::new(),
            overflow: false,
            reordered: false,
        }
    }

    /// The page's text, in column order when `end_page` found two columns.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Whether `end_page` found two columns and rewrote the page in their order.
    #[cfg(test)]
    pub fn reordered(&self) -> bool {
        self.reordered
    }
}

impl OutputDev for PageText {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page_height = media_box.ury - media_box.lly;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if self.overflow {
            return Ok(());
        }
        if let Some(parts) = column_order(&self.glyphs, &self.chars) {
            self.text = self.render(&parts);
            self.reordered = true;
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // As PlainTextOutput: the position after flipping y (trm then [1 0 0 -1 0 h]) and the
        // side of the square with the area of the transformed (size, size) vector.
        let x = trm.m31;
        let y = self.page_height - trm.m32;
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).sqrt();
        let glyph = Glyph {
            x,
            y,
            end: x + width * size,
            size,
            word_start: self.word_start,
            text: (self.chars.len(), self.chars.len() + char.len()),
        };
        self.plain.put(&mut self.text, &glyph, char);
        self.word_start = false;
        if self.overflow {
            return Ok(());
        }
        if self.glyphs.len() == MAX_GLYPHS {
            self.overflow = true;
            self.glyphs = Vec::new();
            self.chars = String::new();
            return Ok(());
        }
        self.chars.push_str(char);
        self.glyphs.push(glyph);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

impl PageText {
    /// Writes the glyphs part by part, each part in stream order, with a line break between
    /// parts. A glyph that does not follow its stream predecessor counts as the start of a
    /// text operation, so that a jump (to the next line of the same column) breaks the line.
    fn render(&self, parts: &[Vec<usize>]) -> String {
        let mut out = String::with_capacity(self.text.len() + parts.len());
        let mut plain = Plain::new();
        let mut first = true;
        for part in parts {
            let Some(&head) = part.first() else {
                continue;
            };
            if !first {
                out.push('\n');
                plain = Plain {
                    last_end: 100000.,
                    last_y: self.glyphs[head].y,
                };
            }
            first = false;
            let mut prev: Option<usize> = None;
            for &i in part {
                let mut g = self.glyphs[i].clone();
                g.word_start |= prev.is_some_and(|p| p + 1 != i);
                plain.put(&mut out, &g, &self.chars[g.text.0..g.text.1]);
                prev = Some(i);
            }
        }
        out
    }
}

/// The reading order of a page in parts (glyph indices, each part in stream order), or
/// `None` to keep the stream order: no clear two-column layout.
fn column_order(glyphs: &[Glyph], chars: &str) -> Option<Vec<Vec<usize>>> {
    let visible = |g: &Glyph| !chars[g.text.0..g.text.1].trim().is_empty();
    // Rotated, mirrored or degenerate text: leave the page alone.
    if glyphs.iter().any(|g| {
        ![g.x, g.y, g.end, g.size].iter().all(|v| v.is_finite()) || g.end < g.x || g.size <= 0.
    }) {
        return None;
    }
    let n_visible = glyphs.iter().filter(|g| visible(g)).count();
    if n_visible < MIN_GLYPHS {
        return None;
    }
    let mut sizes: Vec<f64> = glyphs
        .iter()
        .filter(|g| visible(g))
        .map(|g| g.size)
        .collect();
    sizes.sort_by(f64::total_cmp);
    let em = sizes[sizes.len() / 2];

    // Text lines: glyphs (spaces included) grouped by baseline, top to bottom.
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y).then(a.cmp(&b)));
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut line_y = f64::NEG_INFINITY;
    for i in order {
        let g = &glyphs[i];
        match lines.last_mut() {
            Some(line) if g.y - line_y <= 0.4 * g.size.min(em) => line.push(i),
            _ => {
                lines.push(vec![i]);
                line_y = g.y;
            }
        }
    }
    // Each line's ink as x intervals, word gaps bridged; lines of spaces only are dropped.
    let spans: Vec<Vec<(f64, f64)>> = lines
        .iter()
        .map(|line| {
            let mut xs: Vec<(f64, f64)> = line
                .iter()
                .map(|&i| &glyphs[i])
                .filter(|g| visible(g))
                .map(|g| (g.x, g.end.max(g.x)))
                .collect();
            xs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut merged: Vec<(f64, f64)> = Vec::new();
            for (a, b) in xs {
                match merged.last_mut() {
                    Some(last) if a <= last.1 + 0.8 * em => last.1 = last.1.max(b),
                    _ => merged.push((a, b)),
                }
            }
            merged
        })
        .collect();
    let m = spans.iter().filter(|s| !s.is_empty()).count();
    if m < MIN_LINES {
        return None;
    }

    // How many lines cover each x, in bins of at least 1 unit, at most 2000 bins.
    let x0 = spans
        .iter()
        .flatten()
        .map(|s| s.0)
        .fold(f64::INFINITY, f64::min);
    let x1 = spans
        .iter()
        .flatten()
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let width = x1 - x0;
    if width <= 10. * em {
        return None;
    }
    let bin = (width / 2000.).max(1.);
    let n_bins = (width / bin).ceil() as usize + 1;
    let to_bin = |x: f64| (((x - x0) / bin).floor().max(0.) as usize).min(n_bins - 1);
    let mut diff = vec![0i64; n_bins + 1];
    for s in spans.iter().flatten() {
        diff[to_bin(s.0)] += 1;
        diff[to_bin(s.1) + 1] -= 1;
    }
    let mut cover = Vec::with_capacity(n_bins);
    let mut c = 0i64;
    for d in &diff[..n_bins] {
        c += d;
        cover.push(c);
    }

    // Gutter candidates: runs of bins, an em wide or more and not at the edges, that at most
    // a third of the lines cross (a full-width name, contact line and summary may).
    let allowed = (m / 3) as i64;
    // (width, split x) of every candidate.
    let mut candidates: Vec<(f64, f64)> = Vec::new();
    let mut b = 0;
    while b < n_bins {
        if cover[b] > allowed {
            b += 1;
            continue;
        }
        let start = b;
        while b < n_bins && cover[b] <= allowed {
            b += 1;
        }
        let end = b; // exclusive
        let run = (end - start) as f64 * bin;
        if start == 0 || end == n_bins || run < em {
            continue;
        }
        // Split where the fewest lines cross: the middle of the lowest stretch.
        let low = cover[start..end].iter().copied().min().unwrap_or(0);
        let first = (start..end).find(|&k| cover[k] == low).unwrap_or(start);
        let last = (first..end)
            .take_while(|&k| cover[k] == low)
            .last()
            .unwrap_or(first);
        candidates.push((run, x0 + ((first + last + 1) as f64 / 2.) * bin));
    }
    // The four widest are enough (a page has one or two gutters) and keep the work linear.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut best: Option<(f64, f64)> = None;
    for &(_, gx) in candidates.iter().take(4) {
        if let Some(score) = split_score(glyphs, &lines, &spans, gx, em, &visible)
            && best.is_none_or(|(_, s)| score > s)
        {
            best = Some((gx, score));
        }
    }
    let (gx, _) = best?;

    // Lines that cross the gutter stay whole; each run of lines between them is written
    // left column, then right column.
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (l, line) in lines.iter().enumerate() {
        if crosses(&spans[l], gx) {
            flush(&mut parts, &mut left, &mut right);
            let mut whole = line.clone();
            whole.sort_unstable();
            parts.push(whole);
        } else {
            for &i in line {
                let g = &glyphs[i];
                if (g.x + g.end) / 2. < gx {
                    left.push(i);
                } else {
                    right.push(i);
                }
            }
        }
    }
    flush(&mut parts, &mut left, &mut right);
    Some(parts)
}

/// Whether a line's ink crosses x.
fn crosses(spans: &[(f64, f64)], x: f64) -> bool {
    spans.iter().any(|&(a, b)| a < x && x < b)
}

fn flush(parts: &mut Vec<Vec<usize>>, left: &mut Vec<usize>, right: &mut Vec<usize>) {
    for side in [left, right] {
        if !side.is_empty() {
            side.sort_unstable();
            parts.push(std::mem::take(side));
        }
    }
}

/// How good a column split at `gx` is (the smaller side's share of the text lines), or `None`
/// when it is no two-column layout of text that the stream interleaves. It is one when:
/// - at most a third of the text lines cross it;
/// - each side has at least 30% of the other lines and 10% of their visible glyphs, and 12
///   glyphs or more per line on average (a column of dates or places beside one-column text
///   is not a column of text);
/// - at least half of the right side's lines start within two ems of one another: a column of
///   text is left-aligned, right-aligned dates and places are not;
/// - on each side, at least half of the lines are in runs of four or more lines, each under
///   two ems below the one before: a column of text is a block, dates or places beside each
///   entry's first lines (or headings in a margin) are not;
/// - the stream goes from one side to the other at least once per four lines: a page whose
///   stream already holds one column and then the other reads right as it is.
fn split_score(
    glyphs: &[Glyph],
    lines: &[Vec<usize>],
    spans: &[Vec<(f64, f64)>],
    gx: f64,
    em: f64,
    visible: &impl Fn(&Glyph) -> bool,
) -> Option<f64> {
    let (mut crossing, mut left_lines, mut others) = (0usize, 0usize, 0usize);
    let (mut left_glyphs, mut right_glyphs) = (0usize, 0usize);
    let mut right_starts = Vec::new();
    // Baselines of the lines with text on each side, top to bottom.
    let (mut left_ys, mut right_ys) = (Vec::new(), Vec::new());
    // Side of each visible glyph on a line that does not cross, by stream index.
    let mut side: Vec<(usize, bool)> = Vec::new();
    for (l, line) in lines.iter().enumerate() {
        if spans[l].is_empty() {
            continue;
        }
        if crosses(&spans[l], gx) {
            crossing += 1;
            continue;
        }
        others += 1;
        let y = glyphs[line[0]].y;
        if spans[l].iter().any(|s| s.1 <= gx) {
            left_lines += 1;
            left_ys.push(y);
        }
        if let Some(s) = spans[l].iter().find(|s| s.0 >= gx) {
            right_starts.push(s.0);
            right_ys.push(y);
        }
        for &i in line {
            let g = &glyphs[i];
            if !visible(g) {
                continue;
            }
            let left = (g.x + g.end) / 2. < gx;
            side.push((i, left));
            if left {
                left_glyphs += 1;
            } else {
                right_glyphs += 1;
            }
        }
    }
    let right_lines = right_starts.len();
    let total = left_glyphs + right_glyphs;
    right_starts.sort_by(f64::total_cmp);
    let aligned = (0..right_starts.len())
        .map(|a| right_starts[a..].partition_point(|&x| x <= right_starts[a] + 2. * em))
        .max()
        .unwrap_or(0);
    let in_blocks = |ys: &[f64]| {
        let mut total = 0;
        let mut run = 0;
        for (k, y) in ys.iter().enumerate() {
            if k > 0 && y - ys[k - 1] < 2. * em {
                run += 1;
            } else {
                total += if run >= 4 { run } else { 0 };
                run = 1;
            }
        }
        total + if run >= 4 { run } else { 0 }
    };
    let (left_block, right_block) = (in_blocks(&left_ys), in_blocks(&right_ys));
    side.sort_unstable();
    let switches = side.windows(2).filter(|w| w[0].1 != w[1].1).count();
    let ok = crossing * 3 <= crossing + others
        && left_lines * 10 >= others * 3
        && right_lines * 10 >= others * 3
        && left_glyphs * 10 >= total
        && right_glyphs * 10 >= total
        && left_glyphs >= 12 * left_lines
        && right_glyphs >= 12 * right_lines
        && aligned * 2 >= right_lines
        && left_block * 2 >= left_lines
        && right_block * 2 >= right_lines
        && switches * 4 >= others;
    ok.then(|| left_lines.min(right_lines) as f64 / others as f64)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// Each page's text through [`PageText`], whether it was reordered, and the text of
    /// pdf-extract's own `PlainTextOutput`.
    fn pages(name: &str) -> Vec<(String, bool, String)> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/documents")
            .join(name);
        let pdf = lopdf::Document::load(path).unwrap();
        let mut out = Vec::new();
        for &n in pdf.get_pages().keys() {
            let mut page = PageText::new();
            pdf_extract::output_doc_page(&pdf, &mut page, n).unwrap();
            let reordered = page.reordered();
            let mut plain = String::new();
            let mut dev = pdf_extract::PlainTextOutput::new(&mut plain);
            pdf_extract::output_doc_page(&pdf, &mut dev, n).unwrap();
            out.push((page.into_text(), reordered, plain));
        }
        out
    }

    #[test]
    fn one_column_pages_come_out_as_plain_text_output_writes_them() {
        let pages = pages("data-scientist.pdf");
        assert!(!pages.is_empty());
        for (text, reordered, plain) in pages {
            assert!(!reordered);
            assert_eq!(text, plain);
        }
    }

    #[test]
    fn two_columns_drawn_row_by_row_come_out_one_column_after_the_other() {
        let pages = pages("ml-engineer-two-column.pdf");
        let (text, reordered, plain) = &pages[0];
        assert!(reordered);
        // The stream order glues the sidebar to the experience, line by line.
        assert!(plain.contains("Bash, some C++ Bay, WA)"), "{plain}");
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let at = |line: &str| {
            lines
                .iter()
                .position(|l| *l == line)
                .unwrap_or_else(|| panic!("no line {line:?} in\n{text}"))
        };
        // The full-width header first, then the sidebar, then the main column, each whole.
        assert!(at("Summary") < at("SKILLS"));
        assert_eq!(at("Languages: Python, SQL,") + 1, at("Bash, some C++"));
        assert_eq!(
            at("Serving: TorchServe, Triton") + 1,
            at("Inference Server, FastAPI,")
        );
        assert!(at("testing") < at("Experience"));
        assert_eq!(
            at("Senior Machine Learning Engineer, Fernhollow Commerce (Calder") + 1,
            at("Bay, WA)")
        );
        // Nothing lost or added: the same glyphs, in another order.
        let sorted = |s: &str| {
            let mut c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
            c.sort_unstable();
            c
        };
        assert_eq!(sorted(text), sorted(plain));
    }

    fn glyph(x: f64, y: f64, text: (usize, usize)) -> Glyph {
        Glyph {
            x,
            y,
            end: x + 5.,
            size: 10.,
            word_start: true,
            text,
        }
    }

    #[test]
    fn too_little_text_or_odd_positions_keep_the_stream_order() {
        let chars = "x".repeat(600);
        // Two columns of 20 lines, 15 glyphs each, drawn row by row: reordered...
        let mut glyphs = Vec::new();
        for row in 0..20 {
            for col in [0., 300.] {
                for k in 0..15 {
                    let i = glyphs.len();
                    glyphs.push(glyph(col + 6. * k as f64, 12. * row as f64, (i, i + 1)));
                }
            }
        }
        let parts = column_order(&glyphs, &chars).expect("two columns");
        assert_eq!(parts.len(), 2);
        assert!(parts[0].iter().all(|&i| glyphs[i].x < 300.));
        // ...but not with a glyph at a position that is not a number,
        let mut odd = glyphs.clone();
        odd[7].y = f64::NAN;
        assert_eq!(column_order(&odd, &chars), None);
        // nor on fewer than 8 lines.
        assert_eq!(column_order(&glyphs[..7 * 30], &chars), None);
    }
}
