//! `stancegraph network`: the actor-actor projection of a graph.

use super::FilterArgs;
use clap::{Args, ValueEnum};
use stancegraph::output::Output;
use stancegraph::query::network;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NetworkType {
    /// Weight: contents on which both take the same stance.
    Congruence,
    /// Weight: contents on which their stances oppose.
    Conflict,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NetworkFormat {
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct NetworkArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    #[arg(long = "type", value_enum, default_value = "congruence")]
    pub network_type: NetworkType,
    /// csv (source,target,weight,contents) or json.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: NetworkFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write CSV cells as they are (by default a cell that would run as a
    /// spreadsheet formula gets a leading ').
    #[arg(long)]
    pub raw_csv: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &NetworkArgs) -> anyhow::Result<bool> {
    let g = args.filter.load(&args.graph)?;
    let edges = network(&g, matches!(args.network_type, NetworkType::Conflict));
    let text = match args.format {
        NetworkFormat::Json => serde_json::to_string_pretty(&edges)? + "\n",
        NetworkFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["source", "target", "weight", "contents"])?;
            for e in &edges {
                w.write_record([
                    e.source.as_str(),
                    e.target.as_str(),
                    &e.weight.to_string(),
                    &e.contents.join("; "),
                ])?;
            }
            let text = String::from_utf8(w.into_inner()?)?;
            if args.raw_csv {
                text
            } else {
                stancegraph::export::neutralise_csv(&text)
            }
        }
    };
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(text.as_bytes())?;
    out.commit()?;
    Ok(true)
}
