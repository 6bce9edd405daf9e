//! Arbitrary bytes as a graph file: loading either fails with an error or
//! gives a graph that saves and reloads to the same file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancegraph::graph::{GraphFile, PositionGraph};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = serde_json::from_slice::<GraphFile>(data) else { return };
    let Ok(g) = PositionGraph::from_file(file) else { return };
    let json = g.to_json();
    let back = PositionGraph::from_file(serde_json::from_str(&json).expect("our own file parses")).expect("our own file loads");
    assert_eq!(back.to_json(), json);
    let _ = stancegraph::export::to_gexf(&g);
    let _ = stancegraph::export::to_positions_csv(&g);
});
