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
pub use read::{load, write_json};
pub use report::actor_report;
pub use write::{copy, save, Totals, Writer};

/// The first bytes of every SQLite database file.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The schema version this build writes (`PRAGMA user_version`); older
/// stores are migrated when opened, newer ones refused.
pub const SCHEMA_VERSION: i32 = 4;

/// The tables and indexes of schema version 1 (see `docs/store.md`).
pub(crate) const SCHEMA_V1: &str = "
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
pub(crate) const SCHEMA_V2: &str = "
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
pub(crate) const SCHEMA_V3: &str = "
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

/// The page size of a new store. Sentences are a few hundred bytes, and a
/// page ends with the room no further sentence fits in: 16 KiB pages waste
/// a quarter of what 4 KiB pages do (1 GB corpus: 18 MB less).
const PAGE_SIZE: i64 = 16_384;

/// Bits of an evidence id that number it within its sentence (schema
/// version 4): an evidence row's id is `sentence << 10 | rank`.
pub(crate) const EVIDENCE_BITS: u32 = 10;

/// The first evidence id of sentence `sentence`: a sentence's evidence rows
/// are the ids from there up to the next sentence's first.
pub(crate) fn first_evidence(sentence: i64) -> i64 {
    sentence << EVIDENCE_BITS
}

/// Version 4 numbers sentences in the order they are written and evidence
/// by its sentence (see [`EVIDENCE_BITS`]). A build appends one document's
/// sentences, and their evidence, as one run of ids, so both tables are
/// rowid tables filled by appending, and reading by document or sentence
/// is a range of rowids: `document_sentences` holds each document's runs
/// (one, unless positions were added to it later). Evidence is found by
/// position through `evidence_by_position`; a position's first evidence is
/// one id (`first_evidence`). (1 GB corpus: the store shrinks from 1.34x
/// the text to 1.18x.) The view reads `evidence` first (`CROSS JOIN` fixes
/// the order): left to itself, SQLite's planner would start from the
/// small `cues` and `rules` tables and index all of `evidence` on the fly.
const SCHEMA_V4: &str = "
CREATE TABLE sentences_v4 (
    id       INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL
);
INSERT INTO sentences_v4(id, document, start, end, text)
    SELECT row_number() OVER (ORDER BY document, start, end), document, start, end, text
    FROM sentences ORDER BY document, start, end;
CREATE UNIQUE INDEX sentences_v4_by_span ON sentences_v4(document, start, end);
CREATE TABLE document_sentences (
    document INTEGER NOT NULL REFERENCES documents(id),
    first    INTEGER NOT NULL,
    last     INTEGER NOT NULL,
    PRIMARY KEY (document, first)
) WITHOUT ROWID;
INSERT INTO document_sentences
    SELECT document, min(id), max(id) FROM sentences_v4 GROUP BY document;
CREATE TABLE evidence_v4 (
    id       INTEGER PRIMARY KEY,
    sentence INTEGER GENERATED ALWAYS AS (id >> 10) VIRTUAL,
    position INTEGER NOT NULL REFERENCES positions(id),
    variant  INTEGER NOT NULL REFERENCES content_variants(id),
    cue      INTEGER NOT NULL REFERENCES cues(id),
    rule     INTEGER NOT NULL REFERENCES rules(id),
    target   TEXT,
    date     TEXT
);
INSERT INTO evidence_v4(id, position, variant, cue, rule, target, date)
    SELECT (s.id << 10) + row_number() OVER (PARTITION BY s.id ORDER BY e.seq, e.position) - 1,
           e.position, e.variant, e.cue, e.rule, e.target, e.date
    FROM evidence e JOIN sentences_v4 s USING (document, start, end) ORDER BY 1;
DROP INDEX sentences_v4_by_span;
DROP VIEW evidence_view;
DROP TABLE evidence;
DROP TABLE sentences;
ALTER TABLE sentences_v4 RENAME TO sentences;
ALTER TABLE evidence_v4 RENAME TO evidence;
CREATE INDEX evidence_by_position ON evidence(position);
ALTER TABLE positions DROP COLUMN first_document;
ALTER TABLE positions DROP COLUMN first_start;
ALTER TABLE positions DROP COLUMN first_end;
ALTER TABLE positions DROP COLUMN first_seq;
ALTER TABLE positions ADD COLUMN first_evidence INTEGER;
CREATE VIEW evidence_view AS
    SELECT a.name AS actor, p.stance, c.text AS content, v.text AS phrasing,
           e.target, CASE WHEN e.date IS NULL THEN d.date ELSE nullif(e.date, '') END AS date,
           d.name AS document, s.start, s.end, s.text AS sentence, cu.text AS cue, r.name AS rule
    FROM evidence e
    CROSS JOIN positions p ON p.id = e.position
    JOIN actors a ON a.id = p.actor
    JOIN contents c ON c.id = p.content
    JOIN content_variants v ON v.id = e.variant
    JOIN sentences s ON s.id = e.sentence
    JOIN documents d ON d.id = s.document
    JOIN cues cu ON cu.id = e.cue
    JOIN rules r ON r.id = e.rule;
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
    if version == 0 {
        // (a page size holds only until the first table is written)
        conn.pragma_update(None, "page_size", PAGE_SIZE)
            .map_err(err)?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(err)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(err)?;
    migrate(&conn, version).map_err(err)?;
    if (1..4).contains(&version) {
        // version 4 rewrote the sentences and evidence: give back the pages
        // the old tables held (should a reader hold the file, they stay
        // free for the rows to come; the store is whole either way)
        let _ = conn.execute_batch("VACUUM");
    }
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
    let steps: &[(i32, &str)] = &[
        (1, SCHEMA_V1),
        (2, SCHEMA_V2),
        (3, SCHEMA_V3),
        (4, SCHEMA_V4),
    ];
    let run = || -> rusqlite::Result<()> {
        for &(to, ddl) in steps {
            if now < to {
                conn.execute_batch(ddl)?;
            }
        }
        if (1..4).contains(&now) {
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
        // streamed, edge by edge, the same bytes
        let mut streamed = Vec::new();
        write_json(&path, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), g.to_json());
        // saved twice over itself: the same
        save(&load(&path).unwrap(), &path).unwrap();
        assert_eq!(load(&path).unwrap().to_json(), g.to_json());
    }

    /// Rows of `sql`, one number each.
    fn numbers(path: &Path, sql: &str) -> Vec<i64> {
        let conn = open(path, false).unwrap();
        let mut st = conn.prepare(sql).unwrap();
        let rows = st.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    }

    #[test]
    fn each_document_is_one_run_of_sentences_and_later_evidence_finds_its_sentence() {
        let mut g = PositionGraph::new();
        for doc in ["a", "b", "c"] {
            g.add_document(dated(doc, &format!("text {doc}"), None));
        }
        // (edges hold evidence of every document: written edge by edge,
        // the documents' sentences would alternate)
        for actor in ["Denmark", "Norway", "Iceland"] {
            for doc in ["c", "a", "b"] {
                let mut p = position(doc, actor, "a ceasefire", None);
                p.span = [0, 9];
                g.add_position(&p);
                g.add_position(&position(doc, actor, &format!("talks in {doc}"), None));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("runs.db");
        save(&g, &path).unwrap();
        let runs = numbers(
            &path,
            "SELECT count(*) FROM document_sentences GROUP BY document",
        );
        assert_eq!(runs, vec![1, 1, 1]);
        assert_eq!(numbers(&path, "PRAGMA page_size"), vec![PAGE_SIZE]);
        let sentences = numbers(&path, "SELECT count(*) FROM sentences")[0];
        // the same evidence again, and one more position on a stored sentence
        let mut w = Writer::open(&path).unwrap();
        w.add_graph(&g).unwrap();
        let mut p = position("a", "Canada", "a ceasefire", None);
        p.span = [0, 9];
        p.sentence = "Denmark demanded a ceasefire.".into();
        w.add_position(p).unwrap();
        w.finish().unwrap();
        assert_eq!(
            numbers(&path, "SELECT count(*) FROM sentences")[0],
            sentences
        );
        let canada = numbers(
            &path,
            "SELECT e.sentence FROM evidence e JOIN positions p ON p.id = e.position
             JOIN actors a ON a.id = p.actor WHERE a.name = 'Canada'",
        );
        let denmark = numbers(
            &path,
            "SELECT e.sentence FROM evidence e JOIN positions p ON p.id = e.position
             JOIN actors a ON a.id = p.actor JOIN sentences s ON s.id = e.sentence
             JOIN documents d ON d.id = s.document
             WHERE a.name = 'Denmark' AND d.name = 'a' AND s.end = 9",
        );
        assert_eq!(canada, denmark);
        // evidence ids number a sentence's rows one after another
        let ranks = numbers(
            &path,
            "SELECT count(DISTINCT id & 1023) FROM evidence GROUP BY sentence",
        );
        let counts = numbers(&path, "SELECT count(*) FROM evidence GROUP BY sentence");
        assert_eq!(ranks, counts);
        // the schema's computed column agrees with the writer's numbering
        let sql = format!("SELECT count(*) FROM evidence WHERE sentence <> id >> {EVIDENCE_BITS}");
        assert_eq!(numbers(&path, &sql), vec![0]);
    }

    #[test]
    fn a_sentence_with_more_positions_than_ids_is_refused_in_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("full.db");
        let mut w = Writer::open(&path).unwrap();
        w.add_document(dated("a", "text a", None)).unwrap();
        let mut error = None;
        for n in 0..=(1 << EVIDENCE_BITS) {
            let mut p = position("a", "Denmark", &format!("talks {n}"), None);
            p.span = [0, 6];
            if let Err(e) = w.add_position(p) {
                error = Some(e.to_string());
                break;
            }
        }
        let error = error.expect("the 1,025th position is refused");
        assert!(
            error.contains("full.db") && error.contains("1,024"),
            "{error}"
        );
        assert!(!error.contains('\n'), "{error}");
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
