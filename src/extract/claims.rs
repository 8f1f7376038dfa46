//! Claims: quotations with their speakers.
//!
//! Quotation marks are paired within paragraphs; a quotation left open at a paragraph's end
//! continues when the next paragraph reopens it, or runs to the first closing mark within a few
//! paragraphs ("only the first opening and the last closing"). Apostrophes inside words never
//! open or close a quotation. The speaker comes from the cue around the quotation:
//! `claims.quote-after` ("…,” Roe said / said Roe), `claims.quote-according-to`,
//! `claims.quote-after-clause` ("…” and then some, Roe said), `claims.quote-before` (Roe said:
//! “…”), `claims.quote-colon` (Roe was blunt: “…”), `claims.quote-block` (a speaker introduced by the paragraph before),
//! `claims.quote-subject` (the person opening the sentence), `claims.quote-signature` (a
//! name behind a dash on the line after: "- Roe."), or none (`claims.quote`, speaker empty).

use super::people::PersonMention;
use super::Context;
use crate::names::Gender;
use crate::rules::cue;
use crate::text::{Document, Token, TokenKind};

/// Who a quotation is attributed to, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRef {
    /// A person mention, by index into the extracted people.
    Person(usize),
    /// A noun phrase (a name or "the report") at these text offsets.
    Phrase(usize, usize),
    /// A pronoun ("she", "it"), lower-case, and where it stands.
    Pronoun(String, usize),
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
    /// Offset of the opening mark.
    pub open: usize,
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
        '“' | '„' | '«' => Some(Mark::Double),
        '"' => (!next_space || !prev_word).then_some(Mark::Double),
        '‘' => (!prev_word && !next_space).then_some(Mark::Single),
        '\'' => (!prev_word && next.is_some_and(|n| n.is_alphanumeric())).then_some(Mark::Single),
        _ => None,
    }
}

fn closes(text: &str, i: usize, c: char, mark: Mark, opener: char) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    match (mark, c) {
        // A straight opening mark is closed by a straight mark only: curly marks inside it are
        // a quotation within the quotation.
        (Mark::Double, '”') => opener != '"' && opener != '«',
        (Mark::Double, '"') => opener != '«',
        // Guillemets close their own: «A mask is not finished», Ladu said.
        (Mark::Double, '»') => opener == '«',
        (Mark::Single, '’' | '\'') => {
            // Not an apostrophe inside a word (children’s, it’s) nor after a plural in a word.
            !next.is_some_and(|n| n.is_alphanumeric()) && prev.is_some_and(|p| !p.is_whitespace())
        }
        _ => false,
    }
}

/// Whether the straight double mark at `i` reopens a quotation within its paragraph: it
/// stands before a word, after white space that follows the end of a sentence.
fn reopens(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    trimmed.len() < before.len()
        && trimmed.ends_with(['.', '?', '!'])
        && text[i + 1..].starts_with(|c: char| c.is_alphanumeric())
}

/// The quotation marks of `s` (`“ „ " ‘ ' ” ’`, and guillemets `« »` where the text has
/// any) and their offsets, in order.
fn quote_marks(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    // (Most texts have no guillemet: one look for its second byte, shared by both, says so.)
    let guillemets: Vec<(usize, char)> = if memchr::memchr2(0xAB, 0xBB, s.as_bytes()).is_some() {
        s.match_indices(['«', '»'])
            .map(|(k, m)| (k, if m == "«" { '«' } else { '»' }))
            .collect()
    } else {
        Vec::new()
    };
    let mut g = guillemets.into_iter().peekable();
    let mut q = common_quote_marks(s).peekable();
    std::iter::from_fn(move || match (q.peek(), g.peek()) {
        (Some(a), Some(b)) if b.0 < a.0 => g.next(),
        (Some(_), _) => q.next(),
        (None, _) => g.next(),
    })
}

/// The quotation marks of `s` (`“ „ " ‘ ' ” ’`) and their offsets, found by their bytes: the
/// ASCII ones, and the curly ones by their first byte (0xE2) and the two after it.
fn common_quote_marks(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = s.as_bytes();
    memchr::memchr3_iter(b'"', b'\'', 0xE2, b).filter_map(move |k| match b[k] {
        b'"' => Some((k, '"')),
        b'\'' => Some((k, '\'')),
        _ => match b.get(k + 1..k + 3)? {
            [0x80, 0x9C] => Some((k, '“')),
            [0x80, 0x9E] => Some((k, '„')),
            [0x80, 0x98] => Some((k, '‘')),
            [0x80, 0x9D] => Some((k, '”')),
            [0x80, 0x99] => Some((k, '’')),
            _ => None,
        },
    })
}

/// Raw quotation spans: (content start, content end, opening mark offset, closing mark end, unclosed).
fn find_quotes(ctx: &Context<'_>) -> Vec<(usize, usize, usize, usize, bool)> {
    let text = &ctx.doc.text;
    let paras = &ctx.doc.paragraphs;
    let mut out = Vec::new();
    // (mark, content start, opening mark offset, opening character)
    let mut open: Option<(Mark, usize, usize, char)> = None;
    let mut pi = 0;
    while pi < paras.len() {
        let p = paras[pi];
        let mut skip_first = false;
        match open {
            // A carried-over quotation: a reopening mark at the paragraph start is part of it.
            Some((Mark::Double, ..)) if text[p.start..p.end].starts_with(['“', '"', '„']) => {
                skip_first = true;
            }
            Some((Mark::Single, ..)) if text[p.start..p.end].starts_with('‘') => {
                skip_first = true;
            }
            _ => {}
        }
        let body = &text[p.start..p.end];
        // Only quotation marks open or close: find them without decoding every character.
        for (k, c) in quote_marks(body) {
            if k == 0 && skip_first {
                continue;
            }
            let i = p.start + k;
            match open {
                // A straight mark after a sentence's end and before a word reopens the
                // quotation: `"It is. "We are." He said` is one quotation of two sentences.
                Some((Mark::Double, _, _, '"')) if c == '"' && reopens(text, i) => {}
                Some((mark, cs, om, opener)) => {
                    if closes(text, i, c, mark, opener) {
                        // Two apostrophes for a double mark close as they opened, the second
                        // one included: "''We will,'' he said".
                        let doubled = c == '\'' && text[om..].starts_with("''");
                        let end = i + if doubled && text[i + 1..].starts_with('\'') {
                            2
                        } else {
                            1
                        };
                        out.push((cs, i, om, end.max(i + c.len_utf8()), false));
                        open = None;
                    }
                }
                None => {
                    if let Some(mark) = opens(text, i, c) {
                        // (The mark opens at the first of two apostrophes.)
                        let om = if c == '\'' && text[..i].ends_with('\'') {
                            i - 1
                        } else {
                            i
                        };
                        open = Some((mark, i + c.len_utf8(), om, c));
                    }
                }
            }
        }
        // A straight mark left open at the end of its paragraph but followed there by a curly
        // closing mark with no curly opening before it was closed by that mark: the marks were
        // mixed up ("Oz has a huge pulpit,” said Jane Roe).
        if let Some((Mark::Double, cs, om, '"')) = open {
            let inside = &text[cs.min(p.end)..p.end];
            if let Some(k) = inside.find('”').filter(|&k| !inside[..k].contains('“')) {
                out.push((cs, cs + k, om, cs + k + '”'.len_utf8(), false));
                open = None;
            }
        }
        if let Some((mark, cs, om, opener)) = open {
            let next = paras.get(pi + 1);
            let reopened = next.is_some_and(|n| {
                let next_text = &text[n.start..n.end];
                match mark {
                    Mark::Double => next_text.starts_with(['“', '"', '„']),
                    // A curly single mark that opened a paragraph and is opened again at the
                    // start of the next one is a quotation of several paragraphs, in the
                    // British manner (an apostrophe never opens a paragraph).
                    Mark::Single => {
                        opener == '‘'
                            // (Or opened a paragraph before, which this one goes on.)
                            && (om <= p.start || text[p.start..om].trim().is_empty())
                            && next_text.starts_with('‘')
                    }
                }
            });
            if reopened {
                // continue into the next paragraph
            } else if mark == Mark::Single {
                // A lone single mark is most likely an apostrophe: drop it.
                open = None;
            } else {
                // Only the first opening and the last closing: look ahead for a closing mark
                // before any new opening, within a few paragraphs.
                let mut found = None;
                'ahead: for (qi, q) in paras.iter().enumerate().skip(pi + 1).take(12) {
                    for (k, c) in text[q.start..q.end].char_indices() {
                        let i = q.start + k;
                        if (c == '”' && opener != '"') || (c == '"' && k > 0) {
                            found = Some((qi, i, c));
                            break 'ahead;
                        }
                        if (c == '“' && opener != '"') || (c == '"' && k == 0) {
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
    "now",
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

/// The subject pronoun a lower-case word is, with a contraction ("he’s claiming").
fn pronoun(lw: &str) -> Option<&str> {
    let base = ["'s", "’s", "'d", "’d", "'ll", "’ll"]
        .iter()
        .find_map(|c| lw.strip_suffix(c))
        .unwrap_or(lw);
    PRONOUNS.iter().copied().find(|&p| p == base)
}

/// Capitalised sentence openers that never start a speaker's name.
const QUESTION_WORDS: &[&str] = &["what", "who", "why", "how", "where", "which", "whom"];

const DETS: &[&str] = &["the", "its", "their", "this", "a", "an"];

/// Determiners that open a described speaker ("the announcer", "a spokeswoman").
const DESCRIBED_DETS: &[&str] = &[
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "one", "another",
];

fn lower_word<'t>(doc: &'t Document, t: &Token) -> std::borrow::Cow<'t, str> {
    doc.lower(t.start, t.end)
}

/// The noun phrase ending at token `i` (inclusive): a capitalised name, a pronoun, or a
/// determiner + source noun ("the Ofsted report", "inspectors").
fn np_ending_at(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let w = &text[toks[i].start..toks[i].end];
    let lw = lower_word(ctx.doc, &toks[i]);
    if let Some(p) = pronoun(&lw) {
        return Some(SpeakerRef::Pronoun(p.to_string(), toks[i].start));
    }
    let capital = name_cased(w);
    let noun = ctx.rules.source_nouns.contains_key(lw.as_ref());
    // "Later on Sunday, … said": a day or a month alone is when, not who.
    let calendar = crate::lexicon::class::WEEKDAY | crate::lexicon::class::MONTH;
    let alone = i == 0 || !is_cap_word(text, &toks[i - 1]);
    if capital && toks[i].class & calendar != 0 && alone {
        return None;
    }
    if !capital && !noun {
        // A described speaker: "the announcer", "The Indiana governor", "the New York
        // businessman" (a determiner and at most three words before the head).
        if toks[i].kind != TokenKind::Word
            || toks[i].cue & cue::SPEECH != 0
            || CLAUSE_WORDS.contains(&lw.as_ref())
        {
            return None;
        }
        let d = (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| DESCRIBED_DETS.contains(&lower_word(ctx.doc, &toks[k]).as_ref()))?;
        let plain = toks[d + 1..i].iter().all(|t| {
            t.kind == TokenKind::Word
                && t.cue & cue::SPEECH == 0
                && !DESCRIBED_DETS.contains(&lower_word(ctx.doc, t).as_ref())
                && !CLAUSE_WORDS.contains(&lower_word(ctx.doc, t).as_ref())
        });
        // A title in capitals before a word that is no head is the phrase itself, and the word
        // its verb: "Does the Minister recall telling …" (but "The Indiana governor").
        use crate::lexicon::class::{CAPITALISED, DESCRIPTOR, ROLE_HEAD};
        if toks[i].base_class & (ROLE_HEAD | DESCRIPTOR) == 0 {
            if let Some(k) = (d + 1..i)
                .rev()
                .find(|&k| toks[k].class & CAPITALISED != 0 && toks[k].base_class & ROLE_HEAD != 0)
            {
                return plain.then(|| SpeakerRef::Phrase(toks[d].start, toks[k].end));
            }
        }
        return plain.then(|| SpeakerRef::Phrase(toks[d].start, toks[i].end));
    }
    // A title in capitals after its article: "The Chief Executive replied" (which `resolve`
    // gives to the person who holds it).
    {
        use crate::lexicon::class::{HONORIFIC, HONORIFIC_FIRST, ROLE_HEAD, TITLE};
        let k = (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| matches!(&text[toks[k].start..toks[k].end], "The" | "the"));
        if let Some(k) = k {
            let head = toks[i].base_class & ROLE_HEAD != 0
                || crate::text::with_lower(&text[toks[k + 1].start..toks[i].end], |l| {
                    ctx.rules.role_head_set.contains(l)
                });
            if k + 1 < i
                && head
                && toks[k + 1..=i].iter().all(|t| {
                    is_cap_word(text, t)
                        && t.base_class & (ROLE_HEAD | TITLE | HONORIFIC | HONORIFIC_FIRST) != 0
                })
            {
                return Some(SpeakerRef::Phrase(toks[k].start, toks[i].end));
            }
        }
    }
    if let Some(r) = described_for_organisation(ctx, toks, i) {
        return Some(r);
    }
    // "The Daily Caller", "the Washington Post": capitalised words after a determiner name an
    // organisation, even words that are never people's names.
    // (Or, with an organisation's word among them, joined by "of", "for" or "and" or holding
    // a number: "The Secretariat of Tourism Development", "The Évora 2027 Association".)
    let titled = (i.saturating_sub(7)..i).rev().find(|&k| {
        use crate::lexicon::class::{HONORIFIC, HONORIFIC_FIRST, ROLE_HEAD, TITLE};
        // Not "the Rev Jesse Jackson", "the President Jane Roe".
        let name_word = |t: &Token| {
            is_cap_word(text, t)
                && t.class & (HONORIFIC | HONORIFIC_FIRST | ROLE_HEAD | TITLE) == 0
                && !ctx.rules.given_names.contains_key(&text[t.start..t.end])
        };
        let inner = &toks[k + 1..=i];
        matches!(&text[toks[k].start..toks[k].end], "The" | "the")
            && ((i - k <= 4 && inner.iter().all(name_word))
                || (inner.len() >= 3
                    && name_word(&inner[0])
                    && inner
                        .iter()
                        .any(|t| ctx.rules.organisation_words.contains(&text[t.start..t.end]))
                    && inner.iter().all(|t| {
                        let w = &text[t.start..t.end];
                        // (Subjects and titles' words may follow: "of Tourism Development".)
                        (is_cap_word(text, t)
                            && t.class & (HONORIFIC | HONORIFIC_FIRST) == 0
                            && !ctx.rules.given_names.contains_key(w))
                            || matches!(w, "of" | "for" | "and" | "&")
                            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
                    })))
    });
    if let Some(k) = titled {
        return Some(SpeakerRef::Phrase(toks[k].start, toks[i].end));
    }
    let mut s = i;
    // Whether the phrase so far names an organisation: an organisation word is never a name,
    // but names one with the capitalised words before it, as the head or before "of": "the
    // Muslim Council of Britain", "Hereford County Hospital".
    let mut organisation = ctx.rules.organisation_words.contains(w);
    // The "and" inside such a name, "the Department of Health and Social Care".
    let joined = {
        let mut a = i;
        while a > 0 && i - a < 4 && is_cap_word(text, &toks[a - 1]) {
            a -= 1;
        }
        // (One word after "and" too: "the Ministry of Culture and Tourism".)
        (a > 0 && text[toks[a - 1].start..toks[a - 1].end] == *"and")
            .then(|| a - 1)
            .filter(|&a| organisation_of_before(ctx, toks, a, i))
    };
    organisation |= joined.is_some();
    while s > 0 {
        let p = &toks[s - 1];
        let pw = &text[p.start..p.end];
        let plw = lower_word(ctx.doc, p);
        let next = &text[toks[s].start..toks[s].end];
        let org_word = ctx.rules.organisation_words.contains(pw)
            && (next.eq_ignore_ascii_case("of") || next.eq_ignore_ascii_case("for"));
        // (Not a sentence's opening word: "As Breitbart News reported".)
        let in_organisation = organisation && !ctx.rules.sentence_openers.contains(pw);
        let cap = pw.chars().next().is_some_and(|c| c.is_uppercase())
            && p.kind == TokenKind::Word
            && !QUESTION_WORDS.contains(&plw.as_ref())
            && (DETS.contains(&plw.as_ref())
                || !ctx.rules.not_names.contains(pw)
                || org_word
                || in_organisation
                // (A place's "New" inside a body's name: "Surf Life Saving New Zealand".)
                || pw == "New");
        organisation |= cap && org_word;
        // A subject before a place names a public body: "Transport Scotland", "Health
        // Canada".
        let body = s == i
            && !cap
            && p.kind == TokenKind::Word
            && capital
            && body_subject(ctx.rules, pw)
            && !ctx.rules.not_names.contains(w);
        if cap
            || body
            || matches!(
                plw.as_ref(),
                "the" | "its" | "their" | "this" | "a" | "an" | "of" | "&" | "for" | "his" | "her"
            )
            || (noun
                && p.kind == TokenKind::Word
                && i - s < 3
                && p.cue & cue::SPEECH == 0
                // (Not a conjunction: "but his spokesperson said", ", and his spokesperson
                // said"; but "the standards and privileges committee".)
                && !matches!(plw.as_ref(), "but" | "yet" | "so" | "while")
                && !(matches!(plw.as_ref(), "and" | "or")
                    && (s < 2 || !matches!(toks[s - 2].kind, TokenKind::Word))))
            // ("and" inside a body's name: "the Department of Health and Social Care"; and
            // the commas of its list: "the Ministry of Economy, Culture and Innovation".)
            || (plw == "and" && joined == Some(s - 1))
            || (pw == ","
                && joined.is_some_and(|a| s - 1 < a)
                && s >= 2
                && toks[s - 2].end == p.start
                && is_cap_word(text, &toks[s - 2]))
            // (A plural owner's apostrophe inside one: "the Rift Valley Tea Employers'
            // Forum".)
            || owner_apostrophe(text, toks, s - 1)
            // (A particle inside a name: "Andrés de la Torre Ycaza".)
            || (s >= 2
                && crate::extract::people::PARTICLES.contains(&pw)
                && (is_cap_word(text, &toks[s - 2])
                    || crate::extract::people::PARTICLES
                        .contains(&&text[toks[s - 2].start..toks[s - 2].end])))
        {
            s -= 1;
            if matches!(
                plw.as_ref(),
                "the" | "its" | "their" | "this" | "a" | "an" | "his" | "her"
            ) {
                break;
            }
        } else {
            break;
        }
        if i - s > 7 {
            break;
        }
    }
    // Do not start on "of"/"&"/"for".
    while s < i && matches!(&text[toks[s].start..toks[s].end], "of" | "&" | "for") {
        s += 1;
    }
    // A described speaker reaches back over the name after its head: "The senator from
    // Vermont" (which `resolve` keeps whole: a place is where the speaker is from), "a
    // spokesman for Kestrel" (where it keeps the organisation).
    if s >= 2
        && matches!(
            &text[toks[s - 1].start..toks[s - 1].end],
            "from" | "of" | "for"
        )
    {
        let h = &toks[s - 2];
        let hl = lower_word(ctx.doc, h);
        let head = h.kind == TokenKind::Word
            && text[h.start..].starts_with(|c: char| c.is_lowercase())
            && (h.class & crate::lexicon::class::ROLE_HEAD != 0
                || ctx.rules.source_nouns.contains_key(hl.as_ref()));
        if head {
            if let Some(d) = (s.saturating_sub(5)..s - 2)
                .rev()
                .find(|&k| DESCRIBED_DETS.contains(&lower_word(ctx.doc, &toks[k]).as_ref()))
            {
                if toks[d + 1..s - 2].iter().all(|t| {
                    t.kind == TokenKind::Word
                        && t.cue & cue::SPEECH == 0
                        && !CLAUSE_WORDS.contains(&lower_word(ctx.doc, t).as_ref())
                }) {
                    s = d;
                }
            }
        }
    }
    // A caller or a reader named by a given name and the place they are in: "Colin in
    // Dunmurry says: “…”", "Aoife from Lisburn writes" (the given name alone is the speaker).
    if s >= 2
        && i - s <= 2
        && matches!(&text[toks[s - 1].start..toks[s - 1].end], "in" | "from")
        && is_cap_word(text, &toks[s - 2])
        && ctx
            .rules
            .given_names
            .contains_key(&text[toks[s - 2].start..toks[s - 2].end])
        && (s == 2 || !is_cap_word(text, &toks[s - 3]))
    {
        return Some(SpeakerRef::Phrase(toks[s - 2].start, toks[s - 2].end));
    }
    Some(SpeakerRef::Phrase(toks[s].start, toks[i].end))
}

/// Whether the "and" at `and` joins two parts of one body's name, "the Department of Health
/// and Social Care", "the Ministry of Fisheries and Marine Resources", "the Health and Safety
/// Executive": an organisation word and "of" (or "the") come before it over at most four
/// capitalised words, and the words after it up to the verb are capitalised and end on a word
/// that is never a name (not "the Ministry of Health and Jane Doe").
fn organisation_of_before(ctx: &Context<'_>, toks: &[Token], and: usize, i: usize) -> bool {
    let text = &ctx.doc.text;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    if !toks[and + 1..=i].iter().all(|t| is_cap_word(text, t)) {
        return false;
    }
    let mut j = and;
    // (Over a list with its commas too: "the Ministry of Economy, Culture and Innovation",
    // whose last word may be any.)
    let mut list = false;
    while j > 0 && and - j < 6 {
        let comma = word(j - 1) == ","
            && j < and
            && j >= 2
            && toks[j - 2].end == toks[j - 1].start
            && is_cap_word(text, &toks[j - 2]);
        if !(comma || (is_cap_word(text, &toks[j - 1]) && word(j - 1) != "The")) {
            break;
        }
        list |= comma;
        j -= 1;
    }
    if !list && !ctx.rules.not_names.contains(word(i)) {
        return false;
    }
    if j == and || j == 0 {
        return false;
    }
    // "the Department of Health and Social Care".
    let of = j >= 2 && word(j - 1) == "of" && ctx.rules.organisation_words.contains(word(j - 2));
    // "the Health and Safety Executive", "the Fish and Wildlife Service": subjects joined
    // after "the", none a title ("the Mayor and Deputy Mayor" are two).
    let subjects = word(j - 1).eq_ignore_ascii_case("the")
        && toks[j..and].iter().all(|t| {
            t.base_class & crate::lexicon::class::ROLE_HEAD == 0
                && !ctx.rules.given_names.contains_key(&text[t.start..t.end])
        });
    of || subjects
}

/// Whether the "and" at `and` joins the subjects of one body's name after the article at `det`:
/// capitalised words on both sides, none a title before it, and the last a word that is never
/// a name ("the Food and Drug Administration", "the Fish and Wildlife Service").
fn and_joins_name(ctx: &Context<'_>, toks: &[Token], det: usize, and: usize) -> bool {
    let text = &ctx.doc.text;
    if and <= det + 1
        || !toks[det + 1..and]
            .iter()
            .all(|t| is_cap_word(text, t) && t.base_class & crate::lexicon::class::ROLE_HEAD == 0)
    {
        return false;
    }
    let mut k = and + 1;
    while k < toks.len() && k - and <= 3 && is_cap_word(text, &toks[k]) {
        k += 1;
    }
    k > and + 1
        && ctx
            .rules
            .not_names
            .contains(&text[toks[k - 1].start..toks[k - 1].end])
        && toks.get(k).is_none_or(|t| !is_cap_word(text, t))
}

/// A speaker described by a post and the organisation it speaks for, whose name (and the
/// place where it sits) ends before the verb: "A spokesperson for the Department of
/// Infrastructure in Canberra said", "a spokesperson for Health New Zealand said", "A
/// spokesperson for the Djibouti Ports and Free Zones Authority, replying …, stated". The
/// phrase ends before the place, which is where the speaker is, not who.
fn described_for_organisation(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    // Back over the name to "for" or "from" (at most 12 words).
    let mut j = i;
    let mut place = None;
    loop {
        if j == 0 || i - j > 12 {
            return None;
        }
        j -= 1;
        let w = word(j);
        if matches!(w, "for" | "from") {
            break;
        }
        if matches!(w, "in" | "at") && place.is_none() && j < i {
            place = Some(j);
            continue;
        }
        if !(is_cap_word(text, &toks[j]) || matches!(w, "of" | "the" | "and" | "&")) {
            return None;
        }
    }
    // The name opens with a capital after its article, and a capitalised word ends it
    // before the place.
    let open = if word(j + 1) == "the" { j + 2 } else { j + 1 };
    let end = place.map_or(i, |p| p - 1);
    if open > end
        || !is_cap_word(text, &toks[open])
        || !is_cap_word(text, &toks[end])
        || (place.is_none() && open == i && word(j + 1) != "the")
    {
        return None;
    }
    // (Only where the plain walk back over capitalised words stops inside the name: at a
    // place, a connector, or a word that is never a name's, "New" of "Health New Zealand".)
    let inner = place.is_some()
        || toks[open..end].iter().any(|t| {
            let w = &text[t.start..t.end];
            matches!(w, "of" | "the" | "and" | "&") || ctx.rules.not_names.contains(w)
        });
    if !inner {
        return None;
    }
    // A post in lower case before "for" with its determiner: "a spokesperson for".
    let h = j.checked_sub(1)?;
    let hl = lower_word(ctx.doc, &toks[h]);
    let head = toks[h].kind == TokenKind::Word
        && text[toks[h].start..].starts_with(|c: char| c.is_lowercase())
        && (toks[h].class & crate::lexicon::class::ROLE_HEAD != 0
            || ctx.rules.source_nouns.contains_key(hl.as_ref()));
    if !head {
        return None;
    }
    let d = (h.saturating_sub(3)..h)
        .rev()
        .find(|&k| DESCRIBED_DETS.contains(&lower_word(ctx.doc, &toks[k]).as_ref()))?;
    toks[d + 1..h]
        .iter()
        .all(|t| t.kind == TokenKind::Word && t.cue & cue::SPEECH == 0)
        .then(|| SpeakerRef::Phrase(toks[d].start, toks[end].end))
}

/// Whether the token at `k` is the apostrophe of a plural owner inside a name, between two
/// capitalised words: "Employers' Forum", "Sky Networks' Sophie Turner Laing".
fn owner_apostrophe(text: &str, toks: &[Token], k: usize) -> bool {
    k >= 1
        && matches!(&text[toks[k].start..toks[k].end], "'" | "’")
        && toks[k - 1].end == toks[k].start
        && is_cap_word(text, &toks[k - 1])
        && text[toks[k - 1].start..toks[k - 1].end].ends_with('s')
        && toks.get(k + 1).is_some_and(|n| is_cap_word(text, n))
}

fn is_cap_word(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && name_cased(&text[t.start..t.end])
}

/// Whether a word is written as a name: capitalised, or an Arabic surname after its article
/// in lower case ("al-Junaibi said").
fn name_cased(w: &str) -> bool {
    // (One look at the first byte settles most words.)
    match w.as_bytes().first() {
        Some(b'A'..=b'Z') => true,
        Some(b'a' | b'e') => ["al-", "el-"].iter().any(|a| {
            w.strip_prefix(a)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        }),
        // (Or a particle joined to its capital: "deBrum-Lakjohn said".)
        Some(b'd' | b'v') => crate::text::camel_particle(w),
        Some(&b) if b >= 0x80 => w.starts_with(char::is_uppercase),
        _ => false,
    }
}

/// An abbreviated title's full stop ("Rep.", "Sen.", "Mr."): token `i` is a `.` right after an
/// honorific.
fn title_stop(ctx: &Context<'_>, toks: &[Token], i: usize) -> bool {
    let text = &ctx.doc.text;
    i > 0
        && &text[toks[i].start..toks[i].end] == "."
        && toks[i].start == toks[i - 1].end
        && ctx
            .rules
            .honorifics
            .contains_key(&text[toks[i - 1].start..toks[i - 1].end])
}

/// An initial's full stop ("G.K. Butterfield", "Loretta E. Lynch"), or a saint's inside a
/// surname ("Dexter St. Rose").
fn initial_stop(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0 && &text[toks[i].start..toks[i].end] == "." && toks[i].start == toks[i - 1].end && {
        let w = &text[toks[i - 1].start..toks[i - 1].end];
        (w.chars().count() == 1 && w.chars().all(char::is_uppercase)) || w == "St"
    }
}

/// Lower-case words inside the name of an organisation or a person.
const NAME_CONNECTORS: &[&str] = &[
    "for", "on", "de", "del", "da", "di", "du", "von", "van", "der", "la", "le",
];

/// Whether a lower-case word after a capitalised word may go on a speaker's noun phrase: a
/// connector, or a word of a title ("campaign chairman"), which is neither a verb in the past
/// tense, a speech verb nor a word that opens a clause.
fn title_word_after_head(t: &Token, lw: &str) -> bool {
    NAME_CONNECTORS.contains(&lw)
        || (!lw.ends_with("ed") && t.cue & cue::SPEECH == 0 && !CLAUSE_WORDS.contains(&lw))
}

/// A noun that can head a speaker's noun phrase: a source noun ("report", "official") or a
/// role or descriptor ("manager", "lawyer").
fn head_noun(ctx: &Context<'_>, t: &Token) -> bool {
    use crate::lexicon::class::{CAPITALISED, DESCRIPTOR, ROLE_HEAD};
    t.kind == TokenKind::Word
        && (t.class & (ROLE_HEAD | DESCRIPTOR) != 0 && t.class & CAPITALISED == 0
            || ctx
                .rules
                .source_nouns
                .contains_key(lower_word(ctx.doc, t).as_ref()))
}

/// A name suffix's full stop ("Robert P. Casey Jr.").
fn suffix_stop(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0
        && &text[toks[i].start..toks[i].end] == "."
        && toks[i].start == toks[i - 1].end
        && matches!(
            &text[toks[i - 1].start..toks[i - 1].end],
            "Jr" | "Sr" | "Snr" | "Jnr"
        )
}

/// The NP right after token `i` (exclusive): for "said the report", "said Sir Anthony",
/// "said spokesman Josh Schwerin", "said Rep. Jim Clyburn".
fn np_starting_at(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let t = toks.get(i)?;
    let lw = lower_word(ctx.doc, t);
    if let Some(p) = pronoun(&lw) {
        return Some(SpeakerRef::Pronoun(p.to_string(), t.start));
    }
    let mut e = i;
    let mut saw_head = false;
    // "said a former senior law enforcement official": a determiner may stand further from
    // its head.
    let led_by_det = matches!(lw.as_ref(), "a" | "an" | "the" | "one" | "another");
    // A capitalised word within the next three tokens (a title before a name).
    let cap_soon = |k: usize| {
        (k + 1..(k + 4).min(toks.len()))
            .take_while(|&j| toks[j].kind == TokenKind::Word)
            .any(|j| is_cap_word(text, &toks[j]))
    };
    // A source noun within the next two words: "one former campaign staffer", "one former GOP
    // leadership aide".
    let noun_soon = |k: usize| {
        (k + 1..(k + 3).min(toks.len()))
            .take_while(|&j| {
                toks[j].kind == TokenKind::Word
                    && !CLAUSE_WORDS.contains(&lower_word(ctx.doc, &toks[j]).as_ref())
            })
            .any(|j| head_noun(ctx, &toks[j]))
    };
    while e < toks.len() && e - i < 9 {
        let lw = lower_word(ctx.doc, &toks[e]);
        let cap = is_cap_word(text, &toks[e]);
        // Also an age before the name: "said 20-year-old Ali Ahmed".
        let det = e == i
            && (matches!(lw.as_ref(), "the" | "its" | "their" | "this" | "a" | "an")
                || (lw.starts_with(|c: char| c.is_ascii_digit()) && lw.ends_with("-year-old")));
        let noun = head_noun(ctx, &toks[e]);
        if cap || noun {
            saw_head = true;
            e += 1;
            if noun && !cap_soon(e - 1) && !noun_soon(e - 1) {
                break;
            }
        } else if (saw_head
            && (title_stop(ctx, toks, e)
                || initial_stop(text, toks, e)
                || suffix_stop(text, toks, e)))
            || det
            || (saw_head && matches!(lw.as_ref(), "of" | "&"))
            // ("said Council of the Haida Nation President Kuuyaas Whitford".)
            || (saw_head
                && !led_by_det
                && lw == "the"
                && text[toks[e - 1].start..toks[e - 1].end] == *"of"
                && toks.get(e + 1).is_some_and(|n| is_cap_word(text, n)))
            // (Subjects joined in a body's name: "said the Food and Drug Administration".)
            || (saw_head && led_by_det && lw == "and" && and_joins_name(ctx, toks, i, e))
            // (Or in a title's subject after "for" or "of", before the name: "said Director
            // for Research and Development Kjersti Vang".)
            || (saw_head
                && lw == "and"
                && e >= i + 2
                && matches!(&text[toks[e - 2].start..toks[e - 2].end], "for" | "of")
                && is_cap_word(text, &toks[e - 1])
                && toks.get(e + 1).is_some_and(|n| is_cap_word(text, n)))
            // (A plural owner's apostrophe inside one: "The Rift Valley Tea Employers'
            // Forum".)
            || (saw_head && owner_apostrophe(text, toks, e))
            // (Two titles joined before the name: "said president and CEO Darlene Roe".)
            || (saw_head
                && lw == "and"
                && head_noun(ctx, &toks[e - 1])
                && toks
                    .get(e + 1)
                    .is_some_and(|n| {
                        n.kind == TokenKind::Word
                            && n.base_class & crate::lexicon::class::ROLE_HEAD != 0
                    })
                && cap_soon(e + 1))
        {
            e += 1;
        } else if toks[e].kind == TokenKind::Word
            && (e - i < 4
                || (!saw_head && e - i < 7 && led_by_det)
                // (After an owner's name, the title owned: "The Progressive Berbice
                // Alliance's regional coordinator".)
                || (e - i < 8
                    && toks[i..e].iter().any(|t| {
                        let w = &text[t.start..t.end];
                        w.ends_with("'s") || w.ends_with("’s")
                    })))
            && (!saw_head
                || ((cap_soon(e) || noun_soon(e)) && title_word_after_head(&toks[e], &lw)))
        {
            // "the inspection report", "spokesman Josh Schwerin": words before the head; after
            // it, the title before a name ("the Trump campaign chairman Paul Manafort") or a
            // name's connector ("Department for Education"), not a verb ("The Post
            // intervened in April").
            e += 1;
        } else {
            break;
        }
    }
    if !saw_head {
        return None;
    }
    // Drop trailing connectors and lower-case words after the last head.
    while e > i {
        let w = &text[toks[e - 1].start..toks[e - 1].end];
        let head = is_cap_word(text, &toks[e - 1])
            || head_noun(ctx, &toks[e - 1])
            || suffix_stop(text, toks, e - 1);
        if head && !matches!(w, "of" | "&" | "the") {
            break;
        }
        e -= 1;
    }
    if e == i {
        return None;
    }
    // "said the senator from Vermont": the place a described speaker is from.
    // (So for any word for a person, and where they are or how many they have: "asked a
    // mother of four in Gadiri".)
    let described = led_by_det
        && !is_cap_word(text, &toks[e - 1])
        && (toks[e - 1].class & crate::lexicon::class::ROLE_HEAD != 0
            || super::people::person_noun(&lower_word(ctx.doc, &toks[e - 1])));
    for _ in 0..2 {
        if !described {
            break;
        }
        let Some(prep) = toks.get(e).map(|t| &text[t.start..t.end]) else {
            break;
        };
        // (Where and how many only after "a": "The BBC's correspondent in Jakarta, Rachel
        // Harvey, told" names her after the phrase.)
        let indefinite = matches!(lower_word(ctx.doc, &toks[i]).as_ref(), "a" | "an");
        if !(prep == "from" || (indefinite && matches!(prep, "in" | "of"))) {
            break;
        }
        let k = toks[e + 1..]
            .iter()
            .take_while(|t| is_cap_word(text, t))
            .count();
        let count = prep == "of"
            && toks.get(e + 1).is_some_and(|t| {
                ctx.rules
                    .number_words
                    .contains_key(lower_word(ctx.doc, t).as_ref())
            });
        if k > 0 && prep != "of" {
            e += 1 + k;
        } else if count {
            e += 2;
        } else {
            break;
        }
    }
    Some(SpeakerRef::Phrase(toks[i].start, toks[e - 1].end))
}

/// A subject's word before a place, which names a public body rather than a person:
/// "Transport Scotland", "Health Canada" (a title's subject, not its head: not "Minister").
pub(crate) fn body_subject(rules: &crate::rules::Rules, w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && crate::text::with_lower(w, |l| {
            rules.title_modifiers.contains(l) && !rules.role_head_set.contains(l)
        })
}

/// Person mention whose name span is exactly `[s, e)` or contains it.
/// The people of a document in text order, for finding the mentions at a place without
/// scanning them all (a run-on line can hold tens of thousands).
struct People<'a> {
    list: &'a [PersonMention],
    /// The document's text, which the mentions index.
    text: &'a str,
    /// The largest end among `list[..=k]`.
    max_end: Vec<usize>,
    /// The rules, for a subject's word before a place, which names a public body
    /// ("Transport Scotland"), not a person (see [`body_subject`]).
    rules: Option<&'a crate::rules::Rules>,
}

impl<'a> People<'a> {
    fn new(list: &'a [PersonMention], text: &'a str) -> People<'a> {
        debug_assert!(list.windows(2).all(|w| w[0].start <= w[1].start));
        let mut m = 0;
        let max_end = list
            .iter()
            .map(|p| {
                m = m.max(p.end);
                m
            })
            .collect();
        People {
            list,
            text,
            max_end,
            rules: None,
        }
    }

    fn with_rules(mut self, rules: &'a crate::rules::Rules) -> People<'a> {
        self.rules = Some(rules);
        self
    }

    /// Whether someone of the document bears `lower` (in lower case) as the last word of
    /// their name: a speaker label's or a heading's word in capitals that names a person.
    fn bears_surname(&self, lower: &str) -> bool {
        self.list.iter().any(|p| {
            p.name
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.to_lowercase() == lower)
        })
    }

    /// Indices of the mentions starting in `[from, to]`.
    fn starting_in(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let a = self.list.partition_point(|p| p.start < from);
        let b = self.list.partition_point(|p| p.start <= to);
        a..b.max(a)
    }
}

impl std::ops::Deref for People<'_> {
    type Target = [PersonMention];
    fn deref(&self) -> &[PersonMention] {
        self.list
    }
}

/// The first mention that holds `[s, e)`, else the first one inside it.
fn person_at(people: &People<'_>, s: usize, e: usize) -> Option<usize> {
    // Holding: starts at or before `s` and ends at or after `e` (any, when `e <= s`).
    let k = people.partition_point(|p| p.start <= s);
    let first_holding = if e <= s {
        0
    } else {
        people.max_end[..k].partition_point(|&m| m < e)
    };
    if first_holding < k {
        return Some(first_holding);
    }
    people.starting_in(s, e).find(|&i| people[i].end <= e)
}

fn to_person(people: &People<'_>, r: SpeakerRef) -> SpeakerRef {
    if let SpeakerRef::Phrase(s, e) = r {
        if let Some(p) = person_at(people, s, e) {
            // Of the names inside a phrase, the head's is the last one not in the possessive:
            // "Hillary Clinton’s campaign manager Robby Mook" is Robby Mook.
            let holds = people[p].start <= s && people[p].end >= e;
            let possessive = |k: usize| {
                let end = people[k].end;
                let (before, after) = (
                    people.text.get(..end).unwrap_or(""),
                    people.text.get(end..).unwrap_or(""),
                );
                ["'s", "’s"]
                    .iter()
                    .any(|m| before.ends_with(m) || after.starts_with(m))
            };
            let p = if holds {
                p
            } else {
                people
                    .starting_in(s, e)
                    .rev()
                    .find(|&k| people[k].end <= e && !possessive(k))
                    .unwrap_or(p)
            };
            // "The Daily Courier reported": a name inside a phrase that opens with "The" is
            // part of an organisation's name.
            let the = matches!(people.text.get(s..s + 4), Some("The " | "the "));
            // (Nor is one inside the name of the body a post speaks for: "A spokesperson for
            // Health New Zealand".)
            let lead_at = people[p].honorific_start.unwrap_or(people[p].start);
            let described = people.text.get(s..lead_at).is_some_and(|lead| {
                let mut words = lead.split_whitespace();
                words.next().is_some_and(|d| {
                    DESCRIBED_DETS.contains(&d.to_lowercase().as_str())
                }) && words
                    .take_while(|w| *w != "for")
                    .all(|w| w.starts_with(|c: char| c.is_lowercase()))
                    && lead.contains(" for ")
                    // (A name right after "for" is whom the post speaks for, which `resolve`
                    // weighs: "a spokesman for Jane Roe".)
                    && !lead.ends_with(" for ")
            });
            // (Nor a place after a subject: "Transport Scotland said"; nor a place's second
            // word after its "New": "Surf Life Saving New Zealand said".)
            let body = people[p].words == 1
                && people[p].honorific_start.is_none()
                && people.text.get(s..people[p].start).is_some_and(|lead| {
                    lead.strip_suffix(' ').is_some_and(|w| {
                        (!w.contains(' ') && people.rules.is_some_and(|r| body_subject(r, w)))
                            || w.rsplit(' ').next() == Some("New")
                    })
                });
            if !(described || body || (the && people[p].start > s)) {
                return SpeakerRef::Person(p);
            }
        }
    }
    r
}

/// A word that may stand between a speaker and the speech verb: those skipped before a verb
/// ahead of a quotation ("later", "also"), and words in -ly ("flatly").
fn is_adverb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase())
        && (SKIP_BEFORE_VERB.contains(&w) || (w.len() > 4 && w.ends_with("ly") && w != "only"))
}

/// Speaker from the text after the closing mark: "…,” Roe said" or "…,” said the report".
fn after_cue(
    ctx: &Context<'_>,
    people: &People<'_>,
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
    // "“…!” Roe said." is still common, but a new sentence whose verb opens a clause
    // reports something else: "“…campaign.” Ohio Gov. John Kasich said he would …".
    let new_sentence = inner_stop && first.chars().next().is_some_and(|c| c.is_uppercase());
    let opens_clause = |vi: usize| new_sentence && clause_after(ctx.doc, &toks[vi + 1..]);
    // A dash and a name: "“…” ― Jane Roe" (testimonials, epigraphs).
    if matches!(first, "―" | "—" | "–" | "-") && toks.len() > 1 && is_cap_word(text, &toks[1])
    {
        let r = np_starting_at(ctx, &toks, 1)?;
        return Some((to_person(people, r), String::new()));
    }
    // verb first: "said the report"
    if toks[0].class & crate::lexicon::class::INVERTING != 0 {
        let r = np_starting_at(ctx, &toks, 1)?;
        return Some((to_person(people, r), first.to_lowercase()));
    }
    // A verb that takes an object inverts too when a name alone ends the sentence after it:
    // "“…,” reported Reuters."
    // (Not a verb whose object is the listener: "…,” she told Associated Press.)
    let listener = matches!(
        first,
        "told" | "tells" | "tell" | "asked" | "asks" | "informed" | "urged" | "thanked"
    );
    if toks[0].cue & cue::SPEECH != 0
        && !listener
        && toks.get(1).is_some_and(|t| is_cap_word(text, t))
    {
        if let Some(r @ SpeakerRef::Phrase(_, e)) = np_starting_at(ctx, &toks, 1) {
            let rest = text[e..limit].trim_start();
            if rest.is_empty() || rest.starts_with(['.', ',']) {
                return Some((to_person(people, r), first.to_lowercase()));
            }
        }
    }
    // NP then verb: "Chalkley said", "it added", "the report concluded"
    for vi in 1..toks.len().min(9) {
        // (A verb's form in capitals is a name's word: "the United States said".)
        if toks[vi].cue & cue::SPEECH != 0 && !is_cap_word(text, &toks[vi]) {
            let w = text_w(&toks[vi]).to_lowercase();
            // Up to two adverbs between the subject and the verb: "she later said", "it
            // further wrote" (not a noun in -ly after a determiner: "the daily wrote").
            let mut ne = vi - 1;
            while ne > 0
                && ne + 2 >= vi
                && is_adverb(text_w(&toks[ne]))
                && !DESCRIBED_DETS.contains(&lower_word(ctx.doc, &toks[ne - 1]).as_ref())
            {
                ne -= 1;
            }
            // (A Luo name's apostrophe ends the subject: "Ochieng’ said".)
            if ne > 0
                && matches!(text_w(&toks[ne]), "'" | "’")
                && toks[ne].start == toks[ne - 1].end
                && super::people::apostrophe_ending(text_w(&toks[ne - 1]))
            {
                ne -= 1;
            }
            // A verb form that is also a noun ("reports") may be the head: look on.
            let Some(r) = np_ending_at(ctx, &toks, ne) else {
                continue;
            };
            // The subject stands right after the quotation: not "“…” when he said".
            match r {
                SpeakerRef::Phrase(s, _) if s != toks[0].start => continue,
                SpeakerRef::Pronoun(..) if toks[..ne].iter().any(|t| t.kind == TokenKind::Word) => {
                    continue
                }
                _ => {}
            }
            if opens_clause(vi) {
                return None;
            }
            return Some((to_person(people, r), w));
        }
        if toks[vi].kind == TokenKind::Punct
            && !matches!(text_w(&toks[vi]), "'" | "’" | "-")
            && !title_stop(ctx, &toks, vi)
            && !initial_stop(text, &toks, vi)
        {
            break;
        }
    }
    // A subject with an appositive or a parenthesis before the verb:
    // "…,” Rep. Jim Clyburn (D-S.C.), the assistant leader, added."
    let r = np_starting_at(ctx, &toks, 0)?;
    let SpeakerRef::Phrase(_, pe) = r else {
        return None;
    };
    let (j, appositive) = past_subject(ctx, &toks, pe)?;
    // "Sanders's campaign manager, Jeff Weaver, said": a name in apposition is the one.
    let mut r = r;
    if let Some((a, b)) = appositive {
        if let Some(p) = person_at(people, a, b) {
            if people[p].start == a && people[p].end == b && !people[p].rule.is_empty() {
                r = SpeakerRef::Person(p);
            }
        }
    }
    let t = toks.get(j)?;
    // (After a quotation that ends its sentence, a verb in a perfect or future tense tells a
    // new event, no attribution: "“…weak.” The Qualifications and Curriculum Authority (QCA)
    // has also told the government …".)
    let narrated = new_sentence
        && toks[j.saturating_sub(2)..j].iter().any(|t| {
            matches!(
                lower_word(ctx.doc, t).as_ref(),
                "has" | "have" | "had" | "will" | "would"
            )
        });
    if t.cue & cue::SPEECH != 0 && !opens_clause(j) && !narrated {
        return Some((to_person(people, r), text_w(t).to_lowercase()));
    }
    None
}

/// The speaker named on a line of its own after a quotation that ends its paragraph, behind a
/// dash: "“…”⏎⏎- Sanders.", "“…”⏎—President Obama, tweeting after the speech."
fn signature_after(ctx: &Context<'_>, people: &People<'_>, close_end: usize) -> Option<SpeakerRef> {
    let doc = ctx.doc;
    let text = &doc.text;
    let pi = doc.paragraph_at(close_end.saturating_sub(1))?;
    let para = doc.paragraphs[pi];
    if !text[close_end..para.end].trim().is_empty() {
        return None;
    }
    let next = doc.paragraphs.get(pi + 1)?;
    let toks = doc.tokens(next.start, next.end);
    if toks.len() > 24 {
        return None;
    }
    let is_dash = |s: &str| matches!(s, "―" | "—" | "–" | "-");
    // The dash opens the paragraph, or stands before it as a list marker would.
    let first = if is_dash(&text[toks.first()?.start..toks[0].end]) {
        1
    } else if is_dash(text.get(para.end..toks[0].start).unwrap_or("").trim()) {
        0
    } else {
        return None;
    };
    let name = toks.get(first)?;
    let gap = if first == 1 {
        &text[toks[0].end..name.start]
    } else {
        ""
    };
    if !is_cap_word(text, name) || gap.len() > 1 {
        return None;
    }
    // A title before the name signs it too: "– Minister of Energy, Mines and Resources
    // Daniel Okafor-Reid" (the last name of the line, after a few words).
    if let Some(k) = people.starting_in(name.start, next.end).last() {
        let title = &text[name.start..people[k].honorific_start.unwrap_or(people[k].start)];
        let rest = text[people[k].end..next.end].trim();
        // (A title's words: "- There was also recognition for James Clarke" is a sentence.)
        let title_word = |w: &str| {
            w.starts_with(char::is_uppercase) || matches!(w, "of" | "and" | "&" | "the" | "for")
        };
        if title.split_whitespace().count() <= 10
            && title.split_whitespace().all(title_word)
            && !title.contains(['.', '!', '?', ';', ':'])
            && (rest.is_empty() || rest == "." || rest.starts_with(','))
        {
            return Some(SpeakerRef::Person(k));
        }
    }
    let r = to_person(people, np_starting_at(ctx, &toks, first)?);
    // Only a name and what describes it: "- Sanders.", "—Jane Roe, on Tuesday."; not a
    // sentence ("- The campaign has many problems").
    let end = match r {
        SpeakerRef::Person(p) => people[p].end,
        SpeakerRef::Phrase(_, e) => e,
        SpeakerRef::Pronoun(..) => return None,
    };
    let rest = text.get(end..next.end)?.trim();
    (rest.is_empty() || rest == "." || rest.starts_with(',')).then_some(r)
}

/// Whether a quotation closing at `close_end` ends its sentence: a full stop, "!" or "?"
/// inside the marks and a capital after them ("“…anguish.” This sort of opining, …").
fn ends_sentence(text: &str, close_end: usize) -> bool {
    let prev = text[..close_end].trim_end_matches(['”', '"', '’', '\'']);
    // (The end of the text ends a sentence too.)
    prev.ends_with(['.', '!', '?'])
        && text[close_end..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(char::is_uppercase)
}

/// Whether the words after a speech verb, up to the end of its sentence, open a clause of
/// their own ("said he would", "said that …"): the verb then reports that clause, not a
/// quotation before it.
fn clause_after(doc: &Document, toks: &[Token]) -> bool {
    const OPENERS: &[&str] = &["that", "he", "she", "they", "it", "we", "i", "you", "there"];
    // A clause stands right after the verb or its object ("told reporters he would"); one
    // after a preposition or a conjunction is an adjunct ("said as he launched the vote").
    const ADJUNCTS: &[&str] = &[
        "as", "when", "while", "after", "before", "because", "if", "since", "in", "on", "at", "to",
        "during", "with", "for", "of", "and", "but",
    ];
    for t in toks.iter().filter(|t| t.kind == TokenKind::Word).take(2) {
        let w = doc.lower(t.start, t.end);
        if OPENERS.contains(&w.as_ref()) {
            return true;
        }
        if ADJUNCTS.contains(&w.as_ref()) {
            return false;
        }
    }
    false
}

/// Where the verb of a subject ending at `pe` may be: the first token after the subject's
/// parenthesis ("Rep. Jim Clyburn (D-S.C.)"), its appositive (", the assistant leader,") and
/// adverbs ("also"). Gives that token's index and the appositive's span, if any.
fn past_subject(
    ctx: &Context<'_>,
    toks: &[Token],
    pe: usize,
) -> Option<(usize, Option<(usize, usize)>)> {
    let text = &ctx.doc.text;
    let w = |t: &Token| &text[t.start..t.end];
    let mut j = toks.iter().position(|t| t.start >= pe)?;
    if w(&toks[j]) == "(" {
        j += toks[j..].iter().take(12).position(|t| w(t) == ")")? + 1;
    }
    // Where the subject comes from: "Mr. Morgan of the Sierra Club said".
    if toks.get(j).is_some_and(|t| w(t) == "of") {
        let mut k = j + 1;
        if toks.get(k).is_some_and(|t| matches!(w(t), "the" | "The")) {
            k += 1;
        }
        let names = toks[k.min(toks.len())..]
            .iter()
            .take(5)
            .take_while(|t| is_cap_word(text, t))
            .count();
        if names > 0 {
            j = k + names;
        }
    }
    // The words a subject's verb may stand behind, and the next mark that ends an apposition.
    let skip = |mut j: usize| {
        while j < toks.len() && SKIP_BEFORE_VERB.contains(&lower_word(ctx.doc, &toks[j]).as_ref()) {
            j += 1;
        }
        j
    };
    let stop = |from: usize| {
        toks[from..]
            .iter()
            .take(25)
            .position(|t| matches!(w(t), "," | "“" | "”" | "\"" | ";" | ":"))
    };
    let mut appositive = None;
    if toks.get(j).is_some_and(|t| w(t) == ",") {
        let k = stop(j + 1)?;
        if k > 0 {
            appositive = Some((toks[j + 1].start, toks[j + k].end));
        }
        j += 1 + k;
        if w(&toks[j]) != "," {
            return None;
        }
        j += 1;
        // A second appositive, when the verb follows it: "Scott Pruitt, the attorney general
        // of Oklahoma, one of the states suing the EPA, said".
        // (Only after a description, and not a relative clause: "Harry Bond, 30, of Raleigh,
        // N.C., who was polled, said", "… Of Carson, Levine, who gave money, said, …".)
        let described = appositive.is_some_and(|(a, _)| {
            text[a..].starts_with(|c: char| c.is_lowercase())
                && toks
                    .get(j)
                    .is_some_and(|t| !matches!(w(t), "who" | "whose" | "which" | "where" | "whom"))
        });
        // (After an age, up to three more, a place's and a relative clause too: "Harry
        // Bond, 30, of Raleigh, N.C., who was among those polled, said".)
        let aged = appositive.is_some_and(|(a, b)| text[a..b].bytes().all(|c| c.is_ascii_digit()));
        if aged {
            let mut k = j;
            for _ in 0..3 {
                if toks.get(skip(k)).is_some_and(|t| t.cue & cue::SPEECH != 0) {
                    break;
                }
                let Some(n) = stop(k).filter(|&n| n > 0 && w(&toks[k + n]) == ",") else {
                    break;
                };
                k += n + 1;
                if toks.get(skip(k)).is_some_and(|t| t.cue & cue::SPEECH != 0) {
                    j = k;
                    break;
                }
            }
        } else if described && toks.get(skip(j)).is_some_and(|t| t.cue & cue::SPEECH == 0) {
            if let Some(k) = stop(j).filter(|&k| k > 0 && w(&toks[j + k]) == ",") {
                if toks
                    .get(skip(j + k + 1))
                    .is_some_and(|t| t.cue & cue::SPEECH != 0)
                {
                    j += k + 1;
                }
            }
        }
    }
    Some((skip(j), appositive))
}

/// Tokens of `[start, end)` outside quotations (so that words inside quotes are not cues).
fn tokens_outside_quotes(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Vec<Token> {
    let toks = ctx.doc.tokens(start, end);
    // Quotations are in text order and do not overlap: only the last one opening before a
    // token can hold it. Found by one binary search, then followed along the tokens (which
    // are in text order too), so that long documents stay linear.
    let mut i = quotes.partition_point(|q| q.2 <= start);
    let mut out = Vec::with_capacity(toks.len());
    for t in toks.iter() {
        while i < quotes.len() && quotes[i].2 <= t.start {
            i += 1;
        }
        let held = quotes[..i]
            .iter()
            .rev()
            .take(2)
            .any(|q| q.2 <= t.start && t.end <= q.3);
        if !held {
            out.push(*t);
        }
    }
    out
}

/// Speaker from a cue before the quotation in `[start, open)`: the last speech verb and its
/// subject, or "according to X".
fn before_cue(
    ctx: &Context<'_>,
    people: &People<'_>,
    start: usize,
    open: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Option<(SpeakerRef, String)> {
    let toks = tokens_outside_quotes(ctx, start, open, quotes);
    // The last speech verb with a subject ("tweets" may be a noun: look further back).
    // (Not one that cues a quotation after it only: "said residents had started building".)
    let verbs: Vec<usize> = (0..toks.len())
        .rev()
        .filter(|&k| {
            toks[k].cue & cue::SPEECH != 0
                && !ctx
                    .rules
                    .after_only_verbs
                    .contains(lower_word(ctx.doc, &toks[k]).as_ref())
        })
        .take(3)
        .collect();
    // A subject that names no one gives way to an earlier verb's: "Ms Roe told the committee
    // that the funding settlement agreed in May was “…”" is Ms Roe's.
    let text = &ctx.doc.text;
    let no_one = |r: &SpeakerRef| match r {
        SpeakerRef::Phrase(a, b) => {
            let last = text[*a..*b].rsplit(' ').next().unwrap_or("");
            // (Groups of people and organisations are someone: "the protesters", "the club".)
            let people_noun = ["ers", "ists", "ians", "ors"]
                .iter()
                .any(|e| last.ends_with(e));
            last.starts_with(|c: char| c.is_lowercase())
                && !people_noun
                && !ctx
                    .rules
                    .organisation_words
                    .contains(&crate::text::capitalise_first(last))
                && crate::text::with_lower(last, |l| {
                    !ctx.rules.source_nouns.contains_key(l)
                        && !ctx.rules.role_head_set.contains(l)
                        && !ctx.rules.descriptors.contains(l)
                })
        }
        _ => false,
    };
    let mut first = None;
    for vi in verbs {
        if let Some(found) = subject_of_verb(ctx, people, start, &toks, vi) {
            if !no_one(&found.0) {
                return Some(found);
            }
            first.get_or_insert(found);
        }
    }
    first
}

/// The person after "from" that a document noun ("message", "letter", "note") names as its
/// author in `[start, end)`, where the quotation that the colon at `end` opens is that
/// document's words: "read a written message from Fr Jüri Mänd, who was unable to attend:".
fn message_from(ctx: &Context<'_>, people: &People<'_>, start: usize, end: usize) -> Option<usize> {
    let text = &ctx.doc.text;
    let lead = &text[start..end];
    let k = lead.rfind(" from ")?;
    let noun = lead[..k].rsplit(' ').next()?;
    if ctx.rules.source_nouns.get(noun) != Some(&"document") {
        return None;
    }
    let from = start + k + " from ".len();
    let p = people.starting_in(from, end).next()?;
    // (The name right after "from", its honorific too; a relative clause may follow it.)
    let named_at = people[p].honorific_start.unwrap_or(people[p].start);
    let after = text[people[p].end..end].trim_end_matches([':', ' ']);
    (named_at == from && (after.is_empty() || after.starts_with(", who "))).then_some(p)
}

/// The means by which one speaks, which "by" after a speech verb may name instead of an
/// agent: "said by telephone that …".
const MEANS: &[&str] = &[
    "telephone",
    "phone",
    "email",
    "e-mail",
    "video",
    "videolink",
    "text",
    "letter",
    "post",
    "radio",
    "satellite",
    "message",
    "mail",
    "fax",
    "zoom",
    "whatsapp",
    "teleconference",
];

/// The speaker of the speech verb at token `vi`: its subject, or the agent of a passive.
fn subject_of_verb(
    ctx: &Context<'_>,
    people: &People<'_>,
    start: usize,
    toks: &[Token],
    vi: usize,
) -> Option<(SpeakerRef, String)> {
    let text = &ctx.doc.text;
    let verb = lower_word(ctx.doc, &toks[vi]).into_owned();
    // Passive: "described by the report as" (not the means of speaking: "said by telephone
    // that").
    if toks
        .get(vi + 1)
        .is_some_and(|t| &text[t.start..t.end] == "by")
        && toks
            .get(vi + 2)
            .is_none_or(|t| !MEANS.contains(&lower_word(ctx.doc, t).as_ref()))
    {
        if let Some(r) = np_starting_at(ctx, toks, vi + 2) {
            return Some((to_person(people, r), verb));
        }
    }
    let mut i = vi;
    // Skip adverbs and a day or month before the verb: "Priebus on Thursday told".
    while i > 0 {
        let w = lower_word(ctx.doc, &toks[i - 1]);
        let calendar = crate::lexicon::class::WEEKDAY | crate::lexicon::class::MONTH;
        let day = toks[i - 1].class & calendar != 0;
        // (A habit's: "used to say", "likes to remind us".)
        let habit = w == "to"
            && i >= 2
            && matches!(
                lower_word(ctx.doc, &toks[i - 2]).as_ref(),
                "used" | "likes" | "liked" | "loves" | "loved"
            );
        if habit {
            i -= 2;
        } else if SKIP_BEFORE_VERB.contains(&w.as_ref()) || day {
            i -= 1;
            if day && i > 0 && lower_word(ctx.doc, &toks[i - 1]) == "on" {
                i -= 1;
            }
        } else {
            break;
        }
    }
    if i == 0 {
        // The verb opens the sentence and its subject follows: "Said Ellis: “…”".
        // (Not a verb after a quotation: "“…,” said Roe." is the after-cue's.)
        if vi == 0
            && toks[vi].class & crate::lexicon::class::INVERTING != 0
            && !matches!(verb.as_str(), "asked" | "asks" | "told" | "tells")
            && text[start..toks[vi].start].trim().is_empty()
        {
            // (Its subject ends the introduction: not "Asked whether the campaign should …,
            // Mr. Smith shot back:".)
            let r = np_starting_at(ctx, toks, 1)?;
            let last = toks.last().map_or(0, |t| t.end);
            if let SpeakerRef::Phrase(_, e) = r {
                if e <= last && matches!(text[e..last].trim(), "" | ":" | ",") {
                    return Some((to_person(people, r), verb));
                }
            }
        }
        return None;
    }
    // A participle after a comma has the subject of the sentence: "He mentioned his campaign
    // only briefly, joking that …", "The council changed its plan in May, stating that …".
    let comma_before = &text[toks[i - 1].start..toks[i - 1].end] == ",";
    if comma_before && verb.ends_with("ing") {
        if let Some(r) = sentence_subject(ctx, people, toks, vi) {
            return Some((to_person(people, r), verb));
        }
    }
    // A comma before the verb closes an appositive: the subject is the name that opens the
    // clause before it ("Sanders, the senator from Vermont, said"), else the last person named.
    // (A person described and a relative clause set off by commas are one subject: "An
    // elderly spectator from Chadaana, who had watched every final, said".)
    if &text[toks[i - 1].start..toks[i - 1].end] == "," {
        if let Some(r) = described_with_modifiers(ctx, toks, i) {
            return Some((r, verb));
        }
        if let Some(c) = toks[..i - 1]
            .iter()
            .position(|t| &text[t.start..t.end] == ",")
        {
            // Not a dateline: "NORTHFOLD, 12 March 2024 — Jane Roe, owner of …, said".
            let dateline = || {
                toks[..i - 1]
                    .iter()
                    .any(|t| matches!(&text[t.start..t.end], "—" | "–" | "-" | "―"))
                    || !text[toks[0].start..toks[c - 1].end]
                        .chars()
                        .any(char::is_lowercase)
            };
            if c > 0 && c < i - 2 && is_cap_word(text, &toks[0]) && !dateline() {
                if let Some(r @ SpeakerRef::Phrase(s, e)) = np_ending_at(ctx, toks, c - 1) {
                    // A description named in the apposition: "The club chairman, Tom
                    // Walsh, said" is Tom Walsh.
                    let (a, b) = (toks[c + 1].start, toks[i - 2].end);
                    // (The name may close an apposition of its own: "The Deputy Bailiff,
                    // Helen Renouf, sitting with Jurats Anne Roe and Tom Hale, said".)
                    let named = people.starting_in(a, b).find(|&k| {
                        (people[k].start == a || people[k].honorific_start == Some(a))
                            && (people[k].end == b || text[people[k].end..b].starts_with(", "))
                    });
                    // (A title in capitals describes too: "The Vice-Chancellor, Professor Sir
                    // Malcolm Oduya, said".)
                    let described = || {
                        let words = text[s..e].split_whitespace();
                        words.clone().any(|w| w.starts_with(char::is_lowercase))
                            || words.last().is_some_and(|w| {
                                crate::text::with_lower(w, |l| ctx.rules.role_head_set.contains(l))
                            })
                    };
                    if let Some(k) = named.filter(|_| described()) {
                        return Some((SpeakerRef::Person(k), verb));
                    }
                    if s == toks[0].start {
                        return Some((to_person(people, r), verb));
                    }
                }
            }
        }
        let vpos = toks[vi].start;
        // A relative clause between the subject and its verb: "Dr Ada Eze, who wrote the report
        // with senior researcher Tom Hale, said" is Ada Eze.
        let relative = people.starting_in(start, vpos).find(|&k| {
            let after = &text[people[k].end..vpos];
            (after.starts_with(", who ") || after.starts_with(", whose "))
                && after[2..].matches(", who").count() == 0
        });
        if let Some(k) = relative {
            return Some((SpeakerRef::Person(k), verb));
        }
        let p = people
            .starting_in(start, vpos)
            .rev()
            .find(|&k| people[k].end <= vpos);
        if let Some(p) = p {
            return Some((SpeakerRef::Person(p), verb));
        }
        // "Democratic nominee Hillary Clinton, at a later press gaggle, said": the noun phrase
        // before the opening comma of the appositive.
        let c = toks[..i - 1]
            .iter()
            .rposition(|t| &text[t.start..t.end] == ",")?;
        if c == 0 || i - 1 - c > 25 {
            return None;
        }
        let r = np_ending_at(ctx, toks, c - 1)?;
        return Some((to_person(people, r), verb));
    }
    // A relative clause: "sentenced by Judge Jane Roe, who told her:" is Jane Roe's.
    if i >= 3
        && &text[toks[i - 1].start..toks[i - 1].end] == "who"
        && &text[toks[i - 2].start..toks[i - 2].end] == ","
    {
        let comma = toks[i - 2].start;
        // (With the place the person is of between: "presented by Chief Tšeliso Mojela of Ha
        // Mojela, who told the runners".)
        // (Or "in" or "from" it: "a text from Maeve Considine in Kilrush, who writes:".)
        let of_place = |gap: &str| {
            [" of ", " in ", " from "]
                .iter()
                .find_map(|p| gap.strip_prefix(p))
                .is_some_and(|p| {
                    let words: Vec<&str> = p.split(' ').collect();
                    words.len() <= 4 && words.iter().all(|w| w.starts_with(char::is_uppercase))
                })
        };
        // (Or the person's post: "led by Dr Karl-Erik von Stackelberg, chief conservator of
        // the Saaremaa Museum, who described the roof as …".)
        let post = |k: usize| {
            let end = people[k].end;
            text[end..comma].starts_with(", ")
                && crate::extract::roles::appositive_after(ctx, comma, end + 1)
                    .is_some_and(|(_, e)| text[e..comma].trim().is_empty())
        };
        if let Some(k) = people.starting_in(start, comma).rev().find(|&k| {
            let gap = &text[people[k].end..comma];
            gap.trim().is_empty() || of_place(gap) || post(k)
        }) {
            return Some((SpeakerRef::Person(k), verb));
        }
    }
    // A pronoun after "whom" is not the person before it: "toured with the fiddler Murchadh
    // MacAmhlaigh, whom she later described as …" is the sentence's subject's.
    // (It is read where the person named before "whom" starts, so that it goes to someone
    // named before that person.)
    if i >= 3
        && &text[toks[i - 2].start..toks[i - 2].end] == "whom"
        && &text[toks[i - 3].start..toks[i - 3].end] == ","
    {
        let lw = lower_word(ctx.doc, &toks[i - 1]);
        let comma = toks[i - 3].start;
        if let (Some(p), Some(k)) = (
            pronoun(&lw),
            people
                .starting_in(start, comma)
                .rev()
                .find(|&k| people[k].end == comma),
        ) {
            return Some((SpeakerRef::Pronoun(p.to_string(), people[k].start), verb));
        }
    }
    if let Some(r) = described_with_modifiers(ctx, toks, i) {
        return Some((r, verb));
    }
    // A person and the body or place they are of: "Chief Lorraine Denny-Googoo of Eskasoni
    // First Nation said" is the chief.
    let vpos = toks[i - 1].end;
    if let Some(k) = people.starting_in(start, vpos).rev().find(|&k| {
        people[k].end < vpos
            && text[people[k].end..vpos]
                .strip_prefix(" of ")
                .is_some_and(|p| {
                    let words: Vec<&str> = p.split(' ').collect();
                    (1..=5).contains(&words.len())
                        && words[0].starts_with(char::is_uppercase)
                        && words.iter().all(|w| {
                            w.starts_with(char::is_uppercase) || matches!(*w, "the" | "of")
                        })
                })
    }) {
        return Some((SpeakerRef::Person(k), verb));
    }
    match np_ending_at(ctx, toks, i - 1) {
        Some(r) => Some((to_person(people, r), verb)),
        // "Carson … but told his supporters", "he began by saying": the sentence's subject.
        None => sentence_subject(ctx, people, toks, vi)
            .map(|r| (titled_person(ctx, people, r, toks[vi].start), verb)),
    }
}

/// Prepositions that go on a described person's phrase after its head ("a woman from Paris",
/// "a man near the pier"); `resolve` reads the same phrases back.
pub(crate) const DESCRIPTION_PREPOSITIONS: &[&str] = &[
    "from", "of", "in", "at", "near", "on", "outside", "inside", "behind", "with", "by",
];

/// A described speaker whose phrase goes on after its head, up to the verb at token `i`: "An
/// elderly woman selling pandanus mats near the airstrip said", "One young ranger from
/// Bidyadanga said" (not the last noun, "the airstrip", which the phrase only mentions).
fn described_with_modifiers(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<SpeakerRef> {
    use crate::lexicon::class::{DESCRIPTOR, ROLE_HEAD};
    if !(3..=28).contains(&i) {
        return None;
    }
    let text = &ctx.doc.text;
    let opens = ctx
        .doc
        .sentence_at(toks[0].start)
        .is_some_and(|s| ctx.doc.sentences[s].start == toks[0].start);
    let indefinite = matches!(
        lower_word(ctx.doc, &toks[0]).as_ref(),
        "a" | "an" | "one" | "another"
    );
    if !(opens && indefinite) {
        return None;
    }
    // The head: a word for a person after at most three words in lower case.
    let h = (1..i.min(5)).find(|&k| {
        toks[k].kind == TokenKind::Word
            && (toks[k].base_class & (DESCRIPTOR | ROLE_HEAD) != 0
                || super::people::person_noun(&lower_word(ctx.doc, &toks[k])))
    })?;
    let lower =
        |t: &Token| t.kind == TokenKind::Word && text[t.start..].starts_with(char::is_lowercase);
    if !toks[1..h].iter().all(lower) || h + 2 > i {
        return None;
    }
    // A relative clause ends the phrase: "A woman in her sixties who carries water … said",
    // "An elderly spectator from Chadaana, who had watched every final, said".
    let word = |k: usize| lower_word(ctx.doc, &toks[k]);
    let who = (h + 1..i).find(|&k| word(k) == "who");
    let end = match who {
        Some(w) if word(w - 1) == "," => {
            // (Set off by commas: the verb comes right after the second.)
            if word(i - 1) != "," || toks[w..i - 1].iter().any(|t| &text[t.start..t.end] == ",") {
                return None;
            }
            w - 1
        }
        Some(w) => {
            if toks[w..i].iter().any(|t| t.kind == TokenKind::Punct) {
                return None;
            }
            w
        }
        None => i,
    };
    if end == h + 1 {
        return (who.is_some()).then(|| SpeakerRef::Phrase(toks[0].start, toks[h].end));
    }
    // Then a preposition or a participle, and words only up to the verb.
    let next = word(h + 1);
    if !(DESCRIPTION_PREPOSITIONS.contains(&next.as_ref())
        || (next.len() > 4 && next.ends_with("ing")))
    {
        return None;
    }
    let i = end;
    let plain = toks[h + 1..i].iter().all(|t| {
        t.kind != TokenKind::Punct
            && t.cue & cue::SPEECH == 0
            && !matches!(
                lower_word(ctx.doc, t).as_ref(),
                "who" | "which" | "that" | "and" | "but" | "is" | "was" | "were" | "are"
            )
    });
    plain.then(|| SpeakerRef::Phrase(toks[0].start, toks[i - 1].end))
}

/// The person a subject's title goes on to: "Llama herders’ leader Justina Colque de Flores
/// welcomed …" opens with "Llama", whose phrase stops at the words in lower case, but its head
/// is the person after the title (at most four words, the last a role head, no punctuation).
fn titled_person(ctx: &Context<'_>, people: &People<'_>, r: SpeakerRef, verb: usize) -> SpeakerRef {
    let text = &ctx.doc.text;
    if let SpeakerRef::Phrase(_, e) = r {
        if let Some(k) = people.starting_in(e, verb).find(|&k| people[k].end <= verb) {
            let lead = people[k].honorific_start.unwrap_or(people[k].start);
            // (A title that the phrase holds already leaves no gap.)
            let gap = text.get(e..lead).unwrap_or("");
            let words: Vec<&str> = gap.split_whitespace().collect();
            let titled = (1..=4).contains(&words.len())
                && !gap.contains([',', ';', ':', '.', '(', '"', '“', '”'])
                && words.last().is_some_and(|w| {
                    crate::text::with_lower(w, |l| ctx.rules.role_head_set.contains(l))
                });
            if titled {
                return SpeakerRef::Person(k);
            }
        }
    }
    to_person(people, r)
}

/// The noun phrase opening the clause (a name, a pronoun or "the …") when it comes before the
/// verb at `vi`.
fn sentence_subject(
    ctx: &Context<'_>,
    people: &People<'_>,
    toks: &[Token],
    vi: usize,
) -> Option<SpeakerRef> {
    if let Some(r) = clause_opening(ctx, people, toks, vi) {
        return Some(r);
    }
    // After an opening phrase: "Here in Columbia, Sanders stepped up …, saying".
    let text = &ctx.doc.text;
    let comma = |k: &usize| &text[toks[*k].start..toks[*k].end] == ",";
    let c = (0..vi.min(30)).find(comma)?;
    if c < 12 {
        if let Some(r) = clause_opening(ctx, people, &toks[c + 1..], vi - c - 1) {
            return Some(r);
        }
    }
    // After a longer opening phrase, or one with commas of its own: "After remaining neutral
    // throughout the long primary, Warren appeared …, saying". The subject must be followed by
    // a verb here, as a later comma may open anything.
    for c2 in (c..vi.min(30)).filter(comma) {
        let rest = &toks[c2 + 1..];
        let Some(r @ SpeakerRef::Phrase(_, e)) = clause_opening(ctx, people, rest, vi - c2 - 1)
        else {
            continue;
        };
        let verb = rest.iter().find(|t| t.start >= e).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !is_cap_word(text, t)
                && !NOT_A_VERB.contains(&lower_word(ctx.doc, t).as_ref())
        });
        if verb {
            return Some(r);
        }
    }
    None
}

/// [`sentence_subject`] for a clause's tokens.
fn clause_opening(
    ctx: &Context<'_>,
    people: &People<'_>,
    toks: &[Token],
    vi: usize,
) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let first = toks.first()?;
    let w = &text[first.start..first.end];
    let lw = lower_word(ctx.doc, first);
    // A word that is no name may open a title before one: "House Speaker Paul Ryan".
    let titled = || {
        use crate::lexicon::class::{HONORIFIC, ROLE_HEAD, TITLE};
        toks.get(1)
            .is_some_and(|t| is_cap_word(text, t) && t.class & (HONORIFIC | ROLE_HEAD | TITLE) != 0)
    };
    let ok = PRONOUNS.contains(&lw.as_ref())
        || DETS.contains(&lw.as_ref())
        || (is_cap_word(text, first)
            && !party_tag(w)
            && (!ctx.rules.not_names.contains(w) || titled()));
    // "Eight years ago, he …", "Tuesday, she …": a time, not a subject.
    let time = first.cue & cue::NUMBER != 0
        || first.date & (crate::rules::trigger::WEEKDAY | crate::rules::trigger::RELDAYS) != 0;
    if !ok || lw == "it" || lw == "they" || time || opening_participle(ctx.doc, toks) {
        return None;
    }
    let r = np_starting_at(ctx, toks, 0)?;
    match r {
        SpeakerRef::Phrase(_, e) if e > toks[vi].start => None,
        // A capitalised word, no one's name, that opens an adverbial phrase, not a subject:
        // "Hours later, Trump …, telling", "Back in 1999, Mr. Trump …", "Reached by
        // POLITICO, Bennett …": a subject's verb follows it.
        SpeakerRef::Phrase(s, e)
            if !PRONOUNS.contains(&lw.as_ref())
                && !DETS.contains(&lw.as_ref())
                && !text[s..e].contains(' ')
                && person_at(people, s, e).is_none()
                && !known_surname(people, &text[s..e], s)
                && !verb_follows(ctx, toks, e) =>
        {
            None
        }
        r => Some(r),
    }
}

/// Whether the word after a subject ending at `e` (past an apposition) may be its verb.
fn verb_follows(ctx: &Context<'_>, toks: &[Token], e: usize) -> bool {
    let text = &ctx.doc.text;
    let Some((j, _)) = past_subject(ctx, toks, e) else {
        return false;
    };
    toks.get(j).is_some_and(|t| {
        let w = lower_word(ctx.doc, t);
        t.kind == TokenKind::Word
            && !is_cap_word(text, t)
            && !NOT_A_VERB.contains(&w.as_ref())
            && !TIME_AFTER.contains(&w.as_ref())
    })
}

/// Words after an opening noun that make it a time, not a subject: "Hours later", "Days
/// earlier", "Weeks ago".
const TIME_AFTER: &[&str] = &[
    "later", "earlier", "ago", "last", "next", "this", "before", "after",
];

/// A party and state after a politician's name ("R-Wis.", "D-N.Y."): never a speaker.
fn party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Whether a clause opens with a participle rather than a name: "Weighing in on the
/// discussion, …", "Speaking to reporters, …" (but "Manning said").
fn opening_participle(doc: &Document, toks: &[Token]) -> bool {
    const PARTICLES: &[&str] = &[
        "in", "on", "at", "to", "the", "a", "an", "his", "her", "their", "its", "up", "out",
        "about", "into", "with", "for", "from", "over", "that", "back", "down", "off", "through",
    ];
    let (Some(first), Some(next)) = (toks.first(), toks.get(1)) else {
        return false;
    };
    let next_word = &doc.text[next.start..next.end];
    // (Or a participle and its object before a comma: "Delivering judgment, Justice …"; not a
    // name and its verb, "Manning said, …".)
    let with_object = || {
        toks.get(2)
            .is_some_and(|t| &doc.text[t.start..t.end] == ",")
            && next_word.len() > 2
            && next_word.bytes().all(|b| b.is_ascii_lowercase())
            && !next_word.ends_with("ed")
            && !next_word.ends_with('s')
            && next.cue & cue::SPEECH == 0
    };
    doc.text[first.start..first.end].ends_with("ing")
        && (PARTICLES.contains(&next_word) || with_object())
}

/// Words after a sentence's opening name that show it is not the subject of a verb: "Trump and
/// Ryan", "Trump of New York", "Trump, who".
pub(crate) const NOT_A_VERB: &[&str] = &[
    "and", "or", "of", "in", "on", "at", "for", "with", "to", "from", "by", "as", "who", "which",
    "that", "whose", "is", "are", "was", "were", "be", "been", "'s", "’s",
];

/// The person a sentence opens with, as the subject of its first verb, for a quotation inside
/// the sentence that no cue attributes: "Ohio Gov. John Kasich suspended his campaign, telling
/// supporters he had “renewed faith …”", "Coan, Smith's attorney, argues that “…”".
fn subject_of_sentence(
    ctx: &Context<'_>,
    people: &People<'_>,
    start: usize,
    open: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let all = tokens_outside_quotes(ctx, start, open, quotes);
    if text[start..all.first()?.start].contains(['"', '“', '”', '‘', '’', '\'']) {
        return None;
    }
    let found = subject_in(ctx, people, &all);
    if found.is_some() {
        return found;
    }
    // After an opening phrase: "On Monday, Trump groused to a crowd that “…”".
    let c = all
        .iter()
        .take(12)
        .position(|t| &text[t.start..t.end] == ",")?;
    subject_in(ctx, people, &all[c + 1..])
}

/// Whether `word` is the last word of the name of a person mentioned before `at` (the latest
/// few hundred mentions only: a run-on line can hold tens of thousands).
fn known_surname(people: &People<'_>, word: &str, at: usize) -> bool {
    if word.contains(' ') {
        return false;
    }
    let k = people.partition_point(|p| p.start < at);
    people.list[..k].iter().rev().take(300).any(|p| {
        p.name.len() > word.len()
            && p.name.ends_with(word)
            && p.name.as_bytes()[p.name.len() - word.len() - 1] == b' '
    })
}

/// [`subject_of_sentence`] for a clause's tokens.
fn subject_in(ctx: &Context<'_>, people: &People<'_>, toks: &[Token]) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    let first = toks.first()?;
    if !is_cap_word(text, first) {
        return None;
    }
    // A word that is no name may open a title before one: "Republican presidential nominee
    // Donald Trump, during …, referred to".
    let not_name = ctx.rules.not_names.contains(&text[first.start..first.end]);
    let r = np_starting_at(ctx, toks, 0)?;
    let SpeakerRef::Phrase(ps, pe) = r else {
        return None;
    };
    let r = to_person(people, r);
    match r {
        // The name ends the noun phrase ("the Clinton campaign" is not Clinton).
        SpeakerRef::Person(p) if people[p].end < pe => return None,
        SpeakerRef::Person(_) => {}
        // A surname alone, of a person named before: "Trump, who …, mocked Rubio for “…”".
        SpeakerRef::Phrase(..) if !not_name && known_surname(people, &text[ps..pe], ps) => {}
        _ => return None,
    }
    // An appositive may come first: "Coan, Smith's attorney, argues".
    let (j, _) = past_subject(ctx, toks, pe)?;
    let t = toks.get(j)?;
    let verb_like = t.kind == TokenKind::Word
        && !is_cap_word(text, t)
        && !NOT_A_VERB.contains(&lower_word(ctx.doc, t).as_ref());
    verb_like.then_some(r)
}

/// How far into a paragraph a headline's colon may be.
const HEADLINE_MAX: usize = 512;

/// A headline or label naming the speaker before a colon at the start of the paragraph:
/// "Kasich: ‘We Are Going …’", "Dr. Ben Carson: Hillary Clinton ‘Not Fit …’".
fn headline_speaker(
    ctx: &Context<'_>,
    people: &People<'_>,
    para_start: usize,
    open: usize,
) -> Option<SpeakerRef> {
    let text = &ctx.doc.text;
    // At most eight words before the colon: look no further than the paragraph's first
    // HEADLINE_MAX bytes (a run-on paragraph holds many quotations).
    let end = crate::text::floor_boundary(text, open.min(para_start + HEADLINE_MAX));
    let colon = text[para_start..end].find(':')? + para_start;
    let toks = ctx.doc.tokens(para_start, colon);
    if toks.is_empty() || toks.len() > 8 {
        return None;
    }
    let all_name = toks.iter().enumerate().all(|(k, t)| {
        is_cap_word(text, t) || title_stop(ctx, &toks, k) || initial_stop(text, &toks, k)
    });
    // A title that its holder's name stood with before: "The Seneschal: “…”" of minutes that
    // list "The Seneschal, Mr Anthony de Carteret-Hamon" (`resolve` finds the holder).
    let last = toks.last()?;
    if all_name
        && (2..=4).contains(&toks.len())
        && &text[toks[0].start..toks[0].end] == "The"
        && last.base_class & crate::lexicon::class::ROLE_HEAD != 0
    {
        return Some(SpeakerRef::Phrase(toks[0].start, last.end));
    }
    // A rubric before the colon ("INTERVIEW: Mayor on the subdivision — “…”") leaves the
    // speaker to the words after it: a title or a name before "on", a dash or a colon.
    let first = &text[toks[0].start..toks[0].end];
    let titled = crate::text::title_cased(first);
    if toks.len() == 1
        && first.len() >= 2
        && first.chars().all(|c| !c.is_lowercase())
        && ctx.rules.not_names.contains(titled.as_str())
    {
        let after = &text[colon + 1..open];
        let lead = after.len() - after.trim_start().len();
        let cut = [" on ", " — ", " – ", ": ", " says", " said"]
            .iter()
            .filter_map(|c| after.find(c))
            .min()?;
        let (s, e) = (colon + 1 + lead, colon + 1 + cut);
        let words = ctx.doc.tokens(s, e);
        let names = !words.is_empty()
            && words.len() <= 4
            && words.iter().enumerate().all(|(k, t)| {
                is_cap_word(text, t) || title_stop(ctx, &words, k) || initial_stop(text, &words, k)
            });
        return names.then_some(SpeakerRef::Phrase(s, e));
    }
    if !all_name
        || ctx
            .rules
            .not_names
            .contains(&text[toks[0].start..toks[0].end])
    {
        return None;
    }
    // A rubric in capitals that a preposition opens is no speaker: "IN CONVERSATION: “…”",
    // "ON THE RECORD: “…”".
    let first = &text[toks[0].start..toks[0].end];
    if first.len() >= 2
        && first.chars().all(|c| !c.is_lowercase())
        && matches!(
            first.to_ascii_lowercase().as_str(),
            "in" | "on" | "at" | "for" | "from" | "with" | "by" | "off" | "inside" | "behind"
        )
    {
        return None;
    }
    // One word in capitals that the document writes in lower case elsewhere is a heading
    // ("QUESTION:", "UPDATE:"), unless someone of the document bears it as a surname.
    let one = &text[toks[0].start..toks[0].end];
    if toks.len() == 1 && one.len() >= 2 && one.chars().all(|c| !c.is_lowercase()) {
        let lower = one.to_lowercase();
        let all = ctx.doc.tokens(0, text.len());
        if crate::names::written_in_lower_case(text, &all, &lower) && !people.bears_surname(&lower)
        {
            return None;
        }
    }
    Some(SpeakerRef::Phrase(toks[0].start, last.end))
}

fn according_to(
    ctx: &Context<'_>,
    people: &People<'_>,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize, usize, bool)],
) -> Option<(SpeakerRef, String)> {
    // Every phrase has a word of this class: a span without one (most) holds no phrase.
    let phrase_word = crate::lexicon::class::PHRASE_WORD;
    if !ctx
        .doc
        .tokens(start, end)
        .iter()
        .any(|t| t.class & phrase_word != 0)
    {
        return None;
    }
    let toks = tokens_outside_quotes(ctx, start, end, quotes);
    for phrase in &ctx.rules.attribution_phrases {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let n = words.len();
        for k in 0..toks.len().saturating_sub(n) {
            let matches = (0..n).all(|j| lower_word(ctx.doc, &toks[k + j]) == words[j]);
            if matches {
                if let Some(r) = np_starting_at(ctx, &toks, k + n) {
                    // (A description with the name after it, "according to the report's lead
                    // author, Dr Jane Roe", is named when speakers are resolved.)
                    return Some((to_person(people, r), phrase.clone()));
                }
            }
        }
    }
    // "was, in her words, …", "in his own words": the owner's (opening the sentence, the
    // pronoun is the subject the quotation's cue reads).
    for k in 0..toks.len().saturating_sub(2) {
        if &ctx.doc.text[toks[k].start..toks[k].end] != "in" {
            continue;
        }
        let owner = lower_word(ctx.doc, &toks[k + 1]);
        let p = match &*owner {
            "her" => "she",
            "his" => "he",
            _ => continue,
        };
        let mut w = k + 2;
        if toks.get(w).is_some_and(|t| lower_word(ctx.doc, t) == "own") {
            w += 1;
        }
        if toks
            .get(w)
            .is_some_and(|t| lower_word(ctx.doc, t) == "words")
        {
            let at = toks[k + 1].start;
            return Some((
                SpeakerRef::Pronoun(p.to_string(), at),
                format!("in {owner} words"),
            ));
        }
    }
    None
}

/// The words of `s` (white-space separated, holding a letter or digit), counted up to
/// `at_most`: callers only ask whether there are none, or fewer than a few.
fn word_count(s: &str, at_most: usize) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .take(at_most)
        .count()
}

/// A work's title in quotation marks, not words spoken: in title case, in single marks or
/// guillemets ("'The Salt Road to Kuntaur'", "«Salt for the Horses»"), or in any marks before
/// its author ("“The Tailor of Kissy Road” by Sorie Kpakiwa").
fn quoted_title(text: &str, om: usize, cs: usize, ce: usize, close_end: usize) -> bool {
    let content = &text[cs..ce];
    let title_case = content.starts_with(char::is_uppercase)
        && !content.contains(['.', ',', '!', '?', ';', '\n'])
        && content
            .split(' ')
            .all(|w| w.chars().count() < 4 || w.starts_with(|c: char| !c.is_lowercase()));
    if !title_case {
        return false;
    }
    let single = text[om..cs].contains(['\'', '‘', '«', '‹']);
    let by = text[close_end..]
        .strip_prefix(" by ")
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    single || by
}

/// Find quotations and their speakers.
pub fn extract(ctx: &Context<'_>, people: &[PersonMention]) -> Vec<QuoteMention> {
    let people = &People::new(people, &ctx.doc.text).with_rules(ctx.rules);
    let doc = ctx.doc;
    let text = &doc.text;
    let raw = find_quotes(ctx);
    let mut out = Vec::new();
    // Transcripts inside a quotation ("WALLACE: … / "PENCE: …) are split into turns.
    let mut segments = Vec::new();
    for &q in &raw {
        for (seg, label) in transcript_turns(ctx, q) {
            segments.push((seg, label));
        }
    }
    for &((cs, ce, om, close_end, unclosed), label) in &segments {
        let content = &text[cs..ce];
        let words = word_count(content, 3);
        if words == 0 || quoted_title(text, om, cs, ce, close_end) {
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
        let mut found: Option<(SpeakerRef, String, &'static str)> = label.map(|(a, b)| {
            (
                SpeakerRef::Phrase(a, b),
                String::new(),
                "claims.quote-transcript",
            )
        });
        // A quotation introduced with a colon that ends its sentence is the introducer's: the
        // next sentence tells something else ("He added: “…club.” City recently announced …").
        let colon_first = found.is_none()
            && s_start < om
            && text[s_start..om].trim_end().ends_with(':')
            && ends_sentence(text, close_end);
        // So is one that ends its sentence after a speech verb in it: "Her granddaughter, Jane
        // Roe, said Dot “never met a stranger she couldn't feed.” Her neighbour, Ann Lee,
        // remembered …".
        let introduced = found.is_none()
            && !colon_first
            && s_start < om
            && ends_sentence(text, close_end)
            && word_count(&text[s_start..om], 3) >= 3;
        let mut asked_before = colon_first;
        if colon_first || introduced {
            asked_before = true;
            // A message from someone that the sentence reads out: "The secretary read a
            // written message from Fr Jüri Mänd, who was unable to attend: “…”".
            if let Some(k) = colon_first
                .then(|| message_from(ctx, people, s_start, om))
                .flatten()
            {
                found = Some((SpeakerRef::Person(k), String::new(), "claims.quote-before"));
            } else if let Some((r, cue)) = before_cue(ctx, people, s_start, om, &raw) {
                found = Some((r, cue, "claims.quote-before"));
            }
        }
        if found.is_none() {
            if let Some((r, cue)) = after_cue(ctx, people, close_end, after_limit) {
                found = Some((r, cue, "claims.quote-after"));
            }
        }
        if found.is_none() {
            // A signature line under the quotation: "“…”⏎⏎- Sanders.", "—President Obama,
            // tweeting after the speech."
            if let Some(r) = signature_after(ctx, people, close_end) {
                found = Some((r, String::new(), "claims.quote-signature"));
            }
        }
        if found.is_none() && close_end < after_limit && !ends_sentence(text, close_end) {
            // The cue closes the sentence after more words: "“…” and against the bill,
            // Clinton said.", "“…,” in sharp contrast to before, says Dana Scala, a scientist."
            let tail = &text[close_end..after_limit];
            // The clause after a comma holds no quotation: "“…” for “…”, Jane Roe has
            // insisted", "“…” for the EU, said Geert Wilders, founder of …".
            let no_quote = |c: usize| !tail[c..].contains(['"', '“', '”']);
            let commas = tail.match_indices(',').map(|(c, _)| c);
            for c in commas.filter(|&c| c > 1 && no_quote(c)).take(4) {
                let from = close_end + c + 1;
                if let Some((r, cue)) = after_cue(ctx, people, from, after_limit) {
                    found = Some((r, cue, "claims.quote-after-clause"));
                    break;
                }
            }
        }
        let sent_end = close_sent.map(|s| s.end).unwrap_or(para_end).max(close_end);
        if found.is_none() {
            if let Some((r, cue)) = according_to(ctx, people, s_start, sent_end, &raw) {
                found = Some((r, cue, "claims.quote-according-to"));
            }
        }
        // (Not again when it was asked first and found no one.)
        if found.is_none() && s_start < om && !asked_before {
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
                    // (Or reports what the speaker said, and the quotation that opens the next
                    // paragraph goes on in their words: "Dr Roe said the pattern was not new.
                    // / “We recorded similar delays in 2019 …”".)
                    let reported = !ends_colon && !text[ls.start..ls.end].contains(['"', '“', '”']);
                    // (A person's, or a person's pronoun: "The restoration of the older episodes
                    // revealed some interesting items too", "… who they say they are" name no
                    // speaker.)
                    if ends_colon || reported {
                        if let Some((r, cue)) = before_cue(ctx, people, ls.start, ls.end, &raw)
                            .filter(|(r, _)| {
                                ends_colon
                                    || match r {
                                        SpeakerRef::Person(_) => true,
                                        SpeakerRef::Pronoun(p, _) => {
                                            matches!(p.as_str(), "he" | "she")
                                        }
                                        SpeakerRef::Phrase(..) => false,
                                    }
                            })
                        {
                            found = Some((r, cue, "claims.quote-block"));
                        }
                    }
                    // Or no speech verb, but the one person it names opens its clause: "Ask
                    // João Bettencourt, a fisherman from Santa Cruz, who sold two boats:".
                    if ends_colon
                        && found.is_none()
                        && !text[ls.start..ls.end].contains(['"', '“', '”'])
                    {
                        let named = people.starting_in(ls.start, ls.end);
                        let first = named.clone().next();
                        let opens = first.is_some_and(|k| {
                            let lead = people.list[k]
                                .honorific_start
                                .unwrap_or(people.list[k].start);
                            // (Or after its title: "Nyikina Traditional Owner Annie Milgin".)
                            let words: Vec<&str> =
                                text[ls.start..lead].split_whitespace().collect();
                            words.len() <= 1
                                || (words.len() <= 4
                                    && words.iter().all(|w| w.starts_with(char::is_uppercase)))
                        });
                        let one = named
                            .clone()
                            .all(|k| people.list[k].name == people.list[named.start].name);
                        if opens && one {
                            found = Some((
                                SpeakerRef::Person(named.start),
                                String::new(),
                                "claims.quote-block",
                            ));
                        }
                    }
                    // Or a sentence about what he or she said, which the quotation gives: "His
                    // assessment was cautious:", "Her message to the council was simple:".
                    if ends_colon
                        && found.is_none()
                        && !text[ls.start..ls.end].contains(['"', '“', '”'])
                        && people.starting_in(ls.start, ls.end).is_empty()
                        && text[ls.start..ls.end].split_whitespace().count() <= 10
                    {
                        let lead = text[ls.start..ls.end].trim_start();
                        let pronoun = match lead.split(' ').next() {
                            Some("His") => Some("he"),
                            Some("Her") => Some("she"),
                            _ => None,
                        };
                        if let Some(p) = pronoun {
                            let at = ls.end - lead.len();
                            found = Some((
                                SpeakerRef::Pronoun(p.to_string(), at),
                                String::new(),
                                "claims.quote-block",
                            ));
                        }
                    }
                }
            }
        }
        // "As our president, Gerard Ó Cuinn, put it at our conference, “…”", "as she put it,
        // “…”": the one person named between "as" and "put it", or the pronoun before it.
        if found.is_none() && s_start < om {
            let lead = &text[s_start..om];
            let put = lead.rfind(" put it").or_else(|| lead.rfind(" puts it"));
            if let Some(k) = put {
                let tail = &lead[k..];
                let clause = lead[..k].rfind("As ").or_else(|| lead[..k].rfind(" as "));
                if let Some(a) = clause.filter(|_| {
                    tail.split_whitespace().count() <= 10 && !tail.contains(['"', '“', '”'])
                }) {
                    let (a, k) = (s_start + a, s_start + k);
                    let mut named = people.starting_in(a, k);
                    let first = named.next();
                    let pronoun = text[a..k].rsplit(' ').next().unwrap_or("");
                    found = match (first, named.next()) {
                        (Some(p), None) => Some(SpeakerRef::Person(p)),
                        (None, _) if matches!(pronoun, "he" | "she" | "they") => {
                            Some(SpeakerRef::Pronoun(pronoun.to_string(), k))
                        }
                        _ => None,
                    }
                    .map(|r| (r, String::new(), "claims.quote-before"));
                }
            }
        }
        if found.is_none() {
            if let Some(p) = doc.paragraph_at(om).map(|k| doc.paragraphs[k]) {
                if let Some(r) = headline_speaker(ctx, people, p.start, om) {
                    found = Some((to_person(people, r), String::new(), "claims.quote-headline"));
                }
            }
        }
        if found.is_none() && colon_first {
            // No speech verb: "Heatwise's chief executive, Dr Jane Roe, was blunt: “…”". The
            // one person named before the colon introduces the quotation.
            let named = people.starting_in(s_start, om);
            // (Not one a preposition governs: "a spokesman for Jane Roe could only quip:", "a
            // photograph of Prince Harry ... under the headline:".)
            let governed = named.clone().next().is_some_and(|k| {
                let lead = people.list[k]
                    .honorific_start
                    .unwrap_or(people.list[k].start);
                let before = text[s_start..lead].trim_end();
                let word = before.rsplit(' ').next().unwrap_or("");
                matches!(word, "for" | "of" | "by" | "to" | "with" | "about")
            });
            if named.len() == 1 && !governed && !text[s_start..om].contains(['"', '“', '”']) {
                found = Some((
                    SpeakerRef::Person(named.start),
                    String::new(),
                    "claims.quote-colon",
                ));
            }
        }
        if found.is_none() && s_start == om {
            // The sentence before names the speaker: "… Schiff said. “…”"
            let pi = doc.paragraph_at(om);
            if let Some(prev) = si.checked_sub(1).and_then(|k| doc.sentences.get(k)) {
                let same_para = doc.paragraph_at(prev.start) == pi;
                let toks = tokens_outside_quotes(ctx, prev.start, prev.end, &raw);
                let words: Vec<&Token> =
                    toks.iter().filter(|t| t.kind == TokenKind::Word).collect();
                let quoted = raw.iter().any(|q| prev.start <= q.2 && q.2 < prev.end);
                let verb_late = words.iter().rev().any(|t| t.cue & cue::SPEECH != 0);
                if same_para && !quoted && verb_late {
                    if let Some((r, cue)) = before_cue(ctx, people, prev.start, prev.end, &raw) {
                        found = Some((r, cue, "claims.quote-previous-sentence"));
                    }
                }
            }
        }
        // "In her words, “…”", "In his assessment, “…”": the pronoun's person (as "she
        // said").
        if found.is_none() && s_start < om {
            let lead = text[s_start..om].trim_end().trim_end_matches([',', ':']);
            // (Asked only where the words end so: few quotations.)
            let noun = [
                " words",
                " view",
                " assessment",
                " opinion",
                " judgement",
                " judgment",
            ]
            .iter()
            .find_map(|n| lead.strip_suffix(n));
            let words = noun.and_then(|l| {
                l.rsplit_once(". ")
                    .map_or(l, |(_, l)| l)
                    .strip_prefix("In ")
                    .map(|l| l.trim_end_matches(" own"))
            });
            let p = match words {
                Some("his") => Some("he"),
                Some("her") => Some("she"),
                Some("their") => Some("they"),
                _ => None,
            };
            if let Some(p) = p {
                found = Some((
                    SpeakerRef::Pronoun(p.to_string(), om),
                    String::new(),
                    "claims.quote-before",
                ));
            }
        }
        if found.is_none() && s_start < om {
            if let Some(r) = subject_of_sentence(ctx, people, s_start, om, &raw) {
                found = Some((r, String::new(), "claims.quote-subject"));
            }
        }
        // In minutes and debates a label in capitals opens a speaker's paragraph: its
        // quotations are the speaker's, and so are its "he" and "she" ("CLLR RÍOS: Asked that
        // … He asked that his words be recorded verbatim: “…”").
        // (A pronoun only where the speaker names no one else before it: "KAURABI: We spoke to
        // Councillor Tebano Ioane. He told us: “…”" is the councillor's.)
        let pronoun =
            matches!(&found, Some((SpeakerRef::Pronoun(p, _), ..)) if p == "he" || p == "she");
        if (found.is_none() || pronoun) && label.is_none() {
            if let Some((a, b)) = doc
                .paragraph_at(om)
                .and_then(|k| paragraph_label(ctx, people, doc.paragraphs[k].start))
            {
                let surname = text[a..b].rsplit(' ').next().unwrap_or("").to_lowercase();
                let others = people.starting_in(b, om).any(|k| {
                    people.list[k]
                        .name
                        .rsplit(' ')
                        .next()
                        .is_none_or(|w| w.to_lowercase() != surname)
                });
                // (Nor a pronoun whose sex the speaker's given name does not fit: "TVEIT: …
                // He wrote: “…”" where Tveit is Ingrid.)
                let unfit = match &found {
                    Some((SpeakerRef::Pronoun(p, _), ..)) => {
                        let given = people
                            .list
                            .iter()
                            .find(|q| {
                                q.words >= 2
                                    && q.name
                                        .rsplit(' ')
                                        .next()
                                        .is_some_and(|w| w.to_lowercase() == surname)
                            })
                            .and_then(|q| q.name.split(' ').next())
                            .and_then(|g| ctx.rules.given_names.get(g).copied().flatten());
                        matches!(
                            (p.as_str(), given),
                            ("he", Some(Gender::Female)) | ("she", Some(Gender::Male))
                        )
                    }
                    _ => false,
                };
                if !(unfit || (pronoun && others)) {
                    found = Some((
                        SpeakerRef::Phrase(a, b),
                        String::new(),
                        "claims.quote-label",
                    ));
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
            open: om,
        });
    }
    inherit_speakers(ctx, &mut out);
    issuer_speakers(ctx, people, &mut out);
    out
}

/// The issuer of a statement or a letter that a quotation's speaker names: "X said in a
/// statement that it was “disappointed”. The statement added: “…”" is X's; so is "Mr Roe read a
/// letter from the port's general manager, Ms Jane Doe. The letter stated: “…”". The issuer is
/// the speaker of the quotation before, in a sentence naming the document, or the person named
/// after "from" in the sentence before.
fn issuer_speakers(ctx: &Context<'_>, people: &People<'_>, out: &mut [QuoteMention]) {
    let doc = ctx.doc;
    let text = &doc.text;
    for k in 0..out.len() {
        let Some(SpeakerRef::Phrase(s, e)) = out[k].speaker else {
            continue;
        };
        let phrase = &text[s..e];
        let Some(noun) = ["statement", "letter"]
            .into_iter()
            .find(|n| phrase.eq_ignore_ascii_case(&format!("the {n}")))
        else {
            continue;
        };
        let Some(si) = doc.sentence_at(s) else {
            continue;
        };
        let here = doc.sentences[si].paragraph;
        // The quotation before, in this paragraph or the one before, in a sentence that names
        // the document.
        let before = (0..k).rev().take(2).find_map(|j| {
            let sj = doc.sentence_at(out[j].open)?;
            let sent = doc.sentences[sj];
            let names = text[sent.start..out[j].open].contains(noun);
            match &out[j].speaker {
                Some(r @ (SpeakerRef::Person(_) | SpeakerRef::Phrase(..)))
                    if names && sent.paragraph + 1 >= here =>
                {
                    Some((r.clone(), out[j].cue.clone()))
                }
                _ => None,
            }
        });
        if let Some((r, cue)) = before {
            out[k].speaker = Some(r);
            out[k].cue = cue;
            out[k].rule = "claims.quote-continued";
            continue;
        }
        // Else the person a letter or statement is from, in the sentence before.
        if si == 0 {
            continue;
        }
        let prev = doc.sentences[si - 1];
        if prev.paragraph + 1 < here {
            continue;
        }
        let p = &text[prev.start..prev.end];
        let Some(from) = p
            .find(noun)
            .and_then(|n| p[n..].find(" from ").map(|f| n + f + 6))
        else {
            continue;
        };
        let at = prev.start + from;
        if let Some(q) = people.starting_in(at, prev.end).next() {
            out[k].speaker = Some(SpeakerRef::Person(q));
            out[k].rule = "claims.quote-continued";
        }
    }
}

type RawQuote = (usize, usize, usize, usize, bool);

/// A speaker label in capitals opening the paragraph at `start`, a party or an office in
/// brackets allowed before its colon ("CLLR RÍOS:", "MALIK HEILMANN-OLSEN (Minister):"), whose
/// last word is the surname of a person the document names (not "QUESTION:", "NOTE:").
fn paragraph_label(ctx: &Context<'_>, people: &People<'_>, start: usize) -> Option<(usize, usize)> {
    let text = &ctx.doc.text;
    let b = text.as_bytes();
    // (Most paragraphs open with a capital and a small letter: one look settles them.)
    if b.get(start + 1).is_none_or(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let end = crate::text::floor_boundary(text, (start + 80).min(text.len()));
    let head = &text[start..end];
    let colon = head.find(':')?;
    let mut label = head[..colon].trim_end();
    if label.ends_with(')') {
        label = label[..label.rfind('(')?].trim_end();
    }
    let words: Vec<&str> = label.split(' ').collect();
    let capitals = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if words.len() > 4 || !words.iter().all(capitals) {
        return None;
    }
    let last = words.last()?.to_lowercase();
    people
        .bears_surname(&last)
        .then_some((start, start + label.len()))
}

/// A speaker label opening a transcript turn at `i`: "PENCE: ", "MR. SMITH: ". Returns the
/// label's span and where the turn's words start.
fn turn_label(text: &str, i: usize) -> Option<(usize, usize, usize)> {
    let end = crate::text::floor_boundary(text, i + 31);
    let colon = text[i..end].find(':')?;
    let rest = &text[i..];
    if !(2..=30).contains(&colon) {
        return None;
    }
    let label = &rest[..colon];
    let ok = label.split(' ').all(|w| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    }) && label.split(' ').count() <= 3;
    if !ok || !rest[colon + 1..].starts_with([' ', '\u{a0}']) {
        return None;
    }
    let start = i + colon + 1 + (rest[colon + 1..].len() - rest[colon + 1..].trim_start().len());
    Some((i, i + label.trim_end_matches('.').len(), start))
}

/// Split a quotation into transcript turns when its paragraphs open with speaker labels.
fn transcript_turns(ctx: &Context<'_>, q: RawQuote) -> Vec<(RawQuote, Option<(usize, usize)>)> {
    let text = &ctx.doc.text;
    let (cs, ce, _, _, _) = q;
    let mut cuts = Vec::new(); // (paragraph start or cs, label start, label end, words start)
    for p in &ctx.doc.paragraphs {
        if p.end <= cs || p.start >= ce {
            continue;
        }
        let mut at = p.start.max(cs);
        if p.start > cs && text[at..].starts_with(['"', '“']) {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
        if let Some((a, b, w)) = turn_label(text, at) {
            if w < ce {
                cuts.push((p.start.max(cs), a, b, w));
            }
        }
    }
    if cuts.is_empty() {
        return vec![(q, None)];
    }
    let mut out = Vec::new();
    if cuts[0].0 > cs {
        let end = text[..cuts[0].0].trim_end().len();
        out.push(((cs, end, q.2, end, false), None));
    }
    for (k, &(_, a, b, w)) in cuts.iter().enumerate() {
        let (end, close_end, unclosed) = match cuts.get(k + 1) {
            Some(n) => {
                let e = text[..n.0]
                    .trim_end()
                    .trim_end_matches(['"', '“'])
                    .trim_end()
                    .len();
                (e, e, false)
            }
            None => (ce, q.3, q.4),
        };
        if end > w {
            out.push(((w, end, a, close_end, unclosed), Some((a, b))));
        }
    }
    out
}

/// A quotation with no cue of its own continues the speaker of the quotation before it in the
/// same paragraph ("“…,” said Roe. “…”"), takes the speaker named right after the next one
/// (“…” “…,” Roe said), or continues a speaker whose quotation ended the paragraph before when
/// it opens a paragraph of its own with no speech verb outside quotation marks.
fn inherit_speakers(ctx: &Context<'_>, out: &mut [QuoteMention]) {
    let doc = ctx.doc;
    let text = &doc.text;
    let para = |t: usize| doc.paragraph_at(t).unwrap_or(0);
    for k in 0..out.len() {
        if out[k].speaker.is_some() {
            continue;
        }
        let here = para(out[k].open);
        if k > 0 && out[k - 1].speaker.is_some() && para(out[k - 1].end) == here {
            out[k].speaker = out[k - 1].speaker.clone();
            out[k].cue = out[k - 1].cue.clone();
            out[k].rule = "claims.quote-continued";
            continue;
        }
        if let Some(n) = out.get(k + 1).cloned() {
            if n.speaker.is_some() && n.rule == "claims.quote-after" && para(n.open) == here {
                out[k].speaker = n.speaker;
                out[k].cue = n.cue;
                out[k].rule = "claims.quote-continued";
                continue;
            }
        }
        let p = doc.paragraphs[here];
        if k > 0 && out[k - 1].speaker.is_some() && p.start == out[k].open && here > 0 {
            let prev_para = para(out[k - 1].end);
            // The previous quotation ends its paragraph.
            let pp = doc.paragraphs[prev_para];
            let tail = text[out[k - 1].end..pp.end].trim_start_matches(['”', '"', '’', '\'']);
            let prev_ends = prev_para + 1 == here
                && (word_count(tail, 1) == 0 || out[k - 1].rule == "claims.quote-after");
            let verbs_outside = doc.tokens(p.start, p.end).iter().any(|t| {
                !out.iter().any(|q| q.open <= t.start && t.end <= q.end + 3)
                    && t.cue & cue::SPEECH != 0
            });
            if prev_ends && !verbs_outside {
                out[k].speaker = out[k - 1].speaker.clone();
                out[k].cue = out[k - 1].cue.clone();
                out[k].rule = "claims.quote-continued";
            }
        }
    }
}

/// A claim other than a quotation: reported speech, a rating, a quantity or a first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimMention {
    /// Text offsets of the evidence.
    pub start: usize,
    pub end: usize,
    /// `reported`, `rating`, `quantity` or `first`.
    pub kind: &'static str,
    pub speaker: Option<SpeakerRef>,
    /// A speaker named by the rules (a rating scale's body) when the text names none.
    pub default_speaker: Option<String>,
    pub cue: String,
    pub content: String,
    pub subject: String,
    pub value: String,
    pub rule: &'static str,
}

/// Plurals without a final s, for the noun a quantity counts.
const IRREGULAR_PLURALS: &[&str] = &["children", "people", "men", "women", "staff", "police"];

/// Verbs in the past tense without "-ed", which follow a number as its clause's verb.
/// Verbs in the past tense that do not end in "-ed".
pub(crate) const PAST_TENSES: &[&str] = &[
    "held", "said", "told", "made", "took", "gave", "saw", "won", "lost", "left", "met", "went",
    "came", "got", "put", "ran", "fell", "rose", "paid", "sold", "led", "hit", "beat", "became",
    "began", "found", "kept", "spent", "brought", "thought", "bought", "grew", "drew", "fought",
    "chose", "wrote", "spoke", "knew", "felt", "heard", "stood", "sat", "won't", "were", "was",
];

/// Words that end a subject or a counted noun phrase.
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "of", "and", "or", "to", "in", "the", "a",
    "an", "for", "with", "by", "from", "on", "at", "who", "which", "that", "than", "as", "per",
    "more", "less", "into", "about", "over", "under", "across", "out", "up", "this", "these",
    "those", "their", "its", "his", "her", "our", "not", "also", "but",
];

/// The subject of the clause ending before token `k`: from the clause start (sentence start or
/// the last comma, semicolon or "that") to the first auxiliary or verb-like word.
fn clause_subject(ctx: &Context<'_>, toks: &[Token], k: usize) -> (usize, usize) {
    let w = |i: usize| lower_word(ctx.doc, &toks[i]);
    let mut s = k;
    while s > 0 {
        let x = w(s - 1);
        if matches!(
            x.as_ref(),
            "," | ";" | ":" | "that" | "“" | "”" | "\"" | "(" | ")"
        ) {
            break;
        }
        s -= 1;
    }
    let mut e = s;
    while e < k {
        let x = w(e);
        if matches!(
            x.as_ref(),
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "be" | "been"
        ) || ctx.rules.rating_cues.contains_key(x.as_ref())
            || ctx.rules.speech_verbs.contains(x.as_ref())
        {
            break;
        }
        e += 1;
    }
    if e == s || e - s > 12 {
        return (0, 0);
    }
    (toks[s].start, toks[e - 1].end)
}

fn span_text(text: &str, (a, b): (usize, usize)) -> String {
    if a >= b {
        return String::new();
    }
    crate::text::collapse(&text[a..b])
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’" | "'")
}

/// The grade of a rating scale starting at token `i`: (value, scale, index after it).
fn grade_at(ctx: &Context<'_>, toks: &[Token], i: usize) -> Option<(String, String, usize)> {
    for (grade, scale) in &ctx.rules.rating_scales {
        let words: Vec<&str> = grade.split(' ').collect();
        if i + words.len() <= toks.len()
            && words
                .iter()
                .enumerate()
                .all(|(j, g)| lower_word(ctx.doc, &toks[i + j]) == *g)
        {
            return Some((grade.clone(), scale.clone(), i + words.len()));
        }
    }
    None
}

/// Reported speech, ratings, quantities and firsts, sentence by sentence.
pub fn extract_other(
    ctx: &Context<'_>,
    people: &[PersonMention],
    dates: &[super::dates::DateMention],
) -> Vec<ClaimMention> {
    let people = &People::new(people, &ctx.doc.text).with_rules(ctx.rules);
    let text = &ctx.doc.text;
    let mut out = Vec::new();
    // (Not a date counted from the story's own time, which may find no date to count from:
    // "three weeks later" keeps its quantity.)
    let date_spans = Spans::new(
        dates
            .iter()
            .filter(|d| !matches!(d.rel, Some(super::dates::Rel::Anchored { .. })))
            .map(|d| (d.start, d.end)),
    );
    for (si, sent) in ctx.doc.sentences.iter().enumerate() {
        let toks = ctx.doc.sentence_tokens(si);
        // Every claim below starts at a cue word, "described", a number or a currency sign:
        // a sentence without one (most of them) starts none.
        let may_start = |t: &Token| match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => matches!(&text[t.start..t.end], "£" | "$" | "€"),
            TokenKind::Word => {
                // (Plain words hold no digit.)
                t.cue & cue::CLAIMS != 0
                    || (t.class & crate::lexicon::class::PLAIN == 0
                        && text.as_bytes()[t.start].is_ascii_digit())
                    || (t.end - t.start == "described".len()
                        && text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(b"described"))
            }
        };
        if !toks.iter().any(may_start) {
            continue;
        }
        // Each word in lower case: borrowed from the document's lower-cased text when it
        // keeps one (most documents), else made once per sentence.
        let lower = ctx.doc.lower_text();
        let lws: Vec<std::borrow::Cow<'_, str>> = match lower {
            Some(_) => Vec::new(),
            None => toks.iter().map(|t| lower_word(ctx.doc, t)).collect(),
        };
        let lw = |i: usize| -> &str {
            match lower {
                Some(l) => &l[toks[i].start..toks[i].end],
                None => &lws[i],
            }
        };
        let n = toks.len();
        // The sentence end without its final punctuation and closing marks.
        let body_end = {
            let t = text[sent.start..sent.end].trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '.' | '!' | '?' | '”' | '"' | '’' | '\'')
            });
            sent.start + t.len()
        };
        for i in 0..n {
            // Most words start nothing (the test that let the sentence in, word by word).
            if toks[i].kind == TokenKind::Word
                && toks[i].cue & cue::CLAIMS == 0
                && !may_start(&toks[i])
            {
                continue;
            }
            let w = lw(i);
            // One look-up says which claims a word may start.
            let class = if toks[i].kind == TokenKind::Word {
                toks[i].cue
            } else {
                0
            };
            // Reported speech: "X says that …", "the report found that …".
            if class & cue::SPEECH != 0
                && i + 1 < n
                && lw(i + 1) == "that"
                && i + 2 < n
                && toks[i + 2].start < body_end
            {
                // "warned that “the list has doubled”": the content starts inside the marks.
                let opens = is_quote_mark(&text[toks[i + 2].start..toks[i + 2].end]);
                let cs = match toks.get(i + 3) {
                    Some(t) if opens && t.start < body_end => t.start,
                    _ => toks[i + 2].start,
                };
                let speaker = before_cue(ctx, people, sent.start, toks[i].end, &[]).map(|x| x.0);
                let content = span_text(text, (cs, body_end));
                if word_count(&content, 3) >= 3 {
                    out.push(ClaimMention {
                        start: cs,
                        end: body_end,
                        kind: "reported",
                        speaker,
                        default_speaker: None,
                        cue: w.to_string(),
                        content,
                        subject: String::new(),
                        value: String::new(),
                        rule: "claims.reported-that",
                    });
                }
            }
            // "X described Y as Z".
            if w == "described" {
                if let Some(a) = (i + 1..n.min(i + 12)).find(|&j| lw(j) == "as") {
                    if a + 1 < n && toks[a + 1].start < body_end && a > i + 1 {
                        let cs = toks[i + 1].start;
                        // Passive: "… were described by the report as …".
                        let (speaker, subject) = if lw(i + 1) == "by" {
                            let r = np_starting_at(ctx, &toks, i + 2).map(|r| to_person(people, r));
                            (r, span_text(text, clause_subject(ctx, &toks, i)))
                        } else {
                            (
                                before_cue(ctx, people, sent.start, toks[i].end, &[]).map(|x| x.0),
                                span_text(text, (toks[i + 1].start, toks[a - 1].end)),
                            )
                        };
                        out.push(ClaimMention {
                            start: cs,
                            end: body_end,
                            kind: "reported",
                            speaker,
                            default_speaker: None,
                            cue: w.to_string(),
                            content: span_text(text, (cs, body_end)),
                            subject,
                            value: span_text(text, (toks[a + 1].start, body_end))
                                .trim_start_matches([',', ' '])
                                .to_string(),
                            rule: "claims.reported-described-as",
                        });
                    }
                }
            }
            // Ratings: "rated as outstanding by Ofsted", "awarded an ‘outstanding’ rating".
            if class & cue::RATING != 0 && !matches!(w, "rating" | "grade") {
                let strong = ctx.rules.rating_cues.get(w).copied().unwrap_or(false);
                let mut j = i + 1;
                while j < n
                    && j - i <= 4
                    && (is_quote_mark(lw(j))
                        || matches!(lw(j), "as" | "to" | "be" | "an" | "a" | "been"))
                {
                    j += 1;
                }
                if let Some((value, scale, mut e)) = grade_at(ctx, &toks, j) {
                    let quoted = j > 0 && is_quote_mark(lw(j - 1));
                    while e < n && is_quote_mark(lw(e)) {
                        e += 1;
                    }
                    let named = e < n
                        && matches!(lw(e), "rating" | "grade" | "judgement" | "judgment" | "by");
                    if !(strong || quoted || named) {
                        continue;
                    }
                    if e < n && matches!(lw(e), "rating" | "grade" | "judgement" | "judgment") {
                        e += 1;
                    }
                    let mut speaker = None;
                    let mut end = toks[e - 1].end;
                    if e + 1 < n && lw(e) == "by" {
                        if let Some(r) = np_starting_at(ctx, &toks, e + 1) {
                            if let SpeakerRef::Phrase(_, pe) = r {
                                end = pe;
                            }
                            speaker = Some(to_person(people, r));
                        }
                    }
                    let subject = clause_subject(ctx, &toks, i);
                    out.push(ClaimMention {
                        start: toks[i].start,
                        end,
                        kind: "rating",
                        default_speaker: speaker.is_none().then(|| scale.clone()),
                        speaker,
                        cue: w.to_string(),
                        content: span_text(text, (toks[i].start, end)),
                        subject: span_text(text, subject),
                        value,
                        rule: "claims.rating",
                    });
                }
            }
            // A first: "the first local authorities to sustain …".
            if class & cue::FIRST != 0 && i > 0 && lw(i - 1) == "the" {
                if let Some(t) = (i + 1..n.min(i + 9)).find(|&j| lw(j) == "to") {
                    if t + 1 < n && toks[t + 1].kind == TokenKind::Word {
                        let subject = clause_subject(ctx, &toks, i - 1);
                        let cs = toks[i - 1].start;
                        let ce = body_end.max(toks[t + 1].end);
                        out.push(ClaimMention {
                            start: cs,
                            end: ce,
                            kind: "first",
                            speaker: None,
                            default_speaker: None,
                            cue: w.to_string(),
                            content: span_text(text, (cs, ce)),
                            subject: span_text(text, subject),
                            value: w.to_string(),
                            rule: "claims.first",
                        });
                    }
                }
            }
            // Quantities: "179 children", "£3.5m", "two other councils".
            if let Some((value, e)) = quantity_at(ctx, &toks, &lw, i, class, &date_spans) {
                let mut k = e;
                // A verb right after the number counts nothing: "312,000 compared with",
                // "12 died in", "the two held talks" (but "three injured people" do count).
                let verb = e < n && toks[e].kind == TokenKind::Word && {
                    let x = lw(e);
                    let clause_next = || {
                        e + 1 >= n
                            || toks[e + 1].kind != TokenKind::Word
                            || CLAUSE_WORDS.contains(&lw(e + 1))
                    };
                    if x.len() >= 4 && x.ends_with("ed") && !x.ends_with("eed") {
                        clause_next()
                    } else {
                        x.len() <= 7 && PAST_TENSES.contains(&x)
                    }
                };
                while !verb
                    && k < n
                    && k - e < 3
                    && toks[k].kind == TokenKind::Word
                    && !CLAUSE_WORDS.contains(&lw(k))
                    && !ctx.rules.number_words.contains_key(lw(k))
                    && !lw(k).chars().next().is_some_and(char::is_uppercase)
                    // (A speech verb's form in the plural is a noun after a number: "46
                    // states", "two reports".)
                    // (Not after "one", whose verb it is: "One wonders".)
                    && (toks[k].cue & cue::SPEECH == 0
                        || (lw(k).ends_with('s') && lw(k) != "says" && value != "1"))
                    // (A honorific opens a name, no noun counted: "2.3 Ms. Keiko Santos said"
                    // of numbered minutes.)
                    && !(ctx.rules.honorifics.contains_key(&text[toks[k].start..toks[k].end])
                        && toks.get(k + 1).is_some_and(|t| {
                            t.kind != TokenKind::Word || is_cap_word(text, t)
                        }))
                {
                    k += 1;
                }
                // Cut after the counted noun: the first plural-looking word, else the first word
                // ("two other councils hold" → "other councils").
                if k > e {
                    let plural = (e..k).find(|&j| {
                        let x = lw(j);
                        (x.ends_with('s') && !x.ends_with("ss")) || IRREGULAR_PLURALS.contains(&x)
                    });
                    k = plural.map_or(e + 1, |j| j + 1);
                }
                let money = value.starts_with(['£', '$', '€']);
                if k == e && !money {
                    continue;
                }
                let end = toks[k.max(e) - 1].end;
                let subject = if k > e {
                    span_text(text, (toks[e].start, toks[k - 1].end))
                } else {
                    String::new()
                };
                out.push(ClaimMention {
                    start: toks[i].start,
                    end,
                    kind: "quantity",
                    speaker: None,
                    default_speaker: None,
                    cue: String::new(),
                    content: span_text(text, (toks[i].start, end)),
                    subject,
                    value,
                    rule: "claims.quantity",
                });
            }
        }
    }
    out.retain(|c| c.start < c.end);
    out.sort_by_key(|c| (c.start, c.end));
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.kind == b.kind);
    out
}

/// A number at token `i` (digits, a number word or a currency amount), not part of a date, a
/// time or a longer number: (normalised value, index after it).
fn quantity_at<'l>(
    ctx: &Context<'_>,
    toks: &[Token],
    lw: &dyn Fn(usize) -> &'l str,
    i: usize,
    class: u8,
    dates: &Spans,
) -> Option<(String, usize)> {
    let text = &ctx.doc.text;
    let w = |k: usize| &text[toks[k].start..toks[k].end];
    let t = &toks[i];
    // Only a number, a number word or a currency sign can start a quantity.
    let starts = match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(w(i), "£" | "$" | "€"),
        // `class` has the number bit for exactly the number words.
        TokenKind::Word => {
            lw(i).starts_with(|c: char| c.is_ascii_digit()) || class & cue::NUMBER != 0
        }
    };
    if !starts || dates.overlaps(t.start, t.end) {
        return None;
    }
    // Not the continuation of a number ("two hundred", "3.5 million" start at the first word),
    // nor a rank ("the number one reason", "number 10").
    if i > 0 {
        let p: &str = lw(i - 1);
        if toks[i - 1].kind == TokenKind::Number
            || ctx.rules.number_words.contains_key(p)
            || p == "number"
            || matches!(w(i - 1), "£" | "$" | "€" | ":" | "/" | "-" | "." | "#")
        {
            return None;
        }
    }
    let (currency, k) = if matches!(w(i), "£" | "$" | "€") {
        (w(i), i + 1)
    } else {
        ("", i)
    };
    let tk = toks.get(k)?;
    let mut value: f64;
    let mut e = k + 1;
    let mut digits = false;
    if tk.kind == TokenKind::Number {
        value = parse_number(w(k))?;
        digits = true;
    } else if tk.kind == TokenKind::Word {
        let lw: &str = lw(k);
        // "3.5m", "10bn" are single words: digits then a multiplier.
        let split = lw.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','));
        match split {
            Some(p) if p > 0 && !currency.is_empty() => {
                let m = *ctx.rules.number_words.get(&lw[p..])?;
                value = parse_number(&lw[..p])? * m as f64;
                digits = true;
            }
            _ => {
                let v = *ctx.rules.number_words.get(lw)?;
                if v >= 100 && currency.is_empty() {
                    return None; // "hundreds", "million" alone
                }
                value = v as f64;
            }
        }
    } else {
        return None;
    }
    // Years and times are dates' business.
    if digits && currency.is_empty() && (1900.0..2100.0).contains(&value) && !w(k).contains(',') {
        return None;
    }
    if toks
        .get(e)
        .is_some_and(|n| matches!(&text[n.start..n.end], ":" | "/" | "%"))
    {
        if toks.get(e).is_some_and(|n| &text[n.start..n.end] == "%") {
            let mut v = fmt_num(value);
            v.push('%');
            return Some((v, e + 1));
        }
        return None;
    }
    // Multipliers: "3.5 million", "two hundred".
    while let Some(n) = toks.get(e) {
        let m = ctx.rules.number_words.get(lw(e));
        match m {
            // Abbreviated multipliers ("m", "bn") only count money: "5 m" may be metres.
            Some(&m) if m >= 100 && (!currency.is_empty() || n.end - n.start > 2) => {
                value *= m as f64;
                e += 1;
            }
            _ => break,
        }
    }
    let v = fmt_num(value);
    Some((
        if currency.is_empty() {
            v
        } else {
            currency.to_string() + &v
        },
        e,
    ))
}

/// Text spans, for asking quickly whether a range overlaps any of them.
struct Spans {
    /// (start, end), sorted by start.
    spans: Vec<(usize, usize)>,
    /// The largest end among `spans[..=k]`.
    max_end: Vec<usize>,
}

impl Spans {
    fn new(it: impl Iterator<Item = (usize, usize)>) -> Spans {
        let mut spans: Vec<(usize, usize)> = it.collect();
        spans.sort_unstable();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for s in &spans {
            m = m.max(s.1);
            max_end.push(m);
        }
        Spans { spans, max_end }
    }

    /// Whether `[start, end)` overlaps a span.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let k = self.spans.partition_point(|s| s.0 < end);
        k > 0 && self.max_end[k - 1] > start
    }
}

/// A number as written with thousands separators ("1,500", "3.5"), parsed without copying the
/// text when it has none.
fn parse_number(s: &str) -> Option<f64> {
    if s.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    }
}

/// A quantity's value as written in `value`: whole numbers without a fraction (by hand: one is
/// made for every number in the text).
fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let mut buf = [0u8; 20];
        let digits = crate::output::format_u64(v.abs() as u64, &mut buf);
        let mut out = String::with_capacity(digits.len() + 2);
        if v < 0.0 {
            out.push('-');
        }
        // ASCII digits.
        out.push_str(std::str::from_utf8(digits).unwrap_or_default());
        out
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people;
    use crate::extract::TestDoc;

    #[test]
    fn numbers_are_written_as_rust_formats_them() {
        for v in [
            0.0f64,
            7.0,
            10.0,
            99.0,
            100.0,
            1234.0,
            3.5e6,
            1e14,
            999_999_999_999_999.0,
            1e15,
            2.5,
            -3.0,
            -0.0,
            0.125,
        ] {
            let want = if v.fract() == 0.0 && f64::abs(v) < 1e15 {
                format!("{}", v as i64)
            } else {
                format!("{v}")
            };
            assert_eq!(fmt_num(v), want, "{v}");
        }
    }

    #[test]
    fn quote_marks_are_the_characters_a_search_finds() {
        let marks = ['“', '„', '"', '‘', '\'', '”', '’'];
        for s in [
            "",
            "plain",
            "“Yes,” she said. ‘No’ — it’s \"fine\" „gut“ don't",
            "\u{2010}\u{2014}\u{201F}\u{2020}…é'\"",
            "’",
            "â€\u{2000}\u{2019}",
        ] {
            let want: Vec<(usize, char)> = s
                .match_indices(marks)
                .map(|(k, m)| (k, m.chars().next().unwrap()))
                .collect();
            assert_eq!(quote_marks(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    fn quotes(s: &str) -> Vec<(String, String, &'static str)> {
        let t = TestDoc::new(s);
        let ctx = t.ctx();
        let doc = &t.doc;
        let ppl = people::extract(&ctx);
        extract(&ctx, &ppl)
            .into_iter()
            .map(|q| {
                let sp = match q.speaker {
                    Some(SpeakerRef::Person(i)) => ppl[i].name.clone(),
                    Some(SpeakerRef::Phrase(a, b)) => doc.text[a..b].to_string(),
                    Some(SpeakerRef::Pronoun(p, _)) => p,
                    None => String::new(),
                };
                (doc.text[q.start..q.end].to_string(), sp, q.rule)
            })
            .collect()
    }

    #[test]
    fn person_lookups_agree_with_a_scan() {
        let mention = |start: usize, end: usize| PersonMention {
            start,
            end,
            name: String::new(),
            honorific_start: None,
            honorific: None,
            honorific_end: None,
            honorific_role: None,
            words: 1,
            rule: "t",
        };
        // Sorted by start, with nested and overlapping mentions.
        let list: Vec<PersonMention> = [(0, 4), (2, 30), (5, 9), (5, 12), (14, 16), (20, 22)]
            .iter()
            .map(|&(s, e)| mention(s, e))
            .collect();
        let people = People::new(&list, "");
        for s in 0..34 {
            for e in 0..34 {
                let naive = list
                    .iter()
                    .position(|p| p.start <= s && e <= p.end.max(s))
                    .or_else(|| list.iter().position(|p| s <= p.start && p.end <= e));
                assert_eq!(person_at(&people, s, e), naive, "{s}..{e}");
                let last_inside = list
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.start >= s && p.end <= e)
                    .map(|(k, _)| k)
                    .next_back();
                let fast = people.starting_in(s, e).rev().find(|&k| list[k].end <= e);
                assert_eq!(fast, last_inside, "{s}..{e}");
            }
        }
    }

    #[test]
    fn spans_overlap_like_a_scan() {
        let raw = [(5, 9), (0, 30), (12, 14), (12, 13), (40, 41)];
        let spans = Spans::new(raw.iter().copied());
        for a in 0..45 {
            for b in a + 1..46 {
                let naive = raw.iter().any(|&(s, e)| s < b && a < e);
                assert_eq!(spans.overlaps(a, b), naive, "{a}..{b}");
            }
        }
        assert!(!Spans::new(std::iter::empty()).overlaps(0, 10));
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
        let got =
            quotes("On the gate hung a sign with “no entry for any vehicles after dark” in red.");
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
