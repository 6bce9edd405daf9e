//! Stage benchmarks: segmentation, actor matching, extraction per document,
//! graph build. Run with `cargo bench`; the whole-corpus figures come from
//! `scripts/bench.sh`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stancegraph::extract::Extractor;
use stancegraph::graph::PositionGraph;
use stancegraph::lexicon::Lexicon;
use stancegraph::model::Document;
use stancegraph::sentences::split_sentences;

const ARTICLE: &str = include_str!("../examples/articles/harbour-talks.txt");

fn stages(c: &mut Criterion) {
    let lx = Lexicon::builtin();
    let text = ARTICLE.repeat(20);
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("sentences", |b| b.iter(|| split_sentences(&text).len()));
    g.bench_function("actor matching", |b| {
        b.iter(|| lx.find_actor_surfaces(&text).count())
    });
    let ex = Extractor::new(&lx);
    let doc = Document::new("bench", text.clone());
    g.bench_function("extraction", |b| b.iter(|| ex.extract(&doc).len()));
    let positions = ex.extract(&doc);
    g.bench_function("graph build", |b| {
        b.iter(|| {
            let mut graph = PositionGraph::new();
            for p in &positions {
                graph.add_position(p);
            }
            graph.stance_edge_count()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
