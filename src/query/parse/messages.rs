//! Turns pest's "expected rule X" errors into messages in the query language's own words.

use super::Rule;
use crate::query::error::QueryError;
use pest::Parser;
use pest::error::{Error, ErrorVariant, InputLocation};

/// Re-parses a failing query with pest's detailed error tracking switched on; returns the
/// rules that were being parsed at the error and the literal tokens that could come next.
fn detailed(src: &str) -> (Vec<Rule>, Vec<String>) {
    pest::set_error_detail(true);
    let r = super::QueryParser::parse(Rule::query, src);
    pest::set_error_detail(false);
    let Some(attempts) = r.err().and_then(|e| e.parse_attempts()) else {
        return (Vec::new(), Vec::new());
    };
    let rules = attempts
        .call_stacks
        .iter()
        .filter_map(|s| s.parent)
        .collect();
    let tokens = attempts
        .expected_tokens()
        .iter()
        .map(|t| t.to_string())
        .collect();
    (rules, tokens)
}

/// A user-facing description of what a grammar rule stands for.
fn describe(r: &Rule) -> Option<&'static str> {
    Some(match r {
        Rule::EOI => "the end of the query",
        Rule::match_clause
        | Rule::unwind_clause
        | Rule::with_clause
        | Rule::return_clause
        | Rule::create_clause
        | Rule::merge_clause
        | Rule::set_clause
        | Rule::remove_clause
        | Rule::delete_clause
        | Rule::call_clause
        | Rule::single_query
        | Rule::statement => "a clause (MATCH, RETURN, WITH, CREATE, ...)",
        Rule::union => "UNION",
        Rule::expr
        | Rule::literal
        | Rule::primary
        | Rule::prefix
        | Rule::variable
        | Rule::float_lit
        | Rule::integer_lit
        | Rule::string_lit
        | Rule::parameter
        | Rule::function_call
        | Rule::list_literal
        | Rule::paren_expr => "an expression",
        Rule::infix | Rule::postfix | Rule::or_op | Rule::and_op | Rule::eq_op | Rule::add_op => {
            "an operator"
        }
        Rule::rel_type_name => "a relationship type after ':'",
        Rule::label_name | Rule::node_labels => "a label",
        Rule::prop_key => "a property name",
        Rule::node_pattern => "a node pattern such as (n) or (n:Label)",
        Rule::pattern | Rule::pattern_part | Rule::pattern_element => "a pattern",
        Rule::rel_pattern | Rule::pattern_chain => "a relationship such as -[:TYPE]->",
        Rule::map_literal | Rule::properties => "a map such as {key: value}",
        Rule::map_entry => "a key: value pair",
        Rule::where_clause => "WHERE",
        Rule::order_by => "ORDER BY",
        Rule::skip => "SKIP",
        Rule::limit => "LIMIT",
        Rule::projection_items | Rule::projection_item => "what to return (an expression or *)",
        Rule::sort_item => "an expression to sort by",
        Rule::set_item => "a property assignment such as n.key = value",
        Rule::remove_item => "a property or label to remove",
        Rule::range => "a length such as *1..3",
        Rule::AS => "AS",
        Rule::BY => "BY",
        Rule::END => "END",
        Rule::THEN => "THEN",
        Rule::WHEN => "WHEN",
        Rule::IN => "IN",
        Rule::MATCH => "MATCH",
        Rule::WITH => "WITH",
        Rule::NULL => "NULL",
        _ => return None,
    })
}

fn join(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        _ => {
            let (last, rest) = words.split_last().unwrap_or((&"", &[]));
            format!("{} or {}", rest.join(", "), last)
        }
    }
}

/// The reserved words (the grammar's `reserved` rule): they cannot be variables without
/// backticks.
pub(crate) const RESERVED: &[&str] = &[
    "allshortestpaths",
    "and",
    "as",
    "ascending",
    "asc",
    "by",
    "call",
    "case",
    "contains",
    "create",
    "delete",
    "descending",
    "desc",
    "detach",
    "distinct",
    "else",
    "end",
    "ends",
    "false",
    "in",
    "is",
    "limit",
    "match",
    "merge",
    "not",
    "null",
    "on",
    "optional",
    "order",
    "or",
    "remove",
    "return",
    "set",
    "skip",
    "starts",
    "then",
    "true",
    "union",
    "unwind",
    "when",
    "where",
    "with",
    "xor",
    "yield",
];

/// What kind of name is expected at `offset`, judging by the text before it.
fn name_context(src: &str, offset: usize) -> &'static str {
    let before = src.get(..offset).unwrap_or("").trim_end();
    if before.ends_with(':') {
        let open_bracket = before.rfind('[');
        let open_paren = before.rfind('(');
        let close_bracket = before.rfind(']');
        if open_bracket > open_paren && open_bracket > close_bracket {
            "a relationship type after ':'"
        } else {
            "a label after ':'"
        }
    } else if before.ends_with('.') {
        "a property name after '.'"
    } else if before.to_lowercase().ends_with(" as") {
        "a name after AS"
    } else {
        "a name"
    }
}

/// Converts a pest error into a syntax error with a caret rendering.
pub(super) fn to_error(src: &str, e: Error<Rule>) -> QueryError {
    let offset = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = src
        .get(offset..)
        .and_then(|rest| {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !word.is_empty() {
                Some(format!("'{word}'"))
            } else {
                rest.chars().next().map(|c| format!("'{c}'"))
            }
        })
        .unwrap_or_else(|| "the end of the query".to_string());
    let message = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            let (extra, tokens) = detailed(src);
            let mut rules: Vec<Rule> = positives.clone();
            rules.extend(extra);
            let mut words: Vec<&str> = Vec::new();
            for t in &tokens {
                let w: &'static str = match t.as_str() {
                    ")" => "')'",
                    "]" => "']'",
                    "}" => "'}'",
                    "," => "','",
                    _ => continue,
                };
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            for r in &rules {
                if let Some(w) = describe(r)
                    && !words.contains(&w)
                {
                    words.push(w);
                }
            }
            if rules.iter().any(|r| {
                matches!(
                    r,
                    Rule::symbolic_name | Rule::symbolic_name_raw | Rule::variable
                )
            }) {
                let w = name_context(src, offset);
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            if words.contains(&"an expression") {
                words.retain(|w| {
                    !matches!(
                        *w,
                        "a node pattern such as (n) or (n:Label)"
                            | "NULL"
                            | "a name"
                            | "a map such as {key: value}"
                    )
                });
            }
            if words.contains(&"a relationship type after ':'") {
                words.retain(|w| *w != "a label");
            }
            if words.contains(&"an operator") {
                words.retain(|w| !matches!(*w, "a label" | "IN" | "NULL" | "WITH"));
            }
            let before = src.get(..offset).unwrap_or("").trim_end().to_lowercase();
            let word = found.trim_matches('\'').to_lowercase();
            if (words.is_empty() || before.ends_with(" as")) && RESERVED.contains(&word.as_str()) {
                let w = name_context(src, offset);
                format!(
                    "expected {w}, found '{word}', which is a reserved word (write `{word}` in backticks to use it as a name)"
                )
            } else if words.is_empty() {
                format!("unexpected {}", found.trim_start_matches("the "))
            } else {
                format!("expected {}, found {found}", join(&words))
            }
        }
        ErrorVariant::CustomError { message } if message == "call limit reached" => {
            "query is too complex to parse (check for unclosed brackets near here)".to_string()
        }
        ErrorVariant::CustomError { message } => message.clone(),
    };
    QueryError::syntax_at(src, offset, message)
}
