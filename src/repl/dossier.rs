//! The dossier of one entity (`newsgraph show NAME`, `:show NAME`): its type, aliases, offices,
//! relatives, meetings with date and place, statements, documents, and for each fact the
//! sentences of the articles that support it.

use super::style::{Style, paint_if};
use crate::graph::{DocId, EdgeId, Graph, Node, NodeId, Span, Value, schema};
use crate::text::{self, SourceDoc};
use petgraph::Direction::{Incoming, Outgoing};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use thiserror::Error;

/// Most supporting sentences listed under one fact.
const MAX_EVIDENCE: usize = 3;
/// Longest supporting sentence shown, in characters.
const MAX_SENTENCE: usize = 320;

/// Why no dossier could be made.
#[derive(Debug, Error, PartialEq)]
pub enum DossierError {
    #[error("no entity named {name:?}{}", suggestion_text(.suggestions))]
    NotFound {
        name: String,
        suggestions: Vec<String>,
    },
}

fn suggestion_text(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

/// A sentence of an article that supports a fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// The document's short id.
    pub doc: String,
    pub sentence: String,
}

/// One fact of a dossier, with its support.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub text: String,
    pub evidence: Vec<Evidence>,
    /// Supporting sentences beyond those listed.
    pub more: usize,
}

/// A titled group of facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub facts: Vec<Fact>,
}

/// Everything the graph knows about one entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Dossier {
    pub name: String,
    pub labels: Vec<String>,
    pub aliases: Vec<String>,
    /// Other properties (date, status, text...).
    pub properties: Vec<(String, String)>,
    pub sections: Vec<Section>,
    /// Other nodes with the same name, as `Name (Label)`.
    pub also_named: Vec<String>,
}

/// Finds the node a name refers to: by name or alias (folded), preferring named entities, then
/// the node with the most relationships.
pub fn find(g: &Graph, name: &str) -> Result<NodeId, DossierError> {
    let name = name.trim().trim_matches(|c| c == '"' || c == '\'');
    let mut found: Vec<NodeId> = g.nodes_named(name).to_vec();
    found.sort_by_key(|id| {
        let entity = g
            .node(*id)
            .is_some_and(|n| schema::ENTITY_LABELS.iter().any(|l| n.has_label(l)));
        (std::cmp::Reverse(entity), std::cmp::Reverse(degree(g, *id)))
    });
    found
        .first()
        .copied()
        .ok_or_else(|| DossierError::NotFound {
            name: name.to_string(),
            suggestions: suggestions(g, name),
        })
}

fn degree(g: &Graph, id: NodeId) -> usize {
    g.edges_of(id, Outgoing).count() + g.edges_of(id, Incoming).count()
}

/// Up to five names that contain the words of `name`.
fn suggestions(g: &Graph, name: &str) -> Vec<String> {
    let key = crate::graph::fold_name(name);
    let words: Vec<&str> = key.split(' ').filter(|w| w.len() > 1).collect();
    if words.is_empty() {
        return vec![];
    }
    let mut out = BTreeSet::new();
    for id in g.node_ids() {
        let Some(n) = g.node(id) else { continue };
        if n.has_label(schema::STATEMENT) || n.has_label(schema::DOCUMENT) {
            continue;
        }
        let Some(nm) = n.name() else { continue };
        let folded = crate::graph::fold_name(nm);
        let hit = n
            .aliases()
            .iter()
            .map(|a| crate::graph::fold_name(a))
            .chain([folded])
            .any(|f| words.iter().any(|w| f.split(' ').any(|x| x.starts_with(w))));
        if hit {
            out.insert(nm.to_string());
        }
        if out.len() >= 5 {
            break;
        }
    }
    out.into_iter().collect()
}

/// Builds the dossier of the entity called `name`.
pub fn dossier(g: &Graph, name: &str) -> Result<Dossier, DossierError> {
    let id = find(g, name)?;
    let mut d = build(g, id);
    d.also_named = g
        .nodes_named(name.trim())
        .iter()
        .filter(|o| **o != id)
        .map(|o| short_name(g, *o) + &label_suffix(g, *o))
        .collect();
    Ok(d)
}

/// Builds the dossier of a node.
pub fn build(g: &Graph, id: NodeId) -> Dossier {
    let b = Builder {
        g,
        sentences: RefCell::new(HashMap::new()),
    };
    let node = g.node(id);
    let name = short_name(g, id);
    let labels = node.map(|n| n.labels.clone()).unwrap_or_default();
    let aliases = node
        .map(|n| {
            n.aliases()
                .into_iter()
                .filter(|a| Some(*a) != n.name())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let properties = node
        .map(|n| {
            n.props
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "name" | "aliases"))
                .map(|(k, v)| (k.to_string(), plain(v)))
                .collect()
        })
        .unwrap_or_default();
    let sections = b.sections(id);
    Dossier {
        name,
        labels,
        aliases,
        properties,
        sections,
        also_named: vec![],
    }
}

/// The sentences that support a relationship (at most a few, deduplicated).
pub fn edge_evidence(g: &Graph, e: EdgeId) -> Vec<Evidence> {
    let b = Builder {
        g,
        sentences: RefCell::new(HashMap::new()),
    };
    b.fact(String::new(), e, &[]).evidence
}

struct Builder<'g> {
    g: &'g Graph,
    /// Sentence ranges of each document, computed once.
    sentences: RefCell<HashMap<DocId, Vec<Range<usize>>>>,
}

impl Builder<'_> {
    fn sections(&self, id: NodeId) -> Vec<Section> {
        let g = self.g;
        let out_edges: Vec<(EdgeId, NodeId)> = g.edges_of(id, Outgoing).collect();
        let in_edges: Vec<(EdgeId, NodeId)> = g.edges_of(id, Incoming).collect();
        let of_type = |edges: &[(EdgeId, NodeId)], t: &str| -> Vec<(EdgeId, NodeId)> {
            let mut v: Vec<_> = edges
                .iter()
                .copied()
                .filter(|(e, _)| g.edge(*e).is_some_and(|e| e.rel_type == t))
                .collect();
            v.sort_by_key(|(_, o)| sort_key(g, *o));
            v
        };
        let mut sections = Vec::new();
        let mut push = |title: &str, facts: Vec<Fact>| {
            if !facts.is_empty() {
                sections.push(Section {
                    title: title.to_string(),
                    facts,
                });
            }
        };
        let mut handled: BTreeSet<EdgeId> = BTreeSet::new();
        let mut take = |v: Vec<(EdgeId, NodeId)>| {
            handled.extend(v.iter().map(|(e, _)| *e));
            v
        };

        push(
            "Offices",
            take(of_type(&out_edges, schema::HOLDS_OFFICE))
                .into_iter()
                .map(|(e, o)| self.fact(office_text(g, e, &short_name(g, o), None), e, &[]))
                .collect(),
        );
        push(
            "Office holders",
            take(of_type(&in_edges, schema::HOLDS_OFFICE))
                .into_iter()
                .map(|(e, o)| self.fact(office_text(g, e, "", Some(&short_name(g, o))), e, &[]))
                .collect(),
        );
        let mut relatives = take(of_type(&out_edges, schema::RELATIVE_OF));
        relatives.extend(take(of_type(&in_edges, schema::RELATIVE_OF)));
        push(
            "Relatives",
            relatives
                .into_iter()
                .map(|(e, o)| {
                    let rel = edge_prop(g, e, "relation");
                    let text = match rel {
                        Some(r) => format!("{} ({r})", short_name(g, o)),
                        None => short_name(g, o),
                    };
                    self.fact(text, e, &[])
                })
                .collect(),
        );
        push(
            "Meetings",
            take(of_type(&out_edges, schema::PARTICIPATED_IN))
                .into_iter()
                .map(|(e, m)| self.fact(meeting_text(g, m, Some(id)), e, &[]))
                .collect(),
        );
        push(
            "Participants",
            take(of_type(&in_edges, schema::PARTICIPATED_IN))
                .into_iter()
                .map(|(e, o)| self.fact(short_name(g, o) + &label_suffix(g, o), e, &[]))
                .collect(),
        );
        push(
            "Held in",
            take(of_type(&out_edges, schema::HELD_IN))
                .into_iter()
                .map(|(e, o)| self.fact(short_name(g, o), e, &[]))
                .collect(),
        );
        push(
            "Meetings held here",
            take(of_type(&in_edges, schema::HELD_IN))
                .into_iter()
                .map(|(e, m)| self.fact(meeting_text(g, m, None), e, &[]))
                .collect(),
        );
        push(
            "Located in",
            take(of_type(&out_edges, schema::LOCATED_IN))
                .into_iter()
                .map(|(e, o)| self.fact(short_name(g, o), e, &[]))
                .collect(),
        );
        push(
            "Places within",
            take(of_type(&in_edges, schema::LOCATED_IN))
                .into_iter()
                .map(|(e, o)| self.fact(short_name(g, o), e, &[]))
                .collect(),
        );
        push(
            "Statements",
            take(of_type(&out_edges, schema::SAID))
                .into_iter()
                .map(|(e, s)| {
                    let node_sources = g.node(s).map(|n| n.sources.clone()).unwrap_or_default();
                    self.fact(statement_text(g, s), e, &node_sources)
                })
                .collect(),
        );
        push(
            "Said by",
            take(of_type(&in_edges, schema::SAID))
                .into_iter()
                .map(|(e, o)| self.fact(short_name(g, o), e, &[]))
                .collect(),
        );
        push(
            "Mentions",
            take(of_type(&out_edges, schema::MENTIONS))
                .into_iter()
                .map(|(e, o)| self.fact(short_name(g, o) + &label_suffix(g, o), e, &[]))
                .collect(),
        );
        push(
            "Mentioned in statements",
            take(of_type(&in_edges, schema::MENTIONS))
                .into_iter()
                .map(|(e, s)| {
                    let speakers: Vec<String> = g
                        .edges_of(s, Incoming)
                        .filter(|(se, _)| g.edge(*se).is_some_and(|x| x.rel_type == schema::SAID))
                        .map(|(_, p)| short_name(g, p))
                        .collect();
                    let text = if speakers.is_empty() {
                        statement_text(g, s)
                    } else {
                        format!("{}: {}", speakers.join(", "), statement_text(g, s))
                    };
                    self.fact(text, e, &[])
                })
                .collect(),
        );
        push(
            "Documents",
            take(of_type(&out_edges, schema::MENTIONED_IN))
                .into_iter()
                .map(|(e, d)| {
                    let count = edge_prop(g, e, "count")
                        .map(|c| format!(", {c} mentions"))
                        .unwrap_or_default();
                    Fact {
                        text: format!("{}{count}", document_text(g, d)),
                        evidence: vec![],
                        more: 0,
                    }
                })
                .collect(),
        );
        let mut other: Vec<Fact> = Vec::new();
        for (e, o) in &out_edges {
            if !handled.contains(e)
                && let Some(edge) = g.edge(*e)
            {
                other.push(self.fact(
                    format!("—{}→ {}", edge.rel_type, short_name(g, *o)),
                    *e,
                    &[],
                ));
            }
        }
        for (e, o) in &in_edges {
            if !handled.contains(e)
                && let Some(edge) = g.edge(*e)
            {
                let mentions_doc = edge.rel_type == schema::MENTIONED_IN;
                let text = format!("←{}— {}", edge.rel_type, short_name(g, *o));
                if mentions_doc {
                    other.push(Fact {
                        text,
                        evidence: vec![],
                        more: 0,
                    });
                } else {
                    other.push(self.fact(text, *e, &[]));
                }
            }
        }
        push("Other relationships", other);
        sections
    }

    /// A fact supported by a relationship's spans (and extra spans, e.g. the statement's own).
    fn fact(&self, text: String, edge: EdgeId, extra: &[Span]) -> Fact {
        let mut spans: Vec<Span> = self
            .g
            .edge(edge)
            .map(|e| e.sources.clone())
            .unwrap_or_default();
        spans.extend_from_slice(extra);
        let mut seen = BTreeSet::new();
        let mut evidence = Vec::new();
        for s in spans {
            if let Some(ev) = self.evidence(s)
                && seen.insert(ev.clone())
            {
                evidence.push(ev);
            }
        }
        let more = evidence.len().saturating_sub(MAX_EVIDENCE);
        evidence.truncate(MAX_EVIDENCE);
        Fact {
            text,
            evidence,
            more,
        }
    }

    /// The sentence(s) of the document that contain a span.
    fn evidence(&self, span: Span) -> Option<Evidence> {
        let doc = self.g.document(span.doc)?;
        let (start, end) = (span.start as usize, span.end as usize);
        doc.text.get(start..end)?;
        let mut cache = self.sentences.borrow_mut();
        let sentences = cache.entry(span.doc).or_insert_with(|| {
            text::prepare(&SourceDoc {
                id: doc.id.clone(),
                file: doc.file.clone(),
                text: doc.text.clone(),
                title: doc.title.clone(),
                date: doc.date.clone(),
                ..Default::default()
            })
            .sentences
        });
        let first = sentences.iter().find(|r| r.start <= start && start < r.end);
        let last = sentences
            .iter()
            .find(|r| r.start < end.max(start + 1) && end <= r.end);
        let range = match (first, last) {
            (Some(a), Some(b)) if a.start <= b.end => a.start..b.end,
            (Some(a), _) => a.start..a.end.max(end),
            _ => line_around(&doc.text, start, end),
        };
        let sentence = doc.text.get(range)?;
        Some(Evidence {
            doc: doc.id.clone(),
            sentence: clip(&collapse_ws(sentence), MAX_SENTENCE),
        })
    }
}

/// The line (paragraph) around a span, for documents without sentence ranges.
fn line_around(text: &str, start: usize, end: usize) -> Range<usize> {
    let s = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let e = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    s..e
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A property value as plain text.
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::List(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Map(m) => m
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn edge_prop(g: &Graph, e: EdgeId, key: &str) -> Option<String> {
    g.edge(e)?.props.get(key).map(plain)
}

fn node_prop(n: &Node, key: &str) -> Option<String> {
    n.props.get(key).map(plain).filter(|s| !s.is_empty())
}

/// How a node is named in prose: its name, a statement's quoted text, or its label.
pub fn short_name(g: &Graph, id: NodeId) -> String {
    let Some(n) = g.node(id) else {
        return format!("#{}", id.index());
    };
    if let Some(name) = n.name() {
        return name.to_string();
    }
    if let Some(t) = node_prop(n, "text") {
        return format!("“{}”", clip(&t, 60));
    }
    match n.labels.first() {
        Some(l) => format!("{l} #{}", id.index()),
        None => format!("#{}", id.index()),
    }
}

fn label_suffix(g: &Graph, id: NodeId) -> String {
    g.node(id)
        .and_then(|n| n.labels.first())
        .map(|l| format!(" ({l})"))
        .unwrap_or_default()
}

fn sort_key(g: &Graph, id: NodeId) -> (String, String) {
    let date = g
        .node(id)
        .and_then(|n| node_prop(n, "date"))
        .unwrap_or_default();
    (date, short_name(g, id))
}

/// "President of South Korea (former)" or, for an office holder, "Lee Jae Myung — President".
fn office_text(g: &Graph, e: EdgeId, of: &str, holder: Option<&str>) -> String {
    let title = edge_prop(g, e, "title").filter(|t| !t.is_empty());
    let former = g
        .edge(e)
        .and_then(|x| x.props.get("former"))
        .is_some_and(|v| *v == Value::Bool(true));
    let mut s = match (holder, title) {
        (Some(h), Some(t)) => format!("{h} — {t}"),
        (Some(h), None) => h.to_string(),
        (None, Some(t)) => format!("{t} of {of}"),
        (None, None) => format!("office in {of}"),
    };
    if former {
        s.push_str(" (former)");
    }
    s
}

/// "APEC summit — 2025-10-31, held, in Gyeongju; with Xi Jinping, Takaichi Sanae".
fn meeting_text(g: &Graph, m: NodeId, except: Option<NodeId>) -> String {
    let mut s = short_name(g, m);
    let Some(n) = g.node(m) else { return s };
    let mut parts = Vec::new();
    if let Some(d) = node_prop(n, "date") {
        match node_prop(n, "date_end") {
            Some(e) => parts.push(format!("{d} to {e}")),
            None => parts.push(d),
        }
    }
    if let Some(st) = node_prop(n, "status") {
        parts.push(st);
    }
    let places: Vec<String> = g
        .edges_of(m, Outgoing)
        .filter(|(e, _)| g.edge(*e).is_some_and(|x| x.rel_type == schema::HELD_IN))
        .map(|(_, p)| short_name(g, p))
        .collect();
    if !places.is_empty() {
        parts.push(format!("in {}", places.join(", ")));
    }
    if !parts.is_empty() {
        let _ = write!(s, " — {}", parts.join(", "));
    }
    let others: Vec<String> = g
        .edges_of(m, Incoming)
        .filter(|(e, o)| {
            Some(*o) != except
                && g.edge(*e)
                    .is_some_and(|x| x.rel_type == schema::PARTICIPATED_IN)
        })
        .map(|(_, o)| short_name(g, o))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !others.is_empty() {
        let _ = write!(s, "; with {}", others.join(", "));
    }
    s
}

/// "“We will cooperate.” (2025-10-01)".
fn statement_text(g: &Graph, s: NodeId) -> String {
    let Some(n) = g.node(s) else {
        return short_name(g, s);
    };
    let text = node_prop(n, "text").map_or_else(|| short_name(g, s), |t| format!("“{t}”"));
    match node_prop(n, "date") {
        Some(d) => format!("{text} ({d})"),
        None => text,
    }
}

/// "Title (file, date)".
fn document_text(g: &Graph, d: NodeId) -> String {
    let Some(n) = g.node(d) else {
        return short_name(g, d);
    };
    let title = node_prop(n, "title").unwrap_or_else(|| short_name(g, d));
    let mut meta = Vec::new();
    meta.extend(node_prop(n, "file"));
    meta.extend(node_prop(n, "date"));
    if meta.is_empty() {
        title
    } else {
        format!("{title} ({})", meta.join(", "))
    }
}

impl Dossier {
    /// The dossier as text, in sections, each fact followed by its supporting sentences.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", paint_if(color, Style::Heading, &self.name));
        let _ = write!(out, "  {}", self.labels.join(", "));
        if !self.aliases.is_empty() {
            let _ = write!(out, " · also called {}", self.aliases.join(", "));
        }
        out.push('\n');
        for (k, v) in &self.properties {
            let _ = writeln!(out, "  {k}: {}", clip(v, 400));
        }
        if !self.also_named.is_empty() {
            let _ = writeln!(out, "  (same name: {})", self.also_named.join("; "));
        }
        if self.sections.is_empty() {
            out.push_str("\nNo relationships recorded.\n");
        }
        for s in &self.sections {
            let _ = writeln!(out, "\n{}", paint_if(color, Style::Heading, &s.title));
            for f in &s.facts {
                let _ = writeln!(out, "  • {}", f.text);
                for e in &f.evidence {
                    let src = paint_if(color, Style::Footer, &format!("[{}]", e.doc));
                    let _ = writeln!(out, "      ↳ {src} {}", e.sentence);
                }
                if f.more > 0 {
                    let _ = writeln!(out, "      ↳ … and {} more", f.more);
                }
            }
        }
        out.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{DocumentInfo, Edge};

    /// A two-sentence article written for this test, with a person, a country, a meeting and a
    /// statement, wired as the extractor would wire them.
    fn sample() -> Graph {
        let text = "Ministers met in Lisbon. Foreign Minister Ana Ruiz of Chile said: \"Trade will grow.\"\nThe talks were held on 3 May.";
        let mut g = Graph::new();
        let doc = g.add_document(DocumentInfo {
            id: "doc1".into(),
            file: "doc1.txt".into(),
            title: Some("Ministers meet".into()),
            date: Some("2024-05-03".into()),
            hash: "h".into(),
            text: text.into(),
            node: None,
        });
        let span = |s: &str| {
            let start = text.find(s).unwrap() as u32;
            Span {
                doc,
                start,
                end: start + s.len() as u32,
            }
        };
        let mut ana = Node::new("Person");
        ana.props.insert("name".into(), "Ana Ruiz".into());
        ana.props.insert(
            "aliases".into(),
            Value::from(vec!["Ruiz".to_string(), "Ana Ruiz".to_string()]),
        );
        ana.sources.push(span("Ana Ruiz"));
        let ana = g.add_node(ana);
        let mut chile = Node::new("Country");
        chile.props.insert("name".into(), "Chile".into());
        let chile = g.add_node(chile);
        let mut lisbon = Node::new("Place");
        lisbon.props.insert("name".into(), "Lisbon".into());
        let lisbon = g.add_node(lisbon);
        let mut talks = Node::new("Meeting");
        talks.props.insert("name".into(), "Lisbon talks".into());
        talks.props.insert("date".into(), "2024-05-03".into());
        talks.props.insert("status".into(), "held".into());
        let talks = g.add_node(talks);
        let mut st = Node::new("Statement");
        st.props.insert("text".into(), "Trade will grow.".into());
        st.sources.push(span("Trade will grow."));
        let st = g.add_node(st);
        let mut d = Node::new("Document");
        d.props.insert("name".into(), "doc1".into());
        d.props.insert("title".into(), "Ministers meet".into());
        let dn = g.add_node(d);

        let mut office = Edge::new("HOLDS_OFFICE");
        office
            .props
            .insert("title".into(), "Foreign Minister".into());
        office
            .sources
            .push(span("Foreign Minister Ana Ruiz of Chile"));
        g.add_edge(ana, chile, office);
        let mut part = Edge::new("PARTICIPATED_IN");
        part.sources.push(span("Ministers met in Lisbon"));
        g.add_edge(ana, talks, part);
        let mut held = Edge::new("HELD_IN");
        held.sources.push(span("met in Lisbon"));
        g.add_edge(talks, lisbon, held);
        let mut said = Edge::new("SAID");
        said.sources.push(span("Ana Ruiz of Chile said"));
        g.add_edge(ana, st, said);
        let mut men = Edge::new("MENTIONED_IN");
        men.props.insert("count".into(), Value::Int(1));
        g.add_edge(ana, dn, men);
        g
    }

    #[test]
    fn dossier_lists_facts_with_their_sentences() {
        let g = sample();
        let d = dossier(&g, "ruiz").unwrap();
        assert_eq!(d.name, "Ana Ruiz");
        assert_eq!(d.labels, vec!["Person"]);
        assert_eq!(d.aliases, vec!["Ruiz"]);
        let titles: Vec<&str> = d.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Offices", "Meetings", "Statements", "Documents"]
        );
        let office = &d.sections[0].facts[0];
        assert_eq!(office.text, "Foreign Minister of Chile");
        assert_eq!(office.evidence.len(), 1);
        assert_eq!(office.evidence[0].doc, "doc1");
        assert!(
            office.evidence[0]
                .sentence
                .starts_with("Foreign Minister Ana Ruiz of Chile said:"),
            "{:?}",
            office.evidence[0]
        );
        let meeting = &d.sections[1].facts[0];
        assert_eq!(meeting.text, "Lisbon talks — 2024-05-03, held, in Lisbon");
        assert_eq!(meeting.evidence[0].sentence, "Ministers met in Lisbon.");
        assert_eq!(d.sections[2].facts[0].text, "“Trade will grow.”");
        assert_eq!(d.sections[3].facts[0].text, "Ministers meet, 1 mentions");
        let text = d.render(false);
        assert!(
            text.contains("  • Foreign Minister of Chile\n      ↳ [doc1] Foreign Minister"),
            "{text}"
        );
    }

    #[test]
    fn place_dossier_shows_meetings_held_there() {
        let g = sample();
        let d = dossier(&g, "Lisbon").unwrap();
        assert_eq!(d.sections[0].title, "Meetings held here");
        assert!(d.sections[0].facts[0].text.contains("with Ana Ruiz"));
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let g = sample();
        let err = dossier(&g, "Ana Ruis").unwrap_err();
        let DossierError::NotFound { suggestions, .. } = &err;
        assert_eq!(suggestions, &vec!["Ana Ruiz".to_string()]);
        assert!(err.to_string().contains("did you mean Ana Ruiz?"));
    }

    #[test]
    fn bad_spans_are_skipped_not_fatal() {
        let mut g = sample();
        let ana = g.nodes_named("Ana Ruiz")[0];
        let chile = g.nodes_named("Chile")[0];
        let mut e = Edge::new("RELATIVE_OF");
        e.sources.push(Span {
            doc: 9,
            start: 0,
            end: 5,
        });
        e.sources.push(Span {
            doc: 0,
            start: 5,
            end: 99_999,
        });
        g.add_edge(ana, chile, e);
        let d = dossier(&g, "Ana Ruiz").unwrap();
        let rel = d.sections.iter().find(|s| s.title == "Relatives").unwrap();
        assert!(rel.facts[0].evidence.is_empty());
    }
}
