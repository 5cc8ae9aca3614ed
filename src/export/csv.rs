//! CSV for `neo4j-admin database import` and for Kuzu's `COPY FROM`: a folder with one nodes file
//! per label (`nodes_<Label>.csv`) and one relationships file per type (`rels_<TYPE>.csv`), plus
//! the two scripts that load it: `neo4j-admin-import.sh` and `kuzu-load.cypher`.
//!
//! Headers follow neo4j-admin (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:type`);
//! relationship files end with the start and end node tables, marked `:IGNORE` for Neo4j and used
//! by Kuzu to pick the FROM/TO pair. List properties are joined with an array delimiter chosen so
//! that no item contains it. Kuzu reads empty fields as null, so empty strings load as null there.

use super::describe::primary_label;
use super::flat::{FlatType, float_text, key_types, sources_json};
use super::{ExportError, Subgraph, edge_in, node_in};
use crate::graph::{Graph, NodeId, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// File stems and Kuzu table/column names: ASCII letters, digits and `_`, starting with a letter.
fn sanitize(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert(0, 'X');
    }
    s
}

/// Gives every name a distinct sanitized form (case-insensitively, as Kuzu compares names),
/// avoiding `reserved`.
fn unique_names<'a>(
    names: impl Iterator<Item = &'a String>,
    reserved: &[&str],
) -> BTreeMap<String, String> {
    let mut used: BTreeSet<String> = reserved.iter().map(|r| r.to_lowercase()).collect();
    let mut out = BTreeMap::new();
    for n in names {
        let base = sanitize(n);
        let mut candidate = base.clone();
        let mut i = 2;
        while used.contains(&candidate.to_lowercase()) {
            candidate = format!("{base}_{i}");
            i += 1;
        }
        used.insert(candidate.to_lowercase());
        out.insert(n.clone(), candidate);
    }
    out
}

fn neo4j_type(t: FlatType) -> &'static str {
    match t {
        FlatType::Boolean => "boolean",
        FlatType::Long => "long",
        FlatType::Double => "double",
        FlatType::String => "string",
        FlatType::StringList => "string[]",
    }
}

fn kuzu_type(t: FlatType) -> &'static str {
    match t {
        FlatType::Boolean => "BOOLEAN",
        FlatType::Long => "INT64",
        FlatType::Double => "DOUBLE",
        FlatType::String => "STRING",
        FlatType::StringList => "STRING[]",
    }
}

/// The array delimiter: the first candidate no list item contains.
fn pick_delimiter(graph: &Graph) -> char {
    let mut present = BTreeSet::new();
    let mut scan = |props: &crate::graph::Props| {
        for v in props.values() {
            if let Value::List(items) = v {
                for s in items.iter().filter_map(Value::as_str) {
                    for c in [';', '|', '\u{1F}'] {
                        if s.contains(c) {
                            present.insert(c);
                        }
                    }
                }
            }
        }
    };
    graph
        .node_ids()
        .filter_map(|n| graph.node(n))
        .for_each(|n| scan(&n.props));
    graph
        .edge_ids()
        .filter_map(|e| graph.edge(e))
        .for_each(|e| scan(&e.props));
    [';', '|']
        .into_iter()
        .find(|c| !present.contains(c))
        .unwrap_or('\u{1F}')
}

fn cell(v: Option<&Value>, t: FlatType, delim: char) -> String {
    match (v, t) {
        (None | Some(Value::Null), _) => String::new(),
        (Some(Value::List(items)), FlatType::StringList) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| s.replace(delim, " "))
            .collect::<Vec<_>>()
            .join(&delim.to_string()),
        (Some(Value::Int(i)), FlatType::Double) => format!("{:?}", *i as f64),
        (Some(Value::Float(f)), _) => float_text(*f),
        (Some(Value::String(s)), _) => s.clone(),
        (Some(Value::Bool(b)), _) => b.to_string(),
        (Some(Value::Int(i)), _) => i.to_string(),
        (Some(other), _) => other.to_json().to_string(),
    }
}

/// One output file: its rows' header columns (property name, neo4j header, type).
struct Table {
    /// Sanitized name: file stem and Kuzu table name.
    name: String,
    /// property key → (Kuzu column, type), in key order.
    columns: Vec<(String, String, FlatType)>,
}

fn table_columns(
    types: BTreeMap<String, FlatType>,
    reserved: &[&str],
) -> Vec<(String, String, FlatType)> {
    let kuzu = unique_names(types.keys(), reserved);
    types
        .into_iter()
        .map(|(k, t)| {
            let col = kuzu.get(&k).cloned().unwrap_or_else(|| sanitize(&k));
            (k, col, t)
        })
        .collect()
}

fn header_name(key: &str) -> String {
    // neo4j-admin splits a header field at ':'; the name part cannot carry one.
    key.replace(':', "_")
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::File {
        path: path.to_path_buf(),
        source,
    }
}

fn csv_err(path: &Path) -> impl Fn(::csv::Error) -> ExportError + '_ {
    move |e| ExportError::File {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

fn kq(name: &str) -> String {
    format!("`{name}`")
}

/// Writes the graph (or `subset`) as CSV files and load scripts into `dir` (created if missing).
/// Returns the files written.
pub fn write_dir(
    graph: &Graph,
    subset: Option<&Subgraph>,
    dir: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(io_err(dir))?;
    let delim = pick_delimiter(graph);
    let nodes: Vec<NodeId> = graph.node_ids().filter(|&n| node_in(subset, n)).collect();
    let kept: BTreeSet<NodeId> = nodes.iter().copied().collect();

    // Group nodes by primary label and relationships by type.
    let mut by_label: BTreeMap<String, Vec<NodeId>> = BTreeMap::new();
    for &id in &nodes {
        if let Some(n) = graph.node(id) {
            by_label
                .entry(primary_label(n).to_string())
                .or_default()
                .push(id);
        }
    }
    let mut by_type: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for e in graph.edge_ids().filter(|&e| edge_in(subset, e)) {
        if let (Some(edge), Some((a, b))) = (graph.edge(e), graph.edge_endpoints(e))
            && kept.contains(&a)
            && kept.contains(&b)
        {
            by_type
                .entry(edge.rel_type.to_string())
                .or_default()
                .push((e, a, b));
        }
    }
    let label_names = unique_names(by_label.keys(), &[]);
    let type_names = unique_names(by_type.keys(), &[]);
    let table_of = |id: NodeId| {
        graph
            .node(id)
            .and_then(|n| label_names.get(primary_label(n)))
            .cloned()
            .unwrap_or_default()
    };

    let mut written = Vec::new();
    let mut kuzu = String::new();
    let mut kuzu_copy = String::new();
    let mut neo_nodes = Vec::new();
    let mut neo_rels = Vec::new();
    let d = delim.to_string();

    for (label, ids) in &by_label {
        let types = key_types(ids.iter().filter_map(|&n| graph.node(n)).map(|n| &n.props));
        let table = Table {
            name: label_names
                .get(label)
                .cloned()
                .unwrap_or_else(|| sanitize(label)),
            columns: table_columns(types, &["ngid", "labels", "sources"]),
        };
        let file = format!("nodes_{}.csv", table.name);
        let path = dir.join(&file);
        let mut w = ::csv::Writer::from_path(&path).map_err(csv_err(&path))?;
        let mut header = vec![":ID".to_string(), ":LABEL".to_string()];
        header.extend(
            table
                .columns
                .iter()
                .map(|(k, _, t)| format!("{}:{}", header_name(k), neo4j_type(*t))),
        );
        header.push("sources:string".into());
        w.write_record(&header).map_err(csv_err(&path))?;
        for &id in ids {
            let Some(n) = graph.node(id) else { continue };
            let labels: Vec<String> = n.labels.iter().map(|l| l.replace(delim, "_")).collect();
            let mut row = vec![id.index().to_string(), labels.join(&d)];
            row.extend(
                table
                    .columns
                    .iter()
                    .map(|(k, _, t)| cell(n.props.get(k.as_str()), *t, delim)),
            );
            row.push(sources_json(graph, &n.sources));
            w.write_record(&row).map_err(csv_err(&path))?;
        }
        w.flush().map_err(io_err(&path))?;
        written.push(path);
        neo_nodes.push(file.clone());

        // Kuzu: the table and its COPY.
        let mut cols = vec!["ngid INT64".to_string()];
        cols.extend(
            table
                .columns
                .iter()
                .map(|(_, c, t)| format!("{} {}", kq(c), kuzu_type(*t))),
        );
        cols.push("labels STRING".into());
        cols.push("sources STRING".into());
        let _ = writeln!(
            kuzu,
            "CREATE NODE TABLE {}({}, PRIMARY KEY(ngid));",
            kq(&table.name),
            cols.join(", ")
        );
        let n = table.columns.len();
        let mut heads = vec!["c0 INT64".to_string(), "c1 STRING".to_string()];
        let mut ret = vec!["c0".to_string()];
        for (i, (_, _, t)) in table.columns.iter().enumerate() {
            let c = format!("c{}", i + 2);
            match t {
                FlatType::StringList => {
                    heads.push(format!("{c} STRING"));
                    ret.push(format!("string_split({c}, '{}')", kuzu_char(delim)));
                }
                t => {
                    heads.push(format!("{c} {}", kuzu_type(*t)));
                    ret.push(c);
                }
            }
        }
        heads.push(format!("c{} STRING", n + 2));
        ret.push("c1".into());
        ret.push(format!("c{}", n + 2));
        let _ = writeln!(
            kuzu_copy,
            "COPY {} FROM (LOAD WITH HEADERS ({}) FROM '{file}' (header=true, parallel=false) RETURN {});",
            kq(&table.name),
            heads.join(", "),
            ret.join(", ")
        );
    }

    for (ty, edges) in &by_type {
        let types = key_types(
            edges
                .iter()
                .filter_map(|(e, _, _)| graph.edge(*e))
                .map(|e| &e.props),
        );
        let table = Table {
            name: type_names.get(ty).cloned().unwrap_or_else(|| sanitize(ty)),
            columns: table_columns(types, &["sources", "rel_type", "from", "to"]),
        };
        let file = format!("rels_{}.csv", table.name);
        let path = dir.join(&file);
        let mut w = ::csv::Writer::from_path(&path).map_err(csv_err(&path))?;
        let mut header = vec![
            ":START_ID".to_string(),
            ":END_ID".to_string(),
            ":TYPE".to_string(),
        ];
        header.extend(
            table
                .columns
                .iter()
                .map(|(k, _, t)| format!("{}:{}", header_name(k), neo4j_type(*t))),
        );
        header.extend(["sources:string".into(), ":IGNORE".into(), ":IGNORE".into()]);
        w.write_record(&header).map_err(csv_err(&path))?;
        let mut pairs = BTreeSet::new();
        for (e, a, b) in edges {
            let Some(edge) = graph.edge(*e) else { continue };
            let (ta, tb) = (table_of(*a), table_of(*b));
            let mut row = vec![
                a.index().to_string(),
                b.index().to_string(),
                edge.rel_type.to_string(),
            ];
            row.extend(
                table
                    .columns
                    .iter()
                    .map(|(k, _, t)| cell(edge.props.get(k.as_str()), *t, delim)),
            );
            row.push(sources_json(graph, &edge.sources));
            row.push(ta.clone());
            row.push(tb.clone());
            pairs.insert((ta, tb));
            w.write_record(&row).map_err(csv_err(&path))?;
        }
        w.flush().map_err(io_err(&path))?;
        written.push(path);
        neo_rels.push(file.clone());

        let mut spec: Vec<String> = pairs
            .iter()
            .map(|(a, b)| format!("FROM {} TO {}", kq(a), kq(b)))
            .collect();
        spec.extend(
            table
                .columns
                .iter()
                .map(|(_, c, t)| format!("{} {}", kq(c), kuzu_type(*t))),
        );
        spec.push("rel_type STRING".into());
        spec.push("sources STRING".into());
        let _ = writeln!(
            kuzu,
            "CREATE REL TABLE {}({});",
            kq(&table.name),
            spec.join(", ")
        );
        let n = table.columns.len();
        let mut heads = vec![
            "c0 INT64".into(),
            "c1 INT64".into(),
            "c2 STRING".to_string(),
        ];
        let mut ret = vec!["c0".to_string(), "c1".to_string()];
        for (i, (_, _, t)) in table.columns.iter().enumerate() {
            let c = format!("c{}", i + 3);
            match t {
                FlatType::StringList => {
                    heads.push(format!("{c} STRING"));
                    ret.push(format!("string_split({c}, '{}')", kuzu_char(delim)));
                }
                t => {
                    heads.push(format!("{c} {}", kuzu_type(*t)));
                    ret.push(c);
                }
            }
        }
        ret.push("c2".into());
        ret.push(format!("c{}", n + 3));
        heads.push(format!("c{} STRING", n + 3));
        heads.push("fromt STRING".into());
        heads.push("tot STRING".into());
        for (a, b) in &pairs {
            let _ = writeln!(
                kuzu_copy,
                "COPY {} FROM (LOAD WITH HEADERS ({}) FROM '{file}' (header=true, parallel=false) WHERE fromt = '{a}' AND tot = '{b}' RETURN {}) (from='{a}', to='{b}');",
                kq(&table.name),
                heads.join(", "),
                ret.join(", ")
            );
        }
    }

    let kuzu_path = dir.join("kuzu-load.cypher");
    let script = format!(
        "// Load this folder into Kuzu: run from this folder, one statement a line.\n{kuzu}{kuzu_copy}"
    );
    std::fs::write(&kuzu_path, script).map_err(io_err(&kuzu_path))?;
    written.push(kuzu_path);

    let neo_path = dir.join("neo4j-admin-import.sh");
    let mut sh = String::from(
        "#!/bin/sh\n# Load this folder into a new Neo4j database (default name: neo4j). Run from this folder.\nset -e\nneo4j-admin database import full \\\n",
    );
    for f in &neo_nodes {
        let _ = writeln!(sh, "  --nodes='{f}' \\");
    }
    for f in &neo_rels {
        let _ = writeln!(sh, "  --relationships='{f}' \\");
    }
    let delim_arg = if delim == '\u{1F}' {
        // neo4j-admin reads `\NNN` as the character with that decimal code.
        "\\031".to_string()
    } else {
        delim.to_string()
    };
    let _ = writeln!(
        sh,
        "  --array-delimiter='{delim_arg}' --multiline-fields=true --overwrite-destination \"${{1:-neo4j}}\""
    );
    std::fs::write(&neo_path, sh).map_err(io_err(&neo_path))?;
    written.push(neo_path);
    Ok(written)
}

/// A delimiter as it appears inside a Kuzu string literal.
fn kuzu_char(c: char) -> String {
    match c {
        '\'' => "\\'".into(),
        '\\' => "\\\\".into(),
        c => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sanitized_and_distinct() {
        let names = [
            "Person".to_string(),
            "per son".to_string(),
            "per_son".to_string(),
            "1x".to_string(),
        ];
        let m = unique_names(names.iter(), &["ngid"]);
        assert_eq!(m["Person"], "Person");
        assert_eq!(m["per son"], "per_son");
        assert_eq!(m["per_son"], "per_son_2");
        assert_eq!(m["1x"], "X1x");
        let m = unique_names(["NGID".to_string()].iter(), &["ngid"]);
        assert_eq!(m["NGID"], "NGID_2");
    }
}
