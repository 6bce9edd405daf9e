//! Helpers shared by the integration tests.

use std::io::Write;

/// Render DOT with Graphviz and assert it succeeds without a warning.
/// Returns false (after saying so) where Graphviz is not installed.
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn render_with_graphviz(dot: &str) -> bool {
    let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("SKIPPED: Graphviz `dot` is not installed (apt-get install graphviz); .ci/run installs it");
        return false;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    true
}

/// The dev set's documents (`../shared/eval/dev/docs`), or the bundled
/// example articles where `../shared` is absent (a fresh clone), saying so.
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn dev_docs_or_examples() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/eval/dev/docs");
    if dev.exists() {
        dev
    } else {
        eprintln!("note: ../shared is absent; running on examples/articles instead of the dev set");
        root.join("examples/articles")
    }
}

/// Runs the stancegraph binary with `args`, asserts it succeeds, and returns
/// what it printed.
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn stancegraph_ok(args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stancegraph"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs a Python scorer that prints JSON (`--json` is added) and returns
/// its report.
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn python_report(script: &std::path::Path, args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let out = std::process::Command::new("python3")
        .arg(script)
        .args(args)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("scorer prints JSON")
}

/// Whether a tool that `.ci/run` installs is on the PATH. Under CI=true a
/// missing one fails the test; elsewhere the test is skipped, saying so.
#[allow(dead_code)] // not every test crate that includes this module uses it
pub fn ci_tool(name: &str) -> bool {
    let found = std::process::Command::new(name)
        .arg(if name == "dot" { "-V" } else { "--version" })
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{name} is missing under CI=true: .ci/run installs it"
        );
        eprintln!("SKIPPED: {name} is not installed; .ci/run installs it");
    }
    found
}
