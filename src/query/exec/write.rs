//! Updating clauses: CREATE, MERGE, SET, REMOVE, DELETE.

use super::Cx;
use super::pattern;
use crate::graph::{self, Edge, EdgeId, Graph, Node, NodeId};
use crate::query::ast::*;
use crate::query::error::{QueryError, RuntimeKind, SemanticKind};
use crate::query::eval::{R, Row};
use crate::query::value::Value;
use std::collections::BTreeMap;

fn storable(v: &Value) -> R<graph::Value> {
    let bad = match v {
        Value::Map(_) => true,
        Value::List(items) => items
            .iter()
            .any(|i| matches!(i, Value::Map(_) | Value::List(_))),
        _ => false,
    };
    if bad {
        return Err(QueryError::type_error(format!(
            "a {} of this shape cannot be stored as a property (use a primitive or a list of primitives)",
            v.type_name()
        )));
    }
    v.to_property().ok_or_else(|| {
        QueryError::type_error(format!(
            "a {} cannot be stored as a property",
            v.type_name()
        ))
    })
}

/// Evaluates a pattern's property map into storable properties (null entries dropped).
fn eval_props(g: &Graph, cx: &Cx, row: &Row, e: Option<&Expr>) -> R<graph::Props> {
    let mut out = graph::Props::new();
    let Some(e) = e else { return Ok(out) };
    match cx.eval(g).eval(row, e)? {
        Value::Map(m) => {
            for (k, v) in m {
                if !v.is_null() {
                    out.insert(k.into(), storable(&v)?);
                }
            }
        }
        Value::Null => {}
        other => {
            return Err(QueryError::type_error(format!(
                "properties must be a map, got {}",
                other.type_name()
            )));
        }
    }
    Ok(out)
}

fn create_node(g: &mut Graph, cx: &mut Cx, row: &mut Row, np: &NodePattern) -> R<NodeId> {
    if let Some(v) = &np.var
        && let Some(b) = row.get(v)
    {
        return match b {
            Value::Node(id) => Ok(*id),
            other => Err(QueryError::semantic(
                SemanticKind::VariableTypeConflict,
                format!("`{v}` is a {}, not a node", other.type_name()),
            )),
        };
    }
    let props = eval_props(g, cx, row, np.props.as_ref())?;
    let mut labels: Vec<String> = Vec::new();
    for l in &np.labels {
        if !labels.contains(l) {
            labels.push(l.clone());
        }
    }
    cx.stats.nodes_created += 1;
    cx.stats.labels_added += labels.len();
    cx.stats.properties_set += props.len();
    let id = g.add_node(Node {
        labels,
        props,
        sources: Vec::new(),
    });
    cx.created_nodes.insert(id);
    if let Some(v) = &np.var {
        row.insert(v.clone(), Value::Node(id));
    }
    Ok(id)
}

/// Creates one pattern part for one row, binding its variables.
fn create_part(
    g: &mut Graph,
    cx: &mut Cx,
    row: &mut Row,
    part: &PatternPart,
    merging: bool,
) -> R<()> {
    let el = &part.element;
    let mut cur = create_node(g, cx, row, &el.start)?;
    let mut nodes = vec![cur];
    let mut rels = Vec::new();
    for (rp, np) in &el.chain {
        let next = create_node(g, cx, row, np)?;
        let [ty] = rp.types.as_slice() else {
            return Err(QueryError::semantic(
                SemanticKind::InvalidPattern,
                "a relationship to create needs exactly one type",
            ));
        };
        let (from, to) = match rp.dir {
            Dir::Right => (cur, next),
            Dir::Left => (next, cur),
            Dir::Both if merging => (cur, next),
            Dir::Both => {
                return Err(QueryError::semantic(
                    SemanticKind::InvalidPattern,
                    "a relationship to create needs a direction",
                ));
            }
        };
        let props = eval_props(g, cx, row, rp.props.as_ref())?;
        cx.stats.relationships_created += 1;
        cx.stats.properties_set += props.len();
        let id = g
            .add_edge(
                from,
                to,
                Edge {
                    rel_type: ty.as_str().into(),
                    props,
                    sources: Vec::new(),
                },
            )
            .ok_or_else(|| {
                QueryError::runtime(
                    RuntimeKind::EntityNotFound,
                    "cannot create a relationship to a deleted node",
                )
            })?;
        cx.created_rels.insert(id);
        if let Some(v) = &rp.var {
            row.insert(v.clone(), Value::Rel(id));
        }
        nodes.push(next);
        rels.push(id);
        cur = next;
    }
    if let Some(v) = &part.var {
        row.insert(v.clone(), Value::Path { nodes, rels });
    }
    Ok(())
}

/// CREATE: creates the pattern once per row.
pub fn create(g: &mut Graph, cx: &mut Cx, rows: Vec<Row>, parts: &[PatternPart]) -> R<Vec<Row>> {
    let mut out = Vec::with_capacity(rows.len());
    for mut row in rows {
        for p in parts {
            create_part(g, cx, &mut row, p, false)?;
        }
        out.push(row);
    }
    Ok(out)
}

/// MERGE: matches the pattern, or creates it when there is no match.
pub fn merge(
    g: &mut Graph,
    cx: &mut Cx,
    rows: Vec<Row>,
    part: &PatternPart,
    on_match: &[SetItem],
    on_create: &[SetItem],
) -> R<Vec<Row>> {
    let mut out = Vec::new();
    for row in rows {
        check_no_null_props(g, cx, &row, part)?;
        let found = pattern::match_parts(&cx.eval(g), &row, std::slice::from_ref(part))?;
        if found.is_empty() {
            let mut r = row.clone();
            create_part(g, cx, &mut r, part, true)?;
            set(g, cx, &r, on_create)?;
            out.push(r);
        } else {
            for r in found {
                set(g, cx, &r, on_match)?;
                out.push(r);
            }
        }
    }
    Ok(out)
}

/// MERGE cannot match or create a property whose value is null.
fn check_no_null_props(g: &Graph, cx: &Cx, row: &Row, part: &PatternPart) -> R<()> {
    let el = &part.element;
    let maps = std::iter::once(&el.start.props)
        .chain(el.chain.iter().flat_map(|(r, n)| [&r.props, &n.props]))
        .flatten();
    for m in maps {
        if let Value::Map(m) = cx.eval(g).eval(row, m)?
            && let Some((k, _)) = m.iter().find(|(_, v)| v.is_null())
        {
            return Err(QueryError::runtime(
                RuntimeKind::ArgumentError,
                format!("cannot MERGE with property `{k}` set to null"),
            ));
        }
    }
    Ok(())
}

enum Target {
    Node(NodeId),
    Rel(EdgeId),
    None,
}

fn target(g: &Graph, cx: &Cx, row: &Row, e: &Expr) -> R<Target> {
    match cx.eval(g).eval(row, e)? {
        Value::Node(n) => Ok(Target::Node(n)),
        Value::Rel(r) => Ok(Target::Rel(r)),
        Value::Null => Ok(Target::None),
        other => Err(QueryError::type_error(format!(
            "cannot set properties on a {}",
            other.type_name()
        ))),
    }
}

fn props_mut<R2>(g: &mut Graph, t: &Target, f: impl FnOnce(&mut graph::Props) -> R2) -> Option<R2> {
    match t {
        Target::Node(n) => g.update_node(*n, |node| f(&mut node.props)),
        Target::Rel(r) => g.edge_mut(*r).map(|e| f(&mut e.props)),
        Target::None => None,
    }
}

fn value_map(g: &Graph, v: Value) -> R<Option<BTreeMap<String, Value>>> {
    Ok(match v {
        Value::Map(m) => Some(m),
        Value::Null => None,
        Value::Node(n) => Some(
            g.node(n)
                .map(|n| {
                    n.props
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.into()))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        Value::Rel(r) => Some(
            g.edge(r)
                .map(|e| {
                    e.props
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.into()))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        other => {
            return Err(QueryError::type_error(format!(
                "expected a map, got {}",
                other.type_name()
            )));
        }
    })
}

/// SET items for one row.
pub fn set(g: &mut Graph, cx: &mut Cx, row: &Row, items: &[SetItem]) -> R<()> {
    for item in items {
        match item {
            SetItem::Property {
                target: t,
                key,
                value,
            } => {
                let t = target(g, cx, row, t)?;
                let v = cx.eval(g).eval(row, value)?;
                let stored = if v.is_null() {
                    None
                } else {
                    Some(storable(&v)?)
                };
                let stats = &mut cx.stats;
                props_mut(g, &t, |p| match stored {
                    Some(s) => {
                        stats.properties_set += 1;
                        p.insert(key.as_str().into(), s);
                    }
                    None => {
                        if p.remove(key.as_str()).is_some() {
                            stats.properties_set += 1;
                        }
                    }
                });
            }
            SetItem::Replace { var, value } | SetItem::Merge { var, value } => {
                let replace = matches!(item, SetItem::Replace { .. });
                let t = target(g, cx, row, &Expr::Var(var.clone()))?;
                let v = cx.eval(g).eval(row, value)?;
                let map = value_map(g, v)?.unwrap_or_default();
                let mut stored = Vec::new();
                for (k, v) in map {
                    stored.push((
                        k,
                        if v.is_null() {
                            None
                        } else {
                            Some(storable(&v)?)
                        },
                    ));
                }
                let stats = &mut cx.stats;
                props_mut(g, &t, |p| {
                    if replace {
                        p.clear();
                    }
                    for (k, v) in stored {
                        stats.properties_set += 1;
                        match v {
                            Some(v) => {
                                p.insert(k.into(), v);
                            }
                            None => {
                                p.remove(k.as_str());
                            }
                        }
                    }
                });
            }
            SetItem::Labels { var, labels } => {
                if let Target::Node(n) = target(g, cx, row, &Expr::Var(var.clone()))? {
                    let stats = &mut cx.stats;
                    g.update_node(n, |node| {
                        for l in labels {
                            if !node.has_label(l) {
                                stats.labels_added += 1;
                                node.labels.push(l.clone());
                            }
                        }
                    });
                }
            }
        }
    }
    Ok(())
}

/// REMOVE items for one row.
pub fn remove(g: &mut Graph, cx: &mut Cx, row: &Row, items: &[RemoveItem]) -> R<()> {
    for item in items {
        match item {
            RemoveItem::Property { target: t, key } => {
                let t = target(g, cx, row, t)?;
                props_mut(g, &t, |p| p.remove(key.as_str()));
            }
            RemoveItem::Labels { var, labels } => {
                if let Target::Node(n) = target(g, cx, row, &Expr::Var(var.clone()))? {
                    let stats = &mut cx.stats;
                    g.update_node(n, |node| {
                        let before = node.labels.len();
                        node.labels.retain(|l| !labels.contains(l));
                        stats.labels_removed += before - node.labels.len();
                    });
                }
            }
        }
    }
    Ok(())
}

/// DELETE / DETACH DELETE over all rows (relationships first, then nodes).
pub fn delete(g: &mut Graph, cx: &mut Cx, rows: &[Row], exprs: &[Expr], detach: bool) -> R<()> {
    let mut nodes = Vec::new();
    let mut rels = Vec::new();
    {
        let ev = cx.eval(g);
        for row in rows {
            for e in exprs {
                collect(ev.eval(row, e)?, &mut nodes, &mut rels)?;
            }
        }
    }
    if !detach {
        let doomed: std::collections::HashSet<EdgeId> = rels.iter().copied().collect();
        for n in &nodes {
            let attached = g
                .edges_of(*n, petgraph::Direction::Outgoing)
                .chain(g.edges_of(*n, petgraph::Direction::Incoming))
                .any(|(e, _)| !doomed.contains(&e));
            if attached {
                return Err(QueryError::runtime(
                    RuntimeKind::DeleteConnected,
                    "cannot delete a node that still has relationships; use DETACH DELETE",
                ));
            }
        }
    }
    for r in rels {
        if g.remove_edge(r).is_some() {
            rel_gone(cx, r);
        }
    }
    for n in nodes {
        if g.node(n).is_none() {
            continue;
        }
        let attached: Vec<EdgeId> = g
            .edges_of(n, petgraph::Direction::Outgoing)
            .chain(g.edges_of(n, petgraph::Direction::Incoming))
            .map(|(e, _)| e)
            .collect();
        for e in attached {
            if g.remove_edge(e).is_some() {
                rel_gone(cx, e);
            }
        }
        g.remove_node(n);
        if cx.created_nodes.remove(&n) {
            cx.stats.nodes_created -= 1;
        } else {
            cx.stats.nodes_deleted += 1;
        }
    }
    Ok(())
}

/// Counts a removed relationship: one created by this query just disappears from the counts.
fn rel_gone(cx: &mut Cx, e: EdgeId) {
    if cx.created_rels.remove(&e) {
        cx.stats.relationships_created -= 1;
    } else {
        cx.stats.relationships_deleted += 1;
    }
}

fn collect(v: Value, nodes: &mut Vec<NodeId>, rels: &mut Vec<EdgeId>) -> R<()> {
    match v {
        Value::Null => {}
        Value::Node(n) => nodes.push(n),
        Value::Rel(r) => rels.push(r),
        Value::Path { nodes: n, rels: r } => {
            nodes.extend(n);
            rels.extend(r);
        }
        Value::List(items) => {
            for it in items {
                collect(it, nodes, rels)?;
            }
        }
        other => {
            return Err(QueryError::type_error(format!(
                "DELETE needs nodes, relationships or paths, got {}",
                other.type_name()
            )));
        }
    }
    Ok(())
}
