//! Extraction: turns prepared documents into entities and facts and merges them into the graph.

use crate::graph::{DocumentInfo, Graph, Node, Span, Value, schema};
use crate::text::{self, SourceDoc};

/// What an ingest run added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IngestReport {
    pub documents_added: usize,
    /// Documents skipped because a document with the same content is already in the graph.
    pub documents_skipped: usize,
}

/// Extracts the documents and merges their facts into `graph`.
pub fn ingest(graph: &mut Graph, docs: Vec<SourceDoc>) -> IngestReport {
    let mut report = IngestReport::default();
    for doc in docs {
        let hash = format!("{:08x}", crc32fast::hash(doc.text.as_bytes()));
        if graph.document_by_hash(&hash).is_some() {
            report.documents_skipped += 1;
            continue;
        }
        let prepared = text::prepare(&doc);
        let title = prepared.title.as_ref().map(|t| t.0.clone());
        let len = doc.text.len() as u32;
        let doc_id = graph.add_document(DocumentInfo {
            id: doc.id.clone(),
            file: doc.file.clone(),
            title: title.clone(),
            date: prepared.date.clone(),
            hash,
            text: doc.text,
            node: None,
        });
        let mut node = Node::new(schema::DOCUMENT);
        node.props.insert("file".into(), Value::from(doc.file));
        node.props.insert("name".into(), Value::from(doc.id));
        if let Some(t) = title {
            node.props.insert("title".into(), Value::from(t));
        }
        if let Some(d) = prepared.date {
            node.props.insert("date".into(), Value::from(d));
        }
        node.sources.push(Span {
            doc: doc_id,
            start: 0,
            end: len,
        });
        let nid = graph.add_node(node);
        if let Some(d) = graph.document_mut(doc_id) {
            d.node = Some(nid);
        }
        report.documents_added += 1;
    }
    report
}
