//! Expressions: operator precedence with pest's Pratt parser, and the primary forms.

use super::{Builder, P, R, Rule, name_of};
use crate::query::ast::*;
use crate::query::value::Value;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::OnceLock;

fn pratt() -> &'static PrattParser<Rule> {
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::or_op, Assoc::Left))
            .op(Op::infix(Rule::xor_op, Assoc::Left))
            .op(Op::infix(Rule::and_op, Assoc::Left))
            .op(Op::prefix(Rule::not_op))
            .op(Op::infix(Rule::eq_op, Assoc::Left)
                | Op::infix(Rule::neq_op, Assoc::Left)
                | Op::infix(Rule::lt_op, Assoc::Left)
                | Op::infix(Rule::gt_op, Assoc::Left)
                | Op::infix(Rule::le_op, Assoc::Left)
                | Op::infix(Rule::ge_op, Assoc::Left))
            .op(Op::infix(Rule::regex_op, Assoc::Left)
                | Op::infix(Rule::starts_with_op, Assoc::Left)
                | Op::infix(Rule::ends_with_op, Assoc::Left)
                | Op::infix(Rule::contains_op, Assoc::Left)
                | Op::infix(Rule::in_op, Assoc::Left)
                | Op::postfix(Rule::is_null_op)
                | Op::postfix(Rule::is_not_null_op))
            .op(Op::infix(Rule::add_op, Assoc::Left) | Op::infix(Rule::sub_op, Assoc::Left))
            .op(Op::infix(Rule::mul_op, Assoc::Left)
                | Op::infix(Rule::div_op, Assoc::Left)
                | Op::infix(Rule::mod_op, Assoc::Left))
            .op(Op::infix(Rule::pow_op, Assoc::Left))
            .op(Op::prefix(Rule::neg_op) | Op::prefix(Rule::pos_op))
            .op(Op::postfix(Rule::property_lookup)
                | Op::postfix(Rule::index_op)
                | Op::postfix(Rule::label_check))
    })
}

/// Most operators and operands one expression may chain without parentheses.
const MAX_FLAT_TERMS: usize = 2000;

fn cmp_op(r: Rule) -> Option<CmpOp> {
    Some(match r {
        Rule::eq_op => CmpOp::Eq,
        Rule::neq_op => CmpOp::Neq,
        Rule::lt_op => CmpOp::Lt,
        Rule::gt_op => CmpOp::Gt,
        Rule::le_op => CmpOp::Le,
        Rule::ge_op => CmpOp::Ge,
        _ => return None,
    })
}

fn bin_op(r: Rule) -> BinOp {
    match r {
        Rule::or_op => BinOp::Or,
        Rule::xor_op => BinOp::Xor,
        Rule::and_op => BinOp::And,
        Rule::regex_op => BinOp::Regex,
        Rule::starts_with_op => BinOp::StartsWith,
        Rule::ends_with_op => BinOp::EndsWith,
        Rule::contains_op => BinOp::Contains,
        Rule::in_op => BinOp::In,
        Rule::add_op => BinOp::Add,
        Rule::sub_op => BinOp::Sub,
        Rule::mul_op => BinOp::Mul,
        Rule::div_op => BinOp::Div,
        Rule::mod_op => BinOp::Mod,
        _ => BinOp::Pow,
    }
}

impl Builder<'_> {
    /// An `expr` pair into an expression.
    pub(super) fn expr(&self, p: P) -> R<Expr> {
        let terms: Vec<P> = p.clone().into_inner().collect();
        self.expr_from(&p, terms)
    }

    /// The operators and operands of one flat expression (the children of an `expr` pair) into
    /// an expression; `at` locates errors.
    fn expr_from(&self, at: &P, terms: Vec<P>) -> R<Expr> {
        if terms.len() > MAX_FLAT_TERMS {
            return Err(self.err(
                at,
                format!(
                    "expression is too long (more than {MAX_FLAT_TERMS} operators and operands)"
                ),
            ));
        }
        pratt()
            .map_primary(|x| self.primary(x))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                Ok(match op.as_rule() {
                    Rule::not_op => Expr::Unary(UnOp::Not, Box::new(rhs)),
                    Rule::neg_op => match rhs {
                        Expr::Lit(Value::Int(i)) => Expr::Lit(Value::Int(-i)),
                        Expr::Lit(Value::Float(f)) => {
                            Expr::Lit(Value::Float(if f == 0.0 { 0.0 } else { -f }))
                        }
                        Expr::BigInt(s) => {
                            let v = format!("-{s}")
                                .parse::<i64>()
                                .map_err(|_| self.err(&op, "integer literal is too large"))?;
                            Expr::Lit(Value::Int(v))
                        }
                        other => Expr::Unary(UnOp::Neg, Box::new(other)),
                    },
                    _ => Expr::Unary(UnOp::Pos, Box::new(rhs)),
                })
            })
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                Ok(match op.as_rule() {
                    Rule::is_null_op => Expr::IsNull(Box::new(lhs), false),
                    Rule::is_not_null_op => Expr::IsNull(Box::new(lhs), true),
                    Rule::property_lookup => {
                        let key = op
                            .into_inner()
                            .next()
                            .map(|k| name_of(&k))
                            .unwrap_or_default();
                        Expr::Prop(Box::new(lhs), key)
                    }
                    Rule::label_check => {
                        let labels = op
                            .into_inner()
                            .next()
                            .map(|l| self.labels(l))
                            .unwrap_or_default();
                        Expr::HasLabels(Box::new(lhs), labels)
                    }
                    _ => {
                        let Some(inner) = op.clone().into_inner().next() else {
                            return Err(self.err(&op, "expected an index"));
                        };
                        let mut from = None;
                        let mut to = None;
                        let mut is_slice = false;
                        for s in op.clone().into_inner() {
                            match s.as_rule() {
                                Rule::slice_dots => is_slice = true,
                                Rule::slice_from => from = Some(Box::new(self.sub_expr(s)?)),
                                _ => to = Some(Box::new(self.sub_expr(s)?)),
                            }
                        }
                        match (is_slice, from) {
                            (true, from) => Expr::Slice(Box::new(lhs), from, to),
                            (false, Some(index)) => Expr::Index(Box::new(lhs), index),
                            (false, None) => return Err(self.err(&inner, "expected an index")),
                        }
                    }
                })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                if let Some(c) = cmp_op(op.as_rule()) {
                    return Ok(match lhs {
                        Expr::Compare(first, mut rest) => {
                            rest.push((c, rhs));
                            Expr::Compare(first, rest)
                        }
                        other => Expr::Compare(Box::new(other), vec![(c, rhs)]),
                    });
                }
                Ok(Expr::Binary(
                    bin_op(op.as_rule()),
                    Box::new(lhs),
                    Box::new(rhs),
                ))
            })
            .parse(terms.into_iter())
    }

    /// A primary expression pair.
    pub(super) fn primary(&self, p: P) -> R<Expr> {
        let rule = p.as_rule();
        let inner: Vec<P> = p.clone().into_inner().collect();
        Ok(match rule {
            Rule::float_lit => {
                let f: f64 = p
                    .as_str()
                    .parse()
                    .map_err(|_| self.err(&p, "invalid floating-point number"))?;
                if f.is_infinite() {
                    return Err(self.err(&p, "floating-point number is too large"));
                }
                Expr::Lit(Value::Float(f))
            }
            Rule::integer_lit => self.integer(&p)?,
            Rule::string_lit => {
                let raw = inner.first().map_or("", |x| x.as_str());
                Expr::Lit(Value::String(self.unescape(&p, raw)?))
            }
            Rule::boolean_lit => Expr::Lit(Value::Bool(
                inner.first().is_some_and(|x| x.as_rule() == Rule::TRUE),
            )),
            Rule::null_lit => Expr::Lit(Value::Null),
            Rule::list_literal => Expr::List(
                inner
                    .into_iter()
                    .map(|x| self.expr(x))
                    .collect::<R<Vec<_>>>()?,
            ),
            Rule::map_literal => {
                let mut entries: Vec<(String, Expr)> = Vec::new();
                for e in inner {
                    let mut it = e.into_inner();
                    let (Some(k), Some(v)) = (it.next(), it.next()) else {
                        continue;
                    };
                    let key = name_of(&k);
                    let v = self.expr(v)?;
                    entries.retain(|(k2, _)| *k2 != key);
                    entries.push((key, v));
                }
                Expr::Map(entries)
            }
            Rule::parameter => Expr::Param(p.as_str().trim_start_matches('$').to_string()),
            Rule::count_star => Expr::CountStar,
            Rule::count_subquery => {
                let mut pattern = Vec::new();
                let mut filter = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::pattern => pattern = self.pattern(x)?,
                        Rule::where_clause => filter = Some(self.where_clause(x)?),
                        Rule::single_query => {
                            return Ok(Expr::CountQuery(Box::new(self.single_query(x)?)));
                        }
                        _ => {}
                    }
                }
                Expr::CountQuery(Box::new(SingleQuery {
                    clauses: vec![Clause::Match {
                        optional: false,
                        pattern,
                        filter,
                    }],
                }))
            }
            Rule::case_expr => {
                let mut subject = None;
                let mut whens = Vec::new();
                let mut otherwise = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::expr => subject = Some(Box::new(self.expr(x)?)),
                        Rule::case_when => {
                            let es: Vec<P> = x
                                .into_inner()
                                .filter(|y| y.as_rule() == Rule::expr)
                                .collect();
                            let mut it = es.into_iter();
                            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                                whens.push((self.expr(a)?, self.expr(b)?));
                            }
                        }
                        Rule::case_else => {
                            if let Some(e) = x.into_inner().find(|y| y.as_rule() == Rule::expr) {
                                otherwise = Some(Box::new(self.expr(e)?));
                            }
                        }
                        _ => {}
                    }
                }
                Expr::Case {
                    subject,
                    whens,
                    otherwise,
                }
            }
            Rule::list_comprehension
                if inner.iter().any(|x| x.as_rule() == Rule::lc_literal_rest) =>
            {
                // `[x IN list, more...]`: a list literal whose first element is `x IN list`.
                let mut first = Vec::new();
                let mut items = Vec::new();
                for x in inner {
                    match x.as_rule() {
                        Rule::lc_literal_rest => {
                            for e in x.into_inner() {
                                items.push(self.expr(e)?);
                            }
                        }
                        Rule::expr => first.extend(x.into_inner()),
                        _ => first.push(x),
                    }
                }
                items.insert(0, self.expr_from(&p, first)?);
                Expr::List(items)
            }
            Rule::list_comprehension => {
                let mut var = String::new();
                let mut list = None;
                let mut pred = None;
                let mut map = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::variable => var = name_of(&x),
                        Rule::expr => list = Some(Box::new(self.expr(x)?)),
                        Rule::lc_where => pred = Some(Box::new(self.sub_expr(x)?)),
                        Rule::lc_map => map = Some(Box::new(self.sub_expr(x)?)),
                        _ => {}
                    }
                }
                Expr::ListComp {
                    var,
                    list: list.ok_or_else(|| self.err(&p, "expected a list"))?,
                    pred,
                    map,
                }
            }
            Rule::pattern_comprehension => {
                let mut path_var = None;
                let mut pattern = None;
                let mut pred = None;
                let mut map = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::variable => path_var = Some(name_of(&x)),
                        Rule::rel_chain_pattern => {
                            pattern = Some(self.element_from(x.into_inner().collect())?)
                        }
                        Rule::lc_where => pred = Some(Box::new(self.sub_expr(x)?)),
                        Rule::lc_map => map = Some(Box::new(self.sub_expr(x)?)),
                        _ => {}
                    }
                }
                Expr::PatternComp {
                    path_var,
                    pattern: Box::new(pattern.ok_or_else(|| self.err(&p, "expected a pattern"))?),
                    pred,
                    map: map.ok_or_else(|| self.err(&p, "expected '|' and an expression"))?,
                }
            }
            Rule::quantifier => {
                let mut kind = Quant::All;
                let mut var = String::new();
                let mut list = None;
                let mut pred = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::ALL => kind = Quant::All,
                        Rule::ANY_KW => kind = Quant::Any,
                        Rule::NONE => kind = Quant::None,
                        Rule::SINGLE => kind = Quant::Single,
                        Rule::variable => var = name_of(&x),
                        Rule::expr => list = Some(Box::new(self.expr(x)?)),
                        Rule::lc_where => pred = Some(Box::new(self.sub_expr(x)?)),
                        _ => {}
                    }
                }
                Expr::Quantifier {
                    kind,
                    var,
                    list: list.ok_or_else(|| self.err(&p, "expected a list"))?,
                    pred,
                }
            }
            Rule::reduce_expr => {
                let vars: Vec<String> = inner
                    .iter()
                    .filter(|x| x.as_rule() == Rule::variable)
                    .map(name_of)
                    .collect();
                let exprs: Vec<P> = inner
                    .into_iter()
                    .filter(|x| x.as_rule() == Rule::expr)
                    .collect();
                if vars.len() != 2 || exprs.len() != 3 {
                    return Err(self.err(&p, "expected reduce(acc = init, x IN list | expr)"));
                }
                let mut es = exprs.into_iter();
                let (Some(a), Some(b), Some(c)) = (es.next(), es.next(), es.next()) else {
                    return Err(self.err(&p, "expected reduce(acc = init, x IN list | expr)"));
                };
                Expr::Reduce {
                    acc: vars[0].clone(),
                    init: Box::new(self.expr(a)?),
                    var: vars[1].clone(),
                    list: Box::new(self.expr(b)?),
                    expr: Box::new(self.expr(c)?),
                }
            }
            Rule::exists_subquery => {
                let mut pattern = Vec::new();
                let mut filter = None;
                for x in inner {
                    match x.as_rule() {
                        Rule::pattern => pattern = self.pattern(x)?,
                        Rule::where_clause => filter = Some(Box::new(self.where_clause(x)?)),
                        Rule::single_query => {
                            return Ok(Expr::ExistsQuery(Box::new(self.single_query(x)?)));
                        }
                        _ => {}
                    }
                }
                Expr::Exists { pattern, filter }
            }
            Rule::shortest_path => Expr::ShortestPath(Box::new(self.shortest(p)?)),
            Rule::function_call => {
                let mut name = String::new();
                let mut distinct = false;
                let mut args = Vec::new();
                for x in inner {
                    match x.as_rule() {
                        Rule::function_name => name = x.as_str().to_lowercase(),
                        Rule::DISTINCT => distinct = true,
                        Rule::expr => args.push(self.expr(x)?),
                        _ => {}
                    }
                }
                Expr::Func {
                    name,
                    distinct,
                    args,
                }
            }
            Rule::pattern_predicate => {
                let Some(chain) = inner.into_iter().next() else {
                    return Err(self.err(&p, "expected a pattern"));
                };
                Expr::PatternPred(Box::new(self.element_from(chain.into_inner().collect())?))
            }
            Rule::paren_expr => {
                let Some(e) = inner.into_iter().next() else {
                    return Err(self.err(&p, "expected an expression"));
                };
                match self.expr(e)? {
                    c @ Expr::Compare(..) => Expr::Nested(Box::new(c)),
                    other => other,
                }
            }
            Rule::variable => Expr::Var(name_of(&p)),
            Rule::map_projection => {
                let mut var = String::new();
                let mut items = Vec::new();
                for x in inner {
                    match x.as_rule() {
                        Rule::variable => var = name_of(&x),
                        Rule::mp_item => {
                            let Some(y) = x.into_inner().next() else {
                                continue;
                            };
                            items.push(match y.as_rule() {
                                Rule::mp_all => MapItem::All,
                                Rule::mp_prop => MapItem::Prop(
                                    y.into_inner()
                                        .next()
                                        .map(|k| name_of(&k))
                                        .unwrap_or_default(),
                                ),
                                Rule::mp_literal => {
                                    let mut it = y.into_inner();
                                    let (Some(k), Some(e)) = (it.next(), it.next()) else {
                                        continue;
                                    };
                                    MapItem::Literal(name_of(&k), self.expr(e)?)
                                }
                                _ => MapItem::Var(name_of(&y)),
                            });
                        }
                        _ => {}
                    }
                }
                Expr::MapProjection(var, items)
            }
            _ => return Err(self.err(&p, "expected an expression")),
        })
    }

    fn sub_expr(&self, p: P) -> R<Expr> {
        match p.clone().into_inner().next() {
            Some(e) => self.expr(e),
            None => Err(self.err(&p, "expected an expression")),
        }
    }

    fn integer(&self, p: &P) -> R<Expr> {
        let s = p.as_str();
        let (digits, radix) = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X"))
        {
            (h, 16)
        } else if let Some(o) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
            (o, 8)
        } else {
            (s, 10)
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return Err(self.err(p, format!("invalid number '{s}'")));
        }
        match i64::from_str_radix(digits, radix) {
            Ok(v) => Ok(Expr::Lit(Value::Int(v))),
            Err(_) => {
                if radix == 10 {
                    Ok(Expr::BigInt(digits.to_string()))
                } else {
                    // Only the i64 minimum survives negation; keep it as a decimal string.
                    match u64::from_str_radix(digits, radix) {
                        Ok(u) => Ok(Expr::BigInt(u.to_string())),
                        Err(_) => Err(self.err(p, "integer literal is too large")),
                    }
                }
            }
        }
    }

    fn unescape(&self, p: &P, raw: &str) -> R<String> {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('\'') => out.push('\''),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(u @ ('u' | 'U')) => {
                    let n = if u == 'u' { 4 } else { 8 };
                    let hex: String = chars.by_ref().take(n).collect();
                    let c = u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| self.err(p, "invalid unicode escape in string"))?;
                    out.push(c);
                }
                _ => return Err(self.err(p, "invalid escape sequence in string")),
            }
        }
        Ok(out)
    }
}
