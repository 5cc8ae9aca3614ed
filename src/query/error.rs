//! Query errors: syntax (with a caret rendering), semantic (compile-time checks) and runtime.

use thiserror::Error;

/// Compile-time checks a query can fail after it parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SemanticKind {
    UndefinedVariable,
    VariableAlreadyBound,
    VariableTypeConflict,
    InvalidAggregation,
    AmbiguousAggregation,
    UnknownFunction,
    WrongArguments,
    InvalidArgumentType,
    InvalidPattern,
    ColumnNameConflict,
    UnionMismatch,
    NoExpressionAlias,
    InvalidClauseOrder,
    IntegerOverflow,
    InvalidNumber,
    InvalidDelete,
    Unsupported,
}

/// Errors raised while a query runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuntimeKind {
    TypeError,
    ArgumentError,
    ParameterMissing,
    EntityNotFound,
    DeleteConnected,
    Overflow,
    RowLimit,
    Timeout,
    /// The user cancelled the query (Ctrl-C).
    Cancelled,
}

/// Why a query failed.
#[derive(Debug, Error)]
pub enum QueryError {
    /// The text does not parse.
    #[error("syntax error at line {line}, column {column}: {message}\n{snippet}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
        /// The offending line with a caret under the column.
        snippet: String,
    },
    /// The query parses but is not valid (unknown variable, misplaced aggregate, ...).
    #[error("invalid query: {message}")]
    Semantic { kind: SemanticKind, message: String },
    /// The query failed while running (type error, a limit was exceeded, ...).
    #[error("query failed: {message}")]
    Runtime { kind: RuntimeKind, message: String },
}

impl QueryError {
    /// A semantic error.
    pub fn semantic(kind: SemanticKind, message: impl Into<String>) -> Self {
        QueryError::Semantic {
            kind,
            message: message.into(),
        }
    }
    /// A runtime error.
    pub fn runtime(kind: RuntimeKind, message: impl Into<String>) -> Self {
        QueryError::Runtime {
            kind,
            message: message.into(),
        }
    }
    /// A runtime type error.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::runtime(RuntimeKind::TypeError, message)
    }
    /// A runtime argument error.
    pub fn argument(message: impl Into<String>) -> Self {
        Self::runtime(RuntimeKind::ArgumentError, message)
    }

    /// True for errors found before the query ran (syntax and semantic errors).
    pub fn is_compile_time(&self) -> bool {
        !matches!(self, QueryError::Runtime { .. })
    }

    /// A syntax error at a byte offset of `src`.
    pub fn syntax_at(src: &str, offset: usize, message: impl Into<String>) -> Self {
        let offset = offset.min(src.len());
        let before = src.get(..offset).unwrap_or(src);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        let line_text = src
            .get(line_start..)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("")
            .trim_end_matches('\r');
        let snippet = format!("  {line_text}\n  {}^", " ".repeat(column.saturating_sub(1)));
        QueryError::Syntax {
            line,
            column,
            message: message.into(),
            snippet,
        }
    }
}
