//! Operators, property access, indexing and the scoped forms (comprehensions, CASE, ...).

use super::{AGG_PREFIX, Eval, R, Row, truth};
use crate::query::ast::*;
use crate::query::error::{QueryError, RuntimeKind, SemanticKind};
use crate::query::exec::pattern;
use crate::query::value::Value;
use std::cmp::Ordering;
use std::collections::BTreeMap;

impl Eval<'_> {
    /// Evaluates an expression in a row.
    pub fn eval(&self, row: &Row, e: &Expr) -> R<Value> {
        Ok(match e {
            Expr::Lit(v) => v.clone(),
            Expr::BigInt(s) => {
                return Err(QueryError::semantic(
                    SemanticKind::IntegerOverflow,
                    format!("integer literal {s} is too large"),
                ));
            }
            Expr::Param(p) => match self.params.get(p) {
                Some(v) => v.clone(),
                None => {
                    return Err(QueryError::runtime(
                        RuntimeKind::ParameterMissing,
                        format!("parameter ${p} was not given"),
                    ));
                }
            },
            Expr::Var(v) => match row.get(v) {
                Some(v) => v.clone(),
                None => {
                    return Err(QueryError::semantic(
                        SemanticKind::UndefinedVariable,
                        format!("variable `{v}` is not defined"),
                    ));
                }
            },
            Expr::AggRef(i) => row
                .get(&format!("{AGG_PREFIX}{i}"))
                .cloned()
                .unwrap_or(Value::Null),
            Expr::List(items) => Value::List(
                items
                    .iter()
                    .map(|x| self.eval(row, x))
                    .collect::<R<Vec<_>>>()?,
            ),
            Expr::Map(entries) => {
                let mut m = BTreeMap::new();
                for (k, x) in entries {
                    m.insert(k.clone(), self.eval(row, x)?);
                }
                Value::Map(m)
            }
            Expr::Prop(base, key) => {
                let b = self.eval(row, base)?;
                self.property(&b, key)?
            }
            Expr::Index(base, idx) => {
                let b = self.eval(row, base)?;
                let i = self.eval(row, idx)?;
                self.index(&b, &i)?
            }
            Expr::Slice(base, from, to) => {
                let b = self.eval(row, base)?;
                let f = match from {
                    Some(x) => Some(self.eval(row, x)?),
                    None => None,
                };
                let t = match to {
                    Some(x) => Some(self.eval(row, x)?),
                    None => None,
                };
                slice(&b, f, t)?
            }
            Expr::HasLabels(base, labels) => match self.eval(row, base)? {
                Value::Null => Value::Null,
                Value::Node(id) => Value::Bool(
                    self.graph
                        .node(id)
                        .is_some_and(|n| labels.iter().all(|l| n.has_label(l))),
                ),
                other => {
                    return Err(QueryError::type_error(format!(
                        "cannot check labels of a {}",
                        other.type_name()
                    )));
                }
            },
            Expr::Unary(op, x) => {
                let v = self.eval(row, x)?;
                match op {
                    UnOp::Not => match truth(&v)? {
                        Some(b) => Value::Bool(!b),
                        None => Value::Null,
                    },
                    UnOp::Neg => match v {
                        Value::Null => Value::Null,
                        Value::Int(i) => Value::Int(i.checked_neg().ok_or_else(overflow)?),
                        Value::Float(f) => Value::Float(-f),
                        other => {
                            return Err(QueryError::type_error(format!(
                                "cannot negate a {}",
                                other.type_name()
                            )));
                        }
                    },
                    UnOp::Pos => match v {
                        Value::Null | Value::Int(_) | Value::Float(_) => v,
                        other => {
                            return Err(QueryError::type_error(format!(
                                "unary plus needs a number, got {}",
                                other.type_name()
                            )));
                        }
                    },
                }
            }
            Expr::Binary(op, a, b) => self.binary(row, *op, a, b)?,
            Expr::Compare(first, rest) => {
                let mut left = self.eval(row, first)?;
                let mut result = Some(true);
                for (op, x) in rest {
                    let right = self.eval(row, x)?;
                    let r = compare(*op, &left, &right);
                    result = and3(result, r);
                    if result == Some(false) {
                        return Ok(Value::Bool(false));
                    }
                    left = right;
                }
                opt_bool(result)
            }
            Expr::Nested(x) => self.eval(row, x)?,
            Expr::IsNull(x, negated) => {
                let v = self.eval(row, x)?;
                Value::Bool(v.is_null() != *negated)
            }
            Expr::CountStar => {
                return Err(QueryError::semantic(
                    SemanticKind::InvalidAggregation,
                    "count(*) is only allowed in WITH and RETURN",
                ));
            }
            Expr::Func {
                name,
                distinct,
                args,
            } => self.call(row, name, *distinct, args)?,
            Expr::Case {
                subject,
                whens,
                otherwise,
            } => {
                match subject {
                    Some(s) => {
                        let sv = self.eval(row, s)?;
                        for (w, t) in whens {
                            let wv = self.eval(row, w)?;
                            if sv.equals(&wv) == Some(true) {
                                return self.eval(row, t);
                            }
                        }
                    }
                    None => {
                        for (w, t) in whens {
                            let wv = self.eval(row, w)?;
                            if truth(&wv)? == Some(true) {
                                return self.eval(row, t);
                            }
                        }
                    }
                }
                match otherwise {
                    Some(o) => self.eval(row, o)?,
                    None => Value::Null,
                }
            }
            Expr::ListComp {
                var,
                list,
                pred,
                map,
            } => {
                let items = match self.eval(row, list)? {
                    Value::Null => return Ok(Value::Null),
                    Value::List(items) => items,
                    other => {
                        return Err(QueryError::type_error(format!(
                            "list comprehension needs a list, got {}",
                            other.type_name()
                        )));
                    }
                };
                let mut scope = row.clone();
                let mut out = Vec::new();
                for item in items {
                    self.charge(1)?;
                    scope.insert(var.clone(), item.clone());
                    if let Some(p) = pred
                        && truth(&self.eval(&scope, p)?)? != Some(true)
                    {
                        continue;
                    }
                    out.push(match map {
                        Some(m) => self.eval(&scope, m)?,
                        None => item,
                    });
                }
                Value::List(out)
            }
            Expr::Quantifier {
                kind,
                var,
                list,
                pred,
            } => {
                let items = match self.eval(row, list)? {
                    Value::Null => return Ok(Value::Null),
                    Value::List(items) => items,
                    other => {
                        return Err(QueryError::type_error(format!(
                            "quantifier needs a list, got {}",
                            other.type_name()
                        )));
                    }
                };
                let mut scope = row.clone();
                let (mut trues, mut falses, mut nulls) = (0usize, 0usize, 0usize);
                for item in items {
                    self.charge(1)?;
                    scope.insert(var.clone(), item);
                    let t = match pred {
                        Some(p) => truth(&self.eval(&scope, p)?)?,
                        None => Some(true),
                    };
                    match t {
                        Some(true) => trues += 1,
                        Some(false) => falses += 1,
                        None => nulls += 1,
                    }
                }
                let r = match kind {
                    Quant::All => {
                        if falses > 0 {
                            Some(false)
                        } else if nulls > 0 {
                            None
                        } else {
                            Some(true)
                        }
                    }
                    Quant::Any => {
                        if trues > 0 {
                            Some(true)
                        } else if nulls > 0 {
                            None
                        } else {
                            Some(false)
                        }
                    }
                    Quant::None => {
                        if trues > 0 {
                            Some(false)
                        } else if nulls > 0 {
                            None
                        } else {
                            Some(true)
                        }
                    }
                    Quant::Single => {
                        if trues > 1 {
                            Some(false)
                        } else if nulls > 0 {
                            None
                        } else {
                            Some(trues == 1)
                        }
                    }
                };
                opt_bool(r)
            }
            Expr::Reduce {
                acc,
                init,
                var,
                list,
                expr,
            } => {
                let mut accv = self.eval(row, init)?;
                let items = match self.eval(row, list)? {
                    Value::Null => return Ok(Value::Null),
                    Value::List(items) => items,
                    other => {
                        return Err(QueryError::type_error(format!(
                            "reduce needs a list, got {}",
                            other.type_name()
                        )));
                    }
                };
                let mut scope = row.clone();
                for item in items {
                    self.charge(1)?;
                    scope.insert(acc.clone(), accv);
                    scope.insert(var.clone(), item);
                    accv = self.eval(&scope, expr)?;
                }
                accv
            }
            Expr::PatternPred(el) => {
                let part = PatternPart {
                    var: None,
                    shortest: None,
                    element: (**el).clone(),
                };
                Value::Bool(pattern::exists(
                    self,
                    row,
                    std::slice::from_ref(&part),
                    None,
                )?)
            }
            Expr::Exists {
                pattern: parts,
                filter,
            } => Value::Bool(pattern::exists(self, row, parts, filter.as_deref())?),
            Expr::MapProjection(var, items) => {
                let base = match row.get(var) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(QueryError::semantic(
                            SemanticKind::UndefinedVariable,
                            format!("variable `{var}` is not defined"),
                        ));
                    }
                };
                if base.is_null() {
                    return Ok(Value::Null);
                }
                let mut m = BTreeMap::new();
                for it in items {
                    match it {
                        MapItem::All => {
                            if let Value::Map(all) = self.call(
                                row,
                                "properties",
                                false,
                                std::slice::from_ref(&Expr::Var(var.clone())),
                            )? {
                                m.extend(all);
                            }
                        }
                        MapItem::Prop(k) => {
                            m.insert(k.clone(), self.property(&base, k)?);
                        }
                        MapItem::Literal(k, e) => {
                            m.insert(k.clone(), self.eval(row, e)?);
                        }
                        MapItem::Var(v) => {
                            m.insert(v.clone(), self.eval(row, &Expr::Var(v.clone()))?);
                        }
                    }
                }
                Value::Map(m)
            }
            Expr::CountQuery(q) => {
                Value::Int(crate::query::exec::subquery_rows(self, q, row)? as i64)
            }
            Expr::ExistsQuery(q) => {
                Value::Bool(crate::query::exec::subquery_has_rows(self, q, row)?)
            }
            Expr::PatternComp {
                path_var,
                pattern: el,
                pred,
                map,
            } => {
                let part = PatternPart {
                    var: path_var.clone(),
                    shortest: None,
                    element: (**el).clone(),
                };
                let rows = pattern::match_parts(self, row, std::slice::from_ref(&part))?;
                let mut out = Vec::new();
                for r in rows {
                    self.charge(1)?;
                    if let Some(p) = pred
                        && truth(&self.eval(&r, p)?)? != Some(true)
                    {
                        continue;
                    }
                    out.push(self.eval(&r, map)?);
                }
                Value::List(out)
            }
            Expr::ShortestPath(part) => {
                let mut part = (**part).clone();
                let name = "\u{0}sp".to_string();
                part.var = Some(name.clone());
                let rows = pattern::match_parts(self, row, std::slice::from_ref(&part))?;
                match rows.into_iter().next() {
                    Some(mut r) => r.remove(&name).unwrap_or(Value::Null),
                    None => Value::Null,
                }
            }
        })
    }

    /// `base.key`
    pub fn property(&self, base: &Value, key: &str) -> R<Value> {
        let gone = match base {
            Value::Node(id) => self.graph.node(*id).is_none(),
            Value::Rel(id) => self.graph.edge(*id).is_none(),
            _ => false,
        };
        if gone {
            return Err(QueryError::runtime(
                RuntimeKind::EntityNotFound,
                format!("cannot read property `{key}` of a deleted entity"),
            ));
        }
        Ok(match base {
            Value::Null => Value::Null,
            Value::Node(id) => self
                .graph
                .node(*id)
                .and_then(|n| n.props.get(key))
                .map_or(Value::Null, Value::from),
            Value::Rel(id) => self
                .graph
                .edge(*id)
                .and_then(|e| e.props.get(key))
                .map_or(Value::Null, Value::from),
            Value::Map(m) => m.get(key).cloned().unwrap_or(Value::Null),
            other => {
                return Err(QueryError::type_error(format!(
                    "cannot read property `{key}` of a {}",
                    other.type_name()
                )));
            }
        })
    }

    fn index(&self, base: &Value, idx: &Value) -> R<Value> {
        Ok(match (base, idx) {
            (Value::Null, _) | (_, Value::Null) => Value::Null,
            (Value::List(items), Value::Int(i)) => {
                let n = items.len() as i64;
                let j = if *i < 0 { n + i } else { *i };
                if j < 0 || j >= n {
                    Value::Null
                } else {
                    items.get(j as usize).cloned().unwrap_or(Value::Null)
                }
            }
            (Value::List(_), other) => {
                return Err(QueryError::type_error(format!(
                    "list index must be an integer, got {}",
                    other.type_name()
                )));
            }
            (Value::Map(_) | Value::Node(_) | Value::Rel(_), Value::String(k)) => {
                self.property(base, k)?
            }
            (Value::Map(_) | Value::Node(_) | Value::Rel(_), other) => {
                return Err(QueryError::type_error(format!(
                    "map key must be a string, got {}",
                    other.type_name()
                )));
            }
            (other, _) => {
                return Err(QueryError::type_error(format!(
                    "cannot index a {}",
                    other.type_name()
                )));
            }
        })
    }

    fn binary(&self, row: &Row, op: BinOp, a: &Expr, b: &Expr) -> R<Value> {
        match op {
            BinOp::And => {
                let l = truth(&self.eval(row, a)?)?;
                if l == Some(false) {
                    return Ok(Value::Bool(false));
                }
                let r = truth(&self.eval(row, b)?)?;
                return Ok(opt_bool(and3(l, r)));
            }
            BinOp::Or => {
                let l = truth(&self.eval(row, a)?)?;
                let r = truth(&self.eval(row, b)?)?;
                return Ok(opt_bool(match (l, r) {
                    (Some(true), _) | (_, Some(true)) => Some(true),
                    (Some(false), Some(false)) => Some(false),
                    _ => None,
                }));
            }
            BinOp::Xor => {
                let l = truth(&self.eval(row, a)?)?;
                let r = truth(&self.eval(row, b)?)?;
                return Ok(opt_bool(match (l, r) {
                    (Some(x), Some(y)) => Some(x != y),
                    _ => None,
                }));
            }
            _ => {}
        }
        let l = self.eval(row, a)?;
        let r = self.eval(row, b)?;
        let v = binary_values(op, &l, &r)?;
        if let Value::List(items) = &v {
            self.charge(items.len())?;
        }
        Ok(v)
    }
}

/// Applies a non-boolean binary operator to two values.
pub fn binary_values(op: BinOp, l: &Value, r: &Value) -> R<Value> {
    use Value::*;
    if op == BinOp::In {
        return match r {
            Null => Ok(Null),
            List(items) => {
                let mut unknown = false;
                for it in items {
                    match l.equals(it) {
                        Some(true) => return Ok(Bool(true)),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                Ok(if unknown { Null } else { Bool(false) })
            }
            other => Err(QueryError::type_error(format!(
                "IN needs a list on the right, got {}",
                other.type_name()
            ))),
        };
    }
    if matches!(op, BinOp::Add) {
        match (l, r) {
            (List(a), List(b)) => {
                let mut v = a.clone();
                v.extend(b.iter().cloned());
                return Ok(List(v));
            }
            (List(a), x) => {
                let mut v = a.clone();
                v.push(x.clone());
                return Ok(List(v));
            }
            (x, List(b)) => {
                let mut v = vec![x.clone()];
                v.extend(b.iter().cloned());
                return Ok(List(v));
            }
            _ => {}
        }
    }
    if l.is_null() || r.is_null() {
        return Ok(Null);
    }
    match op {
        BinOp::StartsWith | BinOp::EndsWith | BinOp::Contains => {
            return Ok(match (l, r) {
                (String(a), String(b)) => Bool(match op {
                    BinOp::StartsWith => a.starts_with(b.as_str()),
                    BinOp::EndsWith => a.ends_with(b.as_str()),
                    _ => a.contains(b.as_str()),
                }),
                _ => Null,
            });
        }
        BinOp::Regex => {
            return match (l, r) {
                (String(a), String(p)) => {
                    let re = regex::Regex::new(&format!("^(?s:{p})$")).map_err(|e| {
                        QueryError::argument(format!("invalid regular expression: {e}"))
                    })?;
                    Ok(Bool(re.is_match(a)))
                }
                _ => Ok(Null),
            };
        }
        _ => {}
    }
    match (l, r) {
        (Int(a), Int(b)) => int_op(op, *a, *b),
        (Int(_) | Float(_), Int(_) | Float(_)) => {
            let a = num(l);
            let b = num(r);
            Ok(Float(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div => a / b,
                BinOp::Mod => a % b,
                BinOp::Pow => a.powf(b),
                _ => return Err(bad_types(op, l, r)),
            }))
        }
        (String(a), String(b)) if op == BinOp::Add => Ok(String(format!("{a}{b}"))),
        (String(a), Int(_) | Float(_)) if op == BinOp::Add => {
            Ok(String(format!("{a}{}", number_text(r))))
        }
        (Int(_) | Float(_), String(b)) if op == BinOp::Add => {
            Ok(String(format!("{}{b}", number_text(l))))
        }
        _ => Err(bad_types(op, l, r)),
    }
}

fn number_text(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => crate::query::value::format_float(*f),
        _ => String::new(),
    }
}

fn bad_types(op: BinOp, l: &Value, r: &Value) -> QueryError {
    let sym = match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Mod => "%",
        BinOp::Pow => "^",
        BinOp::Regex => "=~",
        BinOp::StartsWith => "STARTS WITH",
        BinOp::EndsWith => "ENDS WITH",
        BinOp::Contains => "CONTAINS",
        BinOp::In => "IN",
        BinOp::And => "AND",
        BinOp::Or => "OR",
        BinOp::Xor => "XOR",
    };
    QueryError::type_error(format!(
        "cannot compute {} {sym} {}",
        l.type_name(),
        r.type_name()
    ))
}

fn num(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    }
}

fn overflow() -> QueryError {
    QueryError::runtime(RuntimeKind::Overflow, "integer overflow")
}

fn int_op(op: BinOp, a: i64, b: i64) -> R<Value> {
    Ok(Value::Int(match op {
        BinOp::Add => a.checked_add(b).ok_or_else(overflow)?,
        BinOp::Sub => a.checked_sub(b).ok_or_else(overflow)?,
        BinOp::Mul => a.checked_mul(b).ok_or_else(overflow)?,
        BinOp::Div => {
            if b == 0 {
                return Err(QueryError::argument("division by zero"));
            }
            a.checked_div(b).ok_or_else(overflow)?
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(QueryError::argument("division by zero"));
            }
            a.checked_rem(b).ok_or_else(overflow)?
        }
        BinOp::Pow => return Ok(Value::Float((a as f64).powf(b as f64))),
        _ => {
            return Err(bad_types(op, &Value::Int(a), &Value::Int(b)));
        }
    }))
}

/// A comparison with null semantics.
pub fn compare(op: CmpOp, l: &Value, r: &Value) -> Option<bool> {
    match op {
        CmpOp::Eq => l.equals(r),
        CmpOp::Neq => l.equals(r).map(|b| !b),
        _ => {
            if l.is_null() || r.is_null() {
                return None;
            }
            let nan = |v: &Value| matches!(v, Value::Float(f) if f.is_nan());
            if (nan(l) || nan(r))
                && matches!(l, Value::Int(_) | Value::Float(_))
                && matches!(r, Value::Int(_) | Value::Float(_))
            {
                return Some(false);
            }
            let o = l.compare(r)?;
            Some(match op {
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::Le => o != Ordering::Greater,
                _ => o != Ordering::Less,
            })
        }
    }
}

fn and3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn opt_bool(b: Option<bool>) -> Value {
    b.map_or(Value::Null, Value::Bool)
}

fn slice(base: &Value, from: Option<Value>, to: Option<Value>) -> R<Value> {
    let items = match base {
        Value::Null => return Ok(Value::Null),
        Value::List(items) => items,
        other => {
            return Err(QueryError::type_error(format!(
                "cannot slice a {}",
                other.type_name()
            )));
        }
    };
    let n = items.len() as i64;
    let bound = |v: Option<Value>, default: i64| -> R<Option<i64>> {
        match v {
            None => Ok(Some(default)),
            Some(Value::Null) => Ok(None),
            Some(Value::Int(i)) => Ok(Some(if i < 0 { (n + i).max(0) } else { i.min(n) })),
            Some(other) => Err(QueryError::type_error(format!(
                "slice bounds must be integers, got {}",
                other.type_name()
            ))),
        }
    };
    let (Some(f), Some(t)) = (bound(from, 0)?, bound(to, n)?) else {
        return Ok(Value::Null);
    };
    if f >= t {
        return Ok(Value::List(Vec::new()));
    }
    Ok(Value::List(
        items
            .get(f as usize..t as usize)
            .map(<[Value]>::to_vec)
            .unwrap_or_default(),
    ))
}
