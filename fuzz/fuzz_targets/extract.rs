//! Arbitrary bytes through the input checks, the sentence segmenter and the
//! extractor, then into a graph and every export: nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancegraph::extract::Extractor;
use stancegraph::graph::PositionGraph;
use stancegraph::lexicon::Lexicon;
use stancegraph::model::Document;
use std::path::Path;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = stancegraph::input::decode_text(Path::new("fuzz"), data.to_vec()) else { return };
    for s in stancegraph::sentences::split_sentences(&text) {
        assert_eq!(&text[s.start..s.end], s.text);
    }
    let positions = Extractor::new(lexicon()).extract(&Document::new("fuzz", text.clone()));
    let mut g = PositionGraph::new();
    for p in &positions {
        assert_eq!(&text[p.span[0]..p.span[1]], p.sentence);
        g.add_position(p);
    }
    let _ = stancegraph::export::to_dot(&g);
    let _ = stancegraph::export::to_graphml(&g);
    let _ = stancegraph::export::to_html(&g);
});
