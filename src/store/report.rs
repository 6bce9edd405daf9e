//! Answering `query --actor` from a store without building a graph: one
//! pass over the actor's evidence rows (no sentence text), counting each
//! position's evidence and targets and keeping its first row; only the
//! first rows' sentences are read. The report is the one
//! [`crate::query::actor_positions_with`] gives on the loaded graph.

use super::parse_kind;
use super::read::with_actor;
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
    with_actor(path, names, |conn, actor| report(conn, actor, filter))
}

/// A position's evidence as counted so far.
struct Tally {
    stance: Stance,
    content: i64,
    count: usize,
    targets: BTreeMap<String, usize>,
    /// The first evidence row so far.
    first: Row,
}

/// An evidence row as stored: ids, not yet the texts they stand for.
#[derive(Clone)]
struct Row {
    doc: i64,
    span: [usize; 2],
    variant: i64,
    cue: i64,
    rule: i64,
    target: Option<String>,
    /// As stored: NULL for the document's date, `''` for none.
    date: Option<String>,
}

/// The texts behind ids, each read once: most rows of an actor share
/// documents, cues and rules, and joining them per row was most of a query.
struct Texts<'c> {
    conn: &'c Connection,
    /// Per table: id → (text, document date).
    tables: [FxHashMap<i64, (String, Option<String>)>; 5],
}

/// The tables [`Texts`] reads, with the query of each.
#[derive(Clone, Copy)]
enum Table {
    Documents,
    Variants,
    Contents,
    Cues,
    Rules,
}

impl Table {
    fn sql(self) -> &'static str {
        match self {
            Table::Documents => "SELECT name, date FROM documents WHERE id = ?1",
            Table::Variants => "SELECT text, NULL FROM content_variants WHERE id = ?1",
            Table::Contents => "SELECT text, NULL FROM contents WHERE id = ?1",
            Table::Cues => "SELECT text, NULL FROM cues WHERE id = ?1",
            Table::Rules => "SELECT name, NULL FROM rules WHERE id = ?1",
        }
    }
}

impl Texts<'_> {
    /// Reads row `id` of `table` into the cache if it is not there.
    fn load(&mut self, table: Table, id: i64) -> rusqlite::Result<()> {
        if let std::collections::hash_map::Entry::Vacant(slot) =
            self.tables[table as usize].entry(id)
        {
            let v = self
                .conn
                .prepare_cached(table.sql())?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            slot.insert(v);
        }
        Ok(())
    }

    fn get(&mut self, table: Table, id: i64) -> rusqlite::Result<&(String, Option<String>)> {
        self.load(table, id)?;
        Ok(&self.tables[table as usize][&id])
    }

    fn text(&mut self, table: Table, id: i64) -> rusqlite::Result<String> {
        Ok(self.get(table, id)?.0.clone())
    }

    /// The row's date: its own, or its document's.
    fn date(&mut self, row: &Row) -> rusqlite::Result<Option<String>> {
        Ok(match row.date.as_deref() {
            None => self.get(Table::Documents, row.doc)?.1.clone(),
            Some("") => None,
            Some(d) => Some(d.to_string()),
        })
    }

    /// The evidence a row stands for (without its sentence).
    fn evidence(&mut self, row: &Row) -> rusqlite::Result<Evidence> {
        Ok(Evidence {
            doc: self.text(Table::Documents, row.doc)?,
            span: row.span,
            sentence: String::new(),
            cue: self.text(Table::Cues, row.cue)?,
            rule: self.text(Table::Rules, row.rule)?,
            target: row.target.clone(),
            date: self.date(row)?,
            content: self.text(Table::Variants, row.variant)?,
        })
    }

    /// Whether row `a` comes before row `b` in evidence order (document,
    /// span, then the rest; the sentence is fixed by document and span).
    fn before(&mut self, a: &Row, b: &Row) -> rusqlite::Result<bool> {
        if a.doc != b.doc {
            self.load(Table::Documents, a.doc)?;
            self.load(Table::Documents, b.doc)?;
            let docs = &self.tables[Table::Documents as usize];
            return Ok(docs[&a.doc].0 < docs[&b.doc].0);
        }
        if a.span != b.span {
            return Ok(a.span < b.span);
        }
        Ok(self.evidence(a)? < self.evidence(b)?)
    }
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
    let mut texts = Texts {
        conn,
        tables: Default::default(),
    };
    let dated = filter.since.is_some() || filter.until.is_some();
    let mut st = conn.prepare(
        "SELECT p.id, p.stance, p.content, e.document, e.start, e.end, e.variant, e.cue, e.rule,
                e.target, e.date
         FROM positions p JOIN evidence e ON e.position = p.id
         WHERE p.actor = ?1",
    )?;
    let mut rows = st.query([actor])?;
    let mut tallies: FxHashMap<i64, Tally> = FxHashMap::default();
    while let Some(r) = rows.next()? {
        let stance: Stance = r
            .get_ref(1)?
            .as_str()?
            .parse()
            .map_err(|e: String| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        if filter
            .stances
            .as_ref()
            .is_some_and(|s| !s.contains(&stance))
        {
            continue;
        }
        let row = Row {
            doc: r.get(3)?,
            span: [r.get::<_, i64>(4)? as usize, r.get::<_, i64>(5)? as usize],
            variant: r.get(6)?,
            cue: r.get(7)?,
            rule: r.get(8)?,
            target: r.get(9)?,
            date: r.get(10)?,
        };
        if dated && !filter.admits_date(texts.date(&row)?.as_deref()) {
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
        if texts.before(&row, &t.first)? {
            t.first = row;
        }
    }
    let mut sentence =
        conn.prepare("SELECT text FROM sentences WHERE document = ?1 AND start = ?2 AND end = ?3")?;
    let mut positions: BTreeMap<Stance, Vec<PositionSummary>> = BTreeMap::new();
    for t in tallies.into_values() {
        if t.count < filter.min_count {
            continue;
        }
        let mut first = texts.evidence(&t.first)?;
        first.sentence = sentence.query_row(
            rusqlite::params![t.first.doc, first.span[0] as i64, first.span[1] as i64],
            |r| r.get(0),
        )?;
        positions
            .entry(t.stance)
            .or_default()
            .push(PositionSummary {
                content: texts.text(Table::Contents, t.content)?,
                count: t.count,
                targets: t.targets,
                evidence: first,
            });
    }
    Ok(ActorReport::new(&a, positions))
}
