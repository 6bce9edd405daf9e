//! The learned attribution stage: who says what, read by a sequence model.
//!
//! Receives: one sentence as the earlier stages left it ([`SentenceView`]:
//! tokens, quotations, actor mentions and the rules' positions). Returns: its
//! [`Attribution`]s, each a cue with its source and content as token ranges.
//! Must never: decide a stance (that stays with the cue lexicon) or name an
//! actor (that stays with the mentions); it only says where they are.
//!
//! The model is a linear first-order tagger ([`perceptron::Weights`]; the
//! shipped one blends an averaged perceptron and a CRF, [`train`]) that
//! tags every token as the beginning or inside of a source, a cue or a
//! content, or as outside all three, the way
//! PolNeAR (Newell, Margolin and Ruths, LREC 2018) marks attributions. It is
//! trained from that corpus by `stancegraph train` (see `docs/model.md`) and
//! compiled in from `data/attribution.model`; `--model FILE` replaces it.

mod apply;
pub mod crf;
pub mod features;
pub mod perceptron;
pub mod scores;
pub mod train;

use crate::error::{Error, Result};
pub use apply::RULE;
pub use features::{sentence_features, SentenceView};
use std::path::Path;
use std::sync::OnceLock;

/// The shipped model, trained by `scripts/train-model.sh`.
static BUILTIN: &[u8] = include_bytes!("../../../data/attribution.model");

/// What part of an attribution a token belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Who the words are attributed to ("the senator", "officials").
    Source,
    /// The words that tie a source to its content ("said", "according to").
    Cue,
    /// What is attributed.
    Content,
}

/// One token's tag: BIO over the three roles (the model's labels, [`LABELS`],
/// add the side of the cue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Outside,
    Begin(Role),
    Inside(Role),
}

impl Tag {
    fn role(self) -> Option<Role> {
        match self {
            Tag::Outside => None,
            Tag::Begin(r) | Tag::Inside(r) => Some(r),
        }
    }
}

/// The model's labels: the seven tags, and a source or a content on the
/// less usual side of its cue (a source after it, "said Ruiz"; a content
/// before it, "“X,” she said") under labels of their own, marked `true`.
/// The best path through a sentence then carries which side of its cue a
/// span stands on, and a content's words learn apart from a quotation's
/// that opens the sentence. Label `y` of the model tags as `LABELS[y].0`.
pub const LABELS: [(Tag, bool); perceptron::LABELS] = [
    (Tag::Outside, false),
    (Tag::Begin(Role::Source), false),
    (Tag::Inside(Role::Source), false),
    (Tag::Begin(Role::Cue), false),
    (Tag::Inside(Role::Cue), false),
    (Tag::Begin(Role::Content), false),
    (Tag::Inside(Role::Content), false),
    (Tag::Begin(Role::Source), true),
    (Tag::Inside(Role::Source), true),
    (Tag::Begin(Role::Content), true),
    (Tag::Inside(Role::Content), true),
];

/// The tag of each of these labels ([`LABELS`]).
pub fn tags_of(labels: &[usize]) -> Vec<Tag> {
    labels.iter().map(|&y| LABELS[y].0).collect()
}

/// The model's label of a tag, on the usual side of its cue or not.
pub fn label_of(tag: Tag, mirrored: bool) -> usize {
    let mirrored = mirrored && matches!(tag.role(), Some(Role::Source | Role::Content));
    LABELS
        .iter()
        .position(|&l| l == (tag, mirrored))
        .unwrap_or(0)
}

/// An attribution found in one sentence, in token ranges `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub cue: (usize, usize),
    pub source: Option<(usize, usize)>,
    /// One range, or several where the content is split around the cue
    /// ("“A,” he said, “B.”").
    pub content: Vec<(usize, usize)>,
}

impl Attribution {
    /// One line for `explain`: the spans as text, through `text_of(start, end)`.
    pub fn describe(&self, text_of: impl Fn(usize, usize) -> String) -> String {
        let source = self
            .source
            .map_or_else(|| "(none)".to_string(), |(a, b)| text_of(a, b));
        let content: Vec<String> = self.content.iter().map(|&(a, b)| text_of(a, b)).collect();
        format!(
            "attribution (model): source \"{source}\", cue \"{}\", content \"{}\"",
            text_of(self.cue.0, self.cue.1),
            content.join(" … ")
        )
    }
}

/// A trained attribution tagger.
#[derive(Debug)]
pub struct AttributionModel {
    weights: perceptron::Weights,
}

impl AttributionModel {
    /// The compiled-in model, loaded once per process; None when the crate
    /// was built without one (an empty `data/attribution.model`, as before
    /// the first training).
    pub fn builtin() -> Option<&'static AttributionModel> {
        static MODEL: OnceLock<Option<AttributionModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                (!BUILTIN.is_empty()).then(|| AttributionModel {
                    weights: perceptron::Weights::from_static(BUILTIN)
                        .expect("the compiled-in attribution model is valid"),
                })
            })
            .as_ref()
    }

    /// A model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<AttributionModel, String> {
        Ok(AttributionModel {
            weights: perceptron::Weights::from_bytes(bytes)?,
        })
    }

    /// A model file written by `stancegraph train`.
    pub fn from_file(path: &Path) -> Result<AttributionModel> {
        let err = |message: String| Error::Model {
            path: path.to_path_buf(),
            message,
        };
        let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
        Self::from_bytes(&bytes).map_err(err)
    }

    /// The model of trained weights.
    pub fn from_weights(weights: perceptron::Weights) -> AttributionModel {
        AttributionModel { weights }
    }

    /// The trained weights.
    pub fn weights(&self) -> &perceptron::Weights {
        &self.weights
    }

    /// The model's label ([`LABELS`]) of every token of the sentence.
    pub fn labels(&self, view: &SentenceView<'_, '_>) -> Vec<usize> {
        self.weights
            .viterbi_scores(&scores::sentence_scores(&self.weights, view))
    }

    /// The tag of every token of the sentence.
    pub fn tag(&self, view: &SentenceView<'_, '_>) -> Vec<Tag> {
        tags_of(&self.labels(view))
    }

    /// The attributions of the sentence.
    pub fn attributions(&self, view: &SentenceView<'_, '_>) -> Vec<Attribution> {
        let labels = self.labels(view);
        let tags = tags_of(&labels);
        let sided: Vec<Span> = spans(&tags)
            .into_iter()
            .map(|(role, a, b)| Span {
                role,
                range: (a, b),
                mirrored: LABELS[labels[a]].1,
            })
            .collect();
        pair(&sided)
    }
}

/// A run of one role, and whether the model put it on the less usual side
/// of its cue (a source after it, a content before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub role: Role,
    pub range: (usize, usize),
    pub mirrored: bool,
}

/// Runs of one role: a `Begin`, or an `Inside` after another role, opens one.
pub fn spans(tags: &[Tag]) -> Vec<(Role, usize, usize)> {
    let mut out: Vec<(Role, usize, usize)> = Vec::new();
    for (i, t) in tags.iter().enumerate() {
        let Some(role) = t.role() else { continue };
        match (t, out.last_mut()) {
            (Tag::Inside(_), Some(last)) if last.0 == role && last.2 == i => last.2 = i + 1,
            _ => out.push((role, i, i + 1)),
        }
    }
    out
}

/// Tokens between two ranges (0 when they touch or overlap).
fn gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// Pairs each content with its nearest cue and each cue with its nearest
/// source, on the side of the cue the model put them (a content after its
/// cue, or before it where mirrored; a source before, or after where
/// mirrored); with no cue on that side, the nearest either way (a source
/// before the cue wins a tie: "X said" is commoner than "said X"). A cue
/// with no content is dropped.
pub fn pair(spans: &[Span]) -> Vec<Attribution> {
    let of = |r: Role| -> Vec<&Span> { spans.iter().filter(|s| s.role == r).collect() };
    let (cues, sources, contents) = (of(Role::Cue), of(Role::Source), of(Role::Content));
    // (the side a span stands on relative to a cue, as the model tagged it)
    let on_its_side = |s: &Span, cue: (usize, usize)| {
        let after = s.range.0 >= cue.1;
        let before = s.range.1 <= cue.0;
        match (s.role, s.mirrored) {
            (Role::Source, false) | (Role::Content, true) => before,
            _ => after,
        }
    };
    // the index among `n` candidates that is nearest by `key`, preferring
    // those on their tagged side
    fn nearest<K: Ord>(
        n: usize,
        sided: impl Fn(usize) -> bool,
        key: impl Fn(usize) -> K,
    ) -> Option<usize> {
        (0..n)
            .filter(|&i| sided(i))
            .min_by_key(|&i| key(i))
            .or_else(|| (0..n).min_by_key(|&i| key(i)))
    }
    let mut out: Vec<Attribution> = cues
        .iter()
        .map(|cue| {
            let source = nearest(
                sources.len(),
                |i| on_its_side(sources[i], cue.range),
                |i| {
                    (
                        gap(sources[i].range, cue.range),
                        sources[i].range.0 > cue.range.0,
                    )
                },
            );
            Attribution {
                cue: cue.range,
                source: source.map(|i| sources[i].range),
                content: Vec::new(),
            }
        })
        .collect();
    for c in &contents {
        let cue = nearest(
            cues.len(),
            |k| on_its_side(c, cues[k].range),
            |k| (gap(cues[k].range, c.range), cues[k].range.0 > c.range.0),
        );
        if let Some(k) = cue {
            out[k].content.push(c.range);
        }
    }
    out.retain(|a| !a.content.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;
    use Role::*;

    /// Sentences written for this test, in no corpus the model saw.
    #[test]
    fn the_shipped_model_reads_attributions_the_rules_miss() {
        let lx = Lexicon::builtin();
        assert!(lx.attribution.is_some(), "the model is compiled in");
        let found = |text: &str| -> Vec<(String, String)> {
            extract_text(&lx, text)
                .into_iter()
                .filter(|p| p.rule == RULE)
                .map(|p| (p.actor, p.content))
                .collect()
        };
        assert_eq!(
            found("\"We will not raise fares this year,\" the transit director told reporters."),
            [(
                "transit director".to_string(),
                "We will not raise fares this year".to_string()
            )]
        );
        assert_eq!(
            found("Farmers in the valley complained that the irrigation quotas were unfair."),
            [(
                "farmers".to_string(),
                "the irrigation quotas were unfair".to_string()
            )]
        );
        // the rules alone find neither
        let rules = Lexicon::builtin().without_model();
        assert!(extract_text(
            &rules,
            "Farmers in the valley complained that the irrigation quotas were unfair."
        )
        .is_empty());
        // anonymous sourcing is no actor (ANNOTATION.md)
        assert!(
            found("Sources close to the talks complained that the quotas were unfair.").is_empty()
        );
        // a source's possessor does not speak: the chief executive does
        let holders: Vec<String> = extract_text(
            &lx,
            "The Nurses Guild met on Monday. The company's chief executive, Mark Holt, \
             warned that layoffs were possible.",
        )
        .into_iter()
        .filter(|p| p.content.contains("layoffs"))
        .map(|p| p.actor)
        .collect();
        assert_eq!(holders, ["Mark Holt"]);
    }

    /// Sentences written for this test: a quotation is what was said, not
    /// the narration after its speaker, and a second cue keeps its own content.
    #[test]
    fn a_quotation_bounds_what_its_speaker_said() {
        let lx = Lexicon::builtin();
        let said = |text: &str| -> Vec<(String, String)> {
            extract_text(&lx, text)
                .into_iter()
                .map(|p| (p.cue, p.content))
                .collect()
        };
        assert_eq!(
            said(
                "\u{201c}We will win this fight,\u{201d} Ruiz said, and soon the crowd was \
                 leaving the hall, the lights were dimming and the band was packing up."
            ),
            [("said".to_string(), "We will win this fight".to_string())]
        );
        assert_eq!(
            said(
                "\u{201c}The schools are failing our children,\u{201d} Mayor Anna Ruiz said on \
                 Monday, blaming the state legislature for the cuts."
            ),
            [
                (
                    "said".to_string(),
                    "The schools are failing our children".to_string()
                ),
                (
                    "blaming".to_string(),
                    "the state legislature for the cuts".to_string()
                )
            ]
        );
    }

    #[test]
    fn runs_of_tags_are_spans() {
        let t = [
            Tag::Begin(Source),
            Tag::Inside(Source),
            Tag::Begin(Cue),
            Tag::Inside(Content),
            Tag::Inside(Content),
            Tag::Outside,
            Tag::Begin(Content),
        ];
        assert_eq!(
            spans(&t),
            vec![
                (Source, 0, 2),
                (Cue, 2, 3),
                (Content, 3, 5),
                (Content, 6, 7)
            ]
        );
    }

    #[test]
    fn contents_go_to_the_nearest_cue_and_cues_to_the_nearest_source() {
        let on = |role, a, b| Span {
            role,
            range: (a, b),
            mirrored: false,
        };
        // "A said X , B warned Y ."
        let s = [
            on(Source, 0, 1),
            on(Cue, 1, 2),
            on(Content, 2, 3),
            on(Source, 4, 5),
            on(Cue, 5, 6),
            on(Content, 6, 7),
        ];
        let a = pair(&s);
        assert_eq!(a.len(), 2);
        assert_eq!(
            (a[0].source, a[0].content.clone()),
            (Some((0, 1)), vec![(2, 3)])
        );
        assert_eq!(
            (a[1].source, a[1].content.clone()),
            (Some((4, 5)), vec![(6, 7)])
        );
        // "“X,” said B." : the source after the cue
        let a = pair(&[on(Content, 0, 3), on(Cue, 4, 5), on(Source, 5, 6)]);
        assert_eq!(a[0].source, Some((5, 6)));
        // a cue with no content says nothing
        assert!(pair(&[on(Source, 0, 1), on(Cue, 1, 2)]).is_empty());
    }

    #[test]
    fn the_side_the_model_tagged_decides_the_pairing() {
        let span = |role, a, b, mirrored| Span {
            role,
            range: (a, b),
            mirrored,
        };
        // "A said X , “ Y , ” B added ." : Y lies nearer "said" but was
        // tagged as a content before its cue, so it is what B added
        let s = [
            span(Source, 0, 1, false),
            span(Cue, 1, 2, false),
            span(Content, 2, 3, false),
            span(Content, 5, 6, true),
            span(Source, 9, 10, false),
            span(Cue, 10, 11, false),
        ];
        let a = pair(&s);
        assert_eq!(a.len(), 2);
        assert_eq!((a[0].cue, a[0].content.clone()), ((1, 2), vec![(2, 3)]));
        assert_eq!((a[1].cue, a[1].content.clone()), ((10, 11), vec![(5, 6)]));
        // B stands before "added": a source before its cue, nearest on that side
        assert_eq!(a[1].source, Some((9, 10)));
        // "said B" tagged as a source after its cue goes with the cue before it
        let a = pair(&[
            span(Content, 0, 2, true),
            span(Cue, 3, 4, false),
            span(Source, 4, 5, true),
            span(Source, 6, 7, false),
            span(Cue, 8, 9, false),
            span(Content, 9, 10, false),
        ]);
        assert_eq!(a[0].source, Some((4, 5)));
        assert_eq!(a[1].source, Some((6, 7)));
        // with no cue on the tagged side, the nearest either way
        let a = pair(&[span(Cue, 0, 1, false), span(Content, 1, 3, true)]);
        assert_eq!(a[0].content, vec![(1, 3)]);
    }
}
