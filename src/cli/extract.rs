//! `stancegraph extract`: positions as JSON Lines, one document at a time.

use super::{warn, InputArgs, LexiconArgs};
use clap::Args;
use stancegraph::extract::Extractor;
use stancegraph::input::Inputs;
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
}

/// Returns whether every input was read.
pub fn run(args: &ExtractArgs) -> anyhow::Result<bool> {
    let lx = args.lexicon.load()?;
    let ex = Extractor::new(&lx);
    let mut out = Output::open(args.output.as_deref())?;
    let mut failed = false;
    let mut line = Vec::with_capacity(1024);
    for doc in Inputs::new(&args.input.paths, args.input.jsonl) {
        match doc {
            Ok(doc) => {
                for p in ex.extract(&doc) {
                    line.clear();
                    serde_json::to_writer(&mut line, &p)?;
                    line.push(b'\n');
                    out.write_all(&line)?;
                }
            }
            Err(e) => warn(&mut failed, &e),
        }
    }
    out.commit()?;
    Ok(!failed)
}
