//! `stancegraph network`: discourse networks (two-mode actor × issue,
//! one-mode congruence, conflict, subtract), as in DNA.

use super::{FilterArgs, IssueArgs};
use clap::{Args, ValueEnum};
use stancegraph::network::{self, write, Mode, NetworkOptions, Normalize};
use stancegraph::output::Output;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NetworkFormat {
    /// Edge list: source,target,weight,issues (two-mode: source,target,issue,stance,weight).
    Csv,
    /// Adjacency matrix CSV: actors × actors, or actors × issues (for minus against).
    Matrix,
    /// GraphML (networkx, yEd, Gephi, Cytoscape).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Nodes and edges as JSON.
    Json,
}

#[derive(Debug, Args)]
pub struct NetworkArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    #[arg(long = "type", value_enum, default_value = "congruence")]
    pub network_type: Mode,
    /// Normalise one-mode edge weights by the two actors' activity.
    #[arg(long, value_enum, default_value = "none")]
    pub normalize: Normalize,
    /// Keep actors with positions but no edge as nodes.
    #[arg(long)]
    pub isolates: bool,
    /// One network per time window of this length (30d, 2w), over dated evidence.
    #[arg(long, value_name = "LENGTH", value_parser = network::parse_days)]
    pub window: Option<i64>,
    /// How far each window moves on from the last (default: the window's length).
    #[arg(long, value_name = "LENGTH", value_parser = network::parse_days, requires = "window")]
    pub step: Option<i64>,
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
    pub issues: IssueArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &NetworkArgs) -> anyhow::Result<bool> {
    let (issues, tally) = args.issues.issues_of(&args.filter, &args.graph, false)?;
    let opts = NetworkOptions {
        mode: args.network_type,
        normalize: args.normalize,
        isolates: args.isolates,
    };
    if opts.mode == Mode::TwoMode && opts.normalize != Normalize::None {
        anyhow::bail!("--normalize applies to one-mode networks (congruence, conflict, subtract)");
    }
    let two_mode = opts.mode == Mode::TwoMode;
    let text = match args.window {
        Some(days) => {
            if !matches!(args.format, NetworkFormat::Csv | NetworkFormat::Json) {
                anyhow::bail!("--window writes a series of networks: use --format csv or json");
            }
            let dates = tally.counts.iter().filter_map(|c| c.date.as_deref());
            let series: Vec<_> = network::windows_of(dates, days, args.step.unwrap_or(days))
                .into_iter()
                .map(|w| {
                    let net = network::build_from(&tally, &issues.list, &opts, &|d| {
                        network::in_window(&w, d)
                    });
                    (w, net)
                })
                .collect();
            if series.is_empty() {
                eprintln!(
                    "stancegraph: {}: no dated evidence, so no windows",
                    args.graph.display()
                );
            }
            match args.format {
                NetworkFormat::Json => {
                    #[derive(serde::Serialize)]
                    struct Entry<'a> {
                        window: &'a network::Window,
                        network: &'a network::Network,
                    }
                    let v: Vec<Entry> = series
                        .iter()
                        .map(|(w, n)| Entry {
                            window: w,
                            network: n,
                        })
                        .collect();
                    serde_json::to_string_pretty(&v)? + "\n"
                }
                _ => write::edge_list_series(&series, two_mode, args.raw_csv),
            }
        }
        None => {
            let net = network::build_from(&tally, &issues.list, &opts, &|_| true);
            match args.format {
                NetworkFormat::Csv => write::edge_list(&net, two_mode, args.raw_csv),
                NetworkFormat::Matrix => write::matrix(&net, two_mode, args.raw_csv),
                NetworkFormat::Graphml => write::graphml(&net, two_mode),
                NetworkFormat::Gexf => write::gexf(&net, two_mode),
                NetworkFormat::Json => serde_json::to_string_pretty(&net)? + "\n",
            }
        }
    };
    let mut out = Output::open(args.output.as_deref())?;
    out.write_all(text.as_bytes())?;
    out.commit()?;
    Ok(true)
}
