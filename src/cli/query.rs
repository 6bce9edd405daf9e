//! `stancegraph query`: ask a graph file who wants what.

use super::{FilterArgs, IssueArgs, LexiconArgs};
use clap::{ArgGroup, Args, ValueEnum};
use stancegraph::query::{
    about, actor_positions_named, actor_positions_with, pairs, stance_rows_table, write_pair_rows,
    ActorReport, Relation,
};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("question").required(true).args(["actor", "about", "conflicts", "agreements"])))]
pub struct QueryArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    /// An actor's positions grouped by stance; any name the texts or the lexicon use ("Kremlin", "Putin").
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Who takes which stance on contents containing these words.
    #[arg(long, value_name = "WORDS")]
    pub about: Option<String>,
    /// Pairs of actors with opposing stances on one issue (and demand-offer overlaps), most evidence first.
    #[arg(long)]
    pub conflicts: bool,
    /// Pairs of actors sharing a stance on one issue.
    #[arg(long)]
    pub agreements: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: QueryFormat,
    #[command(flatten)]
    pub issues: IssueArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

/// An actor's report: from a store, read from that actor's rows alone;
/// else from the whole graph, the name resolved before the filters (they
/// may leave the actor out, and a mention of it to another actor). An actor
/// the filters leave without positions is reported with none.
fn actor_report(args: &QueryArgs, name: &str) -> anyhow::Result<ActorReport> {
    let lx = args.lexicon.load()?;
    let graph = args.graph.display();
    let missing = || anyhow::anyhow!("{graph}: no actor named {name:?} in the graph");
    if args.filter.keeps_nodes() && stancegraph::store::is_store(&args.graph) {
        let form = lx.actor_by_form(name).map(|e| e.name.to_string());
        let names: Vec<&str> = std::iter::once(name).chain(form.as_deref()).collect();
        let filter = args.filter.filter();
        return stancegraph::store::actor_report(&args.graph, &names, &filter)?.ok_or_else(missing);
    }
    let raw = stancegraph::graph::PositionGraph::load(&args.graph)?;
    let g = args.filter.apply(raw.clone());
    let report = if args.filter.keeps_nodes() {
        actor_positions_with(&raw, Some(&lx), name).map(|whole| {
            actor_positions_named(&g, &whole.actor).unwrap_or(ActorReport {
                positions: Default::default(),
                ..whole
            })
        })
    } else {
        actor_positions_with(&g, Some(&lx), name).or_else(|| {
            actor_positions_with(&raw, Some(&lx), name).map(|mut r| {
                r.positions.clear();
                r
            })
        })
    };
    report.ok_or_else(missing)
}

pub fn run(args: &QueryArgs) -> anyhow::Result<bool> {
    let json = matches!(args.format, QueryFormat::Json);
    if let Some(name) = &args.actor {
        let report = actor_report(args, name)?;
        if json {
            super::print_out(&(serde_json::to_string_pretty(&report)? + "\n"))?;
        } else {
            super::print_out(&report.to_table())?;
        }
        return Ok(true);
    }
    if let Some(words) = &args.about {
        let g = args.filter.load(&args.graph)?;
        let rows = about(&g, words);
        if json {
            super::print_out(&(serde_json::to_string_pretty(&rows)? + "\n"))?;
        } else {
            super::print_out(&stance_rows_table(&rows))?;
        }
    } else {
        let wanted: &[Relation] = if args.conflicts {
            &[Relation::Conflict, Relation::Overlap]
        } else {
            &[Relation::Agreement]
        };
        let (issues, _) = args.issues.issues_of(&args.filter, &args.graph, false)?;
        let rows = pairs(&issues, wanted);
        drop(issues);
        if json {
            super::write_out(|out| {
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)
            })?;
        } else {
            super::write_out(|out| write_pair_rows(&rows, out))?;
        }
    }
    Ok(true)
}
