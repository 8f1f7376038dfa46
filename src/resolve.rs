//! Resolution within a document: mentions become people, roles link to them, speakers are
//! resolved to people (surnames and pronouns included), and facts get their provenance.

use std::collections::HashMap;

use crate::extract::claims::SpeakerRef;
use crate::extract::dates::choose_publication;
use crate::extract::people::{strip_possessive, PersonMention};
use crate::extract::Mentions;
use crate::facts::{slug, Claim, DateFact, DocumentFacts, Person, Provenance, Role};
use crate::rules::Rules;
use crate::text::Document;

/// A person of one document: the mentions that refer to them.
#[derive(Debug, Clone)]
struct Cluster {
    canonical: usize,
    members: Vec<usize>,
    honorific: Option<String>,
}

fn key(name: &str) -> String {
    name.replace(['’', '‘'], "'").to_lowercase()
}

fn surname(name: &str) -> &str {
    let last = name.split_whitespace().last().unwrap_or(name);
    strip_possessive(last)
}

/// Group mentions into people. Returns clusters and, per mention, its cluster (if kept).
fn cluster_people(people: &[PersonMention]) -> (Vec<Cluster>, Vec<Option<usize>>) {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of: Vec<Option<usize>> = vec![None; people.len()];
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Full names first.
    for (i, m) in people.iter().enumerate() {
        if m.words < 2 {
            continue;
        }
        let k = key(&m.name);
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
    // Surnames: link to the one person with that surname, or the nearest one before.
    for (i, m) in people.iter().enumerate() {
        if m.words >= 2 {
            continue;
        }
        let sn = key(strip_possessive(&m.name));
        let candidates: Vec<usize> = (0..clusters.len())
            .filter(|&c| key(surname(&people[clusters[c].canonical].name)) == sn)
            .collect();
        // "Sir Anthony": knights and dames are named by their first name.
        let candidates =
            if candidates.is_empty() && matches!(m.honorific.as_deref(), Some("Sir" | "Dame")) {
                (0..clusters.len())
                    .filter(|&c| {
                        let n = &people[clusters[c].canonical].name;
                        key(n.split_whitespace().next().unwrap_or("")) == sn
                    })
                    .collect()
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
                    clusters[c]
                        .members
                        .iter()
                        .filter(|&&j| people[j].start < m.start)
                        .map(|&j| people[j].start)
                        .max()
                }),
        };
        match target {
            Some(c) => {
                clusters[c].members.push(i);
                of[i] = Some(c);
            }
            None if m.honorific.is_some() => {
                // "Mr Count" with no full form is still a person.
                let k = key(&m.name);
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
            None => {}
        }
    }
    for c in clusters.iter_mut() {
        c.members.sort_unstable();
        // The fullest mention, first in the text on ties.
        c.canonical = *c
            .members
            .iter()
            .max_by(|&&a, &&b| {
                people[a]
                    .words
                    .cmp(&people[b].words)
                    .then(people[b].start.cmp(&people[a].start))
            })
            .unwrap();
        c.honorific = c.members.iter().find_map(|&j| people[j].honorific.clone());
    }
    (clusters, of)
}

/// Count word-bounded occurrences of `word` in `text`.
fn count_word(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .count()
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
    let (clusters, of) = cluster_people(&m.people);
    let text = &doc.text;

    // People.
    let mut people: Vec<Person> = Vec::new();
    let mut ids: Vec<(String, String)> = Vec::new(); // per cluster: (person_id, name)
    for c in &clusters {
        let canon = &m.people[c.canonical];
        let name = canon.name.clone();
        let id = slug(&name);
        let sn = surname(&name);
        let shared = clusters
            .iter()
            .filter(|d| surname(&m.people[d.canonical].name) == sn)
            .count()
            > 1;
        let mentions = if shared || canon.words < 2 {
            c.members.len()
        } else {
            count_word(text, sn).max(c.members.len())
        };
        // Evidence: the first occurrence of the fullest form.
        let ev = c
            .members
            .iter()
            .copied()
            .find(|&j| key(&m.people[j].name) == key(&name))
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
        if !seen.insert((c, r.role.to_lowercase())) {
            continue;
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

    // Dates and the publication date.
    let chosen = choose_publication(&m.dates);
    let (published, published_text, pub_index) = match manifest_published {
        Some(v) => {
            let idx = m
                .dates
                .iter()
                .position(|d| d.value == v && d.publication.is_some());
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
    let dates: Vec<DateFact> = m
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| DateFact {
            prov: Provenance::of(doc, d.start, d.end, &d.rule),
            value: d.value.clone(),
            mod_: d.mod_.map(|x| x.as_str().to_string()).unwrap_or_default(),
            granularity: d.granularity.to_string(),
            kind: if Some(i) == pub_index {
                "publication"
            } else {
                "mention"
            }
            .to_string(),
            anchor: String::new(),
        })
        .collect();

    // Claims.
    let mut claims = Vec::new();
    let mut last_person: Option<usize> = None; // cluster
    let mut last_other: Option<(String, &'static str)> = None;
    let person_by_name = |s: &str| -> Option<usize> {
        let k = key(strip_possessive(s.trim()));
        let k = k.trim_start_matches("the ").to_string();
        clusters
            .iter()
            .position(|c| key(&m.people[c.canonical].name) == k)
            .or_else(|| {
                let hits: Vec<usize> = (0..clusters.len())
                    .filter(|&c| key(surname(&m.people[clusters[c].canonical].name)) == k)
                    .collect();
                (hits.len() == 1).then(|| hits[0])
            })
    };
    for (n, q) in m.quotes.iter().enumerate() {
        let mut speaker = String::new();
        let mut speaker_id = String::new();
        let mut speaker_type = "";
        let phrase = |s: usize, e: usize| text[s..e].to_string();
        let resolved: Option<(Option<usize>, String, &'static str)> = match &q.speaker {
            None => None,
            Some(SpeakerRef::Person(i)) => match of[*i] {
                Some(c) => Some((Some(c), String::new(), "person")),
                None => {
                    let p = &m.people[*i];
                    Some((None, phrase(p.start, p.end), "organization"))
                }
            },
            Some(SpeakerRef::Phrase(s, e)) => {
                let t = phrase(*s, *e);
                match person_by_name(&t) {
                    Some(c) => Some((Some(c), String::new(), "person")),
                    None => {
                        let last = t.split_whitespace().last().unwrap_or("").to_lowercase();
                        let ty = rules
                            .source_nouns
                            .get(&last)
                            .copied()
                            .unwrap_or("organization");
                        Some((None, t, ty))
                    }
                }
            }
            Some(SpeakerRef::Pronoun(p)) => match p.as_str() {
                "he" | "she" | "i" => last_person.map(|c| (Some(c), String::new(), "person")),
                _ => last_other.clone().map(|(t, ty)| (None, t, ty)),
            },
        };
        if let Some((c, t, ty)) = resolved {
            speaker_type = ty;
            match c {
                Some(c) => {
                    speaker = ids[c].1.clone();
                    speaker_id = ids[c].0.clone();
                    last_person = Some(c);
                }
                None => {
                    speaker = t.clone();
                    last_other = Some((t, ty));
                }
            }
        }
        let prov = Provenance::of(doc, q.start, q.end, q.rule);
        claims.push(Claim {
            claim_id: format!("{}#{}", doc.id, n + 1),
            kind: "quote".into(),
            speaker_id,
            speaker,
            speaker_type: speaker_type.to_string(),
            cue: q.cue.clone(),
            content: doc.text[q.start..q.end].to_string(),
            subject: String::new(),
            value: String::new(),
            date: published.clone(),
            prov,
        });
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
