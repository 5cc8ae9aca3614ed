//! Cypher script: newsgraph replays the CREATE script into an empty graph and gets the same nodes,
//! labels, relationships and properties back (sources and values Neo4j cannot store as JSON text).

mod export_support;

use export_support::{hostile_graph, sample_graph};
use newsgraph::export::{self, Format, flat::sources_json};
use newsgraph::graph::{Graph, Props, Span, Value};
use newsgraph::query;
use std::collections::BTreeMap;

fn script(g: &Graph) -> String {
    let mut out = Vec::new();
    export::export(g, None, Format::Cypher, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// What Neo4j (and so the script) keeps of a property map.
fn storable(g: &Graph, props: &Props, sources: &[Span]) -> Props {
    let mut out: Props = props
        .iter()
        .filter(|(k, v)| k.as_str() != "sources" && !matches!(v, Value::Null))
        .map(|(k, v)| {
            let keep = match v {
                Value::Map(_) => false,
                Value::List(items) => {
                    items
                        .windows(2)
                        .all(|w| std::mem::discriminant(&w[0]) == std::mem::discriminant(&w[1]))
                        && items
                            .iter()
                            .all(|i| !matches!(i, Value::List(_) | Value::Map(_) | Value::Null))
                }
                _ => true,
            };
            let v = if keep {
                v.clone()
            } else {
                Value::String(v.to_json().to_string())
            };
            (k.clone(), v)
        })
        .collect();
    out.insert("sources".into(), Value::String(sources_json(g, sources)));
    out
}

fn replay_and_compare(g: &Graph) {
    let text = script(g);
    let mut back = Graph::new();
    let r = query::execute(&mut back, &text, &Default::default(), &Default::default())
        .unwrap_or_else(|e| panic!("replay failed: {e}\n{text}"));
    assert_eq!(r.stats.nodes_created, g.node_count());
    assert_eq!(back.node_count(), g.node_count());
    assert_eq!(back.edge_count(), g.edge_count());
    // Nodes are created in id order, so the k-th original node is the k-th replayed one.
    let pos: BTreeMap<_, _> = g.node_ids().zip(back.node_ids()).collect();
    for (a, b) in &pos {
        let (na, nb) = (g.node(*a).unwrap(), back.node(*b).unwrap());
        let labels: Vec<String> = na
            .labels
            .iter()
            .map(|l| if l.is_empty() { "_".into() } else { l.clone() })
            .collect();
        assert_eq!(nb.labels, labels);
        assert_eq!(
            nb.props,
            storable(g, &na.props, &na.sources),
            "node {}",
            a.index()
        );
    }
    for (ea, eb) in g.edge_ids().zip(back.edge_ids()) {
        let (x, y) = (g.edge(ea).unwrap(), back.edge(eb).unwrap());
        assert_eq!(
            y.rel_type,
            if x.rel_type.is_empty() {
                "_"
            } else {
                &x.rel_type
            }
        );
        assert_eq!(y.props, storable(g, &x.props, &x.sources));
        let (s, t) = g.edge_endpoints(ea).unwrap();
        assert_eq!(back.edge_endpoints(eb).unwrap(), (pos[&s], pos[&t]));
    }
}

#[test]
fn newsgraph_replays_the_sample_graph() {
    let mut g = sample_graph();
    let ana = g.nodes_named("Ana Ñúñez")[0];
    g.update_node(ana, |n| {
        n.props.insert("end".into(), Value::Int(i64::MIN));
        n.props.insert("weird key`".into(), Value::Float(-0.5));
        n.props
            .insert("mixed".into(), Value::List(vec![Value::Int(1), "a".into()]));
        n.props.insert(
            "meta".into(),
            Value::Map([("k".to_string(), Value::Bool(true))].into()),
        );
        n.props.insert(
            "nums".into(),
            Value::List(vec![Value::Float(1.5), Value::Float(2.0)]),
        );
    });
    replay_and_compare(&g);
}

#[test]
fn newsgraph_replays_hostile_graphs() {
    for seed in 1..=8 {
        replay_and_compare(&hostile_graph(seed, 12));
    }
}

#[test]
fn an_empty_graph_is_a_comment_only() {
    let s = script(&Graph::new());
    assert!(s.starts_with("//") && s.lines().count() == 1);
}

/// Kuzu, another openCypher implementation, parses and runs the script against the schema that the
/// CSV export declares (with generated keys). Kuzu reads `\n` in strings differently from Neo4j,
/// so only names and titles without escapes are compared.
#[test]
fn kuzu_runs_the_script() {
    let Some(py) = export_support::python_with(&["kuzu"]) else {
        return;
    };
    let g = sample_graph();
    let dir = tempfile::tempdir().unwrap();
    newsgraph::export::csv::write_dir(&g, None, &dir.path().join("csv")).unwrap();
    let file = dir.path().join("g.cypher");
    std::fs::write(&file, script(&g)).unwrap();
    let out = export_support::run_python(
        &py,
        r#"
import json, sys, kuzu
folder = sys.argv[1]
c = kuzu.Connection(kuzu.Database(folder + "/db"))
for line in open(folder + "/csv/kuzu-load.cypher", encoding="utf-8"):
    if line.startswith("CREATE"):
        c.execute(line.replace("ngid INT64", "ngid SERIAL"))
c.execute(open(folder + "/g.cypher", encoding="utf-8").read())
def rows(q):
    r = c.execute(q); out = []
    while r.has_next(): out.append(r.get_next())
    return out
print(json.dumps([
    rows("MATCH (n) RETURN count(n)"),
    rows("MATCH ()-[r]->() RETURN count(r)"),
    rows("MATCH (p:Person)-[h:HOLDS_OFFICE]->(c) RETURN p.name, h.title, h.former, c.name ORDER BY p.name, h.title"),
]))
"#,
        &[dir.path().to_str().unwrap()],
    );
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(got[0], serde_json::json!([[g.node_count()]]));
    assert_eq!(got[1], serde_json::json!([[g.edge_count()]]));
    assert_eq!(
        got[2],
        serde_json::json!([
            ["Ana Ñúñez", "Foreign Minister", false, "Ruritania"],
            ["Bo \"The Hat\" Lindqvist", "President", false, "Freedonia"],
            ["Cy Lindqvist", "Prime Minister", true, "Freedonia"],
            [
                "Cy Lindqvist",
                "Secretary-General",
                false,
                "Union of Lakes; \"ULA\""
            ],
        ])
    );
}
