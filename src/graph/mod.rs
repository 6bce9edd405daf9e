//! Graph stage: aggregates positions into a petgraph graph of actors,
//! contents and stance edges, each edge with its evidence.
//!
//! Receives: [`Position`]s (and the documents they came from). Returns: a
//! [`PositionGraph`]; saves and loads it as the versioned graph file
//! described in `docs/graph-format.md`. Must never: lose evidence, count a
//! document twice, or depend on insertion order in what it saves (the file is
//! written in a canonical order, so equal graphs give equal files).
//!
//! ```
//! use stancegraph::{extract::extract_text, graph::PositionGraph, lexicon::Lexicon};
//!
//! let lx = Lexicon::builtin();
//! let mut g = PositionGraph::new();
//! for p in extract_text(&lx, "Kyiv demanded a ceasefire. Moscow rejected a ceasefire.") {
//!     g.add_position(&p);
//! }
//! assert_eq!(g.actor_count(), 2);
//! assert_eq!(g.content_count(), 1); // both positions are about the same content
//! ```

use crate::error::{Error, Result};
use crate::model::{ActorKind, Position, Stance};
use indexmap::IndexMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

mod file;
mod keys;
use file::{write_position_pretty, Indented, Pretty};
pub use file::{ActorRecord, AffiliationRecord, ContentRecord, GraphFile, PositionRecord};
pub(crate) use keys::{combine_kinds, name_key};
pub use keys::{content_key, position_content_key, text_hash, TextHasher};

/// The graph file format name and version this build reads and writes.
pub const FORMAT: &str = "stancegraph";
pub const VERSION: u32 = 1;

/// Where a position was read: the sentence that states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: String,
    /// Byte range of the sentence in the document.
    pub span: [usize; 2],
    pub sentence: String,
    pub cue: String,
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The content as this sentence phrased it.
    pub content: String,
}

impl Evidence {
    /// Appends the evidence as serde_json's pretty printer lays it out at
    /// nesting `depth` (`to_vec_pretty` at depth 0).
    pub fn write_json_pretty(&self, out: &mut Vec<u8>, depth: usize) {
        let mut o = Pretty::object(out, depth);
        o.str("doc", &self.doc);
        o.key("span");
        let mut span = Pretty::array(o.out, depth + 1);
        for n in self.span {
            span.next();
            crate::model::push_decimal(span.out, n);
        }
        span.end();
        o.str("sentence", &self.sentence);
        o.str("cue", &self.cue);
        o.str("rule", &self.rule);
        if let Some(t) = &self.target {
            o.str("target", t);
        }
        if let Some(d) = &self.date {
            o.str("date", d);
        }
        o.str("content", &self.content);
        o.end();
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorNode {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The words the texts used for it ("he", "the Kremlin").
    #[serde(default)]
    pub mentions: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentNode {
    /// The normalised words contents merge on.
    pub key: String,
    /// The first phrasing seen, for display.
    pub text: String,
    /// Every phrasing merged into this node.
    #[serde(default)]
    pub variants: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Actor(ActorNode),
    Content(ContentNode),
}

/// An actor's stance on a content, with every sentence that states it.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceEdge {
    pub stance: Stance,
    pub evidence: Vec<Evidence>,
}

impl StanceEdge {
    pub fn count(&self) -> usize {
        self.evidence.len()
    }

    /// Targets named in the evidence, with how often.
    pub fn targets(&self) -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for e in &self.evidence {
            if let Some(t) = &e.target {
                *m.entry(t.clone()).or_insert(0) += 1;
            }
        }
        m
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edge {
    Stance(StanceEdge),
    /// A person (or sub-body) speaks for a body: member -> body.
    Affiliation,
}

/// A document that went into the graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// FNV-1a hash of the text, to recognise a document seen before.
    pub hash: String,
    /// Other ids (paths as spelled, JSON Lines ids) the same text was read
    /// under: a document is its text, counted once however it is named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

impl DocumentInfo {
    /// The record of a document read in full (or in parts: then the hash is
    /// of the whole text, which the input stage computed).
    pub fn of(doc: &crate::model::Document) -> DocumentInfo {
        DocumentInfo {
            id: doc.id.clone(),
            date: doc.date.clone(),
            source: doc.source.clone(),
            hash: match &doc.part {
                Some(p) => p.hash.clone(),
                None => text_hash(&doc.text),
            },
            also: Vec::new(),
        }
    }

    /// The record of a document whose text is not at hand (its positions
    /// were read alone): it has the hash of no text, and is known by its id.
    pub fn textless(id: &str, date: Option<&str>) -> DocumentInfo {
        DocumentInfo {
            id: id.to_string(),
            date: date.map(str::to_string),
            source: None,
            hash: text_hash(""),
            also: Vec::new(),
        }
    }

    /// Whether the document was read from positions alone.
    pub fn is_textless(&self) -> bool {
        static NO_TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        self.hash == *NO_TEXT.get_or_init(|| text_hash(""))
    }
}

/// A document's key in the text index: its text hash, or for a document
/// whose text is not at hand, its id.
fn index_key(d: &DocumentInfo) -> String {
    if d.is_textless() {
        format!("id:{}", d.id)
    } else {
        d.hash.clone()
    }
}

/// What became of a document offered to the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// New: its positions go under this id (the id it came with, or, when
    /// another text already holds that id, the id with " (2)", " (3)" …).
    New(String),
    /// Its text is in the graph already (under this id): add nothing.
    Known(String),
}

/// A document line in a positions stream (`extract --documents`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRecord {
    pub document: DocumentInfo,
}

/// The position graph: actor and content nodes, stance and affiliation edges.
#[derive(Debug, Clone, Default)]
pub struct PositionGraph {
    pub graph: StableDiGraph<Node, Edge>,
    actors: IndexMap<String, NodeIndex, FxBuildHasher>,
    contents: IndexMap<String, NodeIndex, FxBuildHasher>,
    stance_edges: FxHashMap<(NodeIndex, NodeIndex, Stance), EdgeIndex>,
    pub documents: IndexMap<String, DocumentInfo, FxBuildHasher>,
    /// Text hash -> document id, rebuilt from `documents` when out of step.
    by_hash: FxHashMap<String, String>,
    /// How many documents `by_hash` was in step with.
    indexed: usize,
    /// Hashes of (edge, evidence) already added: evidence is deduplicated in
    /// constant time, not by scanning the edge.
    seen: FxHashSet<u64>,
    /// The affiliation edges, as (member, body).
    affiliation_links: FxHashSet<(NodeIndex, NodeIndex)>,
}

fn evidence_hash(e: EdgeIndex, ev: &Evidence) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    e.index().hash(&mut h);
    ev.hash(&mut h);
    h.finish()
}

impl PositionGraph {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn actor_count(&self) -> usize {
        self.actors.len()
    }

    pub fn content_count(&self) -> usize {
        self.contents.len()
    }

    pub fn stance_edge_count(&self) -> usize {
        self.stance_edges.len()
    }

    /// Record a document; returns false when its text is already in the
    /// graph, so its positions must not be added again.
    pub fn add_document(&mut self, info: DocumentInfo) -> bool {
        matches!(self.add_document_as(info), Added::New(_))
    }

    /// Record a document, identified by its text: the same text under
    /// another id (`./a.txt`, `my/a.txt`) is known, and that id is kept in
    /// the first one's `also`; a different text under an id already taken
    /// is kept under a numbered id.
    pub fn add_document_as(&mut self, info: DocumentInfo) -> Added {
        if self.indexed != self.documents.len() {
            // (documents came in another way: loaded, merged, filtered)
            self.by_hash = FxHashMap::default();
            for d in self.documents.values() {
                self.by_hash
                    .entry(index_key(d))
                    .or_insert_with(|| d.id.clone());
            }
        }
        let added = self.add_indexed(info);
        self.indexed = self.documents.len();
        added
    }

    fn add_indexed(&mut self, mut info: DocumentInfo) -> Added {
        // (a document whose text is not at hand, read from positions alone,
        // has the hash of no text: it is known by its id only)
        if info.is_textless() {
            if self.documents.contains_key(&info.id) {
                return Added::Known(info.id);
            }
            let id = info.id.clone();
            self.by_hash.insert(index_key(&info), id.clone());
            self.documents.insert(id.clone(), info);
            return Added::New(id);
        }
        if let Some(id) = self.by_hash.get(&info.hash).cloned() {
            if let Some(d) = self.documents.get_mut(&id) {
                if info.id != id && !d.also.contains(&info.id) {
                    d.also.push(info.id);
                    d.also.sort();
                }
            }
            return Added::Known(id);
        }
        if self.documents.contains_key(&info.id) {
            let base = info.id.clone();
            info.id = (2..)
                .map(|n| format!("{base} ({n})"))
                .find(|id| !self.documents.contains_key(id))
                .unwrap_or(base);
        }
        let id = info.id.clone();
        self.by_hash.insert(index_key(&info), id.clone());
        self.documents.insert(id.clone(), info);
        Added::New(id)
    }

    /// The actor node for `name`, created if new.
    pub fn actor_node(
        &mut self,
        name: &str,
        kind: ActorKind,
        affiliation: Option<&str>,
    ) -> NodeIndex {
        let key = name_key(name);
        if let Some(&ix) = self.actors.get(&key) {
            if let Some(Node::Actor(a)) = self.graph.node_weight_mut(ix) {
                // attributes combine the same way in any order, so that shards
                // built apart and merged give the graph of one build
                if name < a.name.as_str() {
                    a.name = name.to_string();
                }
                a.kind = combine_kinds(a.kind, kind);
                a.affiliation = match (a.affiliation.take(), affiliation) {
                    (Some(x), Some(y)) => Some(if y < x.as_str() { y.to_string() } else { x }),
                    (x, y) => x.or_else(|| y.map(str::to_string)),
                };
            }
            return ix;
        }
        let ix = self.graph.add_node(Node::Actor(ActorNode {
            name: name.to_string(),
            kind,
            affiliation: affiliation.map(str::to_string),
            mentions: BTreeSet::new(),
        }));
        self.actors.insert(key, ix);
        ix
    }

    /// Words the texts used for actor `ix`.
    pub(crate) fn add_mentions(&mut self, ix: NodeIndex, mentions: &BTreeSet<String>) {
        if let Some(Node::Actor(m)) = self.graph.node_weight_mut(ix) {
            m.mentions.extend(mentions.iter().cloned());
        }
    }

    /// The content node with this key, created if new; `text` is one phrasing.
    pub(crate) fn content_node(&mut self, key: &str, text: &str) -> NodeIndex {
        if let Some(&ix) = self.contents.get(key) {
            if let Some(Node::Content(c)) = self.graph.node_weight_mut(ix) {
                if !c.variants.contains(text) {
                    c.variants.insert(text.to_string());
                }
                // shown: the shortest phrasing (then the first in order), whatever came first
                if (text.len(), text) < (c.text.len(), c.text.as_str()) {
                    c.text = text.to_string();
                }
            }
            return ix;
        }
        let ix = self.graph.add_node(Node::Content(ContentNode {
            key: key.to_string(),
            text: text.to_string(),
            variants: BTreeSet::from([text.to_string()]),
        }));
        self.contents.insert(key.to_string(), ix);
        ix
    }

    fn link_affiliation(&mut self, member: NodeIndex, body: &str) {
        let b = self.actor_node(body, ActorKind::Unknown, None);
        self.add_affiliation(member, b);
    }

    /// The member -> body edge, once (looked up in a set: scanning the
    /// member's edges cost time in proportion to how much it said).
    pub(crate) fn add_affiliation(&mut self, member: NodeIndex, body: NodeIndex) {
        if member != body && self.affiliation_links.insert((member, body)) {
            self.graph.add_edge(member, body, Edge::Affiliation);
        }
    }

    /// Add one position as evidence on its actor→content stance edge.
    pub fn add_position(&mut self, p: &Position) {
        self.add_position_owned(p.clone());
    }

    /// [`PositionGraph::add_position`] for a position the caller is done
    /// with: its strings move into the evidence instead of being copied.
    pub fn add_position_owned(&mut self, p: Position) {
        let key = position_content_key(&p);
        self.add_position_keyed(p, &key);
    }

    /// [`PositionGraph::add_position_owned`] with the content key
    /// ([`position_content_key`]) already made, as a worker thread can.
    pub fn add_position_keyed(&mut self, p: Position, content_key: &str) {
        let a = self.actor_node(&p.actor, p.actor_kind, p.affiliation.as_deref());
        if let Some(Node::Actor(n)) = self.graph.node_weight_mut(a) {
            if !p.actor_mention.is_empty() && !n.mentions.contains(&p.actor_mention) {
                n.mentions.insert(p.actor_mention.clone());
            }
        }
        if let Some(body) = &p.affiliation {
            self.link_affiliation(a, body);
        }
        let c = self.content_node(content_key, &p.content);
        let ev = Evidence {
            doc: p.doc,
            span: p.span,
            sentence: p.sentence,
            cue: p.cue,
            rule: p.rule,
            target: p.target,
            date: p.date,
            content: p.content,
        };
        self.add_evidence(a, c, p.stance, ev);
    }

    /// The actor's edge of this stance to the content, made (without
    /// evidence) if there is none.
    pub(crate) fn stance_edge(&mut self, a: NodeIndex, c: NodeIndex, stance: Stance) -> EdgeIndex {
        if let Some(&e) = self.stance_edges.get(&(a, c, stance)) {
            return e;
        }
        let e = self.graph.add_edge(
            a,
            c,
            Edge::Stance(StanceEdge {
                stance,
                evidence: Vec::new(),
            }),
        );
        self.stance_edges.insert((a, c, stance), e);
        e
    }

    pub(crate) fn add_evidence(
        &mut self,
        a: NodeIndex,
        c: NodeIndex,
        stance: Stance,
        ev: Evidence,
    ) {
        let e = self.stance_edge(a, c, stance);
        let Some(Edge::Stance(s)) = self.graph.edge_weight_mut(e) else {
            return;
        };
        // a hash seen before is checked against the edge's evidence itself
        if !self.seen.insert(evidence_hash(e, &ev)) && s.evidence.contains(&ev) {
            return;
        }
        s.evidence.push(ev);
    }

    /// All evidence of an edge, sorted.
    fn edge_evidence<'e>(&self, e: &'e StanceEdge) -> std::io::Result<Vec<Cow<'e, Evidence>>> {
        let mut all: Vec<Cow<'e, Evidence>> = e.evidence.iter().map(Cow::Borrowed).collect();
        all.sort();
        Ok(all)
    }

    /// The actor whose name (folded) is `name`'s, not a mention's.
    pub fn actor_named(&self, name: &str) -> Option<NodeIndex> {
        self.actors.get(&name_key(name)).copied()
    }

    /// The actor whose name or any recorded mention matches `name`.
    pub fn find_actor(&self, name: &str) -> Option<NodeIndex> {
        let key = name_key(name);
        if let Some(&ix) = self.actors.get(&key) {
            return Some(ix);
        }
        self.actors
            .values()
            .copied()
            .find(|&ix| match &self.graph[ix] {
                Node::Actor(a) => a.mentions.iter().any(|m| name_key(m) == key),
                _ => false,
            })
    }

    pub fn actor(&self, ix: NodeIndex) -> Option<&ActorNode> {
        match self.graph.node_weight(ix) {
            Some(Node::Actor(a)) => Some(a),
            _ => None,
        }
    }

    pub fn content(&self, ix: NodeIndex) -> Option<&ContentNode> {
        match self.graph.node_weight(ix) {
            Some(Node::Content(c)) => Some(c),
            _ => None,
        }
    }

    /// Stance edges of an actor: (content node, edge).
    pub fn positions_of(&self, actor: NodeIndex) -> Vec<(NodeIndex, &StanceEdge)> {
        self.graph
            .edges(actor)
            .filter_map(|e| match e.weight() {
                Edge::Stance(s) => Some((e.target(), s)),
                Edge::Affiliation => None,
            })
            .collect()
    }

    /// Every stance edge: (actor, content, edge).
    pub fn stance_edges(&self) -> Vec<(NodeIndex, NodeIndex, &StanceEdge)> {
        self.stance_edges_indexed()
            .map(|(_, a, c, s)| (a, c, s))
            .collect()
    }

    /// Every stance edge with its index (what [`crate::issues::Issues`]
    /// keys evidence by): (index, actor, content, edge), in index order.
    pub fn stance_edges_indexed(
        &self,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &StanceEdge)> {
        (&self.graph)
            .edge_references()
            .filter_map(|e| match e.weight() {
                Edge::Stance(s) => Some((e.id(), e.source(), e.target(), s)),
                Edge::Affiliation => None,
            })
    }

    /// Affiliation edges: (member, body).
    pub fn affiliations(&self) -> Vec<(NodeIndex, NodeIndex)> {
        (&self.graph)
            .edge_references()
            .filter(|e| matches!(e.weight(), Edge::Affiliation))
            .map(|e| (e.source(), e.target()))
            .collect()
    }

    /// Actors and contents in canonical order (by name, by key).
    pub fn sorted_actors(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.actors.values().copied().collect();
        v.sort_by_cached_key(|&ix| name_key(self.actor(ix).map_or("", |x| x.name.as_str())));
        v
    }

    pub fn sorted_contents(&self) -> Vec<NodeIndex> {
        let mut v: Vec<(String, NodeIndex)> = self
            .contents
            .iter()
            .map(|(k, &ix)| (k.clone(), ix))
            .collect();
        v.sort();
        v.into_iter().map(|(_, ix)| ix).collect()
    }

    /// The graph file, in canonical order.
    pub fn to_file(&self) -> GraphFile {
        let actors = self.sorted_actors();
        let contents = self.sorted_contents();
        let aid: HashMap<NodeIndex, String> = actors
            .iter()
            .enumerate()
            .map(|(i, &ix)| (ix, format!("a{i}")))
            .collect();
        let cid: HashMap<NodeIndex, String> = contents
            .iter()
            .enumerate()
            .map(|(i, &ix)| (ix, format!("c{i}")))
            .collect();
        let mut positions: Vec<PositionRecord> = self
            .stance_edges()
            .into_iter()
            .map(|(a, c, s)| {
                let mut evidence = s.evidence.clone();
                evidence.sort();
                PositionRecord {
                    actor: aid[&a].clone(),
                    content: cid[&c].clone(),
                    stance: s.stance,
                    count: evidence.len(),
                    targets: s.targets(),
                    evidence,
                }
            })
            .collect();
        let order = |r: &PositionRecord| {
            (
                r.actor[1..].parse::<usize>().unwrap_or(0),
                r.content[1..].parse::<usize>().unwrap_or(0),
                r.stance,
            )
        };
        positions.sort_by_key(order);
        let mut affiliations: Vec<AffiliationRecord> = self
            .affiliations()
            .into_iter()
            .map(|(m, b)| AffiliationRecord {
                member: aid[&m].clone(),
                body: aid[&b].clone(),
            })
            .collect();
        affiliations.sort_by(|x, y| (&x.member, &x.body).cmp(&(&y.member, &y.body)));
        let mut documents: Vec<DocumentInfo> = self.documents.values().cloned().collect();
        documents.sort_by(|x, y| x.id.cmp(&y.id));
        GraphFile {
            format: FORMAT.to_string(),
            version: VERSION,
            documents,
            actors: actors
                .iter()
                .map(|&ix| ActorRecord {
                    id: aid[&ix].clone(),
                    actor: self.actor(ix).cloned().expect("actor node"),
                })
                .collect(),
            contents: contents
                .iter()
                .map(|&ix| ContentRecord {
                    id: cid[&ix].clone(),
                    content: self.content(ix).cloned().expect("content node"),
                })
                .collect(),
            positions,
            affiliations,
        }
    }

    /// Rebuild a graph from its file form, checking references.
    pub fn from_file(f: GraphFile) -> std::result::Result<Self, String> {
        if f.format != FORMAT {
            return Err(format!(
                "not a stancegraph graph file (format {:?})",
                f.format
            ));
        }
        if f.version > VERSION {
            return Err(format!("graph file version {} is newer than this stancegraph reads (version {VERSION}); upgrade stancegraph", f.version));
        }
        let mut g = PositionGraph::new();
        for d in f.documents {
            g.documents.insert(d.id.clone(), d);
        }
        // actor and content ids are kept apart: a position must join an actor
        // to a content, an affiliation two actors (a file may say otherwise)
        let mut actor_ids: HashMap<String, NodeIndex> = HashMap::new();
        let mut content_ids: HashMap<String, NodeIndex> = HashMap::new();
        for r in f.actors {
            let ix = g.actor_node(&r.actor.name, r.actor.kind, r.actor.affiliation.as_deref());
            if let Some(Node::Actor(a)) = g.graph.node_weight_mut(ix) {
                a.mentions.extend(r.actor.mentions);
            }
            if actor_ids.insert(r.id.clone(), ix).is_some() {
                return Err(format!("actor id {:?} is used twice", r.id));
            }
        }
        for r in f.contents {
            let ix = g.content_node(&r.content.key, &r.content.text);
            if let Some(Node::Content(c)) = g.graph.node_weight_mut(ix) {
                c.variants.extend(r.content.variants);
            }
            if content_ids.insert(r.id.clone(), ix).is_some() {
                return Err(format!("content id {:?} is used twice", r.id));
            }
        }
        let get = |id: &str, ids: &HashMap<String, NodeIndex>, what: &str| {
            ids.get(id)
                .copied()
                .ok_or_else(|| format!("{what} refers to unknown node {id:?}"))
        };
        for p in f.positions {
            let a = get(&p.actor, &actor_ids, "position's actor")?;
            let c = get(&p.content, &content_ids, "position's content")?;
            if p.evidence.is_empty() {
                return Err(format!(
                    "position {}-{} ({}) has no evidence",
                    p.actor, p.content, p.stance
                ));
            }
            for ev in p.evidence {
                g.add_evidence(a, c, p.stance, ev);
            }
        }
        for r in f.affiliations {
            let m = get(&r.member, &actor_ids, "affiliation")?;
            let b = get(&r.body, &actor_ids, "affiliation")?;
            g.add_affiliation(m, b);
        }
        Ok(g)
    }

    /// Add everything in `other`: documents, actors, contents and evidence.
    /// Evidence already present is not added twice, so merging is
    /// idempotent, and it is associative and commutative: shards built apart
    /// and merged in any grouping give the graph of one build.
    pub fn merge(&mut self, other: &PositionGraph) {
        for d in other.documents.values() {
            match self.documents.get_mut(&d.id) {
                Some(mine) if mine.hash > d.hash => {}
                Some(mine) if mine.hash == d.hash => {
                    // (the ids a text was seen under, united in sorted order)
                    for a in &d.also {
                        if !mine.also.contains(a) {
                            mine.also.push(a.clone());
                        }
                    }
                    mine.also.sort();
                }
                _ => {
                    self.documents.insert(d.id.clone(), d.clone());
                }
            }
        }
        let mut map: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        for &ix in other.actors.values() {
            if let Some(a) = other.actor(ix) {
                let mine = self.actor_node(&a.name, a.kind, a.affiliation.as_deref());
                self.add_mentions(mine, &a.mentions);
                map.insert(ix, mine);
            }
        }
        for &ix in other.contents.values() {
            if let Some(c) = other.content(ix) {
                let mine = self.content_node(&c.key, &c.text);
                for v in &c.variants {
                    self.content_node(&c.key, v);
                }
                map.insert(ix, mine);
            }
        }
        for (a, c, e) in other.stance_edges() {
            for ev in &e.evidence {
                self.add_evidence(map[&a], map[&c], e.stance, ev.clone());
            }
        }
        for (m, b) in other.affiliations() {
            let (m, b) = (map[&m], map[&b]);
            self.add_affiliation(m, b);
        }
    }

    /// A copy holding only what `filter` lets through; actors and contents
    /// left without positions are dropped.
    pub fn filtered(&self, filter: &Filter) -> PositionGraph {
        if filter.is_empty() {
            return self.clone();
        }
        let mut g = PositionGraph::new();
        g.documents = self.documents.clone();
        for (a, c, e) in self.stance_edges() {
            if filter
                .stances
                .as_ref()
                .is_some_and(|s| !s.contains(&e.stance))
            {
                continue;
            }
            let kept: Vec<&Evidence> = e
                .evidence
                .iter()
                .filter(|ev| filter.admits_date(ev.date.as_deref()))
                .collect();
            if kept.is_empty() || kept.len() < filter.min_count {
                continue;
            }
            let (Some(an), Some(cn)) = (self.actor(a), self.content(c)) else {
                continue;
            };
            let ai = g.actor_node(&an.name, an.kind, an.affiliation.as_deref());
            if let Some(Node::Actor(m)) = g.graph.node_weight_mut(ai) {
                m.mentions = an.mentions.clone();
            }
            let ci = g.content_node(&cn.key, &cn.text);
            for v in &cn.variants {
                g.content_node(&cn.key, v);
            }
            for ev in kept {
                g.add_evidence(ai, ci, e.stance, ev.clone());
            }
        }
        for (m, b) in self.affiliations() {
            let (Some(mn), Some(bn)) = (self.actor(m), self.actor(b)) else {
                continue;
            };
            if let (Some(&mi), Some(&bi)) = (
                g.actors.get(&name_key(&mn.name)),
                g.actors.get(&name_key(&bn.name)),
            ) {
                g.add_affiliation(mi, bi);
            } else if let Some(&mi) = g.actors.get(&name_key(&mn.name)) {
                let bi = g.actor_node(&bn.name, bn.kind, bn.affiliation.as_deref());
                g.add_affiliation(mi, bi);
            }
        }
        g
    }

    /// Contents whose key words overlap by at least `threshold` (Jaccard,
    /// 0 to 1) merged into one node, the variants recorded on it. Contents
    /// are taken in key order and join the most similar earlier one, so the
    /// result does not depend on how the graph was built.
    pub fn merge_similar(&self, threshold: f64) -> PositionGraph {
        let contents = self.sorted_contents();
        let mut reps: Vec<(String, BTreeSet<String>)> = Vec::new();
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        let mut rep_of: HashMap<NodeIndex, usize> = HashMap::new();
        for ix in contents {
            let Some(c) = self.content(ix) else { continue };
            let words: BTreeSet<String> = c
                .key
                .split(' ')
                .filter(|w| !w.is_empty() && !w.starts_with('@'))
                .map(str::to_string)
                .collect();
            let mut candidates: Vec<usize> = words
                .iter()
                .flat_map(|w| index.get(w).cloned().unwrap_or_default())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let best = candidates
                .into_iter()
                .map(|r| {
                    let inter = reps[r].1.intersection(&words).count() as f64;
                    let union = reps[r].1.union(&words).count() as f64;
                    (r, if union > 0.0 { inter / union } else { 0.0 })
                })
                .filter(|(_, sim)| *sim >= threshold)
                .fold(None::<(usize, f64)>, |acc, (r, sim)| match acc {
                    Some((_, s)) if s >= sim => acc,
                    _ => Some((r, sim)),
                });
            let r = match best {
                Some((r, _)) => r,
                None => {
                    for w in &words {
                        index.entry(w.clone()).or_default().push(reps.len());
                    }
                    reps.push((c.key.clone(), words));
                    reps.len() - 1
                }
            };
            rep_of.insert(ix, r);
        }
        let mut g = PositionGraph::new();
        g.documents = self.documents.clone();
        for (a, c, e) in self.stance_edges() {
            let (Some(an), Some(cn)) = (self.actor(a), self.content(c)) else {
                continue;
            };
            let ai = g.actor_node(&an.name, an.kind, an.affiliation.as_deref());
            g.add_mentions(ai, &an.mentions);
            let key = &reps[rep_of[&c]].0;
            let ci = g.content_node(key, &cn.text);
            for v in &cn.variants {
                g.content_node(key, v);
            }
            for ev in &e.evidence {
                g.add_evidence(ai, ci, e.stance, ev.clone());
            }
        }
        for (m, b) in self.affiliations() {
            let (Some(mn), Some(bn)) = (self.actor(m), self.actor(b)) else {
                continue;
            };
            let mi = g.actor_node(&mn.name, mn.kind, mn.affiliation.as_deref());
            let bi = g.actor_node(&bn.name, bn.kind, bn.affiliation.as_deref());
            g.add_affiliation(mi, bi);
        }
        g
    }

    /// People and sub-bodies folded into the body they speak for ("Marco
    /// Rubio" into "United States"), for a country-level view.
    pub fn by_affiliation(&self) -> PositionGraph {
        let mut g = PositionGraph::new();
        g.documents = self.documents.clone();
        for (a, c, e) in self.stance_edges() {
            let (Some(an), Some(cn)) = (self.actor(a), self.content(c)) else {
                continue;
            };
            let body = an.affiliation.clone().unwrap_or_else(|| an.name.clone());
            let kind = if an.affiliation.is_some() {
                self.find_actor(&body)
                    .and_then(|b| self.actor(b))
                    .map(|b| b.kind)
                    .unwrap_or(ActorKind::Unknown)
            } else {
                an.kind
            };
            let ai = g.actor_node(&body, kind, None);
            if let Some(Node::Actor(m)) = g.graph.node_weight_mut(ai) {
                m.mentions.extend(an.mentions.iter().cloned());
                if body != an.name {
                    m.mentions.insert(an.name.clone());
                }
            }
            let ci = g.content_node(&cn.key, &cn.text);
            for v in &cn.variants {
                g.content_node(&cn.key, v);
            }
            for ev in &e.evidence {
                g.add_evidence(ai, ci, e.stance, ev.clone());
            }
        }
        g
    }

    /// Load a graph file, or a store (an SQLite file, told by its first
    /// bytes, not its name), naming the file in every error.
    pub fn load(path: &Path) -> Result<Self> {
        if crate::store::is_store(path) {
            return crate::store::load(path);
        }
        let err = |message: String| Error::GraphFile {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file: GraphFile =
            serde_json::from_slice(&text).map_err(|e| err(format!("malformed graph file: {e}")))?;
        Self::from_file(file).map_err(err)
    }

    /// The graph file as pretty JSON.
    pub fn to_json(&self) -> String {
        let mut buf = Vec::new();
        self.write_json(&mut buf)
            .expect("writing into memory cannot fail");
        String::from_utf8(buf).expect("JSON is UTF-8")
    }

    /// Write the graph file (pretty JSON, canonical order) to `w`, streaming:
    /// nothing of the graph is copied on the way. The bytes are those of
    /// `serde_json::to_writer_pretty` on [`PositionGraph::to_file`] (tested);
    /// the positions, nearly all of a large file, are laid out by hand.
    pub fn write_json<W: std::io::Write>(&self, w: W) -> std::io::Result<()> {
        self.write_json_with(w, |_, e| self.edge_evidence(e))
    }

    /// [`PositionGraph::write_json`] with each edge's evidence, sorted, from
    /// `evidence` (given the edge's actor, content and stance): a store
    /// streams its graph file this way without holding its evidence.
    pub(crate) fn write_json_with<'g, W, F>(&'g self, w: W, evidence: F) -> std::io::Result<()>
    where
        W: std::io::Write,
        F: Fn(
                (NodeIndex, NodeIndex, Stance),
                &'g StanceEdge,
            ) -> std::io::Result<Vec<Cow<'g, Evidence>>>
            + Sync,
    {
        use std::io::Write as _;
        #[derive(Serialize)]
        struct ActorView<'a> {
            id: String,
            #[serde(flatten)]
            actor: &'a ActorNode,
        }
        #[derive(Serialize)]
        struct ContentView<'a> {
            id: String,
            #[serde(flatten)]
            content: &'a ContentNode,
        }
        let actors = self.sorted_actors();
        let contents = self.sorted_contents();
        let aix: HashMap<NodeIndex, usize> =
            actors.iter().enumerate().map(|(i, &ix)| (ix, i)).collect();
        let cix: HashMap<NodeIndex, usize> = contents
            .iter()
            .enumerate()
            .map(|(i, &ix)| (ix, i))
            .collect();
        let mut edges: Vec<_> = self
            .stance_edges()
            .into_iter()
            .map(|(a, c, e)| ((aix[&a], cix[&c], e.stance), (a, c, e.stance), e))
            .collect();
        edges.sort_by_key(|(k, _, _)| *k);
        let mut documents: Vec<&DocumentInfo> = self.documents.values().collect();
        documents.sort_by(|x, y| x.id.cmp(&y.id));
        let mut affiliations: Vec<AffiliationRecord> = self
            .affiliations()
            .into_iter()
            .map(|(m, b)| AffiliationRecord {
                member: format!("a{}", aix[&m]),
                body: format!("a{}", aix[&b]),
            })
            .collect();
        affiliations.sort_by(|x, y| (&x.member, &x.body).cmp(&(&y.member, &y.body)));
        let actors: Vec<ActorView> = actors
            .iter()
            .enumerate()
            .filter_map(|(i, &ix)| {
                self.actor(ix).map(|actor| ActorView {
                    id: format!("a{i}"),
                    actor,
                })
            })
            .collect();
        let contents: Vec<ContentView> = contents
            .iter()
            .enumerate()
            .filter_map(|(i, &ix)| {
                self.content(ix).map(|content| ContentView {
                    id: format!("c{i}"),
                    content,
                })
            })
            .collect();

        // serde_json writes a few bytes at a time (a key, a colon, an indent):
        // a buffer of its own keeps each of those writes a copy
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        let mut head = Vec::new();
        let mut file = Pretty::object(&mut head, 0);
        file.str("format", FORMAT);
        file.key("version");
        crate::model::push_decimal(file.out, VERSION as usize);
        // the sections of few records go through serde, one level in
        fn section<W: std::io::Write, T: Serialize>(
            w: &mut W,
            key: &str,
            value: &T,
        ) -> std::io::Result<()> {
            let mut k = Vec::new();
            k.extend_from_slice(b",\n  ");
            crate::model::write_json_str(&mut k, key);
            k.extend_from_slice(b": ");
            w.write_all(&k)?;
            serde_json::to_writer_pretty(Indented(w), value).map_err(std::io::Error::other)
        }
        // a second thread reads the edges' evidence (from a store, when one streams),
        // sorts it and lays the positions out, a chunk at a time, while this
        // one writes: nearly all of a large file is its positions
        const CHUNK: usize = 1 << 16;
        std::thread::scope(|scope| -> std::io::Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(16);
            let (edges, evidence_of) = (&edges, &evidence);
            let positions = scope.spawn(move || {
                let mut chunk = Vec::with_capacity(CHUNK * 2);
                for (i, ((a, c, stance), nodes, e)) in edges.iter().enumerate() {
                    let evidence = match evidence_of(*nodes, e) {
                        Ok(evidence) => evidence,
                        Err(err) => {
                            let _ = tx.send(Err(err));
                            return;
                        }
                    };
                    chunk.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
                    write_position_pretty(&mut chunk, *a, *c, *stance, &evidence);
                    // (the writer stops at an error and drops its end)
                    if chunk.len() >= CHUNK
                        && tx
                            .send(Ok(std::mem::replace(
                                &mut chunk,
                                Vec::with_capacity(CHUNK * 2),
                            )))
                            .is_err()
                    {
                        return;
                    }
                }
                if !chunk.is_empty() {
                    let _ = tx.send(Ok(chunk));
                }
            });
            w.write_all(&head)?;
            section(&mut w, "documents", &documents)?;
            section(&mut w, "actors", &actors)?;
            section(&mut w, "contents", &contents)?;
            w.write_all(b",\n  \"positions\": [")?;
            for chunk in rx {
                w.write_all(&chunk?)?;
            }
            if positions.join().is_err() {
                return Err(std::io::Error::other("laying out the positions failed"));
            }
            if !edges.is_empty() {
                w.write_all(b"\n  ")?;
            }
            Ok(())
        })?;
        w.write_all(b"]")?;
        section(&mut w, "affiliations", &affiliations)?;
        w.write_all(b"\n}\n")?;
        w.flush()
    }

    /// Save atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        self.save_to(Some(path))
    }

    /// Write the graph file to `dest` (atomically) or, with `None` or `-`,
    /// to standard output, streaming.
    pub fn save_to(&self, dest: Option<&Path>) -> Result<()> {
        let mut out = crate::output::Output::open(dest)?;
        self.write_json(&mut out).map_err(|source| Error::Io {
            path: out.path(),
            source,
        })?;
        out.commit()
    }
}

/// What queries and exports keep: a date range (ISO dates, compared as
/// text; evidence without a date is left out when a range is given), some
/// stances, and a smallest number of evidence sentences per edge.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub since: Option<String>,
    pub until: Option<String>,
    pub stances: Option<Vec<Stance>>,
    pub min_count: usize,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.stances.is_none()
            && self.min_count <= 1
    }

    /// Whether evidence of this date is kept (without a range, any is).
    pub fn admits_date(&self, date: Option<&str>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let Some(d) = date else { return false };
        self.since.as_deref().is_none_or(|s| d >= s)
            && self
                .until
                .as_deref()
                .is_none_or(|u| d[..u.len().min(d.len())] <= *u)
    }
}

#[cfg(test)]
mod tests {
    use super::keys::name_key_unicode;
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;

    proptest::proptest! {
        #[test]
        fn pretty_evidence_is_the_layout_serde_json_writes(
            strings in proptest::array::uniform5("[a-z \"\\\\\t\n\u{0}-\u{1f}é“]{0,20}"),
            a: usize, b: usize,
            target: Option<String>, date: Option<String>,
        ) {
            let [doc, sentence, cue, rule, content] = strings;
            let ev = Evidence { doc, span: [a, b], sentence, cue, rule, target, date, content };
            let mut out = Vec::new();
            ev.write_json_pretty(&mut out, 0);
            proptest::prop_assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string_pretty(&ev).unwrap()
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_name_keys_are_the_general_ones(name in "[ -~\t\n\u{b}\u{c}\r]{0,24}") {
            proptest::prop_assert_eq!(name_key(&name), name_key_unicode(&name));
        }
    }

    #[test]
    fn name_keys_drop_case_marks_and_a_leading_the() {
        for (name, key) in [
            ("The  Kremlin!", "kremlin"),
            ("U.S.", "us"),
            (" the\tUnited   States ", "united states"),
            ("The", "the"),
            ("Théâtre the Élysée", "théâtre the élysée"),
        ] {
            assert_eq!(name_key(name), key);
            assert_eq!(name_key_unicode(name), key);
        }
    }

    #[test]
    fn the_hand_laid_file_is_serde_json_pretty_of_the_file_records() {
        let empty = PositionGraph::new();
        for g in [
            &empty,
            &graph_of(
                "U.S. Secretary of State Marco Rubio urged Russia to make concessions. \
                 Kyiv demanded a ceasefire. Moscow rejected the ceasefire, the Kremlin said. \
                 Ukraine demanded a \"ceasefire\" from Russia.\tThe EU urged Moscow to withdraw.",
            ),
        ] {
            let serde = serde_json::to_string_pretty(&g.to_file()).unwrap() + "\n";
            assert_eq!(g.to_json(), serde);
        }
    }

    fn graph_of(text: &str) -> PositionGraph {
        let lx = Lexicon::builtin();
        let mut g = PositionGraph::new();
        for p in extract_text(&lx, text) {
            g.add_position(&p);
        }
        g
    }

    #[test]
    fn contents_merge_on_normalised_words() {
        assert_eq!(
            content_key("the Return of all occupied territories!"),
            content_key("return of occupied territory")
        );
        assert_eq!(content_key("a ceasefire"), content_key("the \"ceasefire\""));
        assert_eq!(
            content_key("demands for ceasefires"),
            content_key("a demand for a ceasefire")
        );
        assert_ne!(
            content_key("sanctions relief"),
            content_key("security guarantees")
        );
    }

    #[test]
    fn same_evidence_counts_once_and_new_evidence_adds() {
        let g = graph_of("Kyiv demanded a ceasefire. Ukraine demanded a ceasefire.");
        assert_eq!(g.actor_count(), 1);
        let (_, _, e) = g.stance_edges()[0];
        assert_eq!(e.count(), 2);
    }

    #[test]
    fn people_keep_their_body() {
        let g = graph_of("U.S. Secretary of State Marco Rubio urged Russia to make concessions.");
        let rubio = g.find_actor("Marco Rubio").expect("Rubio is an actor");
        assert_eq!(
            g.actor(rubio).unwrap().affiliation.as_deref(),
            Some("United States")
        );
        assert_eq!(g.affiliations().len(), 1);
    }

    #[test]
    fn file_round_trip_is_lossless_and_canonical() {
        let g =
            graph_of("Kyiv demanded a ceasefire. Moscow rejected the ceasefire, the Kremlin said.");
        let json = g.to_json();
        let back = PositionGraph::from_file(serde_json::from_str(&json).unwrap()).unwrap();
        assert_eq!(back.to_json(), json);
    }

    #[test]
    fn near_identical_contents_merge_on_request() {
        let g = graph_of("Kyiv demanded a full ceasefire in the east. Paris demanded a full ceasefire across the east. Berlin demanded sanctions.");
        assert_eq!(g.content_count(), 3);
        let m = g.merge_similar(0.6);
        assert_eq!(m.content_count(), 2);
        let c = m
            .sorted_contents()
            .into_iter()
            .filter_map(|ix| m.content(ix).cloned())
            .find(|c| c.variants.len() == 2)
            .expect("a merged node");
        assert!(c.variants.iter().any(|v| v.ends_with("across the east")));
        assert_eq!(g.merge_similar(1.0).to_json(), g.to_json());
    }

    #[test]
    fn future_versions_are_refused() {
        let f = GraphFile {
            format: FORMAT.into(),
            version: VERSION + 1,
            documents: vec![],
            actors: vec![],
            contents: vec![],
            positions: vec![],
            affiliations: vec![],
        };
        assert!(PositionGraph::from_file(f).unwrap_err().contains("newer"));
    }
}
