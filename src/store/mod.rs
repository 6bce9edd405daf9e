//! Store stage: the position graph in an SQLite database (`archive.db`),
//! which grows a batch of documents at a time and answers a question by
//! reading only the rows it needs.
//!
//! Receives: documents and their positions (from `build`), or whole
//! [`PositionGraph`]s (from `merge`). Returns: the whole store as a
//! [`PositionGraph`], or one actor's report read from its rows alone
//! ([`actor_report`]). Must never: count a document twice (a
//! document is its text, however its path is spelled), leave part of a
//! batch behind after a crash (each batch is one transaction), or hold the
//! archive in memory while writing.
//!
//! The tables are those of the graph file, with each evidence sentence
//! stored once (`docs/store.md` documents them, with SQL, pandas and R
//! examples). The same documents give the same graph in either form:
//! `export --format json` of a store is, byte for byte, the graph file a
//! JSON build writes.
//!
//! ```
//! use stancegraph::{extract::extract_text, graph::DocumentInfo, model::Document, store};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("archive.db");
//! let doc = Document::new("a.txt", "Kyiv demanded a ceasefire. Moscow rejected a ceasefire.");
//! let mut w = store::Writer::open(&path).unwrap();
//! w.add_document(DocumentInfo::of(&doc)).unwrap();
//! for p in extract_text(&stancegraph::lexicon::Lexicon::builtin(), &doc.text) {
//!     w.add_position(p).unwrap();
//! }
//! w.finish().unwrap();
//! let g = store::load(&path).unwrap();
//! assert_eq!((g.actor_count(), g.content_count()), (2, 1));
//! ```

use crate::error::{Error, Result};
use crate::model::ActorKind;
use rusqlite::Connection;
use std::path::Path;

mod issues;
mod read;
mod report;
mod summary;
mod write;
pub use issues::{stored_issues, StoredIssues};
pub use read::load;
pub use report::actor_report;
pub use write::{copy, save, Totals, Writer};

/// The first bytes of every SQLite database file.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The schema version this build writes (`PRAGMA user_version`); older
/// stores are migrated when opened, newer ones refused.
pub const SCHEMA_VERSION: i32 = 3;

/// The tables and indexes of schema version 1 (see `docs/store.md`).
const SCHEMA_V1: &str = "
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    hash   TEXT NOT NULL,
    date   TEXT,
    source TEXT
);
CREATE UNIQUE INDEX documents_by_hash ON documents(hash) WHERE hash <> 'cbf29ce484222325';
CREATE INDEX documents_by_date ON documents(date);
CREATE TABLE document_names (
    document INTEGER NOT NULL REFERENCES documents(id),
    name     TEXT NOT NULL,
    PRIMARY KEY (document, name)
) WITHOUT ROWID;
CREATE TABLE sentences (
    document INTEGER NOT NULL REFERENCES documents(id),
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (document, start, end)
) WITHOUT ROWID;
CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    affiliation TEXT
);
CREATE TABLE actor_mentions (
    actor   INTEGER NOT NULL REFERENCES actors(id),
    mention TEXT NOT NULL,
    key     TEXT NOT NULL,
    PRIMARY KEY (actor, mention)
) WITHOUT ROWID;
CREATE INDEX actor_mentions_by_key ON actor_mentions(key);
CREATE TABLE affiliations (
    member INTEGER NOT NULL REFERENCES actors(id),
    body   INTEGER NOT NULL REFERENCES actors(id),
    PRIMARY KEY (member, body)
) WITHOUT ROWID;
CREATE TABLE contents (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL
);
CREATE TABLE content_variants (
    id      INTEGER PRIMARY KEY,
    content INTEGER NOT NULL REFERENCES contents(id),
    text    TEXT NOT NULL,
    UNIQUE (content, text)
);
CREATE TABLE positions (
    id      INTEGER PRIMARY KEY,
    actor   INTEGER NOT NULL REFERENCES actors(id),
    content INTEGER NOT NULL REFERENCES contents(id),
    stance  TEXT NOT NULL,
    UNIQUE (actor, content, stance)
);
CREATE INDEX positions_by_content ON positions(content);
CREATE TABLE cues (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
);
CREATE TABLE rules (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE evidence (
    document INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    seq      INTEGER NOT NULL,
    position INTEGER NOT NULL REFERENCES positions(id),
    variant  INTEGER NOT NULL REFERENCES content_variants(id),
    cue      INTEGER NOT NULL REFERENCES cues(id),
    rule     INTEGER NOT NULL REFERENCES rules(id),
    target   TEXT,
    date     TEXT,
    PRIMARY KEY (position, document, start, end, seq),
    FOREIGN KEY (document, start, end) REFERENCES sentences(document, start, end)
) WITHOUT ROWID;
CREATE INDEX evidence_by_sentence ON evidence(document, start, end);
CREATE VIEW evidence_view AS
    SELECT a.name AS actor, p.stance, c.text AS content, v.text AS phrasing,
           e.target, CASE WHEN e.date IS NULL THEN d.date ELSE nullif(e.date, '') END AS date,
           d.name AS document, e.start, e.end, s.text AS sentence, cu.text AS cue, r.name AS rule
    FROM evidence e
    JOIN positions p ON p.id = e.position
    JOIN actors a ON a.id = p.actor
    JOIN contents c ON c.id = p.content
    JOIN content_variants v ON v.id = e.variant
    JOIN sentences s ON (s.document, s.start, s.end) = (e.document, e.start, e.end)
    JOIN documents d ON d.id = e.document
    JOIN cues cu ON cu.id = e.cue
    JOIN rules r ON r.id = e.rule;
";

/// Version 2 sums up each position's evidence beside it (`summary.rs`):
/// its count, its first row in evidence order, and its targets.
const SCHEMA_V2: &str = "
ALTER TABLE positions ADD COLUMN evidence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN first_document INTEGER;
ALTER TABLE positions ADD COLUMN first_start INTEGER;
ALTER TABLE positions ADD COLUMN first_end INTEGER;
ALTER TABLE positions ADD COLUMN first_seq INTEGER;
CREATE TABLE position_targets (
    position INTEGER NOT NULL REFERENCES positions(id),
    target   TEXT NOT NULL,
    evidence INTEGER NOT NULL,
    PRIMARY KEY (position, target)
) WITHOUT ROWID;
";

/// Version 3 keeps the issues the positions were last grouped into
/// (`issues.rs`), so questions about issues need not group them again.
const SCHEMA_V3: &str = "
CREATE TABLE issues (
    id       INTEGER PRIMARY KEY,
    label    TEXT NOT NULL,
    codebook INTEGER NOT NULL,
    evidence INTEGER NOT NULL
);
CREATE TABLE issue_terms (
    issue INTEGER NOT NULL REFERENCES issues(id),
    rank  INTEGER NOT NULL,
    term  TEXT NOT NULL,
    PRIMARY KEY (issue, rank)
) WITHOUT ROWID;
CREATE TABLE issue_stances (
    issue    INTEGER NOT NULL REFERENCES issues(id),
    actor    INTEGER NOT NULL REFERENCES actors(id),
    stance   TEXT NOT NULL,
    date     TEXT,
    evidence INTEGER NOT NULL
);
CREATE TABLE issue_contents (
    issue    INTEGER NOT NULL REFERENCES issues(id),
    text     TEXT NOT NULL,
    evidence INTEGER NOT NULL,
    PRIMARY KEY (issue, text)
) WITHOUT ROWID;
CREATE TABLE issue_documents (
    issue    INTEGER NOT NULL REFERENCES issues(id),
    document INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (issue, document)
) WITHOUT ROWID;
";

/// Whether the file at `path` is an SQLite database (by its first bytes,
/// whatever its name).
pub fn is_store(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == MAGIC)
}

/// An error of the store at `path`, in one line.
pub(crate) fn store_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Opens the store at `path`, creating it (`create`) or requiring it, with
/// the schema brought up to [`SCHEMA_VERSION`]. Readers and a writer may
/// share the file (WAL); a second writer waits for the first one's batch.
pub(crate) fn open(path: &Path, create: bool) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let err = |e: rusqlite::Error| store_error(path, e);
    if !create {
        if !path.exists() {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        if !is_store(path) {
            return Err(store_error(path, "not an SQLite store"));
        }
    }
    let flags = if create {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    };
    let conn =
        Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(err)?;
    conn.busy_timeout(std::time::Duration::from_secs(600))
        .map_err(err)?;
    // (a damaged file fails here, on its first read, with SQLite's message)
    let version: i32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| store_error(path, format!("unreadable store: {e}")))?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| store_error(path, format!("unreadable store: {e}")))?;
    if version > SCHEMA_VERSION {
        return Err(store_error(
            path,
            format!("store schema version {version} is newer than this stancegraph reads (version {SCHEMA_VERSION}); upgrade stancegraph"),
        ));
    }
    if version == 0 && tables > 0 {
        return Err(store_error(
            path,
            "an SQLite database, but not a stancegraph store",
        ));
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(err)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(err)?;
    migrate(&conn, version).map_err(err)?;
    Ok(conn)
}

/// Brings a store from schema `version` to [`SCHEMA_VERSION`], in one
/// transaction: each step is the DDL from the version before it.
fn migrate(conn: &Connection, version: i32) -> rusqlite::Result<()> {
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    // (another writer may have created the schema while this one waited)
    let now: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let steps: &[(i32, &str)] = &[(1, SCHEMA_V1), (2, SCHEMA_V2), (3, SCHEMA_V3)];
    let run = || -> rusqlite::Result<()> {
        for &(to, ddl) in steps {
            if now < to {
                conn.execute_batch(ddl)?;
            }
        }
        if now < 2 {
            summary::rebuild(conn)?;
        }
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', 'stancegraph-store'), ('written_by', ?1)",
            [concat!("stancegraph ", env!("CARGO_PKG_VERSION"))],
        )?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)
    };
    match run() {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// The stance stored as its name in column `i` of a row.
pub(crate) fn stance_at(r: &rusqlite::Row, i: usize) -> rusqlite::Result<crate::model::Stance> {
    r.get_ref(i)?
        .as_str()?
        .parse()
        .map_err(|e: String| rusqlite::Error::ToSqlConversionFailure(e.into()))
}

/// The actor kind stored as its name.
pub(crate) fn parse_kind(s: &str) -> ActorKind {
    match s {
        "country" => ActorKind::Country,
        "organization" => ActorKind::Organization,
        "person" => ActorKind::Person,
        "group" => ActorKind::Group,
        _ => ActorKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{text_hash, Added, DocumentInfo, PositionGraph};
    use crate::model::{Document, Position, Stance};

    fn position(doc: &str, actor: &str, content: &str, date: Option<&str>) -> Position {
        let sentence = format!("{actor} demanded {content}.");
        Position {
            doc: doc.into(),
            actor: actor.into(),
            stance: Stance::Demand,
            content: content.into(),
            target: None,
            span: [0, sentence.len()],
            sentence,
            cue: "demanded".into(),
            rule: "test".into(),
            negated: false,
            actor_kind: ActorKind::Country,
            actor_mention: actor.into(),
            affiliation: None,
            date: date.map(str::to_string),
        }
    }

    fn dated(id: &str, text: &str, date: Option<&str>) -> DocumentInfo {
        let mut d = Document::new(id, text);
        d.date = date.map(str::to_string);
        DocumentInfo::of(&d)
    }

    #[test]
    fn a_graph_saved_as_a_store_loads_back_the_same() {
        let mut g = PositionGraph::new();
        g.add_document(dated("a", "text a", Some("2025-01-02")));
        g.add_document(dated("b", "text b", None));
        g.add_document(DocumentInfo {
            id: "from-positions".into(),
            date: None,
            source: None,
            hash: text_hash(""),
            also: Vec::new(),
        });
        // the document's date, none though it has one, and a date of its own
        g.add_position(&position("a", "Denmark", "a ceasefire", Some("2025-01-02")));
        g.add_position(&position("a", "Norway", "a ceasefire", None));
        g.add_position(&position(
            "a",
            "Iceland",
            "the ceasefires",
            Some("2024-12-31"),
        ));
        g.add_position(&position("b", "Denmark", "new talks", None));
        g.add_position(&position("from-positions", "Canada", "new talks", None));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.db");
        save(&g, &path).unwrap();
        assert!(is_store(&path));
        assert_eq!(load(&path).unwrap().to_json(), g.to_json());
        // saved twice over itself: the same
        save(&load(&path).unwrap(), &path).unwrap();
        assert_eq!(load(&path).unwrap().to_json(), g.to_json());
    }

    #[test]
    fn the_writer_counts_texts_once_and_numbers_names_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let mut w = Writer::open(&path).unwrap();
        assert_eq!(
            w.add_document(dated("x.txt", "one", None)).unwrap(),
            Added::New("x.txt".into())
        );
        assert_eq!(
            w.add_document(dated("./x.txt", "one", None)).unwrap(),
            Added::Known("x.txt".into())
        );
        assert_eq!(
            w.add_document(dated("x.txt", "two", None)).unwrap(),
            Added::New("x.txt (2)".into())
        );
        for _ in 0..2 {
            w.add_position(position("x.txt", "Denmark", "talks", None))
                .unwrap();
        }
        let totals = w.finish().unwrap();
        assert_eq!((totals.documents, totals.positions), (2, 1));
        let g = load(&path).unwrap();
        assert_eq!(g.documents["x.txt"].also, vec!["./x.txt".to_string()]);
        let (_, _, edge) = g.stance_edges()[0];
        assert_eq!(edge.count(), 1, "the same evidence twice is stored once");
    }

    #[test]
    fn the_schema_spells_the_hash_of_no_text() {
        // (the partial index on documents(hash) and the query that uses it
        // leave out documents read from positions alone by this literal)
        assert_eq!(text_hash(""), "cbf29ce484222325");
        assert!(SCHEMA_V1.contains("WHERE hash <> 'cbf29ce484222325'"));
    }

    #[test]
    fn files_that_are_not_stores_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("g.db");
        std::fs::write(&json, "{\"format\": \"stancegraph\"}").unwrap();
        assert!(!is_store(&json));
        let err = load(&json).unwrap_err().to_string();
        assert!(err.contains("not an SQLite store"), "{err}");
        assert!(!is_store(&dir.path().join("missing.db")));
    }
}
