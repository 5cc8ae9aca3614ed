//! Reading JSON Lines in the shape of Neo4j's APOC export (what [`super::jsonl`] writes) back into a
//! graph. A newsgraph export round-trips unchanged: node and relationship ids (holes included),
//! labels, properties and source spans come back as they were, so exporting the imported graph
//! gives the same bytes. Documents come back whole (text and hash included) from the optional
//! `"document"` lines of `export --documents`; without them they are rebuilt from the Document
//! nodes (id, file, title, date) and have no text.

use crate::graph::{DocId, DocumentInfo, Edge, Graph, Node, NodeId, Span, Value, schema};
use serde_json::Value as J;
use std::collections::HashMap;
use std::io::BufRead;
use thiserror::Error;

/// Why a JSON Lines file could not be imported. Every variant names the input and the line.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}:{column}: invalid JSON: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}:{line}: {message}")]
    Shape {
        file: String,
        line: usize,
        message: String,
    },
}

/// Ids far beyond the number of records are not kept as positions (that would need placeholders
/// for every missing id); such files are renumbered in file order instead.
const MAX_HOLES: u64 = 1 << 16;

struct NodeRec {
    line: usize,
    id: String,
    node: Node,
}

struct EdgeRec {
    line: usize,
    id: String,
    start: String,
    end: String,
    edge: Edge,
}

/// Document ids in order of first appearance, with an index for lookups.
#[derive(Default)]
struct DocIds {
    order: Vec<String>,
    index: HashMap<String, usize>,
}

impl DocIds {
    fn get_or_add(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.order.push(id.to_string());
        self.index.insert(id.to_string(), self.order.len() - 1);
        self.order.len() - 1
    }
    fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }
}

/// Spans in the export's shape (`{"doc": "<document id>", "start": n, "end": n}`), with document
/// ids resolved through `docs` (new ids are appended). `None` if the value has another shape.
fn spans(v: &J, docs: &mut DocIds) -> Option<Vec<Span>> {
    let mut out = Vec::new();
    for s in v.as_array()? {
        let o = s.as_object()?;
        let doc = o.get("doc")?.as_str()?;
        let start = u32::try_from(o.get("start")?.as_u64()?).ok()?;
        let end = u32::try_from(o.get("end")?.as_u64()?).ok()?;
        let idx = docs.get_or_add(doc);
        out.push(Span {
            doc: idx as DocId,
            start,
            end,
        });
    }
    Some(out)
}

/// Splits an export's `properties` object into properties and source spans.
fn props_and_sources(
    v: Option<&J>,
    docs: &mut DocIds,
) -> Result<(crate::graph::Props, Vec<Span>), String> {
    let mut props = crate::graph::Props::new();
    let mut sources = Vec::new();
    match v {
        None | Some(J::Null) => {}
        Some(J::Object(o)) => {
            for (k, v) in o {
                if k == "sources"
                    && let Some(s) = spans(v, docs)
                {
                    sources = s;
                    continue;
                }
                props.insert(k.as_str().into(), Value::from_json(v));
            }
        }
        Some(_) => return Err("\"properties\" must be an object".into()),
    }
    Ok((props, sources))
}

fn id_of(v: Option<&J>) -> Option<String> {
    match v? {
        J::String(s) => Some(s.clone()),
        J::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads JSON Lines from `reader`; `file` names the input in error messages.
pub fn read_jsonl(reader: impl BufRead, file: &str) -> Result<Graph, ImportError> {
    let shape = |line: usize, message: String| ImportError::Shape {
        file: file.to_string(),
        line,
        message,
    };
    let mut docs = DocIds::default();
    let mut doc_info: HashMap<String, (DocumentInfo, Option<Option<String>>)> = HashMap::new();
    let mut nodes: Vec<NodeRec> = Vec::new();
    let mut edges: Vec<EdgeRec> = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = line.map_err(|source| ImportError::Io {
            file: file.to_string(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let obj: J = serde_json::from_str(&line).map_err(|e| ImportError::Json {
            file: file.to_string(),
            line: n,
            column: e.column(),
            message: e.to_string(),
        })?;
        let Some(o) = obj.as_object() else {
            return Err(shape(n, "expected a JSON object".into()));
        };
        let id = id_of(o.get("id")).ok_or_else(|| shape(n, "missing \"id\"".into()))?;
        if o.get("type").and_then(J::as_str) == Some("document") {
            let text = |k: &str| o.get(k).and_then(J::as_str).map(str::to_string);
            if docs.contains(&id) {
                return Err(shape(
                    n,
                    format!("document {id:?} appears twice or after its use"),
                ));
            }
            docs.get_or_add(&id);
            let info = DocumentInfo {
                id: id.clone(),
                file: text("file").unwrap_or_default(),
                title: text("title"),
                date: text("date"),
                hash: text("hash").unwrap_or_default(),
                text: text("text").unwrap_or_default(),
                node: None,
            };
            // The Document node's id: given (or null) by newsgraph's export; looked up by name if absent.
            let node = o.get("node").map(|v| id_of(Some(v)));
            doc_info.insert(id, (info, node));
            continue;
        }
        let (props, sources) =
            props_and_sources(o.get("properties"), &mut docs).map_err(|m| shape(n, m))?;
        match o.get("type").and_then(J::as_str) {
            Some("node") => {
                let labels = match o.get("labels") {
                    None | Some(J::Null) => Vec::new(),
                    Some(J::Array(a)) => a
                        .iter()
                        .map(|l| l.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| shape(n, "\"labels\" must be strings".into()))?,
                    Some(_) => return Err(shape(n, "\"labels\" must be a list".into())),
                };
                nodes.push(NodeRec {
                    line: n,
                    id,
                    node: Node {
                        labels,
                        props,
                        sources,
                    },
                });
            }
            Some("relationship") => {
                let rel_type = o
                    .get("label")
                    .or_else(|| o.get("rel_type"))
                    .and_then(J::as_str)
                    .ok_or_else(|| {
                        shape(n, "relationship without a \"label\" (its type)".into())
                    })?;
                let end_id = |k: &str| {
                    id_of(o.get(k).and_then(|e| e.get("id")))
                        .ok_or_else(|| shape(n, format!("relationship without \"{k}\".\"id\"")))
                };
                edges.push(EdgeRec {
                    line: n,
                    id,
                    start: end_id("start")?,
                    end: end_id("end")?,
                    edge: Edge {
                        rel_type: rel_type.into(),
                        props,
                        sources,
                    },
                });
            }
            other => {
                return Err(shape(
                    n,
                    format!("\"type\" must be \"node\" or \"relationship\", found {other:?}"),
                ));
            }
        }
    }
    build(nodes, edges, docs.order, doc_info, &shape)
}

/// The numeric ids of `ids` if they can be kept as positions, else `None`.
fn positions<'a>(ids: impl Iterator<Item = &'a String>, count: usize) -> Option<Vec<u64>> {
    let v: Vec<u64> = ids.map(|s| s.parse::<u64>().ok()).collect::<Option<_>>()?;
    let max = v.iter().copied().max().unwrap_or(0);
    (max < count as u64 + MAX_HOLES).then_some(v)
}

fn build(
    nodes: Vec<NodeRec>,
    edges: Vec<EdgeRec>,
    docs: Vec<String>,
    mut doc_info: HashMap<String, (DocumentInfo, Option<Option<String>>)>,
    shape: &dyn Fn(usize, String) -> ImportError,
) -> Result<Graph, ImportError> {
    let mut g = Graph::new();
    // Nodes, at their original positions when the ids allow it.
    let mut by_id: HashMap<String, NodeId> = HashMap::new();
    let node_pos = positions(nodes.iter().map(|r| &r.id), nodes.len());
    let mut order: Vec<(u64, NodeRec)> = match node_pos {
        Some(p) => p.into_iter().zip(nodes).collect(),
        None => (0u64..).zip(nodes).collect(),
    };
    order.sort_by_key(|(p, _)| *p);
    let mut placeholders = Vec::new();
    let mut next = 0u64;
    for (pos, rec) in order {
        if by_id.contains_key(&rec.id) {
            return Err(shape(
                rec.line,
                format!("node id {:?} appears twice", rec.id),
            ));
        }
        while next < pos {
            placeholders.push(g.add_node(Node::default()));
            next += 1;
        }
        by_id.insert(rec.id, g.add_node(rec.node));
        next += 1;
    }
    // Relationships likewise; placeholder relationships hang off any node and are removed below.
    let edge_pos = positions(edges.iter().map(|r| &r.id), edges.len());
    let mut eorder: Vec<(u64, EdgeRec)> = match edge_pos {
        Some(p) => p.into_iter().zip(edges).collect(),
        None => (0u64..).zip(edges).collect(),
    };
    eorder.sort_by_key(|(p, _)| *p);
    let anchor = g.node_ids().next();
    let mut seen_edges = std::collections::HashSet::new();
    let mut edge_placeholders = Vec::new();
    let mut next = 0u64;
    for (pos, rec) in eorder {
        if !seen_edges.insert(rec.id.clone()) {
            return Err(shape(
                rec.line,
                format!("relationship id {:?} appears twice", rec.id),
            ));
        }
        let find = |id: &str| {
            by_id.get(id).copied().ok_or_else(|| {
                shape(
                    rec.line,
                    format!("relationship {:?} refers to unknown node {id:?}", rec.id),
                )
            })
        };
        let (a, b) = (find(&rec.start)?, find(&rec.end)?);
        while next < pos {
            if let Some(x) = anchor.and_then(|n| g.add_edge(n, n, Edge::default())) {
                edge_placeholders.push(x);
            }
            next += 1;
        }
        g.add_edge(a, b, rec.edge);
        next += 1;
    }
    for e in edge_placeholders {
        g.remove_edge(e);
    }
    for n in placeholders {
        g.remove_node(n);
    }
    // Documents: metadata from the Document node named by each document id (the first one).
    let mut doc_nodes: HashMap<String, NodeId> = HashMap::new();
    for &n in g.nodes_with_label(schema::DOCUMENT) {
        if let Some(name) = g.node(n).and_then(Node::name) {
            doc_nodes.entry(name.to_string()).or_insert(n);
        }
    }
    for doc in docs {
        let node = doc_nodes.get(&doc).copied();
        let get = |k: &str| {
            node.and_then(|n| g.node(n))
                .and_then(|n| n.props.get(k))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let info = match doc_info.remove(&doc) {
            Some((full, Some(given))) => DocumentInfo {
                node: given.and_then(|id| by_id.get(&id).copied()),
                ..full
            },
            Some((full, None)) => DocumentInfo { node, ..full },
            None => DocumentInfo {
                file: get("file").unwrap_or_default(),
                title: get("title"),
                date: get("date"),
                hash: String::new(),
                text: String::new(),
                node,
                id: doc,
            },
        };
        g.add_document(info);
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Result<Graph, ImportError> {
        read_jsonl(s.as_bytes(), "t.jsonl")
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = read("{\"type\":\"node\",\"id\":\"0\"}\n{oops")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("t.jsonl:2:"), "{e}");
        let e = read("{\"type\":\"relationship\",\"id\":\"0\",\"label\":\"R\",\"start\":{\"id\":\"1\"},\"end\":{\"id\":\"2\"}}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.jsonl:1") && e.contains("unknown node"), "{e}");
        let e = read("{\"type\":\"node\",\"id\":\"0\"}\n\n{\"type\":\"node\",\"id\":\"0\"}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("t.jsonl:3") && e.contains("twice"), "{e}");
        let e = read("[1]").unwrap_err().to_string();
        assert!(e.contains("object"), "{e}");
    }

    #[test]
    fn ids_keep_their_positions_and_huge_ids_are_renumbered() {
        let g = read(
            "{\"type\":\"node\",\"id\":\"3\",\"labels\":[\"A\"]}\n{\"type\":\"node\",\"id\":\"1\",\"labels\":[\"B\"]}",
        )
        .unwrap();
        let ids: Vec<usize> = g.node_ids().map(|n| n.index()).collect();
        assert_eq!(ids, vec![1, 3]);
        let g =
            read("{\"type\":\"node\",\"id\":\"99999999999\"}\n{\"type\":\"node\",\"id\":\"x\"}")
                .unwrap();
        assert_eq!(
            g.node_ids().map(|n| n.index()).collect::<Vec<_>>(),
            vec![0, 1]
        );
    }
}
