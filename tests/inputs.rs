//! Drives the built binary over a folder of hostile inputs: every bad file is named on stderr,
//! the good ones are built, and `--strict` turns any bad file into exit 1.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn newsgraph(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run newsgraph")
}

fn hostile_folder(root: &Path) -> std::path::PathBuf {
    let d = root.join("in");
    fs::create_dir(&d).unwrap();
    fs::write(
        d.join("good.txt"),
        "Bridge Reopens After Repairs\r\n\r\nThe old bridge over the river reopened to traffic on Monday after two years of repairs.\r\n",
    )
    .unwrap();
    // Binary content behind a .txt name.
    fs::write(d.join("photo.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    // Latin-1 / Windows-1252.
    fs::write(
        d.join("latin1.txt"),
        b"Caf\xE9 Owners Protest Rent Rise\n\nCaf\xE9 owners in the old town protested on Tuesday against a steep rise in rents.\n",
    )
    .unwrap();
    // UTF-16 LE with BOM.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Gda\u{144}sk Port Expands\n\nThe port of Gda\u{144}sk opened a new container terminal on Wednesday.\n"
        .encode_utf16()
    {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(d.join("utf16.txt"), utf16).unwrap();
    fs::write(
        d.join("page.html"),
        "<html><head><title>Museum Opens New Wing | City Paper</title>\
         <meta property=\"article:published_time\" content=\"2024-05-02T08:00:00Z\"></head>\
         <body><nav>Home World Sport</nav><article><p>The city museum opened a new wing on Thursday.</p>\
         <script>document.write('tracker')</script></article></body></html>",
    )
    .unwrap();
    fs::write(
        d.join("feed.jsonl"),
        "{\"title\":\"Ferry Service Resumes\",\"date\":\"2024-06-01\",\"text\":\"The island ferry resumed service on Saturday.\",\"url\":\"https://example.test/ferry\"}\n\
         {\"title\": \"Broken\", \"text\": \n\
         {\"title\":\"Library Extends Hours\",\"text\":\"The public library will stay open until ten in the evening.\"}\n",
    )
    .unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    d
}

#[test]
fn bad_files_are_named_and_the_rest_is_built() {
    let tmp = tempfile::tempdir().unwrap();
    let input = hostile_folder(tmp.path());
    let out = newsgraph(&["build", "in", "-o", "g.ngraph"], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "stderr: {stderr}");
    assert!(
        stderr.contains("photo.txt") && stderr.contains("PNG"),
        "{stderr}"
    );
    assert!(stderr.contains("feed.jsonl:2"), "{stderr}");
    assert!(stderr.contains("empty.txt"), "{stderr}");
    for good in [
        "good.txt",
        "latin1.txt",
        "utf16.txt",
        "page.html",
        "feed.jsonl:1",
        "feed.jsonl:3",
    ] {
        assert!(!stderr.contains(good), "{good} reported bad: {stderr}");
    }
    assert!(stdout.starts_with("6 documents"), "{stdout}");
    assert!(tmp.path().join("g.ngraph").is_file());

    // The decoded titles and dates reach the graph.
    let export = newsgraph(&["export", "g.ngraph", "--format", "jsonl"], tmp.path());
    let jsonl = String::from_utf8_lossy(&export.stdout);
    assert!(export.status.success());
    for want in [
        "Café Owners Protest Rent Rise",
        "Gdańsk Port Expands",
        "Museum Opens New Wing",
        "Ferry Service Resumes",
        "2024-05-02",
        "2024-06-01",
    ] {
        assert!(jsonl.contains(want), "{want} missing from export");
    }
    drop(input);
}

#[test]
fn strict_makes_any_bad_file_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    hostile_folder(tmp.path());
    let out = newsgraph(&["build", "in", "-o", "g.ngraph", "--strict"], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("photo.txt") && stderr.contains("feed.jsonl:2"),
        "{stderr}"
    );
    assert!(!tmp.path().join("g.ngraph").exists());
}

#[test]
fn standard_input_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "-", "-o", "g.ngraph"])
        .current_dir(tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"text\":\"The harbour reopened on Friday.\"}\n{\"text\":\"Talks resumed on Monday.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("2 documents"), "{stdout}");
}

#[test]
fn nothing_readable_is_an_error_naming_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("x.txt"), b"%PDF-1.5 binary").unwrap();
    let out = newsgraph(
        &["build", "x.txt", "missing.txt", "-o", "g.ngraph"],
        tmp.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("x.txt") && stderr.contains("PDF"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_terminates() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("in");
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::write(
        d.join("sub/a.txt"),
        "The council met on Monday to discuss the budget.",
    )
    .unwrap();
    std::os::unix::fs::symlink(&d, d.join("sub/back")).unwrap();
    let out = newsgraph(&["build", "in", "-o", "g.ngraph"], tmp.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("1 documents"));
}
