//! `:help [topic]`: the commands, the keys, and example queries that use names from the loaded
//! graph, so that every example returns something.

use super::commands::META_COMMANDS;
use super::render::quote;
use crate::graph::{Graph, NodeId, schema};
use petgraph::Direction::{Incoming, Outgoing};
use std::fmt::Write as _;

const KEYS: &str = "Keys
  Enter         run the query when it ends with ';' (else a new line)
  Tab           complete keywords, :Labels, [:TYPES, .keys, \"names\", commands, file paths
  → (Right)     accept the grey hint
  Ctrl-R        search the history (history is kept between sessions)
  Ctrl-C        cancel the input being typed, or the running query
  Ctrl-D        leave (asks first when there are unsaved changes)";

/// The help text for a topic (`None`: the overview).
pub fn help(g: &Graph, topic: Option<&str>) -> Result<String, String> {
    match topic.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(format!(
            "Type a query ending with ';', or a command.\n\n{}\n\n{}\n\n{KEYS}",
            commands(),
            examples(g)
        )),
        Some("commands") => Ok(commands()),
        Some("keys") => Ok(KEYS.to_string()),
        Some("queries" | "examples" | "query") => Ok(format!(
            "{}\n\nQueries use a subset of openCypher: MATCH, OPTIONAL MATCH, WHERE, WITH, RETURN, ORDER BY,\nSKIP, LIMIT, UNWIND, CREATE, MERGE, SET, DELETE; parameters are written $name (see :param).",
            examples(g)
        )),
        Some(t) => META_COMMANDS
            .iter()
            .find(|c| c.name.trim_start_matches(':') == t)
            .map(|c| format!("{} {}\n  {}", c.name, c.args, c.help))
            .ok_or_else(|| {
                format!("no help on {t:?}; topics: queries, commands, keys, or a command name")
            }),
    }
}

fn commands() -> String {
    let mut out = String::from("Commands");
    for c in META_COMMANDS {
        let usage = format!("{} {}", c.name, c.args);
        let _ = write!(out, "\n  {:<34} {}", usage.trim_end(), c.help);
    }
    out
}

/// The node of a label with the most relationships of a type (in the given direction).
fn busiest(g: &Graph, label: &str, rel: &str, outgoing: bool) -> Option<NodeId> {
    let dir = if outgoing { Outgoing } else { Incoming };
    g.nodes_with_label(label)
        .iter()
        .copied()
        .map(|n| {
            let k = g
                .edges_of(n, dir)
                .filter(|(e, _)| g.edge(*e).is_some_and(|x| x.rel_type == rel))
                .count();
            (k, std::cmp::Reverse(n), n)
        })
        .filter(|(k, _, _)| *k > 0)
        .max()
        .map(|(_, _, n)| n)
}

fn name_of(g: &Graph, n: NodeId) -> Option<String> {
    g.node(n).and_then(|x| x.name()).map(str::to_string)
}

/// Example queries, filled with names from the graph where it has them.
pub fn examples(g: &Graph) -> String {
    let mut ex: Vec<String> = vec![
        "MATCH (p:Person)-[h:HOLDS_OFFICE]->(c) RETURN p.name, h.title, c.name LIMIT 10;".into(),
    ];
    let speaker = busiest(g, schema::PERSON, schema::SAID, true).and_then(|n| name_of(g, n));
    let officer =
        busiest(g, schema::PERSON, schema::HOLDS_OFFICE, true).and_then(|n| name_of(g, n));
    if let Some(s) = &speaker {
        ex.push(format!(
            "MATCH (p:Person {{name: {}}})-[:SAID]->(s:Statement) RETURN s.text, s.date;",
            quote(s)
        ));
    } else {
        ex.push("MATCH (p)-[:SAID]->(s:Statement) RETURN p.name, s.text LIMIT 5;".into());
    }
    ex.push(
        "MATCH (m:Meeting) OPTIONAL MATCH (m)-[:HELD_IN]->(pl) RETURN m.name, m.date, m.status, pl.name;"
            .into(),
    );
    ex.push(
        "MATCH (a:Person)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b:Person)\n    WHERE a.name < b.name RETURN a.name, b.name, m.name;".into(),
    );
    ex.push(
        "MATCH (e)-[r:MENTIONED_IN]->(d:Document) RETURN e.name, count(d) AS articles ORDER BY articles DESC LIMIT 5;"
            .into(),
    );
    let who = officer.or(speaker);
    if let Some(w) = &who {
        ex.push(format!(":show {w}"));
        let other = g
            .nodes_with_label(schema::COUNTRY)
            .iter()
            .chain(g.nodes_with_label(schema::PERSON))
            .filter_map(|n| name_of(g, *n))
            .find(|n| n != w);
        if let Some(o) = other {
            ex.push(format!(":path {} {}", quote(w), quote(&o)));
        }
    }
    let mut out = String::from("Examples on this graph");
    for e in ex {
        let _ = write!(out, "\n  {e}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    #[test]
    fn examples_use_names_from_the_graph() {
        let mut g = Graph::new();
        let mut p = Node::new("Person");
        p.props.insert("name".into(), "Ana Ruiz".into());
        let a = g.add_node(p);
        let mut c = Node::new("Country");
        c.props.insert("name".into(), "Chile".into());
        let b = g.add_node(c);
        g.add_edge(a, b, Edge::new("HOLDS_OFFICE"));
        let text = help(&g, None).unwrap();
        assert!(text.contains(":show Ana Ruiz"), "{text}");
        assert!(text.contains(":path \"Ana Ruiz\" \"Chile\""), "{text}");
        assert!(text.contains(":dot FILE"), "{text}");
        assert!(help(&g, Some("path")).unwrap().starts_with(":path A B"));
        assert!(help(&g, Some("nonsense")).is_err());
    }
}
