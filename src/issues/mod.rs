//! Issues: the matters under negotiation that positions take stances on.
//!
//! Contents stay verbatim on their evidence; an issue is a layer above
//! them. Every evidence sentence of every stance edge (one *occurrence* of a
//! position) is given an issue in three steps, all deterministic:
//!
//! 1. **Codebook.** A content that an analyst's codebook pattern matches
//!    takes that issue ([`codebook`]).
//! 2. **Within a document**, in text order, a content with topic terms
//!    joins the document's most similar group (cosine of IDF-weighted topic
//!    terms, at least [`IssueOptions::within`]) or starts one. A content
//!    without topic terms ("the plan", "the offer", "it") is a reference: it
//!    joins the group of the nearest earlier content that used the same
//!    shell noun in its sentence, otherwise the document's largest group.
//! 3. **Across documents**, in document-id order, a group joins the most
//!    similar issue so far when both their topic terms (at least
//!    [`IssueOptions::across`]) and their documents' contexts (the words of
//!    their evidence sentences and the actors taking positions, at least
//!    [`IssueOptions::context`]) are alike: the same matter in the same
//!    negotiation.
//!
//! An issue's label is the codebook's, or the shortest-worded phrasing
//! closest to the issue's centre.

pub mod codebook;
pub mod terms;

use crate::graph::{Evidence, PositionGraph};
use crate::lexicon::Lexicon;
use crate::model::Stance;
use codebook::Codebook;
use petgraph::stable_graph::EdgeIndex;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use terms::{add_into, cosine, cosine_normed, idf, norm, top_terms, Terms, Vector, Vocabulary};

/// How issues are found.
#[derive(Debug, Clone)]
pub struct IssueOptions {
    /// The analyst's codebook; its issues win over automatic ones.
    pub codebook: Codebook,
    /// Least topic-term similarity for two contents of one document to be
    /// one issue.
    pub within: f64,
    /// Least topic-term similarity for groups of two documents to be one
    /// issue...
    pub across: f64,
    /// ...when their documents' contexts are at least this similar.
    pub context: f64,
}

impl Default for IssueOptions {
    fn default() -> Self {
        IssueOptions {
            codebook: Codebook::default(),
            within: 0.25,
            across: 0.3,
            context: 0.1,
        }
    }
}

/// One matter under negotiation, with who takes which stance on it.
#[derive(Debug, Clone, Serialize)]
pub struct Issue {
    /// A stable id within one listing: `i1` is the issue with most evidence.
    pub id: String,
    pub label: String,
    /// The label comes from the codebook.
    pub codebook: bool,
    /// Its heaviest topic terms, as the texts spelled them.
    pub terms: Vec<String>,
    /// Evidence sentences on it.
    pub positions: usize,
    /// Each actor's stances on it, with evidence counts.
    pub actors: BTreeMap<String, BTreeMap<Stance, usize>>,
    /// The phrasings of its contents, with counts.
    pub contents: BTreeMap<String, usize>,
    pub documents: BTreeSet<String>,
}

/// The issue of every occurrence of a position in a graph.
#[derive(Debug, Clone, Default)]
pub struct Issues {
    /// Most evidence first.
    pub list: Vec<Issue>,
    of: FxHashMap<(EdgeIndex, usize), usize>,
}

impl Issues {
    /// Issues known by their records alone (read back from a store), with
    /// no sentence of a graph to point at.
    pub fn from_list(list: Vec<Issue>) -> Issues {
        Issues {
            list,
            of: FxHashMap::default(),
        }
    }

    /// The issue of evidence `i` of stance edge `edge`.
    pub fn of(&self, edge: EdgeIndex, i: usize) -> Option<&Issue> {
        self.index_of(edge, i).map(|k| &self.list[k])
    }

    /// The index in [`Issues::list`] of evidence `i` of stance edge `edge`.
    pub fn index_of(&self, edge: EdgeIndex, i: usize) -> Option<usize> {
        self.of.get(&(edge, i)).copied()
    }
}

/// `g` with its contents replaced by their issues: one content node per
/// issue (its id the key, its label the text), each actor's stance edges
/// to it carrying the same evidence. Actors, mentions and affiliations are
/// kept. The HTML map's issue view is drawn from it.
pub fn issue_graph(g: &PositionGraph, issues: &Issues) -> PositionGraph {
    let mut out = PositionGraph::new();
    out.documents = g.documents.clone();
    for (e, a, _, s) in g.stance_edges_indexed() {
        let Some(an) = g.actor(a) else { continue };
        let ai = out.actor_node(&an.name, an.kind, an.affiliation.as_deref());
        out.add_mentions(ai, &an.mentions);
        for (i, ev) in s.evidence.iter().enumerate() {
            let Some(issue) = issues.of(e, i) else {
                continue;
            };
            let ci = out.content_node(&issue.id, &issue.label);
            out.add_evidence(ai, ci, s.stance, ev.clone());
        }
    }
    out
}

/// An evidence sentence of a stance edge, read for grouping.
struct Occurrence<'g> {
    edge: EdgeIndex,
    index: usize,
    actor: &'g str,
    stance: Stance,
    evidence: &'g Evidence,
    content: &'g str,
    terms: Terms,
    /// Topic words of the evidence sentence, by id.
    sentence: Vec<u32>,
    vector: Vector,
    codebook: Option<String>,
}

/// A group of one document's occurrences.
struct Group {
    doc: usize,
    members: Vec<usize>,
    centroid: Vector,
    codebook: Option<String>,
}

/// Group every occurrence of a position in `g` into issues.
pub fn assign(g: &PositionGraph, lx: &Lexicon, opts: &IssueOptions) -> Issues {
    let mut vocab = Vocabulary::new();
    let mut occs = occurrences(g, lx, opts, &mut vocab);
    // documents in id order, whatever order the graph was built in
    let mut by_doc: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, o) in occs.iter().enumerate() {
        by_doc.entry(o.evidence.doc.as_str()).or_default().push(i);
    }
    weigh(&mut occs, &by_doc);
    let mut groups = Vec::new();
    let mut context_terms = Vec::new();
    for (d, members) in by_doc.values_mut().enumerate() {
        members.sort_by(|&a, &b| {
            let (x, y) = (&occs[a], &occs[b]);
            (x.evidence.span, x.edge, x.index).cmp(&(y.evidence.span, y.edge, y.index))
        });
        groups.extend(group_document(&occs, d, members, opts.within));
        context_terms.push(context(&occs, members, &mut vocab));
    }
    let contexts = weigh_contexts(&context_terms);
    let issue_of_group = group_across(&groups, &contexts, opts);
    finish(&occs, &groups, &issue_of_group, &vocab)
}

/// Every evidence sentence in the graph, with its topic terms.
fn occurrences<'g>(
    g: &'g PositionGraph,
    lx: &Lexicon,
    opts: &IssueOptions,
    vocab: &mut Vocabulary,
) -> Vec<Occurrence<'g>> {
    let mut out = Vec::new();
    for (e, a, c, s) in g.stance_edges_indexed() {
        let (Some(actor), Some(node)) = (g.actor(a), g.content(c)) else {
            continue;
        };
        for (index, ev) in s.evidence.iter().enumerate() {
            let content = if ev.content.trim().is_empty() {
                node.text.as_str()
            } else {
                ev.content.as_str()
            };
            out.push(Occurrence {
                edge: e,
                index,
                actor: &actor.name,
                stance: s.stance,
                evidence: ev,
                content,
                terms: vocab.terms(lx, content),
                sentence: {
                    let mut v = Vec::new();
                    vocab.context(lx, &ev.sentence, &mut v);
                    v
                },
                vector: Vector::default(),
                codebook: opts.codebook.issue_of(content).map(str::to_string),
            });
        }
    }
    out
}

/// Weigh each occurrence's topic terms by their inverse document frequency.
fn weigh(occs: &mut [Occurrence], by_doc: &BTreeMap<&str, Vec<usize>>) {
    let mut df: FxHashMap<u32, usize> = FxHashMap::default();
    for members in by_doc.values() {
        let mut seen: BTreeSet<u32> = BTreeSet::new();
        for &i in members {
            seen.extend(occs[i].terms.topic.iter().copied());
        }
        for t in seen {
            *df.entry(t).or_insert(0) += 1;
        }
    }
    let n = by_doc.len();
    for o in occs.iter_mut() {
        o.vector = o.terms.topic.iter().map(|t| (*t, idf(n, df[t]))).collect();
    }
}

/// The groups of one document's occurrences (`members` in text order).
fn group_document(occs: &[Occurrence], doc: usize, members: &[usize], within: f64) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: FxHashMap<usize, usize> = FxHashMap::default();
    for &i in members {
        let o = &occs[i];
        let found = if let Some(label) = &o.codebook {
            groups
                .iter()
                .position(|g| g.codebook.as_deref() == Some(label))
        } else if o.terms.is_reference() {
            continue;
        } else {
            most_similar(
                groups
                    .iter()
                    .enumerate()
                    .map(|(k, g)| (k, cosine(&o.vector, &g.centroid)))
                    .filter(|&(_, s)| s >= within),
            )
        };
        let k = found.unwrap_or_else(|| {
            groups.push(Group {
                doc,
                members: Vec::new(),
                centroid: Vector::default(),
                codebook: o.codebook.clone(),
            });
            groups.len() - 1
        });
        add_into(&mut groups[k].centroid, &o.vector, 1.0);
        groups[k].members.push(i);
        group_of.insert(i, k);
    }
    absorb_singletons(occs, &mut groups, &mut group_of);
    resolve_references(occs, members, &mut groups, &mut group_of, doc);
    groups
}

/// The candidate of highest similarity, the first of equals.
fn most_similar(candidates: impl Iterator<Item = (usize, f64)>) -> Option<usize> {
    candidates
        .fold(None::<(usize, f64)>, |best, (k, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((k, s)),
        })
        .map(|(k, _)| k)
}

/// The group with most members, the first of equals.
fn largest(groups: &[Group]) -> Option<usize> {
    (0..groups.len()).max_by(|&a, &b| {
        groups[a]
            .members
            .len()
            .cmp(&groups[b].members.len())
            .then(b.cmp(&a))
    })
}

/// A content that shares its matter with no other in its document belongs
/// to the document's main matter (its largest group, when that has two or
/// more contents): articles report the side demands of one negotiation
/// ("higher pay", "fairer treatment") around its main issue. The absorbed
/// content does not move the group's centre.
fn absorb_singletons(
    occs: &[Occurrence],
    groups: &mut Vec<Group>,
    group_of: &mut FxHashMap<usize, usize>,
) {
    let Some(main) = largest(groups) else {
        return;
    };
    if groups[main].members.len() < 2 {
        return;
    }
    let main_centroid = groups[main].centroid.clone();
    let mut kept = Vec::with_capacity(groups.len());
    let mut new_index = vec![0; groups.len()];
    let mut moved = Vec::new();
    for (k, g) in std::mem::take(groups).into_iter().enumerate() {
        let related = g.members.len() == 1
            && occs[g.members[0]]
                .sentence
                .iter()
                .any(|t| main_centroid.contains_key(t));
        if related && g.codebook.is_none() && k != main {
            moved.extend(g.members);
            new_index[k] = usize::MAX;
        } else {
            new_index[k] = kept.len();
            kept.push(g);
        }
    }
    let main = new_index[main];
    for i in moved {
        kept[main].members.push(i);
    }
    for k in group_of.values_mut() {
        *k = if new_index[*k] == usize::MAX {
            main
        } else {
            new_index[*k]
        };
    }
    *groups = kept;
}

/// Give each reference ("the plan") the group of its antecedent: the
/// nearest earlier occurrence whose content or sentence used the same shell
/// noun, else the document's largest group, else a group of the references
/// that share its shell noun.
fn resolve_references(
    occs: &[Occurrence],
    members: &[usize],
    groups: &mut Vec<Group>,
    group_of: &mut FxHashMap<usize, usize>,
    doc: usize,
) {
    let largest = largest(groups);
    let mut by_shell: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for (pos, &i) in members.iter().enumerate() {
        let o = &occs[i];
        if group_of.contains_key(&i) {
            continue;
        }
        let antecedent = members[..pos].iter().rev().find(|&&j| {
            group_of.contains_key(&j) && !occs[j].terms.is_reference() && {
                let sentence = occs[j].evidence.sentence.to_lowercase();
                o.terms.shells.iter().any(|s| sentence.contains(s.as_str()))
            }
        });
        let k = match antecedent.map(|j| group_of[j]).or(largest) {
            Some(k) => k,
            None => *by_shell.entry(o.terms.shells.clone()).or_insert_with(|| {
                groups.push(Group {
                    doc,
                    members: Vec::new(),
                    centroid: Vector::default(),
                    codebook: None,
                });
                groups.len() - 1
            }),
        };
        groups[k].members.push(i);
        group_of.insert(i, k);
    }
}

/// A document's context: the topic words of its evidence sentences and the
/// actors that take positions in it (each actor a term of its own).
fn context(occs: &[Occurrence], members: &[usize], vocab: &mut Vocabulary) -> Vec<u32> {
    let mut out = Vec::new();
    let mut actors: BTreeSet<&str> = BTreeSet::new();
    for &i in members {
        out.extend_from_slice(&occs[i].sentence);
        actors.insert(occs[i].actor);
    }
    for a in actors {
        let key = format!("@actor {a}");
        out.push(vocab.intern(&key, &key));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Weigh the context terms of every document by their rarity among the
/// documents.
fn weigh_contexts(contexts: &[Vec<u32>]) -> Vec<Vector> {
    let mut df: FxHashMap<u32, usize> = FxHashMap::default();
    for c in contexts.iter() {
        for t in c {
            *df.entry(*t).or_insert(0) += 1;
        }
    }
    let n = contexts.len();
    contexts
        .iter()
        .map(|c| c.iter().map(|t| (*t, idf(n, df[t]))).collect())
        .collect()
}

/// An issue while groups are merged across documents.
struct Merged {
    centroid: Vector,
    context: Vector,
    /// The lengths of both: a merged issue is compared with every later
    /// group that shares a term with it (the centroid's is taken again
    /// when it is next compared after growing).
    centroid_norm: f64,
    context_norm: f64,
    docs: BTreeSet<usize>,
}

/// How many of a group's heaviest terms find the issues it may join.
const INDEX_TERMS: usize = 8;

/// The issue (an index) of each group: codebook groups by their label, the
/// others joining the most similar issue of the same negotiation, if any.
fn group_across(groups: &[Group], contexts: &[Vector], opts: &IssueOptions) -> Vec<usize> {
    let mut merged: Vec<Merged> = Vec::new();
    let mut by_label: FxHashMap<&str, usize> = FxHashMap::default();
    let mut index: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut out = Vec::with_capacity(groups.len());
    let context_norms: Vec<f64> = contexts.iter().map(norm).collect();
    // the group each merged issue was last gathered for, to gather it once
    let mut seen: Vec<usize> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    // centroids that grew since their length was taken
    let mut stale: Vec<bool> = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let top = top_terms(&g.centroid, INDEX_TERMS);
        let found = match &g.codebook {
            Some(label) => by_label.get(label.as_str()).copied(),
            None => {
                candidates.clear();
                for t in &top {
                    for &k in index.get(t).into_iter().flatten() {
                        if seen[k] != gi + 1 {
                            seen[k] = gi + 1;
                            candidates.push(k);
                        }
                    }
                }
                candidates.sort_unstable();
                for &k in &candidates {
                    if stale[k] {
                        merged[k].centroid_norm = norm(&merged[k].centroid);
                        stale[k] = false;
                    }
                }
                let g_norm = norm(&g.centroid);
                let (ctx, ctx_norm) = (&contexts[g.doc], context_norms[g.doc]);
                most_similar(
                    candidates
                        .iter()
                        .map(|&k| {
                            let m = &merged[k];
                            (
                                k,
                                cosine_normed(&g.centroid, g_norm, &m.centroid, m.centroid_norm),
                            )
                        })
                        .filter(|&(k, s)| {
                            let m = &merged[k];
                            s >= opts.across
                                && cosine_normed(ctx, ctx_norm, &m.context, m.context_norm)
                                    >= opts.context
                        }),
                )
            }
        };
        let k = found.unwrap_or_else(|| {
            merged.push(Merged {
                centroid: Vector::default(),
                context: Vector::default(),
                centroid_norm: 0.0,
                context_norm: 0.0,
                docs: BTreeSet::new(),
            });
            seen.push(0);
            stale.push(false);
            merged.len() - 1
        });
        if let Some(label) = &g.codebook {
            by_label.insert(label, k);
        }
        let m = &mut merged[k];
        add_into(&mut m.centroid, &g.centroid, 1.0);
        stale[k] = true;
        if m.docs.insert(g.doc) {
            add_into(&mut m.context, &contexts[g.doc], 1.0);
            m.context_norm = norm(&m.context);
        }
        for t in top {
            let list = index.entry(t).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
        }
        out.push(k);
    }
    out
}

/// The issue records, most evidence first, and the issue of every
/// occurrence.
fn finish(
    occs: &[Occurrence],
    groups: &[Group],
    issue_of_group: &[usize],
    vocab: &Vocabulary,
) -> Issues {
    let n = issue_of_group.iter().map(|k| k + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut centroids: Vec<Vector> = vec![Vector::default(); n];
    let mut labels: Vec<Option<&str>> = vec![None; n];
    for (g, &k) in groups.iter().zip(issue_of_group) {
        members[k].extend(&g.members);
        add_into(&mut centroids[k], &g.centroid, 1.0);
        if labels[k].is_none() {
            labels[k] = g.codebook.as_deref();
        }
    }
    let mut list: Vec<(Issue, Vec<usize>)> = Vec::with_capacity(n);
    for k in 0..n {
        let mut issue = Issue {
            id: String::new(),
            label: match labels[k] {
                Some(l) => l.to_string(),
                None => label_of(occs, &members[k], &centroids[k], vocab),
            },
            codebook: labels[k].is_some(),
            terms: top_terms(&centroids[k], 5)
                .into_iter()
                .map(|t| vocab.surface(t).to_string())
                .collect(),
            positions: members[k].len(),
            actors: BTreeMap::new(),
            contents: BTreeMap::new(),
            documents: BTreeSet::new(),
        };
        for &i in &members[k] {
            let o = &occs[i];
            *issue
                .actors
                .entry(o.actor.to_string())
                .or_default()
                .entry(o.stance)
                .or_insert(0) += 1;
            *issue.contents.entry(o.content.to_string()).or_insert(0) += 1;
            issue.documents.insert(o.evidence.doc.clone());
        }
        list.push((issue, std::mem::take(&mut members[k])));
    }
    list.sort_by(|(a, _), (b, _)| {
        b.positions
            .cmp(&a.positions)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.documents.cmp(&b.documents))
    });
    let mut issues = Issues::default();
    let mut taken: FxHashMap<String, usize> = FxHashMap::default();
    for (k, (mut issue, m)) in list.into_iter().enumerate() {
        issue.id = format!("i{}", k + 1);
        let seen = taken.entry(issue.label.to_lowercase()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            issue.label = format!("{} ({})", issue.label, seen);
        }
        for i in m {
            issues.of.insert((occs[i].edge, occs[i].index), k);
        }
        issues.list.push(issue);
    }
    issues
}

/// Words a label may have at most.
const LABEL_WORDS: usize = 6;

/// A readable label: the shortest member wording of at most
/// [`LABEL_WORDS`] words, or stretch of a longer one, that holds the
/// issue's two most shared terms (in the most contents, then the
/// heaviest), else its one most shared term; for an issue of references
/// alone, their most frequent wording.
fn label_of(
    occs: &[Occurrence],
    members: &[usize],
    centroid: &Vector,
    vocab: &Vocabulary,
) -> String {
    let mut shared: FxHashMap<u32, usize> = FxHashMap::default();
    for &i in members {
        for t in &occs[i].terms.topic {
            *shared.entry(*t).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<u32> = centroid.keys().copied().collect();
    ranked.sort_by(|a, b| {
        shared[b]
            .cmp(&shared[a])
            .then(centroid[b].total_cmp(&centroid[a]))
            .then(a.cmp(b))
    });
    for k in [2, 1] {
        if ranked.len() < k {
            continue;
        }
        let want = &ranked[..k];
        let mut best: Option<(usize, String)> = None;
        for &i in members {
            // a short wording whole ("compensation for lost revenue"), else
            // the stretch of a longer one
            let phrase = bare_phrase(occs[i].content);
            let short = phrase.split_whitespace().count() <= LABEL_WORDS;
            let text = if short {
                phrase.as_str()
            } else {
                occs[i].content
            };
            if let Some(w) = terms::window(vocab, text, want) {
                let w = if short { phrase.clone() } else { w };
                let n = w.split_whitespace().count();
                if n <= LABEL_WORDS && best.as_ref().is_none_or(|(m, b)| (n, &w) < (*m, b)) {
                    best = Some((n, w));
                }
            }
        }
        if let Some((_, w)) = best {
            return w;
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &i in members {
        *counts.entry(bare_phrase(occs[i].content)).or_insert(0) += 1;
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or_else(|| "(unnamed)".to_string(), |(p, _)| p.clone())
}

/// A phrasing without its leading article or "to" and trailing
/// punctuation.
fn bare_phrase(text: &str) -> String {
    let t = text
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '"', '\'', '”', '’']);
    let mut words: Vec<&str> = t.split_whitespace().collect();
    while let Some(first) = words.first() {
        if matches!(first.to_lowercase().as_str(), "a" | "an" | "the" | "to") {
            words.remove(0);
        } else {
            break;
        }
    }
    words.join(" ")
}
