//! Presenting query results: a terminal table, JSON and CSV.

use super::{QueryResult, QueryStats, Value};
use crate::graph::Graph;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

/// A value as a short human-readable cell: strings unquoted, nodes as `(:Label name)`.
pub fn cell(g: &Graph, v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Node(id) => match g.node(*id) {
            Some(n) => {
                let labels: String = n.labels.iter().map(|l| format!(":{l}")).collect();
                match n
                    .name()
                    .or_else(|| n.props.get("title").and_then(|t| t.as_str()))
                {
                    Some(name) => format!("({labels} {name})"),
                    None => v.render(g),
                }
            }
            None => "(deleted)".into(),
        },
        Value::List(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    other => cell(g, other),
                })
                .collect();
            format!("[{}]", parts.join(", "))
        }
        other => other.render(g),
    }
}

/// The result as a table for the terminal, with a row count (and changes, for updates).
pub fn table(g: &Graph, r: &QueryResult) -> String {
    let mut out = String::new();
    if !r.columns.is_empty() {
        let mut t = Table::new();
        t.load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(r.columns.clone());
        for row in &r.rows {
            t.add_row(row.iter().map(|v| cell(g, v)).collect::<Vec<_>>());
        }
        out.push_str(&t.to_string());
        out.push('\n');
        let n = r.rows.len();
        out.push_str(&format!("{n} row{}\n", if n == 1 { "" } else { "s" }));
    }
    if !r.stats.is_empty() {
        out.push_str(&stats_line(&r.stats));
        out.push('\n');
    }
    out
}

/// "2 nodes created, 1 relationship created, ..." (only the non-zero counts).
pub fn stats_line(s: &QueryStats) -> String {
    let parts = [
        (s.nodes_created, "node", "created"),
        (s.nodes_deleted, "node", "deleted"),
        (s.relationships_created, "relationship", "created"),
        (s.relationships_deleted, "relationship", "deleted"),
        (s.properties_set, "property", "set"),
        (s.labels_added, "label", "added"),
        (s.labels_removed, "label", "removed"),
    ];
    parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, what, verb)| {
            let plural = match (*n, *what) {
                (1, w) => w.to_string(),
                (_, "property") => "properties".to_string(),
                (_, w) => format!("{w}s"),
            };
            format!("{n} {plural} {verb}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value as JSON: nodes and relationships as objects with id, labels/type and properties.
pub fn json_value(g: &Graph, v: &Value) -> serde_json::Value {
    use serde_json::{Value as J, json};
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::String(s) => J::String(s.clone()),
        Value::List(items) => J::Array(items.iter().map(|i| json_value(g, i)).collect()),
        Value::Map(m) => J::Object(
            m.iter()
                .map(|(k, v)| (k.clone(), json_value(g, v)))
                .collect(),
        ),
        Value::Node(id) => match g.node(*id) {
            Some(n) => json!({
                "id": id.index(),
                "labels": n.labels,
                "properties": n.props.iter().map(|(k, v)| (k.to_string(), v.to_json())).collect::<serde_json::Map<_, _>>(),
            }),
            None => json!({ "id": id.index(), "deleted": true }),
        },
        Value::Rel(id) => match (g.edge(*id), g.edge_endpoints(*id)) {
            (Some(e), Some((a, b))) => json!({
                "id": id.index(),
                "type": e.rel_type,
                "start": a.index(),
                "end": b.index(),
                "properties": e.props.iter().map(|(k, v)| (k.to_string(), v.to_json())).collect::<serde_json::Map<_, _>>(),
            }),
            _ => json!({ "id": id.index(), "deleted": true }),
        },
        Value::Path { nodes, rels } => json!({
            "nodes": nodes.iter().map(|n| json_value(g, &Value::Node(*n))).collect::<Vec<_>>(),
            "relationships": rels.iter().map(|r| json_value(g, &Value::Rel(*r))).collect::<Vec<_>>(),
        }),
    }
}

/// The result as JSON: `{"columns": [...], "rows": [{col: value, ...}, ...]}`.
pub fn json(g: &Graph, r: &QueryResult) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = r
        .rows
        .iter()
        .map(|row| {
            serde_json::Value::Object(
                r.columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| (c.clone(), json_value(g, v)))
                    .collect(),
            )
        })
        .collect();
    serde_json::json!({ "columns": r.columns, "rows": rows })
}

/// The result as CSV (header row, then one line per row; cells as in [`cell`]).
pub fn csv(g: &Graph, r: &QueryResult) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&r.columns)?;
    for row in &r.rows {
        w.write_record(row.iter().map(|v| cell(g, v)))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Parses a `--param name=value` argument: the value is a query-language literal
/// (`42`, `'text'`, `[1, 2]`, `{k: 'v'}`) or, failing that, a plain string.
pub fn parse_param(arg: &str) -> Option<(String, Value)> {
    let (name, text) = arg.split_once('=')?;
    let name = name.trim().trim_start_matches('$').to_string();
    if name.is_empty() {
        return None;
    }
    let mut g = Graph::new();
    let value = super::execute(
        &mut g,
        &format!("RETURN {text} AS v"),
        &Default::default(),
        &Default::default(),
    )
    .ok()
    .and_then(|r| r.rows.into_iter().next())
    .and_then(|row| row.into_iter().next())
    .unwrap_or_else(|| Value::String(text.to_string()));
    Some((name, value))
}
