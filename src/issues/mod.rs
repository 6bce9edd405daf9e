//! Issues: the matters under negotiation that positions take stances on.
//!
//! Contents stay verbatim on their evidence; an issue is a layer above
//! them. Every evidence sentence of every stance edge (one *occurrence* of a
//! position) is given an issue in three steps, all deterministic:
//!
//! 1. **Codebook.** A content that an analyst's codebook pattern matches
//!    takes that issue ([`codebook`]).
//! 2. **Within a document**, in text order, a content with topic terms
//!    joins the document's most similar group (cosine of tf-idf weighted
//!    topic terms, at least [`IssueOptions::within`]) or starts one: a term
//!    weighs by its rarity among documents and by how many of the
//!    document's evidence sentences use it; the name of an actor weighs
//!    nothing beside other terms (who takes a stance is not its matter). A
//!    content without topic terms but names ("the plan", "the offer", "it",
//!    "Hamas's offer") is a reference: it
//!    joins the group of the nearest earlier content that used the same
//!    shell noun in its sentence, otherwise the document's largest group.
//! 3. **Across documents**, in document-id order, a group joins the most
//!    similar issue so far when both their topic terms (at least
//!    [`IssueOptions::across`]) and their documents' contexts (the words of
//!    their evidence sentences and the actors taking positions, at least
//!    [`IssueOptions::context`], on average over the issue's documents)
//!    are alike: the same matter in the same negotiation.
//!
//! An issue's label is the codebook's, or the shortest member phrase (or
//! stretch of one) that holds the issue's most shared terms and reads as a
//! phrase (see `label_of` in [`group`]).

pub mod codebook;
pub mod group;
pub mod terms;

use crate::graph::{Evidence, PositionGraph};
use crate::lexicon::Lexicon;
use crate::model::Stance;
use codebook::Codebook;
use group::{Grouper, Mention};
use petgraph::stable_graph::EdgeIndex;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The version of the grouping: kept issues (in a store) made by another
/// version are grouped again. Count it up with any change to what grouping
/// gives.
pub const GROUPING_VERSION: u32 = 9;

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
    /// ...when their documents' contexts are at least this similar (the
    /// mean cosine of the new document's with each of the issue's).
    pub context: f64,
}

impl Default for IssueOptions {
    fn default() -> Self {
        IssueOptions {
            codebook: Codebook::default(),
            within: 0.15,
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

/// Group every occurrence of a position in `g` into issues.
pub fn assign(g: &PositionGraph, lx: &Lexicon, opts: &IssueOptions) -> Issues {
    // each document's mentions, in the order a source gives them (by span,
    // then actor key, content key, stance and evidence)
    type Item<'g> = (
        ([usize; 2], String, &'g str, Stance, &'g Evidence),
        Mention<'g>,
        EdgeIndex,
        usize,
    );
    let mut by_doc: BTreeMap<&str, Vec<Item>> = BTreeMap::new();
    for (e, a, c, s) in g.stance_edges_indexed() {
        let (Some(actor), Some(node)) = (g.actor(a), g.content(c)) else {
            continue;
        };
        let actor_key = crate::graph::name_key(&actor.name);
        for (index, ev) in s.evidence.iter().enumerate() {
            let content = if ev.content.trim().is_empty() {
                node.text.as_str()
            } else {
                ev.content.as_str()
            };
            let mention = Mention {
                actor: &actor.name,
                stance: s.stance,
                span: ev.span,
                content,
                sentence: &ev.sentence,
            };
            let key = (ev.span, actor_key.clone(), node.key.as_str(), s.stance, ev);
            by_doc
                .entry(ev.doc.as_str())
                .or_default()
                .push((key, mention, e, index));
        }
    }
    let mut grouper = Grouper::new(lx, opts);
    let mut mentions: Vec<Vec<Mention>> = Vec::with_capacity(by_doc.len());
    for items in by_doc.values_mut() {
        items.sort_by(|x, y| x.0.cmp(&y.0));
        mentions.push(items.iter().map(|i| i.1).collect());
        grouper.count(mentions.last().expect("pushed"));
    }
    let mut provisional = Vec::new();
    for ((name, items), ms) in by_doc.iter().zip(&mentions) {
        let ks = grouper.group(name, ms);
        provisional.extend(items.iter().zip(ks).map(|(i, k)| ((i.2, i.3), k)));
    }
    let (list, rank) = grouper.finish();
    Issues {
        list,
        of: provisional.into_iter().map(|(o, k)| (o, rank[k])).collect(),
    }
}
