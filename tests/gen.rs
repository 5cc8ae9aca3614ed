//! The corpus generator: deterministic for a seed, and its gold file has the shape of
//! ../shared/gold/SCHEMA.md and agrees with the articles it describes.

use newsgraph::generator::gold::Gold;
use newsgraph::generator::{Article, GenConfig, generate, write_corpus};

fn corpus(docs: usize, seed: u64) -> (Vec<Article>, Gold) {
    let mut arts = Vec::new();
    let gold = generate(GenConfig { docs, seed }, |a| arts.push(a.clone()));
    (arts, gold)
}

#[test]
fn same_seed_same_corpus_other_seed_other_corpus() {
    let (a1, g1) = corpus(60, 42);
    let (a2, g2) = corpus(60, 42);
    assert_eq!(a1, a2);
    assert_eq!(g1, g2);
    let (a3, _) = corpus(60, 43);
    assert_ne!(a1, a3);
}

#[test]
fn gold_describes_the_articles() {
    let (arts, gold) = corpus(80, 5);
    assert_eq!(arts.len(), 80);
    assert_eq!(gold.documents.len(), 80);
    let by_id: std::collections::HashMap<_, _> = arts.iter().map(|a| (a.id.clone(), a)).collect();
    // Every statement is quoted verbatim in its document.
    assert!(!gold.statements.is_empty());
    for s in &gold.statements {
        let a = by_id.get(&s.doc).expect("statement doc exists");
        assert!(
            a.text.contains(&format!("\"{}", s.text)),
            "{} not in {}",
            s.text,
            s.doc
        );
        assert!(
            gold.entities
                .iter()
                .any(|e| e.id == s.speaker && e.label == "Person")
        );
    }
    // Every entity's name appears in each document it is listed for.
    for e in &gold.entities {
        assert!(["Person", "Country", "Organization", "Place"].contains(&e.label.as_str()));
        for d in &e.docs {
            let a = by_id.get(d).expect("entity doc exists");
            let forms: Vec<&String> = std::iter::once(&e.name).chain(&e.aliases).collect();
            assert!(
                forms.iter().any(|f| a.text.contains(f.as_str())),
                "{} not in {d}",
                e.name
            );
        }
    }
    // Meetings name known participants, dated meetings have ISO dates, statuses are valid.
    for m in &gold.meetings {
        assert!(m.participants.len() >= 2);
        for p in &m.participants {
            assert!(gold.entities.iter().any(|e| &e.id == p));
        }
        assert!(["held", "planned", "proposed"].contains(&m.status.as_str()));
        if let Some(d) = &m.date {
            assert!(
                chrono::NaiveDate::parse_from_str(&format!("{d}-01")[..10], "%Y-%m-%d").is_ok()
            );
        }
    }
    for o in &gold.offices {
        assert!(o.of.starts_with("c:") && o.person.starts_with("p:") && !o.titles.is_empty());
    }
}

#[test]
fn written_gold_file_has_the_schema_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_corpus(GenConfig { docs: 12, seed: 1 }, dir.path(), true).expect("write");
    let raw = std::fs::read_to_string(dir.path().join("gold.json")).expect("gold");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    for key in [
        "corpus",
        "documents",
        "entities",
        "offices",
        "relatives",
        "located_in",
        "meetings",
        "statements",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert!(v["located_in"][0].get("in").is_some());
    assert!(v["entities"][0].get("optional").is_some());
    let lines = std::fs::read_to_string(dir.path().join("articles.jsonl")).expect("jsonl");
    assert_eq!(lines.lines().count(), 12);
    for l in lines.lines() {
        let a: serde_json::Value = serde_json::from_str(l).expect("line");
        assert!(a["id"].is_string() && a["text"].is_string() && a["date"].is_string());
    }
    let txts = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(txts, 12);
}
