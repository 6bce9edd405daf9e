//! Export stage: writes a position graph in the formats analysts' tools read.
//!
//! Receives: a [`PositionGraph`]. Returns: the text of the export. Must never:
//! let article text break out of its field (every string is escaped for its
//! format), or depend on insertion order (output is canonical).
//!
//! DOT is built as a graphviz-rust syntax tree and printed by it: actors are
//! boxes (clustered by the body they speak for), contents ellipses, stance
//! edges coloured and labelled, with a legend.

use crate::graph::PositionGraph;
use crate::model::{ActorKind, Stance};
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;
use std::str::FromStr;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz diagram.
    Dot,
    /// The graph file itself.
    Json,
    /// networkx `node_link_graph` / D3 JSON.
    NodeLink,
    /// GraphML for yEd, Cytoscape, Gephi, networkx.
    Graphml,
    /// GEXF 1.3 for Gephi.
    Gexf,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// One row per evidence sentence.
    PositionsCsv,
    /// One position per evidence sentence in extract's schema, with its issue.
    PositionsJsonl,
    /// nodes.csv and edges.csv (into a folder).
    Csv,
    /// A self-contained interactive map for the browser.
    Html,
}

impl Format {
    /// Every format: its name, other names it is known by, and what it is.
    /// The one list the parser, `--help` and the error text all read.
    pub const ALL: [(Format, &'static str, &'static [&'static str], &'static str); 10] = [
        (Format::Dot, "dot", &["graphviz"], "Graphviz diagram"),
        (Format::Json, "json", &[], "the graph file itself"),
        (
            Format::NodeLink,
            "node-link",
            &["nodelink"],
            "networkx node_link_graph / D3 JSON",
        ),
        (
            Format::Graphml,
            "graphml",
            &[],
            "GraphML for yEd, Cytoscape, Gephi, networkx",
        ),
        (Format::Gexf, "gexf", &[], "GEXF 1.3 for Gephi"),
        (
            Format::Cytoscape,
            "cytoscape",
            &[],
            "Cytoscape.js elements JSON",
        ),
        (
            Format::PositionsCsv,
            "positions-csv",
            &[],
            "one row per evidence sentence",
        ),
        (
            Format::PositionsJsonl,
            "positions-jsonl",
            &["positions-json"],
            "one position per evidence sentence in extract's schema, with its issue",
        ),
        (
            Format::Csv,
            "csv",
            &[],
            "nodes.csv and edges.csv, into the folder given with -o",
        ),
        (
            Format::Html,
            "html",
            &[],
            "a self-contained interactive map for the browser",
        ),
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|f| f.0 == self)
            .map_or("dot", |f| f.1)
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.to_ascii_lowercase();
        Self::ALL
            .iter()
            .find(|f| f.1 == s || f.2.contains(&s.as_str()))
            .map(|f| f.0)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|f| f.1).collect();
                format!(
                    "unknown export format '{s}' (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        const N: usize = Format::ALL.len();
        const VARIANTS: [Format; N] = {
            let mut v = [Format::Dot; N];
            let mut i = 0;
            while i < N {
                v[i] = Format::ALL[i].0;
                i += 1;
            }
            v
        };
        &VARIANTS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (_, name, aliases, help) = Self::ALL.iter().find(|f| f.0 == *self)?;
        Some(
            clap::builder::PossibleValue::new(*name)
                .aliases(aliases.iter().copied())
                .help(*help),
        )
    }
}

/// Write `g` in `format` (for `csv`, the edges table; [`to_csv_tables`]
/// gives both tables).
pub fn export(g: &PositionGraph, format: Format) -> String {
    match format {
        Format::Dot => to_dot(g),
        Format::Json => g.to_json(),
        Format::NodeLink => to_node_link(g),
        Format::Graphml => to_graphml(g),
        Format::Gexf => to_gexf(g),
        Format::Cytoscape => to_cytoscape(g),
        Format::PositionsCsv => to_positions_csv(g),
        Format::PositionsJsonl => to_positions_jsonl(
            g,
            &crate::issues::assign(
                g,
                &crate::lexicon::Lexicon::builtin(),
                &crate::issues::IssueOptions::default(),
            ),
        ),
        Format::Csv => to_csv_tables(g).1,
        Format::Html => to_html(g),
    }
}

mod diagram;
mod formats;
mod html;
mod map_network;
pub use diagram::{layout as layout_diagram, Diagram, DiagramOptions};
pub use formats::*;
pub use html::{escape_text, to_html, to_html_with};
/// The colour of a stance in every diagram.
pub fn stance_colour(s: Stance) -> &'static str {
    match s {
        Stance::Demand => "#d62728",
        Stance::Offer => "#2ca02c",
        Stance::Propose => "#1f77b4",
        Stance::Support => "#9467bd",
        Stance::Reject => "#000000",
        Stance::Claim => "#7f7f7f",
    }
}

/// A DOT string literal: quotes, backslashes and line breaks escaped.
pub fn dot_quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            // (not characters to XML 1.0: the SVG Graphviz writes would not parse)
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: Id) -> Attribute {
    Attribute(Id::Plain(k.to_string()), v)
}

fn plain(v: &str) -> Id {
    Id::Plain(v.to_string())
}

fn node(id: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode::new(NodeId(plain(id), None), attrs))
}

fn edge(a: &str, b: &str, attrs: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(a), None)),
            Vertex::N(NodeId(plain(b), None)),
        ),
        attributes: attrs,
    })
}

pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A negotiation-position diagram in DOT.
pub fn to_dot(g: &PositionGraph) -> String {
    let file = g.to_file();
    let mut stmts: Vec<Stmt> = vec![
        Stmt::Attribute(attr("rankdir", plain("LR"))),
        Stmt::Attribute(attr("fontname", dot_quote("Helvetica"))),
        Stmt::Attribute(attr("label", dot_quote("stancegraph: who wants what"))),
        Stmt::Attribute(attr("labelloc", plain("t"))),
    ];
    // actors, clustered by the body they speak for
    let mut clusters: BTreeMap<String, Vec<Stmt>> = BTreeMap::new();
    let mut loose: Vec<(String, Stmt)> = Vec::new();
    for r in &file.actors {
        let a = &r.actor;
        let fill = match a.kind {
            ActorKind::Country => "#fff2cc",
            ActorKind::Person => "#dae8fc",
            ActorKind::Organization => "#d5e8d4",
            _ => "#eeeeee",
        };
        let n = node(
            &r.id,
            vec![
                attr("label", dot_quote(&a.name)),
                attr("shape", plain("box")),
                attr("style", dot_quote("rounded,filled")),
                attr("fillcolor", dot_quote(fill)),
                attr("fontname", dot_quote("Helvetica")),
            ],
        );
        match &a.affiliation {
            Some(body) => clusters.entry(body.clone()).or_default().push(n),
            None => loose.push((a.name.clone(), n)),
        }
    }
    // a body that people speak for stands inside its own cluster
    for (name, n) in loose {
        match clusters.get_mut(&name) {
            Some(members) => members.insert(0, n),
            None => stmts.push(n),
        }
    }
    for (i, (body, members)) in clusters.into_iter().enumerate() {
        let mut sub = vec![
            Stmt::Attribute(attr("label", dot_quote(&body))),
            Stmt::Attribute(attr("style", dot_quote("dashed"))),
            Stmt::Attribute(attr("color", dot_quote("#999999"))),
        ];
        sub.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: plain(&format!("cluster_{i}")),
            stmts: sub,
        }));
    }
    for r in &file.contents {
        stmts.push(node(
            &r.id,
            vec![
                attr("label", dot_quote(&shorten(&r.content.text, 60))),
                attr("tooltip", dot_quote(&r.content.text)),
                attr("shape", plain("ellipse")),
                attr("fontname", dot_quote("Helvetica")),
                attr("fontsize", plain("10")),
            ],
        ));
    }
    for p in &file.positions {
        let width = 1.0 + (p.count as f64).ln().max(0.0) * 1.5;
        let mut label = format!("{} ×{}", p.stance, p.count);
        if !p.targets.is_empty() {
            label.push_str(&format!(
                " → {}",
                p.targets.keys().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
        let mut attrs = vec![
            attr("label", dot_quote(&label)),
            attr("color", dot_quote(stance_colour(p.stance))),
            attr("fontcolor", dot_quote(stance_colour(p.stance))),
            attr("penwidth", plain(&format!("{width:.1}"))),
            attr("fontsize", plain("9")),
        ];
        if p.stance == Stance::Claim {
            attrs.push(attr("style", plain("dashed")));
        }
        stmts.push(edge(&p.actor, &p.content, attrs));
    }
    for r in &file.affiliations {
        stmts.push(edge(
            &r.member,
            &r.body,
            vec![
                attr("style", plain("dotted")),
                attr("arrowhead", plain("none")),
                attr("color", dot_quote("#999999")),
            ],
        ));
    }
    // legend
    let mut legend = vec![
        Stmt::Attribute(attr("label", dot_quote("stances"))),
        Stmt::Attribute(attr("fontname", dot_quote("Helvetica"))),
    ];
    for (i, s) in Stance::ALL.iter().enumerate() {
        let id = format!("legend_{i}");
        legend.push(node(
            &id,
            vec![
                attr("label", dot_quote(s.as_str())),
                attr("shape", plain("plaintext")),
                attr("fontcolor", dot_quote(stance_colour(*s))),
                attr("fontname", dot_quote("Helvetica")),
            ],
        ));
    }
    for i in 0..Stance::ALL.len() - 1 {
        legend.push(edge(
            &format!("legend_{i}"),
            &format!("legend_{}", i + 1),
            vec![attr("style", plain("invis"))],
        ));
    }
    stmts.push(Stmt::Subgraph(Subgraph {
        id: plain("cluster_legend"),
        stmts: legend,
    }));
    print_digraph(stmts)
}

/// The DOT text of a directed graph named `stancegraph`.
fn print_digraph(stmts: Vec<Stmt>) -> String {
    let graph = Graph::DiGraph {
        id: plain("stancegraph"),
        strict: false,
        stmts,
    };
    let mut s = graph.print(&mut PrinterContext::default());
    s.push('\n');
    s
}

/// Lay out a DOT diagram and draw it as SVG with the embedded pure-Rust
/// layout (layout-rs), so a fresh install draws without Graphviz.
pub fn render_svg_builtin(dot: &str) -> Result<String, String> {
    let dot = dot.to_string();
    // the layout crate is young: a panic in it must not take the run down
    std::panic::catch_unwind(move || {
        let mut parser = layout::gv::DotParser::new(&dot);
        let ast = parser.process().map_err(|e| format!("the built-in layout cannot read the diagram: {e}"))?;
        let mut builder = layout::gv::GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut graph = builder.get();
        let mut svg = layout::backends::svg::SVGWriter::new();
        graph.do_it(false, false, false, &mut svg);
        Ok(svg.finalize())
    })
    .unwrap_or_else(|_| Err("the built-in layout failed on this diagram; install Graphviz (apt-get install graphviz) and use --engine graphviz".to_string()))
}

/// Whether Graphviz's `dot` is on the PATH.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Render a DOT diagram with Graphviz (`svg`, `png` or `pdf`), through
/// graphviz-rust's exec.
pub fn render_with_graphviz(dot: &str, format: &str) -> Result<Vec<u8>, String> {
    graphviz(dot, format, Vec::new())
}

/// Draw a [`Diagram`]'s pinned DOT with Graphviz (`neato -n2`: every node
/// and edge where the layout put it).
pub fn render_diagram_with_graphviz(d: &Diagram, format: &str) -> Result<Vec<u8>, String> {
    use graphviz_rust::cmd::{CommandArg, Layout};
    graphviz(
        &d.to_dot(),
        format,
        vec![
            CommandArg::Layout(Layout::Neato),
            CommandArg::Custom("-n2".into()),
        ],
    )
}

fn graphviz(
    dot: &str,
    format: &str,
    mut args: Vec<graphviz_rust::cmd::CommandArg>,
) -> Result<Vec<u8>, String> {
    use graphviz_rust::cmd::{CommandArg, Format as GvFormat};
    let f = match format {
        "svg" => GvFormat::Svg,
        "png" => GvFormat::Png,
        "pdf" => GvFormat::Pdf,
        other => {
            return Err(format!(
                "cannot render to '{other}' (expected svg, png or pdf)"
            ))
        }
    };
    if !graphviz_available() {
        return Err(format!("rendering {format} needs Graphviz's `dot`, which is not installed (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"));
    }
    args.push(CommandArg::Format(f));
    graphviz_rust::exec_dot(dot.to_string(), args).map_err(|e| format!("Graphviz failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Position};

    fn position(actor: &str, content: &str, stance: Stance) -> Position {
        Position {
            doc: "d1".into(),
            actor: actor.into(),
            stance,
            content: content.into(),
            target: None,
            span: [0, 10],
            sentence: "s".into(),
            cue: "c".into(),
            rule: "r".into(),
            negated: false,
            actor_kind: ActorKind::Country,
            actor_mention: actor.into(),
            affiliation: None,
            date: None,
        }
    }

    #[test]
    fn dot_escapes_quotes_and_newlines() {
        let mut g = PositionGraph::new();
        g.add_position(&position(
            "Kyiv \"the capital\"",
            "a \\ b\nc",
            Stance::Demand,
        ));
        let dot = to_dot(&g);
        assert!(dot.contains(r#"label="Kyiv \"the capital\"""#), "{dot}");
        assert!(dot.contains(r#"a \\ b\nc"#), "{dot}");
        assert!(graphviz_rust::parse(&dot).is_ok(), "the DOT parses back");
    }

    #[test]
    fn formats_parse() {
        assert_eq!("dot".parse::<Format>().unwrap(), Format::Dot);
        assert!("png".parse::<Format>().is_err());
    }
}
