//! GraphML: NetworkX (from PyPI) reads the export, and every node, relationship, property value
//! and property type comes back as written (skipped with a note when no such Python is found).

mod export_support;

use export_support::{hostile_graph, python_with, run_python, sample_graph};
use newsgraph::export::{self, Format, describe::display_name, flat::sources_json};
use newsgraph::graph::{Graph, Value};
use serde_json::{Map, Value as J, json};

const READ: &str = r#"
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
out = {"directed": g.is_directed(),
       "nodes": {n: d for n, d in g.nodes(data=True)},
       "edges": {str(k): [u, v, d] for u, v, k, d in g.edges(keys=True, data=True)}}
print(json.dumps(out))
"#;

/// What XML 1.0 can carry of a string (the export drops the rest).
fn xml_clean(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !matches!(c, '\u{FFFE}' | '\u{FFFF}')
                && (!c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        })
        .collect()
}

fn key(name: &str, builtins: &[&str]) -> String {
    let name = xml_clean(name);
    if builtins.contains(&name.trim_start_matches('_')) {
        format!("_{name}")
    } else {
        name
    }
}

fn expected_props(
    m: &mut Map<String, J>,
    props: &newsgraph::graph::Props,
    builtins: &[&str],
    doubles: &[&str],
) {
    for (k, v) in props {
        let j = match v {
            Value::Null => continue,
            Value::Bool(b) => json!(b),
            Value::Int(i) if doubles.contains(&k.as_str()) => json!(*i as f64),
            Value::Int(i) => json!(i),
            Value::Float(f) => json!(f),
            Value::String(s) => json!(xml_clean(s)),
            other => json!(xml_clean(&other.to_json().to_string())),
        };
        if j == json!("") {
            continue; // NetworkX leaves empty strings out.
        }
        m.insert(key(k, builtins), j);
    }
}

fn check(py: &std::path::Path, g: &Graph) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.graphml");
    let mut out = Vec::new();
    export::export(g, None, Format::Graphml, &mut out).unwrap();
    std::fs::write(&file, &out).unwrap();
    let got: J = serde_json::from_str(&run_python(py, READ, &[file.to_str().unwrap()])).unwrap();
    assert_eq!(got["directed"], json!(true));
    let nodes = got["nodes"].as_object().unwrap();
    assert_eq!(nodes.len(), g.node_count());
    for id in g.node_ids() {
        let n = g.node(id).unwrap();
        let mut want = Map::new();
        let labels: String = n.labels.iter().map(|l| format!(":{l}")).collect();
        for (k, v) in [
            ("labels", labels),
            ("label", display_name(n)),
            ("sources", sources_json(g, &n.sources)),
        ] {
            if !xml_clean(&v).is_empty() {
                want.insert(k.into(), json!(xml_clean(&v)));
            }
        }
        expected_props(&mut want, &n.props, &["labels", "label", "sources"], &[]);
        assert_eq!(
            nodes[&format!("n{}", id.index())],
            J::Object(want),
            "node {}",
            id.index()
        );
    }
    let edges = got["edges"].as_object().unwrap();
    assert_eq!(edges.len(), g.edge_count());
    for id in g.edge_ids() {
        let e = g.edge(id).unwrap();
        let (a, b) = g.edge_endpoints(id).unwrap();
        let mut want = Map::new();
        for (k, v) in [
            ("type", e.rel_type.to_string()),
            ("sources", sources_json(g, &e.sources)),
        ] {
            if !xml_clean(&v).is_empty() {
                want.insert(k.into(), json!(xml_clean(&v)));
            }
        }
        expected_props(&mut want, &e.props, &["type", "sources"], &[]);
        let got = &edges[&format!("e{}", id.index())];
        assert_eq!(got[0], json!(format!("n{}", a.index())));
        assert_eq!(got[1], json!(format!("n{}", b.index())));
        assert_eq!(got[2], J::Object(want), "edge {}", id.index());
    }
}

#[test]
fn networkx_reads_typed_keys_of_the_sample_graph() {
    let Some(py) = python_with(&["networkx"]) else {
        return;
    };
    let mut g = sample_graph();
    let ana = g.nodes_named("Ana Ñúñez")[0];
    g.update_node(ana, |n| {
        n.props.insert("age".into(), Value::Int(61));
        n.props.insert("active".into(), Value::Bool(true));
        n.props
            .insert("labels".into(), "a property called labels".into());
        n.props.insert(
            "meta".into(),
            Value::Map([("k".to_string(), Value::Int(1))].into()),
        );
    });
    check(&py, &g);
}

#[test]
fn networkx_reads_hostile_graphs() {
    let Some(py) = python_with(&["networkx"]) else {
        return;
    };
    for seed in 1..=6 {
        check(&py, &hostile_graph(seed, 10));
    }
}
