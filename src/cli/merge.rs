//! `stancegraph merge`: combine graph files built apart (shards, days).

use clap::Args;
use stancegraph::graph::PositionGraph;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graph files to combine.
    #[arg(required = true, value_name = "GRAPH")]
    pub graphs: Vec<PathBuf>,
    /// Write to FILE (atomically) instead of standard output: a graph file
    /// when FILE is named *.json (or `--format json`), else a store.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write a JSON graph file or an SQLite store (default: by the output's name).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<super::build::BuildFormat>,
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
    match args.output.as_deref() {
        Some(dest) if super::build::writes_store(args.format, None, Some(dest), false) => {
            stancegraph::store::save(&g, dest)?;
        }
        dest => {
            if args.format == Some(super::build::BuildFormat::Store) {
                anyhow::bail!("a store is a file: give it with -o FILE");
            }
            g.save_to(dest)?;
        }
    }
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
