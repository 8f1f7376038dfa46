//! The word lists that extractors ask about at nearly every token, merged into one map, so a
//! token is looked up once when its document is read (see [`crate::text::Token`]) instead of
//! once per list and per extractor.
//!
//! The map is keyed by the lower-case word. An entry holds the classes of the lower-case form
//! (lists matched in any case: title words, months) and the forms as written that lists
//! matched in one case hold ("May" in `people/not-names.txt`), each with its classes.
//!
//! It holds the short lists only: a map small enough to stay in the processor's cache is
//! looked up faster than the several lists it replaces, where one that holds the 9,000 given
//! names is not.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::people::strip_possessive;
use crate::rules::Rules;

/// Classes of a word, one bit per word list.
pub mod class {
    /// In `people/not-names.txt`, as written.
    pub const NOT_NAME: u16 = 1;
    /// A month or weekday name in lower case, capitalised or in upper case, as written.
    pub const CALENDAR: u16 = 2;
    /// In `roles/organisation-words.txt`, as written.
    pub const ORGANISATION: u16 = 4;
    /// A one-word honorific, as written ("Mr", "Cllr").
    pub const HONORIFIC: u16 = 8;
    /// The first word of a honorific of several words, as written ("Lord" of "Lord Mayor").
    pub const HONORIFIC_FIRST: u16 = 16;
    /// A title word in any case: role heads, speaker and title modifiers.
    pub const TITLE: u16 = 32;
    /// A month name in any case.
    pub const MONTH: u16 = 64;
    /// A weekday name in any case.
    pub const WEEKDAY: u16 = 128;
    /// A speech verb that can come before its subject ("said Jane Roe"), in any case.
    pub const INVERTING: u16 = 256;
    /// A descriptor noun ("striker"), in any case.
    pub const DESCRIPTOR: u16 = 512;
    /// A descriptor noun as written in the list (lower case).
    pub const DESCRIPTOR_AS_LISTED: u16 = 1024;
    /// A role head ("minister"), in any case.
    pub const ROLE_HEAD: u16 = 2048;
    /// The longest word of an attribution phrase ("according" of "according to"), in any
    /// case: a span without one holds no such phrase.
    pub const PHRASE_WORD: u16 = 4096;
    /// Not a list: the word starts with an upper-case letter. Set by the document when it
    /// classifies its tokens, since most extractors ask it of every token.
    pub const CAPITALISED: u16 = 8192;
    /// A third-person personal pronoun with a gender ("he", "her"), in any case.
    pub const PRONOUN: u16 = 16384;
}

/// What the lexicon knows of one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes {
    /// [`class`] bits of the token as written.
    pub word: u16,
    /// [`class`] bits of the token without a possessive ("Obama's" → "Obama"); the same as
    /// `word` for a token without one.
    pub base: u16,
    /// [`crate::rules::trigger`] classes of the calendar words in the token ("mid-March":
    /// a modifier and a month), and of its digits.
    pub date: u16,
    /// [`crate::rules::cue`] classes of the lower-case token: the claims it may start.
    pub cue: u8,
}

#[derive(Debug, Clone, Default)]
struct Entry {
    /// Classes of the lower-case form.
    lower: u16,
    /// Forms as written, with the classes of lists matched in one case.
    exact: Vec<(Box<str>, u16)>,
    date: u16,
    cue: u8,
}

/// Every word list a token is looked up in, as one map.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashMap<Box<str>, Entry>,
}

impl Lexicon {
    /// Merge the lists of `rules`.
    pub fn build(rules: &Rules) -> Lexicon {
        let mut lex = Lexicon::default();
        let exact = |lex: &mut Lexicon, w: &str, c: u16| {
            let e = lex.words.entry(w.to_lowercase().into()).or_default();
            match e.exact.iter_mut().find(|(f, _)| &**f == w) {
                Some(f) => f.1 |= c,
                None => e.exact.push((w.into(), c)),
            }
        };
        for w in &rules.not_names {
            exact(&mut lex, w, class::NOT_NAME);
        }
        for w in &rules.calendar_words {
            exact(&mut lex, w, class::CALENDAR);
        }
        for w in &rules.organisation_words {
            exact(&mut lex, w, class::ORGANISATION);
        }
        for w in rules.honorifics.keys() {
            exact(&mut lex, w, class::HONORIFIC);
        }
        for w in &rules.honorific_firsts {
            exact(&mut lex, w, class::HONORIFIC_FIRST);
        }
        for w in &rules.descriptors {
            exact(&mut lex, w, class::DESCRIPTOR_AS_LISTED);
        }
        fn lower<'l>(lex: &'l mut Lexicon, w: &str) -> &'l mut Entry {
            lex.words.entry(w.into()).or_default()
        }
        for w in &rules.title_words {
            lower(&mut lex, w).lower |= class::TITLE;
        }
        for w in &rules.inverting_verbs {
            lower(&mut lex, w).lower |= class::INVERTING;
        }
        for w in &rules.descriptors {
            lower(&mut lex, w).lower |= class::DESCRIPTOR;
        }
        for w in &rules.role_head_set {
            lower(&mut lex, w).lower |= class::ROLE_HEAD;
        }
        for p in &rules.attribution_phrases {
            if let Some(w) = p.split_whitespace().max_by_key(|w| w.len()) {
                lower(&mut lex, w).lower |= class::PHRASE_WORD;
            }
        }
        for w in crate::names::MALE.iter().chain(crate::names::FEMALE) {
            lower(&mut lex, w).lower |= class::PRONOUN;
        }
        for w in rules.months.keys() {
            lower(&mut lex, w).lower |= class::MONTH;
        }
        for w in rules.weekdays.keys() {
            lower(&mut lex, w).lower |= class::WEEKDAY;
        }
        for (w, &c) in &rules.date_triggers {
            lower(&mut lex, w).date |= c;
        }
        for (w, &c) in &rules.cue_words {
            lower(&mut lex, w).cue |= c;
        }
        lex
    }

    /// The classes of `word` as written, given its lower-case form `lower`.
    fn of(&self, word: &str, lower: &str) -> (u16, &Entry) {
        static NONE: Entry = Entry {
            lower: 0,
            exact: Vec::new(),
            date: 0,
            cue: 0,
        };
        let Some(e) = self.words.get(lower) else {
            return (0, &NONE);
        };
        let exact = e
            .exact
            .iter()
            .find(|(f, _)| &**f == word)
            .map_or(0, |f| f.1);
        (e.lower | exact, e)
    }

    /// The classes of a token, `word` as written and `lower` its lower-case form.
    pub fn classes(&self, word: &str, lower: &str) -> Classes {
        let (classes, entry) = self.of(word, lower);
        // Most words are ASCII letters only: no possessive, no digits, no parts.
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Classes {
                word: classes,
                base: classes,
                date: entry.date,
                cue: entry.cue,
            };
        }
        let base = strip_possessive(word);
        let base_classes = if base.len() == word.len() {
            classes
        } else if word.is_ascii() {
            self.of(base, &lower[..base.len()]).0
        } else {
            self.of(base, &base.to_lowercase()).0
        };
        // One pass over the bytes: whether the word is all letters and digits, and its digits
        // (a date trigger of their own: a run of four may be a year).
        let (mut alnum, mut digits, mut run, mut four) = (true, false, 0, false);
        for b in word.bytes() {
            if b.is_ascii_digit() {
                digits = true;
                run += 1;
                four |= run >= 4;
            } else {
                run = 0;
                alnum &= b.is_ascii_alphanumeric();
            }
        }
        let digit_classes = match (digits, four) {
            (false, _) => 0,
            (true, false) => crate::rules::trigger::DIGIT,
            (true, true) => crate::rules::trigger::DIGIT | crate::rules::trigger::YEAR,
        };
        let date = digit_classes
            | if alnum {
                entry.date
            } else {
                // Each part of a joined word: "Thursday's", "mid-March".
                word.split(|c: char| !c.is_alphanumeric())
                    .filter(|p| !p.is_empty())
                    .fold(0, |acc, p| {
                        acc | crate::text::with_lower(p, |l| {
                            self.words.get(l).map_or(0, |e| e.date)
                        })
                    })
            };
        Classes {
            word: classes,
            base: base_classes,
            date,
            cue: entry.cue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_the_lists() {
        let r = Rules::builtin();
        let lex = Lexicon::build(&r);
        let of = |w: &str| lex.classes(w, &w.to_lowercase());
        // As written: "May" is not a name, "may" is no calendar word of a name.
        assert_ne!(of("May").word & class::CALENDAR, 0);
        assert_ne!(of("MARCH").word & class::CALENDAR, 0);
        assert_eq!(of("mArch").word & class::CALENDAR, 0);
        // Any case: a month.
        assert_ne!(of("mArch").word & class::MONTH, 0);
        // A possessive's base.
        let c = of("Monday's");
        assert_eq!(c.word & class::CALENDAR, 0);
        assert_ne!(c.base & class::CALENDAR, 0);
        assert_ne!(c.date & crate::rules::trigger::WEEKDAY, 0);
        assert_ne!(of("mid-March").date & crate::rules::trigger::MONTH, 0);
        assert_ne!(of("mid-March").date & crate::rules::trigger::MOD, 0);
        use crate::rules::trigger::{DIGIT, YEAR};
        assert_eq!(of("2020s").date & (DIGIT | YEAR), DIGIT | YEAR);
        assert_eq!(of("mid-2020").date & (DIGIT | YEAR), DIGIT | YEAR);
        assert_eq!(of("12/03").date & (DIGIT | YEAR), DIGIT);
        assert_eq!(of("1,000").date & (DIGIT | YEAR), DIGIT);
        assert_eq!(of("March").date & DIGIT, 0);
        assert_ne!(of("Said").cue & crate::rules::cue::SPEECH, 0);
        assert_eq!(of("Obama").word, 0);
        for w in ["he", "She", "HIMSELF", "her"] {
            assert_ne!(of(w).word & class::PRONOUN, 0, "{w}");
        }
        assert_eq!(of("hero").word & class::PRONOUN, 0);
        // Every list's every word, as written, has its class.
        for w in &r.not_names {
            assert_ne!(of(w).word & class::NOT_NAME, 0, "{w}");
        }
        for w in r.honorifics.keys() {
            assert_ne!(of(w).word & class::HONORIFIC, 0, "{w}");
            // ... and not in another case, unless the list has that too.
            let up = w.to_uppercase();
            if !r.honorifics.contains_key(&up) {
                assert_eq!(of(&up).word & class::HONORIFIC, 0, "{up}");
            }
        }
        for w in &r.title_words {
            assert_ne!(of(w).word & class::TITLE, 0, "{w}");
            assert_ne!(of(&w.to_uppercase()).word & class::TITLE, 0, "{w}");
        }
        for w in &r.inverting_verbs {
            assert_ne!(of(&w.to_uppercase()).word & class::INVERTING, 0, "{w}");
        }
        for w in &r.descriptors {
            assert_ne!(of(w).word & class::DESCRIPTOR_AS_LISTED, 0, "{w}");
            assert_ne!(of(&w.to_uppercase()).word & class::DESCRIPTOR, 0, "{w}");
        }
        for w in &r.role_head_set {
            assert_ne!(of(&w.to_uppercase()).word & class::ROLE_HEAD, 0, "{w}");
        }
        for p in &r.attribution_phrases {
            let held = p
                .split_whitespace()
                .any(|w| of(w).word & class::PHRASE_WORD != 0);
            assert!(held, "{p}");
        }
        for w in &r.organisation_words {
            assert_ne!(of(w).word & class::ORGANISATION, 0, "{w}");
        }
    }
}
