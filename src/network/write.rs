//! A network as an edge list (CSV), a matrix (CSV), GraphML, GEXF or JSON.

use super::{qualifier, NetEdge, Network, Window};
use crate::export::{neutralise_csv, xml_safe};
use quick_xml::events::BytesText;

/// CSV text from rows, neutralised against formula injection unless `raw`.
fn csv_text(rows: Vec<Vec<String>>, raw: bool) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        // writing into memory cannot fail
        let _ = w.write_record(&r);
    }
    let text = w
        .into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default();
    if raw {
        text
    } else {
        neutralise_csv(&text)
    }
}

/// A weight as the shortest decimal that reads back the same.
fn number(w: f64) -> String {
    format!("{w}")
}

fn edge_row(net: &Network, e: &NetEdge) -> Vec<String> {
    match e.stance {
        Some(s) => {
            let label = net
                .nodes
                .iter()
                .find(|n| n.id == e.target)
                .map_or("", |n| n.label.as_str());
            vec![
                e.source.clone(),
                e.target.clone(),
                label.to_string(),
                s.as_str().to_string(),
                number(e.weight),
            ]
        }
        None => vec![
            e.source.clone(),
            e.target.clone(),
            number(e.weight),
            e.issues.join("; "),
        ],
    }
}

fn edge_header(two_mode: bool) -> Vec<String> {
    let h: &[&str] = if two_mode {
        &["source", "target", "issue", "stance", "weight"]
    } else {
        &["source", "target", "weight", "issues"]
    };
    h.iter().map(|s| s.to_string()).collect()
}

/// The edge list: `source,target,weight,issues` (one-mode) or
/// `source,target,issue,stance,weight` (two-mode, target the issue id).
pub fn edge_list(net: &Network, two_mode: bool, raw: bool) -> String {
    let mut rows = vec![edge_header(two_mode)];
    rows.extend(net.edges.iter().map(|e| edge_row(net, e)));
    csv_text(rows, raw)
}

/// A series of networks as one edge list, each row led by its window.
pub fn edge_list_series(series: &[(Window, Network)], two_mode: bool, raw: bool) -> String {
    let mut header = vec!["window_start".to_string(), "window_end".to_string()];
    header.extend(edge_header(two_mode));
    let mut rows = vec![header];
    for (w, net) in series {
        for e in &net.edges {
            let mut r = vec![w.start.clone(), w.end.clone()];
            r.extend(edge_row(net, e));
            rows.push(r);
        }
    }
    csv_text(rows, raw)
}

/// The adjacency matrix: one row and column per actor (one-mode, weights,
/// isolates included when the network kept them), or a row per actor and a
/// column per issue (two-mode: evidence for minus evidence against; claims
/// count 0).
pub fn matrix(net: &Network, two_mode: bool, raw: bool) -> String {
    let actors: Vec<&str> = net
        .nodes
        .iter()
        .filter(|n| n.mode == "actor")
        .map(|n| n.id.as_str())
        .collect();
    let columns: Vec<(&str, &str)> = if two_mode {
        net.nodes
            .iter()
            .filter(|n| n.mode == "issue")
            .map(|n| (n.id.as_str(), n.label.as_str()))
            .collect()
    } else {
        actors.iter().map(|a| (*a, *a)).collect()
    };
    let col_of: std::collections::HashMap<&str, usize> =
        columns.iter().enumerate().map(|(i, c)| (c.0, i)).collect();
    let row_of: std::collections::HashMap<&str, usize> =
        actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let mut cells = vec![vec![0.0f64; columns.len()]; actors.len()];
    for e in &net.edges {
        match e.stance {
            Some(s) => {
                let sign = match qualifier(s) {
                    Some(true) => 1.0,
                    Some(false) => -1.0,
                    None => 0.0,
                };
                if let (Some(&r), Some(&c)) =
                    (row_of.get(e.source.as_str()), col_of.get(e.target.as_str()))
                {
                    cells[r][c] += sign * e.weight;
                }
            }
            None => {
                if let (Some(&r), Some(&c)) =
                    (row_of.get(e.source.as_str()), row_of.get(e.target.as_str()))
                {
                    cells[r][c] = e.weight;
                    cells[c][r] = e.weight;
                }
            }
        }
    }
    let mut header = vec![String::new()];
    header.extend(columns.iter().map(|c| c.1.to_string()));
    let mut rows = vec![header];
    for (a, row) in actors.iter().zip(cells) {
        let mut r = vec![a.to_string()];
        r.extend(row.into_iter().map(number));
        rows.push(r);
    }
    csv_text(rows, raw)
}

const NODE_KEYS: [&str; 4] = ["label", "mode", "kind", "affiliation"];

/// GraphML (networkx, yEd, Gephi, Cytoscape): undirected for one-mode,
/// directed actor → issue for two-mode; `weight` a double.
pub fn graphml(net: &Network, two_mode: bool) -> String {
    crate::export::xml_document(|w| {
        w.create_element("graphml")
            .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
            .write_inner_content(|w| {
                for k in NODE_KEYS {
                    crate::export::graphml_key(w, "node", k, "string")?;
                }
                for (k, ty) in [
                    ("weight", "double"),
                    ("stance", "string"),
                    ("issues", "string"),
                ] {
                    crate::export::graphml_key(w, "edge", k, ty)?;
                }
                let directed = if two_mode { "directed" } else { "undirected" };
                w.create_element("graph")
                    .with_attributes([("id", "network"), ("edgedefault", directed)])
                    .write_inner_content(|w| {
                        for n in &net.nodes {
                            w.create_element("node")
                                .with_attribute(("id", xml_safe(&n.id).as_ref()))
                                .write_inner_content(|w| {
                                    crate::export::data(w, "n_label", &n.label)?;
                                    crate::export::data(w, "n_mode", n.mode)?;
                                    crate::export::data(w, "n_kind", &n.kind)?;
                                    crate::export::data(w, "n_affiliation", &n.affiliation)
                                })?;
                        }
                        for e in &net.edges {
                            w.create_element("edge")
                                .with_attributes([
                                    ("source", xml_safe(&e.source).as_ref()),
                                    ("target", xml_safe(&e.target).as_ref()),
                                ])
                                .write_inner_content(|w| {
                                    crate::export::data(w, "e_weight", &number(e.weight))?;
                                    if let Some(s) = e.stance {
                                        crate::export::data(w, "e_stance", s.as_str())?;
                                    }
                                    crate::export::data(w, "e_issues", &e.issues.join("; "))
                                })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// GEXF 1.3 (Gephi): node attributes mode, kind, affiliation; edge weight,
/// stance and issues.
pub fn gexf(net: &Network, two_mode: bool) -> String {
    crate::export::xml_document(|w| {
        w.create_element("gexf")
            .with_attributes([("xmlns", "http://gexf.net/1.3"), ("version", "1.3")])
            .write_inner_content(|w| {
                w.create_element("meta").write_inner_content(|w| {
                    w.create_element("creator")
                        .write_text_content(BytesText::new("stancegraph"))?;
                    Ok(())
                })?;
                let directed = if two_mode { "directed" } else { "undirected" };
                w.create_element("graph")
                    .with_attributes([("defaultedgetype", directed), ("mode", "static")])
                    .write_inner_content(|w| {
                        attributes(w, "node", &["mode", "kind", "affiliation"])?;
                        attributes(w, "edge", &["stance", "issues"])?;
                        w.create_element("nodes").write_inner_content(|w| {
                            for n in &net.nodes {
                                w.create_element("node")
                                    .with_attributes([
                                        ("id", xml_safe(&n.id).as_ref()),
                                        ("label", xml_safe(&n.label).as_ref()),
                                    ])
                                    .write_inner_content(|w| {
                                        attvalues(w, &[n.mode, &n.kind, &n.affiliation])
                                    })?;
                            }
                            Ok(())
                        })?;
                        w.create_element("edges").write_inner_content(|w| {
                            for (i, e) in net.edges.iter().enumerate() {
                                w.create_element("edge")
                                    .with_attributes([
                                        ("id", i.to_string().as_str()),
                                        ("source", xml_safe(&e.source).as_ref()),
                                        ("target", xml_safe(&e.target).as_ref()),
                                        ("weight", number(e.weight).as_str()),
                                    ])
                                    .write_inner_content(|w| {
                                        let stance = e.stance.map_or("", |s| s.as_str());
                                        attvalues(w, &[stance, &e.issues.join("; ")])
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

fn attributes(w: &mut crate::export::Xml, class: &str, names: &[&str]) -> std::io::Result<()> {
    crate::export::gexf_attributes(
        w,
        class,
        names.iter().enumerate().map(|(i, k)| (i, *k, "string")),
    )
}

/// GEXF attribute values, by position; empty ones left out.
fn attvalues(w: &mut crate::export::Xml, values: &[&str]) -> std::io::Result<()> {
    crate::export::attvalues(
        w,
        values.iter().enumerate().map(|(i, v)| (i, v.to_string())),
    )
}
