//! JSON Lines: export → import → export gives identical bytes (seeds, a hand-made graph with a
//! removed node, random hostile strings), and bad files are refused with file and line.

mod common;
mod export_support;

use common::{run, run_ok, seeds};
use export_support::{hostile_graph, sample_graph};
use newsgraph::export::{self, Format, import};
use newsgraph::graph::Graph;

fn jsonl(g: &Graph) -> String {
    let mut out = Vec::new();
    export::export(g, None, Format::Jsonl, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn seeds_round_trip_through_the_cli_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("seeds.ngraph");
    let first = dir.path().join("first.jsonl");
    let back = dir.path().join("back.ngraph");
    let p = |x: &std::path::Path| x.to_str().unwrap().to_string();
    run_ok(&["build", &p(&seeds()), "-o", &p(&built)]);
    run_ok(&["export", &p(&built), "--format", "jsonl", "-o", &p(&first)]);
    let summary = run_ok(&["import", &p(&first), "-o", &p(&back)]);
    assert!(summary.contains("imported"), "{summary}");
    let again = run_ok(&["export", &p(&back), "--format", "jsonl"]);
    let first = std::fs::read_to_string(&first).unwrap();
    assert!(!first.is_empty());
    assert_eq!(first, again);
}

#[test]
fn sample_and_hostile_graphs_round_trip() {
    let mut graphs = vec![sample_graph()];
    graphs.extend((1..=8).map(|seed| hostile_graph(seed, 15)));
    for g in graphs {
        let first = jsonl(&g);
        let back = import::read_jsonl(first.as_bytes(), "mem").unwrap();
        assert_eq!(back.node_count(), g.node_count());
        assert_eq!(back.edge_count(), g.edge_count());
        assert_eq!(jsonl(&back), first);
        // Ids (with the hole left by a removed node) are kept, so DOT is identical too.
        let dot = |g: &Graph| {
            let mut v = Vec::new();
            export::export(g, None, Format::Dot, &mut v).unwrap();
            v
        };
        assert_eq!(dot(&g), dot(&back));
    }
}

#[test]
fn imported_documents_keep_their_metadata() {
    let g = sample_graph();
    let back = import::read_jsonl(jsonl(&g).as_bytes(), "mem").unwrap();
    assert_eq!(back.documents().len(), 2);
    for (a, b) in g.documents().iter().zip(back.documents()) {
        assert_eq!(
            (&a.id, &a.file, &a.title, &a.date),
            (&b.id, &b.file, &b.title, &b.date)
        );
        assert_eq!(
            b.node.and_then(|n| back.node(n)).and_then(|n| n.name()),
            Some(a.id.as_str())
        );
    }
}

#[test]
fn bad_files_are_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"type\":\"node\",\"id\":\"0\",\"labels\":[\"Person\"]}\n{\"type\":\"node\",\n",
    )
    .unwrap();
    let out = run(&[
        "import",
        bad.to_str().unwrap(),
        "-o",
        dir.path().join("x.ngraph").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2:"), "{err}");
    assert!(!dir.path().join("x.ngraph").exists());
}

/// Regenerates `docs/export-example.jsonl` (the made-up graph docs/export.md draws):
/// `cargo test --test export_jsonl -- --ignored`.
#[test]
#[ignore]
fn write_docs_example() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export-example.jsonl");
    std::fs::write(path, jsonl(&sample_graph())).unwrap();
}

#[test]
fn with_documents_the_whole_graph_comes_back() {
    let (seeds, _) = newsgraph::inputs::open(&[seeds()]).unwrap();
    for g in [seeds, sample_graph(), hostile_graph(3, 10)] {
        let options = export::Options {
            jsonl_documents: true,
            ..Default::default()
        };
        let mut text = Vec::new();
        export::export_with(&g, None, Format::Jsonl, &options, &mut text).unwrap();
        let back = import::read_jsonl(&text[..], "mem").unwrap();
        assert_eq!(back.documents(), g.documents());
        assert_eq!(jsonl(&back), jsonl(&g));
        for id in g.node_ids() {
            assert_eq!(back.node(id), g.node(id));
        }
        for id in g.edge_ids() {
            assert_eq!(back.edge(id), g.edge(id));
            assert_eq!(back.edge_endpoints(id), g.edge_endpoints(id));
        }
    }
}

#[test]
fn document_lines_do_not_disturb_the_scorer() {
    let scorer = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/score.py");
    let gold = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/seeds.json");
    if !scorer.exists() || !gold.exists() {
        eprintln!("note: ../shared/tools/score.py not found; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (plain, with_docs) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    let s = seeds();
    run_ok(&[
        "export",
        s.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        plain.to_str().unwrap(),
    ]);
    run_ok(&[
        "export",
        s.to_str().unwrap(),
        "--format",
        "jsonl",
        "--documents",
        "-o",
        with_docs.to_str().unwrap(),
    ]);
    let score = |f: &std::path::Path| {
        let out = std::process::Command::new("python3")
            .arg(&scorer)
            .args([
                "--gold",
                gold.to_str().unwrap(),
                "--pred",
                f.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(score(&plain), score(&with_docs));
}
