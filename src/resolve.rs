//! Resolution within a document: mentions become people, roles link to them, speakers are
//! resolved to people (surnames and pronouns included), and facts get their provenance.

use rustc_hash::FxHashMap as HashMap;

use crate::extract::claims::SpeakerRef;
use crate::extract::dates::{choose_publication, parse_iso, parse_iso_month, resolve_relative};
use crate::extract::people::{strip_possessive, PersonMention};
use crate::extract::Mentions;
use crate::facts::{slug, Claim, DateFact, DocumentFacts, Person, Provenance, Role};
use crate::names::{honorific_gender_of, pronoun_gender, Gender, NameIndex};
use crate::rules::Rules;
use crate::text::Document;

/// A person of one document: the mentions that refer to them.
#[derive(Debug, Clone)]
struct Cluster {
    canonical: usize,
    members: Vec<usize>,
    honorific: Option<String>,
}

/// A name as compared: lower case, curly apostrophes straight.
fn key(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    if name.contains('Σ') {
        // Lower-cased by its place in the word: leave it to `to_lowercase`.
        return name.replace(['’', '‘'], "'").to_lowercase();
    }
    key_chars(name).collect()
}

fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().flat_map(|c| {
        let c = if matches!(c, '’' | '‘') { '\'' } else { c };
        c.to_lowercase()
    })
}

/// `key(a) == key(b)`, without building either.
fn same_key(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    if a.contains('Σ') || b.contains('Σ') {
        return key(a) == key(b);
    }
    key_chars(a).eq(key_chars(b))
}

/// The family name: the last word, or the first where capitals mark it ("TAKEUCHI Haruka").
fn surname(name: &str) -> &str {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or(name);
    let last = words.next_back().unwrap_or(first);
    if words.next().is_none()
        && first != last
        && first.len() >= 2
        && first.bytes().all(|c| c.is_ascii_uppercase())
        && last.bytes().any(|c| c.is_ascii_lowercase())
    {
        return first;
    }
    // A patronymic's initial glued to the given name: "D.Oyunchimeg" is Ms Oyunchimeg.
    let last = match last.rsplit_once('.') {
        Some((i, n)) if i.len() <= 2 && n.len() >= 3 && n.starts_with(char::is_uppercase) => n,
        _ => last,
    };
    // (A Luo name's apostrophe, which a surname alone may lose: "Ochieng’".)
    strip_possessive(last).trim_end_matches(['\'', '’'])
}

/// "Yesterday", "today" and "tomorrow" under a dated entry of a diary, a blog or a comment
/// count from the entry's date, not the publication's: "Thursday 3 July ⏎ … Yesterday's
/// feeding watch", "Ivone · December 8, 2025 ⏎ Made it today". An entry's date is a day that
/// ends a short line of its own after the publication line.
fn entry_days(doc: &Document, m: &Mentions, pub_index: Option<usize>, dates: &mut [DateFact]) {
    use crate::extract::dates::Rel;
    use crate::rules::Unit;
    let text = &doc.text;
    let Some(p) = pub_index else {
        return;
    };
    let pub_start = m.dates[p].start;
    let mut entry: Option<(usize, (i32, u32, u32), String)> = None;
    for (i, d) in m.dates.iter().enumerate() {
        if let (Some(Rel::Offset(Unit::Day, _)), Some((para, a, v))) = (d.rel, &entry) {
            if doc.paragraph_at(d.start).is_some_and(|q| q > *para) {
                if let Some(r) = d.rel {
                    dates[i].value = resolve_relative(r, *a);
                    dates[i].anchor = v.clone();
                }
            }
            continue;
        }
        // (Nor does a line saying when the document was updated: "Last updated: 16 October".)
        if i == p || d.start <= pub_start || d.publication.is_some() {
            continue;
        }
        // (A look at the 60 bytes around the date only: a long line is no heading, and a
        // search along it for every date would grow with it.)
        let near = crate::text::floor_boundary(text, d.start.saturating_sub(60));
        let line_start = match text[near..d.start].rfind('\n') {
            Some(k) => near + k + 1,
            None if near == 0 => 0,
            None => continue,
        };
        let far = crate::text::floor_boundary(text, (d.end + 60).min(text.len()));
        let line_end = text[d.end..far].find('\n').map_or(far, |k| d.end + k);
        // (A headline's date after a preposition is its news, not an entry's: "EXTRA SAILINGS
        // FROM 1 DECEMBER".)
        let after_preposition = text[line_start..d.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| {
                [
                    "from", "until", "till", "to", "before", "after", "since", "by",
                ]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
            });
        // (Nor is a place before a comma: "Salter Oval, Saturday 16 August" under a match
        // report's headline says where and when the match was played.)
        let placed = text[line_start..d.start].trim_end().ends_with(',');
        // (Nor is the end of a range: "Reporting period: 16 October – 22 November 2024".)
        let range_end = {
            let before = text[line_start..d.start].trim_end();
            before.ends_with(['–', '—', '-']) || before.ends_with(" to")
        };
        let heading = line_end - line_start <= 60
            && (line_end < text.len() || far == text.len())
            && text[d.end..line_end].trim().is_empty()
            && !after_preposition
            && !placed
            && !range_end;
        let day = parse_iso(&dates[i].value);
        // (A dated line that is no heading ends no entry: the entry goes on.)
        if let (true, Some(a), Some(para)) = (heading, day, doc.paragraph_at(d.start)) {
            entry = Some((para, a, dates[i].value.clone()));
        }
    }
}

/// A document that states no publication date (minutes, a ruling, a report's body) still
/// dates its story: a day or a month without a year ("on 23 January", "in September") takes
/// the year of the nearest whole date the text wrote before it ("dated 14 March 2025"), the
/// story's own time, rather than no value at all.
fn story_years(m: &Mentions, dates: &mut [DateFact]) {
    use crate::extract::dates::Rel;
    let mut last: Option<((i32, u32, u32), usize)> = None;
    for i in 0..dates.len() {
        match m.dates[i].rel {
            None => {
                let v = &dates[i].value;
                // (A day only: a month and year is as often a look back, "since September
                // 2001", as the story's time.)
                if let Some(a) = parse_iso(v) {
                    last = Some((a, i));
                }
            }
            Some(Rel::Month { month, day, .. }) if dates[i].value.is_empty() => {
                if let Some(((y, _, _), j)) = last {
                    dates[i].value = match day {
                        Some(d) if d > crate::extract::dates::days_in_month(y, month) => continue,
                        Some(d) => format!("{y:04}-{month:02}-{d:02}"),
                        None => format!("{y:04}-{month:02}"),
                    };
                    dates[i].anchor = dates[j].value.clone();
                }
            }
            Some(r @ Rel::WeekdayDate { .. }) if dates[i].value.is_empty() => {
                if let Some((a, j)) = last {
                    dates[i].value = resolve_relative(r, a);
                    dates[i].anchor = dates[j].value.clone();
                }
            }
            _ => {}
        }
    }
}

/// A weekday alone is the day the text wrote with that weekday before it, within two weeks of
/// the publication date on the side its tense allows: "on Saturday" after "the run takes over
/// the river banks on Saturday 30 August", published on Friday 22 August, is the 30th, not the
/// next day. (Not a date written without its weekday, which may be another week's.)
fn named_weekdays(
    text: &str,
    rules: &Rules,
    m: &Mentions,
    anchor: Option<(i32, u32, u32)>,
    dates: &mut [DateFact],
) {
    use crate::extract::dates::{days_from_civil, weekday_of, Rel};
    let Some((ay, am, ad)) = anchor else {
        return;
    };
    let a = days_from_civil(ay, am, ad);
    let mut dated: Vec<(i64, u32, String)> = Vec::new();
    for (date, mention) in dates.iter_mut().zip(&m.dates) {
        let (s, e) = (mention.start, mention.end);
        match mention.rel {
            // (A whole date, or a day and month the publication's year completes.)
            None | Some(Rel::WeekdayDate { .. } | Rel::Month { day: Some(_), .. }) => {
                let weekday_written = text[s..e]
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| crate::text::with_lower(w, |l| rules.weekdays.contains_key(l)));
                if let Some((y, mo, d)) = parse_iso(&date.value).filter(|_| weekday_written) {
                    let days = days_from_civil(y, mo, d) - a;
                    if days.abs() <= 14 {
                        dated.push((days, weekday_of(y, mo, d), date.value.clone()));
                    }
                }
            }
            Some(Rel::Weekday {
                weekday,
                dir,
                strict: false,
            }) if dir != crate::extract::dates::THIS_WEEK => {
                let named = dated.iter().rev().find(|(days, w, _)| {
                    *w == weekday && (dir == 0 || days.signum() == dir.signum() as i64)
                });
                if let Some((_, _, v)) = named {
                    date.value = v.clone();
                }
            }
            _ => {}
        }
    }
}

/// Months without a year or a tense, coordinated in a list, share a year: "bookings for July
/// and August" (each alone may be nearest the publication date in another year); a list that
/// passes December goes on into the next year.
fn coordinated_months(text: &str, m: &Mentions, dates: &mut [DateFact]) {
    use crate::extract::dates::Rel;
    // (Not where a tense placed both alike: "the past two polls, in February and October" are
    // each the latest. Where it placed one only, or each another way, the cues were nearer
    // one than the other, and the list shares the first's year.)
    let month_alone = |r: Option<Rel>| match r {
        Some(Rel::Month { day: None, dir, .. }) => Some(dir),
        _ => None,
    };
    for i in 1..dates.len() {
        let (a, b) = (&m.dates[i - 1], &m.dates[i]);
        let (Some(da), Some(db)) = (month_alone(a.rel), month_alone(b.rel)) else {
            continue;
        };
        if a.end > b.start
            || !matches!(
                &text[a.end..b.start],
                " and " | " or " | ", " | ", and " | " & "
            )
        {
            continue;
        }
        let (Some((y1, m1)), Some((y2, m2))) = (
            parse_iso_month(&dates[i - 1].value),
            parse_iso_month(&dates[i].value),
        ) else {
            continue;
        };
        // (Unless the first is next to the publication month, which places it whatever the
        // tense: "in April and May" published in March are this year's, the past tense of
        // "has warned" notwithstanding.)
        let beside = dates[i - 1]
            .anchor
            .get(..7)
            .and_then(parse_iso_month)
            .is_some_and(|(ay, am)| ((y1 * 12 + m1 as i32) - (ay * 12 + am as i32)) * da < 0);
        if da != 0 && da == db && !beside {
            continue;
        }
        let y = if m2 > m1 { y1 } else { y1 + 1 };
        if y != y2 {
            dates[i].value = format!("{y:04}-{m2:02}");
        }
    }
}

/// Dates counted from the date the text gave last ("the following year", "two days later",
/// "the day before."): resolved against the nearest date before them, in their paragraph or
/// the one before it, whose value is fine enough for their unit; with none, counted from the
/// publication date when the words allow it ("three years earlier"), else no date at all
/// ("left the next day" in a story that gave no date): the indices of those, to drop.
fn anchored_dates(doc: &Document, m: &Mentions, dates: &mut [DateFact]) -> Vec<usize> {
    use crate::extract::dates::Rel;
    use crate::rules::Unit;
    let mut unplaced = Vec::new();
    for i in 0..m.dates.len() {
        let Some(Rel::Anchored { unit, n, fallback }) = m.dates[i].rel else {
            continue;
        };
        let para = doc.paragraph_at(m.dates[i].start).unwrap_or(0);
        // A value as (year, month, day) and its precision: 3 a day, 2 a month, 1 a year.
        let parsed = |v: &str| -> Option<((i32, u32, u32), u8)> {
            if let Some(d) = parse_iso(v) {
                return Some((d, 3));
            }
            if let Some((y, mo)) = parse_iso_month(v) {
                return Some(((y, mo, 1), 2));
            }
            (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))
                .then(|| Some(((v.parse().ok()?, 1, 1), 1)))
                .flatten()
        };
        let need = match unit {
            Unit::Day | Unit::Week | Unit::Weekend => 3,
            Unit::Month => 2,
            Unit::Year => 1,
        };
        let window = || {
            (0..i)
                .rev()
                .take_while(|&j| doc.paragraph_at(m.dates[j].start).unwrap_or(0) + 1 >= para)
                // (Not a look back, "the day before", which leaves the story's time where it
                // was.)
                .filter(|&j| {
                    dates[j].kind != "publication"
                        && !dates[j].value.is_empty()
                        && !matches!(m.dates[j].rel, Some(Rel::Anchored { n, .. }) if n < 0)
                })
        };
        let fits = |j: usize| {
            let (a, p) = parsed(&dates[j].value)?;
            (p >= need).then_some((j, a))
        };
        // A date the text wrote in full first, then one placed from publication ("a Sunday"
        // after "on 3 March 2025" is no better guess of the story's time).
        let found = window()
            .filter(|&j| matches!(m.dates[j].rel, None | Some(Rel::Anchored { .. })))
            .find_map(fits)
            .or_else(|| window().find_map(fits));
        match found {
            Some((j, a)) => {
                dates[i].value = resolve_relative(Rel::Offset(unit, n), a);
                dates[i].anchor = dates[j].value.clone();
            }
            None if fallback => {}
            None => {
                // (Nor an anchor for those after it.)
                dates[i].value.clear();
                unplaced.push(i);
            }
        }
    }
    unplaced
}

/// The end of a range of days or months without a year comes after its start: "will run from
/// 2 February to 30 November" (each alone may be placed by the tense in another year).
fn range_ends(text: &str, m: &Mentions, dates: &mut [DateFact]) {
    use crate::extract::dates::Rel;
    let month = |r: Option<Rel>| matches!(r, Some(Rel::Month { .. }));
    for i in 1..dates.len() {
        let (a, b) = (&m.dates[i - 1], &m.dates[i]);
        if !month(a.rel) || !month(b.rel) || a.end > b.start {
            continue;
        }
        // (A range opened by "from" or "between", so that "to" or "and" joins its ends.)
        let before = text[..a.start].trim_end();
        let joined = match &text[a.end..b.start] {
            " to " | " until " | " till " | " through " | "-" | "–" | " - " | " – " => {
                before.ends_with("from") || before.ends_with("From")
            }
            " and " => before.ends_with("between") || before.ends_with("Between"),
            _ => false,
        };
        if !joined {
            continue;
        }
        let (va, vb) = (&dates[i - 1].value, &dates[i].value);
        if va.len() != vb.len() || va.len() < 7 || vb >= va {
            continue;
        }
        let (Ok(ya), Some(rest)) = (va[..4].parse::<i32>(), vb.get(4..)) else {
            continue;
        };
        // The end's month and day in the start's year, or the next one's.
        let same = format!("{ya:04}{rest}");
        let value = if same >= *va {
            same
        } else {
            format!("{:04}{rest}", ya + 1)
        };
        if parse_iso(&value).is_some() || parse_iso_month(&value).is_some() {
            dates[i].value = value;
        }
    }
}

/// Whether the last word of `name` stands alone in `text` as a surname, outside the name and
/// not before another capitalised word: "Warren told Stumpf" after "Elizabeth Warren".
fn written_alone(text: &str, name: &str) -> bool {
    let Some((lead, last)) = name.rsplit_once(' ') else {
        return false;
    };
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    memchr::memmem::find_iter(text.as_bytes(), last.as_bytes()).any(|k| {
        let before = &text[..k];
        let after = &text[k + last.len()..];
        !before.ends_with(word)
            && !after.starts_with(word)
            && !before
                .trim_end_matches(' ')
                .ends_with(lead.rsplit(' ').next().unwrap_or(lead))
            && !after
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(char::is_uppercase))
    })
}

/// Group mentions into people. Returns clusters and, per mention, its cluster (if kept).
fn cluster_people(
    text: &str,
    people: &[PersonMention],
    rules: &Rules,
) -> (Vec<Cluster>, Vec<Option<usize>>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of: Vec<Option<usize>> = vec![None; people.len()];
    let mut by_key: HashMap<String, usize> = HashMap::default();
    // Full names first.
    for (i, m) in people.iter().enumerate() {
        if m.words < 2 {
            continue;
        }
        let mut k = key(&m.name);
        // (A family name with its particle after titles of either sex names two people: "Mr
        // van der Berg" and his sister "Ms van der Berg".)
        if m.name.starts_with(char::is_lowercase) {
            match m
                .honorific
                .as_deref()
                .and_then(|h| honorific_gender_of(rules, h))
            {
                Some(Gender::Male) => k.push_str("\0m"),
                Some(Gender::Female) => k.push_str("\0f"),
                None => {}
            }
        }
        let c = *by_key.entry(k).or_insert_with(|| {
            clusters.push(Cluster {
                canonical: i,
                members: Vec::new(),
                honorific: None,
            });
            clusters.len() - 1
        });
        clusters[c].members.push(i);
        of[i] = Some(c);
    }
    // "De Vries said" after "Femke de Vries": a name that opens with a particle is the end of
    // the one longer name that it ends.
    let keys: Vec<String> = clusters
        .iter()
        .map(|c| key(&people[c.canonical].name))
        .collect();
    let mut into: Vec<Option<usize>> = vec![None; clusters.len()];
    // The full mentions that write a nickname in quotation marks, as (cluster, key of the
    // text): 'Heinrich Wilhelm "Harry" Kleinig'. Few documents have any.
    let nicknamed: Vec<(usize, String)> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| writes_nickname(text, p))
        .filter_map(|(j, p)| Some((of[j]?, key(&text[p.start..p.end]))))
        .collect();
    // The first honorific any of a cluster's mentions bears.
    let honorific_of = |c: usize| {
        clusters[c]
            .members
            .iter()
            .find_map(|&j| people[j].honorific.as_deref())
    };
    let three: Vec<bool> = keys.iter().map(|l| l.matches(' ').count() >= 2).collect();
    let any_three = three.contains(&true);
    for (c, k) in keys.iter().enumerate() {
        let first = k.split(' ').next().unwrap_or("");
        // Or a family name of two words, whose first is no given name: "Ramírez Chaparro
        // told us" after "Celestina Ramírez Chaparro", "Dr Toktosun kyzy" after "Aigerim
        // Toktosun kyzy".
        // (After a honorific its first word may be a given name elsewhere: "Dr Vella Falzon"
        // after "Keith Vella Falzon".)
        let given = |w: &str| {
            rules
                .given_name(&crate::text::capitalise_first(w))
                .is_some()
        };
        let titled = clusters[c]
            .members
            .iter()
            .any(|&j| people[j].honorific.is_some());
        let particle = crate::extract::people::PARTICLES.contains(&first);
        // (Or of words that a particle joins: "Acosta y Lara said" after "Martín Acosta y
        // Lara".)
        // (Or two particles: "Cedeño de la Guardia said" after "Itzel Cedeño de la Guardia".)
        let spaces = k.matches(' ').count();
        let joined = matches!(spaces, 2 | 3)
            && k.split(' ')
                .skip(1)
                .take(spaces - 1)
                .all(|w| crate::extract::people::PARTICLES.contains(&w))
            && !particle;
        let two = spaces == 1;
        let first_given = (two || joined) && given(first);
        let two_word_family = (two || joined) && (!first_given || titled);
        // (Or, later, the last two words of a longer name that opens with a given name:
        // "Vella Mizzi recalled" after "Marlene Vella Mizzi"; most documents name no one with
        // three words.)
        let late_two = two && any_three && first_given && !titled;
        // "Dato' Haji Mohd Hazwan" after "Mohd Hazwan bin Haji Sulaiman": a Malay or Arabic
        // name without its father's.
        let mut fathered = keys.iter().enumerate().filter(|(d, l)| {
            *d != c
                && l.len() > k.len() + 4
                && l.starts_with(k.as_str())
                && ["bin", "binti", "bint", "ibn", "bte", "bt"]
                    .iter()
                    .any(|p| {
                        l[k.len()..]
                            .strip_prefix(' ')
                            .and_then(|r| r.strip_prefix(p))
                            .is_some_and(|r| r.starts_with(' '))
                    })
        });
        // "Harry Kleinig" after 'Heinrich Wilhelm "Harry" Kleinig': a nickname and the family
        // name are the one person whose full name writes that nickname.
        if two && !nicknamed.is_empty() {
            let (nick, family) = k.split_once(' ').unwrap_or((k, ""));
            let quoted = [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')]
                .map(|(a, b)| format!("{a}{nick}{b}"));
            let mut holders = nicknamed.iter().filter(|(d, w)| {
                *d != c
                    && keys[*d].rsplit(' ').next() == Some(family)
                    && quoted.iter().any(|q| w.contains(q.as_str()))
            });
            if let Some(&(d, _)) = holders.next() {
                if holders.all(|(e, _)| *e == d) {
                    into[c] = Some(d);
                    continue;
                }
            }
        }
        // "Mick Furlong" after "Michael Furlong": a short form of the given name and the
        // family name are the one person named with the full given name.
        if two {
            let (nick, family) = k.split_once(' ').unwrap_or((k, ""));
            if let Some(formal) = rules.nicknames.get(nick) {
                let mut holders = keys.iter().enumerate().filter(|(d, l)| {
                    *d != c
                        && l.split_once(' ')
                            .is_some_and(|(g, f)| f == family && formal.iter().any(|x| x == g))
                });
                if let (Some((d, _)), None) = (holders.next(), holders.next()) {
                    into[c] = Some(d);
                    continue;
                }
            }
        }
        if k.contains(' ') {
            if let (Some((d, _)), None) = (fathered.next(), fathered.next()) {
                into[c] = Some(d);
                continue;
            }
        }
        // "Tsering Dolkar said" after "Tsering Dolkar Thakali": later, a name's first two words
        // alone, as names without a family name of their own are written (one such longer
        // name only).
        // (Not a name with a title of its own, "Senator Ted Cruz" after a headline's "Ted Cruz
        // Super PAC"; nor a father's or son's, "Cassius Clay Sr.".)
        let own_start = people[clusters[c].canonical].start;
        // (A titled one may be a longer name's that its own rule found, not a headline's run
        // of capitalised words: "Doña Mercedes Tenesaca" after "Vice-President: Mercedes
        // Tenesaca Lojano".)
        if two && any_three {
            let mut opened = keys.iter().enumerate().filter(|(d, l)| {
                three[*d]
                    && l.matches(' ').count() == 2
                    && l.len() > k.len() + 1
                    && l.starts_with(k.as_str())
                    && l.as_bytes()[k.len()] == b' '
                    && !crate::extract::people::is_suffix(
                        people[clusters[*d].canonical]
                            .name
                            .rsplit(' ')
                            .next()
                            .unwrap_or("")
                            .trim_end_matches('.'),
                    )
                    && people[clusters[*d].canonical].start < own_start
                    && (!titled || people[clusters[*d].canonical].rule != "people.given-name")
            });
            if let (Some((d, _)), None) = (opened.next(), opened.next()) {
                into[c] = Some(d);
                continue;
            }
        }
        // "José Luis Chávez, thank you" after "José Luis Chávez Paredes": later, a name of
        // two given names and the first family name without the second, as Spanish and
        // Portuguese names are written short.
        if spaces == 2 && given(first) && given(k.split(' ').nth(1).unwrap_or("")) {
            let mut opened = keys.iter().enumerate().filter(|(d, l)| {
                l.matches(' ').count() == 3
                    && l.starts_with(k.as_str())
                    && l.as_bytes()[k.len()] == b' '
                    && people[clusters[*d].canonical].start < own_start
            });
            if let (Some((d, _)), None) = (opened.next(), opened.next()) {
                into[c] = Some(d);
                continue;
            }
        }
        if !particle && !two_word_family && !late_two {
            continue;
        }
        // (Only the later two-word mention looks for names of three words or more.)
        let only_three = !two_word_family && !particle;
        let longer = keys
            .iter()
            .enumerate()
            .filter(|(d, _)| !only_three || three[*d])
            .filter(|(d, l)| *d != c && l.len() > k.len() + 1 && l.ends_with(k.as_str()))
            .filter(|(_, l)| l.as_bytes()[l.len() - k.len() - 1] == b' ')
            // (A titled name whose first word is a given name ends only a name that opens
            // with one: "Dr Vella Falzon" is Keith Vella Falzon's, "Sen. Ted Cruz" is no
            // "Endorsed Ted Cruz"'s.)
            // (A particle that is a given name too is the particle here: "Mrs Ben Abdeslam"
            // after "Fatima-Zahra Ben Abdeslam".)
            // (Or the longer name bears the same title, before: "Ms Mai Anh" after "Ms Hà Thị
            // Mai Anh", a Vietnamese name's given names last.)
            .filter(|(d, l)| {
                !(titled && given(first) && !particle)
                    || given(l.split(' ').next().unwrap_or(""))
                    || (honorific_of(*d).is_some()
                        && honorific_of(*d) == honorific_of(c)
                        && people[clusters[*d].canonical].start < own_start)
            })
            // (Its words before are given names, not "Ad Attacking Hillary Clinton", a
            // headline's; and it comes first.)
            // (Or it bears a title, a name written family name first: "Mei Fong" after "Ms
            // Lau Mei Fong".)
            .filter(|(d, l)| {
                !only_three
                    || ((l[..l.len() - k.len()].split_whitespace().all(given)
                        || honorific_of(*d).is_some())
                        && people[clusters[*d].canonical].start < own_start)
            });
        // (Of those, a name written with its initials is the same as the one written whole:
        // "Mr El Ouazzani" after "Abdelhak El Ouazzani" and "A. El Ouazzani".)
        let mut longer: Vec<usize> = longer.map(|(d, _)| d).collect();
        if longer.len() > 1 {
            longer.retain(|&d| {
                !keys[d][..keys[d].len() - k.len()]
                    .split_whitespace()
                    .all(|w| w.ends_with('.'))
            });
        }
        // (Or of those, the one its title's sex allows: "Ms van der Berg" is Femke, not her
        // brother Lukas.)
        if longer.len() > 1 {
            let gender = people[clusters[c].canonical]
                .honorific
                .as_deref()
                .and_then(|h| honorific_gender_of(rules, h));
            if gender.is_some() {
                let fitting: Vec<usize> = longer
                    .iter()
                    .copied()
                    .filter(|&d| may_be(rules, &people[clusters[d].canonical].name, gender))
                    .collect();
                if fitting.len() == 1 {
                    longer = fitting;
                }
            }
        }
        // (Or of those, the one named before it: "Te Maro-Sutherland came south" is the
        // professor named above, not his wife named below.)
        if longer.len() > 1 {
            let before: Vec<usize> = longer
                .iter()
                .copied()
                .filter(|&d| people[clusters[d].canonical].start < own_start)
                .collect();
            if before.len() == 1 {
                longer = before;
            }
        }
        if let [d] = longer[..] {
            into[c] = Some(d);
            continue;
        }
        // Or a first family name with its particle, before the second: "De León said" after
        // "María José de León Acosta", "Pérez de Arce said" after "Tomás Pérez de Arce Lagos".
        if particle || joined {
            let inner = format!(" {k} ");
            let mut within = keys.iter().enumerate().filter(|(d, l)| {
                *d != c
                    && l.find(inner.as_str()).is_some_and(|at| {
                        let rest = &l[at + inner.len()..];
                        !rest.is_empty() && !rest.contains(' ')
                    })
            });
            if let (Some((d, _)), None) = (within.next(), within.next()) {
                into[c] = Some(d);
            }
        }
    }
    // "A. M. Jayalath" after "Ananda Mahinda Jayalath", "N. Shikongo-Haufiku" after "Ndapewa
    // Shikongo-Haufiku", "J.W. van der Kloet" after "Jan-Willem van der Kloet": initials and a
    // surname (with its particles) are the one person of that surname whose given names they
    // abbreviate, initials run together standing for a hyphened name's parts.
    const SURNAME_PARTICLES: &[&str] = &[
        "van", "der", "den", "de", "da", "di", "du", "la", "le", "von", "ten", "ter", "dos", "das",
        "do", "del", "'t", "af",
    ];
    let split_name = |k: &str| -> Option<(Vec<String>, String)> {
        let words: Vec<&str> = k.split(' ').collect();
        let mut s = words.len().checked_sub(1)?;
        while s > 0 && SURNAME_PARTICLES.contains(&words[s - 1]) {
            s -= 1;
        }
        let given = words[..s]
            .iter()
            .flat_map(|w| w.split_inclusive(['.', '-']))
            .map(|w| w.trim_end_matches('-').to_string())
            .filter(|w| !w.is_empty())
            .collect();
        Some((given, words[s..].join(" ")))
    };
    let initial = |w: &String| w.ends_with('.') && w.chars().count() == 2;
    for (c, k) in keys.iter().enumerate() {
        if into[c].is_some() || !k.contains(". ") {
            continue;
        }
        let Some((given, surname)) = split_name(k) else {
            continue;
        };
        // (Or a given name written whole and a middle initial: "Magnus J. Halcrow" after
        // "Magnus John Halcrow", the same number of names then.)
        let all_initials = given.iter().all(initial);
        if given.is_empty() || !given.iter().any(initial) {
            continue;
        }
        let mut fuller = keys.iter().enumerate().filter(|(d, l)| {
            *d != c
                && split_name(l).is_some_and(|(lg, ls)| {
                    ls == surname
                        && (lg.len() == given.len() || (all_initials && lg.len() > given.len()))
                        && !lg.iter().all(initial)
                        && given.iter().zip(&lg).all(|(i, w)| {
                            if initial(i) {
                                w.chars().next() == i.chars().next()
                            } else {
                                i == w
                            }
                        })
                })
        });
        if let (Some((d, _)), None) = (fuller.next(), fuller.next()) {
            into[c] = Some(d);
        }
    }
    // "Evaristo Arzu" (a headline) and "Evaristo Cayetano Arzu": a given name and a surname
    // are the one longer name that opens with the one and ends with the other, its middle
    // names left out.
    // (Most documents hold no name of three words: the names of two are matched only
    // against those.)
    let longer: Vec<(usize, &str, &str)> = keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.matches(' ').count() >= 2)
        .filter_map(|(d, k)| Some((d, k.split(' ').next()?, k.rsplit(' ').next()?)))
        .collect();
    for (c, k) in keys.iter().enumerate().filter(|_| !longer.is_empty()) {
        if into[c].is_some() {
            continue;
        }
        let Some((first, last)) = k.split_once(' ') else {
            continue;
        };
        if last.contains(' ') {
            continue;
        }
        let mut fuller = longer.iter().filter(|&&(_, f, l)| f == first && l == last);
        if let (Some(&(d, ..)), None) = (fuller.next(), fuller.next()) {
            into[c] = Some(d);
            continue;
        }
        // (Or a Spanish or Portuguese name's first given name and first family name: "Rosa
        // Cáceres" after "Rosa Elvira Cáceres Valdivia de Zúñiga", the family name among the
        // longer name's later words, another after it.)
        let mut hispanic = longer.iter().filter(|&&(d, f, _)| {
            f == first && {
                let w: Vec<&str> = keys[d].split(' ').collect();
                w.len() >= 4 && w[2..w.len() - 1].contains(&last)
            }
        });
        if let (Some(&(d, ..)), None) = (hispanic.next(), hispanic.next()) {
            into[c] = Some(d);
        }
    }
    // "Reg McAuley" and "Reginald Thomas McAuley": a given name cut short and the family name
    // are the one person whose given name opens with it (not one of the other sex, "Dan Moyo"
    // beside "Daniela Moyo", nor a hyphened name's first part, "Jean-Pierre").
    // (Each name's first and last words, found once: the pairs are many in a long document.)
    let ends: Vec<Option<(&str, &str)>> = keys
        .iter()
        .map(|k| Some((k.split_once(' ')?.0, k.rsplit_once(' ')?.1)))
        .collect();
    for (c, k) in keys.iter().enumerate() {
        if into[c].is_some() || k.matches(' ').count() != 1 {
            continue;
        }
        let Some((first, last)) = ends[c] else {
            continue;
        };
        if first.chars().count() < 3 || first.ends_with('.') {
            continue;
        }
        let sex = |w: &str| {
            rules
                .given_name(&crate::text::capitalise_first(w))
                .flatten()
        };
        let mut fuller = ends.iter().enumerate().filter(|&(d, e)| {
            d != c
                && e.is_some_and(|(f, l_last)| {
                    l_last == last
                        && f.len() > first.len()
                        && f.starts_with(first)
                        && f[first.len()..].starts_with(char::is_alphabetic)
                })
        });
        if let (Some((d, e)), None) = (fuller.next(), fuller.next()) {
            let fits = match (sex(first), e.map(|(f, _)| sex(f))) {
                (Some(g), Some(Some(h))) => g == h,
                _ => true,
            };
            if fits {
                into[c] = Some(d);
            }
        }
    }
    // "Maria da Luz has done more" after "Maria da Luz Tavares Semedo", "Angus Hugh" after
    // "Angus Hugh MacIsaac": given names alone, the first words of the one longer name that
    // they open (its words after them not only a suffix: "John Smith" is not "John Smith Jr"),
    // if it is written as often and its last word is no surname that the document writes
    // alone (a headline's run "Elizabeth Warren Hammers Wells Fargo" is not the name of
    // Elizabeth Warren, who is "Warren" below it).
    // (Or any words after the honorific that the longer name had before them: "Dr Sonam
    // Choden" after "Dr Sonam Choden Wangdi", Bhutanese names having no family name.)
    let first_at = |c: usize| clusters[c].members.iter().map(|&j| people[j].start).min();
    for (c, k) in keys.iter().enumerate() {
        let last = k.rsplit(' ').next().unwrap_or("");
        if into[c].is_some() || !k.contains(' ') {
            continue;
        }
        let titled = honorific_of(c);
        let given_last = rules
            .given_name(&crate::text::capitalise_first(last))
            .is_some();
        if !given_last && titled.is_none() {
            continue;
        }
        // (The words first: the honorific and the first mention are looked up per member.)
        let mut longer = keys.iter().enumerate().filter(|(d, l)| {
            *d != c
                && l.len() > k.len() + 1
                && l.starts_with(k.as_str())
                && l.as_bytes()[k.len()] == b' '
                && (given_last || (honorific_of(*d) == titled && first_at(*d) < first_at(c)))
                && (!given_last || clusters[*d].members.len() >= clusters[c].members.len())
                && !l[k.len() + 1..]
                    .split(' ')
                    .all(|w| matches!(w, "jr" | "jr." | "sr" | "sr." | "ii" | "iii" | "iv"))
        });
        if let (Some((d, _)), None) = (longer.next(), longer.next()) {
            // (A surname after the same title, later, is that name's whatever else the text
            // writes: "Dr. María del Carmen Vargas" after "Dr. María del Carmen Vargas de la
            // Cruz", while "Dr. Vargas" speaks.)
            let name = &people[clusters[c].canonical].name;
            if !given_last || !written_alone(text, name) {
                into[c] = Some(d);
            }
        }
    }
    if into.iter().any(Option::is_some) {
        let mut index = vec![0; clusters.len()];
        let mut kept = Vec::new();
        for (c, cl) in std::mem::take(&mut clusters).into_iter().enumerate() {
            if into[c].is_none() {
                index[c] = kept.len();
                kept.push(cl);
            }
        }
        for c in 0..into.len() {
            // (Longer each step, so the chain ends.)
            let mut t = c;
            while let Some(n) = into[t] {
                t = n;
            }
            index[c] = index[t];
        }
        for (c, t) in into.iter().enumerate() {
            if t.is_some() {
                let members: Vec<usize> = people
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| of[*j] == Some(c))
                    .map(|(j, _)| j)
                    .collect();
                kept[index[c]].members.extend(members);
            }
        }
        for o in of.iter_mut() {
            *o = o.map(|c| index[c]);
        }
        for v in by_key.values_mut() {
            *v = index[*v];
        }
        clusters = kept;
    }
    // Surnames: link to the one person with that surname, or the nearest one before.
    // The keys of each cluster's surname, in cluster order (a cluster's canonical mention does
    // not change in this loop).
    let mut surname_keys: Vec<String> = clusters
        .iter()
        .map(|c| key(surname(&people[c.canonical].name)))
        .collect();
    let mut given_alone: Vec<(usize, usize)> = Vec::new();
    // The full mentions that write a nickname in quotation marks ("Margaret \"Peg\" Hanson"):
    // few documents have any.
    let nicknamed: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| writes_nickname(text, p))
        .map(|(j, _)| j)
        .collect();
    for (i, m) in people.iter().enumerate() {
        if m.words >= 2 {
            continue;
        }
        let sn = key(strip_possessive(&m.name));
        // "Mr Obama" is not "Michelle Obama": an honorific's gender rules out a person whose
        // given name says otherwise.
        let gender = m
            .honorific
            .as_deref()
            .and_then(|h| honorific_gender_of(rules, h));
        let fits = |c: usize| may_be(rules, &people[clusters[c].canonical].name, gender);
        let candidates: Vec<usize> = (0..clusters.len())
            .filter(|&c| surname_keys[c] == sn)
            .collect();
        // Only between people of one surname: a given name's listed sex is a guess
        // ("Jean" is listed as female, and is a man's name in French).
        let candidates = if candidates.len() > 1 && candidates.iter().any(|&c| fits(c)) {
            candidates.into_iter().filter(|&c| fits(c)).collect()
        } else {
            candidates
        };
        // "Sir Anthony", "Datuk Kamaruddin": knights, dames and Malaysian title holders are
        // named by their first name (honorifics flagged `given`).
        let candidates = if candidates.is_empty()
            && m.honorific
                .as_ref()
                .is_some_and(|h| rules.given_honorifics.contains(h))
        {
            (0..clusters.len())
                .filter(|&c| {
                    let n = &people[clusters[c].canonical].name;
                    same_key(n.split_whitespace().next().unwrap_or(""), &sn)
                })
                .collect()
        } else {
            candidates
        };
        // A name whose family name is not its last word: "Mr Goh" of "Shawn Goh Kian Meng",
        // "Dr Tsang" of "Winnie Tsang Suk-yee", "Mr Haikal" of "Mohamad Haikal Ismail", "Dr
        // Tan" of "Tan Swee Lian": the one person with that word in a name of three words.
        // The one person whose name passes `test` and fits, if only one does.
        let only = |test: &dyn Fn(&str) -> bool| -> Vec<usize> {
            let hits: Vec<usize> = (0..clusters.len())
                .filter(|&c| test(&people[clusters[c].canonical].name) && fits(c))
                .collect();
            if hits.len() == 1 {
                hits
            } else {
                Vec::new()
            }
        };
        let candidates = if candidates.is_empty() {
            only(&|n| {
                n.split_whitespace().count() >= 3 && n.split_whitespace().any(|w| same_key(w, &sn))
            })
        } else {
            candidates
        };
        // Lao and Thai people are named by their given name after a honorific: "Mr Khamsing"
        // of "Khamsing Douangchack", when no one has it for a surname.
        // (Not a name the list of given names holds: "Mr Howard" is no "Howard Flight"; but a
        // woman's, which is seldom a family name, after a title a woman bears: "Dr Felicia,
        // welcome" to Dr Felicia Gimbang, as Malaysians address her.)
        let may_be_given = || match rules.given_name(strip_possessive(&m.name)) {
            None => true,
            Some(g) => {
                g == Some(crate::names::Gender::Female)
                    && gender != Some(crate::names::Gender::Male)
            }
        };
        let candidates = if candidates.is_empty() && m.honorific.is_some() && may_be_given() {
            only(&|n| {
                n.split_whitespace().count() >= 2
                    && same_key(n.split_whitespace().next().unwrap_or(""), &sn)
            })
        } else {
            candidates
        };
        // A Korean family name, written first, after a honorific: "Mr Ban" of "Ban Ki-moon",
        // "Mr Moon" of "Moon Jae-in" (a given name of two syllables joined by a hyphen).
        let candidates = if candidates.is_empty() && m.honorific.is_some() {
            only(&|n| {
                let mut w = n.split_whitespace();
                w.next().is_some_and(|f| same_key(f, &sn))
                    && w.next().is_some_and(|g| {
                        g.split_once('-').is_some_and(|(a, b)| {
                            (2..=4).contains(&a.len())
                                && b.len() <= 4
                                && b.bytes().all(|c| c.is_ascii_lowercase())
                        })
                    })
                    && w.next().is_none()
            })
        } else {
            candidates
        };
        // The first part of a double family name joined by a hyphen, when no one has it for a
        // surname: "Dr. Valdés" of "Ignacio Valdés-Errázuriz"; or the second, as Filipino
        // married names are cut: "Villanueva" of "Rosario Formoso-Villanueva".
        let candidates = if candidates.is_empty() {
            only(&|n| {
                n.split_whitespace().count() >= 2
                    && n.rsplit(' ').next().is_some_and(|f| {
                        f.split_once('-').is_some_and(|(a, b)| {
                            (same_key(a, &sn) && b.len() >= 2) || (same_key(b, &sn) && a.len() >= 2)
                        })
                    })
            })
        } else {
            candidates
        };
        // A given name alone is the one person named in full with it: "his children, Darlene
        // and Marcus" … "His son, Marcus Peter". (Joined after the surnames, whose choice
        // between people of one surname counts each one's mentions before.)
        if candidates.is_empty() && m.honorific.is_none() && m.rule == "people.given-alone" {
            let named = only(&|n| {
                n.split_whitespace().count() >= 2
                    && same_key(n.split_whitespace().next().unwrap_or(""), &sn)
            });
            if let [c] = named[..] {
                given_alone.push((i, c));
                continue;
            }
        }
        // A nickname alone is the one person whose full mention writes it in quotation marks:
        // "Peg" of 'Margaret "Peg" (Lindquist) Hanson', "Bucky" of 'Winston "Bucky" Compton'.
        let candidates = if candidates.is_empty() && m.words == 1 && !nicknamed.is_empty() {
            let quoted = [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')]
                .map(|(a, b)| format!("{a}{}{b}", m.name));
            let mut hits: Vec<usize> = nicknamed
                .iter()
                .filter(|&&j| {
                    let w = &text[people[j].start..people[j].end];
                    quoted.iter().any(|q| w.contains(q.as_str()))
                })
                .filter_map(|&j| of[j])
                .collect();
            hits.sort_unstable();
            hits.dedup();
            if hits.len() == 1 {
                hits
            } else {
                Vec::new()
            }
        } else {
            candidates
        };
        let target = match candidates.len() {
            0 => None,
            1 => Some(candidates[0]),
            _ => candidates
                .iter()
                .copied()
                .filter(|&c| {
                    clusters[c]
                        .members
                        .iter()
                        .any(|&j| people[j].start < m.start)
                })
                .max_by_key(|&c| {
                    let before = clusters[c]
                        .members
                        .iter()
                        .filter(|&&j| people[j].start < m.start);
                    (
                        before.clone().count(),
                        std::cmp::Reverse(before.map(|&j| people[j].start).min()),
                    )
                }),
        };
        match target {
            Some(c) => {
                clusters[c].members.push(i);
                of[i] = Some(c);
            }
            // (So is a given name alone where only a person stands: "whose son Marco", and a
            // scorer's surname in a result's brackets: "Rangers 4 (Ferguson 34)".)
            None if m.honorific.is_some()
                || m.rule == "people.given-alone"
                || m.rule == "people.spouse"
                || m.rule == "people.scorer" =>
            {
                // "Mr Count" with no full form is still a person.
                let k = key(&m.name);
                let c = *by_key.entry(k).or_insert_with(|| {
                    clusters.push(Cluster {
                        canonical: i,
                        members: Vec::new(),
                        honorific: None,
                    });
                    surname_keys.push(key(surname(&m.name)));
                    clusters.len() - 1
                });
                clusters[c].members.push(i);
                of[i] = Some(c);
            }
            None => {}
        }
    }
    for (i, c) in given_alone {
        clusters[c].members.push(i);
        of[i] = Some(c);
    }
    for c in clusters.iter_mut() {
        c.members.sort_unstable();
        // The fullest mention (in words, then letters: "Ananda Mahinda Jayalath" over "A. M.
        // Jayalath"), first in the text on ties.
        c.canonical = *c
            .members
            .iter()
            .max_by(|&&a, &&b| {
                // (Initials count for less than the names they abbreviate: "Jan-Willem van
                // der Kloet" over "J.W. van der Kloet".)
                let spelled = |k: usize| {
                    people[k]
                        .name
                        .split([' ', '-'])
                        .filter(|w| !w.ends_with('.'))
                        .count()
                };
                spelled(a)
                    .cmp(&spelled(b))
                    .then(people[a].words.cmp(&people[b].words))
                    .then(people[a].name.len().cmp(&people[b].name.len()))
                    .then(people[b].start.cmp(&people[a].start))
            })
            .unwrap();
        c.honorific = c.members.iter().find_map(|&j| people[j].honorific.clone());
    }
    (clusters, of)
}

/// Whether a full mention writes a nickname in quotation marks ('Heinrich Wilhelm "Harry"
/// Kleinig'): its text is longer than its name, which leaves the nickname out.
fn writes_nickname(text: &str, p: &PersonMention) -> bool {
    p.words >= 2
        && p.end - p.start > p.name.len() + 2
        && memchr::memchr3(b'"', b'\'', 0xE2, &text.as_bytes()[p.start..p.end]).is_some()
}

/// Count word-bounded occurrences of `word` in `text`.
fn count_word(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    let mut n = 0;
    let mut from = 0;
    let finder = memchr::memmem::Finder::new(word);
    while let Some(k) = finder.find(&text.as_bytes()[from..]) {
        let i = from + k;
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            n += 1;
        }
        // Non-overlapping, as `str::match_indices`.
        from = i + word.len();
    }
    n
}

/// [`count_word`] of each of `words`, by one walk over the document's tokens instead of a
/// search of the whole text per word: none when the document keeps no tokens, and none for a
/// word that holds a character other than a letter or digit ("O'Neill", left to the search).
///
/// Exact: tokens are runs of letters and digits joined by apostrophes, hyphens and (in
/// numbers) `.` and `,`, so the word-bounded occurrences of a word of letters and digits are
/// the pieces of tokens between such joiners that equal it.
fn count_words(doc: &Document, words: &[&str]) -> Option<Vec<Option<usize>>> {
    let toks = doc.cached_tokens()?;
    let countable = |w: &str| !w.is_empty() && w.chars().all(char::is_alphanumeric);
    let mut counts: Vec<Option<usize>> = words.iter().map(|w| countable(w).then_some(0)).collect();
    // A piece is compared only when its first byte and its length are those of some word.
    let mut first = [false; 256];
    let mut lengths = 0u64;
    for w in words.iter().filter(|w| countable(w)) {
        first[w.as_bytes()[0] as usize] = true;
        lengths |= 1 << w.len().min(63);
    }
    let mut count = |piece: &str| {
        if first[piece.as_bytes()[0] as usize] && lengths & (1 << piece.len().min(63)) != 0 {
            if let Some(i) = words.iter().position(|w| *w == piece) {
                if let Some(n) = &mut counts[i] {
                    *n += 1;
                }
            }
        }
    };
    use crate::lexicon::class::{CAPITALISED, PLAIN};
    use crate::text::TokenKind;
    // Surnames are capitalised: then a word in lower case or a number holds none as its first
    // piece, and only words with joiners have other pieces.
    let capitalised = words
        .iter()
        .filter(|w| countable(w))
        .all(|w| w.as_bytes()[0].is_ascii_uppercase());
    let text = doc.text.as_str();
    for t in toks {
        if t.class & PLAIN != 0 {
            // ASCII letters only: one piece.
            if !(capitalised && t.class & CAPITALISED == 0) {
                count(&text[t.start..t.end]);
            }
            continue;
        }
        if t.kind == TokenKind::Punct || (capitalised && t.kind == TokenKind::Number) {
            continue;
        }
        for piece in text[t.start..t.end].split(|c: char| !c.is_alphanumeric()) {
            if !piece.is_empty() {
                count(piece);
            }
        }
    }
    Some(counts)
}

/// Clusters by the key of their canonical name (the first such cluster) and of its surname.
type ClusterIndex = (HashMap<String, usize>, HashMap<String, Vec<usize>>);

fn cluster_index(people: &[PersonMention], clusters: &[Cluster]) -> ClusterIndex {
    let mut by_name: HashMap<String, usize> = HashMap::default();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, c) in clusters.iter().enumerate() {
        let name = &people[c.canonical].name;
        by_name.entry(key(name)).or_insert(i);
        by_surname.entry(key(surname(name))).or_default().push(i);
    }
    (by_name, by_surname)
}

/// The resolved facts of one document, plus its publication date and the text stating it.
pub struct Resolved {
    pub facts: DocumentFacts,
    pub published: String,
    pub published_text: String,
}

/// Turn a document's mentions into facts.
pub fn resolve(
    doc: &Document,
    rules: &Rules,
    m: &Mentions,
    manifest_published: Option<&str>,
) -> Resolved {
    let (clusters, of) = cluster_people(&doc.text, &m.people, rules);
    let text = &doc.text;

    // People.
    let mut people: Vec<Person> = Vec::new();
    let mut ids: Vec<(String, String)> = Vec::new(); // per cluster: (person_id, name)
    let surnames: Vec<&str> = clusters
        .iter()
        .map(|c| surname(&m.people[c.canonical].name))
        .collect();
    // The surnames whose word-bounded occurrences count as mentions: those of full names
    // that no other person of the document shares, and that are no other word capitalised
    // ("Hyde Park", a headline's "Said": those count only where the extractor found them).
    let counted: Vec<bool> = clusters
        .iter()
        .zip(&surnames)
        .map(|(c, &sn)| {
            m.people[c.canonical].words >= 2
                && surnames.iter().filter(|&&d| d == sn).count() == 1
                && !rules.surname_not_names.contains(sn)
        })
        .collect();
    let wanted: Vec<&str> = surnames
        .iter()
        .zip(&counted)
        .filter_map(|(&sn, &k)| k.then_some(sn))
        .collect();
    // One walk over the tokens is cheaper than two searches of the text.
    let mut counts = match wanted.len() {
        0 | 1 => None,
        _ => count_words(doc, &wanted),
    }
    .map(Vec::into_iter);
    for ((c, &sn), &k) in clusters.iter().zip(&surnames).zip(&counted) {
        let canon = &m.people[c.canonical];
        let name = canon.name.clone();
        let id = slug(&name);
        let mentions = if !k {
            c.members.len()
        } else {
            let n = match counts.as_mut().map(|it| it.next()) {
                Some(Some(Some(n))) => n,
                _ => count_word(text, sn),
            };
            n.max(c.members.len())
        };
        // Evidence: the first occurrence of the fullest form.
        let ev = c
            .members
            .iter()
            .copied()
            .find(|&j| same_key(&m.people[j].name, &name))
            .unwrap_or(c.canonical);
        let ev = &m.people[ev];
        people.push(Person {
            prov: Provenance::of(doc, ev.start, ev.end, ev.rule),
            person_id: id.clone(),
            name: name.clone(),
            honorific: c.honorific.clone().unwrap_or_default(),
            mentions,
        });
        ids.push((id, name));
    }
    people.sort_by_key(|p| (p.prov.start, p.prov.end));

    // Roles.
    let mut roles: Vec<Role> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in &m.roles {
        let Some(c) = of[r.person] else { continue };
        // One row per position: "Water Minister" is the "Minister for Water" of the header.
        let mut words: Vec<String> = r
            .role
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| !matches!(w.as_str(), "for" | "of" | "the" | "and" | "&"))
            .collect();
        words.sort_unstable();
        if !seen.insert((c, words)) {
            continue;
        }
        // A title before the name that shortens a post the person is given in full: "Ambassador
        // Tachibana" after "Hiroshi Tachibana, Ambassador of Japan to Albania", "Advocate de
        // Gruchy" after "Crown Advocate Emma de Gruchy".
        // (And any post given again in short: "the deputy mayor, Heðin á Lakjuni" after
        // "Heðin á Lakjuni, deputy mayor of Tórshavn"; not a body's, "Chair of the Board".)
        if r.organization.is_empty() {
            let n = r.role.len();
            let longer = m.roles.iter().any(|o| {
                of[o.person] == Some(c)
                    && o.role.len() > n + 4
                    && o.role.is_char_boundary(n)
                    && o.role[..n].eq_ignore_ascii_case(&r.role)
                    && [" of ", " for ", " at "].iter().any(|p| {
                        o.role[n..]
                            .strip_prefix(p)
                            .is_some_and(|w| w.starts_with(char::is_uppercase))
                    })
            });
            if longer {
                continue;
            }
        }
        if r.rule == "roles.honorific" && r.organization.is_empty() {
            let longer = m.roles.iter().any(|o| {
                let n = r.role.len();
                of[o.person] == Some(c)
                    && ((o.role.len() > n + 4
                        && o.role.is_char_boundary(n)
                        && o.role[..n].eq_ignore_ascii_case(&r.role)
                        && [" of ", " for ", " to ", " at "]
                            .iter()
                            .any(|p| o.role[n..].starts_with(p)))
                        || (o.role.len() > n + 1
                            && o.role.is_char_boundary(o.role.len() - n)
                            && o.role[o.role.len() - n..].eq_ignore_ascii_case(&r.role)
                            && o.role[..o.role.len() - n].ends_with(' ')))
            });
            if longer {
                continue;
            }
        }
        // Nor a head alone that shortens the same post with its body's word: "Chair" after
        // "Kadri Põldsaar-Tamm, Committee Chair".
        if r.organization.is_empty() {
            let n = r.role.len();
            let bodied = m.roles.iter().any(|o| {
                of[o.person] == Some(c)
                    && o.organization.is_empty()
                    && o.role.len() > n + 1
                    && o.role.is_char_boundary(o.role.len() - n)
                    && o.role[o.role.len() - n..].eq_ignore_ascii_case(&r.role)
                    && o.role[..o.role.len() - n]
                        .strip_suffix(' ')
                        .is_some_and(|b| {
                            b.starts_with(char::is_uppercase)
                                && !b.contains(' ')
                                && rules.organisation_words.contains(b)
                        })
            });
            if bodied {
                continue;
            }
        }
        let (id, name) = &ids[c];
        roles.push(Role {
            prov: Provenance::of(doc, r.start, r.end, r.rule),
            person_id: id.clone(),
            person: name.clone(),
            role: r.role.clone(),
            organization: r.organization.clone(),
        });
    }
    roles.sort_by_key(|r| (r.prov.start, r.prov.end));
    // A post of an organisation's short form that the document defines is a post of its
    // name: "the Company's Chief Financial Officer" after `Borneo Highland Plantations Berhad
    // ("BHP" or "the Company")`.
    // (Or of the letterhead's organisation, whose name holds that word: "Secretary General of
    // the Municipality" on the letterhead of the "Municipality of Brașov".)
    let single = |o: &str| {
        o.starts_with(char::is_uppercase)
            && !o.contains(' ')
            && rules.organisation_words.contains(o)
    };
    let issuer = if roles
        .iter()
        .any(|r| r.organization.is_empty() || single(&r.organization))
    {
        crate::extract::roles::issuer(text, rules)
    } else {
        None
    };
    if roles.iter().any(|r| single(&r.organization)) {
        let defined = crate::extract::roles::defined_short_forms(text, rules);
        for r in roles.iter_mut().filter(|r| single(&r.organization)) {
            if let Some((_, name)) = defined.iter().find(|(t, _)| *t == r.organization) {
                r.organization = name.clone();
            } else if let Some(org) = issuer
                .as_ref()
                .filter(|o| o.split(' ').any(|w| w == r.organization))
            {
                r.organization = org.clone();
            }
        }
    }
    // A post without an organisation in a document on an organisation's letterhead is a post
    // of that organisation.
    if roles.iter().any(|r| r.organization.is_empty()) {
        if let Some(org) = issuer {
            let press = org
                .rsplit(' ')
                .next()
                .is_some_and(|w| rules.organisation_press.contains(w));
            let council = org
                .split(' ')
                .any(|w| rules.organisation_councils.contains(w));
            for r in roles.iter_mut().filter(|r| {
                r.organization.is_empty()
                    && crate::extract::roles::takes_issuer(
                        &r.role,
                        &r.prov.rule,
                        rules,
                        press,
                        council,
                    )
            }) {
                r.organization = org.clone();
            }
        }
    }

    // Dates and the publication date.
    let chosen = choose_publication(&m.dates);
    let (published, published_text, pub_index) = match manifest_published {
        Some(v) => {
            // (A dateline without its year is the manifest's date when it resolves to it:
            // "AMMAN, Jan 22 (Reuters) –".)
            let manifest_day = parse_iso(v);
            let idx = m.dates.iter().position(|d| {
                d.publication.is_some()
                    && (d.value == v
                        || (d.value.is_empty()
                            && d.rel
                                .zip(manifest_day)
                                .is_some_and(|(r, a)| resolve_relative(r, a) == v)))
            });
            (
                v.to_string(),
                idx.map(|i| text[m.dates[i].start..m.dates[i].end].to_string())
                    .unwrap_or_default(),
                idx,
            )
        }
        None => match chosen {
            Some(i) => {
                let d = &m.dates[i];
                let line_start = text[..d.start].rfind('\n').map(|k| k + 1).unwrap_or(0);
                let line_end = text[d.end..]
                    .find('\n')
                    .map(|k| d.end + k)
                    .unwrap_or(text.len());
                (
                    d.value.clone(),
                    crate::text::collapse(&text[line_start..line_end]),
                    Some(i),
                )
            }
            None => (String::new(), String::new(), None),
        },
    };
    // Relative expressions are resolved against the publication date, when there is one. A
    // publication month alone ("Published September 2025") resolves those whose value is the
    // same from any day of it ("last September", "in March").
    let anchor = parse_iso(&published);
    let month_anchor = anchor
        .is_none()
        .then(|| parse_iso_month(&published))
        .flatten();
    let resolve = |r| match (anchor, month_anchor) {
        (Some(a), _) => Some(resolve_relative(r, a)),
        (None, Some((y, mo))) => {
            let first = resolve_relative(r, (y, mo, 1));
            let last = resolve_relative(r, (y, mo, crate::extract::dates::days_in_month(y, mo)));
            (first == last).then_some(first)
        }
        (None, None) => None,
    };
    let mut dates: Vec<DateFact> = m
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| DateFact {
            prov: Provenance::of(doc, d.start, d.end, &d.rule),
            value: d.rel.and_then(resolve).unwrap_or_else(|| d.value.clone()),
            mod_: d.mod_.map(|x| x.as_str().to_string()).unwrap_or_default(),
            granularity: d.granularity.to_string(),
            kind: if Some(i) == pub_index {
                "publication"
            } else {
                "mention"
            }
            .to_string(),
            anchor: match (d.rel, anchor) {
                (Some(_), Some(_)) => published.clone(),
                _ => String::new(),
            },
            note: d.note.clone().unwrap_or_default(),
        })
        .collect();

    if anchor.is_none() && month_anchor.is_none() {
        story_years(m, &mut dates);
    }
    entry_days(doc, m, pub_index, &mut dates);
    coordinated_months(text, m, &mut dates);
    named_weekdays(text, rules, m, anchor, &mut dates);
    range_ends(text, m, &mut dates);
    let unplaced = anchored_dates(doc, m, &mut dates);
    if !unplaced.is_empty() {
        let mut k = 0;
        dates.retain(|_| {
            k += 1;
            !unplaced.contains(&(k - 1))
        });
    }

    // Claims. The name index is built only when a speaker needs it.
    let names = LazyNames {
        doc,
        rules,
        cell: std::cell::OnceCell::new(),
    };
    let (by_name, by_surname) = cluster_index(&m.people, &clusters);
    let sp = Speakers {
        doc,
        rules,
        m,
        clusters: &clusters,
        of: &of,
        ids: &ids,
        names: &names,
        by_name,
        by_surname,
        genders: Default::default(),
        antecedents: Default::default(),
        speaker_names: vec![std::cell::OnceCell::new(); clusters.len()],
    };
    let mut state = SpeakerState::default();
    let mut claims = Vec::new();
    let mut whos: Vec<Who> = m
        .quotes
        .iter()
        .map(|q| match (&q.speaker, q.rule) {
            (Some(SpeakerRef::Phrase(a, b)), "claims.quote-transcript" | "claims.quote-label") => {
                sp.label(*a, *b, &mut state)
            }
            (r, _) => sp.resolve(r.as_ref(), q.open, &mut state),
        })
        .collect();
    // Words that nothing attributes, repeated inside a quotation someone is said to have
    // spoken, are that speaker's: a headline that quotes the interview below it ("“A festival
    // in a mining town should smell a little of copper”: inside the book festival").
    for i in 0..whos.len() {
        if !whos[i].name.is_empty() {
            continue;
        }
        let q = &m.quotes[i];
        let words = trim_quote(&doc.text[q.start..q.end]);
        if words.split_whitespace().count() < 4 {
            continue;
        }
        // (One searcher for the words, asked only of quotations long enough to hold them.)
        let finder = memchr::memmem::Finder::new(words.as_bytes());
        let source = (0..whos.len()).find(|&j| {
            j != i
                && !whos[j].name.is_empty()
                && m.quotes[j].end - m.quotes[j].start > words.len()
                && finder
                    .find(&doc.text.as_bytes()[m.quotes[j].start..m.quotes[j].end])
                    .is_some()
        });
        if let Some(j) = source {
            whos[i] = whos[j].clone();
        }
    }
    for (q, who) in m.quotes.iter().zip(whos) {
        // Words in quotation marks that nothing attributes, too short for a statement and
        // with no sentence's punctuation inside the marks, are a title, a slogan or a scare
        // quote ("The report, “Stone and Water”, was published"), no quotation (the annotation
        // guide: a quote is attributed to a speaker). Others are kept with no speaker: someone
        // said them.
        let content = &doc.text[q.start..q.end];
        if who.name.is_empty()
            && q.rule == "claims.quote"
            && !content.trim_end().ends_with(['.', ',', '!', '?', '…'])
            && content.split_whitespace().count() < UNATTRIBUTED_MIN_WORDS
        {
            continue;
        }
        let prov = Provenance::of(doc, q.start, q.end, q.rule);
        claims.push(Claim {
            claim_id: String::new(),
            kind: "quote".into(),
            speaker_id: who.id,
            speaker: who.name,
            speaker_type: who.ty.to_string(),
            cue: q.cue.clone(),
            content: doc.text[q.start..q.end].to_string(),
            subject: String::new(),
            value: String::new(),
            date: published.clone(),
            note: if q.unclosed {
                "unclosed".into()
            } else {
                String::new()
            },
            prov,
        });
    }
    for c in &m.claims {
        let mut who = sp.resolve(c.speaker.as_ref(), c.start, &mut state);
        if who.name.is_empty() {
            if let Some(d) = &c.default_speaker {
                who = Who {
                    name: d.clone(),
                    id: String::new(),
                    ty: "organization",
                };
            }
        }
        let prov = Provenance::of(doc, c.start, c.end, c.rule);
        claims.push(Claim {
            claim_id: String::new(),
            kind: c.kind.into(),
            speaker_id: who.id,
            speaker: who.name,
            speaker_type: who.ty.to_string(),
            cue: c.cue.clone(),
            content: c.content.clone(),
            subject: c.subject.clone(),
            value: c.value.clone(),
            date: published.clone(),
            note: String::new(),
            prov,
        });
    }
    claims.sort_by(|a, b| {
        (a.prov.start, a.prov.end, &a.kind).cmp(&(b.prov.start, b.prov.end, &b.kind))
    });
    for (n, c) in claims.iter_mut().enumerate() {
        // Without `format!`, which costs more than the rest of the id.
        let mut id = String::with_capacity(doc.id.len() + 6);
        id.push_str(&doc.id);
        id.push('#');
        let mut digits = [0u8; 20];
        let digits = crate::output::format_u64(n as u64 + 1, &mut digits);
        id.extend(digits.iter().map(|&d| d as char));
        c.claim_id = id;
    }

    Resolved {
        facts: DocumentFacts {
            document: None,
            people,
            roles,
            dates,
            claims,
        },
        published,
        published_text,
    }
}

/// A quotation's words without the punctuation that closes it: "smell a little of copper."
/// and "smell a little of copper" are the same words.
fn trim_quote(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', ',', '!', '?', '…', ';', ':'])
        .trim_end()
}

/// The fewest words of a quotation kept when nothing attributes it.
const UNATTRIBUTED_MIN_WORDS: usize = 15;

/// A resolved speaker: name, person id (for people) and type.
#[derive(Debug, Clone, Default)]
struct Who {
    name: String,
    id: String,
    ty: &'static str,
}

/// What earlier claims of the document tell about later ones.
#[derive(Default)]
struct SpeakerState {
    /// Person speakers so far, by guessed gender (male, female, unknown): text offset → the
    /// latest speaker there, numbered in the order they were noted (later ones win ties).
    people: [std::collections::BTreeMap<usize, (usize, Who)>; 3],
    /// Speakers noted so far, in order: (text offset, who). They are sorted into `people` when
    /// a pronoun needs them, as guessing a gender may build the name index.
    noted: Vec<(usize, Who)>,
    /// How many of `noted` are in `people`.
    sorted: usize,
    /// The last organisation or document speaker.
    last_other: Option<Who>,
}

/// Everything speaker resolution reads.
struct Speakers<'a> {
    doc: &'a Document,
    rules: &'a Rules,
    m: &'a Mentions,
    clusters: &'a [Cluster],
    of: &'a [Option<usize>],
    ids: &'a [(String, String)],
    names: &'a LazyNames<'a>,
    /// Key of each cluster's canonical name → the first such cluster.
    by_name: HashMap<String, usize>,
    /// Key of each cluster's surname → the clusters with it.
    by_surname: HashMap<String, Vec<usize>>,
    /// Guessed genders, per name asked about.
    genders: std::cell::RefCell<HashMap<String, Option<Gender>>>,
    /// The people a pronoun may refer to, built on first use (see [`Speakers::pronoun`]).
    antecedents: std::cell::OnceCell<Vec<Antecedent>>,
    /// Each cluster's name as a speaker (titles stripped), made on first use: a person
    /// speaks many times.
    speaker_names: Vec<std::cell::OnceCell<String>>,
}

/// A person a pronoun may refer to: mentioned at `off`, eligible only for pronouns after
/// `gate` as well.
struct Antecedent {
    off: usize,
    /// End of the mention.
    end: usize,
    gate: usize,
    who: Who,
    strict: bool,
    gender: Option<Gender>,
}

/// Whether `before` ends with a word for a child and "of": "the son of ", "children of ".
fn child_of_before(before: &str) -> bool {
    let Some(b) = before.strip_suffix(" of ") else {
        return false;
    };
    let w = b.rsplit(' ').next().unwrap_or("");
    matches!(
        w,
        "son"
            | "sons"
            | "daughter"
            | "daughters"
            | "child"
            | "children"
            | "grandson"
            | "granddaughter"
            | "grandchild"
            | "grandchildren"
            | "stepson"
            | "stepdaughter"
    )
}

/// The document's [`NameIndex`], built on first use: many documents never need it.
struct LazyNames<'a> {
    doc: &'a Document,
    rules: &'a Rules,
    cell: std::cell::OnceCell<NameIndex<'a>>,
}

impl<'a> std::ops::Deref for LazyNames<'a> {
    type Target = NameIndex<'a>;
    fn deref(&self) -> &NameIndex<'a> {
        self.cell
            .get_or_init(|| NameIndex::new(self.doc, self.rules))
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "that", "his", "her",
];

impl<'a> Speakers<'a> {
    fn cluster_who(&self, c: usize) -> Who {
        Who {
            name: self.speaker_names[c]
                .get_or_init(|| strip_titles(self.rules, &self.ids[c].1))
                .clone(),
            id: self.ids[c].0.clone(),
            ty: "person",
        }
    }

    fn person_who(&self, name: &str) -> Who {
        // "Pennsylvania Gov. Ed Rendell", a name index's run, is Ed Rendell.
        let name = &strip_titles(self.rules, name);
        match self.cluster_by_name(name) {
            Some(c) => self.cluster_who(c),
            None => Who {
                name: name.to_string(),
                id: slug(name),
                ty: "person",
            },
        }
    }

    /// The one person named before `before` whose role is the title `head` ("judge" of
    /// "Judge", "chief minister" of "Chief Minister") or starts with it before its complement
    /// ("minister" of "Minister of Agriculture, Land and Fisheries"), if only one is; when no
    /// role is either, the one whose words before the complement end with it ("governor" of
    /// "Regional Governor of Tumbes").
    fn role_holder(&self, head: &str, before: usize) -> Option<usize> {
        match self.role_holder_by(head, before, false) {
            (None, false) => self.role_holder_by(head, before, true).0,
            (c, _) => c,
        }
    }

    /// [`Self::role_holder`], by the role's words before its complement when `core`; and
    /// whether any role was a candidate.
    fn role_holder_by(&self, head: &str, before: usize, core_only: bool) -> (Option<usize>, bool) {
        let mut found = None;
        let (mut own, mut own_many, mut many) = (None, false, false);
        let mut any = false;
        for r in &self.m.roles {
            if self.m.people[r.person].start >= before {
                continue;
            }
            let role = r.role.as_str();
            let ends_with = |s: &str| {
                s.len() >= head.len()
                    && s.is_char_boundary(s.len() - head.len())
                    && s[s.len() - head.len()..].eq_ignore_ascii_case(head)
                    && (s.len() == head.len() || s[..s.len() - head.len()].ends_with([' ', '-']))
            };
            let core = if core_only {
                let c = [" of ", " for ", ", "]
                    .iter()
                    .filter_map(|c| role.find(c))
                    .min()
                    .map_or(role, |k| &role[..k]);
                if c.len() == role.len() || ends_with(role) {
                    continue;
                }
                c
            } else {
                role
            };
            let ends = ends_with(core);
            let opens = !core_only
                && role.len() > head.len()
                && role.is_char_boundary(head.len())
                && role[..head.len()].eq_ignore_ascii_case(head)
                && [" of ", " for ", ", "]
                    .iter()
                    .any(|c| role[head.len()..].starts_with(c));
            // "the CFO" after "Mr Arjun Deshmukh, Chief Financial Officer".
            let acronym = !core_only
                && (2..=5).contains(&head.len())
                && head.bytes().all(|b| b.is_ascii_uppercase())
                && role
                    .split([' ', '-'])
                    .filter(|w| !matches!(*w, "of" | "and" | "&" | "the" | "for"))
                    .map(|w| w.chars().next().unwrap_or(' ').to_ascii_uppercase())
                    .eq(head.chars());
            if !(ends || opens || acronym) {
                continue;
            }
            // A deputy is not the one the title names: "the Chairman" after "Mr Dalton Kirk
            // (Chairman)" and "Mrs Merle Powery (Deputy Chairman)" is Dalton Kirk.
            let second = ends && {
                let lead = core[..core.len() - head.len()].trim_end_matches([' ', '-']);
                ["deputy", "vice", "assistant", "associate"]
                    .iter()
                    .any(|d| {
                        lead.len() >= d.len()
                            && lead.is_char_boundary(lead.len() - d.len())
                            && lead[lead.len() - d.len()..].eq_ignore_ascii_case(d)
                    })
            };
            if second {
                continue;
            }
            any = true;
            let Some(c) = self.of[r.person] else {
                return (None, true);
            };
            // (Of two holders, the one of another organisation is not the document's own: "the
            // Chairperson" of minutes is the committee's, not "Letaru Joyce, Chairperson of the
            // Water Users' Association".)
            if r.organization.is_empty() {
                match own {
                    None => own = Some(c),
                    Some(f) if f == c => {}
                    Some(_) => own_many = true,
                }
            }
            match found {
                None => found = Some(c),
                Some(f) if f == c => {}
                Some(_) => many = true,
            }
        }
        if many {
            return (own.filter(|_| !own_many), true);
        }
        if found.is_some() || core_only {
            return (found, any);
        }
        // Else the one person named before with that title of address ("the sheikh" after
        // "Sheikh Salem Al-Zawaideh"), a judge's too ("the judge" after "Justice Halima
        // Wekesa").
        for (i, p) in self.m.people.iter().enumerate() {
            if p.start >= before {
                continue;
            }
            let Some(h) = p.honorific.as_deref() else {
                continue;
            };
            let judge = head.eq_ignore_ascii_case("judge")
                && ["Justice", "Lord Justice", "Lady Justice", "Magistrate"].contains(&h);
            // (An office's title was looked for among the roles, where a deputy's is told
            // apart: "the mayor" is not "Deputy Mayor Nicky Gavron".)
            let address = p.honorific_role.is_none() && h.eq_ignore_ascii_case(head);
            if !(address || judge) {
                continue;
            }
            any = true;
            let Some(c) = self.of[i] else {
                return (None, true);
            };
            match found {
                None => found = Some(c),
                Some(f) if f == c => {}
                Some(_) => return (None, true),
            }
        }
        (found, any)
    }

    /// A person of the document by full name, or by a surname only one person has.
    fn cluster_by_name(&self, s: &str) -> Option<usize> {
        let find = |k: &str| {
            self.by_name
                .get(k)
                .copied()
                .or_else(|| match self.by_surname.get(k) {
                    Some(hits) if hits.len() == 1 => Some(hits[0]),
                    _ => None,
                })
        };
        let name = strip_possessive(s.trim());
        let found = if name.is_ascii() {
            // No curly apostrophes, and lower case is ASCII lower case.
            crate::text::with_lower(name, find)
        } else {
            find(&key(name))
        };
        found
            .or_else(|| self.cluster_by_first_word(name))
            .or_else(|| self.cluster_by_first_surname(name))
            .or_else(|| self.cluster_by_family_name(name))
            .or_else(|| self.cluster_before_particle(name))
            .or_else(|| self.cluster_by_two_surnames(name))
    }

    /// Two family names that end one person's full name, the first no given name: "Montenegro
    /// Vidal" of "Lucía Montenegro Vidal", as Spanish and Portuguese names are shortened.
    fn cluster_by_two_surnames(&self, name: &str) -> Option<usize> {
        let (first, second) = name.split_once(' ')?;
        if second.contains(' ')
            || !first.starts_with(char::is_uppercase)
            || !second.starts_with(char::is_uppercase)
            || self.rules.given_name(first).is_some()
        {
            return None;
        }
        // (The names as written: no allocation per cluster.)
        let mut hits = self.clusters.iter().enumerate().filter(|(_, c)| {
            let full = self.m.people[c.canonical].name.as_str();
            let cut = full.len().wrapping_sub(name.len());
            full.len() > name.len() + 1
                && full.is_char_boundary(cut)
                && full[cut..].eq_ignore_ascii_case(name)
                && full[..cut].ends_with(' ')
        });
        match (hits.next(), hits.next()) {
            (Some((c, _)), None) => Some(c),
            _ => None,
        }
    }

    /// A name of two words or more that one person's full name goes on from with a particle
    /// in lower case: "Mariela Shapiama" of "Mariela Shapiama de Ríos", a married name
    /// shortened.
    fn cluster_before_particle(&self, name: &str) -> Option<usize> {
        if !name.contains(' ') || !name.starts_with(char::is_uppercase) {
            return None;
        }
        // (The names as written: no allocation per cluster.)
        let mut hits = self.clusters.iter().enumerate().filter(|(_, c)| {
            let full = self.m.people[c.canonical].name.as_str();
            full.len() > name.len() + 3
                && full.is_char_boundary(name.len())
                && full[..name.len()].eq_ignore_ascii_case(name)
                && full[name.len()..]
                    .strip_prefix(' ')
                    .and_then(|r| r.split_once(' '))
                    .is_some_and(|(p, rest)| {
                        crate::extract::people::PARTICLES.contains(&p) && !rest.is_empty()
                    })
        });
        match (hits.next(), hits.next()) {
            (Some((c, _)), None) => Some(c),
            _ => None,
        }
    }

    /// A family name with a particle inside that ends one person's full name: "Gama de Sousa"
    /// of "Edivaldo Gama de Sousa".
    /// (Or a label in capitals: "VAN DER PLOEG-SIKKEMA:" of "Anneke van der Ploeg-Sikkema".)
    fn cluster_by_family_name(&self, name: &str) -> Option<usize> {
        let mut words = name.split(' ');
        let first = words.next()?;
        let capitals = name.contains(' ') && !name.contains(char::is_lowercase);
        // (Most names have no word in lower case: one look at each word's first byte.)
        if !first.starts_with(char::is_uppercase)
            || !(capitals
                && name.split(' ').any(|w| {
                    crate::extract::people::PARTICLES.contains(&w.to_lowercase().as_str())
                })
                || words.any(|w| {
                    !w.starts_with(|c: char| c.is_ascii_uppercase())
                        && crate::extract::people::PARTICLES.contains(&w)
                }))
        {
            return None;
        }
        let end = format!(" {}", key(name));
        let mut hits = self
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| key(&self.m.people[c.canonical].name).ends_with(&end));
        match (hits.next(), hits.next()) {
            (Some((c, _)), None) => Some(c),
            _ => None,
        }
    }

    /// A one-word name that is the first of two family names of one person's name of three
    /// words that opens with a given name (or of four that open with two): "Choque said" of
    /// "Germán Choque Mamani", "said Quispe" of "Rosa Elvira Quispe Huamán", as Spanish and
    /// Portuguese names are shortened.
    fn cluster_by_first_surname(&self, name: &str) -> Option<usize> {
        if name.contains(' ') || !name.starts_with(char::is_uppercase) {
            return None;
        }
        let k = key(name);
        let mut hits = self.clusters.iter().enumerate().filter(|(_, c)| {
            let full = &self.m.people[c.canonical].name;
            let words: Vec<&str> = full.split(' ').collect();
            // (The given name may be one the lists lack: "Feliciano Quispe Mamani"; or two
            // given names, the second one the lists know: "Rosa Elvira Quispe Huamán".)
            let n = words.len();
            (n == 3
                || (n == 4
                    && words[1].starts_with(char::is_uppercase)
                    && self.rules.given_name(words[1]).is_some()))
                && key(words[n - 2]) == k
                && self.rules.given_name(words[n - 2]).is_none()
                && self.rules.given_name(words[n - 1]).is_none()
        });
        match (hits.next(), hits.next()) {
            (Some((c, _)), None) => Some(c),
            _ => None,
        }
    }

    /// A one-word name that opens one person's full name and ends no one's: a first name
    /// ("Amelia said"), or a surname written first ("Li said" of "Li Wen-Hsuan").
    fn cluster_by_first_word(&self, name: &str) -> Option<usize> {
        if name.contains(' ') || !name.starts_with(char::is_uppercase) {
            return None;
        }
        let k = key(name);
        if self.by_surname.contains_key(&k) {
            return None;
        }
        let mut hits = self.clusters.iter().enumerate().filter(|(_, c)| {
            let full = &self.m.people[c.canonical].name;
            full.split_once(' ')
                .is_some_and(|(first, _)| key(first) == k)
        });
        match (hits.next(), hits.next()) {
            (Some((c, _)), None) => Some(c),
            _ => None,
        }
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        if let Some(&g) = self.genders.borrow().get(name) {
            return g;
        }
        let g = self.guess_gender(name);
        self.genders.borrow_mut().insert(name.to_string(), g);
        g
    }

    fn guess_gender(&self, name: &str) -> Option<Gender> {
        if let Some(c) = self.cluster_by_name(name) {
            let h = self.clusters[c].honorific.as_deref();
            if let Some(g) = h.and_then(|h| honorific_gender_of(self.rules, h)) {
                return Some(g);
            }
        }
        // The given name's, else what the document's pronouns after the name say: a
        // document's pronouns often follow someone else's name.
        let first = name.split(' ').next().unwrap_or(name);
        if let Some((_, family)) = name.split_once(' ') {
            if let Some(g) = self.rules.given_name(first).flatten() {
                return Some(g);
            }
            // (A given name of two joined by a hyphen, the lists lacking it, is its first
            // one's: "Per-Øyvind", "Ole-Martin", "Jean-Marie".)
            if let Some((one, two)) = first.split_once('-') {
                if two.starts_with(char::is_uppercase) && self.rules.given_name(first).is_none() {
                    if let Some(g) = self.rules.given_name(one).flatten() {
                        return Some(g);
                    }
                }
            }
            // Else the family name's ending: "Aizada Temirbekova", "Cholpon Asan kyzy".
            if let Some(g) = self.rules.surname_gender(family) {
                return Some(g);
            }
        }
        self.names.gender(name)
    }

    /// The cluster of the person whose name (or its honorific) starts at `at`, if one does.
    fn named_at(&self, at: usize) -> Option<usize> {
        let i = self
            .m
            .people
            .iter()
            .position(|q| q.honorific_start.unwrap_or(q.start) == at)?;
        self.of[i]
    }

    /// A noun phrase naming the speaker: a person's name (full, surname only, or after a title),
    /// an organisation ("The New York Times") or a document ("the report").
    fn phrase(&self, s: usize, e: usize) -> Who {
        let text = &self.doc.text;
        // A patronymic after the name is the name's, though it is written in lower case:
        // "said Associate Professor Cholpon Sadyrbek kyzy" (the person named so, if any).
        let patronymic = text[e..].strip_prefix(' ').and_then(|r| {
            let w = r.split(|c: char| !c.is_alphabetic()).next()?;
            crate::extract::people::PATRONYMICS
                .contains(&w)
                .then_some(e + 1 + w.len())
        });
        if let Some(pe) = patronymic {
            let t = strip_titles(self.rules, &crate::text::collapse(&text[s..pe]));
            if let Some(c) = self.cluster_by_name(&t) {
                return self.cluster_who(c);
            }
        }
        // A person and where they are: "Fathima Niyas in Katugastota writes:".
        if let Some(before) = text[..s].strip_suffix(" in ") {
            let place = &text[s..e];
            if place.starts_with(char::is_uppercase) && place.split(' ').count() <= 3 {
                if let Some(j) = self.m.people.iter().position(|q| q.end == before.len()) {
                    if let Some(c) = self.of[j] {
                        return self.cluster_who(c);
                    }
                }
            }
        }
        // A description with the name after it: "the study's lead author, Prof Jane Roe,"
        // is Jane Roe.
        if let Some(rest) = text[e..].strip_prefix(", ") {
            let at = e + 2 + (rest.len() - rest.trim_start().len());
            if let Some(c) = self.named_at(at) {
                return self.cluster_who(c);
            }
        }
        // (Or after the title's complement: "The Member of Parliament for Kono District, Hon.
        // Fatmata Kargbo-Lewis, … said that".)
        if let Some(rest) = [" for ", " of "]
            .iter()
            .find_map(|p| text[e..].strip_prefix(p))
        {
            let near = &rest[..crate::text::floor_boundary(rest, rest.len().min(80))];
            if let Some(k) = near.find(", ") {
                let complement = &near[..k];
                if complement
                    .split(' ')
                    .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "of" | "and" | "the"))
                {
                    let at = e + (text[e..].len() - rest.len()) + k + 2;
                    if let Some(c) = self.named_at(at) {
                        return self.cluster_who(c);
                    }
                }
            }
        }
        let raw = crate::text::collapse(&text[s..e]);
        let mut t = strip_possessive(raw.trim_end_matches([',', '.'])).to_string();
        // (A company's form keeps its last full stop: "Agropecuaria Los Algarrobos S.A.
        // said".)
        let dotted = t.rsplit(' ').next().is_some_and(crate::text::dotted_form);
        if dotted && (raw.ends_with('.') || text[e..].starts_with('.')) {
            t.push('.');
        }
        if let Some(c) = self.cluster_by_name(&t) {
            return self.cluster_who(c);
        }
        // A title of courtesy alone after "the" is the one last named with it: "the Sheikh
        // said" after "Sheikh Hassan Kasozi Mutenyo"; so is one written after the name: "the
        // Thero said" after "Ven. Kahawe Sumanatissa Thero".
        if let Some(h) = t.strip_prefix("the ").or_else(|| t.strip_prefix("The ")) {
            let canonical = self
                .rules
                .honorifics
                .get(h)
                .filter(|x| x.role.is_none())
                .map(|x| x.canonical.as_str());
            let one_word = h.starts_with(char::is_uppercase) && !h.contains(' ');
            let after_name = |q: &PersonMention| {
                one_word
                    && text[q.end..]
                        .strip_prefix(' ')
                        .and_then(|r| r.strip_prefix(h))
                        .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            };
            let j = self.m.people.iter().rposition(|q| {
                q.end <= s
                    && match canonical {
                        Some(c) => q.honorific.as_deref() == Some(c),
                        None => after_name(q),
                    }
            });
            if let Some(c) = j.and_then(|j| self.of[j]) {
                return self.cluster_who(c);
            }
        }
        // A family name after its particle in lower case: "said van Dijk", "said við Gerðið"
        // after "Sjúrður við Gerðið" (the family name's last word is the surname).
        if let Some((particle, rest)) = t.split_once(' ') {
            if !rest.contains(' ') {
                if crate::extract::people::PARTICLES.contains(&particle)
                    && particle.starts_with(char::is_lowercase)
                {
                    if let Some(c) = self.cluster_by_name(rest) {
                        return self.cluster_who(c);
                    }
                }
                // (With a capital, one whose name ends so: "De Roché said" after "Kenrick De
                // Roché".)
                if particle.len() <= 4
                    && particle.starts_with(char::is_uppercase)
                    && crate::extract::people::PARTICLES.contains(&&*key(particle))
                {
                    if let Some(c) = self.cluster_by_name(rest).filter(|&c| {
                        let full = key(&self.m.people[self.clusters[c].canonical].name);
                        full.ends_with(&format!(" {}", key(&t)))
                    }) {
                        return self.cluster_who(c);
                    }
                }
            }
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        // A title of address alone once its holder was named with it: "Lyonpo said" after
        // "Lyonpo Kuenga Lhendup, Minister for Agriculture" (one holder before it only).
        if let [w] = words.as_slice() {
            if let Some(h) = self.rules.honorifics.get(*w) {
                let mut holders = self
                    .m
                    .people
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| {
                        q.start < s && q.honorific.as_deref() == Some(h.canonical.as_str())
                    })
                    .filter_map(|(i, _)| self.of[i]);
                if let Some(c) = holders.next() {
                    if holders.all(|d| d == c) {
                        return self.cluster_who(c);
                    }
                }
            }
        }
        // A title alone after a colon, as a headline gives its speaker ("INTERVIEW: Mayor on the
        // subdivision — “…”"): the one holder of it, named before or, a headline's, after.
        if let [w] = words.as_slice() {
            if w.starts_with(char::is_uppercase)
                && text[..s].trim_end_matches(' ').ends_with(':')
                && self.rules.role_head_set.contains(&w.to_lowercase())
            {
                if let Some(c) = self
                    .role_holder(w, s)
                    .or_else(|| self.role_holder(w, text.len()))
                {
                    return self.cluster_who(c);
                }
            }
        }
        let led_by_det = words
            .first()
            .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()));
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let last = words.last().copied().unwrap_or("");
        // "the Minister", "the Chief Minister" after "Jane Roe, Minister of Agriculture": the
        // one person named before with that title.
        // (The span may start after "the" and the title's first words: "The Chief Minister
        // said, …" gives "Minister".)
        let mut from = s;
        for _ in 0..2 {
            let before = &text[..from];
            let w = before
                .trim_end_matches(' ')
                .rsplit(' ')
                .next()
                .unwrap_or("");
            // (Not past the sentence's end, nor before a span that has its article: "…
            // went to Gorda. The Alcalde told".)
            if before.ends_with(' ')
                && cap(w)
                && w != "The"
                && !w.contains('\n')
                && !w.ends_with(['.', '!', '?', ':', ';', '"', '”'])
                && !led_by_det
            {
                from = before.trim_end_matches(' ').len() - w.len();
            } else {
                break;
            }
        }
        // (A head of several words counts too: "The Chief Executive replied".)
        let head = || {
            self.rules.role_head_set.contains(&last.to_lowercase())
                || self.rules.role_head_set.contains(
                    &crate::text::collapse(&text[from..e])
                        .trim_start_matches("the ")
                        .trim_start_matches("The ")
                        .to_lowercase(),
                )
        };
        if cap(last)
            && head()
            && (words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"))
                || text[..from].ends_with("the ")
                || text[..from].ends_with("The "))
        {
            let title = crate::text::collapse(&text[from..e]);
            let title = title
                .strip_prefix("the ")
                .or_else(|| title.strip_prefix("The "))
                .unwrap_or(&title);
            if title.split(' ').count() <= 3 {
                if let Some(c) = self.role_holder(title.trim_end_matches([',', '.']), s) {
                    return self.cluster_who(c);
                }
            }
        }
        // "the Estonian said" after "Haapsalu's head coach Tõnis Kuusk …": a nationality for
        // the person named last before it (within the 400 bytes before).
        if let [d, w] = words.as_slice() {
            if d.eq_ignore_ascii_case("the") && self.rules.demonyms.contains(*w) {
                let lo = s.saturating_sub(400);
                let named = self
                    .m
                    .people
                    .iter()
                    .enumerate()
                    .rev()
                    .skip_while(|(_, q)| q.end > s)
                    .take_while(|(_, q)| q.start >= lo)
                    // (Not a name inside a quotation: what the speaker talks about.)
                    .filter(|(_, q)| {
                        !self
                            .m
                            .quotes
                            .iter()
                            .any(|x| x.start <= q.start && q.end <= x.end)
                    })
                    .find_map(|(i, _)| self.of[i]);
                if let Some(c) = named {
                    return self.cluster_who(c);
                }
            }
        }
        // "One young ranger from Bidyadanga", "a woman selling mats near the airstrip": a
        // person described, whatever the phrase names after its head.
        let indefinite = words
            .first()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "one" | "another"));
        if indefinite && words.len() >= 4 {
            let modifier = |w: &str| {
                crate::extract::claims::DESCRIPTION_PREPOSITIONS.contains(&w)
                    || (w.len() > 4 && w.ends_with("ing") && !cap(w))
            };
            if let Some(p) = words.iter().position(|w| modifier(w)).filter(|&p| p >= 2) {
                let head = words[p - 1];
                let l = head.to_lowercase();
                let person = !cap(head)
                    && (self.rules.role_head_set.contains(&l)
                        || self.rules.descriptors.contains(&l)
                        || crate::extract::people::person_noun(&l));
                if person {
                    return Who {
                        name: t.clone(),
                        id: String::new(),
                        ty: "person",
                    };
                }
            }
        }
        if !cap(last) {
            // "the report", "the Clinton campaign", "inspectors", "the Indiana governor"
            let l = last.to_lowercase();
            // "A DAERA spokesperson", as "a spokesperson for DAERA": the organisation.
            if words.len() >= 3
                && ["a", "an", "the"]
                    .iter()
                    .any(|d| words[0].eq_ignore_ascii_case(d))
                && self.rules.speaker_heads.contains(&l)
                && words[1..words.len() - 1].iter().all(|w| {
                    (cap(w) || *w == "&")
                        && !self.rules.demonyms.contains(*w)
                        && !crate::text::with_lower(w, |x| self.rules.title_modifiers.contains(x))
                })
            {
                return Who {
                    name: words[1..words.len() - 1].join(" "),
                    id: String::new(),
                    ty: "organization",
                };
            }
            // "the judge" after "Judge Jane Roe": the one person named before with that role
            // ("our churchwarden" after "churchwarden Gordon Roe").
            // (A title of more words too: "the facility manager told auditors" after "The
            // facility manager, Ngaire Whitcombe, has been …".)
            if (2..=4).contains(&words.len())
                && ["the", "our", "its", "their"]
                    .iter()
                    .any(|d| words[0].eq_ignore_ascii_case(d))
                && words[1..]
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            {
                let title = words[1..].join(" ");
                if let Some(c) = self.role_holder(&title, s) {
                    return self.cluster_who(c);
                }
            }
            // "the chair of the Trust board" after "the Trust board, which is chaired by Robert
            // Tainui Hape": the one holder of the title, if its organisation, when it has one,
            // shares a word with the body named after "of".
            let of = words.iter().position(|w| *w == "of");
            if let Some(p) = of.filter(|&p| p > 1 && words[0].eq_ignore_ascii_case("the")) {
                let title = &words[1..p];
                let body: Vec<String> = words[p + 1..]
                    .iter()
                    .filter(|w| !matches!(**w, "the" | "of" | "and"))
                    .map(|w| w.to_lowercase())
                    .collect();
                if (1..=3).contains(&title.len())
                    && title.iter().all(|w| w.chars().all(char::is_lowercase))
                    && !body.is_empty()
                {
                    let title = title.join(" ");
                    if let Some(c) = self.role_holder(&title, s) {
                        let fits = self.m.roles.iter().any(|r| {
                            self.of[r.person] == Some(c)
                                && r.role.to_lowercase().ends_with(&title)
                                && (r.organization.is_empty()
                                    || r.organization
                                        .split(' ')
                                        .any(|w| body.contains(&w.to_lowercase())))
                        });
                        if fits {
                            return self.cluster_who(c);
                        }
                    }
                }
            }
            // "the institute" after "the Okavango Research Institute": the one organisation
            // the document names with that word.
            if words.len() == 2
                && words[0].eq_ignore_ascii_case("the")
                && NAMED_KINDS.contains(&l.as_str())
            {
                if let Some(name) = named_organisation(text, &capitalised(&l)) {
                    return Who {
                        name,
                        id: String::new(),
                        ty: "organization",
                    };
                }
            }
            let ty = match self.rules.source_nouns.get(&l) {
                Some(ty) => ty,
                None if self.rules.role_head_set.contains(&l) => "person",
                None if led_by_det => "",
                None => "organization",
            };
            return Who {
                name: t.clone(),
                id: String::new(),
                ty,
            };
        }
        // The trailing run of capitalised words, without leading titles, nor a sentence's
        // opening word ("As Harbridge County Council said").
        let opener = words.first().is_some_and(|w| {
            led_by_det
                || (self.rules.sentence_openers.contains(*w)
                    && !self.rules.honorifics.contains_key(*w))
        });
        // ("&" joins the words of a firm's name: "Ngwenya & Partners", "Smith & Wesson".)
        let mut k = words.len();
        let mut ampersand = false;
        // (So does a year inside one: "The Évora 2027 Association".)
        let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        while k > 0 && cap(words[k - 1]) && !(k - 1 == 0 && opener) {
            k -= 1;
            if k >= 2 && words[k - 1] == "&" && cap(words[k - 2]) && !(k - 2 == 0 && opener) {
                ampersand = true;
                k -= 1;
            } else if k >= 2 && year(words[k - 1]) && cap(words[k - 2]) && !(k - 2 == 0 && opener) {
                k -= 1;
            }
        }
        // "the senator from Vermont": a description, the place only where the speaker is from.
        if led_by_det && k >= 2 && k < words.len() && words[k - 1] == "from" {
            let head = words[k - 2].to_lowercase();
            let ty = match self.rules.source_nouns.get(&head) {
                Some(ty) => Some(*ty),
                None if self.rules.role_head_set.contains(&head) => Some("person"),
                None => None,
            };
            if let Some(ty) = ty.filter(|_| !cap(words[k - 2])) {
                return Who {
                    name: t.clone(),
                    id: String::new(),
                    ty,
                };
            }
        }
        // "the Bank of England", "the Economic Commission for Europe": an organisation word
        // before "of" or "for" takes the name after it into its own.
        // (With its article too, "the Port Authority of the Cayman Islands"; and "and" joins
        // the words of a name that ends in an organisation word, "the Djibouti Ports and Free
        // Zones Authority".)
        let mut joined = false;
        let named_body = self.rules.organisation_words.contains(last);
        loop {
            let the = usize::from(k >= 3 && words[k - 1] == "the");
            if k >= 2 + the
                && matches!(words[k - 1 - the], "of" | "for")
                && cap(words[k - 2 - the])
                && self.rules.organisation_words.contains(words[k - 2 - the])
            {
                k -= 1 + the;
            } else if (named_body
                && led_by_det
                && k >= 3
                && words[k - 1] == "and"
                && cap(words[k - 2])
                && !(k - 2 == 0 && opener))
                // (Or subjects after "of": "the Ministry of Culture and Tourism", "the
                // Ministry of Economy, Culture and Innovation".)
                || (k >= 4 && words[k - 1] == "and" && cap(words[k - 2]) && {
                    let mut m = k - 2;
                    while m >= 3 && words[m - 1].ends_with(',') && cap(words[m - 1]) {
                        m -= 1;
                    }
                    m >= 2
                        && matches!(words[m - 1], "of" | "for")
                        && cap(words[m - 2])
                        && self.rules.organisation_words.contains(words[m - 2])
                })
                // (Or subjects joined after the article, none a title: "the Health and Safety
                // Executive", "the Fish and Wildlife Service"; not "the Mayor and Deputy
                // Mayor".)
                || (led_by_det
                    && k >= 3
                    && words[k - 1] == "and"
                    && self.rules.not_names.contains(last)
                    && words[1..k - 1].iter().all(|w| {
                        cap(w)
                            && crate::text::with_lower(w, |l| {
                                !self.rules.role_head_set.contains(l)
                            })
                    }))
            {
                k -= 1;
            } else {
                break;
            }
            joined = true;
            while k > 0 && cap(words[k - 1]) && !(k - 1 == 0 && opener) {
                k -= 1;
            }
        }
        if k == words.len() {
            // Only an opening word ("However, ... said"): no one.
            return Who {
                name: String::new(),
                id: String::new(),
                ty: "",
            };
        }
        let mut run: Vec<&str> = words[k..].to_vec();
        let org_word = joined
            || ampersand
            || self.rules.organisation_words.contains(last)
            || self.rules.source_nouns.contains_key(&last.to_lowercase());
        // Drop everything up to the last title or possessive: "Pennsylvania Gov. Ed Rendell" →
        // "Ed Rendell", "The Post’s Chris Cillizza" → "Chris Cillizza". An organisation keeps
        // its words: "The Daily Caller", "the State Department".
        // (So does a subject before a place, a public body: "Transport Scotland", "Health
        // Canada", where no person of the document bears the name.)
        let body = run.len() == 2
            && crate::extract::claims::body_subject(self.rules, run[0])
            && !self.rules.honorifics.contains_key(run[0])
            && self.rules.given_name(run[1]).is_none()
            && crate::text::with_lower(run[1], |l| !self.rules.role_head_set.contains(l))
            && self.cluster_by_name(run[1]).is_none();
        let org_word = org_word || body;
        let organisation = led_by_det || org_word;
        if let Some(t) = run[..run.len().saturating_sub(1)]
            .iter()
            // (A place's "New" is no title: "Surf Life Saving New Zealand".)
            .rposition(|w| {
                (!organisation && *w != "New" && is_title(self.rules, w))
                    || *w != strip_possessive(w)
            })
        {
            run.drain(..=t);
        }
        // "Senate Majority Whip Tom Reyes": a person's name starts at its given name.
        if !organisation && run.len() > 2 {
            if let Some(g) = run.iter().position(|w| self.rules.given_name(w).is_some()) {
                if g > 0 && run.len() - g >= 2 {
                    run.drain(..g);
                }
            }
        }
        // "The Society said" after "the Broome Historical Society": as "the institute" is above,
        // the one organisation the document names with that word.
        if run.len() == 1 && words.len() == 2 && words[0].eq_ignore_ascii_case("the") {
            let l = run[0].to_lowercase();
            if NAMED_KINDS.contains(&l.as_str()) {
                if let Some(name) = named_organisation(text, run[0]) {
                    return Who {
                        name,
                        id: String::new(),
                        ty: "organization",
                    };
                }
            }
        }
        // "the KMA said" after "the Kumasi Metropolitan Assembly (KMA)": the name the
        // document spells out for the acronym.
        if run.len() == 1 && (2..=6).contains(&run[0].len()) {
            if let Some(name) = spelled_acronym(text, run[0]) {
                return Who {
                    name,
                    id: String::new(),
                    ty: "organization",
                };
            }
        }
        let mut name = run.join(" ");
        // (A surname in capitals after a title in capitals, as a transcript's label: "PANEL
        // MEMBER OSEI-BONSU" is Osei-Bonsu.)
        if run.len() == 1 && words.len() > 1 && !t.contains(char::is_lowercase) {
            name = crate::text::title_cased(&name);
            if let Some(c) = self.cluster_by_name(&name) {
                return self.cluster_who(c);
            }
        }
        if run.len() >= 2 {
            if led_by_det || org_word {
                // (Its full name, when the document writes it once so: "the Central Bank"
                // of "the Central Bank of Sri Lanka".)
                let name = name_with_of(self.rules, text, &name).unwrap_or(name);
                return Who {
                    name,
                    id: String::new(),
                    ty: "organization",
                };
            }
            return self.person_who(&name);
        }
        // "Mr. Obama" is not "Michelle Obama": an honorific's gender rules out full forms
        // whose given name says otherwise.
        let honorific = words[..k]
            .iter()
            .find_map(|w| honorific_gender_of(self.rules, w.trim_end_matches('.')));
        let full = honorific
            .and_then(|g| {
                self.names
                    .full_form_where(&name, s, |full| may_be(self.rules, full, Some(g)))
            })
            .or_else(|| self.names.full_form(&name, s));
        match full {
            Some(full) if led_by_det => Who {
                name: full,
                id: String::new(),
                ty: "organization",
            },
            Some(full) => self.person_who(&strip_titles(self.rules, &full)),
            None if !led_by_det && !org_word && self.names.gender(&name).is_some() => {
                self.person_who(&name)
            }
            None => Who {
                name,
                id: String::new(),
                ty: "organization",
            },
        }
    }

    /// A transcript label ("WALLACE", "MR. SMITH"): a person, named in full when the text
    /// does.
    fn label(&self, s: usize, e: usize, state: &mut SpeakerState) -> Who {
        let t = &self.doc.text[s..e];
        let last = t.rsplit(' ').next().unwrap_or(t);
        let title = crate::text::title_cased(last);
        let who = match self.cluster_by_name(&title) {
            Some(c) => self.cluster_who(c),
            None => self.person_who(&self.names.full_form(&title, s).unwrap_or(t.to_string())),
        };
        self.remember(state, s, &who);
        who
    }

    /// Note a person speaker at `off`, under their guessed gender.
    fn remember(&self, state: &mut SpeakerState, off: usize, who: &Who) {
        state.noted.push((off, who.clone()));
    }

    /// Sort the speakers noted since the last call by guessed gender.
    fn sort_noted(&self, state: &mut SpeakerState) {
        while state.sorted < state.noted.len() {
            let seq = state.sorted;
            let (off, who) = state.noted[seq].clone();
            let bucket = match self.gender_of(&who.name) {
                Some(Gender::Male) => 0,
                Some(Gender::Female) => 1,
                None => 2,
            };
            state.people[bucket].insert(off, (seq, who));
            state.sorted += 1;
        }
    }

    /// The people of the document a pronoun may refer to, in the order they are preferred on
    /// ties (later wins), sorted by offset: every mention of a person, then the mentions of
    /// names that pronouns show to be people when they open their sentence.
    fn antecedents(&self) -> &[Antecedent] {
        self.antecedents.get_or_init(|| {
            let mut out = Vec::new();
            // A name inside a quotation is what the speaker talks about, not who speaks next:
            // "“… better for national security than Barack Obama.” … “…,” he said".
            let mut quoted: Vec<(usize, usize)> =
                self.m.quotes.iter().map(|q| (q.start, q.end)).collect();
            quoted.sort_unstable();
            let inside = |off: usize| {
                let k = quoted.partition_point(|q| q.0 <= off);
                quoted[..k].iter().rev().take(2).any(|q| off < q.1)
            };
            // A parent named as the one someone is a child of is background, not whom the
            // next "he" is about: "the seventh of eleven children of Joseph and Bernadette
            // (Michaud) Ouellette. He grew up …".
            let text = self.doc.text.as_str();
            let mut parent_end = None;
            for (i, pm) in self.m.people.iter().enumerate() {
                let before = text[..pm.start]
                    .strip_suffix("the late ")
                    .unwrap_or(&text[..pm.start]);
                let parent = child_of_before(before)
                    || (parent_end.is_some_and(|e: usize| text.get(e..pm.start) == Some(" and ")));
                parent_end = parent.then_some(pm.end);
                if inside(pm.start) || parent {
                    continue;
                }
                if let Some(c) = self.of[i] {
                    let who = self.cluster_who(c);
                    let gender = self.gender_of(&who.name);
                    out.push(Antecedent {
                        off: pm.start,
                        end: pm.end,
                        gate: 0,
                        who,
                        strict: false,
                        gender,
                    });
                }
            }
            // A name's first run admits its mentions earliest; later runs of it add nothing.
            let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
            for r in &self.names.runs {
                if !seen.insert(&r.name) {
                    continue;
                }
                let g = self.gender_of(&r.name);
                if g.is_none() || !self.names.likely_person(&r.name) {
                    continue;
                }
                let last = r.name.rsplit(' ').next().unwrap_or(&r.name);
                if self.rules.organisation_words.contains(last) {
                    continue;
                }
                // (The first words of one person's name that a particle goes on from are that
                // person: "Edivaldo Gama" of "Edivaldo Gama de Sousa".)
                let mut longer = self.clusters.iter().enumerate().filter(|(_, c)| {
                    let full = &self.m.people[c.canonical].name;
                    full.strip_prefix(r.name.as_str())
                        .and_then(|rest| rest.strip_prefix(' '))
                        .and_then(|rest| rest.split(' ').next())
                        .is_some_and(|w| crate::extract::people::PARTICLES.contains(&w))
                });
                let who = match (longer.next(), longer.next()) {
                    (Some((c, _)), None) => self.cluster_who(c),
                    _ => self.person_who(&r.name),
                };
                for off in self.names.mentions_of(&r.name) {
                    // Only a name opening its sentence (its subject) draws a pronoun.
                    let opens = self.doc.sentence_at(off).is_some_and(|s| {
                        self.doc.text[self.doc.sentences[s].start..off]
                            .split_whitespace()
                            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    });
                    // Or a clause after an opening phrase: "On the eve of the meetings,
                    // Trump eased his tone".
                    let after_comma = || {
                        let text = &self.doc.text;
                        let before = text[..off].trim_end_matches(' ');
                        let mut words = text[off..].split_whitespace();
                        let word = words.next().unwrap_or("");
                        let next = words.next().unwrap_or("");
                        // Not "Michael Briggs, Sanders's spokesman, suggested".
                        before.ends_with(',')
                            && word == strip_possessive(word)
                            && next.starts_with(|c: char| c.is_ascii_lowercase())
                            && !crate::extract::claims::NOT_A_VERB.contains(&next)
                    };
                    if opens || after_comma() {
                        out.push(Antecedent {
                            off,
                            end: off + last.len(),
                            gate: r.start,
                            who: who.clone(),
                            strict: true,
                            gender: g,
                        });
                    }
                }
            }
            // A surname alone that opens its sentence, of the one person named in full so:
            // "Hed-Larsson, who first came to the gathering …" after "Kerstin Hed-Larsson".
            for (c, cl) in self.clusters.iter().enumerate() {
                let full = &self.m.people[cl.canonical].name;
                let last = surname(full);
                if last.len() < 3
                    || last == full.as_str()
                    || self.by_surname.get(&key(last)).is_none_or(|h| h.len() != 1)
                {
                    continue;
                }
                let who = self.cluster_who(c);
                let Some(gender) = self.gender_of(&who.name) else {
                    continue;
                };
                for k in memchr::memmem::find_iter(text.as_bytes(), last.as_bytes()) {
                    let e = k + last.len();
                    // (A conjunction may open the sentence: "But Hantuchova is in upbeat
                    // mood …".)
                    let opens = self.doc.sentence_at(k).is_some_and(|si| {
                        let lead = &text[self.doc.sentences[si].start..k];
                        lead.is_empty()
                            || matches!(lead, "But " | "And " | "Yet " | "So " | "Still ")
                    });
                    if opens
                        && !text[e..].starts_with(|c: char| c.is_alphanumeric())
                        && !self.m.people.iter().any(|p| p.start <= k && k < p.end)
                    {
                        out.push(Antecedent {
                            off: k,
                            end: e,
                            gate: 0,
                            who: who.clone(),
                            strict: false,
                            gender: Some(gender),
                        });
                    }
                }
            }
            // Stable: equal offsets keep their preference order.
            out.sort_by_key(|a| a.off);
            out
        })
    }

    /// The person named by a title ("The CFO", "The Chairman") that opens the sentence before
    /// the pronoun at `at`, which itself opens its sentence, if the gender fits.
    fn titled_subject_before(&self, at: usize, want: Option<Gender>) -> Option<Who> {
        let doc = self.doc;
        let si = doc.sentence_at(at)?;
        if si == 0 || !doc.text[doc.sentences[si].start..at].trim().is_empty() {
            return None;
        }
        let prev = doc.sentences[si - 1];
        let rest = doc.text[prev.start..prev.end].strip_prefix("The ")?;
        let words: Vec<&str> = rest.splitn(5, ' ').collect();
        // The title's capitalised words, then the verb in lower case.
        let k = words
            .iter()
            .position(|w| !w.starts_with(char::is_uppercase))?;
        if k == 0 || k > 3 || !words[k].bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let last = words[k - 1];
        if !crate::text::with_lower(last, |l| self.rules.role_head_set.contains(l)) {
            return None;
        }
        let title = &rest[..words[..k].iter().map(|w| w.len() + 1).sum::<usize>() - 1];
        let c = self.role_holder(title, prev.start)?;
        let who = self.cluster_who(c);
        // (A gender no one told fits: "The Satradhikar requested … He said:".)
        let g = self.gender_of(&who.name);
        (want.is_none() || g.is_none() || g == want).then_some(who)
    }

    /// The description that opens the sentence before the one at `at` (which the pronoun or
    /// its quotation opens), when a word of a person's sex heads it and a speech verb follows
    /// it: "An elderly woman selling pandanus mats near the airstrip said she …" (or a relative
    /// clause, with `true`: whom a description introduces wins over a person named before).
    fn described_subject_before(&self, at: usize, want: Option<Gender>) -> Option<(Who, bool)> {
        let want = want?;
        let doc = self.doc;
        let si = doc.sentence_at(at)?;
        let lead = doc.text[doc.sentences[si].start..at]
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“'));
        if si == 0 || !lead.is_empty() {
            return None;
        }
        let prev = doc.sentences[si - 1];
        let sent = &doc.text[prev.start..prev.end];
        let words: Vec<&str> = sent.split(' ').take(16).collect();
        if !matches!(
            words.first().map(|w| w.to_lowercase()).as_deref(),
            Some("a" | "an" | "one" | "another")
        ) {
            return None;
        }
        // The sex a word for a person gives: "woman", "grandmother", "fisherman".
        let sex = |w: &str| -> Option<Gender> {
            let female = [
                "woman",
                "girl",
                "lady",
                "mother",
                "grandmother",
                "daughter",
                "wife",
                "sister",
                "aunt",
                "widow",
                "actress",
                "nun",
                "granddaughter",
                "niece",
            ];
            let male = [
                "man",
                "boy",
                "father",
                "grandfather",
                "son",
                "husband",
                "brother",
                "uncle",
                "widower",
                "actor",
                "monk",
                "grandson",
                "nephew",
            ];
            if female.contains(&w) || w.ends_with("woman") {
                Some(Gender::Female)
            } else if male.contains(&w) || (w.ends_with("man") && w.len() > 4) {
                Some(Gender::Male)
            } else {
                None
            }
        };
        let h = (1..words.len().min(5)).find(|&k| sex(words[k]).is_some())?;
        if sex(words[h]) != Some(want) {
            return None;
        }
        // The speech verb after it, with words only between ("selling mats near the airstrip").
        let Some(v) = (h + 1..words.len()).find(|&k| self.rules.speech_verbs.contains(words[k]))
        else {
            // Or a relative clause right after its noun that introduces the one who speaks
            // next, in the same paragraph: "An elderly fisherman who has watched the yard for
            // years was more hopeful. “…,” he said."
            if words.get(h + 1) != Some(&"who")
                || doc.paragraph_at(prev.start) != doc.paragraph_at(at)
                || sent.contains(['"', '“', ','])
            {
                return None;
            }
            return Some((
                Who {
                    name: words[..=h].join(" "),
                    id: String::new(),
                    ty: "person",
                },
                true,
            ));
        };
        // (A relative clause set off by commas ends the description: "An old fisherman from
        // Ancud, who has sailed since he was a boy, said".)
        let plain = |w: &&str| {
            w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
        };
        let end = match words[1..v].iter().position(|w| !plain(w)) {
            None => v,
            Some(k) if words[k + 1].ends_with(',') && words.get(k + 2) == Some(&"who") => k + 2,
            Some(_) => return None,
        };
        let mut name = words[..end].join(" ");
        name.truncate(name.trim_end_matches(',').len());
        Some((
            Who {
                name,
                id: String::new(),
                ty: "person",
            },
            false,
        ))
    }

    /// The body that is the subject of the sentence before the one at `at`, in its paragraph,
    /// when a quotation opens the sentence at `at` and "it" speaks after it: "In a statement,
    /// the department urged the public not to wait. “…,” it said." (the department's name
    /// where the document gives one, as for "the department said"). Or when "it", at
    /// `pronoun`, opens the sentence before the quotation, past a short phrase: "The ministry
    /// defended the measures. In a statement issued last Friday, it said the limits were “…”".
    fn body_subject_before(&self, at: usize, pronoun: usize) -> Option<Who> {
        let doc = self.doc;
        let text = &doc.text;
        let si = doc.sentence_at(at)?;
        let sent = doc.sentences[si];
        let opens = |lead: &str| {
            lead.is_empty()
                || lead.strip_suffix(", ").is_some_and(|l| {
                    l.starts_with(char::is_uppercase)
                        && l.split(' ').count() <= 8
                        && !l.contains(['"', '“', ','])
                })
        };
        let before = pronoun < at && pronoun >= sent.start && opens(&text[sent.start..pronoun]);
        if si == 0 || !(before || quotation_opens(text, sent.start, at)) {
            return None;
        }
        let prev = doc.sentences[si - 1];
        if doc.paragraph_at(prev.start) != doc.paragraph_at(sent.start) {
            return None;
        }
        let mut from = prev.start;
        let mut rest = &text[prev.start..prev.end];
        // (Past a phrase that opens the sentence: "In a statement, ".)
        if let Some(k) = rest.find(", ") {
            if rest[..k].split(' ').count() <= 5
                && rest.starts_with(|c: char| c.is_uppercase())
                && !rest[..k].contains(['"', '“'])
            {
                from += k + 2;
                rest = &rest[k + 2..];
            }
        }
        let words: Vec<&str> = rest.split(' ').take(6).collect();
        if !matches!(words.first(), Some(&("the" | "The"))) {
            return None;
        }
        // The body's noun within three words, then a verb in lower case.
        let k = (1..words.len().min(4)).find(|&k| {
            let w = words[k];
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && (NAMED_KINDS.contains(&w)
                    || self.rules.source_nouns.get(w) == Some(&"organization"))
        })?;
        let verb = words.get(k + 1)?;
        if !verb.starts_with(|c: char| c.is_ascii_lowercase()) || !verb.ends_with("ed") {
            return None;
        }
        let len = words[..=k].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
        Some(self.phrase(from, from + len))
    }

    /// The person who opens the paragraph before the one at `at`, when that paragraph opens
    /// with a quotation closed before `at` (the pronoun of "“…,” he said" at `at`): a name
    /// the document gives in full, or a surname only one person has; else, the quotation
    /// alone, that paragraph's subject (`opening_subject`, `present_subject`).
    fn paragraph_subject_before(
        &self,
        at: usize,
        want: Option<Gender>,
        ante: &[Antecedent],
    ) -> Option<Who> {
        let doc = self.doc;
        let pi = doc.paragraph_at(at)?;
        let para = doc.paragraphs[pi];
        let lead = doc.text[para.start..at].trim_end();
        if pi == 0 || !quotation_opens(&doc.text, para.start, at) {
            return None;
        }
        let prev = doc.paragraphs[pi - 1];
        // A person near its start whose words it reports: "Chief executive Philippe de Gruchy
        // said private client work …" / "“We added 140 family structures …,” he said."
        // (The quotation alone opens this paragraph, and no one else speaks in that one.)
        let single = lead.is_empty() || lead.matches(['"', '“', '”']).count() == 2;
        let first = ante.partition_point(|a| a.off < prev.start);
        let last = ante.partition_point(|a| a.off < prev.end);
        let mut spoke = ante[first..last]
            .iter()
            .filter(|a| speech_after(&doc.text, a.end));
        if let (true, Some(a)) = (single, spoke.next()) {
            if a.off < prev.start + 60 && spoke.all(|b| b.who.name == a.who.name) {
                return (a.gender.is_none() || a.gender == want).then(|| a.who.clone());
            }
        }
        let found = self.opening_name(prev.start, prev.end, want, ante);
        if found.is_some() || !single {
            return found;
        }
        let named = &ante[first..last];
        self.opening_subject(prev, want, named, ante)
            .or_else(|| named.is_empty().then(|| self.present_subject(prev, want))?)
    }

    /// A name the document gives in full that opens the paragraph `prev` as its subject, no
    /// one else named in it (`named`, its mentions; `ante`, all before): "Valdivia-Chávez is
    /// cautious about … / “If we can still count sixty birds …,” he said."
    fn opening_subject(
        &self,
        prev: crate::text::Paragraph,
        want: Option<Gender>,
        named: &[Antecedent],
        ante: &[Antecedent],
    ) -> Option<Who> {
        let doc = self.doc;
        let opening = &doc.text[prev.start..prev.end];
        // (After a short phrase of place, time or manner set off by a comma: "Back on her
        // beds, Nang Khin Htwe is sceptical of promises.", "Speaking to supporters outside the
        // hall, Zeqo thanked voters".)
        let skip = opening[..crate::text::floor_boundary(opening, opening.len().min(64))]
            .find(", ")
            .filter(|&c| {
                let words: Vec<&str> = opening[..c].split(' ').collect();
                (2..=8).contains(&words.len())
                    && words[1..]
                        .iter()
                        .all(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            })
            .map_or(0, |c| c + 2);
        let (opening, start) = (&opening[skip..], prev.start + skip);
        let name_len = opening
            .split(' ')
            .take_while(|w| w.starts_with(char::is_uppercase))
            .take(4)
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .checked_sub(1)?;
        if name_len == 0
            || !verb_after(&doc.text, start + name_len)
            || opening[name_len..].starts_with(',')
        {
            return None;
        }
        let who = self.cluster_who(self.cluster_by_name(&opening[..name_len])?);
        // (Its gender, where a mention told it, must fit the pronoun.)
        let gender = ante
            .iter()
            .find(|a| a.who.name == who.name)
            .and_then(|a| a.gender);
        (named.iter().all(|b| b.who.name == who.name) && (gender.is_none() || gender == want))
            .then_some(who)
    }

    /// The one person the paragraph `prev` names, where no mention stands in it, by a name
    /// the document gave in full before, as a present verb's subject: "…, although Lado Bili
    /// doubts the worms will cooperate. / “The nyale keep their own calendar,” he said."
    fn present_subject(&self, prev: crate::text::Paragraph, want: Option<Gender>) -> Option<Who> {
        let words: Vec<&str> = self.doc.text[prev.start..prev.end].split(' ').collect();
        let mut found: Option<usize> = None;
        for (k, w) in words.iter().enumerate().skip(1) {
            let present =
                w.len() > 3 && w.ends_with('s') && w.bytes().all(|b| b.is_ascii_lowercase());
            if !present {
                continue;
            }
            let n = words[..k]
                .iter()
                .rev()
                .take_while(|w| w.starts_with(char::is_uppercase) && w.len() > 1)
                .count();
            // (Not the paragraph's opening words: "The district hopes".)
            if !(2..=4).contains(&n) || n == k {
                continue;
            }
            let c = self.cluster_by_name(&words[k - n..k].join(" "))?;
            if found.is_some_and(|f| f != c) {
                return None;
            }
            found = Some(c);
        }
        let who = self.cluster_who(found?);
        let g = self.gender_of(&who.name);
        (g.is_none() || g == want).then_some(who)
    }

    /// The person who opens the sentence before the one at `at`, in the same paragraph, when
    /// a quotation opens the sentence at `at` and closes before it.
    fn sentence_opener_before(
        &self,
        at: usize,
        want: Option<Gender>,
        ante: &[Antecedent],
    ) -> Option<Who> {
        let doc = self.doc;
        let si = doc.sentence_at(at)?;
        let sent = doc.sentences[si];
        if si == 0 || !quotation_opens(&doc.text, sent.start, at) {
            return None;
        }
        let prev = doc.sentences[si - 1];
        if doc.paragraph_at(prev.start) != doc.paragraph_at(at) {
            return None;
        }
        // (No one else named in it after its opening name: "Hale, who met Jane Roe, …".)
        let first = ante.partition_point(|a| a.off < prev.start);
        let named = &ante[first..];
        if named.iter().any(|a| a.off > prev.start + 40) {
            return None;
        }
        self.opening_name(prev.start, prev.end, want, ante)
    }

    /// The person named at the opening of `[start, end)` (a paragraph or a sentence) before its
    /// apposition's comma, if a name the document gives in full, or a surname only one person
    /// has, and the gender fits.
    fn opening_name(
        &self,
        start: usize,
        end: usize,
        want: Option<Gender>,
        ante: &[Antecedent],
    ) -> Option<Who> {
        let opening = &self.doc.text[start..end];
        // The name runs to its apposition's comma: "Hofbauer, who took over …", "Nino
        // Abashidze-Mgaloblishvili, the head of …" (four words at most, so the comma is looked
        // for in the paragraph's first bytes only).
        let head = &opening[..crate::text::floor_boundary(opening, opening.len().min(100))];
        let name_end = head.find(',')?;
        let name = &opening[..name_end];
        if name.split(' ').count() > 4
            || !name.split(' ').all(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        // (Not the topic of someone else's words: "Trump, Sexton said, has created …".)
        let mut after = opening[name_end + 1..].split_whitespace();
        let reporter = after
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            && after.take(2).any(|w| {
                crate::text::with_lower(w.trim_end_matches(','), |l| {
                    self.rules.speech_verbs.contains(l)
                })
            });
        if reporter {
            return None;
        }
        // (After its titles: "Professor Hanta Razafindrakoto, head of plant biology, …".)
        let c = self
            .cluster_by_name(name)
            .or_else(|| self.cluster_by_name(&strip_titles(self.rules, name)))?;
        let who = self.cluster_who(c);
        // (Its gender, where a mention told it, must fit the pronoun.)
        let gender = ante
            .iter()
            .find(|a| a.who.name == who.name)
            .and_then(|a| a.gender);
        (gender.is_none() || gender == want).then_some(who)
    }

    /// "he"/"she": the nearest person before `at` the pronoun fits; on a tie, the later
    /// candidate (speakers so far, then mentions, then names).
    fn pronoun(&self, p: &str, at: usize, state: &SpeakerState) -> Option<Who> {
        let want = pronoun_gender(p);
        let fits = |g: Option<Gender>, strict: bool| match (want, g) {
            (Some(w), Some(g)) => w == g,
            (_, None) => !strict,
            (None, Some(_)) => true,
        };
        // The speakers so far whose gender fits, nearest first.
        let buckets: &[usize] = match want {
            Some(Gender::Male) => &[0, 2],
            Some(Gender::Female) => &[1, 2],
            None => &[0, 1, 2],
        };
        let mut best: Option<(usize, &Who)> = buckets
            .iter()
            .filter_map(|&b| state.people[b].range(..at).next_back())
            .max_by_key(|(&off, (seq, _))| (off, *seq))
            .map(|(&off, (_, who))| (off, who));
        let ante = self.antecedents();
        let before = ante.partition_point(|a| a.off < at);
        // A person known to fit the pronoun, in this paragraph or the one before, wins over a
        // nearer one whose gender is unknown.
        let para = self.doc.paragraph_at(at).unwrap_or(0);
        let near = self
            .doc
            .paragraphs
            .get(para.saturating_sub(1))
            .map_or(0, |p| p.start);
        let known = want.and_then(|w| {
            ante[..before]
                .iter()
                .rev()
                .take_while(|a| a.off >= near)
                .find(|a| a.gate < at && a.gender == Some(w))
        });
        // A pronoun opening its sentence continues the subject of the sentence before: "But
        // Mr Howard denied Mr Yeo, his spokesman, said the plans “stink”. He also said …".
        let doc = self.doc;
        let subject = doc.sentence_at(at).and_then(|si| {
            let s = doc.sentences[si];
            // (A quotation's opening mark may stand before: "“Machines are easy to buy,” he
            // said" after "…, Dr Dechen Norbu Wangyel, said that …".)
            let lead = doc.text[s.start..at]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“'));
            // (Or a sentence that the splitter did not end before a straight quotation mark:
            // its words before the mark are the sentence before.)
            let prev = if lead.is_empty() && si > 0 {
                doc.sentences[si - 1]
            } else if lead.ends_with(['.', '!', '?']) {
                crate::text::Sentence {
                    end: s.start + lead.len(),
                    ..s
                }
            } else {
                return None;
            };
            // (A title in lower case may stand before the name: "Team doctor Dr Mereani
            // Koroi confirmed …", "Community health worker Marie-Claire Uwase …".)
            let opens = |off: usize| {
                let words: Vec<&str> = doc.text[prev.start..off].split_whitespace().collect();
                words.len() <= 3
                    && words.iter().all(|w| {
                        w.starts_with(char::is_uppercase)
                            || matches!(*w, "but" | "and" | "then" | "so" | "yet")
                            || self.rules.role_head_set.contains(*w)
                            || self.rules.descriptors.contains(*w)
                            || self.rules.title_modifiers.contains(*w)
                    })
            };
            let first = ante.partition_point(|a| a.off < prev.start);
            let cands = &ante[first..before];
            // The one the sentence reports, else its subject: "Cruz electrified the crowds,
            // Stovall said." is Stovall's.
            // (Or with its apposition between, when a comma or the sentence's start sets the
            // name off: "At a meeting on 18 March, H.E. Chea Sokhom, Deputy Governor of
            // Kampot Province, said …", but not "Mr Howard denied Mr Yeo, his spokesman, said
            // …".)
            let set_off = |off: usize| {
                let lead = &doc.text[prev.start..off];
                let titles = lead.rsplit_once(", ").map_or(lead, |(_, t)| t);
                (lead.trim().is_empty() || lead.contains(", "))
                    && titles.split_whitespace().count() <= 2
                    && titles
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase))
            };
            cands
                .iter()
                .rev()
                .find(|a| {
                    a.gate < at
                        && (speech_after(&doc.text, a.end)
                            || (speech_after_apposition(&doc.text, a.end) && set_off(a.off)))
                })
                .or_else(|| {
                    cands
                        .iter()
                        .find(|a| a.gate < at && opens(a.off) && verb_after(&doc.text, a.end))
                })
                // (Or of a gender no one told: "Dr Kondwani Msiska told guests … He said:",
                // over a man named earlier.)
                .filter(|a| want.is_some() && (a.gender == want || a.gender.is_none()))
        });
        // A quotation that opens its paragraph, then "he said": the person who opens the
        // paragraph before ("Hofbauer, who took over in January, … / “Felix was outstanding,”
        // he said."), where no gender says otherwise.
        if subject.is_none() {
            if let Some(who) = self.paragraph_subject_before(at, want, &ante[..before]) {
                return Some(who);
            }
        }
        // Or the person who opens the sentence before in this paragraph, set off by a comma,
        // when the quotation opens its own: "Hinrichsen, who carried out the checks, noted
        // that … “…,” he said." (no one fitting the pronoun named in between).
        if subject.is_none() && known.is_none() {
            if let Some(who) = self.sentence_opener_before(at, want, &ante[..before]) {
                return Some(who);
            }
        }
        // Or the title that opens the sentence before: "The CFO presented the results. He
        // cautioned that …" (the one person the document gives that title).
        if subject.is_none() {
            if let Some(who) = self.titled_subject_before(at, want) {
                return Some(who);
            }
        }
        // Or a person described, not named, who opens the sentence before and speaks in it:
        // "An elderly woman selling mats near the airstrip said she … “…,” she said."
        // (A relative clause that introduces it wins over a person named before: "An elderly
        // fisherman who has watched the yard … was more hopeful.")
        if subject.is_none() {
            if let Some((who, introduced)) = self.described_subject_before(at, want) {
                if known.is_none() || introduced {
                    return Some(who);
                }
            }
        }
        let found = subject.or(known).or_else(|| {
            ante[..before]
                .iter()
                .rev()
                .find(|a| a.gate < at && fits(a.gender, a.strict))
        });
        if let Some(a) = found {
            if best.is_none_or(|b| a.off >= b.0) {
                best = Some((a.off, &a.who));
            }
        }
        best.map(|b| b.1.clone())
    }

    fn resolve(&self, r: Option<&SpeakerRef>, at: usize, state: &mut SpeakerState) -> Who {
        let who = match r {
            None => None,
            Some(SpeakerRef::Person(i)) => match self.of[*i] {
                // A person known by surname only ("Ms. Moore") whom the text names in full
                // where the people extractor did not tell it was a person ("With 50 days to
                // go, Minyon Moore, a senior adviser, …").
                Some(c) if !self.ids[c].1.contains(' ') => {
                    let who = self.cluster_who(c);
                    let p = &self.m.people[*i];
                    let g = p
                        .honorific
                        .as_deref()
                        .and_then(|h| honorific_gender_of(self.rules, h));
                    let full = self
                        .names
                        .full_form_where(&who.name, p.start, |full| may_be(self.rules, full, g));
                    // A longer run may hold a title: "Exchequer Gordon Brown" is named from
                    // its given name on, "Crown Prince Frederik" not at all.
                    let full = full.and_then(|full| {
                        let words: Vec<&str> = full.split(' ').collect();
                        if words.len() <= 2 {
                            return Some(full);
                        }
                        let g = words[..words.len() - 1]
                            .iter()
                            .position(|w| self.rules.given_name(w).is_some())?;
                        Some(words[g..].join(" "))
                    });
                    // A surname written first: "Dr Nguyen" is Nguyen Thi Lan, the one person
                    // named in full with that first word (a honorific rules out a given name).
                    let full = full.or_else(|| {
                        p.honorific.as_ref()?;
                        let mut hits = self.ids.iter().filter(|(_, n)| {
                            n.split(' ').next() == Some(who.name.as_str()) && n.contains(' ')
                        });
                        let hit = hits.next()?;
                        hits.next().is_none().then(|| hit.1.clone())
                    });
                    Some(match full {
                        Some(full) => self.person_who(&full),
                        None => who,
                    })
                }
                Some(c) => Some(self.cluster_who(c)),
                None => {
                    let p = &self.m.people[*i];
                    Some(self.phrase(p.start, p.end))
                }
            },
            Some(SpeakerRef::Phrase(s, e)) => Some(self.phrase(*s, *e)),
            Some(SpeakerRef::Pronoun(p, off)) => match p.as_str() {
                "he" | "she" | "i" => {
                    self.sort_noted(state);
                    // A pronoun before its quotation refers to someone named before the
                    // pronoun: "She says Trump’s tweets accusing Alicia Machado are “lies”".
                    self.pronoun(p, at.min(*off), state)
                }
                "it" => self
                    .body_subject_before(at, *off)
                    .or_else(|| state.last_other.clone()),
                _ => state.last_other.clone(),
            },
        };
        let Some(who) = who else {
            return Who::default();
        };
        if who.ty == "person" {
            self.remember(state, at, &who);
        } else {
            state.last_other = Some(who.clone());
        }
        who
    }
}

/// Whether the person `name` may have the gender `g` (an honorific's): its given name is not
/// listed for the other sex.
/// Whether a quotation opens the text from `from` (a paragraph's or a sentence's start) and
/// `at` is its opening mark or a pronoun after it closed: "“…,” he said".
fn quotation_opens(text: &str, from: usize, at: usize) -> bool {
    let lead = text[from..at].trim_end();
    if lead.is_empty() {
        text[at..].starts_with(['"', '“'])
    } else {
        lead.starts_with(['"', '“']) && lead.ends_with(['"', '”'])
    }
}

fn may_be(rules: &Rules, name: &str, g: Option<Gender>) -> bool {
    let first = name.split_whitespace().next().unwrap_or(name);
    g.is_none_or(|g| rules.given_name(first).flatten() != Some(g.opposite()))
}

/// Whether a verb follows a name ending at `end`, past an appositive: "Mr Howard denied",
/// "Juan Zarate, a top adviser, also questioned" (not "Obama consultant Cornell Belcher").
fn verb_after(text: &str, end: usize) -> bool {
    const VERBS: &[&str] = &[
        "is", "was", "has", "had", "will", "would", "can", "could", "also", "says", "said", "told",
        "did", "does", "then",
    ];
    let mut rest = text.get(end..).unwrap_or("").trim_start();
    rest = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))
        .unwrap_or(rest)
        .trim_start();
    if let Some(r) = rest.strip_prefix(',') {
        // An appositive closes with a comma within a sentence's reach.
        let reach = &r[..crate::text::floor_boundary(r, r.len().min(160))];
        let Some(mut k) = reach.find([',', '.', '“', '"']) else {
            return false;
        };
        // (An abbreviation's full stop may end it: "President of Bonanza Works Ltd., testified".)
        if r[k..].starts_with(".,") {
            k += 1;
        }
        if !r[k..].starts_with(',') {
            return false;
        }
        rest = r[k + 1..].trim_start();
    }
    let w: &str = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    w.starts_with(|c: char| c.is_ascii_lowercase())
        && (w.ends_with("ed")
            || VERBS.contains(&w)
            || crate::extract::claims::PAST_TENSES.contains(&w))
}

/// Whether a speech verb follows a name ending at `end`: "Stovall said.", "Viguerie argues".
fn speech_after(text: &str, end: usize) -> bool {
    // (Or after the comma that ends an apposition: "The hospital's medical superintendent, Dr
    // Dechen Norbu Wangyel, said".)
    let rest = text.get(end..).unwrap_or("").trim_start_matches(' ');
    speech_word(rest.strip_prefix(", ").unwrap_or(rest))
}

/// Whether `r` opens with a speech verb in the past or present.
fn speech_word(r: &str) -> bool {
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "told",
        "tells",
        "added",
        "adds",
        "argued",
        "argues",
        "noted",
        "notes",
        "explained",
        "explains",
        "wrote",
        "writes",
        "recalled",
        "recalls",
    ];
    let w = r
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    SPEECH.contains(&w)
}

/// Whether a speech verb follows the apposition after a name ending at `end`: "H.E. Chea
/// Sokhom, Deputy Governor of Kampot Province and chair of the PCDM, said".
fn speech_after_apposition(text: &str, end: usize) -> bool {
    let Some(r) = text.get(end..).and_then(|r| r.strip_prefix(", ")) else {
        return false;
    };
    let r = &r[..crate::text::floor_boundary(r, r.len().min(160))];
    r.find(", ").is_some_and(|k| {
        !r[..k].contains(['.', ';', ':', '"', '“', '”', '(', '\n']) && speech_word(&r[k + 2..])
    })
}

/// A person's name without the titles or possessives a name extractor may have left before it
/// ("N. Ambassador John Bolton" → "John Bolton").
fn strip_titles(rules: &Rules, name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    // (A title that stands only before a whole name is a name word after one: "Muhammad
    // Hafiz bin Rosli".)
    let inside = |k: usize| {
        k > 0
            && rules.honorifics.get(words[k]).is_some_and(|h| h.whole)
            && !is_title(rules, words[k - 1])
    };
    match words[..words.len().saturating_sub(1)]
        .iter()
        .enumerate()
        .rposition(|(k, w)| (is_title(rules, w) && !inside(k)) || *w != strip_possessive(w))
    {
        Some(t) if words.len() - t > 2 => words[t + 1..].join(" "),
        _ => name.to_string(),
    }
}

/// Kinds of body whose names carry the kind's word, so that "the institute" may stand for
/// the one institute a text names ("the bank" may be the Halifax, "the company" Acme: left as
/// written).
pub(crate) const NAMED_KINDS: &[&str] = &[
    "institute",
    "federation",
    "association",
    "cooperative",
    "co-operative",
    "council",
    "commission",
    "ministry",
    "department",
    "agency",
    "authority",
    "directorate",
    "secretariat",
    "alliance",
    "union",
    "society",
    "foundation",
    "trust",
    "court",
    "committee",
    "university",
    "museum",
    "library",
    "hospital",
    "observatory",
    "institution",
    "tribunal",
    "inquiry",
    "municipality",
];

/// The one longer name the text gives an organisation named `name`, by "of" and a place or a
/// subject after it: "Central Bank" of "the Central Bank of Sri Lanka". None when the text
/// gives none or several.
fn name_with_of(rules: &Rules, text: &str, name: &str) -> Option<String> {
    let lead = format!("{name} of ");
    let mut found: Option<&str> = None;
    for k in memchr::memmem::find_iter(text.as_bytes(), lead.as_bytes()) {
        if text[..k].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = &text[k + lead.len()..];
        // (Capitalised words, with "and", "the" and "of" between them.)
        let mut end = 0;
        let mut at = 0;
        for w in rest.split(' ') {
            let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
            // (Up to a title that follows the name: "… of Sri Lanka Governor Jane Roe".)
            if bare.starts_with(char::is_uppercase) && !is_title(rules, bare) {
                end = at + bare.len();
                if bare.len() < w.len() {
                    break;
                }
            } else if !matches!(w, "and" | "the" | "of" | "&") {
                break;
            }
            at += w.len() + 1;
            if at > 80 {
                break;
            }
        }
        if end == 0 {
            continue;
        }
        let full = &text[k..k + lead.len() + end];
        match found {
            Some(f) if f != full => return None,
            _ => found = Some(full),
        }
    }
    found.map(str::to_string)
}

/// The one name of an organisation the text writes with `word` ("Institute") as its last word,
/// or before "of" and its place or subject: "Okavango Research Institute", "Central Region
/// Institute of Water Resources". None when the text names none or several.
pub(crate) fn named_organisation(text: &str, word: &str) -> Option<String> {
    let cap = |w: &str| w.starts_with(char::is_uppercase);
    let mut found: Option<String> = None;
    for k in memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()) {
        let end = k + word.len();
        if text[..k].ends_with(|c: char| c.is_alphanumeric())
            || text[end..].starts_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        // The capitalised words before it on its line ("&" and an owner's "’" inside).
        let line = &text[text[..k].rfind('\n').map_or(0, |i| i + 1)..k];
        let before: Vec<&str> = line
            .split(' ')
            .rev()
            .skip(1)
            .take_while(|w| {
                (cap(w) || matches!(*w, "&" | "of" | "and")) && !w.ends_with(['.', ',', ':'])
            })
            .collect();
        let mut lead: Vec<&str> = before.into_iter().rev().collect();
        // (Not an owner or a description before it: "Iraq's Ministry of Communications",
        // "San Francisco-based US Court of Appeals".)
        // (An owner is one word: "Guet Ndar Women’s Fish Processors’ Union" keeps its own.)
        // (Nor one after "of": "the Constitutional Chamber of Peru's Supreme Court".)
        if let Some(i) = lead.iter().enumerate().rposition(|(i, w)| {
            ((i == 0 || lead[i - 1] == "of") && (w.ends_with("'s") || w.ends_with("’s")))
                || w.rsplit_once('-').is_some_and(|(_, t)| {
                    // (A description's participle, not "Co-operative".)
                    matches!(
                        t,
                        "based" | "owned" | "run" | "backed" | "led" | "funded" | "born"
                    )
                })
        }) {
            lead.drain(..=i);
        }
        while lead
            .first()
            .is_some_and(|w| !cap(w) || matches!(*w, "The" | "A" | "An"))
        {
            lead.remove(0);
        }
        let mut name = if lead.is_empty() {
            word.to_string()
        } else {
            format!("{} {word}", lead.join(" "))
        };
        // ("of" or "for" and capitalised words after it, "and" between two: "Foundation for
        // Justice and Dignity".)
        let tail_of = text[end..]
            .strip_prefix(" of ")
            .map(|r| ("of", r))
            .or_else(|| text[end..].strip_prefix(" for ").map(|r| ("for", r)));
        if let Some((prep, r)) = tail_of {
            let mut tail: Vec<&str> = Vec::new();
            let mut words = r.split(' ').take(6).peekable();
            while let Some(w) = words.next() {
                let bare = w.trim_end_matches(['.', ',', ':', ';', '\n']);
                if matches!(w, "and" | "&")
                    && !tail.is_empty()
                    && words.peek().is_some_and(|n| cap(n))
                {
                    tail.push(w);
                    continue;
                }
                if !cap(bare) || bare.contains('\n') {
                    break;
                }
                tail.push(bare);
                if bare.len() < w.len() {
                    break;
                }
            }
            if !tail.is_empty() {
                name = format!("{name} {prep} {}", tail.join(" "));
            }
        }
        // (A name at all: "Institute" alone is the word again.)
        if name == word {
            continue;
        }
        match &found {
            Some(f) if *f != name => return None,
            _ => found = Some(name),
        }
    }
    found
}

/// The one company the text names with a legal form ("Toplina Bitola DOOEL", "Forestal Los
/// Robles S.A."): "the company" of a post in a text that names no other. The name as first
/// written; None when the text names none or several (one name with two forms, "Ltd" and
/// "Limited", is one company).
pub(crate) fn named_company(text: &str, rules: &Rules) -> Option<String> {
    let inner = |w: &str| matches!(w, "of" | "and" | "&" | "de" | "del" | "la" | "los" | "las");
    let mut found: Option<(String, String)> = None;
    for line in text.lines() {
        let words: Vec<&str> = line.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            let form = w.trim_end_matches([',', ';', ':', ')']);
            let form = if rules.organisation_companies.contains(form) {
                form
            } else {
                match form.strip_suffix('.') {
                    Some(f) if rules.organisation_companies.contains(f) => f,
                    _ => continue,
                }
            };
            // The capitalised words before the form, "of" or "de" between them.
            let mut k = i;
            while k > 0 && i - k < 8 {
                let p = words[k - 1];
                if p.ends_with([',', ';', ':', '.', '"', '”']) && !(k + 1 == i && p.ends_with('.'))
                {
                    break;
                }
                if !(p.starts_with(char::is_uppercase) || (inner(p) && k < i)) {
                    break;
                }
                k -= 1;
            }
            while k < i && (inner(words[k]) || matches!(words[k], "The" | "A" | "An")) {
                k += 1;
            }
            if k == i {
                continue;
            }
            let base = words[k..i].join(" ");
            match &found {
                Some((b, _)) if *b != base => return None,
                Some(_) => {}
                None => found = Some((base.clone(), format!("{base} {form}"))),
            }
        }
    }
    found.map(|(_, name)| name)
}

/// The name that the document writes before an acronym in brackets, when the acronym is its
/// capitalised words' initials: "Kumasi Metropolitan Assembly (KMA)" for "KMA".
fn spelled_acronym(text: &str, acronym: &str) -> Option<String> {
    if !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let bracketed = format!("({acronym})");
    let k = memchr::memmem::find(text.as_bytes(), bracketed.as_bytes())?;
    let line = &text[text[..k].rfind('\n').map_or(0, |i| i + 1)..k];
    let mut words: Vec<&str> = Vec::new();
    let mut initials = 0;
    for w in line.trim_end().rsplit(' ') {
        if w.ends_with([',', '.', ':', ';']) {
            break;
        }
        if w.starts_with(|c: char| c.is_ascii_uppercase()) && !matches!(w, "The" | "A" | "An") {
            initials += 1;
        } else if !matches!(w, "of" | "and" | "&" | "for" | "de" | "the") {
            break;
        }
        words.push(w);
        if initials == acronym.len() {
            break;
        }
    }
    words.reverse();
    let spelled: String = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect();
    (spelled == acronym && words.len() >= 2).then(|| words.join(" "))
}

/// The word with its first letter in upper case: "institute" → "Institute".
pub(crate) fn capitalised(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(cs)
        .collect()
}

/// A word that may stand before a name without being part of it: an honorific, a role head or
/// a speaker modifier ("President", "Sen", "Democratic").
fn is_title(rules: &Rules, w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    // (A title flagged `dotted` is one with its full stop only: "Del." is a delegate, "Del
    // Águila" a family name.)
    rules
        .honorifics
        .get(bare)
        .is_some_and(|h| !h.dotted || bare.len() < w.len())
        || crate::text::with_lower(bare, |l| rules.title_words.contains(l))
}

#[cfg(test)]
mod tests {
    use super::{count_word, count_words, key, key_chars, same_key, written_alone};
    use crate::text::Document;

    #[test]
    fn a_surname_written_alone_is_no_given_name() {
        let headline = "Sarah Warren Hammers Talbot Fargo CEO\n\nSen. Sarah Warren grilled him. \
                        \"Resign,\" Warren told Stumpf.";
        assert!(written_alone(headline, "Sarah Warren"));
        // Inside the name, before another capitalised word, or inside a word, it is not.
        let feature = "Ana Luz Pereira said so. \"Ana Luz knows,\" he said. Luz Maria and \
                       Anne-Luz came. Luzon is far.";
        assert!(!written_alone(feature, "Ana Luz"));
        assert!(written_alone("Ana Luz Pereira. Then Luz left.", "Ana Luz"));
    }

    #[test]
    fn keys_are_the_lower_case_of_every_character() {
        let names = [
            "Jane Roe",
            "JANE ROE",
            "jane roe",
            "Jane  Roe",
            "O’Neill",
            "O'Neill",
            "o'neill",
            "José Ñúñez",
            "JOSÉ ÑÚÑEZ",
            "\u{212A}im",
            "kim",
            "Kim",
            "ΣΟΦΙΑ",
            "σοφια",
            "",
        ];
        for a in names {
            let slow: String = key_chars(a).collect();
            if !a.contains('Σ') {
                assert_eq!(key(a), slow, "{a:?}");
            }
            for b in names {
                let want = if a.contains('Σ') || b.contains('Σ') {
                    a.replace(['’', '‘'], "'").to_lowercase()
                        == b.replace(['’', '‘'], "'").to_lowercase()
                } else {
                    key_chars(a).eq(key_chars(b))
                };
                assert_eq!(same_key(a, b), want, "{a:?} {b:?}");
            }
        }
        // The Kelvin sign lower-cases to an ASCII k.
        assert!(same_key("\u{212A}im", "kim"));
    }

    #[test]
    fn count_word_counts_whole_words_only() {
        assert_eq!(
            count_word("Roe met Roe's aide; Roebuck and ROE, Roe.", "Roe"),
            3
        );
        assert_eq!(count_word("éRoe Roeé Roe", "Roe"), 1);
        assert_eq!(count_word("", "Roe"), 0);
        assert_eq!(count_word("Roe", ""), 0);
        // "aaa" holds "aa" but not as a whole word.
        assert_eq!(count_word("aa aaa aa", "aa"), 2);
    }

    #[test]
    fn one_walk_over_the_tokens_counts_as_a_search_per_word() {
        let rules = crate::rules::Rules::builtin();
        let texts = [
            "Roe met Roe's aide; Roebuck and ROE, Roe. Jane Roe-Smith and Smith-Roe, Roe’s.",
            "éRoe Roeé Roe Roe2 2Roe Roe_x x_Roe Roe.Roe Roe,Roe O'Neill Neill O’Neill ONeill",
            "aa aaa aa Aa aA aa-aa aa'aa 1,200 1.5 Δelta Δelta's Zoë Zoë-Ann Ann",
        ];
        let words = [
            "Roe", "Smith", "aa", "Neill", "O", "x", "Roe2", "1", "200", "5", "Δelta", "Zoë",
            "Ann", "Absent",
        ];
        // All capitalised, the usual case, skips words in lower case and numbers.
        let capitalised = ["Roe", "Smith", "Neill", "O", "Roe2", "Ann", "Absent"];
        for t in texts {
            let doc = Document::new(
                "t.txt",
                crate::decode::decode(t.as_bytes()).unwrap(),
                &rules,
            );
            for words in [&words[..], &capitalised[..]] {
                let got = count_words(&doc, words).expect("a short text keeps its tokens");
                for (w, n) in words.iter().zip(got) {
                    assert_eq!(n, Some(count_word(t, w)), "{w:?} in {t:?}");
                }
            }
            // Words with other characters are left to the search; the others are counted.
            let got = count_words(&doc, &["Roe", "O'Neill", "Ann"]).unwrap();
            assert_eq!(
                got,
                [Some(count_word(t, "Roe")), None, Some(count_word(t, "Ann"))]
            );
        }
    }
}
