//! Reading articles: finding input files, decoding them, and preparing their text (headline,
//! publication date, boilerplate, sentences) for extraction.
//!
//! - [`read`]: the INPUT list → [`SourceDoc`]s plus the inputs skipped and why.
//! - [`decode`]: bytes → text (BOMs, UTF-8, UTF-16, Windows-1252, binary detection, CRLF).
//! - [`html`], [`jsonl`]: article text from HTML pages and JSON Lines.
//! - [`prepare()`]: headline, date, boilerplate, paragraphs and sentences of one document,
//!   built from [`header`], [`dates`], [`boilerplate`] and [`sentences`].

pub mod boilerplate;
pub mod dates;
pub mod decode;
pub mod header;
pub mod html;
pub mod jsonl;
mod prepare;
pub mod read;
pub mod sentences;

pub use prepare::prepare;
pub use read::{Format, Inputs, ReadOptions, read_inputs};

use std::ops::Range;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why an input (a file, a folder, or one line of a JSON Lines file) was skipped.
#[derive(Debug, Error)]
pub enum TextError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not a text file ({what})", path.display())]
    NotText { path: PathBuf, what: &'static str },
    #[error("{}: empty file, no article text", path.display())]
    Empty { path: PathBuf },
    #[error("{}: file is larger than the {limit}-byte limit ({size} bytes)", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}:{line}: {message}", path.display())]
    JsonLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: HTML nested {depth} levels deep (limit {limit})", path.display())]
    HtmlTooDeep {
        path: PathBuf,
        depth: usize,
        limit: usize,
    },
    #[error("{}: not a regular file", path.display())]
    NotAFile { path: PathBuf },
    #[error("{}: folders nested deeper than {limit} levels are not read", path.display())]
    TooDeep { path: PathBuf, limit: usize },
}

impl TextError {
    /// The input this error is about.
    pub fn path(&self) -> &Path {
        match self {
            TextError::Io { path, .. }
            | TextError::NotText { path, .. }
            | TextError::Empty { path }
            | TextError::TooLarge { path, .. }
            | TextError::JsonLine { path, .. }
            | TextError::HtmlTooDeep { path, .. }
            | TextError::NotAFile { path }
            | TextError::TooDeep { path, .. } => path,
        }
    }
}

/// One article as read: decoded text (`\n` line endings) and where it came from.
///
/// Build one with [`SourceDoc::new`] or `SourceDoc { id, file, text, ..Default::default() }`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct SourceDoc {
    /// Short stable id (the file stem; `stem-LINE` for a JSON Lines article).
    pub id: String,
    /// The path it was read from, as given (`path:LINE` for JSON Lines, `-` for standard input).
    pub file: String,
    pub text: String,
    /// The headline when the source states it (JSON Lines `title`, HTML metadata); it is also
    /// the first line of `text`.
    pub title: Option<String>,
    /// ISO publication date when the source states it as metadata.
    pub date: Option<String>,
    /// The article's URL when the source gives one.
    pub url: Option<String>,
}

impl SourceDoc {
    /// A document with no metadata beyond its text.
    pub fn new(id: impl Into<String>, file: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            file: file.into(),
            text: text.into(),
            ..Self::default()
        }
    }
}

/// What extraction needs to know about a document's text beyond the raw bytes. All ranges are
/// byte ranges into `SourceDoc::text`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The headline and its byte range. The headline is not among `sentences`.
    pub title: Option<(String, Range<usize>)>,
    /// Publication date, ISO 8601 (`2025-09-28`), when the page states one.
    pub date: Option<String>,
    /// Where in the text the date was read (absent when it came from metadata).
    pub date_span: Option<Range<usize>>,
    /// Byte ranges of the article's sentences, in order, boilerplate excluded.
    pub sentences: Vec<Range<usize>>,
    /// The article's paragraphs (each holds one or more whole sentences), in order.
    pub paragraphs: Vec<Range<usize>>,
    /// Lines recognised as page furniture or header (navigation, bylines, dates, teasers...).
    pub boilerplate: Vec<Range<usize>>,
}

/// Lists the article files under the given paths (folders are read recursively).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, TextError> {
    let mut out = Vec::new();
    for p in paths {
        collect_into(p, &mut out, &mut std::collections::HashSet::new())?;
    }
    Ok(out)
}

fn collect_into(
    path: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), TextError> {
    let io = |source| TextError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        if !seen.insert(std::fs::canonicalize(path).map_err(io)?) {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || Format::from_path(&e).is_some() {
                collect_into(&e, out, seen)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}
