//! One large document is read in parts (a file, standard input, a JSON
//! Lines record), and the parts add up to what the whole text gives: the
//! same positions at the same places, one document with the hash of its
//! whole text. (Their memory is measured in docs/reliability.md.)

use assert_cmd::Command;
use stancegraph::extract::{Extractor, DOC_CHUNK_BYTES};
use stancegraph::lexicon::Lexicon;
use stancegraph::model::{Document, Position};
use std::path::Path;

fn stancegraph() -> Command {
    Command::cargo_bin("stancegraph").expect("binary builds")
}

/// About 3.5 parts of news-like paragraphs, written for this test.
fn long_text() -> String {
    let paras = [
        "The union demanded a raise of 12 percent for every teacher in the district. \
         “We will not go back without it,” said Maria Lopez, the union's president.\n\n",
        "The school board rejected the demand on Tuesday. It offered 4 percent instead, \
         and urged the union to return to talks.\n\n",
        "Mayor Tom Briggs said he supported a compromise. He proposed that the state pay for half of the raise.\n\n",
    ];
    let mut text = String::new();
    let mut i = 0;
    while text.len() < DOC_CHUNK_BYTES * 7 / 2 {
        text.push_str(paras[i % paras.len()]);
        i += 1;
    }
    text
}

fn positions(stdout: &[u8]) -> Vec<Position> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a position"))
        .collect()
}

fn extract(args: &[&str], stdin: Option<&str>) -> Vec<Position> {
    let mut cmd = stancegraph();
    cmd.arg("extract").args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    positions(&cmd.assert().success().get_output().stdout)
}

fn renamed(mut ps: Vec<Position>, doc: &str) -> Vec<Position> {
    ps.iter_mut().for_each(|p| p.doc = doc.to_string());
    ps
}

#[test]
fn a_file_standard_input_and_a_record_read_in_parts_give_what_the_whole_text_gives() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text();
    let file = dir.path().join("strike.txt");
    std::fs::write(&file, &text).unwrap();
    let name = file.display().to_string();
    let whole =
        Extractor::new(&Lexicon::builtin()).extract(&Document::new(name.as_str(), text.as_str()));
    assert!(whole.len() > 1000, "{}", whole.len());
    assert!(whole.last().unwrap().span[1] > 3 * DOC_CHUNK_BYTES);

    assert_eq!(extract(&[&name], None), whole);
    assert_eq!(extract(&["--threads", "1", &name], None), whole);
    assert_eq!(renamed(extract(&["-"], Some(&text)), &name), whole);

    let record = serde_json::json!({"id": "strike", "text": text, "date": "2025-03-01"});
    let jsonl = dir.path().join("feed.jsonl");
    std::fs::write(&jsonl, format!("{record}\n")).unwrap();
    let from_record = extract(&[jsonl.to_str().unwrap()], None);
    assert!(from_record
        .iter()
        .all(|p| p.date.as_deref() == Some("2025-03-01")));
    let undated: Vec<Position> = from_record
        .into_iter()
        .map(|mut p| {
            p.date = None;
            p
        })
        .collect();
    assert_eq!(renamed(undated, &name), whole);
}

#[test]
fn a_document_read_in_parts_is_one_document_known_by_its_whole_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text();
    let file = dir.path().join("strike.txt");
    std::fs::write(&file, &text).unwrap();
    let out = stancegraph()
        .args(["extract", "--documents"])
        .arg(&file)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let records: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("{\"document\""))
        .collect();
    assert_eq!(records.len(), 1, "one record for the document");
    assert!(records[0].contains(&stancegraph::graph::text_hash(&text)));

    for store in ["g.json", "g.db"] {
        let g = dir.path().join(store);
        let built = stancegraph()
            .arg("build")
            .arg(&file)
            .arg("-o")
            .arg(&g)
            .assert()
            .success();
        let said = String::from_utf8_lossy(&built.get_output().stderr).to_string();
        assert!(said.contains("1 documents"), "{said}");
        // the same text under another name (standard input) is known
        let again = stancegraph()
            .args(["build", "-", "--into"])
            .arg(&g)
            .write_stdin(text.as_str())
            .assert()
            .success();
        let said = String::from_utf8_lossy(&again.get_output().stderr).to_string();
        assert!(said.contains("0 documents, 0 positions"), "{said}");
        assert!(said.contains("(1 documents already in the"), "{said}");
    }
}

#[test]
fn a_large_file_that_is_not_text_is_refused_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = long_text().into_bytes();
    let at = bytes.len() - 10;
    bytes[at] = 0xFF;
    let file = dir.path().join("bad.txt");
    std::fs::write(&file, &bytes).unwrap();
    let out = stancegraph().arg("extract").arg(&file).assert().code(1);
    assert!(out.get_output().stdout.is_empty());
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(
        err.trim(),
        format!(
            "stancegraph: {}: not UTF-8 text (invalid byte at offset {at})",
            file.display()
        )
    );
    let out = stancegraph()
        .args(["extract", "--lossy"])
        .arg(&file)
        .assert()
        .success();
    assert!(!out.get_output().stdout.is_empty());
    assert!(Path::new(&file).exists());
}

#[test]
fn no_document_handed_to_extraction_is_larger_than_a_part() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text();
    std::fs::write(dir.path().join("a.txt"), &text).unwrap();
    let record = serde_json::json!({"id": "b", "text": text});
    std::fs::write(dir.path().join("b.jsonl"), format!("{record}\n")).unwrap();
    let docs: Vec<Document> = stancegraph::input::Inputs::new(&[dir.path()], false)
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(docs.len() >= 8, "{} documents", docs.len());
    for d in &docs {
        assert!(
            d.text.len() <= DOC_CHUNK_BYTES,
            "{}: {} bytes",
            d.id,
            d.text.len()
        );
        assert!(d.part.is_some());
    }
    for id in ["b", &dir.path().join("a.txt").display().to_string()] {
        let parts: Vec<_> = docs.iter().filter(|d| d.id == id).collect();
        assert!(parts.first().unwrap().is_first_part() && parts.last().unwrap().is_last_part());
        let joined: String = parts.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, text);
    }
}

#[test]
fn a_long_text_whose_only_spaces_are_line_separators_is_read() {
    // (cut after the first byte of U+2028, this panicked at a616aed)
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ls.txt");
    std::fs::write(
        &file,
        "Kyiv\u{2028}demands\u{2028}peace\u{2028}".repeat(DOC_CHUNK_BYTES / 10),
    )
    .unwrap();
    let out = stancegraph().arg("extract").arg(&file).assert().success();
    assert!(!out.get_output().stdout.is_empty());
}
