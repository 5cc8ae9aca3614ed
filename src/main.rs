//! The newsgraph command line. Only argument parsing and error reporting live here; every stage
//! is a library module.
#![forbid(unsafe_code)]

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::export::{self, Format};
use newsgraph::{graph, inputs, query, repl};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// mimalloc: building the 100k-article benchmark graph allocates millions of small strings and
/// maps; with it the one-core build is 5% faster and the two-core build 17% (docs/benchmarks.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `println!` that returns an error instead of panicking when standard output is closed
/// (`newsgraph build ... | head`); `main` treats that error as success.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout(), $($arg)*)?
    };
}

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
        /// Fail (exit 1, nothing saved) if any input file or JSON Lines line is unreadable,
        /// instead of skipping it with a warning.
        #[arg(long)]
        strict: bool,
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
        /// A query parameter, `name=value` (value as a literal: 42, 'text', [1, 2]; else text).
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// Stop the query after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
        timeout: f64,
    },
    /// Write the graph, or the part a query returns, in another tool's format.
    Export(ExportArgs),
    /// Read a JSON Lines export (APOC shape) back into a saved graph.
    Import {
        /// The JSON Lines file.
        input: PathBuf,
        /// Where to save the graph.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Generate a synthetic news corpus with its gold annotation (for benchmarks).
    Gen {
        /// Number of articles.
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        /// Seed: the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output folder (articles as ID.txt, gold.json).
        #[arg(short, long)]
        output: PathBuf,
        /// Also write articles.jsonl (input for `extract --jsonl`).
        #[arg(long)]
        jsonl: bool,
    },
    /// Per-document extraction as a pure map step: JSON articles on stdin, one record of
    /// entities, mentions and facts per article on stdout (see `resolve`).
    Extract {
        /// Read `{"id","title","date","text"}` lines, write one record line per article.
        #[arg(long, required = true)]
        jsonl: bool,
    },
    /// The reduce step: merge records written by `extract --jsonl` into one graph and save it.
    Resolve {
        /// Record files (`-` for standard input).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Where to save the graph.
        #[arg(short, long)]
        output: PathBuf,
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

#[derive(clap::Args)]
struct ExportArgs {
    inputs: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ExportFormat::Dot)]
    format: ExportFormat,
    /// Output file (standard output when absent).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Export only the nodes, relationships and paths this query returns.
    #[arg(long, conflicts_with = "around")]
    query: Option<String>,
    /// Export only the neighbourhood of the entity with this name or alias.
    #[arg(long, value_name = "NAME")]
    around: Option<String>,
    /// Leave out nodes with this label or relationships of this type (repeatable), e.g.
    /// `--hide Document --hide MENTIONS`.
    #[arg(long, value_name = "LABEL_OR_TYPE")]
    hide: Vec<String>,
    /// Hops around the `--around` entity.
    #[arg(long, default_value_t = 2, requires = "around")]
    depth: usize,
    /// DOT: group nodes into boxes by source document or by country.
    #[arg(long, value_enum)]
    cluster: Option<ClusterArg>,
    /// DOT: layout direction.
    #[arg(long, value_enum, ignore_case = true, default_value_t = RankDirArg::LR)]
    rankdir: RankDirArg,
    /// DOT: leave out the legend.
    #[arg(long)]
    no_legend: bool,
    /// JSONL: also write each document's metadata and full text, so `import` restores them.
    #[arg(long)]
    documents: bool,
    /// Render the DOT with Graphviz into this picture format (needs -o).
    #[arg(long, value_enum, requires = "output")]
    render: Option<RenderArg>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Dot,
    Jsonl,
    Graphml,
    Csv,
    Cypher,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Jsonl => Format::Jsonl,
            ExportFormat::Graphml => Format::Graphml,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Cypher => Format::Cypher,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ClusterArg {
    Document,
    Country,
}

#[derive(Clone, Copy, ValueEnum)]
#[allow(clippy::upper_case_acronyms)]
#[value(rename_all = "UPPER")]
enum RankDirArg {
    LR,
    TB,
    RL,
    BT,
}

#[derive(Clone, Copy, ValueEnum)]
enum RenderArg {
    Svg,
    Png,
    Pdf,
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
            strict,
            explain,
        } => {
            if let Some(path) = explain {
                write_explanation(&inputs, &path)?;
            }
            build(&inputs, &output, strict)
        }
        Command::Repl { inputs } => {
            let (g, _) = inputs::open(&inputs)?;
            let file = inputs.iter().find(|p| inputs::is_graph_file(p)).cloned();
            repl::run_with(
                g,
                repl::Options {
                    file,
                    ..Default::default()
                },
            )?;
            Ok(())
        }
        Command::Query {
            inputs,
            query,
            format,
            params,
            timeout,
        } => run_query(&inputs, &query, format, &params, timeout),
        Command::Export(args) => run_export(args),
        Command::Import { input, output } => {
            let name = input.display().to_string();
            let file = std::fs::File::open(&input).with_context(|| name.clone())?;
            let g = export::import::read_jsonl(std::io::BufReader::new(file), &name)?;
            graph::save(&g, &output)?;
            outln!(
                "imported {} nodes, {} relationships, {} documents; saved to {}",
                g.node_count(),
                g.edge_count(),
                g.documents().len(),
                output.display()
            );
            Ok(())
        }
        Command::Gen {
            docs,
            seed,
            output,
            jsonl,
        } => {
            let started = Instant::now();
            let gold = newsgraph::generator::write_corpus(
                newsgraph::generator::GenConfig { docs, seed },
                &output,
                jsonl,
            )?;
            eprintln!(
                "{} articles, {} entities, {} meetings, {} statements written to {} in {:.2?}",
                gold.documents.len(),
                gold.entities.len(),
                gold.meetings.len(),
                gold.statements.len(),
                output.display(),
                started.elapsed()
            );
            Ok(())
        }
        Command::Extract { jsonl: _ } => extract_jsonl(),
        Command::Resolve { inputs, output } => resolve_records(&inputs, &output),
        Command::Show { mut args } => {
            let name = args.pop().unwrap_or_default();
            let inputs: Vec<PathBuf> = args.into_iter().map(PathBuf::from).collect();
            let (g, _) = inputs::open(&inputs)?;
            let dossier = repl::dossier::dossier(&g, &name)?;
            outln!("{}", dossier.render(repl::style::color_wanted()));
            Ok(())
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
    let docs = newsgraph::text::read_inputs(&texts, &Default::default()).docs;
    std::fs::write(path, newsgraph::extract::explain_documents(&docs))
        .with_context(|| path.display().to_string())?;
    Ok(())
}

fn build(inputs: &[PathBuf], output: &std::path::Path, strict: bool) -> Result<()> {
    let started = Instant::now();
    let opts = inputs::OpenOptions {
        strict,
        progress: true,
        ..Default::default()
    };
    let inputs::Opened {
        graph: g,
        report,
        skipped,
    } = inputs::open_with(inputs, &opts)?;
    for s in &skipped {
        eprintln!("warning: skipped {s}");
    }
    graph::save(&g, output)?;
    outln!(
        "{} documents ({} already present), {} nodes, {} relationships in {:.2?}",
        report.documents_added,
        report.documents_skipped,
        g.node_count(),
        g.edge_count(),
        started.elapsed()
    );
    for (label, n) in g.label_counts() {
        outln!("  :{label:<14} {n}");
    }
    for (ty, n) in g.rel_type_counts() {
        outln!("  [:{ty:<13}] {n}");
    }
    if !skipped.is_empty() {
        outln!("{} input(s) skipped (see warnings)", skipped.len());
    }
    outln!("saved to {}", output.display());
    Ok(())
}

fn run_query(
    inputs: &[PathBuf],
    text: &str,
    format: OutputFormat,
    param_args: &[String],
    timeout: f64,
) -> Result<()> {
    let mut params = query::Params::new();
    for p in param_args {
        let (name, value) = query::render::parse_param(p)
            .with_context(|| format!("--param {p:?}: expected NAME=VALUE"))?;
        params.insert(name, value);
    }
    if !(timeout.is_finite() && timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let limits = query::Limits {
        timeout: std::time::Duration::from_secs_f64(timeout),
        ..Default::default()
    };
    let (mut g, _) = inputs::open(inputs)?;
    let result = query::execute(&mut g, text, &params, &limits)?;
    let opts = repl::render::RenderOptions {
        format: match format {
            OutputFormat::Table => repl::render::OutputFormat::Table,
            OutputFormat::Json => repl::render::OutputFormat::Json,
            OutputFormat::Csv => repl::render::OutputFormat::Csv,
        },
        ..Default::default()
    };
    outln!("{}", repl::render::render_result(&g, &result, &opts)?);
    if matches!(format, OutputFormat::Table) {
        outln!("{}", repl::render::footer(result.rows.len(), None));
    }
    if !result.stats.is_empty() {
        eprintln!("{}", query::render::stats_line(&result.stats));
    }
    for notice in &result.notices {
        eprintln!("note: {notice}");
    }
    Ok(())
}

fn run_export(args: ExportArgs) -> Result<()> {
    use export::render::RenderFormat;
    let (mut g, _) = inputs::open(&args.inputs)?;
    let subset = match (&args.query, &args.around) {
        (Some(q), _) => {
            let result = query::execute(&mut g, q, &Default::default(), &Default::default())?;
            Some(export::Subgraph::from_result(&g, &result))
        }
        (None, Some(name)) => Some(export::around(&g, name, args.depth)?),
        (None, None) => None,
    };
    let subset = if args.hide.is_empty() {
        subset
    } else {
        Some(export::Subgraph::hiding(&g, subset.as_ref(), &args.hide))
    };
    let mut options = export::Options::default();
    options.dot.legend = !args.no_legend;
    options.jsonl_documents = args.documents;
    options.dot.rankdir = match args.rankdir {
        RankDirArg::LR => export::RankDir::LeftRight,
        RankDirArg::TB => export::RankDir::TopBottom,
        RankDirArg::RL => export::RankDir::RightLeft,
        RankDirArg::BT => export::RankDir::BottomTop,
    };
    options.dot.cluster = args.cluster.map(|c| match c {
        ClusterArg::Document => export::Cluster::Document,
        ClusterArg::Country => export::Cluster::Country,
    });
    let format: Format = args.format.into();
    if let (Some(render), Some(path)) = (args.render, &args.output) {
        if args.format != ExportFormat::Dot {
            anyhow::bail!("--render draws the DOT export; leave out --format or use --format dot");
        }
        let mut dot = Vec::new();
        export::export_with(&g, subset.as_ref(), format, &options, &mut dot)?;
        let picture = match render {
            RenderArg::Svg => RenderFormat::Svg,
            RenderArg::Png => RenderFormat::Png,
            RenderArg::Pdf => RenderFormat::Pdf,
        };
        export::render::render(&dot, picture, path)?;
        return Ok(());
    }
    match &args.output {
        Some(dir) if format == Format::Csv => {
            let files = export::csv::write_dir(&g, subset.as_ref(), dir)?;
            eprintln!("wrote {} files to {}", files.len(), dir.display());
        }
        Some(path) => {
            let mut f = std::io::BufWriter::new(
                std::fs::File::create(path).with_context(|| path.display().to_string())?,
            );
            export::export_with(&g, subset.as_ref(), format, &options, &mut f)?;
            f.flush()?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            export::export_with(&g, subset.as_ref(), format, &options, &mut lock)?;
        }
    }
    Ok(())
}

fn extract_jsonl() -> Result<()> {
    use newsgraph::extract::record;
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut bad = 0usize;
    let written = record::extract_stream(stdin.lock(), &mut out, |line, message| {
        bad += 1;
        eprintln!("warning: skipped stdin:{line}: {message}");
    })
    .context("extract --jsonl")?;
    if bad > 0 {
        eprintln!("{written} articles extracted, {bad} line(s) skipped");
    }
    Ok(())
}

fn resolve_records(inputs: &[PathBuf], output: &std::path::Path) -> Result<()> {
    use newsgraph::extract::record;
    let started = Instant::now();
    let mut g = graph::Graph::new();
    let mut records = Vec::new();
    let mut skipped = 0usize;
    for path in inputs {
        let name = path.display().to_string();
        let reader: Box<dyn std::io::BufRead> = if name == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            let file = std::fs::File::open(path).with_context(|| name.clone())?;
            Box::new(std::io::BufReader::with_capacity(1 << 16, file))
        };
        record::read_records(reader, |line, r| match r {
            Ok(rec) => records.push(rec),
            Err(e) => {
                skipped += 1;
                eprintln!("warning: skipped {name}:{line}: {e}");
            }
        })
        .with_context(|| name.clone())?;
    }
    // one merge over all records, as `build` does, so both give the same graph
    let total = record::ingest_records(&mut g, records);
    graph::save(&g, output)?;
    outln!(
        "{} documents ({} already present), {} nodes, {} relationships in {:.2?}; {} bad record line(s)",
        total.documents_added,
        total.documents_skipped,
        g.node_count(),
        g.edge_count(),
        started.elapsed(),
        skipped
    );
    outln!("saved to {}", output.display());
    Ok(())
}
