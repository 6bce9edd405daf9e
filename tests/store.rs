//! Issue 23: the SQLite store. A store holds what the JSON graph of the
//! same documents holds (its JSON export is that file, byte for byte) and
//! answers as it does; it grows a batch at a time, survives SIGKILL whole,
//! serves readers while a writer adds, takes two writers at once, and
//! refuses a damaged file in one line.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancegraph"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn ok(args: &[&str]) -> Vec<u8> {
    common::stancegraph_ok(args)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `n` documents of our own, as JSON Lines: each a few positions of named
/// actors on numbered matters, so texts (and their positions) differ.
fn corpus(path: &Path, prefix: &str, n: usize) {
    let actors = [
        "Denmark",
        "Norway",
        "Iceland",
        "Canada",
        "the European Union",
    ];
    let mut out = String::new();
    for i in 0..n {
        let a = actors[i % actors.len()];
        let b = actors[(i + 2) % actors.len()];
        let text = format!(
            "{a} rejected the {prefix} quota plan number {i}. {b} demanded new talks on the \
             {prefix} fishing zone {i}. {a} offered to share the data on stock {i} with {b}. \
             Officials said the talks would resume next week."
        );
        let date = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        out.push_str(
            &serde_json::json!({"id": format!("{prefix}{i}"), "text": text, "date": date})
                .to_string(),
        );
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// `build --into db src` started on one thread (a slower writer, for a
/// test to act while it runs).
fn spawn_into(db: &Path, src: &Path) -> std::process::Child {
    bin()
        .args([
            "build",
            "--quiet",
            "--threads",
            "1",
            "--into",
            s(db),
            s(src),
        ])
        .spawn()
        .unwrap()
}

fn graph_json(path: &Path) -> serde_json::Value {
    let out = ok(&["export", s(path), "--format", "json"]);
    serde_json::from_slice(&out).unwrap()
}

/// Every evidence sentence of a graph (file or store), by document.
fn evidence_by_doc(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let g = graph_json(path);
    let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in g["positions"].as_array().unwrap() {
        for ev in p["evidence"].as_array().unwrap() {
            let doc = ev["doc"].as_str().unwrap().to_string();
            m.entry(doc)
                .or_default()
                .insert(format!("{}|{}|{}", p["actor"], p["stance"], ev));
        }
    }
    m
}

fn documents(path: &Path) -> usize {
    graph_json(path)["documents"].as_array().unwrap().len()
}

#[test]
fn build_writes_a_store_unless_asked_for_a_graph_file() {
    let tmp = tempfile::tempdir().unwrap();
    let is_store = |p: &Path| std::fs::read(p).unwrap().starts_with(b"SQLite format 3\0");
    let example = "examples/articles";
    for (name, format, store) in [
        ("archive", None, true),
        ("archive.db", None, true),
        ("positions.sqlite3", None, true),
        ("graph.json", None, false),
        ("GRAPH.JSON", None, false),
        ("asked.db", Some("json"), false),
        ("asked.json", Some("store"), true),
    ] {
        let out = tmp.path().join(name);
        let mut args = vec!["build", "--quiet", example, "-o", s(&out)];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        ok(&args);
        assert_eq!(is_store(&out), store, "{name} {format:?}");
        // and --into keeps the kind the file has
        ok(&["build", "--quiet", example, "--into", s(&out)]);
        assert_eq!(is_store(&out), store, "{name} --into");
    }
    // standard output is a graph file
    let printed = ok(&["build", "--quiet", example]);
    assert!(printed.starts_with(b"{"));
}

#[test]
fn a_store_holds_the_graph_a_json_build_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = common::dev_docs_or_examples();
    let (json, db) = (tmp.path().join("g.json"), tmp.path().join("g.db"));
    ok(&["build", "--quiet", s(&docs), "-o", s(&json)]);
    ok(&["build", "--quiet", s(&docs), "-o", s(&db)]);
    assert!(std::fs::read(&db)
        .unwrap()
        .starts_with(b"SQLite format 3\0"));
    let exported = ok(&["export", s(&db), "--format", "json"]);
    assert!(
        exported == std::fs::read(&json).unwrap(),
        "the store's JSON export is the graph file"
    );
    // the kind is told by content: a store named .json is read as a store
    let renamed = tmp.path().join("store-named.json");
    std::fs::copy(&db, &renamed).unwrap();
    assert_eq!(ok(&["export", s(&renamed), "--format", "json"]), exported);
    // every actor's report, from the store's own reader, is the graph's
    let g: serde_json::Value = serde_json::from_slice(&exported).unwrap();
    let actors: Vec<&str> = g["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(actors.len() >= 3);
    for name in actors.iter().take(40) {
        for filter in [
            &[][..],
            &["--stance", "demand,reject"],
            &["--since", "2025-01-01"],
            &["--format", "json"],
        ] {
            let mut a = vec!["query", s(&db), "--actor", name];
            a.extend_from_slice(filter);
            let mut b = vec!["query", s(&json), "--actor", name];
            b.extend_from_slice(filter);
            assert_eq!(
                String::from_utf8(ok(&a)).unwrap(),
                String::from_utf8(ok(&b)).unwrap(),
                "query --actor {name:?} {filter:?}"
            );
        }
    }
    // the other commands read a store as they read a graph file
    for args in [
        &["query", "--conflicts"][..],
        &["issues"],
        &["network", "--type", "congruence"],
    ] {
        let mut a = vec![args[0], s(&db)];
        a.extend_from_slice(&args[1..]);
        let mut b = vec![args[0], s(&json)];
        b.extend_from_slice(&args[1..]);
        assert!(
            ok(&a) == ok(&b),
            "{args:?} answers differently from the store and the graph file"
        );
    }
}

/// The answers that need issues, as a store and a graph file of the same
/// documents give them.
const ISSUE_QUESTIONS: &[&[&str]] = &[
    &["query", "--conflicts"],
    &["query", "--agreements", "--format", "json"],
    &["issues", "--format", "json"],
    &["network", "--type", "subtract", "--normalize", "jaccard"],
    &["network", "--type", "two-mode", "--format", "json"],
    &["network", "--window", "60d", "--step", "30d"],
];

fn ask(args: &[&str], graph: &Path) -> Vec<u8> {
    let mut a = vec![args[0], s(graph)];
    a.extend_from_slice(&args[1..]);
    ok(&a)
}

/// A store's kept issues and what the answers need of them.
fn kept_issues(db: &Path) -> (String, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let stamp: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'issues_of'", [], |r| {
            r.get(0)
        })
        .unwrap_or_default();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM issues", [], |r| r.get(0))
        .unwrap();
    (stamp, n)
}

#[test]
fn kept_issues_answer_as_grouping_afresh_and_are_regrouped_when_out_of_date() {
    let tmp = tempfile::tempdir().unwrap();
    let (first, more) = (tmp.path().join("a.jsonl"), tmp.path().join("b.jsonl"));
    corpus(&first, "cod", 40);
    corpus(&more, "herring", 25);
    let (db, json) = (tmp.path().join("s.db"), tmp.path().join("g.json"));
    ok(&["build", "--quiet", s(&first), "-o", s(&db)]);
    ok(&["build", "--quiet", s(&first), "-o", s(&json)]);
    assert_eq!(kept_issues(&db).1, 0, "a build groups nothing");
    for q in ISSUE_QUESTIONS {
        let want = ask(q, &json);
        assert!(ask(q, &db) == want, "{q:?}: grouped afresh from the store");
        let (stamp, n) = kept_issues(&db);
        assert!(n > 0 && !stamp.is_empty(), "{q:?} kept no issues");
        assert!(ask(q, &db) == want, "{q:?}: read from the kept issues");
        assert_eq!(kept_issues(&db).0, stamp, "{q:?}: kept issues regrouped");
    }
    // the store grows: the kept issues are out of date and grouped again
    let before = kept_issues(&db).0;
    ok(&["build", "--quiet", "--into", s(&db), s(&more)]);
    ok(&["build", "--quiet", "--into", s(&json), s(&more)]);
    for q in ISSUE_QUESTIONS {
        assert!(ask(q, &db) == ask(q, &json), "{q:?} after the store grew");
    }
    assert_ne!(kept_issues(&db).0, before);
    // other grouping options are told apart, and filters group afresh
    let codebook = tmp.path().join("codebook.csv");
    std::fs::write(&codebook, "issue,pattern\nFishing rights,fishing\n").unwrap();
    for q in [
        &["issues", "--codebook", s(&codebook)][..],
        &["query", "--conflicts", "--codebook", s(&codebook)],
        &["query", "--conflicts", "--since", "2025-06-01"],
        &["network", "--stance", "demand,reject"],
    ] {
        assert!(ask(q, &db) == ask(q, &json), "{q:?}");
        assert!(ask(q, &db) == ask(q, &json), "{q:?}, asked again");
    }
    let coded = String::from_utf8(ask(&["issues", "--codebook", s(&codebook)], &db)).unwrap();
    assert!(coded.contains("Fishing rights"), "{coded}");
    // and the default grouping is not taken for the codebook's
    let plain = String::from_utf8(ask(&["issues"], &db)).unwrap();
    assert!(!plain.contains("Fishing rights"), "{plain}");
}

#[test]
fn a_question_about_issues_never_waits_for_a_writer() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, db, json) = (
        tmp.path().join("a.jsonl"),
        tmp.path().join("s.db"),
        tmp.path().join("g.json"),
    );
    corpus(&src, "cod", 30);
    ok(&["build", "--quiet", s(&src), "-o", s(&db)]);
    ok(&["build", "--quiet", s(&src), "-o", s(&json)]);
    // a writer holds the store: the question is answered, nothing is kept
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let want = ask(&["query", "--conflicts"], &json);
    assert!(ask(&["query", "--conflicts"], &db) == want);
    writer.execute_batch("ROLLBACK").unwrap();
    drop(writer);
    assert_eq!(kept_issues(&db).1, 0, "kept while a writer held the store");
    // once the writer is gone, the next question keeps them
    assert!(ask(&["query", "--conflicts"], &db) == want);
    assert!(kept_issues(&db).1 > 0);
}

#[test]
fn a_document_is_counted_once_however_its_path_is_spelled() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Denmark rejected the Norwegian plan. Norway demanded new talks on quotas.\n";
    std::fs::create_dir_all(tmp.path().join("my")).unwrap();
    std::fs::write(tmp.path().join("strike.txt"), text).unwrap();
    std::fs::write(tmp.path().join("my/strike.txt"), text).unwrap();
    let db = tmp.path().join("a.db");
    ok(&[
        "build",
        "--quiet",
        s(&tmp.path().join("strike.txt")),
        "-o",
        s(&db),
    ]);
    let once = graph_json(&db);
    for again in ["strike.txt", "./strike.txt", "my/strike.txt"] {
        let out = bin()
            .current_dir(tmp.path())
            .args(["build", "--quiet", again, "--into", "a.db"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("already in the store"));
    }
    let after = graph_json(&db);
    assert_eq!(after["positions"], once["positions"]);
    assert_eq!(after["documents"].as_array().unwrap().len(), 1);
    let also = after["documents"][0]["also"].as_array().unwrap();
    assert!(also.iter().any(|n| n == "my/strike.txt"), "{also:?}");
}

#[test]
fn merging_stores_obeys_the_laws_of_merging_graphs() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    corpus(&p("a.jsonl"), "a", 12);
    corpus(&p("b.jsonl"), "b", 9);
    for (src, name) in [("a.jsonl", "a"), ("b.jsonl", "b")] {
        ok(&[
            "build",
            "--quiet",
            s(&p(src)),
            "-o",
            s(&p(&format!("{name}.db"))),
        ]);
        ok(&[
            "build",
            "--quiet",
            s(&p(src)),
            "-o",
            s(&p(&format!("{name}.json"))),
        ]);
    }
    let ab_json = ok(&["merge", s(&p("a.json")), s(&p("b.json"))]);
    assert_eq!(ok(&["merge", s(&p("a.db")), s(&p("b.db"))]), ab_json);
    assert_eq!(ok(&["merge", s(&p("b.db")), s(&p("a.json"))]), ab_json);
    ok(&[
        "merge",
        s(&p("a.db")),
        s(&p("b.db")),
        s(&p("a.db")),
        "-o",
        s(&p("ab.db")),
    ]);
    assert_eq!(ok(&["export", s(&p("ab.db")), "--format", "json"]), ab_json);
    // building both into one store is the merge of the two
    ok(&[
        "build",
        "--quiet",
        s(&p("a.jsonl")),
        s(&p("b.jsonl")),
        "-o",
        s(&p("both.db")),
    ]);
    assert_eq!(
        ok(&["export", s(&p("both.db")), "--format", "json"]),
        ab_json
    );
    // --from-positions into a store: the reduce step of a map-reduce run,
    // with the documents' records and without them (each document then
    // known by its id and its positions' date)
    let docs = p("a.jsonl");
    for (name, records) in [("with", true), ("without", false)] {
        let mut extract = vec!["extract", "--quiet", s(&docs)];
        if records {
            extract.push("--documents");
        }
        let positions = p(&format!("{name}.positions.jsonl"));
        std::fs::write(&positions, ok(&extract)).unwrap();
        let (db, json) = (p(&format!("{name}.db")), p(&format!("{name}.json")));
        for out in [&db, &json] {
            ok(&[
                "build",
                "--quiet",
                "--from-positions",
                s(&positions),
                "-o",
                s(out),
            ]);
        }
        assert!(
            ok(&["export", s(&db), "--format", "json"]) == std::fs::read(&json).unwrap(),
            "--from-positions {name} document records: the store is the graph file"
        );
    }
}

/// Whether every document in the store holds all of its evidence: what a
/// whole build of the same inputs gives for it, no less and no more.
fn only_whole_documents(store: &Path, reference: &BTreeMap<String, BTreeSet<String>>) -> usize {
    let got = evidence_by_doc(store);
    for (doc, ev) in &got {
        assert_eq!(Some(ev), reference.get(doc), "document {doc} is not whole");
    }
    got.len()
}

#[test]
fn sigkill_during_build_into_a_store_leaves_whole_batches() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    corpus(&p("base.jsonl"), "base", 5);
    corpus(&p("new.jsonl"), "new", 1500);
    ok(&[
        "build",
        "--quiet",
        s(&p("base.jsonl")),
        s(&p("new.jsonl")),
        "-o",
        s(&p("all.json")),
    ]);
    let reference = evidence_by_doc(&p("all.json"));
    let mut seen_partial = 0;
    for round in 0..20u64 {
        let db = p(&format!("k{round}.db"));
        ok(&["build", "--quiet", s(&p("base.jsonl")), "-o", s(&db)]);
        let mut child = spawn_into(&db, &p("new.jsonl"));
        std::thread::sleep(std::time::Duration::from_millis(30 + round * 37 % 400));
        child.kill().unwrap();
        child.wait().unwrap();
        let docs = only_whole_documents(&db, &reference);
        assert!(docs >= 5, "the old documents stay: {docs}");
        if docs > 5 && docs < 1505 {
            seen_partial += 1;
        }
        // and the store takes the rest afterwards
        if round == 0 {
            ok(&["build", "--quiet", "--into", s(&db), s(&p("new.jsonl"))]);
            assert_eq!(only_whole_documents(&db, &reference), 1505);
        }
    }
    eprintln!("{seen_partial} of 20 kills fell between batches of the build");
}

#[test]
fn a_reader_queries_while_a_writer_adds() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    corpus(&p("base.jsonl"), "base", 5);
    corpus(&p("new.jsonl"), "new", 2000);
    let db = p("live.db");
    ok(&["build", "--quiet", s(&p("base.jsonl")), "-o", s(&db)]);
    let mut writer = spawn_into(&db, &p("new.jsonl"));
    let mut reads = 0;
    while writer.try_wait().unwrap().is_none() {
        let out = run(&["query", s(&db), "--actor", "Denmark", "--format", "json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(r["actor"], "Denmark");
        reads += 1;
    }
    assert!(writer.wait().unwrap().success());
    assert_eq!(documents(&db), 2005);
    eprintln!("{reads} queries answered while the writer ran");
}

#[test]
fn two_writers_at_once_lose_nothing_and_count_nothing_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    corpus(&p("base.jsonl"), "base", 3);
    corpus(&p("a.jsonl"), "a", 700);
    corpus(&p("b.jsonl"), "b", 650);
    ok(&[
        "build",
        "--quiet",
        s(&p("base.jsonl")),
        s(&p("a.jsonl")),
        s(&p("b.jsonl")),
        "-o",
        s(&p("all.json")),
    ]);
    let reference = std::fs::read(p("all.json")).unwrap();
    for round in 0..2 {
        let db = p(&format!("two-{round}.db"));
        ok(&["build", "--quiet", s(&p("base.jsonl")), "-o", s(&db)]);
        let spawn = |src: &str| spawn_into(&db, &p(src));
        // (b's documents overlap a's: a's file is added by both writers)
        let (mut a, mut b, mut c) = (spawn("a.jsonl"), spawn("b.jsonl"), spawn("a.jsonl"));
        assert!(a.wait().unwrap().success());
        assert!(b.wait().unwrap().success());
        assert!(c.wait().unwrap().success());
        assert_eq!(documents(&db), 3 + 700 + 650, "round {round}");
        assert!(
            ok(&["export", s(&db), "--format", "json"]) == reference,
            "round {round}: the store is the graph of one build"
        );
    }
}

#[test]
fn a_damaged_store_is_refused_in_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| tmp.path().join(n);
    corpus(&p("c.jsonl"), "c", 300);
    let db = p("good.db");
    ok(&["build", "--quiet", s(&p("c.jsonl")), "-o", s(&db)]);
    let bytes = std::fs::read(&db).unwrap();
    let mut cases: Vec<(PathBuf, Vec<u8>)> = vec![
        (p("half.db"), bytes[..bytes.len() / 2].to_vec()),
        (p("header.db"), bytes[..100].to_vec()),
        (p("magic.db"), b"SQLite format 3\0".to_vec()),
    ];
    let mut scrambled = bytes.clone();
    for b in scrambled.iter_mut().skip(4096).step_by(7) {
        *b ^= 0x5a;
    }
    cases.push((p("scrambled.db"), scrambled));
    for (path, content) in &cases {
        std::fs::write(path, content).unwrap();
        for args in [
            vec!["query", s(path), "--actor", "Denmark"],
            vec!["export", s(path), "--format", "json"],
            vec!["issues", s(path)],
        ] {
            let out = run(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{args:?} accepted a damaged store");
            assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
            assert!(err.contains(s(path)), "{args:?} names the file: {err}");
        }
    }
    // an SQLite database that is not a store, and a store of a newer schema
    let other = p("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t(x); PRAGMA user_version = 0;")
        .unwrap();
    drop(conn);
    let out = run(&["query", s(&other), "--actor", "Denmark"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a stancegraph store"));
    let newer = p("newer.db");
    std::fs::copy(&db, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let out = run(&["export", s(&newer), "--format", "json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer than this stancegraph reads"));
    // a build into a damaged store leaves it as it was
    let before = std::fs::read(p("half.db")).unwrap();
    let out = run(&[
        "build",
        "--quiet",
        "--into",
        s(&p("half.db")),
        s(&p("c.jsonl")),
    ]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(p("half.db")).unwrap(), before);
}

/// docs/store.md's SQL runs in Python's sqlite3 on a store we built.
#[test]
fn python_reads_the_documented_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("archive.db");
    ok(&[
        "build",
        "--quiet",
        s(&common::dev_docs_or_examples()),
        "-o",
        s(&db),
    ]);
    // (a question about issues fills the kept issue tables)
    ok(&["issues", s(&db)]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var("STANCEGRAPH_PYTHON").unwrap_or_else(|_| "python3".into());
    let out = match Command::new(&python)
        .arg(root.join("tests/python/store_tables.py"))
        .arg(root.join("docs/store.md"))
        .arg(&db)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{python} cannot run under CI=true ({e}): .ci/run installs it"
            );
            eprintln!("SKIPPED: {python} cannot run ({e})");
            return;
        }
    };
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{}", String::from_utf8_lossy(&out.stdout).trim());
}
