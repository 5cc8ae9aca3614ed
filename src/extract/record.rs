//! The map step's record: one document with everything [`super::extract_document`] found in it,
//! as one JSON line. `newsgraph extract --jsonl` writes these (any engine can run it per line:
//! Spark's `rdd.pipe`, Ray, GNU parallel) and `newsgraph resolve` merges them into a graph, so
//! the costly per-document work scales out and only resolution runs on one machine.

use super::facts::DocFacts;
use super::gazetteer::GAZETTEER;
use super::{IngestReport, content_hash, extract_document, resolve};
use crate::graph::Graph;
use crate::text::{self, SourceDoc};
use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeSet;
use std::io::{self, BufRead, Write};
use std::sync::{LazyLock, Mutex};
use thiserror::Error;

/// The longest article or record line read (a record holds the article's text and its facts).
pub const MAX_LINE_BYTES: usize = 256 * 1024 * 1024;

/// The record format's name and version, written in every record.
pub const FORMAT: &str = "newsgraph-facts/1";

/// One extracted document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactsRecord {
    /// Always [`FORMAT`].
    pub format: String,
    /// Fingerprint of the gazetteer the facts' gazetteer indexes refer to.
    pub gazetteer: u64,
    /// SHA-256 of the text (see [`content_hash`]).
    pub hash: String,
    pub doc: SourceDoc,
    pub facts: DocFacts,
}

/// Why a record cannot be merged.
#[derive(Debug, Error)]
pub enum RecordError {
    #[error("not a facts record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("record format {found:?}, expected {FORMAT:?}")]
    Format { found: String },
    #[error(
        "the record was made by a newsgraph with a different gazetteer; run `extract --jsonl` again with this build"
    )]
    Gazetteer,
    #[error("the record's hash does not match its text")]
    Hash,
    #[error("line longer than {MAX_LINE_BYTES} bytes")]
    TooLong,
}

/// Extracts one document into a record.
pub fn extract_record(doc: SourceDoc) -> FactsRecord {
    let prepared = text::prepare(&doc);
    let facts = extract_document(&doc, &prepared);
    FactsRecord {
        format: FORMAT.to_string(),
        gazetteer: gazetteer_fingerprint(),
        hash: content_hash(&doc.text),
        doc,
        facts,
    }
}

/// Parses and checks one record line.
pub fn parse_record(line: &str) -> Result<FactsRecord, RecordError> {
    let r: FactsRecord = serde_json::from_str(line)?;
    if r.format != FORMAT {
        return Err(RecordError::Format { found: r.format });
    }
    if r.gazetteer != gazetteer_fingerprint() {
        return Err(RecordError::Gazetteer);
    }
    if r.hash != content_hash(&r.doc.text) {
        return Err(RecordError::Hash);
    }
    Ok(r)
}

/// Merges records into the graph; a document already in it (same content hash) is skipped.
pub fn ingest_records(graph: &mut Graph, records: Vec<FactsRecord>) -> IngestReport {
    let mut report = IngestReport::default();
    let mut seen = std::collections::HashSet::new();
    let mut fresh = Vec::new();
    for r in records {
        if graph.document_by_hash(&r.hash).is_some() || !seen.insert(r.hash.clone()) {
            report.documents_skipped += 1;
            continue;
        }
        report.mentions += r.facts.mentions.len();
        report.facts += r.facts.fact_count();
        fresh.push((r.doc, r.hash, r.facts));
    }
    report.documents_added = fresh.len();
    resolve::merge_all(graph, fresh);
    report
}

/// Articles extracted per parallel batch by [`extract_stream`].
const BATCH: usize = 256;

/// The map step: reads articles as JSON Lines (the shapes [`text::jsonl`] accepts) and writes one
/// record line per article, in input order, extracting each batch in parallel. A bad line is
/// handed to `bad` with its line number and skipped. Returns the number of records written.
pub fn extract_stream<R: BufRead, W: Write>(
    input: R,
    output: &mut W,
    mut bad: impl FnMut(usize, String),
) -> io::Result<usize> {
    let mut batch: Vec<SourceDoc> = Vec::with_capacity(BATCH);
    let mut written = 0;
    let mut write_error: Option<io::Error> = None;
    let mut flush = |batch: &mut Vec<SourceDoc>, output: &mut W| -> io::Result<()> {
        let records: Vec<FactsRecord> = std::mem::take(batch)
            .into_par_iter()
            .map(extract_record)
            .collect();
        for r in &records {
            serde_json::to_writer(&mut *output, r)?;
            output.write_all(b"\n")?;
        }
        written += records.len();
        Ok(())
    };
    text::jsonl::read(input, MAX_LINE_BYTES, |line, article| {
        if write_error.is_some() {
            return;
        }
        match article {
            Ok(a) => {
                let id = a.id.unwrap_or_else(|| format!("stdin-{line}"));
                batch.push(SourceDoc {
                    file: format!("{}:{line}", text::read::STDIN_NAME),
                    text: text::read::compose(a.title.as_deref(), a.text),
                    id,
                    title: a.title,
                    date: a.date,
                    url: a.url,
                });
                if batch.len() >= BATCH {
                    write_error = flush(&mut batch, output).err();
                }
            }
            Err(message) => bad(line, message),
        }
    })?;
    if let Some(e) = write_error {
        return Err(e);
    }
    flush(&mut batch, output)?;
    output.flush()?;
    Ok(written)
}

/// Reads record lines, handing each (with its line number) to `each`.
pub fn read_records<R: BufRead>(
    mut input: R,
    mut each: impl FnMut(usize, Result<FactsRecord, RecordError>),
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut number = 0;
    while let Some(overflow) = text::jsonl::read_bounded_line(&mut input, &mut buf, MAX_LINE_BYTES)?
    {
        number += 1;
        if overflow {
            each(number, Err(RecordError::TooLong));
            continue;
        }
        let line = String::from_utf8_lossy(&buf);
        if line.trim().is_empty() {
            continue;
        }
        each(number, parse_record(&line));
    }
    Ok(())
}

/// FNV-1a over the gazetteer's entry names and kinds: records carry gazetteer indexes, which
/// only mean the same thing to a build with the same gazetteer.
pub fn gazetteer_fingerprint() -> u64 {
    static FINGERPRINT: LazyLock<u64> = LazyLock::new(|| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for e in &GAZETTEER.entries {
            for b in e.name.bytes().chain(format!("{:?}", e.kind).bytes()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h ^= 0xff;
        }
        h
    });
    *FINGERPRINT
}

/// Rule names are `&'static str` in the facts (they come from the extractor's code). Reading
/// records back maps each distinct name to one leaked copy; past a bound, unknown names become
/// "imported" so a hostile input cannot grow memory without limit.
pub(crate) fn intern_rule<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    const MAX_RULE_NAMES: usize = 4096;
    static NAMES: LazyLock<Mutex<BTreeSet<&'static str>>> = LazyLock::new(Mutex::default);
    let name = String::deserialize(d)?;
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = names.get(name.as_str()) {
        return Ok(known);
    }
    if names.len() >= MAX_RULE_NAMES {
        return Ok("imported");
    }
    let leaked: &'static str = Box::leak(name.into_boxed_str());
    names.insert(leaked);
    Ok(leaked)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Leaders meet in Nairobi\n\nNAIROBI, March 3, 2024 - Kenyan President \
        Amina Wanjiru met Ugandan President Joseph Okello in Nairobi on Tuesday. \"We will open \
        the border,\" Wanjiru said.\n";

    #[test]
    fn a_record_round_trips_and_resolves_like_direct_ingest() {
        let doc = SourceDoc::new("a1", "a1.txt", ARTICLE);
        let line = serde_json::to_string(&extract_record(doc.clone())).unwrap();
        let record = parse_record(&line).unwrap();
        assert_eq!(record, extract_record(doc.clone()));
        let mut via_records = Graph::new();
        let report = ingest_records(&mut via_records, vec![record.clone()]);
        assert_eq!(report.documents_added, 1);
        let mut direct = Graph::new();
        super::super::ingest(&mut direct, vec![doc]);
        assert_eq!(via_records.node_count(), direct.node_count());
        assert_eq!(via_records.edge_count(), direct.edge_count());
        assert_eq!(via_records.label_counts(), direct.label_counts());
        assert!(via_records.node_count() > 3);
        // the same record again adds nothing
        let again = ingest_records(&mut via_records, vec![record]);
        assert_eq!((again.documents_added, again.documents_skipped), (0, 1));
    }

    #[test]
    fn the_map_step_keeps_order_and_reports_bad_lines() {
        let mut input = String::new();
        for i in 0..(BATCH + 3) {
            let article =
                serde_json::json!({"id": format!("n{i}"), "title": "Talks", "text": ARTICLE});
            input.push_str(&article.to_string());
            input.push('\n');
            if i == 5 {
                input.push_str("{not json\n");
            }
        }
        let mut out = Vec::new();
        let mut bad = Vec::new();
        let n = extract_stream(input.as_bytes(), &mut out, |line, m| bad.push((line, m))).unwrap();
        assert_eq!(n, BATCH + 3);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].0, 7);
        let mut ids = Vec::new();
        read_records(out.as_slice(), |_, r| ids.push(r.unwrap().doc.id)).unwrap();
        let expected: Vec<String> = (0..(BATCH + 3)).map(|i| format!("n{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn records_from_elsewhere_are_refused_with_a_reason() {
        let record = extract_record(SourceDoc::new("a1", "a1.txt", ARTICLE));
        let mut other = record.clone();
        other.format = "something/9".into();
        let line = serde_json::to_string(&other).unwrap();
        assert!(matches!(
            parse_record(&line),
            Err(RecordError::Format { .. })
        ));
        let mut other = record.clone();
        other.gazetteer ^= 1;
        let line = serde_json::to_string(&other).unwrap();
        assert!(matches!(parse_record(&line), Err(RecordError::Gazetteer)));
        let mut other = record;
        other.doc.text.push('!');
        let line = serde_json::to_string(&other).unwrap();
        assert!(matches!(parse_record(&line), Err(RecordError::Hash)));
        assert!(matches!(
            parse_record("{\"id\":1}"),
            Err(RecordError::Json(_))
        ));
    }
}
