//! Dates: calendar expressions found by the patterns of `dates/patterns.toml`, normalised to
//! TIMEX3-style values, and the document's publication date.

use super::{Context, DateOrder};
use crate::rules::{Mod, PubKind};

/// One date expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Text offsets of the expression.
    pub start: usize,
    pub end: usize,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a decade `YYY`, or empty when unresolved.
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
}

fn days_in_month(y: i32, m: u32) -> u32 {
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
}

fn month_number(ctx: &Context<'_>, s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    ctx.rules.months.get(&s.to_lowercase()).copied()
}

fn build(ctx: &Context<'_>, caps: &regex::Captures<'_>) -> Option<Value> {
    let get = |n: &str| caps.name(n).map(|m| m.as_str());
    let mut mod_ = get("mod").and_then(|m| {
        let k = m.trim().trim_end_matches('-').trim().to_lowercase();
        ctx.rules
            .modifiers
            .get(&k)
            .or_else(|| ctx.rules.modifiers.get(&format!("{k}-")))
            .copied()
    });
    if let Some(dec) = get("decade") {
        return Some(Value {
            value: dec[..3].to_string(),
            mod_,
            granularity: "decade",
            note: None,
        });
    }
    let year: i32 = get("year")?.parse().ok()?;
    if let Some(q) = get("quarter") {
        mod_ = Some(match &q[1..] {
            "1" => Mod::Start,
            "4" => Mod::End,
            _ => Mod::Mid,
        });
        return Some(Value {
            value: format!("{year:04}"),
            mod_,
            granularity: "year",
            note: None,
        });
    }
    let mut note = None;
    let (month, day) = if let (Some(n1), Some(n2)) = (get("n1"), get("n2")) {
        let (a, b): (u32, u32) = (n1.parse().ok()?, n2.parse().ok()?);
        let (d, m) = match ctx.opts.date_order {
            DateOrder::Dmy => (a, b),
            DateOrder::Mdy => (b, a),
        };
        let valid = |d: u32, m: u32| (1..=12).contains(&m) && d >= 1 && d <= days_in_month(year, m);
        if valid(d, m) {
            if valid(m, d) && d != m {
                note = Some(format!(
                    "ambiguous numeric date read as {} (--date-order)",
                    match ctx.opts.date_order {
                        DateOrder::Dmy => "day/month",
                        DateOrder::Mdy => "month/day",
                    }
                ));
            }
            (Some(m), Some(d))
        } else if valid(m, d) {
            note = Some(
                "numeric date read in the other order: the first reading is impossible".into(),
            );
            (Some(d), Some(m))
        } else {
            return None;
        }
    } else {
        let month = match get("month") {
            Some(m) => Some(month_number(ctx, m.trim_end_matches('.'))?),
            None => None,
        };
        let day = match get("day") {
            Some(d) => Some(
                d.trim_end_matches(|c: char| c.is_alphabetic())
                    .parse::<u32>()
                    .ok()?,
            ),
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
    })
}

/// Checks that a bare number really is a year, not money, a percentage or part of a number.
fn bare_year_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let prev = before.chars().next_back();
    if matches!(
        prev,
        Some('£' | '$' | '€' | '#' | '.' | ',' | '+' | '-' | '/')
    ) {
        return false;
    }
    let after = &text[end..];
    let mut chars = after.chars();
    match chars.next() {
        Some('%') => return false,
        Some('.' | ',' | ':' | '-' | '/') if chars.next().is_some_and(|c| c.is_ascii_digit()) => {
            return false;
        }
        _ => {}
    }
    let next_word = after
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !matches!(
        next_word.as_str(),
        "per" | "percent" | "pounds" | "dollars" | "euros" | "km" | "miles" | "metres" | "feet"
    )
}

/// The cue opening the line before `start`, if the line states a publication date.
fn publication_cue(ctx: &Context<'_>, start: usize) -> Option<(PubKind, &'static str)> {
    let text = &ctx.doc.text;
    // A cue or a dateline is short: a long run of text before the date is neither (and
    // searching it for every date of a run-on line would be quadratic).
    let mut from = start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let line_start = match text[from..start].rfind('\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let prefix = text[line_start..start]
        .trim()
        .trim_end_matches([':', '-', '–', '—'])
        .trim()
        .to_lowercase();
    if prefix.is_empty() {
        return None;
    }
    for (cue, kind) in &ctx.rules.publication_cues {
        if prefix == *cue {
            return Some((*kind, "dates.publication-line"));
        }
    }
    // A dateline: "NORTHFOLD, 12 March 2024 —" near the top of the document.
    let para = ctx.doc.paragraph_at(start).unwrap_or(usize::MAX);
    if para <= 3 {
        if let Some(place) = prefix.strip_suffix(',') {
            let raw = &text[line_start..start].trim();
            let first = raw.split([',', ' ']).next().unwrap_or("");
            let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && first.chars().all(|c| !c.is_lowercase());
            if caps && place.split_whitespace().count() <= 4 {
                return Some((PubKind::Published, "dates.dateline"));
            }
        }
    }
    None
}

/// Find every date expression, longest match first where patterns overlap.
pub fn extract(ctx: &Context<'_>) -> Vec<DateMention> {
    let text = &ctx.doc.text;
    let mut cands: Vec<(usize, usize, usize, Value)> = Vec::new();
    for (ri, rule) in ctx.rules.date_rules.iter().enumerate() {
        for caps in rule.regex.captures_iter(text) {
            let m = caps.get(0).unwrap();
            let bare = caps.name("year").is_some_and(|y| y.range() == m.range());
            if bare && !bare_year_ok(text, m.start(), m.end()) {
                continue;
            }
            if let Some(v) = build(ctx, &caps) {
                cands.push((m.start(), m.end(), ri, v));
            }
        }
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<DateMention> = Vec::new();
    let mut last_end = 0;
    for (s, e, ri, v) in cands {
        if s < last_end {
            continue;
        }
        last_end = e;
        let mut rule = ctx.rules.date_rules[ri].id.clone();
        let publication = if v.granularity == "day" || v.granularity == "month" {
            publication_cue(ctx, s).map(|(k, r)| {
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
        });
    }
    out
}

/// Which mention is the publication date: the earliest "published" one, else the earliest
/// "updated" one.
pub fn choose_publication(dates: &[DateMention]) -> Option<usize> {
    let pick = |kind: PubKind| {
        dates
            .iter()
            .enumerate()
            .filter(|(_, d)| d.publication == Some(kind) && !d.value.is_empty())
            .min_by(|a, b| a.1.value.cmp(&b.1.value).then(a.0.cmp(&b.0)))
            .map(|(i, _)| i)
    };
    pick(PubKind::Published).or_else(|| pick(PubKind::Updated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;
    use crate::extract::ExtractOptions;
    use crate::rules::Rules;
    use crate::text::Document;

    fn dates_with(s: &str, order: DateOrder) -> Vec<(String, String, Option<&'static str>)> {
        let rules = Rules::builtin();
        let doc = Document::new("t", decode(s.as_bytes()).unwrap(), &rules);
        let opts = ExtractOptions { date_order: order };
        let ctx = Context {
            doc: &doc,
            rules: &rules,
            opts: &opts,
        };
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
        // Earliest published wins over updated.
        assert_eq!(choose_publication(&ds), Some(0));
    }

    #[test]
    fn weekday_arithmetic() {
        assert_eq!(weekday_of(2019, 10, 15), 2); // a Tuesday
        assert_eq!(weekday_of(2024, 2, 29), 4); // a Thursday
    }
}
