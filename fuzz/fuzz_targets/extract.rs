//! Extracts arbitrary bytes (decoded lossily) as an article: must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::graph::Graph;
use newsgraph::text::SourceDoc;

fuzz_target!(|data: &[u8]| {
    let doc = SourceDoc::new("fuzz", "fuzz.txt", String::from_utf8_lossy(data).into_owned());
    let mut graph = Graph::new();
    let _ = newsgraph::extract::ingest(&mut graph, vec![doc]);
});
