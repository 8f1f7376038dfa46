//! HTML: the text a reader of the page sees, with a map back to the original bytes.
//!
//! A small hand-written tokenizer, tolerant of broken markup: tags are dropped, character
//! references decoded (each an atomic piece of the offset map), white space collapsed, block
//! elements become paragraph breaks, and the content of `script`, `style` and of the page-chrome
//! elements listed in `rules/text/html-skip.txt` (nav, footer, forms, ...) is left out. The
//! publication date comes from `<meta>` names listed in `rules/text/html-date-meta.txt` or from a
//! `<time datetime>`; the title from the first `<h1>`, else `<title>`.

use std::collections::HashSet;

use crate::decode::{decode, Decoded, NotText, OffsetMap, Source};

/// What the HTML reader needs from the rules.
#[derive(Debug, Clone, Default)]
pub struct HtmlRules {
    /// Elements whose whole content is page furniture (lower-case names).
    pub skip: HashSet<String>,
    /// `<meta>` `name`/`property`/`itemprop` values that give the publication date (lower-case).
    pub date_meta: HashSet<String>,
}

/// Elements whose content is never text: raw text, skipped to their end tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "template"];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
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
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Decode an HTML file: the character encoding first (as for text), then the markup.
pub fn decode_html(bytes: &[u8], rules: &HtmlRules) -> Result<Decoded, NotText> {
    let d = decode(bytes)?;
    Ok(strip(d, rules))
}

/// Turn a decoded HTML file into its visible text.
pub fn strip(d: Decoded, rules: &HtmlRules) -> Decoded {
    let Decoded {
        text: src,
        map: charset,
        encoding,
        note,
        ..
    } = d;
    let mut line_starts = vec![0usize];
    for i in memchr::memchr_iter(b'\n', src.as_bytes()) {
        line_starts.push(charset.to_orig(i + 1));
    }
    let mut w = Writer::default();
    let mut meta_date: Option<String> = None;
    let mut time_date: Option<(bool, String)> = None; // (marked as the publication, value)
    let mut title_tag: Option<String> = None;
    let mut h1: Option<String> = None;
    let mut h1_open: Option<usize> = None;
    let mut skip: Option<(String, usize)> = None;
    let b = src.as_bytes();
    let n = b.len();
    let mut i = 0usize;
    while i < n {
        if b[i] == b'<' {
            if let Some(t) = parse_tag(&src, i) {
                let end = t.end;
                match t.kind {
                    TagKind::Comment | TagKind::Other => {}
                    TagKind::Open => {
                        let name = t.name.as_str();
                        if let Some((sk, depth)) = skip.as_mut() {
                            if name == sk && !VOID.contains(&name) && !t.self_closing {
                                *depth += 1;
                            }
                        } else if RAW.contains(&name) {
                            let close = find_close(&src, end, name);
                            if name == "title" && title_tag.is_none() {
                                title_tag = Some(crate::text::collapse(&decode_entities(
                                    &src[end..close.0],
                                )));
                            }
                            w.brk(i);
                            i = close.1;
                            continue;
                        } else if rules.skip.contains(name) && !VOID.contains(&name) {
                            w.brk(i);
                            if !t.self_closing {
                                skip = Some((name.to_string(), 1));
                            }
                        } else {
                            if name == "meta" && meta_date.is_none() {
                                let key = ["property", "name", "itemprop"]
                                    .iter()
                                    .find_map(|k| attr(&t.attrs, k))
                                    .map(|v| v.to_lowercase());
                                if key.is_some_and(|k| rules.date_meta.contains(&k)) {
                                    meta_date = attr(&t.attrs, "content").and_then(iso_date);
                                }
                            }
                            if name == "time" {
                                if let Some(v) = attr(&t.attrs, "datetime").and_then(iso_date) {
                                    let marked = attr(&t.attrs, "pubdate").is_some()
                                        || attr(&t.attrs, "itemprop").is_some_and(|p| {
                                            rules.date_meta.contains(&p.to_lowercase())
                                        });
                                    match &time_date {
                                        None => time_date = Some((marked, v)),
                                        Some((false, _)) if marked => time_date = Some((true, v)),
                                        _ => {}
                                    }
                                }
                            }
                            if name == "br" {
                                w.line(i, end - i);
                            } else if BLOCK.contains(&name) {
                                w.brk(i);
                            }
                            if name == "h1" && h1.is_none() {
                                h1_open = Some(w.out.len());
                            }
                        }
                    }
                    TagKind::Close => {
                        let name = t.name.as_str();
                        if let Some((sk, depth)) = skip.as_mut() {
                            if name == sk {
                                *depth -= 1;
                                if *depth == 0 {
                                    skip = None;
                                }
                            }
                        } else {
                            if name == "h1" {
                                if let Some(s) = h1_open.take() {
                                    let t = crate::text::collapse(&w.out[s.min(w.out.len())..]);
                                    if !t.is_empty() {
                                        h1 = Some(t);
                                    }
                                }
                            }
                            if name == "br" {
                                w.line(i, end - i);
                            } else if BLOCK.contains(&name) {
                                w.brk(i);
                            }
                        }
                    }
                }
                i = end;
                continue;
            }
        }
        // Text up to the next tag.
        let from = if b[i] == b'<' { i + 1 } else { i };
        let next = src[from..].find('<').map(|k| from + k).unwrap_or(n);
        if skip.is_none() {
            w.text(&src, i, next);
        }
        i = next;
    }
    let map = w.map.clone();
    Decoded {
        text: w.out,
        map: map.clone().then(charset),
        encoding,
        note,
        source: Some(Source {
            text: src,
            map,
            line_starts,
        }),
        title_hint: h1.or(title_tag).filter(|t| !t.is_empty()),
        published_hint: meta_date.or(time_date.map(|(_, v)| v)),
    }
}

#[derive(Default)]
struct Writer {
    out: String,
    map: OffsetMap,
    /// A white-space run not yet written: (source offset, length).
    space: Option<(usize, usize)>,
}

impl Writer {
    fn flush_space(&mut self) {
        if let Some((pos, len)) = self.space.take() {
            if !self.out.is_empty() && !self.out.ends_with('\n') {
                self.map.push(self.out.len(), pos, 1, len);
                self.out.push(' ');
            }
        }
    }

    fn brk(&mut self, pos: usize) {
        self.space = None;
        if self.out.is_empty() || self.out.ends_with("\n\n") {
            return;
        }
        let add = if self.out.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        self.map.push(self.out.len(), pos, add.len(), 0);
        self.out.push_str(add);
    }

    fn line(&mut self, pos: usize, len: usize) {
        self.space = None;
        if self.out.is_empty() || self.out.ends_with('\n') {
            return;
        }
        self.map.push(self.out.len(), pos, 1, len);
        self.out.push('\n');
    }

    fn text(&mut self, src: &str, from: usize, to: usize) {
        let s = &src[from..to];
        let mut it = s.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            let pos = from + k;
            if c.is_whitespace() {
                match self.space.as_mut() {
                    Some((p, len)) if *p + *len == pos => *len += c.len_utf8(),
                    _ => self.space = Some((pos, c.len_utf8())),
                }
                continue;
            }
            if c == '&' {
                if let Some((decoded, len)) = entity(&s[k..]) {
                    if decoded.chars().all(char::is_whitespace) {
                        match self.space.as_mut() {
                            Some((p, l)) if *p + *l == pos => *l += len,
                            _ => self.space = Some((pos, len)),
                        }
                    } else {
                        self.flush_space();
                        self.map.push(self.out.len(), pos, decoded.len(), len);
                        self.out.push_str(&decoded);
                    }
                    // Skip the rest of the reference.
                    while let Some(&(k2, _)) = it.peek() {
                        if k2 < k + len {
                            it.next();
                        } else {
                            break;
                        }
                    }
                    continue;
                }
            }
            self.flush_space();
            self.map
                .push(self.out.len(), pos, c.len_utf8(), c.len_utf8());
            self.out.push(c);
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum TagKind {
    Open,
    Close,
    Comment,
    Other,
}

#[derive(Debug)]
struct Tag {
    kind: TagKind,
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
    end: usize,
}

/// Parse a tag starting at `<` at `i`; None when `<` is just a character.
fn parse_tag(src: &str, i: usize) -> Option<Tag> {
    let b = src.as_bytes();
    let rest = &src[i..];
    let other = |end: usize, kind: TagKind| Tag {
        kind,
        name: String::new(),
        attrs: Vec::new(),
        self_closing: false,
        end,
    };
    if let Some(body) = rest.strip_prefix("<!--") {
        let end = body.find("-->").map(|k| i + 4 + k + 3).unwrap_or(src.len());
        return Some(other(end, TagKind::Comment));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map(|k| i + k + 1).unwrap_or(src.len());
        return Some(other(end, TagKind::Other));
    }
    let (close, mut j) = if rest.starts_with("</") {
        (true, i + 2)
    } else {
        (false, i + 1)
    };
    if j >= b.len() || !b[j].is_ascii_alphabetic() {
        return None;
    }
    let ns = j;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'-' | b':' | b'_')) {
        j += 1;
    }
    let name = src[ns..j].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    // Attributes, up to `>` outside quotes.
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            if b[j] == b'/' {
                self_closing = true;
            }
            j += 1;
        }
        if j >= b.len() {
            return None; // no end to the tag: the `<` is text
        }
        if b[j] == b'>' {
            j += 1;
            break;
        }
        self_closing = false;
        let an = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'>' | b'=' | b'/') {
            j += 1;
        }
        let aname = src[an..j].to_ascii_lowercase();
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let vs = j + 1;
                match b[vs..].iter().position(|&c| c == q) {
                    Some(k) => {
                        value = decode_entities(&src[vs..vs + k]);
                        j = vs + k + 1;
                    }
                    None => return None,
                }
            } else {
                let vs = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = decode_entities(&src[vs..j]);
            }
        }
        if !aname.is_empty() {
            attrs.push((aname, value));
        } else if j == an && j < b.len() && b[j] != b'>' {
            // No progress (a stray character): step over it, whole.
            j += src[j..].chars().next().map_or(1, char::len_utf8);
        }
    }
    Some(Tag {
        kind: if close { TagKind::Close } else { TagKind::Open },
        name,
        attrs,
        self_closing,
        end: j,
    })
}

/// The end of a raw-text element's content: (content end, after the end tag).
fn find_close(src: &str, from: usize, name: &str) -> (usize, usize) {
    let b = src.as_bytes();
    let mut k = from;
    while let Some(p) = src[k..].find("</") {
        let s = k + p;
        let ne = s + 2 + name.len();
        if ne <= b.len()
            && b[s + 2..ne].eq_ignore_ascii_case(name.as_bytes())
            && (ne == b.len() || !b[ne].is_ascii_alphanumeric())
        {
            let end = src[ne..].find('>').map(|q| ne + q + 1).unwrap_or(src.len());
            return (s, end);
        }
        k = s + 2;
    }
    (src.len(), src.len())
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `YYYY-MM-DD` or `YYYY-MM` at the start of an attribute value (ISO 8601 date-times included).
fn iso_date(v: &str) -> Option<String> {
    let v = v.trim();
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    if !digits(0..4) {
        return None;
    }
    let year: u32 = v[..4].parse().ok()?;
    if !(1600..=2099).contains(&year) {
        return None;
    }
    if b.get(4) != Some(&b'-') || !digits(5..7) {
        return None;
    }
    let month: u32 = v[5..7].parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    if b.get(7) == Some(&b'-') && digits(8..10) && !b.get(10).is_some_and(u8::is_ascii_digit) {
        let day: u32 = v[8..10].parse().ok()?;
        let dim = match month {
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if (1..=dim).contains(&day) {
            return Some(v[..10].to_string());
        }
        return None;
    }
    if b.get(7).is_none_or(|c| !c.is_ascii_digit() && *c != b'-') {
        return Some(v[..7].to_string());
    }
    None
}

/// Decode every character reference of an attribute value or a title.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while let Some(p) = s[k..].find('&') {
        out.push_str(&s[k..k + p]);
        let at = k + p;
        match entity(&s[at..]) {
            Some((d, len)) => {
                out.push_str(&d);
                k = at + len;
            }
            None => {
                out.push('&');
                k = at + 1;
            }
        }
    }
    out.push_str(&s[k..]);
    out
}

/// A character reference at the start of `s` (which starts with `&`): its text and length.
fn entity(s: &str) -> Option<(String, usize)> {
    let semi = s[1..].bytes().take(32).position(|c| c == b';')? + 1;
    let body = &s[1..semi];
    let len = semi + 1;
    if let Some(num) = body.strip_prefix('#') {
        let n = if let Some(h) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(h, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = match n {
            0 => '\u{FFFD}',
            // Windows-1252 code points written as numeric references, as browsers read them.
            0x80..=0x9F => {
                let byte = [n as u8];
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&byte)
                    .0
                    .chars()
                    .next()
                    .unwrap_or('\u{FFFD}')
            }
            _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        return Some((c.to_string(), len));
    }
    let c = match body {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "ensp" | "emsp" | "thinsp" => " ",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "pound" => "£",
        "euro" => "€",
        "cent" => "¢",
        "yen" => "¥",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "sect" => "§",
        "para" => "¶",
        "times" => "×",
        "divide" => "÷",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "shy" => "\u{AD}",
        "zwnj" => "\u{200C}",
        "zwj" => "\u{200D}",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "acirc" => "â",
        "auml" => "ä",
        "Auml" => "Ä",
        "aring" => "å",
        "atilde" => "ã",
        "aelig" => "æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "ecirc" => "ê",
        "euml" => "ë",
        "iacute" => "í",
        "igrave" => "ì",
        "icirc" => "î",
        "iuml" => "ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ograve" => "ò",
        "ocirc" => "ô",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "otilde" => "õ",
        "szlig" => "ß",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "ucirc" => "û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "yacute" => "ý",
        "yuml" => "ÿ",
        _ => return None,
    };
    Some((c.to_string(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> HtmlRules {
        HtmlRules {
            skip: ["nav", "footer", "form"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            date_meta: ["article:published_time", "datepublished"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }

    fn check_map(d: &Decoded, bytes: &[u8]) {
        let src = d.source.as_ref().unwrap();
        for (t, c) in d.text.char_indices() {
            let o = d.map.to_orig(t);
            assert!(o <= bytes.len());
            let s = src.map.to_orig(t);
            assert!(src.text.is_char_boundary(s), "{t} -> {s}");
            if !c.is_whitespace() && c.is_alphanumeric() {
                let oe = d.map.to_orig_end(t + c.len_utf8());
                let orig = std::str::from_utf8(&bytes[o..oe]).unwrap();
                if !orig.starts_with('&') {
                    assert_eq!(orig, c.to_string());
                }
            }
        }
    }

    #[test]
    fn visible_text_only_with_breaks_and_entities() {
        let html = "<!DOCTYPE html><html><head><title>T &amp; U</title>\n\
            <meta property=\"article:published_time\" content=\"2025-01-13T09:00:00Z\">\n\
            <style>p { color: red }</style><script>var x = \"<p>no</p>\";</script></head>\n\
            <body><nav><a href=/>Home</a> <nav>inner</nav> Skip</nav>\n\
            <h1>Caf&eacute; opens</h1><p>Cllr Jane Roe said:\n  &ldquo;We are&nbsp;proud.&rdquo;</p>\n\
            <!-- a comment --><p>AT&amp;T paid &pound;5.<br>Next line</p>\n\
            <footer>Registered office: 1 Road</footer></body></html>";
        let d = decode_html(html.as_bytes(), &rules()).unwrap();
        assert_eq!(
            d.text,
            "Café opens\n\nCllr Jane Roe said: “We are proud.”\n\nAT&T paid £5.\nNext line\n\n"
        );
        assert_eq!(d.title_hint.as_deref(), Some("Café opens"));
        assert_eq!(d.published_hint.as_deref(), Some("2025-01-13"));
        check_map(&d, html.as_bytes());
        let jane = d.text.find("Jane").unwrap();
        assert_eq!(d.map.to_orig(jane), html.find("Jane").unwrap());
        let amp = d.text.find("AT&T").unwrap();
        let (s, e) = (d.map.to_orig(amp), d.map.to_orig_end(amp + 4));
        assert_eq!(&html[s..e], "AT&amp;T");
    }

    #[test]
    fn time_and_broken_markup() {
        let html = "<p>Posted <time datetime=\"2024-11-05\">5 Nov</time> a < b && c</p><div";
        let d = decode_html(html.as_bytes(), &rules()).unwrap();
        assert_eq!(d.published_hint.as_deref(), Some("2024-11-05"));
        assert_eq!(d.text, "Posted 5 Nov a < b && c\n\n<div");
        check_map(&d, html.as_bytes());
        assert_eq!(iso_date("2024-02-30"), None);
        assert_eq!(iso_date("2024-02"), Some("2024-02".into()));
        assert_eq!(iso_date("20240230"), None);
        // Found by the fuzz driver: a stray multi-byte character after an attribute.
        let d = decode_html(
            "the <div class=\"x\"></class=\"x\"\u{FFFD}>".as_bytes(),
            &rules(),
        )
        .unwrap();
        assert_eq!(d.text, "the\n\n");
    }
}
