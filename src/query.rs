//! Query stage: answers questions about a position graph.
//!
//! Receives: a [`PositionGraph`]. Returns: reports as data (serialisable) and
//! as human tables. Must never: change the graph.

use crate::graph::{Evidence, PositionGraph};
use crate::lexicon::Lexicon;
use crate::model::Stance;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One position of an actor, summarised.
#[derive(Debug, Clone, Serialize)]
pub struct PositionSummary {
    pub content: String,
    pub count: usize,
    pub targets: BTreeMap<String, usize>,
    /// The first sentence that states it (by document, then offset).
    pub evidence: Evidence,
}

/// An actor's positions grouped by stance.
#[derive(Debug, Clone, Serialize)]
pub struct ActorReport {
    pub actor: String,
    pub kind: String,
    pub affiliation: Option<String>,
    pub positions: BTreeMap<Stance, Vec<PositionSummary>>,
}

/// The positions of the actor called `name` (canonical name or any mention
/// the texts used), or `None` if the graph has no such actor.
pub fn actor_positions(g: &PositionGraph, name: &str) -> Option<ActorReport> {
    actor_positions_with(g, None, name)
}

/// As [`actor_positions`], also knowing the lexicon's aliases ("Copenhagen"
/// finds Denmark even when the texts never called it that).
pub fn actor_positions_with(
    g: &PositionGraph,
    lx: Option<&Lexicon>,
    name: &str,
) -> Option<ActorReport> {
    let ix = g.find_actor(name).or_else(|| {
        lx.and_then(|lx| lx.actor_by_form(name))
            .and_then(|e| g.find_actor(&e.name))
    })?;
    let a = g.actor(ix)?;
    let mut positions: BTreeMap<Stance, Vec<PositionSummary>> = BTreeMap::new();
    for (c, e) in g.positions_of(ix) {
        let mut ev = e.evidence.clone();
        ev.sort();
        let Some(first) = ev.into_iter().next() else {
            continue;
        };
        positions
            .entry(e.stance)
            .or_default()
            .push(PositionSummary {
                content: g.content(c).map(|c| c.text.clone()).unwrap_or_default(),
                count: e.count(),
                targets: e.targets(),
                evidence: first,
            });
    }
    for v in positions.values_mut() {
        v.sort_by(|x, y| {
            y.count
                .cmp(&x.count)
                .then_with(|| x.content.cmp(&y.content))
        });
    }
    Some(ActorReport {
        actor: a.name.clone(),
        kind: a.kind.as_str().to_string(),
        affiliation: a.affiliation.clone(),
        positions,
    })
}

impl ActorReport {
    /// A plain-text report: one block per stance, one line per content.
    pub fn to_table(&self) -> String {
        let mut s = String::new();
        let _ = write!(s, "{} ({}", self.actor, self.kind);
        if let Some(a) = &self.affiliation {
            let _ = write!(s, ", {a}");
        }
        let _ = writeln!(s, ")");
        if self.positions.is_empty() {
            let _ = writeln!(s, "  no positions");
        }
        for (stance, list) in &self.positions {
            let total: usize = list.iter().map(|p| p.count).sum();
            let _ = writeln!(s, "{stance} ({total})");
            for p in list {
                let targets = if p.targets.is_empty() {
                    String::new()
                } else {
                    format!(
                        " -> {}",
                        p.targets.keys().cloned().collect::<Vec<_>>().join(", ")
                    )
                };
                let _ = writeln!(s, "  {:>3}x  {}{}", p.count, p.content, targets);
                let _ = writeln!(
                    s,
                    "        {} [{}..{}]: {}",
                    p.evidence.doc,
                    p.evidence.span[0],
                    p.evidence.span[1],
                    p.evidence.sentence.replace('\n', " ")
                );
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;

    #[test]
    fn actor_found_by_alias_with_grouped_positions() {
        let lx = Lexicon::builtin();
        let mut g = PositionGraph::new();
        for p in extract_text(
            &lx,
            "The Kremlin rejected the truce. Moscow demanded a halt to arms shipments.",
        ) {
            g.add_position(&p);
        }
        let r = actor_positions(&g, "the Kremlin").expect("found by a mention");
        assert_eq!(r.actor, "Russia");
        assert_eq!(r.positions[&Stance::Reject][0].content, "the truce");
        assert_eq!(
            r.positions[&Stance::Demand][0].content,
            "a halt to arms shipments"
        );
        assert!(r.to_table().contains("reject (1)"));
        assert!(actor_positions(&g, "Atlantis").is_none());
    }
}
