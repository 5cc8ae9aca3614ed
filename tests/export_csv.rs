//! CSV for neo4j-admin and Kuzu: a differential test loads the folder into Kuzu (from PyPI) with
//! the generated `kuzu-load.cypher`, runs the same Cypher queries there and in newsgraph, and
//! compares the answers (skipped with a note when no Python with `kuzu` is found).

mod common;
mod export_support;

use export_support::{hostile_graph, python_with, run_python, sample_graph};
use newsgraph::export::csv::write_dir;
use newsgraph::graph::Graph;
use newsgraph::query::{self, Value};
use serde_json::{Value as J, json};

const KUZU: &str = r#"
import json, os, sys, kuzu
folder, queries = sys.argv[1], json.loads(sys.argv[2])
os.chdir(folder)
conn = kuzu.Connection(kuzu.Database(os.path.join(folder, "kuzu.db")))
for line in open("kuzu-load.cypher", encoding="utf-8"):
    if line.strip() and not line.startswith("//"):
        conn.execute(line)
answers = []
for q in queries:
    r = conn.execute(q)
    rows = []
    while r.has_next():
        rows.append(r.get_next())
    answers.append(rows)
print(json.dumps(answers))
"#;

fn to_json(v: &Value) -> J {
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Float(f) => json!(f),
        Value::String(s) => json!(s),
        Value::List(items) => J::Array(items.iter().map(to_json).collect()),
        other => json!(format!("{other:?}")),
    }
}

/// The answers newsgraph's own query engine gives.
fn newsgraph_answers(g: &Graph, queries: &[String]) -> Vec<J> {
    let mut g = g.clone();
    queries
        .iter()
        .map(|q| {
            let r = query::execute(&mut g, q, &Default::default(), &Default::default())
                .unwrap_or_else(|e| panic!("{q}: {e}"));
            J::Array(
                r.rows
                    .iter()
                    .map(|row| J::Array(row.iter().map(to_json).collect()))
                    .collect(),
            )
        })
        .collect()
}

fn kuzu_answers(py: &std::path::Path, g: &Graph, queries: &[String]) -> Vec<J> {
    let dir = tempfile::tempdir().unwrap();
    write_dir(g, None, dir.path()).unwrap();
    let out = run_python(
        py,
        KUZU,
        &[
            dir.path().to_str().unwrap(),
            &serde_json::to_string(queries).unwrap(),
        ],
    );
    serde_json::from_str::<Vec<J>>(&out).unwrap()
}

#[test]
fn kuzu_and_newsgraph_answer_the_same_queries() {
    let Some(py) = python_with(&["kuzu"]) else {
        return;
    };
    let g = sample_graph();
    let mut queries: Vec<String> = newsgraph::graph::schema::ALL_LABELS
        .iter()
        .map(|l| format!("MATCH (n:{l}) RETURN count(n) AS c"))
        .collect();
    queries.extend(
        newsgraph::graph::schema::ALL_REL_TYPES
            .iter()
            .map(|t| format!("MATCH ()-[r:{t}]->() RETURN count(r) AS c")),
    );
    queries.extend(
        [
            "MATCH (p:Person)-[h:HOLDS_OFFICE]->(c:Country) RETURN p.name AS pn, h.title AS t, h.former AS f, c.name AS cn ORDER BY pn, t",
            "MATCH (p:Person)-[:HOLDS_OFFICE {former: false}]->(o) RETURN p.name AS pn, o.name AS onm ORDER BY pn, onm",
            "MATCH (p:Person)-[:SAID]->(s:Statement) RETURN p.name AS pn, s.text AS t, s.date AS d ORDER BY pn",
            "MATCH (x)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.name AS mn, count(x) AS n ORDER BY mn",
            "MATCH (m:Meeting)-[:HELD_IN]->(p:Place)-[:LOCATED_IN]->(c:Country) RETURN m.name AS mn, m.date AS d, m.score AS s, p.name AS pn, c.name AS cn",
            "MATCH (c:Country) RETURN c.name AS cn, c.aliases AS a ORDER BY cn",
            "MATCH (p:Person) WHERE p.name CONTAINS 'Lindqvist' RETURN p.name AS pn ORDER BY pn",
            "MATCH (e)-[r:MENTIONED_IN]->(d:Document) WHERE r.count > 1 RETURN e.name AS en, r.count AS c, d.title AS t ORDER BY en",
            "MATCH (a:Person)-[:RELATIVE_OF]->(b:Person)-[:HOLDS_OFFICE]->(o:Organization) RETURN a.name AS an, b.name AS bn, o.name AS onm",
        ]
        .map(String::from),
    );
    let ours = newsgraph_answers(&g, &queries);
    let theirs = kuzu_answers(&py, &g, &queries);
    assert_eq!(ours.len(), theirs.len());
    for ((q, a), b) in queries.iter().zip(&ours).zip(&theirs) {
        assert_eq!(a, b, "answers differ for {q}");
    }
    // Sanity: the queries are not trivially empty.
    assert!(
        ours.iter()
            .filter(|a| a.as_array().is_some_and(|r| !r.is_empty()))
            .count()
            >= 20
    );
}

#[test]
fn kuzu_loads_hostile_graphs_completely() {
    let Some(py) = python_with(&["kuzu"]) else {
        return;
    };
    for seed in 1..=4 {
        let g = hostile_graph(seed, 12);
        let q = vec![
            "MATCH (n) RETURN count(n)".to_string(),
            "MATCH ()-[r]->() RETURN count(r)".to_string(),
        ];
        let got = kuzu_answers(&py, &g, &q);
        assert_eq!(got[0], json!([[g.node_count()]]), "seed {seed}");
        assert_eq!(got[1], json!([[g.edge_count()]]), "seed {seed}");
    }
}

#[test]
fn csv_files_follow_neo4j_admin_headers() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_dir(&sample_graph(), None, dir.path()).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for want in [
        "nodes_Person.csv",
        "nodes_Statement.csv",
        "rels_HOLDS_OFFICE.csv",
        "kuzu-load.cypher",
        "neo4j-admin-import.sh",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
    let person = std::fs::read_to_string(dir.path().join("nodes_Person.csv")).unwrap();
    assert_eq!(
        person.lines().next().unwrap(),
        ":ID,:LABEL,aliases:string[],name:string,sources:string"
    );
    assert!(
        person.contains("\"Bo \"\"The Hat\"\" Lindqvist\""),
        "{person}"
    );
    let offices = std::fs::read_to_string(dir.path().join("rels_HOLDS_OFFICE.csv")).unwrap();
    assert_eq!(
        offices.lines().next().unwrap(),
        ":START_ID,:END_ID,:TYPE,former:boolean,title:string,sources:string,:IGNORE,:IGNORE"
    );
    let sh = std::fs::read_to_string(dir.path().join("neo4j-admin-import.sh")).unwrap();
    assert!(
        sh.contains("--nodes='nodes_Person.csv'") && sh.contains("--relationships='rels_SAID.csv'")
    );
    // Without -o DIR the CLI says what it needs.
    let out = common::run(&["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}

#[test]
fn kuzu_and_newsgraph_agree_on_the_seed_graph() {
    let Some(py) = python_with(&["kuzu"]) else {
        return;
    };
    let (g, _) = newsgraph::inputs::open(&[common::seeds()]).unwrap();
    let mut queries = vec![
        "MATCH (n) RETURN count(n) AS c".to_string(),
        "MATCH ()-[r]->() RETURN count(r) AS c".to_string(),
    ];
    for (label, _) in g.label_counts() {
        queries.push(format!("MATCH (n:{label}) RETURN count(n) AS c"));
        let named = g
            .nodes_with_label(&label)
            .iter()
            .any(|&n| g.node(n).is_some_and(|n| n.props.contains_key("name")));
        if named {
            queries.push(format!(
                "MATCH (n:{label}) RETURN n.name AS nm ORDER BY nm LIMIT 20"
            ));
        }
    }
    let types: Vec<String> = g.rel_type_counts().into_iter().map(|(t, _)| t).collect();
    for t in &types {
        queries.push(format!("MATCH ()-[r:{t}]->() RETURN count(r) AS c"));
    }
    if types.iter().any(|t| t == "HOLDS_OFFICE") {
        queries.push("MATCH (p)-[h:HOLDS_OFFICE]->(o) RETURN p.name AS pn, h.title AS t, o.name AS onm ORDER BY pn, t, onm".into());
    }
    if types.iter().any(|t| t == "SAID") {
        queries
            .push("MATCH (p)-[:SAID]->(s) RETURN p.name AS pn, s.text AS t ORDER BY pn, t".into());
    }
    let ours = newsgraph_answers(&g, &queries);
    let theirs = kuzu_answers(&py, &g, &queries);
    for ((q, a), b) in queries.iter().zip(&ours).zip(&theirs) {
        assert_eq!(a, b, "answers differ for {q}");
    }
}
