//! `stancegraph export`: a graph file in the format an analyst's tool reads.

use super::{FilterArgs, IssueArgs};
use clap::Args;
use stancegraph::export::{export, to_csv_tables_with, to_positions_csv_with, Format};
use stancegraph::output::{write_atomic, Output};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    /// The format.
    #[arg(long, value_enum, default_value = "dot", ignore_case = true)]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output; for csv, a folder.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write CSV cells as they are. By default a cell starting with =, +, -, @,
    /// a tab or a carriage return gets a leading ' so no spreadsheet runs it as a formula.
    #[arg(long)]
    pub raw_csv: bool,
    #[command(flatten)]
    pub issues: IssueArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &ExportArgs) -> anyhow::Result<bool> {
    if args.format == Format::Json
        && args.filter.is_none()
        && stancegraph::store::is_store(&args.graph)
    {
        // the graph file of a whole store, streamed: its evidence is read
        // edge by edge, never held
        let mut out = Output::open(args.output.as_deref())?;
        stancegraph::store::write_json(&args.graph, &mut out)?;
        out.commit()?;
        return Ok(true);
    }
    let g = args.filter.load(&args.graph)?;
    if args.format == Format::Csv {
        let Some(dir) = &args.output else {
            anyhow::bail!(
                "--format csv writes nodes.csv and edges.csv: name their folder with -o DIR"
            );
        };
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
        let (nodes, edges) = to_csv_tables_with(&g, args.raw_csv);
        write_atomic(&dir.join("nodes.csv"), nodes.as_bytes())?;
        write_atomic(&dir.join("edges.csv"), edges.as_bytes())?;
        return Ok(true);
    }
    let text = if args.format == Format::Html {
        // the map's search box also knows the lexicon's aliases
        stancegraph::export::to_html_with(
            &g,
            Some(&stancegraph::lexicon::Lexicon::builtin()),
            &args.issues.assign(&g)?,
        )
    } else if args.format == Format::PositionsJsonl {
        stancegraph::export::to_positions_jsonl(&g, &args.issues.assign(&g)?)
    } else if args.format == Format::PositionsCsv {
        to_positions_csv_with(&g, args.raw_csv)
    } else {
        export(&g, args.format)
    };
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(text.as_bytes())?;
    out.commit()?;
    Ok(true)
}
