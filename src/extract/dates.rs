//! Dates: calendar expressions found by the patterns of `dates/patterns.toml`, normalised to
//! TIMEX3-style values, and the document's publication date.
//!
//! A pattern without a `year` group gives a relative date ([`Rel`]): "yesterday", "last week",
//! "two years ago", "on Tuesday", "in March", "this spring". Extraction settles its direction
//! from the words (last/next) or the tense of its sentence; [`resolve_relative`] gives its value
//! once the publication date is known (in `resolve`). A range carries its year back to a first
//! date written without one.

use super::{Context, DateOrder};
use crate::rules::{Mod, PubKind, Unit};
use crate::text::TokenKind;

/// The `dir` of a weekday of the publication's own week ("this Sunday"), Monday to Sunday.
pub(crate) const THIS_WEEK: i32 = 2;

/// A date written relative to the publication date, resolved once that date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// `n` units from the publication date ("yesterday", "last week", "two years ago").
    Offset(Unit, i32),
    /// A weekday: `dir` -1 for the latest one before publication, 1 for the next one after,
    /// `THIS_WEEK` for the one of the publication's week; `strict` excludes the publication
    /// day itself ("last Friday").
    Weekday {
        weekday: u32,
        dir: i32,
        strict: bool,
    },
    /// A month, or a month and day, without a year.
    Month {
        month: u32,
        day: Option<u32>,
        dir: i32,
        strict: bool,
    },
    /// A weekday, month and day without a year ("Saturday, April 25"): the year nearest the
    /// publication date in which that day falls on that weekday.
    WeekdayDate { month: u32, day: u32, weekday: u32 },
    /// A month (and day) of the year `years` from publication: "June last year".
    MonthOf {
        month: u32,
        day: Option<u32>,
        years: i32,
    },
    /// A season without a year: its year is given, with the season's mod.
    Season { month: u32, dir: i32, strict: bool },
    /// A holiday without a year ("on Christmas Day"): its year follows the tense, as for a
    /// month and day.
    Holiday {
        holiday: crate::rules::Holiday,
        dir: i32,
    },
    /// "the weekend": the latest one before publication (`dir` -1) or the next (1), by the
    /// tense; a weekend under way at publication is itself either way.
    Weekend { dir: i32 },
    /// `n` units from the date the text gave last, the story's own time ("two days later",
    /// "the following year", "the day before."): resolved by the resolver against that date,
    /// or against the publication date when the text gave none and `fallback` is set ("three
    /// years earlier" read as "three years ago").
    Anchored { unit: Unit, n: i32, fallback: bool },
}

/// One date expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Text offsets of the expression.
    pub start: usize,
    pub end: usize,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYY` for a decade (TIMEX3's form), or empty when
    /// unresolved.
    pub value: String,
    pub mod_: Option<Mod>,
    /// `day`, `month`, `year` or `decade`.
    pub granularity: &'static str,
    /// The pattern's rule id, or the publication rule for a publication line.
    pub rule: String,
    /// Set when the expression states when the document was published or updated.
    pub publication: Option<PubKind>,
    /// A remark for the user (an ambiguous numeric date).
    pub note: Option<String>,
    /// For a relative expression: how to resolve it against the publication date.
    pub rel: Option<Rel>,
}

/// The anchor's year when the date falls on the asked side of the anchor within it, else the
/// year before (`dir < 0`) or after.
fn year_on_side(anchor_year: i32, dir: i32, within_year: bool) -> i32 {
    if within_year {
        anchor_year
    } else if dir < 0 {
        anchor_year - 1
    } else {
        anchor_year + 1
    }
}

/// `YYYY-MM` or `YYYY-MM-DD`; empty for a day the month does not have.
fn month_value(y: i32, month: u32, day: Option<u32>) -> String {
    match day {
        Some(d) if d > days_in_month(y, month) => String::new(),
        Some(d) => format!("{y:04}-{month:02}-{d:02}"),
        None => format!("{y:04}-{month:02}"),
    }
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day of the week, Monday = 1.
pub fn weekday_of(y: i32, m: u32, d: u32) -> u32 {
    // Sakamoto's method: 0 = Sunday.
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d as i32).rem_euclid(7);
    if w == 0 {
        7
    } else {
        w as u32
    }
}

struct Value {
    value: String,
    mod_: Option<Mod>,
    granularity: &'static str,
    note: Option<String>,
    rel: Option<Rel>,
}

/// The day of a month as written: "14", "14th", or an ordinal word ("second", from
/// `rules/dates/ordinals.txt`).
fn day_value(ctx: &Context<'_>, d: &str) -> Option<u32> {
    if d.starts_with(|c: char| c.is_ascii_digit()) {
        d.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
    } else {
        crate::text::with_lower(d, |l| ctx.rules.ordinals.get(l).copied())
    }
}

fn month_number(ctx: &Context<'_>, s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    ctx.rules.months.get(&s.to_lowercase()).copied()
}

fn build(ctx: &Context<'_>, caps: &Groups<'_, '_>) -> Option<Value> {
    let get = |n: &str| caps.name(n).map(|m| m.as_str());
    let mut mod_ = get("mod").and_then(|m| {
        let k = m.trim().trim_end_matches('-').trim().to_lowercase();
        ctx.rules
            .modifiers
            .get(&k)
            .or_else(|| ctx.rules.modifiers.get(&format!("{k}-")))
            .copied()
    });
    // A decade is written as TIMEX3 writes it, its first three digits ("199" of "the
    // 1990s"), as the guide's "normalised like TIMEX3" asks and as TempEval's annotators and
    // most of the written test sets' write it; its granularity says `decade`.
    if let Some(d) = get("decade") {
        return Some(Value {
            value: d[..3].to_string(),
            mod_,
            granularity: "decade",
            note: None,
            rel: None,
        });
    }
    // A century as TIMEX3 writes it, its first two digits ("17" of "the 18th century").
    if let Some(c) = get("cent") {
        let n = day_value(ctx, c)?;
        if !(1..=21).contains(&n) {
            return None;
        }
        // (Not a name's: "21st Century Fox"; nor an owner's first hundred years: "the
        // library's first century", "its second century"; "the town's 18th century church" is
        // the calendar's.)
        let start = caps.get(0)?.start();
        let lead = ctx.doc.text[..start].trim_end_matches(' ');
        let owned = ["'s", "’s", "s'", "s’"].iter().any(|p| lead.ends_with(p))
            || ["its", "their", "our", "his", "her", "my", "your"]
                .iter()
                .any(|p| {
                    lead.strip_suffix(p)
                        .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n']))
                });
        if n <= 5 && owned {
            return None;
        }
        let end = caps.get(0)?.end();
        if get("era").is_some_and(starts_upper)
            && ctx.doc.text[end..]
                .strip_prefix(' ')
                .is_some_and(starts_upper)
        {
            return None;
        }
        return Some(Value {
            value: format!("{:02}", n - 1),
            mod_,
            granularity: "century",
            note: None,
            rel: None,
        });
    }
    // "the first Saturday in June": a weekday counted in its month, as a holiday is.
    let counted = match (get("nth"), get("weekday"), get("month")) {
        (Some(n), Some(w), Some(m)) => {
            let nth = match n.to_lowercase().as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                "fourth" | "4th" => 4,
                "fifth" | "5th" => 5,
                "last" => -1,
                _ => return None,
            };
            let weekday = *ctx.rules.weekdays.get(&w.to_lowercase())?;
            let month = month_number(ctx, m.trim_end_matches('.'))?;
            if !starts_upper(m) || !starts_upper(w) {
                return None;
            }
            Some(crate::rules::Holiday::Nth {
                month,
                weekday,
                nth,
            })
        }
        _ => None,
    };
    let named = match caps.name("holiday") {
        Some(h) if counted.is_none() => {
            let holiday = *ctx
                .rules
                .holidays
                .get(&crate::rules::holiday_key(h.as_str()))?;
            // A holiday's name is capitalised: "a Mass of thanksgiving" is a prayer.
            if h.as_str().starts_with(|c: char| c.is_lowercase()) {
                return None;
            }
            // "Easter Island", "Halloween Party": part of a name.
            let after = &ctx.doc.text[caps.get(0)?.end()..];
            let rest = after.trim_start_matches(' ');
            if rest.len() < after.len() && rest.starts_with(|c: char| c.is_uppercase()) {
                return None;
            }
            Some(holiday)
        }
        _ => counted,
    };
    if let Some(holiday) = named {
        // With its year a date, else resolved by the tense.
        let (value, rel) = match get("year") {
            Some(year) => {
                let year = year_value(ctx, year)?;
                let (m, d) = holiday_date(holiday, year)?;
                (format!("{year}-{m:02}-{d:02}"), None)
            }
            None => (String::new(), Some(Rel::Holiday { holiday, dir: 0 })),
        };
        return Some(Value {
            value,
            mod_,
            granularity: "day",
            note: None,
            rel,
        });
    }
    // (A year of two digits in the compact forms of business writing, "3Q25", "1H26",
    // "FY24", and in short numeric dates, "29/08/25": this century's up to 69.)
    let year = match (get("year"), get("yy")) {
        (Some(year), _) => year_value(ctx, year)?,
        (None, Some(yy)) => {
            let yy = yy.parse::<i32>().ok()?;
            if yy < 70 {
                2000 + yy
            } else {
                1900 + yy
            }
        }
        (None, None) => return build_relative(ctx, caps, mod_),
    };
    if let Some(s) = get("season") {
        let (_, m, _) = *ctx.rules.seasons.get(&s.to_lowercase())?;
        return Some(Value {
            value: format!("{year:04}"),
            mod_: Some(m),
            granularity: "year",
            note: None,
            rel: None,
        });
    }
    // "2023/24": the second year must follow the first ("2019/12" is not a split year).
    if let Some(y2) = get("year2") {
        let y2 = y2.parse::<i32>().ok()?;
        // ("2024-2025" in full too.)
        if y2 != (year + 1) % 100 && y2 != year + 1 {
            return None;
        }
    }
    // ("Q3" or "3Q"; a half, "H1" or "1H".)
    let digit = |s: &str| s.chars().find(char::is_ascii_digit);
    let part = match (get("quarter"), get("half")) {
        (Some(q), _) => Some(match digit(q) {
            Some('1') => Mod::Start,
            Some('4') => Mod::End,
            _ => Mod::Mid,
        }),
        (None, Some(h)) => Some(match digit(h) {
            Some('1') => Mod::Start,
            _ => Mod::End,
        }),
        _ => None,
    };
    if let Some(m) = part {
        mod_ = Some(m);
        return Some(Value {
            value: format!("{year:04}"),
            mod_,
            granularity: "year",
            note: None,
            rel: None,
        });
    }
    let mut note = None;
    let (month, day) = if let (Some(n1), Some(n2)) = (get("n1"), get("n2")) {
        let (d, m, n) = numeric_day_month(ctx, n1, n2, year)?;
        note = n;
        (Some(m), Some(d))
    } else {
        let month = match get("month") {
            Some(m) => Some(month_number(ctx, m.trim_end_matches('.'))?),
            None => None,
        };
        let day = match get("day") {
            Some(d) => Some(day_value(ctx, d)?),
            None => None,
        };
        (month, day)
    };
    let (value, granularity) = match (month, day) {
        (Some(m), Some(d)) => {
            if d == 0 || d > days_in_month(year, m) {
                return None;
            }
            if let Some(w) = get("weekday") {
                let want = ctx.rules.weekdays.get(&w.to_lowercase()).copied();
                if want.is_some() && want != Some(weekday_of(year, m, d)) && note.is_none() {
                    note = Some(format!("{w} does not fall on this date"));
                }
            }
            (format!("{year:04}-{m:02}-{d:02}"), "day")
        }
        (Some(m), None) => (format!("{year:04}-{m:02}"), "month"),
        _ => (format!("{year:04}"), "year"),
    };
    Some(Value {
        value,
        mod_,
        granularity,
        note,
        rel: None,
    })
}

/// The day and month of a numeric date's two numbers `n1`, `n2` in `year`, by the date order
/// (the other when only it is valid), with a note when the reading is ambiguous or swapped.
fn numeric_day_month(
    ctx: &Context<'_>,
    n1: &str,
    n2: &str,
    year: i32,
) -> Option<(u32, u32, Option<String>)> {
    let (a, b): (u32, u32) = (n1.parse().ok()?, n2.parse().ok()?);
    let (d, m) = match ctx.opts.date_order {
        DateOrder::Dmy => (a, b),
        DateOrder::Mdy => (b, a),
    };
    let valid = |d: u32, m: u32| (1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m);
    if valid(d, m) {
        let note = (valid(m, d) && d != m).then(|| {
            format!(
                "ambiguous numeric date read as {} (--date-order)",
                match ctx.opts.date_order {
                    DateOrder::Dmy => "day/month",
                    DateOrder::Mdy => "month/day",
                }
            )
        });
        Some((d, m, note))
    } else if valid(m, d) {
        let note = "numeric date read in the other order: the first reading is impossible";
        Some((m, d, Some(note.into())))
    } else {
        None
    }
}

/// A `year` group's year: its digits, or its words ("nineteen ninety-six", "two thousand"),
/// valued by `claims/number-words.txt`: a first number followed by another counts hundreds
/// ("nineteen ninety-six"); "hundred" and "thousand" multiply what comes before them.
fn year_value(ctx: &Context<'_>, s: &str) -> Option<i32> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    let words = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"))
        .map(|w| {
            crate::text::with_lower(w, |l| ctx.rules.number_words.get(l).copied())
                .and_then(|n| i32::try_from(n).ok())
        });
    let values: Vec<i32> = words.collect::<Option<_>>()?;
    let scales = |v: i32| v == 100 || v == 1000;
    match values[..] {
        // "nineteen ninety-six": hundreds, then the rest.
        [first, second, ..] if first < 100 && !scales(second) => {
            Some(first * 100 + values[1..].iter().sum::<i32>())
        }
        // "two thousand and five", "nineteen hundred".
        _ => Some(values.iter().fold(
            0,
            |acc, &v| {
                if scales(v) {
                    acc.max(1) * v
                } else {
                    acc + v
                }
            },
        )),
    }
}

/// Words that may follow a date phrase without making it a noun's modifier: prepositions,
/// conjunctions, auxiliaries, determiners and pronouns ("in the summer when", "the winter was").
const CLAUSE_WORDS: &[&str] = &[
    "of", "in", "on", "at", "and", "or", "but", "nor", "when", "while", "before", "after", "until",
    "till", "to", "was", "is", "were", "are", "will", "would", "could", "should", "can", "may",
    "might", "must", "has", "had", "have", "that", "which", "who", "as", "for", "from", "with",
    "by", "the", "a", "an", "this", "its", "their", "his", "her", "he", "she", "they", "we", "it",
    "i", "you", "there", "so", "because", "if", "than", "then", "through", "into", "over", "ahead",
    "itself", "alone", "too", "again", "also", "already", "only", "since", "during", "though",
    "although", "unless", "where", "whereas",
];

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is the longest (full) name of its entry value in `map`: "Friday", not "Fri".
fn is_full_name(map: &rustc_hash::FxHashMap<String, u32>, word: &str) -> bool {
    let w = word.to_lowercase();
    let Some(v) = map.get(&w) else { return false };
    map.iter()
        .filter(|(_, x)| *x == v)
        .all(|(k, _)| k.len() <= w.len())
}

/// A date `n` units from the story's own time, which `resolve` places from the date the text
/// gave last ("two days later"); `fallback`: from publication when nothing anchors it.
fn anchored_value(unit: Unit, n: i32, fallback: bool, mod_: Option<Mod>) -> Value {
    Value {
        value: String::new(),
        granularity: unit_granularity(unit),
        mod_,
        rel: Some(Rel::Anchored { unit, n, fallback }),
        note: None,
    }
}

fn unit_granularity(u: Unit) -> &'static str {
    match u {
        Unit::Day => "day",
        Unit::Week | Unit::Weekend => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    }
}

/// Whether nothing goes on after `end` in the phrase: punctuation or the end of the text, so
/// that "before" or "after" has no object of its own ("the day before." but not "the day before
/// the vote").
fn ends_phrase(text: &str, end: usize) -> bool {
    text[end..].chars().next().is_none_or(|c| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | ')' | '!' | '?' | '\n' | '”' | '"' | '’'
        )
    })
}

/// A relative expression (no year written). Its direction 0 means "by the tense", settled by
/// [`extract`].
fn build_relative(ctx: &Context<'_>, caps: &Groups<'_, '_>, mod_: Option<Mod>) -> Option<Value> {
    let get = |n: &str| caps.name(n).map(|m| m.as_str());
    let r = ctx.rules;
    let whole = caps.get(0)?;
    let shift = match get("shift") {
        Some(w) => Some(*r.shifts.get(&w.to_lowercase())?),
        None => None,
    };
    // "the last year", "the next day": a period counted from the story, not a calendar date.
    let text = &ctx.doc.text;
    let body_start = caps.name("pre").map_or(whole.start(), |p| p.end());
    let after_the = text[..body_start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    // "the previous Friday", "the next month": counted from the story's own time; "the current
    // year" is the publication's.
    let this_unit = shift == Some(0) && get("unit").is_some();
    // ("The following year he took over", "the next day": counted from the date the text gave
    // last; not a span, "over the next year".)
    let anchored_shift = shift.is_some_and(|n| n != 0)
        && after_the
        && get("count").is_none()
        && get("shift").is_some_and(|w| {
            matches!(w.to_lowercase().as_str(), "following" | "previous" | "next")
        })
        && get("unit").is_some_and(|u| {
            r.units
                .get(&u.to_lowercase())
                .is_some_and(|&(u, _)| matches!(u, Unit::Day | Unit::Month | Unit::Year))
        })
        && {
            // (The word before "the".)
            let b = text[..body_start].trim_end();
            let w = b[..b.len() - 3]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            !crate::text::with_lower(w, |l| {
                matches!(l, "over" | "within" | "during" | "for" | "throughout")
            })
        };
    if anchored_shift {
        let (unit, _) = *r.units.get(&get("unit")?.to_lowercase())?;
        return Some(anchored_value(unit, shift?, false, mod_));
    }
    if shift.is_some() && !this_unit && after_the && get("count").is_none() {
        return None;
    }
    let rel_of = |dir: Option<i32>| match dir {
        Some(d) if d != 0 => (d, true),
        _ => (0, false),
    };
    let month_of_year = match (get("month"), get("unit")) {
        (Some(m), Some(u)) => {
            let (unit, _) = *r.units.get(&u.to_lowercase())?;
            if unit != Unit::Year || !starts_upper(m) {
                return None;
            }
            Some(month_number(ctx, m.trim_end_matches('.'))?)
        }
        _ => None,
    };
    // "VOA Today", ABC's "This Week": capitalised words inside a sentence name a programme or a
    // paper, not a day.
    if get("reldays").is_some()
        || get("weekend").is_some()
        || (get("unit").is_some() && get("count").is_none())
    {
        let body = &text[body_start..whole.end()];
        let all_caps = body.split_whitespace().all(starts_upper);
        let prev = text[..body_start]
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back();
        let sentence_start = matches!(
            prev,
            None | Some('.' | '!' | '?' | '\n' | '"' | '“' | '(' | '\'' | '‘' | ':' | '`')
        );
        // (Nor a title in quotation marks: CBS's “This Morning”.)
        let quoted_title = body.contains(' ') && matches!(prev, Some('"' | '“' | '\'' | '‘'));
        if all_caps && (!sentence_start || quoted_title) {
            return None;
        }
    }
    // A day and month with its weekday: the year is the one in which they meet.
    let weekday_date = |month, day, weekday| {
        Some(Value {
            value: String::new(),
            mod_,
            granularity: "day",
            note: None,
            rel: Some(Rel::WeekdayDate {
                month,
                day,
                weekday,
            }),
        })
    };
    let (rel, granularity) = if let Some(month) = month_of_year {
        let day = match get("day") {
            Some(d) => Some(day_value(ctx, d)?),
            None => None,
        };
        (
            Rel::MonthOf {
                month,
                day,
                years: shift?,
            },
            if day.is_some() { "day" } else { "month" },
        )
    } else if get("weekend").is_some() {
        // "the weekend of 6 March", "the weekend before the vote": the date or the event
        // after it places the weekend, not the publication.
        let rest = &text[whole.end()..];
        if [" of ", " before ", " after "]
            .iter()
            .any(|w| rest.starts_with(w))
        {
            return None;
        }
        (Rel::Weekend { dir: 0 }, "week")
    } else if let Some(w) = get("reldays") {
        let n = *r.relative_days.get(&w.to_lowercase())?;
        (Rel::Offset(Unit::Day, n), "day")
    } else if let Some(u) = get("unit") {
        let (unit, count_only) = *r.units.get(&u.to_lowercase())?;
        let n = if let Some(c) = get("count") {
            let c = c.to_lowercase();
            let c = match c.parse::<i32>() {
                Ok(n) => n,
                Err(_) => *r.numbers.get(&c)? as i32,
            };
            let direction = get("direction")?.to_lowercase();
            let dir = *r.directions.get(&direction)?;
            // A comparison measures a gap, not a date: "about ten days earlier than in 2024",
            // "two weeks later in the 2010s than it did" (a "than" before the clause ends).
            let end = caps.get(0).map_or(0, |m| m.end());
            let rest = &ctx.doc.text[end..];
            let clause = &rest[..rest
                .find([',', '.', ';', '\n'])
                .unwrap_or(rest.len())
                .min(crate::text::floor_boundary(rest, 60))];
            if rest.trim_start_matches(' ').starts_with("than ") || clause.contains(" than ") {
                return None;
            }
            let anchored = r.anchored_directions.contains(&direction);
            // ("two days before the vote" is the vote's.)
            if anchored
                && matches!(direction.as_str(), "before" | "after")
                && !ends_phrase(text, end)
            {
                return None;
            }
            // (Weeks are counted from publication, as before, or not at all: "a week later".)
            if anchored && !matches!(unit, Unit::Day | Unit::Month | Unit::Year) && dir > 0 {
                return None;
            }
            if anchored && matches!(unit, Unit::Day | Unit::Month | Unit::Year) {
                return Some(anchored_value(unit, c * dir, dir < 0, mod_));
            }
            c * dir
        } else if let Some(d) = get("direction") {
            // "the day before.", "the year after,": one unit from the text's last date.
            let d = d.to_lowercase();
            let dir = *r.directions.get(&d)?;
            let end = whole.end();
            if !r.anchored_directions.contains(&d) || !ends_phrase(text, end) {
                return None;
            }
            return Some(Value {
                value: String::new(),
                granularity: unit_granularity(unit),
                mod_,
                rel: Some(Rel::Anchored {
                    unit,
                    n: dir,
                    fallback: false,
                }),
                note: None,
            });
        } else {
            if count_only || (after_the && shift != Some(0)) {
                return None;
            }
            // "the end of the year": a part of the publication's year.
            match shift {
                Some(n) => n,
                None if mod_.is_some() => 0,
                None => return None,
            }
        };
        (Rel::Offset(unit, n), unit_granularity(unit))
    } else if let Some(s) = get("season") {
        // A season alone needs "the" ("in the spring"; "spring" is also a verb and a
        // water's source); a quarter needs nothing ("Q3", "the second quarter").
        let key = s.to_lowercase();
        let alone = r.seasons_alone.contains(&key);
        // A quarter of a game, not of a year, in a sentence of its play: "scored 24 points in
        // the third quarter".
        if alone && key.ends_with("quarter") && shift.is_none() && get("year").is_none() {
            let played = ctx.doc.sentence_at(whole.start()).is_some_and(|si| {
                let sent = &ctx.doc.sentences[si];
                text[sent.start..sent.end]
                    .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .any(|w| crate::text::with_lower(w, |l| r.game_words.contains(l)))
            });
            if played {
                return None;
            }
        }
        let lower = s.starts_with(|c: char| c.is_lowercase());
        if shift.is_none() && mod_.is_none() && !alone && !(after_the && lower) {
            return None;
        }
        // A season alone before a noun describes the noun: "the spring grazing lands", "the
        // summer timetable", "the winter nights" (but "in the summer when", "the winter of").
        if shift.is_none() && mod_.is_none() && !alone {
            let end = caps.get(0).map_or(0, |m| m.end());
            let after = &ctx.doc.text[end..];
            let next = after
                .strip_prefix(' ')
                .map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
                .unwrap_or("");
            if next.len() > 1
                && next.bytes().all(|b| b.is_ascii_lowercase())
                && !CLAUSE_WORDS.contains(&next)
            {
                return None;
            }
        }
        // ("this fall", "last fall" are the season; "the last fall" and "fall" alone are not.)
        let (month, smod, with_year) = *r.seasons.get(&key)?;
        // ("this fall in prices" is a noun.)
        let noun = || {
            let end = caps.get(0).map_or(0, |m| m.end());
            let next = ctx.doc.text[end..].split_whitespace().next().unwrap_or("");
            matches!(next, "in" | "of" | "from" | "to" | "was" | "is")
        };
        // (But "in the fall" is the season, as American text writes it, before no noun:
        // "completed in the fall", not "a drop in the fall in prices".)
        let in_the = || {
            let mut words = text[..body_start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty());
            words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
                && words
                    .next()
                    .is_some_and(|w| matches!(w, "in" | "by" | "until" | "during" | "through"))
        };
        if with_year
            && (shift.is_none() || after_the || noun())
            && !(shift.is_none() && mod_.is_none() && lower && in_the() && !noun())
        {
            return None;
        }
        let value = Value {
            value: String::new(),
            mod_: Some(smod),
            granularity: "year",
            note: None,
            rel: None,
        };
        // "this summer" is the publication year's.
        let rel = if shift == Some(0) {
            Rel::Offset(Unit::Year, 0)
        } else {
            let (dir, strict) = rel_of(shift);
            Rel::Season { month, dir, strict }
        };
        return Some(Value {
            rel: Some(rel),
            ..value
        });
    } else if let (Some(n1), Some(n2), Some(w)) = (get("n1"), get("n2"), get("weekday")) {
        // "Tue 21/10": day and month by the date order (the other when only it is valid; a
        // leap year allows 29/02), the year the one in which the weekday falls on it.
        let (day, month, _) = numeric_day_month(ctx, n1, n2, 2000)?;
        let weekday = *r.weekdays.get(&w.to_lowercase())?;
        return weekday_date(month, day, weekday);
    } else if let Some(m) = get("month") {
        if !starts_upper(m) {
            return None;
        }
        let month = month_number(ctx, m.trim_end_matches('.'))?;
        let day = match get("day") {
            Some(d) => Some(day_value(ctx, d)?),
            None => {
                let context = get("pre").is_some()
                    || shift.is_some()
                    || mod_.is_some()
                    || r.months_alone.contains(&m.to_lowercase())
                    || month_range_to_year(ctx, &text[whole.end()..])
                    || month_in_list(ctx, &text[..whole.start()], &text[whole.end()..])
                    || event_after_the(ctx, &text[..whole.start()], &text[whole.end()..]);
                if !context || !is_full_name(&r.months, m) {
                    return None;
                }
                // A month after "a" and a description is a kind of month, no date: "in a
                // normal January", "a hot and windy June".
                // (Not one before a noun, which it dates: "a hypothetical November
                // contest".)
                let at = caps.name("month").map_or(whole.start(), |m| m.start());
                let next = text[whole.end()..].strip_prefix(' ').map_or("", |a| {
                    a.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")
                });
                let before_noun = next.len() > 1
                    && next.bytes().all(|b| b.is_ascii_lowercase())
                    && !CLAUSE_WORDS.contains(&next);
                if shift.is_none() && mod_.is_none() && !before_noun && a_kind_of(&text[..at]) {
                    return None;
                }
                None
            }
        };
        if let Some(d) = day {
            if d == 0 || d > days_in_month(2000, month) {
                return None;
            }
        }
        let weekday = get("weekday").and_then(|w| r.weekdays.get(&w.to_lowercase()).copied());
        if let (Some(day), Some(weekday), None) = (day, weekday, shift) {
            return weekday_date(month, day, weekday);
        }
        let (dir, strict) = rel_of(shift);
        (
            Rel::Month {
                month,
                day,
                dir,
                strict,
            },
            if day.is_some() { "day" } else { "month" },
        )
    } else if let Some(w) = get("weekday") {
        if !starts_upper(w) || !is_full_name(&r.weekdays, w) {
            return None;
        }
        // A kind of day, not a date: "the Sunday/holiday schedule", "Saturday/Sunday service".
        if text[whole.end()..].starts_with('/') || text[..whole.start()].ends_with('/') {
            return None;
        }
        let weekday = *r.weekdays.get(&w.to_lowercase())?;
        let (dir, strict) = rel_of(shift);
        // "this Sunday" is the Sunday of the publication's week, before it or after.
        let dir = if shift == Some(0) { THIS_WEEK } else { dir };
        (
            Rel::Weekday {
                weekday,
                dir,
                strict,
            },
            "day",
        )
    } else {
        return None;
    };
    Some(Value {
        value: String::new(),
        mod_,
        granularity,
        note: None,
        rel: Some(rel),
    })
}

/// Days since 1970-01-01 of a civil date.
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// ISO 8601 week-numbering year and week of a date.
pub fn iso_week(y: i32, m: u32, d: u32) -> (i32, u32) {
    let days = days_from_civil(y, m, d);
    let wd = i64::from(weekday_of(y, m, d));
    // The Thursday of the same week decides the year.
    let thursday = days - wd + 4;
    let (ty, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
    (ty, week as u32)
}

/// Parse an ISO `YYYY-MM-DD` date.
pub fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.get(..2)?.parse().ok()?;
    ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some((y, m, d))
}

/// Parse an ISO `YYYY-MM` month.
pub fn parse_iso_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// The month and day of a holiday in year `y`.
pub fn holiday_date(h: crate::rules::Holiday, y: i32) -> Option<(u32, u32)> {
    use crate::rules::Holiday;
    match h {
        Holiday::Fixed { month, day } => (day <= days_in_month(y, month)).then_some((month, day)),
        Holiday::Nth {
            month,
            weekday,
            nth,
        } => {
            let first = weekday_of(y, month, 1);
            let first_day = 1 + (weekday + 7 - first) % 7;
            let last = days_in_month(y, month);
            let day = if nth < 0 {
                first_day + (last - first_day) / 7 * 7
            } else {
                first_day + 7 * (nth as u32 - 1)
            };
            (day <= last).then_some((month, day))
        }
        Holiday::Easter(offset) => {
            let (m, d) = easter(y);
            let (_, m, d) = civil_from_days(days_from_civil(y, m, d) + i64::from(offset));
            Some((m, d))
        }
    }
}

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(y: i32) -> (u32, u32) {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    (month as u32, day as u32)
}

pub fn resolve_relative(rel: Rel, anchor: (i32, u32, u32)) -> String {
    let (ay, am, ad) = anchor;
    match rel {
        Rel::Offset(Unit::Day, n) => {
            let (y, m, d) = civil_from_days(days_from_civil(ay, am, ad) + i64::from(n));
            format!("{y:04}-{m:02}-{d:02}")
        }
        Rel::Offset(Unit::Week, n) => {
            let (y, m, d) = civil_from_days(days_from_civil(ay, am, ad) + 7 * i64::from(n));
            let (wy, w) = iso_week(y, m, d);
            format!("{wy:04}-W{w:02}")
        }
        Rel::Offset(Unit::Weekend, n) => {
            let (y, m, d) = civil_from_days(days_from_civil(ay, am, ad) + 7 * i64::from(n));
            let (wy, w) = iso_week(y, m, d);
            format!("{wy:04}-W{w:02}-WE")
        }
        Rel::Weekend { dir } => {
            // Its Saturday: the latest on or before a Sunday publication too, the next after
            // a weekday's.
            let aw = i64::from(weekday_of(ay, am, ad));
            let delta = if dir > 0 {
                (6 - aw).rem_euclid(7)
            } else {
                -(aw - 6).rem_euclid(7)
            };
            let (y, m, d) = civil_from_days(days_from_civil(ay, am, ad) + delta);
            let (wy, w) = iso_week(y, m, d);
            format!("{wy:04}-W{w:02}-WE")
        }
        Rel::Offset(Unit::Month, n) => {
            let t = ay * 12 + am as i32 - 1 + n;
            format!("{:04}-{:02}", t.div_euclid(12), t.rem_euclid(12) + 1)
        }
        Rel::Offset(Unit::Year, n) => format!("{:04}", ay + n),
        Rel::Anchored { unit, n, .. } => resolve_relative(Rel::Offset(unit, n), anchor),
        Rel::Weekday {
            weekday,
            dir,
            strict,
        } => {
            let aw = weekday_of(ay, am, ad) as i64;
            let w = i64::from(weekday);
            if dir == THIS_WEEK {
                let (y, m, d) = civil_from_days(days_from_civil(ay, am, ad) + w - aw);
                return format!("{y:04}-{m:02}-{d:02}");
            }
            // With no tense cue a weekday is the latest one: news reports what happened.
            let dir = if dir == 0 { -1 } else { dir };
            let mut diff = if dir > 0 {
                (w - aw).rem_euclid(7)
            } else {
                (aw - w).rem_euclid(7)
            };
            if diff == 0 && strict {
                diff = 7;
            }
            let delta = if dir > 0 { diff } else { -diff };
            let (y, m, d) = civil_from_days(days_from_civil(ay, am, ad) + delta);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Rel::Month {
            month,
            day,
            dir,
            strict,
        } => {
            // The occurrence nearest the publication date, when there is no tense cue or it
            // lies within two months of it (payment dates, deadlines, last month's events).
            let near = |y: i32| {
                let d = day.unwrap_or(15).min(days_in_month(y, month));
                (days_from_civil(y, month, d) - days_from_civil(ay, am, ad)).abs()
            };
            let y = [ay - 1, ay, ay + 1]
                .into_iter()
                .min_by_key(|&y| (near(y), (y - ay).abs()))
                .unwrap_or(ay);
            // A month alone is "near" when it is the publication month or next to it.
            let close = match day {
                Some(_) => near(y) <= 61,
                None => ((y * 12 + month as i32) - (ay * 12 + am as i32)).abs() <= 1,
            };
            if !strict && (dir == 0 || close) {
                return match day {
                    Some(d) if d > days_in_month(y, month) => String::new(),
                    Some(d) => format!("{y:04}-{month:02}-{d:02}"),
                    None => format!("{y:04}-{month:02}"),
                };
            }
            let key = (month, day.unwrap_or(0));
            let anchor_key = (am, if day.is_some() { ad } else { 0 });
            // Does the date fall on the asked side of the anchor in the anchor's own year?
            let same_year = if dir < 0 {
                key < anchor_key || (!strict && key == anchor_key)
            } else {
                key > anchor_key || (!strict && key == anchor_key)
            };
            month_value(year_on_side(ay, dir, same_year), month, day)
        }
        Rel::WeekdayDate {
            month,
            day,
            weekday,
        } => {
            let a = days_from_civil(ay, am, ad);
            let fits = |y: i32| day <= days_in_month(y, month);
            let best = (ay - 6..=ay + 6)
                .filter(|&y| fits(y) && weekday_of(y, month, day) == weekday)
                .min_by_key(|&y| ((days_from_civil(y, month, day) - a).abs(), y))
                .or_else(|| {
                    (ay - 1..=ay + 1)
                        .filter(|&y| fits(y))
                        .min_by_key(|&y| ((days_from_civil(y, month, day) - a).abs(), y))
                });
            match best {
                Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                None => String::new(),
            }
        }
        Rel::MonthOf { month, day, years } => month_value(ay + years, month, day),
        Rel::Holiday { holiday, dir } => {
            // The latest one on or before the anchor for the past tense, the next one for the
            // future, else the nearest.
            let a = days_from_civil(ay, am, ad);
            let dates = (ay - 1..=ay + 1).filter_map(|y| {
                holiday_date(holiday, y).map(|(m, d)| (days_from_civil(y, m, d) - a, y, m, d))
            });
            let pick = match dir {
                d if d < 0 => dates.filter(|x| x.0 <= 0).max(),
                d if d > 0 => dates.filter(|x| x.0 >= 0).min(),
                _ => dates.min_by_key(|x| (x.0.abs(), x.0)),
            };
            match pick {
                Some((_, y, m, d)) => format!("{y:04}-{m:02}-{d:02}"),
                None => String::new(),
            }
        }
        Rel::Season { month, dir, strict } => {
            // The season or quarter the publication falls in is this year's, whatever the
            // tense: "arrivals in the fourth quarter are running below" in November.
            if !strict && (month..month + 3).contains(&am) {
                return format!("{ay:04}");
            }
            // "Last autumn" written in October is the year before's ("next autumn" the year
            // after's).
            if strict && (month..month + 3).contains(&am) {
                return format!("{:04}", ay + dir.signum());
            }
            // With no tense cue, the nearest one: "for the summer" written in May is this
            // summer, "the winter" written in January this winter.
            if dir == 0 && !strict {
                let mid = |y: i32| y * 12 + month as i32 + 1;
                let a = ay * 12 + am as i32;
                let y = [ay - 1, ay, ay + 1]
                    .into_iter()
                    .min_by_key(|&y| ((mid(y) - a).abs(), y))
                    .unwrap_or(ay);
                return format!("{y:04}");
            }
            let dir = if dir == 0 { -1 } else { dir };
            let near = if dir < 0 {
                month < am || (!strict && month == am)
            } else {
                month > am || (!strict && month == am)
            };
            format!("{:04}", year_on_side(ay, dir, near))
        }
    }
}

/// Whether `s` opens with a range of hours: "10-16", "9.30–17", "10:00-18:00".
fn hours_range(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |mut i: usize| {
        let from = i;
        while i < b.len() && b[i].is_ascii_digit() && i - from < 2 {
            i += 1;
        }
        (i > from).then_some(i)
    };
    let Some(mut i) = digits(0) else {
        return false;
    };
    if i < b.len() && matches!(b[i], b':' | b'.') {
        match digits(i + 1) {
            Some(j) if j == i + 3 => i = j,
            _ => return false,
        }
    }
    let rest = &s[i..];
    let Some(rest) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) else {
        return false;
    };
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// How many words may stand between a past perfect and the date it puts in the past ("they had
/// filed their reports by Wednesday"); farther, it is another clause's ("The sale, which had
/// been expected, is part of a plan to repay the loan by February").
const PERFECT_REACH: usize = 8;

/// The tense of the sentence around `[start, end)`: 1 future, -1 past, 0 no cue. The tense cue
/// nearest the date decides (a past form right after a future cue, "will be held", is future).
fn tense(ctx: &Context<'_>, start: usize, end: usize) -> i32 {
    let doc = ctx.doc;
    let (ss, se) = match doc.sentence_at(start) {
        Some(i) => (
            doc.sentences[i].start.min(start),
            doc.sentences[i].end.max(end),
        ),
        None => (0, doc.text.len()),
    };
    // A date inside a quotation takes the quoted words' tense, not the report's: "“I will
    // start on Monday,” Rizal told supporters"; none when they have no cue ("“I do not want
    // to hear in December that the list is longer,” Nchimbi said" is the nearest December).
    if let Some((qs, qe)) = quotation_around(&doc.text, ss, se, start, end) {
        return tense_within(ctx, qs, qe, start, end);
    }
    tense_within(ctx, ss, se, start, end)
}

/// The inside of the quotation within `[ss, se)` that holds `[start, end)`, if any.
fn quotation_around(
    text: &str,
    ss: usize,
    se: usize,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let before = &text[ss..start];
    let after = &text[end..se];
    let open = before.rfind('“');
    let curly = open.is_some_and(|o| before.rfind('”').is_none_or(|c| c < o));
    if curly {
        let qs = ss + open? + '“'.len_utf8();
        let qe = after.find('”').map_or(se, |k| end + k);
        return Some((qs, qe));
    }
    if before.matches('"').count() % 2 == 1 {
        let qs = ss + before.rfind('"')? + 1;
        let qe = after.find('"').map_or(se, |k| end + k);
        return Some((qs, qe));
    }
    None
}

/// [`tense`] within the text `[ss, se)` around the date.
fn tense_within(ctx: &Context<'_>, ss: usize, se: usize, start: usize, end: usize) -> i32 {
    let doc = ctx.doc;
    let sent = doc.text[ss..se].to_ascii_lowercase();
    let (ds, de) = (start - ss, end - ss);
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    // (start, end, future) of every cue outside the date.
    let mut hits: Vec<(usize, usize, bool)> = Vec::new();
    // Whether each hit is an adjacent cue, and whether the sentence is in the past perfect.
    let mut adjacent: Vec<bool> = Vec::new();
    // Whether each hit is a past copula ("was", "were").
    let mut copulas: Vec<bool> = Vec::new();
    let mut perfect = false;
    // Phrases that hold a cue word in another sense ("next to", "political will").
    let mut blocked: Vec<(usize, usize)> = Vec::new();
    // Each cue's occurrences as `match_indices` finds them: left to right, not overlapping
    // each other (the search reports every occurrence, ordered by end).
    let mut next_free = vec![0usize; ctx.rules.tense_cues.len()];
    for m in ctx.rules.tense_matcher.find_overlapping_iter(&sent) {
        let (i, e) = (m.start(), m.end());
        let k = m.pattern().as_usize();
        if i < next_free[k] {
            continue;
        }
        next_free[k] = e.max(i + 1);
        let cue = &ctx.rules.tense_cues[k];
        let b = sent[..i].chars().next_back();
        let a = sent[e..].chars().next();
        let cue_word_start = cue.term.starts_with(|c: char| c.is_alphanumeric());
        if (cue_word_start && is_word(b)) || is_word(a) {
            continue;
        }
        if i < de && e > ds {
            continue;
        }
        if cue.none {
            blocked.push((i, e));
            continue;
        }
        if cue.perfect {
            let gap = if e <= ds { &sent[e..ds] } else { &sent[de..i] };
            // (Farther in one clause with no verb of the present or future: "staff had already
            // moved 38 mothers and 21 babies into the new wing by Monday afternoon".)
            let words = gap.split_whitespace().count();
            let one_clause = || {
                !gap.contains([',', ';', ':'])
                    && !gap.split_whitespace().any(|w| {
                        matches!(w, "is" | "are" | "will" | "shall" | "must" | "can" | "to")
                    })
            };
            perfect |= words <= PERFECT_REACH || (words <= 2 * PERFECT_REACH && one_clause());
        }
        // (An article may stand between: "by the third quarter", but not after a participle:
        // "helped by the December quarter".)
        let participle = || {
            let w = sent[..i].trim_end().rsplit(' ').next().unwrap_or("");
            w.ends_with("ed") || w.ends_with("en")
        };
        let gap_ok = |g: &str| g.is_empty() || (g == "the" && !participle());
        if cue.adjacent && (e > ds || !gap_ok(sent[e..ds].trim())) {
            continue;
        }
        hits.push((i, e, cue.future));
        adjacent.push(cue.adjacent);
        copulas.push(matches!(cue.term.as_str(), "was" | "were"));
    }
    // Future cues read as nouns (below).
    let mut nouns: Vec<usize> = Vec::new();
    // A cue word in a phrase of another sense ("next to") is none; "had filed reports by
    // Wednesday" puts a deadline in the past.
    // So does a past copula and a state before it: "all three were full by the middle of
    // February" (not a passive's deadline: "was given until 31 May").
    let copula_before = |h: &(usize, usize, bool)| {
        hits.iter().zip(&copulas).any(|(p, &c)| {
            c && p.1 <= h.0 && {
                let gap: Vec<&str> = sent[p.1..h.0].split_whitespace().collect();
                (1..=2).contains(&gap.len())
                    && gap.iter().all(|w| {
                        w.bytes().all(|b| b.is_ascii_lowercase())
                            && !w.ends_with("ed")
                            && !w.ends_with('n')
                    })
            }
        })
    };
    let keep: Vec<bool> = hits
        .iter()
        .zip(&adjacent)
        .map(|(h, &adj)| {
            let silenced = blocked.iter().any(|b| b.0 < h.1 && h.0 < b.1);
            let deadline_past = (perfect || copula_before(h)) && adj && h.2;
            !silenced && !deadline_past
        })
        .collect();
    let mut keep = keep.into_iter();
    hits.retain(|_| keep.next().unwrap_or(true));
    // A cue inside a longer one of the other tense is the longer one's: "was due" is past.
    let phrases: Vec<(usize, usize, bool)> = hits.clone();
    hits.retain(|h| {
        !phrases
            .iter()
            .any(|p| p.2 != h.2 && p.0 <= h.0 && h.1 <= p.1 && p.1 - p.0 > h.1 - h.0)
    });
    // So is the infinitive that a past plan governs: "was supposed to be ready in May" ("to
    // be" being future alone).
    let plans: Vec<usize> = hits
        .iter()
        .filter(|h| !h.2 && sent[h.0..h.1].ends_with(" to"))
        .map(|h| h.1)
        .collect();
    hits.retain(|h| {
        !(h.2
            && plans.iter().any(|&e| {
                // (Its own "to", or within two words after it.)
                h.0 + 2 >= e && (h.0 <= e || sent[e..h.0].split_whitespace().count() <= 2)
            }))
    });
    // A word in "-ed" is a past form, unless it is a name ("United", after the first word),
    // an adjective of "un-" ("unspecified") or one after an article or a determiner ("a revised
    // plan", "this crowded island") or a present "is" ("is closed").
    let written = &doc.text.as_bytes()[ss..se];
    let mut word_start: Option<usize> = None;
    let (mut first_word, mut prev_word) = (true, "");
    for (i, c) in sent
        .char_indices()
        .chain(std::iter::once((sent.len(), ' ')))
    {
        match (c.is_alphabetic(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                word_start = None;
                let w = &sent[s..i];
                let inside = s < de && i > ds;
                let name = !first_word && written[s].is_ascii_uppercase();
                // (Or a state in the present: "the shop is closed from 22 December".)
                // (Or a preposition, after which no verb stands: "a container of roasted
                // coffee".)
                // (Or the end of a compound: "the worst-affected communities".)
                let adjective = w.starts_with("un")
                    || (s > 0 && written[s - 1] == b'-')
                    || matches!(
                        prev_word,
                        "a" | "an"
                            | "the"
                            // (Or another determiner: "this crowded coral island".)
                            | "this"
                            | "these"
                            | "those"
                            | "its"
                            | "their"
                            | "his"
                            | "our"
                            | "my"
                            | "your"
                            | "is"
                            | "are"
                            | "am"
                            | "be"
                            | "being"
                            | "remains"
                            | "of"
                            | "for"
                            | "with"
                            | "from"
                            | "into"
                            | "in"
                    );
                // (Nor a participle that a comma after the date opens: "on Saturday, followed
                // by burial".)
                let participle = || {
                    s >= de
                        && sent[de..s].trim_end().ends_with(',')
                        && sent[i..].starts_with(" by ")
                };
                if w.len() >= 5
                    && w.ends_with("ed")
                    && !inside
                    && !name
                    && !adjective
                    && !hits.iter().any(|h| h.0 == s)
                    // (Nor a word the rules list as no verb: "instead", "hundred".)
                    && !blocked.iter().any(|b| b.0 <= s && i <= b.1)
                    && !participle()
                {
                    hits.push((s, i, false));
                    // A past form before "plans" makes it a noun: "Cabinet approved plans on
                    // Tuesday" (but "announced plans to build").
                    let next = sent[i..].strip_prefix(' ').unwrap_or("");
                    if next.starts_with("plans") && !next.starts_with("plans to") {
                        hits.retain(|h| !(h.2 && h.0 == i + 1));
                        nouns.push(i + 1);
                    }
                }
                first_word = false;
                prev_word = w;
            }
            _ => {}
        }
    }
    hits.retain(|h| !(h.2 && nouns.contains(&h.0)));
    // The end of a span that a verb in the past opens is past too: "a blackout from last
    // Saturday until Tuesday", "campaign chairman from June until August" (but "suspended
    // work until Monday" and "has until Friday to pay" look ahead).
    let span_end = |h: &(usize, usize, bool)| {
        h.2 && matches!(&sent[h.0..h.1], "until" | "till")
            && sent[..h.0].split_whitespace().any(|w| w == "from")
    };
    if !hits.iter().any(|h| h.2 && !span_end(h)) {
        let past: Vec<usize> = hits.iter().filter(|h| !h.2).map(|h| h.1).collect();
        hits.retain(|h| !(span_end(h) && past.iter().any(|&e| e <= h.0)));
    }
    hits.sort_unstable();
    // A past form within two words after a future cue ("will be held"), or right before one
    // ("were planning", "was expected to"), belongs to the future verb group.
    let snapshot = hits.clone();
    for h in hits.iter_mut().filter(|h| !h.2) {
        if snapshot.iter().any(|f| {
            f.2 && ((f.1 <= h.0 && sent[f.1..h.0].split_whitespace().count() <= 2)
                || (h.1 <= f.0 && sent[h.1..f.0].trim().is_empty()))
        }) {
            h.2 = true;
        }
    }
    // A time adverbial belongs to the verb before it more often than to one after it: "his
    // side would review the goals on Monday morning, and refused to blame the referee".
    // And to one after it less still when it opens a coordinated clause: "pleaded guilty in
    // November and will be sentenced".
    let verb_before = hits.iter().any(|h| h.1 <= ds);
    // Whether a word of saying comes before the date ("said", "a statement"): a "that" after
    // the date then opens what was said ("voting Tuesday that is likely to" is no such).
    let reported = || {
        sent[..ds].split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic());
            ctx.rules.speech_verbs.contains(w) || matches!(w, "statement" | "announcement")
        })
    };
    let dist = |h: &(usize, usize, bool)| {
        if h.1 <= ds {
            // (A verb in the past that a preposition alone parts from the date governs it,
            // whatever comes after: "the block, which opened on 16 May in time for the school
            // year", "a subsidy announced in March would be open".)
            let governed = !h.2
                && matches!(
                    sent[h.1..ds].trim(),
                    "on" | "in" | "at" | "during" | "since"
                );
            if governed {
                return 0;
            }
            ds - h.1
        } else {
            let gap = &sent[de..h.0];
            let gap = gap.trim_end();
            // (Or a clause with its own subject: "sailed on Monday, and a second is
            // scheduled".)
            // (Or a clause of what was said: "said in a statement on Friday that it would
            // review".)
            let clause = gap.ends_with(" and")
                || gap.ends_with(" but")
                // (Or opens it with an auxiliary: "left port on Sunday and is expected to".)
                || {
                    let mut w = gap.split_whitespace();
                    w.next() == Some("and")
                        && matches!(w.next(), Some("is" | "are" | "was" | "has" | "have"))
                }
                || gap.contains(';')
                || gap.contains(", and ")
                || gap.contains(", but ")
                || (gap.starts_with(" that ") && reported());
            // (A relative clause that holds the date ends at the comma; the verb after it is
            // the main clause's: "The apprentices, who began training in January, will be
            // joined".)
            let relative_closed = gap.starts_with(',') && verb_before && {
                let before = &sent[..ds];
                [", who ", ", which "].iter().any(|r| {
                    before
                        .rfind(r)
                        .is_some_and(|k| !before[k + r.len()..].contains(','))
                })
            };
            // (Nor is a clause that a conjunction of time or cause opens after the date: "will
            // assess him on Monday after he left the field"; after a comma too: "will carry
            // out an examination on Wednesday, when the structure has been declared safe".)
            let subordinate = verb_before
                && matches!(
                    gap.trim_start_matches([',', ' ']).split_whitespace().next(),
                    Some("after" | "before" | "when" | "because" | "since" | "once")
                );
            if relative_closed || subordinate {
                return 1_000_000 + h.0;
            }
            // (An infinitive of purpose after a past verb tells what was meant, not when:
            // "came back in March to open a business".)
            let purpose =
                h.2 && sent[h.0..h.1].starts_with("to ") && hits.iter().any(|x| !x.2 && x.1 <= ds);
            if purpose {
                return 1_000_000 + h.0;
            }
            // (A reporting clause after a comma tells when it was said, not when it happens:
            // "will have to carry a beacon from 1 January, the ministry announced", unless no
            // other verb dates it.)
            // (Not after an adverbial that opens the sentence: "On Tuesday, the company
            // said".)
            let reporting = gap.starts_with(',')
                && !h.2
                && verb_before
                && ctx.rules.speech_verbs.contains(&sent[h.0..h.1]);
            if reporting {
                return 1_000_000 + h.0;
            }
            (if clause { 8 } else { 2 }) * h.0.saturating_sub(de)
        }
    };
    hits.iter()
        .min_by_key(|h| (dist(h), !h.2))
        .map_or(0, |h| if h.2 { 1 } else { -1 })
}

/// Whether the words before a month are "a" or "an" and up to three words describing it
/// ("a normal", "a hot and windy"), which make the month a kind of month.
fn a_kind_of(before: &str) -> bool {
    const STOP: &[&str] = &[
        "in",
        "on",
        "by",
        "from",
        "of",
        "to",
        "until",
        "since",
        "during",
        "for",
        "at",
        "the",
        "last",
        "next",
        "this",
        "that",
        "early",
        "late",
        "mid",
        "before",
        "after",
        "through",
        "between",
        "throughout",
        "around",
        "into",
        "within",
        "over",
        "spend",
        "spends",
        "spent",
        "spending",
    ];
    let mut described = 0;
    for w in before.trim_end().rsplit(' ').take(6) {
        match w {
            "a" | "an" | "A" | "An" => return described > 0,
            "and" if described > 0 => continue,
            _ if described < 3
                && !w.is_empty()
                && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && !STOP.contains(&w) =>
            {
                described += 1;
            }
            _ => return false,
        }
    }
    false
}

/// Words of what usually happens, before a date without a year in their clause: "the season,
/// which usually runs from mid-January".
const HABITUAL: &[&str] = &[
    " usually ",
    " normally ",
    " typically ",
    " traditionally ",
    " each year ",
    " every year ",
];

/// A month after "the" or a possessive, before a noun of an event or a limit that it dates:
/// "the June deadline", "last year's March floods", "their August bill"
/// (`rules/dates/event-nouns.txt`).
fn event_after_the(ctx: &Context<'_>, before: &str, after: &str) -> bool {
    let b = before.trim_end_matches(' ');
    let owner = b.ends_with(" the")
        || b.ends_with("The")
        || b.ends_with("'s")
        || b.ends_with("’s")
        || b.ends_with(" this")
        || b.ends_with(" that")
        // (Or a possessive determiner: "their August bill".)
        || [" their", " his", " her", " its", " our", " your", " my"]
            .iter()
            .any(|d| b.ends_with(d));
    owner
        && after.strip_prefix(' ').is_some_and(|a| {
            let noun = a.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            ctx.rules.event_nouns.contains(noun)
        })
}

/// Whether a month stands in a list of months, which makes a name like "June" or "April" the
/// month: "June, July and August", "March, April and May" (`before` and `after` are the text
/// around it).
fn month_in_list(ctx: &Context<'_>, before: &str, after: &str) -> bool {
    let month = |w: &str| {
        w.starts_with(char::is_uppercase)
            && month_number(ctx, w).is_some()
            && is_full_name(&ctx.rules.months, w)
    };
    // (A range's dash too: "Q2 2025 (April–June)".)
    const JOINS: &[&str] = &[", and ", ", ", " and ", " or ", " – ", " — ", "–", "—", "-"];
    let next = JOINS
        .iter()
        .find_map(|j| after.strip_prefix(j))
        .map(|r| r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    let prev = JOINS
        .iter()
        .find_map(|j| before.strip_suffix(j))
        .map(|r| r.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    next.is_some_and(month) || prev.is_some_and(month)
}

/// Whether a month's range goes on to a month and its year: "June–July 2025", "May to June
/// 2025" (`after` is the text after the first month). The first takes the year too.
fn month_range_to_year(ctx: &Context<'_>, after: &str) -> bool {
    let rest = after
        .strip_prefix(['–', '—', '-', '/'])
        .or_else(|| after.strip_prefix(" – "))
        .or_else(|| after.strip_prefix(" — "))
        .or_else(|| after.strip_prefix(" to "))
        .or_else(|| after.strip_prefix(" and "));
    let Some(rest) = rest else {
        return false;
    };
    let word = rest.split(' ').next().unwrap_or("");
    let year = &rest[word.len()..];
    month_number(ctx, word).is_some()
        && word.starts_with(char::is_uppercase)
        && year.len() >= 5
        && year.as_bytes()[0] == b' '
        && year.as_bytes()[1..5].iter().all(u8::is_ascii_digit)
        && year.as_bytes().get(5).is_none_or(|b| !b.is_ascii_digit())
}

/// Whether the date at `[start, end)` is one end of a recurring range: "from May to
/// September each year" (a recurring word after the range), "Monday to Friday" (opening
/// hours: two weekdays and nothing to place them).
fn recurring_range(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let text = &ctx.doc.text;
    let weekday = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_alphabetic());
        let w = w
            .strip_suffix('s')
            .filter(|b| b.ends_with("day"))
            .unwrap_or(w);
        crate::text::with_lower(w, |l| ctx.rules.weekdays.contains_key(l))
    };
    let after = &text[end..];
    // The range's other end, after the date: " to September", "-Friday".
    let (rest, other) = match after
        .strip_prefix(" to ")
        .or_else(|| after.strip_prefix(['-', '–']))
    {
        Some(r) => {
            let w = r.split([' ', ',', '.', ';']).next().unwrap_or("");
            let mut rest = &r[w.len()..];
            // (A day and a month: "from 15 February to 14 June each year".)
            if w.bytes().all(|b| b.is_ascii_digit()) {
                let m = rest
                    .trim_start()
                    .split([' ', ',', '.', ';'])
                    .next()
                    .unwrap_or("");
                if crate::text::with_lower(m, |l| ctx.rules.months.contains_key(l)) {
                    rest = &rest.trim_start()[m.len()..];
                }
            }
            (rest, Some(w))
        }
        None => (after, None),
    };
    // (Within its sentence and line: not "Posted 28/05/2025⏎⏎Every spring, …".)
    let rest = &rest[..rest.find(['\n', '.', '!', '?', ';']).unwrap_or(rest.len())];
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    // (A unit of time after it: "each year", "every Monday", "every other week"; not "by
    // June 2026 every kilometre".)
    let calendar = |w: &str| {
        let w = w
            .trim_end_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        let one = w.strip_suffix('s').unwrap_or(&w);
        ctx.rules.units.contains_key(&w)
            || ctx.rules.units.contains_key(one)
            || ctx.rules.weekdays.contains_key(one)
            || ctx.rules.months.contains_key(&w)
            || ctx.rules.seasons.contains_key(&w)
            || matches!(w.as_str(), "other" | "single" | "weekday" | "weekend")
    };
    if crate::text::with_lower(first, |l| ctx.rules.recurring.contains(l))
        && words.next().is_some_and(calendar)
    {
        return true;
    }
    // The date ends a range whose first end is before it: "Monday to Friday".
    let head = text[..start].trim_end();
    let lead = head
        .strip_suffix(" to")
        .or_else(|| text[..start].strip_suffix(['-', '–']));
    // (The first end and where it starts.)
    let prev = lead.map(|b| {
        let k = b.rfind([' ', '\n', '(']).map_or(0, |k| k + 1);
        (&b[k..], k)
    });
    // ("from Friday to Sunday" is one weekend; "next week" places the range.)
    let placed = matches!(first, "next" | "this" | "last");
    // (But not before the hours of the day: "from Monday to Friday, 7:30 a.m. to 3:30 p.m.",
    // "Monday to Friday 8am-5pm".)
    let hours = {
        let r = rest.trim_start_matches([',', ' ']);
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        let r = &r[digits..];
        (1..=2).contains(&digits)
            && (r.starts_with([':', '.']) && r[1..].starts_with(|c: char| c.is_ascii_digit())
                || ["am", "pm", "a.m.", "p.m.", " am", " pm", " a.m.", " p.m."]
                    .iter()
                    .any(|s| r.starts_with(s)))
    };
    let from = |at: usize| !hours && text[..at].trim_end().ends_with(" from");
    weekday(&text[start..end])
        && !placed
        && (other.is_some_and(weekday) && !from(start)
            || prev.is_some_and(|(w, k)| weekday(w) && !from(k)))
}

/// Checks that a bare number really is a year, not money, a percentage or part of a number.
fn bare_year_ok(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let text = &ctx.doc.text;
    let before = text[..start].trim_end_matches(' ');
    let prev = before.chars().next_back();
    // A range of two years in full, the second the later: "2019-2022", "(1937-2026)".
    let year4 = |s: &str| -> Option<u32> {
        let y = s.get(..4)?.parse::<u32>().ok()?;
        ((1000..=2199).contains(&y) && !s[4..].starts_with(|c: char| c.is_ascii_digit()))
            .then_some(y)
    };
    let this: u32 = text[start..end].parse().unwrap_or(0);
    let ranged_after = text[end..]
        .strip_prefix('-')
        .and_then(year4)
        .is_some_and(|y| y > this && y - this <= 150);
    let ranged_before = text[..start]
        .strip_suffix('-')
        .and_then(|b| {
            let k = b.len().checked_sub(4)?;
            let y = year4(b.get(k..)?)?;
            (!b[..k].ends_with(|c: char| c.is_ascii_digit())).then_some(y)
        })
        .is_some_and(|y| y < this && this - y <= 150);
    // (A comma or a stop before counts against a number, or a day: "1,2019", "September 13
    // to 21, 2025"; not "Ermera, 2023".)
    let adjacent = before.len() == start;
    // (Called after an ASCII stop or comma only; a year before is none: "in 2019, 2022 and
    // 2025".)
    let after_number = || {
        let b = &before[..before.len() - 1];
        let year_before = b.len() >= 4
            && b.is_char_boundary(b.len() - 4)
            && year4(&b[b.len() - 4..]).is_some_and(|y| y >= 1600)
            && !b[..b.len() - 4].ends_with(|c: char| c.is_ascii_digit());
        b.ends_with(|c: char| c.is_ascii_digit()) && !year_before
    };
    if matches!(prev, Some('£' | '$' | '€' | '#' | '+' | '/'))
        || (matches!(prev, Some('.' | ',')) && (adjacent || after_number()))
        || (prev == Some('-') && !ranged_before)
    {
        return false;
    }
    let after = &text[end..];
    let mut chars = after.chars();
    match chars.next() {
        Some('%') => return false,
        Some('-') if ranged_after => {}
        Some('.' | ',' | ':' | '-' | '/') if chars.next().is_some_and(|c| c.is_ascii_digit()) => {
            return false;
        }
        _ => {}
    }
    // A group of a phone number: "0800 2019 123", "2019 0123".
    let digits = |w: Option<&str>| {
        w.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    // (Not a year in a list: "in 2019, 2022 and 2025".)
    let last_before = before.split_whitespace().next_back();
    if digits(after.split_whitespace().next()) && after.starts_with([' ', '\u{a0}'])
        || digits(last_before)
            && !last_before.is_some_and(|w| w.ends_with([',', ';']))
            && text[..start].ends_with(' ')
    {
        return false;
    }
    // (Or of one with a country code or a label before its groups: "+91 1982 25 2014", "tel.
    // 2014 5566".)
    let from = crate::text::floor_boundary(text, start.saturating_sub(40));
    let lead = text[from..start]
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'));
    if lead.ends_with('+')
        || [
            "tel.", "Tel.", "tel:", "Tel:", "phone:", "Phone:", "Tel", "tel",
        ]
        .iter()
        .any(|p| lead.ends_with(p))
    {
        return false;
    }
    // A name's number: "the Planning (Scotland) Act 2019", "the Reform Act of 1995", "FM 2024".
    let (rest, prev_word) = before.rsplit_once([' ', '\n', '(']).unwrap_or(("", before));
    let lead = |w: &str| ctx.rules.not_year_leads.contains(w);
    if lead(prev_word)
        || (prev_word == "of"
            && matches!(rest.trim_end().rsplit(' ').next(), Some("Act" | "Order")))
    {
        return false;
    }
    // A numbered notice's year: "General Notice No. 88 of 2026"; a law of a named state:
    // "the Civil Service Act of Bhutan 2010".
    if prev_word == "of" {
        let mut ws = rest.split_whitespace().rev();
        let n = ws.next().unwrap_or("");
        if n.bytes().all(|b| b.is_ascii_digit())
            && !n.is_empty()
            && matches!(ws.next(), Some("No." | "No" | "no." | "Number" | "NO."))
        {
            return false;
        }
    }
    // (The place after "of" is one or two capitalised words.)
    let mut ws = before.split_whitespace().rev();
    let place = ws
        .by_ref()
        .take_while(|w| *w != "of" && w.starts_with(char::is_uppercase))
        .take(3)
        .count();
    // (`take_while` has consumed the "of"; what follows is the word before it.)
    if (1..=2).contains(&place)
        && before.split_whitespace().rev().nth(place) == Some("of")
        && ws.next().is_some_and(lead)
    {
        return false;
    }
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !ctx.rules.not_year_units.contains(&next_word)
}

/// Whether the paragraphs before paragraph `para` are all short, as a document's heading,
/// byline and title lines are (no body text yet).
fn headings_only(ctx: &Context<'_>, para: usize) -> bool {
    ctx.doc.paragraphs[..para]
        .iter()
        .all(|p| p.end - p.start <= 160)
}

/// The words of a place before a dateline's comma, in title case: "Rotterdam", "Dar es
/// Salaam", "Port of Spain" (particles in lower case inside it).
fn place_words(raw: &str) -> bool {
    let words: Vec<&str> = raw.trim_end_matches(',').split_whitespace().collect();
    !words.is_empty()
        && words.iter().enumerate().all(|(k, w)| {
            w.starts_with(char::is_uppercase)
                // (An elided article: "l'Archipel", "d'Or".)
                || ["l'", "d'", "l’", "d’"].iter().any(|a| {
                    w.strip_prefix(a)
                        .is_some_and(|r| r.starts_with(char::is_uppercase))
                })
                || (k > 0
                    && k + 1 < words.len()
                    && matches!(
                        *w,
                        "es" | "de"
                            | "del"
                            | "da"
                            | "do"
                            | "dos"
                            | "la"
                            | "le"
                            | "of"
                            | "on"
                            | "upon"
                            | "en"
                            | "sur"
                            | "am"
                            | "an"
                            | "al"
                            | "el"
                    ))
                // A province's code in brackets after the place: "Calangianus (SS)".
                || (k > 0
                    && k + 1 == words.len()
                    && w.trim_end_matches(',').strip_prefix('(').and_then(|c| c.strip_suffix(')'))
                        .is_some_and(|c| {
                            (1..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_uppercase())
                        }))
                // An administrative unit after the place's name: "Ialoveni district".
                || (k > 0
                    && k + 1 == words.len()
                    && matches!(
                        w.trim_end_matches(','),
                        "district" | "province" | "region" | "county" | "parish"
                            | "municipality" | "governorate" | "prefecture" | "oblast"
                    ))
        })
}

/// The cue opening the line before `start`, if the line states a publication date.
/// A heading that names the kind of document before a dateline's place: "Public statement —
/// Santiago Matatlán, Oaxaca — 03.06.2025", "Press release – Nuuk – 4 May 2025".
fn document_kind(ctx: &Context<'_>, s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && crate::text::with_lower(words[words.len() - 1], |l| {
            ctx.rules.source_nouns.get(l) == Some(&"document")
        })
}

fn publication_cue(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    day: bool,
) -> Option<(PubKind, &'static str)> {
    let text = &ctx.doc.text;
    // A cue or a dateline is short: a long run of text before the date is neither (and
    // searching it for every date of a run-on line would be quadratic).
    let from = crate::text::floor_boundary(text, start.saturating_sub(200));
    let line_start = match text[from..start].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    // Strip from the end what may stand between a cue and its date: separators, a time of
    // day and its zone ("Released: 07:00 02-Jun-2025", "Published: 6:14 PM CDT October 11,
    // 2024"), a weekday ("Published: Wednesday | March 12, 2025", "Thu, 06/02/2025").
    const SEPARATORS: &[char] = &[':', '-', '–', '—', ',', '|', '/', '·'];
    const ZONES: &[&str] = &[
        "am", "pm", "a.m", "p.m", "gmt", "bst", "utc", "cet", "cest", "est", "edt", "cst", "cdt",
        "mst", "mdt", "pst", "pdt", "ist", "aest", "aedt", "acst", "awst", "nzst", "nzdt", "sast",
        "eat", "wat", "hkt", "sgt", "jst", "kst", "myt", "pht", "wib", "ict", "cat", "eet", "eest",
        "wet", "west", "ast", "adt", "hst", "akst", "akdt", "nzt", "aet", "et", "pt",
    ];
    let is_time = |w: &str| {
        let w = w.trim_end_matches([',', '.']).to_lowercase();
        // (Its half of the day may be joined to it: "7.40am", "6pm".)
        let clock = w
            .strip_suffix("am")
            .or_else(|| w.strip_suffix("pm"))
            .or_else(|| w.strip_suffix("a.m"))
            .or_else(|| w.strip_suffix("p.m"));
        if let Some(c) = clock.filter(|c| c.starts_with(|ch: char| ch.is_ascii_digit())) {
            if c.len() <= 5
                && c.bytes()
                    .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
            {
                return true;
            }
        }
        // (A zone may carry its offset: "GMT+3", "UTC+05:30".)
        let zone = w.split(['+', '-']).next().unwrap_or("");
        let offset = &w[zone.len()..];
        (w.contains([':', '.'])
            && w.bytes()
                .all(|b| b.is_ascii_digit() || b == b':' || b == b'.'))
            || (ZONES.contains(&zone)
                && (offset.is_empty()
                    || (offset.len() <= 6
                        && offset[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'))))
    };
    let mut prefix = text[line_start..start].trim().to_lowercase();
    // Whether a bar stands right before the date (a weekday and a time aside): "Media release
    // | 16 May 2025", "The Kentdale Courier | Thursday, 6 November 2025".
    let mut piped = false;
    let mut timed = false;
    loop {
        piped |= prefix.ends_with(['|', '·']);
        let trimmed = prefix.trim_end_matches(SEPARATORS).trim_end();
        let (head, last) = trimmed.rsplit_once(' ').unwrap_or(("", trimmed));
        let last = last.trim_end_matches('.');
        // ("1:42 pm on 2 June 2025": "on" after a time.)
        let on_after_time =
            last == "on" && head.trim_end().rsplit(' ').next().is_some_and(&is_time);
        let time = !last.is_empty()
            && (is_time(last) || ctx.rules.weekdays.contains_key(last) || on_after_time);
        if time {
            prefix = head.trim_end().to_string();
            timed = true;
        } else if timed && last == "at" {
            // "Published at 16:51 on 13 February 2026".
            prefix = head.trim_end().to_string();
        } else {
            prefix = trimmed.to_string();
            break;
        }
    }
    // "Mumbai | Updated: …": the cue is the last of the line's segments (a dash with spaces
    // sets them apart too: "Issue 22 — posted 03.07.2025").
    let prefix = match prefix.char_indices().rfind(|&(k, c)| {
        c == '|'
            || c == '·'
            || (matches!(c, '—' | '–')
                && prefix[..k].ends_with(' ')
                && prefix[k + c.len_utf8()..].starts_with(' '))
    }) {
        Some((k, c)) => prefix[k + c.len_utf8()..].trim().to_string(),
        None => prefix,
    };
    // (So is the last of a line's columns, set apart by runs of spaces: "Ref. No. KUHS/041
    // <spaces> Date: 04/03/2025"; and the last of a label in two languages: "Fecha / Date:".)
    let prefix = match prefix
        .rfind("   ")
        .or_else(|| prefix.rfind(" / ").map(|k| k + 2))
    {
        Some(k) => prefix[k..].trim().to_string(),
        None => prefix,
    };
    let cue_of = |prefix: &str| {
        ctx.rules
            .publication_cues
            .iter()
            .find(|(cue, _)| prefix == cue)
            .map(|(_, kind)| match kind {
                PubKind::Dated => (PubKind::Published, "dates.document-date"),
                _ => (*kind, "dates.publication-line"),
            })
    };
    // The cue may close a clause of the minutes: "Approved by the Committee and published:
    // 23.09.2025".
    let prefix = match prefix.rsplit_once(" and ") {
        Some((_, cue)) if cue_of(cue).is_some() => cue.to_string(),
        _ => prefix,
    };
    if prefix.is_empty() {
        // The cue alone on the line before: "Date:" then "Thu, 06/02/2025".
        let above = text[..line_start].trim_end_matches(['\n', '\r']);
        let line = &above[above.rfind('\n').map_or(0, |k| k + 1)..];
        let cue = line.trim().trim_end_matches([':', '-', '–', '—']).trim();
        if !cue.is_empty() && cue.len() < 40 {
            if let Some(hit) = cue_of(&cue.to_lowercase()) {
                return Some(hit);
            }
        }
        // A date alone on its line near the top: "March 5, 2025" under a headline, or under
        // a heading, a name and a title (each a short paragraph of its own), before the body.
        let rest = text[end..].split('\n').next().unwrap_or("");
        // (A time may follow: "Wed 3 Jul 2024 00.01 BST".)
        let rest = rest
            .trim()
            .trim_start_matches([',', '-', '–', '|', '·'])
            .split_whitespace()
            .skip_while(|w| is_time(w))
            .collect::<String>();
        let para = ctx.doc.paragraph_at(start).unwrap_or(usize::MAX);
        if day
            && para <= 5
            && rest.trim().trim_end_matches('.').is_empty()
            && headings_only(ctx, para)
        {
            return Some((PubKind::Published, "dates.dateline"));
        }
        // Or opening a masthead's line, a bar after it: "Sunday 2 November 2025 |
        // Commemoration of All Souls".
        let line = text[end..].split('\n').next().unwrap_or("");
        if day
            && para <= 2
            && line.len() <= 100
            && line.trim_start().starts_with(['|', '·'])
            && headings_only(ctx, para)
        {
            return Some((PubKind::Published, "dates.dateline"));
        }
        return None;
    }
    if let Some(hit) = cue_of(&prefix) {
        return Some(hit);
    }
    // The legal formula: "Dated this 11th day of August, 2025".
    if let Some(hit) = prefix.strip_suffix(" this").and_then(cue_of) {
        return Some(hit);
    }
    // The date in brackets glosses the cue's own, in another calendar or form: "Published:
    // 15 Asoj 2082 (1 October 2025)".
    if let Some(inner) = prefix.strip_suffix('(') {
        let (cue, gloss) = inner.split_once(':').unwrap_or((inner, ""));
        if text[end..].starts_with(')')
            && gloss.split_whitespace().count() <= 4
            && !gloss.trim().is_empty()
        {
            if let Some(hit) = cue_of(cue.trim()) {
                return Some(hit);
            }
        }
    }
    // The sign-off of a Hong Kong government release: "Ends/Thursday, June 12, 2025" (with
    // its slash: "Ends: 31 March" of an events listing is no publication line).
    if prefix == "ends" && text[line_start..start].starts_with("Ends/") {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    let mut words: Vec<&str> = prefix.split_whitespace().collect();
    // (Or ending a masthead's title, behind a dash: "Quarterly Newsletter – Issue 22 – 15 July
    // 2025".)
    if let Some(k) = words.iter().rposition(|w| matches!(*w, "–" | "—" | "-")) {
        if k <= 5 && matches!(words.get(k + 1), Some(&("no." | "no" | "issue" | "number"))) {
            words.drain(..=k);
        }
    }
    // An issue's number opening a line near the top, under headings only: "No. 14 — 30 April
    // 2025", "Vol. 3, No. 7 | 2 May 2025", "Issue 212, 4 June 2025".
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    // (Or after the short title of a series: "District Health Update No. 7 - 14 April 2025".)
    let titled = words.len() > 2
        && words.len() <= 7
        && matches!(words[words.len() - 2], "no." | "no" | "issue" | "number")
        && number(words[words.len() - 1])
        && text[line_start..start]
            .trim_end()
            .ends_with(['-', '–', '—']);
    let issue = titled
        || match words.as_slice() {
            [w, n] => matches!(*w, "no." | "no" | "issue" | "number" | "edition") && number(n),
            [v, m, w, n] => {
                matches!(*v, "vol." | "vol" | "volume")
                    && number(m.trim_end_matches(','))
                    && matches!(*w, "no." | "no" | "issue" | "number")
                    && number(n)
            }
            _ => false,
        };
    let line_rest = text[end..].split('\n').next().unwrap_or("").trim();
    if issue
        && day
        && line_rest.trim_end_matches('.').is_empty()
        && ctx
            .doc
            .paragraph_at(start)
            .is_some_and(|p| p <= 3 && headings_only(ctx, p))
    {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // "Minutes published:", "Report issued:": a short heading ending in the verb.
    if words.len() <= 3 && matches!(words.last(), Some(&("published" | "issued"))) {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // A heading line that says when it was issued: "Bulletin No. 7 issued at 16h10 on
    // Wednesday 21 January 2026" (near the top, under headings only).
    if day
        && line_rest.trim_end_matches('.').is_empty()
        && words.len() <= 10
        && words.last() == Some(&"on")
        && words[..words.len() - 1]
            .iter()
            .any(|w| matches!(*w, "issued" | "published" | "released" | "posted"))
        && ctx
            .doc
            .paragraph_at(start)
            .is_some_and(|p| p <= 3 && headings_only(ctx, p))
    {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // "Published on the council website: 19.02.2025": a cue, where, and a colon before the date
    // (what was published may come first: "Minutes published to members: 07.04.2025").
    let published = |w: &str| cue_of(w).is_some_and(|(kind, _)| kind == PubKind::Published);
    let cue_at = if words.first().is_some_and(|w| published(w)) {
        0
    } else {
        1
    };
    if day
        && line_rest.trim_end_matches('.').is_empty()
        && (3..=7 + cue_at).contains(&words.len())
        && matches!(words[cue_at + 1], "on" | "in" | "to" | "at")
        && text[line_start..start].trim_end().ends_with(':')
        && published(words[cue_at])
    {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // "Published in The Fox Valley Sentinel on Nov. 4, 2025.": a cue, the publisher, the date.
    if day
        && line_rest.trim_end_matches('.').is_empty()
        && words.len() <= 10
        && words.last() == Some(&"on")
        && [
            "published in ",
            "first published in ",
            "posted in ",
            "appeared in ",
        ]
        .iter()
        .any(|c| prefix.starts_with(c))
    {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // The closing formula of a statement or a treaty, on a line of its own: "Adopted at
    // Bairiki, South Tarawa, on 5 February 2026.", "Done at Geneva on 3 May 2025".
    if day
        && line_rest.trim_end_matches('.').is_empty()
        && (3..=10).contains(&words.len())
        && (words.last() == Some(&"on")
            // (Or the place and a comma: "Issued at Sambava, 22 May 2025".)
            || (words.len() <= 6 && text[line_start..start].trim_end().ends_with(',')))
        && words[1] == "at"
        && matches!(words[0], "adopted" | "done" | "signed" | "given" | "issued")
    {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // A sign-off that ends with the date: "Issued by the Registrar of the Court of Appeal,
    // Gaborone, 31 January 2025".
    if day
        && line_rest.trim_end_matches('.').is_empty()
        && ["issued by ", "released by ", "published by "]
            .iter()
            .any(|c| prefix.starts_with(c))
    {
        return Some((PubKind::Published, "dates.publication-line"));
    }
    // A date after a bar at the end of a short line at the top: "Media release | 16 May
    // 2025", "NEWS | 21 May 2025", "The Kentdale Courier | Thursday, 6 November 2025".
    let para = ctx.doc.paragraph_at(start).unwrap_or(usize::MAX);
    // (More of the line's items may follow the date's own: "Yerevan | 14 October 2025, 23:40 |
    // Text: …", "By Jane Roe · December 6, 2025 · Soups & stews"; a numeric date may end in a
    // full stop, as in the Balkans: "Kotor | 27.10.2025. 09:40".)
    let own_item = line_rest
        .split(['|', '·'])
        .next()
        .unwrap_or("")
        .trim_start_matches([',', '.']);
    if piped
        && day
        && para <= 5
        && start - line_start <= 60
        && own_item.split_whitespace().all(&is_time)
        && headings_only(ctx, para)
    {
        return Some((PubKind::Published, "dates.dateline"));
    }
    // A dateline: "NORTHFOLD, 12 March 2024 —" near the top of the document, or a place in
    // title case on a line of its own with the date: "Rotterdam, 3 February 2025".
    // (A time of day may end its line, or when it was updated: "Mariehamn, Åland, 21 August
    // 2025, 08.30 EEST", "Anjouan, Comoros – Wednesday 14 May 2025 – last updated 17:52 (EAT)".)
    let line_rest = {
        let after = line_rest.trim_start_matches(SEPARATORS).trim_start();
        let timed = || {
            after
                .split_whitespace()
                .all(|w| is_time(w.trim_start_matches('(').trim_end_matches(')')))
        };
        let updated = || {
            let lower = after.to_lowercase();
            ctx.rules.publication_cues.iter().any(|(cue, kind)| {
                *kind == PubKind::Updated
                    && lower.starts_with(cue.as_str())
                    && lower[cue.len()..].starts_with([' ', ':'])
            })
        };
        // (Only after a separator: the common case, nothing after the date, asks nothing.)
        if line_rest.len() > after.len() && (timed() || updated()) {
            ""
        } else {
            line_rest
        }
    };
    let raw = text[line_start..start].trim();
    // (A masthead's columns, set apart by runs of spaces: "Vol. LXIV]      MBABANE, Friday,
    // February 27th 2026      [No. 31": the date's own column.)
    let raw = raw.rfind("   ").map_or(raw, |k| raw[k..].trim());
    // A place, a dash and the date alone on a line near the top: "English Harbour, Antigua –
    // Thursday 16 April 2026".
    if day && para <= 5 && line_rest.is_empty() {
        let mut place = raw;
        let mut dashed = false;
        loop {
            let t = place.trim_end_matches(SEPARATORS).trim_end();
            dashed |= place[t.len()..].contains(['–', '—', '-']);
            let (head, last) = t.rsplit_once(' ').unwrap_or(("", t));
            let weekday = crate::text::with_lower(last.trim_end_matches([',', '.']), |l| {
                ctx.rules.weekdays.contains_key(l)
            });
            if weekday && !head.is_empty() {
                place = head;
            } else {
                place = t;
                break;
            }
        }
        // (Not counting the kind of document that may open the line.)
        let kind = place
            .split(['—', '–'])
            .next()
            .filter(|k| k.len() < place.len() && document_kind(ctx, k))
            .map_or(0, |k| k.split_whitespace().count() + 1);
        if dashed
            && place.split_whitespace().count() <= 6 + kind
            // (A masthead's name may stand before the place: "Wallis-et-Futuna Hebdo —
            // Mata-Utu — Tuesday 9 April 2024", "Le Phare de l'Archipel, Saint-Pierre — …".)
            && place
                .split([',', '—', '–'])
                .enumerate()
                .all(|(k, p)| place_words(p) || (k == 0 && document_kind(ctx, p)))
            && headings_only(ctx, para)
        {
            return Some((PubKind::Published, "dates.dateline"));
        }
    }
    // (A place alone may stand under a few more heading lines: "GOVERNMENT OF ODISHA" /
    // "PRESS NOTE" / "No. 1874/IPR" / "Bhubaneswar, 14.08.2025".)
    // ("Ialoveni district, the 14th of October 2025": the article of the date's own.)
    let raw = raw
        .strip_suffix(" the")
        .map_or(raw, |r| if r.ends_with(',') { r } else { raw });
    // A place in title case, the date and a dash into the first sentence, under the heading
    // lines of a results announcement: "Windhoek, 24 February 2026 – Kalahari Marine Holdings
    // Limited today reported …".
    if day
        && para <= 8
        && raw.ends_with(',')
        && [" – ", " — ", " - ", ": "]
            .iter()
            .any(|d| text[end..].starts_with(d))
        && prefix.split_whitespace().count() <= 5
        && place_words(raw)
        && headings_only(ctx, para)
    {
        return Some((PubKind::Published, "dates.dateline"));
    }
    // A cue that says to whom, a colon, then the place: "Released to the market: Freetown,
    // 24 October 2025".
    if day && para <= 5 && line_rest.is_empty() && raw.ends_with(',') {
        if let Some((cue, place)) = raw.split_once(':') {
            let cue = cue.trim().to_lowercase();
            if cue.split_whitespace().count() <= 5
                && cue_of(cue.split_whitespace().next().unwrap_or(""))
                    .is_some_and(|(kind, _)| kind == PubKind::Published)
                && place.split_whitespace().count() <= 4
                && place_words(place.trim())
                && headings_only(ctx, para)
            {
                return Some((PubKind::Published, "dates.publication-line"));
            }
        }
    }
    // (Or the date in brackets after the place: "MARAMAG, Bukidnon (April 14, 2025) —".)
    let raw = match raw.strip_suffix('(') {
        Some(r) if text[end..].starts_with(')') && r.ends_with(' ') => r.trim_end(),
        _ => raw,
    };
    let bracketed = raw.len() < text[line_start..start].trim().len();
    // (A byline may follow after a bar: "Reykjavík, Friday 19 September 2025 | By Jane Roe".)
    if para <= 5
        && (raw.ends_with(',') || (bracketed && day && place_words(raw)))
        && prefix.split_whitespace().count() <= 5
    {
        let first = raw.split([',', ' ']).next().unwrap_or("");
        let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && first.chars().all(|c| !c.is_lowercase());
        let alone = day
            && (line_rest.is_empty()
                || (line_rest.starts_with(['|', '·']) && line_rest.len() <= 80))
            && place_words(raw)
            && headings_only(ctx, para);
        if (caps && para <= 3) || alone {
            return Some((PubKind::Published, "dates.dateline"));
        }
    }
    // A place and the date on a line of their own among the last paragraphs, where a letter
    // or a notice is signed: "Windhoek, 9 September 2025" above the signatory. (Only where
    // nothing at the top dates the document: see `choose_publication`.)
    let paras = ctx.doc.paragraphs.len();
    if day
        && para != usize::MAX
        && para + 4 >= paras
        && para > 5
        && raw.ends_with(',')
        && prefix.split_whitespace().count() <= 4
        && line_rest.is_empty()
        && place_words(raw)
    {
        return Some((PubKind::Published, "dates.sign-off"));
    }
    None
}

/// The order to read numeric dates in: `--date-order`, unless the document has a numeric date
/// that is only valid in the other order and none that is only valid in the given one.
///
/// Also returns the matches of the numeric patterns (by rule index), so that they are not
/// searched for a second time.
fn document_order<'t>(
    ctx: &Context<'t>,
    triggers: &[(usize, usize, u16)],
) -> (DateOrder, Vec<(usize, Vec<Found<'t>>)>) {
    let (mut only_dmy, mut only_mdy, mut ambiguous) = (0, 0, 0);
    let doc: &'t crate::text::Document = ctx.doc;
    let mut found = Vec::new();
    let numeric = ctx
        .rules
        .date_rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.regex.capture_names().any(|n| n == Some("n1")));
    for (ri, rule) in numeric {
        let all = matches(rule, &doc.text, triggers);
        for caps in &all {
            let caps = Groups::of(rule, caps);
            let num = |n: &str| caps.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
            let (Some(a), Some(b), Some(y)) = (num("n1"), num("n2"), num("year")) else {
                continue;
            };
            let valid =
                |d: u32, m: u32| (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y as i32, m);
            match (valid(a, b), valid(b, a)) {
                (true, false) => only_dmy += 1,
                (false, true) => only_mdy += 1,
                (true, true) => ambiguous += 1,
                _ => {}
            }
        }
        found.push((ri, all));
    }
    // With no numeric date to tell, the written ones do: a document that writes "October 11,
    // 2024" and never "11 October 2024" is American, and so are its numeric dates.
    if only_dmy == 0 && only_mdy == 0 && ambiguous > 0 && ctx.opts.date_order == DateOrder::Dmy {
        let count = |id: &str| {
            ctx.rules
                .date_rules
                .iter()
                .find(|r| r.id == id)
                .map_or(0, |r| matches(r, &doc.text, triggers).len())
        };
        if count("dates.month-day-year") > 0 && count("dates.day-month-year") == 0 {
            only_mdy += 1;
        }
    }
    let order = match ctx.opts.date_order {
        DateOrder::Dmy if only_mdy > 0 && only_dmy == 0 => DateOrder::Mdy,
        DateOrder::Mdy if only_dmy > 0 && only_mdy == 0 => DateOrder::Dmy,
        o => o,
    };
    (order, found)
}

/// Year carry-over in ranges: "between 29 April and 3 May 2024" gives the first date the year
/// of the second when only a range word or dash stands between them.
fn carry_years(text: &str, out: &mut [DateMention]) {
    for i in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[i], &out[i + 1]);
        // (With its weekday too: "from Tuesday 8 July to Sunday 13 July 2025".)
        let (month, day) = match a.rel {
            Some(Rel::Month { month, day, .. }) => (month, day),
            Some(Rel::WeekdayDate { month, day, .. }) => (month, Some(day)),
            _ => continue,
        };
        if b.rel.is_some() || b.value.len() < 4 || b.granularity == "decade" {
            continue;
        }
        let between = text[a.end..b.start].trim().to_lowercase();
        let joined = matches!(
            between.as_str(),
            "-" | "–" | "—" | "to" | "and" | "until" | "till" | "through" | "or" | "," | "/"
        );
        if !joined {
            continue;
        }
        let Ok(year) = b.value[..4].parse::<i32>() else {
            continue;
        };
        // (A range that passes the new year began in the year before: "from 18 November
        // until the end of January 2025".)
        let end_month = b.value.get(5..7).and_then(|m| m.parse::<u32>().ok());
        let year = if end_month.is_some_and(|m| m < month) {
            year - 1
        } else {
            year
        };
        let value = match day {
            Some(d) if d > days_in_month(year, month) => continue,
            Some(d) => format!("{year:04}-{month:02}-{d:02}"),
            None => format!("{year:04}-{month:02}"),
        };
        out[i].value = value;
        out[i].rel = None;
    }
}

/// How far a date's match may start before the first word of its rule's trigger classes, and
/// end after it, in bytes. Date rules are searched only within these windows around such words
/// (see [`crate::rules::trigger`]); the longest built-in forms ("in the beginning of last
/// March", "Thursday, the 12th of March, 2024") stay well within them.
const BEFORE_TRIGGER: usize = 64;
const AFTER_TRIGGER: usize = 64;

/// The words of a document that dates hold: (start, end, trigger classes), in text order.
fn date_triggers(ctx: &Context<'_>) -> Vec<(usize, usize, u16)> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    for si in 0..doc.sentences.len() {
        for t in doc.sentence_tokens(si).iter() {
            if t.kind == TokenKind::Punct {
                continue;
            }
            // The token's classes hold its calendar words and its digits.
            if t.date != 0 {
                out.push((t.start, t.end, t.date));
            }
        }
    }
    out
}

/// The search windows of a rule that needs one of `classes`: around each such word, merged.
/// A window must also hold a word of each class set of `also`: a match lies inside a window
/// and holds such words, and a word that overlaps the match overlaps the window.
///
/// A window reaches 64 bytes either side of its word, or as far as the rule's matches can
/// reach when that is less (`reach`); then it also holds the character after the farthest end,
/// so that a word boundary there is judged as in the whole text.
fn windows(
    text: &str,
    triggers: &[(usize, usize, u16)],
    classes: u16,
    also: &[u16],
    reach: (Option<usize>, Option<usize>),
) -> Vec<(usize, usize)> {
    let before = reach.0.map_or(BEFORE_TRIGGER, |b| b.min(BEFORE_TRIGGER));
    let after = reach
        .1
        .map_or(AFTER_TRIGGER, |a| (a + 4).min(AFTER_TRIGGER));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e, mask) in triggers {
        if mask & classes == 0 {
            continue;
        }
        let ws = crate::text::floor_boundary(text, s.saturating_sub(before));
        let we = crate::text::ceil_boundary(text, e + after);
        match out.last_mut() {
            Some(last) if ws <= last.1 => last.1 = last.1.max(we),
            _ => out.push((ws, we)),
        }
    }
    if !also.is_empty() {
        // Triggers are in text order, and so are the windows: one sweep.
        let mut first = 0;
        out.retain(|&(ws, we)| {
            while first < triggers.len() && triggers[first].1 <= ws {
                first += 1;
            }
            let held = triggers[first..]
                .iter()
                .take_while(|t| t.0 < we)
                .fold(0, |acc, t| acc | t.2);
            also.iter().all(|&c| held & c != 0)
        });
    }
    out
}

/// A match of a date rule: the spans of its groups (0 is the whole match).
struct Found<'t> {
    text: &'t str,
    spans: Vec<Option<(usize, usize)>>,
}

/// A group of a [`Found`] match.
#[derive(Debug, Clone, Copy)]
struct Span<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Span<'t> {
    fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'t> Found<'t> {
    fn get(&self, i: usize) -> Option<Span<'t>> {
        let (start, end) = (*self.spans.get(i)?)?;
        Some(Span {
            text: self.text,
            start,
            end,
        })
    }
}

/// The matches of a date rule, as a search of the whole text finds them: within the windows
/// around its trigger words when it has trigger classes, else over the whole text. Each window
/// is searched up to its end, so a match inside it is the one the whole search finds.
fn matches<'t>(
    rule: &crate::rules::DateRule,
    text: &'t str,
    triggers: &[(usize, usize, u16)],
) -> Vec<Found<'t>> {
    if rule.triggers == 0 {
        if let Some(p) = &rule.prefixes {
            let bytes = text.as_bytes();
            if !p.iter().any(|l| memchr::memmem::find(bytes, l).is_some()) {
                return Vec::new();
            }
        }
        return rule
            .regex
            .captures_iter(text)
            .map(|c| Found {
                text,
                spans: (0..c.len())
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect(),
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut last_end = 0;
    // One set of group locations for every search: most windows hold no match of a given
    // rule, and a failed search then costs no allocation.
    let mut locs = rule.regex.capture_locations();
    for (ws, we) in windows(text, triggers, rule.triggers, &rule.also, rule.reach) {
        // A match lies in the window: it holds a byte of each of the rule's sets there.
        let window = &text.as_bytes()[ws.max(last_end).min(we)..we];
        let holds = |set: &Vec<u8>| match set[..] {
            [a] => memchr::memchr(a, window).is_some(),
            [a, b] => memchr::memchr2(a, b, window).is_some(),
            [a, b, c] => memchr::memchr3(a, b, c, window).is_some(),
            _ => true,
        };
        if !rule.needs.iter().all(holds) {
            continue;
        }
        let hay = &text[..we];
        let mut pos = ws.max(last_end);
        while pos < we {
            let Some(m) = rule.regex.captures_read_at(&mut locs, hay, pos) else {
                break;
            };
            last_end = m.end();
            pos = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + hay[m.end()..].chars().next().map_or(1, char::len_utf8)
            };
            out.push(Found {
                text,
                spans: (0..locs.len()).map(|i| locs.get(i)).collect(),
            });
        }
    }
    out
}

/// A match of a date rule, its groups found by name from the rule's own short list.
struct Groups<'a, 't> {
    caps: &'a Found<'t>,
    names: &'a [(String, usize)],
}

impl<'a, 't> Groups<'a, 't> {
    fn of(rule: &'a crate::rules::DateRule, caps: &'a Found<'t>) -> Groups<'a, 't> {
        Groups {
            caps,
            names: &rule.groups,
        }
    }

    fn name(&self, name: &str) -> Option<Span<'t>> {
        let &(_, i) = self.names.iter().find(|(n, _)| n == name)?;
        self.caps.get(i)
    }

    fn get(&self, i: usize) -> Option<Span<'t>> {
        self.caps.get(i)
    }
}

/// Find every date expression, longest match first where patterns overlap.
pub fn extract(ctx: &Context<'_>) -> Vec<DateMention> {
    let triggers = date_triggers(ctx);
    // A document that writes a numeric date only readable the other way round ("03/28/2022"
    // under day-first) is read in that order throughout.
    let (order, mut numeric) = document_order(ctx, &triggers);
    let mut opts = ctx.opts.clone();
    opts.date_order = order;
    let flipped = order != ctx.opts.date_order;
    let ctx = &Context {
        doc: ctx.doc,
        rules: ctx.rules,
        opts: &opts,
    };
    let text = &ctx.doc.text;
    let mut cands: Vec<(usize, usize, usize, Value, Option<usize>)> = Vec::new();
    for (ri, rule) in ctx.rules.date_rules.iter().enumerate() {
        let found: Box<dyn Iterator<Item = Found<'_>>> =
            match numeric.iter_mut().find(|(r, _)| *r == ri) {
                Some((_, all)) => Box::new(std::mem::take(all).into_iter()),
                None => Box::new(matches(rule, text, &triggers).into_iter()),
            };
        for caps in found {
            let caps = Groups::of(&ctx.rules.date_rules[ri], &caps);
            let m = caps.get(0).unwrap();
            // A date does not run over a blank line: "Tuesday, 1 March", then "2000 GMT" (a
            // kick-off time) in the next paragraph.
            if m.as_str().split('\n').skip(1).any(|l| l.trim().is_empty()) {
                continue;
            }
            // Nor onto the number of a list's next item: "— end of June ⏎ 4. Draft the code".
            if let Some(d) = caps.name("day") {
                if text[..d.start()]
                    .trim_end_matches([' ', '\t'])
                    .ends_with('\n')
                    && d.end() == m.end()
                    && text[d.end()..].starts_with(['.', ')'])
                {
                    continue;
                }
            }
            // Nor over a sentence's end after its month: "to 31 August. Last year's season"
            // (but "Jan. 5, 2020").
            if let Some(mo) = caps.name("month") {
                let after = &text[mo.end()..m.end()];
                if after
                    .strip_prefix('.')
                    .map(|r| r.trim_start())
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
                {
                    continue;
                }
            }
            // Nor does its year open a numeric date: "around 2026" of "around 2026-05-04" (but
            // "1905-1908" is a range, "FY2023/24" a split year).
            let b = text.as_bytes();
            let tail = &b[m.start()..m.end()];
            let next = &b[m.end()..(m.end() + 5).min(b.len())];
            let numeric_date = |n: &[u8]| {
                matches!(n, [s, d1, d2, t, d3, ..]
                    if matches!(s, b'-' | b'/' | b'.') && s == t
                        && d1.is_ascii_digit() && d2.is_ascii_digit() && d3.is_ascii_digit())
            };
            if tail.len() >= 4
                && tail[tail.len() - 4..].iter().all(u8::is_ascii_digit)
                && numeric_date(next)
            {
                continue;
            }
            // (A year before 1600 is bare after its context word or modifier too: "in 1345",
            // but "about 1230 GMT" is a time.)
            let year = caps.name("year");
            let bare = year.is_some_and(|y| {
                (y.start() == m.start() && y.end() == m.end())
                    || (y.end() == m.end() && y.as_str() < "1600")
            });
            if bare && !bare_year_ok(ctx, m.start(), m.end()) {
                continue;
            }
            // A year at the end of a reference is no date: "NKDC/W/DDF/04/2025-26" (but a
            // day after a slash is: "on 19/20 February").
            if text[..m.start()].ends_with('/')
                && m.as_str().len() >= 4
                && m.as_str().as_bytes()[..4].iter().all(u8::is_ascii_digit)
            {
                continue;
            }
            // Nor a quarter glued to a code by a hyphen: "Ref. RBL-2025-Q3".
            if m.as_str().starts_with('Q')
                && text[..m.start()]
                    .strip_suffix('-')
                    .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphanumeric()))
            {
                continue;
            }
            if let Some(mut v) = build(ctx, &caps) {
                if flipped && v.note.is_some() {
                    v.note = Some(format!(
                        "numeric date read {} first: the document writes it so elsewhere",
                        if order == DateOrder::Mdy {
                            "month"
                        } else {
                            "day"
                        }
                    ));
                }
                // Context before the date (`pre`) is not part of its evidence.
                let start = caps.name("pre").map_or(m.start(), |p| p.end());
                let prev_word = text[..start]
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                // (Or a weekday alone before a noun that makes it a kind of day: "at Friday
                // prayers", "Sunday school".)
                // (Not after "on": "On Monday school inspectors said".)
                // (After "on" too, the parts of days in the plural: "on Saturday nights".)
                // (Or the first of two weekdays the part follows: "on Friday and Saturday
                // nights".)
                // (Or a day of opening hours: "Friday 10-16 and Saturday 11-15".)
                let kind_of_day = || {
                    matches!(v.rel, Some(Rel::Weekday { .. }))
                        && text[m.end()..].strip_prefix(' ').is_some_and(|r| {
                            if hours_range(r) {
                                return true;
                            }
                            let r = r
                                .strip_prefix("and ")
                                .or_else(|| r.strip_prefix("or "))
                                .and_then(|r2| r2.split_once(' '))
                                .filter(|(d, _)| {
                                    crate::text::with_lower(d, |l| {
                                        ctx.rules.weekdays.contains_key(l)
                                    })
                                })
                                .map_or(r, |(_, r2)| r2);
                            let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                            !w.is_empty()
                                && ctx.rules.recurring_after.contains(w)
                                && (matches!(w, "nights" | "evenings" | "mornings" | "afternoons")
                                    || !matches!(
                                        prev_word,
                                        "on" | "On"
                                            | "last"
                                            | "next"
                                            | "this"
                                            | "by"
                                            | "until"
                                            | "since"
                                    ))
                        })
                };
                // (Or a weekday that stands for any such day: "most Saturday nights"; but "at
                // a Monday rally" is that Monday's.)
                let any_day = || {
                    matches!(v.rel, Some(Rel::Weekday { .. }))
                        && (matches!(prev_word, "most" | "Most" | "any" | "Any")
                            // (Or one, any one: "what a Tuesday feels like", "on a Sunday in
                            // March"; but "attended a Sunday night memorial service" was
                            // that Sunday.)
                            || (matches!(prev_word, "a" | "A")
                                && matches!(
                                    text[..start]
                                        .trim_end()
                                        .strip_suffix(['a', 'A'])
                                        .unwrap_or("")
                                        .trim_end()
                                        .rsplit(' ')
                                        .next(),
                                    Some("on" | "On" | "what" | "What" | "like")
                                ))
                            // (Or one described: "on a wet Tuesday in February".)
                            || (prev_word.bytes().all(|b| b.is_ascii_lowercase()) && {
                                let mut ws = text[..start].trim_end().rsplit(' ').skip(1);
                                matches!(ws.next(), Some("a" | "an"))
                                    && matches!(ws.next(), Some("on" | "On" | "like"))
                            }))
                };
                // (Nor a weekday counted in its month, "the first Saturday of March", which is
                // no weekday near the publication date: the month stays a date of its own.)
                let counted_in_month = || {
                    matches!(v.rel, Some(Rel::Weekday { .. }))
                        && matches!(
                            prev_word.to_ascii_lowercase().as_str(),
                            "first" | "second" | "third" | "fourth" | "last"
                        )
                        && text[m.end()..].strip_prefix(" of ").is_some_and(|r| {
                            let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                            matches!(w, "the" | "each" | "every")
                                || crate::text::with_lower(w, |l| ctx.rules.months.contains_key(l))
                        })
                };
                // (Nor a case's or a file's number: "case no. 1-25-2017".)
                let number = || {
                    let before = text[..start].trim_end();
                    v.rel.is_none()
                        && ["no.", "No.", "nos.", "Nos.", "number", "Number"]
                            .iter()
                            .any(|p| {
                                before
                                    .strip_suffix(p)
                                    .is_some_and(|b| b.is_empty() || b.ends_with([' ', '(', '\n']))
                            })
                };
                // (Nor a season after an indefinite article, a kind of one: "a late-summer
                // phenomenon", "a spring tide".)
                let a_season = || {
                    caps.name("season").is_some()
                        && caps.name("year").is_none()
                        && matches!(prev_word, "a" | "an" | "A" | "An")
                };
                // (Nor a date without a year in a clause of what usually happens: "the
                // season, which usually runs from mid-January to late February", "held each
                // year at the end of August".)
                // (Only a month or a season: what usually happens on a weekday is written
                // in the plural, "on Mondays".)
                let habitual = || {
                    caps.name("year").is_none()
                        && (caps.name("month").is_some() || caps.name("season").is_some())
                        // (Not one placed by its own words: "next year", "this year".)
                        && !m.as_str().split(' ').next().is_some_and(|w| {
                            ["this", "next", "last", "coming", "past"]
                                .iter()
                                .any(|p| w.eq_ignore_ascii_case(p))
                        })
                        && {
                            let from = crate::text::floor_boundary(text, start.saturating_sub(70));
                            let before = &text[from..start];
                            let clause = before
                                .rsplit(['.', ';', '\n', '“', '"', '(', ')'])
                                .next()
                                .unwrap_or(before);
                            // (At the clause's start too: "“Every year we watched the sky
                            // from January", capitalised.)
                            let opening = clause.trim_start();
                            HABITUAL.iter().any(|w| {
                                clause.contains(w)
                                    || opening
                                        .get(..w.len() - 1)
                                        .is_some_and(|o| o.eq_ignore_ascii_case(&w[1..]))
                            })
                        }
                };
                // (Or a later weekday of a list after it: "every Saturday and Sunday", "every
                // Tuesday, Thursday and Saturday".)
                let coordinated_recurring = || {
                    if !matches!(v.rel, Some(Rel::Weekday { .. })) {
                        return false;
                    }
                    let mut days = 0;
                    for (k, w) in text[..start].trim_end().rsplit(' ').take(12).enumerate() {
                        let bare = w.trim_end_matches(',');
                        if k == 0 && bare.len() == w.len() && !matches!(w, "and" | "or") {
                            return false;
                        }
                        if matches!(bare, "and" | "or" | "&") {
                            continue;
                        }
                        if crate::text::with_lower(bare, |l| ctx.rules.weekdays.contains_key(l)) {
                            days += 1;
                            continue;
                        }
                        return days > 0
                            && crate::text::with_lower(bare, |l| ctx.rules.recurring.contains(l));
                    }
                    false
                };
                // (Or a count of them after it: "every second Tuesday", "every other week".)
                // (Or of several counts: "every second and fourth Saturday".)
                let every_nth = || {
                    let nth = |w: &str| {
                        matches!(
                            w,
                            "other"
                                | "first"
                                | "second"
                                | "third"
                                | "fourth"
                                | "last"
                                | "alternate"
                        )
                    };
                    nth(prev_word) && {
                        let mut ws = text[..start]
                            .trim_end()
                            .rsplit(' ')
                            .map(|w| w.trim_end_matches(','))
                            .take(6)
                            .skip_while(|w| nth(w) || matches!(*w, "and" | "or" | "&"));
                        ws.next().is_some_and(|w| {
                            crate::text::with_lower(w, |l| ctx.rules.recurring.contains(l))
                        })
                    }
                };
                if crate::text::with_lower(prev_word, |l| ctx.rules.recurring.contains(l))
                    || every_nth()
                    || coordinated_recurring()
                    || recurring_range(ctx, start, m.end())
                    || habitual()
                    || kind_of_day()
                    || a_season()
                    || any_day()
                    || counted_in_month()
                    || number()
                {
                    continue;
                }
                // Where its weekday is another date's ("next Saturday, 21 February"), the
                // date without it.
                let unweekdayed = caps
                    .name("weekday")
                    .filter(|w| w.start() == start)
                    .and_then(|_| {
                        [caps.name("day"), caps.name("month")]
                            .into_iter()
                            .flatten()
                            .map(|g| g.start())
                            .min()
                    });
                cands.push((start, m.end(), ri, v, unweekdayed));
            }
        }
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<DateMention> = Vec::new();
    let mut last_end = 0;
    for (s, e, ri, v, unweekdayed) in cands {
        let s = match unweekdayed {
            Some(u) if s < last_end && u >= last_end => u,
            _ => s,
        };
        if s < last_end {
            continue;
        }
        last_end = e;
        let mut rule = ctx.rules.date_rules[ri].id.clone();
        let rel = v.rel.map(|r| {
            let tense = || tense(ctx, s, e);
            match r {
                Rel::Weekday {
                    weekday,
                    dir: 0,
                    strict,
                } => Rel::Weekday {
                    weekday,
                    dir: tense(),
                    strict,
                },
                Rel::Month {
                    month,
                    day,
                    dir: 0,
                    strict,
                } => Rel::Month {
                    month,
                    day,
                    dir: tense(),
                    strict,
                },
                Rel::Holiday { holiday, dir: 0 } => Rel::Holiday {
                    holiday,
                    dir: tense(),
                },
                Rel::Weekend { dir: 0 } => Rel::Weekend {
                    // With no tense cue the latest: news reports what happened.
                    dir: if tense() > 0 { 1 } else { -1 },
                },
                Rel::Season {
                    month,
                    dir: 0,
                    strict,
                } => Rel::Season {
                    month,
                    dir: tense(),
                    strict,
                },
                other => other,
            }
        });
        let publication = if rel.is_none() && (v.granularity == "day" || v.granularity == "month") {
            publication_cue(ctx, s, e, v.granularity == "day").map(|(k, r)| {
                rule = r.to_string();
                k
            })
        } else if matches!(rel, Some(Rel::Month { day: Some(_), .. }))
            // (A dateline stands near the top: one look at the paragraph first.)
            && ctx.doc.paragraph_at(s).is_some_and(|p| p <= 3)
        {
            // A wire dateline writes no year: "AMMAN, Jan 22 (Reuters) –". It dates the
            // document where a manifest gives the year (see `resolve`); alone it cannot.
            publication_cue(ctx, s, e, true)
                .filter(|&(_, r)| r == "dates.dateline")
                .map(|(k, r)| {
                    rule = r.to_string();
                    k
                })
        } else {
            None
        };
        out.push(DateMention {
            start: s,
            end: e,
            value: v.value,
            mod_: v.mod_,
            granularity: v.granularity,
            rule,
            publication,
            note: v.note,
            rel,
        });
    }
    range_days(text, &mut out);
    carry_years(text, &mut out);
    year_of_clause(text, &mut out);
    out
}

/// A month (and day) after "last year", "next year" or "this year" in its clause is of that
/// year, where the tense agrees: "Last year I crossed on the ninth of December".
fn year_of_clause(text: &str, out: &mut [DateMention]) {
    for i in 1..out.len() {
        let (a, b) = (&out[i - 1], &out[i]);
        let Some(Rel::Offset(crate::rules::Unit::Year, years)) = a.rel else {
            continue;
        };
        let Some(Rel::Month {
            month, day, dir, ..
        }) = b.rel
        else {
            continue;
        };
        // (Not against the clause's tense: "Last year was hard and in March we will try".)
        if (years < 0 && dir > 0) || (years > 0 && dir < 0) {
            continue;
        }
        // ("The past year": a period, not the calendar's.)
        if !text[a.start..a.end].to_ascii_lowercase().ends_with(" year") || a.mod_.is_some() {
            continue;
        }
        let between = &text[a.end..b.start];
        if between.len() > 60 || between.contains(['.', ';', '!', '?', '\n', ',']) {
            continue;
        }
        // (Nor across a clause of its own: "the final last year when they host Spain on
        // September 28", "set aside money this year and would hold a meeting in January".)
        let clause = between.split_whitespace().any(|w| {
            matches!(
                w,
                "when"
                    | "where"
                    | "who"
                    | "which"
                    | "that"
                    | "if"
                    | "before"
                    | "after"
                    | "until"
                    | "and"
                    | "but"
            )
        });
        if clause {
            continue;
        }
        out[i].rel = Some(Rel::MonthOf { month, day, years });
    }
}

/// The same month (and its resolution) on day `d`: the other end of a range of days.
fn other_day(rel: &Option<Rel>, d: u32) -> Option<Rel> {
    match *rel {
        Some(Rel::Month {
            month, dir, strict, ..
        }) => Some(Rel::Month {
            month,
            day: Some(d),
            dir,
            strict,
        }),
        _ => None,
    }
}

/// Words that join the two ends of a range of days.
const RANGE_JOINS: &[&str] = &["-", "–", "to", "and", "until", "till", "through"];

/// The day that opens or closes a range whose month is written once: "between 26 and 30 May",
/// "3–5 June 2025" (the first day takes the month and year of the date after it), "September
/// 13 to 21, 2025" (the last day takes the month before it, and gives both its year).
fn range_days(text: &str, out: &mut Vec<DateMention>) {
    let day_number = |w: &str| {
        let d = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && {
            let v: u32 = d.parse().unwrap_or(0);
            (1..=31).contains(&v)
        }
    };
    let mut added = Vec::new();
    for i in 0..out.len() {
        let a = &out[i];
        if a.granularity != "day" || a.publication.is_some() {
            continue;
        }
        let (year, month, day) = match (&a.rel, parse_iso(&a.value)) {
            (None, Some((y, m, d))) => (Some(y), m, d),
            (
                Some(Rel::Month {
                    month,
                    day: Some(d),
                    ..
                }),
                _,
            ) => (None, *month, *d),
            _ => continue,
        };
        let written = &text[a.start..a.end];
        // The other end, at `[s, e)`: day `d` of the month, in year `y` when it is known.
        let other_end =
            |s: usize, e: usize, y: Option<i32>, d: u32, rel: &Option<Rel>| DateMention {
                start: s,
                end: e,
                value: y
                    .map(|y| format!("{y:04}-{month:02}-{d:02}"))
                    .unwrap_or_default(),
                mod_: None,
                granularity: "day",
                rule: "dates.range-day".to_string(),
                publication: None,
                note: None,
                rel: if y.is_some() { None } else { other_day(rel, d) },
            };
        if written.starts_with(|c: char| c.is_ascii_digit()) {
            // "26 and 30 May": a day, a join, the date.
            let before =
                &text[crate::text::floor_boundary(text, a.start.saturating_sub(24))..a.start];
            let mut words = before.split_whitespace().rev();
            let (Some(join), Some(first)) = (words.next(), words.next()) else {
                continue;
            };
            // (The join may be glued to the first day: "3–5 June".)
            let (first, join) = match RANGE_JOINS
                .iter()
                .find(|j| join.ends_with(**j) && join.len() > j.len())
            {
                Some(j) if j.len() <= 3 => (&join[..join.len() - j.len()], *j),
                _ => (first, join),
            };
            // (In brackets: "(14–16 April)".)
            let first = first.strip_prefix('(').unwrap_or(first);
            if !RANGE_JOINS.contains(&join)
                || !day_number(first)
                || !before.ends_with(' ') && !before.ends_with(['-', '–'])
            {
                continue;
            }
            let fs = before.rfind(first).map(|k| a.start - before.len() + k);
            let Some(fs) = fs else { continue };
            let fe = fs + first.len();
            let d: u32 = first
                .trim_end_matches(char::is_alphabetic)
                .parse()
                .unwrap_or(0);
            // (Not a number of a larger one: "1,26 and 30 May".)
            let prev = text[..fs].chars().next_back();
            // (Nor the day of a date before: "September 3 to 21 October".)
            let taken = i > 0 && out[i - 1].end > fs;
            if d == 0
                || d >= day
                || taken
                || prev
                    .is_some_and(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '£' | '$' | '€'))
            {
                continue;
            }
            added.push(other_end(fs, fe, year, d, &a.rel));
        } else if year.is_none() {
            // "September 13 to 21, 2025": the date, a join, a day and maybe a year.
            let after =
                &text[a.end..crate::text::floor_boundary(text, (a.end + 24).min(text.len()))];
            let mut words = after.split_whitespace();
            let (Some(join), Some(last)) = (words.next(), words.next()) else {
                continue;
            };
            let last_bare = last.trim_end_matches([',', '.', ';']);
            if !RANGE_JOINS.contains(&join) || !day_number(last_bare) {
                continue;
            }
            let d: u32 = last_bare
                .trim_end_matches(char::is_alphabetic)
                .parse()
                .unwrap_or(0);
            let Some(k) = after.find(last_bare) else {
                continue;
            };
            let ls = a.end + k;
            let le = ls + last_bare.len();
            // (A month after it starts a date of its own: "13 to 21 October".)
            if d <= day || out.get(i + 1).is_some_and(|b| b.start < le + 12) {
                continue;
            }
            let rest = text[le..].trim_start_matches(',').trim_start();
            let y = rest
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                .filter(|_| {
                    rest[4..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (1600..=2099).contains(y));
            if let Some(y) = y {
                out[i].value = format!("{y:04}-{month:02}-{day:02}");
                out[i].rel = None;
            }
            let a = &out[i];
            added.push(other_end(ls, le, y, d, &a.rel));
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|d| d.start);
    }
}

/// Which mention is the publication date: the earliest "published" one, else the earliest
/// "updated" one.
pub fn choose_publication(dates: &[DateMention]) -> Option<usize> {
    // A line that says the document was published outranks a dateline, which may date the
    // events ("Douglas, Tuesday, 18th November 2025" of a Hansard report "Published by the
    // Clerk's Office, 20th November 2025"); a place and date where the document is signed
    // count last.
    let rank = |d: &DateMention| match d.rule.as_str() {
        "dates.publication-line" => 0,
        "dates.sign-off" => 2,
        // (The date a ruling or a paper bears counts with a dateline: "Date of judgment:
        // 14.11.2024" under "Published 18 November 2024".)
        _ => 1,
    };
    let pick = |kind: PubKind| {
        dates
            .iter()
            .enumerate()
            .filter(|(_, d)| d.publication == Some(kind) && !d.value.is_empty())
            .min_by(|a, b| {
                rank(a.1)
                    .cmp(&rank(b.1))
                    .then(a.1.value.cmp(&b.1.value))
                    .then(a.0.cmp(&b.0))
            })
            .map(|(i, _)| i)
    };
    pick(PubKind::Published).or_else(|| pick(PubKind::Updated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::extract::ExtractOptions;
    use crate::extract::TestDoc;
    use crate::rules::trigger;
    use crate::rules::Rules;
    use crate::text::Document;

    fn dates_with(s: &str, order: DateOrder) -> Vec<(String, String, Option<&'static str>)> {
        let t = TestDoc::with_options(s, ExtractOptions { date_order: order });
        let ctx = t.ctx();
        let doc = &t.doc;
        extract(&ctx)
            .into_iter()
            .map(|d| {
                (
                    doc.text[d.start..d.end].to_string(),
                    d.value,
                    d.mod_.map(|m| m.as_str()),
                )
            })
            .collect()
    }

    #[test]
    fn built_in_rules_have_trigger_classes() {
        let rules = Rules::builtin();
        let class = |id: &str| {
            rules
                .date_rules
                .iter()
                .find(|r| r.id == id)
                .unwrap()
                .triggers
        };
        assert!(rules.date_rules.iter().all(|r| r.triggers != 0));
        // A year in words is searched near its first word, rarer than months.
        assert_eq!(class("dates.month-spelled-year"), trigger::CENTURY);
        assert_eq!(class("dates.spelled-year"), trigger::CENTURY);
        assert_eq!(class("dates.weekday"), trigger::WEEKDAY);
        // A holiday is looked for near its trigger word: "Palm Sunday" near "palm", not near
        // every Sunday.
        let word = |w: &str| rules.date_triggers.get(w).copied().unwrap_or(0);
        assert_ne!(word("palm") & trigger::HOLIDAY, 0);
        assert_eq!(word("sunday") & trigger::HOLIDAY, 0);
        assert_ne!(word("christmas") & trigger::HOLIDAY, 0);
        // A year is four digits in one word, rarer than digits.
        assert_eq!(class("dates.year"), trigger::YEAR);
        assert_eq!(class("dates.iso"), trigger::YEAR);
        assert_eq!(class("dates.decade"), trigger::YEAR);
        // Months are rarer than digits in text, so a day-month-year is searched near months.
        assert_eq!(class("dates.day-month-year"), trigger::MONTH);
        // "three weeks ago": near the direction word, with a unit word near too.
        assert_eq!(class("dates.relative-count"), trigger::DIRECTION);
        assert_eq!(class("dates.modified-year"), trigger::MOD);
        assert_eq!(class("dates.relative-unit"), trigger::SHIFT);
        assert_eq!(class("dates.relative-day"), trigger::RELDAYS);
        let also = |id: &str| &rules.date_rules.iter().find(|r| r.id == id).unwrap().also;
        // Searched near months, and only where a day's digits and a year are near too.
        assert_eq!(
            also("dates.day-month-year"),
            &[trigger::DIGIT, trigger::YEAR]
        );
        assert_eq!(also("dates.month-year"), &[trigger::YEAR]);
        assert_eq!(also("dates.relative-count"), &[trigger::UNIT]);
        let reach = |id: &str| rules.date_rules.iter().find(|r| r.id == id).unwrap().reach;
        // A bare year is its four digits; a numeric date ends with its year; a weekday's
        // modifier and spaces ("next   Monday") are unbounded before it.
        assert_eq!(reach("dates.year"), (Some(4), Some(4)));
        assert_eq!(reach("dates.numeric-slash"), (None, Some(4)));
        assert_eq!(reach("dates.weekday").0, None);
        assert_eq!(also("dates.relative-unit"), &[trigger::UNIT]);
        assert!(also("dates.weekday").is_empty());
    }

    #[test]
    fn a_window_without_every_needed_word_is_not_searched() {
        let rules = Rules::builtin();
        let rule = rules
            .date_rules
            .iter()
            .find(|r| r.id == "dates.day-month-year")
            .unwrap();
        let search = |s: &str| {
            let t = TestDoc::new(s);
            let triggers = date_triggers(&t.ctx());
            windows(
                &t.doc.text,
                &triggers,
                rule.triggers,
                &rule.also,
                rule.reach,
            )
        };
        // A month and a day but no year: nothing for this rule to find.
        assert!(search("They met on 15 March at noon.").is_empty());
        assert_eq!(search("They met on 15 March 2024 at noon.").len(), 1);
    }

    #[test]
    fn rules_that_need_a_rare_byte_know_it() {
        let rules = Rules::builtin();
        let needs = |id: &str| {
            let r = rules.date_rules.iter().find(|r| r.id == id).unwrap();
            r.needs.clone()
        };
        assert!(needs("dates.numeric-slash").contains(&b"/".to_vec()));
        assert!(needs("dates.iso").contains(&b"-".to_vec()));
        assert!(needs("dates.quarter").contains(&b"Qq".to_vec()));
        // Words can be any case, and a case-insensitive "s" is also "ſ": no set.
        assert!(needs("dates.weekday").is_empty());
    }

    #[test]
    fn a_rule_without_trigger_words_knows_its_first_words() {
        let hir = |p: &str| regex_syntax::parse(p).unwrap();
        let words = |p: &str| trigger::prefixes(&hir(p));
        assert_eq!(
            words(r"\b(?:Fiscal|FISCAL)\s+[0-9]+"),
            Some(vec![b"Fiscal".to_vec(), b"FISCAL".to_vec()])
        );
        // Too many forms (every case of every letter), or none: no filter.
        assert_eq!(words(r"(?i)\bfiscal\s+[0-9]+"), None);
        assert_eq!(words(r"\b\w+day\b"), None);
        // The filter keeps every match: a text without the words has none.
        let rule = |p: &str| crate::rules::DateRule {
            id: "test".into(),
            regex: regex::Regex::new(p).unwrap(),
            triggers: 0,
            also: Vec::new(),
            groups: Vec::new(),
            reach: (None, None),
            needs: Vec::new(),
            prefixes: words(p),
        };
        let r = rule(r"\b(?:Fiscal|FISCAL)\s+[0-9]+");
        assert_eq!(matches(&r, "Fiscal 2024 and FISCAL 2025", &[]).len(), 2);
        assert!(matches(&r, "fiscal 2024", &[]).is_empty());
    }

    #[test]
    fn windowed_search_finds_what_a_whole_text_search_finds() {
        let mut s = String::from("Filler words without any calendar content here. ");
        for chunk in [
            "In the beginning of last March, on Thursday's  vote, 12/03/2024 and 3.4.2021 met ",
            "the 1990s; mid-2019, Q3 2020, 2023/24, 2024-05-06 and two weeks ago. ",
            "Yesterday, next week, this spring and the summer of 2020 came up; ",
            "June last year, March 3, 2019 and the 4th of July 1999 too. ",
            "Élan café naïve words with no dates at all, more filler and more filler. ",
            // Word boundaries right at a window's edge.
            "in 2019_x, x2019, 2019é, (2019), 1999-2000, 12/03/2024_ and 2024-05-06x; ",
            // Rules that need a byte ("/", "-", "Q") next to windows without it.
            "q4 2021, 2019 / 20, 2019-20, 2020 Q, 1/2 2020, 2020-1-1 and 03/04 2022. ",
        ] {
            s.push_str(&chunk.repeat(3));
        }
        let t = TestDoc::new(&s);
        let ctx = t.ctx();
        let triggers = date_triggers(&ctx);
        let text = &t.doc.text;
        for rule in &ctx.rules.date_rules {
            // Every group's span, not only the whole match's.
            let whole: Vec<Vec<Option<(usize, usize)>>> = rule
                .regex
                .captures_iter(text)
                .map(|c| c.iter().map(|g| g.map(|m| (m.start(), m.end()))).collect())
                .collect();
            let windowed: Vec<_> = matches(rule, text, &triggers)
                .into_iter()
                .map(|f| f.spans)
                .collect();
            assert_eq!(windowed, whole, "{}", rule.id);
        }
    }

    fn dates(s: &str) -> Vec<(String, String, Option<&'static str>)> {
        dates_with(s, DateOrder::Dmy)
    }

    fn d(t: &str, v: &str, m: Option<&'static str>) -> (String, String, Option<&'static str>) {
        (t.into(), v.into(), m)
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            dates("On 15 October 2019 and October 15, 2019, then 15th Oct 2019 and Oct. 2011."),
            vec![
                d("15 October 2019", "2019-10-15", None),
                d("October 15, 2019", "2019-10-15", None),
                d("15th Oct 2019", "2019-10-15", None),
                d("Oct. 2011", "2011-10", None),
            ]
        );
    }

    #[test]
    fn numeric_forms_follow_the_date_order() {
        assert_eq!(
            dates("Date: Tue, 15/10/2019 and 2019-10-15 and 04.11.2019"),
            vec![
                d("Tue, 15/10/2019", "2019-10-15", None),
                d("2019-10-15", "2019-10-15", None),
                d("04.11.2019", "2019-11-04", None),
            ]
        );
        assert_eq!(
            dates_with("on 04/11/2019", DateOrder::Mdy),
            vec![d("04/11/2019", "2019-04-11", None)]
        );
        assert!(dates("13/25/2020").is_empty());
    }

    #[test]
    fn years_with_parts_decades_quarters() {
        assert_eq!(
            dates("early 2016, mid-2020, late 2019, the 1990s, 2023/24, Q3 2024, in 2016."),
            vec![
                d("early 2016", "2016", Some("START")),
                d("mid-2020", "2020", Some("MID")),
                d("late 2019", "2019", Some("END")),
                d("the 1990s", "199", None),
                d("2023/24", "2023", None),
                d("Q3 2024", "2024", Some("MID")),
                d("2016", "2016", None),
            ]
        );
    }

    #[test]
    fn never_dates() {
        assert!(
            dates("Tel: 01206 878178, £2016, 2016%, 3-1, 1.2019, postcode PR7 7NA, £3.5m")
                .is_empty()
        );
    }

    #[test]
    fn publication_lines_and_datelines() {
        let rules = Rules::builtin();
        let text = "NORTHFOLD, 12 March 2024 — Text.\n\nPublished: 13 January 2025\nLast updated: 15 October 2019\n";
        let doc = Document::new("t", decode(text.as_bytes()).unwrap(), &rules);
        let opts = ExtractOptions::default();
        let ctx = Context {
            doc: &doc,
            rules: &rules,
            opts: &opts,
        };
        let ds = extract(&ctx);
        assert_eq!(ds.len(), 3);
        assert_eq!(ds[0].rule, "dates.dateline");
        assert_eq!(ds[1].publication, Some(PubKind::Published));
        assert_eq!(ds[2].publication, Some(PubKind::Updated));
        // A line that says "Published" wins over a dateline (which may date the events), and
        // over an update.
        assert_eq!(choose_publication(&ds), Some(1));
        // Among lines of one kind, the earliest date.
        let text = "Published: 13 January 2025\nFirst published: 12 January 2025\n";
        let doc = Document::new("t", decode(text.as_bytes()).unwrap(), &rules);
        let ctx = Context {
            doc: &doc,
            rules: &rules,
            opts: &opts,
        };
        assert_eq!(choose_publication(&extract(&ctx)), Some(1));
    }

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            civil_from_days(days_from_civil(2024, 2, 29) + 1),
            (2024, 3, 1)
        );
        assert_eq!(
            civil_from_days(days_from_civil(2025, 1, 1) - 1),
            (2024, 12, 31)
        );
        // ISO weeks: 30 December 2024 opens 2025-W01; 1 January 2021 is in 2020-W53.
        assert_eq!(iso_week(2024, 12, 30), (2025, 1));
        assert_eq!(iso_week(2021, 1, 1), (2020, 53));
        assert_eq!(iso_week(2025, 1, 13), (2025, 3));
        assert_eq!(parse_iso("2025-01-13"), Some((2025, 1, 13)));
        assert_eq!(parse_iso("2025-02-30"), None);
        assert_eq!(parse_iso(""), None);
    }

    #[test]
    fn relative_resolution() {
        // Anchor: Monday 13 January 2025.
        let a = (2025, 1, 13);
        let r = |rel| resolve_relative(rel, a);
        assert_eq!(r(Rel::Offset(Unit::Day, -1)), "2025-01-12");
        assert_eq!(r(Rel::Offset(Unit::Day, -13)), "2024-12-31");
        assert_eq!(r(Rel::Offset(Unit::Week, -1)), "2025-W02");
        assert_eq!(r(Rel::Offset(Unit::Week, -2)), "2025-W01");
        assert_eq!(r(Rel::Offset(Unit::Week, -3)), "2024-W52");
        assert_eq!(r(Rel::Offset(Unit::Month, -1)), "2024-12");
        assert_eq!(r(Rel::Offset(Unit::Month, 12)), "2026-01");
        assert_eq!(r(Rel::Offset(Unit::Year, -2)), "2023");
        let wd = |weekday, dir, strict| Rel::Weekday {
            weekday,
            dir,
            strict,
        };
        assert_eq!(r(wd(2, -1, false)), "2025-01-07"); // Tuesday, past
        assert_eq!(r(wd(2, 1, false)), "2025-01-14"); // Tuesday, future
        assert_eq!(r(wd(1, -1, false)), "2025-01-13"); // Monday, past: the day itself
        assert_eq!(r(wd(1, -1, true)), "2025-01-06"); // last Monday
        assert_eq!(r(wd(1, 1, true)), "2025-01-20"); // next Monday
        assert_eq!(r(wd(5, 0, false)), "2025-01-10"); // no tense: the latest
        let mo = |month, day, dir| Rel::Month {
            month,
            day,
            dir,
            strict: false,
        };
        assert_eq!(r(mo(6, None, -1)), "2024-06");
        assert_eq!(r(mo(6, None, 1)), "2025-06");
        assert_eq!(r(mo(1, None, -1)), "2025-01"); // the publication month itself
                                                   // Next to the publication date the nearest reading wins whatever the tense.
        assert_eq!(r(mo(2, None, -1)), "2025-02");
        assert_eq!(r(mo(12, Some(20), 1)), "2024-12-20");
        assert_eq!(r(mo(3, Some(20), -1)), "2024-03-20");
        // Within two months the nearest reading wins: payment dates, deadlines.
        assert_eq!(r(mo(3, Some(10), -1)), "2025-03-10");
        assert_eq!(r(mo(2, Some(29), 1)), ""); // no 29 February in 2025
        assert_eq!(
            r(Rel::Month {
                month: 1,
                day: None,
                dir: -1,
                strict: true
            }),
            "2024-01"
        ); // last January
           // Saturday 25 April: 2026 is the nearest year where it is a Saturday.
        assert_eq!(
            r(Rel::WeekdayDate {
                month: 4,
                day: 25,
                weekday: 6
            }),
            "2026-04-25"
        );
        assert_eq!(
            r(Rel::MonthOf {
                month: 6,
                day: None,
                years: -1
            }),
            "2024-06"
        );
        let season = |dir, strict| Rel::Season {
            month: 6,
            dir,
            strict,
        };
        assert_eq!(r(season(-1, true)), "2024"); // last summer
        assert_eq!(r(season(1, true)), "2025"); // next summer

        // Within the season itself: the one before, the one after.
        let autumn = |dir| Rel::Season {
            month: 9,
            dir,
            strict: true,
        };
        assert_eq!(resolve_relative(autumn(-1), (2025, 10, 8)), "2024");
        assert_eq!(resolve_relative(autumn(1), (2025, 10, 8)), "2026");
        assert_eq!(resolve_relative(autumn(-1), (2025, 8, 8)), "2024");
    }

    fn tense_of(s: &str, word: &str) -> i32 {
        let t = TestDoc::new(s);
        let ctx = t.ctx();
        let i = s.find(word).unwrap();
        tense(&ctx, i, i + word.len())
    }

    #[test]
    fn tense_heuristic() {
        assert_eq!(tense_of("The board met on Tuesday.", "Tuesday"), -1);
        assert_eq!(tense_of("The board will meet on Tuesday.", "Tuesday"), 1);
        assert_eq!(tense_of("They’ll vote on Tuesday.", "Tuesday"), 1);
        assert_eq!(
            tense_of("The board is going to meet on Tuesday.", "Tuesday"),
            1
        );
        assert_eq!(tense_of("The hall was closed on Tuesday.", "Tuesday"), -1);
        assert_eq!(tense_of("Residents protested on Tuesday.", "Tuesday"), -1);
        // A past form in a future verb group stays future.
        assert_eq!(tense_of("The vote will be held on Tuesday.", "Tuesday"), 1);
        assert_eq!(tense_of("Budget talks on Tuesday.", "Tuesday"), 0);
        assert_eq!(
            tense_of("Unions were planning a march on Saturday.", "Saturday"),
            1
        );
        // Deadline words count only right before the date.
        assert_eq!(tense_of("Payment is due by Friday.", "Friday"), 1);
        assert_eq!(
            tense_of("He was rescued Friday by fishermen.", "Friday"),
            -1
        );
    }

    #[test]
    fn relative_mentions_wait_for_an_anchor() {
        let rules = Rules::builtin();
        let doc = Document::new(
            "t",
            decode("They met yesterday; the shop reopens next month.".as_bytes()).unwrap(),
            &rules,
        );
        let opts = ExtractOptions::default();
        let ctx = Context {
            doc: &doc,
            rules: &rules,
            opts: &opts,
        };
        let ds = extract(&ctx);
        assert_eq!(ds.len(), 2);
        assert!(ds.iter().all(|d| d.value.is_empty() && d.rel.is_some()));
        assert_eq!(ds[0].rel, Some(Rel::Offset(Unit::Day, -1)));
        assert_eq!(ds[1].rel, Some(Rel::Offset(Unit::Month, 1)));
        assert_eq!(ds[1].granularity, "month");
    }

    #[test]
    fn never_dates_more() {
        assert!(
            dates("He served 10 years and five or more years; at 10:30 it was 3-1.").is_empty()
        );
        assert!(dates("Version 2.2019 shipped; 0800 2019 123; case 2019/12.").is_empty());
        assert!(dates("Every Wednesday; years ago; now.").is_empty());
    }

    #[test]
    fn weekday_arithmetic() {
        assert_eq!(weekday_of(2019, 10, 15), 2); // a Tuesday
        assert_eq!(weekday_of(2024, 2, 29), 4); // a Thursday
    }

    #[test]
    fn holiday_arithmetic() {
        use crate::rules::Holiday;
        // Easter Sundays from published tables.
        for (y, m, d) in [
            (2000, 4, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), (m, d), "{y}");
        }
        let nth = |month, weekday, nth| Holiday::Nth {
            month,
            weekday,
            nth,
        };
        assert_eq!(holiday_date(nth(11, 4, 4), 2024), Some((11, 28))); // Thanksgiving
        assert_eq!(holiday_date(nth(1, 1, 3), 2024), Some((1, 15))); // Martin Luther King Day
        assert_eq!(holiday_date(nth(5, 1, -1), 2025), Some((5, 26))); // Memorial Day
        assert_eq!(holiday_date(Holiday::Easter(-2), 2024), Some((3, 29))); // Good Friday
        assert_eq!(holiday_date(Holiday::Easter(-47), 2024), Some((2, 13))); // Shrove Tuesday
                                                                             // Without a year: the tense picks the side of the anchor.
        let xmas = Holiday::Fixed { month: 12, day: 25 };
        let r = |dir| resolve_relative(Rel::Holiday { holiday: xmas, dir }, (2024, 3, 12));
        assert_eq!(r(-1), "2023-12-25");
        assert_eq!(r(1), "2024-12-25");
        assert_eq!(r(0), "2023-12-25");
    }
}
