//! The REPL's state and logic without a terminal: a [`Session`] takes one complete input (a query
//! ending in `;` or a meta-command) and returns the text to print and what to do next.

use super::commands::{self, Command, Render, UnsavedPolicy};
use super::render::{self, OutputFormat, RenderOptions};
use super::style::{Style, paint_if};
use super::{dossier, explain, help, path_explain, scan, summary};
use crate::export::{self, Format, Subgraph};
use crate::graph::{self, Graph};
use crate::query::{self, Limits, Params, QueryResult, Value};
use crate::{extract, inputs, text};
use indicatif::{ProgressBar, ProgressStyle};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// What the terminal loop should do after an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Continue,
    Quit,
    /// The user wants to leave but the graph has unsaved changes: ask whether to save.
    ConfirmQuit,
}

/// The answer to one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// Text to print (may be empty).
    pub text: String,
    pub action: Action,
    /// The graph's labels, types, keys or names may have changed (refresh completion).
    pub vocab_changed: bool,
}

impl Reply {
    fn text(text: impl Into<String>) -> Self {
        Reply {
            text: text.into(),
            action: Action::Continue,
            vocab_changed: false,
        }
    }
}

/// The REPL state: the open graph and the user's settings.
pub struct Session {
    pub graph: Graph,
    /// The file the graph was opened from or last saved to.
    pub file: Option<PathBuf>,
    pub format: OutputFormat,
    pub timing: bool,
    pub color: bool,
    /// Table width; `None` uses the terminal's.
    pub width: Option<u16>,
    pub params: Params,
    pub limits: Limits,
    pub unsaved: UnsavedPolicy,
    /// Show progress bars (on a terminal).
    pub progress: bool,
    /// Set by Ctrl-C while a command runs; cleared before each command.
    pub cancel: Arc<AtomicBool>,
    last: Option<QueryResult>,
}

impl Session {
    /// A session on a graph; `file` is where `:save` writes by default.
    pub fn new(graph: Graph, file: Option<PathBuf>) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        Session {
            graph,
            file,
            format: OutputFormat::Table,
            timing: true,
            color: false,
            width: None,
            params: Params::new(),
            limits: Limits {
                cancel: query::CancelFlag::new(cancel.clone()),
                ..Limits::default()
            },
            unsaved: UnsavedPolicy::Ask,
            progress: false,
            cancel,
            last: None,
        }
    }

    /// The greeting printed when the REPL starts.
    pub fn banner(&self) -> String {
        let source = self
            .file
            .as_ref()
            .map_or(String::new(), |f| format!(" from {}", f.display()));
        format!(
            "newsgraph{source}: {} documents, {} nodes, {} relationships.\nQueries end with ';'. Tab completes, :help shows commands and examples, Ctrl-D leaves.",
            self.graph.documents().len(),
            self.graph.node_count(),
            self.graph.edge_count()
        )
    }

    /// Handles one complete input.
    pub fn handle(&mut self, input: &str) -> Reply {
        self.cancel.store(false, Ordering::SeqCst);
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Reply::text("");
        }
        if trimmed.starts_with(':') {
            return match commands::parse(trimmed) {
                Ok(cmd) => self.command(cmd),
                Err(msg) => Reply::text(self.error(&msg)),
            };
        }
        let mut out = String::new();
        let mut changed = false;
        for stmt in statements(trimmed) {
            let (text, ok, c) = self.run_query(&stmt);
            changed |= c;
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&text);
            if !ok {
                break;
            }
        }
        Reply {
            text: out,
            action: Action::Continue,
            vocab_changed: changed,
        }
    }

    /// Runs one query; returns (text, success, graph changed).
    fn run_query(&mut self, q: &str) -> (String, bool, bool) {
        let before = (
            self.graph.node_count(),
            self.graph.edge_count(),
            self.graph.dirty,
        );
        let started = Instant::now();
        let result = query::execute(&mut self.graph, q, &self.params, &self.limits);
        let elapsed = started.elapsed();
        let after = (
            self.graph.node_count(),
            self.graph.edge_count(),
            self.graph.dirty,
        );
        let changed = before != after || result.as_ref().is_ok_and(|r| !r.stats.is_empty());
        match result {
            Ok(res) => {
                let mut text = match self.render(&res) {
                    Ok(t) => t,
                    Err(e) => return (self.error(&e), false, changed),
                };
                if self.cancel.swap(false, Ordering::SeqCst) {
                    text.push_str("\n(Ctrl-C arrived after the query had finished)");
                }
                let mut footer = render::footer(res.rows.len(), self.timing.then_some(elapsed));
                if !res.stats.is_empty() {
                    footer = format!("{}; {footer}", query::render::stats_line(&res.stats));
                }
                if res.columns.is_empty() {
                    text.clear();
                }
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&paint_if(self.color, Style::Footer, &footer));
                for notice in &res.notices {
                    text.push('\n');
                    text.push_str(&paint_if(
                        self.color,
                        Style::Footer,
                        &format!("note: {notice}"),
                    ));
                }
                self.last = Some(res);
                (text, true, changed)
            }
            Err(e) => (render::query_error(&e, self.color), false, changed),
        }
    }

    fn render(&self, res: &QueryResult) -> Result<String, String> {
        let opts = RenderOptions {
            format: self.format,
            width: self.width,
            ..Default::default()
        };
        render::render_result(&self.graph, res, &opts).map_err(|e| e.to_string())
    }

    fn error(&self, msg: &str) -> String {
        paint_if(self.color, Style::Error, msg)
    }

    fn command(&mut self, cmd: Command) -> Reply {
        match cmd {
            Command::Help(topic) => match help::help(&self.graph, topic.as_deref()) {
                Ok(t) => Reply::text(t),
                Err(e) => Reply::text(self.error(&e)),
            },
            Command::Schema => Reply::text(summary::schema(&self.graph)),
            Command::Stats => Reply::text(summary::stats(&self.graph, self.file.as_deref())),
            Command::Show(name) => match dossier::dossier(&self.graph, &name) {
                Ok(d) => Reply::text(d.render(self.color)),
                Err(e) => Reply::text(self.error(&e.to_string())),
            },
            Command::Path(a, b) => match path_explain::path_between(&self.graph, &a, &b) {
                Ok(t) => Reply::text(t),
                Err(e) => Reply::text(self.error(&e.to_string())),
            },
            Command::Load(paths) => self.load(&paths),
            Command::Open { file, force } => self.open(&file, force),
            Command::Save(file) => match self.save(file) {
                Ok(t) => Reply::text(t),
                Err(e) => Reply::text(self.error(&e)),
            },
            Command::Dot {
                file,
                render,
                query,
            } => match self.dot(&file, render, query.as_deref()) {
                Ok(t) => Reply::text(t),
                Err(e) => Reply::text(self.error(&e)),
            },
            Command::Param(arg) => Reply::text(self.param(arg)),
            Command::Explain(q) => {
                let q = q.trim().trim_end_matches(';');
                match explain::explain(&self.graph, q) {
                    Ok(plan) => Reply::text(plan),
                    Err(e) => Reply::text(render::query_error(&e, self.color)),
                }
            }
            Command::Format(f) => {
                self.format = f;
                Reply::text(format!("results as {f:?}").to_lowercase())
            }
            Command::Timing(on) => {
                self.timing = on;
                Reply::text(format!("timing {}", if on { "on" } else { "off" }))
            }
            Command::Unsaved(p) => {
                self.unsaved = p;
                Reply::text(match p {
                    UnsavedPolicy::Ask => "leaving with unsaved changes asks first",
                    UnsavedPolicy::Refuse => {
                        "leaving with unsaved changes is refused until :save (or :quit!)"
                    }
                })
            }
            Command::Quit { force } => self.quit(force),
        }
    }

    /// Leaving: quits, asks, or refuses, by the unsaved-changes policy.
    pub fn quit(&mut self, force: bool) -> Reply {
        if force || !self.graph.dirty {
            return Reply {
                text: String::new(),
                action: Action::Quit,
                vocab_changed: false,
            };
        }
        match self.unsaved {
            UnsavedPolicy::Ask => Reply {
                text: String::new(),
                action: Action::ConfirmQuit,
                vocab_changed: false,
            },
            UnsavedPolicy::Refuse => Reply::text(self.error(
                "the graph has unsaved changes: :save [FILE] first, or :quit! to leave without saving",
            )),
        }
    }

    /// Saves to `file`, or to the session's file.
    pub fn save(&mut self, file: Option<PathBuf>) -> Result<String, String> {
        let path = file
            .or_else(|| self.file.clone())
            .ok_or("no file to save to yet: :save FILE.ngraph")?;
        graph::save(&self.graph, &path).map_err(|e| e.to_string())?;
        self.graph.dirty = false;
        self.file = Some(path.clone());
        Ok(format!(
            "saved {} nodes, {} relationships to {}",
            self.graph.node_count(),
            self.graph.edge_count(),
            path.display()
        ))
    }

    fn load(&mut self, paths: &[PathBuf]) -> Reply {
        let files = match text::collect_files(paths) {
            Ok(f) => f,
            Err(e) => return Reply::text(self.error(&e.to_string())),
        };
        if files.is_empty() {
            return Reply::text(self.error("no .txt files there"));
        }
        let bar = if self.progress {
            let b = ProgressBar::new(files.len() as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {pos}/{len} articles {elapsed} {msg}")
            {
                b.set_style(style);
            }
            b
        } else {
            ProgressBar::hidden()
        };
        let (nodes, edges) = (self.graph.node_count(), self.graph.edge_count());
        let mut added = 0;
        let mut skipped = 0;
        let mut problems = Vec::new();
        let mut cancelled = false;
        // Small batches keep the bar moving and let Ctrl-C stop between batches.
        for chunk in files.chunks(4) {
            if self.cancel.load(Ordering::SeqCst) {
                cancelled = true;
                break;
            }
            // the reader `build` uses, so a JSON Lines file gives one article per line
            let read = text::read_inputs(chunk, &text::ReadOptions::default());
            problems.extend(read.skipped.iter().map(|e| e.to_string()));
            let r = extract::ingest(&mut self.graph, read.docs);
            added += r.documents_added;
            skipped += r.documents_skipped;
            bar.inc(chunk.len() as u64);
        }
        bar.finish_and_clear();
        let mut out = format!(
            "added {added} documents ({skipped} already present): +{} nodes, +{} relationships",
            self.graph.node_count().saturating_sub(nodes),
            self.graph.edge_count().saturating_sub(edges)
        );
        if cancelled {
            out.push_str("\nstopped by Ctrl-C; the articles read so far are in the graph");
        }
        for p in problems {
            let _ = write!(out, "\n{}", self.error(&format!("skipped {p}")));
        }
        Reply {
            text: out,
            action: Action::Continue,
            vocab_changed: true,
        }
    }

    fn open(&mut self, file: &Path, force: bool) -> Reply {
        if self.graph.dirty && !force {
            return Reply::text(self.error(
                "the graph has unsaved changes: :save first, or :open! FILE to discard them",
            ));
        }
        let opened = if inputs::is_graph_file(file) {
            graph::load(file).map_err(|e| e.to_string())
        } else {
            inputs::open(&[file.to_path_buf()])
                .map(|(g, _)| g)
                .map_err(|e| e.to_string())
        };
        match opened {
            Ok(g) => {
                self.graph = g;
                self.file = inputs::is_graph_file(file).then(|| file.to_path_buf());
                self.last = None;
                Reply {
                    text: self.banner().lines().next().unwrap_or_default().to_string(),
                    action: Action::Continue,
                    vocab_changed: true,
                }
            }
            Err(e) => Reply::text(self.error(&e)),
        }
    }

    fn dot(
        &mut self,
        file: &Path,
        render: Option<Render>,
        q: Option<&str>,
    ) -> Result<String, String> {
        let subset = match q {
            Some(q) => {
                let q = q.trim().trim_end_matches(';');
                let res = query::execute(&mut self.graph, q, &self.params, &self.limits)
                    .map_err(|e| render::query_error(&e, self.color))?;
                let sub = Subgraph::from_result(&self.graph, &res);
                self.last = Some(res);
                Some(sub)
            }
            None => self
                .last
                .as_ref()
                .map(|r| Subgraph::from_result(&self.graph, r)),
        };
        if subset.as_ref().is_some_and(|s| s.nodes.is_empty()) {
            return Err("the result has no nodes, relationships or paths to draw (RETURN them, e.g. RETURN p, r, c)".into());
        }
        let what = match &subset {
            Some(s) => format!(
                "{}, {}",
                plural(s.nodes.len(), "node"),
                plural(s.edges.len(), "relationship")
            ),
            None => "the whole graph".into(),
        };
        let mut buf = Vec::new();
        export::export(&self.graph, subset.as_ref(), Format::Dot, &mut buf)
            .map_err(|e| e.to_string())?;
        std::fs::write(file, &buf).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut out = format!("wrote {what} to {}", file.display());
        if let Some(r) = render {
            let ext = match r {
                Render::Svg => "svg",
                Render::Png => "png",
            };
            let target = file.with_extension(ext);
            let status = std::process::Command::new("dot")
                .arg(format!("-T{ext}"))
                .arg(file)
                .arg("-o")
                .arg(&target)
                .status();
            match status {
                Ok(s) if s.success() => {
                    let _ = write!(out, "\nrendered {}", target.display());
                }
                Ok(s) => return Err(format!("{out}\nGraphviz dot failed ({s})")),
                Err(_) => {
                    return Err(format!(
                        "{out}\nGraphviz is not installed (no `dot` command); install it to render"
                    ));
                }
            }
        }
        Ok(out)
    }

    fn param(&mut self, arg: Option<(String, Option<String>)>) -> String {
        match arg {
            None if self.params.is_empty() => {
                "no parameters; set one with :param name value".into()
            }
            None => self
                .params
                .iter()
                .map(|(k, v)| format!("${k} = {}", render::literal(&self.graph, v)))
                .collect::<Vec<_>>()
                .join("\n"),
            Some((k, None)) => match self.params.get(&k) {
                Some(v) => format!("${k} = {}", render::literal(&self.graph, v)),
                None => self.error(&format!("${k} is not set")),
            },
            Some((k, Some(v))) => {
                let value = parse_literal(&v);
                let shown = render::literal(&self.graph, &value);
                self.params.insert(k.clone(), value);
                format!("${k} = {shown}")
            }
        }
    }
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Splits input into statements at `;` outside strings and comments (the `;` is dropped).
pub fn statements(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for t in scan::scan(input) {
        if t.kind == scan::TokenKind::Punct && &input[t.range.clone()] == ";" {
            out.push(input[start..t.range.start].to_string());
            start = t.range.end;
        }
    }
    out.push(input[start..].to_string());
    out.into_iter()
        .filter(|s| {
            scan::scan(s).iter().any(|t| {
                !matches!(
                    t.kind,
                    scan::TokenKind::Whitespace | scan::TokenKind::Comment { .. }
                )
            })
        })
        .map(|s| s.trim().to_string())
        .collect()
}

/// A parameter value: a literal of the query language (`42`, `'text'`, `[1, 2]`, `{k: 1}`), or
/// else the text itself as a string.
pub fn parse_literal(text: &str) -> Value {
    let t = text.trim();
    query::render::parse_param(&format!("p={t}"))
        .map(|(_, v)| v)
        .unwrap_or_else(|| Value::String(t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    fn session() -> Session {
        let mut g = Graph::new();
        let mut p = Node::new("Person");
        p.props.insert("name".into(), "Ana Ruiz".into());
        let a = g.add_node(p);
        let mut c = Node::new("Country");
        c.props.insert("name".into(), "Chile".into());
        let b = g.add_node(c);
        let mut e = Edge::new("HOLDS_OFFICE");
        e.props.insert("title".into(), "Minister".into());
        g.add_edge(a, b, e);
        g.dirty = false;
        let mut s = Session::new(g, None);
        s.timing = false;
        s
    }

    #[test]
    fn queries_print_a_table_then_the_row_count() {
        let mut s = session();
        s.width = Some(80);
        let r = s.handle("MATCH (p:Person)-[h:HOLDS_OFFICE]->(c)\nRETURN p, h.title, c.name;");
        assert!(
            r.text.contains("(:Person {name: \"Ana Ruiz\"})"),
            "{}",
            r.text
        );
        assert!(r.text.contains("Minister"), "{}", r.text);
        assert!(r.text.ends_with("\n1 row"), "{}", r.text);
        assert!(!r.vocab_changed);
        s.timing = true;
        let r = s.handle("MATCH (n) RETURN n.name AS name ORDER BY name;");
        let last = r.text.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("2 rows, ") && last.ends_with(" ms"),
            "{last}"
        );
        s.timing = false;
        assert_eq!(s.handle(":format csv").text, "results as csv");
        assert_eq!(
            s.handle("MATCH (n) RETURN n.name AS name ORDER BY name;")
                .text,
            "name\nAna Ruiz\nChile\n2 rows"
        );
    }

    #[test]
    fn errors_show_a_caret_and_later_statements_do_not_run() {
        let mut s = session();
        let r = s.handle("MATCH (p:Person RETURN p; CREATE (:X);");
        let lines: Vec<&str> = r.text.lines().collect();
        assert!(lines[0].starts_with("syntax error at line 1"), "{}", r.text);
        assert!(lines.iter().any(|l| l.trim() == "^"), "{}", r.text);
        assert!(s.graph.nodes_with_label("X").is_empty());
    }

    #[test]
    fn updates_report_changes_and_refresh_completion() {
        let mut s = session();
        s.handle(":param who 'Bo Lind'");
        let r = s.handle("CREATE (:Person {name: $who});");
        assert!(r.text.contains("1 node created"), "{}", r.text);
        assert!(r.vocab_changed);
        assert!(s.graph.dirty);
        assert_eq!(s.graph.nodes_named("bo lind").len(), 1);
    }

    #[test]
    fn dot_writes_the_last_result_or_a_query() {
        let mut s = session();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.dot");
        s.handle("MATCH (p:Person)-[h]->(c) RETURN p, h, c;");
        let r = s.handle(&format!(":dot {}", file.display()));
        assert!(
            r.text.starts_with("wrote 2 nodes, 1 relationship"),
            "{}",
            r.text
        );
        let dot = std::fs::read_to_string(&file).unwrap();
        assert!(
            dot.contains("Ana Ruiz") && dot.contains("HOLDS_OFFICE"),
            "{dot}"
        );
        let r = s.handle(&format!(
            ":dot {} MATCH (c:Country) RETURN c",
            file.display()
        ));
        assert!(
            r.text.starts_with("wrote 1 node, 0 relationships"),
            "{}",
            r.text
        );
        let r = s.handle(&format!(":dot {} RETURN 1", file.display()));
        assert!(r.text.contains("no nodes"), "{}", r.text);
        if std::process::Command::new("dot").arg("-V").output().is_ok() {
            let r = s.handle(&format!(
                ":dot {} --render svg MATCH (n) RETURN n",
                file.display()
            ));
            assert!(r.text.contains("rendered"), "{}", r.text);
            let svg = std::fs::read_to_string(dir.path().join("r.svg")).unwrap();
            assert!(svg.contains("<svg"));
        } else {
            println!("note: Graphviz not installed; --render not tested");
        }
    }

    #[test]
    fn odd_commands_get_messages_not_panics() {
        let mut s = session();
        for input in [
            ":",
            ":path",
            ":path \"",
            ":show \"",
            ":show ''",
            ":param $",
            ":param 1x 2",
            ":dot",
            ":dot f --render gif",
            ":load",
            ":open",
            ":open /no/such.ngraph",
            ":format",
            ":explain",
            ":explain RETURN",
            ":help ünknown",
            ";",
            ";;",
            "// only a comment;",
            ":show 日本",
            ":path 日本 \u{1F600}",
        ] {
            let r = s.handle(input);
            assert_eq!(r.action, Action::Continue, "{input}");
        }
    }

    #[test]
    fn splits_statements_outside_strings() {
        assert_eq!(
            statements("RETURN 'a;b'; RETURN 2; // end"),
            vec!["RETURN 'a;b'", "RETURN 2"]
        );
    }

    #[test]
    fn meta_commands_answer_in_text() {
        let mut s = session();
        assert!(
            s.handle(":show ana ruiz")
                .text
                .contains("Minister of Chile")
        );
        assert!(
            s.handle(":path \"Ana Ruiz\" Chile")
                .text
                .starts_with("Ana Ruiz —HOLDS_OFFICE→ Chile")
        );
        assert_eq!(s.handle(":format csv").text, "results as csv");
        assert_eq!(s.format, OutputFormat::Csv);
        assert_eq!(s.handle(":param n 42").text, "$n = 42");
        assert_eq!(s.handle(":param who 'Ana'").text, "$who = \"Ana\"");
        assert_eq!(s.params.get("n"), Some(&Value::Int(42)));
        assert!(s.handle(":nonsense").text.contains("unknown command"));
        assert!(s.handle(":schema").text.contains("[:HOLDS_OFFICE]"));
        assert!(s.handle(":help").text.contains(":show Ana Ruiz"));
    }

    #[test]
    fn quitting_with_unsaved_changes_asks_or_refuses() {
        let mut s = session();
        assert_eq!(s.handle(":quit").action, Action::Quit);
        s.graph.dirty = true;
        assert_eq!(s.handle(":quit").action, Action::ConfirmQuit);
        s.handle(":unsaved refuse");
        let r = s.handle(":quit");
        assert_eq!(r.action, Action::Continue);
        assert!(r.text.contains("unsaved changes"));
        assert_eq!(s.handle(":quit!").action, Action::Quit);
        assert!(s.handle(":save").text.contains("no file to save to yet"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.ngraph");
        let r = s.handle(&format!(":save {}", path.display()));
        assert!(r.text.starts_with("saved 2 nodes"), "{}", r.text);
        assert!(!s.graph.dirty);
        assert_eq!(s.handle(":quit").action, Action::Quit);
        // Opening it again gives the same graph.
        let r = s.handle(&format!(":open {}", path.display()));
        assert!(r.text.contains("2 nodes, 1 relationships"), "{}", r.text);
    }

    #[test]
    fn load_adds_articles_to_the_open_graph() {
        let mut s = session();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Ana Ruiz visited Lima on Monday.").unwrap();
        let r = s.handle(&format!(":load {}", dir.path().display()));
        assert!(
            r.text.starts_with("added 1 documents (0 already present)"),
            "{}",
            r.text
        );
        assert!(r.vocab_changed);
        assert_eq!(s.graph.documents().len(), 1);
        let r = s.handle(&format!(":load {}", dir.path().display()));
        assert!(
            r.text.starts_with("added 0 documents (1 already present)"),
            "{}",
            r.text
        );
        assert!(s.handle(":load /no/such/dir").text.contains("/no/such/dir"));
        // a JSON Lines file is one article per line, a bad line is named and skipped
        let feed = dir.path().join("feed.jsonl");
        std::fs::write(
            &feed,
            "{\"text\": \"Omar Haddad met Lena Vogel in Vienna.\"}\n{broken\n{\"text\": \"Lena Vogel left Vienna.\"}\n",
        )
        .unwrap();
        let r = s.handle(&format!(":load {}", feed.display()));
        assert!(r.text.starts_with("added 2 documents"), "{}", r.text);
        assert!(r.text.contains("feed.jsonl:2"), "{}", r.text);
    }

    #[test]
    fn parameters_parse_as_literals() {
        assert_eq!(
            parse_literal("[1, \"a\"]"),
            Value::List(vec![Value::Int(1), Value::String("a".into())])
        );
        assert_eq!(parse_literal("'it\\'s'"), Value::String("it's".into()));
        assert_eq!(
            parse_literal("Lee Jae Myung"),
            Value::String("Lee Jae Myung".into())
        );
        assert_eq!(parse_literal("2.5"), Value::Float(2.5));
    }
}
