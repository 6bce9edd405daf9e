//! The bad-input matrix: every case ends in a clear one-line message (and a
//! non-zero exit where data was rejected), never a panic, never a
//! half-written file.

mod common;

use assert_cmd::Command;
use std::path::Path;

fn stancegraph() -> Command {
    Command::cargo_bin("stancegraph").expect("binary builds")
}

/// stderr has no panic and every line names stancegraph.
fn clean_stderr(stderr: &[u8]) -> String {
    let s = String::from_utf8_lossy(stderr).to_string();
    assert!(
        !s.contains("panicked") && !s.contains("RUST_BACKTRACE"),
        "{s}"
    );
    for line in s.lines() {
        assert!(line.starts_with("stancegraph: "), "unexpected line: {line}");
    }
    s
}

#[test]
fn utf16_with_bom_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("u16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for c in "Kyiv demanded a ceasefire.".encode_utf16() {
        bytes.extend(c.to_le_bytes());
    }
    std::fs::write(&f, bytes).unwrap();
    let out = stancegraph()
        .arg("extract")
        .arg(&f)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = clean_stderr(&out.stderr);
    assert!(
        err.contains("u16.txt: UTF-16 text") && err.contains("iconv"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_offset_and_lossy_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    std::fs::write(
        &f,
        b"Kyiv demanded a ceasefire in Dnipro \xe9 now. Moscow rejected it.",
    )
    .unwrap();
    let out = stancegraph()
        .arg("extract")
        .arg(&f)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(clean_stderr(&out.stderr)
        .contains("latin1.txt: not UTF-8 text (invalid byte at offset 36)"));
    assert!(out.stdout.is_empty());
    let out = stancegraph()
        .args(["extract", "--lossy"])
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .clone();
    let err = clean_stderr(&out.stderr);
    assert!(
        err.contains("warning: ") && err.contains("byte 36"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"actor\":\"Ukraine\""));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    std::fs::create_dir(&a).unwrap();
    std::fs::write(a.join("doc.txt"), "Kyiv demanded a ceasefire.").unwrap();
    std::os::unix::fs::symlink(&a, a.join("loop")).unwrap();
    let out = stancegraph()
        .arg("extract")
        .arg(&a)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(clean_stderr(&out.stderr).contains("symlink loop"));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "the real document is read once"
    );
}

#[test]
fn a_huge_line_without_punctuation_is_cut_not_choked_on() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("line.txt");
    let text = "Kyiv demanded more talks and ".repeat(1_750_000); // 50.7 MB, one line, no full stop
    std::fs::write(&f, &text).unwrap();
    let out = stancegraph()
        .arg("extract")
        .arg(&f)
        .assert()
        .success()
        .get_output()
        .clone();
    clean_stderr(&out.stderr);
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert!(lines > 1000, "positions are still found: {lines}");
}

#[test]
fn five_thousand_files_in_one_folder() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5000 {
        std::fs::write(
            dir.path().join(format!("{i:05}.txt")),
            format!("Kyiv demanded item {i}."),
        )
        .unwrap();
    }
    let out = stancegraph()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5000);
}

#[test]
fn truncated_graph_files_and_unknown_fields_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("g.json");
    stancegraph()
        .args(["build", "examples/articles", "-o"])
        .arg(&good)
        .assert()
        .success();
    let text = std::fs::read_to_string(&good).unwrap();
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let out = stancegraph()
        .arg("query")
        .arg(&cut)
        .args(["--actor", "Denmark"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(clean_stderr(&out.stderr).contains("cut.json: malformed graph file"));
    let odd = dir.path().join("odd.json");
    std::fs::write(
        &odd,
        r#"{"format": "stancegraph", "version": 1, "nodes": []}"#,
    )
    .unwrap();
    let out = stancegraph()
        .arg("export")
        .arg(&odd)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(clean_stderr(&out.stderr).contains("unknown field `nodes`"));
    let dangling = dir.path().join("dangling.json");
    std::fs::write(&dangling, r#"{"format": "stancegraph", "version": 1, "positions": [{"actor": "a9", "content": "c1", "stance": "demand", "count": 1, "evidence": []}]}"#).unwrap();
    let out = stancegraph()
        .arg("export")
        .arg(&dangling)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(clean_stderr(&out.stderr).contains("unknown node \"a9\""));
    // the good file was never touched
    assert_eq!(std::fs::read_to_string(&good).unwrap(), text);
}

#[test]
fn a_binary_file_named_directly_is_refused() {
    let out = stancegraph()
        .arg("extract")
        .arg(Path::new("docs/example-map.png"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(clean_stderr(&out.stderr).contains("example-map.png: binary file (NUL byte at offset"));
}

/// `build --into` killed at random moments leaves the old graph or the new
/// one, always loadable; building the same documents again changes nothing.
#[cfg(unix)]
#[test]
fn build_into_survives_sigkill() {
    let input = common::dev_docs_or_examples();
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.json");
    stancegraph()
        .args(["build", "examples/articles", "-o"])
        .arg(&graph)
        .assert()
        .success();
    let before = std::fs::read_to_string(&graph).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("stancegraph");
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut outcomes = std::collections::BTreeSet::new();
    for _ in 0..20 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = std::time::Duration::from_millis(seed % 400);
        let mut child = std::process::Command::new(&bin)
            .arg("build")
            .arg(&input)
            .arg("--into")
            .arg(&graph)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = std::fs::read_to_string(&graph).unwrap();
        let parsed: serde_json::Value =
            serde_json::from_str(&now).expect("the graph file is always whole");
        assert_eq!(parsed["format"], "stancegraph");
        outcomes.insert(if now == before { "old" } else { "new" });
        let stray: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            // (the writers' lock beside the graph stays, by design)
            .filter(|e| e.file_name() != "g.json" && e.file_name() != ".g.json.lock")
            .collect();
        for s in &stray {
            // a temporary file of a killed run may stay behind, but never in place of the graph
            assert!(
                s.file_name().to_string_lossy().starts_with(".stancegraph-"),
                "{:?}",
                s.file_name()
            );
        }
    }
    // once complete, building the same documents again changes nothing
    stancegraph()
        .arg("build")
        .arg(&input)
        .arg("--into")
        .arg(&graph)
        .assert()
        .success();
    let complete = std::fs::read_to_string(&graph).unwrap();
    stancegraph()
        .arg("build")
        .arg(&input)
        .arg("--into")
        .arg(&graph)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&graph).unwrap(), complete);
    eprintln!("outcomes after SIGKILL: {outcomes:?}");
}

/// Found by the `graph_file` fuzzer: a position whose "actor" names a
/// content id (or the other way round) must be refused, not panic.
#[test]
fn fuzz_regression_crossed_ids_in_a_graph_file() {
    let out = stancegraph()
        .args([
            "export",
            "tests/regressions/graph-file-crossed-ids.json",
            "--format",
            "json",
        ])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = clean_stderr(&out.stderr);
    assert!(
        err.contains("graph-file-crossed-ids.json: position's") && err.contains("unknown node"),
        "{err}"
    );
}

/// An unreadable file is named with the system's reason. Root reads files of
/// any mode, so as root the binary is run as `nobody` (setpriv, util-linux).
#[cfg(unix)]
#[test]
fn unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let f = dir.path().join("secret.txt");
    std::fs::write(&f, "Kyiv demanded a ceasefire.").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("stancegraph");
    let mut cmd = if std::fs::read(&f).is_ok() {
        // we are root: drop to nobody for this run
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd.arg("extract").arg(&f).output();
    let Ok(out) = out else {
        eprintln!("SKIPPED: running as root and setpriv is not available");
        return;
    };
    if String::from_utf8_lossy(&out.stderr).contains("setpriv:") {
        eprintln!(
            "SKIPPED: setpriv cannot drop privileges here: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return;
    }
    assert_eq!(out.status.code(), Some(1));
    assert!(clean_stderr(&out.stderr).contains("secret.txt: Permission denied"));
}

/// A hundred thousand tiny files stream through in bounded batches.
#[test]
fn a_hundred_thousand_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..100_000 {
        let sub = dir.path().join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("{i:06}.txt")), "Lima demanded a vote.").unwrap();
    }
    let out = stancegraph()
        .arg("extract")
        .arg(dir.path())
        .args(["-o"])
        .arg(dir.path().join("out.jsonl"))
        .assert()
        .success()
        .get_output()
        .clone();
    clean_stderr(&out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.jsonl"))
            .unwrap()
            .lines()
            .count(),
        100_000
    );
}

/// Issue 24 item 2: a build whose every input fails keeps the existing
/// output as it was (no empty graph in its place) and exits 2.
#[test]
fn a_build_that_reads_nothing_leaves_the_output_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let graph = tmp.path().join("g.json");
    stancegraph()
        .args(["build", "examples/articles/harbour-talks.txt", "-o"])
        .arg(&graph)
        .assert()
        .success();
    let before = std::fs::read(&graph).unwrap();
    stancegraph()
        .args(["build", "/nonexistent/input.txt", "-o"])
        .arg(&graph)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("left as it was"));
    stancegraph()
        .args(["build", "-", "--into"])
        .arg(&graph)
        .write_stdin("\n")
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&graph).unwrap(), before);
}

/// Issue 24 item 12: what a folder holds that is not read is said once on
/// standard error (each one with --verbose); upper-case extensions are read;
/// nothing to read at all is an error.
#[test]
fn skipped_inputs_are_counted_and_nothing_to_read_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy("examples/articles/harbour-talks.txt", dir.join("A.TXT")).unwrap();
    std::fs::write(dir.join("page.html"), "<p>Denmark rejected the plan.</p>").unwrap();
    std::fs::write(dir.join("sub/e.jsonl"), "{\"id\":\"e\",\"text\":\"  \"}\n").unwrap();
    #[cfg(unix)]
    {
        let st = std::process::Command::new("mkfifo")
            .arg(dir.join("pipe"))
            .status();
        assert!(st.is_ok_and(|s| s.success()), "mkfifo");
    }
    let out = stancegraph().arg("extract").arg(&dir).assert().success();
    let out = out.get_output();
    assert!(!out.stdout.is_empty(), "A.TXT is read");
    let err = String::from_utf8_lossy(&out.stderr);
    let n = if cfg!(unix) { 3 } else { 2 };
    assert!(err.contains(&format!("skipped {n} inputs")), "{err}");
    assert!(err.contains("--verbose lists them"), "{err}");
    let out = stancegraph()
        .args(["extract", "--verbose"])
        .arg(&dir)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("page.html: not .txt, .md or .jsonl"), "{err}");
    assert!(err.contains("e.jsonl: line 1 (e): empty text"), "{err}");
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    stancegraph()
        .arg("extract")
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nothing to read"));
}

/// Issue 24 item 5: a device named outright (or through a .txt symlink) is
/// refused at once instead of read forever; binary data is refused from its
/// first block; a FIFO is still read, as `cat` reads it.
#[cfg(unix)]
#[test]
fn devices_are_refused_and_fifos_read() {
    let tmp = tempfile::tempdir().unwrap();
    let link = tmp.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for path in [Path::new("/dev/urandom"), link.as_path()] {
        stancegraph()
            .arg("extract")
            .arg(path)
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .failure()
            .stderr(predicates::str::contains("not a regular file"));
    }
    let zeros = tmp.path().join("zeros.txt");
    std::fs::write(&zeros, vec![0u8; 8 << 20]).unwrap();
    stancegraph()
        .arg("extract")
        .arg(&zeros)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "binary file (NUL byte at offset 0)",
        ));
    let fifo = tmp.path().join("pipe.txt");
    let st = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(st.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(&fifo, "Denmark rejected the Norwegian plan.\n").unwrap();
        })
    };
    let out = stancegraph()
        .arg("extract")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success();
    writer.join().unwrap();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Denmark"));
}

/// Issue 24 item 3: the temporaries of a killed run are removed by the next
/// run writing to the same folder; a live run's are left alone.
#[cfg(target_os = "linux")]
#[test]
fn the_next_run_removes_the_temporaries_a_killed_run_left() {
    let tmp = tempfile::tempdir().unwrap();
    // no process has this id (Linux's largest is 4,194,304)
    let stale = tmp.path().join(".stancegraph-999999999-k1Ll3d.tmp");
    let live = tmp
        .path()
        .join(format!(".stancegraph-{}-l1v3.tmp", std::process::id()));
    std::fs::write(&stale, "half a graph").unwrap();
    std::fs::write(&live, "being written").unwrap();
    stancegraph()
        .args([
            "build",
            "--quiet",
            "examples/articles/harbour-talks.txt",
            "-o",
        ])
        .arg(tmp.path().join("g.json"))
        .assert()
        .success();
    assert!(!stale.exists(), "the killed run's temporary is removed");
    assert!(live.exists(), "a running process's temporary is kept");
}

/// Issue 24 item 4: a document is its text. Read again under another
/// spelling of its path it is not counted twice (the spellings are kept);
/// two texts under one JSON Lines id are both kept, the second renamed and
/// reported.
#[test]
fn a_document_is_counted_once_however_its_path_is_spelled() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("my")).unwrap();
    let text = "Denmark rejected the Norwegian plan. Iceland backed it.\n";
    std::fs::write(dir.join("strike.txt"), text).unwrap();
    std::fs::write(dir.join("my/strike.txt"), text).unwrap();
    let graph = dir.join("j.json");
    let build = |args: &[&str]| stancegraph().current_dir(dir).args(args).assert().success();
    build(&["build", "strike.txt", "-o", "j.json"]);
    build(&["build", "--into", "j.json", "./strike.txt"]);
    build(&["build", "--into", "j.json", "my/strike.txt"]);
    let g: serde_json::Value = serde_json::from_slice(&std::fs::read(&graph).unwrap()).unwrap();
    let docs = g["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(
        docs[0]["also"],
        serde_json::json!(["./strike.txt", "my/strike.txt"])
    );
    for p in g["positions"].as_array().unwrap() {
        assert_eq!(p["evidence"].as_array().unwrap().len(), 1, "{p}");
    }
    // one id, two texts: both kept
    std::fs::write(
        dir.join("twice.jsonl"),
        "{\"id\":\"x\",\"text\":\"Denmark rejected the plan.\"}\n{\"id\":\"x\",\"text\":\"Norway backed the plan.\"}\n",
    )
    .unwrap();
    let out = build(&["build", "twice.jsonl", "-o", "t.json"]);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("kept as \"x (2)\""), "{err}");
    let g: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("t.json")).unwrap()).unwrap();
    assert_eq!(g["documents"].as_array().unwrap().len(), 2);
}
