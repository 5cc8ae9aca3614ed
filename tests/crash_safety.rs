//! A `build -o` killed at any moment leaves the previous graph file intact and loadable.

mod common;
use common::{run_ok, seeds};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A corpus large enough that a build takes a noticeable time: the seeds, many times over, each
/// copy made unique so content-hash deduplication keeps them all.
fn big_corpus(dir: &std::path::Path, copies: usize) {
    let texts: Vec<String> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for i in 0..copies {
        let text = &texts[i % texts.len()];
        std::fs::write(
            dir.join(format!("copy{i:04}.txt")),
            format!("{text}\n\nCopy {i}.\n"),
        )
        .unwrap();
    }
}

#[test]
fn killed_builds_never_damage_the_saved_graph() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.ngraph");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    big_corpus(&corpus, 150);
    run_ok(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        graph.to_str().unwrap(),
    ]);
    let original = std::fs::read(&graph).unwrap();

    // How long a full build of the big corpus takes, so kills land before, during and after writing.
    let started = Instant::now();
    run_ok(&[
        "build",
        corpus.to_str().unwrap(),
        "-o",
        dir.path().join("full.ngraph").to_str().unwrap(),
    ]);
    let full = started.elapsed();
    let complete = std::fs::read(dir.path().join("full.ngraph")).unwrap();

    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut outcomes = (0, 0);
    for _ in 0..20 {
        std::fs::write(&graph, &original).unwrap();
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = full.mul_f64((state >> 33) as f64 / (1u64 << 31) as f64 * 1.2);
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args([
                "build",
                corpus.to_str().unwrap(),
                "-o",
                graph.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay.max(Duration::from_millis(1)));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&graph).unwrap();
        if now == original {
            outcomes.0 += 1;
        } else {
            assert_eq!(
                now.len(),
                complete.len(),
                "a killed build left a partial file"
            );
            outcomes.1 += 1;
        }
        // Whatever is there loads.
        run_ok(&[
            "export",
            graph.to_str().unwrap(),
            "--format",
            "jsonl",
            "-o",
            "/dev/null",
        ]);
    }
    println!(
        "kept the old file {} times, saw the complete new file {} times",
        outcomes.0, outcomes.1
    );
}
