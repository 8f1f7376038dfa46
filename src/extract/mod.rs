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
    Mentions {
        people,
        roles,
        dates,
        quotes,
        claims,
    }
}
