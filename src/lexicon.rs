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
    /// Not a list: the word is ASCII letters only (no digit, apostrophe, hyphen or accent),
    /// as most words are. Set by the tokenizer, which reads every byte anyway.
    pub const PLAIN: u16 = 32768;
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
    /// [`crate::rules::cue`] classes of the lower-case token: the claims it may start, and
    /// whether it opens a role head.
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
    /// While building: every entry by its lower-case word.
    words: HashMap<Box<str>, Entry>,
    /// Built: the entries, found by [`Lexicon::get`].
    entries: Vec<Entry>,
    /// Built: the entries of words of up to 16 bytes (nearly all), by their packed bytes.
    short: ShortWords,
    /// Built: the entries of longer words.
    long: HashMap<Box<str>, u32>,
}

/// An open-addressing table keyed by words of up to 16 bytes, each packed into two integers:
/// a look-up (one per word: some 2.7 million per 2,000 news articles, a little over half of
/// them found) hashes and compares two words of memory instead of a string.
#[derive(Debug, Clone, Default)]
struct ShortWords {
    slots: Vec<Slot>,
    /// One byte per slot, 0 when it is empty, else an odd byte from the key's hash: a look-up
    /// probes these first (128 KB, which stay in the core's cache, where the slots, 4 MB, do
    /// not), and reads a slot only when its tag matches; a word not in the lists (about half
    /// of them) then reads no slot at all.
    tags: Vec<u8>,
    /// The forms as written of the entries, each entry's in a run.
    forms: Vec<Form>,
    /// `64 - log2(slots.len())`: the hash's top bits index the table.
    shift: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    k0: u64,
    k1: u64,
    /// The word's length in bytes; 0 for an empty slot.
    len: u8,
    /// How many forms as written the entry holds in [`ShortWords::forms`], from `forms`;
    /// [`SLOW`] when one of them cannot be compared packed (see [`Lexicon::of`]).
    nforms: u8,
    /// The entry's classes, copied here so that a word found needs no second look-up.
    lower: u16,
    date: u16,
    cue: u8,
    forms: u16,
    /// The entry's index in [`Lexicon::entries`].
    entry: u16,
}

/// [`Slot::nforms`] of an entry whose forms are compared as strings.
const SLOW: u8 = u8::MAX;

/// A form as written of a short word, packed as [`pack`] does, with its classes.
#[derive(Debug, Clone, Copy, Default)]
struct Form {
    k0: u64,
    k1: u64,
    classes: u16,
}

/// The bytes of `b` (at most 16) in two little-endian integers, zero-padded: reads that
/// overlap instead of a byte loop or a copy.
#[inline]
fn pack(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")) as u64;
    match n {
        0 => (0, 0),
        1..=3 => {
            let v = b[0] as u64
                | (b[n / 2] as u64) << (8 * (n / 2))
                | (b[n - 1] as u64) << (8 * (n - 1));
            (v, 0)
        }
        4..=8 => (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0),
        _ => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
    }
}

impl ShortWords {
    /// The key's first slot, and its tag (from the hash's bits 33 to 39, which the slot's
    /// index, its top bits, does not use while the table has fewer than 2^24 slots; the low
    /// bits of a product depend on the key's low bits only), odd so that it is never 0.
    fn hash(&self, k0: u64, k1: u64, len: usize) -> (usize, u8) {
        let h = (k0 ^ k1.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ((h >> self.shift) as usize, (h >> 32) as u8 | 1)
    }

    fn build<'e>(keys: impl ExactSizeIterator<Item = (Box<str>, u32, &'e Entry)>) -> ShortWords {
        // At most a quarter full: a miss meets an empty slot soon.
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut t = ShortWords {
            slots: vec![Slot::default(); size],
            tags: vec![0; size],
            forms: Vec::new(),
            shift: 64 - size.trailing_zeros(),
        };
        for (k, entry, e) in keys {
            let (k0, k1) = pack(k.as_bytes());
            let (mut i, tag) = t.hash(k0, k1, k.len());
            while t.slots[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            t.tags[i] = tag;
            // A form as written is compared packed when it has the key's length (as ASCII
            // words in another case do): equal packs of equal lengths are equal words.
            let packed =
                e.exact.len() < SLOW as usize && e.exact.iter().all(|(f, _)| f.len() == k.len());
            let forms = t.forms.len();
            let nforms = if packed {
                for (f, c) in &e.exact {
                    let (k0, k1) = pack(f.as_bytes());
                    t.forms.push(Form {
                        k0,
                        k1,
                        classes: *c,
                    });
                }
                e.exact.len() as u8
            } else {
                SLOW
            };
            t.slots[i] = Slot {
                k0,
                k1,
                len: k.len() as u8,
                nforms,
                lower: e.lower,
                date: e.date,
                cue: e.cue,
                forms: u16::try_from(forms).expect("fewer than 65,536 forms"),
                entry: u16::try_from(entry).expect("fewer than 65,536 words"),
            };
        }
        t
    }

    #[inline(always)]
    fn get(&self, w: &[u8]) -> Option<&Slot> {
        if self.slots.is_empty() {
            return None;
        }
        let (k0, k1) = pack(w);
        let mask = self.slots.len() - 1;
        let (mut i, tag) = self.hash(k0, k1, w.len());
        loop {
            let t = self.tags[i];
            if t == 0 {
                return None;
            }
            if t == tag {
                let s = &self.slots[i];
                if s.k0 == k0 && s.k1 == k1 && s.len as usize == w.len() {
                    return Some(s);
                }
            }
            i = (i + 1) & mask;
        }
    }
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
        lex.freeze();
        lex
    }

    /// Move the entries out of the building map into the look-up tables.
    fn freeze(&mut self) {
        let mut words: Vec<(Box<str>, Entry)> =
            std::mem::take(&mut self.words).into_iter().collect();
        // In a fixed order, so that the tables are the same from run to run.
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut short = Vec::new();
        for (k, e) in words {
            let i = self.entries.len() as u32;
            self.entries.push(e);
            if k.len() <= 16 {
                short.push((k, i));
            } else {
                self.long.insert(k, i);
            }
        }
        let entries = &self.entries;
        self.short =
            ShortWords::build(short.into_iter().map(|(k, i)| (k, i, &entries[i as usize])));
    }

    /// The date classes of a lower-case word.
    #[inline]
    fn date_of(&self, lower: &str) -> u16 {
        if lower.len() <= 16 {
            self.short.get(lower.as_bytes()).map_or(0, |s| s.date)
        } else {
            self.long
                .get(lower)
                .map_or(0, |&i| self.entries[i as usize].date)
        }
    }

    /// The classes of `word` as written, given its lower-case form `lower`: the classes of
    /// its forms as written, and its entry's date and cue classes.
    #[inline]
    fn of(&self, word: &str, lower: &str) -> (u16, u16, u8) {
        let exact_of = |e: &Entry| {
            e.exact
                .iter()
                .find(|(f, _)| &**f == word)
                .map_or(0, |f| f.1)
        };
        if lower.len() > 16 {
            let Some(&i) = self.long.get(lower) else {
                return (0, 0, 0);
            };
            let e = &self.entries[i as usize];
            return (e.lower | exact_of(e), e.date, e.cue);
        }
        let Some(s) = self.short.get(lower.as_bytes()) else {
            return (0, 0, 0);
        };
        let exact = match s.nforms {
            0 => 0,
            SLOW => exact_of(&self.entries[s.entry as usize]),
            n if word.len() == lower.len() => {
                // Packed forms have the key's length: so has the word, then.
                let (k0, k1) = pack(word.as_bytes());
                let forms = &self.short.forms[s.forms as usize..s.forms as usize + n as usize];
                forms
                    .iter()
                    .find(|f| f.k0 == k0 && f.k1 == k1)
                    .map_or(0, |f| f.classes)
            }
            _ => 0,
        };
        (s.lower | exact, s.date, s.cue)
    }

    /// The classes of a token, `word` as written and `lower` its lower-case form.
    #[inline]
    pub fn classes(&self, word: &str, lower: &str) -> Classes {
        // Most words are ASCII letters only: no possessive, no digits, no parts.
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return self.classes_of_plain(word, lower);
        }
        self.classes_of_other(word, lower)
    }

    /// [`Lexicon::classes`] of a word known to be ASCII letters only.
    #[inline]
    pub fn classes_of_plain(&self, word: &str, lower: &str) -> Classes {
        let (classes, date, cue) = self.of(word, lower);
        Classes {
            word: classes,
            base: classes,
            date,
            cue,
        }
    }

    /// [`Lexicon::classes`] of a word with something else than ASCII letters in it.
    #[inline(never)]
    fn classes_of_other(&self, word: &str, lower: &str) -> Classes {
        let (classes, entry_date, cue) = self.of(word, lower);
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
                entry_date
            } else {
                // Each part of a joined word: "Thursday's", "mid-March".
                word.split(|c: char| !c.is_alphanumeric())
                    .filter(|p| !p.is_empty())
                    .fold(0, |acc, p| {
                        acc | crate::text::with_lower(p, |l| self.date_of(l))
                    })
            };
        Classes {
            word: classes,
            base: base_classes,
            date,
            cue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_packed_as_their_zero_padded_bytes() {
        let text = b"abcdefghijklmnopq";
        for n in 0..=16 {
            let mut buf = [0u8; 16];
            buf[..n].copy_from_slice(&text[..n]);
            let want = (
                u64::from_le_bytes(buf[..8].try_into().unwrap()),
                u64::from_le_bytes(buf[8..].try_into().unwrap()),
            );
            assert_eq!(pack(&text[..n]), want, "{n} bytes");
        }
    }

    #[test]
    fn short_words_find_every_key_and_nothing_else() {
        // Keys differing in length only, or in their last byte, or a zero byte at the end.
        let keys = [
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
        ];
        let entry = Entry::default();
        let t = ShortWords::build(
            keys.iter()
                .enumerate()
                .map(|(i, k)| ((*k).into(), i as u32, &entry)),
        );
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.get(k.as_bytes()).map(|s| s.entry), Some(i as u16), "{k}");
        }
        for k in [
            "",
            "b",
            "abce",
            "abcdefgj",
            "abcdefghij",
            "abc\0",
            "abcdefghijklmnoq",
        ] {
            assert!(t.get(k.as_bytes()).is_none(), "{k:?}");
        }
    }

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
