//! Writing a store: documents and their positions a batch at a time, each
//! batch one transaction; nodes merge by the keys the graph merges on
//! (actor name, content words, document text), so a store holds the graph
//! a JSON build of the same documents holds.

use super::summary::{Pending, Row, Texts};
use super::{first_evidence, open, parse_kind, store_error, EVIDENCE_BITS};
use crate::error::Result;
use crate::graph::{
    combine_kinds, name_key, position_content_key, Added, DocumentInfo, Evidence, PositionGraph,
};
use crate::model::{ActorKind, Position, Stance};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};

/// Documents per transaction: a crash loses at most the batch being
/// written, and a reader sees a batch whole or not at all. The index of
/// evidence by position is written in no order, so a batch inserts all over
/// that B-tree; fewer, larger transactions write each touched page once per batch instead of
/// once per 256 documents (1 GB build: 268 s at 256, 241 s at 1024).
const BATCH_DOCUMENTS: usize = 1024;

/// The writer's page cache in KiB, as SQLite's negative `cache_size`:
/// 128 MB keeps the indexes a 1024-document batch updates in memory
/// (1 GB build: 257 MB RSS, against 150 MB with 32 MB of cache).
const WRITER_CACHE_KIB: i64 = 131_072;

/// What a store holds, as `build` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub actors: usize,
    pub contents: usize,
    pub positions: usize,
}

/// An actor row as last written, to combine the next mention with.
struct ActorRow {
    id: i64,
    name: String,
    kind: ActorKind,
    affiliation: Option<String>,
}

/// Rows looked up or written in this transaction, so a batch asks SQLite
/// once per actor, content and sentence, not once per position. Cleared at
/// every commit: another writer may change the store between batches.
#[derive(Default)]
struct Cache {
    documents: FxHashMap<String, i64>,
    actors: FxHashMap<String, ActorRow>,
    mentions: FxHashSet<(i64, String)>,
    affiliations: FxHashSet<(i64, i64)>,
    contents: FxHashMap<String, (i64, String)>,
    variants: FxHashMap<(i64, String), i64>,
    positions: FxHashMap<(i64, i64, Stance), i64>,
    /// Sentences met in this batch, by document and span.
    sentences: FxHashMap<(i64, usize, usize), SentenceRow>,
    /// Documents met in this batch: whether the store held sentences of
    /// theirs before it.
    sentence_documents: FxHashMap<i64, bool>,
    /// The id the next new sentence takes, once read.
    next_sentence: Option<i64>,
    /// The run of sentence ids this batch is writing: document, first, last
    /// (stored in `document_sentences` when another document's sentence
    /// follows, or the batch commits).
    run: Option<(i64, i64, i64)>,
    /// Cue and rule rows by their text.
    cues: FxHashMap<String, i64>,
    rules: FxHashMap<String, i64>,
    dates: FxHashMap<i64, Option<String>>,
    /// Hashes of the evidence written on sentences this batch wrote.
    evidence: FxHashSet<u64>,
}

/// A sentence's row: whether this batch wrote it (then none of its
/// evidence is stored from before), its id, and the rank its next evidence
/// takes.
#[derive(Clone, Copy)]
struct SentenceRow {
    new: bool,
    id: i64,
    next: i64,
}

/// An evidence row's fields besides its sentence and number: position,
/// variant, cue, rule, target, date.
type EvidenceKey<'a> = (i64, i64, i64, i64, Option<&'a str>, Option<&'a str>);

/// The lookup tables of short repeated texts.
#[derive(Clone, Copy)]
enum Lookup {
    Cue,
    Rule,
}

impl Lookup {
    /// The queries that find a text's row and write a new one.
    fn sql(self) -> (&'static str, &'static str) {
        match self {
            Lookup::Cue => (
                "SELECT id FROM cues WHERE text = ?1",
                "INSERT INTO cues(text) VALUES (?1)",
            ),
            Lookup::Rule => (
                "SELECT id FROM rules WHERE name = ?1",
                "INSERT INTO rules(name) VALUES (?1)",
            ),
        }
    }

    fn cache(self, cache: &mut Cache) -> &mut FxHashMap<String, i64> {
        match self {
            Lookup::Cue => &mut cache.cues,
            Lookup::Rule => &mut cache.rules,
        }
    }
}

/// The error of a sentence with more evidence than its ids number.
fn too_many(message: &str) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(message.into())
}

fn fx_hash(x: &impl std::hash::Hash) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(x)
}

/// A writer of one store. Dropped without [`Writer::finish`], it rolls
/// its open batch back: the store keeps what earlier batches committed.
pub struct Writer {
    conn: Connection,
    path: PathBuf,
    in_batch: bool,
    batch_documents: usize,
    cache: Cache,
    /// The evidence this batch added, to sum up into its positions' rows.
    pending: Pending,
    texts: Texts,
    /// The store's generation when the open batch began.
    generation: i64,
}

impl Writer {
    /// Opens the store at `path`, creating it if there is none.
    pub fn open(path: &Path) -> Result<Writer> {
        let conn = open(path, true)?;
        // (a reader keeps SQLite's 2 MB of cache)
        conn.pragma_update(None, "cache_size", -WRITER_CACHE_KIB)
            .map_err(|e| store_error(path, e))?;
        Ok(Writer {
            conn,
            path: path.to_path_buf(),
            in_batch: false,
            batch_documents: 0,
            cache: Cache::default(),
            pending: Pending::default(),
            texts: Texts::default(),
            generation: 0,
        })
    }

    fn err(&self, e: rusqlite::Error) -> crate::Error {
        store_error(&self.path, e)
    }

    /// Starts a transaction if none is open. `IMMEDIATE` takes the write
    /// lock at once: a second writer waits here (up to ten minutes), never
    /// in the middle of a batch.
    fn begin(&mut self) -> Result<()> {
        if !self.in_batch {
            self.conn
                .execute_batch("BEGIN IMMEDIATE")
                .map_err(|e| self.err(e))?;
            self.in_batch = true;
            self.generation = super::issues::generation(&self.conn).map_err(|e| self.err(e))?;
            self.pending.begin_batch(self.generation);
        }
        Ok(())
    }

    /// Commits the open batch, if any.
    pub fn commit(&mut self) -> Result<()> {
        if self.in_batch {
            self.store_run()
                .and_then(|()| self.pending.flush(&self.conn, &mut self.texts))
                .and_then(|()| super::issues::next_generation(&self.conn))
                .map_err(|e| store_error(&self.path, e))?;
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
            self.pending.committed(self.generation + 1);
            self.in_batch = false;
            self.batch_documents = 0;
            self.cache = Cache::default();
            self.texts = Texts::default();
        }
        Ok(())
    }

    /// Commits and reports what the store holds. (The query planner's
    /// statistics are brought up to date on the way: `PRAGMA optimize`.)
    pub fn finish(mut self) -> Result<Totals> {
        self.commit()?;
        self.conn
            .execute_batch("PRAGMA optimize")
            .map_err(|e| self.err(e))?;
        let count = |table: &str| -> Result<usize> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as usize)
                .map_err(|e| self.err(e))
        };
        Ok(Totals {
            documents: count("documents")?,
            actors: count("actors")?,
            contents: count("contents")?,
            positions: count("positions")?,
        })
    }

    /// Records a document, identified by its text (as
    /// [`PositionGraph::add_document_as`] does): the same text under another
    /// name is `Known`, the name kept among its names; a different text
    /// under a name already taken is kept under a numbered name. A batch is
    /// committed before the document that would overfill it.
    pub fn add_document(&mut self, info: DocumentInfo) -> Result<Added> {
        if self.batch_documents >= BATCH_DOCUMENTS {
            self.commit()?;
        }
        self.begin()?;
        self.batch_documents += 1;
        let added = self.insert_document(&info).map_err(|e| self.err(e))?;
        let (Added::New(name) | Added::Known(name)) = &added;
        self.also_names(name, &info.also).map_err(|e| self.err(e))?;
        Ok(added)
    }

    /// Lets go of what this batch remembers of its sentences, when the
    /// positions that follow lie in sentences not met so far (the next part
    /// of a document read in parts): one large document, written in one
    /// transaction, then holds no more in memory than a small one.
    pub fn forget_sentences(&mut self) {
        self.cache.sentences = FxHashMap::default();
        self.cache.evidence = FxHashSet::default();
    }

    fn insert_document(&mut self, info: &DocumentInfo) -> rusqlite::Result<Added> {
        if info.is_textless() {
            if self.find_document(&info.id)?.is_some() {
                return Ok(Added::Known(info.id.clone()));
            }
        } else {
            let known: Option<(i64, String)> = self
                .conn
                .prepare_cached(
                    "SELECT id, name FROM documents WHERE hash = ?1 AND hash <> 'cbf29ce484222325'",
                )?
                .query_row([&info.hash], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            if let Some((id, name)) = known {
                if name != info.id {
                    self.add_name(id, &info.id)?;
                }
                return Ok(Added::Known(name));
            }
        }
        let mut name = info.id.clone();
        let mut n = 2;
        while self.find_document(&name)?.is_some() {
            name = format!("{} ({n})", info.id);
            n += 1;
        }
        self.conn
            .prepare_cached(
                "INSERT INTO documents(name, hash, date, source) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![name, info.hash, info.date, info.source])?;
        let id = self.conn.last_insert_rowid();
        self.cache.documents.insert(name.clone(), id);
        Ok(Added::New(name))
    }

    /// Other names the document's text was read under.
    fn also_names(&mut self, name: &str, also: &[String]) -> rusqlite::Result<()> {
        if also.is_empty() {
            return Ok(());
        }
        let id = self.document_id(name, None)?;
        for a in also {
            self.add_name(id, a)?;
        }
        Ok(())
    }

    /// Another name document `doc`'s text was read under.
    fn add_name(&mut self, doc: i64, name: &str) -> rusqlite::Result<()> {
        self.conn
            .prepare_cached("INSERT OR IGNORE INTO document_names(document, name) VALUES (?1, ?2)")?
            .execute(params![doc, name])?;
        Ok(())
    }

    /// Whether a document of this name is in the store.
    pub fn has_document(&mut self, name: &str) -> Result<bool> {
        self.find_document(name)
            .map(|id| id.is_some())
            .map_err(|e| self.err(e))
    }

    fn find_document(&mut self, name: &str) -> rusqlite::Result<Option<i64>> {
        if let Some(&id) = self.cache.documents.get(name) {
            return Ok(Some(id));
        }
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM documents WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            self.cache.documents.insert(name.to_string(), id);
        }
        Ok(id)
    }

    /// The document's row; a name never recorded becomes a document known by
    /// its name alone, of this date (as a position read without its text is,
    /// in a graph).
    fn document_id(&mut self, name: &str, date: Option<&str>) -> rusqlite::Result<i64> {
        if let Some(id) = self.find_document(name)? {
            return Ok(id);
        }
        self.insert_document(&DocumentInfo::textless(name, date))?;
        self.find_document(name)
            .map(|id| id.expect("the document was just written"))
    }

    /// Adds one position as evidence on its actor→content stance.
    pub fn add_position(&mut self, p: Position) -> Result<()> {
        let key = position_content_key(&p);
        self.add_position_keyed(p, &key)
    }

    /// [`Writer::add_position`] with the content key already made.
    pub fn add_position_keyed(&mut self, p: Position, content_key: &str) -> Result<()> {
        self.begin()?;
        self.position_rows(&p, content_key).map_err(|e| self.err(e))
    }

    fn position_rows(&mut self, p: &Position, content_key: &str) -> rusqlite::Result<()> {
        let actor = self.actor(&p.actor, p.actor_kind, p.affiliation.as_deref())?;
        if !p.actor_mention.is_empty() {
            self.mention(actor, &p.actor_mention)?;
        }
        if let Some(body) = &p.affiliation {
            let body = self.actor(body, ActorKind::Unknown, None)?;
            self.affiliation(actor, body)?;
        }
        let content = self.content(content_key, &p.content)?;
        let ev = EvidenceRow {
            doc: &p.doc,
            span: p.span,
            sentence: &p.sentence,
            phrasing: &p.content,
            cue: &p.cue,
            rule: &p.rule,
            target: p.target.as_deref(),
            date: p.date.as_deref(),
        };
        self.evidence(actor, content, p.stance, &ev)
    }

    /// The actor with this name's key, created if new; its name, kind and
    /// affiliation combined as [`PositionGraph::actor_node`] combines them.
    fn actor(
        &mut self,
        name: &str,
        kind: ActorKind,
        affiliation: Option<&str>,
    ) -> rusqlite::Result<i64> {
        let key = name_key(name);
        if !self.cache.actors.contains_key(&key) {
            let row: Option<ActorRow> = self
                .conn
                .prepare_cached("SELECT id, name, kind, affiliation FROM actors WHERE key = ?1")?
                .query_row([&key], |r| {
                    Ok(ActorRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        kind: parse_kind(&r.get::<_, String>(2)?),
                        affiliation: r.get(3)?,
                    })
                })
                .optional()?;
            let row = match row {
                Some(row) => row,
                None => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO actors(key, name, kind, affiliation) VALUES (?1, ?2, ?3, ?4)",
                        )?
                        .execute(params![key, name, kind.as_str(), affiliation])?;
                    ActorRow {
                        id: self.conn.last_insert_rowid(),
                        name: name.to_string(),
                        kind,
                        affiliation: affiliation.map(str::to_string),
                    }
                }
            };
            self.cache.actors.insert(key.clone(), row);
        }
        let row = self.cache.actors.get_mut(&key).expect("cached above");
        let name = if name < row.name.as_str() {
            name
        } else {
            &row.name
        };
        let kind = combine_kinds(row.kind, kind);
        let affiliation = match (row.affiliation.as_deref(), affiliation) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        if (name, kind, affiliation) != (row.name.as_str(), row.kind, row.affiliation.as_deref()) {
            let (name, affiliation) = (name.to_string(), affiliation.map(str::to_string));
            self.conn
                .prepare_cached(
                    "UPDATE actors SET name = ?2, kind = ?3, affiliation = ?4 WHERE id = ?1",
                )?
                .execute(params![row.id, name, kind.as_str(), affiliation])?;
            (row.name, row.kind, row.affiliation) = (name, kind, affiliation);
        }
        Ok(row.id)
    }

    fn mention(&mut self, actor: i64, mention: &str) -> rusqlite::Result<()> {
        if self.cache.mentions.insert((actor, mention.to_string())) {
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO actor_mentions(actor, mention, key) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![actor, mention, name_key(mention)])?;
        }
        Ok(())
    }

    fn affiliation(&mut self, member: i64, body: i64) -> rusqlite::Result<()> {
        if member != body && self.cache.affiliations.insert((member, body)) {
            self.conn
                .prepare_cached("INSERT OR IGNORE INTO affiliations(member, body) VALUES (?1, ?2)")?
                .execute(params![member, body])?;
        }
        Ok(())
    }

    /// The content with this key, created if new, showing its shortest
    /// phrasing (then the first in order), as the graph's content node does.
    fn content(&mut self, key: &str, text: &str) -> rusqlite::Result<i64> {
        if !self.cache.contents.contains_key(key) {
            let row: Option<(i64, String)> = self
                .conn
                .prepare_cached("SELECT id, text FROM contents WHERE key = ?1")?
                .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let row = match row {
                Some(row) => row,
                None => {
                    self.conn
                        .prepare_cached("INSERT INTO contents(key, text) VALUES (?1, ?2)")?
                        .execute(params![key, text])?;
                    (self.conn.last_insert_rowid(), text.to_string())
                }
            };
            self.cache.contents.insert(key.to_string(), row);
        }
        let (id, shown) = self.cache.contents.get_mut(key).expect("cached above");
        let id = *id;
        if (text.len(), text) < (shown.len(), shown.as_str()) {
            *shown = text.to_string();
            self.conn
                .prepare_cached("UPDATE contents SET text = ?2 WHERE id = ?1")?
                .execute(params![id, text])?;
        }
        Ok(id)
    }

    /// The phrasing's row among the content's variants, created if new.
    fn variant(&mut self, content: i64, text: &str) -> rusqlite::Result<i64> {
        let key = (content, text.to_string());
        if let Some(&id) = self.cache.variants.get(&key) {
            return Ok(id);
        }
        let id = self.select_or_insert(
            "SELECT id FROM content_variants WHERE content = ?1 AND text = ?2",
            "INSERT INTO content_variants(content, text) VALUES (?1, ?2)",
            params![content, text],
        )?;
        self.cache.variants.insert(key, id);
        Ok(id)
    }

    fn position(&mut self, actor: i64, content: i64, stance: Stance) -> rusqlite::Result<i64> {
        if let Some(&id) = self.cache.positions.get(&(actor, content, stance)) {
            return Ok(id);
        }
        let id = self.select_or_insert(
            "SELECT id FROM positions WHERE actor = ?1 AND content = ?2 AND stance = ?3",
            "INSERT INTO positions(actor, content, stance) VALUES (?1, ?2, ?3)",
            params![actor, content, stance.as_str()],
        )?;
        self.cache.positions.insert((actor, content, stance), id);
        Ok(id)
    }

    /// The id of the row `select` finds with `values`, or of the row
    /// `insert` writes with them when there is none.
    fn select_or_insert(
        &self,
        select: &str,
        insert: &str,
        values: &[&dyn rusqlite::ToSql],
    ) -> rusqlite::Result<i64> {
        let found: Option<i64> = self
            .conn
            .prepare_cached(select)?
            .query_row(values, |r| r.get(0))
            .optional()?;
        match found {
            Some(id) => Ok(id),
            None => {
                self.conn.prepare_cached(insert)?.execute(values)?;
                Ok(self.conn.last_insert_rowid())
            }
        }
    }

    /// The sentence's row: found in this batch or the store, else written
    /// with the next sentence id (extending this batch's run of ids).
    fn sentence(
        &mut self,
        doc: i64,
        span: [usize; 2],
        text: &str,
    ) -> rusqlite::Result<SentenceRow> {
        let key = (doc, span[0], span[1]);
        if let Some(&row) = self.cache.sentences.get(&key) {
            return Ok(row);
        }
        let (start, end) = (span[0] as i64, span[1] as i64);
        let row = match self.stored_sentence(doc, start, end)? {
            Some(id) => {
                let last: Option<i64> = self
                    .conn
                    .prepare_cached("SELECT max(id) FROM evidence WHERE id BETWEEN ?1 AND ?2")?
                    .query_row([first_evidence(id), first_evidence(id + 1) - 1], |r| {
                        r.get(0)
                    })?;
                let next = last.map_or(0, |e| e - first_evidence(id) + 1);
                SentenceRow {
                    new: false,
                    id,
                    next,
                }
            }
            None => {
                let id = match self.cache.next_sentence {
                    Some(id) => id,
                    None => self.conn.query_row(
                        "SELECT ifnull(max(id), 0) + 1 FROM sentences",
                        [],
                        |r| r.get(0),
                    )?,
                };
                self.cache.next_sentence = Some(id + 1);
                self.conn
                    .prepare_cached(
                        "INSERT INTO sentences(id, document, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![id, doc, start, end, text])?;
                match &mut self.cache.run {
                    Some((d, _, last)) if *d == doc && *last + 1 == id => *last = id,
                    _ => {
                        self.store_run()?;
                        self.cache.run = Some((doc, id, id));
                    }
                }
                SentenceRow {
                    new: true,
                    id,
                    next: 0,
                }
            }
        };
        self.cache.sentences.insert(key, row);
        Ok(row)
    }

    /// The id of the document's sentence at this span, if the store held
    /// sentences of the document before this batch and this is one.
    fn stored_sentence(&mut self, doc: i64, start: i64, end: i64) -> rusqlite::Result<Option<i64>> {
        let had = match self.cache.sentence_documents.get(&doc) {
            Some(&had) => had,
            None => {
                let had = self
                    .conn
                    .prepare_cached("SELECT 1 FROM document_sentences WHERE document = ?1")?
                    .exists([doc])?;
                self.cache.sentence_documents.insert(doc, had);
                had
            }
        };
        if !had {
            return Ok(None);
        }
        // (the run being written is searched too, when it is this document's)
        if self.cache.run.is_some_and(|(d, _, _)| d == doc) {
            self.store_run()?;
        }
        self.conn
            .prepare_cached(
                "SELECT s.id FROM document_sentences r
                 JOIN sentences s ON s.id BETWEEN r.first AND r.last
                 WHERE r.document = ?1 AND s.start = ?2 AND s.end = ?3",
            )?
            .query_row([doc, start, end], |r| r.get(0))
            .optional()
    }

    /// Stores the run of sentence ids being written (its row is replaced
    /// as the run grows).
    fn store_run(&mut self) -> rusqlite::Result<()> {
        if let Some((doc, first, last)) = self.cache.run {
            self.conn
                .prepare_cached(
                    "INSERT OR REPLACE INTO document_sentences(document, first, last) VALUES (?1, ?2, ?3)",
                )?
                .execute([doc, first, last])?;
        }
        Ok(())
    }

    /// The row of a short text in a lookup table (`cues`, `rules`).
    fn lookup(&mut self, table: Lookup, text: &str) -> rusqlite::Result<i64> {
        if let Some(&id) = table.cache(&mut self.cache).get(text) {
            return Ok(id);
        }
        let (select, insert) = table.sql();
        let id = self.select_or_insert(select, insert, params![text])?;
        table.cache(&mut self.cache).insert(text.to_string(), id);
        Ok(id)
    }

    /// One sentence's evidence for the stance; evidence already there is
    /// not added again. Its date is stored only where it is not its
    /// document's (`''` for none where the document has one).
    fn evidence(
        &mut self,
        actor: i64,
        content: i64,
        stance: Stance,
        ev: &EvidenceRow<'_>,
    ) -> rusqlite::Result<()> {
        let position = self.position(actor, content, stance)?;
        let doc = self.document_id(ev.doc, ev.date)?;
        let sentence = self.sentence(doc, ev.span, ev.sentence)?;
        let variant = self.variant(content, ev.phrasing)?;
        let cue = self.lookup(Lookup::Cue, ev.cue)?;
        let rule = self.lookup(Lookup::Rule, ev.rule)?;
        let doc_date = self.document_date(doc)?;
        let date = match (ev.date, doc_date.as_deref()) {
            (x, y) if x == y => None,
            (None, _) => Some(""),
            (Some(x), _) => Some(x),
        };
        let row = (position, variant, cue, rule, ev.target, date);
        let seen = if sentence.new {
            // (a sentence this batch wrote: its evidence so far is in memory)
            !self.cache.evidence.insert(fx_hash(&(sentence.id, row)))
                && self.stored(sentence.id, row)?
        } else {
            self.stored(sentence.id, row)?
        };
        if seen {
            return Ok(());
        }
        if sentence.next >= 1 << EVIDENCE_BITS {
            return Err(too_many(
                "a sentence states more positions than a store numbers (1,024)",
            ));
        }
        let id = first_evidence(sentence.id) + sentence.next;
        self.conn
            .prepare_cached(
                "INSERT INTO evidence(id, position, variant, cue, rule, target, date)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![id, position, variant, cue, rule, ev.target, date])?;
        let row = Row {
            id,
            doc,
            span: ev.span,
            variant,
            cue,
            rule,
            target: ev.target.map(str::to_string),
            date: date.map(str::to_string),
        };
        self.pending
            .add(&self.conn, &mut self.texts, position, row)?;
        if let Some(s) = self.cache.sentences.get_mut(&(doc, ev.span[0], ev.span[1])) {
            s.next += 1;
        }
        Ok(())
    }

    /// Whether this evidence row is in the store already, on its sentence.
    fn stored(
        &mut self,
        sentence: i64,
        (position, variant, cue, rule, target, date): EvidenceKey<'_>,
    ) -> rusqlite::Result<bool> {
        self.conn
            .prepare_cached(
                "SELECT 1 FROM evidence WHERE id BETWEEN ?1 AND ?2
                 AND position = ?3 AND variant = ?4 AND cue = ?5 AND rule = ?6
                 AND target IS ?7 AND date IS ?8",
            )?
            .exists(params![
                first_evidence(sentence),
                first_evidence(sentence + 1) - 1,
                position,
                variant,
                cue,
                rule,
                target,
                date
            ])
    }

    /// The date of the document with this row.
    fn document_date(&mut self, doc: i64) -> rusqlite::Result<Option<String>> {
        if let Some(d) = self.cache.dates.get(&doc) {
            return Ok(d.clone());
        }
        let d: Option<String> = self
            .conn
            .prepare_cached("SELECT date FROM documents WHERE id = ?1")?
            .query_row([doc], |r| r.get(0))?;
        self.cache.dates.insert(doc, d.clone());
        Ok(d)
    }

    /// Adds everything in a graph (its evidence in memory), with the laws of
    /// [`PositionGraph::merge`]: what is already there is not added twice.
    pub fn add_graph(&mut self, g: &PositionGraph) -> Result<()> {
        self.begin()?;
        self.graph_rows(g).map_err(|e| self.err(e))
    }

    fn graph_rows(&mut self, g: &PositionGraph) -> rusqlite::Result<()> {
        // a document renamed here (its name taken by another text) takes its
        // evidence along
        let mut renamed: FxHashMap<&str, String> = FxHashMap::default();
        for d in g.documents.values() {
            let (Added::New(name) | Added::Known(name)) = self.insert_document(d)?;
            self.also_names(&name, &d.also)?;
            if name != d.id {
                renamed.insert(d.id.as_str(), name);
            }
        }
        let mut actors = FxHashMap::default();
        for ix in g.sorted_actors() {
            let Some(a) = g.actor(ix) else { continue };
            let id = self.actor(&a.name, a.kind, a.affiliation.as_deref())?;
            for m in &a.mentions {
                self.mention(id, m)?;
            }
            actors.insert(ix, id);
        }
        let mut contents = FxHashMap::default();
        for ix in g.sorted_contents() {
            let Some(c) = g.content(ix) else { continue };
            let id = self.content(&c.key, &c.text)?;
            for v in &c.variants {
                self.content(&c.key, v)?;
                self.variant(id, v)?;
            }
            contents.insert(ix, id);
        }
        // evidence in document and sentence order, so that each document's
        // sentences are written as one run of ids (`document_sentences`)
        let mut evidence: Vec<_> = g
            .stance_edges()
            .into_iter()
            .flat_map(|(a, c, e)| e.evidence.iter().map(move |ev| (ev, a, c, e.stance)))
            .collect();
        evidence.sort_by(|x, y| (&x.0.doc, x.0.span).cmp(&(&y.0.doc, y.0.span)));
        for (ev, a, c, stance) in evidence {
            let doc = renamed.get(ev.doc.as_str()).unwrap_or(&ev.doc);
            self.evidence(actors[&a], contents[&c], stance, &EvidenceRow::of(ev, doc))?;
        }
        for (m, b) in g.affiliations() {
            self.affiliation(actors[&m], actors[&b])?;
        }
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if self.in_batch {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// The fields of one evidence row, borrowed from a position or a graph.
struct EvidenceRow<'a> {
    doc: &'a str,
    span: [usize; 2],
    sentence: &'a str,
    phrasing: &'a str,
    cue: &'a str,
    rule: &'a str,
    target: Option<&'a str>,
    date: Option<&'a str>,
}

impl<'a> EvidenceRow<'a> {
    fn of(ev: &'a Evidence, doc: &'a str) -> Self {
        EvidenceRow {
            doc,
            span: ev.span,
            sentence: &ev.sentence,
            phrasing: &ev.content,
            cue: &ev.cue,
            rule: &ev.rule,
            target: ev.target.as_deref(),
            date: ev.date.as_deref(),
        }
    }
}

/// Makes a new file at `path` atomically: `fill` writes it under a
/// temporary name beside the target, which is renamed over it when done.
fn replace_atomically(path: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".stancegraph-{}-", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    fill(tmp.path())?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Writes a whole graph as a new store at `path`, atomically.
pub fn save(g: &PositionGraph, path: &Path) -> Result<()> {
    replace_atomically(path, |tmp| {
        let mut w = Writer::open(tmp)?;
        w.add_graph(g)?;
        w.finish().map(|_| ())
    })
}

/// Copies the store at `from` to `to` (replacing it atomically), as one
/// consistent snapshot even while a writer adds to `from`.
pub fn copy(from: &Path, to: &Path) -> Result<()> {
    let conn = open(from, false)?;
    replace_atomically(to, |tmp| {
        conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
            .map(|_| ())
            .map_err(|e| store_error(from, e))
    })
}
