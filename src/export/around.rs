//! The neighbourhood of an entity: every node within a number of hops of it, in either
//! direction, with the relationships among those nodes.

use super::{ExportError, Subgraph};
use crate::graph::{Graph, NodeId, schema};
use petgraph::Direction;
use std::collections::{BTreeSet, VecDeque};

/// The subgraph within `depth` hops of every node whose name or alias matches `name` (matched as
/// [`Graph::nodes_named`] does). Document nodes are included when reached but not walked through,
/// so one shared article does not pull in everything it mentions. Relationships are those whose
/// two ends are both in the neighbourhood.
pub fn around(graph: &Graph, name: &str, depth: usize) -> Result<Subgraph, ExportError> {
    let starts = graph.nodes_named(name);
    if starts.is_empty() {
        return Err(ExportError::UnknownName(name.to_string()));
    }
    let mut seen: BTreeSet<NodeId> = starts.iter().copied().collect();
    let mut queue: VecDeque<(NodeId, usize)> = starts.iter().map(|&n| (n, 0)).collect();
    while let Some((id, d)) = queue.pop_front() {
        let is_doc = graph
            .node(id)
            .is_some_and(|n| n.has_label(schema::DOCUMENT));
        if d >= depth || (is_doc && d > 0) {
            continue;
        }
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for (_, other) in graph.edges_of(id, dir) {
                if seen.insert(other) {
                    queue.push_back((other, d + 1));
                }
            }
        }
    }
    let mut sub = Subgraph {
        nodes: seen,
        edges: BTreeSet::new(),
    };
    for e in graph.edge_ids() {
        if let Some((a, b)) = graph.edge_endpoints(e)
            && sub.nodes.contains(&a)
            && sub.nodes.contains(&b)
        {
            sub.edges.insert(e);
        }
    }
    Ok(sub)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node, Value};

    fn named(g: &mut Graph, label: &str, name: &str) -> NodeId {
        let mut n = Node::new(label);
        n.props.insert("name".into(), Value::from(name));
        g.add_node(n)
    }

    #[test]
    fn depth_counts_hops_in_both_directions_and_documents_stop_the_walk() {
        let mut g = Graph::new();
        let a = named(&mut g, "Person", "Ada Obi");
        let c = named(&mut g, "Country", "Ruritania");
        let b = named(&mut g, "Person", "Ben Tal");
        let d = named(&mut g, "Document", "doc1");
        let far = named(&mut g, "Person", "Far Away");
        g.add_edge(a, c, Edge::new("HOLDS_OFFICE"));
        g.add_edge(b, c, Edge::new("HOLDS_OFFICE"));
        g.add_edge(a, d, Edge::new("MENTIONED_IN"));
        g.add_edge(far, d, Edge::new("MENTIONED_IN"));
        let one = around(&g, "ada obi", 1).unwrap();
        assert_eq!(one.nodes, [a, c, d].into_iter().collect());
        assert_eq!(one.edges.len(), 2);
        let two = around(&g, "Ada Obi", 2).unwrap();
        assert_eq!(two.nodes, [a, c, b, d].into_iter().collect());
        assert!(matches!(
            around(&g, "Nobody", 2),
            Err(ExportError::UnknownName(_))
        ));
    }
}
