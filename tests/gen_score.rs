//! The generated gold file is read by ../shared/tools/score.py: a prediction made from the gold
//! itself scores (nearly) perfectly. Skipped with a note when python3 or ../shared is absent.

use newsgraph::generator::{GenConfig, write_corpus};
use serde_json::{Value, json};
use std::io::Write;
use std::process::Command;

const SCORER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/tools/score.py");

/// APOC-shaped JSON Lines built from the gold facts.
fn perfect_prediction(gold: &newsgraph::generator::gold::Gold) -> String {
    let mut lines: Vec<Value> = Vec::new();
    let mut rel = 0;
    let mut edge = |lines: &mut Vec<Value>, ty: &str, s: &str, e: &str, props: Value| {
        rel += 1;
        lines.push(
            json!({"type": "relationship", "id": format!("r{rel}"), "label": ty,
            "start": {"id": s}, "end": {"id": e}, "properties": props}),
        );
    };
    for e in &gold.entities {
        lines.push(json!({"type": "node", "id": e.id, "labels": [e.label],
            "properties": {"name": e.name, "aliases": e.aliases}}));
    }
    for o in &gold.offices {
        edge(
            &mut lines,
            "HOLDS_OFFICE",
            &o.person,
            &o.of,
            json!({"title": o.titles[0]}),
        );
    }
    for m in &gold.meetings {
        lines.push(json!({"type": "node", "id": m.id, "labels": ["Meeting"],
            "properties": {"name": m.description, "date": m.date, "status": m.status}}));
        for p in &m.participants {
            edge(&mut lines, "PARTICIPATED_IN", p, &m.id, json!({}));
        }
        if let Some(pl) = &m.place {
            edge(&mut lines, "HELD_IN", &m.id, pl, json!({}));
        }
    }
    for s in &gold.statements {
        lines.push(json!({"type": "node", "id": s.id, "labels": ["Statement"],
            "properties": {"text": s.text}}));
        edge(&mut lines, "SAID", &s.speaker, &s.id, json!({}));
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn score_py_reads_generated_gold() {
    if !std::path::Path::new(SCORER).is_file() {
        eprintln!("note: {SCORER} absent, skipping");
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("note: python3 absent, skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let gold = write_corpus(GenConfig { docs: 40, seed: 11 }, dir.path(), false).expect("gen");
    let pred = dir.path().join("pred.jsonl");
    std::fs::File::create(&pred)
        .and_then(|mut f| f.write_all(perfect_prediction(&gold).as_bytes()))
        .expect("pred");
    let out = Command::new("python3")
        .arg(SCORER)
        .arg("--gold")
        .arg(dir.path().join("gold.json"))
        .arg("--pred")
        .arg(&pred)
        .arg("--json")
        .output()
        .expect("score.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let res: Value = serde_json::from_slice(&out.stdout).expect("json");
    for part in ["offices", "meetings"] {
        assert!(
            res[part]["f1"].as_f64().unwrap_or(0.0) > 0.99,
            "{part}: {}",
            res[part]
        );
    }
    assert!(res["entities"]["all"]["f1"].as_f64().unwrap_or(0.0) > 0.99);
    assert!(
        res["score"].as_f64().unwrap_or(0.0) > 0.95,
        "{}",
        res["score"]
    );
}
