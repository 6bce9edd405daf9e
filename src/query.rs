//! Query stage: answers questions about a position graph.
//!
//! Receives: a [`PositionGraph`]. Returns: reports as data (serialisable) and
//! as human tables. Must never: change the graph.

use crate::graph::{Evidence, PositionGraph};
use crate::issues::Issues;
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
    report_of(g, ix)
}

/// The positions of the actor whose name is `name` (folded, as nodes merge
/// on it; no mention or lexicon form): how a name already resolved on a
/// whole graph is looked up in a filtered one.
pub fn actor_positions_named(g: &PositionGraph, name: &str) -> Option<ActorReport> {
    report_of(g, g.actor_named(name)?)
}

fn report_of(g: &PositionGraph, ix: petgraph::stable_graph::NodeIndex) -> Option<ActorReport> {
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
    Some(ActorReport::new(a, positions))
}

impl ActorReport {
    /// The report of actor `a`, its positions in report order: most
    /// evidence first, then by content, then by first evidence (two
    /// contents may read alike), whatever order they came in.
    pub fn new(
        a: &crate::graph::ActorNode,
        mut positions: BTreeMap<Stance, Vec<PositionSummary>>,
    ) -> ActorReport {
        for v in positions.values_mut() {
            v.sort_by(|x, y| {
                y.count
                    .cmp(&x.count)
                    .then_with(|| x.content.cmp(&y.content))
                    .then_with(|| x.evidence.cmp(&y.evidence))
            });
        }
        ActorReport {
            actor: a.name.clone(),
            kind: a.kind.as_str().to_string(),
            affiliation: a.affiliation.clone(),
            positions,
        }
    }

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
                evidence_line(&mut s, &p.evidence);
            }
        }
        s
    }
}

/// The evidence line under a position in the text reports: where it was read
/// and the sentence, on one line.
fn evidence_line(s: &mut String, e: &Evidence) {
    let _ = writeln!(
        s,
        "        {} [{}..{}]: {}",
        e.doc,
        e.span[0],
        e.span[1],
        e.sentence.replace('\n', " ")
    );
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

/// One actor's stance on a content, as the other queries list it.
#[derive(Debug, Clone, Serialize)]
pub struct StanceRow {
    pub actor: String,
    pub stance: Stance,
    pub content: String,
    pub count: usize,
    pub evidence: Evidence,
}

/// Who takes which stance on contents matching all of `words` (compared
/// after the same normalisation and stemming that merges contents).
pub fn about(g: &PositionGraph, words: &str) -> Vec<StanceRow> {
    let wanted: Vec<String> = crate::graph::content_key(words)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut rows: Vec<StanceRow> = g
        .stance_edges()
        .into_iter()
        .filter_map(|(a, c, e)| {
            let content = g.content(c)?;
            let key: Vec<&str> = content.key.split(' ').collect();
            if !wanted.iter().all(|w| key.contains(&w.as_str())) {
                return None;
            }
            let mut ev = e.evidence.clone();
            ev.sort();
            Some(StanceRow {
                actor: g.actor(a)?.name.clone(),
                stance: e.stance,
                content: content.text.clone(),
                count: e.count(),
                evidence: ev.into_iter().next()?,
            })
        })
        .collect();
    rows.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then_with(|| (&x.content, &x.actor, x.stance).cmp(&(&y.content, &y.actor, y.stance)))
    });
    rows
}

/// How two stances on one content relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// One wants it (demands, proposes, supports), the other rejects it.
    Conflict,
    /// One demands what the other offers: a potential deal.
    Overlap,
    /// Both take the same stance.
    Agreement,
}

/// Two actors' stances on the same issue.
#[derive(Debug, Clone, Serialize)]
pub struct PairRow {
    pub relation: Relation,
    /// The issue's label.
    pub issue: String,
    pub issue_id: String,
    pub actor_a: String,
    pub stance_a: Stance,
    pub count_a: usize,
    pub actor_b: String,
    pub stance_b: Stance,
    pub count_b: usize,
    /// Evidence sentences behind both sides, what the pairs are ranked by.
    pub evidence: usize,
}

/// The relation between two stances on one issue, if any.
pub fn relation(a: Stance, b: Stance) -> Option<Relation> {
    use Stance::*;
    let wants = |s: Stance| matches!(s, Demand | Propose | Support);
    match (a, b) {
        (x, y) if x == y && x != Claim => Some(Relation::Agreement),
        (x, Reject) | (Reject, x) if wants(x) => Some(Relation::Conflict),
        (Demand, Offer) | (Offer, Demand) => Some(Relation::Overlap),
        _ => None,
    }
}

/// Pairs of actors whose stances on one issue stand in one of `wanted`
/// relations, most evidence first. "Denmark rejected the Norwegian plan"
/// and "Iceland backed the proposal" meet on the plan's issue, however
/// differently the contents are worded.
pub fn pairs(issues: &Issues, wanted: &[Relation]) -> Vec<PairRow> {
    // pairs are ranked on numbers: each label and actor name by its rank
    // among the others (an archive's issues can make millions of pairs)
    let labels = ranks(issues.list.iter().map(|i| i.label.as_str()));
    let actors = ranks(
        issues
            .list
            .iter()
            .flat_map(|i| i.actors.keys().map(String::as_str)),
    );
    // (evidence, relation, label, actor a, actor b, stances, issue, sides)
    type Key = (
        std::cmp::Reverse<usize>,
        Relation,
        u32,
        u32,
        u32,
        Stance,
        Stance,
    );
    type Side<'a> = (&'a str, Stance, usize);
    let mut keyed: Vec<(Key, usize, [Side; 2])> = Vec::new();
    for (k, issue) in issues.list.iter().enumerate() {
        let list: Vec<(&str, Stance, usize)> = issue
            .actors
            .iter()
            .flat_map(|(a, st)| st.iter().map(move |(s, n)| (a.as_str(), *s, *n)))
            .collect();
        let ranked: Vec<u32> = list.iter().map(|a| actors[a.0]).collect();
        let label = labels[issue.label.as_str()];
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                let (a, b) = (list[i], list[j]);
                if ranked[i] == ranked[j] {
                    continue;
                }
                if let Some(rel) = relation(a.1, b.1).filter(|r| wanted.contains(r)) {
                    let key = (
                        std::cmp::Reverse(a.2 + b.2),
                        rel,
                        label,
                        ranked[i],
                        ranked[j],
                        a.1,
                        b.1,
                    );
                    keyed.push((key, k, [a, b]));
                }
            }
        }
    }
    keyed.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    keyed
        .into_iter()
        .map(|(key, k, [a, b])| {
            let issue = &issues.list[k];
            PairRow {
                relation: key.1,
                issue: issue.label.clone(),
                issue_id: issue.id.clone(),
                actor_a: a.0.to_string(),
                stance_a: a.1,
                count_a: a.2,
                actor_b: b.0.to_string(),
                stance_b: b.1,
                count_b: b.2,
                evidence: a.2 + b.2,
            }
        })
        .collect()
}

/// Each name's rank among the distinct names (equal names, equal ranks).
fn ranks<'a>(names: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, u32> {
    let set: std::collections::BTreeSet<&str> = names.collect();
    set.into_iter().zip(0..).collect()
}

/// Rows of [`about`] as a table.
pub fn stance_rows_table(rows: &[StanceRow]) -> String {
    let mut s = String::new();
    if rows.is_empty() {
        let _ = writeln!(s, "no positions");
    }
    for r in rows {
        let _ = writeln!(s, "{:>3}x  {} {} {}", r.count, r.actor, r.stance, r.content);
        evidence_line(&mut s, &r.evidence);
    }
    s
}

/// Writes rows of [`pairs`] as a table, a line at a time (an archive's
/// pairs can run to hundreds of megabytes).
pub fn write_pair_rows(rows: &[PairRow], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if rows.is_empty() {
        writeln!(out, "no pairs")?;
    }
    for r in rows {
        let rel = match r.relation {
            Relation::Conflict => "conflict",
            Relation::Overlap => "overlap",
            Relation::Agreement => "agreement",
        };
        writeln!(
            out,
            "{rel:<9} {} ({} ×{}) vs {} ({} ×{}): {} [{}]",
            r.actor_a, r.stance_a, r.count_a, r.actor_b, r.stance_b, r.count_b, r.issue, r.issue_id
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod pair_tests {
    use super::*;
    use crate::extract::extract_text;
    use crate::lexicon::Lexicon;

    fn graph(text: &str) -> PositionGraph {
        let mut g = PositionGraph::new();
        for p in extract_text(&Lexicon::builtin(), text) {
            g.add_position(&p);
        }
        g
    }

    fn issues(g: &PositionGraph) -> Issues {
        crate::issues::assign(g, &Lexicon::builtin(), &Default::default())
    }

    #[test]
    fn conflicts_overlaps_and_agreements() {
        let g = graph("Kyiv demanded a ceasefire. Moscow rejected a ceasefire. Paris demanded a ceasefire. Berlin offered a ceasefire.");
        let is = issues(&g);
        let c = pairs(&is, &[Relation::Conflict]);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c
            .iter()
            .all(|r| r.actor_b == "Russia" || r.actor_a == "Russia"));
        let a = pairs(&is, &[Relation::Agreement]);
        assert_eq!(
            (a[0].actor_a.as_str(), a[0].actor_b.as_str()),
            ("France", "Ukraine")
        );
        let o = pairs(&is, &[Relation::Overlap]);
        assert_eq!(o.len(), 2);
    }

    #[test]
    fn sides_meet_on_an_issue_however_its_contents_are_worded() {
        let g = graph(
            "Norway proposed a plan to share the fishing quotas in the disputed waters. \
             Denmark rejected the plan on Tuesday. \
             Iceland supported the Norwegian proposal.",
        );
        let c = pairs(&issues(&g), &[Relation::Conflict]);
        let mut against: Vec<&str> = c
            .iter()
            .filter(|r| r.actor_a == "Denmark" || r.actor_b == "Denmark")
            .map(|r| {
                if r.actor_a == "Denmark" {
                    r.actor_b.as_str()
                } else {
                    r.actor_a.as_str()
                }
            })
            .collect();
        against.sort();
        assert_eq!(against, ["Iceland", "Norway"], "{c:?}");
    }

    #[test]
    fn about_matches_stemmed_words() {
        let g = graph("Kyiv demanded security guarantees. Moscow rejected the sanctions.");
        let rows = about(&g, "guarantee");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].actor, "Ukraine");
    }
}
