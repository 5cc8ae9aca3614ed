//! The built-in scalar functions.

use super::{Eval, R, Row};
use crate::query::ast::{AGGREGATES, Expr};
use crate::query::error::{QueryError, SemanticKind};
use crate::query::value::{Value, format_float};

/// Names of the scalar functions and their accepted argument counts (min, max).
pub const SCALAR_FUNCTIONS: &[(&str, usize, usize)] = &[
    ("id", 1, 1),
    ("elementid", 1, 1),
    ("labels", 1, 1),
    ("type", 1, 1),
    ("properties", 1, 1),
    ("keys", 1, 1),
    ("startnode", 1, 1),
    ("endnode", 1, 1),
    ("nodes", 1, 1),
    ("relationships", 1, 1),
    ("length", 1, 1),
    ("size", 1, 1),
    ("head", 1, 1),
    ("last", 1, 1),
    ("tail", 1, 1),
    ("range", 2, 3),
    ("coalesce", 1, usize::MAX),
    ("tostring", 1, 1),
    ("tostringornull", 1, 1),
    ("tointeger", 1, 1),
    ("tointegerornull", 1, 1),
    ("tofloat", 1, 1),
    ("tofloatornull", 1, 1),
    ("toboolean", 1, 1),
    ("tobooleanornull", 1, 1),
    ("tolower", 1, 1),
    ("toupper", 1, 1),
    ("lower", 1, 1),
    ("upper", 1, 1),
    ("trim", 1, 1),
    ("ltrim", 1, 1),
    ("rtrim", 1, 1),
    ("split", 2, 2),
    ("substring", 2, 3),
    ("replace", 3, 3),
    ("reverse", 1, 1),
    ("left", 2, 2),
    ("right", 2, 2),
    ("abs", 1, 1),
    ("ceil", 1, 1),
    ("floor", 1, 1),
    ("round", 1, 1),
    ("sign", 1, 1),
    ("sqrt", 1, 1),
    ("exp", 1, 1),
    ("log", 1, 1),
    ("log10", 1, 1),
    ("sin", 1, 1),
    ("cos", 1, 1),
    ("tan", 1, 1),
    ("asin", 1, 1),
    ("acos", 1, 1),
    ("atan", 1, 1),
    ("atan2", 2, 2),
    ("degrees", 1, 1),
    ("radians", 1, 1),
    ("pi", 0, 0),
    ("e", 0, 0),
    ("rand", 0, 0),
    ("exists", 1, 1),
    ("isempty", 1, 1),
    ("nullif", 2, 2),
    ("date", 0, 1),
];

/// Checks that a function exists and takes `n` arguments (a compile-time check).
pub fn check_function(name: &str, n: usize) -> Result<(), QueryError> {
    if AGGREGATES.contains(&name) {
        let ok = if name.starts_with("percentile") {
            n == 2
        } else {
            n == 1
        };
        if !ok {
            return Err(QueryError::semantic(
                SemanticKind::WrongArguments,
                format!("{name}() takes a different number of arguments than {n}"),
            ));
        }
        return Ok(());
    }
    match SCALAR_FUNCTIONS.iter().find(|(f, _, _)| *f == name) {
        None => Err(QueryError::semantic(
            SemanticKind::UnknownFunction,
            format!("unknown function {name}()"),
        )),
        Some((_, min, max)) if n < *min || n > *max => Err(QueryError::semantic(
            SemanticKind::WrongArguments,
            format!("{name}() does not take {n} argument(s)"),
        )),
        Some(_) => Ok(()),
    }
}

fn type_err(f: &str, v: &Value) -> QueryError {
    QueryError::type_error(format!("{f}() cannot take a {}", v.type_name()))
}

fn int_arg(f: &str, v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(QueryError::argument(format!(
            "{f}() needs an integer, got {}",
            other.type_name()
        ))),
    }
}

fn float_of(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn parse_int_text(s: &str) -> Option<i64> {
    let t = s.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Some(i);
    }
    let f: f64 = t.parse().ok()?;
    if f.is_finite() && f.abs() < 9.2e18 {
        Some(f.trunc() as i64)
    } else {
        None
    }
}

/// A value as text (for toString and string concatenation).
pub fn to_text(v: &Value) -> Option<String> {
    Some(match v {
        Value::String(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => format_float(*f),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    })
}

impl Eval<'_> {
    /// Calls a function (aggregates are computed elsewhere and never reach here).
    pub fn call(&self, row: &Row, name: &str, _distinct: bool, args: &[Expr]) -> R<Value> {
        if AGGREGATES.contains(&name) {
            return Err(QueryError::semantic(
                SemanticKind::InvalidAggregation,
                format!("aggregate {name}() is only allowed in WITH and RETURN"),
            ));
        }
        check_function(name, args.len())?;
        if name == "exists" {
            if let Some(Expr::PatternPred(_)) = args.first() {
                return self.eval(row, &args[0]);
            }
            let v = self.eval(row, &args[0])?;
            return Ok(Value::Bool(!v.is_null()));
        }
        if name == "coalesce" {
            for a in args {
                let v = self.eval(row, a)?;
                if !v.is_null() {
                    return Ok(v);
                }
            }
            return Ok(Value::Null);
        }
        let vals: Vec<Value> = args.iter().map(|a| self.eval(row, a)).collect::<R<_>>()?;
        self.apply(name, &vals)
    }

    fn apply(&self, name: &str, a: &[Value]) -> R<Value> {
        let g = self.graph;
        let first = a.first().cloned().unwrap_or(Value::Null);
        // Most functions return null for a null argument.
        let null_passes = !matches!(name, "range" | "pi" | "e" | "rand" | "nullif" | "date");
        if null_passes && first.is_null() {
            return Ok(Value::Null);
        }
        Ok(match name {
            "id" => match &first {
                Value::Node(n) => Value::Int(n.index() as i64),
                Value::Rel(r) => Value::Int(r.index() as i64),
                other => return Err(type_err(name, other)),
            },
            "elementid" => match &first {
                Value::Node(n) => Value::String(format!("n{}", n.index())),
                Value::Rel(r) => Value::String(format!("r{}", r.index())),
                other => return Err(type_err(name, other)),
            },
            "labels" => match &first {
                Value::Node(n) if g.node(*n).is_none() => {
                    return Err(QueryError::runtime(
                        crate::query::error::RuntimeKind::EntityNotFound,
                        "labels() of a deleted node",
                    ));
                }
                Value::Node(n) => Value::List(
                    g.node(*n)
                        .map(|n| n.labels.iter().map(|l| Value::String(l.clone())).collect())
                        .unwrap_or_default(),
                ),
                other => return Err(type_err(name, other)),
            },
            "type" => match &first {
                Value::Rel(r) => g
                    .edge(*r)
                    .map_or(Value::Null, |e| Value::String(e.rel_type.to_string())),
                other => return Err(type_err(name, other)),
            },
            "properties" => match &first {
                Value::Node(n) => Value::Map(
                    g.node(*n)
                        .map(|n| {
                            n.props
                                .iter()
                                .map(|(k, v)| (k.to_string(), v.into()))
                                .collect()
                        })
                        .unwrap_or_default(),
                ),
                Value::Rel(r) => Value::Map(
                    g.edge(*r)
                        .map(|e| {
                            e.props
                                .iter()
                                .map(|(k, v)| (k.to_string(), v.into()))
                                .collect()
                        })
                        .unwrap_or_default(),
                ),
                Value::Map(m) => Value::Map(m.clone()),
                other => return Err(type_err(name, other)),
            },
            "keys" => match &first {
                Value::Node(n) => Value::List(
                    g.node(*n)
                        .map(|n| {
                            n.props
                                .keys()
                                .map(|k| Value::String(k.to_string()))
                                .collect()
                        })
                        .unwrap_or_default(),
                ),
                Value::Rel(r) => Value::List(
                    g.edge(*r)
                        .map(|e| {
                            e.props
                                .keys()
                                .map(|k| Value::String(k.to_string()))
                                .collect()
                        })
                        .unwrap_or_default(),
                ),
                Value::Map(m) => Value::List(m.keys().map(|k| Value::String(k.clone())).collect()),
                other => return Err(type_err(name, other)),
            },
            "startnode" | "endnode" => match &first {
                Value::Rel(r) => match g.edge_endpoints(*r) {
                    Some((s, e)) => Value::Node(if name == "startnode" { s } else { e }),
                    None => Value::Null,
                },
                other => return Err(type_err(name, other)),
            },
            "nodes" => match &first {
                Value::Path { nodes, .. } => {
                    Value::List(nodes.iter().map(|n| Value::Node(*n)).collect())
                }
                other => return Err(type_err(name, other)),
            },
            "relationships" => match &first {
                Value::Path { rels, .. } => {
                    Value::List(rels.iter().map(|r| Value::Rel(*r)).collect())
                }
                other => return Err(type_err(name, other)),
            },
            "length" => match &first {
                Value::Path { rels, .. } => Value::Int(rels.len() as i64),
                Value::String(s) => Value::Int(s.chars().count() as i64),
                Value::List(l) => Value::Int(l.len() as i64),
                other => return Err(type_err(name, other)),
            },
            "size" => match &first {
                Value::String(s) => Value::Int(s.chars().count() as i64),
                Value::List(l) => Value::Int(l.len() as i64),
                other => return Err(type_err(name, other)),
            },
            "isempty" => match &first {
                Value::String(s) => Value::Bool(s.is_empty()),
                Value::List(l) => Value::Bool(l.is_empty()),
                Value::Map(m) => Value::Bool(m.is_empty()),
                other => return Err(type_err(name, other)),
            },
            "head" | "last" | "tail" => match &first {
                Value::List(l) => match name {
                    "head" => l.first().cloned().unwrap_or(Value::Null),
                    "last" => l.last().cloned().unwrap_or(Value::Null),
                    _ => Value::List(l.iter().skip(1).cloned().collect()),
                },
                other => return Err(type_err(name, other)),
            },
            "reverse" => match &first {
                Value::List(l) => Value::List(l.iter().rev().cloned().collect()),
                Value::String(s) => Value::String(s.chars().rev().collect()),
                other => return Err(type_err(name, other)),
            },
            "range" => {
                let start = int_arg(name, &first)?;
                let end = int_arg(name, a.get(1).unwrap_or(&Value::Null))?;
                let step = match a.get(2) {
                    Some(v) => int_arg(name, v)?,
                    None => 1,
                };
                if step == 0 {
                    return Err(QueryError::argument("range() step must not be zero"));
                }
                let count = if (step > 0 && start > end) || (step < 0 && start < end) {
                    0
                } else {
                    ((end as i128 - start as i128) / step as i128 + 1) as u128
                };
                self.charge(count.min(usize::MAX as u128) as usize)?;
                let mut out = Vec::with_capacity(count as usize);
                let mut x = start as i128;
                for _ in 0..count {
                    out.push(Value::Int(x as i64));
                    x += step as i128;
                }
                Value::List(out)
            }
            "tostring" | "tostringornull" => match to_text(&first) {
                Some(s) => Value::String(s),
                None if name == "tostringornull" => Value::Null,
                None => return Err(type_err(name, &first)),
            },
            "tointeger" | "tointegerornull" => match &first {
                Value::Int(i) => Value::Int(*i),
                Value::Float(f) => {
                    if f.is_finite() && f.abs() < 9.3e18 {
                        Value::Int(f.trunc() as i64)
                    } else {
                        Value::Null
                    }
                }
                Value::String(s) => parse_int_text(s).map_or(Value::Null, Value::Int),
                Value::Bool(b) => Value::Int(*b as i64),
                _ if name == "tointegerornull" => Value::Null,
                other => return Err(type_err(name, other)),
            },
            "tofloat" | "tofloatornull" => match &first {
                Value::Int(i) => Value::Float(*i as f64),
                Value::Float(f) => Value::Float(*f),
                Value::String(s) => s.trim().parse::<f64>().map_or(Value::Null, Value::Float),
                _ if name == "tofloatornull" => Value::Null,
                other => return Err(type_err(name, other)),
            },
            "toboolean" | "tobooleanornull" => match &first {
                Value::Bool(b) => Value::Bool(*b),
                Value::String(s) => match s.trim().to_lowercase().as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::Null,
                },
                Value::Int(i) => Value::Bool(*i != 0),
                _ if name == "tobooleanornull" => Value::Null,
                other => return Err(type_err(name, other)),
            },
            "tolower" | "toupper" | "lower" | "upper" | "trim" | "ltrim" | "rtrim" => {
                let Value::String(s) = &first else {
                    return Err(type_err(name, &first));
                };
                Value::String(match name {
                    "tolower" | "lower" => s.to_lowercase(),
                    "toupper" | "upper" => s.to_uppercase(),
                    "trim" => s.trim().to_string(),
                    "ltrim" => s.trim_start().to_string(),
                    _ => s.trim_end().to_string(),
                })
            }
            "split" => match (&first, a.get(1)) {
                (_, Some(Value::Null)) => Value::Null,
                (Value::String(s), Some(Value::String(d))) => {
                    if d.is_empty() {
                        Value::List(s.chars().map(|c| Value::String(c.to_string())).collect())
                    } else {
                        Value::List(
                            s.split(d.as_str())
                                .map(|p| Value::String(p.into()))
                                .collect(),
                        )
                    }
                }
                _ => return Err(type_err(name, &first)),
            },
            "substring" => {
                let Value::String(s) = &first else {
                    return Err(type_err(name, &first));
                };
                let start = int_arg(name, a.get(1).unwrap_or(&Value::Null))?;
                if start < 0 {
                    return Err(QueryError::argument(
                        "substring() start must not be negative",
                    ));
                }
                let chars: Vec<char> = s.chars().collect();
                let len = match a.get(2) {
                    Some(v) => {
                        let l = int_arg(name, v)?;
                        if l < 0 {
                            return Err(QueryError::argument(
                                "substring() length must not be negative",
                            ));
                        }
                        l as usize
                    }
                    None => chars.len(),
                };
                let st = (start as usize).min(chars.len());
                let en = st.saturating_add(len).min(chars.len());
                Value::String(chars.get(st..en).unwrap_or(&[]).iter().collect())
            }
            "left" | "right" => {
                let Value::String(s) = &first else {
                    return Err(type_err(name, &first));
                };
                let n = int_arg(name, a.get(1).unwrap_or(&Value::Null))?;
                if n < 0 {
                    return Err(QueryError::argument(format!(
                        "{name}() length must not be negative"
                    )));
                }
                let chars: Vec<char> = s.chars().collect();
                let n = (n as usize).min(chars.len());
                Value::String(if name == "left" {
                    chars.get(..n).unwrap_or(&[]).iter().collect()
                } else {
                    chars.get(chars.len() - n..).unwrap_or(&[]).iter().collect()
                })
            }
            "replace" => match (&first, a.get(1), a.get(2)) {
                (Value::String(s), Some(Value::String(f)), Some(Value::String(t))) => {
                    Value::String(s.replace(f.as_str(), t))
                }
                (_, Some(Value::Null), _) | (_, _, Some(Value::Null)) => Value::Null,
                _ => return Err(type_err(name, &first)),
            },
            "abs" => match &first {
                Value::Int(i) => Value::Int(i.checked_abs().ok_or_else(|| {
                    QueryError::runtime(
                        crate::query::error::RuntimeKind::Overflow,
                        "integer overflow",
                    )
                })?),
                Value::Float(f) => Value::Float(f.abs()),
                other => return Err(type_err(name, other)),
            },
            "sign" => match &first {
                Value::Int(i) => Value::Int(i.signum()),
                Value::Float(f) => Value::Int(if *f > 0.0 {
                    1
                } else if *f < 0.0 {
                    -1
                } else {
                    0
                }),
                other => return Err(type_err(name, other)),
            },
            "ceil" | "floor" | "round" | "sqrt" | "exp" | "log" | "log10" | "sin" | "cos"
            | "tan" | "asin" | "acos" | "atan" | "degrees" | "radians" => {
                let Some(x) = float_of(&first) else {
                    return Err(type_err(name, &first));
                };
                Value::Float(match name {
                    "ceil" => x.ceil(),
                    "floor" => x.floor(),
                    "round" => {
                        // Half away from zero? The reference rounds half up (towards +inf).
                        (x + 0.5).floor()
                    }
                    "sqrt" => x.sqrt(),
                    "exp" => x.exp(),
                    "log" => x.ln(),
                    "log10" => x.log10(),
                    "sin" => x.sin(),
                    "cos" => x.cos(),
                    "tan" => x.tan(),
                    "asin" => x.asin(),
                    "acos" => x.acos(),
                    "atan" => x.atan(),
                    "degrees" => x.to_degrees(),
                    _ => x.to_radians(),
                })
            }
            "atan2" => match (float_of(&first), a.get(1).and_then(float_of)) {
                (Some(y), Some(x)) => Value::Float(y.atan2(x)),
                _ => Value::Null,
            },
            "pi" => Value::Float(std::f64::consts::PI),
            "e" => Value::Float(std::f64::consts::E),
            "rand" => Value::Float(pseudo_random()),
            "nullif" => {
                let b = a.get(1).cloned().unwrap_or(Value::Null);
                if first.equals(&b) == Some(true) {
                    Value::Null
                } else {
                    first
                }
            }
            "date" => match &first {
                Value::Null if a.is_empty() => Value::String(
                    chrono::Utc::now()
                        .date_naive()
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                Value::Null => Value::Null,
                Value::String(s) => {
                    let t = s.trim();
                    let d = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                        .or_else(|_| chrono::NaiveDate::parse_from_str(t, "%Y%m%d"))
                        .map_err(|_| {
                            QueryError::argument(format!("date() cannot parse '{t}' as YYYY-MM-DD"))
                        })?;
                    Value::String(d.format("%Y-%m-%d").to_string())
                }
                Value::Map(m) => {
                    let part = |k: &str, d: i64| match m.get(k) {
                        Some(Value::Int(i)) => *i,
                        _ => d,
                    };
                    let d = chrono::NaiveDate::from_ymd_opt(
                        part("year", 1970) as i32,
                        part("month", 1) as u32,
                        part("day", 1) as u32,
                    )
                    .ok_or_else(|| QueryError::argument("date() got an invalid date"))?;
                    Value::String(d.format("%Y-%m-%d").to_string())
                }
                other => return Err(type_err(name, other)),
            },
            _ => {
                return Err(QueryError::semantic(
                    SemanticKind::UnknownFunction,
                    format!("unknown function {name}()"),
                ));
            }
        })
    }
}

fn pseudo_random() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0x9e37_79b9_7f4a_7c15);
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}
