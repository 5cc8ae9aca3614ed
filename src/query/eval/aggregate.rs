//! Aggregate functions: count, collect, sum, avg, min, max, stdev, percentiles.

use super::R;
use crate::query::error::QueryError;
use crate::query::value::{OrdValue, Value};
use std::cmp::Ordering;
use std::collections::BTreeSet;

/// The running state of one aggregate in one group.
#[derive(Debug, Clone)]
pub struct Acc {
    name: String,
    distinct: bool,
    seen: BTreeSet<OrdValue>,
    /// The nodes and relationships a DISTINCT aggregate has counted, by id (hashing an id is
    /// cheaper than ordering values: `count(DISTINCT m)` over a whole graph sees every node).
    seen_ids: foldhash::HashSet<(bool, u32)>,
    values: Vec<Value>,
    count: i64,
    /// The percentile argument (from the first row).
    pub param: Option<Value>,
}

impl Acc {
    /// A fresh accumulator for function `name` (`count(*)` is `"count*"`).
    pub fn new(name: &str, distinct: bool) -> Self {
        Acc {
            name: name.to_string(),
            distinct,
            seen: BTreeSet::new(),
            seen_ids: Default::default(),
            values: Vec::new(),
            count: 0,
            param: None,
        }
    }

    /// Adds one input value (nulls are ignored, except by count(*)).
    pub fn add(&mut self, v: Value) {
        if self.name == "count*" {
            self.count += 1;
            return;
        }
        if v.is_null() {
            return;
        }
        if self.distinct {
            let new = match &v {
                Value::Node(n) => self.seen_ids.insert((false, n.index() as u32)),
                Value::Rel(r) => self.seen_ids.insert((true, r.index() as u32)),
                other => self.seen.insert(OrdValue(other.clone())),
            };
            if !new {
                return;
            }
        }
        self.count += 1;
        if self.name != "count" {
            self.values.push(v);
        }
    }

    /// The aggregate's value.
    pub fn finish(self) -> R<Value> {
        let vals = self.values;
        Ok(match self.name.as_str() {
            "count" | "count*" => Value::Int(self.count),
            "collect" => Value::List(vals),
            "sum" => {
                let mut int: i64 = 0;
                let mut float = 0.0;
                let mut is_float = false;
                for v in &vals {
                    match v {
                        Value::Int(i) => {
                            int = int.checked_add(*i).ok_or_else(|| {
                                QueryError::runtime(
                                    crate::query::error::RuntimeKind::Overflow,
                                    "integer overflow in sum()",
                                )
                            })?
                        }
                        Value::Float(f) => {
                            is_float = true;
                            float += f
                        }
                        other => {
                            return Err(QueryError::type_error(format!(
                                "sum() needs numbers, got {}",
                                other.type_name()
                            )));
                        }
                    }
                }
                if is_float {
                    Value::Float(float + int as f64)
                } else {
                    Value::Int(int)
                }
            }
            "avg" => {
                if vals.is_empty() {
                    return Ok(Value::Null);
                }
                let nums = numbers("avg", &vals)?;
                Value::Float(nums.iter().sum::<f64>() / nums.len() as f64)
            }
            "min" | "max" => {
                let want = if self.name == "min" {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                let mut best: Option<Value> = None;
                for v in vals {
                    best = match best {
                        None => Some(v),
                        Some(b) => {
                            let o = min_max_order(&v, &b);
                            if o == want { Some(v) } else { Some(b) }
                        }
                    };
                }
                best.unwrap_or(Value::Null)
            }
            "stdev" | "stdevp" => {
                let nums = numbers(&self.name, &vals)?;
                let n = nums.len() as f64;
                let denom = if self.name == "stdev" { n - 1.0 } else { n };
                if denom <= 0.0 {
                    return Ok(Value::Float(0.0));
                }
                let mean = nums.iter().sum::<f64>() / n;
                let var = nums.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / denom;
                Value::Float(var.sqrt())
            }
            "percentilecont" | "percentiledisc" => {
                let p = match self.param {
                    Some(Value::Int(i)) => i as f64,
                    Some(Value::Float(f)) => f,
                    Some(Value::Null) | None => return Ok(Value::Null),
                    Some(other) => {
                        return Err(QueryError::type_error(format!(
                            "percentile must be a number, got {}",
                            other.type_name()
                        )));
                    }
                };
                if !(0.0..=1.0).contains(&p) {
                    return Err(QueryError::argument(
                        "percentile must be between 0.0 and 1.0",
                    ));
                }
                if vals.is_empty() {
                    return Ok(Value::Null);
                }
                let mut sorted = vals.clone();
                sorted.sort_by(|a, b| a.order(b));
                let n = sorted.len();
                if self.name == "percentiledisc" {
                    let idx = if p == 0.0 {
                        0
                    } else {
                        ((p * n as f64).ceil() as usize).saturating_sub(1)
                    };
                    sorted.get(idx.min(n - 1)).cloned().unwrap_or(Value::Null)
                } else {
                    let nums = numbers(&self.name, &sorted)?;
                    let pos = p * (n as f64 - 1.0);
                    let lo = pos.floor() as usize;
                    let hi = pos.ceil() as usize;
                    let (a, b) = (nums[lo.min(n - 1)], nums[hi.min(n - 1)]);
                    Value::Float(a + (b - a) * (pos - lo as f64))
                }
            }
            other => {
                return Err(QueryError::semantic(
                    crate::query::error::SemanticKind::UnknownFunction,
                    format!("unknown aggregate {other}()"),
                ));
            }
        })
    }
}

/// min/max order: comparable values by value, otherwise by the orderability ranking.
fn min_max_order(a: &Value, b: &Value) -> Ordering {
    a.compare(b).unwrap_or_else(|| a.order(b))
}

fn numbers(f: &str, vals: &[Value]) -> R<Vec<f64>> {
    vals.iter()
        .map(|v| match v {
            Value::Int(i) => Ok(*i as f64),
            Value::Float(x) => Ok(*x),
            other => Err(QueryError::type_error(format!(
                "{f}() needs numbers, got {}",
                other.type_name()
            ))),
        })
        .collect()
}
