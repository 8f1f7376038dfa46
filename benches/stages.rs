//! Per-document stages, measured with criterion on a generated news-like document.
//!
//! `cargo bench --bench stages`. The corpus-level benchmark (the whole binary over 1 GB and over
//! 200,000 small files, with peak memory) is `scripts/bench.sh`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

use factx::extract::{self, Context, ExtractOptions};
use factx::text::Document;
use factx::{Options, Pipeline, Rules};

/// A press-release-like document of about 3 KB, written for the benchmark.
fn document() -> String {
    let para = [
        "Harbridge Borough Council has approved a £2.4m plan to bring 140 empty homes back into use, the council said on 3 March 2025.",
        "Deputy Leader and Cabinet Member for Housing Cllr Nadia Quayle said: “Every empty home in Harbridge is a family we could be housing, and we cannot afford to leave a single one standing idle.”",
        "Councillor Dennis Ashworth, Leader of Harbridge Borough Council, said the programme would be reviewed in early 2026 once the first 50 homes had been let.",
        "“This is exactly the kind of practical action our towns need,” Tessa Marlowe MP said. Around 3.5 per cent of homes have stood empty since October 2022.",
        "Owners can attend a drop-in session at 14 Market Street on 27 March 2025 from 10am, or call 01632 960418.",
    ];
    let mut s = String::from("Council approves plan to bring empty homes back into use\n\n");
    for i in 0..3 {
        for p in para {
            s.push_str(p);
            s.push_str("\n\n");
        }
        s.push_str(&format!("Section {i} ends here.\n\n"));
    }
    s.push_str("Published: 3 March 2025\n");
    s
}

fn stages(c: &mut Criterion) {
    let rules = Rules::builtin();
    let text = document();
    let bytes = text.as_bytes();
    let opts = ExtractOptions::default();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes.len() as u64));

    g.bench_function("decode", |b| {
        b.iter(|| factx::decode::decode(black_box(bytes)).unwrap())
    });
    g.bench_function("document (lines, paragraphs, sentences)", |b| {
        b.iter(|| Document::new("b.txt", factx::decode::decode(bytes).unwrap(), &rules))
    });
    let doc = Document::new("b.txt", factx::decode::decode(bytes).unwrap(), &rules);
    let ctx = Context {
        doc: &doc,
        rules: &rules,
        opts: &opts,
    };
    g.bench_function("people", |b| {
        b.iter(|| extract::people::extract(black_box(&ctx)))
    });
    let people = extract::people::extract(&ctx);
    g.bench_function("roles", |b| {
        b.iter(|| extract::roles::extract(black_box(&ctx), &people))
    });
    g.bench_function("dates", |b| {
        b.iter(|| extract::dates::extract(black_box(&ctx)))
    });
    g.bench_function("claims", |b| {
        b.iter(|| extract::claims::extract(black_box(&ctx), &people))
    });
    let mentions = extract::extract(&ctx);
    g.bench_function("resolve", |b| {
        b.iter(|| factx::resolve::resolve(&doc, &rules, black_box(&mentions), None))
    });
    let pipeline = Pipeline::new(Rules::builtin(), Options::default());
    g.bench_function("whole document (process_bytes)", |b| {
        b.iter(|| pipeline.process_bytes("b.txt", black_box(bytes)))
    });
    let facts = pipeline.process_bytes("b.txt", bytes);
    g.bench_function("output (CSV + JSON lines, in memory)", |b| {
        b.iter(|| factx::output::render(black_box(&facts)))
    });
    g.finish();
    c.bench_function("rules: compile the built-in rules", |b| {
        b.iter(Rules::builtin)
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
