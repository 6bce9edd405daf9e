//! Each position's evidence summed up beside the position: how many
//! sentences state it (`positions.evidence`), which of them comes first in
//! evidence order (`positions.first_*`), and how many address each target
//! (`position_targets`). A question about one actor reads these rows, one
//! per position, instead of every evidence row of the actor.
//!
//! The writer keeps them in step with the evidence a batch at a time, in the
//! batch's own transaction: what a batch adds is tallied as it is written
//! ([`Pending::add`]) and folded into the stored summaries before the batch
//! commits ([`Pending::flush`]). [`rebuild`] sums up the whole store afresh
//! (migrating a store written before the summaries existed); a test checks
//! that both ways agree.

use crate::graph::Evidence;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// An evidence row as stored: ids, not yet the texts they stand for.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    /// The row's id (its sentence's id and its rank in it).
    pub id: i64,
    pub doc: i64,
    pub span: [usize; 2],
    pub variant: i64,
    pub cue: i64,
    pub rule: i64,
    pub target: Option<String>,
    /// As stored: NULL for the document's date, `''` for none.
    pub date: Option<String>,
}

/// The columns [`Row::from_columns`] reads, of `evidence e` joined to its
/// sentence `s`.
pub(super) const ROW_COLUMNS: &str =
    "e.id, s.document, s.start, s.end, e.variant, e.cue, e.rule, e.target, e.date";

impl Row {
    /// The row from the nine [`ROW_COLUMNS`] of `r` from `at` on.
    pub fn from_columns(r: &rusqlite::Row, at: usize) -> rusqlite::Result<Row> {
        Ok(Row {
            id: r.get(at)?,
            doc: r.get(at + 1)?,
            span: [
                r.get::<_, i64>(at + 2)? as usize,
                r.get::<_, i64>(at + 3)? as usize,
            ],
            variant: r.get(at + 4)?,
            cue: r.get(at + 5)?,
            rule: r.get(at + 6)?,
            target: r.get(at + 7)?,
            date: r.get(at + 8)?,
        })
    }
}

/// The tables [`Texts`] reads, with the query of each.
#[derive(Clone, Copy)]
pub(super) enum Table {
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

/// The texts behind ids, each read once: the rows of a position or an actor
/// share documents, cues and rules, and joining them per row costs more
/// than the rest of the reading. (Rows are never changed once written, so
/// a text read stays true.)
#[derive(Default)]
pub(super) struct Texts {
    /// Per table: id → (text, document date).
    tables: [FxHashMap<i64, (String, Option<String>)>; 5],
}

impl Texts {
    /// Reads row `id` of `table` into the cache if it is not there.
    fn load(&mut self, conn: &Connection, table: Table, id: i64) -> rusqlite::Result<()> {
        if let std::collections::hash_map::Entry::Vacant(slot) =
            self.tables[table as usize].entry(id)
        {
            let v = conn
                .prepare_cached(table.sql())?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            slot.insert(v);
        }
        Ok(())
    }

    fn get(
        &mut self,
        conn: &Connection,
        table: Table,
        id: i64,
    ) -> rusqlite::Result<&(String, Option<String>)> {
        self.load(conn, table, id)?;
        Ok(&self.tables[table as usize][&id])
    }

    pub fn text(&mut self, conn: &Connection, table: Table, id: i64) -> rusqlite::Result<String> {
        Ok(self.get(conn, table, id)?.0.clone())
    }

    /// The row's date: its own, or its document's.
    pub fn date(&mut self, conn: &Connection, row: &Row) -> rusqlite::Result<Option<String>> {
        Ok(match row.date.as_deref() {
            None => self.get(conn, Table::Documents, row.doc)?.1.clone(),
            Some("") => None,
            Some(d) => Some(d.to_string()),
        })
    }

    /// The evidence a row stands for (without its sentence).
    pub fn evidence(&mut self, conn: &Connection, row: &Row) -> rusqlite::Result<Evidence> {
        Ok(Evidence {
            doc: self.text(conn, Table::Documents, row.doc)?,
            span: row.span,
            sentence: String::new(),
            cue: self.text(conn, Table::Cues, row.cue)?,
            rule: self.text(conn, Table::Rules, row.rule)?,
            target: row.target.clone(),
            date: self.date(conn, row)?,
            content: self.text(conn, Table::Variants, row.variant)?,
        })
    }

    /// Whether row `a` comes before row `b` in evidence order (document,
    /// span, then the rest; the sentence is fixed by document and span).
    pub fn before(&mut self, conn: &Connection, a: &Row, b: &Row) -> rusqlite::Result<bool> {
        if a.doc != b.doc {
            self.load(conn, Table::Documents, a.doc)?;
            self.load(conn, Table::Documents, b.doc)?;
            let docs = &self.tables[Table::Documents as usize];
            return Ok(docs[&a.doc].0 < docs[&b.doc].0);
        }
        if a.span != b.span {
            return Ok(a.span < b.span);
        }
        Ok(self.evidence(conn, a)? < self.evidence(conn, b)?)
    }
}

/// What has been added to one position's evidence.
struct Delta {
    count: i64,
    targets: BTreeMap<String, i64>,
    first: Row,
}

/// The evidence a batch added, by position, until it is folded into the
/// stored summaries.
#[derive(Default)]
pub(super) struct Pending {
    by_position: FxHashMap<i64, Delta>,
    /// The summaries this writer last wrote (count, first row), good while
    /// no other writer has committed since: a position met in batch after
    /// batch is then not read back each time.
    known: FxHashMap<i64, (i64, Row)>,
    /// The store's generation after this writer's last commit.
    known_generation: Option<i64>,
}

impl Pending {
    /// Tallies one new evidence row of `position`.
    pub fn add(
        &mut self,
        conn: &Connection,
        texts: &mut Texts,
        position: i64,
        row: Row,
    ) -> rusqlite::Result<()> {
        let d = match self.by_position.entry(position) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(Delta {
                count: 0,
                targets: BTreeMap::new(),
                first: row.clone(),
            }),
        };
        d.count += 1;
        if let Some(t) = &row.target {
            *d.targets.entry(t.clone()).or_insert(0) += 1;
        }
        if texts.before(conn, &row, &d.first)? {
            d.first = row;
        }
        Ok(())
    }

    /// A batch starts on the store at `generation`: what this writer knows
    /// of the summaries holds only if no other writer committed since.
    pub fn begin_batch(&mut self, generation: i64) {
        if self.known_generation != Some(generation) {
            self.known.clear();
        }
    }

    /// The batch committed: the store is at `generation`.
    pub fn committed(&mut self, generation: i64) {
        self.known_generation = Some(generation);
    }

    /// Folds the tallies into the stored summaries (inside the batch's
    /// transaction) and starts afresh.
    pub fn flush(&mut self, conn: &Connection, texts: &mut Texts) -> rusqlite::Result<()> {
        let mut touched: Vec<(i64, Delta)> = self.by_position.drain().collect();
        touched.sort_unstable_by_key(|(p, _)| *p);
        for (position, d) in touched {
            let (count, stored) = match self.known.remove(&position) {
                Some((count, row)) => (count, Some(row)),
                None => stored_summary(conn, position)?,
            };
            let first = match stored {
                Some(s) if !texts.before(conn, &d.first, &s)? => s,
                _ => d.first,
            };
            conn.prepare_cached(
                "UPDATE positions SET evidence = ?2, first_evidence = ?3 WHERE id = ?1",
            )?
            .execute(params![position, count + d.count, first.id])?;
            self.known.insert(position, (count + d.count, first));
            for (target, n) in &d.targets {
                conn.prepare_cached(
                    "INSERT INTO position_targets(position, target, evidence) VALUES (?1, ?2, ?3)
                     ON CONFLICT(position, target) DO UPDATE SET evidence = evidence + excluded.evidence",
                )?
                .execute(params![position, target, n])?;
            }
        }
        Ok(())
    }
}

/// A position's stored count and first evidence row.
fn stored_summary(conn: &Connection, position: i64) -> rusqlite::Result<(i64, Option<Row>)> {
    let (count, first): (i64, Option<i64>) = conn
        .prepare_cached("SELECT evidence, first_evidence FROM positions WHERE id = ?1")?
        .query_row([position], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let Some(first) = first else {
        return Ok((count, None));
    };
    let row = conn
        .prepare_cached(&format!(
            "SELECT {ROW_COLUMNS} FROM evidence e JOIN sentences s ON s.id = e.sentence
             WHERE e.id = ?1"
        ))?
        .query_row([first], |r| Row::from_columns(r, 0))
        .optional()?;
    Ok((count, row))
}

/// Sums up every position's evidence afresh, replacing what is stored.
pub(super) fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "UPDATE positions SET evidence = 0, first_evidence = NULL;
         DELETE FROM position_targets;",
    )?;
    let mut texts = Texts::default();
    let mut pending = Pending::default();
    let mut st = conn.prepare(&format!(
        "SELECT e.position, {ROW_COLUMNS} FROM evidence e JOIN sentences s ON s.id = e.sentence
         ORDER BY e.position"
    ))?;
    let mut rows = st.query([])?;
    let mut last = None;
    while let Some(r) = rows.next()? {
        let position: i64 = r.get(0)?;
        // (evidence comes position by position: fold each one in as it ends)
        if last.is_some_and(|p| p != position) && pending.by_position.len() >= 4096 {
            pending.flush(conn, &mut texts)?;
            texts = Texts::default();
        }
        last = Some(position);
        let row = Row::from_columns(r, 1)?;
        pending.add(conn, &mut texts, position, row)?;
    }
    pending.flush(conn, &mut texts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::DocumentInfo;
    use crate::model::Document;
    use crate::store::{open, Writer};

    /// Every position's summary: count, first evidence (document, span,
    /// variant, cue and rule: not its id, which a migration renumbers),
    /// targets.
    type Summaries = Vec<(i64, i64, Option<[i64; 6]>, Vec<(String, i64)>)>;

    fn summaries(conn: &Connection) -> Summaries {
        let mut st = conn
            .prepare(
                "SELECT p.id, p.evidence, s.document, s.start, s.end, e.variant, e.cue, e.rule
                 FROM positions p LEFT JOIN evidence e ON e.id = p.first_evidence
                 LEFT JOIN sentences s ON s.id = e.sentence ORDER BY p.id",
            )
            .unwrap();
        let mut out: Summaries = st
            .query_map([], |r| {
                let key = match r.get::<_, Option<i64>>(2)? {
                    Some(d) => Some([d, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?]),
                    None => None,
                };
                Ok((r.get(0)?, r.get(1)?, key, Vec::new()))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for p in &mut out {
            let mut st = conn
                .prepare_cached(
                    "SELECT target, evidence FROM position_targets WHERE position = ?1 ORDER BY target",
                )
                .unwrap();
            p.3 = st
                .query_map([p.0], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect();
        }
        out
    }

    /// A store written in several batches, documents out of name order and
    /// positions met again in later batches, with targets.
    fn written(path: &std::path::Path) {
        let texts = [
            (
                "c.txt",
                "Kyiv urged Moscow to accept a ceasefire. Moscow rejected a ceasefire.",
            ),
            (
                "a.txt",
                "Moscow rejected a ceasefire. Kyiv demanded a ceasefire from Moscow.",
            ),
            (
                "b.txt",
                "Kyiv urged Washington to send more weapons. Moscow rejected a ceasefire.",
            ),
        ];
        let lx = crate::lexicon::Lexicon::builtin();
        for (name, text) in texts {
            let mut w = Writer::open(path).unwrap();
            let doc = Document::new(name, text);
            w.add_document(DocumentInfo::of(&doc)).unwrap();
            for p in crate::extract::extract_text(&lx, &doc.text) {
                let mut p = p;
                p.doc = name.to_string();
                w.add_position(p).unwrap();
            }
            w.finish().unwrap();
        }
    }

    #[test]
    fn summaries_kept_batch_by_batch_are_those_summed_up_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        written(&path);
        let conn = open(&path, false).unwrap();
        let kept = summaries(&conn);
        assert!(kept.iter().any(|p| p.1 >= 2), "{kept:?}");
        assert!(kept.iter().any(|p| !p.3.is_empty()), "{kept:?}");
        assert!(kept.iter().all(|p| p.2.is_some()));
        rebuild(&conn).unwrap();
        assert_eq!(summaries(&conn), kept);
        // the first evidence of a position met in c, a and b is a's
        let first_docs: Vec<String> = conn
            .prepare("SELECT d.name FROM positions p JOIN evidence e ON e.id = p.first_evidence JOIN sentences s ON s.id = e.sentence JOIN documents d ON d.id = s.document WHERE p.evidence = 3")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(first_docs, vec!["a.txt".to_string()]);
    }

    #[test]
    fn a_writer_reads_summaries_again_after_another_writer_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.db");
        let lx = crate::lexicon::Lexicon::builtin();
        let add = |w: &mut Writer, name: &str| {
            let doc = Document::new(
                name,
                "Moscow rejected a ceasefire. Kyiv demanded a ceasefire.",
            );
            w.add_document(DocumentInfo::of(&doc)).unwrap();
            for mut p in crate::extract::extract_text(&lx, &doc.text) {
                p.doc = name.to_string();
                w.add_position(p).unwrap();
            }
            w.commit().unwrap();
        };
        // (the same text under another name is one document: vary it)
        let mut a = Writer::open(&path).unwrap();
        let mut b = Writer::open(&path).unwrap();
        add(&mut a, "c.txt");
        let doc = Document::new("b.txt", "Moscow rejected a ceasefire again.");
        b.add_document(DocumentInfo::of(&doc)).unwrap();
        for mut p in crate::extract::extract_text(&lx, &doc.text) {
            p.doc = "b.txt".into();
            b.add_position(p).unwrap();
        }
        b.finish().unwrap();
        let doc = Document::new("a.txt", "Moscow rejected a ceasefire, officials said.");
        a.add_document(DocumentInfo::of(&doc)).unwrap();
        for mut p in crate::extract::extract_text(&lx, &doc.text) {
            p.doc = "a.txt".into();
            a.add_position(p).unwrap();
        }
        a.finish().unwrap();
        let conn = open(&path, false).unwrap();
        let kept = summaries(&conn);
        assert!(kept.iter().any(|p| p.1 == 3), "{kept:?}");
        rebuild(&conn).unwrap();
        assert_eq!(summaries(&conn), kept);
    }

    /// The store at `from` written again at `path` as schema `version` (1
    /// or 3) wrote it: sentences and evidence keyed by document and span,
    /// and (from version 2) no summaries yet, as before they were summed.
    fn downgraded(from: &std::path::Path, path: &std::path::Path, version: i32) {
        let conn = Connection::open(path).unwrap();
        let ddl = [
            crate::store::SCHEMA_V1,
            crate::store::SCHEMA_V2,
            crate::store::SCHEMA_V3,
        ];
        for d in &ddl[..version as usize] {
            conn.execute_batch(d).unwrap();
        }
        conn.execute("ATTACH ?1 AS new", [from.to_string_lossy()])
            .unwrap();
        conn.execute_batch(&format!(
            "INSERT INTO meta SELECT * FROM new.meta;
             INSERT INTO documents SELECT * FROM new.documents;
             INSERT INTO document_names SELECT * FROM new.document_names;
             INSERT INTO sentences SELECT document, start, end, text FROM new.sentences;
             INSERT INTO actors SELECT * FROM new.actors;
             INSERT INTO actor_mentions SELECT * FROM new.actor_mentions;
             INSERT INTO affiliations SELECT * FROM new.affiliations;
             INSERT INTO contents SELECT * FROM new.contents;
             INSERT INTO content_variants SELECT * FROM new.content_variants;
             INSERT INTO positions(id, actor, content, stance)
                 SELECT id, actor, content, stance FROM new.positions;
             INSERT INTO cues SELECT * FROM new.cues;
             INSERT INTO rules SELECT * FROM new.rules;
             INSERT INTO evidence
                 SELECT s.document, s.start, s.end, e.id & 1023, e.position, e.variant, e.cue,
                        e.rule, e.target, e.date
                 FROM new.evidence e JOIN new.sentences s ON s.id = e.sentence;
             PRAGMA user_version = {version};"
        ))
        .unwrap();
    }

    #[test]
    fn a_store_of_an_earlier_version_is_migrated_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v4.db");
        written(&path);
        let kept = summaries(&open(&path, false).unwrap());
        let graph = crate::store::load(&path).unwrap();
        for version in [1, 3] {
            let old = dir.path().join(format!("v{version}.db"));
            downgraded(&path, &old, version);
            let conn = open(&old, false).unwrap();
            let now: i32 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap();
            assert_eq!(now, crate::store::SCHEMA_VERSION);
            assert_eq!(summaries(&conn), kept, "from version {version}");
            drop(conn);
            let migrated = crate::store::load(&old).unwrap();
            assert_eq!(
                migrated.to_json(),
                graph.to_json(),
                "from version {version}"
            );
        }
    }
}
