//! Turning the CLI's INPUT list into a graph: saved `.ngraph` files are loaded, text files and
//! folders are extracted on the fly, and no input at all means the bundled seed corpus.

use crate::extract::{self, IngestReport};
use crate::graph::{self, Graph, PersistError};
use crate::text::{self, TextError};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why the inputs could not be opened.
#[derive(Debug, Error)]
pub enum InputError {
    #[error(transparent)]
    Graph(#[from] PersistError),
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("no seed corpus found (looked for ./seeds and {0})")]
    NoSeeds(PathBuf),
}

/// The folder of bundled seed articles: `./seeds` if present, else the one in the source tree.
pub fn seeds_dir() -> Result<PathBuf, InputError> {
    let local = PathBuf::from("seeds");
    if local.is_dir() {
        return Ok(local);
    }
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    if bundled.is_dir() {
        Ok(bundled)
    } else {
        Err(InputError::NoSeeds(bundled))
    }
}

/// Whether a path names a saved graph file.
pub fn is_graph_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ngraph")
}

/// Opens the inputs as one graph: loads the saved graphs (the first one is the base, later ones
/// are not merged) and extracts every text input into it.
pub fn open(inputs: &[PathBuf]) -> Result<(Graph, IngestReport), InputError> {
    let seeds;
    let inputs = if inputs.is_empty() {
        seeds = vec![seeds_dir()?];
        &seeds[..]
    } else {
        inputs
    };
    let (graphs, texts): (Vec<&PathBuf>, Vec<&PathBuf>) =
        inputs.iter().partition(|p| is_graph_file(p));
    let mut g = match graphs.first() {
        Some(p) => graph::load(p)?,
        None => Graph::new(),
    };
    let files = text::collect_files(&texts.into_iter().cloned().collect::<Vec<_>>())?;
    let docs = files
        .iter()
        .map(|f| text::read_document(f))
        .collect::<Result<Vec<_>, _>>()?;
    let report = extract::ingest(&mut g, docs);
    if graphs.is_empty() {
        g.dirty = false;
    }
    Ok((g, report))
}
