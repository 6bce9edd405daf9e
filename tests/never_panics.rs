//! Property tests: no input makes the pipeline panic, and spans always
//! address the text.

use proptest::prelude::*;
use stancegraph::extract::Extractor;
use stancegraph::graph::PositionGraph;
use stancegraph::lexicon::Lexicon;
use stancegraph::model::Document;
use stancegraph::sentences::split_sentences;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::builtin)
}

/// Words that steer the text into the extractor's rules.
const NEWSY: &[&str] = &[
    "Kyiv",
    "Moscow",
    "the U.S.",
    "said",
    "demanded",
    "urged",
    "rejected",
    "that",
    "to",
    "and",
    "“",
    "”",
    "\"",
    ",",
    ".",
    "he",
    "it",
    "they",
    "we",
    "'s",
    "according to",
    "Putin",
    "Mr.",
    "President",
    "not",
    "by",
    "was",
    "Hamas",
    "offer",
    "demand for",
    "(",
    ")",
    "—",
    "\n",
    "both sides",
    "willing to",
    "turned",
    "down",
    "the",
    "a",
    "must",
    "é",
    "Ω",
];

fn newsy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(NEWSY), 0..60).prop_map(|w| w.join(" "))
}

fn check(text: &str) {
    for s in split_sentences(text) {
        assert_eq!(&text[s.start..s.end], s.text);
    }
    let doc = Document::new("p", text);
    let ps = Extractor::new(lexicon()).extract(&doc);
    let mut g = PositionGraph::new();
    for p in &ps {
        assert!(p.span[0] <= p.span[1] && p.span[1] <= text.len());
        assert_eq!(&text[p.span[0]..p.span[1]], p.sentence);
        assert!(!p.content.is_empty());
        g.add_position(p);
    }
    let json = g.to_json();
    let back = PositionGraph::from_file(serde_json::from_str(&json).unwrap()).unwrap();
    assert_eq!(back.to_json(), json);
    let _ = stancegraph::export::to_dot(&g);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn news_like_word_salad_never_panics(text in newsy_text()) {
        check(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// Runs past the segmenter's and the chunker's limits, where the text
    /// is cut at white space that may be several bytes long.
    #[test]
    fn long_runs_cut_at_any_white_space_never_panic(
        piece in "[a-z .,\n\u{a0}\u{2028}\u{3000}é“”]{1,12}",
        len in stancegraph::sentences::SEGMENT_BYTES..stancegraph::sentences::DOC_CHUNK_BYTES + 8192,
    ) {
        let text = piece.repeat(len / piece.len() + 1);
        check(&text);
    }
}
