//! Benchmark harness: extraction throughput, peak memory, save/load, query latency.
//!
//! `bench build INPUTS... [--save FILE]` and `bench query GRAPH [--runs N]`; see docs/benchmarks.md.
//! Threads follow `RAYON_NUM_THREADS`.
#![forbid(unsafe_code)]

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use newsgraph::graph::{self, Graph, Value as GValue};
use newsgraph::query::{self, Limits, Params, Value};
use newsgraph::{extract, text};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The same allocator as the `newsgraph` binary, so that the figures are the product's.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "bench", about = "newsgraph benchmarks")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Read, extract and save the inputs; report throughput, memory, save and load time.
    Build {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Repeat the inputs this many times (each copy is made unique so none is skipped).
        #[arg(long, default_value_t = 1)]
        repeat: usize,
        /// Where to save the graph (a temporary file when absent).
        #[arg(long)]
        save: Option<PathBuf>,
        /// Join all inputs into one long document (checks that no pass is quadratic in length).
        #[arg(long)]
        concat: bool,
    },
    /// Query latency on a saved graph.
    Query {
        graph: PathBuf,
        /// Runs per query.
        #[arg(long, default_value_t = 200)]
        runs: usize,
        /// Print JSON lines (first the chosen names, then one line per query).
        #[arg(long)]
        json: bool,
        /// Run only the queries whose name contains this text (for profiling one query).
        #[arg(long)]
        only: Option<String>,
    },
}

fn main() -> Result<()> {
    match Cli::parse().cmd {
        Cmd::Build {
            inputs,
            repeat,
            save,
            concat,
        } => build(&inputs, repeat, save, concat),
        Cmd::Query {
            graph,
            runs,
            json,
            only,
        } => queries(&graph, runs, json, only.as_deref()),
    }
}

/// Peak resident memory of this process in MiB (VmHWM), when /proc tells it.
fn peak_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn build(inputs: &[PathBuf], repeat: usize, save: Option<PathBuf>, concat: bool) -> Result<()> {
    let threads = rayon::current_num_threads();
    let t0 = Instant::now();
    // the reader `build` uses: folders, HTML, JSON Lines (one article a line)
    let read = text::read_inputs(inputs, &text::ReadOptions::default());
    for s in &read.skipped {
        eprintln!("warning: skipped {s}");
    }
    // Without copies the documents are moved, as `newsgraph build` does: cloning them would
    // keep a second copy of the text alive through the build.
    let mut docs = read.docs;
    if repeat > 1 {
        let originals = std::mem::take(&mut docs);
        for r in 0..repeat {
            for f in &originals {
                let mut d = f.clone();
                d.id = format!("{}#{r}", d.id);
                d.file = format!("{}#{r}", d.file);
                // A trailing marker keeps the content hash distinct between copies.
                d.text.push_str(&format!("\n{}", " ".repeat(r % 7)));
                d.text.push_str(&"\u{200b}".repeat(r / 7));
                docs.push(d);
            }
        }
    }
    if concat && let Some(first) = docs.first().cloned() {
        let text = docs
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        docs = vec![text::SourceDoc {
            id: format!("{}-all", first.id),
            file: format!("{}-all", first.file),
            text,
            ..Default::default()
        }];
    }
    let read = t0.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.text.split_whitespace().count()).sum();
    let ndocs = docs.len();
    let mut g = Graph::new();
    let t1 = Instant::now();
    let report = extract::ingest(&mut g, docs);
    let extract_t = t1.elapsed();
    let path = save.unwrap_or_else(|| std::env::temp_dir().join("newsgraph-bench.ngraph"));
    let t2 = Instant::now();
    graph::save(&g, &path)?;
    let save_t = t2.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let peak_build = peak_mib();
    drop(g);
    let t3 = Instant::now();
    let g2 = graph::load(&path).with_context(|| path.display().to_string())?;
    let load_t = t3.elapsed();
    let secs = (extract_t + save_t).as_secs_f64().max(1e-9);
    println!("threads            {threads}");
    println!(
        "documents          {ndocs} ({} added, {} skipped)",
        report.documents_added, report.documents_skipped
    );
    println!(
        "text               {:.1} MB, {words} words",
        bytes as f64 / 1e6
    );
    println!(
        "graph              {} nodes, {} relationships",
        g2.node_count(),
        g2.edge_count()
    );
    println!("read files         {read:.2?}");
    println!("extract (ingest)   {extract_t:.2?}");
    println!(
        "save               {save_t:.2?}  ({:.1} MB file)",
        size as f64 / 1e6
    );
    println!("load               {load_t:.2?}");
    println!(
        "throughput         {:.2} MB/s, {:.0} words/s (extract + save)",
        bytes as f64 / 1e6 / secs,
        words as f64 / secs
    );
    let total = (read + extract_t + save_t).as_secs_f64().max(1e-9);
    println!(
        "whole build        {:.2?}: {:.2} MB/s, {:.0} words/s (read + extract + save)",
        read + extract_t + save_t,
        bytes as f64 / 1e6 / total,
        words as f64 / total
    );
    if let Some(p) = peak_build {
        println!("peak memory        {p:.0} MiB (VmHWM after build and save)");
    }
    Ok(())
}

/// A node name with the given label, for parameterising queries.
fn name_of(g: &Graph, label: &str, nth: usize) -> Option<String> {
    let ids = g.nodes_with_label(label);
    let id = ids.get(nth.min(ids.len().saturating_sub(1)))?;
    match g.node(*id)?.props.get("name")? {
        GValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn queries(path: &std::path::Path, runs: usize, json: bool, only: Option<&str>) -> Result<()> {
    let t = Instant::now();
    let mut g = graph::load(path).with_context(|| path.display().to_string())?;
    let say = |line: String| {
        if !json {
            println!("{line}");
        }
    };
    let loaded = t.elapsed();
    // The first query builds the compact relationship lists; built here so that it is reported
    // on its own instead of landing in one query's p99.
    let t = Instant::now();
    g.prepare_adjacency();
    say(format!(
        "loaded {} nodes, {} relationships in {loaded:.2?}; relationship lists for queries in {:.2?}",
        g.node_count(),
        g.edge_count(),
        t.elapsed()
    ));
    let people = g.nodes_with_label("Person").len();
    let a = name_of(&g, "Person", 0);
    let b = name_of(&g, "Person", people / 2);
    let (na, nb) = match (a, b) {
        (Some(a), Some(b)) => (a, b),
        _ => {
            say("note: the graph has no Person nodes; person queries return no rows".into());
            ("Nobody".to_string(), "Nobody Else".to_string())
        }
    };
    let mut params = Params::new();
    params.insert("a".into(), Value::String(na.clone()));
    params.insert("b".into(), Value::String(nb.clone()));
    let cases = [
        ("name lookup", "MATCH (p:Person {name: $a}) RETURN p.name"),
        (
            "dossier",
            "MATCH (p:Person {name: $a})-[r]-(x) RETURN type(r), labels(x), x.name",
        ),
        (
            "2-hop",
            "MATCH (p:Person {name: $a})--()--(x) RETURN count(DISTINCT x)",
        ),
        (
            "shortest path",
            "MATCH path = shortestPath((a:Person {name: $a})-[*..6]-(b:Person {name: $b})) RETURN length(path)",
        ),
        (
            "meetings per country",
            "MATCH (m:Meeting)-[:HELD_IN]->()-[:LOCATED_IN*0..1]->(c:Country) RETURN c.name, count(DISTINCT m) AS n ORDER BY n DESC",
        ),
        (
            "var-length",
            "MATCH (p:Person {name: $a})-[:PARTICIPATED_IN|SAID*1..2]-(x) RETURN count(x)",
        ),
    ];
    let limits = Limits::default();
    if json {
        println!("{}", serde_json::json!({"a": na, "b": nb}));
    }
    say(format!(
        "{:<22} {:>10} {:>10} {:>6}",
        "query", "median", "p99", "rows"
    ));
    for (name, q) in cases {
        if only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut rows = 0;
        let mut failed = None;
        for _ in 0..runs.max(1) {
            let t = Instant::now();
            match query::execute(&mut g, q, &params, &limits) {
                Ok(r) => rows = r.rows.len(),
                Err(e) => {
                    failed = Some(e.to_string());
                    break;
                }
            }
            times.push(t.elapsed());
        }
        if let Some(e) = failed {
            if json {
                println!(
                    "{}",
                    serde_json::json!({"query": name, "error": format!("unsupported: {e}")})
                );
            } else {
                println!("{name:<22} unsupported: {e}");
            }
            continue;
        }
        times.sort();
        let med = times.get(times.len() / 2).copied().unwrap_or_default();
        let p99 = times
            .get((times.len() * 99 / 100).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default();
        if json {
            println!(
                "{}",
                serde_json::json!({"query": name, "median_ms": med.as_secs_f64() * 1e3, "p99_ms": p99.as_secs_f64() * 1e3, "rows": rows})
            );
        } else {
            println!("{name:<22} {med:>10.2?} {p99:>10.2?} {rows:>6}");
        }
    }
    Ok(())
}
