//! A forgiving scanner for query text being typed: it never fails, so highlighting, completion and
//! the "is this input finished?" check work on half-written queries. (Parsing proper is the query
//! module's pest grammar; this only classifies characters.)

use std::ops::Range;

/// What a piece of query text is, for colouring and completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Keyword,
    /// A name called like a function: `count(`.
    Function,
    /// A node label (`:Person` inside parentheses).
    Label,
    /// A relationship type (`:SAID` inside brackets).
    RelType,
    /// A property key: after `.` or before `:` inside a map.
    Property,
    Variable,
    /// A `$name` parameter.
    Parameter,
    /// A string literal; `closed` is false while its closing quote is missing.
    String {
        closed: bool,
    },
    Number,
    Comment {
        closed: bool,
    },
    /// Brackets, operators, commas, colons.
    Punct,
    Whitespace,
}

/// A token: its kind and byte range in the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: Range<usize>,
}

/// Reserved words of the query language (upper case).
pub const KEYWORDS: &[&str] = &[
    "MATCH",
    "OPTIONAL",
    "WHERE",
    "RETURN",
    "WITH",
    "UNWIND",
    "AS",
    "DISTINCT",
    "ORDER",
    "BY",
    "ASC",
    "ASCENDING",
    "DESC",
    "DESCENDING",
    "SKIP",
    "LIMIT",
    "UNION",
    "ALL",
    "CREATE",
    "MERGE",
    "SET",
    "REMOVE",
    "DELETE",
    "DETACH",
    "ON",
    "AND",
    "OR",
    "XOR",
    "NOT",
    "IS",
    "NULL",
    "IN",
    "STARTS",
    "ENDS",
    "CONTAINS",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "TRUE",
    "FALSE",
    "EXISTS",
    "EXPLAIN",
];

/// Functions of the query language (for completion).
pub const FUNCTIONS: &[&str] = &[
    "count",
    "collect",
    "sum",
    "avg",
    "min",
    "max",
    "id",
    "labels",
    "type",
    "properties",
    "keys",
    "startNode",
    "endNode",
    "nodes",
    "relationships",
    "length",
    "size",
    "head",
    "last",
    "tail",
    "range",
    "coalesce",
    "toString",
    "toInteger",
    "toFloat",
    "toBoolean",
    "toLower",
    "toUpper",
    "trim",
    "split",
    "substring",
    "replace",
    "abs",
    "round",
    "date",
    "shortestPath",
    "allShortestPaths",
];

/// Whether a word is a keyword (case-insensitive).
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits query text into tokens. Never fails: unterminated strings and comments run to the end.
pub fn scan(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    // Stack of open brackets, to tell labels (in `(`) from relationship types (in `[`) and map keys
    // (in `{`).
    let mut brackets: Vec<char> = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let (kind, len) = if c.is_whitespace() {
            let n = count_while(&chars[i..], |c| c.is_whitespace());
            (TokenKind::Whitespace, n)
        } else if c == '/' && next == Some('/') {
            let n = count_while(&chars[i..], |c| c != '\n');
            (TokenKind::Comment { closed: true }, n)
        } else if c == '/' && next == Some('*') {
            let rest = &text[start + 2..];
            match rest.find("*/") {
                Some(p) => {
                    let end = start + 2 + p + 2;
                    let n = chars[i..].iter().take_while(|&&(b, _)| b < end).count();
                    (TokenKind::Comment { closed: true }, n)
                }
                None => (TokenKind::Comment { closed: false }, chars.len() - i),
            }
        } else if c == '\'' || c == '"' || c == '`' {
            let (n, closed) = string_len(&chars[i..], c);
            if c == '`' {
                // A quoted name: classify like an identifier.
                let kind = classify_ident(&tokens, &brackets, text, end_of(i + n));
                (kind, n)
            } else {
                (TokenKind::String { closed }, n)
            }
        } else if c.is_ascii_digit()
            || (c == '.'
                && next.is_some_and(|d| d.is_ascii_digit())
                && i.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, p)| p) != Some('.'))
        {
            let n = count_while(&chars[i..], |c| {
                c.is_ascii_alphanumeric() || c == '.' || c == '_'
            });
            // `1..3` in a variable-length pattern: stop the number before `..`.
            let mut n = n;
            let s = &text[start..end_of(i + n)];
            if let Some(p) = s.find("..")
                && p > 0
            {
                n = s[..p].chars().count();
            }
            (TokenKind::Number, n)
        } else if c == '$' {
            let n = 1 + count_while(&chars[i + 1..], is_ident_char);
            (TokenKind::Parameter, n)
        } else if is_ident_start(c) {
            let n = count_while(&chars[i..], is_ident_char);
            let kind = classify_ident(&tokens, &brackets, text, end_of(i + n));
            let word = &text[start..end_of(i + n)];
            let kind =
                if matches!(kind, TokenKind::Variable | TokenKind::Function) && is_keyword(word) {
                    TokenKind::Keyword
                } else {
                    kind
                };
            (kind, n)
        } else {
            match c {
                '(' | '[' | '{' => brackets.push(c),
                ')' | ']' | '}' => {
                    brackets.pop();
                }
                _ => {}
            }
            (TokenKind::Punct, 1)
        };
        let len = len.max(1);
        tokens.push(Token {
            kind,
            range: start..end_of(i + len),
        });
        i += len;
    }
    tokens
}

fn count_while(chars: &[(usize, char)], f: impl Fn(char) -> bool) -> usize {
    chars.iter().take_while(|&&(_, c)| f(c)).count()
}

/// Length in chars of a quoted literal starting at `chars[0]`, and whether it is closed.
fn string_len(chars: &[(usize, char)], quote: char) -> (usize, bool) {
    let mut k = 1;
    while let Some(&(_, c)) = chars.get(k) {
        if c == '\\' && quote != '`' {
            k += 2;
            continue;
        }
        if c == quote {
            return (k + 1, true);
        }
        k += 1;
    }
    (chars.len(), false)
}

/// The previous token that is not whitespace or a comment.
fn prev_significant(tokens: &[Token]) -> Option<&Token> {
    tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.kind, TokenKind::Whitespace | TokenKind::Comment { .. }))
}

fn classify_ident(tokens: &[Token], brackets: &[char], text: &str, end: usize) -> TokenKind {
    let prev = prev_significant(tokens).map(|t| (t.kind, &text[t.range.clone()]));
    let rest = text.get(end..).unwrap_or("").trim_start();
    match prev {
        Some((TokenKind::Punct, ".")) => return TokenKind::Property,
        Some((TokenKind::Punct, ":")) | Some((TokenKind::Punct, "|")) => {
            match brackets.last() {
                Some('(') => return TokenKind::Label,
                Some('[') => return TokenKind::RelType,
                // `SET n:Label` / `REMOVE n:Label` / `WHERE n:Label`
                None => return TokenKind::Label,
                _ => {}
            }
        }
        _ => {}
    }
    if brackets.last() == Some(&'{') && rest.starts_with(':') {
        return TokenKind::Property;
    }
    if rest.starts_with('(') {
        return TokenKind::Function;
    }
    TokenKind::Variable
}

/// Whether the input is a whole command: a meta-command line, or query text ending with `;`
/// outside any string or comment. Empty input counts as complete (nothing to do).
pub fn is_complete(input: &str) -> bool {
    let trimmed = input.trim_start();
    if trimmed.is_empty() || trimmed.starts_with(':') {
        return true;
    }
    let tokens = scan(input);
    match tokens.iter().rev().find(|t| {
        !matches!(
            t.kind,
            TokenKind::Whitespace | TokenKind::Comment { closed: true }
        )
    }) {
        Some(t) => t.kind == TokenKind::Punct && &input[t.range.clone()] == ";",
        // Only comments: nothing to run.
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        scan(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Whitespace)
            .map(|t| (t.kind, &text[t.range]))
            .collect()
    }

    #[test]
    fn classifies_a_pattern() {
        let k =
            kinds("MATCH (p:Person {name: 'Ana'})-[r:SAID]->(s) RETURN p.name, count(s) LIMIT 3");
        use TokenKind::*;
        assert!(k.contains(&(Keyword, "MATCH")));
        assert!(k.contains(&(Variable, "p")));
        assert!(k.contains(&(Label, "Person")));
        assert!(k.contains(&(Property, "name")));
        assert!(k.contains(&(String { closed: true }, "'Ana'")));
        assert!(k.contains(&(RelType, "SAID")));
        assert!(k.contains(&(Function, "count")));
        assert!(k.contains(&(Number, "3")));
        assert!(k.contains(&(Keyword, "LIMIT")));
    }

    #[test]
    fn keywords_are_case_insensitive_and_ranges_split() {
        let k = kinds("match (n)-[*1..3]-(m) return n");
        assert_eq!(k[0], (TokenKind::Keyword, "match"));
        assert!(k.contains(&(TokenKind::Number, "1")));
        assert!(k.contains(&(TokenKind::Number, "3")));
    }

    #[test]
    fn unterminated_string_and_comment_run_to_end() {
        let k = kinds("MATCH (p {name: \"Ana");
        assert_eq!(
            k.last(),
            Some(&(TokenKind::String { closed: false }, "\"Ana"))
        );
        let k = kinds("RETURN 1 /* note");
        assert_eq!(
            k.last(),
            Some(&(TokenKind::Comment { closed: false }, "/* note"))
        );
    }

    #[test]
    fn completeness_needs_a_semicolon_outside_strings() {
        assert!(!is_complete("MATCH (n)"));
        assert!(!is_complete("MATCH (n)\nRETURN n"));
        assert!(is_complete("MATCH (n)\nRETURN n;"));
        assert!(is_complete("RETURN 1; // done"));
        assert!(!is_complete("RETURN 'a;"));
        assert!(!is_complete("RETURN 1 /* ; */"));
        assert!(is_complete(":help"));
        assert!(is_complete("   "));
    }

    #[test]
    fn non_ascii_text_is_scanned_by_char() {
        let k = kinds("RETURN 'Sánchez', ñame");
        assert!(k.contains(&(TokenKind::String { closed: true }, "'Sánchez'")));
        assert!(k.contains(&(TokenKind::Variable, "ñame")));
    }
}
