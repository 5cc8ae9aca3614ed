//! `newsgraph gen`, `newsgraph extract --jsonl` and `newsgraph resolve` through the command line.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_newsgraph");

fn extract(input: &str) -> std::process::Output {
    let mut child = Command::new(BIN)
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("wait")
}

#[test]
fn gen_output_feeds_extract_one_line_per_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("c");
    let st = Command::new(BIN)
        .args(["gen", "--docs", "25", "--seed", "9", "--jsonl", "-o"])
        .arg(&out)
        .status()
        .expect("gen");
    assert!(st.success());
    assert!(out.join("gold.json").is_file());
    let input = std::fs::read_to_string(out.join("articles.jsonl")).expect("jsonl");
    let res = extract(&input);
    assert!(res.status.success());
    let ids_in: Vec<String> = input
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("in")["id"].to_string())
        .collect();
    let ids_out: Vec<String> = String::from_utf8(res.stdout)
        .expect("utf8")
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("out")["doc"]["id"].to_string()
        })
        .collect();
    assert_eq!(ids_in.len(), 25);
    assert_eq!(ids_in, ids_out);
}

#[test]
fn extract_skips_the_bad_line_and_names_it() {
    let res = extract("{\"id\":\"a\",\"text\":\"One. Two.\"}\n{\"id\": 3\n");
    assert!(res.status.success());
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(err.contains("stdin:2"), "{err}");
    assert_eq!(String::from_utf8_lossy(&res.stdout).lines().count(), 1);
}

/// The map step (`extract --jsonl`) then the reduce step (`resolve`) give the graph `build` gives.
#[test]
fn extract_then_resolve_equals_build() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("c");
    let st = Command::new(BIN)
        .args(["gen", "--docs", "60", "--seed", "4", "--jsonl", "-o"])
        .arg(&corpus)
        .status()
        .expect("gen");
    assert!(st.success());
    let articles = corpus.join("articles.jsonl");
    let res = extract(&std::fs::read_to_string(&articles).expect("jsonl"));
    assert!(res.status.success());
    let records = dir.path().join("records.jsonl");
    std::fs::write(&records, &res.stdout).expect("write records");
    let resolved = dir.path().join("r.ngraph");
    let built = dir.path().join("b.ngraph");
    let r = Command::new(BIN)
        .arg("resolve")
        .arg(&records)
        .arg("-o")
        .arg(&resolved)
        .output()
        .expect("resolve");
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let b = Command::new(BIN)
        .arg("build")
        .arg(&articles)
        .arg("-o")
        .arg(&built)
        .output()
        .expect("build");
    assert!(b.status.success());
    let count = |file: &std::path::Path, q: &str| {
        let out = Command::new(BIN)
            .arg("query")
            .arg(file)
            .args(["--format", "csv", "-e", q])
            .output()
            .expect("query");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for q in [
        "MATCH (n) RETURN labels(n)[0] AS l, count(*) ORDER BY l",
        "MATCH ()-[r]->() RETURN type(r) AS t, count(*) ORDER BY t",
        "MATCH (p:Person)-[:PARTICIPATED_IN]->(m:Meeting) RETURN p.name, m.date ORDER BY p.name, m.date",
    ] {
        let (x, y) = (count(&resolved, q), count(&built, q));
        assert!(x.lines().count() > 2, "{q}: {x}");
        assert_eq!(x, y, "{q}");
    }
}
