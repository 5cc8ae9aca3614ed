//! Reading the INPUT list: walking folders (safely through symlink loops), recognising each
//! file's format (plain text, HTML, JSON Lines, `-` for standard input) and turning every readable
//! article into a [`SourceDoc`]. A bad file is recorded as skipped and never stops the others.

use super::{SourceDoc, TextError, dates, decode, html, jsonl};
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

/// Limits for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest text or HTML file read whole (JSON Lines files are streamed and have no limit).
    pub max_file_bytes: u64,
    /// Longest JSON Lines line (one article).
    pub max_line_bytes: usize,
    /// How deep folders are followed.
    pub max_depth: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: 256 * 1024 * 1024,
            max_line_bytes: 64 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// The articles read and the inputs (or lines) that were skipped, each with its reason.
#[derive(Debug, Default)]
pub struct Inputs {
    pub docs: Vec<SourceDoc>,
    pub skipped: Vec<TextError>,
}

/// The kinds of article file newsgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    JsonLines,
}

impl Format {
    /// The format a file name promises, if newsgraph reads that kind of file.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// The format of content with no telling name: HTML markup, JSON Lines or plain text.
    fn sniff(bytes: &[u8]) -> Format {
        let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(1024)).unwrap_or(bytes))
            .into_owned();
        let head = head.trim_start_matches('\u{feff}');
        if html::looks_like_html(head) {
            Format::Html
        } else if head.trim_start().starts_with('{') {
            let first = head.trim_start().lines().next().unwrap_or("");
            if first.trim_end().ends_with('}') || bytes.len() > 1024 {
                Format::JsonLines
            } else {
                Format::Text
            }
        } else {
            Format::Text
        }
    }
}

/// The name standard input is reported under.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads every article in `paths` (files, folders read recursively, `-` for standard input).
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    let mut reader = Reader {
        opts,
        out: Inputs::default(),
        seen_dirs: HashSet::new(),
        seen_files: HashSet::new(),
        stdin_done: false,
        pending: Vec::new(),
    };
    for p in paths {
        reader.input(p);
    }
    reader.flush();
    reader.out
}

struct Reader<'a> {
    opts: &'a ReadOptions,
    out: Inputs,
    seen_dirs: HashSet<PathBuf>,
    /// The files read so far, so a file reached twice (through a link) is read once.
    seen_files: HashSet<FileId>,
    stdin_done: bool,
    /// Article files found but not read yet: read together, in parallel, by [`Reader::flush`].
    pending: Vec<Pending>,
}

/// What tells one file from another: device and inode where there are such, else the
/// canonical path.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, meta: &fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}
#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &fs::Metadata) -> Option<FileId> {
    fs::canonicalize(path).ok()
}

/// An article file waiting for [`Reader::flush`].
struct Pending {
    path: PathBuf,
    format: Option<Format>,
    /// Found in a folder listing as a regular file and not looked at since: its identity,
    /// emptiness and size are checked as it is read, on all cores. (Looking them up one file
    /// after another while walking took a third of reading 100k articles.)
    listed: bool,
    /// The file's identity, when it was checked before.
    id: Option<FileId>,
}

fn io_err(path: &Path, source: io::Error) -> TextError {
    TextError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Reader<'_> {
    /// Reports a skipped input after the files found before it, so warnings keep their order.
    fn skip(&mut self, e: TextError) {
        self.flush();
        self.out.skipped.push(e);
    }

    fn input(&mut self, path: &Path) {
        if path.as_os_str() == "-" {
            if !self.stdin_done {
                self.stdin_done = true;
                self.stdin();
            }
            return;
        }
        match fs::metadata(path) {
            Err(e) => self.skip(io_err(path, e)),
            Ok(m) if m.is_dir() => self.dir(path, 0),
            Ok(m) => self.file(path, &m, Format::from_path(path)),
        }
    }

    fn dir(&mut self, path: &Path, depth: usize) {
        let canon = match fs::canonicalize(path) {
            Ok(c) => c,
            Err(e) => return self.skip(io_err(path, e)),
        };
        // A folder seen before (a symlink loop or a second link to it) is not read again.
        if !self.seen_dirs.insert(canon) {
            return;
        }
        if depth > self.opts.max_depth {
            return self.skip(TextError::TooDeep {
                path: path.to_path_buf(),
                limit: self.opts.max_depth,
            });
        }
        let entries = match fs::read_dir(path) {
            Ok(e) => e,
            Err(e) => return self.skip(io_err(path, e)),
        };
        // with each entry's type as the listing gives it (a link or an unknown type: `None`)
        let mut paths: Vec<(PathBuf, Option<fs::FileType>)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => paths.push((e.path(), e.file_type().ok())),
                Err(e) => self.skip(io_err(path, e)),
            }
        }
        paths.sort_by(|a, b| a.0.cmp(&b.0));
        for (p, kind) in paths {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            let format = Format::from_path(&p);
            if kind.is_some_and(|k| k.is_file())
                && matches!(format, Some(Format::Text | Format::Html))
            {
                self.pending.push(Pending {
                    path: p,
                    format,
                    listed: true,
                    id: None,
                });
                continue;
            }
            match fs::metadata(&p) {
                Ok(m) if m.is_dir() => self.dir(&p, depth + 1),
                Ok(m) => {
                    if format.is_some() {
                        self.file(&p, &m, format);
                    }
                }
                // A dangling link or unreadable entry: worth a warning only if it names an article.
                Err(e) => {
                    if format.is_some() {
                        self.skip(io_err(&p, e));
                    }
                }
            }
        }
    }

    fn file(&mut self, path: &Path, meta: &fs::Metadata, format: Option<Format>) {
        if !meta.is_file() {
            return self.skip(TextError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        let id = file_id(path, meta);
        let (size, limit) = (meta.len(), self.opts.max_file_bytes);
        let readable_later = size > 0 && size <= limit && format != Some(Format::JsonLines);
        if !readable_later {
            // The files found before are told apart from this one as they are read: read
            // them first, so a file reached twice is taken where it was found first.
            self.flush();
            if id.is_some_and(|id| !self.seen_files.insert(id)) {
                return;
            }
        }
        if size == 0 {
            return self.skip(TextError::Empty {
                path: path.to_path_buf(),
            });
        }
        if format == Some(Format::JsonLines) {
            return self.jsonl_file(path);
        }
        if size > limit {
            return self.skip(TextError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit,
            });
        }
        self.pending.push(Pending {
            path: path.to_path_buf(),
            format,
            listed: false,
            id,
        });
    }

    /// Reads and decodes the pending files on all cores (a folder of 100k articles is mostly
    /// system calls and decoding, which would otherwise leave the other cores idle before
    /// extraction starts), then keeps them in the order they were found, passing over a file
    /// reached a second time (through a link).
    fn flush(&mut self) {
        use rayon::prelude::*;
        let limit = self.opts.max_file_bytes;
        let read: Vec<(Option<FileId>, Result<SourceDoc, TextError>)> =
            std::mem::take(&mut self.pending)
                .into_par_iter()
                .map(|p| read_pending(p, limit))
                .collect();
        for (id, doc) in read {
            if id.is_some_and(|id| !self.seen_files.insert(id)) {
                continue;
            }
            self.keep(doc);
        }
    }

    /// Adds a document read, or the reason it could not be.
    fn keep(&mut self, doc: Result<SourceDoc, TextError>) {
        match doc {
            Ok(doc) => self.out.docs.push(doc),
            Err(e) => self.out.skipped.push(e),
        }
    }

    fn jsonl_file(&mut self, path: &Path) {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return self.out.skipped.push(io_err(path, e)),
        };
        self.jsonl(path, BufReader::with_capacity(1 << 16, file));
    }

    fn jsonl<R: io::BufRead>(&mut self, path: &Path, reader: R) {
        let stem = stem(path);
        let name = path.display().to_string();
        let mut docs = Vec::new();
        let mut bad = Vec::new();
        let result = jsonl::read(reader, self.opts.max_line_bytes, |line, r| match r {
            Ok(a) => docs.push(SourceDoc {
                id: format!("{stem}-{line}"),
                file: format!("{name}:{line}"),
                text: compose(a.title.as_deref(), a.text),
                title: a.title,
                date: a.date,
                url: a.url,
            }),
            Err(message) => bad.push(TextError::JsonLine {
                path: path.to_path_buf(),
                line,
                message,
            }),
        });
        let nothing = docs.is_empty() && bad.is_empty();
        self.out.docs.extend(docs);
        self.out.skipped.extend(bad);
        if let Err(e) = result {
            self.out.skipped.push(io_err(path, e));
        } else if nothing {
            self.out.skipped.push(TextError::Empty {
                path: path.to_path_buf(),
            });
        }
    }

    fn stdin(&mut self) {
        self.flush();
        let path = PathBuf::from(STDIN_NAME);
        let mut bytes = Vec::new();
        let limit = self.opts.max_file_bytes;
        if let Err(e) = io::stdin().lock().take(limit + 1).read_to_end(&mut bytes) {
            return self.out.skipped.push(io_err(&path, e));
        }
        if bytes.len() as u64 > limit {
            return self.out.skipped.push(TextError::TooLarge {
                path,
                size: bytes.len() as u64,
                limit,
            });
        }
        let format = Format::sniff(&bytes);
        if format == Format::JsonLines {
            return self.jsonl(&path, io::Cursor::new(bytes));
        }
        self.keep(document_from_bytes(&path, bytes, format));
    }
}

/// Reads a pending file, checking first what the walk left unchecked (see [`Pending::listed`]):
/// the same checks, in the same order, as [`Reader::file`].
fn read_pending(p: Pending, limit: u64) -> (Option<FileId>, Result<SourceDoc, TextError>) {
    let path = &p.path;
    let (id, bytes) = if p.listed {
        match read_listed(path, limit) {
            (id, Ok(bytes)) => (id, bytes),
            (id, Err(e)) => return (id, Err(e)),
        }
    } else {
        match fs::read(path) {
            Ok(bytes) => (p.id, bytes),
            Err(e) => return (p.id, Err(io_err(path, e))),
        }
    };
    let format = p.format.unwrap_or_else(|| Format::sniff(&bytes));
    (id, document_from_bytes(path, bytes, format))
}

/// The bytes of a listed file, after the checks [`Reader::file`] makes before reading.
fn read_listed(path: &Path, limit: u64) -> (Option<FileId>, Result<Vec<u8>, TextError>) {
    let opened = File::open(path).and_then(|f| {
        let meta = f.metadata()?;
        Ok((f, meta))
    });
    let (mut file, meta) = match opened {
        Ok(x) => x,
        Err(e) => return (None, Err(io_err(path, e))),
    };
    let id = file_id(path, &meta);
    let size = meta.len();
    if size == 0 {
        let path = path.to_path_buf();
        return (id, Err(TextError::Empty { path }));
    }
    if size > limit {
        let path = path.to_path_buf();
        return (id, Err(TextError::TooLarge { path, size, limit }));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    let read = file.read_to_end(&mut bytes).map_err(|e| io_err(path, e));
    (id, read.map(|_| bytes))
}

fn stem(path: &Path) -> String {
    if path.as_os_str() == STDIN_NAME {
        return "stdin".to_string();
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Puts a known headline in front of the body (unless the body already starts with it), so
/// the headline has a byte range in the document text like any other header.
pub fn compose(title: Option<&str>, body: String) -> String {
    match title {
        Some(t) if !t.is_empty() && !body.trim_start().starts_with(t) => {
            format!("{t}\n\n{body}")
        }
        _ => body,
    }
}

/// Decodes a whole text or HTML file into a document.
pub fn document_from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    format: Format,
) -> Result<SourceDoc, TextError> {
    let declared = if format == Format::Html {
        decode::html_charset(&bytes)
    } else {
        None
    };
    let (text, _) = decode::decode(bytes, declared.as_deref()).map_err(|e| TextError::NotText {
        path: path.to_path_buf(),
        what: e.0,
    })?;
    let file = if path.as_os_str() == STDIN_NAME {
        "-".to_string()
    } else {
        path.display().to_string()
    };
    let mut doc = SourceDoc::new(stem(path), file, String::new());
    match format {
        Format::Html => {
            let a = html::extract(&text).map_err(|depth| TextError::HtmlTooDeep {
                path: path.to_path_buf(),
                depth,
                limit: html::MAX_DEPTH,
            })?;
            doc.date = a
                .date
                .as_deref()
                .and_then(dates::parse_loose)
                .map(dates::iso);
            doc.url = a.url;
            doc.text = compose(a.title.as_deref(), a.text);
            doc.title = a.title;
        }
        Format::Text | Format::JsonLines => doc.text = text,
    }
    if doc.text.trim().is_empty() {
        return Err(TextError::Empty {
            path: path.to_path_buf(),
        });
    }
    if doc.text.len() > u32::MAX as usize {
        return Err(TextError::TooLarge {
            path: path.to_path_buf(),
            size: doc.text.len() as u64,
            limit: u64::from(u32::MAX),
        });
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn folder_with_every_kind_of_file() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "a.txt", b"Rain fell in Lima.\r\nRivers rose.");
        write(d, "b.TXT", b"Caf\xE9 owners protested.");
        write(d, "c.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR");
        write(d, "d.txt", b"");
        write(d, "e.html", b"<html><head><title>Dam opens on time - Daily</title></head><body><p>The dam opened.</p></body></html>");
        write(
            d,
            "f.jsonl",
            b"{\"title\":\"One\",\"text\":\"First story.\"}\n{oops\n{\"text\":\"Third story.\"}\n",
        );
        write(d, "notes.md", b"ignored");
        write(d, ".hidden.txt", b"ignored");
        fs::create_dir(d.join("sub")).unwrap();
        write(&d.join("sub"), "g.txt", b"Nested story.");
        let got = read_inputs(&[d.to_path_buf()], &ReadOptions::default());
        let texts: Vec<&str> = got.docs.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Rain fell in Lima.\nRivers rose.",
                "Café owners protested.",
                "Dam opens on time\n\nThe dam opened.",
                "One\n\nFirst story.",
                "Third story.",
                "Nested story."
            ]
        );
        assert_eq!(got.docs[2].title.as_deref(), Some("Dam opens on time"));
        assert_eq!(got.docs[3].id, "f-1");
        assert!(got.docs[3].file.ends_with("f.jsonl:1"));
        let why: Vec<String> = got.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(why.len(), 3, "{why:?}");
        assert!(
            why[0].contains("c.txt") && why[0].contains("PNG"),
            "{why:?}"
        );
        assert!(
            why[1].contains("d.txt") && why[1].contains("empty"),
            "{why:?}"
        );
        assert!(why[2].contains("f.jsonl:2"), "{why:?}");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_dangling_links() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "a.txt", b"Only story.");
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
        std::os::unix::fs::symlink(d.join("missing.txt"), d.join("broken.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("a.txt"), d.join("again.txt")).unwrap();
        // an empty file reached twice is reported once
        write(d, "e.txt", b"");
        std::os::unix::fs::symlink(d.join("e.txt"), d.join("e2.txt")).unwrap();
        let got = read_inputs(&[d.to_path_buf()], &ReadOptions::default());
        assert_eq!(got.docs.len(), 1);
        assert!(got.docs[0].file.ends_with("a.txt"), "{}", got.docs[0].file);
        let skipped: Vec<String> = got.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(skipped[0].contains("broken.txt"), "{skipped:?}");
        assert!(skipped[1].contains("e.txt"), "{skipped:?}");
    }

    #[test]
    fn missing_and_too_large_files_are_skipped_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let big = write(dir.path(), "big.txt", &vec![b'a'; 2000]);
        let opts = ReadOptions {
            max_file_bytes: 1000,
            ..ReadOptions::default()
        };
        let got = read_inputs(&[dir.path().join("nope.txt"), big], &opts);
        assert!(got.docs.is_empty());
        let why: Vec<String> = got.skipped.iter().map(ToString::to_string).collect();
        assert!(why[0].contains("nope.txt"), "{why:?}");
        assert!(
            why[1].contains("big.txt") && why[1].contains("larger"),
            "{why:?}"
        );
        // the same checks for files found in a folder, in the order they are listed
        write(dir.path(), "a.txt", b"A story.");
        write(dir.path(), "c.txt", b"");
        let got = read_inputs(&[dir.path().to_path_buf()], &opts);
        assert_eq!(got.docs.len(), 1);
        let why: Vec<String> = got.skipped.iter().map(ToString::to_string).collect();
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(
            why[0].contains("big.txt") && why[0].contains("larger"),
            "{why:?}"
        );
        assert!(why[1].contains("c.txt"), "{why:?}");
    }

    #[test]
    fn sniffs_files_without_a_known_extension() {
        assert_eq!(Format::sniff(b"<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(Format::sniff(b"{\"text\":\"x\"}\n"), Format::JsonLines);
        assert_eq!(Format::sniff(b"{braces} in prose"), Format::Text);
        assert_eq!(Format::sniff(b"Plain words."), Format::Text);
    }
}
