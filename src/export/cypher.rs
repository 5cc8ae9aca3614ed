//! A Cypher script: one CREATE statement that rebuilds the graph (or `subset`) in Neo4j
//! (`cypher-shell < graph.cypher`) or in newsgraph itself (`newsgraph query -e "$(cat graph.cypher)"`).
//!
//! Neo4j stores only scalars and homogeneous lists of scalars, so maps, nested or mixed lists and
//! the `sources` spans are written as JSON strings; null properties are left out. Identifiers that
//! are not plain words are quoted with backticks; strings are single-quoted with escapes.

use super::flat::sources_json;
use super::{ExportError, Subgraph, edge_in, node_in};
use crate::graph::{Graph, NodeId, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write;

/// Words that must be quoted when used as names (openCypher's reserved words and a few more).
const RESERVED: &[&str] = &[
    "ALL",
    "AND",
    "AS",
    "ASC",
    "ASCENDING",
    "BY",
    "CALL",
    "CASE",
    "CONTAINS",
    "CREATE",
    "DELETE",
    "DESC",
    "DESCENDING",
    "DETACH",
    "DISTINCT",
    "ELSE",
    "END",
    "ENDS",
    "EXISTS",
    "FALSE",
    "IN",
    "IS",
    "LIMIT",
    "MATCH",
    "MERGE",
    "NOT",
    "NULL",
    "ON",
    "OPTIONAL",
    "OR",
    "ORDER",
    "REMOVE",
    "RETURN",
    "SET",
    "SKIP",
    "STARTS",
    "THEN",
    "TRUE",
    "UNION",
    "UNWIND",
    "WHEN",
    "WHERE",
    "WITH",
    "XOR",
    "YIELD",
    "ADD",
    "DROP",
    "FOR",
    "FROM",
    "MANDATORY",
    "OF",
    "REQUIRE",
    "SCALAR",
    "UNIQUE",
    "CONSTRAINT",
    "DO",
    "INDEX",
];

/// A label, type or property key as a Cypher name: plain when it is a simple word, else quoted
/// with backticks (a backtick inside is doubled).
pub fn name(s: &str) -> String {
    let simple = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !RESERVED.iter().any(|r| r.eq_ignore_ascii_case(s));
    if simple {
        s.to_string()
    } else if s.is_empty() {
        // Cypher has no empty names.
        "`_`".to_string()
    } else {
        format!("`{}`", s.replace('`', "``"))
    }
}

/// A single-quoted Cypher string literal.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn int(i: i64) -> String {
    if i == i64::MIN {
        // The literal 9223372036854775808 does not fit, so its negation cannot be written directly.
        "-9223372036854775807 - 1".into()
    } else {
        i.to_string()
    }
}

fn float(f: f64) -> String {
    if f.is_nan() {
        "0.0 / 0.0".into()
    } else if f.is_infinite() {
        if f > 0.0 { "1.0 / 0.0" } else { "-1.0 / 0.0" }.into()
    } else {
        let s = format!("{f:?}");
        if s.contains(['.', 'e', 'E']) {
            s
        } else {
            format!("{s}.0")
        }
    }
}

/// A property value as a Cypher expression Neo4j can store, or `None` for null.
fn literal(v: &Value) -> Option<String> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => int(*i),
        Value::Float(f) => float(*f),
        Value::String(s) => string(s),
        Value::List(items) => {
            let kind = |v: &Value| std::mem::discriminant(v);
            let homogeneous = items.windows(2).all(|w| match w {
                [a, b] => kind(a) == kind(b),
                _ => true,
            });
            let scalar = items.iter().all(|i| {
                matches!(
                    i,
                    Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::String(_)
                )
            });
            if homogeneous && scalar {
                let parts: Vec<String> = items.iter().filter_map(literal).collect();
                format!("[{}]", parts.join(", "))
            } else {
                string(&v.to_json().to_string())
            }
        }
        Value::Map(_) => string(&v.to_json().to_string()),
    })
}

fn props(graph: &Graph, props: &crate::graph::Props, sources: &[crate::graph::Span]) -> String {
    let mut parts: Vec<String> = props
        .iter()
        .filter(|(k, _)| k.as_str() != "sources")
        .filter_map(|(k, v)| literal(v).map(|l| format!("{}: {l}", name(k))))
        .collect();
    parts.push(format!(
        "sources: {}",
        string(&sources_json(graph, sources))
    ));
    format!(" {{{}}}", parts.join(", "))
}

/// Writes the graph (or `subset`) as one Cypher CREATE statement.
pub fn write(
    graph: &Graph,
    subset: Option<&Subgraph>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let nodes: Vec<NodeId> = graph.node_ids().filter(|&n| node_in(subset, n)).collect();
    let kept: BTreeSet<NodeId> = nodes.iter().copied().collect();
    let edges: Vec<_> = graph
        .edge_ids()
        .filter(|&e| edge_in(subset, e))
        .filter_map(|e| graph.edge_endpoints(e).map(|(a, b)| (e, a, b)))
        .filter(|(_, a, b)| kept.contains(a) && kept.contains(b))
        .collect();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// newsgraph export: {} nodes, {} relationships. Replay with cypher-shell or `newsgraph query`.",
        nodes.len(),
        edges.len()
    );
    if nodes.is_empty() {
        out.write_all(s.as_bytes())?;
        return Ok(());
    }
    let mut items = Vec::with_capacity(nodes.len() + edges.len());
    for &id in &nodes {
        let Some(n) = graph.node(id) else { continue };
        let labels: String = n.labels.iter().map(|l| format!(":{}", name(l))).collect();
        items.push(format!(
            "(n{}{labels}{})",
            id.index(),
            props(graph, &n.props, &n.sources)
        ));
    }
    for (e, a, b) in &edges {
        let Some(edge) = graph.edge(*e) else { continue };
        items.push(format!(
            "(n{})-[:{}{}]->(n{})",
            a.index(),
            name(&edge.rel_type),
            props(graph, &edge.props, &edge.sources),
            b.index()
        ));
    }
    s.push_str("CREATE\n  ");
    s.push_str(&items.join(",\n  "));
    s.push_str(";\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_strings_are_quoted() {
        assert_eq!(name("Person"), "Person");
        assert_eq!(name("end"), "`end`");
        assert_eq!(name("a`b c"), "`a``b c`");
        assert_eq!(name("été"), "`été`");
        assert_eq!(
            string("it's \\ \"x\"\n\u{0}"),
            "'it\\'s \\\\ \"x\"\\n\\u0000'"
        );
    }

    #[test]
    fn values_neo4j_cannot_store_become_json_strings() {
        assert_eq!(literal(&Value::Float(2.0)).unwrap(), "2.0");
        assert_eq!(
            literal(&Value::Int(i64::MIN)).unwrap(),
            "-9223372036854775807 - 1"
        );
        let mixed = Value::List(vec![Value::Int(1), "a".into()]);
        assert_eq!(literal(&mixed).unwrap(), "'[1,\"a\"]'");
        assert_eq!(literal(&Value::List(vec![])).unwrap(), "[]");
        assert_eq!(literal(&Value::Null), None);
    }
}
