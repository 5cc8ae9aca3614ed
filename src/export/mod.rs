//! Exports: the graph (or a part of it) as GraphViz DOT, JSON Lines and other tools' formats.

use crate::graph::{EdgeId, Graph, NodeId};
use std::collections::BTreeSet;
use std::io::Write;
use thiserror::Error;

pub mod around;
pub mod csv;
pub mod cypher;
pub mod describe;
pub mod dot;
pub mod flat;
pub mod graphml;
pub mod import;
pub mod jsonl;
pub mod render;

pub use around::around;
pub use dot::{Cluster, DotOptions, RankDir};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GraphViz DOT.
    Dot,
    /// JSON Lines in the shape of Neo4j's APOC export.
    Jsonl,
    /// GraphML with typed keys.
    Graphml,
    /// CSV files for neo4j-admin and Kuzu (a folder: see [`csv::write_dir`]).
    Csv,
    /// A Cypher CREATE script for Neo4j and newsgraph.
    Cypher,
}

/// Options that change how a format is written (formats ignore options that are not theirs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub dot: DotOptions,
    /// JSON Lines: also write each document's metadata and text (see [`jsonl::write_with`]).
    pub jsonl_documents: bool,
}

/// A part of the graph to export (for `--query`): nodes, and relationships between them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subgraph {
    pub nodes: BTreeSet<NodeId>,
    pub edges: BTreeSet<EdgeId>,
}

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("{path}: {source}")]
    File {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("CSV export writes one file per label and type: give a folder with -o DIR")]
    NeedsDirectory,
    #[error(
        "no node is named {0:?} (names and aliases are matched ignoring case, dots and hyphens)"
    )]
    UnknownName(String),
}

/// Whether node `id` is part of the export.
pub(crate) fn node_in(subset: Option<&Subgraph>, id: NodeId) -> bool {
    subset.is_none_or(|s| s.nodes.contains(&id))
}

/// Whether relationship `id` is part of the export.
pub(crate) fn edge_in(subset: Option<&Subgraph>, id: EdgeId) -> bool {
    subset.is_none_or(|s| s.edges.contains(&id))
}

/// Writes the graph, or only `subset` when given, in `format` with default options.
pub fn export(
    graph: &Graph,
    subset: Option<&Subgraph>,
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    export_with(graph, subset, format, &Options::default(), out)
}

/// Writes the graph, or only `subset` when given, in `format` with `options`.
pub fn export_with(
    graph: &Graph,
    subset: Option<&Subgraph>,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        Format::Jsonl => jsonl::write_with(graph, subset, options.jsonl_documents, out),
        Format::Dot => dot::write(graph, subset, &options.dot, out),
        Format::Graphml => graphml::write(graph, subset, out),
        Format::Csv => Err(ExportError::NeedsDirectory),
        Format::Cypher => cypher::write(graph, subset, out),
    }
}

impl Subgraph {
    /// The graph (or `base`) without the nodes that carry one of the `hidden` labels, the
    /// relationships of one of the `hidden` types, and the relationships that touch a hidden node.
    pub fn hiding(graph: &Graph, base: Option<&Subgraph>, hidden: &[String]) -> Subgraph {
        let is_hidden = |s: &str| hidden.iter().any(|h| h == s);
        let nodes: BTreeSet<NodeId> = graph
            .node_ids()
            .filter(|&n| node_in(base, n))
            .filter(|&n| {
                graph
                    .node(n)
                    .is_some_and(|n| !n.labels.iter().any(|l| is_hidden(l)))
            })
            .collect();
        let edges = graph
            .edge_ids()
            .filter(|&e| edge_in(base, e))
            .filter(|&e| graph.edge(e).is_some_and(|e| !is_hidden(&e.rel_type)))
            .filter(|&e| {
                graph
                    .edge_endpoints(e)
                    .is_some_and(|(a, b)| nodes.contains(&a) && nodes.contains(&b))
            })
            .collect();
        Subgraph { nodes, edges }
    }

    /// The nodes, relationships and path elements found anywhere in a query result; relationships
    /// bring their endpoints along.
    pub fn from_result(graph: &Graph, result: &crate::query::QueryResult) -> Self {
        let mut sub = Subgraph::default();
        for row in &result.rows {
            for v in row {
                sub.add_value(graph, v);
            }
        }
        sub
    }

    fn add_value(&mut self, graph: &Graph, v: &crate::query::Value) {
        use crate::query::Value;
        match v {
            Value::Node(n) => {
                self.nodes.insert(*n);
            }
            Value::Rel(e) => self.add_edge(graph, *e),
            Value::Path { nodes, rels } => {
                self.nodes.extend(nodes.iter().copied());
                for e in rels {
                    self.add_edge(graph, *e);
                }
            }
            Value::List(items) => items.iter().for_each(|i| self.add_value(graph, i)),
            Value::Map(m) => m.values().for_each(|i| self.add_value(graph, i)),
            _ => {}
        }
    }

    fn add_edge(&mut self, graph: &Graph, e: EdgeId) {
        if let Some((a, b)) = graph.edge_endpoints(e) {
            self.edges.insert(e);
            self.nodes.insert(a);
            self.nodes.insert(b);
        }
    }
}
