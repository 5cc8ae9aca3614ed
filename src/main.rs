//! The newsgraph command line. Only argument parsing and error reporting live here; every stage
//! is a library module.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::export::{self, Format};
use newsgraph::{graph, inputs, query, repl};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Turn news articles into a knowledge graph and query it"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the inputs and save the graph.
    Build {
        /// Text files, folders (read recursively) or saved graphs (*.ngraph).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to save the graph.
        #[arg(short, long)]
        output: PathBuf,
        /// Also write every mention and fact with the rule that produced it to this file.
        #[arg(long, value_name = "FILE")]
        explain: Option<PathBuf>,
    },
    /// Open the interactive shell (the default with no subcommand).
    Repl { inputs: Vec<PathBuf> },
    /// Run one query and print its result.
    Query {
        inputs: Vec<PathBuf>,
        /// The query text.
        #[arg(short = 'e', long = "execute")]
        query: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Write the graph, or the part a query returns, in another tool's format.
    Export {
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (standard output when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Export only the nodes, relationships and paths this query returns.
        #[arg(long)]
        query: Option<String>,
    },
    /// Print the dossier of one entity.
    Show {
        /// Inputs, then the entity's name as the last argument.
        #[arg(required = true, num_args = 1..)]
        args: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Dot,
    Jsonl,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Jsonl => Format::Jsonl,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`newsgraph export ... | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}

fn run(cli: Cli) -> Result<()> {
    match cli.command.unwrap_or(Command::Repl { inputs: vec![] }) {
        Command::Build {
            inputs,
            output,
            explain,
        } => {
            if let Some(path) = explain {
                write_explanation(&inputs, &path)?;
            }
            build(&inputs, &output)
        }
        Command::Repl { inputs } => {
            let (g, _) = inputs::open(&inputs)?;
            repl::run(g)?;
            Ok(())
        }
        Command::Query {
            inputs,
            query,
            format,
        } => run_query(&inputs, &query, format),
        Command::Export {
            inputs,
            format,
            output,
            query,
        } => run_export(&inputs, format.into(), output, query),
        Command::Show { mut args } => {
            let name = args.pop().unwrap_or_default();
            let inputs: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
            let (g, _) = inputs::open(&inputs)?;
            anyhow::bail!("no entity named {name:?} among {} nodes", g.node_count())
        }
    }
}

/// Writes `--explain`: the extraction of every text input, mention by mention.
fn write_explanation(inputs: &[PathBuf], path: &std::path::Path) -> Result<()> {
    let texts: Vec<PathBuf> = inputs
        .iter()
        .filter(|p| !inputs::is_graph_file(p))
        .cloned()
        .collect();
    let files = newsgraph::text::collect_files(&texts)?;
    let docs = files
        .iter()
        .map(|f| newsgraph::text::read_document(f))
        .collect::<Result<Vec<_>, _>>()?;
    std::fs::write(path, newsgraph::extract::explain_documents(&docs))
        .with_context(|| path.display().to_string())?;
    Ok(())
}

fn build(inputs: &[PathBuf], output: &std::path::Path) -> Result<()> {
    let started = Instant::now();
    let (g, report) = inputs::open(inputs)?;
    graph::save(&g, output)?;
    println!(
        "{} documents ({} already present), {} nodes, {} relationships in {:.2?}",
        report.documents_added,
        report.documents_skipped,
        g.node_count(),
        g.edge_count(),
        started.elapsed()
    );
    for (label, n) in g.label_counts() {
        println!("  :{label:<14} {n}");
    }
    for (ty, n) in g.rel_type_counts() {
        println!("  [:{ty:<13}] {n}");
    }
    println!("saved to {}", output.display());
    Ok(())
}

fn run_query(inputs: &[PathBuf], text: &str, _format: OutputFormat) -> Result<()> {
    let (mut g, _) = inputs::open(inputs)?;
    let result = query::execute(&mut g, text, &Default::default(), &Default::default())?;
    println!("{}", result.columns.join("\t"));
    for row in &result.rows {
        let cells: Vec<String> = row.iter().map(|v| format!("{v:?}")).collect();
        println!("{}", cells.join("\t"));
    }
    Ok(())
}

fn run_export(
    inputs: &[PathBuf],
    format: Format,
    output: Option<PathBuf>,
    query_text: Option<String>,
) -> Result<()> {
    let (mut g, _) = inputs::open(inputs)?;
    let subset = match query_text {
        Some(q) => {
            let result = query::execute(&mut g, &q, &Default::default(), &Default::default())?;
            Some(export::Subgraph::from_result(&g, &result))
        }
        None => None,
    };
    match output {
        Some(path) => {
            let mut f = std::io::BufWriter::new(
                std::fs::File::create(&path).with_context(|| path.display().to_string())?,
            );
            export::export(&g, subset.as_ref(), format, &mut f)?;
            f.flush()?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            export::export(&g, subset.as_ref(), format, &mut lock)?;
        }
    }
    Ok(())
}
