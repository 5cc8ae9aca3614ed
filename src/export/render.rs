//! Rendering DOT to SVG, PNG or PDF with Graphviz's `dot` program.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use thiserror::Error;

/// Picture formats `dot` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    Svg,
    Png,
    Pdf,
}

impl RenderFormat {
    fn flag(self) -> &'static str {
        match self {
            RenderFormat::Svg => "-Tsvg",
            RenderFormat::Png => "-Tpng",
            RenderFormat::Pdf => "-Tpdf",
        }
    }
}

/// Why rendering failed.
#[derive(Debug, Error)]
pub enum RenderError {
    #[error(
        "Graphviz's `{0}` program was not found. Install Graphviz (Debian/Ubuntu: `sudo apt-get install graphviz`, \
         Fedora: `sudo dnf install graphviz`, macOS: `brew install graphviz`, Windows: `winget install graphviz`), \
         set GRAPHVIZ_DOT to the program's path, or write DOT with `--format dot -o FILE.dot` and render it elsewhere"
    )]
    NotInstalled(PathBuf),
    #[error("`{program}` failed ({status}): {stderr}")]
    Failed {
        program: PathBuf,
        status: String,
        stderr: String,
    },
    #[error("running `{program}`: {source}")]
    Io {
        program: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The Graphviz program to run: `$GRAPHVIZ_DOT` when set, else `dot` from the PATH.
pub fn dot_program() -> PathBuf {
    std::env::var_os("GRAPHVIZ_DOT")
        .filter(|s| !s.is_empty())
        .map_or_else(|| PathBuf::from("dot"), PathBuf::from)
}

/// Renders `dot_source` into `output` as `format`.
pub fn render(dot_source: &[u8], format: RenderFormat, output: &Path) -> Result<(), RenderError> {
    let program = dot_program();
    let io = |source| RenderError::Io {
        program: program.clone(),
        source,
    };
    let mut child = match Command::new(&program)
        .arg(format.flag())
        .arg("-o")
        .arg(output)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(RenderError::NotInstalled(program));
        }
        Err(e) => return Err(io(e)),
    };
    let writer = child.stdin.take().map(|mut stdin| {
        let data = dot_source.to_vec();
        std::thread::spawn(move || stdin.write_all(&data))
    });
    let done = child.wait_with_output().map_err(io)?;
    if let Some(w) = writer {
        // A write error only matters when dot also failed (it then explains why).
        let _ = w.join();
    }
    if !done.status.success() {
        return Err(RenderError::Failed {
            program,
            status: done.status.to_string(),
            stderr: String::from_utf8_lossy(&done.stderr).trim().to_string(),
        });
    }
    Ok(())
}
