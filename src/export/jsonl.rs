//! JSON Lines in the shape of Neo4j's APOC JSON export: one node or relationship object a line.

use super::{ExportError, Subgraph};
use crate::graph::{Graph, Span};
use serde_json::{Map, Value as J, json};
use std::io::Write;

fn sources_json(graph: &Graph, sources: &[Span]) -> J {
    J::Array(
        sources
            .iter()
            .map(|s| {
                let doc = graph.document(s.doc).map_or("", |d| d.id.as_str());
                json!({"doc": doc, "start": s.start, "end": s.end})
            })
            .collect(),
    )
}

fn props_json(graph: &Graph, props: &crate::graph::Props, sources: &[Span]) -> J {
    let mut m: Map<String, J> = props
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_json()))
        .collect();
    m.insert("sources".into(), sources_json(graph, sources));
    J::Object(m)
}

/// Writes the graph (or `subset`) as JSON Lines: nodes first, then relationships, by id.
pub fn write(
    graph: &Graph,
    subset: Option<&Subgraph>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    write_with(graph, subset, false, out)
}

/// Like [`write`]; with `documents`, first one `{"type":"document",...}` line per document with
/// its metadata and full text, so [`super::import`] restores the documents too. Tools that read
/// only nodes and relationships (score.py) skip these lines.
pub fn write_with(
    graph: &Graph,
    subset: Option<&Subgraph>,
    documents: bool,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    if documents {
        for d in graph.documents() {
            let line = json!({
                "type": "document",
                "id": d.id,
                "file": d.file,
                "title": d.title,
                "date": d.date,
                "hash": d.hash,
                "text": d.text,
                "node": d.node.map(|n| n.index().to_string()),
            });
            writeln!(out, "{line}")?;
        }
    }
    for id in graph.node_ids() {
        if subset.is_some_and(|s| !s.nodes.contains(&id)) {
            continue;
        }
        let Some(n) = graph.node(id) else { continue };
        let line = json!({
            "type": "node",
            "id": id.index().to_string(),
            "labels": n.labels,
            "properties": props_json(graph, &n.props, &n.sources),
        });
        writeln!(out, "{line}")?;
    }
    for id in graph.edge_ids() {
        if subset.is_some_and(|s| !s.edges.contains(&id)) {
            continue;
        }
        let (Some(e), Some((a, b))) = (graph.edge(id), graph.edge_endpoints(id)) else {
            continue;
        };
        let labels_of = |n| graph.node(n).map(|n| n.labels.clone()).unwrap_or_default();
        let line = json!({
            "type": "relationship",
            "id": id.index().to_string(),
            "label": e.rel_type,
            "start": {"id": a.index().to_string(), "labels": labels_of(a)},
            "end": {"id": b.index().to_string(), "labels": labels_of(b)},
            "properties": props_json(graph, &e.props, &e.sources),
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}
