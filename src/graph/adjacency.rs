//! A compact, read-only copy of every node's relationship lists, for queries.
//!
//! petgraph keeps a node's relationships as a linked list through one big edge array, so walking
//! them costs a cache miss per relationship; a query that expands 80k meetings spends most of its
//! time waiting for memory. Here each node's outgoing and incoming relationships sit next to each
//! other (compressed sparse rows), with the type as a small number, in the same order petgraph
//! walks them (so results keep their order). It is built before a read-only query and dropped by
//! any change to the graph's relationships; a query that writes walks petgraph's lists.

use super::{EdgeId, NodeId};
use petgraph::Direction;
use petgraph::stable_graph::StableDiGraph;
use smol_str::SmolStr;
use std::collections::HashMap;

/// One relationship as seen from one of its ends.
#[derive(Debug, Clone, Copy)]
pub struct Adjacent {
    pub edge: EdgeId,
    pub other: NodeId,
    /// Index into [`Adjacency::types`].
    pub rel_type: u16,
}

/// Every node's relationships, by direction.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    /// Relationship type names; `Adjacent::rel_type` indexes them.
    pub types: Vec<SmolStr>,
    /// `out[out_start[n]..out_start[n + 1]]` are node `n`'s outgoing relationships.
    out_start: Vec<u32>,
    out: Vec<Adjacent>,
    in_start: Vec<u32>,
    inc: Vec<Adjacent>,
}

impl Adjacency {
    /// Copies the relationship lists of `g`; `None` when the graph has more than 65,536
    /// relationship types or 4 billion relationships (queries then walk petgraph's lists).
    pub fn build<N: Sync>(g: &StableDiGraph<N, super::Edge, u32>) -> Option<Self> {
        let mut types: Vec<SmolStr> = Vec::new();
        let mut type_ids: HashMap<SmolStr, u16> = HashMap::new();
        for e in g.edge_weights() {
            if !type_ids.contains_key(&e.rel_type) {
                let id = u16::try_from(types.len()).ok()?;
                type_ids.insert(e.rel_type.clone(), id);
                types.push(e.rel_type.clone());
            }
        }
        // The two directions are independent: built side by side.
        let (out, inc) = rayon::join(
            || lists(g, Direction::Outgoing, &type_ids),
            || lists(g, Direction::Incoming, &type_ids),
        );
        let ((out_start, out), (in_start, inc)) = (out?, inc?);
        Some(Adjacency {
            types,
            out_start,
            out,
            in_start,
            inc,
        })
    }

    /// Node `id`'s relationships in direction `dir` (empty for an unknown node).
    pub fn of(&self, id: NodeId, dir: Direction) -> &[Adjacent] {
        let (start, list) = match dir {
            Direction::Outgoing => (&self.out_start, &self.out),
            Direction::Incoming => (&self.in_start, &self.inc),
        };
        let n = id.index();
        match (start.get(n), start.get(n + 1)) {
            (Some(&a), Some(&b)) => list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The number a type name has here, if any relationship has it.
    pub fn type_id(&self, name: &str) -> Option<u16> {
        self.types.iter().position(|t| t == name).map(|i| i as u16)
    }
}

/// Start offsets and entries of every node's relationships in direction `dir`.
type Lists = (Vec<u32>, Vec<Adjacent>);

fn lists<N>(
    g: &StableDiGraph<N, super::Edge, u32>,
    dir: Direction,
    type_ids: &HashMap<SmolStr, u16>,
) -> Option<Lists> {
    let bound = g.node_indices().last().map_or(0, |n| n.index() + 1);
    let mut start = Vec::with_capacity(bound + 1);
    let mut items = Vec::with_capacity(g.edge_count());
    for n in 0..bound {
        start.push(u32::try_from(items.len()).ok()?);
        let id = NodeId::new(n);
        if !g.contains_node(id) {
            continue;
        }
        for (edge, weight, other) in super::directed(g, id, dir) {
            items.push(Adjacent {
                edge,
                other,
                rel_type: *type_ids.get(&weight.rel_type)?,
            });
        }
    }
    start.push(u32::try_from(items.len()).ok()?);
    Some((start, items))
}

#[cfg(test)]
mod tests {
    use crate::graph::{Edge, Graph, Node};
    use petgraph::Direction;

    #[test]
    fn lists_match_the_graph_in_order_and_go_stale_on_change() {
        let mut g = Graph::new();
        let a = g.add_node(Node::new("Person"));
        let b = g.add_node(Node::new("Person"));
        let c = g.add_node(Node::new("Country"));
        g.add_edge(a, b, Edge::new("MET"));
        g.add_edge(a, c, Edge::new("CITIZEN_OF"));
        g.add_edge(b, a, Edge::new("MET"));
        g.prepare_adjacency();
        let adj = g.adjacency().expect("built");
        for n in [a, b, c] {
            for dir in [Direction::Outgoing, Direction::Incoming] {
                let compact: Vec<_> = adj
                    .of(n, dir)
                    .iter()
                    .map(|x| {
                        (
                            x.edge,
                            x.other,
                            adj.types[usize::from(x.rel_type)].to_string(),
                        )
                    })
                    .collect();
                let walked: Vec<_> = g
                    .edges_with(n, dir)
                    .map(|(e, w, o)| (e, o, w.rel_type.to_string()))
                    .collect();
                assert_eq!(compact, walked);
            }
        }
        assert_eq!(adj.type_id("CITIZEN_OF"), Some(1));
        assert!(adj.type_id("LED").is_none());
        g.add_edge(c, a, Edge::new("LED"));
        assert!(
            g.adjacency().is_none(),
            "a new relationship makes the lists stale"
        );
    }
}
