//! The tabular, XML and JSON exports. Every format is written from one
//! flattened view of the graph ([`flatten`]) in the graph file's canonical
//! order, with a real writer for its syntax (quick-xml, csv, serde_json), so
//! no article text can break out of its field.

use super::stance_colour;
use crate::graph::PositionGraph;
use crate::model::Stance;
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde::Serialize;
use std::collections::HashMap;

/// A node as every tabular or XML format writes it.
#[derive(Debug, Clone, Serialize)]
pub struct FlatNode {
    pub id: String,
    pub label: String,
    /// `actor` or `content`.
    #[serde(rename = "type")]
    pub node_type: &'static str,
    pub kind: String,
    pub affiliation: String,
    /// Names the texts used, joined with "; ".
    pub mentions: String,
    /// Phrasings merged into a content, joined with "; ".
    pub variants: String,
}

/// An edge as every tabular or XML format writes it.
#[derive(Debug, Clone, Serialize)]
pub struct FlatEdge {
    pub id: String,
    pub source: String,
    pub target: String,
    /// `stance` or `affiliation`.
    #[serde(rename = "type")]
    pub edge_type: &'static str,
    pub stance: String,
    pub count: usize,
    /// Targets named in the evidence, joined with "; ".
    pub targets: String,
    pub first_doc: String,
    pub first_span: String,
    pub first_sentence: String,
    /// Documents of the evidence, joined with "; ".
    pub documents: String,
    /// The whole evidence list as JSON.
    pub evidence: String,
}

/// Nodes and edges in the graph file's canonical order.
pub fn flatten(g: &PositionGraph) -> (Vec<FlatNode>, Vec<FlatEdge>) {
    let file = g.to_file();
    let mut nodes = Vec::new();
    for r in &file.actors {
        let a = &r.actor;
        nodes.push(FlatNode {
            id: r.id.clone(),
            label: a.name.clone(),
            node_type: "actor",
            kind: a.kind.as_str().to_string(),
            affiliation: a.affiliation.clone().unwrap_or_default(),
            mentions: a.mentions.iter().cloned().collect::<Vec<_>>().join("; "),
            variants: String::new(),
        });
    }
    for r in &file.contents {
        let c = &r.content;
        nodes.push(FlatNode {
            id: r.id.clone(),
            label: c.text.clone(),
            node_type: "content",
            kind: String::new(),
            affiliation: String::new(),
            mentions: String::new(),
            variants: c.variants.iter().cloned().collect::<Vec<_>>().join("; "),
        });
    }
    let mut edges = Vec::new();
    for (i, p) in file.positions.iter().enumerate() {
        let first = p.evidence.first();
        let mut docs: Vec<String> = p.evidence.iter().map(|e| e.doc.clone()).collect();
        docs.dedup();
        edges.push(FlatEdge {
            id: format!("e{i}"),
            source: p.actor.clone(),
            target: p.content.clone(),
            edge_type: "stance",
            stance: p.stance.as_str().to_string(),
            count: p.count,
            targets: p.targets.keys().cloned().collect::<Vec<_>>().join("; "),
            first_doc: first.map(|e| e.doc.clone()).unwrap_or_default(),
            first_span: first
                .map(|e| format!("{}..{}", e.span[0], e.span[1]))
                .unwrap_or_default(),
            first_sentence: first.map(|e| e.sentence.clone()).unwrap_or_default(),
            documents: docs.join("; "),
            evidence: serde_json::to_string(&p.evidence).expect("evidence serialises"),
        });
    }
    for (i, r) in file.affiliations.iter().enumerate() {
        edges.push(FlatEdge {
            id: format!("f{i}"),
            source: r.member.clone(),
            target: r.body.clone(),
            edge_type: "affiliation",
            stance: String::new(),
            count: 0,
            targets: String::new(),
            first_doc: String::new(),
            first_span: String::new(),
            first_sentence: String::new(),
            documents: String::new(),
            evidence: String::new(),
        });
    }
    (nodes, edges)
}

/// Text XML 1.0 can carry: the characters it forbids (most control
/// characters) become U+FFFD; everything else is escaped by the writer.
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let ok = |c: char| {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    };
    if s.chars().all(ok) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if ok(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// An XML attribute whose value survives a parser's attribute-value
/// normalisation: besides the markup characters, line breaks and tabs are
/// written as character references.
fn xml_attr<'a>(key: &'a str, value: &str) -> quick_xml::events::attributes::Attribute<'a> {
    let mut out = String::with_capacity(value.len());
    for c in xml_safe(value).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    quick_xml::events::attributes::Attribute {
        key: quick_xml::name::QName(key),
        value: std::borrow::Cow::Owned(out),
    }
}

const NODE_KEYS: [&str; 6] = [
    "label",
    "type",
    "kind",
    "affiliation",
    "mentions",
    "variants",
];
const EDGE_KEYS: [&str; 9] = [
    "type",
    "stance",
    "count",
    "targets",
    "first_doc",
    "first_span",
    "first_sentence",
    "documents",
    "evidence",
];

fn node_value<'n>(n: &'n FlatNode, key: &str) -> &'n str {
    match key {
        "label" => &n.label,
        "type" => n.node_type,
        "kind" => &n.kind,
        "affiliation" => &n.affiliation,
        "mentions" => &n.mentions,
        _ => &n.variants,
    }
}

fn edge_value(e: &FlatEdge, key: &str) -> String {
    match key {
        "type" => e.edge_type.to_string(),
        "stance" => e.stance.clone(),
        "count" if e.edge_type == "affiliation" => String::new(),
        "count" => e.count.to_string(),
        "targets" => e.targets.clone(),
        "first_doc" => e.first_doc.clone(),
        "first_span" => e.first_span.clone(),
        "first_sentence" => e.first_sentence.clone(),
        "documents" => e.documents.clone(),
        _ => e.evidence.clone(),
    }
}

pub(crate) type Xml = quick_xml::Writer<Vec<u8>>;

pub(crate) fn xml_document(body: impl FnOnce(&mut Xml) -> std::io::Result<()>) -> String {
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|_| body(&mut w))
        .expect("writing XML into memory cannot fail");
    let mut s = String::from_utf8(w.into_inner()).expect("the XML writer writes UTF-8");
    s.push('\n');
    s
}

pub(crate) fn data(w: &mut Xml, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml_safe(value)))?;
    Ok(())
}

/// Declares a GraphML attribute `name` of `ty` for `of` ("node" or
/// "edge"), with the id `n_name` or `e_name`.
pub(crate) fn graphml_key(w: &mut Xml, of: &str, name: &str, ty: &str) -> std::io::Result<()> {
    let id = format!("{}_{name}", &of[..1]);
    w.create_element("key")
        .with_attributes([
            ("id", id.as_str()),
            ("for", of),
            ("attr.name", name),
            ("attr.type", ty),
        ])
        .write_empty()?;
    Ok(())
}

/// GraphML, readable by yEd, Cytoscape, Gephi and networkx: every node and
/// edge attribute declared as a `<key>`.
pub fn to_graphml(g: &PositionGraph) -> String {
    let (nodes, edges) = flatten(g);
    xml_document(|w| {
        w.create_element("graphml")
            .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
            .write_inner_content(|w| {
                for k in NODE_KEYS {
                    graphml_key(w, "node", k, "string")?;
                }
                for k in EDGE_KEYS {
                    graphml_key(w, "edge", k, if k == "count" { "int" } else { "string" })?;
                }
                w.create_element("graph")
                    .with_attributes([("id", "stancegraph"), ("edgedefault", "directed")])
                    .write_inner_content(|w| {
                        for n in &nodes {
                            w.create_element("node")
                                .with_attribute(("id", n.id.as_str()))
                                .write_inner_content(|w| {
                                    for k in NODE_KEYS {
                                        let v = node_value(n, k);
                                        if !v.is_empty() {
                                            data(w, &format!("n_{k}"), v)?;
                                        }
                                    }
                                    Ok(())
                                })?;
                        }
                        for e in &edges {
                            w.create_element("edge")
                                .with_attributes([
                                    ("id", e.id.as_str()),
                                    ("source", e.source.as_str()),
                                    ("target", e.target.as_str()),
                                ])
                                .write_inner_content(|w| {
                                    for k in EDGE_KEYS {
                                        let v = edge_value(e, k);
                                        if !v.is_empty() {
                                            data(w, &format!("e_{k}"), &v)?;
                                        }
                                    }
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// GEXF 1.3 for Gephi: node and edge attributes declared, edge weight the
/// evidence count, edge colour the stance's.
pub fn to_gexf(g: &PositionGraph) -> String {
    let (nodes, edges) = flatten(g);
    xml_document(|w| {
        w.create_element("gexf")
            .with_attributes([
                ("xmlns", "http://gexf.net/1.3"),
                ("xmlns:viz", "http://gexf.net/1.3/viz"),
                ("version", "1.3"),
            ])
            .write_inner_content(|w| {
                w.create_element("meta").write_inner_content(|w| {
                    w.create_element("creator")
                        .write_text_content(BytesText::new("stancegraph"))?;
                    w.create_element("description")
                        .write_text_content(BytesText::new(
                            "who wants what: actors, contents and stance edges with evidence",
                        ))?;
                    Ok(())
                })?;
                w.create_element("graph")
                    .with_attributes([("defaultedgetype", "directed"), ("mode", "static")])
                    .write_inner_content(|w| {
                        gexf_attributes(
                            w,
                            "node",
                            NODE_KEYS
                                .iter()
                                .enumerate()
                                .skip(1)
                                .map(|(i, k)| (i, *k, "string")),
                        )?;
                        gexf_attributes(
                            w,
                            "edge",
                            EDGE_KEYS.iter().enumerate().map(|(i, k)| {
                                (i, *k, if *k == "count" { "integer" } else { "string" })
                            }),
                        )?;
                        w.create_element("nodes").write_inner_content(|w| {
                            for n in &nodes {
                                w.create_element("node")
                                    .with_attribute(("id", n.id.as_str()))
                                    .with_attribute(xml_attr("label", &n.label))
                                    .write_inner_content(|w| {
                                        attvalues(
                                            w,
                                            NODE_KEYS
                                                .iter()
                                                .enumerate()
                                                .skip(1)
                                                .map(|(i, k)| (i, node_value(n, k).to_string())),
                                        )
                                    })?;
                            }
                            Ok(())
                        })?;
                        w.create_element("edges").write_inner_content(|w| {
                            for e in &edges {
                                let weight = e.count.max(1).to_string();
                                let mut el = w.create_element("edge").with_attributes([
                                    ("id", e.id.as_str()),
                                    ("source", e.source.as_str()),
                                    ("target", e.target.as_str()),
                                    ("weight", weight.as_str()),
                                ]);
                                if !e.stance.is_empty() {
                                    el = el.with_attribute(("label", e.stance.as_str()));
                                }
                                el.write_inner_content(|w| {
                                    attvalues(
                                        w,
                                        EDGE_KEYS
                                            .iter()
                                            .enumerate()
                                            .map(|(i, k)| (i, edge_value(e, k))),
                                    )?;
                                    if let Ok(st) = e.stance.parse::<Stance>() {
                                        let hex = stance_colour(st);
                                        let c = |i: usize| {
                                            u8::from_str_radix(&hex[i..i + 2], 16)
                                                .unwrap_or(0)
                                                .to_string()
                                        };
                                        w.create_element("viz:color")
                                            .with_attributes([
                                                ("r", c(1).as_str()),
                                                ("g", c(3).as_str()),
                                                ("b", c(5).as_str()),
                                            ])
                                            .write_empty()?;
                                    }
                                    Ok(())
                                })?;
                            }
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// A GEXF `<attvalues>` block: one `<attvalue>` per non-empty value, keyed
/// by the attribute's index in its class.
/// Declares GEXF attributes of a `class` ("node" or "edge"): (id, title,
/// type) each.
pub(crate) fn gexf_attributes<'k>(
    w: &mut Xml,
    class: &str,
    keys: impl Iterator<Item = (usize, &'k str, &'k str)>,
) -> std::io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for (i, title, ty) in keys {
                w.create_element("attribute")
                    .with_attributes([
                        ("id", i.to_string().as_str()),
                        ("title", title),
                        ("type", ty),
                    ])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

pub(crate) fn attvalues(
    w: &mut Xml,
    values: impl Iterator<Item = (usize, String)>,
) -> std::io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (i, v) in values {
            if !v.is_empty() {
                w.create_element("attvalue")
                    .with_attribute(("for", i.to_string().as_str()))
                    .with_attribute(xml_attr("value", &v))
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn pretty_json(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("JSON serialises");
    s.push('\n');
    s
}

/// node-link JSON, as networkx's `node_link_graph(data, edges="links")` and
/// D3 read it, with the evidence kept as a list of objects on each link.
pub fn to_node_link(g: &PositionGraph) -> String {
    let file = g.to_file();
    let (nodes, edges) = flatten(g);
    let links: Vec<serde_json::Value> = edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut v = serde_json::json!({"source": e.source, "target": e.target, "key": e.id, "type": e.edge_type});
            if let Some(p) = file.positions.get(i).filter(|_| e.edge_type == "stance") {
                v["stance"] = serde_json::json!(p.stance);
                v["count"] = serde_json::json!(p.count);
                v["targets"] = serde_json::json!(p.targets);
                v["evidence"] = serde_json::json!(p.evidence);
            }
            v
        })
        .collect();
    pretty_json(&serde_json::json!({
        "directed": true,
        "multigraph": true,
        "graph": {"format": "stancegraph", "version": crate::graph::VERSION},
        "nodes": nodes,
        "links": links,
    }))
}

/// Cytoscape.js elements JSON: `{"elements": {"nodes": [{"data": ...}], "edges": [...]}}`.
pub fn to_cytoscape(g: &PositionGraph) -> String {
    let (nodes, edges) = flatten(g);
    pretty_json(&serde_json::json!({
        "format_version": "1.0",
        "generated_by": "stancegraph",
        "elements": {
            "nodes": nodes.iter().map(|n| serde_json::json!({"data": n})).collect::<Vec<_>>(),
            "edges": edges.iter().map(|e| serde_json::json!({"data": e})).collect::<Vec<_>>(),
        }
    }))
}

fn csv_string<T: Serialize>(rows: &[T], raw: bool) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r).expect("rows serialise to CSV");
    }
    let text = String::from_utf8(w.into_inner().expect("CSV into memory")).expect("CSV is UTF-8");
    if raw {
        text
    } else {
        neutralise_csv(&text)
    }
}

/// A cell a spreadsheet would run as a formula: it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return.
fn is_formula(cell: &str) -> bool {
    // a plain number ("-0.5", a network weight) is data, not a formula
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !(cell.starts_with('-')
            && cell.len() > 1
            && cell[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && cell.parse::<f64>().is_ok())
}

/// The CSV text with every cell that a spreadsheet would run as a formula
/// prefixed with `'` (OWASP's rule against CSV injection): article text,
/// JSON Lines ids and lexicon names all reach CSV cells, and
/// `=HYPERLINK(...)` in a quotation must stay text. `--raw-csv` skips this.
pub fn neutralise_csv(text: &str) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut w = csv::Writer::from_writer(Vec::new());
    for record in reader.records() {
        let Ok(record) = record else {
            // (our own writer's output always parses; keep it as it is if not)
            return text.to_string();
        };
        let cells: Vec<std::borrow::Cow<'_, str>> = record
            .iter()
            .map(|c| {
                if is_formula(c) {
                    std::borrow::Cow::Owned(format!("'{c}"))
                } else {
                    std::borrow::Cow::Borrowed(c)
                }
            })
            .collect();
        w.write_record(cells.iter().map(|c| c.as_ref()))
            .expect("CSV into memory");
    }
    String::from_utf8(w.into_inner().expect("CSV into memory")).expect("CSV is UTF-8")
}

/// `nodes.csv` and `edges.csv`, the tables Gephi and most tools import.
pub fn to_csv_tables(g: &PositionGraph) -> (String, String) {
    to_csv_tables_with(g, false)
}

/// As [`to_csv_tables`]; `raw` writes cells as they are, formulas and all.
pub fn to_csv_tables_with(g: &PositionGraph, raw: bool) -> (String, String) {
    let (nodes, edges) = flatten(g);
    (csv_string(&nodes, raw), csv_string(&edges, raw))
}

/// One row per evidence sentence: actor, stance, content, target and where
/// it was read.
pub fn to_positions_csv(g: &PositionGraph) -> String {
    to_positions_csv_with(g, false)
}

/// As [`to_positions_csv`]; `raw` writes cells as they are, formulas and all.
pub fn to_positions_csv_with(g: &PositionGraph, raw: bool) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        actor: &'a str,
        affiliation: &'a str,
        stance: &'a str,
        content: &'a str,
        target: &'a str,
        doc: &'a str,
        date: &'a str,
        start: usize,
        end: usize,
        cue: &'a str,
        rule: &'a str,
        sentence: &'a str,
    }
    let file = g.to_file();
    let actors: HashMap<&str, &crate::graph::ActorNode> = file
        .actors
        .iter()
        .map(|r| (r.id.as_str(), &r.actor))
        .collect();
    let contents: HashMap<&str, &crate::graph::ContentNode> = file
        .contents
        .iter()
        .map(|r| (r.id.as_str(), &r.content))
        .collect();
    let mut rows = Vec::new();
    for p in &file.positions {
        let (a, c) = (actors[p.actor.as_str()], contents[p.content.as_str()]);
        for e in &p.evidence {
            rows.push(Row {
                actor: &a.name,
                affiliation: a.affiliation.as_deref().unwrap_or(""),
                stance: p.stance.as_str(),
                content: &c.text,
                target: e.target.as_deref().unwrap_or(""),
                doc: &e.doc,
                date: e.date.as_deref().unwrap_or(""),
                start: e.span[0],
                end: e.span[1],
                cue: &e.cue,
                rule: &e.rule,
                sentence: &e.sentence,
            });
        }
    }
    csv_string(&rows, raw)
}

/// One JSON line per evidence sentence, in `extract`'s position schema plus
/// the position's `issue` (its label) and `issue_id`, for scoring issue
/// grouping and for tools that read positions. Lines are sorted by actor,
/// content key and stance, then by evidence.
pub fn to_positions_jsonl(g: &PositionGraph, issues: &crate::issues::Issues) -> String {
    #[derive(Serialize)]
    struct Line<'a> {
        doc: &'a str,
        actor: &'a str,
        stance: &'a str,
        content: &'a str,
        target: Option<&'a str>,
        span: [usize; 2],
        sentence: &'a str,
        cue: &'a str,
        rule: &'a str,
        actor_kind: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        affiliation: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<&'a str>,
        issue: Option<&'a str>,
        issue_id: Option<&'a str>,
    }
    let mut out = String::new();
    let mut edges: Vec<_> = g
        .stance_edges_indexed()
        .filter_map(|(e, a, c, s)| Some((e, g.actor(a)?, g.content(c)?, s)))
        .collect();
    edges.sort_by(|x, y| (&x.1.name, &x.2.key, x.3.stance).cmp(&(&y.1.name, &y.2.key, y.3.stance)));
    for (e, actor, content, s) in edges {
        let mut evidence: Vec<(usize, &crate::graph::Evidence)> =
            s.evidence.iter().enumerate().collect();
        evidence.sort_by(|a, b| a.1.cmp(b.1));
        for (i, ev) in evidence {
            let issue = issues.of(e, i);
            let line = Line {
                doc: &ev.doc,
                actor: &actor.name,
                stance: s.stance.as_str(),
                content: if ev.content.is_empty() {
                    &content.text
                } else {
                    &ev.content
                },
                target: ev.target.as_deref(),
                span: ev.span,
                sentence: &ev.sentence,
                cue: &ev.cue,
                rule: &ev.rule,
                actor_kind: actor.kind.as_str(),
                affiliation: actor.affiliation.as_deref(),
                date: ev.date.as_deref(),
                issue: issue.map(|i| i.label.as_str()),
                issue_id: issue.map(|i| i.id.as_str()),
            };
            if let Ok(text) = serde_json::to_string(&line) {
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
    out
}
