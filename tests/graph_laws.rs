//! Merge laws and sharding: graphs built apart and merged in any order or
//! grouping equal the graph built at once.

mod common;

use proptest::prelude::*;
use stancegraph::extract::Extractor;
use stancegraph::graph::{text_hash, DocumentInfo, PositionGraph};
use stancegraph::lexicon::Lexicon;
use stancegraph::model::Document;
use std::path::Path;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LX: OnceLock<Lexicon> = OnceLock::new();
    LX.get_or_init(Lexicon::builtin)
}

fn build(docs: &[Document]) -> PositionGraph {
    let ex = Extractor::new(lexicon());
    let mut g = PositionGraph::new();
    for d in docs {
        if g.add_document(DocumentInfo::of(d)) {
            for p in ex.extract(d) {
                g.add_position(&p);
            }
        }
    }
    g
}

fn merged(parts: &[&PositionGraph]) -> PositionGraph {
    let mut g = PositionGraph::new();
    for p in parts {
        g.merge(p);
    }
    g
}

const SENTENCES: &[&str] = &[
    "Kyiv demanded a ceasefire.",
    "Moscow rejected the ceasefire.",
    "The Kremlin said it was ready to hold talks.",
    "U.S. Secretary of State Marco Rubio urged Russia to make concessions.",
    "Hamas rejected the Egyptian plan for a truce.",
    "Paris backed the demands for a ceasefire.",
    "“We will not accept any partition,” Zelensky said.",
    "Beijing proposed a peace conference.",
    "The union demanded higher pay, and the company offered a 4% raise.",
];

fn doc_strategy() -> impl Strategy<Value = Document> {
    (
        0u32..1000,
        prop::collection::vec(prop::sample::select(SENTENCES), 1..5),
        prop::option::of(prop::sample::select(&["2025-01-02", "2025-02-03"][..])),
    )
        .prop_map(|(id, s, date)| Document {
            id: format!("d{id}"),
            text: s.join(" "),
            date: date.map(str::to_string),
            source: None,
            title: None,
            part: None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn merge_is_associative_commutative_and_idempotent(
        a in prop::collection::vec(doc_strategy(), 0..4),
        b in prop::collection::vec(doc_strategy(), 0..4),
        c in prop::collection::vec(doc_strategy(), 0..4),
    ) {
        let (ga, gb, gc) = (build(&a), build(&b), build(&c));
        let ab = merged(&[&ga, &gb]).to_json();
        prop_assert_eq!(&ab, &merged(&[&gb, &ga]).to_json());
        let left = merged(&[&merged(&[&ga, &gb]), &gc]).to_json();
        let right = merged(&[&ga, &merged(&[&gb, &gc])]).to_json();
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(merged(&[&ga, &ga]).to_json(), ga.to_json());
    }
}

#[test]
fn dev_set_in_three_shards_equals_one_build() {
    let docs_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev/docs");
    if !docs_dir.exists() {
        eprintln!(
            "SKIPPED: {} is absent; the shard test needs the dev set",
            docs_dir.display()
        );
        return;
    }
    let docs: Vec<Document> = stancegraph::input::Inputs::new(&[docs_dir], false)
        .map(|d| d.expect("dev documents read"))
        .collect();
    assert!(docs.len() >= 30);
    let whole = build(&docs);
    let shards: Vec<PositionGraph> = (0..3)
        .map(|k| {
            build(
                &docs
                    .iter()
                    .filter(|d| text_hash(&d.id).as_bytes()[15] % 3 == k)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert!(shards.iter().all(|s| s.stance_edge_count() > 0));
    assert_eq!(
        merged(&[&shards[2], &shards[0], &shards[1]]).to_json(),
        whole.to_json()
    );
    // and through the files, as `stancegraph merge` does
    let reread: Vec<PositionGraph> = shards
        .iter()
        .map(|s| PositionGraph::from_file(serde_json::from_str(&s.to_json()).unwrap()).unwrap())
        .collect();
    assert_eq!(
        merged(&[&reread[1], &reread[2], &reread[0]]).to_json(),
        whole.to_json()
    );
}

/// The map-reduce path without Spark: the dev set in four shards, each
/// extracted (map), reduced to a partial graph (`build --from-positions`)
/// and merged, gives the graph of one build.
#[test]
fn four_shards_through_extract_reduce_and_merge() {
    let input = common::dev_docs_or_examples();
    let bin = env!("CARGO_BIN_EXE_stancegraph");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(bin).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut partials = Vec::new();
    for k in 0..4 {
        let shard: Vec<&std::ffi::OsStr> = files
            .iter()
            .skip(k)
            .step_by(4)
            .map(|p| p.as_os_str())
            .collect();
        if shard.is_empty() {
            continue;
        }
        let positions = dir.path().join(format!("p{k}.jsonl"));
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "extract".as_ref(),
            "--documents".as_ref(),
            "-o".as_ref(),
            positions.as_os_str(),
        ];
        args.extend(shard);
        run(&args);
        let partial = dir.path().join(format!("g{k}.json"));
        run(&[
            "build".as_ref(),
            "--from-positions".as_ref(),
            positions.as_os_str(),
            "-o".as_ref(),
            partial.as_os_str(),
        ]);
        partials.push(partial);
    }
    let merged = dir.path().join("merged.json");
    let mut args: Vec<&std::ffi::OsStr> = vec!["merge".as_ref(), "-o".as_ref(), merged.as_os_str()];
    args.extend(partials.iter().rev().map(|p| p.as_os_str()));
    run(&args);
    // one extract of everything, reduced at once
    let all = dir.path().join("all.jsonl");
    run(&[
        "extract".as_ref(),
        "--documents".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        all.as_os_str(),
    ]);
    let reduced = dir.path().join("reduced.json");
    run(&[
        "build".as_ref(),
        "--from-positions".as_ref(),
        all.as_os_str(),
        "-o".as_ref(),
        reduced.as_os_str(),
    ]);
    assert_eq!(
        std::fs::read_to_string(&merged).unwrap(),
        std::fs::read_to_string(&reduced).unwrap()
    );
    // and the very graph of a build from the documents: `--documents` carries
    // each document's record (id, date, source, text hash) through the map step
    let direct = dir.path().join("direct.json");
    run(&[
        "build".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        direct.as_os_str(),
    ]);
    assert_eq!(
        std::fs::read_to_string(&merged).unwrap(),
        std::fs::read_to_string(&direct).unwrap()
    );
}
