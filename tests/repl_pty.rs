//! End-to-end: the real `newsgraph repl` in a pseudo-terminal, typed at like a person would, with
//! what the screen shows checked through a terminal emulator (vt100).

#![cfg(unix)]

use expectrl::{Eof, Expect, Session};
use newsgraph::graph::{self, DocumentInfo, Edge, Graph, Node, Span, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const ROWS: u16 = 60;
const COLS: u16 = 100;

/// A small graph written for this test: one article, a person holding an office in a country.
fn fixture(dir: &Path) -> PathBuf {
    let text = "Foreign Minister Ana Ruiz of Chile arrived in Lima on Monday.";
    let mut g = Graph::new();
    let doc = g.add_document(DocumentInfo {
        id: "article1".into(),
        file: "article1.txt".into(),
        title: Some("Ruiz in Lima".into()),
        date: Some("2024-05-06".into()),
        hash: "0".into(),
        text: text.into(),
        node: None,
    });
    let span = |s: &str| {
        let start = text.find(s).unwrap_or(0) as u32;
        Span {
            doc,
            start,
            end: start + s.len() as u32,
        }
    };
    let mut p = Node::new("Person");
    p.props.insert("name".into(), "Ana Ruiz".into());
    p.props
        .insert("aliases".into(), Value::from(vec!["Ruiz".to_string()]));
    let a = g.add_node(p);
    let mut c = Node::new("Country");
    c.props.insert("name".into(), "Chile".into());
    let b = g.add_node(c);
    let mut e = Edge::new("HOLDS_OFFICE");
    e.props.insert("title".into(), "Foreign Minister".into());
    e.sources.push(span("Foreign Minister Ana Ruiz of Chile"));
    g.add_edge(a, b, e);
    let path = dir.join("fixture.ngraph");
    graph::save(&g, &path).expect("save fixture");
    path
}

/// The REPL under test and an emulated screen fed with everything it printed.
struct Term {
    p: expectrl::session::OsSession,
    screen: vt100::Parser,
}

impl Term {
    fn start(graph: &Path, data_home: &Path, extra_env: &[(&str, &str)]) -> Term {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
        cmd.arg("repl")
            .arg(graph)
            .env("XDG_DATA_HOME", data_home)
            .env("TERM", "xterm")
            .env_remove("NO_COLOR");
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let mut p = Session::spawn(cmd).expect("spawn newsgraph repl");
        p.get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("window size");
        p.set_expect_timeout(Some(Duration::from_secs(30)));
        Term {
            p,
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(ROWS).expect("rows"),
                std::num::NonZeroU16::new(COLS).expect("cols"),
                0,
            ),
        }
    }

    /// Waits until the output contains `needle`, feeding the screen.
    fn wait(&mut self, needle: &str) {
        match self.p.expect(needle) {
            Ok(c) => self.screen.process(c.as_bytes()),
            Err(e) => panic!(
                "waiting for {needle:?}: {e}\nscreen:\n{}",
                self.screen.screen().contents()
            ),
        }
    }

    fn send(&mut self, keys: &str) {
        self.p.send(keys).expect("send keys");
    }

    fn rows(&self) -> Vec<String> {
        self.screen
            .screen()
            .contents()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect()
    }

    fn contents(&self) -> String {
        self.screen.screen().contents()
    }
}

#[test]
fn typed_session_with_completion_multiline_query_error_and_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let graph = fixture(dir.path());
    let mut t = Term::start(&graph, dir.path(), &[]);
    t.wait("newsgraph> ");

    // Tab completes a label from the graph.
    t.send("MATCH (p:Pe");
    t.send("\t");
    t.wait("rson");
    // Enter on an unfinished query continues on a new line with the continuation prompt.
    t.send(")-[h:HOLDS_OFFICE]->(c)\r");
    t.wait("...> ");
    t.send("RETURN p.name AS name, h.title AS title, c;\r");
    t.wait("1 row");
    t.wait("newsgraph> ");
    let rows = t.rows();
    let first = rows
        .iter()
        .position(|r| r.starts_with("newsgraph> MATCH (p:Person)-[h:HOLDS_OFFICE]->(c)"))
        .unwrap_or_else(|| panic!("typed query not on screen:\n{}", t.contents()));
    assert_eq!(
        rows[first + 1],
        "      ...> RETURN p.name AS name, h.title AS title, c;"
    );
    let table: Vec<&String> = rows[first + 2..].iter().take(5).collect();
    assert!(
        table[1].contains("name") && table[1].contains("title"),
        "{table:?}"
    );
    assert!(
        table.iter().any(|r| r.contains("Ana Ruiz")
            && r.contains("Foreign Minister")
            && r.contains("(:Country {name: \"Chile\"})")),
        "{}",
        t.contents()
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("1 row, ") && r.ends_with(" ms"))
    );

    // Keywords are highlighted: the M of MATCH on the echoed query line is bold blue.
    let cell = t
        .screen
        .screen()
        .cell(first as u16, 11)
        .expect("cell")
        .clone();
    assert_eq!(cell.contents(), "M");
    assert!(cell.bold(), "MATCH is not highlighted");
    assert_eq!(cell.fgcolor(), vt100::Color::Idx(4));

    // Long text is wrapped to the terminal's width and cut after a few lines.
    t.send(&format!("RETURN '{}' AS long;\r", "many words ".repeat(60)));
    t.wait("1 row");
    t.wait("newsgraph> ");
    let rows = t.rows();
    let body: Vec<&String> = rows
        .iter()
        .skip_while(|r| !r.starts_with("newsgraph> RETURN 'many"))
        .filter(|r| r.starts_with('│'))
        .collect();
    assert!(body.len() >= 3, "{}", t.contents());
    assert!(body.iter().all(|r| r.ends_with('│')), "{}", t.contents());
    assert!(body.iter().any(|r| r.contains('…')), "{}", t.contents());

    // A syntax error shows a caret, then the prompt again.
    t.send("MATCH (p RETURN p;\r");
    t.wait("syntax error");
    t.wait("newsgraph> ");
    let rows = t.rows();
    let err = rows
        .iter()
        .position(|r| r.starts_with("syntax error at line 1"))
        .unwrap_or_else(|| panic!("no error on screen:\n{}", t.contents()));
    assert!(
        rows[err + 1..].iter().take(3).any(|r| r.trim() == "^"),
        "no caret:\n{}",
        t.contents()
    );

    // Names complete inside meta-commands; the dossier shows the supporting sentence.
    t.send(":show An");
    t.send("\t");
    t.wait("Ruiz");
    t.send("\r");
    t.wait("Offices");
    t.wait("newsgraph> ");
    let screen = t.contents();
    assert!(screen.contains("• Foreign Minister of Chile"), "{screen}");
    assert!(
        screen
            .contains("↳ [article1] Foreign Minister Ana Ruiz of Chile arrived in Lima on Monday."),
        "{screen}"
    );

    // Ctrl-C drops the input being typed and keeps the REPL running.
    t.send("MATCH (n)");
    t.send("\x03");
    // Wait for the next line edit to begin (bracketed paste is switched on again): keys typed
    // before that would be lost with the old line editor's buffer.
    t.wait("\x1b[?2004h");
    t.send(":timing off\r");
    t.wait("timing off");
    t.wait("newsgraph> ");
    assert!(
        !t.contents().contains("MATCH (n):timing"),
        "Ctrl-C kept the input:\n{}",
        t.contents()
    );
    t.send(":quit\r");
    match t.p.expect(Eof) {
        Ok(c) => t.screen.process(c.as_bytes()),
        Err(e) => panic!("REPL did not leave on :quit: {e}\n{}", t.contents()),
    }

    // The multi-line query is in the history file, as one entry.
    let history = std::fs::read_to_string(dir.path().join("newsgraph").join("history"))
        .expect("history file");
    assert!(history.contains("HOLDS_OFFICE"), "{history}");
    assert!(history.contains(":show Ana Ruiz"), "{history}");
}

#[test]
fn leaving_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let graph = fixture(dir.path());
    let mut t = Term::start(&graph, dir.path(), &[("NO_COLOR", "1")]);
    t.wait("newsgraph> ");
    t.send("CREATE (:Person {name: 'Bo Lind'});\r");
    t.wait("1 node created");
    t.wait("newsgraph> ");
    // Ctrl-D asks; cancelling keeps the REPL open.
    t.send("\x04");
    t.wait("unsaved changes");
    t.send("c\r");
    t.wait("newsgraph> ");
    // Answering yes saves to the file the graph came from, then leaves.
    t.send(":quit\r");
    t.wait("unsaved changes");
    t.send("y\r");
    match t.p.expect(Eof) {
        Ok(c) => t.screen.process(c.as_bytes()),
        Err(e) => panic!("REPL did not leave: {e}\n{}", t.contents()),
    }
    assert!(t.contents().contains("saved 3 nodes"), "{}", t.contents());
    let g = graph::load(&graph).expect("load saved graph");
    assert_eq!(g.nodes_named("Bo Lind").len(), 1);
    // NO_COLOR: no colour escape codes on screen.
    let cell = t.screen.screen().cell(0, 0).expect("cell").clone();
    assert_eq!(cell.fgcolor(), vt100::Color::Default);
}
