//! Finding and reading the openCypher TCK's feature files (../shared/tck), shared by the TCK
//! runner (tests/tck.rs) and the query round-trip test (tests/query_roundtrip.rs).

use std::path::{Path, PathBuf};

/// The TCK folder beside the project.
pub fn tck_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/tck"))
}

/// Every `.feature` file under `dir`, in sorted order.
pub fn feature_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            feature_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "feature") {
            out.push(p);
        }
    }
}

/// Makes backslashes that are not gherkin table escapes literal, and normalises line ends.
pub fn prepare_feature_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.replace("\r\n", "\n").lines() {
        if line.trim_start().starts_with('|') {
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    match chars.peek() {
                        Some('n') | Some('|') | Some('\\') => {
                            out.push(c);
                            if let Some(n) = chars.next() {
                                out.push(n);
                            }
                        }
                        _ => out.push_str("\\\\"),
                    }
                } else {
                    out.push(c);
                }
            }
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}
