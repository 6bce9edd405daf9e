//! `stancegraph render`: draw the negotiation diagram (issues in the middle,
//! actors around them) or, with `--full`, every actor and content, as SVG,
//! PNG or PDF.

use super::{FilterArgs, IssueArgs};
use clap::{Args, ValueEnum};
use stancegraph::export::{
    graphviz_available, layout_diagram, render_diagram_with_graphviz, render_svg_builtin,
    render_with_graphviz, to_dot, DiagramOptions,
};
use stancegraph::output::write_atomic;
use std::path::PathBuf;

/// The largest graph the built-in layout is given.
const BUILTIN_MAX_NODES: usize = 800;
const BUILTIN_MAX_EDGES: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Engine {
    /// Graphviz when installed, else (for SVG) the built-in layout.
    Auto,
    /// The embedded pure-Rust layout (SVG only).
    Builtin,
    /// Graphviz's dot (SVG, PNG, PDF).
    Graphviz,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The graph file (from `stancegraph build`).
    pub graph: PathBuf,
    /// The picture to write; its extension (.svg, .png, .pdf) chooses the format.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    #[arg(long, value_enum, default_value = "auto")]
    pub engine: Engine,
    /// Draw the N issues with most actors.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub top: usize,
    /// Draw this issue (its id from `stancegraph issues`, or a word of its label); repeatable.
    #[arg(long, value_name = "ISSUE")]
    pub issue: Vec<String>,
    /// Draw the issues whose label or contents mention TEXT; repeatable.
    #[arg(long, value_name = "TEXT")]
    pub about: Vec<String>,
    /// Draw the issues this actor takes a stance on, with everyone else's stances on them; repeatable.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// The diagram's title.
    #[arg(long)]
    pub title: Option<String>,
    /// Draw every actor and content instead of the issues (large graphs do not fit a page).
    #[arg(long, conflicts_with_all = ["issue", "about", "actor", "title"])]
    pub full: bool,
    #[command(flatten)]
    pub issues: IssueArgs,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: &RenderArgs) -> anyhow::Result<bool> {
    let format = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(format.as_str(), "svg" | "png" | "pdf") {
        anyhow::bail!(
            "{}: name the picture .svg, .png or .pdf",
            args.output.display()
        );
    }
    let g = args.filter.load(&args.graph)?;
    let use_graphviz = match args.engine {
        Engine::Graphviz => true,
        Engine::Builtin => false,
        Engine::Auto => format != "svg" || graphviz_available(),
    };
    let bytes = if args.full {
        full(args, &g, &format, use_graphviz)?
    } else {
        let issues = args.issues.assign(&g)?;
        let opts = DiagramOptions {
            top: args.top,
            issues: args.issue.clone(),
            about: args.about.clone(),
            actors: args.actor.clone(),
            title: args.title.clone(),
            documents: g.documents.len(),
        };
        let d = layout_diagram(&issues, &opts)
            .map_err(|e| anyhow::anyhow!("{}: {e}", args.graph.display()))?;
        if use_graphviz {
            render_diagram_with_graphviz(&d, &format)
                .map_err(|e| anyhow::anyhow!("{}: {e}", args.output.display()))?
        } else if format == "svg" {
            d.to_svg().into_bytes()
        } else {
            anyhow::bail!(
                "{}: the built-in engine draws SVG only; install Graphviz for {format}",
                args.output.display()
            );
        }
    };
    write_atomic(&args.output, &bytes)?;
    Ok(true)
}

/// Every actor and content of `g`, laid out by Graphviz or the built-in layout.
fn full(
    args: &RenderArgs,
    g: &stancegraph::graph::PositionGraph,
    format: &str,
    use_graphviz: bool,
) -> anyhow::Result<Vec<u8>> {
    let dot = to_dot(g);
    Ok(if use_graphviz {
        render_with_graphviz(&dot, format)
            .map_err(|e| anyhow::anyhow!("{}: {e}", args.output.display()))?
    } else {
        if format != "svg" {
            anyhow::bail!(
                "{}: the built-in layout draws SVG only; install Graphviz for {format}",
                args.output.display()
            );
        }
        // the built-in layout grows much faster than the graph (the dev set's
        // 674 nodes take 3 s, 1,215 nodes over two minutes): refuse at once
        // rather than spin
        let (nodes, edges) = (g.actor_count() + g.content_count(), g.stance_edge_count());
        if nodes > BUILTIN_MAX_NODES || edges > BUILTIN_MAX_EDGES {
            anyhow::bail!(
                "{}: {nodes} nodes and {edges} edges are more than the built-in layout draws in \
                 reasonable time ({BUILTIN_MAX_NODES} nodes, {BUILTIN_MAX_EDGES} edges): narrow \
                 the graph (--stance, --min-count, --since, --level affiliation) or use \
                 --engine graphviz",
                args.output.display()
            );
        }
        render_svg_builtin(&dot)
            .map_err(|e| anyhow::anyhow!("{}: {e}", args.output.display()))?
            .into_bytes()
    })
}
