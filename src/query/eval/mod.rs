//! Expression evaluation against one row of variable bindings.

pub mod aggregate;
mod expr;
pub mod functions;
mod row;

use super::error::{QueryError, RuntimeKind};
use super::value::Value;
use super::{Limits, Params};
use crate::graph::Graph;
use std::time::Instant;

pub use row::Row;

/// Result shorthand.
pub type R<T> = Result<T, QueryError>;

/// Prefix of the hidden row entries that hold computed aggregates.
pub const AGG_PREFIX: &str = "\u{0}agg";

/// Everything an expression needs besides its row: the graph, parameters and limits.
pub struct Eval<'a> {
    pub graph: &'a Graph,
    pub params: &'a Params,
    pub limits: &'a Limits,
    pub deadline: Instant,
    /// List elements built so far (ranges, comprehensions, concatenations), bounded so that an
    /// expression cannot exhaust memory.
    pub built: std::cell::Cell<usize>,
    /// Set when a variable-length pattern without an upper bound stopped at
    /// [`Limits::max_depth`] although its paths went on, or a shortest path search stopped
    /// there before reaching a target (reported as a notice).
    pub depth_cut: &'a std::cell::Cell<bool>,
}

impl Eval<'_> {
    /// Fails when the query has run past its time limit.
    pub fn check_time(&self) -> R<()> {
        if self.limits.cancel.is_set() {
            return Err(QueryError::runtime(
                RuntimeKind::Cancelled,
                "the query was cancelled",
            ));
        }
        if Instant::now() > self.deadline {
            return Err(QueryError::runtime(
                RuntimeKind::Timeout,
                format!(
                    "the query ran longer than the time limit of {:?}",
                    self.limits.timeout
                ),
            ));
        }
        Ok(())
    }

    /// Counts `n` list elements built by an expression; fails past 10 × the row limit, and
    /// checks the time limit now and then.
    pub fn charge(&self, n: usize) -> R<()> {
        let before = self.built.get();
        let total = before.saturating_add(n);
        self.built.set(total);
        let cap = self.limits.max_rows.saturating_mul(10);
        if total > cap {
            return Err(QueryError::runtime(
                RuntimeKind::RowLimit,
                format!(
                    "the query built lists with more than {cap} elements in all (10 x the row limit)"
                ),
            ));
        }
        if before / 4096 != total / 4096 {
            self.check_time()?;
        }
        Ok(())
    }

    /// Fails when a result or intermediate table grows past the row limit.
    pub fn check_rows(&self, n: usize) -> R<()> {
        if n > self.limits.max_rows {
            return Err(QueryError::runtime(
                RuntimeKind::RowLimit,
                format!(
                    "the query produced more than {} rows (the row limit)",
                    self.limits.max_rows
                ),
            ));
        }
        Ok(())
    }
}

/// Three-valued truth of a value used as a predicate (`None` = null).
pub fn truth(v: &Value) -> R<Option<bool>> {
    match v {
        Value::Bool(b) => Ok(Some(*b)),
        Value::Null => Ok(None),
        other => Err(QueryError::type_error(format!(
            "expected a boolean, got {}",
            other.type_name()
        ))),
    }
}
