//! PolNeAR's dev split (real US news, attributions marked by trained
//! annotators), scored by `../shared/eval/polnear.py`: the figure the
//! project could not have tuned its rules to.
//!
//! Needs the split prepared outside the repository (its texts are
//! third-party): `python3 ../shared/eval/polnear.py prepare GITDIR
//! ../polnear/dev --split dev`, or `STANCEGRAPH_POLNEAR=DIR`. Skips with a
//! message where it is absent (CI cannot fetch the corpus).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A floor under what the shipped model reaches (F1 0.63), to catch a
/// regression; issue 21's bar is 0.70.
const MIN_F1: f64 = 0.60;

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("STANCEGRAPH_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../polnear/dev"));
    dir.join("gold.jsonl").exists().then_some(dir)
}

#[test]
fn polnear_dev_split_scores_above_the_floor() {
    let scorer = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear.py");
    let Some(dir) = corpus().filter(|_| scorer.exists()) else {
        eprintln!("SKIPPED: no prepared PolNeAR dev split (../polnear/dev or STANCEGRAPH_POLNEAR) or no ../shared/eval/polnear.py");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let pred = tmp.path().join("pred.jsonl");
    let st = Command::new(env!("CARGO_BIN_EXE_stancegraph"))
        .args(["extract", "--quiet"])
        .arg(dir.join("docs"))
        .arg("-o")
        .arg(&pred)
        .status()
        .unwrap();
    assert!(st.success(), "extract failed on the PolNeAR dev split");
    let r = common::python_report(
        &scorer,
        &["score".as_ref(), dir.as_os_str(), pred.as_os_str()],
    );
    let f1 = r["f1"].as_f64().unwrap();
    eprintln!("PolNeAR dev: {r}");
    assert!(f1 >= MIN_F1, "PolNeAR dev F1 {f1:.3} fell below {MIN_F1}");
}
