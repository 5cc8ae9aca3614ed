//! Turning the CLI's INPUT list into a graph: saved `.ngraph` files are loaded, text files,
//! HTML pages, JSON Lines files, folders and `-` (standard input) are extracted on the fly, and
//! no input at all means the bundled seed corpus. A bad text input is skipped (and reported),
//! never fatal, unless the caller asks for strictness.

use crate::extract::{self, IngestReport};
use crate::graph::{self, Graph, PersistError};
use crate::text::{self, ReadOptions, TextError};
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
    #[error("no article could be read from the inputs:\n  {}",
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  "))]
    NothingRead(Vec<TextError>),
    #[error("no article files found in {0} (newsgraph reads .txt, .html, .htm and .jsonl files)")]
    NoArticles(String),
    #[error("{} bad input(s) and --strict given; nothing was built:\n  {}", .0.len(),
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  "))]
    Strict(Vec<TextError>),
}

/// How to open inputs.
#[derive(Debug, Clone, Default)]
pub struct OpenOptions {
    /// Any skipped input (or JSON Lines line) is an error.
    pub strict: bool,
    pub read: ReadOptions,
    /// Show a progress bar (bytes, MB/s, ETA, articles) on standard error while extracting, when
    /// standard error is a terminal.
    pub progress: bool,
}

/// An opened graph, what extraction added, and the inputs that were skipped.
#[derive(Debug)]
pub struct Opened {
    pub graph: Graph,
    pub report: IngestReport,
    /// Each skipped file or line with its reason (already empty under `strict`).
    pub skipped: Vec<TextError>,
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
/// are not merged) and extracts every text input into it. Skipped inputs are returned, or are an
/// error with `opts.strict`.
pub fn open_with(inputs: &[PathBuf], opts: &OpenOptions) -> Result<Opened, InputError> {
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
    let texts: Vec<PathBuf> = texts.into_iter().cloned().collect();
    let read = text::read_inputs(&texts, &opts.read);
    if opts.strict && !read.skipped.is_empty() {
        return Err(InputError::Strict(read.skipped));
    }
    if !texts.is_empty() && read.docs.is_empty() && graphs.is_empty() {
        if read.skipped.is_empty() {
            let names: Vec<String> = texts.iter().map(|p| p.display().to_string()).collect();
            return Err(InputError::NoArticles(names.join(", ")));
        }
        return Err(InputError::NothingRead(read.skipped));
    }
    let report = if opts.progress && std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        let total: usize = read.docs.iter().map(|d| d.text.len()).sum();
        let count = read.docs.len();
        let bar = indicatif::ProgressBar::new(total as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
        ) {
            bar.set_style(style);
        }
        let mut done = 0usize;
        let report = extract::ingest_with_progress(&mut g, read.docs, |bytes| {
            done += 1;
            bar.inc(bytes as u64);
            if done.is_multiple_of(64) || done == count {
                bar.set_message(format!("{done}/{count} articles"));
            }
        });
        bar.finish_and_clear();
        report
    } else {
        extract::ingest(&mut g, read.docs)
    };
    if graphs.is_empty() {
        g.dirty = false;
    }
    Ok(Opened {
        graph: g,
        report,
        skipped: read.skipped,
    })
}

/// [`open_with`] with default options; each skipped input is reported on standard error as a
/// `warning:` line naming the file (and line) and the reason.
pub fn open(inputs: &[PathBuf]) -> Result<(Graph, IngestReport), InputError> {
    let opened = open_with(inputs, &OpenOptions::default())?;
    for s in &opened.skipped {
        eprintln!("warning: skipped {s}");
    }
    Ok((opened.graph, opened.report))
}
