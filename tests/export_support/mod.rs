//! Shared by the export tests: a small hand-made graph with every label and relationship type,
//! hostile strings, and finders for the external tools (Graphviz, a Python with networkx/kuzu).
#![allow(dead_code)]

use newsgraph::graph::{DocumentInfo, Edge, Graph, Node, NodeId, Span, Value, schema};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A deterministic pseudo-random generator (xorshift), so failures reproduce.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that break naive writers of DOT, XML, CSV or Cypher.
const HOSTILE: &[&str] = &[
    "\"",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "<",
    ">",
    "&",
    "&amp;",
    "&#9731;",
    "<B>",
    "</TABLE>",
    "{",
    "}",
    "[",
    "]",
    ";",
    ",",
    "=",
    "->",
    "--",
    "/*",
    "*/",
    "//",
    "#",
    "'",
    "`",
    "\\N",
    "\\G",
    "\\l",
    "\\\"",
    "é",
    "Ñ",
    "漢字",
    "😀",
    "\u{202e}",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{FEFF}",
    "\u{FFFE}",
    " ",
    "  ",
    "$x",
    "${x}",
    "%s",
    "\u{2028}",
    "Ω",
    "ß",
    "İ",
    "|",
    "null",
    "NaN",
    "MATCH (n) DETACH DELETE n",
    "\"\"\"",
    "'''",
    "}}",
    "]]>",
    "<![CDATA[",
    "<?xml",
    "\\u0041",
];

/// A random hostile string of 1..=8 pieces mixed with plain words.
pub fn hostile(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..=rng.below(8) {
        if rng.below(3) == 0 {
            s.push_str(["Kim", "Ana", "O'Neil", "de la Cruz"][rng.below(4)]);
        } else {
            s.push_str(HOSTILE[rng.below(HOSTILE.len())]);
        }
    }
    s
}

fn node(label: &str, props: &[(&str, Value)], doc: u32) -> Node {
    let mut n = Node::new(label);
    for (k, v) in props {
        n.props.insert((*k).into(), v.clone());
    }
    n.sources.push(Span {
        doc,
        start: 0,
        end: 10,
    });
    n
}

fn s(v: &str) -> Value {
    Value::from(v)
}

fn list(v: &[&str]) -> Value {
    Value::from(v.iter().map(|x| x.to_string()).collect::<Vec<_>>())
}

fn edge(rel: &str, props: &[(&str, Value)], doc: u32) -> Edge {
    let mut e = Edge::new(rel);
    for (k, v) in props {
        e.props.insert((*k).into(), v.clone());
    }
    e.sources.push(Span {
        doc,
        start: 2,
        end: 8,
    });
    e
}

/// A small made-up graph with all seven labels and eight relationship types, two documents, a
/// removed node (so ids have a hole) and awkward but legal values (quotes, non-ASCII, floats).
pub fn sample_graph() -> Graph {
    let mut g = Graph::new();
    for (i, title) in ["Talks in \"Lakeview\"", "Ministers <meet> & agree"]
        .iter()
        .enumerate()
    {
        g.add_document(DocumentInfo {
            id: format!("doc{i}"),
            file: format!("corpus/doc{i}.txt"),
            title: Some(title.to_string()),
            date: Some(format!("2024-03-0{}", i + 1)),
            hash: format!("{i:08x}"),
            text: "Some article text that the spans point into.".into(),
            node: None,
        });
    }
    let d0 = g.add_node(node(
        schema::DOCUMENT,
        &[
            ("name", s("doc0")),
            ("file", s("corpus/doc0.txt")),
            ("title", s("Talks in \"Lakeview\"")),
            ("date", s("2024-03-01")),
        ],
        0,
    ));
    let d1 = g.add_node(node(
        schema::DOCUMENT,
        &[
            ("name", s("doc1")),
            ("file", s("corpus/doc1.txt")),
            ("title", s("Ministers <meet> & agree")),
            ("date", s("2024-03-02")),
        ],
        1,
    ));
    let ana = g.add_node(node(
        schema::PERSON,
        &[
            ("name", s("Ana Ñúñez")),
            ("aliases", list(&["Ñúñez", "Minister Ñúñez"])),
        ],
        0,
    ));
    let gone = g.add_node(node(schema::PERSON, &[("name", s("Removed"))], 0));
    let bo = g.add_node(node(
        schema::PERSON,
        &[
            ("name", s("Bo \"The Hat\" Lindqvist")),
            ("aliases", list(&["Lindqvist"])),
        ],
        1,
    ));
    let cy = g.add_node(node(
        schema::PERSON,
        &[("name", s("Cy Lindqvist")), ("aliases", list(&[]))],
        1,
    ));
    let ru = g.add_node(node(
        schema::COUNTRY,
        &[("name", s("Ruritania")), ("aliases", list(&["Ruritanian"]))],
        0,
    ));
    let fr = g.add_node(node(
        schema::COUNTRY,
        &[
            ("name", s("Freedonia")),
            ("aliases", list(&["Freedonian", "Freedonians"])),
        ],
        1,
    ));
    let org = g.add_node(node(
        schema::ORGANIZATION,
        &[
            ("name", s("Union of Lakes; \"ULA\"")),
            ("aliases", list(&["ULA"])),
        ],
        1,
    ));
    let city = g.add_node(node(
        schema::PLACE,
        &[("name", s("Lakeview")), ("aliases", list(&[]))],
        0,
    ));
    let meet = g.add_node(node(
        schema::MEETING,
        &[
            ("name", s("Lakeview summit")),
            ("date", s("2024-02")),
            ("date_end", s("2024-03")),
            ("status", s("held")),
            ("score", Value::Float(0.75)),
        ],
        0,
    ));
    let st = g.add_node(node(
        schema::STATEMENT,
        &[
            ("text", s("We will not accept a \"deal\" that ignores the lakes,\nand we said so \\ clearly.")),
            ("date", s("2024-03-01")),
        ],
        0,
    ));
    g.remove_node(gone);
    let e = |g: &mut Graph, a: NodeId, b: NodeId, ed: Edge| {
        g.add_edge(a, b, ed);
    };
    e(
        &mut g,
        ana,
        ru,
        edge(
            schema::HOLDS_OFFICE,
            &[
                ("title", s("Foreign Minister")),
                ("former", Value::Bool(false)),
            ],
            0,
        ),
    );
    e(
        &mut g,
        bo,
        fr,
        edge(
            schema::HOLDS_OFFICE,
            &[("title", s("President")), ("former", Value::Bool(false))],
            1,
        ),
    );
    e(
        &mut g,
        cy,
        fr,
        edge(
            schema::HOLDS_OFFICE,
            &[
                ("title", s("Prime Minister")),
                ("former", Value::Bool(true)),
            ],
            1,
        ),
    );
    e(
        &mut g,
        cy,
        org,
        edge(
            schema::HOLDS_OFFICE,
            &[
                ("title", s("Secretary-General")),
                ("former", Value::Bool(false)),
            ],
            1,
        ),
    );
    e(
        &mut g,
        bo,
        cy,
        edge(schema::RELATIVE_OF, &[("relation", s("brother"))], 1),
    );
    e(&mut g, city, ru, edge(schema::LOCATED_IN, &[], 0));
    e(&mut g, ana, meet, edge(schema::PARTICIPATED_IN, &[], 0));
    e(&mut g, bo, meet, edge(schema::PARTICIPATED_IN, &[], 0));
    e(&mut g, fr, meet, edge(schema::PARTICIPATED_IN, &[], 0));
    e(&mut g, meet, city, edge(schema::HELD_IN, &[], 0));
    e(
        &mut g,
        ana,
        st,
        edge(schema::SAID, &[("date", s("2024-03-01"))], 0),
    );
    e(&mut g, st, fr, edge(schema::MENTIONS, &[], 0));
    for (n, d, c) in [
        (ana, d0, 3),
        (ru, d0, 2),
        (city, d0, 1),
        (meet, d0, 1),
        (bo, d1, 2),
        (cy, d1, 1),
        (fr, d1, 4),
        (org, d1, 1),
    ] {
        e(
            &mut g,
            n,
            d,
            edge(
                schema::MENTIONED_IN,
                &[("count", Value::Int(c))],
                if d == d0 { 0 } else { 1 },
            ),
        );
    }
    let _ = d1;
    g
}

/// A graph whose names, labels, types, keys and values are random hostile strings.
pub fn hostile_graph(seed: u64, nodes: usize) -> Graph {
    let mut rng = Rng::new(seed);
    let mut g = Graph::new();
    g.add_document(DocumentInfo {
        id: hostile(&mut rng),
        file: hostile(&mut rng),
        title: Some(hostile(&mut rng)),
        date: None,
        hash: "0".into(),
        text: hostile(&mut rng),
        node: None,
    });
    let mut ids = Vec::new();
    for i in 0..nodes {
        let label = if i % 5 == 4 {
            hostile(&mut rng)
        } else {
            schema::ALL_LABELS[rng.below(schema::ALL_LABELS.len())].to_string()
        };
        let mut n = Node::new(&label);
        n.props
            .insert("name".into(), Value::from(hostile(&mut rng)));
        n.props
            .insert("text".into(), Value::from(hostile(&mut rng)));
        n.props.insert(
            "aliases".into(),
            Value::from(vec![hostile(&mut rng), hostile(&mut rng)]),
        );
        n.props
            .insert(hostile(&mut rng).into(), Value::from(hostile(&mut rng)));
        n.sources.push(Span {
            doc: 0,
            start: 0,
            end: 1,
        });
        ids.push(g.add_node(n));
    }
    for _ in 0..nodes * 2 {
        let (a, b) = (ids[rng.below(ids.len())], ids[rng.below(ids.len())]);
        let rel = if rng.below(4) == 0 {
            hostile(&mut rng)
        } else {
            schema::ALL_REL_TYPES[rng.below(schema::ALL_REL_TYPES.len())].to_string()
        };
        let mut e = Edge::new(&rel);
        e.props
            .insert("title".into(), Value::from(hostile(&mut rng)));
        e.props
            .insert("date".into(), Value::from(hostile(&mut rng)));
        e.props.insert(
            hostile(&mut rng).into(),
            Value::Int(rng.below(1000) as i64 - 500),
        );
        g.add_edge(a, b, e);
    }
    g
}

/// The Graphviz `dot` program, or `None` (with a printed note) when it is not installed.
pub fn graphviz() -> Option<PathBuf> {
    let ok = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if ok {
        Some(PathBuf::from("dot"))
    } else {
        eprintln!(
            "note: Graphviz `dot` not found; skipping (install with `apt-get install graphviz`)"
        );
        None
    }
}

/// A Python that can import `modules`: `$NEWSGRAPH_PYTHON` when set, else `target/pyenv` (made by
/// .ci/run). `None`, with a printed note, when none is available.
pub fn python_with(modules: &[&str]) -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pyenv/bin/python");
    let candidates: Vec<PathBuf> = std::env::var_os("NEWSGRAPH_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .chain([local])
        .collect();
    let import = format!("import {}", modules.join(", "));
    for py in candidates {
        if Command::new(&py)
            .args(["-c", &import])
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Some(py);
        }
    }
    eprintln!(
        "note: no Python with {modules:?} found (set NEWSGRAPH_PYTHON, or run \
         `python3 -m venv target/pyenv && target/pyenv/bin/pip install {}`); skipping",
        modules.join(" ")
    );
    None
}

/// Runs a Python script with arguments and returns its stdout, panicking with its stderr on failure.
pub fn run_python(py: &Path, script: &str, args: &[&str]) -> String {
    let out = Command::new(py)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
