//! Text → AST: pest parses with grammar/query.pest, and these functions turn the pairs into the
//! typed tree of [`super::ast`]. Operators are folded with a Pratt parser (see [`expr`]).

mod expr;
mod messages;

pub(crate) use messages::RESERVED;

use super::ast::*;
use super::error::QueryError;
use pest::Parser;
use pest::iterators::Pair;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/query.pest"]
struct QueryParser;

type P<'i> = Pair<'i, Rule>;
type R<T> = Result<T, QueryError>;

/// Parses a statement into its syntax tree.
pub fn parse(src: &str) -> Result<Query, QueryError> {
    check_nesting(src)?;
    static CALL_LIMIT: std::sync::Once = std::sync::Once::new();
    CALL_LIMIT.call_once(|| pest::set_call_limit(std::num::NonZeroUsize::new(MAX_PARSER_CALLS)));
    let mut pairs = QueryParser::parse(Rule::query, src).map_err(|e| messages::to_error(src, e))?;

    let query = pairs
        .next()
        .ok_or_else(|| QueryError::syntax_at(src, 0, "expected a query"))?;
    let b = Builder { src };
    let mut explain = false;
    for p in query.into_inner() {
        match p.as_rule() {
            Rule::EXPLAIN => explain = true,
            Rule::statement => {
                let mut q = b.statement(p)?;
                q.explain = explain;
                return Ok(q);
            }
            _ => {}
        }
    }
    Err(QueryError::syntax_at(src, 0, "expected a query"))
}

/// Most grammar-rule calls one parse may make: a backstop that turns any remaining backtracking
/// blowup into a syntax error (a well-formed query needs about 50 calls per byte).
const MAX_PARSER_CALLS: usize = 10_000_000;

/// Deepest bracket nesting a query may use.
const MAX_NESTING: usize = 200;
/// Most syntax elements one clause may have (bounds the depth of the tree and of its evaluation).
const MAX_SYNTAX_NODES: usize = 20_000;

/// Rejects absurdly deep bracket nesting before the recursive parser sees it.
fn check_nesting(src: &str) -> Result<(), QueryError> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    // Inside a comment: the text that ends it. Quotes in comments do not open strings.
    let mut comment: Option<&str> = None;
    let mut skip_to = 0;
    for (i, c) in src.char_indices() {
        if i < skip_to {
            continue;
        }
        if let Some(end) = comment {
            if src[i..].starts_with(end) {
                comment = None;
                skip_to = i + end.len();
            }
            continue;
        }
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' && q != '`' {
                // Backslash escapes exist in strings only; in a backticked name a backslash is
                // an ordinary character (and a doubled backtick closes and reopens the name).
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        if src[i..].starts_with("//") {
            comment = Some("\n");
            continue;
        }
        if src[i..].starts_with("/*") {
            comment = Some("*/");
            skip_to = i + 2;
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(QueryError::syntax_at(
                        src,
                        i,
                        format!("brackets are nested too deeply (more than {MAX_NESTING} levels)"),
                    ));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

struct Builder<'s> {
    src: &'s str,
}

/// The identifier a `symbolic_name` (or a rule wrapping one) spells, without backticks.
fn name_of(p: &P) -> String {
    let s = p.as_str().trim();
    if s.starts_with('`') && s.ends_with('`') && s.len() >= 2 {
        s[1..s.len() - 1].replace("``", "`")
    } else {
        s.to_string()
    }
}

impl<'s> Builder<'s> {
    fn err(&self, p: &P, msg: impl Into<String>) -> QueryError {
        QueryError::syntax_at(self.src, p.as_span().start(), msg)
    }

    fn statement(&self, p: P) -> R<Query> {
        let mut parts = Vec::new();
        let mut union_all = Vec::new();
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::single_query => parts.push(self.single_query(c)?),
                Rule::union => union_all.push(c.into_inner().any(|x| x.as_rule() == Rule::ALL)),
                _ => {}
            }
        }
        Ok(Query {
            parts,
            union_all,
            explain: false,
        })
    }

    fn single_query(&self, p: P) -> R<SingleQuery> {
        let mut clauses = Vec::new();
        for c in p.into_inner() {
            clauses.push(self.clause(c)?);
        }
        Ok(SingleQuery { clauses })
    }

    fn clause(&self, p: P) -> R<Clause> {
        if p.clone().into_inner().flatten().count() > MAX_SYNTAX_NODES {
            return Err(self.err(
                &p,
                format!("clause is too large (more than {MAX_SYNTAX_NODES} syntax elements)"),
            ));
        }
        let rule = p.as_rule();
        let inner: Vec<P> = p.clone().into_inner().collect();
        Ok(match rule {
            Rule::match_clause => {
                let optional = inner.iter().any(|x| x.as_rule() == Rule::OPTIONAL);
                let mut pattern = Vec::new();
                let mut filter = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::pattern => pattern = self.pattern(x)?,
                        Rule::where_clause => filter = Some(self.where_clause(x)?),
                        _ => {}
                    }
                }
                Clause::Match {
                    optional,
                    pattern,
                    filter,
                }
            }
            Rule::unwind_clause => {
                let mut expr = None;
                let mut var = String::new();
                for x in inner {
                    match x.as_rule() {
                        Rule::expr => expr = Some(self.expr(x)?),
                        Rule::variable => var = name_of(&x),
                        _ => {}
                    }
                }
                Clause::Unwind {
                    expr: expr
                        .ok_or_else(|| self.err(&p, "expected an expression after UNWIND"))?,
                    var,
                }
            }
            Rule::with_clause => {
                let mut proj = Projection::default();
                let mut filter = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::projection_body => proj = self.projection(x)?,
                        Rule::where_clause => filter = Some(self.where_clause(x)?),
                        _ => {}
                    }
                }
                Clause::With { proj, filter }
            }
            Rule::return_clause => {
                let mut proj = Projection::default();
                for x in inner {
                    if x.as_rule() == Rule::projection_body {
                        proj = self.projection(x)?;
                    }
                }
                Clause::Return(proj)
            }
            Rule::create_clause => {
                let mut pattern = Vec::new();
                for x in inner {
                    if x.as_rule() == Rule::pattern {
                        pattern = self.pattern(x)?;
                    }
                }
                Clause::Create(pattern)
            }
            Rule::merge_clause => {
                let mut part = None;
                let mut on_match = Vec::new();
                let mut on_create = Vec::new();
                for x in inner {
                    match x.as_rule() {
                        Rule::pattern_part => part = Some(self.pattern_part(x)?),
                        Rule::merge_action => {
                            let is_create =
                                x.clone().into_inner().any(|y| y.as_rule() == Rule::CREATE);
                            for y in x.into_inner() {
                                if y.as_rule() == Rule::set_clause {
                                    let items = self.set_items(y)?;
                                    if is_create {
                                        on_create.extend(items);
                                    } else {
                                        on_match.extend(items);
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Clause::Merge {
                    part: part.ok_or_else(|| self.err(&p, "expected a pattern after MERGE"))?,
                    on_match,
                    on_create,
                }
            }
            Rule::set_clause => Clause::Set(self.set_items(p)?),
            Rule::remove_clause => {
                let mut items = Vec::new();
                for x in inner {
                    if x.as_rule() != Rule::remove_item {
                        continue;
                    }
                    let Some(y) = x.into_inner().next() else {
                        continue;
                    };
                    if y.as_rule() == Rule::remove_labels {
                        let (var, labels) = self.var_labels(y);
                        items.push(RemoveItem::Labels { var, labels });
                    } else {
                        let (target, key) = self.property_target(y)?;
                        items.push(RemoveItem::Property { target, key });
                    }
                }
                Clause::Remove(items)
            }
            Rule::delete_clause => {
                let detach = inner.iter().any(|x| x.as_rule() == Rule::DETACH);
                let mut exprs = Vec::new();
                for x in inner {
                    if x.as_rule() == Rule::expr {
                        exprs.push(self.expr(x)?);
                    }
                }
                Clause::Delete { detach, exprs }
            }
            Rule::call_clause => {
                if let Some(y) = inner.iter().find(|x| x.as_rule() == Rule::YIELD) {
                    return Err(self.err(
                        y,
                        "YIELD is not supported; call a built-in procedure on its own, e.g. CALL db.labels()",
                    ));
                }
                if let Some(a) = inner.iter().find(|x| x.as_rule() == Rule::expr) {
                    return Err(self.err(a, "the built-in procedures take no arguments"));
                }
                Clause::Call {
                    name: inner
                        .iter()
                        .find(|x| x.as_rule() == Rule::proc_name)
                        .map(|x| x.as_str().to_string())
                        .unwrap_or_default(),
                }
            }
            _ => return Err(self.err(&p, "expected a clause")),
        })
    }

    fn var_labels(&self, p: P) -> (String, Vec<String>) {
        let mut var = String::new();
        let mut labels = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::variable => var = name_of(&x),
                Rule::node_labels => labels = self.labels(x),
                _ => {}
            }
        }
        (var, labels)
    }

    fn set_items(&self, p: P) -> R<Vec<SetItem>> {
        let mut items = Vec::new();
        for x in p.into_inner() {
            if x.as_rule() != Rule::set_item {
                continue;
            }
            let Some(y) = x.into_inner().next() else {
                continue;
            };
            let rule = y.as_rule();
            let parts: Vec<P> = y.clone().into_inner().collect();
            let item = match rule {
                Rule::set_property => {
                    let mut it = parts.into_iter();
                    let (target, key) = match it.next() {
                        Some(t) => self.property_target(t)?,
                        None => return Err(self.err(&y, "expected a property")),
                    };
                    let value = match it.next() {
                        Some(v) => self.expr(v)?,
                        None => return Err(self.err(&y, "expected a value")),
                    };
                    SetItem::Property { target, key, value }
                }
                Rule::set_assign | Rule::set_plus => {
                    let mut var = String::new();
                    let mut value = Expr::Lit(super::value::Value::Null);
                    for z in parts {
                        match z.as_rule() {
                            Rule::variable => var = name_of(&z),
                            Rule::expr => value = self.expr(z)?,
                            _ => {}
                        }
                    }
                    if rule == Rule::set_assign {
                        SetItem::Replace { var, value }
                    } else {
                        SetItem::Merge { var, value }
                    }
                }
                _ => {
                    let (var, labels) = self.var_labels(y);
                    SetItem::Labels { var, labels }
                }
            };
            items.push(item);
        }
        Ok(items)
    }

    fn property_target(&self, p: P) -> R<(Expr, String)> {
        let mut target: Option<Expr> = None;
        let mut keys = Vec::new();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::variable => target = Some(Expr::Var(name_of(&x))),
                Rule::expr => target = Some(self.expr(x)?),
                Rule::prop_key => keys.push(name_of(&x)),
                _ => {}
            }
        }
        let mut t =
            target.ok_or_else(|| QueryError::syntax_at(self.src, 0, "expected a variable"))?;
        let last = keys.pop().unwrap_or_default();
        for k in keys {
            t = Expr::Prop(Box::new(t), k);
        }
        Ok((t, last))
    }

    fn where_clause(&self, p: P) -> R<Expr> {
        for x in p.clone().into_inner() {
            if x.as_rule() == Rule::expr {
                return self.expr(x);
            }
        }
        Err(self.err(&p, "expected a condition after WHERE"))
    }

    fn projection(&self, p: P) -> R<Projection> {
        let mut proj = Projection::default();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::DISTINCT => proj.distinct = true,
                Rule::projection_items => {
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::star => proj.star = true,
                            Rule::projection_item => {
                                let mut expr = None;
                                let mut alias = None;
                                let mut text = String::new();
                                for z in y.into_inner() {
                                    match z.as_rule() {
                                        Rule::expr => {
                                            text = z.as_str().trim().to_string();
                                            expr = Some(self.expr(z)?);
                                        }
                                        Rule::variable => alias = Some(name_of(&z)),
                                        _ => {}
                                    }
                                }
                                let Some(expr) = expr else { continue };
                                let aliased = alias.is_some();
                                let name = match (&expr, alias) {
                                    (_, Some(a)) => a,
                                    (Expr::Var(v), None) => v.clone(),
                                    (_, None) => text,
                                };
                                proj.items.push(ProjItem {
                                    expr,
                                    name,
                                    aliased,
                                });
                            }
                            _ => {}
                        }
                    }
                }
                Rule::order_by => {
                    for y in x.into_inner() {
                        if y.as_rule() != Rule::sort_item {
                            continue;
                        }
                        let mut expr = None;
                        let mut desc = false;
                        for z in y.into_inner() {
                            match z.as_rule() {
                                Rule::expr => expr = Some(self.expr(z)?),
                                Rule::DESC | Rule::DESCENDING => desc = true,
                                _ => {}
                            }
                        }
                        if let Some(expr) = expr {
                            proj.order.push(SortItem { expr, desc });
                        }
                    }
                }
                Rule::skip => proj.skip = self.first_expr(x)?,
                Rule::limit => proj.limit = self.first_expr(x)?,
                _ => {}
            }
        }
        Ok(proj)
    }

    fn first_expr(&self, p: P) -> R<Option<Expr>> {
        for x in p.into_inner() {
            if x.as_rule() == Rule::expr {
                return Ok(Some(self.expr(x)?));
            }
        }
        Ok(None)
    }

    // ------------------------------------------------------------ patterns

    fn pattern(&self, p: P) -> R<Vec<PatternPart>> {
        p.into_inner()
            .filter(|x| x.as_rule() == Rule::pattern_part)
            .map(|x| self.pattern_part(x))
            .collect()
    }

    fn pattern_part(&self, p: P) -> R<PatternPart> {
        let mut var = None;
        let mut part = None;
        for x in p.clone().into_inner() {
            match x.as_rule() {
                Rule::variable => var = Some(name_of(&x)),
                Rule::pattern_element => part = Some(self.pattern_element(x)?),
                _ => {}
            }
        }
        let mut part = part.ok_or_else(|| self.err(&p, "expected a pattern"))?;
        part.var = var;
        Ok(part)
    }

    /// A pattern element as a part (so shortestPath wrapping is kept).
    fn pattern_element(&self, p: P) -> R<PatternPart> {
        let inner: Vec<P> = p.clone().into_inner().collect();
        if let Some(first) = inner.first() {
            match first.as_rule() {
                Rule::shortest_path => return self.shortest(first.clone()),
                Rule::pattern_element => return self.pattern_element(first.clone()),
                _ => {}
            }
        }
        Ok(PatternPart {
            var: None,
            shortest: None,
            element: self.element_from(inner)?,
        })
    }

    fn shortest(&self, p: P) -> R<PatternPart> {
        let all = p
            .clone()
            .into_inner()
            .any(|x| x.as_rule() == Rule::ALLSHORTESTPATHS);
        for x in p.clone().into_inner() {
            if x.as_rule() == Rule::pattern_element {
                let mut part = self.pattern_element(x)?;
                part.shortest = Some(if all { Shortest::All } else { Shortest::One });
                return Ok(part);
            }
        }
        Err(self.err(&p, "expected a pattern inside shortestPath"))
    }

    fn element_from(&self, inner: Vec<P>) -> R<PatternElement> {
        let mut start = None;
        let mut chain = Vec::new();
        for x in inner {
            match x.as_rule() {
                Rule::node_pattern => start = Some(self.node_pattern(x)?),
                Rule::pattern_chain => {
                    let mut rel = None;
                    let mut node = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::rel_pattern => rel = Some(self.rel_pattern(y)?),
                            Rule::node_pattern => node = Some(self.node_pattern(y)?),
                            _ => {}
                        }
                    }
                    if let (Some(r), Some(n)) = (rel, node) {
                        chain.push((r, n));
                    }
                }
                _ => {}
            }
        }
        Ok(PatternElement {
            start: start.unwrap_or_default(),
            chain,
        })
    }

    fn node_pattern(&self, p: P) -> R<NodePattern> {
        let mut n = NodePattern::default();
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::variable => n.var = Some(name_of(&x)),
                Rule::node_labels => n.labels = self.labels(x),
                Rule::properties => n.props = Some(self.properties(x)?),
                _ => {}
            }
        }
        Ok(n)
    }

    fn labels(&self, p: P) -> Vec<String> {
        p.into_inner()
            .filter(|x| x.as_rule() == Rule::label_name)
            .map(|x| name_of(&x))
            .collect()
    }

    fn properties(&self, p: P) -> R<Expr> {
        match p.clone().into_inner().next() {
            Some(x) => self.primary(x),
            None => Err(self.err(&p, "expected a property map")),
        }
    }

    fn rel_pattern(&self, p: P) -> R<RelPattern> {
        let mut left = false;
        let mut right = false;
        let mut rel = RelPattern {
            var: None,
            types: Vec::new(),
            dir: Dir::Both,
            range: None,
            props: None,
        };
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::left_arrow => left = true,
                Rule::right_arrow => right = true,
                Rule::rel_detail => {
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::variable => rel.var = Some(name_of(&y)),
                            Rule::rel_types => {
                                rel.types = y
                                    .into_inner()
                                    .filter(|z| z.as_rule() == Rule::rel_type_name)
                                    .map(|z| name_of(&z))
                                    .collect()
                            }
                            Rule::range => rel.range = Some(self.range(y)?),
                            Rule::properties => rel.props = Some(self.properties(y)?),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        rel.dir = match (left, right) {
            (true, false) => Dir::Left,
            (false, true) => Dir::Right,
            _ => Dir::Both,
        };
        Ok(rel)
    }

    fn range(&self, p: P) -> R<(Option<u64>, Option<u64>)> {
        let mut min = None;
        let mut max = None;
        let int = |x: &P| -> R<u64> {
            x.as_str()
                .trim()
                .parse::<u64>()
                .map_err(|_| self.err(x, "expected a whole number in the length range"))
        };
        for x in p.into_inner() {
            match x.as_rule() {
                Rule::range_from => min = Some(int(&x)?),
                Rule::range_to => max = Some(int(&x)?),
                Rule::range_exact => {
                    let v = int(&x)?;
                    min = Some(v);
                    max = Some(v);
                }
                _ => {}
            }
        }
        Ok((min, max))
    }
}
