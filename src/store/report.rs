//! Answering `query --actor` from a store without building a graph. With
//! no date filter, each of the actor's positions is one row: its evidence
//! count, targets and first evidence are summed up beside it
//! (`summary.rs`), and only the first evidence's sentence is read. A date
//! filter needs the evidence itself: one pass over the actor's evidence
//! rows (no sentence text), counting what the filter keeps. Either way the
//! report is the one [`crate::query::actor_positions_with`] gives on the
//! loaded graph.

use super::parse_kind;
use super::read::with_actor;
use super::summary::{Row, Table, Texts, ROW_COLUMNS};
use super::EVIDENCE_BITS;
use crate::error::Result;
use crate::graph::{ActorNode, Filter};
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
    with_actor(path, names, |conn, actor| report(conn, actor, filter))
}

/// A position's evidence as counted.
struct Tally {
    stance: Stance,
    content: i64,
    count: usize,
    targets: BTreeMap<String, usize>,
    /// Its first evidence row.
    first: Row,
}

/// The stance in column `i`, if the filter keeps it.
fn kept_stance(r: &rusqlite::Row, i: usize, filter: &Filter) -> rusqlite::Result<Option<Stance>> {
    let stance = super::stance_at(r, i)?;
    Ok(filter
        .stances
        .as_ref()
        .is_none_or(|s| s.contains(&stance))
        .then_some(stance))
}

/// The actor's positions as summed up in the store (no date filter).
fn from_summaries(
    conn: &Connection,
    actor: i64,
    filter: &Filter,
) -> rusqlite::Result<FxHashMap<i64, Tally>> {
    let mut st = conn.prepare(&format!(
        "SELECT p.id, p.stance, p.content, p.evidence, {ROW_COLUMNS}
             FROM positions p JOIN evidence e ON e.id = p.first_evidence
             JOIN sentences s ON s.id = e.sentence
             WHERE p.actor = ?1"
    ))?;
    let mut rows = st.query([actor])?;
    let mut tallies: FxHashMap<i64, Tally> = FxHashMap::default();
    while let Some(r) = rows.next()? {
        let Some(stance) = kept_stance(r, 1, filter)? else {
            continue;
        };
        let first = Row::from_columns(r, 4)?;
        let t = Tally {
            stance,
            content: r.get(2)?,
            count: r.get::<_, i64>(3)? as usize,
            targets: BTreeMap::new(),
            first,
        };
        tallies.insert(r.get(0)?, t);
    }
    let mut st = conn.prepare(
        "SELECT t.position, t.target, t.evidence
         FROM positions p JOIN position_targets t ON t.position = p.id
         WHERE p.actor = ?1",
    )?;
    let mut rows = st.query([actor])?;
    while let Some(r) = rows.next()? {
        if let Some(t) = tallies.get_mut(&r.get::<_, i64>(0)?) {
            t.targets.insert(r.get(1)?, r.get::<_, i64>(2)? as usize);
        }
    }
    Ok(tallies)
}

/// The actor's positions counted from the evidence rows the filter keeps.
fn from_evidence(
    conn: &Connection,
    texts: &mut Texts,
    actor: i64,
    filter: &Filter,
) -> rusqlite::Result<FxHashMap<i64, Tally>> {
    let mut st = conn.prepare(&format!(
        "SELECT p.id, p.stance, p.content, {ROW_COLUMNS}
             FROM positions p JOIN evidence e ON e.position = p.id
             JOIN sentences s ON s.id = e.sentence
             WHERE p.actor = ?1"
    ))?;
    let mut rows = st.query([actor])?;
    let mut tallies: FxHashMap<i64, Tally> = FxHashMap::default();
    while let Some(r) = rows.next()? {
        let Some(stance) = kept_stance(r, 1, filter)? else {
            continue;
        };
        let row = Row::from_columns(r, 3)?;
        if !filter.admits_date(texts.date(conn, &row)?.as_deref()) {
            continue;
        }
        let t = match tallies.entry(r.get(0)?) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(Tally {
                stance,
                content: r.get(2)?,
                count: 0,
                targets: BTreeMap::new(),
                first: row.clone(),
            }),
        };
        t.count += 1;
        if let Some(target) = &row.target {
            *t.targets.entry(target.clone()).or_insert(0) += 1;
        }
        if texts.before(conn, &row, &t.first)? {
            t.first = row;
        }
    }
    Ok(tallies)
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
    let mut texts = Texts::default();
    let tallies = if filter.since.is_some() || filter.until.is_some() {
        from_evidence(conn, &mut texts, actor, filter)?
    } else {
        from_summaries(conn, actor, filter)?
    };
    let mut sentence = conn.prepare("SELECT text FROM sentences WHERE id = ?1")?;
    let mut positions: BTreeMap<Stance, Vec<PositionSummary>> = BTreeMap::new();
    for t in tallies.into_values() {
        if t.count < filter.min_count {
            continue;
        }
        let mut first = texts.evidence(conn, &t.first)?;
        first.sentence = sentence.query_row([t.first.id >> EVIDENCE_BITS], |r| r.get(0))?;
        positions
            .entry(t.stance)
            .or_default()
            .push(PositionSummary {
                content: texts.text(conn, Table::Contents, t.content)?,
                count: t.count,
                targets: t.targets,
                evidence: first,
            });
    }
    Ok(ActorReport::new(&a, positions))
}
