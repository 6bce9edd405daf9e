//! Trains the attribution tagger from a corpus of annotated attributions.
//!
//! The corpus is a folder as `../shared/eval/polnear.py prepare` writes it:
//! `docs/<id>.txt` and `gold.jsonl`, one attribution a line with the byte
//! ranges `source_bytes`, `cue_bytes` and `content_bytes`. Documents are read
//! in name order and the trainer has no randomness (sentences are visited in
//! a fixed shuffled order), so the same corpus gives the same model file
//! byte for byte.

use super::features::sentence_features;
use super::perceptron::{Trainer, Weights};
use super::{Role, Tag};
use crate::error::{Error, Result};
use crate::extract::{Extractor, SentenceWork};
use crate::lexicon::Lexicon;
use crate::model::Document;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The learning algorithm (`stancegraph train --algorithm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Algorithm {
    /// The perceptron and the CRF, each fitted to the corpus, their weights
    /// scaled alike and averaged (the shipped model).
    Blend,
    /// Averaged structured perceptron, `epochs` passes.
    Perceptron,
    /// Linear-chain CRF fitted by L-BFGS, L2 weight `c2`, at most
    /// `crf_iterations` iterations.
    Crf,
}

/// How to train. The defaults are the shipped model's.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub algorithm: Algorithm,
    /// The perceptron's passes over the corpus.
    pub epochs: usize,
    /// The CRF's most L-BFGS iterations.
    pub crf_iterations: usize,
    /// The CRF's L2 weight.
    pub c2: f64,
    /// Features seen fewer times than this get no weight (keeps the model small).
    pub min_count: u32,
    /// The seed of the perceptron's shuffle of the sentences.
    pub seed: u64,
    /// Report each pass's sentence error rate on standard error.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            algorithm: Algorithm::Blend,
            epochs: 10,
            crf_iterations: 300,
            c2: 0.1,
            min_count: 10,
            seed: 0x5eed,
            verbose: false,
        }
    }
}

/// One annotated attribution: byte ranges into its document.
#[derive(Debug, Clone, Default)]
pub struct GoldAttribution {
    pub source: Vec<(usize, usize)>,
    pub cue: Vec<(usize, usize)>,
    pub content: Vec<(usize, usize)>,
}

/// A document with its attributions.
pub struct AnnotatedDoc {
    pub doc: Document,
    pub gold: Vec<GoldAttribution>,
}

fn ranges(v: &serde_json::Value, key: &str) -> Vec<(usize, usize)> {
    v.get(key)
        .and_then(|r| r.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default()
}

/// Reads a prepared corpus folder (`docs/` and `gold.jsonl`).
pub fn read_corpus(dir: &Path) -> Result<Vec<AnnotatedDoc>> {
    let gold_path = dir.join("gold.jsonl");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let text = std::fs::read_to_string(&gold_path).map_err(io(&gold_path))?;
    let mut by_doc: BTreeMap<String, Vec<GoldAttribution>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::BadRecord {
            path: gold_path.clone(),
            line: i + 1,
            message: e.to_string(),
        })?;
        let Some(doc) = v.get("doc").and_then(|d| d.as_str()) else {
            return Err(Error::BadRecord {
                path: gold_path.clone(),
                line: i + 1,
                message: "no \"doc\" field".into(),
            });
        };
        by_doc
            .entry(doc.to_string())
            .or_default()
            .push(GoldAttribution {
                source: ranges(&v, "source_bytes"),
                cue: ranges(&v, "cue_bytes"),
                content: ranges(&v, "content_bytes"),
            });
    }
    // every document of the folder, also those with no attribution (they
    // teach the model where nobody is quoted)
    let docs_dir = dir.join("docs");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&docs_dir)
        .map_err(io(&docs_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::with_capacity(names.len());
    for path in names {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).map_err(io(&path))?;
        out.push(AnnotatedDoc {
            gold: by_doc.remove(&id).unwrap_or_default(),
            doc: Document::new(id, text),
        });
    }
    Ok(out)
}

/// The gold tag of every token of a sentence whose tokens cover the given
/// document byte ranges. A cue outranks a source, a source a content, where
/// annotations nest.
pub fn gold_tags(token_bytes: &[(usize, usize)], gold: &[GoldAttribution]) -> Vec<Tag> {
    super::tags_of(&gold_labels(token_bytes, gold))
}

/// The gold label ([`super::LABELS`]) of every token: its tag, and whether
/// its source stands after the cue or its content before it. Where two
/// spans of one role nest, a token belongs to the inner one (the shorter):
/// the attribution nearest to it.
pub fn gold_labels(token_bytes: &[(usize, usize)], gold: &[GoldAttribution]) -> Vec<usize> {
    // (role rank, fragment length, attribution, fragment) of each token
    let mut best: Vec<Option<(u8, usize, usize, usize)>> = vec![None; token_bytes.len()];
    for (j, g) in gold.iter().enumerate() {
        for (rank, frags) in [(0u8, &g.cue), (1, &g.source), (2, &g.content)] {
            for (f, &(a, b)) in frags.iter().enumerate() {
                for (k, &(s, e)) in token_bytes.iter().enumerate() {
                    if s < b && a < e && best[k].is_none_or(|x| (rank, b - a) < (x.0, x.1)) {
                        best[k] = Some((rank, b - a, j, f));
                    }
                }
            }
        }
    }
    let role = |rank: u8| [Role::Cue, Role::Source, Role::Content][rank as usize];
    // a source after its cue, a content before it
    let mirrored = |(rank, _, j, f): (u8, usize, usize, usize)| {
        let g = &gold[j];
        let Some(cue) = g.cue.iter().map(|c| c.0).min() else {
            return false;
        };
        match rank {
            1 => g.source[f].0 > cue,
            2 => g.content[f].0 < cue,
            _ => false,
        }
    };
    (0..best.len())
        .map(|k| match best[k] {
            None => 0,
            Some(x) if k > 0 && best[k - 1] == Some(x) => {
                super::label_of(Tag::Inside(role(x.0)), mirrored(x))
            }
            Some(x) => super::label_of(Tag::Begin(role(x.0)), mirrored(x)),
        })
        .collect()
}

/// Reads the document with the rule stages and hands each sentence that
/// has tokens to `each` with its gold tags. `lx` must carry no model, so the
/// rules' findings the features read are the same as at tagging time.
fn each_gold_sentence(
    lx: &Lexicon,
    ad: &AnnotatedDoc,
    mut each: impl FnMut(&SentenceWork<'_>, Vec<usize>),
) {
    let ex = Extractor::new(lx);
    let lowered = ad.doc.text.to_ascii_lowercase();
    let (work, _) = ex.read_rules(&ad.doc, &lowered);
    for w in work.iter().filter(|w| !w.tokens.is_empty()) {
        let bytes: Vec<(usize, usize)> = w
            .tokens
            .iter()
            .map(|t| (w.start + t.start, w.start + t.end))
            .collect();
        each(w, gold_labels(&bytes, &ad.gold));
    }
}

/// The training sequences of one document: per sentence, the features and
/// gold labels (indexes into [`super::LABELS`]) of its tokens.
pub fn document_sequences(lx: &Lexicon, ad: &AnnotatedDoc) -> Vec<(Vec<Vec<u64>>, Vec<usize>)> {
    let mut out = Vec::new();
    each_gold_sentence(lx, ad, |w, labels| {
        out.push((sentence_features(&w.view(lx)), labels));
    });
    out
}

/// Trains on the corpus in `dir` and writes the model to `out`. Returns the
/// number of sentences trained on.
pub fn train(lx: &Lexicon, dir: &Path, out: &Path, opts: &TrainOptions) -> Result<usize> {
    let lx = lx.clone().without_model();
    let corpus = read_corpus(dir)?;
    if corpus.is_empty() {
        return Err(Error::Usage(format!(
            "{}: no documents in docs/",
            dir.display()
        )));
    }
    train_on(&lx, &corpus, out, opts)
}

/// Trains on documents already read.
pub fn train_on(
    lx: &Lexicon,
    corpus: &[AnnotatedDoc],
    out: &Path,
    opts: &TrainOptions,
) -> Result<usize> {
    let model = fit(lx, corpus, opts);
    let bytes = model.to_bytes();
    crate::output::write_atomic(out, &bytes)?;
    Ok(model.len())
}

/// The weights fitted to the documents.
pub fn fit(lx: &Lexicon, corpus: &[AnnotatedDoc], opts: &TrainOptions) -> Weights {
    let sentences: Vec<_> = corpus
        .iter()
        .flat_map(|ad| document_sequences(lx, ad))
        .collect();
    let crf = || {
        super::crf::fit(
            &sentences,
            opts.min_count,
            opts.c2,
            opts.crf_iterations,
            opts.verbose,
        )
    };
    match opts.algorithm {
        Algorithm::Perceptron => train_perceptron(&sentences, opts).finish(),
        Algorithm::Crf => crf(),
        Algorithm::Blend => Weights::blend(&train_perceptron(&sentences, opts).finish(), &crf()),
    }
}

/// A perceptron trained over the sentences in an order shuffled from the seed.
fn train_perceptron(sentences: &[(Vec<Vec<u64>>, Vec<usize>)], opts: &TrainOptions) -> Trainer {
    let mut trainer = Trainer::new();
    for (x, _) in sentences {
        trainer.count(x);
    }
    // a fixed shuffle (a linear congruential generator, Fisher-Yates): the
    // perceptron learns worse from a corpus in publisher-and-date order
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed = opts.seed;
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, ((seed >> 33) % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &i in &order {
            let (x, y) = &sentences[i];
            if !trainer.learn(x, y, opts.min_count) {
                wrong += 1;
            }
        }
        if opts.verbose {
            eprintln!(
                "epoch {}: {wrong} of {} sentences tagged wrong",
                epoch + 1,
                sentences.len()
            );
        }
    }
    trainer
}

/// Exact-span precision, recall and F1 of each role on held-out documents.
#[derive(Debug, Default, Clone)]
pub struct SpanScores {
    /// (role, gold spans, predicted spans, matched) for source, cue, content.
    pub roles: Vec<(Role, usize, usize, usize)>,
}

impl std::fmt::Display for SpanScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for &(role, gold, pred, hit) in &self.roles {
            let p = hit as f64 / pred.max(1) as f64;
            let r = hit as f64 / gold.max(1) as f64;
            let f1 = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            writeln!(
                f,
                "{role:?}: gold {gold} predicted {pred} exact {hit}  P {p:.3} R {r:.3} F1 {f1:.3}"
            )?;
        }
        Ok(())
    }
}

/// Tags the documents with `model` and compares its spans with the gold tags'.
pub fn evaluate(
    lx: &Lexicon,
    model: &super::AttributionModel,
    corpus: &[AnnotatedDoc],
) -> SpanScores {
    let lx = lx.clone().without_model();
    let mut counts: Vec<(Role, usize, usize, usize)> = [Role::Source, Role::Cue, Role::Content]
        .into_iter()
        .map(|r| (r, 0, 0, 0))
        .collect();
    for ad in corpus {
        each_gold_sentence(&lx, ad, |w, labels| {
            let gold = super::spans(&super::tags_of(&labels));
            let pred = super::spans(&model.tag(&w.view(&lx)));
            for c in counts.iter_mut() {
                let g: Vec<_> = gold.iter().filter(|s| s.0 == c.0).collect();
                let p: Vec<_> = pred.iter().filter(|s| s.0 == c.0).collect();
                c.1 += g.len();
                c.2 += p.len();
                c.3 += p.iter().filter(|x| g.contains(x)).count();
            }
        });
    }
    SpanScores { roles: counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus of our own in the prepared layout: two documents, their
    /// attributions as byte ranges found by searching the text.
    fn tiny_corpus(dir: &Path) {
        let docs = [
            (
                "a",
                "The mayor said the bridge would reopen in May. Traffic was light.",
            ),
            (
                "b",
                "Residents complained that the buses were late, the council admitted.",
            ),
        ];
        let spans = [
            ("a", "The mayor", "said", "the bridge would reopen in May"),
            (
                "b",
                "the council",
                "admitted",
                "Residents complained that the buses were late",
            ),
            ("b", "Residents", "complained", "that the buses were late"),
        ];
        std::fs::create_dir_all(dir.join("docs")).unwrap();
        let mut gold = String::new();
        for (id, text) in docs {
            std::fs::write(dir.join(format!("docs/{id}.txt")), text).unwrap();
            for (_, s, c, t) in spans.iter().filter(|x| x.0 == id) {
                let at = |w: &str| {
                    let i = text.find(w).unwrap();
                    serde_json::json!([[i, i + w.len()]])
                };
                let line = serde_json::json!({"doc": id, "source_bytes": at(s), "cue_bytes": at(c), "content_bytes": at(t)});
                gold.push_str(&line.to_string());
                gold.push('\n');
            }
        }
        std::fs::write(dir.join("gold.jsonl"), gold).unwrap();
    }

    #[test]
    fn training_twice_gives_the_same_bytes_and_learns_the_corpus() {
        let tmp = tempfile::tempdir().unwrap();
        tiny_corpus(tmp.path());
        let lx = Lexicon::builtin();
        let opts = TrainOptions {
            epochs: 10,
            min_count: 1,
            ..TrainOptions::default()
        };
        let (m1, m2) = (tmp.path().join("m1.model"), tmp.path().join("m2.model"));
        train(&lx, tmp.path(), &m1, &opts).unwrap();
        train(&lx, tmp.path(), &m2, &opts).unwrap();
        let bytes = std::fs::read(&m1).unwrap();
        assert_eq!(bytes, std::fs::read(&m2).unwrap());
        let model = super::super::AttributionModel::from_file(&m1).unwrap();
        let corpus = read_corpus(tmp.path()).unwrap();
        let scores = evaluate(&lx, &model, &corpus);
        for &(role, gold, _, hit) in &scores.roles {
            assert_eq!(hit, gold, "{role:?}: {scores}");
        }
    }

    #[test]
    fn a_corpus_folder_without_gold_is_an_error_naming_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let e = read_corpus(tmp.path()).err().unwrap().to_string();
        assert!(e.contains("gold.jsonl"), "{e}");
    }

    #[test]
    fn gold_ranges_become_bio_tags_with_cues_first() {
        // tokens: [Obama][said][the][deal][is][done]
        let toks = [(0, 5), (6, 10), (11, 14), (15, 19), (20, 22), (23, 27)];
        let g = GoldAttribution {
            source: vec![(0, 5)],
            cue: vec![(6, 10)],
            content: vec![(6, 27)],
        };
        let tags = gold_tags(&toks, &[g]);
        assert_eq!(
            tags,
            vec![
                Tag::Begin(Role::Source),
                Tag::Begin(Role::Cue),
                Tag::Begin(Role::Content),
                Tag::Inside(Role::Content),
                Tag::Inside(Role::Content),
                Tag::Inside(Role::Content),
            ]
        );
    }

    #[test]
    fn a_content_before_its_cue_and_a_source_after_it_have_labels_of_their_own() {
        use crate::extract::attribution::{label_of, LABELS};
        // tokens: [“][Deal][done][,][”][said][Obama][.]
        let toks = [
            (0, 3),
            (3, 7),
            (8, 12),
            (12, 13),
            (13, 16),
            (17, 21),
            (22, 27),
            (27, 28),
        ];
        let g = GoldAttribution {
            source: vec![(22, 27)],
            cue: vec![(17, 21)],
            content: vec![(3, 12)],
        };
        let labels = gold_labels(&toks, &[g]);
        let content = |t| label_of(t, true);
        assert_eq!(
            labels,
            vec![
                0,
                content(Tag::Begin(Role::Content)),
                content(Tag::Inside(Role::Content)),
                0,
                0,
                label_of(Tag::Begin(Role::Cue), false),
                label_of(Tag::Begin(Role::Source), true),
                0,
            ]
        );
        // each such label tags as its role, and differs from the usual side's
        assert_eq!(LABELS[labels[1]].0, Tag::Begin(Role::Content));
        assert_ne!(labels[1], label_of(Tag::Begin(Role::Content), false));
        // a cue has one side only
        assert_eq!(
            label_of(Tag::Begin(Role::Cue), true),
            label_of(Tag::Begin(Role::Cue), false)
        );
    }
}
