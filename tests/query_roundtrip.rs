//! Pretty-printing a parsed query and parsing the text again gives the same syntax tree
//! (src/query/pretty.rs): a proptest property over generated query text, and every query of the
//! openCypher TCK (../shared/tck/features) and of the fuzz corpus (fuzz/corpus/query) that the
//! parser accepts.
//!
//! Trees are compared after one normalisation: the column name of an unaliased projection item
//! (other than a bare variable) is its source text, which printing respaces, so it is cleared.
//!
//! Run with `cargo test --release --test query_roundtrip -- --nocapture` to see the counts.

#[path = "common/tck_files.rs"]
mod tck_files;

use newsgraph::query::ast::*;
use newsgraph::query::parse;
use proptest::prelude::*;
use proptest::strategy::Union;
use proptest::test_runner::{Config, TestError, TestRunner};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use tck_files::{feature_files, prepare_feature_text, tck_dir};

// ------------------------------------------------------------------ the property

/// Prints `q`, reparses the text, and checks the trees agree and printing is stable.
fn check_roundtrip(q: &Query, source: &str) -> Result<(), String> {
    let printed = q.to_string();
    let back = parse(&printed).map_err(|e| {
        format!("printed text does not parse: {e}\nsource:  {source}\nprinted: {printed}")
    })?;
    let (mut a, mut b) = (q.clone(), back.clone());
    norm_query(&mut a);
    norm_query(&mut b);
    if a != b {
        return Err(format!(
            "trees differ\nsource:  {source}\nprinted: {printed}\nbefore:  {a:?}\nafter:   {b:?}"
        ));
    }
    let again = back.to_string();
    if again != printed {
        return Err(format!(
            "printing is not stable\nsource:  {source}\nprinted: {printed}\nagain:   {again}"
        ));
    }
    Ok(())
}

/// Runs `f` on a thread with a large stack: deep (but accepted) nesting must not overflow the
/// printer's or the comparison's recursion.
fn big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 * 1024 * 1024)
            .spawn_scoped(s, f)
            .expect("spawn test thread")
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
}

// ------------------------------------------------------------------ normalisation

fn norm_query(q: &mut Query) {
    q.parts.iter_mut().for_each(norm_single);
}

fn norm_single(q: &mut SingleQuery) {
    for c in &mut q.clauses {
        match c {
            Clause::Match {
                pattern, filter, ..
            } => {
                pattern.iter_mut().for_each(norm_part);
                filter.iter_mut().for_each(norm_expr);
            }
            Clause::Unwind { expr, .. } => norm_expr(expr),
            Clause::With { proj, filter } => {
                norm_proj(proj);
                filter.iter_mut().for_each(norm_expr);
            }
            Clause::Return(proj) => norm_proj(proj),
            Clause::Create(pattern) => pattern.iter_mut().for_each(norm_part),
            Clause::Merge {
                part,
                on_match,
                on_create,
            } => {
                norm_part(part);
                on_match.iter_mut().for_each(norm_set);
                on_create.iter_mut().for_each(norm_set);
            }
            Clause::Set(items) => items.iter_mut().for_each(norm_set),
            Clause::Remove(items) => {
                for it in items {
                    if let RemoveItem::Property { target, .. } = it {
                        norm_expr(target);
                    }
                }
            }
            Clause::Delete { exprs, .. } => exprs.iter_mut().for_each(norm_expr),
            Clause::Call { .. } => {}
        }
    }
}

fn norm_proj(p: &mut Projection) {
    for it in &mut p.items {
        norm_expr(&mut it.expr);
        if !it.aliased && !matches!(it.expr, Expr::Var(_)) {
            it.name.clear();
        }
    }
    for s in &mut p.order {
        norm_expr(&mut s.expr);
    }
    p.skip.iter_mut().for_each(norm_expr);
    p.limit.iter_mut().for_each(norm_expr);
}

fn norm_set(s: &mut SetItem) {
    match s {
        SetItem::Property { target, value, .. } => {
            norm_expr(target);
            norm_expr(value);
        }
        SetItem::Replace { value, .. } | SetItem::Merge { value, .. } => norm_expr(value),
        SetItem::Labels { .. } => {}
    }
}

fn norm_part(p: &mut PatternPart) {
    norm_element(&mut p.element);
}

fn norm_element(e: &mut PatternElement) {
    e.start.props.iter_mut().for_each(norm_expr);
    for (r, n) in &mut e.chain {
        r.props.iter_mut().for_each(norm_expr);
        n.props.iter_mut().for_each(norm_expr);
    }
}

fn norm_expr(e: &mut Expr) {
    match e {
        Expr::List(v) => v.iter_mut().for_each(norm_expr),
        Expr::Map(m) => m.iter_mut().for_each(|(_, x)| norm_expr(x)),
        Expr::Prop(x, _) | Expr::HasLabels(x, _) | Expr::Unary(_, x) | Expr::Nested(x) => {
            norm_expr(x)
        }
        Expr::IsNull(x, _) => norm_expr(x),
        Expr::Index(a, b) | Expr::Binary(_, a, b) => {
            norm_expr(a);
            norm_expr(b);
        }
        Expr::Slice(a, b, c) => {
            norm_expr(a);
            b.iter_mut().for_each(|x| norm_expr(x));
            c.iter_mut().for_each(|x| norm_expr(x));
        }
        Expr::Compare(a, rest) => {
            norm_expr(a);
            rest.iter_mut().for_each(|(_, x)| norm_expr(x));
        }
        Expr::Func { args, .. } => args.iter_mut().for_each(norm_expr),
        Expr::Case {
            subject,
            whens,
            otherwise,
        } => {
            subject.iter_mut().for_each(|x| norm_expr(x));
            for (a, b) in whens {
                norm_expr(a);
                norm_expr(b);
            }
            otherwise.iter_mut().for_each(|x| norm_expr(x));
        }
        Expr::ListComp {
            list, pred, map, ..
        } => {
            norm_expr(list);
            pred.iter_mut().for_each(|x| norm_expr(x));
            map.iter_mut().for_each(|x| norm_expr(x));
        }
        Expr::PatternComp {
            pattern, pred, map, ..
        } => {
            norm_element(pattern);
            pred.iter_mut().for_each(|x| norm_expr(x));
            norm_expr(map);
        }
        Expr::Quantifier { list, pred, .. } => {
            norm_expr(list);
            pred.iter_mut().for_each(|x| norm_expr(x));
        }
        Expr::Reduce {
            init, list, expr, ..
        } => {
            norm_expr(init);
            norm_expr(list);
            norm_expr(expr);
        }
        Expr::Exists { pattern, filter } => {
            pattern.iter_mut().for_each(norm_part);
            filter.iter_mut().for_each(|x| norm_expr(x));
        }
        Expr::ExistsQuery(q) | Expr::CountQuery(q) => norm_single(q),
        Expr::PatternPred(p) => norm_element(p),
        Expr::ShortestPath(p) => norm_part(p),
        Expr::MapProjection(_, items) => {
            for it in items {
                if let MapItem::Literal(_, x) = it {
                    norm_expr(x);
                }
            }
        }
        Expr::Lit(_)
        | Expr::BigInt(_)
        | Expr::Param(_)
        | Expr::Var(_)
        | Expr::CountStar
        | Expr::AggRef(_) => {}
    }
}

// ------------------------------------------------------------------ generated query text

type S = BoxedStrategy<String>;

fn pick(items: &[&'static str]) -> S {
    prop::sample::select(items.to_vec())
        .prop_map(String::from)
        .boxed()
}

fn one_of(arms: Vec<S>) -> S {
    Union::new(arms).boxed()
}

/// Variable names, some of which need backticks.
fn var() -> S {
    pick(&[
        "n", "m", "a", "b", "x", "_y", "x1", "`a b`", "`x``y`", "`match`", "`é`", "`1st`",
    ])
}

fn label() -> S {
    pick(&["Person", "L", "Match", "`Two Words`", "`a:b`", "End"])
}

fn key() -> S {
    pick(&["name", "x", "end", "count", "`odd key`", "`$`", "Y2"])
}

/// A string literal in either quote style, with escapes.
fn string_lit() -> S {
    (any::<String>(), any::<bool>())
        .prop_map(|(s, double)| {
            let q = if double { '"' } else { '\'' };
            let mut out = String::new();
            out.push(q);
            for c in s.chars().take(12) {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    c if c == q => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c) & 0xFF)),
                    c => out.push(c),
                }
            }
            out.push(q);
            out
        })
        .boxed()
}

fn number() -> S {
    one_of(vec![
        any::<i64>().prop_map(|i| i.to_string()).boxed(),
        (0u64..1000).prop_map(|i| i.to_string()).boxed(),
        any::<u32>().prop_map(|i| format!("0x{i:X}")).boxed(),
        (0u32..512).prop_map(|i| format!("0o{i:o}")).boxed(),
        Just("9223372036854775808".to_string()).boxed(),
        prop::num::f64::NORMAL
            .prop_map(|f| format!("{f:?}"))
            .boxed(),
        prop::num::f64::NORMAL
            .prop_map(|f| format!("{f:e}"))
            .boxed(),
        pick(&[
            "0.0",
            ".5",
            "1e3",
            "1E-3",
            "5e-324",
            "1.5e300",
            "-0.0",
            "0x8000000000000000",
            "-0x8000000000000000",
            "-9223372036854775808",
            "0777",
        ]),
    ])
}

fn leaf() -> S {
    one_of(vec![
        number(),
        string_lit(),
        pick(&[
            r#"'\b\f\r\t\n\\\'\"'"#,
            r#""\u00e9\U0001F600\u0000""#,
            "'line\nbreak'",
            "'\u{2028}'",
            "''",
        ]),
        pick(&["true", "FALSE", "null", "count(*)", "$p", "$0", "$`q r`"]),
        var(),
        var(),
    ])
}

fn range() -> S {
    pick(&["", "", "*", "*2", "*1..3", "*..3", "*2..", "*0..0"])
}

fn node(props: S) -> S {
    (
        prop::option::of(var()),
        prop::collection::vec(label(), 0..3),
        prop::option::of(props),
    )
        .prop_map(|(v, labels, props)| {
            let labels: String = labels.iter().map(|l| format!(":{l}")).collect();
            let props = props.map(|p| format!(" {p}")).unwrap_or_default();
            format!("({}{labels}{props})", v.unwrap_or_default())
        })
        .boxed()
}

fn rel(props: S) -> S {
    (
        0usize..4,
        prop::option::of(var()),
        prop::collection::vec(label(), 0..3),
        range(),
        prop::option::of(props),
        any::<bool>(),
    )
        .prop_map(|(dir, v, types, range, props, bare)| {
            let detail = if bare {
                String::new()
            } else {
                let types = if types.is_empty() {
                    String::new()
                } else {
                    format!(":{}", types.join("|"))
                };
                let props = props.map(|p| format!(" {p}")).unwrap_or_default();
                format!("[{}{types}{range}{props}]", v.unwrap_or_default())
            };
            match dir {
                0 => format!("-{detail}->"),
                1 => format!("<-{detail}-"),
                2 => format!("-{detail}-"),
                _ => format!("<-{detail}->"),
            }
        })
        .boxed()
}

/// A node followed by `min..4` relationship steps.
fn element(props: S, min: usize) -> S {
    (
        node(props.clone()),
        prop::collection::vec((rel(props.clone()), node(props)), min..4),
    )
        .prop_map(|(start, chain)| {
            let chain: String = chain.into_iter().map(|(r, n)| r + &n).collect();
            start + &chain
        })
        .boxed()
}

/// Property maps and parameters for patterns.
fn props(value: S) -> S {
    one_of(vec![
        prop::collection::vec((key(), value), 0..3)
            .prop_map(|kv| {
                let entries: Vec<String> =
                    kv.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{{}}}", entries.join(", "))
            })
            .boxed(),
        pick(&["$props", "$0"]),
    ])
}

fn pattern_part(props: S) -> S {
    (prop::option::of(var()), 0usize..4, element(props, 0))
        .prop_map(|(v, wrap, e)| {
            let e = match wrap {
                0 => format!("shortestPath({e})"),
                1 => format!("allShortestPaths({e})"),
                _ => e,
            };
            match v {
                Some(v) => format!("{v} = {e}"),
                None => e,
            }
        })
        .boxed()
}

fn pattern(props: S) -> S {
    prop::collection::vec(pattern_part(props), 1..3)
        .prop_map(|p| p.join(", "))
        .boxed()
}

fn comma(items: Vec<String>) -> String {
    items.join(", ")
}

/// Expressions of every form the grammar has, nested a few levels.
fn expr() -> S {
    leaf()
        .prop_recursive(4, 40, 3, |e| {
            let pprops = props(leaf());
            let ops = pick(&[
                "OR",
                "XOR",
                "AND",
                "=",
                "<>",
                "!=",
                "<",
                ">",
                "<=",
                ">=",
                "=~",
                "STARTS WITH",
                "ENDS WITH",
                "CONTAINS",
                "IN",
                "+",
                "-",
                "*",
                "/",
                "%",
                "^",
            ]);
            one_of(vec![
                (e.clone(), ops.clone(), e.clone())
                    .prop_map(|(a, op, b)| format!("{a} {op} {b}"))
                    .boxed(),
                (e.clone(), ops, e.clone())
                    .prop_map(|(a, op, b)| format!("({a} {op} {b})"))
                    .boxed(),
                (pick(&["NOT ", "-", "+", "not "]), e.clone())
                    .prop_map(|(op, a)| format!("{op}{a}"))
                    .boxed(),
                (e.clone(), key())
                    .prop_map(|(a, k)| format!("{a}.{k}"))
                    .boxed(),
                (e.clone(), e.clone())
                    .prop_map(|(a, i)| format!("{a}[{i}]"))
                    .boxed(),
                (
                    e.clone(),
                    prop::option::of(e.clone()),
                    prop::option::of(e.clone()),
                )
                    .prop_map(|(a, x, y)| {
                        format!("{a}[{}..{}]", x.unwrap_or_default(), y.unwrap_or_default())
                    })
                    .boxed(),
                (e.clone(), prop::collection::vec(label(), 1..3))
                    .prop_map(|(a, l)| format!("{a}:{}", l.join(":")))
                    .boxed(),
                (e.clone(), pick(&[" IS NULL", " IS NOT NULL"]))
                    .prop_map(|(a, s)| a + s.as_str())
                    .boxed(),
                e.clone().prop_map(|a| format!("({a})")).boxed(),
                // Membership tests, bracketed or not: `[x IN l]` and `all(x IN l)` are other forms.
                (var(), e.clone(), any::<bool>())
                    .prop_map(|(v, l, paren)| {
                        if paren {
                            format!("({v} IN {l})")
                        } else {
                            format!("{v} IN {l}")
                        }
                    })
                    .boxed(),
                // A chain of postfix operators, each applied to a possibly bracketed operand.
                (
                    e.clone(),
                    prop::collection::vec(
                        (
                            any::<bool>(),
                            one_of(vec![
                                key().prop_map(|k| format!(".{k}")).boxed(),
                                label().prop_map(|l| format!(":{l}")).boxed(),
                                e.clone().prop_map(|i| format!("[{i}]")).boxed(),
                                pick(&[" IS NULL", " IS NOT NULL", "[..]"]),
                            ]),
                        ),
                        1..4,
                    ),
                )
                    .prop_map(|(mut a, ops)| {
                        for (paren, op) in ops {
                            if paren {
                                a = format!("({a})");
                            }
                            a += &op;
                        }
                        a
                    })
                    .boxed(),
                prop::collection::vec(e.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", comma(v)))
                    .boxed(),
                prop::collection::vec((key(), e.clone()), 0..3)
                    .prop_map(|kv| {
                        let v = kv.into_iter().map(|(k, x)| format!("{k}: {x}")).collect();
                        format!("{{{}}}", comma(v))
                    })
                    .boxed(),
                (
                    pick(&[
                        "toUpper", "size", "coalesce", "count", "sum", "exists", "all", "any",
                        "db.x", "`f n`",
                    ]),
                    any::<bool>(),
                    prop::collection::vec(e.clone(), 0..3),
                )
                    .prop_map(|(f, d, args)| {
                        format!("{f}({}{})", if d { "DISTINCT " } else { "" }, comma(args))
                    })
                    .boxed(),
                (
                    prop::option::of(e.clone()),
                    prop::collection::vec((e.clone(), e.clone()), 1..3),
                    prop::option::of(e.clone()),
                )
                    .prop_map(|(s, whens, other)| {
                        let mut out = "CASE".to_string();
                        if let Some(s) = s {
                            out += &format!(" {s}");
                        }
                        for (w, t) in whens {
                            out += &format!(" WHEN {w} THEN {t}");
                        }
                        if let Some(o) = other {
                            out += &format!(" ELSE {o}");
                        }
                        out + " END"
                    })
                    .boxed(),
                (
                    var(),
                    e.clone(),
                    prop::option::of(e.clone()),
                    prop::option::of(e.clone()),
                )
                    .prop_map(|(v, l, w, m)| {
                        let w = w.map(|w| format!(" WHERE {w}")).unwrap_or_default();
                        let m = m.map(|m| format!(" | {m}")).unwrap_or_default();
                        format!("[{v} IN {l}{w}{m}]")
                    })
                    .boxed(),
                (
                    pick(&["all", "any", "none", "single", "ALL"]),
                    var(),
                    e.clone(),
                    prop::option::of(e.clone()),
                )
                    .prop_map(|(q, v, l, w)| {
                        let w = w.map(|w| format!(" WHERE {w}")).unwrap_or_default();
                        format!("{q}({v} IN {l}{w})")
                    })
                    .boxed(),
                (var(), e.clone(), var(), e.clone(), e.clone())
                    .prop_map(|(acc, init, v, l, x)| {
                        format!("reduce({acc} = {init}, {v} IN {l} | {x})")
                    })
                    .boxed(),
                (
                    var(),
                    prop::collection::vec(
                        one_of(vec![
                            Just(".*".to_string()).boxed(),
                            key().prop_map(|k| format!(".{k}")).boxed(),
                            (key(), e.clone())
                                .prop_map(|(k, x)| format!("{k}: {x}"))
                                .boxed(),
                            var(),
                        ]),
                        0..3,
                    ),
                )
                    .prop_map(|(v, items)| format!("{v} {{{}}}", comma(items)))
                    .boxed(),
                element(pprops.clone(), 1),
                (
                    prop::option::of(var()),
                    element(pprops.clone(), 1),
                    prop::option::of(e.clone()),
                    e.clone(),
                )
                    .prop_map(|(p, el, w, m)| {
                        let p = p.map(|p| format!("{p} = ")).unwrap_or_default();
                        let w = w.map(|w| format!(" WHERE {w}")).unwrap_or_default();
                        format!("[{p}{el}{w} | {m}]")
                    })
                    .boxed(),
                (
                    pick(&["EXISTS", "COUNT", "exists"]),
                    pick(&["", "MATCH ", "OPTIONAL MATCH "]),
                    pattern(pprops.clone()),
                    prop::option::of(e.clone()),
                    prop::option::of(e.clone()),
                )
                    .prop_map(|(kw, m, p, w, ret)| {
                        let w = w.map(|w| format!(" WHERE {w}")).unwrap_or_default();
                        // A bare pattern (no MATCH) cannot be followed by more clauses.
                        let ret = match ret {
                            Some(r) if !m.is_empty() => format!(" RETURN {r}"),
                            _ => String::new(),
                        };
                        format!("{kw} {{ {m}{p}{w}{ret} }}")
                    })
                    .boxed(),
                (
                    pick(&["shortestPath", "allShortestPaths"]),
                    element(pprops, 1),
                )
                    .prop_map(|(f, el)| format!("{f}({el})"))
                    .boxed(),
            ])
        })
        .boxed()
}

fn projection() -> S {
    let item = (expr(), prop::option::of(var()))
        .prop_map(|(e, a)| match a {
            Some(a) => format!("{e} AS {a}"),
            None => e,
        })
        .boxed();
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(item, 1..3),
        prop::collection::vec((expr(), pick(&["", " DESC", " ASC", " DESCENDING"])), 0..3),
        prop::option::of(expr()),
        prop::option::of(expr()),
    )
        .prop_map(|(distinct, star, items, order, skip, limit)| {
            let mut out = String::new();
            if distinct {
                out += "DISTINCT ";
            }
            out += &if star {
                format!("*, {}", comma(items))
            } else {
                comma(items)
            };
            if !order.is_empty() {
                let keys = order.into_iter().map(|(e, d)| e + d.as_str()).collect();
                out += &format!(" ORDER BY {}", comma(keys));
            }
            if let Some(s) = skip {
                out += &format!(" SKIP {s}");
            }
            if let Some(l) = limit {
                out += &format!(" LIMIT {l}");
            }
            out
        })
        .boxed()
}

fn set_item() -> S {
    one_of(vec![
        (var(), prop::collection::vec(key(), 1..3), expr())
            .prop_map(|(v, keys, x)| format!("{v}.{} = {x}", keys.join(".")))
            .boxed(),
        (expr(), key(), expr())
            .prop_map(|(t, k, x)| format!("({t}).{k} = {x}"))
            .boxed(),
        (var(), pick(&["=", "+="]), expr())
            .prop_map(|(v, op, x)| format!("{v} {op} {x}"))
            .boxed(),
        (var(), prop::collection::vec(label(), 1..3))
            .prop_map(|(v, l)| format!("{v}:{}", l.join(":")))
            .boxed(),
    ])
}

fn clause() -> S {
    let pprops = props(expr());
    one_of(vec![
        (
            any::<bool>(),
            pattern(pprops.clone()),
            prop::option::of(expr()),
        )
            .prop_map(|(opt, p, w)| {
                let w = w.map(|w| format!(" WHERE {w}")).unwrap_or_default();
                format!("{}MATCH {p}{w}", if opt { "OPTIONAL " } else { "" })
            })
            .boxed(),
        (expr(), var())
            .prop_map(|(e, v)| format!("UNWIND {e} AS {v}"))
            .boxed(),
        (projection(), prop::option::of(expr()))
            .prop_map(|(p, w)| {
                let w = w.map(|w| format!(" WHERE {w}")).unwrap_or_default();
                format!("WITH {p}{w}")
            })
            .boxed(),
        projection().prop_map(|p| format!("RETURN {p}")).boxed(),
        (pick(&["RETURN *", "WITH *"]), prop::option::of(expr()))
            .prop_map(|(c, x)| match x {
                Some(x) => format!("{c}, {x} AS z"),
                None => c.to_string(),
            })
            .boxed(),
        pattern(pprops.clone())
            .prop_map(|p| format!("CREATE {p}"))
            .boxed(),
        (
            pattern_part(pprops),
            prop::collection::vec(
                (
                    pick(&["ON MATCH", "ON CREATE"]),
                    prop::collection::vec(set_item(), 1..3),
                ),
                0..3,
            ),
        )
            .prop_map(|(p, actions)| {
                let actions: String = actions
                    .into_iter()
                    .map(|(on, items)| format!(" {on} SET {}", comma(items)))
                    .collect();
                format!("MERGE {p}{actions}")
            })
            .boxed(),
        prop::collection::vec(set_item(), 1..3)
            .prop_map(|items| format!("SET {}", comma(items)))
            .boxed(),
        prop::collection::vec(
            one_of(vec![
                (var(), prop::collection::vec(key(), 1..3))
                    .prop_map(|(v, k)| format!("{v}.{}", k.join(".")))
                    .boxed(),
                (var(), label())
                    .prop_map(|(v, l)| format!("{v}:{l}"))
                    .boxed(),
            ]),
            1..3,
        )
        .prop_map(|items| format!("REMOVE {}", comma(items)))
        .boxed(),
        (any::<bool>(), prop::collection::vec(expr(), 1..3))
            .prop_map(|(d, v)| format!("{}DELETE {}", if d { "DETACH " } else { "" }, comma(v)))
            .boxed(),
        pick(&["CALL db.labels()", "CALL db.relationshipTypes"]),
    ])
}

fn query_text() -> S {
    let single = prop::collection::vec(clause(), 1..4).prop_map(|c| c.join(" "));
    (
        any::<bool>(),
        single.clone(),
        prop::collection::vec((pick(&["UNION", "UNION ALL"]), single), 0..2),
        any::<bool>(),
    )
        .prop_map(|(explain, first, rest, semi)| {
            let mut out = if explain {
                "EXPLAIN ".to_string()
            } else {
                String::new()
            };
            out += &first;
            for (u, q) in rest {
                out += &format!(" {u} {q}");
            }
            if semi {
                out.push(';');
            }
            out
        })
        .boxed()
}

#[test]
fn printing_then_parsing_gives_the_same_tree() {
    big_stack(|| {
        let accepted = AtomicUsize::new(0);
        let rejected = AtomicUsize::new(0);
        let config = Config {
            failure_persistence: None,
            ..Config::default()
        };
        let cases = config.cases;
        let mut runner = TestRunner::new(config);
        let result = runner.run(&query_text(), |text| {
            let Ok(q) = parse(&text) else {
                rejected.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            };
            accepted.fetch_add(1, Ordering::Relaxed);
            check_roundtrip(&q, &text).map_err(TestCaseError::fail)
        });
        match result {
            Ok(()) => {}
            Err(TestError::Fail(why, text)) => panic!("round trip failed for {text}\n{why}"),
            Err(e) => panic!("{e}"),
        }
        let (ok, bad) = (
            accepted.load(Ordering::Relaxed),
            rejected.load(Ordering::Relaxed),
        );
        println!("proptest: {cases} cases, {ok} generated queries parsed, {bad} rejected");
        assert!(
            ok * 10 >= (ok + bad) * 9,
            "too many generated queries were rejected: {bad} of {}",
            ok + bad
        );
    });
}

// ------------------------------------------------------------------ TCK and fuzz corpus

/// Every query (step doc string) of a feature file, with scenario-outline examples filled in.
fn feature_queries(file: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let feature = gherkin::Feature::parse(prepare_feature_text(&text), Default::default())
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let background: Vec<gherkin::Step> = feature
        .background
        .as_ref()
        .map(|b| b.steps.clone())
        .unwrap_or_default();
    let mut out = Vec::new();
    for sc in &feature.scenarios {
        let docs: Vec<&String> = background
            .iter()
            .chain(sc.steps.iter())
            .filter_map(|s| s.docstring.as_ref())
            .collect();
        let mut rows: Vec<Vec<(String, String)>> = Vec::new();
        for ex in &sc.examples {
            let Some(table) = &ex.table else { continue };
            let Some(header) = table.rows.first() else {
                continue;
            };
            for row in &table.rows[1..] {
                rows.push(header.iter().cloned().zip(row.iter().cloned()).collect());
            }
        }
        if rows.is_empty() {
            rows.push(Vec::new());
        }
        for subs in &rows {
            for d in &docs {
                let mut q = d.to_string();
                for (k, v) in subs {
                    q = q.replace(&format!("<{k}>"), v);
                }
                out.push(q);
            }
        }
    }
    Ok(out)
}

/// Round-trips every query in `queries` the parser accepts; returns (accepted, failures).
fn roundtrip_all(queries: &[String]) -> (usize, Vec<String>) {
    big_stack(|| {
        let mut accepted = 0;
        let mut failures = Vec::new();
        for q in queries {
            if let Ok(ast) = parse(q) {
                accepted += 1;
                if let Err(e) = check_roundtrip(&ast, q) {
                    failures.push(e);
                }
            }
        }
        (accepted, failures)
    })
}

fn report(what: &str, total: usize, accepted: usize, failures: &[String]) {
    println!(
        "{what}: {total} queries, {accepted} accepted by the parser, {} round-tripped, {} failed",
        accepted - failures.len(),
        failures.len()
    );
    for f in failures.iter().take(20) {
        println!("---\n{f}");
    }
}

#[test]
fn every_accepted_tck_query_round_trips() {
    let root = tck_dir().join("features");
    if !root.is_dir() {
        println!("note: {} is absent; TCK round trip skipped", root.display());
        return;
    }
    let mut files = Vec::new();
    feature_files(&root, &mut files);
    let mut queries = Vec::new();
    for f in &files {
        match feature_queries(f) {
            Ok(q) => queries.extend(q),
            Err(e) => println!("unreadable feature file: {e}"),
        }
    }
    queries.sort();
    queries.dedup();
    let (accepted, failures) = roundtrip_all(&queries);
    report("tck", queries.len(), accepted, &failures);
    assert!(accepted > 0, "no TCK query was accepted by the parser");
    assert!(
        failures.is_empty(),
        "{} TCK queries did not round-trip",
        failures.len()
    );
}

#[test]
fn every_accepted_fuzz_corpus_input_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/query");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut queries: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read(e.path()).ok())
        .filter_map(|b| String::from_utf8(b).ok())
        .collect();
    queries.sort();
    let (accepted, failures) = roundtrip_all(&queries);
    report("fuzz corpus", queries.len(), accepted, &failures);
    assert!(
        failures.is_empty(),
        "{} corpus inputs did not round-trip",
        failures.len()
    );
}
