//! `stancegraph export`: a graph file as DOT or JSON.

use clap::Args;
use stancegraph::export::{export, Format};
use stancegraph::graph::PositionGraph;
use stancegraph::output::Output;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    /// dot (Graphviz diagram) or json (the graph file).
    #[arg(long, default_value = "dot")]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ExportArgs) -> anyhow::Result<bool> {
    let g = PositionGraph::load(&args.graph)?;
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(export(&g, args.format).as_bytes())?;
    out.commit()?;
    Ok(true)
}
