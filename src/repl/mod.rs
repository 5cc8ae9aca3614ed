//! The interactive shell (rustyline): multi-line queries ending in `;`, history, meta-commands.

use crate::graph::Graph;
use thiserror::Error;

/// Why the REPL stopped with an error.
#[derive(Debug, Error)]
pub enum ReplError {
    #[error("terminal error: {0}")]
    Readline(String),
}

/// Runs the REPL on a graph until the user quits.
pub fn run(_graph: Graph) -> Result<(), ReplError> {
    Ok(())
}
