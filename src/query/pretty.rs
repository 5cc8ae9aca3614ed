//! AST → openCypher text: `Display` for [`Query`] and its parts, so that the printed text parses
//! back to an equal syntax tree.
//!
//! Sub-expressions are parenthesised only where the parser's precedence needs it. Three things
//! cannot be reproduced from text and are documented rather than faked:
//! - the column name of an unaliased projection item is its source text, so after a round trip
//!   it is the printed text (spacing may differ);
//! - a comparison can only be parenthesised as [`Expr::Nested`], so a bare [`Expr::Compare`] in a
//!   position that needs brackets (which the parser never produces) comes back nested;
//! - values without a literal form (non-finite floats, graph elements, [`Expr::AggRef`]) are
//!   printed as an equivalent expression or a comment and do not parse back to the same tree.
//!
//! Forms that the parser never produces, such as an `EXISTS { ... }` subquery made of a single
//! plain MATCH (it parses as [`Expr::Exists`]), are printed as written but read back in the
//! parser's form.

use super::ast::*;
use super::parse::RESERVED;
use super::value::Value;
use std::fmt::{self, Display, Formatter, Write};

/// Binding strength of an expression's top operator, weakest first (the parser's Pratt table).
const OR: u8 = 1;
const XOR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const STR: u8 = 6;
const ADD: u8 = 7;
const MUL: u8 = 8;
const POW: u8 = 9;
const UNARY: u8 = 10;
const POSTFIX: u8 = 11;
const ATOM: u8 = 12;

/// Quantifier keywords: a call of a function with one of these names must not read as one.
const QUANTIFIERS: &[&str] = &["all", "any", "none", "single"];

/// A name (label, type, key) as written: plain when it is a simple identifier, else backticked.
struct Name<'a>(&'a str);

/// A variable: like [`Name`], and also backticked when it is a reserved word.
struct Var<'a>(&'a str);

fn is_plain(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn write_backticked(f: &mut Formatter, s: &str) -> fmt::Result {
    write!(f, "`{}`", s.replace('`', "``"))
}

impl Display for Name<'_> {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        if is_plain(self.0) {
            f.write_str(self.0)
        } else {
            write_backticked(f, self.0)
        }
    }
}

impl Display for Var<'_> {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        if is_plain(self.0) && !RESERVED.contains(&self.0.to_ascii_lowercase().as_str()) {
            f.write_str(self.0)
        } else {
            write_backticked(f, self.0)
        }
    }
}

/// A string literal in single quotes with the escapes the parser understands.
fn write_string(f: &mut Formatter, s: &str) -> fmt::Result {
    f.write_char('\'')?;
    for c in s.chars() {
        match c {
            '\'' => f.write_str("\\'")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            '\u{8}' => f.write_str("\\b")?,
            '\u{c}' => f.write_str("\\f")?,
            c if c.is_control() => {
                let n = u32::from(c);
                if n <= 0xFFFF {
                    write!(f, "\\u{n:04X}")?
                } else {
                    write!(f, "\\U{n:08X}")?
                }
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('\'')
}

/// A float in the shortest form that reads back as the same number (`1.0`, `1e300`).
fn write_float(f: &mut Formatter, x: f64) -> fmt::Result {
    if x.is_nan() {
        f.write_str("(0.0 / 0.0)")
    } else if x.is_infinite() {
        f.write_str(if x > 0.0 {
            "(1.0 / 0.0)"
        } else {
            "(-1.0 / 0.0)"
        })
    } else {
        write!(f, "{x:?}")
    }
}

fn write_value(f: &mut Formatter, v: &Value) -> fmt::Result {
    match v {
        Value::Null => f.write_str("null"),
        Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
        Value::Int(i) => write!(f, "{i}"),
        Value::Float(x) => write_float(f, *x),
        Value::String(s) => write_string(f, s),
        Value::List(items) => {
            f.write_char('[')?;
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_value(f, x)?;
            }
            f.write_char(']')
        }
        Value::Map(m) => {
            f.write_char('{')?;
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{}: ", Name(k))?;
                write_value(f, x)?;
            }
            f.write_char('}')
        }
        Value::Node(_) | Value::Rel(_) | Value::Path { .. } => {
            write!(f, "/* {} value */", v.type_name())
        }
    }
}

fn bin_op(op: BinOp) -> (&'static str, u8) {
    match op {
        BinOp::Or => ("OR", OR),
        BinOp::Xor => ("XOR", XOR),
        BinOp::And => ("AND", AND),
        BinOp::Add => ("+", ADD),
        BinOp::Sub => ("-", ADD),
        BinOp::Mul => ("*", MUL),
        BinOp::Div => ("/", MUL),
        BinOp::Mod => ("%", MUL),
        BinOp::Pow => ("^", POW),
        BinOp::Regex => ("=~", STR),
        BinOp::StartsWith => ("STARTS WITH", STR),
        BinOp::EndsWith => ("ENDS WITH", STR),
        BinOp::Contains => ("CONTAINS", STR),
        BinOp::In => ("IN", STR),
    }
}

fn cmp_op(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "=",
        CmpOp::Neq => "<>",
        CmpOp::Lt => "<",
        CmpOp::Gt => ">",
        CmpOp::Le => "<=",
        CmpOp::Ge => ">=",
    }
}

/// How tightly `e`'s printed form binds.
fn level(e: &Expr) -> u8 {
    match e {
        Expr::Lit(Value::Int(i)) if *i < 0 => UNARY,
        Expr::Lit(Value::Float(x)) if x.is_sign_negative() || !x.is_finite() => UNARY,
        Expr::Binary(op, ..) => bin_op(*op).1,
        Expr::Compare(..) => CMP,
        Expr::Unary(UnOp::Not, _) => NOT,
        Expr::Unary(..) => UNARY,
        Expr::IsNull(..) => STR,
        Expr::Prop(..) | Expr::Index(..) | Expr::Slice(..) | Expr::HasLabels(..) => POSTFIX,
        _ => ATOM,
    }
}

/// Writes `e` so that it parses back as one operand binding at least as tightly as `min`.
/// `lead` is set when the text must not start with `variable IN` (the first element of a
/// one-element list, or the first argument of `all(...)`, would read as a comprehension).
fn write_expr(f: &mut Formatter, e: &Expr, min: u8, lead: bool) -> fmt::Result {
    let leading_in =
        lead && matches!(e, Expr::Binary(BinOp::In, l, _) if matches!(**l, Expr::Var(_)));
    if level(e) < min || leading_in {
        f.write_char('(')?;
        write_expr(f, e, 0, false)?;
        return f.write_char(')');
    }
    match e {
        Expr::Lit(v) => write_value(f, v),
        Expr::BigInt(s) => f.write_str(s),
        Expr::Param(p) => write!(f, "${p}"),
        Expr::Var(v) => write!(f, "{}", Var(v)),
        Expr::List(items) => {
            f.write_char('[')?;
            let single = items.len() == 1;
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_expr(f, x, 0, single)?;
            }
            f.write_char(']')
        }
        Expr::Map(entries) => {
            f.write_char('{')?;
            for (i, (k, x)) in entries.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{}: ", Name(k))?;
                write_expr(f, x, 0, false)?;
            }
            f.write_char('}')
        }
        Expr::Prop(x, k) => {
            write_expr(f, x, POSTFIX, lead)?;
            write!(f, ".{}", Name(k))
        }
        Expr::Index(x, i) => {
            write_expr(f, x, POSTFIX, lead)?;
            f.write_char('[')?;
            write_expr(f, i, 0, false)?;
            f.write_char(']')
        }
        Expr::Slice(x, from, to) => {
            write_expr(f, x, POSTFIX, lead)?;
            f.write_char('[')?;
            if let Some(a) = from {
                write_expr(f, a, 0, false)?;
            }
            f.write_str("..")?;
            if let Some(b) = to {
                write_expr(f, b, 0, false)?;
            }
            f.write_char(']')
        }
        Expr::HasLabels(x, labels) => {
            if let Expr::HasLabels(..) = **x {
                // `(n:A):B` is two checks; without brackets it would read as one.
                write!(f, "({x})")?;
            } else {
                write_expr(f, x, POSTFIX, lead)?;
            }
            write_labels(f, labels)
        }
        Expr::Unary(op, x) => {
            let (text, lvl) = match op {
                UnOp::Not => ("NOT ", NOT),
                UnOp::Neg => ("-", UNARY),
                UnOp::Pos => ("+", UNARY),
            };
            f.write_str(text)?;
            write_expr(f, x, lvl, false)
        }
        Expr::Binary(op, l, r) => {
            let (text, lvl) = bin_op(*op);
            write_expr(f, l, lvl, lead)?;
            write!(f, " {text} ")?;
            write_expr(f, r, lvl + 1, false)
        }
        Expr::Compare(first, rest) => {
            write_expr(f, first, STR, lead)?;
            for (op, x) in rest {
                write!(f, " {} ", cmp_op(*op))?;
                write_expr(f, x, STR, false)?;
            }
            Ok(())
        }
        Expr::Nested(x) => {
            f.write_char('(')?;
            write_expr(f, x, 0, false)?;
            f.write_char(')')
        }
        Expr::IsNull(x, not) => {
            write_expr(f, x, STR, lead)?;
            f.write_str(if *not { " IS NOT NULL" } else { " IS NULL" })
        }
        Expr::CountStar => f.write_str("count(*)"),
        Expr::Func {
            name,
            distinct,
            args,
        } => {
            write!(f, "{name}(")?;
            if *distinct {
                f.write_str("DISTINCT ")?;
            }
            let quantifier = QUANTIFIERS.contains(&name.as_str());
            for (i, x) in args.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write_expr(f, x, 0, quantifier && i == 0)?;
            }
            f.write_char(')')
        }
        Expr::Case {
            subject,
            whens,
            otherwise,
        } => {
            f.write_str("CASE")?;
            if let Some(s) = subject {
                write!(f, " {s}")?;
            }
            for (w, t) in whens {
                write!(f, " WHEN {w} THEN {t}")?;
            }
            if let Some(o) = otherwise {
                write!(f, " ELSE {o}")?;
            }
            f.write_str(" END")
        }
        Expr::ListComp {
            var,
            list,
            pred,
            map,
        } => {
            write!(f, "[{} IN {list}", Var(var))?;
            if let Some(p) = pred {
                write!(f, " WHERE {p}")?;
            }
            if let Some(m) = map {
                write!(f, " | {m}")?;
            }
            f.write_char(']')
        }
        Expr::PatternComp {
            path_var,
            pattern,
            pred,
            map,
        } => {
            f.write_char('[')?;
            if let Some(p) = path_var {
                write!(f, "{} = ", Var(p))?;
            }
            write!(f, "{pattern}")?;
            if let Some(p) = pred {
                write!(f, " WHERE {p}")?;
            }
            write!(f, " | {map}]")
        }
        Expr::Quantifier {
            kind,
            var,
            list,
            pred,
        } => {
            let kw = match kind {
                Quant::All => "all",
                Quant::Any => "any",
                Quant::None => "none",
                Quant::Single => "single",
            };
            write!(f, "{kw}({} IN {list}", Var(var))?;
            if let Some(p) = pred {
                write!(f, " WHERE {p}")?;
            }
            f.write_char(')')
        }
        Expr::Reduce {
            acc,
            init,
            var,
            list,
            expr,
        } => write!(
            f,
            "reduce({} = {init}, {} IN {list} | {expr})",
            Var(acc),
            Var(var)
        ),
        Expr::Exists { pattern, filter } => {
            f.write_str("EXISTS { MATCH ")?;
            write_pattern(f, pattern)?;
            if let Some(w) = filter {
                write!(f, " WHERE {w}")?;
            }
            f.write_str(" }")
        }
        Expr::ExistsQuery(q) => write!(f, "EXISTS {{ {q} }}"),
        Expr::CountQuery(q) => write!(f, "COUNT {{ {q} }}"),
        Expr::PatternPred(p) => write!(f, "{p}"),
        Expr::ShortestPath(part) => write_shortest(f, part.shortest, &part.element),
        Expr::MapProjection(var, items) => {
            write!(f, "{} {{", Var(var))?;
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                match it {
                    MapItem::All => f.write_str(".*")?,
                    MapItem::Prop(k) => write!(f, ".{}", Name(k))?,
                    MapItem::Literal(k, x) => write!(f, "{}: {x}", Name(k))?,
                    MapItem::Var(v) => write!(f, "{}", Var(v))?,
                }
            }
            f.write_char('}')
        }
        Expr::AggRef(n) => write!(f, "/* aggregate {n} */"),
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        write_expr(f, self, 0, false)
    }
}

fn write_labels(f: &mut Formatter, labels: &[String]) -> fmt::Result {
    for l in labels {
        write!(f, ":{}", Name(l))?;
    }
    Ok(())
}

fn write_shortest(f: &mut Formatter, s: Option<Shortest>, e: &PatternElement) -> fmt::Result {
    match s {
        Some(Shortest::All) => write!(f, "allShortestPaths({e})"),
        _ => write!(f, "shortestPath({e})"),
    }
}

fn write_pattern(f: &mut Formatter, parts: &[PatternPart]) -> fmt::Result {
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{p}")?;
    }
    Ok(())
}

impl Display for NodePattern {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        f.write_char('(')?;
        if let Some(v) = &self.var {
            write!(f, "{}", Var(v))?;
        }
        write_labels(f, &self.labels)?;
        if let Some(p) = &self.props {
            if self.var.is_some() || !self.labels.is_empty() {
                f.write_char(' ')?;
            }
            write!(f, "{p}")?;
        }
        f.write_char(')')
    }
}

impl Display for RelPattern {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        f.write_str(if self.dir == Dir::Left { "<-" } else { "-" })?;
        let detailed = self.var.is_some()
            || !self.types.is_empty()
            || self.range.is_some()
            || self.props.is_some();
        if detailed {
            f.write_char('[')?;
            if let Some(v) = &self.var {
                write!(f, "{}", Var(v))?;
            }
            for (i, t) in self.types.iter().enumerate() {
                f.write_str(if i == 0 { ":" } else { "|" })?;
                write!(f, "{}", Name(t))?;
            }
            if let Some((min, max)) = self.range {
                f.write_char('*')?;
                if let Some(a) = min {
                    write!(f, "{a}")?;
                }
                if min.is_some() || max.is_some() {
                    f.write_str("..")?;
                }
                if let Some(b) = max {
                    write!(f, "{b}")?;
                }
            }
            if let Some(p) = &self.props {
                write!(f, " {p}")?;
            }
            f.write_char(']')?;
        }
        f.write_str(if self.dir == Dir::Right { "->" } else { "-" })
    }
}

impl Display for PatternElement {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        write!(f, "{}", self.start)?;
        for (r, n) in &self.chain {
            write!(f, "{r}{n}")?;
        }
        Ok(())
    }
}

impl Display for PatternPart {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        if let Some(v) = &self.var {
            write!(f, "{} = ", Var(v))?;
        }
        match self.shortest {
            Some(s) => write_shortest(f, Some(s), &self.element),
            None => write!(f, "{}", self.element),
        }
    }
}

impl Display for SetItem {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        match self {
            SetItem::Property { target, key, value } => {
                write_property_target(f, target, key)?;
                write!(f, " = {value}")
            }
            SetItem::Replace { var, value } => write!(f, "{} = {value}", Var(var)),
            SetItem::Merge { var, value } => write!(f, "{} += {value}", Var(var)),
            SetItem::Labels { var, labels } => {
                write!(f, "{}", Var(var))?;
                write_labels(f, labels)
            }
        }
    }
}

impl Display for RemoveItem {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        match self {
            RemoveItem::Property { target, key } => write_property_target(f, target, key),
            RemoveItem::Labels { var, labels } => {
                write!(f, "{}", Var(var))?;
                write_labels(f, labels)
            }
        }
    }
}

/// `n.a.b.key` or `(expr).key`: the grammar's `property_target`, which folds a chain of keys
/// onto a variable or a parenthesised expression.
fn write_property_target(f: &mut Formatter, target: &Expr, key: &str) -> fmt::Result {
    let mut keys = vec![key];
    let mut base = target;
    while let Expr::Prop(inner, k) = base {
        keys.push(k);
        base = inner;
    }
    match base {
        Expr::Var(v) => write!(f, "{}", Var(v))?,
        other => write!(f, "({other})")?,
    }
    for k in keys.iter().rev() {
        write!(f, ".{}", Name(k))?;
    }
    Ok(())
}

impl Display for Projection {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        if self.distinct {
            f.write_str("DISTINCT ")?;
        }
        if self.star {
            f.write_char('*')?;
        }
        for (i, it) in self.items.iter().enumerate() {
            if i > 0 || self.star {
                f.write_str(", ")?;
            }
            write!(f, "{}", it.expr)?;
            if it.aliased {
                write!(f, " AS {}", Var(&it.name))?;
            }
        }
        for (i, s) in self.order.iter().enumerate() {
            f.write_str(if i == 0 { " ORDER BY " } else { ", " })?;
            write!(f, "{}", s.expr)?;
            if s.desc {
                f.write_str(" DESC")?;
            }
        }
        if let Some(s) = &self.skip {
            write!(f, " SKIP {s}")?;
        }
        if let Some(l) = &self.limit {
            write!(f, " LIMIT {l}")?;
        }
        Ok(())
    }
}

fn write_set_items(f: &mut Formatter, items: &[SetItem]) -> fmt::Result {
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{it}")?;
    }
    Ok(())
}

impl Display for Clause {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        match self {
            Clause::Match {
                optional,
                pattern,
                filter,
            } => {
                if *optional {
                    f.write_str("OPTIONAL ")?;
                }
                f.write_str("MATCH ")?;
                write_pattern(f, pattern)?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                Ok(())
            }
            Clause::Unwind { expr, var } => write!(f, "UNWIND {expr} AS {}", Var(var)),
            Clause::With { proj, filter } => {
                write!(f, "WITH {proj}")?;
                if let Some(w) = filter {
                    write!(f, " WHERE {w}")?;
                }
                Ok(())
            }
            Clause::Return(proj) => write!(f, "RETURN {proj}"),
            Clause::Create(pattern) => {
                f.write_str("CREATE ")?;
                write_pattern(f, pattern)
            }
            Clause::Merge {
                part,
                on_match,
                on_create,
            } => {
                write!(f, "MERGE {part}")?;
                if !on_match.is_empty() {
                    f.write_str(" ON MATCH SET ")?;
                    write_set_items(f, on_match)?;
                }
                if !on_create.is_empty() {
                    f.write_str(" ON CREATE SET ")?;
                    write_set_items(f, on_create)?;
                }
                Ok(())
            }
            Clause::Set(items) => {
                f.write_str("SET ")?;
                write_set_items(f, items)
            }
            Clause::Remove(items) => {
                f.write_str("REMOVE ")?;
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{it}")?;
                }
                Ok(())
            }
            Clause::Delete { detach, exprs } => {
                if *detach {
                    f.write_str("DETACH ")?;
                }
                f.write_str("DELETE ")?;
                for (i, x) in exprs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{x}")?;
                }
                Ok(())
            }
            Clause::Call { name } => write!(f, "CALL {name}()"),
        }
    }
}

/// Clauses on one line (the form used inside `EXISTS { ... }` and `COUNT { ... }`).
impl Display for SingleQuery {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

/// One clause a line, `UNION` on a line of its own.
impl Display for Query {
    fn fmt(&self, f: &mut Formatter) -> fmt::Result {
        if self.explain {
            f.write_str("EXPLAIN\n")?;
        }
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                let all = self.union_all.get(i - 1).copied().unwrap_or(false);
                f.write_str(if all { "\nUNION ALL\n" } else { "\nUNION\n" })?;
            }
            for (j, c) in part.clauses.iter().enumerate() {
                if j > 0 {
                    f.write_char('\n')?;
                }
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    fn roundtrip(src: &str) -> String {
        let q = crate::query::parse::parse(src).expect("test query parses");
        let text = q.to_string();
        let back = crate::query::parse::parse(&text).expect("printed query parses");
        assert_eq!(back.to_string(), text);
        text
    }

    #[test]
    fn precedence_is_kept_with_few_parentheses() {
        assert_eq!(
            roundtrip("RETURN (1 + 2) * 3 AS x, 1 + 2 * 3 AS y, -(2 ^ 2) AS z, (-2) ^ 2 AS w"),
            "RETURN (1 + 2) * 3 AS x, 1 + 2 * 3 AS y, -(2 ^ 2) AS z, -2 ^ 2 AS w"
        );
        assert_eq!(roundtrip("RETURN a - (b - c)"), "RETURN a - (b - c)");
        assert_eq!(roundtrip("RETURN a = NOT b = c"), "RETURN a = (NOT b = c)");
        assert_eq!(roundtrip("RETURN (a = b)"), "RETURN (a = b)");
        assert_eq!(roundtrip("RETURN (n:A):B, n:A:B"), "RETURN (n:A):B, n:A:B");
    }

    #[test]
    fn names_and_strings_are_quoted_when_needed() {
        assert_eq!(
            roundtrip("MATCH (`a b`:`x``y`) RETURN `match`.`end`, \"it's\""),
            "MATCH (`a b`:`x``y`)\nRETURN `match`.end, 'it\\'s'"
        );
        assert_eq!(
            roundtrip("RETURN 'a\\nb\\\\c\\u0001\"'"),
            "RETURN 'a\\nb\\\\c\\u0001\"'"
        );
    }

    #[test]
    fn a_lone_in_expression_in_a_list_stays_a_list() {
        assert_eq!(roundtrip("RETURN [(x IN l)]"), "RETURN [(x IN l)]");
        assert_eq!(roundtrip("RETURN [x IN l]"), "RETURN [x IN l]");
        assert_eq!(roundtrip("RETURN all((x IN l))"), "RETURN all((x IN l))");
    }
}
