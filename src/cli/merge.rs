//! `stancegraph merge`: combine graph files built apart (shards, days).

use clap::Args;
use stancegraph::graph::PositionGraph;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graph files to combine.
    #[arg(required = true, value_name = "GRAPH")]
    pub graphs: Vec<PathBuf>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &MergeArgs) -> anyhow::Result<bool> {
    let _lock = match args.output.as_deref() {
        Some(dest) => Some(stancegraph::output::WriteLock::acquire(dest)?),
        None => None,
    };
    let mut g = PositionGraph::new();
    for p in &args.graphs {
        g.merge(&PositionGraph::load(p)?);
    }
    g.save_to(args.output.as_deref())?;
    eprintln!(
        "stancegraph: {} graphs -> {} documents, {} actors, {} contents, {} stance edges",
        args.graphs.len(),
        g.documents.len(),
        g.actor_count(),
        g.content_count(),
        g.stance_edge_count()
    );
    Ok(true)
}
