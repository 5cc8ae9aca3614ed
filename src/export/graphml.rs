//! GraphML with typed keys (boolean, long, double, string), as read by Gephi, yEd and NetworkX.
//!
//! Built-in keys: node `labels` (":Person:Other", as Neo4j's APOC writes it) and `label` (the
//! display name, which Gephi shows), relationship `type`, and `sources` on both (JSON). Each
//! property gets a key typed over all its values; lists and maps are written as JSON strings. A
//! property whose name clashes with a built-in key is written with a leading underscore.
//! Characters XML 1.0 cannot carry (control characters other than tab, newline and carriage
//! return; U+FFFE, U+FFFF) are dropped.

use super::describe::display_name;
use super::flat::{FlatType, key_types, scalar_text, sources_json};
use super::{ExportError, Subgraph, edge_in, node_in};
use crate::graph::{Graph, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

const NODE_BUILTINS: [&str; 3] = ["labels", "label", "sources"];
const EDGE_BUILTINS: [&str; 2] = ["type", "sources"];

/// Escapes text for XML content or attribute values, dropping characters XML cannot carry and
/// keeping whitespace that parsers would otherwise normalise.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn graphml_type(t: FlatType) -> &'static str {
    match t {
        FlatType::Boolean => "boolean",
        FlatType::Long => "long",
        FlatType::Double => "double",
        FlatType::String | FlatType::StringList => "string",
    }
}

/// The key name a property is written under: names that are a built-in key after removing
/// leading underscores get one more underscore, so no property hides a built-in or another property.
fn key_name(name: &str, builtins: &[&str]) -> String {
    if builtins.contains(&name.trim_start_matches('_')) {
        format!("_{name}")
    } else {
        name.to_string()
    }
}

struct Keys {
    /// property name → (key id, type)
    props: BTreeMap<String, (String, FlatType)>,
}

fn write_keys(
    s: &mut String,
    domain: &str,
    prefix: &str,
    builtins: &[&str],
    types: BTreeMap<String, FlatType>,
) -> Keys {
    for b in builtins {
        let _ = writeln!(
            s,
            "  <key id=\"{}_{b}\" for=\"{domain}\" attr.name=\"{b}\" attr.type=\"string\"/>",
            &domain[..1]
        );
    }
    let mut props = BTreeMap::new();
    for (i, (name, t)) in types.into_iter().enumerate() {
        let id = format!("{prefix}{i}");
        let shown = key_name(&name, builtins);
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{}\"/>",
            xml(&shown),
            graphml_type(t)
        );
        props.insert(name, (id, t));
    }
    Keys { props }
}

fn write_data(s: &mut String, key: &str, value: &str) {
    let _ = writeln!(s, "      <data key=\"{key}\">{}</data>", xml(value));
}

fn write_props(s: &mut String, keys: &Keys, props: &crate::graph::Props) {
    for (k, v) in props {
        if matches!(v, Value::Null) {
            continue;
        }
        if let Some((id, t)) = keys.props.get(k.as_str()) {
            write_data(s, id, &scalar_text(v, *t));
        }
    }
}

/// Writes the graph (or `subset`) as GraphML.
pub fn write(
    graph: &Graph,
    subset: Option<&Subgraph>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let nodes: Vec<_> = graph.node_ids().filter(|&n| node_in(subset, n)).collect();
    let edges: Vec<_> = graph
        .edge_ids()
        .filter(|&e| edge_in(subset, e))
        .filter_map(|e| graph.edge_endpoints(e).map(|(a, b)| (e, a, b)))
        .filter(|(_, a, b)| node_in(subset, *a) && node_in(subset, *b))
        .collect();
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    let node_types = key_types(
        nodes
            .iter()
            .filter_map(|&n| graph.node(n))
            .map(|n| &n.props),
    );
    let edge_types = key_types(
        edges
            .iter()
            .filter_map(|(e, _, _)| graph.edge(*e))
            .map(|e| &e.props),
    );
    let nkeys = write_keys(&mut s, "node", "np", &NODE_BUILTINS, node_types);
    let ekeys = write_keys(&mut s, "edge", "ep", &EDGE_BUILTINS, edge_types);
    s.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for &id in &nodes {
        let Some(n) = graph.node(id) else { continue };
        let _ = writeln!(s, "    <node id=\"n{}\">", id.index());
        let labels: String = n.labels.iter().map(|l| format!(":{l}")).collect();
        write_data(&mut s, "n_labels", &labels);
        write_data(&mut s, "n_label", &display_name(n));
        write_data(&mut s, "n_sources", &sources_json(graph, &n.sources));
        write_props(&mut s, &nkeys, &n.props);
        s.push_str("    </node>\n");
    }
    for (id, a, b) in &edges {
        let Some(e) = graph.edge(*id) else { continue };
        let _ = writeln!(
            s,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            id.index(),
            a.index(),
            b.index()
        );
        write_data(&mut s, "e_type", &e.rel_type);
        write_data(&mut s, "e_sources", &sources_json(graph, &e.sources));
        write_props(&mut s, &ekeys, &e.props);
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_what_xml_cannot_carry() {
        assert_eq!(
            xml("a<b>&\"'\u{0}\u{FFFE}\r\n"),
            "a&lt;b&gt;&amp;&quot;&apos;&#13;&#10;"
        );
    }

    #[test]
    fn clashing_property_names_get_an_underscore() {
        assert_eq!(key_name("labels", &NODE_BUILTINS), "_labels");
        assert_eq!(key_name("_labels", &NODE_BUILTINS), "__labels");
        assert_eq!(key_name("name", &NODE_BUILTINS), "name");
    }
}
