//! End-to-end tests of the `stancegraph` binary on small inputs.

mod common;

use assert_cmd::Command;
use common::render_with_graphviz;
use predicates::prelude::*;
use std::path::Path;

const EXAMPLE: &str = "examples/articles/harbour-talks.txt";

fn stancegraph() -> Command {
    Command::cargo_bin("stancegraph").expect("binary builds")
}

fn positions(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Whether some position has this actor and stance and a content holding
/// `content`.
fn has_position(ps: &[serde_json::Value], actor: &str, stance: &str, content: &str) -> bool {
    ps.iter().any(|p| {
        p["actor"] == actor
            && p["stance"] == stance
            && p["content"].as_str().unwrap().contains(content)
    })
}

#[test]
fn extract_finds_the_example_positions_with_schema_fields() {
    let out = stancegraph()
        .args(["extract", EXAMPLE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ps = positions(&out);
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    for p in &ps {
        for field in [
            "doc", "actor", "stance", "content", "target", "span", "sentence", "cue", "rule",
        ] {
            assert!(p.get(field).is_some(), "missing {field} in {p}");
        }
        let (s, e) = (
            p["span"][0].as_u64().unwrap() as usize,
            p["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[s..e],
            p["sentence"].as_str().unwrap(),
            "span addresses the sentence"
        );
    }
    let has = |actor: &str, stance: &str, content: &str| has_position(&ps, actor, stance, content);
    assert!(has("Denmark", "reject", "Norwegian plan"), "{ps:#?}");
    assert!(has("Denmark", "demand", "compensation for lost revenue"));
    assert!(has("Mette Frederiksen", "offer", "discuss joint patrols"));
    assert!(has(
        "Mette Frederiksen",
        "reject",
        "any change to the quota system"
    ));
    assert!(has("European Union", "demand", "resume talks"));
    assert!(has("Iceland", "support", "Norwegian proposal"));
    assert!(has("Canada", "support", "Norwegian proposal"));
    assert!(has(
        "United States",
        "propose",
        "joint monitoring commission"
    ));
    let urged = ps
        .iter()
        .find(|p| p["rule"] == "shared-subject" && p["content"] == "return to the table")
        .expect("urged Copenhagen to return");
    assert_eq!(urged["target"], "Denmark");
    assert_eq!(urged["actor"], "Espen Barth Eide");
}

#[test]
fn extract_reads_standard_input_and_jsonl() {
    let out = stancegraph()
        .args(["extract", "-"])
        .write_stdin("Moscow rejected the proposal.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ps = positions(&out);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0]["actor"], "Russia");
    assert_eq!(ps[0]["doc"], "stdin");
    let out = stancegraph()
        .args(["extract", "--jsonl", "-"])
        .write_stdin("{\"id\":\"d1\",\"text\":\"Kyiv demanded a ceasefire.\",\"date\":\"2025-03-01\"}\n{bad\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("<stdin>: line 2"))
        .get_output()
        .stdout
        .clone();
    let ps = positions(&out);
    assert_eq!(ps[0]["doc"], "d1");
    assert_eq!(ps[0]["date"], "2025-03-01");
}

#[test]
fn build_query_export_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.json");
    stancegraph()
        .args(["build", EXAMPLE, "-o"])
        .arg(&graph)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 documents"));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&graph).unwrap()).unwrap();
    assert_eq!(g["format"], "stancegraph");
    assert_eq!(g["version"], 1);
    assert!(g["positions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| !p["evidence"].as_array().unwrap().is_empty()));

    stancegraph()
        .args(["query"])
        .arg(&graph)
        .args(["--actor", "Copenhagen"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Denmark (country)")
                .and(predicate::str::contains("reject"))
                .and(predicate::str::contains("harbour-talks.txt")),
        );
    stancegraph()
        .args(["query"])
        .arg(&graph)
        .args(["--actor", "Atlantis"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no actor named"));

    let json_out = dir.path().join("copy.json");
    stancegraph()
        .args(["export"])
        .arg(&graph)
        .args(["--format", "json", "-o"])
        .arg(&json_out)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&json_out).unwrap(),
        std::fs::read_to_string(&graph).unwrap(),
        "json export is the graph file"
    );

    // adding the same document again changes nothing
    stancegraph()
        .args(["build", EXAMPLE, "--into"])
        .arg(&graph)
        .assert()
        .success()
        .stderr(predicate::str::contains("already in the graph"));
    assert_eq!(
        std::fs::read_to_string(&json_out).unwrap(),
        std::fs::read_to_string(&graph).unwrap()
    );

    let dot = stancegraph()
        .args(["export"])
        .arg(&graph)
        .args(["--format", "dot"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let dot = String::from_utf8(dot).unwrap();
    assert!(dot.starts_with("digraph stancegraph {"));
    assert!(dot.contains("shape=box") && dot.contains("shape=ellipse"));
    render_with_graphviz(&dot);
}

#[test]
fn missing_file_is_one_clear_line_and_other_inputs_still_go_through() {
    let out = stancegraph()
        .args(["extract", "no/such/file.txt", EXAMPLE])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("stancegraph: no/such/file.txt: "), "{err}");
    assert!(
        !positions(&out.stdout).is_empty(),
        "the good file was still processed"
    );
}

#[test]
fn folder_with_binary_and_bad_utf8_files_reports_each() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Kyiv demanded a ceasefire.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"GIF89a\x00\x01\x02").unwrap();
    std::fs::write(dir.path().join("c.txt"), b"Moscow \xff rejected it.").unwrap();
    std::fs::write(dir.path().join("ignored.png"), b"\x89PNG\x00").unwrap();
    let out = stancegraph()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("b.txt: binary file (NUL byte at offset 6)"),
        "{err}"
    );
    assert!(
        err.contains("c.txt: not UTF-8 text (invalid byte at offset 7)"),
        "{err}"
    );
    assert!(!err.contains("ignored.png"));
    let ps = positions(&out.stdout);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0]["actor"], "Ukraine");
}

#[test]
fn empty_file_and_empty_stdin_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    stancegraph()
        .arg("extract")
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.txt: empty input"));
    stancegraph()
        .args(["extract", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>: empty input"));
}

#[test]
fn malformed_graph_file_and_bad_lexicon_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("g.json");
    std::fs::write(
        &bad,
        "{\"format\": \"stancegraph\", \"version\": 1, \"actors\": [",
    )
    .unwrap();
    stancegraph()
        .args(["query"])
        .arg(&bad)
        .args(["--actor", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("g.json: malformed graph file"));
    let future = dir.path().join("f.json");
    std::fs::write(&future, "{\"format\": \"stancegraph\", \"version\": 99}").unwrap();
    stancegraph()
        .args(["export"])
        .arg(&future)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "newer than this stancegraph reads",
        ));
    let lex = dir.path().join("lex.json");
    std::fs::write(
        &lex,
        "{\"cues\": [{\"cue\": \"covet\", \"stance\": \"desire\", \"frame\": \"object\"}]}",
    )
    .unwrap();
    stancegraph()
        .args(["extract", EXAMPLE, "--lexicon"])
        .arg(&lex)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lex.json").and(predicate::str::contains("desire")));
}

#[test]
fn user_lexicon_adds_actors_and_cues() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("lex.json");
    std::fs::write(&lex, r#"{"actors": [{"name": "Northland", "kind": "country", "aliases": ["Borealis City"]}], "cues": [{"cue": "covet", "stance": "demand", "frame": "object"}]}"#).unwrap();
    let out = stancegraph()
        .args(["extract", "-", "--lexicon"])
        .arg(&lex)
        .write_stdin("Borealis City covets the southern islands.")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ps = positions(&out);
    assert_eq!(ps.len(), 1, "{ps:?}");
    assert_eq!(ps[0]["actor"], "Northland");
    assert_eq!(ps[0]["stance"], "demand");
    assert_eq!(ps[0]["content"], "the southern islands");
}

#[test]
fn output_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("positions.jsonl");
    stancegraph()
        .args(["extract", EXAMPLE, "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert!(std::fs::read_to_string(&out).unwrap().lines().count() > 5);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    assert!(Path::new(&out).exists());
}

#[test]
fn explain_names_the_rule() {
    stancegraph()
        .args(["explain", "The U.S. urged Russia to make concessions."])
        .assert()
        .success()
        .stdout(predicate::str::contains("cue: \"urged\"").and(predicate::str::contains("position: United States demand \"make concessions\" -> target Russia [rule control-to")));
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let text = format!("Kyiv demanded ceasefire number {i}. Moscow rejected plan {i}, the Kremlin said.\n\n“We are ready to talk,” he said.");
        std::fs::write(dir.path().join(format!("d{i:03}.txt")), text).unwrap();
    }
    let run = |threads: &str| {
        stancegraph()
            .arg("extract")
            .arg(dir.path())
            .args(["--threads", threads])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("3"));
}

#[test]
fn merge_queries_network_filters_and_render() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("docs.jsonl"),
        concat!(
            r#"{"id": "a", "date": "2025-01-10", "text": "Kyiv demanded a ceasefire. Moscow rejected a ceasefire."}"#,
            "\n",
            r#"{"id": "b", "date": "2025-03-05", "text": "Paris demanded a ceasefire. Berlin offered a ceasefire. Rome backed the sanctions."}"#,
            "\n"
        ),
    )
    .unwrap();
    let lines = std::fs::read_to_string(d.join("docs.jsonl")).unwrap();
    let (first, second) = lines.split_once('\n').unwrap();
    std::fs::write(d.join("a.jsonl"), first).unwrap();
    std::fs::write(d.join("b.jsonl"), second).unwrap();
    for name in ["docs", "a", "b"] {
        stancegraph()
            .arg("build")
            .arg(d.join(format!("{name}.jsonl")))
            .arg("-o")
            .arg(d.join(format!("{name}.json")))
            .assert()
            .success();
    }
    // merged shards equal the whole, in either order
    for order in [["a.json", "b.json"], ["b.json", "a.json"]] {
        stancegraph()
            .arg("merge")
            .arg(d.join(order[0]))
            .arg(d.join(order[1]))
            .arg("-o")
            .arg(d.join("m.json"))
            .assert()
            .success();
        assert_eq!(
            std::fs::read_to_string(d.join("m.json")).unwrap(),
            std::fs::read_to_string(d.join("docs.json")).unwrap()
        );
    }
    let g = d.join("docs.json");
    let out = |args: &[&str]| {
        String::from_utf8(
            stancegraph()
                .arg("query")
                .arg(&g)
                .args(args)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap()
    };
    let conflicts = out(&["--conflicts"]);
    assert!(
        conflicts.contains("conflict") && conflicts.contains("Russia"),
        "{conflicts}"
    );
    assert!(
        conflicts.contains("overlap") && conflicts.contains("Germany"),
        "{conflicts}"
    );
    let agreements: serde_json::Value =
        serde_json::from_str(&out(&["--agreements", "--format", "json"])).unwrap();
    assert_eq!(agreements[0]["actor_a"], "France");
    assert_eq!(agreements[0]["actor_b"], "Ukraine");
    assert!(out(&["--about", "sanction"]).contains("Italy support"));
    // filters: by date, by stance
    let early = out(&["--conflicts", "--until", "2025-02-01"]);
    assert!(
        early.contains("Russia") && !early.contains("Germany"),
        "{early}"
    );
    let only_rejects = out(&["--actor", "Moscow", "--stance", "reject"]);
    assert!(only_rejects.contains("reject (1)"));
    stancegraph()
        .arg("query")
        .arg(&g)
        .args(["--actor", "Moscow", "--stance", "demand"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no positions"));
    // the actor-actor network
    let net = String::from_utf8(
        stancegraph()
            .arg("network")
            .arg(&g)
            .args(["--type", "conflict"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(net.starts_with("source,target,weight,issues\n"), "{net}");
    assert!(
        net.contains("Russia,Ukraine,1,") || net.contains("France,Russia,1,"),
        "{net}"
    );
    // tables into a folder, and a drawing with the built-in layout
    stancegraph()
        .arg("export")
        .arg(&g)
        .args(["--format", "csv", "-o"])
        .arg(d.join("tables"))
        .assert()
        .success();
    assert!(std::fs::read_to_string(d.join("tables/nodes.csv"))
        .unwrap()
        .starts_with("id,label,type,"));
    assert!(std::fs::read_to_string(d.join("tables/edges.csv"))
        .unwrap()
        .contains("demand"));
    stancegraph()
        .arg("export")
        .arg(&g)
        .args(["--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
    stancegraph()
        .arg("render")
        .arg(&g)
        .args(["--engine", "builtin", "-o"])
        .arg(d.join("map.svg"))
        .assert()
        .success();
    assert!(std::fs::read_to_string(d.join("map.svg"))
        .unwrap()
        .contains("<svg"));
    stancegraph()
        .arg("render")
        .arg(&g)
        .arg("-o")
        .arg(d.join("map.gif"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(".svg, .png or .pdf"));
}

/// Issue 24 item 14: the formats are named once; `--help` and the error for
/// an unknown one list every one of them, html too.
#[test]
fn export_help_and_errors_name_every_format() {
    let help = stancegraph()
        .args(["export", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8_lossy(&help);
    let bad = stancegraph()
        .args(["export", "g.json", "--format", "xml"])
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let bad = String::from_utf8_lossy(&bad);
    for (_, name, _, _) in stancegraph::export::Format::ALL {
        assert!(
            help.contains(&format!("- {name}:")),
            "{name} missing from --help"
        );
        assert!(bad.contains(name), "{name} missing from the error: {bad}");
    }
}

/// Issue 24 item 13: `explain` says why a sentence gives no position, and an
/// empty text is an error, not silence.
#[test]
fn explain_says_why_nothing_was_found_and_refuses_empty_text() {
    stancegraph()
        .args(["explain", "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no text to explain"));
    let out = stancegraph()
        .args([
            "explain",
            "The weather was fine. Analysts said the ferry would be late.",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    let reasons: Vec<&str> = out.lines().filter(|l| l.contains("no position:")).collect();
    assert_eq!(reasons.len(), 2, "{out}");
    assert!(reasons[0].contains("no cue"), "{out}");
    assert!(reasons[1].contains("names no actor"), "{out}");
}

/// Issue 24 item 7: a graph too large for the built-in layout is refused at
/// once with advice, instead of laid out for minutes.
#[test]
fn the_builtin_layout_refuses_a_graph_too_large_for_it() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl: String = (0..900)
        .map(|i| {
            serde_json::json!({"id": format!("d{i}"), "text": format!("Denmark rejected proposal number {i} on the quota{i} question.")})
                .to_string()
                + "\n"
        })
        .collect();
    let docs = tmp.path().join("many.jsonl");
    std::fs::write(&docs, jsonl).unwrap();
    let graph = tmp.path().join("g.json");
    stancegraph()
        .args(["build", "--quiet"])
        .arg(&docs)
        .arg("-o")
        .arg(&graph)
        .assert()
        .success();
    stancegraph()
        .arg("render")
        .arg(&graph)
        .arg("-o")
        .arg(tmp.path().join("g.svg"))
        .args(["--engine", "builtin", "--full"])
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "more than the built-in layout draws",
        ));
    assert!(!tmp.path().join("g.svg").exists());
    // the default diagram draws the issues with most actors, whatever the graph's size
    stancegraph()
        .arg("render")
        .arg(&graph)
        .arg("-o")
        .arg(tmp.path().join("g.svg"))
        .args(["--engine", "builtin"])
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success();
    assert!(std::fs::read_to_string(tmp.path().join("g.svg"))
        .unwrap()
        .contains("Denmark"));
}

#[test]
fn extract_gives_each_position_of_a_port_strike_to_its_holder() {
    // an article written for the project (tests/position_texts), read with
    // the shipped model: who holds each position
    let out = stancegraph()
        .args(["extract", "--quiet", "tests/position_texts/port-strike.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ps = positions(&out);
    let has = |actor: &str, stance: &str, content: &str| has_position(&ps, actor, stance, content);
    assert!(has("FNV", "demand", "pay rise"), "{ps:#?}");
    assert!(has("FNV", "demand", "temporary contracts"), "{ps:#?}");
    assert!(has("Deltalinqs", "offer", "4 percent"), "{ps:#?}");
    assert!(
        has("Karin Veld", "demand", "return to mediation"),
        "{ps:#?}"
    );
    assert!(has("Bram de Wit", "reject", "the offer"), "{ps:#?}");
    // "the union" is the FNV union named before, not the last body named
    assert!(has("FNV", "offer", "resume talks"), "{ps:#?}");
    assert!(has("Maersk", "claim", "rerouting three vessels"), "{ps:#?}");
    assert!(
        ps.iter().all(|p| p["actor"] != "operators' association"),
        "{ps:#?}"
    );
}
