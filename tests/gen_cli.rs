//! `newsgraph gen` and `newsgraph extract --jsonl` through the command line.

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
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("out")["id"].to_string())
        .collect();
    assert_eq!(ids_in.len(), 25);
    assert_eq!(ids_in, ids_out);
}

#[test]
fn extract_reports_the_bad_line() {
    let res = extract("{\"id\":\"a\",\"text\":\"One. Two.\"}\n{\"id\": 3\n");
    assert!(!res.status.success());
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(err.contains("stdin:2"), "{err}");
}
