//! The document model: decoded text with its map to the original bytes, lines, paragraphs,
//! sentences and tokens. Every extractor works on these offsets; provenance is computed here.

use crate::decode::{Decoded, OffsetMap, Source};
use crate::lexicon::Lexicon;
use crate::rules::{BoilerplateScope, Rules};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;

/// A paragraph: a logical line (wrapped lines joined), a bullet item, or a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Text byte offset of the first character after any bullet marker.
    pub start: usize,
    /// Text byte offset just past the last non-space character.
    pub end: usize,
    /// The paragraph is a bullet item ("•", "-", "*", "1.").
    pub bullet: bool,
}

/// A sentence inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Text byte offset of the first character.
    pub start: usize,
    /// Text byte offset just past the last character.
    pub end: usize,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// What kind of token a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and digits ("O'Neill", "Smith-Jones", "mid-2020").
    Word,
    /// Digits, with inner `.`/`,` between digits ("3.5", "1,200").
    Number,
    /// Any other single non-space character.
    Punct,
}

/// A token of the text, with what the rules' word lists say of it (see [`crate::lexicon`]):
/// one look-up when the document is read answers every extractor's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// [`crate::lexicon::class`] bits of the word as written (0 for punctuation; only
    /// [`crate::lexicon::class::PLAIN`], set by [`tokenize`], for a word that no document has
    /// classified).
    pub class: u16,
    /// The same for the word without a possessive ("Obama's" → "Obama").
    pub base_class: u16,
    /// [`crate::rules::trigger`] classes of the calendar words in it, and of its digits.
    pub date: u16,
    /// [`crate::rules::cue`] classes: the claims the word may start, and whether it opens a
    /// role head.
    pub cue: u8,
}

impl Token {
    /// A token not yet classified.
    pub fn new(start: usize, end: usize, kind: TokenKind) -> Token {
        Token {
            start,
            end,
            kind,
            class: 0,
            base_class: 0,
            date: 0,
            cue: 0,
        }
    }
}

/// The range of `all` (the tokens of a whole text) that tokenising `[start, end)` gives, if no
/// token straddles either end.
fn cached_range(all: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let i = all.partition_point(|t| t.end <= start);
    let j = all.partition_point(|t| t.start < end);
    let clean_start = all.get(i).is_none_or(|t| t.start >= start);
    let clean_end = j == 0 || all[j - 1].end <= end;
    (clean_start && clean_end).then_some((i, j.max(i)))
}

/// Look each word and number of `toks` up in `lex`; `lower` is the document's lower-cased
/// text, when it keeps one.
fn classify(text: &str, lower: Option<&str>, lex: &Lexicon, toks: &mut [Token]) {
    for t in toks {
        if t.kind == TokenKind::Punct {
            continue;
        }
        let w = &text[t.start..t.end];
        let plain = t.class & crate::lexicon::class::PLAIN;
        let c = match (lower, plain != 0) {
            (Some(l), true) => lex.classes_of_plain(w, &l[t.start..t.end]),
            (Some(l), false) => lex.classes(w, &l[t.start..t.end]),
            (None, _) => lex.classes(w, &w.to_lowercase()),
        };
        let cap = match w.as_bytes().first() {
            Some(&b) if b.is_ascii() => {
                b.is_ascii_uppercase()
                    || (matches!(b, b'd' | b'v') && camel_particle(w))
                    // (A click before the capital: "!Naruses", see `tokenize`.)
                    || (b == b'!' && w.as_bytes().get(1).is_some_and(u8::is_ascii_uppercase))
            }
            _ => {
                let mut cs = w.chars();
                match cs.next() {
                    // A Polynesian name's glottal stop (the ʻokina) before its capital:
                    // "ʻAkilisi Pohiva".
                    // A Khoekhoe click letter before it: "ǃNaruses", "ǂGaingob".
                    Some('ʻ' | 'ǀ' | 'ǁ' | 'ǂ' | 'ǃ') => {
                        cs.next().is_some_and(char::is_uppercase)
                    }
                    c => c.is_some_and(char::is_uppercase),
                }
            }
        };
        let cap = if cap {
            crate::lexicon::class::CAPITALISED
        } else {
            0
        };
        t.class = c.word | cap | plain;
        t.base_class = c.base | cap | plain;
        t.date = c.date;
        // (A verb only in lower case is a name's word in capitals: "the United States".)
        t.cue = if c.cue & crate::rules::cue::LOWER != 0 && cap != 0 {
            c.cue & !crate::rules::cue::SPEECH
        } else {
            c.cue
        };
    }
}

/// A surname that joins its particle in lower case to a capital: "deBrum", "diNapoli",
/// "vanDyke" (not "eBay", "iPhone": one letter is no particle).
pub(crate) fn camel_particle(w: &str) -> bool {
    let b = w.as_bytes();
    // (A capital third or fourth byte first: most words in lower case have none.)
    if !(b.get(2).is_some_and(u8::is_ascii_uppercase)
        || b.get(3).is_some_and(u8::is_ascii_uppercase))
    {
        return false;
    }
    let at = |k: usize| {
        b.get(k).is_some_and(u8::is_ascii_uppercase)
            && b.get(k + 1).is_some_and(u8::is_ascii_lowercase)
    };
    (b.len() >= 4 && matches!(&b[..2], b"de" | b"di" | b"da" | b"du") && at(2))
        || (b.len() >= 5 && matches!(&b[..3], b"van" | b"von" | b"del") && at(3))
}

/// The indices of the capitalised words among `toks`, in order.
pub(crate) fn capitalised(toks: &[Token]) -> Vec<u32> {
    let cap = crate::lexicon::class::CAPITALISED;
    toks.iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Word && t.class & cap != 0)
        .map(|(i, _)| i as u32)
        .collect()
}

/// A decoded document with everything needed to give provenance.
#[derive(Debug, Clone)]
pub struct Document {
    /// Document id: path relative to the input root, `/`-separated.
    pub id: String,
    /// The decoded text.
    pub text: String,
    /// Map from text offsets to original byte offsets.
    pub map: OffsetMap,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Text ranges `[start, end)` of page furniture (see `rules/text/boilerplate.toml`), sorted.
    pub boilerplate: Vec<(usize, usize)>,
    /// For markup: the whole decoded file, which `text`, `char_*` and evidence refer to.
    source: Option<Source>,
    line_starts: Vec<usize>,
    char_blocks: Option<Vec<usize>>,
    /// Every token of `text`, when it is short enough to hold them (see [`TOKEN_CACHE_MAX`]).
    token_cache: Option<Vec<Token>>,
    /// The indices in `token_cache` of its capitalised words, in order (about one token in
    /// seven), made on first use: only documents whose speakers need the name index ask.
    capitalised: std::cell::OnceCell<Vec<u32>>,
    /// For each sentence, the range of `token_cache` that [`Document::tokens`] gives for it,
    /// when it is borrowed from there: every extractor walks every sentence.
    sentence_tokens: Vec<Option<(usize, usize)>>,
    /// The texts given by [`Document::sentence_text`], by range: the facts of a sentence
    /// share one.
    sentence_texts: RefCell<rustc_hash::FxHashMap<(usize, usize), Arc<str>>>,
    /// `id`, shared by the facts.
    shared_id: Arc<str>,
    /// `text` in lower case at the same offsets, when lower-casing keeps every character's
    /// length (and the text is short enough to keep tokens): word-list look-ups then borrow.
    lower: Option<String>,
    /// The rules' word lists, to classify tokens made after reading.
    lexicon: Arc<Lexicon>,
}

/// `text` in lower case with every character at its offset, as [`str::to_lowercase`] gives
/// each word; none when some character changes length or needs its context (final sigma).
fn lower_in_place(text: &str) -> Option<String> {
    let mut out = text.as_bytes().to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Past ASCII eight bytes at a time: only the other characters need a look.
        if let Some(chunk) = bytes.get(i..i + 8) {
            if u64::from_le_bytes(chunk.try_into().expect("8 bytes")) & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        // `i` starts a character: ASCII bytes and whole characters are all that was skipped.
        let c = text[i..].chars().next().expect("a character");
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(lc), None) if lc.len_utf8() == c.len_utf8() && c != 'Σ' => {
                lc.encode_utf8(&mut out[i..i + c.len_utf8()]);
            }
            _ => return None,
        }
        i += c.len_utf8();
    }
    String::from_utf8(out).ok()
}

/// Documents up to this many bytes keep all their tokens, so that extractors slice them
/// instead of tokenising the same sentence again; longer ones (a 100 MB line) tokenise on
/// demand, which keeps memory bounded.
const TOKEN_CACHE_MAX: usize = 4 << 20;

/// Paragraphs and sentences longer than this many bytes (a run-on line of a broken or hostile
/// file) are cut at white space, which bounds the extractors' work on each.
const MAX_PARAGRAPH: usize = 16 * 1024;
const MAX_SENTENCE: usize = 4 * 1024;

/// Cut `[start, end)` of `text` into pieces of at most about `max` bytes, at white space when
/// there is some near the limit, always on character boundaries.
fn cut(text: &str, start: usize, end: usize, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = start;
    while end - s > max {
        let mut e = floor_boundary(text, s + max);
        let window = &text[s..e];
        if let Some(k) = window.rfind(char::is_whitespace) {
            if k > max / 2 {
                e = s + k;
            }
        }
        if e <= s {
            break;
        }
        out.push((s, e));
        s = e;
        // Skip the white space at the cut.
        let rest = &text[s..end];
        s += rest.len() - rest.trim_start_matches(is_space).len();
    }
    if s < end {
        out.push((s, end));
    }
    out
}

fn cap_paragraphs(text: &str, paras: Vec<Paragraph>) -> Vec<Paragraph> {
    if paras.iter().all(|p| p.end - p.start <= MAX_PARAGRAPH) {
        return paras;
    }
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        for (i, (s, e)) in cut(text, p.start, p.end, MAX_PARAGRAPH)
            .into_iter()
            .enumerate()
        {
            out.push(Paragraph {
                start: s,
                end: e,
                bullet: p.bullet && i == 0,
            });
        }
    }
    out
}

fn cap_sentences(text: &str, sentences: &mut Vec<Sentence>, from: usize) {
    if sentences[from..]
        .iter()
        .all(|s| s.end - s.start <= MAX_SENTENCE)
    {
        return;
    }
    let long: Vec<Sentence> = sentences.drain(from..).collect();
    for x in long {
        for (s, e) in cut(text, x.start, x.end, MAX_SENTENCE) {
            sentences.push(Sentence {
                start: s,
                end: e,
                paragraph: x.paragraph,
            });
        }
    }
}

/// Lines longer than this are never boilerplate (furniture is short), which bounds the work.
const BOILERPLATE_MAX_LINE: usize = 400;

const CHAR_BLOCK: usize = 256;

/// How many characters start in `bytes` (the bytes that are not UTF-8 continuation bytes,
/// `10xxxxxx`), eight bytes at a time.
fn count_char_starts(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        // A byte starts a character unless its top bits are 10: bit 7 clear, or bit 6 set.
        n += ((!w >> 7 | w >> 6) & ONES).count_ones() as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|b| (**b & 0xC0) != 0x80)
        .count()
}

impl Document {
    /// Build the model from decoded text.
    ///
    /// ```
    /// let rules = factx::Rules::builtin();
    /// let d = factx::decode::decode(b"Dr. Jane Roe spoke. She left.").unwrap();
    /// let doc = factx::text::Document::new("a.txt", d, &rules);
    /// assert_eq!(doc.sentences.len(), 2);
    /// ```
    pub fn new(id: &str, decoded: Decoded, rules: &Rules) -> Document {
        let Decoded {
            text, map, source, ..
        } = decoded;
        let line_starts = match &source {
            // Markup: the lines of the file itself, not of the visible text.
            Some(src) => src.line_starts.clone(),
            None => {
                let mut v = vec![0usize];
                for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
                    v.push(map.to_orig(i + 1));
                }
                v
            }
        };
        let counted = source.as_ref().map_or(text.as_str(), |s| s.text.as_str());
        let char_blocks = if counted.is_ascii() {
            None
        } else {
            let bytes = counted.as_bytes();
            let mut blocks = Vec::with_capacity(bytes.len() / CHAR_BLOCK + 1);
            let mut count = 0usize;
            for chunk in bytes.chunks(CHAR_BLOCK) {
                blocks.push(count);
                count += count_char_starts(chunk);
            }
            Some(blocks)
        };
        let given = |w: &str| rules.given_name(w).is_some();
        let paragraphs = cap_paragraphs(&text, split_paragraphs(&text, &given));
        let mut sentences = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            let from = sentences.len();
            split_sentences(&text, p.start, p.end, pi, rules, &mut sentences);
            cap_sentences(&text, &mut sentences, from);
        }
        let boilerplate = find_boilerplate(&text, rules);
        let mut token_cache =
            (text.len() <= TOKEN_CACHE_MAX).then(|| tokenize(&text, 0, text.len()));
        let lower = if text.len() <= TOKEN_CACHE_MAX {
            lower_in_place(&text)
        } else {
            None
        };
        let lexicon = Arc::clone(&rules.lexicon);
        if let Some(toks) = &mut token_cache {
            classify(&text, lower.as_deref(), &lexicon, toks);
        }
        let sentence_tokens = sentences
            .iter()
            .map(|s| {
                let all = token_cache.as_deref()?;
                cached_range(all, s.start, s.end)
            })
            .collect();
        Document {
            id: id.to_string(),
            text,
            map,
            paragraphs,
            sentences,
            boilerplate,
            source,
            line_starts,
            char_blocks,
            token_cache,
            capitalised: std::cell::OnceCell::new(),
            sentence_tokens,
            sentence_texts: Default::default(),
            shared_id: Arc::from(id),
            lower,
            lexicon,
        }
    }

    /// `text[start..end]` in lower case, exactly as [`str::to_lowercase`] gives it; borrowed
    /// when the document keeps a lower-cased copy of its text. `start` and `end` must be
    /// character boundaries.
    pub fn lower(&self, start: usize, end: usize) -> std::borrow::Cow<'_, str> {
        match &self.lower {
            Some(l) => std::borrow::Cow::Borrowed(&l[start..end]),
            None => std::borrow::Cow::Owned(self.text[start..end].to_lowercase()),
        }
    }

    /// Every token of the text, when the document keeps them (all but huge texts).
    pub fn cached_tokens(&self) -> Option<&[Token]> {
        self.token_cache.as_deref()
    }

    /// Every token of the text and the indices of its capitalised words, when the document
    /// keeps its tokens (all but huge texts).
    pub fn capitalised_tokens(&self) -> Option<(&[Token], &[u32])> {
        let toks = self.token_cache.as_deref()?;
        Some((toks, self.capitalised.get_or_init(|| capitalised(toks))))
    }

    /// The whole text in lower case at the same offsets, when the document keeps it (see
    /// [`Document::lower`]).
    pub fn lower_text(&self) -> Option<&str> {
        self.lower.as_deref()
    }

    /// True when text offset `t` lies in page furniture, which yields no facts.
    pub fn is_boilerplate(&self, t: usize) -> bool {
        let i = self.boilerplate.partition_point(|r| r.0 <= t);
        i > 0 && t < self.boilerplate[i - 1].1
    }

    /// The evidence for `[start, end)` as it stands in the file: for markup the decoded source
    /// (tags and character references as written), otherwise the text itself.
    pub fn evidence(&self, start: usize, end: usize) -> String {
        match &self.source {
            Some(src) => {
                let (s, e) = (src.map.to_orig(start), src.map.to_orig_end(end));
                src.text
                    .get(s..e.max(s))
                    .unwrap_or(&self.text[start..end])
                    .to_string()
            }
            None => self.text[start..end].to_string(),
        }
    }

    /// Original byte offset of text offset `t`.
    pub fn orig(&self, t: usize) -> usize {
        self.map.to_orig(t)
    }

    /// Original byte offset of text offset `t` as the end of a span (see
    /// [`OffsetMap::to_orig_end`]).
    pub fn orig_end(&self, t: usize) -> usize {
        self.map.to_orig_end(t)
    }

    /// 1-based line number of an original byte offset.
    pub fn line_of_orig(&self, orig: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= orig)
    }

    /// Unicode code point index of text offset `t` (for markup, in the whole decoded file).
    pub fn char_index(&self, t: usize) -> usize {
        match &self.source {
            Some(src) => self.count_chars(&src.text, src.map.to_orig(t)),
            None => self.count_chars(&self.text, t),
        }
    }

    /// [`Document::char_index`] of `t` taken as the end of a span.
    pub fn char_index_end(&self, t: usize) -> usize {
        match &self.source {
            Some(src) => self.count_chars(&src.text, src.map.to_orig_end(t)),
            None => self.count_chars(&self.text, t),
        }
    }

    fn count_chars(&self, counted: &str, t: usize) -> usize {
        match &self.char_blocks {
            None => t,
            Some(blocks) => {
                // The end of a text that fills its last block exactly counts from that block.
                let b = (t / CHAR_BLOCK).min(blocks.len() - 1);
                let base = blocks[b];
                let from = b * CHAR_BLOCK;
                base + count_char_starts(&counted.as_bytes()[from..t])
            }
        }
    }

    /// Index of the sentence holding text offset `t` (the nearest before it otherwise).
    pub fn sentence_at(&self, t: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= t);
        i.checked_sub(1)
    }

    /// The sentences covering `[start, end)`, with white space collapsed.
    pub fn sentence_text(&self, start: usize, end: usize) -> Arc<str> {
        let Some(first) = self.sentence_at(start) else {
            return Arc::from(collapse(&self.text[start..end]));
        };
        let last = self
            .sentence_at(end.saturating_sub(1).max(start))
            .unwrap_or(first);
        let s = self.sentences[first].start.min(start);
        let e = self.sentences[last].end.max(end);
        let mut cache = self.sentence_texts.borrow_mut();
        Arc::clone(
            cache
                .entry((s, e))
                .or_insert_with(|| Arc::from(collapse(&self.text[s..e]))),
        )
    }

    /// The document id, shared.
    pub fn shared_id(&self) -> Arc<str> {
        Arc::clone(&self.shared_id)
    }

    /// The tokens of sentence `i`: `tokens(start, end)` of its range, found without a search.
    pub fn sentence_tokens(&self, i: usize) -> Cow<'_, [Token]> {
        match (self.sentence_tokens.get(i), &self.token_cache) {
            (Some(&Some((a, b))), Some(all)) => Cow::Borrowed(&all[a..b]),
            _ => self.tokens(self.sentences[i].start, self.sentences[i].end),
        }
    }

    /// The tokens of `[start, end)`: exactly what [`tokenize`] gives for that range, borrowed
    /// from the document's tokens when no token of the whole text straddles either end.
    pub fn tokens(&self, start: usize, end: usize) -> Cow<'_, [Token]> {
        if let Some(all) = &self.token_cache {
            if let Some((i, j)) = cached_range(all, start, end) {
                return Cow::Borrowed(&all[i..j]);
            }
        }
        let mut toks = tokenize(&self.text, start, end);
        classify(&self.text, self.lower.as_deref(), &self.lexicon, &mut toks);
        Cow::Owned(toks)
    }

    /// The paragraph holding text offset `t`.
    pub fn paragraph_at(&self, t: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.start <= t);
        i.checked_sub(1)
    }
}

/// The text ranges of lines matched by the boilerplate rules, with their scopes applied.
fn find_boilerplate(text: &str, rules: &Rules) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    if rules.boilerplate.is_empty() {
        return out;
    }
    let mut pos = 0usize;
    let mut take_next = false;
    for line in lines_inclusive(text) {
        let (s, e) = (pos, pos + line.len());
        pos = e;
        let content = line.trim_matches(is_space);
        if content.is_empty() {
            continue;
        }
        let mut mark = std::mem::take(&mut take_next);
        if content.len() <= BOILERPLATE_MAX_LINE
            && rules
                .boilerplate_set
                .as_ref()
                .is_none_or(|set| set.is_match(content))
        {
            for r in &rules.boilerplate {
                if r.regex.is_match(content) {
                    mark = true;
                    match r.scope {
                        BoilerplateScope::Line => {}
                        BoilerplateScope::Next => take_next = true,
                        BoilerplateScope::Rest => {
                            out.push((s, text.len()));
                            return merge(out);
                        }
                    }
                }
            }
        }
        if mark {
            out.push((s, e));
        }
    }
    merge(out)
}

fn merge(mut v: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    v.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(l) if r.0 <= l.1 => l.1 = l.1.max(r.1),
            _ => out.push(r),
        }
    }
    out
}

/// The largest character boundary of `s` at or before `i` (`i` past the end is the end).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `s` at or after `i` (`i` past the end is the end).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Call `f` with `w` in lower case, without allocating for the short ASCII words that make up
/// most look-ups in the rules' word lists.
///
/// ```
/// assert!(factx::text::with_lower("March", |l| l == "march"));
/// assert!(factx::text::with_lower("ÉTÉ", |l| l == "été"));
/// ```
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 48;
    if w.len() <= MAX && w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(w);
        }
        let mut buf = [0u8; MAX];
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII stays valid UTF-8.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&w.to_lowercase())
    }
}

/// `w` with its first letter in upper case (ASCII), as word lists write names: "agency" →
/// "Agency", the "Ann" of "Kerry-ann".
pub fn capitalise_first(w: &str) -> String {
    let mut cap = String::with_capacity(w.len());
    let mut cs = w.chars();
    cap.extend(cs.next().map(|c| c.to_ascii_uppercase()));
    cap.push_str(cs.as_str());
    cap
}

/// A word in capitals as a name writes it, each part of a double surname too: "HEILMANN-OLSEN"
/// is "Heilmann-Olsen", a rubric's "INTERVIEW" is "Interview".
pub fn title_cased(w: &str) -> String {
    w.split('-')
        .map(|part| {
            let mut cs = part.chars();
            cs.next()
                .into_iter()
                .chain(cs.flat_map(char::to_lowercase))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether `w` is written with dots between short parts, as a company's legal form or an
/// acronym is ("sh.a", "S.A", "d.o.o"; the last stop left off): such a word keeps the full
/// stop that a sentence's end would otherwise take from it ("Shkodra Bus sh.a.", not a
/// domain's "OneStat.com.").
pub fn dotted_form(w: &str) -> bool {
    w.contains('.')
        && w.split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 3)
}

/// Collapse runs of white space into single spaces and trim.
pub fn collapse(s: &str) -> String {
    // White space as `split_whitespace` sees it in ASCII: `is_ascii_whitespace` leaves out
    // the vertical tab.
    let space = |c: u8| c.is_ascii_whitespace() || c == 0x0B;
    let b = s.as_bytes();
    if s.is_ascii() {
        // Most names and phrases are collapsed already.
        // One pass without an early exit, which the compiler can vectorise: white space
        // other than a space (bytes 9 to 13), or two spaces in a row.
        let mut untidy = false;
        for &c in b {
            untidy |= c.wrapping_sub(9) < 5;
        }
        // Two spaces in a row: a pass over the pairs of neighbouring bytes, again without
        // an early exit so that it is vectorised (a substring search for "  " stops at every
        // space of the text to check the next byte).
        let pairs = b.iter().zip(b.iter().skip(1));
        untidy |= pairs.fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
        if b.first() != Some(&b' ') && b.last() != Some(&b' ') && !untidy {
            return s.to_string();
        }
        // A byte at a time: runs of white space become one space.
        let mut out = Vec::with_capacity(s.len());
        let mut pending = false;
        for &c in b {
            if space(c) {
                pending = !out.is_empty();
            } else {
                if pending {
                    out.push(b' ');
                    pending = false;
                }
                out.push(c);
            }
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    // Where the word being read started, if one is.
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        // White space as `split_whitespace` sees it. In ASCII: `is_ascii_whitespace` and the
        // vertical tab. Beyond: only characters whose first byte is one of these four can be
        // white space (U+0085, U+00A0, U+1680, U+2000 to U+3000); any other byte, a
        // continuation byte included, belongs to a word.
        let (white, len) = match b[i] {
            c if c < 0x80 => (space(c), 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = s[i..].chars().next().expect("a character starts here");
                (c.is_whitespace(), c.len_utf8())
            }
            _ => (false, 1),
        };
        match (white, word) {
            (true, Some(w)) => {
                if !out.is_empty() {
                    out.push(b' ');
                }
                out.extend_from_slice(&b[w..i]);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(w) = word {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(&b[w..]);
    }
    // Whole words of a string, joined by spaces.
    String::from_utf8(out).expect("whole characters of a string")
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Whether `at` opens its line, or follows only a list's number or bullet there: "5. Mr Lim
/// Boon Keat — President", as minutes list those present.
pub(crate) fn opens_list_line(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    at == line_start || bullet_len(&text[line_start..]) == Some(at - line_start)
}

/// Length of a bullet marker (with its following space) at the start of `s`, if any.
fn bullet_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, c) = chars.next()?;
    let after = |i: usize| -> Option<usize> {
        let rest = &s[i..];
        let sp = rest.chars().next()?;
        if sp == ' ' || sp == '\t' || sp == '\u{a0}' {
            Some(i + sp.len_utf8())
        } else {
            None
        }
    };
    match c {
        '•' | '◦' | '▪' | '‣' | '·' | '●' | '○' | '■' | '–' | '—' | '-' | '*' => {
            after(c.len_utf8())
        }
        '0'..='9' => {
            let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
            if digits > 2 {
                return None;
            }
            match s[digits..].chars().next() {
                Some('.') | Some(')') => after(digits + 1),
                _ => None,
            }
        }
        _ => None,
    }
}

fn ends_terminal(s: &str) -> bool {
    matches!(
        s.trim_end_matches(is_space).chars().last(),
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | '…')
    )
}

/// Whether a line without final punctuation was broken off a sentence by hard wrapping, so
/// that the next line goes on with it even when it starts with a capital ("Mike Sullivan,
/// Willie⏎Wood"): it ends with a comma or a word that needs more ("and", "of", "the"), or it
/// is a long line of running text (eight words or more, a third of them in lower case) rather
/// than a heading or a list entry. Lines wrapped by hand or by a mailer are at most 100
/// bytes: a longer one is a paragraph of its own ("… a dictator.” ― Jane Roe").
///
/// A document that writes a paragraph on one long line is not wrapped at all: there a long line
/// of running text is a list's entry ("Don Frane Lučić, parish priest of the Cathedral of St
/// Lawrence⏎Nikolina Perić, Town Architect"), and only the first two tests hold.
fn wrapped_before(line: &str, running: bool) -> bool {
    if line.len() > 100 {
        return false;
    }
    const NEEDS_MORE: &[&str] = &[
        "and", "or", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "at", "from",
        "as", "that", "said", "told", "says",
    ];
    if line.ends_with(',') {
        return true;
    }
    let mut words = 0;
    let mut lower = 0;
    let mut last = "";
    for w in line.split_whitespace() {
        words += 1;
        if w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(|c: char| c.is_lowercase())
        {
            lower += 1;
        }
        last = w;
    }
    NEEDS_MORE.contains(&last) || (running && words >= 8 && 3 * lower >= words)
}

/// Whether a line is a paragraph written on one line: longer than any wrapped line, and of
/// words, not one token such as a link or a rule of dashes.
fn one_line_paragraph(line: &str) -> bool {
    line.trim_end().len() > 100 && line.split_whitespace().count() >= 12
}

/// Whether a line of a list ends with a first name that the next line's surname completes:
/// "Mike Sullivan, Willie⏎Wood, Loren Roberts".
/// (The next line, `next`, opens with the surname alone, then a comma or its end: "Wood,
/// Loren Roberts"; "Nikolina Perić, Town Architect" after "… of St Lawrence" is a line of its
/// own.)
fn name_broken_before(line: &str, next: &str, given: &dyn Fn(&str) -> bool) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("");
    let surname_alone = next
        .split_once(' ')
        .is_none_or(|(w, rest)| w.ends_with(',') || rest.starts_with("and "));
    line.contains(", ") && last.chars().all(char::is_alphabetic) && given(last) && surname_alone
}

/// The lines of `text`, each with its line feed: [`str::split_inclusive`] on `'\n'`, found
/// with `memchr`'s vector search (the standard library's is a word at a time).
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let mut feeds = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let end = match feeds.next() {
            Some(i) => i + 1,
            None if from < text.len() => text.len(),
            None => return None,
        };
        let line = &text[from..end];
        from = end;
        Some(line)
    })
}

fn split_paragraphs(text: &str, given: &dyn Fn(&str) -> bool) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut pos = 0usize;
    let mut open = false; // the last paragraph may continue on the next line
    let mut prev_line = "";
    // (Whether the document may wrap its running text: no paragraph written on one long line.)
    let running = !lines_inclusive(text).any(one_line_paragraph);
    for line in lines_inclusive(text) {
        let line_start = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches(is_space).len();
        let content = body.trim_matches(is_space);
        if content.is_empty() {
            open = false;
            prev_line = "";
            continue;
        }
        let cstart = line_start + lead;
        let cend = cstart + content.len();
        let (bullet, pstart) = match bullet_len(content) {
            Some(n) => {
                let rest = &content[n..];
                let skip = rest.len() - rest.trim_start_matches(is_space).len();
                (true, cstart + n + skip)
            }
            None => (false, cstart),
        };
        let continues = open
            && !bullet
            && !ends_terminal(prev_line)
            && (content.chars().next().is_some_and(|c| c.is_lowercase())
                || wrapped_before(prev_line, running)
                || name_broken_before(prev_line, content, given));
        if continues {
            if let Some(last) = out.last_mut() {
                last.end = cend;
            }
        } else if pstart < cend {
            out.push(Paragraph {
                start: pstart,
                end: cend,
                bullet,
            });
        }
        open = true;
        prev_line = content;
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '•' | '-' | '–' | '—'
        )
}

/// The word just before a full stop at `dot` (letters and inner dots, as in "e.g").
fn word_before(text: &str, dot: usize) -> &str {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(dot);
    before[start..].trim_start_matches('.')
}

fn next_word(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '\''))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn split_sentences(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    rules: &Rules,
    out: &mut Vec<Sentence>,
) {
    let para = &text[start..end];
    let bytes = para.as_bytes();
    let mut sent_start = start;
    let mut pos = 0;
    // The next terminator: ".", "!" or "?" by `memchr3`, "…" (the only one outside ASCII) by
    // its own search, whose last answer holds while it lies ahead (`usize::MAX`: none).
    let ellipsis = memchr::memmem::Finder::new("…");
    let mut next_ellipsis: Option<usize> = None;
    loop {
        if next_ellipsis.is_none_or(|e| e < pos) {
            next_ellipsis = ellipsis
                .find(&bytes[pos..])
                .map(|off| pos + off)
                .or(Some(usize::MAX));
        }
        let ascii =
            memchr::memchr3(b'.', b'!', b'?', &bytes[pos..]).map_or(usize::MAX, |off| pos + off);
        let i = ascii.min(next_ellipsis.unwrap_or(usize::MAX));
        if i == usize::MAX {
            break;
        }
        let c = para[i..].chars().next().unwrap_or('\0');
        pos = i + c.len_utf8();
        // Absorb further terminators and closing marks.
        let mut j = pos;
        while let Some(d) = para[j..].chars().next() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        pos = j;
        // Must be followed by white space, then an opener.
        let rest = &para[j..];
        let ws = rest.len() - rest.trim_start_matches(is_space).len();
        if ws == 0 {
            continue;
        }
        let Some(nc) = rest[ws..].chars().next() else {
            continue;
        };
        if !is_opener(nc) {
            continue;
        }
        if c == '.' && j == i + 1 {
            let w = word_before(para, i);
            // "J." of "Harry J. Reid", and dotted initials: "G.K." of "G.K. Butterfield".
            let single_initial = w.split('.').all(|part| {
                let mut cs = part.chars();
                cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
            });
            let nw = next_word(para, j);
            let abbrev = rules.abbreviations.get(w).copied().or_else(|| {
                // Case-insensitive fallback for all-lower or capitalised variants. A title
                // written in lower case may be a word that ends the sentence, before any
                // capitalised word: "said no. The", "said no. Pádraig Ó Briain" ("No. 5" is
                // the title).
                let lower = w.bytes().all(|b| !b.is_ascii_uppercase());
                match rules
                    .abbreviations_folded
                    .get(w.to_ascii_lowercase().as_str())
                {
                    Some(&title) if lower && title && nw.starts_with(char::is_uppercase) => None,
                    Some(&title) => Some(title && !lower),
                    None => None,
                }
            });
            // (An initial after an initial is no opener, even where its letter is a word:
            // "M. A. Rasheed", "S. I. Hayakawa".)
            let initial_next = single_initial
                && nw.len() == 1
                && para[j + ws..].starts_with(nw)
                && para[j + ws + 1..].starts_with(". ");
            let opens = rules.sentence_openers.contains(nw) && !initial_next;
            match abbrev {
                Some(true) => continue,
                Some(false) if !opens => continue,
                None if single_initial && !opens => continue,
                _ => {}
            }
        }
        // A title's full stop and a bracket's close: "Dr (Smt.) Kavita Joshi-Mehta".
        if c == '.'
            && &para[i + 1..j] == ")"
            && rules.abbreviations.get(word_before(para, i)) == Some(&true)
        {
            continue;
        }
        let s_end = start + j;
        push_sentence(text, sent_start, s_end, paragraph, out);
        sent_start = start + j + ws;
    }
    push_sentence(text, sent_start, end, paragraph, out);
}

fn push_sentence(text: &str, s: usize, e: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let trimmed = slice.trim_matches(is_space);
    if trimmed.is_empty() {
        return;
    }
    out.push(Sentence {
        start: s + lead,
        end: s + lead + trimmed.len(),
        paragraph,
    });
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

const ASCII_SPACE: u8 = 1;
const ASCII_PUNCT: u8 = 2;
// Letters and digits are bits of their own, so that a word's bytes OR-ed together tell whether
// it is all letters or all digits; both are above the space and punctuation classes.
const ASCII_LETTER: u8 = 4;
const ASCII_DIGIT: u8 = 8;
/// In [`tokenize`]'s OR of a word's classes: a character that is neither an ASCII letter nor
/// an ASCII digit.
const OTHER: u8 = 16;
/// The same for an inner joiner (apostrophe, hyphen; a number's `.` or `,`), which does not
/// keep a number from being all digits.
const JOINED: u8 = 32;
/// What [`tokenize`] makes of each ASCII byte alone: white space ([`is_space`]), punctuation
/// (neither space nor [`is_word_char`]), a letter or a digit; 0 for the bytes of other
/// characters.
const ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_whitespace() || c == 0x0B {
            ASCII_SPACE
        } else if c.is_ascii_digit() {
            ASCII_DIGIT
        } else if c.is_ascii_alphabetic() {
            ASCII_LETTER
        } else {
            ASCII_PUNCT
        };
        i += 1;
    }
    t
};

/// Split `[start, end)` of `text` into tokens.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let s = &text[start..end];
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5);
    let next_char = |p: usize| match b.get(p) {
        Some(&x) if x < 0x80 => Some(x as char),
        Some(_) => s[p..].chars().next(),
        None => None,
    };
    let mut p = 0;
    while let Some(&x) = b.get(p) {
        // ASCII white space, punctuation and the first letter or digit of a word, without
        // decoding a character.
        let i = p;
        // The classes of the word's characters OR-ed together: all letters (see
        // `class::PLAIN`), all digits (a number) or neither.
        let mut seen = match ASCII_CLASS[x as usize] {
            ASCII_SPACE => {
                p += 1;
                continue;
            }
            // (A Khoekhoe click written "!" before a name's capital, after a space: "Magdalena
            // !Naruses"; the word is its letters, as "ǃ" would be.)
            ASCII_PUNCT
                if !(x == b'!'
                    && (p == 0 || ASCII_CLASS[b[p - 1] as usize] == ASCII_SPACE)
                    && b.get(p + 1).is_some_and(u8::is_ascii_uppercase)
                    && b.get(p + 2).is_some_and(u8::is_ascii_lowercase)) =>
            {
                out.push(Token::new(start + p, start + p + 1, TokenKind::Punct));
                p += 1;
                continue;
            }
            ASCII_PUNCT => {
                p += 1;
                OTHER
            }
            c @ (ASCII_LETTER | ASCII_DIGIT) => {
                p += 1;
                c
            }
            _ => {
                let Some(c) = next_char(p) else {
                    break;
                };
                p += c.len_utf8();
                if is_space(c) {
                    continue;
                }
                if !is_word_char(c) {
                    out.push(Token::new(start + i, start + p, TokenKind::Punct));
                    continue;
                }
                if c.is_ascii_digit() {
                    ASCII_DIGIT
                } else {
                    OTHER
                }
            }
        };
        let all_digits = |seen: u8| seen & !JOINED == ASCII_DIGIT;
        let mut j = p;
        let mut space_after = 0;
        loop {
            // ASCII letters and digits, the bulk of any word, a byte at a time.
            let mut class = 0;
            while let Some(&x) = b.get(j) {
                class = ASCII_CLASS[x as usize];
                if class < ASCII_LETTER {
                    break;
                }
                seen |= class;
                j += 1;
            }
            // White space, the usual end of a word, joins nothing (and is passed over at once).
            if class == ASCII_SPACE {
                space_after = 1;
                break;
            }
            let Some(d) = next_char(j) else {
                break;
            };
            if is_word_char(d) {
                seen |= if d.is_ascii_digit() {
                    ASCII_DIGIT
                } else {
                    OTHER
                };
                j += d.len_utf8();
                continue;
            }
            // Inner joiners: apostrophes and hyphens in words, . and , in numbers.
            let number = all_digits(seen);
            let joiner = matches!(d, '\'' | '’' | '-' | '‐') || (number && matches!(d, '.' | ','));
            if joiner {
                let ok = match next_char(j + d.len_utf8()) {
                    Some(n) if number && matches!(d, '.' | ',') => n.is_ascii_digit(),
                    Some(n) => is_word_char(n),
                    None => false,
                };
                if ok {
                    j += d.len_utf8();
                    seen |= JOINED;
                    continue;
                }
            }
            break;
        }
        p = j + space_after;
        let mut t = Token::new(
            start + i,
            start + j,
            if all_digits(seen) {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        );
        if seen == ASCII_LETTER {
            t.class = crate::lexicon::class::PLAIN;
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    fn doc(s: &str) -> Document {
        Document::new("t.txt", decode(s.as_bytes()).unwrap(), &Rules::builtin())
    }

    #[test]
    fn lines_are_split_after_each_line_feed() {
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "a\r\n\nb\n\n",
            "\n\na",
            "é\n✓\r\n",
        ] {
            let ours: Vec<&str> = lines_inclusive(t).collect();
            let std: Vec<&str> = t.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{t:?}");
        }
    }

    fn sentences(s: &str) -> Vec<String> {
        let d = doc(s);
        d.sentences
            .iter()
            .map(|x| d.text[x.start..x.end].to_string())
            .collect()
    }

    /// `n` strings of fewer than `max_parts` pieces of `parts`, drawn by a xorshift generator
    /// from `seed`: the same strings every run.
    fn random_strings(parts: &[&str], seed: u64, n: usize, max_parts: u64) -> Vec<String> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                let mut s = String::new();
                for _ in 0..(x % max_parts) {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    s.push_str(parts[(x % parts.len() as u64) as usize]);
                }
                s
            })
            .collect()
    }

    /// The tokenizer as first written, a character at a time: the reference for the fast one.
    fn tokenize_by_chars(s: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if is_space(c) {
                continue;
            }
            if !is_word_char(c) {
                let end = i + c.len_utf8();
                out.push(Token::new(i, end, TokenKind::Punct));
                continue;
            }
            let mut j = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(k, d)) = it.peek() {
                if is_word_char(d) {
                    all_digits &= d.is_ascii_digit();
                    j = k + d.len_utf8();
                    it.next();
                    continue;
                }
                let numeric_joiner = all_digits && matches!(d, '.' | ',');
                if matches!(d, '\'' | '’' | '-' | '‐') || numeric_joiner {
                    let ok = match s[k + d.len_utf8()..].chars().next() {
                        Some(n) if numeric_joiner => n.is_ascii_digit(),
                        Some(n) => is_word_char(n),
                        None => false,
                    };
                    if ok {
                        j = k + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                break;
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let mut t = Token::new(i, j, kind);
            if s[i..j].bytes().all(|b| b.is_ascii_alphabetic()) {
                t.class = crate::lexicon::class::PLAIN;
            }
            out.push(t);
        }
        out
    }

    #[test]
    fn the_fast_tokenizer_equals_the_reference() {
        let mut cases: Vec<String> = [
            "Jane O'Neill-Smith said 3,500.25 people — “wow”… 2024-05-06",
            "a-, -b, x'', ’tis 1.2.3 1,,2 1. 2 ½ ５ Zürich café-au-lait",
            "\u{FEFF}BOM\ttab\u{a0}nbsp é'é 9'9 x‐y",
            "",
            "'",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Random strings over an alphabet of the characters that matter.
        let alphabet: Vec<String> = "aZ9 .,'’-‐é½\n—“".chars().map(String::from).collect();
        let alphabet: Vec<&str> = alphabet.iter().map(String::as_str).collect();
        cases.extend(random_strings(&alphabet, 0x9E37_79B9_7F4A_7C15, 2000, 24));
        for s in &cases {
            assert_eq!(tokenize(s, 0, s.len()), tokenize_by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn char_starts_are_counted_as_characters() {
        let text = "plain ascii, “curly” — é ✓ 😀 and more ascii after it; ÿ\u{7f}\u{80}";
        for a in 0..text.len() {
            for b in a..=text.len() {
                let bytes = &text.as_bytes()[a..b];
                let want = bytes.iter().filter(|x| (**x & 0xC0) != 0x80).count();
                assert_eq!(count_char_starts(bytes), want, "{a}..{b}");
            }
        }
    }

    #[test]
    fn ascii_classes_agree_with_the_character_tests() {
        for x in 0u8..128 {
            let c = x as char;
            let want = if is_space(c) {
                ASCII_SPACE
            } else if c.is_ascii_digit() {
                ASCII_DIGIT
            } else if is_word_char(c) {
                ASCII_LETTER
            } else {
                ASCII_PUNCT
            };
            assert_eq!(ASCII_CLASS[x as usize], want, "{x:#x}");
        }
    }

    #[test]
    fn collapse_joins_words_with_single_spaces() {
        for s in [
            "Jane Roe",
            " Jane Roe",
            "Jane  Roe ",
            "Jane\tRoe",
            "Jane\x0bRoe",
            "Jane\x0cRoe\r\n",
            "Jane\u{a0}Roe",
            "",
            "   ",
        ] {
            let slow: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(collapse(s), slow.join(" "), "{s:?}");
        }
        // Random strings of long and short words, ASCII and other white space and control
        // characters.
        let parts = [
            "a",
            "Roe",
            "abcdefghijk",
            "é",
            "“quoted”",
            " ",
            "  ",
            "\t",
            "\n",
            "\x0b",
            "\x1c",
            "\x00",
            "\x7f",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            "\u{3000}",
            "\u{1680}",
            "\u{2028}",
            "\u{2060}",
            "😀",
            ",",
            "0123456789",
        ];
        for s in random_strings(&parts, 0x2545_F491_4F6C_DD1D, 3000, 16) {
            let slow: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(collapse(&s), slow.join(" "), "{s:?}");
        }
    }

    #[test]
    fn lower_case_slices_equal_lower_casing_each_word() {
        for s in [
            "The MAYOR of Zürich, ÉMILE Öztürk, said “Yes” — ÀÉÎ.",
            // Σ lower-cases by context, İ to two characters: no copy, same answers.
            "ΟΔΥΣΣΕΥΣ and İSTANBUL said so",
            "plain ascii text",
        ] {
            let d = doc(s);
            for (a, _) in s.char_indices() {
                for (b, _) in s
                    .char_indices()
                    .chain([(s.len(), ' ')])
                    .filter(|(b, _)| *b >= a)
                {
                    assert_eq!(d.lower(a, b), s[a..b].to_lowercase(), "{s:?} {a}..{b}");
                }
            }
        }
        assert!(doc("ÉMILE").lower.is_some());
        assert!(doc("İSTANBUL").lower.is_none());
    }

    #[test]
    fn boundaries_round_to_whole_characters() {
        let s = "aé✓"; // bytes: a | é é | ✓ ✓ ✓
        assert_eq!(
            (0..=7).map(|i| floor_boundary(s, i)).collect::<Vec<_>>(),
            [0, 1, 1, 3, 3, 3, 6, 6]
        );
        assert_eq!(
            (0..=7).map(|i| ceil_boundary(s, i)).collect::<Vec<_>>(),
            [0, 1, 3, 3, 6, 6, 6, 6]
        );
    }

    #[test]
    fn character_indices_up_to_the_end_of_whole_blocks() {
        // "é" is two bytes: texts filling one, two and three blocks exactly, and one byte more.
        for len in [CHAR_BLOCK, 2 * CHAR_BLOCK, 3 * CHAR_BLOCK, CHAR_BLOCK + 1] {
            let s: String = "é".repeat(len / 2) + &"a".repeat(len % 2);
            assert_eq!(s.len(), len);
            let d = doc(&s);
            let chars = d.text.chars().count();
            assert_eq!(d.char_index_end(d.text.len()), chars, "{len} bytes");
            assert_eq!(d.char_index(d.text.len()), chars, "{len} bytes");
            assert_eq!(d.char_index(2), 1);
        }
    }

    #[test]
    fn cached_tokens_equal_tokenising_the_range() {
        // Joiners, numbers, non-ASCII letters and punctuation at every possible cut.
        let d = doc("Ms O’Brien-Smith paid £3,500.25 on 12.5.2024; well-known ‘x’ - Zoë's 7,a.");
        let t = &d.text;
        let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                let mut want = tokenize(t, a, b);
                classify(t, d.lower.as_deref(), &d.lexicon, &mut want);
                assert_eq!(
                    d.tokens(a, b).as_ref(),
                    want.as_slice(),
                    "range {a}..{b} ({:?})",
                    &t[a..b]
                );
            }
        }
        // A sentence's tokens are its range's.
        let d2 =
            doc("Mr. Roe said so. He left at 3.30 p.m. on Jan. 5! “Why?” she asked.\n\nNew one");
        assert!(d2.sentences.len() >= 3);
        for (i, s) in d2.sentences.iter().enumerate() {
            assert_eq!(
                d2.sentence_tokens(i),
                d2.tokens(s.start, s.end),
                "sentence {i}"
            );
        }
        // Cached or made for a range, tokens carry their classes: "Ms" is a honorific, also
        // in a range that cuts the token after it.
        let ms = crate::lexicon::class::HONORIFIC;
        assert_ne!(d.tokens(0, t.len())[0].class & ms, 0);
        assert_ne!(d.tokens(0, 4)[0].class & ms, 0);
        assert_eq!(d.tokens(0, 4)[1].class & ms, 0);
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Cllr. Jane Roe met Dr. J. R. Hartley at No. 5 St. Anne's Road. It rained."),
            vec![
                "Cllr. Jane Roe met Dr. J. R. Hartley at No. 5 St. Anne's Road.",
                "It rained."
            ]
        );
        // Dotted initials hold their name together, but a sentence opener after them still
        // starts a sentence.
        assert_eq!(
            sentences(
                "Rep. G.K. Butterfield spoke. J.J. MacNab met him in the U.S. The vote passed."
            ),
            vec![
                "Rep. G.K. Butterfield spoke.",
                "J.J. MacNab met him in the U.S.",
                "The vote passed."
            ]
        );
        // An initial whose letter is a word ("A", "I") is no opener after another initial,
        // but the word "A" is, after an abbreviation that can end a sentence.
        assert_eq!(
            sentences("Dr. M. A. Rasheed and S. I. Hayakawa met in the U.S. A poll followed."),
            vec![
                "Dr. M. A. Rasheed and S. I. Hayakawa met in the U.S.",
                "A poll followed."
            ]
        );
        // (The next word is looked for past any mark, here a dash that ends the dateline:
        // "N.L. – A" is no initial.)
        assert_eq!(
            sentences("ST. JOHN'S, N.L. – A harvester was fined. He paid."),
            vec!["ST. JOHN'S, N.L.", "– A harvester was fined.", "He paid."]
        );
        // A title in lower case is a word that ends its sentence before a capitalised word,
        // a name too; before a number it is the title.
        assert_eq!(
            sentences("The board said no. Aoife Ní Bhriain left. See no. 5 on the list."),
            vec![
                "The board said no.",
                "Aoife Ní Bhriain left.",
                "See no. 5 on the list."
            ]
        );
    }

    #[test]
    fn decimals_and_company_suffixes() {
        assert_eq!(
            sentences("Costs rose 3.5 per cent at Harbridge Homes Ltd. The firm paid £2.4m."),
            vec![
                "Costs rose 3.5 per cent at Harbridge Homes Ltd.",
                "The firm paid £2.4m."
            ]
        );
        assert_eq!(
            sentences("Harbridge Homes Ltd. said it would appeal."),
            vec!["Harbridge Homes Ltd. said it would appeal."]
        );
    }

    #[test]
    fn quotation_marks_close_sentences_only_before_an_opener() {
        assert_eq!(
            sentences("“We are proud.” Roe said it twice. “Really?” she asked."),
            vec![
                "“We are proud.”",
                "Roe said it twice.",
                "“Really?” she asked."
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join_before_a_capital_when_they_read_as_running_text() {
        let paras = |s: &str| -> Vec<String> {
            let d = doc(s);
            d.paragraphs
                .iter()
                .map(|p| d.text[p.start..p.end].to_string())
                .collect()
        };
        // A long line of running text, a comma, a word that needs more: one paragraph.
        let wrapped = "The chairman of the committee said on Tuesday that the report by Michael\nHoward was late.";
        assert_eq!(paras(wrapped), vec![wrapped]);
        assert_eq!(
            paras("Our guests were Jane Roe,\nJohn Doe and Ann Lee."),
            vec!["Our guests were Jane Roe,\nJohn Doe and Ann Lee."]
        );
        assert_eq!(
            paras("It was praised by\nJane Roe."),
            vec!["It was praised by\nJane Roe."]
        );
        // A heading, a list of names, a line that ends a sentence, a paragraph of its own: not.
        assert_eq!(
            paras("Council Approves New Plan For Town Centre\nJane Roe said so."),
            vec![
                "Council Approves New Plan For Town Centre",
                "Jane Roe said so."
            ]
        );
        assert_eq!(
            paras("John Smith\nMary Jones"),
            vec!["John Smith", "Mary Jones"]
        );
        assert_eq!(
            paras("It was late in the day when the council met.\nJane Roe spoke."),
            vec![
                "It was late in the day when the council met.",
                "Jane Roe spoke."
            ]
        );
        let long = format!(
            "{} — Jane Roe",
            "a quotation that runs on and on ".repeat(4)
        );
        assert_eq!(paras(&format!("{long}\nAnother Line")).len(), 2);
    }

    #[test]
    fn bullets_blank_lines_and_headings_are_paragraphs() {
        let d = doc("Heading here\n\nInspectors said:\n  • first point is good\n  - second point\nA wrapped line that goes\non here. Next one.\n");
        let paras: Vec<&str> = d
            .paragraphs
            .iter()
            .map(|p| &d.text[p.start..p.end])
            .collect();
        assert_eq!(
            paras,
            vec![
                "Heading here",
                "Inspectors said:",
                "first point is good",
                "second point",
                "A wrapped line that goes\non here. Next one."
            ]
        );
        assert!(d.paragraphs[2].bullet && d.paragraphs[3].bullet && !d.paragraphs[1].bullet);
        assert_eq!(d.sentences.len(), 6);
    }

    #[test]
    fn lines_and_chars_follow_the_original() {
        let d = doc("é\nab\ncd");
        let c = d.text.find('c').unwrap();
        assert_eq!(d.line_of_orig(d.orig(c)), 3);
        assert_eq!(d.char_index(c), 5);
        assert_eq!(d.line_of_orig(0), 1);
    }

    #[test]
    fn tokens_keep_names_and_numbers_whole() {
        let d = doc("O'Neill and Smith-Jones paid £3.5m, 1,200 times.");
        let toks: Vec<&str> = d
            .tokens(0, d.text.len())
            .iter()
            .map(|t| &d.text[t.start..t.end])
            .collect();
        assert_eq!(
            toks,
            vec![
                "O'Neill",
                "and",
                "Smith-Jones",
                "paid",
                "£",
                "3.5m",
                ",",
                "1,200",
                "times",
                "."
            ]
        );
    }

    #[test]
    fn boilerplate_lines_and_scopes() {
        let text = "Skip to main content\n\nTitle of the story\n\nImage\nA caption about Jane Roe.\n\nBody text by Jane Roe.\nTel: 020 7946 0000\n\nMore body.\n\nLeave a Reply\nYou are commenting using your X account.\nSomething else.\n";
        let d = doc(text);
        let marked = |needle: &str| d.is_boilerplate(d.text.find(needle).unwrap());
        assert!(marked("Skip to"));
        assert!(!marked("Title of"));
        assert!(marked("Image"));
        assert!(marked("A caption"));
        assert!(!marked("Body text"));
        assert!(marked("Tel:"));
        assert!(!marked("More body"));
        assert!(marked("Leave a Reply"));
        assert!(marked("Something else"));
    }
}
