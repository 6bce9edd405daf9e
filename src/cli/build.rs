//! `stancegraph build`: documents in, graph file out.

use super::{warn, InputArgs, LexiconArgs};
use clap::Args;
use stancegraph::extract::{extract_stream_map, Extracted};
use stancegraph::graph::{
    position_content_key, text_hash, Added, DocumentInfo, DocumentRecord, PositionGraph,
};
use stancegraph::model::Position;
use std::path::PathBuf;

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
}

pub fn run(args: &BuildArgs) -> anyhow::Result<bool> {
    let lx = args.lexicon.load()?;
    // one writer of a graph at a time: held from reading it to writing it
    let _lock = match args.output.as_deref().or(args.into.as_deref()) {
        Some(dest) => Some(stancegraph::output::WriteLock::acquire(dest)?),
        None => None,
    };
    let mut g = match &args.into {
        Some(p) if p.exists() => PositionGraph::load(p)?,
        _ => PositionGraph::new(),
    };
    // evidence sentences go to a temporary file until the graph is written,
    // so memory grows with the graph, not with the archive
    g.spill_evidence()?;
    let mut failed = false;
    let (mut docs, mut skipped, mut found) = (0usize, 0usize, 0usize);
    let mut skips = None;
    let mut progress = super::progress::Progress::new(args.input.quiet);
    if args.from_positions {
        found = add_positions(&mut g, &args.input.paths, &mut failed)?;
        docs = g.documents.len();
    } else {
        let inputs = args.input.inputs();
        skips = Some(inputs.skips());
        // on the worker: the document's record (its text hashed) and each
        // position's content key (stemmed), so this thread only adds them
        let prepare = |x: Extracted| {
            let info = DocumentInfo::of(&x.doc);
            let positions: Vec<(String, Position)> = x
                .positions
                .into_iter()
                .map(|p| (position_content_key(&p), p))
                .collect();
            (info, x.doc.text.len(), x.cut_sentences, positions)
        };
        extract_stream_map(&lx, inputs, args.input.threads(), prepare, |r| {
            match r {
                Ok((info, text_len, cut_sentences, positions)) => {
                    super::warn_cut(&info.id, cut_sentences);
                    let given = info.id.clone();
                    let id = match g.add_document_as(info) {
                        Added::New(id) => id,
                        Added::Known(_) => {
                            skipped += 1;
                            return Ok(());
                        }
                    };
                    if id != given {
                        eprintln!(
                            "stancegraph: warning: {given}: another text was read under this id; kept as \"{id}\""
                        );
                    }
                    docs += 1;
                    progress.document(text_len, positions.len());
                    for (key, mut p) in positions {
                        found += 1;
                        if p.doc != id {
                            p.doc.clone_from(&id);
                        }
                        g.add_position_keyed(p, &key);
                    }
                }
                Err(e) => warn(&mut failed, &e),
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
    if let Some(t) = args.merge_similar {
        g.load_evidence()?;
        g = g.merge_similar(t);
    }
    g.save_to(dest)?;
    eprintln!(
        "stancegraph: {docs} documents, {found} positions -> {} actors, {} contents, {} stance edges{}",
        g.actor_count(),
        g.content_count(),
        g.stance_edge_count(),
        if skipped > 0 { format!(" ({skipped} documents already in the graph)") } else { String::new() }
    );
    Ok(!failed)
}

/// Read positions (JSON Lines) into the graph; a bad line is reported with its
/// number and the others are read. Returns the number of positions added.
fn add_positions(
    g: &mut PositionGraph,
    paths: &[PathBuf],
    failed: &mut bool,
) -> anyhow::Result<usize> {
    use std::io::BufRead;
    let mut added = 0;
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
                        g.add_document(r.document);
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
                    if !g.documents.contains_key(&p.doc) {
                        // the text is not at hand: the document is known by its id
                        g.add_document(DocumentInfo {
                            id: p.doc.clone(),
                            date: p.date.clone(),
                            source: None,
                            hash: text_hash(""),
                            also: Vec::new(),
                        });
                    }
                    g.add_position_owned(p);
                    added += 1;
                }
                Err(e) => warn(
                    failed,
                    &format!("{}: line {}: not a position: {e}", path.display(), i + 1),
                ),
            }
        }
    }
    Ok(added)
}
