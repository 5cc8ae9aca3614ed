//! Parses and runs arbitrary query text against the seed graph: must never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::graph::Graph;
use newsgraph::query::{self, Limits};
use std::sync::LazyLock;
use std::time::Duration;

static SEED_GRAPH: LazyLock<Graph> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    newsgraph::inputs::open(&[dir]).map(|(g, _)| g).unwrap_or_default()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut graph = SEED_GRAPH.clone();
    let limits = Limits {
        max_depth: 4,
        max_rows: 10_000,
        timeout: Duration::from_millis(200),
        ..Limits::default()
    };
    let _ = query::execute(&mut graph, text, &Default::default(), &limits);
});
