//! EXPLAIN: a readable description of how a query will run (clause order, where each pattern
//! starts and which index it uses).

use super::ast::*;
use super::exec::{pattern::start_choice, pattern_vars};
use crate::graph::Graph;

/// One line per step of the plan.
pub fn explain(g: &Graph, q: &Query) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in q.parts.iter().enumerate() {
        if i > 0 {
            let all = q.union_all.get(i - 1).copied().unwrap_or(false);
            out.push(
                if all {
                    "UNION ALL"
                } else {
                    "UNION (distinct rows)"
                }
                .to_string(),
            );
        }
        let mut bound: Vec<String> = Vec::new();
        for c in &part.clauses {
            describe_clause(g, c, &mut bound, &mut out);
        }
    }
    out
}

fn describe_clause(g: &Graph, c: &Clause, bound: &mut Vec<String>, out: &mut Vec<String>) {
    match c {
        Clause::Match {
            optional,
            pattern,
            filter,
        } => {
            out.push(format!(
                "{}MATCH ({} pattern part{})",
                if *optional { "OPTIONAL " } else { "" },
                pattern.len(),
                if pattern.len() == 1 { "" } else { "s" }
            ));
            let hinted = super::exec::name_hints(pattern, filter.as_ref());
            describe_pattern(g, &hinted, bound, out);
            if filter.is_some() {
                out.push("  filter: WHERE, applied to each match".into());
            }
        }
        Clause::Unwind { var, .. } => {
            out.push(format!("UNWIND into `{var}`"));
            bound.push(var.clone());
        }
        Clause::With { proj, filter } => {
            out.push(format!("WITH {}", projection_summary(proj)));
            if filter.is_some() {
                out.push("  filter: WHERE on the projected rows".into());
            }
            let mut names: Vec<String> = if proj.star { bound.clone() } else { Vec::new() };
            names.extend(proj.items.iter().map(|i| i.name.clone()));
            *bound = names;
        }
        Clause::Return(proj) => out.push(format!("RETURN {}", projection_summary(proj))),
        Clause::Create(p) => {
            out.push("CREATE".into());
            bound.extend(pattern_vars(p));
        }
        Clause::Merge { part, .. } => {
            out.push("MERGE: match the pattern, create it when absent".into());
            describe_pattern(g, std::slice::from_ref(part), bound, out);
        }
        Clause::Set(items) => out.push(format!("SET ({} item(s))", items.len())),
        Clause::Remove(items) => out.push(format!("REMOVE ({} item(s))", items.len())),
        Clause::Delete { detach, .. } => {
            out.push(if *detach { "DETACH DELETE" } else { "DELETE" }.into())
        }
        Clause::Call { name } => out.push(format!("CALL {name}() (built-in procedure)")),
    }
}

fn projection_summary(p: &Projection) -> String {
    let aggregating = p.items.iter().any(|i| i.expr.has_aggregate());
    let mut parts = vec![format!(
        "{} column(s){}",
        p.items.len() + usize::from(p.star),
        if p.star { " incl. *" } else { "" }
    )];
    if aggregating {
        parts.push("aggregating (grouped by the non-aggregate columns)".into());
    }
    if p.distinct {
        parts.push("DISTINCT".into());
    }
    if !p.order.is_empty() {
        parts.push(format!("ORDER BY {} key(s)", p.order.len()));
    }
    if p.skip.is_some() {
        parts.push("SKIP".into());
    }
    if p.limit.is_some() {
        parts.push("LIMIT".into());
    }
    parts.join(", ")
}

fn node_text(n: &NodePattern) -> String {
    let labels: String = n.labels.iter().map(|l| format!(":{l}")).collect();
    format!("({}{labels})", n.var.as_deref().unwrap_or(""))
}

fn describe_pattern(
    g: &Graph,
    parts: &[PatternPart],
    bound: &mut Vec<String>,
    out: &mut Vec<String>,
) {
    for part in parts {
        let (el, reversed, access) = start_choice(g, &part.element, bound);
        let mut line = format!("  start at {}: {access}", node_text(&el.start));
        if reversed {
            line.push_str(" (walking the pattern from its right end)");
        }
        if let Some(s) = part.shortest {
            line.push_str(match s {
                Shortest::One => "; breadth-first shortest path",
                Shortest::All => "; breadth-first, all shortest paths",
            });
        }
        out.push(line);
        for (r, n) in &el.chain {
            let types = if r.types.is_empty() {
                "any type".to_string()
            } else {
                r.types.join("|")
            };
            let arrow = match r.dir {
                Dir::Right => "outgoing",
                Dir::Left => "incoming",
                Dir::Both => "either direction",
            };
            let hops = match r.range {
                None => String::new(),
                Some((min, max)) => format!(
                    ", {}..{} hops",
                    min.unwrap_or(1),
                    max.map_or("max_depth".to_string(), |m| m.to_string())
                ),
            };
            out.push(format!(
                "  expand {arrow} relationships ({types}{hops}) to {}",
                node_text(n)
            ));
        }
        for v in pattern_vars(std::slice::from_ref(part)) {
            if !bound.contains(&v) {
                bound.push(v);
            }
        }
    }
}
