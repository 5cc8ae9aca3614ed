//! The rustyline helper: completion that knows the graph, syntax highlighting with bracket
//! matching, hints from history or a sole completion, and a validator that keeps reading until
//! the query ends with `;`.

use super::commands::{META_COMMANDS, completes_file, help_topics};
use super::scan::{self, FUNCTIONS, KEYWORDS, TokenKind};
use super::style::Style;
use super::vocab::Vocab;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Cmd, ConditionalEventHandler, Context, Event, EventContext, Helper, RepeatCount};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;

/// The main prompt.
pub const PROMPT: &str = "newsgraph> ";
/// What a continuation line shows in place of the prompt (same width as [`PROMPT`]).
pub const CONTINUATION: &str = "      ...> ";
/// The indentation that Enter inserts on a continuation line; drawn as [`CONTINUATION`].
pub const INDENT: &str = "           ";

/// Removes the continuation indentation that Enter inserted, giving the text the user typed.
pub fn strip_continuations(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for (i, line) in input.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(line.strip_prefix(INDENT).unwrap_or(line));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The REPL's rustyline helper.
pub struct ReplHelper {
    /// Labels, types, keys and names of the open graph.
    pub vocab: Vocab,
    /// Whether to emit ANSI colours.
    pub color: bool,
    files: FilenameCompleter,
    history_hints: HistoryHinter,
    /// Whether the next highlight may mark the bracket matching the cursor (not on the final
    /// redraw of an accepted line).
    brackets: Cell<bool>,
}

impl ReplHelper {
    /// A helper for a graph vocabulary, with or without colours.
    pub fn new(vocab: Vocab, color: bool) -> Self {
        ReplHelper {
            vocab,
            color,
            files: FilenameCompleter::new(),
            history_hints: HistoryHinter::new(),
            brackets: Cell::new(true),
        }
    }

    /// Completion candidates for the text before `pos`: (start of the replaced text, candidates).
    pub fn complete_at(&self, line: &str, pos: usize) -> (usize, Vec<Pair>) {
        let Some(before) = line.get(..pos) else {
            return (pos, vec![]);
        };
        let lead = before.len() - before.trim_start().len();
        if before[lead..].starts_with(':') {
            return self.complete_meta(line, pos, lead);
        }
        self.complete_query(line, pos, 0)
    }

    fn complete_meta(&self, line: &str, pos: usize, lead: usize) -> (usize, Vec<Pair>) {
        let before = &line[lead..pos];
        let Some(space) = before.find(char::is_whitespace) else {
            let cands = META_COMMANDS
                .iter()
                .filter(|c| c.name.starts_with(before))
                .map(|c| pair(c.name, c.name))
                .collect();
            return (lead, cands);
        };
        let cmd = &before[..space];
        let arg_start = lead + space + (before[space..].len() - before[space..].trim_start().len());
        let arg = &line[arg_start..pos];
        match cmd {
            c if completes_file(c) => {
                // Only the first argument of :dot is a file; the rest is a query.
                if c == ":dot" && arg.contains(char::is_whitespace) {
                    return self.complete_query(line, pos, first_word_end(line, arg_start));
                }
                self.files.complete_path(line, pos).unwrap_or((pos, vec![]))
            }
            ":show" => (arg_start, self.names_with_prefix(arg, "")),
            ":path" => self.complete_quoted_name(line, pos, arg_start),
            ":format" => (arg_start, words(&["table", "json", "csv"], arg)),
            ":timing" => (arg_start, words(&["on", "off"], arg)),
            ":unsaved" => (arg_start, words(&["ask", "refuse"], arg)),
            ":help" => (arg_start, words(&help_topics(), arg)),
            ":explain" => self.complete_query(line, pos, arg_start),
            _ => (pos, vec![]),
        }
    }

    /// Completes an entity name for `:path`: inside quotes, or a word that is quoted if needed.
    fn complete_quoted_name(&self, line: &str, pos: usize, arg_start: usize) -> (usize, Vec<Pair>) {
        let args = &line[arg_start..pos];
        let mut open: Option<(usize, char)> = None;
        for (i, c) in args.char_indices() {
            match open {
                Some((_, q)) if c == q => open = None,
                None if c == '"' || c == '\'' => open = Some((i, c)),
                _ => {}
            }
        }
        if let Some((i, q)) = open {
            let start = arg_start + i + 1;
            let closing = if line[pos..].starts_with(q) {
                String::new()
            } else {
                q.to_string()
            };
            return (start, self.names_with_prefix(&line[start..pos], &closing));
        }
        let word_start = args
            .rfind(char::is_whitespace)
            .map_or(arg_start, |i| arg_start + i + 1);
        let prefix = &line[word_start..pos];
        let cands = self
            .matching_names(prefix)
            .map(|n| {
                if n.contains(char::is_whitespace) {
                    pair(n, &format!("\"{n}\""))
                } else {
                    pair(n, n)
                }
            })
            .collect();
        (word_start, cands)
    }

    /// Names that start with `prefix`, then names with a later word that does (case-insensitive).
    fn matching_names<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let p = prefix.to_lowercase();
        let (mut first, later): (Vec<&str>, Vec<&str>) = self
            .vocab
            .names
            .iter()
            .map(String::as_str)
            .filter(|n| {
                let l = n.to_lowercase();
                l.starts_with(&p)
                    || (!p.is_empty() && l.split_whitespace().skip(1).any(|w| w.starts_with(&p)))
            })
            .partition(|n| n.to_lowercase().starts_with(&p));
        first.extend(later);
        first.into_iter()
    }

    fn names_with_prefix(&self, prefix: &str, suffix: &str) -> Vec<Pair> {
        self.matching_names(prefix)
            .map(|n| pair(n, &format!("{n}{suffix}")))
            .collect()
    }

    /// Completion inside query text that starts at `offset` of `line`.
    fn complete_query(&self, line: &str, pos: usize, offset: usize) -> (usize, Vec<Pair>) {
        let Some(before) = line.get(offset..pos) else {
            return (pos, vec![]);
        };
        let tokens = scan::scan(before);
        if let Some(last) = tokens.last() {
            match last.kind {
                TokenKind::String { closed: false } => {
                    let quote = before[last.range.clone()].chars().next().unwrap_or('"');
                    let start = offset + last.range.start + quote.len_utf8();
                    let closing = if line[pos..].starts_with(quote) {
                        String::new()
                    } else {
                        quote.to_string()
                    };
                    return (start, self.names_with_prefix(&line[start..pos], &closing));
                }
                TokenKind::Comment { .. } | TokenKind::String { closed: true } => {
                    return (pos, vec![]);
                }
                _ => {}
            }
        }
        // What would a word typed here be? Scan with a probe letter appended.
        let probe = format!("{before}x");
        let probed = scan::scan(&probe);
        let Some(word) = probed.last() else {
            return (pos, vec![]);
        };
        let start = word.range.start;
        if start > before.len() {
            return (pos, vec![]);
        }
        let prefix = &before[start..];
        let abs_start = offset + start;
        let cands: Vec<Pair> = match word.kind {
            TokenKind::Label => filter(self.vocab.labels.iter().map(String::as_str), prefix)
                .map(|l| pair(l, &quote_name(l)))
                .collect(),
            TokenKind::RelType => filter(self.vocab.rel_types.iter().map(String::as_str), prefix)
                .map(|l| pair(l, &quote_name(l)))
                .collect(),
            TokenKind::Property => {
                let var = variable_before_dot(before, start);
                let keys = var
                    .and_then(|v| self.keys_of_variable(before, v))
                    .unwrap_or_else(|| self.vocab.all_keys.iter().cloned().collect());
                filter(keys.iter().map(String::as_str), prefix)
                    .map(|k| pair(k, &quote_name(k)))
                    .collect()
            }
            TokenKind::Variable | TokenKind::Keyword | TokenKind::Function => {
                if prefix.is_empty() {
                    return (pos, vec![]);
                }
                let lower = prefix.chars().all(|c| !c.is_uppercase());
                let mut out: Vec<Pair> = filter(KEYWORDS.iter().copied(), prefix)
                    .map(|k| {
                        let k = if lower {
                            k.to_lowercase()
                        } else {
                            k.to_string()
                        };
                        pair(&k, &k)
                    })
                    .collect();
                out.extend(
                    filter(FUNCTIONS.iter().copied(), prefix).map(|f| pair(&format!("{f}()"), f)),
                );
                let vars = variables(before);
                out.extend(
                    filter(vars.iter().map(String::as_str), prefix)
                        .filter(|v| *v != prefix)
                        .map(|v| pair(v, v)),
                );
                out
            }
            _ => vec![],
        };
        (abs_start, cands)
    }

    /// Property keys for a variable bound with a label or type earlier in the query.
    fn keys_of_variable(&self, text: &str, var: &str) -> Option<Vec<String>> {
        let bound = bindings(text);
        let (kind, name) = bound.get(var)?;
        let keys = match kind {
            TokenKind::Label => self.vocab.node_keys.get(name)?,
            _ => self.vocab.rel_keys.get(name)?,
        };
        Some(keys.iter().cloned().collect())
    }

    /// The hint for a line: the rest of a history entry, else the rest of a sole completion.
    pub fn completion_hint(&self, line: &str, pos: usize) -> Option<String> {
        if pos < line.len() || line.trim().is_empty() {
            return None;
        }
        let (start, cands) = self.complete_at(line, pos);
        let [only] = cands.as_slice() else {
            return None;
        };
        let typed = line.get(start..pos)?;
        if typed.is_empty() {
            return None;
        }
        let rest = only.replacement.get(typed.len()..)?;
        let same = only
            .replacement
            .get(..typed.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(typed));
        (same && !rest.is_empty()).then(|| rest.to_string())
    }

    /// Highlights query or meta-command text; `cursor` marks the bracket to pair, if any.
    pub fn render(&self, line: &str, cursor: Option<usize>) -> String {
        let lead = line.len() - line.trim_start().len();
        if line[lead..].starts_with(':') {
            let end = first_word_end(line, lead);
            let cmd = &line[lead..end];
            let rest = &line[end..];
            let body = if cmd == ":explain" || cmd == ":dot" {
                self.render_query(rest, cursor.and_then(|c| c.checked_sub(end)))
            } else {
                rest.to_string()
            };
            return format!("{}{}{}", &line[..lead], self.paint(Style::Meta, cmd), body);
        }
        self.render_query(line, cursor)
    }

    fn render_query(&self, text: &str, cursor: Option<usize>) -> String {
        let tokens = scan::scan(text);
        let pair_at = cursor.and_then(|c| matching_bracket(text, &tokens, c));
        let mut out = String::with_capacity(text.len() * 2);
        for t in &tokens {
            let s = &text[t.range.clone()];
            if pair_at.is_some_and(|(a, b)| t.range.start == a || t.range.start == b) {
                out.push_str(&self.paint(Style::Bracket, s));
                continue;
            }
            let style = match t.kind {
                TokenKind::Keyword => Some(Style::Keyword),
                TokenKind::Function => Some(Style::Function),
                TokenKind::Label | TokenKind::RelType => Some(Style::Label),
                TokenKind::Property => Some(Style::Property),
                TokenKind::Variable => Some(Style::Variable),
                TokenKind::Parameter => Some(Style::Parameter),
                TokenKind::String { .. } => Some(Style::String),
                TokenKind::Number => Some(Style::Number),
                TokenKind::Comment { .. } => Some(Style::Comment),
                TokenKind::Punct => None,
                TokenKind::Whitespace => {
                    out.push_str(&self.render_whitespace(s));
                    continue;
                }
            };
            match style {
                Some(st) => out.push_str(&self.paint(st, s)),
                None => out.push_str(s),
            }
        }
        out
    }

    /// Draws the continuation indentation after each newline as the continuation prompt.
    fn render_whitespace(&self, s: &str) -> String {
        let mut out = String::new();
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
                if let Some(rest) = part.strip_prefix(INDENT) {
                    out.push_str(&self.paint(Style::Prompt2, CONTINUATION));
                    out.push_str(rest);
                    continue;
                }
            }
            out.push_str(part);
        }
        out
    }

    fn paint(&self, style: Style, s: &str) -> String {
        if self.color {
            style.paint(s)
        } else {
            s.to_string()
        }
    }
}

fn pair(display: &str, replacement: &str) -> Pair {
    Pair {
        display: display.to_string(),
        replacement: replacement.to_string(),
    }
}

fn words(options: &[&str], prefix: &str) -> Vec<Pair> {
    filter(options.iter().copied(), prefix)
        .map(|w| pair(w, w))
        .collect()
}

fn filter<'a>(
    items: impl Iterator<Item = &'a str> + 'a,
    prefix: &'a str,
) -> impl Iterator<Item = &'a str> + 'a {
    let p = prefix.to_lowercase();
    items.filter(move |i| i.to_lowercase().starts_with(&p))
}

/// Back-quotes a name that is not a plain identifier.
fn quote_name(name: &str) -> String {
    let plain = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        name.to_string()
    } else {
        format!("`{}`", name.replace('`', "``"))
    }
}

fn first_word_end(line: &str, from: usize) -> usize {
    line[from..]
        .find(char::is_whitespace)
        .map_or(line.len(), |i| from + i)
}

/// The variable in front of the `.` that precedes `word_start`.
fn variable_before_dot(text: &str, word_start: usize) -> Option<&str> {
    let head = text[..word_start].trim_end().strip_suffix('.')?.trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i)?;
    Some(&head[start..])
}

/// Variables bound in the text with their first label or relationship type: `(p:Person)` gives
/// `p → (Label, Person)`.
fn bindings(text: &str) -> BTreeMap<String, (TokenKind, String)> {
    let tokens: Vec<_> = scan::scan(text)
        .into_iter()
        .filter(|t| !matches!(t.kind, TokenKind::Whitespace | TokenKind::Comment { .. }))
        .collect();
    let mut out = BTreeMap::new();
    for w in tokens.windows(3) {
        if let [v, colon, l] = w
            && v.kind == TokenKind::Variable
            && &text[colon.range.clone()] == ":"
            && matches!(l.kind, TokenKind::Label | TokenKind::RelType)
        {
            let name = text[l.range.clone()].trim_matches('`').to_string();
            out.entry(text[v.range.clone()].to_string())
                .or_insert((l.kind, name));
        }
    }
    out
}

/// Variables named in the text, in order of first appearance.
fn variables(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in scan::scan(text) {
        if t.kind == TokenKind::Variable {
            let v = &text[t.range];
            if !out.iter().any(|o| o == v) {
                out.push(v.to_string());
            }
        }
    }
    out
}

/// The byte offsets of the bracket at or just before `cursor` and its partner.
fn matching_bracket(text: &str, tokens: &[scan::Token], cursor: usize) -> Option<(usize, usize)> {
    let brackets: Vec<(usize, char)> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Punct)
        .filter_map(|t| {
            let c = text[t.range.clone()].chars().next()?;
            "()[]{}".contains(c).then_some((t.range.start, c))
        })
        .collect();
    let idx = brackets
        .iter()
        .position(|&(p, _)| p == cursor)
        .or_else(|| {
            cursor
                .checked_sub(1)
                .and_then(|c| brackets.iter().position(|&(p, _)| p == c))
        })?;
    let (at, c) = *brackets.get(idx)?;
    let (open, close, forward) = match c {
        '(' => ('(', ')', true),
        '[' => ('[', ']', true),
        '{' => ('{', '}', true),
        ')' => ('(', ')', false),
        ']' => ('[', ']', false),
        _ => ('{', '}', false),
    };
    let mut depth = 0i32;
    let seq: Box<dyn Iterator<Item = &(usize, char)>> = if forward {
        Box::new(brackets[idx..].iter())
    } else {
        Box::new(brackets[..=idx].iter().rev())
    };
    for &(p, b) in seq {
        if b == open {
            depth += if forward { 1 } else { -1 };
        } else if b == close {
            depth += if forward { -1 } else { 1 };
        }
        if depth == 0 {
            return Some((at, p));
        }
    }
    None
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(self.complete_at(line, pos))
    }
}

/// A grey hint: text to show, and what → inserts (nothing for a usage reminder).
pub struct ReplHint {
    display: String,
    insert: Option<String>,
}

impl rustyline::hint::Hint for ReplHint {
    fn display(&self) -> &str {
        &self.display
    }
    fn completion(&self) -> Option<&str> {
        self.insert.as_deref()
    }
}

impl ReplHelper {
    /// The arguments of a meta-command, shown after `:path ` until something is typed.
    pub fn usage_hint(&self, line: &str, pos: usize) -> Option<String> {
        if pos < line.len() {
            return None;
        }
        let cmd = line.trim_start().strip_suffix(' ')?;
        let c = META_COMMANDS.iter().find(|c| c.name == cmd)?;
        (!c.args.is_empty()).then(|| c.args.to_string())
    }
}

impl Hinter for ReplHelper {
    type Hint = ReplHint;
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<ReplHint> {
        if let Some(usage) = self.usage_hint(line, pos) {
            return Some(ReplHint {
                display: usage,
                insert: None,
            });
        }
        self.history_hints
            .hint(line, pos, ctx)
            .or_else(|| self.completion_hint(line, pos))
            .map(|h| ReplHint {
                display: h.clone(),
                insert: Some(h),
            })
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        let cursor = self.brackets.get().then_some(pos);
        Cow::Owned(self.render(line, cursor))
    }
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        if self.color {
            Cow::Owned(Style::Prompt.paint(prompt))
        } else {
            Cow::Borrowed(prompt)
        }
    }
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(Style::Hint.paint(hint))
        } else {
            Cow::Borrowed(hint)
        }
    }
    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.brackets.set(kind != CmdKind::ForcedRefresh);
        true
    }
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        Ok(if scan::is_complete(ctx.input()) {
            ValidationResult::Valid(None)
        } else {
            ValidationResult::Incomplete
        })
    }
}

impl Helper for ReplHelper {}

/// Enter on an unfinished query at the end of the input: a new line with the continuation
/// indentation (the validator would add a bare newline).
pub struct ContinueLine;

impl ConditionalEventHandler for ContinueLine {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let line = ctx.line();
        if ctx.pos() == line.len() && !scan::is_complete(line) {
            Some(Cmd::Insert(1, format!("\n{INDENT}")))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Graph, Node, Value};

    fn helper() -> ReplHelper {
        let mut g = Graph::new();
        let mut p = Node::new("Person");
        p.props.insert("name".into(), "Ana Ruiz".into());
        p.props
            .insert("aliases".into(), Value::from(vec!["Ruiz".to_string()]));
        let a = g.add_node(p);
        let mut c = Node::new("Country");
        c.props.insert("name".into(), "Chile".into());
        c.props.insert("iso".into(), "CL".into());
        let b = g.add_node(c);
        let mut e = Edge::new("HOLDS_OFFICE");
        e.props.insert("title".into(), "Minister".into());
        g.add_edge(a, b, e);
        ReplHelper::new(Vocab::from_graph(&g), false)
    }

    fn replacements(h: &ReplHelper, line: &str) -> (usize, Vec<String>) {
        let (start, c) = h.complete_at(line, line.len());
        (start, c.into_iter().map(|p| p.replacement).collect())
    }

    #[test]
    fn completes_labels_types_and_keys_from_the_graph() {
        let h = helper();
        assert_eq!(replacements(&h, "MATCH (p:Pe"), (9, vec!["Person".into()]));
        assert_eq!(replacements(&h, "MATCH (p:").1, vec!["Country", "Person"]);
        assert_eq!(
            replacements(&h, "MATCH (p)-[r:ho"),
            (13, vec!["HOLDS_OFFICE".into()])
        );
        // Keys of the variable's label only.
        assert_eq!(
            replacements(&h, "MATCH (c:Country) RETURN c.").1,
            vec!["iso", "name"]
        );
        assert_eq!(
            replacements(&h, "MATCH ()-[r:HOLDS_OFFICE]->() RETURN r.t").1,
            vec!["title"]
        );
    }

    #[test]
    fn completes_keywords_functions_and_variables() {
        let h = helper();
        assert_eq!(replacements(&h, "MAT"), (0, vec!["MATCH".into()]));
        assert_eq!(replacements(&h, "mat").1, vec!["match"]);
        let (_, c) = replacements(&h, "MATCH (person) RETURN co");
        assert!(c.contains(&"collect".to_string()) && c.contains(&"count".to_string()));
        assert!(c.contains(&"contains".to_string()));
        assert!(
            replacements(&h, "MATCH (person) RETURN pe")
                .1
                .contains(&"person".to_string())
        );
    }

    #[test]
    fn completes_names_inside_quotes_from_names_and_aliases() {
        let h = helper();
        assert_eq!(
            replacements(&h, "MATCH (p {name: 'an"),
            (17, vec!["Ana Ruiz'".into()])
        );
        // A later word of a name matches too, after the names that start with it.
        assert_eq!(
            replacements(&h, "MATCH (p {name: \"Ru").1,
            vec!["Ruiz\"", "Ana Ruiz\""]
        );
        // No closing quote added when one is already there.
        let line = "MATCH (p {name: 'An'})";
        let (_, c) = h.complete_at(line, 19);
        assert_eq!(c[0].replacement, "Ana Ruiz");
    }

    #[test]
    fn completes_meta_commands_and_their_arguments() {
        let h = helper();
        assert_eq!(replacements(&h, ":sh"), (0, vec![":show".into()]));
        assert_eq!(replacements(&h, ":format j").1, vec!["json"]);
        assert_eq!(replacements(&h, ":show ana"), (6, vec!["Ana Ruiz".into()]));
        assert_eq!(replacements(&h, ":path Ana").1, vec!["\"Ana Ruiz\""]);
        assert_eq!(replacements(&h, ":path \"Ana Ruiz\" Ch").1, vec!["Chile"]);
        assert_eq!(replacements(&h, ":explain MATCH (n:Pe").1, vec!["Person"]);
    }

    #[test]
    fn completes_file_paths_after_load() {
        let h = helper();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("article_one.txt"), "x").unwrap();
        let line = format!(":load {}/artic", dir.path().display());
        let (_, c) = replacements(&h, &line);
        assert_eq!(c.len(), 1);
        assert!(c[0].ends_with("article_one.txt"), "{c:?}");
    }

    #[test]
    fn hints_the_rest_of_a_sole_completion() {
        let h = helper();
        assert_eq!(h.completion_hint("MATCH (p:Pers", 13), Some("on".into()));
        assert_eq!(h.completion_hint("MATCH (p:", 9), None);
        assert_eq!(h.completion_hint(":tim", 4), Some("ing".into()));
    }

    #[test]
    fn hints_the_arguments_of_a_command() {
        let h = helper();
        assert_eq!(h.usage_hint(":path ", 6), Some("A B".into()));
        assert_eq!(h.usage_hint(":path A", 7), None);
        assert_eq!(h.usage_hint(":stats ", 7), None);
    }

    #[test]
    fn validator_waits_for_the_semicolon() {
        assert!(!scan::is_complete("MATCH (n)\n"));
        assert!(scan::is_complete("MATCH (n)\nRETURN n;"));
        assert_eq!(
            strip_continuations(&format!("MATCH (n)\n{INDENT}RETURN n;")),
            "MATCH (n)\nRETURN n;"
        );
    }

    #[test]
    fn highlights_tokens_and_keeps_plain_text_without_colour() {
        let mut h = helper();
        let line = "MATCH (p:Person {name: 'Ana'}) RETURN p.name, 42;";
        assert_eq!(h.render(line, None), line);
        h.color = true;
        let out = h.render(line, None);
        assert!(out.contains(&Style::Keyword.paint("MATCH")));
        assert!(out.contains(&Style::Label.paint("Person")));
        assert!(out.contains(&Style::String.paint("'Ana'")));
        assert!(out.contains(&Style::Number.paint("42")));
        assert!(out.contains(&Style::Variable.paint("p")));
        assert!(out.contains(&Style::Property.paint("name")));
        // Stripping the escapes gives the line back (same display width).
        assert_eq!(super::super::style::strip(&out), line);
    }

    #[test]
    fn highlights_the_matching_bracket() {
        let mut h = helper();
        h.color = true;
        let line = "RETURN [(1), 2]";
        // Cursor just after the closing `]`: the opening `[` is marked.
        let out = h.render(line, Some(line.len()));
        assert!(out.starts_with(&format!(
            "{} {}",
            Style::Keyword.paint("RETURN"),
            Style::Bracket.paint("[")
        )));
        assert_eq!(matching_bracket(line, &scan::scan(line), 8), Some((8, 10)));
        assert_eq!(matching_bracket(line, &scan::scan(line), 3), None);
    }

    #[test]
    fn never_panics_on_odd_input_at_any_cursor_position() {
        let mut h = helper();
        h.color = true;
        let inputs = [
            "",
            ":",
            ": ",
            ":path \"",
            ":path 'a' \"Ana",
            ":dot x.dot --render",
            ":explain MATCH (n:",
            "MATCH (n:`Per",
            "RETURN 'Sánchez' + \"ñ",
            "MATCH (a)-[*1..]-(b) RETURN a.",
            "/* ü */ MATCH ((((]]]})",
            "RETURN $",
            "RETURN 1.2.3e..5 , `x`.",
            "日本語 MATCH (n {name: '北京",
            "\u{1F600}:\u{1F600}.\u{1F600}",
        ];
        for text in inputs {
            for (pos, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let _ = h.complete_at(text, pos);
                let _ = h.completion_hint(text, pos);
                let _ = h.render(text, Some(pos));
            }
            let _ = scan::is_complete(text);
            assert_eq!(super::super::style::strip(&h.render(text, None)), text);
        }
    }

    #[test]
    fn draws_the_continuation_prompt() {
        let h = helper();
        let line = format!("MATCH (n)\n{INDENT}RETURN n;");
        assert_eq!(
            h.render(&line, None),
            format!("MATCH (n)\n{CONTINUATION}RETURN n;")
        );
    }
}
