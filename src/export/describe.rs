//! How exports describe nodes and values in words: a node's main label, its display name, short
//! excerpts of long text, and property values as plain text.

use crate::graph::{Node, Value, schema};

/// The label that decides how a node is drawn and which table or file it goes to: the first
/// schema label it carries (in schema order), else its first label, else `Node`.
pub fn primary_label(node: &Node) -> &str {
    schema::ALL_LABELS
        .iter()
        .copied()
        .find(|l| node.has_label(l))
        .or_else(|| node.labels.first().map(String::as_str))
        .unwrap_or("Node")
}

/// A short human name for a node: `name`, else `title`, else `text`, else `file`, else its label.
pub fn display_name(node: &Node) -> String {
    ["name", "title", "text", "file"]
        .iter()
        .find_map(|k| node.props.get(*k).and_then(Value::as_str))
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| primary_label(node).to_string())
}

/// A string property, if present and a string.
pub fn prop_str<'a>(props: &'a crate::graph::Props, key: &str) -> Option<&'a str> {
    props
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// At most `max` characters of `text` (whitespace collapsed), cut at a word boundary when one is
/// near, with an ellipsis when shortened.
pub fn excerpt(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max.saturating_sub(1)).collect();
    let trimmed = match cut.rfind(' ') {
        Some(i) if cut[..i].chars().count() * 3 >= max * 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", trimmed.trim_end_matches([',', ';', ':', ' ']))
}

/// Wraps `text` into lines of at most `width` columns (never splitting inside a word unless the
/// word alone is too long).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// A property value as plain text: strings as they are, lists joined by ", ", the rest as JSON.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::List(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
        other => other.to_json().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_at_a_word_and_counts_characters_not_bytes() {
        assert_eq!(excerpt("short  text", 20), "short text");
        let e = excerpt("élan vital and the quick brown fox jumps", 20);
        assert!(e.ends_with('…') && e.chars().count() <= 20, "{e}");
        assert!(e.starts_with("élan vital"), "{e}");
        let cjk = excerpt(&"漢".repeat(50), 10);
        assert_eq!(cjk.chars().count(), 10);
    }

    #[test]
    fn primary_label_prefers_schema_labels() {
        let mut n = Node::new("Custom");
        n.labels.push("Person".into());
        assert_eq!(primary_label(&n), "Person");
        assert_eq!(primary_label(&Node::default()), "Node");
    }
}
