//! The negotiation diagram (issue 22, item 3): issues in the middle, actors
//! around them, stance colours, a title and a legend, on one page of at most
//! 1600 × 1200 px, drawn alike by the built-in engine and by Graphviz.

mod common;

use common::{ci_tool, dev_docs_or_examples, stancegraph_ok as stancegraph};
use std::path::Path;

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let b = std::fs::read(path).unwrap();
    assert_eq!(
        &b[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is no PNG",
        path.display()
    );
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (be(16), be(20))
}

/// The value of attribute `name` on the first element that has it.
fn attribute(svg: &str, name: &str) -> f64 {
    let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    let end = at + svg[at..].find('"').unwrap();
    svg[at..end].trim_end_matches("pt").parse().unwrap()
}

/// The texts of an SVG's `<text>` elements.
/// The text of every `<text>` element, with its character references read
/// (Graphviz writes "Jong-un" as `Jong&#45;un`).
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            let raw = &body[..body.find("</text>")?];
            Some(
                quick_xml::escape::unescape(raw)
                    .map_or_else(|_| raw.to_string(), |t| t.into_owned()),
            )
        })
        .collect()
}

#[test]
fn the_default_diagram_of_the_dev_set_fits_a_page_in_both_engines() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |name: &str| tmp.path().join(name).to_str().unwrap().to_string();
    let docs = dev_docs_or_examples();
    stancegraph(&[
        "build",
        "--quiet",
        docs.to_str().unwrap(),
        "-o",
        &p("g.json"),
    ]);
    stancegraph(&[
        "render",
        &p("g.json"),
        "-o",
        &p("b.svg"),
        "--engine",
        "builtin",
    ]);
    let svg = std::fs::read_to_string(p("b.svg")).unwrap();
    let (w, h) = (attribute(&svg, "width"), attribute(&svg, "height"));
    assert!(w <= 1600.0 && h <= 1200.0, "{w} × {h}");
    // text at least 11 px: every font size the writer uses
    for size in svg.split("font-size=\"").skip(1) {
        let size: f64 = size[..size.find('"').unwrap()].parse().unwrap();
        assert!(size >= 11.0, "text of {size} px");
    }
    let builtin = texts(&svg);
    assert!(builtin.iter().any(|t| t.starts_with("Who wants what")));
    assert!(builtin.iter().any(|t| t.contains("contested")), "a legend");
    assert!(
        builtin.iter().any(|t| t.contains(" actors · ")),
        "issue boxes"
    );
    if !ci_tool("dot") {
        return;
    }
    stancegraph(&[
        "render",
        &p("g.json"),
        "-o",
        &p("g.png"),
        "--engine",
        "graphviz",
    ]);
    let (w, h) = png_size(Path::new(&p("g.png")));
    assert!(w <= 1600 && h <= 1200, "the PNG is {w} × {h} px");
    assert!(w >= 1000 && h >= 300, "the PNG is {w} × {h} px");
    // Graphviz draws the same boxes: every label of ours is in its SVG
    stancegraph(&[
        "render",
        &p("g.json"),
        "-o",
        &p("g.svg"),
        "--engine",
        "graphviz",
    ]);
    let graphviz = texts(&std::fs::read_to_string(p("g.svg")).unwrap()).join("\n");
    for t in builtin.iter().filter(|t| !t.contains("contested")) {
        assert!(graphviz.contains(t.as_str()), "Graphviz lacks {t:?}");
    }
}

const TEXT: &str = "Norway proposed a plan to share the fishing quotas in the disputed waters. \
Denmark rejected the plan on Tuesday. Iceland supported the Norwegian proposal. \
Canada backed the quota plan as well. Denmark demanded compensation for lost revenue.\n\n\
Finland demanded a new airport runway. Sweden opposed the runway.\n";

#[test]
fn issues_are_chosen_by_actor_by_words_and_by_id() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |name: &str| tmp.path().join(name).to_str().unwrap().to_string();
    std::fs::write(p("quota.txt"), TEXT).unwrap();
    stancegraph(&["build", "--quiet", &p("quota.txt"), "-o", &p("g.json")]);
    let (g, d) = (p("g.json"), p("d.svg"));
    let draw = |args: &[&str]| {
        let mut all = vec![
            "render",
            g.as_str(),
            "-o",
            d.as_str(),
            "--engine",
            "builtin",
        ];
        all.extend(args.iter().copied());
        stancegraph(&all);
        texts(&std::fs::read_to_string(&d).unwrap())
    };
    // Denmark's issues, with everyone's stances on them
    let t = draw(&["--actor", "Denmark"]);
    for who in ["Denmark", "Norway", "Iceland", "Canada"] {
        assert!(t.iter().any(|x| x == who), "{who} missing: {t:?}");
    }
    assert!(!t.iter().any(|x| x == "Sweden"), "{t:?}");
    let t = draw(&["--about", "runway"]);
    assert!(
        t.iter().any(|x| x == "Sweden") && t.iter().any(|x| x == "Finland"),
        "{t:?}"
    );
    assert!(!t.iter().any(|x| x == "Norway"), "{t:?}");
    let t = draw(&["--issue", "i1", "--top", "1"]);
    assert_eq!(
        t.iter().filter(|x| x.contains(" actor")).count(),
        1,
        "{t:?}"
    );
    // nothing matches: a one-line error, and no picture
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stancegraph"))
        .args([
            "render",
            &p("g.json"),
            "-o",
            &p("none.svg"),
            "--about",
            "zeppelin",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("g.json") && err.contains("no issue matches"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!Path::new(&p("none.svg")).exists());
}
