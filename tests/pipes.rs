//! A reader that goes away (`stancegraph query … | head -1`, `| true`) ends
//! the command quietly with exit 0, as ripgrep does: never a panic and exit
//! 101 (issue 24, item 11).

use std::process::{Command, Stdio};

const EXAMPLE: &str = "examples/articles/harbour-talks.txt";

#[test]
fn every_printing_command_ends_quietly_on_a_closed_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    let graph = tmp.path().join("g.json");
    let bin = env!("CARGO_BIN_EXE_stancegraph");
    let st = Command::new(bin)
        .args(["build", EXAMPLE, "-o"])
        .arg(&graph)
        .status()
        .unwrap();
    assert!(st.success());
    let g = graph.to_str().unwrap();
    let commands: [&[&str]; 6] = [
        &["query", g, "--actor", "Denmark"],
        &["query", g, "--actor", "Denmark", "--format", "json"],
        &["query", g, "--conflicts"],
        &["query", g, "--about", "harbour"],
        &["explain", "Denmark rejected the Norwegian plan."],
        &["export", g, "--format", "graphml"],
    ];
    for args in commands {
        for _ in 0..3 {
            let mut child = Command::new(bin)
                .args(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // the reader goes away before the command has written anything
            drop(child.stdout.take());
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stderr.is_empty(),
                "{args:?}: {:?} {stderr}",
                out.status
            );
        }
    }
}
