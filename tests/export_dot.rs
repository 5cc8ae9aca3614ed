//! DOT export: rendered by the real Graphviz on the seeds, on a hand-made graph with every label,
//! and on random hostile names; deterministic; `--render`, `--around`, clusters and rankdir.

mod common;
mod export_support;

use common::{run, run_ok, seeds};
use export_support::{graphviz, hostile_graph, sample_graph};
use newsgraph::export::{self, Cluster, DotOptions, Format, Options, RankDir};
use newsgraph::graph::Graph;
use std::io::Write;
use std::process::{Command, Stdio};

fn dot_text(g: &Graph, dot: DotOptions) -> String {
    let mut out = Vec::new();
    export::export_with(
        g,
        None,
        Format::Dot,
        &Options {
            dot,
            ..Default::default()
        },
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// Renders DOT with `dot -Tsvg`, asserting it is accepted without errors; returns the SVG.
fn render_svg(dot_bin: &std::path::Path, src: &str) -> String {
    let mut child = Command::new(dot_bin)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = src.to_string();
    let w = std::thread::spawn(move || stdin.write_all(data.as_bytes()));
    let out = child.wait_with_output().unwrap();
    w.join().unwrap().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "dot failed: {err}\n--- input ---\n{src}"
    );
    assert!(
        !err.contains("Error") && !err.contains("syntax"),
        "dot complained: {err}\n--- input ---\n{src}"
    );
    String::from_utf8(out.stdout).unwrap()
}

fn all_option_sets() -> Vec<DotOptions> {
    let mut v = Vec::new();
    for cluster in [None, Some(Cluster::Document), Some(Cluster::Country)] {
        for rankdir in [RankDir::LeftRight, RankDir::TopBottom] {
            v.push(DotOptions {
                rankdir,
                cluster,
                legend: true,
            });
        }
    }
    v.push(DotOptions {
        legend: false,
        ..Default::default()
    });
    v
}

#[test]
fn seeds_export_renders_with_graphviz() {
    let Some(dot) = graphviz() else { return };
    let seeds = seeds();
    for extra in [
        &[][..],
        &["--cluster", "document"],
        &["--cluster", "country", "--rankdir", "TB"],
    ] {
        let mut args = vec!["export", seeds.to_str().unwrap(), "--format", "dot"];
        args.extend_from_slice(extra);
        let src = run_ok(&args);
        assert!(src.contains("digraph"));
        let svg = render_svg(&dot, &src);
        assert!(svg.contains("<svg"));
    }
}

#[test]
fn sample_graph_renders_with_every_option_and_shows_the_facts() {
    let Some(dot) = graphviz() else { return };
    let g = sample_graph();
    for opts in all_option_sets() {
        let src = dot_text(&g, opts.clone());
        let svg = render_svg(&dot, &src);
        // Office titles and dates on edges, escaped names, the quote's excerpt.
        assert!(svg.contains("Foreign Minister"), "{opts:?}");
        assert!(svg.contains("former Prime Minister"), "{opts:?}");
        assert!(svg.contains("Bo &quot;The Hat&quot; Lindqvist"), "{opts:?}");
        assert!(
            svg.contains("Ministers &lt;meet&gt; &amp; agree"),
            "{opts:?}"
        );
        assert!(
            svg.contains("2024&#45;02 – 2024&#45;03") || svg.contains("2024-02 – 2024-03"),
            "{opts:?}"
        );
        if opts.legend {
            assert!(
                svg.contains("Legend") && svg.contains("Person (3)"),
                "{opts:?}"
            );
        }
        match opts.cluster {
            Some(Cluster::Country) => assert!(src.contains("subgraph \"cluster_country_")),
            Some(Cluster::Document) => assert!(src.contains("subgraph \"cluster_doc_")),
            None => assert!(!src.contains("cluster_doc") && !src.contains("cluster_country")),
        }
    }
}

#[test]
fn statements_are_short_wrapped_excerpts_with_the_full_quote_in_the_tooltip() {
    let mut g = sample_graph();
    let long = "This is a very long statement that goes on and on about many things, \
                far more than fits in one box of a drawing, and it ends here.";
    let st = g.nodes_with_label("Statement")[0];
    g.update_node(st, |n| {
        n.props.insert("text".into(), long.into());
    });
    let src = dot_text(&g, DotOptions::default());
    let line = src
        .lines()
        .find(|l| l.contains("shape=\"note\"") && l.starts_with("  \"n"))
        .unwrap();
    let (label, tooltip) = line.split_once("tooltip=").unwrap();
    assert!(label.contains('…') && label.contains("<BR/>"), "{label}");
    assert!(!label.contains("it ends here"), "{label}");
    assert!(tooltip.contains("and it ends here."), "{tooltip}");
}

#[test]
fn random_hostile_names_always_render() {
    let Some(dot) = graphviz() else { return };
    for seed in 1..=12 {
        let g = hostile_graph(seed, 12);
        for opts in all_option_sets() {
            render_svg(&dot, &dot_text(&g, opts));
        }
    }
}

#[test]
fn output_is_deterministic() {
    let g = sample_graph();
    for opts in all_option_sets() {
        assert_eq!(dot_text(&g, opts.clone()), dot_text(&g.clone(), opts));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ngraph");
    newsgraph::graph::save(&g, &file).unwrap();
    let a = run_ok(&["export", file.to_str().unwrap(), "--cluster", "country"]);
    let b = run_ok(&["export", file.to_str().unwrap(), "--cluster", "country"]);
    assert_eq!(a, b);
    assert_eq!(
        a,
        dot_text(
            &g,
            DotOptions {
                cluster: Some(Cluster::Country),
                ..Default::default()
            }
        )
    );
}

#[test]
fn around_exports_the_neighbourhood_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ngraph");
    newsgraph::graph::save(&sample_graph(), &file).unwrap();
    let f = file.to_str().unwrap();
    let one = run_ok(&[
        "export",
        f,
        "--around",
        "lindqvist",
        "--depth",
        "1",
        "--no-legend",
    ]);
    assert!(
        one.contains("Bo &quot;The Hat&quot;") || one.contains("Bo &quot;The Hat&quot; Lindqvist")
    );
    assert!(
        one.contains("Freedonia") && one.contains("Cy Lindqvist"),
        "{one}"
    );
    assert!(!one.contains("Ruritania"), "{one}");
    let two = run_ok(&[
        "export",
        f,
        "--around",
        "Bo \"The Hat\" Lindqvist",
        "--depth",
        "2",
    ]);
    assert!(two.contains("Union of Lakes"), "{two}");
    let out = run(&["export", f, "--around", "Nobody Here"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody Here"));
}

#[test]
fn render_writes_pictures_or_explains_how_to_install_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ngraph");
    newsgraph::graph::save(&sample_graph(), &file).unwrap();
    let f = file.to_str().unwrap();
    let svg = dir.path().join("out.svg");
    let missing = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["export", f, "--render", "svg", "-o", svg.to_str().unwrap()])
        .env("GRAPHVIZ_DOT", "/nonexistent/bin/dot")
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("not found") && err.contains("apt-get install graphviz"),
        "{err}"
    );
    if graphviz().is_none() {
        return;
    }
    for (kind, magic) in [
        ("svg", &b"<?xml"[..]),
        ("png", b"\x89PNG"),
        ("pdf", b"%PDF"),
    ] {
        let out = dir.path().join(format!("out.{kind}"));
        run_ok(&["export", f, "--render", kind, "-o", out.to_str().unwrap()]);
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{kind}");
    }
    let out = run(&[
        "export",
        f,
        "--format",
        "jsonl",
        "--render",
        "svg",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn graphviz_shows_hostile_text_literally() {
    let Some(dot) = graphviz() else { return };
    let mut g = Graph::new();
    let mut n = newsgraph::graph::Node::new("Person");
    n.props.insert("name".into(), "Q\"&amp;\\N<i>\\x".into());
    g.add_node(n);
    let svg = render_svg(
        &dot,
        &dot_text(
            &g,
            DotOptions {
                legend: false,
                ..Default::default()
            },
        ),
    );
    let shown = "Q&quot;&amp;amp;\\N&lt;i&gt;\\x";
    let text = svg.lines().find(|l| l.contains("<text")).unwrap();
    assert!(text.contains(&format!(">{shown}</text>")), "{svg}");
    let title = svg
        .lines()
        .find(|l| l.contains("xlink:title=\"Person"))
        .unwrap();
    assert!(title.contains(shown), "{title}");
}

#[test]
fn query_exports_only_what_the_query_returns() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ngraph");
    newsgraph::graph::save(&sample_graph(), &file).unwrap();
    let f = file.to_str().unwrap();
    let q = "MATCH (p:Person)-[r:HOLDS_OFFICE]->(c:Country) RETURN p, r, c";
    let dot = run_ok(&["export", f, "--query", q, "--no-legend"]);
    assert!(
        dot.contains("Foreign Minister") && dot.contains("Ruritania"),
        "{dot}"
    );
    assert!(
        !dot.contains("Union of Lakes") && !dot.contains("Lakeview summit"),
        "{dot}"
    );
    assert!(
        dot.starts_with("// newsgraph export: 5 nodes, 3 relationships"),
        "{dot}"
    );
    let jsonl = run_ok(&["export", f, "--query", q, "--format", "jsonl"]);
    assert_eq!(jsonl.lines().count(), 8);
}

#[test]
fn every_format_runs_from_the_cli_on_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = seeds();
    let s = seeds.to_str().unwrap();
    for (format, starts) in [
        ("dot", "// newsgraph export"),
        ("jsonl", "{"),
        ("graphml", "<?xml"),
        ("cypher", "// newsgraph export"),
    ] {
        let out = run_ok(&["export", s, "--format", format]);
        assert!(out.starts_with(starts), "{format}: {out}");
    }
    let csv = dir.path().join("csv");
    run_ok(&["export", s, "--format", "csv", "-o", csv.to_str().unwrap()]);
    assert!(csv.join("nodes_Document.csv").exists() && csv.join("kuzu-load.cypher").exists());
}

#[test]
fn hide_leaves_out_labels_and_types() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ngraph");
    newsgraph::graph::save(&sample_graph(), &file).unwrap();
    let f = file.to_str().unwrap();
    let out = run_ok(&[
        "export", f, "--format", "jsonl", "--hide", "Document", "--hide", "MENTIONS",
    ]);
    assert!(
        !out.contains("\"Document\"")
            && !out.contains("MENTIONED_IN")
            && !out.contains("\"MENTIONS\"")
    );
    assert_eq!(
        out.lines()
            .filter(|l| l.contains("\"type\":\"node\""))
            .count(),
        9
    );
    assert_eq!(
        out.lines()
            .filter(|l| l.contains("\"type\":\"relationship\""))
            .count(),
        11
    );
    let around = run_ok(&[
        "export",
        f,
        "--format",
        "jsonl",
        "--around",
        "Cy Lindqvist",
        "--depth",
        "1",
        "--hide",
        "Document",
    ]);
    assert_eq!(
        around
            .lines()
            .filter(|l| l.contains("\"type\":\"node\""))
            .count(),
        4
    );
}
