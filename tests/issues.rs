//! Issues end to end: the `issues` listing, a codebook winning over the
//! automatic grouping, conflicts across wordings, and normalised networks.

use assert_cmd::Command;

fn stancegraph() -> Command {
    Command::cargo_bin("stancegraph").unwrap()
}

const TEXT: &str = "Norway proposed a plan to share the fishing quotas in the disputed waters. \
Denmark rejected the plan on Tuesday. Iceland supported the Norwegian proposal. \
Canada backed the quota plan as well. Denmark demanded compensation for lost revenue.\n";

fn graph(dir: &std::path::Path) -> std::path::PathBuf {
    let text = dir.join("quota.txt");
    std::fs::write(&text, TEXT).unwrap();
    let g = dir.join("g.json");
    stancegraph()
        .arg("build")
        .arg(&text)
        .arg("-o")
        .arg(&g)
        .assert()
        .success();
    g
}

fn stdout(args: &[&str], g: &std::path::Path) -> String {
    let out = stancegraph()
        .arg(args[0])
        .arg(g)
        .args(&args[1..])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn differently_worded_contents_meet_on_one_issue_and_clash() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let list = stdout(&["issues", "--format", "json"], &g);
    let issues: serde_json::Value = serde_json::from_str(&list).unwrap();
    let first = &issues[0];
    for actor in ["Norway", "Denmark", "Iceland", "Canada"] {
        assert!(
            first["actors"].get(actor).is_some(),
            "{actor} missing: {list}"
        );
    }
    // the side demand is a matter of its own
    assert!(!first["contents"]
        .as_object()
        .unwrap()
        .keys()
        .any(|c| c.contains("compensation")));
    let conflicts = stdout(&["query", "--conflicts"], &g);
    for other in ["Norway", "Iceland", "Canada"] {
        assert!(
            conflicts
                .lines()
                .any(|l| l.contains("Denmark") && l.contains(other)),
            "{other}: {conflicts}"
        );
    }
}

#[test]
fn a_codebook_names_the_issue() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let cb = dir.path().join("codebook.csv");
    std::fs::write(
        &cb,
        "issue,pattern\nquota sharing,fishing quotas\nquota sharing,quota plan\n",
    )
    .unwrap();
    let jsonl = stdout(
        &[
            "export",
            "--format",
            "positions-jsonl",
            "--codebook",
            cb.to_str().unwrap(),
        ],
        &g,
    );
    let labelled: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let denmark_rejects = labelled
        .iter()
        .find(|p| p["actor"] == "Denmark" && p["stance"] == "reject")
        .unwrap();
    assert_eq!(denmark_rejects["issue"], "quota sharing", "{jsonl}");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "label,words\nx,y\n").unwrap();
    stancegraph()
        .arg("issues")
        .arg(&g)
        .arg("--codebook")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.csv"));
}

#[test]
fn normalised_networks_follow_the_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    // Iceland and Canada are both for the quota issue and take no other
    // qualified position: congruence 1, jaccard 1 / (1 + 1 - 1) = 1
    let net = stdout(
        &["network", "--type", "congruence", "--normalize", "jaccard"],
        &g,
    );
    assert!(
        net.lines().any(|l| l.starts_with("Canada,Iceland,1,")),
        "{net}"
    );
    // Denmark is against it and for compensation: conflict with Canada is
    // 1 issue of n = 2 and 1, cosine 1 / sqrt(2)
    let net = stdout(
        &["network", "--type", "conflict", "--normalize", "cosine"],
        &g,
    );
    let w = format!("{}", 1.0 / 2f64.sqrt());
    assert!(
        net.lines()
            .any(|l| l == format!("Canada,Denmark,{w},fishing quotas")
                || l.starts_with(&format!("Canada,Denmark,{w},"))),
        "{net}"
    );
    let matrix = stdout(
        &[
            "network",
            "--type",
            "subtract",
            "--format",
            "matrix",
            "--isolates",
        ],
        &g,
    );
    assert!(
        matrix
            .lines()
            .next()
            .unwrap()
            .starts_with(",Canada,Denmark"),
        "{matrix}"
    );
    assert!(
        !matrix.contains('\''),
        "numbers are not neutralised: {matrix}"
    );
    let two = stdout(
        &["network", "--type", "two-mode", "--format", "graphml"],
        &g,
    );
    assert!(two.contains("edgedefault=\"directed\"") && two.contains("n_affiliation"));
}

/// Two articles of one dispute that word its matter with synonyms: one
/// says "truce", the other "ceasefire" (data/synonyms.tsv, from WordNet).
#[test]
fn synonyms_across_articles_are_one_issue() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "The Coastal Alliance demanded an immediate truce with the rebels.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "The Highland Front rejected a ceasefire with the rebels on Monday.\n",
    )
    .unwrap();
    let g = dir.path().join("g.json");
    stancegraph()
        .args(["build"])
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(&g)
        .assert()
        .success();
    let conflicts = stdout(&["query", "--conflicts"], &g);
    assert!(
        conflicts
            .lines()
            .any(|l| l.contains("Coastal Alliance") && l.contains("Highland Front")),
        "{conflicts}"
    );
    // an analyst's lexicon can part two words the built-in list joins
    let lexicon = dir.path().join("words.json");
    std::fs::write(&lexicon, r#"{"synonyms": {"truce": "truce"}}"#).unwrap();
    let apart = stdout(
        &[
            "query",
            "--conflicts",
            "--issue-lexicon",
            lexicon.to_str().unwrap(),
        ],
        &g,
    );
    assert!(
        !apart
            .lines()
            .any(|l| l.contains("Coastal Alliance") && l.contains("Highland Front")),
        "{apart}"
    );
}

/// B-cubed precision, recall and F1 of `(gold, predicted)` label pairs, as
/// `../shared/eval/issues.py` computes them.
fn bcubed(items: &[(String, String)]) -> (f64, f64, f64) {
    use std::collections::HashMap;
    let mut by_gold: HashMap<&str, f64> = HashMap::new();
    let mut by_pred: HashMap<&str, f64> = HashMap::new();
    let mut both: HashMap<(&str, &str), f64> = HashMap::new();
    for (g, p) in items {
        *by_gold.entry(g).or_default() += 1.0;
        *by_pred.entry(p).or_default() += 1.0;
        *both.entry((g, p)).or_default() += 1.0;
    }
    let n = items.len() as f64;
    let p = items
        .iter()
        .map(|(g, p)| both[&(g.as_str(), p.as_str())] / by_pred[p.as_str()])
        .sum::<f64>()
        / n;
    let r = items
        .iter()
        .map(|(g, p)| both[&(g.as_str(), p.as_str())] / by_gold[g.as_str()])
        .sum::<f64>()
        / n;
    (p, r, 2.0 * p * r / (p + r))
}

#[test]
fn own_texts_group_as_an_annotator_would() {
    // twelve articles of our own on five negotiations, with the issue an
    // annotator gives each position (tests/issue_texts/README.md)
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/issue_texts");
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let pos = dir.path().join("pos.jsonl");
    stancegraph()
        .arg("build")
        .arg(here.join("docs"))
        .arg("-o")
        .arg(&g)
        .assert()
        .success();
    stancegraph()
        .args(["export", "--format", "positions-jsonl", "-o"])
        .arg(&pos)
        .arg(&g)
        .assert()
        .success();
    let key = |v: &serde_json::Value| {
        let doc = v["doc"].as_str().unwrap_or_default();
        let doc = doc.rsplit(['/', '\\']).next().unwrap_or(doc).to_string();
        let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        // a graph names an actor as its first mention did ("Hospital")
        let actor = field("actor").to_lowercase();
        (doc, actor, field("stance"), field("content"))
    };
    let mut gold = std::collections::HashMap::new();
    let gold_text = std::fs::read_to_string(here.join("gold.jsonl")).unwrap();
    for line in gold_text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        gold.insert(key(&v), v["issue"].as_str().map(str::to_string));
    }
    let mut items = Vec::new();
    let mut matched = 0;
    for line in std::fs::read_to_string(&pos).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(label) = gold.get(&key(&v)) else {
            continue;
        };
        matched += 1;
        if let Some(label) = label {
            items.push((label.clone(), v["issue"].to_string()));
        }
    }
    // positions extraction no longer finds are not the grouping's fault,
    // but most must still be there for the figure to mean anything
    assert!(
        matched * 10 >= gold.len() * 8,
        "only {matched} of {} labelled positions found: relabel tests/issue_texts",
        gold.len()
    );
    let (p, r, f) = bcubed(&items);
    eprintln!("own texts: B-cubed P {p:.3} R {r:.3} F1 {f:.3} on {matched} positions");
    assert!(f >= 0.59, "B-cubed F1 {f:.3} below 0.59");
}
