//! Exports: golden files for a small graph of our own example, and article
//! text full of markup that must come back unchanged from every format.
//! Regenerate the golden files on purpose with `UPDATE_GOLDEN=1 cargo test --test exports`.

mod common;

use common::render_with_graphviz;
use stancegraph::export::{export, to_csv_tables, Format};
use stancegraph::extract::Extractor;
use stancegraph::graph::PositionGraph;
use stancegraph::lexicon::Lexicon;
use stancegraph::model::{ActorKind, Document, Position, Stance};
use std::path::Path;

fn example_graph() -> PositionGraph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("examples/articles/harbour-talks.txt")).unwrap();
    let lx = Lexicon::builtin();
    let mut g = PositionGraph::new();
    let mut doc = Document::new("harbour-talks", text);
    doc.date = Some("2025-06-03".into());
    for p in Extractor::new(&lx).extract(&doc) {
        g.add_position(&p);
    }
    g
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run UPDATE_GOLDEN=1 cargo test --test exports",
            path.display()
        )
    });
    assert!(expected == actual, "{name} differs from its golden file; if the change is intended, run UPDATE_GOLDEN=1 cargo test --test exports");
}

#[test]
fn exports_match_their_golden_files() {
    let g = example_graph();
    for (format, name) in [
        (Format::Dot, "harbour.dot"),
        (Format::Json, "harbour.json"),
        (Format::NodeLink, "harbour.node-link.json"),
        (Format::Graphml, "harbour.graphml"),
        (Format::Gexf, "harbour.gexf"),
        (Format::Cytoscape, "harbour.cytoscape.json"),
        (Format::PositionsCsv, "harbour.positions.csv"),
    ] {
        golden(name, &export(&g, format));
    }
    let (nodes, edges) = to_csv_tables(&g);
    golden("harbour.nodes.csv", &nodes);
    golden("harbour.edges.csv", &edges);
}

/// Markup, quotes, backslashes, line breaks, tabs and control characters.
const NASTY: &str = "He said \"no\" \\ <b>&amp;</b> ]]> --> </script><script>alert(1)</script>\nnext line\ttab \u{1}\u{1b}[31m bell\u{7}";

fn nasty_graph() -> PositionGraph {
    let mut g = PositionGraph::new();
    g.add_position(&Position {
        doc: "doc \"1\" <x>".into(),
        actor: "Actor & <Sons> \"Ltd\"".into(),
        stance: Stance::Demand,
        content: NASTY.into(),
        target: Some("Target ]]>".into()),
        span: [0, NASTY.len()],
        sentence: NASTY.into(),
        cue: "demanded".into(),
        rule: "object".into(),
        negated: false,
        actor_kind: ActorKind::Organization,
        actor_mention: "it".into(),
        affiliation: Some("Body --> \"x\"".into()),
        date: Some("2025-01-01".into()),
    });
    g
}

/// Every `(name, value)` text of elements and attributes in an XML document.
fn xml_texts(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().expect("the export is well-formed XML") {
            Event::Eof => break,
            Event::Text(t) => out.push(t.to_string()),
            // entity and character references come as events of their own
            Event::GeneralRef(e) => {
                let name = e.to_string();
                let c = match name.as_str() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => e.resolve_char_ref().unwrap().expect("a known reference"),
                };
                out.push(c.to_string());
            }
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    out.push(
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn article_text_round_trips_through_every_format() {
    let g = nasty_graph();
    // JSON formats
    for f in [Format::Json, Format::NodeLink, Format::Cytoscape] {
        let v: serde_json::Value = serde_json::from_str(&export(&g, f)).expect("valid JSON");
        assert!(
            v.to_string()
                .contains(&serde_json::to_string(NASTY).unwrap()[1..NASTY.len()]),
            "{f:?}"
        );
    }
    // XML formats: the sentence appears inside the evidence JSON, escaped once
    for f in [Format::Graphml, Format::Gexf] {
        let xml = export(&g, f);
        assert!(!xml.contains("<script>"), "{f:?} must escape markup");
        let texts = xml_texts(&xml).join("");
        assert!(texts.contains("Actor & <Sons> \"Ltd\""), "{f:?}: {texts}");
        assert!(
            texts.contains("</script><script>alert(1)</script>"),
            "{f:?}"
        );
    }
    // CSV
    let csv_text = export(&g, Format::PositionsCsv);
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let row = r.records().next().unwrap().unwrap();
    let headers = r.headers().unwrap().clone();
    let field = |name: &str| {
        row.get(headers.iter().position(|h| h == name).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(field("sentence"), NASTY);
    assert_eq!(field("content"), NASTY);
    assert_eq!(field("actor"), "Actor & <Sons> \"Ltd\"");
    // DOT: parses back, and the label survives
    let dot = export(&g, Format::Dot);
    assert!(graphviz_rust::parse(&dot).is_ok(), "DOT parses");
    assert!(dot.contains(r#"label="Actor & <Sons> \"Ltd\"""#));
}

/// Graphviz draws the diagram of the whole dev set without a warning.
#[test]
fn graphviz_renders_the_dev_set_diagram_without_warnings() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/docs");
    if !docs.exists() {
        eprintln!("SKIPPED: {} is absent", docs.display());
        return;
    }
    let lx = Lexicon::builtin();
    let mut g = PositionGraph::new();
    for d in stancegraph::input::Inputs::new(&[docs], false) {
        for p in Extractor::new(&lx).extract(&d.unwrap()) {
            g.add_position(&p);
        }
    }
    render_with_graphviz(&export(&g, Format::Dot));
}

/// Issue 24 item 10: every export is byte-identical run to run. Each run is
/// its own process, so a hash map's random order would show.
#[test]
fn every_format_is_byte_identical_run_to_run() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_stancegraph");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graph = tmp.path().join("g.json");
    let st = std::process::Command::new(bin)
        .arg("build")
        .arg(root.join("examples/articles"))
        .arg("-o")
        .arg(&graph)
        .status()
        .unwrap();
    assert!(st.success());
    for (_, name, _, _) in Format::ALL {
        let runs: Vec<Vec<u8>> = (0..3)
            .map(|k| {
                let out = tmp.path().join(format!("{name}-{k}"));
                let st = std::process::Command::new(bin)
                    .arg("export")
                    .arg(&graph)
                    .args(["--format", name, "-o"])
                    .arg(&out)
                    .status()
                    .unwrap();
                assert!(st.success(), "{name}");
                if out.is_dir() {
                    let mut bytes = std::fs::read(out.join("nodes.csv")).unwrap();
                    bytes.extend(std::fs::read(out.join("edges.csv")).unwrap());
                    bytes
                } else {
                    std::fs::read(&out).unwrap()
                }
            })
            .collect();
        assert!(
            runs.windows(2).all(|w| w[0] == w[1]),
            "{name} differs from run to run"
        );
    }
}
