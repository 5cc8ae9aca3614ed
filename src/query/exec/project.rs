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

/// Rebuilds `e` with `f` applied to its direct sub-expressions.
fn map_children(e: &Expr, f: &mut dyn FnMut(&Expr) -> Expr) -> Expr {
    let b = |x: &Expr, f: &mut dyn FnMut(&Expr) -> Expr| Box::new(f(x));
    match e {
        Expr::List(v) => Expr::List(v.iter().map(&mut *f).collect()),
        Expr::Map(m) => Expr::Map(m.iter().map(|(k, x)| (k.clone(), f(x))).collect()),
        Expr::Prop(x, k) => Expr::Prop(b(x, f), k.clone()),
        Expr::Index(x, y) => Expr::Index(b(x, f), b(y, f)),
        Expr::Slice(x, y, z) => Expr::Slice(
            b(x, f),
            y.as_ref().map(|y| Box::new(f(y))),
            z.as_ref().map(|z| Box::new(f(z))),
        ),
        Expr::HasLabels(x, l) => Expr::HasLabels(b(x, f), l.clone()),
        Expr::Unary(op, x) => Expr::Unary(*op, b(x, f)),
        Expr::Binary(op, x, y) => Expr::Binary(*op, b(x, f), b(y, f)),
        Expr::Compare(x, rest) => {
            Expr::Compare(b(x, f), rest.iter().map(|(op, y)| (*op, f(y))).collect())
        }
        Expr::Nested(x) => Expr::Nested(b(x, f)),
        Expr::IsNull(x, n) => Expr::IsNull(b(x, f), *n),
        Expr::Func {
            name,
            distinct,
            args,
        } => Expr::Func {
            name: name.clone(),
            distinct: *distinct,
            args: args.iter().map(&mut *f).collect(),
        },
        Expr::Case {
            subject,
            whens,
            otherwise,
        } => Expr::Case {
            subject: subject.as_ref().map(|s| Box::new(f(s))),
            whens: whens.iter().map(|(x, y)| (f(x), f(y))).collect(),
            otherwise: otherwise.as_ref().map(|o| Box::new(f(o))),
        },
        other => other.clone(),
    }
}

struct OutRow {
    vals: Vec<Value>,
    keys: Vec<Value>,
}

/// Projects `rows` through a WITH/RETURN body. Returns the column names and the value rows.
pub fn project(
    ev: &Eval,
    rows: Vec<Row>,
    scope: &[String],
    proj: &Projection,
) -> R<(Vec<String>, Vec<Vec<Value>>)> {
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
            let keys = if proj.order.is_empty() {
                Vec::new()
            } else {
                let mut env = row.clone();
                for (n, v) in names.iter().zip(&vals) {
                    env.insert(n.clone(), v.clone());
                }
                sort_keys(ev, &env, &items, &vals, &proj.order, None)?
            };
            out.push(OutRow { vals, keys });
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
        for row in &rows {
            let mut keyvals = Vec::new();
            for (i, it) in items.iter().enumerate() {
                if rewritten[i].is_none() {
                    keyvals.push(ev.eval(row, &it.expr)?);
                }
            }
            let key: Vec<OrdValue> = keyvals.iter().cloned().map(OrdValue).collect();
            let gi = match index.get(&key) {
                Some(gi) => *gi,
                None => {
                    groups.push(Group {
                        rep: row.clone(),
                        keyvals,
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
            ev.check_time()?;
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
            let keys = if proj.order.is_empty() {
                Vec::new()
            } else {
                for (n, v) in names.iter().zip(&vals) {
                    env.insert(n.clone(), v.clone());
                }
                sort_keys(ev, &env, &items, &vals, &proj.order, Some(&order_rewritten))?
            };
            out.push(OutRow { vals, keys });
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
    let rows: Vec<Vec<Value>> = out
        .into_iter()
        .skip(skip)
        .take(limit.unwrap_or(usize::MAX))
        .map(|r| r.vals)
        .collect();
    Ok((names, rows))
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
