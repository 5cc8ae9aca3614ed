//! The typed syntax tree a query parses into.

use super::value::Value;

/// A whole statement: one or more single queries joined by UNION / UNION ALL.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub parts: Vec<SingleQuery>,
    /// For each join between `parts[i]` and `parts[i + 1]`: true for UNION ALL.
    pub union_all: Vec<bool>,
    /// `EXPLAIN ...`: describe the plan instead of running the query.
    pub explain: bool,
}

/// A sequence of clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct SingleQuery {
    pub clauses: Vec<Clause>,
}

/// One clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Clause {
    Match {
        optional: bool,
        pattern: Vec<PatternPart>,
        filter: Option<Expr>,
    },
    Unwind {
        expr: Expr,
        var: String,
    },
    With {
        proj: Projection,
        filter: Option<Expr>,
    },
    Return(Projection),
    Create(Vec<PatternPart>),
    Merge {
        part: PatternPart,
        on_match: Vec<SetItem>,
        on_create: Vec<SetItem>,
    },
    Set(Vec<SetItem>),
    Remove(Vec<RemoveItem>),
    Delete {
        detach: bool,
        exprs: Vec<Expr>,
    },
    Call {
        name: String,
    },
}

/// The body of WITH / RETURN.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Projection {
    pub distinct: bool,
    /// `*`: every variable in scope.
    pub star: bool,
    pub items: Vec<ProjItem>,
    pub order: Vec<SortItem>,
    pub skip: Option<Expr>,
    pub limit: Option<Expr>,
}

/// One projected expression and its column name.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjItem {
    pub expr: Expr,
    /// The alias, or the expression's text when there is none.
    pub name: String,
    pub aliased: bool,
}

/// One ORDER BY key.
#[derive(Debug, Clone, PartialEq)]
pub struct SortItem {
    pub expr: Expr,
    pub desc: bool,
}

/// One SET item.
#[derive(Debug, Clone, PartialEq)]
pub enum SetItem {
    /// `target.key = value`
    Property {
        target: Expr,
        key: String,
        value: Expr,
    },
    /// `n = {map}`
    Replace { var: String, value: Expr },
    /// `n += {map}`
    Merge { var: String, value: Expr },
    /// `n:A:B`
    Labels { var: String, labels: Vec<String> },
}

/// One REMOVE item.
#[derive(Debug, Clone, PartialEq)]
pub enum RemoveItem {
    Property { target: Expr, key: String },
    Labels { var: String, labels: Vec<String> },
}

/// Which shortest-path function wraps a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortest {
    One,
    All,
}

/// A comma-separated part of a pattern, optionally named (`p = ...`).
#[derive(Debug, Clone, PartialEq)]
pub struct PatternPart {
    pub var: Option<String>,
    pub shortest: Option<Shortest>,
    pub element: PatternElement,
}

/// A node followed by (relationship, node) steps.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternElement {
    pub start: NodePattern,
    pub chain: Vec<(RelPattern, NodePattern)>,
}

/// `(var:Label {props})`
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NodePattern {
    pub var: Option<String>,
    pub labels: Vec<String>,
    pub props: Option<Expr>,
}

/// Direction of a relationship pattern, as written left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// `-->`
    Right,
    /// `<--`
    Left,
    /// `--` (or `<-->`)
    Both,
}

/// `-[var:T1|T2*min..max {props}]->`
#[derive(Debug, Clone, PartialEq)]
pub struct RelPattern {
    pub var: Option<String>,
    pub types: Vec<String>,
    pub dir: Dir,
    /// Variable length: (min, max); `None` bounds mean the defaults.
    pub range: Option<(Option<u64>, Option<u64>)>,
    pub props: Option<Expr>,
}

/// One entry of a map projection.
#[derive(Debug, Clone, PartialEq)]
pub enum MapItem {
    /// `.*`: every property.
    All,
    /// `.key`
    Prop(String),
    /// `key: expr`
    Literal(String, Expr),
    /// `var`: the variable under its own name.
    Var(String),
}

/// Binary operators (comparisons are in [`CmpOp`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    Xor,
    And,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    Regex,
    StartsWith,
    EndsWith,
    Contains,
    In,
}

/// Comparison operators (they chain: `a < b < c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Neq,
    Lt,
    Gt,
    Le,
    Ge,
}

/// Prefix operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Not,
    Neg,
    Pos,
}

/// List quantifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quant {
    All,
    Any,
    None,
    Single,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Lit(Value),
    /// An integer literal too large for i64 (valid only as the operand of unary minus).
    BigInt(String),
    Param(String),
    Var(String),
    List(Vec<Expr>),
    Map(Vec<(String, Expr)>),
    Prop(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    HasLabels(Box<Expr>, Vec<String>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// A parenthesised comparison (so it does not chain with an outer one).
    Nested(Box<Expr>),
    IsNull(Box<Expr>, bool),
    CountStar,
    Func {
        name: String,
        distinct: bool,
        args: Vec<Expr>,
    },
    Case {
        subject: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        otherwise: Option<Box<Expr>>,
    },
    ListComp {
        var: String,
        list: Box<Expr>,
        pred: Option<Box<Expr>>,
        map: Option<Box<Expr>>,
    },
    PatternComp {
        path_var: Option<String>,
        pattern: Box<PatternElement>,
        pred: Option<Box<Expr>>,
        map: Box<Expr>,
    },
    Quantifier {
        kind: Quant,
        var: String,
        list: Box<Expr>,
        pred: Option<Box<Expr>>,
    },
    Reduce {
        acc: String,
        init: Box<Expr>,
        var: String,
        list: Box<Expr>,
        expr: Box<Expr>,
    },
    /// `EXISTS { pattern WHERE ... }`
    Exists {
        pattern: Vec<PatternPart>,
        filter: Option<Box<Expr>>,
    },
    /// `EXISTS { MATCH ... RETURN ... }`: a read-only subquery that yields at least one row.
    ExistsQuery(Box<SingleQuery>),
    /// `COUNT { ... }`: the number of rows a read-only subquery yields.
    CountQuery(Box<SingleQuery>),
    /// A pattern used as a predicate (or, with shortestPath, as a path value).
    PatternPred(Box<PatternElement>),
    ShortestPath(Box<PatternPart>),
    /// `n {.name, .*, key: expr, var}`
    MapProjection(String, Vec<MapItem>),
    /// Internal: the value of the n-th aggregate of a projection.
    AggRef(usize),
}

impl Expr {
    /// Calls `f` on this expression and every sub-expression (not descending into patterns' maps).
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::List(v) => v.iter().for_each(|e| e.walk(f)),
            Expr::Map(m) => m.iter().for_each(|(_, e)| e.walk(f)),
            Expr::Prop(e, _) | Expr::HasLabels(e, _) | Expr::Unary(_, e) | Expr::Nested(e) => {
                e.walk(f)
            }
            Expr::IsNull(e, _) => e.walk(f),
            Expr::Index(a, b) | Expr::Binary(_, a, b) => {
                a.walk(f);
                b.walk(f);
            }
            Expr::Slice(a, b, c) => {
                a.walk(f);
                if let Some(b) = b {
                    b.walk(f);
                }
                if let Some(c) = c {
                    c.walk(f);
                }
            }
            Expr::Compare(a, rest) => {
                a.walk(f);
                rest.iter().for_each(|(_, e)| e.walk(f));
            }
            Expr::Func { args, .. } => args.iter().for_each(|e| e.walk(f)),
            Expr::Case {
                subject,
                whens,
                otherwise,
            } => {
                if let Some(s) = subject {
                    s.walk(f);
                }
                for (a, b) in whens {
                    a.walk(f);
                    b.walk(f);
                }
                if let Some(o) = otherwise {
                    o.walk(f);
                }
            }
            Expr::ListComp {
                list, pred, map, ..
            } => {
                list.walk(f);
                if let Some(p) = pred {
                    p.walk(f);
                }
                if let Some(m) = map {
                    m.walk(f);
                }
            }
            Expr::PatternComp { pred, map, .. } => {
                if let Some(p) = pred {
                    p.walk(f);
                }
                map.walk(f);
            }
            Expr::Quantifier { list, pred, .. } => {
                list.walk(f);
                if let Some(p) = pred {
                    p.walk(f);
                }
            }
            Expr::Reduce {
                init, list, expr, ..
            } => {
                init.walk(f);
                list.walk(f);
                expr.walk(f);
            }
            Expr::Exists {
                filter: Some(p), ..
            } => p.walk(f),
            Expr::MapProjection(_, items) => {
                for it in items {
                    if let MapItem::Literal(_, e) = it {
                        e.walk(f);
                    }
                }
            }
            _ => {}
        }
    }

    /// True when the expression contains an aggregate function call (outside nested scopes of
    /// its own, such as list comprehensions, which are still searched).
    pub fn has_aggregate(&self) -> bool {
        let mut found = false;
        self.walk(&mut |e| {
            if is_aggregate(e) {
                found = true;
            }
        });
        found
    }
}

/// Rebuilds `e` with `f` applied to its direct sub-expressions.
pub fn map_children(e: &Expr, f: &mut dyn FnMut(&Expr) -> Expr) -> Expr {
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
        Expr::MapProjection(v, items) => Expr::MapProjection(
            v.clone(),
            items
                .iter()
                .map(|it| match it {
                    MapItem::Literal(k, x) => MapItem::Literal(k.clone(), f(x)),
                    other => other.clone(),
                })
                .collect(),
        ),
        Expr::ListComp {
            var,
            list,
            pred,
            map,
        } => Expr::ListComp {
            var: var.clone(),
            list: b(list, f),
            pred: pred.clone(),
            map: map.clone(),
        },
        Expr::Quantifier {
            kind,
            var,
            list,
            pred,
        } => Expr::Quantifier {
            kind: *kind,
            var: var.clone(),
            list: b(list, f),
            pred: pred.clone(),
        },
        Expr::Reduce {
            acc,
            init,
            var,
            list,
            expr,
        } => Expr::Reduce {
            acc: acc.clone(),
            init: b(init, f),
            var: var.clone(),
            list: b(list, f),
            expr: expr.clone(),
        },
        other => other.clone(),
    }
}

/// Replaces every aggregate call in `e` with `with`.
pub fn strip_aggregates(e: &Expr, with: &Expr) -> Expr {
    if is_aggregate(e) {
        return with.clone();
    }
    map_children(e, &mut |c| strip_aggregates(c, with))
}

/// Names of the aggregate functions.
pub const AGGREGATES: &[&str] = &[
    "count",
    "collect",
    "sum",
    "avg",
    "min",
    "max",
    "stdev",
    "stdevp",
    "percentilecont",
    "percentiledisc",
];

/// True for `count(*)` and calls of aggregate functions.
pub fn is_aggregate(e: &Expr) -> bool {
    match e {
        Expr::CountStar => true,
        Expr::Func { name, .. } => AGGREGATES.contains(&name.as_str()),
        _ => false,
    }
}
