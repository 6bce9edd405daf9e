//! `stancegraph extract`: positions as JSON Lines, one document at a time.

use super::{warn, InputArgs, LexiconArgs};
use clap::Args;
use stancegraph::extract::{extract_stream_map, Extracted};
use stancegraph::graph::{DocumentInfo, DocumentRecord};
use stancegraph::output::Output;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write a `{"document": {id, date, source, hash}}` line before each
    /// document's positions, so that `build --from-positions` records every
    /// document as a build from the texts does (the map step of a map-reduce run).
    #[arg(long)]
    pub documents: bool,
}

/// One document's output, rendered on the worker thread.
struct Rendered {
    id: String,
    text_len: usize,
    positions: usize,
    cut_sentences: usize,
    /// Whether this ends the document (a large file comes in parts).
    last: bool,
    /// The JSON Lines of the document (its record, then its positions).
    json: Vec<u8>,
}

/// Returns whether every input was read.
pub fn run(args: &ExtractArgs) -> anyhow::Result<bool> {
    let lx = args.lexicon.load()?;
    let mut out = Output::open(args.output.as_deref())?;
    let mut failed = false;
    let docs = args.input.inputs();
    let skips = docs.skips();
    let mut read = 0usize;
    // (sentences cut in the parts of a document read so far)
    let mut cut = 0usize;
    let mut progress = super::progress::Progress::new(args.input.quiet);
    let render = |x: Extracted| {
        let mut json = Vec::with_capacity(512 * (x.positions.len() + 1));
        if args.documents && x.doc.is_first_part() {
            let record = DocumentRecord {
                document: DocumentInfo::of(&x.doc),
            };
            serde_json::to_writer(&mut json, &record).expect("documents serialise");
            json.push(b'\n');
        }
        for p in &x.positions {
            p.write_json(&mut json);
            json.push(b'\n');
        }
        Rendered {
            text_len: x.doc.text.len(),
            positions: x.positions.len(),
            cut_sentences: x.cut_sentences,
            last: x.doc.is_last_part(),
            id: x.doc.id,
            json,
        }
    };
    extract_stream_map(&lx, docs, args.input.threads(), render, |r| {
        match r {
            Ok(x) => {
                read += usize::from(x.last);
                progress.part(x.text_len, x.positions, x.last);
                cut += x.cut_sentences;
                if x.last {
                    super::warn_cut(&x.id, std::mem::take(&mut cut));
                }
                out.write_all(&x.json)?;
            }
            Err(e) => {
                cut = 0;
                warn(&mut failed, &e)
            }
        }
        Ok(())
    })?;
    progress.finish();
    args.input.report(&skips, read, failed)?;
    out.commit()?;
    Ok(!failed)
}
