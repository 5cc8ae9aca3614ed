//! Property values for tools whose properties are flat (GraphML, CSV, Neo4j): a type per property
//! key chosen over all its values, and values converted to it.

use super::describe::primary_label;
use crate::graph::{Graph, Span, Value};
use serde_json::json;
use std::collections::BTreeMap;

/// The type a property key gets in a flat format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FlatType {
    Boolean,
    Long,
    Double,
    String,
    /// A list whose items are all strings (kept as a list where the format has lists).
    StringList,
}

impl FlatType {
    /// The narrowest type that holds both.
    fn join(self, other: FlatType) -> FlatType {
        use FlatType::*;
        match (self, other) {
            (a, b) if a == b => a,
            (Long, Double) | (Double, Long) => Double,
            _ => String,
        }
    }

    /// The type of one value, `None` for null.
    pub fn of(v: &Value) -> Option<FlatType> {
        Some(match v {
            Value::Null => return None,
            Value::Bool(_) => FlatType::Boolean,
            Value::Int(_) => FlatType::Long,
            Value::Float(_) => FlatType::Double,
            Value::String(_) => FlatType::String,
            Value::List(items) if items.iter().all(|i| matches!(i, Value::String(_))) => {
                FlatType::StringList
            }
            _ => FlatType::String,
        })
    }
}

/// The types of every property key over some property maps (keys whose values are all null are
/// left out).
pub fn key_types<'a>(
    maps: impl Iterator<Item = &'a crate::graph::Props>,
) -> BTreeMap<String, FlatType> {
    let mut out: BTreeMap<String, FlatType> = BTreeMap::new();
    for m in maps {
        for (k, v) in m {
            if let Some(t) = FlatType::of(v) {
                out.entry(k.to_string())
                    .and_modify(|old| *old = old.join(t))
                    .or_insert(t);
            }
        }
    }
    out
}

/// A value as text for a key of type `t`: numbers and booleans as such, strings as they are, and
/// anything that does not fit (maps, nested or mixed lists) as JSON.
pub fn scalar_text(v: &Value, t: FlatType) -> String {
    match (v, t) {
        (Value::String(s), FlatType::String) => s.clone(),
        (Value::Int(i), FlatType::Double) => format!("{:?}", *i as f64),
        (Value::Int(i), _) => i.to_string(),
        (Value::Float(f), _) => float_text(*f),
        (Value::Bool(b), _) => b.to_string(),
        (other, _) => other.to_json().to_string(),
    }
}

/// A float as text that Python, Java and Kuzu all parse (`NaN`, `Infinity`, `-Infinity`).
pub fn float_text(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else {
        format!("{f:?}")
    }
}

/// Source spans as compact JSON: `[{"doc":"…","start":0,"end":10},…]`.
pub fn sources_json(graph: &Graph, sources: &[Span]) -> String {
    let v: Vec<serde_json::Value> = sources
        .iter()
        .map(|s| {
            let doc = graph.document(s.doc).map_or("", |d| d.id.as_str());
            json!({"doc": doc, "start": s.start, "end": s.end})
        })
        .collect();
    serde_json::Value::Array(v).to_string()
}

/// The primary label of node `id`, or `Node`.
pub fn label_of(graph: &Graph, id: crate::graph::NodeId) -> String {
    graph
        .node(id)
        .map_or_else(|| "Node".to_string(), |n| primary_label(n).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_widen_over_values() {
        let mut a = crate::graph::Props::new();
        a.insert("n".into(), Value::Int(1));
        a.insert("l".into(), Value::from(vec!["x".to_string()]));
        a.insert("z".into(), Value::Null);
        let mut b = crate::graph::Props::new();
        b.insert("n".into(), Value::Float(0.5));
        b.insert("l".into(), Value::List(vec![Value::Int(1)]));
        let t = key_types([&a, &b].into_iter());
        assert_eq!(t.get("n"), Some(&FlatType::Double));
        assert_eq!(t.get("l"), Some(&FlatType::String));
        assert_eq!(t.get("z"), None);
        assert_eq!(scalar_text(&Value::Int(2), FlatType::Double), "2.0");
        assert_eq!(float_text(f64::NEG_INFINITY), "-Infinity");
    }
}
