//! Property tests on generated documents, with a seeded random generator (stable toolchain).
//!
//! `generated_documents_keep_their_provenance` runs a few hundred inputs on every `cargo test`.
//! `fuzz_for_a_while` (ignored) is the bounded random driver used by `scripts/fuzz.sh` when
//! `cargo fuzz` is not available: it runs for `FACTX_FUZZ_SECS` seconds (default 60) and prints
//! the number of executions. Both check `factx::fuzzing::check` on every input.

use std::time::{Duration, Instant};

/// xorshift64*: small, seeded, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "Cllr",
    "Dr.",
    "Mr",
    "Ms",
    "Jane",
    "Roe",
    "Heather",
    "Brook",
    "O'Neill",
    "Smith-Jones",
    "Leader",
    "of",
    "Harbridge",
    "Borough",
    "Council",
    "Director",
    "Cabinet Member for Housing",
    "according to",
    "told",
    "added",
    "the report",
    "Ofsted",
    "Ltd.",
    "No. 5",
    "St. Anne's",
    "in",
    "May",
    "2025",
    "March 2024",
    "3 March 2025",
    "04/11/2019",
    "early 2016",
    "the 1990s",
    "Q3 2023",
    "Monday, 5 May 2025",
    "Published:",
    "Last updated:",
    "£2.4m",
    "3.5 per cent",
    "she",
    "he",
    "it",
    "they",
    "\u{a0}",
    "é",
];

const MARKS: &[&str] = &[
    "“", "”", "‘", "’", "\"", "'", ":", ",", ".", "!", "?", "…", " - ", "(", ")", "•", "\n",
    "\n\n", "\r\n", "\t", " ",
];

const FURNITURE: &[&str] = &[
    "Skip to main content",
    "Image",
    "Leave a Reply",
    "You are commenting using your Twitter account. Log Out / Change )",
    "Registered Address:",
    "Tel: 01234 567890",
    "We use cookies on this website.",
    "Share this page",
];

const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"x\">",
    "</div>",
    "<br>",
    "<br/>",
    "<h1>",
    "</h1>",
    "<title>",
    "</title>",
    "<nav>",
    "</nav>",
    "<footer>",
    "</footer>",
    "<script>var a='<p>';</script>",
    "<style>p{}</style>",
    "<!-- c -->",
    "<!DOCTYPE html>",
    "&amp;",
    "&ldquo;",
    "&rdquo;",
    "&nbsp;",
    "&#8217;",
    "&#x2014;",
    "&#150;",
    "&bogus;",
    "&",
    "<",
    ">",
    "<li>",
    "<time datetime=\"2025-03-03\">",
    "</time>",
    "<meta property=\"article:published_time\" content=\"2024-02-29T10:00\">",
    "<a href='/x'>",
    "</a>",
    "<b>",
    "</b>",
    "<img alt=\"x\">",
    "<p",
    "</",
];

/// One generated document: text from the vocabularies, perhaps as HTML, perhaps re-encoded,
/// perhaps with random bytes spliced in.
fn generate(r: &mut Rng) -> Vec<u8> {
    let html = r.below(3) == 0;
    let n = r.below(120);
    let mut s = String::new();
    for _ in 0..n {
        match r.below(10) {
            0..=4 => {
                s.push_str(r.pick(WORDS));
                s.push(' ');
            }
            5 | 6 => s.push_str(r.pick(MARKS)),
            7 => {
                s.push('\n');
                s.push_str(r.pick(FURNITURE));
                s.push('\n');
            }
            _ if html => s.push_str(r.pick(HTML)),
            _ => s.push_str(r.pick(MARKS)),
        }
    }
    let mut bytes: Vec<u8> = match r.below(8) {
        // Windows-1252 (characters it cannot encode become references, as encoding_rs does).
        0 => encoding_rs::WINDOWS_1252.encode(&s).0.into_owned(),
        1 => {
            let mut b = vec![0xFF, 0xFE];
            for u in s.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        }
        2 => {
            let mut b = vec![0xFE, 0xFF];
            for u in s.encode_utf16() {
                b.extend_from_slice(&u.to_be_bytes());
            }
            b
        }
        3 => {
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend_from_slice(s.as_bytes());
            b
        }
        _ => s.into_bytes(),
    };
    // Mutations: random bytes, truncation, duplication.
    for _ in 0..r.below(4) {
        match r.below(4) {
            0 if !bytes.is_empty() => {
                let i = r.below(bytes.len());
                bytes[i] = r.next() as u8;
            }
            1 => {
                let i = r.below(bytes.len() + 1);
                bytes.insert(i, 0x80 | (r.next() as u8));
            }
            2 if !bytes.is_empty() => {
                let i = r.below(bytes.len());
                bytes.truncate(i);
            }
            _ => {
                let i = r.below(bytes.len() + 1);
                let j = i + r.below(bytes.len() + 1 - i);
                let piece = bytes[i..j].to_vec();
                bytes.extend_from_slice(&piece);
            }
        }
    }
    // The first byte chooses text or HTML (see factx::fuzzing::split_input).
    let mut out = vec![if html { 1u8 } else { 0u8 }];
    out.extend_from_slice(&bytes);
    out
}

#[test]
fn generated_documents_keep_their_provenance() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let dir = tempfile::tempdir().unwrap();
    let mut facts = 0usize;
    for i in 0..400 {
        let input = generate(&mut r);
        let f = if i % 20 == 0 {
            factx::fuzzing::check_and_write(&input, dir.path())
        } else {
            factx::fuzzing::check(&input)
        };
        facts += f.people.len() + f.roles.len() + f.dates.len() + f.claims.len();
    }
    // The generator does produce facts, so the provenance checks are exercised.
    assert!(facts > 100, "only {facts} facts");
}

#[test]
#[ignore = "long: run by scripts/fuzz.sh"]
fn fuzz_for_a_while() {
    let secs: u64 = std::env::var("FACTX_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("FACTX_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut r = Rng(seed.max(1));
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut execs = 0u64;
    while started.elapsed() < Duration::from_secs(secs) {
        let input = generate(&mut r);
        let result = std::panic::catch_unwind(|| {
            if execs % 64 == 0 {
                factx::fuzzing::check_and_write(&input, dir.path());
            } else {
                factx::fuzzing::check(&input);
            }
        });
        if result.is_err() {
            let path = std::env::temp_dir().join(format!("factx-fuzz-crash-{seed}-{execs}.bin"));
            std::fs::write(&path, &input).unwrap();
            panic!("property failed; input saved to {}", path.display());
        }
        execs += 1;
    }
    println!(
        "fuzz: {execs} executions in {:.0} s, seed {seed}, no failure",
        started.elapsed().as_secs_f64()
    );
}
