//! The HTML map's actor–actor network view: the actors with a tie on a
//! circle, each tie a curve through the inside, green where two actors take
//! the same side on issues (congruence) and red where they take opposite
//! sides (conflict), as thick as the number of issues.
//!
//! Actors are placed in the order of the issue they say most about (issues
//! most discussed first), so that those negotiating the same matter sit
//! together on the circle.

use super::html::{escape_text, ActorData};
use crate::graph::PositionGraph;
use crate::issues::Issues;
use crate::lexicon::Lexicon;
use crate::network::{build, Mode, NetworkOptions, Normalize};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A tie between two actors.
#[derive(Serialize)]
pub(super) struct TieData {
    id: String,
    a: String,
    b: String,
    /// "agree" or "clash".
    kind: &'static str,
    /// Issues on which they agree or clash.
    weight: usize,
    /// Those issues, as indexes into [`NetworkData::labels`].
    issues: Vec<usize>,
    bbox: [f64; 4],
}

/// The network view's data.
#[derive(Serialize, Default)]
pub(super) struct NetworkData<'a> {
    actors: Vec<ActorData<'a>>,
    ties: Vec<TieData>,
    /// Issue labels, each written once.
    labels: Vec<String>,
}

/// Space each actor takes on the circle, and room for labels around it.
const STEP: f64 = 26.0;
const LABEL: f64 = 220.0;

/// The network view of `g`: its data and its SVG group; returns the view's
/// width and height.
pub(super) fn network_view<'a>(
    g: &'a PositionGraph,
    issues: &Issues,
    lx: Option<&Lexicon>,
    svg: &mut String,
) -> (NetworkData<'a>, f64, f64) {
    let opts = |mode| NetworkOptions {
        mode,
        normalize: Normalize::None,
        isolates: false,
    };
    let keep = |_: Option<&str>| true;
    let agree = build(g, issues, &opts(Mode::Congruence), &keep);
    let clash = build(g, issues, &opts(Mode::Conflict), &keep);
    // each actor's main issue: the one it says most about
    let mut main: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (k, issue) in issues.list.iter().enumerate() {
        for (a, s) in &issue.actors {
            let n: usize = s.values().sum();
            let e = main.entry(a).or_insert((k, 0));
            if n > e.1 {
                *e = (k, n);
            }
        }
    }
    let mut names: Vec<&str> = agree
        .nodes
        .iter()
        .chain(&clash.nodes)
        .map(|n| n.id.as_str())
        .collect();
    names.sort_by_key(|n| (main.get(n).map_or(usize::MAX, |m| m.0), *n));
    names.dedup();
    let n = names.len().max(1) as f64;
    let r = (n * STEP / std::f64::consts::TAU).max(200.0);
    let (cx, cy) = (r + LABEL, r + 60.0);
    let mut at: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    for (k, name) in names.iter().enumerate() {
        let t = std::f64::consts::TAU * k as f64 / n - std::f64::consts::FRAC_PI_2;
        at.insert(name, (cx + r * t.cos(), cy + r * t.sin(), t.cos()));
    }
    let id_of: BTreeMap<&str, String> = names
        .iter()
        .enumerate()
        .map(|(k, name)| (*name, format!("na{k}")))
        .collect();
    let mut data = NetworkData::default();
    let mut label_ix: BTreeMap<String, usize> = BTreeMap::new();
    let _ = writeln!(svg, r#"<g class="view" data-view="n">"#);
    let _ = writeln!(svg, r#"<g class="edges">"#);
    let ties = agree
        .edges
        .iter()
        .map(|e| (e, "agree", "#2ca02c"))
        .chain(clash.edges.iter().map(|e| (e, "clash", "#d62728")));
    for (i, (e, kind, colour)) in ties.enumerate() {
        let (Some(&(x1, y1, _)), Some(&(x2, y2, _))) =
            (at.get(e.source.as_str()), at.get(e.target.as_str()))
        else {
            continue;
        };
        // a curve bent toward the centre
        let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
        let (qx, qy) = (mx + (cx - mx) * 0.45, my + (cy - my) * 0.45);
        let id = format!("nt{i}");
        let weight = e.weight.round() as usize;
        let _ = writeln!(
            svg,
            r#"<path class="edge tie {kind}" data-id="{id}" d="M{x1:.1},{y1:.1} Q{qx:.1},{qy:.1} {x2:.1},{y2:.1}" stroke="{colour}" stroke-width="{:.2}"><title>{}</title></path>"#,
            1.0 + (weight as f64).ln() * 1.5,
            escape_text(&format!(
                "{} and {} {kind} on {weight} issue{}",
                e.source,
                e.target,
                if weight == 1 { "" } else { "s" }
            ))
        );
        let (xs, ys) = ([x1, x2, qx], [y1, y2, qy]);
        let (lo_x, hi_x) = (
            xs.iter().copied().fold(f64::MAX, f64::min),
            xs.iter().copied().fold(f64::MIN, f64::max),
        );
        let (lo_y, hi_y) = (
            ys.iter().copied().fold(f64::MAX, f64::min),
            ys.iter().copied().fold(f64::MIN, f64::max),
        );
        data.ties.push(TieData {
            id,
            a: id_of[e.source.as_str()].clone(),
            b: id_of[e.target.as_str()].clone(),
            kind,
            weight,
            issues: e
                .issues
                .iter()
                .map(|l| {
                    *label_ix.entry(l.clone()).or_insert_with(|| {
                        data.labels.push(l.clone());
                        data.labels.len() - 1
                    })
                })
                .collect(),
            bbox: super::html::rounded([lo_x, lo_y, hi_x - lo_x, hi_y - lo_y]),
        });
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, r#"<g class="actors">"#);
    for name in &names {
        let Some(a) = g.find_actor(name).and_then(|ix| g.actor(ix)) else {
            continue;
        };
        let (x, y, cos) = at[name];
        let id = &id_of[name];
        let label = super::shorten(&a.name, 28);
        let w = 10.0 + label.chars().count() as f64 * 6.5;
        let (anchor, tx, bx) = if cos >= 0.0 {
            ("start", 8.0, x - 6.0)
        } else {
            ("end", -8.0, x - w)
        };
        let _ = writeln!(
            svg,
            r#"<g class="node actor" data-id="{id}" transform="translate({x:.1},{y:.1})"><circle r="5"/><text x="{tx}" y="4" text-anchor="{anchor}">{}</text><title>{}</title></g>"#,
            escape_text(&label),
            escape_text(&a.name)
        );
        data.actors
            .push(ActorData::of(a, id, lx, [bx, y - 9.0, w, 18.0]));
    }
    let _ = writeln!(svg, "</g>");
    let _ = writeln!(svg, "</g>");
    (data, 2.0 * (r + LABEL), 2.0 * r + 120.0)
}
