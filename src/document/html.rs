//! HTML to the text a person sees: a small tokenizer, not a DOM. Scripts, styles, comments,
//! navigation (`<nav>`, page-level `<header>`/`<footer>`, ARIA navigation roles) and hidden
//! elements are dropped; block elements end lines; table cells are separated by tabs;
//! character references (named and numeric) are decoded.
//!
//! A full HTML5 parser (html5ever) builds a tree with error recovery we do not need: text
//! extraction only has to know where elements start and end.

/// Elements whose content is not markup and not shown.
const RAW: &[&str] = &[
    "script", "style", "template", "title", "textarea", "noscript", "xmp", "iframe", "noembed",
    "noframes",
];

/// Elements whose content is not page text.
const SKIP: &[&str] = &["nav", "svg", "math", "select", "object", "canvas", "dialog"];

/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements inside which a `<header>` or `<footer>` belongs to the content (an article's
/// title), not to the page's navigation.
const CONTENT: &[&str] = &["article", "main", "section"];

/// The visible text of an HTML page.
pub fn visible_text(html: &str) -> String {
    let mut p = Parser {
        out: String::with_capacity(html.len() / 2),
        skip: None,
        content_depth: 0,
        pre_depth: 0,
    };
    let b = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let Some(tag) = tag_at(html, i) else {
            i += 1;
            continue;
        };
        p.text(&html[text_start..i]);
        i = tag.end;
        match tag.kind {
            TagKind::Start {
                ref name,
                self_closing,
                hidden,
            } => {
                if !self_closing && p.skip.is_none() && RAW.contains(&name.as_str()) {
                    // Jump to the matching end tag; nothing inside is markup.
                    i = find_end_tag(html, i, name).unwrap_or(b.len());
                } else {
                    p.start(name, self_closing, hidden);
                }
            }
            TagKind::End(ref name) => p.end(name),
            TagKind::Other => {}
        }
        text_start = i;
    }
    p.text(&html[text_start.min(b.len())..]);
    finish(&p.out)
}

struct Parser {
    out: String,
    /// The element being skipped and how deeply it is nested in itself.
    skip: Option<(String, usize)>,
    /// Open `<article>`, `<main>` and `<section>` elements.
    content_depth: usize,
    pre_depth: usize,
}

impl Parser {
    fn start(&mut self, name: &str, self_closing: bool, hidden: bool) {
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped == name && !self_closing {
                *depth += 1;
            }
            return;
        }
        let navigation = matches!(name, "header" | "footer") && self.content_depth == 0;
        if (SKIP.contains(&name) || navigation || hidden) && !self_closing && !is_void(name) {
            self.skip = Some((name.to_string(), 1));
            return;
        }
        if CONTENT.contains(&name) {
            self.content_depth += 1;
        }
        if name == "pre" {
            self.pre_depth += 1;
        }
        if matches!(name, "td" | "th") {
            self.cell();
        } else if BLOCK.contains(&name) {
            self.newline();
        }
    }

    fn end(&mut self, name: &str) {
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                    self.newline();
                }
            }
            return;
        }
        if CONTENT.contains(&name) {
            self.content_depth = self.content_depth.saturating_sub(1);
        }
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if matches!(name, "td" | "th") {
            self.cell();
        } else if BLOCK.contains(&name) {
            self.newline();
        }
    }

    fn newline(&mut self) {
        while self.out.ends_with([' ', '\t']) {
            self.out.pop();
        }
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn cell(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if !self.out.is_empty() && !self.out.ends_with(['\n', '\t']) {
            self.out.push('\t');
        }
    }

    fn text(&mut self, raw: &str) {
        if self.skip.is_some() || raw.is_empty() {
            return;
        }
        let text = decode_entities(raw);
        if self.pre_depth > 0 {
            self.out.push_str(&text.replace("\r\n", "\n"));
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{00A0}' {
                if !self.out.is_empty() && !self.out.ends_with([' ', '\n', '\t']) {
                    self.out.push(' ');
                }
            } else {
                self.out.push(if c == '\u{00A0}' { ' ' } else { c });
            }
        }
    }
}

/// Trims every line and keeps at most one blank line in a row.
fn finish(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

struct Tag {
    kind: TagKind,
    /// Byte offset just past the tag.
    end: usize,
}

enum TagKind {
    Start {
        name: String,
        self_closing: bool,
        /// `hidden`, `aria-hidden="true"`, `display:none`, or a navigation ARIA role.
        hidden: bool,
    },
    End(String),
    /// A comment, doctype, processing instruction or CDATA section.
    Other,
}

/// The tag starting at `html[i] == '<'`, or `None` when the `<` is plain text.
fn tag_at(html: &str, i: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let rest = &html[i..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment.find("-->").map_or(b.len(), |e| i + 4 + e + 3);
        return Some(Tag {
            kind: TagKind::Other,
            end,
        });
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(b.len(), |e| i + e + 1);
        return Some(Tag {
            kind: TagKind::Other,
            end,
        });
    }
    let (closing, name_start) = if rest.starts_with("</") {
        (true, i + 2)
    } else {
        (false, i + 1)
    };
    if !b.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut j = name_start;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
        j += 1;
    }
    let name = html[name_start..j].to_ascii_lowercase();
    // Attributes: a quoted value may hold `>`.
    let attrs_start = j;
    let mut quote = None;
    while j < b.len() {
        match (quote, b[j]) {
            (None, b'"' | b'\'') => quote = Some(b[j]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        j += 1;
    }
    let attrs = &html[attrs_start..j.min(b.len())];
    let end = (j + 1).min(b.len());
    let kind = if closing {
        TagKind::End(name)
    } else {
        TagKind::Start {
            self_closing: attrs.trim_end().ends_with('/'),
            hidden: is_hidden(attrs),
            name,
        }
    };
    Some(Tag { kind, end })
}

fn is_hidden(attrs: &str) -> bool {
    if attrs.is_empty() {
        return false;
    }
    let a = attrs.to_ascii_lowercase();
    let compact: String = a.chars().filter(|c| !c.is_whitespace()).collect();
    let has_word = |w: &str| {
        a.match_indices(w).any(|(k, _)| {
            let before = a[..k].chars().next_back();
            let after = a[k + w.len()..].chars().next();
            before.is_none_or(|c| c.is_whitespace())
                && after.is_none_or(|c| c.is_whitespace() || c == '=' || c == '/')
        })
    };
    has_word("hidden")
        || compact.contains("aria-hidden=\"true\"")
        || compact.contains("display:none")
        || ["navigation", "banner", "contentinfo"]
            .iter()
            .any(|r| compact.contains(&format!("role=\"{r}\"")))
}

/// The start of `</name` at or after `from`, case-insensitively.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let b = html.as_bytes();
    let mut k = from;
    while let Some(off) = memchr::memmem::find(&b[k..], b"</") {
        let at = k + off;
        let after = at + 2;
        if b.len() >= after + name.len()
            && b[after..after + name.len()].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after + name.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(at);
        }
        k = after;
    }
    None
}

/// Decodes character references: `&amp;`, `&#233;`, `&#xE9;`, and the named ones people use
/// (HTML 4's set plus a few from HTML 5). Unknown names are left as written.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The character reference at the start of `s` (which starts with `&`) and its length.
fn reference(s: &str) -> Option<(String, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let n = digits
            .bytes()
            .take_while(|c| (*c as char).is_digit(radix))
            .count();
        if n == 0 {
            return None;
        }
        let value = u32::from_str_radix(&digits[..n.min(8)], radix).unwrap_or(u32::MAX);
        let semi = usize::from(digits[n..].starts_with(';'));
        return Some((numeric(value).to_string(), skip + n + semi));
    }
    let n = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &body[..n];
    let semi = body[n..].starts_with(';');
    let c = named(name)?;
    // Without `;` only the few names browsers accept that way in text.
    if !semi && !matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg") {
        return None;
    }
    Some((c.to_string(), 1 + n + usize::from(semi)))
}

/// A numeric reference's character, as browsers read it: 0x80–0x9F as Windows-1252, and
/// invalid code points as U+FFFD.
fn numeric(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        let byte = [value as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return s.chars().next().unwrap_or('\u{FFFD}');
    }
    match char::from_u32(value) {
        Some('\0') | None => '\u{FFFD}',
        Some(c) => c,
    }
}

/// Named references for U+00A0..=U+00FF, in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named references: HTML 4's punctuation, symbols and Greek, plus HTML 5 names that
/// job boards emit.
const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("larr", '←'),
    ("uarr", '↑'),
    ("rarr", '→'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("rArr", '⇒'),
    ("lArr", '⇐'),
    ("hArr", '⇔'),
    ("minus", '−'),
    ("lowast", '∗'),
    ("radic", '√'),
    ("infin", '∞'),
    ("asymp", '≈'),
    ("ne", '≠'),
    ("equiv", '≡'),
    ("le", '≤'),
    ("ge", '≥'),
    ("sdot", '⋅'),
    ("loz", '◊'),
    ("spades", '♠'),
    ("clubs", '♣'),
    ("hearts", '♥'),
    ("diams", '♦'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("epsilon", 'ε'),
    ("lambda", 'λ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("tau", 'τ'),
    ("theta", 'θ'),
    ("omega", 'ω'),
    ("Delta", 'Δ'),
    ("Sigma", 'Σ'),
    ("Omega", 'Ω'),
    // HTML 5
    ("nbsp", '\u{A0}'),
    ("NewLine", '\n'),
    ("Tab", '\t'),
    ("check", '✓'),
    ("cross", '✗'),
    ("star", '☆'),
    ("starf", '★'),
    ("phone", '☎'),
    ("sol", '/'),
    ("bsol", '\\'),
    ("colon", ':'),
    ("comma", ','),
    ("period", '.'),
    ("excl", '!'),
    ("quest", '?'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("ast", '*'),
    ("plus", '+'),
    ("equals", '='),
    ("lpar", '('),
    ("rpar", ')'),
    ("lsqb", '['),
    ("rsqb", ']'),
    ("lbrack", '['),
    ("rbrack", ']'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("lbrace", '{'),
    ("rbrace", '}'),
    ("verbar", '|'),
    ("vert", '|'),
    ("commat", '@'),
    ("lowbar", '_'),
    ("grave", '`'),
    ("Hat", '^'),
    ("semi", ';'),
    ("hyphen", '‐'),
    ("dash", '‐'),
    ("centerdot", '·'),
    ("nbhy", '\u{2011}'),
];

fn named(name: &str) -> Option<char> {
    if let Some(k) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + k as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_only() {
        let cases: &[(&str, &str)] = &[
            ("<p>Python</p><p>SQL</p>", "Python\nSQL\n"),
            ("a<br>b<br/>c", "a\nb\nc\n"),
            ("<ul><li>Spark<li>Kafka</ul>", "Spark\nKafka\n"),
            ("<h1>Data\n  Engineer</h1>", "Data Engineer\n"),
            ("<script>var x = '<p>Java</p>';</script>Go", "Go\n"),
            ("<STYLE>p { color: red }</STYLE>Go", "Go\n"),
            ("<!-- Java --><p>Go</p>", "Go\n"),
            ("<nav><a>Java</a><nav>Ruby</nav>PHP</nav>Go", "Go\n"),
            (
                "<header>Jobs | Login</header><main>Go</main><footer>© Acme</footer>",
                "Go\n",
            ),
            (
                "<article><header><h1>ML Engineer</h1></header>PyTorch</article>",
                "ML Engineer\nPyTorch\n",
            ),
            (
                "<div hidden>Java</div><div aria-hidden=\"true\">Ruby</div>Go",
                "Go\n",
            ),
            (
                "<div style=\"display: none\">Java</div><span>Go</span>",
                "Go\n",
            ),
            ("<div role=\"navigation\">Java</div>Go", "Go\n"),
            (
                "<table><tr><td>Python</td><td>5 yrs</td></tr><tr><th>SQL</th><td>3</td></tr></table>",
                "Python\t5 yrs\nSQL\t3\n",
            ),
            (
                "R &amp; D, C&#43;&#43;, C&#x23;, caf&eacute;, AT&T, &bogus; &#150;",
                "R & D, C++, C#, café, AT&T, &bogus; –\n",
            ),
            ("1 &lt; 2 &nbsp;x", "1 < 2  x\n"),
            ("<a href=\"x?a=1&b=2\" title='a > b'>Go</a>", "Go\n"),
            ("x < y and <3", "x < y and <3\n"),
            ("<pre>a\n  b</pre>", "a\n  b\n"),
            ("<img src=x alt=Java>Go", "Go\n"),
            ("<p>unclosed <b>bold", "unclosed bold\n"),
            ("<script>never closed", ""),
            ("<", "<\n"),
        ];
        for (html, want) in cases {
            assert_eq!(visible_text(html), *want, "{html}");
        }
    }

    #[test]
    fn entity_table_is_consistent() {
        assert_eq!(named("eacute"), Some('é'));
        assert_eq!(named("yuml"), Some('ÿ'));
        assert_eq!(named("nbsp"), Some('\u{A0}'));
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}"
        );
    }
}
