//! Discourse networks in the manner of Leifeld's Discourse Network Analyzer
//! (DNA): who takes which side on which issue, and the actor–actor networks
//! that follow from it.
//!
//! Every position has a *qualifier*: it is for its issue (demand, propose,
//! support, offer) or against it (reject); a claim has none and counts only
//! in the two-mode network.
//!
//! - **two-mode**: actor → issue edges, one per stance, weighted by evidence
//!   sentences;
//! - **congruence**: two actors are linked by the number of issues on which
//!   they share a qualifier;
//! - **conflict**: by the number of issues on which one is for and the other
//!   against;
//! - **subtract**: congruence minus conflict, each normalised first.
//!
//! Normalisation divides a one-mode count `w` of actors `a` and `b`, who take
//! a qualified position on `n_a` and `n_b` issues: `average` by
//! `(n_a + n_b) / 2`, `jaccard` by `n_a + n_b - w`, `cosine` by
//! `sqrt(n_a * n_b)`.

use crate::graph::PositionGraph;
use crate::issues::{Issue, Issues};
use crate::model::ActorKind;
use crate::model::Stance;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Which network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Actor × issue, each edge a stance.
    TwoMode,
    /// Actor – actor: issues on which they share a qualifier.
    Congruence,
    /// Actor – actor: issues on which one is for and the other against.
    Conflict,
    /// Actor – actor: congruence minus conflict.
    Subtract,
}

/// How one-mode edge weights are normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Normalize {
    /// Counts of issues.
    #[default]
    None,
    /// Divided by the mean of the two actors' issue counts.
    Average,
    /// Divided by the size of the union of their issues.
    Jaccard,
    /// Divided by the geometric mean of their issue counts.
    Cosine,
}

/// What network to draw and how.
#[derive(Debug, Clone, Copy)]
pub struct NetworkOptions {
    pub mode: Mode,
    pub normalize: Normalize,
    /// Keep actors without edges as nodes.
    pub isolates: bool,
}

/// A node: an actor or (two-mode) an issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetNode {
    pub id: String,
    pub label: String,
    /// "actor" or "issue".
    pub mode: &'static str,
    /// An actor's kind (person, country …); empty for an issue.
    pub kind: String,
    pub affiliation: String,
}

/// An edge, with the issues behind it (one-mode) or its stance (two-mode).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetEdge {
    pub source: String,
    pub target: String,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Issue labels the one-mode edge stands on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
}

/// A network: nodes in id order, edges heaviest first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Network {
    pub nodes: Vec<NetNode>,
    pub edges: Vec<NetEdge>,
}

/// For (`Some(true)`) or against (`Some(false)`) the issue; `None` for a claim.
pub fn qualifier(s: Stance) -> Option<bool> {
    match s {
        Stance::Demand | Stance::Propose | Stance::Support | Stance::Offer => Some(true),
        Stance::Reject => Some(false),
        Stance::Claim => None,
    }
}

/// Evidence counts by actor, issue (index) and stance, of the evidence whose
/// date `keep` accepts.
type Statements = BTreeMap<String, BTreeMap<usize, BTreeMap<Stance, usize>>>;

/// An actor as a network node shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorInfo {
    pub name: String,
    pub kind: ActorKind,
    pub affiliation: Option<String>,
}

/// Evidence sentences of one actor's stance on one issue, on one date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count {
    /// Index into the actors of the [`Tally`].
    pub actor: usize,
    /// Index into the issue list.
    pub issue: usize,
    pub stance: Stance,
    pub date: Option<String>,
    pub evidence: usize,
}

/// What a network is drawn from: the actors (in name-key order, as the
/// graph sorts them) and the evidence counts by actor, issue, stance and
/// date. Made from a graph and its issues, or read back from a store that
/// keeps its issues (`store::stored_issues`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub actors: Vec<ActorInfo>,
    pub counts: Vec<Count>,
}

impl Tally {
    /// The counts of every evidence sentence of `g` that has an issue.
    pub fn of(g: &PositionGraph, issues: &Issues) -> Tally {
        let order = g.sorted_actors();
        let mut index: BTreeMap<petgraph::stable_graph::NodeIndex, usize> = BTreeMap::new();
        let mut actors = Vec::with_capacity(order.len());
        for ix in order {
            let Some(a) = g.actor(ix) else { continue };
            index.insert(ix, actors.len());
            actors.push(ActorInfo {
                name: a.name.clone(),
                kind: a.kind,
                affiliation: a.affiliation.clone(),
            });
        }
        let mut counts: BTreeMap<(usize, usize, Stance, Option<&str>), usize> = BTreeMap::new();
        for (e, a, _, s) in g.stance_edges_indexed() {
            let Some(&actor) = index.get(&a) else {
                continue;
            };
            for (i, ev) in s.evidence.iter().enumerate() {
                if let Some(k) = issues.index_of(e, i) {
                    *counts
                        .entry((actor, k, s.stance, ev.date.as_deref()))
                        .or_insert(0) += 1;
                }
            }
        }
        let counts = counts
            .into_iter()
            .map(|((actor, issue, stance, date), evidence)| Count {
                actor,
                issue,
                stance,
                date: date.map(str::to_string),
                evidence,
            })
            .collect();
        Tally { actors, counts }
    }

    fn statements(&self, keep: &dyn Fn(Option<&str>) -> bool) -> Statements {
        let mut out: Statements = BTreeMap::new();
        for c in &self.counts {
            if keep(c.date.as_deref()) {
                *out.entry(self.actors[c.actor].name.clone())
                    .or_default()
                    .entry(c.issue)
                    .or_default()
                    .entry(c.stance)
                    .or_insert(0) += c.evidence;
            }
        }
        out
    }
}

/// The network of `g` (its issues given), over the evidence `keep` accepts
/// by date.
pub fn build(
    g: &PositionGraph,
    issues: &Issues,
    opts: &NetworkOptions,
    keep: &dyn Fn(Option<&str>) -> bool,
) -> Network {
    build_from(&Tally::of(g, issues), &issues.list, opts, keep)
}

/// The network of a tally of evidence on `issues`, over the evidence
/// `keep` accepts by date.
pub fn build_from(
    tally: &Tally,
    issues: &[Issue],
    opts: &NetworkOptions,
    keep: &dyn Fn(Option<&str>) -> bool,
) -> Network {
    let st = tally.statements(keep);
    let mut net = match opts.mode {
        Mode::TwoMode => two_mode(&st, issues),
        _ => one_mode(&st, issues, opts),
    };
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for e in &net.edges {
        used.insert(&e.source);
        used.insert(&e.target);
    }
    let mut nodes: Vec<NetNode> = Vec::new();
    for a in &tally.actors {
        let has_positions = st.contains_key(&a.name);
        if used.contains(a.name.as_str()) || (opts.isolates && has_positions) {
            nodes.push(NetNode {
                id: a.name.clone(),
                label: a.name.clone(),
                mode: "actor",
                kind: a.kind.as_str().to_string(),
                affiliation: a.affiliation.clone().unwrap_or_default(),
            });
        }
    }
    if opts.mode == Mode::TwoMode {
        for i in issues {
            if used.contains(i.id.as_str()) {
                nodes.push(NetNode {
                    id: i.id.clone(),
                    label: i.label.clone(),
                    mode: "issue",
                    kind: String::new(),
                    affiliation: String::new(),
                });
            }
        }
    }
    nodes.sort_by(|a, b| (a.mode, &a.id).cmp(&(b.mode, &b.id)));
    net.nodes = nodes;
    net
}

fn two_mode(st: &Statements, issues: &[Issue]) -> Network {
    let mut edges = Vec::new();
    for (actor, by_issue) in st {
        for (&k, stances) in by_issue {
            for (&stance, &n) in stances {
                edges.push(NetEdge {
                    source: actor.clone(),
                    target: issues[k].id.clone(),
                    weight: n as f64,
                    stance: Some(stance),
                    issues: Vec::new(),
                });
            }
        }
    }
    sort_edges(&mut edges);
    Network {
        nodes: Vec::new(),
        edges,
    }
}

/// The issues an actor is for and against.
type ForAgainst = (BTreeSet<usize>, BTreeSet<usize>);

/// Each actor's qualified issues.
type Sides = BTreeMap<String, ForAgainst>;

fn one_mode(st: &Statements, issues: &[Issue], opts: &NetworkOptions) -> Network {
    let mut sides: Sides = BTreeMap::new();
    for (actor, by_issue) in st {
        for (&k, stances) in by_issue {
            for &s in stances.keys() {
                let e = sides.entry(actor.clone()).or_default();
                match qualifier(s) {
                    Some(true) => {
                        e.0.insert(k);
                    }
                    Some(false) => {
                        e.1.insert(k);
                    }
                    None => {}
                }
            }
        }
    }
    sides.retain(|_, (p, n)| !p.is_empty() || !n.is_empty());
    let actors: Vec<(&String, &ForAgainst)> = sides.iter().collect();
    let mut edges = Vec::new();
    for i in 0..actors.len() {
        for j in i + 1..actors.len() {
            let ((a, (pa, na)), (b, (pb, nb))) = (actors[i], actors[j]);
            let same: BTreeSet<usize> = pa
                .intersection(pb)
                .chain(na.intersection(nb))
                .copied()
                .collect();
            let opposed: BTreeSet<usize> = pa
                .intersection(nb)
                .chain(na.intersection(pb))
                .copied()
                .collect();
            let n_a = pa.union(na).count();
            let n_b = pb.union(nb).count();
            let norm = |w: usize| normalise(opts.normalize, w, n_a, n_b);
            let (weight, on) = match opts.mode {
                Mode::Congruence => (norm(same.len()), same),
                Mode::Conflict => (norm(opposed.len()), opposed),
                _ => (
                    norm(same.len()) - norm(opposed.len()),
                    same.union(&opposed).copied().collect(),
                ),
            };
            if on.is_empty() || weight == 0.0 && opts.mode != Mode::Subtract {
                continue;
            }
            edges.push(NetEdge {
                source: a.clone(),
                target: b.clone(),
                weight,
                stance: None,
                issues: on.iter().map(|&k| issues[k].label.clone()).collect(),
            });
        }
    }
    sort_edges(&mut edges);
    Network {
        nodes: Vec::new(),
        edges,
    }
}

/// A count `w` normalised by the two actors' issue counts.
pub fn normalise(how: Normalize, w: usize, n_a: usize, n_b: usize) -> f64 {
    let (w, a, b) = (w as f64, n_a as f64, n_b as f64);
    let d = match how {
        Normalize::None => return w,
        Normalize::Average => (a + b) / 2.0,
        Normalize::Jaccard => a + b - w,
        Normalize::Cosine => (a * b).sqrt(),
    };
    if d > 0.0 {
        w / d
    } else {
        0.0
    }
}

fn sort_edges(edges: &mut [NetEdge]) {
    edges.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then_with(|| (&x.source, &x.target, x.stance).cmp(&(&y.source, &y.target, y.stance)))
    });
}

/// A time window: evidence dated from `start` up to, not including, `end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    pub start: String,
    pub end: String,
    /// `start` and `end` as days, compared with every evidence date.
    #[serde(skip)]
    days: (jiff::civil::Date, jiff::civil::Date),
}

impl Window {
    pub fn new(start: jiff::civil::Date, end: jiff::civil::Date) -> Window {
        Window {
            start: start.to_string(),
            end: end.to_string(),
            days: (start, end),
        }
    }
}

/// A length of time in days: `30d`, `2w` or a bare number of days.
pub fn parse_days(s: &str) -> Result<i64, String> {
    let t = s.trim().to_ascii_lowercase();
    let (num, unit) = match t.strip_suffix('w') {
        Some(n) => (n, 7),
        None => (t.strip_suffix('d').unwrap_or(&t), 1),
    };
    match num.trim().parse::<i64>() {
        Ok(n) if n > 0 => Ok(n * unit),
        _ => Err(format!("'{s}' is not a length of time such as 30d or 2w")),
    }
}

/// The day of an evidence date ("2025-03-01" or a timestamp starting so).
fn day_of(date: &str) -> Option<jiff::civil::Date> {
    date.get(..10)?.parse().ok()
}

/// Windows of `window` days every `step` days, from the first of `dates`
/// to the last.
pub fn windows_of<'a>(
    dates: impl IntoIterator<Item = &'a str>,
    window: i64,
    step: i64,
) -> Vec<Window> {
    let mut first: Option<jiff::civil::Date> = None;
    let mut last: Option<jiff::civil::Date> = None;
    for d in dates.into_iter().filter_map(day_of) {
        first = Some(first.map_or(d, |f| f.min(d)));
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    let (Some(mut start), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    loop {
        let Ok(end) = start.checked_add(jiff::Span::new().days(window)) else {
            break;
        };
        out.push(Window::new(start, end));
        if end > last {
            break;
        }
        match start.checked_add(jiff::Span::new().days(step)) {
            Ok(next) => start = next,
            Err(_) => break,
        }
    }
    out
}

/// Whether an evidence date falls in the window.
pub fn in_window(w: &Window, date: Option<&str>) -> bool {
    date.and_then(day_of)
        .is_some_and(|d| w.days.0 <= d && d < w.days.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisations_follow_their_formulas() {
        assert_eq!(normalise(Normalize::None, 2, 4, 2), 2.0);
        assert_eq!(normalise(Normalize::Average, 2, 4, 2), 2.0 / 3.0);
        assert_eq!(normalise(Normalize::Jaccard, 2, 4, 2), 0.5);
        assert!((normalise(Normalize::Cosine, 2, 4, 2) - 2.0 / 8f64.sqrt()).abs() < 1e-12);
        assert_eq!(normalise(Normalize::Jaccard, 0, 0, 0), 0.0);
    }

    #[test]
    fn lengths_of_time_parse_in_days_and_weeks() {
        assert_eq!(parse_days("30d"), Ok(30));
        assert_eq!(parse_days("2w"), Ok(14));
        assert_eq!(parse_days("7"), Ok(7));
        assert!(parse_days("0d").is_err() && parse_days("a month").is_err());
    }

    #[test]
    fn windows_cover_the_dated_evidence() {
        let w = Window::new("2025-01-01".parse().unwrap(), "2025-01-31".parse().unwrap());
        assert!(in_window(&w, Some("2025-01-30")));
        assert!(in_window(&w, Some("2025-01-01T09:00:00Z")));
        assert!(!in_window(&w, Some("2025-01-31")));
        assert!(!in_window(&w, None));
    }
}
pub mod write;
