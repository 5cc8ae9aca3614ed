//! End-to-end tests of the command line on the seed corpus (issue 2's contract).

mod common;
use common::{run, run_ok, seeds};

#[test]
fn build_save_load_gives_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("seeds.ngraph");
    let seeds = seeds();
    let summary = run_ok(&[
        "build",
        seeds.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(summary.contains("5 documents"), "{summary}");
    let from_text = run_ok(&["export", seeds.to_str().unwrap(), "--format", "jsonl"]);
    let from_file = run_ok(&["export", file.to_str().unwrap(), "--format", "jsonl"]);
    assert!(
        from_text.lines().count() > 50,
        "the seeds give entities and facts"
    );
    assert_eq!(from_text, from_file);
}

#[test]
fn damaged_graph_file_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.ngraph");
    std::fs::write(&file, b"this is not a graph").unwrap();
    let out = run(&["export", file.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.ngraph") && err.contains("not a newsgraph graph file"),
        "{err}"
    );
}

#[test]
fn missing_input_is_an_error_and_bad_usage_exits_2() {
    let out = run(&["export", "/no/such/folder", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
    let out = run(&["export", "--format", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn query_answers_who_held_which_office_and_who_said_what() {
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    let offices = run_ok(&[
        "query",
        seeds,
        "--format",
        "csv",
        "-e",
        "MATCH (p:Person)-[o:HOLDS_OFFICE]->(c) RETURN p.name, o.title, c.name ORDER BY p.name",
    ]);
    for fact in [
        "Cho Hyun,Foreign Minister,South Korea",
        "Wang Yi,Foreign Minister,China",
        "Marco Rubio,Secretary of State,United States",
        "Wi Sung-lac,National Security Adviser,South Korea",
    ] {
        assert!(
            offices.lines().any(|l| l == fact),
            "missing {fact:?} in\n{offices}"
        );
    }
    let quotes = run_ok(&[
        "query",
        seeds,
        "--format",
        "csv",
        "-e",
        "MATCH (p)-[:SAID]->(s:Statement) RETURN p.name, s.text",
    ]);
    let said = |speaker: &str, words: &str| {
        quotes
            .lines()
            .any(|l| l.starts_with(&format!("{speaker},")) && l.contains(words))
    };
    assert!(said("Cho Hyun", "It would be fantastic"), "{quotes}");
    assert!(
        said("Cho Hyun", "Denuclearization of the Korean Peninsula"),
        "{quotes}"
    );
}

/// `newsgraph build ... | head -1`: a closed standard output ends the program quietly, no panic.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ngraph");
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("build")
        .arg(seeds())
        .arg("-o")
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        file.is_file(),
        "the graph is saved before the summary is printed"
    );
}
