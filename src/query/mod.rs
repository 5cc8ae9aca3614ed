//! The query language, compatible with a subset of openCypher: parsed with pest
//! (grammar/query.pest) into a typed AST ([`ast`]), checked ([`semantic`]), then executed
//! clause by clause against the graph ([`exec`]).

pub mod ast;
pub mod error;
pub mod eval;
pub mod exec;
pub mod parse;
pub mod plan;
pub mod pretty;
pub mod render;
pub mod semantic;
pub mod value;

pub use error::{QueryError, RuntimeKind, SemanticKind};
pub use value::Value;

use crate::graph::Graph;
use std::collections::BTreeMap;

/// What an updating query changed. Nodes and relationships created and deleted again by the same
/// query are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueryStats {
    pub nodes_created: usize,
    pub nodes_deleted: usize,
    pub relationships_created: usize,
    pub relationships_deleted: usize,
    pub properties_set: usize,
    pub labels_added: usize,
    pub labels_removed: usize,
}

impl QueryStats {
    /// True when the query changed nothing.
    pub fn is_empty(&self) -> bool {
        *self == QueryStats::default()
    }
}

/// The table a query returns.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// Side effects of updating clauses.
    pub stats: QueryStats,
    /// Things the user should know about the answer (e.g. a bound that cut paths short).
    pub notices: Vec<String>,
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
    /// Set from another thread (the REPL's Ctrl-C handler) to stop the query.
    pub cancel: CancelFlag,
}

/// A shared flag that asks a running query to stop; compared by identity.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Option<std::sync::Arc<std::sync::atomic::AtomicBool>>);

impl CancelFlag {
    /// A flag that follows `flag`.
    pub fn new(flag: std::sync::Arc<std::sync::atomic::AtomicBool>) -> Self {
        CancelFlag(Some(flag))
    }
    /// Whether cancellation was asked for.
    pub fn is_set(&self) -> bool {
        self.0
            .as_ref()
            .is_some_and(|f| f.load(std::sync::atomic::Ordering::SeqCst))
    }
}

impl PartialEq for CancelFlag {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 10,
            max_rows: 1_000_000,
            timeout: std::time::Duration::from_secs(30),
            cancel: CancelFlag::default(),
        }
    }
}

/// Stack size of the thread queries run on: deep (but bounded) expression nesting must not
/// overflow the caller's stack.
const QUERY_STACK: usize = 256 * 1024 * 1024;

/// Runs `f` on a helper thread with a large stack (inline if no thread can be started).
fn with_big_stack<T: Send>(
    f: impl FnOnce() -> Result<T, QueryError> + Send,
) -> Result<T, QueryError> {
    let slot = std::sync::Mutex::new(Some(f));
    let take = || slot.lock().ok().and_then(|mut g| g.take());
    let from_thread = std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("query".into())
            .stack_size(QUERY_STACK)
            .spawn_scoped(s, || take().map(|f| f()));
        match spawned {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => None,
        }
    });
    match from_thread {
        Some(r) => r,
        None => match take() {
            Some(f) => f(),
            None => Err(QueryError::runtime(
                RuntimeKind::Timeout,
                "the query could not be started",
            )),
        },
    }
}

/// Parses a query into its syntax tree (without checking or running it).
pub fn parse(query: &str) -> Result<ast::Query, QueryError> {
    with_big_stack(|| parse::parse(query))
}

/// Parses, checks and runs a query. On error the graph may hold partial updates of updating
/// queries only when the error happened at run time.
pub fn execute(
    graph: &mut Graph,
    query: &str,
    params: &Params,
    limits: &Limits,
) -> Result<QueryResult, QueryError> {
    with_big_stack(|| {
        let ast = parse::parse(query)?;
        semantic::check(&ast)?;
        if ast.explain {
            return Ok(QueryResult {
                columns: vec!["plan".into()],
                rows: plan::explain(graph, &ast)
                    .into_iter()
                    .map(|l| vec![Value::String(l)])
                    .collect(),
                ..QueryResult::default()
            });
        }
        // A query that writes would drop the lists at its first change: it walks petgraph's.
        if !is_updating(&ast) {
            graph.prepare_adjacency();
        }
        exec::run(graph, &ast, params, limits)
    })
}

/// True when the query contains an updating clause (CREATE, MERGE, SET, REMOVE, DELETE).
pub fn is_updating(query: &ast::Query) -> bool {
    query.parts.iter().any(|p| {
        p.clauses.iter().any(|c| {
            matches!(
                c,
                ast::Clause::Create(_)
                    | ast::Clause::Merge { .. }
                    | ast::Clause::Set(_)
                    | ast::Clause::Remove(_)
                    | ast::Clause::Delete { .. }
            )
        })
    })
}
