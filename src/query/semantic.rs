//! Compile-time checks: variable scope and kinds, aggregation placement, function names and
//! arity, clause order, static operand types of literals, and the shapes CREATE and MERGE accept.

use super::ast::*;
use super::error::{QueryError, SemanticKind as K};
use super::eval::functions::check_function;
use super::value::Value;
use std::collections::BTreeMap;

/// What is statically known about a variable or expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum T {
    Node,
    Rel,
    RelList,
    Path,
    Bool,
    Int,
    Float,
    Str,
    List,
    Map,
    Null,
    Unknown,
}

type Scope = BTreeMap<String, T>;
type Res = Result<(), QueryError>;

fn err(kind: K, msg: impl Into<String>) -> QueryError {
    QueryError::semantic(kind, msg)
}

/// Checks a parsed query; the first problem found is returned.
pub fn check(q: &Query) -> Res {
    if q.union_all.len() > 1 && q.union_all.iter().any(|a| *a) && !q.union_all.iter().all(|a| *a) {
        return Err(err(K::UnionMismatch, "cannot mix UNION and UNION ALL"));
    }
    let mut columns: Option<Vec<String>> = None;
    for part in &q.parts {
        let cols = check_single(part)?;
        if q.parts.len() > 1 {
            if let Some(c) = &columns
                && *c != cols
            {
                return Err(err(
                    K::UnionMismatch,
                    "all parts of a UNION must return the same column names",
                ));
            }
            columns = Some(cols);
        }
    }
    Ok(())
}

/// Where an expression appears (decides whether aggregates and pattern predicates are allowed).
#[derive(Clone, Copy)]
struct Ctx {
    aggregates: bool,
    patterns: bool,
}

const PLAIN: Ctx = Ctx {
    aggregates: false,
    patterns: false,
};
const PREDICATE: Ctx = Ctx {
    aggregates: false,
    patterns: true,
};

fn check_single(q: &SingleQuery) -> Result<Vec<String>, QueryError> {
    check_query_in(q, Scope::new(), false)
}

/// Checks a single query starting from `scope`; a subquery may end with any reading clause.
fn check_query_in(
    q: &SingleQuery,
    start: Scope,
    subquery: bool,
) -> Result<Vec<String>, QueryError> {
    let mut scope = start;
    let n = q.clauses.len();
    let mut columns = Vec::new();
    for (i, c) in q.clauses.iter().enumerate() {
        let last = i + 1 == n;
        match c {
            Clause::Match {
                pattern, filter, ..
            } => {
                bind_pattern(&mut scope, pattern, PatKind::Match)?;
                if let Some(f) = filter {
                    expr(&scope, f, PREDICATE)?;
                    predicate_type(&scope, f)?;
                }
            }
            Clause::Unwind { expr: e, var } => {
                expr(&scope, e, PLAIN)?;
                if scope.contains_key(var) {
                    return Err(err(
                        K::VariableAlreadyBound,
                        format!("variable `{var}` is already defined"),
                    ));
                }
                scope.insert(var.clone(), T::Unknown);
            }
            Clause::With { proj, filter } => {
                let (_, next, where_scope) = projection(&scope, proj, false)?;
                if let Some(f) = filter {
                    expr(&where_scope, f, PREDICATE)?;
                    predicate_type(&where_scope, f)?;
                }
                scope = next;
                if last && !subquery {
                    return Err(err(
                        K::InvalidClauseOrder,
                        "a query cannot end with WITH; add a RETURN",
                    ));
                }
            }
            Clause::Return(proj) => {
                if !last {
                    return Err(err(
                        K::InvalidClauseOrder,
                        "RETURN must be the last clause (use WITH to continue)",
                    ));
                }
                let (cols, _, _) = projection(&scope, proj, true)?;
                columns = cols;
            }
            Clause::Create(pattern) => bind_pattern(&mut scope, pattern, PatKind::Create)?,
            Clause::Merge {
                part,
                on_match,
                on_create,
            } => {
                bind_pattern(&mut scope, std::slice::from_ref(part), PatKind::Merge)?;
                for it in on_match.iter().chain(on_create) {
                    set_item(&scope, it)?;
                }
            }
            Clause::Set(items) => {
                for it in items {
                    set_item(&scope, it)?;
                }
            }
            Clause::Remove(items) => {
                for it in items {
                    match it {
                        RemoveItem::Property { target, .. } => expr(&scope, target, PLAIN)?,
                        RemoveItem::Labels { var, .. } => var_defined(&scope, var)?,
                    }
                }
            }
            Clause::Delete { exprs, .. } => {
                for e in exprs {
                    expr(&scope, e, PLAIN)?;
                    match static_type(&scope, e) {
                        T::Node | T::Rel | T::Path | T::Null | T::Unknown | T::List => {}
                        _ => {
                            return Err(err(
                                K::InvalidDelete,
                                "DELETE needs a node, relationship or path",
                            ));
                        }
                    }
                    if let Expr::Lit(_) | Expr::Binary(..) = e {
                        return Err(err(
                            K::InvalidDelete,
                            "DELETE needs a node, relationship or path",
                        ));
                    }
                }
            }
            Clause::Call { name } => {
                return Err(err(
                    K::Unsupported,
                    format!("procedure calls are not supported (CALL {name})"),
                ));
            }
        }
        if subquery
            && !matches!(
                c,
                Clause::Match { .. }
                    | Clause::Unwind { .. }
                    | Clause::With { .. }
                    | Clause::Return(_)
            )
        {
            return Err(err(
                K::InvalidClauseOrder,
                "an EXISTS subquery can only read the graph",
            ));
        }
        if !subquery && last && matches!(c, Clause::Match { .. } | Clause::Unwind { .. }) {
            return Err(err(
                K::InvalidClauseOrder,
                "a query must end with RETURN or an updating clause",
            ));
        }
    }
    Ok(columns)
}

fn var_defined(scope: &Scope, v: &str) -> Res {
    if scope.contains_key(v) {
        Ok(())
    } else {
        Err(err(
            K::UndefinedVariable,
            format!("variable `{v}` is not defined"),
        ))
    }
}

fn set_item(scope: &Scope, it: &SetItem) -> Res {
    match it {
        SetItem::Property { target, value, .. } => {
            expr(scope, target, PLAIN)?;
            expr(scope, value, PLAIN)
        }
        SetItem::Replace { var, value } | SetItem::Merge { var, value } => {
            var_defined(scope, var)?;
            expr(scope, value, PLAIN)
        }
        SetItem::Labels { var, .. } => var_defined(scope, var),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PatKind {
    Match,
    Create,
    Merge,
    /// Pattern predicate: may not introduce new variables.
    Predicate,
    /// Pattern comprehension / EXISTS: may introduce local variables.
    Local,
}

fn conflict(v: &str, was: T, now: &str) -> QueryError {
    err(
        K::VariableTypeConflict,
        format!("`{v}` is a {was:?} and cannot be used as a {now}"),
    )
}

fn bind_pattern(scope: &mut Scope, parts: &[PatternPart], kind: PatKind) -> Res {
    let outer = scope.clone();
    let mut rels_here: Vec<String> = Vec::new();
    let mut nodes_here: Vec<String> = Vec::new();
    for part in parts {
        // Property maps are evaluated in the scope before this pattern (plus earlier parts).
        let el = &part.element;
        let mut nps: Vec<&NodePattern> = vec![&el.start];
        nps.extend(el.chain.iter().map(|(_, n)| n));
        for np in nps {
            if let Some(Expr::Param(_)) = &np.props
                && matches!(kind, PatKind::Match | PatKind::Merge)
            {
                return Err(err(
                    K::InvalidArgumentType,
                    "a parameter cannot be used as a property map in MATCH or MERGE",
                ));
            }
            if let Some(p) = &np.props {
                expr(scope, p, PLAIN)?;
                if !matches!(static_type(scope, p), T::Map | T::Unknown | T::Null) {
                    return Err(err(K::InvalidArgumentType, "properties must be a map"));
                }
            }
            let Some(v) = &np.var else {
                if kind == PatKind::Create && !np.labels.is_empty() {
                    // fine
                }
                continue;
            };
            match scope.get(v).copied() {
                Some(T::Node) | Some(T::Unknown) | Some(T::Null) => {
                    let pre_bound = outer.contains_key(v) || nodes_here.contains(v);
                    if matches!(kind, PatKind::Create | PatKind::Merge)
                        && pre_bound
                        && (!np.labels.is_empty() || np.props.is_some() || el.chain.is_empty())
                    {
                        return Err(err(
                            K::VariableAlreadyBound,
                            format!("variable `{v}` is already bound and cannot be created"),
                        ));
                    }
                    scope.insert(v.clone(), T::Node);
                }
                Some(t) => return Err(conflict(v, t, "node")),
                None => {
                    if kind == PatKind::Predicate {
                        return Err(err(
                            K::UndefinedVariable,
                            format!(
                                "variable `{v}` is not defined (a pattern predicate cannot introduce variables)"
                            ),
                        ));
                    }
                    scope.insert(v.clone(), T::Node);
                }
            }
            nodes_here.push(v.clone());
        }
        for (rp, _) in &el.chain {
            if let Some(Expr::Param(_)) = &rp.props
                && matches!(kind, PatKind::Match | PatKind::Merge)
            {
                return Err(err(
                    K::InvalidArgumentType,
                    "a parameter cannot be used as a property map in MATCH or MERGE",
                ));
            }
            if let Some(p) = &rp.props {
                expr(scope, p, PLAIN)?;
                if !matches!(static_type(scope, p), T::Map | T::Unknown | T::Null) {
                    return Err(err(K::InvalidArgumentType, "properties must be a map"));
                }
            }
            if matches!(kind, PatKind::Create | PatKind::Merge) {
                if rp.types.len() != 1 {
                    return Err(err(
                        K::InvalidPattern,
                        "a relationship to create needs exactly one type",
                    ));
                }
                if rp.range.is_some() {
                    return Err(err(
                        K::InvalidPattern,
                        "variable-length relationships cannot be created",
                    ));
                }
                if kind == PatKind::Create && rp.dir == Dir::Both {
                    return Err(err(
                        K::InvalidPattern,
                        "a relationship to create needs a direction",
                    ));
                }
            }
            let Some(v) = &rp.var else { continue };
            if rels_here.contains(v) {
                return Err(err(
                    K::VariableAlreadyBound,
                    format!("relationship `{v}` appears twice in the pattern"),
                ));
            }
            let want = if rp.range.is_some() {
                T::RelList
            } else {
                T::Rel
            };
            match scope.get(v).copied() {
                None => {
                    if kind == PatKind::Predicate {
                        return Err(err(
                            K::UndefinedVariable,
                            format!(
                                "variable `{v}` is not defined (a pattern predicate cannot introduce variables)"
                            ),
                        ));
                    }
                }
                Some(_) if matches!(kind, PatKind::Create | PatKind::Merge) => {
                    return Err(err(
                        K::VariableAlreadyBound,
                        format!("relationship `{v}` is already bound and cannot be created"),
                    ));
                }
                Some(t) if t == want || t == T::Unknown || t == T::Null => {}
                Some(T::List) if want == T::RelList => {}
                Some(t) => return Err(conflict(v, t, "relationship")),
            }
            scope.insert(v.clone(), want);
            rels_here.push(v.clone());
        }
        if let Some(v) = &part.var {
            if scope.contains_key(v) {
                return Err(err(
                    K::VariableAlreadyBound,
                    format!("variable `{v}` is already defined"),
                ));
            }
            scope.insert(v.clone(), T::Path);
        }
    }
    // A name used both as a path and elsewhere in the same pattern.
    for part in parts {
        if let Some(v) = &part.var
            && (nodes_here.contains(v) || rels_here.contains(v))
        {
            return Err(conflict(v, T::Path, "node or relationship"));
        }
    }
    Ok(())
}

/// Checks a WITH/RETURN body; returns the column names, the scope after it and the scope its
/// WHERE sees.
fn projection(
    scope: &Scope,
    proj: &Projection,
    is_return: bool,
) -> Result<(Vec<String>, Scope, Scope), QueryError> {
    if is_return && proj.star && scope.is_empty() && proj.items.is_empty() {
        return Err(err(
            K::InvalidClauseOrder,
            "`*` needs at least one variable in scope",
        ));
    }
    let mut names: Vec<String> = Vec::new();
    let mut new_scope = Scope::new();
    if proj.star {
        for (k, t) in scope {
            names.push(k.clone());
            new_scope.insert(k.clone(), *t);
        }
    }
    let ctx = Ctx {
        aggregates: true,
        patterns: false,
    };
    let mut aggregating = false;
    for it in &proj.items {
        expr(scope, &it.expr, ctx)?;
        if !is_return && !it.aliased && !matches!(it.expr, Expr::Var(_)) {
            return Err(err(
                K::NoExpressionAlias,
                format!("expression `{}` in WITH needs an alias (AS name)", it.name),
            ));
        }
        if names.contains(&it.name) {
            return Err(err(
                K::ColumnNameConflict,
                format!("column `{}` is defined more than once", it.name),
            ));
        }
        names.push(it.name.clone());
        new_scope.insert(it.name.clone(), static_type(scope, &it.expr));
        if it.expr.has_aggregate() {
            aggregating = true;
        }
    }
    if aggregating {
        check_grouping(proj)?;
    }
    // ORDER BY sees the projected names, plus the old variables unless aggregating/DISTINCT.
    let mut order_scope = if aggregating || proj.distinct {
        new_scope.clone()
    } else {
        let mut s = scope.clone();
        s.extend(new_scope.clone());
        s
    };
    if aggregating || proj.distinct {
        let mut key_scope = new_scope.clone();
        for i in &proj.items {
            if let Expr::Var(v) = &i.expr
                && let Some(t) = scope.get(v)
            {
                key_scope.insert(v.clone(), *t);
            }
        }
        for s in &proj.order {
            if proj.items.iter().any(|i| i.expr == s.expr) {
                continue;
            }
            if s.expr.has_aggregate() {
                if !aggregating {
                    return Err(err(
                        K::InvalidAggregation,
                        "ORDER BY cannot aggregate unless the projection does",
                    ));
                }
                let mut projected_aggs: Vec<&Expr> = Vec::new();
                for it in &proj.items {
                    it.expr.walk(&mut |x| {
                        if is_aggregate(x) {
                            projected_aggs.push(x);
                        }
                    });
                }
                let mut found = Ok(());
                s.expr.walk(&mut |x| {
                    if let Expr::Func { args, .. } = x
                        && is_aggregate(x)
                        && !projected_aggs.contains(&x)
                    {
                        for a in args {
                            if found.is_ok()
                                && let Err(e) = expr(&key_scope, a, PLAIN)
                            {
                                found = Err(e);
                            }
                        }
                    }
                });
                found?;
                let stripped = strip_aggregates(&s.expr, &Expr::Lit(Value::Null));
                expr(&key_scope, &with_aliases(&stripped, &proj.items), PLAIN)?;
            } else {
                expr(&key_scope, &with_aliases(&s.expr, &proj.items), PLAIN)?;
            }
        }
        if aggregating {
            order_scope = key_scope;
        } else {
            order_scope = scope.clone();
            order_scope.extend(new_scope.clone());
        }
    } else {
        for s in &proj.order {
            if s.expr.has_aggregate() {
                return Err(err(
                    K::InvalidAggregation,
                    "ORDER BY cannot aggregate unless the projection does",
                ));
            }
            expr(&order_scope, &s.expr, PLAIN)?;
        }
    }
    for (what, e) in [("SKIP", &proj.skip), ("LIMIT", &proj.limit)] {
        if let Some(e) = e {
            let mut vars = Vec::new();
            e.walk(&mut |x| {
                if let Expr::Var(v) = x {
                    vars.push(v.clone());
                }
            });
            if !vars.is_empty() || e.has_aggregate() {
                return Err(err(
                    K::InvalidArgumentType,
                    format!("{what} needs a constant expression"),
                ));
            }
            expr(&Scope::new(), e, PLAIN)?;
            match e {
                Expr::Lit(Value::Int(i)) if *i < 0 => {
                    return Err(err(
                        K::InvalidArgumentType,
                        format!("{what} cannot be negative"),
                    ));
                }
                Expr::Lit(Value::Float(_))
                | Expr::Lit(Value::String(_))
                | Expr::Lit(Value::Bool(_)) => {
                    return Err(err(
                        K::InvalidArgumentType,
                        format!("{what} needs an integer"),
                    ));
                }
                _ => {}
            }
        }
    }
    Ok((names, new_scope, order_scope))
}

/// Replaces sub-expressions equal to a projected item by the item's column name.
fn with_aliases(e: &Expr, items: &[ProjItem]) -> Expr {
    let simple = match e {
        Expr::Var(_) => true,
        Expr::Prop(b, _) => matches!(**b, Expr::Var(_)),
        _ => false,
    };
    if let Some(it) = items
        .iter()
        .find(|i| simple && i.expr == *e && !i.expr.has_aggregate())
    {
        return Expr::Var(it.name.clone());
    }
    map_children(e, &mut |c| with_aliases(c, items))
}

/// In an aggregating projection, variables used outside aggregates in an aggregate item must be
/// grouping keys.
fn check_grouping(proj: &Projection) -> Res {
    let keys: Vec<&Expr> = proj
        .items
        .iter()
        .filter(|i| !i.expr.has_aggregate())
        .map(|i| &i.expr)
        .collect();
    for it in proj.items.iter().filter(|i| i.expr.has_aggregate()) {
        if !outside_aggs_ok(&it.expr, &keys) {
            return Err(err(
                K::AmbiguousAggregation,
                format!(
                    "`{}` mixes aggregation with a value that is not a grouping key",
                    it.name
                ),
            ));
        }
    }
    Ok(())
}

fn outside_aggs_ok(e: &Expr, keys: &[&Expr]) -> bool {
    if is_aggregate(e) {
        return true;
    }
    let simple = match e {
        Expr::Var(_) => true,
        Expr::Prop(b, _) => matches!(**b, Expr::Var(_)),
        _ => false,
    };
    if simple && keys.contains(&e) {
        return true;
    }
    match e {
        Expr::Var(_) => false,
        Expr::Lit(_) | Expr::Param(_) => true,
        Expr::List(v) => v.iter().all(|x| outside_aggs_ok(x, keys)),
        Expr::Map(m) => m.iter().all(|(_, x)| outside_aggs_ok(x, keys)),
        Expr::Prop(x, _) | Expr::Unary(_, x) | Expr::Nested(x) | Expr::IsNull(x, _) => {
            outside_aggs_ok(x, keys)
        }
        Expr::HasLabels(x, _) => outside_aggs_ok(x, keys),
        Expr::Binary(_, a, b) | Expr::Index(a, b) => {
            outside_aggs_ok(a, keys) && outside_aggs_ok(b, keys)
        }
        Expr::Compare(a, rest) => {
            outside_aggs_ok(a, keys) && rest.iter().all(|(_, x)| outside_aggs_ok(x, keys))
        }
        Expr::Func { args, .. } => args.iter().all(|x| outside_aggs_ok(x, keys)),
        Expr::MapProjection(v, items) => {
            keys.contains(&&Expr::Var(v.clone()))
                && items.iter().all(|it| match it {
                    MapItem::Literal(_, x) => outside_aggs_ok(x, keys),
                    MapItem::Var(x) => keys.contains(&&Expr::Var(x.clone())),
                    _ => true,
                })
        }
        _ => true,
    }
}

fn predicate_type(scope: &Scope, e: &Expr) -> Res {
    match static_type(scope, e) {
        T::Bool | T::Null | T::Unknown => Ok(()),
        t => Err(err(
            K::InvalidArgumentType,
            format!("a condition must be a boolean, not a {t:?}"),
        )),
    }
}

fn static_type(scope: &Scope, e: &Expr) -> T {
    match e {
        Expr::Lit(v) => match v {
            Value::Null => T::Null,
            Value::Bool(_) => T::Bool,
            Value::Int(_) => T::Int,
            Value::Float(_) => T::Float,
            Value::String(_) => T::Str,
            Value::List(_) => T::List,
            Value::Map(_) => T::Map,
            _ => T::Unknown,
        },
        Expr::BigInt(_) | Expr::CountQuery(_) => T::Int,
        Expr::List(_) | Expr::ListComp { .. } | Expr::PatternComp { .. } => T::List,
        Expr::Map(_) | Expr::MapProjection(..) => T::Map,
        Expr::Var(v) => match scope.get(v) {
            Some(T::RelList) => T::List,
            Some(t) => *t,
            None => T::Unknown,
        },
        Expr::Nested(x) => static_type(scope, x),
        Expr::Compare(..)
        | Expr::IsNull(..)
        | Expr::HasLabels(..)
        | Expr::Quantifier { .. }
        | Expr::Exists { .. }
        | Expr::PatternPred(_) => T::Bool,
        Expr::Unary(UnOp::Not, _) => T::Bool,
        Expr::Binary(op, a, b) => match op {
            BinOp::And
            | BinOp::Or
            | BinOp::Xor
            | BinOp::Regex
            | BinOp::StartsWith
            | BinOp::EndsWith
            | BinOp::Contains
            | BinOp::In => T::Bool,
            BinOp::Add => match (static_type(scope, a), static_type(scope, b)) {
                (T::Int, T::Int) => T::Int,
                (T::Float, T::Int | T::Float) | (T::Int, T::Float) => T::Float,
                (T::Str, T::Str) => T::Str,
                (T::List, _) | (_, T::List) => T::List,
                _ => T::Unknown,
            },
            _ => T::Unknown,
        },
        Expr::ShortestPath(_) => T::Path,
        Expr::Func { name, .. } => match name.as_str() {
            "tostring" | "tolower" | "toupper" | "trim" | "substring" | "replace" | "type" => {
                T::Str
            }
            "labels" | "keys" | "nodes" | "relationships" | "range" | "collect" | "tail"
            | "split" => T::List,
            "count" | "size" | "length" | "id" => T::Int,
            "startnode" | "endnode" => T::Node,
            "properties" => T::Map,
            _ => T::Unknown,
        },
        _ => T::Unknown,
    }
}

/// The common static type of a list literal's elements.
fn element_type(scope: &Scope, list: &Expr) -> T {
    let items: Vec<&Expr> = match list {
        Expr::List(items) => items.iter().collect(),
        _ => return T::Unknown,
    };
    let mut t = None;
    for it in items {
        let ti = static_type(scope, it);
        match t {
            None => t = Some(ti),
            Some(prev) if prev == ti => {}
            _ => return T::Unknown,
        }
    }
    t.unwrap_or(T::Unknown)
}

fn bool_operand(scope: &Scope, e: &Expr) -> Res {
    match static_type(scope, e) {
        T::Bool | T::Null | T::Unknown => Ok(()),
        t => Err(err(
            K::InvalidArgumentType,
            format!("a boolean operator needs booleans, not a {t:?}"),
        )),
    }
}

/// Checks an expression in a scope.
fn expr(scope: &Scope, e: &Expr, ctx: Ctx) -> Res {
    match e {
        Expr::Lit(_) | Expr::Param(_) | Expr::AggRef(_) => Ok(()),
        Expr::BigInt(s) => Err(err(
            K::IntegerOverflow,
            format!("integer literal {s} is too large"),
        )),
        Expr::Var(v) => var_defined(scope, v),
        Expr::CountStar => {
            if ctx.aggregates {
                Ok(())
            } else {
                Err(err(
                    K::InvalidAggregation,
                    "count(*) is only allowed in WITH and RETURN",
                ))
            }
        }
        Expr::List(v) => v.iter().try_for_each(|x| expr(scope, x, ctx)),
        Expr::Map(m) => m.iter().try_for_each(|(_, x)| expr(scope, x, ctx)),
        Expr::Prop(x, _) => {
            expr(scope, x, ctx)?;
            match static_type(scope, x) {
                T::Int | T::Float | T::Str | T::Bool | T::List | T::Path | T::RelList => Err(err(
                    K::InvalidArgumentType,
                    "property access needs a node, relationship or map",
                )),
                _ => Ok(()),
            }
        }
        Expr::Index(a, b) => {
            expr(scope, a, ctx)?;
            expr(scope, b, ctx)?;
            match (static_type(scope, a), static_type(scope, b)) {
                (T::List, T::Str | T::Bool | T::Float | T::Map | T::List) => Err(err(
                    K::InvalidArgumentType,
                    "a list index must be an integer",
                )),
                (T::Map | T::Node | T::Rel, T::Int | T::Bool | T::Float | T::List | T::Map) => {
                    Err(err(K::InvalidArgumentType, "a map key must be a string"))
                }
                (T::Int | T::Float | T::Bool | T::Str, _) => Err(err(
                    K::InvalidArgumentType,
                    "only lists and maps can be indexed",
                )),
                _ => Ok(()),
            }
        }
        Expr::Slice(a, b, c) => {
            expr(scope, a, ctx)?;
            for x in [b, c].into_iter().flatten() {
                expr(scope, x, ctx)?;
            }
            Ok(())
        }
        Expr::HasLabels(x, _) => expr(scope, x, ctx),
        Expr::Unary(op, x) => {
            expr(scope, x, ctx)?;
            if *op == UnOp::Not {
                bool_operand(scope, x)?;
            }
            Ok(())
        }
        Expr::Binary(op, a, b) => {
            expr(scope, a, ctx)?;
            expr(scope, b, ctx)?;
            match op {
                BinOp::And | BinOp::Or | BinOp::Xor => {
                    bool_operand(scope, a)?;
                    bool_operand(scope, b)
                }
                BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Pow => {
                    for x in [a, b] {
                        if matches!(
                            static_type(scope, x),
                            T::Str | T::Bool | T::List | T::Map | T::Node | T::Rel | T::Path
                        ) {
                            return Err(err(K::InvalidArgumentType, "arithmetic needs numbers"));
                        }
                    }
                    Ok(())
                }
                BinOp::In => match static_type(scope, b) {
                    T::List | T::Null | T::Unknown => Ok(()),
                    t => Err(err(
                        K::InvalidArgumentType,
                        format!("IN needs a list on the right, not a {t:?}"),
                    )),
                },
                _ => Ok(()),
            }
        }
        Expr::Compare(a, rest) => {
            expr(scope, a, ctx)?;
            rest.iter().try_for_each(|(_, x)| expr(scope, x, ctx))
        }
        Expr::Nested(x) | Expr::IsNull(x, _) => expr(scope, x, ctx),
        Expr::Func {
            name,
            args,
            distinct,
        } => {
            check_function(name, args.len())?;
            let agg = AGGREGATES.contains(&name.as_str());
            if agg && !ctx.aggregates {
                return Err(err(
                    K::InvalidAggregation,
                    format!("aggregate {name}() is not allowed here"),
                ));
            }
            if *distinct && !agg {
                return Err(err(
                    K::InvalidArgumentType,
                    format!("DISTINCT is only allowed in aggregates, not {name}()"),
                ));
            }
            let inner = Ctx {
                aggregates: !agg && ctx.aggregates,
                patterns: ctx.patterns || name == "exists",
            };
            for a in args {
                let mut random = false;
                a.walk(&mut |x| {
                    if matches!(x, Expr::Func { name, .. } if name == "rand") {
                        random = true;
                    }
                });
                if agg && random {
                    return Err(err(
                        K::InvalidArgumentType,
                        "random functions cannot be used inside aggregates",
                    ));
                }
                if agg && a.has_aggregate() {
                    return Err(err(
                        K::InvalidAggregation,
                        "aggregate functions cannot be nested",
                    ));
                }
                if let Expr::PatternPred(_) = a
                    && name != "exists"
                {
                    return Err(err(
                        K::InvalidArgumentType,
                        format!("{name}() cannot take a pattern"),
                    ));
                }
                expr(scope, a, inner)?;
            }
            if let Some(a) = args.first() {
                let t = static_type(scope, a);
                let ok = match name.as_str() {
                    "size" => !matches!(
                        t,
                        T::Path | T::Node | T::Rel | T::Int | T::Float | T::Bool | T::Map
                    ),
                    "labels" => matches!(t, T::Node | T::Null | T::Unknown),
                    "type" => matches!(t, T::Rel | T::Null | T::Unknown),
                    "properties" => matches!(t, T::Node | T::Rel | T::Map | T::Null | T::Unknown),
                    "length" => matches!(t, T::Path | T::Null | T::Unknown),
                    "nodes" | "relationships" => matches!(t, T::Path | T::Null | T::Unknown),
                    _ => true,
                };
                if !ok {
                    return Err(err(
                        K::InvalidArgumentType,
                        format!("{name}() cannot take a {t:?}"),
                    ));
                }
            }
            Ok(())
        }
        Expr::Case {
            subject,
            whens,
            otherwise,
        } => {
            if let Some(s) = subject {
                expr(scope, s, ctx)?;
            }
            for (a, b) in whens {
                expr(
                    scope,
                    a,
                    Ctx {
                        patterns: true,
                        ..ctx
                    },
                )?;
                expr(scope, b, ctx)?;
            }
            if let Some(o) = otherwise {
                expr(scope, o, ctx)?;
            }
            Ok(())
        }
        Expr::ListComp {
            var,
            list,
            pred,
            map,
        } => {
            expr(scope, list, ctx)?;
            let mut s = scope.clone();
            s.insert(var.clone(), element_type(scope, list));
            if let Some(p) = pred {
                expr(&s, p, PREDICATE)?;
            }
            if let Some(m) = map {
                expr(
                    &s,
                    m,
                    Ctx {
                        aggregates: false,
                        ..ctx
                    },
                )?;
            }
            Ok(())
        }
        Expr::Quantifier {
            var, list, pred, ..
        } => {
            expr(scope, list, ctx)?;
            let mut s = scope.clone();
            s.insert(var.clone(), element_type(scope, list));
            if let Some(p) = pred {
                expr(&s, p, PREDICATE)?;
            }
            Ok(())
        }
        Expr::Reduce {
            acc,
            init,
            var,
            list,
            expr: body,
        } => {
            expr(scope, init, ctx)?;
            expr(scope, list, ctx)?;
            let mut s = scope.clone();
            s.insert(acc.clone(), T::Unknown);
            s.insert(var.clone(), T::Unknown);
            expr(&s, body, PLAIN)
        }
        Expr::PatternComp {
            path_var,
            pattern,
            pred,
            map,
        } => {
            let mut s = scope.clone();
            let part = PatternPart {
                var: path_var.clone(),
                shortest: None,
                element: (**pattern).clone(),
            };
            bind_pattern(&mut s, std::slice::from_ref(&part), PatKind::Local)?;
            if let Some(p) = pred {
                expr(&s, p, PREDICATE)?;
            }
            expr(&s, map, PLAIN)
        }
        Expr::Exists { pattern, filter } => {
            let mut s = scope.clone();
            bind_pattern(&mut s, pattern, PatKind::Local)?;
            if let Some(f) = filter {
                expr(&s, f, PREDICATE)?;
            }
            Ok(())
        }
        Expr::ExistsQuery(q) | Expr::CountQuery(q) => {
            check_query_in(q, scope.clone(), true).map(|_| ())
        }
        Expr::MapProjection(var, items) => {
            var_defined(scope, var)?;
            match scope.get(var) {
                Some(T::Node | T::Rel | T::Map | T::Unknown | T::Null) | None => {}
                Some(t) => {
                    return Err(err(
                        K::InvalidArgumentType,
                        format!("a map projection needs a node, relationship or map, not a {t:?}"),
                    ));
                }
            }
            for it in items {
                match it {
                    MapItem::Literal(_, e) => expr(scope, e, ctx)?,
                    MapItem::Var(v) => var_defined(scope, v)?,
                    _ => {}
                }
            }
            Ok(())
        }
        Expr::PatternPred(el) => {
            if !ctx.patterns {
                return Err(err(
                    K::InvalidArgumentType,
                    "a pattern can only be used as a condition here (in WHERE or exists())",
                ));
            }
            let mut s = scope.clone();
            let part = PatternPart {
                var: None,
                shortest: None,
                element: (**el).clone(),
            };
            bind_pattern(&mut s, std::slice::from_ref(&part), PatKind::Predicate)
        }
        Expr::ShortestPath(part) => {
            let mut s = scope.clone();
            bind_pattern(&mut s, std::slice::from_ref(&**part), PatKind::Predicate)
        }
    }
}
