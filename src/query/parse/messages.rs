//! Turns pest's "expected rule X" errors into messages in the query language's own words.

use super::Rule;
use crate::query::error::QueryError;
use pest::error::{Error, ErrorVariant, InputLocation};

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
            let mut words: Vec<&str> = Vec::new();
            for r in positives {
                if let Some(w) = describe(r)
                    && !words.contains(&w)
                {
                    words.push(w);
                }
            }
            if words.is_empty() {
                format!("unexpected {found}")
            } else {
                format!("expected {}, found {found}", join(&words))
            }
        }
        ErrorVariant::CustomError { message } => message.clone(),
    };
    QueryError::syntax_at(src, offset, message)
}
