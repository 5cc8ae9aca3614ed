//! GraphViz DOT: one shape and colour per label, a legend, statements as short wrapped excerpts
//! (full quote in the tooltip), edge labels with office titles and dates, optional clusters.
//!
//! Always valid: every identifier is a quoted string, node labels are HTML-like labels whose text
//! is entity-escaped, and every other string is escaped for DOT's escString (backslashes, quotes,
//! newlines) with `&`, `<`, `>` as entities. Output depends only on the graph: same graph, same bytes.

use super::describe::{display_name, excerpt, primary_label, prop_str, value_text, wrap};
use super::{ExportError, Subgraph, edge_in, node_in};
use crate::graph::{Edge, EdgeId, Graph, Node, NodeId, Value, schema};
use petgraph::Direction;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;

/// Layout direction (`rankdir`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankDir {
    #[default]
    LeftRight,
    TopBottom,
    RightLeft,
    BottomTop,
}

impl RankDir {
    fn as_dot(self) -> &'static str {
        match self {
            RankDir::LeftRight => "LR",
            RankDir::TopBottom => "TB",
            RankDir::RightLeft => "RL",
            RankDir::BottomTop => "BT",
        }
    }
}

/// How to group nodes into boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cluster {
    /// One box per document, holding the nodes supported only by that document.
    Document,
    /// One box per country, holding the country, people in office there, places in it, the
    /// statements of those people and meetings held there.
    Country,
}

/// Options of the DOT writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    pub rankdir: RankDir,
    pub cluster: Option<Cluster>,
    /// Draw the legend box (labels and relationship types present, with counts).
    pub legend: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            rankdir: RankDir::default(),
            cluster: None,
            legend: true,
        }
    }
}

/// How nodes of one label look.
struct NodeStyle {
    shape: &'static str,
    style: &'static str,
    fill: &'static str,
    border: &'static str,
}

const FALLBACK_FILLS: [(&str, &str); 6] = [
    ("#d0e0e3", "#45818e"),
    ("#ead1dc", "#a64d79"),
    ("#e6e6fa", "#6a5acd"),
    ("#f0f0d8", "#8a8a3c"),
    ("#fde2d2", "#c0622b"),
    ("#d8f0e8", "#2e8b57"),
];

fn node_style(label: &str) -> NodeStyle {
    let s = |shape, style, fill, border| NodeStyle {
        shape,
        style,
        fill,
        border,
    };
    match label {
        schema::PERSON => s("ellipse", "filled", "#cfe2f3", "#3d85c6"),
        schema::COUNTRY => s("hexagon", "filled", "#d9ead3", "#6aa84f"),
        schema::ORGANIZATION => s("box", "rounded,filled", "#fce5cd", "#e69138"),
        schema::PLACE => s("house", "filled", "#d9d2e9", "#8e7cc3"),
        schema::MEETING => s("doubleoctagon", "filled", "#f4cccc", "#cc0000"),
        schema::STATEMENT => s("note", "filled", "#fff2cc", "#bf9000"),
        schema::DOCUMENT => s("folder", "filled", "#eeeeee", "#999999"),
        other => {
            let i = crc32fast::hash(other.as_bytes()) as usize % FALLBACK_FILLS.len();
            let (fill, border) = FALLBACK_FILLS
                .get(i)
                .copied()
                .unwrap_or(("#ffffff", "#555555"));
            s("box", "filled,dashed", fill, border)
        }
    }
}

/// Colour and line style of a relationship type.
fn edge_style(rel_type: &str) -> (&'static str, &'static str) {
    match rel_type {
        schema::HOLDS_OFFICE => ("#3d85c6", "bold"),
        schema::RELATIVE_OF => ("#a64d79", "bold"),
        schema::LOCATED_IN => ("#8e7cc3", "solid"),
        schema::PARTICIPATED_IN => ("#cc0000", "solid"),
        schema::HELD_IN => ("#e69138", "solid"),
        schema::SAID => ("#bf9000", "solid"),
        schema::MENTIONS => ("#999999", "dashed"),
        schema::MENTIONED_IN => ("#bbbbbb", "dotted"),
        _ => ("#555555", "solid"),
    }
}

/// Removes characters no XML or DOT consumer accepts (control characters other than newline and
/// tab, and the non-characters U+FFFE/U+FFFF); tabs become spaces.
fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\r' => Some(' '),
            '\u{FFFE}' | '\u{FFFF}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Escapes text for the inside of an HTML-like label.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Graphviz also expands escString sequences such as \N inside HTML-like labels.
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("<BR/>"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text as a quoted DOT string (escString): the result includes the quotes. Newlines
/// become `\n`; `&`, `<`, `>` become entities so Graphviz shows them literally.
pub fn quote(s: &str) -> String {
    quote_with(s, "\\\\")
}

/// Like [`quote`] for `tooltip` attributes, which Graphviz unescapes twice (a backslash needs four:
/// `\\\\` shows as one `\` in Graphviz 2.43, and as two at worst, never as an escape sequence).
pub fn quote_tooltip(s: &str) -> String {
    quote_with(s, "\\\\\\\\")
}

fn quote_with(s: &str, backslash: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in clean(s).chars() {
        match c {
            '\\' => out.push_str(backslash),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node_ref(id: NodeId) -> String {
    format!("\"n{}\"", id.index())
}

/// The HTML-like label of a node: a main text (bold for entities, italic for quotes) and a
/// smaller grey detail line.
fn node_label(node: &Node) -> String {
    let label = primary_label(node);
    let (main, italic, detail): (Vec<String>, bool, Vec<String>) = match label {
        schema::STATEMENT => {
            let text = prop_str(&node.props, "text").unwrap_or("");
            let quoted = format!("“{}”", excerpt(text, 90));
            let detail = prop_str(&node.props, "date").map(str::to_string);
            (wrap(&quoted, 30), true, detail.into_iter().collect())
        }
        schema::MEETING => {
            let name = excerpt(&display_name(node), 60);
            let mut when = prop_str(&node.props, "date").unwrap_or("").to_string();
            if let Some(end) = prop_str(&node.props, "date_end") {
                when = format!("{when} – {end}");
            }
            match prop_str(&node.props, "status") {
                Some(s) if s != "held" => when = format!("{when} ({s})").trim().to_string(),
                _ => {}
            }
            (wrap(&name, 24), false, vec![when])
        }
        schema::DOCUMENT => {
            let title = prop_str(&node.props, "title");
            let mut detail = Vec::new();
            if let Some(d) = prop_str(&node.props, "date") {
                detail.push(d.to_string());
            }
            if let (Some(_), Some(n)) = (title, prop_str(&node.props, "name")) {
                detail.push(n.to_string());
            }
            let title = title
                .map(str::to_string)
                .unwrap_or_else(|| display_name(node));
            (
                wrap(&excerpt(&title, 70), 28),
                false,
                vec![detail.join(" · ")],
            )
        }
        _ => (
            wrap(&excerpt(&display_name(node), 60), 24),
            false,
            Vec::new(),
        ),
    };
    let mut main = main
        .iter()
        .map(|l| html(l))
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("<BR/>");
    if main.is_empty() {
        // Graphviz rejects an empty <B></B>; name the label instead.
        main = html(&format!("({label})"));
    }
    let main = if italic {
        format!("<I>{main}</I>")
    } else {
        format!("<B>{main}</B>")
    };
    let detail: Vec<String> = detail
        .iter()
        .map(|d| html(d))
        .filter(|d| !d.trim().is_empty())
        .collect();
    if detail.is_empty() {
        format!("<{main}>")
    } else {
        format!(
            "<{main}<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#555555\">{}</FONT>>",
            detail.join("<BR/>")
        )
    }
}

fn sources_summary(graph: &Graph, sources: &[crate::graph::Span]) -> String {
    let docs: BTreeSet<&str> = sources
        .iter()
        .filter_map(|s| graph.document(s.doc).map(|d| d.id.as_str()))
        .collect();
    let docs: Vec<&str> = docs.into_iter().collect();
    format!(
        "sources: {} span{} in {}",
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
        if docs.is_empty() {
            "no document".to_string()
        } else {
            docs.join(", ")
        }
    )
}

/// The tooltip of a node: for statements the full quote, for the rest every property.
fn node_tooltip(graph: &Graph, node: &Node) -> String {
    let mut t = format!("{}: {}", node.labels.join(":"), display_name(node));
    if node.has_label(schema::STATEMENT)
        && let Some(text) = prop_str(&node.props, "text")
    {
        t = format!("“{text}”");
        if let Some(d) = prop_str(&node.props, "date") {
            let _ = write!(t, "\n— {d}");
        }
    } else {
        for (k, v) in &node.props {
            if k != "name" && !matches!(v, Value::Null) {
                let _ = write!(t, "\n{k}: {}", excerpt(&value_text(v), 300));
            }
        }
    }
    let _ = write!(t, "\n{}", sources_summary(graph, &node.sources));
    t
}

/// The lines of an edge's label: the office title, relation or count, then any dates.
fn edge_label(edge: &Edge) -> Vec<String> {
    let p = &edge.props;
    let mut main = match edge.rel_type.as_str() {
        schema::HOLDS_OFFICE => {
            let title = prop_str(p, "title").unwrap_or("office").to_string();
            if matches!(p.get("former"), Some(Value::Bool(true))) {
                format!("former {title}")
            } else {
                title
            }
        }
        schema::RELATIVE_OF => prop_str(p, "relation").unwrap_or("relative of").to_string(),
        schema::MENTIONED_IN => match p.get("count") {
            Some(Value::Int(n)) => format!("mentioned ×{n}"),
            _ => "mentioned in".to_string(),
        },
        other => other.to_lowercase().replace('_', " "),
    };
    main = excerpt(&main, 48);
    let mut lines = wrap(&main, 22);
    let date = prop_str(p, "date").map(str::to_string);
    match (date, prop_str(p, "date_end")) {
        (Some(a), Some(b)) => lines.push(format!("{a} – {b}")),
        (Some(a), None) => lines.push(a),
        (None, Some(b)) => lines.push(format!("until {b}")),
        (None, None) => {}
    }
    lines
}

fn edge_tooltip(graph: &Graph, edge: &Edge, a: NodeId, b: NodeId) -> String {
    let name = |n| graph.node(n).map(display_name).unwrap_or_default();
    let mut t = format!(
        "{} —{}→ {}",
        excerpt(&name(a), 60),
        edge.rel_type,
        excerpt(&name(b), 60)
    );
    for (k, v) in &edge.props {
        if !matches!(v, Value::Null) {
            let _ = write!(t, "\n{k}: {}", excerpt(&value_text(v), 300));
        }
    }
    let _ = write!(t, "\n{}", sources_summary(graph, &edge.sources));
    t
}

/// Which cluster (key, title) each node belongs to, for the chosen clustering.
fn clusters(graph: &Graph, nodes: &[NodeId], how: Cluster) -> BTreeMap<NodeId, (u64, String)> {
    let mut out = BTreeMap::new();
    match how {
        Cluster::Document => {
            for &id in nodes {
                let Some(n) = graph.node(id) else { continue };
                let docs: BTreeSet<u32> = n.sources.iter().map(|s| s.doc).collect();
                if let (1, Some(&d)) = (docs.len(), docs.first()) {
                    let title = graph
                        .document(d)
                        .map(|doc| doc.title.clone().unwrap_or_else(|| doc.id.clone()))
                        .unwrap_or_else(|| format!("document {d}"));
                    out.insert(id, (u64::from(d), title));
                }
            }
        }
        Cluster::Country => {
            for &id in nodes {
                let found = country_of(graph, id, 0);
                if let (1, Some(&c)) = (found.len(), found.first()) {
                    let title = graph.node(c).map(display_name).unwrap_or_default();
                    out.insert(id, (c.index() as u64, title));
                }
            }
        }
    }
    out
}

fn out_targets(graph: &Graph, id: NodeId, rel: &str) -> Vec<(EdgeId, NodeId)> {
    graph
        .edges_of(id, Direction::Outgoing)
        .filter(|(e, _)| graph.edge(*e).is_some_and(|e| e.rel_type == rel))
        .collect()
}

fn is_country(graph: &Graph, id: NodeId) -> bool {
    graph.node(id).is_some_and(|n| n.has_label(schema::COUNTRY))
}

/// The countries a node belongs to (see [`Cluster::Country`]); `depth` bounds the search.
fn country_of(graph: &Graph, id: NodeId, depth: usize) -> BTreeSet<NodeId> {
    let mut found = BTreeSet::new();
    let Some(node) = graph.node(id) else {
        return found;
    };
    if depth > 6 {
        return found;
    }
    match primary_label(node) {
        schema::COUNTRY => {
            found.insert(id);
        }
        schema::PERSON => {
            // Countries where the person holds office now; else where they held one before.
            let offices: Vec<(bool, NodeId)> = out_targets(graph, id, schema::HOLDS_OFFICE)
                .into_iter()
                .filter(|(_, n)| is_country(graph, *n))
                .map(|(e, n)| {
                    let former = graph
                        .edge(e)
                        .is_some_and(|e| matches!(e.props.get("former"), Some(Value::Bool(true))));
                    (former, n)
                })
                .collect();
            let current: Vec<NodeId> = offices
                .iter()
                .filter(|(f, _)| !f)
                .map(|(_, n)| *n)
                .collect();
            if current.is_empty() {
                found.extend(offices.iter().map(|(_, n)| *n));
            } else {
                found.extend(current);
            }
        }
        schema::STATEMENT => {
            for (e, speaker) in graph.edges_of(id, Direction::Incoming) {
                if graph.edge(e).is_some_and(|e| e.rel_type == schema::SAID) {
                    found.extend(country_of(graph, speaker, depth + 1));
                }
            }
        }
        schema::MEETING => {
            for (_, place) in out_targets(graph, id, schema::HELD_IN) {
                found.extend(country_of(graph, place, depth + 1));
            }
        }
        _ => {
            for (_, place) in out_targets(graph, id, schema::LOCATED_IN) {
                found.extend(country_of(graph, place, depth + 1));
            }
        }
    }
    found
}

fn write_node(graph: &Graph, out: &mut String, id: NodeId, node: &Node, indent: &str) {
    let st = node_style(primary_label(node));
    let _ = writeln!(
        out,
        "{indent}{} [label={}, shape=\"{}\", style=\"{}\", fillcolor=\"{}\", color=\"{}\", tooltip={}];",
        node_ref(id),
        node_label(node),
        st.shape,
        st.style,
        st.fill,
        st.border,
        quote_tooltip(&node_tooltip(graph, node)),
    );
}

fn write_legend(
    out: &mut String,
    rankdir: RankDir,
    labels: &BTreeMap<(usize, String), usize>,
    types: &BTreeMap<String, usize>,
) {
    out.push_str("  subgraph \"cluster_legend\" {\n");
    out.push_str(
        "    graph [label=\"Legend\", style=\"rounded,dashed\", color=\"#aaaaaa\", fontsize=\"9\", tooltip=\"Legend\"];\n",
    );
    let mut ids = Vec::new();
    for (i, ((_, label), n)) in labels.iter().enumerate() {
        let st = node_style(label);
        let id = format!("\"legend_label_{i}\"");
        let _ = writeln!(
            out,
            "    {id} [label={}, shape=\"{}\", style=\"{}\", fillcolor=\"{}\", color=\"{}\", fontsize=\"8\", tooltip={}];",
            quote(&format!("{label} ({n})")),
            st.shape,
            st.style,
            st.fill,
            st.border,
            quote_tooltip(&format!("{n} {label} node(s)")),
        );
        ids.push(id);
    }
    if !types.is_empty() {
        let mut rows = String::new();
        for (ty, n) in types {
            let (color, style) = edge_style(ty);
            let line = match style {
                "dashed" => "– – –▶",
                "dotted" => "·······▶",
                "bold" => "━━━▶",
                _ => "───▶",
            };
            let _ = write!(
                rows,
                "<TR><TD><FONT COLOR=\"{color}\">{line}</FONT></TD><TD ALIGN=\"LEFT\">{} ({n})</TD></TR>",
                html(ty)
            );
        }
        let _ = writeln!(
            out,
            "    \"legend_types\" [shape=\"plaintext\", style=\"\", fontsize=\"8\", tooltip=\"relationship types\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">{rows}</TABLE>>];"
        );
        ids.push("\"legend_types\"".to_string());
    }
    // One rank: a column beside the drawing (LR/RL) or a row under it (TB/BT).
    let _ = writeln!(out, "    {{ rank=\"same\"; {} }}", ids.join("; "));
    // Flat edges order a rank left to right, but bottom to top when the layout runs sideways.
    if matches!(rankdir, RankDir::LeftRight | RankDir::RightLeft) {
        ids.reverse();
    }
    for pair in ids.windows(2) {
        if let [a, b] = pair {
            let _ = writeln!(out, "    {a} -> {b} [style=\"invis\"];");
        }
    }
    out.push_str("  }\n");
}

/// Writes the graph (or `subset`) as a DOT digraph.
pub fn write(
    graph: &Graph,
    subset: Option<&Subgraph>,
    opts: &DotOptions,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let nodes: Vec<NodeId> = graph.node_ids().filter(|&n| node_in(subset, n)).collect();
    let kept: BTreeSet<NodeId> = nodes.iter().copied().collect();
    let edges: Vec<(EdgeId, NodeId, NodeId)> = graph
        .edge_ids()
        .filter(|&e| edge_in(subset, e))
        .filter_map(|e| graph.edge_endpoints(e).map(|(a, b)| (e, a, b)))
        .filter(|(_, a, b)| kept.contains(a) && kept.contains(b))
        .collect();

    let mut s = String::new();
    let _ = writeln!(
        s,
        "// newsgraph export: {} nodes, {} relationships",
        nodes.len(),
        edges.len()
    );
    s.push_str("digraph \"newsgraph\" {\n");
    let _ = writeln!(
        s,
        "  graph [charset=\"UTF-8\", rankdir=\"{}\", fontname=\"Helvetica\", fontsize=\"10\", nodesep=\"0.25\", ranksep=\"0.5\", newrank=\"true\", tooltip=\"newsgraph\"];",
        opts.rankdir.as_dot()
    );
    s.push_str("  node [fontname=\"Helvetica\", fontsize=\"10\", penwidth=\"1.2\", margin=\"0.08,0.04\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=\"8\", fontcolor=\"#444444\", arrowsize=\"0.7\"];\n");

    if opts.legend && !nodes.is_empty() {
        let mut labels: BTreeMap<(usize, String), usize> = BTreeMap::new();
        for n in nodes.iter().filter_map(|&n| graph.node(n)) {
            let l = primary_label(n);
            let rank = schema::ALL_LABELS
                .iter()
                .position(|x| *x == l)
                .unwrap_or(schema::ALL_LABELS.len());
            *labels.entry((rank, l.to_string())).or_default() += 1;
        }
        let mut types: BTreeMap<String, usize> = BTreeMap::new();
        for (e, _, _) in &edges {
            if let Some(e) = graph.edge(*e) {
                *types.entry(e.rel_type.to_string()).or_default() += 1;
            }
        }
        write_legend(&mut s, opts.rankdir, &labels, &types);
    }

    let grouping = opts
        .cluster
        .map(|how| clusters(graph, &nodes, how))
        .unwrap_or_default();
    let mut groups: BTreeMap<u64, (String, Vec<NodeId>)> = BTreeMap::new();
    for (id, (key, title)) in &grouping {
        groups
            .entry(*key)
            .or_insert_with(|| (title.clone(), Vec::new()))
            .1
            .push(*id);
    }
    let prefix = match opts.cluster {
        Some(Cluster::Country) => "country",
        _ => "doc",
    };
    for (key, (title, members)) in &groups {
        let _ = writeln!(s, "  subgraph \"cluster_{prefix}_{key}\" {{");
        let _ = writeln!(
            s,
            "    graph [label={}, style=\"rounded\", color=\"#cccccc\", fontcolor=\"#666666\", tooltip={}];",
            quote(&excerpt(title, 60)),
            quote_tooltip(title)
        );
        for &id in members {
            if let Some(n) = graph.node(id) {
                write_node(graph, &mut s, id, n, "    ");
            }
        }
        s.push_str("  }\n");
    }
    // Nodes without any relationship in the export would stack in one tall column; they go in a
    // box of their own, laid out as a rough square grid by invisible chains.
    let connected: BTreeSet<NodeId> = edges.iter().flat_map(|(_, a, b)| [*a, *b]).collect();
    let (loose, placed): (Vec<NodeId>, Vec<NodeId>) = nodes
        .iter()
        .copied()
        .filter(|id| !grouping.contains_key(id))
        .partition(|id| !connected.contains(id));
    for &id in &placed {
        if let Some(n) = graph.node(id) {
            write_node(graph, &mut s, id, n, "  ");
        }
    }
    if loose.len() > 1 && !edges.is_empty() {
        let _ = writeln!(s, "  subgraph \"cluster_unconnected\" {{");
        let _ = writeln!(
            s,
            "    graph [label={}, style=\"rounded,dashed\", color=\"#cccccc\", fontcolor=\"#666666\", tooltip=\"nodes without relationships here\"];",
            quote(&format!("not connected ({})", loose.len()))
        );
        for &id in &loose {
            if let Some(n) = graph.node(id) {
                write_node(graph, &mut s, id, n, "    ");
            }
        }
        let width = (loose.len() as f64).sqrt().ceil().max(1.0) as usize;
        for row in loose.chunks(width) {
            for pair in row.windows(2) {
                if let [a, b] = pair {
                    let _ = writeln!(
                        s,
                        "    {} -> {} [style=\"invis\"];",
                        node_ref(*a),
                        node_ref(*b)
                    );
                }
            }
        }
        s.push_str("  }\n");
    } else {
        for &id in &loose {
            if let Some(n) = graph.node(id) {
                write_node(graph, &mut s, id, n, "  ");
            }
        }
    }
    for (e, a, b) in &edges {
        let Some(edge) = graph.edge(*e) else { continue };
        let (color, style) = edge_style(&edge.rel_type);
        let _ = writeln!(
            s,
            "  {} -> {} [label={}, color=\"{color}\", style=\"{style}\", tooltip={}];",
            node_ref(*a),
            node_ref(*b),
            quote(&edge_label(edge).join("\n")),
            quote_tooltip(&edge_tooltip(graph, edge, *a, *b)),
        );
    }
    s.push_str("}\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_everything_dot_interprets() {
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        assert_eq!(quote("a\\b"), r#""a\\b""#);
        assert_eq!(quote("x\\"), r#""x\\""#);
        assert_eq!(quote("l1\nl2\r\t"), r#""l1\nl2  ""#);
        assert_eq!(quote("<b>&amp;"), r#""&lt;b&gt;&amp;amp;""#);
        assert_eq!(quote("Ελλάδα 北京\u{0}\u{7}"), "\"Ελλάδα 北京\"");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<B>\"x\" & y\n"),
            "&lt;B&gt;&quot;x&quot; &amp; y<BR/>"
        );
        assert_eq!(html("a\\N"), "a\\\\N");
        assert_eq!(quote_tooltip("a\\N"), "\"a\\\\\\\\N\"");
    }

    #[test]
    fn country_clusters_follow_offices_places_speakers_and_venues() {
        use crate::graph::{Node, Value};
        let mut g = Graph::new();
        let mut named = |label: &str, name: &str| {
            let mut n = Node::new(label);
            n.props.insert("name".into(), Value::from(name));
            g.add_node(n)
        };
        let (ru, fr) = (named("Country", "Ruritania"), named("Country", "Freedonia"));
        let (ana, cy, org) = (
            named("Person", "Ana"),
            named("Person", "Cy"),
            named("Organization", "ULA"),
        );
        let (city, meet, st) = (
            named("Place", "Lakeview"),
            named("Meeting", "Summit"),
            named("Statement", "q"),
        );
        let lonely = named("Person", "Nobody");
        let office = |former: bool| {
            let mut e = Edge::new(schema::HOLDS_OFFICE);
            e.props.insert("former".into(), Value::Bool(former));
            e
        };
        g.add_edge(ana, ru, office(false));
        g.add_edge(ana, fr, office(true));
        g.add_edge(cy, fr, office(true));
        g.add_edge(cy, org, office(false));
        g.add_edge(city, ru, Edge::new(schema::LOCATED_IN));
        g.add_edge(meet, city, Edge::new(schema::HELD_IN));
        g.add_edge(cy, st, Edge::new(schema::SAID));
        let nodes: Vec<NodeId> = g.node_ids().collect();
        let c = clusters(&g, &nodes, Cluster::Country);
        let of = |n: NodeId| c.get(&n).map(|(_, t)| t.as_str());
        assert_eq!(
            of(ana),
            Some("Ruritania"),
            "current office wins over a former one"
        );
        assert_eq!(
            of(cy),
            Some("Freedonia"),
            "a former office when no current one is in a country"
        );
        assert_eq!(of(city), Some("Ruritania"));
        assert_eq!(of(meet), Some("Ruritania"));
        assert_eq!(of(st), Some("Freedonia"));
        assert_eq!(of(org), None);
        assert_eq!(of(lonely), None);
    }

    #[test]
    fn edge_label_shows_title_former_and_dates() {
        let mut e = Edge::new(schema::HOLDS_OFFICE);
        e.props.insert("title".into(), "Prime Minister".into());
        e.props.insert("former".into(), Value::Bool(true));
        e.props.insert("date".into(), "2019-02".into());
        assert_eq!(edge_label(&e), vec!["former Prime Minister", "2019-02"]);
        let mut m = Edge::new(schema::MENTIONED_IN);
        m.props.insert("count".into(), Value::Int(3));
        assert_eq!(edge_label(&m), vec!["mentioned ×3"]);
    }
}
