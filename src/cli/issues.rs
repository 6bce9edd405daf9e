//! `stancegraph issues`: the matters a graph's positions are about, with
//! their contents, actors and counts, to read or to start a codebook from.

use super::{FilterArgs, IssueArgs};
use clap::{Args, ValueEnum};
use stancegraph::issues::Issue;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IssuesFormat {
    Table,
    Json,
    /// A codebook to edit: issue,pattern rows from each issue's heaviest terms.
    Codebook,
}

#[derive(Debug, Args)]
pub struct IssuesArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    /// List only the N issues with most evidence (0: all).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub top: usize,
    /// List only issues with at least N actors.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_actors: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: IssuesFormat,
    #[command(flatten)]
    pub issues: IssueArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &IssuesArgs) -> anyhow::Result<bool> {
    let (issues, _) = args.issues.issues_of(&args.filter, &args.graph, true)?;
    let mut shown: Vec<&Issue> = issues
        .list
        .iter()
        .filter(|i| i.actors.len() >= args.min_actors)
        .collect();
    if args.top > 0 {
        shown.truncate(args.top);
    }
    let text = match args.format {
        IssuesFormat::Json => serde_json::to_string_pretty(&shown)? + "\n",
        IssuesFormat::Table => table(&shown),
        IssuesFormat::Codebook => codebook(&shown)?,
    };
    super::print_out(&text)?;
    Ok(true)
}

/// Each issue: its label, counts, actors with stances, and contents.
fn table(issues: &[&Issue]) -> String {
    let mut s = String::new();
    if issues.is_empty() {
        s.push_str("no issues\n");
    }
    for i in issues {
        let _ = writeln!(
            s,
            "{}  {}{}  ({} positions, {} actors, {} documents)",
            i.id,
            i.label,
            if i.codebook { "  [codebook]" } else { "" },
            i.positions,
            i.actors.len(),
            i.documents.len()
        );
        if !i.terms.is_empty() {
            let _ = writeln!(s, "    terms: {}", i.terms.join(", "));
        }
        for (actor, stances) in &i.actors {
            let list: Vec<String> = stances.iter().map(|(st, n)| format!("{st} {n}")).collect();
            let _ = writeln!(s, "    {actor}: {}", list.join(", "));
        }
        let mut contents: Vec<(&String, &usize)> = i.contents.iter().collect();
        contents.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (c, n) in contents.iter().take(5) {
            let _ = writeln!(
                s,
                "    - {c}{}",
                if **n > 1 {
                    format!(" ({n})")
                } else {
                    String::new()
                }
            );
        }
        if contents.len() > 5 {
            let _ = writeln!(s, "    … {} more contents", contents.len() - 5);
        }
    }
    s
}

/// A starting codebook: one row per issue, its label and its two heaviest
/// terms as the pattern.
fn codebook(issues: &[&Issue]) -> anyhow::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["issue", "pattern"])?;
    for i in issues {
        if i.terms.is_empty() {
            continue;
        }
        let pattern = i
            .terms
            .iter()
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        w.write_record([i.label.as_str(), pattern.as_str()])?;
    }
    Ok(stancegraph::export::neutralise_csv(&String::from_utf8(
        w.into_inner()?,
    )?))
}
