//! Claims: quotations with their speakers.
//!
//! Quotation marks are paired within paragraphs; a quotation left open at a paragraph's end
//! continues when the next paragraph reopens it, or runs to the first closing mark within a few
//! paragraphs ("only the first opening and the last closing"). Apostrophes inside words never
//! open or close a quotation. The speaker comes from the cue around the quotation:
//! `claims.quote-after` ("…,” Roe said / said Roe), `claims.quote-according-to`,
//! `claims.quote-before` (Roe said: “…”), `claims.quote-block` (a speaker introduced by the
//! paragraph before), or none (`claims.quote`, speaker empty).

use super::people::PersonMention;
use super::Context;
use crate::text::{Token, TokenKind};

/// Who a quotation is attributed to, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRef {
    /// A person mention, by index into the extracted people.
    Person(usize),
    /// A noun phrase (a name or "the report") at these text offsets.
    Phrase(usize, usize),
    /// A pronoun ("she", "it"), lower-case.
    Pronoun(String),
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMention {
    /// Text offsets of the content, without the marks.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<SpeakerRef>,
    /// The cue word or phrase ("said", "according to").
    pub cue: String,
    pub rule: &'static str,
    /// No closing mark was found; the quotation was ended at its paragraph's end.
    pub unclosed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

fn opens(text: &str, i: usize, c: char) -> Option<Mark> {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    let prev_word = prev.is_some_and(|p| p.is_alphanumeric());
    let next_space = next.is_none_or(|n| n.is_whitespace());
    match c {
        '“' | '„' => Some(Mark::Double),
        '"' => (!next_space || !prev_word).then_some(Mark::Double),
        '‘' => (!prev_word && !next_space).then_some(Mark::Single),
        '\'' => (!prev_word && next.is_some_and(|n| n.is_alphanumeric())).then_some(Mark::Single),
        _ => None,
    }
}

fn closes(text: &str, i: usize, c: char, mark: Mark) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    match (mark, c) {
        (Mark::Double, '”' | '"') => true,
        (Mark::Single, '’' | '\'') => {
            // Not an apostrophe inside a word (children’s, it’s) nor after a plural in a word.
            !next.is_some_and(|n| n.is_alphanumeric()) && prev.is_some_and(|p| !p.is_whitespace())
        }
        _ => false,
    }
}

/// Raw quotation spans: (content start, content end, opening mark offset, closing mark end, unclosed).
fn find_quotes(ctx: &Context<'_>) -> Vec<(usize, usize, usize, usize, bool)> {
    let text = &ctx.doc.text;
    let paras = &ctx.doc.paragraphs;
    let mut out = Vec::new();
    // (mark, content start, opening mark offset, paragraph index where it opened)
    let mut open: Option<(Mark, usize, usize, usize)> = None;
    let mut pi = 0;
    while pi < paras.len() {
        let p = paras[pi];
        let mut skip_first = false;
        if let Some((Mark::Double, ..)) = open {
            // A carried-over quotation: a reopening mark at the paragraph start is part of it.
            if text[p.start..p.end].starts_with(['“', '"', '„']) {
                skip_first = true;
            }
        }
        let body = &text[p.start..p.end];
        for (k, c) in body.char_indices() {
            if k == 0 && skip_first {
                continue;
            }
            let i = p.start + k;
            match open {
                Some((mark, cs, om, _)) => {
                    if closes(text, i, c, mark) {
                        out.push((cs, i, om, i + c.len_utf8(), false));
                        open = None;
                    }
                }
                None => {
                    if let Some(mark) = opens(text, i, c) {
                        open = Some((mark, i + c.len_utf8(), i, pi));
                    }
                }
            }
        }
        if let Some((mark, cs, om, _)) = open {
            let next = paras.get(pi + 1);
            let reopened = next.is_some_and(|n| {
                mark == Mark::Double && text[n.start..n.end].starts_with(['“', '"', '„'])
            });
            if mark == Mark::Single {
                // A lone single mark is most likely an apostrophe: drop it.
                open = None;
            } else if reopened {
                // continue into the next paragraph
            } else {
                // Only the first opening and the last closing: look ahead for a closing mark
                // before any new opening, within a few paragraphs.
                let mut found = None;
                'ahead: for (qi, q) in paras.iter().enumerate().skip(pi + 1).take(12) {
                    for (k, c) in text[q.start..q.end].char_indices() {
                        let i = q.start + k;
                        if c == '”' || (c == '"' && k > 0) {
                            found = Some((qi, i, c));
                            break 'ahead;
                        }
                        if c == '“' || (c == '"' && k == 0) {
                            break 'ahead;
                        }
                    }
                }
                match found {
                    Some((qi, i, c)) => {
                        out.push((cs, i, om, i + c.len_utf8(), false));
                        open = None;
                        pi = qi + 1;
                        continue;
                    }
                    None => {
                        out.push((cs, p.end, om, p.end, true));
                        open = None;
                    }
                }
            }
        }
        pi += 1;
    }
    out
}

const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "then",
    "later",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "previously",
    "once",
    "again",
    "further",
    "recently",
    "yesterday",
    "today",
    "earlier",
    "subsequently",
    "simply",
    "repeatedly",
    "publicly",
    "has",
    "would",
    "will",
    "had",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

fn lower_word<'t>(text: &'t str, t: &Token) -> std::borrow::Cow<'t, str> {
    let w = &text[t.start..t.end];
    if w.chars().any(|c| c.is_uppercase()) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// The noun phrase ending at token `i` (inclusive): a capitalised name, a pronoun, or a
/// determiner + source noun ("the Ofsted report", "inspectors").
fn np_ending_at(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let w = &text[toks[i].start..toks[i].end];
    let lw = lower_word(text, &toks[i]);
    if PRONOUNS.contains(&lw.as_ref()) {
        return Some(SpeakerRef::Pronoun(lw.into_owned()));
    }
    let capital = w.chars().next().is_some_and(|c| c.is_uppercase());
    let noun = ctx.rules.source_nouns.contains_key(lw.as_ref());
    if !capital && !noun {
        return None;
    }
    let mut s = i;
    while s > 0 {
        let p = &toks[s - 1];
        let pw = &text[p.start..p.end];
        let plw = pw.to_lowercase();
        let cap = pw.chars().next().is_some_and(|c| c.is_uppercase()) && p.kind == TokenKind::Word;
        if cap
            || matches!(
                plw.as_str(),
                "the" | "its" | "their" | "this" | "a" | "an" | "of" | "&"
            )
            || (noun
                && p.kind == TokenKind::Word
                && i - s < 3
                && !ctx.rules.speech_verbs.contains(&plw))
        {
            s -= 1;
            if matches!(plw.as_str(), "the" | "its" | "their" | "this" | "a" | "an") {
                break;
            }
        } else {
            break;
        }
        if i - s > 6 {
            break;
        }
    }
    // Do not start on "of"/"&".
    while s < i && matches!(&text[toks[s].start..toks[s].end], "of" | "&") {
        s += 1;
    }
    Some(SpeakerRef::Phrase(toks[s].start, toks[i].end))
}

/// The NP right after token `i` (exclusive): for "said the report", "said Sir Anthony".
fn np_starting_at(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let t = toks.get(i)?;
    let lw = lower_word(text, t);
    if PRONOUNS.contains(&lw.as_ref()) {
        return Some(SpeakerRef::Pronoun(lw.into_owned()));
    }
    let mut e = i;
    let mut saw_head = false;
    while e < toks.len() && e - i < 7 {
        let w = &text[toks[e].start..toks[e].end];
        let lw = w.to_lowercase();
        let cap =
            w.chars().next().is_some_and(|c| c.is_uppercase()) && toks[e].kind == TokenKind::Word;
        let det = matches!(lw.as_str(), "the" | "its" | "their" | "this" | "a" | "an") && e == i;
        let noun = ctx.rules.source_nouns.contains_key(&lw);
        if cap || noun {
            saw_head = true;
            e += 1;
            if noun {
                break;
            }
        } else if det || (saw_head && matches!(lw.as_str(), "of" | "&")) {
            e += 1;
        } else if e > i && !saw_head && toks[e].kind == TokenKind::Word && e - i < 3 {
            // "the inspection report": an adjective before the head noun
            e += 1;
        } else {
            break;
        }
    }
    if !saw_head {
        return None;
    }
    // Drop trailing connectors.
    while e > i
        && matches!(
            &text[toks[e - 1].start..toks[e - 1].end],
            "of" | "&" | "the"
        )
    {
        e -= 1;
    }
    Some(SpeakerRef::Phrase(toks[i].start, toks[e - 1].end))
}

/// Person mention whose name span is exactly `[s, e)` or contains it.
fn person_at(people: &[PersonMention], s: usize, e: usize) -> Option<usize> {
    people
        .iter()
        .position(|p| p.start <= s && e <= p.end.max(s))
        .or_else(|| people.iter().position(|p| s <= p.start && p.end <= e))
}

fn to_person(people: &[PersonMention], r: SpeakerRef) -> SpeakerRef {
    if let SpeakerRef::Phrase(s, e) = r {
        if let Some(p) = person_at(people, s, e) {
            return SpeakerRef::Person(p);
        }
    }
    r
}

/// Speaker from the text after the closing mark: "…,” Roe said" or "…,” said the report".
fn after_cue(
    ctx: &Context<'_>,
    people: &[PersonMention],
    close_end: usize,
    limit: usize,
) -> Option<(SpeakerRef, String)> {
    let text = &ctx.doc.text;
    if close_end >= limit {
        return None;
    }
    let prev = text[..close_end].trim_end_matches(['”', '"', '’', '\'']);
    let inner_stop = prev.ends_with(['.', '!', '?']);
    let tail = &text[close_end..limit];
    let lead = tail.len() - tail.trim_start_matches([' ', ',', '\u{a0}']).len();
    let toks = ctx.doc.tokens(close_end + lead, limit);
    if toks.is_empty() {
        return None;
    }
    let text_w = |t: &Token| &text[t.start..t.end];
    // After a full stop inside the marks, a new sentence starts: no attribution unless the
    // next word is lower-case ("… safe.” she said" is rare but valid).
    let first = text_w(&toks[0]);
    if inner_stop && first.chars().next().is_some_and(|c| c.is_uppercase()) {
        // "“…!” Roe said." is still common; accept a name followed by a verb only.
    }
    // verb first: "said the report"
    if ctx.rules.speech_verbs.contains(&first.to_lowercase()) {
        let r = np_starting_at(ctx, &toks, 1)?;
        return Some((to_person(people, r), first.to_lowercase()));
    }
    // NP then verb: "Chalkley said", "it added", "the report concluded"
    for vi in 1..toks.len().min(9) {
        let w = text_w(&toks[vi]).to_lowercase();
        if ctx.rules.speech_verbs.contains(&w) {
            let r = np_ending_at(ctx, &toks, vi - 1)?;
            if let SpeakerRef::Phrase(s, _) = r {
                if s != toks[0].start {
                    return None;
                }
            }
            return Some((to_person(people, r), w));
        }
        if toks[vi].kind == TokenKind::Punct && !matches!(text_w(&toks[vi]), "'" | "’" | "-") {
            return None;
        }
    }
    None
}

/// Tokens of `[start, end)` outside quotations (so that words inside quotes are not cues).
fn tokens_outside_quotes(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Vec<Token> {
    ctx.doc
        .tokens(start, end)
        .into_iter()
        .filter(|t| {
            // Quotations are in text order and do not overlap: only the last one opening
            // before the token can hold it (a binary search keeps long documents linear).
            let i = quotes.partition_point(|q| q.2 <= t.start);
            !quotes[..i]
                .iter()
                .rev()
                .take(2)
                .any(|q| q.2 <= t.start && t.end <= q.3)
        })
        .collect()
}

/// Speaker from a cue before the quotation in `[start, open)`: the last speech verb and its
/// subject, or "according to X".
fn before_cue(
    ctx: &Context<'_>,
    people: &[PersonMention],
    start: usize,
    open: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Option<(SpeakerRef, String)> {
    let text = &ctx.doc.text;
    let toks = tokens_outside_quotes(ctx, start, open, quotes);
    let vi = toks.iter().rposition(|t| {
        ctx.rules
            .speech_verbs
            .contains(&lower_word(text, t).into_owned())
    })?;
    let verb = lower_word(text, &toks[vi]).into_owned();
    // Passive: "described by the report as"
    if toks
        .get(vi + 1)
        .is_some_and(|t| &text[t.start..t.end] == "by")
    {
        if let Some(r) = np_starting_at(ctx, &toks, vi + 2) {
            return Some((to_person(people, r), verb));
        }
    }
    let mut i = vi;
    while i > 0 && SKIP_BEFORE_VERB.contains(&lower_word(text, &toks[i - 1]).as_ref()) {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    // A comma before the verb closes an appositive: the subject is the last person named.
    if &text[toks[i - 1].start..toks[i - 1].end] == "," {
        let vpos = toks[vi].start;
        let p = people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.start >= start && p.end <= vpos)
            .map(|(k, _)| k)
            .next_back()?;
        return Some((SpeakerRef::Person(p), verb));
    }
    let r = np_ending_at(ctx, &toks, i - 1)?;
    Some((to_person(people, r), verb))
}

fn according_to(
    ctx: &Context<'_>,
    people: &[PersonMention],
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Option<(SpeakerRef, String)> {
    let text = &ctx.doc.text;
    let toks = tokens_outside_quotes(ctx, start, end, quotes);
    for phrase in &ctx.rules.attribution_phrases {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let n = words.len();
        for k in 0..toks.len().saturating_sub(n) {
            let matches = (0..n).all(|j| lower_word(text, &toks[k + j]) == words[j]);
            if matches {
                if let Some(r) = np_starting_at(ctx, &toks, k + n) {
                    return Some((to_person(people, r), phrase.clone()));
                }
            }
        }
    }
    None
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

/// Find quotations and their speakers.
pub fn extract(ctx: &Context<'_>, people: &[PersonMention]) -> Vec<QuoteMention> {
    let doc = ctx.doc;
    let text = &doc.text;
    let raw = find_quotes(ctx);
    let mut out = Vec::new();
    for &(cs, ce, om, close_end, unclosed) in &raw {
        let content = &text[cs..ce];
        let words = word_count(content);
        if words == 0 {
            continue;
        }
        let si = doc.sentence_at(om).unwrap_or(0);
        let sent = doc.sentences.get(si).copied();
        let (s_start, _) = sent.map(|s| (s.start, s.end)).unwrap_or((0, text.len()));
        // The sentence holding the closing mark bounds the after-cue.
        let close_sent = doc
            .sentence_at(close_end.saturating_sub(1))
            .and_then(|i| doc.sentences.get(i).copied());
        let para_end = doc
            .paragraph_at(close_end.saturating_sub(1))
            .map(|p| doc.paragraphs[p].end)
            .unwrap_or(text.len());
        let after_limit = match close_sent {
            Some(s) if s.end > close_end => s.end,
            _ => {
                // The closing mark ends its sentence: look into the next sentence of the
                // same paragraph (“…safe.” Roe said.).
                doc.sentences
                    .get(
                        doc.sentence_at(close_end)
                            .map(|i| i + 1)
                            .unwrap_or(usize::MAX),
                    )
                    .filter(|n| n.start < para_end && n.start <= close_end + 2)
                    .map(|n| n.end)
                    .unwrap_or(para_end)
            }
        }
        .min(para_end);
        let mut found: Option<(SpeakerRef, String, &'static str)> = None;
        if let Some((r, cue)) = after_cue(ctx, people, close_end, after_limit) {
            found = Some((r, cue, "claims.quote-after"));
        }
        let sent_end = close_sent.map(|s| s.end).unwrap_or(para_end).max(close_end);
        if found.is_none() {
            if let Some((r, cue)) = according_to(ctx, people, s_start, sent_end, &raw) {
                found = Some((r, cue, "claims.quote-according-to"));
            }
        }
        if found.is_none() && s_start < om {
            if let Some((r, cue)) = before_cue(ctx, people, s_start, om, &raw) {
                found = Some((r, cue, "claims.quote-before"));
            }
        }
        if found.is_none() {
            // A block quotation: the paragraph before introduces the speaker ("X said:").
            let pi = doc.paragraph_at(om).unwrap_or(0);
            let starts_para = doc.paragraphs.get(pi).is_some_and(|p| p.start == om);
            if starts_para && pi > 0 {
                let prev = doc.paragraphs[pi - 1];
                let last_sent = doc
                    .sentence_at(prev.end.saturating_sub(1))
                    .map(|i| doc.sentences[i]);
                let ends_colon = text[prev.start..prev.end].trim_end().ends_with(':');
                if let Some(ls) = last_sent {
                    if ends_colon {
                        if let Some((r, cue)) = before_cue(ctx, people, ls.start, ls.end, &raw) {
                            found = Some((r, cue, "claims.quote-block"));
                        }
                    }
                }
            }
        }
        // Scare quotes ("an ‘outstanding’ rating") are not quotations unless a cue sits right
        // after them.
        if words < 3 && !matches!(found, Some((_, _, "claims.quote-after"))) {
            continue;
        }
        let (speaker, cue, rule) = match found {
            Some((r, c, rule)) => (Some(r), c, rule),
            None => (None, String::new(), "claims.quote"),
        };
        out.push(QuoteMention {
            start: cs,
            end: ce,
            speaker,
            cue,
            rule,
            unclosed,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::extract::{people, ExtractOptions};
    use crate::rules::Rules;
    use crate::text::Document;

    fn quotes(s: &str) -> Vec<(String, String, &'static str)> {
        let rules = Rules::builtin();
        let doc = Document::new("t", decode(s.as_bytes()).unwrap(), &rules);
        let opts = ExtractOptions::default();
        let ctx = Context {
            doc: &doc,
            rules: &rules,
            opts: &opts,
        };
        let ppl = people::extract(&ctx);
        extract(&ctx, &ppl)
            .into_iter()
            .map(|q| {
                let sp = match q.speaker {
                    Some(SpeakerRef::Person(i)) => ppl[i].name.clone(),
                    Some(SpeakerRef::Phrase(a, b)) => doc.text[a..b].to_string(),
                    Some(SpeakerRef::Pronoun(p)) => p,
                    None => String::new(),
                };
                (doc.text[q.start..q.end].to_string(), sp, q.rule)
            })
            .collect()
    }

    #[test]
    fn after_and_before_cues() {
        let got = quotes(
            "“We will build more homes,” Jane Roe said. Tom Hale said: “It is a good day for us.”",
        );
        assert_eq!(
            got[0],
            (
                "We will build more homes,".into(),
                "Jane Roe".into(),
                "claims.quote-after"
            )
        );
        assert_eq!(
            got[1],
            (
                "It is a good day for us.".into(),
                "Tom Hale".into(),
                "claims.quote-before"
            )
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let got = quotes("The children’s centre, it’s said, is the parents’ choice. 'We love it here now,' said the report.");
        assert_eq!(
            got,
            vec![(
                "We love it here now,".into(),
                "the report".into(),
                "claims.quote-after"
            )]
        );
    }

    #[test]
    fn multi_paragraph_quotes_are_one() {
        let got = quotes("Cllr Omar Haddad said:\n\n“First paragraph of the quote.\n\n“Second paragraph of it.\n\nThird and last one here.”\n\nAfter.");
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].0,
            "First paragraph of the quote.\n\n“Second paragraph of it.\n\nThird and last one here."
        );
        assert_eq!(got[0].1, "Omar Haddad");
        assert_eq!(got[0].2, "claims.quote-block");
    }

    #[test]
    fn quote_without_speaker_is_kept() {
        let got = quotes("A sign read “no entry for any vehicles after dark” in red.");
        assert_eq!(
            got,
            vec![(
                "no entry for any vehicles after dark".into(),
                String::new(),
                "claims.quote"
            )]
        );
    }
}
