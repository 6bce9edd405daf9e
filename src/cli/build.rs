//! `stancegraph build`: documents in, graph file out.

use super::{warn, InputArgs, LexiconArgs};
use clap::Args;
use stancegraph::extract::{extract_stream_map, Extracted};
use stancegraph::graph::{
    position_content_key, Added, DocumentInfo, DocumentRecord, PositionGraph,
};
use stancegraph::model::Position;
use stancegraph::store;
use std::path::{Path, PathBuf};

/// What `build` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BuildFormat {
    /// The graph file (JSON, docs/graph-format.md), rewritten whole.
    Json,
    /// An SQLite store (docs/store.md) that grows a batch at a time.
    Store,
}

/// Where the documents' positions go: a store, written a batch at a time
/// (the destination, or the temporary one a JSON build streams from).
struct Sink(Box<store::Writer>);

impl Sink {
    fn add_document_as(&mut self, info: DocumentInfo) -> stancegraph::Result<Added> {
        self.0.add_document(info)
    }

    fn add_position_keyed(&mut self, p: Position, key: &str) -> stancegraph::Result<()> {
        self.0.add_position_keyed(p, key)
    }

    /// The positions that follow lie in sentences not met so far: the store
    /// writer may forget the sentences it has met.
    fn part_done(&mut self) {
        self.0.forget_sentences();
    }

    /// A position read without its document's text: a document not seen
    /// before is then known by its id alone. Returns whether it was new.
    fn add_position_alone(&mut self, p: Position) -> stancegraph::Result<bool> {
        let known = self.0.has_document(&p.doc)?;
        if !known {
            self.add_document_as(DocumentInfo::textless(&p.doc, p.date.as_deref()))?;
        }
        let key = position_content_key(&p);
        self.add_position_keyed(p, &key)?;
        Ok(!known)
    }
}

/// Whether to write a store: as asked, else as the file already is (told
/// by its content, when `by_content`), else a store unless its name ends in
/// `.json` (standard output is always a graph file). The store is the
/// default: at 1 GB it meets every bar of issue 23 (docs/store.md).
pub fn writes_store(
    format: Option<BuildFormat>,
    into: Option<&Path>,
    dest: Option<&Path>,
    by_content: bool,
) -> bool {
    if let Some(f) = format {
        return f == BuildFormat::Store;
    }
    if let Some(existing) = into.or(dest).filter(|p| by_content && p.exists()) {
        return store::is_store(existing);
    }
    dest.is_some_and(|p| {
        !p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    })
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Write the graph file to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add to this existing graph file (written back in place unless -o is given);
    /// documents already in it (same id and text) are not counted twice.
    #[arg(long, value_name = "GRAPH")]
    pub into: Option<PathBuf>,
    /// Merge contents whose words overlap at least this much (0-1, Jaccard) before writing.
    #[arg(long, value_name = "THRESHOLD", value_parser = super::parse_threshold)]
    pub merge_similar: Option<f64>,
    /// The inputs are positions (JSON Lines from `stancegraph extract`), not documents:
    /// the reduce step of a map-reduce run.
    #[arg(long)]
    pub from_positions: bool,
    /// Write a JSON graph file or an SQLite store; by default an existing
    /// file keeps its kind, a new one named *.json is a graph file and any
    /// other is a store (standard output is a graph file).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<BuildFormat>,
}

pub fn run(args: &BuildArgs) -> anyhow::Result<bool> {
    let lx = args.lexicon.load()?;
    let dest = args.output.as_deref().or(args.into.as_deref());
    let to_store = writes_store(args.format, args.into.as_deref(), dest, true);
    // one writer of a graph file at a time: held from reading it to writing
    // it (writers of a store take turns by batch, in SQLite's transactions)
    let _lock = match dest.filter(|_| !to_store) {
        Some(dest) => Some(stancegraph::output::WriteLock::acquire(dest)?),
        None => None,
    };
    let Some(dest_store) = dest.filter(|_| to_store) else {
        if to_store {
            anyhow::bail!("a store is a file: give it with -o FILE or --into FILE");
        }
        return build_json(args, lx);
    };
    let existed = dest_store.exists();
    if let Some(into) = args
        .into
        .as_deref()
        .filter(|&i| i != dest_store && i.exists())
    {
        store::copy(into, dest_store)?;
    }
    let mut sink = Sink(Box::new(store::Writer::open(dest_store)?));
    let outcome = read_inputs(args, &lx, &mut sink);
    let Sink(w) = sink;
    let (docs, found, skipped, failed) = match outcome {
        Ok(counts) => counts,
        Err(e) => {
            drop(w);
            if !existed {
                let _ = std::fs::remove_file(dest_store);
            }
            return Err(e);
        }
    };
    let totals = (*w).finish()?;
    if let Some(t) = args.merge_similar {
        store::save(&store::load(dest_store)?.merge_similar(t), dest_store)?;
    }
    eprintln!(
        "stancegraph: {docs} documents, {found} positions -> {} now holds {} documents, {} actors, {} contents, {} stance edges{}",
        dest_store.display(),
        totals.documents,
        totals.actors,
        totals.contents,
        totals.positions,
        if skipped > 0 { format!(" ({skipped} documents already in the store)") } else { String::new() }
    );
    Ok(!failed)
}

/// The build into a JSON graph file. The positions go into a temporary
/// store first (SQLite is the spill: memory grows with the graph's nodes
/// and edges, not with its evidence), whose graph file is then streamed to
/// the destination, byte for byte what the graph in memory would write.
fn build_json(args: &BuildArgs, lx: stancegraph::lexicon::Lexicon) -> anyhow::Result<bool> {
    let tmp = tempfile::Builder::new()
        .prefix("stancegraph-build-")
        .tempdir()
        .map_err(|e| anyhow::anyhow!("a temporary folder for the build: {e}"))?;
    let spill = tmp.path().join("graph.db");
    let mut w = store::Writer::open(&spill)?;
    if let Some(into) = args.into.as_deref().filter(|p| p.exists()) {
        w.add_graph(&PositionGraph::load(into)?)?;
    }
    let mut sink = Sink(Box::new(w));
    let (docs, found, skipped, failed) = read_inputs(args, &lx, &mut sink)?;
    let Sink(w) = sink;
    let totals = (*w).finish()?;
    let dest = args.output.as_deref().or(args.into.as_deref());
    let (actors, contents, edges) = match args.merge_similar {
        Some(t) => {
            let g = store::load(&spill)?.merge_similar(t);
            g.save_to(dest)?;
            (g.actor_count(), g.content_count(), g.stance_edge_count())
        }
        None => {
            let mut out = stancegraph::output::Output::open(dest)?;
            store::write_json(&spill, &mut out)?;
            out.commit()?;
            (totals.actors, totals.contents, totals.positions)
        }
    };
    eprintln!(
        "stancegraph: {docs} documents, {found} positions -> {actors} actors, {contents} contents, {edges} stance edges{}",
        if skipped > 0 { format!(" ({skipped} documents already in the graph)") } else { String::new() }
    );
    Ok(!failed)
}

/// Reads every input into the sink: (documents added, positions found,
/// documents already there, whether an input failed). Fails, with the sink
/// left to the caller to discard, when no input could be read at all.
fn read_inputs(
    args: &BuildArgs,
    lx: &stancegraph::lexicon::Lexicon,
    sink: &mut Sink,
) -> anyhow::Result<(usize, usize, usize, bool)> {
    let mut failed = false;
    let (mut docs, mut skipped, mut found) = (0usize, 0usize, 0usize);
    let mut skips = None;
    let mut progress = super::progress::Progress::new(args.input.quiet);
    if args.from_positions {
        (docs, found) = add_positions(sink, &args.input.paths, &mut failed)?;
    } else {
        let inputs = args.input.inputs();
        skips = Some(inputs.skips());
        // on the worker: the document's record (its text hashed) and each
        // position's content key (stemmed), so this thread only adds them
        let prepare = |x: Extracted| {
            let info = DocumentInfo::of(&x.doc);
            let parts = (x.doc.is_first_part(), x.doc.is_last_part());
            let positions: Vec<(String, Position)> = x
                .positions
                .into_iter()
                .map(|p| (position_content_key(&p), p))
                .collect();
            (info, parts, x.doc.text.len(), x.cut_sentences, positions)
        };
        // a large file comes in parts: the first adds the document (or finds
        // it known), the others add to it (or are passed over with it)
        let mut current: Option<String> = None;
        let mut cut = 0;
        extract_stream_map(lx, inputs, args.input.threads(), prepare, |r| {
            match r {
                Ok((info, (first, last), text_len, cut_sentences, positions)) => {
                    cut += cut_sentences;
                    if last {
                        super::warn_cut(&info.id, std::mem::take(&mut cut));
                    }
                    if first {
                        current = None;
                        let given = info.id.clone();
                        match sink.add_document_as(info)? {
                            Added::New(id) => {
                                if id != given {
                                    eprintln!(
                                        "stancegraph: warning: {given}: another text was read under this id; kept as \"{id}\""
                                    );
                                }
                                docs += 1;
                                current = Some(id);
                            }
                            Added::Known(_) => skipped += 1,
                        }
                    }
                    let Some(id) = current.as_deref() else {
                        return Ok(());
                    };
                    progress.part(text_len, positions.len(), last);
                    for (key, mut p) in positions {
                        found += 1;
                        if p.doc != id {
                            p.doc = id.to_string();
                        }
                        sink.add_position_keyed(p, &key)?;
                    }
                    if !last {
                        sink.part_done();
                    }
                }
                Err(e) => {
                    cut = 0;
                    warn(&mut failed, &e)
                }
            }
            Ok(())
        })?;
    }
    progress.finish();
    if let Some(skips) = &skips {
        args.input.report(skips, docs + skipped, failed)?;
    }
    let dest = args.output.as_deref().or(args.into.as_deref());
    // every input failed: an existing graph is kept as it was, not replaced
    // by an empty one, and the exit status is 2 (nothing could be done)
    let nothing_read = if args.from_positions {
        found == 0
    } else {
        docs == 0 && skipped == 0
    };
    if failed && nothing_read {
        anyhow::bail!(
            "no input could be read; {}",
            dest.map_or("nothing written".to_string(), |d| format!(
                "{} left as it was",
                d.display()
            ))
        );
    }
    Ok((docs, found, skipped, failed))
}

/// Read positions (JSON Lines) into the sink; a bad line is reported with
/// its number and the others are read. Returns the numbers of documents
/// and positions added.
fn add_positions(
    sink: &mut Sink,
    paths: &[PathBuf],
    failed: &mut bool,
) -> anyhow::Result<(usize, usize)> {
    use std::io::BufRead;
    let (mut docs, mut added) = (0, 0);
    for path in paths {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    warn(failed, &format!("{}: {e}", path.display()));
                    continue;
                }
            }
        };
        for (i, line) in reader.lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    warn(failed, &format!("{}: line {}: {e}", path.display(), i + 1));
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with("{\"document\"") {
                match serde_json::from_str::<DocumentRecord>(&line) {
                    Ok(r) => {
                        if matches!(sink.add_document_as(r.document)?, Added::New(_)) {
                            docs += 1;
                        }
                    }
                    Err(e) => warn(
                        failed,
                        &format!(
                            "{}: line {}: not a document record: {e}",
                            path.display(),
                            i + 1
                        ),
                    ),
                }
                continue;
            }
            match serde_json::from_str::<stancegraph::model::Position>(&line) {
                Ok(p) => {
                    if sink.add_position_alone(p)? {
                        docs += 1;
                    }
                    added += 1;
                }
                Err(e) => warn(
                    failed,
                    &format!("{}: line {}: not a position: {e}", path.display(), i + 1),
                ),
            }
        }
    }
    Ok((docs, added))
}
