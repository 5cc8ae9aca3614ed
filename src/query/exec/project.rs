//! WITH / RETURN: projection, aggregation with implicit grouping, DISTINCT, ORDER BY, SKIP, LIMIT.

use crate::query::ast::*;
use crate::query::error::{QueryError, RuntimeKind, SemanticKind};
use crate::query::eval::aggregate::Acc;
use crate::query::eval::{AGG_PREFIX, Eval, R, Row};
use crate::query::value::{OrdValue, Value};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// One aggregate call found in a projection.
#[derive(Debug, Clone, PartialEq)]
struct AggCall {
    name: String,
    distinct: bool,
    args: Vec<Expr>,
}

/// Replaces aggregate calls in `e` by [`Expr::AggRef`], registering them in `aggs`.
fn extract_aggs(e: &Expr, aggs: &mut Vec<(Expr, AggCall)>) -> Expr {
    if is_aggregate(e) {
        if let Some(i) = aggs.iter().position(|(x, _)| x == e) {
            return Expr::AggRef(i);
        }
        let call = match e {
            Expr::Func {
                name,
                distinct,
                args,
            } => AggCall {
                name: name.clone(),
                distinct: *distinct,
                args: args.clone(),
            },
            _ => AggCall {
                name: "count*".into(),
                distinct: false,
                args: vec![],
            },
        };
        aggs.push((e.clone(), call));
        return Expr::AggRef(aggs.len() - 1);
    }
    map_children(e, &mut |c| extract_aggs(c, aggs))
}

struct OutRow {
    vals: Vec<Value>,
    keys: Vec<Value>,
    /// The input row (plus projected names) the output came from, when asked for.
    env: Option<Row>,
}

/// A projected table: column names, value rows and (optionally) each row's source bindings.
pub type Projected = (Vec<String>, Vec<Vec<Value>>, Vec<Row>);

/// Projects `rows` through a WITH/RETURN body. Returns the column names and the value rows.
pub fn project(
    ev: &Eval,
    rows: Vec<Row>,
    scope: &[String],
    proj: &Projection,
    keep_env: bool,
) -> R<Projected> {
    let mut items: Vec<ProjItem> = Vec::new();
    if proj.star {
        let mut names: Vec<&String> = scope.iter().filter(|n| !n.starts_with('\0')).collect();
        names.sort();
        for n in names {
            items.push(ProjItem {
                expr: Expr::Var(n.clone()),
                name: n.clone(),
                aliased: false,
            });
        }
    }
    items.extend(proj.items.iter().cloned());
    let names: Vec<String> = items.iter().map(|i| i.name.clone()).collect();
    let aggregating = items.iter().any(|i| i.expr.has_aggregate());

    let mut out: Vec<OutRow> = Vec::new();
    if !aggregating {
        for row in &rows {
            let vals: Vec<Value> = items
                .iter()
                .map(|i| ev.eval(row, &i.expr))
                .collect::<R<_>>()?;
            let mut env = None;
            let keys = if proj.order.is_empty() && !keep_env {
                Vec::new()
            } else {
                let mut e = row.clone();
                for (n, v) in names.iter().zip(&vals) {
                    e.insert(n.clone(), v.clone());
                }
                let k = sort_keys(ev, &e, &items, &vals, &proj.order, None)?;
                if keep_env {
                    env = Some(e);
                }
                k
            };
            out.push(OutRow { vals, keys, env });
        }
    } else {
        let mut aggs: Vec<(Expr, AggCall)> = Vec::new();
        let rewritten: Vec<Option<Expr>> = items
            .iter()
            .map(|i| {
                i.expr
                    .has_aggregate()
                    .then(|| extract_aggs(&i.expr, &mut aggs))
            })
            .collect();
        let order_rewritten: Vec<Expr> = proj
            .order
            .iter()
            .map(|s| extract_aggs(&s.expr, &mut aggs))
            .collect();
        struct Group {
            rep: Row,
            keyvals: Vec<Value>,
            accs: Vec<Acc>,
        }
        let mut index: BTreeMap<Vec<OrdValue>, usize> = BTreeMap::new();
        let mut groups: Vec<Group> = Vec::new();
        let new_accs = || -> Vec<Acc> {
            aggs.iter()
                .map(|(_, c)| Acc::new(&c.name, c.distinct))
                .collect()
        };
        for (i, row) in rows.iter().enumerate() {
            let mut keyvals = Vec::new();
            for (i, it) in items.iter().enumerate() {
                if rewritten[i].is_none() {
                    keyvals.push(ev.eval(row, &it.expr)?);
                }
            }
            // the key values are copied only for a new group, not for every row
            let key: Vec<OrdValue> = keyvals.into_iter().map(OrdValue).collect();
            let gi = match index.get(&key) {
                Some(gi) => *gi,
                None => {
                    groups.push(Group {
                        rep: row.clone(),
                        keyvals: key.iter().map(|k| k.0.clone()).collect(),
                        accs: new_accs(),
                    });
                    index.insert(key, groups.len() - 1);
                    groups.len() - 1
                }
            };
            let group = &mut groups[gi];
            for (k, (_, call)) in aggs.iter().enumerate() {
                let v = match call.args.first() {
                    Some(a) => ev.eval(row, a)?,
                    None => Value::Null,
                };
                if group.accs[k].param.is_none()
                    && let Some(p) = call.args.get(1)
                {
                    group.accs[k].param = Some(ev.eval(row, p)?);
                }
                group.accs[k].add(v);
            }
            // reading the clock per row took 2% of a whole-graph aggregation
            if i % 1024 == 0 {
                ev.check_time()?;
            }
        }
        if groups.is_empty() && rewritten.iter().all(Option::is_some) {
            groups.push(Group {
                rep: Row::new(),
                keyvals: Vec::new(),
                accs: new_accs(),
            });
        }
        for group in groups {
            let mut env = group.rep;
            for (k, acc) in group.accs.into_iter().enumerate() {
                env.insert(format!("{AGG_PREFIX}{k}"), acc.finish()?);
            }
            let mut keyvals = group.keyvals.into_iter();
            let mut vals = Vec::with_capacity(items.len());
            for r in &rewritten {
                vals.push(match r {
                    None => keyvals.next().unwrap_or(Value::Null),
                    Some(e) => ev.eval(&env, e)?,
                });
            }
            for (n, v) in names.iter().zip(&vals) {
                env.insert(n.clone(), v.clone());
            }
            let keys = sort_keys(ev, &env, &items, &vals, &proj.order, Some(&order_rewritten))?;
            let env = keep_env.then_some(env);
            out.push(OutRow { vals, keys, env });
        }
    }

    if proj.distinct {
        let mut seen = BTreeSet::new();
        out.retain(|r| seen.insert(r.vals.iter().cloned().map(OrdValue).collect::<Vec<_>>()));
    }
    if !proj.order.is_empty() {
        out.sort_by(|a, b| {
            for (i, s) in proj.order.iter().enumerate() {
                let (x, y) = (&a.keys[i], &b.keys[i]);
                let o = x.order(y);
                let o = if s.desc { o.reverse() } else { o };
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
    }
    let skip = count_arg(ev, proj.skip.as_ref(), "SKIP")?.unwrap_or(0);
    let limit = count_arg(ev, proj.limit.as_ref(), "LIMIT")?;
    let mut rows = Vec::new();
    let mut envs = Vec::new();
    for r in out.into_iter().skip(skip).take(limit.unwrap_or(usize::MAX)) {
        rows.push(r.vals);
        if let Some(e) = r.env {
            envs.push(e);
        }
    }
    Ok((names, rows, envs))
}

fn sort_keys(
    ev: &Eval,
    env: &Row,
    items: &[ProjItem],
    vals: &[Value],
    order: &[SortItem],
    rewritten: Option<&[Expr]>,
) -> R<Vec<Value>> {
    let mut keys = Vec::with_capacity(order.len());
    for (i, s) in order.iter().enumerate() {
        if let Some(pos) = items.iter().position(|it| it.expr == s.expr) {
            keys.push(vals[pos].clone());
            continue;
        }
        let e = rewritten.map_or(&s.expr, |r| &r[i]);
        keys.push(ev.eval(env, e)?);
    }
    Ok(keys)
}

fn count_arg(ev: &Eval, e: Option<&Expr>, what: &str) -> R<Option<usize>> {
    let Some(e) = e else { return Ok(None) };
    let literal = matches!(e, Expr::Lit(_));
    let v = ev.eval(&Row::new(), e)?;
    match v {
        Value::Int(i) if i >= 0 => Ok(Some(i as usize)),
        other => {
            let msg = format!(
                "{what} needs a non-negative integer, got {}",
                match &other {
                    Value::Int(i) => i.to_string(),
                    o => o.type_name().to_string(),
                }
            );
            if literal {
                Err(QueryError::semantic(SemanticKind::InvalidArgumentType, msg))
            } else {
                Err(QueryError::runtime(RuntimeKind::ArgumentError, msg))
            }
        }
    }
}
