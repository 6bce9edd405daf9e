//! Issue 24 item 1: two `build --into same.json` at once lose nothing: the
//! second writer waits for the first (a lock beside the graph), so every
//! document of both ends up in the graph, counted once.

use std::path::Path;
use std::process::Command;

fn docs(dir: &Path, prefix: &str, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("{prefix}{i}.txt")),
            format!("Denmark rejected the {prefix} plan number {i} on fishing quotas.\n"),
        )
        .unwrap();
    }
}

fn documents(graph: &Path) -> usize {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(graph).unwrap()).unwrap();
    v["documents"].as_array().unwrap().len()
}

#[test]
fn two_builds_into_one_graph_at_once_lose_no_document() {
    let tmp = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_stancegraph");
    docs(&tmp.path().join("base"), "base", 2);
    docs(&tmp.path().join("a"), "alpha", 18);
    docs(&tmp.path().join("b"), "beta", 19);
    for round in 0..3 {
        let graph = tmp.path().join(format!("same-{round}.json"));
        let st = Command::new(bin)
            .args(["build", "--quiet"])
            .arg(tmp.path().join("base"))
            .arg("-o")
            .arg(&graph)
            .status()
            .unwrap();
        assert!(st.success());
        let spawn = |dir: &str| {
            Command::new(bin)
                .args(["build", "--quiet", "--into"])
                .arg(&graph)
                .arg(tmp.path().join(dir))
                .spawn()
                .unwrap()
        };
        let (mut a, mut b) = (spawn("a"), spawn("b"));
        assert!(a.wait().unwrap().success() && b.wait().unwrap().success());
        assert_eq!(documents(&graph), 2 + 18 + 19, "round {round}");
    }
}
