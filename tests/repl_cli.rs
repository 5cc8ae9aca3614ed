//! The CLI's `show` (the dossier) and `query --format table|json|csv`, run as a user would.

use newsgraph::graph::{self, DocumentInfo, Edge, Graph, Node, Span, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A graph written for this test: one article, a person holding an office in a country.
fn fixture(dir: &Path) -> PathBuf {
    let text =
        "Foreign Minister Ana Ruiz of Chile arrived in Lima on Monday. She met \"old friends\".";
    let mut g = Graph::new();
    let doc = g.add_document(DocumentInfo {
        id: "article1".into(),
        file: "article1.txt".into(),
        title: Some("Ruiz in Lima".into()),
        date: Some("2024-05-06".into()),
        hash: "0".into(),
        text: text.into(),
        node: None,
    });
    let mut p = Node::new("Person");
    p.props.insert("name".into(), "Ana Ruiz".into());
    p.props
        .insert("aliases".into(), Value::from(vec!["Ruiz".to_string()]));
    let a = g.add_node(p);
    let mut c = Node::new("Country");
    c.props.insert("name".into(), "Chile".into());
    let b = g.add_node(c);
    let mut e = Edge::new("HOLDS_OFFICE");
    e.props.insert("title".into(), "Foreign Minister".into());
    e.sources.push(Span {
        doc,
        start: 0,
        end: 34,
    });
    g.add_edge(a, b, e);
    let path = dir.join("fixture.ngraph");
    graph::save(&g, &path).expect("save fixture");
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run newsgraph")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn show_prints_the_dossier_with_supporting_sentences() {
    let dir = tempfile::tempdir().expect("temp dir");
    let g = fixture(dir.path());
    let out = run(&["show", g.to_str().expect("utf-8 path"), "ruiz"]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with("Ana Ruiz\n  Person · also called Ruiz"),
        "{text}"
    );
    assert!(
        text.contains("Offices\n  • Foreign Minister of Chile\n"),
        "{text}"
    );
    assert!(
        text.contains("↳ [article1] Foreign Minister Ana Ruiz of Chile arrived in Lima on Monday."),
        "{text}"
    );
}

#[test]
fn show_of_an_unknown_name_fails_with_suggestions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let g = fixture(dir.path());
    let out = run(&["show", g.to_str().expect("utf-8 path"), "Ana Ruis"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no entity named \"Ana Ruis\""), "{err}");
    assert!(err.contains("did you mean Ana Ruiz?"), "{err}");
}

#[test]
fn query_prints_table_json_and_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let g = fixture(dir.path());
    let g = g.to_str().expect("utf-8 path");
    let q = "MATCH (p:Person)-[h:HOLDS_OFFICE]->(c) RETURN p, h.title AS title, c.name AS country";
    let table = stdout(&run(&["query", g, "-e", q]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[1].contains("title") && lines[1].contains("country"),
        "{table}"
    );
    assert!(
        lines[3].contains("(:Person {name: \"Ana Ruiz\"})")
            && lines[3].contains("Foreign Minister"),
        "{table}"
    );
    assert_eq!(lines.last(), Some(&"1 row"));

    let json = stdout(&run(&["query", g, "-e", q, "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["columns"][1], "title");
    assert_eq!(v["rows"][0]["p"]["properties"]["name"], "Ana Ruiz");
    assert_eq!(v["rows"][0]["country"], "Chile");

    let csv = stdout(&run(&["query", g, "-e", q, "--format", "csv"]));
    assert_eq!(
        csv,
        "p,title,country\n\"(:Person {name: \"\"Ana Ruiz\"\"})\",Foreign Minister,Chile\n"
    );

    let bad = run(&["query", g, "-e", "MATCH (p RETURN p"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("syntax error at line 1, column 10"), "{err}");
    assert!(err.contains("^"), "{err}");
}
