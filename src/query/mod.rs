//! The query language: a subset of openCypher, parsed with pest (grammar/query.pest) into a typed
//! AST, then executed against the graph.

use crate::graph::{EdgeId, Graph, NodeId};
use std::collections::BTreeMap;
use thiserror::Error;

/// A runtime value: property values plus graph elements and paths.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
    Node(NodeId),
    Rel(EdgeId),
    /// Alternating nodes and relationships: `nodes.len() == rels.len() + 1`.
    Path {
        nodes: Vec<NodeId>,
        rels: Vec<EdgeId>,
    },
}

/// The table a query returns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Parameters (`$name`) given to a query.
pub type Params = BTreeMap<String, Value>;

/// Limits that keep a query from running away.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Maximum hops of a variable-length or shortest-path pattern without an explicit upper bound.
    pub max_depth: usize,
    /// Maximum number of intermediate or result rows.
    pub max_rows: usize,
    /// Maximum run time.
    pub timeout: std::time::Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 10,
            max_rows: 1_000_000,
            timeout: std::time::Duration::from_secs(30),
        }
    }
}

/// Why a query failed.
#[derive(Debug, Error)]
pub enum QueryError {
    #[error("syntax error at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("not supported yet: {0}")]
    Unsupported(String),
}

/// Parses and runs a query.
pub fn execute(
    _graph: &mut Graph,
    query: &str,
    _params: &Params,
    _limits: &Limits,
) -> Result<QueryResult, QueryError> {
    Err(QueryError::Unsupported(query.to_string()))
}
