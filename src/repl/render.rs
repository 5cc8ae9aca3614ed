//! Query results as text: aligned tables (comfy-table), JSON or CSV, the "3 rows, 0.4 ms" footer,
//! and query errors with a caret under the offending spot.

use super::style::{Style, paint_if};
use crate::graph::{self, EdgeId, Graph, NodeId, schema};
use crate::query::{QueryError, QueryResult, Value};
use comfy_table::{ContentArrangement, Row, Table, presets};
use std::fmt::Write as _;
use std::str::FromStr;
use std::time::Duration;
use thiserror::Error;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
    Csv,
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "table" => Ok(OutputFormat::Table),
            "json" => Ok(OutputFormat::Json),
            "csv" => Ok(OutputFormat::Csv),
            other => Err(format!(
                "unknown format {other:?} (expected table, json or csv)"
            )),
        }
    }
}

/// Options for [`render_result`].
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    pub format: OutputFormat,
    /// Table width in columns; `None` lets comfy-table use the terminal's width when there is one.
    pub width: Option<u16>,
    /// Lines a table row may take before its text is cut with `…`.
    pub max_row_lines: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            format: OutputFormat::Table,
            width: None,
            max_row_lines: 4,
        }
    }
}

/// Why a result could not be rendered.
#[derive(Debug, Error)]
pub enum RenderError {
    #[error("CSV output failed: {0}")]
    Csv(#[from] csv::Error),
    #[error("CSV output is not UTF-8")]
    Utf8,
}

/// Renders a result in the chosen format (no trailing newline for tables).
pub fn render_result(
    g: &Graph,
    result: &QueryResult,
    opts: &RenderOptions,
) -> Result<String, RenderError> {
    match opts.format {
        OutputFormat::Table => Ok(table(g, result, opts)),
        OutputFormat::Json => Ok(json(g, result)),
        OutputFormat::Csv => csv_text(g, result),
    }
}

fn table(g: &Graph, result: &QueryResult, opts: &RenderOptions) -> String {
    if result.columns.is_empty() {
        return String::from("(no columns)");
    }
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_truncation_indicator("…");
    if let Some(w) = opts.width {
        t.set_width(w);
    }
    t.set_header(result.columns.clone());
    for row in &result.rows {
        let mut r = Row::from(row.iter().map(|v| cell_text(g, v)).collect::<Vec<_>>());
        r.max_height(opts.max_row_lines.max(1));
        t.add_row(r);
    }
    t.to_string()
}

/// The footer line: "3 rows" or "3 rows, 0.4 ms".
pub fn footer(rows: usize, elapsed: Option<Duration>) -> String {
    let n = if rows == 1 {
        "1 row".to_string()
    } else {
        format!("{rows} rows")
    };
    match elapsed {
        Some(d) => format!("{n}, {}", human_duration(d)),
        None => n,
    }
}

/// A short duration: "0.4 ms", "12 ms", "1.52 s".
pub fn human_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 100.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.2} s", ms / 1000.0)
    }
}

/// A value as a table or CSV cell: strings without quotes, everything else as a literal.
pub fn cell_text(g: &Graph, v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => literal(g, other),
    }
}

/// A value written the way the query language writes it: `"text"`, `[1, 2]`, `(:Person {...})`.
pub fn literal(g: &Graph, v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_text(*f),
        Value::String(s) => quote(s),
        Value::List(items) => {
            let parts: Vec<String> = items.iter().map(|i| literal(g, i)).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Map(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{k}: {}", literal(g, v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Node(id) => node_text(g, *id),
        Value::Rel(id) => rel_text(g, *id),
        Value::Path { nodes, rels } => path_text(g, nodes, rels),
    }
}

fn float_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.1}")
    } else if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        f.to_string()
    }
}

/// A string in double quotes with `"` and `\` escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn prop_literal(v: &graph::Value) -> String {
    match v {
        graph::Value::Null => "null".into(),
        graph::Value::Bool(b) => b.to_string(),
        graph::Value::Int(i) => i.to_string(),
        graph::Value::Float(f) => float_text(*f),
        graph::Value::String(s) => quote(s),
        graph::Value::List(items) => {
            let parts: Vec<String> = items.iter().map(prop_literal).collect();
            format!("[{}]", parts.join(", "))
        }
        graph::Value::Map(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{k}: {}", prop_literal(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

/// The properties that identify a node at a glance.
fn key_props(node: &graph::Node) -> Vec<(&str, &graph::Value)> {
    let wanted: &[&str] = if node.has_label(schema::STATEMENT) {
        &["text"]
    } else if node.has_label(schema::MEETING) {
        &["name", "date"]
    } else {
        &["name"]
    };
    let mut out: Vec<(&str, &graph::Value)> = wanted
        .iter()
        .filter_map(|&k| node.props.get(k).map(|v| (k, v)))
        .collect();
    if out.is_empty() {
        out = node
            .props
            .iter()
            .filter(|(k, _)| k.as_str() != "aliases")
            .take(3)
            .map(|(k, v)| (k.as_str(), v))
            .collect();
    }
    out
}

/// A node as `(:Person {name: "Lee Jae Myung"})`.
pub fn node_text(g: &Graph, id: NodeId) -> String {
    let Some(node) = g.node(id) else {
        return format!("(#{} deleted)", id.index());
    };
    let labels: String = node.labels.iter().map(|l| format!(":{l}")).collect();
    let props = key_props(node);
    if props.is_empty() {
        return format!("({labels})");
    }
    let parts: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}: {}", prop_literal(v)))
        .collect();
    let sep = if labels.is_empty() { "" } else { " " };
    format!("({labels}{sep}{{{}}})", parts.join(", "))
}

/// A relationship as `[:HOLDS_OFFICE {title: "President"}]`.
pub fn rel_text(g: &Graph, id: EdgeId) -> String {
    let Some(edge) = g.edge(id) else {
        return format!("[#{} deleted]", id.index());
    };
    if edge.props.is_empty() {
        return format!("[:{}]", edge.rel_type);
    }
    let parts: Vec<String> = edge
        .props
        .iter()
        .map(|(k, v)| format!("{k}: {}", prop_literal(v)))
        .collect();
    format!("[:{} {{{}}}]", edge.rel_type, parts.join(", "))
}

/// A path as `(a)-[:T]->(b)<-[:U]-(c)`.
pub fn path_text(g: &Graph, nodes: &[NodeId], rels: &[EdgeId]) -> String {
    let mut out = String::new();
    for (i, n) in nodes.iter().enumerate() {
        out.push_str(&node_text(g, *n));
        if let Some(r) = rels.get(i) {
            let forward = g.edge_endpoints(*r).is_none_or(|(a, _)| a == *n);
            let rel = rel_text(g, *r);
            if forward {
                let _ = write!(out, "-{rel}->");
            } else {
                let _ = write!(out, "<-{rel}-");
            }
        }
    }
    out
}

/// A value as JSON: nodes `{"id", "labels", "properties"}`, relationships `{"id", "type",
/// "start", "end", "properties"}`, paths `{"nodes", "relationships"}`.
pub fn value_json(g: &Graph, v: &Value) -> serde_json::Value {
    use serde_json::{Value as J, json};
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::String(s) => J::String(s.clone()),
        Value::List(items) => J::Array(items.iter().map(|i| value_json(g, i)).collect()),
        Value::Map(m) => J::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), value_json(g, v)))
                .collect(),
        ),
        Value::Node(id) => match g.node(*id) {
            Some(n) => json!({
                "id": id.index(),
                "labels": n.labels,
                "properties": props_json(&n.props),
            }),
            None => json!({ "id": id.index(), "deleted": true }),
        },
        Value::Rel(id) => match (g.edge(*id), g.edge_endpoints(*id)) {
            (Some(e), Some((a, b))) => json!({
                "id": id.index(),
                "type": e.rel_type,
                "start": a.index(),
                "end": b.index(),
                "properties": props_json(&e.props),
            }),
            _ => json!({ "id": id.index(), "deleted": true }),
        },
        Value::Path { nodes, rels } => json!({
            "nodes": nodes.iter().map(|n| value_json(g, &Value::Node(*n))).collect::<Vec<_>>(),
            "relationships": rels.iter().map(|r| value_json(g, &Value::Rel(*r))).collect::<Vec<_>>(),
        }),
    }
}

fn props_json(props: &graph::Props) -> serde_json::Map<String, serde_json::Value> {
    props
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_json()))
        .collect()
}

/// The result as JSON, `{"columns": [...], "rows": [{column: value, ...}, ...]}`, one row a line.
fn json(g: &Graph, result: &QueryResult) -> String {
    let columns = serde_json::Value::from(result.columns.clone());
    let mut out = format!("{{\"columns\": {columns}, \"rows\": [");
    for (i, row) in result.rows.iter().enumerate() {
        let obj: serde_json::Map<String, serde_json::Value> = result
            .columns
            .iter()
            .zip(row)
            .map(|(c, v)| (c.clone(), value_json(g, v)))
            .collect();
        out.push_str(if i == 0 { "\n  " } else { ",\n  " });
        out.push_str(&serde_json::Value::Object(obj).to_string());
    }
    out.push_str(if result.rows.is_empty() { "]}" } else { "\n]}" });
    out
}

fn csv_text(g: &Graph, result: &QueryResult) -> Result<String, RenderError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&result.columns)?;
    for row in &result.rows {
        w.write_record(row.iter().map(|v| cell_text(g, v)))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| RenderError::Csv(e.into_error().into()))?;
    let text = String::from_utf8(bytes).map_err(|_| RenderError::Utf8)?;
    Ok(text.trim_end_matches('\n').to_string())
}

/// A query error for people: the message (red on a terminal) and, for syntax errors, the query
/// line with a caret under the offending column (the error's own snippet).
pub fn query_error(err: &QueryError, color: bool) -> String {
    let text = err.to_string();
    let mut lines = text.lines();
    let mut out = paint_if(color, Style::Error, lines.next().unwrap_or_default());
    for l in lines {
        out.push('\n');
        if l.trim() == "^" {
            out.push_str(&paint_if(color, Style::Error, l));
        } else {
            out.push_str(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};
    use unicode_width::UnicodeWidthStr;

    fn graph() -> (Graph, NodeId, NodeId, EdgeId) {
        let mut g = Graph::new();
        let mut p = Node::new("Person");
        p.props.insert("name".into(), "Lee Jae Myung".into());
        p.props.insert(
            "aliases".into(),
            graph::Value::from(vec!["Lee".to_string()]),
        );
        let a = g.add_node(p);
        let mut c = Node::new("Country");
        c.props.insert("name".into(), "South Korea".into());
        let b = g.add_node(c);
        let mut e = Edge::new("HOLDS_OFFICE");
        e.props.insert("title".into(), "President".into());
        let r = g.add_edge(a, b, e).unwrap();
        (g, a, b, r)
    }

    fn result(g_vals: Vec<Vec<Value>>) -> QueryResult {
        QueryResult {
            columns: vec!["who".into(), "what".into()],
            rows: g_vals,
            ..Default::default()
        }
    }

    #[test]
    fn nodes_relationships_and_paths_read_like_patterns() {
        let (g, a, b, r) = graph();
        assert_eq!(node_text(&g, a), "(:Person {name: \"Lee Jae Myung\"})");
        assert_eq!(rel_text(&g, r), "[:HOLDS_OFFICE {title: \"President\"}]");
        assert_eq!(
            path_text(&g, &[b, a], &[r]),
            "(:Country {name: \"South Korea\"})<-[:HOLDS_OFFICE {title: \"President\"}]-(:Person {name: \"Lee Jae Myung\"})"
        );
        assert_eq!(
            literal(
                &g,
                &Value::List(vec![Value::Float(2.0), Value::String("a\"b".into())])
            ),
            "[2.0, \"a\\\"b\"]"
        );
    }

    #[test]
    fn table_is_aligned_and_long_text_is_cut_to_the_width() {
        let (g, a, _, _) = graph();
        let long = "word ".repeat(200);
        let res = result(vec![
            vec![Value::Node(a), Value::Int(3)],
            vec![Value::Null, Value::String(long)],
        ]);
        let opts = RenderOptions {
            width: Some(60),
            ..Default::default()
        };
        let text = render_result(&g, &res, &opts).unwrap();
        let widths: Vec<usize> = text.lines().map(UnicodeWidthStr::width).collect();
        assert!(widths.iter().all(|w| *w <= 60), "{text}");
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "aligned: {text}");
        assert!(text.contains("(:Person {name: \"Lee Jae"), "{text}");
        assert!(text.contains('…'), "{text}");
        // The long row is cut to at most 4 lines plus the borders.
        assert!(text.lines().count() <= 1 + 1 + 1 + 2 + 1 + 4 + 1, "{text}");
    }

    #[test]
    fn json_and_csv_outputs() {
        let (g, a, _, r) = graph();
        let res = result(vec![vec![Value::Node(a), Value::Rel(r)]]);
        let opts = RenderOptions {
            format: OutputFormat::Json,
            ..Default::default()
        };
        let text = render_result(&g, &res, &opts).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["columns"][1], "what");
        let row = &parsed["rows"][0];
        assert_eq!(row["who"]["labels"][0], "Person");
        assert_eq!(row["who"]["properties"]["name"], "Lee Jae Myung");
        assert_eq!(row["what"]["type"], "HOLDS_OFFICE");
        let res = result(vec![vec![Value::String("a, \"b\"".into()), Value::Int(1)]]);
        let opts = RenderOptions {
            format: OutputFormat::Csv,
            ..Default::default()
        };
        assert_eq!(
            render_result(&g, &res, &opts).unwrap(),
            "who,what\n\"a, \"\"b\"\"\",1"
        );
    }

    #[test]
    fn footer_counts_rows_and_time() {
        assert_eq!(footer(1, None), "1 row");
        assert_eq!(
            footer(3, Some(Duration::from_micros(400))),
            "3 rows, 0.4 ms"
        );
        assert_eq!(
            footer(0, Some(Duration::from_millis(1520))),
            "0 rows, 1.52 s"
        );
    }

    #[test]
    fn syntax_errors_get_a_caret_under_the_column() {
        let q = "MATCH (n)\nRETURN ,n";
        let err = QueryError::syntax_at(q, q.find(',').unwrap(), "expected an expression");
        let text = query_error(&err, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "  RETURN ,n");
        assert_eq!(lines[2], "         ^");
    }
}
