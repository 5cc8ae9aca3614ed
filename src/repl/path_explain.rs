//! `:path A B`: the shortest connection between two entities, in either direction, explained in
//! words ("Cho Hyun —HOLDS_OFFICE→ South Korea ←HOLDS_OFFICE— Lee Jae Myung") with the sentence
//! that supports each step.

use super::dossier::{self, DossierError, short_name};
use crate::graph::{EdgeId, Graph, NodeId, schema};
use petgraph::Direction::{Incoming, Outgoing};
use std::collections::{HashMap, VecDeque};
use std::fmt::Write as _;
use thiserror::Error;

/// Why no connection could be shown.
#[derive(Debug, Error, PartialEq)]
pub enum PathError {
    #[error(transparent)]
    Unknown(#[from] DossierError),
    #[error("{0} and {1} are not connected")]
    NotConnected(String, String),
}

/// One step of a connection: a relationship, walked along (`forward`) or against its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub edge: EdgeId,
    pub forward: bool,
}

/// A connection: `nodes.len() == steps.len() + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    pub nodes: Vec<NodeId>,
    pub steps: Vec<Step>,
}

/// The shortest connection between two nodes, ignoring direction. Connections through documents
/// ("both are mentioned in the same article") are used only when there is no other.
pub fn shortest(g: &Graph, from: NodeId, to: NodeId) -> Option<Connection> {
    bfs(g, from, to, false).or_else(|| bfs(g, from, to, true))
}

fn bfs(g: &Graph, from: NodeId, to: NodeId, via_documents: bool) -> Option<Connection> {
    g.node(from)?;
    g.node(to)?;
    let mut prev: HashMap<NodeId, (NodeId, Step)> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    let mut seen = std::collections::HashSet::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        if n != from && !via_documents && is_document(g, n) {
            continue;
        }
        for (dir, forward) in [(Outgoing, true), (Incoming, false)] {
            for (e, other) in g.edges_of(n, dir) {
                if !via_documents
                    && g.edge(e)
                        .is_some_and(|x| x.rel_type == schema::MENTIONED_IN)
                {
                    continue;
                }
                if seen.insert(other) {
                    prev.insert(other, (n, Step { edge: e, forward }));
                    queue.push_back(other);
                }
            }
        }
    }
    if from != to && !prev.contains_key(&to) {
        return None;
    }
    let mut nodes = vec![to];
    let mut steps = Vec::new();
    let mut cur = to;
    while cur != from {
        let (p, s) = prev.get(&cur)?;
        steps.push(*s);
        nodes.push(*p);
        cur = *p;
    }
    nodes.reverse();
    steps.reverse();
    Some(Connection { nodes, steps })
}

fn is_document(g: &Graph, n: NodeId) -> bool {
    g.node(n).is_some_and(|x| x.has_label(schema::DOCUMENT))
}

/// The verb phrase for a relationship, read from its start to its end node.
fn verb(g: &Graph, e: EdgeId) -> String {
    let Some(edge) = g.edge(e) else {
        return "is linked to".into();
    };
    let prop = |k: &str| {
        edge.props
            .get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    match edge.rel_type.as_str() {
        schema::HOLDS_OFFICE => match prop("title") {
            Some(t) => format!("is {t} of"),
            None => "holds office in".into(),
        },
        schema::RELATIVE_OF => match prop("relation") {
            Some(r) => format!("is a relative ({r}) of"),
            None => "is a relative of".into(),
        },
        schema::LOCATED_IN => "is located in".into(),
        schema::PARTICIPATED_IN => "took part in".into(),
        schema::HELD_IN => "was held in".into(),
        schema::SAID => "said".into(),
        schema::MENTIONS => "mentions".into(),
        schema::MENTIONED_IN => "is mentioned in".into(),
        other => format!("—{other}→"),
    }
}

/// The connection as one arrow line, then one sentence per step with its evidence.
pub fn explain(g: &Graph, c: &Connection) -> String {
    let mut out = String::new();
    if let Some(first) = c.nodes.first() {
        out.push_str(&short_name(g, *first));
    }
    for (i, s) in c.steps.iter().enumerate() {
        let ty = g.edge(s.edge).map_or("?", |e| e.rel_type.as_str());
        let next = c
            .nodes
            .get(i + 1)
            .map_or(String::new(), |n| short_name(g, *n));
        if s.forward {
            let _ = write!(out, " —{ty}→ {next}");
        } else {
            let _ = write!(out, " ←{ty}— {next}");
        }
    }
    let hops = c.steps.len();
    let _ = write!(out, "\n({hops} step{})", if hops == 1 { "" } else { "s" });
    for (i, s) in c.steps.iter().enumerate() {
        let Some((a, b)) = g.edge_endpoints(s.edge) else {
            continue;
        };
        let _ = write!(
            out,
            "\n  {}. {} {} {}.",
            i + 1,
            short_name(g, a),
            verb(g, s.edge),
            short_name(g, b)
        );
        let support = dossier::edge_evidence(g, s.edge);
        if let Some(ev) = support.first() {
            let _ = write!(out, "\n       ↳ [{}] {}", ev.doc, ev.sentence);
        }
    }
    out
}

/// Finds both entities by name and explains their shortest connection.
pub fn path_between(g: &Graph, a: &str, b: &str) -> Result<String, PathError> {
    let from = dossier::find(g, a)?;
    let to = dossier::find(g, b)?;
    let c = shortest(g, from, to)
        .ok_or_else(|| PathError::NotConnected(short_name(g, from), short_name(g, to)))?;
    Ok(explain(g, &c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    fn named(g: &mut Graph, label: &str, name: &str) -> NodeId {
        let mut n = Node::new(label);
        n.props.insert("name".into(), name.into());
        g.add_node(n)
    }

    #[test]
    fn explains_a_connection_against_and_along_edges() {
        let mut g = Graph::new();
        let cho = named(&mut g, "Person", "Cho Hyun");
        let kr = named(&mut g, "Country", "South Korea");
        let lee = named(&mut g, "Person", "Lee Jae Myung");
        let doc = named(&mut g, "Document", "d1");
        let mut e = Edge::new("HOLDS_OFFICE");
        e.props.insert("title".into(), "Foreign Minister".into());
        g.add_edge(cho, kr, e);
        let mut e = Edge::new("HOLDS_OFFICE");
        e.props.insert("title".into(), "President".into());
        g.add_edge(lee, kr, e);
        // A shorter route through a document is not preferred.
        g.add_edge(cho, doc, Edge::new("MENTIONED_IN"));
        g.add_edge(lee, doc, Edge::new("MENTIONED_IN"));
        let text = path_between(&g, "cho hyun", "Lee Jae Myung").unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("Cho Hyun —HOLDS_OFFICE→ South Korea ←HOLDS_OFFICE— Lee Jae Myung")
        );
        assert_eq!(lines.next(), Some("(2 steps)"));
        assert_eq!(
            lines.next(),
            Some("  1. Cho Hyun is Foreign Minister of South Korea.")
        );
        assert_eq!(
            lines.next(),
            Some("  2. Lee Jae Myung is President of South Korea.")
        );
    }

    #[test]
    fn falls_back_to_documents_and_reports_no_connection() {
        let mut g = Graph::new();
        let a = named(&mut g, "Person", "Ana");
        let b = named(&mut g, "Person", "Bo");
        let c = named(&mut g, "Person", "Cy");
        let doc = named(&mut g, "Document", "d1");
        g.add_edge(a, doc, Edge::new("MENTIONED_IN"));
        g.add_edge(b, doc, Edge::new("MENTIONED_IN"));
        let text = path_between(&g, "Ana", "Bo").unwrap();
        assert!(
            text.starts_with("Ana —MENTIONED_IN→ d1 ←MENTIONED_IN— Bo"),
            "{text}"
        );
        assert_eq!(
            path_between(&g, "Ana", "Cy"),
            Err(PathError::NotConnected("Ana".into(), "Cy".into()))
        );
        let _ = c;
        assert!(matches!(
            path_between(&g, "Ana", "Nobody"),
            Err(PathError::Unknown(_))
        ));
    }
}
