//! Quality floor: builds the seeds, exports JSON Lines and runs the reference scorer
//! (../shared/tools/score.py) against the gold annotation. Fails when any part drops below a
//! floor a little under what the extractor reaches (see docs/extraction.md).

mod common;
use common::{run_ok, seeds};
use std::path::Path;
use std::process::Command;

#[test]
fn seeds_score_stays_above_the_floor() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let scorer = shared.join("tools/score.py");
    let gold = shared.join("gold/seeds.json");
    if !scorer.is_file() || !gold.is_file() {
        eprintln!(
            "note: {} not found; skipping the extraction score test",
            scorer.display()
        );
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("note: python3 not found; skipping the extraction score test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seeds.jsonl");
    run_ok(&[
        "export",
        seeds().to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    let res = Command::new("python3")
        .arg(&scorer)
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(&out)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&res.stdout).unwrap();
    let get = |path: &[&str]| {
        let mut v = &j;
        for p in path {
            v = &v[*p];
        }
        v.as_f64().unwrap_or(0.0)
    };
    let floors: &[(&[&str], f64)] = &[
        (&["score"], 0.95),
        (&["entities", "Person", "f1"], 0.95),
        (&["entities", "Country", "f1"], 0.95),
        (&["entities", "Organization", "f1"], 0.95),
        (&["entities", "Place", "f1"], 0.90),
        (&["offices", "f1"], 0.90),
        (&["meetings", "f1"], 0.90),
        (&["meetings", "date_accuracy"], 0.85),
        (&["statements", "attributed_f1"], 0.95),
        (&["provenance_coverage"], 1.0),
    ];
    let mut failures = Vec::new();
    for (path, floor) in floors {
        let v = get(path);
        if v < *floor {
            failures.push(format!("{} = {v:.3} < {floor}", path.join(".")));
        }
    }
    assert!(
        failures.is_empty(),
        "extraction quality dropped: {failures:?}"
    );
}
