//! Extraction: turns prepared documents into entities and facts and merges them into the graph.
//!
//! Stages: [`prep`] (body, sentences, headline/date fallbacks) → [`mentions`] (gazetteer, name
//! runs, surname coreference) → [`offices`], [`quotes`], [`meetings`] (facts on the mentions) give
//! a [`DocFacts`] per document without looking at any other document; [`resolve`] then merges
//! them into the graph, one node per real-world entity and event. See docs/extraction.md.

pub mod dates;
pub mod explain;
pub mod facts;
pub mod gazetteer;
pub mod lexicon;
pub mod meetings;
pub mod mentions;
pub mod offices;
pub mod prep;
pub mod quotes;
pub mod quotes_span;
pub mod record;
pub mod resolve;
pub mod tokens;

pub use facts::DocFacts;

use crate::graph::Graph;
use crate::text::{self, Prepared, SourceDoc};
use rayon::prelude::*;

/// What an ingest run added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestReport {
    pub documents_added: usize,
    /// Documents skipped because a document with the same content is already in the graph.
    pub documents_skipped: usize,
    /// Mentions found in the added documents.
    pub mentions: usize,
    /// Facts (offices, meetings, statements, relations) found in the added documents.
    pub facts: usize,
}

/// Extracts one document: mentions, entities and facts, with confidence and rule. Pure: it
/// looks at no other document.
pub fn extract_document(doc: &SourceDoc, prepared: &Prepared) -> DocFacts {
    let layout = prep::layout(doc, prepared);
    let mut a = mentions::Analysis::new(&doc.text, &layout);
    let (offices, relatives) = offices::find(&mut a);
    let mut statements = quotes::find(&a);
    for s in &mut statements {
        s.date = layout.date.clone();
    }
    let meetings = meetings::find(&a);
    let located_in = resolve::located_patterns(&a);
    DocFacts {
        title: layout.title.map(|t| t.0),
        date: layout.date,
        entities: a.entities,
        mentions: a.mentions,
        offices,
        meetings,
        statements,
        relatives,
        located_in,
    }
}

/// The content hash that identifies a document: SHA-256 of its text, in hex. (A 32-bit checksum
/// is not enough: at 100k articles two different texts would likely share one and be dropped.)
pub fn content_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Extracts the documents (in parallel) and merges their facts into `graph`.
pub fn ingest(graph: &mut Graph, docs: Vec<SourceDoc>) -> IngestReport {
    ingest_with_progress(graph, docs, |_| {})
}

/// [`ingest`], calling `progress` with each document's text length in bytes once it is merged
/// (or skipped as already present), for a progress bar.
pub fn ingest_with_progress(
    graph: &mut Graph,
    docs: Vec<SourceDoc>,
    mut progress: impl FnMut(usize),
) -> IngestReport {
    let mut report = IngestReport::default();
    let mut fresh = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Hashing 76 MB of text takes a quarter of a second on one core: done on all of them.
    let hashed: Vec<(SourceDoc, String)> = docs
        .into_par_iter()
        .map(|doc| {
            let hash = content_hash(&doc.text);
            (doc, hash)
        })
        .collect();
    for (doc, hash) in hashed {
        if graph.document_by_hash(&hash).is_some() || !seen.insert(hash.clone()) {
            report.documents_skipped += 1;
            progress(doc.text.len());
            continue;
        }
        fresh.push((doc, hash));
    }
    if fresh.is_empty() {
        return report;
    }
    // Extraction (parallel, per chunk) and resolution (sequential, in document order) overlap:
    // a producer thread extracts the next chunk on the rayon pool while this thread merges the
    // last one, so the sequential merge does not leave the other cores idle.
    // News text yields about a node per 180-220 bytes and a relationship per 60-100 (the 100k
    // generated corpus; the seeds). Reserving a little more up front spares the merge regrowing
    // and copying the arrays: capacity is only address space until it is used. On one core the
    // 100k ingest took 11.4-12.1 s instead of 11.6-12.7 s (five interleaved runs each).
    let text_bytes: usize = fresh.iter().map(|(d, _)| d.text.len()).sum();
    graph.reserve(text_bytes / 128, text_bytes / 48);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Extracted>>(PIPELINE_DEPTH);
        scope.spawn(move || {
            let mut docs = fresh.into_iter().peekable();
            while docs.peek().is_some() {
                let chunk: Vec<(SourceDoc, String)> = docs.by_ref().take(PIPELINE_CHUNK).collect();
                let extracted: Vec<Extracted> = chunk
                    .into_par_iter()
                    .map(|(doc, hash)| {
                        let prepared = text::prepare(&doc);
                        let facts = extract_document(&doc, &prepared);
                        (doc, hash, facts)
                    })
                    .collect();
                if tx.send(extracted).is_err() {
                    return;
                }
            }
        });
        let mut merger = resolve::Merger::new(graph);
        // A node pair per 72 bytes on the 100k corpus; a hash table touches all the room it
        // is given, so this estimate stays close.
        merger.reserve_pairs(text_bytes / 64);
        for chunk in rx {
            for (doc, hash, facts) in chunk {
                report.documents_added += 1;
                report.mentions += facts.mentions.len();
                report.facts += facts.fact_count();
                let bytes = doc.text.len();
                merger.add(graph, (doc, hash, facts));
                progress(bytes);
            }
        }
        merger.finish(graph);
    });
    report
}

/// A document with its content hash and what was extracted from it.
type Extracted = (SourceDoc, String, DocFacts);
/// Documents extracted per parallel chunk while the previous chunk is merged.
const PIPELINE_CHUNK: usize = 512;
/// Extracted chunks that may wait for the merge (bounds the memory held in flight). Some chunks
/// extract or merge slower than others; a deeper queue lets each side run on instead of waiting
/// for the other: on two cores the 100k ingest took 6.6-7.0 s with 128 x 2 and 6.2-6.4 s with
/// 512 x 8 (interleaved runs), with the same peak memory.
const PIPELINE_DEPTH: usize = 8;

/// Extracts the documents and explains every mention and fact with the rule that produced it.
pub fn explain_documents(docs: &[SourceDoc]) -> String {
    let mut out = String::new();
    for doc in docs {
        let prepared = text::prepare(doc);
        let facts = extract_document(doc, &prepared);
        out.push_str(&explain::explain(doc, &facts));
    }
    out
}
