//! Answering `query --actor` from a store without building a graph: one
//! pass over the actor's evidence rows (no sentence text), counting each
//! position's evidence and targets and keeping its first row; only the
//! first rows' sentences are read. The report is the one
//! [`crate::query::actor_positions_with`] gives on the loaded graph.

use super::read::find_actor;
use super::{open, parse_kind, store_error};
use crate::error::Result;
use crate::graph::{ActorNode, Evidence, Filter};
use crate::model::Stance;
use crate::query::{ActorReport, PositionSummary};
use rusqlite::Connection;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::Path;

/// The report on the first of `names` that names an actor (as its name or
/// a mention), with the filter applied to its evidence; `None` when no name
/// is known.
pub fn actor_report(path: &Path, names: &[&str], filter: &Filter) -> Result<Option<ActorReport>> {
    let conn = open(path, false)?;
    let err = |e| store_error(path, e);
    conn.execute_batch("BEGIN").map_err(err)?;
    let mut found = None;
    for name in names {
        found = find_actor(&conn, name).map_err(err)?;
        if found.is_some() {
            break;
        }
    }
    let report = match found {
        Some(actor) => Some(report(&conn, actor, filter).map_err(err)?),
        None => None,
    };
    conn.execute_batch("COMMIT").map_err(err)?;
    Ok(report)
}

/// A position's evidence as counted so far.
struct Tally {
    stance: Stance,
    content: String,
    count: usize,
    targets: BTreeMap<String, usize>,
    /// The first evidence row (its sentence not read yet) and the document's row.
    first: Evidence,
    first_doc: i64,
}

fn report(conn: &Connection, actor: i64, filter: &Filter) -> rusqlite::Result<ActorReport> {
    let a = conn.query_row(
        "SELECT name, kind, affiliation FROM actors WHERE id = ?1",
        [actor],
        |r| {
            Ok(ActorNode {
                name: r.get(0)?,
                kind: parse_kind(&r.get::<_, String>(1)?),
                affiliation: r.get(2)?,
                mentions: Default::default(),
            })
        },
    )?;
    let mut st = conn.prepare(
        "SELECT p.id, p.stance, c.text, d.name, e.document, e.start, e.end, cu.text, r.name,
                e.target, CASE WHEN e.date IS NULL THEN d.date ELSE nullif(e.date, '') END, v.text
         FROM positions p
         JOIN evidence e ON e.position = p.id
         JOIN contents c ON c.id = p.content
         JOIN documents d ON d.id = e.document
         JOIN content_variants v ON v.id = e.variant
         JOIN cues cu ON cu.id = e.cue
         JOIN rules r ON r.id = e.rule
         WHERE p.actor = ?1",
    )?;
    let mut rows = st.query([actor])?;
    let mut tallies: FxHashMap<i64, Tally> = FxHashMap::default();
    while let Some(r) = rows.next()? {
        let stance: Stance = r
            .get::<_, String>(1)?
            .parse()
            .map_err(|e: String| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        if filter
            .stances
            .as_ref()
            .is_some_and(|s| !s.contains(&stance))
        {
            continue;
        }
        let date: Option<String> = r.get(10)?;
        if !filter.admits_date(date.as_deref()) {
            continue;
        }
        let ev = Evidence {
            doc: r.get(3)?,
            span: [r.get::<_, i64>(5)? as usize, r.get::<_, i64>(6)? as usize],
            // (the sentence is fixed by the document and span, so order
            // without it is the evidence's order; it is read at the end)
            sentence: String::new(),
            cue: r.get(7)?,
            rule: r.get(8)?,
            target: r.get(9)?,
            date,
            content: r.get(11)?,
        };
        let doc: i64 = r.get(4)?;
        let t = match tallies.entry(r.get(0)?) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(Tally {
                stance,
                content: r.get(2)?,
                count: 0,
                targets: BTreeMap::new(),
                first: ev.clone(),
                first_doc: doc,
            }),
        };
        t.count += 1;
        if let Some(target) = &ev.target {
            *t.targets.entry(target.clone()).or_insert(0) += 1;
        }
        if ev < t.first {
            (t.first, t.first_doc) = (ev, doc);
        }
    }
    let mut sentence =
        conn.prepare("SELECT text FROM sentences WHERE document = ?1 AND start = ?2 AND end = ?3")?;
    let mut positions: BTreeMap<Stance, Vec<PositionSummary>> = BTreeMap::new();
    for t in tallies.into_values() {
        if t.count < filter.min_count {
            continue;
        }
        let mut first = t.first;
        first.sentence = sentence.query_row(
            rusqlite::params![t.first_doc, first.span[0] as i64, first.span[1] as i64],
            |r| r.get(0),
        )?;
        positions
            .entry(t.stance)
            .or_default()
            .push(PositionSummary {
                content: t.content,
                count: t.count,
                targets: t.targets,
                evidence: first,
            });
    }
    Ok(ActorReport::new(&a, positions))
}
