//! Runtime values: property values plus nodes, relationships and paths, with openCypher's
//! equality (three-valued), comparability and orderability rules.

use crate::graph::{self, EdgeId, Graph, NodeId};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// A runtime value: property values plus graph elements and paths.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
    Node(NodeId),
    Rel(EdgeId),
    /// Alternating nodes and relationships: `nodes.len() == rels.len() + 1`.
    Path {
        nodes: Vec<NodeId>,
        rels: Vec<EdgeId>,
    },
}

impl From<&graph::Value> for Value {
    fn from(v: &graph::Value) -> Self {
        match v {
            graph::Value::Null => Value::Null,
            graph::Value::Bool(b) => Value::Bool(*b),
            graph::Value::Int(i) => Value::Int(*i),
            graph::Value::Float(f) => Value::Float(*f),
            graph::Value::String(s) => Value::String(s.clone()),
            graph::Value::List(l) => Value::List(l.iter().map(Value::from).collect()),
            graph::Value::Map(m) => {
                Value::Map(m.iter().map(|(k, v)| (k.clone(), Value::from(v))).collect())
            }
        }
    }
}

impl Value {
    /// The storable form, or `None` for graph elements (which cannot be stored as properties).
    pub fn to_property(&self) -> Option<graph::Value> {
        Some(match self {
            Value::Null => graph::Value::Null,
            Value::Bool(b) => graph::Value::Bool(*b),
            Value::Int(i) => graph::Value::Int(*i),
            Value::Float(f) => graph::Value::Float(*f),
            Value::String(s) => graph::Value::String(s.clone()),
            Value::List(l) => graph::Value::List(
                l.iter()
                    .map(Value::to_property)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Value::Map(m) => graph::Value::Map(
                m.iter()
                    .map(|(k, v)| v.to_property().map(|v| (k.clone(), v)))
                    .collect::<Option<BTreeMap<_, _>>>()?,
            ),
            _ => return None,
        })
    }

    /// The type name used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Float(_) => "float",
            Value::String(_) => "string",
            Value::List(_) => "list",
            Value::Map(_) => "map",
            Value::Node(_) => "node",
            Value::Rel(_) => "relationship",
            Value::Path { .. } => "path",
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// `a = b` with null semantics: `None` means null.
    pub fn equals(&self, other: &Value) -> Option<bool> {
        use Value::*;
        match (self, other) {
            (Null, _) | (_, Null) => None,
            (Int(a), Int(b)) => Some(a == b),
            (Int(_) | Float(_), Int(_) | Float(_)) => num_eq(self, other),
            (Bool(a), Bool(b)) => Some(a == b),
            (String(a), String(b)) => Some(a == b),
            (List(a), List(b)) => {
                if a.len() != b.len() {
                    return Some(false);
                }
                let mut unknown = false;
                for (x, y) in a.iter().zip(b) {
                    match x.equals(y) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            (Map(a), Map(b)) => {
                if a.len() != b.len() || a.keys().ne(b.keys()) {
                    return Some(false);
                }
                let mut unknown = false;
                for (x, y) in a.values().zip(b.values()) {
                    match x.equals(y) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            (Node(a), Node(b)) => Some(a == b),
            (Rel(a), Rel(b)) => Some(a == b),
            (
                Path {
                    nodes: n1,
                    rels: r1,
                },
                Path {
                    nodes: n2,
                    rels: r2,
                },
            ) => Some(n1 == n2 && r1 == r2),
            _ => Some(false),
        }
    }

    /// `a < b` style comparison: `None` when the values are not comparable (the result is null).
    pub fn compare(&self, other: &Value) -> Option<Ordering> {
        use Value::*;
        match (self, other) {
            (Int(a), Int(b)) => Some(a.cmp(b)),
            (Int(_) | Float(_), Int(_) | Float(_)) => {
                let (a, b) = (self.as_f64()?, other.as_f64()?);
                if let (Int(i), Float(f)) = (self, other) {
                    return int_float_cmp(*i, *f);
                }
                if let (Float(f), Int(i)) = (self, other) {
                    return int_float_cmp(*i, *f).map(Ordering::reverse);
                }
                a.partial_cmp(&b)
            }
            (String(a), String(b)) => Some(a.cmp(b)),
            (Bool(a), Bool(b)) => Some(a.cmp(b)),
            (List(a), List(b)) => {
                for (x, y) in a.iter().zip(b) {
                    match x.compare(y) {
                        Some(Ordering::Equal) => {}
                        None => {
                            if x.equals(y) == Some(true) {
                                continue;
                            }
                            return None;
                        }
                        o => return o,
                    }
                }
                Some(a.len().cmp(&b.len()))
            }
            _ => None,
        }
    }

    /// Total order used by ORDER BY, DISTINCT and grouping (nulls last when ascending).
    pub fn order(&self, other: &Value) -> Ordering {
        use Value::*;
        let rank = |v: &Value| match v {
            Map(_) => 0,
            Node(_) => 1,
            Rel(_) => 2,
            List(_) => 3,
            Path { .. } => 4,
            String(_) => 5,
            Bool(_) => 6,
            Int(_) | Float(_) => 7,
            Null => 8,
        };
        let (ra, rb) = (rank(self), rank(other));
        if ra != rb {
            return ra.cmp(&rb);
        }
        match (self, other) {
            (Map(a), Map(b)) => {
                let ka: Vec<_> = a.keys().collect();
                let kb: Vec<_> = b.keys().collect();
                ka.cmp(&kb).then_with(|| {
                    for (x, y) in a.values().zip(b.values()) {
                        let o = x.order(y);
                        if o != Ordering::Equal {
                            return o;
                        }
                    }
                    Ordering::Equal
                })
            }
            (Node(a), Node(b)) => a.cmp(b),
            (Rel(a), Rel(b)) => a.cmp(b),
            (List(a), List(b)) => list_order(a, b),
            (
                Path {
                    nodes: n1,
                    rels: r1,
                },
                Path {
                    nodes: n2,
                    rels: r2,
                },
            ) => n1.cmp(n2).then_with(|| r1.cmp(r2)),
            (String(a), String(b)) => a.cmp(b),
            (Bool(a), Bool(b)) => a.cmp(b),
            (Int(a), Int(b)) => a.cmp(b),
            (Float(a), Float(b)) => match (a.is_nan(), b.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => a.partial_cmp(b).unwrap_or(Ordering::Equal),
            },
            (Int(i), Float(f)) => {
                if f.is_nan() {
                    Ordering::Less
                } else {
                    int_float_cmp(*i, *f).unwrap_or(Ordering::Equal)
                }
            }
            (Float(f), Int(i)) => {
                if f.is_nan() {
                    Ordering::Greater
                } else {
                    int_float_cmp(*i, *f)
                        .map(Ordering::reverse)
                        .unwrap_or(Ordering::Equal)
                }
            }
            _ => Ordering::Equal,
        }
    }

    /// Renders the value the way the TCK writes values: `(:A {k: 1})`, `[:T]`, `'text'`.
    pub fn render(&self, g: &Graph) -> String {
        let mut s = String::new();
        self.render_into(g, &mut s);
        s
    }

    fn render_into(&self, g: &Graph, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float(f) => out.push_str(&format_float(*f)),
            Value::String(s) => {
                out.push('\'');
                for c in s.chars() {
                    match c {
                        '\'' => out.push_str("\\'"),
                        '\\' => out.push_str("\\\\"),
                        c => out.push(c),
                    }
                }
                out.push('\'');
            }
            Value::List(l) => {
                out.push('[');
                for (i, v) in l.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.render_into(g, out);
                }
                out.push(']');
            }
            Value::Map(m) => render_map(g, m.iter().map(|(k, v)| (k.as_str(), v.clone())), out),
            Value::Node(id) => render_node(g, *id, out),
            Value::Rel(id) => render_rel(g, *id, out),
            Value::Path { nodes, rels } => {
                out.push('<');
                let mut prev: Option<NodeId> = None;
                for (i, n) in nodes.iter().enumerate() {
                    if let (Some(p), Some(r)) = (prev, i.checked_sub(1).and_then(|j| rels.get(j))) {
                        let r = *r;
                        let forward = g.edge_endpoints(r).is_none_or(|(a, _)| a == p);
                        out.push_str(if forward { "-" } else { "<-" });
                        render_rel(g, r, out);
                        out.push_str(if forward { "->" } else { "-" });
                    }
                    render_node(g, *n, out);
                    prev = Some(*n);
                }
                out.push('>');
            }
        }
    }
}

fn render_map<'a>(g: &Graph, m: impl Iterator<Item = (&'a str, Value)>, out: &mut String) {
    out.push('{');
    for (i, (k, v)) in m.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(k);
        out.push_str(": ");
        v.render_into(g, out);
    }
    out.push('}');
}

fn render_node(g: &Graph, id: NodeId, out: &mut String) {
    out.push('(');
    if let Some(n) = g.node(id) {
        for l in &n.labels {
            out.push(':');
            out.push_str(l);
        }
        if !n.props.is_empty() {
            if !n.labels.is_empty() {
                out.push(' ');
            }
            render_map(
                g,
                n.props.iter().map(|(k, v)| (k.as_str(), Value::from(v))),
                out,
            );
        }
    }
    out.push(')');
}

fn render_rel(g: &Graph, id: EdgeId, out: &mut String) {
    out.push('[');
    if let Some(e) = g.edge(id) {
        out.push(':');
        out.push_str(&e.rel_type);
        if !e.props.is_empty() {
            out.push(' ');
            render_map(
                g,
                e.props.iter().map(|(k, v)| (k.as_str(), Value::from(v))),
                out,
            );
        }
    }
    out.push(']');
}

/// Formats a float the way the query language prints it: always with a `.` or an exponent.
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let s = format!("{f:?}");
    if s.contains('.') || s.contains('e') || s.contains("inf") {
        s
    } else {
        format!("{s}.0")
    }
}

fn list_order(a: &[Value], b: &[Value]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = x.order(y);
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

fn num_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(i), Value::Float(f)) | (Value::Float(f), Value::Int(i)) => {
            Some(int_float_cmp(*i, *f) == Some(Ordering::Equal))
        }
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        _ => Some(false),
    }
}

fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    let fi = i as f64;
    match fi.partial_cmp(&f)? {
        Ordering::Equal => {
            // Precision loss: compare exactly via i128 when f is integral.
            if f.fract() == 0.0 && f.abs() < 9.3e18 {
                Some((i as i128).cmp(&(f as i128)))
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

/// A value wrapper ordered by [`Value::order`], for grouping and DISTINCT.
#[derive(Debug, Clone)]
pub struct OrdValue(pub Value);

impl PartialEq for OrdValue {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for OrdValue {}
impl PartialOrd for OrdValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrdValue {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.order(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering::*;

    #[test]
    fn equality_is_three_valued() {
        assert_eq!(Value::Int(1).equals(&Value::Float(1.0)), Some(true));
        assert_eq!(
            Value::Int(1).equals(&Value::String("1".into())),
            Some(false)
        );
        assert_eq!(Value::Null.equals(&Value::Null), None);
        let l = |v: Vec<Value>| Value::List(v);
        assert_eq!(
            l(vec![Value::Int(1), Value::Null]).equals(&l(vec![Value::Int(1), Value::Null])),
            None
        );
        assert_eq!(
            l(vec![Value::Int(2), Value::Null]).equals(&l(vec![Value::Int(1), Value::Null])),
            Some(false)
        );
        assert_eq!(
            Value::Float(f64::NAN).equals(&Value::Float(f64::NAN)),
            Some(false)
        );
    }

    #[test]
    fn comparison_and_orderability() {
        assert_eq!(Value::Int(2).compare(&Value::Float(2.5)), Some(Less));
        assert_eq!(Value::String("a".into()).compare(&Value::Int(1)), None);
        // Orderability: strings < booleans < numbers < null.
        let mut v = [
            Value::Null,
            Value::Int(3),
            Value::Bool(true),
            Value::String("z".into()),
            Value::Float(f64::NAN),
            Value::Float(-1.5),
        ];
        v.sort_by(|a, b| a.order(b));
        assert_eq!(
            v.iter().map(Value::type_name).collect::<Vec<_>>(),
            ["string", "boolean", "float", "integer", "float", "null"]
        );
        // Exact integer/float comparison beyond 2^53.
        assert_eq!(
            Value::Int(9_007_199_254_740_993).compare(&Value::Float(9_007_199_254_740_992.0)),
            Some(Greater)
        );
    }

    #[test]
    fn floats_always_show_a_point() {
        assert_eq!(format_float(1.0), "1.0");
        assert_eq!(format_float(0.1), "0.1");
        assert_eq!(format_float(f64::NAN), "NaN");
    }
}
