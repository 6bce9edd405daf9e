//! `stancegraph query`: ask a graph file about an actor.

use super::LexiconArgs;
use clap::{Args, ValueEnum};
use stancegraph::graph::PositionGraph;
use stancegraph::query::actor_positions_with;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    /// The actor, by canonical name or any name the texts used ("Kremlin", "Putin").
    #[arg(long, value_name = "NAME")]
    pub actor: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

pub fn run(args: &QueryArgs) -> anyhow::Result<bool> {
    let g = PositionGraph::load(&args.graph)?;
    let lx = args.lexicon.load()?;
    let Some(report) = actor_positions_with(&g, Some(&lx), &args.actor) else {
        anyhow::bail!(
            "{}: no actor named {:?} in the graph",
            args.graph.display(),
            args.actor
        );
    };
    match args.format {
        QueryFormat::Table => print!("{}", report.to_table()),
        QueryFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
    }
    Ok(true)
}
