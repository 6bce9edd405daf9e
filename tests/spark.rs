//! The Spark job (scripts/spark/stancegraph_job.py) in Spark local mode:
//! the dev set as JSON Lines in 4 partitions on `local[2]` gives the graph of
//! one plain `stancegraph build`, byte for byte.
//!
//! Needs Java and a Python with pyspark: `STANCEGRAPH_SPARK_PYTHON`, else
//! `target/spark-venv/bin/python` (both made by `scripts/spark/setup.sh`,
//! which `.ci/run` calls). Skips with a message where they are absent.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn spark_python(root: &Path) -> Option<PathBuf> {
    let python = std::env::var_os("STANCEGRAPH_SPARK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/spark-venv/bin/python"));
    let has_pyspark = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let has_java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pyspark || !has_java {
        eprintln!(
            "SKIPPED: the Spark test needs Java ({}) and pyspark in {} ({}); run scripts/spark/setup.sh",
            if has_java { "found" } else { "missing" },
            python.display(),
            if has_pyspark { "found" } else { "missing" },
        );
        return None;
    }
    Some(python)
}

#[test]
fn spark_job_in_local_mode_equals_one_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs_dir = common::dev_docs_or_examples();
    let Some(python) = spark_python(root) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_stancegraph");
    let dir = tempfile::tempdir().unwrap();

    // the documents as JSON Lines, ids the file names
    let mut names: Vec<_> = std::fs::read_dir(&docs_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut jsonl = String::new();
    for p in &names {
        let record = serde_json::json!({
            "id": p.file_name().unwrap().to_string_lossy(),
            "text": std::fs::read_to_string(p).unwrap(),
        });
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    let input = dir.path().join("docs.jsonl");
    std::fs::write(&input, jsonl).unwrap();

    let plain = dir.path().join("plain.json");
    let out = Command::new(bin)
        .args(["build", "--quiet"])
        .arg(&input)
        .arg("-o")
        .arg(&plain)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let spark = dir.path().join("spark.json");
    let out = Command::new(&python)
        .arg(root.join("scripts/spark/stancegraph_job.py"))
        .arg(&input)
        .arg(&spark)
        .args(["--master", "local[2]", "--partitions", "4", "--binary", bin])
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the Spark job failed:\n{stderr}");
    assert!(
        stderr.contains("4 partial graphs merged"),
        "expected 4 partitions:\n{stderr}"
    );
    let (plain, spark) = (
        std::fs::read_to_string(&plain).unwrap(),
        std::fs::read_to_string(&spark).unwrap(),
    );
    let positions = serde_json::from_str::<serde_json::Value>(&plain).unwrap()["positions"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(positions > 0, "the plain build found nothing");
    // the graph file is written in a canonical order, so equal graphs are equal text
    assert_eq!(spark, plain, "the Spark graph differs from one build");
}
