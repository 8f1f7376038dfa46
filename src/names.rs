//! Names as written in a document, for resolving the speakers of claims: every run of
//! capitalised words, the full forms a surname stands for ("Sanders" → "Bernie Sanders"), and a
//! light guess of each person's gender from honorifics and the pronouns that follow their name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::people::strip_possessive;
use crate::lexicon::class;
use crate::rules::Rules;
use crate::text::{Document, Token, TokenKind};

/// A grammatical gender guessed for a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The other gender.
    pub fn opposite(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }
}

/// One run of two or more capitalised name words.
#[derive(Debug, Clone)]
pub struct NameRun {
    pub start: usize,
    pub end: usize,
    /// The name, white space collapsed, without honorific, leading titles or possessive.
    pub name: String,
    /// Opens a sentence with a word the text also writes in lower case ("Does Rubio"): maybe
    /// not a name at all.
    pub weak: bool,
}

/// The names of one document.
#[derive(Debug, Default)]
pub struct NameIndex<'a> {
    pub runs: Vec<NameRun>,
    /// Last word → indices of the runs ending with it.
    by_last: HashMap<&'a str, Vec<usize>>,
    /// Last word of a run → offsets of its capitalised occurrences (possessive stripped).
    words: HashMap<&'a str, Vec<usize>>,
    /// Votes per full name: (male, female).
    votes: HashMap<String, (u32, u32)>,
}

pub(crate) const MALE: &[&str] = &["he", "his", "him", "himself"];
pub(crate) const FEMALE: &[&str] = &["she", "her", "hers", "herself"];

/// A word that may be part of a name.
fn is_name_word(text: &str, t: &Token) -> bool {
    if t.class & class::CAPITALISED == 0 {
        return false;
    }
    let w = &text[t.start..t.end];
    let never = class::NOT_NAME | class::ORGANISATION | class::MONTH | class::WEEKDAY;
    if t.base_class & never != 0 {
        return false;
    }
    if t.class & class::PLAIN != 0 {
        // ASCII letters only (most words): no possessive, no digit; all capitals when the
        // second letter is a capital too, and the rest.
        return !crate::extract::people::shouting_ascii(w.as_bytes());
    }
    let base = strip_possessive(w);
    let mut letters = base.chars().filter(|c| c.is_alphabetic());
    let all_caps = letters.clone().nth(1).is_some() && letters.all(char::is_uppercase);
    !all_caps && !base.chars().any(|c| c.is_ascii_digit())
}

/// A word that may lead a name but is a title or a description, not part of the name
/// ("President", "Democratic", "Sen").
fn is_title_word(t: &Token) -> bool {
    t.class & (class::HONORIFIC | class::TITLE) != 0
}

/// The gender of a personal pronoun, if `w` is one (any case).
fn pronoun_of(w: &str) -> Option<Gender> {
    // "herself" is the longest; all start with "h" or "s".
    if w.len() > 7 || !matches!(w.as_bytes().first(), Some(b'h' | b'H' | b's' | b'S')) {
        return None;
    }
    crate::text::with_lower(w, pronoun_gender)
}

impl<'a> NameIndex<'a> {
    pub fn new(doc: &'a Document, rules: &Rules) -> NameIndex<'a> {
        let text = doc.text.as_str();
        let all;
        // The tokens, and which of them are capitalised words: only those can start a name.
        let (toks, caps): (&[Token], std::borrow::Cow<'_, [u32]>) = match doc.capitalised_tokens() {
            Some((toks, caps)) => (toks, caps.into()),
            None => {
                all = doc.tokens(0, text.len());
                (&all, crate::text::capitalised(&all).into())
            }
        };
        let w = |t: &Token| &text[t.start..t.end];
        let mut idx = NameIndex::default();
        let sentence_start = |off: usize| {
            doc.sentence_at(off)
                .is_some_and(|s| text[doc.sentences[s].start..off].trim().is_empty())
        };
        let mut honorific_gender: Vec<(String, Gender)> = Vec::new();
        // Whether a word opening a sentence is also written in lower case, per word.
        let mut lower_seen: HashMap<String, bool> = HashMap::default();
        let mut parts: Vec<(usize, bool)> = Vec::new(); // (token, is title)
        let mut names: Vec<usize> = Vec::new(); // the name words among them
        let mut i = 0;
        for &c in caps.iter() {
            // A run never starts with a word in lower case: a lower-case title ("president")
            // only leads into the run that starts at the next word, so starting there finds
            // the same names.
            if (c as usize) < i {
                continue;
            }
            i = c as usize;
            // Collect a run of adjacent name words, initials ("E.") and titles.
            let mut j = i;
            parts.clear();
            while j < toks.len() {
                let t = &toks[j];
                if let Some(&(prev, _)) = parts.last() {
                    let gap = &text[toks[prev].end..t.start];
                    let gap = gap.trim_start_matches('.');
                    // (A line break of a wrapped sentence too, as the people extractor.)
                    let space = |c: char| c == ' ' || c == '\n' || c == '\r';
                    if gap.len() > 2 || gap.is_empty() || !gap.chars().all(space) {
                        break;
                    }
                    // A line break only inside a sentence (one paragraph of wrapped lines).
                    if gap.contains('\n')
                        && (gap.matches('\n').count() > 1
                            || doc.sentence_at(toks[prev].start) != doc.sentence_at(t.start))
                    {
                        break;
                    }
                }
                if t.kind != TokenKind::Word {
                    break;
                }
                let s = w(t);
                let title = parts.iter().all(|p| p.1) && is_title_word(t);
                // (A patronymic after the name: "Aigerim Toktosun kyzy".)
                let patronymic =
                    parts.iter().any(|p| !p.1) && crate::extract::people::PATRONYMICS.contains(&s);
                if !title && !patronymic && !is_name_word(text, t) {
                    break;
                }
                parts.push((j, title));
                j += 1;
                // An initial or abbreviated title: skip its full stop. Any other full stop
                // ends the run (it may end a sentence).
                if j < toks.len() && w(&toks[j]) == "." && toks[j].start == t.end {
                    let initial = s.chars().count() == 1;
                    if initial || rules.honorifics.contains_key(s) {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if s != strip_possessive(s) {
                    break;
                }
            }
            if parts.is_empty() {
                i += 1;
                continue;
            }
            let titles = || parts.iter().filter(|p| p.1).map(|p| w(&toks[p.0]));
            names.clear();
            names.extend(parts.iter().filter(|p| !p.1).map(|p| p.0));
            // A run that an organisation word goes on from names the organisation: "the
            // Austin Mirabeau Trump Hotel" is no "Trump".
            let org_follows = toks.get(j).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.base_class & class::ORGANISATION != 0
                    && text[toks[j - 1].end..t.start] == *" "
            });
            if org_follows {
                names.clear();
            }
            let mut weak = false;
            // Only a run of two or more names is kept or shortened by this test.
            if let (Some(&f), true) = (names.first(), names.len() >= 2) {
                if sentence_start(toks[f].start) {
                    let first = w(&toks[f]).to_lowercase();
                    let lower = match lower_seen.get(&first) {
                        Some(&seen) => seen,
                        None => {
                            let seen = written_in_lower_case(text, toks, &first);
                            lower_seen.insert(first, seen);
                            seen
                        }
                    };
                    if lower {
                        if names.len() >= 3 {
                            names.remove(0); // "Billionaire Donald Trump"
                        } else {
                            weak = true; // "Does Rubio"
                        }
                    }
                }
            }
            if names.len() >= 2 {
                let (a, b) = (toks[names[0]].start, toks[*names.last().unwrap()].end);
                let mut name = crate::text::collapse(&text[a..b]);
                name.truncate(strip_possessive(&name).len());
                let last = strip_possessive(w(&toks[*names.last().unwrap()]));
                if let Some(g) = titles().find_map(|t| honorific_gender_of(rules, t)) {
                    honorific_gender.push((name.clone(), g));
                }
                idx.by_last.entry(last).or_default().push(idx.runs.len());
                idx.runs.push(NameRun {
                    start: a,
                    end: b,
                    name,
                    weak,
                });
            } else if names.len() == 1 {
                // "Mr. Obama": the honorific tells the gender of whoever "Obama" is.
                if let Some(g) = titles().find_map(|t| honorific_gender_of(rules, t)) {
                    let s = strip_possessive(w(&toks[names[0]])).to_string();
                    honorific_gender.push((s, g));
                }
            }
            i = j.max(i + 1);
        }
        // Where the last words of the runs stand, capitalised: the only words asked about.
        idx.words = idx.by_last.keys().map(|&k| (k, Vec::new())).collect();
        if !idx.words.is_empty() {
            for &c in caps.iter() {
                let t = &toks[c as usize];
                if let Some(at) = idx.words.get_mut(strip_possessive(w(t))) {
                    at.push(t.start);
                }
            }
        }
        // Gender votes: honorifics, and the first personal pronoun after each mention.
        let mut votes: HashMap<&str, (u32, u32)> = HashMap::default();
        for (name, g) in &honorific_gender {
            let full = idx.full_form_str(name, usize::MAX).unwrap_or(name);
            let v = votes.entry(full).or_default();
            match g {
                Gender::Male => v.0 += 3,
                Gender::Female => v.1 += 3,
            }
        }
        // Kin named before the name, the strongest sign: "His daughter, Vaimiti Marama-Lucas,
        // said he had …" (the "he" is her father).
        for r in &idx.runs {
            let before = text[..r.start].trim_end_matches([',', ' ']);
            let mut words = before.rsplit(char::is_whitespace);
            let kin = words.next().unwrap_or("");
            let owner = words.next().unwrap_or("");
            if !matches!(
                owner,
                "his" | "her" | "their" | "my" | "our" | "His" | "Her" | "Their" | "My" | "Our"
            ) {
                continue;
            }
            let g = match kin {
                "daughter" | "wife" | "mother" | "sister" | "granddaughter" | "niece" | "widow"
                | "grandmother" | "aunt" | "stepdaughter" | "stepmother" => Gender::Female,
                "son" | "husband" | "father" | "brother" | "grandson" | "nephew" | "widower"
                | "grandfather" | "uncle" | "stepson" | "stepfather" => Gender::Male,
                _ => continue,
            };
            // (Outweighing the pronouns after other mentions of a shared surname: "his
            // daughter" names a woman whatever "he" follows.)
            let v = votes.entry(r.name.as_str()).or_default();
            match g {
                Gender::Male => v.0 += 10,
                Gender::Female => v.1 += 10,
            }
        }
        let mut done: HashSet<&str> = HashSet::default();
        for r in &idx.runs {
            let last = r.name.rsplit(' ').next().unwrap_or(&r.name);
            if !done.insert(last) {
                continue;
            }
            for &at in idx.words.get(last).map(Vec::as_slice).unwrap_or(&[]) {
                let Some(full) = idx.full_form_str(last, at) else {
                    continue;
                };
                let sent = doc.sentence_at(at);
                let next = sent.and_then(|s| doc.sentences.get(s + 1));
                let end = sent
                    .and_then(|s| next.or(doc.sentences.get(s)))
                    .map(|s| s.end)
                    .unwrap_or(text.len());
                let v = votes.entry(full).or_default();
                // A pronoun opening the next sentence is the strongest sign.
                if let (Some(s), Some(_)) = (sent, next) {
                    match doc.sentence_tokens(s + 1).first().map(&w) {
                        Some(p) if p.eq_ignore_ascii_case("he") => v.0 += 2,
                        Some(p) if p.eq_ignore_ascii_case("she") => v.1 += 2,
                        _ => {}
                    }
                }
                let ptoks = doc.tokens(at, end.max(at));
                // ("him" in the name's own sentence is someone else: "Hanta Razafindrakoto
                // studied under him".)
                let own_end = sent.map_or(0, |s| doc.sentences[s].end);
                // (Nor one inside a quotation after it: the speaker's words are of others.)
                // (Word tokens first: most are no quotation mark.)
                let pronoun = ptoks
                    .iter()
                    .skip(1)
                    .take_while(|t| t.kind == TokenKind::Word || !matches!(w(t), "“" | "‘" | "\""))
                    .find(|t| {
                        t.class & class::PRONOUN != 0
                            && !(t.start < own_end && w(t).eq_ignore_ascii_case("him"))
                    });
                match pronoun.and_then(|t| pronoun_of(w(t))) {
                    Some(Gender::Male) => v.0 += 1,
                    Some(Gender::Female) => v.1 += 1,
                    None => {}
                }
            }
        }
        let votes = votes
            .into_iter()
            .map(|(name, v)| (name.to_string(), v))
            .collect();
        idx.votes = votes;
        idx
    }

    /// The full form a one-word name stands for: the nearest run ending with it before `at`,
    /// else the first after.
    pub fn full_form(&self, word: &str, at: usize) -> Option<String> {
        self.full_form_str(word, at).map(str::to_string)
    }

    /// [`NameIndex::full_form`] among the full forms that `fits` accepts: "Mr. Obama" is not
    /// the nearest "Michelle Obama".
    pub fn full_form_where(
        &self,
        word: &str,
        at: usize,
        fits: impl Fn(&str) -> bool,
    ) -> Option<String> {
        self.full_form_with(word, at, fits).map(str::to_string)
    }

    fn full_form_str(&self, word: &str, at: usize) -> Option<&str> {
        self.full_form_with(word, at, |_| true)
    }

    fn full_form_with(&self, word: &str, at: usize, fits: impl Fn(&str) -> bool) -> Option<&str> {
        let runs = self.by_last.get(strip_possessive(word))?;
        // Runs are in text order: those before `at` are a prefix.
        let before = runs.partition_point(|&r| self.runs[r].start < at);
        let ok =
            |r: usize, weak_ok: bool| (weak_ok || !self.runs[r].weak) && fits(&self.runs[r].name);
        let pick = |weak_ok: bool| {
            runs[..before]
                .iter()
                .rev()
                .find(|&&r| ok(r, weak_ok))
                .or_else(|| runs.iter().find(|&&r| ok(r, weak_ok)))
                .map(|&r| self.runs[r].name.as_str())
        };
        pick(false).or_else(|| pick(true))
    }

    /// Whether the pronoun evidence for a name is strong enough to call it a person: an
    /// honorific, or at least two pronouns that mostly agree.
    pub fn likely_person(&self, name: &str) -> bool {
        self.votes
            .get(name)
            .is_some_and(|&(m, f)| m.max(f) >= 2 && m.max(f) >= 2 * m.min(f))
    }

    /// The guessed gender of a full name, when the evidence leans one way.
    pub fn gender(&self, name: &str) -> Option<Gender> {
        let &(m, f) = self.votes.get(name)?;
        if m > f {
            Some(Gender::Male)
        } else if f > m {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// Mentions of a full name (its runs and its surname alone), as text offsets.
    pub fn mentions_of(&self, name: &str) -> Vec<usize> {
        let last = name.rsplit(' ').next().unwrap_or(name);
        self.words
            .get(last)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|&at| self.full_form_str(last, at + 1) == Some(name))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Whether the text has `word` (which starts in lower case) as a whole token. Asked a few
/// times a document, so a search beats a set of every word.
pub(crate) fn written_in_lower_case(text: &str, toks: &[Token], word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let k = toks.partition_point(|t| t.start < at);
        toks.get(k)
            .is_some_and(|t| t.start == at && t.end == at + word.len())
    })
}

/// The gender an honorific gives ("Mr", "Mrs", "Aum"), if any: flags `male` and `female` of
/// `rules/people/honorifics.txt`.
pub fn honorific_gender_of(rules: &Rules, t: &str) -> Option<Gender> {
    rules.honorific_genders.get(t).copied()
}

/// The gender a pronoun refers to.
pub fn pronoun_gender(p: &str) -> Option<Gender> {
    if MALE.contains(&p) {
        Some(Gender::Male)
    } else if FEMALE.contains(&p) {
        Some(Gender::Female)
    } else {
        None
    }
}
