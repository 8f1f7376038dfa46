//! Extractors: one module per fact type. Each reads a [`Document`] with the [`Rules`] and gives
//! mentions located by text offsets; [`crate::resolve`] turns them into facts.

pub mod claims;
pub mod dates;
pub mod people;
pub mod roles;

use crate::rules::Rules;
use crate::text::Document;

/// Day-first or month-first reading of numeric dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 15/10/2019 is 15 October (British usage, the default).
    #[default]
    Dmy,
    /// 10/15/2019 is 15 October (US usage).
    Mdy,
}

/// Options that change what is extracted.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// How to read numeric dates.
    pub date_order: DateOrder,
}

/// What the extractors see.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub rules: &'a Rules,
    pub opts: &'a ExtractOptions,
}

/// Everything extracted from one document, before resolution.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub people: Vec<people::PersonMention>,
    pub roles: Vec<roles::RoleMention>,
    pub dates: Vec<dates::DateMention>,
    pub quotes: Vec<claims::QuoteMention>,
    pub claims: Vec<claims::ClaimMention>,
}

/// Run every extractor over a document.
pub fn extract(ctx: &Context<'_>) -> Mentions {
    let people = people::extract(ctx);
    let roles = roles::extract(ctx, &people);
    let dates = dates::extract(ctx);
    let quotes = claims::extract(ctx, &people);
    let claims = claims::extract_other(ctx, &people, &dates);
    let mut m = Mentions {
        people,
        roles,
        dates,
        quotes,
        claims,
    };
    drop_boilerplate(ctx.doc, &mut m);
    m
}

/// Page furniture yields no facts: drop every mention that starts in a boilerplate range.
/// People are renumbered, so roles and quotes that point at them are remapped (or dropped).
fn drop_boilerplate(doc: &Document, m: &mut Mentions) {
    if doc.boilerplate.is_empty() {
        return;
    }
    let mut new_index = Vec::with_capacity(m.people.len());
    let mut kept = 0usize;
    for p in &m.people {
        if doc.is_boilerplate(p.start) {
            new_index.push(None);
        } else {
            new_index.push(Some(kept));
            kept += 1;
        }
    }
    if kept < m.people.len() {
        let old_spans: Vec<(usize, usize)> = m.people.iter().map(|p| (p.start, p.end)).collect();
        m.people.retain(|p| !doc.is_boilerplate(p.start));
        m.roles
            .retain_mut(|r| match new_index.get(r.person).copied().flatten() {
                Some(i) => {
                    r.person = i;
                    true
                }
                None => false,
            });
        let remap = |sp: &mut Option<claims::SpeakerRef>| {
            if let Some(claims::SpeakerRef::Person(i)) = sp.clone() {
                *sp = match new_index.get(i).copied().flatten() {
                    Some(j) => Some(claims::SpeakerRef::Person(j)),
                    None => old_spans
                        .get(i)
                        .map(|&(s, e)| claims::SpeakerRef::Phrase(s, e)),
                };
            }
        };
        for q in &mut m.quotes {
            remap(&mut q.speaker);
        }
        for c in &mut m.claims {
            remap(&mut c.speaker);
        }
    }
    m.roles.retain(|r| !doc.is_boilerplate(r.start));
    m.dates.retain(|d| !doc.is_boilerplate(d.start));
    m.quotes.retain(|q| !doc.is_boilerplate(q.start));
    m.claims.retain(|c| !doc.is_boilerplate(c.start));
}

/// A document with the built-in rules, for the extractors' unit tests.
#[cfg(test)]
pub(crate) struct TestDoc {
    pub rules: Rules,
    pub doc: Document,
    pub opts: ExtractOptions,
}

#[cfg(test)]
impl TestDoc {
    pub fn new(text: &str) -> TestDoc {
        Self::with_options(text, ExtractOptions::default())
    }

    pub fn with_options(text: &str, opts: ExtractOptions) -> TestDoc {
        let rules = Rules::builtin();
        let doc = Document::new("t", crate::decode::decode(text.as_bytes()).unwrap(), &rules);
        TestDoc { rules, doc, opts }
    }

    pub fn ctx(&self) -> Context<'_> {
        Context {
            doc: &self.doc,
            rules: &self.rules,
            opts: &self.opts,
        }
    }
}
