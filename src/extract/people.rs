//! People: named human beings, found by the evidence around a capitalised name.
//!
//! A run of capitalised words is a name only with evidence: an honorific before it
//! (`people.honorific-name`), a speech verb after or before it (`people.attribution`), an
//! appositive role after it (`people.appositive`) or a role phrase before it
//! (`people.prenominal-role`), a descriptor noun before it (`people.descriptor`: "striker Alan
//! Shearer"), a known given name (`people.given-name`), an age (`people.age`: "Jane Roe, 42,",
//! "the 20-year-old Jane Roe"), a relative clause with "who" (`people.relative`), "his" or
//! "her" right after a name as subject (`people.pronoun`), or a
//! results-list layout (`people.results`: "3. William Tanui (Kenya)"). Words in
//! `people/not-names.txt` break a run.

use super::roles;
use super::Context;
use crate::text::{Token, TokenKind};

/// One mention of a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Text offsets of the name, without honorific.
    pub start: usize,
    pub end: usize,
    /// The name as written, white space collapsed.
    pub name: String,
    /// Start of the honorific, when there is one (the mention's evidence starts there).
    pub honorific_start: Option<usize>,
    /// Canonical honorific ("Councillor" for "Cllr").
    pub honorific: Option<String>,
    /// End of the honorific.
    pub honorific_end: Option<usize>,
    /// The office the honorific confers, if any.
    pub honorific_role: Option<String>,
    /// Number of name words (1 = a surname alone).
    pub words: usize,
    /// The rule that found it.
    pub rule: &'static str,
}

/// Name suffixes that continue a name: "Al Unser Jr", "Elizabeth II".
const SUFFIXES: &[&str] = &[
    "Jr", "Sr", "Snr", "Jnr", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII",
    "XIV", "XV", "XVI",
];

/// Whether `w` is a name's suffix ("Jr", "III"): the name is another person's than the same
/// name without it, a father's or a son's.
pub(crate) fn is_suffix(w: &str) -> bool {
    SUFFIXES.contains(&w)
}

/// Whether `w` continues a name after its words: a suffix or a patronymic.
fn suffix(w: &str) -> bool {
    SUFFIXES.contains(&w) || PATRONYMICS.contains(&w)
}

/// Turkic patronymics written after the name in lower case: "Nurlan Asanbek uulu", "Aigerim
/// Toktosun kyzy", "Elchin Ahmad oglu".
pub(crate) const PATRONYMICS: &[&str] = &[
    "uulu",
    "kyzy",
    "uly",
    "qyzy",
    "oglu",
    "ogly",
    "qizi",
    "gizi",
    // Karakalpak and Kazakh in their Latin letters: "Seytjan Allanazar ulı", "qızı".
    "ulı",
    "qızı",
    "oğlu",
    // Uzbek in its Latin letters, with the turned comma: "Anvar Sobirjon oʻgʻli Mahmudov".
    "oʻgʻli",
    "o‘g‘li",
    "o'g'li",
    "ogli",
];

pub(crate) const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "le", "la", "del", "della", "des", "bin",
    "ibn", "al", "el", "dos", "das", "ter", "ten", "wa", "ní", "nic", "ó", "uí", "mac", "te",
    "dela", "delos", "an", "ap", "ab", "binti", "bint", "ben",
    // Spanish and Portuguese: "Matías de los Santos Ferreira", "Manuel do Carmo"; Spanish
    // surnames joined: "Martín Acosta y Lara".
    "los", "las", "do", "y",
    // Faroese: "Sjúrður í Stórustovu", "Tróndur á Heygum", "Brandur við Neyst"; Catalan:
    // "Jordi Cerqueda i Rossell"; Swedish nobility: "Jan-Erik af Hällström".
    "í", "á", "við", "i", "av", "af",
    // Italian: "Maria delle Grazie", and an institution's "Museo delle Maschere".
    "delle", "degli", "dei",
    // The Irish ones written with a capital, which may open a name too: "Ó Conghaile said".
    "Ó", "Ní", "Nic", "Uí", "Ua",
    // The Maasai "ole" (son of): "Parsimei ole Nkaissery"; the Iban "anak" (child of):
    // "Melina anak Jelian", shortened "ak": "Sinda ak Nyaun"; the Kalenjin "arap" (son of):
    // "Stephen arap Korir".
    "ole", "anak", "ak", "arap",
];

/// An Irish name word after a particle, with its initial mutation in lower case: "hAodha" of
/// "Ó hAodha", "nGallchóir" of "Ní nGallchóir", "tSaoir" of "Mac an tSaoir".
fn mutated(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('h' | 'n' | 't'))
        && c.next().is_some_and(char::is_uppercase)
        && c.all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

/// A particle joined to the next name word by a hyphen, inside a name: "al-Abidine" of "Zine
/// al-Abidine Ben Ali", "el-Sisi"; or by an apostrophe, elided: "d'Areny" of "Carles d'Areny
/// Roig", "dell'Orto".
fn hyphened_particle(w: &str) -> bool {
    if let Some(r) = ["d'", "d’", "dell'", "dell’", "dall'", "dall’"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
    {
        // (Hyphenated after it too: "Catherine d'Aubigny-Ruales".)
        return r
            .split('-')
            .all(|p| p.starts_with(char::is_uppercase) && p.chars().all(char::is_alphabetic));
    }
    let b = w.as_bytes();
    if b.len() < 4 || (b[1] != b'-' && b[2] != b'-' && b[3] != b'-') {
        return false;
    }
    // ("t-Saoir" of the Irish "Mac an t-Saoir".)
    ["al-", "el-", "ad-", "ud-", "ibn-", "bin-", "t-"]
        .iter()
        .any(|p| {
            w.strip_prefix(p).is_some_and(|r| {
                r.starts_with(char::is_uppercase) && r.chars().all(char::is_alphabetic)
            })
        })
}

/// Last parts of compounds that describe a person or a thing: "Twelve-year-old",
/// "Dutch-born", "London-based", "Janet Jackson-style", "Man-of-the-match". (Not any part in
/// lower case: "Ban Ki-moon", "Kim Jong-un".)
const DESCRIBING_TAILS: &[&str] = &[
    "old",
    "born",
    "based",
    "style",
    "led",
    "era",
    "type",
    "run",
    "trained",
    "winning",
    "backed",
    "owned",
    "made",
    "bred",
    "raised",
    "educated",
    "like",
    "inspired",
    "funded",
    "controlled",
    "linked",
    "affiliated",
    "appointed",
    "nominated",
    "match",
    "watcher",
    "watchers",
    "kickers",
    "shirts",
    "shirt",
    "esque",
    "themed",
    "designed",
    "directed",
    "produced",
    "elect",
    "listed",
];

/// A given name of the list, or a compound of two ("Kerry-Ann", "Jean-Pierre").
fn given_name(ctx: &Context<'_>, w: &str) -> bool {
    ctx.rules.given_name(w).is_some()
        || w.split_once('-').is_some_and(|(a, b)| {
            // "Ann" of "Kerry-Ann", or "Marie" of "Anne-marie" written in lower case.
            ctx.rules.given_names.contains_key(a)
                && ctx
                    .rules
                    .given_names
                    .contains_key(crate::text::capitalise_first(b).as_str())
        })
}

/// A word usable inside a name.
fn name_word(ctx: &Context<'_>, tok: &Token) -> bool {
    use crate::lexicon::class;
    if tok.class & class::CAPITALISED == 0 {
        return false;
    }
    let t = &ctx.doc.text[tok.start..tok.end];
    if (tok.class | tok.base_class) & class::NOT_NAME != 0 {
        return false;
    }
    if tok.class & class::PLAIN != 0 {
        // ASCII letters only (most words): no possessive, no digit; shouting when the second
        // letter is upper case too, and the rest.
        return !shouting_ascii(t.as_bytes())
            && !brand_capitals(t.as_bytes())
            && tok.base_class & class::CALENDAR == 0;
    }
    let base = strip_possessive(t);
    // Shouting headlines and acronyms ("UK", "RBKC") are not names; "McDonald", "O'Neill" are.
    if shouting(base) {
        return false;
    }
    if base.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // "Twelve-year-old", "Dutch-born", "London-based": a compound that goes on in lower case
    // describes (but "al-Abidine" of a name does not, nor "Smith-Jones").
    if let Some((_, tail)) = base.rsplit_once('-') {
        if DESCRIBING_TAILS.contains(&tail) {
            return false;
        }
    }
    tok.base_class & class::CALENDAR == 0
}

/// Whether a month's word that is also a given name opens a name at `i`, its surname at
/// `surname`: after a word for a person, a title or a speech verb ("Vendor April Bacchus",
/// "Mrs June Everett"), or before a name and a speech verb, an apposition or a list's bracket,
/// where no word of time comes before it ("Jan Kowalski said", "Jan de Vries (Entertainment
/// Coordinator)"; not "In May Labour said").
fn month_name_after(ctx: &Context<'_>, toks: &[Token], i: usize, surname: usize) -> bool {
    let text = &ctx.doc.text;
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    toks.get(surname).is_some_and(|n| {
        adjacent(text, &toks[surname - 1], n)
            && n.kind == TokenKind::Word
            && name_word(ctx, n)
            && n.class & crate::lexicon::class::ORGANISATION == 0
    }) && ((i > 0
        && (toks[i - 1].base_class
            & (crate::lexicon::class::ROLE_HEAD
                | crate::lexicon::class::DESCRIPTOR)
            != 0
            || KIN.contains(&word(i - 1))
            || KIN_PLURAL.contains(&word(i - 1))
            || matches!(word(i - 1), "said" | "says")
            // (Or after a honorific: "Mrs June Everett", "Aunty May Ross".)
            || toks[i - 1].class & crate::lexicon::class::HONORIFIC != 0
            || (i >= 2
                && word(i - 1) == "."
                && toks[i - 2].class & crate::lexicon::class::HONORIFIC != 0)))
        || ((i == 0
            || word(i - 1) == ","
            || (word(i - 1).starts_with(|c: char| c.is_ascii_lowercase())
                && !MONTH_PREPOSITIONS.contains(&word(i - 1))))
            && toks.get(surname + 1).is_some_and(|n| {
                let w = &text[n.start..n.end];
                w == ","
                    // (Or its post in brackets on a list's line.)
                    || (w == "(" && text[..toks[i].start].ends_with('\n'))
                    || (n.cue & crate::rules::cue::SPEECH != 0
                        && w.starts_with(|c: char| c.is_lowercase()))
            })))
}

/// A brand's capital inside a word, after a prefix of five letters or more that no family
/// name has: "WaterBridge", "PowerPoint" (but "McKenzie", "DeShawn", "MaryAnn", "VanderWal").
fn brand_capitals(b: &[u8]) -> bool {
    // (Most capitalised words are shorter than six letters: no scan for them.)
    b.len() >= 6
        && b.windows(2)
            .position(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
            .is_some_and(|i| i + 1 >= 5 && !b.starts_with(b"Vander"))
}

/// A word whose ending names a subject or an institution, never a family name, so that a
/// run holding one is no person: "Marine Environmental Science", "Marine Pollution Bulletin",
/// "Roman Catholics" ("Terry Nation", "Clement" and "Garrity" are names: short words and
/// "-ity" are left alone).
fn subject_word(b: &[u8]) -> bool {
    let n = b.len();
    n >= 7
        && (b.ends_with(b"tion")
            || b.ends_with(b"tions")
            || b.ends_with(b"sion")
            || b.ends_with(b"mental")
            || b.ends_with(b"ology")
            || b.ends_with(b"ical")
            || b.ends_with(b"ics")
            || (n >= 8 && b.ends_with(b"ment")))
}

/// Two or more letters, all of them upper case ("UK", "RBKC").
fn shouting(base: &str) -> bool {
    let mut letters = 0;
    for c in base.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// [`shouting`] of a word of ASCII letters only, without decoding it: a capital second
/// letter is rare, so most words are settled by two bytes.
pub(crate) fn shouting_ascii(b: &[u8]) -> bool {
    b.len() >= 2 && b[1].is_ascii_uppercase() && b.iter().all(u8::is_ascii_uppercase)
}

/// Whether a name word may keep an apostrophe glued after it: a Luo name's last sound written
/// "ng'", "Mitchel Ochieng’" (no possessive: that would be "Ochieng's").
pub(crate) fn apostrophe_ending(w: &str) -> bool {
    w.ends_with("ng")
}

/// "Chalkley's" → "Chalkley".
pub fn strip_possessive(t: &str) -> &str {
    t.strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t)
}

struct Run {
    /// Token index range of the run.
    first: usize,
    last: usize,
    /// A family name in capitals before a given name ("TAKEUCHI Haruka"): the convention is
    /// the evidence (see [`family_capitals`]).
    family_caps: bool,
}

/// Tokens `a` and `b` are separated by spaces on one line only.
/// Words of one name: a space or two between them, or a line break where a sentence was
/// wrapped ("Tory leader Michael⏎Howard": a sentence runs over a line break only when the
/// lines were found to be one paragraph).
fn adjacent(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    if gap.len() > 3 {
        return false;
    }
    let mut lines = 0;
    for c in gap.chars() {
        match c {
            ' ' | '\u{a0}' | '\r' => {}
            '\n' => lines += 1,
            _ => return false,
        }
    }
    lines <= 1
}

/// The honorific matched by tokens starting at `i` (with an optional full stop):
/// `(canonical, role, token index after it)`.
fn honorific_at(
    ctx: &Context<'_>,
    toks: &[Token],
    i: usize,
) -> Option<(String, Option<String>, usize)> {
    use crate::lexicon::class;
    // Most words start no honorific: one test of the lexicon's classes says so.
    if toks
        .get(i)
        .is_none_or(|t| t.class & (class::HONORIFIC | class::HONORIFIC_FIRST) == 0)
    {
        return None;
    }
    let text = &ctx.doc.text;
    let max = ctx.rules.honorific_max_words;
    let mut term = String::new();
    for n in (1..=max).rev() {
        if i + n > toks.len() {
            continue;
        }
        // The lexicon tells whether the first word may start a honorific at all.
        let needs = if n > 1 {
            class::HONORIFIC_FIRST
        } else {
            class::HONORIFIC
        };
        if toks[i].class & needs == 0 {
            continue;
        }
        if toks[i..i + n].iter().any(|t| t.kind != TokenKind::Word) {
            continue;
        }
        if !toks[i..i + n]
            .windows(2)
            .all(|w| adjacent(text, &w[0], &w[1]))
        {
            continue;
        }
        // The words joined by single spaces, built only for terms of two or more words.
        let hit = if n == 1 {
            ctx.rules.honorifics.get(&text[toks[i].start..toks[i].end])
        } else {
            term.clear();
            for (k, t) in toks[i..i + n].iter().enumerate() {
                if k > 0 {
                    term.push(' ');
                }
                term.push_str(&text[t.start..t.end]);
            }
            ctx.rules.honorifics.get(term.as_str())
        };
        if let Some(mut h) = hit {
            let mut next = i + n;
            // (An elided title's apostrophe, and the title it opens: "Dato’ Seri Lim Chee
            // Keong"; not an office after "the", "the Dato’ Lembaga of the clan".)
            if next + 1 < toks.len()
                && !text[..toks[i].start].ends_with("the ")
                && !text[..toks[i].start].ends_with("The ")
                && matches!(&text[toks[next].start..toks[next].end], "'" | "’")
                && toks[next].start == toks[next - 1].end
                && text[toks[next].end..].starts_with(' ')
            {
                next += 1;
                let longer = format!(
                    "{} {}",
                    &text[toks[i].start..toks[i + n - 1].end],
                    &text[toks[next].start..toks[next].end]
                );
                if let Some(l) = ctx.rules.honorifics.get(longer.as_str()) {
                    h = l;
                    next += 1;
                }
            }
            let stop = next < toks.len()
                && &text[toks[next].start..toks[next].end] == "."
                && toks[next].start == toks[next - 1].end;
            if stop {
                next += 1;
            } else if h.dotted && !h.named {
                continue;
            }
            // (Nor before a word that a title follows: "Chief Dental Officer".)
            // (Its owner's form too: "The Deputy Commissioner’s office".)
            let titled = |t: &Token| {
                (t.class | t.base_class)
                    & (class::TITLE | class::ROLE_HEAD | class::ORGANISATION | class::NOT_NAME)
                    != 0
            };
            // (A month that is a given name is one before a name: "Aunty June Everett".)
            let month_given = |t: &Token| {
                t.class & class::MONTH != 0
                    && matches!(&text[t.start..t.end], "April" | "May" | "June" | "August")
                    && toks.get(next + 1).is_some_and(|n| {
                        adjacent(text, t, n) && n.class & class::CAPITALISED != 0 && !titled(n)
                    })
            };
            if h.strict
                && toks.get(next).is_none_or(|t| {
                    t.class & class::CAPITALISED == 0
                        || (titled(t) && !month_given(t))
                        || toks
                            .get(next + 1)
                            .is_some_and(|n| adjacent(text, t, n) && titled(n))
                })
            {
                continue;
            }
            // (Nor the words of a bracket that qualifies a post: "Minister of State for Health
            // (General Duties)".)
            if h.strict
                && text[..toks[i].start].ends_with('(')
                && toks
                    .get(next)
                    .is_some_and(|t| text[t.end..].starts_with(')'))
            {
                continue;
            }
            // (Both flags: with its stop, or before a given name: "Bi. Asha", "Bi Asha".)
            // (Or before a surname alone where the document gives the title to a given name
            // elsewhere: "Z. Arben Qirjazi" then "Z. Qirjazi".)
            if h.named
                && !(h.dotted && stop)
                && toks
                    .get(next)
                    .is_none_or(|t| !ctx.rules.given_names.contains_key(&text[t.start..t.end]))
                && !toks.get(next).is_some_and(|t| {
                    t.class & class::CAPITALISED != 0
                        && titles_a_full_name(
                            ctx,
                            &text[toks[i].start..toks[next - 1].end],
                            &text[t.start..t.end],
                        )
                })
            {
                continue;
            }
            // (Nor a word the document writes in lower case before the same name: "Ap Rhys
            // said" opening a sentence is the "ap Rhys" of "Dafydd ap Rhys".)
            if (h.strict || h.named) && n == 1 && next < toks.len() {
                let title = &text[toks[i].start..toks[i].end];
                let name = &text[toks[next].start..toks[next].end];
                let lower = format!("{} {name}", title.to_lowercase());
                if lower.as_str() != &text[toks[i].start..toks[next].end]
                    && memchr::memmem::find(text.as_bytes(), lower.as_bytes()).is_some()
                {
                    continue;
                }
            }
            // (A title that is a given name too needs a whole name after it: "Don Pietro
            // Porcu", "Ato Tilahun Desta", where "Don Penney" and "Ato Boldon" are names.)
            // (Or a given name that opens a whole name elsewhere in the document: "Don
            // Segundo" after "Segundo Ñancupil Vargas".)
            let opens_name_elsewhere = || {
                let g = &text[toks[next].start..toks[next].end];
                memchr::memmem::find_iter(text.as_bytes(), g.as_bytes()).any(|k| {
                    k != toks[next].start
                        && !text[..k].ends_with(|c: char| c.is_alphanumeric())
                        && text[k + g.len()..]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(char::is_uppercase))
                })
            };
            // (Or, whatever the word, one that the same title opens elsewhere: "Ato Desalegn"
            // after "Ato Desalegn Mekonnen".)
            let titled_elsewhere = || {
                let titled = format!(
                    "{} {}",
                    &text[toks[i].start..toks[i].end],
                    &text[toks[next].start..toks[next].end]
                );
                memchr::memmem::find_iter(text.as_bytes(), titled.as_bytes()).any(|k| {
                    k != toks[i].start
                        && text[k + titled.len()..]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(char::is_uppercase))
                })
            };
            // (A title flagged `whole` needs one too, and opens the name: "U Than Soe", not
            // "U Bahn" or "Hye U Kim".)
            // (After another title it is one: "YB Tuan Goh Chee Wei".)
            if h.whole && i > 0 && adjacent(text, &toks[i - 1], &toks[i]) && {
                let p = &toks[i - 1];
                p.kind == TokenKind::Word
                    && p.class & class::CAPITALISED != 0
                    && p.class & class::HONORIFIC == 0
            } {
                continue;
            }
            if (h.named || h.strict)
                && n == 1
                && (h.whole
                    || ctx
                        .rules
                        .given_names
                        .contains_key(&text[toks[i].start..toks[i].end]))
                && !toks.get(next + 1).is_some_and(|w| {
                    adjacent(text, &toks[next], w)
                        && (w.class & class::CAPITALISED != 0
                            // (A particle may open the surname: "Don Pietro de Marchi".)
                            || (PARTICLES.contains(&&text[w.start..w.end])
                                && toks.get(next + 2).is_some_and(|v| {
                                    v.class & class::CAPITALISED != 0 && adjacent(text, w, v)
                                })))
                })
                && !(next < toks.len()
                    && (given_name(ctx, &text[toks[next].start..toks[next].end])
                        || titled_elsewhere())
                    && opens_name_elsewhere())
            {
                continue;
            }
            return Some((h.canonical.clone(), h.role.clone(), next));
        }
    }
    None
}

/// Whether the token at `j` is an apostrophe written for a Polynesian glottal stop (the
/// ʻokina) before a name word: a space before it, the capitalised word glued after it, and no
/// quotation mark of its kind closing after that word ("Viliami 'Aho," but not "'Aho' means").
fn okina_at(ctx: &Context<'_>, toks: &[Token], j: usize) -> bool {
    let text = &ctx.doc.text;
    let (Some(t), Some(n)) = (toks.get(j), toks.get(j + 1)) else {
        return false;
    };
    // (The kind and the first byte first: most tokens are words, and no mark.)
    if t.kind == TokenKind::Word || !matches!(text.as_bytes()[t.start], b'\'' | 0xE2) {
        return false;
    }
    let q = &text[t.start..t.end];
    if !matches!(q, "'" | "’" | "‘") || j == 0 || n.start != t.end || t.start == toks[j - 1].end
    {
        return false;
    }
    if n.kind != TokenKind::Word || !name_word(ctx, n) {
        return false;
    }
    // (No closing mark of its kind before the line's or the sentence's end.)
    let far = crate::text::floor_boundary(text, (n.end + 120).min(text.len()));
    let rest = &text[n.end..far];
    let rest = &rest[..rest.find(['\n', '.', '?', '!']).unwrap_or(rest.len())];
    let close = if q == "‘" { "’" } else { q };
    !rest.contains(close)
}

/// The Mongolian patronymic initials written with two letters: "Ts. Baasanjav".
/// (And the Filipino "Ma." of Maria: "Ma. Cristina Dela Peña-Abueg"; a Greek father's name:
/// "Andreas Th. Vlachos", "Chr.")
const TWO_LETTER_INITIALS: &[&str] = &["Ts", "Ch", "Sh", "Kh", "Zh", "Ma", "Th", "Ph", "Chr"];

fn is_initial(text: &str, toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    // One character is at most four bytes.
    if t.class & crate::lexicon::class::CAPITALISED == 0 || t.end - t.start > 4 {
        return false;
    }
    // A word of ASCII letters only is one letter long.
    if t.class & crate::lexicon::class::PLAIN != 0
        && t.end - t.start != 1
        && !TWO_LETTER_INITIALS.contains(&&text[t.start..t.end])
    {
        return false;
    }
    let mut chars = text[t.start..t.end].chars();
    let one_upper = match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => TWO_LETTER_INITIALS.contains(&&text[t.start..t.end]),
    };
    one_upper
        && toks
            .get(i + 1)
            .is_some_and(|d| &text[d.start..d.end] == "." && d.start == t.end)
}

/// Whether an apposition naming a post follows `end`: ", a logistics manager," (a role head
/// within a few words after the comma, before the next comma).
fn post_after(ctx: &Context<'_>, end: usize) -> bool {
    let text = &ctx.doc.text;
    // (Or in brackets, as a list of people gives it: "Fatuma Abdallah Said (research officer)".)
    let Some(rest) = text[end..]
        .strip_prefix(", ")
        .or_else(|| text[end..].strip_prefix(" ("))
    else {
        return false;
    };
    let mut cut = rest.len().min(60);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let segment = &rest[..cut];
    let segment = &segment[..segment
        .find([',', '.', ';', ':', ')'])
        .unwrap_or(segment.len())];
    let first = segment.split(' ').next().unwrap_or("");
    if matches!(
        first,
        "who" | "whose" | "which" | "where" | "when" | "while"
    ) {
        return false;
    }
    let b = segment.as_bytes();
    ctx.rules.role_matcher.find_iter(segment).any(|m| {
        (m.start() == 0 || !b[m.start() - 1].is_ascii_alphanumeric())
            && b.get(m.end()).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Whether a maiden name follows `end`: " (née Schuster)", " (born Parata)". Only a person's
/// surname stands before one.
fn maiden_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    ["(née ", "(nee ", "(born ", ", née ", ", nee "]
        .iter()
        .any(|p| rest.strip_prefix(' ').unwrap_or(rest).starts_with(p))
}

/// A given name of two syllables joined by a hyphen, the second in lower case, as Korean
/// names are written in English: "Jae-sung", "Geun-hye", "Min-ho".
fn hyphened_given(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let mut ac = a.chars();
    ac.next().is_some_and(|c| c.is_ascii_uppercase())
        && ac.all(|c| c.is_ascii_lowercase())
        && (2..=4).contains(&a.len())
        && (2..=4).contains(&b.len())
        && b.bytes().all(|c| c.is_ascii_lowercase())
}

/// A name that a father's particle in lower case joins: "Sendi anak Rantai" (Iban, child
/// of), "Zulkarnain bin Hamid", "Siti binti Osman": a person's, whatever the lists hold.
fn patronymic(ctx: &Context<'_>, name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let Some(k) = words
        .iter()
        .position(|w| matches!(*w, "anak" | "bin" | "binti" | "bte" | "binte"))
    else {
        return false;
    };
    k >= 1
        && k + 1 < words.len()
        && words.len() <= 6
        && words.iter().enumerate().all(|(i, w)| {
            i == k
                || (w.starts_with(char::is_uppercase)
                    && !ctx.rules.not_names.contains(*w)
                    && !ctx.rules.organisation_words.contains(*w))
        })
}

/// A family name written in capitals before the given name, as Japanese (and Korean) names
/// are in English from their own institutions: "Professor TAKEUCHI Haruka", "MORI Kanako",
/// "KIM Min-jun". The capitals are the convention's mark, so the family name must read as
/// romanised Japanese (which acronyms rarely do: "NHS", "BBC") or the given name as Korean,
/// and the name must end at the given name ("NASA Jim Bridenstine" is not one).
fn family_capitals(ctx: &Context<'_>, toks: &[Token], i: usize) -> bool {
    let text = &ctx.doc.text;
    let (fam, giv) = match (toks.get(i), toks.get(i + 1)) {
        (Some(f), Some(g)) if g.kind == TokenKind::Word && adjacent(text, f, g) => (f, g),
        _ => return false,
    };
    let family = &text[fam.start..fam.end];
    let given = &text[giv.start..giv.end];
    let title_case = given.starts_with(|c: char| c.is_ascii_uppercase())
        && given[1..].bytes().any(|c| c.is_ascii_lowercase());
    if fam.kind != TokenKind::Word
        || !title_case
        || family.len() < 3
        || !family.bytes().all(|c| c.is_ascii_uppercase())
        || ctx.rules.abbreviations.contains_key(family)
        || (fam.class | giv.class) & crate::lexicon::class::ORGANISATION != 0
        // ("PRESS NOTE No. 07/2026": a word that is no name.)
        || giv.class & crate::lexicon::class::NOT_NAME != 0
        // (A body's acronym and place after an article: "the UNATU Hoima branch".)
        || i.checked_sub(1)
            .is_some_and(|p| matches!(&text[toks[p].start..toks[p].end], "the" | "The"))
    {
        return false;
    }
    let shaped = (japanese_shaped(family) && (japanese_shaped(given) || given_name(ctx, given)))
        || hyphened_given(given);
    shaped
        && !toks
            .get(i + 2)
            .is_some_and(|n| adjacent(text, giv, n) && name_word(ctx, n))
}

/// Whether a word reads as romanised Japanese (Hepburn): syllables of a vowel after at most
/// one consonant or a pair ("shi", "chi", "tsu", "kyo"), a syllabic "n" ("Ken'ichi"), a doubled
/// consonant ("Hattori"): "Takeuchi", "Kobayashi", "Shoji".
fn japanese_shaped(w: &str) -> bool {
    let b = w.as_bytes();
    let lower = |k: usize| b[k].to_ascii_lowercase();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if b.len() < 2 || !b.iter().all(|c| c.is_ascii_alphabetic() || *c == b'\'') {
        return false;
    }
    let mut k = 0;
    while k < b.len() {
        let c = lower(k);
        let next = (k + 1 < b.len()).then(|| lower(k + 1));
        if vowel(c) {
            k += 1;
        } else if c == b'\'' {
            // Only after a syllabic "n".
            if k == 0 || lower(k - 1) != b'n' {
                return false;
            }
            k += 1;
        } else if (c == b'n' && next.is_none_or(|n| !vowel(n) && n != b'y'))
            || next.is_some_and(|n| {
                (n == c && matches!(c, b'k' | b's' | b't' | b'p')) || (c == b't' && n == b'c')
            })
        {
            // A syllabic "n", or the first of a doubled consonant.
            k += 1;
        } else {
            let onset = match (c, next) {
                (b's' | b'c', Some(b'h')) | (b't', Some(b's')) => 2,
                (b'k' | b'g' | b'n' | b'h' | b'b' | b'p' | b'm' | b'r', Some(b'y')) => 2,
                (
                    b'k' | b'g' | b's' | b'z' | b'j' | b't' | b'd' | b'n' | b'h' | b'b' | b'p'
                    | b'm' | b'y' | b'r' | b'w' | b'f',
                    _,
                ) => 1,
                _ => return false,
            };
            k += onset;
            if k >= b.len() || !vowel(lower(k)) {
                return false;
            }
            k += 1;
        }
    }
    true
}

/// The closing quotation mark's token of a one-word nickname opening at token `j`:
/// "'Bobo'" of "Rajindra 'Bobo' Maharaj".
fn nickname_at(text: &str, toks: &[Token], j: usize) -> Option<usize> {
    let w = |i: usize| &text[toks[i].start..toks[i].end];
    let close = match w(j) {
        "'" => "'",
        "\"" => "\"",
        "‘" => "’",
        "“" => "”",
        _ => return None,
    };
    (j + 2 < toks.len()
        && toks[j + 1].start == toks[j].end
        && toks[j + 2].start == toks[j + 1].end
        && toks[j + 1].kind == TokenKind::Word
        && w(j + 1).starts_with(char::is_uppercase)
        && w(j + 2) == close)
        .then_some(j + 2)
}

/// The closing bracket's token of one name word in brackets opening at token `j`: a maiden
/// name or a spouse's given name inside a name, as obituaries write them ("Hilda (Nordquist)
/// Hanson", "Kurt (Donna) Hanson"). A word in brackets that is no given name only right after
/// a given name that opens the name at `first` (a maiden name): "Olaf Ludwig (Germany) Telekom"
/// is a results line.
fn bracketed_name_at(ctx: &Context<'_>, toks: &[Token], j: usize, first: usize) -> Option<usize> {
    let text = &ctx.doc.text;
    let w = |i: usize| &text[toks[i].start..toks[i].end];
    (j + 2 < toks.len()
        && &text[toks[j].start..toks[j].end] == "("
        && toks[j + 1].start == toks[j].end
        && toks[j + 2].start == toks[j + 1].end
        && toks[j + 1].kind == TokenKind::Word
        && toks[j + 1].end - toks[j + 1].start >= 2
        && name_word(ctx, &toks[j + 1])
        && !is_suffix(&text[toks[j + 1].start..toks[j + 1].end])
        && w(j + 2) == ")"
        && (given_name(ctx, w(j + 1))
            || (given_name(ctx, w(first))
                && (j == first + 1
                    || (j == first + 4 && nickname_at(text, toks, first + 1).is_some())))))
    .then_some(j + 2)
}

/// A name's text, white space collapsed and a nickname in quotation marks left out:
/// "Rajindra 'Bobo' Maharaj" is "Rajindra Maharaj" (the evidence keeps it).
pub(crate) fn name_text(s: &str) -> String {
    let name = crate::text::collapse(s);
    // (Most names hold no quotation mark: one byte search says so.)
    if !name
        .bytes()
        .any(|b| b == b'\'' || b == b'"' || b == 0xE2 || b == b'(')
    {
        return name;
    }
    name.split(' ')
        .filter(|w| {
            let quoted = |a: char, b: char| w.len() > 2 && w.starts_with(a) && w.ends_with(b);
            !(quoted('\'', '\'')
                || quoted('"', '"')
                || quoted('‘', '’')
                || quoted('“', '”')
                || quoted('(', ')'))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Find name runs: maximal sequences of name words, initials and inner particles.
fn runs(ctx: &Context<'_>, toks: &[Token]) -> Vec<Run> {
    let text = &ctx.doc.text;
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    let mut out = Vec::new();
    // A common surname that is also a place word ("Young", "Park", "Hall") ends a name after a
    // honorific ("Mr Young", "Dr Helen Park") or before a speech verb ("Neil Young said",
    // "Park added"), never elsewhere ("Hyde Park", "Victoria Park").
    let surname = |i: usize, first: usize| {
        let t = &toks[i];
        // (Checked in the order of cost: most capitalised not-names are "The", "This", ...)
        t.kind == TokenKind::Word
            && t.class & crate::lexicon::class::NOT_NAME != 0
            && t.class & crate::lexicon::class::PLAIN != 0
            && ctx.rules.surname_not_names.contains(word(i))
            && ((first.saturating_sub(3)..=first).any(|k| {
                // (Given names only between: "Dr Helen Park", not "King Solomon Missionary
                // Baptist Church".)
                honorific_at(ctx, toks, k).is_some_and(|h| {
                    h.2 >= first
                        && h.2 <= i
                        && (h.2..i)
                            .all(|m| toks[m].kind == TokenKind::Word && given_name(ctx, word(m)))
                })
            }) || (toks.get(i + 1).is_some_and(|n| {
                n.cue & crate::rules::cue::SPEECH != 0
                    && text[n.start..].starts_with(|c: char| c.is_lowercase())
            }) && (if first == i {
                i == 0 || toks[i - 1].class & crate::lexicon::class::CAPITALISED == 0
            } else {
                (first + 1 == i && given_name(ctx, word(first)))
                    // (After a title that opens the sentence: "Singer Neil Young said".)
                    || (first + 2 == i
                        && (toks[first].class | toks[first].base_class)
                            & (crate::lexicon::class::ROLE_HEAD
                                | crate::lexicon::class::DESCRIPTOR)
                            != 0
                        && given_name(ctx, word(first + 1)))
            }))
                // Or before a Korean given name: "Chairman Park Jae-sung".
                || (first == i
                    && toks.get(i + 1).is_some_and(|n| {
                        adjacent(text, t, n) && hyphened_given(&text[n.start..n.end])
                    }))
                // Or after a given name, before an apposition naming a post: "Jim Hall, a
                // logistics manager," (not "Victoria Park, home of …"), a second given or
                // family name between or none: "Fatuma Abdallah Said (research officer)".
                || ((first + 1 == i
                    || (first + 2 == i
                        && toks[first + 1].kind == TokenKind::Word
                        && toks[first + 1].class & crate::lexicon::class::NOT_NAME == 0))
                    && given_name(ctx, word(first))
                    && (post_after(ctx, toks[i].end)
                        // Or before a maiden name: "Elisabeta Moldovan (née Schuster)".
                        || maiden_after(text, toks[i].end)
                        // Or after one, set off by commas: "the company's CEO, Tim Lane,".
                        || (first >= 2
                            && word(first - 1) == ","
                            && toks[first - 2].class & crate::lexicon::class::ROLE_HEAD != 0
                            && text[toks[i].end..].starts_with([',', '.'])))))
    };
    let mut i = 0;
    while i < toks.len() {
        // (A capital second byte is rare: most words are settled by it.)
        if toks[i].class & crate::lexicon::class::CAPITALISED != 0
            && text
                .as_bytes()
                .get(toks[i].start + 1)
                .is_some_and(u8::is_ascii_uppercase)
            && family_capitals(ctx, toks, i)
        {
            out.push(Run {
                first: i,
                last: i + 1,
                family_caps: true,
            });
            i += 2;
            continue;
        }
        // Both a name word and an initial are capitalised: most words are neither.
        let starts = toks[i].kind == TokenKind::Word
            && toks[i].class & crate::lexicon::class::CAPITALISED != 0
            && (name_word(ctx, &toks[i]) || is_initial(text, toks, i));
        // (A surname may open a name written surname first: "President Park Geun-hye".)
        let starts =
            starts || (toks[i].class & crate::lexicon::class::CAPITALISED != 0 && surname(i, i));
        // (An Irish particle may open one: "Ó Conghaile said".)
        let starts = starts
            || (toks[i].class & crate::lexicon::class::CAPITALISED != 0
                // (The capitalised particles start with these bytes: "Ó" is 0xC3 0x93.)
                && matches!(text.as_bytes()[toks[i].start], 0xC3 | b'N' | b'U')
                && PARTICLES.contains(&word(i))
                && i + 1 < toks.len()
                && adjacent(text, &toks[i], &toks[i + 1])
                && (name_word(ctx, &toks[i + 1]) || mutated(word(i + 1))));
        // (The verb "Said" is an Arabic given name before a father's name: "Said bin Khamis".)
        let starts = starts
            || (toks[i].class & crate::lexicon::class::CAPITALISED != 0
                && word(i) == "Said"
                && i + 2 < toks.len()
                && matches!(word(i + 1), "bin" | "ibn" | "bint")
                && adjacent(text, &toks[i], &toks[i + 1])
                && adjacent(text, &toks[i + 1], &toks[i + 2])
                && name_word(ctx, &toks[i + 2]));
        // (A month that is also a given name, after a word for a person and before a name:
        // "Vendor April Bacchus", "their children June Arzu-Flores".)
        // (Or before a name and a speech verb or an apposition, where no word of time comes
        // before it: "Jan Kowalski said", "The mayor, Jan Novak, said"; not "In May Labour
        // said".)
        // (A particle may come between: "Jan de Vries (Entertainment Coordinator)".)
        let starts = starts
            || (toks[i].class & crate::lexicon::class::MONTH != 0
                && matches!(word(i), "April" | "May" | "June" | "August" | "Jan")
                && {
                    let particle = i + 2 < toks.len()
                        && PARTICLES.contains(&word(i + 1))
                        && word(i + 1).starts_with(char::is_lowercase)
                        && adjacent(text, &toks[i], &toks[i + 1]);
                    month_name_after(ctx, toks, i, if particle { i + 2 } else { i + 1 })
                });
        // (A Polynesian name opening with its glottal stop, after a honorific: "Ms 'Ana
        // Kupu-Latu", "Mr 'Aho".)
        let starts = starts
            || (toks[i].kind != TokenKind::Word
                && i > 0
                && toks[i - 1].class & crate::lexicon::class::HONORIFIC != 0
                && okina_at(ctx, toks, i));
        // (An Arabic given name that is also the verb, opening a sentence before a given
        // name and another name word: "Said Ali Mmadi, president of …".)
        let starts = starts
            || (i == 0
                && word(i) == "Said"
                && toks.get(i + 1).is_some_and(|n| {
                    adjacent(text, &toks[i], n) && given_name(ctx, &text[n.start..n.end])
                })
                && toks
                    .get(i + 2)
                    .is_some_and(|n| adjacent(text, &toks[i + 1], n) && name_word(ctx, n))
                // (The verb before a quotation: "Said Dorothy Poynter, who grew up with him,
                // “We were all so proud.”")
                && !toks[i + 3..]
                    .iter()
                    .any(|t| matches!(&text[t.start..t.end], "“" | "\"" | "‘")));
        if !starts {
            i += 1;
            continue;
        }
        // "U.S.", "U.N.": dotted initials that the rules list as an abbreviation.
        if is_initial(text, toks, i) {
            let mut j = i;
            while j + 2 < toks.len()
                && toks[j + 2].start == toks[j + 1].end
                && is_initial(text, toks, j + 2)
            {
                j += 2;
            }
            if j > i
                && ctx
                    .rules
                    .abbreviations
                    .contains_key(&text[toks[i].start..toks[j].end])
            {
                i = j + 2;
                continue;
            }
        }
        let first = i;
        let mut last = i;
        // "Dexter St. Rose", "Kelly St John": a surname of a saint's name after a given name;
        // the token of its last word.
        let saint_surname = |j: usize| {
            if word(j) != "St" || j == first || !given_name(ctx, word(j - 1)) {
                return None;
            }
            // (A name may end the text: "Heather St".)
            let glued_stop =
                j + 1 < toks.len() && word(j + 1) == "." && toks[j + 1].start == toks[j].end;
            let k = if glued_stop { j + 2 } else { j + 1 };
            (k < toks.len()
                && adjacent(text, &toks[k - 1], &toks[k])
                && toks[k].kind == TokenKind::Word
                && name_word(ctx, &toks[k]))
            .then_some(k)
        };
        if word(i) != strip_possessive(word(i)) {
            // "Burma's Suu Kyi": a possessive word is a name of its own.
            out.push(Run {
                first,
                last,
                family_caps: false,
            });
            i += 1;
            continue;
        }
        let mut j = if is_initial(text, toks, i) {
            i + 2
        } else {
            i + 1
        };
        // A pair of initials joined by a hyphen, for a hyphenated given name: "J.-P. Morel",
        // "B.-M. Åkerlund".
        if j == i + 2
            && j + 2 < toks.len()
            && word(j) == "-"
            && toks[j].start == toks[j - 1].end
            && toks[j + 1].start == toks[j].end
            && is_initial(text, toks, j + 1)
        {
            last = j + 1;
            j += 3;
        }
        while j < toks.len() && adjacent(text, &toks[j - 1], &toks[j]) {
            let w = word(j);
            // The Dutch particle "'t" ("Maarten 't Hooft"), which the tokenizer splits.
            if matches!(w, "'" | "’")
                && j + 2 < toks.len()
                && word(j + 1) == "t"
                && toks[j + 1].start == toks[j].end
                && adjacent(text, &toks[j + 1], &toks[j + 2])
                && name_word(ctx, &toks[j + 2])
            {
                j += 2;
                continue;
            }
            // A nickname in quotation marks inside the name: "Rajindra 'Bobo' Maharaj",
            // "Dorothy Ann \"Dot\" Wierzbicki" (left out of the name's text, see
            // `name_text`).
            // (Or a name in brackets, the maiden name or the spouse's of an obituary: "Hilda
            // (Nordquist) Hanson", "Margaret \"Peg\" (Lindquist) Hanson".)
            let goes_on = |k: usize| {
                k < toks.len()
                    && adjacent(text, &toks[k - 1], &toks[k])
                    && (name_word(ctx, &toks[k])
                        || bracketed_name_at(ctx, toks, k, first).is_some_and(|c| {
                            c + 1 < toks.len()
                                && adjacent(text, &toks[c], &toks[c + 1])
                                && name_word(ctx, &toks[c + 1])
                        }))
            };
            // (Punctuation only opens them: most tokens are words.)
            let opened = if toks[j].kind == TokenKind::Word {
                None
            } else {
                nickname_at(text, toks, j).or_else(|| bracketed_name_at(ctx, toks, j, first))
            };
            if let Some(close) = opened {
                if goes_on(close + 1) {
                    j = close + 1;
                    continue;
                }
            }
            // A Polynesian name word written with an apostrophe for its glottal stop:
            // "Viliami 'Aho".
            if okina_at(ctx, toks, j) {
                last = j + 1;
                j += 2;
                continue;
            }
            if toks[j].kind != TokenKind::Word {
                break;
            }
            // "W.Va": a word glued to an initial's full stop is an abbreviation, not a name.
            // (But a Mongolian patronymic's initial goes before the given name without a space:
            // "D.Oyunchimeg", "B.Bat-Ochir".)
            let glued = toks[j].start == toks[j - 1].end
                && word(j - 1) == "."
                && !(j == first + 2
                    && w.chars().count() >= 4
                    && w.chars().nth(1).is_some_and(char::is_lowercase));
            // "Yasantha Gunawardena J., Priyanthi Dissanayake J. and …": a judge's "J." after a
            // name is the office, not an initial (see `roles::postnominal_after`).
            if word(j) == "J"
                && j > first + 1
                && crate::extract::roles::judicial_at(text, toks[j].start).is_some()
            {
                break;
            }
            if is_initial(text, toks, j) {
                last = j;
                j += 2;
            } else if glued {
                break;
            } else if surname(j, first) {
                last = j;
                j += 1;
            } else if let Some(k) = (w == "St").then(|| saint_surname(j)).flatten() {
                last = k;
                j = k + 1;
            } else if name_word(ctx, &toks[j]) || suffix(w) || hyphened_particle(w) {
                last = j;
                j += 1;
                // A possessive ends the name.
                if w != strip_possessive(w) {
                    break;
                }
            } else if mutated(w) && PARTICLES.contains(&word(j - 1)) {
                last = j;
                j += 1;
            } else if matches!(w, "a" | "s" | "d")
                && j + 3 < toks.len()
                && word(j + 1) == "/"
                && matches!(word(j + 2), "p" | "l" | "o")
                && toks[j + 1].start == toks[j].end
                && toks[j + 2].start == toks[j + 1].end
                && adjacent(text, &toks[j + 2], &toks[j + 3])
                && name_word(ctx, &toks[j + 3])
            {
                // A Malaysian Indian father's name after "a/p" (daughter of) or "a/l", "s/o"
                // (son of): "Kavitha a/p Subramaniam".
                last = j + 3;
                j += 4;
            } else if w == "Said"
                && j + 1 < toks.len()
                && adjacent(text, &toks[j], &toks[j + 1])
                && name_word(ctx, &toks[j + 1])
                // (Not in a heading set in title case: "Clinton Said Financial Reform …".)
                && toks.get(j + 2).is_none_or(|t| {
                    t.kind != TokenKind::Word || t.class & crate::lexicon::class::CAPITALISED == 0
                })
            {
                // An Arabic or Swahili name word between two others, where the verb would be
                // in lower case: "Fatuma Said Omar".
                last = j + 1;
                j += 2;
            } else if w == "Were"
                && last + 1 == j
                && j >= first + 2
                && adjacent(text, &toks[j - 1], &toks[j])
                && toks.get(j + 1).is_none_or(|t| {
                    matches!(word(j + 1), "," | ";") || !adjacent(text, &toks[j], t)
                })
            {
                // A Luo family name after two name words, before a comma or the line's end,
                // where the verb would be in lower case: "Erick Onyango Were, now …".
                last = j;
                j += 1;
            } else if matches!(w, "Thu" | "Sun" | "Mon")
                && j + 1 < toks.len()
                && adjacent(text, &toks[j], &toks[j + 1])
                && name_word(ctx, &toks[j + 1])
            {
                // A weekday's abbreviation that is a name word between two others: the
                // Vietnamese "Nguyễn Thị Thu Hà", the Chinese "Lee Sun Hee".
                last = j + 1;
                j += 2;
            } else if PARTICLES.contains(&w) {
                // Particles ("van der") must lead to a name word on the same line.
                let mut k = j;
                while k < toks.len() && PARTICLES.contains(&word(k)) {
                    // The Dutch "'t" after a particle: "Jan-Willem van 't Hof" (the tokenizer
                    // splits the apostrophe off).
                    if k + 3 < toks.len()
                        && matches!(word(k + 1), "'" | "’")
                        && word(k + 2) == "t"
                        && toks[k + 2].start == toks[k + 1].end
                        && adjacent(text, &toks[k], &toks[k + 1])
                        && adjacent(text, &toks[k + 2], &toks[k + 3])
                    {
                        k += 3;
                        break;
                    }
                    // An elided particle: "Lorenzo de' Medici" (the apostrophe glued to it).
                    if k + 2 < toks.len()
                        && matches!(word(k + 1), "'" | "’")
                        && toks[k + 1].start == toks[k].end
                        && adjacent(text, &toks[k + 1], &toks[k + 2])
                    {
                        k += 1;
                    }
                    if k + 1 >= toks.len() || !adjacent(text, &toks[k], &toks[k + 1]) {
                        break;
                    }
                    k += 1;
                }
                // (Or "Said", a father's name before another: "Abdulrahman bin Said
                // Al-Mahdaly", which the loop takes as a name word between two.)
                let father = || {
                    word(k) == "Said"
                        && matches!(word(k - 1), "bin" | "ibn" | "bint" | "binti")
                        && k + 1 < toks.len()
                        && adjacent(text, &toks[k], &toks[k + 1])
                        && name_word(ctx, &toks[k + 1])
                };
                if k > j
                    && k < toks.len()
                    && word(k - 1) != word(k)
                    && (name_word(ctx, &toks[k])
                        || hyphened_particle(word(k))
                        || mutated(word(k))
                        || father())
                {
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Run {
            first,
            last,
            family_caps: false,
        });
        i = j.max(last + 1);
    }
    out
}

/// A name in a results list: "3. William Tanui (Kenya) 3:51.40" or "..., Jane Roe (Italy)":
/// at the start of its line (after a rank) or after a comma, and followed by a bracketed team.
/// Whether the run `[start, end)` is a team on a line of match results: "Wigan 42 Bradford
/// Bulls 36", "Karlsruhe 2 Hansa Rostock 0", "RKC Waalwijk 1 (Starbuck 76) Willem II Tilburg 2"
/// (the scorers in brackets are people still).
fn team_in_results_line(text: &str, start: usize, end: usize) -> bool {
    static LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*\p{Lu}[^\d\n(]*?\s+\d{1,3}\s+(?:\([^)\n]*\)\s+)?\p{Lu}[^\d\n(]*?\s+\d{1,3}(?:\s+\(.*)?\.?\s*$",
        )
        .expect("a valid pattern")
    });
    let score_after = text[end..]
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit());
    if !score_after {
        return false;
    }
    // Only short lines, looked for no further than 200 bytes: a result is one, and a run-on
    // line stays linear.
    let lo = crate::text::floor_boundary(text, start.saturating_sub(200));
    let line_start = match text[lo..start].rfind('\n') {
        Some(i) => lo + i + 1,
        None if lo == 0 => 0,
        None => return false,
    };
    let hi = crate::text::floor_boundary(text, (end + 200).min(text.len()));
    let line_end = match text[end..hi].find('\n') {
        Some(i) => end + i,
        None if hi == text.len() => hi,
        None => return false,
    };
    let before = &text[line_start..start];
    let in_brackets = match (before.rfind('('), before.rfind(')')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    };
    !in_brackets && LINE.is_match(&text[line_start..line_end])
}

/// Whether `[start, end)` is a scorer in the brackets after a side's score: "Rangers 4
/// (Ferguson 34, McCoist 71 74, Laudrup 83)", "KURZEME VĒTRA 84 (Upenieks 24, Roze 11)": a name
/// that opens the brackets or follows a comma inside them, before a number (a minute or the
/// points scored). (Asked of a surname alone: the other rules find names in full there.)
fn scorer_entry(text: &str, start: usize, end: usize) -> bool {
    let number_after = text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    if !number_after {
        return false;
    }
    // (Only the 150 bytes before: a run-on line stays linear.)
    let lo = crate::text::floor_boundary(text, start.saturating_sub(150));
    let before = &text[lo..start];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let inside = &before[open + 1..];
    if inside.contains([')', '\n']) || !(inside.is_empty() || inside.ends_with(", ")) {
        return false;
    }
    // The items before it are names and numbers too: "Ferguson 34, McCoist 71 74, ".
    let items_ok = inside.split(", ").filter(|i| !i.is_empty()).all(|i| {
        i.ends_with(|c: char| c.is_ascii_alphanumeric()) && i.contains(|c: char| c.is_ascii_digit())
    });
    // The brackets open after a side's score: "Rangers 4 (", the side's name capitalised.
    let mut head = before[..open].trim_end().rsplit(' ');
    let score = head.next().unwrap_or("");
    let side = head.next().unwrap_or("");
    items_ok
        && (1..=3).contains(&score.len())
        && score.bytes().all(|b| b.is_ascii_digit())
        && side.starts_with(char::is_uppercase)
}

/// Whether a name follows the title that ends at `e`, which makes the words before the title
/// its seat, not a name: "Lamu East MP Hassan Twaha Ali" (a given name, or two capitalised
/// words).
fn named_after(ctx: &Context<'_>, e: usize) -> bool {
    let Some(rest) = ctx.doc.text[e..].strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split(|c: char| !c.is_alphabetic() && c != '-');
    let capital = |w: &str| w.starts_with(char::is_uppercase) && w.len() >= 2;
    // (Or after the seat: "Sinn Féin MLA for Foyle Pádraig Ó Dónaill", a party before the
    // letters; a given name after the seat's first word, or four words, tell the name.)
    if let Some(seat) = rest.strip_prefix("for ") {
        let caps: Vec<&str> = seat
            .split(' ')
            .take_while(|w| capital(w.trim_end_matches([',', '.'])))
            .collect();
        return caps.len() >= 3
            && !caps[..caps.len() - 1]
                .iter()
                .any(|w| w.ends_with([',', '.']))
            && (caps.len() >= 4 || caps[1..].iter().any(|w| given_name(ctx, w)));
    }
    let first = words.next().unwrap_or("");
    capital(first)
        && !ctx.rules.not_names.contains(first)
        && (given_name(ctx, first) || words.next().is_some_and(capital))
}

/// Whether a kinship noun stands right before `start`: "whose son Marco", "his wife, Linda".
fn kin_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let before = before
        .strip_suffix(',')
        .unwrap_or(before)
        .trim_end_matches(' ');
    // (How long a marriage lasted: "his wife of 61 years, Helju".)
    let before = before
        .strip_suffix(" years")
        .and_then(|b| b.strip_suffix(|c: char| c.is_ascii_digit()))
        .and_then(|b| {
            b.trim_end_matches(|c: char| c.is_ascii_digit())
                .strip_suffix(" of ")
        })
        .unwrap_or(before);
    let (rest, kin) = before.rsplit_once(' ').unwrap_or(("", before));
    let (rest, owner) = rest.rsplit_once(' ').unwrap_or(("", rest));
    // (One word may describe the kin: "my own daughter", "her late husband", "his eldest son".)
    let owner = if KIN_ADJECTIVES.contains(&owner) {
        rest.rsplit(' ').next().unwrap_or("")
    } else {
        owner
    };
    // (A quotation may open with the owner: "“My father, Mkrtich, made the gates".)
    let owner = owner.trim_start_matches(['"', '“', '‘', '(']);
    KIN.contains(&kin)
        && (matches!(
            owner,
            "his"
                | "her"
                | "their"
                | "whose"
                | "my"
                | "our"
                | "your"
                | "His"
                | "Her"
                | "Their"
                | "Whose"
                | "My"
                | "Our"
        ) || owner.ends_with("'s")
            // ("A son, Kitione, died in 2016": set off by commas after "a".)
            || (matches!(owner, "A" | "a") && text[..start].trim_end().ends_with(','))
            || owner.ends_with("’s"))
}

/// Prepositions before a place that a clause ends with.
const PLACE_PREPOSITIONS: &[&str] = &[
    "near", "in", "at", "from", "to", "outside", "into", "across",
];

/// Words before a month's name that make it one, not a given name: "in May", "by August".
const MONTH_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "to",
    "of",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "this",
    "each",
    "every",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "than",
    "throughout",
    "that",
    "as",
    "for",
    "around",
    "about",
    "into",
    "the",
    "end",
    "start",
    "beginning",
    "middle",
    "past",
    "coming",
];

/// Words between an owner and a word for kin: "her late husband", "my own daughter".
const KIN_ADJECTIVES: &[&str] = &[
    "own", "late", "infant", "eldest", "youngest", "elder", "older", "younger", "only", "beloved",
    "twin", "baby", "little", "big",
];

/// Words for kin before a given name ("whose son Marco", "his wife, Linda,").
pub(crate) const KIN: &[&str] = &[
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "brother",
    "sister",
    "partner",
    "grandson",
    "granddaughter",
    "niece",
    "nephew",
    "widow",
    "widower",
    "fiancée",
    "fiance",
    "fiancé",
    "stepson",
    "stepdaughter",
    "grandmother",
    "grandfather",
    "uncle",
    "aunt",
    "cousin",
    "stepfather",
    "stepmother",
    "grandchild",
];

/// Words for kin in the plural before a list of given names ("their children, Sigrún, Baldur
/// and Hafdís").
const KIN_PLURAL: &[&str] = &[
    "children",
    "sons",
    "daughters",
    "grandchildren",
    "grandsons",
    "granddaughters",
    "brothers",
    "sisters",
    "siblings",
    "stepchildren",
];

/// Whether the word `w` stands before a speech verb somewhere other than at `at`: "Sumiati
/// said".
fn speaks_elsewhere(ctx: &Context<'_>, w: &str, at: usize) -> bool {
    let text = &ctx.doc.text;
    memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).any(|k| {
        k != at
            && !text[..k].ends_with(char::is_alphanumeric)
            && text[k + w.len()..].strip_prefix(' ').is_some_and(|r| {
                let v = r.split([' ', ',', '.', ';', ':']).next().unwrap_or("");
                v.starts_with(|c: char| c.is_ascii_lowercase())
                    && ctx.rules.speech_verbs.contains(v)
            })
    })
}

/// A life's years in brackets after a name: "Revaz Tsintsadze (1937–2025)", "(1901-1978)",
/// "(born 1950)", "(b. 1950)": only a person has them.
fn life_dates_after(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(" (") else {
        return false;
    };
    let year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let inner = &rest[..crate::text::floor_boundary(rest, rest.find(')').unwrap_or(0).min(24))];
    if let Some(y) = inner
        .strip_prefix("born ")
        .or_else(|| inner.strip_prefix("b. "))
    {
        return year(y);
    }
    inner
        .split_once(['–', '-', '—'])
        .is_some_and(|(a, b)| year(a.trim()) && year(b.trim()) && a.trim() < b.trim())
}

/// The verbs after a later mention by given name that lead to what the person is or was.
const PREDICATES: [&str; 4] = [" was ", " is ", " became ", " has been "];

/// An age in apposition after a name, as news gives it: "Samer Soliman, 42, told Reuters",
/// "Jane Roe, aged 67.". (Not a number in brackets: "New Zealand (1), Scotland (8)" is a
/// seeding.)
fn age_after(text: &str, end: usize) -> bool {
    // (Or in brackets, as court reports write it: "Graham Le Feuvre (61), of St Brelade"; not
    // in a list of names that each have a number, "Argentina (4), South Africa (5), Kenya".)
    let (rest, close, bracket) = match text[end..].strip_prefix(", ") {
        Some(r) => (r, &[',', '.', ';'][..], false),
        None => match text[end..].strip_prefix(" (") {
            Some(r) => (r, &[')'][..], true),
            None => return false,
        },
    };
    let rest = rest.strip_prefix("aged ").unwrap_or(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && !rest.starts_with('0')
        && rest[..digits].parse::<u32>().is_ok_and(|n| n < 120)
        && rest[digits..].starts_with(close)
        && !(bracket
            && rest[digits + 1..]
                .strip_prefix(", ")
                .is_some_and(|r| r.starts_with(char::is_uppercase)))
}

/// Whether `[start, end)` opens its line and a date alone follows it after a comma: "Sant
/// Francesc Xavier, 12.08.2025", "Port Greville, 14 March 2025".
fn dateline_place(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let text = &ctx.doc.text;
    if start > 0 && !text[..start].ends_with('\n') {
        return false;
    }
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let line = rest.split('\n').next().unwrap_or("").trim_end();
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let numeric = |w: &str| {
        w.len() >= 6
            && w.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'/' | b'-'))
            && w.bytes().filter(u8::is_ascii_digit).count() >= 4
    };
    let dated = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || crate::text::with_lower(w.trim_end_matches('.'), |l| {
                ctx.rules.months.contains_key(l) || ctx.rules.weekdays.contains_key(l)
            })
            || w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .is_ok()
    };
    match words.as_slice() {
        [one] => numeric(one),
        ws => {
            (2..=5).contains(&ws.len())
                && ws.iter().all(|w| dated(w))
                && ws
                    .iter()
                    .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        }
    }
}

/// An age as the predicate after a name: "Ardiansyah is ten and has ridden …", "Siosaia
/// was 9." (a number up to 119, in figures or words, then the clause or sentence ends).
fn age_predicate_after(ctx: &Context<'_>, end: usize) -> bool {
    let text = &ctx.doc.text;
    let Some(rest) = text[end..]
        .strip_prefix(" is ")
        .or_else(|| text[end..].strip_prefix(" was "))
    else {
        return false;
    };
    let n = rest.split([' ', ',', '.', ';']).next().unwrap_or("");
    let value = match n.parse::<u32>() {
        Ok(v) => Some(v),
        Err(_) => ctx
            .rules
            .numbers
            .get(n)
            .copied()
            .filter(|_| !matches!(n, "a" | "an")),
    };
    let after = &rest[n.len()..];
    value.is_some_and(|v| (1..120).contains(&v))
        && ([" and ", ",", ".", ";", " years old"]
            .iter()
            .any(|e| after.starts_with(e)))
}

/// An age opening an apposition after a name: ", a 61-year-old toddy tapper".
fn aged_apposition(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..]
        .strip_prefix(", a ")
        .or_else(|| text[end..].strip_prefix(", an "))
    else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with("-year-old")
}

/// An age written before a name, as news describes people: "20-year-old Tiger Woods", "the
/// 30-year-old Mubatik Dagayeva".
fn age_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    before.len() < start && before.ends_with("-year-old")
}

/// Nouns for a person that are no descriptor of a trade: "a woman named Grace Holloway".
pub(crate) fn person_noun(lower: &str) -> bool {
    matches!(
        lower,
        "man"
            | "woman"
            | "girl"
            | "boy"
            | "person"
            | "lady"
            | "child"
            | "son"
            | "daughter"
            | "friend"
            | "resident"
            | "neighbour"
            | "neighbor"
            | "mother"
            | "father"
            | "grandmother"
            | "grandfather"
            | "parent"
            | "widow"
            | "elder"
            | "villager"
            | "spectator"
            | "onlooker"
            | "visitor"
            | "passer-by"
            | "shopper"
            | "pensioner"
            | "commuter"
            | "teenager"
            | "witness"
    )
}

/// Name words only, without a description in front: not "Songwriter Guy Chambers",
/// "Dutch-born Anton Corbijn" (evidence that a name follows, not that these words are one).
fn plain_name(ctx: &Context<'_>, toks: &[Token]) -> bool {
    use crate::lexicon::class;
    let describes = class::DESCRIPTOR | class::ROLE_HEAD | class::TITLE | class::HONORIFIC;
    toks.first().is_some_and(|t| {
        t.base_class & describes == 0 && !ctx.doc.text[t.start..t.end].contains('-')
    })
}

/// A post set off by commas after a capitalised word, a name's, just before `at`: "Jane
/// Roe, Programme Director, |Yaku Kawsay", where what follows is the post's employer.
fn post_of_name_before(
    text: &str,
    heads: &rustc_hash::FxHashSet<String>,
    from: usize,
    at: usize,
) -> bool {
    let Some(lead) = text[from..at].strip_suffix(", ") else {
        return false;
    };
    // (Or in brackets after the name: "Mark Delahunty (ANMF Organiser, Northern Victoria)".)
    let Some(c) = [lead.rfind(", "), lead.rfind(" (")]
        .into_iter()
        .flatten()
        .max()
    else {
        return false;
    };
    let post = &lead[c + 2..];
    // (A name of two words or more before it: "Kay, W Johnson/B Deacon, H Tuilagi" is a
    // list.)
    let mut before = lead[..c].rsplit([' ', '\n']);
    let name = |w: Option<&str>| {
        w.is_some_and(|w| {
            w.starts_with(char::is_uppercase) && !w.ends_with(|c: char| c.is_ascii_punctuation())
        })
    };
    // (A post in lower case is one too if a title's head ends it: "Eliona Bregu, artistic
    // director, Përmet Saze and Polyphony Festival".)
    !post.is_empty()
        && post.split(' ').count() <= 5
        && (post.starts_with(char::is_uppercase)
            || (post
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-')
                && post.rsplit(' ').next().is_some_and(|w| heads.contains(w))))
        && !post.contains(['/', '(', ')'])
        && name(before.next())
        && name(before.next())
}

/// Words that open the names of places, not of people: "North Rhine-Westphalia".
const PLACE_LEADS: &[&str] = &[
    "North", "South", "East", "West", "Upper", "Lower", "Central", "Greater", "New", "Old",
    "Great", "Little", "San", "Santa", "Saint", "St", "Port", "Fort", "Mount", "Lake", "Cape",
];

/// Two capitalised names of three letters or more joined by one hyphen, the rest of each in
/// lower case: "Redhead-Fleary", "Lukhele-Ndzimandze" (not "Coca-Cola"'s kind, which
/// gazetteers of organisations hold, nor "Stoke-on-Trent" or "Al-Amin").
fn double_barrelled(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let part = |p: &str| {
        let mut cs = p.chars();
        cs.next().is_some_and(char::is_uppercase)
            && p.chars().count() >= 3
            && cs.all(char::is_lowercase)
    };
    part(a) && part(b)
}

/// A personal possessive or reflexive pronoun within a few words in lower case after a name:
/// "Naseem Hamed retained his title", "Aiza Dudayeva, with her son". Organisations and places
/// take "its" and "their".
fn pronoun_after(ctx: &Context<'_>, toks: &[Token], from: usize) -> bool {
    let text = &ctx.doc.text;
    for t in toks.iter().skip(from).take(3) {
        let w = &text[t.start..t.end];
        match t.kind {
            TokenKind::Word if matches!(w, "his" | "her" | "himself" | "herself") => return true,
            TokenKind::Word if w.starts_with(|c: char| c.is_ascii_lowercase()) => {}
            TokenKind::Punct if w == "," => {}
            _ => return false,
        }
    }
    false
}

/// A relative clause that only a person takes after a name: "Duffy Waldorf, who tied for
/// second". (Not "whose", which organisations take too, unless kin follows it: "Selvarani
/// Jeyakumar, whose son was one of the two babies"; a firm has a "sister company".)
fn who_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if let Some(r) = rest.strip_prefix(", whose ") {
        let kin = r.split([' ', ',']).next().unwrap_or("");
        return (KIN.contains(&kin) || KIN_PLURAL.contains(&kin))
            && !matches!(
                kin,
                "partner" | "sister" | "brother" | "sisters" | "brothers"
            );
    }
    rest.strip_prefix(", who ")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()))
}

fn results_entry(text: &str, toks: &[Token], first: usize, last: usize) -> bool {
    let before = text[..toks[first].start].trim_end_matches([' ', '\t']);
    let prev_word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let line_start = before.is_empty()
        || before.ends_with('\n')
        || before.ends_with(',')
        || before.ends_with(':')
        || matches!(prev_word, "beat" | "vs" | "v" | "-" | "–")
        || {
            // A rank alone on its line: "3." (only the last few bytes matter, which keeps a
            // run-on line linear).
            let k = crate::text::floor_boundary(before, before.len().saturating_sub(5));
            let l = match before[k..].rfind('\n') {
                Some(i) => &before[k + i + 1..],
                None if k == 0 => before,
                None => "",
            };
            (!l.is_empty()
                && l.len() <= 4
                && l.ends_with('.')
                && l[..l.len() - 1].chars().all(|c| c.is_ascii_digit()))
                // (Or after a list's colon or semicolon on a run-on line: "Men: 1. Jane Roe
                // (KEN) 2:14:36; 2. …".)
                || before.strip_suffix('.').is_some_and(|b| {
                    let digits = b.len() - b.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                    (1..=3).contains(&digits)
                        && b[..b.len() - digits].trim_end_matches(' ').ends_with([';', ':'])
                })
        };
    let after = &text[toks[last].end..];
    let bracket = after.strip_prefix(" (").is_some_and(|r| {
        let inner: String = r.chars().take_while(|&c| c != ')' && c != '\n').collect();
        let acronym = inner.len() >= 2 && inner.chars().all(|c| c.is_uppercase());
        // A team or country ("Kenya", "U.S."), or a minute of play ("47th", "3rd minute").
        let team = inner.chars().next().is_some_and(|c| c.is_uppercase())
            && inner.split_whitespace().count() <= 3;
        let minute = inner.chars().next().is_some_and(|c| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| inner.split_whitespace().next().unwrap_or("").ends_with(o));
        // A place in the side: "Arjuna Ranatunga (captain)".
        let place = matches!(
            inner.as_str(),
            "captain"
                | "capt"
                | "capt."
                | "c"
                | "vice-captain"
                | "wicketkeeper"
                | "wk"
                | "goalkeeper"
        );
        // (A company's form goes on to its suffix: "Kalahari Mobile (Pty) Ltd".)
        let company = r[inner.len()..].strip_prefix(") ").is_some_and(|t| {
            t.starts_with("Ltd") || t.starts_with("Limited") || t.starts_with("Inc")
        });
        // (A country's code is a team too before a time or a score: "(ETH) 2:15:58".)
        let scored = acronym
            && r[inner.len()..]
                .strip_prefix(") ")
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        r.len() > inner.len() && (scored || !acronym) && !company && (team || minute || place)
    });
    line_start && bracket
}

/// Find person mentions in every sentence.
pub fn extract(ctx: &Context<'_>) -> Vec<PersonMention> {
    use crate::lexicon::class;
    use crate::rules::cue;
    let text = &ctx.doc.text;
    let mut out = Vec::new();
    // Candidates without evidence of their own, for the surnames that honorifics give.
    let mut unproven = Vec::new();
    let mut lone = Vec::new();
    // Names of streets, places and bodies after their kind's word ("the Estadio Elías
    // Aguirre"): no person's, wherever else the text writes them.
    let mut kind_named: Vec<&str> = Vec::new();
    for (si, sent) in ctx.doc.sentences.iter().enumerate() {
        let toks = ctx.doc.sentence_tokens(si);
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        let lower = |i: usize| ctx.doc.lower(toks[i].start, toks[i].end);
        // The word before token `i`, a comma aside, names kin: one token's test before
        // `kin_before` reads the words around it.
        let kin_word_before = |i: usize| {
            let k = if i > 0 && word(i - 1) == "," {
                i.checked_sub(2)
            } else {
                i.checked_sub(1)
            };
            // (Or before how long a marriage lasted: "his wife of 61 years, Helju".)
            let k = match k {
                Some(k) if k >= 3 && word(k) == "years" && word(k - 2) == "of" => Some(k - 3),
                k => k,
            };
            k.is_some_and(|k| KIN.contains(&word(k)))
        };
        // A list of given names after kin in the plural: "their three children, Sigrún,
        // Baldur and Hafdís" (each name of the list; at most eight back).
        // (Or with no comma after the kin: "her brothers Ivan, Mykola and Steve".)
        let kin_list_before = |first: usize| {
            let mut k = first;
            // (The words in the plural end in "s" or "children": a test of their end first.)
            let plural =
                |w: &str| (w.ends_with('s') || w.ends_with("children")) && KIN_PLURAL.contains(&w);
            for _ in 0..8 {
                let kin_right_before = k > 0 && plural(word(k - 1));
                if k == 0 || !kin_right_before && !matches!(word(k - 1), "," | "and") {
                    return false;
                }
                let kin_at = if kin_right_before {
                    Some(k - 1)
                } else if k >= 2 && word(k - 1) == "," && plural(word(k - 2)) {
                    Some(k - 2)
                } else {
                    None
                };
                if let Some(kin_at) = kin_at {
                    let from =
                        crate::text::floor_boundary(text, toks[kin_at].start.saturating_sub(30));
                    let before = &text[from..toks[kin_at].start];
                    return [
                        " his ", " her ", " their ", " whose ", " our ", "'s ", "’s ",
                    ]
                    .iter()
                    .any(|o| before.contains(o))
                        || ["His ", "Her ", "Their "]
                            .iter()
                            .any(|o| before.starts_with(o));
                }
                if k < 2 || !matches!(word(k - 1), "," | "and") {
                    return false;
                }
                // (A name of the list need not be a listed given name: "their children
                // Timoci, Ana and Unaisi".)
                let w = word(k - 2);
                if toks[k - 2].class & class::CAPITALISED == 0
                    || toks[k - 2].kind != TokenKind::Word
                    || ctx.rules.not_names.contains(w)
                {
                    return false;
                }
                k -= 2;
            }
            false
        };
        // (mention, rule, first token, last token)
        let mut cands: Vec<(PersonMention, Option<&'static str>, usize, usize)> = Vec::new();
        for run in runs(ctx, &toks) {
            // A run ending in an abbreviated title before a name is that name's description:
            // "Army Capt." of "Army Capt. Christian Pardo" (the name is the next run).
            if let Some((_, _, next)) = honorific_at(ctx, &toks, run.last) {
                if next > run.last + 1
                    && toks
                        .get(next)
                        .is_some_and(|t| t.class & class::CAPITALISED != 0)
                {
                    continue;
                }
            }
            // Split off honorifics inside the run: "Westminster Councillor Jane Roe".
            let mut first = run.first;
            let mut hon = None;
            let mut k = run.first;
            // A honorific of several words whose first word is no name word: "Chief Supt
            // Jane Roe" (the run starts at "Supt"), "Justice of Appeal Jane Roe" (at "Appeal").
            let reach = ctx.rules.honorific_max_words.saturating_sub(1);
            for back in (1..=reach.min(run.first)).rev() {
                let s = run.first - back;
                if let Some((_, _, next)) = honorific_at(ctx, &toks, s) {
                    if next > run.first && next <= run.last {
                        k = s;
                        break;
                    }
                }
            }
            while k <= run.last {
                if let Some((canon, role, next)) = honorific_at(ctx, &toks, k) {
                    // A title after a given name may be a name word, a father's name: "Abdallah
                    // Haji Vuai" (but "Westminster Councillor Jane Roe" splits).
                    let inner = k > run.first
                        && next == k + 1
                        && ctx.rules.honorifics.get(word(k)).is_some_and(|h| h.inner)
                        && next <= run.last
                        && (run.first..k).all(|m| given_name(ctx, word(m)));
                    if inner {
                        k = next;
                        continue;
                    }
                    if next <= run.last {
                        hon = Some((toks[k].start, toks[next - 1].end, canon, role));
                        first = next;
                        k = next;
                        // Chains: "Professor Sir John Doe" (but "Commissioner Earl Duchesne"
                        // is named Earl).
                        while let Some((_, _, n2)) = honorific_at(ctx, &toks, k) {
                            if n2 > run.last || (n2 == run.last && given_name(ctx, word(k))) {
                                break;
                            }
                            first = n2;
                            k = n2;
                        }
                        break;
                    }
                }
                k += 1;
            }
            // An honorific just before the run ("Dr. Jane Roe", honorific not a name word).
            // (The longest: "Chief Justice Jane Roe", not "Justice".)
            if hon.is_none() && run.first > 0 {
                for back in (1..=reach.min(run.first)).rev() {
                    let s = run.first - back;
                    if let Some((canon, role, next)) = honorific_at(ctx, &toks, s) {
                        if next == run.first && adjacent(text, &toks[next - 1], &toks[run.first]) {
                            hon = Some((toks[s].start, toks[next - 1].end, canon, role));
                            // An office before a courtesy honorific is the one that tells:
                            // "Assoc Prof Dr Jane Roe" has the role "Associate Professor".
                            if hon.as_ref().is_some_and(|h| h.3.is_none()) {
                                for back2 in (1..=reach.min(s)).rev() {
                                    let s2 = s - back2;
                                    if let Some((c2, Some(r2), n2)) = honorific_at(ctx, &toks, s2) {
                                        if n2 == s && adjacent(text, &toks[n2 - 1], &toks[s]) {
                                            hon = Some((
                                                toks[s2].start,
                                                toks[n2 - 1].end,
                                                c2,
                                                Some(r2),
                                            ));
                                            break;
                                        }
                                    }
                                }
                            }
                            break;
                        }
                    }
                }
            }
            // (Or a courtesy title in brackets after another: "Dr (Smt.) Kavita Joshi-Mehta".)
            if hon.is_none() && run.first >= 4 && word(run.first - 1) == ")" {
                let close = run.first - 1;
                let open = (close.saturating_sub(3)..close)
                    .rev()
                    .find(|&j| word(j) == "(");
                if let Some(o) = open {
                    let inner = honorific_at(ctx, &toks, o + 1).filter(|h| h.2 == close);
                    let outer = (1..=reach.min(o)).rev().find_map(|back| {
                        honorific_at(ctx, &toks, o - back)
                            .filter(|h| h.2 == o)
                            .map(|h| (o - back, h))
                    });
                    if let (Some(_), Some((s, (canon, role, _)))) = (inner, outer) {
                        hon = Some((toks[s].start, toks[close].end, canon, role));
                    }
                }
            }
            // A capitalised descriptor or role opening a sentence: "Broker Khurshid Alam said",
            // "Co-owner Patrice Delancy said".
            let mut described = false;
            // (After a word of the title before it: "Senior Magistrate Tšeliso Moloi said".)
            if hon.is_none()
                && run.last >= first + 3
                && toks[first + 1].class & (class::DESCRIPTOR | class::ROLE_HEAD) != 0
                && ctx.rules.title_modifiers.contains(&*lower(first))
                && !given_name(ctx, word(first + 1))
            {
                first += 1;
            }
            // (Or before a surname alone, which a full name before must then give:
            // "Magistrate Moloi rejected the request" after "Senior Magistrate Tšeliso
            // Moloi".)
            // (A plural opening a list: "Midfielders Hamid Saeed and Josh Hine were …".)
            let plural_descriptor = || {
                let w = word(first);
                w.len() > 4
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && first == 0
                    && ctx.rules.descriptors.contains(&w[..w.len() - 1].to_lowercase())
                    // (Before a list: "Advisors Goldman Sachs are" names a firm.)
                    && [" and ", ", "]
                        .iter()
                        .any(|j| text[toks[run.last].end..].starts_with(j))
            };
            if hon.is_none()
                && run.last > first
                && (toks[first].class & class::DESCRIPTOR != 0
                    || plural_descriptor()
                    // (Not a given name too: "Dean Witter Reynolds".)
                    || (toks[first].class & class::ROLE_HEAD != 0
                        && !given_name(ctx, &text[toks[first].start..toks[first].end])))
            {
                first += 1;
                described = true;
                // (A title of three words: "Senior Principal Magistrate Rosemary Kibet".)
                if run.last >= first + 2
                    && toks[first].class & class::ROLE_HEAD != 0
                    && !given_name(ctx, word(first))
                {
                    first += 1;
                }
            }
            // An office's place or body before the name: "Comptroller of Customs Colvin
            // Roe said", "Governor of New York Kathy Hochul" (the name from its given name on,
            // or the last two words of three).
            // (The place's first words may be no name's: "New" of "New York".)
            let office_place = hon.is_none() && first == run.first && run.last > first;
            let mut b = first;
            while office_place
                && b > 0
                && b + 2 > first
                && toks[b - 1].kind == TokenKind::Word
                && toks[b - 1].class & class::CAPITALISED != 0
                && adjacent(text, &toks[b - 1], &toks[b])
            {
                b -= 1;
            }
            // (Or a portfolio of two parts: "Minister of Environment and Physical Planning
            // Blerim Sadiku"; "for" a subject too: "Territorial Councillor for Sport Olivier
            // Brin-Magras".)
            // (Or "of the" and "for the", after a title of words in capitals: "Minister of
            // State for the Gaeltacht Dara Ó Cualáin TD".)
            let of_head = |b: usize| {
                (b >= 2
                    && matches!(word(b - 1), "of" | "for")
                    && toks[b - 2].class & class::ROLE_HEAD != 0)
                    || (b >= 3
                        && word(b - 1) == "the"
                        && matches!(word(b - 2), "of" | "for")
                        && (b.saturating_sub(6)..b - 2).rev().any(|c| {
                            toks[c].class & class::ROLE_HEAD != 0
                                && toks[c].class & class::CAPITALISED != 0
                                && toks[c + 1..b - 2].iter().all(|t| {
                                    t.kind == TokenKind::Word
                                        && (t.class & class::CAPITALISED != 0
                                            || &text[t.start..t.end] == "of")
                                })
                        }))
            };
            // (Or of a list of parts: "Councillor for Culture, Tourism and Heritage Fabrizio
            // Lo Russo".)
            let portfolio = || {
                b >= 4
                    && word(b - 1) == "and"
                    && (b.saturating_sub(8)..b - 1).rev().any(|c| {
                        let capital = |t: &Token| {
                            t.kind == TokenKind::Word && t.class & class::CAPITALISED != 0
                        };
                        of_head(c)
                            && (toks[c..b - 1].iter().all(capital)
                                || toks[c..b - 1].iter().enumerate().all(|(k, t)| {
                                    if k % 2 == 1 {
                                        &text[t.start..t.end] == ","
                                    } else {
                                        capital(t)
                                    }
                                }))
                    })
            };
            if office_place
                && (of_head(b) || portfolio())
                // (Initials' full stops aside: "… Emergency Management Rosario T. Camacho".)
                && toks[first..=run.last]
                    .iter()
                    .all(|t| t.kind == TokenKind::Word || &text[t.start..t.end] == ".")
            {
                let from = if b < first { first } else { first + 1 };
                let given = (from..run.last).find(|&k| given_name(ctx, word(k)));
                // (Without a given name, only before a speech verb or a relative clause
                // only a person takes: "president of Warner Home Video" is a company;
                // "Minister of Transport and Meteorology Tahina Rajaonarison, who signed".)
                let three = b == first
                    && run.last == first + 2
                    && !given_name(ctx, word(first))
                    && (toks
                        .get(run.last + 1)
                        .is_some_and(|t| t.cue & cue::SPEECH != 0)
                        || who_after(text, toks[run.last].end));
                // (Or the word before a particle: "… and Property Tõnis von Kügelgen".)
                let particle = (from + 1..run.last)
                    .find(|&k| PARTICLES.contains(&word(k)))
                    .map(|k| k - 1);
                if let Some(k) = given.or(particle).or(three.then_some(first + 1)) {
                    first = k;
                    described = true;
                }
            }
            if first > run.last {
                continue;
            }
            let start = toks[first].start;
            let mut end = toks[run.last].end;
            let last_word = &text[toks[run.last].start..end];
            let stripped = strip_possessive(last_word);
            end -= last_word.len() - stripped.len();
            // "Robert P. Casey Jr.": an abbreviated suffix keeps its full stop.
            // (So do initials glued together at the end: "Priya K.C.".)
            let glued_initials = || {
                run.last >= first + 2
                    && is_initial(text, &toks, run.last)
                    && is_initial(text, &toks, run.last - 2)
                    && toks[run.last].start == toks[run.last - 1].end
            };
            if (matches!(last_word, "Jr" | "Sr" | "Snr" | "Jnr") || glued_initials())
                && text[end..].starts_with('.')
            {
                end += 1;
            }
            if apostrophe_ending(last_word) {
                if let Some(a) = ["'", "’"].iter().find(|a| text[end..].starts_with(**a)) {
                    // (Not a single quotation's end: "'Young Jim Long' twice".)
                    let line = &text[text[..start].rfind('\n').map_or(0, |k| k + 1)..start];
                    let quoted =
                        line.contains('‘') || line.starts_with('\'') || line.contains(" '");
                    if !quoted && !text[end + a.len()..].starts_with(char::is_alphanumeric) {
                        end += a.len();
                    }
                }
            }
            let words = toks[first..=run.last]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .count();

            let next = run.last + 1;
            // "Kestrel Homes Ltd", "Harbridge Enterprise Partnership": organisations.
            let org_word = |i: usize| {
                i < toks.len()
                    && toks[i].kind == TokenKind::Word
                    && toks[i].base_class & class::ORGANISATION != 0
            };
            // A place that opens its line before the date, as a release is dated: "Sant
            // Francesc Xavier, 12.08.2025".
            // (Not a given name's: "Jane Roe, 14 March 2025" signs a letter.)
            if hon.is_none() && !given_name(ctx, word(first)) && dateline_place(ctx, start, end) {
                continue;
            }
            // A name after a kind of organisation is the organisation's: "the industry body
            // Salmon Tasmania said" (not after a person's title: "producer Jane Roe"; nor with
            // a given name: "the union Unison Dave Prentis", "the firm Jane Roe founded").
            if hon.is_none()
                && first > 0
                && toks[first - 1].kind == TokenKind::Word
                && toks[first - 1].class
                    & (class::CAPITALISED | class::ROLE_HEAD | class::DESCRIPTOR)
                    == 0
                && word(first - 1).len() >= ctx.rules.organisation_kind_min_len
                && ctx.rules.organisation_kinds.contains(word(first - 1))
                && !(first..=run.last).any(|k| given_name(ctx, word(k)))
            {
                continue;
            }
            // (A surname that is also a place word ends a run only where it is a name.)
            let surname_last = toks[run.last].class & class::NOT_NAME != 0;
            // (A number may stand between the name and the word: "Nam Seuang 3 Power Company".)
            let numbered = || {
                toks.get(next).is_some_and(|t| {
                    t.kind == TokenKind::Number
                        && text[t.start..t.end].len() <= 2
                        && adjacent(text, &toks[next - 1], t)
                        && (org_word(next + 1)
                            || (toks.get(next + 1).is_some_and(|n| {
                                n.class & class::CAPITALISED != 0 && adjacent(text, t, n)
                            }) && org_word(next + 2)))
                })
            };
            // (So does a plural owner's: "the Gotland Sheep Breeders' Association".)
            let plural_owner = || {
                text.as_bytes()[end - 1] == b's'
                    && ["' ", "’ "].iter().any(|a| text[end..].starts_with(a))
                    && toks.get(next).is_some_and(|t| t.kind != TokenKind::Word)
                    && (org_word(next + 1) || org_word(next + 2))
            };
            if hon.is_none()
                && ((org_word(run.last) && !surname_last)
                    || org_word(next)
                    || numbered()
                    || plural_owner())
            {
                continue;
            }
            // A honorific and one word that a quotation holds alone is a nickname: pupils
            // "called her "Mrs. Mac"".
            if let Some((hs, ..)) = hon {
                if words == 1
                    && text[..hs].ends_with(['"', '“'])
                    && text[end..].starts_with(['"', '”'])
                {
                    continue;
                }
            }
            // After a honorific, a name of three words that ends in one is a building's: "the
            // King Edward VIII Pier" (but "Dr Gregory House" is a person).
            if hon.is_some() && words >= 3 && org_word(run.last) && !surname_last {
                continue;
            }
            // "the Hospital Regional de Encarnación": a name that an organisation word opens
            // goes on from it (but not an owner's: "the Green Party's Jill Stein").
            if hon.is_none()
                && first > 0
                && org_word(first - 1)
                && toks[first - 1].class & class::CAPITALISED != 0
                && !word(first - 1).contains(['\'', '’'])
                // (A name with a particle inside and no given name first: "Child Support
                // Agency Doug Smith" is a person.)
                && !given_name(ctx, word(first))
                && toks[first..=run.last]
                    .iter()
                    .any(|t| PARTICLES.contains(&&text[t.start..t.end]))
                && adjacent(text, &toks[first - 1], &toks[first])
            {
                continue;
            }
            // (Or after "the" and an organisation's name that an adjective may follow: "the
            // Instituto Nacional Rubén Darío", named after a person; not after a title: "the
            // Agency Director John Smith".)
            if hon.is_none() && first >= 2 && adjacent(text, &toks[first - 1], &toks[first]) {
                let mut b = first;
                let mut org = false;
                while b > 0
                    && first - b < 3
                    && toks[b - 1].kind == TokenKind::Word
                    && toks[b - 1].class & class::CAPITALISED != 0
                    && toks[b - 1].class & (class::ROLE_HEAD | class::TITLE) == 0
                    && adjacent(text, &toks[b - 1], &toks[b])
                {
                    b -= 1;
                    org |= org_word(b);
                }
                // (Or an organisation's word first, an adjective after it, as Romance languages
                // write them: "Instituto Nacional Rubén Darío", "Hospital General José Luis".)
                let romance = org_word(b)
                    && b + 1 < first
                    && (b == 0 || toks[b - 1].class & class::CAPITALISED == 0)
                    && (b + 1..first)
                        .all(|k| !org_word(k) && word(k).chars().skip(1).all(char::is_lowercase));
                if ((org && b > 0 && word(b - 1) == "the") || romance)
                    && !word(first - 1).contains(['\'', '’'])
                {
                    continue;
                }
            }
            // (Or goes on after a particle: "the Asociación de Cultivadores de Arroz".)
            // (The class bits first: most words are no organisation's.)
            // (The Irish article "na" leads no person's name: "Coláiste na Rosann Thiar".)
            if hon.is_none()
                && first >= 2
                && org_word(first - 2)
                && toks[first - 2].class & class::CAPITALISED != 0
                && (word(first - 1) == "na"
                    || (PARTICLES.contains(&word(first - 1)) && !given_name(ctx, word(first))))
            {
                continue;
            }
            if hon.is_none()
                && toks[first..=run.last].iter().any(|t| {
                    t.class & class::PLAIN != 0 && subject_word(&text.as_bytes()[t.start..t.end])
                })
            {
                continue;
            }
            // After a honorific only the next word tells, since many organisation words are
            // surnames too ("Mr Hall"): "PC Pro Magazine" is no constable.
            if hon.is_some() && org_word(next) && adjacent(text, &toks[run.last], &toks[next]) {
                continue;
            }
            // Nor is a building named after one, its name ending in an organisation word a
            // word later: "the Dr. Adolf Drolc Health Centre", "the Arthur Chung Conference
            // Centre" (a word that is no name's between: "Conference", "Health").
            if (hon.is_some()
                || toks
                    .get(next)
                    .is_some_and(|t| t.class & class::NOT_NAME != 0))
                && org_word(next + 1)
                && !text[end..].starts_with(['\'', '’'])
                && toks[next].kind == TokenKind::Word
                && toks[next].class & class::CAPITALISED != 0
                && adjacent(text, &toks[run.last], &toks[next])
                && adjacent(text, &toks[next], &toks[next + 1])
            {
                continue;
            }
            // (Not before an object's preposition, which no apposition opens: "its honorary
            // award, the Silver Griffin, to veteran cinematographer …".)
            let object_after = matches!(
                toks.get(next + 1).map(|t| &text[t.start..t.end]),
                Some("to" | "for" | "from" | "by" | "with")
            );
            let after_comma = next < toks.len() && word(next) == "," && !object_after;
            // (Not a verb that is also a noun in the plural, "states": "Deep South states".)
            let verb_after = |i: usize| {
                i < toks.len() && toks[i].cue & cue::SPEECH != 0 && toks[i].cue & cue::LOWER == 0
            };
            // "said Senate Minority Leader Harry Reid", "said Air Force 1st Lt. Tyler Livingston":
            // a run that a title or an ordinal goes on from describes the speaker named after it.
            // So does a role or a descriptor: "said Latino Decisions researcher Sylvia Manzano".
            let title_follows = next < toks.len()
                && toks[next].kind == TokenKind::Word
                && adjacent(text, &toks[run.last], &toks[next])
                && (toks[next].class & class::CAPITALISED != 0
                    || word(next).starts_with(|c: char| c.is_ascii_digit())
                    || toks[next].base_class & (class::TITLE | class::DESCRIPTOR) != 0);
            // "a woman named Grace Holloway": named after a word for a person.
            let person_word =
                |i: usize| toks[i].base_class & class::DESCRIPTOR != 0 || person_noun(&lower(i));
            let person_named = first >= 2
                && matches!(word(first - 1), "named" | "called")
                && person_word(first - 2);
            // "his colleague, Chen Longde,", "a 30-year-old woman, Mubatik Dagayeva.": a word
            // for a person in lower case, a comma, and the name set off as its apposition.
            let person_apposed = first >= 2
                && word(first - 1) == ","
                && toks[first - 2].kind == TokenKind::Word
                && toks[first - 2].class & class::CAPITALISED == 0
                && person_word(first - 2)
                && plain_name(ctx, &toks[first..=run.last])
                && (next >= toks.len()
                    || matches!(word(next), "," | "." | ";")
                    // (Or where the person is from: "A listener, Símun Hansen-Dam from
                    // Hoyvík, sent us a message".)
                    || (word(next) == "from"
                        && toks
                            .get(next + 1)
                            .is_some_and(|t| t.class & class::CAPITALISED != 0)));
            // "the estate of the late Bhekumusa Sifiso Lukhele-Ndzimandze": only a person dies.
            let late = first >= 2
                && word(first - 1) == "late"
                && matches!(word(first - 2), "the" | "The")
                && plain_name(ctx, &toks[first..=run.last]);
            // (Asked only where the rules below reach it: most candidates never do.)
            let listed_kin = || words == 1 && kin_list_before(first);
            // Words in lower case ending in a title, then a name: the run before them is the
            // title's employer, not a person ("Bardi Jawi ranger coordinator Trevor Sampi").
            // (Each word a title's by its class: one look at the word after the name first.)
            let titled = |t: &Token| {
                t.kind == TokenKind::Word
                    && t.class & class::CAPITALISED == 0
                    && t.base_class & (class::ROLE_HEAD | class::DESCRIPTOR) != 0
            };
            let employer = hon.is_none() && toks.get(next).is_some_and(titled) && {
                let mut k = next;
                while k < toks.len()
                    && k < next + 3
                    && titled(&toks[k])
                    && adjacent(text, &toks[k - 1], &toks[k])
                {
                    k += 1;
                }
                // (Two words at least, each a title's: "ranger coordinator"; one alone may
                // follow a name that owns it or an object's: "Celtic goalkeeper Rab Douglas
                // let defender Vignal's drive slip", "Johnny Cash manager Holiff".)
                k >= next + 2
                    && k < toks.len()
                    && !text[start..end].ends_with("'s")
                    && !text[start..end].ends_with("’s")
                    && toks[k - 1].base_class & (class::ROLE_HEAD | class::DESCRIPTOR) != 0
                    && toks[k].class & class::CAPITALISED != 0
                    && toks[k].base_class & class::NOT_NAME == 0
                    && adjacent(text, &toks[k - 1], &toks[k])
                    && toks[next..k].iter().all(|t| t.cue & cue::SPEECH == 0)
            };
            if employer {
                continue;
            }
            // A saint's name names a church, a school or a place: "St. Peter Claver R.C.
            // School"; a title and one name after "the" a vessel or a building: "the wreck
            // of the Lady Elizabeth".
            let lead = &text[..hon.as_ref().map_or(start, |h| h.0)];
            // (The last byte first: few names follow a word ending in "t" or a stop.)
            let saint = hon.is_none() && {
                let l = lead.trim_end_matches(' ');
                l.ends_with(['t', '.'])
                    && ["St.", "St", "Saint", "Ste."].iter().any(|s| {
                        l.strip_suffix(s).is_some_and(|b| {
                            b.is_empty() || b.ends_with([' ', '\n', '(', '"', '“'])
                        })
                    })
            } || {
                // (Or the saint's name with its possessive, a church's, a school's or a
                // hospital's: "St Fiachra's was in very good shape".)
                let possessive = |s: &str| s.starts_with("'s") || s.starts_with("’s");
                matches!(word(first), "St" | "Saint")
                    && (possessive(&text[end..])
                        || text[start..end].ends_with("'s")
                        || text[start..end].ends_with("’s"))
            };
            let vessel = words == 1
                && hon.as_ref().is_some_and(|h| {
                    text[h.1..start].trim().is_empty()
                        && matches!(
                            &text[h.0..h.1],
                            "Lady"
                                | "Lord"
                                | "Sir"
                                | "Queen"
                                | "King"
                                | "Prince"
                                | "Princess"
                                | "Dame"
                        )
                })
                && lead.ends_with(" the ");
            // The last words of an organisation's name after its particle: "the Universidad
            // Nacional de San Agustín wrote".
            let org_tail = hon.is_none() && {
                let lead = &text[..start];
                ["de ", "del ", "de la ", "di ", "da ", "do ", "dos ", "das "]
                    .iter()
                    .find_map(|p| lead.strip_suffix(p))
                    .and_then(|b| b.strip_suffix(' '))
                    .is_some_and(|b| {
                        b.rsplit(' ')
                            .take(4)
                            .take_while(|w| w.starts_with(char::is_uppercase))
                            .any(|w| ctx.rules.organisation_words.contains(w))
                    })
            };
            if saint || vessel || org_tail {
                continue;
            }
            // A relative clause only a person takes, but not after a place a question opens
            // with: "In Quy Nhơn, who will hire …?" (the word before asked only after one).
            let who_after = |text: &str, end: usize| {
                who_after(text, end)
                    && !(first > 0
                        && matches!(&*lower(first - 1), "in" | "near" | "outside" | "across"))
            };
            let rule = if hon.is_some() {
                Some("people.honorific-name")
            } else if words == 1
                && scorer_entry(text, start, end)
                && !ctx.rules.not_names.contains(word(first))
            {
                Some("people.scorer")
            } else if words == 1
                && kin_word_before(first)
                && kin_before(text, start)
                // (A name set off by commas after the kin needs no list: "my father,
                // Tsend-Ayush, was".)
                && (given_name(ctx, word(first))
                    || (word(first - 1) == ","
                        && next < toks.len()
                        && word(next) == ","
                        && !ctx.rules.not_names.contains(word(first))))
            {
                // (Before a speech verb too: "his daughter Delphine wrote".)
                Some("people.given-alone")
            } else if verb_after(next)
                // (A place after a preposition ends a clause before the verb: "who milks cows
                // near Aguas Corrientes, told me".)
                || (after_comma
                    && verb_after(next + 1)
                    && (first == 0 || !PLACE_PREPOSITIONS.contains(&word(first - 1))))
                || (first > 0
                    && (toks[first - 1].class & class::INVERTING != 0
                        || (first >= 2 && {
                            let pair = (&*lower(first - 2), &*lower(first - 1));
                            // Tokens hold no space: "according to" is the pair it splits into.
                            ctx.rules
                                .attribution_phrases
                                .iter()
                                .any(|p| p.split_once(' ') == Some(pair))
                        }))
                    && words >= 2
                    && !title_follows)
            {
                Some("people.attribution")
            } else if words >= 2
                && roles::postnominal_after(ctx, end).is_some_and(|(_, e)| !named_after(ctx, e))
                // ("Former Dauphin MLA Stan Derkach-Wilson": a former holder's title before
                // the name, not a name before its letters.)
                && word(first) != "Former"
            {
                Some("people.postnominal-role")
            } else if words >= 2
                && ((after_comma
                    // (A place after "in" is described so too: "In Jesús de Machaca, the
                    // mallku, …".)
                    && (first == 0 || !matches!(word(first - 1), "in" | "In" | "near" | "Near"))
                    // (Nor a firm whose people the apposition lists: "Vivendi Universal, its
                    // boss and another top executive".)
                    && !text[toks[next].end..].starts_with(" its ")
                    // (Nor another's post that a verb takes: "formerly head brewer at
                    // Hedmark Ølkompani, joins as Director of Brewing".)
                    && !roles::role_verb_opens(ctx.rules, text[toks[next].end..].trim_start())
                    && (roles::appositive_after(ctx, sent.end, toks[next].end).is_some()
                        || kind_apposed(ctx, toks[next].end, sent.end)))
                    // (Or a list's line, the post after a dash: "Hiroshi Yamashita - Chair".)
                    || (hon.is_none() && dash_post_after(ctx, start, end)))
            {
                Some("people.appositive")
            } else if words >= 2
                && hon.is_none()
                // (The subject opens its sentence: "Shahida Baig is the chairwoman of …".)
                && text[sent.start..start].trim().is_empty()
                && roles::copular_post_after(ctx, sent.end, end).is_some()
            {
                Some("people.predicate")
            } else if words >= 2
                && hon.is_none()
                // The object of appointing, and its post after "as": "FK Galičica Ohrid have
                // appointed Vlatko Trajanoski as head coach".
                && first > 0
                && word(first - 1) != "with"
                && roles::APPOINTING.contains(&word(first - 1))
                && plain_name(ctx, &toks[first..=run.last])
                && text[end..].starts_with(" as ")
                && roles::appositive_after(ctx, sent.end, end + 4).is_some_and(|(s, e)| {
                    // (Firms are appointed too, to posts an organisation holds: "hired
                    // Deloitte Touche as auditor".)
                    given_name(ctx, word(first))
                        || !text[s..e]
                            .split(' ')
                            .any(|w| crate::text::with_lower(w, |l| ctx.rules.shared_heads.contains(l)))
                })
            {
                Some("people.appointed")
            } else if words >= 2
                && roles::prenominal_before(ctx, sent.start, start, &toks).is_some()
                // (Not the first words of a place's or a body's name: "Curator, Hida Folk
                // Village".)
                && !(next < toks.len()
                    && adjacent(text, &toks[run.last], &toks[next])
                    && toks[next].class & class::CAPITALISED != 0
                    && toks[next].class & class::NOT_NAME != 0)
                // ("chief of technology giant Hewlett Packard": a subject may describe an
                // organisation, so after one only a given name tells.)
                && (given_name(ctx, word(first))
                    || roles::subject_head_before(ctx, &toks, start).is_none())
                // (Nor the employer after a name's post: "Dr Javier de la Cruz Ccori,
                // Programme Director, Yaku Kawsay".)
                && (given_name(ctx, word(first)) || !post_of_name_before(text, &ctx.rules.role_head_set, sent.start, start))
            {
                Some("people.prenominal-role")
            } else if words >= 2
                && (described
                    || person_named
                    || person_apposed
                    || late
                    || (first > 0
                        && toks[first - 1].kind == TokenKind::Word
                        && toks[first - 1].class & class::DESCRIPTOR_AS_LISTED != 0))
                // (A day of observance is no one's name: "International Mother Language Day".)
                && (given_name(ctx, word(first))
                    || !matches!(word(run.last), "Day" | "Week" | "Night" | "Eve"))
            {
                Some("people.descriptor")
            } else if words >= 2
                && is_initial(text, &toks, first)
                && !is_initial(text, &toks, run.last)
            {
                Some("people.initials")
            } else if hon.is_none() && patronymic(ctx, &text[start..end]) {
                Some("people.patronymic")
            } else if words == 1
                && hon.is_none()
                && ((age_after(text, end)
                    && (first > 0 || speaks_elsewhere(ctx, word(first), start))
                    && text[end + 2..]
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .starts_with(','))
                    || (age_predicate_after(ctx, end) && speaks_elsewhere(ctx, word(first), start))
                    || (kin_word_before(first) && kin_before(text, start))
                    || listed_kin()
                    || person_apposed
                    // (Or an occupation: "a herder, Kanybek, who grazes horses".)
                    || (first >= 2
                        && word(first - 1) == ","
                        && next < toks.len()
                        && word(next) == ","
                        && toks[first - 2].class & class::CAPITALISED == 0
                        && toks[first - 2].base_class & class::ROLE_HEAD != 0))
                && (given_name(ctx, word(first))
                    || (listed_kin() && !ctx.rules.not_names.contains(word(first)))
                    // (Or a name the lists lack, with an age after it, that a speech verb
                    // follows elsewhere: "Sumiati, 54, who heads …" and "Sumiati said";
                    // "Ardiansyah is ten and has ridden …" and "Ardiansyah said".)
                    || ((age_after(text, end) || age_predicate_after(ctx, end))
                        && !ctx.rules.not_names.contains(word(first))
                        && speaks_elsewhere(ctx, word(first), start)))
            {
                // A given name alone, where only a person stands: "whose son Marco", "his
                // wife, Linda,", "Morag, 78, a retired postmistress", "a herder, Kanybek,".
                Some("people.given-alone")
            } else if words == 1
                && hon.is_none()
                && first >= 1
                && toks[first - 1].class & class::CAPITALISED == 0
                && toks[first - 1].base_class & (class::ROLE_HEAD | class::DESCRIPTOR) != 0
                && aged_apposition(text, end)
            {
                // A name alone after a title in lower case, an age in apposition after it:
                // "steered by captain Ramankutty, a 61-year-old toddy tapper".
                Some("people.given-alone")
            } else if words >= 2
                && (given_name(ctx, word(first)) || sesotho_elided(text, &toks[first], end))
            {
                Some("people.given-name")
            } else if words == 2
                && run.last == first + 1
                && hyphened_given(word(run.last))
                && (2..=5).contains(&word(first).len())
                && word(first).bytes().all(|b| b.is_ascii_alphabetic())
            {
                // A family name of one syllable before a given name of two joined by a
                // hyphen, as Korean and Taiwanese names are romanised: "Ko Chun-ja", "Lai
                // Ching-te".
                Some("people.hyphenated-given")
            } else if words >= 2
                && (age_after(text, toks[run.last].end)
                    || (age_before(text, start)
                        && plain_name(ctx, &toks[first..=run.last])
                        && !toks.get(next).is_some_and(|t| {
                            t.class & class::CAPITALISED == 0
                                && (t.base_class & class::DESCRIPTOR != 0
                                    || matches!(lower(next).as_ref(), "man" | "woman"))
                        })))
            {
                Some("people.age")
            } else if words >= 2 && who_after(text, end) && plain_name(ctx, &toks[first..=run.last])
            {
                Some("people.relative")
            } else if words >= 2 && life_dates_after(text, end) {
                Some("people.age")
            } else if words >= 2
                && pronoun_after(ctx, &toks, run.last + 1)
                && plain_name(ctx, &toks[first..=run.last])
                // ("Uranium One's chairman used his": the pronoun is the chairman's.)
                && !text[end..].starts_with(['\'', '’'])
                // As the subject only: "Lynch calls North Carolina her home state" is no
                // evidence. A sentence's first words may open it ("Certainly Saddam Hussein").
                && if first == 0 {
                    words == 2
                } else {
                    let b = word(first - 1);
                    b == "," || b.ends_with("'s") || b.ends_with("’s")
                }
            {
                Some("people.pronoun")
            } else if run.family_caps && first == run.first {
                Some("people.family-capitals")
            } else if words >= 2
                && (byline(ctx, start, end)
                    // (Not a name that goes on: "compiled by Dow Jones Capital Markets Report".)
                    || (credit_before(text, start)
                        && !text[end..]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(char::is_uppercase))
                        // ("directed by Three Kings film-maker David O Russell": a title's
                        // modifier.)
                        && !toks.get(next).is_some_and(|t| {
                            t.kind == TokenKind::Word
                                && t.base_class & (class::ROLE_HEAD | class::DESCRIPTOR) != 0
                        }))
                    // A credit's label, the name ending where the line or its item does.
                    || (label_before(text, start)
                        && (text[end..].starts_with(['\n', '\r', ',', '|', '·', '(', ';'])
                            || end == text.len()
                            || text[end..].starts_with(" |")
                            || text[end..].starts_with(" ·"))))
            {
                Some("people.byline")
            } else if words >= 2
                && results_entry(text, &toks, first, run.last)
                // (Not a thing's name after its label: "Programme: Sabah Pagi Ini (English
                // segment)".)
                && !text[..start].strip_suffix(": ").is_some_and(|b| {
                    matches!(
                        b.rsplit([' ', '\n']).next().unwrap_or(""),
                        "Programme" | "Program" | "Show" | "Podcast" | "Segment" | "Series"
                    )
                })
            {
                Some("people.results")
            } else if (2..=3).contains(&words)
                && hon.is_none()
                && text[end..].starts_with(" (")
                && plain_name(ctx, &toks[first..=run.last])
                && roles::bracketed_role_after(ctx, end)
            {
                Some("people.bracket-role")
            } else if (2..=4).contains(&words)
                && plain_name(ctx, &toks[first..=run.last])
                && (signature(ctx, start, end) || letter_signature(text, start, end))
            {
                Some("people.signature")
            } else if (2..=3).contains(&words)
                && double_barrelled(word(run.last))
                && plain_name(ctx, &toks[first..=run.last])
                && !PLACE_LEADS.contains(&word(first))
                // Not after an article or a preposition of place: "the Rolls-Royce …", "in
                // North Rhine-Westphalia", "a Brave Truth-Teller".
                && (first == 0
                    || !matches!(
                        word(first - 1),
                        "the" | "The" | "a" | "A" | "an" | "An" | "of" | "in" | "at" | "to"
                            | "from" | "on" | "into" | "near" | "across"
                    ))
                // Where a name ends: punctuation, "and", a verb of a subject, or a speech verb
                // (not "Cross-Country champion", "Union-Tribune op-ed", "Pre-Section (CPS)").
                && toks.get(next).is_none_or(|t| text[end..t.start].contains('\n') || match t.kind {
                    // (At a sentence's start, only before punctuation: "Whatever
                    // Kilroy-Silk and UKIP do".)
                    TokenKind::Word if first == 0 => false,
                    TokenKind::Word => {
                        t.cue & cue::SPEECH != 0
                            || matches!(
                                word(next),
                                "and" | "is" | "was" | "has" | "had" | "who" | "will" | "would"
                            )
                    }
                    _ => match word(next) {
                        "," | "." | ";" | ":" | ")" => true,
                        "(" => !toks.get(next + 1).is_some_and(|_| {
                            let a = word(next + 1);
                            a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase())
                        }),
                        _ => false,
                    },
                })
            {
                // "Jadon Redhead-Fleary, Grenada Boys' Secondary School": a surname of two
                // capitalised names joined by a hyphen is a family's, not a place's or a firm's.
                Some("people.double-surname")
            } else {
                None
            };
            // Not names: initials alone ("U.S."), titles alone ("Mr. President").
            let name_toks = &toks[first..=run.last];
            let all_initials = name_toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == TokenKind::Word)
                .all(|(k, _)| is_initial(text, &toks, first + k));
            // (But a noble's title after "Mr" or "Mrs" is the surname: "Mr Count declined",
            // not "Mr President".)
            let titled_surname = name_toks.len() == 1
                && hon
                    .as_ref()
                    .is_some_and(|h| matches!(h.2.as_str(), "Mr" | "Mrs" | "Ms" | "Miss"))
                && name_toks[0].class & (class::ROLE_HEAD | class::TITLE) == 0
                && ctx
                    .rules
                    .honorifics
                    .get(word(first))
                    .is_some_and(|h| h.role.is_none());
            let all_titles = !titled_surname
                && name_toks
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .all(|t| {
                    let w = &text[t.start..t.end];
                    t.class & class::HONORIFIC != 0
                        || if w.is_ascii() {
                            // ("Vice President": a title modifier and a head.)
                            t.class & (class::ROLE_HEAD | class::TITLE) != 0
                        } else {
                            ctx.rules.role_head_set.contains(&w.to_ascii_lowercase())
                        }
                        // (A head written with a hyphen: "the Hon. Attorney-General".)
                        || (w.contains('-')
                            && ctx
                                .rules
                                .role_head_set
                                .contains(&w.to_lowercase().replace('-', " ")))
                })
                // A head of several words: "Portfolio Holder" (looked up only for a name that
                // would be kept and does not open with a given name: most names are not).
                || (rule.is_some()
                    && words >= 2
                    && !given_name(ctx, word(first))
                    && crate::text::with_lower(&text[start..end], |l| {
                        ctx.rules.role_head_set.contains(l)
                    }));
            // A suffix alone ("King Jr." read as a title and a name) is no name either.
            let all_suffixes = name_toks
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .all(|t| suffix(&text[t.start..t.end]));
            // A team or a car after an entry of a results line: "Paul Tracy (Canada), Penske
            // Mercedes-Benz, 54.620".
            let entry_team = hon.is_none()
                && text[..start].ends_with("), ")
                && text[end..]
                    .strip_prefix(", ")
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            let team = entry_team || (hon.is_none() && team_in_results_line(text, start, end));
            // A street: "400 W. Main St." (no name ends in "St").
            // (Or a street, a body or a temple named after someone in a language that puts its
            // kind first, `rules/people/kind-first.txt`: "Via Grazia Deledda", "Fondazione
            // Carmelo Bene"; before its honorific too: "Jalan Tun Razak".)
            let before_name = match &hon {
                Some((hs, ..)) => toks[..first]
                    .iter()
                    .rposition(|t| t.start == *hs)
                    .unwrap_or(first),
                None => first,
            };
            // (Or a place its kind follows in lower case: "in Ta Sanh commune", "the Ta Kriem
            // commune chief".)
            // (Or capitalised as the name's last word: "Hồ Chí Minh City", "Hai Bà Trưng
            // Street", before another name's word too, "the Hồ Chí Minh City Stock Exchange",
            // but not before a title: "Tom Hale City Manager".)
            let placed = hon.is_none()
                && next < toks.len()
                && adjacent(text, &toks[run.last], &toks[next])
                && if word(next).starts_with(char::is_lowercase) {
                    ctx.rules.place_nouns.contains(word(next))
                } else {
                    toks[next].kind == TokenKind::Word
                        && toks.get(next + 1).is_none_or(|t| {
                            !adjacent(text, &toks[next], t)
                                || t.kind != TokenKind::Word
                                || t.class & crate::lexicon::class::CAPITALISED == 0
                                || t.class & (class::ROLE_HEAD | class::TITLE) == 0
                        })
                        && crate::text::with_lower(word(next), |l| {
                            ctx.rules.place_nouns.contains(l)
                        })
                };
            let street = placed
                || word(run.last) == "St"
                || (before_name > 0
                    && ctx.rules.kind_first.contains(word(before_name - 1)))
                // (Or abbreviated with its full stop: "Av. José Balta".)
                || (before_name > 1
                    && word(before_name - 1) == "."
                    && ctx.rules.kind_first.contains(word(before_name - 2)))
                // (A word that is no name between, or a particle: "Hospital Regional Manuel
                // Núñez Butrón", "Colegio Nacional Juan Pablo Vizcardo", "Ministerio de Salud
                // Pública".)
                // (Or two: "Sekolah Menengah Kebangsaan Dato Onn".)
                || (before_name > 1
                    && (ctx.rules.not_names.contains(word(before_name - 1))
                        || matches!(word(before_name - 1), "de" | "del" | "da" | "do" | "di"))
                    && (ctx.rules.kind_first.contains(word(before_name - 2))
                        || (before_name > 2
                            && ctx.rules.not_names.contains(word(before_name - 2))
                            && ctx.rules.kind_first.contains(word(before_name - 3)))))
                // (Or its first word, before a name of two words or more: "Majlis Bandaraya
                // Melaka Bersejarah", where "Rue McClanahan" may be a woman.)
                // (Not a place before a title and a name: "San Francisco Supervisor Jane
                // Kim".)
                || (hon.is_none()
                    && (run.last >= first + 2
                        || (run.last > first && ctx.rules.kind_first_alone.contains(word(first))))
                    && ctx.rules.kind_first.contains(word(first))
                    // (A given name too only before a particle: "Día de Muertos".)
                    && (!given_name(ctx, word(first))
                        || word(first + 1).starts_with(char::is_lowercase))
                    && toks[first + 1..=run.last]
                        .iter()
                        .all(|t| t.class & (class::ROLE_HEAD | class::TITLE) == 0))
                // (Or a Scottish mountain or glen after a preposition of place: "rescues on Ben
                // Nevis", "born in Glen Nevis", where "with Ben Nevis" is a man.)
                || (hon.is_none()
                    && run.last == first + 1
                    && matches!(word(first), "Ben" | "Glen")
                    && first > 0
                    && matches!(
                        word(first - 1),
                        "in" | "on" | "up" | "near" | "above" | "below" | "into" | "onto"
                            | "across" | "around" | "climbed"
                    )
                    && end == toks[run.last].end
                    // (Its second word named nowhere else alone: "sent on Ben Cohen", then
                    // "Cohen scored".)
                    && {
                        let w = word(run.last);
                        memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).all(|k| {
                            text[..k].ends_with("Ben ") || text[..k].ends_with("Glen ")
                        })
                    })
                // (Or a Russian place's "lower", "upper", "new", "old", "big": "Nizhny
                // Bestyakh", "Verkhnyaya Pyshma".)
                || matches!(
                    word(first),
                    "Nizhny"
                        | "Nizhnyaya"
                        | "Nizhneye"
                        | "Verkhny"
                        | "Verkhnyaya"
                        | "Verkhneye"
                        | "Novy"
                        | "Novaya"
                        | "Staraya"
                        | "Stary"
                        | "Bolshoy"
                        | "Bolshaya"
                );
            // A company's legal form in initials, an organisation word: "Salmones Fiordo
            // Austral S.A.", "Ribeira Pelágica S.L.", "Transportes Urbanos Río Ucayali S.A.C.".
            // (A full stop before the last letter first: few names have one.)
            // (The name keeps the last full stop of initials glued together.)
            let bare_end = end - usize::from(text[..end].ends_with('.'));
            let company = bare_end >= start + 2
                && text.as_bytes()[bare_end - 2] == b'.'
                && text[start..bare_end]
                    .rsplit_once(' ')
                    .is_some_and(|(_, f)| {
                        ctx.rules.organisation_words.contains(f)
                            || ctx.rules.organisation_words.contains(&format!("{f}."))
                    });
            // A name after "the" that a kind of organisation follows in lower case names
            // the body: "The Juana Azurduy cacao and chocolate cooperative announced".
            // (A shop or a pub by its owner's name, after "in" or "at": "afternoons in Dick
            // Mack's, where …".)
            // (In quotation marks too: 'at the "Mati Gjoka" school'.)
            let quoted = |s: usize, e: usize| {
                let mark = |c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’');
                let open = text[..s].strip_suffix(mark);
                let close = text[e..].strip_prefix(mark);
                match (open, close) {
                    (Some(o), Some(_)) => (
                        o.len(),
                        e + text[e..].chars().next().map_or(0, char::len_utf8),
                    ),
                    _ => (s, e),
                }
            };
            let (q_start, q_end) = quoted(start, end);
            let body_named = hon.is_none()
                && (first > 0 && matches!(word(first - 1), "the" | "The")
                    || (q_start < start
                        && matches!(
                            text[..q_start].trim_end().rsplit(' ').next(),
                            Some("the" | "The")
                        )))
                && {
                    let rest = &text[q_end..sent.end];
                    rest.split(' ')
                        .skip(1)
                        .take(5)
                        .take_while(|w| {
                            !matches!(*w, "who" | "whose" | "which" | "that" | "is" | "was")
                                && w.bytes().all(|b| b.is_ascii_lowercase())
                        })
                        .any(|w| ctx.rules.organisation_kinds.contains(w))
                        && rest.starts_with(' ')
                };
            let premises = hon.is_none()
                && first > 0
                && matches!(word(first - 1), "in" | "at")
                && ["'s", "’s"].iter().any(|p| {
                    text[end..]
                        .strip_prefix(p)
                        .is_some_and(|r| r.starts_with([',', '.', ';']))
                });
            // A nickname in quotation marks after "as": 'Known to everyone as "Ally Mac"'
            // names someone the text names in full.
            let nickname = hon.is_none()
                && ["as \"", "as “", "as '", "as ‘"]
                    .iter()
                    .any(|q| text[..start].ends_with(q))
                && text[end..].starts_with(['"', '”', '\'', '’']);
            // Words written with letters only Vietnamese uses, opening with no Vietnamese
            // family name, are a place's: "Hương Trà", "Côn Đảo", "Quảng Bình welcomed".
            let vietnamese_place = hon.is_none()
                && words >= 2
                && text[start..end]
                    .chars()
                    .any(|c| matches!(c, 'ư' | 'ơ' | 'Ư' | 'Ơ' | '\u{1EA0}'..='\u{1EF9}'))
                && !ctx.rules.vietnamese_families.contains(word(first))
                // (A middle name that marks a woman or a man names a person whatever the
                // family: "Lý Thị Mẩy", "Lò Văn Tuấn".)
                && !(words >= 3 && matches!(word(first + 1), "Thị" | "Văn"))
                // (Or a prefix joined by its apostrophe: "H’Dơk Niê".)
                && !word(first).char_indices().any(|(k, c)| {
                    matches!(c, '\'' | '’')
                        && ctx.rules.vietnamese_families.contains(&word(first)[..k + c.len_utf8()])
                });
            // (Or two such words after a preposition of place or an article, whatever the
            // first: "from Yên Minh", "the Phan Thiết – Phú Quý route", where a Vietnamese
            // person is most often named with three words or more; not after "and" or "to",
            // which a person's name may follow: "and Lương Cường".)
            let vietnamese_place = vietnamese_place
                || (hon.is_none()
                    && words == 2
                    && first > 0
                    && matches!(
                        word(first - 1),
                        "in" | "from" | "at" | "near" | "of" | "between" | "the" | "The"
                    )
                    && vietnamese_letters(&text[start..end]));
            if all_initials
                || all_titles
                || all_suffixes
                || team
                || street
                || company
                || nickname
                || body_named
                || premises
                || vietnamese_place
            {
                // (After a kind's word only: "with Glen Nevis" may still be a man.)
                if street {
                    let lead = text[..start].trim_end_matches(' ');
                    let lead = lead.strip_suffix('.').unwrap_or(lead);
                    let kind = |w: &str| ctx.rules.kind_first.contains(w);
                    if kind(lead.rsplit([' ', '\n']).next().unwrap_or(""))
                        || kind(text[start..end].split(' ').next().unwrap_or(""))
                    {
                        kind_named.push(&text[start..end]);
                    }
                }
                continue;
            }
            // A speech verb alone is weak evidence after "of", "on", "and": "the Commission on
            // Presidential Debates announced" names an organisation.
            let weak = matches!(
                rule,
                Some("people.attribution" | "people.relative" | "people.pronoun")
            ) && !given_name(ctx, word(first))
                && !person_named
                && first > 0
                && matches!(
                    word(first - 1),
                    "of" | "on"
                        | "for"
                        | "and"
                        | "at"
                        | "the"
                        | "The"
                        | "&"
                        | "called"
                        | "named"
                        | "dubbed"
                        | "from"
                        | "with"
                        | "by"
                        | "in"
                );
            // "such as Planned Parenthood, who": a group given as an example.
            let weak =
                weak || (rule == Some("people.relative") && first > 0 && word(first - 1) == "as");
            // A given name is weak evidence where an office names its place: "Mayor of
            // Clarence Bend".
            let weak = weak
                || (rule == Some("people.given-name")
                    && first >= 2
                    && word(first - 1) == "of"
                    && toks[first - 2].class & class::ROLE_HEAD != 0
                    // (Not an owner: "chairman of Hillary Clinton's campaign".)
                    && !text[end..].starts_with(['\'', '’']));
            // Nor after a person's age, where a place stands: "Nthabiseng Mokoena, 24, from
            // Ha Lejone".
            let weak = weak
                || (rule == Some("people.given-name")
                    && first >= 4
                    && matches!(word(first - 1), "from" | "of" | "in")
                    && word(first - 2) == ","
                    && toks[first - 3].kind == TokenKind::Number
                    && word(first - 4) == ",");
            // Nor after a preposition, the kind of a place after it: "among the communities
            // of Delta Amacuro state".
            let weak = weak
                || (rule == Some("people.given-name")
                    && first > 0
                    && (word(first - 1) == "of" || PLACE_PREPOSITIONS.contains(&word(first - 1)))
                    && text[end..].strip_prefix(' ').is_some_and(|r| {
                        let w = r.split([' ', ',', '.', ';']).next().unwrap_or("");
                        ctx.rules.place_nouns.contains(w)
                    }));
            // Nor opening a sentence after "In" with a comma after it, where a place stands:
            // "In Jesús de Machaca, the mallku, …"; or a name the document elsewhere calls a
            // kind of place: "In Hoàng Su Phì we estimate …" after "in Hoàng Su Phì district".
            let weak = weak
                || (rule == Some("people.given-name")
                    && first == 1
                    && word(0) == "In"
                    && (text[end..].starts_with(',') || {
                        let name = &text[toks[first].start..end];
                        memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()).any(|k| {
                            text[k + name.len()..].strip_prefix(' ').is_some_and(|r| {
                                let w = r.split([' ', ',', '.', ';']).next().unwrap_or("");
                                ctx.rules.place_nouns.contains(w)
                            })
                        })
                    }));
            // Nor a modal that opens a question: "Will Thomas resign?" (but "Will Thomas
            // said").
            let weak = weak
                || (rule == Some("people.given-name")
                    && first == 0
                    && word(0) == "Will"
                    && toks
                        .last()
                        .is_some_and(|t| text[t.start..].starts_with('?')));
            // Nor a title's words after a capitalised pronoun: "a version of We Will Rock You".
            let weak = weak
                || (rule == Some("people.given-name")
                    && first >= 2
                    && matches!(word(first - 1), "I" | "We" | "You" | "They"));
            let rule = if weak { None } else { rule };
            let (hs, he, hc, hr) = match hon {
                Some((s, e, c, r)) => (Some(s), Some(e), Some(c), r),
                None => (None, None, None, None),
            };
            let m = PersonMention {
                start,
                end,
                // Written for the candidates kept only (below).
                name: String::new(),
                honorific_start: hs,
                honorific: hc,
                honorific_end: he,
                honorific_role: hr,
                words,
                rule: rule.unwrap_or(""),
            };
            cands.push((m, rule, first, run.last));
        }
        // Coordination: a name listed next to a person is a person ("Moin Khan, Saqlain
        // Mushtaq and Mushtaq Ahmed"). A lone comma between two names counts only inside a list
        // of three or more, since "Jane Roe, Acme Homes" is more often an apposition.
        let link: Vec<Sep> = (1..cands.len())
            .map(|i| {
                let sep = list_separator(&text[cands[i - 1].0.end..cands[i].0.start]);
                // (On a team sheet, up to the next one's title: "1 Osea Turaga, 6 Ratu Josefa
                // Vakarau".)
                match cands[i].0.honorific_start {
                    Some(h) if sep == Sep::None && h > cands[i - 1].0.end => {
                        match list_separator(&text[cands[i - 1].0.end..h]) {
                            Sep::Numbered => Sep::Numbered,
                            _ => sep,
                        }
                    }
                    _ => sep,
                }
            })
            .collect();
        let sep = |a: usize| -> Sep { link.get(a).copied().unwrap_or(Sep::None) }; // between a and a+1
                                                                                   // A title in the plural gives its office to every name of the list it leads:
                                                                                   // "Councillors Jane Roe, John Doe and Ann Lee", "Jurats Le Cornu and Renouf". (A comma
                                                                                   // counts only in a list that "and" ends.)
        for i in 0..cands.len() {
            let Some((hs, he)) = cands[i].0.honorific_start.zip(cands[i].0.honorific_end) else {
                continue;
            };
            let plural = ctx
                .rules
                .honorifics
                .get(text[hs..he].trim_end_matches('.'))
                .is_some_and(|h| h.plural);
            if !plural {
                continue;
            }
            let mut last = i;
            while sep(last) == Sep::Comma {
                last += 1;
            }
            if sep(last) != Sep::And {
                continue;
            }
            let (canon, role) = (
                cands[i].0.honorific.clone(),
                cands[i].0.honorific_role.clone(),
            );
            for c in &mut cands[i + 1..=last + 1] {
                if c.0.honorific.is_some() {
                    break;
                }
                c.0.honorific = canon.clone();
                c.0.honorific_role = role.clone();
                if c.1.is_none() {
                    c.1 = Some("people.list");
                    c.0.rule = "people.list";
                }
            }
        }
        // (Until no more change: a team sheet passes its people along a long line.)
        for _ in 0..cands.len() {
            let mut changed = false;
            for i in 0..cands.len() {
                let possessive = text[..cands[i].0.end].ends_with("'s")
                    || text[cands[i].0.end..].starts_with(['\'', '’']);
                if cands[i].1.is_some() || cands[i].0.words < 2 || possessive {
                    continue;
                }
                let left = if i > 0 { sep(i - 1) } else { Sep::None };
                let right = sep(i);
                let in_list = |s: Sep, other: Sep, far: Sep| match s {
                    Sep::None => false,
                    Sep::And | Sep::Numbered => true,
                    Sep::Comma => other != Sep::None || far != Sep::None,
                };
                // (A comma after "and" ends the list: "Coffee and Industrial Crops, Egídio
                // Guterres, said" sets off an apposition.)
                let in_list_right = |s: Sep, other: Sep, far: Sep| match s {
                    Sep::Comma => other == Sep::Comma || far != Sep::None,
                    _ => in_list(s, other, far),
                };
                let far_left = if i > 1 { sep(i - 2) } else { Sep::None };
                let far_right = sep(i + 1);
                let by_left = i > 0 && cands[i - 1].1.is_some() && in_list(left, right, far_left);
                let by_right = i + 1 < cands.len()
                    && cands[i + 1].1.is_some()
                    && in_list_right(right, left, far_right);
                if by_left || by_right {
                    cands[i].1 = Some("people.list");
                    cands[i].0.rule = "people.list";
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (mut m, rule, first, last) in cands {
            if rule.is_some() {
                m.name = name_text(&text[m.start..m.end]);
                out.push(m);
            } else if m.words >= 2 && m.honorific.is_none() {
                // (Judged at the end, and only if a honorific gives its last word.)
                unproven.push((m, si, first, last));
            } else if m.words == 1 && m.honorific.is_none() {
                // (Judged at the end: a later mention by surname.)
                lone.push(m);
            }
        }
    }
    let mut vouched: Vec<&str> = Vec::new();
    // "Aigerim Sydykova … Sydykova, 38, is a senior researcher": a word alone that is the
    // surname of a person named in full before it, with an age after it (elsewhere a surname
    // alone may be an owner or a campaign: "Clinton spokesman Brian Fallon").
    {
        let full: Vec<(usize, &str, &str)> = out
            .iter()
            .filter(|m| m.words >= 2 && m.rule != "people.list")
            .map(|m| {
                let n = &text[m.start..m.end];
                let given = n.split(' ').next().unwrap_or("");
                (m.end, given, n.rsplit(' ').next().unwrap_or(""))
            })
            .collect();
        for mut m in lone {
            let w = &text[m.start..m.end];
            if w.len() < 3 {
                continue;
            }
            // A surname alone that an age follows vouches for the names in full that end in
            // it and had no evidence of their own: "Aizada Temirbekova is already checking
            // crampons … Temirbekova, 38, a certified mountain guide". (A speech verb after
            // a surname alone would not: "Trump said" is no evidence for "a Wisconsin Trump
            // rally".)
            let aged = age_after(text, m.end);
            if aged {
                vouched.push(w);
            }
            // (Or a title before it: "Magistrate Moloi rejected the request" after "Senior
            // Magistrate Tšeliso Moloi".)
            let titled = || {
                let before = text[..m.start].strip_suffix(' ').unwrap_or("");
                let t = before.rsplit([' ', '\n']).next().unwrap_or("");
                t.starts_with(char::is_uppercase)
                    && crate::text::with_lower(t, |l| {
                        ctx.rules.role_head_set.contains(l) || ctx.rules.descriptors.contains(l)
                    })
            };
            // (Or a post in apposition after it: "Letsie, a 29-year-old nurse at the
            // Semonkong health centre, led".)
            // (Or with no article: "Fleming-Hodge, head of English at Campbell Hill School,".)
            let apposed = || {
                ([", a ", ", an ", ", the "]
                    .iter()
                    .any(|p| text[m.end..].starts_with(p))
                    || text[m.end..].strip_prefix(", ").is_some_and(|r| {
                        let w = r.split([' ', ',']).next().unwrap_or("");
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && (ctx.rules.role_head_set.contains(w)
                                || ctx.rules.title_modifiers.contains(w))
                    }))
                    && ctx.doc.sentence_at(m.start).is_some_and(|si| {
                        roles::appositive_after(ctx, ctx.doc.sentences[si].end, m.end + 1).is_some()
                    })
            };
            if (aged || titled() || apposed())
                && full.iter().any(|&(e, _, sn)| e <= m.start && sn == w)
            {
                m.rule = "people.surname";
                m.name = name_text(w);
                out.push(m);
            } else if PREDICATES.iter().any(|p| text[m.end..].starts_with(p)) {
                // "Agnes Whitmore … Agnes was a skilled seamstress": the given name of one
                // person named in full before it, that a predicate follows, as obituaries and
                // features write.
                let mut surnames = full
                    .iter()
                    .filter(|&&(e, g, _)| e <= m.start && g == w)
                    .map(|&(_, _, sn)| sn);
                let first = surnames.next();
                if first.is_some_and(|sn| surnames.all(|s| s == sn)) {
                    m.rule = "people.given-later";
                    m.name = name_text(w);
                    out.push(m);
                }
            }
        }
    }
    // "Kateryna Bondarenko and her two children ... Ms Bondarenko said": a name whose surname
    // a honorific gives elsewhere in the document.
    // So does a surname after an Irish particle that a speech verb gives: "Dáithí Ó
    // Conghaile's goal ... Ó Conghaile said". And so does a surname alone that an age follows
    // (vouched for above).
    let surnames: Vec<&str> = out
        .iter()
        .filter(|m| {
            (m.honorific.is_some() && m.words == 1)
                || (m.words == 2
                    && m.rule == "people.attribution"
                    && text[m.start..m.end].split_once(' ').is_some_and(|(p, _)| {
                        p.starts_with(char::is_uppercase) && PARTICLES.contains(&p)
                    }))
        })
        .map(|m| text[m.start..m.end].rsplit(' ').next().unwrap_or(""))
        .collect();
    // A surname alone that a speech verb gives later vouches for a name in full that is the
    // subject of a verb: "Měrćin Kochta was brushing the mane … “…,” Kochta said" (not "a
    // Wisconsin Trump rally" before "Trump said").
    let spoken: Vec<(usize, &str)> = out
        .iter()
        .filter(|m| m.words == 1 && m.honorific.is_none() && m.rule == "people.attribution")
        .map(|m| (m.start, &text[m.start..m.end]))
        .collect();
    for (mut m, si, first, last) in unproven
        .into_iter()
        .filter(|_| !surnames.is_empty() || !vouched.is_empty() || !spoken.is_empty())
    {
        let named = text[m.start..m.end].rsplit(' ').next().unwrap_or("");
        // (A surname vouched for by its age, not in a headline, whose verbs are capitalised:
        // "ESPN Fires Schilling" before "Schilling, 49, said".)
        let sent = ctx.doc.sentences[si];
        let by_age = vouched.contains(&named) && !title_case(text, sent.start, sent.end);
        let by_speech = || {
            spoken.iter().any(|&(at, w)| at > m.end && w == named)
                && text[m.end..].strip_prefix(' ').is_some_and(|r| {
                    matches!(
                        r.split(' ').next(),
                        Some("was" | "is" | "has" | "had" | "says" | "said" | "told" | "will")
                    )
                })
                && !title_case(text, sent.start, sent.end)
        };
        if !surnames.contains(&named) && !by_age && !by_speech() {
            continue;
        }
        let toks = ctx.doc.sentence_tokens(si);
        let word = |i: usize| &text[toks[i].start..toks[i].end];
        if !plain_name(ctx, &toks[first..=last]) {
            continue;
        }
        // A word that opens the sentence may be capitalised for that alone: "Tories Ken
        // Clarke", "Vote Blair" (a given name is a name's word wherever it stands). A given
        // name after other words starts the name: "Blairite Alan Milburn", "Senators Charles
        // E. Grassley".
        let opening = first == 0
            || toks[first - 1].kind != TokenKind::Word && !matches!(word(first - 1), "," | "(");
        let name_words: Vec<usize> = (first..=last)
            .filter(|&k| toks[k].kind == TokenKind::Word)
            .collect();
        let lead = name_words[..name_words.len() - 1]
            .iter()
            .position(|&k| given_name(ctx, word(k)));
        let lead = match lead {
            Some(i) => i,
            None if !opening => 0,
            // (Not a particle: the word before it is the given name, "Dáithí Ó Conghaile".)
            None if name_words.len() >= 3 && !PARTICLES.contains(&word(name_words[1])) => 1,
            None if name_words.len() >= 3 => 0,
            None => continue,
        };
        m.start = toks[name_words[lead]].start;
        m.words -= lead;
        m.rule = "people.surname";
        m.name = name_text(&text[m.start..m.end]);
        out.push(m);
    }
    coordinated_given_names(ctx, &mut out);
    spouses(ctx, &mut out);
    trim_headline_verbs(ctx, &mut out);
    shouted_bylines(ctx, &mut out);
    shouted_labels(ctx, &mut out);
    named_things(ctx, &mut out, &kind_named);
    company_names(ctx, &mut out);
    bracketed_affiliations(ctx, &mut out);
    elided_initials(ctx, &mut out);
    excellencies(ctx, &mut out);
    balinese_articles(ctx, &mut out);
    // Text order, which later stages search by (stable: ties keep their order).
    out.sort_by_key(|p| p.start);
    out
}

/// Balinese names of birth order, which the article "I" (a man's) or "Ni" (a woman's) opens as
/// a word of the name: "I Wayan Gede Astawa", "Ni Made Sari" (a closed set of the language).
const BALINESE_ORDER: &[&str] = &[
    "Wayan", "Putu", "Gede", "Luh", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut",
    "Gusti", "Ngurah",
];

/// A Balinese article before a name of birth order belongs to the name: "Dr. I Wayan Gede
/// Astawa" is "I Wayan Gede Astawa", not "Wayan Gede Astawa" after the pronoun "I".
fn balinese_articles(ctx: &Context<'_>, out: &mut [PersonMention]) {
    let text = &ctx.doc.text;
    for m in out.iter_mut() {
        let first = m.name.split(' ').next().unwrap_or("");
        if m.words < 2 || !BALINESE_ORDER.contains(&first) {
            continue;
        }
        let Some(article) = ["I ", "Ni "]
            .iter()
            .find(|a| text[..m.start].ends_with(**a))
        else {
            continue;
        };
        let start = m.start - article.len();
        // (A word of its own: "I" after a space, a line's start or a mark.)
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        if m.honorific_end.is_some_and(|e| e > start) {
            continue;
        }
        m.start = start;
        m.name = name_text(&text[start..m.end]);
        m.words += 1;
        // The title before the article is the name's: "Dr. I Wayan …".
        let before = text[..start].trim_end_matches(' ');
        let word = before.rsplit([' ', '\n', '(']).next().unwrap_or("");
        if m.honorific.is_none() && before.len() < start {
            if let Some(h) = ctx.rules.honorifics.get(word.trim_end_matches('.')) {
                m.honorific_start = Some(before.len() - word.len());
                m.honorific_end = Some(before.len());
                m.honorific = Some(h.canonical.clone());
                m.honorific_role = h.role.clone();
            }
        }
    }
}

/// "H.E." (His or Her Excellency) is a honorific, not two initials: "H.E. Khalid bin Saif
/// al-Rawahi, Undersecretary for Ports" is Khalid bin Saif al-Rawahi.
fn excellencies(ctx: &Context<'_>, out: &mut [PersonMention]) {
    let text = &ctx.doc.text;
    for m in out.iter_mut() {
        if m.honorific.is_some() || m.words < 3 {
            continue;
        }
        let Some(rest) = text[m.start..m.end]
            .strip_prefix("H.E. ")
            .or_else(|| text[m.start..m.end].strip_prefix("H. E. "))
        else {
            continue;
        };
        let start = m.end - rest.len();
        m.honorific_start = Some(m.start);
        // (Up to the space before the name.)
        m.honorific_end = Some(start - 1);
        m.honorific = Some("H.E.".to_string());
        m.start = start;
        m.name = name_text(rest);
        m.words = m.name.split(' ').count();
        m.rule = "people.honorific-name";
    }
}

/// A Sesotho name of a mother, "'Ma" and her child's name, after its apostrophe ("'Mamosa
/// Letsie", "’Malerato Tau"): a given name whatever the child's. Not when a mark closes the
/// run as a quotation's would ("'Made In Chelsea'").
fn sesotho_elided(text: &str, t: &Token, end: usize) -> bool {
    let w = &text[t.start..t.end];
    let b = w.as_bytes();
    let before = &text[..t.start];
    let mark = before
        .strip_suffix('\'')
        .or_else(|| before.strip_suffix('’'));
    b.len() > 3
        && b[0] == b'M'
        && b[1] == b'a'
        && b[2].is_ascii_lowercase()
        && mark.is_some_and(|m| m.is_empty() || m.ends_with([' ', '\n', '(']))
        && !text[end..].starts_with(['\'', '’'])
}

/// An apostrophe that opens a name is part of it: the Sesotho "’Malerato Tau", the Tongan
/// "ʻAkilisi Pōhiva" (the ʻokina). Only these marks after a space: a straight quote or "‘"
/// there opens a quotation more often than a name, except before the Sesotho "M" of a name
/// that is no given name of the list ("'Mathabo Letsie", not "'Mary Smith is here,'").
fn elided_initials(ctx: &Context<'_>, out: &mut [PersonMention]) {
    let text = ctx.doc.text.as_str();
    for m in out.iter_mut() {
        let before = &text[..m.start];
        let sesotho = || {
            let first = text[m.start..m.end].split(' ').next().unwrap_or("");
            let b = first.as_bytes();
            b.len() > 3
                && b[0] == b'M'
                && matches!(b[1], b'a' | b'e' | b'o')
                && !given_name(ctx, first)
        };
        let Some(mark) = ['’', 'ʻ', '\'']
            .into_iter()
            .find(|&c| before.ends_with(c) && (c != '\'' || sesotho()))
        else {
            continue;
        };
        let at = m.start - mark.len_utf8();
        let opens = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        if opens {
            m.start = at;
            m.name = name_text(&text[m.start..m.end]);
        }
    }
}

/// A given name coordinated with a full name shares its surname: "Kervin and Maryse
/// Alcindor-Lubin", "Bill and Hillary Clinton" name Kervin Alcindor-Lubin and Bill Clinton
/// (the evidence is the given name as written). Not after a title or another name word
/// ("Prince William and Kate Middleton").
fn coordinated_given_names(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    let mut found = Vec::new();
    let mut renamed = Vec::new();
    for m in out.iter() {
        if !(2..=3).contains(&m.words) || m.honorific.is_some() {
            continue;
        }
        let Some(before) = text[..m.start].strip_suffix(" and ") else {
            continue;
        };
        let written = &text[m.start..m.end];
        let Some((first, surname)) = written.split_once(' ') else {
            continue;
        };
        if !given_name(ctx, first) {
            continue;
        }
        // (Bounded: the one word before "and".)
        let from = before
            .rfind(|c: char| !c.is_alphabetic() && c != '-')
            .map_or(0, |k| {
                k + before[k..].chars().next().map_or(1, char::len_utf8)
            });
        let given = &before[from..];
        if given.is_empty() || !given.starts_with(char::is_uppercase) {
            continue;
        }
        // (A given name not listed is one after kin: "brothers Ammon and Ryan Bundy", "the
        // children of Wasyl and Anna Hrynchuk".)
        if !given_name(ctx, given) {
            let mut words = before[..from].split_whitespace().rev();
            let kin = match words.next() {
                Some("of") => words.next().is_some_and(|w| KIN_PLURAL.contains(&w)),
                Some(w) => KIN_PLURAL.contains(&w) || matches!(w, "parents" | "couple"),
                None => false,
            };
            if !kin || ctx.rules.not_names.contains(given) {
                continue;
            }
        }
        // "Dr Jelena and Bojan Lazarević": the given name after a courtesy honorific, found
        // alone, is named in full.
        if let Some(k) = out.iter().position(|o| o.start <= from && from < o.end) {
            let o = &out[k];
            // (A courtesy title only: "Prince Charles and Camilla Parker Bowles" are two.)
            let courtesy = o
                .honorific
                .as_deref()
                .is_some_and(|h| matches!(h, "Mr" | "Mrs" | "Ms" | "Miss" | "Mx" | "Dr"));
            // (So is one found alone after kin: "brothers Ammon and Ryan Bundy".)
            let alone = o.honorific.is_none() && o.rule == "people.given-alone";
            if o.start == from && o.end == from + given.len() && (courtesy || alone) {
                renamed.push((
                    k,
                    format!("{given} {}", crate::text::collapse(surname)),
                    m.words,
                ));
            }
            continue;
        }
        // The word before the given name: none, or not a name's or a title's (a capital
        // after punctuation opens a sentence or a list).
        let prev = before[..from].trim_end_matches(' ');
        let prev_word = prev
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if prev.len() < before[..from].len()
            && prev_word.starts_with(char::is_uppercase)
            && !prev.ends_with(|c: char| !c.is_alphanumeric())
        {
            continue;
        }
        // Not the last pair of a list of names ("Paul Simon, Madonna and David Bowie": each
        // is named as the list names them; but "my parents, James and Olive Meehan") nor a
        // name of a thing ("the Jesus and Mary Chain").
        let listed = prev.strip_suffix(',').is_some_and(|p| {
            let item = p.rsplit(' ').next().unwrap_or("");
            item.starts_with(char::is_uppercase) || item.ends_with(')')
        });
        if listed || matches!(prev_word, "the" | "The") {
            continue;
        }
        // Nor a place after a name: "Kurt Hanson of Cody and Gary Hanson of Rapid City".
        if matches!(prev_word, "of" | "in" | "from" | "near") {
            let before_prep = prev[..prev.len() - prev_word.len()].trim_end_matches(' ');
            let w = before_prep
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("");
            if w.starts_with(char::is_uppercase) && !matches!(w, "The" | "A" | "An") {
                continue;
            }
        }
        // A name known alone elsewhere in the document is someone of its own: "Madonna and
        // Elton John", "Hillary and Tim Kaine" after "Hillary Clinton".
        // (A maiden name in brackets is the partner's own: "Everett and Hilda (Nordquist)
        // Hanson".)
        let surname = name_text(surname);
        let elsewhere = memchr::memmem::find_iter(text.as_bytes(), given.as_bytes()).any(|k| {
            k != from
                && !text[..k].ends_with(|c: char| c.is_alphanumeric())
                && !text[k + given.len()..].starts_with(|c: char| c.is_alphanumeric())
                && !text[k + given.len()..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(surname.as_str()))
        });
        if elsewhere {
            continue;
        }
        found.push(PersonMention {
            start: from,
            end: from + given.len(),
            name: format!("{given} {surname}"),
            honorific_start: None,
            honorific: None,
            honorific_end: None,
            honorific_role: None,
            // (The words of the name it gives, which is a full name.)
            words: m.words,
            rule: "people.coordinated",
        });
    }
    for (k, name, words) in renamed {
        out[k].name = name;
        out[k].words = words;
    }
    out.extend(found);
}

/// A spouse's given name in brackets inside or right after a person's name, as obituaries list
/// the family: "Kurt (Donna) Hanson", "Linda Hanson-Reyes (Miguel)". Only a given name of the
/// other gender than the name's own given name: "Robert (Bob) Smith" and "Hilda (Nordquist)
/// Hanson" write a nickname and a maiden name.
fn spouses(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    let mut found = Vec::new();
    for m in out.iter() {
        if m.words < 2 {
            continue;
        }
        // Inside the name's words, or right after the name.
        let after = text[m.end..].starts_with(" (").then_some(m.end + 1);
        let inside = || text[m.start..m.end].find(" (").map(|k| m.start + k + 1);
        let inside = if after.is_some() || text.as_bytes()[m.start..m.end].contains(&b'(') {
            inside()
        } else {
            continue;
        };
        let Some(g) = m
            .name
            .split(' ')
            .next()
            .and_then(|f| ctx.rules.given_name(f).flatten())
        else {
            continue;
        };
        // (After the name, where a family list goes on: "Linda Hanson-Reyes (Miguel) of
        // Valentine"; not a results line's "Jose Coceres (Argentina) 69 78".)
        let listed = |close: usize| {
            let r = &text[close + 1..];
            r.starts_with([',', ';', '.']) || r.starts_with(" of ") || r.starts_with(" and ")
        };
        for open in [inside, after].into_iter().flatten() {
            let rest = &text[open + 1..];
            let Some(close) = rest.find(')') else {
                continue;
            };
            let w = &rest[..close];
            if (Some(open) == after && !listed(open + 1 + close))
                || w.len() < 2
                || !w.starts_with(char::is_uppercase)
                || !w.chars().all(char::is_alphabetic)
                || ctx.rules.given_name(w).flatten() != Some(g.opposite())
            {
                continue;
            }
            let start = open + 1;
            if out
                .iter()
                .chain(&found)
                .any(|o: &PersonMention| o.start == start && o.end == start + w.len())
            {
                continue;
            }
            found.push(PersonMention {
                start,
                end: start + w.len(),
                name: w.to_string(),
                honorific_start: None,
                honorific: None,
                honorific_end: None,
                honorific_role: None,
                words: 1,
                rule: "people.spouse",
            });
        }
    }
    out.extend(found);
}

/// A company's legal form, written after its name: "Ltd", "GmbH", "d.d.".
fn company_form(ctx: &Context<'_>, w: &str) -> bool {
    let w = w.trim_end_matches([',', ';', ':']);
    super::roles::legal_form(w)
        || matches!(
            w,
            "ASA"
                | "AB"
                | "Oy"
                | "Oyj"
                | "ApS"
                | "SpA"
                | "Srl"
                | "SARL"
                | "Pty"
                | "Bhd"
                | "BV"
                | "NV"
        )
        || (w.contains('.') && ctx.rules.organisation_words.contains(w))
}

/// Names that the document also writes with a company's legal form after them are the
/// company's, wherever they stand: "Neretva Bauxite reports Q3 results" after "Neretva Bauxite
/// d.d." (not a name that opens with a given name: "Jane Roe Ltd" may be Jane Roe's firm).
fn company_names(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    let formed = |name: &str| {
        memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()).any(|k| {
            text[k + name.len()..]
                .strip_prefix(' ')
                .and_then(|r| r.split([' ', '\n', ')']).next())
                .is_some_and(|w| company_form(ctx, w))
        })
    };
    // (The cheap tests first: most names open with a given name, and a name written many
    // times is searched for once.)
    let mut companies: Vec<String> = Vec::new();
    let mut searched: Vec<&str> = Vec::new();
    for m in out.iter().filter(|m| m.honorific.is_none() && m.words >= 2) {
        let written = &text[m.start..m.end];
        if written
            .split(' ')
            .next()
            .is_some_and(|g| given_name(ctx, g))
            || searched.contains(&written)
        {
            continue;
        }
        searched.push(written);
        if formed(written) {
            companies.push(m.name.clone());
        }
    }
    if !companies.is_empty() {
        out.retain(|m| m.honorific.is_some() || !companies.contains(&m.name));
    }
}

/// Words in brackets right after a name that go on with a comma are the person's
/// affiliations, no one's name: "Professor Hinemoa Te Rangi-Whakaue (Te Arawa, Ngāti
/// Whakaue)", "Jane Roe (Green, Harbridge)".
fn bracketed_affiliations(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    let ends: Vec<usize> = out.iter().map(|m| m.end).collect();
    out.retain(|m| {
        let Some(before) = text[..m.start].strip_suffix('(') else {
            return true;
        };
        let listed = text[m.end..].starts_with(',')
            && roles::affiliation_bracket(&text[before.len()..]).is_some();
        !(listed && ends.contains(&before.trim_end_matches(' ').len()))
    });
}

/// Whether the document writes `title` (as written, with its full stop if it has one) before
/// a given name and then `surname`: "Z. Arben Qirjazi" makes "Z." a title before "Qirjazi"
/// alone.
fn titles_a_full_name(ctx: &Context<'_>, title: &str, surname: &str) -> bool {
    let text = &ctx.doc.text;
    memchr::memmem::find_iter(text.as_bytes(), title.as_bytes()).any(|k| {
        let lead = k == 0 || !text[..k].ends_with(|c: char| c.is_alphanumeric());
        let Some(rest) = text[k + title.len()..].strip_prefix(' ') else {
            return false;
        };
        let mut words = rest.split([' ', ',', '.', '\n']).take(4);
        lead && words
            .next()
            .is_some_and(|w| ctx.rules.given_names.contains_key(w))
            && words.any(|w| w == surname)
    })
}

/// Names given to things and animals (`rules/people/thing-nouns.txt`): "the gaff cutter Sir
/// Cedric", "a tortoise called Jonathan". The name right after such a noun is no person, and
/// nor are its other mentions ("Sir Cedric takes the lead").
fn named_things(ctx: &Context<'_>, out: &mut Vec<PersonMention>, kind_named: &[&str]) {
    let text = &ctx.doc.text;
    let mut things: Vec<String> = Vec::new();
    for m in out.iter() {
        let start = m.honorific_start.unwrap_or(m.start);
        // (The few bytes before the name only.)
        let from = crate::text::floor_boundary(text, start.saturating_sub(40));
        // (Right before the name, or before "called" or "named": after a comma the name may
        // be of a person the noun's phrase describes, "the head of the company, Yury Boyko".)
        let before = text[from..start].trim_end_matches(' ');
        let before = before
            .strip_suffix(" called")
            .or_else(|| before.strip_suffix(" named"))
            .map_or(before, |b| b.trim_end_matches([' ', ',']));
        // (After a comma, a vessel's noun only: "his scalloper, Margaret Ann II,", "his boat,
        // the Lady Franklin II,".)
        let before = before
            .strip_suffix(", the")
            .map_or(before, |b| &before[..b.len() + 1]);
        let (before, apposed) = match before.strip_suffix(',') {
            Some(b) => (b.trim_end_matches(' '), true),
            None => (before, false),
        };
        let noun = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if apposed && !ctx.rules.thing_nouns_apposed.contains(noun) {
            continue;
        }
        // (Not a noun that only completes a person's: "The master of the vessel, Captain
        // Dmitri Volkonsky,".)
        let complement = before[..before.len() - noun.len()]
            .trim_end()
            .rsplit(' ')
            .nth(1)
            .is_some_and(|w| w == "of");
        if apposed && complement {
            continue;
        }
        // (Or an apposition after the name: "the Clara B. Rafuse, a 24-foot sloop she
        // launched".)
        let described = || {
            let to = crate::text::floor_boundary(text, (m.end + 60).min(text.len()));
            let rest = &text[m.end..to];
            let Some(rest) = [", a ", ", an ", ", the "]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
            else {
                return false;
            };
            // (The noun must head the apposition: "Jane Roe, a dog breeder" is a person.)
            let words: Vec<&str> = rest.split(' ').take(5).collect();
            words.iter().enumerate().take(4).any(|(k, w)| {
                let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
                ctx.rules.thing_nouns_apposed.contains(bare)
                    && (bare.len() < w.len()
                        || words.get(k + 1).is_none_or(|n| {
                            matches!(
                                *n,
                                "she"
                                    | "he"
                                    | "they"
                                    | "that"
                                    | "which"
                                    | "whose"
                                    | "with"
                                    | "from"
                                    | "in"
                                    | "built"
                                    | "owned"
                                    | "launched"
                                    | "bought"
                                    | "scheduled"
                                    | "due"
                                    | "expected"
                                    | "registered"
                                    | "chartered"
                                    | "operated"
                                    | "carrying"
                            )
                        }))
            })
        };
        // (Or a place named after someone: "the southern district of Ștefan Vodă".)
        let place_of = || {
            before.strip_suffix(" of").is_some_and(|b| {
                let noun = b.rsplit(' ').next().unwrap_or("");
                ctx.rules.place_nouns.contains(noun)
            })
        };
        if (place_of() || described()) && !things.contains(&m.name) {
            things.push(m.name.clone());
            continue;
        }
        // (Or a ship's prefix in capitals: "the MFV Frieda Kandjii".)
        let prefix = (2..=5).contains(&noun.len())
            && noun.bytes().all(|b| b.is_ascii_uppercase())
            && ctx.rules.thing_nouns.contains(&noun.to_ascii_lowercase());
        if !noun.is_empty()
            && (prefix
                || (noun.starts_with(|c: char| c.is_lowercase())
                    && ctx.rules.thing_nouns.contains(noun)))
            && !things.contains(&m.name)
        {
            things.push(m.name.clone());
        }
    }
    // A name known by its given name alone that the document writes after a kind's first
    // word elsewhere is that place's or body's: "after Elías Aguirre incidents" and "at the
    // Estadio Elías Aguirre".
    for m in out.iter() {
        let n = m.name.as_str();
        if m.rule == "people.given-name"
            && m.words >= 2
            && kind_named.iter().any(|k| {
                k.len() >= n.len()
                    && k.ends_with(n)
                    && (k.len() == n.len() || k[..k.len() - n.len()].ends_with(' '))
            })
            && !things.contains(&m.name)
        {
            things.push(m.name.clone());
        }
    }
    if !things.is_empty() {
        out.retain(|m| !things.contains(&m.name));
    }
    // A name after an organisation's first word is the organisation's, as Spanish and
    // Portuguese write them: "a nurse at the Hospital Carlos van Buren", "funded by the
    // Fundación Dolores Cacuango" (the word after an article, so that it opens the name
    // rather than ends one: not "Chief of Police Renata Ortiz").
    out.retain(|m| {
        let before = text[..m.start].strip_suffix(' ').unwrap_or("");
        let (rest, w) = before.rsplit_once(' ').unwrap_or(("", before));
        !(w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && ctx.rules.organisation_words.contains(w)
            && !ctx.rules.organisation_subjects.contains(w)
            && !ctx.rules.organisation_bodies.contains(w)
            && matches!(rest.rsplit(' ').next().unwrap_or(""), "the" | "The"))
    });
    // A name after an organisation's word and "of", where only the given name said it was a
    // person's, ends the organisation's name: "the Ennis Museum of Clare Life".
    out.retain(|m| {
        let Some(before) = text[..m.start].strip_suffix(" of ") else {
            return true;
        };
        let w = before.rsplit([' ', '\n']).next().unwrap_or("");
        !(m.rule == "people.given-name"
            && w.starts_with(char::is_uppercase)
            && ctx.rules.organisation_words.contains(w)
            && !ctx.rules.organisation_subjects.contains(w)
            && !ctx.rules.organisation_bodies.contains(w))
    });
    // A name inside the list of an office's or a body's portfolio is a subject's:
    // "Commission for Fisheries, Marine Parks and Environment".
    out.retain(|m| !in_portfolio(ctx, m.start, m.end));
    // A name that a noun after it makes a thing's, where only the given name said it was a
    // person's: "held a Marie Curie fellowship", "the Jane Roe lecture".
    out.retain(|m| {
        // (Whatever the evidence, capitalised after an article: "the Joseph Koisin
        // Scholarship", "the Dorjee Tsomo Bhutia Fellowship".)
        let before = &text[..m.start];
        if ["the ", "The ", "a ", "A "]
            .iter()
            .any(|a| before.ends_with(a))
        {
            let noun = text[m.end..]
                .strip_prefix(' ')
                .unwrap_or("")
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if noun.starts_with(char::is_uppercase)
                && crate::text::with_lower(noun, |l| ctx.rules.thing_nouns_after.contains(l))
            {
                return false;
            }
        }
        // (Whatever found it, a name that an ampersand joins to an organisation's word is a
        // firm's: "Partner, Hinkler Audit & Assurance".)
        if m.honorific.is_none()
            && text[m.end..].strip_prefix(" & ").is_some_and(|r| {
                let w = r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                ctx.rules.organisation_words.contains(w)
            })
        {
            return false;
        }
        if m.rule != "people.given-name" {
            return true;
        }
        // (A firm's name joined by an ampersand: "Kimberley Land & Cattle".)
        if text[m.end..]
            .strip_prefix(" & ")
            .is_some_and(|r| r.starts_with(char::is_uppercase))
        {
            return false;
        }
        let after = text[m.end..].strip_prefix(' ').unwrap_or("");
        let noun = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if noun.starts_with(|c: char| c.is_lowercase()) {
            return !ctx.rules.thing_nouns_after.contains(noun);
        }
        // Or a building or body named after someone: "the Jigme Dorji Wangchuck National
        // Referral Hospital" (up to three capitalised words, then an organisation's; no
        // headline's verb or function word between: "Jane Roe Joins City Council").
        let words: Vec<&str> = after.split(' ').take(4).collect();
        let punctuated = |w: &str| w.ends_with([',', '.', ';', ':']);
        let Some(k) = words.iter().position(|w| {
            ctx.rules
                .organisation_words
                .contains(w.trim_end_matches([',', '.', ';', ':']))
        }) else {
            return true;
        };
        words[..k].iter().any(|w| {
            !w.starts_with(|c: char| c.is_uppercase())
                || HEADING_WORDS.contains(w)
                || (w.ends_with('s') && !w.ends_with("'s") && !w.ends_with("’s"))
                || w.ends_with("ed")
                || punctuated(w)
        })
    });
}

/// Whether a person's noun is set off after a comma at `pos`: "Oum Sokha, a 27-year-old
/// mother from Thma Koul", "Yim Srey Pov, a village health volunteer in …". A noun that
/// describes firms too tells nothing ("Acme, a leading producer of …").
fn kind_apposed(ctx: &Context<'_>, pos: usize, sent_end: usize) -> bool {
    let rest = &ctx.doc.text[pos..sent_end];
    let Some(rest) = [" a ", " an "].iter().find_map(|p| rest.strip_prefix(p)) else {
        return false;
    };
    // (Up to three words in lower case before the noun, an age among them.)
    let mut words = rest.split(' ');
    for _ in 0..4 {
        let Some(w) = words.next() else { return false };
        let bare = w.trim_end_matches([',', '.', ';']);
        if bare.is_empty()
            || !bare
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return false;
        }
        let closed = bare.len() < w.len();
        let noun = (ctx.rules.descriptors.contains(bare)
            && !ctx.rules.shared_descriptors.contains(bare))
            || person_noun(bare);
        if noun
            && (closed
                || words.clone().next().is_none_or(|n| {
                    matches!(
                        n,
                        "in" | "from" | "at" | "of" | "who" | "with" | "for" | "and"
                    )
                }))
        {
            return true;
        }
        if closed {
            return false;
        }
    }
    false
}

/// Whether the name at `[start, end)` opens a list's line and a post follows it after a dash,
/// as minutes list those present: "Hiroshi Yamashita - Chair".
fn dash_post_after(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let text = &ctx.doc.text;
    let Some(rest) = [" – ", " — ", " - "]
        .iter()
        .find_map(|d| text[end..].strip_prefix(d))
    else {
        return false;
    };
    if !crate::text::opens_list_line(text, start) {
        return false;
    }
    let from = text.len() - rest.len();
    let line_end = text[from..].find('\n').map_or(text.len(), |k| from + k);
    roles::appositive_after(ctx, line_end, from).is_some()
}

/// Words that a title-case heading capitalises and running text does not.
const HEADING_WORDS: &[&str] = &[
    "A", "After", "And", "As", "At", "By", "For", "From", "In", "Into", "Of", "On", "Over", "The",
    "To", "Up", "With",
];

/// Whether the sentence `[start, end)` is written in title case, as headlines are ("Hillary
/// Clinton Goes After Donald Trump As The New Mitt Romney"): most words capitalised, function
/// words too.
fn title_case(text: &str, start: usize, end: usize) -> bool {
    let mut words = 0;
    let mut caps = 0;
    let mut function = 0;
    let mut lower_function = 0;
    let mut lower_other = 0;
    for (k, w) in text[start..end]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.starts_with(|c: char| c.is_alphabetic()))
        .enumerate()
    {
        words += 1;
        if w.starts_with(|c: char| c.is_uppercase()) {
            caps += 1;
            if k > 0 && HEADING_WORDS.contains(&w) {
                function += 1;
            }
        } else if HEADING_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w)) {
            lower_function += 1;
        } else {
            lower_other += 1;
        }
    }
    // Function words capitalised, or the only words in lower case ("… Plan to Restore
    // Historic Route 66 Corridor").
    words >= 4
        && (function > 0 || (lower_function > 0 && lower_other == 0))
        && caps * 4 >= words * 3
}

/// A title-case heading capitalises the verb after a name: "Hillary Clinton Goes After", "Tom
/// Nides Thanked Clinton". A name of three words or more read in such a heading loses its last
/// word when the document writes the shorter name elsewhere and never the longer one.
fn trim_headline_verbs(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    // Headline runs that no shorter form names elsewhere: "Minister Faces Backbench Revolt".
    let mut unnamed = Vec::new();
    for (i, m) in out.iter_mut().enumerate() {
        // (After a honorific one name word is enough: "Mayor Delgado-Quinn Announces …".)
        // (A byline is title case by nature: "By Fatouma Youssouf Hamidou in Mutsamudu".)
        if m.words < if m.honorific.is_some() { 2 } else { 3 } || m.rule == "people.byline" {
            continue;
        }
        // In a heading the word after the name is capitalised too, or the line ends.
        let next = text[m.end..].trim_start_matches(' ');
        // (Or a function word that title case leaves in lower case: "… Plan for River Park".)
        let function_word = HEADING_WORDS.iter().any(|w| {
            next.len() > w.len()
                && next.as_bytes()[w.len()] == b' '
                && next[..w.len()].eq_ignore_ascii_case(w)
        });
        if !(next.is_empty()
            || next.starts_with(['\n', '\r'])
            || next.starts_with(char::is_uppercase)
            // (An amount, a colon, a quotation, a dash: "… Announces $18 Million Plan",
            // "… Endorses Ted Cruz: ‘…’".)
            || next.starts_with(|c: char| {
                c.is_ascii_digit()
                    || matches!(c, '$' | '£' | '€' | ':' | '‘' | '“' | '"' | '\'' | '—' | '–' | '-')
            })
            || function_word)
        {
            continue;
        }
        // A courtesy honorific and a name that ends its line name a person, in a list of
        // titles too: "Clerk of Tynwald: Ms Fenella Corkish".
        // (Or a bracket, or a post-nominal office: "(Mrs Breesha Cregeen MHK)".)
        // (Or a list's line that opens with them, a dash before the post: "Mr Abdelhak
        // Ouazzani – Sales and Exports Officer".)
        let list_line = || {
            ["– ", "— ", "- "].iter().any(|d| next.starts_with(d))
                && crate::text::opens_list_line(text, m.honorific_start.unwrap_or(m.start))
        };
        if m.honorific.is_some()
            && m.honorific_role.is_none()
            && (next.is_empty()
                || next.starts_with(['\n', '\r', ')'])
                || crate::extract::roles::postnominal_after(ctx, m.end).is_some()
                || list_line())
        {
            continue;
        }
        // (Without a title too, when a post follows the dash: "Hiroshi Yamashita - Chair".)
        if m.honorific.is_none() && dash_post_after(ctx, m.start, m.end) {
            continue;
        }
        let Some(si) = ctx.doc.sentence_at(m.start) else {
            continue;
        };
        let sent = &ctx.doc.sentences[si];
        if !title_case(text, sent.start, sent.end) {
            continue;
        }
        let long = &text[m.start..m.end];
        let elsewhere = |needle: &str| {
            memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
                .any(|k| k < sent.start || k >= sent.end)
        };
        if elsewhere(long) {
            continue;
        }
        // The longest shorter name written elsewhere: "Mayor Delgado-Quinn Announces Plan"
        // gives "Delgado-Quinn".
        let least = if m.honorific.is_some() { 1 } else { 2 };
        let mut short = long;
        let mut words = m.words;
        let mut named = false;
        while words > least {
            let Some(cut) = short.rfind(' ') else {
                break;
            };
            short = short[..cut].trim_end();
            words -= 1;
            if elsewhere(short) {
                m.end = m.start + short.len();
                m.words = words;
                m.name = crate::text::collapse(short);
                named = true;
                break;
            }
        }
        // (A name that opens with a given name or an initial stays: "Cllr Hamish MacLeod" in
        // a list of titles.)
        let first = long.split(' ').next().unwrap_or("");
        if !named && !given_name(ctx, first) && first.trim_end_matches('.').len() > 1 {
            unnamed.push(i);
        }
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !unnamed.contains(&(i - 1))
    });
}

/// How two neighbouring names are joined.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Comma,
    And,
    /// Commas with numbers and dashes, as in team sheets ("7 - ", "(14 - ").
    Numbered,
}

/// Text between two names of a list: commas, "and", numbers and dashes.
fn list_separator(gap: &str) -> Sep {
    let g = gap.trim();
    // An entry's bracket, then a comma or a semicolon: "Dave Barr (Canada), Mike Sullivan",
    // "Jane Roe (captain), John Doe".
    if let Some(rest) = g.strip_prefix('(') {
        if let Some((inner, after)) = rest.split_once(')') {
            // (Or a number after it, on a team sheet: "Ratu Josefa Vakarau (capt), 7 Aisake
            // Nabou".)
            let numbered_after = after
                .trim()
                .strip_prefix([',', ';'])
                .map(str::trim_start)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if inner.len() <= 24
                && !inner.contains('(')
                && (matches!(after.trim(), "," | ";") || numbered_after)
            {
                // An acronym may be an organisation's ("the Internet Engineering Task Force
                // (IETF), Brian Carpenter"): as weak as a comma.
                let acronym = inner.len() >= 2 && inner.chars().all(|c| c.is_ascii_uppercase());
                return if acronym { Sep::Comma } else { Sep::Numbered };
            }
        }
    }
    if g.is_empty() || g.len() > 12 {
        return Sep::None;
    }
    if g == "," {
        return Sep::Comma;
    }
    if g == "and" || g == "&" || g == ", and" {
        return Sep::And;
    }
    // (A bracket closes after a substitute's minute only: ", 70), ", not "(Biarritz), ".)
    // (A semicolon between a team sheet's numbered groups: "11 Waisale Naivalu; 10 Ilisoni
    // Vatubua".)
    let ok = (g.contains(',') || (g.contains(';') && g.contains(|c: char| c.is_ascii_digit())))
        && (!g.contains(')') || (g.starts_with(',') && g.contains(|c: char| c.is_ascii_digit())))
        && g.chars().all(|c| {
            c == ','
                || c == ';'
                || c == '-'
                || c == '–'
                || c == '('
                // A substitute's bracket closing: "Jacob Natu (Tony Lui, 70), Morris Kalo".
                || c == ')'
                || c.is_ascii_digit()
                || c.is_whitespace()
        });
    if ok {
        Sep::Numbered
    } else {
        Sep::None
    }
}

/// Names written in capitals on a byline near the top: "By NURUL AIN MOHD ZAKI", "By
/// IGNACIO FUENZALIDA and MAREN HOLT" (the name runs leave words in capitals out, as most are
/// acronyms). Each name is two to five words of capitals, initials or particles; the name is
/// given with capitals only at the start of its words ("Nurul Ain Mohd Zaki").
fn shouted_bylines(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    let Some(last) = ctx.doc.paragraphs.get(..5.min(ctx.doc.paragraphs.len())) else {
        return;
    };
    let Some(top_end) = last.last().map(|p| p.end) else {
        return;
    };
    let mut pos = 0;
    for line in text[..top_end].split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let Some(rest) = line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("BY "))
        else {
            continue;
        };
        let mut at = line_start + (line.len() - rest.len());
        let end = line_start + line.trim_end().len();
        // One name, then " and " or ", " and the next, to the end of the line or the first
        // word not in capitals ("Associated Press").
        loop {
            let mut words = 0;
            let mut k = at;
            let mut name_end = at;
            while k < end {
                let w_end = text[k..end].find(' ').map_or(end, |j| k + j);
                let w = &text[k..w_end];
                let core = w.trim_end_matches(',');
                let capitals = core.chars().any(char::is_alphabetic)
                    && core
                        .chars()
                        .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’' | '.'));
                if !capitals || core == "AND" {
                    break;
                }
                // ("BY THE NUMBERS", "BY STAFF REPORTERS".)
                let word = capitals_lowered(core);
                if ctx.rules.not_names.contains(&word)
                    || ctx.rules.organisation_words.contains(&word)
                {
                    words = 0;
                    break;
                }
                words += 1;
                name_end = k + core.len();
                k = w_end + 1;
                if core.len() < w.len() {
                    break;
                }
            }
            if !(2..=5).contains(&words) {
                break;
            }
            let written = &text[at..name_end];
            if !out.iter().any(|m| m.start < name_end && m.end > at) {
                out.push(PersonMention {
                    start: at,
                    end: name_end,
                    name: capitals_lowered(written),
                    honorific_start: None,
                    honorific: None,
                    honorific_end: None,
                    honorific_role: None,
                    words,
                    rule: "people.byline",
                });
            }
            let next = &text[name_end..end];
            let Some(r) = next
                .strip_prefix(" and ")
                .or_else(|| next.strip_prefix(", and "))
                .or_else(|| next.strip_prefix(", "))
            else {
                break;
            };
            at = end - r.len();
        }
    }
}

/// A transcript's speaker label in capitals that opens a paragraph: "SIRI BJØRNSTAD (host):",
/// "ANA ROJAS:". The name is two to four words in capitals, the first a given name, before
/// the colon or a bracket; it is given with capitals only at the start of its words.
fn shouted_labels(ctx: &Context<'_>, out: &mut Vec<PersonMention>) {
    let text = &ctx.doc.text;
    for p in &ctx.doc.paragraphs {
        let para = &text[p.start..p.end];
        // (One look at the first two bytes settles most paragraphs.)
        let b = para.as_bytes();
        if b.len() < 4 || b[0].is_ascii_lowercase() || b[1].is_ascii_lowercase() {
            continue;
        }
        let head = &para[..para.find([':', '(', '\n']).unwrap_or(0)];
        let rest = &para[head.len()..];
        if head.is_empty()
            || !(rest.starts_with(':') || (rest.starts_with('(') && rest.contains("):")))
        {
            continue;
        }
        let name = head.trim_end();
        let words: Vec<&str> = name.split(' ').collect();
        let capitals = |w: &str| {
            w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’'))
        };
        if !(2..=4).contains(&words.len()) || !words.iter().all(|w| capitals(w)) {
            continue;
        }
        let lowered: Vec<String> = words.iter().map(|w| capitals_lowered(w)).collect();
        if ctx.rules.given_name(&lowered[0]).is_none()
            || lowered.iter().any(|w| {
                ctx.rules.not_names.contains(w) || ctx.rules.organisation_words.contains(w)
            })
        {
            continue;
        }
        // (A person the text names already is left to the quotation's label: "IVO KESSLER
        // (Engineer):" after "Eng. Ivo Kessler".)
        let (start, end) = (p.start, p.start + name.len());
        let full = lowered.join(" ");
        if out
            .iter()
            .any(|m| (m.start < end && m.end > start) || m.name == full)
        {
            continue;
        }
        out.push(PersonMention {
            start,
            end,
            name: full,
            honorific_start: None,
            honorific: None,
            honorific_end: None,
            honorific_role: None,
            words: words.len(),
            rule: "people.label",
        });
    }
}

/// "NURUL AIN" → "Nurul Ain", "O'NEILL-SMITH" → "O'Neill-Smith".
fn capitals_lowered(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// A name alone on its line with a title on the next, as a letter or a programme note is
/// signed: "Tuaine Tangimetua" then "Festival Director, Ministry of Cultural Development".
fn signature(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let text = &ctx.doc.text;
    if start > 0 && !text[..start].ends_with('\n') || !text[end..].starts_with('\n') {
        return false;
    }
    // The next line, if it ends within 100 bytes (or the text does).
    let far = crate::text::ceil_boundary(text, end + 1 + 100);
    let next = &text[end + 1..far];
    let Some(k) = next
        .find('\n')
        .or((far == text.len()).then_some(next.len()))
    else {
        return false;
    };
    let line = next[..k].trim_end();
    let title = &line[..line.find(',').unwrap_or(line.len())];
    !title.is_empty()
        && title.starts_with(|c: char| c.is_uppercase())
        && title.split_whitespace().count() <= 6
        && !line.ends_with(['.', '!', '?', ':'])
        && super::roles::heads(ctx, end + 1, end + 1 + title.len(), false)
            .iter()
            .any(|h| h.1 == end + 1 + title.len())
}

/// A name that opens its line with the writer's town after a comma, under a letter to the
/// editor (a salutation above: "Sir,", "Dear Editor,"): "Đorđe Radonjić, Tivat".
fn letter_signature(text: &str, start: usize, end: usize) -> bool {
    if start == 0 || !text[..start].ends_with('\n') {
        return false;
    }
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let line = rest.split('\n').next().unwrap_or("").trim_end();
    let town = !line.is_empty()
        && line.len() <= 40
        && line
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(char::is_uppercase));
    town && text[..start].lines().any(|l| {
        matches!(
            l.trim(),
            "Sir," | "Madam," | "Dear Sir," | "Dear Madam," | "Dear Editor," | "Dear Sir or Madam,"
        )
    })
}

/// A wire story's credits before a name: "(Reporting by Jane Roe; Writing by Tom Hale;
/// Editing by Ann Lee)", "Additional reporting by", "Photographs by".
fn credit_before(text: &str, start: usize) -> bool {
    let before = &text[crate::text::floor_boundary(text, start.saturating_sub(40))..start];
    let Some(rest) = before.strip_suffix(" by ") else {
        return false;
    };
    // A work's title in quotation marks, then its author: "'Nine Ferries' by Binta Ceesay".
    if rest.ends_with(['\'', '’', '"', '”', '»']) {
        return true;
    }
    // "translated from the French by Ramatoulaye Sow".
    if rest.contains("translated from ") {
        return true;
    }
    let word = rest
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "reporting"
            | "writing"
            | "editing"
            | "edited"
            | "written"
            | "compiled"
            // A transcript's or the minutes' maker: "Transcript prepared by Eilidh Grant",
            // "Transcribed by Litia Raikadroka, Newsroom".
            | "prepared"
            | "transcribed"
            | "photography"
            | "photographs"
            | "photo"
            | "photos"
            | "words"
            | "illustration"
            | "illustrations"
            | "graphics"
            | "interview"
            | "translation"
            | "translated"
            | "directed"
            | "illustrated"
            | "composed"
            | "narrated"
            | "curated"
            | "choreographed"
            | "photographed"
    )
}

/// A credit's label before a name, at the start of a line or after a separator: "Text:
/// Anahit Melikyan | Photos: Davit Hakobjanyan", "Media contact: Tamta Abuladze, press
/// office" (`before` is the few bytes before the name).
fn label_before(text: &str, start: usize) -> bool {
    let before = &text[crate::text::floor_boundary(text, start.saturating_sub(40))..start];
    // (Or the label on the line above: "Media contact:⏎Boitumelo Kgathi".)
    let Some(rest) = before
        .strip_suffix(": ")
        .or_else(|| before.strip_suffix(":\n"))
        .or_else(|| before.strip_suffix(":\r\n"))
    else {
        return false;
    };
    // (Or after a gap of spaces or a tab on a credits line: "Text: Ingrid Solbakken-Eira
    // Photo: Tor Erik Mathisen".)
    let k = rest
        .rfind(['\n', '|', '·', '\t'])
        .map_or(0, |k| {
            k + rest[k..].chars().next().map_or(1, char::len_utf8)
        })
        .max(rest.rfind("  ").map_or(0, |k| k + 2));
    let label = rest[k..].rsplit(". ").next().unwrap_or("");
    matches!(
        label.trim(),
        "Text"
            | "Words"
            | "Photos"
            | "Photo"
            | "Photographs"
            | "Photography"
            | "Pictures"
            | "Images"
            | "Contact"
            | "Media contact"
            | "Media contacts"
            | "Press contact"
            | "Press office"
            | "Media relations"
            | "For media enquiries"
            | "For further information"
            | "For more information"
            | "Media enquiries"
            | "Press enquiries"
            | "Enquiries"
            | "Author"
            | "Reporter"
    )
}

/// A name alone on a paragraph near the top ("Steve Pagani" above a dateline), or after "By".
fn byline(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let Some(pi) = ctx.doc.paragraph_at(start) else {
        return false;
    };
    let p = ctx.doc.paragraphs[pi];
    if end > p.end {
        return false;
    }
    let before = ctx.doc.text[p.start..start].trim();
    let after = ctx.doc.text[end..p.end].trim();
    // A paragraph of its own that says "By" and the name is a byline wherever it stands: under
    // an obituary's dates, at the foot of a story.
    if matches!(before, "By" | "BY") && after.is_empty() {
        return true;
    }
    if pi > 4 {
        return false;
    }
    let by = before == "By" || before == "by" || before == "--" || before == "—";
    // (Not a paper's name alone on the first line when the writer's "By" line follows: "Mid
    // Ulster Courier" over "By Aoife McErlean, Local Democracy Reporter".)
    if pi == 0
        && !by
        && ctx.doc.paragraphs[1..ctx.doc.paragraphs.len().min(6)]
            .iter()
            .any(|q| matches!(ctx.doc.text[q.start..q.end].get(..3), Some("By " | "BY ")))
    {
        return false;
    }
    if (before.is_empty() || by)
        && (after.is_empty() || (by && (after.starts_with(',') || dispatch_place(after))))
    {
        return true;
    }
    // A byline line of its own under a headline, its date and section after a separator:
    // "By Djamila Fortes Monteiro · December 6, 2025 · Soups & stews".
    let text = &ctx.doc.text;
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |k| end + k);
    let before = text[line_start..start].trim();
    let after = text[end..line_end].trim();
    matches!(before, "By" | "by" | "BY")
        && (after.is_empty() || after.starts_with([',', '·', '|', '–', '—', '/', '(']))
}

/// The place a byline's writer files from, and nothing more: "in Mutsamudu", "in Port
/// Louis and Paris".
fn dispatch_place(after: &str) -> bool {
    let Some(place) = after.strip_prefix("in ") else {
        return false;
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0].starts_with(|c: char| c.is_ascii_uppercase())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "de" | "del" | "la"))
}

/// Whether a name of short words is written in Vietnamese letters: one only Vietnamese uses
/// (ư, ơ, ă, đ, ạ, ả …), or a circumflex in words of five letters or fewer ("Yên Minh"), where a
/// French name's words are longer ("Jérôme").
fn vietnamese_letters(s: &str) -> bool {
    let only = |c: char| {
        matches!(
            c,
            'ư' | 'ơ' | 'ă' | 'đ' | 'Ư' | 'Ơ' | 'Ă' | 'Đ' | '\u{1EA0}'..='\u{1EF9}'
        )
    };
    s.chars().all(|c| c.is_alphabetic() || c == ' ')
        && (s.chars().any(only)
            || (s
                .chars()
                .any(|c| matches!(c, 'â' | 'ê' | 'ô' | 'Â' | 'Ê' | 'Ô'))
                && s.split(' ').all(|w| w.chars().count() <= 5)))
}

/// Whether `[start, end)` stands inside the list of subjects of an office or a body, after a
/// subject and before "and" and another: "Commissioner for Fisheries, Marine Parks and
/// Environment" (but "the families of John Smith, Mary Jones and Pat Lee" are people's).
fn in_portfolio(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let text = &ctx.doc.text;
    let and_next = text[end..]
        .strip_prefix(" and ")
        .is_some_and(|r| r.starts_with(char::is_uppercase));
    let Some(before) = text[..start].strip_suffix(", ") else {
        return false;
    };
    if !and_next {
        return false;
    }
    let mut words = before.rsplit(char::is_whitespace);
    let mut subject = false;
    for _ in 0..3 {
        let Some(w) = words.next() else {
            return false;
        };
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
        subject |= ctx.rules.organisation_subjects.contains(w) || ctx.rules.not_names.contains(w);
        let Some(&next) = words.clone().next().as_ref() else {
            return false;
        };
        if matches!(next, "for" | "of") {
            words.next();
            let office = words.next().unwrap_or("");
            return subject
                && office.starts_with(char::is_uppercase)
                && (ctx.rules.organisation_words.contains(office)
                    || crate::text::with_lower(office, |l| ctx.rules.role_head_set.contains(l)));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::TestDoc;
    use crate::rules::Rules;

    #[test]
    fn shouting_is_judged_the_same_from_bytes() {
        for w in [
            "UK", "RBKC", "Obama", "McDonald", "A", "I", "ABCd", "AbCD", "aB", "NASA", "Nasa",
        ] {
            assert_eq!(shouting_ascii(w.as_bytes()), shouting(w), "{w}");
        }
        assert!(shouting_ascii(b"UK") && !shouting_ascii(b"Uk") && !shouting_ascii(b"U"));
    }

    fn names(s: &str) -> Vec<(String, Option<String>, &'static str)> {
        let t = TestDoc::new(s);
        let ctx = t.ctx();
        extract(&ctx)
            .into_iter()
            .map(|m| (m.name, m.honorific, m.rule))
            .collect()
    }

    #[test]
    fn honorific_then_name() {
        assert_eq!(
            names(
                "Cllr Omar Haddad spoke. Then Dr. J. R. Hartley left. Professor Sir Ian Holt came."
            ),
            vec![
                (
                    "Omar Haddad".into(),
                    Some("Councillor".into()),
                    "people.honorific-name"
                ),
                (
                    "J. R. Hartley".into(),
                    Some("Dr".into()),
                    "people.honorific-name"
                ),
                (
                    "Ian Holt".into(),
                    Some("Professor".into()),
                    "people.honorific-name"
                ),
            ]
        );
    }

    #[test]
    fn attribution_and_appositive() {
        let got = names("Jane Roe, Chief Executive of Harbridge Borough Council, said it was good. “Yes,” said Tom van der Berg.");
        assert_eq!(got[0], ("Jane Roe".into(), None, "people.appositive"));
        assert_eq!(
            got[1],
            ("Tom van der Berg".into(), None, "people.attribution")
        );
    }

    #[test]
    fn organisations_places_months_are_not_people() {
        let p = crate::Pipeline::new(Rules::builtin(), crate::Options::default());
        let text = "Harbridge Borough Council said it would act. In March Northfold said no. \
                    Inspectors said the service was good. Monday Morning said nothing.";
        let facts = p.process_bytes("t.txt", text.as_bytes());
        assert!(facts.people.is_empty(), "{:?}", facts.people);
    }
}
