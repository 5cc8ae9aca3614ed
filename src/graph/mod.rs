//! The typed property graph: nodes and relationships with labels, properties and provenance,
//! stored in a `petgraph::StableDiGraph`, with indexes by label and by name/alias.

mod adjacency;
pub mod persist;
pub mod schema;
pub mod value;

pub use adjacency::{Adjacency, Adjacent};
pub use persist::{PersistError, load, save};
pub use value::Value;

use foldhash::HashMap;
use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::collections::BTreeMap;

/// The relationships of node `id` in direction `dir` in a petgraph graph, each with its weight
/// and the node at its other end (shared by [`Graph::edges_with`] and the compact lists).
fn directed<N>(
    g: &StableDiGraph<N, Edge, u32>,
    id: NodeId,
    dir: Direction,
) -> impl Iterator<Item = (EdgeId, &Edge, NodeId)> + '_ {
    g.edges_directed(id, dir).map(move |e| {
        let other = if dir == Direction::Outgoing {
            e.target()
        } else {
            e.source()
        };
        (e.id(), e.weight(), other)
    })
}

/// The name index's keys for a node's name and aliases: folded, sorted, without duplicates.
fn name_keys<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = names.map(fold_name).filter(|k| !k.is_empty()).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// What the label and name indexes are built from, kept by [`Graph::update_node`] to tell
/// whether an update touched it: comparing these is cheaper than folding every name and alias
/// before and after each of the millions of updates a large build makes.
struct IndexedParts {
    labels: Vec<String>,
    name: Option<Value>,
    aliases: Option<Value>,
}

impl IndexedParts {
    fn of(node: &Node) -> Self {
        IndexedParts {
            labels: node.labels.clone(),
            name: node.props.get("name").cloned(),
            aliases: node.props.get("aliases").cloned(),
        }
    }

    fn same_as(&self, node: &Node) -> bool {
        self.labels == node.labels
            && self.name.as_ref() == node.props.get("name")
            && self.aliases.as_ref() == node.props.get("aliases")
    }

    /// The name index's keys these parts gave.
    fn keys(&self) -> Vec<String> {
        let name = self.name.as_ref().and_then(Value::as_str);
        let aliases = self.aliases.as_ref().map(Value::as_str_list);
        name_keys(name.into_iter().chain(aliases.into_iter().flatten()))
    }
}

/// A node's properties as [`Graph::update_node_unindexed`] lends them: every property but the
/// ones the name index reads (`name`, `aliases`).
pub struct UnindexedProps<'a>(&'a mut Props);

impl UnindexedProps<'_> {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Sets `key`, unless it is `name` or `aliases` (those change through
    /// [`Graph::update_node`]); returns whether it was set.
    pub fn insert(&mut self, key: &str, value: Value) -> bool {
        if matches!(key, "name" | "aliases") {
            return false;
        }
        self.0.insert(key.into(), value);
        true
    }
}

/// Stable identifier of a node (survives deletions of other nodes).
pub type NodeId = NodeIndex<u32>;
/// Stable identifier of a relationship.
pub type EdgeId = EdgeIndex<u32>;
/// Index of a document in [`Graph::documents`].
pub type DocId = u32;

/// A byte span of a document's text that supports a node or relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub doc: DocId,
    pub start: u32,
    pub end: u32,
}

/// A document that was ingested: its metadata and its full text (so facts can be shown in context).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// Short stable id (the file stem, e.g. `000_c8e277fb1ce0f8b1`).
    pub id: String,
    /// Path the document was read from.
    pub file: String,
    pub title: Option<String>,
    /// ISO 8601 publication date, when the text gives one.
    pub date: Option<String>,
    /// Hex content hash, used to skip documents already ingested.
    pub hash: String,
    pub text: String,
    /// The Document node that represents this document in the graph.
    pub node: Option<NodeId>,
}

/// The properties of a node or relationship, sorted by key.
///
/// A sorted vector with inline keys rather than a `BTreeMap<String, Value>`: a B-tree allocates a
/// leaf of eleven slots (about 600 bytes) for a single property and every key is a heap string,
/// which made the properties the largest part of a 100k-article graph in memory. Serialized as
/// a map, like the B-tree was, so the file format is unchanged.
pub type Props = litemap::LiteMap<SmolStr, Value>;

/// A node: labels, properties and the spans that support it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Node {
    pub labels: Vec<String>,
    pub props: Props,
    pub sources: Vec<Span>,
}

/// A relationship: its type, properties and the spans that support it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Edge {
    /// Stored inline (types are short), so matching a type does not follow a pointer; it
    /// serializes as a plain string.
    pub rel_type: SmolStr,
    pub props: Props,
    pub sources: Vec<Span>,
}

impl Node {
    /// A node with one label and no properties.
    pub fn new(label: &str) -> Self {
        Node {
            labels: vec![label.to_string()],
            ..Default::default()
        }
    }
    pub fn has_label(&self, label: &str) -> bool {
        self.labels.iter().any(|l| l == label)
    }
    /// The `name` property, if it is a string.
    pub fn name(&self) -> Option<&str> {
        self.props.get("name").and_then(Value::as_str)
    }
    /// The `aliases` property as strings.
    pub fn aliases(&self) -> Vec<&str> {
        self.props
            .get("aliases")
            .map(Value::as_str_list)
            .unwrap_or_default()
    }
}

impl Edge {
    /// A relationship of the given type with no properties.
    pub fn new(rel_type: &str) -> Self {
        Edge {
            rel_type: SmolStr::new(rel_type),
            ..Default::default()
        }
    }
}

/// Folds a name for lookup: lower case, hyphens/underscores as spaces, periods and apostrophes dropped,
/// whitespace collapsed. "Kim Jong-un" and "kim jong un" fold to the same key.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        match c {
            '.' | '\'' | '\u{2019}' | '\u{2018}' => {}
            '-' | '_' | '\u{2010}'..='\u{2015}' => space = true,
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// The property graph with its documents and indexes.
///
/// Invariant: the label and name indexes always agree with the nodes; mutate nodes only through
/// the methods here (or call [`Graph::rebuild_indexes`] after bulk changes).
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: StableDiGraph<Node, Edge, u32>,
    documents: Vec<DocumentInfo>,
    by_label: HashMap<String, Vec<NodeId>>,
    by_name: HashMap<String, Vec<NodeId>>,
    by_hash: HashMap<String, DocId>,
    /// Set when the graph changed since it was loaded or saved.
    pub dirty: bool,
    /// Relationship lists for queries; `None` until [`Graph::prepare_adjacency`] and after any
    /// change to relationships.
    adjacency: Option<std::sync::Arc<Adjacency>>,
}

impl Graph {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.inner.node_count()
    }
    /// Number of relationships.
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// Adds a node and indexes it.
    pub fn add_node(&mut self, node: Node) -> NodeId {
        let id = self.inner.add_node(node);
        self.index_node(id);
        self.dirty = true;
        id
    }

    /// Adds a relationship from `from` to `to`. Returns `None` when either end does not exist.
    pub fn add_edge(&mut self, from: NodeId, to: NodeId, edge: Edge) -> Option<EdgeId> {
        if !self.inner.contains_node(from) || !self.inner.contains_node(to) {
            return None;
        }
        self.relationships_changed();
        Some(self.inner.add_edge(from, to, edge))
    }

    /// Makes room for at least `nodes` more nodes and `relationships` more relationships, so a
    /// large ingest does not regrow (and copy) the node and relationship arrays many times.
    pub fn reserve(&mut self, nodes: usize, relationships: usize) {
        self.inner.reserve_nodes(nodes);
        self.inner.reserve_edges(relationships);
    }

    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.inner.node_weight(id)
    }
    pub fn edge(&self, id: EdgeId) -> Option<&Edge> {
        self.inner.edge_weight(id)
    }
    /// Mutable access to a relationship.
    pub fn edge_mut(&mut self, id: EdgeId) -> Option<&mut Edge> {
        self.relationships_changed();
        self.inner.edge_weight_mut(id)
    }

    /// Changes a node's sources and the properties no index reads ([`UnindexedProps`]), without
    /// [`Graph::update_node`]'s copy and comparison of the labels, name and aliases before and
    /// after: the merge makes such an update for every entity of every article.
    pub fn update_node_unindexed<R>(
        &mut self,
        id: NodeId,
        f: impl FnOnce(&mut Vec<Span>, &mut UnindexedProps<'_>) -> R,
    ) -> Option<R> {
        let node = self.inner.node_weight_mut(id)?;
        self.dirty = true;
        Some(f(&mut node.sources, &mut UnindexedProps(&mut node.props)))
    }

    /// Changes a node through `f`, keeping the indexes in step. The indexes are only touched when
    /// the labels, name or aliases changed (most updates add sources and are cheap).
    pub fn update_node<R>(&mut self, id: NodeId, f: impl FnOnce(&mut Node) -> R) -> Option<R> {
        let node = self.inner.node_weight_mut(id)?;
        let before = IndexedParts::of(node);
        let r = f(node);
        if !before.same_as(node) {
            self.reindex(id, &before.labels, &before.keys());
        }
        self.dirty = true;
        Some(r)
    }

    /// Removes a node and all its relationships.
    pub fn remove_node(&mut self, id: NodeId) -> Option<Node> {
        if !self.inner.contains_node(id) {
            return None;
        }
        self.unindex_node(id);
        self.relationships_changed();
        self.inner.remove_node(id)
    }
    /// Removes a relationship.
    pub fn remove_edge(&mut self, id: EdgeId) -> Option<Edge> {
        self.relationships_changed();
        self.inner.remove_edge(id)
    }

    /// Marks the graph unsaved and drops the query relationship lists, which no longer match.
    fn relationships_changed(&mut self) {
        self.dirty = true;
        self.adjacency = None;
    }

    /// Builds the compact relationship lists queries walk, unless they are current.
    pub fn prepare_adjacency(&mut self) {
        if self.adjacency.is_none() {
            self.adjacency = Adjacency::build(&self.inner).map(std::sync::Arc::new);
        }
    }

    /// The compact relationship lists, when current (see [`Graph::prepare_adjacency`]).
    pub fn adjacency(&self) -> Option<&Adjacency> {
        self.adjacency.as_deref()
    }

    /// The endpoints (start, end) of a relationship.
    pub fn edge_endpoints(&self, id: EdgeId) -> Option<(NodeId, NodeId)> {
        self.inner.edge_endpoints(id)
    }

    /// All node ids, in ascending order.
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.inner.node_indices()
    }
    /// All relationship ids, in ascending order.
    pub fn edge_ids(&self) -> impl Iterator<Item = EdgeId> + '_ {
        self.inner.edge_indices()
    }
    /// Relationships leaving (`Outgoing`) or entering (`Incoming`) a node: (edge, other node).
    pub fn edges_of(
        &self,
        id: NodeId,
        dir: Direction,
    ) -> impl Iterator<Item = (EdgeId, NodeId)> + '_ {
        self.edges_with(id, dir).map(|(e, _, other)| (e, other))
    }

    /// [`Graph::edges_of`] with each relationship's data, read in the same step.
    pub fn edges_with(
        &self,
        id: NodeId,
        dir: Direction,
    ) -> impl Iterator<Item = (EdgeId, &Edge, NodeId)> + '_ {
        directed(&self.inner, id, dir)
    }

    /// Relationships from `from` to `to`. Walks the outgoing list of `from` and the incoming list
    /// of `to` in step and stops with whichever ends first, so the cost is the smaller degree (a
    /// country mentioned in 100k articles must not make every new mention scan them all).
    pub fn edges_between(&self, from: NodeId, to: NodeId) -> Vec<EdgeId> {
        let mut out = self.edges_of(from, Direction::Outgoing);
        let mut inc = self.edges_of(to, Direction::Incoming);
        let (mut via_out, mut via_in) = (Vec::new(), Vec::new());
        loop {
            match out.next() {
                None => return via_out,
                Some((e, other)) if other == to => via_out.push(e),
                Some(_) => {}
            }
            match inc.next() {
                None => return via_in,
                Some((e, other)) if other == from => via_in.push(e),
                Some(_) => {}
            }
        }
    }

    /// Nodes that carry a label (from the index).
    pub fn nodes_with_label(&self, label: &str) -> &[NodeId] {
        self.by_label.get(label).map_or(&[], Vec::as_slice)
    }
    /// Nodes whose `name` or one of whose `aliases` folds to the same key as `name` (from the index).
    pub fn nodes_named(&self, name: &str) -> &[NodeId] {
        self.by_name
            .get(&fold_name(name))
            .map_or(&[], Vec::as_slice)
    }
    /// Every label in use, with its node count, sorted by label.
    pub fn label_counts(&self) -> Vec<(String, usize)> {
        let mut v: Vec<_> = self
            .by_label
            .iter()
            .filter(|(_, ids)| !ids.is_empty())
            .map(|(l, ids)| (l.clone(), ids.len()))
            .collect();
        v.sort();
        v
    }
    /// Every relationship type in use, with its count, sorted by type.
    pub fn rel_type_counts(&self) -> Vec<(String, usize)> {
        let mut m: BTreeMap<&str, usize> = BTreeMap::new();
        for e in self.inner.edge_weights() {
            *m.entry(e.rel_type.as_str()).or_default() += 1;
        }
        m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }

    /// The ingested documents.
    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }
    /// A document by index.
    pub fn document(&self, doc: DocId) -> Option<&DocumentInfo> {
        self.documents.get(doc as usize)
    }
    /// Registers a document and returns its index.
    pub fn add_document(&mut self, info: DocumentInfo) -> DocId {
        let id = self.documents.len() as DocId;
        self.by_hash.entry(info.hash.clone()).or_insert(id);
        self.documents.push(info);
        self.dirty = true;
        id
    }
    /// Mutable access to a document's metadata (its `hash` must not change).
    pub fn document_mut(&mut self, doc: DocId) -> Option<&mut DocumentInfo> {
        self.dirty = true;
        self.documents.get_mut(doc as usize)
    }
    /// Finds a document by content hash (indexed).
    pub fn document_by_hash(&self, hash: &str) -> Option<DocId> {
        self.by_hash.get(hash).copied()
    }
    /// The text a span covers, if the span is valid.
    pub fn span_text(&self, span: Span) -> Option<&str> {
        self.document(span.doc)?
            .text
            .get(span.start as usize..span.end as usize)
    }

    /// Rebuilds the label and name indexes from the nodes.
    pub fn rebuild_indexes(&mut self) {
        self.by_label.clear();
        self.by_name.clear();
        self.by_hash.clear();
        for (i, d) in self.documents.iter().enumerate() {
            self.by_hash.entry(d.hash.clone()).or_insert(i as DocId);
        }
        let ids: Vec<NodeId> = self.inner.node_indices().collect();
        for id in ids {
            self.index_node(id);
        }
    }

    fn index_keys(node: &Node) -> Vec<String> {
        name_keys(node.name().into_iter().chain(node.aliases()))
    }

    fn index_node(&mut self, id: NodeId) {
        let Some(node) = self.inner.node_weight(id) else {
            return;
        };
        let (labels, keys) = (node.labels.clone(), Self::index_keys(node));
        self.add_to_indexes(id, &labels, keys);
    }

    /// Adds node `id` to the lists of `labels` and name `keys`.
    fn add_to_indexes(&mut self, id: NodeId, labels: &[String], keys: Vec<String>) {
        for l in labels {
            let v = self.by_label.entry(l.clone()).or_default();
            if let Err(pos) = v.binary_search(&id) {
                v.insert(pos, id);
            }
        }
        for k in keys {
            let v = self.by_name.entry(k).or_default();
            if let Err(pos) = v.binary_search(&id) {
                v.insert(pos, id);
            }
        }
    }

    /// Updates the indexes of node `id`, whose labels and name keys were `old_labels` and
    /// `old_keys`: removes only the entries it lost and adds only those it gained (a label's
    /// list holds every node with it, so taking out and putting back an unchanged one would
    /// shift most of the list).
    fn reindex(&mut self, id: NodeId, old_labels: &[String], old_keys: &[String]) {
        let Some(node) = self.inner.node_weight(id) else {
            return;
        };
        let (labels, keys) = (node.labels.clone(), Self::index_keys(node));
        let lost_labels: Vec<String> = old_labels
            .iter()
            .filter(|l| !labels.contains(l))
            .cloned()
            .collect();
        let lost_keys: Vec<String> = old_keys
            .iter()
            .filter(|k| keys.binary_search(k).is_err())
            .cloned()
            .collect();
        self.unindex_keys(id, &lost_labels, &lost_keys);
        let new_labels: Vec<String> = labels
            .into_iter()
            .filter(|l| !old_labels.contains(l))
            .collect();
        let new_keys: Vec<String> = keys
            .into_iter()
            .filter(|k| old_keys.binary_search(k).is_err())
            .collect();
        self.add_to_indexes(id, &new_labels, new_keys);
    }

    fn unindex_node(&mut self, id: NodeId) {
        let Some(node) = self.inner.node_weight(id) else {
            return;
        };
        let (labels, keys) = (node.labels.clone(), Self::index_keys(node));
        self.unindex_keys(id, &labels, &keys);
    }

    fn unindex_keys(&mut self, id: NodeId, labels: &[String], keys: &[String]) {
        for l in labels {
            if let Some(v) = self.by_label.get_mut(l)
                && let Ok(pos) = v.binary_search(&id)
            {
                v.remove(pos);
            }
        }
        for k in keys {
            if let Some(v) = self.by_name.get_mut(k)
                && let Ok(pos) = v.binary_search(&id)
            {
                v.remove(pos);
            }
        }
    }

    /// The raw petgraph graph (read-only), for algorithms such as shortest paths.
    pub fn petgraph(&self) -> &StableDiGraph<Node, Edge, u32> {
        &self.inner
    }

    pub(crate) fn from_parts(
        inner: StableDiGraph<Node, Edge, u32>,
        documents: Vec<DocumentInfo>,
    ) -> Self {
        let mut g = Graph {
            inner,
            documents,
            ..Default::default()
        };
        g.rebuild_indexes();
        g
    }
    pub(crate) fn parts(&self) -> (&StableDiGraph<Node, Edge, u32>, &[DocumentInfo]) {
        (&self.inner, &self.documents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str]) -> Node {
        let mut n = Node::new(schema::PERSON);
        n.props.insert("name".into(), name.into());
        n.props.insert(
            "aliases".into(),
            Value::from(aliases.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
        );
        n
    }

    #[test]
    fn fold_name_unifies_romanizations() {
        assert_eq!(fold_name("Kim Jong-un"), fold_name("kim  jong un"));
        assert_eq!(fold_name("U.S."), "us");
        assert_eq!(fold_name("China’s"), "chinas");
    }

    #[test]
    fn unindexed_updates_cannot_change_what_the_index_reads() {
        let mut g = Graph::new();
        let a = g.add_node(person("Ana Ruiz", &["Ruiz"]));
        g.dirty = false;
        let set = g.update_node_unindexed(a, |sources, props| {
            sources.push(Span {
                doc: 0,
                start: 0,
                end: 8,
            });
            [
                props.insert("name", "Bo Li".into()),
                props.insert("aliases", Value::from(vec!["Li".to_string()])),
                props.insert("confidence", Value::Float(0.9)),
            ]
        });
        assert_eq!(set, Some([false, false, true]));
        let node = g.node(a).unwrap();
        assert_eq!(
            (node.name(), node.aliases()),
            (Some("Ana Ruiz"), vec!["Ruiz"])
        );
        assert_eq!(node.sources.len(), 1);
        assert_eq!(node.props.get("confidence"), Some(&Value::Float(0.9)));
        assert_eq!(g.nodes_named("ruiz"), &[a]);
        assert!(g.dirty);
    }

    #[test]
    fn indexes_follow_updates_and_removals() {
        let mut g = Graph::new();
        let a = g.add_node(person("Ana Ruiz", &["Ruiz"]));
        assert_eq!(g.nodes_named("ruiz"), &[a]);
        assert_eq!(g.nodes_with_label("Person"), &[a]);
        g.update_node(a, |n| {
            n.props.insert("name".into(), "Ana María Ruiz".into());
            n.props.insert("aliases".into(), Value::List(vec![]));
        });
        assert!(g.nodes_named("Ruiz").is_empty());
        assert_eq!(g.nodes_named("ana maría ruiz"), &[a]);
        g.remove_node(a);
        assert!(g.nodes_with_label("Person").is_empty());
        assert!(g.nodes_named("ana maría ruiz").is_empty());
    }

    #[test]
    fn edges_between_finds_every_parallel_edge_from_either_side() {
        let mut g = Graph::new();
        let hub = g.add_node(Node::new("Country"));
        let docs: Vec<NodeId> = (0..20).map(|_| g.add_node(Node::new("Document"))).collect();
        for &d in &docs {
            g.add_edge(hub, d, Edge::new("MENTIONED_IN"));
        }
        let last = docs[19];
        let second = g.add_edge(hub, last, Edge::new("OTHER"));
        let first = g.add_edge(hub, docs[0], Edge::new("MENTIONED_IN"));
        assert_eq!(g.edges_between(hub, last).len(), 2);
        assert!(g.edges_between(hub, last).contains(&second.unwrap()));
        assert_eq!(g.edges_between(hub, docs[0]).len(), 2);
        assert!(g.edges_between(hub, docs[0]).contains(&first.unwrap()));
        assert!(g.edges_between(last, hub).is_empty());
    }

    #[test]
    fn updating_other_properties_keeps_the_indexes() {
        let mut g = Graph::new();
        let a = g.add_node(person("Ana Ruiz", &["Ruiz"]));
        g.update_node(a, |n| {
            n.props.insert("confidence".into(), Value::Float(0.5));
        });
        assert_eq!(g.nodes_named("ruiz"), &[a]);
        assert_eq!(g.nodes_with_label("Person"), &[a]);
    }

    #[test]
    fn edges_need_both_ends() {
        let mut g = Graph::new();
        let a = g.add_node(Node::new("A"));
        let b = g.add_node(Node::new("B"));
        assert!(g.add_edge(a, b, Edge::new("T")).is_some());
        g.remove_node(b);
        assert!(g.add_edge(a, b, Edge::new("T")).is_none());
        assert_eq!(g.edge_count(), 0);
    }
}
