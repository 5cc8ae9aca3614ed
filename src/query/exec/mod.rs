//! Clause-at-a-time execution: each clause turns a table of rows into the next table.

pub mod pattern;
mod project;
mod write;

use super::ast::*;
use super::error::{QueryError, SemanticKind};
use super::eval::{Eval, R, Row};
use super::value::{OrdValue, Value};
use super::{Limits, Params, QueryResult, QueryStats};
use crate::graph::Graph;
use std::collections::BTreeSet;
use std::time::Instant;

/// What every clause needs besides the graph.
pub struct Cx<'a> {
    pub params: &'a Params,
    pub limits: &'a Limits,
    pub deadline: Instant,
    pub stats: QueryStats,
    /// Nodes and relationships this query created (so deleting them again is not counted).
    pub created_nodes: std::collections::HashSet<crate::graph::NodeId>,
    pub created_rels: std::collections::HashSet<crate::graph::EdgeId>,
    /// See [`Eval::depth_cut`].
    pub depth_cut: std::cell::Cell<bool>,
}

impl<'a> Cx<'a> {
    /// An evaluator over `g`.
    pub fn eval<'g>(&'g self, g: &'g Graph) -> Eval<'g> {
        Eval {
            graph: g,
            params: self.params,
            limits: self.limits,
            deadline: self.deadline,
            built: std::cell::Cell::new(0),
            depth_cut: &self.depth_cut,
        }
    }
}

/// Runs a parsed (and checked) query.
pub fn run(g: &mut Graph, q: &Query, params: &Params, limits: &Limits) -> R<QueryResult> {
    let mut cx = Cx {
        params,
        limits,
        deadline: Instant::now() + limits.timeout,
        stats: QueryStats::default(),
        created_nodes: Default::default(),
        created_rels: Default::default(),
        depth_cut: Default::default(),
    };
    let mut result: Option<QueryResult> = None;
    for (i, part) in q.parts.iter().enumerate() {
        let (columns, rows) = single(g, part, &mut cx)?;
        result = Some(match result {
            None => QueryResult {
                columns,
                rows,
                ..QueryResult::default()
            },
            Some(mut acc) => {
                if acc.columns != columns {
                    return Err(QueryError::semantic(
                        SemanticKind::UnionMismatch,
                        "all parts of a UNION must return the same columns",
                    ));
                }
                acc.rows.extend(rows);
                if !q.union_all.get(i - 1).copied().unwrap_or(false) {
                    acc.rows = dedup(acc.rows);
                }
                acc
            }
        });
    }
    let mut result = result.unwrap_or_default();
    if q.parts.len() > 1 && !q.union_all.iter().all(|a| *a) {
        result.rows = dedup(result.rows);
    }
    result.stats = cx.stats;
    if cx.depth_cut.get() {
        result.notices.push(format!(
            "a variable-length pattern without an upper bound stopped at {} hops; longer paths \
             were not followed (give the bound, e.g. [*..20], to go further)",
            limits.max_depth
        ));
    }
    Ok(result)
}

fn dedup(rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    let mut seen = BTreeSet::new();
    rows.into_iter()
        .filter(|r| seen.insert(r.iter().cloned().map(OrdValue).collect::<Vec<_>>()))
        .collect()
}

/// Runs a reading clause (MATCH, UNWIND, WITH, RETURN); false for other clauses.
pub fn read_clause(
    ev: &Eval,
    clause: &Clause,
    rows: &mut Vec<Row>,
    scope: &mut Vec<String>,
    out: &mut Table,
) -> R<bool> {
    match clause {
        Clause::Match {
            optional,
            pattern,
            filter,
        } => {
            let vars = pattern_vars(pattern);
            let hinted = name_hints(pattern, filter.as_ref());
            let mut next = Vec::new();
            for row in &*rows {
                let m = pattern::match_filtered(ev, row, &hinted, filter.as_ref(), None)?;
                if m.is_empty() && *optional {
                    let mut r = row.clone();
                    for v in &vars {
                        r.insert_if_absent(v, Value::Null);
                    }
                    next.push(r);
                } else {
                    next.extend(m);
                }
                ev.check_rows(next.len())?;
            }
            *rows = next;
            for v in vars {
                if !scope.contains(&v) {
                    scope.push(v);
                }
            }
        }
        Clause::Unwind { expr, var } => {
            let mut next = Vec::new();
            for row in &*rows {
                match ev.eval(row, expr)? {
                    Value::Null => {}
                    Value::List(items) => {
                        for it in items {
                            let mut r = row.clone();
                            r.insert(var.clone(), it);
                            next.push(r);
                        }
                    }
                    other => {
                        let mut r = row.clone();
                        r.insert(var.clone(), other);
                        next.push(r);
                    }
                }
                ev.check_rows(next.len())?;
            }
            *rows = next;
            if !scope.contains(var) {
                scope.push(var.clone());
            }
        }
        Clause::With { proj, filter } => {
            let (cols, vals, envs) =
                project::project(ev, std::mem::take(rows), &*scope, proj, filter.is_some())?;
            *rows = Vec::with_capacity(vals.len());
            for (i, v) in vals.into_iter().enumerate() {
                if let Some(f) = filter
                    && let Some(env) = envs.get(i)
                    && super::eval::truth(&ev.eval(env, f)?)? != Some(true)
                {
                    continue;
                }
                rows.push(cols.iter().cloned().zip(v).collect());
            }
            *scope = cols;
        }
        Clause::Return(proj) => {
            let (cols, vals, _) = project::project(ev, std::mem::take(rows), &*scope, proj, false)?;
            *out = (cols, vals);
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Copies `var.name = constant` conditions of a WHERE into the pattern's property maps, so the
/// name index can find the start node. The WHERE still applies, so results do not change.
pub(crate) fn name_hints(pattern: &[PatternPart], filter: Option<&Expr>) -> Vec<PatternPart> {
    let mut out = pattern.to_vec();
    let Some(f) = filter else { return out };
    let mut terms = Vec::new();
    conjuncts(f, &mut terms);
    for t in terms {
        let Expr::Compare(lhs, rest) = t else {
            continue;
        };
        let [(CmpOp::Eq, rhs)] = rest.as_slice() else {
            continue;
        };
        let (var, value) = match (&**lhs, rhs) {
            (Expr::Prop(b, k), v) | (v, Expr::Prop(b, k)) if k == "name" => match (&**b, v) {
                (Expr::Var(var), Expr::Lit(_) | Expr::Param(_)) => (var, v),
                _ => continue,
            },
            _ => continue,
        };
        for part in &mut out {
            let el = &mut part.element;
            let nodes = std::iter::once(&mut el.start).chain(el.chain.iter_mut().map(|(_, n)| n));
            for n in nodes {
                if n.var.as_ref() == Some(var) && n.props.is_none() {
                    n.props = Some(Expr::Map(vec![("name".into(), value.clone())]));
                }
            }
        }
    }
    out
}

fn conjuncts<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match e {
        Expr::Binary(BinOp::And, a, b) => {
            conjuncts(a, out);
            conjuncts(b, out);
        }
        other => out.push(other),
    }
}

/// Runs a read-only subquery starting from `row`; true when it yields at least one row.
pub fn subquery_has_rows(ev: &Eval, q: &SingleQuery, row: &Row) -> R<bool> {
    Ok(subquery_rows(ev, q, row)? > 0)
}

/// Runs a read-only subquery starting from `row`; the number of rows it yields.
pub fn subquery_rows(ev: &Eval, q: &SingleQuery, row: &Row) -> R<usize> {
    let mut rows = vec![row.clone()];
    let mut scope: Vec<String> = row.keys().map(String::from).collect();
    let mut out: Table = (Vec::new(), Vec::new());
    let mut returned = false;
    for clause in &q.clauses {
        if !read_clause(ev, clause, &mut rows, &mut scope, &mut out)? {
            return Err(QueryError::semantic(
                SemanticKind::Unsupported,
                "an EXISTS subquery cannot update the graph",
            ));
        }
        returned = matches!(clause, Clause::Return(_));
    }
    Ok(if returned { out.1.len() } else { rows.len() })
}

/// The column a built-in procedure returns (`None` for unknown procedures).
pub fn procedure_column(name: &str) -> Option<&'static str> {
    match name.to_lowercase().as_str() {
        "db.labels" => Some("label"),
        "db.relationshiptypes" => Some("relationshipType"),
        "db.propertykeys" => Some("propertyKey"),
        _ => None,
    }
}

/// The rows of a built-in procedure, sorted.
fn procedure_rows(g: &Graph, name: &str) -> Vec<Vec<Value>> {
    let names: Vec<String> = match name.to_lowercase().as_str() {
        "db.labels" => g.label_counts().into_iter().map(|(l, _)| l).collect(),
        "db.relationshiptypes" => g.rel_type_counts().into_iter().map(|(t, _)| t).collect(),
        _ => {
            let mut keys = BTreeSet::new();
            for id in g.node_ids() {
                if let Some(n) = g.node(id) {
                    keys.extend(n.props.keys().map(|k| k.to_string()));
                }
            }
            for id in g.edge_ids() {
                if let Some(e) = g.edge(id) {
                    keys.extend(e.props.keys().map(|k| k.to_string()));
                }
            }
            keys.into_iter().collect()
        }
    };
    names.into_iter().map(|n| vec![Value::String(n)]).collect()
}

/// The variables a pattern binds, in order of appearance.
pub fn pattern_vars(parts: &[PatternPart]) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |v: &Option<String>| {
        if let Some(v) = v
            && !out.contains(v)
        {
            out.push(v.clone());
        }
    };
    for p in parts {
        add(&p.var);
        add(&p.element.start.var);
        for (r, n) in &p.element.chain {
            add(&r.var);
            add(&n.var);
        }
    }
    out
}

type Table = (Vec<String>, Vec<Vec<Value>>);

fn single(g: &mut Graph, q: &SingleQuery, cx: &mut Cx) -> R<Table> {
    let mut rows: Vec<Row> = vec![Row::new()];
    let mut scope: Vec<String> = Vec::new();
    let mut out: Table = (Vec::new(), Vec::new());
    for clause in &q.clauses {
        let ev = cx.eval(g);
        ev.check_time()?;
        if read_clause(&ev, clause, &mut rows, &mut scope, &mut out)? {
            continue;
        }
        match clause {
            Clause::Create(pattern) => {
                rows = write::create(g, cx, rows, pattern)?;
                for v in pattern_vars(pattern) {
                    if !scope.contains(&v) {
                        scope.push(v);
                    }
                }
            }
            Clause::Merge {
                part,
                on_match,
                on_create,
            } => {
                rows = write::merge(g, cx, rows, part, on_match, on_create)?;
                for v in pattern_vars(std::slice::from_ref(part)) {
                    if !scope.contains(&v) {
                        scope.push(v);
                    }
                }
            }
            Clause::Set(items) => {
                for row in &rows {
                    write::set(g, cx, row, items)?;
                }
            }
            Clause::Remove(items) => {
                for row in &rows {
                    write::remove(g, cx, row, items)?;
                }
            }
            Clause::Delete { detach, exprs } => write::delete(g, cx, &rows, exprs, *detach)?,
            Clause::Call { name } => {
                let Some(col) = procedure_column(name) else {
                    return Err(QueryError::semantic(
                        SemanticKind::Unsupported,
                        format!("unknown procedure {name}"),
                    ));
                };
                out = (vec![col.to_string()], procedure_rows(g, name));
            }
            Clause::Match { .. }
            | Clause::Unwind { .. }
            | Clause::With { .. }
            | Clause::Return(_) => {}
        }
    }
    Ok(out)
}
