//! One self-contained HTML page for `fit`: inline CSS and inline SVG charts, no script, and
//! nothing fetched (a Content-Security-Policy forbids it), so it opens offline and can be
//! mailed as one file. Rendered from the same [`FitDoc`] model as the JSON. For people: the
//! markup is not a stable format.
//!
//! Everything that comes from a document or from data (names, labels, mention text, even
//! category names from a user lexicon) is escaped: documents come from strangers.

use std::fmt::{self, Display};
use std::io::{self, Write};

use super::fit::{CreditOut, FitDoc, RequirementOut, RoleFitOut};
use super::json::SkillOut;
use crate::document::Kind;
use crate::lexicon::SkillIdx;
use crate::scan::{Evidence, Match};
use crate::score::{IMPLIED_CREDIT, MENTION_CAP, WEAK_FIT, mention_credit};

/// Text escaped for HTML element content and quoted attribute values.
struct Esc<'a>(&'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, b) in s.bytes().enumerate() {
            let rep = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&s[last..])
    }
}

/// At most `max` characters of `s`, with an ellipsis when cut (SVG text does not wrap).
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A percentage for a `width` attribute, clamped to 0–100 so odd data cannot break the layout.
fn pct(fraction: f64) -> String {
    let p = (fraction * 100.0).clamp(0.0, 100.0);
    format!("{}%", (p * 10.0).round() / 10.0)
}

fn is_posting(doc: &FitDoc<'_>) -> bool {
    doc.kind == Kind::Posting.as_str()
}

fn kind_label(doc: &FitDoc<'_>) -> &'static str {
    if is_posting(doc) {
        "posting"
    } else {
        "résumé"
    }
}

/// The sentence said when the best score is below [`WEAK_FIT`].
fn weak_phrase(doc: &FitDoc<'_>) -> &'static str {
    if is_posting(doc) {
        "no role is close"
    } else {
        "no role fits well"
    }
}

/// Element id of a document's section.
fn doc_id(n: usize) -> String {
    format!("doc-{n}")
}

/// Element id of a skill's evidence, by its index in `doc.skills` (ids from user lexicons
/// need not be valid fragment identifiers).
fn skill_anchor(n: usize, doc: &FitDoc<'_>, skill_id: &str) -> Option<String> {
    doc.skills
        .iter()
        .position(|s| s.id == skill_id)
        .map(|i| format!("d{n}-s{i}"))
}

/// A skill's display name: from the document's skills when found there, else its id.
fn skill_name<'a>(doc: &'a FitDoc<'_>, id: &'a str) -> &'a str {
    doc.skills
        .iter()
        .find(|s| s.id == id)
        .map_or(id, |s| s.name)
}

const CSS: &str = r#"
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--track:#eef1f4;
--accent:#0969da;--bar:#a8bccf;--cover:#1b7c83;--met:#1a7f37;--partial:#9a6700;--missing:#cf222e;
--met-bg:#dafbe1;--partial-bg:#fff8c5;--missing-bg:#ffebe9;--chip:#eaeef2}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;
--track:#212830;--accent:#4493f8;--bar:#4d5b6b;--cover:#39a5ad;--met:#3fb950;--partial:#d29922;--missing:#f85149;
--met-bg:#12261e;--partial-bg:#272115;--missing-bg:#2d1316;--chip:#262c36}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
.page{max-width:1080px;margin:0 auto;padding:24px 20px 40px}
h1{font-size:1.6rem;margin:0 0 4px;line-height:1.25}
h2{font-size:1.3rem;margin:0;line-height:1.3}
h3{font-size:1.05rem;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h4{font-size:.95rem;margin:16px 0 6px;display:flex;align-items:center;gap:8px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
.muted{color:var(--muted)}
.small{font-size:.85rem}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.wrap{overflow-wrap:anywhere}
.top{border-bottom:2px solid var(--line);padding-bottom:12px;margin-bottom:20px}
.top p{margin:0}
.badge{display:inline-block;font-size:.75rem;font-weight:600;line-height:1.6;padding:0 8px;border-radius:999px;background:var(--chip);color:var(--fg);vertical-align:middle;white-space:nowrap}
.kind{background:transparent;border:1px solid var(--line);color:var(--muted);font-weight:500}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.toc{margin-bottom:28px}
.toc h2{font-size:1.05rem;margin-bottom:6px}
.mini{display:inline-block;width:56px;height:7px;border-radius:4px;background:var(--track);margin-right:8px;vertical-align:middle;overflow:hidden}
.mini>span{display:block;height:100%;background:var(--accent)}
.mini.weak>span{background:var(--missing)}
.mini.cov>span{background:var(--cover)}
.doc{border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin:0 0 28px}
.doc-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-start;gap:12px 24px}
.doc-head h2 .name{overflow-wrap:anywhere}
.doc-head .kind{margin-left:6px}
.verdict{margin:6px 0 0}
.scorebox{text-align:right;min-width:120px}
.score{font-size:2.2rem;font-weight:700;line-height:1;font-variant-numeric:tabular-nums}
.score small{font-size:.9rem;font-weight:500;color:var(--muted)}
.weak{color:var(--missing)}
.warnings{margin:10px 0 0;padding:8px 12px;border-left:3px solid var(--partial);background:var(--partial-bg);list-style:none}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:24px;margin-top:18px}
figure{margin:0;min-width:0}
figcaption{font-weight:600;margin-bottom:8px}
figcaption .muted{font-weight:400}
svg.bars{display:block;width:100%;overflow:visible;font-family:inherit}
svg .lbl{fill:var(--fg);font-size:13px}
svg .lbl .w{fill:var(--muted)}
svg .val{fill:var(--fg);font-size:13px;font-variant-numeric:tabular-nums}
svg .tick{fill:var(--muted);font-size:11px}
svg .track{fill:var(--track)}
svg .bar{fill:var(--bar)}
svg .best .bar{fill:var(--accent)}
svg .best.weak .bar{fill:var(--missing)}
svg .best .lbl,svg .best .val{font-weight:700}
svg.cover .bar{fill:var(--cover)}
svg .grid{stroke:var(--line);stroke-width:1}
svg .threshold{stroke:var(--missing);stroke-width:2;stroke-dasharray:3 2}
.note{margin:6px 0 0;font-size:.82rem;color:var(--muted)}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.g-met .dot{background:var(--met)}.g-partial .dot{background:var(--partial)}.g-missing .dot{background:var(--missing)}
.count{font-weight:500;color:var(--muted)}
.reqs{table-layout:fixed}.reqs td:first-child{font-weight:600}
.reqs .c-req{width:34%}.reqs .c-lvl{width:12%}.reqs .c-w{width:9%}.reqs .c-cr{width:15%}
.reqs .cr{white-space:nowrap}
.lvl{font-size:.8rem;padding:0 6px;border-radius:4px;white-space:nowrap}
.lvl.required{background:var(--chip);font-weight:600}
.lvl.preferred{border:1px solid var(--line);color:var(--muted)}
.by a,.by span.sk{white-space:nowrap}
.by .how{color:var(--muted);font-size:.85rem}
.path{padding-left:1.6em;margin:0}
.path li{margin:0 0 8px;padding-left:4px}
.path .sk{font-weight:600}
.helps{font-size:.85rem;color:var(--muted)}
.tier{margin-left:6px}
.t-foundation{background:#ddf4ff;color:#0a3069}.t-fundamentals{background:#dafbe1;color:#116329}
.t-tools{background:#fff1e5;color:#953800}.t-advanced{background:#fbefff;color:#6e40c9}
@media (prefers-color-scheme:dark){.t-foundation{background:#0c2d6b;color:#a5d6ff}.t-fundamentals{background:#0f3a1e;color:#aff5b4}
.t-tools{background:#3d1f00;color:#ffc680}.t-advanced{background:#2e1a4d;color:#e2c5ff}}
.chips{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:6px}
.chips li{background:var(--chip);border-radius:999px;padding:1px 10px;font-size:.88rem}
.evidence{column-count:2;column-gap:20px;border-top:1px solid var(--line)}
details{border-bottom:1px solid var(--line);break-inside:avoid}
summary{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 10px;padding:5px 8px;cursor:pointer;list-style:none}
summary::-webkit-details-marker{display:none}
summary::before{content:"▸";color:var(--muted);width:.8em;flex:none}
details[open]>summary::before{content:"▾"}
details[open]>summary{background:var(--soft)}
summary .sk{font-weight:600;flex:1 1 10em;overflow-wrap:anywhere}
summary .cat{color:var(--muted);font-size:.85rem}
summary .cnt{font-variant-numeric:tabular-nums;min-width:6em;text-align:right;font-size:.85rem}
.negc{color:var(--missing)}
.mentions{margin:0;padding:4px 8px 8px 2.4em;font-size:.88rem}
.mentions li{margin:2px 0;list-style:none}
.mentions q{quotes:"“" "”";font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;background:var(--soft);padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
.ev{color:var(--muted);font-size:.8rem}
.negated q{text-decoration:line-through;text-decoration-color:var(--missing)}
.neg{background:var(--missing-bg);color:var(--missing)}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:32px;padding-top:12px;border-top:1px solid var(--line);font-size:.85rem;color:var(--muted)}
footer p{margin:0 0 6px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
@media (max-width:760px){.charts{grid-template-columns:1fr}.evidence{column-count:1}.page{padding:16px 12px 32px}.doc{padding:16px 14px}}
@media (max-width:600px){
.reqs thead{display:none}.reqs,.reqs tbody,.reqs tr,.reqs td{display:block;width:auto!important}
.reqs tr{padding:6px 0;border-bottom:1px solid var(--line)}.reqs td{border:0;padding:1px 0;display:inline-block;margin-right:14px}
.reqs td:first-child,.reqs td.by{display:block;margin:0}.reqs td.none{display:none}.reqs td.num{text-align:left}
.reqs td[data-h]::before{content:attr(data-h) " ";color:var(--muted);font-size:.8rem}
.scorebox{text-align:left}.score{font-size:1.8rem}
.toc .kc,.toc .mini{display:none}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--soft:#fff}
body{font-size:10pt}.page{max-width:none;padding:0}a{color:inherit}
.doc{border:0;padding:0;margin:0}.evidence{column-count:2}.mini{width:40px;margin-right:5px}.doc+.doc{break-before:page}
figure,tr,details,.path li{break-inside:avoid}
details::details-content{content-visibility:visible;display:contents}
summary::before{display:none}}
"#;

/// Writes one self-contained HTML page with the fit of every document in `docs`: a summary
/// table when there are several, then per document its best role and score, a bar chart of
/// the fit to every role, a bar chart of the best role's coverage per skill category, the
/// best role's requirements grouped met / partly met / missing, the learning path
/// (résumés), the skills asked for beyond the best role (postings), and the evidence for
/// every skill found. The output depends only on the input.
pub fn write_fit_html(w: &mut impl Write, title: &str, docs: &[FitDoc<'_>]) -> io::Result<()> {
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"skillscan {}\">\n<title>{}</title>\n\
         <style>{CSS}</style>\n</head>\n<body>\n<div class=\"page\">\n",
        env!("CARGO_PKG_VERSION"),
        Esc(title)
    )?;
    let roles = docs.iter().map(|d| d.fits.len()).max().unwrap_or(0);
    writeln!(
        w,
        "<header class=\"top\"><h1 class=\"wrap\">{}</h1><p class=\"muted\">{} scored \
         against {} role {}</p></header>",
        Esc(title),
        plural(docs.len(), "document", "documents"),
        roles,
        if roles == 1 { "profile" } else { "profiles" }
    )?;
    if docs.is_empty() {
        writeln!(w, "<p class=\"empty\">No documents.</p>")?;
    }
    if docs.len() > 1 {
        write_toc(w, docs)?;
    }
    writeln!(w, "<main>")?;
    for (i, doc) in docs.iter().enumerate() {
        write_doc(w, i + 1, doc)?;
    }
    writeln!(w, "</main>")?;
    write_footer(w)?;
    writeln!(w, "</div>\n</body>\n</html>")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary table that links to each document.
fn write_toc(w: &mut impl Write, docs: &[FitDoc<'_>]) -> io::Result<()> {
    writeln!(
        w,
        "<nav class=\"toc\" aria-label=\"Documents\"><h2>Documents</h2>\n<table>\
         <thead><tr><th>Document</th><th class=\"kc\">Kind</th><th>Best role</th>\
         <th class=\"num\">Fit</th></tr></thead>\n<tbody>"
    )?;
    for (i, doc) in docs.iter().enumerate() {
        write!(
            w,
            "<tr><td class=\"wrap\"><a href=\"#{}\">{}</a></td><td class=\"kc muted\">{}</td>",
            doc_id(i + 1),
            Esc(doc.document),
            kind_label(doc)
        )?;
        match doc.fits.first() {
            Some(best) if best.score < WEAK_FIT => write!(
                w,
                "<td><span class=\"weak\">{}</span> <span class=\"muted small\">(best: {})\
                 </span></td>",
                weak_phrase(doc),
                Esc(best.name)
            )?,
            Some(best) => write!(w, "<td>{}</td>", Esc(best.name))?,
            None => write!(w, "<td class=\"muted\">no roles</td>")?,
        }
        match doc.fits.first() {
            Some(best) => writeln!(
                w,
                "<td class=\"num\"><span class=\"mini{}\"><span style=\"width:{}\"></span>\
                 </span>{:.1}</td></tr>",
                if best.score < WEAK_FIT { " weak" } else { "" },
                pct(best.score / 100.0),
                best.score
            )?,
            None => writeln!(w, "<td class=\"num\">–</td></tr>")?,
        }
    }
    writeln!(w, "</tbody></table></nav>")
}

fn write_doc(w: &mut impl Write, n: usize, doc: &FitDoc<'_>) -> io::Result<()> {
    let id = doc_id(n);
    writeln!(
        w,
        "<section class=\"doc\" id=\"{id}\" aria-labelledby=\"{id}-h\">\n<div class=\"doc-head\">\
         <div><h2 id=\"{id}-h\"><span class=\"name\">{}</span><span class=\"badge kind\">{}</span>\
         </h2>",
        Esc(doc.document),
        kind_label(doc)
    )?;
    if let Some(e) = &doc.experience {
        let work = e.experience.work().count();
        match (e.seniority, &e.salary) {
            (Some(level), Some(pay)) => writeln!(
                w,
                "<p class=\"muted\">Experience: <strong>{:.1} years</strong> ({}) from {work} \
                 dated {}, as of {}. Typical salary: <strong>{}</strong> <span title=\"{}\">\
                 (rough public figure)</span></p>",
                e.experience.years(),
                Esc(level),
                if work == 1 { "job" } else { "jobs" },
                e.experience.as_of,
                Esc(&super::table::salary(pay)),
                Esc(pay.source)
            )?,
            _ => writeln!(
                w,
                "<p class=\"muted\">Experience: no dated job found, so no seniority or salary \
                 band.</p>"
            )?,
        }
    }
    let best = doc.fits.first();
    match best {
        None => writeln!(
            w,
            "<p class=\"verdict muted\">No role profiles to score against.</p></div>"
        )?,
        Some(b) if b.score < WEAK_FIT => writeln!(
            w,
            "<p class=\"verdict\"><strong class=\"weak\">{}{}</strong>: the best is {} at {:.1}, \
             below {WEAK_FIT}.</p></div>",
            // Capitalised: it starts the sentence.
            &weak_phrase(doc)[..1].to_uppercase(),
            &weak_phrase(doc)[1..],
            Esc(b.name),
            b.score
        )?,
        Some(b) if doc.title.is_some() => writeln!(
            w,
            "<p class=\"verdict\">Closest role: <strong>{}</strong>, named by its title \
             “{}”</p></div>",
            Esc(b.name),
            Esc(doc.title.unwrap_or_default())
        )?,
        Some(b) => writeln!(
            w,
            "<p class=\"verdict\">{} <strong>{}</strong></p></div>",
            if is_posting(doc) {
                "Closest role:"
            } else {
                "Best fit:"
            },
            Esc(b.name)
        )?,
    }
    if let Some(b) = best {
        writeln!(
            w,
            "<div class=\"scorebox\"><div class=\"score{}\">{:.1}<small> / 100</small></div>\
             <div class=\"muted small\">best of {}</div></div>",
            if b.score < WEAK_FIT { " weak" } else { "" },
            b.score,
            plural(doc.fits.len(), "role", "roles")
        )?;
    }
    writeln!(w, "</div>")?;
    if !doc.warnings.is_empty() {
        writeln!(w, "<ul class=\"warnings\">")?;
        for warning in doc.warnings {
            writeln!(w, "<li>Warning: {}</li>", Esc(warning))?;
        }
        writeln!(w, "</ul>")?;
    }
    if let Some(b) = best {
        writeln!(w, "<div class=\"charts\">")?;
        write_role_chart(w, n, doc)?;
        write_category_chart(w, n, b)?;
        writeln!(w, "</div>")?;
        write_requirements(w, n, doc, b)?;
    }
    write_learning_path(w, doc, best)?;
    write_outside(w, doc, best)?;
    write_evidence(w, n, doc)?;
    writeln!(w, "</section>")
}

/// One bar of a chart.
struct Bar {
    /// Row label (raw text).
    label: String,
    /// Muted text after the label.
    note: String,
    /// Bar length, 0 to 1.
    fraction: f64,
    /// Text at the right end.
    value: String,
    /// Highlighted: `Some(weak)` for the best role, weak when below [`WEAK_FIT`].
    best: Option<bool>,
}

const ROW: usize = 34;

/// A horizontal bar chart: each row's label above its bar, the value at the right. Widths are
/// percentages of the SVG's own width, so it fits any screen without scaling the text.
fn write_bars(
    w: &mut impl Write,
    id: &str,
    class: &str,
    title: &str,
    bars: &[Bar],
    ticks: &[(f64, &str)],
    threshold: Option<f64>,
) -> io::Result<()> {
    let body = bars.len() * ROW;
    let height = body + 20;
    writeln!(
        w,
        "<svg class=\"bars {class}\" role=\"img\" aria-labelledby=\"{id}\" height=\"{height}\">\
         <title id=\"{id}\">{}</title>",
        Esc(title)
    )?;
    for i in 0..bars.len() {
        writeln!(
            w,
            "<rect class=\"track\" x=\"0\" y=\"{}\" width=\"100%\" height=\"10\" rx=\"3\"/>",
            i * ROW + 19
        )?;
    }
    // Grid lines under the bars, the threshold over them; both only across the bars, never
    // through the labels.
    let lines = |w: &mut dyn Write, class: &str, at: f64| -> io::Result<()> {
        for i in 0..bars.len() {
            writeln!(
                w,
                "<line class=\"{class}\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>",
                pct(at),
                i * ROW + 17,
                i * ROW + 31
            )?;
        }
        Ok(())
    };
    for &(at, _) in ticks {
        lines(w, "grid", at)?;
    }
    for (i, b) in bars.iter().enumerate() {
        let top = i * ROW;
        write!(
            w,
            "<g{}><title>{}{}: {}</title>",
            match b.best {
                Some(false) => " class=\"best\"",
                Some(true) => " class=\"best weak\"",
                None => "",
            },
            Esc(&b.label),
            Esc(&b.note),
            Esc(&b.value)
        )?;
        write!(
            w,
            "<rect class=\"bar\" x=\"0\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"3\"/>",
            top + 19,
            pct(b.fraction)
        )?;
        writeln!(
            w,
            "<text class=\"lbl\" x=\"0\" y=\"{0}\">{1}<tspan class=\"w\">{2}</tspan></text>\
             <text class=\"val\" x=\"100%\" y=\"{0}\" text-anchor=\"end\">{3}</text></g>",
            top + 14,
            Esc(&clip(&b.label, 44)),
            Esc(&b.note),
            Esc(&b.value)
        )?;
    }
    if let Some(t) = threshold {
        lines(w, "threshold", t)?;
    }
    for (k, &(at, label)) in ticks.iter().enumerate() {
        let anchor = if k == 0 {
            "start"
        } else if k + 1 == ticks.len() {
            "end"
        } else {
            "middle"
        };
        writeln!(
            w,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            pct(at),
            body + 14,
            Esc(label)
        )?;
    }
    writeln!(w, "</svg>")
}

fn write_role_chart(w: &mut impl Write, n: usize, doc: &FitDoc<'_>) -> io::Result<()> {
    let bars: Vec<Bar> = doc
        .fits
        .iter()
        .enumerate()
        .map(|(i, f)| Bar {
            label: f.name.to_string(),
            note: String::new(),
            fraction: f.score / 100.0,
            value: format!("{:.1}", f.score),
            best: (i == 0).then_some(f.score < WEAK_FIT),
        })
        .collect();
    writeln!(
        w,
        "<figure><figcaption>Fit per role <span class=\"muted\">(0–100, best first)</span>\
         </figcaption>"
    )?;
    write_bars(
        w,
        &format!("d{n}-roles"),
        "roles",
        "Fit per role, 0 to 100",
        &bars,
        &[
            (0.0, "0"),
            (0.2, "20"),
            (0.4, "40"),
            (0.6, "60"),
            (0.8, "80"),
            (1.0, "100"),
        ],
        Some(WEAK_FIT / 100.0),
    )?;
    writeln!(
        w,
        "<p class=\"note\">Dashed line: {WEAK_FIT}; below it {}.</p></figure>",
        weak_phrase(doc)
    )
}

fn write_category_chart(w: &mut impl Write, n: usize, best: &RoleFitOut<'_>) -> io::Result<()> {
    let mut cats: Vec<_> = best.categories.iter().collect();
    // Heaviest first, like the requirements; the sort is stable, so ties keep the profile's order.
    cats.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let bars: Vec<Bar> = cats
        .iter()
        .map(|c| Bar {
            label: c.category.to_string(),
            note: format!(" · weight {}", c.weight),
            fraction: c.coverage,
            value: format!("{:.0}%", c.coverage * 100.0),
            best: None,
        })
        .collect();
    writeln!(
        w,
        "<figure><figcaption>Coverage per skill category <span class=\"muted\">({})</span>\
         </figcaption>",
        Esc(best.name)
    )?;
    if bars.is_empty() {
        writeln!(w, "<p class=\"empty\">This role has no requirements.</p>")?;
    } else {
        write_bars(
            w,
            &format!("d{n}-cats"),
            "cover",
            &format!("Coverage per skill category for {}", best.name),
            &bars,
            &[
                (0.0, "0%"),
                (0.25, "25%"),
                (0.5, "50%"),
                (0.75, "75%"),
                (1.0, "100%"),
            ],
            None,
        )?;
    }
    writeln!(
        w,
        "<p class=\"note\">Share of each category's requirement weight earned; heaviest \
         categories first.</p></figure>"
    )
}

/// The skills that earned a requirement's credit, each linked to its evidence.
fn write_by(
    w: &mut impl Write,
    n: usize,
    doc: &FitDoc<'_>,
    by: &[CreditOut<'_>],
) -> io::Result<()> {
    if by.is_empty() {
        return write!(w, "<span class=\"muted\">–</span>");
    }
    for (k, c) in by.iter().enumerate() {
        if k > 0 {
            write!(w, ", ")?;
        }
        write_skill_link(w, n, doc, c.skill, c.name)?;
        match (c.mentions, c.implied_by) {
            (_, Some(by)) => {
                write!(w, " <span class=\"how\">implied by ")?;
                write_skill_link(w, n, doc, by, skill_name(doc, by))?;
                write!(w, "</span>")?;
            }
            (Some(m), None) => {
                let used = match (c.years, c.demonstrated) {
                    (Some(y), _) => format!(", used {y:.1} y"),
                    (None, Some(true)) => ", in experience".to_string(),
                    _ => String::new(),
                };
                write!(
                    w,
                    " <span class=\"how\">{}{used}</span>",
                    plural(m, "mention", "mentions")
                )?
            }
            (None, None) => {}
        }
    }
    Ok(())
}

fn write_skill_link(
    w: &mut impl Write,
    n: usize,
    doc: &FitDoc<'_>,
    id: &str,
    name: &str,
) -> io::Result<()> {
    match skill_anchor(n, doc, id) {
        Some(a) => write!(w, "<a href=\"#{a}\">{}</a>", Esc(name)),
        None => write!(w, "<span class=\"sk\">{}</span>", Esc(name)),
    }
}

fn write_requirements(
    w: &mut impl Write,
    n: usize,
    doc: &FitDoc<'_>,
    best: &RoleFitOut<'_>,
) -> io::Result<()> {
    let mut reqs: Vec<(usize, &RequirementOut<'_>)> =
        best.requirements.iter().enumerate().collect();
    reqs.sort_by(|a, b| b.1.weight.cmp(&a.1.weight).then(a.0.cmp(&b.0)));
    let count = |status: &str| reqs.iter().filter(|(_, r)| r.status == status).count();
    writeln!(
        w,
        "<h3>Requirements of {}</h3>\n<p class=\"muted small\">{} met · {} partly met · {} \
         missing{}. Heaviest first; credit is what the requirement earns, 0–100%.</p>",
        Esc(best.name),
        count("met"),
        count("partial"),
        count("missing"),
        if is_posting(doc) {
            " (met: the posting asks for it)"
        } else {
            ""
        }
    )?;
    if reqs.is_empty() {
        return writeln!(w, "<p class=\"empty\">This role has no requirements.</p>");
    }
    for (title, status) in [
        ("Met", "met"),
        ("Partly met", "partial"),
        ("Missing", "missing"),
    ] {
        let group: Vec<&RequirementOut<'_>> = reqs
            .iter()
            .filter(|(_, r)| r.status == status)
            .map(|(_, r)| *r)
            .collect();
        if group.is_empty() {
            continue;
        }
        writeln!(
            w,
            "<div class=\"g-{status}\"><h4><span class=\"dot\"></span>{title} \
             <span class=\"count\">{}</span></h4>\n<table class=\"reqs\"><thead><tr>\
             <th class=\"c-req\">Requirement</th><th class=\"c-lvl\">Level</th>\
             <th class=\"num c-w\">Weight</th><th class=\"c-cr\">Credit</th><th>Skills</th></tr></thead>\n<tbody>",
            group.len()
        )?;
        for r in group {
            write!(
                w,
                "<tr><td class=\"wrap\">{}</td><td><span class=\"lvl {1}\">{1}\
                 </span></td><td class=\"num\" data-h=\"weight\">{2}</td><td class=\"cr\" \
                 data-h=\"credit\"><span class=\"mini cov\"><span style=\"width:{3}\"></span>\
                 </span>{4:.0}%</td><td class=\"by{5}\" data-h=\"by\">",
                Esc(r.label),
                Esc(r.level),
                r.weight,
                pct(r.credit),
                r.credit * 100.0,
                if r.by.is_empty() { " none" } else { "" }
            )?;
            write_by(w, n, doc, &r.by)?;
            writeln!(w, "</td></tr>")?;
        }
        writeln!(w, "</tbody></table></div>")?;
    }
    Ok(())
}

fn write_learning_path(
    w: &mut impl Write,
    doc: &FitDoc<'_>,
    best: Option<&RoleFitOut<'_>>,
) -> io::Result<()> {
    // A posting has nothing to learn: what it asks beyond the role is in `write_outside`.
    if is_posting(doc) {
        return Ok(());
    }
    if doc.learning_path.is_empty() {
        if let Some(b) = best {
            writeln!(
                w,
                "<h3>Learning path</h3>\n<p class=\"empty\">Nothing to learn for {}: every \
                 requirement naming a skill is met.</p>",
                Esc(b.name)
            )?;
        }
        return Ok(());
    }
    write!(w, "<h3>Learning path")?;
    if let Some(b) = best {
        write!(w, " to {}", Esc(b.name))?;
    }
    writeln!(
        w,
        "</h3>\n<p class=\"muted small\">In order: foundations first, each skill after its \
         prerequisites, then by the weight it carries.</p>\n<ol class=\"path\">"
    )?;
    for step in &doc.learning_path {
        write!(
            w,
            "<li><span class=\"sk\">{}</span><span class=\"badge tier t-{1}\">{1}</span>",
            Esc(step.name),
            Esc(step.tier)
        )?;
        if !step.requirements.is_empty() {
            write!(w, "<div class=\"helps\">helps meet: ")?;
            for (k, label) in step.requirements.iter().enumerate() {
                if k > 0 {
                    write!(w, "; ")?;
                }
                write!(w, "{}", Esc(label))?;
            }
            write!(w, "</div>")?;
        }
        writeln!(w, "</li>")?;
    }
    writeln!(w, "</ol>")
}

fn write_outside(
    w: &mut impl Write,
    doc: &FitDoc<'_>,
    best: Option<&RoleFitOut<'_>>,
) -> io::Result<()> {
    if !is_posting(doc) {
        return Ok(());
    }
    let Some(b) = best else { return Ok(()) };
    writeln!(w, "<h3>Asked for beyond {}</h3>", Esc(b.name))?;
    if doc.outside.is_empty() {
        return writeln!(
            w,
            "<p class=\"empty\">Nothing: every skill the posting asks for is in the role.</p>"
        );
    }
    writeln!(w, "<ul class=\"chips\">")?;
    for id in &doc.outside {
        writeln!(w, "<li>{}</li>", Esc(skill_name(doc, id)))?;
    }
    writeln!(w, "</ul>")
}

/// What an evidence label means, for its tooltip.
fn evidence_help(label: &str) -> &'static str {
    match label {
        "form" => "an unambiguous form of the skill",
        "case" => "an ambiguous form, accepted for its exact spelling",
        "list" => "an ambiguous form, accepted in a list of other skills",
        l if l.starts_with("near:") => "an ambiguous form, accepted for a technical word nearby",
        _ => "",
    }
}

fn write_evidence(w: &mut impl Write, n: usize, doc: &FitDoc<'_>) -> io::Result<()> {
    let mentions: usize = doc.skills.iter().map(|s| s.matches.len()).sum();
    writeln!(
        w,
        "<h3>Evidence <span class=\"count\">{} · {}</span></h3>",
        plural(doc.skills.len(), "skill", "skills"),
        plural(mentions, "mention", "mentions")
    )?;
    if doc.skills.is_empty() {
        return writeln!(w, "<p class=\"empty\">No skills found.</p>");
    }
    writeln!(
        w,
        "<p class=\"muted small\">Most mentioned first. Open a skill for each mention as \
         written, its line, and why it counts: <b>form</b> (unambiguous), <b>case</b> \
         (exact spelling), <b>list</b> (among other skills) or <b>near</b> (a technical word \
         nearby). <span class=\"badge neg\">negated</span> mentions (“no experience with …”) \
         earn nothing.</p>\n<div class=\"evidence\">"
    )?;
    for (i, s) in doc.skills.iter().enumerate() {
        write_skill(w, &format!("d{n}-s{i}"), s)?;
    }
    writeln!(w, "</div>")
}

fn write_skill(w: &mut impl Write, anchor: &str, s: &SkillOut<'_>) -> io::Result<()> {
    write!(
        w,
        "<details id=\"{anchor}\"><summary><span class=\"sk\">{}</span><span class=\"cat\">{}\
         </span><span class=\"cnt\">{}",
        Esc(s.name),
        Esc(s.category),
        plural(s.count, "mention", "mentions")
    )?;
    if s.negated > 0 {
        write!(w, " <span class=\"negc\">+{} negated</span>", s.negated)?;
    }
    writeln!(w, "</span></summary>\n<ul class=\"mentions\">")?;
    for m in &s.matches {
        write!(
            w,
            "<li{}><span class=\"muted\">line {}</span> <q>{}</q> <span class=\"ev\" \
             title=\"{}\">{}</span>",
            if m.negated { " class=\"negated\"" } else { "" },
            m.line,
            Esc(m.text),
            evidence_help(&m.evidence),
            Esc(&m.evidence)
        )?;
        if m.negated {
            write!(w, " <span class=\"badge neg\">negated</span>")?;
        }
        writeln!(w, "</li>")?;
    }
    writeln!(w, "</ul></details>")
}

/// The credit of a skill mentioned `n` times, from the one place that decides it.
fn credit_for_mentions(n: usize) -> f64 {
    let m = Match {
        skill: SkillIdx(0),
        start: 0,
        end: 0,
        line: 1,
        negated: false,
        evidence: Evidence::Form,
    };
    let ms: Vec<&Match> = std::iter::repeat_n(&m, n).collect();
    mention_credit(&ms)
}

fn write_footer(w: &mut impl Write) -> io::Result<()> {
    writeln!(
        w,
        "<footer><p><strong>How the score works.</strong> Each requirement of a role earns a \
         credit from 0 to 1 from the skills that meet it: a skill mentioned once earns {}, \
         {MENTION_CAP} or more times {}; one only implied by a mentioned skill (PyTorch → deep \
         learning) earns {IMPLIED_CREDIT}; negated mentions earn nothing. The fit is \
         100 × Σ(weight × credit) ÷ Σ weight over all the role's requirements; below \
         {WEAK_FIT} no role fits well.</p><p>Generated offline by skillscan {} · schema \
         <code>{}</code> · the same data is in <code>--format json</code>.</p></footer>",
        credit_for_mentions(1),
        credit_for_mentions(MENTION_CAP),
        env!("CARGO_PKG_VERSION"),
        super::SCHEMA
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fit::{CategoryOut, StepOut};
    use crate::report::json::MatchOut;

    fn skill<'a>(id: &'a str, name: &'a str, texts: &[(&'a str, usize, bool)]) -> SkillOut<'a> {
        SkillOut {
            id,
            name,
            category: "programming-language",
            tier: "foundation",
            count: texts.iter().filter(|t| !t.2).count(),
            negated: texts.iter().filter(|t| t.2).count(),
            strength: None,
            years: None,
            last_used: None,
            matches: texts
                .iter()
                .map(|&(text, line, negated)| MatchOut {
                    text,
                    start: 0,
                    end: text.len(),
                    line,
                    negated,
                    evidence: "form".into(),
                    section: crate::document::sections::Section::None,
                    strength: None,
                })
                .collect(),
        }
    }

    fn sample<'a>(document: &'a str, kind: &'static str, score: f64) -> FitDoc<'a> {
        FitDoc {
            schema: super::super::SCHEMA,
            document,
            kind,
            warnings: &[],
            title: None,
            experience: None,
            fits: vec![
                RoleFitOut {
                    role: "data-scientist",
                    name: "Data Scientist",
                    score,
                    closeness: None,
                    requirements: vec![
                        RequirementOut {
                            label: "Python",
                            level: "required",
                            weight: 3,
                            credit: 1.0,
                            status: "met",
                            by: vec![CreditOut {
                                skill: "python",
                                name: "Python",
                                credit: 1.0,
                                mentions: Some(3),
                                demonstrated: Some(true),
                                years: Some(4.5),
                                implied_by: None,
                            }],
                        },
                        RequirementOut {
                            label: "Deep learning",
                            level: "preferred",
                            weight: 2,
                            credit: 0.5,
                            status: "partial",
                            by: vec![CreditOut {
                                skill: "deep-learning",
                                name: "deep learning",
                                credit: 0.5,
                                mentions: None,
                                demonstrated: None,
                                years: None,
                                implied_by: Some("pytorch"),
                            }],
                        },
                        RequirementOut {
                            label: "SQL",
                            level: "required",
                            weight: 3,
                            credit: 0.0,
                            status: "missing",
                            by: vec![],
                        },
                    ],
                    categories: vec![CategoryOut {
                        category: "programming-language",
                        weight: 6.0,
                        coverage: 0.5,
                    }],
                },
                RoleFitOut {
                    role: "hr",
                    name: "HR Generalist",
                    score: 3.0,
                    closeness: None,
                    requirements: vec![],
                    categories: vec![],
                },
            ],
            learning_path: vec![StepOut {
                skill: "sql",
                name: "SQL",
                tier: "foundation",
                requirements: vec!["SQL"],
            }],
            outside: vec!["rust"],
            skills: vec![
                skill(
                    "python",
                    "Python",
                    &[("Python", 3, false), ("python", 9, false)],
                ),
                skill("pytorch", "PyTorch", &[("PyTorch", 4, false)]),
                skill("java", "Java", &[("Java", 7, true)]),
            ],
        }
    }

    fn render(docs: &[FitDoc<'_>]) -> String {
        let mut out = Vec::new();
        write_fit_html(&mut out, "Fit report", docs).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            Esc(r#"<a href="x">Tom & 'Jerry'</a>"#).to_string(),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        assert_eq!(Esc("plain é").to_string(), "plain é");
    }

    #[test]
    fn text_from_documents_is_escaped() {
        let mut doc = sample("<script>alert(1)</script>.txt", "resume", 60.0);
        doc.skills = vec![skill(
            "python",
            "Python",
            &[("<script>x</script>", 2, false), ("\"'&", 3, true)],
        )];
        doc.fits[0].requirements[0].label = "<img src=x onerror=alert(1)>";
        let html = render(&[doc, sample("b.md", "resume", 60.0)]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt"));
        assert!(html.contains("<q>&lt;script&gt;x&lt;/script&gt;</q>"));
        assert!(html.contains("<q>&quot;&#39;&amp;</q>"));
        let title = "<b>\"t\"</b>";
        let mut out = Vec::new();
        write_fit_html(&mut out, title, &[]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("<title>&lt;b&gt;&quot;t&quot;&lt;/b&gt;</title>"));
    }

    #[test]
    fn fetches_nothing() {
        let html = render(&[sample("a.md", "resume", 60.0), sample("b", "posting", 9.0)]);
        for bad in [
            "http:", "https:", "//", "src=", "<script", "<link", "@import", "url(", "<img",
            "<iframe", "<object", "<embed",
        ] {
            // `//` may not appear even in a comment: no protocol-relative address.
            assert!(!html.contains(bad), "found {bad}");
        }
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn is_deterministic() {
        let docs = [
            sample("a.md", "resume", 60.0),
            sample("b.md", "posting", 9.0),
        ];
        assert_eq!(render(&docs), render(&docs));
    }

    #[test]
    fn has_every_section() {
        let html = render(&[
            sample("a.md", "resume", 60.0),
            sample("b.md", "posting", 60.0),
        ]);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(html.trim_end().ends_with("</html>"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert_eq!(html.matches("<section class=\"doc\"").count(), 2);
        // The table of contents links to both.
        assert!(html.contains("<nav class=\"toc\""));
        assert!(html.contains("href=\"#doc-1\"") && html.contains("href=\"#doc-2\""));
        assert!(html.contains("Best fit: <strong>Data Scientist</strong>"));
        assert!(html.contains("Closest role: <strong>Data Scientist</strong>"));
        // Two charts per document.
        assert_eq!(html.matches("<svg").count(), 4);
        assert!(html.contains("Fit per role"));
        assert!(html.contains("Coverage per skill category"));
        assert!(html.contains("weight 6"));
        // The gap list, heaviest first within each group, with what met it.
        assert!(html.contains("Partly met"));
        assert!(html.contains("implied by <a href=\"#d1-s1\">PyTorch</a>"));
        assert!(html.contains("<a href=\"#d1-s0\">Python</a> <span class=\"how\">3 mentions"));
        assert!(html.find(">Met <").unwrap() < html.find(">Missing <").unwrap());
        // Learning path (résumé), the skills beyond the role (posting: not in the résumé).
        assert_eq!(html.matches("Learning path to Data Scientist").count(), 1);
        assert!(html.contains("t-foundation"));
        assert_eq!(html.matches("Asked for beyond").count(), 1);
        assert!(html.contains("<li>rust</li>"));
        // Evidence, negated mentions marked.
        assert!(html.contains("<details id=\"d1-s2\">"));
        assert!(html.contains("<li class=\"negated\"><span class=\"muted\">line 7</span>"));
        assert!(html.contains("+1 negated"));
        // The footer explains the formula with the real numbers.
        assert!(html.contains("mentioned once earns 0.75, 3 or more times 1;"));
        assert!(html.contains("skillscan/1"));
    }

    #[test]
    fn says_when_no_role_fits() {
        let html = render(&[sample("a.md", "resume", 12.0)]);
        assert!(html.contains("No role fits well</strong>: the best is Data Scientist at 12.0"));
        assert!(
            !html.contains("<nav"),
            "one document needs no table of contents"
        );
        let html = render(&[sample("a.md", "posting", 12.0)]);
        assert!(html.contains("No role is close</strong>"));
        assert!(html.contains("below it no role is close"));
    }

    #[test]
    fn handles_empty_fits_and_skills() {
        let mut doc = sample("empty.txt", "resume", 0.0);
        doc.fits.clear();
        doc.skills.clear();
        doc.learning_path.clear();
        doc.outside.clear();
        let html = render(&[doc]);
        assert!(html.contains("No role profiles to score against."));
        assert!(html.contains("No skills found."));
        assert!(!html.contains("<svg"));
        let mut doc = sample("norules.txt", "resume", 0.0);
        doc.fits[0].requirements.clear();
        doc.fits[0].categories.clear();
        let html = render(&[doc]);
        assert!(html.contains("This role has no requirements."));
        let html = render(&[]);
        assert!(html.contains("No documents.") && html.ends_with("</html>\n"));
    }

    #[test]
    fn bar_widths_are_clamped_percentages() {
        assert_eq!(pct(0.723), "72.3%");
        assert_eq!(pct(1.7), "100%");
        assert_eq!(pct(-1.0), "0%");
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
