//! Malformed input never panics: every TCK query, cut short at two points and with characters
//! swapped, is run against a small graph; each must return a result or an error.

use newsgraph::graph::Graph;
use newsgraph::query::{self, Limits, Params};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn queries(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            queries(&p, out);
        } else if p.extension().is_some_and(|x| x == "feature")
            && let Ok(text) = std::fs::read_to_string(&p)
        {
            let mut inside = false;
            let mut cur = String::new();
            for line in text.lines() {
                if line.trim() == "\"\"\"" {
                    if inside {
                        out.push(std::mem::take(&mut cur));
                    }
                    inside = !inside;
                } else if inside {
                    cur.push_str(line.trim());
                    cur.push('\n');
                }
            }
        }
    }
}

#[test]
fn mangled_queries_never_panic() {
    let root = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/tck/features"
    ));
    let mut qs = Vec::new();
    queries(&root, &mut qs);
    if qs.is_empty() {
        println!(
            "note: {} is absent; robustness test skipped",
            root.display()
        );
        return;
    }
    qs.sort();
    qs.dedup();
    let limits = Limits {
        max_depth: 6,
        max_rows: 10_000,
        timeout: Duration::from_millis(100),
        ..Limits::default()
    };
    let mut base = Graph::new();
    let _ = query::execute(
        &mut base,
        "CREATE (a:A {name: 'a', num: 1})-[:T {w: 2}]->(b:B {name: 'b'}), (b)-[:T]->(a), (a)-[:S]->(a)",
        &Params::new(),
        &limits,
    );
    let mut variants = 0;
    let mut panics = Vec::new();
    for q in &qs {
        let chars: Vec<char> = q.chars().collect();
        let n = chars.len();
        // The intact queries run in the TCK test; here only broken variants.
        let mut cuts: Vec<String> = (1..3)
            .map(|k| chars[..n * k / 3].iter().collect())
            .collect();
        if n > 4 {
            let mut swapped = chars.clone();
            swapped.swap(n / 3, n / 2);
            cuts.push(swapped.into_iter().collect());
        }
        for v in cuts {
            variants += 1;
            let mut g = base.clone();
            let r = catch_unwind(AssertUnwindSafe(|| {
                let _ = query::execute(&mut g, &v, &Params::new(), &limits);
            }));
            if r.is_err() {
                panics.push(v);
            }
        }
    }
    println!("{variants} mangled queries run");
    assert!(
        panics.is_empty(),
        "panicked on: {:#?}",
        &panics[..panics.len().min(5)]
    );
}
