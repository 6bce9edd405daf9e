//! `stancegraph extract`: positions as JSON Lines, one document at a time.

use super::{warn, InputArgs, LexiconArgs};
use clap::Args;
use stancegraph::extract::extract_stream;
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

/// Returns whether every input was read.
pub fn run(args: &ExtractArgs) -> anyhow::Result<bool> {
    let lx = args.lexicon.load()?;
    let mut out = Output::open(args.output.as_deref())?;
    let mut failed = false;
    let mut line = Vec::with_capacity(1024);
    let docs = args.input.inputs();
    let mut progress = super::progress::Progress::new(args.input.quiet);
    extract_stream(&lx, docs, args.input.threads(), |r| {
        match r {
            Ok(x) => {
                progress.document(x.doc.text.len(), x.positions.len());
                super::warn_cut(&x);
                if args.documents {
                    line.clear();
                    let record = DocumentRecord {
                        document: DocumentInfo::of(&x.doc),
                    };
                    serde_json::to_writer(&mut line, &record).expect("documents serialise");
                    line.push(b'\n');
                    out.write_all(&line)?;
                }
                for p in x.positions {
                    line.clear();
                    p.write_json(&mut line);
                    line.push(b'\n');
                    out.write_all(&line)?;
                }
            }
            Err(e) => warn(&mut failed, &e),
        }
        Ok(())
    })?;
    progress.finish();
    out.commit()?;
    Ok(!failed)
}
