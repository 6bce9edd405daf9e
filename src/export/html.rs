//! The negotiation map: one self-contained HTML file (no network access
//! needed) with the graph drawn as inline SVG, laid out here in Rust, and a
//! small script of our own (`map.js`) for pan, zoom, filters, evidence and
//! the conflicts view.
//!
//! Four views, one SVG group each:
//! - positions (and the same with people folded into the bodies they speak
//!   for): actors on the left, grouped by body; contents on the right, each
//!   at the mean height of the actors that take a stance on it (barycentric
//!   ordering), which keeps edges short and crossings few;
//! - issues: the issues stacked in the middle, the actors on either side at
//!   the mean height of their issues;
//! - the actor network ([`super::map_network`]).
//!
//! Every node and edge carries its box in the data, so the page can zoom to
//! whatever a filter shows. The layouts are linear in the size of the graph
//! (after sorting), so 5,000 nodes lay out at once.
//!
//! Escaping: every text goes into the SVG through an XML escape, and the data
//! island is JSON with `<` written as `\u003c`, so article text containing
//! `</script>` stays text.

use crate::graph::{Evidence, PositionGraph};
use crate::issues::Issues;
use crate::lexicon::Lexicon;
use crate::model::Stance;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

const SCRIPT: &str = include_str!("map.js");
const STYLE: &str = include_str!("map.css");

const ACTOR_X: f64 = 10.0;
const ACTOR_W: f64 = 200.0;
const CONTENT_X: f64 = 520.0;
const ROW: f64 = 24.0;
const ISSUE_X: f64 = 400.0;
const ISSUE_W: f64 = 360.0;
const ISSUE_H: f64 = 28.0;
const ISSUE_GAP: f64 = 190.0;
/// The width-to-height shape the issue view's blocks are packed to.
const SCREEN: f64 = 1.6;

#[derive(Serialize)]
pub(super) struct ActorData<'a> {
    id: String,
    name: &'a str,
    kind: &'a str,
    affiliation: Option<&'a str>,
    mentions: Vec<&'a str>,
    /// Other names the lexicon knows ("Moscow", "the Kremlin" for Russia).
    aliases: Vec<String>,
    /// x, y, width, height on the drawing.
    bbox: [f64; 4],
}

#[derive(Serialize)]
struct ContentData<'a> {
    id: String,
    text: &'a str,
    bbox: [f64; 4],
}

/// An evidence row: document, date, sentence, cue, start, end, content.
type Row<'a> = (usize, Option<&'a str>, usize, &'a str, usize, usize, usize);

/// Every evidence sentence of the map, once: the views' edges point into it
/// by index, and documents, sentences and contents are strings in one table,
/// so a sentence shown in three views is written once.
#[derive(Default, Serialize)]
struct EvidenceTable<'a> {
    strings: Vec<&'a str>,
    /// (document, date, sentence, cue, start, end, content as phrased):
    /// document, sentence and content as indexes into `strings`.
    rows: Vec<Row<'a>>,
    #[serde(skip)]
    string_ix: HashMap<&'a str, usize>,
    #[serde(skip)]
    row_ix: HashMap<Row<'a>, usize>,
}

impl<'a> EvidenceTable<'a> {
    fn string(&mut self, s: &'a str) -> usize {
        let next = self.strings.len();
        let k = *self.string_ix.entry(s).or_insert(next);
        if k == next {
            self.strings.push(s);
        }
        k
    }

    /// The index of `ev`'s row, added if new.
    fn add(&mut self, ev: &'a Evidence) -> usize {
        let row = (
            self.string(&ev.doc),
            ev.date.as_deref(),
            self.string(&ev.sentence),
            ev.cue.as_str(),
            ev.span[0],
            ev.span[1],
            self.string(&ev.content),
        );
        let next = self.rows.len();
        let k = *self.row_ix.entry(row).or_insert(next);
        if k == next {
            self.rows.push(row);
        }
        k
    }
}

#[derive(Serialize)]
struct EdgeData {
    id: String,
    a: String,
    c: String,
    stance: Stance,
    count: usize,
    targets: Vec<String>,
    /// Rows of the evidence table.
    evidence: Vec<usize>,
    bbox: [f64; 4],
}

#[derive(Serialize, Default)]
struct ViewData<'a> {
    actors: Vec<ActorData<'a>>,
    contents: Vec<ContentData<'a>>,
    edges: Vec<EdgeData>,
}

impl<'a> ActorData<'a> {
    /// An actor of the page, with the lexicon's aliases and its box.
    pub(super) fn of(
        a: &'a crate::graph::ActorNode,
        id: &str,
        lx: Option<&Lexicon>,
        bbox: [f64; 4],
    ) -> Self {
        ActorData {
            id: id.to_string(),
            name: &a.name,
            kind: a.kind.as_str(),
            affiliation: a.affiliation.as_deref(),
            mentions: a.mentions.iter().map(String::as_str).collect(),
            aliases: aliases(lx, &a.name),
            bbox: rounded(bbox),
        }
    }
}

/// XML-escape text for SVG and HTML.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // (XML 1.0 has no place for control characters, U+FFFE or U+FFFF)
            c if (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{FFFE}' | '\u{FFFF}') =>
            {
                out.push('\u{FFFD}')
            }
            c => out.push(c),
        }
    }
    out
}

/// Where a view's nodes go.
struct Placement {
    /// Top-left corner of each actor's box.
    actor: HashMap<NodeIndex, (f64, f64)>,
    /// Top-left corner of each content's box (or of its dot and label).
    content: HashMap<NodeIndex, (f64, f64)>,
    /// Contents in drawing order.
    contents: Vec<NodeIndex>,
    /// Actors in drawing order.
    actors: Vec<NodeIndex>,
    /// Contents are boxes of this width in the middle (the issue view), or
    /// dots with a label on the right.
    content_w: Option<f64>,
    width: f64,
    height: f64,
}

/// Actors on the left grouped by the body they speak for, bodies first in
/// their group; contents on the right, each at the mean height of its actors.
fn columns(g: &PositionGraph) -> Placement {
    let contents = g.sorted_contents();
    let edges = g.stance_edges();
    let mut order: Vec<_> = g
        .sorted_actors()
        .into_iter()
        .filter_map(|ix| g.actor(ix).map(|a| (ix, a)))
        .collect();
    order.sort_by(|(_, x), (_, y)| {
        let gx = x.affiliation.as_deref().unwrap_or(&x.name);
        let gy = y.affiliation.as_deref().unwrap_or(&y.name);
        (gx, x.affiliation.is_some(), &x.name).cmp(&(gy, y.affiliation.is_some(), &y.name))
    });
    let n_actors = order.len().max(1) as f64;
    let content_height = contents.len() as f64 * ROW;
    let actor_gap = (content_height / n_actors).max(ROW * 1.4);
    let mut actor = HashMap::new();
    for (i, (ix, a)) in order.iter().enumerate() {
        let indent = if a.affiliation.is_some() { 14.0 } else { 0.0 };
        actor.insert(*ix, (ACTOR_X + indent, 30.0 + i as f64 * actor_gap));
    }
    let mut ys: HashMap<NodeIndex, Vec<f64>> = HashMap::new();
    for (a, c, _) in &edges {
        ys.entry(*c).or_default().push(actor[a].1);
    }
    let mut bary: Vec<(f64, usize, NodeIndex)> = contents
        .iter()
        .enumerate()
        .map(|(k, cx)| {
            let v = ys.get(cx).map(Vec::as_slice).unwrap_or_default();
            (v.iter().sum::<f64>() / v.len().max(1) as f64, k, *cx)
        })
        .collect();
    bary.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    let actor_total = 30.0 + n_actors * actor_gap;
    let content_gap = (actor_total / contents.len().max(1) as f64).max(ROW);
    let mut content = HashMap::new();
    for (i, (_, _, cx)) in bary.iter().enumerate() {
        content.insert(*cx, (CONTENT_X, 30.0 + i as f64 * content_gap));
    }
    Placement {
        actor,
        content,
        contents: bary.into_iter().map(|(_, _, c)| c).collect(),
        actors: order.into_iter().map(|(ix, _)| ix).collect(),
        content_w: None,
        width: CONTENT_X + 560.0,
        height: actor_total.max(30.0 + contents.len() as f64 * content_gap) + 30.0,
    }
}

/// The issue view: one block per negotiation (a connected set of actors
/// and the issues they take stances on), blocks packed in columns to the
/// shape of a screen, so the overview fills the window.
fn centred(g: &PositionGraph) -> Placement {
    let edges = g.stance_edges();
    let actors = g.sorted_actors();
    let contents = g.sorted_contents();
    let dense: HashMap<NodeIndex, usize> = actors
        .iter()
        .chain(&contents)
        .enumerate()
        .map(|(i, ix)| (*ix, i))
        .collect();
    let mut uf = petgraph::unionfind::UnionFind::<usize>::new(dense.len());
    for (a, c, _) in &edges {
        uf.union(dense[a], dense[c]);
    }
    let mut blocks: BTreeMap<usize, (Vec<NodeIndex>, Vec<NodeIndex>)> = BTreeMap::new();
    for a in &actors {
        blocks.entry(uf.find(dense[a])).or_default().0.push(*a);
    }
    for c in &contents {
        blocks.entry(uf.find(dense[c])).or_default().1.push(*c);
    }
    let mut laid: Vec<Placement> = blocks
        .into_values()
        .map(|(a, c)| block(&edges, &a, &c))
        .collect();
    // tallest first, each into the shortest column
    laid.sort_by(|x, y| y.height.total_cmp(&x.height));
    let block_w = laid.first().map_or(1.0, |b| b.width);
    let total: f64 = laid.iter().map(|b| b.height).sum();
    let columns = ((SCREEN * total / block_w).sqrt().round() as usize).clamp(1, laid.len().max(1));
    let mut column_h = vec![0.0_f64; columns];
    let mut out = Placement {
        actor: HashMap::new(),
        content: HashMap::new(),
        contents: Vec::new(),
        actors: Vec::new(),
        content_w: Some(ISSUE_W),
        width: columns as f64 * block_w,
        height: 0.0,
    };
    for b in laid {
        let k = (0..columns)
            .min_by(|&x, &y| column_h[x].total_cmp(&column_h[y]).then(x.cmp(&y)))
            .unwrap_or(0);
        let (dx, dy) = (k as f64 * block_w, column_h[k]);
        column_h[k] += b.height;
        let moved = |m: HashMap<NodeIndex, (f64, f64)>| {
            m.into_iter()
                .map(move |(ix, (x, y))| (ix, (x + dx, y + dy)))
        };
        out.actor.extend(moved(b.actor));
        out.content.extend(moved(b.content));
        out.actors.extend(b.actors);
        out.contents.extend(b.contents);
    }
    out.height = column_h.iter().copied().fold(0.0, f64::max);
    out
}

/// One negotiation's block: its issues stacked in the middle, most actors
/// first; each actor at the weighted mean height of its issues, on the left
/// or the right alternately in that order, spread so that none overlap.
fn block(
    edges: &[(NodeIndex, NodeIndex, &crate::graph::StanceEdge)],
    actors: &[NodeIndex],
    contents: &[NodeIndex],
) -> Placement {
    let mine: BTreeSet<NodeIndex> = contents.iter().copied().collect();
    let edges: Vec<_> = edges.iter().filter(|(_, c, _)| mine.contains(c)).collect();
    let mut actors_of: HashMap<NodeIndex, usize> = HashMap::new();
    for (_, c, _) in &edges {
        *actors_of.entry(*c).or_default() += 1;
    }
    let mut contents = contents.to_vec();
    contents.sort_by_key(|c| std::cmp::Reverse(actors_of.get(c).copied().unwrap_or(0)));
    let mut content = HashMap::new();
    let mut y = 20.0;
    for c in &contents {
        let n = actors_of.get(c).copied().unwrap_or(1) as f64;
        let slot = (n * ROW / 2.0).max(ISSUE_H + 12.0);
        content.insert(*c, (ISSUE_X, y + (slot - ISSUE_H) / 2.0));
        y += slot;
    }
    let mut sum: HashMap<NodeIndex, (f64, f64)> = HashMap::new();
    for (a, c, e) in &edges {
        let w = e.count() as f64;
        let s = sum.entry(*a).or_default();
        s.0 += w * (content[c].1 + ISSUE_H / 2.0);
        s.1 += w;
    }
    let mut bary: Vec<(f64, NodeIndex)> = actors
        .iter()
        .map(|a| {
            let (s, n) = sum.get(a).copied().unwrap_or((0.0, 0.0));
            (s / n.max(1.0), *a)
        })
        .collect();
    bary.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    let mut actor = HashMap::new();
    let mut bottom = y;
    for (side, x) in [(0, ACTOR_X), (1, ISSUE_X + ISSUE_W + ISSUE_GAP)] {
        let mine: Vec<&(f64, NodeIndex)> = bary.iter().skip(side).step_by(2).collect();
        let wanted: Vec<f64> = mine.iter().map(|(y, _)| y - 9.0).collect();
        let ys = super::diagram::spread(&wanted, ROW, 20.0, f64::INFINITY);
        for ((_, a), y) in mine.iter().zip(ys) {
            actor.insert(*a, (x, y));
            bottom = bottom.max(y + ROW);
        }
    }
    Placement {
        actor,
        content,
        contents,
        actors: bary.into_iter().map(|(_, a)| a).collect(),
        content_w: Some(ISSUE_W),
        width: ISSUE_X + ISSUE_W + ISSUE_GAP + ACTOR_W + 2.0 * ACTOR_X + 40.0,
        height: bottom + 24.0,
    }
}

/// An edge's path from its actor's box to its content, and the box around it.
fn edge_path(p: &Placement, a: NodeIndex, c: NodeIndex) -> (String, [f64; 4]) {
    let (ax, ay) = p.actor[&a];
    let (cx, cy) = p.content[&c];
    let (x1, x2, y2) = match p.content_w {
        Some(w) if ax > cx => (ax, cx + w, cy + ISSUE_H / 2.0),
        Some(_) => (ax + ACTOR_W, cx, cy + ISSUE_H / 2.0),
        None => (ACTOR_X + ACTOR_W, cx - 8.0, cy + 5.0),
    };
    let y1 = ay + 9.0;
    let mid = (x1 + x2) / 2.0;
    (
        format!("M{x1:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {x2:.1},{y2:.1}"),
        [x1.min(x2), y1.min(y2), (x2 - x1).abs(), (y2 - y1).abs()],
    )
}

/// One view of positions (actors and contents, or actors and issues): its
/// data and its SVG group.
fn view<'a>(
    g: &'a PositionGraph,
    lx: Option<&Lexicon>,
    prefix: &str,
    p: &Placement,
    table: &mut EvidenceTable<'a>,
    svg: &mut String,
) -> ViewData<'a> {
    let actor_id: HashMap<NodeIndex, String> = p
        .actors
        .iter()
        .enumerate()
        .map(|(i, ix)| (*ix, format!("{prefix}a{i}")))
        .collect();
    let content_id: HashMap<NodeIndex, String> = p
        .contents
        .iter()
        .enumerate()
        .map(|(i, ix)| (*ix, format!("{prefix}c{i}")))
        .collect();
    let mut data = ViewData::default();
    let _ = writeln!(svg, r#"<g class="view" data-view="{prefix}">"#);
    // edges first, under the nodes
    let _ = writeln!(svg, r#"<g class="edges">"#);
    let mut edges = g.stance_edges();
    edges.sort_by_key(|(a, c, e)| (&actor_id[a], &content_id[c], e.stance));
    for (i, (a, c, e)) in edges.iter().enumerate() {
        let id = format!("{prefix}e{i}");
        let (d, bbox) = edge_path(p, *a, *c);
        let width = 1.2 + (e.count() as f64).ln() * 1.2;
        // claims are dashed, but only when zoomed in (map.css): dashes on
        // thousands of curves seen from afar cost the browser a minute a frame
        let claim = if e.stance == Stance::Claim {
            " claim"
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<path class="edge{claim}" data-id="{id}" d="{d}" stroke="{}" stroke-width="{width:.2}"><title>{}</title></path>"#,
            super::stance_colour(e.stance),
            escape_text(&format!(
                "{} {} ×{}",
                g.actor(*a).map(|x| x.name.as_str()).unwrap_or(""),
                e.stance,
                e.count()
            ))
        );
        let mut evidence: Vec<_> = e.evidence.iter().collect();
        evidence.sort();
        data.edges.push(EdgeData {
            id,
            a: actor_id[a].clone(),
            c: content_id[c].clone(),
            stance: e.stance,
            count: e.count(),
            targets: e.targets().into_keys().collect(),
            evidence: evidence.into_iter().map(|ev| table.add(ev)).collect(),
            bbox: rounded(bbox),
        });
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, r#"<g class="actors">"#);
    for ix in &p.actors {
        let Some(a) = g.actor(*ix) else { continue };
        let id = &actor_id[ix];
        let (x, y) = p.actor[ix];
        let w = ACTOR_W - (x - ACTOR_X).clamp(0.0, 14.0);
        let fill = match a.kind {
            crate::model::ActorKind::Country => "#fff2cc",
            crate::model::ActorKind::Person => "#dae8fc",
            crate::model::ActorKind::Organization => "#d5e8d4",
            _ => "#eeeeee",
        };
        let _ = writeln!(
            svg,
            r#"<g class="node actor" data-id="{id}" transform="translate({x:.1},{y:.1})"><rect width="{w:.1}" height="18" rx="5" fill="{fill}"/><text x="6" y="13">{}</text><title>{}</title></g>"#,
            escape_text(&super::shorten(&a.name, 28)),
            escape_text(&a.name)
        );
        data.actors.push(ActorData::of(a, id, lx, [x, y, w, 18.0]));
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, r#"<g class="contents">"#);
    for cx in &p.contents {
        let Some(c) = g.content(*cx) else { continue };
        let id = &content_id[cx];
        let (x, y) = p.content[cx];
        let bbox = match p.content_w {
            Some(w) => {
                let _ = writeln!(
                    svg,
                    r#"<g class="node content issue" data-id="{id}" transform="translate({x:.1},{y:.1})"><rect width="{w:.1}" height="{ISSUE_H:.1}" rx="6"/><text x="{:.1}" y="19" text-anchor="middle">{}</text><title>{}</title></g>"#,
                    w / 2.0,
                    escape_text(&super::shorten(&c.text, 48)),
                    escape_text(&c.text)
                );
                [x, y, w, ISSUE_H]
            }
            None => {
                let _ = writeln!(
                    svg,
                    r#"<g class="node content" data-id="{id}" transform="translate({x:.1},{y:.1})"><circle r="4" cy="5"/><text x="8" y="9">{}</text><title>{}</title></g>"#,
                    escape_text(&super::shorten(&c.text, 70)),
                    escape_text(&c.text)
                );
                let chars = c.text.chars().count().min(71) as f64;
                [x - 4.0, y - 2.0, 12.0 + chars * 6.2, 16.0]
            }
        };
        data.contents.push(ContentData {
            id: id.clone(),
            text: &c.text,
            bbox: rounded(bbox),
        });
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, "</g>");
    data
}

/// The lexicon's other names for an actor.
fn aliases(lx: Option<&Lexicon>, name: &str) -> Vec<String> {
    lx.and_then(|lx| lx.actor_named(name))
        .map(|e| e.aliases.clone())
        .unwrap_or_default()
}

/// A box to one decimal, which is all the page needs.
pub(super) fn rounded(b: [f64; 4]) -> [f64; 4] {
    b.map(|v| (v * 10.0).round() / 10.0)
}

/// JSON that can sit inside a `<script>` element: no `<` can close it, and
/// the noncharacters U+FFFE and U+FFFF (which no XML or HTML parser should
/// meet raw) are escapes, so the text the page shows is still the article's.
fn script_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .expect("map data serialises")
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{FFFE}', "\\ufffe")
        .replace('\u{FFFF}', "\\uffff")
}

/// The self-contained HTML negotiation map of `g`, its issues found with
/// the built-in word lists.
pub fn to_html(g: &PositionGraph) -> String {
    let lx = Lexicon::builtin();
    let issues = crate::issues::assign(g, &lx, &crate::issues::IssueOptions::default());
    to_html_with(g, Some(&lx), &issues)
}

/// The map of `g` with its `issues`; with a lexicon, the actor search box
/// also knows its aliases.
pub fn to_html_with(g: &PositionGraph, lx: Option<&Lexicon>, issues: &Issues) -> String {
    let by_body = g.by_affiliation();
    let by_issue = crate::issues::issue_graph(g, issues);
    let mut svg = String::new();
    let (p1, p2, p3) = (columns(g), columns(&by_body), centred(&by_issue));
    let mut table = EvidenceTable::default();
    let actor_view = view(g, lx, "v", &p1, &mut table, &mut svg);
    let body_view = view(&by_body, lx, "b", &p2, &mut table, &mut svg);
    let issue_view = view(&by_issue, lx, "i", &p3, &mut table, &mut svg);
    let (network, nw, nh) = super::map_network::network_view(g, issues, lx, &mut svg);
    let width = p1.width.max(p2.width).max(p3.width).max(nw);
    let height = p1.height.max(p2.height).max(p3.height).max(nh);
    #[derive(Serialize)]
    struct Data<'a> {
        actor: ViewData<'a>,
        affiliation: ViewData<'a>,
        issues: ViewData<'a>,
        network: super::map_network::NetworkData<'a>,
        evidence: EvidenceTable<'a>,
        colours: std::collections::BTreeMap<&'static str, &'static str>,
        documents: usize,
        /// The issue view's measures, which the page lays a filtered view out with.
        layout: [f64; 7],
    }
    let colours = Stance::ALL
        .iter()
        .map(|s| (s.as_str(), super::stance_colour(*s)))
        .collect();
    let data = Data {
        actor: actor_view,
        affiliation: body_view,
        issues: issue_view,
        network,
        evidence: table,
        colours,
        documents: g.documents.len(),
        layout: [ROW, ISSUE_H, ISSUE_X, ISSUE_W, ISSUE_GAP, ACTOR_X, ACTOR_W],
    };
    let legend: String = Stance::ALL
        .iter()
        .map(|s| format!(r#"<label class="stance"><input type="checkbox" data-stance="{0}" checked><span style="color:{1}">■</span> {0}</label>"#, s.as_str(), super::stance_colour(*s)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>stancegraph: who wants what</title>
<style>
{STYLE}
</style>
</head>
<body>
<header>
  <h1>Who wants what</h1>
  <div class="controls">
    <input id="actor-filter" type="search" placeholder="actor (any name or alias)" autocomplete="off">
    {legend}
    <label>min. evidence <input id="min-count" type="number" min="1" value="1"></label>
    <label>from <input id="since" type="date"></label>
    <label>to <input id="until" type="date"></label>
    <label>view <select id="view">
      <option value="actor">actors and contents</option>
      <option value="affiliation">countries and bodies</option>
      <option value="issues">issues</option>
      <option value="network">actor network</option>
    </select></label>
    <button id="conflicts" type="button">conflicts</button>
    <button id="reset" type="button">reset</button>
  </div>
</header>
<main>
  <div id="canvas">
    <svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" data-width="{width:.0}" data-height="{height:.0}">
{svg}    </svg>
  </div>
  <aside id="panel"><p class="hint">Click an edge for its evidence, an actor for its positions. Drag to pan, wheel to zoom. The address keeps the view and filters: bookmark or share it.</p></aside>
</main>
<footer id="status"></footer>
<script type="application/json" id="sg-data">{}</script>
<script>
{SCRIPT}
</script>
</body>
</html>
"#,
        script_json(&data)
    )
}
