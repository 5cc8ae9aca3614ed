//! `:schema` and `:stats`: what the graph contains, with counts.

use crate::graph::Graph;
use comfy_table::{Table, presets};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Labels, relationship types (with the labels they connect) and property keys, with counts.
pub fn schema(g: &Graph) -> String {
    let mut out = String::new();
    let mut labels = Table::new();
    labels.load_style(presets::UTF8_FULL_CONDENSED);
    labels.set_header(vec![
        "label",
        "nodes",
        "property keys (nodes that have them)",
    ]);
    let mut keys: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for id in g.node_ids() {
        let Some(n) = g.node(id) else { continue };
        for l in &n.labels {
            let m = keys.entry(l.as_str()).or_default();
            for k in n.props.keys() {
                *m.entry(k.as_str()).or_default() += 1;
            }
        }
    }
    for (label, count) in g.label_counts() {
        let props = keys
            .get(label.as_str())
            .map(|m| {
                m.iter()
                    .map(|(k, n)| format!("{k} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        labels.add_row(vec![format!(":{label}"), count.to_string(), props]);
    }
    if g.node_count() == 0 {
        return "(empty graph: :load PATH extracts articles into it)".into();
    }
    let _ = writeln!(out, "{labels}");

    let mut patterns: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let mut rel_keys: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for e in g.edge_ids() {
        let (Some(edge), Some((a, b))) = (g.edge(e), g.edge_endpoints(e)) else {
            continue;
        };
        let first = |n| {
            g.node(n)
                .and_then(|x| x.labels.first().cloned())
                .unwrap_or_default()
        };
        *patterns
            .entry((edge.rel_type.to_string(), first(a), first(b)))
            .or_default() += 1;
        let m = rel_keys.entry(edge.rel_type.as_str()).or_default();
        for k in edge.props.keys() {
            *m.entry(k.as_str()).or_default() += 1;
        }
    }
    let mut rels = Table::new();
    rels.load_style(presets::UTF8_FULL_CONDENSED);
    rels.set_header(vec!["relationship", "count", "property keys", "connects"]);
    for (ty, count) in g.rel_type_counts() {
        let props = rel_keys
            .get(ty.as_str())
            .map(|m| {
                m.iter()
                    .map(|(k, n)| format!("{k} ({n})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let connects = patterns
            .iter()
            .filter(|((t, _, _), _)| *t == ty)
            .map(|((_, a, b), n)| format!("(:{a})→(:{b}) {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        rels.add_row(vec![format!("[:{ty}]"), count.to_string(), props, connects]);
    }
    if g.edge_count() == 0 {
        out.push_str("(no relationships)");
    } else {
        let _ = write!(out, "{rels}");
    }
    out
}

/// Sizes: documents, nodes, relationships, provenance spans, and whether there are unsaved changes.
pub fn stats(g: &Graph, file: Option<&std::path::Path>) -> String {
    let spans: usize = g
        .node_ids()
        .filter_map(|n| g.node(n))
        .map(|n| n.sources.len())
        .sum::<usize>()
        + g.edge_ids()
            .filter_map(|e| g.edge(e))
            .map(|e| e.sources.len())
            .sum::<usize>();
    let text_bytes: usize = g.documents().iter().map(|d| d.text.len()).sum();
    let isolated = g
        .node_ids()
        .filter(|n| {
            g.edges_of(*n, petgraph::Direction::Outgoing)
                .next()
                .is_none()
                && g.edges_of(*n, petgraph::Direction::Incoming)
                    .next()
                    .is_none()
        })
        .count();
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    let mut row = |k: &str, v: String| {
        t.add_row(vec![k.to_string(), v]);
    };
    row(
        "file",
        file.map_or("(not saved yet)".into(), |f| f.display().to_string()),
    );
    row(
        "unsaved changes",
        if g.dirty { "yes" } else { "no" }.to_string(),
    );
    row("documents", g.documents().len().to_string());
    row("text", format!("{text_bytes} bytes"));
    row("nodes", g.node_count().to_string());
    row("relationships", g.edge_count().to_string());
    row("labels", g.label_counts().len().to_string());
    row("relationship types", g.rel_type_counts().len().to_string());
    row("nodes without relationships", isolated.to_string());
    row("source spans", spans.to_string());
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    #[test]
    fn schema_counts_labels_keys_and_patterns() {
        let mut g = Graph::new();
        let mut p = Node::new("Person");
        p.props.insert("name".into(), "Ana".into());
        let a = g.add_node(p);
        let b = g.add_node(Node::new("Country"));
        let mut e = Edge::new("HOLDS_OFFICE");
        e.props.insert("title".into(), "Minister".into());
        g.add_edge(a, b, e);
        let s = schema(&g);
        assert!(s.contains(":Person"), "{s}");
        assert!(s.contains("name (1)"), "{s}");
        assert!(s.contains("[:HOLDS_OFFICE]"), "{s}");
        assert!(s.contains("(:Person)→(:Country) 1"), "{s}");
        assert!(s.contains("title (1)"), "{s}");
        let st = stats(&g, None);
        assert!(st.contains("nodes"), "{st}");
        assert!(st.contains("(not saved yet)"), "{st}");
    }
}
