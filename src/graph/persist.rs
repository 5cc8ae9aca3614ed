//! Saving and loading a graph as one `.ngraph` file.
//!
//! Layout: 8-byte magic, format version (u32 LE), payload length (u64 LE), CRC-32 of the payload
//! (u32 LE), then the payload (bincode of the graph and its documents; since version 2 with
//! variable-length integers, see [`payload_options`]). Writes go to a temporary
//! file in the same folder, are fsynced, then renamed over the target, so a crash leaves either the
//! old file or the new one, never a mix.

use super::{DocumentInfo, Edge, Graph, Node};
use petgraph::stable_graph::StableDiGraph;
use serde::{Deserialize, Serialize};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// First bytes of every graph file.
pub const MAGIC: &[u8; 8] = b"NGRAPH\r\n";
/// The format version this build writes. It also reads version 1 (the same payload with
/// fixed-width integers).
pub const FORMAT_VERSION: u32 = 2;
/// The oldest format version this build reads.
pub const OLDEST_READABLE_VERSION: u32 = 1;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// Why a graph could not be saved or loaded.
#[derive(Debug, Error)]
pub enum PersistError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not a newsgraph graph file (bad magic bytes)")]
    NotAGraph { path: PathBuf },
    #[error(
        "{path}: written by graph format version {found}; this newsgraph reads versions {OLDEST_READABLE_VERSION} to {FORMAT_VERSION}"
    )]
    Version { path: PathBuf, found: u32 },
    #[error("{path}: file is truncated (expected {expected} bytes of data, found {found})")]
    Truncated {
        path: PathBuf,
        expected: u64,
        found: u64,
    },
    #[error("{path}: checksum mismatch: the file is damaged")]
    Checksum { path: PathBuf },
    #[error("{path}: cannot decode graph: {message}")]
    Decode { path: PathBuf, message: String },
    #[error("cannot encode graph: {0}")]
    Encode(String),
}

#[derive(Serialize)]
struct SnapshotRef<'a> {
    graph: &'a StableDiGraph<Node, Edge, u32>,
    documents: &'a [DocumentInfo],
}

#[derive(Deserialize)]
struct Snapshot {
    graph: StableDiGraph<Node, Edge, u32>,
    documents: Vec<DocumentInfo>,
}

/// How the payload is encoded since version 2: bincode with variable-length integers. Lengths,
/// node ids and byte offsets mostly fit in one to three bytes instead of four or eight, which
/// took the 100k-article graph file from 374 to 256 MB and its save from 1.1 to 0.9-1.0 s.
fn payload_options() -> impl bincode::Options {
    use bincode::Options;
    bincode::DefaultOptions::new().with_varint_encoding()
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> PersistError + '_ {
    move |source| PersistError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Encodes a graph into the file format (header and payload).
pub fn encode(graph: &Graph) -> Result<Vec<u8>, PersistError> {
    let (inner, documents) = graph.parts();
    let payload = bincode::Options::serialize(
        payload_options(),
        &SnapshotRef {
            graph: inner,
            documents,
        },
    )
    .map_err(|e| PersistError::Encode(e.to_string()))?;
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&header(payload.len() as u64, crc32fast::hash(&payload)));
    out.extend_from_slice(&payload);
    Ok(out)
}

/// The file header for a payload of `len` bytes with checksum `crc`.
fn header(len: u64, crc: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

enum WriteError {
    Io(std::io::Error),
    Encode(String),
}

/// Counts and checksums the bytes written through it.
struct CrcWriter<W> {
    inner: W,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Write for CrcWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes what [`encode`] returns straight to `file`: the payload is serialized through a
/// buffered, checksumming writer and the header's length and checksum are filled in at the
/// end, so a 400 MB graph is not first built (and copied) in memory.
fn write_streaming(graph: &Graph, mut file: File) -> Result<File, WriteError> {
    use std::io::{Seek, SeekFrom};
    let (inner, documents) = graph.parts();
    // a placeholder until the payload's length and checksum are known
    file.write_all(&header(0, 0)).map_err(WriteError::Io)?;
    // The buffer sits in front of the checksum, which then sees megabyte blocks rather than
    // bincode's many few-byte writes (checksumming those one by one took a fifth of the save).
    let mut w = std::io::BufWriter::with_capacity(
        1 << 20,
        CrcWriter {
            inner: file,
            crc: crc32fast::Hasher::new(),
            len: 0,
        },
    );
    bincode::Options::serialize_into(
        payload_options(),
        &mut w,
        &SnapshotRef {
            graph: inner,
            documents,
        },
    )
    .map_err(|e| match *e {
        bincode::ErrorKind::Io(io) => WriteError::Io(io),
        other => WriteError::Encode(other.to_string()),
    })?;
    let w = w.into_inner().map_err(|e| WriteError::Io(e.into_error()))?;
    let (len, crc, mut file) = (w.len, w.crc.finalize(), w.inner);
    file.seek(SeekFrom::Start(0)).map_err(WriteError::Io)?;
    file.write_all(&header(len, crc)).map_err(WriteError::Io)?;
    Ok(file)
}

/// Decodes the file format; `path` is only used in error messages.
pub fn decode(bytes: &[u8], path: &Path) -> Result<Graph, PersistError> {
    let p = || path.to_path_buf();
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(PersistError::NotAGraph { path: p() });
    }
    let header = bytes.get(..HEADER_LEN).ok_or(PersistError::Truncated {
        path: p(),
        expected: HEADER_LEN as u64,
        found: bytes.len() as u64,
    })?;
    let u32_at =
        |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let version = u32_at(8);
    if !(OLDEST_READABLE_VERSION..=FORMAT_VERSION).contains(&version) {
        return Err(PersistError::Version {
            path: p(),
            found: version,
        });
    }
    let mut len_bytes = [0u8; 8];
    len_bytes.copy_from_slice(&header[12..20]);
    let len = u64::from_le_bytes(len_bytes);
    let crc = u32_at(20);
    let payload = &bytes[HEADER_LEN..];
    if (payload.len() as u64) < len {
        return Err(PersistError::Truncated {
            path: p(),
            expected: len,
            found: payload.len() as u64,
        });
    }
    let payload = &payload[..len as usize];
    if crc32fast::hash(payload) != crc {
        return Err(PersistError::Checksum { path: p() });
    }
    let snap: Snapshot = if version == 1 {
        bincode::deserialize(payload)
    } else {
        bincode::Options::deserialize(payload_options(), payload)
    }
    .map_err(|e| PersistError::Decode {
        path: p(),
        message: e.to_string(),
    })?;
    let mut g = Graph::from_parts(snap.graph, snap.documents);
    g.dirty = false;
    Ok(g)
}

/// Saves a graph atomically: temporary file, fsync, rename, fsync of the folder. Concurrent
/// saves to the same path (from several processes) are serialized by an exclusive lock on
/// `PATH.lock`.
pub fn save(graph: &Graph, path: &Path) -> Result<(), PersistError> {
    let lock_path = lock_path(path);
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_err(&lock_path))?;
    lock.lock().map_err(io_err(&lock_path))?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    let tmp = dir.join(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = (|| {
        let f = File::create(&tmp).map_err(io_err(&tmp))?;
        let f = write_streaming(graph, f).map_err(|e| match e {
            WriteError::Io(e) => io_err(&tmp)(e),
            WriteError::Encode(m) => PersistError::Encode(m),
        })?;
        f.sync_all().map_err(io_err(&tmp))?;
        drop(f);
        fs::rename(&tmp, path).map_err(io_err(path))?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    // The lock is released when `lock` is dropped; the lock file itself stays (removing it would
    // race with a process that has just opened it).
    drop(lock);
    result
}

/// The lock file that serializes writers of `path`.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    path.with_file_name(name)
}

/// Loads a graph saved by [`save`].
pub fn load(path: &Path) -> Result<Graph, PersistError> {
    // `fs::read` sizes the buffer from the file's length: one allocation, no regrowth copies.
    let bytes = fs::read(path).map_err(io_err(path))?;
    decode(&bytes, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Node, Span, Value};

    fn sample() -> Graph {
        let mut g = Graph::new();
        let a = g.add_node(Node::new("Person"));
        let b = g.add_node(Node::new("Country"));
        let c = g.add_node(Node::new("Place"));
        g.remove_node(b);
        g.update_node(c, |n| {
            n.props.insert("name".into(), Value::from("Busan"));
            n.sources.push(Span {
                doc: 0,
                start: 1,
                end: 6,
            });
        });
        g.add_edge(a, c, Edge::new("LIVES_IN"));
        g
    }

    #[test]
    fn round_trip_keeps_ids_and_indexes() {
        let g = sample();
        let back = decode(&encode(&g).unwrap(), Path::new("x")).unwrap();
        assert_eq!(
            back.node_ids().collect::<Vec<_>>(),
            g.node_ids().collect::<Vec<_>>()
        );
        assert_eq!(back.nodes_named("busan").len(), 1);
        assert_eq!(back.edge_count(), 1);
    }

    #[test]
    fn damage_is_detected() {
        let bytes = encode(&sample()).unwrap();
        let p = Path::new("g.ngraph");
        assert!(matches!(
            decode(b"hello world", p),
            Err(PersistError::NotAGraph { .. })
        ));
        assert!(matches!(
            decode(&bytes[..bytes.len() - 3], p),
            Err(PersistError::Truncated { .. })
        ));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(matches!(
            decode(&flipped, p),
            Err(PersistError::Checksum { .. })
        ));
        let mut newer = bytes;
        newer[8] = 9;
        let err = decode(&newer, p).unwrap_err().to_string();
        assert!(err.contains("version 9"), "{err}");
    }

    /// A file as version 1 wrote it: the same payload with fixed-width integers.
    fn encode_version_1(g: &Graph) -> Vec<u8> {
        let (inner, documents) = g.parts();
        let payload = bincode::serialize(&SnapshotRef {
            graph: inner,
            documents,
        })
        .unwrap();
        let mut out = header(payload.len() as u64, crc32fast::hash(&payload));
        out[8..12].copy_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    #[test]
    fn version_1_files_still_load_and_version_2_is_smaller() {
        let g = sample();
        let old = encode_version_1(&g);
        let back = decode(&old, Path::new("old.ngraph")).unwrap();
        assert_eq!(
            back.node_ids().collect::<Vec<_>>(),
            g.node_ids().collect::<Vec<_>>()
        );
        assert_eq!(back.nodes_named("busan").len(), 1);
        assert_eq!(back.edge_count(), 1);
        let new = encode(&g).unwrap();
        assert_eq!(new[8..12], FORMAT_VERSION.to_le_bytes());
        assert!(new.len() < old.len(), "{} vs {}", new.len(), old.len());
    }

    #[test]
    fn saved_file_is_exactly_the_encoding() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ngraph");
        save(&sample(), &path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), encode(&sample()).unwrap());
    }

    #[test]
    fn save_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ngraph");
        save(&sample(), &path).unwrap();
        save(&Graph::new(), &path).unwrap();
        assert_eq!(load(&path).unwrap().node_count(), 0);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["g.ngraph", "g.ngraph.lock"]);
    }
}
