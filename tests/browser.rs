//! The HTML map in a real browser: Debian's Chromium driven by playwright-core
//! (tests/browser/map.test.mjs). `.ci/run` installs Chromium and the npm
//! package; elsewhere the test skips with a message when either is missing.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

const XSS: &str = "</script><script>alert(1)</script>";

#[test]
fn html_map_works_in_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chromium =
        std::env::var("STANCEGRAPH_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let runner = root.join("tests/browser/node_modules/playwright-core");
    if !Path::new(&chromium).exists()
        || !runner.exists()
        || Command::new("node").arg("--version").output().is_err()
    {
        eprintln!("SKIPPED: needs {chromium}, node and tests/browser/node_modules (npm ci --prefix tests/browser); .ci/run installs them");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_stancegraph");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // the dev set (or our example) plus a document whose text carries markup
    let dev = root.join("../shared/eval/dev/docs");
    let input = if dev.exists() {
        dev
    } else {
        root.join("examples/articles")
    };
    std::fs::write(d.join("xss.jsonl"), format!("{}\n", serde_json::json!({"id": "xss", "text": format!("Kyiv demanded the end of {XSS} at once."), "date": "2025-02-02"}))).unwrap();
    let graph = d.join("g.json");
    assert!(Command::new(bin)
        .arg("build")
        .arg(&input)
        .arg(d.join("xss.jsonl"))
        .arg("-o")
        .arg(&graph)
        .status()
        .unwrap()
        .success());
    let map = d.join("map.html");
    assert!(Command::new(bin)
        .arg("export")
        .arg(&graph)
        .args(["--format", "html", "-o"])
        .arg(&map)
        .status()
        .unwrap()
        .success());
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&graph).unwrap()).unwrap();
    let n = |k: &str| g[k].as_array().unwrap().len();

    // a map of about 5,000 nodes
    let countries = [
        "Peru", "Chile", "Kenya", "Ghana", "Japan", "Norway", "Canada", "Egypt", "India", "Brazil",
    ];
    let mut big = String::new();
    for i in 0..4990 {
        // every seventh a claim, which the map dashes only close up
        let _ = if i % 7 == 0 {
            writeln!(
                big,
                "{} said reform number {i} would fail.",
                countries[i % countries.len()]
            )
        } else {
            writeln!(
                big,
                "{} demanded reform number {i}.",
                countries[i % countries.len()]
            )
        };
    }
    std::fs::write(d.join("big.txt"), big).unwrap();
    let big_graph = d.join("big.json");
    assert!(Command::new(bin)
        .arg("build")
        .arg(d.join("big.txt"))
        .arg("-o")
        .arg(&big_graph)
        .status()
        .unwrap()
        .success());
    let bg: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&big_graph).unwrap()).unwrap();
    let big_nodes =
        bg["actors"].as_array().unwrap().len() + bg["contents"].as_array().unwrap().len();
    assert!(big_nodes >= 5000, "{big_nodes}");
    let big_map = d.join("big.html");
    assert!(Command::new(bin)
        .arg("export")
        .arg(&big_graph)
        .args(["--format", "html", "-o"])
        .arg(&big_map)
        .status()
        .unwrap()
        .success());

    let shot = root.join("target/map-screenshot.png");
    let expect = serde_json::json!({"actors": n("actors"), "contents": n("contents"), "edges": n("positions"), "xss": XSS, "big_nodes": big_nodes});
    let out = Command::new("node")
        .current_dir(root.join("tests/browser"))
        .arg("map.test.mjs")
        .arg(&map)
        .arg(&big_map)
        .arg(&shot)
        .arg(expect.to_string())
        .env("STANCEGRAPH_CHROMIUM", &chromium)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "browser test failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "{} (screenshot: {})",
        String::from_utf8_lossy(&out.stdout).trim(),
        shot.display()
    );
}
