//! What the loaded graph calls things: labels, relationship types, property keys and entity names,
//! gathered once so completion and hints do not walk the graph on every key press.

use crate::graph::{Graph, schema};
use std::collections::{BTreeMap, BTreeSet};

/// The graph's vocabulary, for completion.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vocab {
    pub labels: BTreeSet<String>,
    pub rel_types: BTreeSet<String>,
    /// Property keys of nodes, by label.
    pub node_keys: BTreeMap<String, BTreeSet<String>>,
    /// Property keys of relationships, by type.
    pub rel_keys: BTreeMap<String, BTreeSet<String>>,
    /// Every property key of nodes and relationships.
    pub all_keys: BTreeSet<String>,
    /// Names and aliases of named nodes (entities and meetings), sorted and deduplicated.
    pub names: Vec<String>,
}

impl Vocab {
    /// Gathers the vocabulary of a graph.
    pub fn from_graph(g: &Graph) -> Self {
        let mut v = Vocab::default();
        let mut names = BTreeSet::new();
        for id in g.node_ids() {
            let Some(n) = g.node(id) else { continue };
            for l in &n.labels {
                v.labels.insert(l.clone());
                let keys = v.node_keys.entry(l.clone()).or_default();
                keys.extend(n.props.keys().map(|k| k.to_string()));
            }
            v.all_keys.extend(n.props.keys().map(|k| k.to_string()));
            if n.has_label(schema::DOCUMENT) || n.has_label(schema::STATEMENT) {
                continue;
            }
            names.extend(n.name().map(str::to_string));
            names.extend(n.aliases().into_iter().map(str::to_string));
        }
        for id in g.edge_ids() {
            let Some(e) = g.edge(id) else { continue };
            v.rel_types.insert(e.rel_type.to_string());
            v.rel_keys
                .entry(e.rel_type.to_string())
                .or_default()
                .extend(e.props.keys().map(|k| k.to_string()));
            v.all_keys.extend(e.props.keys().map(|k| k.to_string()));
        }
        v.names = names.into_iter().filter(|s| !s.trim().is_empty()).collect();
        v
    }
}
