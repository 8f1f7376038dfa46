//! Roles: the positions people hold, as phrases next to their names.
//!
//! A role phrase holds a head from `roles/role-heads.txt` ("Cabinet Member") and its complement
//! ("for Children and Young People"). Words in front of the head are its organisation
//! ("Westminster City Council Cabinet Member ..."); coordinated titles ("Deputy Leader and
//! Cabinet Member for ...") are separate roles. Rule ids: `roles.honorific` (Cllr, Professor),
//! `roles.appositive` ("Jane Roe, Director of Place, said"), `roles.prenominal` ("Director of
//! Place Jane Roe").

use super::people::PersonMention;
use super::Context;
use crate::text::{Token, TokenKind};

/// A role linked to a person mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleMention {
    /// Text offsets of the role (head and complement).
    pub start: usize,
    pub end: usize,
    pub role: String,
    pub organization: String,
    /// Index of the person mention in the extracted people.
    pub person: usize,
    pub rule: &'static str,
}

const CONNECTORS: &[&str] = &[
    "and", "for", "of", "the", "&", "in", "on", "at", "with", "to",
];

/// Words in lower case before a role head that do not describe the role ("who is the most
/// senior judge", "his partner").
const NOT_MODIFIERS: &[&str] = &[
    "who",
    "which",
    "whose",
    "that",
    "this",
    "these",
    "those",
    "is",
    "was",
    "are",
    "were",
    "been",
    "being",
    "has",
    "had",
    "have",
    "will",
    "would",
    "most",
    "more",
    "very",
    "also",
    "now",
    "then",
    "still",
    "currently",
    // (An age is no part of a post: "the teenage wingman Riley Moncrieff".)
    "teenage",
    "teenaged",
    "young",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "she",
    "him",
    "them",
    "from",
    "into",
    "about",
    "against",
    "between",
    "after",
    "before",
    "said",
    "says",
    "told",
    "one",
    "two",
    "three",
    "four",
    "five",
    "both",
    "all",
    "some",
    "many",
    "other",
    "another",
    "new",
    "own",
    "not",
    "but",
    "yet",
    "when",
    "while",
    "where",
    "as",
    "by",
    "former",
    "late",
    "outgoing",
    "incoming",
    // Prepositions: "curled the ball past goalkeeper Jane Roe".
    "past",
    "over",
    "under",
    "through",
    "behind",
    "beyond",
    "across",
    "around",
    "towards",
    "toward",
    "near",
    "without",
    "within",
    "beside",
    "via",
    "upon",
    "onto",
    "like",
    "than",
    "off",
    "out",
    "down",
    "among",
    "amid",
    "along",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "The", "A", "An", "its", "Its", "their", "Their", "his", "His", "her", "Her", "our",
    "Our", "your", "my",
];

/// A word in lower case that may describe a role ("finance", "studio"): not a connector or a
/// word of a clause.
fn lower_modifier(w: &str) -> bool {
    w.len() >= 3
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !CONNECTORS.contains(&w)
        && !NOT_MODIFIERS.contains(&w)
        // "joining centre partner": a verb's "-ing" form (a title modifier in "-ing",
        // "marketing", is taken as such before this test).
        && !w.ends_with("ing")
}

/// Role heads found in `[start, end)`, as text offsets, checked for word boundaries and case.
pub fn heads(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    allow_lower: bool,
) -> Vec<(usize, usize)> {
    head_matches(ctx, start, end)
        .filter(|h| if allow_lower { h.3 } else { h.2 })
        .map(|h| (h.0, h.1))
        .collect()
}

/// [`heads`] of `[start, end)`, and also the first head ending at `end` in any case ("chair" in
/// "Friends of the Library chair"): one search for both.
fn heads_and_last(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    allow_lower: bool,
) -> Vec<(usize, usize)> {
    let mut hs = Vec::new();
    let mut last = None;
    // Heads in lower case left out, which a coordination may bring back (below).
    let mut lower = Vec::new();
    for (s, e, capitalised, any_case) in head_matches(ctx, start, end) {
        if (allow_lower && any_case) || capitalised {
            hs.push((s, e));
        } else if any_case && e < end {
            lower.push((s, e));
        }
        if last.is_none() && any_case && e == end {
            last = Some((s, e));
        }
    }
    if let Some(h) = last {
        if !hs.contains(&h) {
            hs.push(h);
            hs.sort_unstable();
            // A head in lower case coordinated with the last one is a title too: "its deputy
            // chief executive and chief operating officer, Jane Roe" has two.
            hs.extend(joined_before(&ctx.doc.text, &lower, h.0));
            hs.sort_unstable();
        }
    }
    hs
}

/// The heads among `heads` joined by "and" (or "&") to the one at `from` and to each other,
/// going back, with at most three modifiers in lower case between: "its deputy chief executive
/// and chief operating officer".
fn joined_before(text: &str, heads: &[(usize, usize)], from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut next = from;
    for &(s, e) in heads.iter().rev() {
        if e > next {
            continue;
        }
        let gap = &text[e..next];
        let Some(words) = gap
            .strip_prefix(" and ")
            .or_else(|| gap.strip_prefix(" & "))
        else {
            break;
        };
        if !words.split_whitespace().all(lower_modifier) || words.split(' ').count() > 3 {
            break;
        }
        out.push((s, e));
        next = s;
    }
    out
}

/// Every role head in `[start, end)` standing as a whole word: its offsets, whether its case
/// suits a title (an acronym in upper case, another head capitalised), and whether it is
/// allowed in lower case (any but an acronym in other than upper case).
fn head_matches<'a>(
    ctx: &'a Context<'_>,
    start: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize, bool, bool)> + 'a {
    let text = &ctx.doc.text;
    let hay = &text[start..end];
    // A match that is no whole word is passed over from its next character on, so that a
    // shorter head inside it is found: "Vice Chair" of "Vice Chairman" fails, then "Chairman".
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let m = ctx
            .rules
            .role_matcher
            .find(aho_corasick::Input::new(hay).span(from..hay.len()))?;
        let (s, e) = (start + m.start(), start + m.end());
        let before_ok = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        // (An owner is no title: "the candidate's biography", "the Chairman's statement".)
        let after_ok = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
            && !["'s", "’s"].iter().any(|p| {
                text[e..]
                    .strip_prefix(p)
                    .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
            });
        // A head that ends in a preposition needs a name after it: "Member for Abaiang", but
        // not "a member for 20 years".
        let object_ok = !ctx.rules.role_heads[m.pattern().as_usize()].ends_with(" for") || {
            let rest = text[e..].strip_prefix(' ').unwrap_or("");
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            rest.starts_with(char::is_uppercase)
        };
        // A head in lower case after "to" and before a determiner is a verb: "the first woman
        // to coach a men's team", "to chair the inquiry" (but "promoted to manager in 2019").
        let verb = text[..s].ends_with(" to ")
            && text[s..].starts_with(|c: char| c.is_lowercase())
            && text[e..].strip_prefix(' ').is_some_and(|r| {
                let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                w == "the" || DETERMINERS.contains(&w)
            });
        // A head in capitals that names a body with the word after it is no title: "the
        // Executive Bureau of the Union", "the Executive Committee"; nor one that names a
        // street: "Regent Street", "Chancellor Avenue".
        let body = || {
            text[s..].starts_with(|c: char| c.is_uppercase())
                && text[e..].strip_prefix(' ').is_some_and(|r| {
                    r.starts_with(|c: char| c.is_uppercase()) && {
                        let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                        ctx.rules.organisation_bodies.contains(w)
                            || matches!(
                                w,
                                "Street" | "Road" | "Avenue" | "Square" | "Lane" | "Park"
                            )
                    }
                })
        };
        if !before_ok || !after_ok || !object_ok || verb || body() {
            from = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        from = m.end();
        return Some((s, e, m.pattern()));
    })
    .map(move |(s, e, pattern)| {
        // A modifier joined by a hyphen belongs to the head: "Non-executive director",
        // "Vice-Chairman", "Co-chair" (but "ex-Home Secretary" is a former Home Secretary).
        let s = match text[..s].strip_suffix('-') {
            Some(before) => {
                let k = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| {
                    k + before[k..].chars().next().map_or(1, char::len_utf8)
                });
                let prefix = &before[k..];
                let joined = !prefix.is_empty()
                    && crate::text::with_lower(prefix, |l| {
                        matches!(l, "non" | "co" | "vice" | "deputy" | "sub")
                    });
                if joined {
                    k
                } else {
                    s
                }
            }
            None => s,
        };
        let found = &text[s..e];
        let head = &ctx.rules.role_heads[pattern.as_usize()];
        // Acronyms (MP, CEO: written in capitals in the rule file) must be upper-case; other
        // heads, however short ("vet"), capitalised as titles.
        if !head.chars().any(char::is_lowercase) {
            let upper = found.chars().all(|c| c.is_uppercase());
            (s, e, upper, upper)
        } else {
            let capitalised = found.chars().next().is_some_and(|c| c.is_uppercase());
            (s, e, capitalised, true)
        }
    })
}

/// The length of a bracket that qualifies a title, from its opening: "(Monitoring and
/// Evaluation)" of "Programme Officer (Monitoring and Evaluation)", "(Press)", "(Ag.)",
/// "(Kwai Tsing)": a few capitalised words, no digits (not an age, a phone number or an aside
/// in lower case), and not an acronym alone, which names the organisation before it ("general
/// secretary of the Centre of Indian Trade Unions (CITU)").
fn qualifier_bracket(s: &str) -> Option<usize> {
    let close = s[..crate::text::floor_boundary(s, s.len().min(48))].find(')')?;
    let inner = &s[1..close];
    let words = inner.split_whitespace().count();
    ((1..=5).contains(&words)
        && inner.starts_with(|c: char| c.is_uppercase())
        && inner.contains(|c: char| c.is_lowercase())
        && !inner.contains(|c: char| c.is_ascii_digit() || matches!(c, '\n' | ',' | '(')))
    .then_some(close + 1)
}

/// The length of a bracket of a person's affiliations, from its opening: "(Te Arawa, Ngāti
/// Whakaue)", "(Green, Harbridge)": capitalised, a comma inside, no digits (not a substitute
/// and his minute, "(Tony Lui, 70)").
pub fn affiliation_bracket(s: &str) -> Option<usize> {
    let r = s.strip_prefix('(')?;
    let close = r[..crate::text::floor_boundary(r, r.len().min(80))].find(')')?;
    let inner = &r[..close];
    (inner.contains(", ")
        && inner.starts_with(char::is_uppercase)
        && !inner.contains(|c: char| c.is_ascii_digit() || matches!(c, '\n' | '(')))
    .then_some(close + 2)
}

/// The length of a party's letters in brackets before an apposition, from its opening: "(S), "
/// in "Lena Strandberg-Olofsson (S), the municipal commissioner": one word, capitalised, of
/// letters and hyphens ("(D-Texas)"), a comma after it.
fn party_bracket(s: &str) -> Option<usize> {
    let r = s.strip_prefix('(')?;
    let close = r[..crate::text::floor_boundary(r, r.len().min(14))].find(')')?;
    let inner = &r[..close];
    (inner.starts_with(char::is_uppercase)
        && inner.chars().all(|c| c.is_alphabetic() || c == '-')
        && r[close + 1..].starts_with(", "))
    .then_some(close + 2)
}

/// Whether a line of a contact block opens `s`: a telephone number or an address, "tel.
/// +359 54 857 773", "E-mail: press@example.org".
fn contact_line(s: &str) -> bool {
    let w = s.split([' ', ':', '.']).next().unwrap_or("").to_lowercase();
    s.starts_with(|c: char| c.is_ascii_digit() || c == '+')
        || matches!(
            w.as_str(),
            "tel" | "telephone" | "phone" | "mobile" | "mob" | "fax" | "e-mail" | "email" | "www"
        )
}

/// The length of the line that ends at the line break at `nl`.
fn line_len(text: &str, nl: usize) -> usize {
    nl - text[..nl].rfind('\n').map_or(0, |k| k + 1)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// A title of capitalised words whose department follows a colon, as southern African
/// notices write it: "Manager: Consumer Affairs", "Director: Legal Services," (`before` is the
/// title, `after` what follows the colon).
fn colon_title(before: &str, after: &str) -> bool {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let title: Vec<&str> = before.split(' ').collect();
    if title.len() > 3 || !title.iter().all(|w| capitalised(w)) {
        return false;
    }
    let Some(after) = after.strip_prefix(' ') else {
        return false;
    };
    let dept = &after[..after.find([',', '.', ';', '\n']).unwrap_or(after.len())];
    let words: Vec<&str> = dept.split(' ').collect();
    (1..=4).contains(&words.len())
        && capitalised(words[0])
        && words
            .iter()
            .all(|w| capitalised(w) || matches!(*w, "and" | "&" | "of"))
}

/// The post that "is" or "was" gives the name ending at `name_end`, opening the complement:
/// "Shahida Baig is the chairwoman of the cooperative" (a post no organisation or place holds
/// so, which is why it tells a person's name).
pub fn copular_post_after(
    ctx: &Context<'_>,
    sent_end: usize,
    name_end: usize,
) -> Option<(usize, usize)> {
    let text = &ctx.doc.text;
    let rest = &text[name_end..sent_end];
    let verb = [" is ", " was "].iter().find(|v| rest.starts_with(**v))?;
    let pos = name_end + verb.len() - 1;
    let article = ["the ", "a ", "an "]
        .iter()
        .find(|a| text[pos + 1..sent_end].starts_with(**a))?;
    let (s, e) = appositive_after(ctx, sent_end, pos)?;
    // The post opens the complement, with at most two words before its head: "is the
    // chairwoman of …", "was a senior staff nurse", not "is the home of the mayor".
    let from = pos + 1 + article.len();
    opens_with_post(ctx, from, e, 2).then_some((s, e))
}

/// Whether `[from, e)` opens with a post: its first head is no head organisations share, and at
/// most `max_before` modifiers or capitalised words stand before it ("the chairwoman of …", "a
/// senior staff nurse", not "the home of the mayor").
fn opens_with_post(ctx: &Context<'_>, from: usize, e: usize, max_before: usize) -> bool {
    let text = &ctx.doc.text;
    let Some(&(h, he)) = heads(ctx, from, e, true).first() else {
        return false;
    };
    if ctx.rules.shared_heads.contains(&text[h..he].to_lowercase()) {
        return false;
    }
    let mut between = text[from..h].split_whitespace();
    between.clone().count() <= max_before
        && between.all(|w| lower_modifier(w) || w.starts_with(char::is_uppercase))
}

/// Whether `s` opens with a verb of taking or holding a post (`roles/role-verbs.txt`): "joins
/// as Director of Brewing" after a comma is a predicate, no apposition.
pub fn role_verb_opens(rules: &crate::rules::Rules, s: &str) -> bool {
    role_verb_at(rules, s).is_some()
}

/// The longest verb phrase of `roles/role-verbs.txt` that opens `s` before a space, whether it
/// takes an object before "as", and the text after the space.
fn role_verb_at<'r, 's>(
    rules: &'r crate::rules::Rules,
    s: &'s str,
) -> Option<(&'r str, bool, &'s str)> {
    if !rules
        .role_verb_firsts
        .contains(s.split(' ').next().unwrap_or(""))
    {
        return None;
    }
    // (The list is sorted longest first.)
    rules.role_verbs.iter().find_map(|(v, object)| {
        let rest = s.strip_prefix(v.as_str())?.strip_prefix(' ')?;
        Some((v.as_str(), *object, rest))
    })
}

/// The appositive after a name: `pos` is just after the comma following the name. The phrase
/// runs to a comma followed by a lower-case word ("..., said"), a colon or the sentence end, and
/// must contain a role head.
pub fn appositive_after(ctx: &Context<'_>, sent_end: usize, pos: usize) -> Option<(usize, usize)> {
    let text = &ctx.doc.text;
    let rest = &text[pos..sent_end];
    let lead = rest.len() - rest.trim_start_matches(is_space).len();
    let relative = relative_lead(ctx.rules, &text[pos + lead..sent_end]);
    // An adverb of time before the role: "Jane Roe, currently Chief Operating Officer, will
    // succeed ...".
    let adverb = POST_ADVERBS
        .iter()
        .find(|a| text[pos + lead + relative..sent_end].starts_with(**a))
        .map_or(0, |a| a.len());
    let start = pos + lead + relative + adverb;
    // Any other clause is no apposition: "Veltrix Diagnostics, where she has been …".
    if relative == 0 {
        let mut words = text[start..sent_end].split(' ');
        let w = words.next().unwrap_or("");
        if matches!(w, "who" | "whose" | "which" | "where" | "when" | "while") {
            return None;
        }
        // Nor a denial of kinship: "Ameir Haji Vuai, no relation to the current director".
        let body = &text[start..sent_end];
        if ["no relation", "not related", "unrelated", "no kin"]
            .iter()
            .any(|d| body.starts_with(d))
        {
            return None;
        }
        // Nor someone else's post in company: "led by the Minister, Jane Roe, together with
        // the Regional Delegate, Tom Hale"; nor the post of one acted for: "Hon. Zuberi
        // Mwakyusa, on behalf of the Permanent Secretary, …".
        if [
            "on behalf of ",
            "together with ",
            "along with ",
            "alongside ",
            "accompanied by ",
            "joined by ",
        ]
        .iter()
        .any(|d| body.starts_with(d))
        {
            return None;
        }
        // Nor a participle's clause: "NextGen Climate, founded by … activist Tom Steyer,";
        // nor a verb's, its object after it: "Santa Rosa, suffered a broken leg and head
        // injuries".
        if w.ends_with("ed")
            && matches!(
                words.next(),
                Some("by" | "a" | "an" | "the" | "his" | "her" | "their" | "its")
            )
        {
            return None;
        }
    }
    let mut end = sent_end;
    let body = &text[start..sent_end];
    // (Skipping a bracket that qualifies the title.)
    let mut skip_to = 0;
    for (i, c) in body.char_indices() {
        if i < skip_to {
            continue;
        }
        let qualifier = if c == '(' {
            qualifier_bracket(&body[i..])
        } else {
            None
        };
        if let Some(n) = qualifier {
            skip_to = i + n;
            continue;
        }
        match c {
            // A short line's end ends it, a contact block's: "Public Relations Officer, Shumen
            // Municipality⏎tel. +359 54 857 773" (a long line may be wrapped inside a title).
            '\n' if line_len(text, start + i) < 60 || contact_line(&body[i + 1..]) => {
                end = start + i;
                break;
            }
            // A title with its department after a colon: "Manager: Consumer Affairs".
            ':' if colon_title(&body[..i], &body[i + 1..]) => {}
            ':' | ';' | '(' | '“' | '"' | '`' | '—' | '|' | '@' => {
                // (An e-mail address ends it at its first word: "Press Officer
                // jane.roe@example.org".)
                end = start
                    + if c == '@' {
                        body[..i].rfind(char::is_whitespace).unwrap_or(0)
                    } else {
                        i
                    };
                break;
            }
            // A dash between words opens a description: "deputy chairman of Highland Gold -
            // a mining firm".
            '-' | '–' if body[..i].ends_with(' ') && body[i + c.len_utf8()..].starts_with(' ') => {
                // (But a title's field in capitals after a head in capitals, up to the comma
                // or the end: "Ranger – Visitor Safety, based at Whakapapa".)
                let after = &body[i + c.len_utf8() + 1..];
                let field = &after[..after.find([',', '.', ';', '(']).unwrap_or(after.len())];
                let words: Vec<&str> = field.split_whitespace().collect();
                let capital_head = body[..i]
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
                if capital_head
                    && c == '–'
                    && (1..=4).contains(&words.len())
                    && words
                        .iter()
                        .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "&" | "and"))
                    && !body[..i].contains(['–', ','])
                {
                    continue;
                }
                end = start + body[..i].trim_end().len();
                break;
            }
            ',' => {
                // (A number after a comma is no part of a role: "Press Officer, 01632 960482".)
                let after = body[i + 1..].trim_start_matches(is_space);
                if after.chars().next().is_none_or(|c| !c.is_uppercase()) {
                    end = start + i;
                    break;
                }
            }
            _ => {}
        }
    }
    let phrase = trim_phrase_end(&text[start..end], ".");
    let mut end = start + phrase.len();
    if end <= start || end - start > 160 {
        return None;
    }
    // "Mr Brown, said the prime minister ...": a clause, not an apposition.
    let first_word = text[start..end]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if first_word.starts_with(char::is_lowercase) && ctx.rules.speech_verbs.contains(first_word) {
        return None;
    }
    // Nor is a verb phrase, which a comma closing an apposition leaves after the name: "its
    // chief operating officer, Jane Roe, will become interim chief executive".
    // (Nor a clause with a pronoun for its subject: "Warren's, it's ironic that the
    // candidate …".)
    if relative == 0
        && (AUXILIARIES.contains(&first_word)
            || matches!(
                first_word,
                "it" | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "I"
                    | "you"
                    | "there"
                    | "but"
                    | "and"
                    | "or"
                    | "so"
                    | "yet"
            ))
    {
        return None;
    }
    // Nor a participle's: "Peter Carroll, giving the Tory leader a majority" (but "acting
    // chief executive", "outgoing chairman", "visiting professor" are roles).
    if first_word.len() > 5
        && first_word.ends_with("ing")
        && first_word.starts_with(char::is_lowercase)
        && !ctx.rules.title_words.contains(first_word)
        && !TITLE_PARTICIPLES.contains(&first_word)
    {
        return None;
    }
    let hs = heads(ctx, start, end, true);
    let first = *hs.first()?;
    // A clause is no apposition: "Los Angeles, his former wife introduced him to actor
    // Nicolas Cage" (an object pronoun, or many words, before the first head).
    let lead: Vec<&str> = text[start..first.0].split_whitespace().collect();
    // (Nor a subject and its verb before the head: "…, the library will host a reading".)
    if lead.len() > 8
        || lead
            .iter()
            .any(|w| matches!(*w, "him" | "them" | "me" | "us"))
        || (relative == 0
            && lead
                .iter()
                .skip(1)
                .take_while(|w| !matches!(**w, "who" | "whose" | "which" | "that"))
                .any(|w| AUXILIARIES.contains(w)))
    {
        return None;
    }
    // An apposition left open runs into the sentence's verb: "Ann Roe, manager at Acme said
    // …" ends before "said".
    // Unless the phrase is a subject ("Jane Roe, the mayor said"). A relative clause after the
    // head ends it too: "the touch judge who was criticised".
    let toks = ctx.doc.tokens(first.1, end);
    if let Some(v) = toks.iter().find(|t| {
        let w = &text[t.start..t.end];
        (t.cue & crate::rules::cue::SPEECH != 0 && w.starts_with(|c: char| c.is_lowercase()))
            || matches!(w, "who" | "whose" | "which" | "when" | "where" | "while" | "that")
            // ("the candidate most identified with free trade could be …"; but "chief of
            // staff at the time and is now …" leaves the second post to the coordination.)
            || (AUXILIARIES.contains(&w)
                && !text[..t.start].ends_with(" and ")
                && !text[..t.start].ends_with(" but "))
    }) {
        let verb = v.cue & crate::rules::cue::SPEECH != 0;
        let subject = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .any(|d| text[start..].starts_with(d));
        if verb && subject {
            return None;
        }
        // (A second verb after "and" is the predicate's: "Chief Financial Officer and will
        // join the Board as …".)
        let kept = text[start..v.start].trim_end();
        let kept = kept
            .strip_suffix(" and")
            .or_else(|| kept.strip_suffix(" but"))
            .unwrap_or(kept)
            .trim_end_matches(',');
        end = start + kept.len();
    }
    // A description of the person after the head is no part of the post: "barrister from New
    // Delhi", "journalist visiting Nice on vacation", "physician well known for …", "reporter
    // based in Yaounde", "teacher at the school that hosted …" (but "director of nursing").
    let toks = ctx.doc.tokens(first.1, end);
    let seat = crate::text::with_lower(&text[first.0..first.1], |h| {
        ctx.rules.seat_heads.contains(h)
    });
    if let Some(k) = toks.iter().enumerate().position(|(k, t)| {
        let w = &text[t.start..t.end];
        // (A participle right after the head only: "policing", "trading" are subjects.)
        let head_next = k == 0 && t.start == first.1 + 1;
        let next = |w: &str| toks.get(k + 1).is_some_and(|n| &text[n.start..n.end] == w);
        text[..t.start].ends_with(' ')
            && (matches!(w, "that" | "based" | "known" | "after" | "before")
                || (w == "well" && next("known"))
                // (A participle and its agent: "the special commissioner appointed by the
                // government to coordinate the emergency".)
                || (w.len() > 4
                    && w.ends_with("ed")
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && next("by"))
                // Examples are no part of it: "staff member for Maryland Republicans such as
                // former Gov. Bob Ehrlich", "… including".
                || (w == "such" && next("as"))
                // A place near which the person works: "owner of Mma Lorato Guesthouse near
                // the airport".
                || (w == "near" && !seat)
                || w == "including"
                // (Nor another post held beside it: "Company Secretary in addition to his role
                // as Chief Financial Officer".)
                || (w == "in" && next("addition"))
                // (Nor when it starts: "as Chairperson with effect from 1 March".)
                || (w == "with" && next("effect"))
                // Kin is no post: "a farmer and mother of five"; nor is one of a group ("a
                // scholar at MIT and one of the paper's authors").
                || (w == "and"
                    && toks.get(k + 1).is_some_and(|n| {
                        let n = &text[n.start..n.end];
                        matches!(n, "one" | "its" | "their")
                            || crate::extract::people::KIN.contains(&n)
                            // (Nor a second verb's clause: "as head of credit risk and has
                            // served since 2019 as …".)
                            || matches!(n, "has" | "have" | "had" | "is" | "was" | "will" | "would" | "later")
                    }))
                // Nor is a measure of experience: "a mining engineer with more than 30
                // years' experience", "a nurse with two decades on the ward".
                || (w == "with"
                    && toks.get(k + 1).is_some_and(|n| {
                        let n = &text[n.start..n.end];
                        matches!(n, "more" | "over" | "nearly" | "almost" | "some" | "decades")
                            || n.starts_with(|c: char| c.is_ascii_digit())
                            || ctx.rules.number_words.contains_key(n)
                    }))
                // (Nor where: "a shepherd on his family's farm".)
                || (w == "on" && ["his", "her", "their", "its"].iter().any(|p| next(p)))
                // (Nor is the group: "a nurse with one of the mobile teams".)
                || (w == "with" && next("one") && toks.get(k + 2).is_some_and(|n| &text[n.start..n.end] == "of"))
                // "first mate under him on the Páll Pálsson".
                || (w == "under"
                    && ["him", "her", "them", "me", "us"].iter().any(|p| next(p)))
                // (A place after a representative's title is the seat: "senator from Ohio".)
                // So is a place after "in" at the end: "a GP in Wester Ross".
                // (Or "on" an island: "the only GP on Alicudi"; not a portfolio, "spokesman
                // on Foreign Affairs".)
                || (matches!(w, "in" | "on")
                    && (w == "in"
                        || toks[k + 1..].iter().all(|n| {
                            let w = &text[n.start..n.end];
                            !ctx.rules.organisation_subjects.contains(w)
                                && !ctx.rules.organisation_words.contains(w)
                                && !crate::text::with_lower(w, |l| {
                                    ctx.rules.title_words.contains(l)
                                })
                        }))
                    // (Not inside a name: "Human Rights in China".)
                    && (k == 0
                        || !text[toks[k - 1].start..].starts_with(|c: char| c.is_uppercase()))
                    && k + 1 < toks.len()
                    && text[toks[k + 1].start..].starts_with(|c: char| c.is_uppercase())
                    && toks[k + 1..].iter().all(|n| {
                        let w = &text[n.start..n.end];
                        // (Or a kind of place, and a comma before a larger one: "in Yangneer
                        // village, Trashiyangtse".)
                        w.starts_with(|c: char| c.is_uppercase())
                            || w == ","
                            || ctx.rules.place_nouns.contains(w)
                    })
                    // (But a field, then an employer after the comma: "Consultant in
                    // Palliative Medicine, Tipperary University Hospital".)
                    && !(toks[k + 1..].iter().any(|n| &text[n.start..n.end] == ",")
                        && toks.last().is_some_and(|n| {
                            ctx.rules.organisation_words.contains(&text[n.start..n.end])
                                && !ctx.rules.place_nouns.contains(&text[n.start..n.end])
                        }))
                    && !seat)
                // (But a named employer after "from" is the post's: "head of the conservation
                // team from the National Institute of Immovable Cultural Heritage".)
                || (w == "from" && !seat && !{
                    let rest: Vec<&str> = toks[k + 1..]
                        .iter()
                        .map(|n| &text[n.start..n.end])
                        .skip_while(|w| *w == "the")
                        .collect();
                    (1..=8).contains(&rest.len())
                        && rest[0].starts_with(char::is_uppercase)
                        && rest.iter().all(|w| {
                            w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w)
                        })
                        && rest.iter().any(|w| ctx.rules.organisation_words.contains(*w))
                })
                // (Nor the occasion where one was chosen: "elected president at the annual
                // general meeting", words in lower case and none an organisation's.)
                || (w == "at"
                    && next("the")
                    && toks.get(k + 2).is_some_and(|n| {
                        text[n.start..n.end].bytes().all(|b| b.is_ascii_lowercase())
                    })
                    && {
                        let words = toks[k + 2..]
                            .iter()
                            .map(|n| &text[n.start..n.end])
                            .take_while(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
                        let n = words.clone().count();
                        // (To the end, or to a number or a stop; not to an owner's
                        // apostrophe or a name: "at the manufacturers' organisation EEF".)
                        words.clone().all(|w| {
                            !lower_org_word(ctx, w, true)
                                && !ctx.rules.organisation_kinds.contains(w)
                        })
                            && toks.get(k + 2 + n).is_none_or(|t| {
                                let w = &text[t.start..t.end];
                                w.starts_with(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ';'))
                            })
                    })
                || (head_next
                    && w.len() > 5
                    && w.ends_with("ing")
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !ctx.rules.title_words.contains(w)))
    }) {
        end = start + text[start..toks[k].start].trim_end().len();
    }
    // Words before the head are an organisation; keep it short. (And no clause: "in San
    // Jose, California the GOP candidate went …".)
    let pre: Vec<&str> = text[start..first.0].split_whitespace().collect();
    if pre.len() > 6
        || pre.windows(2).any(|w| {
            matches!(w[1], "the" | "a" | "an")
                && w[0].starts_with(char::is_uppercase)
                && !matches!(w[0], "The" | "A" | "An")
        })
    {
        return None;
    }
    // A time after the role is not part of it: "Leader in April after eight years", "Vice
    // President of Engineering since 2020".
    if let Some(k) = temporal_tail(ctx.rules, &text[first.1..end]) {
        end = first.1 + k;
    }
    // A title that a name follows is that name's, no apposition: "on the eve of the Super
    // Bowl, ABC moderator David Muir asked".
    let last = hs.iter().rfind(|h| h.1 <= end).copied().unwrap_or(first);
    let tail = &text[last.1..end];
    // (Not a title inside the role's complement: "special counsel to President Bill Clinton".)
    let complement = text[start..last.0]
        .split_whitespace()
        .any(|w| CONNECTORS.contains(&w) || matches!(w, "under" | "by" | "from"));
    // (A head that ends in a preposition has its object after it: "Member for Tamale
    // North".)
    let object = text[last.0..last.1].ends_with(" for");
    if !complement
        && !object
        && tail.starts_with(' ')
        && tail.split_whitespace().count() >= 2
        && tail
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with(','))
        && (tail
            .split_whitespace()
            .next()
            .is_some_and(|w| ctx.rules.given_names.contains_key(w))
            // (Or a speech verb after the name: "in Ban Nong Luang, chairman Bounmy
            // Phetsamone said".)
            || text[end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| ctx.rules.speech_verbs.contains(w)))
    {
        return None;
    }
    Some((start, end))
}

/// The post a relative clause after the name of `people[pi]` gives, with a verb of
/// `roles/post-verbs.txt`: "Mr Khamla Inthavong, who chairs the Lao Coffee Association,"
/// gives "chair" of "Lao Coffee Association"; after an apposition too ("Bárður Dam, a former
/// member of the Løgting who now chairs the Klaksvík harbour board,"). The evidence runs from
/// the verb to the end of its object.
fn post_verb_after(
    ctx: &Context<'_>,
    people: &[PersonMention],
    pi: usize,
    sent_end: usize,
) -> Option<RoleMention> {
    let text = &ctx.doc.text;
    let p = &people[pi];
    if ctx.rules.post_verbs.is_empty() {
        return None;
    }
    // (Or the second verb of a sentence the person opens: "Dr Helen Nguyen is a former
    // general manager of Western District Milk Processors and currently chairs the Victorian
    // Dairy Innovation Network.")
    let subject = ctx
        .doc
        .sentence_at(p.start)
        .is_some_and(|si| ctx.doc.sentences[si].start == p.honorific_start.unwrap_or(p.start));
    let (opener, limit) = if text[p.end..].starts_with(',') {
        (" who ", 120)
    } else if subject {
        (" and ", 160)
    } else {
        return None;
    };
    // (Bounded: the clause opens within a short apposition, before the next person.)
    let limit = crate::text::floor_boundary(text, sent_end.min(p.end + limit));
    let limit = people
        .get(pi + 1)
        .map_or(limit, |q| limit.min(q.start.max(p.end)));
    let verb_at = |k: usize| {
        let mut at = p.end + k + opener.len();
        for adverb in ["now ", "also ", "currently ", "still "] {
            if text[at..].starts_with(adverb) {
                at += adverb.len();
                break;
            }
        }
        let found = ctx.rules.post_verbs.iter().find(|(v, _)| {
            text[at..].starts_with(v.as_str()) && text[at + v.len()..].starts_with(' ')
        })?;
        Some((k, at, found))
    };
    let (k, at, (verb, post)) = if opener == " who " {
        verb_at(text[p.end..limit].find(opener)?)?
    } else {
        text[p.end..limit]
            .match_indices(opener)
            .find_map(|(k, _)| verb_at(k))?
    };
    if text[p.end..p.end + k].contains(['.', ';', ':', '"', '“', '(']) {
        return None;
    }
    let obj_start = at + verb.len() + 1;
    let rest = &text[obj_start..crate::text::floor_boundary(text, sent_end.max(obj_start))];
    let mut obj_len = rest
        .find([',', ';', '(', '"', '“', '—', '–'])
        .unwrap_or(rest.len());
    // (A list of subjects goes on the name: "who chairs the Committee on Fisheries, Hunting
    // and Agriculture".)
    if rest[obj_len..].starts_with(", ") {
        obj_len += subject_list_after(ctx.rules, &rest[..obj_len], &rest[obj_len..]).unwrap_or(0);
    }
    // (Not when or where it happened: "who founded the Matondoni Jahazi School in 2017",
    // "… in Lamu"; a name's only: a body in lower case and what follows it stay one object,
    // which the test of its length below may reject: "who founded the company in 1998 with …".)
    let obj_len = if rest[..obj_len].contains(|c: char| c.is_uppercase()) {
        let k = rest[..obj_len]
            .match_indices(" in ")
            .find(|&(k, _)| rest[k + 4..].starts_with(|c: char| c.is_ascii_digit()))
            .map_or(obj_len, |(k, _)| k);
        complement_len(ctx.rules, &rest[..k])
    } else {
        obj_len
    };
    let object = rest[..obj_len].trim_end().trim_end_matches('.');
    // An organisation or a body, not a thing or a number: "who owns a bakery", "who manages
    // 40 staff", "who heads home", "who leads her team".
    let words: Vec<&str> = object.split_whitespace().collect();
    let first = *words.first()?;
    if words.len() > 10
        || matches!(
            first,
            "a" | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "my"
                | "our"
                | "some"
                | "home"
                | "to"
                | "this"
                | "that"
                | "these"
                | "those"
        )
        || first.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // (The object names something: it has a capitalised word, or "the" and a noun of a
    // body: "the council's coastal engineering team".)
    let org = object.strip_prefix("the ").unwrap_or(object);
    if !(org.contains(|c: char| c.is_uppercase()) || object.starts_with("the ")) {
        return None;
    }
    Some(RoleMention {
        start: at,
        end: obj_start + object.len(),
        role: post.clone(),
        organization: crate::text::collapse(without_lower_owner(org)),
        person: pi,
        rule: "roles.post-verb",
    })
}

/// More posts after an apposition's first, which ends at `end`: " and a former Deputy
/// Governor of …" (after a time of the first too: " since 2021 and a former …"), ", skin
/// sewer and …" (a title in lower case, listed). After "and", only with an article or
/// "former", which a clause's second verb never has.
fn coordinated_posts(ctx: &Context<'_>, sent_end: usize, end: usize) -> Vec<(usize, usize)> {
    let text = &ctx.doc.text;
    let mut out = Vec::new();
    let mut end = end;
    for _ in 0..4 {
        let rest = &text[end..sent_end];
        // A listed title: ", skin sewer" (up to the next comma or "and").
        if let Some(r) = rest.strip_prefix(", ") {
            let len = r
                .find([',', ';', '.'])
                .into_iter()
                .chain(r.find(" and "))
                .min()
                .unwrap_or(r.len());
            let (s, e) = (end + 2, end + 2 + len);
            let part = &text[s..e];
            let hs = heads(ctx, s, e, true);
            if !part.is_empty()
                && part.split(' ').count() <= 4
                && hs.iter().any(|h| h.1 == e)
                && part
                    .split(' ')
                    .all(|w| lower_modifier(w) || hs.iter().any(|h| text[h.0..h.1].contains(w)))
            {
                out.push((s, e));
                end = e;
                continue;
            }
            break;
        }
        let window = &rest[..crate::text::floor_boundary(rest, rest.len().min(32))];
        let Some(k) = window.find(" and ") else {
            break;
        };
        let gap = rest[..k].trim();
        // (Or the place where the first is held: "a teacher in Santa Cruz das Flores and a
        // former member of …".)
        let placed = gap.strip_prefix("in ").is_some_and(|p| {
            p.starts_with(char::is_uppercase)
                && p.split(' ')
                    .all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
        });
        let timed = gap.is_empty()
            || placed
            || gap.split_once(' ').is_some_and(|(p, y)| {
                matches!(p, "since" | "from" | "in" | "until")
                    && y.len() == 4
                    && y.bytes().all(|b| b.is_ascii_digit())
            });
        let after = &rest[k + " and ".len()..];
        if !timed
            || !["a ", "an ", "the ", "former "]
                .iter()
                .any(|a| after.starts_with(a))
        {
            break;
        }
        let pos = end + k + " and".len();
        match appositive_after(ctx, sent_end, pos) {
            Some((s, e)) if !heads(ctx, s, e, true).is_empty() => {
                out.push((s, e));
                end = e;
            }
            _ => break,
        }
    }
    out
}

/// Verbs that open a clause after a name, not an apposition.
/// Adverbs of time between a name's comma or a relative's verb and the post: "Jane Roe,
/// currently Chief Operating Officer", "who was previously deputy director of …".
const POST_ADVERBS: &[&str] = &[
    "currently ",
    "now ",
    "also ",
    "still ",
    "previously ",
    "formerly ",
];

const AUXILIARIES: &[&str] = &[
    "will", "would", "has", "have", "had", "is", "was", "are", "were", "can", "could", "may",
    "might", "must", "should", "shall", "does", "did",
];

/// Participles that describe an office ("outgoing chairman"), beside the title modifiers.
const TITLE_PARTICIPLES: &[&str] = &[
    "outgoing",
    "incoming",
    "visiting",
    "leading",
    "governing",
    "presiding",
    "reigning",
    "ruling",
    "serving",
    "consulting",
    "sitting",
    "retiring",
    "long-serving",
    "longstanding",
];

/// Where a role given to a person starts in `s`, the text right after the name: " as its
/// Chief Technology Officer", " was formally elected Leader of …", " has been appointed as …".
fn predicate_role(
    rules: &crate::rules::Rules,
    s: &str,
    appointing: bool,
    copula: bool,
) -> Option<usize> {
    const BE: &[&str] = &[
        "was ",
        "has been ",
        "had been ",
        "have been ",
        "is ",
        "will be ",
    ];
    const HOW: &[&str] = &[
        "formally ",
        "officially ",
        "unanimously ",
        "today ",
        "yesterday ",
        "also ",
        "now ",
    ];
    const VERBS: &[&str] = &[
        "declared elected ",
        "elected ",
        "re-elected ",
        "appointed ",
        "named ",
        "installed ",
        "confirmed ",
        "chosen ",
        "made ",
        "promoted to ",
        "sworn in ",
    ];
    let mut r = s.strip_prefix(' ')?;
    if let Some(rest) = r.strip_prefix("as ") {
        // Only after a verb that gives the post ("appointed Jane Roe as"): "succeed Mr Blair
        // as prime minister", "paint Donald Trump as unfit" give none.
        return appointing.then(|| s.len() - rest.len());
    }
    // ("Jane Roe, 48, also was named …".)
    while let Some(rest) = HOW.iter().find_map(|h| r.strip_prefix(h)) {
        r = rest;
    }
    // A copula gives the post after a comma that closes an apposition or an age only
    // ("Leonid Kuchma, was president of Ukraine"): elsewhere "is" leads anywhere.
    if copula {
        if let Some(rest) = ["is ", "was ", "is now ", "was then "]
            .iter()
            .find_map(|b| r.strip_prefix(b))
            .filter(|rest| {
                !VERBS.iter().any(|v| rest.starts_with(v))
                    && !HOW.iter().any(|h| rest.starts_with(h))
            })
        {
            // ("was a great leader": a judgement, not a post.)
            let described = ["a ", "an ", "the "]
                .iter()
                .find_map(|a| rest.strip_prefix(a))
                .unwrap_or(rest);
            if JUDGEMENTS.contains(&described.split(' ').next().unwrap_or("")) {
                return None;
            }
            if verb_role(rules, &s[s.len() - r.len() - 1..]).is_none() {
                return Some(s.len() - rest.len());
            }
        }
    }
    let Some(mut r) = BE.iter().find_map(|b| r.strip_prefix(b)) else {
        return verb_role(rules, &s[s.len() - r.len() - 1..]);
    };
    while let Some(rest) = HOW.iter().find_map(|h| r.strip_prefix(h)) {
        r = rest;
    }
    let Some(r) = VERBS.iter().find_map(|v| r.strip_prefix(v)) else {
        return verb_role(rules, s);
    };
    let r = r.strip_prefix("as ").unwrap_or(r);
    // An award is no post: "was named best director", "will be named World Player of the
    // Year".
    let clause = &r[..r.find([',', '.', ';']).unwrap_or(r.len())];
    if ["best ", "worst ", "the best ", "one of "]
        .iter()
        .any(|w| r.starts_with(w))
        || clause.contains(" of the Year")
        || clause.contains(" of the year")
    {
        return None;
    }
    Some(s.len() - r.len())
}

/// Where the post starts after a verb phrase of `roles/role-verbs.txt` in `s` (the text right
/// after a name): " will join as Chief Financial Officer", " will succeed Jane Roe as …".
fn verb_role(rules: &crate::rules::Rules, s: &str) -> Option<usize> {
    verb_role_as_written(rules, s).or_else(|| {
        // An adverb after the auxiliary is passed over: "has already joined", "will soon take
        // over as". (The text after the verb is the same, so an offset from the end holds.)
        let (aux, rest) = s.strip_prefix(' ')?.split_once(' ')?;
        if !matches!(aux, "has" | "have" | "had" | "will") {
            return None;
        }
        let after = ["already ", "also ", "recently ", "soon ", "since "]
            .iter()
            .find_map(|a| rest.strip_prefix(a))?;
        let without = format!(" {aux} {after}");
        let k = verb_role_as_written(rules, &without)?;
        Some(s.len() - (without.len() - k))
    })
}

/// Adjectives that make "is a …" a judgement of the person rather than a post they hold.
const JUDGEMENTS: &[&str] = &[
    "good",
    "great",
    "better",
    "best",
    "bad",
    "worse",
    "worst",
    "wonderful",
    "strong",
    "weak",
    "terrible",
    "brilliant",
    "fine",
    "fantastic",
    "excellent",
    "real",
    "true",
    "huge",
    "big",
    "fierce",
    "proud",
    "loyal",
    "natural",
    "born",
    "serious",
    "decent",
    "superb",
    "poor",
    "genuine",
    "remarkable",
    "formidable",
    "credible",
    "viable",
    "fabulous",
    "amazing",
    "leading",
    "staunch",
    "vocal",
    "outspoken",
    "prominent",
    "keen",
    "passionate",
];

/// [`verb_role`] for the verb phrase as written, with no adverb inside it.
fn verb_role_as_written(rules: &crate::rules::Rules, s: &str) -> Option<usize> {
    let (v, object, rest) = role_verb_at(rules, s.strip_prefix(' ')?)?;
    // "is a good prime minister", "was a wonderful writer": a judgement, not a post.
    if (v.ends_with(" a") || v.ends_with(" an"))
        && JUDGEMENTS.contains(&rest.split(' ').next().unwrap_or(""))
    {
        return None;
    }
    // After "has been", a post, not a passive or a judgement: "has been replaced as host",
    // "has been the best hurdler for some time".
    if v.ends_with(" been") {
        let mut words = rest.split(' ');
        let first = words.next().unwrap_or("");
        let first = if matches!(
            first,
            "a" | "an" | "the" | "our" | "his" | "her" | "their" | "its" | "my"
        ) {
            words.next().unwrap_or("")
        } else {
            first
        };
        if first.ends_with("ed") || first.ends_with("en") || JUDGEMENTS.contains(&first) {
            return None;
        }
    }
    if !object {
        return Some(s.len() - rest.len());
    }
    // The name of the person succeeded: a few capitalised words (particles and "Mr" too),
    // or a pronoun for them, then "as": "will succeed him as Chair".
    let mut t = rest;
    if let Some(post) = ["him as ", "her as ", "them as "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        return Some(s.len() - post.len());
    }
    let mut after_the = false;
    for _ in 0..6 {
        if let Some(post) = t.strip_prefix("as ") {
            return Some(s.len() - post.len());
        }
        let (w, after) = t.split_once(' ')?;
        // ("will join the Board as": an organisation; "will stay on the board as": a kind of
        // body after "the".)
        let particle = crate::extract::people::PARTICLES.contains(&w) || w == "the";
        let body = after_the && rules.organisation_kinds.contains(w);
        if !(w.starts_with(char::is_uppercase) || particle || body) || w.ends_with(',') {
            return None;
        }
        after_the = w == "the";
        t = after;
    }
    None
}

/// The length of the post at the start of a verb's complement `s`, which, unlike an
/// apposition, runs on into the clause: "president only two months ago but …", "an MP at
/// 27", "international development secretary over the Iraq war", "general manager to pursue
/// other interests", "chief executive in the aftermath of …".
fn complement_len(rules: &crate::rules::Rules, s: &str) -> usize {
    for (k, _) in s.match_indices(' ') {
        let rest = &s[k + 1..];
        let (w, after) = rest.split_once(' ').unwrap_or((rest, ""));
        let next = after.split(' ').next().unwrap_or("");
        let cut = match w {
            "but" | "only" | "now" | "over" | "because" | "when" | "while" | "until" | "after"
            | "before" | "late" | "despite" | "since" | "-" | "–" | "—" | "I" | "he" | "she"
            | "they" | "we" => true,
            "at" => next.starts_with(|c: char| c.is_ascii_digit()),
            // A clause of its own: "the captain of Chelsea as they push for the title".
            "as" => matches!(next, "they" | "he" | "she" | "it" | "we"),
            // A time that the post lasted: "a camel herder all his life", "placer miner on
            // Bonanza Creek for six decades".
            "all" => matches!(next, "his" | "her" | "their" | "my" | "your" | "its"),
            "for" => {
                let unit = after[next.len()..].trim_start();
                (next.starts_with(|c: char| c.is_ascii_digit())
                    || rules.number_words.contains_key(next)
                    || matches!(
                        next,
                        "several" | "many" | "some" | "more" | "over" | "nearly"
                    ))
                    && ["years", "decades", "months", "weeks", "more", "than", "a"]
                        .iter()
                        .any(|u| unit.starts_with(u))
            }
            // (Not a name: "officer in the Order of Arts and Letters".)
            // ("on" only after an organisation's name: "co-owner of Polgarrow Flower Farm on
            // St Martin's".)
            "in" | "on" => {
                // (The terms of a post: "head coach on a two-year contract".)
                (w == "on" && matches!(next, "a" | "an"))
                    || (w == "in"
                    && matches!(next, "the" | "a" | "an")
                    && after[next.len()..]
                        .trim_start()
                        .starts_with(|c: char| c.is_lowercase()))
                    // Or where a post in lower case is held: "a secondary school teacher in
                    // Santa Cruz das Flores" ("Minister in …" is a title's).
                    || (w == "in"
                        && next.starts_with(char::is_uppercase)
                        && s[..k]
                            .rsplit(' ')
                            .next()
                            .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_lowercase())))
                    // Or where a named organisation stands: "chairwoman of the Aliabad
                    // Apricot Cooperative in the Hunza valley".
                    || s[..k].rsplit(' ').next().is_some_and(|p| {
                        p.starts_with(|c: char| c.is_uppercase())
                            && rules.organisation_words.contains(p)
                            && !rules.organisation_subjects.contains(p)
                            && !rules.organisation_bodies.contains(p)
                    })
            }
            // A second verb: "director of the budget office and is now …".
            "and" => {
                matches!(
                    next,
                    "is" | "was" | "has" | "had" | "will" | "would" | "said" | "says"
                )
                // (Or an adverb before one: "general manager of Western District Milk
                // Processors and currently chairs the …", "and also sits on".)
                || ((matches!(next, "also" | "still" | "then" | "now" | "later")
                    || (next.len() > 4
                        && next.ends_with("ly")
                        && next.bytes().all(|b| b.is_ascii_lowercase())))
                    && !rules.role_head_set.contains(next)
                    && !rules.title_modifiers.contains(next))
                || {
                    // Or a verb with its object: "the first president and oversaw the first
                    // awards", "Group Financial Controller at Fitzroy Basin Energy and brings
                    // more than 20 years" (not "president and chief executive of the …").
                    let object = after[next.len()..].trim_start().split(' ').next();
                    next.starts_with(|c: char| c.is_ascii_lowercase())
                        && object.is_some_and(|o| {
                            o == "the"
                                || DETERMINERS.contains(&o)
                                || matches!(o, "more" | "over" | "nearly" | "almost" | "extensive")
                                || o.starts_with(|c: char| c.is_ascii_digit())
                        })
                        && !rules.role_head_set.contains(next)
                        && !rules.title_modifiers.contains(next)
                }
            }
            _ if w.starts_with("I'") || w.starts_with("I’") => true,
            // An infinitive ("to pursue"), not a recipient ("adviser to the board").
            "to" => {
                next.starts_with(|c: char| c.is_ascii_lowercase())
                    && !matches!(
                        next,
                        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "incoming"
                    )
            }
            _ => false,
        };
        if cut {
            return s[..k].trim_end_matches([',', ' ']).len();
        }
    }
    s.len()
}

/// Words before a name that give it the post named after " as ": "appointed Jane Roe as its
/// chief executive", "with Tom Hale as Deputy Lord Mayor".
pub(crate) const APPOINTING: &[&str] = &[
    "appointed",
    "appoints",
    "appoint",
    "appointing",
    "named",
    "names",
    "naming",
    "installed",
    "elected",
    "elects",
    "re-elected",
    "re-elects",
    "reelected",
    "reappointed",
    "re-appointed",
    "confirmed",
    "confirms",
    "chose",
    "chosen",
    "choose",
    "selected",
    "selects",
    "hired",
    "hires",
    "hire",
    "recruited",
    "recruits",
    "unveil",
    "unveiled",
    "unveils",
    "welcomed",
    "welcomes",
    "with",
    "promoted",
    "nominated",
    "nominates",
];

/// Nouns of appointing before "of" and a name: "the appointment of Jane Roe as chair".
const APPOINTMENTS: &[&str] = &[
    "appointment",
    "election",
    "re-election",
    "nomination",
    "selection",
    "promotion",
    "confirmation",
    "installation",
];

/// Where a phrase about time starts in `s` (text after a role head): " since 2020", " in
/// April", " until last year", " after eight years", " for 12 years", " last October", " on
/// Friday". The calendar, number and unit words are the date rules' (`rules/dates/`).
fn temporal_tail(rules: &crate::rules::Rules, s: &str) -> Option<usize> {
    let calendar = |x: &str| {
        x.starts_with(char::is_uppercase)
            && crate::text::with_lower(x, |l| {
                rules.months.contains_key(l) || rules.weekdays.contains_key(l)
            })
    };
    let count = |x: &str| {
        x.starts_with(|c: char| c.is_ascii_digit())
            || matches!(x, "a" | "an" | "the" | "last" | "next" | "this")
            || rules.numbers.contains_key(x)
    };
    let unit = |x: &str| {
        let x = x.trim_end_matches([',', '.', '\'', '’']);
        rules.units.contains_key(x)
            // "for a four-year term".
            || x.rsplit_once('-').is_some_and(|(n, u)| {
                (rules.numbers.contains_key(n) || n.bytes().all(|b| b.is_ascii_digit()))
                    && rules.units.contains_key(u)
            })
    };
    let mut from = 0;
    while let Some(k) = s[from..].find(' ').map(|k| from + k) {
        let rest = &s[k + 1..];
        let (w, after) = rest.split_once(' ').unwrap_or((rest, ""));
        let mut words = after.split([' ', ',', '.']);
        let next = words.next().unwrap_or("");
        let then = words.next().unwrap_or("");
        let third = words.next().unwrap_or("");
        let year = |x: &str| x.len() >= 4 && x.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        let hit = match w {
            "since" | "until" | "till" => true,
            // "last October", "next week".
            "last" | "next" | "this" => calendar(next) || unit(next),
            // "at a news conference" names no employer; "at the same time" is when.
            // ("at the end of March", "by the end of the year".)
            "at" => {
                matches!(next, "a" | "an")
                    || (next == "the" && then == "same")
                    || (next == "the"
                        && matches!(then, "end" | "start" | "beginning" | "close")
                        && third == "of")
            }
            "by" => next == "the" && matches!(then, "end" | "start" | "close") && third == "of",
            // "from 1 September", "on 3 March 2025".
            // ("on the same date", "from the same day".)
            "on" | "in" | "from" => {
                (next == "the" && then == "same" && w != "in")
                    || year(next)
                    || calendar(next)
                    || (next.len() <= 2
                        && next.bytes().all(|b| b.is_ascii_digit())
                        && calendar(then))
            }
            // "with effect from 1 September", "effective November 1".
            // (And a length of service: "a pilot with 14 years' experience".)
            // ("with immediate effect".)
            "with" => {
                next == "effect"
                    || (next == "immediate" && then == "effect")
                    || (count(next) && unit(then))
            }
            "effective" => calendar(next) || next == "from" || next == "immediately",
            // "after eight years", "for 12 years", "for 2024/25"; "for almost thirty years".
            "after" | "before" | "for" => {
                year(next)
                    || (count(next) && unit(then))
                    || (matches!(
                        next,
                        "almost" | "nearly" | "about" | "around" | "over" | "some" | "just"
                    ) && count(then)
                        && unit(third))
            }
            _ => false,
        };
        if hit {
            return Some(k);
        }
        from = k + 1;
    }
    None
}

/// The length of a relative clause's opening that leads into a role: "who is also " of "Jane
/// Roe, who is also the chair of …". Zero when there is none.
fn relative_lead(rules: &crate::rules::Rules, s: &str) -> usize {
    let Some(r) = s.strip_prefix("who ") else {
        return 0;
    };
    let n = verb_lead(rules, r);
    if n > 0 {
        return s.len() - r.len() + n;
    }
    // Or a clause of a few words before it, joined by "and": "who runs a spice stall and is
    // secretary of the Forodhani Traders' Association".
    let stop = r.find([',', '.', ';', ':', '(']).unwrap_or(r.len()).min(80);
    let clause = &r[..crate::text::floor_boundary(r, stop)];
    match clause.find(" and ") {
        Some(k) if k > 0 && clause[..k].split(' ').count() <= 8 => {
            let after = &r[k + 5..];
            let n = verb_lead(rules, after);
            if n > 0 {
                s.len() - after.len() + n
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// The text after the longest verb phrase of `roles/role-verbs.txt` that opens `s` and takes
/// its post without "as" after an object ("served as ", "holds the rank of ").
fn after_role_verb<'s>(rules: &crate::rules::Rules, s: &'s str) -> Option<&'s str> {
    if !rules
        .role_verb_firsts
        .contains(s.split(' ').next().unwrap_or(""))
    {
        return None;
    }
    // (The list is sorted longest first.)
    rules.role_verbs.iter().find_map(|(v, object)| {
        s.strip_prefix(v.as_str())
            .filter(|_| !object)
            .and_then(|r| r.strip_prefix(' '))
    })
}

/// The length of the verb that opens a relative clause leading into a role ("is also ", "served
/// as "; or a verb phrase of `roles/role-verbs.txt`: "holds the rank of "), zero when there is
/// none.
fn verb_lead(rules: &crate::rules::Rules, r: &str) -> usize {
    let listed = after_role_verb(rules, r);
    let Some(r2) = [
        "is ",
        "was ",
        "has been ",
        "had been ",
        "will be ",
        "becomes ",
        "became ",
        "remains ",
        "remained ",
        "will become ",
        "stepped down as ",
        "steps down as ",
        "will step down as ",
        "retired as ",
        "retires as ",
        "served as ",
        "serves as ",
        "has served as ",
        "works as ",
        "worked as ",
        "has worked as ",
        "had worked as ",
        "had served as ",
        "joined as ",
        "joins as ",
        "took over as ",
        "takes over as ",
        "was appointed ",
        "has been appointed ",
        "was elected ",
        "was named ",
        "has been named ",
        "had been appointed ",
        "had been named ",
    ]
    .iter()
    .filter_map(|v| r.strip_prefix(v))
    .chain(listed)
    // (The longest: "has been appointed ", not "has been ".)
    .min_by_key(|r2| r2.len()) else {
        return 0;
    };
    let r2 = r2.strip_prefix("as ").unwrap_or(r2);
    let r2 = POST_ADVERBS
        .iter()
        .chain(&["then "])
        .find_map(|a| r2.strip_prefix(a))
        .unwrap_or(r2);
    r.len() - r2.len()
}

/// A post-nominal office right after a name ("Jane Roe MP"): an upper-case role head.
pub fn postnominal_after(ctx: &Context<'_>, name_end: usize) -> Option<(usize, usize)> {
    let text = &ctx.doc.text;
    let rest = &text[name_end..];
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    if lead != 1 {
        return None;
    }
    let s = name_end + lead;
    let word_end = text[s..]
        .find(|c: char| !c.is_alphanumeric())
        .map(|i| s + i)
        .unwrap_or(text.len());
    if let Some((_, e)) = judicial_at(text, s) {
        return Some((s, e));
    }
    let w = &text[s..word_end];
    let upper = w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    (upper && ctx.rules.role_head_set.contains(&w.to_ascii_lowercase())).then_some((s, word_end))
}

/// The judicial offices that law reports write after a judge's surname, and what they stand
/// for: "Gunawardena J.", "Mmusi JA", "Lord Reed CJ".
const JUDICIAL: &[(&str, &str)] = &[
    ("J", "Justice"),
    ("JA", "Justice of Appeal"),
    ("CJ", "Chief Justice"),
    ("LJ", "Lord Justice"),
];

/// A judicial post-nominal at `s` and its end (with its full stop): "J." before a comma, "and"
/// or the end of the line ("J. Smith" is an initial), "JA", "CJ" or "LJ" as a word.
pub fn judicial_at(text: &str, s: usize) -> Option<(&'static str, usize)> {
    let rest = &text[s..];
    let word = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    let (_, office) = JUDICIAL.iter().find(|(w, _)| *w == word)?;
    let mut end = s + word.len();
    let dotted = text[end..].starts_with('.');
    if dotted {
        end += 1;
    }
    let after = &text[end..];
    let closes = after.is_empty()
        || after.starts_with([',', ';', ')', '\n', '\r', ':'])
        || after.starts_with(" and ")
        || (after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_lowercase()));
    (closes && (dotted || word.len() > 1)).then_some((office, end))
}

/// The role a post-nominal at `[s, e)` gives: itself ("MP"), or the office a judicial one
/// stands for ("J." is Justice).
pub fn postnominal_role(text: &str, s: usize, e: usize) -> String {
    match judicial_at(text, s) {
        Some((office, end)) if end == e => office.to_string(),
        _ => text[s..e].to_string(),
    }
}

/// The start of a head in lower case followed by "of" or "for" and a subject of one or two
/// words in lower case that end at `end`: "head of research Peter Kim", "minister for women
/// Jacqui Smith", "director of nursing Alan Pettigrew" (the subject is no head of its own).
pub fn subject_head_before(ctx: &Context<'_>, sent_toks: &[Token], end: usize) -> Option<usize> {
    let text = &ctx.doc.text;
    let toks = &sent_toks[..sent_toks.partition_point(|t| t.end <= end)];
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    let n = toks.len();
    // (A subject may end in "-ing": "director of nursing".)
    let subject_word = |w: &str| {
        w.len() >= 3
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !CONNECTORS.contains(&w)
            && !NOT_MODIFIERS.contains(&w)
    };
    for subject in 1..=4 {
        if n < subject + 2 {
            return None;
        }
        let words = n - subject..n;
        // "head of parks and open spaces": more than two words only with "and" among them.
        if subject > 2 && !words.clone().any(|i| word(i) == "and") {
            continue;
        }
        // ("and" inside only: the loop goes on past a subject that starts with it.)
        if word(n - subject) == "and" {
            continue;
        }
        if !words
            .clone()
            .all(|i| subject_word(word(i)) || (word(i) == "and" && i < n - 1))
        {
            return None;
        }
        let of = n - subject - 1;
        if !matches!(word(of), "of" | "for") {
            continue;
        }
        let head = &toks[of - 1];
        let w = &text[head.start..head.end];
        return (w.bytes().skip(1).all(|b| b.is_ascii_lowercase())
            && crate::text::with_lower(w, |l| ctx.rules.role_head_set.contains(l))
            && toks[of - 1..]
                .windows(2)
                .all(|p| p[0].end + 1 == p[1].start))
        .then_some(head.start);
    }
    None
}

/// The role phrase just before a name (or its honorific) at `pos`, back to the sentence start.
pub fn prenominal_before(
    ctx: &Context<'_>,
    sent_start: usize,
    pos: usize,
    sent_toks: &[Token],
) -> Option<(usize, usize)> {
    let text = &ctx.doc.text;
    let prefix = &text[sent_start..pos];
    let trimmed = prefix.trim_end_matches(is_space);
    // A label that opens its line: "• Cabinet Member for Housing: Cllr Jane Roe", "Producer:
    // Tom Hale".
    // (Opening its line, or after other labels on it: after a task's sentence, "AP 14/1 –
    // Obtain a quote. Owner: A. Čolaković." names who does it, not who owns a business; a
    // match report's "… Subs: Howard, Giggs. Referee: R Styles" is a run of labels.)
    let label = trimmed.strip_suffix(':').filter(|l| {
        let line = &l[l.rfind('\n').map_or(0, |k| k + 1)..];
        let opens_line = l.contains('\n') || {
            let before = &text[text[..sent_start].rfind('\n').map_or(0, |k| k + 1)..sent_start];
            !before.contains(char::is_lowercase) || before.contains(':')
        };
        // (A transcript's speaker in capitals addresses whom it names: "PRESENTER: U Aung
        // Kyaw Myint, people still remember …".)
        let addressed = || {
            let rest = &text[pos..];
            let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
            !line.contains(char::is_lowercase)
                && rest.split_once(", ").is_some_and(|(n, r)| {
                    n.split(' ').count() <= 5 && r.starts_with(|c: char| c.is_lowercase())
                })
        };
        opens_line && !line.contains([',', ';', ':', '.', '"', '“']) && !addressed()
    });
    // Or a line of a list of those present that puts the post first and the name after a
    // dash: "Governance Officer - Jodie Farrelly", "Director Community, Planning and
    // Environment – Mark Trethewey" (the name ends the line).
    let label = label.or_else(|| {
        let l = trimmed
            .strip_suffix(" -")
            .or_else(|| trimmed.strip_suffix(" –"))?;
        let line_start = text[..pos].rfind('\n').map_or(0, |k| k + 1);
        let rest = &text[pos..];
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        // (The dash and the name on one line: the line starts before the dash.)
        (line_start >= sent_start
            && line_start <= sent_start + l.len()
            && !text[line_start..sent_start + l.len()].contains([':', ';', '.', '"', '“', '('])
            && rest.split(' ').count() <= 5
            && rest.split(' ').all(|w| w.starts_with(char::is_uppercase)))
        .then_some(l)
    });
    let mut comma = label.is_none() && trimmed.ends_with(',');
    let mut trimmed = label
        .or_else(|| trimmed.strip_suffix(','))
        .unwrap_or(trimmed)
        .trim_end_matches(is_space);
    // A courtesy honorific between an office and the name is neither: "Commissioner Sir Ian
    // Blair" has the role "Commissioner", "Senator the Honourable Jane Roe" "Senator". Nor is
    // "the late": "Our founder, the late Rev. Alan Roe".
    // (The lexicon's class tells first whether the word at `pos` may be a honorific.)
    let mut courtesy = sent_toks
        .iter()
        .find(|t| t.start == pos)
        .is_some_and(|t| t.class & crate::lexicon::class::HONORIFIC != 0)
        && ctx
            .rules
            .honorifics
            .get(
                text[pos..]
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or(""),
            )
            .is_some_and(|h| h.role.is_none());
    while let Some((head, last)) = trimmed.rsplit_once(' ') {
        let head = head.trim_end_matches(is_space);
        if matches!(last, "late" | "the" | "The") && courtesy {
            trimmed = head;
            continue;
        }
        if last == "late" && !comma {
            courtesy = true;
            trimmed = head;
            continue;
        }
        if !last.starts_with(|c: char| c.is_ascii_uppercase()) {
            break;
        }
        // ("Dato' Haji Mohd Hazwan": a Malay title with its apostrophe.)
        let word = last
            .strip_suffix('.')
            .unwrap_or(last)
            .trim_end_matches(['\'', '’']);
        match ctx.rules.honorifics.get(word) {
            Some(h) if h.role.is_none() => {
                trimmed = head;
                courtesy = true;
            }
            _ => break,
        }
    }
    // (Then the comma of an apposition before them: "Our founder, the late Rev. Alan Roe".)
    if courtesy && label.is_none() {
        if let Some(t) = trimmed.strip_suffix(',') {
            trimmed = t.trim_end_matches(is_space);
            comma = true;
        }
    }
    // A bracket that qualifies the title is the title's, looked through for its head:
    // "Minister of State for Health (General Duties), Hon. Margaret Aciro Lamwaka",
    // "Deputy Vice-Chancellor (Academic) Dr Sarah Mulholland".
    let mut bracket_end = None;
    if let Some(k) = trimmed.strip_suffix(')').and_then(|t| t.rfind(" (")) {
        if qualifier_bracket(&trimmed[k + 1..]) == Some(trimmed.len() - k - 1) {
            bracket_end = Some(sent_start + trimmed.len());
            trimmed = &trimmed[..k];
        }
    }
    let end = sent_start + trimmed.len();
    // An owner before the name gives it no role: "the Economist Intelligence Unit's Mr Hensel".
    if end <= sent_start || trimmed.ends_with("'s") || trimmed.ends_with("’s") {
        return None;
    }
    // Nor a line's end before a name that a title in lower case opens on the next, which the
    // sentence runs on to: "Deputy Chair of the Municipal Council" / "z. Gëzim Muça, Mayor".
    if label.is_none() && pos > end && text[end..pos].contains('\n') {
        return None;
    }
    // Most names have no role head before them in their sentence: their words say so without
    // a search (every one ASCII letters only, and none a head's first word).
    let may_hold_head = |t: &Token| match t.kind {
        TokenKind::Punct | TokenKind::Number => false,
        TokenKind::Word => {
            t.class & crate::lexicon::class::PLAIN == 0 || t.cue & crate::rules::cue::ROLE != 0
        }
    };
    if ctx.rules.role_heads_open_with_letters
        && !sent_toks
            .iter()
            .take_while(|t| t.start < end)
            .any(may_hold_head)
    {
        return None;
    }
    // With a lower-case title right before the name: "Friends of the Library chair Margaret
    // Doyle".
    let mut hs = heads_and_last(ctx, sent_start, end, false);
    // "head of research Peter Kim": the whole phrase stands for its head.
    if let Some(h) = subject_head_before(ctx, sent_toks, end) {
        hs.push((h, end));
    }
    // So does any short complement of a label's head, the whole label being the post: "Chair
    // of the session: I. Gaydarji", "Chair of the Finance Committee: Jane Roe".
    if let (Some(l), Some(&(hs0, he))) = (label, hs.iter().rfind(|h| h.1 < end)) {
        let line_start = l.rfind('\n').map_or(0, |k| k + 1) + sent_start;
        let words: Vec<&str> = text[he..end].split_whitespace().collect();
        if matches!(words.first(), Some(&("of" | "for")))
            && (2..=6).contains(&words.len())
            && text
                .get(line_start..hs0)
                .is_some_and(|g| g.trim().is_empty())
        {
            hs.push((hs0, end));
        }
    }
    // A complement in lower case before the comma belongs to the head: "The Chairman of the
    // board, Alhaji Sani Kaura,".
    if comma {
        if let Some(&(hs0, he)) = hs.iter().rfind(|h| h.1 < end) {
            let gap = &text[he..end];
            let words: Vec<&str> = gap.split_whitespace().collect();
            if matches!(words.first(), Some(&("of" | "for")))
                && words.len() <= 4
                && words
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            {
                hs.push((hs0, end));
            }
            // And a named portfolio after a title that opens the sentence: "Minister of State
            // with responsibility for the Islands, Dara Ó Conghaile TD,".
            let mut rest = &words[..];
            for lead in [
                &["with", "responsibility"][..],
                &["responsible"],
                &["in", "charge"],
            ] {
                if let Some(r) = rest.strip_prefix(lead) {
                    rest = r;
                }
            }
            // (Or after "the" and a clause before it: "Announcing the date, the Minister of
            // State with responsibility for the Office of Public Works, Niamh Nic Giolla
            // Phádraig TD, said".)
            let opens = {
                let b = text[sent_start..hs0].trim_end();
                match b.strip_suffix(" the").or_else(|| b.strip_suffix(" The")) {
                    Some(x) => x.trim_end().ends_with(','),
                    None => b.is_empty() || b == "the" || b == "The",
                }
            };
            if opens
                && matches!(rest.first(), Some(&("of" | "for")))
                && (2..=8).contains(&rest.len())
                && rest[1..]
                    .iter()
                    .all(|w| NAME_PARTICLES.contains(w) || w.starts_with(char::is_uppercase))
                && rest
                    .last()
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                && !hs.contains(&(hs0, end))
            {
                hs.push((hs0, end));
            }
        }
        // So is a named employer after a head in lower case that opens the sentence: "A
        // student at the University of Peshawar, Hina Yousafzai, said". (Only after a
        // determiner or an owner opening the sentence: one look at its first word.)
        let opener = text[sent_start..end].split(' ').next().unwrap_or("");
        let may_open =
            DETERMINERS.contains(&opener) || opener.ends_with("'s") || opener.ends_with("’s");
        // Or after "the" inside the sentence, a few words before the comma: "got it from the
        // president of the Royal Welsh Agricultural Society, Emyr Wyn Lloyd-Pugh" (the heads
        // of the 80 bytes before it, when they hold a "the").
        let the_at = || {
            let from = crate::text::floor_boundary(text, end.saturating_sub(80)).max(sent_start);
            text[from..end].contains(" the ").then_some(from)
        };
        let lower_heads = if may_open {
            heads(ctx, sent_start, end, true)
        } else if let Some(at) = the_at() {
            heads(ctx, at, end, true)
        } else {
            Vec::new()
        };
        if let Some(&(hs0, he)) = lower_heads.iter().rfind(|h| h.1 < end) {
            let lead: Vec<&str> = text[sent_start..hs0].split_whitespace().collect();
            // (Its first word is the determiner or the owner `may_open` saw.)
            // (Or an owner after "The": "The fund's programme officer for East Africa,".)
            let owner = |w: &str| {
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .is_some_and(lower_modifier)
            };
            // (And a time's word: "The former director of the Regional Archaeological
            // Museum, Georgi Lyubenov,".)
            let time = |w: &str| matches!(w, "former" | "outgoing" | "incoming");
            let opens = (1..=3).contains(&lead.len())
                && lead[1..].iter().enumerate().all(|(k, w)| {
                    lower_modifier(w) || time(w) || (k == 0 && lead[0] == "The" && owner(w))
                });
            // Or "the" right before the head, inside the sentence: "welcomed by the governor
            // of Boquerón, Óscar Villalba Rojas,".
            // (With up to two modifiers between: "by the deputy governor of".)
            let the_before = || {
                lead.iter().rposition(|w| *w == "the").is_some_and(|k| {
                    k > 0 && lead.len() - k <= 3 && lead[k + 1..].iter().all(|w| lower_modifier(w))
                })
            };
            let mut words: Vec<&str> = text[he..end].split_whitespace().collect();
            // (An acronym in brackets after the name is the name's: "the Gilgit-Baltistan
            // Disaster Management Authority (GBDMA)".)
            if words.len() > 2
                && words.last().is_some_and(|w| {
                    w.strip_prefix('(')
                        .and_then(|w| w.strip_suffix(')'))
                        .is_some_and(|a| a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase()))
                })
            {
                words.pop();
            }
            // (A portfolio's connector: "Minister responsible for Seabed Minerals", "Vice Mayor
            // in charge of Social Affairs".)
            if words.len() > 2 && words[..2] == ["responsible", "for"] {
                words.remove(0);
            } else if words.len() > 3 && words[..3] == ["in", "charge", "of"] {
                words.drain(..2);
            }
            // ("of" only before an organisation's name: "director of Acme Ltd", not "a
            // passionate defender of RT America".)
            // (Or inside it before a place: "the president of the Tiatr Academy of Goa".)
            let of_org = words.first() == Some(&"of")
                && words[1..].iter().any(|w| {
                    ctx.rules
                        .organisation_words
                        .contains(w.trim_end_matches(','))
                });
            // (Or a name and its kind in lower case: "the president of the Kitabi
            // cooperative", "the head of the Goris community".)
            let kind = |w: &str| {
                ctx.rules.organisation_kinds.contains(w) || ctx.rules.place_nouns.contains(w)
            };
            // (With a modifier or two in lower case before the kind: "the president of the
            // Essaouira municipal council", "the Caleta Los Verdes fishers’ union".)
            let kind_from = words
                .iter()
                .rposition(|w| w.starts_with(char::is_uppercase))
                .map_or(words.len(), |k| k + 1);
            let of_kind = words.first() == Some(&"of")
                && words.len() >= 3
                && kind_from >= 2
                && words.last().is_some_and(|w| kind(w))
                && (1..=3).contains(&(words.len() - kind_from))
                && words[kind_from..words.len() - 1]
                    .iter()
                    .all(|w| lower_modifier(w) || w.ends_with("s’") || w.ends_with("s'"));
            // (A particle may stand inside a name: "Rijkswaterstaat Zee en Delta".)
            let particle = |w: &str| NAME_PARTICLES.contains(&w);
            // (A list of subjects may make the name longer: "for the Ministry of
            // Environment, Water and Ecological Transition".)
            let listed = words.iter().any(|w| w.ends_with(',')) && words.contains(&"and");
            // (Or any name after "of the": "the president of the Women's Fellowship".)
            let of_the = words.first() == Some(&"of")
                && words.get(1) == Some(&"the")
                && words.len() >= 3
                && words[2].starts_with(char::is_uppercase)
                && !words
                    .last()
                    .is_some_and(|w| ctx.rules.place_nouns.contains(*w));
            // (A country an envoy is sent to: "the ambassador to Uruguay"; a numbered ward or
            // zone: "The Trustee for Zone 9".)
            let numbered = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
            let named = (matches!(
                words.first(),
                Some(&("at" | "with" | "for" | "from" | "to"))
            ) || of_org
                || of_kind
                || of_the)
                // (A long name with an organisation's word: "the director of the Hoi An Centre
                // for Cultural Heritage Management and Conservation".)
                && (2..=if of_org { 12 } else if listed { 10 } else { 7 }).contains(&words.len())
                && words[1..].iter().enumerate().all(|(k, w)| {
                    particle(w)
                        || w.starts_with(char::is_uppercase)
                        || (of_kind && k + 1 >= kind_from)
                        // (A kind before the name: "the Plovdiv company Rodopa Stroy EOOD".)
                        || (of_org && ctx.rules.organisation_kinds.contains(*w))
                        || (k > 0 && numbered(w))
                })
                && words.last().is_some_and(|w| {
                    w.starts_with(char::is_uppercase) || (of_kind && kind(w)) || numbered(w)
                });
            // Or a post over a place, which stays whole: "the governor of Boquerón", "the
            // deputy governor of Champasak province".
            let of_place = || {
                words.first() == Some(&"of")
                    && (2..=4).contains(&words.len())
                    && words[1].starts_with(char::is_uppercase)
                    && words[1..].iter().enumerate().all(|(k, w)| {
                        // (No acronym: "a passionate defender of RT America".)
                        w.starts_with(char::is_uppercase)
                            && w.chars().nth(1).is_some_and(char::is_lowercase)
                            && !ctx.rules.organisation_words.contains(*w)
                            || (k + 2 == words.len() && ctx.rules.place_nouns.contains(*w))
                    })
            };
            if (opens || the_before()) && (named || of_place()) && !hs.contains(&(hs0, end)) {
                hs.push((hs0, end));
            }
        }
        // A head in lower case with its complement ends the phrase, and the heads joined to
        // it by "and" are titles too: "The union's Wales Secretary and chair of its health
        // committee, Gethin ap Rhisiart", "The council's chief planner and head of housing".
        if let Some(&(h0, he)) = lower_heads.iter().rfind(|h| h.1 < end) {
            let words: Vec<&str> = text[he..end].split_whitespace().collect();
            // (A place may close it after a second "of": "The deputy minister of agriculture
            // of Tuva, Sergei Lebedev".)
            let lower_end = match words.iter().rposition(|w| *w == "of") {
                Some(k)
                    if k > 0
                        && (2..=3).contains(&(words.len() - k))
                        && !words[..k].contains(&"the")
                        && words[k + 1..].iter().all(|w| {
                            w.starts_with(char::is_uppercase)
                                && !ctx.rules.organisation_words.contains(*w)
                        }) =>
                {
                    k
                }
                // (Or the employer's name after "at": "The director of operations at Doraleh
                // Multipurpose Port, Alain Farah-Dupuis".)
                _ => match words.iter().position(|w| *w == "at") {
                    Some(k)
                        if k >= 2
                            && (1..=5).contains(&(words.len() - k - 1))
                            && words[k + 1..].iter().all(|w| {
                                w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w)
                            })
                            && words
                                .last()
                                .is_some_and(|w| w.starts_with(char::is_uppercase)) =>
                    {
                        k
                    }
                    _ => words.len(),
                },
            };
            // (One word more before a kind of organisation: "The leader of the local tourism
            // association, Martin Hustad".)
            // (A definite one only: after "owner of a small restoration company," comes the
            // company's name.)
            let kind_last = words.get(1) == Some(&"the")
                && words[..lower_end]
                    .last()
                    .is_some_and(|w| ctx.rules.organisation_kinds.contains(*w));
            let complement = matches!(words.first(), Some(&("of" | "for")))
                && (lower_end <= 4 || (lower_end == 5 && kind_last))
                && words[..lower_end]
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                // (Not "the author of that boast, Muhammad Ali".)
                && !words
                    .iter()
                    .any(|w| matches!(*w, "this" | "that" | "these" | "those"));
            // (Or a place and a portfolio: "The deputy hokim of Fergana region for
            // investment, Sherzod Alimov".)
            let place_portfolio = || {
                if words.first() != Some(&"of") {
                    return false;
                }
                let mut k = 1;
                while k < words.len().min(4)
                    && words[k].starts_with(char::is_uppercase)
                    && !ctx.rules.organisation_words.contains(words[k])
                {
                    k += 1;
                }
                if k == 1 {
                    return false;
                }
                if words
                    .get(k)
                    .is_some_and(|w| ctx.rules.place_nouns.contains(*w))
                {
                    k += 1;
                }
                words.get(k) == Some(&"for")
                    && (1..=2).contains(&(words.len() - k - 1))
                    && words[k + 1..]
                        .iter()
                        .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            };
            if complement || place_portfolio() {
                for h in [(h0, end)]
                    .into_iter()
                    .chain(joined_before(text, &lower_heads, h0))
                {
                    if !hs.iter().any(|x| x.0 == h.0) {
                        hs.push(h);
                    }
                }
                hs.sort_unstable();
            }
        }
    }
    if hs.is_empty() {
        return None;
    }
    // A heading's verb after the title ends it: "Minister Rejects Backbench Revolt" names no
    // one.
    let after_heads = hs.iter().map(|h| h.1).max().unwrap_or(end).min(end);
    if text[after_heads..end]
        .split_whitespace()
        .any(|w| ctx.rules.headline_verbs.contains(w))
    {
        return None;
    }
    // A phrase ending in a connector ("Chief Executive of") leads into a complement, not a name.
    let last_word = text[sent_start..end]
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if CONNECTORS.contains(&last_word) {
        return None;
    }
    let covered = |s: usize, e: usize| hs.iter().any(|h| h.0 <= s && e <= h.1);
    // Walk back over words that can belong to a role phrase.
    let toks = &sent_toks[..sent_toks.partition_point(|t| t.end <= end)];
    let mut start = end;
    let mut modifiers = 0;
    for (k, t) in toks.iter().enumerate().rev() {
        let w = &text[t.start..t.end];
        // Up to two words in lower case right before the head describe it, when a determiner,
        // a possessive, a connector or the sentence start comes before them: "the company
        // secretary", "and finance director" (but not "thanked chief executive").
        let opener = |i: usize| {
            i == 0 || {
                let b = &text[toks[i - 1].start..toks[i - 1].end];
                // (Not "to": "move to oust chairman Jane Roe".)
                (CONNECTORS.contains(&b) && b != "to")
                    || DETERMINERS.contains(&b)
                    || b.ends_with("'s")
                    || b.ends_with("’s")
                    || b == ","
            }
        };
        let modifier = modifiers < 2
            && start == t.end + 1
            && (covered(start, start + 1) || modifiers == 1)
            && text[start..].starts_with(|c: char| c.is_lowercase() || modifiers == 1)
            && lower_modifier(w)
            && (opener(k)
                || (modifiers == 0
                    && k > 0
                    && lower_modifier(&text[toks[k - 1].start..toks[k - 1].end])
                    && opener(k - 1)));
        if modifier {
            modifiers += 1;
            start = t.start;
            continue;
        }
        // A title modifier right before the phrase belongs to it: "Shadow foreign secretary".
        // (Title modifiers are title words: the token's class tells first.)
        let title_modifier = start == t.end + 1
            && t.class & crate::lexicon::class::TITLE != 0
            && crate::text::with_lower(w, |l| ctx.rules.title_modifiers.contains(l));
        let ok = w.chars().next().is_some_and(|c| c.is_uppercase())
            || title_modifier
            || CONNECTORS.contains(&w)
            || covered(t.start, t.end)
            || w == "’"
            || w == "'"
            // "Group Managing Director/Chief Executive Officer".
            || (w == "/" && k > 0 && covered(toks[k - 1].start, toks[k - 1].end))
            // A name written with a slash: "Bodø/Glimt head coach Per-Mathias Lund".
            || (w == "/"
                && k > 0
                && toks[k - 1].end == t.start
                && start == t.end
                && text[toks[k - 1].start..].starts_with(char::is_uppercase))
            // A school year before a pupil: "Form 6 student", "Class IX student".
            || (k > 0
                && start == t.end + 1
                && school_year(&text[toks[k - 1].start..toks[k - 1].end], w))
            || (w.contains('-') && w.chars().any(|c| c.is_alphabetic()) && t.end < hs[0].0)
            // A particle inside a place's name, or the kind of place after it: "Mayor of Lajes
            // do Pico", "The Gup of Kanglung gewog"; the particle in front of the post too:
            // "Surigao del Norte Governor".
            || (k > 0
                && text[toks[k - 1].start..].starts_with(|c: char| c.is_uppercase())
                && ((matches!(
                    w,
                    "de" | "do" | "da" | "dos" | "das" | "del" | "di" | "du" | "la" | "van" | "von"
                ) && text[t.end..].trim_start().starts_with(|c: char| c.is_uppercase()))
                    || (t.end > hs[0].1 && ctx.rules.place_nouns.contains(w))))
            // The place of a post between it and the name: "Collector and District
            // Magistrate, Mayurbhanj, Smt. Sasmita Behera".
            || (w == ","
                && k > 0
                && courtesy
                && hs.iter().any(|h| h.1 == toks[k - 1].end)
                && text[t.end..end].split_whitespace().count() <= 2
                && text[t.end..end]
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase)))
            || (w == ","
                && text[t.end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase())
                // Inside a list of names ("Culture, Media and Sport Secretary"), not after a
                // clause ("in a speech on Friday, Federal Reserve chairman").
                && text[t.end..hs.iter().find(|h| h.0 >= t.end).map_or(end, |h| h.0)]
                    .contains(" and "));
        if !ok {
            break;
        }
        start = t.start;
    }
    // An organisation in lower case that owns the role: "the council's finance chief Jane Roe"
    // (organisation "council", as in "Jane Roe, the council's finance chief").
    if let Some(k) = toks
        .iter()
        .position(|t| t.start >= start)
        .filter(|&k| k >= 2)
    {
        let t = &toks[k - 1];
        let w = &text[t.start..t.end];
        let owner = super::people::strip_possessive(w);
        // (With a word of its kind before it: "the band club's president".)
        let the = |j: usize| matches!(&text[toks[j].start..toks[j].end], "the" | "The");
        let kind = (k >= 3
            && !the(k - 2)
            && the(k - 3)
            && text[toks[k - 2].start..toks[k - 2].end]
                .bytes()
                .all(|b| b.is_ascii_lowercase()))
        .then(|| toks[k - 2].start);
        if owner.len() < w.len()
            && owner.starts_with(|c: char| c.is_ascii_lowercase())
            && text[t.end..start].trim().is_empty()
            && (the(k - 2) || kind.is_some())
            && lower_org_word(ctx, owner, true)
        {
            start = kind.unwrap_or(t.start);
        } else if owner.len() == w.len()
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && text[t.end..start] == *" "
            && text[start..].starts_with(|c: char| c.is_ascii_lowercase())
            && ctx.rules.organisation_kinds.contains(w)
            && !text[start..].starts_with("member")
            // (Alone: "local government secretary", "rugby union captain" are titles.)
            && !crate::text::with_lower(&text[toks[k - 2].start..toks[k - 2].end], lower_modifier)
        {
            // Or in front of a head in lower case: "club president Jane Roe", "union leader".
            start = t.start;
        }
    }
    // Drop leading connectors and punctuation, and a sentence's opening word with the calendar
    // words after it: "Since President Bush ...", "On Tuesday Foreign Secretary Jack Straw".
    let toks_in: Vec<_> = toks.iter().filter(|t| t.start >= start).collect();
    let mut s = start;
    let mut opener = false;
    for (i, t) in toks_in.iter().enumerate() {
        let w = &text[t.start..t.end];
        let first_word = i == 0 && toks.first().is_some_and(|f| f.start == t.start);
        // A participle opening a clause: "Speaking on Tuesday, President Putin" (not "Fostering
        // Network executive director", a name).
        let participle = first_word
            && w.len() > 5
            && w.ends_with("ing")
            // ("Managing director Jane Roe": a title modifier.)
            && !crate::text::with_lower(w, |l| ctx.rules.title_modifiers.contains(l))
            && toks_in
                .get(1)
                .is_some_and(|n| text[n.start..].starts_with(|c: char| c.is_lowercase()));
        let sentence_opener = first_word && (ctx.rules.sentence_openers.contains(w) || participle);
        opener |= sentence_opener;
        let calendar = opener && t.class & crate::lexicon::class::CALENDAR != 0;
        if CONNECTORS.contains(&w)
            || w == ","
            || w.starts_with(|c: char| !c.is_alphanumeric())
            || sentence_opener
            || calendar
        {
            s = t.end;
            continue;
        }
        s = t.start;
        break;
    }
    let s = s + text[s..end].len() - text[s..end].trim_start().len();
    if s >= end || !hs.iter().any(|h| h.0 >= s) {
        return None;
    }
    // A headline in title case is no title: "Lone Player Stands During National Anthem While
    // Rest Of His Team Protests" (a capitalised pronoun or clause word inside it).
    if text[s..end].split(' ').skip(1).any(|w| {
        matches!(
            w,
            "His"
                | "Her"
                | "Their"
                | "Its"
                | "Our"
                | "My"
                | "Your"
                | "During"
                | "While"
                | "Is"
                | "Are"
                | "Was"
                | "Were"
                | "Will"
                | "Has"
                | "Have"
        )
    }) {
        return None;
    }
    // A post after "of a" before the comma is a parent's or another's: "the youngest of seven
    // children of a shearer and a Scottish schoolteacher, Te Maro-Sutherland came south".
    if comma {
        let lead = &text[sent_start..s];
        let lead = &lead[lead.rfind(',').map_or(0, |k| k + 1)..];
        let lead = lead.trim_end();
        if [" a", " an"].iter().any(|d| lead.ends_with(d))
            && [" of a ", " of an "].iter().any(|o| lead.contains(o))
        {
            return None;
        }
    }
    // The phrase must end inside or right after a role phrase, not in a long tail of names.
    Some((s, bracket_end.unwrap_or(end)))
}

/// The end of a role phrase `[start, end)` without the words that lead into a relation to
/// someone named at `end`: "adviser to" gives "adviser", "the daughter of former" "the daughter".
fn before_relation(text: &str, start: usize, end: usize) -> usize {
    const LEADS: &[&str] = &[
        "to",
        "of",
        "for",
        "under",
        "with",
        "and",
        "&",
        "by",
        "at",
        "in",
        "on",
        "from",
        "during",
        "before",
        "after",
        "since",
        "as",
        "including",
        "former",
        "late",
        "the",
        "his",
        "her",
        "their",
        "its",
        "then",
    ];
    let mut e = end;
    loop {
        let t = text[start..e].trim_end_matches(|c: char| c.is_whitespace() || ",;:(".contains(c));
        let (ws, w) = last_word(t);
        if !t.is_empty() && LEADS.contains(&w) {
            e = start + ws;
        } else {
            return start + t.len();
        }
    }
}

/// The last word of `s` (trailing white space ignored) and its offset in `s`. White space may
/// be wider than a byte: a no-break space.
fn last_word(s: &str) -> (usize, &str) {
    let before = s.trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    (start, &before[start..])
}

/// Split a role phrase into roles: coordinated titles apart, organisation apart.
pub fn split_phrase(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    allow_lower: bool,
) -> Vec<(usize, usize, String)> {
    let text = &ctx.doc.text;
    let hs = heads_and_last(ctx, start, end, allow_lower);
    if hs.is_empty() {
        return Vec::new();
    }
    // Coordination: " and ", " & ", ", " or " turned " ("a coal miner turned fisherman")
    // directly before a head starts a new part.
    let mut parts: Vec<(usize, usize, usize)> = Vec::new(); // (part start, head start, part end)
    for (k, h) in hs.iter().enumerate() {
        if k == 0 {
            parts.push((start, h.0, end));
            continue;
        }
        let prev_end = hs[k - 1].1;
        let gap = &text[prev_end..h.0];
        let sep = [" and ", " & ", ", ", "/", " turned "]
            .iter()
            .filter_map(|sep| gap.rfind(sep).map(|i| (i, sep.len())))
            .max();
        if let Some((i, n)) = sep {
            // The words after the separator must all be title words or capitalised.
            let part_start = prev_end + i + n;
            let prev = parts.last_mut().unwrap();
            prev.2 = prev_end + i;
            parts.push((part_start, h.0, end));
        }
    }
    // A last part that goes on after its head with "and" and no other head names something
    // else than a post: "a commercial fisherman and Masset resident" gives "commercial
    // fisherman".
    if let (Some(last), Some(h)) = (parts.last_mut(), hs.last()) {
        if h.0 == last.1 && h.1 < last.2 {
            let after = &text[h.1..last.2];
            // (Not before a complement of both: "president and publisher of Grand Central
            // Publishing".)
            let shared = [" of ", " at ", " for ", " with "].iter().any(|sep| {
                after
                    .find(sep)
                    .is_some_and(|k| after[k + sep.len()..].starts_with(char::is_uppercase))
            });
            if (after.starts_with(" and ") || after.starts_with(" & ")) && !shared {
                last.2 = h.1;
            }
        }
    }
    let mut out = Vec::new();
    let mut inherited_org = String::new();
    for (ps, head_start, pe) in parts {
        // Title modifiers just before the head belong to the role ("Communications Officer").
        let mut role_start = head_start;
        loop {
            let (w_start, w) = last_word(&text[ps..role_start]);
            // "ex-Home Secretary": the modifier after "ex-".
            let bare = w
                .strip_prefix("ex-")
                .or_else(|| w.strip_prefix("Ex-"))
                .unwrap_or(w);
            // A modifier that also ends organisations' names counts after another modifier
            // only: "Media Relations Manager", but "Exhibitor Relations president".
            // (So does a team's age group: "Under-15 coach", "U21 manager".)
            let modifier = |w: &str| {
                !w.is_empty()
                    && (crate::text::with_lower(w, |l| ctx.rules.title_modifiers.contains(l))
                        || ["Under-", "U-", "U"].iter().any(|p| {
                            w.strip_prefix(p).is_some_and(|n| {
                                let n = n.trim_end_matches('s');
                                !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
                            })
                        }))
            };
            let prev = last_word(&text[ps..ps + w_start]).1;
            // (After an organisation word the name has ended: "Republican National Committee
            // Research Director".)
            // (Not after an owner's possessive, which ends the name: "KWSI's Programme
            // Manager".)
            let name_end = w.starts_with(char::is_uppercase)
                && ctx.rules.organisation_words.contains(w)
                && prev.starts_with(char::is_uppercase)
                && !prev.ends_with("'s")
                && !prev.ends_with("’s")
                && !modifier(prev)
                && !ctx.rules.organisation_words.contains(prev);
            // "Media and Engagement Coordinator": modifiers joined.
            let joined = matches!(w, "and" | "&") && role_start < head_start && modifier(prev);
            if (modifier(bare) && !name_end) || joined {
                role_start = ps + w_start;
            } else {
                break;
            }
        }
        // After an owner's possessive the capitalised words up to the head are the title's:
        // "the Union's Quality Control Manager" (the owner names the organisation).
        if role_start > ps && role_start == head_start {
            let lead = text[ps..role_start].trim_end();
            if let Some(k) = lead.rfind("'s ").or_else(|| lead.rfind("’s ")) {
                let apostrophe = if lead[k..].starts_with('\'') { 3 } else { 5 };
                let words: Vec<&str> = lead[k + apostrophe..].split(' ').collect();
                // (An owner with a name, not a contraction: "That's Life host".)
                let owner = last_word(&lead[..k]).1;
                if owner.starts_with(char::is_uppercase)
                    && !matches!(owner, "That" | "It" | "What" | "Here" | "There" | "Who" | "Let")
                    && (1..=3).contains(&words.len())
                    // (Nor a name after the owner: "Labour's Robin Cook".)
                    && !ctx.rules.given_names.contains_key(words[0])
                    && words.iter().all(|w| {
                        w.starts_with(char::is_uppercase)
                            && !ctx.rules.organisation_words.contains(*w)
                            && !w.ends_with(['\'', '’', ','])
                    })
                {
                    role_start = ps + k + apostrophe;
                }
            }
        }
        // A level of government before a subject's capitalised words opens the title:
        // "Mwanza Regional Traffic Commander", "the NDMA's County Drought Coordinator" (the
        // words before it name the organisation).
        if head_start - role_start < 40 {
            let mut at = role_start;
            for _ in 0..2 {
                let (w_start, w) = last_word(&text[ps..at]);
                if !w.starts_with(char::is_uppercase)
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    || ctx.rules.organisation_words.contains(w)
                    || crate::text::with_lower(w, |l| ctx.rules.title_modifiers.contains(l))
                {
                    break;
                }
                at = ps + w_start;
                let (l_start, l) = last_word(&text[ps..at]);
                if l.starts_with(char::is_uppercase)
                    && crate::text::with_lower(l, |l| ctx.rules.level_modifiers.contains(l))
                {
                    role_start = ps + l_start;
                    break;
                }
            }
        }
        // A place's own last word is none: "Cape Town City Manager", "Quezon City Mayor".
        if role_start > ps && role_start < head_start {
            let first = text[role_start..head_start].split(' ').next().unwrap_or("");
            let before = last_word(&text[ps..role_start]).1;
            if matches!(first, "Town" | "City")
                && before.starts_with(char::is_uppercase)
                && !crate::text::with_lower(before, |l| ctx.rules.title_modifiers.contains(l))
            {
                role_start += first.len() + 1;
            }
        }
        // A body's word among the title's words, a name before them, ends the body's name:
        // "Waiheke Local Board chair" is the chair of the Waiheke Local Board (but "Local Board
        // member Jane Roe" and "Board chair" stay whole).
        if role_start > ps && role_start < head_start {
            let before = last_word(&text[ps..role_start]).1;
            let named = before.starts_with(char::is_uppercase)
                && !crate::text::with_lower(before, |l| ctx.rules.title_modifiers.contains(l));
            if named {
                let run = &text[role_start..head_start];
                if let Some(k) = run.match_indices(' ').map(|(k, _)| k).rev().find(|&k| {
                    let w = last_word(&run[..k]).1;
                    w.starts_with(char::is_uppercase) && ctx.rules.organisation_bodies.contains(w)
                }) {
                    role_start += k + 1;
                }
            }
        }
        // A school year before a pupil belongs to the role: "Form 6 student".
        {
            let lead = text[ps..role_start].trim_end();
            let (a, num) = lead.rsplit_once(' ').unwrap_or(("", lead));
            let year_word = a.rsplit(' ').next().unwrap_or("");
            if school_year(year_word, num) {
                role_start = ps + a.len() - year_word.len();
            }
        }
        // A rank opening the phrase makes the capitalised words after it the title's:
        // "Deputy Mining Minister", "Acting Chief Fire Officer" (not "Deputy Leader of
        // Harbridge Council's Housing spokesman").
        if role_start > ps {
            let lead = &text[ps..role_start];
            let first = lead.split_whitespace().next().unwrap_or("");
            let rank = [
                "deputy",
                "acting",
                "interim",
                "assistant",
                "associate",
                "vice",
                "junior",
                // (A seat the body gave: "co-opted Viticulture Adviser".)
                "co-opted",
                "coopted",
            ]
            .iter()
            .any(|r| first.eq_ignore_ascii_case(r))
                // (Capitalised, these are ranks too: "Senior State Counsel", "Principal State
                // Attorney"; "senior Labour MP" is a description.)
                || matches!(first, "Senior" | "Principal");
            if rank
                && lead.split_whitespace().count() <= 4
                && lead.split_whitespace().skip(1).all(|w| {
                    w.starts_with(char::is_uppercase) && !ctx.rules.organisation_words.contains(w)
                })
            {
                role_start = ps + (lead.len() - lead.trim_start().len());
            }
        }
        // A beat in capitals before a head that takes one, its employer named before it or
        // the publication's own: "our Busoga correspondent", "the BBC's Africa editor", "BBC
        // Africa correspondent".
        if role_start == head_start
            && hs.iter().find(|h| h.0 == head_start).is_some_and(|h| {
                crate::text::with_lower(&text[h.0..h.1], |l| ctx.rules.beat_heads.contains(l))
            })
        {
            let (w_start, w) = last_word(&text[ps..role_start]);
            let lead = &text[..ps + w_start];
            let before = last_word(
                &lead[crate::text::floor_boundary(lead, lead.len().saturating_sub(40))..],
            )
            .1;
            let employer_before = matches!(before, "our" | "Our")
                || before.ends_with("'s")
                || before.ends_with("’s")
                || (before.len() >= 2 && before.bytes().all(|b| b.is_ascii_uppercase()));
            if w.starts_with(char::is_uppercase)
                && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
                && !w.ends_with("'s")
                && !w.ends_with("’s")
                && !ctx.rules.organisation_words.contains(w)
                && employer_before
            {
                role_start = ps + w_start;
            }
        }
        // A body's generic word alone, capitalised with the title, is the title's and names
        // no organisation: "Committee Secretary", "Marina Manager", "Ward 4 Councillor", "Ward
        // Chairperson" (but "Westminster Councillor", "Audit Committee Chair").
        if role_start > ps {
            let lead = text[ps..role_start].trim();
            let lead_the = lead
                .strip_prefix("the ")
                .or_else(|| lead.strip_prefix("The "));
            let lead = lead_the.unwrap_or(lead);
            let w = match lead.split_once(' ') {
                Some((w, n)) if n.bytes().all(|b| b.is_ascii_digit()) => w,
                Some(_) => "",
                None => lead,
            };
            // (A line's start is a boundary too: "Ward Chair Hari Bhakta Suwal" in a list.)
            let before = text[..ps].trim_end_matches([' ', '\t']);
            let the = ["the", "The"]
                .iter()
                .find_map(|a| {
                    before
                        .strip_suffix(a)
                        .filter(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
                })
                .or(lead_the.map(|_| before));
            let before = the.unwrap_or(before);
            // (Before a head in lower case, not where a sentence opens: "Team directeur
            // sportif Ane Urrutia" is the team's.)
            // (Nor a word that names no kind of body, capitalised only as the sentence's
            // first, as the document's lower-case uses of it show: "Festival director Karin
            // Åberg", "Airport manager Sophie Ngata"; not "Telegraph executive Murdoch
            // MacLennan".)
            let capital = text[head_start..].starts_with(char::is_uppercase)
                || the.is_some()
                || before.ends_with([',', ':', '('])
                || (lead_the.is_none()
                    && opens_sentence(
                        ctx,
                        ps + (text[ps..].len() - text[ps..].trim_start().len()),
                    )
                    && !crate::text::with_lower(w, |l| ctx.rules.organisation_kinds.contains(l))
                    && lower_elsewhere(text, w));
            if w.starts_with(char::is_uppercase)
                && capital
                && (ctx.rules.organisation_words.contains(w) || w == "Ward")
                && (lead_the.is_some() || !before.ends_with(|c: char| c.is_alphanumeric()))
            {
                role_start = ps + (text[ps..].len() - text[ps..].trim_start().len());
                if text[role_start..].starts_with("the ") {
                    role_start += 4;
                }
            }
        }
        // So do up to two other words in lower case before a head in lower case: "the
        // Guardian's literary editor", "corporate vice president" (but "bi-borough Director of
        // Children's Services" names the organisation).
        let head_lower = text[head_start..].starts_with(|c: char| c.is_lowercase());
        let mut kind_at = None;
        for _ in 0..if head_lower { 2 } else { 0 } {
            let (w_start, w) = last_word(&text[ps..role_start]);
            if !lower_modifier(w) {
                break;
            }
            // (A kind of organisation alone names the employer: "club president", "the union
            // leader"; but "village council chairman", "rugby union captain" are titles.)
            // (A member is one of a body, see below: "a union member".)
            if ctx.rules.organisation_kinds.contains(w)
                && !crate::text::with_lower(last_word(&text[ps..ps + w_start]).1, lower_modifier)
                && !text[head_start..pe].starts_with("member")
            {
                kind_at = Some(ps + w_start);
                break;
            }
            role_start = ps + w_start;
        }
        // (Then title modifiers before them: "special educational needs co-ordinator".)
        while head_lower && kind_at.is_none() && role_start > ps {
            let (w_start, w) = last_word(&text[ps..role_start]);
            if w.is_empty()
                || !w.starts_with(char::is_lowercase)
                || !ctx.rules.title_modifiers.contains(w)
            {
                break;
            }
            role_start = ps + w_start;
        }
        // "Association of Chief Police Officers president": a name that goes on into the role's
        // capitalised words, up to the head in lower case.
        let ends_with = |s: &str, ws: &[&str]| ws.contains(&last_word(s).1);
        let name_words = |s: &str| {
            s.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase) || matches!(w, "of" | "for" | "and" | "&" | "the")
            })
        };
        if ends_with(&text[ps..role_start], &["of", "for"]) && name_words(&text[ps..role_start]) {
            let role = &text[role_start..pe];
            let caps: usize = role
                .split_inclusive(' ')
                .take_while(|w| w.starts_with(char::is_uppercase))
                .map(str::len)
                .sum();
            if caps > 0 && role[caps..].starts_with(char::is_lowercase) {
                role_start += caps;
            }
        }
        // A subject's acronym before the head stays in the title: "a former PE teacher".
        let raw = text[ps..role_start].trim_end();
        let last = raw.rsplit(' ').next().unwrap_or("");
        if last.len() >= 2
            && last.bytes().all(|b| b.is_ascii_uppercase())
            && ctx.rules.subject_acronyms.contains(last)
        {
            role_start = ps + raw.len() - last.len();
        }
        // A region named by its compass point before a reporter's title is the title's beat,
        // no employer: "North Greenland correspondent", "East Africa editor".
        // (The first word first: most leads are empty or open with no compass point.)
        // (Or by the compass point alone, or after "Far": "Northern Correspondent", "Far North
        // reporter".)
        let lead = text[ps..role_start].trim();
        let lead = lead.strip_prefix("Far ").unwrap_or(lead);
        if lead.split(' ').next().is_some_and(|w| COMPASS.contains(&w)) {
            let words: Vec<&str> = lead.split_whitespace().collect();
            let head = text[head_start..pe].split_whitespace().next().unwrap_or("");
            if (1..=3).contains(&words.len())
                && words[1..].iter().all(|w| {
                    w.starts_with(char::is_uppercase) && !ctx.rules.organisation_words.contains(*w)
                })
                && matches!(
                    head.to_ascii_lowercase().as_str(),
                    "correspondent" | "editor" | "reporter"
                )
            {
                role_start =
                    ps + (text[ps..role_start].len() - text[ps..role_start].trim_start().len());
            }
        }
        let org_raw = &text[kind_at.unwrap_or(ps)..role_start];
        let mut org = clean_org(org_raw);
        // A courtesy before the title names nothing: "Hon'ble Chief Minister", "Rt Hon",
        // "Her Worship the Mayor".
        let courtesy = |o: &str| {
            ctx.rules
                .honorifics
                .get(o.trim_end_matches('.'))
                .is_some_and(|h| h.role.is_none())
        };
        // (The phrase starts after a possessive: "Her" of "Her Worship the".)
        let owned = |o: &str| {
            let owner = last_word(&text[..ps]).1;
            o.strip_suffix(" the")
                .is_some_and(|o| courtesy(&format!("{owner} {o}")))
        };
        if courtesy(&org) || owned(&org) {
            org.clear();
        }
        // Nor does an age: "20-year-old goal shoot Jane Roe"; nor where the person works
        // from: "a Leiden-based engineer".
        if org.ends_with("-old") || org.ends_with("-olds") || org.ends_with("-based") {
            org.clear();
        }
        // An organisation cut off at a connector is the words before it, if they name one:
        // "May's chairman and chief executive" gives "May"; "One of President Bush's" none.
        if ends_with(&org, &["and", "&", "of", "for"]) {
            let mut words: Vec<&str> = org.split(' ').collect();
            words.pop();
            while words
                .last()
                .is_some_and(|w| w.starts_with(char::is_lowercase))
            {
                words.pop();
            }
            let rest = words.join(" ");
            let rest = super::people::strip_possessive(&rest);
            // (Nor a nationality left from a description: "a Finnish citizen and former
            // Senior Vice President".)
            org = if matches!(
                rest,
                "One" | "Some" | "Many" | "Most" | "All" | "Both" | "Each"
            ) || ctx.rules.demonyms.contains(rest)
            {
                String::new()
            } else {
                rest.to_string()
            };
        }
        // (Before a capitalised head too: "formerly Regional Manager", "becomes Chief
        // Financial Officer" name none; a body shared by places does: "bi-borough Director".)
        let shared_body = |o: &str| {
            o.split_once('-').is_some_and(|(p, _)| {
                matches!(
                    p,
                    "bi" | "tri" | "multi" | "inter" | "cross" | "pan" | "joint"
                )
            })
        };
        if !names_org(ctx, org_raw, &org) && (head_lower || !shared_body(&org)) {
            org.clear();
        }
        // Words in lower case before a name describe the person, not the organisation:
        // "acting Opec secretary general", "senior KGB officer" give "Opec", "KGB".
        if let Some(k) = org.find(|c: char| c.is_uppercase()) {
            let lead = &org[..k];
            if !lead.is_empty() && lead.ends_with(' ') {
                org = org[k..].to_string();
            }
        }
        // A name with a clause's words in lower case is none: "will join the Board as an
        // executive director" gives no "Board as an".
        let clause = org.contains(char::is_uppercase)
            && org.split(' ').any(|w| {
                w.starts_with(|c: char| c.is_lowercase())
                    && !matches!(
                        w,
                        "of" | "and"
                            | "the"
                            | "for"
                            | "on"
                            | "in"
                            | "at"
                            | "de"
                            | "du"
                            | "da"
                            | "do"
                            | "dos"
                            | "das"
                            | "del"
                            | "di"
                            | "la"
                            | "van"
                            | "von"
                            | "der"
                            | "y"
                    )
            });
        if clause {
            org.clear();
        }
        let mut role_end = pe;
        // A trailing ", Organisation" names the employer; from the first comma when each
        // part is one: "Chair, General Dental Practice Committee, British Dental Association".
        let tail = &text[head_start..pe];
        let first_org = tail.find(", ").filter(|&i| {
            !in_subject_list(ctx.rules, tail, i)
                && !legal_form(&tail[i + 2..])
                && tail[i + 2..].split(", ").all(|part| {
                    part.split_whitespace()
                        .last()
                        .is_some_and(|w| ctx.rules.organisation_words.contains(w))
                })
        });
        // (Not the last of a list of subjects: "Minister of Agriculture, Forestry and
        // Fisheries".)
        let last_comma = tail
            .rfind(", ")
            .filter(|&i| !in_subject_list(ctx.rules, tail, i) && !legal_form(&tail[i + 2..]));
        if let Some(i) = first_org.or(last_comma) {
            let after = tail[i + 2..].trim_end_matches(|c: char| ".,;:".contains(c));
            let last = after.split_whitespace().last().unwrap_or("");
            // (Or an acronym alone, but not a title's or an honour's: "Communications
            // Officer, INMG"; not "Chair, MP"; two joined too: "glaciologist,
            // IANIGLA-CONICET".)
            let capitals =
                |p: &str| (3..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_uppercase());
            let acronym = after == last
                && (capitals(last)
                    || last
                        .split_once('-')
                        .is_some_and(|(a, b)| capitals(a) && capitals(b)))
                && !ctx.rules.non_org_acronyms.contains(last)
                && !crate::text::with_lower(last, |l| ctx.rules.role_head_set.contains(l));
            // (Or a body named by its kind and its place: "Secretary of Tourism, Municipality
            // of Ushuaia", "Head of Sports Medicine, General Hospital Jesenice".)
            let kind_of_place = after.starts_with(char::is_uppercase)
                && (2..=6).contains(&after.split(' ').count())
                && after.split(' ').all(name_particle_or_capital)
                && after.split(' ').any(|w| {
                    ctx.rules.organisation_words.contains(w)
                        && !ctx.rules.organisation_subjects.contains(w)
                });
            // (A department of the post before the employer after "at" is the title's:
            // "Senior Vice President, Operations at Kivikangas Mining Oy".)
            if (ctx.rules.organisation_words.contains(last)
                || acronym
                || kind_of_place
                || list_employer(ctx, start, pe, after))
                && !after.contains(" at ")
            {
                role_end = head_start + i;
                // (Capitalised words before the head that name no organisation themselves
                // are the title's when one is named after it: "Kirsty Bain, Natural Hazards
                // Analyst, Otago Regional Council".)
                let front_named = org.split(' ').any(|w| {
                    ctx.rules.organisation_words.contains(w)
                        || (w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
                        || w.ends_with("'s")
                        || w.ends_with("’s")
                });
                if !org.is_empty()
                    && kind_at.is_none()
                    && !front_named
                    // (Joined: "Land and Sea Ranger Coordinator, Jawoyn Association".)
                    && org.split(' ').all(name_particle_or_capital)
                    && clean_org(org_raw) == org
                {
                    role_start = ps + (org_raw.len() - org_raw.trim_start().len());
                    org.clear();
                }
                if org.is_empty() {
                    org = clean_org(after);
                }
            }
        }
        let role_text = trim_phrase_end(&text[role_start..role_end], ",.;:");
        let re = role_start + role_text.len();
        let (split_end, org2) = split_of_org(ctx, role_start, re);
        // An organisation named before the role wins over one after it, unless it is only a
        // description ("studio general manager for Electronic Arts", "European outreach
        // coordinator for …"); the role keeps its words when the name after it is not taken.
        let proper = |o: &str| {
            o.split_whitespace()
                .all(|w| !w.starts_with(char::is_lowercase))
        };
        // (An acronym before a head in lower case is its subject when the employer follows
        // after "at": "EIA coordinator at Çevre Planlama Mühendislik".)
        let subject_acronym = org2.is_some()
            && text[split_end..].starts_with(" at ")
            && text[role_start..].starts_with(char::is_lowercase)
            && (2..=6).contains(&org.len())
            && org.bytes().all(|b| b.is_ascii_uppercase())
            && org_raw.trim() == org;
        // (So is a place before a unit's word when the organisation follows after "of": "the
        // Nyeri branch coordinator of the Kenya Red Cross Society".)
        let unit_place = || {
            org2.is_some()
                && text[split_end..].starts_with(" of ")
                && BRANCHES.contains(&text[role_start..].split(' ').next().unwrap_or(""))
                && (1..=3).contains(&org.split(' ').count())
                && org.split(' ').all(|w| {
                    w.starts_with(char::is_uppercase) && !ctx.rules.organisation_words.contains(w)
                })
                && clean_org(org_raw) == org
        };
        if subject_acronym || unit_place() {
            role_start = ps + (org_raw.len() - org_raw.trim_start().len());
            if text[role_start..].starts_with("the ") {
                role_start += 4;
            }
            org.clear();
        }
        let (org, re) = match org2 {
            Some(o) if org.is_empty() || !proper(&org) => (o, split_end),
            _ if !org.is_empty() => (org, re),
            // (Not a role that describes its own: "a non-executive director of the company and
            // head of a Malaysian retailer", "Wales Secretary and chair of its health committee".)
            _ if [" of a ", " of an ", " of the ", " of its ", " of their "]
                .iter()
                .any(|d| text[role_start..re].contains(d)) =>
            {
                (String::new(), re)
            }
            // (Nor one with an owner that names none: "and the paper's first author".)
            _ if org_raw.trim_end().ends_with("'s") || org_raw.trim_end().ends_with("’s") => {
                (String::new(), re)
            }
            _ => (inherited_org.clone(), re),
        };
        // A nationality describes the person: "Irish actor", "British Muslim activist"; so
        // does a capitalised description opening the sentence: "Veteran actor", "Another
        // actress", "Singer and actor".
        let opens = {
            let b = text[..ps].trim_end_matches([' ', '\t']);
            b.is_empty() || b.ends_with(['.', '!', '?', '\n', '"', '“', ':'])
        };
        // (Before an office of a state the nationality names the state: "British
        // ambassador", "Egyptian President".)
        let of_state = || {
            let role = text[role_start..pe].to_ascii_lowercase();
            STATE_OFFICES.iter().any(|o| role.contains(o))
        };
        let describes = |w: &str| {
            (ctx.rules.demonyms.contains(w) && !of_state())
                // (A month or a day written out names no one: "In November singer Brian
                // Harvey"; "May", "Sun" may: "Sun chief executive Scott McNealy".)
                || (w.len() >= 4
                    && crate::text::with_lower(w, |l| {
                        ctx.rules.months.contains_key(l) || ctx.rules.weekdays.contains_key(l)
                    }))
                // (A party is an organisation: "Republican candidate", "Democrat candidate"
                // as "Democrats" is a group.)
                || (opens
                    && !ctx.rules.not_names.contains(w)
                    && !ctx.rules.not_names.contains(&format!("{w}s"))
                    && (matches!(w, "Another" | "Other" | "Fellow")
                        || crate::text::with_lower(w, |l| {
                            ctx.rules.descriptors.contains(l)
                                || ctx.rules.title_modifiers.contains(l)
                        })))
        };
        // (Nor does the start of a longer name: "Office of the Deputy Minister for …".)
        let dangling = org.ends_with(" of the") || org.ends_with(" of");
        let org = if !org.is_empty() && (dangling || org.split(' ').all(describes)) {
            String::new()
        } else {
            org
        };
        if !org.is_empty() {
            inherited_org = org.clone();
        }
        out.push((role_start, re, org));
    }
    // Titles joined before the one an employer follows share it: "President and CEO of
    // Vätterbanan Logistik AB", "Founder, Chairman and Managing Director of Kestrel Mining".
    // (Capitalised titles only: "teacher and founder of the Lamu Arts Trust" taught elsewhere;
    // not a body's: "Independent Non-Executive Director and Chair of the Audit and Risk
    // Committee".)
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (rs, re, ref org) = out[k];
        let (ns, _, ref next_org) = out[k + 1];
        if org.is_empty()
            && !next_org.is_empty()
            && !next_org
                .rsplit(' ')
                .next()
                .is_some_and(|w| ctx.rules.organisation_bodies.contains(w))
            && matches!(&text[re..ns], " and " | " & " | ", ")
            && text[rs..re].split(' ').count() <= 3
            && text[rs..re]
                .split(' ')
                .all(|w| w.starts_with(char::is_uppercase))
        {
            out[k].2 = out[k + 1].2.clone();
        }
    }
    out
}

/// Words in lower case inside an organisation's name: "the Association of European
/// Airlines", "Câmara Municipal do Funchal", "Rijkswaterstaat Zee en Delta".
const NAME_PARTICLES: &[&str] = &[
    "of", "the", "and", "&", "for", "de", "du", "la", "da", "das", "do", "dos", "del", "des", "di",
    "der", "y", "en", "delle", "degli", "dei", "na", "van", "von", "o",
    // (Māori: "Te Rūnanga a Rangitāne o Wairau", "Ngāti Kahungunu ki Wairarapa".)
    "a", "ki",
];

/// `s` without the white space and the characters of `stops` at its end, but with the full
/// stop of a last word written with dots: "administrator of Shkodra Bus sh.a., said" keeps
/// "sh.a.", a company's form ("Shkodra Bus sh.a." is the employer).
fn trim_phrase_end<'a>(s: &'a str, stops: &str) -> &'a str {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || stops.contains(c));
    let dotted = t.rsplit(' ').next().is_some_and(crate::text::dotted_form);
    if dotted && s[t.len()..].starts_with('.') {
        &s[..t.len() + 1]
    } else {
        t
    }
}

/// A company's legal form, which a comma parts from its name and is no employer of its own:
/// "president of Nomura Kinpaku Co., Ltd.", "chief executive of Acme, Inc.".
pub(crate) fn legal_form(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Ltd" | "Inc" | "LLC" | "LLP" | "plc" | "PLC" | "Limited" | "Corp" | "GmbH" | "AG"
    )
}

/// A name of a few capitalised words ending a line of a name and its post, the post's
/// employer whatever its words: "Reviewed by: Dr Javier de la Cruz Ccori, Programme
/// Director, Yaku Kawsay" (not a place: "fish farmer, Isle of Mull").
fn credit_line_employer(
    ctx: &Context<'_>,
    text: &str,
    start: usize,
    end: usize,
    words: &[&str],
) -> bool {
    // (Two words or more: one may be a town, "Director, Marlborough".)
    if !(text[end..].starts_with(['\n', '\r']) || end == text.len())
        || !(2..=4).contains(&words.len())
    {
        return false;
    }
    let line = &text[text[..start].rfind('\n').map_or(0, |k| k + 1)..start];
    let Some(name) = line.strip_suffix(", ") else {
        return false;
    };
    // (After a label: "Prepared by: ".)
    let name = name.rsplit_once(": ").map_or(name, |(_, n)| n);
    let name_words: Vec<&str> = name.split(' ').collect();
    (2..=6).contains(&name_words.len())
        && name_words.iter().all(|w| name_particle_or_capital(w))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !place_word(ctx, w))
}

/// A word that makes a name after a post the place where it is held or where the person
/// lives, not an employer: "Isle of Mull", "Takayama City".
fn place_word(ctx: &Context<'_>, w: &str) -> bool {
    matches!(w, "Isle" | "Island" | "Islands")
        || crate::text::with_lower(w, |l| ctx.rules.place_nouns.contains(l))
}

/// The organisation that opens the sentence after "At" just before a title in lower case:
/// "At Levuka Hospital, medical superintendent Dr Rajesh Chand Prasad showed …".
fn at_org_before(ctx: &Context<'_>, r: &RoleMention) -> Option<String> {
    let text = &ctx.doc.text;
    if r.rule != "roles.prenominal" || !text[r.start..].starts_with(char::is_lowercase) {
        return None;
    }
    let lead = text[..r.start].strip_suffix(", ")?;
    let line = &lead[lead.rfind(['\n', '.']).map_or(0, |k| k + 1)..];
    let org = line.trim_start().strip_prefix("At ")?;
    let words: Vec<&str> = org.split(' ').collect();
    ((2..=6).contains(&words.len())
        && words.iter().all(|w| name_particle_or_capital(w))
        && words
            .last()
            .is_some_and(|w| ctx.rules.organisation_words.contains(*w)))
    .then(|| org.to_string())
}

/// Compass points that open a region's name: "North Greenland", "East Africa".
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    // (And a region named for its shore or its hills, a beat as well: "Coast Correspondent"
    // in Kenya.)
    "Coast",
    "Coastal",
    "Highlands",
    "Upcountry",
];

/// The units of an organisation that a place names: "the Uummannaq branch of KNAPK".
const BRANCHES: &[&str] = &[
    "branch", "chapter", "section", "division", "wing", "bureau", "office",
];

/// Whether `after`, the last part of a list's entry, names the employer: in "Dr Anjali Thapa
/// Magar, Environmental Officer, Pokhara Metropolitan City" the name, the post and the
/// employer each take a part of the line, whatever the employer's last word.
fn list_employer(ctx: &Context<'_>, start: usize, end: usize, after: &str) -> bool {
    let text = &ctx.doc.text;
    let words = after.split(' ').count();
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |k| end + k);
    // (Not a portfolio's last subjects: "Cabinet Member for Housing, Health and Social Care".)
    let subjects = [" and ", " & "].iter().any(|a| after.contains(a))
        && !after
            .split(' ')
            .any(|w| ctx.rules.organisation_words.contains(w));
    (2..=5).contains(&words)
        && !subjects
        && after.split(' ').all(name_particle_or_capital)
        && text[end..line_end].trim().is_empty()
        && start - line_start <= 60
        && text[line_start..start]
            .split([' ', ','])
            .all(|w| w.is_empty() || name_particle_or_capital(w))
}

/// Whether `p` is a place in lower case after "the", where an employer is: "on the seafront",
/// "on the main square".
fn lower_place(p: &str) -> bool {
    p.strip_prefix("the ").is_some_and(|p| {
        let w: Vec<&str> = p.split(' ').collect();
        w.len() <= 2
            && w.iter()
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
    })
}

/// `s` without a bracket that closes an aside it stands at the end of, nor the full stop
/// before that: "[Guests: ..., vice-chair of the Phu Hoa Dong Rice Paper Cooperative.]".
fn without_closing_bracket(s: &str) -> &str {
    let Some(r) = s.strip_suffix([']', ')']) else {
        return s;
    };
    let (open, close) = if s.ends_with(']') {
        ('[', ']')
    } else {
        ('(', ')')
    };
    if s.matches(open).count() < s.matches(close).count() {
        r.strip_suffix('.').unwrap_or(r)
    } else {
        s
    }
}

/// "Leader of Harbridge Borough Council" → ("Leader", "Harbridge Borough Council").
fn split_of_org(ctx: &Context<'_>, start: usize, end: usize) -> (usize, Option<String>) {
    let (cut, mut org) = split_org_at(ctx, start, end);
    if let Some(o) = org.as_mut() {
        let kept = without_closing_bracket(o).len();
        o.truncate(kept);
    }
    // A unit of the organisation after "at the" is no part of the post: "walrus specialist
    // at the Pacific branch of VNIRO" gives "walrus specialist" and "VNIRO".
    if org.as_ref().is_some_and(|o| !o.is_empty()) {
        let text = &ctx.doc.text;
        if text[cut..end].starts_with(" of ") {
            if let Some(k) = text[start..cut].find(" at the ") {
                let unit = text[start + k + 8..cut].rsplit(' ').next().unwrap_or("");
                if unit.starts_with(|c: char| c.is_ascii_lowercase()) {
                    return (start + k, org);
                }
            }
        }
    }
    (cut, org)
}

fn split_org_at(ctx: &Context<'_>, start: usize, end: usize) -> (usize, Option<String>) {
    let text = &ctx.doc.text;
    let phrase = &text[start..end];
    // An employer after " at " or " with " (below); else the first " of ", " at " or " for "
    // after which a name ends in an organisation word:
    // "head of UK equities for Standard Life Investments" splits at " for ", "secretary
    // general of the Association of European Airlines" at its first " of ".
    // (Not a portfolio's connector: "Minister responsible for Seabed Minerals", "Vice Mayor in
    // charge of Social Affairs", "with responsibility for the Office of Public Works".)
    // (Or " in " and a named body after its article: "chief expert in the Water Supply and
    // Sewerage Services Directorate".)
    let mut seps: Vec<(usize, usize)> =
        [" of ", " at ", " for ", " with ", " from ", " to ", " in "]
            .iter()
            .flat_map(|sep| phrase.match_indices(sep).map(|(i, m)| (i, m.len())))
            .filter(|&(i, _)| {
                !phrase[..i].ends_with(" responsible")
                    && !phrase[..i].ends_with(" with responsibility")
                    && !phrase[..i].ends_with(" charge")
            })
            .filter(|&(i, n)| {
                &phrase[i..i + n] != " in "
                    || phrase[i + n..].strip_prefix("the ").is_some_and(|r| {
                        // (A name to its end, not a description: "in the Reagan
                        // administration".)
                        r.starts_with(char::is_uppercase)
                            && r.rsplit(' ')
                                .next()
                                .is_some_and(|w| w.starts_with(char::is_uppercase))
                    })
            })
            // ("to" after one who advises an organisation only: "programme adviser to the Nils
            // Aasen Memorial Fund", not "ambassador to France".)
            .filter(|&(i, n)| {
                &phrase[i..i + n] != " to "
                    || matches!(
                        phrase[..i].rsplit(' ').next().unwrap_or(""),
                        "adviser" | "advisor" | "consultant" | "counsel" | "auditor" | "solicitor"
                    )
            })
            // (A place's last word after "from" names where the person comes from: "a district
            // nurse from Spean Bridge", "a trader from Quay Street".)
            .filter(|&(i, n)| {
                &phrase[i..i + n] != " from "
                    || !matches!(
                        phrase.rsplit(' ').next().unwrap_or(""),
                        "Bridge"
                            | "Street"
                            | "Road"
                            | "Lane"
                            | "Drive"
                            | "Avenue"
                            | "Square"
                            | "Crescent"
                            | "Park"
                            | "Parade"
                            | "Quay"
                            | "Wharf"
                            | "Pier"
                    )
            })
            .collect();
    seps.sort_unstable();
    // A group named by the one who leads it is no organisation nor part of the post: "a
    // postdoctoral researcher in Professor Ko's group".
    let by_leader = ["group", "lab", "laboratory", "team"]
        .iter()
        .any(|g| phrase.ends_with(g));
    if let Some(i) = by_leader.then(|| phrase.find(" in ")).flatten() {
        let rest = &phrase[i + 4..];
        if rest.starts_with(char::is_uppercase)
            && rest.split(' ').count() <= 4
            && ["'s ", "’s "].iter().any(|p| {
                rest.split_once(p)
                    .is_some_and(|(_, g)| matches!(g, "group" | "lab" | "laboratory" | "team"))
            })
        {
            return (start + i, Some(String::new()));
        }
    }
    // A name after "of" that the text then calls an organisation: "the convenor of Lamma
    // Turtle Watch, a volunteer group that patrols …".
    let first_of = seps
        .iter()
        .find(|&&(i, n)| &phrase[i..i + n] == " of ")
        .map(|&(i, _)| i);
    // A Minister's "of" names the portfolio, whatever its words: "Vice Minister of Cooperative
    // Mining" (but "Minister of Finance of Iceland" is split at its second "of"; a church's
    // minister is written in lower case).
    if let Some(i) = first_of {
        if phrase[..i]
            .rsplit(' ')
            .next()
            .is_some_and(|h| h == "Minister")
            && !phrase[i + 4..].contains(" of ")
            && !phrase[i + 4..].contains('(')
            && phrase[i + 4..]
                .match_indices(", ")
                .all(|(c, _)| in_subject_list(ctx.rules, phrase, i + 4 + c))
        {
            return (end, None);
        }
    }
    if let Some(i) = first_of {
        let name = &phrase[i + 4..];
        // (Or "the": "a former director of Darling Downs Civil, the company that built the
        // bridge".)
        let apposed = text[end..]
            .strip_prefix(", a ")
            .or_else(|| text[end..].strip_prefix(", an "))
            .or_else(|| text[end..].strip_prefix(", the "))
            .is_some_and(|r| {
                r.split([' ', ','])
                    .take(4)
                    .take_while(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                    .any(|w| ctx.rules.organisation_kinds.contains(w))
            });
        if apposed
            && name.starts_with(char::is_uppercase)
            && name
                .split(' ')
                .all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
        {
            return (start + i, Some(name.to_string()));
        }
    }
    // A unit in lower case of a named organisation that owns it: "founding director of the
    // Portobello Marine Laboratory's harbour monitoring programme" gives the laboratory.
    if let Some(i) = first_of {
        let name = &phrase[i + 4..];
        let name = name.strip_prefix("the ").unwrap_or(name);
        if let Some((owner, unit)) = name.split_once("'s ").or_else(|| name.split_once("’s ")) {
            let owner_words: Vec<&str> = owner.split(' ').collect();
            if owner.starts_with(char::is_uppercase)
                && owner_words.len() <= 6
                && owner_words.iter().all(|w| name_particle_or_capital(w))
                && owner_words
                    .last()
                    .is_some_and(|w| ctx.rules.organisation_words.contains(*w))
                && (1..=4).contains(&unit.split(' ').count())
                && unit
                    .split(' ')
                    .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            {
                return (start + i, Some(owner.to_string()));
            }
        }
    }
    // A local unit in lower case of a named organisation is the organisation, with its unit:
    // "chair of the regional branch of the Syndicate of Bulgarian Teachers" gives "chair" of
    // the "regional branch of the Syndicate of Bulgarian Teachers".
    if let Some(i) = first_of.filter(|_| phrase.starts_with(|c: char| c.is_lowercase())) {
        if let Some(name) = phrase[i + 4..].strip_prefix("the ") {
            if let Some((unit, owner)) = name.split_once(" of ") {
                let owner = owner.strip_prefix("the ").unwrap_or(owner);
                let unit_words: Vec<&str> = unit.split(' ').collect();
                if (1..=3).contains(&unit_words.len())
                    && unit_words
                        .iter()
                        .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                    && matches!(
                        unit_words.last().copied(),
                        Some("branch" | "chapter" | "section" | "division" | "wing")
                    )
                    && owner.starts_with(char::is_uppercase)
                    && owner.split(' ').all(name_particle_or_capital)
                {
                    return (start + i, Some(name.to_string()));
                }
            }
        }
    }
    // A head in lower case before "of the" and a name: "the president of the Women's
    // Fellowship" (a title in capitals stays whole: "Minister of the Interior"; so do a body,
    // "chairman of the Board", and a place named in the plural, "governor of the Bahamas").
    if let Some(i) = first_of.filter(|_| phrase.starts_with(|c: char| c.is_lowercase())) {
        if let Some(name) = phrase[i + 4..].strip_prefix("the ") {
            let words: Vec<&str> = name.split(' ').collect();
            let last = words.last().copied().unwrap_or("");
            // (Up to five capitalised words, particles aside: "the Observatoire Volcanologique
            // du Piton de la Fournaise".)
            let capitalised = words.iter().filter(|w| !NAME_PARTICLES.contains(w)).count();
            if (1..=5).contains(&capitalised)
                && words.len() <= 8
                && words[0].starts_with(char::is_uppercase)
                && words
                    .iter()
                    .all(|w| name_particle_or_capital(w))
                && !ctx.rules.organisation_bodies.contains(last)
                && (!last.ends_with('s') || ctx.rules.organisation_words.contains(last))
                // (Its title's words in lower case too: "deputy chair of the Domowina".)
                && phrase[..i].split(' ').count() <= 3
                && phrase[..i]
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-')
            {
                return (start + i, Some(name.to_string()));
            }
        }
    }
    // A name after "of" that ends in an organisation's word in lower case after its place:
    // "a member of Moskenes municipal council".
    // (After "the" too: "commander of the Carabinieri station"; or after "at": "harbour
    // master at Kärdla port", "chief winemaker at the Shilda cooperative cellar".)
    // (Or after "in the": "a reindeer herder in the Jovnevaerie sameby".)
    let first_at = seps
        .iter()
        .find(|&&(i, n)| &phrase[i..i + n] == " at ")
        .map(|&(i, _)| i);
    let in_the = phrase.find(" in the ");
    for i in first_of.into_iter().chain(first_at).chain(in_the) {
        let name = &phrase[i + 4..];
        let name = name.strip_prefix("the ").unwrap_or(name);
        // (Its place after "in" aside: "the Ifremer centre in Vairao".)
        let name = match name.find(" in ") {
            Some(k)
                if name[k + 4..].starts_with(char::is_uppercase)
                    && name[k + 4..]
                        .split(' ')
                        .all(|w| w.starts_with(char::is_uppercase)) =>
            {
                &name[..k]
            }
            _ => name,
        };
        let words: Vec<&str> = name.split(' ').collect();
        // (Or after a place of two words: "former director of the Contrada Imbriacola
        // centre".)
        let lower = |w: &&str| w.bytes().all(|b| b.is_ascii_lowercase());
        // (Not past a connector, which starts another phrase: "Assistant Director of Nursing
        // at the hospital".)
        let connector = |w: &&str| matches!(*w, "at" | "the" | "of" | "for" | "in" | "with" | "to");
        if (2..=4).contains(&words.len())
            && words[0].starts_with(char::is_uppercase)
            && !words[1..].iter().any(connector)
            && (words[1..].iter().all(lower)
                || (words.len() == 3
                    && words[1].starts_with(char::is_uppercase)
                    && !words[1].contains(['\'', '’'])
                    && lower(&words[2])))
            && words.last().is_some_and(|w| lower_org_word(ctx, w, false))
        {
            return (start + i, Some(name.to_string()));
        }
    }
    // A named branch of an organisation after "of the": "chairman of the Uummannaq branch of
    // KNAPK" gives "chairman" and the branch with its organisation.
    if let Some(i) = first_of {
        // (A second "of" first: most phrases have one only.)
        if let Some(tail) = phrase[i + 4..]
            .strip_prefix("the ")
            .filter(|t| t.contains(" of "))
        {
            let words: Vec<&str> = tail.split(' ').collect();
            if let Some(u) = words.iter().position(|w| BRANCHES.contains(w)) {
                if (1..=3).contains(&u)
                    && words[..u].iter().all(|w| w.starts_with(char::is_uppercase))
                    && words.get(u + 1) == Some(&"of")
                    && words
                        .get(u + 2)
                        .is_some_and(|w| w.starts_with(char::is_uppercase))
                {
                    return (start + i, Some(clean_org(tail)));
                }
            }
        }
    }
    // A unit in lower case of a named organisation after "with" or "at": "an architect with
    // the provincial office of the Ministry of Cultural Heritage".
    for &(i, n) in &seps {
        if !matches!(&phrase[i..i + n], " with " | " at ") {
            continue;
        }
        if let Some(tail) = phrase[i + n..].strip_prefix("the ") {
            if let Some((unit, name)) = tail.split_once(" of the ") {
                let unit_words: Vec<&str> = unit.split(' ').collect();
                if unit_words.len() <= 3
                    && unit_words
                        .iter()
                        .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
                    && lower_org_word(ctx, unit_words[unit_words.len() - 1], false)
                    && name.starts_with(char::is_uppercase)
                {
                    return (start + i, Some(clean_org(tail)));
                }
            }
        }
    }
    // A spokesperson's employer after "for", whatever its words: "spokeswoman for
    // Rijkswaterstaat Zee en Delta".
    if let Some(i) = phrase.find(" for ") {
        let head = phrase[..i].rsplit(' ').next().unwrap_or("");
        if crate::text::with_lower(head, |h| ctx.rules.speaker_heads.contains(h)) {
            let mut org = clean_org(&phrase[i + 5..]);
            // (Where it sits is no part of it: "a spokesperson for the Ministry of
            // Infrastructure and Energy in Tirana".)
            if let Some(k) = org.rfind(" in ") {
                let place = &org[k + 4..];
                let named = org[..k]
                    .split(' ')
                    .any(|w| ctx.rules.organisation_words.contains(w));
                if named
                    && (1..=3).contains(&place.split(' ').count())
                    && place.split(' ').all(|w| w.starts_with(char::is_uppercase))
                {
                    org.truncate(k);
                }
            }
            if org.starts_with(char::is_uppercase) && !org.contains(", ") {
                return (start + i, Some(org));
            }
        }
    }
    // A document that the text speaks of is no organisation, nor part of the post: "lead
    // author of the study", "co-author of the paper".
    if let Some(&(i, _)) = seps.last() {
        if let Some(doc) = phrase[i..].strip_prefix(" of the ") {
            if ctx.rules.source_nouns.get(doc) == Some(&"document") {
                return (start + i, Some(String::new()));
            }
        }
    }
    // (A company's form written in lower case with its dots is a name's word: "Shkodra Bus
    // sh.a.", "Gradnja d.o.o.".)
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || NAME_PARTICLES.contains(&w)
            || (w.contains('.') && ctx.rules.organisation_words.contains(w))
    };
    // A name in a language that writes its words after the first in lower case, which its
    // first word shows to be an organisation's (or an acronym) and a connector of that
    // language joins: "secretary general of the Syndicat guadeloupéen des personnels de
    // santé", "wine adviser at the Chambre d'agriculture de Corse-du-Sud", "director general
    // of the CHU de Guadeloupe".
    let romance = |org: &str| {
        let words: Vec<&str> = org.split(' ').collect();
        let first = words[0];
        let opens = first.starts_with(char::is_uppercase)
            && (ctx.rules.organisation_words.contains(first)
                || (first.len() >= 2
                    && first.bytes().all(|b| b.is_ascii_uppercase())
                    && !ctx.rules.non_org_acronyms.contains(first)));
        let joined = words[1..].iter().any(|w| {
            matches!(
                *w,
                "de" | "des" | "du" | "della" | "delle" | "di" | "del" | "dos" | "das"
            ) || w.starts_with("d'")
                || w.starts_with("d’")
                || w.starts_with("l'")
                || w.starts_with("l’")
        });
        opens && joined && words.len() <= 10 && !org.contains(',')
    };
    for &(i, n) in &seps {
        if !matches!(&phrase[i..i + n], " of " | " at " | " with ") {
            continue;
        }
        let Some(tail) = phrase[i + n..].strip_prefix("the ") else {
            continue;
        };
        let org = clean_org(tail);
        if romance(&org) {
            return (start + i, Some(org));
        }
    }
    // A named unit after "of" that a larger body after "at" holds is the employer: "deputy
    // director of the Mekong Delta Water Research Institute at Cần Thơ University" gives the
    // institute.
    for &(i, n) in &seps {
        if &phrase[i..i + n] != " at " || !phrase[i + n..].starts_with(char::is_uppercase) {
            continue;
        }
        let Some(k) = phrase[..i].find(" of ") else {
            continue;
        };
        let unit = &phrase[k + 4..i];
        let unit = unit.strip_prefix("the ").unwrap_or(unit);
        let words: Vec<&str> = unit.split(' ').collect();
        if words.len() >= 2
            && words.len() <= 8
            && words[0].starts_with(char::is_uppercase)
            && words.iter().all(|w| name_particle_or_capital(w))
            && words.last().is_some_and(|w| {
                ctx.rules.organisation_words.contains(*w)
                    && !ctx.rules.organisation_subjects.contains(*w)
            })
        {
            return (start + k, Some(clean_org(unit)));
        }
    }
    // An employer after "at" or "with" is a name, whatever its last word: "economist at
    // Lehman Brothers in Tokyo" gives "economist" and "Lehman Brothers" (the place after "in"
    // left out); "chief of staff at the time" stays whole.
    for &(i, n) in &seps {
        if !matches!(&phrase[i..i + n], " at " | " with ") {
            continue;
        }
        let tail = &phrase[i + n..];
        let tail = match tail.find(" in ") {
            Some(k) if tail[k + 4..].split_whitespace().all(name_word) => &tail[..k],
            _ => tail,
        };
        let mut org = clean_org(tail);
        if org.starts_with(char::is_uppercase) && org.split_whitespace().all(name_word) {
            // (Nor a place after a comma: "historian at Shirak State University, Gyumri".)
            drop_place_after(ctx, &mut org);
            return (start + i, Some(org));
        }
        // "director of nursing at the trust": an organisation word alone after "the".
        if tail.starts_with("the ")
            && org.bytes().all(|b| b.is_ascii_lowercase())
            && !org.is_empty()
            // (A subject's word too: "a structural engineer with the programme".)
            && lower_org_word(ctx, &org, true)
        {
            return (start + i, Some(org));
        }
    }
    // A department after "in the": "associate professor in the Department of Anthropology".
    if let Some(i) = phrase.find(" in the ") {
        let org = clean_org(&phrase[i + 8..]);
        let words: Vec<&str> = org.split_whitespace().collect();
        if words.first().is_some_and(|w| {
            w.starts_with(char::is_uppercase) && ctx.rules.organisation_words.contains(*w)
        }) && words.iter().all(|w| name_word(w))
            && !phrase[..i].contains(" of ")
        {
            return (start + i, Some(org));
        }
    }
    // A body one sits on after "on the": "a councillor on the Huon Municipal Council", "a
    // member on the Water Board" (a name that ends in an organisation's word).
    if let Some(i) = phrase.find(" on the ") {
        let org = clean_org(&phrase[i + 8..]);
        let words: Vec<&str> = org.split_whitespace().collect();
        if words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words.iter().all(|w| name_word(w))
            && words
                .last()
                .is_some_and(|w| ctx.rules.organisation_words.contains(*w))
        {
            return (start + i, Some(org));
        }
    }
    // A title, a comma and its employer's name: "press officer, Ministry of Tourism and
    // Commerce" (the title's head ends at the comma, an organisation's word in the name),
    // or a municipality's: "Communications Coordinator, Village of Masset".
    // (Its place in brackets after it aside: "Programme Officer, Bahari Hai Trust (Chake
    // Chake)"; or a name in a language that writes its words in lower case: "cantonal
    // geologist, Service des dangers naturels".)
    if let Some(c) = phrase.find(", ") {
        let mut rest = clean_org(&phrase[c + 2..]);
        if let Some(k) = rest.rfind(" (") {
            if rest.ends_with(')') && qualifier_bracket(&rest[k + 1..]) == Some(rest.len() - k - 1)
            {
                rest.truncate(k);
            }
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        let municipality = words.len() >= 3
            && words[1] == "of"
            && crate::text::with_lower(words[0], |l| ctx.rules.place_nouns.contains(l));
        if rest.starts_with(char::is_uppercase)
            && !legal_form(&rest)
            && ((words.iter().all(|w| name_word(w))
                && (municipality
                    || words.iter().any(|w| {
                        ctx.rules
                            .organisation_words
                            .contains(w.trim_end_matches(','))
                    })))
                || romance(&rest)
                // (Or a place and an organisation's words in lower case: "fire chief,
                // Steinkjer fire and rescue service", "adviser, Steinkjer kommune".)
                || ((2..=6).contains(&words.len())
                    && words[1..]
                        .iter()
                        .all(|w| w.starts_with(|c: char| c.is_lowercase()))
                    && words.last().is_some_and(|w| lower_org_word(ctx, w, false)))
                || credit_line_employer(ctx, text, start, start + phrase.len(), &words))
            && heads(ctx, start, start + c, true).iter().any(|h| {
                // (Or before the head's qualifier: "Subject Matter Specialist
                // (Horticulture), Krishi Vigyan Kendra".)
                h.1 == start + c
                    || text[h.1..start + c].strip_prefix(' ').is_some_and(|q| {
                        q.starts_with('(') && qualifier_bracket(q) == Some(q.len())
                    })
            })
        {
            // (Its place after a comma aside: "Krishi Vigyan Kendra, Sharbo".)
            let mut rest = rest;
            drop_place_after(ctx, &mut rest);
            return (start + c, Some(rest));
        }
    }
    // A separator inside a title of several words is no split: "Member of Parliament for …".
    // (Up to three words after it: "Member of the Scottish Parliament for Fife".)
    let seps: Vec<(usize, usize)> = seps
        .into_iter()
        .filter(|&(i, n)| {
            // (Further than one word only after "the": most separators have none.)
            let reach = if phrase[i + n..].starts_with("the ") {
                3
            } else {
                1
            };
            let ends = phrase[i + n..]
                .match_indices(' ')
                .map(|(k, _)| i + n + k)
                .chain([phrase.len()])
                .take(reach);
            !ends.into_iter().any(|j| {
                let through = &phrase[..j];
                through
                    .match_indices(' ')
                    .map(|(k, _)| k + 1)
                    .filter(|&k| k <= i)
                    .chain([0])
                    .any(|k| {
                        crate::text::with_lower(&through[k..], |l| {
                            ctx.rules.role_head_set.contains(l)
                        })
                    })
            })
        })
        .collect();
    let org_word = |w: &str| {
        ctx.rules.organisation_words.contains(w) || w.starts_with(|c: char| c.is_ascii_digit())
    };
    let last = phrase.split_whitespace().last().unwrap_or("");
    // (Or a name that ends in an acronym of its own: "principal of Kilkenny CBS", the
    // acronym being no place's: "Mayor of Kansas City MO" is whole.)
    let ends_org = org_word(last)
        || ((2..=6).contains(&last.len())
            && last.bytes().all(|b| b.is_ascii_uppercase())
            && !ctx.rules.non_org_acronyms.contains(last)
            && phrase
                .split_whitespace()
                .rev()
                .nth(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase) && w.len() > 1));
    // A post held only inside an organisation names its employer after "of", whatever the
    // name's last word: "Chief Executive of Ferncastle" (but "Mayor of Northfold" is whole).
    let employer_before = |i: usize| {
        ctx.rules.employer_heads.iter().any(|h| {
            let before = &phrase[..i];
            before.len() >= h.len()
                && before.is_char_boundary(before.len() - h.len())
                && before[before.len() - h.len()..].eq_ignore_ascii_case(h)
                && before[..before.len() - h.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c == ' ' || c == '-')
        })
    };
    for &(i, n) in &seps {
        // A subject, then the organisation after a comma: "Head of Public Relations, City
        // Municipality of Maribor" (the subject stays in the title).
        if let Some(c) = phrase[i + n..].find(", ") {
            let (subject, rest) = (&phrase[i + n..i + n + c], &phrase[i + n + c + 2..]);
            let rest_words: Vec<&str> = rest.split_whitespace().collect();
            // (Or any portfolio after "for" with no organisation's word: "Secretary for
            // Tourism, Municipality of Kotor".)
            // (Not a list of subjects: "Secretary of State for Culture, Media and Sport".)
            let portfolio = &phrase[i..i + n] == " for "
                && !subject
                    .split(' ')
                    .any(|w| ctx.rules.organisation_words.contains(w))
                && !in_subject_list(ctx.rules, phrase, i + n + c);
            if (portfolio
                || subject
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| ctx.rules.organisation_subjects.contains(w)))
                && subject
                    .split(' ')
                    .all(|w| w.starts_with(char::is_uppercase))
                && rest.starts_with(char::is_uppercase)
                && rest_words.iter().all(|w| name_word(w))
                && rest_words.iter().any(|w| org_word(w.trim_end_matches(',')))
            {
                return (start + i + n + c, Some(clean_org(rest)));
            }
        }
        // A place after the name: "manager of Florence Barraclough House in Keynsham",
        // "co-owner of Polgarrow Flower Farm on St Martin's".
        let tail = &phrase[i + n..];
        // (Not a body's subject after "on": "the Committee on Fisheries", "Commission on
        // Human Rights".)
        let on_subject = |k: usize| {
            tail[k..].starts_with(" on ")
                && tail[..k].rsplit(' ').next().is_some_and(|w| {
                    ctx.rules.organisation_bodies.contains(w)
                        || matches!(
                            w,
                            "Commission" | "Council" | "Panel" | "Conference" | "Forum"
                        )
                })
        };
        let tail = match tail.rfind(" in ").or_else(|| tail.rfind(" on ")) {
            Some(k)
                if k > 0
                    && !on_subject(k)
                    && (tail[k + 4..].starts_with(char::is_uppercase)
                        && tail[k + 4..].split_whitespace().all(|w| {
                            w.starts_with(char::is_uppercase)
                                || ctx.rules.place_nouns.contains(w.trim_end_matches(','))
                        })
                        // (Or a place in lower case after "the": "owner of Kohvik Liiv on
                        // the seafront".)
                        || lower_place(&tail[k + 4..]))
                    // (The organisation's word may stand before its own name's end:
                    // "rector of the Church of St Nicholas in Khandyga".)
                    && (tail[..k].split_whitespace().any(org_word)
                        // (Or after an employer's name: "general manager of Half Moon
                        // Divers in West End".)
                        || (&phrase[i..i + n] == " of "
                            && tail.starts_with(char::is_uppercase)
                            && employer_before(i))) =>
            {
                &tail[..k]
            }
            _ => tail,
        };
        let mut org = clean_org(tail);
        // Words in lower case before a name describe it: "its new Centre for Coastal
        // Resilience".
        if let Some(k) = org.find(|c: char| c.is_uppercase()) {
            let lead = &org[..k];
            // (A subject and a later separator stay in the title: "director of tourism for
            // the Municipality of Roatán" splits at " for ".)
            if lead
                .split_whitespace()
                .any(|w| matches!(w, "for" | "at" | "with"))
            {
                continue;
            }
            if !lead.is_empty() && lead.ends_with(' ') && lead.split_whitespace().count() <= 3 {
                org = org[k..].to_string();
            }
        }
        // (So does a capitalised subject: "Director of Culture for the Municipality of
        // Guanajuato".)
        if &phrase[i..i + n] == " of " {
            if let Some(f) = org.find(" for ") {
                let (subject, rest) = (&org[..f], &org[f + 5..]);
                if subject.split(' ').count() <= 3
                    && !subject.split(' ').any(org_word)
                    && rest.split_whitespace().any(org_word)
                {
                    continue;
                }
            }
        }
        let words: Vec<&str> = org.split_whitespace().collect();
        // (A coordination of subjects after "for" is a portfolio: "Minister for Infrastructure
        // and Sustainable Energy", "Special Assistant for Homeland Security and Emergency
        // Management"; its subject words name no organisation.)
        let portfolio = &phrase[i..i + n] == " for " && words.contains(&"and");
        // "Head of Communications" names a department; "Nordhavn Communications" a company.
        // So do a subject's own modifiers: "Director of Corporate Communications", "Head of
        // Children's Services" (but "the Mauritius Meteorological Services" is named).
        let named_word = |v: &&str| {
            v.starts_with(char::is_uppercase)
                && !v.ends_with("'s")
                && !v.ends_with("’s")
                && !crate::text::with_lower(v, |l| ctx.rules.title_modifiers.contains(l))
        };
        // (A place after a comma aside: "Minister for Local Government, Gilgit-Baltistan".)
        let core: Vec<&str> = match org.split_once(", ") {
            Some((core, place))
                if place
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase) && !org_word(w)) =>
            {
                core.split_whitespace().collect()
            }
            _ => words.clone(),
        };
        if let Some((last, before)) = core.split_last() {
            // (After "the", two words name it too: "the Environmental Defense Fund".)
            let the = phrase[i + n..].starts_with("the ") && before.len() >= 2;
            if ctx.rules.organisation_subjects.contains(*last)
                && (portfolio || (!the && !before.iter().any(named_word)))
            {
                continue;
            }
        }
        // "Leader of the Council": an organisation word alone after "the" names no one
        // organisation; the title stays whole. A body with a name is one: "Chair of the
        // Environment and Transport Committee" gives "Chair" and the committee.
        // (In lower case it is the one the text speaks of: "chair of the trust" gives
        // "chair" and "trust", as "the trust's chair" would.)
        let capitalised_alone = words.len() == 1 && words[0].starts_with(char::is_uppercase);
        // (But an acronym names one: "Chairman of the DPC".)
        let acronym = words.len() == 1
            && words[0].len() >= 2
            && words[0].bytes().all(|b| b.is_ascii_uppercase());
        // (Or one alone after "of", but a place's stays: "Director General of ZNPHI",
        // "Premier of NSW".)
        if acronym
            && &phrase[i..i + n] == " of "
            && (phrase[i + n..].starts_with("the ") || words[0].len() >= 3)
            && !ctx.rules.non_org_acronyms.contains(words[0])
        {
            return (start + i, Some(org));
        }
        // (A body of something: "Chairman of the Board of Directors", "Chair of the Board of
        // Trustees".)
        let body_of = words.len() >= 3
            && words[1] == "of"
            && ctx.rules.organisation_bodies.contains(words[0]);
        if phrase[i + n..].starts_with("the ") && (capitalised_alone || body_of) {
            continue;
        }
        // (Nor one without "the": "Head of Department", "Clerk of Council" name a post.)
        if capitalised_alone && &phrase[i..i + n] == " of " && org_word(words[0]) {
            continue;
        }
        // The name holds an organisation word: "the Pine County Office of Small Business",
        // "the All-Party Parliamentary Group on Rural Services", "the University of Illinois
        // College of Law", "Appliance Workers Local 418". A subject word counts after a name
        // only ("Culture, Media and Sport" is a portfolio).
        let inner_org = || {
            words.iter().enumerate().any(|(k, w)| {
                let w = w.trim_end_matches(',');
                if ctx.rules.organisation_subjects.contains(w) {
                    !portfolio
                        && k > 0
                        && words[k - 1].starts_with(char::is_uppercase)
                        && !words[k - 1].ends_with(',')
                } else {
                    org_word(w)
                }
            })
        };
        let named = words.iter().all(|w| name_word(w) || *w == "on");
        let employer = || {
            &phrase[i..i + n] == " of " && org.starts_with(char::is_uppercase) && employer_before(i)
        };
        if named && !words.is_empty() && (ends_org || inner_org() || employer()) {
            // A place after the organisation is not its name: "rector of St. Paul's Anglican
            // Church, Knowlton".
            if let Some(c) = org.find(", ") {
                if org[..c].rsplit(' ').next().is_some_and(org_word)
                    && org[c + 2..]
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
                {
                    org.truncate(c);
                }
            }
            // A unit of the organisation named after the comma is the post's: "Head of the
            // Airports Division, Ministry of Public Works" holds "Head of the Airports
            // Division" at the ministry (an organisation's word in its name, not a body's
            // last).
            if let Some(c) = org.find(", ") {
                let employer = &org[c + 2..];
                if org[..c].rsplit(' ').next().is_some_and(|u| {
                    matches!(
                        u,
                        "Division" | "Department" | "Unit" | "Section" | "Directorate" | "Branch"
                    )
                }) && employer.split(' ').count() >= 2
                    && employer.split(' ').all(name_word)
                    && employer.split(' ').any(org_word)
                    && !employer
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| ctx.rules.organisation_bodies.contains(w))
                {
                    if let Some(k) = phrase[i + n..].find(", ") {
                        return (start + i + n + k, Some(employer.to_string()));
                    }
                }
            }
            return (start + i, Some(org));
        }
        // An organisation in lower case after "of the", "for the": "spokesman for the state's
        // economic development agency" gives "state's economic development agency".
        // (Not a body inside one, which stays in the title: "chair of the organising
        // committee".)
        // (Or "this", "our": "treasurer of this mosque".)
        if ["the ", "this ", "our "]
            .iter()
            .any(|d| phrase[i + n..].starts_with(d))
            && !org.is_empty()
            && org.is_ascii()
            && !words.is_empty()
            && !org.contains(|c: char| c.is_uppercase())
            && lower_org_word(ctx, org.rsplit(' ').next().unwrap_or(""), false)
            && !(&phrase[i..i + n] == " of "
                && ctx.rules.organisation_bodies.contains(
                    crate::text::capitalise_first(org.rsplit(' ').next().unwrap_or("")).as_str(),
                ))
        {
            return (start + i, Some(org));
        }
    }
    // A name after a kind of organisation: "chairman of Doha homeware retailer Lusail Home",
    // "export director at the Bursa towel maker İpekçi Tekstil"; or a name and its kind:
    // "board member of the Fernheim cooperative".
    for &(i, n) in &seps {
        let tail = phrase[i + n..].trim_end_matches([',', ';', ':']);
        let tail = tail.strip_prefix("the ").unwrap_or(tail);
        // (Or after "a": "owner of a Tartu-based supply company".)
        let tail = ["a ", "an "]
            .iter()
            .find_map(|a| tail.strip_prefix(a))
            .filter(|t| {
                t.starts_with(char::is_uppercase)
                    // (A nationality names none: "head of a Malaysian retailer".)
                    && !ctx.rules.demonyms.contains(t.split(' ').next().unwrap_or(""))
            })
            .unwrap_or(tail);
        // A place after the kind is where it is: "the Cornish Maid bakery on Trelowarren
        // Street", "the Gobi Herders' Cooperative Union in Dalanzadgad, Ömnögovi province".
        let tail = [" in ", " on "]
            .iter()
            .filter_map(|p| tail.find(p))
            .min()
            .filter(|&k| {
                let place = &tail[k + 4..];
                (place.starts_with(char::is_uppercase)
                    && place.split_whitespace().all(|w| {
                        w.starts_with(char::is_uppercase)
                            || ctx.rules.place_nouns.contains(w.trim_end_matches(','))
                    }))
                    // (Or in lower case: "owner of the Platani café on the main square".)
                    || lower_place(place)
            })
            .map_or(tail, |k| &tail[..k]);
        let words: Vec<&str> = tail.split_whitespace().collect();
        if words.len() > 7 {
            continue;
        }
        let capital = |w: &&str| w.starts_with(char::is_uppercase);
        // (An ampersand joins the name's words: "the Rotterdam roaster Bruin & Berg"; a legal
        // form in lower case ends them: "the running club Kajaanin Juoksijat ry".)
        let mut named = words
            .iter()
            .rev()
            .enumerate()
            .take_while(|(k, w)| {
                capital(w) || **w == "&" || (*k == 0 && ctx.rules.organisation_words.contains(**w))
            })
            .count();
        while named > 0 && !capital(&words[words.len() - named]) {
            named -= 1;
        }
        let kind = |w: &str| {
            let w = w.trim_end_matches(['\'', '’']);
            ctx.rules.organisation_kinds.contains(w)
                || w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .is_some_and(|b| ctx.rules.organisation_kinds.contains(b))
        };
        if named >= 1 && named < words.len() && words.len() - named <= 4 {
            let described = &words[..words.len() - named];
            // (A kind of two words, "think tank"; a place may open the description after its
            // article: "the Chișinău think tank Expert-Grup".)
            let n = described.len();
            let two = n >= 2 && kind(&format!("{} {}", described[n - 2], described[n - 1]));
            let opening = if matches!(described[0], "the" | "a" | "an") {
                2
            } else {
                1
            };
            if (kind(described[n - 1]) || two)
                && described.iter().skip(opening).all(|w| !capital(w))
            {
                let org = clean_org(&words[words.len() - named..].join(" "));
                if !org.is_empty() {
                    return (start + i, Some(org));
                }
            }
        }
        // (Particles may stand inside the name, "the Lista za Maribor group"; words in lower
        // case after it say what it does: "the Lac-Brome fire department", "the Vuna women's
        // club", "the Lalibela town culture and tourism office".)
        if let Some((last, before)) = words.split_last() {
            let named_to = before.iter().rposition(capital).map_or(0, |k| k + 1);
            let described = before.len() - named_to;
            if (1..=6).contains(&before.len())
                && before.first().is_some_and(capital)
                && described <= 4
                && before[..named_to].iter().all(|w| {
                    capital(w)
                        || (w.len() <= 3
                            && w.bytes().all(|b| b.is_ascii_lowercase())
                            // (A place after "in" is where: "the Office of Management and
                            // Budget in the Reagan administration".)
                            && !matches!(*w, "in" | "at" | "on"))
                })
                && before[named_to..].iter().all(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_lowercase() || matches!(c, '-' | '\'' | '’'))
                })
                // (A kind of two words: "the Kibeho mission health post".)
                && (kind(last)
                    || described >= 1 && kind(&format!("{} {last}", before[before.len() - 1])))
            {
                return (start + i, Some(clean_org(tail)));
            }
        }
    }
    // A workplace that a place and common nouns describe names no employer and is no part of
    // the post: "a fish trader at the Galle central market".
    // (Its " at " is one of the connectors found above.)
    let at_the = seps
        .iter()
        .find(|&&(i, n)| n == 4 && phrase[i..].starts_with(" at the "))
        .map(|&(i, _)| i);
    if phrase.starts_with(|c: char| c.is_lowercase()) {
        if let Some(k) = at_the {
            let words: Vec<&str> = phrase[k + 8..].split(' ').collect();
            if (2..=4).contains(&words.len())
                && words[0].starts_with(char::is_uppercase)
                && words[1..]
                    .iter()
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
            {
                return (start + k, Some(String::new()));
            }
        }
    }
    if seps.is_empty() || !ends_org {
        return (end, None);
    }
    // Else the name that ends the phrase, after a description of it: "president of industry
    // forecaster Retail Consulting Group" gives "president" and "Retail Consulting Group".
    let (i, n) = seps[0];
    let tail = &phrase[i + n..];
    let words: Vec<&str> = tail.split_whitespace().collect();
    let named = words.iter().rev().take_while(|w| name_word(w)).count();
    let org = words[words.len() - named..].join(" ");
    let described = words.len() - named;
    if named >= 2 && (1..=3).contains(&described) && words[0].starts_with(char::is_lowercase) {
        return (start + i, Some(clean_org(&org)));
    }
    (end, None)
}

/// Cuts an organisation's name at a comma after its organisation word, where the place it is
/// in follows: "Shirak State University, Gyumri", "Krishi Vigyan Kendra, Sharbo".
fn drop_place_after(ctx: &Context<'_>, org: &mut String) {
    if let Some(c) = org.find(", ") {
        if org[..c]
            .rsplit(' ')
            .next()
            .is_some_and(|w| ctx.rules.organisation_words.contains(w))
        {
            org.truncate(c);
        }
    }
}

/// Trim articles, possessives, sentence openers and punctuation from an organisation.
/// `s` without an owner in lower case before a name, which is no part of it: "the city’s
/// Mobility Commission" names "Mobility Commission".
fn without_lower_owner(s: &str) -> &str {
    match s.split_once(' ') {
        Some((owner, rest))
            if owner.starts_with(|c: char| c.is_ascii_lowercase())
                && (owner.ends_with("'s") || owner.ends_with("’s"))
                && rest.starts_with(char::is_uppercase) =>
        {
            rest
        }
        _ => s,
    }
}

pub fn clean_org(s: &str) -> String {
    const LEADING: &[&str] = &[
        "the", "The", "a", "A", "an", "An", "its", "Its", "our", "Our", "their", "Their", "his",
        "His", "her", "Her", "my", "My", "your", "Your", "But", "And", "Or", "So", "Yet", "Former",
        "former", "Ex", "ex", "this", "This", "Current", "current",
    ];
    let mut s = without_closing_bracket(s.trim().trim_matches(|c: char| ",;:".contains(c))).trim();
    // A determiner last opens the role's own phrase, so the words before it are outside:
    // "Contact the treasurer, Mr John Doe".
    if s.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "the" | "a" | "an" | "its" | "our" | "their" | "his" | "her" | "my" | "your" | "this"
        )
    }) {
        return String::new();
    }
    // Its short name or acronym in brackets after it: "the Faroe Marine Research Institute
    // (Havstovan)".
    if let Some(k) = s.rfind(" (").filter(|_| s.ends_with(')')) {
        if !s[k + 2..s.len() - 1].contains(['(', ' ']) {
            s = s[..k].trim_end();
        }
    }
    while let Some(r) = LEADING
        .iter()
        .find_map(|w| s.strip_prefix(w).and_then(|r| r.strip_prefix([' ', '-'])))
    {
        s = r.trim_start();
    }
    // Where it is based describes it: "Miri-based Hock Seng Coffee Trading".
    if let Some((w, rest)) = s.split_once(' ') {
        if w.ends_with("-based") && rest.starts_with(char::is_uppercase) {
            s = rest;
        }
    }
    let s = without_lower_owner(s);
    // "New Home Secretary", "its next Vice-Chancellor": "new" or "next" alone names nothing
    // (but "New York" does, and so does the retailer "Next").
    if LEADING.contains(&s) || s.eq_ignore_ascii_case("new") || s == "next" {
        return String::new();
    }
    let s = super::people::strip_possessive(s);
    // A plural's possessive: "the Association of Chief Police Officers' spokesman".
    let s = match s.strip_suffix(['\'', '’']) {
        Some(r) if r.ends_with('s') => r,
        _ => s,
    };
    let mut s = crate::text::collapse(s);
    // A company's form in initials keeps the full stop that ended the sentence: "Australis
    // Polar Expeditions S.A.", not "S.A".
    if s.rsplit(' ').next().is_some_and(|w| {
        w.len() >= 3
            && w.contains('.')
            && w.split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    }) {
        s.push('.');
    }
    s
}

/// The length of a list of subjects that goes on a name from the comma `after` opens:
/// "Department of the Environment, Transport, Energy and Communications", "Committee on
/// Fisheries, Hunting and Agriculture" (`before` is the text up to the comma; its last word
/// follows a connector, the list's items are single capitalised words that are no given
/// names, and it closes with "and" or "&" and one or two more). None where the comma ends
/// the name: "Chair, General Dental Practice Committee", "Minister of Finance, Jane Roe".
fn subject_list_after(rules: &crate::rules::Rules, before: &str, after: &str) -> Option<usize> {
    let item = |w: &str| list_item(rules, w);
    let mut words = before.rsplit(' ');
    let last = words.next()?;
    // (The first item may be of two words: "Councillor for Public Works, Infrastructure and
    // Utilities".)
    let mut connector = words.next();
    if connector.is_some_and(&item) {
        connector = words.next();
    }
    if !item(last) || !matches!(connector, Some("of" | "for" | "on" | "the" | "and" | "&")) {
        return None;
    }
    let mut k = 0;
    loop {
        let rest = after[k..].strip_prefix(", ")?;
        k += 2;
        let w = &rest[..rest.find([' ', ',']).unwrap_or(rest.len())];
        if !item(w) {
            return None;
        }
        k += w.len();
        let Some(sep) = [" and ", " & "]
            .iter()
            .find(|s| after[k..].starts_with(**s))
        else {
            continue;
        };
        k += sep.len();
        // One or two words close it: "… and Communications", "… Food and Rural Affairs".
        let mut closing = 0;
        for w in after[k..].split(' ').take(2) {
            let bare = w.trim_end_matches([',', '.', ';', ')']);
            if !item(bare) {
                break;
            }
            k += bare.len() + usize::from(closing > 0);
            closing += 1;
            if bare.len() < w.len() {
                break;
            }
        }
        if closing == 0 {
            return None;
        }
        // (A name goes on no further: "… and Agriculture, said", "… and Fisheries.")
        let next = after[k..]
            .strip_prefix(' ')
            .and_then(|r| r.split(' ').next());
        return match next {
            Some(w) if w.starts_with(char::is_uppercase) => None,
            _ => Some(k),
        };
    }
}

/// A word that may stand in a list of subjects: capitalised, no given name nor honorific.
fn list_item(rules: &crate::rules::Rules, w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !rules.given_names.contains_key(w)
        && !rules.honorifics.contains_key(w)
}

/// Whether the comma at `i` of `s` stands inside a list of subjects (`subject_list_after`):
/// the one before "Energy" in "Department of the Environment, Transport, Energy and …".
fn in_subject_list(rules: &crate::rules::Rules, s: &str, i: usize) -> bool {
    let mut j = i;
    loop {
        let b = &s[..j];
        let w = b.rsplit(' ').next().unwrap_or("");
        match b[..b.len() - w.len()].strip_suffix(", ") {
            Some(r) if list_item(rules, w) => j = r.len(),
            _ => break,
        }
    }
    subject_list_after(rules, &s[..j], &s[j..]).is_some_and(|n| j + n > i)
}

/// Whether a cleaned organisation in lower case names one: by an organisation word ("the
/// council's finance chief") or as an owner ("the government's adviser"); "his partner",
/// "corporate vice president" and "the study's lead author" name none. One with a capital
/// letter or a digit always does.
fn names_org(ctx: &Context<'_>, raw: &str, org: &str) -> bool {
    if org.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return true;
    }
    let raw = raw.trim_end();
    lower_org_word(ctx, org.rsplit(' ').next().unwrap_or(org), true)
        // (A document owns no post: "the paper's first author".)
        || ((raw.ends_with("'s") || raw.ends_with("’s"))
            && ctx.rules.source_nouns.get(org) != Some(&"document"))
}

/// The role phrases on the line after a name that stands alone on its line (after "By" or
/// "Posted by", with post-nominals after it): each part between semicolons that ends in a head
/// or a capitalised word ("Courts Correspondent", "Health and science correspondent",
/// "Minister for Water"), not a headline ("Minister resigns over cuts").
fn line_roles(
    ctx: &Context<'_>,
    p: &PersonMention,
    people: &[PersonMention],
) -> (Vec<(usize, usize)>, Option<String>) {
    let out = line_role_spans(ctx, p, people);
    // The employer alone on the line after the titles, as signatures and press contacts give
    // it: "Kylie Roe" / "Senior Investigator" / "Hunter Regional Fire Investigation Unit".
    let org = out.last().and_then(|&(_, e)| {
        let text = &ctx.doc.text;
        let start = e + text[e..].find('\n')? + 1;
        let far = crate::text::ceil_boundary(text, start + 121);
        let end = text[start..far].find('\n').map_or(far, |k| start + k);
        let line = text[start..end].trim_end();
        let k = people.partition_point(|q| q.honorific_start.unwrap_or(q.start) < start);
        let person = people
            .get(k)
            .is_some_and(|q| q.honorific_start.unwrap_or(q.start) < end);
        if line.len() > 120 || person || line.contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        organisation_ending(ctx, line).and_then(|(at, org)| (at == 0).then_some(org))
    });
    (out, org)
}

/// The titles on the line after a name alone on its line (see [`line_roles`]).
fn line_role_spans(
    ctx: &Context<'_>,
    p: &PersonMention,
    people: &[PersonMention],
) -> Vec<(usize, usize)> {
    let text = &ctx.doc.text;
    let lead = p.honorific_start.unwrap_or(p.start);
    // (Most names stand inside a line: a look at the few bytes around the name says so, and
    // no search runs along a long line.)
    let near = crate::text::floor_boundary(text, lead.saturating_sub(16));
    let line_start = match text[near..lead].rfind('\n') {
        Some(k) => near + k + 1,
        None if near == 0 => 0,
        None => return Vec::new(),
    };
    let before = text[line_start..lead].trim();
    // (Or a title before the one the name took: "Ir. Haji Mohd Faizal bin Abdul Rahman".)
    if !["", "by", "posted by", "written by", "words by"]
        .iter()
        .any(|b| before.eq_ignore_ascii_case(b))
        && !before.split(' ').all(|w| {
            ctx.rules
                .honorifics
                .contains_key(w.strip_suffix('.').unwrap_or(w))
        })
    {
        return Vec::new();
    }
    let far = crate::text::ceil_boundary(text, p.end + 24);
    let Some(nl) = text[p.end..far].find('\n') else {
        return Vec::new();
    };
    let mut rest_end = p.end;
    if let Some((_, e)) = postnominal_after(ctx, p.end) {
        rest_end = e;
    }
    // Honours after the name of a signature: "Jane Roe, OBE", "Kenneth Lau, BBS, MH".
    while let Some(r) = text[rest_end..p.end + nl].strip_prefix(", ") {
        let w = r.split([',', ' ', '\n', '\r']).next().unwrap_or("");
        if !((2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()) || w == "PhD")
        {
            break;
        }
        rest_end += 2 + w.len();
    }
    // A courtesy title in brackets after the name: "Chikondi Mhango-Nyirenda (Mrs)".
    if let Some(r) = text[rest_end..p.end + nl].strip_prefix(" (") {
        if let Some((w, _)) = r.split_once(')') {
            if ctx.rules.honorifics.contains_key(w) {
                rest_end += 3 + w.len();
            }
        }
    }
    if !text[rest_end..p.end + nl].trim().is_empty() {
        return Vec::new();
    }
    let start = p.end + nl + 1;
    let far = crate::text::ceil_boundary(text, start + 121);
    let end = text[start..far].find('\n').map_or(far, |k| start + k);
    let line = &text[start..end];
    if line.trim().is_empty()
        || line.len() > 120
        || line.split_whitespace().count() > 14
        || line.trim_end().ends_with(['.', '!', '?', ':'])
        || line.contains(|c: char| c.is_ascii_digit())
    {
        return Vec::new();
    }
    // Nor the next entry of a list of people: "Mr Alfred Quayle MHK\nMrs Catriona Skillicorn".
    let k = people.partition_point(|q| q.honorific_start.unwrap_or(q.start) < start);
    if people
        .get(k)
        .is_some_and(|q| q.honorific_start.unwrap_or(q.start) < end)
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut s = start;
    for part in line.split(';') {
        let ps = s + part.len() - part.trim_start().len();
        let mut pe = s + part.trim_end().len();
        s += part.len() + 1;
        if pe <= ps {
            continue;
        }
        // (The employer's place in brackets after it aside: "Country Director, Pacific
        // Coastal Resilience Trust (Fiji)".)
        if let Some(k) = text[ps..pe].strip_suffix(')').and_then(|r| r.rfind(" (")) {
            if qualifier_bracket(&text[ps + k + 1..pe]) == Some(pe - ps - k - 1)
                && text[ps..ps + k].contains(", ")
            {
                pe = ps + k;
            }
        }
        let hs = heads(ctx, ps, pe, true);
        let last = last_word(&text[ps..pe]).1;
        let ends_well = hs.iter().any(|h| h.1 == pe) || last.starts_with(char::is_uppercase);
        if hs.is_empty() || !ends_well {
            continue;
        }
        // Titles joined by "and", each ending in its head: "DISTRICT COMMISSIONER AND
        // CONTROLLING OFFICER".
        let joined = [" and ", " AND ", " & "].iter().find_map(|sep| {
            let k = text[ps..pe].find(sep)?;
            let first_end = ps + k;
            (hs.iter().any(|h| h.1 == first_end) && hs.iter().any(|h| h.1 == pe))
                .then_some((first_end, first_end + sep.len()))
        });
        match joined {
            Some((a, b)) => {
                out.push((ps, a));
                out.push((b, pe));
            }
            None => out.push((ps, pe)),
        }
    }
    out
}

/// Whether a word written in lower case is an organisation word ("council", "trust"); with
/// `subjects` false, not one that also names a subject ("research").
fn lower_org_word(ctx: &Context<'_>, w: &str, subjects: bool) -> bool {
    let cap = crate::text::capitalise_first(w);
    ctx.rules.organisation_words.contains(&cap)
        && (subjects || !ctx.rules.organisation_subjects.contains(&cap))
        && !ctx.rules.organisation_named.contains(&cap)
}

/// Roles of every person mention: honorific roles, appositives and pre-nominal phrases.
pub fn extract(ctx: &Context<'_>, people: &[PersonMention]) -> Vec<RoleMention> {
    let text = &ctx.doc.text;
    let mut out = Vec::new();
    for (pi, p) in people.iter().enumerate() {
        let Some(si) = ctx.doc.sentence_at(p.start) else {
            continue;
        };
        let sent = ctx.doc.sentences[si];
        let mut spans: Vec<((usize, usize), &'static str, bool)> = Vec::new();
        // The organisation a list's line names after a span's title: (span, organisation).
        let mut affiliations: Vec<((usize, usize), (usize, usize))> = Vec::new();
        // An honorific that is a role head ends the phrase before the name: "UK Prime
        // Minister Tony Blair" (role "Prime Minister", organisation "UK"), not "Minister".
        let honorific_head = match (p.honorific_start, p.honorific_end) {
            (Some(hs), Some(he)) if p.honorific_role.is_some() => {
                crate::text::with_lower(&text[hs..he], |l| ctx.rules.role_head_set.contains(l))
            }
            _ => false,
        };
        // (An honorific alone stays the honorific's role: "Councillor Jane Roe".)
        let lead = p.honorific_start.unwrap_or(p.start);
        let sent_toks = ctx.doc.sentence_tokens(si);
        // (Up to the name, or to a second title the first chains to: "Shire President Cr
        // Harold Tenazas" is Shire President, and Councillor by the second title.)
        let chained = chained_titles(ctx, p);
        let chain_at = chained.first().map_or(p.start, |c| c.0);
        let through_honorific = honorific_head
            .then(|| prenominal_before(ctx, sent.start, chain_at, &sent_toks))
            .flatten()
            .filter(|&(s, _)| s < lead);
        // (But a title of its own before the honorific is a second post: "Deputy Mayor
        // Councillor Jane Roe" is Deputy Mayor and Councillor.)
        let through_honorific = through_honorific.map(|(s, e)| {
            let before = text[s..lead].trim_end();
            let be = s + before.len();
            // (Not a word of the title itself: "Deputy Mayor", "Assistant Chief Constable",
            // "Inspector Chief".)
            let modifier =
                |w: &str| crate::text::with_lower(w, |l| ctx.rules.title_modifiers.contains(l));
            let modifier = modifier(last_word(before).1)
                || modifier(text[lead..e].split(' ').next().unwrap_or(""));
            if be > s && !modifier && heads(ctx, s, be, false).iter().any(|h| h.1 == be) {
                (s, be)
            } else {
                (s, e)
            }
        });
        let phrase =
            through_honorific.or_else(|| prenominal_before(ctx, sent.start, lead, &sent_toks));
        // (Not a post taken as a seat: "On taking the chair, Mr Tenev said".)
        let phrase = phrase.filter(|&(s, _)| {
            !text[sent.start..s].strip_suffix("the ").is_some_and(|b| {
                matches!(
                    last_word(b.trim_end()).1,
                    "taking" | "took" | "take" | "takes"
                )
            })
        });
        let title_start = phrase.map(|(s, _)| s);
        if let Some((start, e)) = phrase {
            let mut s = start;
            // Not across another person: "singer Jane Roe and British ambassador John Doe".
            if let Some(q) = people[..pi]
                .iter()
                .rev()
                .find(|q| q.start >= s && q.end <= e)
            {
                s = q.end;
                s += text[s..e].len()
                    - text[s..e]
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .len();
                for c in CONNECTORS {
                    if let Some(r) = text[s..e].strip_prefix(c).and_then(|r| r.strip_prefix(' ')) {
                        s = e - r.len();
                    }
                }
                // The other person's tail ends at a coordination: "Senator Jo Alder of Ohio
                // and Senator Tim Voss" gives Tim Voss no "Ohio".
                if let Some(k) = text[s..e].rfind(" and ") {
                    s += k + " and ".len();
                }
            }
            // (Without a cut, `prenominal_before` has checked for a head already.)
            let cut = s != start;
            // ("head of research Peter Kim": the head is in lower case.)
            let subject = subject_head_before(ctx, &sent_toks, e).is_some();
            // (A head in lower case before its named employer: "A student at the University
            // of Peshawar, Hina Yousafzai", set off by a comma.)
            let comma = text[e..].starts_with(',');
            let found = if cut || comma {
                heads_and_last(ctx, s, e, subject)
            } else {
                Vec::new()
            };
            let lower = subject || comma;
            if !cut || found.iter().any(|h| h.0 >= s) {
                spans.push(((s, e), "roles.prenominal", lower));
            }
            // A described post set off before the title: "The former regional crime officer,
            // Assistant Commissioner of Police Joseph Laizer, said" holds both.
            // (Only after a word in lower case, a description's head: one look at it before
            // the search.)
            if !cut
                && text[sent.start..start].ends_with(", ")
                && last_word(&text[sent.start..start - 2])
                    .1
                    .starts_with(char::is_lowercase)
            {
                let described =
                    prenominal_before(ctx, sent.start, start, &sent_toks).filter(|&(ds, de)| {
                        de + 2 <= start
                            && ["The", "the"]
                                .iter()
                                .any(|a| text[sent.start..ds].trim_end().ends_with(a))
                            && text[ds..de].starts_with(char::is_lowercase)
                            && !people.iter().any(|q| q.start < de && q.end > ds)
                    });
                if let Some(d) = described {
                    spans.push((d, "roles.prenominal", true));
                }
            }
        }
        let after = &text[p.end..sent.end];
        let after = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
            .unwrap_or(after);
        // An age between the name and the apposition: "Jane Roe (61), a dairy farmer",
        // "Jane Roe, 54, a teacher".
        let age = |s: &str| {
            let d = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            (1..=3).contains(&d).then_some(d)
        };
        // A post-nominal office before the apposition: "Rt Hon Jane Roe MP, Minister of State
        // for Care".
        let postnominal = postnominal_after(ctx, p.end);
        let (after, name_end) = match postnominal {
            Some((_, e)) if text[e..sent.end].starts_with(',') => (&text[e..sent.end], e),
            _ => (after, p.end),
        };
        let mut after = after.trim_start();
        // Where a predicate may start: " will join as …" after "Jane Roe (47)".
        let mut predicate_from = name_end;
        // Whether an age or a relative clause set off by commas follows the name: either may
        // come before a copula's post ("Jane Roe, 48, was …").
        let mut set_off = false;
        // (Past the person's affiliations in brackets too: "Professor Hinemoa Te Rangi-Whakaue
        // (Te Arawa, Ngāti Whakaue) is currently Deputy Vice-Chancellor".)
        let mut past_bracket = p.end;
        // (Or past a party's letters: "Lena Strandberg-Olofsson (S), the municipal
        // commissioner", "Jane Roe (Lab), the council leader".)
        let in_brackets = affiliation_bracket(after).or_else(|| party_bracket(after));
        if let Some(n) = in_brackets.filter(|_| name_end == p.end) {
            after = after[n..].trim_start();
            let at = sent.end - after.len();
            if text[..at].ends_with(' ') {
                predicate_from = at - 1;
                past_bracket = at - 1;
            }
        } else if let Some(d) = after.strip_prefix('(').and_then(age) {
            if after[1 + d..].starts_with(')') {
                after = after[d + 2..].trim_start();
                let at = sent.end - after.len();
                if text[..at].ends_with(' ') {
                    predicate_from = at - 1;
                }
            }
        } else if let Some(d) = after.strip_prefix(", ").and_then(age) {
            if after[2 + d..].starts_with(',') {
                after = &after[2 + d..];
                set_off = true;
                predicate_from = sent.end - after.len();
            }
        } else if let Some(r) = after.strip_prefix(", born ") {
            // So does a year of birth: "Karin Ehrenborg, born 1964, is a mining engineer".
            let near = &r[..crate::text::floor_boundary(r, r.len().min(40))];
            if let Some(k) = near.find(", ").filter(|&k| {
                near[..k].contains(|c: char| c.is_ascii_digit())
                    && !near[..k].contains(['"', '“', '(', ';'])
            }) {
                set_off = true;
                predicate_from = sent.end - r[k..].len();
            }
        } else if let Some(r) = after.strip_prefix(", who ") {
            // A relative clause set off by commas: "Jane Roe, who teaches at the school, was
            // elected deputy village chief".
            let near = &r[..crate::text::floor_boundary(r, r.len().min(120))];
            if let Some(k) = near
                .find(", ")
                .filter(|&k| !near[..k].contains(['"', '“', '(', ';']))
            {
                set_off = true;
                predicate_from = sent.end - r[k..].len();
            }
        } else if after.starts_with("of ") {
            // Where the person is from before the apposition: "Elle Porsanger of UiT The Arctic
            // University of Norway, an expert witness for the herders, presented …".
            if let Some(org) = org_after_name(ctx, name_end) {
                if let Some(rest) = after
                    .find(org.as_str())
                    .map(|k| &after[k + org.len()..])
                    .filter(|r| r.starts_with(", a ") || r.starts_with(", an "))
                {
                    after = rest;
                }
            }
        }
        // A list's line, a name and its post after a dash: "Mrs. Grace Chepkemoi – Secretary",
        // as minutes list those present.
        // (After a list's number or bullet too: "5. Mr Lim Boon Keat — President, …".)
        if let Some(rest) = ["– ", "— ", "- "]
            .iter()
            .find_map(|d| after.strip_prefix(d))
            .filter(|_| crate::text::opens_list_line(text, lead))
        {
            let mut pos = sent.end - rest.len();
            let line_end = text[pos..sent.end].find('\n').map_or(sent.end, |k| pos + k);
            // (And each post after a semicolon: "— Secretary; Principal Assistant Director,
            // Licensing Department".)
            while let Some((s, e)) = appositive_after(ctx, line_end, pos) {
                // (A post in brackets after the first is a second: "President (Chair)".)
                let inner = text[s..e]
                    .strip_suffix(')')
                    .and_then(|r| r.rfind(" (").map(|k| s + k))
                    .filter(|&k| {
                        heads(ctx, k + 2, e - 1, true)
                            .iter()
                            .any(|h| h.0 == k + 2 && h.1 == e - 1)
                    });
                match inner {
                    Some(k) => {
                        spans.push(((s, k), "roles.appositive", true));
                        spans.push(((k + 2, e - 1), "roles.appositive", true));
                    }
                    None => {
                        // (A name after a comma is where the post is held, as lists write it:
                        // "Producer, Ruimte Studio"; not a place, where the person lives or
                        // the office is one of: "fish farmer, Isle of Mull", "Councillor,
                        // Takayama City".)
                        let phrase = &text[s..e];
                        let affiliation = phrase.find(", ").filter(|&c| {
                            let rest = &phrase[c + 2..];
                            let words: Vec<&str> = rest.split(' ').collect();
                            !rest.contains(',')
                                && !legal_form(rest)
                                && words.len() <= 6
                                && words.iter().all(|w| {
                                    w.starts_with(char::is_uppercase)
                                        || matches!(*w, "of" | "the" | "and" | "&" | "de" | "for")
                                })
                                && !words.iter().any(|w| place_word(ctx, w))
                                && heads(ctx, s, s + c, true).iter().any(|h| h.1 == s + c)
                        });
                        match affiliation {
                            Some(c) => {
                                spans.push(((s, s + c), "roles.appositive", true));
                                affiliations.push(((s, s + c), (s + c + 2, e)));
                            }
                            None => spans.push(((s, e), "roles.appositive", true)),
                        }
                    }
                }
                match text[e..line_end].strip_prefix("; ") {
                    Some(r) => pos = line_end - r.len(),
                    None => break,
                }
            }
        }
        if let Some(rest) = after.strip_prefix(',') {
            let pos = sent.end - rest.len();
            if let Some((s, e)) = appositive_after(ctx, sent.end, pos) {
                // A list of people with their roles is no apposition: "chief executive Jane
                // Roe, finance director John Doe and …" (the role goes right into a name).
                let names_another = people[pi + 1..]
                    .iter()
                    .take_while(|q| q.start < e)
                    .any(|q| {
                        let lead = q.honorific_start.unwrap_or(q.start);
                        lead > s
                            && heads(ctx, s, lead, true)
                                .iter()
                                .any(|h| text[h.1..lead].trim().is_empty())
                    });
                // Another person named inside the apposition is someone the role relates to,
                // not part of it: "adviser to President George W. Bush", "the daughter of former
                // Vice President Dick Cheney" (no role), "Senator Ted Cruz's wife" (none).
                // (Only a name with a title before it, or after a comma: a run of capitalised
                // words inside an organisation's name may be a candidate too.)
                let e = match people[pi + 1..]
                    .iter()
                    .filter(|q| {
                        // (Not an owner: "Margaret Thatcher's former press secretary".)
                        let owner = text[q.end..].starts_with(['\'', '’']);
                        // (An abbreviation before one word may be no title: "PC Pro".)
                        let abbreviation = q.words < 2
                            && q.honorific_start
                                .zip(q.honorific_end)
                                .is_some_and(|(a, b)| {
                                    text[a..b].bytes().all(|c| c.is_ascii_uppercase())
                                });
                        !owner
                            && !abbreviation
                            && (q.honorific_start.is_some()
                                || text[..q.start].trim_end_matches(' ').ends_with(','))
                    })
                    .map(|q| q.honorific_start.unwrap_or(q.start))
                    .find(|&lead| lead >= s && lead < e)
                {
                    Some(lead) => before_relation(text, s, lead),
                    None => e,
                };
                if !names_another && e > s {
                    // A post in brackets that closes a list's line is one more: "Secretary for
                    // Tourism, Municipality of Kotor (Chair)".
                    let mut e = e;
                    if text[e..].starts_with(['\n', '\r']) || e == text.len() {
                        if let Some(k) = text[s..e].strip_suffix(')').and_then(|t| t.rfind(" (")) {
                            let more = roles_in_brackets(ctx, s + k);
                            if !more.is_empty() {
                                e = s + k;
                                for m in more {
                                    spans.push((m, "roles.bracket", true));
                                }
                            }
                        }
                    }
                    spans.push(((s, e), "roles.appositive", true));
                    // A second post joined to the first: "an independent director since 2021
                    // and a former Deputy Governor of the Central Bank".
                    for more in coordinated_posts(ctx, sent.end, e) {
                        spans.push((more, "roles.appositive", true));
                    }
                    // A new post in a relative clause after the apposition: "Jane Roe, the
                    // outgoing police chief, who has been appointed director of …".
                    if text[e..].starts_with(", who ") {
                        if let Some((s2, e2)) = appositive_after(ctx, sent.end, e + 1) {
                            let e2 = s2 + complement_len(ctx.rules, &text[s2..e2]);
                            if e2 > s2
                                && !people[pi + 1..].iter().any(|q| q.start < e2 && q.end > s2)
                            {
                                spans.push(((s2, e2), "roles.appositive", true));
                            }
                        }
                    }
                }
            }
        }
        // "appointed Dr Jane Roe as its Chief Technology Officer", "Jane Roe was elected
        // Leader of Harbridge Council", "with Cllr Tom Hale as Deputy Lord Mayor"; after an
        // apposition too: "Jane Roe, currently Chief Operating Officer, will succeed …".
        let apposition_end = spans
            .iter()
            .find(|sp| sp.1 == "roles.appositive")
            .map(|sp| sp.0 .1);
        // (After a comma that closes the name's own apposition: "its chief operating
        // officer, Jane Roe, will become interim chief executive".)
        // So after an age: "Jane Roe, 48, also was named a vice chairman". There a copula
        // gives a post too: "whose father-in-law, Leonid Kuchma, was president of Ukraine".
        // So does one right after a name that opens the sentence: "Jane Roe was chairman of
        // the council from 2006 to 2010" (elsewhere the name may be an object's: "the car
        // Jane Roe was driving").
        let mut copula = apposition_end.is_none()
            && text[sent.start..p.honorific_start.unwrap_or(p.start)]
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“'))
                .is_empty()
            && [" is ", " was "]
                .iter()
                .any(|b| text[past_bracket..sent.end].starts_with(b));
        let mut closing = |from: usize| {
            let lead = p.honorific_start.unwrap_or(p.start);
            let rest = &text[from..sent.end];
            match rest.strip_prefix(',') {
                Some(r)
                    if (set_off || text[sent.start..lead].trim_end().ends_with(','))
                        && r.trim_start()
                            .split(' ')
                            .take(2)
                            .any(|w| AUXILIARIES.contains(&w)) =>
                {
                    copula = true;
                    from + 1
                }
                _ => from,
            }
        };
        let predicate_from = match apposition_end {
            None => Some(closing(predicate_from)),
            Some(e) if text[e..sent.end].starts_with(", ") => Some(e + 1),
            // (After a description cut from the apposition: "Jane Roe, a chartered accountant
            // from Lurgan, will take over as Treasurer".)
            Some(e) => {
                let near = crate::text::floor_boundary(text, (e + 48).min(sent.end));
                text[e..near]
                    .find(", ")
                    .filter(|&k| !text[e..e + k].contains(['"', '“', '(', ';']))
                    .map(|k| e + k + 1)
            }
        };
        if let Some(predicate_from) = predicate_from {
            let lead = p.honorific_start.unwrap_or(p.start);
            // (Past the other titles of a chain: "elected Rev. Dr. Jane Roe as Principal".)
            let mut lead_text = text[sent.start..lead].trim_end();
            while let Some((head, w)) = lead_text.rsplit_once(' ') {
                if !w.starts_with(|c: char| c.is_ascii_uppercase())
                    || !ctx.rules.honorifics.contains_key(w.trim_end_matches('.'))
                {
                    break;
                }
                lead_text = head.trim_end();
            }
            let lead = sent.start + lead_text.len();
            let before = lead_text.rsplit(' ').next().unwrap_or("");
            // (Or the noun of such a verb, with "of": "the appointment of Shirley Rogers as
            // the island's new welfare officer".)
            let nominal = || {
                before == "of"
                    && text[sent.start..lead]
                        .trim_end()
                        .strip_suffix("of")
                        .and_then(|b| b.trim_end().rsplit(' ').next())
                        .is_some_and(|n| APPOINTMENTS.contains(&n))
            };
            let by_noun = nominal();
            // (Or the second of two appointed: "re-elected Angus MacIsaac as Board President
            // and Catherine MacPhail as Treasurer".)
            let coordinated = || {
                before == "and"
                    && lead_text
                        .strip_suffix("and")
                        .map(str::trim_end)
                        .and_then(|l| l.rfind(" as ").map(|k| (l, k)))
                        .is_some_and(|(l, k)| {
                            l[..k].split(' ').any(|w| APPOINTING.contains(&w))
                                && l[k + 4..].split_whitespace().count() <= 6
                        })
            };
            // (Or the second of two elected, its verb left out: "Mr Yusufu Mbwana was elected
            // Vice-Chairperson and Ms. Grace Nzeyimana Treasurer".)
            let gapped = before == "and"
                && apposition_end.is_none()
                && lead_text.strip_suffix("and").is_some_and(|l| {
                    let near = &l[crate::text::floor_boundary(l, l.len().saturating_sub(60))..];
                    !near.contains(';')
                        && [" elected ", " re-elected ", " appointed ", " named "]
                            .iter()
                            .any(|v| near.contains(v))
                });
            if gapped && !text[p.end..].starts_with(" as ") {
                let rest = &text[p.end..sent.end];
                if let Some(post) = rest.strip_prefix(' ') {
                    let len = post.find([',', '.', ';']).unwrap_or(post.len());
                    let len = post[..len].find(" and ").unwrap_or(len);
                    let (s, e) = (p.end + 1, p.end + 1 + len);
                    if post.starts_with(char::is_uppercase)
                        && heads(ctx, s, e, false)
                            .last()
                            .is_some_and(|h| h.0 == s && h.1 == e)
                    {
                        spans.push(((s, e), "roles.predicate", true));
                    }
                }
            }
            // (Or before a title the person holds already: "have appointed former Harambee
            // Stars assistant coach Dismas Onyango Oketch as their new head coach".)
            let titled = || {
                text[p.end..].starts_with(" as ")
                    && title_start.is_some_and(|ts| {
                        let lead = text[sent.start..ts].trim_end();
                        let lead = lead.strip_suffix(" former").unwrap_or(lead);
                        APPOINTING.contains(&last_word(lead).1)
                    })
            };
            // (Or after the person's apposition: "have elected Jane Roe, a former head of the
            // water utility, as mayor".)
            let appointing =
                ((APPOINTING.contains(&before) || by_noun || coordinated() || gapped || titled())
                    && apposition_end.is_none())
                    || (APPOINTING.contains(&before)
                        && apposition_end.is_some_and(|e| text[e..sent.end].starts_with(", as ")));
            if let Some(pos) = predicate_role(
                ctx.rules,
                &text[predicate_from..sent.end],
                appointing,
                copula,
            )
            .map(|k| predicate_from + k)
            {
                // A second verb may give a second post: "has been appointed Chief Financial
                // Officer and will join the Board as an executive director".
                let mut pos = Some(pos);
                while let Some((s, e)) = pos.and_then(|pos| appositive_after(ctx, sent.end, pos)) {
                    let mut e = s + complement_len(ctx.rules, &text[s..e]);
                    // (The next one appointed ends it: "as Board President and Catherine
                    // MacPhail as Treasurer", "was elected Vice-Chairperson and Ms. Grace
                    // Nzeyimana Treasurer".)
                    if appointing
                        || text[predicate_from..s]
                            .split_whitespace()
                            .any(|w| APPOINTING.contains(&w))
                    {
                        if let Some(q) = people[pi + 1..].iter().find(|q| {
                            let lead = q.honorific_start.unwrap_or(q.start);
                            lead > s && lead < e
                        }) {
                            let lead = q.honorific_start.unwrap_or(q.start);
                            if let Some(k) = text[s..lead].strip_suffix(" and ") {
                                e = s + k.len();
                            }
                        }
                    }
                    let another = people[pi + 1..]
                        .iter()
                        .any(|q| q.honorific_start.unwrap_or(q.start) < e && q.end > s);
                    if another || e <= s {
                        break;
                    }
                    // After a copula the post opens the complement: "is a lawyer with …",
                    // not "is a fan of the director".
                    let relation = copula
                        && heads(ctx, s, e, true).first().is_some_and(|h| {
                            text[s..h.0].split_whitespace().any(|w| {
                                matches!(w, "of" | "to" | "for" | "with" | "in" | "at" | "by")
                            })
                        });
                    // (After a noun the sentence's verb may follow the post: "The election
                    // of Tom Hale as mayor surprised many" keeps a post that a comma or the
                    // sentence's end closes.)
                    // (Or the date it takes effect: "as Chairperson with effect from 1 March".)
                    let open = by_noun
                        && (!text[e..]
                            .trim_start_matches(is_space)
                            .starts_with([',', '.', ';', ':'])
                            && !text[e..].starts_with(" with effect ")
                            || heads(ctx, s, e, true).last().is_some_and(|h| {
                                text[h.1..e].split_whitespace().any(|w| {
                                    w.starts_with(char::is_lowercase)
                                        && !CONNECTORS.contains(&w)
                                        && !matches!(w, "a" | "an")
                                })
                            }));
                    if relation || open {
                        break;
                    }
                    spans.push(((s, e), "roles.predicate", true));
                    // A second post joined to it: "is a teacher and a former member of …".
                    // (Asked only where "and" follows within the window it reads.)
                    let window =
                        &text[e..crate::text::floor_boundary(text, (e + 64).min(sent.end))];
                    let more = if window.contains(" and ") {
                        coordinated_posts(ctx, sent.end, e)
                    } else {
                        Vec::new()
                    };
                    for &m in &more {
                        spans.push((m, "roles.predicate", true));
                    }
                    if !more.is_empty() {
                        break;
                    }
                    // (Past the place where it is held: "a teacher in Santa Cruz das Flores
                    // and a former member of …".)
                    let rest = &text[e..sent.end];
                    let placed = rest.strip_prefix(" in ").and_then(|p| {
                        let k = p.find(" and ")?;
                        p[..k]
                            .split(' ')
                            .all(|w| {
                                w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w)
                            })
                            .then(|| &p[k..])
                    });
                    let (base, tail) = match placed {
                        Some(p) => (e + rest.len() - p.len(), p),
                        None => (e, rest),
                    };
                    pos = tail
                        .strip_prefix(" and")
                        .and_then(|r| verb_role(ctx.rules, r))
                        .map(|k| base + " and".len() + k);
                }
            }
        }
        // A byline or a name alone on its line, with its roles on the next line: "By Ailbhe
        // Roe" then "Courts Correspondent"; "Hon. Jane Roe MLA" then "Minister for Water;
        // Minister for Regional Development".
        // (The whole part is the role: "Courts Reporter" names a beat, not an organisation.)
        if spans.is_empty() {
            let (lines, line_org) = line_roles(ctx, p, people);
            for (s, e) in lines {
                // "Festival Director, Ministry of Cultural Development": the title ends at a
                // comma after its head, the employer follows.
                // (Or after its complement, when an organisation's word ends the employer:
                // "Head of Corporate Affairs, Kgwebo Energy Limited".)
                let comma = text[s..e]
                    .find(", ")
                    .filter(|&k| {
                        let hs = heads(ctx, s, s + k, true);
                        hs.iter().any(|h| h.1 == s + k)
                            || (!hs.is_empty()
                                && text[s + k + 2..e]
                                    .split_whitespace()
                                    .last()
                                    .is_some_and(|w| ctx.rules.organisation_words.contains(w)))
                    })
                    .filter(|&k| text[s + k + 2..e].starts_with(char::is_uppercase));
                if let Some(k) = comma {
                    out.push(RoleMention {
                        start: s,
                        end: s + k,
                        role: crate::text::collapse(&text[s..s + k]),
                        organization: crate::text::collapse(&text[s + k + 2..e]),
                        person: pi,
                        rule: "roles.line",
                    });
                    continue;
                }
                let (re, org) = split_of_org(ctx, s, e);
                out.push(RoleMention {
                    start: s,
                    end: re,
                    role: crate::text::collapse(&text[s..re]),
                    organization: org.or_else(|| line_org.clone()).unwrap_or_default(),
                    person: pi,
                    rule: "roles.line",
                });
            }
        }
        // (A title before the name leaves its brackets free for another post: "Mayor Jane Roe
        // (Chair)".)
        let no_spans = spans.iter().all(|sp| sp.1 == "roles.prenominal");
        for ((s, e), rule, lower) in spans {
            let from = out.len();
            push_split(ctx, people, (s, e), lower, pi, rule, &mut out);
            if let Some(&(_, (a, b))) = affiliations.iter().find(|x| x.0 == (s, e)) {
                for r in &mut out[from..] {
                    if r.organization.is_empty() {
                        r.organization = clean_org(&text[a..b]);
                    }
                }
            }
        }
        if let Some((s, e)) = roll_title(ctx, p) {
            push_split(ctx, people, (s, e), false, pi, "roles.roll", &mut out);
        }
        if no_spans {
            for (s, e) in bracket_roles(ctx, p) {
                push_split(ctx, people, (s, e), true, pi, "roles.bracket", &mut out);
            }
            if let Some((s, e, role)) = abbreviated_bracket_role(ctx, p.end) {
                out.push(RoleMention {
                    start: s,
                    end: e,
                    role,
                    organization: String::new(),
                    person: pi,
                    rule: "roles.bracket",
                });
            }
        }
        if let Some(r) = post_verb_after(ctx, people, pi, sent.end) {
            out.push(r);
        }
        if let Some((s, e)) = postnominal {
            out.push(RoleMention {
                start: s,
                end: e,
                role: postnominal_role(text, s, e),
                organization: String::new(),
                person: pi,
                rule: "roles.postnominal",
            });
        }
        let honorific = match (&p.honorific_role, p.honorific_start, p.honorific_end) {
            (Some(role), Some(hs), Some(he)) => {
                // (Or the phrase that ends with it gave the role.)
                let dup = out.iter().any(|r| {
                    r.person == pi
                        && (r.role.eq_ignore_ascii_case(role) || (r.start <= hs && he <= r.end))
                });
                (!dup).then_some((role, hs, he))
            }
            // A later name of a list that a title in the plural leads ("Councillors Jane Roe
            // and John Doe"): the title is the evidence.
            (Some(role), None, _) => people[..pi]
                .iter()
                .rev()
                .find(|q| {
                    q.honorific_start.is_some_and(|hs| hs >= sent.start)
                        && q.honorific_role.as_ref() == Some(role)
                })
                .and_then(|q| q.honorific_start.zip(q.honorific_end))
                .map(|(hs, he)| (role, hs, he)),
            _ => None,
        };
        if let Some((role, hs, he)) = honorific {
            out.push(RoleMention {
                start: hs,
                end: he,
                role: role.clone(),
                organization: body_before_title(ctx, sent.start, hs),
                person: pi,
                rule: "roles.honorific",
            });
        }
        for (s, e, role) in chained {
            if p.honorific_role.as_ref() != Some(&role) {
                out.push(RoleMention {
                    start: s,
                    end: e,
                    role,
                    organization: String::new(),
                    person: pi,
                    rule: "roles.honorific",
                });
            }
        }
    }
    plural_roles(ctx, people, &mut out);
    plural_bracket_roles(ctx, people, &mut out);
    pronoun_roles(ctx, people, &mut out);
    where_roles(ctx, people, &mut out);
    role_as_roles(ctx, people, &mut out);
    tenure_roles(ctx, people, &mut out);
    inverse_copula_roles(ctx, people, &mut out);
    chaired_by_roles(ctx, people, &mut out);
    coordinated_verb_roles(ctx, people, &mut out);
    // "Detective Inspector Jane Roe, of the Serious Collision Investigation Unit,", "analyst
    // Jane Roe of Bernstein": a name after the person is the employer of a role before it.
    let mut bracketed = Vec::new();
    for r in out.iter_mut().filter(|r| {
        r.organization.is_empty()
            && matches!(
                r.rule,
                "roles.prenominal" | "roles.honorific" | "roles.postnominal"
            )
    }) {
        if let Some(org) = org_after_name(ctx, people[r.person].end) {
            r.organization = org;
        } else if let Some(org) = at_org_before(ctx, r) {
            r.organization = org;
        } else if r.rule == "roles.honorific" {
            // A list's line that names only the body after the comma: "Cllr Petar
            // Ivanović-Marić, Municipal Assembly".
            let rest = &text[people[r.person].end..];
            let mut line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
            let whole_line = line;
            // (With a post in brackets closing it, one more role: "Prof. Mart Saarepuu,
            // University of Tartu (co-opted member)".)
            let mut bracket = None;
            if let Some(k) = line.strip_suffix(')').and_then(|t| t.rfind(" (")) {
                bracket = Some(people[r.person].end + k);
                line = &line[..k];
            }
            // (Or the body alone in brackets after the name: "Cllr Goran Marić (City Council
            // of Mostar)".)
            // A body's name of two to eight words, with an organisation's word and no title,
            // two bytes after the name.
            let body = |org: &str| {
                let words: Vec<&str> = org.split(' ').collect();
                let from = people[r.person].end + 2;
                (2..=8).contains(&words.len())
                    && words[0].starts_with(char::is_uppercase)
                    && words.iter().all(|w| name_particle_or_capital(w))
                    && words
                        .iter()
                        .any(|w| ctx.rules.organisation_words.contains(*w))
                    && heads(ctx, from, from + org.len(), true).is_empty()
            };
            if line.is_empty() && bracket.is_some() {
                let org = &whole_line[2..whole_line.len() - 1];
                if crate::text::opens_list_line(text, r.start) && body(org) {
                    r.organization = org.to_string();
                    continue;
                }
            }
            // (Or in a list that goes on after it: "Apologies: Cr Tracey Mulvihill (Bundaberg
            // Regional Council); R.J. Pettigrew"; not a party, which is no employer, "(Green
            // Party)".)
            if let Some(inner) = whole_line.strip_prefix(" (") {
                if let Some(close) = inner.find(')') {
                    let org = &inner[..close];
                    let ends = inner[close + 1..]
                        .chars()
                        .next()
                        .is_none_or(|c| matches!(c, ';' | ',' | '.'));
                    if ends && !org.ends_with(" Party") && body(org) {
                        r.organization = org.to_string();
                        continue;
                    }
                }
            }
            if let Some(org) = line.strip_prefix(", ") {
                if body(org) {
                    r.organization = org.to_string();
                    if let Some(k) = bracket {
                        bracketed
                            .extend(roles_in_brackets(ctx, k).into_iter().map(|b| (b, r.person)));
                    }
                }
            }
        }
    }
    for (span, pi) in bracketed {
        push_split(ctx, people, span, true, pi, "roles.bracket", &mut out);
    }
    // A person named before a coordinated title is no employer of it: "lawyer Jan Leeuw and
    // economist Lucia Pinas" gives the economist no "Jan Leeuw".
    for r in out.iter_mut().filter(|r| !r.organization.is_empty()) {
        let before = text[..r.start].trim_end();
        let Some(before) = before
            .strip_suffix(" and")
            .or_else(|| before.strip_suffix(','))
            .or_else(|| before.strip_suffix(" &"))
        else {
            continue;
        };
        let end = before.trim_end().len();
        let named = people
            .iter()
            .any(|q| q.end == end && text[q.start..q.end].ends_with(r.organization.as_str()));
        if named {
            r.organization.clear();
        }
    }
    // "Its president, Lose Tuʻipulotu," after "The Vavaʻu Chamber of Commerce said …": the
    // organisation that opens the sentence before.
    for r in out.iter_mut().filter(|r| r.organization.is_empty()) {
        let before = text[..r.start].trim_end();
        if before.ends_with("Its") || before.ends_with(" its") {
            if let Some(org) = subject_organisation_before(ctx, r.start) {
                r.organization = org;
            }
        } else if let Some(named) = before
            .strip_suffix("whose")
            .and_then(|b| b.strip_suffix(", "))
        {
            // "Work will be carried out by Kalaja Restaurim sh.p.k., whose site manager, Ilir
            // Dervishi,": the organisation the relative clause hangs on.
            if let Some((_, org)) = organisation_ending(ctx, named) {
                r.organization = org;
            }
        }
    }
    // "Chief Executive Officer of the Society" after "The Mysuru Silk Weavers' Co-operative
    // Society has elected …": a kind of body alone after "of the", capitalised, is the one the
    // document names in full with that word; so is a short form the document defines for a
    // name ("Executive Director of the Company" after `Kinabalu Palm Holdings Berhad ("KPH" or
    // "the Company")`).
    let mut defined: Option<Vec<(String, String)>> = None;
    for r in out.iter_mut().filter(|r| r.organization.is_empty()) {
        let Some((head, kind)) = text[r.start..r.end].rsplit_once(" of the ") else {
            continue;
        };
        if !kind.starts_with(char::is_uppercase) || kind.contains(' ') || head.is_empty() {
            continue;
        }
        let short = defined
            .get_or_insert_with(|| defined_short_forms(text, ctx.rules))
            .iter()
            .find(|(t, _)| t == kind)
            .map(|(_, name)| name.clone());
        if short.is_none()
            && !crate::text::with_lower(kind, |l| crate::resolve::NAMED_KINDS.contains(&l))
        {
            continue;
        }
        // (Or the letterhead's organisation, whose name holds the word: "Secretary General of
        // the Municipality" under "MUNICIPALITY OF KAVAJË".)
        let named = short
            .or_else(|| crate::resolve::named_organisation(text, kind))
            .or_else(|| issuer(text, ctx.rules).filter(|o| o.split(' ').any(|w| w == kind)));
        if let Some(name) = named {
            if name != kind {
                r.end = r.start + head.len();
                r.role = crate::text::collapse(head);
                r.organization = name;
            }
        }
    }
    // (So is such a word alone as the employer, in capitals or not: "the Commission's
    // universal service manager" after "the Uganda Communications Commission", "the
    // hospital's medical officer in charge" after "Ruvuma Regional Referral Hospital".)
    // (And "the company's general manager" is the one company the text names with a legal
    // form: "Toplina Bitola DOOEL".)
    let mut company: Option<Option<String>> = None;
    for r in out.iter_mut() {
        let kind = r.organization.as_str();
        if matches!(kind, "company" | "firm") {
            let named =
                company.get_or_insert_with(|| crate::resolve::named_company(text, ctx.rules));
            if let Some(name) = named {
                r.organization = name.clone();
            }
            continue;
        }
        if kind.contains(' ')
            || !crate::text::with_lower(kind, |l| crate::resolve::NAMED_KINDS.contains(&l))
        {
            continue;
        }
        if let Some(name) =
            crate::resolve::named_organisation(text, &crate::resolve::capitalised(kind))
        {
            r.organization = name;
        }
    }
    out.sort_by_key(|r| (r.start, r.end, r.person));
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.person == b.person);
    out
}

/// The titles that carry an office chained after a person's first honorific ("Cr" of
/// "President Cr Harold Tenazas"): their spans and their roles.
fn chained_titles(ctx: &Context<'_>, p: &PersonMention) -> Vec<(usize, usize, String)> {
    let text = &ctx.doc.text;
    let Some(he) = p.honorific_end.filter(|&he| he < p.start) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = he;
    for w in text[he..p.start].split(' ') {
        let s = at;
        at += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        if let Some(role) = ctx
            .rules
            .honorifics
            .get(w.trim_end_matches('.'))
            .and_then(|h| h.role.clone())
        {
            out.push((s, s + w.len(), role));
        }
    }
    out
}

/// The organisation whose name ends `text`: its capitalised words (with "of", "and", "&",
/// "for" and name particles inside), one of them an organisation word (a company's form in
/// lower case too: "sh.p.k."), with the offset in `text` where the name starts.
fn organisation_ending(ctx: &Context<'_>, text: &str) -> Option<(usize, String)> {
    let inner = |w: &str| matches!(w, "of" | "and" | "&" | "for") || NAME_PARTICLES.contains(&w);
    let mut words: Vec<&str> = Vec::new();
    for w in text.rsplit(' ') {
        let org_word = ctx.rules.organisation_words.contains(w);
        if !(w.starts_with(char::is_uppercase) || org_word || (inner(w) && !words.is_empty()))
            || (!words.is_empty() && w.ends_with([',', ':', ';', '.']) && !org_word)
            || words.len() >= 10
        {
            break;
        }
        words.push(w);
    }
    while words.last().is_some_and(|w| inner(w) || *w == "The") {
        words.pop();
    }
    words.reverse();
    // (The words and the spaces between them.)
    let taken = words
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    (!words.is_empty()
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .any(|w| ctx.rules.organisation_words.contains(*w)))
    .then(|| (text.len() - taken, clean_org(&words.join(" "))))
}

/// The organisation that opens the sentence before the one at `at`, if one does: its name's
/// capitalised words (with "of", "and", "&", "for" inside) after an optional "The", one of
/// them an organisation word, and a verb in lower case after it.
fn subject_organisation_before(ctx: &Context<'_>, at: usize) -> Option<String> {
    let doc = ctx.doc;
    let si = doc.sentence_at(at)?;
    let prev = doc.sentences.get(si.checked_sub(1)?)?;
    let sentence = &doc.text[prev.start..prev.end];
    let sentence = sentence.strip_prefix("The ").unwrap_or(sentence);
    let mut words: Vec<&str> = Vec::new();
    for w in sentence.split(' ') {
        let inner = matches!(w, "of" | "and" | "&" | "for") && !words.is_empty();
        if !(w.starts_with(char::is_uppercase) || inner) || w.ends_with([',', '.', ':', ';']) {
            break;
        }
        words.push(w);
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "and" | "&" | "for"))
    {
        words.pop();
    }
    let next = sentence
        .split(' ')
        .nth(words.len())
        .unwrap_or("")
        .trim_end_matches([',', '.']);
    let verb = next.starts_with(|c: char| c.is_ascii_lowercase());
    let org = words
        .iter()
        .any(|w| ctx.rules.organisation_words.contains(*w));
    if words.len() >= 2 && org && verb {
        return Some(clean_org(&words.join(" ")));
    }
    // (Or a name after its kind in lower case that opens the sentence, a verb after it: "Local
    // earthmoving company Orana Civil has pledged $250,000.")
    let all: Vec<&str> = sentence.split(' ').take(10).collect();
    if let Some(k) = all
        .iter()
        .take(4)
        .position(|w| ctx.rules.organisation_kinds.contains(*w))
    {
        let name: Vec<&str> = all[k + 1..]
            .iter()
            .take_while(|w| name_particle_or_capital(w) && !w.ends_with([',', '.', ':', ';']))
            .copied()
            .collect();
        let verb = all
            .get(k + 1 + name.len())
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()));
        if all
            .get(1..k)
            .unwrap_or_default()
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            && (1..=5).contains(&name.len())
            && name[0].starts_with(char::is_uppercase)
            && verb
        {
            return Some(clean_org(&name.join(" ")));
        }
    }
    // (Or a name that an apposition says is one: "Tursib, the municipal transport company,
    // will operate the line.")
    if let Some(first) = sentence.split(' ').next().and_then(|w| w.strip_suffix(',')) {
        let name = &sentence[..first.len()];
        let apposition = sentence[first.len() + 1..]
            .trim_start()
            .split_once(',')
            .map_or("", |(a, _)| a);
        let words: Vec<&str> = apposition.split(' ').collect();
        if name.starts_with(char::is_uppercase)
            && name.chars().all(|c| c.is_alphanumeric() || c == '-')
            && (3..=6).contains(&words.len())
            && matches!(words[0], "the" | "a" | "an")
            && words[1..]
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            && ctx
                .rules
                .organisation_kinds
                .contains(words[words.len() - 1])
        {
            return Some(name.to_string());
        }
    }
    // Else one that ends it, after "the": "That advice came from the Greenland Institute of
    // Natural Resources. Its senior researcher, …".
    let body = sentence.trim_end().strip_suffix('.')?;
    // (Before an apposition that says what it is: "… and the Acholi Health Partnership, a
    // charity founded in Gulu in 2008.")
    let kind = |w: &str| ctx.rules.organisation_kinds.contains(w);
    let body = match body.rfind(", a ").or_else(|| body.rfind(", an ")) {
        Some(c)
            if body[c + 2..]
                .split(' ')
                .skip(1)
                .take(3)
                .take_while(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                .any(kind) =>
        {
            &body[..c]
        }
        _ => body,
    };
    if let Some((k, org)) = organisation_ending(ctx, body) {
        if body[k..].contains(' ') && body[..k].trim_end().ends_with(" the") {
            // (The last of two joined: "the Ministry of Health and the Acholi Health
            // Partnership", which "Its" takes up.)
            let last = org
                .rsplit_once(" and the ")
                .map_or(org.as_str(), |(_, l)| l);
            return Some(last.to_string());
        }
    }
    // (Or a name after its kind and "the", a word or two between: "The study was prepared
    // with the Tirana-based consultancy Lëvizja Urbane.")
    let words: Vec<&str> = body.split(' ').collect();
    let name_from = words
        .iter()
        .rposition(|w| !(w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w)))?
        + 1;
    let name = &words[name_from..];
    let lead = &words[..name_from];
    let kind_at = lead.len().checked_sub(1)?;
    ((1..=4).contains(&name.len())
        && kind(lead[kind_at])
        && lead[kind_at.saturating_sub(2)..kind_at].contains(&"the")
        && !lead[kind_at.saturating_sub(2)..kind_at]
            .iter()
            .any(|w| w.ends_with([',', ';', ':'])))
    .then(|| clean_org(&name.join(" ")))
}

/// The roles of the phrase `span` (see [`split_phrase`]), for person mention `person`.
/// The title that opens a line of a roll, the name in brackets after it: "The Minister for
/// Infrastructure (Mrs Breesha Cregeen MHK)", "The Speaker (Hon. Juan P Kermode-Teare)", as
/// the members present are listed at the head of a Hansard or of minutes.
fn roll_title(ctx: &Context<'_>, p: &PersonMention) -> Option<(usize, usize)> {
    let text = &ctx.doc.text;
    let lead = p.honorific_start.unwrap_or(p.start);
    let open = text[..lead].strip_suffix('(')?;
    let end = open.trim_end_matches(' ').len();
    let near = crate::text::floor_boundary(text, end.saturating_sub(100));
    let line_start = match text[near..end].rfind('\n') {
        Some(k) => near + k + 1,
        None if near == 0 => 0,
        None => return None,
    };
    let line = &text[line_start..end];
    let start = line_start + line.len() - line.trim_start_matches("The ").len();
    let words: Vec<&str> = text[start..end].split_whitespace().collect();
    let titled = (1..=10).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "for" | "of" | "and" | "&" | "the")
        });
    (titled && !heads(ctx, start, end, false).is_empty()).then_some((start, end))
}

/// A school's year and its number, which name a pupil's class: "Form 6", "Class IX", "Grade 10".
fn school_year(word: &str, number: &str) -> bool {
    let numeral = !number.is_empty()
        && (number.bytes().all(|b| b.is_ascii_digit())
            || (number.len() <= 4 && number.bytes().all(|b| b"IVX".contains(&b))));
    numeral
        && matches!(
            word,
            "Form" | "Class" | "Grade" | "Year" | "Standard" | "Std"
        )
}

/// Offices of a state, which a nationality before them names ("British ambassador").
const STATE_OFFICES: &[&str] = &[
    "ambassador",
    "envoy",
    "consul",
    "diplomat",
    "president",
    "minister",
    "premier",
    "chancellor",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "secretary",
    "general",
    "official",
    "officer",
    "spokes",
];

/// Offices in brackets right after a name, as minutes list those present: "Mr Dalton
/// Kirkconnell (Chairman)", "Dr Jane Roe (Medical Director, ex officio)", "Mrs Ann Lee (chief
/// judge)". Each part of the bracket must end in a role head; other parts are left out.
fn bracket_roles(ctx: &Context<'_>, p: &PersonMention) -> Vec<(usize, usize)> {
    let mut from = p.end;
    if let Some((_, e)) = postnominal_after(ctx, p.end) {
        from = e;
    }
    roles_in_brackets(ctx, from)
}

/// Whether brackets right after a name (at `end`) hold a role: "Enkhtuyaa Batsükh (research
/// assistant)", which only a person has.
pub fn bracketed_role_after(ctx: &Context<'_>, end: usize) -> bool {
    ctx.doc.text[end..].starts_with(" (") && !roles_in_brackets(ctx, end).is_empty()
}

/// An abbreviated title alone in brackets after a name, as team sheets write the captain:
/// "Jane Roe (capt.)", "John Doe (Capt)". The role is the title written out, in lower case when
/// the abbreviation is.
fn abbreviated_bracket_role(ctx: &Context<'_>, end: usize) -> Option<(usize, usize, String)> {
    let text = &ctx.doc.text;
    let inner = text[end..].strip_prefix(" (")?;
    let close = inner[..crate::text::floor_boundary(inner, inner.len().min(12))].find(')')?;
    let word = inner[..close].trim_end_matches('.');
    // (Not an acronym: "(PC)" may be a party.)
    if word.len() < 2 || !word.bytes().skip(1).all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let lower = word.starts_with(|c: char| c.is_ascii_lowercase());
    let h = ctx
        .rules
        .honorifics
        .get(crate::text::capitalise_first(word).as_str())?;
    let role = h.role.as_ref().filter(|r| r.as_str() != h.term)?;
    let start = end + 2;
    let role = if lower {
        role.to_lowercase()
    } else {
        role.clone()
    };
    Some((start, start + close, role))
}

/// The roles in brackets opening at `from` (" (lead author)"), each part of a list in them.
fn roles_in_brackets(ctx: &Context<'_>, from: usize) -> Vec<(usize, usize)> {
    let text = &ctx.doc.text;
    let Some(inner) = text[from..].strip_prefix(" (") else {
        return Vec::new();
    };
    let far = crate::text::floor_boundary(inner, inner.len().min(80));
    let Some(close) = inner[..far].find(')') else {
        return Vec::new();
    };
    let inner = &inner[..close];
    if inner.contains(['(', '\n', ';', ':']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut s = from + 2;
    let mut area = None;
    for part in inner.split(", ") {
        let (ps, pe) = (s, s + part.len());
        s = pe + 2;
        if part.is_empty() || part.split(' ').count() > 6 {
            continue;
        }
        let hs = heads(ctx, ps, pe, true);
        let lower = part.starts_with(char::is_lowercase);
        // (In lower case, only a title: "chief judge", not "nominated by the chairman".)
        // (Or a head before its department in title case, as Australian councils write it:
        // "Manager Infrastructure Services", "Director Corporate Services"; after a dash too,
        // as New Zealand councils write it: "Group Manager – Infrastructure".)
        let department = !lower
            && hs.iter().any(|h| {
                (h.0 == ps
                    || (h.0 > ps
                        && text[ps..h.0].split_whitespace().all(|w| {
                            crate::text::with_lower(w, |l| ctx.rules.title_modifiers.contains(l))
                        })))
                    && h.1 < pe
                    && text[h.1..pe].split(' ').skip(1).all(|w| {
                        w.starts_with(char::is_uppercase) || matches!(w, "and" | "&" | "–" | "—")
                    })
            });
        if department {
            out.push((ps, pe));
            continue;
        }
        // (A modifier in lower case may open a title in capitals: "co-opted Viticulture
        // Adviser".)
        if hs.iter().any(|h| h.1 == pe)
            && (!lower
                || part.split(' ').all(|w| {
                    lower_modifier(w)
                        || hs.iter().any(|h| text[h.0..h.1].contains(w))
                        || (w.starts_with(char::is_uppercase)
                            && hs.iter().any(|h| h.1 == pe && h.0 > ps))
                }))
        {
            out.push((ps, pe));
            continue;
        }
        // The employer after the title: "(Member representative, Adonis Family Vineyards)";
        // past the area the post covers too: "(Area Commander, Otago Coastal, New Zealand
        // Police)".
        let words: Vec<&str> = part.split(' ').collect();
        if let Some(last) = out.last_mut() {
            let employer = ctx
                .rules
                .organisation_words
                .contains(*words.last().unwrap_or(&""));
            if last.1 + 2 == ps
                && hs.is_empty()
                && !employer
                && words.len() <= 3
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                area = Some(pe);
                continue;
            }
            if (last.1 + 2 == ps || area.is_some_and(|a| a + 2 == ps))
                && hs.is_empty()
                && words.len() >= 2
                && words.iter().all(|w| name_particle_or_capital(w))
                && ctx
                    .rules
                    .organisation_words
                    .contains(*words.last().unwrap_or(&""))
            {
                last.1 = pe;
            }
        }
    }
    out
}

/// A word of a name: capitalised, or a particle inside it ("Bank of the South").
fn name_particle_or_capital(w: &str) -> bool {
    w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w)
}

/// Bodies a "member" before which holds a post without naming it: "a board member".
const MEMBER_BODIES: &[&str] = &[
    "board",
    "council",
    "committee",
    "staff",
    "cabinet",
    "crew",
    "team",
    "union",
    "party",
    "faculty",
    "jury",
    "panel",
    "band",
    "cast",
    "club",
    "society",
    "parliament",
    "assembly",
    "tribal",
    "founding",
    // (And a kind of seat on one: "co-opted member", "ex officio member", "lay member".)
    "co-opted",
    "coopted",
    "officio",
    "ex-officio",
    "lay",
    "non-executive",
];

fn push_split(
    ctx: &Context<'_>,
    people: &[PersonMention],
    span: (usize, usize),
    lower: bool,
    person: usize,
    rule: &'static str,
    out: &mut Vec<RoleMention>,
) {
    let text = &ctx.doc.text;
    for (mut rs, mut re, mut org) in split_phrase(ctx, span.0, span.1, lower) {
        // "the only general practitioner on Alicudi" holds the post "general practitioner".
        if text[rs..re].starts_with("only ") {
            rs += 5;
        }
        // A compound of the hand, foot or time capitalised at the sentence's start describes the
        // post, it names no employer: "Left-arm spinner Jane Roe", "Part-time teacher".
        if text[..rs]
            .strip_suffix(' ')
            .is_some_and(|b| b.ends_with(org.as_str()))
            && org.split_once('-').is_some_and(|(a, b)| {
                a.starts_with(char::is_uppercase)
                    && matches!(b, "arm" | "handed" | "footed" | "time")
            })
        {
            rs -= org.len() + 1;
            org.clear();
        }
        // A numbered ward or district before the post is part of it: "Ward 4 councillor Jane
        // Roe", "District 5 supervisor".
        if let Some(b) = text[..rs].strip_suffix(' ') {
            let n = b.bytes().rev().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&n) {
                let unit = b[..b.len() - n].strip_suffix(' ').unwrap_or("");
                if let Some(u) = ["Ward ", "District ", "Precinct ", "Division "]
                    .iter()
                    .find(|u| unit.ends_with(u.trim_end()))
                {
                    let at = unit.len() - u.trim_end().len();
                    if at == 0 || unit[..at].ends_with([' ', '\n']) {
                        rs = at;
                    }
                }
            }
        }
        // A place after "from" is where the person comes from, but a representative's seat:
        // "A quinoa farmer from Salinas, Jane Roe," (not "a senator from Ohio").
        if let Some(k) = text[rs..re].find(" from ") {
            let head = text[rs..rs + k].rsplit(' ').next().unwrap_or("");
            if text[rs + k + 6..re].starts_with(char::is_uppercase)
                && !crate::text::with_lower(head, |h| ctx.rules.seat_heads.contains(h))
            {
                re = rs + k;
            }
        }
        // So is a place after "in" that ends a part of a coordination, as it ends an
        // apposition: "an advocate in Bukoba and former CWT legal officer" gives "advocate".
        if let Some(k) = text[rs..re].find(" in ") {
            let head = text[rs..rs + k].rsplit(' ').next().unwrap_or("");
            let place = &text[rs + k + 4..re];
            // (A head in lower case, or a title's letters: "a GP in Ramelton and …".)
            let letters = head.len() <= 4 && head.bytes().all(|b| b.is_ascii_uppercase());
            // (Not a region of a post with its employer: "head of EA in Europe".)
            if (head.starts_with(|c: char| c.is_lowercase()) || letters)
                && !text[rs..rs + k].contains(" of ")
                && place.starts_with(char::is_uppercase)
                && place.split(' ').count() <= 4
                && place.split(' ').all(|w| {
                    w.starts_with(char::is_uppercase) && !ctx.rules.organisation_words.contains(w)
                })
                && !crate::text::with_lower(head, |h| ctx.rules.seat_heads.contains(h))
            {
                re = rs + k;
            }
        }
        // An employer described, not named, is none: "vice-principal of a primary school in
        // Strabane" holds the post "vice-principal".
        if let Some(k) = [" of a ", " of an "]
            .iter()
            .find_map(|a| text[rs..re].find(a).map(|k| (k, a.len())))
            .filter(|&(k, n)| {
                k > 0
                    && text[rs + k + n..re]
                        .split(' ')
                        .all(|w| w.starts_with(char::is_lowercase))
            })
            .map(|(k, _)| k)
        {
            re = rs + k;
            org.clear();
        }
        // So is a unit that an owner's possessive names: "head of the municipality's water
        // utility" holds "head" of the "municipality's water utility".
        if let Some(k) = text[rs..re].find(" of the ").filter(|_| org.is_empty()) {
            let rest = &text[rs + k + 8..re];
            let owner = rest.split(' ').next().unwrap_or("");
            if owner.starts_with(char::is_lowercase)
                && (owner.ends_with("'s") || owner.ends_with("’s"))
                && rest.contains(' ')
                && heads(ctx, rs, rs + k, true)
                    .last()
                    .is_some_and(|h| h.1 == rs + k)
            {
                re = rs + k;
                org = rest.to_string();
            }
        }
        // A member is one of a body the text names ("member of the Policy & Resources
        // Committee", "a board member"); "member of the establishment", "the first member of
        // his family" hold no post.
        if text[rs..re].contains("member") {
            let role = &text[rs..re];
            let words: Vec<&str> = role.split(' ').collect();
            if let Some(k) = words.iter().position(|w| *w == "member" || *w == "members") {
                // ("a board member", "member of the board")
                let body = (k > 0 && MEMBER_BODIES.contains(&words[k - 1]) && k + 1 == words.len())
                    || (words.len() == k + 4
                        && words[k + 1] == "of"
                        && words[k + 2] == "the"
                        && MEMBER_BODIES.contains(&words[k + 3]));
                if org.is_empty() && !body && !role.contains(char::is_uppercase) {
                    continue;
                }
            }
        }
        // One of a group holds no post: "One member, Jane Roe, said".
        if matches!(
            org.as_str(),
            "One" | "Some" | "Many" | "Most" | "All" | "Each"
        ) {
            continue;
        }
        // An award's category is no post: "Best director: Oksana Hrytsenko", "About the
        // author: Jane Roe" heads a note.
        let last = org.rsplit(' ').next().unwrap_or("");
        if last == "Best" || org == "About the" || org == "About" {
            continue;
        }
        // A credit's label is no post: "Author: Marisol Treviño".
        if org.is_empty()
            && text[rs..re].eq_ignore_ascii_case("author")
            && text[re..].starts_with(':')
        {
            continue;
        }
        // A label in sentence case opening its line: "Rescue leader: Nurlan Asanbek uulu",
        // "Helicopter commander: Major Erlan Jumabaev" (the word is the title's, not an
        // employer's).
        if !org.is_empty() && !org.contains(' ') && !org.bytes().all(|b| b.is_ascii_uppercase()) {
            // (The org's own bytes and the one before them: no search along the line.)
            let written = text[..rs].trim_end();
            let line_start = written.len().saturating_sub(org.len());
            let opens_line = written.ends_with(org.as_str())
                && (line_start == 0 || text[..line_start].ends_with('\n'));
            if opens_line
                && text[rs..re].starts_with(char::is_lowercase)
                && text[re..].trim_start_matches(' ').starts_with(':')
            {
                rs = line_start;
                org.clear();
            } else if written.ends_with(org.as_str())
                && text[rs..re].starts_with(char::is_lowercase)
                // (An organisation's word names the one the text speaks of: "Festival
                // director Jane Roe" after "the festival".)
                && !ctx.rules.organisation_words.contains(org.as_str())
                && opens_sentence(ctx, line_start)
                && lower_elsewhere(text, &org)
            {
                // A common word capitalised only because it opens the sentence describes the
                // title: "Site engineer Motlatsi Sekhesa" (the document writes "the site").
                // (A function word is neither: "To churchwarden Gordon Roe".)
                if !(org.len() <= 4 && ctx.rules.not_names.contains(org.as_str())) {
                    rs = line_start;
                }
                org.clear();
            }
        }
        // A person is no employer: "Mr Mann's former deputy" is a deputy ("Mr. Obama's
        // Council of Economic Advisers" is the council; "Mma Lorato Guesthouse" is named after
        // one).
        if org
            .split(' ')
            .next()
            .and_then(|w| ctx.rules.honorifics.get(w.trim_end_matches('.')))
            .is_some_and(|h| h.role.is_none())
            && (org.contains("'s ")
                || org.contains("’s ")
                || !org
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| ctx.rules.organisation_words.contains(w)))
        {
            org = match org.find("'s ").or_else(|| org.find("’s ")) {
                Some(k) => org[k..].split_once(' ').map_or("", |x| x.1).to_string(),
                None => String::new(),
            };
        }
        // Nor is a person the text names: "Joseph's school principal" (of Joseph Kwaiga).
        if !org.contains(' ')
            && org.starts_with(char::is_uppercase)
            && ["'s", "’s", "'", "’"].iter().any(|p| {
                text[..rs]
                    .trim_end()
                    .strip_suffix(p)
                    .is_some_and(|b| b.ends_with(org.as_str()))
            })
            && people
                .iter()
                .any(|q| q.words > 1 && q.name.split(' ').any(|w| w == org))
        {
            org.clear();
        }
        // "its" or "their" before a post given by the sentence's verb is the subject's: "Lakeside
        // Rangers have appointed Jane Roe as their new head coach".
        if org.is_empty() && rule == "roles.predicate" {
            if let Some(o) = appointing_owner(ctx, people, rs) {
                org = o;
            }
        }
        out.push(RoleMention {
            start: rs,
            end: re,
            role: crate::text::collapse(&text[rs..re]),
            organization: org,
            person,
            rule,
        });
    }
}

/// The organisation that opens the sentence as the subject of appointing, when "its" or
/// "their" stands before the post at `rs`: "Acme Holdings has appointed Jane Roe as its chief
/// executive" gives "Acme Holdings". None when the subject is a person or no name.
fn appointing_owner(ctx: &Context<'_>, people: &[PersonMention], rs: usize) -> Option<String> {
    let text = &ctx.doc.text;
    let mut lead = text[..rs].trim_end();
    for w in ["new", "next", "first", "interim", "permanent"] {
        if let Some(l) = lead.strip_suffix(w).filter(|l| l.ends_with(' ')) {
            lead = l.trim_end();
            break;
        }
    }
    if !(lead.ends_with(" its") || lead.ends_with(" their")) {
        return None;
    }
    let sent = &ctx.doc.sentences[ctx.doc.sentence_at(rs)?];
    let mut body = &text[sent.start..rs];
    // (After a dateline in capitals: "KISUMU – Lakeside Rangers have appointed …".)
    if let Some((_, rest)) = body
        .split_once(" – ")
        .or_else(|| body.split_once(" - "))
        .filter(|(p, _)| !p.contains(char::is_lowercase) && p.len() <= 40)
    {
        body = rest;
    }
    let subject_start = rs - body.len();
    let mut words = body.split(' ');
    let mut name: Vec<&str> = Vec::new();
    let verb = loop {
        let w = words.next()?;
        if w.starts_with(char::is_uppercase) || (!name.is_empty() && NAME_PARTICLES.contains(&w)) {
            name.push(w);
            if name.len() > 8 {
                return None;
            }
            continue;
        }
        break w;
    };
    let verb = if matches!(verb, "has" | "have" | "had") {
        words.next()?
    } else {
        verb
    };
    if name.is_empty() {
        return None;
    }
    // (The name's words stand together in the text: the subject is a slice of it.)
    let subject_end = subject_start + name.iter().map(|w| w.len() + 1).sum::<usize>() - 1;
    let first_person = people.partition_point(|q| q.start < subject_start);
    if NAME_PARTICLES.contains(name.last()?)
        || !APPOINTING.contains(&verb)
        || ctx
            .rules
            .honorifics
            .contains_key(name[0].trim_end_matches('.'))
        || people
            .get(first_person)
            .is_some_and(|q| q.start < subject_end)
    {
        return None;
    }
    Some(clean_org(&text[subject_start..subject_end]))
}

/// Whether `at` is where its sentence starts.
fn opens_sentence(ctx: &Context<'_>, at: usize) -> bool {
    ctx.doc
        .sentence_at(at)
        .is_some_and(|i| ctx.doc.sentences[i].start == at)
}

/// Whether the document writes the capitalised word `w` in lower case too, as a word of its
/// own: then it is a common word, not a name.
fn lower_elsewhere(text: &str, w: &str) -> bool {
    let low = w.to_lowercase();
    if low == w || low.is_empty() {
        return false;
    }
    let bytes = text.as_bytes();
    // (Between spaces or punctuation: not "www.arsenal.com"; or in the plural: "the
    // patrols" for "Patrol leader".)
    memchr::memmem::find_iter(bytes, low.as_bytes()).any(|k| {
        let before = k == 0 || matches!(bytes[k - 1], b' ' | b'\n' | b'(' | b'"');
        let e = k + low.len();
        let e = if bytes.get(e) == Some(&b's') {
            e + 1
        } else {
            e
        };
        let after = match bytes.get(e) {
            None => true,
            Some(b'.') => bytes.get(e + 1).is_none_or(|b| b.is_ascii_whitespace()),
            Some(b) => matches!(
                b,
                b' ' | b'\n' | b'\r' | b',' | b';' | b':' | b')' | b'!' | b'?'
            ),
        };
        before && after
    })
}

/// A post in the plural in brackets after a list of names is each one's: "Eamon Rooney, Fiona
/// Scanlon and Aodhán Ó Gallchóir (Directors)" gives all three "Director". The names before
/// the last are joined by commas and "and", none with brackets of its own.
fn plural_bracket_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    for (pi, p) in people.iter().enumerate() {
        let Some(inner) = text[p.end..].strip_prefix(" (") else {
            continue;
        };
        let Some(close) =
            inner[..crate::text::floor_boundary(inner, inner.len().min(40))].find(')')
        else {
            continue;
        };
        let plural = &inner[..close];
        let singular = plural
            .strip_suffix("ies")
            .map(|b| format!("{b}y"))
            .or_else(|| plural.strip_suffix('s').map(str::to_string));
        let Some(singular) = singular.filter(|w| {
            w.starts_with(char::is_uppercase)
                && !w.contains(' ')
                && crate::text::with_lower(w, |l| ctx.rules.role_head_set.contains(l))
        }) else {
            continue;
        };
        // The names of the list, back from this one.
        let mut list = vec![pi];
        let mut k = pi;
        while k > 0 {
            let q = &people[k - 1];
            let lead = people[k].honorific_start.unwrap_or(people[k].start);
            if q.end > lead || !matches!(&text[q.end..lead], ", " | " and " | ", and ") {
                break;
            }
            list.push(k - 1);
            k -= 1;
        }
        if list.len() < 2 {
            continue;
        }
        let (s, e) = (p.end + 2, p.end + 2 + close);
        for &qi in list.iter().rev() {
            out.push(RoleMention {
                start: s,
                end: e,
                role: singular.clone(),
                organization: String::new(),
                person: qi,
                rule: "roles.bracket",
            });
        }
    }
}

/// Roles given to "He" or "She" opening a sentence, when the sentence before in the paragraph
/// names one person only, who fits the pronoun: "Jane Roe will join as Chief Financial
/// Officer. She is currently finance director of Acme."
/// A post in the plural, in lower case, before two names joined by "and" is each one's:
/// "forestry officers Shermain Bristol and Dexter Noel" gives both "forestry officer".
fn plural_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    label_list_roles(ctx, people, out);
    for (pi, p) in people.iter().enumerate() {
        let before = &text[..p.start];
        let Some(b) = before.strip_suffix(' ') else {
            continue;
        };
        let (head_start, head) = last_word(b);
        let Some(singular) = head.strip_suffix('s') else {
            continue;
        };
        // (Capitalised where it opens the sentence: "Midfielders Hamid Saeed and Josh Hine
        // were prolific".)
        let lowered;
        let singular = if singular.starts_with(|c: char| c.is_ascii_uppercase())
            && opens_sentence(ctx, head_start)
        {
            lowered = singular.to_ascii_lowercase();
            lowered.as_str()
        } else {
            singular
        };
        if singular.len() < 3
            || !singular.bytes().all(|c| c.is_ascii_lowercase())
            || !ctx.rules.role_head_set.contains(singular)
        {
            continue;
        }
        // The names after it: a list that "and" closes ("members Hemi Pōtiki, Sarah Kerr and
        // Rev. Tavita Faleolo"), each with no role of its own before it.
        let mut listed = vec![pi];
        let mut closed = false;
        for (qi, q) in people.iter().enumerate().skip(pi + 1) {
            let prev = &people[listed[listed.len() - 1]];
            let lead = q.honorific_start.unwrap_or(q.start);
            let Some(gap) = text.get(prev.end..lead) else {
                break;
            };
            // (Past a short bracket of the name's own: "independent commissioners Helen
            // McAllister-Boyd (chair), Dr Rawiri Tautahi and Sandra Liu".)
            let gap = gap
                .strip_prefix(" (")
                .and_then(|g| g.split_once(')'))
                .filter(|(inner, _)| inner.len() <= 40 && !inner.contains(['(', '\n']))
                .map_or(gap, |(_, rest)| rest);
            match gap {
                ", " => listed.push(qi),
                " and " | ", and " => {
                    listed.push(qi);
                    closed = true;
                    break;
                }
                _ => break,
            }
        }
        if !closed {
            continue;
        }
        // Up to two describing words before the head: "forestry officers", "shadow cabinet
        // members".
        let mut start = head_start;
        for _ in 0..2 {
            let (w_start, w) = last_word(&b[..start]);
            // (No verb's participle: "praised moderators Jane Roe and John Doe".)
            // (A body before "members", capitalised too: "Board members".)
            // (A title's own word only: not "ambassadors include actors Jane Roe and …".)
            let body =
                singular == "member" && MEMBER_BODIES.contains(&w.to_ascii_lowercase().as_str());
            // (Or a compound: "stand-in flankers", "ex-international referees".)
            let titled =
                lower_modifier(w) && (ctx.rules.title_modifiers.contains(w) || w.contains('-'));
            if !(titled || body) || DETERMINERS.contains(&w) || w.ends_with("ed") {
                break;
            }
            start = w_start;
        }
        let end = b.len();
        let role = format!("{}{}", &text[start..head_start], singular);
        for person in listed {
            // (Not where a post of its own stands before the name; a post after it, in its
            // bracket, is a second one.)
            let at = people[person].start;
            if out
                .iter()
                .any(|r| r.person == person && (r.start < at || r.role == role))
            {
                continue;
            }
            out.push(RoleMention {
                start,
                end,
                role: role.clone(),
                organization: String::new(),
                person,
                rule: "roles.prenominal",
            });
        }
    }
}

/// A post in the plural labelling a list on its line gives it to every name of the list, as
/// minutes and programmes write them: "Councillors: Dimitri Kuyumji, Olga Dobroglu and Petr
/// Karagöz" gives each "Councillor".
fn label_list_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    let mut pi = 0;
    while pi < people.len() {
        let p = &people[pi];
        pi += 1;
        let Some(before) = text[..p.start].strip_suffix(": ") else {
            continue;
        };
        let line_start = before.rfind('\n').map_or(0, |k| k + 1);
        let label = before[line_start..].trim_start_matches([' ', '\t', '•', '-', '*']);
        let start = p.start - 2 - label.len();
        let words: Vec<&str> = label.split(' ').collect();
        let Some(last) = words.last().filter(|_| (1..=3).contains(&words.len())) else {
            continue;
        };
        let Some(singular) = last.strip_suffix('s') else {
            continue;
        };
        // (Every word a capitalised or lower-case letter word: "Councillors", "Town
        // councillors", not "Present" or a sentence's clause.)
        if singular.len() < 3
            || !words
                .iter()
                .all(|w| w.len() > 1 && w.chars().all(char::is_alphabetic))
            || !ctx
                .rules
                .role_head_set
                .contains(singular.to_lowercase().as_str())
        {
            continue;
        }
        let role = label[..label.len() - 1].to_string();
        // The names of the list: each after ", ", " and " or ", and " on the same line.
        let mut list = vec![pi - 1];
        while let Some(q) = people.get(pi) {
            let gap = &text[people[pi - 1].end..q.start];
            if !matches!(gap, ", " | " and " | ", and " | " & ") {
                break;
            }
            list.push(pi);
            pi += 1;
        }
        // (A list of one is a label and a name: the label's singular is handled as a post.)
        if list.len() < 2 {
            continue;
        }
        for person in list {
            if out.iter().any(|r| r.person == person) {
                continue;
            }
            out.push(RoleMention {
                start,
                end: start + label.len(),
                role: role.clone(),
                organization: String::new(),
                person,
                rule: "roles.prenominal",
            });
        }
    }
}

/// Posts given to a person by a pronoun or the given name alone opening a later sentence: "Jane
/// Roe, 89, died on Sunday. She was president of the Growers Association …", as obituaries
/// write them ("Dale served as chief of …", "He served as …" after sentences about him).
fn pronoun_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    let sentences = &ctx.doc.sentences;
    // The person a sentence opens with (its subject), when every name in it is that person's
    // ("Ms Roe" of "Jane Roe").
    let opener = |si: usize| -> Option<usize> {
        let before = sentences[si];
        let first = people.partition_point(|p| p.start < before.start);
        let last = people.partition_point(|p| p.start < before.end);
        let pi = (first < last).then_some(first)?;
        let lead = people[pi].honorific_start.unwrap_or(people[pi].start);
        if text[before.start..lead].chars().any(char::is_alphanumeric) {
            return None;
        }
        if !people[first..last]
            .iter()
            .all(|q| surname_of(q) == surname_of(&people[pi]))
        {
            return None;
        }
        // A given name alone stands for the one person named in full with it before; so does
        // a surname after a honorific ("Ms Tsiklauri-Gogoladze, 41, trained …").
        if people[pi].words == 1 {
            let one = people[pi].name.as_str();
            let titled = people[pi].honorific.is_some();
            let mut full = people[..pi].iter().enumerate().filter(|(_, q)| {
                q.words >= 2
                    && (q.name.split(' ').next() == Some(one) || (titled && surname_of(q) == one))
            });
            let first = full.next();
            return match first {
                Some((k, q)) if full.all(|(_, r)| r.name == q.name) => Some(k),
                _ => None,
            };
        }
        Some(pi)
    };
    let (subject, subject_after) = obituary_subject(ctx, people);
    // The given names of the people named in full: the only words other than a pronoun that
    // such a sentence may open with (most sentences are passed over at their first word).
    let mut givens: Vec<&str> = people
        .iter()
        .filter(|q| q.words >= 2)
        .filter_map(|q| q.name.split(' ').next())
        .collect();
    givens.sort_unstable();
    givens.dedup();
    for (si, sent) in sentences.iter().enumerate().skip(1) {
        let s = &text[sent.start..sent.end];
        // (The first word by its bytes: this runs on every sentence.)
        let Some(sp) = s.bytes().take(32).position(|b| b == b' ') else {
            continue;
        };
        let (word, rest) = (&s[..sp], &s[sp + 1..]);
        let pronoun = matches!(word, "He" | "She");
        if !pronoun && givens.binary_search(&word).is_err() {
            continue;
        }
        // The sentence it refers to: the one before, or one further back (at most three)
        // over sentences about the same person, each opening with a pronoun or the person's
        // given name, within two paragraphs.
        let near = (si.saturating_sub(4)..si)
            .rev()
            .find_map(|k| opener(k).map(|pi| (k, pi)))
            .filter(|&(k, pi)| {
                let given = people[pi].name.split(' ').next().unwrap_or("");
                let about = |j: usize| {
                    let w = text[sentences[j].start..sentences[j].end]
                        .split(' ')
                        .next()
                        .unwrap_or("");
                    matches!(w, "He" | "She") || (people[pi].words > 1 && w == given)
                };
                (k + 1..si).all(about)
                    && sentences[k].paragraph + 2 >= sent.paragraph
                    && !(k + 1 == si && sentences[k].paragraph != sent.paragraph && pronoun)
            })
            .map(|(_, pi)| pi);
        // Else, in an obituary, the person whose death it reports, whom its sentences are
        // about: "Dale served as chief of …" paragraphs after "CODY — Dale Everett Hanson, 89,
        // … died Sunday".
        let Some(pi) = near.or_else(|| (si > subject_after).then_some(subject).flatten()) else {
            continue;
        };
        if pronoun {
            let want = crate::names::pronoun_gender(&word.to_lowercase());
            // (A honorific of any of the person's mentions tells first: "Ms Tsiklauri-Gogoladze"
            // of "Nino Tsiklauri-Gogoladze", whose given name the lists give to men.)
            let gender = people
                .iter()
                .filter(|q| {
                    q.name == people[pi].name
                        || (q.words == 1
                            && people[pi].words > 1
                            && surname_of(&people[pi]) == q.name)
                })
                .find_map(|q| {
                    q.honorific
                        .as_deref()
                        .and_then(|h| crate::names::honorific_gender_of(ctx.rules, h))
                })
                .or_else(|| {
                    (people[pi].words > 1)
                        .then(|| people[pi].name.split(' ').next())
                        .flatten()
                        .and_then(|g| ctx.rules.given_name(g).flatten())
                });
            if gender.is_some() && gender != want {
                continue;
            }
        } else {
            // The given name alone of the person named in full, and of no one else in the
            // document: "Dale served as …" after "Dale Everett Hanson, 89, … died".
            let given = |q: &PersonMention| q.name.split(' ').next() == Some(word);
            if people[pi].words < 2
                || !given(&people[pi])
                || people
                    .iter()
                    .any(|q| q.words >= 2 && given(q) && surname_of(q) != surname_of(&people[pi]))
                || people
                    .iter()
                    .any(|q| q.start == sent.start && q.name != word)
            {
                continue;
            }
        }
        if pronoun {
            push_where_post(ctx, people, si, pi, out);
        }
        let from = sent.end - rest.len() - 1;
        let Some(pos) =
            predicate_role(ctx.rules, &text[from..sent.end], false, true).map(|k| from + k)
        else {
            continue;
        };
        let Some((s, e)) = appositive_after(ctx, sent.end, pos) else {
            continue;
        };
        let e = s + complement_len(ctx.rules, &text[s..e]);
        // (Not a role that names someone else: "She is now Jane Roe's deputy"; nor a relation
        // after the copula: "He was a fan of the director".)
        if e <= s || people.iter().any(|q| q.start < e && q.end > s) {
            continue;
        }
        let relation = heads(ctx, s, e, true).first().is_some_and(|h| {
            text[s..h.0]
                .split_whitespace()
                .any(|w| matches!(w, "of" | "to" | "for" | "with" | "in" | "at" | "by"))
        });
        if relation {
            continue;
        }
        push_split(ctx, people, (s, e), true, pi, "roles.pronoun", out);
    }
}

/// Posts held where a person comes from, given by a clause after the place: "Tveit joins from
/// DNB, where he has been head of credit risk modelling since 2020" (the person opens the
/// sentence; a pronoun that opens one is resolved by `pronoun_roles`).
fn where_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    let mut last = usize::MAX;
    for k in memchr::memmem::find_iter(text.as_bytes(), b", where ") {
        let Some(si) = ctx.doc.sentence_at(k) else {
            continue;
        };
        if si == last {
            continue;
        }
        last = si;
        let sent = ctx.doc.sentences[si];
        let first = people.partition_point(|p| p.start < sent.start);
        // (After a title too: "Dkt. Shija joins SECO from the Rural Energy Agency (REA),
        // where …".)
        let opens = people.get(first).is_some_and(|p| {
            p.start < sent.end
                && text[sent.start..p.honorific_start.unwrap_or(p.start)]
                    .trim()
                    .is_empty()
        });
        // (Or the surname alone of one person named in full before, a title before it or
        // none: "Tveit joins from DNB, where he has been …", "Dkt. Shija joins SECO from the
        // Rural Energy Agency (REA), where …".)
        let pi = if opens {
            Some(first)
        } else {
            let mut words = text[sent.start..sent.end].split(' ');
            let mut word = words.next().unwrap_or("");
            if ctx
                .rules
                .honorifics
                .contains_key(word.trim_end_matches('.'))
            {
                word = words.next().unwrap_or("");
            }
            let mut named = people[..first]
                .iter()
                .enumerate()
                .filter(|(_, q)| q.words >= 2 && surname_of(q) == word);
            let found = named.next();
            found
                .filter(|(_, q)| named.all(|(_, r)| r.name == q.name))
                .map(|(j, _)| j)
        };
        if let Some(pi) = pi {
            push_where_post(ctx, people, si, pi, out);
        }
    }
}

/// The post `[rs, re)` of an apposition's span cut to its complement, or none when nothing is
/// left or it names a person: the last step of every rule that reads a post after a verb
/// ("served as", "after nine years as", "where he has been").
fn post_span(
    ctx: &Context<'_>,
    people: &[PersonMention],
    (rs, re): (usize, usize),
) -> Option<(usize, usize)> {
    let re = rs + complement_len(ctx.rules, &ctx.doc.text[rs..re]);
    (re > rs && !people.iter().any(|q| q.start < re && q.end > rs)).then_some((rs, re))
}

/// Posts held for a stated time before a change: "Bw. Hamisi Omari Kitwana, who retires after
/// nine years as Managing Director", "took over as managing director in January, after 15
/// years as the company's technical manager". The post goes to the nearest person before it in
/// the sentence.
fn tenure_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    // ("after nine years", "following more than 20 years", "after a decade": one search for
    // the units' common letters.)
    for k in memchr::memmem::find_iter(text.as_bytes(), b"s as ")
        .map(|k| k + 1)
        .chain(memchr::memmem::find_iter(text.as_bytes(), b"ade as ").map(|k| k + 3))
    {
        let before = &text[..k];
        let Some(unit) = ["years", "months", "decades", "decade"]
            .iter()
            .find(|u| before.ends_with(*u) && before[..before.len() - u.len()].ends_with(' '))
        else {
            continue;
        };
        let lead = &before[..before.len() - unit.len() - 1];
        let words: Vec<&str> = lead.rsplit(' ').take(4).collect();
        let Some(at) = words
            .iter()
            .position(|w| matches!(*w, "after" | "following"))
        else {
            continue;
        };
        // (A count between: "after 15 years", "after nearly two decades"; not "after the
        // years as an amateur".)
        let count = &words[..at];
        if !(1..=3).contains(&count.len())
            || !count.iter().any(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || ctx.rules.number_words.contains_key(*w)
                    || matches!(*w, "a" | "several" | "many")
            })
        {
            continue;
        }
        let Some(si) = ctx.doc.sentence_at(k) else {
            continue;
        };
        let sent = ctx.doc.sentences[si];
        let first = people.partition_point(|p| p.start < sent.start);
        let at = people.partition_point(|p| p.end <= k);
        if at <= first {
            continue;
        }
        let pi = at - 1;
        let pos = k + 3;
        let Some(span) =
            appositive_after(ctx, sent.end, pos).and_then(|a| post_span(ctx, people, a))
        else {
            continue;
        };
        push_split(ctx, people, span, true, pi, "roles.tenure", out);
    }
}

/// Posts held "in his role as" or "in her capacity as": "appointed Company Secretary in
/// addition to his role as Chief Financial Officer", "In her capacity as chair of the trust,
/// Jane Roe said". The post goes to the nearest person before it in the sentence, or else to
/// the first after it.
fn role_as_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    for noun in ["role as ", "capacity as "] {
        for k in memchr::memmem::find_iter(text.as_bytes(), noun.as_bytes()) {
            let before = &text[..k];
            if !["his ", "her ", "their ", "His ", "Her ", "Their "]
                .iter()
                .any(|p| before.ends_with(p))
            {
                continue;
            }
            // (Not a part played: "best actor for his role as a disgraced parish priest".)
            let part = before.trim_end().rsplit(' ').nth(1) == Some("for")
                || ["a ", "an "]
                    .iter()
                    .any(|a| text[k + noun.len()..].starts_with(a));
            if part {
                continue;
            }
            let Some(si) = ctx.doc.sentence_at(k) else {
                continue;
            };
            let sent = ctx.doc.sentences[si];
            let first = people.partition_point(|p| p.start < sent.start);
            let at = people.partition_point(|p| p.start < k);
            let pi = if at > first {
                at - 1
            } else if people.get(at).is_some_and(|p| p.start < sent.end) {
                at
            } else {
                continue;
            };
            let pos = k + noun.len() - 1;
            let Some((rs, mut re)) = appositive_after(ctx, sent.end, pos) else {
                continue;
            };
            // (The person named after it ends it: "In his role as chairman of Acme Ltd, Tom
            // Hale said".)
            if let Some(q) = people.get(pi).filter(|q| q.start > rs && q.start < re) {
                let lead = q.honorific_start.unwrap_or(q.start);
                match text[..lead].strip_suffix(", ") {
                    Some(b) if b.len() > rs => re = b.len(),
                    _ => continue,
                }
            }
            let Some(span) = post_span(ctx, people, (rs, re)) else {
                continue;
            };
            push_split(ctx, people, span, true, pi, "roles.role-as", out);
        }
    }
}

/// A post given by a second verb of the sentence's subject: "Mrisho, 54, joined the Tanzania
/// Police Force in 1996 and served as deputy regional commander in Iringa", or by a participle
/// after it: "The principal, Mrs Jane Roe, was appointed in 2021, having previously been
/// vice-principal of a school in Strabane". The person opens the sentence (or an apposition
/// that does); no one else is named before, nor does a relative clause end there ("Roe thanked
/// the man who founded the club and served as its president" gives none).
fn coordinated_verb_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    let mut last = usize::MAX;
    for (pi, p) in people.iter().enumerate() {
        let Some(si) = ctx.doc.sentence_at(p.start) else {
            continue;
        };
        let sent = ctx.doc.sentences[si];
        let lead = p.honorific_start.unwrap_or(p.start);
        // (Or set off after a description that opens it: "The principal, Mrs Jane Roe, …".)
        let described = || {
            text[sent.start..lead]
                .strip_prefix("The ")
                .and_then(|d| d.strip_suffix(", "))
                .is_some_and(|d| {
                    d.split(' ').count() <= 5
                        && d.split(' ').all(|w| w.starts_with(char::is_lowercase))
                })
        };
        if si == last || !(lead == sent.start || described()) {
            continue;
        }
        last = si;
        let s = &text[p.end..sent.end];
        let mut from = 0;
        // (The participle's clause, looked for once.)
        let having = s.find(", having ").map(|k| (k, 9));
        loop {
            let and = s[from..].find(" and ").map(|k| (from + k, 5));
            let having = having.filter(|h| h.0 >= from);
            let Some((k, n)) = [and, having].into_iter().flatten().min() else {
                break;
            };
            from = k + n;
            let between = &s[..k];
            let at = p.end + k;
            if between.contains([';', ':', '"', '“', '('])
                || people[pi + 1..].first().is_some_and(|q| q.start < at)
            {
                break;
            }
            let clause = between.rsplit(", ").next().unwrap_or(between);
            if clause.split(' ').any(|w| {
                matches!(
                    w,
                    "who" | "which" | "that" | "whose" | "whom" | "where" | "when"
                )
            }) || clause.split(' ').count() > 16
            {
                continue;
            }
            let rest = &s[k + n..];
            let verb = if n == 5 {
                after_role_verb(ctx.rules, rest).map(|r| rest.len() - r.len())
            } else {
                let r = POST_ADVERBS
                    .iter()
                    .find_map(|a| rest.strip_prefix(a))
                    .unwrap_or(rest);
                ["been ", "served as ", "worked as "]
                    .iter()
                    .find_map(|v| r.strip_prefix(v))
                    .map(|r2| rest.len() - r2.len())
            };
            let Some(v) = verb else {
                continue;
            };
            let pos = at + n + v - 1;
            let Some(span) =
                appositive_after(ctx, sent.end, pos).and_then(|a| post_span(ctx, people, a))
            else {
                continue;
            };
            push_split(ctx, people, span, true, pi, "roles.predicate", out);
            break;
        }
    }
}

/// The chair of a body "chaired by" the person: "The board of governors, chaired by Mr Trevor
/// Armstrong since 2019, is well informed" gives "chair" of the "board of governors" (the body
/// when the phrase before names one, else no organisation: "a meeting chaired by Jane Roe").
fn chaired_by_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    for (verb, role) in [("chaired by ", "chair"), ("headed by ", "head")] {
        for k in memchr::memmem::find_iter(text.as_bytes(), verb.as_bytes()) {
            let at = k + verb.len();
            // (The first mention starting at or after it: its honorific opens there or none.)
            let pi = people.partition_point(|q| q.start < at);
            if people
                .get(pi)
                .is_none_or(|q| q.honorific_start.unwrap_or(q.start) != at)
            {
                continue;
            }
            // The body: the words back to its article, one of them an organisation's word.
            // (Past the auxiliaries of a passive: "The inquiry will be chaired by".)
            let mut before = text[..k].trim_end().trim_end_matches(',');
            while let Some((b, w)) = before.rsplit_once(' ') {
                if !matches!(
                    w,
                    "was" | "is" | "be" | "been" | "has" | "had" | "will" | "are" | "were"
                ) {
                    break;
                }
                before = b;
            }
            // (Within its line: "\n\nThe Board of Directors, chaired by".)
            let line_start = before.rfind('\n').map_or(0, |k| k + 1);
            let mut org_start = None;
            let mut n = before.len();
            for (count, w) in before[line_start..].rsplit(' ').enumerate() {
                if count >= 8 || w.is_empty() || w.contains(['\n', ',', '.', ';', ':']) {
                    break;
                }
                n -= w.len();
                if matches!(w, "the" | "The" | "a" | "A" | "an" | "An" | "its" | "Its") {
                    org_start = Some(n);
                    break;
                }
                n = n.saturating_sub(1);
            }
            let org = org_start
                .map(|s| before[s..].trim())
                .filter(|o| {
                    o.split(' ')
                        .next()
                        .is_some_and(|w| matches!(w, "the" | "The" | "its" | "Its"))
                        && o.split(' ').any(|w| {
                            lower_org_word(ctx, w, true)
                                || ctx
                                    .rules
                                    .organisation_words
                                    .contains(&crate::text::capitalise_first(w))
                        })
                })
                .map(|o| clean_org(o.split_once(' ').map_or(o, |x| x.1)))
                .unwrap_or_default();
            out.push(RoleMention {
                start: k,
                end: k + verb.len() - 4,
                person: pi,
                role: role.to_string(),
                organization: org,
                rule: "roles.chaired-by",
            });
        }
    }
}

/// Posts that open a sentence whose complement is the person: "The designated teacher for
/// child protection is Mrs Orla Roe", "The returning officer was Tom Hale." (not the person's
/// own: "The chair is Jane Roe's husband").
fn inverse_copula_roles(ctx: &Context<'_>, people: &[PersonMention], out: &mut Vec<RoleMention>) {
    let text = &ctx.doc.text;
    for (pi, p) in people.iter().enumerate() {
        let lead = p.honorific_start.unwrap_or(p.start);
        let Some(before) = [" is ", " was "]
            .iter()
            .find_map(|v| text[..lead].strip_suffix(v))
        else {
            continue;
        };
        let Some(si) = ctx.doc.sentence_at(lead) else {
            continue;
        };
        let sent = ctx.doc.sentences[si];
        if before.len() <= sent.start || text[p.end..].starts_with(['\'', '’']) {
            continue;
        }
        let Some(phrase) = text[sent.start..before.len()].strip_prefix("The ") else {
            continue;
        };
        let (s, e) = (before.len() - phrase.len(), before.len());
        let words = phrase.split(' ').count();
        // (An award or a rank in a contest is no post: "The best director runner-up was …".)
        let award = matches!(phrase.split(' ').next(), Some("best" | "worst" | "first"));
        if award
            || words > 9
            || phrase.contains([',', ';', ':', '(', '"', '“', '\n'])
            || phrase.contains(|c: char| c.is_ascii_digit())
            || people.iter().any(|q| q.start < e && q.end > s)
        {
            continue;
        }
        // (Its head may be followed by a qualifier: "teacher for child protection".)
        if !opens_with_post(ctx, s, e, usize::MAX) {
            continue;
        }
        push_split(ctx, people, (s, e), true, pi, "roles.inverse-copula", out);
    }
}

/// The post after ", where he has been" in sentence `si`, given to person `pi` with the place
/// named before the comma as its organisation: "joins from Norrskog Holding AB, where she has
/// been Group Financial Controller".
fn push_where_post(
    ctx: &Context<'_>,
    people: &[PersonMention],
    si: usize,
    pi: usize,
    out: &mut Vec<RoleMention>,
) {
    let text = &ctx.doc.text;
    let sent = ctx.doc.sentences[si];
    let s = &text[sent.start..sent.end];
    let Some(k) = s.find(", where ") else {
        return;
    };
    let rest = &s[k + 8..];
    let Some(rest) = ["he ", "she "].iter().find_map(|p| rest.strip_prefix(p)) else {
        return;
    };
    // (A verb phrase of the lists whose complement is a post: "has been", "served as".)
    let verb = after_role_verb(ctx.rules, rest).map(|r| rest.len() - r.len());
    // (Or the copula alone: "where she was Group Treasurer".)
    let Some(verb) = verb.or_else(|| {
        ["was ", "is "]
            .iter()
            .find(|c| rest.starts_with(**c))
            .map(|c| c.len())
    }) else {
        return;
    };
    // The place: a name of capitalised words after "from", "at" or "with" (and "the"), its
    // short form in brackets aside: "joins SECO from the Rural Energy Agency (REA), where".
    let before = &s[..k];
    let before = match before.strip_suffix(')').and_then(|b| b.rsplit_once(" (")) {
        Some((b, short)) if !short.contains(' ') && short.starts_with(char::is_uppercase) => b,
        _ => before,
    };
    let mut words: Vec<&str> = Vec::new();
    let mut prep = "";
    for w in before.rsplit(' ') {
        if w.starts_with(char::is_uppercase) || (!words.is_empty() && NAME_PARTICLES.contains(&w)) {
            words.push(w);
            if words.len() > 8 {
                return;
            }
            continue;
        }
        prep = w;
        break;
    }
    words.reverse();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    if words.is_empty()
        || !matches!(prep, "from" | "at" | "with")
        || NAME_PARTICLES.contains(&words[0])
    {
        return;
    }
    let org = clean_org(&words.join(" "));
    let pos = sent.start + s.len() - rest.len() + verb;
    let Some(span) = appositive_after(ctx, sent.end, pos).and_then(|a| post_span(ctx, people, a))
    else {
        return;
    };
    let from = out.len();
    push_split(ctx, people, span, true, pi, "roles.where", out);
    for r in &mut out[from..] {
        if r.organization.is_empty() {
            r.organization = org.clone();
        }
    }
}

/// The person an obituary is about, and the sentence that reports the death: the first person
/// named in full, in the document's first sentences, in a sentence that says they died (a
/// dateline may come first: "CODY — Dale Everett Hanson, 89, … died Sunday").
fn obituary_subject(ctx: &Context<'_>, people: &[PersonMention]) -> (Option<usize>, usize) {
    let text = &ctx.doc.text;
    let sentences = &ctx.doc.sentences;
    for (si, sent) in sentences.iter().enumerate().take(4) {
        let s = &text[sent.start..sent.end];
        if !(s.contains(" died") || s.contains(" passed away")) {
            continue;
        }
        let first = people.partition_point(|p| p.start < sent.start);
        let Some(p) = people
            .get(first)
            .filter(|p| p.start < sent.end && p.words >= 2)
        else {
            continue;
        };
        // Only a dateline before the name: capitals and a dash.
        let lead = &text[sent.start..p.honorific_start.unwrap_or(p.start)];
        let dateline = lead.trim().is_empty()
            || (lead.contains(['—', '–', '-']) && !lead.chars().any(char::is_lowercase));
        if dateline {
            return (Some(first), si);
        }
    }
    (None, usize::MAX)
}

/// The length of the lower-case words after an organisation's name that end in a kind of
/// organisation (one or two words long): " police station" of "Kirkwall police station,"; at
/// most two words before the kind, none of them a function word.
fn kind_after_name(ctx: &Context<'_>, rest: &str) -> Option<usize> {
    let tail = rest.strip_prefix(' ')?;
    let mut len = 0;
    let mut prev = "";
    for (k, w) in tail.split(' ').take(3).enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        if bare.is_empty()
            || !bare.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            || CONNECTORS.contains(&bare)
            || DETERMINERS.contains(&bare)
            || AUXILIARIES.contains(&bare)
            || matches!(
                bare,
                "or" | "who" | "which" | "that" | "said" | "says" | "from" | "by"
            )
        {
            return None;
        }
        len += usize::from(k > 0) + bare.len();
        if ctx.rules.organisation_kinds.contains(bare)
            || (k > 0
                && ctx
                    .rules
                    .organisation_kinds
                    .contains(&format!("{prev} {bare}")))
        {
            return Some(len + 1);
        }
        if bare.len() < w.len() {
            return None;
        }
        prev = bare;
    }
    None
}

/// The name of a body right before a title, ending in an organisation word: "Chatham Islands
/// Council Cllr Denise Seymour" (two to six capitalised words within the sentence), else empty.
fn body_before_title(ctx: &Context<'_>, sent_start: usize, hs: usize) -> String {
    let text = &ctx.doc.text;
    let Some(before) = text[sent_start..hs].strip_suffix(' ') else {
        return String::new();
    };
    let words: Vec<&str> = before.rsplit(' ').take(7).collect();
    let run = words
        .iter()
        .take_while(|w| {
            w.starts_with(char::is_uppercase) && !w.ends_with([',', '.', ':', ';', ')'])
        })
        .count();
    // (Not a sentence's opening word that is no name's: "The Council Cllr …".)
    let mut names = &words[..run];
    while names
        .last()
        .is_some_and(|w| *w == "The" || ctx.rules.sentence_openers.contains(*w))
    {
        names = &names[..names.len() - 1];
    }
    if !(2..=6).contains(&names.len()) || !ctx.rules.organisation_words.contains(words[0]) {
        return String::new();
    }
    names.iter().rev().copied().collect::<Vec<_>>().join(" ")
}

/// A person's surname: the last word of the name.
fn surname_of(q: &PersonMention) -> &str {
    q.name.rsplit(' ').next().unwrap_or("")
}

/// The organisation named right after a person's name by "of": ", of the Serious Collision
/// Investigation Unit," or " of Bernstein" (capitalised words to the next punctuation or
/// lower-case word); by "from" or "at" when the name holds an organisation word ("lawyer Jane
/// Roe from the Office of the Attorney General", "economist Jane Roe at Barclays Bank"), as a
/// place is often where someone is from ("farmer Jane Roe from Leeds").
fn org_after_name(ctx: &Context<'_>, name_end: usize) -> Option<String> {
    let text = &ctx.doc.text;
    let rest = &text[name_end..];
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let (rest, of) = match rest.strip_prefix(" of ") {
        Some(r) => (r, true),
        None => (
            rest.strip_prefix(" from ")
                .or_else(|| rest.strip_prefix(" at "))?,
            false,
        ),
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    // (Within the line: "of Maryland.⏎⏎The …".)
    let rest = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let mut len = 0;
    for (words, w) in rest.split(' ').enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        // (Not "and": "Senator Ted Cruz of Texas and Senator Rand Paul".)
        // (Or a particle inside it, a capitalised word after: "Tasca do Porto", "Banco de
        // Portugal".)
        let particle = words > 0
            && matches!(
                bare,
                "de" | "do" | "da" | "dos" | "das" | "del" | "di" | "du" | "la" | "le"
            )
            && rest[len..]
                .split(' ')
                .nth(2)
                .is_some_and(|n| n.starts_with(char::is_uppercase));
        // (And "the" inside it, after "of": "Office of the Attorney General".)
        let the = words > 0
            && bare == "the"
            && rest[..len].ends_with(" of")
            && rest[len..]
                .split(' ')
                .nth(2)
                .is_some_and(|n| n.starts_with(char::is_uppercase));
        // (And "and" inside a name's subjects: "Center for Ainu and Indigenous Studies".)
        let subjects = words > 0
            && bare == "and"
            && (rest[..len].contains(" for ") || rest[..len].contains(" of "))
            && rest[len..].split(' ').nth(2).is_some_and(|n| {
                n.starts_with(char::is_uppercase)
                    && !ctx.rules.honorifics.contains_key(n.trim_end_matches('.'))
                    && !ctx.rules.given_names.contains_key(n)
            });
        let name = bare.starts_with(char::is_uppercase)
            || particle
            || the
            || subjects
            || (words > 0 && matches!(bare, "of" | "&" | "for"));
        if !name || bare.is_empty() {
            break;
        }
        len += bare.len() + usize::from(words > 0);
        if bare.len() < w.len() {
            break;
        }
    }
    let org = rest[..len].trim_end_matches([' ']);
    let org = org.trim_end_matches(" of").trim_end_matches(" for");
    // (Words in lower case that say what kind of body it is belong to it: "of the Kirkwall
    // police station", "of the Alva health centre".)
    // (But a name after the kind is the organisation's: "of the Swiss research group
    // MiraLab".)
    let org = match kind_after_name(ctx, &rest[len..]) {
        Some(n) if !org.is_empty() && len == org.len() => {
            let after = &rest[len + n..];
            let mut named = 0;
            for w in after.strip_prefix(' ').unwrap_or("").split(' ') {
                let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
                if !bare.starts_with(char::is_uppercase) {
                    break;
                }
                named += usize::from(named > 0) + bare.len();
                if bare.len() < w.len() {
                    break;
                }
            }
            if named > 0 {
                &after[1..=named]
            } else {
                &rest[..len + n]
            }
        }
        _ => org,
    };
    // (An owner's possessive before what it owns: ", of Gwent Police's economic crime unit"
    // is Gwent Police; ", of St Mary's, said" keeps its name.)
    let owns = rest[len..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_lowercase));
    let org = if owns {
        super::people::strip_possessive(org)
    } else {
        org
    };
    let named = of
        || org
            .split(' ')
            .any(|w| ctx.rules.organisation_words.contains(w));
    (named && !org.is_empty() && org.starts_with(char::is_uppercase)).then(|| org.to_string())
}

/// The organisation a document speaks for, when its header names it alone on a line: the
/// letterhead of minutes or a press release ("BURNETT COAST DAIRY CO-OPERATIVE LIMITED",
/// "Nordvinge Regional AS", "Issuer: Trøndelag Samvirkebank SA (TRSB)"). The posts its own
/// people hold there are the posts of that organisation even where a line gives none
/// ("Directors: Graham Ashby - Chair").
///
/// Only the header counts, the lines before the first paragraph of prose: a newspaper's
/// headline ("COUNCIL APPROVES BUDGET") has a verb and names no issuer.
pub fn issuer(text: &str, rules: &crate::rules::Rules) -> Option<String> {
    let mut lines = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        if lines > 8 || line.split_whitespace().count() > 16 {
            break;
        }
        let line = line.strip_prefix("Issuer:").map_or(line, str::trim_start);
        // (A name in two languages, "Te Whare Wānanga o Waiariki | Waiariki University", or a
        // name before the subject of its release, "Trøndelag Samvirkebank SA: Annual results",
        // "Glåmdal Vindkraft AS – Press release"; not a body's unit after it, "Northern Football
        // Federation – Disciplinary Commission".)
        let parts = line
            .rsplit(" | ")
            .chain(line.split_once(": ").map(|(a, _)| a))
            .chain(
                [" – ", " — ", " - "]
                    .iter()
                    .find_map(|d| line.split_once(d))
                    .filter(|(_, b)| letterhead_org(b.trim(), rules).is_none())
                    .map(|(a, _)| a),
            );
        for part in parts {
            if let Some(org) = letterhead_org(part.trim(), rules) {
                return Some(as_written(text, &org, rules));
            }
        }
        // (A letterhead comes first, after none but other lines in capitals and labels
        // ("Date: 14.03.2025"): after a headline, "Blackburn v Burnley", a name alone on a line
        // is the ground, "Ewood Park".)
        if line.chars().any(char::is_lowercase) && !line.contains(": ") {
            break;
        }
    }
    announcer(text, rules).map(|org| as_written(text, &org, rules))
}

/// The organisation that a release's opening announces as its own news: "Alor Setar, 2 June
/// 2025 – Kedah Maritime Gateway Berhad (“KMG” or “the Company”) today announced …".
fn announcer(text: &str, rules: &crate::rules::Rules) -> Option<String> {
    let head = &text[..crate::text::floor_boundary(text, text.len().min(1500))];
    // (One search for the verb, the cue's other words then looked for around it.)
    let k = memchr::memmem::find_iter(head.as_bytes(), b"announce").find_map(|v| {
        let (before, after) = (&head[..v], &head[v..]);
        if after.starts_with("announced today") {
            return before.strip_suffix(' ').map(str::len);
        }
        [" today ", " is pleased to "]
            .iter()
            .find(|c| before.ends_with(**c))
            .filter(|c| {
                c.len() > 7 || after.starts_with("announced") || after.starts_with("announces")
            })
            .map(|c| v - c.len())
    })?;
    let before = head[..k].trim_end();
    // (Its short forms in brackets aside.)
    let before = match before.strip_suffix(')') {
        Some(b) => &b[..b.rfind(" (")?],
        None => before,
    };
    // (After the dateline's dash, or from the start of its line.)
    let from = before.rfind(['\n', '–', '—']).map_or(0, |j| {
        j + before[j..].chars().next().map_or(1, char::len_utf8)
    });
    let name = before[from..].trim();
    if name.starts_with("The ") {
        return None;
    }
    letterhead_org(name, rules)
}

/// `s` if it is an organisation's name and nothing else: capitalised words (and the small
/// words inside names), one of them an organisation word that ends the name or opens its
/// "of" phrase ("Honourable Chamber of Deputies of the Province of Mendoza"), or a club's
/// letters before it ("FK Galičica Ohrid"). A ticker or short form after it in brackets is no
/// part of the name.
fn letterhead_org(s: &str, rules: &crate::rules::Rules) -> Option<String> {
    let s = match s.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((name, _)) => name.trim_end(),
        None => s,
    };
    let words: Vec<&str> = s.split(' ').collect();
    if !(2..=12).contains(&words.len())
        || !words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w))
        || words.iter().any(|w| w.ends_with([',', ':', ';']))
    {
        return None;
    }
    let caps = s.chars().all(|c| !c.is_lowercase());
    // (Words of a line in capitals are looked up as a name writes them: "CO-OPERATIVE" as
    // "Co-operative".)
    let word = |w: &str| -> String {
        if caps && !rules.organisation_words.contains(w) {
            crate::text::capitalise_first(&w.to_lowercase())
        } else {
            w.to_string()
        }
    };
    let names: Vec<String> = words.iter().map(|w| word(w)).collect();
    if LETTERHEAD_NOT.contains(&names[0].as_str()) {
        return None;
    }
    let org_word = |w: &String| {
        rules.organisation_words.contains(w.as_str())
            && !rules.organisation_subjects.contains(w.as_str())
    };
    let last = names.len() - 1;
    // (A word that also names a subject ends a name of three words or more: "SLANEY & BARROW
    // SUPERANNUATION FUND", not "CORPORATE SERVICES".)
    let named = org_word(&names[last])
        || (last >= 2
            && rules.organisation_words.contains(names[last].as_str())
            && names[last - 1].starts_with(char::is_uppercase)
            && !rules
                .organisation_subjects
                .contains(names[last - 1].as_str()))
        || names[..last]
            .iter()
            .zip(&names[1..])
            .any(|(w, next)| org_word(w) && matches!(next.as_str(), "of" | "Of" | "de" | "De"))
        || (words[0].len() <= 3
            && words[0].chars().all(|c| c.is_ascii_uppercase())
            && org_word(&names[0]));
    named.then(|| s.to_string())
}

/// First words of header lines that name a kind of document, not its issuer: "MINUTES OF THE
/// MEETING OF THE TIMARU DISTRICT COUNCIL".
const LETTERHEAD_NOT: &[&str] = &[
    "Minutes",
    "Agenda",
    "Report",
    "Notice",
    "Meeting",
    "Press",
    "Media",
    "News",
    "Statement",
    "Announcement",
    "Annual",
    "Ordinary",
    "Extraordinary",
    "Special",
    "Joint",
    "Draft",
];

/// A name from a header in capitals as the document writes it in its text ("Burnett Coast
/// Dairy Co-operative Limited"), or with its words' first letters capitals when the text never
/// does ("Mzuzu City Council"; "AS" and "S.A." as they are).
fn as_written(text: &str, org: &str, rules: &crate::rules::Rules) -> String {
    if org.chars().any(char::is_lowercase) {
        return org.to_string();
    }
    let n = org.len();
    let upper = text.to_uppercase();
    // (Upper-casing keeps the byte lengths of most scripts' letters; where it does not, the
    // header's own form stands.)
    if upper.len() == text.len() {
        let mut from = 0;
        while let Some(k) = upper[from..].find(org) {
            let at = from + k;
            if text.is_char_boundary(at) && text.is_char_boundary(at + n) {
                let t = &text[at..at + n];
                if t.chars().any(char::is_lowercase) {
                    return t.to_string();
                }
            }
            from = at + 1;
            while !upper.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    org.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if rules.organisation_words.contains(w) {
                w.to_string()
            } else if i > 0 && NAME_PARTICLES.contains(&lower.as_str()) {
                lower
            } else {
                crate::text::title_cased(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The short forms a document defines for organisations in brackets after their names, with
/// the names: `Borneo Highland Plantations Berhad ("BHP" or "the Company")` gives ("Company",
/// "Borneo Highland Plantations Berhad"). A post of "the Company" is a post of that company.
pub fn defined_short_forms(text: &str, rules: &crate::rules::Rules) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let straight = memchr::memmem::find_iter(text.as_bytes(), b"\"the ").map(|k| k + 1);
    let curly = memchr::memmem::find_iter(text.as_bytes(), "“the ".as_bytes()).map(|k| k + 3);
    for k in straight.chain(curly) {
        let before = &text[..k];
        let rest = &text[k + 4..];
        let term_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let term = &rest[..term_len];
        let after = &rest[term_len..];
        if !term.starts_with(char::is_uppercase)
            || !rules.organisation_words.contains(term)
            || !(after.starts_with("\")") || after.starts_with("”)"))
        {
            continue;
        }
        // The bracket's opening, and the name before it (a Swedish "(publ)" aside).
        let Some(open) = before.rfind('(') else {
            continue;
        };
        if before[open..].contains(')') || k - open > 40 {
            continue;
        }
        let mut name = before[..open].trim_end();
        if let Some(b) = name.strip_suffix(" (publ)") {
            name = b;
        }
        let mut words: Vec<&str> = Vec::new();
        for w in name.rsplit(' ') {
            if words.len() == 10 || !(name_particle_or_capital(w) || legal_form(w)) {
                break;
            }
            words.push(w);
        }
        words.reverse();
        // (A body of it before: "The Board of Directors of Borneo Highland Plantations
        // Berhad".)
        if let Some(of) = words.iter().rposition(|w| *w == "of") {
            if words[..of]
                .iter()
                .any(|w| rules.organisation_bodies.contains(*w))
            {
                words.drain(..=of);
            }
        }
        while words
            .first()
            .is_some_and(|w| NAME_PARTICLES.contains(&w.to_lowercase().as_str()))
        {
            words.remove(0);
        }
        let last = words.last().copied().unwrap_or("");
        if words.len() < 2 || !(rules.organisation_words.contains(last) || legal_form(last)) {
            continue;
        }
        if !out.iter().any(|(t, _)| t == term) {
            out.push((term.to_string(), words.join(" ")));
        }
    }
    out
}

/// Whether a post given without an organisation is a post of the document's issuer (see
/// [`issuer`]): a post written as a title or one held only inside an organisation ("Chief
/// Financial Officer", "head of credit risk"), not a rank before a name ("Professor Ann Lee"),
/// a former post, a post of a named place ("Mayor of Korçë") or a calling ("historian"). A
/// newspaper's letterhead gives its name to its journalists' posts only; a council's gives its
/// name to its members' titles too ("Councillor Jane Roe" in its minutes).
pub fn takes_issuer(
    role: &str,
    rule: &str,
    rules: &crate::rules::Rules,
    press: bool,
    council: bool,
) -> bool {
    if rule == "roles.honorific" {
        return council && rules.council_offices.contains(role);
    }
    // (A past post may have been held elsewhere; an acting one is the issuer's.)
    let first = role.split(' ').next().unwrap_or_default();
    if !press
        && matches!(
            first.to_lowercase().as_str(),
            "former" | "outgoing" | "retired" | "late" | "ex" | "then"
        )
    {
        return false;
    }
    // The head: the words before a complement ("Head" of "Head of Treasury").
    let cut = [" of ", " for ", " to ", " at ", ", ", " – ", " - "]
        .iter()
        .filter_map(|p| role.find(p).map(|k| (k, p.len())))
        .min();
    let (head, complement) = match cut {
        Some((k, n)) => (&role[..k], &role[k + n..]),
        None => (role, ""),
    };
    // (A place or an institution of its own after "of": "Mayor of Korçë"; not a field,
    // "Head of Corporate Communications".)
    if complement.starts_with(char::is_uppercase)
        && !complement.starts_with("The ")
        && !complement
            .split(' ')
            .any(|w| rules.organisation_subjects.contains(w))
    {
        return false;
    }
    let lower = head.to_lowercase();
    let ends_with = |set: &rustc_hash::FxHashSet<String>| {
        set.iter().any(|h| {
            lower
                .strip_suffix(h.as_str())
                .is_some_and(|b| b.is_empty() || b.ends_with(' '))
        })
    };
    if press {
        return ends_with(&rules.beat_heads);
    }
    head.starts_with(char::is_uppercase)
        || ends_with(&rules.employer_heads)
        || ends_with(&rules.speaker_heads)
}
