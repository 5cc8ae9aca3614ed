//! `:explain QUERY`: how a query will run, step by step, without running it. The query is parsed
//! and checked by the query module; the steps follow how its executor works (clauses in order;
//! each pattern walked from its most selective end: a bound variable, then a `name` lookup in the
//! name index, then the smallest label index, else every node), with the graph's current counts.

use crate::graph::Graph;
use crate::query::ast::{Clause, Dir, Expr, NodePattern, PatternPart, Projection, Query};
use crate::query::{self, QueryError};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The plan of a query as numbered steps.
pub fn explain(g: &Graph, text: &str) -> Result<String, QueryError> {
    let ast = query::parse(text)?;
    query::semantic::check(&ast)?;
    Ok(describe(g, &ast))
}

fn describe(g: &Graph, q: &Query) -> String {
    let mut out = String::new();
    let mut step = 0;
    for (i, part) in q.parts.iter().enumerate() {
        if i > 0 {
            let all = q.union_all.get(i - 1).copied().unwrap_or(false);
            let _ = writeln!(
                out,
                "then UNION{}: append the rows of the next query{}",
                if all { " ALL" } else { "" },
                if all { "" } else { ", dropping duplicates" }
            );
        }
        let mut bound: BTreeSet<String> = BTreeSet::new();
        for c in &part.clauses {
            for line in clause_steps(g, c, &mut bound) {
                step += 1;
                let _ = writeln!(out, "{step:>2}. {line}");
            }
        }
    }
    out.push_str(
        "(limits: depth, rows and time are bounded; variable-length patterns without a maximum stop at the default depth)",
    );
    out
}

fn clause_steps(g: &Graph, c: &Clause, bound: &mut BTreeSet<String>) -> Vec<String> {
    let mut v = Vec::new();
    match c {
        Clause::Match {
            optional,
            pattern,
            filter,
        } => {
            for part in pattern {
                v.extend(pattern_steps(g, part, bound, *optional));
            }
            if let Some(f) = filter {
                v.push(format!(
                    "filter rows by the WHERE condition (on {})",
                    vars_of(f)
                ));
            }
        }
        Clause::Unwind { var, .. } => {
            v.push(format!("unwind a list into one row per item, as `{var}`"));
            bound.insert(var.clone());
        }
        Clause::With { proj, filter } => {
            v.extend(projection_steps("WITH", proj));
            bound.clear();
            bound.extend(proj.items.iter().map(|i| i.name.clone()));
            if let Some(f) = filter {
                v.push(format!(
                    "filter rows by the WHERE condition (on {})",
                    vars_of(f)
                ));
            }
        }
        Clause::Return(proj) => v.extend(projection_steps("RETURN", proj)),
        Clause::Create(parts) => {
            for p in parts {
                v.push(format!("create {}", pattern_text(p)));
                bound.extend(p.var.iter().cloned());
            }
        }
        Clause::Merge { part, .. } => {
            v.push(format!(
                "merge {}: match it, or create it when there is no match",
                pattern_text(part)
            ));
        }
        Clause::Set(items) => v.push(format!("set {} item(s) on each row", items.len())),
        Clause::Remove(items) => v.push(format!("remove {} item(s) on each row", items.len())),
        Clause::Delete { detach, exprs } => v.push(format!(
            "{}delete {} value(s) per row",
            if *detach { "detach " } else { "" },
            exprs.len()
        )),
        Clause::Call { name } => v.push(format!("call procedure {name}")),
    }
    v
}

fn projection_steps(kw: &str, p: &Projection) -> Vec<String> {
    let mut v = Vec::new();
    let cols: Vec<&str> = p.items.iter().map(|i| i.name.as_str()).collect();
    let agg = p.items.iter().any(|i| i.expr.has_aggregate());
    if agg {
        let keys: Vec<&str> = p
            .items
            .iter()
            .filter(|i| !i.expr.has_aggregate())
            .map(|i| i.name.as_str())
            .collect();
        if keys.is_empty() {
            v.push("aggregate all rows into one".to_string());
        } else {
            v.push(format!("group rows by {} and aggregate", keys.join(", ")));
        }
    }
    let what = if p.star {
        "every variable".to_string()
    } else {
        cols.join(", ")
    };
    v.push(format!("{kw} {what}"));
    if p.distinct {
        v.push("drop duplicate rows (DISTINCT)".into());
    }
    if !p.order.is_empty() {
        v.push(format!("sort by {} key(s)", p.order.len()));
    }
    if p.skip.is_some() {
        v.push("skip rows (SKIP)".into());
    }
    if p.limit.is_some() {
        v.push("keep the first rows (LIMIT)".into());
    }
    v
}

/// How the executor ranks a node pattern as a starting point (lower is better).
fn score(np: &NodePattern, bound: &BTreeSet<String>) -> u8 {
    if np.var.as_ref().is_some_and(|v| bound.contains(v)) {
        0
    } else if name_literal(np).is_some() {
        1
    } else if !np.labels.is_empty() {
        2
    } else {
        3
    }
}

fn name_literal(np: &NodePattern) -> Option<&Expr> {
    match &np.props {
        Some(Expr::Map(entries)) => entries.iter().find(|(k, _)| k == "name").map(|(_, e)| e),
        _ => None,
    }
}

fn start_text(g: &Graph, np: &NodePattern, bound: &BTreeSet<String>) -> String {
    let var = np.var.as_deref().unwrap_or("an anonymous node");
    match score(np, bound) {
        0 => format!("start from `{var}`, already bound"),
        1 => match name_literal(np) {
            Some(Expr::Lit(query::Value::String(s))) => format!(
                "start from the name index: {:?} ({} node(s)) as `{var}`",
                s,
                g.nodes_named(s).len()
            ),
            _ => format!("start from the name index (name given by an expression) as `{var}`"),
        },
        2 => {
            let (label, n) = np
                .labels
                .iter()
                .map(|l| (l.as_str(), g.nodes_with_label(l).len()))
                .min_by_key(|(_, n)| *n)
                .unwrap_or(("", 0));
            format!("start from the label index :{label} ({n} node(s)) as `{var}`")
        }
        _ => format!("scan all {} nodes as `{var}`", g.node_count()),
    }
}

fn pattern_steps(
    g: &Graph,
    part: &PatternPart,
    bound: &mut BTreeSet<String>,
    optional: bool,
) -> Vec<String> {
    let mut v = Vec::new();
    let el = &part.element;
    let prefix = if optional { "(optional) " } else { "" };
    if part.shortest.is_some() {
        v.push(format!(
            "{prefix}find shortest path(s) {} (breadth-first, bounded depth)",
            pattern_text(part)
        ));
    } else {
        let last = el.chain.last().map(|(_, n)| n);
        let reversed = last.is_some_and(|l| score(l, bound) < score(&el.start, bound));
        let mut nodes: Vec<&NodePattern> = vec![&el.start];
        nodes.extend(el.chain.iter().map(|(_, n)| n));
        let start = if reversed {
            nodes[nodes.len() - 1]
        } else {
            nodes[0]
        };
        v.push(format!("{prefix}{}", start_text(g, start, bound)));
        let steps: Vec<(usize, bool)> = if reversed {
            (0..el.chain.len()).rev().map(|k| (k, true)).collect()
        } else {
            (0..el.chain.len()).map(|k| (k, false)).collect()
        };
        for (k, flipped) in steps {
            let (rp, _) = &el.chain[k];
            let to = if flipped { nodes[k] } else { nodes[k + 1] };
            let dir = match (rp.dir, flipped) {
                (Dir::Both, _) => "either direction",
                (Dir::Right, false) | (Dir::Left, true) => "outgoing",
                _ => "incoming",
            };
            let types = if rp.types.is_empty() {
                "any type".to_string()
            } else {
                rp.types
                    .iter()
                    .map(|t| format!(":{t}"))
                    .collect::<Vec<_>>()
                    .join("|")
            };
            let hops = match rp.range {
                None => String::new(),
                Some((a, b)) => format!(
                    ", {}..{} hops",
                    a.unwrap_or(1),
                    b.map_or("max".to_string(), |b| b.to_string())
                ),
            };
            let check = node_check(to);
            v.push(format!(
                "{prefix}expand {dir} relationships of {types}{hops} to `{}`{check}",
                to.var.as_deref().unwrap_or("_")
            ));
        }
    }
    for n in std::iter::once(&el.start).chain(el.chain.iter().map(|(_, n)| n)) {
        bound.extend(n.var.iter().cloned());
    }
    for (r, _) in &el.chain {
        bound.extend(r.var.iter().cloned());
    }
    bound.extend(part.var.iter().cloned());
    v
}

fn node_check(np: &NodePattern) -> String {
    let mut parts = Vec::new();
    if !np.labels.is_empty() {
        parts.push(
            np.labels
                .iter()
                .map(|l| format!(":{l}"))
                .collect::<String>(),
        );
    }
    if np.props.is_some() {
        parts.push("its properties".into());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(", checking {}", parts.join(" and "))
    }
}

fn pattern_text(p: &PatternPart) -> String {
    let node = |n: &NodePattern| {
        let labels: String = n.labels.iter().map(|l| format!(":{l}")).collect();
        format!("({}{labels})", n.var.as_deref().unwrap_or(""))
    };
    let mut s = node(&p.element.start);
    for (r, n) in &p.element.chain {
        let types: Vec<String> = r.types.iter().map(|t| format!(":{t}")).collect();
        let inner = format!("[{}{}]", r.var.as_deref().unwrap_or(""), types.join("|"));
        match r.dir {
            Dir::Right => s.push_str(&format!("-{inner}->")),
            Dir::Left => s.push_str(&format!("<-{inner}-")),
            Dir::Both => s.push_str(&format!("-{inner}-")),
        }
        s.push_str(&node(n));
    }
    s
}

fn vars_of(e: &Expr) -> String {
    let mut vars = BTreeSet::new();
    e.walk(&mut |x| {
        if let Expr::Var(v) = x {
            vars.insert(v.clone());
        }
    });
    if vars.is_empty() {
        "constants".into()
    } else {
        vars.into_iter().collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Node;

    #[test]
    fn plan_starts_from_the_most_selective_end() {
        let mut g = Graph::new();
        let mut p = Node::new("Person");
        p.props.insert("name".into(), "Ana Ruiz".into());
        g.add_node(p);
        g.add_node(Node::new("Country"));
        let plan = explain(
            &g,
            "MATCH (c:Country)<-[:HOLDS_OFFICE]-(p:Person {name: 'Ana Ruiz'}) WHERE c.name <> 'X' RETURN c.name, count(*) AS n ORDER BY n LIMIT 3",
        )
        .unwrap();
        let lines: Vec<&str> = plan.lines().collect();
        assert_eq!(
            lines[0],
            " 1. start from the name index: \"Ana Ruiz\" (1 node(s)) as `p`"
        );
        assert_eq!(
            lines[1],
            " 2. expand outgoing relationships of :HOLDS_OFFICE to `c`, checking :Country"
        );
        assert_eq!(lines[2], " 3. filter rows by the WHERE condition (on c)");
        assert_eq!(lines[3], " 4. group rows by c.name and aggregate");
        assert!(plan.contains("keep the first rows (LIMIT)"));
    }

    #[test]
    fn bad_queries_are_errors() {
        let g = Graph::new();
        assert!(explain(&g, "MATCH (n RETURN n").is_err());
        assert!(explain(&g, "RETURN x").is_err());
    }
}
