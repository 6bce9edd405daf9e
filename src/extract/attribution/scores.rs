//! The tagger's label scores of each token, with each word's own features
//! summed once per thread.
//!
//! A token's score for a label is the sum of the weights of its features
//! ([`sentence_features`]), about fifty lookups in the model's rows. Half of
//! those features depend on one word alone, its own ("w=said", its stem,
//! suffixes and cluster) and those its neighbours see of it ("w-1=said"):
//! [`word_features`]. News repeats its words, so each thread keeps, per
//! word, the sums of those weights for each offset they are seen from; a
//! token's score is then its context features looked up one by one plus
//! seven sums. The sums are of integers, so the scores are exactly those of
//! [`sentence_features`] (a test checks it on every token of the dev set).

#[cfg(doc)]
use super::features::sentence_features;
use super::features::{context_features, word_features_into, SentenceView, WORD_OFFSETS};
use super::perceptron::{Weights, LABELS};
use crate::extract::tokens::TokKind;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// A word's feature sums, by the offset they are seen from ([`WORD_OFFSETS`]).
type Sums = [[i32; LABELS]; WORD_OFFSETS.len()];

/// Words whose sums a thread keeps (about 3 MB): the first words seen, so
/// the common ones, which news uses from its first page on. Rarer words
/// past it are summed where they stand; clearing the cache to make room
/// instead cost more in refilling than it saved.
const CACHE_WORDS: usize = 8192;

#[derive(Default)]
struct Cache {
    /// The model and lexicon the sums were made with.
    owner: (u64, u64),
    /// Token text -> its sums for each kind it was seen as (a straight
    /// quotation mark opens or closes).
    sums: FxHashMap<Box<str>, Vec<(TokKind, Box<Sums>)>>,
    len: usize,
    /// The features of the word being summed, kept to be refilled.
    keys: [Vec<u64>; WORD_OFFSETS.len()],
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// The label scores of every token of the sentence under these weights.
pub fn sentence_scores(weights: &Weights, view: &SentenceView<'_, '_>) -> Vec<[i32; LABELS]> {
    let mut out: Vec<[i32; LABELS]> = context_features(view)
        .iter()
        .map(|keys| weights.score(keys))
        .collect();
    let n = out.len();
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let owner = (weights.id(), view.lx.id());
        if cache.owner != owner {
            cache.sums.clear();
            cache.len = 0;
            cache.owner = owner;
        }
        for (j, t) in view.tokens.iter().enumerate() {
            let known = cache
                .sums
                .get(t.text)
                .and_then(|v| v.iter().find(|(k, _)| *k == t.kind));
            let fresh;
            let sums = match known {
                Some((_, sums)) => sums,
                None => {
                    let mut sums = Box::new([[0i32; LABELS]; WORD_OFFSETS.len()]);
                    word_features_into(view.lx, t, &mut cache.keys);
                    for (slot, keys) in cache.keys.iter().enumerate() {
                        weights.add_score(keys, &mut sums[slot]);
                    }
                    if cache.len < CACHE_WORDS {
                        cache.len += 1;
                        let kinds = cache.sums.entry(t.text.into()).or_default();
                        kinds.push((t.kind, sums));
                        &kinds.last().expect("just pushed").1
                    } else {
                        fresh = sums;
                        &fresh
                    }
                }
            };
            for (slot, offset) in WORD_OFFSETS.iter().enumerate() {
                // (word j seen from offset o is a feature of token j - o)
                let i = j as isize - offset;
                if i >= 0 && (i as usize) < n {
                    for (a, s) in out[i as usize].iter_mut().zip(&sums[slot]) {
                        *a += s;
                    }
                }
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::super::features::sentence_features;
    use super::super::AttributionModel;
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::lexicon::Lexicon;

    /// Sentences written for this test: quotation marks of both kinds, a
    /// sentence of one word, words with and without a cluster.
    const TEXTS: [&str; 5] = [
        "\"We will not raise fares this year,\" the transit director told reporters.",
        "Farmers in the valley complained that the irrigation quotas were unfair.",
        "Hartwell insisted, \"the plan stands\", and Ruiz opined otherwise.",
        "No.",
        "The Qxzv council's spokeswoman said on Tuesday that talks would resume.",
    ];

    /// Each token's scores from the cache, and from its features one by one.
    fn both(
        weights: &Weights,
        lx: &Lexicon,
        text: &str,
    ) -> (Vec<[i32; LABELS]>, Vec<[i32; LABELS]>) {
        let lowered = text.to_ascii_lowercase();
        let tokens = tokenize(text, &lowered, false);
        let quoted: Vec<bool> = tokens.iter().map(|t| t.is_quote()).collect();
        let view = SentenceView {
            lx,
            tokens: &tokens,
            quoted: &quoted,
            mentions: &[],
            candidates: &[],
        };
        let features: Vec<[i32; LABELS]> = sentence_features(&view)
            .iter()
            .map(|k| weights.score(k))
            .collect();
        (sentence_scores(weights, &view), features)
    }

    #[test]
    fn cached_word_sums_score_as_the_features_do() {
        let lx = Lexicon::builtin();
        let model = AttributionModel::builtin().expect("the model is compiled in");
        // (twice: the second time every word comes from the cache)
        for _ in 0..2 {
            for text in TEXTS {
                let (cached, direct) = both(model.weights(), &lx, text);
                assert_eq!(cached, direct, "{text}");
                assert!(cached.iter().any(|s| s.iter().any(|&w| w != 0)));
            }
        }
        // another model's sums are not those cached for the first
        let other = Weights::blend(model.weights(), model.weights());
        for text in TEXTS {
            let (cached, direct) = both(&other, &lx, text);
            assert_eq!(cached, direct, "{text}");
        }
        // nor another lexicon's, whose clusters differ
        let mine =
            crate::lexicon::with_user_json(r#"{"word_clusters": {"insisted": "1", "said": "1"}}"#)
                .unwrap();
        for text in TEXTS {
            let (cached, direct) = both(model.weights(), &mine, text);
            assert_eq!(cached, direct, "{text}");
        }
        let (a, _) = both(model.weights(), &lx, TEXTS[2]);
        let (b, _) = both(model.weights(), &mine, TEXTS[2]);
        assert_ne!(a, b, "the clusters are features");
    }
}
