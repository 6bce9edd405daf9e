//! The issues a store's positions were last grouped into, kept in the
//! store so that questions about issues (`query --conflicts`, `network`,
//! `issues`) read a few small tables instead of grouping every evidence
//! sentence of the archive again.
//!
//! Grouping is a function of the whole archive (a term's weight depends on
//! every document), so kept issues hold only for the store as it was: every
//! batch a writer commits counts up the store's `generation` (in `meta`),
//! and the issues are kept with the generation and the grouping options
//! they were made with (`issues_of`). A question that finds them out of
//! date, or made with other options, groups the whole store afresh and
//! keeps the result for the next question; a store it may not write to (or
//! that a writer holds) is answered all the same.
//!
//! What is kept is what the answers need, and what an analyst's SQL can
//! read: each issue's label, terms and evidence count; evidence counts by
//! issue, actor, stance and date (`issue_stances`, from which one-mode and
//! two-mode networks, windows included, are drawn); and each issue's
//! phrasings and documents.

use super::{open, parse_kind, stance_at, store_error, EVIDENCE_BITS};
use crate::error::Result;
use crate::issues::group::{Grouper, Mention};
use crate::issues::{Issue, IssueOptions, Issues};
use crate::lexicon::Lexicon;
use crate::model::Stance;
use crate::network::{ActorInfo, Count, Tally};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A store's issues and the evidence counts networks are drawn from.
#[derive(Debug, Clone)]
pub struct StoredIssues {
    pub issues: Issues,
    pub tally: Tally,
}

/// The store's issues, grouped with `lx` and `opts` (which `options`
/// names: any text that changes when they do): read as kept when they are
/// current, else grouped afresh from the whole store, a document at a time,
/// and kept. With `members` false, kept issues are read back without their
/// phrasings and documents (`Issue::contents` and `Issue::documents` are
/// left empty).
pub fn stored_issues(
    path: &Path,
    options: &str,
    members: bool,
    lx: &Lexicon,
    opts: &IssueOptions,
) -> Result<StoredIssues> {
    let conn = open(path, false)?;
    let err = |e| store_error(path, e);
    conn.execute_batch("BEGIN").map_err(err)?;
    let generation = generation(&conn).map_err(err)?;
    let stamp = format!("{generation} {options}");
    let kept: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'issues_of'", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(err)?;
    if kept.as_deref() == Some(stamp.as_str()) {
        let out = read_kept(&conn, members).map_err(err)?;
        conn.execute_batch("COMMIT").map_err(err)?;
        return Ok(out);
    }
    let (issues, tally) = group(&conn, lx, opts).map_err(err)?;
    conn.execute_batch("COMMIT").map_err(err)?;
    // (kept if the store can be written now; a question never waits long
    // for a writer, nor fails because the file is read-only)
    let _ = conn.busy_timeout(std::time::Duration::from_millis(200));
    if keep(&conn, generation, &stamp, &issues, &tally).is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    Ok(StoredIssues { issues, tally })
}

/// An evidence row as grouping reads it: ids for the short texts.
struct Mentioned {
    span: [usize; 2],
    actor: i64,
    content: i64,
    stance: Stance,
    variant: i64,
    cue: i64,
    rule: i64,
    target: Option<String>,
    date: Option<String>,
    sentence: String,
}

/// A row's place in its document: span, actor key, content key, stance,
/// cue and rule, target, date, phrasing.
type Order<'a> = (
    [usize; 2],
    &'a str,
    &'a str,
    Stance,
    [&'a str; 2],
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
);

/// The short texts rows point at, all read once.
struct Names {
    /// Actor id → (key, name, index in key order).
    actors: FxHashMap<i64, (String, String, usize)>,
    /// Content id → (key, text).
    contents: FxHashMap<i64, (String, String)>,
    variants: FxHashMap<i64, String>,
    cues: FxHashMap<i64, String>,
    rules: FxHashMap<i64, String>,
}

impl Names {
    fn read(conn: &Connection, actors: &mut Vec<ActorInfo>) -> rusqlite::Result<Names> {
        let map = |sql: &str| -> rusqlite::Result<FxHashMap<i64, String>> {
            let mut st = conn.prepare(sql)?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect()
        };
        let mut names = Names {
            actors: FxHashMap::default(),
            contents: FxHashMap::default(),
            variants: map("SELECT id, text FROM content_variants")?,
            cues: map("SELECT id, text FROM cues")?,
            rules: map("SELECT id, name FROM rules")?,
        };
        let mut st =
            conn.prepare("SELECT id, key, name, kind, affiliation FROM actors ORDER BY key")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            names
                .actors
                .insert(r.get(0)?, (r.get(1)?, r.get(2)?, actors.len()));
            actors.push(ActorInfo {
                name: r.get(2)?,
                kind: parse_kind(&r.get::<_, String>(3)?),
                affiliation: r.get(4)?,
            });
        }
        let mut st = conn.prepare("SELECT id, key, text FROM contents")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            names.contents.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
        }
        Ok(names)
    }

    fn text(map: &FxHashMap<i64, String>, id: i64) -> &str {
        map.get(&id).map_or("", String::as_str)
    }

    /// A document's rows in the order sources give mentions: by span, then
    /// actor key, content key, stance and the rest of the evidence.
    fn sort(&self, rows: &mut [Mentioned]) {
        rows.sort_by(|a, b| self.order(a).cmp(&self.order(b)));
    }

    /// What a row is sorted by (see [`Names::sort`]).
    fn order<'a>(&'a self, m: &'a Mentioned) -> Order<'a> {
        (
            m.span,
            self.actors.get(&m.actor).map_or("", |a| a.0.as_str()),
            self.contents.get(&m.content).map_or("", |c| c.0.as_str()),
            m.stance,
            [
                Names::text(&self.cues, m.cue),
                Names::text(&self.rules, m.rule),
            ],
            m.target.as_deref(),
            m.date.as_deref(),
            Names::text(&self.variants, m.variant),
        )
    }

    /// The mention a row stands for.
    fn mention<'a>(&'a self, m: &'a Mentioned) -> Mention<'a> {
        let phrasing = Names::text(&self.variants, m.variant);
        Mention {
            actor: self.actors.get(&m.actor).map_or("", |a| a.1.as_str()),
            stance: m.stance,
            span: m.span,
            content: if phrasing.trim().is_empty() {
                self.contents.get(&m.content).map_or("", |c| c.1.as_str())
            } else {
                phrasing
            },
            sentence: &m.sentence,
        }
    }
}

/// Calls `f` with each document's name and rows, documents in name order.
fn each_document(
    conn: &Connection,
    names: &Names,
    f: &mut dyn FnMut(&str, &[Mentioned]),
) -> rusqlite::Result<()> {
    let mut st = conn.prepare(&format!(
        "SELECT d.id, d.name, s.start, s.end, p.actor, p.content, p.stance, e.variant, e.cue,
                e.rule, e.target, CASE WHEN e.date IS NULL THEN d.date ELSE nullif(e.date, '') END,
                s.text
             FROM documents d
             JOIN document_sentences r ON r.document = d.id
             JOIN evidence e
               ON e.id BETWEEN r.first << {EVIDENCE_BITS} AND ((r.last + 1) << {EVIDENCE_BITS}) - 1
             JOIN positions p ON p.id = e.position
             JOIN sentences s ON s.id = e.sentence
             ORDER BY d.name"
    ))?;
    let mut rows = st.query([])?;
    let mut doc: Option<(i64, String)> = None;
    let mut batch: Vec<Mentioned> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if doc.as_ref().is_some_and(|(d, _)| *d != id) {
            let (_, name) = doc.take().expect("checked");
            names.sort(&mut batch);
            f(&name, &batch);
            batch.clear();
        }
        if doc.is_none() {
            doc = Some((id, r.get(1)?));
        }
        batch.push(Mentioned {
            span: [r.get::<_, i64>(2)? as usize, r.get::<_, i64>(3)? as usize],
            actor: r.get(4)?,
            content: r.get(5)?,
            stance: stance_at(r, 6)?,
            variant: r.get(7)?,
            cue: r.get(8)?,
            rule: r.get(9)?,
            target: r.get(10)?,
            date: r.get(11)?,
            sentence: r.get(12)?,
        });
    }
    if let Some((_, name)) = doc {
        names.sort(&mut batch);
        f(&name, &batch);
    }
    Ok(())
}

/// Groups the whole store, a document at a time, into issues and the tally
/// of their evidence: what [`crate::issues::assign`] and
/// [`Tally::of`] give on the store's graph.
fn group(
    conn: &Connection,
    lx: &Lexicon,
    opts: &IssueOptions,
) -> rusqlite::Result<(Issues, Tally)> {
    let mut actors = Vec::new();
    let names = Names::read(conn, &mut actors)?;
    let mut grouper = Grouper::new(lx, opts);
    each_document(conn, &names, &mut |_, rows| {
        let mentions: Vec<Mention> = rows.iter().map(|m| names.mention(m)).collect();
        grouper.count(&mentions);
    })?;
    let mut counts: FxHashMap<(usize, usize, Stance, Option<String>), usize> = FxHashMap::default();
    each_document(conn, &names, &mut |name, rows| {
        let mentions: Vec<Mention> = rows.iter().map(|m| names.mention(m)).collect();
        for (m, k) in rows.iter().zip(grouper.group(name, &mentions)) {
            let actor = names.actors.get(&m.actor).map_or(0, |a| a.2);
            *counts
                .entry((actor, k, m.stance, m.date.clone()))
                .or_insert(0) += 1;
        }
    })?;
    let (list, rank) = grouper.finish();
    let mut counts: Vec<Count> = counts
        .into_iter()
        .map(|((actor, k, stance, date), evidence)| Count {
            actor,
            issue: rank[k],
            stance,
            date,
            evidence,
        })
        .collect();
    counts.sort_unstable();
    Ok((Issues::from_list(list), Tally { actors, counts }))
}

/// The number of batches committed to the store so far.
pub(super) fn generation(conn: &Connection) -> rusqlite::Result<i64> {
    Ok(conn
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// Counts up the store's generation: every batch a writer commits.
pub(super) fn next_generation(conn: &Connection) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta(key, value) VALUES ('generation', '1')
         ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
    )?
    .execute([])?;
    Ok(())
}

/// Writes the issues over those kept, unless the store has moved on since
/// `generation` and another question kept newer ones.
fn keep(
    conn: &Connection,
    generation: i64,
    stamp: &str,
    issues: &Issues,
    tally: &Tally,
) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    if self::generation(conn)? != generation {
        conn.execute_batch("ROLLBACK")?;
        return Ok(());
    }
    conn.execute_batch(
        "DELETE FROM issue_documents; DELETE FROM issue_contents; DELETE FROM issue_stances;
         DELETE FROM issue_terms; DELETE FROM issues;",
    )?;
    let ids = |sql: &str| -> rusqlite::Result<FxHashMap<String, i64>> {
        let mut st = conn.prepare(sql)?;
        let rows = st.query_map([], |r| Ok((r.get(1)?, r.get(0)?)))?;
        rows.collect()
    };
    let actors = ids("SELECT id, name FROM actors")?;
    let documents = ids("SELECT id, name FROM documents")?;
    let mut issue =
        conn.prepare("INSERT INTO issues(id, label, codebook, evidence) VALUES (?1, ?2, ?3, ?4)")?;
    let mut term =
        conn.prepare("INSERT INTO issue_terms(issue, rank, term) VALUES (?1, ?2, ?3)")?;
    let mut content =
        conn.prepare("INSERT INTO issue_contents(issue, text, evidence) VALUES (?1, ?2, ?3)")?;
    let mut document =
        conn.prepare("INSERT INTO issue_documents(issue, document) VALUES (?1, ?2)")?;
    for (k, i) in issues.list.iter().enumerate() {
        let id = k as i64 + 1;
        issue.execute(params![id, i.label, i.codebook, i.positions as i64])?;
        for (rank, t) in i.terms.iter().enumerate() {
            term.execute(params![id, rank as i64, t])?;
        }
        for (text, n) in &i.contents {
            content.execute(params![id, text, *n as i64])?;
        }
        for d in &i.documents {
            if let Some(doc) = documents.get(d) {
                document.execute(params![id, doc])?;
            }
        }
    }
    let mut stance = conn.prepare(
        "INSERT INTO issue_stances(issue, actor, stance, date, evidence) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for c in &tally.counts {
        if let Some(actor) = actors.get(&tally.actors[c.actor].name) {
            stance.execute(params![
                c.issue as i64 + 1,
                actor,
                c.stance.as_str(),
                c.date,
                c.evidence as i64
            ])?;
        }
    }
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('issues_of', ?1)",
        [stamp],
    )?;
    conn.execute_batch("COMMIT")
}

/// The kept issues, as grouping gave them.
fn read_kept(conn: &Connection, members: bool) -> rusqlite::Result<StoredIssues> {
    let mut actors = Vec::new();
    let mut actor_index: FxHashMap<i64, usize> = FxHashMap::default();
    let mut st = conn.prepare("SELECT id, name, kind, affiliation FROM actors ORDER BY key")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        actor_index.insert(r.get(0)?, actors.len());
        actors.push(ActorInfo {
            name: r.get(1)?,
            kind: parse_kind(&r.get::<_, String>(2)?),
            affiliation: r.get(3)?,
        });
    }
    let mut list: Vec<Issue> = Vec::new();
    let mut st = conn.prepare("SELECT id, label, codebook, evidence FROM issues ORDER BY id")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        list.push(Issue {
            id: format!("i{}", r.get::<_, i64>(0)?),
            label: r.get(1)?,
            codebook: r.get(2)?,
            terms: Vec::new(),
            positions: r.get::<_, i64>(3)? as usize,
            actors: BTreeMap::new(),
            contents: BTreeMap::new(),
            documents: BTreeSet::new(),
        });
    }
    let n = list.len();
    let slot = |id: i64| usize::try_from(id - 1).ok().filter(|&k| k < n);
    let mut st = conn.prepare("SELECT issue, term FROM issue_terms ORDER BY issue, rank")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(k) = slot(r.get(0)?) {
            list[k].terms.push(r.get(1)?);
        }
    }
    let mut counts = Vec::new();
    let mut st = conn.prepare("SELECT issue, actor, stance, date, evidence FROM issue_stances")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (Some(issue), Some(&actor)) = (slot(r.get(0)?), actor_index.get(&r.get(1)?)) else {
            continue;
        };
        let stance = stance_at(r, 2)?;
        let evidence = r.get::<_, i64>(4)? as usize;
        *list[issue]
            .actors
            .entry(actors[actor].name.clone())
            .or_default()
            .entry(stance)
            .or_insert(0) += evidence;
        counts.push(Count {
            actor,
            issue,
            stance,
            date: r.get(3)?,
            evidence,
        });
    }
    counts.sort_unstable();
    if members {
        read_members(conn, &mut list)?;
    }
    Ok(StoredIssues {
        issues: Issues::from_list(list),
        tally: Tally { actors, counts },
    })
}

/// Each issue's phrasings and documents.
fn read_members(conn: &Connection, list: &mut [Issue]) -> rusqlite::Result<()> {
    let n = list.len();
    let slot = |id: i64| usize::try_from(id - 1).ok().filter(|&k| k < n);
    let mut st = conn.prepare("SELECT issue, text, evidence FROM issue_contents")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(k) = slot(r.get(0)?) {
            list[k]
                .contents
                .insert(r.get(1)?, r.get::<_, i64>(2)? as usize);
        }
    }
    let mut st = conn.prepare(
        "SELECT i.issue, d.name FROM issue_documents i JOIN documents d ON d.id = i.document",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(k) = slot(r.get(0)?) {
            list[k].documents.insert(r.get(1)?);
        }
    }
    Ok(())
}
