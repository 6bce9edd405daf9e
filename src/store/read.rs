//! Reading a store back into a [`PositionGraph`], in one read transaction
//! so a writer adding documents meanwhile is seen whole or not at all; and
//! finding an actor by name for a question about one actor.

use super::{open, parse_kind, store_error};
use crate::error::{Error, Result};
use crate::graph::{name_key, DocumentInfo, Evidence, PositionGraph};
use crate::model::Stance;
use petgraph::stable_graph::NodeIndex;
use rusqlite::{Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use std::path::Path;

/// The whole store as a graph: what `load` of the same documents' graph
/// file gives.
pub fn load(path: &Path) -> Result<PositionGraph> {
    let conn = open(path, false)?;
    let read_all = || -> rusqlite::Result<PositionGraph> {
        conn.execute_batch("BEGIN")?;
        let g = read(&conn)?;
        conn.execute_batch("COMMIT")?;
        Ok(g)
    };
    read_all().map_err(|e| store_error(path, e))
}

/// Runs `f` on the first of `names` that names an actor (as its name or a
/// mention), in one read transaction; `None` when no name is known.
pub(super) fn with_actor<T>(
    path: &Path,
    names: &[&str],
    f: impl FnOnce(&Connection, i64) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
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
    let answer = match found {
        Some(actor) => Some(f(&conn, actor).map_err(err)?),
        None => None,
    };
    conn.execute_batch("COMMIT").map_err(err)?;
    Ok(answer)
}

/// The actor whose name, or else whose mention, has this name's key (the
/// first in key order, as [`PositionGraph::find_actor`] finds it).
fn find_actor(conn: &Connection, name: &str) -> rusqlite::Result<Option<i64>> {
    let key = name_key(name);
    let by_name: Option<i64> = conn
        .prepare_cached("SELECT id FROM actors WHERE key = ?1")?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    if by_name.is_some() {
        return Ok(by_name);
    }
    conn.prepare_cached(
        "SELECT a.id FROM actor_mentions m JOIN actors a ON a.id = m.actor
         WHERE m.key = ?1 ORDER BY a.key LIMIT 1",
    )?
    .query_row([&key], |r| r.get(0))
    .optional()
}

/// Node ids: the graph's node of each actor and content row.
type Nodes = (FxHashMap<i64, NodeIndex>, FxHashMap<i64, NodeIndex>);

/// An evidence row's columns as [`evidence_at`] reads them, then those the
/// query adds; `evidence e` joined to its sentence, document and texts.
const EVIDENCE_SQL: &str = "
    SELECT d.name, s.start, s.end, s.text, cu.text, r.name, e.target,
           CASE WHEN e.date IS NULL THEN d.date ELSE nullif(e.date, '') END, v.text,
           p.actor, p.content, p.stance
    FROM evidence e
    JOIN positions p ON p.id = e.position
    JOIN sentences s ON s.id = e.sentence
    JOIN documents d ON d.id = s.document
    JOIN content_variants v ON v.id = e.variant
    JOIN cues cu ON cu.id = e.cue
    JOIN rules r ON r.id = e.rule";

/// The evidence in the first nine columns of an [`EVIDENCE_SQL`] row.
fn evidence_at(r: &rusqlite::Row) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        doc: r.get(0)?,
        span: [r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize],
        sentence: r.get(3)?,
        cue: r.get(4)?,
        rule: r.get(5)?,
        target: r.get(6)?,
        date: r.get(7)?,
        content: r.get(8)?,
    })
}

/// The graph's actor, content and stance of a position whose actor id,
/// content id and stance are columns `at`.., if both nodes were read.
fn edge_at(
    r: &rusqlite::Row,
    at: usize,
    (actors, contents): &Nodes,
) -> rusqlite::Result<Option<(NodeIndex, NodeIndex, Stance)>> {
    let (Some(&a), Some(&c)) = (
        actors.get(&r.get::<_, i64>(at)?),
        contents.get(&r.get::<_, i64>(at + 1)?),
    ) else {
        return Ok(None);
    };
    Ok(Some((a, c, super::stance_at(r, at + 2)?)))
}

/// Reads the whole graph.
fn read(conn: &Connection) -> rusqlite::Result<PositionGraph> {
    let mut g = PositionGraph::new();
    let nodes = read_nodes(conn, &mut g)?;
    let mut st = conn.prepare(EVIDENCE_SQL)?;
    let mut rows = st.query([])?;
    let mut evidence = Vec::new();
    while let Some(r) = rows.next()? {
        if let Some((a, c, stance)) = edge_at(r, 9, &nodes)? {
            evidence.push((a, c, stance, evidence_at(r)?));
        }
    }
    // nodes and edges are made in the graph file's order (actors by name,
    // contents by key, edges by actor, content and stance), so that what
    // numbers them (issue ids, network rows) is what loading the file gives
    evidence.sort_unstable();
    for (a, c, stance, ev) in evidence {
        g.add_evidence(a, c, stance, ev);
    }
    read_rest(conn, &mut g, &nodes.0)?;
    Ok(g)
}

/// Writes the store's graph file (what [`load`] and
/// [`PositionGraph::write_json`] write) to `w`, holding its nodes and
/// edges but not its evidence: each edge's evidence is read as it is
/// written, through `evidence_by_position`.
pub fn write_json(path: &Path, w: impl std::io::Write) -> Result<()> {
    use std::borrow::Cow;
    let conn = open(path, false)?;
    let err = |e| store_error(path, e);
    conn.execute_batch("BEGIN").map_err(err)?;
    let mut g = PositionGraph::new();
    let mut positions = FxHashMap::default();
    let mut read_graph = |g: &mut PositionGraph| -> rusqlite::Result<()> {
        let nodes = read_nodes(&conn, g)?;
        let mut st =
            conn.prepare("SELECT id, actor, content, stance FROM positions WHERE evidence > 0")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(edge) = edge_at(r, 1, &nodes)? {
                g.stance_edge(edge.0, edge.1, edge.2);
                positions.insert(edge, r.get::<_, i64>(0)?);
            }
        }
        read_rest(&conn, g, &nodes.0)
    };
    read_graph(&mut g).map_err(err)?;
    let conn = std::sync::Mutex::new(conn);
    let sql = format!("{EVIDENCE_SQL} WHERE e.position = ?1");
    let written = g.write_json_with(w, |nodes, _| {
        let read = || -> rusqlite::Result<Vec<Cow<'_, Evidence>>> {
            let conn = conn.lock().unwrap_or_else(|e| e.into_inner());
            let mut st = conn.prepare_cached(&sql)?;
            let mut rows = st.query([positions[&nodes]])?;
            let mut all = Vec::new();
            while let Some(r) = rows.next()? {
                all.push(Cow::Owned(evidence_at(r)?));
            }
            all.sort();
            Ok(all)
        };
        read().map_err(std::io::Error::other)
    });
    written.map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let conn = conn.into_inner().unwrap_or_else(|e| e.into_inner());
    conn.execute_batch("COMMIT").map_err(err)
}

/// Reads the actors and contents, with their mentions and phrasings.
fn read_nodes(conn: &Connection, g: &mut PositionGraph) -> rusqlite::Result<Nodes> {
    let mut actors: FxHashMap<i64, NodeIndex> = FxHashMap::default();
    let mut st = conn.prepare("SELECT id, name, kind, affiliation FROM actors ORDER BY key")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let kind = parse_kind(&r.get::<_, String>(2)?);
        let affiliation: Option<String> = r.get(3)?;
        let ix = g.actor_node(&r.get::<_, String>(1)?, kind, affiliation.as_deref());
        actors.insert(r.get(0)?, ix);
    }
    let mut st = conn.prepare("SELECT actor, mention FROM actor_mentions")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(&ix) = actors.get(&r.get::<_, i64>(0)?) {
            g.add_mentions(ix, &std::collections::BTreeSet::from([r.get(1)?]));
        }
    }

    let mut contents: FxHashMap<i64, NodeIndex> = FxHashMap::default();
    let mut st = conn.prepare(
        "SELECT c.id, c.key, c.text, v.text FROM contents c
         JOIN content_variants v ON v.content = c.id ORDER BY c.key",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let key: String = r.get(1)?;
        let ix = g.content_node(&key, &r.get::<_, String>(2)?);
        g.content_node(&key, &r.get::<_, String>(3)?);
        contents.insert(r.get(0)?, ix);
    }

    Ok((actors, contents))
}

/// Reads the documents and the affiliations between `actors`.
fn read_rest(
    conn: &Connection,
    g: &mut PositionGraph,
    actors: &FxHashMap<i64, NodeIndex>,
) -> rusqlite::Result<()> {
    read_documents(conn, g)?;
    let mut st = conn.prepare("SELECT member, body FROM affiliations")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if let (Some(&m), Some(&b)) = (
            actors.get(&r.get::<_, i64>(0)?),
            actors.get(&r.get::<_, i64>(1)?),
        ) {
            g.add_affiliation(m, b);
        }
    }
    Ok(())
}

/// The documents, with the other names their texts were read under.
fn read_documents(conn: &Connection, g: &mut PositionGraph) -> rusqlite::Result<()> {
    let mut also: FxHashMap<i64, Vec<String>> = FxHashMap::default();
    let mut st = conn.prepare("SELECT document, name FROM document_names ORDER BY name")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        also.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    let mut st = conn.prepare("SELECT id, name, hash, date, source FROM documents")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let d = DocumentInfo {
            id: r.get(1)?,
            hash: r.get(2)?,
            date: r.get(3)?,
            source: r.get(4)?,
            also: also.remove(&id).unwrap_or_default(),
        };
        g.documents.insert(d.id.clone(), d);
    }
    Ok(())
}
